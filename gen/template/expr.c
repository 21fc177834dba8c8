/* expr.c: parses and evaluates template expressions against one variant's
 * stats (see expr.h and docs/templates.md, "Expressions"). A recursive-descent parser
 * that computes as it goes; errors name the template file and line. */
#include "expr.h"
#include "disclosure.h"

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* The largest magnitude a report prints: beyond it a number is a template
 * error, not text. Whole numbers up to here are exact in a double and fit a
 * long, so formatting and rounding never overflow. */
#define EXPR_MAX 1e15
/* How deep brackets, function calls, 'not' and '-' may nest: the parser
 * recurses once per level, and a template must not be able to exhaust the
 * stack (found by fuzz_expr: a few thousand '('). */
#define EXPR_MAX_DEPTH 100

typedef struct {
	const expr_env *env;
	const char *src, *p;
	const char *file;
	long line;
	struct err *e;
	int failed;
	int depth;
} parser;

static int fail(parser *ps, const char *fmt, const char *a, const char *b)
{
	if (ps->failed)
		return -1;
	ps->failed = 1;
	char what[512];
	snprintf(what, sizeof what, fmt, a ? a : "", b ? b : "");
	/* a long expression is cut short, so the message keeps what is wrong */
	int n = (int)strlen(ps->src);
	const char *more = n > 200 ? "…" : "";
	return err_set(ps->e, ps->file, ps->line, "expressie '%.*s%s': %s", n > 200 ? 200 : n, ps->src, more, what);
}

void value_free(value *v)
{
	free(v->str);
	for (int i = 0; i < v->nlist; i++)
		value_free(&v->list[i]);
	free(v->list);
	memset(v, 0, sizeof *v);
}

static value num(double x, vfmt f)
{
	value v = { 0 };
	v.t = V_NUM;
	v.num = x;
	v.fmt = f;
	return v;
}

static value str(const char *s)
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
		return "(geen antwoorden)";
	case SUP_SMALL_BASE:
		return respondent_unit ? "(niet vermeld: te weinig respondenten)" : "(niet vermeld: te weinig gemeenten)";
	default:
		return "(niet vermeld: anders te herleiden)";
	}
}

/* The stronger of two suppression reasons: a small base outweighs "no
 * answers", so a phrase never hides that there were some. */
static int sup_join(int a, int b)
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

static void skip_ws(parser *ps)
{
	while (*ps->p == ' ' || *ps->p == '\t' || *ps->p == '\n' || *ps->p == '\r')
		ps->p++;
}

static int accept(parser *ps, const char *tok)
{
	skip_ws(ps);
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
static char *read_ref(parser *ps)
{
	skip_ws(ps);
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

typedef struct {
	const question_stats *qs;
	int item;            /* -1 for '*' */
	int ncats;
	int cats[MAXCAT];
	int ngroups;
	int groups[NGROUPS];
} ref;

static int parse_groups(const char *g, ref *r)
{
	static const struct {
		const char *name;
		int groups[4];
		int n;
	} map[] = {
		{ "lt20k", { 1 }, 1 },       { "20-50k", { 2 }, 1 },    { "50-100k", { 3 }, 1 },
		{ "100k+", { 4 }, 1 },       { "lt50k", { 1, 2 }, 2 },  { "50k+", { 3, 4 }, 2 },
		{ "lt100k", { 1, 2, 3 }, 3 }, { "20k+", { 2, 3, 4 }, 3 },
	};
	for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
		if (!strcmp(map[i].name, g)) {
			r->ngroups = map[i].n;
			memcpy(r->groups, map[i].groups, sizeof map[i].groups);
			return 0;
		}
	return -1;
}

static int resolve_ref(parser *ps, const char *text, ref *r, int need_cat)
{
	memset(r, 0, sizeof *r);
	char *t = xstrdup(text);
	char *at = strchr(t, '@');
	r->ngroups = 1;
	r->groups[0] = G_TOTAL;
	if (at) {
		*at = 0;
		if (parse_groups(at + 1, r)) {
			fail(ps, "unknown group '%s'; expected lt20k, 20-50k, 50-100k, 100k+, lt50k, 50k+, lt100k or 20k+", at + 1, NULL);
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
		rc = fail(ps, "unknown question '%s'; expected a question id of vragenlijst.xml", qid, NULL);
	else if (r->qs->q->kind == Q_OPEN)
		rc = fail(ps, "'%s' is an open question; numbers come from grid and mention questions", qid, NULL);
	else if (!item)
		rc = fail(ps, "'%s' names no item; expected vraag.item or vraag.*", qid, NULL);
	if (!rc) {
		const question *q = r->qs->q;
		r->item = !strcmp(item, "*") ? -1 : question_find_item(q, item);
		if (r->item < 0 && strcmp(item, "*"))
			rc = fail(ps, "question '%s' has no item '%s'", qid, item);
		else if (q->kind == Q_GRID && !cats && need_cat)
			rc = fail(ps, "grid question '%s' needs a category: vraag.item.categorie", qid, NULL);
		else if (q->kind == Q_MENTIONS && cats)
			rc = fail(ps, "'%s' counts mentions and has no categories", qid, NULL);
		else if (q->kind == Q_MENTIONS) {
			r->ncats = 1;
			r->cats[0] = 0;
		} else if (cats) {
			char *save = NULL;
			for (char *c = strtok_r(cats, "+", &save); c && !rc; c = strtok_r(NULL, "+", &save)) {
				int k = scale_find_cat(q->scale, c);
				if (k < 0)
					rc = fail(ps, "unknown category '%s' in scale of '%s'", c, qid);
				else if (r->ncats < MAXCAT)
					r->cats[r->ncats++] = k;
			}
		}
	}
	free(t);
	return rc;
}

enum what { W_PCT, W_EXACT, W_COUNT, W_N };

/* The value of one item of a reference. */
static int item_value(parser *ps, const ref *r, int item, enum what w, value *out)
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
			sup = sup_join(sup, is->sup[g]);
		for (int c = 0; c < r->ncats; c++) {
			if (r->qs->q->kind == Q_GRID && is->pct[g][r->cats[c]] < 0 && is->n[g] > 0)
				return fail(ps, "category '%s' is outside the base of group '%s'",
					    r->qs->q->scale->cats[r->cats[c]].id, group_id(g));
			a += is->count[g][r->cats[c]];
		}
	}
	switch (w) {
	case W_COUNT:
		*out = num(a, F_COUNT);
		break;
	case W_N:
		*out = num(n, F_COUNT);
		break;
	case W_EXACT:
		*out = num(n > 0 ? 100.0 * a / n : 0, F_EXACT);
		break;
	case W_PCT:
		if (r->ncats == 1 && r->ngroups == 1)
			*out = num(is->pct[r->groups[0]][r->cats[0]], F_PCT); /* as printed on the bar */
		else
			*out = num(n > 0 ? (double)round_half_up(100.0 * a / n) : 0, F_PCT);
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

static int ref_value(parser *ps, const char *text, enum what w, value *out)
{
	ref r;
	if (resolve_ref(ps, text, &r, w != W_N))
		return -1;
	if (r.item >= 0)
		return item_value(ps, &r, r.item, w, out);
	const question *q = r.qs->q;
	value l = { 0 };
	l.t = V_LIST;
	l.list = xcalloc((size_t)q->nitems, sizeof *l.list);
	for (int i = 0; i < q->nitems; i++) {
		if (!q->items[i].in_figure)
			continue; /* lists are over what the figure shows */
		if (item_value(ps, &r, i, w, &l.list[l.nlist])) {
			value_free(&l);
			return -1;
		}
		l.nlist++;
	}
	*out = l;
	return 0;
}

static const char *item_label(const question *q, int idx)
{
	const item *it = &q->items[idx];
	return it->short_label ? it->short_label : it->label;
}

/* ------------------------------------------------------------ functions */

static int parse_expr(parser *ps, value *out);

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
			return fail(ps, "min/max/top/bottom take numbers or lists%s%s", "", "");
		}
	}
	return 0;
}

static int call(parser *ps, const char *name, value *out)
{
	const expr_env *env = ps->env;
	const stats *st = env->st;
	/* functions whose argument is a reference or a question id */
	static const char *const ref_funcs[] = { "pct", "exact", "count", "n", "rank", "label", NULL };
	static const char *const qid_funcs[] = { "items", "antwoorden", "gemeenten_met", NULL };
	for (int i = 0; ref_funcs[i]; i++) {
		if (strcmp(name, ref_funcs[i]))
			continue;
		char *r = read_ref(ps);
		if (!r)
			return fail(ps, "%s() takes a reference vraag.item.categorie%s", name, "");
		int rc;
		if (!strcmp(name, "label") || !strcmp(name, "rank")) {
			ref rr;
			rc = resolve_ref(ps, r, &rr, !strcmp(name, "rank"));
			if (!rc && rr.item < 0)
				rc = fail(ps, "%s() needs one item, not '*'%s", name, "");
			if (!rc && !strcmp(name, "label")) {
				*out = str(item_label(rr.qs->q, rr.item));
				out->q = rr.qs->q; /* names an item: read by the lint */
				out->item = rr.item;
			} else if (!rc) {
				/* rank by count among the figure's items; ties share a rank */
				value mine;
				rc = item_value(ps, &rr, rr.item, rr.qs->q->kind == Q_GRID ? W_EXACT : W_COUNT, &mine);
				int rank = 1;
				for (int k = 0; !rc && k < rr.qs->q->nitems; k++) {
					value other;
					if (k == rr.item || !rr.qs->q->items[k].in_figure)
						continue;
					rc = item_value(ps, &rr, k, rr.qs->q->kind == Q_GRID ? W_EXACT : W_COUNT, &other);
					if (!rc && other.sup && other.sup != SUP_NO_ANSWERS)
						mine.sup = sup_join(mine.sup, other.sup);
					/* ties share their rank: 1, 2, 2, 4 */
					if (!rc && other.num > mine.num + 1e-9)
						rank++;
				}
				*out = num(rank, F_PLAIN);
				if (mine.sup) {
					out->sup = mine.sup;
					out->num = NAN;
				}
			}
		} else {
			enum what w = !strcmp(name, "pct") ? W_PCT : !strcmp(name, "exact") ? W_EXACT
				      : !strcmp(name, "count") ? W_COUNT : W_N;
			rc = ref_value(ps, r, w, out);
		}
		free(r);
		if (!rc && !accept(ps, ")")) {
			value_free(out);
			rc = fail(ps, "expected ')' after the reference of %s()%s", name, "");
		}
		return rc;
	}
	for (int i = 0; qid_funcs[i]; i++) {
		if (strcmp(name, qid_funcs[i]))
			continue;
		char *r = read_ref(ps);
		const question_stats *qs = r ? stats_question(st, r) : NULL;
		int rc = 0;
		if (!qs)
			rc = fail(ps, "%s() takes a question id; '%s' is not one", name, r ? r : "");
		else if (!strcmp(name, "items")) {
			int k = 0;
			for (int j = 0; j < qs->q->nitems; j++)
				k += qs->q->items[j].in_figure;
			*out = num(k, F_COUNT);
		} else if (qs->q->kind != Q_OPEN)
			rc = fail(ps, "%s() takes an open question; '%s' is not one", name, r);
		else
			*out = num(!strcmp(name, "antwoorden") ? qs->open_respondents : qs->open_gemeenten, F_COUNT);
		free(r);
		if (!rc && !accept(ps, ")"))
			rc = fail(ps, "expected ')' after %s(%s", name, "");
		return rc;
	}
	if (!strcmp(name, "landelijk")) {
		/* landelijk(expr): the same expression on the whole country's
		 * numbers, for "in Gelderland 68%, landelijk 82%" */
		expr_env nat = *env;
		if (st->national)
			nat.st = st->national;
		const expr_env *saved = ps->env;
		ps->env = &nat;
		int rc = parse_expr(ps, out);
		ps->env = saved;
		if (!rc && !accept(ps, ")")) {
			value_free(out);
			rc = fail(ps, "expected ')' after the expression of landelijk()%s%s", "", "");
		}
		return rc;
	}
	/* functions with expression arguments */
	value args[16];
	int nargs = 0;
	if (!accept(ps, ")")) {
		do {
			if (nargs == 16) {
				fail(ps, "too many arguments to %s(); expected at most %s", name, "16");
				goto bad;
			}
			if (parse_expr(ps, &args[nargs]))
				goto bad;
			nargs++;
		} while (accept(ps, ","));
		if (!accept(ps, ")")) {
			fail(ps, "expected ')' or ',' in the arguments of %s()%s", name, "");
			goto bad;
		}
	}
	int rc = 0;
	if (!strcmp(name, "respondenten") || !strcmp(name, "gemeenten") || !strcmp(name, "register")) {
		*out = num(!strcmp(name, "respondenten") ? st->respondents
			   : !strcmp(name, "gemeenten") ? st->gemeenten : st->register_n, F_COUNT);
	} else if (!strcmp(name, "uitgave")) {
		*out = str(st->v->slug); /* 'nederland', 'gelderland', 'oost-nederland' */
	} else if (!strcmp(name, "in_gebied")) {
		/* in_gebied('Zwolle'): is this gemeente in the edition's area? */
		if (nargs != 1 || args[0].t != V_STR)
			rc = fail(ps, "in_gebied() takes the name of a gemeente: in_gebied('Zwolle')%s%s", "", "");
		else {
			const registry *reg = st->v->s->reg;
			int found = -1;
			for (int i = 0; i < reg->n && found < 0; i++)
				if (!strcmp(reg->g[i].name, args[0].str))
					found = i;
			if (found < 0)
				rc = fail(ps, "in_gebied(): '%s' is not a gemeente of the register%s", args[0].str, "");
			else {
				*out = num(variant_has_province(st->v, reg->g[found].province), F_PLAIN);
				out->t = V_BOOL;
			}
		}
	} else if (!strcmp(name, "vermeld")) {
		/* vermeld(x, ...): true when every value (or list element) may
		 * be printed; a known truth, so a <keuze> on it reads clearly */
		int ok = nargs > 0;
		for (int i = 0; i < nargs; i++) {
			ok &= !args[i].sup;
			for (int j = 0; j < args[i].nlist; j++)
				ok &= !args[i].list[j].sup;
		}
		*out = num(ok, F_PLAIN);
		out->t = V_BOOL;
	} else if (!strcmp(name, "respons")) {
		*out = num(st->register_n ? (double)round_half_up(100.0 * st->gemeenten / st->register_n) : 0, F_PCT);
	} else if (!strcmp(name, "veldwerk_van") || !strcmp(name, "veldwerk_tot")) {
		const char *d = !strcmp(name, "veldwerk_van") ? env->veldwerk_van : env->veldwerk_tot;
		if (!d)
			rc = fail(ps, "no <veldwerk> in rapport.xml%s%s", "", "");
		else {
			char *s = nl_date_day_month(d);
			*out = str(s);
			free(s);
		}
	} else if (!strcmp(name, "veldwerk_weken")) {
		struct tm a = { 0 }, b = { 0 };
		if (!env->veldwerk_van || !env->veldwerk_tot ||
		    sscanf(env->veldwerk_van, "%d-%d-%d", &a.tm_year, &a.tm_mon, &a.tm_mday) != 3 ||
		    sscanf(env->veldwerk_tot, "%d-%d-%d", &b.tm_year, &b.tm_mon, &b.tm_mday) != 3) {
			rc = fail(ps, "no <veldwerk> dates in rapport.xml%s%s", "", "");
		} else {
			a.tm_year -= 1900, b.tm_year -= 1900, a.tm_mon--, b.tm_mon--;
			a.tm_hour = b.tm_hour = 12;
			double days = difftime(timegm(&b), timegm(&a)) / 86400.0;
			*out = num(round(days / 7.0), F_COUNT);
		}
	} else if ((!strcmp(name, "woord") || !strcmp(name, "breuk")) && nargs == 1 && args[0].t == V_NUM && args[0].sup) {
		*out = args[0]; /* a suppressed number stays suppressed in words */
		args[0].list = NULL, args[0].nlist = 0, args[0].str = NULL;
	} else if (!strcmp(name, "woord") || !strcmp(name, "breuk")) {
		double x = nargs == 1 && args[0].t == V_NUM ? args[0].num : 0;
		/* a share: percentages and numbers above 1 count in hundredths */
		double share = nargs == 1 && (args[0].fmt == F_PCT || args[0].fmt == F_EXACT || x > 1) ? x / 100.0 : x;
		char *s = NULL;
		if (nargs != 1 || args[0].t != V_NUM)
			rc = fail(ps, "%s() takes one number%s", name, "");
		else if (isnan(x)) {
			/* no base: withheld like the number itself (no sentence prints it) */
			*out = num(NAN, F_PLAIN);
			out->sup = SUP_NO_ANSWERS;
		}
		else if (!strcmp(name, "woord") && !(fabs(x) <= EXPR_MAX))
			rc = fail(ps, "woord(): the number is out of range; expected at most %s in size%s", "10^15", "");
		else if (!strcmp(name, "woord"))
			s = nl_number_word(lround(x));
		else if (!(share >= -1e-9 && share <= 1 + 1e-9)) {
			char *d = value_describe(&args[0]);
			rc = fail(ps, "breuk(%s) is not a share; expected a number from 0 to 1, or a percentage from 0%% to 100%%%s", d, "");
			free(d);
		} else
			s = nl_fraction_words(share);
		if (s) {
			*out = str(s);
			free(s);
		}
	} else if (!strcmp(name, "opsomming")) {
		/* opsomming(list[, k]): the items from the highest value down,
		 * each once, ties named together with one value: "de VNG en
		 * directe collega’s (elk 50%), andere gemeenten (45%) en ...";
		 * the first k values (all items tied with the k-th included) */
		double kk = nargs == 2 && args[1].t == V_NUM ? args[1].num : 1e6;
		value *flat = NULL;
		int nflat = 0;
		if (nargs < 1 || nargs > 2 || args[0].t != V_LIST || !(kk >= 1 && kk == floor(kk)))
			rc = fail(ps, "opsomming() takes a list and how many to name: opsomming(pct(vraag.*), 3)%s%s", "", "");
		else if (!(rc = gather(ps, args, 1, &flat, &nflat))) {
			int sup = 0, kept = 0;
			for (int i = 0; i < nflat; i++) {
				if (flat[i].sup == SUP_NO_ANSWERS || isnan(flat[i].num))
					continue;
				if (flat[i].sup)
					sup = sup_join(sup, flat[i].sup);
				else
					flat[kept++] = flat[i];
			}
			if (sup || !kept || !flat[0].q) {
				*out = num(NAN, F_PLAIN);
				out->sup = sup ? sup : SUP_NO_ANSWERS;
				out->q = nflat ? flat[0].q : NULL;
			} else {
				/* by value, ties in questionnaire order (a stable sort) */
				for (int i = 1; i < kept; i++)
					for (int j = i; j > 0 && flat[j].num > flat[j - 1].num + 1e-9; j--) {
						value t = flat[j];
						flat[j] = flat[j - 1];
						flat[j - 1] = t;
					}
				strbuf b;
				sb_init(&b);
				int groups = 0, i = 0;
				/* how many groups: values, distinct, up to k */
				int ng = 0;
				for (int a = 0; a < kept && ng < (int)kk; ng++) {
					int z = a;
					while (z < kept && fabs(flat[z].num - flat[a].num) < 1e-9)
						z++;
					a = z;
				}
				while (i < kept && groups < ng) {
					int j = i;
					while (j < kept && fabs(flat[j].num - flat[i].num) < 1e-9)
						j++;
					if (groups)
						sb_add(&b, groups == ng - 1 ? " en " : ", ");
					for (int m = i; m < j; m++) {
						if (m > i)
							sb_add(&b, m == j - 1 ? " en " : ", ");
						sb_add(&b, item_label(flat[m].q, flat[m].item));
					}
					struct err scratch;
					char *v = value_format(&flat[i], "", 0, "", &scratch);
					sb_printf(&b, " (%s%s)", j - i > 1 ? "elk " : "", v ? v : "");
					free(v);
					groups++;
					i = j;
				}
				*out = str(b.s);
				out->q = flat[0].q;
				out->item = -1;
				sb_free(&b);
			}
			free(flat);
		}
	} else if (!strcmp(name, "kwantor") || !strcmp(name, "aandeel")) {
		/* kwantor(x[, 'gemeente', 'gemeenten']): the word of the one scale
		 * (nl_quantifier) for a percentage, with its noun phrase;
		 * aandeel(x, 'gemeente', 'gemeenten'): "83% van de gemeenten",
		 * but "geen enkele gemeente" and "alle gemeenten" at the ends */
		int words = (nargs == 3 || nargs == 5) && args[1].t == V_STR && args[2].t == V_STR &&
			    (nargs == 3 || (args[3].t == V_STR && args[4].t == V_STR));
		if (nargs < 1 || args[0].t != V_NUM || !(words || (nargs == 1 && name[0] == 'k')))
			rc = fail(ps, "%s() takes a percentage and two words: %s(pct(x), 'gemeente', 'gemeenten')", name, name);
		else if (args[0].sup || isnan(args[0].num)) {
			*out = num(NAN, F_PCT);
			out->sup = args[0].sup ? args[0].sup : SUP_NO_ANSWERS;
			out->q = args[0].q;
		} else {
			double x = args[0].num;
			if (args[0].fmt != F_PCT && args[0].fmt != F_EXACT && x <= 1)
				x *= 100; /* a share */
			char *s;
			if (!(x >= -1e-9 && x <= 100 + 1e-9)) {
				char *d = value_describe(&args[0]);
				rc = fail(ps, "%s(%s) is not a percentage; expected a value from 0%% to 100%%", name, d);
				free(d);
				s = NULL;
			} else if (name[0] == 'k')
				s = nl_quantifier_phrase(x, words ? args[1].str : NULL, words ? args[2].str : NULL);
			else if (x < 1e-9 || x > 100 - 1e-9)
				s = nl_quantifier_phrase(x, args[1].str, args[2].str);
			else {
				char *n = args[0].fmt == F_EXACT ? nl_decimal(x, 1) : nl_int(lround(x));
				s = xasprintf("%s%% van de %s", n, args[2].str);
				free(n);
			}
			if (s && nargs == 5) {
				/* the verb agrees: "geen enkele gemeente heeft", "alle gemeenten hebben",
				 * "83% van de gemeenten heeft" */
				int plural = !strncmp(s, "vrijwel ", 8) || !strncmp(s, "weinig ", 7) ||
					     !strncmp(s, "de meeste ", 10) || !strncmp(s, "alle ", 5);
				char *t2 = xasprintf("%s %s", s, plural ? args[4].str : args[3].str);
				free(s);
				s = t2;
			}
			if (s) {
				*out = str(s);
				out->q = args[0].q;
				out->item = -1;
				out->quantifier = name[0] == 'k' ? 1 : 2;
				free(s);
			}
		}
	} else if (!strcmp(name, "aantal") || !strcmp(name, "aantal_woord")) {
		/* number and noun agree: aantal(n, 'gemeente', 'gemeenten') */
		if (nargs != 3 || args[0].t != V_NUM || args[1].t != V_STR || args[2].t != V_STR)
			rc = fail(ps, "%s() takes a number and two words: aantal(x, 'gemeente', 'gemeenten')%s", name, "");
		else if (args[0].sup) {
			*out = num(NAN, F_COUNT);
			out->sup = args[0].sup;
			out->q = args[0].q;
		} else {
			double x = args[0].num;
			int one = fabs(x - 1) < 1e-9;
			char *n = name[6] ? nl_number_word(lround(x))
				  : fabs(x - round(x)) < 1e-9 ? nl_int(lround(x)) : nl_decimal(x, 1);
			char *s = xasprintf("%s %s", n, one ? args[1].str : args[2].str);
			*out = str(s);
			free(n);
			free(s);
		}
	} else if (!strcmp(name, "min") || !strcmp(name, "max") || !strcmp(name, "top") || !strcmp(name, "bottom") ||
		   !strcmp(name, "gelijk_top") || !strcmp(name, "gelijk_bodem")) {
		int k = 1;
		int nflat = 0;
		value *flat = NULL;
		int top = !strcmp(name, "top") || !strcmp(name, "max") || !strcmp(name, "gelijk_top");
		int nlists = nargs;
		double kk = 1;
		if ((!strcmp(name, "top") || !strcmp(name, "bottom")) && nargs == 2 && args[1].t == V_NUM) {
			kk = args[1].num;
			nlists = 1;
		}
		/* a position: whole, and checked before it becomes an int */
		if (!(kk >= 1 && kk <= 1e6 && kk == floor(kk)))
			rc = fail(ps, "%s(): the position is not a whole number from 1 to the length of the list; expected e.g. %s(vraag.*, 2)", name, name);
		else if (nargs == 0)
			rc = fail(ps, "%s() needs a list%s", name, "");
		else if (!(rc = gather(ps, args, nlists, &flat, &nflat))) {
			k = (int)kk;
			/* values without answers take no part; a value that is
			 * suppressed for its small base could be the highest or
			 * the lowest, so then the answer is not known */
			int kept = 0, sup = 0;
			for (int i = 0; i < nflat; i++) {
				if (flat[i].sup == SUP_NO_ANSWERS)
					continue;
				if (flat[i].sup)
					sup = sup_join(sup, flat[i].sup);
				else if (!isnan(flat[i].num))
					flat[kept++] = flat[i];
			}
			nflat = kept;
			if (sup || nflat == 0) {
				*out = num(NAN, F_PLAIN);
				out->sup = sup ? sup : SUP_NO_ANSWERS;
				if (nargs && args[0].t == V_LIST && args[0].nlist)
					out->q = args[0].list[0].q;
				else if (nargs)
					out->q = args[0].q;
			} else if (k < 1 || k > nflat) {
				char *len = xasprintf("%d", nflat);
				rc = fail(ps, "%s(): there is no such element in the list; expected a position from 1 to %s", name, len);
				free(len);
			} else {
				/* order: by value, ties by position (questionnaire order) */
				int *order = xcalloc((size_t)nflat, sizeof *order);
				for (int i = 0; i < nflat; i++)
					order[i] = i;
				for (int i = 1; i < nflat; i++)
					for (int j = i; j > 0; j--) {
						double a = flat[order[j - 1]].num, b = flat[order[j]].num;
						if (top ? (b > a + 1e-9) : (b < a - 1e-9)) {
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
				if (!strcmp(name, "gelijk_top") || !strcmp(name, "gelijk_bodem")) {
					*out = num(ties, F_COUNT);
				} else if (!strcmp(name, "min") || !strcmp(name, "max")) {
					*out = num(pick.num, pick.fmt);
					out->q = pick.q;
					out->item = pick.item;
					out->ties = ties;
				} else if (!pick.q) {
					rc = fail(ps, "%s() needs values taken from items%s", name, "");
				} else if (k == 1 && ties > 1) {
					/* "X en Y", "X, Y en Z" in questionnaire order */
					strbuf b;
					sb_init(&b);
					int done = 0;
					for (int i = 0; i < nflat; i++) {
						if (fabs(flat[i].num - pick.num) >= 1e-9)
							continue;
						done++;
						if (done > 1)
							sb_add(&b, done == ties ? " en " : ", ");
						sb_add(&b, item_label(flat[i].q, flat[i].item));
					}
					*out = str(b.s);
					out->q = pick.q;
					out->ties = ties;
					sb_free(&b);
				} else {
					*out = str(item_label(pick.q, pick.item));
					out->q = pick.q;
					out->item = pick.item;
					out->ties = ties;
				}
				free(order);
			}
			free(flat);
		}
	} else {
		rc = fail(ps, "unknown function '%s'%s", name, "");
	}
	for (int i = 0; i < nargs; i++)
		value_free(&args[i]);
	return rc;
bad:
	for (int i = 0; i < nargs; i++)
		value_free(&args[i]);
	return -1;
}

/* ------------------------------------------------------------ grammar */

static int parse_primary(parser *ps, value *out)
{
	skip_ws(ps);
	if (*ps->p == '(') {
		ps->p++;
		if (parse_expr(ps, out))
			return -1;
		if (!accept(ps, ")")) {
			value_free(out);
			return fail(ps, "expected ')'%s%s", "", "");
		}
		return 0;
	}
	if (*ps->p == '\'') {
		const char *s = ++ps->p;
		while (*ps->p && *ps->p != '\'')
			ps->p++;
		if (!*ps->p)
			return fail(ps, "a string is not closed with '%s", "", "");
		char *t = xstrndup(s, (size_t)(ps->p - s));
		ps->p++;
		*out = str(t);
		free(t);
		return 0;
	}
	if (isdigit((unsigned char)*ps->p)) {
		char *end;
		double x = strtod(ps->p, &end);
		if (!(fabs(x) <= EXPR_MAX)) {
			char *lit = xstrndup(ps->p, (size_t)(end - ps->p));
			int rc = fail(ps, "the number %s is out of range; expected at most %s in size", lit, "10^15");
			free(lit);
			return rc;
		}
		ps->p = end;
		*out = num(x, F_PLAIN);
		return 0;
	}
	const char *save = ps->p;
	char *name = read_ref(ps);
	if (!name)
		return fail(ps, "unexpected '%.10s'; expected a number, 'text', a function or a reference", ps->p, NULL);
	int rc;
	if (accept(ps, "(")) {
		rc = call(ps, name, out);
	} else if (strchr(name, '.')) {
		/* a bare reference: the number its figure shows, a count of
		 * mentions or a printed percentage */
		ref r;
		(void)save;
		rc = resolve_ref(ps, name, &r, 1);
		if (!rc)
			rc = ref_value(ps, name, r.qs->q->kind == Q_MENTIONS ? W_COUNT : W_PCT, out);
	} else {
		rc = fail(ps, "'%s' is neither a function call nor a reference vraag.item%s", name, "");
	}
	free(name);
	return rc;
}

static int unary(parser *ps, value *out);

/* Every level of nesting passes through here: the depth limit lives here. */
static int parse_unary(parser *ps, value *out)
{
	if (ps->depth >= EXPR_MAX_DEPTH)
		return fail(ps, "the expression is nested too deeply; expected at most %s levels of brackets, calls, 'not' and '-'%s", "100", "");
	ps->depth++;
	int rc = unary(ps, out);
	ps->depth--;
	return rc;
}

static int unary(parser *ps, value *out)
{
	if (accept(ps, "not")) {
		value v;
		if (parse_unary(ps, &v))
			return -1;
		*out = num(!value_truthy(&v), F_PLAIN);
		out->t = V_BOOL;
		out->sup = v.sup; /* not (unknown) is unknown */
		value_free(&v);
		return 0;
	}
	skip_ws(ps);
	if (*ps->p == '-' && ps->p[1] != ' ') {
		ps->p++;
		value v;
		if (parse_unary(ps, &v))
			return -1;
		if (v.t != V_NUM) {
			value_free(&v);
			return fail(ps, "'-' needs a number%s%s", "", "");
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
		return fail(ps, "'%c' needs numbers on both sides", (char[]){ op, 0 }, NULL);
	}
	double x = a->num, y = b->num;
	vfmt f = (op == '+' || op == '-') && a->fmt == b->fmt ? a->fmt : F_PLAIN;
	if (op == '/' && y == 0 && !a->sup && !b->sup) {
		return fail(ps, "division by zero%s%s", "", "");
	}
	if (a->sup || b->sup) {
		*out = num(NAN, f);
		out->sup = sup_join(a->sup, b->sup);
		out->q = a->q ? a->q : b->q;
		return 0;
	}
	double r = op == '+' ? x + y : op == '-' ? x - y : op == '*' ? x * y : x / y;
	if (fabs(r) > EXPR_MAX) /* NaN (no base) passes: it prints as a dash */
		return fail(ps, "the result of '%s' is out of range; expected at most 10^15 in size%s", (char[]){ op, 0 }, "");
	*out = num(r, f);
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
		skip_ws(ps);
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
		if (!accept(ps, ops[i]))
			continue;
		value b;
		if (parse_add(ps, &b)) {
			value_free(out);
			return -1;
		}
		int res;
		int sup = sup_join(out->sup, b.sup);
		const question *origin = out->q ? out->q : b.q;
		if (sup) {
			res = 0;
		} else if (out->t == V_STR || b.t == V_STR) {
			if (out->t != V_STR || b.t != V_STR || (i != 2 && i != 5)) {
				value_free(out);
				value_free(&b);
				return fail(ps, "texts can only be compared with = or !=%s%s", "", "");
			}
			int eq = !strcmp(out->str, b.str);
			res = i == 5 ? eq : !eq;
		} else if (out->t == V_LIST || b.t == V_LIST) {
			value_free(out);
			value_free(&b);
			return fail(ps, "a list cannot be compared; use min(), max() or top()%s%s", "", "");
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
		*out = num(res, F_PLAIN);
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
	while (accept(ps, op)) {
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
		int sup = decided ? 0 : sup_join(out->sup, b.sup);
		const question *origin = out->q ? out->q : b.q;
		int r = and ? value_truthy(out) && value_truthy(&b) : value_truthy(out) || value_truthy(&b);
		value_free(out);
		value_free(&b);
		*out = num(r, F_PLAIN);
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

static int parse_expr(parser *ps, value *out)
{
	return parse_logic(ps, out, "or", parse_and);
}

int expr_eval(const expr_env *env, const char *src, const char *file, long line, value *out, struct err *e)
{
	parser ps = { env, src, src, file, line, e, 0, 0 };
	memset(out, 0, sizeof *out);
	if (parse_expr(&ps, out))
		return -1;
	skip_ws(&ps);
	if (*ps.p) {
		value_free(out);
		ps.failed = 0;
		return fail(&ps, "unexpected '%s' after the end of the expression%s", ps.p, "");
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
		return xstrdup(v->num ? "ja" : "nee");
	case V_LIST:
		err_set(e, file, line, "expressie '%s': a list cannot be printed; expected one value (use min, max or top)", src);
		return NULL;
	case V_NUM:
		break;
	}
	double x = v->num;
	if (isnan(x))
		return xstrdup("–");
	if (!(fabs(x) <= EXPR_MAX)) {
		err_set(e, file, line, "expressie '%s': the value is out of range and cannot be printed; expected a number of at most 10^15 in size", src);
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
		return xasprintf("[%d waarden]", v->nlist);
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
	static const char *const w[] = {
		"nul", "een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien",
		"elf", "twaalf", "dertien", "veertien", "vijftien", "zestien", "zeventien", "achttien",
		"negentien", "twintig",
	};
	if (n >= 0 && n <= 20)
		return xstrdup(w[n]);
	return nl_int(n);
}

char *nl_fraction_words(double x)
{
	static const struct {
		double v;
		const char *w;
	} f[] = {
		{ 0.0, "geen" }, { 0.1, "een tiende" }, { 0.2, "een vijfde" }, { 0.25, "een kwart" },
		{ 1.0 / 3, "een derde" }, { 0.4, "twee vijfde" }, { 0.5, "de helft" }, { 0.6, "drie vijfde" },
		{ 2.0 / 3, "twee derde" }, { 0.75, "driekwart" }, { 0.8, "vier vijfde" }, { 0.9, "negen tiende" },
		{ 1.0, "alle" },
	};
	int best = 0;
	for (size_t i = 1; i < sizeof f / sizeof f[0]; i++)
		if (fabs(f[i].v - x) < fabs(f[best].v - x))
			best = (int)i;
	if (fabs(f[best].v - x) < 0.005)
		return xstrdup(f[best].w);
	return xasprintf("ongeveer %s", f[best].w);
}

/* The one scale of quantifiers (docs/templates.md, "Kwantoren"): every word a
 * template prints for a share comes from here, and the lint (lint.c)
 * checks typed words against the same bounds. A percentage p (0-100):
 *   0            geen enkele        55 < p < 75   een meerderheid
 *   0 < p < 10   vrijwel geen       75 <= p < 90  de meeste
 *   10 <= p < 30 weinig             90 <= p < 100 vrijwel alle
 *   30 <= p < 45 een minderheid     100           alle
 *   45 <= p <= 55 ongeveer de helft */
const nl_quantifier_step nl_quantifier_scale[] = {
	{ "geen enkele", 0, 0 },        { "vrijwel geen", 1e-9, 10 },   { "weinig", 10, 30 },
	{ "een minderheid", 30, 45 },   { "ongeveer de helft", 45, 55 }, { "een meerderheid", 55, 75 },
	{ "de meeste", 75, 90 },        { "vrijwel alle", 90, 100 },     { "alle", 100, 100 },
	{ NULL, 0, 0 },
};

const char *nl_quantifier(double p)
{
	if (p < 1e-9)
		return "geen enkele";
	if (p > 100 - 1e-9)
		return "alle";
	for (int i = 1; nl_quantifier_scale[i + 1].word; i++) {
		const nl_quantifier_step *q = &nl_quantifier_scale[i];
		/* lower bound inclusive, upper exclusive; the middle step holds both */
		if (p >= q->lo && (p < q->hi || (i == 4 && p <= q->hi)))
			return q->word;
	}
	return "vrijwel alle";
}

char *nl_quantifier_phrase(double p, const char *one, const char *many)
{
	const char *w = nl_quantifier(p);
	if (!one)
		return xstrdup(w);
	if (!strcmp(w, "geen enkele"))
		return xasprintf("geen enkele %s", one);
	if (!strncmp(w, "een ", 4) || !strcmp(w, "ongeveer de helft"))
		return xasprintf("%s van de %s", w, many);
	return xasprintf("%s %s", w, many);
}
