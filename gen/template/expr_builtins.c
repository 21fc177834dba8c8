/* expr_builtins.c: the built-in functions of the template expressions
 * (docs/templates.md, "Expressions"), as one table in the manner of SQLite's
 * built-in function table (func.c): a row names the function, says how its
 * arguments are read, and points at the C function that computes it; `arg`
 * tells functions that share an implementation apart (SQLite's pUserData).
 * The parser (expr.c) calls ex_call() when it has read "name(". */
#include "expr_internal.h"
#include "disclosure.h"
#include "terms.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* How a function reads what stands between its brackets. */
enum argkind {
	A_REF,   /* one reference vraag.item.categorie@groep, not evaluated */
	A_QID,   /* one question id */
	A_EXPR,  /* one expression, evaluated by the function itself (landelijk) */
	A_VALUES /* zero or more expressions, evaluated before the call */
};

/* What a function gets: the reference text (A_REF), the question (A_QID),
 * or the evaluated arguments (A_VALUES). */
typedef struct {
	const char *ref;
	const question_stats *qs;
	value *v;
	int n;
} fargs;

typedef struct builtin builtin;
struct builtin {
	const char *name;
	enum argkind args;
	int arg; /* which of the functions sharing fn this is */
	int (*fn)(parser *ps, const builtin *b, fargs *a, value *out);
};

#define MAX_ARGS 16

/* ------------------------------------------------------------ helpers */

/* Flattens arguments (numbers and lists) into one array of numbers. */
static int gather(parser *ps, value *args, int nargs, value **flat, int *nflat)
{
	int n = 0;
	for (int i = 0; i < nargs; i++)
		n += args[i].t == V_LIST ? args[i].nlist : 1;
	*flat = xcalloc((size_t)n + 1, sizeof **flat);
	*nflat = 0;
	for (int i = 0; i < nargs; i++) {
		if (args[i].t == V_LIST) {
			for (int j = 0; j < args[i].nlist; j++)
				(*flat)[(*nflat)++] = args[i].list[j];
		} else if (args[i].t == V_NUM) {
			(*flat)[(*nflat)++] = args[i];
		} else {
			free(*flat);
			return ex_fail(ps, "min/max/top/bottom take numbers or lists%s%s", "", "");
		}
	}
	return 0;
}

/* A result that is not known because its inputs are withheld. */
static value withheld(vfmt f, int sup, const question *q)
{
	value v = ex_num(NAN, f);
	v.sup = sup;
	v.q = q;
	return v;
}

/* ------------------------------------------------------------ references */

/* pct(), exact(), count(), n(): arg is the enum what */
static int fn_ref_value(parser *ps, const builtin *b, fargs *a, value *out)
{
	return ex_ref_value(ps, a->ref, (enum what)b->arg, out);
}

/* A reference to one item (not vraag.*), resolved. */
static int one_item(parser *ps, const builtin *b, const char *text, ref *rr, int need_cat)
{
	if (ex_resolve_ref(ps, text, rr, need_cat))
		return -1;
	if (rr->item < 0)
		return ex_fail(ps, "%s() needs one item, not '*'%s", b->name, "");
	return 0;
}

/* label(vraag.item): the item's (short) label */
static int fn_label(parser *ps, const builtin *b, fargs *a, value *out)
{
	ref rr;
	if (one_item(ps, b, a->ref, &rr, 0))
		return -1;
	*out = ex_str(ex_item_label(rr.qs->q, rr.item));
	out->q = rr.qs->q; /* names an item: read by the lint */
	out->item = rr.item;
	return 0;
}

/* rank(vraag.item.cat): the item's rank by count among the figure's items;
 * ties share a rank (1, 2, 2, 4) */
static int fn_rank(parser *ps, const builtin *b, fargs *a, value *out)
{
	ref rr;
	if (one_item(ps, b, a->ref, &rr, 1))
		return -1;
	enum what w = rr.qs->q->kind == Q_GRID ? W_EXACT : W_COUNT;
	value mine;
	int rc = ex_item_value(ps, &rr, rr.item, w, &mine);
	int rank = 1;
	for (int k = 0; !rc && k < rr.qs->q->nitems; k++) {
		value other;
		if (k == rr.item || !rr.qs->q->items[k].in_figure)
			continue;
		rc = ex_item_value(ps, &rr, k, w, &other);
		if (!rc && other.sup && other.sup != SUP_NO_ANSWERS)
			mine.sup = ex_sup_join(mine.sup, other.sup);
		if (!rc && other.num > mine.num + 1e-9)
			rank++;
	}
	if (rc)
		return rc;
	*out = ex_num(rank, F_PLAIN);
	if (mine.sup) {
		out->sup = mine.sup;
		out->num = NAN;
	}
	return 0;
}

/* items(vraag): how many items its figure shows */
static int fn_items(parser *ps, const builtin *b, fargs *a, value *out)
{
	int k = 0;
	for (int j = 0; j < a->qs->q->nitems; j++)
		k += a->qs->q->items[j].in_figure;
	*out = ex_num(k, F_COUNT);
	return 0;
}

/* antwoorden(vraag), gemeenten_met(vraag): respondents and gemeenten that
 * answered an open question (arg 0, 1) */
static int fn_open_count(parser *ps, const builtin *b, fargs *a, value *out)
{
	if (a->qs->q->kind != Q_OPEN)
		return ex_fail(ps, "%s() takes an open question; '%s' is not one", b->name, a->ref);
	*out = ex_num(b->arg ? a->qs->open_gemeenten : a->qs->open_respondents, F_COUNT);
	return 0;
}

/* landelijk(expr): the same expression on the whole country's numbers, for
 * "in Gelderland 68%, landelijk 82%" */
static int fn_landelijk(parser *ps, const builtin *b, fargs *a, value *out)
{
	expr_env nat = *ps->env;
	if (ps->env->st->national)
		nat.st = ps->env->st->national;
	const expr_env *saved = ps->env;
	ps->env = &nat;
	int rc = ex_parse_expr(ps, out);
	ps->env = saved;
	return rc;
}

/* ------------------------------------------------------------ the edition */

/* respondenten(), gemeenten(), register(): arg 0, 1, 2 */
static int fn_base(parser *ps, const builtin *b, fargs *a, value *out)
{
	const stats *st = ps->env->st;
	*out = ex_num(b->arg == 0 ? st->respondents : b->arg == 1 ? st->gemeenten : st->register_n, F_COUNT);
	return 0;
}

/* uitgave(): the edition's slug, 'nederland', 'gelderland', 'oost-nederland' */
static int fn_uitgave(parser *ps, const builtin *b, fargs *a, value *out)
{
	*out = ex_str(ps->env->st->v->slug);
	return 0;
}

/* in_gebied('Zwolle'): is this gemeente in the edition's area? */
static int fn_in_gebied(parser *ps, const builtin *b, fargs *a, value *out)
{
	if (a->n != 1 || a->v[0].t != V_STR)
		return ex_fail(ps, "in_gebied() takes the name of a gemeente: in_gebied('Zwolle')%s%s", "", "");
	const variant *v = ps->env->st->v;
	const registry *reg = v->s->reg;
	for (int i = 0; i < reg->n; i++)
		if (!strcmp(reg->g[i].name, a->v[0].str)) {
			*out = ex_num(variant_has_province(v, reg->g[i].province), F_PLAIN);
			out->t = V_BOOL;
			return 0;
		}
	return ex_fail(ps, "in_gebied(): '%s' is not a gemeente of the register%s", a->v[0].str, "");
}

/* vermeld(x, ...): true when every value (or list element) may be printed;
 * a known truth, so a <keuze> on it reads clearly */
static int fn_vermeld(parser *ps, const builtin *b, fargs *a, value *out)
{
	int ok = a->n > 0;
	for (int i = 0; i < a->n; i++) {
		ok &= !a->v[i].sup;
		for (int j = 0; j < a->v[i].nlist; j++)
			ok &= !a->v[i].list[j].sup;
	}
	*out = ex_num(ok, F_PLAIN);
	out->t = V_BOOL;
	return 0;
}

/* respons(): the share of the register's gemeenten that answered */
static int fn_respons(parser *ps, const builtin *b, fargs *a, value *out)
{
	const stats *st = ps->env->st;
	*out = ex_num(st->register_n ? (double)round_half_up(100.0 * st->gemeenten / st->register_n) : 0, F_PCT);
	return 0;
}

/* veldwerk_van(), veldwerk_tot(): "4 maart" (arg 0, 1) */
static int fn_veldwerk_date(parser *ps, const builtin *b, fargs *a, value *out)
{
	const char *d = b->arg ? ps->env->veldwerk_tot : ps->env->veldwerk_van;
	if (!d)
		return ex_fail(ps, "no <veldwerk> in rapport.xml%s%s", "", "");
	char *s = nl_date_day_month(d);
	*out = ex_str(s);
	free(s);
	return 0;
}

/* veldwerk_weken(): the fieldwork's length in whole weeks */
static int fn_veldwerk_weken(parser *ps, const builtin *b, fargs *a, value *out)
{
	const expr_env *env = ps->env;
	struct tm from = { 0 }, to = { 0 };
	if (!env->veldwerk_van || !env->veldwerk_tot ||
	    sscanf(env->veldwerk_van, "%d-%d-%d", &from.tm_year, &from.tm_mon, &from.tm_mday) != 3 ||
	    sscanf(env->veldwerk_tot, "%d-%d-%d", &to.tm_year, &to.tm_mon, &to.tm_mday) != 3)
		return ex_fail(ps, "no <veldwerk> dates in rapport.xml%s%s", "", "");
	from.tm_year -= 1900, to.tm_year -= 1900, from.tm_mon--, to.tm_mon--;
	from.tm_hour = to.tm_hour = 12;
	double days = difftime(timegm(&to), timegm(&from)) / 86400.0;
	*out = ex_num(round(days / 7.0), F_COUNT);
	return 0;
}

/* ------------------------------------------------------------ words */

/* woord(7) = "zeven" (arg 0); breuk(66%) = "ongeveer twee derde" (arg 1) */
static int fn_words(parser *ps, const builtin *b, fargs *a, value *out)
{
	if (a->n == 1 && a->v[0].t == V_NUM && a->v[0].sup) {
		*out = a->v[0]; /* a suppressed number stays suppressed in words */
		a->v[0].list = NULL, a->v[0].nlist = 0, a->v[0].str = NULL;
		return 0;
	}
	if (a->n != 1 || a->v[0].t != V_NUM)
		return ex_fail(ps, "%s() takes one number%s", b->name, "");
	const value *x0 = &a->v[0];
	double x = x0->num;
	if (isnan(x)) {
		/* no base: withheld like the number itself (no sentence prints it) */
		*out = withheld(F_PLAIN, SUP_NO_ANSWERS, NULL);
		return 0;
	}
	char *s;
	if (b->arg == 0) {
		if (!(fabs(x) <= EXPR_MAX))
			return ex_fail(ps, "woord(): the number is out of range; expected at most %s in size%s", "10^15", "");
		s = nl_number_word(lround(x));
	} else {
		/* a share: percentages and numbers above 1 count in hundredths */
		double share = x0->fmt == F_PCT || x0->fmt == F_EXACT || x > 1 ? x / 100.0 : x;
		if (!(share >= -1e-9 && share <= 1 + 1e-9)) {
			char *d = value_describe(x0);
			int rc = ex_fail(ps, "breuk(%s) is not a share; expected a number from 0 to 1, or a percentage from 0%% to 100%%%s", d, "");
			free(d);
			return rc;
		}
		s = nl_fraction_words(share);
	}
	*out = ex_str(s);
	free(s);
	return 0;
}

/* Between two items of a list: ", ", or " en " before the last. */
static void add_join(strbuf *sb, int last)
{
	if (last)
		sb_printf(sb, " %s ", T("lijst.en"));
	else
		sb_add(sb, ", ");
}

/* opsomming(list[, k]): the items from the highest value down, each once,
 * ties named together with one value: "de VNG en directe collega’s (elk
 * 50%), andere gemeenten (45%) en ..."; the first k values (all items tied
 * with the k-th included) */
static int fn_opsomming(parser *ps, const builtin *b, fargs *a, value *out)
{
	value *args = a->v;
	double kk = a->n == 2 && args[1].t == V_NUM ? args[1].num : 1e6;
	if (a->n < 1 || a->n > 2 || args[0].t != V_LIST || !(kk >= 1 && kk == floor(kk)))
		return ex_fail(ps, "opsomming() takes a list and how many to name: opsomming(pct(vraag.*), 3)%s%s", "", "");
	value *flat = NULL;
	int nflat = 0;
	if (gather(ps, args, 1, &flat, &nflat))
		return -1;
	int sup = 0, kept = 0;
	for (int i = 0; i < nflat; i++) {
		if (flat[i].sup == SUP_NO_ANSWERS || isnan(flat[i].num))
			continue;
		if (flat[i].sup)
			sup = ex_sup_join(sup, flat[i].sup);
		else
			flat[kept++] = flat[i];
	}
	if (sup || !kept || !flat[0].q) {
		*out = withheld(F_PLAIN, sup ? sup : SUP_NO_ANSWERS, nflat ? flat[0].q : NULL);
		free(flat);
		return 0;
	}
	/* by value, ties in questionnaire order (a stable sort) */
	for (int i = 1; i < kept; i++)
		for (int j = i; j > 0 && flat[j].num > flat[j - 1].num + 1e-9; j--) {
			value t = flat[j];
			flat[j] = flat[j - 1];
			flat[j - 1] = t;
		}
	/* how many groups of equal values to name: up to k */
	int ng = 0;
	for (int i = 0; i < kept && ng < (int)kk; ng++) {
		int z = i;
		while (z < kept && fabs(flat[z].num - flat[i].num) < 1e-9)
			z++;
		i = z;
	}
	strbuf sb;
	sb_init(&sb);
	for (int groups = 0, i = 0; i < kept && groups < ng; groups++) {
		int j = i;
		while (j < kept && fabs(flat[j].num - flat[i].num) < 1e-9)
			j++;
		if (groups)
			add_join(&sb, groups == ng - 1);
		for (int m = i; m < j; m++) {
			if (m > i)
				add_join(&sb, m == j - 1);
			sb_add(&sb, ex_item_label(flat[m].q, flat[m].item));
		}
		struct err scratch;
		char *v = value_format(&flat[i], "", 0, "", &scratch);
		if (j - i > 1)
			sb_printf(&sb, " (%s %s)", T("lijst.elk"), v ? v : "");
		else
			sb_printf(&sb, " (%s)", v ? v : "");
		free(v);
		i = j;
	}
	*out = ex_str(sb.s);
	out->q = flat[0].q;
	out->item = -1;
	sb_free(&sb);
	free(flat);
	return 0;
}

/* kwantor(x[, 'gemeente', 'gemeenten'[, 'heeft', 'hebben']]): the word of
 * the one scale (nl_quantifier) for a percentage, with its noun phrase
 * (arg 1); aandeel(x, 'gemeente', 'gemeenten'[, ...]): "83% van de
 * gemeenten", but "geen enkele gemeente" and "alle gemeenten" at the ends
 * (arg 2). With the two verb forms the verb agrees with the phrase. */
static int fn_quantifier(parser *ps, const builtin *b, fargs *a, value *out)
{
	value *args = a->v;
	int nargs = a->n;
	int words = (nargs == 3 || nargs == 5) && args[1].t == V_STR && args[2].t == V_STR &&
		    (nargs == 3 || (args[3].t == V_STR && args[4].t == V_STR));
	if (nargs < 1 || args[0].t != V_NUM || !(words || (nargs == 1 && b->arg == 1)))
		return ex_fail(ps, "%s() takes a percentage and two words: %s(pct(x), 'gemeente', 'gemeenten')", b->name, b->name);
	if (args[0].sup || isnan(args[0].num)) {
		*out = withheld(F_PCT, args[0].sup ? args[0].sup : SUP_NO_ANSWERS, args[0].q);
		return 0;
	}
	double x = args[0].num;
	if (args[0].fmt != F_PCT && args[0].fmt != F_EXACT && x <= 1)
		x *= 100; /* a share */
	if (!(x >= -1e-9 && x <= 100 + 1e-9)) {
		char *d = value_describe(&args[0]);
		int rc = ex_fail(ps, "%s(%s) is not a percentage; expected a value from 0%% to 100%%", b->name, d);
		free(d);
		return rc;
	}
	char *s;
	/* the verb agrees: "geen enkele gemeente heeft", "alle gemeenten
	 * hebben", "83% van de gemeenten heeft" (the plural noun alone takes
	 * the plural verb) */
	int plural;
	if (b->arg == 1 || x < 1e-9 || x > 100 - 1e-9) {
		s = nl_quantifier_phrase(x, words ? args[1].str : NULL, words ? args[2].str : NULL);
		plural = nl_quantifier_step_of(x)->form == NL_Q_MANY;
	} else {
		char *n = args[0].fmt == F_EXACT ? nl_decimal(x, 1) : nl_int(lround(x));
		s = xasprintf("%s%% %s %s", n, T("kwantor.van_de"), args[2].str);
		plural = 0;
		free(n);
	}
	if (nargs == 5) {
		char *t = xasprintf("%s %s", s, plural ? args[4].str : args[3].str);
		free(s);
		s = t;
	}
	*out = ex_str(s);
	out->q = args[0].q;
	out->item = -1;
	out->quantifier = b->arg;
	free(s);
	return 0;
}

/* aantal(n, 'gemeente', 'gemeenten') = "1 gemeente", "3 gemeenten" (arg 0);
 * aantal_woord(...) = "één gemeente", "drie gemeenten" (arg 1) */
static int fn_aantal(parser *ps, const builtin *b, fargs *a, value *out)
{
	value *args = a->v;
	if (a->n != 3 || args[0].t != V_NUM || args[1].t != V_STR || args[2].t != V_STR)
		return ex_fail(ps, "%s() takes a number and two words: aantal(x, 'gemeente', 'gemeenten')%s", b->name, "");
	if (args[0].sup) {
		*out = withheld(F_COUNT, args[0].sup, args[0].q);
		return 0;
	}
	double x = args[0].num;
	int one = fabs(x - 1) < 1e-9;
	char *n = b->arg ? nl_number_word(lround(x))
		  : fabs(x - round(x)) < 1e-9 ? nl_int(lround(x)) : nl_decimal(x, 1);
	char *s = xasprintf("%s %s", n, one ? args[1].str : args[2].str);
	*out = ex_str(s);
	free(n);
	free(s);
	return 0;
}

/* ------------------------------------------------------------ order */

/* What an order function returns: flags in builtin.arg. */
enum {
	ORD_TOP = 1,      /* from the highest value down (else the lowest up) */
	ORD_POS = 2,      /* takes a position as second argument: top(list, 2) */
	ORD_VALUE = 4,    /* the value (min, max), else the item's label */
	ORD_TIES = 8      /* how many items share the value (gelijk_top, gelijk_bodem) */
};

/* min(), max(), top(), bottom(), gelijk_top(), gelijk_bodem() over numbers
 * and lists. Values without answers take no part; a value withheld for its
 * small base could be the highest or the lowest, so then the answer is not
 * known. */
static int fn_order(parser *ps, const builtin *b, fargs *a, value *out)
{
	value *args = a->v;
	int nargs = a->n, top = b->arg & ORD_TOP;
	int nlists = nargs;
	double kk = 1;
	if ((b->arg & ORD_POS) && nargs == 2 && args[1].t == V_NUM) {
		kk = args[1].num;
		nlists = 1;
	}
	/* a position: whole, and checked before it becomes an int */
	if (!(kk >= 1 && kk <= 1e6 && kk == floor(kk)))
		return ex_fail(ps, "%s(): the position is not a whole number from 1 to the length of the list; expected e.g. %s(vraag.*, 2)", b->name, b->name);
	if (nargs == 0)
		return ex_fail(ps, "%s() needs a list%s", b->name, "");
	value *flat = NULL;
	int nflat = 0;
	if (gather(ps, args, nlists, &flat, &nflat))
		return -1;
	int k = (int)kk;
	int kept = 0, sup = 0;
	for (int i = 0; i < nflat; i++) {
		if (flat[i].sup == SUP_NO_ANSWERS)
			continue;
		if (flat[i].sup)
			sup = ex_sup_join(sup, flat[i].sup);
		else if (!isnan(flat[i].num))
			flat[kept++] = flat[i];
	}
	nflat = kept;
	int rc = 0;
	if (sup || nflat == 0) {
		*out = withheld(F_PLAIN, sup ? sup : SUP_NO_ANSWERS,
				args[0].t == V_LIST && args[0].nlist ? args[0].list[0].q : args[0].q);
	} else if (k < 1 || k > nflat) {
		char *len = xasprintf("%d", nflat);
		rc = ex_fail(ps, "%s(): there is no such element in the list; expected a position from 1 to %s", b->name, len);
		free(len);
	} else {
		/* order: by value, ties by position (questionnaire order) */
		int *order = xcalloc((size_t)nflat, sizeof *order);
		for (int i = 0; i < nflat; i++)
			order[i] = i;
		for (int i = 1; i < nflat; i++)
			for (int j = i; j > 0; j--) {
				double x = flat[order[j - 1]].num, y = flat[order[j]].num;
				if (top ? (y > x + 1e-9) : (y < x - 1e-9)) {
					int t = order[j];
					order[j] = order[j - 1];
					order[j - 1] = t;
				}
			}
		value pick = flat[order[k - 1]];
		/* the items that share the value named: a tie is named as one */
		int ties = 0;
		for (int i = 0; i < nflat; i++)
			ties += fabs(flat[i].num - pick.num) < 1e-9;
		if (b->arg & ORD_TIES) {
			*out = ex_num(ties, F_COUNT);
		} else if (b->arg & ORD_VALUE) {
			*out = ex_num(pick.num, pick.fmt);
			out->q = pick.q;
			out->item = pick.item;
			out->ties = ties;
		} else if (!pick.q) {
			rc = ex_fail(ps, "%s() needs values taken from items%s", b->name, "");
		} else if (k == 1 && ties > 1) {
			/* "X en Y", "X, Y en Z" in questionnaire order */
			strbuf sb;
			sb_init(&sb);
			int done = 0;
			for (int i = 0; i < nflat; i++) {
				if (fabs(flat[i].num - pick.num) >= 1e-9)
					continue;
				done++;
				if (done > 1)
					add_join(&sb, done == ties);
				sb_add(&sb, ex_item_label(flat[i].q, flat[i].item));
			}
			*out = ex_str(sb.s);
			out->q = pick.q;
			out->ties = ties;
			sb_free(&sb);
		} else {
			*out = ex_str(ex_item_label(pick.q, pick.item));
			out->q = pick.q;
			out->item = pick.item;
			out->ties = ties;
		}
		free(order);
	}
	free(flat);
	return rc;
}

/* ------------------------------------------------------------ the table */

/* Every function a template may call; docs/templates.md documents each row
 * (tests/e2e/expr_builtins_documented.sh holds the two together). */
static const builtin builtins[] = {
	/* numbers of the figures */
	{ "pct", A_REF, W_PCT, fn_ref_value },
	{ "exact", A_REF, W_EXACT, fn_ref_value },
	{ "count", A_REF, W_COUNT, fn_ref_value },
	{ "n", A_REF, W_N, fn_ref_value },
	{ "rank", A_REF, 0, fn_rank },
	{ "label", A_REF, 0, fn_label },
	{ "items", A_QID, 0, fn_items },
	{ "antwoorden", A_QID, 0, fn_open_count },
	{ "gemeenten_met", A_QID, 1, fn_open_count },
	{ "landelijk", A_EXPR, 0, fn_landelijk },
	/* the edition and its base */
	{ "respondenten", A_VALUES, 0, fn_base },
	{ "gemeenten", A_VALUES, 1, fn_base },
	{ "register", A_VALUES, 2, fn_base },
	{ "respons", A_VALUES, 0, fn_respons },
	{ "uitgave", A_VALUES, 0, fn_uitgave },
	{ "in_gebied", A_VALUES, 0, fn_in_gebied },
	{ "vermeld", A_VALUES, 0, fn_vermeld },
	{ "veldwerk_van", A_VALUES, 0, fn_veldwerk_date },
	{ "veldwerk_tot", A_VALUES, 1, fn_veldwerk_date },
	{ "veldwerk_weken", A_VALUES, 0, fn_veldwerk_weken },
	/* words */
	{ "woord", A_VALUES, 0, fn_words },
	{ "breuk", A_VALUES, 1, fn_words },
	{ "opsomming", A_VALUES, 0, fn_opsomming },
	{ "kwantor", A_VALUES, 1, fn_quantifier },
	{ "aandeel", A_VALUES, 2, fn_quantifier },
	{ "aantal", A_VALUES, 0, fn_aantal },
	{ "aantal_woord", A_VALUES, 1, fn_aantal },
	/* order */
	{ "min", A_VALUES, ORD_VALUE, fn_order },
	{ "max", A_VALUES, ORD_TOP | ORD_VALUE, fn_order },
	{ "top", A_VALUES, ORD_TOP | ORD_POS, fn_order },
	{ "bottom", A_VALUES, ORD_POS, fn_order },
	{ "gelijk_top", A_VALUES, ORD_TOP | ORD_TIES, fn_order },
	{ "gelijk_bodem", A_VALUES, ORD_TIES, fn_order },
};

static const builtin *builtin_find(const char *name)
{
	for (size_t i = 0; i < sizeof builtins / sizeof builtins[0]; i++)
		if (!strcmp(builtins[i].name, name))
			return &builtins[i];
	return NULL;
}

const char *expr_builtin_name(int i)
{
	return i >= 0 && (size_t)i < sizeof builtins / sizeof builtins[0] ? builtins[i].name : NULL;
}

/* Reads a reference or question id, calls, and expects ')'. */
static int call_on_ref(parser *ps, const builtin *b, value *out)
{
	fargs a = { 0 };
	char *r = ex_read_ref(ps);
	a.ref = r;
	int rc;
	if (b->args == A_REF) {
		rc = r ? b->fn(ps, b, &a, out)
		       : ex_fail(ps, "%s() takes a reference vraag.item.categorie%s", b->name, "");
		if (!rc && !ex_accept(ps, ")")) {
			value_free(out);
			rc = ex_fail(ps, "expected ')' after the reference of %s()%s", b->name, "");
		}
	} else {
		a.qs = r ? stats_question(ps->env->st, r) : NULL;
		rc = a.qs ? b->fn(ps, b, &a, out)
			  : ex_fail(ps, "%s() takes a question id; '%s' is not one", b->name, r ? r : "");
		if (!rc && !ex_accept(ps, ")"))
			rc = ex_fail(ps, "expected ')' after %s(%s", b->name, "");
	}
	free(r);
	return rc;
}

int ex_call(parser *ps, const char *name, value *out)
{
	const builtin *b = builtin_find(name);
	if (b && (b->args == A_REF || b->args == A_QID))
		return call_on_ref(ps, b, out);
	if (b && b->args == A_EXPR) {
		int rc = b->fn(ps, b, NULL, out);
		if (!rc && !ex_accept(ps, ")")) {
			value_free(out);
			rc = ex_fail(ps, "expected ')' after the expression of %s()%s", b->name, "");
		}
		return rc;
	}
	/* evaluated arguments; an unknown name is reported after them, so an
	 * error inside the arguments comes first, as it is met */
	value args[MAX_ARGS];
	int nargs = 0, rc = 0;
	if (!ex_accept(ps, ")")) {
		do {
			if (nargs == MAX_ARGS) {
				rc = ex_fail(ps, "too many arguments to %s(); expected at most %s", name, "16");
				break;
			}
			if ((rc = ex_parse_expr(ps, &args[nargs])))
				break;
			nargs++;
		} while (ex_accept(ps, ","));
		if (!rc && !ex_accept(ps, ")"))
			rc = ex_fail(ps, "expected ')' or ',' in the arguments of %s()%s", name, "");
	}
	if (!rc) {
		fargs a = { .v = args, .n = nargs };
		rc = b ? b->fn(ps, b, &a, out) : ex_fail(ps, "unknown function '%s'%s", name, "");
	}
	for (int i = 0; i < nargs; i++)
		value_free(&args[i]);
	return rc;
}
