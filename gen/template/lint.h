/* lint.h: reads the sentences the templates made, as an editor would
 * (gen --controleer; docs/templates.md, "De controle van de tekst"). Called by
 * template.c on every paragraph and list item it builds, with what each
 * printed value was; findings go to a buffer, one a line:
 *   templates/1-kern.xml:57: utrecht: ‘een meerderheid’ past niet bij 0% ...
 * Withheld values never reach here: template.c refuses them (or takes the
 * author's <anders>) while building. */
#ifndef LINT_H
#define LINT_H

#include "doc.h"
#include "survey.h"
#include "util.h"

typedef struct {
	const doc_node *node;   /* the DOC_VALUE printed */
	const question *q;      /* the question it was taken from, or NULL */
	int names;              /* a text value (top(), label(), kwantor()) */
	int quantifier;         /* 1: kwantor(), 2: aandeel() (words of the scale) */
	int pct;                /* a percentage */
} lint_value;

/* Lints one block (paragraph or list item); returns the number of findings
 * appended to out. */
int lint_block(const doc_node *block, const lint_value *vals, int nvals, const char *file, long line,
	       const char *edition, strbuf *out);

/* The typed quantifiers the lint knows, and their bounds in percent. */
typedef struct {
	const char *id;      /* the term of its words (lower case, as typed) */
	double lo, hi;
	int lo_open, hi_open; /* bound excluded */
} lint_quantifier;
extern const lint_quantifier lint_quantifiers[];

#endif
