/* pango_setup.h: the one set-up of a pango context for the report's text,
 * shared by the PDF typesetter and the charts, so both measure text alike:
 * 72 units per inch (one unit a point), no hinting of metrics or outlines
 * (layout must not depend on the output device), and the report's language
 * (report_lang(), terms.h). What differs stays with the caller: how the context is
 * made, and the charts' unrounded glyph positions. */
#ifndef PANGO_SETUP_H
#define PANGO_SETUP_H

#include <pango/pangocairo.h>

void report_pango_setup(PangoContext *ctx);

#endif
