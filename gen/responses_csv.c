/* responses_csv.c: reads input/antwoorden.csv into the survey's respondents
 * and checks every cell against the questionnaire and the register, so an
 * error names the file, the line and what was expected. */
#include "survey.h"
#include "csvread.h"

#include <stdlib.h>
#include <string.h>

/* Parses one answer cell for column c; -1 with e set if it is not valid. */
static int parse_cell(const survey *s, int c, const char *cell, answer *a,
		      const char *path, long line, const char *colname, struct err *e)
{
	const question *q = &s->qn->questions[s->cols[c].q];
	a->cat = -1;
	a->text = NULL;
	if (q->kind == Q_OPEN) {
		if (*cell)
			a->text = xstrdup(cell);
		return 0;
	}
	if (!*cell)
		return 0;
	if (q->kind == Q_MENTIONS) {
		if (!strcmp(cell, "1") || !strcmp(cell, "0")) {
			a->cat = cell[0] - '0';
			return 0;
		}
		return err_set(e, path, line, "column %s: '%s'; expected 1 (mentioned), 0 or empty", colname, cell);
	}
	int k = scale_find_cat(q->scale, cell);
	if (k < 0) {
		strbuf b;
		sb_init(&b);
		for (int i = 0; i < q->scale->ncat; i++)
			sb_printf(&b, "%s%s", i ? ", " : "", q->scale->cats[i].id);
		err_set(e, path, line, "column %s: unknown category '%s'; expected one of %s, or empty", colname, cell, b.s);
		sb_free(&b);
		return -1;
	}
	a->cat = k;
	return 0;
}

int responses_check_max(const survey *s, const respondent *r, const char *path, struct err *e)
{
	for (int q = 0; q < s->qn->nquestions; q++) {
		const question *qq = &s->qn->questions[q];
		if (qq->kind != Q_MENTIONS || qq->max <= 0)
			continue;
		int k = 0;
		for (int c = 0; c < s->ncols; c++)
			k += s->cols[c].q == q && r->ans[c].cat == 1;
		if (k > qq->max)
			return err_set(e, path, r->line, "respondent %s mentions %d items of '%s'; expected at most %d",
				       r->id, k, qq->id, qq->max);
	}
	return 0;
}

int responses_load_csv(survey *s, const char *path, struct err *e)
{
	csv_table *t = csv_read(path, e);
	if (!t)
		return -1;
	int rc = 0;
	int cid = csv_col(t, "respondent"), cgem = csv_col(t, "gemeentecode"), cfun = csv_col(t, "functie");
	int *map = xcalloc((size_t)t->rows[0].nf, sizeof *map); /* csv column -> survey column */
	if (cid < 0 || cgem < 0)
		rc = err_set(e, path, t->rows[0].line,
			     "the header has no '%s' column; expected respondent,gemeentecode,functie and one column per question item",
			     cid < 0 ? "respondent" : "gemeentecode");
	for (int j = 0; !rc && j < t->rows[0].nf; j++) {
		const char *name = t->rows[0].f[j];
		map[j] = -1;
		if (j == cid || j == cgem || j == cfun)
			continue;
		map[j] = survey_column(s, name);
		if (map[j] < 0)
			rc = err_set(e, path, t->rows[0].line,
				     "column '%s' is not a question item of the questionnaire; expected 'vraag.item' or an open question id",
				     name);
		for (int k = 0; !rc && k < j; k++)
			if (!strcmp(t->rows[0].f[k], name))
				rc = err_set(e, path, t->rows[0].line, "column '%s' appears twice", name);
	}
	if (!rc && t->nrows < 2)
		rc = err_set(e, path, 0, "no respondents; expected one row per respondent after the header");
	if (!rc) {
		s->resp = xcalloc((size_t)t->nrows, sizeof *s->resp);
		for (int i = 1; i < t->nrows && !rc; i++) {
			csv_row *row = &t->rows[i];
			respondent *r = &s->resp[s->nresp];
			r->line = row->line;
			r->ans = xcalloc((size_t)s->ncols, sizeof *r->ans);
			for (int c = 0; c < s->ncols; c++)
				r->ans[c].cat = -1;
			r->id = xstrdup(row->f[cid]);
			r->functie = xstrdup(cfun >= 0 ? row->f[cfun] : "");
			s->nresp++;
			if (!*r->id) {
				rc = err_set(e, path, row->line, "empty respondent id; expected a unique id per row");
				break;
			}
			r->gem = registry_find(s->reg, row->f[cgem]);
			if (!r->gem) {
				rc = err_set(e, path, row->line,
					     "unknown gemeentecode '%s'; expected a code of the register %s",
					     row->f[cgem], s->reg->source);
				break;
			}
			for (int j = 0; j < row->nf && !rc; j++)
				if (map[j] >= 0)
					rc = parse_cell(s, map[j], row->f[j], &r->ans[map[j]], path, row->line,
							t->rows[0].f[j], e);
			if (!rc)
				rc = responses_check_max(s, r, path, e);
		}
	}
	if (!rc)
		rc = survey_check_unique(s, path, e);
	free(map);
	csv_table_free(t);
	return rc;
}
