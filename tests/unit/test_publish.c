/* test_publish.c: the parts of the publishing model (gen/site/publish.c) that are
 * easiest to pin down without a full run: --out normalisation, a file as
 * --out, messages that name final paths instead of staging paths, and which
 * debris a run removes. The swap, lock and kill behaviour are tested end to
 * end (tests/e2e/publish_*.sh). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "publish.h"
#include "util.h"

static char *tmpdir(void)
{
	char tmpl[] = "/tmp/publishtest-XXXXXX";
	assert_non_null(mkdtemp(tmpl));
	return xstrdup(tmpl);
}

static void trailing_slash_and_final_paths(void **state)
{
	char *dir = tmpdir();
	char *out = xasprintf("%s/out//", dir);
	struct err e;
	publication *p = publish_begin(out, &e);
	assert_non_null(p);
	char *want_out = xasprintf("%s/out", dir);
	assert_string_equal(publish_out(p), want_out);
	char *stage = xasprintf("%s/out.staging-%ld", dir, (long)getpid());
	assert_string_equal(publish_stage_dir(p), stage);
	struct stat sb;
	assert_int_equal(stat(stage, &sb), 0);

	/* a staged path maps back to what the user knows */
	char *staged = xasprintf("%s/gelderland/rapport.pdf", stage);
	char *shown = publish_final_path(p, staged);
	char *want = xasprintf("%s/out/gelderland/rapport.pdf", dir);
	assert_string_equal(shown, want);
	char msg[1024];
	snprintf(msg, sizeof msg, "%s: cannot write: No space left on device", staged);
	publish_unstage_msg(p, msg, sizeof msg);
	char *want_msg = xasprintf("%s: cannot write: No space left on device", want);
	assert_string_equal(msg, want_msg);
	/* internal files map to the state directory beside out/ */
	char *st = xasprintf("%s/.state/gelderland/beweringen.csv", stage);
	char *st_shown = publish_final_path(p, st);
	char *st_want = xasprintf("%s/out.state/gelderland/beweringen.csv", dir);
	assert_string_equal(st_shown, st_want);
	/* a path that is not staged is left alone; so is a longer name */
	char *other = xasprintf("%s0/x", stage);
	char *other_shown = publish_final_path(p, other);
	assert_string_equal(other_shown, other);

	publish_end(p);
	assert_int_not_equal(stat(stage, &sb), 0); /* staging removed */
	free(other);
	free(other_shown);
	free(st);
	free(st_shown);
	free(st_want);
	free(want_msg);
	free(want);
	free(shown);
	free(staged);
	free(stage);
	free(want_out);
	free(out);
	rm_rf(dir);
	free(dir);
}

static void regular_file_is_an_error(void **state)
{
	char *dir = tmpdir();
	char *out = xasprintf("%s/site", dir);
	assert_int_equal(write_file(out, "x", 1), 0);
	struct err e;
	assert_null(publish_begin(out, &e));
	assert_non_null(strstr(e.msg, "is a file, not a directory"));
	assert_int_equal(strncmp(e.msg, out, strlen(out)), 0);
	size_t len;
	char *kept = read_file(out, &len, &e);
	assert_non_null(kept);
	assert_int_equal(len, 1);
	free(kept);
	char *lock = xasprintf("%s.lock", out);
	struct stat sb;
	assert_int_not_equal(stat(lock, &sb), 0);
	free(lock);
	free(out);
	rm_rf(dir);
	free(dir);
}

/* debris of a dead process is removed; a live PID, another base name or a
 * name that is not ours stays */
static void debris(void **state)
{
	char *dir = tmpdir();
	pid_t child = fork();
	if (child == 0)
		_exit(0);
	waitpid(child, NULL, 0); /* now a PID that is not running */
	char *dead = xasprintf("%s/out.staging-%ld", dir, (long)child);
	char *dead_old = xasprintf("%s/out.old-%ld", dir, (long)child);
	char *live = xasprintf("%s/out.staging-1", dir);
	char *odd = xasprintf("%s/out.staging-12x", dir);
	char *other = xasprintf("%s/outer.staging-%ld", dir, (long)child);
	char *mine = xasprintf("%s/out.backup", dir);
	const char *all[] = { dead, dead_old, live, odd, other, mine };
	for (int i = 0; i < 6; i++)
		assert_int_equal(mkdir_p(all[i]), 0);
	char *out = xasprintf("%s/out", dir);
	struct err e;
	publication *p = publish_begin(out, &e);
	assert_non_null(p);
	struct stat sb;
	assert_int_not_equal(stat(dead, &sb), 0);
	assert_int_not_equal(stat(dead_old, &sb), 0);
	for (int i = 2; i < 6; i++)
		assert_int_equal(stat(all[i], &sb), 0);
	publish_end(p);
	for (int i = 0; i < 6; i++)
		free((char *)all[i]);
	free(out);
	rm_rf(dir);
	free(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(trailing_slash_and_final_paths),
		cmocka_unit_test(regular_file_is_an_error),
		cmocka_unit_test(debris),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
