/* text.c: the one UTF-8 decoder and the one markup escaper (see text.h). */
#include "text.h"

#include <glib.h>
#include <stdlib.h>
#include <string.h>

size_t utf8_decode(const unsigned char *p, size_t n, unsigned *cp)
{
	if (p[0] < 0x80) {
		*cp = p[0];
		return 1;
	}
	size_t len;
	unsigned min;
	if ((p[0] & 0xE0) == 0xC0) {
		len = 2, min = 0x80, *cp = p[0] & 0x1F;
	} else if ((p[0] & 0xF0) == 0xE0) {
		len = 3, min = 0x800, *cp = p[0] & 0x0F;
	} else if ((p[0] & 0xF8) == 0xF0) {
		len = 4, min = 0x10000, *cp = p[0] & 0x07;
	} else {
		return 0;
	}
	if (len > n)
		return 0;
	for (size_t i = 1; i < len; i++) {
		if ((p[i] & 0xC0) != 0x80)
			return 0;
		*cp = (*cp << 6) | (p[i] & 0x3F);
	}
	if (*cp < min || *cp > 0x10FFFF || (*cp >= 0xD800 && *cp <= 0xDFFF))
		return 0;
	return len;
}

size_t utf8_next(const unsigned char *p, size_t n, unsigned *cp)
{
	size_t len = utf8_decode(p, n, cp);
	if (!len) {
		*cp = 0xFFFD;
		len = 1;
	}
	return len;
}

/* Code points that must not reach a reader (text.h, the policy). */
static int dropped(unsigned cp, int keep_shy)
{
	if (cp == '\t' || cp == '\n')
		return 0;
	if (cp == 0xAD)
		return !keep_shy;
	if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F))
		return 1;
	if ((cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE)
		return 1;
	return 0;
}

void markup_escn(strbuf *b, const char *s, size_t n, int keep_shy)
{
	if (!s)
		return;
	const unsigned char *p = (const unsigned char *)s;
	const char *nul = memchr(s, 0, n);
	if (nul)
		n = (size_t)(nul - s);
	while (n) {
		unsigned cp;
		size_t len = utf8_decode(p, n, &cp);
		if (!len) {
			sb_add(b, "\xEF\xBF\xBD");
			p++, n--;
			continue;
		}
		if (!dropped(cp, keep_shy)) {
			switch (cp) {
			case '&': sb_add(b, "&amp;"); break;
			case '<': sb_add(b, "&lt;"); break;
			case '>': sb_add(b, "&gt;"); break;
			case '"': sb_add(b, "&quot;"); break;
			case '\'': sb_add(b, "&#39;"); break;
			default: sb_addn(b, (const char *)p, len);
			}
		}
		p += len, n -= len;
	}
}

void markup_esc(strbuf *b, const char *s)
{
	if (s)
		markup_escn(b, s, strlen(s), 0);
}

/* Maps a UTF-8 letter from Latin-1 Supplement (é, ë, ö, ...) to its base
 * letter, for ASCII ids and slugs: "Strategieën" -> "strategieen", "Fryslân" -> "fryslan". 0 if none. */
char latin1_base(unsigned cp)
{
	static const char map[] =
		"AAAAAAACEEEEIIII"  /* U+00C0..CF */
		"DNOOOOO OUUUUY  "  /* U+00D0..DF */
		"aaaaaaaceeeeiiii"  /* U+00E0..EF */
		"dnooooo ouuuuy y"; /* U+00F0..FF */
	if (cp < 0xC0 || cp > 0xFF)
		return 0;
	char c = map[cp - 0xC0];
	return c == ' ' ? 0 : c;
}

/* Is s a well-formed BCP 47 language tag (RFC 5646, section 2.1)? language
 * (2-3 letters, with up to three 3-letter extlangs), then
 * optional script (4 letters), region (2 letters or 3 digits), variants
 * (5-8 alphanumerics, or a digit and 3), extensions (a singleton and
 * subtags of 2-8) and a private use part (x and subtags of 1-8); or only
 * a private use part. No variant or singleton twice (RFC 5646 2.2.5, 2.2.6).
 * Letters in any case. The grammar also allows a language of 4-8 letters,
 * but the IANA registry holds none (4 letters are reserved), so "english"
 * is refused here; the registry itself is not consulted otherwise: "qq"
 * passes, "en_GB" does not. */
int lang_tag_ok(const char *s)
{
	char sub[16][9];
	int ns = 0;
	for (const char *p = s;;) {
		size_t len = strcspn(p, "-");
		if (len < 1 || len > 8 || ns == 16)
			return 0;
		for (size_t i = 0; i < len; i++) {
			unsigned char ch = (unsigned char)p[i];
			if (!((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9')))
				return 0;
			sub[ns][i] = (char)(ch >= 'A' && ch <= 'Z' ? ch + 32 : ch);
		}
		sub[ns++][len] = 0;
		if (!p[len])
			break;
		p += len + 1;
	}
#define ALPHA(t) (strspn((t), "abcdefghijklmnopqrstuvwxyz") == strlen(t))
#define DIGITS(t) (strspn((t), "0123456789") == strlen(t))
	int k = 0;
	if (!strcmp(sub[0], "x"))
		goto privateuse;
	size_t l0 = strlen(sub[0]);
	if (!ALPHA(sub[0]) || l0 < 2 || l0 > 3)
		return 0;
	k = 1;
	for (int e = 0; e < 3 && k < ns && strlen(sub[k]) == 3 && ALPHA(sub[k]); e++) /* extlang */
		k++;
	if (k < ns && strlen(sub[k]) == 4 && ALPHA(sub[k])) /* script */
		k++;
	if (k < ns && ((strlen(sub[k]) == 2 && ALPHA(sub[k])) || (strlen(sub[k]) == 3 && DIGITS(sub[k])))) /* region */
		k++;
	for (int first = k; k < ns; k++) { /* variants */
		size_t l = strlen(sub[k]);
		if (!(l >= 5 || (l == 4 && sub[k][0] >= '0' && sub[k][0] <= '9')))
			break;
		for (int j = first; j < k; j++)
			if (!strcmp(sub[j], sub[k]))
				return 0;
	}
	char seen[40] = "";
	while (k < ns && strlen(sub[k]) == 1 && strcmp(sub[k], "x")) { /* extensions */
		if (strchr(seen, sub[k][0]))
			return 0;
		strncat(seen, sub[k], 1);
		int from = ++k;
		while (k < ns && strlen(sub[k]) >= 2)
			k++;
		if (k == from)
			return 0;
	}
	if (k == ns)
		return 1;
	if (strcmp(sub[k], "x"))
		return 0;
privateuse:
	return k + 1 < ns; /* "x" and at least one subtag of 1-8 */
#undef ALPHA
#undef DIGITS
}

char *utf8_capitalise(const char *s)
{
	unsigned cp;
	size_t n = *s ? utf8_decode((const unsigned char *)s, strlen(s), &cp) : 0;
	if (!n || !g_unichar_islower(cp))
		return xstrdup(s);
	char up[8];
	int k = g_unichar_to_utf8(g_unichar_toupper(cp), up);
	up[k] = 0;
	return xasprintf("%s%s", up, s + n);
}
