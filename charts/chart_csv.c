/* chart_csv.c: the numbers of one chart as a CSV file for the per-chart
 * download under each figure: the values the chart draws, with the labels
 * it prints (not codes), straight from the chart model. Nothing is
 * recomputed here: a percentage is the bar's printed percentage, a count
 * the ranking's printed count. Suppressed values are empty cells with the
 * reason in the last column, never 0.
 *
 * Format: UTF-8, comma, one header line, CRLF, RFC 4180 quoting, written
 * by csvwrite.c (a label starting with = + - @ is shown with a leading '). */
#include "chart.h"
#include "util.h"
#include "csvwrite.h"
#include "terms.h"

#include <stdlib.h>
#include <string.h>

/* One row: item, [series,] n, ncat percentages or empties, note. */
static void stacked_row(csv_writer *o, const chart *c, const char *label, const char *series, int n,
                        const int *pct, const char *reason)
{
	csvw_text(o, label);
	if (c->ref_label)
		csvw_text(o, series);
	if (n > 0)
		csvw_num(o, "%d", n);
	else if (!reason && c->n > 0)
		csvw_num(o, "%d", c->n);
	else if (reason)
		csvw_num(o, "%d", n);
	else
		csvw_num(o, "%s", "");
	for (int k = 0; k < c->ncat; k++) {
		if (!reason && pct)
			csvw_num(o, "%d", pct[k]);
		else
			csvw_num(o, "%s", "");
	}
	csvw_text(o, reason);
	csvw_end(o);
}

static void csv_stacked(csv_writer *o, const chart *c)
{
	csvw_text(o, T("figuur.kop.onderdeel"));
	if (c->ref_label)
		csvw_text(o, T("grafiek.csv.gebied"));
	csvw_text(o, "n");
	for (int k = 0; k < c->ncat; k++) {
		char *h = xasprintf("%s (%%)", c->cats[k].label);
		csvw_text(o, h);
		free(h);
	}
	csvw_text(o, T("grafiek.csv.niet_getoond"));
	csvw_end(o);
	for (int i = 0; i < c->nbars; i++) {
		const chart_bar *b = &c->bars[i];
		stacked_row(o, c, b->label, c->area_label, b->n, b->pct, b->suppressed);
		if (c->ref_label && b->has_ref)
			stacked_row(o, c, b->label, c->ref_label, b->ref_n, b->ref_pct,
			            b->ref_pct ? NULL : b->ref_suppressed);
	}
}

static void csv_ranked(csv_writer *o, const chart *c)
{
	int two = c->kind == CHART_TOPBOTTOM;
	if (two)
		csvw_text(o, T("grafiek.csv.lijst"));
	csvw_texts(o, T("figuur.kop.rang"), T("figuur.kop.onderdeel"), T("figuur.kop.aantal_genoemd"), (const char *)NULL);
	csvw_end(o);
	for (int k = 0; k < (two ? 2 : 1); k++)
		for (int i = 0; i < c->cols[k].nrows; i++) {
			const chart_row *r = &c->cols[k].rows[i];
			if (two)
				csvw_text(o, c->cols[k].heading);
			csvw_num(o, "%d", r->rank);
			csvw_text(o, r->label);
			csvw_num(o, "%ld", r->count);
			csvw_end(o);
		}
}

char *chart_csv(const chart *c)
{
	strbuf o;
	sb_init(&o);
	csv_writer w;
	csvw_init(&w, &o, "\r\n", 1);
	if (c->kind == CHART_STACKED)
		csv_stacked(&w, c);
	else
		csv_ranked(&w, c);
	return sb_take(&o);
}
