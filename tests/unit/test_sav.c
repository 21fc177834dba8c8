/* test_sav.c: the SPSS .sav reader and writer (gen/input/responses_sav.c). The
 * .sav is a second way to deliver antwoorden.csv, so the tests hold it to
 * exactly that: a survey written and read back, and the committed
 * input/antwoorden.sav, give the same respondents and answer cells as the
 * CSV (and so the same tables); wrong data in a .sav is reported with the
 * file and the case's line like the CSV reader does; and the writer is
 * deterministic, also across time zones, because the file is committed.
 * Run from the repository root. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <readstat.h>

#include "survey.h"
#include "util.h"
#include "test_terms.h"

#define XML "input/vragenlijst.xml"
#define RNG "gen/schema/vragenlijst.rng"
#define REG "input/gemeenten-2013.csv"
#define CSV "input/antwoorden.csv"
#define SAV "input/antwoorden.sav"

typedef struct {
	questionnaire *qn;
	registry *reg;
	survey *csv;     /* antwoorden.csv as the generator loads it */
	char dir[64];    /* scratch directory */
} fixture;

static int setup(void **state)
{
	fixture *f = xcalloc(1, sizeof *f);
	struct err e = { { 0 } };
	f->qn = questionnaire_load(XML, RNG, &e);
	if (f->qn)
		f->reg = registry_load(REG, &e);
	if (f->reg) {
		f->csv = survey_new(f->qn, f->reg);
		f->csv->keep_rows = 1; /* compared row by row and written back as .sav */
		if (responses_load_csv(f->csv, CSV, &e)) {
			survey_free(f->csv);
			f->csv = NULL;
		}
	}
	if (!f->csv) {
		fprintf(stderr, "setup: %s\n", e.msg);
		survey_free(f->csv);
		registry_free(f->reg);
		questionnaire_free(f->qn);
		free(f);
		return -1;
	}
	snprintf(f->dir, sizeof f->dir, "/tmp/test_sav.XXXXXX");
	if (!mkdtemp(f->dir)) {
		perror("mkdtemp");
		return -1;
	}
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	fixture *f = *state;
	rm_rf(f->dir);
	survey_free(f->csv);
	registry_free(f->reg);
	questionnaire_free(f->qn);
	free(f);
	return 0;
}

static char *tmp_path(const fixture *f, const char *name)
{
	return xasprintf("%s/%s", f->dir, name);
}

/* Every respondent, in order, with the same id, gemeente, functie, line and
 * answer cells: what the aggregation reads, so equal surveys give equal
 * tables. */
static void assert_same_survey(const survey *a, const survey *b)
{
	assert_int_equal(a->ncols, b->ncols);
	assert_int_equal(a->nresp, b->nresp);
	for (int i = 0; i < a->nresp; i++) {
		const respondent *x = &a->resp[i], *y = &b->resp[i];
		assert_string_equal(x->id, y->id);
		assert_ptr_equal(x->gem, y->gem);
		assert_string_equal(x->functie, y->functie);
		assert_int_equal(x->line, y->line);
		for (int c = 0; c < a->ncols; c++) {
			if (x->ans[c].cat != y->ans[c].cat || !x->ans[c].text != !y->ans[c].text ||
			    (x->ans[c].text && strcmp(x->ans[c].text, y->ans[c].text))) {
				char *col = survey_column_name(a, c);
				fail_msg("respondent %s, column %s: %d '%s' vs %d '%s'", x->id, col, x->ans[c].cat,
					 x->ans[c].text ? x->ans[c].text : "(null)", y->ans[c].cat,
					 y->ans[c].text ? y->ans[c].text : "(null)");
				free(col); /* not reached: fail_msg jumps out */
			}
		}
	}
}

/* The comparison must not pass on an empty or all-missing survey: the data
 * have grid answers, mentions, open texts and missing cells. */
static void assert_data_varied(const survey *s)
{
	int grid = 0, mention = 0, open = 0, missing = 0, notmentioned = 0;
	assert_true(s->nresp > 100);
	for (int i = 0; i < s->nresp; i++)
		for (int c = 0; c < s->ncols; c++) {
			const answer *a = &s->resp[i].ans[c];
			enum qkind k = s->qn->questions[s->cols[c].q].kind;
			grid += k == Q_GRID && a->cat > 0; /* not only the first category */
			mention += k == Q_MENTIONS && a->cat == 1;
			notmentioned += k == Q_MENTIONS && a->cat == 0;
			open += k == Q_OPEN && a->text != NULL;
			missing += k == Q_OPEN && a->text == NULL;
		}
	assert_true(grid > 0 && mention > 0 && notmentioned > 0 && open > 0 && missing > 0);
}

static survey *load_sav(const fixture *f, const char *path, struct err *e)
{
	survey *s = survey_new(f->qn, f->reg);
	s->keep_rows = 1;
	if (responses_load_sav(s, path, e)) {
		survey_free(s);
		return NULL;
	}
	return s;
}

static void test_round_trip_equals_csv(void **state)
{
	fixture *f = *state;
	struct err e = { { 0 } };
	char *path = tmp_path(f, "rt.sav");
	assert_data_varied(f->csv);
	if (responses_write_sav(f->csv, path, &e))
		fail_msg("write: %s", e.msg);
	survey *s = load_sav(f, path, &e);
	if (!s)
		fail_msg("read: %s", e.msg);
	assert_same_survey(f->csv, s);
	survey_free(s);
	free(path);
}

/* What the committed data lack: no answer to a grid item or a mention, a
 * long open text (SPSS splits strings over 255 bytes), non-ASCII text and
 * spaces at the start and end. The cells are set in the CSV survey, written,
 * put back, and must come back as set. */
static void test_round_trip_edge_cells(void **state)
{
	fixture *f = *state;
	struct err e = { { 0 } };
	survey *s0 = f->csv;
	int cg = survey_column(s0, "vormen.netwerken_coalities"), cm = survey_column(s0, "typerend.zelfbeheer");
	int co = survey_column(s0, "voorbeelden");
	assert_true(cg >= 0 && cm >= 0 && co >= 0);
	strbuf b;
	sb_init(&b);
	for (int i = 0; i < 40; i++)
		sb_add(&b, "Ĳsselmeer – ‘doe-democratie’ € ");
	sb_add(&b, "eind.");
	char *texts[3] = { b.s, "  begint met spaties", "één" };
	answer saved[3][3];
	for (int i = 0; i < 3; i++) {
		respondent *r = &s0->resp[i];
		saved[i][0] = r->ans[cg];
		saved[i][1] = r->ans[cm];
		saved[i][2] = r->ans[co];
		r->ans[cg].cat = i == 0 ? -1 : r->ans[cg].cat;
		r->ans[cm].cat = i == 1 ? -1 : r->ans[cm].cat;
		r->ans[co].text = texts[i];
	}
	char *path = tmp_path(f, "edge.sav");
	int rc = responses_write_sav(s0, path, &e);
	survey *s = rc ? NULL : load_sav(f, path, &e);
	/* compare before putting the cells back, then restore either way */
	int same = 0;
	if (s) {
		same = s->resp[0].ans[cg].cat == -1 && s->resp[1].ans[cm].cat == -1 &&
		       s->resp[0].ans[cm].cat == s0->resp[0].ans[cm].cat && s->resp[1].ans[cg].cat == s0->resp[1].ans[cg].cat;
		for (int i = 0; i < 3; i++)
			same = same && s->resp[i].ans[co].text && !strcmp(s->resp[i].ans[co].text, texts[i]);
	}
	for (int i = 0; i < 3; i++) {
		s0->resp[i].ans[cg] = saved[i][0];
		s0->resp[i].ans[cm] = saved[i][1];
		s0->resp[i].ans[co] = saved[i][2];
	}
	char msg[1100];
	snprintf(msg, sizeof msg, "%s", rc ? e.msg : !s ? e.msg : "");
	const char *got0 = s && s->resp[0].ans[co].text ? s->resp[0].ans[co].text : "(null)";
	size_t len0 = strlen(got0);
	survey_free(s);
	sb_free(&b);
	free(path);
	if (!same)
		fail_msg("edge cells differ after the round trip (%s; first text %zu bytes)", msg, len0);
}

/* A trailing space would be lost in SPSS's space-padded strings: the writer
 * refuses it instead of writing a file that loads differently. */
static void test_trailing_space_refused(void **state)
{
	fixture *f = *state;
	struct err e = { { 0 } };
	int co = survey_column(f->csv, "voorbeelden");
	char *path = tmp_path(f, "space.sav");
	char *old = f->csv->resp[2].ans[co].text;
	f->csv->resp[2].ans[co].text = "eindigt op een spatie ";
	int rc = responses_write_sav(f->csv, path, &e);
	f->csv->resp[2].ans[co].text = old;
	assert_int_equal(rc, -1);
	assert_non_null(strstr(e.msg, "column voorbeelden: the text ends in a space"));
	assert_int_equal(access(path, F_OK), -1); /* nothing written */
	free(path);
}

static void test_committed_sav_equals_csv(void **state)
{
	fixture *f = *state;
	struct err e = { { 0 } };
	survey *s = load_sav(f, SAV, &e);
	if (!s)
		fail_msg("%s (regenerate with gen/sav-export)", e.msg);
	assert_same_survey(f->csv, s);
	survey_free(s);
}

static void assert_same_file(const char *p1, const char *p2)
{
	size_t n1, n2;
	struct err e = { { 0 } };
	char *a = read_file(p1, &n1, &e), *b = read_file(p2, &n2, &e);
	assert_non_null(a);
	assert_non_null(b);
	assert_int_equal(n1, n2);
	assert_memory_equal(a, b, n1);
	free(a);
	free(b);
}

static void test_writing_is_deterministic(void **state)
{
	fixture *f = *state;
	struct err e = { { 0 } };
	char *p1 = tmp_path(f, "a.sav"), *p2 = tmp_path(f, "b.sav"), *p3 = tmp_path(f, "c.sav");
	assert_int_equal(responses_write_sav(f->csv, p1, &e), 0);
	sleep(1); /* a timestamp from the clock would now differ */
	assert_int_equal(responses_write_sav(f->csv, p2, &e), 0);
	assert_same_file(p1, p2);
	/* The header date is printed in local time: another zone, same bytes. */
	const char *old = getenv("TZ");
	char *saved = old ? xstrdup(old) : NULL;
	setenv("TZ", "JST-9", 1);
	tzset();
	int rc = responses_write_sav(f->csv, p3, &e);
	if (saved)
		setenv("TZ", saved, 1);
	else
		unsetenv("TZ");
	tzset();
	free(saved);
	assert_int_equal(rc, 0);
	assert_same_file(p1, p3);
	free(p1);
	free(p2);
	free(p3);
}

/* An unknown gemeentecode in the 5th case: the message names the file and
 * line 6 (the CSV line of that respondent). */
static void test_unknown_gemeente(void **state)
{
	fixture *f = *state;
	struct err e = { { 0 } };
	char *path = tmp_path(f, "gem.sav");
	gemeente fake = { .code = "GM9999", .name = "Nergenshuizen", .province = "Utrecht" };
	const gemeente *real = f->csv->resp[4].gem;
	f->csv->resp[4].gem = &fake;
	int rc = responses_write_sav(f->csv, path, &e);
	f->csv->resp[4].gem = real;
	assert_int_equal(rc, 0);
	survey *s = load_sav(f, path, &e);
	assert_null(s);
	char *want = xasprintf("%s:6: unknown gemeentecode 'GM9999'; expected a code of the register", path);
	if (strncmp(e.msg, want, strlen(want)))
		fail_msg("got: %s\nwant: %s...", e.msg, want);
	free(want);
	free(path);
}

/* ---- small hand-made .sav files, written with ReadStat directly, for what
 * our own writer never produces. */

static ssize_t to_file(const void *data, size_t len, void *ctx)
{
	return fwrite(data, 1, len, ctx) == len ? (ssize_t)len : -1;
}

/* Two cases; the grid column vormen.netwerken_coalities holds code1 and
 * code2 with value labels 1="ja", 2="nee", 7="misschien"; the mention
 * column typerend.zelfbeheer holds mention2 in the second case. */
static void write_small_sav(const survey *cols, const char *path, const char *label2, double code1, double code2, double mention2)
{
	FILE *fp = fopen(path, "wb");
	assert_non_null(fp);
	readstat_writer_t *w = readstat_writer_init();
	readstat_set_data_writer(w, to_file);
	readstat_label_set_t *ls = readstat_add_label_set(w, READSTAT_TYPE_DOUBLE, "ls");
	readstat_label_double_value(ls, 1, "ja");
	readstat_label_double_value(ls, 2, "nee");
	readstat_label_double_value(ls, 7, "misschien");
	readstat_variable_t *vid = readstat_add_variable(w, "respondent", READSTAT_TYPE_STRING, 8);
	readstat_variable_t *vgem = readstat_add_variable(w, "gemeentecode", READSTAT_TYPE_STRING, 8);
	readstat_variable_t *vg = readstat_add_variable(w, "v1", READSTAT_TYPE_DOUBLE, 0);
	readstat_variable_set_label(vg, "vormen.netwerken_coalities");
	readstat_variable_set_label_set(vg, ls);
	readstat_variable_t *vm = readstat_add_variable(w, "v2", READSTAT_TYPE_DOUBLE, 0);
	readstat_variable_set_label(vm, label2);
	/* every other column of the questionnaire, with no answers: a file
	 * without them is refused (survey_check_columns) */
	readstat_variable_t *rest[512];
	int nrest = 0, open[512];
	for (int c = 0; c < cols->ncols && nrest < 512; c++) {
		char *name = survey_column_name(cols, c);
		if (strcmp(name, "vormen.netwerken_coalities") && strcmp(name, label2)) {
			char var[16];
			snprintf(var, sizeof var, "c%d", c);
			open[nrest] = cols->cols[c].item < 0;
			rest[nrest] = readstat_add_variable(w, var, open[nrest] ? READSTAT_TYPE_STRING : READSTAT_TYPE_DOUBLE,
							    open[nrest] ? 8 : 0);
			readstat_variable_set_label(rest[nrest++], name);
		}
		free(name);
	}
	assert_int_equal(readstat_begin_writing_sav(w, fp, 2), READSTAT_OK);
	const double codes[2] = { code1, code2 }, ments[2] = { 1, mention2 };
	for (int i = 0; i < 2; i++) {
		assert_int_equal(readstat_begin_row(w), READSTAT_OK);
		readstat_insert_string_value(w, vid, i ? "X2" : "X1");
		readstat_insert_string_value(w, vgem, "GM0703");
		readstat_insert_double_value(w, vg, codes[i]);
		readstat_insert_double_value(w, vm, ments[i]);
		for (int k = 0; k < nrest; k++)
			if (open[k])
				readstat_insert_string_value(w, rest[k], "");
			else
				readstat_insert_missing_value(w, rest[k]);
		assert_int_equal(readstat_end_row(w), READSTAT_OK);
	}
	assert_int_equal(readstat_end_writing(w), READSTAT_OK);
	readstat_writer_free(w);
	assert_int_equal(fclose(fp), 0);
}

static void expect_error(const fixture *f, const char *path, const char *want_tail)
{
	struct err e = { { 0 } };
	survey *s = load_sav(f, path, &e);
	if (s) {
		survey_free(s);
		fail_msg("%s loaded; expected an error ending '%s'", path, want_tail);
	}
	char *want = xasprintf("%s%s", path, want_tail);
	if (strcmp(e.msg, want))
		fail_msg("got:  %s\nwant: %s", e.msg, want);
	free(want);
}

static void test_small_file_loads(void **state)
{
	fixture *f = *state;
	struct err e = { { 0 } };
	char *path = tmp_path(f, "ok.sav");
	write_small_sav(f->csv, path, "typerend.zelfbeheer", 1, 2, 0);
	survey *s = load_sav(f, path, &e);
	if (!s)
		fail_msg("%s", e.msg);
	int cg = survey_column(s, "vormen.netwerken_coalities"), cm = survey_column(s, "typerend.zelfbeheer");
	assert_int_equal(s->nresp, 2);
	assert_string_equal(s->resp[1].id, "X2");
	assert_string_equal(s->resp[1].gem->code, "GM0703");
	assert_string_equal(s->resp[1].functie, ""); /* no functie variable, as in a CSV without the column */
	assert_int_equal(s->resp[0].ans[cg].cat, 0); /* "ja" */
	assert_int_equal(s->resp[1].ans[cg].cat, 1); /* "nee" */
	assert_int_equal(s->resp[0].ans[cm].cat, 1);
	assert_int_equal(s->resp[1].ans[cm].cat, 0);
	assert_int_equal(s->resp[1].line, 3);
	survey_free(s);
	free(path);
}

static void test_unknown_value_label(void **state)
{
	fixture *f = *state;
	char *path = tmp_path(f, "label.sav");
	write_small_sav(f->csv, path, "typerend.zelfbeheer", 1, 7, 0);
	expect_error(f, path, ":3: column vormen.netwerken_coalities: unknown category 'misschien' (the value label of 7); "
			      "expected one of ja, nee, weet_niet, or system missing");
	write_small_sav(f->csv, path, "typerend.zelfbeheer", 5, 1, 0);
	expect_error(f, path, ":2: column vormen.netwerken_coalities: value 5 has no value label; "
			      "expected a value labelled with one of ja, nee, weet_niet, or system missing");
	free(path);
}

static void test_bad_mention_and_unknown_column(void **state)
{
	fixture *f = *state;
	char *path = tmp_path(f, "col.sav");
	write_small_sav(f->csv, path, "typerend.zelfbeheer", 1, 1, 2);
	expect_error(f, path, ":3: column typerend.zelfbeheer: value 2; expected 1 (mentioned), 0 or system missing");
	write_small_sav(f->csv, path, "typerend.bestaat_niet", 1, 1, 0);
	expect_error(f, path, ": variable 'v2' (label 'typerend.bestaat_niet') is not a question item of the "
			      "questionnaire; expected the label 'vraag.item' or an open question id");
	write_small_sav(f->csv, path, "vormen.netwerken_coalities", 1, 1, 0);
	expect_error(f, path, ": variable 'v2' (label 'vormen.netwerken_coalities'): column 'vormen.netwerken_coalities' appears twice");
	free(path);
}

static void test_not_a_sav(void **state)
{
	fixture *f = *state;
	struct err e = { { 0 } };
	survey *s = load_sav(f, CSV, &e);
	assert_null(s);
	assert_true(!strncmp(e.msg, CSV ": not a readable SPSS .sav file", strlen(CSV ": not a readable SPSS .sav file")));
	char *missing = tmp_path(f, "missing.sav");
	s = load_sav(f, missing, &e);
	assert_null(s);
	assert_non_null(strstr(e.msg, missing));
	free(missing);
}

int main(void)
{
	install_test_terms();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_round_trip_equals_csv),
		cmocka_unit_test(test_round_trip_edge_cells),
		cmocka_unit_test(test_trailing_space_refused),
		cmocka_unit_test(test_committed_sav_equals_csv),
		cmocka_unit_test(test_writing_is_deterministic),
		cmocka_unit_test(test_unknown_gemeente),
		cmocka_unit_test(test_small_file_loads),
		cmocka_unit_test(test_unknown_value_label),
		cmocka_unit_test(test_bad_mention_and_unknown_column),
		cmocka_unit_test(test_not_a_sav),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
