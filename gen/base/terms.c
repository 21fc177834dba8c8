/* terms.c: the term store and the installed list (see terms.h). A sorted
 * array: a few hundred terms, looked up by binary search. */
#include "terms.h"

#include <stdlib.h>
#include <string.h>

struct term {
	char *id, *text;
};

struct term_list {
	struct term *t;
	int n, cap;
	int sorted;
	char *lang;
};

term_list *terms_new(const char *lang)
{
	term_list *l = xcalloc(1, sizeof *l);
	l->lang = xstrdup(lang ? lang : "");
	l->sorted = 1;
	return l;
}

static int by_id(const void *a, const void *b)
{
	return strcmp(((const struct term *)a)->id, ((const struct term *)b)->id);
}

static void sort(term_list *l)
{
	if (!l->sorted) {
		qsort(l->t, (size_t)l->n, sizeof *l->t, by_id);
		l->sorted = 1;
	}
}

static struct term *find(const term_list *l, const char *id)
{
	sort((term_list *)l);
	struct term key = { (char *)id, NULL };
	return l->n ? bsearch(&key, l->t, (size_t)l->n, sizeof *l->t, by_id) : NULL;
}

void terms_put(term_list *l, const char *id, const char *text)
{
	struct term *old = find(l, id);
	if (old) {
		free(old->text);
		old->text = xstrdup(text);
		return;
	}
	if (l->n == l->cap) {
		l->cap = l->cap ? 2 * l->cap : 256;
		l->t = xrealloc(l->t, (size_t)l->cap * sizeof *l->t);
	}
	l->t[l->n].id = xstrdup(id);
	l->t[l->n].text = xstrdup(text);
	l->n++;
	l->sorted = 0;
}

const char *terms_get(const term_list *l, const char *id)
{
	struct term *t = find(l, id);
	return t ? t->text : NULL;
}

int terms_places(const char *text, const char **bad)
{
	int set = 0;
	for (const char *p = text; *p; p++) {
		if (*p != '{' && *p != '}')
			continue;
		if (*p == '{' && p[1] >= '1' && p[1] <= '0' + TERMS_MAX_PLACES && p[2] == '}') {
			set |= 1 << (p[1] - '0');
			p += 2;
			continue;
		}
		if (bad)
			*bad = p;
		return -1;
	}
	return set;
}

void terms_each(const term_list *l, void (*f)(const char *id, const char *text, void *arg), void *arg)
{
	sort((term_list *)l);
	for (int i = 0; i < l->n; i++)
		f(l->t[i].id, l->t[i].text, arg);
}

const char *terms_lang_of(const term_list *l)
{
	return l->lang;
}

void terms_free(term_list *l)
{
	if (!l)
		return;
	for (int i = 0; i < l->n; i++) {
		free(l->t[i].id);
		free(l->t[i].text);
	}
	free(l->t);
	free(l->lang);
	free(l);
}

/* The installed list. Written once by main() before any job starts. */
static term_list *installed;
static char *installed_lang;

void terms_install(term_list *l, const char *lang)
{
	terms_uninstall();
	sort(l);
	installed = l;
	installed_lang = xstrdup(lang);
}

void terms_uninstall(void)
{
	terms_free(installed);
	free(installed_lang);
	installed = NULL;
	installed_lang = NULL;
}

const char *report_lang(void)
{
	return installed_lang ? installed_lang : "nl-NL";
}

const char *T(const char *id)
{
	const char *s = installed ? terms_get(installed, id) : NULL;
	if (!s) {
		fprintf(stderr, "gen: internal error: term '%s' %s\n", id,
			installed ? "is not in the term list" : "asked for before the term list was read");
		abort();
	}
	return s;
}

char *terms_fmt(const char *id, const char *const *args)
{
	const char *s = T(id);
	int nargs = 0;
	while (args[nargs])
		nargs++;
	strbuf b;
	sb_init(&b);
	for (const char *p = s; *p; p++) {
		if (*p == '{' && p[1] >= '1' && p[1] <= '9' && p[2] == '}') {
			int k = p[1] - '0';
			if (k > nargs) {
				fprintf(stderr, "gen: internal error: term '%s' uses {%d}, the code gives %d\n", id, k, nargs);
				abort();
			}
			sb_add(&b, args[k - 1]);
			p += 2;
		} else {
			sb_addc(&b, *p);
		}
	}
	return sb_take(&b);
}
