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
 * header's links to the others) and, optionally, the absolute address of
 * out/ (then the page gets rel=canonical and og:url; links stay relative). */
typedef struct {
	const char *const *slugs;
	const char *const *names;
	int n;
	const char *base_url;
} html_site;

/* doc_write_html with the site around the page. It links the edition's
 * rapport.pdf (with size and page count), cijfers.csv and codeboek.csv when
 * they are already in outdir, so write those first. site may be NULL. */
int doc_write_html_site(const doc *d, const char *outdir, const char *css_path,
			const html_site *site, char *msg, size_t msglen);

/* An area without an edition of its own (too few responding gemeenten), and
 * the edition that covers it; the landing page sends its readers there. */
typedef struct {
	const char *area;      /* "Flevoland" */
	int gemeenten;         /* responding gemeenten in the area */
	const char *slug;      /* covering edition: "oost-nederland", or NULL */
	const char *name;      /* "Oost-Nederland" */
} landing_redirect;

/* Writes <outroot>/index.html, the landing page, with start.css and
 * favicon.svg: title, publisher and date from m (may be NULL), and for
 * each of the n variants whose <variant>/index.html exists in outroot a
 * link to it, to its rapport.pdf (size and page count read from the file),
 * cijfers.csv and codeboek.csv, labelled with names[i] ("Nederland",
 * "Gelderland"; the slug when names is NULL); then a sentence per area
 * without an edition of its own (red[0..nred)). Everything shown comes from
 * outroot and the arguments, so it can be rebuilt after any run.
 * Returns 0, or -1 with msg set. */
int html_write_landing_meta(const char *outroot, const char *const *variants,
			    const char *const *names, int n, const doc_meta *m,
			    const landing_redirect *red, int nred, char *msg, size_t msglen);
/* The same, writing the page into outroot while the editions it lists (and
 * their PDFs) are looked up in site: the publisher writes the page in its
 * staging directory, next to nothing, and renames it into the site. */
int html_write_landing_from(const char *outroot, const char *site, const char *const *variants,
			    const char *const *names, int n, const doc_meta *m, const landing_redirect *red, int nred,
			    char *msg, size_t msglen);
/* The same without metadata (a generic title) and without areas. */
int html_write_landing(const char *outroot, const char *const *variants,
		       const char *const *names, int n, char *msg, size_t msglen);

/* Typesets the tree as an A4 PDF at path. Returns 0, or -1 with msg set. */
int doc_write_pdf(const doc *d, const char *path, char *msg, size_t msglen);

/* Site width of charts, in points, and scale of the PNG download: 420 pt
 * at 2x = 840 px, twice the size the chart has in the column (as SVG), so
 * it stays sharp on a high-density screen or a slide. 3x (1260 px) made
 * the PNGs 40% of out/ for no visible gain. */
#define HTML_CHART_WIDTH_PT 420.0
#define HTML_CHART_SCALE 2.0

#endif
