/* pdf_ua.h: the accessible-PDF finishing pass (PDF/UA-1).
 *
 * cairo 1.16 writes the structure tree, links and page labels, but no
 * document language, no /Lang on a passage, no /Alt, no attributes, no XMP metadata and no
 * artifacts. The typesetter draws page furniture inside marker elements
 * (PDF_UA_ARTIFACT_TAG) and records, in structure order, the attributes cairo cannot
 * write; this pass reads cairo's file with libqpdf (C API, object handles),
 * turns those elements into real artifacts (/Artifact BMC ... EMC, out of
 * the tree), adds what is missing and writes the final file, with a
 * deterministic /ID so two runs give the same bytes. */
#ifndef PDF_UA_H
#define PDF_UA_H

#include <stddef.h>

/* The structure type that marks page furniture in cairo's output. cairo
 * 1.16 accepts only standard structure types (no "Artifact"); "Private"
 * ("elements private to the producer") is one, and the typesetter uses it
 * for nothing else. This pass takes these elements out of the tree and
 * makes their marked content /Artifact. */
#define PDF_UA_ARTIFACT_TAG "Private"

typedef struct {
	const char *title;       /* as in the info dictionary: dc:title, DisplayDocTitle */
	const char *subject;     /* dc:description (optional) */
	const char *keywords;    /* pdf:Keywords (optional) */
	const char *const *authors; /* dc:creator, NULL-terminated */
	const char *creator_tool;
	const char *date;        /* "YYYY-MM-DDThh:mm:ssZ": xmp:CreateDate, ModifyDate */
	const char *lang;        /* "nl-NL": /Lang of the catalogue, dc:language */
	/* attributes in structure order (depth-first, as the elements were opened) */
	int nalts;
	char **alts;             /* /Alt of the n-th Figure */
	int nscopes;
	int *scopes;             /* /Scope of the n-th TH: 1 Column, 2 Row */
	int nspans;
	char **span_langs;       /* /Lang of the n-th Span: a passage in another language (NULL: none) */
	/* the description (/Contents) of each link annotation, by destination */
	int nlinks;
	char **link_dests, **link_texts;
} pdf_ua_info;

/* Finishes the PDF that cairo wrote to memory (pdf, len) and writes it to
 * path. Returns 0, or -1 with a message in msg. */
int pdf_ua_finish(const char *pdf, size_t len, const pdf_ua_info *info, const char *path, char *msg, size_t msglen);

#endif
