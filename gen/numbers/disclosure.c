/* disclosure.c: applies the report's disclosure policy to one edition's
 * stats (see disclosure.h). The only place where "may this be printed?" is
 * decided; every writer and the expressions only read item_stats.sup. */
#include "disclosure.h"

#include <stdlib.h>

int disclosure_min(const stats *st, enum unit u)
{
	int m = u == UNIT_GEMEENTE ? st->min_gemeenten : st->min_respondenten;
	return m > 0 ? m : DISCLOSURE_DEFAULT_MIN;
}

static int whole(double n)
{
	return (int)(n + 0.5);
}

void disclosure_decide(const double *n, int ngroups, int min, int *sup)
{
	for (int g = 0; g < ngroups; g++)
		sup[g] = whole(n[g]) == 0 ? SUP_NO_ANSWERS : whole(n[g]) < min ? SUP_SMALL_BASE : SUP_NONE;
	if (sup[G_TOTAL] != SUP_NONE)
		return; /* then every class is smaller still, and suppressed itself */
	/* Secondary suppression: the published total minus the published
	 * classes gives the suppressed classes together. That sum may be
	 * published only when it covers more than one class and rests on at
	 * least the minimum; otherwise the smallest published class joins. A
	 * class without answers hides nothing (its counts are known to be 0). */
	for (;;) {
		int hidden = 0, hidden_n = 0;
		for (int g = 1; g < ngroups; g++)
			if (sup[g] == SUP_SMALL_BASE || sup[g] == SUP_SECONDARY) {
				hidden++;
				hidden_n += whole(n[g]);
			}
		if (hidden == 0 || (hidden > 1 && hidden_n >= min))
			return;
		int pick = -1;
		for (int g = 1; g < ngroups; g++)
			if (sup[g] == SUP_NONE && (pick < 0 || n[g] < n[pick]))
				pick = g;
		if (pick < 0)
			return; /* every class with answers is suppressed already */
		sup[pick] = SUP_SECONDARY;
	}
}

void disclosure_apply(stats *st)
{
	for (int q = 0; q < st->nq; q++) {
		question_stats *qs = &st->qs[q];
		if (qs->q->kind == Q_OPEN || !qs->items)
			continue;
		int min = disclosure_min(st, qs->q->unit);
		for (int i = 0; i < qs->q->nitems; i++)
			disclosure_decide(qs->items[i].n, NGROUPS, min, qs->items[i].sup);
	}
}

const char *disclosure_reason_id(int reason)
{
	switch (reason) {
	case SUP_NO_ANSWERS:
		return "geen_antwoorden";
	case SUP_SMALL_BASE:
		return "te_weinig";
	case SUP_SECONDARY:
		return "herleidbaar";
	default:
		return "";
	}
}

char *disclosure_reason_text(int reason, enum unit u, double n)
{
	switch (reason) {
	case SUP_NO_ANSWERS:
		return xstrdup("geen antwoorden");
	case SUP_SMALL_BASE:
		return xasprintf("te weinig %s (n=%d)", u == UNIT_GEMEENTE ? "gemeenten" : "respondenten", whole(n));
	case SUP_SECONDARY:
		return xstrdup("niet vermeld: anders te herleiden");
	default:
		return xstrdup("");
	}
}
