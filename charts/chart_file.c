/* chart_file.c: writes a chart to an SVG or PNG file, the two forms the
 * HTML site uses. Both refuse an invalid chart (validation is the only
 * gate between aggregated data and a published figure) and report cairo's
 * own status on failure.
 *
 * Determinism: nothing here depends on time or addresses. cairo 1.16's PNG
 * writer stores no timestamp. Its SVG writer numbers glyphs per document
 * but names the page group after the surface's process-wide serial number
 * (id="surface6" for the third chart written), so the SVG is collected in
 * memory and those ids are renumbered in order of appearance before the
 * file is written. */
#include "chart.h"
#include "util.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cairo-svg.h>

static int set_msg(char *msg, size_t msglen, const char *what, const char *path, const char *why)
{
	if (msg && msglen)
		snprintf(msg, msglen, "%s: %s: %s", path, what, why);
	return -1;
}

/* Validates and lays out; on failure msg names the chart and the item. */
static chart_layout *checked_layout(const chart *c, double width_pt, char *msg, size_t msglen)
{
	if (chart_validate(c, msg, msglen) != 0)
		return NULL;
	if (!(width_pt > 0) || !isfinite(width_pt)) {
		if (msg && msglen)
			snprintf(msg, msglen, "chart %s: width %g is not a positive number of points",
			         c->id, width_pt);
		return NULL;
	}
	chart_layout *l = chart_layout_new(c, width_pt);
	if (!l && msg && msglen)
		snprintf(msg, msglen, "chart %s: cannot lay out", c->id);
	return l;
}

static cairo_status_t collect(void *closure, const unsigned char *data, unsigned int length)
{
	sb_addn(closure, (const char *)data, length);
	return CAIRO_STATUS_SUCCESS;
}

/* Rewrites every "surface<digits>" that follows '"' or '#' (an id or a
 * reference to one) to "surface<k>", k counting distinct ids from 1 in
 * order of first appearance. */
static char *renumber_surface_ids(const char *svg)
{
	static const char key[] = "surface";
	const size_t klen = sizeof key - 1;
	strbuf out;
	sb_init(&out);
	unsigned long *seen = NULL;
	size_t nseen = 0;
	const char *p = svg;
	for (;;) {
		const char *q = strstr(p, key);
		if (!q) {
			sb_add(&out, p);
			break;
		}
		const char *d = q + klen;
		size_t ndig = strspn(d, "0123456789");
		if (q == svg || (q[-1] != '"' && q[-1] != '#') || ndig == 0 || ndig > 9) {
			sb_addn(&out, p, (size_t)(d - p));
			p = d;
			continue;
		}
		unsigned long old = strtoul(d, NULL, 10);
		size_t k = 0;
		while (k < nseen && seen[k] != old)
			k++;
		if (k == nseen) {
			seen = xrealloc(seen, (nseen + 1) * sizeof *seen);
			seen[nseen++] = old;
		}
		sb_addn(&out, p, (size_t)(q - p));
		sb_printf(&out, "%s%zu", key, k + 1);
		p = d + ndig;
	}
	free(seen);
	return sb_take(&out);
}

int chart_write_svg(const chart *c, double width_pt, const char *path, char *msg, size_t msglen)
{
	chart_layout *l = checked_layout(c, width_pt, msg, msglen);
	if (!l)
		return -1;
	strbuf svg;
	sb_init(&svg);
	cairo_surface_t *s = cairo_svg_surface_create_for_stream(collect, &svg, chart_layout_width(l),
	                                                         chart_layout_height(l));
	/* One user unit per CSS pixel: a 600 pt chart is a 600 px image next
	 * to its 1200 px (2x) PNG. */
	cairo_svg_surface_set_document_unit(s, CAIRO_SVG_UNIT_PX);
	cairo_t *cr = cairo_create(s);
	chart_layout_draw(l, cr);
	cairo_status_t st = cairo_status(cr);
	cairo_destroy(cr);
	cairo_surface_finish(s);
	if (st == CAIRO_STATUS_SUCCESS)
		st = cairo_surface_status(s);
	cairo_surface_destroy(s);
	chart_layout_free(l);
	if (st != CAIRO_STATUS_SUCCESS) {
		sb_free(&svg);
		return set_msg(msg, msglen, "cannot write SVG", path, cairo_status_to_string(st));
	}
	char *text = svg.s ? renumber_surface_ids(svg.s) : xstrdup("");
	sb_free(&svg);
	int rc = write_file(path, text, strlen(text));
	free(text);
	if (rc != 0)
		return set_msg(msg, msglen, "cannot write SVG", path, "write failed");
	return 0;
}

int chart_write_png(const chart *c, double width_pt, double scale, const char *path, char *msg, size_t msglen)
{
	if (!(scale > 0) || !isfinite(scale))
		return set_msg(msg, msglen, "cannot write PNG", path, "scale is not a positive number");
	chart_layout *l = checked_layout(c, width_pt, msg, msglen);
	if (!l)
		return -1;
	cairo_surface_t *s = chart_layout_render_image(l, scale, 0, 0);
	cairo_status_t st = cairo_surface_status(s);
	if (st == CAIRO_STATUS_SUCCESS)
		st = cairo_surface_write_to_png(s, path);
	cairo_surface_destroy(s);
	chart_layout_free(l);
	if (st != CAIRO_STATUS_SUCCESS)
		return set_msg(msg, msglen, "cannot write PNG", path, cairo_status_to_string(st));
	return 0;
}
