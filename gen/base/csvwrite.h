/* csvwrite.h: the one CSV writer of the generator. Every CSV file the
 * program writes (cijfers.csv, codeboek.csv, open-antwoorden.csv,
 * figuren/figuur-N-N.csv, and the internal out.state files) goes through it, so
 * quoting and the protection against spreadsheet formulas are decided in
 * one place.
 *
 * RFC 4180: fields separated by commas, a field quoted ("...", a quote
 * doubled) when it holds a comma, a quote, a line break, or starts or ends
 * with a space; the caller chooses the line end ("\n", or "\r\n" for the
 * chart downloads).
 *
 * Data, not code (OWASP "CSV injection"): with neutralise set, a text field
 * that starts with = + - @ a tab or a carriage return gets a leading
 * apostrophe ('=SUM(A1) is shown as text by a spreadsheet, not evaluated).
 * Number fields (csvw_num) are written as they are: a number stays a
 * number. Published files neutralise; the internal state files that the
 * program reads back do not (they are never opened by a reader). */
#ifndef CSVWRITE_H
#define CSVWRITE_H

#include "util.h"

typedef struct {
	strbuf *b;
	const char *eol;
	int neutralise;
	int col; /* fields written on this row so far */
} csv_writer;

void csvw_init(csv_writer *w, strbuf *b, const char *eol, int neutralise);
/* A text field (NULL is empty). */
void csvw_text(csv_writer *w, const char *s);
/* A number field, printf-formatted; never neutralised (a negative number
 * stays a number). */
void csvw_num(csv_writer *w, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Several text fields, up to a NULL. */
void csvw_texts(csv_writer *w, ...) __attribute__((sentinel));
/* Ends the row. */
void csvw_end(csv_writer *w);

/* Whether a text field would be neutralised: it starts with = + - @ tab or
 * CR. */
int csv_needs_neutralising(const char *s);

#endif
