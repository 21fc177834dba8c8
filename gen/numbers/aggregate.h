/* aggregate.h: every number of one variant's report, computed once from the
 * respondents: counts, bases and printed percentages per question, item,
 * category and group (total and size classes), plus the response figures.
 *
 * Rules (docs/numbers.md, "How numbers are computed"):
 *  - gemeente-level questions: per item, the respondents of a gemeente whose
 *    answer is in the base share that gemeente equally (weights 1/k);
 *  - respondent-level questions count respondents;
 *  - the total uses the question's base ("weet niet" in it when shown);
 *    size classes always use the substantive base;
 *  - printed percentages of a bar are rounded by largest remainder;
 *    combined categories are summed from counts and rounded once. */
#ifndef AGGREGATE_H
#define AGGREGATE_H

#include "survey.h"

#define G_TOTAL 0                  /* group index of the total */
#define NGROUPS (SC_MAX + 1)       /* room for the total, then the breakdown's classes */
#define MAXCAT 8

typedef struct {
	double count[NGROUPS][MAXCAT]; /* weighted counts; mentions use [..][0] */
	double n[NGROUPS];             /* the base of each group */
	int pct[NGROUPS][MAXCAT];      /* printed percent; -1 where the category is outside the base */
	int sup[NGROUPS];              /* disclosure.h: SUP_NONE, or why this group is not printed
	                                  (set by disclosure_apply after stats_compute) */
	int ng;                        /* groups in use: 1 + the breakdown's classes */
} item_stats;

typedef struct {
	const question *q;
	item_stats *items;             /* q->nitems */
	int open_respondents;          /* open questions: respondents with an answer */
	int open_gemeenten;            /* ... and their gemeenten */
} question_stats;

typedef struct stats {
	const variant *v;
	int nq;
	question_stats *qs;            /* in questionnaire order */
	int respondents, gemeenten;    /* in the variant */
	int register_n;                /* gemeenten in the area's register */
	int ngroups;                   /* 1 + the breakdown's classes (registry.bd) */
	int reg_by_class[SC_MAX], gem_by_class[SC_MAX], resp_by_class[SC_MAX];
	int min_gemeenten, min_respondenten; /* disclosure policy: minimum bases (0: default) */
	const struct stats *national;  /* the whole country, for comparisons; NULL in the national edition */
	int nprov;                     /* 12 for the whole country, else the area's provinces */
	const char *prov_name[REGISTRY_MAX_AREAS];
	int reg_by_prov[REGISTRY_MAX_AREAS], gem_by_prov[REGISTRY_MAX_AREAS], resp_by_prov[REGISTRY_MAX_AREAS];
} stats;

stats *stats_compute(const variant *v);
void stats_free(stats *st);

const question_stats *stats_question(const stats *st, const char *qid);

/* Largest-remainder percentages of counts[0..k) on base n, summing to 100
 * when the counts sum to n. */
void largest_remainder(const double *counts, int k, double n, int *out);

/* Group ids as in cijfers.csv: "totaal", then the classes' ("<20k", ...) */
const char *group_id(const registry *r, int g);

/* Writes cijfers.csv: every number behind every figure and table; a
 * suppressed group (disclosure.h) has empty aantal and procent and its
 * reason in the column reden. */
int stats_write_cijfers(const stats *st, const char *path);

#endif
