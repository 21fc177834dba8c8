/* expr_internal.h: what the expression parser (expr.c) shares with its
 * built-in functions (expr_builtins.c) and nothing else includes: the parser
 * state, a resolved reference, and the helpers a builtin needs to read its
 * arguments, compute values and report errors the parser's way. */
#ifndef EXPR_INTERNAL_H
#define EXPR_INTERNAL_H

#include "expr.h"

/* The largest magnitude a report prints: beyond it a number is a template
 * error, not text. Whole numbers up to here are exact in a double and fit a
 * long, so formatting and rounding never overflow. */
#define EXPR_MAX 1e15

typedef struct {
	const expr_env *env;
	const char *src, *p;
	const char *file;
	long line;
	struct err *e;
	int failed;
	int depth;
} parser;

/* vraag.item.cat+cat@groep, resolved against the questionnaire */
typedef struct {
	const question_stats *qs;
	int item;            /* -1 for '*' */
	int ncats;
	int cats[MAXCAT];
	int ngroups;
	int groups[NGROUPS];
} ref;

/* what a reference yields */
enum what { W_PCT, W_EXACT, W_COUNT, W_N };

/* Sets the error once ("file:line: expressie '...': fmt"), returns -1. fmt
 * takes exactly two %s, a and b. */
int ex_fail(parser *ps, const char *fmt, const char *a, const char *b);
value ex_num(double x, vfmt f);
value ex_str(const char *s);
/* the stronger of two suppression reasons (SUP_*) */
int ex_sup_join(int a, int b);
void ex_skip_ws(parser *ps);
/* consumes tok (after white space) if it comes next */
int ex_accept(parser *ps, const char *tok);
/* a reference or identifier, malloc'd; NULL if none comes next */
char *ex_read_ref(parser *ps);
int ex_resolve_ref(parser *ps, const char *text, ref *r, int need_cat);
int ex_item_value(parser *ps, const ref *r, int item, enum what w, value *out);
/* one item's value, or a list over the figure's items for vraag.* */
int ex_ref_value(parser *ps, const char *text, enum what w, value *out);
const char *ex_item_label(const question *q, int idx);
/* a whole expression (the grammar's top rule) */
int ex_parse_expr(parser *ps, value *out);

/* name( has been read: evaluates the built-in function's arguments and the
 * closing bracket (expr_builtins.c), or fails for an unknown name. */
int ex_call(parser *ps, const char *name, value *out);

#endif
