/* test_template.c: the template evaluator's regression fixtures, as
 * lowdown and mandoc test their parsers: each folder of tests/templates/
 * (blokken, uitdrukkingen, figuren, indeling) is a small report of its own on the
 * tiny survey in tests/templates/input/; it is evaluated for the national
 * edition and for Gelderland, resolved, and its tree dump (doc_dump) must
 * equal tests/golden/tree/<folder>-<edition>.txt. A change to the
 * evaluator that changes what any construct produces shows as a diff of
 * those files. UPDATE_GOLDEN=1 rewrites them (read the diff before
 * committing). Run from the repository root (tests/run.sh does). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "edition.h"
#include "expr.h"
#include "template.h"
#include "util.h"
#include "test_terms.h"

#define FIX "tests/templates"

typedef struct {
	questionnaire *qn;
	registry *reg;
	survey *s;
} world;

/* The tiny survey with the fixture report's breakdown (<indeling>, or the
 * default). */
static world *load_world(const char *fixture)
{
	struct err e = { { 0 } };
	world *w = calloc(1, sizeof *w);
	w->qn = questionnaire_load(FIX "/input/vragenlijst.xml", "gen/schema/vragenlijst.rng", &e);
	if (!w->qn)
		fail_msg("%s", e.msg);
	char *dir = xasprintf("%s/%s", FIX, fixture);
	templates *t = templates_load(dir, "gen/schema/sjabloon.rng", &e);
	breakdown bd;
	if (!t || templates_breakdown(t, &bd, &e))
		fail_msg("%s", e.msg);
	w->reg = registry_load_with(FIX "/input/gemeenten.csv", &bd, &e);
	breakdown_free(&bd);
	templates_free(t);
	free(dir);
	if (!w->reg)
		fail_msg("%s", e.msg);
	w->s = survey_new(w->qn, w->reg);
	if (responses_load_csv(w->s, FIX "/input/antwoorden.csv", &e))
		fail_msg("%s", e.msg);
	return w;
}

static void free_world(world *w)
{
	survey_free(w->s);
	registry_free(w->reg);
	questionnaire_free(w->qn);
	free(w);
}

/* The dump of one fixture report for one edition. */
static char *dump_of(const world *w, const char *fixture, const char *slug)
{
	struct err e = { { 0 } };
	char *dir = xasprintf("%s/%s", FIX, fixture);
	templates *t = templates_load(dir, "gen/schema/sjabloon.rng", &e);
	if (!t)
		fail_msg("%s", e.msg);
	edition_list *el = editions_load(t, w->s, &e);
	if (!el)
		fail_msg("%s", e.msg);
	editions_plan(el, w->s);
	edition whole = { .slug = "nederland", .name = "Nederland" };
	variant *nv = edition_variant(w->s, &whole);
	stats *national = edition_stats(nv, el, NULL);
	const edition *ed = NULL;
	for (int i = 0; i < el->n; i++)
		if (!strcmp(el->e[i].slug, slug))
			ed = &el->e[i];
	assert_non_null(ed);
	variant *v = ed->nprov ? edition_variant(w->s, ed) : NULL;
	stats *st = ed->nprov ? edition_stats(v, el, national) : NULL;
	doc *d = report_build(t, st ? st : national, 1, &e);
	if (!d)
		fail_msg("%s/%s: %s", fixture, slug, e.msg);
	assert_int_equal(d->nclaims_failed, 0);
	char msg[512];
	if (doc_resolve(d, msg, sizeof msg))
		fail_msg("%s", msg);
	char *out = doc_dump(d);
	doc_free(d);
	stats_free(st);
	variant_free(v);
	stats_free(national);
	variant_free(nv);
	editions_free(el);
	templates_free(t);
	free(dir);
	return out;
}

static void check_golden(const char *fixture, const char *slug)
{
	world *w = load_world(fixture);
	char *got = dump_of(w, fixture, slug);
	char *path = xasprintf("tests/golden/tree/%s-%s.txt", fixture, slug);
	if (getenv("UPDATE_GOLDEN")) {
		mkdir_p("tests/golden/tree");
		assert_int_equal(write_file(path, got, strlen(got)), 0);
	}
	struct err e = { { 0 } };
	size_t len;
	char *want = read_file(path, &len, &e);
	if (!want)
		fail_msg("%s (UPDATE_GOLDEN=1 writes it)", e.msg);
	if (strcmp(got, want)) {
		char *tmp = xasprintf("%s.nieuw", path);
		write_file(tmp, got, strlen(got));
		fail_msg("%s differs from the tree the templates give now (written to %s; diff them)", path, tmp);
	}
	free(want);
	free(path);
	free(got);
	free_world(w);
}

static void test_blokken(void **state)
{
	(void)state;
	check_golden("blokken", "nederland");
}

static void test_uitdrukkingen_nederland(void **state)
{
	(void)state;
	check_golden("uitdrukkingen", "nederland");
}

static void test_uitdrukkingen_gelderland(void **state)
{
	(void)state;
	check_golden("uitdrukkingen", "gelderland");
}

static void test_figuren_nederland(void **state)
{
	(void)state;
	check_golden("figuren", "nederland");
}

static void test_figuren_gelderland(void **state)
{
	(void)state;
	check_golden("figuren", "gelderland");
}

/* a breakdown by a categorical register column, declared in rapport.xml */
static void test_indeling(void **state)
{
	(void)state;
	check_golden("indeling", "nederland");
}

/* Every built-in function of the expression table is documented for
 * template authors (docs/templates.md writes each as `name(...)`): a
 * function added to the table without a word in the docs fails here. */
static void test_builtins_documented(void **state)
{
	(void)state;
	struct err e = { { 0 } };
	size_t len = 0;
	char *doc = read_file("docs/templates.md", &len, &e);
	if (!doc)
		fail_msg("%s", e.msg);
	int n = 0;
	for (const char *name; (name = expr_builtin_name(n)); n++) {
		char *needle = xasprintf("`%s(", name);
		if (!strstr(doc, needle))
			fail_msg("docs/templates.md does not document the built-in function %s()", name);
		free(needle);
	}
	assert_true(n >= 30); /* the table is read, not empty */
	free(doc);
}

int main(void)
{
	install_test_terms();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_blokken),
		cmocka_unit_test(test_uitdrukkingen_nederland),
		cmocka_unit_test(test_uitdrukkingen_gelderland),
		cmocka_unit_test(test_figuren_nederland),
		cmocka_unit_test(test_figuren_gelderland),
		cmocka_unit_test(test_indeling),
		cmocka_unit_test(test_builtins_documented),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
