/* chart_file.c: writes a chart to an SVG or PNG file, the forms the HTML
 * site offers. Both refuse an invalid chart (validation is the only gate
 * between aggregated data and a published figure) and report the library's
 * own status on failure.
 *
 * The SVG is our own (chart_svg.c). The PNG is a download only, so it is
 * encoded here with libpng as an 8-bit palette image, rows unfiltered
 * (PNG's advice for indexed images; measured smaller than UP or SUB here)
 * at zlib level 6. Measured on the national edition at 2x (callgrind,
 * 13 charts, chart_write_png inclusive): level 1 writes 275 KB in 380 M
 * instructions, level 6 217 KB in 546 M, level 9 210 KB in 1.8 G. Level 6
 * is the knee; with pixels mapped once per run of equal colour it takes
 * 520 M, less than the former 3x images at level 1 (512 KB, 669 M).
 * cairo's own writer (default level, adaptive filters, RGB) made PNG
 * encoding almost half of a generator run. libpng writes no timestamp, so
 * the bytes depend on the chart only. */
#include "terms.h"
#include "chart_internal.h"
#include "util.h"

#include <errno.h>
#include <math.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <png.h>

static int set_msg(char *msg, size_t msglen, const char *what, const char *path, const char *why)
{
	if (msg && msglen)
		snprintf(msg, msglen, "%s: %s: %s", path, what, why);
	return -1;
}

/* Validates and lays out; on failure msg names the chart and the item. */
static chart_layout *checked_layout(const chart *c, double width_pt, char *msg, size_t msglen)
{
	if (chart_validate(c, msg, msglen) != 0)
		return NULL;
	if (!(width_pt > 0) || !isfinite(width_pt)) {
		if (msg && msglen)
			snprintf(msg, msglen, "chart %s: width %g is not a positive number of points",
			         c->id, width_pt);
		return NULL;
	}
	chart_layout *l = chart_layout_new(c, width_pt);
	if (!l && msg && msglen)
		snprintf(msg, msglen, "chart %s: cannot lay out", c->id);
	return l;
}

int chart_write_svg_form(const chart *c, double width_pt, chart_form form, const char *path,
                         char *msg, size_t msglen)
{
	chart_layout *l = NULL;
	if (form == CHART_WIDE)
		l = checked_layout(c, width_pt, msg, msglen);
	else if (chart_validate(c, msg, msglen) == 0 &&
	         !(l = chart_layout_new_form(c, width_pt, form)) && msg && msglen)
		snprintf(msg, msglen, "chart %s: cannot lay out at width %g", c->id, width_pt);
	if (!l)
		return -1;
	char *text = chart_layout_svg(l, c, NULL);
	chart_layout_free(l);
	int rc = write_file(path, text, strlen(text));
	int er = errno;
	free(text);
	if (rc != 0)
		return set_msg(msg, msglen, "cannot write", path, strerror(er));
	return 0;
}

int chart_write_svg(const chart *c, double width_pt, const char *path, char *msg, size_t msglen)
{
	return chart_write_svg_form(c, width_pt, CHART_WIDE, path, msg, msglen);
}

static void png_collect(png_structp png, png_bytep data, png_size_t length)
{
	sb_addn(png_get_io_ptr(png), (const char *)data, length);
}

static void png_flush_nothing(png_structp png)
{
	(void)png;
}

/* ---- palette ----
 * A chart is a few flat colours plus the anti-aliased edges between them:
 * text on its background, bars on white. The palette holds those colours
 * and, for each pair that meets, BLEND_STEPS-1 blends between them; every
 * pixel is mapped to its nearest entry. An 8-bit indexed PNG is a third of
 * the raw data of RGB and compresses far better, which keeps the download
 * small and its encoding quick. */
#define MAX_PAL 256
#define BLEND_STEPS 8

typedef struct {
	unsigned char rgb[MAX_PAL][3];
	int n;
} palette;

static unsigned char to8(double v)
{
	return (unsigned char)lround(v < 0 ? 0 : v > 1 ? 255 : v * 255);
}

static int pal_add(palette *p, const unsigned char c[3])
{
	for (int i = 0; i < p->n; i++)
		if (memcmp(p->rgb[i], c, 3) == 0)
			return 0;
	if (p->n == MAX_PAL)
		return -1;
	memcpy(p->rgb[p->n++], c, 3);
	return 0;
}

static int pal_add_pair(palette *p, const double a[3], const double b[3])
{
	unsigned char c[3];
	for (int s = 0; s <= BLEND_STEPS; s++) {
		for (int k = 0; k < 3; k++)
			c[k] = to8(a[k] + (b[k] - a[k]) * s / BLEND_STEPS);
		if (pal_add(p, c))
			return -1;
	}
	return 0;
}

/* The palette of a layout; -1 when it would not fit in 256 entries. */
static int layout_palette(const chart_layout *l, palette *p)
{
	static const double white[3] = { 1, 1, 1 };
	p->n = 0;
	const unsigned char w8[3] = { 255, 255, 255 };
	pal_add(p, w8);
	for (size_t i = 0; i < l->nrects; i++)
		if (pal_add_pair(p, l->rects[i].rgb, white))
			return -1;
	for (size_t i = 0; i < l->nboxes; i++)
		if (pal_add_pair(p, l->boxes[i].fg, l->boxes[i].bg))
			return -1;
	return 0;
}

/* Nearest palette entry per distinct colour, cached in an open-addressing
 * table (a chart has about a thousand distinct colours). */
#define CACHE_SIZE 16384
typedef struct {
	uint32_t key[CACHE_SIZE]; /* colour + 1; 0 = empty */
	unsigned char idx[CACHE_SIZE];
	int used;
} pal_cache;

static int nearest(const palette *p, uint32_t rgb)
{
	int r = (int)(rgb >> 16 & 0xff), g = (int)(rgb >> 8 & 0xff), b = (int)(rgb & 0xff);
	int best = 0;
	long bestd = -1;
	for (int i = 0; i < p->n; i++) {
		long dr = r - p->rgb[i][0], dg = g - p->rgb[i][1], db = b - p->rgb[i][2];
		long d = 3 * dr * dr + 4 * dg * dg + 2 * db * db;
		if (bestd < 0 || d < bestd) {
			bestd = d;
			best = i;
		}
	}
	return best;
}

/* -1 when the cache is full (then the caller writes RGB). */
static int lookup(pal_cache *c, const palette *p, uint32_t rgb)
{
	uint32_t key = (rgb & 0xffffff) + 1;
	uint32_t h = (key * 2654435761u) & (CACHE_SIZE - 1);
	while (c->key[h] && c->key[h] != key)
		h = (h + 1) & (CACHE_SIZE - 1);
	if (!c->key[h]) {
		if (c->used >= CACHE_SIZE / 2)
			return -1;
		c->key[h] = key;
		c->idx[h] = (unsigned char)nearest(p, rgb);
		c->used++;
	}
	return c->idx[h];
}

/* Encodes an opaque ARGB32 image as an 8-bit PNG into out: indexed with
 * pal when given, else RGB. Returns 0, 1 when the palette cannot hold the
 * image (nothing written; retry without), or -1 with libpng's message in
 * why. */
static int encode_png(cairo_surface_t *s, const palette *pal, const char *title, const char *source, strbuf *out,
                      char *why, size_t whylen)
{
	cairo_surface_flush(s);
	int w = cairo_image_surface_get_width(s), h = cairo_image_surface_get_height(s);
	int stride = cairo_image_surface_get_stride(s);
	const unsigned char *data = cairo_image_surface_get_data(s);
	/* Map every pixel first, so a palette that cannot hold the image is
	 * known before anything is written. */
	unsigned char *idx = NULL;
	if (pal) {
		pal_cache *cache = xcalloc(1, sizeof *cache);
		idx = xmalloc((size_t)w * (size_t)h);
		for (int y = 0; y < h && idx; y++) {
			const uint32_t *px = (const uint32_t *)(const void *)(data + (size_t)y * (size_t)stride);
			/* most pixels repeat their left neighbour (flat fills) */
			uint32_t prev = 0;
			int pi = -1;
			for (int x = 0; x < w; x++) {
				int i = pi >= 0 && px[x] == prev ? pi : lookup(cache, pal, px[x]);
				if (i < 0) {
					free(idx);
					idx = NULL;
					break;
				}
				prev = px[x];
				pi = i;
				idx[(size_t)y * (size_t)w + (size_t)x] = (unsigned char)i;
			}
		}
		free(cache);
		if (!idx)
			return 1;
	}
	png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, NULL, NULL, NULL);
	png_infop info = png ? png_create_info_struct(png) : NULL;
	unsigned char *volatile row = NULL;
	if (!png || !info) {
		png_destroy_write_struct(&png, NULL);
		free(idx);
		snprintf(why, whylen, "out of memory in libpng");
		return -1;
	}
	if (setjmp(png_jmpbuf(png))) {
		free(row);
		free(idx);
		png_destroy_write_struct(&png, &info);
		snprintf(why, whylen, "libpng could not encode the image");
		return -1;
	}
	png_set_write_fn(png, out, png_collect, png_flush_nothing);
	png_set_IHDR(png, info, (png_uint_32)w, (png_uint_32)h, 8,
	             pal ? PNG_COLOR_TYPE_PALETTE : PNG_COLOR_TYPE_RGB, PNG_INTERLACE_NONE,
	             PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
	if (pal) {
		png_color entries[MAX_PAL];
		for (int i = 0; i < pal->n; i++) {
			entries[i].red = pal->rgb[i][0];
			entries[i].green = pal->rgb[i][1];
			entries[i].blue = pal->rgb[i][2];
		}
		png_set_PLTE(png, info, entries, pal->n);
	}
	png_set_compression_level(png, 6);
	/* Indexed rows are compressed as they are (PNG's advice for palette
	 * images); RGB rows with UP. */
	png_set_filter(png, PNG_FILTER_TYPE_BASE, pal ? PNG_FILTER_NONE : PNG_FILTER_UP);
	/* what the image shows, for viewers' info panels: UTF-8 (iTXt),
	 * uncompressed, the registered keywords Title and Source */
	png_text meta[2];
	int nmeta = 0;
	memset(meta, 0, sizeof meta);
	const char *values[2] = { title, source };
	static char *const keys[2] = { "Title", "Source" };
	for (int k = 0; k < 2; k++) {
		if (!values[k] || !*values[k])
			continue;
		meta[nmeta].compression = PNG_ITXT_COMPRESSION_NONE;
		meta[nmeta].key = keys[k];
		meta[nmeta].text = (char *)values[k];
		meta[nmeta].lang = (char *)report_lang();
		nmeta++;
	}
	if (nmeta)
		png_set_text(png, info, meta, nmeta);
	png_write_info(png, info);
	if (pal) {
		for (int y = 0; y < h; y++)
			png_write_row(png, idx + (size_t)y * (size_t)w);
	} else {
		row = xmalloc((size_t)w * 3 + 1);
		for (int y = 0; y < h; y++) {
			const uint32_t *px = (const uint32_t *)(const void *)(data + (size_t)y * (size_t)stride);
			unsigned char *q = row;
			for (int x = 0; x < w; x++) {
				/* Opaque (drawn on white), so no un-premultiplying. */
				*q++ = (unsigned char)(px[x] >> 16);
				*q++ = (unsigned char)(px[x] >> 8);
				*q++ = (unsigned char)px[x];
			}
			png_write_row(png, row);
		}
	}
	png_write_end(png, NULL);
	free(row);
	row = NULL;
	free(idx);
	png_destroy_write_struct(&png, &info);
	return 0;
}

/* ---- the download ----
 * A PNG is taken away from the page: into a slide, a mail, a newsletter.
 * The download has a white margin (on the page the column gives one), and
 * says what it shows in its metadata: Title (figure number and caption
 * with n) and Source as iTXt chunks, which image viewers show in their
 * info panel. Drawing them as text too would add a third to each file. */

/* The PNG of chart c from its layout l (not freed here). */
static int write_png_layout(const chart *c, const chart_layout *l, double scale, int framed, const char *path,
                            char *msg, size_t msglen)
{
	if (!(scale > 0) || !isfinite(scale))
		return set_msg(msg, msglen, "cannot write PNG", path, "scale is not a positive number");
	cairo_surface_t *s = framed ? chart_layout_render_image_margin(l, scale, CHART_DOWNLOAD_MARGIN_PT) : chart_layout_render_image(l, scale, 0, 0);
	cairo_status_t st = cairo_surface_status(s);
	palette pal;
	int have_pal = layout_palette(l, &pal) == 0;
	if (st != CAIRO_STATUS_SUCCESS) {
		cairo_surface_destroy(s);
		return set_msg(msg, msglen, "cannot write PNG", path, cairo_status_to_string(st));
	}
	strbuf png;
	sb_init(&png);
	char why[128];
	char *title = NULL;
	if (framed)
		title = c->number && *c->number
			? TF("grafiek.titel", c->number,
			     c->caption && *c->caption ? c->caption : c->title ? c->title : "")
			: xstrdup(c->caption && *c->caption ? c->caption : c->title ? c->title : "");
	const char *source = framed ? c->source : NULL;
	int rc = encode_png(s, have_pal ? &pal : NULL, title, source, &png, why, sizeof why);
	if (rc == 1) {
		sb_free(&png);
		sb_init(&png);
		rc = encode_png(s, NULL, title, source, &png, why, sizeof why);
	}
	free(title);
	cairo_surface_destroy(s);
	if (rc == 0 && write_file(path, png.s ? png.s : "", png.len) != 0) {
		rc = -1;
		snprintf(why, sizeof why, "%s", strerror(errno));
		sb_free(&png);
		return set_msg(msg, msglen, "cannot write", path, why);
	}
	sb_free(&png);
	if (rc != 0)
		return set_msg(msg, msglen, "cannot write PNG", path, why);
	return 0;
}

static int write_png(const chart *c, double width_pt, double scale, int framed, const char *path, char *msg,
                     size_t msglen)
{
	if (!(scale > 0) || !isfinite(scale))
		return set_msg(msg, msglen, "cannot write PNG", path, "scale is not a positive number");
	chart_layout *l = checked_layout(c, width_pt, msg, msglen);
	if (!l)
		return -1;
	int rc = write_png_layout(c, l, scale, framed, path, msg, msglen);
	chart_layout_free(l);
	return rc;
}

int chart_write_png_download_layout(const chart *c, const chart_layout *l, double scale, const char *path,
                                    char *msg, size_t msglen)
{
	if (chart_validate(c, msg, msglen) != 0)
		return -1;
	return write_png_layout(c, l, scale, 1, path, msg, msglen);
}

int chart_write_png(const chart *c, double width_pt, double scale, const char *path, char *msg, size_t msglen)
{
	return write_png(c, width_pt, scale, 0, path, msg, msglen);
}

int chart_write_png_download(const chart *c, double width_pt, double scale, const char *path, char *msg,
                             size_t msglen)
{
	return write_png(c, width_pt, scale, 1, path, msg, msglen);
}
