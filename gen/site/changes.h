/* changes.h: what changed since the previous publication of an edition.
 *
 * Each build leaves, beside the published files, the edition's internal
 * record in the state directory (publish.h): beweringen.csv (every checked
 * statement and every wording chosen by the data, with the values the tests
 * read) and totalen.csv (respondents, gemeenten, register, response rate).
 * The next run compares its own cijfers.csv and records with the published
 * cijfers.csv and the previous records and writes, into the new edition,
 * wijzigingen.txt (for whoever regenerates) and wijzigingen.html (for the
 * site's readers), and a summary line on stderr. Listed is everything that
 * changed and nothing else: numbers whose count, base or percentage changed,
 * the totals, statements that started or stopped holding or read
 * differently, wordings chosen by the data that changed. */
#ifndef CHANGES_H
#define CHANGES_H

#include "aggregate.h"
#include "doc.h"
#include "util.h"

/* beweringen.csv: bestand,regel,soort,nr,klopt,keuze,tekst,test,waarden
 * soort "bewering" (klopt ja/nee) or "keuze" (keuze: "als K", "anders" or
 * "geen"); nr: which one of that kind on that template line. */
int claims_write_csv(const doc *d, const char *path);
/* totalen.csv: naam,waarde for respondenten, gemeenten, register, respons. */
int totals_write_csv(const stats *st, const char *path);

typedef struct {
	const char *old_site;  /* published edition (out/<slug>; may not exist) */
	const char *old_state; /* its record (<out>.state/<slug>; may not exist) */
	const char *new_site;  /* the staged edition: wijzigingen.* are written here */
	const char *new_state; /* its record, already written */
	const char *slug, *area;
	const char *data_date; /* "1 december 2026": when the responses were last changed */
	const char *shown;     /* the edition as the user knows it, for stderr: "out/gelderland" */
} change_paths;

typedef struct {
	int first; /* no previous publication */
	int totals_changed;
	int numbers_changed, numbers_added, numbers_removed;
	int claims_broken, claims_restored, claims_reworded, claims_added, claims_removed;
	int choices_changed, choices_added, choices_removed;
} change_counts;

/* Compares and writes wijzigingen.txt and wijzigingen.html into
 * cp->new_site; prints a summary to stderr when something changed.
 * Returns 0, or -1 with e set. */
int changes_write(const change_paths *cp, change_counts *cc, struct err *e);

#endif
