/* changes.h: what changed since the previous publication. Each variant's
 * output carries beweringen.csv (every checked statement, held or not); a
 * new run compares its cijfers.csv and beweringen.csv with those already
 * in out/ and writes wijzigingen.txt, so whoever regenerates the report after
 * new responses learns which published numbers and statements changed. */
#ifndef CHANGES_H
#define CHANGES_H

#include "doc.h"
#include "util.h"

/* beweringen.csv: bestand,regel,nr,klopt,bewering (nr: which statement on that line) */
int claims_write_csv(const doc *d, const char *path);

typedef struct {
	int first;            /* no previous publication */
	int numbers_changed, numbers_added, numbers_removed;
	int claims_broken, claims_restored, claims_reworded, claims_added, claims_removed;
} change_counts;

/* Compares old_dir (the published variant; may be missing) with new_dir and
 * writes new_dir/wijzigingen.txt. Returns 0, or -1 with e set. */
int changes_write(const char *old_dir, const char *new_dir, const char *variant, change_counts *cc,
		  struct err *e);

#endif
