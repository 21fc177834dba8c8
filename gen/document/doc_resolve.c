/* doc_resolve.c: the resolve pass over the document tree (doc.h). It owns
 * every number a reader sees in the structure of the report: chapter and
 * section numbers (1, 3.1; annexes A, A.1), figure numbers per chapter
 * (2.2, A.1), footnote numbers through the whole document, the anchor ids of
 * headings, figures, panels and footnotes, and the text of cross-references.
 *
 * It runs once, after the templates are evaluated and before any writer, so
 * the HTML writer and the PDF typesetter print the same numbers without
 * counting anything themselves. Generated ids derive from the numbers
 * ("h-3-1", "figuur-2-2", "voetnoot-1"), so they stay the same from run to
 * run and a link to the published site keeps working while the text does
 * not move. */
#include "doc.h"
#include "text.h"
#include "util.h"
#include "terms.h"

#include <stdlib.h>
#include <string.h>

/* An id and the node that carries it, sorted for bsearch: the report has a
 * few hundred ids and every xref looks one up. */
typedef struct {
	const char *id;
	doc_node *node;
} id_entry;

typedef struct {
	id_entry *v;
	size_t n, cap;
} id_table;

static void ids_add(id_table *t, const char *id, doc_node *node)
{
	if (t->n == t->cap) {
		t->cap = t->cap ? 2 * t->cap : 64;
		t->v = xrealloc(t->v, t->cap * sizeof *t->v);
	}
	t->v[t->n].id = id;
	t->v[t->n].node = node;
	t->n++;
}

static int id_cmp(const void *a, const void *b)
{
	return strcmp(((const id_entry *)a)->id, ((const id_entry *)b)->id);
}

static doc_node *ids_find(const id_table *t, const char *id)
{
	id_entry key = { id, NULL };
	id_entry *e = bsearch(&key, t->v, t->n, sizeof *t->v, id_cmp);
	return e ? e->node : NULL;
}

/* Linear check, used only while generated ids are being chosen (the table is
 * not sorted yet then). */
static int ids_has(const id_table *t, const char *id)
{
	for (size_t i = 0; i < t->n; i++)
		if (strcmp(t->v[i].id, id) == 0)
			return 1;
	return 0;
}

static void set_str(char **dst, char *val)
{
	free(*dst);
	*dst = val;
}

/* "Bijlage" letters: A..Z, then AA, AB... as a spreadsheet counts columns,
 * so a 27th annex still gets a distinct label. */
static char *annex_letters(int k)
{
	char buf[16];
	int i = (int)sizeof buf - 1;
	buf[i] = 0;
	while (k > 0 && i > 0) {
		k--;
		buf[--i] = (char)('A' + k % 26);
		k /= 26;
	}
	return xstrdup(buf + i);
}

/* "3.1" -> "3-1", "A.2" -> "a-2": numbers become the tail of an id. */
static char *id_tail(const char *number)
{
	char *s = xstrdup(number);
	for (char *p = s; *p; p++) {
		if (*p == '.')
			*p = '-';
		else if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p - 'A' + 'a');
	}
	return s;
}

/* An id from a heading's text, for headings without a number (run-in
 * subheadings, an unnumbered preface): "h-" + lower-case ASCII words joined
 * by '-'. Text is the most stable thing such a heading has. */
static char *slug_id(const char *prefix, const char *text)
{
	strbuf b;
	sb_init(&b);
	sb_add(&b, prefix);
	int dash = 0; /* a '-' is pending between words */
	size_t words = 0;
	const unsigned char *p = (const unsigned char *)text, *end = p + strlen(text);
	while (*p && b.len < 60) {
		unsigned cp;
		size_t len = utf8_next(p, (size_t)(end - p), &cp);
		if (cp == 0xFFFD)
			cp = ' '; /* a stray byte separates words */
		/* soft hyphens and apostrophes sit inside a word: "zo'n" -> "zon" */
		int in_word = (cp == 0xAD || cp == '\'' || cp == 0x2019);
		char c = 0;
		if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9'))
			c = (char)cp;
		else if (cp >= 'A' && cp <= 'Z')
			c = (char)(cp - 'A' + 'a');
		else
			c = latin1_base(cp);
		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if (c) {
			if (dash && words)
				sb_addc(&b, '-');
			dash = 0;
			sb_addc(&b, c);
			words++;
		} else if (!in_word) {
			dash = 1;
		}
		p += len;
	}
	if (!words)
		sb_add(&b, "kop");
	return sb_take(&b);
}

/* Makes id unique against every id already taken by appending -2, -3...
 * Takes ownership of id. */
static char *unique_id(const id_table *t, char *id)
{
	if (!ids_has(t, id))
		return id;
	for (int k = 2;; k++) {
		char *alt = xasprintf("%s-%d", id, k);
		if (!ids_has(t, alt)) {
			free(id);
			return alt;
		}
		free(alt);
	}
}

static int needs_id(const doc_node *n)
{
	return n->type == DOC_HEADING || n->type == DOC_FIGURE ||
	       n->type == DOC_PANEL || n->type == DOC_FOOTNOTE;
}

static void where(const doc_node *n, char *msg, size_t msglen, const char *what)
{
	if (n->src_file)
		snprintf(msg, msglen, "%s:%d: %s", n->src_file, n->src_line, what);
	else
		snprintf(msg, msglen, "%s", what);
}

/* Numbering state while walking in document order. */
typedef struct {
	int chapter;      /* numbered chapters so far */
	int annex;        /* annexes so far */
	char *chap_label; /* "2", "A", or NULL outside a numbered chapter */
	int section;      /* level-2 headings in the current chapter */
	int figure;       /* figures in the current chapter */
	int loose_figure; /* figures outside any numbered chapter */
	int footnote;
	int panel;
} counters;

static void number_heading(counters *c, doc_node *n)
{
	set_str(&n->number, NULL);
	if (n->level == 1) {
		c->section = 0;
		c->figure = 0;
		free(c->chap_label);
		c->chap_label = NULL;
		if (n->flags & DOC_UNNUMBERED)
			return;
		if (n->flags & DOC_ANNEX)
			c->chap_label = annex_letters(++c->annex);
		else
			c->chap_label = xasprintf("%d", ++c->chapter);
		n->number = xstrdup(c->chap_label);
	} else if (n->level == 2) {
		if ((n->flags & DOC_UNNUMBERED) || !c->chap_label)
			return;
		n->number = xasprintf("%s.%d", c->chap_label, ++c->section);
	}
	/* level 3: run-in subheadings are never numbered */
}

static void number_figure(counters *c, doc_node *n)
{
	if (c->chap_label)
		set_str(&n->number, xasprintf("%s.%d", c->chap_label, ++c->figure));
	else
		set_str(&n->number, xasprintf("%d", ++c->loose_figure));
}

/* The generated id for a node that has none (numbers are already set). */
static char *generated_id(counters *c, doc_node *n)
{
	char *tail;
	switch (n->type) {
	case DOC_HEADING:
		if (n->number) {
			tail = id_tail(n->number);
			char *id = xasprintf("h-%s", tail);
			free(tail);
			return id;
		} else {
			char *text = doc_plain_text(n);
			char *id = slug_id("h-", text);
			free(text);
			return id;
		}
	case DOC_FIGURE:
		tail = id_tail(n->number);
		char *id = xasprintf("figuur-%s", tail);
		free(tail);
		return id;
	case DOC_PANEL:
		return xasprintf("kader-%d", c->panel);
	case DOC_FOOTNOTE:
		return xasprintf("voetnoot-%s", n->number);
	default:
		return NULL;
	}
}

/* Does an inline open a sentence: first in its block, or after ". ", "? "
 * or "! "? Then the reference is written with a capital. */
static int starts_sentence(const doc_node *n)
{
	const doc_node *p = n->prev;
	while (p && p->type == DOC_TEXT && p->text && !p->text[strspn(p->text, " ")])
		p = p->prev;
	if (!p)
		return doc_is_block(n->parent->type);
	if (p->type != DOC_TEXT || !p->text)
		return 0;
	size_t len = strlen(p->text);
	while (len && p->text[len - 1] == ' ')
		len--;
	return len && (p->text[len - 1] == '.' || p->text[len - 1] == '?' || p->text[len - 1] == '!');
}

/* The reader-facing text of a reference to target (verwijzing.*). */
static char *xref_text(const doc_node *t)
{
	switch (t->type) {
	case DOC_FIGURE:
		return TF("verwijzing.figuur", t->number);
	case DOC_HEADING:
		if (t->number && t->level == 1)
			return TF((t->flags & DOC_ANNEX) ? "verwijzing.bijlage" : "verwijzing.hoofdstuk", t->number);
		if (t->number && t->level == 2)
			return TF("verwijzing.paragraaf", t->number);
		return doc_plain_text(t);
	case DOC_PANEL:
		return xstrdup(t->text ? t->text : "");
	case DOC_FOOTNOTE:
		return TF("verwijzing.voetnoot", t->number);
	default:
		return doc_plain_text(t);
	}
}

static int valid_id(const char *id)
{
	if (!*id)
		return 0;
	for (const char *p = id; *p; p++)
		if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\f')
			return 0;
	return 1;
}

int doc_resolve(doc *d, char *msg, size_t msglen)
{
	if (msglen)
		msg[0] = 0;
	id_table ids = { 0 };
	counters c = { 0 };
	int rc = 0;
	doc_iter it;
	doc_event ev;

	/* Pass 1: ids the templates gave. Two nodes with one id would make
	 * every link to it ambiguous, and the HTML invalid. */
	doc_iter_init(&it, d->root);
	while ((ev = doc_iter_next(&it)) != DOC_EV_NONE) {
		doc_node *n = it.cur;
		if (ev != DOC_EV_ENTER || !n->id)
			continue;
		if (!valid_id(n->id)) {
			char *what = xasprintf("id '%s' is empty or contains white space; expected a name without spaces", n->id);
			where(n, msg, msglen, what);
			free(what);
			rc = -1;
			goto out;
		}
		if (ids_has(&ids, n->id)) {
			char *what = xasprintf("id '%s' is used twice; expected each id once", n->id);
			where(n, msg, msglen, what);
			free(what);
			rc = -1;
			goto out;
		}
		ids_add(&ids, n->id, n);
	}

	/* Pass 2: numbers, in document order, and generated ids for the rest. */
	doc_iter_init(&it, d->root);
	while ((ev = doc_iter_next(&it)) != DOC_EV_NONE) {
		doc_node *n = it.cur;
		if (ev != DOC_EV_ENTER)
			continue;
		switch (n->type) {
		case DOC_HEADING:
			number_heading(&c, n);
			break;
		case DOC_FIGURE:
			number_figure(&c, n);
			break;
		case DOC_FOOTNOTE:
			set_str(&n->number, xasprintf("%d", ++c.footnote));
			break;
		case DOC_PANEL:
			c.panel++;
			break;
		default:
			break;
		}
		if (needs_id(n) && !n->id) {
			n->id = unique_id(&ids, generated_id(&c, n));
			ids_add(&ids, n->id, n);
		}
	}

	/* Pass 3: cross-references, now that every target has its number. */
	if (ids.n) /* qsort(NULL, 0) is undefined: a part without headings has no ids (found by fuzzing) */
		qsort(ids.v, ids.n, sizeof *ids.v, id_cmp);
	doc_iter_init(&it, d->root);
	while ((ev = doc_iter_next(&it)) != DOC_EV_NONE) {
		doc_node *n = it.cur;
		if (ev != DOC_EV_ENTER || n->type != DOC_XREF)
			continue;
		doc_node *t = n->target ? ids_find(&ids, n->target) : NULL;
		if (!t) {
			char *what = xasprintf("reference to unknown id '%s'; expected the id of a heading, figure, panel or footnote",
					       n->target ? n->target : "");
			where(n, msg, msglen, what);
			free(what);
			rc = -1;
			goto out;
		}
		set_str(&n->text, xref_text(t));
		if (starts_sentence(n) && n->text[0] >= 'a' && n->text[0] <= 'z')
			n->text[0] = (char)(n->text[0] - 'a' + 'A'); /* "Figuur 2.2 laat zien" */
	}
out:
	free(ids.v);
	free(c.chap_label);
	return rc;
}

doc_node *doc_find_id(doc *d, const char *id)
{
	if (!d || !id)
		return NULL;
	doc_iter it;
	doc_event ev;
	doc_iter_init(&it, d->root);
	while ((ev = doc_iter_next(&it)) != DOC_EV_NONE) {
		doc_node *n = it.cur;
		if (ev == DOC_EV_ENTER && n->id && strcmp(n->id, id) == 0)
			return n;
	}
	return NULL;
}
