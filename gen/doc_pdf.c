/* doc_pdf.c: the PDF typesetter's entry point and draw pass.
 *
 * doc_write_pdf sets up a cairo PDF surface and a pango context measured at
 * 72 dpi without metric hinting (so text measures the same as in the
 * charts and the PNGs), lets pdf_layout.c measure and paginate the whole
 * report, and then draws the finished pages: title page, running header and
 * footer, panel backgrounds, text lines, charts, footnotes, the contents
 * page numbers with dot leaders, links, destinations and bookmarks. The
 * document info (dates included) comes from doc->meta and SOURCE_DATE_EPOCH
 * only, so two runs give the same bytes. */
#include "doc_writers.h"
#include "pdf_layout.h"
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
	cairo_move_to(cr, x, y);
	pango_cairo_show_layout(cr, ly);
	g_object_unref(ly);
	return h / (double)PANGO_SCALE;
}

static void draw_titlepage(cairo_t *cr, PangoContext *ctx, const doc_meta *m)
{
	double x = PDF_MARGIN_L, w = PDF_TEXT_W;
	/* a band of the accent colour down the left edge */
	cairo_set_source_rgb(cr, ACCENT);
	cairo_rectangle(cr, 0, 0, 28, PDF_PAGE_H);
	cairo_fill(cr);

	double y = 150;
	cairo_set_source_rgb(cr, GREY);
	y += draw_text(cr, ctx, m->doctype ? m->doctype : "Rapportage", 13, 0, 0, x, y, w, 0) + 18;
	cairo_set_source_rgb(cr, ACCENT);
	if (m->title_lines[0]) {
		for (int i = 0; i < 4 && m->title_lines[i]; i++)
			y += draw_text(cr, ctx, m->title_lines[i], 26, 1, 0, x, y, w, 0) + 2;
	} else {
		y += draw_text(cr, ctx, m->title, 26, 1, 0, x, y, w, 0);
	}
	y += 14;
	cairo_rectangle(cr, x, y, 60, 2.5);
	cairo_fill(cr);
	y += 18;
	if (m->subtitle) {
		cairo_set_source_rgb(cr, 0.15, 0.15, 0.15);
		y += draw_text(cr, ctx, m->subtitle, 12.5, 0, 1, x, y, w * 0.9, 0);
	}
	if (m->variant && strcmp(m->variant, "nederland") && m->area) {
		/* a province edition says so on its cover */
		char *ed = xasprintf("Editie provincie %s", m->area);
		y += 16;
		cairo_set_source_rgb(cr, 0.07, 0.22, 0.40);
		y += draw_text(cr, ctx, ed, 14, 1, 0, x, y, w, 0);
		free(ed);
	}

	y = 560;
	cairo_set_source_rgb(cr, GREY);
	draw_text(cr, ctx, "Aan", 10, 1, 0, x, y, 0, 0);
	cairo_set_source_rgb(cr, 0, 0, 0);
	y += draw_text(cr, ctx, m->client, 10, 0, 0, x + 50, y, w - 50, 0) + 14;
	cairo_set_source_rgb(cr, GREY);
	draw_text(cr, ctx, "Van", 10, 1, 0, x, y, 0, 0);
	cairo_set_source_rgb(cr, 0, 0, 0);
	for (int i = 0; i < 8 && m->authors[i]; i++)
		y += draw_text(cr, ctx, m->authors[i], 10, 0, 0, x + 50, y, w - 50, 0);
	y += 28;
	char *pd = xasprintf("%s%s%s", m->place ? m->place : "", m->place && m->date ? ", " : "", m->date ? m->date : "");
	draw_text(cr, ctx, pd, 10, 0, 0, x, y, w, 0);
	free(pd);
}

static void draw_header_footer(cairo_t *cr, PangoContext *ctx, const doc *d, const pdf_page *pg, int pageno)
{
	char *chap = pg->chapter ? pdf_heading_text(pg->chapter) : NULL;
	cairo_set_source_rgb(cr, GREY);
	draw_text(cr, ctx, d->meta.title ? d->meta.title : "", 8, 0, 0, PDF_MARGIN_L, PDF_HEADER_BASELINE - 10, 0, 0);
	if (chap) {
		draw_text(cr, ctx, chap, 8, 0, 1, PDF_MARGIN_L + PDF_TEXT_W, PDF_HEADER_BASELINE - 10, 0, 2);
		free(chap);
	}
	cairo_rectangle(cr, PDF_MARGIN_L, PDF_HEADER_BASELINE + 4, PDF_TEXT_W, 0.5);
	cairo_fill(cr);
	char num[16];
	snprintf(num, sizeof num, "%d", pageno);
	draw_text(cr, ctx, num, 9, 0, 0, PDF_MARGIN_L + PDF_TEXT_W / 2, PDF_FOOTER_BASELINE - 9, 0, 1);
}

static void draw_op(cairo_t *cr, PangoContext *ctx, pdf_layout *l, const pdf_op *o, double top, int repeat)
{
	switch (o->kind) {
	case PDF_OP_LINE:
		cairo_set_source_rgb(cr, 0, 0, 0);
		cairo_move_to(cr, o->x, top + o->y);
		pango_cairo_show_layout_line(cr, o->line);
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
		/* only to places that exist: a dangling dest would break the file */
		int ok = 0;
		for (int i = 0; i < l->nitems && !ok; i++)
			for (int k = 0; k < l->items[i].nops && !ok; k++)
				if (l->items[i].ops[k].kind == PDF_OP_DEST && !strcmp(l->items[i].ops[k].name, o->name))
					ok = 1;
		for (int i = 0; i < l->nnotes && !ok; i++)
			if (!strcmp(l->notes[i].ops[0].name, o->name))
				ok = 1;
		if (!ok)
			break;
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
		int page = pdf_layout_page_of(l, o->node);
		char num[16];
		snprintf(num, sizeof num, "%d", page);
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
		/* dot leader on a fixed grid, so the dots of all entries align */
		const double step = 4.5;
		double from = o->x + 6, to = nx - 5;
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

static void set_metadata(cairo_surface_t *s, const doc_meta *m)
{
	char *title = m->title ? xstrdup(m->title) : xstrdup("Rapport");
	if (m->area && *m->area) {
		char *t = xasprintf("%s (%s)", title, m->area);
		free(title);
		title = t;
	}
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE, title);
	free(title);
	char *au = authors_text(m);
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_AUTHOR, au);
	free(au);
	if (m->subtitle)
		cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_SUBJECT, m->subtitle);
	if (m->keywords)
		cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_KEYWORDS, m->keywords);
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATOR, "doe-democratie rapportgenerator");
	char *date = pdf_date(m);
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATE_DATE, date);
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_MOD_DATE, date);
	free(date);
}

static void draw_page(cairo_t *cr, cairo_surface_t *surf, PangoContext *ctx, const doc *d, pdf_layout *l, int pgi,
		      int *outline_parent)
{
	const pdf_page *pg = &l->pages[pgi];
	if (pg->is_title) {
		draw_titlepage(cr, ctx, &d->meta);
		return;
	}
	draw_header_footer(cr, ctx, d, pg, pgi + 1);

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
		cairo_set_source_rgb(cr, 0.93, 0.95, 0.97);
		cairo_rectangle(cr, it->panel_x, y0, it->panel_w, y1 - y0);
		cairo_fill(cr);
		cairo_set_source_rgb(cr, ACCENT);
		cairo_rectangle(cr, it->panel_x, y0, 3, y1 - y0);
		cairo_fill(cr);
		k = e;
	}

	/* Structure elements: one per paragraph (or heading, caption,
	 * contents entry) and page; a paragraph broken over two pages becomes
	 * two, since cairo's marked content does not cross a page. */
	const char *open_tag = NULL;
	int open_block = 0;
	for (int k = 0; k < pg->nplace; k++) {
		const pdf_item *it = &l->items[pg->place[k].item];
		double top = PDF_BODY_TOP + pg->place[k].y;
		if (open_tag && (it->block != open_block || !it->tag)) {
			cairo_tag_end(cr, open_tag);
			open_tag = NULL;
		}
		if (it->tag && !open_tag) {
			cairo_tag_begin(cr, it->tag, NULL);
			open_tag = it->tag;
			open_block = it->block;
		}
		for (int o = 0; o < it->nops; o++)
			draw_op(cr, ctx, l, &it->ops[o], top, pg->place[k].repeat);
		const doc_node *a = it->anchor;
		if (a && !pg->place[k].repeat && a->type == DOC_HEADING && a->level <= 2) {
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

	if (open_tag)
		cairo_tag_end(cr, open_tag);

	if (pg->nnotes) {
		double y = PDF_BODY_BOTTOM - pg->notes_h;
		cairo_set_source_rgb(cr, 0.3, 0.3, 0.3);
		cairo_rectangle(cr, PDF_MARGIN_L, y + 5, 110, 0.5);
		cairo_fill(cr);
		y += 14;
		for (int k = 0; k < pg->nnotes; k++) {
			const pdf_note *nt = &l->notes[pg->notes[k]];
			cairo_tag_begin(cr, "Note", NULL);
			for (int o = 0; o < nt->nops; o++)
				draw_op(cr, ctx, l, &nt->ops[o], y, 0);
			cairo_tag_end(cr, "Note");
			y += nt->h;
		}
	}
}

int doc_write_pdf(const doc *d, const char *path, char *msg, size_t msglen)
{
	hyph *hy = hyph_open(HYPH_NL_DICT);
	if (!hy) {
		snprintf(msg, msglen, "%s: cannot load the Dutch hyphenation dictionary (package hyphen-nl)", HYPH_NL_DICT);
		return -1;
	}
	cairo_surface_t *surf = cairo_pdf_surface_create(path, PDF_PAGE_W, PDF_PAGE_H);
	if (cairo_surface_status(surf) != CAIRO_STATUS_SUCCESS) {
		snprintf(msg, msglen, "%s: %s", path, cairo_status_to_string(cairo_surface_status(surf)));
		cairo_surface_destroy(surf);
		hyph_close(hy);
		return -1;
	}
	set_metadata(surf, &d->meta);
	cairo_t *cr = cairo_create(surf);

	PangoContext *ctx = pdf_context_new(cr);

	pdf_layout *l = pdf_layout_new(d, ctx, hy);
	int outline_parent = CAIRO_PDF_OUTLINE_ROOT;
	/* The Document structure element is more than accessibility: cairo
	 * 1.16 gives every link annotation a structure parent, and writes
	 * those objects only when a structure tree exists; without one the
	 * file references objects it never wrote (qpdf: "file is damaged"). */
	cairo_tag_begin(cr, "Document", NULL);
	for (int p = 0; p < l->npages; p++) {
		draw_page(cr, surf, ctx, d, l, p, &outline_parent);
		cairo_show_page(cr);
	}
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
	if (st != CAIRO_STATUS_SUCCESS) {
		snprintf(msg, msglen, "%s: %s", path, cairo_status_to_string(st));
		return -1;
	}
	return 0;
}
