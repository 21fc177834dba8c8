/* publish.c: owns out/ — the lock, the staging directory, the per-edition
 * atomic swap, the landing page and the removal of debris (see publish.h).
 *
 * Why renameat2(RENAME_EXCHANGE): it swaps two directory entries in one
 * step, so at every moment out/<edition> is either the complete old or the
 * complete new tree; a plain rename() cannot replace a non-empty directory,
 * and "move aside, move in" leaves a moment (or, after kill -9, forever)
 * without one. Everything staged lives beside out/ on the same file system,
 * which the exchange requires. */
#define _GNU_SOURCE
#include "publish.h"
#include "landing.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

struct publication {
	char *out;      /* as given, without trailing slashes */
	char *dir;      /* published into: out, or where the link points */
	char *state;    /* <dir>.state */
	char *stage;    /* <dir>.staging-PID */
	char *stage_state;
	char *lock;     /* <dir>.lock */
	int lockfd;
};

const char *publish_out(const publication *p) { return p->out; }
const char *publish_dir(const publication *p) { return p->dir; }
const char *publish_state(const publication *p) { return p->state; }
const char *publish_stage_dir(const publication *p) { return p->stage; }
const char *publish_stage_state(const publication *p) { return p->stage_state; }

static int is_dir(const char *path)
{
	struct stat sb;
	return stat(path, &sb) == 0 && S_ISDIR(sb.st_mode);
}

/* "<base>.staging-123" or "<base>.old-123" (the names earlier versions used
 * for the tree moved aside): our own debris, owned by process 123. */
static long debris_pid(const char *name, const char *base)
{
	size_t bl = strlen(base);
	if (strncmp(name, base, bl))
		return 0;
	const char *s = name + bl;
	if (!strncmp(s, ".staging-", 9))
		s += 9;
	else if (!strncmp(s, ".old-", 5))
		s += 5;
	else
		return 0;
	if (!*s)
		return 0;
	long pid = 0;
	for (; *s; s++) {
		if (*s < '0' || *s > '9' || pid > 100000000)
			return 0;
		pid = pid * 10 + (*s - '0');
	}
	return pid;
}

/* Called with the lock held: no other publisher is between publish_begin and
 * publish_end, so a staging directory of another process is left by a run
 * that was killed. A live process with that PID is not a publisher of this
 * out/ (it would hold the lock), but we leave its directory alone anyway:
 * we only remove what we can prove is dead. */
static void remove_debris(const publication *p)
{
	char *parent_s = xstrdup(p->dir);
	char *slash = strrchr(parent_s, '/');
	const char *base = slash ? slash + 1 : parent_s;
	const char *parent = slash ? (slash == parent_s ? "/" : parent_s) : ".";
	if (slash)
		*slash = 0;
	DIR *d = opendir(parent);
	if (!d) {
		free(parent_s);
		return;
	}
	struct dirent *de;
	while ((de = readdir(d))) {
		long pid = debris_pid(de->d_name, base);
		if (pid <= 0 || pid == (long)getpid())
			continue;
		if (kill((pid_t)pid, 0) == 0 || errno != ESRCH)
			continue;
		char *path = xasprintf("%s/%s", parent, de->d_name);
		fprintf(stderr, "gen: verwijdert %s, achtergelaten door afgebroken proces %ld\n", path, pid);
		rm_rf(path);
		free(path);
	}
	closedir(d);
	free(parent_s);
}

static int take_lock(publication *p, struct err *e)
{
	p->lockfd = open(p->lock, O_RDWR | O_CREAT | O_CLOEXEC, 0644);
	if (p->lockfd < 0)
		return err_set(e, p->lock, 0, "cannot open the lock file: %s", strerror(errno));
	if (flock(p->lockfd, LOCK_EX | LOCK_NB)) {
		if (errno != EWOULDBLOCK)
			return err_set(e, p->lock, 0, "cannot lock: %s", strerror(errno));
		char buf[32] = { 0 };
		ssize_t n = pread(p->lockfd, buf, sizeof buf - 1, 0);
		long other = n > 0 ? strtol(buf, NULL, 10) : 0;
		/* wait rather than fail: the later run is what the user wants
		 * published, and it then compares against the earlier one */
		if (other > 0)
			fprintf(stderr, "gen: %s/ wordt al bijgewerkt door proces %ld; wacht tot dat klaar is\n",
				p->out, other);
		else
			fprintf(stderr, "gen: %s/ wordt al bijgewerkt door een ander proces; wacht tot dat klaar is\n",
				p->out);
		int rc;
		while ((rc = flock(p->lockfd, LOCK_EX)) && errno == EINTR)
			;
		if (rc)
			return err_set(e, p->lock, 0, "cannot lock: %s", strerror(errno));
	}
	char pid[32];
	int len = snprintf(pid, sizeof pid, "%ld\n", (long)getpid());
	if (ftruncate(p->lockfd, 0) || pwrite(p->lockfd, pid, (size_t)len, 0) != len)
		return err_set(e, p->lock, 0, "cannot write: %s", strerror(errno));
	return 0;
}

publication *publish_begin(const char *out, struct err *e)
{
	publication *p = xcalloc(1, sizeof *p);
	p->lockfd = -1;
	size_t len = strlen(out);
	while (len > 1 && out[len - 1] == '/')
		len--;
	p->out = xstrndup(out, len);
	if (!len) {
		err_set(e, "--out", 0, "empty directory name; expected the directory to publish into");
		goto fail;
	}
	struct stat lsb, sb;
	if (lstat(p->out, &lsb) == 0) {
		if (stat(p->out, &sb)) {
			err_set(e, p->out, 0, "symbolic link to something that does not exist (%s); expected a link to a directory",
				strerror(errno));
			goto fail;
		}
		if (!S_ISDIR(sb.st_mode)) {
			err_set(e, p->out, 0, "is a file, not a directory; expected a directory to publish into (nothing was changed)");
			goto fail;
		}
		/* a link (a web root pointing at a release) is kept: we publish
		 * into the directory it points to */
		char real[PATH_MAX];
		if (!realpath(p->out, real)) {
			err_set(e, p->out, 0, "cannot resolve the path: %s", strerror(errno));
			goto fail;
		}
		p->dir = xstrdup(real);
	} else if (errno == ENOENT) {
		p->dir = xstrdup(p->out);
		char *slash = strrchr(p->dir, '/');
		if (slash && slash != p->dir) {
			char *parent = xstrndup(p->dir, (size_t)(slash - p->dir));
			int rc = mkdir_p(parent);
			if (rc)
				err_set(e, parent, 0, "cannot create the directory: %s", strerror(errno));
			free(parent);
			if (rc)
				goto fail;
		}
	} else {
		err_set(e, p->out, 0, "cannot use: %s", strerror(errno));
		goto fail;
	}
	p->state = xasprintf("%s.state", p->dir);
	p->lock = xasprintf("%s.lock", p->dir);
	p->stage = xasprintf("%s.staging-%ld", p->dir, (long)getpid());
	p->stage_state = xasprintf("%s/.state", p->stage);
	if (take_lock(p, e))
		goto fail;
	remove_debris(p);
	rm_rf(p->stage);
	if (mkdir_p(p->stage_state)) {
		err_set(e, p->stage, 0, "cannot create the staging directory: %s", strerror(errno));
		goto fail;
	}
	return p;
fail:
	publish_end(p);
	return NULL;
}

/* Puts from in place of to: an exchange when to exists (then the old tree is
 * at from, and removed), a rename that refuses to overwrite when it does not. */
static int swap_in(const publication *p, const char *from, const char *to, struct err *e)
{
	struct stat sb;
	int had = lstat(to, &sb) == 0;
	if (had && !S_ISDIR(sb.st_mode)) {
		char *shown = publish_final_path(p, to);
		err_set(e, shown, 0, "is not a directory; expected an edition directory (nothing was replaced)");
		free(shown);
		return -1;
	}
	int rc = renameat2(AT_FDCWD, from, AT_FDCWD, to, had ? RENAME_EXCHANGE : RENAME_NOREPLACE);
	if (rc) {
		int er = errno;
		char *shown = publish_final_path(p, to);
		err_set(e, shown, 0, "cannot put the new edition in place: %s%s", strerror(er),
			er == EINVAL ? " (the file system does not support an atomic exchange of directories)" : "");
		free(shown);
		return -1;
	}
	if (had)
		rm_rf(from);
	return 0;
}

int publish_edition(publication *p, const char *slug, struct err *e)
{
	if (mkdir(p->dir, 0755) && errno != EEXIST)
		return err_set(e, p->out, 0, "cannot create the directory: %s", strerror(errno));
	if (mkdir(p->state, 0755) && errno != EEXIST)
		return err_set(e, p->state, 0, "cannot create the directory: %s", strerror(errno));
	char *from = xasprintf("%s/%s", p->stage, slug), *to = xasprintf("%s/%s", p->dir, slug);
	int rc = swap_in(p, from, to, e);
	free(from);
	free(to);
	if (rc)
		return rc;
	/* then its internal files: a kill between the two leaves the new
	 * edition with the previous state, so the next run reports the
	 * statements' changes since that state: too much, never too little */
	from = xasprintf("%s/%s", p->stage_state, slug);
	to = xasprintf("%s/%s", p->state, slug);
	if (is_dir(from))
		rc = swap_in(p, from, to, e);
	free(from);
	free(to);
	return rc;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int publish_commit(publication *p, const char *const *declared, const char *const *names, int ndeclared,
		   const doc_meta *meta, const landing_redirect *red, int nred, int remove_undeclared, struct err *e)
{
	if (mkdir(p->dir, 0755) && errno != EEXIST)
		return err_set(e, p->out, 0, "cannot create the directory: %s", strerror(errno));
	/* what is present: declared editions, then other editions of ours
	 * (with a state entry), in name order for a stable page */
	const char **slugs = xcalloc((size_t)ndeclared + 1, sizeof *slugs);
	const char **labels = xcalloc((size_t)ndeclared + 1, sizeof *labels);
	int n = 0, nother = 0, cap = 0;
	char **other = NULL;
	for (int i = 0; i < ndeclared; i++) {
		char *d = xasprintf("%s/%s", p->dir, declared[i]);
		if (is_dir(d)) {
			slugs[n] = declared[i];
			labels[n++] = names[i];
		}
		free(d);
	}
	DIR *dd = opendir(p->state);
	struct dirent *de;
	while (dd && (de = readdir(dd))) {
		if (de->d_name[0] == '.')
			continue;
		int known = 0;
		for (int i = 0; i < ndeclared; i++)
			known |= !strcmp(declared[i], de->d_name);
		char *d = xasprintf("%s/%s", p->dir, de->d_name);
		int present = is_dir(d);
		free(d);
		if (known || !present)
			continue;
		if (nother == cap) {
			cap = cap ? 2 * cap : 8;
			other = xrealloc(other, (size_t)cap * sizeof *other);
		}
		other[nother++] = xstrdup(de->d_name);
	}
	if (dd)
		closedir(dd);
	if (nother)
		qsort(other, (size_t)nother, sizeof *other, cmp_str);
	slugs = xrealloc(slugs, (size_t)(n + nother + 1) * sizeof *slugs);
	labels = xrealloc(labels, (size_t)(n + nother + 1) * sizeof *labels);
	int nshown = n;
	if (!remove_undeclared)
		for (int i = 0; i < nother; i++) {
			slugs[nshown] = other[i];
			labels[nshown++] = other[i];
		}
	/* the landing page first, so it never links to an edition that is gone */
	char msg[1024];
	int rc = 0;
	if (html_write_landing_from(p->stage, p->dir, slugs, labels, nshown, meta, red, nred, msg, sizeof msg)) {
		publish_unstage_msg(p, msg, sizeof msg);
		rc = err_set(e, p->out, 0, "landing page: %s", msg);
		goto done;
	}
	/* its stylesheet and icon before the page that uses them; each file
	 * replaced by one rename, so a reader gets the old or the new one */
	static const char *const landing_files[] = { "start.css", "favicon.svg", "index.html" };
	for (size_t i = 0; !rc && i < sizeof landing_files / sizeof *landing_files; i++) {
		char *from = xasprintf("%s/%s", p->stage, landing_files[i]);
		char *to = xasprintf("%s/%s", p->dir, landing_files[i]);
		if (rename(from, to))
			rc = err_set(e, to, 0, "cannot put the landing page in place: %s", strerror(errno));
		free(from);
		free(to);
	}
	if (rc)
		goto done;
	for (int i = 0; remove_undeclared && i < nother; i++) {
		char *gone = xasprintf("%s/%s", p->dir, other[i]);
		char *aside = xasprintf("%s/vervallen-%s", p->stage, other[i]);
		if (rename(gone, aside) == 0) {
			fprintf(stderr, "gen: %s/%s verwijderd: die editie is niet meer gedeclareerd\n", p->out, other[i]);
			rm_rf(aside);
			char *st = xasprintf("%s/%s", p->state, other[i]);
			rm_rf(st);
			free(st);
		} else {
			rc = err_set(e, gone, 0, "cannot remove the undeclared edition: %s", strerror(errno));
		}
		free(gone);
		free(aside);
		if (rc)
			break;
	}
done:
	for (int i = 0; i < nother; i++)
		free(other[i]);
	free(other);
	free(slugs);
	free(labels);
	return rc;
}

void publish_end(publication *p)
{
	if (!p)
		return;
	if (p->stage && p->lockfd >= 0)
		rm_rf(p->stage);
	if (p->lockfd >= 0)
		close(p->lockfd); /* releases the flock */
	free(p->out);
	free(p->dir);
	free(p->state);
	free(p->stage);
	free(p->stage_state);
	free(p->lock);
	free(p);
}

char *publish_final_path(const publication *p, const char *path)
{
	size_t sl = strlen(p->stage_state), gl = strlen(p->stage);
	if (!strncmp(path, p->stage_state, sl) && (path[sl] == '/' || !path[sl]))
		return xasprintf("%s.state%s", p->out, path + sl);
	if (!strncmp(path, p->stage, gl) && (path[gl] == '/' || !path[gl]))
		return xasprintf("%s%s", p->out, path + gl);
	size_t dl = strlen(p->dir);
	if (strcmp(p->dir, p->out) && !strncmp(path, p->dir, dl) && (path[dl] == '/' || !path[dl]))
		return xasprintf("%s%s", p->out, path + dl);
	return xstrdup(path);
}

void publish_unstage_msg(const publication *p, char *msg, size_t len)
{
	if (!p || !p->stage)
		return;
	strbuf b;
	sb_init(&b);
	size_t gl = strlen(p->stage);
	const char *s = msg;
	for (const char *hit; (hit = strstr(s, p->stage));) {
		sb_addn(&b, s, (size_t)(hit - s));
		const char *end = hit + gl;
		while (*end && *end != ' ' && *end != ':' && *end != ',' && *end != '\'' && *end != '"')
			end++;
		char *path = xstrndup(hit, (size_t)(end - hit));
		char *shown = publish_final_path(p, path);
		sb_add(&b, shown);
		free(shown);
		free(path);
		s = end;
	}
	if (s == msg) {
		sb_free(&b);
		return;
	}
	sb_add(&b, s);
	snprintf(msg, len, "%s", b.s);
	sb_free(&b);
}
