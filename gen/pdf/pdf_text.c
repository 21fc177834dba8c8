/* pdf_text.c: draws one laid-out line of text into the PDF.
 *
 * What pango_cairo_show_layout_line does, with one difference in the text
 * layer. The typesetter puts soft hyphens (U+00AD) into every paragraph so
 * pango can break long Dutch words. Drawn by pango, each one stays in the
 * PDF's text as a character of its own, so copy, search and pdftotext give
 * "samen\u00ADvatting". Here a soft hyphen inside a line is left out of the
 * text, and one where the line breaks (pango drew a hyphen glyph for it)
 * reads as "-". The glyphs and their positions are pango's, untouched.
 *
 * Before this, each line holding a soft hyphen was laid out and shaped a
 * second time without them: 40% of the PDF layout's time.
 *
 * Covers what the report's paragraphs use: per-run font, foreground and
 * background colour, rise (pango 1.50 gives it as the run's y_offset),
 * right-to-left runs (clusters backward). No underline or shape attributes
 * are ever set by pdf_layout.c. */
#include "pdf_text.h"

#include <pango/pangocairo.h>
#include <string.h>

static int is_shy(const char *t, int n)
{
	return n == 2 && (unsigned char)t[0] == 0xC2 && (unsigned char)t[1] == 0xAD;
}

static const PangoAttribute *run_attr(const PangoItem *item, PangoAttrType type)
{
	for (GSList *l = item->analysis.extra_attrs; l; l = l->next) {
		const PangoAttribute *a = l->data;
		if (a->klass->type == type)
			return a;
	}
	return NULL;
}

static int drawable(const PangoGlyphInfo *gi)
{
	return gi->glyph != PANGO_GLYPH_EMPTY && !(gi->glyph & PANGO_GLYPH_UNKNOWN_FLAG);
}

static int is_nbsp(const char *t)
{
	return (unsigned char)t[0] == 0xC2 && (unsigned char)t[1] == 0xA0;
}

/* The font's space glyph, 0 if it has none. */
static PangoGlyph space_glyph(PangoFont *font)
{
	hb_codepoint_t g = 0;
	hb_font_t *hb = pango_font_get_hb_font(font);
	if (!hb || !hb_font_get_nominal_glyph(hb, 0x20, &g))
		return 0;
	return g;
}

/* The glyphs pango draws for a hyphen it adds at a line break (U+2010 if
 * the font has it, else U+002D). */
static int is_hyphen_glyph(PangoFont *font, PangoGlyph g)
{
	hb_font_t *hb = pango_font_get_hb_font(font);
	hb_codepoint_t h;
	if (!hb)
		return 0;
	return (hb_font_get_nominal_glyph(hb, 0x2010, &h) && h == g) || (hb_font_get_nominal_glyph(hb, 0x2D, &h) && h == g);
}

/* The glyph drawn for glyph i of run, or PANGO_GLYPH_EMPTY for none. The
 * space pango empties at the end of a line is drawn as the font's space
 * glyph (invisible, at no width): with a glyph of its own the text layer
 * maps it plainly, where for a cluster without glyphs cairo writes an
 * /ActualText, after which poppler's reading of the structure tree
 * (pdfinfo -struct-text, poppler-based readers) loses the rest of the
 * element's text. */
static PangoGlyph glyph_at(const PangoGlyphItem *run, const char *text, int i, PangoGlyph space)
{
	const PangoGlyphInfo *gi = &run->glyphs->glyphs[i];
	if (drawable(gi))
		return gi->glyph;
	if (gi->glyph == PANGO_GLYPH_EMPTY && space) {
		const char *c = text + run->item->offset + run->glyphs->log_clusters[i];
		if (*c == ' ' || is_nbsp(c))
			return space;
	}
	return PANGO_GLYPH_EMPTY;
}

/* The text of one run as it goes into the text layer, soft hyphens
 * cleaned as above (break_at: the byte offset where the line ends), and
 * the clusters mapping that text to the run's drawable glyphs, in logical
 * order (for a right-to-left run the glyph indices fall). utf8 holds at
 * least item->length + 2 bytes, cl one entry per glyph and one more. Returns the number
 * of bytes; *ncl the clusters, *nglyphs the glyphs they cover. */
static int run_text(const char *text, int break_at, PangoGlyphItem *run, PangoGlyph space, char *utf8,
		    cairo_text_cluster_t *cl, int *ncl, int *nglyphs)
{
	PangoGlyphString *gs = run->glyphs;
	int nbytes = 0;
	*ncl = *nglyphs = 0;
	PangoGlyphItemIter it;
	if (pango_glyph_item_iter_init_start(&it, run, text)) {
		do {
			int ng = 0;
			for (int i = MIN(it.start_glyph, it.end_glyph + 1); i < MAX(it.start_glyph + 1, it.end_glyph); i++)
				ng += glyph_at(run, text, i, space) != PANGO_GLYPH_EMPTY;
			if (ng == 0)
				continue; /* nothing drawn: a soft hyphen inside the line, a
					   * bidi isolate (FSI, PDI) around respondents' text */
			/* harfbuzz puts a soft hyphen in the cluster of the letter
			 * before it; only the one the line breaks at is kept, as '-' */
			int nb = 0;
			for (int k = it.start_index; k < it.end_index;) {
				if (k + 2 <= it.end_index && is_shy(text + k, 2)) {
					if (k + 2 == break_at)
						utf8[nbytes + nb++] = '-';
					k += 2;
				} else if (k + 2 <= it.end_index && (unsigned char)text[k] == 0xCD &&
					   (unsigned char)text[k + 1] == 0x8F) {
					k += 2; /* U+034F: a break the layout withdrew (pdf_layout.c) */
				} else if (k + 2 <= it.end_index && is_nbsp(text + k)) {
					/* read as a space: fonts draw both with one glyph */
					utf8[nbytes + nb++] = ' ';
					k += 2;
				} else {
					utf8[nbytes + nb++] = text[k++];
				}
			}
			/* a word pango broke where no soft hyphen was (a narrow
			 * table column): its hyphen is a glyph without text */
			int last = (run->item->analysis.level & 1) ? it.end_glyph + 1 : it.end_glyph - 1;
			if (ng >= 2 && it.end_index == break_at && !(run->item->analysis.level & 1) &&
			    (nb == 0 || utf8[nbytes + nb - 1] != '-') &&
			    is_hyphen_glyph(run->item->analysis.font, gs->glyphs[last].glyph))
				utf8[nbytes + nb++] = '-';
			nbytes += nb;
			*nglyphs += ng;
			/* a word broken at a soft hyphen: the hyphen pango added is
			 * the cluster's last glyph; as a cluster of its own it maps
			 * to "-", and the letters before it keep a plain mapping
			 * (a ligature "fi" too, which in a cluster of two glyphs
			 * cairo would map to U+FB01 from then on) */
			int split = ng >= 2 && !(run->item->analysis.level & 1) && nb >= 2 && utf8[nbytes - 1] == '-' &&
				    it.end_index == break_at;
			cl[*ncl].num_bytes = split ? nb - 1 : nb;
			cl[*ncl].num_glyphs = split ? ng - 1 : ng;
			(*ncl)++;
			if (split) {
				cl[*ncl].num_bytes = 1;
				cl[*ncl].num_glyphs = 1;
				(*ncl)++;
			}
		} while (pango_glyph_item_iter_next_cluster(&it));
	}
	utf8[nbytes] = 0;
	return nbytes;
}

/* The run's glyphs placed from (x, y) as cairo draws them, the empty ones
 * left out; their number in *count. g_free the result. */
static cairo_glyph_t *place_glyphs(PangoGlyphItem *run, const char *text, double x, double y, int *count)
{
	PangoGlyphString *gs = run->glyphs;
	PangoGlyph space = space_glyph(run->item->analysis.font);
	cairo_glyph_t *glyphs = g_new(cairo_glyph_t, gs->num_glyphs);
	int n = 0, pos = 0;
	for (int i = 0; i < gs->num_glyphs; i++) {
		const PangoGlyphInfo *gi = &gs->glyphs[i];
		PangoGlyph g = glyph_at(run, text, i, space);
		if (g != PANGO_GLYPH_EMPTY) {
			glyphs[n].index = g;
			glyphs[n].x = x + (pos + gi->geometry.x_offset) / (double)PANGO_SCALE;
			glyphs[n].y = y + gi->geometry.y_offset / (double)PANGO_SCALE;
			n++;
		}
		pos += gi->geometry.width;
	}
	*count = n;
	return glyphs;
}

void pdf_show_glyph_item(cairo_t *cr, const char *text, int break_at, PangoGlyphItem *run, double x, double y)
{
	PangoItem *item = run->item;
	PangoGlyphString *gs = run->glyphs;
	if (gs->num_glyphs <= 0)
		return;
	PangoGlyph space = space_glyph(item->analysis.font);
	int count;
	cairo_glyph_t *glyphs = place_glyphs(run, text, x, y, &count);
	cairo_text_cluster_t *cl = g_new(cairo_text_cluster_t, gs->num_glyphs + 2);
	char *utf8 = g_malloc((size_t)item->length + 2);
	int ncl, covered;
	int nbytes = run_text(text, break_at, run, space, utf8, cl, &ncl, &covered);
	cairo_set_scaled_font(cr, pango_cairo_font_get_scaled_font(PANGO_CAIRO_FONT(item->analysis.font)));
	if (covered == count && nbytes > 0)
		cairo_show_text_glyphs(cr, utf8, nbytes, glyphs, count, cl, ncl,
				       (item->analysis.level & 1) ? CAIRO_TEXT_CLUSTER_FLAG_BACKWARD
								  : (cairo_text_cluster_flags_t)0);
	else
		cairo_show_glyphs(cr, glyphs, count);
	g_free(utf8);
	g_free(cl);
	g_free(glyphs);
}

void pdf_show_glyph_item_as(cairo_t *cr, const char *text, PangoGlyphItem *run, double x, double y,
			    const char *actual)
{
	if (run->glyphs->num_glyphs <= 0)
		return;
	int count;
	cairo_glyph_t *glyphs = place_glyphs(run, text, x, y, &count);
	cairo_set_scaled_font(cr, pango_cairo_font_get_scaled_font(PANGO_CAIRO_FONT(run->item->analysis.font)));
	if (count) {
		cairo_text_cluster_t cl = { (int)strlen(actual), count };
		cairo_show_text_glyphs(cr, actual, cl.num_bytes, glyphs, count, &cl, 1, (cairo_text_cluster_flags_t)0);
	}
	g_free(glyphs);
}

char *pdf_line_text(PangoLayoutLine *line)
{
	const char *text = pango_layout_get_text(line->layout);
	GString *out = g_string_new(NULL);
	for (GSList *l = line->runs; l; l = l->next) {
		PangoGlyphItem *run = l->data;
		cairo_text_cluster_t *cl = g_new(cairo_text_cluster_t, run->glyphs->num_glyphs + 2);
		char *utf8 = g_malloc((size_t)run->item->length + 2);
		int ncl, ng;
		run_text(text, line->start_index + line->length, run, space_glyph(run->item->analysis.font), utf8, cl,
			 &ncl, &ng);
		g_string_append(out, utf8);
		g_free(utf8);
		g_free(cl);
	}
	return g_string_free(out, FALSE);
}

void pdf_show_line(cairo_t *cr, PangoLayoutLine *line, double x, double y)
{
	const char *text = pango_layout_get_text(line->layout);
	PangoRectangle overall;
	int have_overall = 0;
	int x_off = 0;
	for (GSList *l = line->runs; l; l = l->next) {
		PangoGlyphItem *run = l->data;
		int width = pango_glyph_string_get_width(run->glyphs);
		x_off += run->start_x_offset;
		double rx = x + x_off / (double)PANGO_SCALE, ry = y - run->y_offset / (double)PANGO_SCALE;
		cairo_save(cr);
		const PangoAttrColor *bg = (const PangoAttrColor *)run_attr(run->item, PANGO_ATTR_BACKGROUND);
		if (bg) {
			if (!have_overall) {
				pango_layout_line_get_extents(line, NULL, &overall);
				have_overall = 1;
			}
			cairo_set_source_rgb(cr, bg->color.red / 65535., bg->color.green / 65535., bg->color.blue / 65535.);
			cairo_rectangle(cr, rx, y + overall.y / (double)PANGO_SCALE, width / (double)PANGO_SCALE,
					overall.height / (double)PANGO_SCALE);
			cairo_fill(cr);
			cairo_restore(cr);
			cairo_save(cr);
		}
		const PangoAttrColor *fg = (const PangoAttrColor *)run_attr(run->item, PANGO_ATTR_FOREGROUND);
		if (fg)
			cairo_set_source_rgb(cr, fg->color.red / 65535., fg->color.green / 65535., fg->color.blue / 65535.);
		pdf_show_glyph_item(cr, text, line->start_index + line->length, run, rx, ry);
		cairo_restore(cr);
		x_off += width + run->end_x_offset;
	}
}

void pdf_show_layout(cairo_t *cr, PangoLayout *ly, double x, double y)
{
	PangoLayoutIter *it = pango_layout_get_iter(ly);
	do {
		PangoRectangle log;
		pango_layout_iter_get_line_extents(it, NULL, &log);
		double base = pango_layout_iter_get_baseline(it) / (double)PANGO_SCALE;
		pdf_show_line(cr, pango_layout_iter_get_line_readonly(it), x + log.x / (double)PANGO_SCALE, y + base);
	} while (pango_layout_iter_next_line(it));
	pango_layout_iter_free(it);
}
