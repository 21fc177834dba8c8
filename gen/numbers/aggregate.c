/* aggregate.c: computes the numbers of one variant (see aggregate.h) and
 * writes them as cijfers.csv. Nothing else in the generator counts
 * respondents: templates, charts and tables read these stats.
 *
 * The counts come from the per-gemeente tallies that loading made
 * (survey.h), so the work is gemeenten x items x categories whatever the
 * number of rows. */
#include "aggregate.h"
#include "csvwrite.h"
#include "disclosure.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

const char *group_id(const registry *r, int g)
{
	return g == G_TOTAL ? "totaal" : registry_class_csv(r, g - 1);
}

void largest_remainder(const double *counts, int k, double n, int *out)
{
	if (n <= 0) {
		for (int i = 0; i < k; i++)
			out[i] = 0;
		return;
	}
	double rem[MAXCAT];
	int sum = 0;
	for (int i = 0; i < k; i++) {
		/* round away the representation error first, so 24.5/98 is 25 exactly */
		double exact = round(100.0 * counts[i] / n * 1e9) / 1e9;
		out[i] = (int)floor(exact);
		rem[i] = exact - out[i];
		sum += out[i];
	}
	double total = 0;
	for (int i = 0; i < k; i++)
		total += counts[i];
	int target = (int)round(100.0 * total / n);
	while (sum < target) {
		int best = -1;
		for (int i = 0; i < k; i++)
			if (best < 0 || rem[i] > rem[best] + 1e-12)
				best = i;
		out[best]++;
		rem[best] = -1; /* each category gets at most one extra point */
		sum++;
	}
}

/* Is an answer in the base for this group? Groups other than the total use
 * the substantive base; the total keeps "weet niet" when the figure shows it. */
static int in_base(const question *q, int cat, int group)
{
	if (cat < 0)
		return 0;
	if (q->kind != Q_GRID)
		return 1;
	if (q->scale->cats[cat].substantive)
		return 1;
	return group == G_TOTAL && q->wn == WN_SHOWN;
}

/* Folds one gemeente's tally of an item into the group's weighted counts.
 * t[k] respondents of the gemeente gave category k (mentions: k = 1 is
 * "mentioned"). Gemeente level: the k respondents in the group's base share
 * the gemeente, 1/k each, so the gemeente adds 1 to n and t[c]/k to each
 * category; respondent level: every respondent counts 1. */
static void fold_gemeente(const question *q, const int *t, int g, item_stats *is)
{
	int ncat = q->kind == Q_GRID ? q->scale->ncat : 2;
	long k = 0;
	for (int c = 0; c < ncat; c++)
		if (in_base(q, c, g))
			k += t[c];
	if (!k)
		return;
	double w = q->unit == UNIT_GEMEENTE ? 1.0 / (double)k : 1.0;
	is->n[g] += w * (double)k;
	if (q->kind == Q_GRID) {
		for (int c = 0; c < ncat; c++)
			if (in_base(q, c, g))
				is->count[g][c] += w * t[c];
	} else {
		is->count[g][0] += w * t[1];
	}
}

/* Printed percentages of one group, from its counts and base. */
static void group_percentages(const question *q, int g, item_stats *is)
{
	/* n is a whole number of gemeenten or respondents; drop the
	 * rounding noise of summed fractions */
	is->n[g] = round(is->n[g] * 1e9) / 1e9;
	if (q->kind != Q_GRID) {
		is->pct[g][0] = is->n[g] > 0 ? (int)round_half_up(100.0 * is->count[g][0] / is->n[g]) : 0;
		return;
	}
	int idx[MAXCAT], k = 0;
	double c[MAXCAT];
	for (int i = 0; i < q->scale->ncat; i++) {
		is->pct[g][i] = -1;
		if (in_base(q, i, g)) {
			idx[k] = i;
			c[k++] = is->count[g][i];
		}
	}
	int out[MAXCAT];
	largest_remainder(c, k, is->n[g], out);
	for (int i = 0; i < k; i++)
		is->pct[g][idx[i]] = out[i];
}

stats *stats_compute(const variant *v)
{
	const survey *s = v->s;
	stats *st = xcalloc(1, sizeof *st);
	st->v = v;
	st->nq = s->qn->nquestions;
	st->qs = xcalloc((size_t)st->nq, sizeof *st->qs);
	st->ngroups = 1 + s->reg->bd.n;
	for (int q = 0; q < st->nq; q++) {
		const question *qq = &s->qn->questions[q];
		question_stats *qs = &st->qs[q];
		qs->q = qq;
		if (qq->kind != Q_OPEN) {
			qs->items = xcalloc((size_t)qq->nitems, sizeof *qs->items);
			for (int i = 0; i < qq->nitems; i++)
				qs->items[i].ng = st->ngroups;
		}
	}
	/* one pass over the area's gemeenten; each column of a gemeente's tally
	 * goes to the total and to the gemeente's size class */
	for (int i = 0; i < v->ngem; i++) {
		int gi = v->gem[i];
		const gemeente *gm = &s->reg->g[gi];
		const int *t = s->tally + (size_t)gi * (size_t)s->ncols * (size_t)s->tw;
		int sc = 1 + gm->sc;
		for (int c = 0; c < s->ncols; c++, t += s->tw) {
			question_stats *qs = &st->qs[s->cols[c].q];
			if (s->cols[c].item < 0) {
				qs->open_respondents += t[0];
				qs->open_gemeenten += t[0] > 0;
				continue;
			}
			item_stats *is = &qs->items[s->cols[c].item];
			fold_gemeente(qs->q, t, G_TOTAL, is);
			fold_gemeente(qs->q, t, sc, is);
		}
		st->resp_by_class[gm->sc] += (int)s->gem_resp[gi];
		st->gem_by_class[gm->sc]++;
	}
	for (int q = 0; q < st->nq; q++)
		for (int i = 0; st->qs[q].items && i < st->qs[q].q->nitems; i++)
			for (int g = 0; g < st->ngroups; g++)
				group_percentages(st->qs[q].q, g, &st->qs[q].items[i]);
	st->respondents = v->n;
	st->gemeenten = v->ngem;
	const char *const *provs = (const char *const *)s->reg->areas;
	for (int p = 0; p < s->reg->nareas; p++) {
		if (!variant_has_province(v, provs[p]))
			continue;
		int k = st->nprov++;
		st->prov_name[k] = provs[p];
		for (int i = 0; i < s->reg->n; i++)
			st->reg_by_prov[k] += !strcmp(s->reg->g[i].province, provs[p]);
		for (int i = 0; i < v->ngem; i++) {
			const gemeente *gm = &s->reg->g[v->gem[i]];
			if (strcmp(gm->province, provs[p]))
				continue;
			st->resp_by_prov[k] += (int)s->gem_resp[v->gem[i]];
			st->gem_by_prov[k]++;
		}
	}
	for (int i = 0; i < s->reg->n; i++) {
		const gemeente *g = &s->reg->g[i];
		if (!variant_has_province(v, g->province))
			continue;
		st->register_n++;
		st->reg_by_class[g->sc]++;
	}
	return st;
}

void stats_free(stats *st)
{
	if (!st)
		return;
	for (int q = 0; q < st->nq; q++)
		free(st->qs[q].items);
	free(st->qs);
	free(st);
}

const question_stats *stats_question(const stats *st, const char *qid)
{
	for (int q = 0; q < st->nq; q++)
		if (!strcmp(st->qs[q].q->id, qid))
			return &st->qs[q];
	return NULL;
}

/* Counts print without trailing zeros: "82", "24.5", "10.33". */
static void put_num(csv_writer *w, double x)
{
	char buf[64];
	snprintf(buf, sizeof buf, "%.2f", x);
	char *p = buf + strlen(buf) - 1;
	while (*p == '0')
		*p-- = 0;
	if (*p == '.')
		*p = 0;
	csvw_num(w, "%s", buf);
}

/* One row of cijfers.csv, through the one CSV writer (csvwrite.c): the
 * codes are text fields, aantal, n and procent numbers. */
static void put_row_sup(csv_writer *w, const char *fig, const char *item, const char *cat, const char *group,
			double aantal, double n, int pct, int sup)
{
	csvw_texts(w, fig, item, cat, group, (const char *)NULL);
	if (!sup)
		put_num(w, aantal);
	else
		csvw_num(w, "%s", "");
	put_num(w, n);
	if (sup) {
		csvw_num(w, "%s", "");
		csvw_text(w, disclosure_reason_id(sup));
	} else {
		csvw_num(w, "%d", pct);
		csvw_text(w, "");
	}
	csvw_end(w);
}

static void put_row(csv_writer *w, const char *fig, const char *item, const char *cat, const char *group,
		    double aantal, double n, int pct)
{
	put_row_sup(w, fig, item, cat, group, aantal, n, pct, SUP_NONE);
}

int stats_write_cijfers(const stats *st, const char *path)
{
	strbuf b;
	sb_init(&b);
	csv_writer cw, *w = &cw;
	csvw_init(w, &b, "\n", 1);
	csvw_texts(w, "figuur", "item", "categorie", "groep", "aantal", "n", "procent", "reden", (const char *)NULL);
	csvw_end(w);
	for (int q = 0; q < st->nq; q++) {
		const question_stats *qs = &st->qs[q];
		const question *qq = qs->q;
		const char *fig = strcmp(qq->figure, "tekst") ? qq->figure : "text";
		if (qq->kind == Q_OPEN) {
			put_row(w, fig, qq->id, "respondenten", "totaal", qs->open_respondents, st->respondents,
				st->respondents ? (int)round_half_up(100.0 * qs->open_respondents / st->respondents) : 0);
			put_row(w, fig, qq->id, "gemeenten", "totaal", qs->open_gemeenten, st->gemeenten,
				st->gemeenten ? (int)round_half_up(100.0 * qs->open_gemeenten / st->gemeenten) : 0);
			continue;
		}
		for (int i = 0; i < qq->nitems; i++) {
			const item_stats *is = &qs->items[i];
			for (int g = 0; g < st->ngroups; g++) {
				if (qq->kind == Q_GRID) {
					for (int c = 0; c < qq->scale->ncat; c++)
						if (is->pct[g][c] >= 0)
							put_row_sup(w, fig, qq->items[i].id, qq->scale->cats[c].id, group_id(st->v->s->reg, g),
								    is->count[g][c], is->n[g], is->pct[g][c], is->sup[g]);
				} else {
					put_row_sup(w, fig, qq->items[i].id, "mentions", group_id(st->v->s->reg, g), is->count[g][0],
						    is->n[g], is->pct[g][0], is->sup[g]);
				}
			}
		}
	}
	/* the response figures of the text (paragraph 1.4) */
	put_row(w, "text", "respons_respondenten", "count", "totaal", st->respondents, st->respondents, 100);
	put_row(w, "text", "respons_gemeenten", "count", "totaal", st->gemeenten, st->register_n,
		st->register_n ? (int)round_half_up(100.0 * st->gemeenten / st->register_n) : 0);
	put_row(w, "text", "gemeenten_totaal", "count", "totaal", st->register_n, st->register_n, 100);
	for (int c = 0; c < st->ngroups - 1; c++)
		put_row(w, "text", "respons_gemeenten", "count", registry_class_csv(st->v->s->reg, c), st->gem_by_class[c],
			st->reg_by_class[c],
			st->reg_by_class[c] ? (int)round_half_up(100.0 * st->gem_by_class[c] / st->reg_by_class[c]) : 0);
	int rc = write_file(path, b.s, b.len);
	sb_free(&b);
	return rc;
}
