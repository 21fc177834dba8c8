/* doc_writers.h: the renderers of the document tree. Each walks a resolved
 * tree (doc.h) and writes one format; none computes a number. */
#ifndef DOC_WRITERS_H
#define DOC_WRITERS_H

#include "doc.h"

/* Writes <outdir>/index.html (and any further pages), <outdir>/stijl.css
 * copied from css_path, and <outdir>/figuren/<chart id>.svg and .png for every
 * DOC_FIGURE with a chart. Returns 0, or -1 with msg set. */
int doc_write_html(const doc *d, const char *outdir, const char *css_path,
		   char *msg, size_t msglen);

/* What an edition page knows of the site around it: every edition (for the
 * header's links to the others), optionally the absolute address of out/
 * (then the page gets rel=canonical and og:url; links stay relative), and
 * the edition's rapport.pdf as the site layer found it after writing it
 * (size and page count; pdf_pages 0: no PDF, no link), and the CSV files
 * the generator wrote beside the page (linked in this order). The writer
 * is told these facts; it reads no other writer's file back. */
typedef struct {
	const char *file;  /* relative to the page: "cijfers.csv" */
	const char *label; /* the link text: "Cijfers" */
} html_download;

typedef struct {
	const char *const *slugs;
	const char *const *names;
	int n;
	const char *base_url;
	long pdf_bytes;
	int pdf_pages;
	const html_download *csv;
	int ncsv;
} html_site;

/* doc_write_html with the site around the page. It links the edition's
 * rapport.pdf when site says it has pages, and the CSV files site names.
 * site may be NULL. */
int doc_write_html_site(const doc *d, const char *outdir, const char *css_path,
			const html_site *site, char *msg, size_t msglen);

/* Writes dir/favicon.svg, the site's icon (edition pages and the landing
 * page share it). Returns 0, or -1 with errno set. */
int html_write_favicon(const char *dir);

/* Typesets the tree as an A4 PDF at path. Returns 0, or -1 with msg set. */
int doc_write_pdf(const doc *d, const char *path, char *msg, size_t msglen);

/* Site width of charts, in points, and scale of the PNG download: 420 pt
 * at 2x = 840 px, twice the size the chart has in the column (as SVG), so
 * it stays sharp on a high-density screen or a slide. 3x (1260 px) made
 * the PNGs 40% of out/ for no visible gain. */
#define HTML_CHART_WIDTH_PT 420.0
#define HTML_CHART_SCALE 2.0

#endif
