/* template.c: loads the report templates and evaluates them, per variant,
 * into the document tree. Text comes from the templates; every number from
 * an expression (expr.c); every data-dependent statement is a checked claim
 * (<bewering>) or a choice by the data (<kies>, <keuze>). Generated content
 * (figures, annex tables) comes from figures.c and appendix.c. */
#include "template.h"
#include "expr.h"
#include "xmlload.h"

#include <libxml/parser.h>
#include <stdlib.h>
#include <string.h>

templates *templates_load(const char *dir, const char *rng_path, struct err *e)
{
	templates *t = xcalloc(1, sizeof *t);
	t->dir = xstrdup(dir);
	char *path = xasprintf("%s/rapport.xml", dir);
	t->rapport = xml_load_valid(path, rng_path, e);
	if (!t->rapport) {
		free(path);
		templates_free(t);
		return NULL;
	}
	xmlNodePtr root = xmlDocGetRootElement(t->rapport);
	if (!xml_is(root, "rapport")) {
		err_set(e, path, xmlGetLineNo(root), "root element <%s>; expected <rapport>", root->name);
		free(path);
		templates_free(t);
		return NULL;
	}
	free(path);
	int n = 0;
	for (xmlNodePtr c = root->children; c; c = c->next)
		n += xml_is(c, "deel");
	t->parts = xcalloc((size_t)n, sizeof *t->parts);
	for (xmlNodePtr c = root->children; c; c = c->next) {
		if (xml_is(c, "meta")) {
			for (xmlNodePtr m = c->children; m; m = m->next)
				if (xml_is(m, "veldwerk")) {
					t->veldwerk_van = xml_attr(m, "van");
					t->veldwerk_tot = xml_attr(m, "tot");
				}
			continue;
		}
		if (!xml_is(c, "deel"))
			continue;
		char *file = xml_attr(c, "bestand");
		template_part *p = &t->parts[t->nparts++];
		p->path = xasprintf("%s/%s", dir, file);
		free(file);
		p->xml = xml_load_valid(p->path, rng_path, e);
		if (!p->xml) {
			templates_free(t);
			return NULL;
		}
		if (!xml_is(xmlDocGetRootElement(p->xml), "deel")) {
			err_set(e, p->path, 1, "root element is not <deel>; expected a part of the report");
			templates_free(t);
			return NULL;
		}
	}
	return t;
}

void templates_free(templates *t)
{
	if (!t)
		return;
	for (int i = 0; i < t->nparts; i++) {
		free(t->parts[i].path);
		if (t->parts[i].xml)
			xmlFreeDoc(t->parts[i].xml);
	}
	free(t->parts);
	if (t->rapport)
		xmlFreeDoc(t->rapport);
	free(t->dir);
	free(t->veldwerk_van);
	free(t->veldwerk_tot);
	free(t);
}

/* ------------------------------------------------------------ evaluation */

typedef struct {
	const templates *t;
	const stats *st;
	expr_env env;
	const char *file;
	int strict;
	struct err *e;
	doc *d;
	int failed;
} ctx;

static long line_of(xmlNodePtr n)
{
	return xmlGetLineNo(n);
}

static doc_node *mk(doc_type t, ctx *c, xmlNodePtr src)
{
	doc_node *n = doc_node_new(t);
	n->src_file = xstrdup(c->file);
	n->src_line = (int)line_of(src);
	return n;
}

/* Evaluates a test; -1 on error. */
static int test(ctx *c, xmlNodePtr n, int *truth, char **described)
{
	char *src = xml_attr(n, "test");
	value v;
	int rc = expr_eval(&c->env, src, c->file, line_of(n), &v, c->e);
	if (!rc) {
		*truth = value_truthy(&v);
		if (described)
			*described = xstrdup(src);
		value_free(&v);
	}
	free(src);
	return rc;
}

/* Text with XML layout whitespace folded to single spaces. */
static void add_text(doc_node *parent, const char *s)
{
	strbuf b;
	sb_init(&b);
	int space = 0;
	for (const char *p = s; *p; p++) {
		if (*p == ' ' || *p == '\n' || *p == '\t' || *p == '\r') {
			space = 1;
			continue;
		}
		if (space)
			sb_addc(&b, ' ');
		space = 0;
		sb_addc(&b, *p);
	}
	if (space)
		sb_addc(&b, ' ');
	if (b.len)
		doc_append_text(parent, b.s);
	sb_free(&b);
}

static int inlines(ctx *c, xmlNodePtr from, doc_node *parent);

/* Values that a failed claim's test mentions, for the editor: the test
 * with each function call evaluated would be ideal; the test itself and its
 * place are what an editor needs to find it. */
static void record_claim(ctx *c, xmlNodePtr n, int holds, const doc_node *statement)
{
	doc *d = c->d;
	d->claims = xrealloc(d->claims, (size_t)(d->nclaims + 1) * sizeof *d->claims);
	doc_claim *k = &d->claims[d->nclaims++];
	k->file = xstrdup(c->file);
	k->line = (int)line_of(n);
	k->holds = holds;
	k->text = doc_plain_text(statement);
}

static int claim(ctx *c, xmlNodePtr n, doc_node *parent)
{
	int truth;
	char *src;
	if (test(c, n, &truth, &src))
		return -1;
	if (truth) {
		free(src);
		doc_node *tmp = doc_node_new(DOC_PARAGRAPH);
		int rc = inlines(c, n->children, tmp);
		record_claim(c, n, 1, tmp);
		/* the statement goes into the text as it is */
		for (doc_node *x = tmp->first; x;) {
			doc_node *next = x->next;
			x->prev = x->next = NULL;
			doc_append(parent, x);
			x = next;
		}
		tmp->first = tmp->last = NULL;
		doc_node_free(tmp);
		return rc;
	}
	doc_node *cl = doc_append(parent, mk(DOC_CLAIM, c, n));
	cl->text = xasprintf("bewering klopt niet voor %s: %s", c->st->v->area, src);
	if (inlines(c, n->children, cl)) {
		free(src);
		return -1;
	}
	record_claim(c, n, 0, cl);
	char *said = doc_plain_text(cl);
	fprintf(stderr, "%s:%ld: bewering klopt niet (%s): \"%s\" — test: %s\n", c->file, line_of(n),
		c->st->v->slug, said, src);
	c->d->nclaims_failed++;
	int rc = 0;
	if (c->strict)
		rc = err_set(c->e, c->file, line_of(n),
			     "bewering klopt niet (%s): \"%s\"; the test %s is false on the data (--strict)",
			     c->st->v->slug, said, src);
	free(said);
	free(src);
	return rc;
}

static int choose(ctx *c, xmlNodePtr n, doc_node *parent, int blocks);

static int inline_elem(ctx *c, xmlNodePtr n, doc_node *parent)
{
	const char *name = (const char *)n->name;
	if (!strcmp(name, "em") || !strcmp(name, "strong")) {
		doc_node *x = doc_append(parent, mk(name[0] == 'e' ? DOC_EMPH : DOC_STRONG, c, n));
		return inlines(c, n->children, x);
	}
	if (!strcmp(name, "br")) {
		doc_append(parent, mk(DOC_LINEBREAK, c, n));
		return 0;
	}
	if (!strcmp(name, "w")) {
		char *src = xml_attr(n, "x");
		value v;
		int rc = expr_eval(&c->env, src, c->file, line_of(n), &v, c->e);
		if (!rc) {
			char *s = value_format(&v, c->file, line_of(n), src, c->e);
			if (!s)
				rc = -1;
			else {
				doc_node *x = doc_append(parent, mk(DOC_VALUE, c, n));
				x->text = s;
			}
			value_free(&v);
		}
		free(src);
		return rc;
	}
	if (!strcmp(name, "gebied")) {
		char *vorm = xml_attr(n, "vorm");
		char *s = vorm ? xasprintf("in %s", c->st->v->area) : xstrdup(c->st->v->area);
		doc_node *x = doc_append(parent, mk(DOC_TEXT, c, n));
		x->text = s;
		free(vorm);
		return 0;
	}
	if (!strcmp(name, "zie")) {
		doc_node *x = doc_append(parent, mk(DOC_XREF, c, n));
		x->target = xml_attr(n, "naar");
		return 0;
	}
	if (!strcmp(name, "voetnoot")) {
		doc_node *x = doc_append(parent, mk(DOC_FOOTNOTE, c, n));
		return inlines(c, n->children, x);
	}
	if (!strcmp(name, "bewering"))
		return claim(c, n, parent);
	if (!strcmp(name, "kies"))
		return choose(c, n, parent, 0);
	return err_set(c->e, c->file, line_of(n), "unexpected <%s> in running text", name);
}

static int inlines(ctx *c, xmlNodePtr from, doc_node *parent)
{
	for (xmlNodePtr n = from; n; n = n->next) {
		if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
			add_text(parent, (const char *)n->content);
		} else if (n->type == XML_ELEMENT_NODE) {
			if (inline_elem(c, n, parent))
				return -1;
		}
	}
	return 0;
}

/* Trims the layout space at the start and end of a block's inlines. */
static void trim(doc_node *block)
{
	doc_node *f = block->first;
	if (f && f->type == DOC_TEXT && f->text[0] == ' ')
		memmove(f->text, f->text + 1, strlen(f->text));
	doc_node *l = block->last;
	if (l && l->type == DOC_TEXT) {
		size_t n = strlen(l->text);
		if (n && l->text[n - 1] == ' ')
			l->text[n - 1] = 0;
	}
	/* a space before a closing footnote marker or punctuation that followed an element */
	for (doc_node *x = block->first; x; x = x->next)
		if (x->type == DOC_TEXT && x->next && x->next->type == DOC_FOOTNOTE) {
			size_t n = strlen(x->text);
			if (n && x->text[n - 1] == ' ')
				x->text[n - 1] = 0;
		}
}

static int blocks(ctx *c, xmlNodePtr from, doc_node *parent);

static int choose(ctx *c, xmlNodePtr n, doc_node *parent, int as_blocks)
{
	for (xmlNodePtr a = n->children; a; a = a->next) {
		if (xml_is(a, "als")) {
			int truth;
			if (test(c, a, &truth, NULL))
				return -1;
			if (truth)
				return as_blocks ? blocks(c, a->children, parent) : inlines(c, a->children, parent);
		} else if (xml_is(a, "anders")) {
			return as_blocks ? blocks(c, a->children, parent) : inlines(c, a->children, parent);
		}
	}
	return 0;
}

static int para(ctx *c, xmlNodePtr n, doc_node *parent, doc_type t, int flags)
{
	doc_node *p = doc_append(parent, mk(t, c, n));
	p->flags |= flags;
	int rc = inlines(c, n->children, p);
	trim(p);
	return rc;
}

static int table(ctx *c, xmlNodePtr n, doc_node *parent)
{
	doc_node *t = doc_append(parent, mk(DOC_TABLE, c, n));
	for (xmlNodePtr r = n->children; r; r = r->next) {
		if (!xml_is(r, "rij"))
			continue;
		doc_node *row = doc_append(t, mk(DOC_TABLE_ROW, c, r));
		char *kop = xml_attr(r, "kop");
		if (kop)
			row->flags |= DOC_HEADER_ROW;
		free(kop);
		for (xmlNodePtr cell = r->children; cell; cell = cell->next) {
			if (!xml_is(cell, "cel"))
				continue;
			doc_node *cn = doc_append(row, mk(DOC_TABLE_CELL, c, cell));
			int has_block = 0;
			for (xmlNodePtr k = cell->children; k; k = k->next)
				has_block |= xml_is(k, "p") || xml_is(k, "lijst");
			if ((has_block ? blocks(c, cell->children, cn) : inlines(c, cell->children, cn)))
				return -1;
			if (!has_block)
				trim(cn);
		}
	}
	return 0;
}

static int list(ctx *c, xmlNodePtr n, doc_node *parent)
{
	doc_node *l = doc_append(parent, mk(DOC_LIST, c, n));
	char *soort = xml_attr(n, "soort");
	if (soort && !strcmp(soort, "genummerd"))
		l->flags |= DOC_ORDERED;
	else if (!soort || !strcmp(soort, "streepjes"))
		l->flags |= DOC_DASH_LIST;
	free(soort);
	for (xmlNodePtr li = n->children; li; li = li->next) {
		if (xml_is(li, "li")) {
			if (para(c, li, l, DOC_ITEM, 0))
				return -1;
		} else if (xml_is(li, "keuze")) {
			for (xmlNodePtr a = li->children; a; a = a->next) {
				int truth = 1;
				if (xml_is(a, "als") && test(c, a, &truth, NULL))
					return -1;
				if (!(xml_is(a, "als") || xml_is(a, "anders")) || !truth)
					continue;
				for (xmlNodePtr x = a->children; x; x = x->next)
					if (xml_is(x, "li") && para(c, x, l, DOC_ITEM, 0))
						return -1;
				break;
			}
		}
	}
	return 0;
}

static int figure(ctx *c, xmlNodePtr n, doc_node *parent)
{
	char *q = xml_attr(n, "vraag");
	char *id = xml_attr(n, "id");
	int rc = 0;
	doc_node *f = NULL;
	if (q) {
		const question_stats *qs = stats_question(c->st, q);
		char *kind = xml_attr(n, "soort"), *k = xml_attr(n, "aantal"), *heads = xml_attr(n, "koppen");
		if (!qs)
			rc = err_set(c->e, c->file, line_of(n), "figuur: unknown question '%s'; expected a question id of vragenlijst.xml", q);
		else if (!(f = figure_from_question(c->st, qs, kind, k ? atoi(k) : 0, heads, c->file, line_of(n), c->e)))
			rc = -1;
		free(kind);
		free(k);
		free(heads);
		if (f) {
			doc_append(parent, f);
			f->src_file = xstrdup(c->file);
			f->src_line = (int)line_of(n);
			/* a caption written in the template replaces the questionnaire's */
			for (xmlNodePtr b = n->children; b && !rc; b = b->next)
				if (xml_is(b, "bijschrift")) {
					doc_node *cap = f->first;
					while (cap && cap->type != DOC_CAPTION)
						cap = cap->next;
					if (cap) {
						doc_node *x = cap->first;
						while (x) {
							doc_node *nx = x->next;
							doc_node_free(x);
							x = nx;
						}
						cap->first = cap->last = NULL;
						rc = inlines(c, b->children, cap);
						trim(cap);
					}
				}
		}
	} else {
		f = doc_append(parent, mk(DOC_FIGURE, c, n));
		for (xmlNodePtr b = n->children; b && !rc; b = b->next) {
			if (xml_is(b, "bijschrift")) {
				doc_node *cap = doc_append(f, mk(DOC_CAPTION, c, b));
				rc = inlines(c, b->children, cap);
				trim(cap);
			} else if (xml_is(b, "tabel")) {
				rc = table(c, b, f);
			}
		}
	}
	if (f && id)
		f->id = xstrdup(id);
	free(id);
	free(q);
	return rc;
}

static int block(ctx *c, xmlNodePtr n, doc_node *parent)
{
	const char *name = (const char *)n->name;
	if (!strcmp(name, "titelpagina")) {
		doc_append(parent, mk(DOC_TITLEPAGE, c, n));
		return 0;
	}
	if (!strcmp(name, "inhoud")) {
		doc_append(parent, mk(DOC_TOC, c, n));
		return 0;
	}
	if (name[0] == 'h' && name[1] >= '1' && name[1] <= '3' && !name[2]) {
		doc_node *h = doc_append(parent, mk(DOC_HEADING, c, n));
		h->level = name[1] - '0';
		h->id = xml_attr(n, "id");
		if (h->level == 1)
			h->flags |= DOC_NEW_PAGE;
		if (h->level == 3)
			h->flags |= DOC_UNNUMBERED;
		char *annex = xml_attr(n, "bijlage");
		if (annex)
			h->flags |= DOC_ANNEX;
		free(annex);
		int rc = inlines(c, n->children, h);
		trim(h);
		return rc;
	}
	if (!strcmp(name, "p"))
		return para(c, n, parent, DOC_PARAGRAPH, 0);
	if (!strcmp(name, "onderzoeksvraag"))
		return para(c, n, parent, DOC_PARAGRAPH, DOC_INTRO);
	if (!strcmp(name, "lijst"))
		return list(c, n, parent);
	if (!strcmp(name, "kader")) {
		doc_node *k = doc_append(parent, mk(DOC_PANEL, c, n));
		k->text = xml_attr(n, "titel");
		k->id = xml_attr(n, "id");
		return blocks(c, n->children, k);
	}
	if (!strcmp(name, "citaat")) {
		doc_node *k = doc_append(parent, mk(DOC_QUOTE, c, n));
		return blocks(c, n->children, k);
	}
	if (!strcmp(name, "figuur"))
		return figure(c, n, parent);
	if (!strcmp(name, "tabel"))
		return table(c, n, parent);
	if (!strcmp(name, "keuze"))
		return choose(c, n, parent, 1);
	if (!strcmp(name, "respons-tabel")) {
		char *per = xml_attr(n, "per");
		append_response_table(parent, c->st, per && !strcmp(per, "provincie"));
		free(per);
		return 0;
	}
	if (!strcmp(name, "vragenlijst-bijlage")) {
		append_questionnaire(parent, c->st);
		return 0;
	}
	if (!strcmp(name, "frequentietabellen")) {
		append_frequency_tables(parent, c->st);
		return 0;
	}
	if (!strcmp(name, "open-antwoorden")) {
		char *q = xml_attr(n, "vraag");
		const question_stats *qs = stats_question(c->st, q);
		int rc = 0;
		if (!qs || qs->q->kind != Q_OPEN)
			rc = err_set(c->e, c->file, line_of(n), "open-antwoorden: '%s' is not an open question of vragenlijst.xml", q);
		else
			append_open_answers(parent, c->st, qs);
		free(q);
		return rc;
	}
	return err_set(c->e, c->file, line_of(n), "unexpected block <%s>", name);
}

static int blocks(ctx *c, xmlNodePtr from, doc_node *parent)
{
	for (xmlNodePtr n = from; n; n = n->next)
		if (n->type == XML_ELEMENT_NODE && block(c, n, parent))
			return -1;
	return 0;
}

static void read_meta(doc_meta *m, xmlNodePtr meta, const variant *v)
{
	int nlines = 0, nauth = 0;
	for (xmlNodePtr c = meta->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		const char *n = (const char *)c->name;
		char *txt = xml_text(c);
		if (!strcmp(n, "soort"))
			m->doctype = txt;
		else if (!strcmp(n, "titel"))
			m->title = txt;
		else if (!strcmp(n, "titelregel") && nlines < 3)
			m->title_lines[nlines++] = txt;
		else if (!strcmp(n, "ondertitel"))
			m->subtitle = txt;
		else if (!strcmp(n, "aan"))
			m->client = txt;
		else if (!strcmp(n, "auteur") && nauth < 7)
			m->authors[nauth++] = txt;
		else if (!strcmp(n, "plaats"))
			m->place = txt;
		else if (!strcmp(n, "datum")) {
			m->date = txt;
			m->date_iso = xml_attr(c, "iso");
		} else if (!strcmp(n, "trefwoorden"))
			m->keywords = txt;
		else if (!strcmp(n, "uitgever"))
			m->publisher = txt;
		else if (!strcmp(n, "licentie"))
			m->licence = txt;
		else if (!strcmp(n, "veldwerk")) {
			m->fieldwork_from = xml_attr(c, "van");
			m->fieldwork_to = xml_attr(c, "tot");
			free(txt);
		} else
			free(txt);
	}
	m->area = v ? xstrdup(v->area) : NULL;
	m->variant = v ? xstrdup(v->slug) : NULL;
	m->lang = xstrdup("nl");
}

void templates_meta(const templates *t, doc_meta *m)
{
	memset(m, 0, sizeof *m);
	xmlNodePtr root = xmlDocGetRootElement(t->rapport);
	for (xmlNodePtr c = root->children; c; c = c->next)
		if (xml_is(c, "meta"))
			read_meta(m, c, NULL);
}

doc *report_build(const templates *t, const stats *st, int strict, struct err *e)
{
	doc *d = doc_new();
	ctx c = { .t = t, .st = st, .strict = strict, .e = e, .d = d };
	c.env.st = st;
	c.env.veldwerk_van = t->veldwerk_van;
	c.env.veldwerk_tot = t->veldwerk_tot;
	xmlNodePtr root = xmlDocGetRootElement(t->rapport);
	for (xmlNodePtr m = root->children; m; m = m->next)
		if (xml_is(m, "meta"))
			read_meta(&d->meta, m, st->v);
	for (int i = 0; i < t->nparts; i++) {
		c.file = t->parts[i].path;
		if (blocks(&c, xmlDocGetRootElement(t->parts[i].xml)->children, d->root)) {
			doc_free(d);
			return NULL;
		}
	}
	return d;
}
