/* chart_color.c: every colour decision of the charts: the ordinal ramp for
 * the answer categories, the neutral grey for "weet niet", and the WCAG
 * luminance/contrast arithmetic that picks black or white text for each
 * segment label.
 *
 * The ramp is ColorBrewer "Blues" (a single hue, so deuteranopes and
 * protanopes see the same order as everyone else). Positions are
 * interpolated in linear light between its anchors, which keeps luminance
 * strictly monotone: strong answers are dark, weak ones light, and the order
 * survives printing in grey-scale. */
#include "chart.h"

#include <math.h>

/* ColorBrewer Blues, light to dark. */
static const unsigned blues[9] = {
	0xf7fbff, 0xdeebf7, 0xc6dbef, 0x9ecae1, 0x6baed6,
	0x4292c6, 0x2171b5, 0x08519c, 0x08306b,
};
/* The strongest category gets anchor 8, the weakest anchor 2: lighter ones
 * would disappear against the white page. */
#define RAMP_DARK 8.0
#define RAMP_LIGHT 2.0

/* Neutral "weet niet" is a grey: in colour it reads as "not on the scale".
 * In grey-scale only lightness tells it apart, so its luminance is put in
 * the widest gap between the ramp's luminances (measured as contrast, i.e.
 * in log(Y + 0.05)), kept within a band where it is neither near-black
 * nor near-white. */
#define GREY_MIN_Y 0.15
#define GREY_MAX_Y 0.75

static double to_linear(double v)
{
	return v <= 0.04045 ? v / 12.92 : pow((v + 0.055) / 1.055, 2.4);
}

static double to_srgb(double v)
{
	return v <= 0.0031308 ? v * 12.92 : 1.055 * pow(v, 1 / 2.4) - 0.055;
}

static void hex_rgb(unsigned hex, double rgb[3])
{
	rgb[0] = ((hex >> 16) & 0xff) / 255.0;
	rgb[1] = ((hex >> 8) & 0xff) / 255.0;
	rgb[2] = (hex & 0xff) / 255.0;
}

/* Colour at a fractional anchor position t in [0, 8]. */
static void ramp_at(double t, double rgb[3])
{
	if (t < 0)
		t = 0;
	if (t > 8)
		t = 8;
	int i = (int)floor(t);
	if (i >= 8)
		i = 7;
	double f = t - i;
	double a[3], b[3];
	hex_rgb(blues[i], a);
	hex_rgb(blues[i + 1], b);
	for (int k = 0; k < 3; k++) {
		double v = to_linear(a[k]) * (1 - f) + to_linear(b[k]) * f;
		/* Round to 8 bits so the colour drawn is the colour tested. */
		rgb[k] = round(to_srgb(v) * 255.0) / 255.0;
	}
}

static void ordinal_rgb(int pos, int nord, double rgb[3])
{
	double t = nord <= 1 ? RAMP_DARK
	                     : RAMP_DARK - (RAMP_DARK - RAMP_LIGHT) * pos / (nord - 1);
	ramp_at(t, rgb);
}

static void neutral_rgb(int nord, double rgb[3])
{
	double best_y = (GREY_MIN_Y + GREY_MAX_Y) / 2, best_d = -1;
	/* A fixed grid keeps the choice exact and repeatable. */
	for (int i = 0; i <= 120; i++) {
		double y = GREY_MIN_Y + (GREY_MAX_Y - GREY_MIN_Y) * i / 120.0;
		double d = 1e9;
		for (int p = 0; p < nord; p++) {
			double o[3];
			ordinal_rgb(p, nord, o);
			double dist = fabs(log(y + 0.05) - log(chart_relative_luminance(o) + 0.05));
			if (dist < d)
				d = dist;
		}
		if (d > best_d) {
			best_d = d;
			best_y = y;
		}
	}
	double v = round(to_srgb(best_y) * 255.0) / 255.0;
	rgb[0] = rgb[1] = rgb[2] = v;
}

void chart_category_rgb(const chart *c, int cat, double rgb[3])
{
	/* Position among the ordinal (non-neutral) categories. */
	int nord = 0, pos = 0;
	for (int k = 0; k < c->ncat; k++) {
		if (c->cats[k].neutral)
			continue;
		if (k < cat)
			pos++;
		nord++;
	}
	if (cat >= 0 && cat < c->ncat && c->cats[cat].neutral)
		neutral_rgb(nord, rgb);
	else
		ordinal_rgb(pos, nord, rgb);
}

double chart_relative_luminance(const double rgb[3])
{
	return 0.2126 * to_linear(rgb[0]) + 0.7152 * to_linear(rgb[1]) + 0.0722 * to_linear(rgb[2]);
}

double chart_contrast_ratio(const double a[3], const double b[3])
{
	double la = chart_relative_luminance(a), lb = chart_relative_luminance(b);
	double hi = la > lb ? la : lb, lo = la > lb ? lb : la;
	return (hi + 0.05) / (lo + 0.05);
}

void chart_text_rgb_on(const double bg[3], double rgb[3])
{
	static const double black[3] = { 0, 0, 0 }, white[3] = { 1, 1, 1 };
	const double *pick = chart_contrast_ratio(black, bg) >= chart_contrast_ratio(white, bg) ? black : white;
	for (int k = 0; k < 3; k++)
		rgb[k] = pick[k];
}
