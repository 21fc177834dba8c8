/* test_disclosure.c: the disclosure policy (gen/numbers/disclosure.c) and what the
 * expressions make of suppressed values, ties and number-noun agreement
 * (gen/template/expr.c), on a tiny survey written to a scratch directory. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "aggregate.h"
#include "disclosure.h"
#include "expr.h"
#include "test_terms.h"

static char dir[] = "/tmp/test_disclosure.XXXXXX";

static const char *QN =
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	"<vragenlijst titel=\"t\">\n"
	"<schaal id=\"jnw\"><categorie id=\"ja\">Ja</categorie><categorie id=\"nee\">Nee</categorie>"
	"<categorie id=\"weet_niet\" substantief=\"nee\">Weet niet</categorie></schaal>\n"
	"<vraag id=\"vorm\" figuur=\"2.2\" eenheid=\"gemeente\" soort=\"raster\" schaal=\"jnw\" weet-niet=\"getoond\">"
	"<tekst>Komt het voor?</tekst><item id=\"a\" kort=\"vorm a\">A</item><item id=\"b\" kort=\"vorm b\">B</item></vraag>\n"
	"<vraag id=\"rang\" figuur=\"2.3\" eenheid=\"respondent\" soort=\"vermelding\" max=\"2\">"
	"<tekst>Typerend?</tekst><item id=\"p\" kort=\"de p\">P</item><item id=\"q\" kort=\"de q\">Q</item>"
	"<item id=\"r\" kort=\"de r\">R</item></vraag>\n"
	"</vragenlijst>\n";

/* Two small gemeenten in Utrecht, two large ones in Gelderland. */
static const char *REG =
	"gemeentecode,gemeentenaam,provincie,inwoners,peiljaar\n"
	"GM0001,Klein,Utrecht,10000,2013\n"
	"GM0002,Midden,Utrecht,30000,2013\n"
	"GM0003,Groot,Gelderland,150000,2013\n"
	"GM0004,Ander,Gelderland,160000,2013\n";

/* vorm.a: every gemeente ja except Midden (nee); vorm.b: all ja.
 * rang: p and q mentioned twice each, r once: a tie at the top. */
static const char *CSV =
	"respondent,gemeentecode,functie,vorm.a,vorm.b,rang.p,rang.q,rang.r\n"
	"R1,GM0001,wethouder,ja,ja,1,1,0\n"
	"R2,GM0002,beleid,nee,ja,1,0,0\n"
	"R3,GM0003,beleid,ja,ja,0,1,0\n"
	"R4,GM0004,beleid,ja,ja,0,0,1\n";

typedef struct {
	questionnaire *qn;
	registry *reg;
	survey *s;
	variant *v, *vu;
	stats *st, *su;
} world;

static void put(const char *name, const char *text)
{
	char *p = xasprintf("%s/%s", dir, name);
	assert_int_equal(write_file(p, text, strlen(text)), 0);
	free(p);
}

/* The whole country with minimum min, and Utrecht against it. */
static world *load(int min)
{
	put("vragenlijst.xml", QN);
	put("gemeenten.csv", REG);
	put("antwoorden.csv", CSV);
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
	if (responses_load_csv(w->s, a, &e))
		fail_msg("%s", e.msg);
	w->v = variant_new(w->s, "nederland");
	w->st = stats_compute(w->v);
	w->st->min_gemeenten = w->st->min_respondenten = min;
	disclosure_apply(w->st);
	const char *utrecht[] = { "Utrecht" };
	w->vu = variant_new_area(w->s, "utrecht", "Utrecht", utrecht, 1);
	w->su = stats_compute(w->vu);
	w->su->min_gemeenten = w->su->min_respondenten = min;
	w->su->national = w->st;
	disclosure_apply(w->su);
	free(q);
	free(r);
	free(a);
	return w;
}

static void unload(world *w)
{
	stats_free(w->st);
	stats_free(w->su);
	variant_free(w->v);
	variant_free(w->vu);
	survey_free(w->s);
	registry_free(w->reg);
	questionnaire_free(w->qn);
	free(w);
}

static char *eval(const stats *st, const char *src, int *sup)
{
	expr_env env = { st, "2013-04-08", "2013-05-13" };
	value v;
	struct err e = { { 0 } };
	if (expr_eval(&env, src, "t.xml", 7, &v, &e))
		fail_msg("%s: %s", src, e.msg);
	if (sup)
		*sup = value_suppressed(&v);
	char *s = value_format(&v, "t.xml", 7, src, &e);
	value_free(&v);
	return s;
}

static void expect(const stats *st, const char *src, const char *want, int want_sup)
{
	int sup;
	char *got = eval(st, src, &sup);
	if (strcmp(got, want))
		fail_msg("%s: got '%s', want '%s'", src, got, want);
	if (sup != want_sup)
		fail_msg("%s: suppressed %d, want %d", src, sup, want_sup);
	free(got);
}

/* the total and four classes, as the default breakdown has */
#define TEST_GROUPS 5
static void decide(const double *n, int min, const int *want)
{
	int sup[TEST_GROUPS];
	disclosure_decide(n, TEST_GROUPS, min, sup);
	for (int g = 0; g < TEST_GROUPS; g++)
		if (sup[g] != want[g])
			fail_msg("n={%g,%g,%g,%g,%g} min %d: group %d is %d, want %d", n[0], n[1], n[2], n[3], n[4], min,
				 g, sup[g], want[g]);
}

/* One small class beside a published total would be the total minus the
 * others: the next smallest class goes too, until the hidden classes are
 * at least two and together rest on the minimum. */
static void test_secondary_suppression(void **state)
{
	(void)state;
	enum { N = SUP_NONE, E = SUP_NO_ANSWERS, S = SUP_SMALL_BASE, X = SUP_SECONDARY };
	decide((double[]){ 30, 10, 10, 5, 5 }, 5, (int[]){ N, N, N, N, N });
	decide((double[]){ 40, 20, 12, 6, 2 }, 5, (int[]){ N, N, N, X, S });
	decide((double[]){ 8, 1, 7, 0, 0 }, 5, (int[]){ N, S, X, E, E });
	/* two hidden classes on 3 together are still too few: a third goes */
	decide((double[]){ 30, 2, 1, 17, 10 }, 5, (int[]){ N, S, S, N, X });
	/* three small classes that together rest on 10: nothing more */
	decide((double[]){ 10, 4, 0, 3, 3 }, 5, (int[]){ N, S, E, S, S });
	/* a small total: everything under it is small too */
	decide((double[]){ 4, 2, 2, 0, 0 }, 5, (int[]){ S, S, S, E, E });
	/* halves of gemeenten round to whole ones before the comparison */
	decide((double[]){ 12, 4.5, 7.5, 0, 0 }, 5, (int[]){ N, N, N, E, E });
}

/* The policy reaches the stats and cijfers.csv: no procent, no aantal on a
 * suppressed row, and the reason beside it. */
static void test_cijfers_suppressed(void **state)
{
	(void)state;
	world *w = load(2);
	/* Utrecht: 2 gemeenten; Klein (<20k) and Midden (20-50k) one each */
	const item_stats *a = &stats_question(w->su, "vorm")->items[0];
	assert_int_equal(a->sup[G_TOTAL], SUP_NONE);
	assert_int_equal(a->sup[1 + 0] /* lt20k, the default breakdown */, SUP_SMALL_BASE);
	assert_int_equal(a->sup[1 + 1] /* 20-50k */, SUP_SMALL_BASE);
	assert_int_equal(a->sup[1 + 3] /* 100k+ */, SUP_NO_ANSWERS);
	char *path = xasprintf("%s/cijfers.csv", dir);
	assert_int_equal(stats_write_cijfers(w->su, path), 0);
	size_t len;
	struct err e = { { 0 } };
	char *csv = read_file(path, &len, &e);
	assert_non_null(csv);
	assert_non_null(strstr(csv, "figuur,item,categorie,groep,aantal,n,procent,reden\n"));
	assert_non_null(strstr(csv, "2.2,a,ja,<20k,,1,,te_weinig\n"));
	assert_non_null(strstr(csv, "2.2,a,ja,100k+,,0,,geen_antwoorden\n"));
	assert_non_null(strstr(csv, "2.2,a,ja,totaal,1,2,50,\n"));
	free(csv);
	free(path);
	unload(w);
}

static void test_expressions_on_suppressed_values(void **state)
{
	(void)state;
	world *w = load(2);
	const stats *u = w->su;
	expect(u, "pct(vorm.a.ja)", "50%", 0);
	expect(u, "pct(vorm.a.ja@lt20k)", "(niet vermeld: te weinig gemeenten)", SUP_SMALL_BASE);
	expect(u, "count(vorm.a.ja@lt20k)", "(niet vermeld: te weinig gemeenten)", SUP_SMALL_BASE);
	expect(u, "pct(vorm.a.ja@100k+)", "(geen antwoorden)", SUP_NO_ANSWERS);
	expect(u, "n(vorm.a.ja@lt20k)", "1", 0); /* a base may be printed */
	/* a union with a suppressed member is suppressed */
	expect(u, "pct(vorm.a.ja@lt50k)", "(niet vermeld: te weinig gemeenten)", SUP_SMALL_BASE);
	/* tests on them are unknown, unless a known part decides */
	expect(u, "pct(vorm.a.ja@lt20k) > 10", "(niet vermeld: te weinig gemeenten)", SUP_SMALL_BASE);
	expect(u, "not (pct(vorm.a.ja@lt20k) > 10)", "(niet vermeld: te weinig gemeenten)", SUP_SMALL_BASE);
	expect(u, "pct(vorm.a.ja) > 90 and pct(vorm.a.ja@lt20k) > 10", "nee", 0);
	expect(u, "pct(vorm.a.ja) > 10 or pct(vorm.a.ja@lt20k) > 10", "ja", 0);
	expect(u, "pct(vorm.a.ja) > 10 and pct(vorm.a.ja@lt20k) > 10", "(niet vermeld: te weinig gemeenten)", SUP_SMALL_BASE);
	expect(u, "pct(vorm.a.ja@lt20k) + 1", "(niet vermeld: te weinig gemeenten)", SUP_SMALL_BASE);
	expect(u, "max(pct(vorm.a.ja@lt20k), pct(vorm.a.ja))", "(niet vermeld: te weinig gemeenten)", SUP_SMALL_BASE);
	/* a value without answers takes no part in max() */
	expect(u, "max(pct(vorm.a.ja@100k+), pct(vorm.a.ja))", "50%", 0);
	/* respondent-level: 2 respondents in Utrecht */
	expect(u, "pct(rang.p)", "100%", 0);
	unload(w);
	w = load(3);
	expect(w->su, "pct(rang.p)", "(niet vermeld: te weinig respondenten)", SUP_SMALL_BASE);
	expect(w->su, "top(rang.*)", "(niet vermeld: te weinig respondenten)", SUP_SMALL_BASE);
	unload(w);
}

static void test_ties_agreement_national(void **state)
{
	(void)state;
	world *w = load(1);
	const stats *st = w->st;
	expect(st, "top(rang.*)", "de p en de q", 0);
	expect(st, "gelijk_top(rang.*)", "2", 0);
	expect(st, "bottom(rang.*)", "de r", 0);
	expect(st, "gelijk_bodem(rang.*)", "1", 0);
	expect(st, "top(pct(vorm.*.ja))", "vorm b", 0);
	expect(st, "top(rang.*) = label(rang.p)", "nee", 0);
	expect(st, "aantal(gemeenten(), 'gemeente', 'gemeenten')", "4 gemeenten", 0);
	expect(st, "aantal(count(rang.r), 'respondent', 'respondenten')", "1 respondent", 0);
	expect(st, "aantal_woord(count(rang.p), 'keer', 'keer')", "twee keer", 0);
	/* the area edition reads the country's numbers through landelijk() */
	expect(w->su, "gemeenten()", "2", 0);
	expect(w->su, "landelijk(gemeenten())", "4", 0);
	expect(w->su, "landelijk(pct(vorm.a.ja))", "75%", 0);
	expect(w->su, "pct(vorm.a.ja) < landelijk(pct(vorm.a.ja))", "ja", 0);
	expect(w->su, "in_gebied('Klein')", "ja", 0);
	expect(w->su, "in_gebied('Groot')", "nee", 0);
	expect(w->su, "uitgave()", "utrecht", 0);
	unload(w);
}


/* The audit on hand-made hierarchies with known answers (coordinates are
 * provinces; bit i is province i). */
static void test_audit_derivable(void **state)
{
	(void)state;
	/* the country ABCD, a landsdeel AB and its province A published */
	unsigned pub[] = { 0xF, 0x3, 0x1 };
	assert_true(disclosure_derivable(0x2, pub, 3, 0, 4));  /* B = AB - A */
	assert_true(disclosure_derivable(0xC, pub, 3, 0, 4));  /* CD = ABCD - AB */
	assert_false(disclosure_derivable(0x4, pub, 3, 0, 4)); /* C alone: no */
	assert_false(disclosure_derivable(0x8, pub, 3, 0, 4));
	/* D known to hold nothing (n = 0): then C = CD */
	assert_true(disclosure_derivable(0x4, pub, 3, 0x8, 4));
	/* a combination with a coefficient other than 1: (AB + BC) - (ABC) = B */
	unsigned pub2[] = { 0x3, 0x6, 0x7 };
	assert_true(disclosure_derivable(0x2, pub2, 3, 0, 3));
	assert_false(disclosure_derivable(0x1, pub2, 2, 0, 3));
	/* nothing published: nothing derivable but the known */
	assert_false(disclosure_derivable(0x1, pub, 0, 0, 4));
	assert_true(disclosure_derivable(0x1, pub, 0, 0x1, 4));
}

/* Oost-Nederland: Gelderland 15, Overijssel 6, Flevoland 1 gemeente, plus
 * one more province (Utrecht, 6) to make a country. Flevoland has no
 * edition; the landsdeel minus its two provinces would give it away, so the
 * smallest edition whose absence stops that (Overijssel) is not made. */
static void test_protect_landsdeel(void **state)
{
	(void)state;
	double base[] = { 15, 6, 1, 6 }; /* G, O, F, U */
	unsigned area[] = { 0xF, 0x7, 0x1, 0x2, 0x4, 0x8 }; /* NL, Oost, G, O, F, U */
	int pub[] = { 1, 1, 1, 1, 0, 1 };
	int order[] = { 3, 5, 2, 1 }; /* by gemeenten: O (6), U (6), G (15), Oost (22) */
	unsigned why[6] = { 0 };
	assert_int_equal(disclosure_protect(base, 4, area, 6, pub, order, 4, 5, why), 1);
	assert_int_equal(pub[3], 0);
	assert_int_equal(why[3], 0x4); /* it protected Flevoland */
	assert_int_equal(pub[0] + pub[1] + pub[2] + pub[5], 4);
	/* and now Flevoland, and Flevoland with any small neighbour, is safe */
	unsigned p[6];
	int np = 0;
	for (int k = 0; k < 6; k++)
		if (pub[k])
			p[np++] = area[k];
	assert_false(disclosure_derivable(0x4, p, np, 0, 4));
	/* Overijssel + Flevoland (7) is derivable: that is allowed */
	assert_true(disclosure_derivable(0x6, p, np, 0, 4));
	/* with a minimum of 8 that union is small too, and more must go */
	int pub8[] = { 1, 1, 1, 1, 0, 1 };
	assert_true(disclosure_protect(base, 4, area, 6, pub8, order, 4, 8, NULL) >= 2);
	np = 0;
	for (int k = 0; k < 6; k++)
		if (pub8[k])
			p[np++] = area[k];
	for (unsigned m = 1; m < 16; m++) {
		double n = 0;
		for (int i = 0; i < 4; i++)
			n += (m >> i & 1u) ? base[i] : 0;
		if (n > 0 && n < 8)
			assert_false(disclosure_derivable(m, p, np, 0, 4));
	}
}

/* Two landsdelen, each with a small province, and the country: every
 * union under the minimum stays underivable whatever is withheld, and a
 * province with n = 0 is no secret. */
static void test_protect_two_landsdelen(void **state)
{
	(void)state;
	double base[] = { 10, 2, 10, 3, 0 }; /* A, b, C, d, e (e: no answers) */
	unsigned area[] = { 0x1F, 0x03, 0x1C, 0x01, 0x04, 0x10 }; /* NL, L1=Ab, L2=Cde, A, C, e */
	int pub[] = { 1, 1, 1, 1, 1, 0 };
	int order[] = { 3, 4, 1, 2 };
	int w = disclosure_protect(base, 5, area, 6, pub, order, 4, 5, NULL);
	assert_int_equal(w, 2); /* A (b = L1 - A) and C (d = L2 - C, e known 0) */
	assert_int_equal(pub[3], 0);
	assert_int_equal(pub[4], 0);
	assert_int_equal(pub[0] + pub[1] + pub[2], 3);
}

/* The plan on the tiny survey: size classes only in the national edition,
 * edition totals kept, and the decision is the same in every build. */
static void test_plan_classes_national_only(void **state)
{
	(void)state;
	world *w = load(2);
	const char *utr[] = { "Utrecht" }, *gld[] = { "Gelderland" };
	disclosure_area a[] = { { "nederland", "Nederland", 0, NULL }, { "utrecht", "Utrecht", 1, utr },
				{ "gelderland", "Gelderland", 1, gld } };
	disclosure_plan *p = disclosure_plan_new(w->s, a, 3, 2, 2);
	assert_int_equal(p->e[0].withheld, ED_MADE);
	assert_int_equal(p->e[1].withheld, ED_MADE);
	assert_int_equal(p->e[2].withheld, ED_MADE);
	disclosure_plan_apply(p, 1, w->su);
	const question_stats *qs = stats_question(w->su, "vorm");
	assert_int_equal(qs->items[0].sup[G_TOTAL], SUP_NONE);
	for (int g = 1; g < qs->items[0].ng; g++)
		assert_int_not_equal(qs->items[0].sup[g], SUP_NONE);
	/* the summary counts every class of the area as withheld */
	assert_int_equal(p->e[1].cells, 5 * 5);
	assert_int_equal(p->e[1].cells_none + p->e[1].cells_small + p->e[1].cells_secondary + p->e[1].cells_classes,
			 4 * 5);
	disclosure_plan_free(p);
	/* with a minimum of 3 neither province is made */
	p = disclosure_plan_new(w->s, a, 3, 3, 3);
	assert_int_equal(p->e[0].withheld, ED_MADE);
	assert_int_equal(p->e[1].withheld, ED_TOO_SMALL);
	assert_int_equal(p->e[2].withheld, ED_TOO_SMALL);
	disclosure_plan_free(p);
	unload(w);
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
		cmocka_unit_test(test_secondary_suppression),
		cmocka_unit_test(test_cijfers_suppressed),
		cmocka_unit_test(test_expressions_on_suppressed_values),
		cmocka_unit_test(test_ties_agreement_national),
		cmocka_unit_test(test_audit_derivable),
		cmocka_unit_test(test_protect_landsdeel),
		cmocka_unit_test(test_protect_two_landsdelen),
		cmocka_unit_test(test_plan_classes_national_only),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
