/* terms.h: the report's own words. Every piece of text a reader sees that
 * the generator writes itself, not the templates (labels, table headings,
 * legends, colofon, landing and changes prose, annex sentences, alt-text
 * phrases, the words of the quantifiers), is a term of one term list:
 * templates/termen.xml (docs/templates.md, "Terms"). No C string literal
 * carries report text: tools/check-report-text.py, run by tests/e2e/terms.sh,
 * finds one.
 *
 * A term is plain text (the writers escape it like any other text) with
 * numbered places {1}..{9} that the code fills with strings. It is never a
 * printf format, so a term list cannot make the generator read an argument
 * it did not pass: a report's list may use only the places the default list
 * uses for that term (checked when it is read, gen/input/termlist.c), and
 * terms_fmt aborts on a place the code did not fill (a programming error
 * that tools/check-terms.py, run by tests/e2e/terms.sh, finds statically).
 *
 * The list is process-wide: installed once by main() before anything is
 * built (terms_install), read-only afterwards, so the editions' jobs share
 * it without locks. */
#ifndef TERMS_H
#define TERMS_H

#include <stdio.h>
#include "util.h"

#define TERMS_MAX_PLACES 9

typedef struct term_list term_list;

term_list *terms_new(const char *lang);
/* Adds or replaces id's text (copied). */
void terms_put(term_list *l, const char *id, const char *text);
/* id's text, or NULL. */
const char *terms_get(const term_list *l, const char *id);
/* The places {k} text uses, as a bit set (bit k); -1 when a brace is not
 * a place ("{", "{0}", "{x}"), with *bad (may be NULL) at the offending
 * byte. */
int terms_places(const char *text, const char **bad);
/* Calls f for every term, in id order. */
void terms_each(const term_list *l, void (*f)(const char *id, const char *text, void *arg), void *arg);
const char *terms_lang_of(const term_list *l);
void terms_free(term_list *l);

/* Makes l the process's term list (taking it over) and the report's
 * language lang (a BCP 47 tag, "nl-NL"). */
void terms_install(term_list *l, const char *lang);
/* Frees the installed list (end of main, tests). */
void terms_uninstall(void);

/* The installed term id. An id the list lacks is a programming error:
 * aborts with its name. */
const char *T(const char *id);
/* The term with its places filled from args (NULL-terminated); malloc'd. */
char *terms_fmt(const char *id, const char *const *args);
#define TF(id, ...) terms_fmt((id), (const char *const[]){ __VA_ARGS__, NULL })

/* A whole number in digits for a place: TF("id", TN(n).s). The array lives
 * as long as the full expression that calls TN (C11 6.2.4p8). Numbers for
 * readers with thousands separators go through nl_int instead. */
typedef struct {
	char s[24];
} term_num;
static inline term_num TN(long v)
{
	term_num n;
	snprintf(n.s, sizeof n.s, "%ld", v);
	return n;
}

/* The report's language as a BCP 47 tag ("nl-NL"): pango's language, the
 * PDF's /Lang, the HTML's lang. "nl-NL" before a list is installed. */
const char *report_lang(void);

#endif
