/* doc_pdf.c: the PDF typesetter's entry point and draw pass.
 *
 * doc_write_pdf sets up a cairo PDF surface and a pango context measured at
 * 72 dpi without metric hinting (so text measures the same as in the
 * charts and the PNGs), lets pdf_layout.c measure and paginate the whole
 * report, and then draws the finished pages: title page, running header and
 * footer, panel backgrounds, text lines, charts, footnotes, the contents
 * page numbers with dot leaders, links, destinations and bookmarks.
 *
 * The draw pass also tags: the "tagger" below opens and closes the
 * structure elements the layout assigned to each op (pdf_elem), in page
 * order, and draws page furniture (running header and footer, page
 * numbers, rules, backgrounds, dot leaders, repeated table headers) inside
 * marker elements (PDF_UA_ARTIFACT_TAG), which pdf_ua.c turns into real
 * artifacts. cairo's
 * file goes to memory; pdf_ua.c finishes it (language, /Alt, XMP...) and
 * writes it. The document info (dates included) comes from doc->meta and
 * SOURCE_DATE_EPOCH only, so two runs give the same bytes. */
#include "terms.h"
#include "doc_writers.h"
#include "pdf_layout.h"
#include "pdf_lang.h"
#include "pdf_text.h"
#include "pdf_ua.h"
#include "chart.h"
#include "util.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define ACCENT 0.07, 0.22, 0.40
#define GREY 0.40, 0.40, 0.40

/* PDF/UA wants every link annotation described (/Contents): "Naar" and
 * where it goes (the terms pdf.link.*), recorded once per destination for
 * pdf_ua.c. */
static void add_link_text(pdf_ua_info *in, const char *dest, const doc_node *target)
{
	for (int i = 0; i < in->nlinks; i++)
		if (!strcmp(in->link_dests[i], dest))
			return;
	char *t;
	if (!target)
		t = xstrdup(T("pdf.link.elders"));
	else if (target->type == DOC_HEADING) {
		char *h = pdf_heading_text(target);
		t = TF("pdf.link.naar", h);
		free(h);
	} else if (target->type == DOC_FIGURE)
		t = TF("pdf.link.figuur", target->number ? target->number : "");
	else if (target->type == DOC_FOOTNOTE)
		t = TF("pdf.link.voetnoot", target->number ? target->number : "");
	else if (target->type == DOC_PANEL && target->text)
		t = TF("pdf.link.kader", target->text);
	else {
		char *p = doc_plain_text(target);
		t = TF("pdf.link.naar", p);
		free(p);
	}
	in->link_dests = xrealloc(in->link_dests, (size_t)(in->nlinks + 1) * sizeof *in->link_dests);
	in->link_texts = xrealloc(in->link_texts, (size_t)(in->nlinks + 1) * sizeof *in->link_texts);
	in->link_dests[in->nlinks] = xstrdup(dest);
	in->link_texts[in->nlinks++] = t;
}

/* ---------- the tagger ---------- */

/* An open structure element: a pdf_elem, a Span holding text of one (el
 * is its owner), a Span holding a passage in another language (lang), a
 * Link holding the text it covers (in el), or an artifact. */
enum { TG_ELEM, TG_SPAN, TG_LANG, TG_LINK, TG_ARTIFACT };
typedef struct {
	int kind;
	const pdf_elem *el;
	const char *lang; /* TG_LANG */
} tg_entry;

typedef struct {
	cairo_t *cr;
	tg_entry st[64];
	int n;
	pdf_ua_info *info; /* collects /Alt and /Scope in structure order */
} tagger;

/* Every Span in the order they are opened, with its language (NULL: the
 * report's), for pdf_ua.c to give /Lang. */
static void record_span(pdf_ua_info *in, const char *lang)
{
	in->span_langs = xrealloc(in->span_langs, (size_t)(in->nspans + 1) * sizeof *in->span_langs);
	in->span_langs[in->nspans++] = lang ? xstrdup(lang) : NULL;
}

static void tg_push_lang(tagger *tg, int kind, const pdf_elem *el, const char *lang)
{
	const char *tag = kind == TG_ARTIFACT ? PDF_UA_ARTIFACT_TAG : kind != TG_ELEM ? "Span" : el->tag;
	if (tg->n == (int)(sizeof tg->st / sizeof tg->st[0]))
		abort(); /* the layout nests a few levels; this is a bug */
	cairo_tag_begin(tg->cr, tag, NULL);
	tg->st[tg->n].kind = kind;
	tg->st[tg->n].el = el;
	tg->st[tg->n].lang = lang;
	tg->n++;
	if (kind == TG_SPAN || kind == TG_LANG)
		record_span(tg->info, lang);
	if (kind != TG_ELEM)
		return;
	pdf_ua_info *in = tg->info;
	if (!strcmp(el->tag, "Figure")) {
		in->alts = xrealloc(in->alts, (size_t)(in->nalts + 1) * sizeof *in->alts);
		in->alts[in->nalts++] = xstrdup(el->alt ? el->alt : "");
	} else if (!strcmp(el->tag, "TH")) {
		in->scopes = xrealloc(in->scopes, (size_t)(in->nscopes + 1) * sizeof *in->scopes);
		in->scopes[in->nscopes++] = el->scope;
	}
}

static void tg_push(tagger *tg, int kind, const pdf_elem *el)
{
	tg_push_lang(tg, kind, el, NULL);
}

static void tg_pop(tagger *tg)
{
	tg_entry *e = &tg->st[--tg->n];
	cairo_tag_end(tg->cr, e->kind == TG_ARTIFACT ? PDF_UA_ARTIFACT_TAG
			      : e->kind == TG_LINK   ? CAIRO_TAG_LINK
			      : e->kind != TG_ELEM   ? "Span"
						     : e->el->tag);
}

/* Opens a Link (cairo's link attributes: destination and rectangles) in
 * el, which must be the innermost open element. */
static void tg_push_link(tagger *tg, const pdf_elem *el, const char *attrs)
{
	if (tg->n == (int)(sizeof tg->st / sizeof tg->st[0]))
		abort();
	cairo_tag_begin(tg->cr, CAIRO_TAG_LINK, attrs);
	tg->st[tg->n].kind = TG_LINK;
	tg->st[tg->n].el = el;
	tg->st[tg->n].lang = NULL;
	tg->n++;
}

/* Closes what holds content (a Span, an artifact, a leaf element), so
 * that only containers stay open: at a page's end (marked content does not
 * cross pages) and before a child element begins. */
static void tg_close_content(tagger *tg)
{
	while (tg->n && (tg->st[tg->n - 1].kind != TG_ELEM || tg->st[tg->n - 1].el->leaf))
		tg_pop(tg);
}

/* Makes e (NULL: Document) the innermost open element. */
static void tg_to(tagger *tg, const pdf_elem *e)
{
	const pdf_elem *path[64];
	int np = 0;
	for (const pdf_elem *p = e; p && np < 64; p = p->parent)
		path[np++] = p;
	int k = 0;
	while (k < tg->n && k < np && tg->st[k].kind == TG_ELEM && tg->st[k].el == path[np - 1 - k])
		k++;
	while (tg->n > k)
		tg_pop(tg);
	for (; k < np; k++)
		tg_push(tg, TG_ELEM, path[np - 1 - k]);
}

/* What is drawn next is page furniture. */
static void tg_artifact(tagger *tg)
{
	if (tg->n && tg->st[tg->n - 1].kind == TG_ARTIFACT)
		return;
	tg_close_content(tg);
	tg_push(tg, TG_ARTIFACT, NULL);
}

/* What is drawn next is content of e (NULL: an artifact). */
static void tg_content(tagger *tg, const pdf_elem *e)
{
	if (!e) {
		tg_artifact(tg);
		return;
	}
	const tg_entry *top = tg->n ? &tg->st[tg->n - 1] : NULL;
	if (e->span) {
		if (top && top->kind == TG_SPAN && top->el == e)
			return;
		tg_to(tg, e);
		tg_push(tg, TG_SPAN, e);
	} else {
		if (top && top->kind == TG_ELEM && top->el == e)
			return;
		tg_to(tg, e);
	}
}

/* ---------- passages in another language ---------- */

/* A line that holds a passage in another language is drawn by
 * pdf_lang_show_line, piece by piece, so that the glyphs of the passage,
 * and only those, go into a Span of their own, which pdf_ua.c gives its
 * /Lang. In an element (el) the rest of the line goes into the element's
 * anonymous Spans; in a Note (el NULL), drawn outside the tagger, every
 * piece is a Span of its own. A passage over two lines is two Spans: cairo
 * ends a line's marked content with an empty /ActualText sequence for the
 * space pango does not draw, and poppler (pdfinfo -struct-text, the
 * checker's view) takes that EMC for the end of the Span. */
typedef struct {
	tagger *tg;
	const pdf_elem *el;
} lang_seg;

static void lang_begin(void *ud, const char *lang)
{
	lang_seg *s = ud;
	tagger *tg = s->tg;
	if (!s->el) {
		cairo_tag_begin(tg->cr, "Span", NULL);
		record_span(tg->info, lang);
		return;
	}
	if (!lang) {
		tg_content(tg, s->el);
		return;
	}
	tg_to(tg, s->el);
	tg_push_lang(tg, TG_LANG, s->el, lang);
}

static void lang_end(void *ud, const char *lang, int line_end)
{
	lang_seg *s = ud;
	if (!s->el)
		cairo_tag_end(s->tg->cr, "Span");
	else if (lang && s->tg->n && s->tg->st[s->tg->n - 1].kind == TG_LANG)
		tg_pop(s->tg);
}

static void draw_lang_line(tagger *tg, cairo_t *cr, const pdf_op *o, double top, const pdf_elem *el)
{
	lang_seg s = { tg, el };
	pdf_lang_show_line(cr, o->line, o->x, top + o->y, lang_begin, lang_end, &s);
}

/* Is o a line drawn by draw_lang_line? With the tagger only: a table
 * header row repeated as page furniture is drawn whole. */
static int is_lang_line(const tagger *tg, const pdf_op *o)
{
	return tg && o->kind == PDF_OP_LINE && o->el && o->el->span && pdf_line_langs(o->line, NULL, 0) > 0;
}

/* Does the link to `name` go somewhere? Only to places that exist: a
 * dangling dest would break the file. *target: the node it goes to (NULL
 * if none is known). */
static int link_target(const pdf_layout *l, const char *name, const doc_node **target)
{
	for (int i = 0; i < l->nitems; i++)
		for (int k = 0; k < l->items[i].nops; k++)
			if (l->items[i].ops[k].kind == PDF_OP_DEST && !strcmp(l->items[i].ops[k].name, name)) {
				*target = l->items[i].anchor;
				return 1;
			}
	for (int i = 0; i < l->nnotes; i++)
		if (!strcmp(l->notes[i].ops[0].name, name)) {
			*target = l->notes[i].node;
			return 1;
		}
	return 0;
}

static void no_piece_begin(void *ud, const char *lang, int link)
{
}

static void no_piece_end(void *ud, const char *lang, int link, int line_end)
{
}

/* A line outside the tagger (a table header row repeated as furniture)
 * with a hyphenated word: the word reads whole there too (see
 * draw_line_links). */
static void draw_line_words(cairo_t *cr, const pdf_op *o, double top)
{
	pdf_link_range r[2];
	const char *actual[2];
	int n = 0, ls = o->line->start_index, le = ls + o->line->length;
	if (o->cont_to > ls) {
		r[n] = (pdf_link_range){ ls, o->cont_to };
		actual[n++] = "";
	}
	if (o->word) {
		r[n] = (pdf_link_range){ o->word_from, le };
		actual[n++] = o->word;
	}
	pdf_show_line_pieces(cr, o->line, o->x, top + o->y, r, n, actual, no_piece_begin, no_piece_end, NULL);
}

/* Draws one line of text with its own pango layout (title page, header,
 * footer, page numbers). align: 0 left at x, 1 centred on x, 2 right at x. */
static double draw_text(cairo_t *cr, PangoContext *ctx, const char *text, double size, int bold, int italic,
			double x, double y, double width, int align)
{
	PangoLayout *ly = pango_layout_new(ctx);
	PangoFontDescription *fd = pango_font_description_new();
	pango_font_description_set_family(fd, PDF_FONT);
	pango_font_description_set_size(fd, (gint)(size * PANGO_SCALE));
	pango_font_description_set_weight(fd, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
	pango_font_description_set_style(fd, italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
	pango_layout_set_font_description(ly, fd);
	pango_font_description_free(fd);
	pango_layout_set_text(ly, text ? text : "", -1);
	PangoAttrList *al = pango_attr_list_new();
	pango_attr_list_insert(al, pango_attr_font_features_new(PDF_FONT_FEATURES));
	pango_layout_set_attributes(ly, al);
	pango_attr_list_unref(al);
	if (width > 0) {
		pango_layout_set_width(ly, (int)(width * PANGO_SCALE));
		pango_layout_set_wrap(ly, PANGO_WRAP_WORD);
		pango_layout_set_alignment(ly, align == 1 ? PANGO_ALIGN_CENTER : align == 2 ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
	}
	int w, h;
	pango_layout_get_size(ly, &w, &h);
	if (width <= 0 && align == 1)
		x -= w / (2.0 * PANGO_SCALE);
	else if (width <= 0 && align == 2)
		x -= w / (double)PANGO_SCALE;
	pdf_show_layout(cr, ly, x, y);
	g_object_unref(ly);
	return h / (double)PANGO_SCALE;
}

/* The title page's structure: kind of document, title (H1), subtitle,
 * edition, client, authors, place and date, each a leaf of its own. */
static void draw_titlepage(tagger *tg, cairo_t *cr, PangoContext *ctx, const doc_meta *m)
{
	pdf_elem e_type = { .tag = "P", .leaf = 1 }, e_title = { .tag = "H1", .leaf = 1 },
		 e_sub = { .tag = "P", .leaf = 1 }, e_ed = { .tag = "P", .leaf = 1 }, e_to = { .tag = "P", .leaf = 1 },
		 e_from = { .tag = "P", .leaf = 1 }, e_date = { .tag = "P", .leaf = 1 };
	double x = PDF_MARGIN_L, w = PDF_TEXT_W;
	/* a band of the accent colour down the left edge */
	tg_artifact(tg);
	cairo_set_source_rgb(cr, ACCENT);
	cairo_rectangle(cr, 0, 0, 28, PDF_PAGE_H);
	cairo_fill(cr);

	double y = 150;
	tg_content(tg, &e_type);
	cairo_set_source_rgb(cr, GREY);
	y += draw_text(cr, ctx, m->doctype ? m->doctype : T("pdf.titelpagina.soort"), 13, 0, 0, x, y, w, 0) + 18;
	tg_content(tg, &e_title);
	cairo_set_source_rgb(cr, ACCENT);
	if (m->title_lines[0]) {
		for (int i = 0; i < 4 && m->title_lines[i]; i++)
			y += draw_text(cr, ctx, m->title_lines[i], 26, 1, 0, x, y, w, 0) + 2;
	} else {
		y += draw_text(cr, ctx, m->title, 26, 1, 0, x, y, w, 0);
	}
	y += 14;
	tg_artifact(tg);
	cairo_rectangle(cr, x, y, 60, 2.5);
	cairo_fill(cr);
	y += 18;
	if (m->subtitle) {
		tg_content(tg, &e_sub);
		cairo_set_source_rgb(cr, 0.15, 0.15, 0.15);
		y += draw_text(cr, ctx, m->subtitle, 12.5, 0, 1, x, y, w * 0.9, 0);
	}
	if (m->edition) {
		/* an area edition says what it is on its cover */
		char *ed = xstrdup(m->edition);
		y += 16;
		tg_content(tg, &e_ed);
		cairo_set_source_rgb(cr, 0.07, 0.22, 0.40);
		y += draw_text(cr, ctx, ed, 14, 1, 0, x, y, w, 0);
		free(ed);
	}

	y = 560;
	tg_content(tg, &e_to);
	cairo_set_source_rgb(cr, GREY);
	draw_text(cr, ctx, T("titelpagina.aan"), 10, 1, 0, x, y, 0, 0);
	cairo_set_source_rgb(cr, 0, 0, 0);
	y += draw_text(cr, ctx, m->client, 10, 0, 0, x + 50, y, w - 50, 0) + 14;
	tg_content(tg, &e_from);
	cairo_set_source_rgb(cr, GREY);
	draw_text(cr, ctx, T("titelpagina.van"), 10, 1, 0, x, y, 0, 0);
	cairo_set_source_rgb(cr, 0, 0, 0);
	int publisher_is_author = 0;
	for (int i = 0; i < 8 && m->authors[i]; i++) {
		y += draw_text(cr, ctx, m->authors[i], 10, 0, 0, x + 50, y, w - 50, 0);
		publisher_is_author |= m->publisher && !strcmp(m->publisher, m->authors[i]);
	}
	/* the publisher under its authors, as the 2013 report had; a bureau
	 * that is its own author is named once */
	if (m->publisher && !publisher_is_author)
		y += draw_text(cr, ctx, m->publisher, 10, 1, 0, x + 50, y, w - 50, 0);
	y += 28;
	char *pd = xasprintf("%s%s%s", m->place ? m->place : "", m->place && m->date ? ", " : "", m->date ? m->date : "");
	tg_content(tg, &e_date);
	draw_text(cr, ctx, pd, 10, 0, 0, x, y, w, 0);
	free(pd);
	/* the local elements must be closed before they go out of scope */
	tg_close_content(tg);
}

/* Running header, rule and page number: page furniture, an artifact. */
static void draw_header_footer(tagger *tg, cairo_t *cr, PangoContext *ctx, const doc *d, const pdf_page *pg,
			       const char *label)
{
	tg_artifact(tg);
	char *chap = pg->chapter ? pdf_heading_text(pg->chapter) : NULL;
	cairo_set_source_rgb(cr, GREY);
	/* the running header names the edition */
	char *run = d->meta.edition ? xasprintf("%s \xE2\x80\x93 %s", d->meta.title ? d->meta.title : "", d->meta.edition)
				    : xstrdup(d->meta.title ? d->meta.title : "");
	draw_text(cr, ctx, run, 8, 0, 0, PDF_MARGIN_L, PDF_HEADER_BASELINE - 10, 0, 0);
	free(run);
	if (chap) {
		draw_text(cr, ctx, chap, 8, 0, 1, PDF_MARGIN_L + PDF_TEXT_W, PDF_HEADER_BASELINE - 10, 0, 2);
		free(chap);
	}
	cairo_rectangle(cr, PDF_MARGIN_L, PDF_HEADER_BASELINE + 4, PDF_TEXT_W, 0.5);
	cairo_fill(cr);
	draw_text(cr, ctx, label, 9, 0, 0, PDF_MARGIN_L + PDF_TEXT_W / 2, PDF_FOOTER_BASELINE - 9, 0, 1);
}

/* Draws one op; with a tagger, inside the op's element (o->el, NULL: an
 * artifact), else in whatever is open. */
static void draw_op(tagger *tg, cairo_t *cr, PangoContext *ctx, pdf_layout *l, const pdf_op *o, double top,
		    int repeat)
{
	int by_runs = is_lang_line(tg, o);
	if (tg && o->kind != PDF_OP_DEST && o->kind != PDF_OP_LINK && !by_runs)
		tg_content(tg, o->el);
	switch (o->kind) {
	case PDF_OP_LINE:
		cairo_set_source_rgb(cr, 0, 0, 0);
		if (by_runs) {
			draw_lang_line(tg, cr, o, top, o->el);
			break;
		}
		if (o->word || o->cont_to) {
			draw_line_words(cr, o, top);
			break;
		}
		pdf_show_line(cr, o->line, o->x, top + o->y);
		break;
	case PDF_OP_RECT:
		cairo_set_source_rgb(cr, o->rgb[0], o->rgb[1], o->rgb[2]);
		cairo_rectangle(cr, o->x, top + o->y, o->w, o->h);
		cairo_fill(cr);
		break;
	case PDF_OP_CHART:
		cairo_save(cr);
		cairo_translate(cr, o->x, top + o->y);
		chart_layout_draw(o->chart, cr);
		cairo_restore(cr);
		break;
	case PDF_OP_LINK: {
		/* a link drawn without its text (one with a line is drawn with
		 * it, by draw_line_links) */
		const doc_node *target = NULL;
		if (!link_target(l, o->name, &target))
			break;
		if (tg)
			add_link_text(tg->info, o->name, target);
		/* the Link element goes in the element whose text it covers
		 * (that element keeps its text in Spans: see pdf_elem) */
		if (tg)
			tg_to(tg, o->el);
		char *a = xasprintf("dest='%s' rect=[%.2f %.2f %.2f %.2f]", o->name, o->x, top + o->y, o->w, o->h);
		cairo_tag_begin(cr, CAIRO_TAG_LINK, a);
		cairo_tag_end(cr, CAIRO_TAG_LINK);
		free(a);
		break;
	}
	case PDF_OP_DEST: {
		if (repeat)
			break;
		char *a = xasprintf("name='%s' x=%.2f y=%.2f", o->name, o->x, top + o->y);
		cairo_tag_begin(cr, CAIRO_TAG_DEST, a);
		cairo_tag_end(cr, CAIRO_TAG_DEST);
		free(a);
		break;
	}
	case PDF_OP_TOCNUM: {
		char *num = pdf_page_label(l, pdf_layout_page_of(l, o->node));
		PangoLayout *ly = pango_layout_new(ctx);
		PangoFontDescription *fd = pango_font_description_new();
		pango_font_description_set_family(fd, PDF_FONT);
		pango_font_description_set_size(fd, (gint)(o->h * PANGO_SCALE));
		pango_font_description_set_weight(fd, o->node->level == 1 ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
		pango_layout_set_font_description(ly, fd);
		pango_font_description_free(fd);
		PangoAttrList *al = pango_attr_list_new();
		pango_attr_list_insert(al, pango_attr_font_features_new("tnum=1"));
		pango_layout_set_attributes(ly, al);
		pango_attr_list_unref(al);
		pango_layout_set_text(ly, num, -1);
		int w, h;
		pango_layout_get_size(ly, &w, &h);
		double nx = o->w - w / (double)PANGO_SCALE;
		cairo_set_source_rgb(cr, 0, 0, 0);
		cairo_move_to(cr, nx, top + o->y);
		pango_cairo_show_layout_line(cr, pango_layout_get_line_readonly(ly, 0));
		g_object_unref(ly);
		free(num);
		/* dot leader on a fixed grid, so the dots of all entries align */
		const double step = 4.5;
		double from = o->x + 6, to = nx - 5;
		if (tg)
			tg_artifact(tg);
		cairo_new_path(cr); /* no line from the number to the first dot */
		cairo_set_source_rgb(cr, 0.35, 0.35, 0.35);
		for (double dx = PDF_MARGIN_L + step * (double)(long)((from - PDF_MARGIN_L) / step + 1); dx <= to; dx += step) {
			cairo_arc(cr, dx, top + o->y - 0.6, 0.55, 0, 6.2831853);
			cairo_fill(cr);
		}
		break;
	}
	case PDF_OP_TITLEPAGE:
		break;
	}
}

/* "YYYY-MM-DDThh:mm:ss" for the PDF info dictionary. */
static char *pdf_date(const doc_meta *m)
{
	const char *sde = getenv("SOURCE_DATE_EPOCH");
	if (sde && *sde) {
		char *end;
		errno = 0;
		long long v = strtoll(sde, &end, 10);
		if (!errno && !*end && v >= 0) {
			time_t t = (time_t)v;
			struct tm tm;
			gmtime_r(&t, &tm);
			char buf[32];
			strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
			return xstrdup(buf);
		}
	}
	if (m->date_iso && strlen(m->date_iso) >= 10)
		return xasprintf("%.10sT00:00:00Z", m->date_iso);
	return xstrdup("2013-06-05T00:00:00Z");
}

static char *authors_text(const doc_meta *m)
{
	strbuf b;
	sb_init(&b);
	for (int i = 0; i < 8 && m->authors[i]; i++) {
		if (i)
			sb_add(&b, ", ");
		sb_add(&b, m->authors[i]);
	}
	return sb_take(&b);
}

#define PDF_CREATOR "rapportgenerator (gen)"

/* Sets the info dictionary; returns the title (for the XMP), malloc'd. */
static char *set_metadata(cairo_surface_t *s, const doc_meta *m)
{
	char *title = m->title ? xstrdup(m->title) : xstrdup(T("doc.rapport"));
	if (m->area && *m->area) {
		char *t = xasprintf("%s (%s)", title, m->area);
		free(title);
		title = t;
	}
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE, title);
	char *au = authors_text(m);
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_AUTHOR, au);
	free(au);
	if (m->subtitle)
		cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_SUBJECT, m->subtitle);
	if (m->keywords)
		cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_KEYWORDS, m->keywords);
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATOR, PDF_CREATOR);
	char *date = pdf_date(m);
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATE_DATE, date);
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_MOD_DATE, date);
	free(date);
	return title;
}

/* Footnote k of the page (at note_y[k] on it) as a Note inside element
 * el: drawn at the foot of the page, but in the structure right after the
 * link from its marker, which is its place in the reading order. */
static void draw_note(tagger *tg, cairo_t *cr, PangoContext *ctx, pdf_layout *l, const pdf_page *pg,
		      const double *note_y, int *drawn, int k, const pdf_elem *el)
{
	if (drawn[k])
		return;
	drawn[k] = 1;
	const pdf_note *nt = &l->notes[pg->notes[k]];
	tg_to(tg, el);
	cairo_tag_begin(cr, "Note", NULL);
	/* a note with a passage in another language keeps all its text in
	 * Spans (cairo drops the text of an element that has children) */
	int spans = 0;
	for (int o = 0; o < nt->nops && !spans; o++)
		spans = nt->ops[o].kind == PDF_OP_LINE && pdf_line_langs(nt->ops[o].line, NULL, 0) > 0;
	for (int o = 0; o < nt->nops; o++) {
		if (spans && nt->ops[o].kind == PDF_OP_LINE) {
			cairo_set_source_rgb(cr, 0, 0, 0);
			draw_lang_line(tg, cr, &nt->ops[o], note_y[k], NULL);
		} else {
			draw_op(NULL, cr, ctx, l, &nt->ops[o], note_y[k], 0);
		}
	}
	cairo_tag_end(cr, "Note");
}

/* ---------- lines with links ---------- */

/* A line of text with links on it (a cross-reference, a footnote marker,
 * a contents entry) is drawn piece by piece, so that each Link element
 * holds the marked content of the text it covers as well as its
 * annotation (PDF/UA: the link text is the Link's own; a Link holding only
 * the annotation reads as an empty link). The text around the links goes
 * into the element's anonymous Spans; a footnote's Note follows the Link
 * from its marker. */
typedef struct {
	tagger *tg;
	PangoContext *ctx;
	pdf_layout *l;
	const pdf_page *pg;
	const double *note_y;
	int *drawn;
} page_ctx;

typedef struct {
	page_ctx *pc;
	const pdf_elem *el;
	int n;                   /* links on the line, then the pieces of hyphenated words */
	int nlinks;              /* links: the first nlinks of them */
	const char **actual;     /* what a piece of a hyphenated word reads (NULL for a link) */
	pdf_link_range *r;       /* their text */
	const char **names;      /* their destinations */
	const doc_node **targets;
	char **attrs;            /* cairo's link attributes: dest and rectangles */
	int *done;               /* drawn with their text */
} link_seg;

/* The footnotes whose marker is the link to `name`, as Notes in el. */
static void draw_link_notes(page_ctx *pc, const char *name, const pdf_elem *el)
{
	for (int k = 0; k < pc->pg->nnotes; k++)
		if (!strcmp(pc->l->notes[pc->pg->notes[k]].ops[0].name, name)) {
			cairo_save(pc->tg->cr);
			draw_note(pc->tg, pc->tg->cr, pc->ctx, pc->l, pc->pg, pc->note_y, pc->drawn, k, el);
			cairo_restore(pc->tg->cr);
		}
}

static void link_begin(void *ud, const char *lang, int link)
{
	link_seg *s = ud;
	tagger *tg = s->pc->tg;
	if (link < 0) {
		if (!lang) {
			tg_content(tg, s->el);
		} else {
			tg_to(tg, s->el);
			tg_push_lang(tg, TG_LANG, s->el, lang);
		}
		return;
	}
	tg_to(tg, s->el);
	if (link >= s->nlinks) {
		/* a piece of a hyphenated word: its /ActualText ends a Span of
		 * its own (poppler's reading of the structure tree loses what
		 * follows an /ActualText in one marked-content sequence) */
		tg_push(tg, TG_SPAN, s->el);
		return;
	}
	add_link_text(tg->info, s->names[link], s->targets[link]);
	tg_push_link(tg, s->el, s->attrs[link]);
	if (lang) /* a link in a passage in another language */
		tg_push_lang(tg, TG_LANG, s->el, lang);
	s->done[link] = 1;
}

static void link_end(void *ud, const char *lang, int link, int line_end)
{
	link_seg *s = ud;
	tagger *tg = s->pc->tg;
	if (link < 0) {
		if (lang && tg->n && tg->st[tg->n - 1].kind == TG_LANG)
			tg_pop(tg);
		return;
	}
	if (link >= s->nlinks) {
		if (tg->n && tg->st[tg->n - 1].kind == TG_SPAN)
			tg_pop(tg);
		return;
	}
	while (tg->n && tg->st[tg->n - 1].kind != TG_ELEM) {
		int k = tg->st[tg->n - 1].kind;
		tg_pop(tg);
		if (k == TG_LINK)
			break;
	}
	draw_link_notes(s->pc, s->names[link], s->el);
}

/* Is op oi of it, a line, drawn piece by piece: has it links drawn with
 * it (LINK ops after it that cover its text), or a piece of a hyphenated
 * word? */
static int line_has_links(const pdf_item *it, int oi)
{
	const pdf_op *o = &it->ops[oi];
	if (o->el && o->el->span && (o->word || o->cont_to))
		return 1;
	for (int k = oi + 1; k < it->nops; k++)
		if (it->ops[k].kind == PDF_OP_LINK && it->ops[k].line == o->line && it->ops[k].el == o->el)
			return 1;
	return 0;
}

/* Is LINK op k of it drawn with a line before it (draw_line_links)? */
static int link_with_line(const pdf_item *it, int k)
{
	const pdf_op *lk = &it->ops[k];
	for (int o = k - 1; o >= 0 && lk->line; o--)
		if (it->ops[o].kind == PDF_OP_LINE && it->ops[o].line == lk->line && it->ops[o].el == lk->el)
			return 1;
	return 0;
}

/* Draws line op oi of it with its links. */
static void draw_line_links(page_ctx *pc, const pdf_item *it, int oi, double top)
{
	const pdf_op *o = &it->ops[oi];
	cairo_t *cr = pc->tg->cr;
	link_seg s = { .pc = pc, .el = o->el };
	int cap = it->nops + 2;
	s.r = xcalloc((size_t)cap, sizeof *s.r);
	s.actual = xcalloc((size_t)cap, sizeof *s.actual);
	s.names = xcalloc((size_t)cap, sizeof *s.names);
	s.targets = xcalloc((size_t)cap, sizeof *s.targets);
	s.attrs = xcalloc((size_t)cap, sizeof *s.attrs);
	s.done = xcalloc((size_t)cap, sizeof *s.done);
	strbuf *rects = xcalloc((size_t)cap, sizeof *rects);
	for (int k = oi + 1; k < it->nops; k++) {
		const pdf_op *lk = &it->ops[k];
		if (lk->kind != PDF_OP_LINK || lk->line != o->line || lk->el != o->el)
			continue;
		/* one link over text that is drawn in two places (bidi) has a
		 * rectangle for each */
		int j = 0;
		while (j < s.n && !(s.r[j].start == lk->start && s.r[j].end == lk->end && !strcmp(s.names[j], lk->name)))
			j++;
		if (j == s.n) {
			const doc_node *target = NULL;
			if (!link_target(pc->l, lk->name, &target))
				continue;
			s.r[j] = (pdf_link_range){ lk->start, lk->end };
			s.names[j] = lk->name;
			s.targets[j] = target;
			sb_init(&rects[j]);
			s.n++;
		}
		sb_printf(&rects[j], "%s%.2f %.2f %.2f %.2f", rects[j].len ? " " : "", lk->x, top + lk->y, lk->w, lk->h);
	}
	for (int j = 0; j < s.n; j++) {
		s.attrs[j] = xasprintf("dest='%s' rect=[%s]", s.names[j], rects[j].s);
		sb_free(&rects[j]);
	}
	free(rects);
	s.nlinks = s.n;
	/* a word hyphenated at the line's end reads whole, its rest at the
	 * next line's start as nothing: extraction gives the word, not two
	 * pieces (the glyphs stay pango's) */
	int ls = o->line->start_index, le = ls + o->line->length;
	if (o->cont_to > ls) {
		s.r[s.n] = (pdf_link_range){ ls, o->cont_to };
		s.actual[s.n++] = "";
	}
	if (o->word) {
		s.r[s.n] = (pdf_link_range){ o->word_from, le };
		s.actual[s.n++] = o->word;
	}
	cairo_set_source_rgb(cr, 0, 0, 0);
	pdf_show_line_pieces(cr, o->line, o->x, top + o->y, s.r, s.n, s.actual, link_begin, link_end, &s);
	/* a line drawn whole (right-to-left text): its links after it,
	 * without their text */
	for (int j = 0; j < s.nlinks; j++)
		if (!s.done[j]) {
			tg_to(pc->tg, o->el);
			add_link_text(pc->tg->info, s.names[j], s.targets[j]);
			tg_push_link(pc->tg, o->el, s.attrs[j]);
			tg_pop(pc->tg);
			draw_link_notes(pc, s.names[j], o->el);
		}
	for (int j = 0; j < s.nlinks; j++)
		free(s.attrs[j]);
	free(s.actual);
	free(s.r);
	free(s.names);
	free(s.targets);
	free(s.attrs);
	free(s.done);
}

static void draw_page(tagger *tg, cairo_surface_t *surf, PangoContext *ctx, const doc *d, pdf_layout *l, int pgi,
		      int *outline_parent)
{
	cairo_t *cr = tg->cr;
	const pdf_page *pg = &l->pages[pgi];
	char *label = pdf_page_label(l, pgi + 1);
	cairo_pdf_surface_set_page_label(surf, label);
	if (pg->is_title) {
		draw_titlepage(tg, cr, ctx, &d->meta);
		free(label);
		return;
	}
	draw_header_footer(tg, cr, ctx, d, pg, label);
	free(label);

	/* panel backgrounds first, one rectangle per run of a panel's items */
	for (int k = 0; k < pg->nplace; k++) {
		const pdf_item *it = &l->items[pg->place[k].item];
		if (!it->panel)
			continue;
		int e = k;
		while (e + 1 < pg->nplace && l->items[pg->place[e + 1].item].panel == it->panel)
			e++;
		double y0 = PDF_BODY_TOP + pg->place[k].y;
		double y1 = PDF_BODY_TOP + pg->place[e].y + l->items[pg->place[e].item].h;
		tg_artifact(tg);
		cairo_set_source_rgb(cr, 0.93, 0.95, 0.97);
		cairo_rectangle(cr, it->panel_x, y0, it->panel_w, y1 - y0);
		cairo_fill(cr);
		cairo_set_source_rgb(cr, ACCENT);
		cairo_rectangle(cr, it->panel_x, y0, 3, y1 - y0);
		cairo_fill(cr);
		k = e;
	}

	/* where the footnotes go: under a rule at the foot of the page */
	double *note_y = xcalloc((size_t)(pg->nnotes ? pg->nnotes : 1), sizeof *note_y);
	int *drawn = xcalloc((size_t)(pg->nnotes ? pg->nnotes : 1), sizeof *drawn);
	if (pg->nnotes) {
		double y = PDF_BODY_BOTTOM - pg->notes_h;
		tg_artifact(tg);
		cairo_set_source_rgb(cr, 0.3, 0.3, 0.3);
		cairo_rectangle(cr, PDF_MARGIN_L, y + 5, 110, 0.5);
		cairo_fill(cr);
		y += 14;
		for (int k = 0; k < pg->nnotes; k++) {
			note_y[k] = y;
			y += l->notes[pg->notes[k]].h;
		}
	}

	page_ctx pc = { tg, ctx, l, pg, note_y, drawn };
	/* The items in page order, each op in its structure element. Rules
	 * and backgrounds of an item first, so the tagger does not close and
	 * reopen an element around them; a repeated table header row is
	 * furniture as a whole. */
	for (int k = 0; k < pg->nplace; k++) {
		const pdf_item *it = &l->items[pg->place[k].item];
		double top = PDF_BODY_TOP + pg->place[k].y;
		int repeat = pg->place[k].repeat;
		if (repeat)
			tg_artifact(tg);
		for (int o = 0; o < it->nops; o++)
			if (it->ops[o].kind == PDF_OP_RECT)
				draw_op(repeat ? NULL : tg, cr, ctx, l, &it->ops[o], top, repeat);
		for (int o = 0; o < it->nops; o++) {
			const pdf_op *op = &it->ops[o];
			if (op->kind == PDF_OP_RECT || (op->kind == PDF_OP_LINK && (repeat || link_with_line(it, o))))
				continue; /* a link with its line: drawn with it */
			if (!repeat && op->kind == PDF_OP_LINE && line_has_links(it, o)) {
				draw_line_links(&pc, it, o, top);
				continue;
			}
			draw_op(repeat ? NULL : tg, cr, ctx, l, op, top, repeat);
			if (op->kind != PDF_OP_LINK || repeat)
				continue;
			for (int k = 0; k < pg->nnotes; k++)
				if (!strcmp(l->notes[pg->notes[k]].ops[0].name, op->name))
					draw_note(tg, cr, ctx, l, pg, note_y, drawn, k, op->el);
		}
		/* a note whose marker got no link (too narrow) follows its item */
		for (int n = 0; n < it->nnotes && !repeat; n++)
			for (int k = 0; k < pg->nnotes; k++)
				if (pg->notes[k] == it->notes[n])
					draw_note(tg, cr, ctx, l, pg, note_y, drawn, k, it->note_els[n]);
		const doc_node *a = it->anchor;
		if (a && !repeat && a->type == DOC_HEADING && a->level <= 2) {
			char *t = pdf_heading_text(a);
			char *attr = xasprintf("dest='%s'", pdf_dest_name(l, a));
			if (a->level == 1) {
				*outline_parent = cairo_pdf_surface_add_outline(surf, CAIRO_PDF_OUTLINE_ROOT, t, attr,
										 CAIRO_PDF_OUTLINE_FLAG_OPEN);
			} else {
				cairo_pdf_surface_add_outline(surf, *outline_parent, t, attr, 0);
			}
			free(attr);
			free(t);
		}
	}
	free(note_y);
	free(drawn);
	/* marked content ends with the page; containers (a table, a list)
	 * stay open and continue on the next */
	tg_close_content(tg);
}

static cairo_status_t to_memory(void *closure, const unsigned char *data, unsigned int length)
{
	sb_addn(closure, (const char *)data, length);
	return CAIRO_STATUS_SUCCESS;
}

int doc_write_pdf(const doc *d, const char *path, char *msg, size_t msglen)
{
	hyph *hy = hyph_open_lang(report_lang(), msg, msglen);
	if (!hy)
		return -1;
	/* cairo writes to memory; pdf_ua_finish writes the finished file */
	strbuf pdf;
	sb_init(&pdf);
	cairo_surface_t *surf = cairo_pdf_surface_create_for_stream(to_memory, &pdf, PDF_PAGE_W, PDF_PAGE_H);
	if (cairo_surface_status(surf) != CAIRO_STATUS_SUCCESS) {
		snprintf(msg, msglen, "%s: %s", path, cairo_status_to_string(cairo_surface_status(surf)));
		cairo_surface_destroy(surf);
		sb_free(&pdf);
		hyph_close(hy);
		return -1;
	}
	char *title = set_metadata(surf, &d->meta);
	cairo_t *cr = cairo_create(surf);

	PangoContext *ctx = pdf_context_new(cr);

	prof_mark("pdf: start");
	pdf_layout *l = pdf_layout_new(d, ctx, hy);
	prof_mark("pdf: layout");
	int outline_parent = CAIRO_PDF_OUTLINE_ROOT;
	pdf_ua_info info = { 0 };
	tagger tg = { .cr = cr, .info = &info };
	/* The Document structure element is more than accessibility: cairo
	 * 1.16 gives every link annotation a structure parent, and writes
	 * those objects only when a structure tree exists; without one the
	 * file references objects it never wrote (qpdf: "file is damaged"). */
	cairo_tag_begin(cr, "Document", NULL);
	for (int p = 0; p < l->npages; p++) {
		draw_page(&tg, surf, ctx, d, l, p, &outline_parent);
		cairo_show_page(cr);
	}
	while (tg.n)
		tg_pop(&tg);
	cairo_tag_end(cr, "Document");
	pdf_layout_free(l);
	g_object_unref(ctx);

	cairo_status_t st = cairo_status(cr);
	cairo_destroy(cr);
	cairo_surface_finish(surf);
	if (st == CAIRO_STATUS_SUCCESS)
		st = cairo_surface_status(surf);
	cairo_surface_destroy(surf);
	hyph_close(hy);
	prof_mark("pdf: draw (cairo)");
	int rc = 0;
	if (st != CAIRO_STATUS_SUCCESS) {
		snprintf(msg, msglen, "%s: %s", path, cairo_status_to_string(st));
		rc = -1;
	} else {
		char *date = pdf_date(&d->meta);
		char *authors[9] = { 0 };
		for (int i = 0; i < 8 && d->meta.authors[i]; i++)
			authors[i] = d->meta.authors[i];
		info.title = title;
		info.subject = d->meta.subtitle;
		info.keywords = d->meta.keywords;
		info.authors = (const char *const *)authors;
		info.creator_tool = PDF_CREATOR;
		info.date = date;
		info.lang = report_lang();
		rc = pdf_ua_finish(pdf.s, pdf.len, &info, path, msg, msglen);
		prof_mark("pdf: finishing pass (qpdf)");
		free(date);
	}
	for (int i = 0; i < info.nalts; i++)
		free(info.alts[i]);
	free(info.alts);
	free(info.scopes);
	for (int i = 0; i < info.nspans; i++)
		free(info.span_langs[i]);
	free(info.span_langs);
	for (int i = 0; i < info.nlinks; i++) {
		free(info.link_dests[i]);
		free(info.link_texts[i]);
	}
	free(info.link_dests);
	free(info.link_texts);
	free(title);
	sb_free(&pdf);
	return rc;
}
