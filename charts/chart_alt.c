/* chart_alt.c: the Dutch text alternative of a chart, written from the
 * data: what kind of chart it is, what it shows, and its extremes. The HTML
 * writer puts it in the <img> alt attribute; the full numbers are in the
 * data table beside the image, so the alt text names only the highest and
 * lowest item. Ties go to the item listed first, as a reader scanning the
 * figure from the top would find it. */
#include "chart.h"
#include "util.h"

#include <stdlib.h>

/* "label (82 x)" */
static void add_row(strbuf *b, const chart_row *r)
{
	char *n = nl_int(r->count);
	sb_printf(b, "%s (%s x)", r->label, n);
	free(n);
}

static char *alt_stacked(const chart *c)
{
	strbuf b;
	sb_init(&b);
	sb_printf(&b, "Gestapeld staafdiagram: %s. Per onderdeel het percentage per antwoord (", c->title);
	for (int k = 0; k < c->ncat; k++)
		sb_printf(&b, "%s%s", k ? ", " : "", c->cats[k].label);
	sb_add(&b, ").");
	if (c->nbars > 0 && c->ncat > 0) {
		int hi = 0, lo = 0;
		for (int i = 1; i < c->nbars; i++) {
			if (c->bars[i].pct[0] > c->bars[hi].pct[0])
				hi = i;
			if (c->bars[i].pct[0] < c->bars[lo].pct[0])
				lo = i;
		}
		sb_printf(&b, " Hoogste aandeel '%s': %s (%d%%); laagste: %s (%d%%).", c->cats[0].label,
		          c->bars[hi].label, c->bars[hi].pct[0], c->bars[lo].label, c->bars[lo].pct[0]);
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

static char *alt_ranking(const chart *c)
{
	strbuf b;
	sb_init(&b);
	sb_printf(&b, "Ranglijst: %s. Per onderdeel hoe vaak het genoemd is.", c->title);
	add_extremes(&b, c, 1);
	return sb_take(&b);
}

static char *alt_topbottom(const chart *c)
{
	strbuf b;
	sb_init(&b);
	sb_printf(&b, "Twee ranglijsten naast elkaar: %s. Links '%s', rechts '%s', met per onderdeel hoe vaak het genoemd is.",
	          c->title, c->cols[0].heading ? c->cols[0].heading : "",
	          c->cols[1].heading ? c->cols[1].heading : "");
	add_extremes(&b, c, 2);
	return sb_take(&b);
}

char *chart_alt_text(const chart *c)
{
	switch (c->kind) {
	case CHART_STACKED:
		return alt_stacked(c);
	case CHART_RANKING:
		return alt_ranking(c);
	case CHART_TOPBOTTOM:
		return alt_topbottom(c);
	}
	return xstrdup("");
}
