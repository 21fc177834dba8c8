/* termlist.h: reading the term lists (templates/termen.xml, schema
 * gen/schema/termen.rng) and installing the report's words (terms.h).
 *
 * The generator's default list is the shipped report's templates/termen.xml;
 * it defines every term there is. A report's own list (its templates
 * folder's termen.xml, when that is another file) says the terms it words
 * otherwise: an id the default lacks, or a place {k} the default's term
 * does not have, is an error with file:line. A report in another language
 * than the default list's (by primary subtag: nl-NL and nl-BE are both nl)
 * needs an own list in that language with every term. */
#ifndef TERMLIST_H
#define TERMLIST_H

#include "util.h"

/* lang: the report's language (<taal> in rapport.xml's <meta>), NULL for
 * the default list's. own_path NULL or the same file as default_path: the
 * default alone. Returns 0, or -1 with e set. */
int termlist_install(const char *default_path, const char *own_path, const char *rng_path, const char *lang,
		     const char *lang_where, struct err *e);

#endif
