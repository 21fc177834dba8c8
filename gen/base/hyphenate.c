/* hyphenate.c: inserts soft hyphens (U+00AD) into Dutch text at the points
 * libhyphen allows, so pango can break long words such as
 * "ondersteuningsbehoefte" in justified columns (see hyphenate.h).
 *
 * The dictionary is ISO-8859-1 and expects lower-case words, so each word is
 * converted from UTF-8 to Latin-1 before the lookup; words that cannot be
 * converted, or that are short, are copied as they are. Only standard breaks
 * are used: a non-standard break (Dutch "omaatje" -> "oma-tje") would change
 * the letters, which a soft hyphen cannot express. */
#include "hyphenate.h"
#include "util.h"

#include <ctype.h>
#include <dirent.h>
#include <glib.h>
#include <hyphen.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

/* Letters kept before and after a break: at least three on either side
 * ("ge-/meenten", "on-/derdeel" leave a fragment an editor sends back). */
#define LEFT_MIN 3
#define RIGHT_MIN 3

struct hyph {
	HyphenDict *dict;
};

/* One dictionary per process, shared by whoever opens the same file: the
 * PDF and the HTML writer of every edition each open it, and loading the
 * patterns is dearer than hyphenating a report. Opened once before the
 * edition workers fork, every worker finds it loaded. */
static struct {
	char *path;
	hyph *h;
	int refs;
} shared;

hyph *hyph_open(const char *dict_path)
{
	const char *path = dict_path ? dict_path : HYPH_NL_DICT;
	if (shared.h && !strcmp(shared.path, path)) {
		shared.refs++;
		return shared.h;
	}
	HyphenDict *d = hnj_hyphen_load(path);
	if (!d)
		return NULL;
	hyph *h = xcalloc(1, sizeof *h);
	h->dict = d;
	if (!shared.h) {
		shared.path = xstrdup(path);
		shared.h = h;
		shared.refs = 1;
	}
	return h;
}

void hyph_close(hyph *h)
{
	if (!h)
		return;
	if (h == shared.h) {
		if (--shared.refs > 0)
			return;
		free(shared.path);
		shared.path = NULL;
		shared.h = NULL;
	}
	hnj_hyphen_free(h->dict);
	free(h);
}

static int is_word_char(gunichar c)
{
	return g_unichar_isalpha(c) && c != 0xAD;
}

/* Hyphenates one word of nchars characters (bytes [s, e) of UTF-8) into b. */
static void add_word(hyph *h, strbuf *b, const char *s, const char *e, size_t nchars)
{
	if (nchars < HYPH_MIN_WORD) {
		sb_addn(b, s, (size_t)(e - s));
		return;
	}
	char *latin = xmalloc(nchars + 1);
	size_t *ends = xmalloc(nchars * sizeof *ends); /* byte end of char i */
	size_t i = 0;
	for (const char *p = s; p < e; p = g_utf8_next_char(p), i++) {
		gunichar c = g_unichar_tolower(g_utf8_get_char(p));
		if (c > 0xFF) {
			free(latin);
			free(ends);
			sb_addn(b, s, (size_t)(e - s));
			return;
		}
		latin[i] = (char)(unsigned char)c;
		ends[i] = (size_t)(g_utf8_next_char(p) - s);
	}
	latin[nchars] = '\0';

	char *hyphens = xcalloc(nchars + 5, 1);
	char **rep = NULL;
	int *pos = NULL, *cut = NULL;
	int rc = hnj_hyphen_hyphenate2(h->dict, latin, (int)nchars, hyphens, NULL, &rep, &pos, &cut);
	size_t from = 0;
	for (i = 0; rc == 0 && i + 1 < nchars; i++) {
		int standard = !rep || !rep[i];
		if ((hyphens[i] & 1) && standard && i + 1 >= LEFT_MIN && nchars - (i + 1) >= RIGHT_MIN) {
			sb_addn(b, s + from, ends[i] - from);
			sb_add(b, "\xC2\xAD");
			from = ends[i];
		}
	}
	sb_addn(b, s + from, (size_t)(e - s) - from);
	if (rep) {
		for (i = 0; i < nchars; i++)
			free(rep[i]);
		free(rep);
	}
	free(pos);
	free(cut);
	free(hyphens);
	free(latin);
	free(ends);
}

char *hyph_text(hyph *h, const char *utf8)
{
	if (!utf8)
		return xstrdup("");
	if (!h || !g_utf8_validate(utf8, -1, NULL))
		return xstrdup(utf8);
	strbuf b;
	sb_init(&b);
	const char *p = utf8;
	while (*p) {
		if (!is_word_char(g_utf8_get_char(p))) {
			const char *q = g_utf8_next_char(p);
			sb_addn(&b, p, (size_t)(q - p));
			p = q;
			continue;
		}
		const char *s = p;
		size_t n = 0;
		while (*p && is_word_char(g_utf8_get_char(p))) {
			p = g_utf8_next_char(p);
			n++;
		}
		/* A part of a hyphenated compound ("doe-democratie") breaks at
		 * its own hyphen only: "doe-de-" + "mocratie" reads badly. */
		if ((s > utf8 && s[-1] == '-') || *p == '-')
			sb_addn(&b, s, (size_t)(p - s));
		else
			add_word(h, &b, s, p, n);
	}
	return sb_take(&b);
}

char *hyph_dict_for(const char *lang)
{
	char ll[4] = "", rr[4] = "";
	size_t n = strcspn(lang, "-");
	if (n < 2 || n > 3)
		return NULL;
	for (size_t i = 0; i < n; i++)
		ll[i] = (char)tolower((unsigned char)lang[i]);
	const char *r = lang[n] ? lang + n + 1 : "";
	if (strlen(r) == 2 || (strlen(r) > 2 && r[2] == '-'))
		for (int i = 0; i < 2; i++)
			rr[i] = (char)toupper((unsigned char)r[i]);
	char *p = *rr ? xasprintf("%s/hyph_%s_%s.dic", HYPH_DIR, ll, rr) : NULL;
	if (p && access(p, R_OK) == 0)
		return p;
	free(p);
	p = xasprintf("%s/hyph_%s.dic", HYPH_DIR, ll);
	if (access(p, R_OK) == 0)
		return p;
	free(p);
	p = NULL;
	DIR *d = opendir(HYPH_DIR);
	char *pre = xasprintf("hyph_%s_", ll);
	for (struct dirent *de; d && (de = readdir(d));) {
		size_t len = strlen(de->d_name);
		if (strncmp(de->d_name, pre, strlen(pre)) || len < 4 || strcmp(de->d_name + len - 4, ".dic"))
			continue;
		char *cand = xasprintf("%s/%s", HYPH_DIR, de->d_name);
		if (!p || strcmp(cand, p) < 0) { /* the first by name: the same on every run */
			free(p);
			p = cand;
		} else
			free(cand);
	}
	if (d)
		closedir(d);
	free(pre);
	return p;
}

hyph *hyph_open_lang(const char *lang, char *msg, size_t msglen)
{
	char *dict = hyph_dict_for(lang);
	hyph *h = dict ? hyph_open(dict) : NULL;
	if (!dict) {
		size_t n = strcspn(lang, "-");
		snprintf(msg, msglen, "%s: no hyphenation dictionary for '%s'; expected hyph_%.*s_*.dic there "
			 "(Debian: a package hyphen-%.*s*)", HYPH_DIR, lang, (int)n, lang, (int)n, lang);
	} else if (!h)
		snprintf(msg, msglen, "%s: cannot load the hyphenation dictionary", dict);
	free(dict);
	return h;
}
