/* disclosure.h: the disclosure policy of the report, decided once, in the
 * numbers layer (docs/numbers.md, "Disclosure").
 *
 * The report declares a minimum base per unit of analysis (in
 * templates/rapport.xml: gemeenten for gemeente-level questions, respondents
 * for respondent-level ones). After stats_compute, disclosure_apply marks
 * every group (total, size class) of every item that may not be printed:
 *  - no answers at all (n = 0): "geen antwoorden", never 0%;
 *  - a base below the minimum: "te weinig gemeenten (n=4)";
 *  - secondary: a size class that is published would, together with the
 *    published total and the other published classes, give away the counts
 *    of the suppressed classes by subtraction; so the smallest published
 *    class is suppressed too, until the suppressed classes together rest on
 *    at least the minimum and are more than one.
 * Every output reads the mark: cijfers.csv, charts and their tables, the
 * frequency tables, alt text, and the expressions of the running text. */
#ifndef DISCLOSURE_H
#define DISCLOSURE_H

#include "aggregate.h"
#include "terms.h"

enum sup_reason {
	SUP_NONE = 0,      /* published */
	SUP_NO_ANSWERS,    /* n = 0 */
	SUP_SMALL_BASE,    /* 0 < n < minimum */
	SUP_SECONDARY,     /* would reveal a suppressed class by subtraction */
};

#define DISCLOSURE_DEFAULT_MIN 5

/* The minimum base for a question's unit in this edition's stats. */
int disclosure_min(const stats *st, enum unit u);

/* Decides the groups of one item: sup[g] for every group, from the bases
 * n[g] and the minimum. Exposed for the unit test. */
void disclosure_decide(const double *n, int ngroups, int min, int *sup);

/* disclosure_decide on one item, then the bounds: while the withheld size
 * classes together hold nobody or everybody in a category (so that, with
 * their printed n, each is pinned), the smallest published class is
 * withheld too. */
void disclosure_decide_item(const question *q, item_stats *is, int min);

/* Marks every item of every question of st (st->min_gemeenten and
 * st->min_respondenten must be set). */
void disclosure_apply(stats *st);

/* "geen_antwoorden", "te_weinig", "herleidbaar", "" (cijfers.csv column). */
const char *disclosure_reason_id(int reason);
/* Short reason for a chart row, a term (reden.*): "geen antwoorden",
 * "niet vermeld: te weinig gemeenten" (without the base), "niet vermeld:
 * anders te herleiden". Tables print the sign instead (disclosure_sign).
 * malloc'd. */
char *disclosure_reason_text(int reason, enum unit u, double n);
/* The sign a table prints for a number that is not there, as CBS tables
 * do: "x" withheld (too small a base, or derivable), "–" no answers (n = 0).
 * The legend says what they mean (DISCLOSURE_SIGN_LEGEND). */
const char *disclosure_sign(int reason);
/* What the signs mean: the term teken.legenda. */
#define DISCLOSURE_SIGN_LEGEND T("teken.legenda")

/* ---- The decision for the whole publication (docs/numbers.md, "Disclosure") ----
 *
 * Every cell of every edition is one sum over the same unknowns: per item,
 * the counts of each (province, size class). An attacker holds every
 * published cell of every edition at once. The rule, declared in
 * templates/rapport.xml and decided here once, before any edition is built:
 *
 *  1. Size classes are published in the national edition only (its classes
 *     rest on dozens of gemeenten); an area edition prints its totals. With
 *     that, a cell "some provinces x one class" is never a linear
 *     combination of published cells unless the provinces are all of them
 *     (the national class), so the audit of 2. and 3. is over provinces.
 *  2. Editions: an edition of an area with fewer responding gemeenten (or
 *     respondents) than the minimum is not made. Then, while some union of
 *     provinces resting on 0 < n < minimum is a linear combination of the
 *     editions still made (Oost-Nederland - Overijssel - Gelderland =
 *     Flevoland), the smallest edition (fewest gemeenten, then declared
 *     order) whose absence makes that union underivable is not made either.
 *  3. Per item, the same audit on the item's own bases: an edition total on
 *     a base below the minimum is withheld, and while a small union of
 *     provinces is derivable from the published totals, the smallest
 *     published area total that stops it is withheld too (herleidbaar).
 *  4. Within the national edition, disclosure_decide (above) protects the
 *     size classes against the total.
 * The audit is exact: membership of a 0/1 vector in the span of 0/1
 * vectors over twelve coordinates, computed modulo 2^31 - 1, which exceeds
 * every minor of such a matrix (at most 13^6.5 / 2^12 < 5000), so ranks
 * modulo p and over the rationals agree. Provinces with n = 0 count as known
 * (their counts are 0). */

enum edition_withheld {
	ED_MADE = 0,
	ED_TOO_SMALL,      /* the area's base is below the minimum */
	ED_COMPLEMENT,     /* made, it would give away a small union of provinces */
};

typedef struct {
	const char *slug, *name;
	int nprov;                 /* 0: the whole country */
	const char *const *provs;  /* as the register spells them */
} disclosure_area;

typedef struct {
	const char *slug;          /* the area's, for messages */
	int withheld;              /* enum edition_withheld */
	unsigned target;           /* ED_COMPLEMENT: the provinces it would give away (bit i: the register's area i, registry.areas) */
	int target_n;              /* ... and their responding gemeenten */
	int gemeenten, respondents;
	unsigned char *total_sup;  /* per item (plan->item_off): 1 where the audit withholds the total */
	unsigned char *update_sup; /* per item x group: 1 where an update is published with the cell withheld */
	int update_cells;          /* ... how many */
	/* the summary line: cells (item x group) withheld, by reason */
	int cells, cells_small, cells_none, cells_secondary, cells_classes;
} disclosure_edition;

typedef struct disclosure_plan {
	int n;
	disclosure_edition *e;
	int nq, nitems;
	int *item_off;             /* first item of question q in total_sup */
	int min_gemeenten, min_respondenten;
	int nprov;                 /* 12 */
	unsigned *mask;            /* per edition: its provinces */
	int *area;                 /* per edition: 1 for an area, 0 for the whole country */
	struct stats **prov;       /* per province: its numbers (the coordinates) */
	const questionnaire *qn;
	const registry *reg;       /* the areas and the breakdown */
	int ngroups;               /* 1 + the breakdown's classes */
} disclosure_plan;

/* Decides the publication over the areas a[0..n) (every declared edition). */
disclosure_plan *disclosure_plan_new(const survey *s, const disclosure_area *a, int n, int min_g, int min_r);
void disclosure_plan_free(disclosure_plan *p);

/* Rule 5, updates: the previous publication of each edition to be built
 * (old[k], the path of its cijfers.csv; NULL or a missing file: none) is
 * public. A number published then and now that changed on fewer new units
 * (|n now - n then|; when only counts moved, the change in the edition's
 * respondents; none: answers were corrected, not added) than the
 * minimum gives those units' answers away by subtraction. Without
 * `withhold` such an update is refused: -1 with msg saying how many new
 * units, the minimum and the options. With it, those cells are withheld
 * now (and counted in update_cells). Returns 0 otherwise. */
int disclosure_plan_history(disclosure_plan *p, const char *const *old, int withhold, char *msg, size_t msgsz);
/* Applies the plan to edition i's stats (after disclosure_apply). */
void disclosure_plan_apply(const disclosure_plan *p, int i, stats *st);

/* The audit, exposed for the unit test: is the union `target` of
 * coordinates (bits) a linear combination of the published unions
 * pub[0..npub) and the unit vectors of `known` (coordinates known to be
 * 0)? ncoord <= 32. */
int disclosure_derivable(unsigned target, const unsigned *pub, int npub, unsigned known, int ncoord);

/* The greedy of rules 2 and 3 on one hierarchy: coordinates with bases
 * base[0..ncoord); area k covers the coordinates area[k] (0 for none) and is
 * published when pub[k]; order[] lists the areas that may be withheld, in
 * the order they are tried (the national area is never listed). Withholds
 * (pub[k] = 0) until no union with 0 < n < min is derivable; returns how
 * many it withheld, and for each the union it protected in why[k] (may be
 * NULL). */
int disclosure_protect(const double *base, int ncoord, const unsigned *area, int narea, int *pub, const int *order,
		       int norder, int min, unsigned *why);

#endif
