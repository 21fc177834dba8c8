/* open_answers.h: the open answers of an edition. Loading keeps them in a
 * temporary file (survey_open_foreach); here an edition takes what its
 * report prints (a bounded, fair selection for the annex) and what it
 * publishes in full (open-antwoorden.csv). Memory: at most `max` answers per
 * gemeente, whatever the number of rows. */
#ifndef OPEN_ANSWERS_H
#define OPEN_ANSWERS_H

#include "aggregate.h"

typedef struct {
	const gemeente *gem;
	long line;       /* input line, the tie-breaker within a gemeente */
	char *text;
} open_pick;

typedef struct {
	long total;      /* answers to the question in the edition's area */
	int gemeenten;   /* gemeenten those come from */
	int n;           /* answers picked, in gemeente-name order */
	open_pick *picks;
} open_selection;

/* At most max answers (max > 0) of question q in the area of st: one per
 * gemeente in turn (the first answer of every gemeente, then the second of
 * every gemeente that has one, ...), gemeenten in name order, so no gemeente
 * crowds out the others; within a gemeente in input order. Deterministic. */
open_selection *open_answers_select(const stats *st, int q, int max);
void open_selection_free(open_selection *sel);

/* Writes every open answer of the area: vraag,gemeente,antwoord (UTF-8,
 * RFC 4180). Returns 0, or -1 with errno set. */
int open_answers_write_csv(const variant *v, const char *path);

#endif
