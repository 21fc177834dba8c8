/* jobs.h: builds independent editions in parallel worker processes.
 *
 * An edition is a pure function of the loaded inputs and the templates
 * (GUIDE: "every intermediate keyed by variant"), writing only its own
 * staging subtree, so editions can run in forked processes that share the
 * loaded survey copy-on-write. Each worker's stderr goes to a private file
 * that is replayed in edition order when all are done, so messages read the
 * same as a serial run's, and the files written are byte-identical to it. */
#ifndef JOBS_H
#define JOBS_H

#include "util.h"

/* One task: returns 0 or -1 with e set; *claims counts failed claims. */
typedef int (*job_fn)(int i, void *ctx, struct err *e, int *claims);

/* Runs fn(0..n-1) with at most `jobs` at a time (1: in this process, one
 * after another). Returns 0 when all succeeded; otherwise -1 with e holding
 * the message of the first failed task in task order. No new task starts
 * after one has failed. *claims is the sum over the tasks. */
int jobs_run(int n, int jobs, job_fn fn, void *ctx, struct err *e, int *claims);

/* Kills (SIGKILL) and reaps the workers of the jobs_run in progress, if
 * any; async-signal-safe, for a SIGTERM/SIGINT handler that must remove the
 * staging directory without a worker writing into it again. */
void jobs_kill_workers(void);

/* The number of processors online, at least 1. */
int jobs_default(void);

#endif
