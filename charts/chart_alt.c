/* chart_alt.c: the Dutch text alternative of a chart, written from the
 * data: what kind of chart it is, what it shows, and its extremes. The HTML
 * writer puts it in the <img> alt attribute; the full numbers are in the
 * data table beside the image, so the alt text names only the highest and
 * lowest item. Ties go to the item listed first, as a reader scanning the
 * figure from the top would find it. Suppressed bars are named with their
 * reason, never with a number; with a reference (area editions) each
 * extreme also gives the reference value. */
#include "chart.h"
#include "chart_internal.h"
#include "util.h"

#include <stdlib.h>
#include <strings.h>

/* "label (82 keer)": the chart prints "82 x", which a screen reader would
 * read as the letter. */
static void add_row(strbuf *b, const chart_row *r)
{
	char *n = nl_int(r->count);
	sb_printf(b, "%s (%s keer)", r->label, n);
	free(n);
}

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

char *chart_alt_stacked(const chart *c)
{
	strbuf b;
	sb_init(&b);
	/* Categories are separated by semicolons: their own text may hold
	 * commas ("Vaak, dit is een gangbare praktijk"). */
	sb_printf(&b, "Gestapeld staafdiagram: %s", c->title);
	add_n(&b, c);
	sb_add(&b, ". Per onderdeel het percentage per antwoord (");
	for (int k = 0; k < c->ncat; k++)
		sb_printf(&b, "%s%s", k ? "; " : "", c->cats[k].label);
	sb_add(&b, ").");
	if (c->ref_label)
		sb_printf(&b, " Per onderdeel een staaf voor %s en daaronder een dunnere staaf voor %s ter vergelijking.",
		          c->area_label, c->ref_label);
	int hi = -1, lo = -1, nsup = 0;
	for (int i = 0; i < c->nbars && c->ncat > 0; i++) {
		const chart_bar *bar = &c->bars[i];
		if (bar->suppressed) {
			nsup++;
			continue;
		}
		if (hi < 0 || bar->pct[0] > c->bars[hi].pct[0])
			hi = i;
		if (lo < 0 || bar->pct[0] < c->bars[lo].pct[0])
			lo = i;
	}
	if (hi >= 0) {
		const char *area = c->ref_label ? c->area_label : NULL;
		sb_printf(&b, " Hoogste aandeel '%s'%s%s: %s (", c->cats[0].label, area ? " in " : "",
		          area ? area : "", c->bars[hi].label);
		add_value(&b, c, &c->bars[hi]);
		sb_printf(&b, "); laagste: %s (", c->bars[lo].label);
		add_value(&b, c, &c->bars[lo]);
		sb_add(&b, ").");
	}
	if (nsup > 0) {
		sb_add(&b, " Niet getoond: ");
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

/* Highest and lowest count over the given columns. */
static void add_extremes(strbuf *b, const chart *c, int ncols)
{
	const chart_row *hi = NULL, *lo = NULL;
	for (int k = 0; k < ncols; k++)
		for (int i = 0; i < c->cols[k].nrows; i++) {
			const chart_row *r = &c->cols[k].rows[i];
			if (!hi || r->count > hi->count)
				hi = r;
			if (!lo || r->count < lo->count)
				lo = r;
		}
	if (!hi)
		return;
	sb_add(b, " Het meest genoemd: ");
	add_row(b, hi);
	sb_add(b, "; het minst genoemd: ");
	add_row(b, lo);
	sb_add(b, ".");
}

char *chart_alt_ranking(const chart *c)
{
	strbuf b;
	sb_init(&b);
	/* Titles that already say "ranglijst van ..." are not prefixed
	 * again ("Ranglijst: ranglijst van"). */
	if (strncasecmp(c->title, "ranglijst", 9) == 0)
		sb_printf(&b, "R%s", c->title + 1);
	else
		sb_printf(&b, "Ranglijst: %s", c->title);
	add_n(&b, c);
	sb_add(&b, ". Per onderdeel hoe vaak het genoemd is.");
	add_extremes(&b, c, 1);
	return sb_take(&b);
}

char *chart_alt_topbottom(const chart *c)
{
	strbuf b;
	sb_init(&b);
	sb_printf(&b, "Twee ranglijsten naast elkaar: %s", c->title);
	add_n(&b, c);
	sb_printf(&b, ". Links '%s', rechts '%s', met per onderdeel hoe vaak het genoemd is.",
	          c->cols[0].heading ? c->cols[0].heading : "",
	          c->cols[1].heading ? c->cols[1].heading : "");
	add_extremes(&b, c, 2);
	return sb_take(&b);
}

char *chart_alt_text(const chart *c)
{
	const chart_kind_def *k = chart_kind_get(c->kind);
	return k ? k->alt(c) : xstrdup("");
}
