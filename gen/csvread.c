/* csvread.c: CSV input through libcsv (see csvread.h). libcsv does the
 * quoting rules of RFC 4180; this file adds what users need around it: line
 * numbers for messages (libcsv has none, so we count newlines in fields and
 * record ends ourselves), BOM and separator handling, the UTF-8 check, and
 * the check that every row has as many fields as the header.
 *
 * The file is read in fixed chunks and handed on row by row (csv_stream), so
 * a million-row antwoorden.csv needs the memory of one row, not of the file.
 * The fields of a row live in one buffer that is reused for the next row. */
#include "csvread.h"

#include <csv.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#define CHUNK (256 * 1024)

struct reader {
	const char *path;
	struct err *e;
	csv_row_fn cb;
	void *ctx;
	int rc;             /* first error or non-zero callback result: stop */
	strbuf text;        /* the current row's fields, each NUL-terminated */
	size_t *off;        /* start of each field in text */
	int nf, cap;
	char **ptrs;        /* handed to the callback */
	int capptrs;
	int header_nf;      /* fields of the header; 0 before it */
	char delim;
	long line;          /* current physical line */
	long rec_line;      /* line the current record started on */
	int in_record;
};

static void on_field(void *s, size_t len, void *data)
{
	struct reader *r = data;
	if (r->rc)
		return;
	if (!r->in_record) {
		r->in_record = 1;
		r->rec_line = r->line;
	}
	const char *p = s ? s : "";
	/* every field is checked where it is complete, so a multi-byte
	 * character is never split by a chunk boundary */
	if (utf8_check_at(r->path, p, len, r->line, r->e)) {
		r->rc = -1;
		return;
	}
	if (r->nf == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 64;
		r->off = xrealloc(r->off, (size_t)r->cap * sizeof *r->off);
	}
	r->off[r->nf++] = r->text.len;
	sb_addn(&r->text, p, len);
	sb_addc(&r->text, 0);
	for (size_t i = 0; i < len; i++)
		if (p[i] == '\n')
			r->line++;
}

static void on_record(int c, void *data)
{
	struct reader *r = data;
	if (r->in_record && !r->rc) {
		if (r->capptrs < r->nf) {
			r->capptrs = r->cap;
			r->ptrs = xrealloc(r->ptrs, (size_t)r->capptrs * sizeof *r->ptrs);
		}
		for (int i = 0; i < r->nf; i++)
			r->ptrs[i] = r->text.s + r->off[i];
		csv_row row = { .nf = r->nf, .f = r->ptrs, .line = r->rec_line };
		if (!r->header_nf)
			r->header_nf = r->nf;
		else if (r->nf != r->header_nf)
			r->rc = err_set(r->e, r->path, r->rec_line,
					"%d fields; expected %d, as in the header (separator '%c')", r->nf,
					r->header_nf, r->delim);
		if (!r->rc)
			r->rc = r->cb(&row, r->ctx);
	}
	r->nf = 0;
	r->text.len = 0;
	r->in_record = 0;
	if (c == '\n')
		r->line++;
}

static int never_space(unsigned char c)
{
	(void)c;
	return 0; /* spaces belong to the field (RFC 4180); libcsv would trim them */
}

static char detect_delim(const char *s, size_t len)
{
	int commas = 0, semis = 0, quoted = 0;
	for (size_t i = 0; i < len && s[i] != '\n'; i++) {
		if (s[i] == '"')
			quoted = !quoted;
		else if (!quoted && s[i] == ',')
			commas++;
		else if (!quoted && s[i] == ';')
			semis++;
	}
	return semis > commas ? ';' : ',';
}

static long count_nl(const char *s, size_t n)
{
	long k = 0;
	for (const char *p = s, *end = s + n; (p = memchr(p, '\n', (size_t)(end - p))); p++)
		k++;
	return k;
}

int csv_stream(const char *path, const char *expected, csv_row_fn cb, void *ctx, char *delim_out,
	       struct err *e)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return err_set(e, path, 0, "cannot open: %s", strerror(errno));
	char *buf = xmalloc(CHUNK);
	struct reader r = { .path = path, .e = e, .cb = cb, .ctx = ctx, .line = 1 };
	sb_init(&r.text);
	struct csv_parser p;
	csv_init(&p, CSV_STRICT | CSV_REPALL_NL | CSV_STRICT_FINI);
	csv_set_space_func(&p, never_space);
	long chunk_line = 1; /* physical line at the start of the chunk */
	int first = 1, content = 0;
	size_t n;
	while (!r.rc && (n = fread(buf, 1, CHUNK, f)) > 0) {
		const char *s = buf;
		if (first) {
			if (n >= 3 && !memcmp(s, "\xEF\xBB\xBF", 3)) {
				s += 3;
				n -= 3;
			}
			/* the header line is far shorter than a chunk */
			r.delim = detect_delim(s, n);
			csv_set_delim(&p, (unsigned char)r.delim);
			first = 0;
		}
		for (size_t i = 0; i < n && !content; i++)
			content = !strchr(" \n\r\t", s[i]);
		size_t done = csv_parse(&p, s, n, on_field, on_record, &r);
		if (r.rc)
			break;
		if (done < n) {
			long at = chunk_line + count_nl(s, done);
			if (r.in_record && r.rec_line < at)
				/* a quote opened in an earlier row swallowed the line ends since */
				r.rc = err_set(e, path, r.rec_line,
					       "a quoted field in this row is not closed properly (the parser got stuck on line %ld); expected \"...\" with inner quotes doubled",
					       at);
			else
				r.rc = err_set(e, path, at,
					       "malformed CSV (%s); expected fields quoted as \"...\" with inner quotes doubled",
					       csv_strerror(csv_error(&p)));
			break;
		}
		chunk_line += count_nl(s, n);
	}
	if (!r.rc && ferror(f))
		r.rc = err_set(e, path, 0, "cannot read: %s", strerror(errno));
	if (!r.rc && !content)
		r.rc = err_set(e, path, 0, "file is empty; expected %s", expected);
	if (!r.rc && csv_fini(&p, on_field, on_record, &r) != 0 && !r.rc)
		r.rc = err_set(e, path, r.rec_line,
			       "a quoted field is never closed; expected a closing \" before the end of the file");
	if (!r.rc && !r.header_nf)
		r.rc = err_set(e, path, 0, "no header line; expected %s", expected);
	if (delim_out)
		*delim_out = r.delim;
	csv_free(&p);
	fclose(f);
	free(buf);
	free(r.off);
	free(r.ptrs);
	sb_free(&r.text);
	return r.rc;
}

/* csv_read: the whole table, for the small inputs (register, previous
 * publication) that are used as tables. */
static int keep_row(const csv_row *row, void *ctx)
{
	csv_table *t = ctx;
	t->rows = xrealloc(t->rows, (size_t)(t->nrows + 1) * sizeof *t->rows);
	csv_row *k = &t->rows[t->nrows++];
	k->nf = row->nf;
	k->line = row->line;
	k->f = xcalloc((size_t)row->nf + 1, sizeof *k->f);
	for (int i = 0; i < row->nf; i++)
		k->f[i] = xstrdup(row->f[i]);
	return 0;
}

csv_table *csv_read(const char *path, struct err *e)
{
	csv_table *t = xcalloc(1, sizeof *t);
	if (csv_stream(path, "a header line and data rows", keep_row, t, &t->delim, e)) {
		csv_table_free(t);
		return NULL;
	}
	return t;
}

void csv_table_free(csv_table *t)
{
	if (!t)
		return;
	for (int i = 0; i < t->nrows; i++) {
		for (int j = 0; j < t->rows[i].nf; j++)
			free(t->rows[i].f[j]);
		free(t->rows[i].f);
	}
	free(t->rows);
	free(t);
}

int csv_col(const csv_table *t, const char *name)
{
	for (int j = 0; j < t->rows[0].nf; j++)
		if (!strcmp(t->rows[0].f[j], name))
			return j;
	return -1;
}
