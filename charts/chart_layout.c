/* chart_layout.c: turns a validated chart into positioned marks (filled
 * rectangles and pango text layouts) at a given width, and replays those
 * marks on any cairo context.
 *
 * All measuring happens here, once, on a PangoContext of our own: 72 dpi
 * (1 pango point = 1 unit), metric hinting off, unrounded glyph positions.
 * That makes the line breaks and text widths a function of the text and the
 * width only, never of the surface, so the PNG, the SVG and the PDF page show
 * the same wrapping and the boxes the tests check are the boxes drawn.
 * Drawing reuses the very PangoLayouts that were measured (pango_cairo
 * renders them through the target's transformation), so nothing is laid out
 * twice.
 *
 * The geometry (sizes in points) follows the report's house style: labels
 * 8.5 pt, segment labels 7.5 pt bold, legend 8 pt, bars 11 pt high with 7 pt
 * between rows. The narrow form (phones) puts each label above its bar and
 * uses larger type; see chart.h.
 *
 * Area editions: a suppressed bar is an empty row with its reason in the
 * bar's place; with a reference every item gets the area's bar and below it
 * a thinner reference bar in the same colours, each named in a small
 * "series" label left of the bars. */
#include "chart_internal.h"
#include "pango_setup.h"
#include "util.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Type sizes and bar geometry of one form. */
typedef struct {
	double label, segment, legend, tick, series;
	double bar_h, ref_h, ref_gap, bar_gap;
} chart_style;

static const chart_style wide_style = { 8.5, 7.5, 8.0, 7.0, 7.0, 11.0, 6.0, 2.0, 7.0 };
static const chart_style narrow_style = { 10.5, 9.5, 10.0, CHART_NARROW_MIN_PT, CHART_NARROW_MIN_PT,
                                          14.0, 8.0, 2.5, 10.0 };

static const chart_style *style_of(const chart_layout *l)
{
	return l->form == CHART_NARROW ? &narrow_style : &wide_style;
}

/* Shorthands for the current form's sizes; each needs the chart_layout *l
 * of the function it is used in. */
#define LABEL_PT (style_of(l)->label)
#define SEGMENT_PT (style_of(l)->segment)
#define LEGEND_PT (style_of(l)->legend)
#define TICK_PT (style_of(l)->tick)
#define SERIES_PT (style_of(l)->series)
#define BAR_H (style_of(l)->bar_h)
#define BAR_GAP (style_of(l)->bar_gap)
#define SEGMENT_SEP 1.0   /* white gap between segments: neighbours with less than 3:1
                             contrast stay apart (WCAG 1.4.11), also in grey-scale */
#define EDGE_W 0.5        /* outline of a light segment or swatch */
#define SEGMENT_PAD 1.5   /* minimum room left and right of a segment label */
#define COL_GAP 8.0
#define SWATCH 8.0
#define THIN_BAR 6.0      /* ranking bars */
#define ROW_GAP 6.0       /* between ranking rows */

static const double ink[3] = { 0.10, 0.10, 0.10 };     /* body text: 17.4:1 on white */
static const double muted[3] = { 0.33, 0.33, 0.33 };   /* axis labels: 7.8:1 on white */
static const double axis_rgb[3] = { 0.55, 0.55, 0.55 };
static const double white[3] = { 1, 1, 1 };

static void copy3(double d[3], const double s[3])
{
	d[0] = s[0];
	d[1] = s[1];
	d[2] = s[2];
}

/* The surface-independent text context described at the top of the file. */
static PangoContext *new_context(void)
{
	PangoFontMap *fm = pango_cairo_font_map_get_default();
	PangoContext *ctx = pango_font_map_create_context(fm);
	report_pango_setup(ctx);
	/* Since pango 1.44 glyph positions are rounded to whole units by
	 * default, which at 72 dpi would mean whole points. */
	pango_context_set_round_glyph_positions(ctx, FALSE);
	return ctx;
}

/* A text layout in the chart font. wrap_w > 0 wraps at word boundaries; a
 * single word wider than that (which WRAP_WORD would let overflow into the
 * bars) is then broken between characters instead. */
static PangoLayout *make_text_style(chart_layout *l, const char *text, double size_pt, int bold,
                                    int italic, double wrap_w)
{
	PangoLayout *pl = pango_layout_new(l->ctx);
	PangoFontDescription *fd = pango_font_description_new();
	pango_font_description_set_family(fd, CHART_FONT);
	pango_font_description_set_size(fd, (gint)lround(size_pt * PANGO_SCALE));
	pango_font_description_set_weight(fd, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
	pango_font_description_set_style(fd, italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
	pango_layout_set_font_description(pl, fd);
	pango_font_description_free(fd);
	pango_layout_set_text(pl, text, -1);
	if (wrap_w > 0) {
		pango_layout_set_width(pl, (int)floor(wrap_w * PANGO_SCALE));
		pango_layout_set_wrap(pl, PANGO_WRAP_WORD);
		PangoRectangle lr;
		pango_layout_get_extents(pl, NULL, &lr);
		if (lr.x + lr.width > pango_layout_get_width(pl))
			pango_layout_set_wrap(pl, PANGO_WRAP_WORD_CHAR);
	}
	return pl;
}

static PangoLayout *make_text(chart_layout *l, const char *text, double size_pt, int bold, double wrap_w)
{
	return make_text_style(l, text, size_pt, bold, 0, wrap_w);
}

/* Logical extents in points. */
static void text_extents(PangoLayout *pl, double *x, double *y, double *w, double *h)
{
	PangoRectangle lr;
	pango_layout_get_extents(pl, NULL, &lr);
	*x = (double)lr.x / PANGO_SCALE;
	*y = (double)lr.y / PANGO_SCALE;
	*w = (double)lr.width / PANGO_SCALE;
	*h = (double)lr.height / PANGO_SCALE;
}

static double text_w(PangoLayout *pl)
{
	double x, y, w, h;
	text_extents(pl, &x, &y, &w, &h);
	return w;
}

static double text_h(PangoLayout *pl)
{
	double x, y, w, h;
	text_extents(pl, &x, &y, &w, &h);
	return h;
}

/* Height of the first line, for aligning marks with a wrapped label's first
 * line. */
static double first_line_h(PangoLayout *pl)
{
	PangoLayoutIter *it = pango_layout_get_iter(pl);
	int y0, y1;
	pango_layout_iter_get_line_yrange(it, &y0, &y1);
	pango_layout_iter_free(it);
	return (double)(y1 - y0) / PANGO_SCALE;
}

/* Takes ownership of pl and places its top left at (x, y). */
static void add_text(chart_layout *l, PangoLayout *pl, double x, double y, const char *what,
                     const double fg[3], const double bg[3])
{
	if (l->nboxes == l->capboxes) {
		l->capboxes = l->capboxes ? 2 * l->capboxes : 32;
		l->boxes = xrealloc(l->boxes, l->capboxes * sizeof *l->boxes);
		l->layouts = xrealloc(l->layouts, l->capboxes * sizeof *l->layouts);
		l->origin = xrealloc(l->origin, l->capboxes * sizeof *l->origin);
	}
	double ex, ey, ew, eh;
	text_extents(pl, &ex, &ey, &ew, &eh);
	chart_box *b = &l->boxes[l->nboxes];
	b->x = x + ex;
	b->y = y + ey;
	b->w = ew;
	b->h = eh;
	b->what = what;
	b->text = xstrdup(pango_layout_get_text(pl));
	const PangoFontDescription *fd = pango_layout_get_font_description(pl);
	b->size_pt = (double)pango_font_description_get_size(fd) / PANGO_SCALE;
	b->bold = pango_font_description_get_weight(fd) >= PANGO_WEIGHT_BOLD;
	b->italic = pango_font_description_get_style(fd) != PANGO_STYLE_NORMAL;
	copy3(b->fg, fg);
	copy3(b->bg, bg);
	l->layouts[l->nboxes] = pl;
	l->origin[l->nboxes][0] = x;
	l->origin[l->nboxes][1] = y;
	l->nboxes++;
}

static void add_rect(chart_layout *l, double x, double y, double w, double h, const double rgb[3]);

/* A filled area of a category colour: one lighter than 3:1 against the
 * white page gets an outline in edge_rgb (4.6:1 on white, 3.2:1 on the
 * lightest ramp colour), so its extent is visible without relying on the
 * fill. */
static void add_fill(chart_layout *l, double x, double y, double w, double h, const double rgb[3])
{
	static const double page[3] = { 1, 1, 1 };
	static const double edge_rgb[3] = { 0x4a / 255.0, 0x78 / 255.0, 0xa8 / 255.0 };
	if (chart_contrast_ratio(rgb, page) >= 3.0) {
		add_rect(l, x, y, w, h, rgb);
		return;
	}
	add_rect(l, x, y, w, h, edge_rgb);
	if (w > 2 * EDGE_W && h > 2 * EDGE_W)
		add_rect(l, x + EDGE_W, y + EDGE_W, w - 2 * EDGE_W, h - 2 * EDGE_W, rgb);
}

static void add_rect(chart_layout *l, double x, double y, double w, double h, const double rgb[3])
{
	if (w <= 0 || h <= 0)
		return;
	if (l->nrects == l->caprects) {
		l->caprects = l->caprects ? 2 * l->caprects : 64;
		l->rects = xrealloc(l->rects, l->caprects * sizeof *l->rects);
	}
	mark_rect *r = &l->rects[l->nrects++];
	r->x = x;
	r->y = y;
	r->w = w;
	r->h = h;
	copy3(r->rgb, rgb);
}

/* Pango may break a line right after an en dash, which strands "en –" at
 * the end of a line and "conflicten" at the start of the next. Where the
 * dash is glued to a word ("–conflicten") a WORD JOINER (U+2060, drawn as
 * nothing) after it keeps the two together. */
static char *glue_dashes(const char *s)
{
	static const char dash[] = "\u2013", joiner[] = "\u2060";
	strbuf b;
	sb_init(&b);
	for (const char *p = s; *p;) {
		const char *q = strstr(p, dash);
		if (!q) {
			sb_add(&b, p);
			break;
		}
		q += strlen(dash);
		sb_addn(&b, p, (size_t)(q - p));
		if (*q && *q != ' ')
			sb_add(&b, joiner);
		p = q;
	}
	return sb_take(&b);
}

/* ---- stacked 100% bars ---- */

/* Axis under the bars: a hairline with ticks and labels at 0%, 20% ...
 * 100%. Returns the bottom of the tick labels. */
static double layout_axis(chart_layout *l, double x0, double bw, double y)
{
	add_rect(l, x0, y, bw, 0.5, axis_rgb);
	double bottom = y;
	for (int p = 0; p <= 100; p += 20) {
		double x = x0 + bw * p / 100.0;
		add_rect(l, x - 0.25, y, 0.5, 3.0, axis_rgb);
		char *t = xasprintf("%d%%", p);
		PangoLayout *pl = make_text(l, t, TICK_PT, 0, 0);
		free(t);
		double w = text_w(pl), h = text_h(pl);
		add_text(l, pl, x - w / 2, y + 4.0, "tick", muted, white);
		if (y + 4.0 + h > bottom)
			bottom = y + 4.0 + h;
	}
	return bottom;
}

/* Legend in category order, swatch then text, filling rows left to right
 * within [x0, right]. Returns its bottom. */
static double layout_legend(chart_layout *l, const chart *c, double x0, double right, double y)
{
	const double sw_gap = 3.0, item_gap = 12.0, row_gap = 4.0;
	int n = c->ncat;
	PangoLayout **pls = xcalloc((size_t)n, sizeof *pls);
	double avail = right - x0 - SWATCH - sw_gap;
	for (int k = 0; k < n; k++) {
		pls[k] = make_text(l, c->cats[k].label, LEGEND_PT, 0, 0);
		if (text_w(pls[k]) > avail) {
			g_object_unref(pls[k]);
			pls[k] = make_text(l, c->cats[k].label, LEGEND_PT, 0, avail);
		}
	}
	double x = x0, row_h = 0;
	for (int k = 0; k < n; k++) {
		double iw = SWATCH + sw_gap + text_w(pls[k]);
		double ih = text_h(pls[k]);
		if (x > x0 && x + iw > right) {
			y += row_h + row_gap;
			x = x0;
			row_h = 0;
		}
		/* Swatch centred on the first line's x-height band. */
		double base = (double)pango_layout_get_baseline(pls[k]) / PANGO_SCALE;
		double sy = y + base - LEGEND_PT * 0.36 - SWATCH / 2;
		if (sy < y)
			sy = y;
		double rgb[3];
		chart_category_rgb(c, k, rgb);
		add_fill(l, x, sy, SWATCH, SWATCH, rgb);
		add_text(l, pls[k], x + SWATCH + sw_gap, y, "legend", ink, white);
		if (ih > row_h)
			row_h = ih;
		if (SWATCH > row_h)
			row_h = SWATCH;
		x += iw + item_gap;
	}
	free(pls);
	return y + row_h;
}

/* The marks of one bar (area or reference) at (x, y), bw wide and h high:
 * a segment per non-zero category with a white gap between, segment labels
 * where they fit (with_labels), or for a suppressed bar its reason in the
 * bar's place. Returns the height used: h, or more when a long reason
 * wraps. */
static double layout_bar(chart_layout *l, const chart *c, const int *pct, const char *suppressed,
                       double x, double y, double bw, double h, int with_labels)
{
	if (suppressed) {
		PangoLayout *pl = make_text_style(l, suppressed, SEGMENT_PT, 0, 1, bw - 2.0);
		double th = text_h(pl);
		add_text(l, pl, x + 1.0, th < h ? y + (h - th) / 2 : y, "suppressed", muted, white);
		return th > h ? th : h;
	}
	/* The last non-empty segment runs to the end of the bar; the others
	 * give up SEGMENT_SEP for the white separator. */
	int last = -1;
	for (int k = 0; k < c->ncat; k++)
		if (pct[k] > 0)
			last = k;
	int cum = 0;
	for (int k = 0; k < c->ncat; k++) {
		int p = pct[k];
		if (p <= 0)
			continue;
		double xa = x + bw * cum / 100.0;
		double xb = x + bw * (cum + p) / 100.0;
		cum += p;
		double sw = xb - xa - (k == last ? 0 : SEGMENT_SEP);
		double rgb[3], fg[3];
		chart_category_rgb(c, k, rgb);
		add_fill(l, xa, y, sw, h, rgb);
		if (!with_labels)
			continue;
		char *pt = xasprintf("%d%%", p);
		PangoLayout *sl = make_text(l, pt, SEGMENT_PT, 1, 0);
		free(pt);
		double tw = text_w(sl), th = text_h(sl);
		if (tw + 2 * SEGMENT_PAD <= sw && th <= h) {
			chart_text_rgb_on(rgb, fg);
			add_text(l, sl, xa + (sw - tw) / 2, y + (h - th) / 2, "segment-label", fg, rgb);
		} else {
			g_object_unref(sl);
		}
	}
	return h;
}

/* "Gelderland" / "Nederland" left of the bar it names, centred on it. */
static void layout_series_label(chart_layout *l, const char *text, double x, double y, double h)
{
	PangoLayout *pl = make_text(l, text, SERIES_PT, 0, 0);
	double th = text_h(pl);
	add_text(l, pl, x, y + (h - th) / 2, "series", muted, white);
}

void chart_layout_stacked(chart_layout *l, const chart *c)
{
	const chart_style *st = style_of(l);
	int narrow = l->form == CHART_NARROW;
	int ref = c->ref_label != NULL;
	double W = l->width;
	/* Room right of the bars for half of the "100%" tick label. */
	PangoLayout *probe = make_text(l, "100%", TICK_PT, 0, 0);
	double right_margin = ceil(text_w(probe) / 2 + 1);
	g_object_unref(probe);

	/* Wide: labels in a column left of the bars. Narrow: each label on
	 * its own line(s) above its bars, which get the full width. */
	double label_w = narrow ? W : floor(W * 0.38);
	double x0 = narrow ? 0 : label_w + COL_GAP;
	double series_w = 0;
	if (ref) {
		for (int s = 0; s < 2; s++) {
			PangoLayout *pl = make_text(l, s ? c->ref_label : c->area_label, SERIES_PT, 0, 0);
			if (text_w(pl) > series_w)
				series_w = text_w(pl);
			g_object_unref(pl);
		}
		series_w = ceil(series_w) + 4.0;
	}
	double bx = x0 + series_w;
	/* Narrow bars start at the left edge: leave room for half the "0%". */
	probe = make_text(l, "0%", TICK_PT, 0, 0);
	double left_margin = ceil(text_w(probe) / 2 + 1);
	g_object_unref(probe);
	if (bx < left_margin)
		bx = left_margin;
	double bw = W - right_margin - bx;
	double bars_h = ref ? st->bar_h + st->ref_gap + st->ref_h : st->bar_h;
	double y = 0;

	for (int i = 0; i < c->nbars; i++) {
		const chart_bar *b = &c->bars[i];
		/* A no-break space keeps "(n=83)" with the label's last word
		 * instead of alone on a line of its own. */
		char *glued = glue_dashes(b->label);
		char *text = b->n > 0 ? xasprintf("%s\u00a0(n=%d)", glued, b->n) : xstrdup(glued);
		free(glued);
		PangoLayout *pl = make_text(l, text, LABEL_PT, 0, label_w);
		free(text);
		double lh = text_h(pl), by, row_bottom;
		if (narrow) {
			add_text(l, pl, 0, y, "label", ink, white);
			by = y + lh + 2.0;
			row_bottom = by + bars_h;
		} else {
			double row_h = lh > bars_h ? lh : bars_h;
			add_text(l, pl, 0, y + (row_h - lh) / 2, "label", ink, white);
			by = y + (row_h - bars_h) / 2;
			row_bottom = y + row_h;
		}
		double used = layout_bar(l, c, b->pct, b->suppressed, bx, by, bw, st->bar_h, 1);
		double bottom = by + used;
		if (ref) {
			double ry = by + used + st->ref_gap;
			layout_series_label(l, c->area_label, x0, by, st->bar_h);
			layout_series_label(l, c->ref_label, x0, ry, st->ref_h);
			bottom = ry + layout_bar(l, c, b->ref_pct, b->ref_pct ? NULL : b->ref_suppressed, bx, ry,
			                         bw, st->ref_h, 0);
		}
		if (bottom > row_bottom)
			row_bottom = bottom;
		y = row_bottom + BAR_GAP;
	}
	y -= BAR_GAP;

	double axis_bottom = layout_axis(l, bx, bw, y + 4.0);

	/* The legend sits under the bars it explains, unless one of its
	 * entries would not fit there; then it takes the full width. */
	double lx = bx;
	for (int k = 0; k < c->ncat; k++) {
		PangoLayout *pl = make_text(l, c->cats[k].label, LEGEND_PT, 0, 0);
		if (SWATCH + 3.0 + text_w(pl) > W - bx)
			lx = 0;
		g_object_unref(pl);
	}
	l->height = layout_legend(l, c, lx, W, axis_bottom + 10.0);
}

/* ---- rankings ---- */

/* Shared measurements of the ranked columns: ranks right-aligned in their
 * column, then the label, then the count right-aligned, then the bar. */
typedef struct {
	double rank_w, count_w, label_w, bar_w;
	long max_count;
} rank_metrics;

static char *count_text(long count)
{
	char *n = nl_int(count);
	char *t = xasprintf("%s x", n);
	free(n);
	return t;
}

static rank_metrics measure_ranks(chart_layout *l, const chart *c, int ncols, double col_w,
                                  double label_share)
{
	rank_metrics m = { 0, 0, 0, 0, 0 };
	for (int k = 0; k < ncols; k++) {
		for (int i = 0; i < c->cols[k].nrows; i++) {
			const chart_row *r = &c->cols[k].rows[i];
			char *t = xasprintf("%d.", r->rank);
			PangoLayout *pl = make_text(l, t, LABEL_PT, 1, 0);
			free(t);
			if (text_w(pl) > m.rank_w)
				m.rank_w = text_w(pl);
			g_object_unref(pl);
			t = count_text(r->count);
			pl = make_text(l, t, LABEL_PT, 0, 0);
			free(t);
			if (text_w(pl) > m.count_w)
				m.count_w = text_w(pl);
			g_object_unref(pl);
			if (r->count > m.max_count)
				m.max_count = r->count;
		}
	}
	m.rank_w = ceil(m.rank_w);
	m.count_w = ceil(m.count_w);
	/* The label takes label_share of the column; the bar gets what is
	 * left. */
	m.label_w = floor(col_w * label_share) - m.rank_w - 6.0;
	m.bar_w = col_w - (m.rank_w + 6.0 + m.label_w + COL_GAP + m.count_w + 6.0);
	if (l->form == CHART_NARROW) {
		/* Label on the full width, count and bar on the line below. */
		m.label_w = col_w - m.rank_w - 6.0;
		m.bar_w = col_w - (m.rank_w + 6.0 + m.count_w + 6.0);
	}
	return m;
}

/* Lays out one ranking row with its top at (x0, y); returns its height.
 * Wide: rank, label, count and bar on one line. Narrow: the count and the
 * bar on a line of their own under the label. */
static double layout_rank_row(chart_layout *l, const chart_row *r, PangoLayout *label,
                              const rank_metrics *m, double x0, double y)
{
	static const double bar_rgb[3] = { 0x21 / 255.0, 0x71 / 255.0, 0xb5 / 255.0 };
	char *t = xasprintf("%d.", r->rank);
	PangoLayout *pl = make_text(l, t, LABEL_PT, 1, 0);
	free(t);
	add_text(l, pl, x0 + m->rank_w - text_w(pl), y, "rank", ink, white);

	double line_h = first_line_h(label);
	double lx = x0 + m->rank_w + 6.0;
	double label_h = text_h(label);
	add_text(l, label, lx, y, "label", ink, white);

	double count_right = lx + m->label_w + COL_GAP + m->count_w, cy = y;
	if (l->form == CHART_NARROW) {
		count_right = lx + m->count_w;
		cy = y + label_h + 1.0;
	}
	t = count_text(r->count);
	pl = make_text(l, t, LABEL_PT, 0, 0);
	free(t);
	double count_h = text_h(pl);
	if (l->form == CHART_NARROW)
		line_h = first_line_h(pl); /* the bar is centred on the count's line */
	add_text(l, pl, count_right - text_w(pl), cy, "count", ink, white);

	double bx = count_right + 6.0;
	double len = m->max_count > 0 ? m->bar_w * (double)r->count / (double)m->max_count : 0;
	add_rect(l, bx, cy + (line_h - THIN_BAR) / 2, len, THIN_BAR, bar_rgb);
	return l->form == CHART_NARROW ? cy + count_h - y : label_h;
}

void chart_layout_ranking(chart_layout *l, const chart *c)
{
	double W = l->width;
	rank_metrics m = measure_ranks(l, c, 1, W, 0.52);
	double y = 0;
	const chart_column *col = &c->cols[0];
	for (int i = 0; i < col->nrows; i++) {
		char *glued = glue_dashes(col->rows[i].label);
		PangoLayout *label = make_text(l, glued, LABEL_PT, 0, m.label_w);
		free(glued);
		y += layout_rank_row(l, &col->rows[i], label, &m, 0, y) + ROW_GAP;
	}
	l->height = y - ROW_GAP;
}

/* Two columns side by side; row i of both columns starts at the same y so
 * equal ranks line up, and both use one bar scale (the largest count of
 * either column). */
/* Narrow: the two columns one under the other, each under its heading. */
static void layout_topbottom_narrow(chart_layout *l, const chart *c)
{
	double W = l->width;
	rank_metrics m = measure_ranks(l, c, 2, W, 0.64);
	double y = 0;
	for (int k = 0; k < 2; k++) {
		if (k > 0)
			y += 2 * ROW_GAP;
		if (c->cols[k].heading) {
			PangoLayout *pl = make_text(l, c->cols[k].heading, LABEL_PT, 1, W);
			double h = text_h(pl);
			add_text(l, pl, 0, y, "heading", ink, white);
			y += h + 3.0;
			add_rect(l, 0, y, W, 0.5, axis_rgb);
			y += 5.0;
		}
		for (int i = 0; i < c->cols[k].nrows; i++) {
			char *glued = glue_dashes(c->cols[k].rows[i].label);
			PangoLayout *label = make_text(l, glued, LABEL_PT, 0, m.label_w);
			free(glued);
			y += layout_rank_row(l, &c->cols[k].rows[i], label, &m, 0, y) + ROW_GAP;
		}
		y -= ROW_GAP;
	}
	l->height = y;
}

void chart_layout_topbottom(chart_layout *l, const chart *c)
{
	if (l->form == CHART_NARROW) {
		layout_topbottom_narrow(l, c);
		return;
	}
	const double gutter = 16.0;
	double W = l->width;
	double col_w = floor((W - gutter) / 2);
	double xs[2] = { 0, W - col_w };
	rank_metrics m = measure_ranks(l, c, 2, col_w, 0.64);

	double y = 0;
	for (int k = 0; k < 2; k++) {
		if (!c->cols[k].heading)
			continue;
		PangoLayout *pl = make_text(l, c->cols[k].heading, LABEL_PT, 1, col_w);
		double h = text_h(pl);
		add_text(l, pl, xs[k], 0, "heading", ink, white);
		if (h > y)
			y = h;
	}
	if (y > 0) {
		y += 3.0;
		add_rect(l, xs[0], y, col_w, 0.5, axis_rgb);
		add_rect(l, xs[1], y, col_w, 0.5, axis_rgb);
		y += 5.0;
	}

	int nrows = c->cols[0].nrows > c->cols[1].nrows ? c->cols[0].nrows : c->cols[1].nrows;
	for (int i = 0; i < nrows; i++) {
		double row_h = 0;
		for (int k = 0; k < 2; k++) {
			if (i >= c->cols[k].nrows)
				continue;
			char *glued = glue_dashes(c->cols[k].rows[i].label);
			PangoLayout *label = make_text(l, glued, LABEL_PT, 0, m.label_w);
			free(glued);
			double h = layout_rank_row(l, &c->cols[k].rows[i], label, &m, xs[k], y);
			if (h > row_h)
				row_h = h;
		}
		y += row_h + ROW_GAP;
	}
	l->height = y - ROW_GAP;
}

chart_layout *chart_layout_new(const chart *c, double width_pt)
{
	return chart_layout_new_form(c, width_pt, CHART_WIDE);
}

chart_layout *chart_layout_new_form(const chart *c, double width_pt, chart_form form)
{
	char msg[256];
	if (chart_validate(c, msg, sizeof msg) != 0 || !(width_pt > 0))
		return NULL;
	chart_layout *l = xcalloc(1, sizeof *l);
	l->width = width_pt;
	l->form = form == CHART_NARROW ? CHART_NARROW : CHART_WIDE;
	l->ctx = new_context();
	chart_kind_get(c->kind)->layout(l, c); /* validated: the kind exists */
	/* Whole points, so the PNG's pixel height does not depend on
	 * fractional font metrics. */
	l->height = ceil(l->height + 1.0);
	return l;
}

double chart_layout_height(const chart_layout *l)
{
	return l->height;
}

double chart_layout_width(const chart_layout *l)
{
	return l->width;
}

size_t chart_layout_text_boxes(const chart_layout *l, const chart_box **boxes)
{
	*boxes = l->boxes;
	return l->nboxes;
}

void chart_layout_draw(const chart_layout *l, cairo_t *cr)
{
	cairo_save(cr);
	for (size_t i = 0; i < l->nrects; i++) {
		const mark_rect *r = &l->rects[i];
		cairo_set_source_rgb(cr, r->rgb[0], r->rgb[1], r->rgb[2]);
		cairo_rectangle(cr, r->x, r->y, r->w, r->h);
		cairo_fill(cr);
	}
	for (size_t i = 0; i < l->nboxes; i++) {
		const chart_box *b = &l->boxes[i];
		cairo_set_source_rgb(cr, b->fg[0], b->fg[1], b->fg[2]);
		cairo_move_to(cr, l->origin[i][0], l->origin[i][1]);
		pango_cairo_show_layout(cr, l->layouts[i]);
	}
	cairo_restore(cr);
}

/* The chart on a white w x h pixel image, scaled, its origin at (dx, dy). */
static cairo_surface_t *render_px(const chart_layout *l, int w, int h, double scale, double dx_px, double dy_px)
{
	cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w, h);
	cairo_t *cr = cairo_create(s);
	cairo_set_source_rgb(cr, 1, 1, 1);
	cairo_paint(cr);
	cairo_translate(cr, dx_px, dy_px);
	cairo_scale(cr, scale, scale);
	chart_layout_draw(l, cr);
	cairo_destroy(cr);
	cairo_surface_flush(s);
	return s;
}

cairo_surface_t *chart_layout_render_image(const chart_layout *l, double scale, double dx_px, double dy_px)
{
	return render_px(l, (int)ceil(l->width * scale), (int)ceil(l->height * scale), scale, dx_px, dy_px);
}

cairo_surface_t *chart_layout_render_image_margin(const chart_layout *l, double scale, double margin_pt)
{
	double m = margin_pt;
	return render_px(l, (int)ceil((l->width + 2 * m) * scale), (int)ceil((ceil(l->height) + 2 * m) * scale), scale,
			 m * scale, m * scale);
}

void chart_layout_free(chart_layout *l)
{
	if (!l)
		return;
	for (size_t i = 0; i < l->nboxes; i++) {
		free(l->boxes[i].text);
		g_object_unref(l->layouts[i]);
	}
	free(l->boxes);
	free(l->layouts);
	free(l->origin);
	free(l->rects);
	if (l->ctx)
		g_object_unref(l->ctx);
	free(l);
}
