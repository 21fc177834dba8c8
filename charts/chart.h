/* chart.h: the one chart model of the report, and its drawing on any cairo
 * surface.
 *
 * The generator (gen/template/figures.c) fills a `chart` from the aggregated tables;
 * this library never computes a statistic. It lays the chart out with pango
 * (wrapping labels, placing segment labels only where they fit), then draws
 * that layout on a cairo context: an SVG or PNG surface for the HTML site, or
 * straight onto a PDF page as vectors. Layout and drawing are apart so tests
 * can check the geometry of every text box without rasterising.
 *
 * Units: points (1/72 inch). Widths come in from the caller (the report's
 * text width); the height follows from the layout.
 *
 * Kinds:
 *   CHART_STACKED   horizontal 100% stacked bars: one bar per item, one
 *                   segment per category (figures 2.2, 3.1-3.5, 3.7, 3.8, 4.1)
 *   CHART_RANKING   ranked list: rank, label, "82 x", and a thin bar
 *                   proportional to the count (figures 2.3, 3.9, 4.2)
 *   CHART_TOPBOTTOM two ranked columns side by side, e.g. "most mentioned" and
 *                   "least mentioned" (figure 3.6)
 */
#ifndef CHART_H
#define CHART_H

#include <stddef.h>
#include <cairo.h>

typedef enum { CHART_STACKED, CHART_RANKING, CHART_TOPBOTTOM } chart_kind;

/* One answer category of a stacked chart, in legend order (vaak -> niet). */
typedef struct {
	char *label;  /* legend text, e.g. "Vaak, dit is een gangbare praktijk" */
	int neutral;  /* 1 for "weet niet": drawn in neutral grey, not on the ordinal ramp */
} chart_category;

/* One bar of a stacked chart (top to bottom in `bars` order). */
typedef struct {
	char *label;  /* item label as published, without the n */
	int n;        /* printed as " (n=83)" after the label when > 0; 0 means
	                 "no n printed" and is allowed only when no bar of the
	                 chart prints one; below 0 is an error */
	int *pct;     /* ncat printed percentages, each >= 0, summing to 100 */
	int npct;     /* entries in pct: the ncat at chart_add_bar time, so
	                 validation catches a category added after the bars */
	char *suppressed; /* non-NULL: the bar is not shown; this short reason
	                     ("te weinig gemeenten (n=4)", "geen antwoorden") is
	                     drawn in its place and pct is all 0 */
	/* The reference (national) bar of this item, drawn thinner below the
	 * area's bar when the chart has a reference (chart_set_reference). */
	int has_ref;
	int ref_n;
	int *ref_pct;         /* ncat entries, or NULL when ref_suppressed */
	char *ref_suppressed; /* non-NULL: reason instead of the reference bar */
} chart_bar;

/* One row of a ranking (also one row of a TOPBOTTOM column). */
typedef struct {
	int rank;     /* 1-based, as printed */
	char *label;
	long count;   /* mentions, printed as "82 x" */
} chart_row;

typedef struct {
	char *heading; /* column heading (TOPBOTTOM), may be NULL */
	int nrows;
	chart_row *rows;
} chart_column;

typedef struct chart {
	chart_kind kind;
	char *id;      /* file stem, e.g. "figuur-2-2" */
	char *title;   /* short description for alt text / accessible title,
	                  e.g. "het voorkomen van zeven vormen van de doe-democratie" */
	/* For a chart file read on its own (SVG <title>/<desc>); may be NULL. */
	char *number;  /* figure number as printed, "2.2" */
	char *caption; /* the caption as printed, with its n: "Het voorkomen ... (n=98)." */
	char *source;  /* source line, e.g. "Bron: enquête doe-democratie 2013, Nederland" */
	int n;         /* the base the caption prints when the bars print none
	                  (0: none); for the CSV and the alt text */
	/* Reference comparison (area editions): when ref_label is set every
	 * bar of a stacked chart has a reference bar, labelled ref_label, drawn
	 * below the area's bar labelled area_label. */
	char *area_label; /* "Gelderland" */
	char *ref_label;  /* "Nederland" */
	/* CHART_STACKED */
	int ncat;
	chart_category *cats;
	int nbars;
	chart_bar *bars;
	/* CHART_RANKING uses cols[0]; CHART_TOPBOTTOM uses cols[0] and cols[1] */
	int ncols;
	chart_column cols[2];
} chart;

/* Constructors that copy every string they are given. Build charts with
 * these (they keep chart_bar.npct right); add the categories before the
 * bars. */
chart *chart_new(chart_kind kind, const char *id, const char *title);
void chart_add_category(chart *c, const char *label, int neutral);
/* pct has c->ncat entries */
void chart_add_bar(chart *c, const char *label, int n, const int *pct);
/* A bar that is not shown (disclosure control or no answers): an empty
 * row with the label, the n (printed like any bar's n) and the short
 * reason in the bar's place, never a percentage. */
void chart_add_suppressed_bar(chart *c, const char *label, int n, const char *reason);
/* Turns on the comparison: each item then shows the area's bar and below it
 * a thinner reference bar in the same colours, labelled ref_label (both
 * labels are printed next to the bars and named in the alt text). */
void chart_set_reference(chart *c, const char *area_label, const char *ref_label);
/* The reference values of bar `bar` (0-based, in chart_add_bar order): its
 * n and ncat percentages summing to 100, or pct NULL and a reason when the
 * reference value is suppressed. Every bar needs one once the chart has a
 * reference; validation says which bar lacks it. */
void chart_bar_set_reference(chart *c, int bar, int n, const int *pct, const char *suppressed_reason);
/* Figure number, caption (with its n) and source line, written into the
 * SVG's <title>/<desc> so a chart file opened on its own says what it is.
 * Any may be NULL. */
void chart_set_caption(chart *c, const char *number, const char *caption, const char *source);
/* col is 0 or 1; sets the heading if non-NULL */
void chart_set_column_heading(chart *c, int col, const char *heading);
void chart_add_row(chart *c, int col, int rank, const char *label, long count);
void chart_free(chart *c);

/* Checks the model before anything is drawn: no items, a bar whose
 * percentages are negative or do not sum to 100, n below 0, n of 0 where an n
 * is expected (some bars of the chart print an n and this one would not), a
 * count below 0, a rank below 1, an empty label. Returns 0, or -1 with a
 * message naming the chart id and the item. */
int chart_validate(const chart *c, char *msg, size_t msglen);

/* A laid-out chart: positions of every box and text, for drawing and for
 * tests. Text boxes are in chart coordinates (origin top left, points). */
typedef struct {
	double x, y, w, h;
	const char *what;  /* "label", "segment-label", "legend", "count", "rank",
	                      "heading", "tick", "suppressed" (a suppressed
	                      bar's reason), "series" (the area/reference label
	                      beside a bar) */
	char *text;        /* the text drawn, for tests and debugging */
	double fg[3];      /* text colour, sRGB 0..1 */
	double bg[3];      /* colour behind the text (segment colour or white) */
	double size_pt;    /* font size */
	int bold, italic;
} chart_box;

typedef struct chart_layout chart_layout;

/* Lays the chart out at the given width in points. Uses the font family
 * CHART_FONT; the layout is independent of the target surface (metric
 * hinting off, 72 dpi), so PNG, SVG and PDF wrap the same. Returns NULL when
 * the chart does not validate (call chart_validate for the message) or the
 * width is not positive. */
chart_layout *chart_layout_new(const chart *c, double width_pt);
/* The forms a chart is laid out in. CHART_NARROW is for phones: item labels
 * above their bars (the bars get the full width), rankings and top/bottom
 * columns one under the other, and larger type (CHART_NARROW_MIN_PT and up),
 * meant for a width of about CHART_NARROW_WIDTH_PT shown ~1.35x, so every
 * text renders at 12 CSS px or more on a 390 px wide screen. */
typedef enum { CHART_WIDE = 0, CHART_NARROW = 1 } chart_form;
#define CHART_NARROW_WIDTH_PT 250.0
#define CHART_NARROW_MIN_PT 9.0
chart_layout *chart_layout_new_form(const chart *c, double width_pt, chart_form form);
double chart_layout_height(const chart_layout *l);
double chart_layout_width(const chart_layout *l);
/* Every text box of the layout (labels, segment labels, legend entries...). */
size_t chart_layout_text_boxes(const chart_layout *l, const chart_box **boxes);
/* Draws at the current origin of cr (translate first to place it). */
void chart_layout_draw(const chart_layout *l, cairo_t *cr);
void chart_layout_free(chart_layout *l);

#define CHART_FONT "Lato"

/* Colours (chart_color.c). The ordinal ramp runs from strong (dark blue) to
 * weak (light blue) with strictly decreasing darkness, so it reads in
 * grey-scale and for colour-blind readers; neutral categories ("weet niet")
 * are a grey whose lightness sits in the widest gap of the ramp's. All
 * colours are sRGB components in 0..1. */
void chart_category_rgb(const chart *c, int cat, double rgb[3]);
/* WCAG 2 relative luminance and contrast ratio (1..21). */
double chart_relative_luminance(const double rgb[3]);
double chart_contrast_ratio(const double a[3], const double b[3]);
/* Black or white for text on bg: whichever has the higher contrast (one of
 * them always reaches 4.5:1). */
void chart_text_rgb_on(const double bg[3], double rgb[3]);

/* Convenience: lay out at width_pt and write a file. PNG is drawn at `scale`
 * pixels per point (2.0 for the site's 420 pt charts: 840 px wide) and
 * encoded as an indexed image (chart_file.c): it is a download, not the
 * page's image, and must not dominate the run. The SVG is our own (chart_svg.c):
 * one unit per CSS pixel, real <text>, <title>/<desc> from the chart's
 * number, caption, alt text and source. Both are deterministic: the same
 * chart gives the same bytes. Both refuse a chart that does not validate.
 * Return 0, or -1 with msg set. */
int chart_write_svg(const chart *c, double width_pt, const char *path, char *msg, size_t msglen);
int chart_write_svg_form(const chart *c, double width_pt, chart_form form, const char *path,
                         char *msg, size_t msglen);
int chart_write_png(const chart *c, double width_pt, double scale, const char *path, char *msg, size_t msglen);
/* The PNG the site offers as a download: the chart with a white margin of
 * CHART_DOWNLOAD_MARGIN_PT on every side, and its figure number, caption
 * and source line as PNG metadata (iTXt Title and Source), so the file
 * still says what it shows once taken off the page. */
#define CHART_DOWNLOAD_MARGIN_PT 8.0
int chart_write_png_download(const chart *c, double width_pt, double scale, const char *path, char *msg,
                             size_t msglen);
/* The same from a layout already made (the site's wide form), so the chart
 * is not measured a second time. */
int chart_write_png_download_layout(const chart *c, const chart_layout *l, double scale, const char *path,
                                    char *msg, size_t msglen);
/* The SVG document of a laid-out chart, malloc'd. Its ids (title, desc)
 * start with id_prefix (the chart id when NULL) so that charts inlined in
 * one page do not collide. */
char *chart_layout_svg(const chart_layout *l, const chart *c, const char *id_prefix);
/* The chart's numbers as CSV (UTF-8, comma, RFC 4180 quoting), with the
 * labels as printed: stacked charts one row per item and series with a
 * column per category (suppressed values empty, a column with the reason);
 * rankings rank, item, count. Nothing is recomputed: these are the values
 * the chart draws. malloc'd. */
char *chart_csv(const chart *c);
/* The PNG's pixels, for tests and for callers that encode themselves: a
 * white ARGB32 image of ceil(width*scale) x ceil(height*scale) pixels with
 * the layout drawn at `scale`, shifted by (dx_px, dy_px) pixels. */
cairo_surface_t *chart_layout_render_image(const chart_layout *l, double scale, double dx_px, double dy_px);
/* The same with a white margin of margin_pt on every side (the download). */
cairo_surface_t *chart_layout_render_image_margin(const chart_layout *l, double scale, double margin_pt);

/* Dutch alt text from the data: what the chart shows, and its highest and
 * lowest values. malloc'd. */
char *chart_alt_text(const chart *c);

#endif
