/* test_pdf_lang.c: passages in another language in the PDF (pdf_lang.c).
 *
 * The attribute that marks a passage must be invisible to pango (the same
 * line breaks and glyphs with and without it), survive a copy and update
 * of the attribute list, and be found
 * on each line it covers. pdf_lang_show_line must draw the same glyphs at
 * the same places in the same colours as pango_cairo_show_layout_line, and
 * call begin/end around exactly the glyphs of the passages. Drawings are
 * compared on cairo's SVG surface, which writes every glyph with its
 * position and fill. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <cairo-svg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pdf_lang.h"
#include "pdf_layout.h"
#include "util.h"
#include "test_terms.h"

/* A justified paragraph in the typesetter's font with what a line can
 * hold: italics, a link colour, a footnote marker (rise and scale), a
 * claim's background, and two passages in English, one of them long
 * enough to run over a line break. */
static const char TEXT[] = "Gemeenten delen goede voorbeelden en best practices met elkaar. Verwant is de "
			   "Big Society1 in het Verenigd Koninkrijk, zie figuur 2.2, en daar spreekt men van "
			   "the community right to challenge and the right to bid for local assets, "
			   "een recht dat Nederlandse gemeenten nog niet kennen.";

static int at(const char *needle)
{
	const char *p = strstr(TEXT, needle);
	assert_non_null(p);
	return (int)(p - TEXT);
}

static void add(PangoAttrList *al, PangoAttribute *a, int s, int e)
{
	a->start_index = (guint)s;
	a->end_index = (guint)e;
	pango_attr_list_insert(al, a);
}

/* The passages: "best practices" and "the community ... local assets". */
static void passages(int *s0, int *e0, int *s1, int *e1)
{
	*s0 = at("best practices");
	*e0 = *s0 + (int)strlen("best practices");
	*s1 = at("the community");
	*e1 = at(", een recht");
}

/* lang: mark the passages; red: colour them red with a pango attribute
 * (the reference drawing) */
static PangoLayout *paragraph(PangoContext *ctx, int lang, int red)
{
	PangoLayout *ly = pango_layout_new(ctx);
	PangoFontDescription *fd = pango_font_description_from_string(PDF_FONT " 10");
	pango_layout_set_font_description(ly, fd);
	pango_font_description_free(fd);
	pango_layout_set_text(ly, TEXT, -1);
	pango_layout_set_width(ly, 230 * PANGO_SCALE);
	pango_layout_set_wrap(ly, PANGO_WRAP_WORD_CHAR);
	pango_layout_set_justify(ly, TRUE);
	PangoAttrList *al = pango_attr_list_new();
	add(al, pango_attr_language_new(pango_language_from_string("nl-NL")), 0, (int)strlen(TEXT));
	add(al, pango_attr_style_new(PANGO_STYLE_ITALIC), at("Verenigd"), at(", zie"));
	add(al, pango_attr_foreground_new(0x1200, 0x3c00, 0x7800), at("figuur"), at(", en daar"));
	int m = at("1 in het");
	add(al, pango_attr_rise_new((int)(3.8 * PANGO_SCALE)), m, m + 1);
	add(al, pango_attr_scale_new(0.68), m, m + 1);
	add(al, pango_attr_background_new(0xFFFF, 0xCCCC, 0xCCCC), at("een recht"), (int)strlen(TEXT) - 1);
	int s0, e0, s1, e1;
	passages(&s0, &e0, &s1, &e1);
	int bs = at("Big Society"), be = bs + (int)strlen("Big Society");
	if (lang) {
		add(al, pdf_attr_lang_new("en"), s0, e0);
		add(al, pdf_attr_lang_new("en"), bs, be);
		add(al, pdf_attr_lang_new("en-GB"), s1, e1);
	}
	if (red) {
		add(al, pango_attr_foreground_new(0xFFFF, 0, 0), s0, e0);
		add(al, pango_attr_foreground_new(0xFFFF, 0, 0), bs, be);
		add(al, pango_attr_foreground_new(0xFFFF, 0, 0), s1, e1);
	}
	pango_layout_set_attributes(ly, al);
	pango_attr_list_unref(al);
	return ly;
}

typedef struct {
	cairo_surface_t *s;
	cairo_t *cr;
	PangoContext *ctx;
	strbuf svg;
} canvas;

static cairo_status_t to_sb(void *closure, const unsigned char *data, unsigned int length)
{
	sb_addn(closure, (const char *)data, length);
	return CAIRO_STATUS_SUCCESS;
}

/* The typesetter's context; exact: glyph positions not rounded to whole
 * points, so that any drift in adding up the pieces' widths shows. */
static void canvas_open(canvas *c, int exact)
{
	sb_init(&c->svg);
	c->s = cairo_svg_surface_create_for_stream(to_sb, &c->svg, 300, 300);
	c->cr = cairo_create(c->s);
	c->ctx = pdf_context_new(c->cr);
	if (exact)
		pango_context_set_round_glyph_positions(c->ctx, FALSE);
}

/* Closes the canvas; returns one line per glyph drawn: fill, glyph, x, y.
 * malloc'd. */
static char *canvas_glyphs(canvas *c)
{
	g_object_unref(c->ctx);
	cairo_destroy(c->cr);
	cairo_surface_finish(c->s);
	cairo_surface_destroy(c->s);
	/* glyphs by their outline, not cairo's symbol number (which counts the
	 * glyphs in order of first use); glyphs without ink (the space
	 * pdf_text.c draws at a line end for the text layer) are left out */
	GHashTable *outline = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
	char *copy = xstrdup(c->svg.s ? c->svg.s : "");
	char sym[32] = "";
	for (char *line = strtok(copy, "\n"); line; line = strtok(NULL, "\n")) {
		if (sscanf(line, " <symbol overflow=\"visible\" id=\"%31[^\"]\"", sym) == 1)
			continue;
		const char *d = strstr(line, " d=\"");
		if (*sym && d) {
			d += 4;
			size_t n = strcspn(d, "\"");
			if (n) {
				char *path = g_strndup(d, n);
				g_hash_table_insert(outline, g_strdup(sym), g_strdup_printf("%08x", g_str_hash(path)));
				g_free(path);
			}
			sym[0] = 0;
		}
	}
	free(copy);
	strbuf out;
	sb_init(&out);
	char fill[64] = "?";
	for (char *line = strtok(c->svg.s, "\n"); line; line = strtok(NULL, "\n")) {
		const char *f = strstr(line, "fill:rgb(");
		if (f && strstr(line, "<g ")) {
			size_t n = strcspn(f, ";\"");
			snprintf(fill, sizeof fill, "%.*s", (int)n, f);
		}
		char glyph[32], x[32], y[32];
		if (sscanf(line, " <use xlink:href=\"#%31[^\"]\" x=\"%31[^\"]\" y=\"%31[^\"]\"", glyph, x, y) == 3) {
			const char *o = g_hash_table_lookup(outline, glyph);
			if (o)
				sb_printf(&out, "%s %s %s %s\n", fill, o, x, y);
		}
	}
	sb_free(&c->svg);
	g_hash_table_destroy(outline);
	if (!out.s)
		sb_add(&out, "");
	return sb_take(&out);
}

/* What the callbacks saw, and (red) the passages drawn in red. */
typedef struct {
	cairo_t *cr;
	int red;
	strbuf log;
	int depth;
} calls;

static void on_begin(void *ud, const char *lang)
{
	calls *c = ud;
	assert_int_equal(c->depth, 0); /* never nested */
	c->depth++;
	sb_printf(&c->log, "[%s ", lang ? lang : "-");
	if (c->red) {
		cairo_save(c->cr);
		if (lang)
			cairo_set_source_rgb(c->cr, 1, 0, 0);
	}
}

static void on_end(void *ud, const char *lang, int line_end)
{
	calls *c = ud;
	assert_int_equal(c->depth, 1);
	c->depth--;
	sb_printf(&c->log, "%s]%s", lang ? lang : "-", line_end ? "\n" : " ");
	if (c->red)
		cairo_restore(c->cr);
}

/* Draws every line of a paragraph made by paragraph(lang, red_attr) at
 * 14.5 pt leading, with pango or with pdf_lang_show_line (red: the
 * callbacks colour the passages). Returns the glyphs; *log the calls. */
static char *draw(int exact, int lang, int red_attr, int ours, int red, char **log)
{
	canvas cv;
	canvas_open(&cv, exact);
	PangoLayout *ly = paragraph(cv.ctx, lang, red_attr);
	calls c = { .cr = cv.cr, .red = red };
	sb_init(&c.log);
	for (int i = 0; i < pango_layout_get_line_count(ly); i++) {
		PangoLayoutLine *line = pango_layout_get_line_readonly(ly, i);
		cairo_set_source_rgb(cv.cr, 0, 0, 0);
		if (ours) {
			pdf_lang_show_line(cv.cr, line, 20.25, 30 + 14.5 * i, on_begin, on_end, &c);
		} else {
			cairo_move_to(cv.cr, 20.25, 30 + 14.5 * i);
			pango_cairo_show_layout_line(cv.cr, line);
		}
	}
	g_object_unref(ly);
	if (log)
		*log = c.log.s ? sb_take(&c.log) : xstrdup("");
	else
		sb_free(&c.log);
	return canvas_glyphs(&cv);
}

/* Pango does not see the attribute: same lines, same runs, same glyphs. */
static void test_attr_invisible(void **state)
{
	(void)state;
	canvas cv;
	canvas_open(&cv, 1);
	PangoLayout *a = paragraph(cv.ctx, 0, 0), *b = paragraph(cv.ctx, 1, 0);
	int n = pango_layout_get_line_count(a);
	assert_true(n >= 4);
	assert_int_equal(pango_layout_get_line_count(b), n);
	for (int i = 0; i < n; i++) {
		PangoLayoutLine *la = pango_layout_get_line_readonly(a, i), *lb = pango_layout_get_line_readonly(b, i);
		assert_int_equal(la->start_index, lb->start_index);
		assert_int_equal(la->length, lb->length);
		/* pango may split runs where the attribute begins or ends
		 * (after shaping); the glyphs of the line stay the same */
		GArray *ga = g_array_new(FALSE, FALSE, sizeof(PangoGlyphInfo));
		GArray *gb = g_array_new(FALSE, FALSE, sizeof(PangoGlyphInfo));
		for (GSList *r = la->runs; r; r = r->next) {
			const PangoGlyphString *g = ((PangoGlyphItem *)r->data)->glyphs;
			g_array_append_vals(ga, g->glyphs, (guint)g->num_glyphs);
		}
		for (GSList *r = lb->runs; r; r = r->next) {
			const PangoGlyphString *g = ((PangoGlyphItem *)r->data)->glyphs;
			g_array_append_vals(gb, g->glyphs, (guint)g->num_glyphs);
		}
		assert_true(ga->len > 10);
		assert_int_equal(ga->len, gb->len);
		for (guint k = 0; k < ga->len; k++) {
			const PangoGlyphInfo *x = &g_array_index(ga, PangoGlyphInfo, k), *y = &g_array_index(gb, PangoGlyphInfo, k);
			assert_int_equal(x->glyph, y->glyph);
			assert_memory_equal(&x->geometry, &y->geometry, sizeof x->geometry);
			assert_int_equal(x->attr.is_cluster_start, y->attr.is_cluster_start);
		}
		g_array_free(ga, TRUE);
		g_array_free(gb, TRUE);
	}
	g_object_unref(a);
	g_object_unref(b);
	free(canvas_glyphs(&cv));
}

/* The passages are found on the lines they cover, clipped to each line,
 * and survive a copy of the list with bytes taken out before them (what
 * a re-laid-out line would need). */
static void test_line_langs(void **state)
{
	(void)state;
	canvas cv;
	canvas_open(&cv, 0);
	PangoLayout *ly = paragraph(cv.ctx, 1, 0);
	int s0, e0, s1, e1;
	passages(&s0, &e0, &s1, &e1);
	int covered = 0, lines_with_long = 0;
	for (int i = 0; i < pango_layout_get_line_count(ly); i++) {
		PangoLayoutLine *line = pango_layout_get_line_readonly(ly, i);
		pdf_lang_range r[8];
		int n = pdf_line_langs(line, r, 8);
		assert_int_equal(pdf_line_langs(line, NULL, 0), n);
		for (int k = 0; k < n; k++) {
			assert_true(r[k].start >= line->start_index && r[k].end <= line->start_index + line->length);
			assert_true(r[k].start < r[k].end);
			if (r[k].start >= s1 && r[k].end <= e1) {
				assert_string_equal(r[k].lang, "en-GB");
				lines_with_long++;
			} else {
				assert_string_equal(r[k].lang, "en");
			}
			covered += r[k].end - r[k].start;
		}
	}
	assert_int_equal(covered, (e0 - s0) + (int)strlen("Big Society") + (e1 - s1));
	assert_true(lines_with_long >= 2); /* the long passage runs over a line break */

	/* two bytes out before the first passage, as pango_attr_list_update
	 * does for a removed soft hyphen */
	PangoAttrList *al = pango_attr_list_copy(pango_layout_get_attributes(ly));
	pango_attr_list_update(al, 3, 2, 0);
	strbuf t;
	sb_init(&t);
	sb_addn(&t, TEXT, 3);
	sb_add(&t, TEXT + 5);
	PangoLayout *nl = pango_layout_new(cv.ctx);
	pango_layout_set_text(nl, t.s, (int)t.len);
	pango_layout_set_attributes(nl, al);
	pango_attr_list_unref(al);
	PangoLayoutLine *line = pango_layout_get_line_readonly(nl, 0); /* no width: one line */
	pdf_lang_range r[8];
	assert_int_equal(pdf_line_langs(line, r, 8), 3);
	assert_int_equal(r[0].start, s0 - 2);
	assert_int_equal(r[0].end, e0 - 2);
	assert_string_equal(r[2].lang, "en-GB");
	assert_int_equal(r[2].end, e1 - 2);
	sb_free(&t);
	g_object_unref(nl);
	g_object_unref(ly);
	free(canvas_glyphs(&cv));
}

/* The same glyphs at the same places in the same colours as pango's own
 * line drawing. */
static void test_same_drawing(void **state)
{
	(void)state;
	for (int exact = 0; exact <= 1; exact++) {
		char *theirs = draw(exact, 1, 0, 0, 0, NULL);
		char *ours = draw(exact, 1, 0, 1, 0, NULL);
		if (getenv("TEST_PDF_LANG_DUMP"))
			fprintf(stderr, "%s\n----\n%s\n", theirs, ours);
		assert_true(strlen(theirs) > 1000);
		assert_non_null(strstr(theirs, "fill:rgb(7.")); /* the link colour is in the test */
		assert_string_equal(ours, theirs);
		free(theirs);
		free(ours);
	}
}

/* begin/end go around exactly the passages: coloured red from the
 * callbacks, the drawing equals pango's with the passages coloured red by
 * an attribute. And the calls come in the expected order. */
static void test_exactly_the_passages(void **state)
{
	(void)state;
	for (int exact = 0; exact <= 1; exact++) {
		char *log;
		char *theirs = draw(exact, 0, 1, 0, 0, NULL);
		char *ours = draw(exact, 1, 0, 1, 1, &log);
		if (getenv("TEST_PDF_LANG_DUMP"))
			fprintf(stderr, "%s\n----\n%s\n----\n%s\n", theirs, ours, log);
		assert_non_null(strstr(theirs, "fill:rgb(100%,0%,0%)"));
		assert_string_equal(ours, theirs);
		/* the passages in order; the long one ends a line and begins the next */
		char *p = strstr(log, "[en en]");
		assert_non_null(p);
		p = strstr(p + 1, "[en en]");
		assert_non_null(p);
		assert_non_null(strstr(p + 1, "[en-GB en-GB]\n[en-GB en-GB]"));
		free(log);
		free(theirs);
		free(ours);
	}
}

/* A heading is set from its plain text: the passages are marked where
 * doc_plain_text puts them, past cross-references, line breaks, footnotes
 * and emphasis. */
static void test_mark_plain(void **state)
{
	(void)state;
	doc_node *h = doc_node_new(DOC_HEADING);
	doc_append_text(h, "Zie ");
	doc_node *x = doc_append(h, doc_node_new(DOC_XREF));
	x->text = xstrdup("figuur 2.2");
	doc_append(h, doc_node_new(DOC_LINEBREAK));
	doc_node *fn = doc_append(h, doc_node_new(DOC_FOOTNOTE));
	doc_append_text(fn, "niet in de titel");
	doc_append_text(h, " en de ");
	doc_node *lang = doc_append(h, doc_node_new(DOC_LANG));
	lang->lang = xstrdup("en");
	doc_append_text(lang, "Big ");
	doc_append_text(doc_append(lang, doc_node_new(DOC_EMPH)), "Society");
	doc_append_text(h, " hier");
	char *plain = doc_plain_text(h);
	const char *prefix = "2.1  ";
	PangoAttrList *al = pango_attr_list_new();
	pdf_lang_mark_plain(al, h, (int)strlen(prefix));
	canvas cv;
	canvas_open(&cv, 0);
	PangoLayout *ly = pango_layout_new(cv.ctx);
	char *t = g_strconcat(prefix, plain, NULL);
	pango_layout_set_text(ly, t, -1);
	pango_layout_set_attributes(ly, al);
	pdf_lang_range r[4];
	assert_int_equal(pdf_line_langs(pango_layout_get_line_readonly(ly, 0), r, 4), 1);
	assert_string_equal(r[0].lang, "en");
	assert_int_equal(r[0].end - r[0].start, (int)strlen("Big Society"));
	assert_memory_equal(t + r[0].start, "Big Society", strlen("Big Society"));
	g_free(t);
	free(plain);
	pango_attr_list_unref(al);
	g_object_unref(ly);
	free(canvas_glyphs(&cv));
	doc_node_free(h);
}

int main(void)
{
	install_test_terms();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_attr_invisible),
		cmocka_unit_test(test_line_langs),
		cmocka_unit_test(test_same_drawing),
		cmocka_unit_test(test_exactly_the_passages),
		cmocka_unit_test(test_mark_plain),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
