/* csvread.c: CSV input (see csvread.h): the quoting rules of RFC 4180
 * (fields in "..." with inner quotes doubled, line ends inside quotes; a
 * quote anywhere else is an error), line numbers for messages, BOM and
 * separator handling, the UTF-8 check, and the check that every row has as
 * many fields as the header.
 *
 * The file is read in fixed chunks and handed on row by row (csv_stream), so
 * a million-row antwoorden.csv needs the memory of one row, not of the file;
 * the fields of a row live in one buffer that is reused for the next row.
 * This replaced libcsv: its byte-at-a-time callbacks and the copy of every
 * field were a quarter of the time of loading a million rows (perf), where
 * scanning a complete record in the buffer with memchr costs little. */
#include "csvread.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#define CHUNK (256 * 1024)

/* Limits, checked before the memory is spent (csvread.h). */
#define MAX_FIELD CSV_MAX_FIELD
#define MAX_RECORD CSV_MAX_RECORD

struct reader {
	const char *path;
	struct err *e;
	csv_row_fn cb;
	void *ctx;
	strbuf text;        /* the current row's fields, each NUL-terminated */
	strbuf quoted;      /* a quoted field with its doubled quotes undone */
	size_t *off;        /* start of each field in text */
	int nf, cap;
	char **ptrs;        /* handed to the callback */
	int capptrs;
	int header_nf;      /* fields of the header; 0 before it */
	char delim;
	long line;          /* physical line of the next unread byte */
	unsigned char cls[256]; /* per byte: CLS_STOP ends an unquoted field, CLS_CHECK needs utf8_check_at */
};

enum { CLS_PLAIN = 0, CLS_STOP = 1, CLS_CHECK = 2 };

/* Printable ASCII passes at a glance; the delimiter, line ends and quotes
 * stop an unquoted field; everything else (controls, UTF-8 sequences) is
 * given the full check of input text. */
static void set_classes(struct reader *r)
{
	for (int c = 0; c < 256; c++)
		r->cls[c] = (unsigned)c - 0x20u < 0x5fu ? CLS_PLAIN : CLS_CHECK;
	r->cls[(unsigned char)r->delim] = CLS_STOP;
	r->cls['\n'] = r->cls['\r'] = r->cls['"'] = CLS_STOP;
}

static long count_nl(const char *s, size_t n)
{
	long k = 0;
	for (const char *p = s, *end = s + n; (p = memchr(p, '\n', (size_t)(end - p))); p++)
		k++;
	return k;
}

/* Adds one complete field that starts on `line`; check: it holds bytes
 * other than printable ASCII (most fields, "vaak" or "1", do not). */
static int add_field(struct reader *r, const char *p, size_t len, long line, int check)
{
	if (len > MAX_FIELD)
		return err_set(r->e, r->path, line, "a field of %zu bytes; expected at most %d KB in one field", len,
			       MAX_FIELD / 1024);
	if (check && utf8_check_at(r->path, p, len, line, r->e))
		return -1;
	if (r->nf == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 64;
		r->off = xrealloc(r->off, (size_t)r->cap * sizeof *r->off);
	}
	r->off[r->nf++] = r->text.len;
	if (r->text.cap - r->text.len < len + 1) {
		sb_addn(&r->text, p, len); /* grows */
	} else {
		memcpy(r->text.s + r->text.len, p, len);
		r->text.len += len;
		r->text.s[r->text.len] = 0;
	}
	r->text.len++; /* keep the NUL: the field's end */
	return 0;
}

static int emit_row(struct reader *r, long line)
{
	if (r->capptrs < r->nf) {
		r->capptrs = r->cap;
		r->ptrs = xrealloc(r->ptrs, (size_t)r->capptrs * sizeof *r->ptrs);
	}
	for (int i = 0; i < r->nf; i++)
		r->ptrs[i] = r->text.s + r->off[i];
	csv_row row = { .nf = r->nf, .f = r->ptrs, .line = line };
	if (!r->header_nf)
		r->header_nf = r->nf;
	else if (r->nf != r->header_nf)
		return err_set(r->e, r->path, line, "%d fields; expected %d, as in the header (separator '%c')", r->nf,
			       r->header_nf, r->delim);
	return r->cb(&row, r->ctx);
}

enum { REC_DONE = 1, REC_MORE = 0, REC_ERROR = -1 };

/* A quote where RFC 4180 allows none: the message says whether an earlier
 * quote may have swallowed line ends since the record began. */
static int bad_quote(struct reader *r, long rec_line, long at)
{
	if (at > rec_line)
		return err_set(r->e, r->path, rec_line,
			       "a quoted field in this row is not closed properly (the parser got stuck on line %ld); expected \"...\" with inner quotes doubled",
			       at);
	return err_set(r->e, r->path, at,
		       "malformed CSV (a quote inside a field); expected fields quoted as \"...\" with inner quotes doubled");
}

/* Reads one record from p[0..n). REC_MORE: the record is not complete in
 * the buffer and more input follows; nothing is consumed. REC_DONE: *used
 * bytes make up the record (and its line end), and the row has been handed
 * on. At eof the buffer's end ends the record. */
static int read_record(struct reader *r, const char *p, size_t n, int eof, size_t *used)
{
	const char d = r->delim;
	long rec_line = r->line, nl = 0;
	size_t i = 0;
	r->nf = 0;
	r->text.len = 0;
	for (;;) {
		if (i < n && p[i] == '"') {
			/* quoted: runs to a quote not followed by another */
			strbuf *t = &r->quoted;
			t->len = 0;
			size_t j = i + 1;
			for (;;) {
				const char *q = memchr(p + j, '"', n - j);
				if (!q) {
					if (!eof)
						return REC_MORE;
					return err_set(r->e, r->path, rec_line,
						       "a quoted field is never closed; expected a closing \" before the end of the file");
				}
				size_t k = (size_t)(q - p);
				if (k + 1 == n && !eof)
					return REC_MORE; /* is it doubled? the next byte decides */
				sb_addn(t, p + j, k - j);
				if (k + 1 < n && p[k + 1] == '"') {
					sb_addc(t, '"');
					j = k + 2;
					continue;
				}
				i = k + 1;
				break;
			}
			if (add_field(r, t->s ? t->s : "", t->len, rec_line + nl, 1))
				return REC_ERROR;
			nl += count_nl(t->s ? t->s : "", t->len);
			if (i < n && p[i] != d && p[i] != '\n' && p[i] != '\r')
				return bad_quote(r, rec_line, rec_line + nl);
		} else {
			size_t j = i;
			int check = 0;
			for (;;) {
				while (j < n && r->cls[(unsigned char)p[j]] == CLS_PLAIN)
					j++;
				if (j < n && r->cls[(unsigned char)p[j]] == CLS_CHECK) {
					check = 1;
					j++;
					continue;
				}
				break;
			}
			if (j == n && !eof)
				return REC_MORE;
			if (j < n && p[j] == '"')
				return bad_quote(r, rec_line, rec_line + nl);
			if (add_field(r, p + i, j - i, rec_line + nl, check))
				return REC_ERROR;
			i = j;
		}
		if (i == n) /* eof */
			break;
		if (p[i] == d) {
			i++;
			continue;
		}
		if (p[i] == '\r') {
			if (i + 1 == n && !eof)
				return REC_MORE;
			i++;
		}
		if (i < n && p[i] == '\n') {
			i++;
			nl++;
		}
		break;
	}
	*used = i;
	r->line = rec_line + nl;
	return emit_row(r, rec_line) ? REC_ERROR : REC_DONE;
}

/* Skips empty lines (they hold no record); returns the bytes skipped. */
static size_t skip_blank(struct reader *r, const char *p, size_t n)
{
	size_t i = 0;
	while (i < n && (p[i] == '\n' || p[i] == '\r')) {
		r->line += p[i] == '\n';
		i++;
	}
	return i;
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

int csv_stream(const char *path, const char *expected, csv_row_fn cb, void *ctx, char *delim_out,
	       struct err *e)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return err_set(e, path, 0, "cannot open: %s", strerror(errno));
	size_t cap = 2 * CHUNK, len = 0, pos = 0;
	char *buf = xmalloc(cap);
	struct reader r = { .path = path, .e = e, .cb = cb, .ctx = ctx, .line = 1 };
	sb_init(&r.text);
	sb_init(&r.quoted);
	int rc = 0, first = 1, content = 0, eof = 0;
	while (!rc) {
		/* refill: keep the unconsumed tail, read behind it */
		if (!eof) {
			memmove(buf, buf + pos, len - pos);
			len -= pos;
			pos = 0;
			if (cap - len < CHUNK) {
				cap *= 2; /* a record longer than the buffer */
				buf = xrealloc(buf, cap);
			}
			size_t got = fread(buf + len, 1, cap - len, f);
			if (got == 0) {
				if (ferror(f)) {
					rc = err_set(e, path, 0, "cannot read: %s", strerror(errno));
					break;
				}
				eof = 1;
			}
			size_t from = len;
			len += got;
			if (first) {
				if (len >= 3 && !memcmp(buf, "\xEF\xBB\xBF", 3))
					pos = from = 3;
				/* the header line is far shorter than a chunk */
				r.delim = detect_delim(buf + pos, len - pos);
				set_classes(&r);
				first = 0;
			}
			/* only white space (or a BOM) counts as an empty file */
			for (size_t i = from; i < len && !content; i++)
				content = !buf[i] || !strchr(" \n\r\t", buf[i]);
		}
		for (;;) {
			pos += skip_blank(&r, buf + pos, len - pos);
			if (pos == len)
				break;
			size_t used = 0;
			int st = read_record(&r, buf + pos, len - pos, eof, &used);
			if (st == REC_ERROR) {
				rc = -1;
				break;
			}
			if (st == REC_MORE) {
				/* a record that does not end: stop before it fills memory */
				if (len - pos > MAX_RECORD)
					rc = err_set(e, path, r.line, "the row starting here is longer than %d MB; expected rows "
						     "of at most %d MB (fields of at most %d KB; is a quote not closed?)",
						     MAX_RECORD >> 20, MAX_RECORD >> 20, MAX_FIELD / 1024);
				break;
			}
			pos += used;
		}
		if (eof)
			break;
	}
	if (!rc && !content)
		rc = err_set(e, path, 0, "file is empty; expected %s", expected);
	if (!rc && !r.header_nf)
		rc = err_set(e, path, 0, "no header line; expected %s", expected);
	if (delim_out)
		*delim_out = r.delim;
	fclose(f);
	free(buf);
	free(r.off);
	free(r.ptrs);
	sb_free(&r.text);
	sb_free(&r.quoted);
	return rc;
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
