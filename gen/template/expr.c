/* expr.c: parses and evaluates template expressions against one variant's
 * stats (see expr.h and docs/templates.md, "Expressions"). A recursive-descent parser
 * that computes as it goes; errors name the template file and line. */
#include "expr.h"
#include "expr_internal.h"
#include "disclosure.h"
#include "terms.h"

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* How deep brackets, function calls, 'not' and '-' may nest: the parser
 * recurses once per level, and a template must not be able to exhaust the
 * stack (found by fuzz_expr: a few thousand '('). */
#define EXPR_MAX_DEPTH 100


int ex_fail(parser *ps, const char *fmt, const char *a, const char *b)
{
	if (ps->failed)
		return -1;
	ps->failed = 1;
	char what[512];
	snprintf(what, sizeof what, fmt, a ? a : "", b ? b : "");
	/* a long expression is cut short, so the message keeps what is wrong */
	int n = (int)strlen(ps->src);
	const char *more = n > 200 ? "…" : "";
	return err_set(ps->e, ps->file, ps->line, "expression '%.*s%s': %s", n > 200 ? 200 : n, ps->src, more, what);
}

void value_free(value *v)
{
	free(v->str);
	for (int i = 0; i < v->nlist; i++)
		value_free(&v->list[i]);
	free(v->list);
	memset(v, 0, sizeof *v);
}

value ex_num(double x, vfmt f)
{
	value v = { 0 };
	v.t = V_NUM;
	v.num = x;
	v.fmt = f;
	return v;
}

value ex_str(const char *s)
{
	value v = { 0 };
	v.t = V_STR;
	v.str = xstrdup(s);
	return v;
}

int value_suppressed(const value *v)
{
	return v->sup;
}

const char *suppressed_phrase(int sup, int respondent_unit)
{
	switch (sup) {
	case SUP_NO_ANSWERS:
		return T("weggelaten.geen_antwoorden");
	case SUP_SMALL_BASE:
		return T(respondent_unit ? "weggelaten.weinig_respondenten" : "weggelaten.weinig_gemeenten");
	default:
		return T("weggelaten.herleidbaar");
	}
}

/* The stronger of two suppression reasons: a small base outweighs "no
 * answers", so a phrase never hides that there were some. */
int ex_sup_join(int a, int b)
{
	if (a == SUP_SMALL_BASE || b == SUP_SMALL_BASE)
		return SUP_SMALL_BASE;
	if (a == SUP_SECONDARY || b == SUP_SECONDARY)
		return SUP_SECONDARY;
	return a ? a : b;
}

int value_truthy(const value *v)
{
	if (v->sup)
		return 0;
	switch (v->t) {
	case V_BOOL:
	case V_NUM:
		return v->num != 0;
	case V_STR:
		return v->str && *v->str;
	case V_LIST:
		return v->nlist > 0;
	}
	return 0;
}

void ex_skip_ws(parser *ps)
{
	while (*ps->p == ' ' || *ps->p == '\t' || *ps->p == '\n' || *ps->p == '\r')
		ps->p++;
}

int ex_accept(parser *ps, const char *tok)
{
	ex_skip_ws(ps);
	size_t n = strlen(tok);
	if (strncmp(ps->p, tok, n))
		return 0;
	/* keywords must not run into an identifier */
	if (isalpha((unsigned char)tok[0]) && (isalnum((unsigned char)ps->p[n]) || ps->p[n] == '_'))
		return 0;
	ps->p += n;
	return 1;
}

/* A reference or identifier: letters, digits, _ . * ; '+' and '-' join
 * categories when a letter follows; after '@' the group runs to the next
 * character that cannot be part of a group name. */
char *ex_read_ref(parser *ps)
{
	ex_skip_ws(ps);
	const char *s = ps->p;
	if (!isalpha((unsigned char)*s) && *s != '_')
		return NULL;
	const char *p = s;
	for (;;) {
		if (isalnum((unsigned char)*p) || *p == '_' || *p == '.' || *p == '*')
			p++;
		else if ((*p == '+' || *p == '-') && isalpha((unsigned char)p[1]))
			p++;
		else if (*p == '@') {
			p++;
			while (isalnum((unsigned char)*p) || *p == '+' || *p == '-')
				p++;
			break;
		} else
			break;
	}
	ps->p = p;
	return xstrndup(s, (size_t)(p - s));
}

/* ------------------------------------------------------------ references */


/* A group after '@': a class of the report's breakdown (<indeling> in
 * rapport.xml: lt20k, ...) or a named union of classes (lt50k, ...). */
static int parse_groups(const breakdown *b, const char *g, ref *r)
{
	for (int i = 0; i < b->n; i++)
		if (!strcmp(b->c[i].id, g)) {
			r->ngroups = 1;
			r->groups[0] = 1 + i;
			return 0;
		}
	for (int i = 0; i < b->nunion; i++)
		if (!strcmp(b->u[i].id, g)) {
			r->ngroups = b->u[i].n;
			for (int k = 0; k < b->u[i].n; k++)
				r->groups[k] = 1 + b->u[i].classes[k];
			return 0;
		}
	return -1;
}

int ex_resolve_ref(parser *ps, const char *text, ref *r, int need_cat)
{
	memset(r, 0, sizeof *r);
	char *t = xstrdup(text);
	char *at = strchr(t, '@');
	r->ngroups = 1;
	r->groups[0] = G_TOTAL;
	if (at) {
		*at = 0;
		const breakdown *b = &ps->env->st->v->s->reg->bd;
		if (parse_groups(b, at + 1, r)) {
			strbuf all;
			sb_init(&all);
			for (int i = 0; i < b->n + b->nunion; i++)
				sb_printf(&all, "%s%s", i ? (i == b->n + b->nunion - 1 ? " or " : ", ") : "",
					  i < b->n ? b->c[i].id : b->u[i - b->n].id);
			ex_fail(ps, "unknown group '%s'; expected a class or union of the breakdown (<indeling> in rapport.xml): %s",
				at + 1, all.s ? all.s : "none declared");
			sb_free(&all);
			free(t);
			return -1;
		}
	}
	char *qid = t, *item = strchr(t, '.'), *cats = NULL;
	if (item) {
		*item++ = 0;
		cats = strchr(item, '.');
		if (cats)
			*cats++ = 0;
	}
	r->qs = stats_question(ps->env->st, qid);
	int rc = 0;
	if (!r->qs)
		rc = ex_fail(ps, "unknown question '%s'; expected a question id of vragenlijst.xml", qid, NULL);
	else if (r->qs->q->kind == Q_OPEN)
		rc = ex_fail(ps, "'%s' is an open question; numbers come from grid and mention questions", qid, NULL);
	else if (!item)
		rc = ex_fail(ps, "'%s' names no item; expected vraag.item or vraag.*", qid, NULL);
	if (!rc) {
		const question *q = r->qs->q;
		r->item = !strcmp(item, "*") ? -1 : question_find_item(q, item);
		if (r->item < 0 && strcmp(item, "*"))
			rc = ex_fail(ps, "question '%s' has no item '%s'", qid, item);
		else if (q->kind == Q_GRID && !cats && need_cat)
			rc = ex_fail(ps, "grid question '%s' needs a category: vraag.item.categorie", qid, NULL);
		else if (q->kind == Q_MENTIONS && cats)
			rc = ex_fail(ps, "'%s' counts mentions and has no categories", qid, NULL);
		else if (q->kind == Q_MENTIONS) {
			r->ncats = 1;
			r->cats[0] = 0;
		} else if (cats) {
			char *save = NULL;
			for (char *c = strtok_r(cats, "+", &save); c && !rc; c = strtok_r(NULL, "+", &save)) {
				int k = scale_find_cat(q->scale, c);
				if (k < 0)
					rc = ex_fail(ps, "unknown category '%s' in scale of '%s'", c, qid);
				else if (r->ncats < MAXCAT)
					r->cats[r->ncats++] = k;
			}
		}
	}
	free(t);
	return rc;
}


/* The value of one item of a reference. */
int ex_item_value(parser *ps, const ref *r, int item, enum what w, value *out)
{
	const item_stats *is = &r->qs->items[item];
	double a = 0, n = 0;
	/* a union of groups is suppressed when any member is (its sum with
	 * the published members would give the suppressed one away); one
	 * without answers only when all members are */
	int sup = 0, empty = 0;
	for (int gi = 0; gi < r->ngroups; gi++) {
		int g = r->groups[gi];
		n += is->n[g];
		if (is->sup[g] == SUP_NO_ANSWERS || is->n[g] <= 0)
			empty++;
		else if (is->sup[g])
			sup = ex_sup_join(sup, is->sup[g]);
		for (int c = 0; c < r->ncats; c++) {
			if (r->qs->q->kind == Q_GRID && is->pct[g][r->cats[c]] < 0 && is->n[g] > 0)
				return ex_fail(ps, "category '%s' is outside the base of group '%s'",
					    r->qs->q->scale->cats[r->cats[c]].id, group_id(ps->env->st->v->s->reg, g));
			a += is->count[g][r->cats[c]];
		}
	}
	switch (w) {
	case W_COUNT:
		*out = ex_num(a, F_COUNT);
		break;
	case W_N:
		*out = ex_num(n, F_COUNT);
		break;
	case W_EXACT:
		*out = ex_num(n > 0 ? 100.0 * a / n : 0, F_EXACT);
		break;
	case W_PCT:
		if (r->ncats == 1 && r->ngroups == 1)
			*out = ex_num(is->pct[r->groups[0]][r->cats[0]], F_PCT); /* as printed on the bar */
		else
			*out = ex_num(n > 0 ? (double)round_half_up(100.0 * a / n) : 0, F_PCT);
		break;
	}
	if (!sup && empty == r->ngroups)
		sup = SUP_NO_ANSWERS;
	if (sup && w != W_N) {
		out->num = NAN; /* not printed, and no test can read it */
		out->sup = sup;
	}
	out->q = r->qs->q;
	out->item = item;
	return 0;
}

int ex_ref_value(parser *ps, const char *text, enum what w, value *out)
{
	ref r;
	if (ex_resolve_ref(ps, text, &r, w != W_N))
		return -1;
	if (r.item >= 0)
		return ex_item_value(ps, &r, r.item, w, out);
	const question *q = r.qs->q;
	value l = { 0 };
	l.t = V_LIST;
	l.list = xcalloc((size_t)q->nitems, sizeof *l.list);
	for (int i = 0; i < q->nitems; i++) {
		if (!q->items[i].in_figure)
			continue; /* lists are over what the figure shows */
		if (ex_item_value(ps, &r, i, w, &l.list[l.nlist])) {
			value_free(&l);
			return -1;
		}
		l.nlist++;
	}
	*out = l;
	return 0;
}

const char *ex_item_label(const question *q, int idx)
{
	const item *it = &q->items[idx];
	return it->short_label ? it->short_label : it->label;
}

/* ------------------------------------------------------------ grammar */

static int parse_primary(parser *ps, value *out)
{
	ex_skip_ws(ps);
	if (*ps->p == '(') {
		ps->p++;
		if (ex_parse_expr(ps, out))
			return -1;
		if (!ex_accept(ps, ")")) {
			value_free(out);
			return ex_fail(ps, "expected ')'%s%s", "", "");
		}
		return 0;
	}
	if (*ps->p == '\'') {
		const char *s = ++ps->p;
		while (*ps->p && *ps->p != '\'')
			ps->p++;
		if (!*ps->p)
			return ex_fail(ps, "a string is not closed with '%s", "", "");
		char *t = xstrndup(s, (size_t)(ps->p - s));
		ps->p++;
		*out = ex_str(t);
		free(t);
		return 0;
	}
	if (isdigit((unsigned char)*ps->p)) {
		char *end;
		double x = strtod(ps->p, &end);
		if (!(fabs(x) <= EXPR_MAX)) {
			char *lit = xstrndup(ps->p, (size_t)(end - ps->p));
			int rc = ex_fail(ps, "the number %s is out of range; expected at most %s in size", lit, "10^15");
			free(lit);
			return rc;
		}
		ps->p = end;
		*out = ex_num(x, F_PLAIN);
		return 0;
	}
	const char *save = ps->p;
	char *name = ex_read_ref(ps);
	if (!name)
		return ex_fail(ps, "unexpected '%.10s'; expected a number, 'text', a function or a reference", ps->p, NULL);
	int rc;
	if (ex_accept(ps, "(")) {
		rc = ex_call(ps, name, out);
	} else if (strchr(name, '.')) {
		/* a bare reference: the number its figure shows, a count of
		 * mentions or a printed percentage */
		ref r;
		(void)save;
		rc = ex_resolve_ref(ps, name, &r, 1);
		if (!rc)
			rc = ex_ref_value(ps, name, r.qs->q->kind == Q_MENTIONS ? W_COUNT : W_PCT, out);
	} else {
		rc = ex_fail(ps, "'%s' is neither a function call nor a reference vraag.item%s", name, "");
	}
	free(name);
	return rc;
}

static int unary(parser *ps, value *out);

/* Every level of nesting passes through here: the depth limit lives here. */
static int parse_unary(parser *ps, value *out)
{
	if (ps->depth >= EXPR_MAX_DEPTH)
		return ex_fail(ps, "the expression is nested too deeply; expected at most %s levels of brackets, calls, 'not' and '-'%s", "100", "");
	ps->depth++;
	int rc = unary(ps, out);
	ps->depth--;
	return rc;
}

static int unary(parser *ps, value *out)
{
	if (ex_accept(ps, "not")) {
		value v;
		if (parse_unary(ps, &v))
			return -1;
		*out = ex_num(!value_truthy(&v), F_PLAIN);
		out->t = V_BOOL;
		out->sup = v.sup; /* not (unknown) is unknown */
		value_free(&v);
		return 0;
	}
	ex_skip_ws(ps);
	if (*ps->p == '-' && ps->p[1] != ' ') {
		ps->p++;
		value v;
		if (parse_unary(ps, &v))
			return -1;
		if (v.t != V_NUM) {
			value_free(&v);
			return ex_fail(ps, "'-' needs a number%s%s", "", "");
		}
		v.num = -v.num;
		*out = v;
		return 0;
	}
	return parse_primary(ps, out);
}

static int arith(parser *ps, char op, value *a, value *b, value *out)
{
	if (a->t != V_NUM || b->t != V_NUM) {
		value_free(a);
		value_free(b);
		return ex_fail(ps, "'%c' needs numbers on both sides", (char[]){ op, 0 }, NULL);
	}
	double x = a->num, y = b->num;
	vfmt f = (op == '+' || op == '-') && a->fmt == b->fmt ? a->fmt : F_PLAIN;
	if (op == '/' && y == 0 && !a->sup && !b->sup) {
		return ex_fail(ps, "division by zero%s%s", "", "");
	}
	if (a->sup || b->sup) {
		*out = ex_num(NAN, f);
		out->sup = ex_sup_join(a->sup, b->sup);
		out->q = a->q ? a->q : b->q;
		return 0;
	}
	double r = op == '+' ? x + y : op == '-' ? x - y : op == '*' ? x * y : x / y;
	if (fabs(r) > EXPR_MAX) /* NaN (no base) passes: it prints as a dash */
		return ex_fail(ps, "the result of '%s' is out of range; expected at most 10^15 in size%s", (char[]){ op, 0 }, "");
	*out = ex_num(r, f);
	if (op == '/' && (a->fmt == F_PCT || a->fmt == F_EXACT) && b->fmt == F_PLAIN)
		out->fmt = F_EXACT; /* a mean of percentages is still a percentage */
	return 0;
}

/* One level of left-associative arithmetic: operands from `next`, joined
 * by any operator character in `ops`. */
static int parse_level(parser *ps, value *out, const char *ops, int (*next)(parser *, value *))
{
	if (next(ps, out))
		return -1;
	for (;;) {
		ex_skip_ws(ps);
		char op = *ps->p;
		if (!op || !strchr(ops, op))
			return 0;
		ps->p++;
		value b, r;
		if (next(ps, &b)) {
			value_free(out);
			return -1;
		}
		if (arith(ps, op, out, &b, &r))
			return -1;
		value_free(out);
		value_free(&b);
		*out = r;
	}
}

static int parse_mul(parser *ps, value *out)
{
	return parse_level(ps, out, "*/", parse_unary);
}

static int parse_add(parser *ps, value *out)
{
	return parse_level(ps, out, "+-", parse_mul);
}

static int parse_cmp(parser *ps, value *out)
{
	if (parse_add(ps, out))
		return -1;
	static const char *const ops[] = { ">=", "<=", "!=", ">", "<", "=", NULL };
	for (int i = 0; ops[i]; i++) {
		if (!ex_accept(ps, ops[i]))
			continue;
		value b;
		if (parse_add(ps, &b)) {
			value_free(out);
			return -1;
		}
		int res;
		int sup = ex_sup_join(out->sup, b.sup);
		const question *origin = out->q ? out->q : b.q;
		if (sup) {
			res = 0;
		} else if (out->t == V_STR || b.t == V_STR) {
			if (out->t != V_STR || b.t != V_STR || (i != 2 && i != 5)) {
				value_free(out);
				value_free(&b);
				return ex_fail(ps, "texts can only be compared with = or !=%s%s", "", "");
			}
			int eq = !strcmp(out->str, b.str);
			res = i == 5 ? eq : !eq;
		} else if (out->t == V_LIST || b.t == V_LIST) {
			value_free(out);
			value_free(&b);
			return ex_fail(ps, "a list cannot be compared; use min(), max() or top()%s%s", "", "");
		} else {
			double x = out->num, y = b.num;
			const double eps = 1e-9;
			switch (i) {
			case 0: res = x >= y - eps; break;
			case 1: res = x <= y + eps; break;
			case 2: res = fabs(x - y) > eps; break;
			case 3: res = x > y + eps; break;
			case 4: res = x < y - eps; break;
			default: res = fabs(x - y) <= eps; break;
			}
		}
		value_free(out);
		value_free(&b);
		*out = ex_num(res, F_PLAIN);
		out->t = V_BOOL;
		out->sup = sup; /* a comparison with an unknown value is unknown */
		out->q = origin;
		return 0;
	}
	return 0;
}

/* One level of logic: operands from `next` joined by the keyword `op`
 * ("and" or "or"); the result is a truth value. */
static int parse_logic(parser *ps, value *out, const char *op, int (*next)(parser *, value *))
{
	if (next(ps, out))
		return -1;
	while (ex_accept(ps, op)) {
		value b;
		if (next(ps, &b)) {
			value_free(out);
			return -1;
		}
		/* a known false decides 'and', a known true decides 'or';
		 * otherwise an unknown side makes the whole unknown */
		int and = op[0] == 'a';
		int decided = and ? (!out->sup && !value_truthy(out)) || (!b.sup && !value_truthy(&b))
				  : (!out->sup && value_truthy(out)) || (!b.sup && value_truthy(&b));
		int sup = decided ? 0 : ex_sup_join(out->sup, b.sup);
		const question *origin = out->q ? out->q : b.q;
		int r = and ? value_truthy(out) && value_truthy(&b) : value_truthy(out) || value_truthy(&b);
		value_free(out);
		value_free(&b);
		*out = ex_num(r, F_PLAIN);
		out->t = V_BOOL;
		out->sup = sup;
		out->q = origin;
	}
	return 0;
}

static int parse_and(parser *ps, value *out)
{
	return parse_logic(ps, out, "and", parse_cmp);
}

int ex_parse_expr(parser *ps, value *out)
{
	return parse_logic(ps, out, "or", parse_and);
}

int expr_eval(const expr_env *env, const char *src, const char *file, long line, value *out, struct err *e)
{
	parser ps = { env, src, src, file, line, e, 0, 0 };
	memset(out, 0, sizeof *out);
	if (ex_parse_expr(&ps, out))
		return -1;
	ex_skip_ws(&ps);
	if (*ps.p) {
		value_free(out);
		ps.failed = 0;
		return ex_fail(&ps, "unexpected '%s' after the end of the expression%s", ps.p, "");
	}
	return 0;
}

/* ------------------------------------------------------------ formatting */

char *value_format(const value *v, const char *file, long line, const char *src, struct err *e)
{
	if (v->sup && v->t != V_LIST)
		return xstrdup(suppressed_phrase(v->sup, v->q && v->q->unit == UNIT_RESPONDENT));
	switch (v->t) {
	case V_STR:
		return xstrdup(v->str);
	case V_BOOL:
		return xstrdup(T(v->num ? "waarde.ja" : "waarde.nee"));
	case V_LIST:
		err_set(e, file, line, "expression '%s': a list cannot be printed; expected one value (use min, max or top)", src);
		return NULL;
	case V_NUM:
		break;
	}
	double x = v->num;
	if (isnan(x))
		return xstrdup("–");
	if (!(fabs(x) <= EXPR_MAX)) {
		err_set(e, file, line, "expression '%s': the value is out of range and cannot be printed; expected a number of at most 10^15 in size", src);
		return NULL;
	}
	int whole = fabs(x - round(x)) < 1e-9;
	switch (v->fmt) {
	case F_PCT: {
		char *n = nl_int(lround(x));
		char *s = xasprintf("%s%%", n);
		free(n);
		return s;
	}
	case F_EXACT: {
		char *n = nl_decimal(x, 1);
		char *s = xasprintf("%s%%", n);
		free(n);
		return s;
	}
	default:
		return whole ? nl_int(lround(x)) : nl_decimal(x, 1);
	}
}

char *value_describe(const value *v)
{
	struct err e;
	if (v->t == V_LIST)
		return xasprintf("[%d values]", v->nlist);
	char *s = value_format(v, "", 0, "", &e);
	if (v->t == V_STR) {
		char *q = xasprintf("‘%s’", s);
		free(s);
		return q;
	}
	return s;
}

char *nl_number_word(long n)
{
	/* the terms getal.woord.0 .. getal.woord.20; larger numbers in digits */
	if (n >= 0 && n <= 20) {
		char id[16];
		snprintf(id, sizeof id, "getal.woord.%ld", n);
		return xstrdup(T(id));
	}
	return nl_int(n);
}

char *nl_fraction_words(double x)
{
	static const struct {
		double v;
		const char *id; /* the term of its words */
	} f[] = {
		{ 0.0, "breuk.geen" },           { 0.1, "breuk.tiende" },        { 0.2, "breuk.vijfde" },
		{ 0.25, "breuk.kwart" },         { 1.0 / 3, "breuk.derde" },     { 0.4, "breuk.twee_vijfde" },
		{ 0.5, "breuk.helft" },          { 0.6, "breuk.drie_vijfde" },   { 2.0 / 3, "breuk.twee_derde" },
		{ 0.75, "breuk.driekwart" },     { 0.8, "breuk.vier_vijfde" },   { 0.9, "breuk.negen_tiende" },
		{ 1.0, "breuk.alle" },
	};
	int best = 0;
	for (size_t i = 1; i < sizeof f / sizeof f[0]; i++)
		if (fabs(f[i].v - x) < fabs(f[best].v - x))
			best = (int)i;
	if (fabs(f[best].v - x) < 0.005)
		return xstrdup(T(f[best].id));
	return TF("breuk.ongeveer", T(f[best].id));
}

/* The one scale of quantifiers (docs/templates.md, "Kwantoren"): every word a
 * template prints for a share comes from here (the terms kwantor.*), and the
 * lint (lint.c) checks typed words against the same terms and bounds. A
 * percentage p (0-100):
 *   0            geen enkele        55 < p < 75   een meerderheid
 *   0 < p < 10   vrijwel geen       75 <= p < 90  de meeste
 *   10 <= p < 30 weinig             90 <= p < 100 vrijwel alle
 *   30 <= p < 45 een minderheid     100           alle
 *   45 <= p <= 55 ongeveer de helft
 * With a noun the step's form says how the phrase is built: "geen enkele
 * gemeente", "een minderheid van de gemeenten", "de meeste gemeenten". */
const nl_quantifier_step nl_quantifier_scale[] = {
	{ "kwantor.geen_enkele", 0, 0, NL_Q_ONE },      { "kwantor.vrijwel_geen", 1e-9, 10, NL_Q_MANY },
	{ "kwantor.weinig", 10, 30, NL_Q_MANY },        { "kwantor.minderheid", 30, 45, NL_Q_OF },
	{ "kwantor.helft", 45, 55, NL_Q_OF },           { "kwantor.meerderheid", 55, 75, NL_Q_OF },
	{ "kwantor.meeste", 75, 90, NL_Q_MANY },        { "kwantor.vrijwel_alle", 90, 100, NL_Q_MANY },
	{ "kwantor.alle", 100, 100, NL_Q_MANY },        { NULL, 0, 0, 0 },
};

const nl_quantifier_step *nl_quantifier_step_of(double p)
{
	if (p < 1e-9)
		return &nl_quantifier_scale[0];
	if (p > 100 - 1e-9)
		return &nl_quantifier_scale[8];
	for (int i = 1; nl_quantifier_scale[i + 1].id; i++) {
		const nl_quantifier_step *q = &nl_quantifier_scale[i];
		/* lower bound inclusive, upper exclusive; the middle step holds both */
		if (p >= q->lo && (p < q->hi || (i == 4 && p <= q->hi)))
			return q;
	}
	return &nl_quantifier_scale[7];
}

const char *nl_quantifier(double p)
{
	return T(nl_quantifier_step_of(p)->id);
}

char *nl_quantifier_phrase(double p, const char *one, const char *many)
{
	const nl_quantifier_step *q = nl_quantifier_step_of(p);
	const char *w = T(q->id);
	if (!one)
		return xstrdup(w);
	switch (q->form) {
	case NL_Q_ONE:
		return xasprintf("%s %s", w, one);
	case NL_Q_OF:
		return xasprintf("%s %s %s", w, T("kwantor.van_de"), many);
	default:
		return xasprintf("%s %s", w, many);
	}
}
