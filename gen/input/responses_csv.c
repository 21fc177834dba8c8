/* responses_csv.c: reads input/antwoorden.csv row by row into the survey
 * (survey_add) and checks every cell against the questionnaire and the
 * register, so an error names the file, the line and what was expected. */
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
		if ((cell[0] == '1' || cell[0] == '0') && !cell[1]) {
			a->cat = cell[0] - '0';
			return 0;
		}
		return err_set(e, path, line, "column %s: '%s'; expected 1 (mentioned), 0 or empty", colname, cell);
	}
	/* a million rows of a hundred cells: compared inline, a call to strcmp
	 * per cell was a tenth of the loading time */
	int k = -1;
	for (int i = 0; i < q->scale->ncat && k < 0; i++) {
		const char *id = q->scale->cats[i].id, *p = cell;
		while (*id && *id == *p)
			id++, p++;
		if (*id == *p)
			k = i;
	}
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
	/* one pass over the columns: a question's items are adjacent */
	int k = 0;
	for (int c = 0; c < s->ncols; c++) {
		const question *qq = &s->qn->questions[s->cols[c].q];
		if (qq->kind != Q_MENTIONS || qq->max <= 0)
			continue;
		k += r->ans[c].cat == 1;
		if (c + 1 < s->ncols && s->cols[c + 1].q == s->cols[c].q)
			continue;
		if (k > qq->max)
			return err_set(e, path, r->line, "respondent %s mentions %d items of '%s'; expected at most %d",
				       r->id, k, qq->id, qq->max);
		k = 0;
	}
	return 0;
}

/* What the row callback needs between rows. */
struct load {
	survey *s;
	const char *path;
	struct err *e;
	int cid, cgem, cfun;
	int nf;
	int *map;         /* csv column -> survey column, -1 for the fixed ones */
	char **names;     /* header, for messages */
	respondent r;     /* the row being read, reused */
	/* gemeentecode -> register index for GM + 4 digits, so a million rows
	 * do not each scan the 408 codes */
	short *by_code;
};

static int header(struct load *l, const csv_row *row)
{
	survey *s = l->s;
	l->nf = row->nf;
	l->cid = l->cgem = l->cfun = -1;
	l->names = xcalloc((size_t)row->nf, sizeof *l->names);
	for (int j = 0; j < row->nf; j++) {
		l->names[j] = xstrdup(row->f[j]);
		if (!strcmp(row->f[j], "respondent"))
			l->cid = j;
		else if (!strcmp(row->f[j], "gemeentecode"))
			l->cgem = j;
		else if (!strcmp(row->f[j], "functie"))
			l->cfun = j;
	}
	if (l->cid < 0 || l->cgem < 0)
		return err_set(l->e, l->path, row->line,
			       "the header has no '%s' column; expected respondent,gemeentecode,functie and one column per question item",
			       l->cid < 0 ? "respondent" : "gemeentecode");
	l->map = xcalloc((size_t)row->nf, sizeof *l->map);
	for (int j = 0; j < row->nf; j++) {
		const char *name = row->f[j];
		l->map[j] = -1;
		if (j == l->cid || j == l->cgem || j == l->cfun)
			continue;
		l->map[j] = survey_column(s, name);
		if (l->map[j] < 0)
			return err_set(l->e, l->path, row->line,
				       "column '%s' is not a question item of the questionnaire; expected 'vraag.item' or an open question id",
				       name);
		for (int k = 0; k < j; k++)
			if (!strcmp(row->f[k], name))
				return err_set(l->e, l->path, row->line, "column '%s' appears twice", name);
	}
	if (survey_check_columns(s, l->map, row->nf, l->path, row->line, l->e))
		return -1;
	l->by_code = xmalloc(10000 * sizeof *l->by_code);
	for (int i = 0; i < 10000; i++)
		l->by_code[i] = -1;
	for (int g = 0; g < s->reg->n; g++) {
		const char *c = s->reg->g[g].code;
		if (!strncmp(c, "GM", 2) && strlen(c) == 6 && strspn(c + 2, "0123456789") == 4)
			l->by_code[atoi(c + 2)] = (short)g;
	}
	return 0;
}

static const gemeente *find_gemeente(const struct load *l, const char *code)
{
	if (!strncmp(code, "GM", 2) && strlen(code) == 6 && strspn(code + 2, "0123456789") == 4) {
		int g = l->by_code[atoi(code + 2)];
		return g >= 0 ? &l->s->reg->g[g] : NULL;
	}
	return registry_find(l->s->reg, code);
}

static int on_row(const csv_row *row, void *ctx)
{
	struct load *l = ctx;
	if (!l->map)
		return header(l, row);
	survey *s = l->s;
	respondent *r = &l->r;
	survey_row_next(s, r);
	r->line = row->line;
	r->id = xstrdup(row->f[l->cid]);
	r->functie = xstrdup(l->cfun >= 0 ? row->f[l->cfun] : "");
	if (!*r->id)
		return err_set(l->e, l->path, row->line, "empty respondent id; expected a unique id per row");
	r->gem = find_gemeente(l, row->f[l->cgem]);
	if (!r->gem)
		return err_set(l->e, l->path, row->line, "unknown gemeentecode '%s'; expected a code of the register %s",
			       row->f[l->cgem], s->reg->source);
	for (int j = 0; j < row->nf; j++)
		if (l->map[j] >= 0 && parse_cell(s, l->map[j], row->f[j], &r->ans[l->map[j]], l->path, row->line,
						 l->names[j], l->e))
			return -1;
	if (responses_check_max(s, r, l->path, l->e))
		return -1;
	return survey_add(s, r, l->path, l->e);
}

int responses_load_csv(survey *s, const char *path, struct err *e)
{
	struct load l = { .s = s, .path = path, .e = e };
	int rc = csv_stream(path, "a header line and data rows", on_row, &l, NULL, e);
	if (!rc)
		rc = survey_end_load(s, path, e);
	survey_row_clear(s, &l.r);
	for (int j = 0; l.names && j < l.nf; j++)
		free(l.names[j]);
	free(l.names);
	free(l.map);
	free(l.by_code);
	return rc;
}
