/* csvread.h: reading a CSV file with libcsv into rows of fields, each row
 * with the line it starts on. Accepts a UTF-8 BOM and ',' or ';' as the
 * separator (Dutch Excel writes ';'), detected from the header line.
 * csv_stream hands rows on one at a time (memory of one row); csv_read keeps
 * the whole table, for small files. */
#ifndef CSVREAD_H
#define CSVREAD_H

#include <stddef.h>
#include "util.h"

/* Limits: a field holds at most CSV_MAX_FIELD bytes and a row (record,
 * with its quoted line ends) at most CSV_MAX_RECORD; more is an error at
 * the row's line, found while reading, with the memory of at most about
 * twice CSV_MAX_RECORD. */
#define CSV_MAX_FIELD (64 * 1024)
#define CSV_MAX_RECORD (4 * 1024 * 1024)

typedef struct {
	int nf;
	char **f;
	long line;
} csv_row;

typedef struct {
	int nrows;
	csv_row *rows; /* rows[0] is the header */
	char delim;
} csv_table;

/* Streams path row by row: cb gets the header, then every data row; the
 * row's fields are valid only during the call. A non-zero return from cb
 * stops the reading and is returned. Checks as csv_read; `expected` is what
 * an empty file should have held. The separator found goes to *delim. */
typedef int (*csv_row_fn)(const csv_row *row, void *ctx);
int csv_stream(const char *path, const char *expected, csv_row_fn cb, void *ctx, char *delim,
	       struct err *e);

/* Reads path. Errors (with file:line): not UTF-8, empty, unclosed or stray
 * quote, a row whose field count differs from the header's. */
csv_table *csv_read(const char *path, struct err *e);
void csv_table_free(csv_table *t);
/* Index of a header column, or -1. */
int csv_col(const csv_table *t, const char *name);

#endif
