/* edition.c: editions as data (see edition.h). The list of editions and
 * the minimum bases live in templates/rapport.xml, so a new area (a
 * landsdeel, a region) is a few lines of XML, not code. */
#include "terms.h"
#include "edition.h"
#include "disclosure.h"
#include "xmlload.h"

#include <stdlib.h>
#include <string.h>

static void add(edition_list *l, const char *slug, const char *name, long line)
{
	l->e = xrealloc(l->e, (size_t)(l->n + 1) * sizeof *l->e);
	edition *ed = &l->e[l->n++];
	memset(ed, 0, sizeof *ed);
	ed->slug = xstrdup(slug);
	ed->name = xstrdup(name);
	ed->line = line;
	ed->covered_by = -1;
}

static void add_prov(edition *ed, const char *p)
{
	ed->provs = xrealloc(ed->provs, (size_t)(ed->nprov + 1) * sizeof *ed->provs);
	ed->provs[ed->nprov++] = xstrdup(p);
}

static int parse_min(const char *s, const char *path, long line, int *out, struct err *e)
{
	if (!s)
		return 0;
	char *end;
	long v = strtol(s, &end, 10);
	if (*end || v < 1 || v > 1000)
		return err_set(e, path, line, "minimum '%s'; expected a whole number from 1 to 1000", s);
	*out = (int)v;
	return 0;
}

edition_list *editions_load(const templates *t, const survey *s, struct err *e)
{
	edition_list *l = xcalloc(1, sizeof *l);
	l->reg = s->reg;
	l->min_gemeenten = l->min_respondenten = DISCLOSURE_DEFAULT_MIN;
	char *path = xasprintf("%s/rapport.xml", t->dir);
	xmlNodePtr root = xmlDocGetRootElement(t->rapport);
	int rc = 0, declared = 0;
	for (xmlNodePtr c = root->children; c && !rc; c = c->next) {
		if (xml_is(c, "openbaarmaking")) {
			char *g = xml_attr(c, "minimum-gemeenten"), *r = xml_attr(c, "minimum-respondenten");
			char *rule = xml_attr(c, "regel");
			rc = parse_min(g, path, xmlGetLineNo(c), &l->min_gemeenten, e) ||
			     parse_min(r, path, xmlGetLineNo(c), &l->min_respondenten, e);
			if (!rc && rule && strcmp(rule, "grootteklassen-landelijk"))
				rc = err_set(e, path, xmlGetLineNo(c), "regel '%s'; expected grootteklassen-landelijk "
					     "(size classes only in the national edition)", rule);
			free(g);
			free(r);
			free(rule);
		} else if (xml_is(c, "uitgaven")) {
			declared = 1;
			for (xmlNodePtr u = c->children; u && !rc; u = u->next) {
				if (!xml_is(u, "uitgave"))
					continue;
				char *id = xml_attr(u, "id"), *naam = xml_attr(u, "naam");
				for (int i = 0; i < l->n && !rc; i++)
					if (!strcmp(l->e[i].slug, id))
						rc = err_set(e, path, xmlGetLineNo(u), "edition '%s' declared twice (also line %ld); expected each id once", id, l->e[i].line);
				if (!rc)
					add(l, id, naam, xmlGetLineNo(u));
				free(id);
				free(naam);
				for (xmlNodePtr p = u->children; p && !rc; p = p->next) {
					if (!xml_is(p, "provincie") && !xml_is(p, "gebied"))
						continue;
					char *name = xml_text(p);
					int known = 0;
					for (int i = 0; i < s->reg->n && !known; i++)
						known = !strcmp(s->reg->g[i].province, name);
					if (!known && !strcmp(s->reg->area_column, "provincie"))
						rc = err_set(e, path, xmlGetLineNo(p), "province '%s' is not in the register; expected a province as spelled in %s", name, s->reg->source);
					else if (!known)
						rc = err_set(e, path, xmlGetLineNo(p), "area '%s' is not in the register's column '%s'; "
							     "expected a value of that column as spelled in %s", name,
							     s->reg->area_column, s->reg->source);
					else
						add_prov(&l->e[l->n - 1], name);
					free(name);
				}
			}
		}
	}
	if (!rc && !declared) {
		char *whole = province_slug(T("geheel.naam"));
		add(l, whole, T("geheel.naam"), 0);
		free(whole);
		char *const *provs = s->reg->areas;
		for (int i = 0; i < s->reg->nareas; i++) {
			char *slug = province_slug(provs[i]);
			add(l, slug, provs[i], 0);
			add_prov(&l->e[l->n - 1], provs[i]);
			free(slug);
		}
	}
	/* a typo in the register makes an area of its own, which would drop
	 * its gemeenten from their province's edition without a word: when the
	 * editions name provinces, an area none names is listed (a report for
	 * Gelderland alone names no other, so it is not an error) */
	int named_any = 0;
	for (int i = 0; !rc && i < l->n; i++)
		named_any |= l->e[i].nprov > 0;
	l->unnamed = xcalloc((size_t)s->reg->nareas + 1, sizeof *l->unnamed);
	for (int k = 0; !rc && named_any && k < s->reg->nareas; k++) {
		int named = 0;
		for (int i = 0; i < l->n && !named; i++)
			for (int j = 0; j < l->e[i].nprov && !named; j++)
				named = !strcmp(l->e[i].provs[j], s->reg->areas[k]);
		if (!named)
			l->unnamed[l->nunnamed++] = k;
	}
	free(path);
	if (rc) {
		editions_free(l);
		return NULL;
	}
	return l;
}

void editions_free(edition_list *l)
{
	if (!l)
		return;
	free(l->unnamed);
	for (int i = 0; i < l->n; i++) {
		free(l->e[i].slug);
		free(l->e[i].name);
		for (int k = 0; k < l->e[i].nprov; k++)
			free(l->e[i].provs[k]);
		free(l->e[i].provs);
	}
	free(l->e);
	disclosure_plan_free(l->plan);
	free(l);
}

variant *edition_variant(const survey *s, const edition *ed)
{
	return variant_new_area(s, ed->slug, ed->name, (const char *const *)ed->provs, ed->nprov);
}

/* Does a contain every province of b? The whole country contains all. */
static int contains(const edition *a, const edition *b)
{
	if (a->nprov == 0)
		return 1;
	if (b->nprov == 0)
		return 0;
	for (int i = 0; i < b->nprov; i++) {
		int in = 0;
		for (int j = 0; j < a->nprov && !in; j++)
			in = !strcmp(a->provs[j], b->provs[i]);
		if (!in)
			return 0;
	}
	return 1;
}

static int size_of(const edition *a)
{
	return a->nprov == 0 ? 1000 : a->nprov;
}

void editions_plan(edition_list *l, const survey *s)
{
	disclosure_area *a = xcalloc((size_t)(l->n ? l->n : 1), sizeof *a);
	for (int i = 0; i < l->n; i++)
		a[i] = (disclosure_area){ l->e[i].slug, l->e[i].name, l->e[i].nprov, (const char *const *)l->e[i].provs };
	disclosure_plan_free(l->plan);
	l->plan = disclosure_plan_new(s, a, l->n, l->min_gemeenten, l->min_respondenten);
	free(a);
	for (int i = 0; i < l->n; i++) {
		edition *ed = &l->e[i];
		ed->gemeenten = l->plan->e[i].gemeenten;
		ed->produced = l->plan->e[i].withheld == ED_MADE;
	}
	for (int i = 0; i < l->n; i++) {
		edition *ed = &l->e[i];
		ed->covered_by = -1;
		if (ed->produced)
			continue;
		for (int j = 0; j < l->n; j++) {
			const edition *o = &l->e[j];
			if (j == i || !o->produced || size_of(o) <= size_of(ed) || !contains(o, ed))
				continue;
			if (ed->covered_by < 0 || size_of(o) < size_of(&l->e[ed->covered_by]))
				ed->covered_by = j;
		}
	}
}

stats *edition_stats(const variant *v, const edition_list *l, const stats *national)
{
	stats *st = stats_compute(v);
	st->min_gemeenten = l->min_gemeenten;
	st->min_respondenten = l->min_respondenten;
	st->national = national;
	disclosure_apply(st);
	for (int i = 0; l->plan && i < l->n; i++)
		if (!strcmp(l->e[i].slug, v->slug))
			disclosure_plan_apply(l->plan, i, st);
	return st;
}

/* "Drenthe and Flevoland", for the operator's line */
static char *province_words(const registry *reg, unsigned m)
{
	char *const *pn = reg->areas;
	strbuf b;
	sb_init(&b);
	int n = 0, total = 0;
	for (int i = 0; i < reg->nareas; i++)
		total += m >> i & 1u;
	for (int i = 0; i < reg->nareas; i++)
		if (m >> i & 1u) {
			n++;
			sb_printf(&b, "%s%s", n == 1 ? "" : n == total ? " and " : ", ", pn[i]);
		}
	return sb_take(&b);
}

char *edition_skip_line(const edition_list *l, int i)
{
	const edition *ed = &l->e[i];
	char *cover = ed->covered_by >= 0 ? xasprintf("; %s is in the edition %s (%s)", ed->name,
						       l->e[ed->covered_by].name, l->e[ed->covered_by].slug)
					  : xstrdup("; no larger edition covers this area");
	const disclosure_edition *de = l->plan ? &l->plan->e[i] : NULL;
	char *s;
	if (de && de->withheld == ED_COMPLEMENT) {
		char *who = province_words(l->reg, de->target);
		s = xasprintf("gen: edition %s not made: next to the other editions it would give away %s (%d %s), "
			      "fewer than the minimum of %d%s",
			      ed->slug, who, de->target_n, de->target_n == 1 ? "gemeente" : "gemeenten", l->min_gemeenten, cover);
		free(who);
	} else {
		s = xasprintf("gen: edition %s not made: %d %s in the response, fewer than the minimum of %d%s",
			      ed->slug, ed->gemeenten, ed->gemeenten == 1 ? "gemeente" : "gemeenten", l->min_gemeenten, cover);
	}
	free(cover);
	return s;
}

char *edition_summary_line(const edition_list *l, int i)
{
	const disclosure_edition *de = &l->plan->e[i];
	int out = de->cells_none + de->cells_small + de->cells_secondary + de->cells_classes;
	return xasprintf("gen: %s: %d of %d cells (item x group) withheld: %d without answers, %d on too few %s, "
			 "%d secondary (they would give a withheld one away), %d breakdown classes (national edition only)",
			 l->e[i].slug, out, de->cells, de->cells_none, de->cells_small,
			 l->min_gemeenten == l->min_respondenten ? "units" : "gemeenten or respondents",
			 de->cells_secondary, de->cells_classes);
}
