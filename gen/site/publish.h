/* publish.h: how a run puts its editions into out/ (docs/operators.md, "Publishing").
 *
 * The model, in the order main() uses it:
 *
 *   publish_begin    normalises --out (trailing slash; a regular file or a
 *                    system directory is an error; a symbolic link is
 *                    followed and kept), takes an exclusive flock on
 *                    <out>.lock (opened O_NOFOLLOW, a regular file of ours;
 *                    waiting, with a message, while another run holds it),
 *                    refuses an <out>.state that is a link or not ours,
 *                    creates this run's staging directory
 *                    <out>.staging-PID-XXXXXX (mkdtemp, with the marker
 *                    .gen-staging) and removes debris of killed runs: only
 *                    staging directories with that marker and a dead PID.
 *   (build)          each edition is written into publish_stage_dir()/<slug>
 *                    and its internal files into publish_stage_state()/<slug>;
 *                    it reads the previous publication from
 *                    publish_dir()/<slug> and publish_state()/<slug> (the lock
 *                    is held, so that is what the swap will replace).
 *   publish_edition  swaps out/<slug> with the staged copy in one
 *                    renameat2(RENAME_EXCHANGE), then removes the old copy;
 *                    the same for <out>.state/<slug>.
 *   publish_commit   rewrites out/index.html (write to the staging directory,
 *                    rename over the old one) for every edition present, and
 *                    with --variant all removes editions no longer declared
 *                    (only directories that have a state entry, i.e. ours).
 *   publish_end      removes the staging directory and releases the lock.
 *
 * The lock dies with its process; a killed run leaves only its staging
 * directory, which the next run removes. The swaps, renames and removals
 * go through directory fds and never follow a link (docs/operators.md, "Publishing"). */
#ifndef PUBLISH_H
#define PUBLISH_H

#include "landing.h"
#include "util.h"

typedef struct publication publication;

/* Returns NULL with e set when --out cannot be used (a regular file, a
 * dangling link) or the lock or staging directory cannot be made. */
publication *publish_begin(const char *out, struct err *e);

const char *publish_out(const publication *p);         /* "out", as the user named it */
const char *publish_dir(const publication *p);         /* the directory published into */
const char *publish_state(const publication *p);       /* <dir>.state: internal files per edition */
const char *publish_stage_dir(const publication *p);   /* <dir>.staging-PID */
const char *publish_stage_state(const publication *p); /* <dir>.staging-PID/.state */

/* Publishes the staged edition slug. Returns 0, or -1 with e set. */
int publish_edition(publication *p, const char *slug, struct err *e);

/* Writes the landing page for the editions now present, in the order of
 * declared[] (names[] are their display names), followed by editions of ours
 * that are present but not declared, and red[] (areas without an edition of
 * their own, and which edition covers them). With remove_undeclared those
 * undeclared editions are removed instead. meta: the report's title page
 * data for the landing page (may be NULL). Returns 0, or -1 with e set. */
int publish_commit(publication *p, const char *const *declared, const char *const *names, int ndeclared,
		   const doc_meta *meta, const landing_redirect *red, int nred, int remove_undeclared, struct err *e);

/* From now until publish_end, SIGTERM, SIGINT and SIGHUP kill the
 * workers, remove the staging directory and then end the process as the
 * signal would have. */
void publish_remove_on_signal(const publication *p);

/* Removes the staging directory, releases the lock, frees p. */
void publish_end(publication *p);

/* A path in the staging area as the user knows it: "<stage>/gelderland/x"
 * -> "out/gelderland/x", "<stage>/.state/..." -> "out.state/...".
 * malloc'd; other paths are copied unchanged. */
char *publish_final_path(const publication *p, const char *path);
/* The same for every staging path inside a message, in place. */
void publish_unstage_msg(const publication *p, char *msg, size_t len);

#endif
