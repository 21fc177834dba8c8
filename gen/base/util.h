/* util.h: small things every module uses: checked allocation, a growable
 * string buffer, file-and-line error reporting, Dutch number formatting,
 * and file helpers for the staging directory.
 *
 * Errors: a function that can fail on input returns -1 and has filled a
 * `struct err` with "file:line: message". Nothing in the generator exits
 * from deep inside; main() prints the message and leaves out/ untouched. */
#ifndef UTIL_H
#define UTIL_H

#include <stddef.h>
#include <stdio.h>
#include <stdarg.h>

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* A growable, always NUL-terminated string. */
typedef struct {
	char *s;
	size_t len, cap;
} strbuf;
void sb_init(strbuf *b);
void sb_add(strbuf *b, const char *s);
void sb_addn(strbuf *b, const char *s, size_t n);
void sb_addc(strbuf *b, char c);
void sb_printf(strbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
char *sb_take(strbuf *b); /* returns the string, resets the buffer */
void sb_free(strbuf *b);

/* Input errors: "file:line: message". line 0 means the file as a whole. */
struct err {
	char msg[1024];
};
int err_set(struct err *e, const char *file, long line, const char *fmt, ...)
	__attribute__((format(printf, 4, 5))); /* always returns -1 */

/* Reads a whole file. Returns NULL and sets *e when it cannot. */
char *read_file(const char *path, size_t *len, struct err *e);
/* Checks that buf is valid UTF-8 without code points a report cannot print
 * (Unicode noncharacters, control characters other than tab and line
 * ends); on failure reports the line of the first bad one. Returns 0 or -1. */
int utf8_check(const char *path, const char *buf, size_t len, struct err *e);
/* The same for a piece of a file that starts on line first_line. */
int utf8_check_at(const char *path, const char *buf, size_t len, long first_line, struct err *e);
/* The same check for one string read from a binary file (.sav): the
 * message is "path:line: <where>what is wrong; expected ...". */
int text_check(const char *path, long line, const char *where, const char *s, struct err *e);
/* Reads an input text file and checks it is not empty (only white space or a
 * BOM counts as empty: "file is empty; expected <expected>") and is UTF-8. */
char *read_text_input(const char *path, size_t *len, const char *expected, struct err *e);
int write_file(const char *path, const char *data, size_t len);
int mkdir_p(const char *path);
int rm_rf(const char *path);

/* Numbers and dates as the report's language writes them, with the
 * separators and month names of the term list (terms.h; Dutch: "2,5",
 * "100.000", "8 april 2013"). Returned strings are malloc'd. */
char *nl_int(long v);               /* 100000 -> "100.000" */
char *nl_decimal(double v, int decimals); /* 2.5,1 -> "2,5" */
char *nl_file_size(long bytes);
/* Dates from ISO dates: "2013-04-08" -> "8 april 2013" (nl_date, term
 * datum.lang; NULL -> "") and "8 april" (nl_date_day_month, datum.dag_maand);
 * a text that is not an ISO date is returned as it is. */
char *nl_date(const char *iso);
char *nl_date_day_month(const char *iso);     /* 1234567 -> "1,2 MB", 850000 -> "850 kB" */

/* Rounds half up, the way the report prints percentages (24.5 -> 25). Done
 * on value*1e9-rounded numbers so 24.4999999 from a division counts as 24.5. */
long round_half_up(double v);

/* Stage timing for `make bench` and profiling: with GEN_PROFILE set in the
 * environment, prof_mark prints on stderr the wall time since the previous
 * mark of this process, "gen: profile: <what> <ms> ms". Otherwise free. */
void prof_mark(const char *what);

#endif
