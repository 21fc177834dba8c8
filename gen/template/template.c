/* template.c: loads the report templates and evaluates them, per variant,
 * into the document tree. Text comes from the templates; every number from
 * an expression (expr.c); every data-dependent statement is a checked claim
 * (<bewering>) or a choice by the data (<kies>, <keuze>). Generated content
 * (figures, annex tables) comes from figures.c and appendix.c. */
#include "template.h"
#include "disclosure.h"
#include "expr.h"
#include "lint.h"
#include "terms.h"
#include "text.h"
#include "xmlload.h"

#include <libxml/parser.h>
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Every <taal> of a part, taken or not by the data: its code a language
 * tag, and no passage inside another (one language per Span in the PDF). */
static int check_lang(xmlNodePtr n, const char *path, int inside, struct err *e)
{
	for (; n; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		int is = xml_is(n, "taal");
		if (is) {
			char *code = xml_attr(n, "code");
			int ok = code && lang_tag_ok(code);
			if (!ok)
				err_set(e, path, xmlGetLineNo(n),
					"<taal code=\"%s\">: not a language tag; expected a BCP 47 tag such as en, en-GB or fr",
					code ? code : "");
			free(code);
			if (!ok)
				return -1;
			if (inside)
				return err_set(e, path, xmlGetLineNo(n),
					       "<taal> inside <taal>; expected a passage in one language");
		}
		if (check_lang(n->children, path, inside || is, e))
			return -1;
	}
	return 0;
}

templates *templates_load(const char *dir, const char *rng_path, struct err *e)
{
	templates *t = xcalloc(1, sizeof *t);
	t->dir = xstrdup(dir);
	/* "templates/" as typed: messages say templates/X.xml, not templates//X.xml */
	for (size_t n = strlen(t->dir); n > 1 && t->dir[n - 1] == '/'; n--)
		t->dir[n - 1] = 0;
	char *path = xasprintf("%s/rapport.xml", t->dir);
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
		p->path = xasprintf("%s/%s", t->dir, file);
		/* a part that is not there is an error of rapport.xml, at the
		 * line of its <deel> */
		if (access(p->path, R_OK) != 0) {
			err_set(e, path, xmlGetLineNo(c), "<deel bestand=\"%s\">: cannot open %s: %s; expected a template part in %s/",
				file, p->path, strerror(errno), t->dir);
			free(file);
			free(path);
			templates_free(t);
			return NULL;
		}
		free(file);
		p->xml = xml_load_valid(p->path, rng_path, e);
		if (!p->xml) {
			free(path);
			templates_free(t);
			return NULL;
		}
		if (!xml_is(xmlDocGetRootElement(p->xml), "deel")) {
			err_set(e, p->path, 1, "root element is not <deel>; expected a part of the report");
			free(path);
			templates_free(t);
			return NULL;
		}
		if (check_lang(xmlDocGetRootElement(p->xml), p->path, 0, e)) {
			free(path);
			templates_free(t);
			return NULL;
		}
	}
	free(path);
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
	/* A value that may not be printed never stands in a sentence: a <w>
	 * that is withheld inside a construct with an <anders> (<zin>, the
	 * <als> of a <kies> or <keuze>) sets withheld, and the construct
	 * puts its <anders> in its place; with no such construct around it,
	 * the build fails. */
	int alt;       /* enclosing constructs that have an <anders> */
	int withheld;  /* why a value was withheld in the innermost of them (WHY_*), 0: none */
	int why;       /* while an <anders> taken for a withheld value is written: why (WHY_*), for <waarom/> */
	int test_why;  /* why the last test was unknown (WHY_*) */
	/* for the lint (lint.c): what each printed value was */
	lint_value *vals;
	int nvals, capvals;
	strbuf *lint;  /* --controleer: findings, one a line; NULL: no lint */
	int nlint;
} ctx;

/* Why a value is withheld, as bits: the <anders> taken for it may say so
 * with <waarom/>. */
enum { WHY_SMALL_G = 1, WHY_SMALL_R = 2, WHY_DERIVED = 4, WHY_NONE = 8 };

static int why_bits(const value *v)
{
	int resp = v->q && v->q->unit == UNIT_RESPONDENT;
	switch (v->sup) {
	case SUP_SMALL_BASE:
		return resp ? WHY_SMALL_R : WHY_SMALL_G;
	case SUP_SECONDARY:
		return WHY_DERIVED;
	default:
		return WHY_NONE;
	}
}

/* <waarom/>: the verb phrase of "In Gelderland ... om dat in een
 * percentage uit te drukken": too few units when any withheld value rests
 * on too small a base (or none), else the protection of smaller areas. */
static const char *why_phrase(int why)
{
	if (why & (WHY_SMALL_G | WHY_NONE))
		return T("waarom.weinig_gemeenten");
	if (why & WHY_SMALL_R)
		return T("waarom.weinig_respondenten");
	return T("waarom.herleidbaar");
}

/* The state an alternative returns to when it drops what it built. */
typedef struct {
	int withheld, nclaims, nfailed, nvals;
} attempt;

static void attempt_begin(ctx *c, attempt *a)
{
	a->withheld = c->withheld;
	a->nclaims = c->d->nclaims;
	a->nfailed = c->d->nclaims_failed;
	a->nvals = c->nvals;
	c->alt++;
	c->withheld = 0;
}

/* Ends an attempt; why a value in it was withheld (WHY_*), 0 if none: then
 * the records it made are dropped (the caller drops its nodes). */
static int attempt_end(ctx *c, attempt *a)
{
	c->alt--;
	int w = c->withheld;
	c->withheld = a->withheld;
	if (!w)
		return 0;
	for (int i = a->nclaims; i < c->d->nclaims; i++) {
		free(c->d->claims[i].file);
		free(c->d->claims[i].text);
		free(c->d->claims[i].test);
		free(c->d->claims[i].values);
	}
	c->d->nclaims = a->nclaims;
	c->d->nclaims_failed = a->nfailed;
	c->nvals = a->nvals;
	return w;
}

/* Frees the nodes appended to parent after `before`. */
static void drop_after(doc_node *parent, doc_node *before)
{
	doc_node *x = before ? before->next : parent->first;
	if (before)
		before->next = NULL;
	else
		parent->first = NULL;
	parent->last = before;
	while (x) {
		doc_node *nx = x->next;
		x->next = x->prev = NULL;
		doc_node_free(x);
		x = nx;
	}
}

static int has_anders(xmlNodePtr n)
{
	for (xmlNodePtr a = n->children; a; a = a->next)
		if (xml_is(a, "anders"))
			return 1;
	return 0;
}

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

/* Evaluates a test; -1 on error. A test that reads a suppressed number
 * (disclosure.h) is neither true nor false: *truth is then -1. */
static int test(ctx *c, xmlNodePtr n, int *truth, char **described)
{
	char *src = xml_attr(n, "test");
	value v;
	int rc = expr_eval(&c->env, src, c->file, line_of(n), &v, c->e);
	if (!rc) {
		*truth = value_suppressed(&v) ? -1 : value_truthy(&v);
		c->test_why = *truth < 0 ? why_bits(&v) : 0;
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

/* The values a test reads, for the account of changes: every function call
 * and bare reference at the top level of the test, evaluated on its own:
 * "pct(a@100k+) = 50; pct(a@lt50k) = 47". Terms that do not evaluate alone
 * are left out (the test itself is recorded beside them). */
static void test_values(ctx *c, const char *src, long line, strbuf *out)
{
	const char *p = src;
	while (*p) {
		if (*p == '\'') {
			const char *q = strchr(p + 1, '\'');
			p = q ? q + 1 : p + strlen(p);
			continue;
		}
		int starts = (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || *p == '_';
		if (!starts) {
			p++;
			continue;
		}
		const char *s = p;
		while (*p && !strchr(" \t\n\r()<>=!,'", *p))
			p++;
		if (*p == '(') {
			int depth = 0;
			for (; *p; p++) {
				if (*p == '\'') {
					const char *q = strchr(p + 1, '\'');
					if (!q)
						break;
					p = q;
				} else if (*p == '(') {
					depth++;
				} else if (*p == ')' && --depth == 0) {
					p++;
					break;
				}
			}
		}
		char *term = xstrndup(s, (size_t)(p - s));
		if (!strcmp(term, "and") || !strcmp(term, "or") || !strcmp(term, "not")) {
			free(term);
			continue;
		}
		char *seen = xasprintf("%s = ", term), *later = xasprintf("; %s = ", term);
		int dup = out->s && (!strncmp(out->s, seen, strlen(seen)) || strstr(out->s, later));
		free(later);
		if (dup) {
			free(seen);
			free(term);
			continue;
		}
		value v;
		struct err scratch;
		if (expr_eval(&c->env, term, c->file, line, &v, &scratch) == 0) {
			char *d = value_describe(&v);
			sb_printf(out, "%s%s%s", out->len ? "; " : "", seen, d);
			free(d);
			value_free(&v);
		}
		free(seen);
		free(term);
	}
}

static void record(ctx *c, xmlNodePtr n, doc_claim_kind kind, int holds, int branch, char *text, char *tests,
		   char *values)
{
	doc *d = c->d;
	d->claims = xrealloc(d->claims, (size_t)(d->nclaims + 1) * sizeof *d->claims);
	doc_claim *k = &d->claims[d->nclaims++];
	memset(k, 0, sizeof *k);
	k->kind = kind;
	k->file = xstrdup(c->file);
	k->line = (int)line_of(n);
	k->holds = holds;
	k->branch = branch;
	k->text = text;
	k->test = tests;
	k->values = values;
}

static void record_claim(ctx *c, xmlNodePtr n, int holds, const doc_node *statement, const char *src)
{
	strbuf vals;
	sb_init(&vals);
	test_values(c, src, line_of(n), &vals);
	record(c, n, DOC_CLAIM_STATEMENT, holds, -1, doc_plain_text(statement), xstrdup(src),
	       xstrdup(vals.s ? vals.s : ""));
	sb_free(&vals);
}

/* Moves the children of tmp (inlines built aside, to read their text
 * first) to the end of parent, and frees tmp. */
static void adopt_children(doc_node *parent, doc_node *tmp)
{
	for (doc_node *x = tmp->first; x;) {
		doc_node *next = x->next;
		x->prev = x->next = NULL;
		doc_append(parent, x);
		x = next;
	}
	tmp->first = tmp->last = NULL;
	doc_node_free(tmp);
}

static int claim(ctx *c, xmlNodePtr n, doc_node *parent)
{
	int truth;
	char *src;
	if (test(c, n, &truth, &src))
		return -1;
	if (truth < 0) {
		/* not checkable on this edition's published numbers: the
		 * statement is left out, and the record says why */
		doc_node *tmp = doc_node_new(DOC_PARAGRAPH);
		int rc = inlines(c, n->children, tmp);
		record_claim(c, n, -1, tmp, src);
		doc_node_free(tmp);
		free(src);
		return rc;
	}
	if (truth) {
		doc_node *tmp = doc_node_new(DOC_PARAGRAPH);
		int rc = inlines(c, n->children, tmp);
		record_claim(c, n, 1, tmp, src);
		c->d->claims[c->d->nclaims - 1].from = tmp->first;
		c->d->claims[c->d->nclaims - 1].to = tmp->last;
		free(src);
		/* the statement goes into the text as it is */
		adopt_children(parent, tmp);
		return rc;
	}
	doc_node *cl = doc_append(parent, mk(DOC_CLAIM, c, n));
	cl->text = TF("bewering.klopt_niet", c->st->v->area, src);
	if (inlines(c, n->children, cl)) {
		free(src);
		return -1;
	}
	record_claim(c, n, 0, cl, src);
	c->d->claims[c->d->nclaims - 1].from = c->d->claims[c->d->nclaims - 1].to = cl;
	if (!c->strict) {
		/* draft (--concept): the mark is explained where it stands */
		doc_node *fn = doc_append(parent, mk(DOC_FOOTNOTE, c, n));
		char *why = TF("bewering.concept", c->st->v->area, c->file, TN(line_of(n)).s, src);
		doc_append_text(fn, why);
		free(why);
	}
	char *said = doc_plain_text(cl);
	fprintf(stderr, "%s:%ld: claim does not hold (%s): \"%s\" — test: %s\n", c->file, line_of(n),
		c->st->v->slug, said, src);
	c->d->nclaims_failed++;
	free(said);
	free(src);
	return 0;
}

static int choose(ctx *c, xmlNodePtr n, doc_node *parent, int blocks);
static int choose_keyed(ctx *c, xmlNodePtr n, doc_node *parent, int as_blocks, double **keys, int *nkeys);
static int item_key(ctx *c, xmlNodePtr li, double *key);
static int para(ctx *c, xmlNodePtr n, doc_node *parent, doc_type t, int flags);

/* <taal code="en">: a passage in another language than the report's (its
 * code checked when the part was loaded, check_lang). */
static int lang_passage(ctx *c, xmlNodePtr n, doc_node *parent)
{
	doc_node *x = doc_append(parent, mk(DOC_LANG, c, n));
	x->lang = xml_attr(n, "code");
	return inlines(c, n->children, x);
}

/* <zin>..<anders>..</anders></zin>: the sentence as written, or, when a
 * value in it is withheld, its <anders> (empty: nothing). */
static int sentence(ctx *c, xmlNodePtr n, doc_node *parent)
{
	int alt = has_anders(n);
	attempt a;
	if (alt)
		attempt_begin(c, &a);
	doc_node *tmp = doc_node_new(DOC_PARAGRAPH);
	int rc = inlines(c, n->children, tmp);
	int why = alt ? attempt_end(c, &a) : 0;
	if (why) {
		doc_node_free(tmp);
		if (rc)
			return rc;
		for (xmlNodePtr x = n->children; x; x = x->next)
			if (xml_is(x, "anders")) {
				int saved = c->why;
				c->why = why;
				rc = inlines(c, x->children, parent);
				c->why = saved;
				return rc;
			}
		return 0;
	}
	adopt_children(parent, tmp);
	return rc;
}

static int inline_elem(ctx *c, xmlNodePtr n, doc_node *parent)
{
	const char *name = (const char *)n->name;
	if (!strcmp(name, "taal"))
		return lang_passage(c, n, parent);
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
		int held = !rc && v.t != V_LIST && (v.sup || (v.t == V_NUM && isnan(v.num)));
		if (held) {
			/* withheld: the enclosing alternative takes its place, or
			 * the sentence cannot be written */
			if (c->alt)
				c->withheld |= why_bits(&v);
			else
				rc = err_set(c->e, c->file, line_of(n),
					     "%s: value withheld here and no alternative written (%s: %s); expected a <zin> or "
					     "<kies>/<keuze> with an <anders> around the sentence",
					     c->st->v->slug, src,
					     suppressed_phrase(v.sup ? v.sup : 1, v.q && v.q->unit == UNIT_RESPONDENT));
			value_free(&v);
		} else if (!rc) {
			char *s = value_format(&v, c->file, line_of(n), src, c->e);
			if (!s)
				rc = -1;
			else {
				doc_node *x = doc_append(parent, mk(DOC_VALUE, c, n));
				x->text = s;
				if (c->nvals == c->capvals) {
					c->capvals = c->capvals ? 2 * c->capvals : 64;
					c->vals = xrealloc(c->vals, (size_t)c->capvals * sizeof *c->vals);
				}
				c->vals[c->nvals++] = (lint_value){ x, v.q, v.t == V_STR ? 1 : 0, v.quantifier,
								    v.t == V_NUM && (v.fmt == F_PCT || v.fmt == F_EXACT) };
			}
			value_free(&v);
		}
		free(src);
		return rc;
	}
	if (!strcmp(name, "gebied")) {
		char *vorm = xml_attr(n, "vorm");
		char *s = vorm ? TF("gebied.in", c->st->v->area) : xstrdup(c->st->v->area);
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
	if (!strcmp(name, "zin"))
		return sentence(c, n, parent);
	if (!strcmp(name, "anders"))
		return 0; /* a <zin>'s alternative: taken by sentence() */
	if (!strcmp(name, "waarom")) {
		if (!c->why)
			return err_set(c->e, c->file, line_of(n), "%s: <waarom/> where no value was withheld; expected it in an "
				       "<anders> that the engine takes because a value is withheld", c->st->v->slug);
		doc_node *x = doc_append(parent, mk(DOC_TEXT, c, n));
		x->text = xstrdup(why_phrase(c->why));
		return 0;
	}
	if (!strcmp(name, "kies"))
		return choose(c, n, parent, 0);
	return err_set(c->e, c->file, line_of(n), "unexpected <%s> in running text; expected an inline element of sjabloon.rng", name);
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

/* A computed value that opens a sentence of a block ("alle gemeenten
 * hebben ...") opens with a capital. Returns the state after n: at the
 * start of a sentence or not. */
static int capitalise_openings(doc_node *n, int at_start)
{
	for (doc_node *x = n->first; x; x = x->next) {
		if (x->type == DOC_FOOTNOTE)
			continue;
		if (x->type == DOC_TEXT && x->text) {
			size_t l = strlen(x->text);
			if (l == 0 || (l == 1 && x->text[0] == ' '))
				continue;
			at_start = l >= 2 && x->text[l - 1] == ' ' && strchr(".?!", x->text[l - 2]);
		} else if (x->type == DOC_VALUE && x->text) {
			if (at_start) {
				char *up = utf8_capitalise(x->text);
				free(x->text);
				x->text = up;
			}
			at_start = 0;
		} else if (x->first) {
			at_start = capitalise_openings(x, at_start);
		} else if (x->type != DOC_LINEBREAK) {
			at_start = 0;
		}
	}
	return at_start;
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

/* Plain text of the blocks appended to parent after `before`. */
static char *text_after(doc_node *parent, doc_node *before)
{
	strbuf b;
	sb_init(&b);
	for (doc_node *x = before ? before->next : parent->first; x; x = x->next) {
		char *t = doc_plain_text(x);
		if (t && *t)
			sb_printf(&b, "%s%s", b.len ? " " : "", t);
		free(t);
	}
	if (!b.s)
		sb_add(&b, "");
	return sb_take(&b);
}

/* <kies> (inline) and <keuze> (blocks; in a list, items): evaluates the
 * tests in order, puts the first branch whose test holds (or <anders>)
 * into parent, and records which one with its wording and the values the
 * tests read. */
/* A <kies> (inline), <keuze> (blocks) or <keuze> in a list (as_blocks 2:
 * its <li>s become items, each with its ordering key when keys is given).
 * Records the branch taken, its wording and the values it was taken on. */
static int choose_keyed(ctx *c, xmlNodePtr n, doc_node *parent, int as_blocks, double **keys, int *nkeys)
{
	strbuf tests, vals;
	sb_init(&tests);
	sb_init(&vals);
	int k = 0, branch = -1, rc = 0, why = 0;
	xmlNodePtr taken = NULL;
	for (xmlNodePtr a = n->children; a && !taken; a = a->next) {
		if (xml_is(a, "als")) {
			int truth;
			char *src;
			k++;
			if (test(c, a, &truth, &src)) {
				rc = -1;
				break;
			}
			sb_printf(&tests, "%s%s", tests.len ? "; " : "", src);
			test_values(c, src, line_of(a), &vals);
			free(src);
			if (truth < 0) {
				/* a suppressed number decides nothing: the <anders>
				 * wording, or nothing at all */
				while (a->next && !xml_is(a->next, "anders"))
					a = a->next;
				if (a->next) {
					taken = a->next;
					branch = 0;
					why = c->test_why;
				}
				break;
			}
			if (truth) {
				taken = a;
				branch = k;
			}
		} else if (xml_is(a, "anders")) {
			taken = a;
			branch = 0;
		}
	}
	char *text = NULL;
	const doc_node *from = NULL, *to = NULL;
	int joined = 0;
	xmlNodePtr anders = NULL;
	for (xmlNodePtr a = n->children; a; a = a->next)
		if (xml_is(a, "anders"))
			anders = a;
again:
	if (!rc && taken) {
		/* an <als> taken whose text holds a withheld value gives way to
		 * the <anders> */
		attempt at;
		int trying = taken != anders && anders;
		if (trying)
			attempt_begin(c, &at);
		int saved_why = c->why;
		if (taken == anders && why)
			c->why = why;
		doc_node *before = parent->last;
		if (as_blocks == 2) {
			for (xmlNodePtr x = taken->children; x && !rc; x = x->next) {
				if (!xml_is(x, "li"))
					continue;
				double key;
				rc = para(c, x, parent, DOC_ITEM, 0);
				if (!rc && keys && !(rc = item_key(c, x, &key))) {
					*keys = xrealloc(*keys, (size_t)(*nkeys + 1) * sizeof **keys);
					(*keys)[(*nkeys)++] = key;
				}
			}
		} else if (as_blocks) {
			rc = blocks(c, taken->children, parent);
			from = before ? before->next : parent->first;
			to = parent->last;
			joined = 1;
		} else {
			doc_node *tmp = doc_node_new(DOC_PARAGRAPH);
			rc = inlines(c, taken->children, tmp);
			text = doc_plain_text(tmp);
			from = tmp->first;
			to = tmp->last;
			adopt_children(parent, tmp);
		}
		c->why = saved_why;
		int failed_why = trying ? attempt_end(c, &at) : 0;
		if (failed_why) {
			if (keys && as_blocks == 2) {
				int k2 = 0;
				for (doc_node *x = before ? before->next : parent->first; x; x = x->next)
					k2++;
				*nkeys -= k2;
			}
			drop_after(parent, before);
			free(text);
			text = NULL;
			from = to = NULL;
			joined = 0;
			taken = anders;
			branch = 0;
			why = failed_why;
			goto again;
		}
		if (!text)
			text = text_after(parent, before);
	}
	if (!rc) {
		record(c, n, DOC_CLAIM_CHOICE, 1, branch, text ? text : xstrdup(""),
		       xstrdup(tests.s ? tests.s : ""), xstrdup(vals.s ? vals.s : ""));
		if (from && to) {
			c->d->claims[c->d->nclaims - 1].from = from;
			c->d->claims[c->d->nclaims - 1].to = to;
			c->d->claims[c->d->nclaims - 1].joined = joined;
		}
	} else
		free(text);
	sb_free(&tests);
	sb_free(&vals);
	return rc;
}

static int choose(ctx *c, xmlNodePtr n, doc_node *parent, int as_blocks)
{
	return choose_keyed(c, n, parent, as_blocks, NULL, NULL);
}

static int para(ctx *c, xmlNodePtr n, doc_node *parent, doc_type t, int flags)
{
	doc_node *p = doc_append(parent, mk(t, c, n));
	p->flags |= flags;
	int rc = inlines(c, n->children, p);
	trim(p);
	capitalise_openings(p, 1);
	if (!rc && c->lint)
		c->nlint += lint_block(p, c->vals, c->nvals, c->file, line_of(n), c->st->v->slug, c->lint);
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

/* The value a list item is ranked by (<li waarde="EXPR">); a suppressed or
 * missing value ranks last. */
static int item_key(ctx *c, xmlNodePtr li, double *key)
{
	char *src = xml_attr(li, "waarde");
	*key = -1e300;
	if (!src)
		return 0;
	value v;
	int rc = expr_eval(&c->env, src, c->file, line_of(li), &v, c->e);
	if (!rc && v.t == V_NUM && !value_suppressed(&v))
		*key = v.num;
	else if (!rc && v.t != V_NUM)
		rc = err_set(c->e, c->file, line_of(li), "waarde '%s' is not a number; expected an expression such as pct(...)", src);
	if (!rc)
		value_free(&v);
	free(src);
	return rc;
}

/* Orders the items of a ranked list by key, highest first; equal keys keep
 * the template's order. */
static void order_items(doc_node *l, double *keys, int n)
{
	doc_node **items = xcalloc((size_t)n + 1, sizeof *items);
	int k = 0;
	for (doc_node *x = l->first; x && k < n; x = x->next)
		items[k++] = x;
	for (int i = 1; i < k; i++)
		for (int j = i; j > 0 && keys[j] > keys[j - 1]; j--) {
			double t = keys[j];
			keys[j] = keys[j - 1];
			keys[j - 1] = t;
			doc_node *x = items[j];
			items[j] = items[j - 1];
			items[j - 1] = x;
		}
	l->first = k ? items[0] : NULL;
	l->last = k ? items[k - 1] : NULL;
	for (int i = 0; i < k; i++) {
		items[i]->prev = i ? items[i - 1] : NULL;
		items[i]->next = i + 1 < k ? items[i + 1] : NULL;
	}
	free(items);
}

static int list(ctx *c, xmlNodePtr n, doc_node *parent)
{
	doc_node *l = doc_append(parent, mk(DOC_LIST, c, n));
	char *volgorde = xml_attr(n, "volgorde");
	int ranked = volgorde != NULL;
	free(volgorde);
	double *keys = NULL;
	int nkeys = 0;
	char *soort = xml_attr(n, "soort");
	if (soort && !strcmp(soort, "genummerd"))
		l->flags |= DOC_ORDERED;
	else if (!soort || !strcmp(soort, "streepjes"))
		l->flags |= DOC_DASH_LIST;
	free(soort);
	int rc = 0;
	for (xmlNodePtr li = n->children; li && !rc; li = li->next) {
		if (xml_is(li, "li")) {
			double key;
			rc = para(c, li, l, DOC_ITEM, 0) || item_key(c, li, &key);
			if (!rc) {
				keys = xrealloc(keys, (size_t)(nkeys + 1) * sizeof *keys);
				keys[nkeys++] = key;
			}
		} else if (xml_is(li, "keuze")) {
			if (choose_keyed(c, li, l, 2, &keys, &nkeys)) {
				free(keys);
				return -1;
			}
		}
	}
	if (!rc && ranked)
		order_items(l, keys, nkeys);
	free(keys);
	return rc ? -1 : 0;
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
		else {
			char *src = doc_figure_source(&c->d->meta);
			if (!(f = figure_from_question(c->st, qs, kind, k ? atoi(k) : 0, heads, src, c->file, line_of(n), c->e)))
				rc = -1;
			free(src);
		}
		free(kind);
		free(k);
		free(heads);
		if (f) {
			doc_append(parent, f);
			f->question = xstrdup(q);
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
		/* per="gebied": the areas of the editions' column (per="provincie" is the same) */
		append_response_table(parent, c->st, per && (!strcmp(per, "provincie") || !strcmp(per, "gebied")));
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
			rc = err_set(c->e, c->file, line_of(n), "open-antwoorden: '%s' is not an open question of vragenlijst.xml; expected the id of a question with soort=\"open\"", q);
		char *mx = !rc ? xml_attr(n, "max") : NULL;
		int max = OPEN_ANSWERS_MAX;
		if (mx) {
			char *end;
			long v = strtol(mx, &end, 10);
			if (*end || v < 1 || v > 100000)
				rc = err_set(c->e, c->file, line_of(n), "open-antwoorden: max='%s'; expected a whole number from 1 to 100000", mx);
			max = (int)v;
		}
		if (!rc)
			append_open_answers(parent, c->st, qs, max);
		free(mx);
		free(q);
		return rc;
	}
	return err_set(c->e, c->file, line_of(n), "unexpected block <%s>; expected a block element of sjabloon.rng", name);
}

static int blocks(ctx *c, xmlNodePtr from, doc_node *parent)
{
	for (xmlNodePtr n = from; n; n = n->next)
		if (n->type == XML_ELEMENT_NODE && block(c, n, parent))
			return -1;
	return 0;
}

/* How the edition names itself, from the kind its <uitgave> declares
 * (soort="land|landsdeel|provincie|..."; without one: land for the whole
 * country, provincie for one province, gebied otherwise): NULL for the
 * country, "Editie provincie Gelderland", "Editie Noord-Nederland
 * (landsdeel)". malloc'd. */
static char *edition_label(xmlDocPtr rapport, const variant *v)
{
	char *kind = NULL;
	xmlNodePtr root = xmlDocGetRootElement(rapport);
	for (xmlNodePtr c = root ? root->children : NULL; c; c = c->next) {
		if (!xml_is(c, "uitgaven"))
			continue;
		for (xmlNodePtr u = c->children; u; u = u->next) {
			if (!xml_is(u, "uitgave"))
				continue;
			char *id = xml_attr(u, "id");
			if (id && !strcmp(id, v->slug))
				kind = xml_attr(u, "soort");
			free(id);
		}
	}
	/* an area no <uitgave soort> declares is named by the term gebied.soort */
	if (!kind && v->nprov > 1)
		return TF("editie.gebied", v->area, T("gebied.soort"));
	/* one area: a province, or an area of the column <uitgaven kolom> names */
	if (!kind)
		kind = xstrdup(v->nprov == 0 ? "land" : v->s->reg->area_column);
	char *s = !strcmp(kind, "land") ? NULL
		  : !strcmp(kind, "provincie") ? TF("editie.provincie", v->area)
		  : TF("editie.gebied", v->area, kind);
	free(kind);
	return s;
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
		else if (!strcmp(n, "bron"))
			m->source = txt;
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
	m->edition = v ? edition_label(meta->doc, v) : NULL;
	m->lang = xstrdup(report_lang());
}

/* Draft mode: a panel before the first chapter says what the marks mean
 * and lists every failing claim with its place in the templates. */
static void concept_legend(doc *d)
{
	doc_node *k = doc_node_new(DOC_PANEL);
	k->text = xstrdup(T("concept.titel"));
	k->id = xstrdup("concept-legenda");
	doc_node *p = doc_append(k, doc_node_new(DOC_PARAGRAPH));
	doc_append_text(p, T(d->nclaims_failed == 1 ? "concept.uitleg.een" : "concept.uitleg.meer"));
	doc_node *l = doc_append(k, doc_node_new(DOC_LIST));
	l->flags |= DOC_DASH_LIST;
	for (int i = 0; i < d->nclaims; i++) {
		if (d->claims[i].holds)
			continue;
		doc_node *it = doc_append(l, doc_node_new(DOC_ITEM));
		char *t = TF("concept.plaats", d->claims[i].file, TN(d->claims[i].line).s, d->claims[i].text);
		doc_append_text(it, t);
		free(t);
	}
	/* before the first chapter, after the title page and contents */
	doc_node *at = d->root->first;
	while (at && at->type != DOC_HEADING)
		at = at->next;
	if (!at) {
		doc_append(d->root, k);
		return;
	}
	k->parent = d->root;
	k->next = at;
	k->prev = at->prev;
	if (at->prev)
		at->prev->next = k;
	else
		d->root->first = k;
	at->prev = k;
}

static int check_figures(const doc_node *n, const questionnaire *qn, struct err *e)
{
	for (const doc_node *c = n->first; c; c = c->next) {
		if (c->type == DOC_FIGURE && c->question && c->number) {
			const question *q = NULL;
			for (int i = 0; i < qn->nquestions && !q; i++)
				if (!strcmp(qn->questions[i].id, c->question))
					q = &qn->questions[i];
			if (q && q->figure && strcmp(q->figure, c->number))
				return err_set(e, c->src_file, c->src_line,
					       "the figure of question '%s' is figuur %s in the report, but the questionnaire "
					       "(line %ld) gives it figuur=\"%s\", which cijfers.csv, codeboek.csv and the "
					       "annex print; expected the same number: set figuur=\"%s\" in the questionnaire, "
					       "or move the figure", q->id, c->number, q->line, q->figure, c->number);
		}
		if (check_figures(c, qn, e))
			return -1;
	}
	return 0;
}

int report_check_figure_numbers(const doc *d, const questionnaire *qn, struct err *e)
{
	return check_figures(d->root, qn, e);
}

static int breakdown_id_taken(const breakdown *b, const char *id)
{
	for (int i = 0; i < b->n; i++)
		if (!strcmp(b->c[i].id, id))
			return 1;
	for (int i = 0; i < b->nunion; i++)
		if (!strcmp(b->u[i].id, id))
			return 1;
	return 0;
}

static int read_breakdown(xmlNodePtr ind, const char *path, breakdown *b, struct err *e)
{
	b->column = xml_attr(ind, "kolom");
	b->name = xml_attr(ind, "naam");
	if (!b->name)
		b->name = xstrdup("klasse");
	int numeric = 0, categorical = 0;
	for (xmlNodePtr k = ind->children; k; k = k->next) {
		if (!xml_is(k, "klasse"))
			continue;
		long line = xmlGetLineNo(k);
		if (b->n == SC_MAX)
			return err_set(e, path, line, "<klasse> number %d; expected at most %d classes in <indeling>", b->n + 1, SC_MAX);
		char *id = xml_attr(k, "id"), *tot = xml_attr(k, "tot"), *val = xml_attr(k, "waarde");
		if (breakdown_id_taken(b, id)) {
			int rc = err_set(e, path, line, "<klasse id=\"%s\"> twice; expected each class once", id);
			free(id), free(tot), free(val);
			return rc;
		}
		breakdown_class *c = &b->c[b->n++];
		c->id = id;
		c->csv = xml_attr(k, "csv");
		if (!c->csv)
			c->csv = xstrdup(id);
		c->label = xml_text(k);
		c->value = val;
		c->below = tot ? strtod(tot, NULL) : HUGE_VAL;
		numeric |= tot != NULL;
		categorical |= val != NULL;
		free(tot);
		if (numeric && categorical)
			return err_set(e, path, line, "<klasse id=\"%s\"> mixes tot and waarde; expected bounds (tot) on a numeric "
				       "column or values (waarde) on a categorical one", c->id);
		if (categorical && !c->value)
			return err_set(e, path, line, "<klasse id=\"%s\"> has no waarde; expected the register value of every class", c->id);
		for (int j = 0; categorical && j < b->n - 1; j++)
			if (!strcmp(b->c[j].value, c->value))
				return err_set(e, path, line, "<klasse id=\"%s\"> waarde=\"%s\" as class '%s'; expected each value once",
					       c->id, c->value, b->c[j].id);
		if (!categorical && b->n > 1 && !(c->below > b->c[b->n - 2].below))
			return err_set(e, path, line, "<klasse id=\"%s\">: %s after tot=\"%.0f\"; expected ascending bounds, and "
				       "only the last class without tot", c->id, isinf(c->below) && isinf(b->c[b->n - 2].below)
				       ? "a second class without tot" : "a bound not above the one before", b->c[b->n - 2].below);
	}
	b->categorical = categorical;
	if (!categorical && !isinf(b->c[b->n - 1].below))
		return err_set(e, path, xmlGetLineNo(ind), "the last <klasse> has tot=\"%.0f\"; expected it without tot, so "
			       "every value has a class", b->c[b->n - 1].below);
	for (xmlNodePtr k = ind->children; k; k = k->next) {
		if (!xml_is(k, "samen"))
			continue;
		long line = xmlGetLineNo(k);
		char *id = xml_attr(k, "id"), *list = xml_attr(k, "klassen");
		int rc = 0;
		if (b->nunion == SC_UNIONS)
			rc = err_set(e, path, line, "<samen> number %d; expected at most %d", b->nunion + 1, SC_UNIONS);
		else if (breakdown_id_taken(b, id))
			rc = err_set(e, path, line, "<samen id=\"%s\">: the id is taken; expected an id no class or union has", id);
		breakdown_union *u = rc ? NULL : &b->u[b->nunion];
		char *save = NULL;
		for (char *w = rc ? NULL : strtok_r(list, " \t\n", &save); w && !rc; w = strtok_r(NULL, " \t\n", &save)) {
			int found = -1;
			for (int i = 0; i < b->n && found < 0; i++)
				if (!strcmp(b->c[i].id, w))
					found = i;
			if (found < 0)
				rc = err_set(e, path, line, "<samen id=\"%s\">: '%s' is no <klasse>; expected ids of the classes above", id, w);
			else if (u->n == SC_MAX)
				rc = err_set(e, path, line, "<samen id=\"%s\">: more than %d classes", id, SC_MAX);
			else
				u->classes[u->n++] = found;
		}
		if (!rc) {
			u->id = id;
			id = NULL;
			b->nunion++;
		}
		free(id);
		free(list);
		if (rc)
			return -1;
	}
	return 0;
}

int templates_breakdown(const templates *t, breakdown *b, struct err *e)
{
	memset(b, 0, sizeof *b);
	xmlNodePtr root = xmlDocGetRootElement(t->rapport);
	for (xmlNodePtr c = root->children; c; c = c->next)
		if (xml_is(c, "indeling")) {
			char *path = xasprintf("%s/rapport.xml", t->dir);
			int rc = read_breakdown(c, path, b, e);
			free(path);
			if (rc)
				breakdown_free(b);
			return rc;
		}
	breakdown_default(b);
	return 0;
}

static const char *rapport_xml_path(const templates *t)
{
	return t->rapport && t->rapport->URL ? (const char *)t->rapport->URL : "rapport.xml";
}

int templates_inputs(const templates *t, template_inputs *in, struct err *e)
{
	memset(in, 0, sizeof *in);
	xmlNodePtr root = xmlDocGetRootElement(t->rapport);
	for (xmlNodePtr c = root->children; c; c = c->next) {
		for (xmlNodePtr m = xml_is(c, "meta") ? c->children : NULL; m; m = m->next) {
			if (!xml_is(m, "taal"))
				continue;
			in->lang = xml_text(m);
			in->lang_line = xmlGetLineNo(m);
			if (!lang_tag_ok(in->lang))
				return err_set(e, rapport_xml_path(t), in->lang_line, "<taal>%s</taal>: not a language tag; "
					       "expected a BCP 47 tag such as nl, nl-NL or en-GB", in->lang);
		}
		if (!xml_is(c, "invoer"))
			continue;
		long line = xmlGetLineNo(c);
		if ((in->questionnaire = xml_attr(c, "vragenlijst")))
			in->questionnaire_line = line;
		if ((in->registry = xml_attr(c, "register")))
			in->registry_line = line;
		if ((in->responses = xml_attr(c, "antwoorden")))
			in->responses_line = line;
	}
	for (xmlNodePtr c = root->children; c; c = c->next)
		if (xml_is(c, "uitgaven"))
			in->area_column = xml_attr(c, "kolom");
	return 0;
}

void templates_inputs_free(template_inputs *in)
{
	free(in->questionnaire);
	free(in->registry);
	free(in->responses);
	free(in->lang);
	free(in->area_column);
	memset(in, 0, sizeof *in);
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
	return report_build_lint(t, st, strict, NULL, NULL, e);
}

doc *report_build_lint(const templates *t, const stats *st, int strict, strbuf *lint, int *nlint, struct err *e)
{
	doc *d = doc_new();
	ctx c = { .t = t, .st = st, .strict = strict, .e = e, .d = d, .lint = lint };
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
			free(c.vals);
			doc_free(d);
			return NULL;
		}
	}
	free(c.vals);
	if (nlint)
		*nlint = c.nlint;
	if (!strict && d->nclaims_failed)
		concept_legend(d);
	return d;
}
