/* test_charts.c: tests of the chart library in charts/ on the report's
 * own figures (chart_fixtures.h).
 *
 * - golden images: every fixture drawn at 600 pt, GOLDEN_SCALE px/pt, must
 *   match tests/golden/<id>.png: a pixel differs when one of its channels is
 *   more than 32 apart, and more than 20 differing pixels fail. A test proves
 *   that this catches a drawing shifted by one pixel.
 *   After an intended change of the look, regenerate the goldens from the
 *   repository root and look at them before committing:
 *       UPDATE_GOLDEN=1 build/asan/tests/test_charts
 *   (the golden tests then write instead of compare, and still pass).
 *   The narrow form has goldens <id>-smal.png; the SVG writer's output is
 *   kept as <id>.svg and compared byte for byte.
 * - geometry: at 453 pt (the PDF text width) and 600 pt (the site), and at
 *   300 and 900 pt to stress the wrapping, no two text boxes overlap and all
 *   lie inside the chart; the same for the narrow form at 200-330 pt, whose
 *   type is never below CHART_NARROW_MIN_PT.
 * - colour: every text reaches WCAG contrast 4.5:1 on what is behind it;
 *   fills under 3:1 on white are outlined and neighbours are kept apart;
 *   the ordinal ramp gets strictly lighter from strong to weak.
 * - the SVG writer (marks, title/desc, prefixed ids, escaping), the CSV.
 * - area editions: suppressed bars and reference bars (layout, validation,
 *   alt text).
 * - validation, refusal to write invalid charts, byte-identical output,
 *   and the alt text.
 *
 * Run from the repository root (paths are relative to it). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <pango/pangocairo.h>
#include <libxml/parser.h>

#include "chart.h"
#include "chart_internal.h"
#include "chart_fixtures.h"
#include "util.h"
#include "test_terms.h"

#define GOLDEN_DIR "tests/golden"
#define GOLDEN_WIDTH 600.0
#define GOLDEN_SCALE 1.0
#define PIXEL_TOLERANCE 32   /* channel difference that counts as "different" */
#define MAX_DIFF_PIXELS 20   /* differing pixels allowed (font rasteriser noise) */

static int update_golden(void)
{
	const char *v = getenv("UPDATE_GOLDEN");
	return v && strcmp(v, "1") == 0;
}

static char *tmp_path(const char *stem, const char *ext)
{
	return xasprintf("/tmp/test_charts_%ld_%s.%s", (long)getpid(), stem, ext);
}

/* Number of pixels that differ by more than PIXEL_TOLERANCE in a channel;
 * images of different sizes differ everywhere. */
static long pixel_diff(cairo_surface_t *a, cairo_surface_t *b)
{
	cairo_surface_flush(a);
	cairo_surface_flush(b);
	int w = cairo_image_surface_get_width(a), h = cairo_image_surface_get_height(a);
	if (w != cairo_image_surface_get_width(b) || h != cairo_image_surface_get_height(b))
		return (long)w * h + 1;
	const unsigned char *pa = cairo_image_surface_get_data(a), *pb = cairo_image_surface_get_data(b);
	int sa = cairo_image_surface_get_stride(a), sb = cairo_image_surface_get_stride(b);
	long n = 0;
	for (int y = 0; y < h; y++) {
		const uint32_t *ra = (const uint32_t *)(const void *)(pa + (size_t)y * sa);
		const uint32_t *rb = (const uint32_t *)(const void *)(pb + (size_t)y * sb);
		for (int x = 0; x < w; x++) {
			for (int sh = 0; sh < 32; sh += 8) {
				int ca = (int)((ra[x] >> sh) & 0xff), cb = (int)((rb[x] >> sh) & 0xff);
				if (abs(ca - cb) > PIXEL_TOLERANCE) {
					n++;
					break;
				}
			}
		}
	}
	return n;
}

/* A PNG file as an ARGB32 surface, or NULL. */
static cairo_surface_t *load_png(const char *path)
{
	cairo_surface_t *png = cairo_image_surface_create_from_png(path);
	if (cairo_surface_status(png) != CAIRO_STATUS_SUCCESS) {
		cairo_surface_destroy(png);
		return NULL;
	}
	/* Normalise the format (cairo loads an opaque PNG as RGB24). */
	int w = cairo_image_surface_get_width(png), h = cairo_image_surface_get_height(png);
	cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w, h);
	cairo_t *cr = cairo_create(s);
	cairo_set_source_surface(cr, png, 0, 0);
	cairo_set_operator(cr, CAIRO_OPERATOR_SOURCE);
	cairo_paint(cr);
	cairo_destroy(cr);
	cairo_surface_destroy(png);
	return s;
}

static cairo_surface_t *load_golden(const char *id)
{
	char *path = xasprintf("%s/%s.png", GOLDEN_DIR, id);
	cairo_surface_t *s = load_png(path);
	free(path);
	return s;
}

static long diff_against_golden(cairo_surface_t *img, const char *id)
{
	cairo_surface_t *g = load_golden(id);
	if (!g) {
		print_error("no golden image %s/%s.png (make it with UPDATE_GOLDEN=1)\n", GOLDEN_DIR, id);
		return -1;
	}
	long d = pixel_diff(img, g);
	cairo_surface_destroy(g);
	return d;
}

/* ---- golden images ---- */

static void test_golden_images(void **state)
{
	char msg[512];
	for (int i = 0; i < NFIXTURES; i++) {
		chart *c = fixture_chart(i);
		if (update_golden()) {
			char *path = xasprintf("%s/%s.png", GOLDEN_DIR, c->id);
			assert_int_equal(chart_write_png(c, GOLDEN_WIDTH, GOLDEN_SCALE, path, msg, sizeof msg), 0);
			print_message("wrote %s\n", path);
			free(path);
			chart_free(c);
			continue;
		}
		/* Through the file writer, so the PNG encoder is covered too. */
		char *path = tmp_path(c->id, "png");
		assert_int_equal(chart_write_png(c, GOLDEN_WIDTH, GOLDEN_SCALE, path, msg, sizeof msg), 0);
		cairo_surface_t *img = load_png(path);
		unlink(path);
		free(path);
		assert_non_null(img);
		long d = diff_against_golden(img, c->id);
		cairo_surface_destroy(img);
		if (d < 0 || d > MAX_DIFF_PIXELS)
			print_error("%s: %ld pixels differ from the golden image\n", c->id, d);
		assert_in_range(d, 0, MAX_DIFF_PIXELS);
		chart_free(c);
	}
}

/* The narrow form (phones) has goldens of its own, <id>-smal.png, drawn
 * at CHART_NARROW_WIDTH_PT and 1 px/pt; and the SVG writer's output is
 * kept as <id>.svg and compared byte for byte (it is text: a change shows
 * up in the diff of the commit that makes it). */
static void test_golden_narrow_and_svg(void **state)
{
	for (int i = 0; i < NFIXTURES; i++) {
		chart *c = fixture_chart(i);
		chart_layout *l = chart_layout_new_form(c, CHART_NARROW_WIDTH_PT, CHART_NARROW);
		assert_non_null(l);
		cairo_surface_t *img = chart_layout_render_image(l, GOLDEN_SCALE, 0, 0);
		char *stem = xasprintf("%s-smal", c->id);
		char *pngpath = xasprintf("%s/%s.png", GOLDEN_DIR, stem);
		chart_layout *w = chart_layout_new(c, GOLDEN_WIDTH);
		char *svg = chart_layout_svg(w, c, NULL);
		char *svgpath = xasprintf("%s/%s.svg", GOLDEN_DIR, c->id);
		if (update_golden()) {
			assert_int_equal(cairo_surface_write_to_png(img, pngpath), CAIRO_STATUS_SUCCESS);
			assert_int_equal(write_file(svgpath, svg, strlen(svg)), 0);
			print_message("wrote %s and %s\n", pngpath, svgpath);
		} else {
			long d = diff_against_golden(img, stem);
			if (d < 0 || d > MAX_DIFF_PIXELS)
				print_error("%s: %ld pixels differ from the golden image\n", stem, d);
			assert_in_range(d, 0, MAX_DIFF_PIXELS);
			size_t n;
			struct err e;
			char *want = read_file(svgpath, &n, &e);
			if (!want)
				print_error("no golden %s (make it with UPDATE_GOLDEN=1)\n", svgpath);
			assert_non_null(want);
			if (strcmp(want, svg) != 0) {
				print_error("%s: SVG differs from %s\n", c->id, svgpath);
				fail();
			}
			free(want);
		}
		free(svg);
		free(svgpath);
		chart_layout_free(w);
		free(pngpath);
		free(stem);
		cairo_surface_destroy(img);
		chart_layout_free(l);
		chart_free(c);
	}
}

/* The SVG holds the layout's marks and nothing else: one subpath per
 * rectangle in the <path>s of its colour (plus the white page as a <rect>),
 * painted in an order that keeps every overlap as the layout drew it, one
 * <text> per text box with the box's
 * lines, a <title> with the figure number and caption, a <desc> with the
 * alt text and source, ids prefixed, no glyph <symbol>, and text from the
 * data escaped. */
static size_t count_str(const char *s, const char *needle)
{
	size_t n = 0;
	for (const char *p = strstr(s, needle); p; p = strstr(p + 1, needle))
		n++;
	return n;
}

/* The index of the <path> that holds rectangle r (its colour and its
 * subpath as written), or -1. */
static int path_of(const char *svg, const mark_rect *r)
{
	char want[160], col[16];
	snprintf(col, sizeof col, "#%02x%02x%02x", (int)lround(r->rgb[0] * 255), (int)lround(r->rgb[1] * 255),
	         (int)lround(r->rgb[2] * 255));
	snprintf(want, sizeof want, "M%g %gh%gv%gh-%gz", round(r->x * 100) / 100, round(r->y * 100) / 100,
	         round(r->w * 100) / 100, round(r->h * 100) / 100, round(r->w * 100) / 100);
	int k = 0;
	for (const char *p = strstr(svg, "<path fill=\""); p; p = strstr(p + 1, "<path fill=\""), k++) {
		const char *end = strstr(p, "/>");
		const char *hit = strstr(p, want);
		if (!strncmp(p + 12, col, 7) && hit && hit < end)
			return k;
	}
	return -1;
}

/* Subpaths ("z") in the d attributes of the <path>s. */
static size_t count_subpaths(const char *svg)
{
	size_t n = 0;
	for (const char *p = strstr(svg, " d=\""); p; p = strstr(p + 1, " d=\""))
		for (const char *q = p + 4; *q && *q != '"'; q++)
			n += *q == 'z';
	return n;
}

/* Where two rectangles of different colours overlap, the later one's path
 * comes after the earlier one's. */
static void check_paint_order(const chart_layout *l, const char *svg)
{
	for (size_t i = 0; i < l->nrects; i++) {
		const mark_rect *a = &l->rects[i];
		int pa = path_of(svg, a);
		assert_true(pa >= 0);
		for (size_t j = i + 1; j < l->nrects; j++) {
			const mark_rect *b = &l->rects[j];
			if (!(a->x < b->x + b->w && b->x < a->x + a->w && a->y < b->y + b->h && b->y < a->y + a->h))
				continue;
			if (!memcmp(a->rgb, b->rgb, sizeof a->rgb))
				continue;
			assert_true(pa < path_of(svg, b));
		}
	}
}

/* A colour met again after a rectangle that it must cover: the red square
 * over the blue one may not join the first red path (drawn before blue);
 * the second red square, clear of blue, may. */
static void test_svg_paint_order(void **state)
{
	mark_rect rects[] = {
		{ 0, 0, 10, 10, { 1, 0, 0 } },
		{ 0, 0, 5, 5, { 0, 0, 1 } },
		{ 20, 0, 10, 10, { 1, 0, 0 } },
		{ 1, 1, 2, 2, { 1, 0, 0 } },
	};
	struct chart_layout l = { 0 };
	l.width = 30;
	l.height = 10;
	l.rects = rects;
	l.nrects = 4;
	chart *c = fixture_chart(0);
	char *svg = chart_layout_svg(&l, c, NULL);
	assert_int_equal(count_str(svg, "<path "), 3);
	assert_int_equal(path_of(svg, &rects[2]), 0);
	assert_int_equal(path_of(svg, &rects[3]), 2);
	check_paint_order(&l, svg);
	free(svg);
	chart_free(c);
}

static void test_svg_writer(void **state)
{
	for (int i = 0; i < NFIXTURES; i++) {
		chart *c = fixture_chart(i);
		for (int f = 0; f < 2; f++) {
			chart_layout *l = f ? chart_layout_new_form(c, CHART_NARROW_WIDTH_PT, CHART_NARROW)
			                    : chart_layout_new(c, 600.0);
			char *svg = chart_layout_svg(l, c, f ? "x-smal" : NULL);
			assert_int_equal(count_str(svg, "<rect "), 1);
			assert_int_equal(count_subpaths(svg), l->nrects);
			check_paint_order(l, svg);
			assert_int_equal(count_str(svg, "<text "), l->nboxes);
			/* every text has a style class, defined in the drawing's
			 * <style> and scoped to its id */
			assert_int_equal(count_str(svg, "<text class=\""), l->nboxes);
			char *scope = xasprintf("<style>#%s .a{font-size:", f ? "x-smal" : c->id);
			assert_non_null(strstr(svg, scope));
			free(scope);
			for (const char *q = strstr(svg, "<text class=\""); q; q = strstr(q + 1, "<text class=\"")) {
				char cls[16];
				assert_int_equal(sscanf(q, "<text class=\"%15[a-z0-9]\"", cls), 1);
				char *def = xasprintf(" .%s{", cls);
				const char *end = strstr(svg, "</style>");
				const char *hit = strstr(svg, def);
				assert_true(hit && end && hit < end);
				free(def);
			}
			assert_int_equal(count_str(svg, "<symbol"), 0);
			assert_int_equal(count_str(svg, "<title id=\""), 1);
			assert_int_equal(count_str(svg, "<desc id=\""), 1);
			char *id = xasprintf(" id=\"%s-titel\"", f ? "x-smal" : c->id);
			assert_non_null(strstr(svg, id));
			free(id);
			/* Every text box's words are in the SVG (wrapped lines are
			 * tspans, and pango may break after a hyphen or slash, so
			 * check the pieces between spaces, hyphens and slashes). */
			for (size_t k = 0; k < l->nboxes; k++) {
				char *t = xstrdup(l->boxes[k].text);
				for (char *save = NULL, *w = strtok_r(t, " -/", &save); w; w = strtok_r(NULL, " -/", &save)) {
					if (strstr(w, "\u2060") || strchr(w, '&') || strchr(w, '<'))
						continue;
					if (!strstr(svg, w)) {
						print_error("%s: \"%s\" not in the SVG\n", c->id, w);
						fail();
					}
				}
				free(t);
			}
			free(svg);
			chart_layout_free(l);
		}
		chart_free(c);
	}

	chart *c = chart_new(CHART_RANKING, "figuur-9-9", "ranglijst van <script>alert(1)</script> & \"meer\"");
	chart_add_row(c, 0, 1, "A <b>vet</b> & \"zo\"\x01", 3);
	chart_add_row(c, 0, 2, "Twee", 1);
	chart_set_caption(c, "9.9", "Titel & <i>meer</i> (n=4).", "Bron: test & co.");
	chart_layout *l = chart_layout_new(c, 453.0);
	char *svg = chart_layout_svg(l, c, NULL);
	assert_null(strstr(svg, "<script"));
	assert_null(strstr(svg, "<b>"));
	assert_null(strstr(svg, "\x01"));
	assert_non_null(strstr(svg, "A &lt;b&gt;vet&lt;/b&gt; &amp; &quot;zo&quot;"));
	assert_non_null(strstr(svg, "<title id=\"figuur-9-9-titel\">Figuur 9.9: Titel &amp; &lt;i&gt;meer&lt;/i&gt; (n=4).</title>"));
	assert_non_null(strstr(svg, "Bron: test &amp; co.</desc>"));
	/* Well-formed enough for an XML parser. */
	xmlDocPtr doc = xmlReadMemory(svg, (int)strlen(svg), "x.svg", NULL, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	assert_non_null(doc);
	xmlFreeDoc(doc);
	free(svg);
	chart_layout_free(l);
	chart_free(c);
}

/* The comparison must be able to fail: the same chart drawn one pixel to
 * the right, or one pixel down, is far over the threshold, and so is a bar
 * whose segments moved by one percent. */
static void test_golden_detects_one_pixel_shift(void **state)
{
	if (update_golden())
		skip();
	for (int i = 0; i < NFIXTURES; i++) {
		chart *c = fixture_chart(i);
		chart_layout *l = chart_layout_new(c, GOLDEN_WIDTH);
		assert_non_null(l);

		cairo_surface_t *same = chart_layout_render_image(l, GOLDEN_SCALE, 0, 0);
		assert_in_range(diff_against_golden(same, c->id), 0, MAX_DIFF_PIXELS);
		cairo_surface_destroy(same);

		cairo_surface_t *right = chart_layout_render_image(l, GOLDEN_SCALE, 1, 0);
		long d = diff_against_golden(right, c->id);
		cairo_surface_destroy(right);
		assert_true(d > MAX_DIFF_PIXELS);

		cairo_surface_t *down = chart_layout_render_image(l, GOLDEN_SCALE, 0, 1);
		d = diff_against_golden(down, c->id);
		cairo_surface_destroy(down);
		assert_true(d > MAX_DIFF_PIXELS);

		chart_layout_free(l);
		chart_free(c);
	}
}

static void test_golden_detects_changed_value(void **state)
{
	if (update_golden())
		skip();
	chart *c = fixture_3_1();
	/* 22/53/25/0 becomes 23/52/25/0: still valid, drawn differently. */
	c->bars[0].pct[0] = 23;
	c->bars[0].pct[1] = 52;
	chart_layout *l = chart_layout_new(c, GOLDEN_WIDTH);
	assert_non_null(l);
	cairo_surface_t *img = chart_layout_render_image(l, GOLDEN_SCALE, 0, 0);
	long d = diff_against_golden(img, c->id);
	cairo_surface_destroy(img);
	assert_true(d > MAX_DIFF_PIXELS);
	chart_layout_free(l);
	chart_free(c);
}

/* ---- geometry ---- */

static int overlap(const chart_box *a, const chart_box *b)
{
	const double eps = 0.01;
	return a->x + a->w > b->x + eps && b->x + b->w > a->x + eps &&
	       a->y + a->h > b->y + eps && b->y + b->h > a->y + eps;
}

static void check_geometry_form(const chart *c, double width, chart_form form)
{
	chart_layout *l = chart_layout_new_form(c, width, form);
	assert_non_null(l);
	double W = chart_layout_width(l), H = chart_layout_height(l);
	assert_true(W == width);
	assert_true(H > 0);
	const chart_box *b;
	size_t n = chart_layout_text_boxes(l, &b);
	assert_true(n > 0);
	for (size_t i = 0; i < n; i++) {
		assert_non_null(b[i].text);
		assert_true(b[i].w > 0 && b[i].h > 0);
		if (b[i].x < 0 || b[i].y < 0 || b[i].x + b[i].w > W || b[i].y + b[i].h > H) {
			print_error("%s at %g pt: %s \"%s\" (%g,%g %gx%g) outside %gx%g\n", c->id, width,
			            b[i].what, b[i].text, b[i].x, b[i].y, b[i].w, b[i].h, W, H);
			fail();
		}
		for (size_t j = i + 1; j < n; j++) {
			if (overlap(&b[i], &b[j])) {
				print_error("%s at %g pt: %s \"%s\" overlaps %s \"%s\"\n", c->id, width,
				            b[i].what, b[i].text, b[j].what, b[j].text);
				fail();
			}
		}
	}
	chart_layout_free(l);
}

/* Wide at the PDF's and the site's widths and at extremes; narrow at its
 * own width, narrower and wider (a phone held sideways). In the narrow form
 * no text is smaller than CHART_NARROW_MIN_PT. */
static void test_geometry_no_overlap_inside(void **state)
{
	static const double widths[] = { 453.0, 600.0, 300.0, 900.0 };
	static const double narrow[] = { CHART_NARROW_WIDTH_PT, 200.0, 330.0 };
	for (int i = 0; i < NFIXTURES; i++) {
		chart *c = fixture_chart(i);
		for (size_t w = 0; w < sizeof widths / sizeof widths[0]; w++)
			check_geometry_form(c, widths[w], CHART_WIDE);
		for (size_t w = 0; w < sizeof narrow / sizeof narrow[0]; w++)
			check_geometry_form(c, narrow[w], CHART_NARROW);
		chart_layout *l = chart_layout_new_form(c, CHART_NARROW_WIDTH_PT, CHART_NARROW);
		const chart_box *b;
		size_t n = chart_layout_text_boxes(l, &b);
		for (size_t k = 0; k < n; k++)
			if (b[k].size_pt < CHART_NARROW_MIN_PT) {
				print_error("%s narrow: %s \"%s\" at %g pt\n", c->id, b[k].what, b[k].text, b[k].size_pt);
				fail();
			}
		chart_layout_free(l);
		chart_free(c);
	}
}

/* Boxes of kind `what` whose text is `text` (any text when NULL), or
 * contains it when `part`. */
static size_t count_boxes_how(const chart_layout *l, const char *what, const char *text, int part)
{
	const chart_box *b;
	size_t n = chart_layout_text_boxes(l, &b), k = 0;
	for (size_t i = 0; i < n; i++)
		if (strcmp(b[i].what, what) == 0 &&
		    (!text || (part ? strstr(b[i].text, text) != NULL : strcmp(b[i].text, text) == 0)))
			k++;
	return k;
}

static size_t count_boxes(const chart_layout *l, const char *what, const char *text)
{
	return count_boxes_how(l, what, text, 0);
}

/* Every element the brief lists is a text box: one label per bar (with its
 * n), the legend in category order, rank/label/count per ranking row and
 * the two headings. Segment labels appear only where they fit. */
static void test_text_boxes_complete(void **state)
{
	chart *c = fixture_3_3();
	chart_layout *l = chart_layout_new(c, 453.0);
	assert_non_null(l);
	assert_int_equal(count_boxes(l, "label", NULL), 6);
	assert_int_equal(count_boxes_how(l, "label", "(n=82)", 1), 1);
	assert_int_equal(count_boxes(l, "legend", NULL), 4);
	assert_int_equal(count_boxes(l, "tick", NULL), 6);
	/* 2% of about 270 pt cannot hold "2%"; 57% can. */
	assert_int_equal(count_boxes(l, "segment-label", "2%"), 0);
	assert_int_equal(count_boxes(l, "segment-label", "57%"), 1);
	const chart_box *b;
	size_t n = chart_layout_text_boxes(l, &b);
	int k = 0;
	for (size_t i = 0; i < n; i++)
		if (strcmp(b[i].what, "legend") == 0) {
			assert_string_equal(b[i].text, c->cats[k].label);
			k++;
		}
	chart_layout_free(l);
	chart_free(c);

	c = fixture_3_1();
	l = chart_layout_new(c, 600.0);
	/* The 0% of "Bij beleidsprofessionals" has no segment and no label. */
	assert_int_equal(count_boxes(l, "segment-label", "0%"), 0);
	assert_int_equal(count_boxes(l, "segment-label", "53%"), 1);
	assert_int_equal(count_boxes_how(l, "label", "(n=", 1), 0);
	chart_layout_free(l);
	chart_free(c);

	c = fixture_3_6();
	l = chart_layout_new(c, 453.0);
	assert_int_equal(count_boxes(l, "heading", NULL), 2);
	assert_int_equal(count_boxes(l, "rank", NULL), 6);
	assert_int_equal(count_boxes(l, "count", NULL), 6);
	assert_int_equal(count_boxes(l, "count", "61 x"), 1);
	assert_int_equal(count_boxes(l, "label", NULL), 6);
	chart_layout_free(l);
	chart_free(c);

	c = fixture_2_3();
	l = chart_layout_new(c, 453.0);
	assert_int_equal(count_boxes(l, "count", "82 x"), 1);
	assert_int_equal(count_boxes(l, "rank", "7."), 1);
	chart_layout_free(l);
	chart_free(c);
}

/* Labels wrap into the label column: at 453 pt a long 3.3 label takes
 * several lines, so its box is taller than one line and narrower than the
 * column. */
static void test_labels_wrap(void **state)
{
	chart *c = fixture_3_3();
	chart_layout *l = chart_layout_new(c, 453.0);
	const chart_box *b;
	size_t n = chart_layout_text_boxes(l, &b);
	double first_bar_label_h = 0, max_label_right = 0, min_segment_x = 1e9;
	for (size_t i = 0; i < n; i++) {
		if (strcmp(b[i].what, "label") == 0) {
			if (first_bar_label_h == 0)
				first_bar_label_h = b[i].h;
			if (b[i].x + b[i].w > max_label_right)
				max_label_right = b[i].x + b[i].w;
		}
		if (strcmp(b[i].what, "segment-label") == 0 && b[i].x < min_segment_x)
			min_segment_x = b[i].x;
	}
	assert_true(first_bar_label_h > 2.5 * 8.5);
	assert_true(max_label_right < min_segment_x);
	chart_layout_free(l);
	chart_free(c);
}

/* Same chart, same boxes: the layout depends on nothing but chart and
 * width. */
static void test_layout_repeatable(void **state)
{
	chart *c = fixture_3_8();
	chart_layout *a = chart_layout_new(c, 453.0), *b = chart_layout_new(c, 453.0);
	const chart_box *ba, *bb;
	size_t na = chart_layout_text_boxes(a, &ba), nb = chart_layout_text_boxes(b, &bb);
	assert_int_equal(na, nb);
	for (size_t i = 0; i < na; i++) {
		assert_string_equal(ba[i].text, bb[i].text);
		assert_true(ba[i].x == bb[i].x && ba[i].y == bb[i].y && ba[i].w == bb[i].w && ba[i].h == bb[i].h);
	}
	assert_true(chart_layout_height(a) == chart_layout_height(b));
	chart_layout_free(a);
	chart_layout_free(b);
	chart_free(c);
}

/* ---- colour ---- */

static void test_segment_label_contrast(void **state)
{
	static const double widths[] = { 453.0, 600.0 };
	for (int i = 0; i < NFIXTURES; i++) {
		chart *c = fixture_chart(i);
		for (size_t w = 0; w < 2; w++) {
			chart_layout *l = chart_layout_new(c, widths[w]);
			const chart_box *b;
			size_t n = chart_layout_text_boxes(l, &b);
			for (size_t k = 0; k < n; k++) {
				double cr = chart_contrast_ratio(b[k].fg, b[k].bg);
				if (cr < 4.5) {
					print_error("%s: %s \"%s\" has contrast %.2f\n", c->id, b[k].what, b[k].text, cr);
					fail();
				}
			}
			chart_layout_free(l);
		}
		chart_free(c);
	}
	/* And the segment colours really are the category colours. */
	chart *c = fixture_2_2();
	chart_layout *l = chart_layout_new(c, 600.0);
	const chart_box *b;
	size_t n = chart_layout_text_boxes(l, &b);
	int seen = 0;
	for (size_t k = 0; k < n; k++) {
		if (strcmp(b[k].what, "segment-label") != 0)
			continue;
		int match = 0;
		for (int cat = 0; cat < c->ncat; cat++) {
			double rgb[3];
			chart_category_rgb(c, cat, rgb);
			if (rgb[0] == b[k].bg[0] && rgb[1] == b[k].bg[1] && rgb[2] == b[k].bg[2])
				match = 1;
		}
		assert_true(match);
		seen++;
	}
	assert_true(seen >= 14);
	chart_layout_free(l);
	chart_free(c);
}

/* WCAG 1.4.11 for the marks: a filled area lighter than 3:1 against the
 * page lies inside an outline that reaches 3:1 against the page; and two neighbouring segments of a bar whose colours differ by
 * less than 3:1 are kept apart by a white gap of at least 1 pt. Checked on
 * every fixture in both forms. */
static int inside(const mark_rect *a, const mark_rect *b)
{
	return a != b && a->x >= b->x + 0.4 && a->y >= b->y + 0.4 && a->x + a->w <= b->x + b->w - 0.4 &&
	       a->y + a->h <= b->y + b->h - 0.4;
}

static void test_graphics_contrast(void **state)
{
	static const double page[3] = { 1, 1, 1 };
	for (int i = 0; i < NFIXTURES; i++) {
		chart *c = fixture_chart(i);
		for (int f = 0; f < 2; f++) {
			chart_layout *l = f ? chart_layout_new_form(c, CHART_NARROW_WIDTH_PT, CHART_NARROW)
			                    : chart_layout_new(c, 600.0);
			for (size_t k = 0; k < l->nrects; k++) {
				const mark_rect *r = &l->rects[k];
				if (chart_contrast_ratio(r->rgb, page) >= 3.0)
					continue;
				int framed = 0;
				for (size_t j = 0; j < l->nrects && !framed; j++)
					framed = inside(r, &l->rects[j]) &&
					         chart_contrast_ratio(l->rects[j].rgb, page) >= 3.0;
				if (!framed) {
					print_error("%s: rect %g,%g %gx%g (contrast %.2f on white) has no outline\n", c->id,
					            r->x, r->y, r->w, r->h, chart_contrast_ratio(r->rgb, page));
					fail();
				}
			}
			/* Neighbours in a bar: outer rects on the same band, by x. */
			for (size_t k = 0; k < l->nrects; k++) {
				const mark_rect *a = &l->rects[k];
				for (size_t j = 0; j < l->nrects; j++) {
					const mark_rect *b = &l->rects[j];
					if (a == b || a->y != b->y || a->h != b->h || b->x < a->x + a->w - 0.01 ||
					    b->x > a->x + a->w + 5.0 || a->h < 4.0)
						continue;
					double gap = b->x - (a->x + a->w);
					if (gap < 0.99 && chart_contrast_ratio(a->rgb, b->rgb) < 3.0) {
						print_error("%s: segments at x=%g and x=%g touch (gap %.2f)\n", c->id, a->x, b->x, gap);
						fail();
					}
				}
			}
			chart_layout_free(l);
		}
		chart_free(c);
	}
}

static void test_contrast_arithmetic(void **state)
{
	const double black[3] = { 0, 0, 0 }, white[3] = { 1, 1, 1 }, grey[3] = { 0.5, 0.5, 0.5 };
	assert_true(fabs(chart_contrast_ratio(black, white) - 21.0) < 1e-9);
	assert_true(fabs(chart_contrast_ratio(white, white) - 1.0) < 1e-9);
	assert_true(fabs(chart_relative_luminance(grey) - 0.2140) < 1e-3);
	double t[3];
	chart_text_rgb_on(black, t);
	assert_true(t[0] == 1 && t[1] == 1 && t[2] == 1);
	chart_text_rgb_on(white, t);
	assert_true(t[0] == 0 && t[1] == 0 && t[2] == 0);
}

/* Strong to weak gets strictly lighter, for any number of categories, and
 * the neutral grey is set apart in lightness from its neighbours. */
static void test_palette_monotone(void **state)
{
	for (int ncat = 2; ncat <= 8; ncat++) {
		for (int neutral = 0; neutral <= 1; neutral++) {
			chart *c = chart_new(CHART_STACKED, "palette", "palet");
			for (int k = 0; k < ncat; k++) {
				char *lab = xasprintf("c%d", k);
				chart_add_category(c, lab, neutral && k == ncat - 1);
				free(lab);
			}
			int nord = ncat - neutral;
			double prev = -1;
			for (int k = 0; k < nord; k++) {
				double rgb[3];
				chart_category_rgb(c, k, rgb);
				double y = chart_relative_luminance(rgb);
				if (k > 0)
					assert_true(y > prev + 0.01);
				prev = y;
			}
			if (neutral) {
				double g[3], rgb[3];
				chart_category_rgb(c, ncat - 1, g);
				assert_true(g[0] == g[1] && g[1] == g[2]);
				if (nord <= 3) {
					/* Ja / Nee / Weet niet and the like: three lightnesses
					 * apart enough to tell in grey-scale. */
					for (int k = 0; k < nord; k++) {
						chart_category_rgb(c, k, rgb);
						assert_true(chart_contrast_ratio(g, rgb) > 1.4);
					}
				}
			}
			chart_free(c);
		}
	}
}

/* ---- validation ---- */

static void expect_invalid(chart *c, const char *needle1, const char *needle2)
{
	char msg[512];
	assert_int_equal(chart_validate(c, msg, sizeof msg), -1);
	assert_non_null(strstr(msg, c->id));
	if (needle1 && !strstr(msg, needle1)) {
		print_error("message \"%s\" lacks \"%s\"\n", msg, needle1);
		fail();
	}
	if (needle2 && !strstr(msg, needle2)) {
		print_error("message \"%s\" lacks \"%s\"\n", msg, needle2);
		fail();
	}
	assert_null(chart_layout_new(c, 453.0));

	char *path = tmp_path("invalid", "png");
	unlink(path);
	msg[0] = 0;
	assert_int_equal(chart_write_png(c, 600.0, 2.0, path, msg, sizeof msg), -1);
	assert_non_null(strstr(msg, c->id));
	assert_int_equal(access(path, F_OK), -1);
	free(path);
	path = tmp_path("invalid", "svg");
	unlink(path);
	msg[0] = 0;
	assert_int_equal(chart_write_svg(c, 600.0, path, msg, sizeof msg), -1);
	assert_non_null(strstr(msg, c->id));
	assert_int_equal(access(path, F_OK), -1);
	free(path);
	chart_free(c);
}

static void test_validate_fixtures_ok(void **state)
{
	char msg[512];
	for (int i = 0; i < NFIXTURES; i++) {
		chart *c = fixture_chart(i);
		if (chart_validate(c, msg, sizeof msg) != 0) {
			print_error("%s\n", msg);
			fail();
		}
		chart_free(c);
	}
}

static void test_validate_errors(void **state)
{
	/* Empty charts of every kind. */
	chart *c = chart_new(CHART_STACKED, "leeg", "leeg");
	chart_add_category(c, "Ja", 0);
	expect_invalid(c, "no bars", NULL);
	expect_invalid(chart_new(CHART_RANKING, "leeg-rang", "leeg"), "no rows", NULL);

	/* Negative segment, naming the item. */
	c = fixture_3_1();
	c->bars[1].pct[0] = -3;
	c->bars[1].pct[1] = 50;
	expect_invalid(c, "directie en management", "negative");

	/* Sum 99. */
	c = fixture_3_2();
	c->bars[3].pct[1] = 28;
	expect_invalid(c, "gemeenteraad", "99");

	/* n below 0, and n of 0 on one bar where the others print an n. */
	c = fixture_3_3();
	c->bars[2].n = -1;
	expect_invalid(c, "Kansrijke", "n=-1");
	c = fixture_3_3();
	c->bars[4].n = 0;
	expect_invalid(c, "Een loket", "n=0");

	/* Empty labels. */
	c = fixture_3_2();
	c->bars[0].label[0] = 0;
	expect_invalid(c, "bar 1", "empty label");
	c = fixture_2_2();
	c->cats[2].label[0] = 0;
	expect_invalid(c, "category 3", "empty label");

	/* Negative count; a column without rows. */
	c = fixture_4_2();
	c->cols[0].rows[6].count = -1;
	expect_invalid(c, "Kennisinstituten", "negative count");
	c = chart_new(CHART_TOPBOTTOM, "half", "half");
	chart_set_column_heading(c, 0, "Meest");
	chart_set_column_heading(c, 1, "Minst");
	chart_add_row(c, 0, 1, "Iets", 3);
	expect_invalid(c, "column 2", "no rows");

	/* A category added after the bars leaves them short. */
	c = fixture_3_2();
	chart_add_category(c, "Weet niet", 1);
	expect_invalid(c, "3 percentages for 4 categories", NULL);
}

/* ---- files ---- */

static unsigned char *slurp(const char *path, size_t *len)
{
	struct err e;
	char *s = read_file(path, len, &e);
	if (!s)
		print_error("%s\n", e.msg);
	return (unsigned char *)s;
}

static void test_files_deterministic(void **state)
{
	char msg[512];
	for (int i = 0; i < NFIXTURES; i++) {
		chart *c = fixture_chart(i);
		const char *ext[2] = { "svg", "png" };
		for (int f = 0; f < 2; f++) {
			char *p1 = tmp_path("det1", ext[f]), *p2 = tmp_path("det2", ext[f]);
			if (f == 0) {
				assert_int_equal(chart_write_svg(c, 600.0, p1, msg, sizeof msg), 0);
				assert_int_equal(chart_write_svg(c, 600.0, p2, msg, sizeof msg), 0);
			} else {
				assert_int_equal(chart_write_png(c, 600.0, 2.0, p1, msg, sizeof msg), 0);
				assert_int_equal(chart_write_png(c, 600.0, 2.0, p2, msg, sizeof msg), 0);
			}
			size_t n1, n2;
			unsigned char *a = slurp(p1, &n1), *b = slurp(p2, &n2);
			assert_non_null(a);
			assert_non_null(b);
			assert_true(n1 > 100);
			assert_int_equal(n1, n2);
			assert_memory_equal(a, b, n1);
			free(a);
			free(b);
			unlink(p1);
			unlink(p2);
			free(p1);
			free(p2);
		}
		chart_free(c);
	}
}

/* The site's PNG: 600 pt at 2x is 1200 px wide, on white. */
static void test_png_size(void **state)
{
	char msg[512];
	chart *c = fixture_2_2();
	char *p = tmp_path("size", "png");
	assert_int_equal(chart_write_png(c, 600.0, 2.0, p, msg, sizeof msg), 0);
	cairo_surface_t *s = load_png(p);
	assert_non_null(s);
	assert_int_equal(cairo_image_surface_get_width(s), 1200);
	chart_layout *l = chart_layout_new(c, 600.0);
	assert_int_equal(cairo_image_surface_get_height(s), (int)ceil(chart_layout_height(l) * 2));
	const uint32_t *px = (const uint32_t *)(const void *)cairo_image_surface_get_data(s);
	int stride = cairo_image_surface_get_stride(s) / 4, h = cairo_image_surface_get_height(s);
	/* Bottom right corner: white, opaque. */
	assert_int_equal(px[(size_t)(h - 1) * stride + 1199], 0xffffffffu);
	cairo_surface_destroy(s);
	chart_layout_free(l);
	unlink(p);
	free(p);
	chart_free(c);
}

static int has_bytes(const char *hay, size_t n, const char *needle)
{
	size_t k = strlen(needle);
	for (size_t i = 0; i + k <= n; i++)
		if (!memcmp(hay + i, needle, k))
			return 1;
	return 0;
}

/* The download: the same pixels as the bare chart, moved by the margin,
 * white around them, and the figure's number, caption and source as iTXt
 * metadata. */
static void test_png_download(void **state)
{
	char msg[512];
	chart *c = fixture_2_2();
	chart_set_caption(c, "2.2", "het voorkomen van zeven vormen (n=98).", "Bron: enquête, editie Nederland.");
	char *bare = tmp_path("bare", "png"), *dl = tmp_path("download", "png");
	assert_int_equal(chart_write_png(c, 600.0, 2.0, bare, msg, sizeof msg), 0);
	assert_int_equal(chart_write_png_download(c, 600.0, 2.0, dl, msg, sizeof msg), 0);
	cairo_surface_t *a = load_png(bare), *b = load_png(dl);
	assert_non_null(a);
	assert_non_null(b);
	int m = (int)lround(CHART_DOWNLOAD_MARGIN_PT * 2);
	int aw = cairo_image_surface_get_width(a), ah = cairo_image_surface_get_height(a);
	assert_int_equal(cairo_image_surface_get_width(b), aw + 2 * m);
	assert_int_equal(cairo_image_surface_get_height(b), ah + 2 * m);
	const unsigned char *pa = cairo_image_surface_get_data(a), *pb = cairo_image_surface_get_data(b);
	int sa = cairo_image_surface_get_stride(a), sb = cairo_image_surface_get_stride(b);
	long differ = 0, dark_margin = 0;
	for (int y = 0; y < ah; y++)
		differ += memcmp(pa + (size_t)y * sa, pb + (size_t)(y + m) * sb + (size_t)m * 4, (size_t)aw * 4) != 0;
	for (int y = 0; y < ah + 2 * m; y++)
		for (int x = 0; x < aw + 2 * m; x++)
			if (x < m || y < m || x >= aw + m || y >= ah + m)
				dark_margin += ((const uint32_t *)(const void *)(pb + (size_t)y * sb))[x] != 0xffffffffu;
	assert_int_equal(differ, 0);
	assert_int_equal(dark_margin, 0);
	cairo_surface_destroy(a);
	cairo_surface_destroy(b);
	size_t n;
	struct err e;
	char *bytes = read_file(dl, &n, &e);
	assert_non_null(bytes);
	assert_true(has_bytes(bytes, n, "iTXtTitle"));
	char *want = xasprintf("Figuur %s: %s", c->number, c->caption);
	assert_true(has_bytes(bytes, n, want));
	free(want);
	assert_true(has_bytes(bytes, n, "iTXtSource"));
	assert_true(has_bytes(bytes, n, "Bron: enquête, editie Nederland."));
	free(bytes);
	unlink(bare);
	unlink(dl);
	free(bare);
	free(dl);
	chart_free(c);
}

/* ---- alt text ---- */

static void test_alt_text(void **state)
{
	chart *c = fixture_2_2();
	char *a = chart_alt_text(c);
	assert_non_null(strstr(a, "Gestapeld staafdiagram: het voorkomen"));
	assert_non_null(strstr(a, "Hoogste aandeel 'Ja': Eigen initiatieven en inzet rond versterken van sociale samenhang"));
	assert_non_null(strstr(a, "(94%)"));
	assert_non_null(strstr(a, "laagste: Structurele overdracht politieke zeggenschap"));
	assert_non_null(strstr(a, "(21%)"));
	free(a);
	chart_free(c);

	c = fixture_2_3();
	a = chart_alt_text(c);
	assert_non_null(strstr(a, "Ranglijst: "));
	assert_non_null(strstr(a, "Eigen initiatieven en inzet versterken sociale samenhang en actieve deelname (82 keer)"));
	assert_non_null(strstr(a, "in het kader van gebiedsgericht werken (7 keer)"));
	free(a);
	chart_free(c);

	c = fixture_3_6();
	a = chart_alt_text(c);
	assert_non_null(strstr(a, "Meest genoemde succesvolle strategieën"));
	assert_non_null(strstr(a, "uit de ambtelijke organisatie (61 keer)"));
	assert_non_null(strstr(a, "Maatschappelijk aanbesteden (2 keer)"));
	free(a);
	chart_free(c);

	/* Dutch thousands separator for large counts. */
	c = chart_new(CHART_RANKING, "groot", "groot");
	chart_add_row(c, 0, 1, "Veel", 12500);
	chart_add_row(c, 0, 2, "Weinig", 3);
	a = chart_alt_text(c);
	assert_non_null(strstr(a, "Veel (12.500 keer)"));
	free(a);
	chart_free(c);

	/* Every fixture: the alt text names its highest and lowest item. */
	for (int i = 0; i < NFIXTURES; i++) {
		c = fixture_chart(i);
		a = chart_alt_text(c);
		const char *hi = NULL, *lo = NULL;
		if (c->kind == CHART_STACKED) {
			int h = -1, m = -1;
			for (int b = 0; b < c->nbars; b++) {
				if (c->bars[b].suppressed)
					continue;
				if (h < 0 || c->bars[b].pct[0] > c->bars[h].pct[0])
					h = b;
				if (m < 0 || c->bars[b].pct[0] < c->bars[m].pct[0])
					m = b;
			}
			hi = c->bars[h].label;
			lo = c->bars[m].label;
		} else {
			const chart_row *h = NULL, *m = NULL;
			for (int k = 0; k < c->ncols; k++)
				for (int r = 0; r < c->cols[k].nrows; r++) {
					const chart_row *row = &c->cols[k].rows[r];
					if (!h || row->count > h->count)
						h = row;
					if (!m || row->count < m->count)
						m = row;
				}
			hi = h->label;
			lo = m->label;
		}
		assert_non_null(strstr(a, hi));
		assert_non_null(strstr(a, lo));
		assert_non_null(strstr(a, c->title));
		free(a);
		chart_free(c);
	}
}

/* ---- area editions: suppressed bars and the reference bar ---- */

/* A suppressed bar is an empty row: its label and n, its reason in the
 * bar's place, no segment and no percentage; the reference bars are drawn
 * thinner than the area's, each pair named by two series labels. */
static void test_suppressed_and_reference_layout(void **state)
{
	for (int f = 0; f < 2; f++) {
		chart *c = fixture_3_3_area();
		chart_layout *l = f ? chart_layout_new_form(c, CHART_NARROW_WIDTH_PT, CHART_NARROW)
		                    : chart_layout_new(c, 453.0);
		assert_non_null(l);
		assert_int_equal(count_boxes(l, "suppressed", "te weinig gemeenten (minder dan 5)"), 1);
		assert_int_equal(count_boxes(l, "suppressed", "geen antwoorden"), 1);
		assert_int_equal(count_boxes(l, "series", "Gelderland"), 6);
		assert_int_equal(count_boxes(l, "series", "Nederland"), 6);
		assert_int_equal(count_boxes_how(l, "label", "Kansrijke initiatieven", 1), 1);
		assert_int_equal(count_boxes_how(l, "label", "(n=4)", 1), 1);
		/* Segment labels only on the area's bars: 3+4+0+4+3+4 segments
		 * at most; never on a suppressed bar, whose row has none. */
		const chart_box *b;
		size_t n = chart_layout_text_boxes(l, &b);
		double sup_y0 = 0, sup_y1 = 0;
		for (size_t i = 0; i < n; i++)
			if (strcmp(b[i].what, "suppressed") == 0 && strstr(b[i].text, "minder dan")) {
				sup_y0 = b[i].y - 2;
				sup_y1 = b[i].y + b[i].h + 2;
			}
		for (size_t i = 0; i < n; i++)
			if (strcmp(b[i].what, "segment-label") == 0)
				assert_false(b[i].y < sup_y1 && b[i].y + b[i].h > sup_y0);
		/* Bars: the area's are BAR_H high, the reference's thinner; no
		 * rect at all in the suppressed bar's band. */
		double hmax = 0, hmin = 1e9;
		for (size_t i = 0; i < l->nrects; i++) {
			const mark_rect *r = &l->rects[i];
			if (r->h < 4.0) /* axis and ticks */
				continue;
			if (r->w <= 8.01 && r->h <= 8.01) /* legend swatches and their outlines */
				continue;
			if (r->h > hmax)
				hmax = r->h;
			if (r->h < hmin)
				hmin = r->h;
			if (r->y < sup_y1 && r->y + r->h > sup_y0) {
				print_error("rect %g,%g %gx%g in the suppressed row\n", r->x, r->y, r->w, r->h);
				fail();
			}
		}
		assert_true(hmin < 0.75 * hmax);
		chart_layout_free(l);
		chart_free(c);
	}
}

static void test_suppressed_and_reference_validation(void **state)
{
	char msg[512];
	chart *c = fixture_2_2_small();
	/* n=0 on a suppressed bar is fine where the shown bars print an n. */
	assert_int_equal(chart_validate(c, msg, sizeof msg), 0);
	chart_free(c);

	c = fixture_2_2_small();
	chart_add_suppressed_bar(c, "Leeg", 0, "");
	expect_invalid(c, "Leeg", "without a reason");

	c = fixture_3_3_area();
	c->bars[1].has_ref = 0;
	expect_invalid(c, "Initiatiefnemers verder", "no Nederland bar");

	c = fixture_3_3_area();
	c->bars[3].ref_pct[0] = 31;
	expect_invalid(c, "Helpen met", "reference percentages sum to 101");

	c = fixture_3_3_area();
	c->bars[5].ref_pct[1] = -1;
	c->bars[5].ref_pct[2] = 39;
	expect_invalid(c, "Initiatiefnemers ondersteunen", "negative reference percentage");

	c = fixture_3_1();
	int p[4] = { 25, 25, 25, 25 };
	chart_bar_set_reference(c, 0, 80, p, NULL);
	expect_invalid(c, "Bij beleidsprofessionals", "the chart has no reference");

	c = fixture_3_3_area();
	chart_bar_set_reference(c, 0, 0, NULL, NULL);
	expect_invalid(c, "Vrij beschikbare", "reference suppressed without a reason");
}

static void test_suppressed_and_reference_alt_text(void **state)
{
	chart *c = fixture_3_3_area();
	char *a = chart_alt_text(c);
	assert_non_null(strstr(a, "een staaf voor Gelderland en daaronder een dunnere staaf voor Nederland"));
	/* Highest 'Vaak' in the area: 33% (last item); lowest 0% (first). */
	assert_non_null(strstr(a, "in Gelderland: Initiatiefnemers ondersteunen met tijd en deskundigheid uit de ambtelijke organisatie (33%; Nederland 19%)"));
	assert_non_null(strstr(a, "laagste: Vrij beschikbare middelen"));
	assert_non_null(strstr(a, "(0%; Nederland 2%)"));
	assert_non_null(strstr(a, "Niet getoond: Kansrijke initiatieven verder helpen door alternatieve financieringswijzen en bekostigingsmodellen aan te dragen (te weinig gemeenten (minder dan 5))."));
	/* The suppressed item is never given a percentage. */
	assert_null(strstr(a, "aan te dragen (0%"));
	assert_non_null(strstr(a, "Vaak, dit is een gangbare praktijk; Met enige regelmaat"));
	free(a);
	chart_free(c);

	c = fixture_2_2_small();
	a = chart_alt_text(c);
	assert_non_null(strstr(a, "Niet getoond: Vrijwilligerswerk en zelforganisatie (geen antwoorden); Sociaal ondernemerschap (te weinig gemeenten (n=4))."));
	assert_null(strstr(a, "Nederland"));
	free(a);
	chart_free(c);
}

/* The CSV download holds the chart's own values with its labels: a row
 * per item (and per series in an area edition), suppressed values empty
 * with the reason, never 0; labels with commas quoted. */
static void test_csv(void **state)
{
	chart *c = fixture_3_3_area();
	char *csv = chart_csv(c);
	assert_non_null(strstr(csv, "Onderdeel,Gebied,n,\"Vaak, dit is een gangbare praktijk (%)\",Met enige regelmaat (%),"
	                            "\"Soms, op beperkte schaal (%)\",Niet (%),Niet getoond\r\n"));
	assert_non_null(strstr(csv, "\"Vrij beschikbare middelen ter beschikking stellen als startkapitaal (seed-money), waarop burgers en organisaties kunnen voortbouwen\",Gelderland,9,0,11,33,56,\r\n"));
	assert_non_null(strstr(csv, ",Nederland,82,2,10,31,57,\r\n"));
	assert_non_null(strstr(csv, "aan te dragen,Gelderland,4,,,,,te weinig gemeenten (minder dan 5)\r\n"));
	assert_non_null(strstr(csv, "kunnen krijgen,Nederland,0,,,,,geen antwoorden\r\n"));
	assert_int_equal(count_str(csv, "\r\n"), 1 + 2 * 6);
	free(csv);
	chart_free(c);

	c = fixture_2_3();
	csv = chart_csv(c);
	assert_non_null(strstr(csv, "Rang,Onderdeel,Aantal keer genoemd\r\n1,Eigen initiatieven en inzet versterken sociale samenhang en actieve deelname,82\r\n"));
	assert_non_null(strstr(csv, "\r\n5,\"Eigen initiatieven en inzet maatschappelijke handhaving, toezicht en veiligheid\",24\r\n"));
	free(csv);
	chart_free(c);

	/* A caption's n goes on every row when the bars print none. */
	c = fixture_2_2();
	c->n = 98;
	csv = chart_csv(c);
	assert_non_null(strstr(csv, "Sociaal ondernemerschap,98,47,41,12,\r\n"));
	free(csv);
	chart_free(c);
}

/* fontconfig keeps its configuration until FcFini, which needs
 * -lfontconfig that the Makefile does not link; after the font map is
 * dropped that block is all that is left, so it is the one suppression.
 * Built into the binary: tests/run.sh needs no LSAN_OPTIONS. */
const char *__lsan_default_suppressions(void);
const char *__lsan_default_suppressions(void)
{
	return "leak:libfontconfig.so\n";
}

int main(void)
{
	install_test_terms();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_golden_images),
		cmocka_unit_test(test_golden_detects_one_pixel_shift),
		cmocka_unit_test(test_golden_narrow_and_svg),
		cmocka_unit_test(test_svg_writer),
		cmocka_unit_test(test_svg_paint_order),
		cmocka_unit_test(test_golden_detects_changed_value),
		cmocka_unit_test(test_geometry_no_overlap_inside),
		cmocka_unit_test(test_text_boxes_complete),
		cmocka_unit_test(test_labels_wrap),
		cmocka_unit_test(test_layout_repeatable),
		cmocka_unit_test(test_segment_label_contrast),
		cmocka_unit_test(test_graphics_contrast),
		cmocka_unit_test(test_contrast_arithmetic),
		cmocka_unit_test(test_palette_monotone),
		cmocka_unit_test(test_validate_fixtures_ok),
		cmocka_unit_test(test_validate_errors),
		cmocka_unit_test(test_files_deterministic),
		cmocka_unit_test(test_png_size),
		cmocka_unit_test(test_png_download),
		cmocka_unit_test(test_alt_text),
		cmocka_unit_test(test_suppressed_and_reference_layout),
		cmocka_unit_test(test_suppressed_and_reference_validation),
		cmocka_unit_test(test_suppressed_and_reference_alt_text),
		cmocka_unit_test(test_csv),
	};
	int rc = cmocka_run_group_tests_name("charts", tests, NULL, NULL);
	/* Drop pango's and cairo's caches so LeakSanitizer sees only our own
	 * allocations. */
	pango_cairo_font_map_set_default(NULL);
	return rc;
}
