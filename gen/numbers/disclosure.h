/* disclosure.h: the disclosure policy of the report, decided once, in the
 * numbers layer (README, "Openbaarmaking: kleine aantallen").
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

/* Marks every item of every question of st (st->min_gemeenten and
 * st->min_respondenten must be set). */
void disclosure_apply(stats *st);

/* "geen_antwoorden", "te_weinig", "herleidbaar", "" (cijfers.csv column). */
const char *disclosure_reason_id(int reason);
/* Short Dutch reason for a chart row or table cell: "geen antwoorden",
 * "te weinig gemeenten (n=4)", "niet vermeld: anders te herleiden".
 * malloc'd. */
char *disclosure_reason_text(int reason, enum unit u, double n);

#endif
