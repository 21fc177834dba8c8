/* template.h: the report templates (templates/rapport.xml and its parts) and
 * their evaluation, per variant, into a document tree (doc.h). */
#ifndef TEMPLATE_H
#define TEMPLATE_H

#include <libxml/tree.h>
#include "aggregate.h"
#include "doc.h"

typedef struct {
	char *path;
	xmlDocPtr xml;
} template_part;

typedef struct {
	char *dir;
	xmlDocPtr rapport;        /* rapport.xml: meta and the list of parts */
	int nparts;
	template_part *parts;
	char *veldwerk_van, *veldwerk_tot;
} templates;

/* Loads and validates rapport.xml and every part against rng_path. */
templates *templates_load(const char *dir, const char *rng_path, struct err *e);
void templates_free(templates *t);

/* Evaluates the templates on one variant's stats. Claims that do not hold
 * are reported on stderr as "file:line: claim does not hold ..." and
 * counted in d->nclaims_failed (the caller fails the run on them); with
 * strict 0 (draft, --concept) each is also explained in a footnote and a
 * legend panel opens the report. A claim whose test reads a suppressed
 * number is left out (recorded with holds -1). Returns NULL with e set on
 * an error (a bad expression, an unknown question). */
doc *report_build(const templates *t, const stats *st, int strict, struct err *e);
/* The same, and with lint non-NULL the lint of every paragraph and list
 * item (lint.c) appended to it, one finding a line
 * ("templates/X.xml:LINE: edition: what"), their number in *nlint. */
doc *report_build_lint(const templates *t, const stats *st, int strict, strbuf *lint, int *nlint, struct err *e);

/* The input files as rapport.xml names them in <invoer> (file names in the
 * input folder), each with the line that names it; NULL and 0 where the
 * report leaves the default. Free with templates_inputs_free(). */
typedef struct {
	char *questionnaire, *registry, *responses;
	long questionnaire_line, registry_line, responses_line;
	char *lang; /* <taal> in <meta>: the report's language, a BCP 47 tag; NULL: the term list's */
	long lang_line;
	char *area_column; /* <uitgaven kolom>: the register column of the areas; NULL: provincie */
} template_inputs;
/* Returns 0, or -1 with e set when <taal> is not a language tag. */
int templates_inputs(const templates *t, template_inputs *in, struct err *e);
void templates_inputs_free(template_inputs *in);

/* After doc_resolve: every figure drawn from a question has the number the
 * questionnaire gives it (figuur="2.2"), which cijfers.csv, codeboek.csv
 * and the questionnaire annex print; a figure the report numbers otherwise
 * (a chapter added, a figure left out) is an error naming both places.
 * Returns 0, or -1 with e set. */
int report_check_figure_numbers(const doc *d, const questionnaire *qn, struct err *e);

/* The breakdown rapport.xml declares in <indeling> into b (checked: at
 * most SC_MAX classes, ids unique, bounds ascending with only the last
 * class open, a value on every class of a categorical one, unions of
 * known classes); without one, breakdown_default. Returns 0, or -1 with e
 * set at the line. Free b with breakdown_free. */
int templates_breakdown(const templates *t, breakdown *b, struct err *e);

/* The report's metadata from rapport.xml without an area (area and variant
 * NULL): what the landing page shows. Free with doc_meta_free(). */
void templates_meta(const templates *t, doc_meta *m);

/* figures.c: a figure from a question's data: chart, caption with n, data
 * table. kind: "staaf", "ranglijst", "top-bodem" (NULL: by question kind);
 * k: rows shown (0 = all); headings: "A|B" for top-bodem; source: the
 * report's source line (doc_figure_source), which a chart file read on its
 * own carries with the edition. */
doc_node *figure_from_question(const stats *st, const question_stats *qs, const char *kind, int k,
			       const char *headings, const char *source, const char *file, long line, struct err *e);

/* appendix.c: the generated blocks of the annexes, appended to parent. */
void append_response_table(doc_node *parent, const stats *st, int by_province);
void append_questionnaire(doc_node *parent, const stats *st);
void append_frequency_tables(doc_node *parent, const stats *st);
/* At most max answers (open_answers_select), with a sentence when some are left out. */
void append_open_answers(doc_node *parent, const stats *st, const question_stats *qs, int max);
#define OPEN_ANSWERS_MAX 40 /* <open-antwoorden> without max="..." */

#endif
