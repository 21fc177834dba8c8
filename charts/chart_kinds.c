/* chart_kinds.c: the table of chart kinds (see chart_internal.h): each
 * kind's column count, check, layout and text alternative in one row, so
 * the model, the layout and the alt text dispatch through it instead of a
 * switch each. */
#include "chart_internal.h"

#include <stddef.h>

static const chart_kind_def kinds[] = {
	{ CHART_STACKED, 0, chart_validate_stacked, chart_layout_stacked, chart_alt_stacked },
	{ CHART_RANKING, 1, NULL, chart_layout_ranking, chart_alt_ranking },
	{ CHART_TOPBOTTOM, 2, NULL, chart_layout_topbottom, chart_alt_topbottom },
};

const chart_kind_def *chart_kind_get(chart_kind k)
{
	for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
		if (kinds[i].kind == k)
			return &kinds[i];
	return NULL;
}
