/* chart_csv.c: the numbers of one chart as a CSV file for the per-chart
 * download under each figure: the values the chart draws, with the labels
 * it prints (not codes), straight from the chart model. Nothing is
 * recomputed here: a percentage is the bar's printed percentage, a count
 * the ranking's printed count. Suppressed values are empty cells with the
 * reason in the last column, never 0.
 *
 * Format: UTF-8, comma, one header line, RFC 4180 quoting. */
#include "chart.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

static void field(strbuf *o, const char *s)
{
	if (!s)
		s = "";
	if (strpbrk(s, ",\"\r\n") || (*s && (s[0] == ' ' || s[strlen(s) - 1] == ' '))) {
		sb_addc(o, '"');
		for (const char *p = s; *p; p++) {
			if (*p == '"')
				sb_addc(o, '"');
			sb_addc(o, *p);
		}
		sb_addc(o, '"');
	} else {
		sb_add(o, s);
	}
}

static void sep(strbuf *o)
{
	sb_addc(o, ',');
}

/* One row: item, [series,] n, ncat percentages or empties, note. */
static void stacked_row(strbuf *o, const chart *c, const char *label, const char *series, int n,
                        const int *pct, const char *reason)
{
	field(o, label);
	if (c->ref_label) {
		sep(o);
		field(o, series);
	}
	sep(o);
	if (n > 0)
		sb_printf(o, "%d", n);
	else if (!reason && c->n > 0)
		sb_printf(o, "%d", c->n);
	else if (reason)
		sb_printf(o, "%d", n);
	for (int k = 0; k < c->ncat; k++) {
		sep(o);
		if (!reason && pct)
			sb_printf(o, "%d", pct[k]);
	}
	sep(o);
	field(o, reason);
	sb_add(o, "\r\n");
}

static void csv_stacked(strbuf *o, const chart *c)
{
	field(o, "Onderdeel");
	if (c->ref_label) {
		sep(o);
		field(o, "Gebied");
	}
	sep(o);
	field(o, "n");
	for (int k = 0; k < c->ncat; k++) {
		char *h = xasprintf("%s (%%)", c->cats[k].label);
		sep(o);
		field(o, h);
		free(h);
	}
	sep(o);
	field(o, "Niet getoond");
	sb_add(o, "\r\n");
	for (int i = 0; i < c->nbars; i++) {
		const chart_bar *b = &c->bars[i];
		stacked_row(o, c, b->label, c->area_label, b->n, b->pct, b->suppressed);
		if (c->ref_label && b->has_ref)
			stacked_row(o, c, b->label, c->ref_label, b->ref_n, b->ref_pct,
			            b->ref_pct ? NULL : b->ref_suppressed);
	}
}

static void csv_ranked(strbuf *o, const chart *c)
{
	int two = c->kind == CHART_TOPBOTTOM;
	if (two) {
		field(o, "Lijst");
		sep(o);
	}
	sb_add(o, "Rang,Onderdeel,Aantal keer genoemd\r\n");
	for (int k = 0; k < (two ? 2 : 1); k++)
		for (int i = 0; i < c->cols[k].nrows; i++) {
			const chart_row *r = &c->cols[k].rows[i];
			if (two) {
				field(o, c->cols[k].heading);
				sep(o);
			}
			sb_printf(o, "%d,", r->rank);
			field(o, r->label);
			sb_printf(o, ",%ld\r\n", r->count);
		}
}

char *chart_csv(const chart *c)
{
	strbuf o;
	sb_init(&o);
	if (c->kind == CHART_STACKED)
		csv_stacked(&o, c);
	else
		csv_ranked(&o, c);
	return sb_take(&o);
}
