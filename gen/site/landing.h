/* landing.h: the landing page of the site (out/index.html): one entry per
 * published edition with its downloads, and where readers of an area
 * without an edition of its own should go. */
#ifndef LANDING_H
#define LANDING_H

#include "doc.h"
#include "doc_writers.h"

#include <stddef.h>

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

#endif
