/* test_harden.c: what issue 12 found by probing as an attacker and as a
 * careless data manager, each pinned by a test: numbers in expressions
 * that a report cannot print (1e30, 1e999, top(l, 1e64), breuk(1e30)),
 * parse errors and loader errors that leaked memory (LeakSanitizer fails
 * this binary at exit if one comes back), bidi isolation of untrusted text,
 * and code points that cairo refuses, also from an SPSS file.
 * Run from the repository root (the schema path is relative). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "aggregate.h"
#include "csvwrite.h"
#include "doc.h"
#include "expr.h"
#include "test_terms.h"

static char dir[] = "/tmp/test_harden.XXXXXX";

static const char *QN =
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	"<vragenlijst titel=\"t\">\n"
	"<schaal id=\"jnw\"><categorie id=\"ja\">Ja</categorie><categorie id=\"nee\">Nee</categorie>"
	"<categorie id=\"weet_niet\" substantief=\"nee\">Weet niet</categorie></schaal>\n"
	"<vraag id=\"vorm\" figuur=\"2.2\" eenheid=\"gemeente\" soort=\"raster\" schaal=\"jnw\" weet-niet=\"getoond\">"
	"<tekst>Komt het voor?</tekst><item id=\"a\" kort=\"vorm a\">A</item><item id=\"b\">B</item></vraag>\n"
	"<vraag id=\"rang\" figuur=\"2.3\" eenheid=\"respondent\" soort=\"vermelding\" max=\"2\">"
	"<tekst>Typerend?</tekst><item id=\"p\" kort=\"de p\">P</item><item id=\"q\" kort=\"de q\">Q</item>"
	"<item id=\"r\" kort=\"de r\">R</item></vraag>\n"
	"<vraag id=\"open\" figuur=\"tekst\" eenheid=\"respondent\" soort=\"open\"><tekst>Voorbeeld?</tekst></vraag>\n"
	"</vragenlijst>\n";

static const char *REG =
	"gemeentecode,gemeentenaam,provincie,inwoners,peiljaar\n"
	"GM0001,Klein,Utrecht,10000,2013\n"
	"GM0002,Midden,Utrecht,30000,2013\n"
	"GM0003,Groot,Gelderland,150000,2013\n";

static const char *CSV =
	"respondent,gemeentecode,functie,vorm.a,vorm.b,rang.p,rang.q,rang.r,open\n"
	"R1,GM0001,wethouder,ja,ja,1,1,0,Een buurttuin\n"
	"R2,GM0002,beleid,nee,ja,1,0,0,\n"
	"R3,GM0003,beleid,ja,nee,0,1,0,Zelfbeheer\n";

static char *at(const char *name)
{
	return xasprintf("%s/%s", dir, name);
}

static void put(const char *name, const char *text)
{
	char *p = at(name);
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

static world *load(void)
{
	put("vragenlijst.xml", QN);
	put("gemeenten.csv", REG);
	put("antwoorden.csv", CSV);
	struct err e = { { 0 } };
	char *q = at("vragenlijst.xml"), *r = at("gemeenten.csv"), *a = at("antwoorden.csv");
	world *w = calloc(1, sizeof *w);
	w->qn = questionnaire_load(q, "gen/schema/vragenlijst.rng", &e);
	if (!w->qn)
		fail_msg("%s", e.msg);
	w->reg = registry_load(r, &e);
	if (!w->reg)
		fail_msg("%s", e.msg);
	w->s = survey_new(w->qn, w->reg);
	w->s->keep_rows = 1; /* a test changes a row and writes it as .sav */
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

/* Evaluates and formats src; NULL with e set on an error. */
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

static void expect_error(const stats *st, const char *src, const char *want)
{
	struct err e = { { 0 } };
	char *got = eval(st, src, &e);
	if (got)
		fail_msg("%s should fail, gave '%s'", src, got);
	if (strncmp(e.msg, "t.xml:7: ", 9) || !strstr(e.msg, want) || !strstr(e.msg, "expected"))
		fail_msg("%s: message '%s' lacks t.xml:7:, '%s' or 'expected'", src, e.msg, want);
}

/* Numbers a report cannot print are template errors with file:line, not
 * "--9.223.372.036.854.775.808", "inf" or undefined behaviour. */
static void test_numbers_out_of_range(void **state)
{
	(void)state;
	world *w = load();
	const stats *st = w->st;
	expect_error(st, "1e30", "the number 1e30 is out of range");
	expect_error(st, "1e999", "the number 1e999 is out of range");
	expect_error(st, "1e15 * 10", "the result of '*' is out of range");
	expect_error(st, "0 - 1e15 - 1e15", "the result of '-' is out of range");
	expect_error(st, "woord(1e30)", "out of range");
	expect_error(st, "breuk(1e30)", "the number 1e30 is out of range");
	expect_error(st, "breuk(1e14)", "is not a share");
	expect_error(st, "breuk(0 - 5)", "is not a share");
	expect_error(st, "top(rang.*, 1e64)", "the number 1e64 is out of range");
	expect_error(st, "top(rang.*, 1e15)", "the position is not a whole number");
	expect_error(st, "bottom(rang.*, 0)", "the position is not a whole number");
	expect_error(st, "top(rang.*, 1.5)", "the position is not a whole number");
	expect_error(st, "top(rang.*, 4)", "expected a position from 1 to 3");
	/* what still works at the edges */
	expect(st, "1e15", "1.000.000.000.000.000");
	expect(st, "0 - 1e15", "-1.000.000.000.000.000");
	expect(st, "woord(20)", "twintig");
	expect(st, "woord(0 - 3)", "-3");
	expect(st, "breuk(0)", "geen");
	expect(st, "breuk(1)", "alle");
	expect(st, "breuk(100)", "alle");
	expect(st, "top(rang.*, 3)", "de r");
	unload(w);
}

/* value_format is the last line of defence: a value that got past the
 * parser unchecked is an error there too. */
static void test_format_refuses_unprintable(void **state)
{
	(void)state;
	value v = { 0 };
	v.t = V_NUM;
	v.num = 1e30;
	struct err e = { { 0 } };
	assert_null(value_format(&v, "t.xml", 3, "x", &e));
	assert_non_null(strstr(e.msg, "t.xml:3: expression 'x': the value is out of range and cannot be printed; expected"));
	v.num = -1.0 / 0.0;
	assert_null(value_format(&v, "t.xml", 3, "x", &e));
	v.num = 0.0 / 0.0; /* no base: a dash, as before */
	char *s = value_format(&v, "t.xml", 3, "x", &e);
	assert_string_equal(s, "–");
	free(s);
	s = nl_int(LONG_MIN); /* its magnitude does not fit a long */
	assert_string_equal(s, "-9.223.372.036.854.775.808");
	free(s);
}

/* Parse errors after a list or a string was made leaked it. */
static void test_parse_errors_do_not_leak(void **state)
{
	(void)state;
	world *w = load();
	expect_error(w->st, "min(pct(vorm.*.ja)!)", "expected ')' or ','");
	expect_error(w->st, "min(pct(vorm.*.ja!))", "expected ')' after the reference of pct()");
	expect_error(w->st, "label(vorm.a!", "expected ')' after the reference of label()");
	expect_error(w->st, "max(pct(vorm.*.ja), 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16)", "too many arguments");
	expect_error(w->st, "(pct(vorm.*.ja)", "expected ')'");
	unload(w);
}

/* Found by fuzz_expr: thousands of '(' overflowed the stack of the
 * recursive-descent parser. Nesting is limited; ordinary depth still works.
 * The input is fuzz/corpus/expr/regress-deep-nesting. */
static void test_deep_nesting(void **state)
{
	(void)state;
	world *w = load();
	const char *deep[] = { "(", "not ", "-", "max(" };
	for (int k = 0; k < 4; k++) {
		strbuf b;
		sb_init(&b);
		for (int i = 0; i < 5000; i++)
			sb_add(&b, deep[k]);
		sb_add(&b, "1");
		expect_error(w->st, b.s, "the expression is nested too deeply");
		sb_free(&b);
	}
	expect(w->st, "((((((((((1))))))))))", "1");
	expect(w->st, "not not not 0", "ja");
	unload(w);
}

/* A questionnaire error after an item or category was read leaked it. */
static void test_questionnaire_errors_do_not_leak(void **state)
{
	(void)state;
	static const char *const bad[][2] = {
		{ "<item id=\"a\" kort=\"vorm a\">A</item><item id=\"b\">B</item>",
		  "<item id=\"a\" kort=\"vorm a\">A</item><item id=\"a\" kort=\"x\">B</item>" },
		{ "<categorie id=\"nee\">Nee</categorie>", "<categorie id=\"ja\">Nee</categorie>" },
	};
	static const char *const want[] = { "vragenlijst.xml:4: item 'a' appears twice in question 'vorm'; expected",
					    "vragenlijst.xml:3: category 'ja' appears twice in scale 'jnw'; expected" };
	for (int i = 0; i < 2; i++) {
		char *qn = xstrdup(QN);
		char *p = strstr(qn, bad[i][0]);
		assert_non_null(p);
		char *text = xasprintf("%.*s%s%s", (int)(p - qn), qn, bad[i][1], p + strlen(bad[i][0]));
		put("vragenlijst.xml", text);
		char *path = at("vragenlijst.xml");
		struct err e = { { 0 } };
		assert_null(questionnaire_load(path, "gen/schema/vragenlijst.rng", &e));
		if (!strstr(e.msg, want[i]))
			fail_msg("got '%s', want '%s'", e.msg, want[i]);
		free(path);
		free(text);
		free(qn);
	}
}

/* bidi_isolate: every paragraph in FSI ... PDI, a stray PDI dropped (it
 * would close the isolate early), open isolates closed. */
static void test_bidi_isolate(void **state)
{
	(void)state;
#define FSI "\xE2\x81\xA8"
#define PDI "\xE2\x81\xA9"
#define RLO "\xE2\x80\xAE"
#define RLI "\xE2\x81\xA7"
	static const char *const cases[][2] = {
		{ "Ten Boer", FSI "Ten Boer" PDI },
		{ "Ten Boer" RLO, FSI "Ten Boer" RLO PDI },
		{ "a" PDI RLO "b", FSI "a" RLO "b" PDI },
		{ "a" RLI "b", FSI "a" RLI "b" PDI PDI },
		{ "a" RLI "b" PDI "c", FSI "a" RLI "b" PDI "c" PDI },
		{ "a" RLO "\nb", FSI "a" RLO PDI "\n" FSI "b" PDI },
		{ "a" RLI "\xE2\x80\xA9" "b", FSI "a" RLI PDI PDI "\xE2\x80\xA9" FSI "b" PDI },
		{ "", FSI PDI },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *got = bidi_isolate(cases[i][0]);
		if (strcmp(got, cases[i][1]))
			fail_msg("case %zu: got '%s'", i, got);
		free(got);
	}
	doc_node *p = doc_node_new(DOC_PARAGRAPH);
	doc_node *t = doc_append_isolated(p, "x" RLO);
	assert_true(t->type == DOC_TEXT && (t->flags & DOC_ISOLATE));
	assert_string_equal(t->text, FSI "x" RLO PDI);
	doc_node_free(p);
}

/* The same code points are refused in a .sav open answer, with the case's
 * line and the variable. */
static void test_sav_noncharacter(void **state)
{
	(void)state;
	world *w = load();
	int col = survey_column(w->s, "open");
	assert_true(col >= 0);
	free(w->s->resp[2].ans[col].text);
	w->s->resp[2].ans[col].text = xstrdup("Zelf\xEF\xBF\xBF" "beheer"); /* U+FFFF */
	char *sav = at("antwoorden.sav");
	struct err e = { { 0 } };
	if (responses_write_sav(w->s, sav, &e))
		fail_msg("%s", e.msg);
	survey *s2 = survey_new(w->qn, w->reg);
	assert_int_equal(responses_load_sav(s2, sav, &e), -1);
	char *want = xasprintf("%s:4: variable open: U+FFFF is a Unicode noncharacter; expected", sav);
	if (!strstr(e.msg, want))
		fail_msg("got '%s', want '%s'", e.msg, want);
	free(want);
	survey_free(s2);
	free(sav);
	unload(w);
}

/* Found by fuzz_template: a part without headings, figures or footnotes
 * has no ids, and resolving it called qsort(NULL, 0) (undefined). The input
 * is fuzz/corpus/template/regress-resolve-no-ids.xml. */
static void test_resolve_without_ids(void **state)
{
	(void)state;
	doc *d = doc_new();
	doc_append(d->root, doc_node_new(DOC_TITLEPAGE));
	doc_append(d->root, doc_node_new(DOC_TOC));
	char msg[256];
	assert_int_equal(doc_resolve(d, msg, sizeof msg), 0);
	doc_free(d);
}

/* Input I/O errors say why (strerror) and what was expected. */
static void test_read_errors_say_why(void **state)
{
	(void)state;
	struct err e = { { 0 } };
	size_t n;
	char *missing = at("ontbreekt.csv");
	assert_null(read_file(missing, &n, &e));
	char *want = xasprintf("%s: cannot open: No such file or directory; expected", missing);
	assert_non_null(strstr(e.msg, want));
	free(want);
	assert_null(read_file(dir, &n, &e)); /* a directory opens, but cannot be read */
	want = xasprintf("%s: cannot read: Is a directory; expected", dir);
	if (!strstr(e.msg, want))
		fail_msg("got '%s', want '%s'", e.msg, want);
	free(want);
	free(missing);
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

/* The one CSV writer: RFC 4180 quoting, and text fields that a
 * spreadsheet would run as a formula get a leading ' (OWASP); numbers and
 * the internal (not neutralised) mode are written as they are. */
static void test_csv_writer(void **state)
{
	strbuf b;
	sb_init(&b);
	csv_writer w;
	csvw_init(&w, &b, "\r\n", 1);
	csvw_texts(&w, "=1+1", "+cmd|' /C calc'!A0", "-x", "@SUM(A1)", "\tx", "\rx", "a,b", "say \"hi\"", " pad",
		   "gewoon", "", (const char *)NULL);
	csvw_num(&w, "%d", -5);
	csvw_num(&w, "%s", "2.5");
	csvw_end(&w);
	assert_string_equal(b.s, "'=1+1,'+cmd|' /C calc'!A0,'-x,'@SUM(A1),'\tx,\"'\rx\",\"a,b\",\"say \"\"hi\"\"\","
				 "\" pad\",gewoon,,-5,2.5\r\n");
	assert_true(csv_needs_neutralising("=") && !csv_needs_neutralising("'=") && !csv_needs_neutralising("x=1"));
	b.len = 0;
	csvw_init(&w, &b, "\n", 0);
	csvw_texts(&w, "=1+1", "-x", "a\nb", (const char *)NULL);
	csvw_end(&w);
	assert_string_equal(b.s, "=1+1,-x,\"a\nb\"\n");
	sb_free(&b);
}

int main(void)
{
	install_test_terms();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_numbers_out_of_range),
		cmocka_unit_test(test_format_refuses_unprintable),
		cmocka_unit_test(test_parse_errors_do_not_leak),
		cmocka_unit_test(test_deep_nesting),
		cmocka_unit_test(test_questionnaire_errors_do_not_leak),
		cmocka_unit_test(test_bidi_isolate),
		cmocka_unit_test(test_sav_noncharacter),
		cmocka_unit_test(test_resolve_without_ids),
		cmocka_unit_test(test_read_errors_say_why),
		cmocka_unit_test(test_csv_writer),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
