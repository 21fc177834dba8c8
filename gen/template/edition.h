/* edition.h: the editions of the report as data (templates/rapport.xml,
 * <uitgaven>): each with its slug, its name and its area (a set of provinces,
 * none for the whole country), and the disclosure policy (<openbaarmaking>:
 * minimum bases) that decides which editions can be produced at all. */
#ifndef EDITION_H
#define EDITION_H

#include "aggregate.h"
#include "template.h"

typedef struct {
	char *slug;        /* "oost-nederland" */
	char *name;        /* "Oost-Nederland" */
	int nprov;         /* 0: the whole country */
	char **provs;      /* as the register spells them */
	long line;         /* in rapport.xml, for messages */
	/* decided by editions_plan */
	int gemeenten;     /* responding gemeenten in the area */
	int produced;      /* made: the disclosure plan's decision (disclosure.h) */
	int covered_by;    /* not produced: index of the smallest produced edition containing it, or -1 */
} edition;

typedef struct {
	int n;
	edition *e;
	int min_gemeenten, min_respondenten;
	struct disclosure_plan *plan; /* the decision for the whole publication (editions_plan) */
	const registry *reg;          /* whose areas the editions name */
	int *unnamed, nunnamed;       /* areas of the register no edition names (when any names one) */
} edition_list;

/* Reads <uitgaven> and <openbaarmaking> of rapport.xml (defaults when absent:
 * nederland and the twelve provinces; minimum 5). Checks slugs are unique and
 * provinces are in the register; errors as "rapport.xml:line: ...". */
edition_list *editions_load(const templates *t, const survey *s, struct err *e);
void editions_free(edition_list *l);

/* Decides the publication once, for every edition (disclosure.h:
 * disclosure_plan_new): which editions are made and which cells each
 * withholds; and which larger edition covers the others. */
void editions_plan(edition_list *l, const survey *s);

/* The respondents of an edition. */
variant *edition_variant(const survey *s, const edition *ed);

/* Stats of an edition with the disclosure policy applied; national is the
 * whole country's stats for comparisons (NULL when st is the country). */
stats *edition_stats(const variant *v, const edition_list *l, const stats *national);

/* One line for stderr: "gen: edition flevoland not made: 1 gemeente in the
 * response, fewer than the minimum of 5; Flevoland is in the edition
 * Oost-Nederland (oost-nederland)". malloc'd. */
char *edition_skip_line(const edition_list *l, int i);
/* One line for stderr per edition made, after its build: what it withheld
 * and why. malloc'd. */
char *edition_summary_line(const edition_list *l, int i);

#endif
