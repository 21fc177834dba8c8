/* doc_html.c: the static HTML writer. It owns everything in out/<variant>/
 * except rapport.pdf and cijfers.csv: index.html (the whole report on one
 * page), stijl.css (copied from the templates) and figuren/ (one SVG and one
 * PNG per chart, drawn by charts/). It also writes the landing page
 * out/index.html that lists every variant.
 *
 * It walks a resolved tree (doc.h) and prints what it finds: every number
 * and every cross-reference text comes from the resolve pass, never from
 * here, so the site and the PDF cannot disagree.
 *
 * Safety: the tree holds open answers typed by respondents. Every string that
 * comes from the tree or the metadata goes through html_esc(), in text and in
 * attributes alike, so no answer can open an element or break out of an
 * attribute. The page has no script and loads nothing from outside out/. */
#include "doc.h"
#include "doc_writers.h"
#include "util.h"
#include "chart.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Decodes one UTF-8 sequence at p (n bytes left). Returns its length and
 * sets *cp, or returns 0 for a malformed sequence. */
static size_t utf8_decode(const unsigned char *p, size_t n, unsigned *cp)
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

/* Code points that must not reach the page: controls other than tab and
 * newline (the Nu checker rejects them, and they are never meant), the soft
 * hyphen (put in for the PDF's line breaking; on the site it only hurts
 * search and copying) and Unicode non-characters. */
static int dropped(unsigned cp)
{
	if (cp == '\t' || cp == '\n')
		return 0;
	if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F))
		return 1;
	if (cp == 0xAD)
		return 1;
	if ((cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE)
		return 1;
	return 0;
}

/* Appends s escaped for HTML text and for double- or single-quoted
 * attribute values. Malformed UTF-8 becomes U+FFFD rather than passing raw
 * bytes on. */
static void html_esc(strbuf *b, const char *s)
{
	if (!s)
		return;
	const unsigned char *p = (const unsigned char *)s;
	size_t n = strlen(s);
	while (n) {
		unsigned cp;
		size_t len = utf8_decode(p, n, &cp);
		if (!len) {
			sb_add(b, "\xEF\xBF\xBD");
			p++, n--;
			continue;
		}
		if (!dropped(cp)) {
			switch (cp) {
			case '&':
				sb_add(b, "&amp;");
				break;
			case '<':
				sb_add(b, "&lt;");
				break;
			case '>':
				sb_add(b, "&gt;");
				break;
			case '"':
				sb_add(b, "&quot;");
				break;
			case '\'':
				sb_add(b, "&#39;");
				break;
			default:
				sb_addn(b, (const char *)p, len);
			}
		}
		p += len, n -= len;
	}
}

/* How inlines are written: in running text; in a footnote's own text
 * (links, but no further footnote markers: a note in a note has nowhere to
 * go); or as the plain label of a contents entry or link (no links inside a
 * link, no footnote markers, no ids that would repeat the heading's). */
typedef enum { IN_TEXT, IN_NOTE, IN_LABEL } inline_mode;

typedef struct {
	strbuf out;
	const doc *d;
	const char *outdir;
	int hlevel;           /* level of the last <hN> written, for heading order */
	const doc_node **notes; /* footnotes met since the last notes list */
	size_t nnotes, capnotes;
	int section_open;     /* a chapter <section> is open */
	char *msg;
	size_t msglen;
	int failed;
} html;

static void block(html *h, const doc_node *n);
static void inlines(html *h, const doc_node *parent, inline_mode mode);

/* Keeps the first failure: it is the cause, later ones may follow from it. */
static void fail(html *h, const char *why)
{
	if (h->failed)
		return;
	h->failed = 1;
	snprintf(h->msg, h->msglen, "%s", why);
}

static void attr(html *h, const char *name, const char *value)
{
	sb_printf(&h->out, " %s=\"", name);
	html_esc(&h->out, value);
	sb_addc(&h->out, '"');
}

/* The id of a footnote's marker in the text, target of the back link. */
static void note_ref_id(strbuf *b, const doc_node *fn)
{
	sb_add(b, "voetnoot-ref-");
	html_esc(b, fn->number ? fn->number : "");
}

static void queue_note(html *h, const doc_node *fn)
{
	if (h->nnotes == h->capnotes) {
		h->capnotes = h->capnotes ? 2 * h->capnotes : 16;
		h->notes = xrealloc(h->notes, h->capnotes * sizeof *h->notes);
	}
	h->notes[h->nnotes++] = fn;
}

static void inline_node(html *h, const doc_node *n, inline_mode mode)
{
	strbuf *o = &h->out;
	switch (n->type) {
	case DOC_TEXT:
	case DOC_VALUE:
		if (n->flags & DOC_ISOLATE) /* respondent text: <bdi> keeps its direction to itself */
			sb_add(o, "<bdi>");
		html_esc(o, n->text);
		if (n->flags & DOC_ISOLATE)
			sb_add(o, "</bdi>");
		break;
	case DOC_EMPH:
		sb_add(o, "<em>");
		inlines(h, n, mode);
		sb_add(o, "</em>");
		break;
	case DOC_STRONG:
		sb_add(o, "<strong>");
		inlines(h, n, mode);
		sb_add(o, "</strong>");
		break;
	case DOC_LINEBREAK:
		sb_add(o, "<br>");
		break;
	case DOC_XREF:
		if (mode != IN_LABEL) {
			sb_add(o, "<a href=\"#");
			html_esc(o, n->target);
			sb_add(o, "\">");
		}
		if (n->first)
			inlines(h, n, IN_LABEL);
		else
			html_esc(o, n->text);
		if (mode != IN_LABEL)
			sb_add(o, "</a>");
		break;
	case DOC_FOOTNOTE:
		if (mode != IN_TEXT)
			break;
		sb_add(o, "<sup class=\"voetnoot-ref\"><a href=\"#");
		html_esc(o, n->id);
		sb_add(o, "\" id=\"");
		note_ref_id(o, n);
		sb_add(o, "\">");
		html_esc(o, n->number);
		sb_add(o, "</a></sup>");
		queue_note(h, n);
		break;
	case DOC_CLAIM:
		/* A claim that no longer holds stays visible, marked, with the
		 * reason on hover, so the editor sees it before publishing. */
		sb_add(o, "<mark class=\"claim-failed\"");
		attr(h, "title", n->text ? n->text : "bewering klopt niet meer");
		sb_add(o, ">");
		inlines(h, n, mode);
		sb_add(o, "</mark>");
		break;
	default:
		/* a block among inlines (a paragraph in a list item) */
		if (mode == IN_TEXT)
			block(h, n);
		break;
	}
}

static void inlines(html *h, const doc_node *parent, inline_mode mode)
{
	for (const doc_node *c = parent->first; c; c = c->next)
		inline_node(h, c, mode);
}

/* Heading level for the next <hN>: the tree's level, but never more than
 * one deeper than the heading before, so a run-in subheading right under a
 * chapter title does not skip a level for screen readers. */
static int next_hlevel(html *h, int want)
{
	int l = want;
	if (l > h->hlevel + 1)
		l = h->hlevel + 1;
	if (l < 1)
		l = 1;
	if (l > 6)
		l = 6;
	h->hlevel = l;
	return l;
}

/* Lists the footnotes met since the last list, with a link back to each
 * marker. Called at the end of every chapter, so a note is near its text. */
static void flush_notes(html *h)
{
	strbuf *o = &h->out;
	if (!h->nnotes)
		return;
	sb_add(o, "<div class=\"noten\">\n<h2 class=\"noten-kop\">Noten</h2>\n<ol class=\"noten-lijst\">\n");
	h->hlevel = 2;
	for (size_t i = 0; i < h->nnotes; i++) {
		const doc_node *fn = h->notes[i];
		sb_add(o, "<li");
		attr(h, "id", fn->id);
		sb_add(o, "><span class=\"nummer\">");
		html_esc(o, fn->number);
		sb_add(o, "</span> ");
		inlines(h, fn, IN_NOTE);
		sb_add(o, " <a class=\"terug\" href=\"#");
		note_ref_id(o, fn);
		sb_add(o, "\" aria-label=\"Terug naar de tekst bij noot ");
		html_esc(o, fn->number);
		sb_add(o, "\">\xE2\x86\xA9\xEF\xB8\x8E</a></li>\n");
	}
	sb_add(o, "</ol>\n</div>\n");
	h->nnotes = 0;
}

static void heading(html *h, const doc_node *n)
{
	strbuf *o = &h->out;
	int l = next_hlevel(h, n->level);
	sb_printf(o, "<h%d", l);
	attr(h, "id", n->id);
	sb_printf(o, " class=\"kop%d%s%s\">", n->level < 1 ? 1 : n->level > 3 ? 3 : n->level,
		  (n->flags & DOC_ANNEX) ? " bijlage" : "",
		  (n->flags & DOC_NEW_PAGE) ? " nieuwe-pagina" : "");
	if (n->number) {
		sb_add(o, "<span class=\"nummer\">");
		if (n->flags & DOC_ANNEX)
			sb_add(o, "Bijlage ");
		html_esc(o, n->number);
		sb_add(o, "</span> ");
	}
	inlines(h, n, IN_TEXT);
	sb_printf(o, "</h%d>\n", l);
}

static int row_cells(const doc_node *row)
{
	int k = 0;
	for (const doc_node *c = row->first; c; c = c->next)
		k += c->type == DOC_TABLE_CELL;
	return k;
}

static void cell_content(html *h, const doc_node *cell)
{
	for (const doc_node *c = cell->first; c; c = c->next) {
		if (doc_is_block(c->type))
			block(h, c);
		else
			inline_node(h, c, IN_TEXT);
	}
}

/* A table with header rows in <thead> (th scope=col) and, where there is a
 * header and more than one column, the first cell of every body row as its
 * row header (th scope=row), so a screen reader names each number. */
static void table(html *h, const doc_node *t)
{
	strbuf *o = &h->out;
	int has_header = 0, ncols = 0;
	for (const doc_node *r = t->first; r; r = r->next) {
		if (r->type != DOC_TABLE_ROW)
			continue;
		if (r->flags & DOC_HEADER_ROW)
			has_header = 1;
		if (row_cells(r) > ncols)
			ncols = row_cells(r);
	}
	int row_headers = has_header && ncols > 1;
	/* wide tables scroll inside their own box instead of widening the page;
	 * the box takes focus so keyboard users can scroll it too */
	sb_add(o, "<div class=\"tabel-kader\" tabindex=\"0\">\n");
	sb_add(o, (t->flags & DOC_DATA_TABLE) ? "<table class=\"tabel cijfers\">\n" : "<table class=\"tabel\">\n");
	int in_head = 0, in_body = 0;
	for (const doc_node *r = t->first; r; r = r->next) {
		if (r->type != DOC_TABLE_ROW)
			continue;
		int head = (r->flags & DOC_HEADER_ROW) != 0;
		if (head && !in_body && !in_head) {
			sb_add(o, "<thead>\n");
			in_head = 1;
		} else if (!head && !in_body) {
			if (in_head)
				sb_add(o, "</thead>\n");
			in_head = 0;
			sb_add(o, "<tbody>\n");
			in_body = 1;
		}
		sb_add(o, "<tr>");
		int col = 0;
		for (const doc_node *c = r->first; c; c = c->next, col++) {
			if (c->type != DOC_TABLE_CELL)
				continue;
			const char *tag = head ? "th" : (row_headers && col == 0) ? "th" : "td";
			sb_printf(o, "<%s", tag);
			if (head)
				sb_add(o, " scope=\"col\"");
			else if (tag[1] == 'h')
				sb_add(o, " scope=\"row\"");
			if (c->flags & DOC_NUMERIC)
				sb_add(o, " class=\"getal\"");
			sb_add(o, ">");
			cell_content(h, c);
			sb_printf(o, "</%s>", tag);
		}
		sb_add(o, "</tr>\n");
	}
	if (in_head)
		sb_add(o, "</thead>\n");
	if (in_body)
		sb_add(o, "</tbody>\n");
	sb_add(o, "</table>\n</div>\n");
}

/* Writes one file of a chart into figuren/; on failure marks the page
 * failed with the writer's message. */
static void chart_file(html *h, const char *stem, const char *suffix, const char *data)
{
	char *path = xasprintf("%s/figuren/%s%s", h->outdir, stem, suffix);
	if (write_file(path, data, strlen(data)) != 0) {
		char *m = xasprintf("%s: cannot write chart file", path);
		fail(h, m);
		free(m);
	}
	free(path);
}

/* Draws the chart into figuren/ and writes the <picture>: the wide SVG,
 * and for screens up to 600 px the narrow form (labels above the bars,
 * larger type), so chart text reads at 12 px or more on a phone. Size
 * attributes come from the layout (one SVG unit per CSS pixel), so the page
 * keeps the image's place while it loads. Under the image the downloads:
 * the chart's numbers as CSV (from the chart model), the SVG and a PNG.
 * Only files that are linked are written. */
static void chart_image(html *h, const doc_node *fig)
{
	const chart *c = fig->chart;
	const char *stem = c->id ? c->id : fig->id;
	char msg[512];
	char *png = xasprintf("%s/figuren/%s.png", h->outdir, stem);
	if (chart_write_png(c, HTML_CHART_WIDTH_PT, HTML_CHART_SCALE, png, msg, sizeof msg))
		fail(h, msg);
	free(png);

	long w = lround(HTML_CHART_WIDTH_PT), hgt = 0;
	chart_layout *wide = h->failed ? NULL : chart_layout_new(c, HTML_CHART_WIDTH_PT);
	chart_layout *narrow = h->failed ? NULL : chart_layout_new_form(c, CHART_NARROW_WIDTH_PT, CHART_NARROW);
	if (wide && narrow) {
		w = lround(chart_layout_width(wide));
		hgt = lround(chart_layout_height(wide));
		char *svg = chart_layout_svg(wide, c, stem);
		chart_file(h, stem, ".svg", svg);
		free(svg);
		char *prefix = xasprintf("%s-smal", stem);
		svg = chart_layout_svg(narrow, c, prefix);
		chart_file(h, stem, "-smal.svg", svg);
		free(svg);
		free(prefix);
		char *csv = chart_csv(c);
		chart_file(h, stem, ".csv", csv);
		free(csv);
	} else if (!h->failed) {
		char *m = xasprintf("chart %s: cannot lay out", stem);
		fail(h, m);
		free(m);
	}
	chart_layout_free(wide);
	chart_layout_free(narrow);

	char *alt = NULL;
	if (fig->alt && *fig->alt)
		alt = xstrdup(fig->alt);
	else
		alt = chart_alt_text(c);
	if (!alt || !*alt) {
		free(alt);
		alt = xasprintf("Figuur %s", fig->number ? fig->number : "");
	}
	strbuf *o = &h->out;
	sb_add(o, "<picture>\n<source media=\"(max-width: 600px)\" srcset=\"figuren/");
	html_esc(o, stem);
	sb_add(o, "-smal.svg\">\n<img src=\"figuren/");
	html_esc(o, stem);
	sb_add(o, ".svg\"");
	attr(h, "alt", alt);
	sb_printf(o, " width=\"%ld\" height=\"%ld\">\n</picture>\n", w, hgt);
	free(alt);

	const char *num = fig->number ? fig->number : "";
	sb_add(o, "<p class=\"downloads\">Download figuur ");
	html_esc(o, num);
	sb_add(o, ": ");
	static const char *const kinds[3][2] = {
		{ ".csv", "cijfers (CSV)" }, { ".svg", "SVG" }, { ".png", "PNG" },
	};
	for (int k = 0; k < 3; k++) {
		sb_add(o, k ? " · <a href=\"figuren/" : "<a href=\"figuren/");
		html_esc(o, stem);
		sb_add(o, kinds[k][0]);
		sb_add(o, "\" download>");
		sb_add(o, kinds[k][1]);
		sb_add(o, "</a>");
	}
	sb_add(o, "</p>\n");
}

/* A figure: caption first (the reader learns what the chart shows before
 * looking), then the chart image or the text table, then for a chart the
 * numbers behind it in a closed <details>. <figcaption> must be the first
 * or last child of <figure>, so it cannot sit between image and details. */
static void figure(html *h, const doc_node *f)
{
	strbuf *o = &h->out;
	const char *num = f->number ? f->number : "";
	sb_add(o, "<figure");
	attr(h, "id", f->id);
	sb_add(o, f->chart ? " class=\"figuur grafiek\">\n" : " class=\"figuur\">\n");
	sb_add(o, "<figcaption><span class=\"nummer\">Figuur ");
	html_esc(o, num);
	sb_add(o, ":</span> ");
	for (const doc_node *c = f->first; c; c = c->next)
		if (c->type == DOC_CAPTION)
			inlines(h, c, IN_TEXT);
	sb_add(o, "</figcaption>\n");
	if (f->chart)
		chart_image(h, f);
	for (const doc_node *c = f->first; c; c = c->next) {
		if (c->type == DOC_CAPTION)
			continue;
		if (c->type == DOC_TABLE && (c->flags & DOC_DATA_TABLE)) {
			sb_add(o, "<details class=\"cijfers\">\n<summary>Cijfers bij figuur ");
			html_esc(o, num);
			sb_add(o, "</summary>\n");
			table(h, c);
			sb_add(o, "</details>\n");
		} else {
			block(h, c);
		}
	}
	sb_add(o, "</figure>\n");
}

static void list(html *h, const doc_node *l)
{
	strbuf *o = &h->out;
	const char *tag = (l->flags & DOC_ORDERED) ? "ol" : "ul";
	sb_printf(o, "<%s%s>\n", tag, (l->flags & DOC_DASH_LIST) ? " class=\"streepjes\"" : "");
	for (const doc_node *c = l->first; c; c = c->next) {
		sb_add(o, "<li>");
		if (c->type == DOC_ITEM)
			cell_content(h, c);
		else
			block(h, c);
		sb_add(o, "</li>\n");
	}
	sb_printf(o, "</%s>\n", tag);
}

/* A panel (kader). Its title is a heading one level below the text around
 * it. Inside a chapter <section> an unnamed <aside> is not a landmark of its
 * own, which keeps a page with many panels free of duplicate landmarks. */
static void panel(html *h, const doc_node *p)
{
	strbuf *o = &h->out;
	int outer = h->hlevel;
	sb_add(o, "<aside");
	attr(h, "id", p->id);
	sb_add(o, " class=\"kader\">\n");
	if (p->text && *p->text) {
		int l = next_hlevel(h, outer + 1);
		sb_printf(o, "<h%d class=\"kader-titel\">", l);
		html_esc(o, p->text);
		sb_printf(o, "</h%d>\n", l);
	}
	for (const doc_node *c = p->first; c; c = c->next)
		block(h, c);
	sb_add(o, "</aside>\n");
	h->hlevel = outer;
}

/* Writes one block node. An inline node met at block level (text directly
 * in a list item or cell) is written as it is: the caller's element holds
 * it. */
static void block(html *h, const doc_node *n)
{
	strbuf *o = &h->out;
	switch (n->type) {
	case DOC_HEADING:
		heading(h, n);
		break;
	case DOC_PARAGRAPH:
		sb_add(o, (n->flags & DOC_INTRO) ? "<p class=\"vraag\">" : "<p>");
		inlines(h, n, IN_TEXT);
		sb_add(o, "</p>\n");
		break;
	case DOC_LIST:
		list(h, n);
		break;
	case DOC_ITEM:
		cell_content(h, n);
		break;
	case DOC_PANEL:
		panel(h, n);
		break;
	case DOC_QUOTE:
		sb_add(o, "<blockquote>\n");
		cell_content(h, n);
		sb_add(o, "</blockquote>\n");
		break;
	case DOC_FIGURE:
		figure(h, n);
		break;
	case DOC_TABLE:
		table(h, n);
		break;
	case DOC_CAPTION:
		sb_add(o, "<p class=\"bijschrift\">");
		inlines(h, n, IN_TEXT);
		sb_add(o, "</p>\n");
		break;
	case DOC_TABLE_ROW:
	case DOC_TABLE_CELL:
	case DOC_DOCUMENT:
	case DOC_TITLEPAGE:
	case DOC_TOC:
		/* rows and cells are written by table(); the title page and the
		 * contents come before <main>, see body() */
		break;
	default:
		inline_node(h, n, IN_TEXT);
		break;
	}
}

static void titlepage(html *h)
{
	const doc_meta *m = &h->d->meta;
	strbuf *o = &h->out;
	sb_add(o, "<header class=\"titelpagina\">\n");
	if (m->doctype) {
		sb_add(o, "<p class=\"soort\">");
		html_esc(o, m->doctype);
		sb_add(o, "</p>\n");
	}
	sb_add(o, "<h1 class=\"titel\">");
	html_esc(o, m->title ? m->title : "Rapport");
	sb_add(o, "</h1>\n");
	h->hlevel = 1;
	if (m->subtitle) {
		sb_add(o, "<p class=\"ondertitel\">");
		html_esc(o, m->subtitle);
		sb_add(o, "</p>\n");
	}
	if (m->area) {
		sb_add(o, "<p class=\"gebied\">");
		html_esc(o, m->area);
		sb_add(o, "</p>\n");
	}
	if (m->client || m->authors[0]) {
		sb_add(o, "<dl class=\"adres\">\n");
		if (m->client) {
			sb_add(o, "<dt>Aan</dt><dd>");
			html_esc(o, m->client);
			sb_add(o, "</dd>\n");
		}
		if (m->authors[0]) {
			sb_add(o, "<dt>Van</dt>");
			for (int i = 0; i < 8 && m->authors[i]; i++) {
				sb_add(o, "<dd>");
				html_esc(o, m->authors[i]);
				sb_add(o, "</dd>");
			}
			sb_add(o, "\n");
		}
		sb_add(o, "</dl>\n");
	}
	if (m->place || m->date) {
		sb_add(o, "<p class=\"plaats-datum\">");
		html_esc(o, m->place);
		if (m->place && m->date)
			sb_add(o, ", ");
		html_esc(o, m->date);
		sb_add(o, "</p>\n");
	}
	sb_add(o, "</header>\n");
}

static void toc_entry(html *h, const doc_node *n)
{
	strbuf *o = &h->out;
	sb_add(o, "<li><a href=\"#");
	html_esc(o, n->id);
	sb_add(o, "\">");
	if (n->number) {
		sb_add(o, "<span class=\"nummer\">");
		if (n->flags & DOC_ANNEX)
			sb_add(o, "Bijlage ");
		html_esc(o, n->number);
		sb_add(o, "</span> ");
	}
	inlines(h, n, IN_LABEL);
	sb_add(o, "</a>");
}

/* The contents: every chapter, section and annex, nested, linking to the
 * heading's id. Only headings directly under the document count; a heading
 * inside a panel is part of the panel. */
static void toc(html *h)
{
	strbuf *o = &h->out;
	sb_add(o, "<nav class=\"inhoud\" aria-labelledby=\"inhoudsopgave\">\n"
		  "<h2 id=\"inhoudsopgave\">Inhoudsopgave</h2>\n<ol>\n");
	h->hlevel = 2;
	int open_li = 0, open_sub = 0;
	for (const doc_node *n = h->d->root->first; n; n = n->next) {
		if (n->type != DOC_HEADING || !n->id || n->level > 2)
			continue;
		if (n->level == 1 || !open_li) {
			if (open_sub)
				sb_add(o, "</ol>");
			if (open_li)
				sb_add(o, "</li>\n");
			open_sub = 0;
			toc_entry(h, n);
			open_li = 1;
			continue;
		}
		if (!open_sub) {
			sb_add(o, "\n<ol>\n");
			open_sub = 1;
		}
		toc_entry(h, n);
		sb_add(o, "</li>\n");
	}
	if (open_sub)
		sb_add(o, "</ol>");
	if (open_li)
		sb_add(o, "</li>\n");
	sb_add(o, "</ol>\n</nav>\n");
}

static void head(html *h)
{
	const doc_meta *m = &h->d->meta;
	strbuf *o = &h->out;
	sb_add(o, "<!DOCTYPE html>\n<html");
	attr(h, "lang", m->lang && *m->lang ? m->lang : "nl");
	sb_add(o, ">\n<head>\n<meta charset=\"utf-8\">\n"
		  "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
		  "<title>");
	html_esc(o, m->title && *m->title ? m->title : "Rapport");
	if (m->area && *m->area) {
		sb_add(o, " \xE2\x80\x93 ");
		html_esc(o, m->area);
	}
	sb_add(o, "</title>\n");
	if (m->subtitle) {
		sb_add(o, "<meta name=\"description\"");
		attr(h, "content", m->subtitle);
		sb_add(o, ">\n");
	}
	if (m->keywords) {
		sb_add(o, "<meta name=\"keywords\"");
		attr(h, "content", m->keywords);
		sb_add(o, ">\n");
	}
	sb_add(o, "<link rel=\"stylesheet\" href=\"stijl.css\">\n</head>\n");
}

static void body(html *h)
{
	strbuf *o = &h->out;
	const doc_node *root = h->d->root;
	int has_tp = 0, has_toc = 0;
	for (const doc_node *n = root->first; n; n = n->next) {
		has_tp |= n->type == DOC_TITLEPAGE;
		has_toc |= n->type == DOC_TOC;
	}
	sb_add(o, "<body>\n");
	if (has_tp)
		titlepage(h);
	if (has_toc)
		toc(h);
	sb_add(o, "<main id=\"inhoud\">\n");
	for (const doc_node *n = root->first; n; n = n->next) {
		if (n->type == DOC_HEADING && n->level == 1) {
			flush_notes(h);
			if (h->section_open)
				sb_add(o, "</section>\n");
			sb_add(o, (n->flags & DOC_ANNEX) ? "<section class=\"hoofdstuk bijlage\">\n"
							 : "<section class=\"hoofdstuk\">\n");
			h->section_open = 1;
		}
		block(h, n);
	}
	flush_notes(h);
	if (h->section_open)
		sb_add(o, "</section>\n");
	/* publish.c/changes.c write wijzigingen.html beside every edition */
	sb_add(o, "<p class=\"wijzigingen\"><a href=\"wijzigingen.html\">Wijzigingen sinds de vorige publicatie</a></p>\n");
	sb_add(o, "</main>\n</body>\n</html>\n");
}

static int copy_file(const char *from, const char *to)
{
	struct err e;
	size_t len;
	char *data = read_file(from, &len, &e);
	if (!data)
		return -1;
	int rc = write_file(to, data, len);
	free(data);
	return rc;
}

int doc_write_html(const doc *d, const char *outdir, const char *css_path,
		   char *msg, size_t msglen)
{
	html h = { 0 };
	h.d = d;
	h.outdir = outdir;
	h.msg = msg;
	h.msglen = msglen;
	if (msglen)
		msg[0] = 0;

	char *figdir = xasprintf("%s/figuren", outdir);
	if (mkdir_p(figdir)) {
		snprintf(msg, msglen, "%s: kan de map niet maken", figdir);
		free(figdir);
		return -1;
	}
	free(figdir);

	if (css_path) {
		char *css_out = xasprintf("%s/stijl.css", outdir);
		int rc = copy_file(css_path, css_out);
		free(css_out);
		if (rc) {
			snprintf(msg, msglen, "%s: kan het stijlblad niet kopiëren naar %s", css_path,
				 outdir);
			return -1;
		}
	}

	sb_init(&h.out);
	head(&h);
	body(&h);
	free(h.notes);
	if (h.failed) {
		sb_free(&h.out);
		return -1;
	}
	char *path = xasprintf("%s/index.html", outdir);
	int rc = write_file(path, h.out.s, h.out.len);
	if (rc)
		snprintf(msg, msglen, "%s: kan niet schrijven", path);
	free(path);
	sb_free(&h.out);
	return rc ? -1 : 0;
}

/* out/index.html: one entry per variant, with its web page and its PDF.
 * It borrows the first variant's stylesheet, so the landing page looks like
 * the reports without a copy of its own. */
int html_write_landing(const char *outroot, const char *const *variants,
		       const char *const *names, int n, char *msg, size_t msglen)
{
	return html_write_landing_areas(outroot, variants, names, n, NULL, 0, msg, msglen);
}

int html_write_landing_areas(const char *outroot, const char *const *variants, const char *const *names, int n,
			     const landing_redirect *red, int nred, char *msg, size_t msglen)
{
	if (msglen)
		msg[0] = 0;
	strbuf o;
	sb_init(&o);
	sb_add(&o, "<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n"
		   "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
		   "<title>De \xE2\x80\x98" "doe-democratie\xE2\x80\x99: rapportage per gebied</title>\n");
	if (n > 0) {
		sb_add(&o, "<link rel=\"stylesheet\" href=\"");
		html_esc(&o, variants[0]);
		sb_add(&o, "/stijl.css\">\n");
	}
	sb_add(&o, "</head>\n<body>\n<main id=\"inhoud\" class=\"start\">\n"
		   "<h1>De \xE2\x80\x98" "doe-democratie\xE2\x80\x99</h1>\n"
		   "<p>Resultaten van een online enqu\xC3\xAAte onder Nederlandse gemeenten "
		   "(2013), voor heel Nederland, per landsdeel en per provincie. Elke rapportage is er als "
		   "webpagina en als PDF.</p>\n<ul class=\"varianten\">\n");
	for (int i = 0; i < n; i++) {
		const char *name = names && names[i] ? names[i] : variants[i];
		sb_add(&o, "<li><a href=\"");
		html_esc(&o, variants[i]);
		sb_add(&o, "/index.html\">");
		html_esc(&o, name);
		sb_add(&o, "</a> <a class=\"pdf\" href=\"");
		html_esc(&o, variants[i]);
		sb_add(&o, "/rapport.pdf\">PDF ");
		html_esc(&o, name);
		sb_add(&o, "</a></li>\n");
	}
	sb_add(&o, "</ul>\n");
	if (nred > 0) {
		/* areas without an edition of their own: where their readers go */
		sb_add(&o, "<p>Uit een aantal provincies deden te weinig gemeenten mee voor een eigen uitgave; "
			   "de cijfers van die gemeenten staan in de uitgave van hun landsdeel en in die voor heel Nederland.</p>\n"
			   "<ul class=\"verwijzingen\">\n");
		for (int i = 0; i < nred; i++) {
			sb_add(&o, "<li>");
			html_esc(&o, red[i].area);
			sb_printf(&o, " (%d %s)", red[i].gemeenten, red[i].gemeenten == 1 ? "gemeente" : "gemeenten");
			if (red[i].slug) {
				sb_add(&o, ": zie <a href=\"");
				html_esc(&o, red[i].slug);
				sb_add(&o, "/index.html\">");
				html_esc(&o, red[i].name);
				sb_add(&o, "</a>");
			}
			sb_add(&o, "</li>\n");
		}
		sb_add(&o, "</ul>\n");
	}
	sb_add(&o, "</main>\n</body>\n</html>\n");
	if (mkdir_p(outroot)) {
		snprintf(msg, msglen, "%s: kan de map niet maken", outroot);
		sb_free(&o);
		return -1;
	}
	char *path = xasprintf("%s/index.html", outroot);
	int rc = write_file(path, o.s, o.len);
	if (rc)
		snprintf(msg, msglen, "%s: kan niet schrijven", path);
	free(path);
	sb_free(&o);
	return rc ? -1 : 0;
}
