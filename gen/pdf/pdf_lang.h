/* pdf_lang.h: passages in another language in the typeset PDF.
 *
 * The layout marks the text of a passage (DOC_LANG) with a pango attribute
 * of a type of our own that carries its language tag. Pango leaves
 * attribute types it does not know out of its work (shaping, line breaks
 * and drawing are what they were without it: tests/unit/test_pdf.c
 * compares the glyphs), but keeps the attribute in the layout's list. The
 * draw pass (doc_pdf.c) reads from each line where its passages are, draws
 * their glyphs into a Span of their own (with pdf_text.c, which keeps soft
 * hyphens out of the text layer), and pdf_ua.c gives that Span its /Lang. */
#ifndef PDF_LANG_H
#define PDF_LANG_H

#include <pango/pangocairo.h>
#include "doc.h"

/* A passage on a line: byte range in the text of the line's layout. */
typedef struct {
	int start, end;
	const char *lang; /* BCP 47 tag; valid as long as the layout */
} pdf_lang_range;

/* A new attribute marking a passage in language lang (copied). Its range
 * is set by the caller, as for any pango attribute. */
PangoAttribute *pdf_attr_lang_new(const char *lang);

/* Marks the passages among the inlines of n in a text that holds n's plain
 * text (doc_plain_text) from byte `at` on: for a heading, which the layout
 * sets from its plain text. */
void pdf_lang_mark_plain(PangoAttrList *attrs, const doc_node *n, int at);

/* The passages on line, clipped to it, in text order; adjacent pieces of
 * the same language are one. Fills up to max ranges (out may be NULL) and
 * returns how many there are. */
int pdf_line_langs(PangoLayoutLine *line, pdf_lang_range *out, int max);

/* Draws line with the left end of its baseline at x, y, as
 * pango_cairo_show_layout_line does (the same glyphs at the same
 * positions, with the runs' colours, backgrounds and baseline shifts),
 * but piece by piece: every run is split where a passage begins or ends.
 * Before the first piece, and whenever the language changes, it calls
 * begin(ud, lang) (lang NULL: outside a passage); after the last piece of
 * that language end(ud, lang, line_end), line_end 1 at the end of the
 * line. A line with right-to-left text is drawn whole, as one piece
 * outside a passage. */
void pdf_lang_show_line(cairo_t *cr, PangoLayoutLine *line, double x, double y,
			void (*begin)(void *ud, const char *lang),
			void (*end)(void *ud, const char *lang, int line_end), void *ud);

/* A link on a line: the bytes of the layout's text it covers. */
typedef struct {
	int start, end;
} pdf_link_range;

/* pdf_lang_show_line, with the line also split where one of the links
 * (nlinks of them, not overlapping) begins or ends: a piece is in at most
 * one passage and at most one link. begin(ud, lang, link) and end(ud,
 * lang, link, line_end) are called whenever either changes; link is the
 * index in links, or -1 outside every link. The glyphs of link k read
 * actual[k] in the text layer if actual and actual[k] are not NULL (see
 * pdf_show_glyph_item_as). A line with right-to-left text is drawn whole,
 * as one piece outside passages and links. */
void pdf_show_line_pieces(cairo_t *cr, PangoLayoutLine *line, double x, double y, const pdf_link_range *links,
			  int nlinks, const char *const *actual, void (*begin)(void *ud, const char *lang, int link),
			  void (*end)(void *ud, const char *lang, int link, int line_end), void *ud);

#endif
