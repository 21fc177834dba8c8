/* chart_internal.h: the laid-out marks of a chart (struct chart_layout),
 * shared by the layout (chart_layout.c), which fills them, and the writers
 * that replay them: cairo (chart_layout_draw) and the SVG writer
 * (chart_svg.c). Not part of the library's interface. */
#ifndef CHART_INTERNAL_H
#define CHART_INTERNAL_H

#include "chart.h"

#include <pango/pangocairo.h>

typedef struct {
	double x, y, w, h;
	double rgb[3];
} mark_rect;

struct chart_layout {
	double width, height;
	chart_form form;
	PangoContext *ctx;
	mark_rect *rects;
	size_t nrects, caprects;
	/* boxes[i] is drawn by showing layouts[i] with its top left at origin[i]. */
	chart_box *boxes;
	PangoLayout **layouts;
	double (*origin)[2];
	size_t nboxes, capboxes;
};

#define CHART_FONT_STACK "Lato, 'Helvetica Neue', Arial, sans-serif"

#endif
