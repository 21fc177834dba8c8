/* chart_svg.c: the chart as SVG for the web, written from the same laid-out
 * marks that cairo draws into the PDF and the PNG (chart_internal.h): every
 * rectangle as a <rect>, every text as a real <text> in the report's font
 * stack, one <tspan> per line at the baseline pango computed, so the text is
 * selectable, searchable and translatable and the file stays a few KB.
 *
 * A chart file may be opened on its own, so it carries <title> (figure
 * number and caption with its n) and <desc> (the alt text and the source
 * line). Every id starts with the chart's own id, so several charts can be
 * inlined in one page. Text comes from data and is XML-escaped. Numbers are
 * printed with at most two decimals, so the output is byte-identical across
 * runs. */
#include "chart_internal.h"
#include "util.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DEFAULT_FILL "#1a1a1a"

/* Escapes text for element content and attribute values. Control
 * characters other than tab/newline cannot appear in XML 1.0: dropped. */
static void esc(strbuf *o, const char *s, size_t n)
{
	for (size_t i = 0; i < n && s[i]; i++) {
		unsigned char ch = (unsigned char)s[i];
		switch (ch) {
		case '&': sb_add(o, "&amp;"); break;
		case '<': sb_add(o, "&lt;"); break;
		case '>': sb_add(o, "&gt;"); break;
		case '"': sb_add(o, "&quot;"); break;
		default:
			if (ch < 0x20 && ch != '\t' && ch != '\n')
				break;
			sb_addc(o, (char)ch);
		}
	}
}

static void esc_all(strbuf *o, const char *s)
{
	if (s)
		esc(o, s, strlen(s));
}

/* A coordinate: two decimals, trailing zeros dropped ("12.5", "3"). */
static void num(strbuf *o, double v)
{
	char buf[48];
	double r = round(v * 100.0) / 100.0;
	if (r == 0)
		r = 0; /* no "-0" */
	snprintf(buf, sizeof buf, "%.2f", r);
	char *e = buf + strlen(buf);
	while (e > buf && e[-1] == '0')
		*--e = 0;
	if (e > buf && e[-1] == '.')
		*--e = 0;
	sb_add(o, buf);
}

static void color(strbuf *o, const double rgb[3])
{
	sb_printf(o, "#%02x%02x%02x", (int)lround(rgb[0] * 255), (int)lround(rgb[1] * 255),
	          (int)lround(rgb[2] * 255));
}

/* Leaves out what pango draws as nothing and SVG would not: the WORD
 * JOINER that glues "–conflicten" (U+2060), and trailing spaces at a line
 * break. */
static void line_text(strbuf *o, const char *s, size_t n)
{
	static const char wj[] = "\u2060";
	while (n > 0 && s[n - 1] == ' ')
		n--;
	size_t i = 0;
	while (i < n) {
		const char *q = NULL;
		for (size_t j = i; j + sizeof wj - 1 <= n && !q; j++)
			if (memcmp(s + j, wj, sizeof wj - 1) == 0)
				q = s + j;
		size_t end = q ? (size_t)(q - s) : n;
		esc(o, s + i, end - i);
		i = q ? end + sizeof wj - 1 : n;
	}
}

static void svg_text(strbuf *o, const chart_layout *l, size_t i)
{
	const chart_box *b = &l->boxes[i];
	PangoLayout *pl = l->layouts[i];
	const char *text = pango_layout_get_text(pl);
	double ox = l->origin[i][0], oy = l->origin[i][1];
	sb_add(o, "<text font-size=\"");
	num(o, b->size_pt);
	sb_add(o, "\"");
	if (b->bold)
		sb_add(o, " font-weight=\"bold\"");
	if (b->italic)
		sb_add(o, " font-style=\"italic\"");
	/* The body-text colour is the default fill of the whole drawing
	 * (DEFAULT_FILL on <svg>); other colours are written out. */
	strbuf fill;
	sb_init(&fill);
	color(&fill, b->fg);
	if (strcmp(fill.s, DEFAULT_FILL) != 0)
		sb_printf(o, " fill=\"%s\"", fill.s);
	sb_free(&fill);
	int nlines = pango_layout_get_line_count(pl);
	PangoLayoutIter *it = pango_layout_get_iter(pl);
	if (nlines == 1) {
		PangoRectangle lr;
		pango_layout_iter_get_line_extents(it, NULL, &lr);
		sb_add(o, " x=\"");
		num(o, ox + (double)lr.x / PANGO_SCALE);
		sb_add(o, "\" y=\"");
		num(o, oy + (double)pango_layout_iter_get_baseline(it) / PANGO_SCALE);
		sb_add(o, "\">");
		PangoLayoutLine *line = pango_layout_iter_get_line_readonly(it);
		line_text(o, text + line->start_index, (size_t)line->length);
		sb_add(o, "</text>\n");
		pango_layout_iter_free(it);
		return;
	}
	sb_add(o, ">");
	do {
		PangoRectangle lr;
		pango_layout_iter_get_line_extents(it, NULL, &lr);
		PangoLayoutLine *line = pango_layout_iter_get_line_readonly(it);
		sb_add(o, "<tspan x=\"");
		num(o, ox + (double)lr.x / PANGO_SCALE);
		sb_add(o, "\" y=\"");
		num(o, oy + (double)pango_layout_iter_get_baseline(it) / PANGO_SCALE);
		sb_add(o, "\">");
		line_text(o, text + line->start_index, (size_t)line->length);
		sb_add(o, "</tspan>");
	} while (pango_layout_iter_next_line(it));
	pango_layout_iter_free(it);
	sb_add(o, "</text>\n");
}

char *chart_layout_svg(const chart_layout *l, const chart *c, const char *id_prefix)
{
	const char *p = id_prefix && *id_prefix ? id_prefix : c->id;
	strbuf o;
	sb_init(&o);
	sb_add(&o, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"");
	num(&o, l->width);
	sb_add(&o, "\" height=\"");
	num(&o, l->height);
	sb_add(&o, "\" viewBox=\"0 0 ");
	num(&o, l->width);
	sb_add(&o, " ");
	num(&o, l->height);
	sb_add(&o, "\" role=\"img\" aria-labelledby=\"");
	esc_all(&o, p);
	sb_add(&o, "-titel\" aria-describedby=\"");
	esc_all(&o, p);
	sb_add(&o, "-beschrijving\" font-family=\"" CHART_FONT_STACK "\" fill=\"" DEFAULT_FILL "\">\n<title id=\"");
	esc_all(&o, p);
	sb_add(&o, "-titel\">");
	if (c->number && *c->number) {
		sb_add(&o, "Figuur ");
		esc_all(&o, c->number);
		sb_add(&o, ": ");
	}
	esc_all(&o, c->caption && *c->caption ? c->caption : c->title);
	sb_add(&o, "</title>\n<desc id=\"");
	esc_all(&o, p);
	sb_add(&o, "-beschrijving\">");
	char *alt = chart_alt_text(c);
	esc_all(&o, alt);
	free(alt);
	if (c->source && *c->source) {
		sb_add(&o, " ");
		esc_all(&o, c->source);
	}
	sb_add(&o, "</desc>\n<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>\n");
	/* Rectangles of one colour share a group: most of a chart is a few
	 * fills repeated. Order of drawing is kept (groups break when the
	 * colour changes). */
	const double *cur = NULL;
	for (size_t i = 0; i < l->nrects; i++) {
		const mark_rect *r = &l->rects[i];
		if (!cur || memcmp(cur, r->rgb, sizeof r->rgb) != 0) {
			if (cur)
				sb_add(&o, "</g>\n");
			sb_add(&o, "<g fill=\"");
			color(&o, r->rgb);
			sb_add(&o, "\">\n");
			cur = r->rgb;
		}
		sb_add(&o, "<rect x=\"");
		num(&o, r->x);
		sb_add(&o, "\" y=\"");
		num(&o, r->y);
		sb_add(&o, "\" width=\"");
		num(&o, r->w);
		sb_add(&o, "\" height=\"");
		num(&o, r->h);
		sb_add(&o, "\"/>\n");
	}
	if (cur)
		sb_add(&o, "</g>\n");
	for (size_t i = 0; i < l->nboxes; i++)
		svg_text(&o, l, i);
	sb_add(&o, "</svg>\n");
	return sb_take(&o);
}
