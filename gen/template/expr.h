/* expr.h: the expression language of the templates (docs/templates.md, "Expressions"):
 * references to the aggregated numbers (vraag.item.cat@groep), functions
 * (pct, count, n, min, max, top, woord, breuk ...), arithmetic, comparisons
 * and logic. Used by <w x>, <kies>/<keuze> tests and <bewering> claims.
 * Expressions are evaluated directly while parsing: they are short, and each
 * is evaluated once per variant. */
#ifndef EXPR_H
#define EXPR_H

#include "aggregate.h"

typedef enum { V_NUM, V_STR, V_BOOL, V_LIST } vtype;
/* how a number prints */
typedef enum { F_PLAIN, F_PCT, F_EXACT, F_COUNT } vfmt;

typedef struct value value;
struct value {
	vtype t;
	vfmt fmt;
	double num;
	char *str;
	int nlist;
	value *list;
	const question *q; /* origin of a number taken from an item, for top()/label() */
	int item;
	int sup;           /* disclosure.h SUP_*: the value rests on a suppressed number
	                      (then num is NaN); spreads through arithmetic, comparisons
	                      and logic, so a test on it is neither true nor false */
	int ties;          /* top()/bottom(): how many items share the value named */
	int quantifier;    /* 1: a word of the quantifier scale (kwantor), 2: aandeel() */
};

/* What expressions may read besides the stats. */
typedef struct {
	const stats *st;
	const char *veldwerk_van; /* ISO dates from rapport.xml */
	const char *veldwerk_tot;
} expr_env;

/* Evaluates src. On error returns -1 and sets e ("file:line: expressie
 * '...': what is wrong; expected ..."). */
int expr_eval(const expr_env *env, const char *src, const char *file, long line, value *out, struct err *e);
/* Formats a value as text for the report (Dutch style). malloc'd, or NULL
 * with e set for a value that cannot be printed (a list). */
char *value_format(const value *v, const char *file, long line, const char *src, struct err *e);
/* Short description of a value for claim messages: "47", "'tekst'", "[...]". */
char *value_describe(const value *v);
void value_free(value *v);
/* The i-th built-in function's name, NULL past the last (for checks that
 * every function is documented). */
const char *expr_builtin_name(int i);
int value_truthy(const value *v); /* 0 for a suppressed value */
/* The reason a value cannot be used (SUP_*), 0 if it can. */
int value_suppressed(const value *v);
/* The phrase printed for a suppressed value (the terms weggelaten.*):
 * "(niet vermeld: te weinig gemeenten)". */
const char *suppressed_phrase(int sup, int respondent_unit);

/* Numbers in words (the terms getal.woord.*, breuk.*): woord(7) = "zeven";
 * breuk(0.66) = "ongeveer twee derde". */
char *nl_number_word(long n);
char *nl_fraction_words(double share);
/* The quantifier scale, one place for all templates (docs/templates.md, "Kwantoren"):
 * nl_quantifier(83) = "de meeste"; the phrase with a noun:
 * nl_quantifier_phrase(0, "gemeente", "gemeenten") = "geen enkele gemeente",
 * (40, ...) = "een minderheid van de gemeenten". */
enum {
	NL_Q_ONE,  /* word + the singular noun: "geen enkele gemeente" */
	NL_Q_OF,   /* word + kwantor.van_de + the plural: "een minderheid van de gemeenten" */
	NL_Q_MANY  /* word + the plural, which takes a plural verb: "de meeste gemeenten" */
};
typedef struct {
	const char *id; /* the term of its word: kwantor.* */
	double lo, hi;  /* percent; lo inclusive, hi exclusive (0 and 100: exactly) */
	int form;       /* NL_Q_* */
} nl_quantifier_step;
extern const nl_quantifier_step nl_quantifier_scale[];
const nl_quantifier_step *nl_quantifier_step_of(double pct);
const char *nl_quantifier(double pct);
char *nl_quantifier_phrase(double pct, const char *one, const char *many);

#endif
