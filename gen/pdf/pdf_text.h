/* pdf_text.h: drawing a laid-out line into the PDF with a clean text layer
 * (see pdf_text.c). */
#ifndef PDF_TEXT_H
#define PDF_TEXT_H

#include <cairo.h>
#include <pango/pango.h>

/* Draws line with its baseline starting at (x, y), in cr's current source
 * colour unless the text has its own. */
void pdf_show_line(cairo_t *cr, PangoLayoutLine *line, double x, double y);

/* Every line of ly, its top left at (x, y), as pango_cairo_show_layout. */
void pdf_show_layout(cairo_t *cr, PangoLayout *ly, double x, double y);

/* One glyph item (a run, or a piece of one) of a line whose layout text is
 * text, its origin at (x, y), in cr's current source; break_at: the byte
 * offset where the line ends (a soft hyphen there reads "-"). */
void pdf_show_glyph_item(cairo_t *cr, const char *text, int break_at, PangoGlyphItem *run, double x, double y);

/* A piece of a line drawn as pdf_show_glyph_item draws it, but with all
 * its glyphs as one cluster that reads `actual` (which may be empty):
 * cairo writes it as an /ActualText. */
void pdf_show_glyph_item_as(cairo_t *cr, const char *text, PangoGlyphItem *run, double x, double y,
			    const char *actual);

/* The text line puts into the text layer, runs in visual order (g_free). */
char *pdf_line_text(PangoLayoutLine *line);

#endif
