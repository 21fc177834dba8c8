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
#include "test_terms.h"

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
	/* <out>.staging-PID-XXXXXX: made by mkdtemp, mode 0700, with our marker */
	char *prefix = xasprintf("%s/out.staging-%ld-", dir, (long)getpid());
	const char *stage0 = publish_stage_dir(p);
	assert_int_equal(strncmp(stage0, prefix, strlen(prefix)), 0);
	assert_int_equal(strlen(stage0), strlen(prefix) + 6);
	char *stage = xstrdup(stage0);
	free(prefix);
	struct stat sb;
	assert_int_equal(lstat(stage, &sb), 0);
	assert_true(S_ISDIR(sb.st_mode));
	assert_int_equal(sb.st_mode & 0777, 0700);
	char *mark = xasprintf("%s/.gen-staging", stage);
	size_t mlen;
	char *mtext = read_file(mark, &mlen, &(struct err){ { 0 } });
	assert_non_null(mtext);
	char *mwant = xasprintf("gen-staging %ld\n", (long)getpid());
	assert_string_equal(mtext, mwant);
	free(mark);
	free(mtext);
	free(mwant);

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

/* Writes the marker a run puts into its staging directory. */
static void mark(const char *d, long pid)
{
	char *m = xasprintf("%s/.gen-staging", d);
	char *t = xasprintf("gen-staging %ld\n", pid);
	assert_int_equal(write_file(m, t, strlen(t)), 0);
	free(m);
	free(t);
}

/* debris: only a staging directory with our marker, of a dead process, is
 * removed; a live PID, a name without the marker (a user's directory that
 * looks like ours: out.old-20240101, out.staging-PID made by hand), a
 * marker naming another PID, another base name or a link stays */
static void debris(void **state)
{
	char *dir = tmpdir();
	pid_t child = fork();
	if (child == 0)
		_exit(0);
	waitpid(child, NULL, 0); /* now a PID that is not running */
	char *dead = xasprintf("%s/out.staging-%ld-abcdef", dir, (long)child);
	char *dead_v1 = xasprintf("%s/out.staging-%ld", dir, (long)child);
	char *unmarked = xasprintf("%s/out.staging-%ld-xyzxyz", dir, (long)child);
	char *backup = xasprintf("%s/out.old-20240101", dir);
	char *dead_old = xasprintf("%s/out.old-%ld", dir, (long)child);
	char *live = xasprintf("%s/out.staging-1-aaaaaa", dir);
	char *wrongpid = xasprintf("%s/out.staging-%ld-bbbbbb", dir, (long)child);
	char *odd = xasprintf("%s/out.staging-12x", dir);
	char *other = xasprintf("%s/outer.staging-%ld-cccccc", dir, (long)child);
	char *mine = xasprintf("%s/out.backup", dir);
	char *target = xasprintf("%s/target", dir);
	char *link = xasprintf("%s/out.staging-%ld-linkln", dir, (long)child);
	const char *removed[] = { dead, dead_v1 };
	const char *kept[] = { unmarked, backup, dead_old, live, wrongpid, odd, other, mine, target };
	for (int i = 0; i < 2; i++) {
		assert_int_equal(mkdir_p(removed[i]), 0);
		mark(removed[i], child);
	}
	for (int i = 0; i < 9; i++)
		assert_int_equal(mkdir_p(kept[i]), 0);
	mark(backup, child);  /* the marker, but not a staging name */
	mark(dead_old, child);
	mark(live, 1);
	mark(wrongpid, 1);
	mark(other, child);
	mark(target, child);
	assert_int_equal(symlink(target, link), 0);
	char *keep = xasprintf("%s/keep", backup);
	assert_int_equal(write_file(keep, "x", 1), 0);
	char *out = xasprintf("%s/out", dir);
	struct err e;
	publication *p = publish_begin(out, &e);
	assert_non_null(p);
	struct stat sb;
	for (int i = 0; i < 2; i++)
		assert_int_not_equal(lstat(removed[i], &sb), 0);
	for (int i = 0; i < 9; i++)
		assert_int_equal(stat(kept[i], &sb), 0);
	assert_int_equal(stat(keep, &sb), 0);
	assert_int_equal(lstat(link, &sb), 0); /* a link is not ours: left */
	publish_end(p);
	for (int i = 0; i < 2; i++)
		free((char *)removed[i]);
	for (int i = 0; i < 9; i++)
		free((char *)kept[i]);
	free(link);
	free(keep);
	free(out);
	rm_rf(dir);
	free(dir);
}

/* links at out.lock and out.state are refused, and what they point to is
 * untouched; so are a lock that is not a regular file, and system roots */
static void links_refused(void **state)
{
	char *dir = tmpdir();
	char *out = xasprintf("%s/out", dir);
	char *lock = xasprintf("%s/out.lock", dir);
	char *st = xasprintf("%s/out.state", dir);
	char *victim = xasprintf("%s/victim", dir);
	assert_int_equal(write_file(victim, "precious", 8), 0);
	assert_int_equal(symlink(victim, lock), 0);
	struct err e;
	assert_null(publish_begin(out, &e));
	assert_non_null(strstr(e.msg, "out.lock: is a symbolic link; refusing to follow it"));
	size_t len;
	char *v = read_file(victim, &len, &e);
	assert_string_equal(v, "precious");
	free(v);
	unlink(lock);
	/* a FIFO or directory as the lock */
	assert_int_equal(mkdir(lock, 0755), 0);
	assert_null(publish_begin(out, &e));
	assert_non_null(strstr(e.msg, "out.lock: "));
	rmdir(lock);
	/* a link at out.state: refused before anything is built */
	char *other = xasprintf("%s/someone", dir);
	assert_int_equal(mkdir(other, 0755), 0);
	assert_int_equal(symlink(other, st), 0);
	assert_null(publish_begin(out, &e));
	assert_non_null(strstr(e.msg, "out.state: is a symbolic link; refusing to follow it"));
	unlink(st);
	/* no staging directory was left by the refused runs */
	char *cmd = xasprintf("ls -d %s/out.staging-* >/dev/null 2>&1", dir);
	assert_int_not_equal(system(cmd), 0);
	free(cmd);
	/* system roots */
	static const char *const roots[] = { "/", "//", "/usr", "/etc/", "/tmp" };
	for (size_t i = 0; i < sizeof roots / sizeof *roots; i++) {
		assert_null(publish_begin(roots[i], &e));
		assert_non_null(strstr(e.msg, "a directory of the system; refusing to publish into it"));
	}
	struct stat sb;
	assert_int_not_equal(lstat("/.lock", &sb), 0);
	assert_int_not_equal(lstat("/usr.lock", &sb), 0);
	free(other);
	free(victim);
	free(st);
	free(lock);
	free(out);
	rm_rf(dir);
	free(dir);
}

int main(void)
{
	install_test_terms();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(trailing_slash_and_final_paths),
		cmocka_unit_test(regular_file_is_an_error),
		cmocka_unit_test(debris),
		cmocka_unit_test(links_refused),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
