/* doc_html.c: the static HTML writer. It owns everything in out/<variant>/
 * except rapport.pdf, cijfers.csv and codeboek.csv: index.html (the whole
 * report on one page), stijl.css (the template's, followed by the column
 * headings of this page's wide tables, colset_css), favicon.svg and
 * figuren/ (per chart a wide and a narrow SVG, a CSV and a PNG download,
 * drawn by charts/). It also writes the landing page out/index.html with
 * its own start.css.
 *
 * It walks a resolved tree (doc.h) and prints what it finds: every number
 * and every cross-reference text comes from the resolve pass, never from
 * here, so the site and the PDF cannot disagree.
 *
 * The page is a publication, not a bare document: a skip link, a site
 * header (landing page, other editions, PDF with size and page count, data
 * and codebook), the contents as a sticky side column on wide screens and a
 * collapsible list on narrow ones, a permalink beside every heading, "naar
 * boven" and links to the previous and next chapter at the end of every
 * chapter, and a colofon. One <h1> (the title); chapters are <h2>,
 * sections <h3>, run-in subheadings one level below the heading they
 * follow.
 *
 * Hyphenation: running text is left to the browser (lang="nl" with
 * hyphens:auto), because a soft hyphen in the page travels with copied text
 * in Chromium (the clipboard then holds "onder\u00ADsteuning") and breaks
 * find-in-page there; a reader must be able to copy and search the plain
 * words. Only the header cells of tables (column headings and row labels),
 * which must wrap inside narrow columns on a phone and are labels rather
 * than text to quote, carry soft hyphens at the points libhyphen allows
 * (the same Dutch patterns and rules as the PDF, hyphenate.c).
 *
 * Safety: the tree holds open answers typed by respondents. Every string that
 * comes from the tree or the metadata goes through markup_esc(), in text and in
 * attributes alike, so no answer can open an element or break out of an
 * attribute. The page has no script and loads nothing from outside out/. */
#include "terms.h"
#include "doc.h"
#include "doc_writers.h"
#include "hyphenate.h"
#include "text.h"
#include "util.h"
#include "chart.h"

#include <math.h>
#include <stdlib.h>
#include <errno.h>
#include <string.h>

/* How inlines are written: in running text; in a footnote's own text
 * (links, but no further footnote markers: a note in a note has nowhere to
 * go); or as the plain label of a contents entry or link (no links inside a
 * link, no footnote markers, no ids that would repeat the heading's). */
typedef enum { IN_TEXT, IN_NOTE, IN_LABEL } inline_mode;

typedef struct {
	strbuf out;
	const doc *d;
	const char *outdir;
	const html_site *site;
	hyph *hy;             /* Dutch patterns for soft hyphens; NULL: none */
	int shy;              /* writing a table's header cell: soft hyphens */
	int hlevel;           /* level of the last <hN> written, for heading order */
	int hwant[8], heff[8], hdepth; /* open headings: tree level + 1 and the <hN> each got */
	const doc_node **notes; /* footnotes met since the last notes list */
	size_t nnotes, capnotes;
	const char *chapter_id; /* id of the chapter being written */
	int section_open;     /* a chapter <section> is open */
	char **colsets;       /* column headings of the wide tables, one string per distinct set */
	size_t ncolsets;
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
	markup_esc(&h->out, value);
	sb_addc(&h->out, '"');
}

/* Text of the tree: with soft hyphens in table header cells, plain
 * elsewhere. */
static void text(html *h, const char *s, inline_mode mode)
{
	if (h->shy && h->hy && mode != IN_LABEL && s) {
		char *t = hyph_text(h->hy, s);
		markup_escn(&h->out, t, strlen(t), 1);
		free(t);
	} else {
		markup_esc(&h->out, s);
	}
}

/* The id of a footnote's marker in the text, target of the back link. */
static void note_ref_id(strbuf *b, const doc_node *fn)
{
	sb_add(b, "voetnoot-ref-");
	markup_esc(b, fn->number ? fn->number : "");
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
		text(h, n->text, mode);
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
			markup_esc(o, n->target);
			sb_add(o, "\">");
		}
		if (n->first)
			inlines(h, n, IN_LABEL);
		else
			markup_esc(o, n->text);
		if (mode != IN_LABEL)
			sb_add(o, "</a>");
		break;
	case DOC_FOOTNOTE:
		if (mode != IN_TEXT)
			break;
		sb_add(o, "<sup class=\"voetnoot-ref\"><a href=\"#");
		markup_esc(o, n->id);
		sb_add(o, "\" id=\"");
		note_ref_id(o, n);
		sb_add(o, "\">");
		markup_esc(o, n->number);
		sb_add(o, "</a></sup>");
		queue_note(h, n);
		break;
	case DOC_LANG: /* a passage in another language: read with its own voice, hyphenated by its own rules */
		sb_add(o, "<span");
		attr(h, "lang", n->lang);
		sb_add(o, ">");
		inlines(h, n, mode);
		sb_add(o, "</span>");
		break;
	case DOC_CLAIM:
		/* A claim that no longer holds stays visible, marked, with the
		 * reason on hover, so the editor sees it before publishing. */
		sb_add(o, "<mark class=\"claim-failed\"");
		attr(h, "title", n->text ? n->text : T("html.bewering_klopt_niet"));
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

/* Heading level for the next <hN>: one below the tree's level (the title is
 * the page's only <h1>), but never more than one deeper than the heading
 * before, so a run-in subheading right under a chapter title does not skip
 * a level for screen readers. */
static int next_hlevel(html *h, int want)
{
	int l = want;
	if (l > h->hlevel + 1)
		l = h->hlevel + 1;
	if (l < 2)
		l = 2;
	if (l > 6)
		l = 6;
	h->hlevel = l;
	return l;
}

/* The permalink beside a heading: a visible "#" whose accessible name says
 * where it leads. It sits after the heading, not inside it, so the
 * heading's own name stays its text. */
static void permalink(html *h, const char *id, const char *label)
{
	if (!id || !*id)
		return;
	strbuf *o = &h->out;
	sb_add(o, "<a class=\"anker\" href=\"#");
	markup_esc(o, id);
	sb_add(o, "\"");
	char *l = TF("html.anker", label ? label : "");
	attr(h, "aria-label", l);
	free(l);
	sb_add(o, "><span aria-hidden=\"true\">#</span></a>");
}

/* Lists the footnotes met since the last list, with a link back to each
 * marker. Called at the end of every chapter, so a note is near its text. */
static void flush_notes(html *h)
{
	strbuf *o = &h->out;
	if (!h->nnotes)
		return;
	char *id = xasprintf("noten-%s", h->chapter_id ? h->chapter_id : "tekst");
	sb_add(o, "<div class=\"noten\">\n<div class=\"kop\"><h3 class=\"noten-kop\"");
	attr(h, "id", id);
	sb_add(o, ">");
	markup_esc(o, T("html.noten"));
	sb_add(o, "</h3>");
	permalink(h, id, T("html.noten"));
	sb_add(o, "</div>\n<ol class=\"noten-lijst\">\n");
	free(id);
	h->hlevel = 3;
	for (size_t i = 0; i < h->nnotes; i++) {
		const doc_node *fn = h->notes[i];
		sb_add(o, "<li");
		attr(h, "id", fn->id);
		sb_add(o, "><span class=\"nummer\">");
		markup_esc(o, fn->number);
		sb_add(o, "</span> ");
		inlines(h, fn, IN_NOTE);
		sb_add(o, " <a class=\"terug\" href=\"#");
		note_ref_id(o, fn);
		sb_add(o, "\"");
		char *back = TF("html.terug_naar_noot", fn->number ? fn->number : "");
		attr(h, "aria-label", back);
		free(back);
		sb_add(o, ">\xE2\x86\xA9\xEF\xB8\x8E</a></li>\n");
	}
	sb_add(o, "</ol>\n</div>\n");
	h->nnotes = 0;
}

/* A heading's number as the reader sees it: "2.1", or for an annex
 * "Bijlage A". NULL when it has none; malloc'd. */
static char *heading_number(const doc_node *n)
{
	if (!n->number)
		return NULL;
	return (n->flags & DOC_ANNEX) ? TF("doc.bijlage", n->number) : xstrdup(n->number);
}

/* A heading's number and text as one plain string ("2.1 Inleiding",
 * "Bijlage A Methodologische verantwoording"). malloc'd. */
static char *heading_label(const doc_node *n)
{
	char *t = doc_plain_text(n);
	char *num = heading_number(n);
	char *l = num ? xasprintf("%s %s", num, t) : xstrdup(t);
	free(num);
	free(t);
	return l;
}

/* The <hN> of a heading of the tree: one below the heading it stands
 * under (the last one of a lower tree level), never deeper than the tree
 * says. Siblings get the same level: "Vraag 1." to "Vraag 17." in Bijlage C
 * are all h3 (Vraag 1 was h3 and 2-17 h4, nested under it). */
static int heading_hlevel(html *h, int want)
{
	while (h->hdepth > 0 && h->hwant[h->hdepth - 1] >= want)
		h->hdepth--;
	int parent = h->hdepth ? h->heff[h->hdepth - 1] : 1;
	int l = want > parent + 1 ? parent + 1 : want;
	if (l < 2)
		l = 2;
	if (l > 6)
		l = 6;
	if (h->hdepth < 8) {
		h->hwant[h->hdepth] = want;
		h->heff[h->hdepth++] = l;
	}
	h->hlevel = l;
	return l;
}

static void heading(html *h, const doc_node *n)
{
	strbuf *o = &h->out;
	int l = heading_hlevel(h, n->level + 1);
	sb_add(o, "<div class=\"kop\">");
	sb_printf(o, "<h%d", l);
	attr(h, "id", n->id);
	sb_printf(o, " class=\"kop%d%s%s\">", n->level < 1 ? 1 : n->level > 3 ? 3 : n->level,
		  (n->flags & DOC_ANNEX) ? " bijlage" : "",
		  (n->flags & DOC_NEW_PAGE) ? " nieuwe-pagina" : "");
	if (n->number) {
		char *num = heading_number(n);
		sb_add(o, "<span class=\"nummer\">");
		markup_esc(o, num);
		sb_add(o, "</span> ");
		free(num);
	}
	inlines(h, n, IN_TEXT);
	sb_printf(o, "</h%d>", l);
	char *label = heading_label(n);
	permalink(h, n->id, label);
	free(label);
	sb_add(o, "</div>\n");
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

/* Does any body cell of t read "–" (no answers in that group)? Then the
 * caption says what the dash means. */
static int has_dash(const doc_node *t)
{
	for (const doc_node *r = t->first; r; r = r->next)
		for (const doc_node *c = r->first; c; c = c->next)
			if (c->type == DOC_TABLE_CELL && c->first && c->first->type == DOC_TEXT && c->first->text &&
			    !strcmp(c->first->text, "\xE2\x80\x93"))
				return 1;
	return 0;
}

/* A table's caption: its own (->text, set by the generated annex tables),
 * or for a table in a figure the figure's number and caption, or the title
 * of the panel or the heading it stands under. */
static void table_caption(html *h, const doc_node *t)
{
	strbuf *o = &h->out;
	const doc_node *fig = t->parent && t->parent->type == DOC_FIGURE ? t->parent : NULL;
	int data = (t->flags & DOC_DATA_TABLE) != 0;
	/* a table that is a figure's content is named by its <figcaption>;
	 * the numbers behind a chart are named under their <summary>: both
	 * repeat it for screen readers only */
	sb_add(o, fig ? "<caption class=\"vh\">" : "<caption>");
	if (t->text && *t->text) {
		text(h, t->text, IN_TEXT);
	} else if (fig) {
		char *name = TF(data ? "doc.cijfers_bij_figuur" : "doc.figuur", fig->number ? fig->number : "");
		markup_esc(o, name);
		free(name);
		sb_add(o, ": ");
		for (const doc_node *c = fig->first; c; c = c->next)
			if (c->type == DOC_CAPTION)
				inlines(h, c, IN_LABEL);
	} else {
		const doc_node *at = NULL;
		for (const doc_node *p = t->parent; p && !at; p = p->parent)
			if (p->type == DOC_PANEL && p->text)
				at = p;
		if (at) {
			markup_esc(o, at->text);
		} else {
			const doc_node *hd = NULL;
			for (const doc_node *p = t; p && !hd; p = p->prev ? p->prev : NULL)
				if (p->type == DOC_HEADING)
					hd = p;
			char *l = hd ? heading_label(hd) : xstrdup(T("html.tabel"));
			markup_esc(o, l);
			free(l);
		}
	}
	/* a table that says what its dashes mean does so in its own caption */
	if (!(t->text && *t->text) && has_dash(t)) {
		sb_add(o, " <span class=\"legenda\">(");
		markup_esc(o, T("html.legenda.streep"));
		sb_add(o, ")</span>");
	}
	sb_add(o, "</caption>\n");
}

/* The plain text of the first header row's cells, one per column (NULL
 * where there is none), for the labels of a reflowed table. */
static char **column_labels(const doc_node *t, int ncols)
{
	char **lab = xcalloc((size_t)ncols, sizeof *lab);
	for (const doc_node *r = t->first; r; r = r->next) {
		if (r->type != DOC_TABLE_ROW || !(r->flags & DOC_HEADER_ROW))
			continue;
		int col = 0;
		for (const doc_node *c = r->first; c && col < ncols; c = c->next)
			if (c->type == DOC_TABLE_CELL)
				lab[col++] = doc_plain_text(c);
		break;
	}
	return lab;
}

/* A table too wide for a phone: more than five columns, or column headings
 * (besides the row headers') of more than 40 characters together, which
 * side by side in a 390 px screen wrap into towers of syllables. On narrow
 * screens such a table reflows (stijl.css, table.breed): each row a block,
 * its row header on top, every number on a line of its own beside its
 * column heading. */
#define WIDE_TABLE_HEADINGS 40
static size_t utf8_length(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

static int is_wide(char **lab, int ncols, int rh)
{
	if (ncols > 5)
		return 1;
	size_t chars = 0;
	for (int i = 0; i < ncols; i++)
		if (i != rh && lab[i])
			chars += utf8_length(lab[i]);
	return chars > WIDE_TABLE_HEADINGS;
}

/* The number (1, 2, ...) of a wide table's set of column headings: tables
 * with the same headings (the five-point scale of many questions) share
 * it. The headings of the row-header column are left out: only data cells
 * are labelled. */
static size_t colset(html *h, char **lab, int ncols, int rh)
{
	strbuf k;
	sb_init(&k);
	for (int i = 0; i < ncols; i++) {
		if (i != rh && lab[i])
			sb_add(&k, lab[i]);
		sb_addc(&k, '\x1f'); /* unit separator: cannot occur in the text */
	}
	char *key = sb_take(&k);
	for (size_t i = 0; i < h->ncolsets; i++)
		if (!strcmp(h->colsets[i], key)) {
			free(key);
			return i + 1;
		}
	h->colsets = xrealloc(h->colsets, (h->ncolsets + 1) * sizeof *h->colsets);
	h->colsets[h->ncolsets++] = key;
	return h->ncolsets;
}

/* A CSS string: quotes, backslashes and line ends as hex escapes, so a
 * heading cannot end the string or the rule. */
static void css_string(strbuf *o, const char *s)
{
	sb_addc(o, '"');
	for (; *s; s++) {
		unsigned char ch = (unsigned char)*s;
		if (ch == '"' || ch == '\\' || ch == '<' || ch < 0x20)
			sb_printf(o, "\\%x ", ch);
		else
			sb_addc(o, (char)ch);
	}
	sb_addc(o, '"');
}

/* The rules that label the numbers of the reflowed tables with their
 * column headings, appended to the edition's stijl.css: one rule per
 * column of each set (table.kolommen-N td:nth-child(C)). The label is
 * decoration for sighted readers: the alternative text after "/" is empty,
 * because a screen reader already announces the column header (<th
 * scope=col>, still in the table); a browser without that syntax keeps the
 * first declaration. malloc'd; "" when the page has no wide table. */
static char *colset_css(const html *h)
{
	strbuf o;
	sb_init(&o);
	if (!h->ncolsets)
		return sb_take(&o);
	sb_add(&o, "\n/* Generated by gen/doc_html.c for this edition's index.html: the\n"
		   " * column headings of its wide tables, shown beside each number when\n"
		   " * a table reflows on a phone (see table.breed above). */\n"
		   "@media screen and (max-width: 40rem) {\n");
	for (size_t i = 0; i < h->ncolsets; i++) {
		int col = 1;
		const char *e;
		for (const char *p = h->colsets[i]; (e = strchr(p, '\x1f')); p = e + 1, col++) {
			if (e == p)
				continue;
			char *lab = xstrndup(p, (size_t)(e - p));
			strbuf str;
			sb_init(&str);
			css_string(&str, lab);
			sb_printf(&o, "\ttable.kolommen-%zu td:nth-child(%d)::before { content: %s; content: %s / \"\"; }\n",
				  i + 1, col, str.s, str.s);
			sb_free(&str);
			free(lab);
		}
	}
	sb_add(&o, "}\n");
	return sb_take(&o);
}

/* A cell in a number column that says why there is no number ("te weinig
 * gemeenten (n=4)", a bar left out): words, so it may wrap and reads as
 * text, not as a figure (class "reden"). */
static int is_reason(const doc_node *cell)
{
	char *t = doc_plain_text(cell);
	int words = 0;
	for (const char *p = t; *p && !words; p++)
		words = (*p >= 'a' && *p <= 'z') && p[1] >= 'a' && p[1] <= 'z';
	free(t);
	return words;
}

/* A table with header rows in <thead> (th scope=col) and, where there is a
 * header and more than one column, one cell of every body row as its row
 * header (th scope=row), so a screen reader names each number: the first
 * cell, or in a ranking (first column the rank) the item. Tables fit the
 * column instead of scrolling sideways: their headings wrap at soft
 * hyphens, and on phones a wide table reflows into stacked rows whose
 * numbers show their column heading (is_wide, colset_css). A table whose
 * body cells are all numbers says so once (class "getallen") instead of
 * on every cell. */
static void table(html *h, const doc_node *t)
{
	strbuf *o = &h->out;
	int has_header = 0, ncols = 0, rh = 0;
	for (const doc_node *r = t->first; r; r = r->next) {
		if (r->type != DOC_TABLE_ROW)
			continue;
		if (r->flags & DOC_HEADER_ROW) {
			if (!has_header) {
				int col = 0;
				rh = -1;
				for (const doc_node *c = r->first; c; c = c->next)
					if (c->type == DOC_TABLE_CELL) {
						if (rh < 0 && !(c->flags & DOC_NUMERIC))
							rh = col;
						col++;
					}
				if (rh < 0)
					rh = 0;
			}
			has_header = 1;
		}
		if (row_cells(r) > ncols)
			ncols = row_cells(r);
	}
	int row_headers = has_header && ncols > 1;
	/* are all body cells (not the row headers) numbers? */
	int all_num = 1, nbody = 0;
	for (const doc_node *r = t->first; r; r = r->next) {
		if (r->type != DOC_TABLE_ROW || (r->flags & DOC_HEADER_ROW))
			continue;
		int col = 0;
		for (const doc_node *c = r->first; c; c = c->next) {
			if (c->type != DOC_TABLE_CELL)
				continue;
			if (!(row_headers && col == rh)) {
				nbody++;
				all_num &= (c->flags & DOC_NUMERIC) != 0;
			}
			col++;
		}
	}
	all_num = all_num && nbody > 0;
	char **lab = has_header && ncols > 0 ? column_labels(t, ncols) : NULL;
	int wide = lab && row_headers && is_wide(lab, ncols, rh);
	sb_printf(o, "<table class=\"tabel%s%s", (t->flags & DOC_DATA_TABLE) ? " cijfers" : "",
		  all_num ? " getallen" : "");
	if (wide)
		sb_printf(o, " breed kolommen-%zu", colset(h, lab, ncols, rh));
	sb_add(o, "\">\n");
	table_caption(h, t);
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
		for (const doc_node *c = r->first; c; c = c->next) {
			if (c->type != DOC_TABLE_CELL)
				continue;
			const char *tag = head ? "th" : (row_headers && col == rh) ? "th" : "td";
			sb_printf(o, "<%s", tag);
			if (head)
				sb_add(o, " scope=\"col\"");
			else if (tag[1] == 'h')
				sb_add(o, " scope=\"row\"");
			if (tag[1] == 'd' && !head && is_reason(c))
				sb_add(o, " class=\"reden\"");
			else if ((c->flags & DOC_NUMERIC) && !(all_num && tag[1] == 'd'))
				sb_add(o, " class=\"getal\"");
			sb_add(o, ">");
			h->shy = tag[1] == 'h'; /* headings wrap at soft hyphens */
			cell_content(h, c);
			h->shy = 0;
			sb_printf(o, "</%s>", tag);
			col++;
		}
		sb_add(o, "</tr>\n");
	}
	if (in_head)
		sb_add(o, "</thead>\n");
	if (in_body)
		sb_add(o, "</tbody>\n");
	sb_add(o, "</table>\n");
	if (lab) {
		for (int i = 0; i < ncols; i++)
			free(lab[i]);
		free(lab);
	}
}

/* Writes one file of a chart into figuren/; on failure marks the page
 * failed with the writer's message. */
static void chart_file(html *h, const char *stem, const char *suffix, const char *data)
{
	char *path = xasprintf("%s/figuren/%s%s", h->outdir, stem, suffix);
	if (write_file(path, data, strlen(data)) != 0) {
		char *m = xasprintf("%s: cannot write: %s", path, strerror(errno));
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
	long w = lround(HTML_CHART_WIDTH_PT), hgt = 0;
	if (!h->failed && chart_validate(c, msg, sizeof msg))
		fail(h, msg);
	/* measured once: the PNG and the wide SVG are drawn from one layout */
	chart_layout *wide = h->failed ? NULL : chart_layout_new(c, HTML_CHART_WIDTH_PT);
	char *png = xasprintf("%s/figuren/%s.png", h->outdir, stem);
	if (wide && chart_write_png_download_layout(c, wide, HTML_CHART_SCALE, png, msg, sizeof msg))
		fail(h, msg);
	free(png);
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
		alt = TF("doc.figuur", fig->number ? fig->number : "");
	}
	strbuf *o = &h->out;
	sb_add(o, "<picture>\n<source media=\"(max-width: 600px)\" srcset=\"figuren/");
	markup_esc(o, stem);
	sb_add(o, "-smal.svg\">\n<img src=\"figuren/");
	markup_esc(o, stem);
	sb_add(o, ".svg\"");
	attr(h, "alt", alt);
	sb_printf(o, " width=\"%ld\" height=\"%ld\">\n</picture>\n", w, hgt);
	free(alt);

	const char *num = fig->number ? fig->number : "";
	sb_add(o, "<p class=\"downloads\">");
	char *dl = TF("html.download_figuur", num);
	markup_esc(o, dl);
	free(dl);
	sb_add(o, " ");
	/* the file formats' names are the same in every language */
	const char *const kinds[3][2] = {
		{ ".csv", T("html.download.cijfers") }, { ".svg", "SVG" }, { ".png", "PNG" },
	};
	for (int k = 0; k < 3; k++) {
		sb_add(o, k ? " · <a href=\"figuren/" : "<a href=\"figuren/");
		markup_esc(o, stem);
		sb_add(o, kinds[k][0]);
		sb_add(o, "\" download>");
		markup_esc(o, kinds[k][1]);
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
	sb_add(o, "<figcaption><span class=\"nummer\">");
	char *name = TF("doc.figuur", num);
	markup_esc(o, name);
	free(name);
	sb_add(o, ":</span> ");
	for (const doc_node *c = f->first; c; c = c->next)
		if (c->type == DOC_CAPTION)
			inlines(h, c, IN_TEXT);
	sb_add(o, "</figcaption>\n");
	char *src = doc_figure_source(&h->d->meta);
	if (f->chart) {
		chart_image(h, f);
		/* the source line under the chart, as in print */
		sb_add(o, "<p class=\"bron\"><small>");
		markup_esc(o, src);
		sb_add(o, "</small></p>\n");
	}
	for (const doc_node *c = f->first; c; c = c->next) {
		if (c->type == DOC_CAPTION)
			continue;
		if (c->type == DOC_TABLE && (c->flags & DOC_DATA_TABLE)) {
			sb_add(o, "<details class=\"cijfers\">\n<summary>");
			char *sum = TF("doc.cijfers_bij_figuur", num);
			markup_esc(o, sum);
			free(sum);
			sb_add(o, "</summary>\n");
			if (c->legend) { /* visible above the numbers it explains */
				sb_add(o, "<p class=\"legenda\">");
				markup_esc(o, c->legend);
				sb_add(o, "</p>\n");
			}
			table(h, c);
			sb_add(o, "</details>\n");
		} else {
			block(h, c);
		}
	}
	if (!f->chart) {
		sb_add(o, "<p class=\"bron\"><small>");
		markup_esc(o, src);
		sb_add(o, "</small></p>\n");
	}
	free(src);
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
 * it, with a permalink when the panel has an id. Inside a chapter <section>
 * an unnamed <aside> is not a landmark of its own, which keeps a page with
 * many panels free of duplicate landmarks. */
static void panel(html *h, const doc_node *p)
{
	strbuf *o = &h->out;
	int outer = h->hlevel;
	sb_add(o, "<aside");
	attr(h, "id", p->id);
	sb_add(o, " class=\"kader\">\n");
	if (p->text && *p->text) {
		int l = next_hlevel(h, outer + 1);
		sb_printf(o, "<div class=\"kop\"><h%d class=\"kader-titel\">", l);
		markup_esc(o, p->text);
		sb_printf(o, "</h%d>", l);
		permalink(h, p->id, p->text);
		sb_add(o, "</div>\n");
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
		 * contents are written by body() */
		break;
	default:
		inline_node(h, n, IN_TEXT);
		break;
	}
}

/* "Editie provincie Gelderland", "Editie Noord-Nederland (landsdeel)" for
 * an area edition (doc_meta.edition, from rapport.xml), as on the PDF's
 * cover; NULL for the national report. malloc'd. */
static char *edition_line(const doc_meta *m)
{
	return m->edition ? xstrdup(m->edition) : NULL;
}

/* The title page, with the same content as the PDF's cover: kind, the
 * title in its lines, subtitle, edition, client, authors, place and date. */
static void titlepage(html *h)
{
	const doc_meta *m = &h->d->meta;
	strbuf *o = &h->out;
	sb_add(o, "<div class=\"titelpagina\">\n");
	if (m->doctype) {
		sb_add(o, "<p class=\"soort\">");
		markup_esc(o, m->doctype);
		sb_add(o, "</p>\n");
	}
	sb_add(o, "<h1 class=\"titel\">");
	if (m->title_lines[0]) {
		/* the first line is the title, the rest its second line */
		sb_add(o, "<span class=\"regel1\">");
		markup_esc(o, m->title_lines[0]);
		sb_add(o, "</span>");
		if (m->title_lines[1]) {
			sb_add(o, " <span class=\"regel2\">");
			for (int i = 1; i < 4 && m->title_lines[i]; i++) {
				if (i > 1)
					sb_addc(o, ' ');
				markup_esc(o, m->title_lines[i]);
			}
			sb_add(o, "</span>");
		}
	} else {
		markup_esc(o, m->title ? m->title : T("doc.rapport"));
	}
	sb_add(o, "</h1>\n");
	h->hlevel = 1;
	if (m->subtitle) {
		sb_add(o, "<p class=\"ondertitel\">");
		markup_esc(o, m->subtitle);
		sb_add(o, "</p>\n");
	}
	char *ed = edition_line(m);
	if (ed) {
		sb_add(o, "<p class=\"gebied\">");
		markup_esc(o, ed);
		sb_add(o, "</p>\n");
		free(ed);
	}
	if (m->client || m->authors[0]) {
		sb_add(o, "<dl class=\"adres\">\n");
		if (m->client) {
			sb_add(o, "<dt>");
			markup_esc(o, T("titelpagina.aan"));
			sb_add(o, "</dt><dd>");
			markup_esc(o, m->client);
			sb_add(o, "</dd>\n");
		}
		if (m->authors[0]) {
			sb_add(o, "<dt>");
			markup_esc(o, T("titelpagina.van"));
			sb_add(o, "</dt>");
			for (int i = 0; i < 8 && m->authors[i]; i++) {
				sb_add(o, "<dd>");
				markup_esc(o, m->authors[i]);
				sb_add(o, "</dd>");
			}
			sb_add(o, "\n");
		}
		sb_add(o, "</dl>\n");
	}
	if (m->place || m->date) {
		sb_add(o, "<p class=\"plaats-datum\">");
		markup_esc(o, m->place);
		if (m->place && m->date)
			sb_add(o, ", ");
		markup_esc(o, m->date);
		sb_add(o, "</p>\n");
	}
	sb_add(o, "</div>\n");
}

static void toc_entry(html *h, const doc_node *n)
{
	strbuf *o = &h->out;
	sb_add(o, n->number || n->level == 1 ? "<li><a href=\"#" : "<li class=\"zonder-nummer\"><a href=\"#");
	markup_esc(o, n->id);
	sb_add(o, "\">");
	if (n->number) {
		char *num = heading_number(n);
		sb_add(o, "<span class=\"nummer\">");
		markup_esc(o, num);
		sb_add(o, "</span> ");
		free(num);
	}
	inlines(h, n, IN_LABEL);
	sb_add(o, "</a>");
}

/* The level of a chapter's sub-entries in the contents: its sections
 * (level 2), or, in a chapter without sections, its subheadings (level 3),
 * so every chapter can be entered at its parts. */
static int sub_level(const doc_node *chapter)
{
	for (const doc_node *n = chapter->next; n && !(n->type == DOC_HEADING && n->level == 1); n = n->next)
		if (n->type == DOC_HEADING && n->level == 2 && n->id)
			return 2;
	return 3;
}

/* The contents list: every chapter and annex with its sub-entries, nested,
 * linking to the heading's id. Only headings directly under the document
 * count; a heading inside a panel is part of the panel. */
static void toc_list(html *h)
{
	strbuf *o = &h->out;
	sb_add(o, "<ol>\n");
	int open_li = 0, open_sub = 0, want = 2;
	for (const doc_node *n = h->d->root->first; n; n = n->next) {
		if (n->type != DOC_HEADING || !n->id)
			continue;
		if (n->level == 1 || !open_li) {
			if (open_sub)
				sb_add(o, "</ol>");
			if (open_li)
				sb_add(o, "</li>\n");
			open_sub = 0;
			toc_entry(h, n);
			open_li = 1;
			want = sub_level(n);
			continue;
		}
		if (n->level != want)
			continue;
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
	sb_add(o, "</ol>\n");
}

/* An author as cited: without the academic titles ("Drs.", "Dr.") that
 * the title page prints before the name. */
static const char *cited_name(const char *a)
{
	for (;;) {
		const char *sp = strchr(a, ' ');
		if (!sp || sp == a || sp[-1] != '.')
			return a;
		a = sp + 1;
	}
}

/* "Editie provincie X" or "Nederland": how the colofon and the description
 * name the edition. malloc'd. */
static char *area_text(const doc_meta *m)
{
	char *ed = edition_line(m);
	return ed ? ed : xstrdup(m->area ? m->area : T("geheel.naam"));
}

/* The description of an edition for search engines and link previews: it
 * names the area, so the editions differ. malloc'd. */
static char *description(const doc_meta *m)
{
	const char *sub = m->subtitle ? m->subtitle : m->title ? m->title : ""; /* <ondertitel> is required */
	if (!m->edition)
		return TF("html.beschrijving.geheel", sub);
	return TF("html.beschrijving.editie", sub, m->edition, m->area ? m->area : "");
}

static void meta_tag(html *h, const char *kind, const char *name, const char *content)
{
	sb_printf(&h->out, "<meta %s=\"%s\"", kind, name);
	attr(h, "content", content);
	sb_add(&h->out, ">\n");
}

static void head(html *h)
{
	const doc_meta *m = &h->d->meta;
	strbuf *o = &h->out;
	sb_add(o, "<!DOCTYPE html>\n<html");
	attr(h, "lang", m->lang && *m->lang ? m->lang : report_lang());
	sb_add(o, ">\n<head>\n<meta charset=\"utf-8\">\n"
		  "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
	const char *tt = m->title && *m->title ? m->title : T("doc.rapport");
	char *title = m->area && *m->area ? xasprintf("%s \xE2\x80\x93 %s", tt, m->area) : xstrdup(tt);
	sb_add(o, "<title>");
	markup_esc(o, title);
	sb_add(o, "</title>\n");
	char *desc = description(m);
	meta_tag(h, "name", "description", desc);
	if (m->keywords)
		meta_tag(h, "name", "keywords", m->keywords);
	if (m->date_iso)
		meta_tag(h, "name", "dcterms.date", m->date_iso);
	if (m->publisher)
		meta_tag(h, "name", "dcterms.publisher", m->publisher);
	meta_tag(h, "property", "og:type", "article");
	{
		/* Open Graph writes a locale as ll_RR; a tag without a region has none */
		char *loc = xstrdup(report_lang());
		char *dash = strchr(loc, '-');
		if (dash && strlen(dash + 1) == 2) {
			*dash = '_';
			meta_tag(h, "property", "og:locale", loc);
		}
		free(loc);
	}
	meta_tag(h, "property", "og:title", title);
	meta_tag(h, "property", "og:description", desc);
	if (m->publisher)
		meta_tag(h, "property", "og:site_name", m->publisher);
	/* absolute addresses only when the site is told where it lives; every
	 * link stays relative, so out/ works under any path and offline */
	const char *base = h->site && h->site->base_url && *h->site->base_url ? h->site->base_url : NULL;
	if (base && m->variant) {
		size_t bl = strlen(base);
		char *url = xasprintf("%s%s%s/", base, bl && base[bl - 1] == '/' ? "" : "/", m->variant);
		meta_tag(h, "property", "og:url", url);
		sb_add(o, "<link rel=\"canonical\"");
		attr(h, "href", url);
		sb_add(o, ">\n");
		free(url);
	}
	free(desc);
	free(title);
	sb_add(o, "<link rel=\"icon\" href=\"favicon.svg\" type=\"image/svg+xml\">\n"
		  "<link rel=\"stylesheet\" href=\"stijl.css\">\n</head>\n");
}

/* The site header: back to the landing page, the other editions, and the
 * downloads of this edition (the PDF with its size and page count, the
 * numbers and their codebook). A further download (a list of changes) is
 * one more <li> in ul.downloads. */
static void site_header(html *h)
{
	strbuf *o = &h->out;
	const doc_meta *m = &h->d->meta;
	const html_site *s = h->site;
	sb_add(o, "<header class=\"site-kop\" id=\"boven\">\n<div class=\"site-kop-binnen\">\n");
	sb_add(o, "<nav class=\"site-nav\"");
	attr(h, "aria-label", T("html.nav.edities"));
	sb_add(o, ">\n");
	if (s) {
		sb_add(o, "<a class=\"naar-start\" href=\"../index.html\">");
		markup_esc(o, T("html.nav.alle_edities"));
		sb_add(o, "</a>\n");
		if (s->n > 1) {
			sb_add(o, "<details class=\"edities\">\n<summary>");
			markup_esc(o, T("html.nav.andere_edities"));
			sb_add(o, "</summary>\n<ul>\n");
			for (int i = 0; i < s->n; i++) {
				if (m->variant && !strcmp(s->slugs[i], m->variant))
					continue;
				sb_add(o, "<li><a href=\"../");
				markup_esc(o, s->slugs[i]);
				sb_add(o, "/index.html\">");
				markup_esc(o, s->names && s->names[i] ? s->names[i] : s->slugs[i]);
				sb_add(o, "</a></li>\n");
			}
			sb_add(o, "</ul>\n</details>\n");
		}
	}
	sb_add(o, "<span class=\"deze-editie\">");
	char *at = area_text(m);
	markup_esc(o, at);
	free(at);
	sb_add(o, "</span>\n</nav>\n<ul class=\"downloads\"");
	attr(h, "aria-label", T("html.downloads"));
	sb_add(o, ">\n");
	if (h->site && h->site->pdf_pages > 0) {
		long bytes = h->site->pdf_bytes;
		int pages = h->site->pdf_pages;
		char *size = nl_file_size(bytes);
		char *pp = TF(pages == 1 ? "download.pdf.pagina" : "download.pdf.paginas", TN(pages).s);
		sb_printf(o, "<li><a href=\"rapport.pdf\" type=\"application/pdf\">PDF</a> "
			     "<span class=\"bestand\">(%s, ", size);
		markup_esc(o, pp);
		sb_add(o, ")</span></li>\n");
		free(pp);
		free(size);
	}
	for (int i = 0; h->site && i < h->site->ncsv; i++) {
		sb_add(o, "<li><a href=\"");
		markup_esc(o, h->site->csv[i].file);
		sb_add(o, "\" type=\"text/csv\">");
		markup_esc(o, h->site->csv[i].label);
		sb_add(o, "</a> <span class=\"bestand\">(CSV)</span></li>\n");
	}
	sb_add(o, "</ul>\n</div>\n</header>\n");
}

/* A term of the colofon as a <dt>, opening its <dd>. */
static void dt(html *h, const char *id)
{
	sb_add(&h->out, "<dt>");
	markup_esc(&h->out, T(id));
	sb_add(&h->out, "</dt><dd>");
}

/* The link back to the top of the page, after every chapter and the
 * colofon. */
static void to_top(html *h)
{
	sb_add(&h->out, "<p class=\"naar-boven\"><a href=\"#boven\">");
	markup_esc(&h->out, T("html.naar_boven"));
	sb_add(&h->out, "</a></p>\n");
}

/* How to cite this edition: authors, year, title, edition, place,
 * publisher. */
static void citation(html *h)
{
	const doc_meta *m = &h->d->meta;
	strbuf *o = &h->out;
	int na = 0;
	while (na < 8 && m->authors[na])
		na++;
	for (int i = 0; i < na; i++) {
		if (i && i == na - 1) {
			sb_add(o, " ");
			markup_esc(o, T("lijst.en"));
			sb_add(o, " ");
		} else if (i) {
			sb_add(o, ", ");
		}
		markup_esc(o, cited_name(m->authors[i]));
	}
	if (m->date_iso && strlen(m->date_iso) >= 4)
		sb_printf(o, " (%.4s). ", m->date_iso);
	else
		sb_add(o, ". ");
	sb_add(o, "<cite>");
	markup_esc(o, m->title);
	if (m->title_lines[1]) {
		sb_add(o, ":");
		for (int i = 1; i < 4 && m->title_lines[i]; i++) {
			sb_addc(o, ' ');
			markup_esc(o, m->title_lines[i]);
		}
	}
	sb_add(o, "</cite>. ");
	char *at = area_text(m);
	markup_esc(o, at);
	free(at);
	sb_add(o, ". ");
	markup_esc(o, m->place);
	if (m->place && m->publisher)
		sb_add(o, ": ");
	markup_esc(o, m->publisher);
	sb_add(o, ".");
}

/* The colofon: who publishes, when, on which data, under which terms, and
 * how to cite it. */
static void footer(html *h)
{
	const doc_meta *m = &h->d->meta;
	strbuf *o = &h->out;
	sb_add(o, "<footer class=\"colofon\">\n<div class=\"kop\"><h2 id=\"colofon\">");
	markup_esc(o, T("colofon.kop"));
	sb_add(o, "</h2>");
	permalink(h, "colofon", T("colofon.kop"));
	sb_add(o, "</div>\n<dl>\n");
	if (m->publisher || m->client) {
		dt(h, "colofon.uitgave");
		markup_esc(o, m->publisher);
		if (m->publisher && m->place) {
			sb_add(o, ", ");
			markup_esc(o, m->place);
		}
		if (m->client) {
			if (m->publisher)
				sb_add(o, ", ");
			markup_esc(o, T(m->publisher ? "colofon.in_opdracht_van" : "colofon.in_opdracht_van.begin"));
			sb_add(o, " ");
			/* "Het ministerie ..." reads "het ministerie" inside a sentence */
			const char *art = T("colofon.lidwoord"), *rest = m->client;
			size_t al = strlen(art);
			if (!strncmp(m->client, art, al) && m->client[al] == ' ') {
				markup_esc(o, T("colofon.lidwoord.in_zin"));
				sb_add(o, " ");
				rest += al + 1;
			}
			markup_esc(o, rest);
		}
		sb_add(o, "</dd>\n");
	}
	if (m->date) {
		dt(h, "colofon.datum");
		if (m->date_iso) {
			sb_add(o, "<time");
			attr(h, "datetime", m->date_iso);
			sb_add(o, ">");
		}
		markup_esc(o, m->date);
		if (m->date_iso)
			sb_add(o, "</time>");
		sb_add(o, "</dd>\n");
	}
	if (m->fieldwork_from && m->fieldwork_to) {
		char *a = nl_date(m->fieldwork_from), *b = nl_date(m->fieldwork_to);
		char *fw = TF("colofon.veldwerk", a, b);
		dt(h, "colofon.gegevens");
		markup_esc(o, fw);
		sb_add(o, "</dd>\n");
		free(fw);
		free(a);
		free(b);
	}
	if (m->licence) {
		dt(h, "colofon.bron");
		markup_esc(o, m->licence);
		sb_add(o, "</dd>\n");
	}
	dt(h, "colofon.citeren");
	citation(h);
	sb_add(o, "</dd>\n</dl>\n");
	to_top(h);
	sb_add(o, "</footer>\n");
}

/* One link of the chapter browser: "Vorige: 1 Kern" / "Volgende: ...". */
static void browse_link(html *h, const doc_node *n, int next)
{
	strbuf *o = &h->out;
	sb_add(o, next ? "<li class=\"volgende\"><a rel=\"next\" href=\"#" : "<li class=\"vorige\"><a rel=\"prev\" href=\"#");
	markup_esc(o, n->id);
	sb_add(o, next ? "\">" : "\"><span aria-hidden=\"true\">\xE2\x86\x90 </span>");
	markup_esc(o, T(next ? "html.volgende" : "html.vorige"));
	sb_addc(o, ' ');
	if (n->number) {
		char *num = heading_number(n);
		markup_esc(o, num);
		sb_addc(o, ' ');
		free(num);
	}
	inlines(h, n, IN_LABEL);
	sb_add(o, next ? "<span aria-hidden=\"true\"> \xE2\x86\x92</span></a></li>\n" : "</a></li>\n");
}

/* The end of a chapter: links to the chapter before and after it (a
 * reader who finished one goes on without the contents) and back to the
 * top. A list, not a <nav>: nine landmarks with one name would only crowd
 * a screen reader's list of regions. */
static void chapter_end(html *h, const doc_node *prev, const doc_node *next)
{
	strbuf *o = &h->out;
	if (prev || next) {
		sb_add(o, "<ul class=\"bladeren\">\n");
		if (prev)
			browse_link(h, prev, 0);
		if (next)
			browse_link(h, next, 1);
		sb_add(o, "</ul>\n");
	}
	to_top(h);
	sb_add(o, "</section>\n");
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
	/* the skip link comes first in tab order: past the header and the
	 * contents, straight to the text */
	sb_add(o, "<body>\n<a class=\"skip\" href=\"#inhoud\">");
	markup_esc(o, T("html.direct_naar_tekst"));
	sb_add(o, "</a>\n");
	site_header(h);
	sb_add(o, has_toc ? "<div class=\"pagina met-inhoud\">\n" : "<div class=\"pagina\">\n");
	if (has_toc) {
		/* wide screens: the contents stay beside the text */
		sb_add(o, "<nav class=\"inhoud zij\" aria-labelledby=\"inhoudsopgave-zij\">\n"
			  "<p class=\"inhoud-kop\" id=\"inhoudsopgave-zij\">");
		markup_esc(o, T("html.inhoudsopgave"));
		sb_add(o, "</p>\n");
		toc_list(h);
		sb_add(o, "</nav>\n");
	}
	sb_add(o, "<main id=\"inhoud\">\n");
	if (has_tp)
		titlepage(h);
	if (has_toc) {
		/* narrow screens: the contents folded up under the title, one tap
		 * away; "naar de inhoudsopgave" after every chapter leads back */
		sb_add(o, "<details class=\"inhoud klap\" id=\"inhoudsopgave\">\n<summary>");
		markup_esc(o, T("html.inhoudsopgave"));
		sb_add(o, "</summary>\n<nav");
		attr(h, "aria-label", T("html.inhoudsopgave"));
		sb_add(o, ">\n");
		toc_list(h);
		sb_add(o, "</nav>\n</details>\n");
	}
	const doc_node *cur = NULL, *before = NULL; /* the open chapter and the one before it */
	for (const doc_node *n = root->first; n; n = n->next) {
		if (n->type == DOC_HEADING && n->level == 1) {
			flush_notes(h);
			if (h->section_open) {
				chapter_end(h, before && before->id ? before : NULL, n->id ? n : NULL);
				before = cur;
			}
			cur = n;
			sb_add(o, (n->flags & DOC_ANNEX) ? "<section class=\"hoofdstuk bijlage\">\n"
							 : "<section class=\"hoofdstuk\">\n");
			h->section_open = 1;
			h->chapter_id = n->id;
		}
		block(h, n);
	}
	flush_notes(h);
	if (h->section_open)
		chapter_end(h, before && before->id ? before : NULL, NULL);
	/* publish.c/changes.c write wijzigingen.html beside every edition */
	sb_add(o, "<p class=\"wijzigingen\"><a href=\"wijzigingen.html\">");
	markup_esc(o, T("html.wijzigingen"));
	sb_add(o, "</a></p>\n");
	sb_add(o, "</main>\n</div>\n");
	footer(h);
	sb_add(o, "</body>\n</html>\n");
}

/* The site's icon: three bars in the accent colour, so browsers show it in
 * tabs and do not ask the server for /favicon.ico. */
static const char favicon_svg[] =
	"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 32 32\">"
	"<rect width=\"32\" height=\"32\" rx=\"6\" fill=\"#1f4e79\"/>"
	"<rect x=\"6\" y=\"17\" width=\"5\" height=\"9\" fill=\"#fff\"/>"
	"<rect x=\"13.5\" y=\"11\" width=\"5\" height=\"15\" fill=\"#fff\"/>"
	"<rect x=\"21\" y=\"6\" width=\"5\" height=\"20\" fill=\"#fff\"/>"
	"</svg>\n";

int html_write_favicon(const char *dir)
{
	char *p = xasprintf("%s/favicon.svg", dir);
	int rc = write_file(p, favicon_svg, sizeof favicon_svg - 1);
	free(p);
	return rc;
}

int doc_write_html_site(const doc *d, const char *outdir, const char *css_path, const html_site *site,
			char *msg, size_t msglen)
{
	html h = { 0 };
	h.d = d;
	h.outdir = outdir;
	h.site = site;
	h.msg = msg;
	h.msglen = msglen;
	if (msglen)
		msg[0] = 0;

	char *figdir = xasprintf("%s/figuren", outdir);
	if (mkdir_p(figdir)) {
		snprintf(msg, msglen, "%s: cannot create the directory: %s", figdir, strerror(errno));
		free(figdir);
		return -1;
	}
	free(figdir);

	if (html_write_favicon(outdir)) {
		snprintf(msg, msglen, "%s/favicon.svg: cannot write: %s", outdir, strerror(errno));
		return -1;
	}
	if (!(h.hy = hyph_open_lang(report_lang(), msg, msglen)))
		return -1;

	sb_init(&h.out);
	head(&h);
	body(&h);
	free(h.notes);
	hyph_close(h.hy);
	/* the stylesheet after the page: it ends with the rules for this
	 * page's wide tables */
	if (!h.failed && css_path) {
		struct err e;
		size_t len;
		char *tmpl = read_file(css_path, &len, &e);
		char *extra = colset_css(&h);
		char *css_out = xasprintf("%s/stijl.css", outdir);
		strbuf css;
		sb_init(&css);
		if (tmpl) {
			sb_addn(&css, tmpl, len);
			sb_add(&css, extra);
		}
		if (!tmpl) {
			snprintf(msg, msglen, "%s", e.msg);
			h.failed = 1;
		} else if (write_file(css_out, css.s, css.len) != 0) {
			snprintf(msg, msglen, "%s: cannot write: %s", css_out, strerror(errno));
			h.failed = 1;
		}
		sb_free(&css);
		free(css_out);
		free(extra);
		free(tmpl);
	}
	for (size_t i = 0; i < h.ncolsets; i++)
		free(h.colsets[i]);
	free(h.colsets);
	if (h.failed) {
		sb_free(&h.out);
		return -1;
	}
	char *path = xasprintf("%s/index.html", outdir);
	int rc = write_file(path, h.out.s, h.out.len);
	if (rc)
		snprintf(msg, msglen, "%s: cannot write: %s", path, strerror(errno));
	free(path);
	sb_free(&h.out);
	return rc ? -1 : 0;
}

int doc_write_html(const doc *d, const char *outdir, const char *css_path, char *msg, size_t msglen)
{
	return doc_write_html_site(d, outdir, css_path, NULL, msg, msglen);
}

