/* pdf_lang.c: the pango attribute that marks a passage in another language
 * (see pdf_lang.h), finding the passages on a laid-out line, and drawing
 * such a line piece by piece. */
#include "pdf_lang.h"
#include "pdf_text.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

typedef struct {
	PangoAttribute attr;
	char *lang;
} lang_attr;

static PangoAttribute *lang_copy(const PangoAttribute *a)
{
	return pdf_attr_lang_new(((const lang_attr *)a)->lang);
}

static void lang_destroy(PangoAttribute *a)
{
	g_free(((lang_attr *)a)->lang);
	g_free(a);
}

static gboolean lang_equal(const PangoAttribute *a, const PangoAttribute *b)
{
	return !strcmp(((const lang_attr *)a)->lang, ((const lang_attr *)b)->lang);
}

static PangoAttrClass lang_class = { 0, lang_copy, lang_destroy, lang_equal };

/* Registered once per process; the type is pango's to number. */
static PangoAttrType lang_type(void)
{
	static gsize once = 0;
	if (g_once_init_enter(&once)) {
		lang_class.type = pango_attr_type_register("rapport-taal");
		g_once_init_leave(&once, 1);
	}
	return lang_class.type;
}

PangoAttribute *pdf_attr_lang_new(const char *lang)
{
	lang_type();
	lang_attr *a = g_new0(lang_attr, 1);
	pango_attribute_init(&a->attr, &lang_class);
	a->lang = g_strdup(lang ? lang : "");
	return &a->attr;
}

/* Walks the inlines as doc_plain_text counts them (doc.c: plain). */
static int mark_plain(PangoAttrList *attrs, const doc_node *n, int at)
{
	for (const doc_node *c = n->first; c; c = c->next) {
		switch (c->type) {
		case DOC_TEXT:
		case DOC_VALUE:
		case DOC_XREF:
			at += c->text ? (int)strlen(c->text) : 0;
			break;
		case DOC_LINEBREAK:
			at++;
			break;
		case DOC_FOOTNOTE:
			break;
		default: {
			int s = at;
			at = mark_plain(attrs, c, at);
			if (c->type == DOC_LANG && at > s) {
				PangoAttribute *a = pdf_attr_lang_new(c->lang);
				a->start_index = (guint)s;
				a->end_index = (guint)at;
				pango_attr_list_insert(attrs, a);
			}
		}
		}
	}
	return at;
}

void pdf_lang_mark_plain(PangoAttrList *attrs, const doc_node *n, int at)
{
	mark_plain(attrs, n, at);
}

int pdf_line_langs(PangoLayoutLine *line, pdf_lang_range *out, int max)
{
	if (!line || !line->layout)
		return 0;
	PangoAttrList *attrs = pango_layout_get_attributes(line->layout);
	if (!attrs)
		return 0;
	int ls = line->start_index, le = ls + line->length, n = 0;
	PangoAttrType t = lang_type();
	const char *prev_lang = NULL;
	int prev_end = -1;
	PangoAttrIterator *it = pango_attr_list_get_iterator(attrs);
	do {
		gint s, e;
		pango_attr_iterator_range(it, &s, &e);
		if (s >= le)
			break;
		const lang_attr *a = (const lang_attr *)pango_attr_iterator_get(it, t);
		if (!a || e <= ls)
			continue;
		if (s < ls)
			s = ls;
		if (e > le)
			e = le;
		if (n && s == prev_end && !strcmp(prev_lang, a->lang)) {
			if (out && n <= max)
				out[n - 1].end = e;
		} else {
			if (out && n < max)
				out[n] = (pdf_lang_range){ s, e, a->lang };
			n++;
		}
		prev_lang = a->lang;
		prev_end = e;
	} while (pango_attr_iterator_next(it));
	pango_attr_iterator_destroy(it);
	return n;
}

/* The first cluster of run that starts at or after byte index `at`, as a
 * byte index; the end of the run if there is none. A passage's edges fall
 * between words, so this is `at` itself; it keeps a split out of a
 * ligature all the same. */
static int cluster_at(const PangoGlyphItem *run, int at)
{
	int s = run->item->offset, best = s + run->item->length;
	for (int i = 0; i < run->glyphs->num_glyphs; i++) {
		int c = s + run->glyphs->log_clusters[i];
		if (c >= at && c < best)
			best = c;
	}
	return best;
}

/* The language at byte index at (NULL: none); *next becomes the index
 * where that changes, if before it. */
static const char *lang_at(const pdf_lang_range *r, int nr, int at, int *next)
{
	const char *lang = NULL;
	for (int i = 0; i < nr; i++) {
		if (r[i].start <= at && at < r[i].end) {
			lang = r[i].lang;
			if (r[i].end < *next)
				*next = r[i].end;
		} else if (r[i].start > at && r[i].start < *next) {
			*next = r[i].start;
		}
	}
	return lang;
}

/* The link at byte index at (-1: none); *next becomes the index where
 * that changes, if before it. */
static int link_at(const pdf_link_range *r, int nr, int at, int *next)
{
	int link = -1;
	for (int i = 0; i < nr; i++) {
		if (r[i].start <= at && at < r[i].end) {
			link = i;
			if (r[i].end < *next)
				*next = r[i].end;
		} else if (r[i].start > at && r[i].start < *next) {
			*next = r[i].start;
		}
	}
	return link;
}

static int same_lang(const char *a, const char *b)
{
	return a == b || (a && b && !strcmp(a, b));
}

static void set_rgb(cairo_t *cr, const PangoColor *c)
{
	cairo_set_source_rgb(cr, c->red / 65535.0, c->green / 65535.0, c->blue / 65535.0);
}

/* What pango_renderer_draw_layout_line does per run (pango 1.50): the
 * run's start and end offsets, its baseline shift (y_offset), the
 * background over the line's logical height, the glyphs in the run's
 * foreground colour or, without one, in the current source. Underline,
 * strikethrough and shape attributes are not used by the typesetter. */
void pdf_show_line_pieces(cairo_t *cr, PangoLayoutLine *line, double x, double y, const pdf_link_range *links,
			  int nlinks, const char *const *actual, void (*begin)(void *ud, const char *lang, int link),
			  void (*end)(void *ud, const char *lang, int link, int line_end), void *ud)
{
	for (GSList *l = line->runs; l; l = l->next)
		if (((const PangoGlyphItem *)l->data)->item->analysis.level & 1) {
			begin(ud, NULL, -1);
			pdf_show_line(cr, line, x, y);
			end(ud, NULL, -1, 1);
			return;
		}
	int nr = pdf_line_langs(line, NULL, 0);
	pdf_lang_range *r = xcalloc((size_t)(nr ? nr : 1), sizeof *r);
	pdf_line_langs(line, r, nr);
	const char *text = pango_layout_get_text(line->layout);
	/* the origin as pango_cairo_show_layout_line takes it */
	double bx, by;
	cairo_move_to(cr, x, y);
	cairo_get_current_point(cr, &bx, &by);
	int x_off = 0, open = 0, cur_link = -1;
	const char *cur = NULL;
	for (GSList *l = line->runs; l; l = l->next) {
		PangoGlyphItem *run = l->data;
		const PangoColor *fg = NULL, *bg = NULL;
		for (GSList *a = run->item->analysis.extra_attrs; a; a = a->next) {
			const PangoAttribute *at = a->data;
			if (at->klass->type == PANGO_ATTR_FOREGROUND)
				fg = &((const PangoAttrColor *)at)->color;
			else if (at->klass->type == PANGO_ATTR_BACKGROUND)
				bg = &((const PangoAttrColor *)at)->color;
		}
		x_off += run->start_x_offset;
		if (bg) {
			PangoRectangle ext;
			pango_layout_line_get_extents(line, NULL, &ext);
			cairo_save(cr);
			set_rgb(cr, bg);
			cairo_rectangle(cr, bx + x_off / (double)PANGO_SCALE, by + ext.y / (double)PANGO_SCALE,
					pango_glyph_string_get_width(run->glyphs) / (double)PANGO_SCALE,
					ext.height / (double)PANGO_SCALE);
			cairo_fill(cr);
			cairo_restore(cr);
		}
		PangoGlyphItem *rest = pango_glyph_item_copy(run);
		for (;;) {
			int s = rest->item->offset, e = s + rest->item->length, next = e;
			const char *lang = lang_at(r, nr, s, &next);
			int link = link_at(links, nlinks, s, &next);
			next = cluster_at(rest, next);
			PangoGlyphItem *piece = next > s && next < e ? pango_glyph_item_split(rest, text, next - s) : rest;
			if (piece->glyphs->num_glyphs) {
				if (!open || !same_lang(lang, cur) || link != cur_link) {
					if (open)
						end(ud, cur, cur_link, 0);
					begin(ud, lang, link);
					open = 1;
					cur = lang;
					cur_link = link;
				}
				if (fg) {
					cairo_save(cr);
					set_rgb(cr, fg);
				}
				/* the piece's offset in the line goes into its glyphs'
				 * offsets, in pango units, and it is drawn from the
				 * line's origin: a cairo current point is rounded to
				 * 1/256 pt, pango's offsets are added to it exactly */
				for (int g = 0; g < piece->glyphs->num_glyphs; g++) {
					piece->glyphs->glyphs[g].geometry.x_offset += x_off;
					piece->glyphs->glyphs[g].geometry.y_offset -= run->y_offset;
				}
				if (link >= 0 && actual && actual[link])
					pdf_show_glyph_item_as(cr, text, piece, x, y, actual[link]);
				else
					pdf_show_glyph_item(cr, text, line->start_index + line->length, piece, x, y);
				for (int g = 0; g < piece->glyphs->num_glyphs; g++) {
					piece->glyphs->glyphs[g].geometry.x_offset -= x_off;
					piece->glyphs->glyphs[g].geometry.y_offset += run->y_offset;
				}
				if (fg)
					cairo_restore(cr);
				x_off += pango_glyph_string_get_width(piece->glyphs);
			}
			if (piece == rest)
				break;
			pango_glyph_item_free(piece);
		}
		pango_glyph_item_free(rest);
		x_off += run->end_x_offset;
	}
	if (open)
		end(ud, cur, cur_link, 1);
	free(r);
}

/* pdf_lang_show_line's callbacks, on pdf_show_line_pieces without links. */
typedef struct {
	void (*begin)(void *ud, const char *lang);
	void (*end)(void *ud, const char *lang, int line_end);
	void *ud;
} lang_only;

static void lang_only_begin(void *ud, const char *lang, int link)
{
	const lang_only *o = ud;
	o->begin(o->ud, lang);
}

static void lang_only_end(void *ud, const char *lang, int link, int line_end)
{
	const lang_only *o = ud;
	o->end(o->ud, lang, line_end);
}

void pdf_lang_show_line(cairo_t *cr, PangoLayoutLine *line, double x, double y,
			void (*begin)(void *ud, const char *lang),
			void (*end)(void *ud, const char *lang, int line_end), void *ud)
{
	lang_only o = { begin, end, ud };
	pdf_show_line_pieces(cr, line, x, y, NULL, 0, NULL, lang_only_begin, lang_only_end, &o);
}
