/* csvwrite.c: RFC 4180 fields with OWASP formula neutralisation (see
 * csvwrite.h). */
#include "csvwrite.h"

#include <stdarg.h>
#include <string.h>

void csvw_init(csv_writer *w, strbuf *b, const char *eol, int neutralise)
{
	w->b = b;
	w->eol = eol;
	w->neutralise = neutralise;
	w->col = 0;
}

int csv_needs_neutralising(const char *s)
{
	return s && (*s == '=' || *s == '+' || *s == '-' || *s == '@' || *s == '\t' || *s == '\r');
}

static void put(csv_writer *w, const char *s, int text)
{
	if (w->col++)
		sb_addc(w->b, ',');
	if (!s)
		s = "";
	const char *pre = text && w->neutralise && csv_needs_neutralising(s) ? "'" : "";
	size_t len = strlen(s);
	int quote = strpbrk(s, ",\"\r\n") || (len && (s[0] == ' ' || s[len - 1] == ' '));
	if (!quote) {
		sb_add(w->b, pre);
		sb_addn(w->b, s, len);
		return;
	}
	sb_addc(w->b, '"');
	sb_add(w->b, pre);
	for (const char *q; (q = strchr(s, '"')); s = q + 1) {
		sb_addn(w->b, s, (size_t)(q - s + 1));
		sb_addc(w->b, '"'); /* doubled */
	}
	sb_add(w->b, s);
	sb_addc(w->b, '"');
}

void csvw_text(csv_writer *w, const char *s)
{
	put(w, s, 1);
}

void csvw_num(csv_writer *w, const char *fmt, ...)
{
	char buf[64];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	put(w, buf, 0);
}

void csvw_texts(csv_writer *w, ...)
{
	va_list ap;
	va_start(ap, w);
	for (const char *s; (s = va_arg(ap, const char *));)
		put(w, s, 1);
	va_end(ap);
}

void csvw_end(csv_writer *w)
{
	sb_add(w->b, w->eol);
	w->col = 0;
}
