/* fuzz_common.h: what the libFuzzer harnesses in fuzz/ share: a scratch
 * directory for the input under test (the loaders read files, as the
 * generator does), and the real survey from input/ for the harnesses that
 * evaluate templates and expressions against data. Harnesses run from the
 * repository root (fuzz/run.sh sees to that). */
#ifndef FUZZ_COMMON_H
#define FUZZ_COMMON_H

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "aggregate.h"
#include "termlist.h"
#include "util.h"

static char *fuzz_dir_path;

static inline void fuzz_cleanup(void)
{
	rm_rf(fuzz_dir_path);
}

/* The scratch directory, made on first use in $TMPDIR and removed at exit
 * (fuzz/run.sh also removes its TMPDIR, for runs that end in a crash). */
static inline const char *fuzz_dir(void)
{
	if (!fuzz_dir_path) {
		const char *tmp = getenv("TMPDIR");
		fuzz_dir_path = xasprintf("%s/fuzz.XXXXXX", tmp && *tmp ? tmp : "/tmp");
		if (!mkdtemp(fuzz_dir_path))
			abort();
		atexit(fuzz_cleanup);
		/* the report's words, as gen installs them before building */
		struct err e;
		if (termlist_install("templates/termen.xml", NULL, "gen/schema/termen.rng", NULL, "fuzz", &e))
			abort();
	}
	return fuzz_dir_path;
}

/* Writes the input to NAME in the scratch directory; returns its path. */
static inline char *fuzz_write(const char *name, const uint8_t *data, size_t size)
{
	char *p = xasprintf("%s/%s", fuzz_dir(), name);
	if (write_file(p, (const char *)data, size))
		abort();
	return p;
}

/* The survey of input/ and the national edition's numbers, loaded once. */
typedef struct {
	questionnaire *qn;
	registry *reg;
	survey *s;
	variant *v;
	stats *st;
} fuzz_world;

static inline fuzz_world *fuzz_world_load(void)
{
	static fuzz_world w;
	if (w.st)
		return &w;
	fuzz_dir(); /* installs the term list */
	struct err e = { { 0 } };
	w.qn = questionnaire_load("input/vragenlijst.xml", "gen/schema/vragenlijst.rng", &e);
	w.reg = w.qn ? registry_load("input/gemeenten-2013.csv", &e) : NULL;
	if (!w.reg) {
		fprintf(stderr, "fuzz: cannot load input/: %s (run from the repository root)\n", e.msg);
		abort();
	}
	w.s = survey_new(w.qn, w.reg);
	if (responses_load_csv(w.s, "input/antwoorden.csv", &e)) {
		fprintf(stderr, "fuzz: %s\n", e.msg);
		abort();
	}
	w.v = variant_new(w.s, "nederland");
	w.st = stats_compute(w.v);
	return &w;
}

#endif
