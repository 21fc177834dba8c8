/* csvread.c: CSV input through libcsv (see csvread.h). libcsv does the
 * quoting rules of RFC 4180; this file adds what users need around it: line
 * numbers for messages (libcsv has none, so we count newlines in fields and
 * record ends ourselves), BOM and separator handling, and the check that
 * every row has as many fields as the header. */
#include "csvread.h"

#include <csv.h>
#include <stdlib.h>
#include <string.h>

struct reader {
	csv_table *t;
	csv_row cur;
	int cap;
	long line;     /* current physical line */
	long rec_line; /* line the current record started on */
	int in_record;
};

static void on_field(void *s, size_t len, void *data)
{
	struct reader *r = data;
	if (!r->in_record) {
		r->in_record = 1;
		r->rec_line = r->line;
	}
	if (r->cur.nf == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 16;
		r->cur.f = xrealloc(r->cur.f, (size_t)r->cap * sizeof *r->cur.f);
	}
	const char *p = s ? s : "";
	r->cur.f[r->cur.nf++] = xstrndup(p, len);
	for (size_t i = 0; i < len; i++)
		if (p[i] == '\n')
			r->line++;
}

static void on_record(int c, void *data)
{
	struct reader *r = data;
	if (r->in_record) {
		csv_table *t = r->t;
		t->rows = xrealloc(t->rows, (size_t)(t->nrows + 1) * sizeof *t->rows);
		r->cur.line = r->rec_line;
		t->rows[t->nrows++] = r->cur;
		memset(&r->cur, 0, sizeof r->cur);
		r->cap = 0;
		r->in_record = 0;
	}
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

static long line_at(const char *s, size_t off)
{
	long line = 1;
	for (size_t i = 0; i < off; i++)
		line += s[i] == '\n';
	return line;
}

csv_table *csv_read(const char *path, struct err *e)
{
	size_t len;
	char *buf = read_text_input(path, &len, "a header line and data rows", e);
	if (!buf)
		return NULL;
	const char *s = buf;
	if (len >= 3 && !memcmp(s, "\xEF\xBB\xBF", 3)) {
		s += 3;
		len -= 3;
	}
	csv_table *t = xcalloc(1, sizeof *t);
	t->delim = detect_delim(s, len);
	struct csv_parser p;
	csv_init(&p, CSV_STRICT | CSV_REPALL_NL | CSV_STRICT_FINI);
	csv_set_delim(&p, (unsigned char)t->delim);
	csv_set_space_func(&p, never_space);
	struct reader r = { .t = t, .line = 1 };
	size_t done = csv_parse(&p, s, len, on_field, on_record, &r);
	int rc = 0;
	if (done < len && r.in_record && r.rec_line < line_at(s, done)) {
		/* a quote opened in an earlier row swallowed the line ends since */
		rc = err_set(e, path, r.rec_line,
			     "a quoted field in this row is not closed properly (the parser got stuck on line %ld); expected \"...\" with inner quotes doubled",
			     line_at(s, done));
	} else if (done < len) {
		rc = err_set(e, path, line_at(s, done),
			     "malformed CSV near byte %zu (%s); expected fields quoted as \"...\" with inner quotes doubled",
			     done + 1, csv_strerror(csv_error(&p)));
	} else if (csv_fini(&p, on_field, on_record, &r) != 0) {
		rc = err_set(e, path, r.rec_line,
			     "a quoted field is never closed; expected a closing \" before the end of the file");
	}
	csv_free(&p);
	for (int i = 0; i < r.cur.nf; i++)
		free(r.cur.f[i]);
	free(r.cur.f);
	free(buf);
	if (!rc && t->nrows == 0)
		rc = err_set(e, path, 0, "no header line; expected a header line and data rows");
	for (int i = 1; !rc && i < t->nrows; i++)
		if (t->rows[i].nf != t->rows[0].nf)
			rc = err_set(e, path, t->rows[i].line,
				     "%d fields; expected %d, as in the header (separator '%c')",
				     t->rows[i].nf, t->rows[0].nf, t->delim);
	if (rc) {
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
