/* termlist.c: reading and checking the term lists (see termlist.h). */
#include "termlist.h"
#include "terms.h"
#include "text.h"
#include "xmlload.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

static size_t primary_len(const char *tag)
{
	return strcspn(tag, "-");
}

static int same_language(const char *a, const char *b)
{
	size_t la = primary_len(a), lb = primary_len(b);
	return la == lb && !strncasecmp(a, b, la);
}

/* Reads one list into a new term_list. With dflt, checks each term
 * against it (known id, no place the default's term lacks). */
static term_list *read_list(const char *path, const char *rng, const term_list *dflt, struct err *e)
{
	xmlDocPtr doc = xml_load_valid(path, rng, e);
	if (!doc)
		return NULL;
	xmlNodePtr root = xmlDocGetRootElement(doc);
	char *lang = xml_attr(root, "taal");
	if (!lang || !lang_tag_ok(lang)) {
		err_set(e, path, xmlGetLineNo(root), "<termen taal=\"%s\">: not a language tag; expected a BCP 47 tag "
			"such as nl, nl-NL or en-GB", lang ? lang : "");
		free(lang);
		xmlFreeDoc(doc);
		return NULL;
	}
	term_list *l = terms_new(lang);
	free(lang);
	for (xmlNodePtr n = root->children; n; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		long line = xmlGetLineNo(n);
		char *id = xml_attr(n, "id");
		char *text = xml_text(n);
		const char *bad = NULL;
		int rc = 0;
		if (terms_get(l, id))
			rc = err_set(e, path, line, "term '%s' is given twice; expected each id once", id);
		else if (!*text)
			rc = err_set(e, path, line, "term '%s' is empty; expected its text", id);
		else if (terms_places(text, &bad) < 0)
			rc = err_set(e, path, line, "term '%s': '%.12s' is not a place; expected {1} to {%d}, and no other "
				     "braces", id, bad, TERMS_MAX_PLACES);
		else if (dflt && !terms_get(dflt, id))
			rc = err_set(e, path, line, "unknown term '%s'; expected an id of the default term list", id);
		else if (dflt && (terms_places(text, NULL) & ~terms_places(terms_get(dflt, id), NULL))) {
			int extra = terms_places(text, NULL) & ~terms_places(terms_get(dflt, id), NULL);
			int k = 1;
			while (!(extra & (1 << k)))
				k++;
			rc = err_set(e, path, line, "term '%s' uses {%d}, which the generator does not fill for it; "
				     "expected only the places of the default: '%s'", id, k, terms_get(dflt, id));
		}
		if (!rc)
			terms_put(l, id, text);
		free(id);
		free(text);
		if (rc) {
			terms_free(l);
			xmlFreeDoc(doc);
			return NULL;
		}
	}
	xmlFreeDoc(doc);
	return l;
}

static int same_file(const char *a, const char *b)
{
	struct stat sa, sb;
	return !stat(a, &sa) && !stat(b, &sb) && sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

struct missing {
	const term_list *own;
	const char *first;
	int n;
};

static void count_missing(const char *id, const char *text, void *arg)
{
	struct missing *m = arg;
	if (!terms_get(m->own, id)) {
		if (!m->first)
			m->first = id;
		m->n++;
	}
}

struct merge {
	term_list *into;
};

static void put_into(const char *id, const char *text, void *arg)
{
	terms_put(((struct merge *)arg)->into, id, text);
}

int termlist_install(const char *default_path, const char *own_path, const char *rng_path, const char *lang,
		     const char *lang_where, struct err *e)
{
	term_list *dflt = read_list(default_path, rng_path, NULL, e);
	if (!dflt)
		return -1;
	if (!lang)
		lang = terms_lang_of(dflt);
	term_list *own = NULL;
	if (own_path && !same_file(own_path, default_path)) {
		if (!(own = read_list(own_path, rng_path, dflt, e))) {
			terms_free(dflt);
			return -1;
		}
	}
	if (own && !same_language(terms_lang_of(own), lang)) {
		err_set(e, own_path, 0, "the term list is in '%s' but the report is in '%s' (%s); expected a term "
			"list in the report's language", terms_lang_of(own), lang, lang_where);
		goto fail;
	}
	if (!same_language(terms_lang_of(dflt), lang)) {
		struct missing m = { own, NULL, 0 };
		if (own)
			terms_each(dflt, count_missing, &m);
		if (!own) {
			err_set(e, lang_where, 0, "the report is in '%s' and the default term list (%s) in '%s'; "
				"expected a termen.xml in the templates folder with every term in '%s'", lang,
				default_path, terms_lang_of(dflt), lang);
			goto fail;
		}
		if (m.n) {
			err_set(e, own_path, 0, "%d terms are missing, the first '%s'; expected every term of the "
				"default list (%s) in '%s', the report's language", m.n, m.first, default_path, lang);
			goto fail;
		}
	}
	if (own) {
		struct merge mg = { dflt };
		terms_each(own, put_into, &mg);
		terms_free(own);
	}
	terms_install(dflt, lang);
	return 0;
fail:
	terms_free(own);
	terms_free(dflt);
	return -1;
}
