/* disclosure.c: applies the report's disclosure policy to one edition's
 * stats (see disclosure.h). The only place where "may this be printed?" is
 * decided; every writer and the expressions only read item_stats.sup. */
#include "disclosure.h"
#include "terms.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int disclosure_min(const stats *st, enum unit u)
{
	int m = u == UNIT_GEMEENTE ? st->min_gemeenten : st->min_respondenten;
	return m > 0 ? m : DISCLOSURE_DEFAULT_MIN;
}

static int whole(double n)
{
	return (int)(n + 0.5);
}

void disclosure_decide(const double *n, int ngroups, int min, int *sup)
{
	for (int g = 0; g < ngroups; g++)
		sup[g] = whole(n[g]) == 0 ? SUP_NO_ANSWERS : whole(n[g]) < min ? SUP_SMALL_BASE : SUP_NONE;
	if (sup[G_TOTAL] != SUP_NONE)
		return; /* then every class is smaller still, and suppressed itself */
	/* Secondary suppression: the published total minus the published
	 * classes gives the suppressed classes together. That sum may be
	 * published only when it covers more than one class and rests on at
	 * least the minimum; otherwise the smallest published class joins. A
	 * class without answers hides nothing (its counts are known to be 0). */
	for (;;) {
		int hidden = 0, hidden_n = 0;
		for (int g = 1; g < ngroups; g++)
			if (sup[g] == SUP_SMALL_BASE || sup[g] == SUP_SECONDARY) {
				hidden++;
				hidden_n += whole(n[g]);
			}
		if (hidden == 0 || (hidden > 1 && hidden_n >= min))
			return;
		int pick = -1;
		for (int g = 1; g < ngroups; g++)
			if (sup[g] == SUP_NONE && (pick < 0 || n[g] < n[pick]))
				pick = g;
		if (pick < 0)
			return; /* every class with answers is suppressed already */
		sup[pick] = SUP_SECONDARY;
	}
}

/* Bounds: with the printed n of every class and 0 <= x <= n, the withheld
 * classes together (total minus the published classes) pin each of them
 * when they hold nobody, or everybody, in some category. Then the smallest
 * published class is withheld too, until they do not or all are withheld
 * (what the total itself says of its parts is published by the total). */
void disclosure_decide_item(const question *q, item_stats *is, int min)
{
	disclosure_decide(is->n, is->ng, min, is->sup);
	if (is->sup[G_TOTAL] != SUP_NONE)
		return;
	int ncat = q->kind == Q_GRID ? q->scale->ncat : 1;
	for (;;) {
		double un = 0, uc[MAXCAT] = { 0 };
		int hidden = 0, shown = 0;
		for (int g = 1; g < is->ng; g++) {
			if (is->sup[g] == SUP_NONE) {
				shown++;
				continue;
			}
			if (is->n[g] <= 0)
				continue;
			hidden++;
			un += is->n[g];
			for (int c = 0; c < ncat; c++)
				uc[c] += is->count[g][c];
		}
		if (!hidden || !shown)
			return;
		int pinned = 0;
		for (int c = 0; c < ncat && !pinned; c++) {
			if (q->kind == Q_GRID && !q->scale->cats[c].substantive)
				continue;
			pinned = fabs(uc[c]) < 1e-9 || fabs(uc[c] - un) < 1e-9;
			if (q->kind != Q_GRID)
				pinned = pinned || fabs(uc[c]) < 1e-9;
		}
		if (!pinned)
			return;
		int pick = -1;
		for (int g = 1; g < is->ng; g++)
			if (is->sup[g] == SUP_NONE && (pick < 0 || is->n[g] < is->n[pick]))
				pick = g;
		is->sup[pick] = SUP_SECONDARY;
	}
}

void disclosure_apply(stats *st)
{
	for (int q = 0; q < st->nq; q++) {
		question_stats *qs = &st->qs[q];
		if (qs->q->kind == Q_OPEN || !qs->items)
			continue;
		int min = disclosure_min(st, qs->q->unit);
		for (int i = 0; i < qs->q->nitems; i++)
			disclosure_decide_item(qs->q, &qs->items[i], min);
	}
}

const char *disclosure_reason_id(int reason)
{
	switch (reason) {
	case SUP_NO_ANSWERS:
		return "geen_antwoorden";
	case SUP_SMALL_BASE:
		return "te_weinig";
	case SUP_SECONDARY:
		return "herleidbaar";
	default:
		return "";
	}
}

char *disclosure_reason_text(int reason, enum unit u, double n)
{
	switch (reason) {
	case SUP_NO_ANSWERS:
		return xstrdup(T("reden.geen_antwoorden"));
	case SUP_SMALL_BASE:
		/* without its base, as statistics offices print a withheld cell:
		 * "n=1" would say how few answered */
		return xstrdup(T(u == UNIT_GEMEENTE ? "reden.te_weinig.gemeenten" : "reden.te_weinig.respondenten"));
	case SUP_SECONDARY:
		return xstrdup(T("reden.herleidbaar"));
	default:
		return xstrdup("");
	}
}

const char *disclosure_sign(int reason)
{
	return reason == SUP_NO_ANSWERS ? "\xE2\x80\x93" : reason ? "x" : "";
}

/* ---- the decision for the whole publication (disclosure.h) ---- */

#define PRIME 2147483647u /* 2^31 - 1; above every minor of a 0/1 matrix of order <= 12 */

static uint64_t inv_mod(uint64_t a)
{
	/* a^(p-2) mod p */
	uint64_t r = 1, b = a % PRIME, e = PRIME - 2;
	while (e) {
		if (e & 1)
			r = r * b % PRIME;
		b = b * b % PRIME;
		e >>= 1;
	}
	return r;
}

/* Row echelon basis modulo p: rows[k] with its pivot column piv[k] scaled
 * to 1. */
typedef struct {
	int n, ncoord;
	uint64_t rows[32][32];
	int piv[32];
} basis;

static void reduce(const basis *b, uint64_t *v)
{
	for (int k = 0; k < b->n; k++) {
		uint64_t f = v[b->piv[k]];
		if (!f)
			continue;
		for (int j = 0; j < b->ncoord; j++)
			v[j] = (v[j] + (PRIME - f) * b->rows[k][j]) % PRIME;
	}
}

static void add_row(basis *b, unsigned mask)
{
	uint64_t v[32];
	for (int j = 0; j < b->ncoord; j++)
		v[j] = (mask >> j) & 1u;
	reduce(b, v);
	int p = -1;
	for (int j = 0; j < b->ncoord && p < 0; j++)
		if (v[j])
			p = j;
	if (p < 0)
		return;
	uint64_t inv = inv_mod(v[p]);
	for (int j = 0; j < b->ncoord; j++)
		v[j] = v[j] * inv % PRIME;
	/* keep earlier rows reduced at the new pivot, so reduce() is one pass */
	for (int k = 0; k < b->n; k++) {
		uint64_t f = b->rows[k][p];
		if (f)
			for (int j = 0; j < b->ncoord; j++)
				b->rows[k][j] = (b->rows[k][j] + (PRIME - f) * v[j]) % PRIME;
	}
	memcpy(b->rows[b->n], v, sizeof v);
	b->piv[b->n++] = p;
}

static int in_span(const basis *b, unsigned mask)
{
	uint64_t v[32];
	for (int j = 0; j < b->ncoord; j++)
		v[j] = (mask >> j) & 1u;
	reduce(b, v);
	for (int j = 0; j < b->ncoord; j++)
		if (v[j])
			return 0;
	return 1;
}

static void build(basis *b, const unsigned *pub, int npub, unsigned known, int ncoord)
{
	b->n = 0;
	b->ncoord = ncoord;
	for (int j = 0; j < ncoord; j++)
		if (known >> j & 1u)
			add_row(b, 1u << j);
	for (int k = 0; k < npub; k++)
		if (pub[k])
			add_row(b, pub[k]);
}

int disclosure_derivable(unsigned target, const unsigned *pub, int npub, unsigned known, int ncoord)
{
	basis b;
	build(&b, pub, npub, known, ncoord);
	return in_span(&b, target);
}

/* The first union (in increasing bit order) of coordinates with a base,
 * resting on 0 < n < min, that the published areas give away; 0 if none.
 * Coordinates with n = 0 are known (their counts are 0), so a union need
 * only be tried over the others. */
static unsigned first_leak(const double *base, int ncoord, const unsigned *area, int narea, const int *pub, int min)
{
	unsigned known = 0, live = 0;
	for (int j = 0; j < ncoord; j++)
		if (whole(base[j]) == 0)
			known |= 1u << j;
		else
			live |= 1u << j;
	unsigned p[64] = { 0 };
	int np = 0;
	for (int k = 0; k < narea && np < 64; k++)
		if (pub[k])
			p[np++] = area[k];
	basis b;
	build(&b, p, np, known, ncoord);
	/* enumerate the sub-unions of live with a small base: each has fewer
	 * than min coordinates, so depth-first with pruning stays small */
	int idx[32], nl = 0;
	for (int j = 0; j < ncoord; j++)
		if (live >> j & 1u)
			idx[nl++] = j;
	unsigned stack_m[33];
	int stack_i[33], stack_n[33], sp = 0;
	stack_m[0] = 0;
	stack_i[0] = 0;
	stack_n[0] = 0;
	unsigned best = 0;
	/* iterative DFS: from (mask, next index, n) */
	for (;;) {
		if (stack_i[sp] >= nl) {
			if (sp == 0)
				break;
			sp--;
			continue;
		}
		int j = idx[stack_i[sp]++];
		int n = stack_n[sp] + whole(base[j]);
		if (n >= min)
			continue;
		unsigned m = stack_m[sp] | 1u << j;
		if (in_span(&b, m) && (!best || m < best))
			best = m;
		sp++;
		stack_m[sp] = m;
		stack_n[sp] = n;
		stack_i[sp] = stack_i[sp - 1];
	}
	return best;
}

int disclosure_protect(const double *base, int ncoord, const unsigned *area, int narea, int *pub, const int *order,
		       int norder, int min, unsigned *why)
{
	int withheld = 0;
	unsigned leak;
	unsigned known = 0;
	for (int j = 0; j < ncoord; j++)
		if (whole(base[j]) == 0)
			known |= 1u << j;
	while ((leak = first_leak(base, ncoord, area, narea, pub, min))) {
		int pick = -1;
		/* the first in order whose absence stops this leak */
		for (int o = 0; o < norder && pick < 0; o++) {
			int k = order[o];
			if (!pub[k])
				continue;
			pub[k] = 0;
			unsigned p[64] = { 0 };
			int np = 0;
			for (int q = 0; q < narea && np < 64; q++)
				if (pub[q])
					p[np++] = area[q];
			if (!disclosure_derivable(leak, p, np, known, ncoord))
				pick = k;
			pub[k] = 1;
		}
		/* no single one: the first published one overlapping the leak, then
		 * try again (each round withholds one, so this ends) */
		for (int o = 0; o < norder && pick < 0; o++)
			if (pub[order[o]] && (area[order[o]] & leak))
				pick = order[o];
		for (int o = 0; o < norder && pick < 0; o++)
			if (pub[order[o]])
				pick = order[o];
		if (pick < 0)
			break; /* only the whole country is left, and it is itself small */
		pub[pick] = 0;
		if (why)
			why[pick] = leak;
		withheld++;
	}
	return withheld;
}

/* bit i: the register's area i; the whole country has every bit */
static unsigned area_mask(const disclosure_area *a, const registry *reg)
{
	const char *const *pn = (const char *const *)reg->areas;
	unsigned m = 0;
	for (int i = 0; i < reg->nareas; i++) {
		if (a->nprov == 0)
			m |= 1u << i;
		for (int k = 0; k < a->nprov; k++)
			if (!strcmp(a->provs[k], pn[i]))
				m |= 1u << i;
	}
	return m;
}

static void plan_item(disclosure_edition *de, int area, int total_withheld, int *sup, int ng, int count);

/* An item's numbers in area k: the sums of its provinces' (counts and bases
 * are sums over gemeenten). */
static void area_item(const disclosure_plan *p, int k, int q, int it, item_stats *out)
{
	memset(out, 0, sizeof *out);
	out->ng = p->ngroups;
	for (int i = 0; i < p->nprov; i++)
		if (p->mask[k] >> i & 1u) {
			const item_stats *is = &p->prov[i]->qs[q].items[it];
			for (int g = 0; g < p->ngroups; g++) {
				out->n[g] += is->n[g];
				for (int c = 0; c < MAXCAT; c++)
					out->count[g][c] += is->count[g][c];
			}
		}
	for (int g = 0; g < p->ngroups; g++)
		out->n[g] = round(out->n[g] * 1e9) / 1e9;
}

/* order of trying: fewest gemeenten, then the order declared */
static const int *sort_key_g;
static int by_gemeenten(const void *x, const void *y)
{
	int a = *(const int *)x, b = *(const int *)y;
	if (sort_key_g[a] != sort_key_g[b])
		return sort_key_g[a] < sort_key_g[b] ? -1 : 1;
	return a < b ? -1 : a > b;
}

disclosure_plan *disclosure_plan_new(const survey *s, const disclosure_area *a, int n, int min_g, int min_r)
{
	disclosure_plan *p = xcalloc(1, sizeof *p);
	p->n = n;
	p->e = xcalloc((size_t)(n ? n : 1), sizeof *p->e);
	p->min_gemeenten = min_g > 0 ? min_g : DISCLOSURE_DEFAULT_MIN;
	p->min_respondenten = min_r > 0 ? min_r : DISCLOSURE_DEFAULT_MIN;
	const questionnaire *qn = s->qn;
	p->nq = qn->nquestions;
	p->item_off = xcalloc((size_t)p->nq + 1, sizeof *p->item_off);
	for (int q = 0; q < p->nq; q++) {
		p->item_off[q] = p->nitems;
		p->nitems += qn->questions[q].kind == Q_OPEN ? 0 : qn->questions[q].nitems;
	}
	p->item_off[p->nq] = p->nitems;
	const char *const *pn = (const char *const *)s->reg->areas;
	p->nprov = s->reg->nareas;
	p->reg = s->reg;
	p->ngroups = 1 + s->reg->bd.n;
	/* the numbers of each province: the coordinates of every audit */
	stats **prov = xcalloc((size_t)p->nprov, sizeof *prov);
	double gem[REGISTRY_MAX_AREAS] = { 0 }, resp[REGISTRY_MAX_AREAS] = { 0 };
	for (int i = 0; i < p->nprov; i++) {
		variant *v = variant_new_area(s, pn[i], pn[i], &pn[i], 1);
		prov[i] = stats_compute(v);
		gem[i] = v->ngem;
		resp[i] = v->n;
		variant_free(v);
	}
	unsigned *mask = xcalloc((size_t)(n ? n : 1), sizeof *mask);
	p->prov = prov;
	p->mask = mask;
	int *pub = xcalloc((size_t)(n ? n : 1), sizeof *pub), *order = xcalloc((size_t)(n ? n : 1), sizeof *order);
	int *key = xcalloc((size_t)(n ? n : 1), sizeof *key);
	unsigned *why = xcalloc((size_t)(n ? n : 1), sizeof *why);
	int norder = 0;
	for (int k = 0; k < n; k++) {
		disclosure_edition *de = &p->e[k];
		mask[k] = area_mask(&a[k], s->reg);
		de->slug = a[k].slug;
		for (int i = 0; i < p->nprov; i++)
			if (mask[k] >> i & 1u) {
				de->gemeenten += (int)gem[i];
				de->respondents += (int)resp[i];
			}
		de->withheld = de->gemeenten < p->min_gemeenten || de->respondents < p->min_respondenten ? ED_TOO_SMALL : ED_MADE;
		pub[k] = de->withheld == ED_MADE;
		key[k] = de->gemeenten;
		de->total_sup = xcalloc((size_t)(p->nitems ? p->nitems : 1), 1);
		if (a[k].nprov > 0 && mask[k] != (1u << p->nprov) - 1u)
			order[norder++] = k;
	}
	sort_key_g = key;
	qsort(order, (size_t)norder, sizeof *order, by_gemeenten);
	/* rule 2: editions, on gemeenten and on respondents */
	disclosure_protect(gem, p->nprov, mask, n, pub, order, norder, p->min_gemeenten, why);
	disclosure_protect(resp, p->nprov, mask, n, pub, order, norder, p->min_respondenten, why);
	for (int k = 0; k < n; k++)
		if (p->e[k].withheld == ED_MADE && !pub[k]) {
			p->e[k].withheld = ED_COMPLEMENT;
			p->e[k].target = why[k];
			for (int i = 0; i < p->nprov; i++)
				if (why[k] >> i & 1u)
					p->e[k].target_n += (int)gem[i];
		}
	/* rule 3: per item, the totals of the editions made */
	int *ipub = xcalloc((size_t)(n ? n : 1), sizeof *ipub);
	for (int q = 0; q < p->nq; q++) {
		const question *qq = &qn->questions[q];
		if (qq->kind == Q_OPEN)
			continue;
		int min = qq->unit == UNIT_GEMEENTE ? p->min_gemeenten : p->min_respondenten;
		for (int it = 0; it < qq->nitems; it++) {
			double base[32];
			for (int i = 0; i < p->nprov; i++)
				base[i] = prov[i]->qs[q].items[it].n[G_TOTAL];
			for (int k = 0; k < n; k++) {
				double nk = 0;
				for (int i = 0; i < p->nprov; i++)
					if (mask[k] >> i & 1u)
						nk += base[i];
				ipub[k] = pub[k] && whole(nk) >= min;
			}
			int before[64];
			for (int k = 0; k < n && k < 64; k++)
				before[k] = ipub[k];
			disclosure_protect(base, p->nprov, mask, n, ipub, order, norder, min, NULL);
			for (int k = 0; k < n && k < 64; k++)
				if (before[k] && !ipub[k])
					p->e[k].total_sup[p->item_off[q] + it] = 1;
		}
	}
	/* the summary of each edition made: its groups' bases are sums of the
	 * provinces' */
	for (int k = 0; k < n; k++) {
		if (p->e[k].withheld != ED_MADE)
			continue;
		for (int q = 0; q < p->nq; q++) {
			const question *qq = &qn->questions[q];
			if (qq->kind == Q_OPEN)
				continue;
			int min = qq->unit == UNIT_GEMEENTE ? p->min_gemeenten : p->min_respondenten;
			for (int it = 0; it < qq->nitems; it++) {
				item_stats sum;
				area_item(p, k, q, it, &sum);
				disclosure_decide_item(qq, &sum, min);
				plan_item(&p->e[k], a[k].nprov > 0, p->e[k].total_sup[p->item_off[q] + it], sum.sup, sum.ng, 1);
			}
		}
	}
	free(ipub);
	free(pub);
	free(order);
	free(key);
	free(why);
	p->qn = qn;
	p->area = xcalloc((size_t)(n ? n : 1), sizeof *p->area);
	for (int k = 0; k < n; k++) {
		p->area[k] = a[k].nprov > 0;
		p->e[k].update_sup = xcalloc((size_t)(p->nitems ? p->nitems : 1) * NGROUPS, 1);
	}
	return p;
}

void disclosure_plan_free(disclosure_plan *p)
{
	if (!p)
		return;
	for (int k = 0; k < p->n; k++) {
		free(p->e[k].total_sup);
		free(p->e[k].update_sup);
	}
	for (int i = 0; p->prov && i < p->nprov; i++)
		stats_free(p->prov[i]);
	free(p->prov);
	free(p->mask);
	free(p->area);
	free(p->e);
	free(p->item_off);
	free(p);
}

/* Rules 1 and 3 on one item's groups, after disclosure_decide; counts the
 * summary when de is given. */
static void plan_item(disclosure_edition *de, int area, int total_withheld, int *sup, int ng, int count)
{
	if (total_withheld && sup[G_TOTAL] == SUP_NONE)
		sup[G_TOTAL] = SUP_SECONDARY;
	for (int g = 0; g < ng; g++) {
		int classes = 0;
		if (g > 0 && area && (sup[g] == SUP_NONE || sup[g] == SUP_SECONDARY)) {
			/* rule 1: size classes only in the national edition */
			sup[g] = SUP_SECONDARY;
			classes = 1;
		}
		if (!count)
			continue;
		de->cells++;
		de->cells_classes += classes;
		de->cells_none += sup[g] == SUP_NO_ANSWERS;
		de->cells_small += sup[g] == SUP_SMALL_BASE;
		de->cells_secondary += sup[g] == SUP_SECONDARY && !classes;
	}
}

void disclosure_plan_apply(const disclosure_plan *p, int i, stats *st)
{
	const disclosure_edition *de = &p->e[i];
	int area = st->v && st->v->nprov > 0;
	for (int q = 0; q < st->nq; q++) {
		question_stats *qs = &st->qs[q];
		if (qs->q->kind == Q_OPEN || !qs->items)
			continue;
		for (int it = 0; it < qs->q->nitems; it++) {
			int *sup = qs->items[it].sup;
			plan_item(NULL, area, de->total_sup[p->item_off[q] + it], sup, qs->items[it].ng, 0);
			for (int g = 0; g < qs->items[it].ng; g++)
				if (de->update_sup[(size_t)(p->item_off[q] + it) * NGROUPS + (size_t)g] && sup[g] == SUP_NONE)
					sup[g] = SUP_SECONDARY;
		}
	}
}

/* ---- rule 5: the previous publication ---- */

static int group_of(const disclosure_plan *p, const char *id)
{
	for (int g = 0; g < p->ngroups; g++)
		if (!strcmp(group_id(p->reg, g), id))
			return g;
	return -1;
}

/* Splits a line of cijfers.csv (the generator's own: no quoted fields) into
 * at most 8 fields in place. */
static int split(char *line, char **f)
{
	int n = 0;
	f[n++] = line;
	for (char *c = line; *c && n < 8; c++)
		if (*c == ',') {
			*c = 0;
			f[n++] = c + 1;
		}
	return n;
}

int disclosure_plan_history(disclosure_plan *p, const char *const *old, int withhold, char *msg, size_t msgsz)
{
	const questionnaire *qn = p->qn;
	long affected = 0; /* cells (item x group) */
	double worst = -1;
	char example[300] = "";
	const char *example_slug = "";
	enum unit worst_unit = UNIT_GEMEENTE;
	for (int k = 0; k < p->n; k++) {
		if (!old || !old[k] || p->e[k].withheld != ED_MADE)
			continue;
		FILE *f = fopen(old[k], "r");
		if (!f)
			continue;
		char line[1024];
		/* respondents then: a late respondent of a gemeente that had
		 * answered moves counts at the same n (gemeente level) */
		double old_resp = -1;
		while (fgets(line, sizeof line, f)) {
			char *fl[8];
			if (split(line, fl) >= 5 && !strcmp(fl[0], "text") && !strcmp(fl[1], "respons_respondenten"))
				old_resp = atof(fl[4]);
		}
		rewind(f);
		double dresp = old_resp < 0 ? 1 : fabs(p->e[k].respondents - old_resp);
		while (fgets(line, sizeof line, f)) {
			line[strcspn(line, "\r\n")] = 0;
			char *fl[8];
			if (split(line, fl) < 8 || !*fl[6] || !*fl[4])
				continue; /* the header, short lines, numbers withheld then */
			int g = group_of(p, fl[3]);
			if (g < 0)
				continue;
			for (int q = 0; q < p->nq; q++) {
				const question *qq = &qn->questions[q];
				const char *fig = strcmp(qq->figure, "tekst") ? qq->figure : "text";
				if (qq->kind == Q_OPEN || strcmp(fig, fl[0]))
					continue;
				int it = question_find_item(qq, fl[1]);
				int c = qq->kind == Q_GRID ? scale_find_cat(qq->scale, fl[2]) : !strcmp(fl[2], "mentions") ? 0 : -1;
				if (it < 0 || c < 0)
					continue;
				int min = qq->unit == UNIT_GEMEENTE ? p->min_gemeenten : p->min_respondenten;
				/* the numbers now: sums over the edition's provinces */
				item_stats sum;
				area_item(p, k, q, it, &sum);
				disclosure_decide_item(qq, &sum, min);
				int *sup = sum.sup;
				double *nb = sum.n, cnt = sum.count[g][c];
				size_t at = (size_t)(p->item_off[q] + it);
				plan_item(NULL, p->area[k], p->e[k].total_sup[at], sup, sum.ng, 0);
				if (sup[g] != SUP_NONE || p->e[k].update_sup[at * NGROUPS + (size_t)g])
					continue; /* withheld now: nothing to subtract */
				double on = atof(fl[5]), oc = atof(fl[4]);
				if (fabs(on - nb[g]) < 0.005 && fabs(oc - cnt) < 0.005)
					continue;
				double units = fabs(nb[g] - on);
				if (units < 0.5)
					units = dresp; /* counts moved on the same base: the new respondents */
				if (units < 0.5 || (int)(units + 0.5) >= min)
					continue; /* none new (answers corrected), or enough */
				affected++;
				if (worst < 0 || units < worst) {
					worst = units;
					worst_unit = qq->unit;
					snprintf(example, sizeof example, "figure %s, %s, %s, %s: n %s -> %g", fl[0], fl[1], fl[2], fl[3],
						 fl[5], nb[g]);
					example_slug = p->e[k].slug;
				}
				p->e[k].update_sup[at * NGROUPS + (size_t)g] = 1; /* each cell once */
				p->e[k].update_cells++;
				break;
			}
		}
		fclose(f);
	}
	if (affected && !withhold) {
		for (int k = 0; k < p->n; k++) {
			memset(p->e[k].update_sup, 0, (size_t)(p->nitems ? p->nitems : 1) * NGROUPS);
			p->e[k].update_cells = 0;
		}
		int u = (int)(worst + 0.5);
		const char *who = worst_unit == UNIT_GEMEENTE ? (u == 1 ? "gemeente" : "gemeenten")
							      : (u == 1 ? "respondent" : "respondents");
		snprintf(msg, msgsz,
			 "update refused: %ld cells (item x group) of the previous publication change by %d new %s "
			 "(e.g. %s%s%s), fewer than the minimum of %d; the difference would give their answers away. "
			 "Wait for more response, or publish with --update-weglaten (those numbers are then withheld)",
			 affected, u, who, example_slug, *example_slug ? ", " : "", example,
			 p->min_gemeenten);
		return -1;
	}
	return 0;
}
