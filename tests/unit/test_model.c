/* test_model.c: the data model end to end on a tiny survey written to a
 * scratch directory: loading, the one-answer-pattern-per-gemeente weights,
 * the substantive base of size classes, largest-remainder rounding, and the
 * expression language of the templates. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "aggregate.h"
#include "expr.h"
#include "test_terms.h"

static char dir[] = "/tmp/test_model.XXXXXX";

static const char *QN =
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	"<vragenlijst titel=\"t\">\n"
	"<schaal id=\"jnw\"><categorie id=\"ja\">Ja</categorie><categorie id=\"nee\">Nee</categorie>"
	"<categorie id=\"weet_niet\" substantief=\"nee\">Weet niet</categorie></schaal>\n"
	"<vraag id=\"vorm\" figuur=\"2.2\" eenheid=\"gemeente\" soort=\"raster\" schaal=\"jnw\" weet-niet=\"getoond\">"
	"<tekst>Komt het voor?</tekst><item id=\"a\" kort=\"vorm a\">A</item><item id=\"b\">B</item></vraag>\n"
	"<vraag id=\"inzet\" figuur=\"3.3\" eenheid=\"gemeente\" soort=\"raster\" schaal=\"jnw\" weet-niet=\"uit-basis\">"
	"<tekst>Inzet?</tekst><item id=\"x\">X</item></vraag>\n"
	"<vraag id=\"rang\" figuur=\"2.3\" eenheid=\"respondent\" soort=\"vermelding\" max=\"2\">"
	"<tekst>Typerend?</tekst><item id=\"p\" kort=\"de p\">P</item><item id=\"q\" kort=\"de q\">Q</item>"
	"<item id=\"r\" kort=\"de r\">R</item></vraag>\n"
	"<vraag id=\"open\" figuur=\"tekst\" eenheid=\"respondent\" soort=\"open\"><tekst>Voorbeeld?</tekst></vraag>\n"
	"</vragenlijst>\n";

static const char *REG =
	"gemeentecode,gemeentenaam,provincie,inwoners,peiljaar\n"
	"GM0001,Klein,Utrecht,10000,2013\n"
	"GM0002,Midden,Utrecht,30000,2013\n"
	"GM0003,Groot,Gelderland,150000,2013\n"
	"GM0004,Ander,Gelderland,160000,2013\n";

/* Klein has two respondents who disagree on vorm.a (ja / nee): half each.
 * Midden says weet niet on vorm.a: in the total's base (shown), not in its
 * size class's base. On inzet.x, Klein's second respondent says weet niet,
 * so the first counts whole. */
static const char *CSV =
	"respondent,gemeentecode,functie,vorm.a,vorm.b,inzet.x,rang.p,rang.q,rang.r,open\n"
	"R1,GM0001,wethouder,ja,ja,ja,1,1,0,\"Een \"\"buurt\"\"tuin, met <b>\"\n"
	"R2,GM0001,beleid,nee,ja,weet_niet,1,0,0,\n"
	"R3,GM0002,beleid,weet_niet,nee,nee,0,1,0,\n"
	"R4,GM0003,beleid,ja,nee,ja,1,0,0,Zelfbeheer\n";

static void put(const char *name, const char *text)
{
	char *p = xasprintf("%s/%s", dir, name);
	assert_int_equal(write_file(p, text, strlen(text)), 0);
	free(p);
}

typedef struct {
	questionnaire *qn;
	registry *reg;
	survey *s;
	variant *v;
	stats *st;
} world;

static world *load(const char *csv)
{
	put("vragenlijst.xml", QN);
	put("gemeenten.csv", REG);
	put("antwoorden.csv", csv);
	struct err e = { { 0 } };
	char *q = xasprintf("%s/vragenlijst.xml", dir), *r = xasprintf("%s/gemeenten.csv", dir),
	     *a = xasprintf("%s/antwoorden.csv", dir);
	world *w = calloc(1, sizeof *w);
	w->qn = questionnaire_load(q, "gen/schema/vragenlijst.rng", &e);
	if (!w->qn)
		fail_msg("%s", e.msg);
	w->reg = registry_load(r, &e);
	assert_non_null(w->reg);
	w->s = survey_new(w->qn, w->reg);
	w->s->keep_rows = 1; /* some tests look at the rows */
	if (responses_load_csv(w->s, a, &e))
		fail_msg("%s", e.msg);
	w->v = variant_new(w->s, "nederland");
	w->st = stats_compute(w->v);
	free(q);
	free(r);
	free(a);
	return w;
}

static void unload(world *w)
{
	stats_free(w->st);
	variant_free(w->v);
	survey_free(w->s);
	registry_free(w->reg);
	questionnaire_free(w->qn);
	free(w);
}

static const item_stats *item_of(const stats *st, const char *q, int i)
{
	return &stats_question(st, q)->items[i];
}

static void test_gemeente_weights(void **state)
{
	(void)state;
	world *w = load(CSV);
	const item_stats *a = item_of(w->st, "vorm", 0);
	/* total, weet niet shown: 3 gemeenten; Klein split ja/nee */
	assert_true(a->n[G_TOTAL] == 3.0);
	assert_true(a->count[G_TOTAL][0] == 1.5); /* ja: Klein 0.5 + Groot 1 */
	assert_true(a->count[G_TOTAL][1] == 0.5);
	assert_true(a->count[G_TOTAL][2] == 1.0);
	/* largest remainder: 50 + 16.67 + 33.33 -> 50, 17, 33 */
	assert_int_equal(a->pct[G_TOTAL][0], 50);
	assert_int_equal(a->pct[G_TOTAL][1], 17);
	assert_int_equal(a->pct[G_TOTAL][2], 33);
	/* size classes on the substantive base: Midden's weet niet leaves it out */
	assert_true(a->n[1 + 0 /* lt20k */] == 1.0);
	assert_int_equal(a->pct[1 + 0 /* lt20k */][0], 50);
	assert_true(a->n[1 + 1 /* 20-50k */] == 0.0);
	assert_int_equal(a->pct[1 + 1 /* 20-50k */][2], -1); /* weet niet outside the base */
	/* weet niet out of the base: Klein's R1 counts whole on inzet.x */
	const item_stats *x = item_of(w->st, "inzet", 0);
	assert_true(x->n[G_TOTAL] == 3.0);
	assert_true(x->count[G_TOTAL][0] == 2.0);
	assert_int_equal(x->pct[G_TOTAL][0], 67);
	assert_int_equal(x->pct[G_TOTAL][2], -1);
	/* respondents count on respondent-level questions */
	const item_stats *p = item_of(w->st, "rang", 0);
	assert_true(p->count[G_TOTAL][0] == 3.0 && p->n[G_TOTAL] == 4.0);
	assert_int_equal(w->st->gemeenten, 3);
	assert_int_equal(w->st->register_n, 4);
	assert_int_equal(stats_question(w->st, "open")->open_respondents, 2);
	unload(w);
}

static void test_largest_remainder(void **state)
{
	(void)state;
	double c[4] = { 2, 8, 25.5, 46.5 }; /* seed money on n=82: 2.44, 9.76, 31.1, 56.7 -> 2,10,31,57 */
	int out[4];
	largest_remainder(c, 4, 82, out);
	assert_int_equal(out[0], 2);
	assert_int_equal(out[1], 10);
	assert_int_equal(out[2], 31);
	assert_int_equal(out[3], 57);
	double d[3] = { 1, 1, 1 };
	largest_remainder(d, 3, 3, out);
	assert_int_equal(out[0] + out[1] + out[2], 100);
	assert_int_equal(out[0], 34); /* ties go to the first */
}

static char *eval(const stats *st, const char *src, struct err *e)
{
	expr_env env = { st, "2013-04-08", "2013-05-13" };
	value v;
	if (expr_eval(&env, src, "t.xml", 7, &v, e))
		return NULL;
	char *s = value_format(&v, "t.xml", 7, src, e);
	value_free(&v);
	return s;
}

static void expect(const stats *st, const char *src, const char *want)
{
	struct err e = { { 0 } };
	char *got = eval(st, src, &e);
	if (!got)
		fail_msg("%s: %s", src, e.msg);
	if (strcmp(got, want))
		fail_msg("%s: got '%s', want '%s'", src, got, want);
	free(got);
}

static void test_expressions(void **state)
{
	(void)state;
	world *w = load(CSV);
	const stats *st = w->st;
	expect(st, "pct(vorm.a.ja)", "50%");
	expect(st, "pct(vorm.a.ja+nee)", "67%");   /* summed, rounded once */
	expect(st, "count(vorm.a.ja)", "1,5");
	expect(st, "n(vorm.a.ja@lt20k)", "1");
	expect(st, "exact(vorm.a.nee)", "16,7%");
	expect(st, "count(rang.p)", "3");
	expect(st, "pct(rang.p)", "75%");
	expect(st, "top(rang.*)", "de p");
	expect(st, "top(rang.*, 2)", "de q");
	expect(st, "bottom(rang.*)", "de r");
	expect(st, "rank(rang.q)", "2");
	expect(st, "max(pct(vorm.*.ja))", "50%"); /* a 50%, b 33% */
	expect(st, "label(vorm.a)", "vorm a");
	expect(st, "respondenten()", "4");
	expect(st, "gemeenten()", "3");
	expect(st, "register()", "4");
	expect(st, "respons()", "75%");
	expect(st, "woord(items(vorm))", "twee");
	expect(st, "antwoorden(open)", "2");
	expect(st, "veldwerk_van()", "8 april");
	expect(st, "veldwerk_weken()", "5");
	expect(st, "breuk(0.66)", "ongeveer twee derde");
	expect(st, "breuk(pct(vorm.a.ja))", "de helft");
	expect(st, "pct(vorm.a.ja) > pct(vorm.a.nee) and not (count(rang.r) > 0)", "ja");
	expect(st, "top(rang.*) = label(rang.p)", "ja");
	expect(st, "pct(vorm.a.ja@100k+) - pct(vorm.a.ja@lt20k)", "50%");
	expect(st, "pct(inzet.x.ja@20k+)", "50%");
	unload(w);
}

static void test_expression_errors(void **state)
{
	(void)state;
	world *w = load(CSV);
	const char *bad[][2] = {
		{ "pct(vorm.zz.ja)", "t.xml:7: expression 'pct(vorm.zz.ja)': question 'vorm' has no item 'zz'" },
		{ "pct(onbekend.a.ja)", "unknown question 'onbekend'" },
		{ "pct(vorm.a.misschien)", "unknown category 'misschien'" },
		{ "pct(vorm.a.ja@reus)", "unknown group 'reus'" },
		{ "pct(vorm.a.weet_niet@lt20k)", "outside the base" },
		{ "pct(vorm.a.ja", "expected ')'" },
		{ "frobnicate(1)", "unknown function 'frobnicate'" },
		{ "pct(vorm.*.ja)", "a list cannot be printed" },
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		struct err e = { { 0 } };
		char *got = eval(w->st, bad[i][0], &e);
		if (got)
			fail_msg("%s should fail, gave '%s'", bad[i][0], got);
		if (!strstr(e.msg, bad[i][1]))
			fail_msg("%s: message '%s' lacks '%s'", bad[i][0], e.msg, bad[i][1]);
	}
	unload(w);
}

static void test_open_answer_kept_verbatim(void **state)
{
	(void)state;
	world *w = load(CSV);
	int col = survey_column(w->s, "open");
	assert_true(col >= 0);
	assert_string_equal(w->s->resp[0].ans[col].text, "Een \"buurt\"tuin, met <b>");
	unload(w);
}

static void test_mentions_over_max(void **state)
{
	(void)state;
	put("vragenlijst.xml", QN);
	put("gemeenten.csv", REG);
	put("antwoorden.csv", "respondent,gemeentecode,functie,vorm.a,vorm.b,inzet.x,rang.p,rang.q,rang.r,open\n"
			      "R1,GM0001,x,,,,1,1,1,\n");
	struct err e = { { 0 } };
	char *q = xasprintf("%s/vragenlijst.xml", dir), *r = xasprintf("%s/gemeenten.csv", dir),
	     *a = xasprintf("%s/antwoorden.csv", dir);
	questionnaire *qn = questionnaire_load(q, "gen/schema/vragenlijst.rng", &e);
	registry *reg = registry_load(r, &e);
	survey *s = survey_new(qn, reg);
	assert_int_equal(responses_load_csv(s, a, &e), -1);
	assert_non_null(strstr(e.msg, "antwoorden.csv:2: respondent R1 mentions 3 items of 'rang'; expected at most 2"));
	survey_free(s);
	registry_free(reg);
	questionnaire_free(qn);
	free(q);
	free(r);
	free(a);
}

static int setup(void **state)
{
	(void)state;
	return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	return rm_rf(dir);
}

int main(void)
{
	install_test_terms();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_gemeente_weights),
		cmocka_unit_test(test_largest_remainder),
		cmocka_unit_test(test_expressions),
		cmocka_unit_test(test_expression_errors),
		cmocka_unit_test(test_open_answer_kept_verbatim),
		cmocka_unit_test(test_mentions_over_max),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
