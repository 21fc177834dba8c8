/* doc.c: building and walking the document tree (see doc.h): node
 * allocation, appending, the enter/exit iterator, plain-text extraction. */
#include "doc.h"
#include "text.h"
#include "util.h"
#include "terms.h"
#include "chart.h"

#include <stdlib.h>
#include <string.h>

static const char *const type_names[DOC_NTYPES] = {
	"document", "titlepage", "toc", "heading", "paragraph", "list", "item",
	"panel", "quote", "figure", "caption", "table", "row", "cell",
	"text", "emph", "strong", "linebreak", "value", "xref", "footnote", "claim", "lang",
};

const char *doc_type_name(doc_type t)
{
	return (t >= 0 && t < DOC_NTYPES) ? type_names[t] : "?";
}

int doc_is_block(doc_type t)
{
	return t < DOC_TEXT;
}

doc *doc_new(void)
{
	doc *d = xcalloc(1, sizeof *d);
	d->root = doc_node_new(DOC_DOCUMENT);
	return d;
}

char *doc_figure_source(const doc_meta *m)
{
	const char *iso = m->fieldwork_from ? m->fieldwork_from : m->date_iso;
	char year[5] = "";
	if (iso && strlen(iso) >= 4 && iso[0] >= '0' && iso[0] <= '9')
		memcpy(year, iso, 4);
	/* <bron> in rapport.xml; the 2013 report's wording (a term) without one */
	const char *what = m->source ? m->source : T("bron.standaard");
	if (m->publisher && *year)
		return TF("bron.regel.uitgever_jaar", what, m->publisher, year);
	if (m->publisher)
		return TF("bron.regel.uitgever", what, m->publisher);
	if (*year)
		return TF("bron.regel.jaar", what, year);
	return TF("bron.regel", what);
}

void doc_meta_free(doc_meta *m)
{
	free(m->source);
	free(m->doctype);
	free(m->title);
	for (int i = 0; i < 4 && m->title_lines[i]; i++)
		free(m->title_lines[i]);
	free(m->subtitle);
	free(m->client);
	for (int i = 0; i < 8 && m->authors[i]; i++)
		free(m->authors[i]);
	free(m->place);
	free(m->date);
	free(m->date_iso);
	free(m->area);
	free(m->variant);
	free(m->edition);
	free(m->keywords);
	free(m->lang);
	free(m->publisher);
	free(m->licence);
	free(m->fieldwork_from);
	free(m->fieldwork_to);
}

void doc_free(doc *d)
{
	if (!d)
		return;
	doc_node_free(d->root);
	doc_meta_free(&d->meta);
	for (int i = 0; i < d->nclaims; i++) {
		free(d->claims[i].file);
		free(d->claims[i].text);
		free(d->claims[i].test);
		free(d->claims[i].values);
	}
	free(d->claims);
	free(d);
}

doc_node *doc_node_new(doc_type type)
{
	doc_node *n = xcalloc(1, sizeof *n);
	n->type = type;
	return n;
}

doc_node *doc_append(doc_node *parent, doc_node *child)
{
	child->parent = parent;
	child->prev = parent->last;
	child->next = NULL;
	if (parent->last)
		parent->last->next = child;
	else
		parent->first = child;
	parent->last = child;
	return child;
}

doc_node *doc_append_text(doc_node *parent, const char *text)
{
	doc_node *t = doc_node_new(DOC_TEXT);
	t->text = xstrdup(text);
	return doc_append(parent, t);
}

doc_node *doc_append_row(doc_node *table, int header)
{
	doc_node *r = doc_append(table, doc_node_new(DOC_TABLE_ROW));
	if (header)
		r->flags |= DOC_HEADER_ROW;
	return r;
}

doc_node *doc_append_cell(doc_node *row, const char *text, int numeric)
{
	doc_node *c = doc_append(row, doc_node_new(DOC_TABLE_CELL));
	if (numeric)
		c->flags |= DOC_NUMERIC;
	doc_append_text(c, text);
	return c;
}

void doc_node_free(doc_node *n)
{
	while (n) {
		doc_node *c = n->first;
		while (c) {
			doc_node *next = c->next;
			doc_node_free(c);
			c = next;
		}
		free(n->text);
		free(n->id);
		free(n->number);
		free(n->target);
	free(n->question);
	free(n->legend);
		free(n->alt);
		free(n->lang);
		free(n->src_file);
		if (n->chart)
			chart_free(n->chart);
		free(n);
		n = NULL;
	}
}

static int is_leaf(const doc_node *n)
{
	switch (n->type) {
	case DOC_TEXT:
	case DOC_VALUE:
	case DOC_LINEBREAK:
	case DOC_TOC:
	case DOC_TITLEPAGE:
		return 1;
	default:
		return 0;
	}
}

void doc_iter_init(doc_iter *it, doc_node *root)
{
	it->root = root;
	it->cur = NULL;
	it->ev = DOC_EV_NONE;
}

doc_event doc_iter_next(doc_iter *it)
{
	if (!it->cur) {
		if (!it->root)
			return DOC_EV_NONE; /* empty, or already finished */
		it->cur = it->root;
		it->ev = DOC_EV_ENTER;
		return it->ev;
	}
	doc_node *c = it->cur;
	if (it->ev == DOC_EV_ENTER && !is_leaf(c)) {
		if (c->first) {
			it->cur = c->first;
			it->ev = DOC_EV_ENTER;
		} else {
			it->ev = DOC_EV_EXIT;
		}
		return it->ev;
	}
	/* leaving c (exit event done, or a leaf) */
	if (c == it->root) {
		it->cur = NULL;
		it->root = NULL; /* finished */
		it->ev = DOC_EV_NONE;
		return DOC_EV_NONE;
	}
	if (c->next) {
		it->cur = c->next;
		it->ev = DOC_EV_ENTER;
	} else {
		it->cur = c->parent;
		it->ev = DOC_EV_EXIT;
	}
	return it->ev;
}

/* Bidi isolation of untrusted text. Per UAX #9, a PDI closes every
 * embedding and override opened since its isolate initiator, so wrapping in
 * FSI ... PDI confines an unterminated U+202A..U+202E to the string. Two
 * things could still break out: a stray PDI in the string (it would close
 * our FSI early), and a paragraph separator (the bidi state starts afresh
 * in every paragraph, outside our isolate). So stray PDIs are dropped, open
 * isolates are closed at the end of each paragraph, and every paragraph is
 * wrapped on its own. The input is valid UTF-8 (checked when read). */
static int is_para_sep(unsigned cp)
{
	return cp == '\n' || cp == '\r' || (cp >= 0x1C && cp <= 0x1E) || cp == 0x85 || cp == 0x2029;
}

char *bidi_isolate(const char *text)
{
	static const char FSI[] = "\xE2\x81\xA8", PDI[] = "\xE2\x81\xA9";
	const unsigned char *s = (const unsigned char *)text, *end = s + strlen(text);
	strbuf b;
	sb_init(&b);
	sb_add(&b, FSI);
	int depth = 0;
	while (*s) {
		unsigned cp;
		size_t len = utf8_next(s, (size_t)(end - s), &cp); /* a bad byte: taken alone */
		if (cp >= 0x2066 && cp <= 0x2068) {
			depth++;
		} else if (cp == 0x2069) {
			if (depth == 0) { /* stray: it would end our isolate */
				s += len;
				continue;
			}
			depth--;
		} else if (is_para_sep(cp)) {
			for (; depth > 0; depth--)
				sb_add(&b, PDI);
			sb_add(&b, PDI);
			sb_addn(&b, (const char *)s, len);
			sb_add(&b, FSI);
			s += len;
			continue;
		}
		sb_addn(&b, (const char *)s, len);
		s += len;
	}
	for (; depth > 0; depth--)
		sb_add(&b, PDI);
	sb_add(&b, PDI);
	return sb_take(&b);
}

doc_node *doc_append_isolated(doc_node *parent, const char *text)
{
	doc_node *n = doc_append(parent, doc_node_new(DOC_TEXT));
	n->text = bidi_isolate(text);
	n->flags |= DOC_ISOLATE;
	return n;
}

static void plain(const doc_node *n, strbuf *b);

/* The plain text of one node as it reads within its sentence. */
static void plain_one(const doc_node *c, strbuf *b)
{
	switch (c->type) {
	case DOC_TEXT:
	case DOC_VALUE:
	case DOC_XREF:
		if (c->text)
			sb_add(b, c->text);
		break;
	case DOC_LINEBREAK:
		sb_addc(b, ' ');
		break;
	case DOC_FOOTNOTE:
		break; /* a footnote's text is not part of the sentence */
	default:
		plain(c, b);
	}
}

static void plain(const doc_node *n, strbuf *b)
{
	for (const doc_node *c = n->first; c; c = c->next)
		plain_one(c, b);
}

char *doc_plain_text(const doc_node *n)
{
	strbuf b;
	sb_init(&b);
	if (n->type == DOC_TEXT || n->type == DOC_VALUE)
		sb_add(&b, n->text ? n->text : "");
	else
		plain(n, &b);
	return sb_take(&b);
}

void doc_claims_refresh(doc *d)
{
	for (int i = 0; i < d->nclaims; i++) {
		doc_claim *k = &d->claims[i];
		if (!k->from)
			continue;
		strbuf b;
		sb_init(&b);
		for (const doc_node *x = k->from; x; x = x->next) {
			strbuf one;
			sb_init(&one);
			plain_one(x, &one);
			if (k->joined && one.len && b.len)
				sb_addc(&b, ' ');
			if (one.len)
				sb_add(&b, one.s);
			sb_free(&one);
			if (x == k->to)
				break;
		}
		free(k->text);
		k->text = b.s ? sb_take(&b) : xstrdup("");
	}
}
