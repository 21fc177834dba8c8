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
#include "jobs.h"
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
#include <sys/syscall.h>
#include <unistd.h>

struct publication {
	char *out;      /* as given, without trailing slashes */
	char *dir;      /* published into: out, or where the link points */
	char *state;    /* <dir>.state */
	char *stage;    /* <dir>.staging-PID-XXXXXX (mkdtemp) */
	char *stage_state;
	char *lock;     /* <dir>.lock */
	char *stage_name; /* the staging directory's name in parent */
	int lockfd;
	int parentfd;   /* the directory that holds dir, lock, state, staging */
	int stagefd;    /* the staging directory as created (O_NOFOLLOW) */
	int stagestatefd;
};

const char *publish_out(const publication *p) { return p->out; }
const char *publish_dir(const publication *p) { return p->dir; }
const char *publish_state(const publication *p) { return p->state; }
const char *publish_stage_dir(const publication *p) { return p->stage; }
const char *publish_stage_state(const publication *p) { return p->stage_state; }

/* The marker written into a staging directory when it is created: only a
 * directory that holds it (a regular file, owned by us, naming the PID of
 * the run) is ever removed as debris. */
#define STAGE_MARK ".gen-staging"

static int is_dir_at(int dirfd, const char *name)
{
	struct stat sb;
	return fstatat(dirfd, name, &sb, AT_SYMLINK_NOFOLLOW) == 0 && S_ISDIR(sb.st_mode);
}

struct dirent64_raw {
	unsigned long long d_ino;
	long long d_off;
	unsigned short d_reclen;
	unsigned char d_type;
	char d_name[];
};

/* Removes name in dirfd and, when it is a directory, everything below it,
 * never following a symbolic link (a link is removed, not what it points
 * to). Async-signal-safe (no malloc, no stdio: getdents64 into a buffer on
 * the stack), so the SIGTERM handler can use it. Returns 0 or -1. */
static int rm_tree_at(int dirfd, const char *name, int depth)
{
	if (unlinkat(dirfd, name, 0) == 0 || errno == ENOENT)
		return 0;
	if (errno != EISDIR && errno != EPERM)
		return -1;
	int fd = openat(dirfd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0)
		return -1;
	int rc = 0;
	char buf[2048] __attribute__((aligned(8)));
	for (int removed = 0;;) {
		long nread = syscall(SYS_getdents64, fd, buf, sizeof buf);
		if (nread < 0) {
			rc = -1;
			break;
		}
		if (nread == 0) {
			if (!removed)
				break;
			/* entries were removed while reading: read again from the start */
			removed = 0;
			lseek(fd, 0, SEEK_SET);
			continue;
		}
		for (long off = 0; off < nread;) {
			struct dirent64_raw *d = (struct dirent64_raw *)(buf + off);
			off += d->d_reclen;
			if (!strcmp(d->d_name, ".") || !strcmp(d->d_name, ".."))
				continue;
			if (depth < 64 && rm_tree_at(fd, d->d_name, depth + 1) == 0)
				removed++;
			else
				rc = -1;
		}
		if (rc)
			break;
	}
	close(fd);
	if (unlinkat(dirfd, name, AT_REMOVEDIR) && errno != ENOENT)
		rc = -1;
	return rc;
}

/* "<base>.staging-123-XXXXXX" (or "<base>.staging-123" of an earlier
 * version): a name of our staging directories, of process 123. The name
 * alone proves nothing: see marked_pid(). */
static long stage_name_pid(const char *name, const char *base)
{
	size_t bl = strlen(base);
	if (strncmp(name, base, bl) || strncmp(name + bl, ".staging-", 9))
		return 0;
	const char *s = name + bl + 9;
	long pid = 0;
	for (; *s >= '0' && *s <= '9'; s++) {
		if (pid > 100000000)
			return 0;
		pid = pid * 10 + (*s - '0');
	}
	return (*s == 0 || *s == '-') ? pid : 0;
}

/* The PID in the marker of directory name (in parentfd), or 0 when it is
 * not a directory of ours with our marker: a link, another owner, no
 * marker, a marker that is a link or names another process. */
static long marked_pid(int parentfd, const char *name)
{
	struct stat sb;
	if (fstatat(parentfd, name, &sb, AT_SYMLINK_NOFOLLOW) || !S_ISDIR(sb.st_mode) || sb.st_uid != geteuid())
		return 0;
	int dfd = openat(parentfd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (dfd < 0)
		return 0;
	int mfd = openat(dfd, STAGE_MARK, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
	close(dfd);
	if (mfd < 0)
		return 0;
	char buf[64] = { 0 };
	ssize_t n = -1;
	if (fstat(mfd, &sb) == 0 && S_ISREG(sb.st_mode) && sb.st_uid == geteuid())
		n = read(mfd, buf, sizeof buf - 1);
	close(mfd);
	long pid = 0;
	if (n > 12 && !strncmp(buf, "gen-staging ", 12))
		pid = strtol(buf + 12, NULL, 10);
	return pid > 0 ? pid : 0;
}

/* Called with the lock held: no other publisher is between publish_begin and
 * publish_end, so a staging directory of another process is left by a run
 * that was killed. Only a directory that carries our marker, written when it
 * was created, with the PID its name says, is removed, and only when that
 * process is gone: never anything by its name alone (a user's
 * out.old-20240101 or out.staging-1 stays). */
static void remove_debris(const publication *p)
{
	const char *slash = strrchr(p->dir, '/');
	const char *base = slash ? slash + 1 : p->dir;
	int fd = dup(p->parentfd);
	DIR *d = fd >= 0 ? fdopendir(fd) : NULL;
	if (!d) {
		if (fd >= 0)
			close(fd);
		return;
	}
	struct dirent *de;
	while ((de = readdir(d))) {
		long pid = stage_name_pid(de->d_name, base);
		if (pid <= 0 || pid == (long)getpid() || !strcmp(de->d_name, p->stage_name ? p->stage_name : ""))
			continue;
		if (marked_pid(p->parentfd, de->d_name) != pid)
			continue;
		if (kill((pid_t)pid, 0) == 0 || errno != ESRCH)
			continue;
		char *parent = slash ? xstrndup(p->dir, (size_t)(slash - p->dir)) : xstrdup(".");
		fprintf(stderr, "gen: removing %s/%s, left behind by interrupted process %ld\n",
			*parent ? parent : "", de->d_name, pid);
		free(parent);
		rm_tree_at(p->parentfd, de->d_name, 0);
	}
	closedir(d);
}

static int take_lock(publication *p, struct err *e)
{
	/* O_NOFOLLOW: a link at <out>.lock would make us truncate and write
	 * whatever it points to */
	p->lockfd = open(p->lock, O_RDWR | O_CREAT | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0644);
	if (p->lockfd < 0 && errno == ELOOP)
		return err_set(e, p->lock, 0, "is a symbolic link; refusing to follow it (expected the lock file of this "
			       "program, a regular file; remove the link)");
	if (p->lockfd < 0)
		return err_set(e, p->lock, 0, "cannot open the lock file: %s", strerror(errno));
	struct stat sb;
	if (fstat(p->lockfd, &sb))
		return err_set(e, p->lock, 0, "cannot open the lock file: %s", strerror(errno));
	if (!S_ISREG(sb.st_mode) || sb.st_uid != geteuid() || sb.st_nlink != 1)
		return err_set(e, p->lock, 0, "%s; refusing to use it (expected the lock file of this program, a regular "
			       "file of this user; remove it)",
			       !S_ISREG(sb.st_mode) ? "is not a regular file"
			       : sb.st_uid != geteuid() ? "belongs to another user" : "has other hard links");
	if (flock(p->lockfd, LOCK_EX | LOCK_NB)) {
		if (errno != EWOULDBLOCK)
			return err_set(e, p->lock, 0, "cannot lock: %s", strerror(errno));
		char buf[32] = { 0 };
		ssize_t n = pread(p->lockfd, buf, sizeof buf - 1, 0);
		long other = n > 0 ? strtol(buf, NULL, 10) : 0;
		/* wait rather than fail: the later run is what the user wants
		 * published, and it then compares against the earlier one */
		if (other > 0)
			fprintf(stderr, "gen: %s/ is being updated by process %ld; waiting until it is done\n",
				p->out, other);
		else
			fprintf(stderr, "gen: %s/ is being updated by another process; waiting until it is done\n",
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

/* <out>.state: a directory of ours, or not there yet. A link (the issue:
 * a link there made a run exchange and delete someone else's directories),
 * another owner or something else is refused before any work is done. */
static int check_state(const publication *p, struct err *e)
{
	struct stat sb;
	if (fstatat(AT_FDCWD, p->state, &sb, AT_SYMLINK_NOFOLLOW)) {
		if (errno == ENOENT)
			return 0;
		return err_set(e, p->state, 0, "cannot use: %s", strerror(errno));
	}
	if (S_ISLNK(sb.st_mode))
		return err_set(e, p->state, 0, "is a symbolic link; refusing to follow it (expected the state directory "
			       "of this program; remove the link)");
	if (!S_ISDIR(sb.st_mode))
		return err_set(e, p->state, 0, "is not a directory; expected the state directory of this program");
	if (sb.st_uid != geteuid())
		return err_set(e, p->state, 0, "belongs to another user; expected the state directory of this program");
	return 0;
}

/* The root and the directories of the system: publishing there would put
 * out.lock and out.state beside them and replace their subdirectories. */
static int system_dir(const char *real)
{
	static const char *const sys[] = { "/", "/bin", "/boot", "/dev", "/etc", "/home", "/lib", "/lib32",
					   "/lib64", "/libx32", "/media", "/mnt", "/opt", "/proc", "/root", "/run",
					   "/sbin", "/srv", "/sys", "/tmp", "/usr", "/var", "/usr/bin", "/usr/lib",
					   "/usr/local", "/usr/sbin", "/usr/share", "/var/lib", "/var/tmp" };
	for (size_t i = 0; i < sizeof sys / sizeof *sys; i++)
		if (!strcmp(real, sys[i]))
			return 1;
	const char *home = getenv("HOME");
	char hr[PATH_MAX];
	return home && *home && realpath(home, hr) && !strcmp(real, hr);
}

publication *publish_begin(const char *out, struct err *e)
{
	publication *p = xcalloc(1, sizeof *p);
	p->lockfd = p->parentfd = p->stagefd = p->stagestatefd = -1;
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
		if (system_dir(real)) {
			err_set(e, "--out", 0, "%s%s%s is a directory of the system; refusing to publish into it (its "
				"subdirectories would be replaced); expected a directory of its own, such as out/",
				p->out, strcmp(p->out, real) ? " = " : "", strcmp(p->out, real) ? real : "");
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
	const char *slash = strrchr(p->dir, '/');
	char *parent = slash ? xstrndup(p->dir, slash == p->dir ? 1 : (size_t)(slash - p->dir)) : xstrdup(".");
	p->parentfd = open(parent, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (p->parentfd < 0)
		err_set(e, parent, 0, "cannot open the directory: %s", strerror(errno));
	free(parent);
	if (p->parentfd < 0)
		goto fail;
	p->state = xasprintf("%s.state", p->dir);
	p->lock = xasprintf("%s.lock", p->dir);
	if (take_lock(p, e) || check_state(p, e))
		goto fail;
	/* a name no one can predict or create first, mode 0700, with our
	 * marker in it from the start */
	p->stage = xasprintf("%s.staging-%ld-XXXXXX", p->dir, (long)getpid());
	if (!mkdtemp(p->stage)) {
		err_set(e, p->dir, 0, "cannot create the staging directory beside it: %s", strerror(errno));
		free(p->stage);
		p->stage = NULL;
		goto fail;
	}
	p->stage_name = xstrdup(strrchr(p->stage, '/') ? strrchr(p->stage, '/') + 1 : p->stage);
	p->stage_state = xasprintf("%s/.state", p->stage);
	p->stagefd = openat(p->parentfd, p->stage_name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	int mfd = p->stagefd < 0 ? -1
		  : openat(p->stagefd, STAGE_MARK, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
	char mark[64];
	int ml = snprintf(mark, sizeof mark, "gen-staging %ld\n", (long)getpid());
	int ok = mfd >= 0 && write(mfd, mark, (size_t)ml) == ml;
	if (mfd >= 0 && close(mfd))
		ok = 0;
	if (!ok || mkdirat(p->stagefd, ".state", 0755) ||
	    (p->stagestatefd = openat(p->stagefd, ".state", O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)) < 0) {
		err_set(e, p->dir, 0, "cannot create the staging directory beside it: %s", strerror(errno));
		goto fail;
	}
	remove_debris(p);
	return p;
fail:
	publish_end(p);
	return NULL;
}

/* Opens a directory of ours for the swaps: dir (created when missing),
 * never through a link when nofollow. Returns the fd or -1 with e set. */
static int open_target(const publication *p, const char *path, int nofollow, struct err *e)
{
	const char *shown = path == p->dir ? p->out : path;
	if (mkdir(path, 0755) && errno != EEXIST)
		return err_set(e, shown, 0, "cannot create the directory: %s", strerror(errno));
	int fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC | (nofollow ? O_NOFOLLOW : 0));
	if (fd < 0)
		return err_set(e, shown, 0, "cannot open the directory: %s%s", strerror(errno),
			       errno == ENOTDIR || errno == ELOOP ? " (refusing to follow a link or use a file)" : "");
	struct stat sb;
	if (nofollow && (fstat(fd, &sb) || sb.st_uid != geteuid())) {
		close(fd);
		return err_set(e, shown, 0, "belongs to another user; expected a directory of this program");
	}
	return fd;
}

/* Puts name of fromfd in place of name of tofd: an exchange when the
 * target exists (then the old tree is in fromfd, and removed), a rename
 * that refuses to overwrite when it does not. Only through the directory
 * fds opened without following links: a link put in place of a staged
 * edition, or of a published one, is never followed. */
static int swap_in(const publication *p, int fromfd, int tofd, const char *name, const char *to_shown, struct err *e)
{
	struct stat sb;
	if (fstatat(fromfd, name, &sb, AT_SYMLINK_NOFOLLOW) || !S_ISDIR(sb.st_mode))
		return err_set(e, to_shown, 0, "the staged edition is missing or not a directory (nothing was replaced)");
	int had = fstatat(tofd, name, &sb, AT_SYMLINK_NOFOLLOW) == 0;
	if (had && !S_ISDIR(sb.st_mode))
		return err_set(e, to_shown, 0, "is not a directory; expected an edition directory (nothing was replaced)");
	int rc = renameat2(fromfd, name, tofd, name, had ? RENAME_EXCHANGE : RENAME_NOREPLACE);
	if (rc) {
		int er = errno;
		return err_set(e, to_shown, 0, "cannot put the new edition in place: %s%s", strerror(er),
			       er == EINVAL ? " (the file system does not support an atomic exchange of directories)" : "");
	}
	(void)p;
	if (had)
		rm_tree_at(fromfd, name, 0);
	return 0;
}

int publish_edition(publication *p, const char *slug, struct err *e)
{
	int outfd = open_target(p, p->dir, 0, e);
	if (outfd < 0)
		return -1;
	int statefd = -1;
	if (check_state(p, e) || (statefd = open_target(p, p->state, 1, e)) < 0) {
		close(outfd);
		return -1;
	}
	char *shown = xasprintf("%s/%s", p->out, slug);
	int rc = swap_in(p, p->stagefd, outfd, slug, shown, e);
	free(shown);
	/* then its internal files: a kill between the two leaves the new
	 * edition with the previous state, so the next run reports the
	 * statements' changes since that state: too much, never too little */
	if (!rc && is_dir_at(p->stagestatefd, slug)) {
		shown = xasprintf("%s.state/%s", p->out, slug);
		rc = swap_in(p, p->stagestatefd, statefd, slug, shown, e);
		free(shown);
	}
	close(outfd);
	close(statefd);
	return rc;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int publish_commit(publication *p, const char *const *declared, const char *const *names, int ndeclared,
		   const doc_meta *meta, const landing_redirect *red, int nred, int remove_undeclared, struct err *e)
{
	int outfd = open_target(p, p->dir, 0, e);
	if (outfd < 0)
		return -1;
	if (check_state(p, e)) {
		close(outfd);
		return -1;
	}
	int statefd = open(p->state, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	/* what is present: declared editions, then other editions of ours
	 * (with a state entry), in name order for a stable page */
	const char **slugs = xcalloc((size_t)ndeclared + 1, sizeof *slugs);
	const char **labels = xcalloc((size_t)ndeclared + 1, sizeof *labels);
	int n = 0, nother = 0, cap = 0;
	char **other = NULL;
	for (int i = 0; i < ndeclared; i++)
		if (is_dir_at(outfd, declared[i])) {
			slugs[n] = declared[i];
			labels[n++] = names[i];
		}
	int dfd = statefd >= 0 ? dup(statefd) : -1;
	DIR *dd = dfd >= 0 ? fdopendir(dfd) : NULL;
	if (!dd && dfd >= 0)
		close(dfd);
	struct dirent *de;
	while (dd && (de = readdir(dd))) {
		if (de->d_name[0] == '.')
			continue;
		int known = 0;
		for (int i = 0; i < ndeclared; i++)
			known |= !strcmp(declared[i], de->d_name);
		if (known || !is_dir_at(outfd, de->d_name))
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
	/* an area is sent to its covering edition only when that edition is
	 * there (one edition published into a new out/: no dead link) */
	landing_redirect *shown_red = xcalloc((size_t)nred + 1, sizeof *shown_red);
	for (int i = 0; i < nred; i++) {
		shown_red[i] = red[i];
		if (red[i].slug && !is_dir_at(outfd, red[i].slug))
			shown_red[i].slug = shown_red[i].name = NULL;
	}
	int lrc = html_write_landing_from(p->stage, p->dir, slugs, labels, nshown, meta, shown_red, nred, msg,
					  sizeof msg);
	free(shown_red);
	if (lrc) {
		publish_unstage_msg(p, msg, sizeof msg);
		size_t ol = strlen(p->out);
		if (!strncmp(msg, p->out, ol) && msg[ol] == '/') { /* names its file already */
			snprintf(e->msg, sizeof e->msg, "%s", msg);
			rc = -1;
		} else {
			rc = err_set(e, p->out, 0, "landing page: %s", msg);
		}
		goto done;
	}
	/* its stylesheet and icon before the page that uses them; each file
	 * replaced by one rename, so a reader gets the old or the new one */
	static const char *const landing_files[] = { "start.css", "favicon.svg", "index.html" };
	for (size_t i = 0; !rc && i < sizeof landing_files / sizeof *landing_files; i++)
		if (renameat(p->stagefd, landing_files[i], outfd, landing_files[i])) {
			char *to = xasprintf("%s/%s", p->out, landing_files[i]);
			rc = err_set(e, to, 0, "cannot put the landing page in place: %s", strerror(errno));
			free(to);
		}
	if (rc)
		goto done;
	for (int i = 0; remove_undeclared && i < nother; i++) {
		char *aside = xasprintf("vervallen-%s", other[i]);
		if (renameat(outfd, other[i], p->stagefd, aside) == 0) {
			fprintf(stderr, "gen: %s/%s removed: that edition is no longer declared\n", p->out, other[i]);
			rm_tree_at(p->stagefd, aside, 0);
			if (statefd >= 0)
				rm_tree_at(statefd, other[i], 0);
		} else {
			char *gone = xasprintf("%s/%s", p->out, other[i]);
			rc = err_set(e, gone, 0, "cannot remove the undeclared edition: %s", strerror(errno));
			free(gone);
		}
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
	close(outfd);
	if (statefd >= 0)
		close(statefd);
	return rc;
}

/* The run's staging directory, for the signal handler: its parent fd and
 * name copied into static storage (no malloc in a handler). */
static volatile sig_atomic_t sig_armed;
static int sig_parentfd = -1;
static pid_t sig_owner;
static char sig_stage_name[NAME_MAX + 1];

static void on_signal(int sig)
{
	if (getpid() == sig_owner) {
		/* first the workers, so none writes into the staging directory
		 * again while it is removed */
		jobs_kill_workers();
		if (sig_armed)
			rm_tree_at(sig_parentfd, sig_stage_name, 0);
	}
	signal(sig, SIG_DFL);
	raise(sig);
}

void publish_remove_on_signal(const publication *p)
{
	if (!p || !p->stage_name || strlen(p->stage_name) > NAME_MAX)
		return;
	sig_armed = 0;
	memcpy(sig_stage_name, p->stage_name, strlen(p->stage_name) + 1);
	sig_parentfd = p->parentfd;
	sig_owner = getpid();
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	static const int sigs[] = { SIGTERM, SIGINT, SIGHUP };
	for (size_t i = 0; i < sizeof sigs / sizeof *sigs; i++) {
		struct sigaction old;
		/* a signal the caller ignores (SIGINT for a job in the
		 * background of a script) stays ignored */
		if (sigaction(sigs[i], NULL, &old) == 0 && old.sa_handler == SIG_IGN)
			continue;
		sigaction(sigs[i], &sa, NULL);
	}
	sig_armed = 1;
}

void publish_end(publication *p)
{
	if (!p)
		return;
	sig_armed = 0;
	if (p->stage_name && p->parentfd >= 0)
		rm_tree_at(p->parentfd, p->stage_name, 0);
	if (p->stagefd >= 0)
		close(p->stagefd);
	if (p->stagestatefd >= 0)
		close(p->stagestatefd);
	if (p->parentfd >= 0)
		close(p->parentfd);
	if (p->lockfd >= 0)
		close(p->lockfd); /* releases the flock */
	free(p->out);
	free(p->dir);
	free(p->state);
	free(p->stage);
	free(p->stage_name);
	free(p->stage_state);
	free(p->lock);
	free(p);
}

char *publish_final_path(const publication *p, const char *path)
{
	if (!p->stage)
		return xstrdup(path);
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
