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

/* Writes <outroot>/index.html, the landing page: for each of the n variants
 * a link to <variant>/index.html and <variant>/rapport.pdf, labelled with
 * names[i] ("Nederland", "Gelderland"; the slug when names is NULL).
 * Returns 0, or -1 with msg set. */
int html_write_landing(const char *outroot, const char *const *variants,
		       const char *const *names, int n, char *msg, size_t msglen);

/* An area without an edition of its own (too few responding gemeenten), and
 * the edition that covers it; the landing page sends its readers there. */
typedef struct {
	const char *area;      /* "Flevoland" */
	int gemeenten;         /* responding gemeenten in the area */
	const char *slug;      /* covering edition: "oost-nederland", or NULL */
	const char *name;      /* "Oost-Nederland" */
} landing_redirect;

/* As html_write_landing, with a sentence per area without an edition. */
int html_write_landing_areas(const char *outroot, const char *const *variants, const char *const *names, int n,
			     const landing_redirect *red, int nred, char *msg, size_t msglen);

/* Typesets the tree as an A4 PDF at path. Returns 0, or -1 with msg set. */
int doc_write_pdf(const doc *d, const char *path, char *msg, size_t msglen);

/* Site width of charts, in points, and PNG scale: 420 pt at 3x = 1260 px, so labels read at body size in a 700 px column. */
#define HTML_CHART_WIDTH_PT 420.0
#define HTML_CHART_SCALE 3.0

#endif
