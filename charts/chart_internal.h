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

/* The chart kinds, one row each (chart_kinds.c): what the model of a kind
 * must hold, how it is laid out and how its text alternative reads. A new
 * kind is a row there and these three functions, not a case in every
 * switch of the library. */
typedef struct {
	chart_kind kind;
	int ncols;          /* ranked columns (0: stacked categories) */
	/* checks a model of this kind beyond what every chart needs; NULL:
	 * each of its ncols columns is checked as a ranking */
	int (*validate)(const chart *c, char *msg, size_t msglen);
	void (*layout)(chart_layout *l, const chart *c);
	char *(*alt)(const chart *c);
} chart_kind_def;

/* The row of kind k, or NULL for a value that is no kind. */
const chart_kind_def *chart_kind_get(chart_kind k);

int chart_validate_stacked(const chart *c, char *msg, size_t msglen);
int chart_validate_column(const chart *c, int col, char *msg, size_t msglen);
void chart_layout_stacked(chart_layout *l, const chart *c);
void chart_layout_ranking(chart_layout *l, const chart *c);
void chart_layout_topbottom(chart_layout *l, const chart *c);
char *chart_alt_stacked(const chart *c);
char *chart_alt_ranking(const chart *c);
char *chart_alt_topbottom(const chart *c);

#define CHART_FONT_STACK "Lato, 'Helvetica Neue', Arial, sans-serif"

#endif
