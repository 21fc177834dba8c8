/* chart_alt.c: the text alternative of a chart, written from the data in
 * the report's words (the terms grafiek.alt.*, lijst.*): what kind of chart
 * it is, what it shows, and its extremes. The HTML writer puts it in the
 * <img> alt attribute; the full numbers are in the data table beside the
 * image, so the alt text names only the highest and lowest items. Ties are
 * ties: every item that shares the highest (or lowest) value is named, in
 * the order of the figure, with the value once ("A en B (elk 12%)"). Items
 * that no one mentioned are not "the least mentioned": they are named apart
 * ("door niemand genoemd: ..."). Suppressed
 * bars are named with their reason, never with a number; with a reference
 * (area editions) each extreme also gives the reference value. */
#include "text.h"
#include "chart.h"
#include "chart_internal.h"
#include "terms.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* " (n=98)" when the chart has one base. */
static void add_n(strbuf *b, const chart *c)
{
	if (c->n > 0)
		sb_printf(b, " (n=%d)", c->n);
}

/* "94%" or, with a reference, "94%; Nederland 90%" for category 0. */
static void add_value(strbuf *b, const chart *c, const chart_bar *bar)
{
	sb_printf(b, "%d%%", bar->pct[0]);
	if (!c->ref_label || !bar->has_ref)
		return;
	if (bar->ref_pct)
		sb_printf(b, "; %s %d%%", c->ref_label, bar->ref_pct[0]);
	else
		sb_printf(b, "; %s: %s", c->ref_label, bar->ref_suppressed);
}

/* " en " before the last of n items, ", " before the others. */
static void add_sep(strbuf *b, int k, int n)
{
	if (k == n - 1 && k > 0)
		sb_printf(b, " %s ", T("lijst.en"));
	else if (k > 0)
		sb_add(b, ", ");
}

/* A term between spaces or punctuation the code adds: " Niet getoond: ". */
static void add_term(strbuf *b, const char *before, const char *id, const char *after)
{
	sb_printf(b, "%s%s%s", before, T(id), after);
}

/* A term with places, filled and added. */
static void add_fmt(strbuf *b, char *filled)
{
	sb_add(b, filled);
	free(filled);
}

/* Every shown bar whose category 0 has value v, in the figure's order:
 * "A (94%)", or "A en B (elk 94%)"; with a reference each bar keeps its
 * own reference value: "A (94%; Nederland 90%) en B (94%; Nederland 88%)". */
static void add_tied_bars(strbuf *b, const chart *c, int v)
{
	int n = 0;
	for (int i = 0; i < c->nbars; i++)
		n += !c->bars[i].suppressed && c->bars[i].pct[0] == v;
	int k = 0;
	for (int i = 0; i < c->nbars; i++) {
		const chart_bar *bar = &c->bars[i];
		if (bar->suppressed || bar->pct[0] != v)
			continue;
		add_sep(b, k++, n);
		sb_add(b, bar->label);
		if (c->ref_label) {
			sb_add(b, " (");
			add_value(b, c, bar);
			sb_add(b, ")");
		}
	}
	if (!c->ref_label) {
		if (n > 1)
			sb_printf(b, " (%s %d%%)", T("lijst.elk"), v);
		else
			sb_printf(b, " (%d%%)", v);
	}
}

char *chart_alt_stacked(const chart *c)
{
	strbuf b;
	sb_init(&b);
	/* Categories are separated by semicolons: their own text may hold
	 * commas ("Vaak, dit is een gangbare praktijk"). */
	add_fmt(&b, TF("grafiek.alt.gestapeld", c->title));
	add_n(&b, c);
	strbuf cats;
	sb_init(&cats);
	for (int k = 0; k < c->ncat; k++)
		sb_printf(&cats, "%s%s", k ? "; " : "", c->cats[k].label);
	sb_add(&b, ". ");
	add_fmt(&b, TF("grafiek.alt.per_antwoord", cats.s ? cats.s : ""));
	sb_free(&cats);
	if (c->ref_label) {
		sb_add(&b, " ");
		add_fmt(&b, TF("grafiek.alt.vergelijking", c->area_label, c->ref_label));
	}
	int hi = -1, lo = -1, nsup = 0, nshown = 0;
	for (int i = 0; i < c->nbars && c->ncat > 0; i++) {
		const chart_bar *bar = &c->bars[i];
		if (bar->suppressed) {
			nsup++;
			continue;
		}
		nshown++;
		if (hi < 0 || bar->pct[0] > c->bars[hi].pct[0])
			hi = i;
		if (lo < 0 || bar->pct[0] < c->bars[lo].pct[0])
			lo = i;
	}
	if (hi >= 0) {
		/* with a reference, the area the extremes are of */
		const char *area = c->ref_label ? c->area_label : NULL;
		if (nshown > 1 && c->bars[hi].pct[0] == c->bars[lo].pct[0]) {
			char pct[16];
			snprintf(pct, sizeof pct, "%d%%", c->bars[hi].pct[0]);
			sb_add(&b, " ");
			add_fmt(&b, area ? TF("grafiek.alt.gelijk_in", c->cats[0].label, area, pct)
					 : TF("grafiek.alt.gelijk", c->cats[0].label, pct));
		} else {
			sb_add(&b, " ");
			add_fmt(&b, area ? TF("grafiek.alt.hoogste_in", c->cats[0].label, area)
					 : TF("grafiek.alt.hoogste", c->cats[0].label));
			sb_add(&b, " ");
			add_tied_bars(&b, c, c->bars[hi].pct[0]);
			if (nshown > 1) {
				add_term(&b, "; ", "grafiek.alt.laagste", " ");
				add_tied_bars(&b, c, c->bars[lo].pct[0]);
			}
			sb_add(&b, ".");
		}
	}
	if (nsup > 0) {
		add_term(&b, " ", "grafiek.alt.niet_getoond", " ");
		int k = 0;
		for (int i = 0; i < c->nbars; i++) {
			const chart_bar *bar = &c->bars[i];
			if (!bar->suppressed)
				continue;
			sb_printf(&b, "%s%s (%s)", k++ ? "; " : "", bar->label, bar->suppressed);
		}
		sb_add(&b, ".");
	}
	return sb_take(&b);
}

/* Every row of the given columns with count v, each item once (a
 * top-bottom chart may show an item in both columns): "A (82 keer)" or
 * "A en B (elk 12 keer)"; without the count when v is 0. The chart prints
 * "82 x", which a screen reader would read as the letter: "keer". */
static void add_tied_rows(strbuf *b, const chart *c, int ncols, long v)
{
	const chart_row **rows = NULL;
	int n = 0;
	for (int k = 0; k < ncols; k++)
		for (int i = 0; i < c->cols[k].nrows; i++) {
			const chart_row *r = &c->cols[k].rows[i];
			int seen = r->count != v;
			for (int j = 0; j < n && !seen; j++)
				seen = !strcmp(rows[j]->label, r->label);
			if (seen)
				continue;
			rows = xrealloc(rows, (size_t)(n + 1) * sizeof *rows);
			rows[n++] = r;
		}
	for (int j = 0; j < n; j++) {
		add_sep(b, j, n);
		sb_add(b, rows[j]->label);
	}
	if (v > 0) {
		char *t = nl_int(v);
		sb_add(b, " (");
		if (n > 1)
			add_term(b, "", "lijst.elk", " ");
		add_fmt(b, TF("grafiek.alt.keer", t));
		sb_add(b, ")");
		free(t);
	}
	free(rows);
}

/* Highest and lowest count over the given columns; items with no
 * mentions are named apart, not as the least mentioned. */
static void add_extremes(strbuf *b, const chart *c, int ncols)
{
	const chart_row *hi = NULL, *lo = NULL;
	int zero = 0;
	for (int k = 0; k < ncols; k++)
		for (int i = 0; i < c->cols[k].nrows; i++) {
			const chart_row *r = &c->cols[k].rows[i];
			if (r->count == 0) {
				zero = 1;
				continue;
			}
			if (!hi || r->count > hi->count)
				hi = r;
			if (!lo || r->count < lo->count)
				lo = r;
		}
	if (hi) {
		add_term(b, " ", "grafiek.alt.meest", " ");
		add_tied_rows(b, c, ncols, hi->count);
		if (lo->count != hi->count) {
			add_term(b, "; ", "grafiek.alt.minst", " ");
			add_tied_rows(b, c, ncols, lo->count);
		}
		sb_add(b, ".");
	}
	if (zero) {
		add_term(b, " ", "grafiek.alt.niemand", " ");
		add_tied_rows(b, c, ncols, 0);
		sb_add(b, ".");
	}
}

char *chart_alt_ranking(const chart *c)
{
	strbuf b;
	sb_init(&b);
	/* Titles that already say "ranglijst van ..." are not prefixed
	 * again ("Ranglijst: ranglijst van"); they get a capital instead. */
	const char *word = T("grafiek.alt.ranglijst.woord");
	if (*word && strncasecmp(c->title, word, strlen(word)) == 0) {
		char *up = utf8_capitalise(c->title);
		sb_add(&b, up);
		free(up);
	} else
		add_fmt(&b, TF("grafiek.alt.ranglijst", c->title));
	add_n(&b, c);
	add_term(&b, ". ", "grafiek.alt.per_onderdeel", "");
	add_extremes(&b, c, 1);
	return sb_take(&b);
}

char *chart_alt_topbottom(const chart *c)
{
	strbuf b;
	sb_init(&b);
	add_fmt(&b, TF("grafiek.alt.top_bodem", c->title));
	add_n(&b, c);
	sb_add(&b, ". ");
	add_fmt(&b, TF("grafiek.alt.links_rechts", c->cols[0].heading ? c->cols[0].heading : "",
		       c->cols[1].heading ? c->cols[1].heading : ""));
	add_extremes(&b, c, 2);
	return sb_take(&b);
}

char *chart_alt_text(const chart *c)
{
	const chart_kind_def *k = chart_kind_get(c->kind);
	return k ? k->alt(c) : xstrdup("");
}
