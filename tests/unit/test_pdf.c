/* test_pdf.c: the PDF typesetter (doc_pdf.c, pdf_layout.c, hyphenate.c).
 *
 * Builds a report-shaped document tree in C (title page, contents, three
 * chapters with sections, long paragraphs, a panel, lists, a table figure
 * long enough to break across pages, a chart figure, footnotes, a
 * cross-reference, an annex), then checks Dutch hyphenation, the page
 * filling rules on the measured layout, and the written PDF (its bytes the
 * same on a second run). With TEST_PDF_OUT set it also leaves the sample
 * PDF at that path for tests/e2e/pdf_layout.sh. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <cairo-pdf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "chart.h"
#include "doc.h"
#include "doc_writers.h"
#include "hyphenate.h"
#include "pdf_layout.h"
#include "pdf_text.h"
#include "util.h"
#include "test_terms.h"

static const char *LOREM[] = {
	"Gemeenten ondersteunen maatschappelijke initiatieven op veel manieren. Burgers nemen zelf het "
	"initiatief en de gemeente faciliteert, stimuleert of regisseert, afhankelijk van de opgave en van "
	"de mate waarin de samenleving zelf de verantwoordelijkheid neemt voor het resultaat.",
	"De ondersteuningsbehoefte van gemeenten is groot. Ongeveer twee derde van de respondenten ziet "
	"enige of sterke ondersteuningsbehoefte op alle negen onderwerpen die in de enquête zijn "
	"voorgelegd, en de behoefte aan het delen van goede voorbeelden springt eruit.",
	"Beleidsprofessionals hebben de meeste aandacht voor de doe-democratie; bij gemeenteraden is die "
	"aandacht het kleinst. Sinds 2010 is de aandacht bij alle groepen toegenomen, het sterkst bij "
	"beleidsprofessionals en het zwakst bij gemeenteraden, zo blijkt uit de antwoorden van de "
	"respondenten op de vragen over de ontwikkeling van de aandacht.",
};

static doc_node *para(doc_node *parent, const char *text)
{
	doc_node *p = doc_append(parent, doc_node_new(DOC_PARAGRAPH));
	doc_append_text(p, text);
	return p;
}

static doc_node *heading(doc_node *root, int level, const char *text, int flags)
{
	doc_node *h = doc_append(root, doc_node_new(DOC_HEADING));
	h->level = level;
	h->flags = flags;
	doc_append_text(h, text);
	return h;
}

static void footnoted_para(doc_node *root, const char *before, const char *note)
{
	doc_node *p = doc_append(root, doc_node_new(DOC_PARAGRAPH));
	doc_append_text(p, before);
	doc_node *fn = doc_append(p, doc_node_new(DOC_FOOTNOTE));
	doc_append_text(fn, "Raad voor het Openbaar Bestuur, ");
	doc_node *em = doc_append(fn, doc_node_new(DOC_EMPH));
	doc_append_text(em, note);
	doc_append_text(fn, ", december 2012.");
	doc_append_text(p, " Daarna gaat de tekst verder met een tweede zin over de rol van de gemeente.");
}

static doc *build_doc(void)
{
	doc *d = doc_new();
	d->meta.doctype = xstrdup("Rapportage");
	d->meta.title = xstrdup("De \xE2\x80\x98" "doe-democratie\xE2\x80\x99");
	d->meta.title_lines[0] = xstrdup("DE \xE2\x80\x98" "DOE-DEMOCRATIE\xE2\x80\x99");
	d->meta.title_lines[1] = xstrdup("NAAR EEN NIEUWE VERHOUDING");
	d->meta.title_lines[2] = xstrdup("TUSSEN OVERHEID EN SAMENLEVING");
	d->meta.subtitle = xstrdup("Resultaten van een online enqu\xC3\xAAte onder Nederlandse gemeenten over het "
				   "ondersteunen en stimuleren van de \xE2\x80\x98" "doe-democratie\xE2\x80\x99");
	d->meta.client = xstrdup("Het ministerie van Binnenlandse Zaken en Koninkrijksrelaties");
	d->meta.authors[0] = xstrdup("Drs. Jurgen de Jong");
	d->meta.authors[1] = xstrdup("Drs. Bart Litjens");
	d->meta.authors[2] = xstrdup("Dr. Igno Pr\xC3\xB6pper");
	d->meta.place = xstrdup("Vught");
	d->meta.date = xstrdup("5 juni 2013");
	d->meta.date_iso = xstrdup("2013-06-05");
	d->meta.area = xstrdup("Nederland");
	d->meta.keywords = xstrdup("doe-democratie, gemeenten, enqu\xC3\xAAte");
	d->meta.lang = xstrdup("nl");

	doc_node *r = d->root;
	doc_append(r, doc_node_new(DOC_TITLEPAGE));
	doc_append(r, doc_node_new(DOC_TOC));

	/* chapter 1 */
	heading(r, 1, "Kern", DOC_NEW_PAGE);
	heading(r, 2, "Inleiding", 0);
	for (int i = 0; i < 3; i++)
		para(r, LOREM[i]);
	heading(r, 2, "Vraagstelling", 0);
	para(r, "De enqu\xC3\xAAte geeft antwoord op de volgende onderzoeksvragen.");
	doc_node *ol = doc_append(r, doc_node_new(DOC_LIST));
	ol->flags = DOC_ORDERED;
	for (int i = 0; i < 5; i++) {
		doc_node *it = doc_append(ol, doc_node_new(DOC_ITEM));
		doc_append_text(it, i % 2 ? "In hoeverre is er op dit moment aandacht voor het ondersteunen en stimuleren "
					    "van de \xE2\x80\x98" "doe-democratie\xE2\x80\x99?"
					  : "Wat is de stand van zaken?");
	}
	heading(r, 2, "Kernbevindingen", 0);
	heading(r, 3, "STAND VAN ZAKEN", DOC_UNNUMBERED);
	doc_node *p = para(r, "Zie ");
	doc_node *x = doc_append(p, doc_node_new(DOC_XREF));
	x->target = xstrdup("fig-tabel");
	doc_append_text(p, " voor de vormen, en ");
	x = doc_append(p, doc_node_new(DOC_XREF));
	x->target = xstrdup("kader-zeven");
	doc_append_text(p, " voor een samenvatting. ");
	doc_node *claim = doc_append(p, doc_node_new(DOC_CLAIM));
	claim->text = xstrdup("47% in de data, niet 72%");
	doc_append_text(claim, "Zo\xE2\x80\x99n 72% van de gemeenten kent sociaal ondernemerschap.");
	doc_node *panel = doc_append(r, doc_node_new(DOC_PANEL));
	panel->text = xstrdup("Zeven vormen van de \xE2\x80\x98" "doe-democratie\xE2\x80\x99");
	panel->id = xstrdup("kader-zeven");
	para(panel, LOREM[0]);
	doc_node *dl = doc_append(panel, doc_node_new(DOC_LIST));
	dl->flags = DOC_DASH_LIST;
	for (int i = 0; i < 4; i++) {
		doc_node *it = doc_append(dl, doc_node_new(DOC_ITEM));
		doc_append_text(it, i == 2 ? LOREM[1] : "Zelfbeheer van voorzieningen door bewoners.");
	}
	for (int i = 0; i < 6; i++)
		para(r, LOREM[i % 3]);
	footnoted_para(r, "Volgens de definitie van de ROB gaat het om loslaten in vertrouwen.",
		       "Loslaten in vertrouwen. Naar een nieuwe verhouding tussen overheid, markt \xC3\xA9n samenleving");

	/* chapter 2: a table figure that breaks across pages, and a chart */
	heading(r, 1, "Stand van zaken van de \xE2\x80\x98" "doe-democratie\xE2\x80\x99 in gemeenten", DOC_NEW_PAGE);
	doc_node *q = para(r, "Wat is de stand van zaken rond de \xE2\x80\x98" "doe-democratie\xE2\x80\x99?");
	q->flags = DOC_INTRO;
	para(r, LOREM[0]);
	doc_node *fig = doc_append(r, doc_node_new(DOC_FIGURE));
	fig->id = xstrdup("fig-tabel");
	doc_append_text(doc_append(fig, doc_node_new(DOC_CAPTION)), "vormen van de \xE2\x80\x98" "doe-democratie\xE2\x80\x99.");
	doc_node *tab = doc_append(fig, doc_node_new(DOC_TABLE));
	doc_node *hr = doc_append(tab, doc_node_new(DOC_TABLE_ROW));
	hr->flags = DOC_HEADER_ROW;
	doc_append_text(doc_append(hr, doc_node_new(DOC_TABLE_CELL)), "Vorm");
	doc_append_text(doc_append(hr, doc_node_new(DOC_TABLE_CELL)), "Denk bijvoorbeeld aan\xE2\x80\xA6");
	doc_node *nc = doc_append(hr, doc_node_new(DOC_TABLE_CELL));
	nc->flags = DOC_NUMERIC;
	doc_append_text(nc, "Aandeel");
	for (int i = 0; i < 30; i++) {
		doc_node *row = doc_append(tab, doc_node_new(DOC_TABLE_ROW));
		char buf[64];
		snprintf(buf, sizeof buf, "Vorm %d: zelfbeheer", i + 1);
		doc_append_text(doc_append(row, doc_node_new(DOC_TABLE_CELL)), buf);
		doc_append_text(doc_append(row, doc_node_new(DOC_TABLE_CELL)), LOREM[i % 2]);
		doc_node *num = doc_append(row, doc_node_new(DOC_TABLE_CELL));
		num->flags = DOC_NUMERIC;
		snprintf(buf, sizeof buf, "%d%%", (i * 37) % 100);
		doc_append_text(num, buf);
	}
	doc_node *cf = doc_append(r, doc_node_new(DOC_FIGURE));
	chart *c = chart_new(CHART_STACKED, "figuur-2-2", "het voorkomen van vormen");
	chart_add_category(c, "Ja", 0);
	chart_add_category(c, "Nee", 0);
	chart_add_category(c, "Weet niet", 1);
	int pcts[][3] = { { 94, 4, 2 }, { 82, 15, 3 }, { 72, 20, 8 }, { 47, 49, 4 } };
	const char *labels[] = { "Zelfbeheer", "Nieuwe netwerken en coalities", "Vrijwilligerswerk",
				 "Sociaal ondernemerschap" };
	for (int i = 0; i < 4; i++)
		chart_add_bar(c, labels[i], 98, pcts[i]);
	cf->chart = c;
	doc_append_text(doc_append(cf, doc_node_new(DOC_CAPTION)), "het voorkomen van vormen (n=98).");
	doc_node *dt = doc_append(cf, doc_node_new(DOC_TABLE));
	dt->flags = DOC_DATA_TABLE;
	for (int i = 0; i < 5; i++)
		para(r, LOREM[i % 3]);

	/* chapter 3 */
	heading(r, 1, "Gemeentelijke inzet en ontwikkelingen", DOC_NEW_PAGE);
	heading(r, 2, "Aandacht voor het ondersteunen en stimuleren van de \xE2\x80\x98" "doe-democratie\xE2\x80\x99", 0);
	for (int i = 0; i < 4; i++)
		para(r, LOREM[i % 3]);
	footnoted_para(r, "Regisseren betekent dat de overheid de regie houdt.",
		       "Loslaten in vertrouwen, p. 68");
	doc_node *quote = doc_append(r, doc_node_new(DOC_QUOTE));
	para(quote, "\xE2\x80\x9C" "Snel een resultaat neerzetten, dat is wat burgers willen.\xE2\x80\x9D");
	para(r, LOREM[1])->flags = DOC_NEW_PAGE; /* any block may ask for a new page */
	heading(r, 2, "Wat doen gemeenten feitelijk?", 0);
	for (int i = 0; i < 9; i++)
		para(r, LOREM[(i + 1) % 3]);

	/* annex */
	heading(r, 1, "Methode en verantwoording", DOC_ANNEX | DOC_NEW_PAGE);
	para(r, LOREM[2]);
	return d;
}

static doc *resolved_doc(void)
{
	doc *d = build_doc();
	char msg[256];
	int rc = doc_resolve(d, msg, sizeof msg);
	if (rc != 0)
		fail_msg("doc_resolve: %s", msg);
	return d;
}

/* ---- hyphenation ---- */

static char *show_breaks(const char *s)
{
	strbuf b;
	sb_init(&b);
	for (const char *p = s; *p; p++) {
		if ((unsigned char)p[0] == 0xC2 && (unsigned char)p[1] == 0xAD) {
			sb_addc(&b, '|');
			p++;
		} else {
			sb_addc(&b, *p);
		}
	}
	return sb_take(&b);
}

static void test_hyphenation(void **state)
{
	(void)state;
	hyph *h = hyph_open(HYPH_NL_DICT);
	assert_non_null(h);
	struct {
		const char *in, *out;
	} cases[] = {
		{ "ondersteuningsbehoefte", "onder|steu|nings|be|hoefte" },
		{ "gemeenten", "gemeen|ten" },
		{ "Koninkrijksrelaties", "Konink|rijks|re|la|ties" },
		{ "maatschappelijke initiatieven", "maat|schap|pe|lijke ini|ti|a|tie|ven" },
		/* short words and words outside Latin-1 stay whole */
		{ "de doe", "de doe" },
		{ "\xCE\xA9mega\xCE\xA9mega", "\xCE\xA9mega\xCE\xA9mega" },
		/* accented letters are converted to Latin-1 and back */
		{ "enqu\xC3\xAAte", "enqu\xC3\xAAte" },
		/* parts of a hyphenated compound break at the hyphen only */
		{ "\xE2\x80\x98" "doe-democratie\xE2\x80\x99 democratie", "\xE2\x80\x98" "doe-democratie\xE2\x80\x99 demo|cra|tie" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *s = hyph_text(h, cases[i].in);
		char *shown = show_breaks(s);
		assert_string_equal(shown, cases[i].out);
		free(shown);
		free(s);
	}
	char *s = hyph_text(NULL, "ondersteuningsbehoefte");
	assert_string_equal(s, "ondersteuningsbehoefte");
	free(s);
	hyph_close(h);
}

/* ---- layout ---- */

typedef struct {
	cairo_surface_t *surf;
	cairo_t *cr;
	PangoContext *ctx;
	hyph *hy;
	doc *d;
	pdf_layout *l;
} fixture;

static int layout_setup(void **state)
{
	fixture *f = xcalloc(1, sizeof *f);
	f->surf = cairo_pdf_surface_create_for_stream(NULL, NULL, PDF_PAGE_W, PDF_PAGE_H);
	f->cr = cairo_create(f->surf);
	f->ctx = pdf_context_new(f->cr);
	f->hy = hyph_open(HYPH_NL_DICT);
	f->d = resolved_doc();
	f->l = pdf_layout_new(f->d, f->ctx, f->hy);
	*state = f;
	return 0;
}

static int layout_teardown(void **state)
{
	fixture *f = *state;
	pdf_layout_free(f->l);
	doc_free(f->d);
	hyph_close(f->hy);
	g_object_unref(f->ctx);
	cairo_destroy(f->cr);
	cairo_surface_destroy(f->surf);
	free(f);
	return 0;
}

static doc_node *find_heading(doc *d, const char *text)
{
	for (doc_node *n = d->root->first; n; n = n->next) {
		if (n->type != DOC_HEADING)
			continue;
		char *t = doc_plain_text(n);
		int eq = !strcmp(t, text);
		free(t);
		if (eq)
			return n;
	}
	return NULL;
}

static void test_pages(void **state)
{
	fixture *f = *state;
	pdf_layout *l = f->l;
	/* title, contents, three chapters of one to three pages, an annex */
	assert_in_range(l->npages, 8, 20);
	assert_true(l->pages[0].is_title);
	assert_int_equal(l->pages[0].nplace, 1);

	/* every chapter and the annex open a page */
	const char *chapters[] = { "Kern", "Gemeentelijke inzet en ontwikkelingen", "Methode en verantwoording" };
	int prev = 0;
	for (int i = 0; i < 3; i++) {
		doc_node *h = find_heading(f->d, chapters[i]);
		assert_non_null(h);
		int pg = pdf_layout_page_of(l, h);
		assert_true(pg > prev);
		prev = pg;
		assert_ptr_equal(l->items[l->pages[pg - 1].place[0].item].anchor, h);
		assert_ptr_equal(l->pages[pg - 1].chapter, h);
	}

	/* title, contents, 3 chapters, the annex, one flagged paragraph and
	 * the colofon (the sample has a client) each open a page */
	int opened = 0;
	for (int p = 0; p < l->npages; p++)
		for (int k = 0; k < l->pages[p].nplace; k++)
			if (l->items[l->pages[p].place[k].item].new_page) {
				assert_int_equal(k, 0);
				opened++;
			}
	assert_int_equal(opened, 8);
	/* the colofon's page is the last, and in no chapter */
	assert_true(l->colofon > 0);
	assert_int_equal(l->pages[l->npages - 1].place[0].item, l->colofon - 1);
	assert_null(l->pages[l->npages - 1].chapter);

	/* figures keep their order, even when a chart waits for room */
	int last = 0;
	for (doc_node *n = f->d->root->first; n; n = n->next) {
		if (n->type != DOC_FIGURE)
			continue;
		int pg = pdf_layout_page_of(l, n);
		assert_true(pg >= last && pg > 0);
		last = pg;
	}
}

static void test_contents(void **state)
{
	fixture *f = *state;
	const doc_node *heads[64];
	int pages[64];
	int n = pdf_toc_pages(f->l, heads, pages, 64);
	/* 3 chapters + 1 annex at level 1, 5 sections at level 2 */
	assert_int_equal(n, 9);
	int prev = 2;
	for (int i = 0; i < n; i++) {
		assert_true(pages[i] >= prev); /* in reading order, after the contents */
		assert_int_equal(pages[i], pdf_layout_page_of(f->l, heads[i]));
		prev = pages[i];
	}
	assert_true(heads[n - 1]->flags & DOC_ANNEX);
}

/* Each page fits its body; a page never ends on an item that keeps with the
 * next one (heading alone, first line alone, a widow), unless the chain is
 * taller than a page. */
static void test_flow_rules(void **state)
{
	fixture *f = *state;
	pdf_layout *l = f->l;
	for (int p = 1; p < l->npages; p++) {
		const pdf_page *pg = &l->pages[p];
		assert_true(pg->nplace > 0);
		const pdf_place *last = &pg->place[pg->nplace - 1];
		double bottom = last->y + l->items[last->item].h + pg->notes_h;
		assert_true(bottom <= PDF_BODY_H + 0.01);
		/* no heading at the foot of a page */
		const char *tag = l->items[last->item].tag;
		assert_true(!tag || tag[0] != 'H');
		/* a paragraph broken here leaves at least two lines on each side */
		if (p + 1 < l->npages && l->pages[p + 1].nplace) {
			int blk = l->items[last->item].block;
			const pdf_page *nx = &l->pages[p + 1];
			if (blk && l->items[nx->place[0].item].block == blk) {
				int before = 0, after = 0;
				for (int k = 0; k < pg->nplace; k++)
					before += l->items[pg->place[k].item].block == blk;
				for (int k = 0; k < nx->nplace; k++)
					after += l->items[nx->place[k].item].block == blk;
				assert_true(before >= 2);
				assert_true(after >= 2);
			}
		}
		if (p + 1 < l->npages) {
			int i = last->item;
			const pdf_page *nx = &l->pages[p + 1];
			int j = -1;
			for (int k = 0; k < nx->nplace; k++)
				if (!nx->place[k].repeat && !l->items[nx->place[k].item].is_float) {
					j = nx->place[k].item;
					break;
				}
			if (j == i + 1 && l->items[i].keep_with_next) {
				double chain = 0;
				for (int k = i; k >= 0 && (k == i || l->items[k].keep_with_next); k--)
					chain += l->items[k].h;
				assert_true(chain > PDF_BODY_H / 2);
			}
		}
	}
}

static void test_table_breaks_with_header(void **state)
{
	fixture *f = *state;
	pdf_layout *l = f->l;
	int pages_with_rows = 0, repeats = 0;
	for (int p = 0; p < l->npages; p++) {
		int rows = 0;
		for (int k = 0; k < l->pages[p].nplace; k++) {
			const pdf_item *it = &l->items[l->pages[p].place[k].item];
			if (it->table == 1 && !it->is_header)
				rows++;
			if (l->pages[p].place[k].repeat) {
				repeats++;
				assert_true(it->is_header);
				assert_int_equal(k, 0); /* the repeated header heads the page */
			}
		}
		if (rows)
			pages_with_rows++;
	}
	assert_true(pages_with_rows >= 2);
	assert_int_equal(repeats, pages_with_rows - 1);
}

/* A footnote sits on the page of its marker. */
static void test_footnotes(void **state)
{
	fixture *f = *state;
	pdf_layout *l = f->l;
	int found = 0;
	for (int p = 0; p < l->npages; p++) {
		const pdf_page *pg = &l->pages[p];
		for (int k = 0; k < pg->nplace; k++) {
			const pdf_item *it = &l->items[pg->place[k].item];
			for (int m = 0; m < it->nnotes; m++) {
				int on = 0;
				for (int q = 0; q < pg->nnotes; q++)
					on |= pg->notes[q] == it->notes[m];
				assert_true(on);
				found++;
			}
		}
	}
	assert_int_equal(found, 2);
	assert_int_equal(l->nnotes, 2);
}

/* Orphans and widows: whatever the offset at which a page fills up, a
 * paragraph broken over two pages keeps two lines on each side, and a
 * heading is never the last thing on a page. */
static int check_breaks(const pdf_layout *l)
{
	int splits = 0;
	for (int p = 0; p + 1 < l->npages; p++) {
		const pdf_page *pg = &l->pages[p], *nx = &l->pages[p + 1];
		if (!pg->nplace || !nx->nplace)
			continue;
		const pdf_item *last = &l->items[pg->place[pg->nplace - 1].item];
		assert_true(!last->tag || last->tag[0] != 'H');
		int blk = last->block;
		if (!blk || l->items[nx->place[0].item].block != blk)
			continue;
		int before = 0, after = 0;
		for (int k = 0; k < pg->nplace; k++)
			before += l->items[pg->place[k].item].block == blk;
		for (int k = 0; k < nx->nplace; k++)
			after += l->items[nx->place[k].item].block == blk;
		assert_true(before >= 2);
		assert_true(after >= 2);
		splits++;
	}
	return splits;
}

static void test_widows_orphans(void **state)
{
	fixture *f = *state;
	int splits = 0;
	for (int k = 0; k < 8; k++) {
		doc *d = doc_new();
		heading(d->root, 1, "Kern", 0)->number = xstrdup("1");
		for (int i = 0; i < k; i++)
			para(d->root, "Een korte alinea.");
		for (int i = 0; i < 40; i++) {
			if (i % 9 == 4)
				heading(d->root, 2, "Een paragraaf", DOC_UNNUMBERED);
			char *t = xasprintf("%s %s", LOREM[i % 3], i % 2 ? LOREM[(i + 1) % 3] : "");
			para(d->root, t);
			free(t);
		}
		pdf_layout *l = pdf_layout_new(d, f->ctx, f->hy);
		splits += check_breaks(l);
		pdf_layout_free(l);
		doc_free(d);
	}
	assert_true(splits >= 8); /* the rule was put to the test */
}

/* A figure that floats keeps a gap to the text under it, and stands only
 * at a paragraph boundary: never between two lines of one paragraph, also
 * not at the top of a page where a paragraph continues from the page
 * before (issue 20: it waits for the paragraph's end). */
static void test_gap_under_float(void **state)
{
	fixture *f = *state;
	int seen = 0;
	for (int k = 0; k < 12; k++) {
		doc *d = doc_new();
		heading(d->root, 1, "Kern", 0)->number = xstrdup("1");
		for (int i = 0; i < k + 3; i++)
			para(d->root, LOREM[i % 3]);
		doc_node *cf = doc_append(d->root, doc_node_new(DOC_FIGURE));
		chart *c = chart_new(CHART_STACKED, "figuur-1-1", "het voorkomen van vormen");
		chart_add_category(c, "Ja", 0);
		chart_add_category(c, "Nee", 0);
		int pcts[][2] = { { 94, 6 }, { 82, 18 }, { 72, 28 }, { 47, 53 }, { 30, 70 }, { 12, 88 } };
		for (int i = 0; i < 6; i++)
			chart_add_bar(c, "Zelfbeheer van de openbare ruimte door individuele of groepen burgers", 98, pcts[i]);
		cf->chart = c;
		doc_append_text(doc_append(cf, doc_node_new(DOC_CAPTION)), "het voorkomen van vormen (n=98).");
		for (int i = 0; i < 12; i++)
			para(d->root, LOREM[(i + k) % 3]);
		pdf_layout *l = pdf_layout_new(d, f->ctx, f->hy);
		for (int p = 0; p < l->npages; p++) {
			const pdf_page *pg = &l->pages[p];
			for (int j = 1; j < pg->nplace; j++) {
				const pdf_item *a = &l->items[pg->place[j - 1].item], *b = &l->items[pg->place[j].item];
				if (!a->is_float || b->is_float)
					continue;
				assert_true(pg->place[j].y - (pg->place[j - 1].y + a->h) >= 12.0 - 0.01);
				seen += b->space_before < 12; /* the gap made larger */
			}
			/* the first text of a page after floats at its top begins a paragraph */
			int j = 0;
			while (j < pg->nplace && l->items[pg->place[j].item].is_float)
				j++;
			if (j > 0 && j < pg->nplace && p > 0) {
				const pdf_page *prev = &l->pages[p - 1];
				const pdf_item *b = &l->items[pg->place[j].item];
				const pdf_item *a = &l->items[prev->place[prev->nplace - 1].item];
				assert_true(!b->block || a->block != b->block);
			}
			for (int k = 1; k + 1 < pg->nplace; k++) {
				const pdf_item *a = &l->items[pg->place[k - 1].item], *b = &l->items[pg->place[k + 1].item];
				if (l->items[pg->place[k].item].is_float && !a->is_float && !b->is_float)
					assert_true(!b->block || a->block != b->block);
			}
		}
		pdf_layout_free(l);
		doc_free(d);
	}
	assert_true(seen >= 1); /* the case was put to the test */
}

/* Soft hyphens break lines but never reach the PDF's text layer (copy,
 * search, pdftotext); a line broken at one ends in "-" there. The text is
 * what pdf_show_line gives cairo for each line. */
static void test_soft_hyphens_not_drawn(void **state)
{
	fixture *f = *state;
	pdf_layout *l = f->l;
	int lines = 0, hyphenated = 0, had_shy = 0;
	for (int i = 0; i < l->nitems; i++) {
		for (int k = 0; k < l->items[i].nops; k++) {
			const pdf_op *o = &l->items[i].ops[k];
			if (o->kind != PDF_OP_LINE)
				continue;
			const char *raw = pango_layout_get_text(o->line->layout) + o->line->start_index;
			int rn = o->line->length;
			int shy_at_end = rn >= 2 && (unsigned char)raw[rn - 2] == 0xC2 && (unsigned char)raw[rn - 1] == 0xAD;
			for (int j = 0; j + 1 < rn; j++)
				had_shy += (unsigned char)raw[j] == 0xC2 && (unsigned char)raw[j + 1] == 0xAD;
			char *t = pdf_line_text(o->line);
			int n = (int)strlen(t);
			lines++;
			assert_null(strstr(t, "\xC2\xAD"));
			if (shy_at_end) {
				/* the word broken here reads "...-" */
				assert_true(n >= 2 && t[n - 1] == '-' && t[n - 2] != ' ');
				hyphenated++;
			}
			g_free(t);
		}
	}
	assert_true(lines > 300);
	assert_true(had_shy > 100); /* the layout does use them */
	assert_true(hyphenated >= 3);
}

/* Cross-references and footnote markers are clickable, over their own text. */
static void test_links(void **state)
{
	fixture *f = *state;
	pdf_layout *l = f->l;
	int xref_fig = 0, xref_panel = 0, notes = 0;
	for (int i = 0; i < l->nitems; i++) {
		for (int k = 0; k < l->items[i].nops; k++) {
			const pdf_op *o = &l->items[i].ops[k];
			if (o->kind != PDF_OP_LINK || l->items[i].tag == NULL || !strcmp(l->items[i].tag, "TOCI"))
				continue;
			if (!strcmp(o->name, "fig-tabel")) {
				xref_fig++;
				assert_in_range((long)o->w, 25, 70); /* "figuur 2.1" at 10 pt */
				assert_true(o->x >= PDF_MARGIN_L && o->x + o->w <= PDF_MARGIN_L + PDF_TEXT_W + 0.5);
			} else if (!strcmp(o->name, "kader-zeven")) {
				xref_panel++;
			} else {
				for (int n = 0; n < l->nnotes; n++)
					if (!strcmp(o->name, l->notes[n].ops[0].name)) {
						notes++;
						assert_true(o->w < 8); /* the marker, one superscript digit */
					}
			}
		}
	}
	assert_int_equal(xref_fig, 1);
	assert_true(xref_panel >= 1);
	assert_int_equal(notes, 2);
}

/* ---- the written PDF ---- */

static unsigned char *slurp(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	if (!fp)
		return NULL;
	fseek(fp, 0, SEEK_END);
	long n = ftell(fp);
	fseek(fp, 0, SEEK_SET);
	unsigned char *b = xmalloc((size_t)n + 1);
	size_t got = fread(b, 1, (size_t)n, fp);
	fclose(fp);
	*len = got;
	return b;
}

/* The PDF with its object streams unpacked and streams decompressed
 * (qpdf --qdf), so its dictionaries can be searched as text. */
static unsigned char *slurp_plain(const char *path, size_t *len)
{
	char out[] = "/tmp/test_pdf_qdfXXXXXX";
	int fd = mkstemp(out);
	if (fd < 0)
		return NULL;
	close(fd);
	char *cmd = xasprintf("qpdf --qdf --object-streams=disable '%s' '%s'", path, out);
	int rc = system(cmd);
	free(cmd);
	unsigned char *b = rc == 0 ? slurp(out, len) : NULL;
	unlink(out);
	return b;
}

static int contains(const unsigned char *hay, size_t n, const char *needle)
{
	size_t m = strlen(needle);
	for (size_t i = 0; i + m <= n; i++)
		if (!memcmp(hay + i, needle, m))
			return 1;
	return 0;
}

static void test_write_pdf(void **state)
{
	(void)state;
	char a[] = "/tmp/test_pdf_aXXXXXX", b[] = "/tmp/test_pdf_bXXXXXX";
	int fa = mkstemp(a), fb = mkstemp(b);
	assert_true(fa >= 0 && fb >= 0);
	close(fa);
	close(fb);
	char msg[256];
	doc *d = resolved_doc();
	assert_int_equal(doc_write_pdf(d, a, msg, sizeof msg), 0);
	assert_int_equal(doc_write_pdf(d, b, msg, sizeof msg), 0);
	size_t la, lb;
	unsigned char *ba = slurp(a, &la), *bb = slurp(b, &lb);
	assert_non_null(ba);
	assert_non_null(bb);
	assert_true(la > 10000);
	assert_memory_equal(ba, "%PDF-", 5);
	assert_int_equal(la, lb);
	assert_memory_equal(ba, bb, la);
	free(ba);
	ba = slurp_plain(a, &la); /* the dictionaries sit in compressed object streams */
	assert_non_null(ba);
	/* dates from doc->meta, bookmarks present */
	assert_true(contains(ba, la, "/CreationDate (20130605000000Z)")); /* cairo 1.16 writes no "D:" */
	assert_true(contains(ba, la, "/Outlines"));
	/* the PDF/UA finishing pass: language, XMP, tab order, real tables,
	 * lists and notes, no furniture marker left (tests/pdfua_check.py
	 * checks the whole of it on the report) */
	assert_true(contains(ba, la, "/Lang (nl-NL)"));
	assert_true(contains(ba, la, "<pdfuaid:part>1</pdfuaid:part>"));
	assert_true(contains(ba, la, "/DisplayDocTitle true"));
	assert_true(contains(ba, la, "/Tabs /S"));
	assert_true(contains(ba, la, "/S /TH"));
	assert_true(contains(ba, la, "/Scope /Column"));
	assert_true(contains(ba, la, "/S /LBody"));
	assert_true(contains(ba, la, "/S /Note"));
	assert_false(contains(ba, la, "/S /Private"));
	free(ba);
	free(bb);
	const char *keep = getenv("TEST_PDF_OUT");
	if (keep && *keep)
		assert_int_equal(doc_write_pdf(d, keep, msg, sizeof msg), 0);

	/* SOURCE_DATE_EPOCH wins over the report date */
	setenv("SOURCE_DATE_EPOCH", "1000000000", 1);
	assert_int_equal(doc_write_pdf(d, a, msg, sizeof msg), 0);
	unsetenv("SOURCE_DATE_EPOCH");
	ba = slurp_plain(a, &la);
	assert_non_null(ba);
	assert_true(contains(ba, la, "/CreationDate (20010909014640Z)"));
	free(ba);
	unlink(a);
	unlink(b);

	/* an unwritable path is an error with a message, not a crash */
	msg[0] = '\0';
	assert_int_equal(doc_write_pdf(d, "/nonexistent-dir/x.pdf", msg, sizeof msg), -1);
	assert_true(strlen(msg) > 0);
	doc_free(d);
}

/* The structure the layout gives the ops: rules are artifacts, a table's
 * header cells are column headers and the first cell of a body row its
 * row header, a list label precedes its body in the same item, and an
 * element holding a link keeps its text in Spans (cairo 1.16 drops the
 * text of an element with children). */
static void test_structure(void **state)
{
	pdf_layout *l = ((fixture *)*state)->l;
	int th_col = 0, th_row = 0, td = 0, lbl_first = 0, rects = 0;
	for (int i = 0; i < l->nitems; i++) {
		const pdf_item *it = &l->items[i];
		for (int k = 0; k < it->nops; k++) {
			const pdf_op *o = &it->ops[k];
			if (o->kind == PDF_OP_RECT) {
				assert_null(o->el);
				rects++;
				continue;
			}
			if (!o->el)
				continue;
			if (!strcmp(o->el->tag, "TH")) {
				assert_string_equal(o->el->parent->tag, "TR");
				assert_string_equal(o->el->parent->parent->tag, "Table");
				th_col += o->el->scope == PDF_SCOPE_COLUMN;
				th_row += o->el->scope == PDF_SCOPE_ROW;
			}
			td += !strcmp(o->el->tag, "TD");
			if (!strcmp(o->el->tag, "Lbl")) {
				assert_string_equal(o->el->parent->tag, "LI");
				assert_string_equal(o->el->parent->parent->tag, "L");
				/* the body's line comes after the label in the same item */
				int body = 0;
				for (int m = k + 1; m < it->nops; m++)
					body |= it->ops[m].el && it->ops[m].el->parent == o->el->parent;
				lbl_first += body;
			}
			if (o->kind == PDF_OP_LINK)
				assert_true(o->el->span);
		}
	}
	assert_true(th_col > 0);
	assert_true(th_row > 0);
	assert_true(td > 0);
	assert_true(lbl_first > 0);
	assert_true(rects > 0);
}

/* fontconfig keeps its caches until exit; they are not ours to free. */
const char *__lsan_default_suppressions(void);
const char *__lsan_default_suppressions(void)
{
	return "leak:libfontconfig\n";
}

int main(void)
{
	install_test_terms();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_hyphenation),
		cmocka_unit_test_setup_teardown(test_pages, layout_setup, layout_teardown),
		cmocka_unit_test_setup_teardown(test_gap_under_float, layout_setup, layout_teardown),
		cmocka_unit_test_setup_teardown(test_contents, layout_setup, layout_teardown),
		cmocka_unit_test_setup_teardown(test_flow_rules, layout_setup, layout_teardown),
		cmocka_unit_test_setup_teardown(test_table_breaks_with_header, layout_setup, layout_teardown),
		cmocka_unit_test_setup_teardown(test_footnotes, layout_setup, layout_teardown),
		cmocka_unit_test_setup_teardown(test_soft_hyphens_not_drawn, layout_setup, layout_teardown),
		cmocka_unit_test_setup_teardown(test_widows_orphans, layout_setup, layout_teardown),
		cmocka_unit_test_setup_teardown(test_links, layout_setup, layout_teardown),
		cmocka_unit_test_setup_teardown(test_structure, layout_setup, layout_teardown),
		cmocka_unit_test(test_write_pdf),
	};
	int rc = cmocka_run_group_tests(tests, NULL, NULL);
	pango_cairo_font_map_set_default(NULL);
	cairo_debug_reset_static_data();
	return rc;
}
