/* jobs.c: worker processes for editions (see jobs.h). fork() rather than
 * threads: cairo, pango and fontconfig keep per-process state that is not
 * all safe to share between threads, and a crashed edition must not take
 * the others down. Results come back through one shared anonymous mapping. */
#include "jobs.h"

#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

typedef struct {
	int done;      /* 1 once the task returned */
	int rc;
	int claims;
	char msg[sizeof(struct err)];
} job_result;

int jobs_default(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);
	return n > 0 ? (int)n : 1;
}

static void replay(FILE *f)
{
	if (!f)
		return;
	fflush(f);
	rewind(f);
	char buf[8192];
	size_t n;
	while ((n = fread(buf, 1, sizeof buf, f)) > 0)
		fwrite(buf, 1, n, stderr);
	fclose(f);
}

/* The workers now running, for jobs_kill_workers() from a signal handler. */
static pid_t *volatile live_pid;
static volatile int live_n;

void jobs_kill_workers(void)
{
	pid_t *pid = live_pid;
	int n = live_n;
	for (int i = 0; pid && i < n; i++)
		if (pid[i] > 0 && kill(pid[i], SIGKILL) == 0)
			waitpid(pid[i], NULL, 0);
}

int jobs_run(int n, int jobs, job_fn fn, void *ctx, struct err *e, int *claims)
{
	if (jobs <= 1 || n <= 1) {
		for (int i = 0; i < n; i++) {
			int c = 0;
			int rc = fn(i, ctx, e, &c);
			*claims += c;
			if (rc)
				return -1;
		}
		return 0;
	}
	job_result *res = mmap(NULL, (size_t)n * sizeof *res, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (res == MAP_FAILED)
		return err_set(e, "gen", 0, "cannot share results between worker processes: %s", strerror(errno));
	memset(res, 0, (size_t)n * sizeof *res);
	pid_t *pid = xcalloc((size_t)n, sizeof *pid);
	live_pid = pid;
	live_n = n;
	FILE **log = xcalloc((size_t)n, sizeof *log);
	int next = 0, running = 0, failed = 0;
	fflush(stdout);
	fflush(stderr);
	while (next < n || running > 0) {
		while (!failed && next < n && running < jobs) {
			int i = next++;
			log[i] = tmpfile();
			pid_t p = fork();
			if (p < 0) {
				failed = 1;
				snprintf(res[i].msg, sizeof res[i].msg, "gen: cannot start a worker process: %s", strerror(errno));
				res[i].rc = -1;
				res[i].done = 1;
				break;
			}
			if (p == 0) {
				/* the worker: dies with the parent, writes its messages aside */
				prctl(PR_SET_PDEATHSIG, SIGKILL);
				if (log[i])
					dup2(fileno(log[i]), 2);
				struct err we = { { 0 } };
				int c = 0;
				int rc = fn(i, ctx, &we, &c);
				res[i].rc = rc;
				res[i].claims = c;
				memcpy(res[i].msg, we.msg, sizeof res[i].msg);
				res[i].done = 1;
				fflush(NULL);
				_exit(rc ? 1 : 0);
			}
			pid[i] = p;
			running++;
		}
		if (!running)
			break;
		int st;
		pid_t p = wait(&st);
		if (p < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		for (int i = 0; i < n; i++)
			if (pid[i] == p) {
				running--;
				if (!res[i].done || !WIFEXITED(st)) {
					/* killed or crashed before it could say why */
					res[i].rc = -1;
					if (!*res[i].msg)
						snprintf(res[i].msg, sizeof res[i].msg, "gen: worker for task %d ended abnormally (%s %d)",
							 i, WIFSIGNALED(st) ? "signal" : "status",
							 WIFSIGNALED(st) ? WTERMSIG(st) : WEXITSTATUS(st));
				}
				failed |= res[i].rc != 0;
			}
	}
	int rc = 0;
	for (int i = 0; i < n; i++) {
		replay(log[i]);
		*claims += res[i].claims;
		if (!rc && res[i].rc) {
			memcpy(e->msg, res[i].msg, sizeof e->msg);
			rc = -1;
		}
	}
	live_pid = NULL;
	live_n = 0;
	free(pid);
	free(log);
	munmap(res, (size_t)n * sizeof *res);
	return rc;
}
