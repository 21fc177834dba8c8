/* test_terms.h: the unit tests' term list. The generator installs the
 * report's words before it builds anything (gen/main.c, install_terms);
 * a test binary does the same with the shipped list, from the repository
 * root where tests/run.sh starts it. */
#ifndef TEST_TERMS_H
#define TEST_TERMS_H

#include <stdio.h>
#include <stdlib.h>
#include "termlist.h"

static inline void install_test_terms(void)
{
	struct err e;
	if (termlist_install("templates/termen.xml", NULL, "gen/schema/termen.rng", NULL, "the unit tests", &e)) {
		fprintf(stderr, "%s\n", e.msg);
		exit(1);
	}
}

#endif
