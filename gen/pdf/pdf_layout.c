/* pdf_layout.c: the measure pass of the PDF typesetter (see pdf_layout.h).
 *
 * Owns the type scale of the printed report, the turning of blocks into
 * items (a paragraph becomes one item per line, so a page can break between
 * any two lines; a table row, a chart figure, a contents entry each become
 * one item) and the page filling with its rules: keep a heading with the
 * first lines after it, no single first or last line of a paragraph alone
 * on a page, chart figures and panels whole (moved to a later page while
 * the text after them fills the gap, keeping their own order; a panel
 * taller than a page breaks, and so does one right under a heading where
 * taking both to the next page would leave a third of a page empty),
 * table header rows repeated after a break,
 * footnotes on the page of their marker. Drawing is doc_pdf.c's. */
#include "pdf_layout.h"
#include "pdf_lang.h"
#include "chart.h"
#include "pango_setup.h"
#include "terms.h"
#include "text.h"
#include "util.h"

#include <cairo-pdf.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* The type scale: body 10/14.5, headings bold in steps. */
typedef struct {
	double size, leading;
	int bold, italic;
	int justify, hyphenate;
	PangoAlignment align;
	double rgb[3];
} pstyle;

static const pstyle ST_BODY = { 10, 14.5, 0, 0, 1, 1, PANGO_ALIGN_LEFT, { 0, 0, 0 } };
static const pstyle ST_H1 = { 20, 26, 1, 0, 0, 0, PANGO_ALIGN_LEFT, { 0.07, 0.22, 0.40 } };
static const pstyle ST_H2 = { 13, 18, 1, 0, 0, 0, PANGO_ALIGN_LEFT, { 0.07, 0.22, 0.40 } };
static const pstyle ST_H3 = { 9.5, 14.5, 1, 0, 0, 0, PANGO_ALIGN_LEFT, { 0.07, 0.22, 0.40 } };
static const pstyle ST_CELL = { 9, 12, 0, 0, 0, 1, PANGO_ALIGN_LEFT, { 0, 0, 0 } };
static const pstyle ST_CAPTION = { 9, 12.5, 0, 1, 0, 1, PANGO_ALIGN_LEFT, { 0.15, 0.15, 0.15 } };
static const pstyle ST_NOTE = { 8, 10.5, 0, 0, 0, 1, PANGO_ALIGN_LEFT, { 0, 0, 0 } };
static const pstyle ST_TOC1 = { 10.5, 15, 1, 0, 0, 0, PANGO_ALIGN_LEFT, { 0, 0, 0 } };
static const pstyle ST_TOC2 = { 10, 14.5, 0, 0, 0, 0, PANGO_ALIGN_LEFT, { 0, 0, 0 } };

#define PARA_GAP 7.0     /* between paragraphs */
#define LIST_HANG 16.0   /* hanging indent of a list item */
#define PANEL_PAD 10.0
#define CELL_PAD_X 5.0
#define CELL_PAD_Y 4.0
#define NOTE_RULE_GAP 14.0 /* room taken by the rule above the footnotes */
#define NOTE_GAP 2.0

/* Block context: what the blocks around a block change about it. */
typedef struct {
	int italic;
	int panel;
	double panel_x, panel_w;
	double size_delta;
} bctx;

/* Inline text under construction: UTF-8 text, its pango attributes and the
 * byte ranges of links and footnote markers. */
typedef struct {
	int start, end;
	char *dest;
} ilink;

typedef struct {
	strbuf t;
	PangoAttrList *attrs;
	int nlinks, caplinks;
	ilink *links;
	int nnotes, capnotes;
	int *notes;    /* note index */
	int *note_at;  /* byte offset of the marker */
	int hyphenate;
} ibuild;

/* ---------- small helpers ---------- */

static void *grow(void *p, int *cap, int need, size_t size)
{
	if (need <= *cap)
		return p;
	int c = *cap ? *cap * 2 : 16;
	while (c < need)
		c *= 2;
	*cap = c;
	return xrealloc(p, (size_t)c * size);
}

const char *pdf_dest_name(pdf_layout *l, const doc_node *n)
{
	if (n->id && *n->id)
		return n->id;
	for (int i = 0; i < l->ndests; i++)
		if (l->dest_nodes[i] == n)
			return l->dest_names[i];
	l->dest_nodes = grow(l->dest_nodes, &l->capdests, l->ndests + 1, sizeof *l->dest_nodes);
	l->dest_names = xrealloc(l->dest_names, (size_t)l->capdests * sizeof *l->dest_names);
	l->dest_nodes[l->ndests] = n;
	l->dest_names[l->ndests] = xasprintf("pdf-dest-%d", l->ndests + 1);
	return l->dest_names[l->ndests++];
}

char *pdf_heading_text(const doc_node *h)
{
	char *t = doc_plain_text(h);
	char *s;
	if (h->flags & DOC_UNNUMBERED || !h->number || !*h->number)
		return t;
	char *num = (h->flags & DOC_ANNEX) ? TF("doc.bijlage", h->number) : xstrdup(h->number);
	s = xasprintf("%s  %s", num, t);
	free(num);
	free(t);
	return s;
}

static int new_item(pdf_layout *l, const bctx *bc)
{
	l->items = grow(l->items, &l->capitems, l->nitems + 1, sizeof *l->items);
	pdf_item *it = &l->items[l->nitems];
	memset(it, 0, sizeof *it);
	if (bc && bc->panel) {
		it->panel = bc->panel;
		it->panel_x = bc->panel_x;
		it->panel_w = bc->panel_w;
	}
	return l->nitems++;
}

/* A new op of item it, in the element the measure pass is in (l->el). */
static pdf_op *add_op(pdf_layout *l, pdf_item *it, pdf_op_kind kind)
{
	it->ops = grow(it->ops, &it->capops, it->nops + 1, sizeof *it->ops);
	pdf_op *o = &it->ops[it->nops++];
	memset(o, 0, sizeof *o);
	o->kind = kind;
	o->el = kind == PDF_OP_RECT ? NULL : l->el;
	return o;
}

static void add_rect(pdf_layout *l, pdf_item *it, double x, double y, double w, double h, double r, double g, double b)
{
	pdf_op *o = add_op(l, it, PDF_OP_RECT);
	o->x = x;
	o->y = y;
	o->w = w;
	o->h = h;
	o->rgb[0] = r;
	o->rgb[1] = g;
	o->rgb[2] = b;
}

static void item_add_note(pdf_item *it, int note, pdf_elem *el)
{
	it->notes = xrealloc(it->notes, (size_t)(it->nnotes + 1) * sizeof *it->notes);
	it->note_els = xrealloc(it->note_els, (size_t)(it->nnotes + 1) * sizeof *it->note_els);
	it->notes[it->nnotes] = note;
	it->note_els[it->nnotes++] = el;
}

/* A new structure element under parent (NULL: Document). */
static pdf_elem *new_elem(pdf_layout *l, const char *tag, pdf_elem *parent)
{
	l->elems = grow(l->elems, &l->capelems, l->nelems + 1, sizeof *l->elems);
	pdf_elem *e = xcalloc(1, sizeof *e);
	e->tag = tag;
	e->parent = parent;
	l->elems[l->nelems++] = e;
	return e;
}

/* ---------- inline text ---------- */

static void ib_init(ibuild *b, int hyphenate)
{
	memset(b, 0, sizeof *b);
	sb_init(&b->t);
	b->attrs = pango_attr_list_new();
	b->hyphenate = hyphenate;
}

static void ib_free(ibuild *b)
{
	sb_free(&b->t);
	pango_attr_list_unref(b->attrs);
	for (int i = 0; i < b->nlinks; i++)
		free(b->links[i].dest);
	free(b->links);
	free(b->notes);
	free(b->note_at);
}

static void ib_attr(ibuild *b, PangoAttribute *a, size_t start, size_t end)
{
	a->start_index = (guint)start;
	a->end_index = (guint)end;
	pango_attr_list_insert(b->attrs, a);
}

static void ib_text(pdf_layout *l, ibuild *b, const char *s)
{
	if (!s)
		return;
	if (b->hyphenate && l->hy) {
		char *h = hyph_text(l->hy, s);
		sb_add(&b->t, h);
		free(h);
	} else {
		sb_add(&b->t, s);
	}
}

static int layout_note(pdf_layout *l, const doc_node *fn);

static void ib_inlines(pdf_layout *l, ibuild *b, const doc_node *parent)
{
	for (const doc_node *c = parent->first; c; c = c->next) {
		size_t start = b->t.len;
		switch (c->type) {
		case DOC_TEXT:
		case DOC_VALUE:
			ib_text(l, b, c->text);
			break;
		case DOC_EMPH:
			ib_inlines(l, b, c);
			ib_attr(b, pango_attr_style_new(PANGO_STYLE_ITALIC), start, b->t.len);
			break;
		case DOC_STRONG:
			ib_inlines(l, b, c);
			ib_attr(b, pango_attr_weight_new(PANGO_WEIGHT_BOLD), start, b->t.len);
			break;
		case DOC_LINEBREAK:
			sb_add(&b->t, "\xE2\x80\xA8"); /* U+2028: a line break within the paragraph */
			break;
		case DOC_XREF: {
			ib_text(l, b, c->text ? c->text : c->target);
			if (c->target && *c->target && b->t.len > start) {
				b->links = grow(b->links, &b->caplinks, b->nlinks + 1, sizeof *b->links);
				b->links[b->nlinks].start = (int)start;
				b->links[b->nlinks].end = (int)b->t.len;
				b->links[b->nlinks].dest = xstrdup(c->target);
				b->nlinks++;
				ib_attr(b, pango_attr_foreground_new(0x1200, 0x3c00, 0x7800), start, b->t.len);
			}
			break;
		}
		case DOC_FOOTNOTE: {
			int idx = layout_note(l, c);
			sb_add(&b->t, c->number ? c->number : "*");
			ib_attr(b, pango_attr_rise_new((int)(3.8 * PANGO_SCALE)), start, b->t.len);
			ib_attr(b, pango_attr_scale_new(0.68), start, b->t.len);
			b->notes = grow(b->notes, &b->capnotes, b->nnotes + 1, sizeof *b->notes);
			b->note_at = xrealloc(b->note_at, (size_t)b->capnotes * sizeof *b->note_at);
			b->notes[b->nnotes] = idx;
			b->note_at[b->nnotes] = (int)start;
			b->nnotes++;
			break;
		}
		case DOC_LANG: {
			/* a passage in another language: not broken by the Dutch
			 * patterns, and marked for the draw pass (pdf_lang.h) */
			int hy = b->hyphenate;
			b->hyphenate = 0;
			ib_inlines(l, b, c);
			b->hyphenate = hy;
			if (b->t.len > start)
				ib_attr(b, pdf_attr_lang_new(c->lang), start, b->t.len);
			break;
		}
		case DOC_CLAIM:
			/* A claim that no longer holds: highlighted for the editor. */
			ib_inlines(l, b, c);
			ib_attr(b, pango_attr_background_new(0xFFFF, 0xCCCC, 0xCCCC), start, b->t.len);
			break;
		default:
			if (!doc_is_block(c->type))
				ib_inlines(l, b, c);
			break;
		}
	}
}

/* Block content flattened into one text: paragraphs become lines, list
 * items lines with a dash (for table cells). */
static void ib_blocks(pdf_layout *l, ibuild *b, const doc_node *parent)
{
	for (const doc_node *c = parent->first; c; c = c->next) {
		if (!doc_is_block(c->type)) {
			ib_inlines(l, b, parent);
			return;
		}
		if (b->t.len)
			sb_addc(&b->t, '\n');
		if (c->type == DOC_LIST) {
			int k = 1;
			for (const doc_node *it = c->first; it; it = it->next, k++) {
				if (it != c->first)
					sb_addc(&b->t, '\n');
				if (c->flags & DOC_ORDERED)
					sb_printf(&b->t, "%d. ", k);
				else
					sb_add(&b->t, "\xE2\x80\x93 ");
				if (it->first && doc_is_block(it->first->type))
					ib_blocks(l, b, it);
				else
					ib_inlines(l, b, it);
			}
		} else if (c->first && doc_is_block(c->first->type)) {
			ib_blocks(l, b, c);
		} else {
			ib_inlines(l, b, c);
		}
	}
}

static PangoFontDescription *style_font(const pstyle *st, const bctx *bc)
{
	PangoFontDescription *fd = pango_font_description_new();
	pango_font_description_set_family(fd, PDF_FONT);
	double size = st->size + (bc ? bc->size_delta : 0);
	pango_font_description_set_size(fd, (gint)lround(size * PANGO_SCALE));
	pango_font_description_set_weight(fd, st->bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
	pango_font_description_set_style(fd, (st->italic || (bc && bc->italic)) ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
	return fd;
}

/* pango measures a run of text (an item: one font, one script, one set of
 * attributes) in ints of 1/1024 pt before it breaks lines: a run wider
 * than 2^31 units (some 2 million pt, an open answer of 30,000 words)
 * overflows, and its lines came out on top of each other, off the page
 * (issue 21). A very long text is cut into items of at most RUN_MAX bytes,
 * at a space where there is one, by a letter-spacing attribute of 0 (no
 * change to the drawing) on every other piece. */
#define RUN_MAX 8192

static void split_long_runs(ibuild *b)
{
	if (b->t.len <= RUN_MAX)
		return;
	const char *t = b->t.s;
	size_t len = b->t.len, s = 0;
	int odd = 0;
	while (s < len) {
		size_t e = s + RUN_MAX;
		if (e >= len) {
			e = len;
		} else {
			size_t k = e;
			while (k > s + RUN_MAX / 2 && t[k - 1] != ' ')
				k--;
			if (t[k - 1] == ' ')
				e = k;
			while (e < len && ((unsigned char)t[e] & 0xC0) == 0x80)
				e++; /* not inside a character */
		}
		if (odd)
			ib_attr(b, pango_attr_letter_spacing_new(0), s, e);
		odd = !odd;
		s = e;
	}
}

static PangoLayout *make_layout(pdf_layout *l, ibuild *b, const pstyle *st, const bctx *bc, double width)
{
	PangoLayout *ly = pango_layout_new(l->ctx);
	g_ptr_array_add(l->layouts, ly);
	PangoFontDescription *fd = style_font(st, bc);
	pango_layout_set_font_description(ly, fd);
	pango_font_description_free(fd);
	ib_attr(b, pango_attr_language_new(pango_language_from_string(report_lang())), 0, b->t.len);
	ib_attr(b, pango_attr_font_features_new(PDF_FONT_FEATURES), 0, b->t.len);
	if (st->rgb[0] || st->rgb[1] || st->rgb[2]) {
		PangoAttribute *a = pango_attr_foreground_new((guint16)(st->rgb[0] * 65535), (guint16)(st->rgb[1] * 65535),
							      (guint16)(st->rgb[2] * 65535));
		a->start_index = 0;
		a->end_index = (guint)b->t.len;
		pango_attr_list_insert_before(b->attrs, a);
	}
	split_long_runs(b);
	pango_layout_set_text(ly, b->t.s ? b->t.s : "", (int)b->t.len);
	pango_layout_set_attributes(ly, b->attrs);
	if (width > 0) {
		pango_layout_set_width(ly, (int)(width * PANGO_SCALE));
		pango_layout_set_wrap(ly, PANGO_WRAP_WORD_CHAR);
	}
	pango_layout_set_alignment(ly, st->align);
	pango_layout_set_justify(ly, st->justify);
	return ly;
}

/* Geometry of one line of a layout at the style's leading. */
typedef struct {
	PangoLayoutLine *line; /* drawn by pdf_text.c, which also cleans its soft hyphens */
	double x;        /* offset of the line from the layout's left edge */
	double h;        /* height the line takes */
	double baseline; /* from the top of that height */
	double w;
} lgeom;

static int layout_lines(pdf_layout *l, PangoLayout *ly, double leading, lgeom **out)
{
	int n = pango_layout_get_line_count(ly);
	lgeom *g = xcalloc((size_t)(n ? n : 1), sizeof *g);
	PangoLayoutIter *it = pango_layout_get_iter(ly);
	int i = 0;
	do {
		PangoRectangle log;
		pango_layout_iter_get_line_extents(it, NULL, &log);
		double lh = log.height / (double)PANGO_SCALE;
		double base = (pango_layout_iter_get_baseline(it) - log.y) / (double)PANGO_SCALE;
		double h = lh > leading ? lh : leading;
		g[i].line = pango_layout_iter_get_line_readonly(it);
		g[i].x = log.x / (double)PANGO_SCALE;
		g[i].w = log.width / (double)PANGO_SCALE;
		g[i].h = h;
		g[i].baseline = (h - lh) / 2 + base;
		i++;
	} while (i < n && pango_layout_iter_next_line(it));
	pango_layout_iter_free(it);
	*out = g;
	return i;
}

static void add_line_op(pdf_layout *l, pdf_item *it, const lgeom *g, double x, double y)
{
	pdf_op *o = add_op(l, it, PDF_OP_LINE);
	o->line = pango_layout_line_ref(g->line);
	o->x = x + g->x;
	o->y = y + g->baseline;
	o->w = g->w;
	o->h = g->h;
}

static void add_link_rects(pdf_layout *l, pdf_item *it, PangoLayoutLine *line, int s, int e, double x, double ytop, double h,
			   const char *dest)
{
	int *ranges = NULL, nr = 0;
	pango_layout_line_get_x_ranges(line, s, e, &ranges, &nr);
	for (int r = 0; r < nr; r++) {
		double x0 = ranges[2 * r] / (double)PANGO_SCALE, x1 = ranges[2 * r + 1] / (double)PANGO_SCALE;
		if (x1 - x0 < 0.5)
			continue;
		pdf_op *o = add_op(l, it, PDF_OP_LINK);
		o->x = x + x0;
		o->y = ytop;
		o->w = x1 - x0;
		o->h = h;
		o->name = xstrdup(dest);
		o->line = pango_layout_line_ref(line);
		o->start = s;
		o->end = e;
	}
	g_free(ranges);
}

static int shy_at(const char *t, int i);
static int is_gap(char c);

/* The word hyphenated where a line ends at byte brk (after its soft
 * hyphen) of the layout's text t (len bytes): bytes *ws to *we. 0 if it
 * is not to be marked: it runs on to a break at the next line's end, or
 * holds a link, a footnote marker or part of a passage in another
 * language (each drawn in a structure element of its own). */
static int hyphenated_word(PangoLayout *ly, const ibuild *b, int brk, int *ws, int *we)
{
	const char *t = pango_layout_get_text(ly);
	int len = (int)strlen(t), s = brk, e = brk;
	while (s > 0 && !is_gap(t[s - 1]) && !(s >= 2 && (unsigned char)t[s - 2] == 0xC2 && (unsigned char)t[s - 1] == 0xA0))
		s--;
	while (e < len && !is_gap(t[e]) && !((unsigned char)t[e] == 0xC2 && (unsigned char)t[e + 1] == 0xA0) &&
	       !((unsigned char)t[e] == 0xE2 && (unsigned char)t[e + 1] == 0x80 && (unsigned char)t[e + 2] == 0xA8))
		e++;
	int line_no;
	pango_layout_index_to_line_x(ly, brk, 0, &line_no, NULL);
	PangoLayoutLine *next = pango_layout_get_line_readonly(ly, line_no);
	if (!next || next->start_index != brk)
		return 0;
	int next_end = next->start_index + next->length;
	if (e > next_end || (e == next_end && next_end < len))
		return 0; /* broken again at the next line's end */
	for (int k = 0; k < b->nlinks; k++)
		if (b->links[k].start < e && b->links[k].end > s)
			return 0;
	for (int k = 0; k < b->nnotes; k++)
		if (b->note_at[k] >= s && b->note_at[k] < e)
			return 0;
	/* a word in a passage in another language keeps its pieces (its Span
	 * carries the /Lang); a word beside one reads whole like any other */
	int line0;
	pango_layout_index_to_line_x(ly, brk - 1, 0, &line0, NULL);
	PangoLayoutLine *both[2] = { pango_layout_get_line_readonly(ly, line0), next };
	for (int li = 0; li < 2; li++) {
		pdf_lang_range lr[16];
		int nl = pdf_line_langs(both[li], lr, 16);
		if (nl > 16)
			return 0;
		for (int k = 0; k < nl; k++)
			if (lr[k].start < e && lr[k].end > s)
				return 0;
	}
	*ws = s;
	*we = e;
	return 1;
}

/* Does a line that ends at byte brk of t (len bytes) end inside a word:
 * at a soft hyphen (hyphenated), or at a break pango made inside a word
 * (a narrow table column; it draws a hyphen there)? Not after a hyphen
 * of the word ("doe-/democratie"). */
static int breaks_word(const char *t, int len, int brk)
{
	if (brk <= 0 || brk >= len || is_gap(t[brk]) || is_gap(t[brk - 1]) || t[brk - 1] == '-')
		return 0;
	if (brk >= 2 && shy_at(t, brk - 2))
		return 1;
	/* a letter or digit ends the line, a letter begins the next */
	gunichar before = g_utf8_get_char(g_utf8_prev_char(t + brk)), after = g_utf8_get_char(t + brk);
	return g_unichar_isalnum(before) && g_unichar_isalpha(after);
}

/* Marks line op o (the line g) for the text layer: a word hyphenated at
 * its end reads whole there, its rest on the next line as nothing (see
 * pdf_op), so that extraction gives the word and not two pieces. */
static void mark_hyphenated(pdf_op *o, const ibuild *b, const lgeom *g)
{
	PangoLayout *ly = g->line->layout;
	const char *t = pango_layout_get_text(ly);
	int len = (int)strlen(t);
	int ls = g->line->start_index, le = ls + g->line->length, ws, we;
	if (breaks_word(t, len, ls) && hyphenated_word(ly, b, ls, &ws, &we))
		o->cont_to = we;
	if (le > ls && breaks_word(t, len, le) && hyphenated_word(ly, b, le, &ws, &we)) {
		strbuf w;
		sb_init(&w);
		for (int k = ws; k < we;) {
			if (shy_at(t, k) || ((unsigned char)t[k] == 0xCD && (unsigned char)t[k + 1] == 0x8F)) {
				k += 2;
				continue;
			}
			sb_addc(&w, t[k++]);
		}
		o->word = sb_take(&w);
		o->word_from = ws;
	}
}

/* Links and footnotes of ibuild b that fall on line g go to item it; a
 * footnote marker links to its note. */
static void add_line_refs(pdf_layout *l, pdf_item *it, const ibuild *b, const lgeom *g, double x, double ytop)
{
	int ls = g->line->start_index, le = ls + g->line->length;
	/* the line's op is the item's last op here */
	if (it->nops && it->ops[it->nops - 1].kind == PDF_OP_LINE && it->ops[it->nops - 1].line == g->line)
		mark_hyphenated(&it->ops[it->nops - 1], b, g);
	for (int k = 0; k < b->nlinks; k++) {
		int s = b->links[k].start > ls ? b->links[k].start : ls;
		int e = b->links[k].end < le ? b->links[k].end : le;
		if (s < e)
			add_link_rects(l, it, g->line, s, e, x, ytop, g->h, b->links[k].dest);
	}
	for (int k = 0; k < b->nnotes; k++) {
		if (b->note_at[k] < ls || b->note_at[k] >= le)
			continue;
		item_add_note(it, b->notes[k], l->el);
		const pdf_note *nt = &l->notes[b->notes[k]];
		const char *num = nt->node->number ? nt->node->number : "*";
		int e = b->note_at[k] + (int)strlen(num);
		add_link_rects(l, it, g->line, b->note_at[k], e < le ? e : le, x, ytop, g->h, nt->ops[0].name);
	}
}

/* Adds every line of ly into item `idx` from ytop; returns the height. */
static double add_layout_ops(pdf_layout *l, int idx, PangoLayout *ly, const ibuild *b, double x, double ytop,
			     double leading)
{
	lgeom *g;
	int n = layout_lines(l, ly, leading, &g);
	double y = ytop;
	for (int i = 0; i < n; i++) {
		pdf_item *it = &l->items[idx];
		add_line_op(l, it, &g[i], x, y);
		if (b)
			add_line_refs(l, it, b, &g[i], x, y);
		y += g[i].h;
	}
	free(g);
	return y - ytop;
}

/* ---------- footnotes ---------- */

static int layout_note(pdf_layout *l, const doc_node *fn)
{
	ibuild b;
	ib_init(&b, 1);
	sb_add(&b.t, fn->number ? fn->number : "*");
	sb_addc(&b.t, '\t');
	ib_inlines(l, &b, fn);
	PangoLayout *ly = make_layout(l, &b, &ST_NOTE, NULL, PDF_TEXT_W);
	PangoTabArray *tabs = pango_tab_array_new_with_positions(1, TRUE, PANGO_TAB_LEFT, 12);
	pango_layout_set_tabs(ly, tabs);
	pango_tab_array_free(tabs);
	pango_layout_set_indent(ly, -12 * PANGO_SCALE);

	l->notes = grow(l->notes, &l->capnotes, l->nnotes + 1, sizeof *l->notes);
	pdf_note *nt = &l->notes[l->nnotes];
	memset(nt, 0, sizeof *nt);
	nt->node = fn;
	lgeom *g;
	int n = layout_lines(l, ly, ST_NOTE.leading, &g);
	double y = 0;
	nt->ops = xcalloc((size_t)(n + 1), sizeof *nt->ops);
	/* destination of the note itself, so a reader can be sent to it */
	nt->ops[0].kind = PDF_OP_DEST;
	nt->ops[0].name = xstrdup(pdf_dest_name(l, fn));
	nt->ops[0].x = PDF_MARGIN_L;
	nt->nops = 1;
	for (int i = 0; i < n; i++) {
		pdf_op *o = &nt->ops[nt->nops++];
		o->kind = PDF_OP_LINE;
		o->line = pango_layout_line_ref(g[i].line);
		o->x = PDF_MARGIN_L + g[i].x;
		o->y = y + g[i].baseline;
		y += g[i].h;
	}
	free(g);
	nt->h = y + NOTE_GAP;
	ib_free(&b);
	return l->nnotes++;
}

/* ---------- paragraphs ---------- */

/* ---------- hyphenation with taste ----------
 *
 * hyphenate.c offers every break libhyphen allows; pango (greedy, first
 * fit) then takes any that fills a line: four or five hyphenated line ends
 * a page, runs of four, a paragraph's last word broken. Here the lines of
 * a hyphenated paragraph are examined top to bottom and a word's breaks are
 * withdrawn where an editor would: the third hyphenated line end in a row,
 * the paragraph's last word, a line with a footnote marker (its Note comes
 * next in reading order, and would split the word), and every line that without the break would
 * only be a little looser (its word spaces stretched by at most
 * HY_MAX_STRETCH of the type size). A withdrawn break's soft hyphen becomes
 * U+034F COMBINING GRAPHEME JOINER: the same two bytes (so the byte offsets
 * of links, notes and attributes stay), invisible, no break opportunity;
 * pdf_text.c leaves it out of the text layer. */
#define HY_MAX_STRETCH 0.42
#define HY_MAX_PASSES 24

static int shy_at(const char *t, int i)
{
	return (unsigned char)t[i] == 0xC2 && (unsigned char)t[i + 1] == 0xAD;
}

/* Does line `line` of text t end at a soft hyphen (a hyphenated break)? */
static int line_hyphenated(const char *t, const PangoLayoutLine *line)
{
	int e = line->start_index + line->length;
	return line->length >= 2 && shy_at(t, e - 2);
}

static int is_gap(char c)
{
	return c == ' ' || c == '\n' || c == '\t';
}

/* Withdraws every break of the word around byte `at` of t. */
static void withdraw_word(char *t, int len, int at)
{
	int s = at, e = at;
	while (s > 0 && !is_gap(t[s - 1]))
		s--;
	while (e < len && !is_gap(t[e]))
		e++;
	for (int k = s; k + 1 < e; k++)
		if (shy_at(t, k)) {
			t[k] = (char)0xCD;
			t[k + 1] = (char)0x8F;
		}
}

/* Would line `line` of a layout of width w, without the word it breaks
 * at its end, be set with word spaces stretched by at most the limit? */
static int loose_enough(PangoLayoutLine *line, const char *t, double w, double size)
{
	int s = line->start_index, e = s + line->length;
	int frag = e - 2;
	while (frag > s && !is_gap(t[frag - 1]))
		frag--;
	if (frag <= s)
		return 0; /* one word on the line */
	int gaps = 0;
	for (int k = s; k < frag - 1; k++)
		gaps += t[k] == ' ';
	if (gaps < 3)
		return 0;
	int x;
	pango_layout_line_index_to_x(line, frag - 1, 0, &x); /* left edge of the space before the word */
	double extra = w - x / (double)PANGO_SCALE;
	return extra / gaps <= HY_MAX_STRETCH * size;
}

static void hyphen_taste(ibuild *b, PangoLayout *ly, double w, double size)
{
	char *t = b->t.s;
	int len = (int)b->t.len;
	if (!t || !memchr(t, 0xC2, (size_t)len))
		return;
	int justify = pango_layout_get_justify(ly);
	pango_layout_set_justify(ly, 0);
	for (int pass = 0; pass < HY_MAX_PASSES; pass++) {
		GSList *lines = pango_layout_get_lines_readonly(ly);
		int n = (int)g_slist_length(lines), i = 0, run = 0, changed = 0;
		for (GSList *p = lines; p && p->next; p = p->next, i++) {
			PangoLayoutLine *line = p->data;
			if (!line_hyphenated(t, line)) {
				run = 0;
				continue;
			}
			run++;
			int e = line->start_index + line->length;
			/* the paragraph's last word: nothing but punctuation after it */
			int k = e;
			while (k < len && !is_gap(t[k]))
				k++;
			int last = i == n - 2 && k >= len;
			/* a footnote's Note follows its marker's line in reading
			 * order: that line does not end inside a word */
			int note = 0;
			for (int m = 0; m < b->nnotes && !note; m++)
				note = b->note_at[m] >= line->start_index && b->note_at[m] < e;
			if (run >= 3 || last || note || loose_enough(line, t, w, size)) {
				withdraw_word(t, len, e - 1);
				changed = 1;
				break;
			}
		}
		if (!changed)
			break;
		pango_layout_set_text(ly, t, len);
	}
	pango_layout_set_justify(ly, justify);
}

/* Lays out inlines of `n` as a paragraph of line items. Keeps the first two
 * and the last two lines together (no orphan, no widow); keep_all keeps all
 * lines together and with what follows (headings). Returns the first item. */
static int add_paragraph(pdf_layout *l, ibuild *b, const pstyle *st, const bctx *bc, double x, double w,
			 double space_before, int keep_all, const doc_node *anchor)
{
	PangoLayout *ly = make_layout(l, b, st, bc, w);
	if (b->hyphenate && l->hy && w > 0)
		hyphen_taste(b, ly, w, st->size + (bc ? bc->size_delta : 0));
	lgeom *g;
	int n = layout_lines(l, ly, st->leading, &g);
	int first = l->nitems;
	double sb = space_before > l->gap ? space_before : l->gap;
	l->gap = 0;
	int block = ++l->nblocks;
	const char *tag = st == &ST_H1 ? "H1" : st == &ST_H2 ? "H2" : st->bold && !(bc && bc->panel) ? "H3" : "P";
	/* the paragraph's structure element: a new one, or the one laid ready
	 * (a list item's LBody) */
	pdf_elem *el = l->para_el ? l->para_el : new_elem(l, tag, l->parent);
	l->para_el = NULL;
	pdf_elem *outer_el = l->el;
	for (int i = 0; i < n; i++) {
		int idx = new_item(l, bc);
		pdf_item *it = &l->items[idx];
		it->block = block;
		it->tag = tag;
		it->h = g[i].h;
		it->space_before = i == 0 ? sb : 0;
		if (keep_all || (n >= 2 && (i == 0 || i == n - 2)))
			it->keep_with_next = 1;
		/* a word hyphenated at the end of this line is not broken over a
		 * page turn (nor over a float put at the break) */
		if (i < n - 1 && b->t.s && line_hyphenated(b->t.s, g[i].line))
			it->keep_with_next = 1;
		if (i == n - 1 && !keep_all)
			it->keep_with_next = 0;
		if (i == 0 && anchor) {
			it->anchor = anchor;
			pdf_op *d = add_op(l, it, PDF_OP_DEST);
			d->name = xstrdup(pdf_dest_name(l, anchor));
			d->x = x;
			d->y = 0;
		}
		if (i == 0 && l->label) {
			/* the list label first: Lbl comes before LBody */
			ibuild lb;
			ib_init(&lb, 0);
			sb_add(&lb.t, l->label);
			PangoLayout *ll = make_layout(l, &lb, st, bc, -1);
			lgeom *lg;
			layout_lines(l, ll, st->leading, &lg);
			l->el = l->label_el;
			pdf_op *o = add_op(l, &l->items[idx], PDF_OP_LINE);
			o->line = pango_layout_line_ref(lg[0].line);
			o->x = l->label_x;
			o->y = g[0].baseline;
			free(lg);
			ib_free(&lb);
			free(l->label);
			l->label = NULL;
		}
		l->el = el;
		add_line_op(l, &l->items[idx], &g[i], x, 0);
		add_line_refs(l, &l->items[idx], b, &g[i], x, 0);
	}
	l->el = outer_el;
	free(g);
	return first;
}

/* ---------- blocks ---------- */

static void layout_blocks(pdf_layout *l, const doc_node *parent, double x, double w, const bctx *bc);

static void layout_heading(pdf_layout *l, const doc_node *h, double x, double w, const bctx *bc)
{
	const pstyle *st = h->level <= 1 ? &ST_H1 : h->level == 2 ? &ST_H2 : &ST_H3;
	ibuild b;
	ib_init(&b, 0);
	char *t = pdf_heading_text(h);
	sb_add(&b.t, t);
	free(t);
	/* the title ends the heading's text: its passages in another language */
	t = doc_plain_text(h);
	pdf_lang_mark_plain(b.attrs, h, (int)(b.t.len - strlen(t)));
	free(t);
	double before = h->level <= 1 ? 0 : h->level == 2 ? 16 : 11;
	/* the structure skips no heading level (a run-in subheading right
	 * under a chapter is the chapter's H2), as a screen reader's outline
	 * would otherwise show a gap */
	/* one below the heading it stands under (the last of a lower tree
	 * level): siblings get one level ("Vraag 1." to "Vraag 17." of
	 * Bijlage C are all H2; Vraag 1 was H2 and the rest H3 under it) */
	while (l->hdepth > 0 && l->hwant[l->hdepth - 1] >= h->level)
		l->hdepth--;
	int parent = l->hdepth ? l->heff[l->hdepth - 1] : 0;
	int lvl = h->level <= 1 ? 1 : h->level > parent + 1 ? parent + 1 : h->level;
	if (l->hdepth < 8) {
		l->hwant[l->hdepth] = h->level;
		l->heff[l->hdepth++] = lvl;
	}
	l->head_level = lvl;
	l->para_el = new_elem(l, lvl == 1 ? "H1" : lvl == 2 ? "H2" : "H3", l->parent);
	int first = add_paragraph(l, &b, st, bc, x, w, before, 1, h);
	ib_free(&b);
	if (h->level <= 1)
		l->items[first].new_page = 1;
	l->gap = h->level <= 1 ? 18 : h->level == 2 ? 5 : 2;
}

static void layout_paragraph(pdf_layout *l, const doc_node *p, double x, double w, const bctx *bc)
{
	pstyle st = ST_BODY;
	if (p->flags & DOC_INTRO)
		st.italic = 1;
	ibuild b;
	ib_init(&b, 1);
	ib_inlines(l, &b, p);
	if (b.t.len == 0 && !l->label) {
		ib_free(&b);
		return;
	}
	add_paragraph(l, &b, &st, bc, x, w, PARA_GAP, 0, NULL);
	ib_free(&b);
}

static void layout_list(pdf_layout *l, const doc_node *list, double x, double w, const bctx *bc)
{
	int k = 1;
	double hang = (list->flags & DOC_ORDERED) ? 18.0 : LIST_HANG;
	/* L > LI > (Lbl, LBody); an item of inline text is its LBody's text,
	 * an item of blocks holds them in its LBody */
	pdf_elem *outer = l->parent;
	pdf_elem *lel = new_elem(l, "L", outer);
	int first_line = l->nitems;
	/* a sentence that announces the list ("…, de meest gebruikte eerst:")
	 * stays on the page of its first items */
	if (first_line > 0 && list->prev && list->prev->type == DOC_PARAGRAPH) {
		char *t = doc_plain_text(list->prev);
		size_t n = t ? strlen(t) : 0;
		while (n && t[n - 1] == ' ')
			n--;
		if (n && t[n - 1] == ':')
			l->items[first_line - 1].keep_with_next = 1;
		free(t);
	}
	for (const doc_node *it = list->first; it; it = it->next, k++) {
		if (it->type != DOC_ITEM)
			continue;
		pdf_elem *li = new_elem(l, "LI", lel);
		l->label_el = new_elem(l, "Lbl", li);
		pdf_elem *body = new_elem(l, "LBody", li);
		free(l->label);
		if (list->flags & DOC_ORDERED)
			l->label = xasprintf("%d.", k);
		else if (list->flags & DOC_DASH_LIST)
			l->label = xstrdup("\xE2\x80\x93"); /* en dash */
		else
			l->label = xstrdup("\xE2\x80\xA2"); /* bullet */
		l->label_x = x;
		double gap = it == list->first ? PARA_GAP : 3.0;
		if (l->gap < gap)
			l->gap = gap;
		if (it->first && doc_is_block(it->first->type)) {
			l->parent = body;
			layout_blocks(l, it, x + hang, w - hang, bc);
			l->parent = outer;
		} else {
			ibuild b;
			ib_init(&b, 1);
			ib_inlines(l, &b, it);
			l->para_el = body;
			add_paragraph(l, &b, &ST_BODY, bc, x + hang, w - hang, 0, 0, NULL);
			l->para_el = NULL;
			ib_free(&b);
		}
		free(l->label);
		l->label = NULL;
		l->label_el = NULL;
	}
	/* the list as a whole keeps two lines each side of a page turn, as a
	 * paragraph does: its first item may be a single line */
	int last_line = l->nitems - 1;
	if (last_line - first_line >= 1) {
		l->items[first_line].keep_with_next = 1;
		l->items[last_line - 1].keep_with_next = 1;
	}
}

/* Makes items first..last one item (their ops moved, offsets added), so a
 * panel that fits a page travels as a whole like a chart figure: when it
 * does not fit, it waits for the next page while the text after it fills
 * the gap. A panel taller than a page stays breakable. */
static void free_ops(pdf_op *ops, int n);

/* A copy of items first..last that owns what it holds (lines referenced,
 * names copied), or NULL if one of them draws a chart. */
static pdf_item *copy_items(const pdf_layout *l, int first, int last)
{
	int n = last - first + 1;
	for (int i = first; i <= last; i++)
		for (int k = 0; k < l->items[i].nops; k++)
			if (l->items[i].ops[k].chart)
				return NULL;
	pdf_item *c = xcalloc((size_t)n, sizeof *c);
	for (int i = 0; i < n; i++) {
		const pdf_item *it = &l->items[first + i];
		c[i] = *it;
		c[i].ops = xcalloc((size_t)(it->nops ? it->nops : 1), sizeof *c[i].ops);
		c[i].capops = it->nops;
		for (int k = 0; k < it->nops; k++) {
			pdf_op *o = &c[i].ops[k];
			*o = it->ops[k];
			if (o->line)
				pango_layout_line_ref(o->line);
			if (o->name)
				o->name = xstrdup(o->name);
			if (o->word)
				o->word = xstrdup(o->word);
		}
		c[i].notes = NULL;
		c[i].note_els = NULL;
		if (it->nnotes) {
			c[i].notes = xcalloc((size_t)it->nnotes, sizeof *c[i].notes);
			c[i].note_els = xcalloc((size_t)it->nnotes, sizeof *c[i].note_els);
			memcpy(c[i].notes, it->notes, (size_t)it->nnotes * sizeof *it->notes);
			memcpy(c[i].note_els, it->note_els, (size_t)it->nnotes * sizeof *it->note_els);
		}
	}
	return c;
}

static void free_items(pdf_item *items, int n)
{
	for (int i = 0; i < n; i++) {
		free_ops(items[i].ops, items[i].nops);
		free(items[i].notes);
		free(items[i].note_els);
	}
	free(items);
}

static void panel_as_float(pdf_layout *l, int first, int last)
{
	double h = 0;
	for (int i = first; i <= last; i++)
		h += l->items[i].h + (i > first ? l->items[i].space_before : 0);
	if (h > PDF_BODY_H - 20)
		return;
	/* a panel right under a heading keeps its items, which the page
	 * filling may set after all, broken, rather than take heading and
	 * panel to the next page and leave a third of this one empty */
	pdf_item *parts = NULL;
	const pdf_item *prev = first > 0 ? &l->items[first - 1] : NULL;
	if (prev && prev->keep_with_next && prev->tag && prev->tag[0] == 'H') {
		parts = copy_items(l, first, last);
		if (parts && last > first)
			parts[last - first - 1].keep_with_next = 1; /* the panel's foot not alone */
	}
	pdf_item *dst = &l->items[first];
	double y = dst->h;
	for (int i = first + 1; i <= last; i++) {
		pdf_item *it = &l->items[i];
		y += it->space_before;
		for (int k = 0; k < it->nops; k++) {
			pdf_op *o = add_op(l, dst, it->ops[k].kind);
			*o = it->ops[k];
			o->y += y;
		}
		for (int k = 0; k < it->nnotes; k++)
			item_add_note(dst, it->notes[k], it->note_els[k]);
		y += it->h;
		free(it->ops);
		free(it->notes);
		free(it->note_els);
	}
	dst->h = y;
	dst->keep_with_next = 0;
	dst->is_float = 1;
	dst->tag = "Div";
	dst->block = ++l->nblocks;
	dst->parts = parts;
	dst->nparts = parts ? last - first + 1 : 0;
	l->nitems = first + 1;
}

static void layout_panel(pdf_layout *l, const doc_node *p, double x, double w, const bctx *outer)
{
	bctx bc = *outer;
	bc.panel = ++l->npanels;
	bc.panel_x = x;
	bc.panel_w = w;
	pdf_elem *outer_p = l->parent;
	l->parent = new_elem(l, "Div", outer_p);
	double gap = l->gap > 12 ? l->gap : 12;
	l->gap = 0;
	int top = new_item(l, &bc);
	l->items[top].h = PANEL_PAD;
	l->items[top].space_before = gap;
	l->items[top].keep_with_next = 1;
	l->items[top].anchor = p;
	pdf_op *d = add_op(l, &l->items[top], PDF_OP_DEST);
	d->name = xstrdup(pdf_dest_name(l, p));
	d->x = x;
	double ix = x + PANEL_PAD + 4, iw = w - 2 * PANEL_PAD - 4;
	if (p->text && *p->text) {
		ibuild b;
		ib_init(&b, 0);
		sb_add(&b.t, p->text);
		pstyle st = ST_H3;
		add_paragraph(l, &b, &st, &bc, ix, iw, 0, 1, NULL);
		ib_free(&b);
		l->gap = 3;
	}
	int body = l->nitems;
	layout_blocks(l, p, ix, iw, &bc);
	if (l->nitems > body)
		l->items[body].space_before = l->items[body].space_before > 3 ? 3 : l->items[body].space_before;
	int bot = new_item(l, &bc);
	l->items[bot].h = PANEL_PAD;
	panel_as_float(l, top, bot);
	l->parent = outer_p;
	l->gap = 12;
}

/* ---------- tables ---------- */

/* The unwrapped layout of a table cell. Tables repeat the same short
 * texts ("24%", "126", the size classes) hundreds of times, and pango's
 * cost per layout is mostly fixed: a cell without links or notes shares
 * one layout with every cell of the same style and text (its lines are
 * only drawn, never changed). */
static PangoLayout *cell_layout(pdf_layout *l, ibuild *b, const pstyle *st, const bctx *bc, int numeric)
{
	if (b->nlinks || b->nnotes)
		return make_layout(l, b, st, bc, -1);
	char *key = g_strdup_printf("%d %d %d %g|%s", st->bold, numeric, bc ? bc->italic : 0, bc ? bc->size_delta : 0,
				    b->t.s ? b->t.s : "");
	PangoLayout *ly = g_hash_table_lookup(l->cells, key);
	if (ly) {
		g_free(key);
		return ly;
	}
	ly = make_layout(l, b, st, bc, -1);
	g_hash_table_insert(l->cells, key, ly);
	return ly;
}

/* Table columns are set from their content (issue 20): a word of fewer
 * than TABLE_WORD_MIN letters is never broken in a cell ("in-/woners",
 * "Respond-/enten"), a longer one only at its hyphenation points. */
#define TABLE_WORD_MIN 12

static int word_letters(const char *s, const char *e)
{
	int n = 0;
	for (const char *p = s; p < e; p = g_utf8_next_char(p)) {
		gunichar c = g_utf8_get_char(p);
		n += g_unichar_isalpha(c) && c != 0xAD;
	}
	return n;
}

/* Withdraws the breaks of the short words of a cell (see withdraw_word). */
static void cell_keep_short_words(ibuild *b)
{
	char *t = b->t.s;
	int len = (int)b->t.len;
	for (int k = 0; k < len;) {
		while (k < len && is_gap(t[k]))
			k++;
		int s = k;
		while (k < len && !is_gap(t[k]))
			k++;
		if (k > s && memchr(t + s, 0xC2, (size_t)(k - s)) && word_letters(t + s, t + k) < TABLE_WORD_MIN)
			withdraw_word(t, len, s);
	}
}

/* Width of bytes [s, e) of a line. */
static double range_w(PangoLayoutLine *line, int s, int e)
{
	int *r = NULL, n = 0;
	double w = 0;
	pango_layout_line_get_x_ranges(line, s, e, &r, &n);
	for (int i = 0; i < n; i++)
		w += (r[2 * i + 1] - r[2 * i]) / (double)PANGO_SCALE;
	g_free(r);
	return w;
}

/* The narrowest a cell can be set: its widest word, or for a word with
 * breaks its widest piece with a hyphen. */
static double cell_min_width(PangoLayout *ly, double size)
{
	const char *t = pango_layout_get_text(ly);
	double best = 0;
	for (GSList *p = pango_layout_get_lines_readonly(ly); p; p = p->next) {
		PangoLayoutLine *line = p->data;
		int e = line->start_index + line->length;
		for (int k = line->start_index; k < e;) {
			while (k < e && is_gap(t[k]))
				k++;
			int s = k;
			while (k < e && !is_gap(t[k])) {
				if (k + 1 < e && shy_at(t, k)) {
					double wp = range_w(line, s, k) + 0.35 * size;
					if (wp > best)
						best = wp;
					s = k + 2;
					k += 2;
					continue;
				}
				k++;
			}
			if (k > s) {
				double wp = range_w(line, s, k);
				if (wp > best)
					best = wp;
			}
		}
	}
	return best;
}

static void layout_table(pdf_layout *l, const doc_node *t, double x, double w, const bctx *bc)
{
	int ncols = 0, nrows = 0;
	for (const doc_node *r = t->first; r; r = r->next) {
		if (r->type != DOC_TABLE_ROW)
			continue;
		nrows++;
		int c = 0;
		for (const doc_node *cell = r->first; cell; cell = cell->next)
			c++;
		if (c > ncols)
			ncols = c;
	}
	if (!ncols || !nrows)
		return;
	int table = ++l->ntables;

	/* Each cell is built and shaped once, unwrapped, in its final style
	 * (bold header, tabular figures): that gives the natural widths the
	 * columns are made from, and a cell whose text fits its column is
	 * drawn from this same layout. Only a cell that must wrap is laid out
	 * again at its column's width. */
	double *nat = xcalloc((size_t)ncols, sizeof *nat);
	double *minw = xcalloc((size_t)ncols, sizeof *minw);
	ibuild *bs = xcalloc((size_t)nrows * (size_t)ncols, sizeof *bs);
	PangoLayout **lys = xcalloc((size_t)nrows * (size_t)ncols, sizeof *lys);
	double *natw = xcalloc((size_t)nrows * (size_t)ncols, sizeof *natw);
	int ri = 0;
	for (const doc_node *r = t->first; r; r = r->next) {
		if (r->type != DOC_TABLE_ROW)
			continue;
		int header = (r->flags & DOC_HEADER_ROW) != 0;
		int c = 0;
		for (const doc_node *cell = r->first; cell && c < ncols; cell = cell->next, c++) {
			int k = ri * ncols + c;
			pstyle st = ST_CELL;
			if (header)
				st.bold = 1;
			int numeric = (cell->flags & DOC_NUMERIC) != 0;
			ib_init(&bs[k], !numeric);
			ib_blocks(l, &bs[k], cell);
			cell_keep_short_words(&bs[k]);
			if (numeric)
				ib_attr(&bs[k], pango_attr_font_features_new("tnum=1"), 0, bs[k].t.len);
			lys[k] = cell_layout(l, &bs[k], &st, bc, numeric);
			int pw, ph;
			pango_layout_get_size(lys[k], &pw, &ph);
			natw[k] = pw / (double)PANGO_SCALE;
			double need = natw[k] + 2 * CELL_PAD_X + 1;
			if (need > nat[c])
				nat[c] = need;
			double least = cell_min_width(lys[k], st.size + (bc ? bc->size_delta : 0)) + 2 * CELL_PAD_X + 1;
			if (least > minw[c])
				minw[c] = least;
		}
		ri++;
	}
	double sum = 0, summin = 0;
	for (int c = 0; c < ncols; c++) {
		if (minw[c] > nat[c])
			minw[c] = nat[c];
		sum += nat[c];
		summin += minw[c];
	}
	double *cw = xcalloc((size_t)ncols, sizeof *cw);
	if (sum <= w) {
		for (int c = 0; c < ncols; c++)
			cw[c] = nat[c] + (w - sum) * nat[c] / sum;
	} else if (summin <= w) {
		/* every column gets its widest word; what is left goes to the
		 * columns by how much more their text would take unwrapped,
		 * so no column stands half empty while another wraps */
		double more = 0;
		for (int c = 0; c < ncols; c++)
			more += nat[c] - minw[c];
		for (int c = 0; c < ncols; c++)
			cw[c] = minw[c] + (more > 0 ? (w - summin) * (nat[c] - minw[c]) / more : 0);
	} else {
		/* narrow columns keep their natural width (up to a third of
		 * the table), the rest share what is left by their width */
		double fixed = 0, rest = 0;
		for (int c = 0; c < ncols; c++) {
			if (nat[c] <= w / 3 && nat[c] <= w / ncols)
				fixed += nat[c];
			else
				rest += nat[c];
		}
		for (int c = 0; c < ncols; c++) {
			if (nat[c] <= w / 3 && nat[c] <= w / ncols)
				cw[c] = nat[c];
			else
				cw[c] = (w - fixed) * nat[c] / rest;
		}
	}
	free(nat);
	free(minw);

	double gap = l->gap > 10 ? l->gap : 10;
	l->gap = 0;
	/* Table > TR > TH/TD; as in the HTML, with header rows the first cell
	 * of every other row is its row header, so each number has both */
	int has_header = 0;
	for (const doc_node *r = t->first; r; r = r->next)
		if (r->type == DOC_TABLE_ROW && (r->flags & DOC_HEADER_ROW))
			has_header = 1;
	pdf_elem *tel = new_elem(l, "Table", l->parent);
	pdf_elem *outer_el = l->el;
	int first_row = 1;
	ri = 0;
	for (const doc_node *r = t->first; r; r = r->next) {
		if (r->type != DOC_TABLE_ROW)
			continue;
		int header = (r->flags & DOC_HEADER_ROW) != 0;
		pdf_elem *tr = new_elem(l, "TR", tel);
		int idx = new_item(l, bc);
		l->items[idx].table = table;
		l->items[idx].is_header = header;
		l->items[idx].keep_with_next = header;
		l->items[idx].space_before = first_row ? gap : 0;
		first_row = 0;
		double cx, rowh = 0;
		int c = 0;
		/* the cells' layouts first: the tallest sets the row's height */
		PangoLayout **rl = lys + ri * ncols;
		double *off = xcalloc((size_t)ncols, sizeof *off);
		for (const doc_node *cell = r->first; cell && c < ncols; cell = cell->next, c++) {
			double avail = cw[c] - 2 * CELL_PAD_X;
			int numeric = (cell->flags & DOC_NUMERIC) != 0;
			if (natw[ri * ncols + c] > avail) {
				pstyle st = ST_CELL;
				if (header)
					st.bold = 1;
				if (numeric)
					st.align = PANGO_ALIGN_RIGHT;
				rl[c] = make_layout(l, &bs[ri * ncols + c], &st, bc, avail);
			} else if (numeric) {
				off[c] = avail - natw[ri * ncols + c]; /* right-aligned */
			}
			lgeom *g;
			int n = layout_lines(l, rl[c], ST_CELL.leading, &g);
			double hh = 0;
			for (int i = 0; i < n; i++)
				hh += g[i].h;
			free(g);
			if (hh > rowh)
				rowh = hh;
		}
		rowh += 2 * CELL_PAD_Y;
		pdf_item *it = &l->items[idx];
		it->h = rowh;
		if (header)
			add_rect(l, it, x, 0, w, rowh, 0.86, 0.89, 0.93);
		else
			add_rect(l, it, x, rowh - 0.4, w, 0.4, 0.6, 0.6, 0.6);
		cx = x;
		for (c = 0; c < ncols; c++) {
			if (rl[c]) {
				int th = header || (has_header && ncols > 1 && c == 0);
				l->el = new_elem(l, th ? "TH" : "TD", tr);
				if (th)
					l->el->scope = header ? PDF_SCOPE_COLUMN : PDF_SCOPE_ROW;
				add_layout_ops(l, idx, rl[c], &bs[ri * ncols + c], cx + CELL_PAD_X + off[c], CELL_PAD_Y,
					       ST_CELL.leading);
			}
			cx += cw[c];
		}
		if (header)
			add_rect(l, &l->items[idx], x, rowh - 0.8, w, 0.8, 0.07, 0.22, 0.40);
		free(off);
		ri++;
	}
	l->el = outer_el;
	for (int k = 0; k < nrows * ncols; k++)
		if (lys[k])
			ib_free(&bs[k]);
	free(bs);
	free(lys);
	free(natw);
	free(cw);
	l->gap = 10;
}

/* ---------- figures ---------- */

static void caption_text(pdf_layout *l, ibuild *b, const doc_node *fig)
{
	size_t start = b->t.len;
	char *name = TF("doc.figuur", fig->number ? fig->number : "");
	sb_add(&b->t, name);
	sb_add(&b->t, ": ");
	free(name);
	ib_attr(b, pango_attr_weight_new(PANGO_WEIGHT_BOLD), start, b->t.len);
	ib_attr(b, pango_attr_style_new(PANGO_STYLE_NORMAL), start, b->t.len);
	for (const doc_node *c = fig->first; c; c = c->next)
		if (c->type == DOC_CAPTION)
			ib_inlines(l, b, c);
	/* the source line, under the caption in the same Caption element,
	 * upright and grey (issue 20) */
	if (l->meta) {
		char *src = doc_figure_source(l->meta);
		sb_addc(&b->t, '\n');
		size_t s0 = b->t.len;
		sb_add(&b->t, src);
		ib_attr(b, pango_attr_style_new(PANGO_STYLE_NORMAL), s0, b->t.len);
		ib_attr(b, pango_attr_scale_new(0.9), s0, b->t.len);
		ib_attr(b, pango_attr_foreground_new(0x5500, 0x5500, 0x5500), s0, b->t.len);
		free(src);
	}
}

static void layout_figure(pdf_layout *l, const doc_node *f, double x, double w, const bctx *bc)
{
	double gap = l->gap > 12 ? l->gap : 12;
	l->gap = 0;
	if (f->chart) {
		chart_layout *cl = chart_layout_new(f->chart, w);
		int idx = new_item(l, bc);
		pdf_item *it = &l->items[idx];
		it->is_float = 1;
		it->space_before = gap;
		it->anchor = f;
		/* Figure (the chart, with the text alternative the HTML uses)
		 * followed by its Caption */
		pdf_elem *outer_el = l->el;
		l->el = new_elem(l, "Figure", l->parent);
		/* the same text as the HTML's alt, with the same fallbacks */
		l->el->alt = f->alt && *f->alt ? xstrdup(f->alt) : chart_alt_text(f->chart);
		if (!l->el->alt || !*l->el->alt) {
			free(l->el->alt);
			l->el->alt = TF("doc.figuur", f->number ? f->number : "");
		}
		pdf_op *d = add_op(l, it, PDF_OP_DEST);
		d->name = xstrdup(pdf_dest_name(l, f));
		d->x = x;
		double ch = 0;
		if (cl) {
			pdf_op *o = add_op(l, it, PDF_OP_CHART);
			o->chart = cl;
			o->x = x;
			o->y = 0;
			ch = chart_layout_height(cl);
			o->w = w;
			o->h = ch;
		}
		ibuild b;
		ib_init(&b, 1);
		caption_text(l, &b, f);
		PangoLayout *ly = make_layout(l, &b, &ST_CAPTION, bc, w);
		l->items[idx].tag = "Figure";
		l->items[idx].block = ++l->nblocks;
		l->el = new_elem(l, "Caption", l->parent);
		double caph = add_layout_ops(l, idx, ly, &b, x, ch + 6, ST_CAPTION.leading);
		l->el = outer_el;
		l->items[idx].h = ch + 6 + caph;
		ib_free(&b);
		l->gap = 14;
		return;
	}
	/* a text table as figure: the table may break, the caption follows it */
	int first = l->nitems;
	l->gap = gap;
	for (const doc_node *c = f->first; c; c = c->next)
		if (c->type == DOC_TABLE)
			layout_table(l, c, x, w, bc);
	if (l->nitems > first) {
		l->items[first].anchor = f;
		pdf_op *d = add_op(l, &l->items[first], PDF_OP_DEST);
		d->name = xstrdup(pdf_dest_name(l, f));
		d->x = x;
		l->items[l->nitems - 1].keep_with_next = 1;
	}
	ibuild b;
	ib_init(&b, 1);
	caption_text(l, &b, f);
	int idx = new_item(l, bc);
	l->items[idx].space_before = 6;
	if (l->nitems - 1 == first) {
		l->items[idx].anchor = f;
		pdf_op *d = add_op(l, &l->items[idx], PDF_OP_DEST);
		d->name = xstrdup(pdf_dest_name(l, f));
		d->x = x;
	}
	PangoLayout *ly = make_layout(l, &b, &ST_CAPTION, bc, w);
	l->items[idx].tag = "Caption";
	l->items[idx].block = ++l->nblocks;
	pdf_elem *outer_el = l->el;
	l->el = new_elem(l, "Caption", l->parent);
	l->items[idx].h = add_layout_ops(l, idx, ly, &b, x, 0, ST_CAPTION.leading);
	l->el = outer_el;
	ib_free(&b);
	l->gap = 14;
}

/* ---------- contents ---------- */

static int toc_entry(const doc_node *h)
{
	return h->type == DOC_HEADING && (h->level == 1 || h->level == 2);
}

static void layout_toc(pdf_layout *l, const doc_node *toc, double x, double w)
{
	ibuild b;
	ib_init(&b, 0);
	sb_add(&b.t, T("pdf.inhoud"));
	int first = add_paragraph(l, &b, &ST_H1, NULL, x, w, 0, 1, NULL);
	l->items[first].new_page = 1;
	ib_free(&b);
	l->gap = 18;
	const double numw = 34; /* room for the page number and its gap */
	pdf_elem *tocel = new_elem(l, "TOC", l->parent);
	pdf_elem *outer_el = l->el;
	for (const doc_node *h = toc->parent ? toc->parent->first : NULL; h; h = h->next) {
		if (!toc_entry(h))
			continue;
		const pstyle *st = h->level == 1 ? &ST_TOC1 : &ST_TOC2;
		double indent = h->level == 1 ? 0 : 26;
		double hang = (h->flags & DOC_ANNEX) ? 62 : h->level == 1 ? 26 : 30;
		ib_init(&b, 0);
		char *t = doc_plain_text(h);
		if (h->flags & DOC_UNNUMBERED || !h->number || !*h->number)
			sb_printf(&b.t, "%s", t);
		else if (h->flags & DOC_ANNEX) {
			char *num = TF("doc.bijlage", h->number);
			sb_printf(&b.t, "%s\t%s", num, t);
			free(num);
		} else
			sb_printf(&b.t, "%s\t%s", h->number, t);
		free(t);
		PangoLayout *ly = make_layout(l, &b, st, NULL, w - indent - numw);
		PangoTabArray *tabs = pango_tab_array_new_with_positions(1, TRUE, PANGO_TAB_LEFT, (int)hang);
		pango_layout_set_tabs(ly, tabs);
		pango_tab_array_free(tabs);
		pango_layout_set_indent(ly, (int)(-hang * PANGO_SCALE));
		int idx = new_item(l, NULL);
		l->el = new_elem(l, "TOCI", tocel);
		l->items[idx].tag = "TOCI";
		l->items[idx].block = ++l->nblocks;
		l->items[idx].space_before = h->level == 1 ? 8 : 1;
		if (l->gap > 0) {
			l->items[idx].space_before = l->gap;
			l->gap = 0;
		}
		lgeom *g;
		int n = layout_lines(l, ly, st->leading, &g);
		double y = 0;
		const char *dest = pdf_dest_name(l, h);
		for (int i = 0; i < n; i++) {
			pdf_item *it = &l->items[idx];
			add_line_op(l, it, &g[i], x + indent, y);
			pdf_op *k = add_op(l, it, PDF_OP_LINK);
			k->x = x + indent;
			k->y = y;
			k->w = w - indent;
			k->h = g[i].h;
			k->name = xstrdup(dest);
			k->line = pango_layout_line_ref(g[i].line);
			k->start = g[i].line->start_index;
			k->end = k->start + g[i].line->length;
			if (i == n - 1) {
				pdf_op *o = add_op(l, it, PDF_OP_TOCNUM);
				o->x = x + indent + g[i].x + g[i].w;
				o->y = y + g[i].baseline;
				o->w = x + w;
				o->node = h;
				o->h = st->size;
			}
			y += g[i].h;
		}
		free(g);
		l->items[idx].h = y;
		ib_free(&b);
	}
	l->el = outer_el;
	l->gap = 0;
}

static void layout_block_inner(pdf_layout *l, const doc_node *n, double x, double w, const bctx *bc);

/* Any block flagged DOC_NEW_PAGE starts a page (level-1 headings always do). */
static void layout_block(pdf_layout *l, const doc_node *n, double x, double w, const bctx *bc)
{
	int first = l->nitems;
	layout_block_inner(l, n, x, w, bc);
	if ((n->flags & DOC_NEW_PAGE) && l->nitems > first)
		l->items[first].new_page = 1;
}

static void layout_block_inner(pdf_layout *l, const doc_node *n, double x, double w, const bctx *bc)
{
	switch (n->type) {
	case DOC_TITLEPAGE: {
		int idx = new_item(l, NULL);
		l->items[idx].full_page = 1;
		l->items[idx].new_page = 1;
		l->items[idx].h = PDF_BODY_H;
		add_op(l, &l->items[idx], PDF_OP_TITLEPAGE);
		break;
	}
	case DOC_TOC:
		layout_toc(l, n, x, w);
		break;
	case DOC_HEADING:
		layout_heading(l, n, x, w, bc);
		break;
	case DOC_PARAGRAPH:
		layout_paragraph(l, n, x, w, bc);
		break;
	case DOC_LIST:
		layout_list(l, n, x, w, bc);
		break;
	case DOC_PANEL:
		layout_panel(l, n, x, w, bc);
		break;
	case DOC_QUOTE: {
		bctx q = *bc;
		q.italic = 1;
		pdf_elem *outer = l->parent;
		l->parent = new_elem(l, "BlockQuote", outer);
		layout_blocks(l, n, x + 20, w - 40, &q);
		l->parent = outer;
		break;
	}
	case DOC_FIGURE:
		layout_figure(l, n, x, w, bc);
		break;
	case DOC_TABLE:
		if (!(n->flags & DOC_DATA_TABLE))
			layout_table(l, n, x, w, bc);
		break;
	case DOC_ITEM:
	case DOC_TABLE_ROW:
	case DOC_TABLE_CELL:
	case DOC_CAPTION:
	case DOC_DOCUMENT:
		layout_blocks(l, n, x, w, bc);
		break;
	default:
		break; /* inlines are laid out by the block that holds them */
	}
}

static void layout_blocks(pdf_layout *l, const doc_node *parent, double x, double w, const bctx *bc)
{
	for (const doc_node *c = parent->first; c; c = c->next)
		layout_block(l, c, x, w, bc);
}

/* ---------- pagination ---------- */

typedef struct {
	pdf_layout *l;
	pdf_page *pg;
	double y;
	int *queue, nq, capq; /* chart figures waiting for room, in order */
	const pdf_elem *last_top; /* top-level element of the last text placed */
	int split;            /* a panel float to set broken, from its parts, or -1 */
} pager;

/* The top-level structure element an item's content belongs to (a P, an
 * L, a Table, a panel's Div), or NULL. */
static const pdf_elem *item_top(const pdf_item *it)
{
	for (int o = 0; o < it->nops; o++) {
		const pdf_elem *e = it->ops[o].el;
		if (!e)
			continue;
		while (e->parent)
			e = e->parent;
		return e;
	}
	return NULL;
}

/* Does item it begin a new paragraph, list, table or box (a place where a
 * figure or panel may stand), rather than continue the one before? */
static int at_boundary(const pager *p, const pdf_item *it)
{
	const pdf_elem *t = item_top(it);
	return !t || t != p->last_top;
}

static void page_start(pager *p)
{
	pdf_layout *l = p->l;
	l->pages = grow(l->pages, &l->cappages, l->npages + 1, sizeof *l->pages);
	p->pg = &l->pages[l->npages++];
	memset(p->pg, 0, sizeof *p->pg);
	p->y = 0;
}

static double notes_need(pager *p, const pdf_item *it)
{
	double h = 0;
	for (int k = 0; k < it->nnotes; k++)
		h += p->l->notes[it->notes[k]].h;
	if (h > 0 && p->pg->notes_h == 0)
		h += NOTE_RULE_GAP;
	return h;
}

static int fits(pager *p, double h, double notes)
{
	return p->y + h + p->pg->notes_h + notes <= PDF_BODY_H + 0.01;
}

/* Space above item it on the current page: none at the top; under a
 * figure or panel that floated there, at least FLOAT_AFTER, also when it
 * continues a paragraph (which asks for none) from the page before. */
#define FLOAT_AFTER 12.0
static double space_above(const pager *p, const pdf_item *it)
{
	const pdf_page *pg = p->pg;
	if (!pg->nplace)
		return 0;
	const pdf_item *prev = &p->l->items[pg->place[pg->nplace - 1].item];
	if (prev->is_float && !it->is_float && it->space_before < FLOAT_AFTER)
		return FLOAT_AFTER;
	return it->space_before;
}

static void place(pager *p, int i)
{
	pdf_layout *l = p->l;
	pdf_item *it = &l->items[i];
	pdf_page *pg = p->pg;
	p->y += space_above(p, it);
	pg->place = grow(pg->place, &pg->capplace, pg->nplace + 1, sizeof *pg->place);
	pg->place[pg->nplace].item = i;
	pg->place[pg->nplace].y = p->y;
	pg->place[pg->nplace].repeat = 0;
	pg->nplace++;
	p->y += it->h;
	if (it->nnotes) {
		if (pg->notes_h == 0)
			pg->notes_h = NOTE_RULE_GAP;
		for (int k = 0; k < it->nnotes; k++) {
			pg->notes = grow(pg->notes, &pg->capnotes, pg->nnotes + 1, sizeof *pg->notes);
			pg->notes[pg->nnotes++] = it->notes[k];
			pg->notes_h += l->notes[it->notes[k]].h;
		}
	}
}

static void place_repeat(pager *p, int i)
{
	pdf_page *pg = p->pg;
	pg->place = grow(pg->place, &pg->capplace, pg->nplace + 1, sizeof *pg->place);
	pg->place[pg->nplace].item = i;
	pg->place[pg->nplace].y = p->y;
	pg->place[pg->nplace].repeat = 1;
	pg->nplace++;
	p->y += p->l->items[i].h;
}

static double item_need(pager *p, int i)
{
	const pdf_item *it = &p->l->items[i];
	return space_above(p, it) + it->h;
}

/* New page; chart figures that waited go first, as many as fit, if the
 * page begins at a paragraph boundary (boundary); else they wait for the
 * end of the paragraph, list or table that continues here. */
static void new_page_at(pager *p, int boundary)
{
	page_start(p);
	if (!boundary)
		return;
	int k = 0;
	while (k < p->nq) {
		int i = p->queue[k];
		if (p->pg->nplace && !fits(p, item_need(p, i), notes_need(p, &p->l->items[i])))
			break;
		place(p, i);
		k++;
	}
	if (k > 0) {
		memmove(p->queue, p->queue + k, (size_t)(p->nq - k) * sizeof *p->queue);
		p->nq -= k;
	}
}

static void new_page(pager *p)
{
	new_page_at(p, 1);
}

/* At a paragraph boundary: figures that waited and now fit go here. */
static void place_waiting(pager *p)
{
	while (p->nq) {
		int i = p->queue[0];
		if (p->pg->nplace && !fits(p, item_need(p, i), notes_need(p, &p->l->items[i])))
			break;
		place(p, i);
		memmove(p->queue, p->queue + 1, (size_t)(p->nq - 1) * sizeof *p->queue);
		p->nq--;
	}
}

static void flush_queue(pager *p)
{
	while (p->nq) {
		int i = p->queue[0];
		if (p->pg->nplace && !fits(p, item_need(p, i), notes_need(p, &p->l->items[i]))) {
			new_page(p);
			continue;
		}
		place(p, i);
		memmove(p->queue, p->queue + 1, (size_t)(p->nq - 1) * sizeof *p->queue);
		p->nq--;
	}
}

/* Places text item i (not a float) after what is on the page: keeps
 * with what it must keep with, lets waiting figures in at a paragraph
 * boundary, begins a page where it must. */
static void place_flow(pager *p, int i)
{
	pdf_layout *l = p->l;
	pdf_item *it = &l->items[i];
	/* text may move up past a waiting figure or panel, but a heading
	 * may not: what follows a heading belongs under it */
	if (p->nq && it->tag && it->tag[0] == 'H') {
		/* ... unless the waiting figure does not fit here and
		 * placing it first would leave this page less than two
		 * thirds full: then the section goes on and the figure
		 * takes the next page's first paragraph boundary (a hole
		 * of a third of a page is what a reader notices) */
		int i0 = p->queue[0];
		int hole = p->pg->nplace && !it->new_page &&
			   !fits(p, item_need(p, i0), notes_need(p, &l->items[i0])) &&
			   p->y < PDF_BODY_H * 2 / 3;
		if (!hole)
			flush_queue(p);
	}
	/* the chain of items this one keeps with */
	double need = item_need(p, i), notes = notes_need(p, it);
	int fl = -1; /* the figure or panel the chain ends at */
	for (int j = i; l->items[j].keep_with_next && j + 1 < l->nitems; j++) {
		const pdf_item *nx = &l->items[j + 1];
		if (nx->is_float) {
			/* a heading over a figure or panel goes with it */
			need += nx->space_before + nx->h;
			fl = j + 1;
			break;
		}
		if (nx->new_page || nx->full_page)
			break;
		need += nx->space_before + nx->h;
		for (int k = 0; k < nx->nnotes; k++)
			notes += l->notes[nx->notes[k]].h;
	}
	if (need + notes > PDF_BODY_H - 1) {
		need = item_need(p, i);
		notes = notes_need(p, it);
	}
	/* A heading over a panel that does not fit under it here, where
	 * taking both to the next page would leave this one less than two
	 * thirds full: the heading stays, and the panel is set broken under
	 * it, if its first part (its title and two lines, as its items keep)
	 * fits here; the rest goes on the next page. (A heading of two lines
	 * decides at its first, which its second follows.) */
	if (p->pg->nplace && !fits(p, need, notes) && fl >= 0 && l->items[fl].nparts && !p->nq && it->tag &&
	    it->tag[0] == 'H' && (p->y < PDF_BODY_H * 2 / 3 || p->split == fl)) {
		const pdf_item *pt = l->items[fl].parts;
		double need2 = need - (l->items[fl].space_before + l->items[fl].h), notes2 = notes;
		for (int k = 0; k < l->items[fl].nparts; k++) {
			need2 += pt[k].space_before + pt[k].h;
			for (int m = 0; m < pt[k].nnotes; m++)
				notes2 += l->notes[pt[k].notes[m]].h;
			if (!pt[k].keep_with_next)
				break;
		}
		if (fits(p, need2, notes2)) {
			need = need2;
			notes = notes2;
			p->split = fl;
		}
	}
	int boundary = at_boundary(p, it);
	if (p->nq && boundary && p->pg->nplace && p->pg->nplace && fits(p, need, notes))
		place_waiting(p);
	if (p->pg->nplace && !fits(p, need, notes)) {
		new_page_at(p, boundary);
		if (it->table && !it->is_header) {
			/* repeat the header rows of a table broken here */
			int h0 = i;
			while (h0 > 0 && l->items[h0 - 1].table == it->table)
				h0--;
			for (int r = h0; r < i && l->items[r].is_header; r++)
				place_repeat(p, r);
		}
	}
	place(p, i);
	p->last_top = item_top(it);
}

static void paginate(pdf_layout *l)
{
	pager p = { .l = l, .split = -1 };
	page_start(&p);
	int force = 0;
	int n = l->nitems; /* the parts of a panel set broken come after */
	for (int i = 0; i < n; i++) {
		pdf_item *it = &l->items[i];
		if (it->full_page || it->new_page || force) {
			flush_queue(&p);
			if (p.pg->nplace)
				new_page(&p);
			force = 0;
		}
		if (it->full_page) {
			p.pg->is_title = 1;
			place(&p, i);
			force = 1;
			continue;
		}
		if (it->is_float && p.split == i) {
			/* the panel under the heading just placed, broken */
			p.split = -1;
			int base = l->nitems, np = it->nparts;
			l->items = grow(l->items, &l->capitems, base + np, sizeof *l->items);
			memcpy(&l->items[base], l->items[i].parts, (size_t)np * sizeof *l->items);
			free(l->items[i].parts);
			l->items[i].parts = NULL;
			l->items[i].nparts = 0;
			l->nitems += np;
			for (int k = 0; k < np; k++)
				place_flow(&p, base + k);
			continue;
		}
		if (it->is_float) {
			if (p.nq || !fits(&p, item_need(&p, i), notes_need(&p, it))) {
				p.queue = grow(p.queue, &p.capq, p.nq + 1, sizeof *p.queue);
				p.queue[p.nq++] = i;
			} else {
				place(&p, i);
			}
			continue;
		}
		place_flow(&p, i);
	}
	flush_queue(&p);
	/* the chapter in force on each page, for the running header */
	const doc_node *chapter = NULL;
	for (int pg = 0; pg < l->npages; pg++) {
		for (int k = 0; k < l->pages[pg].nplace; k++) {
			const doc_node *a = l->items[l->pages[pg].place[k].item].anchor;
			if (a && a->type == DOC_HEADING && a->level == 1 && k == 0)
				chapter = a;
			if (k == 0 && l->colofon && l->pages[pg].place[0].item == l->colofon - 1)
				chapter = NULL; /* the colofon is no part of the last annex */
		}
		l->pages[pg].chapter = chapter;
		for (int k = 0; k < l->pages[pg].nplace; k++) {
			const doc_node *a = l->items[l->pages[pg].place[k].item].anchor;
			if (a && a->type == DOC_HEADING && a->level == 1)
				chapter = a;
		}
	}
	free(p.queue);
}

/* ---------- structure and page labels ---------- */

/* Decides, now that the pages are known, which elements take their text
 * directly (leaf) and which in Span children (span): those that also hold
 * a link, a note, a passage in another language (its own Span) or another
 * element, or whose text runs over a page break (see pdf_elem). */
static void mark_structure(pdf_layout *l)
{
	for (int i = 0; i < l->nelems; i++)
		if (l->elems[i]->parent)
			l->elems[i]->parent->span = 1;
	for (int pg = 0; pg < l->npages; pg++) {
		const pdf_page *p = &l->pages[pg];
		for (int k = 0; k < p->nplace; k++) {
			const pdf_item *it = &l->items[p->place[k].item];
			if (p->place[k].repeat)
				continue; /* drawn as an artifact */
			for (int o = 0; o < it->nops; o++) {
				pdf_elem *e = it->ops[o].el;
				if (!e || it->ops[o].kind == PDF_OP_DEST)
					continue;
				if (it->ops[o].kind == PDF_OP_LINK || (e->page && e->page != pg + 1) ||
				    (it->ops[o].kind == PDF_OP_LINE &&
				     (pdf_line_langs(it->ops[o].line, NULL, 0) || it->ops[o].word || it->ops[o].cont_to)))
					e->span = 1;
				e->page = pg + 1;
			}
			for (int n = 0; n < it->nnotes; n++)
				if (it->note_els[n])
					it->note_els[n]->span = 1;
		}
	}
	for (int i = 0; i < l->nelems; i++)
		l->elems[i]->leaf = l->elems[i]->page && !l->elems[i]->span;
	/* the front matter: every page before the first chapter's */
	l->front = 0;
	for (int pg = 0; pg < l->npages && !l->front; pg++)
		for (int k = 0; k < l->pages[pg].nplace; k++) {
			const doc_node *a = l->items[l->pages[pg].place[k].item].anchor;
			if (a && a->type == DOC_HEADING && a->level == 1) {
				l->front = pg;
				break;
			}
		}
}

char *pdf_page_label(const pdf_layout *l, int n)
{
	if (n > l->front)
		return xasprintf("%d", n - l->front);
	/* lower-case roman numerals; the front matter is a few pages */
	static const char *const ones[] = { "", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix" };
	static const char *const tens[] = { "", "x", "xx", "xxx", "xl", "l", "lx", "lxx", "lxxx", "xc" };
	return xasprintf("%s%s", tens[(n / 10) % 10], ones[n % 10]);
}

/* ---------- public ---------- */

PangoContext *pdf_context_new(cairo_t *cr)
{
	PangoContext *ctx = pango_cairo_create_context(cr);
	report_pango_setup(ctx);
	return ctx;
}

struct pdf_warm {
	cairo_surface_t *surf;
	cairo_t *cr;
	PangoContext *ctx;
	PangoLayout *ly[4];
};

pdf_warm *pdf_warm_up(void)
{
	pdf_warm *w = xcalloc(1, sizeof *w);
	w->surf = cairo_pdf_surface_create_for_stream(NULL, NULL, PDF_PAGE_W, PDF_PAGE_H);
	w->cr = cairo_create(w->surf);
	w->ctx = pdf_context_new(w->cr);
	for (int i = 0; i < 4; i++) {
		pstyle st = ST_BODY;
		st.bold = i & 1;
		st.italic = (i >> 1) & 1;
		w->ly[i] = pango_layout_new(w->ctx);
		PangoFontDescription *fd = style_font(&st, NULL);
		pango_layout_set_font_description(w->ly[i], fd);
		pango_font_description_free(fd);
		/* letters, digits and quotes: enough to load each face's glyphs */
		pango_layout_set_text(w->ly[i], "Aa 2013 \xE2\x80\x98" "xyz" "\xE2\x80\x99", -1);
		int pw, ph;
		pango_layout_get_size(w->ly[i], &pw, &ph);
	}
	return w;
}

void pdf_warm_free(pdf_warm *w)
{
	if (!w)
		return;
	for (int i = 0; i < 4; i++)
		g_object_unref(w->ly[i]);
	g_object_unref(w->ctx);
	cairo_destroy(w->cr);
	cairo_surface_destroy(w->surf);
	free(w);
}

/* ---------- colofon ---------- */

/* One entry of the colofon: a bold label and its text, as a paragraph. */
static void colofon_entry(pdf_layout *l, const char *label, const char *text)
{
	if (!text || !*text)
		return;
	ibuild b;
	ib_init(&b, 0);
	sb_add(&b.t, label);
	size_t bold = b.t.len;
	sb_add(&b.t, "  ");
	sb_add(&b.t, text);
	ib_attr(&b, pango_attr_weight_new(PANGO_WEIGHT_BOLD), 0, bold);
	pstyle st = ST_BODY;
	st.justify = 0;
	bctx bc = { 0 };
	add_paragraph(l, &b, &st, &bc, PDF_MARGIN_L, PDF_TEXT_W, PARA_GAP, 0, NULL);
	ib_free(&b);
}

/* The colofon, on a page of its own after the annexes, as the HTML's
 * (issue 20): who publishes for whom, when, on which data, under which
 * terms, and how to cite the edition. From the report's metadata. */
static void layout_colofon(pdf_layout *l, const doc_meta *m)
{
	if (!m->publisher && !m->client && !m->licence)
		return;
	ibuild b;
	ib_init(&b, 0);
	sb_add(&b.t, T("colofon.kop"));
	l->para_el = new_elem(l, "H2", NULL);
	l->parent = NULL;
	int first = add_paragraph(l, &b, &ST_H2, NULL, PDF_MARGIN_L, PDF_TEXT_W, 0, 1, NULL);
	ib_free(&b);
	l->items[first].new_page = 1;
	l->colofon = first + 1;
	l->gap = 6;

	strbuf t;
	sb_init(&t);
	if (m->publisher)
		sb_add(&t, m->publisher);
	if (m->publisher && m->place)
		sb_printf(&t, ", %s", m->place);
	if (m->client) {
		if (m->publisher)
			sb_add(&t, ", ");
		sb_add(&t, T(m->publisher ? "colofon.in_opdracht_van" : "colofon.in_opdracht_van.begin"));
		sb_add(&t, " ");
		/* "Het ministerie ..." reads "het ministerie" inside a sentence */
		const char *art = T("colofon.lidwoord"), *rest = m->client;
		size_t al = strlen(art);
		if (!strncmp(m->client, art, al) && m->client[al] == ' ') {
			sb_add(&t, T("colofon.lidwoord.in_zin"));
			sb_add(&t, " ");
			rest += al + 1;
		}
		sb_add(&t, rest);
	}
	colofon_entry(l, T("colofon.uitgave"), t.s);
	sb_free(&t);
	colofon_entry(l, T("colofon.datum"), m->date);
	if (m->fieldwork_from && m->fieldwork_to) {
		char *a = nl_date(m->fieldwork_from), *z = nl_date(m->fieldwork_to);
		char *g = TF("colofon.veldwerk", a, z);
		colofon_entry(l, T("colofon.gegevens"), g);
		free(g);
		free(a);
		free(z);
	}
	colofon_entry(l, T("colofon.bron"), m->licence);
	/* how to cite: authors without their titles, year, title, area,
	 * place: publisher */
	sb_init(&t);
	int na = 0;
	while (na < 8 && m->authors[na])
		na++;
	for (int i = 0; i < na; i++) {
		const char *a = m->authors[i], *sp;
		while ((sp = strchr(a, ' ')) && sp > a && sp[-1] == '.')
			a = sp + 1;
		if (i && i == na - 1) {
			sb_add(&t, " ");
			sb_add(&t, T("lijst.en"));
			sb_add(&t, " ");
		} else if (i) {
			sb_add(&t, ", ");
		}
		sb_add(&t, a);
	}
	if (m->date_iso && strlen(m->date_iso) >= 4)
		sb_printf(&t, " (%.4s). ", m->date_iso);
	else
		sb_add(&t, ". ");
	sb_add(&t, m->title ? m->title : "");
	for (int i = 1; i < 4 && m->title_lines[0] && m->title_lines[i]; i++)
		sb_printf(&t, "%s %s", i == 1 ? ":" : "", m->title_lines[i]);
	if (m->area)
		sb_printf(&t, ". %s", m->area);
	if (m->place || m->publisher)
		sb_printf(&t, ". %s%s%s.", m->place ? m->place : "", m->place && m->publisher ? ": " : "",
			  m->publisher ? m->publisher : "");
	colofon_entry(l, T("colofon.citeren"), t.s);
	sb_free(&t);
}

pdf_layout *pdf_layout_new(const doc *d, PangoContext *ctx, hyph *hy)
{
	pdf_layout *l = xcalloc(1, sizeof *l);
	l->ctx = ctx;
	l->hy = hy;
	l->layouts = g_ptr_array_new_with_free_func(g_object_unref);
	l->cells = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	l->meta = &d->meta;
	bctx bc = { 0 };
	layout_blocks(l, d->root, PDF_MARGIN_L, PDF_TEXT_W, &bc);
	layout_colofon(l, &d->meta);
	paginate(l);
	mark_structure(l);
	return l;
}

static void free_ops(pdf_op *ops, int n)
{
	for (int i = 0; i < n; i++) {
		if (ops[i].line)
			pango_layout_line_unref(ops[i].line);
		if (ops[i].chart)
			chart_layout_free(ops[i].chart);
		free(ops[i].name);
		free(ops[i].word);
	}
	free(ops);
}

void pdf_layout_free(pdf_layout *l)
{
	if (!l)
		return;
	for (int i = 0; i < l->nitems; i++) {
		free_ops(l->items[i].ops, l->items[i].nops);
		free(l->items[i].notes);
		free(l->items[i].note_els);
		if (l->items[i].parts)
			free_items(l->items[i].parts, l->items[i].nparts);
	}
	free(l->items);
	for (int i = 0; i < l->nnotes; i++)
		free_ops(l->notes[i].ops, l->notes[i].nops);
	free(l->notes);
	for (int i = 0; i < l->npages; i++) {
		free(l->pages[i].place);
		free(l->pages[i].notes);
	}
	free(l->pages);
	for (int i = 0; i < l->ndests; i++)
		free(l->dest_names[i]);
	free(l->dest_names);
	free(l->dest_nodes);
	g_ptr_array_free(l->layouts, TRUE);
	g_hash_table_destroy(l->cells);
	for (int i = 0; i < l->nelems; i++) {
		free(l->elems[i]->alt);
		free(l->elems[i]);
	}
	free(l->elems);
	free(l->label);
	free(l);
}

int pdf_layout_page_of(const pdf_layout *l, const doc_node *n)
{
	for (int pg = 0; pg < l->npages; pg++)
		for (int k = 0; k < l->pages[pg].nplace; k++)
			if (!l->pages[pg].place[k].repeat && l->items[l->pages[pg].place[k].item].anchor == n)
				return pg + 1;
	return 0;
}

int pdf_toc_pages(const pdf_layout *l, const doc_node **heads, int *pages, int max)
{
	int n = 0;
	for (int i = 0; i < l->nitems; i++) {
		const pdf_item *it = &l->items[i];
		for (int k = 0; k < it->nops; k++) {
			if (it->ops[k].kind != PDF_OP_TOCNUM)
				continue;
			if (n < max) {
				heads[n] = it->ops[k].node;
				pages[n] = pdf_layout_page_of(l, it->ops[k].node);
			}
			n++;
		}
	}
	return n;
}
