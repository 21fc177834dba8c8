/* pango_setup.c: see pango_setup.h. */
#include "pango_setup.h"
#include "terms.h"
#include "text.h"

void report_pango_setup(PangoContext *ctx)
{
	pango_cairo_context_set_resolution(ctx, 72.0);
	cairo_font_options_t *fo = cairo_font_options_create();
	cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
	cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
	pango_cairo_context_set_font_options(ctx, fo);
	cairo_font_options_destroy(fo);
	pango_context_set_language(ctx, pango_language_from_string(report_lang()));
}
