/* util.c: allocation, string buffers, error messages, file helpers and Dutch
 * number formatting shared by every module (see util.h). */
#include "util.h"
#include "terms.h"
#include "text.h"

#include <errno.h>
#include <dirent.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static void oom(void)
{
	fputs("gen: out of memory\n", stderr);
	abort();
}

void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		oom();
	return p;
}

void *xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);
	if (!p)
		oom();
	return p;
}

void *xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (!p)
		oom();
	return p;
}

char *xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);
	memcpy(p, s, n);
	p[n] = 0;
	return p;
}

char *xasprintf(const char *fmt, ...)
{
	va_list ap;
	char probe[1];
	if (!fmt) /* never; but UBSan's null checks make gcc 12 warn without it */
		fmt = "";
	va_start(ap, fmt);
	int n = vsnprintf(probe, sizeof probe, fmt, ap);
	va_end(ap);
	char *p = xmalloc((size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return p;
}

void sb_init(strbuf *b)
{
	b->s = NULL;
	b->len = b->cap = 0;
}

static void sb_grow(strbuf *b, size_t extra)
{
	if (b->len + extra + 1 <= b->cap)
		return;
	size_t cap = b->cap ? b->cap : 64;
	while (cap < b->len + extra + 1)
		cap *= 2;
	b->s = xrealloc(b->s, cap);
	b->cap = cap;
}

void sb_addn(strbuf *b, const char *s, size_t n)
{
	sb_grow(b, n);
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = 0;
}

void sb_add(strbuf *b, const char *s)
{
	sb_addn(b, s, strlen(s));
}

void sb_addc(strbuf *b, char c)
{
	sb_addn(b, &c, 1);
}

void sb_printf(strbuf *b, const char *fmt, ...)
{
	va_list ap;
	char probe[1];
	if (!fmt)
		fmt = "";
	va_start(ap, fmt);
	int n = vsnprintf(probe, sizeof probe, fmt, ap);
	va_end(ap);
	sb_grow(b, (size_t)n);
	va_start(ap, fmt);
	vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

char *sb_take(strbuf *b)
{
	char *s = b->s ? b->s : xstrdup("");
	sb_init(b);
	return s;
}

void sb_free(strbuf *b)
{
	free(b->s);
	sb_init(b);
}

int err_set(struct err *e, const char *file, long line, const char *fmt, ...)
{
	if (!e)
		return -1;
	int n;
	if (line > 0)
		n = snprintf(e->msg, sizeof e->msg, "%s:%ld: ", file, line);
	else
		n = snprintf(e->msg, sizeof e->msg, "%s: ", file);
	if (n < 0 || (size_t)n >= sizeof e->msg)
		return -1;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(e->msg + n, sizeof e->msg - (size_t)n, fmt, ap);
	va_end(ap);
	return -1;
}

char *read_file(const char *path, size_t *len, struct err *e)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		err_set(e, path, 0, "cannot open: %s; expected a readable file", strerror(errno));
		return NULL;
	}
	strbuf b;
	sb_init(&b);
	errno = 0;
	char buf[65536];
	size_t n;
	while ((n = fread(buf, 1, sizeof buf, f)) > 0)
		sb_addn(&b, buf, n);
	int bad = ferror(f) ? (errno ? errno : EIO) : 0;
	fclose(f);
	if (bad) {
		sb_free(&b);
		err_set(e, path, 0, "cannot read: %s; expected a readable file", strerror(bad));
		return NULL;
	}
	if (len)
		*len = b.len;
	return sb_take(&b);
}

/* The one check of input text (files and strings from .sav): UTF-8, and no
 * code point a report cannot print. `where` prefixes the message (a column
 * of a case); lines are counted only in whole files. */
static int text_scan(const char *path, long line, int count_lines, const char *where, const char *buf,
		     size_t len, struct err *e)
{
	const unsigned char *s = (const unsigned char *)buf;
	size_t i = 0;
	while (i < len) {
		unsigned c = s[i];
		size_t k;
		if (c == '\n') {
			line += count_lines;
			i++;
			continue;
		}
		if (c < 0x80) {
			if (c == 0)
				return err_set(e, path, line, "%sNUL byte; expected UTF-8 text", where);
			if ((c < 0x20 && c != '\t' && c != '\r') || c == 0x7F)
				return err_set(e, path, line,
					       "%scontrol character U+%04X; expected text (tab and line ends are the only control characters allowed)",
					       where, c);
			i++;
			continue;
		}
		k = utf8_decode(s + i, len - i, &c);
		if (!k)
			goto bad;
		/* Valid UTF-8 that no report can print: cairo refuses
		 * noncharacters when it writes the PDF (which would only fail
		 * at the end, naming the output), and C1 controls are a sign
		 * of text converted from Windows-1252 twice. */
		if (c >= 0x80 && c <= 0x9F)
			return err_set(e, path, line,
				       "%scontrol character U+%04X; expected text (a C1 control usually means the file was converted from Windows-1252 twice)",
				       where, c);
		if ((c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE)
			return err_set(e, path, line,
				       "%sU+%04X is a Unicode noncharacter; expected text characters only", where, c);
		i += k;
	}
	return 0;
bad:
	return err_set(e, path, line,
		       "%sbyte 0x%02X is not valid UTF-8; expected the file to be saved as UTF-8",
		       where, s[i]);
}

int utf8_check(const char *path, const char *buf, size_t len, struct err *e)
{
	return text_scan(path, 1, 1, "", buf, len, e);
}

int utf8_check_at(const char *path, const char *buf, size_t len, long first_line, struct err *e)
{
	return text_scan(path, first_line, 1, "", buf, len, e);
}

int text_check(const char *path, long line, const char *where, const char *s, struct err *e)
{
	return text_scan(path, line, 0, where, s, strlen(s), e);
}

char *read_text_input(const char *path, size_t *len, const char *expected, struct err *e)
{
	size_t n;
	char *buf = read_file(path, &n, e);
	if (!buf)
		return NULL;
	size_t i = n >= 3 && !memcmp(buf, "\xEF\xBB\xBF", 3) ? 3 : 0;
	while (i < n && (buf[i] == ' ' || buf[i] == '\n' || buf[i] == '\r' || buf[i] == '\t'))
		i++;
	if (i == n) {
		free(buf);
		err_set(e, path, 0, "file is empty; expected %s", expected);
		return NULL;
	}
	if (utf8_check(path, buf, n, e)) {
		free(buf);
		return NULL;
	}
	*len = n;
	return buf;
}

int write_file(const char *path, const char *data, size_t len)
{
	FILE *f = fopen(path, "wb");
	if (!f)
		return -1;
	size_t w = fwrite(data, 1, len, f);
	int rc = fclose(f);
	return (w == len && rc == 0) ? 0 : -1;
}

int mkdir_p(const char *path)
{
	char *p = xstrdup(path);
	for (char *s = p + 1; *s; s++) {
		if (*s == '/') {
			*s = 0;
			if (mkdir(p, 0755) && errno != EEXIST) {
				free(p);
				return -1;
			}
			*s = '/';
		}
	}
	int rc = (mkdir(p, 0755) && errno != EEXIST) ? -1 : 0;
	free(p);
	return rc;
}

int rm_rf(const char *path)
{
	struct stat st;
	if (lstat(path, &st))
		return errno == ENOENT ? 0 : -1;
	if (!S_ISDIR(st.st_mode))
		return unlink(path);
	DIR *d = opendir(path);
	if (!d)
		return -1;
	struct dirent *de;
	int rc = 0;
	while ((de = readdir(d))) {
		if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, ".."))
			continue;
		char *sub = xasprintf("%s/%s", path, de->d_name);
		if (rm_rf(sub))
			rc = -1;
		free(sub);
	}
	closedir(d);
	if (rmdir(path))
		rc = -1;
	return rc;
}

char *nl_int(long v)
{
	char digits[32];
	int neg = v < 0;
	/* the magnitude as unsigned: -LONG_MIN does not fit a long */
	unsigned long mag = neg ? 0UL - (unsigned long)v : (unsigned long)v;
	snprintf(digits, sizeof digits, "%lu", mag);
	size_t n = strlen(digits);
	strbuf b;
	sb_init(&b);
	if (neg)
		sb_addc(&b, '-');
	for (size_t i = 0; i < n; i++) {
		if (i > 0 && (n - i) % 3 == 0)
			sb_add(&b, T("getal.duizendtal"));
		sb_addc(&b, digits[i]);
	}
	return sb_take(&b);
}

char *nl_decimal(double v, int decimals)
{
	char *s = xasprintf("%.*f", decimals, v);
	char *dot = strchr(s, '.');
	if (!dot)
		return s;
	*dot = 0;
	char *r = xasprintf("%s%s%s", s, T("getal.decimaal"), dot + 1);
	free(s);
	return r;
}

long round_half_up(double v)
{
	/* Cancel the representation error of a division first: 24.5/98*100 may
	 * come out as 24.999999999 where the report prints 25. */
	double r = round(v * 1e9) / 1e9;
	return (long)floor(r + 0.5);
}

void prof_mark(const char *what)
{
	static int on = -1;
	static struct timespec last;
	if (on < 0) {
		on = getenv("GEN_PROFILE") != NULL;
		clock_gettime(CLOCK_MONOTONIC, &last);
	}
	if (!on)
		return;
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	double ms = (double)(now.tv_sec - last.tv_sec) * 1e3 + (double)(now.tv_nsec - last.tv_nsec) / 1e6;
	last = now;
	fprintf(stderr, "gen: profile: %-28s %7.1f ms\n", what, ms);
}

char *nl_file_size(long bytes)
{
	if (bytes >= 1000000) {
		long tenths = (bytes + 50000) / 100000; /* MB to one decimal, half up */
		return xasprintf("%ld%s%ld MB", tenths / 10, T("getal.decimaal"), tenths % 10);
	}
	return xasprintf("%ld kB", (bytes + 500) / 1000 > 0 ? (bytes + 500) / 1000 : 1);
}

/* "maand.1".."maand.12": the month names of the term list */
static const char *month(int mo)
{
	static const char *const id[] = { "maand.1", "maand.2", "maand.3", "maand.4", "maand.5", "maand.6",
					  "maand.7", "maand.8", "maand.9", "maand.10", "maand.11", "maand.12" };
	return T(id[mo - 1]);
}

char *nl_date(const char *iso)
{
	int y, mo, d;
	if (!iso)
		return xstrdup("");
	if (sscanf(iso, "%4d-%2d-%2d", &y, &mo, &d) != 3 || mo < 1 || mo > 12)
		return xstrdup(iso);
	return TF("datum.lang", TN(d).s, month(mo), TN(y).s);
}

char *nl_date_day_month(const char *iso)
{
	int y, mo, d;
	if (sscanf(iso, "%d-%d-%d", &y, &mo, &d) != 3 || mo < 1 || mo > 12)
		return xstrdup(iso);
	return TF("datum.dag_maand", TN(d).s, month(mo));
}
