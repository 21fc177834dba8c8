/* open_answers.c: selection and export of an edition's open answers (see
 * open_answers.h). */
#include "open_answers.h"
#include "csvwrite.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

/* Answers of one gemeente, the first `max` in input order. */
typedef struct {
	const gemeente *gem;
	long total;
	int n;
	open_pick *a;
} gem_answers;

struct collect {
	const survey *s;
	int *slot;        /* register index -> index in per[], -1 outside the area */
	gem_answers *per;
	int max;
	long total;
};

static int collect_one(const open_answer *a, void *ctx)
{
	struct collect *c = ctx;
	int k = c->slot[a->gem];
	if (k < 0)
		return 0;
	gem_answers *g = &c->per[k];
	c->total++;
	g->total++;
	if (g->n < c->max) {
		g->a[g->n].gem = g->gem;
		g->a[g->n].line = a->line;
		g->a[g->n].text = xstrdup(a->text);
		g->n++;
	}
	return 0;
}

static int by_name(const void *a, const void *b)
{
	const gem_answers *x = a, *y = b;
	int c = strcmp(x->gem->name, y->gem->name);
	return c ? c : strcmp(x->gem->code, y->gem->code);
}

open_selection *open_answers_select(const stats *st, int q, int max)
{
	const variant *v = st->v;
	const survey *s = v->s;
	struct collect c = { .s = s, .max = max > 0 ? max : 1 };
	c.slot = xmalloc((size_t)s->reg->n * sizeof *c.slot);
	for (int i = 0; i < s->reg->n; i++)
		c.slot[i] = -1;
	c.per = xcalloc((size_t)v->ngem + 1, sizeof *c.per);
	for (int i = 0; i < v->ngem; i++) {
		c.slot[v->gem[i]] = i;
		c.per[i].gem = &s->reg->g[v->gem[i]];
		c.per[i].a = xcalloc((size_t)c.max, sizeof *c.per[i].a);
	}
	survey_open_foreach(s, q, collect_one, &c);
	qsort(c.per, (size_t)v->ngem, sizeof *c.per, by_name);

	open_selection *sel = xcalloc(1, sizeof *sel);
	sel->total = c.total;
	int *take = xcalloc((size_t)v->ngem + 1, sizeof *take);
	int left = c.max;
	for (int round = 0; left > 0; round++) {
		int any = 0;
		for (int i = 0; i < v->ngem && left > 0; i++)
			if (c.per[i].n > round) {
				take[i]++;
				left--;
				any = 1;
			}
		if (!any)
			break;
	}
	sel->picks = xcalloc((size_t)(c.max - left) + 1, sizeof *sel->picks);
	for (int i = 0; i < v->ngem; i++) {
		sel->gemeenten += c.per[i].total > 0;
		for (int j = 0; j < c.per[i].n; j++) {
			if (j < take[i])
				sel->picks[sel->n++] = c.per[i].a[j];
			else
				free(c.per[i].a[j].text);
		}
		free(c.per[i].a);
	}
	free(take);
	free(c.per);
	free(c.slot);
	return sel;
}

void open_selection_free(open_selection *sel)
{
	if (!sel)
		return;
	for (int i = 0; i < sel->n; i++)
		free(sel->picks[i].text);
	free(sel->picks);
	free(sel);
}

struct write_all {
	const survey *s;
	const unsigned char *in_area;
	FILE *f;
	strbuf line;
};

/* One line per answer, built in a buffer and written whole: a quarter of a
 * million answers went character by character through stdio before. */
static int write_one(const open_answer *a, void *ctx)
{
	struct write_all *w = ctx;
	if (!w->in_area[a->gem])
		return 0;
	w->line.len = 0;
	csv_writer cw;
	csvw_init(&cw, &w->line, "\n", 1); /* published: no formulas */
	csvw_texts(&cw, w->s->qn->questions[a->q].id, w->s->reg->g[a->gem].name, a->text, (const char *)NULL);
	csvw_end(&cw);
	fwrite(w->line.s, 1, w->line.len, w->f);
	return 0;
}

int open_answers_write_csv(const variant *v, const char *path)
{
	FILE *f = fopen(path, "wb");
	if (!f)
		return -1;
	unsigned char *in_area = xcalloc((size_t)v->s->reg->n + 1, 1);
	for (int i = 0; i < v->ngem; i++)
		in_area[v->gem[i]] = 1;
	fputs("vraag,gemeente,antwoord\n", f);
	struct write_all w = { v->s, in_area, f, { 0 } };
	sb_init(&w.line);
	survey_open_foreach(v->s, -1, write_one, &w);
	sb_free(&w.line);
	free(in_area);
	int bad = ferror(f);
	int er = errno;
	if (fclose(f) || bad) {
		errno = bad ? er : errno;
		return -1;
	}
	return 0;
}
