/* chart_svg.c: the chart as SVG for the web, written from the same laid-out
 * marks that cairo draws into the PDF and the PNG (chart_internal.h): the
 * rectangles as one <path> per colour (rect_paths), every text as a real
 * <text> in the report's font stack, one <tspan> per line at the baseline
 * pango computed, so the text is selectable, searchable and translatable,
 * its size, weight and colour as one CSS class per style (collect_styles),
 * and the file stays a few KB.
 *
 * A chart file may be opened on its own, so it carries <title> (figure
 * number and caption with its n) and <desc> (the alt text and the source
 * line). Every id starts with the chart's own id, so several charts can be
 * inlined in one page. Text comes from data and is XML-escaped. Numbers are
 * printed with at most two decimals, so the output is byte-identical across
 * runs. */
#include "chart_internal.h"
#include "terms.h"
#include "text.h"
#include "util.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DEFAULT_FILL "#1a1a1a"

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

static uint32_t rgb_key(const double rgb[3])
{
	return (uint32_t)lround(rgb[0] * 255) << 16 | (uint32_t)lround(rgb[1] * 255) << 8 |
	       (uint32_t)lround(rgb[2] * 255);
}

static int overlap(const mark_rect *a, const mark_rect *b)
{
	return a->x < b->x + b->w && b->x < a->x + a->w && a->y < b->y + b->h && b->y < a->y + a->h;
}

/* The rectangles as one <path> per fill colour, each rectangle a subpath
 * "M x y h w v h h -w z": a chart is a few fills repeated, and a <rect> per
 * mark in a <g> per run of one colour was half of every SVG file. A
 * rectangle joins the latest earlier path of its colour only when it
 * overlaps nothing drawn after that path (the light segments' outline is
 * a darker rectangle under a lighter one), so what is painted over what
 * stays as the layout drew it. */
static void rect_paths(strbuf *o, const chart_layout *l)
{
	size_t n = l->nrects, ng = 0;
	if (!n)
		return;
	size_t *group = xmalloc(n * sizeof *group);
	uint32_t *gcol = xmalloc(n * sizeof *gcol);
	for (size_t i = 0; i < n; i++) {
		uint32_t col = rgb_key(l->rects[i].rgb);
		size_t target = ng;
		for (size_t g = ng; g-- > 0;) {
			if (gcol[g] == col) {
				target = g;
				break;
			}
			int blocked = 0;
			for (size_t j = 0; j < i && !blocked; j++)
				blocked = group[j] == g && overlap(&l->rects[j], &l->rects[i]);
			if (blocked)
				break;
		}
		if (target == ng)
			gcol[ng++] = col;
		group[i] = target;
	}
	for (size_t g = 0; g < ng; g++) {
		/* the same "#rrggbb" as color() writes */
		sb_printf(o, "<path fill=\"#%06x\" d=\"", (unsigned)gcol[g]);
		for (size_t i = 0; i < n; i++) {
			if (group[i] != g)
				continue;
			const mark_rect *r = &l->rects[i];
			sb_addc(o, 'M');
			num(o, r->x);
			sb_addc(o, ' ');
			num(o, r->y);
			sb_addc(o, 'h');
			num(o, r->w);
			sb_addc(o, 'v');
			num(o, r->h);
			sb_add(o, "h-");
			num(o, r->w);
			sb_addc(o, 'z');
		}
		sb_add(o, "\"/>\n");
	}
	free(group);
	free(gcol);
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
		markup_escn(o, s + i, end - i, 0);
		i = q ? end + sizeof wj - 1 : n;
	}
}

/* The text style of box i as CSS declarations: size, weight, slant, and
 * the colour when it is not the drawing's default fill (DEFAULT_FILL on
 * <svg>). malloc'd. */
static char *text_style(const chart_layout *l, size_t i)
{
	const chart_box *b = &l->boxes[i];
	strbuf o;
	sb_init(&o);
	sb_add(&o, "font-size:");
	num(&o, b->size_pt);
	sb_add(&o, "px");
	if (b->bold)
		sb_add(&o, ";font-weight:bold");
	if (b->italic)
		sb_add(&o, ";font-style:italic");
	strbuf fill;
	sb_init(&fill);
	color(&fill, b->fg);
	if (strcmp(fill.s, DEFAULT_FILL) != 0)
		sb_printf(&o, ";fill:%s", fill.s);
	sb_free(&fill);
	return sb_take(&o);
}

/* The class of style k: "a" to "z", then "s26", "s27", ... */
static void style_class(strbuf *o, size_t k)
{
	if (k < 26)
		sb_addc(o, (char)('a' + k));
	else
		sb_printf(o, "s%zu", k);
}

/* The distinct text styles of a layout, in order of first use; style[i]
 * is box i's. A chart has a handful (labels, values in white and in black,
 * axis, legend, reference names): one CSS class each instead of the same
 * three attributes on every <text>. */
typedef struct {
	char **css;
	size_t n;
	size_t *of_box;
} text_styles;

static void collect_styles(const chart_layout *l, text_styles *ts)
{
	ts->css = xmalloc((l->nboxes + 1) * sizeof *ts->css);
	ts->of_box = xmalloc((l->nboxes + 1) * sizeof *ts->of_box);
	ts->n = 0;
	for (size_t i = 0; i < l->nboxes; i++) {
		char *css = text_style(l, i);
		size_t k = 0;
		while (k < ts->n && strcmp(ts->css[k], css) != 0)
			k++;
		if (k == ts->n)
			ts->css[ts->n++] = css;
		else
			free(css);
		ts->of_box[i] = k;
	}
}

static void free_styles(text_styles *ts)
{
	for (size_t k = 0; k < ts->n; k++)
		free(ts->css[k]);
	free(ts->css);
	free(ts->of_box);
}

static void svg_text(strbuf *o, const chart_layout *l, const text_styles *ts, size_t i)
{
	PangoLayout *pl = l->layouts[i];
	const char *text = pango_layout_get_text(pl);
	double ox = l->origin[i][0], oy = l->origin[i][1];
	sb_add(o, "<text class=\"");
	style_class(o, ts->of_box[i]);
	sb_add(o, "\"");
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
	/* The layout is in points, and so is the drawing's size: opened on
	 * its own or placed in a document it has the size it was laid out
	 * for (a 420 pt chart with 8.5 pt labels), not a pixel per point,
	 * which made its text 7 px on screen. On the page the <img> sets the
	 * size. One unit of the viewBox stays one point. */
	sb_add(&o, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"");
	num(&o, l->width);
	sb_add(&o, "pt\" height=\"");
	num(&o, l->height);
	sb_add(&o, "pt\" viewBox=\"0 0 ");
	num(&o, l->width);
	sb_add(&o, " ");
	num(&o, l->height);
	sb_add(&o, "\" id=\"");
	markup_esc(&o, p);
	sb_add(&o, "\" role=\"img\" aria-labelledby=\"");
	markup_esc(&o, p);
	sb_add(&o, "-titel\" aria-describedby=\"");
	markup_esc(&o, p);
	sb_add(&o, "-beschrijving\" font-family=\"" CHART_FONT_STACK "\" fill=\"" DEFAULT_FILL "\">\n");
	/* the text styles, scoped to this drawing by its id, so that charts
	 * inlined in one page keep their own */
	text_styles ts;
	collect_styles(l, &ts);
	if (ts.n) {
		sb_add(&o, "<style>");
		for (size_t k = 0; k < ts.n; k++) {
			sb_addc(&o, '#');
			markup_esc(&o, p);
			sb_add(&o, " .");
			style_class(&o, k);
			sb_printf(&o, "{%s}", ts.css[k]);
		}
		sb_add(&o, "</style>\n");
	}
	sb_add(&o, "<title id=\"");
	markup_esc(&o, p);
	sb_add(&o, "-titel\">");
	const char *caption = c->caption && *c->caption ? c->caption : c->title;
	if (c->number && *c->number) {
		char *t = TF("grafiek.titel", c->number, caption ? caption : "");
		markup_esc(&o, t);
		free(t);
	} else {
		markup_esc(&o, caption);
	}
	sb_add(&o, "</title>\n<desc id=\"");
	markup_esc(&o, p);
	sb_add(&o, "-beschrijving\">");
	char *alt = chart_alt_text(c);
	markup_esc(&o, alt);
	free(alt);
	if (c->source && *c->source) {
		sb_add(&o, " ");
		markup_esc(&o, c->source);
	}
	sb_add(&o, "</desc>\n<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>\n");
	rect_paths(&o, l);
	for (size_t i = 0; i < l->nboxes; i++)
		svg_text(&o, l, &ts, i);
	free_styles(&ts);
	sb_add(&o, "</svg>\n");
	return sb_take(&o);
}
