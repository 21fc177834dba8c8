/* test_html.c: the HTML writer (gen/html/doc_html.c) on a small report built
 * here: chapters, sections, an annex, panels, a quote, lists, a text-table
 * figure, two chart figures, footnotes, cross-references, a failed claim and
 * an open answer with markup in it. The page is checked for what a reader
 * and the site checks depend on: numbered headings, the contents, figure
 * images with alt text and data tables, footnote links both ways, and
 * escaping of every string from the tree.
 *
 * With HTMLTEST_OUT set, the site (landing page plus out/nederland) is
 * written there and kept: tests/e2e/html_checks.sh runs the validators on it
 * while the generator cannot yet produce out/. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "chart.h"
#include "doc.h"
#include "changes.h"
#include "doc_writers.h"
#include "landing.h"
#include "pdfinfo.h"
#include "util.h"
#include "terms.h"
#include "test_terms.h"

#ifndef CSS_PATH
#define CSS_PATH "templates/stijl.css"
#endif

/* The open answer from a respondent that tries to inject markup. */
#define HOSTILE "<script>alert(1)</script> en \" onerror=\"x & 'y'"

static doc_node *add(doc_node *parent, doc_type t)
{
	return doc_append(parent, doc_node_new(t));
}

static doc_node *heading(doc_node *root, int level, int flags, const char *text)
{
	doc_node *h = add(root, DOC_HEADING);
	h->level = level;
	h->flags = flags;
	doc_append_text(h, text);
	return h;
}

static doc_node *para(doc_node *root, const char *text)
{
	doc_node *p = add(root, DOC_PARAGRAPH);
	doc_append_text(p, text);
	return p;
}

static void xref(doc_node *parent, const char *target)
{
	doc_node *x = add(parent, DOC_XREF);
	x->target = xstrdup(target);
	x->src_file = xstrdup("templates/test.xml");
	x->src_line = 1;
}

static void footnote(doc_node *parent, const char *text, const char *title)
{
	doc_node *f = add(parent, DOC_FOOTNOTE);
	doc_append_text(f, text);
	if (title)
		doc_append_text(add(f, DOC_EMPH), title);
	doc_append_text(f, ", december 2012.");
}

static doc_node *row(doc_node *table, int flags)
{
	doc_node *r = add(table, DOC_TABLE_ROW);
	r->flags = flags;
	return r;
}

static doc_node *cell(doc_node *r, int flags, const char *text)
{
	doc_node *c = add(r, DOC_TABLE_CELL);
	c->flags = flags;
	if (text)
		doc_append_text(c, text);
	return c;
}

static doc_node *dash_list(doc_node *parent, const char *const *items)
{
	doc_node *l = add(parent, DOC_LIST);
	l->flags = DOC_DASH_LIST;
	for (; *items; items++)
		doc_append_text(add(l, DOC_ITEM), *items);
	return l;
}

static void meta(doc *d)
{
	doc_meta *m = &d->meta;
	m->doctype = xstrdup("Rapportage");
	m->title = xstrdup("De \xE2\x80\x98" "doe-democratie\xE2\x80\x99");
	m->subtitle = xstrdup("Resultaten van een online enqu\xC3\xAAte onder Nederlandse "
			      "gemeenten over het ondersteunen en stimuleren van de "
			      "\xE2\x80\x98" "doe-democratie\xE2\x80\x99");
	m->client = xstrdup("Het ministerie van Binnenlandse Zaken en Koninkrijksrelaties");
	m->authors[0] = xstrdup("Drs. Jurgen de Jong");
	m->authors[1] = xstrdup("Drs. Bart Litjens");
	m->authors[2] = xstrdup("Dr. Igno Pr\xC3\xB6pper");
	m->place = xstrdup("Vught");
	m->date = xstrdup("5 juni 2013");
	m->date_iso = xstrdup("2013-06-05");
	m->publisher = xstrdup("Partners+Pr\xC3\xB6pper");
	m->licence = xstrdup("Overnemen met bronvermelding.");
	m->fieldwork_from = xstrdup("2013-04-08");
	m->fieldwork_to = xstrdup("2013-05-13");
	m->area = xstrdup("Nederland");
	m->variant = xstrdup("nederland");
	m->lang = xstrdup(report_lang());
}

static chart *stacked_chart(void)
{
	chart *c = chart_new(CHART_STACKED, "figuur-2-2",
			     "het voorkomen van zeven vormen van de doe-democratie");
	chart_add_category(c, "Ja", 0);
	chart_add_category(c, "Nee", 0);
	chart_add_category(c, "Weet niet", 1);
	static const struct {
		const char *label;
		int pct[3];
	} bars[] = {
		{ "Nieuwe netwerken en coalities", { 72, 21, 7 } },
		{ "Vrijwilligerswerk en zelforganisatie", { 82, 14, 4 } },
		{ "Eigen initiatieven rond sociale samenhang", { 94, 3, 3 } },
		{ "Structurele overdracht politieke zeggenschap", { 21, 75, 4 } },
		{ "Sociaal ondernemerschap", { 47, 49, 4 } },
	};
	for (size_t i = 0; i < sizeof bars / sizeof bars[0]; i++)
		chart_add_bar(c, bars[i].label, 0, bars[i].pct);
	return c;
}

static chart *ranking_chart(void)
{
	chart *c = chart_new(CHART_RANKING, "figuur-2-3", "ranglijst van meest typerende vormen");
	chart_add_row(c, 0, 1, "Eigen initiatieven sociale samenhang", 82);
	chart_add_row(c, 0, 2, "Vrijwilligerswerk en zelforganisatie", 55);
	chart_add_row(c, 0, 3, "Zelfbeheer van de openbare ruimte", 36);
	return c;
}

/* The numbers behind a stacked chart, as the generator puts them in the
 * tree for the <details> table. */
static void data_table(doc_node *fig, const chart *c)
{
	doc_node *t = add(fig, DOC_TABLE);
	t->flags = DOC_DATA_TABLE;
	doc_node *r = row(t, DOC_HEADER_ROW);
	cell(r, 0, "Vorm");
	for (int k = 0; k < c->ncat; k++)
		cell(r, DOC_NUMERIC, c->cats[k].label);
	for (int i = 0; i < c->nbars; i++) {
		r = row(t, 0);
		cell(r, 0, c->bars[i].label);
		for (int k = 0; k < c->ncat; k++) {
			char buf[16];
			snprintf(buf, sizeof buf, "%d%%", c->bars[i].pct[k]);
			cell(r, DOC_NUMERIC, buf);
		}
	}
}

static doc *fixture(void)
{
	doc *d = doc_new();
	meta(d);
	doc_node *r = d->root;
	add(r, DOC_TITLEPAGE);
	add(r, DOC_TOC);

	heading(r, 1, DOC_NEW_PAGE, "Kern");
	heading(r, 2, 0, "Inleiding");
	doc_node *p = para(r, "De samenleving verandert. Zie ");
	xref(p, "figuur-2-2");
	doc_append_text(p, " en ");
	xref(p, "h-2");
	doc_append_text(p, ". Een woord met zacht\xC2\xAD" "streepje.");
	heading(r, 2, 0, "Vraagstelling");
	para(r, "De enqu\xC3\xAAte geeft antwoord op de volgende onderzoeksvragen.");
	doc_node *l = add(r, DOC_LIST);
	l->flags = DOC_ORDERED;
	doc_append_text(add(l, DOC_ITEM), "Wat is de stand van zaken rond de doe-democratie?");
	doc_append_text(add(l, DOC_ITEM), "Welke inzet plegen gemeenten?");
	heading(r, 2, 0, "Kernbevindingen");
	heading(r, 3, DOC_UNNUMBERED, "Stand van zaken rond de doe-democratie");
	p = add(r, DOC_PARAGRAPH);
	doc_append_text(add(p, DOC_STRONG), "De doe-democratie is in behoorlijke mate ontwikkeld. ");
	doc_append_text(p, "Bij ");
	doc_node *v = add(p, DOC_VALUE);
	v->text = xstrdup("94%");
	doc_append_text(p, " van de gemeenten komen initiatieven voor.");
	doc_node *claim = add(p, DOC_CLAIM);
	claim->text = xstrdup("verwacht > 80%, gevonden 72% (\"vaak\")");
	doc_append_text(claim, " Dat geldt voor de meeste vormen.");
	doc_node *k = add(r, DOC_PANEL);
	k->text = xstrdup("Zeven vormen van de doe-democratie");
	static const char *const vormen[] = { "Zelfbeheer van de openbare ruimte.",
					      "Sociaal ondernemerschap.", NULL };
	dash_list(k, vormen);

	heading(r, 1, DOC_NEW_PAGE, "Stand van zaken van de doe-democratie in gemeenten");
	p = para(r, "Wat is de stand van zaken rond de doe-democratie?");
	p->flags = DOC_INTRO;
	doc_node *f = add(r, DOC_FIGURE);
	doc_append_text(add(f, DOC_CAPTION), "omschrijving van zeven verschijningsvormen.");
	doc_node *t = add(f, DOC_TABLE);
	doc_node *hr = row(t, DOC_HEADER_ROW);
	cell(hr, 0, "Vorm van de doe-democratie");
	cell(hr, 0, "Denk bijvoorbeeld aan\xE2\x80\xA6");
	doc_node *br = row(t, 0);
	doc_append_text(add(cell(br, 0, NULL), DOC_STRONG), "Zelfbeheer van de openbare ruimte.");
	cell(br, 0, "Beheer van openbaar groen en toezicht op speelplekken.");
	br = row(t, 0);
	doc_append_text(add(cell(br, 0, NULL), DOC_STRONG), "Sociaal ondernemerschap.");
	static const char *const vb[] = { "Exploitatie van een buurtsuper.",
					  "Buurtbeheerbedrijven.", NULL };
	dash_list(cell(br, 0, NULL), vb);

	f = add(r, DOC_FIGURE);
	f->chart = stacked_chart();
	f->alt = xstrdup("Staafdiagram: het voorkomen van zeven vormen; sociale samenhang "
			 "het vaakst (94% ja).");
	doc_append_text(add(f, DOC_CAPTION), "het voorkomen van zeven vormen in gemeenten (n=98).");
	data_table(f, f->chart);

	f = add(r, DOC_FIGURE);
	f->chart = ranking_chart();
	f->alt = xstrdup("Ranglijst: sociale samenhang 82 keer genoemd, zelfbeheer 36 keer.");
	doc_append_text(add(f, DOC_CAPTION), "ranglijst van meest typerende vormen (n=126).");

	heading(r, 3, DOC_UNNUMBERED, "Spraakmakende voorbeelden");
	doc_node *q = add(r, DOC_QUOTE);
	p = para(q, "Open antwoord: ");
	doc_append_text(p, HOSTILE);

	heading(r, 1, DOC_NEW_PAGE, "Gemeentelijke inzet en ontwikkelingen");
	heading(r, 2, 0, "Wat doen gemeenten feitelijk?");
	p = para(r, "Hoe groter de bemoeienis van de overheid.");
	footnote(p, "Raad voor het Openbaar Bestuur, ", "Loslaten in vertrouwen");
	doc_append_text(p, " Faciliteren (definitie van de ROB).");
	footnote(p, "Raad voor het Openbaar Bestuur", NULL);
	para(r, "Zie ook ");
	xref(r->last, "h-a");

	heading(r, 1, DOC_ANNEX | DOC_NEW_PAGE, "Methode");
	para(r, "De enqu\xC3\xAAte liep van 8 april tot en met 13 mei 2013.");
	return d;
}

static char *outroot;  /* the site: landing page plus nederland/ */
static char *outdir;   /* outroot/nederland */
static char *page;     /* outdir/index.html, read back, without soft hyphens */
static char *page_raw; /* the same as written */
static int keep_site;

static char *slurp(const char *path)
{
	struct err e;
	size_t len;
	char *s = read_file(path, &len, &e);
	if (!s)
		fail_msg("cannot read %s: %s", path, e.msg);
	return s;
}

static int write_site(void **state)
{
	const char *env = getenv("HTMLTEST_OUT");
	if (env && *env) {
		outroot = xstrdup(env);
		keep_site = 1;
	} else {
		char tmpl[] = "/tmp/htmltest-XXXXXX";
		if (!mkdtemp(tmpl))
			return -1;
		outroot = xstrdup(tmpl);
	}
	outdir = xasprintf("%s/nederland", outroot);
	if (mkdir_p(outdir))
		return -1;

	/* What the generator writes before the page: a PDF of two pages (the
	 * page says its size and page count, read from the file), the numbers
	 * and their codebook. */
	char *pdf = xasprintf("%s/rapport.pdf", outdir);
	cairo_surface_t *ps = cairo_pdf_surface_create(pdf, 595, 842);
	cairo_t *pc = cairo_create(ps);
	cairo_show_page(pc);
	cairo_show_page(pc);
	cairo_destroy(pc);
	cairo_surface_destroy(ps);
	free(pdf);
	static const char *const files[] = { "cijfers.csv", "codeboek.csv" };
	for (size_t i = 0; i < 2; i++) {
		char *f = xasprintf("%s/%s", outdir, files[i]);
		int rc = write_file(f, "figuur\n", 7);
		free(f);
		if (rc)
			return -1;
	}

	doc *d = fixture();
	char msg[512];
	static const char *const variants[] = { "nederland" };
	static const char *const names[] = { "Nederland" };
	static const html_download csv[] = { { "cijfers.csv", "Cijfers" }, { "codeboek.csv", "Codeboek" } };
	html_site site = { .slugs = variants, .names = names, .n = 1, .csv = csv, .ncsv = 2 };
	/* as the generator does: the PDF's facts read from the file it wrote */
	pdf = xasprintf("%s/rapport.pdf", outdir);
	int info = pdf_info(pdf, &site.pdf_bytes, &site.pdf_pages);
	free(pdf);
	if (info)
		return -1;
	if (doc_resolve(d, msg, sizeof msg) ||
	    doc_write_html_site(d, outdir, CSS_PATH, &site, msg, sizeof msg)) {
		fprintf(stderr, "%s\n", msg);
		doc_free(d);
		return -1;
	}
	if (html_write_landing_meta(outroot, variants, names, 1, &d->meta, NULL, 0, msg, sizeof msg)) {
		fprintf(stderr, "%s\n", msg);
		doc_free(d);
		return -1;
	}
	doc_free(d);

	/* the edition's page of changes, which index.html links to */
	change_paths cp = { .new_site = outdir, .slug = "nederland", .area = "Nederland",
			    .data_date = "1 mei 2013", .shown = "nederland" };
	change_counts cc;
	struct err ce;
	if (changes_write(&cp, &cc, &ce)) {
		fprintf(stderr, "%s\n", ce.msg);
		return -1;
	}
	char *ip = xasprintf("%s/index.html", outdir);
	struct err e;
	size_t len;
	page_raw = read_file(ip, &len, &e);
	free(ip);
	if (!page_raw)
		return -1;
	/* search and copy see the words without their soft hyphens */
	page = xmalloc(len + 1);
	size_t k = 0;
	for (size_t i = 0; i < len; i++) {
		if ((unsigned char)page_raw[i] == 0xC2 && (unsigned char)page_raw[i + 1] == 0xAD) {
			i++;
			continue;
		}
		page[k++] = page_raw[i];
	}
	page[k] = 0;
	return 0;
}

static int remove_site(void **state)
{
	if (!keep_site && outroot)
		rm_rf(outroot);
	free(outroot);
	free(outdir);
	free(page);
	free(page_raw);
	return 0;
}

/* Case-insensitive strstr (strcasestr is a GNU extension). */
static const char *find_ci(const char *hay, const char *needle)
{
	size_t n = strlen(needle);
	for (; *hay; hay++) {
		size_t i = 0;
		while (i < n && hay[i] && tolower((unsigned char)hay[i]) == tolower((unsigned char)needle[i]))
			i++;
		if (i == n)
			return hay;
	}
	return NULL;
}

static void assert_has(const char *hay, const char *needle)
{
	if (!strstr(hay, needle))
		fail_msg("page lacks: %s", needle);
}

static void test_head_and_stylesheet(void **state)
{
	assert_has(page, "<!DOCTYPE html>\n<html lang=\"nl-NL\">");
	assert_has(page, "<meta charset=\"utf-8\">");
	assert_has(page, "<meta name=\"viewport\"");
	assert_has(page, "<title>De \xE2\x80\x98" "doe-democratie\xE2\x80\x99 \xE2\x80\x93 Nederland</title>");
	assert_has(page, "<link rel=\"stylesheet\" href=\"stijl.css\">");
	/* an icon of the site's own, so browsers do not ask for /favicon.ico */
	assert_has(page, "<link rel=\"icon\" href=\"favicon.svg\" type=\"image/svg+xml\">");
	char *ico = xasprintf("%s/favicon.svg", outdir);
	char *ic = slurp(ico);
	assert_has(ic, "<svg xmlns=\"http://www.w3.org/2000/svg\"");
	free(ic);
	free(ico);
	/* the description names the area; Open Graph; no canonical without
	 * --base-url */
	assert_has(page, "<meta name=\"description\" content=\"Resultaten van een online enqu\xC3\xAAte");
	assert_has(page, "Landelijke uitgave: alle gemeenten in Nederland.\">");
	assert_has(page, "<meta property=\"og:title\" content=\"De \xE2\x80\x98" "doe-democratie\xE2\x80\x99 \xE2\x80\x93 Nederland\">");
	assert_null(strstr(page, "rel=\"canonical\""));
	assert_null(strstr(page, "og:url"));
	char *css = xasprintf("%s/stijl.css", outdir);
	char *s = slurp(css);
	assert_has(s, "@media print");
	free(s);
	free(css);
	assert_null(strstr(page, "http://"));
	assert_null(strstr(page, "https://"));
}

/* Skip link first, then the header with the downloads, the landing page
 * and the colofon; one <h1>. */
static void test_navigation_and_colofon(void **state)
{
	const char *body = strstr(page, "<body>\n");
	assert_non_null(body);
	static const char skip[] = "<body>\n<a class=\"skip\" href=\"#inhoud\">";
	assert_true(strncmp(body, skip, strlen(skip)) == 0);
	assert_has(page, "<main id=\"inhoud\">");
	assert_has(page, "<a class=\"naar-start\" href=\"../index.html\">Alle edities</a>");
	assert_has(page, "<a href=\"rapport.pdf\" type=\"application/pdf\">PDF</a> <span class=\"bestand\">(");
	assert_has(page, ", 2 pagina\xE2\x80\x99s)</span>");
	assert_has(page, "<a href=\"cijfers.csv\" type=\"text/csv\">Cijfers</a>");
	assert_has(page, "<a href=\"codeboek.csv\" type=\"text/csv\">Codeboek</a>");
	/* every chapter ends with links to the one before and after it */
	assert_has(page, "<ul class=\"bladeren\">\n<li class=\"volgende\"><a rel=\"next\" href=\"#");
	assert_has(page, "<li class=\"vorige\"><a rel=\"prev\" href=\"#");
	const char *h1 = strstr(page, "<h1");
	assert_non_null(h1);
	assert_null(strstr(h1 + 1, "<h1"));
	assert_has(page, "<footer class=\"colofon\">");
	assert_has(page, "<dt>Uitgave</dt><dd>Partners+Pr\xC3\xB6pper, Vught, in opdracht van het ministerie van Binnenlandse Zaken");
	assert_has(page, "<dt>Datum</dt><dd><time datetime=\"2013-06-05\">5 juni 2013</time></dd>");
	assert_has(page, "veldwerk van 8 april 2013 tot en met 13 mei 2013");
	assert_has(page, "<dt>Citeren als</dt><dd>Jurgen de Jong, Bart Litjens en Igno Pr\xC3\xB6pper (2013). <cite>");
	assert_has(page, "<p class=\"naar-boven\"><a href=\"#boven\">Naar boven</a></p>");
	assert_has(page, "<header class=\"site-kop\" id=\"boven\">");
	/* every heading has a permalink beside it */
	assert_has(page, "</h3><a class=\"anker\" href=\"#h-1-1\" aria-label=\"Link naar \xE2\x80\x98" "1.1 Inleiding\xE2\x80\x99\">");
	/* table header cells carry the PDF's Dutch break points as soft
	 * hyphens; running text does not (copied text must be the plain
	 * words) */
	assert_has(page_raw, "<th scope=\"col\">Denk bij\xC2\xAD" "voor\xC2\xAD" "beeld aan");
	assert_has(page_raw, "Loslaten in vertrouwen");
	for (const char *p = page_raw; (p = strstr(p, "\xC2\xAD")) != NULL; p++) {
		const char *th = p, *stop = p;
		while (th > page_raw && strncmp(th, "<th", 3))
			th--;
		while (stop > th && strncmp(stop, "</th>", 5))
			stop--;
		if (th == page_raw || stop != th)
			fail_msg("soft hyphen outside a column heading near: %.40s", p - 20);
	}
}

/* With more editions the header links the others, not itself; with a
 * base URL the page gets an absolute canonical and og:url, while links
 * stay relative. */
static void test_other_editions_and_base_url(void **state)
{
	char *dir = xasprintf("%s/gelderland", outroot);
	assert_int_equal(mkdir_p(dir), 0);
	doc *d = fixture();
	free(d->meta.area);
	free(d->meta.variant);
	d->meta.area = xstrdup("Gelderland");
	d->meta.variant = xstrdup("gelderland");
	d->meta.edition = xstrdup("Editie provincie Gelderland"); /* what <uitgave soort="provincie"> gives */
	char msg[256];
	static const char *const slugs[] = { "nederland", "gelderland" };
	static const char *const names[] = { "Nederland", "Gelderland" };
	html_site site = { .slugs = slugs, .names = names, .n = 2, .base_url = "https://example.org/doe/" };
	assert_int_equal(doc_resolve(d, msg, sizeof msg), 0);
	assert_int_equal(doc_write_html_site(d, dir, CSS_PATH, &site, msg, sizeof msg), 0);
	doc_free(d);
	char *path = xasprintf("%s/index.html", dir);
	char *s = slurp(path);
	assert_has(s, "<li><a href=\"../nederland/index.html\">Nederland</a></li>");
	assert_null(strstr(s, "href=\"../gelderland/index.html\""));
	assert_has(s, "<link rel=\"canonical\" href=\"https://example.org/doe/gelderland/\">");
	assert_has(s, "<meta property=\"og:url\" content=\"https://example.org/doe/gelderland/\">");
	assert_has(s, "<p class=\"gebied\">Editie provincie Gelderland</p>");
	assert_has(s, "Editie provincie Gelderland: de gemeenten in Gelderland.\">");
	/* no PDF in this directory: no PDF link */
	assert_null(strstr(s, "rapport.pdf"));
	free(s);
	free(path);
	rm_rf(dir);
	free(dir);
}

static void test_titlepage(void **state)
{
	assert_has(page, "<div class=\"titelpagina\">");
	assert_has(page, "<p class=\"soort\">Rapportage</p>");
	assert_has(page, "<h1 class=\"titel\">De \xE2\x80\x98" "doe-democratie\xE2\x80\x99</h1>");
	assert_has(page, "<dt>Aan</dt><dd>Het ministerie van Binnenlandse Zaken");
	assert_has(page, "<dd>Dr. Igno Pr\xC3\xB6pper</dd>");
	assert_has(page, "Vught, 5 juni 2013");
}

static void test_headings_have_numbers(void **state)
{
	/* the title is the only <h1>: chapters <h2>, sections <h3> */
	assert_has(page, "<h2 id=\"h-1\" class=\"kop1 nieuwe-pagina\"><span class=\"nummer\">1</span> Kern</h2>");
	assert_has(page, "<h3 id=\"h-1-1\" class=\"kop2\"><span class=\"nummer\">1.1</span> Inleiding</h3>");
	assert_has(page, "<span class=\"nummer\">1.2</span> Vraagstelling</h3>");
	assert_has(page, "<h4 id=\"h-stand-van-zaken-rond-de-doe-democratie\" class=\"kop3\">Stand van zaken");
	assert_has(page, "<span class=\"nummer\">2</span> Stand van zaken van de doe-democratie");
	assert_has(page, "<h3 id=\"h-3-1\" class=\"kop2\"><span class=\"nummer\">3.1</span> Wat doen");
	assert_has(page, "<h2 id=\"h-a\" class=\"kop1 bijlage nieuwe-pagina\"><span class=\"nummer\">Bijlage A</span> Methode</h2>");
}

static void test_contents_links_every_heading(void **state)
{
	/* the side column's contents; the folding copy for phones is the same */
	const char *nav = strstr(page, "<nav class=\"inhoud zij\"");
	assert_non_null(nav);
	const char *fold = strstr(page, "<details class=\"inhoud klap\" id=\"inhoudsopgave\">");
	assert_non_null(fold);
	const char *end = strstr(nav, "</nav>");
	assert_non_null(end);
	char *n = xstrndup(nav, (size_t)(end - nav));
	assert_has(n, "<a href=\"#h-1\"><span class=\"nummer\">1</span> Kern</a>");
	assert_has(n, "<a href=\"#h-1-1\"><span class=\"nummer\">1.1</span> Inleiding</a>");
	assert_has(n, "<a href=\"#h-1-3\">");
	assert_has(n, "<a href=\"#h-2\">");
	assert_has(n, "<a href=\"#h-3-1\">");
	assert_has(n, "<a href=\"#h-a\"><span class=\"nummer\">Bijlage A</span> Methode</a>");
	/* run-in subheadings are not in the contents of a chapter with
	 * sections */
	assert_null(strstr(n, "#h-stand-van-zaken"));
	free(n);
}

static void test_figures(void **state)
{
	assert_has(page, "<figure id=\"figuur-2-1\" class=\"figuur\">\n<figcaption><span class=\"nummer\">Figuur 2.1:</span> omschrijving");
	assert_has(page, "<th scope=\"col\">Vorm van de doe-democratie</th>");
	assert_has(page, "<th scope=\"row\"><strong>Zelfbeheer");
	assert_has(page, "<figure id=\"figuur-2-2\" class=\"figuur grafiek\">");
	assert_has(page, "<span class=\"nummer\">Figuur 2.2:</span> het voorkomen");
	char *img = xasprintf("<img src=\"figuren/figuur-2-2.svg\" alt=\"Staafdiagram: het "
			      "voorkomen van zeven vormen; sociale samenhang het vaakst (94%% ja).\" "
			      "width=\"%ld\" height=\"", lround(HTML_CHART_WIDTH_PT));
	assert_has(page, img);
	free(img);
	assert_has(page, "<details class=\"cijfers\">\n<summary>Cijfers bij figuur 2.2</summary>");
	/* a table of numbers says so once, not on every cell */
	assert_has(page, "<table class=\"tabel cijfers getallen\">");
	assert_has(page, "<td>94%</td>");
	assert_has(page, "<img src=\"figuren/figuur-2-3.svg\" alt=\"Ranglijst: sociale samenhang");
	/* the narrow form for phones, and the downloads under the chart */
	assert_has(page, "<picture>\n<source media=\"(max-width: 600px)\" srcset=\"figuren/figuur-2-2-smal.svg\">\n<img src=\"figuren/figuur-2-2.svg\"");
	assert_has(page, "<p class=\"downloads\">Download figuur 2.2: <a href=\"figuren/figuur-2-2.csv\" download>cijfers (CSV)</a> · "
			 "<a href=\"figuren/figuur-2-2.svg\" download>SVG</a> · <a href=\"figuren/figuur-2-2.png\" download>PNG</a></p>");
	/* every file of both charts; the SVGs with real text and a title, no
	 * glyph symbols; the CSV with the chart's labels and numbers */
	static const char *const files[] = { "figuur-2-2.svg", "figuur-2-2-smal.svg", "figuur-2-2.png", "figuur-2-2.csv",
					     "figuur-2-3.svg", "figuur-2-3-smal.svg", "figuur-2-3.png", "figuur-2-3.csv" };
	for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
		char *path = xasprintf("%s/figuren/%s", outdir, files[i]);
		struct stat st;
		if (stat(path, &st) || st.st_size == 0)
			fail_msg("missing or empty: %s", path);
		if (strstr(files[i], ".svg")) {
			size_t len;
			struct err e;
			char *svg = read_file(path, &len, &e);
			assert_non_null(svg);
			assert_non_null(strstr(svg, "<text "));
			assert_non_null(strstr(svg, "<title id=\""));
			assert_null(strstr(svg, "<symbol"));
			free(svg);
		}
		free(path);
	}
	char *csvp = xasprintf("%s/figuren/figuur-2-2.csv", outdir);
	size_t csvlen;
	struct err ce;
	char *csv = read_file(csvp, &csvlen, &ce);
	assert_non_null(csv);
	assert_non_null(strstr(csv, "Onderdeel,n,"));
	free(csv);
	free(csvp);
	char *png = xasprintf("%s/figuren/figuur-2-2.png", outdir);
	FILE *fp = fopen(png, "rb");
	assert_non_null(fp);
	unsigned char hdr[24];
	assert_int_equal(fread(hdr, 1, sizeof hdr, fp), sizeof hdr);
	fclose(fp);
	free(png);
	unsigned long w = (unsigned long)hdr[16] << 24 | (unsigned long)hdr[17] << 16 |
			  (unsigned long)hdr[18] << 8 | hdr[19];
	assert_true(w >= 800); /* at least twice the 420 px the chart has on the page */
	assert_int_equal(w, lround((HTML_CHART_WIDTH_PT + 2 * CHART_DOWNLOAD_MARGIN_PT) * HTML_CHART_SCALE));
}

static void test_footnotes_link_both_ways(void **state)
{
	assert_has(page, "<sup class=\"voetnoot-ref\"><a href=\"#voetnoot-1\" id=\"voetnoot-ref-1\">1</a></sup>");
	assert_has(page, "<sup class=\"voetnoot-ref\"><a href=\"#voetnoot-2\" id=\"voetnoot-ref-2\">2</a></sup>");
	assert_has(page, "<li id=\"voetnoot-1\"><span class=\"nummer\">1</span> Raad voor het Openbaar Bestuur, <em>Loslaten in vertrouwen</em>, december 2012.");
	assert_has(page, "<a class=\"terug\" href=\"#voetnoot-ref-1\"");
	assert_has(page, "<a class=\"terug\" href=\"#voetnoot-ref-2\"");
	/* the notes close chapter 3, before the annex starts */
	const char *notes = strstr(page, "<li id=\"voetnoot-1\">");
	const char *annex = strstr(page, "id=\"h-a\"");
	assert_non_null(annex);
	assert_true(notes < annex);
}

static void test_blocks_and_inlines(void **state)
{
	assert_has(page, "<a href=\"#figuur-2-2\">figuur 2.2</a>");
	assert_has(page, "<a href=\"#h-2\">hoofdstuk 2</a>");
	assert_has(page, "<a href=\"#h-a\">bijlage A</a>");
	assert_has(page, "<mark class=\"claim-failed\" title=\"verwacht &gt; 80%, gevonden 72% (&quot;vaak&quot;)\"> Dat geldt");
	assert_has(page, "<aside id=\"kader-1\" class=\"kader\">\n<div class=\"kop\"><h5 class=\"kader-titel\">Zeven vormen");
	assert_has(page, "<ul class=\"streepjes\">\n<li>Zelfbeheer");
	assert_has(page, "<ol>\n<li>Wat is de stand van zaken");
	assert_has(page, "<p class=\"vraag\">Wat is de stand");
	assert_has(page, "<blockquote>\n<p>Open antwoord: ");
	assert_has(page, "<strong>De doe-democratie is in behoorlijke mate ontwikkeld. </strong>");
}

/* Untrusted text must stay text: no element from it, no way out of an
 * attribute value, no soft hyphen left in the page. */
static void test_escaping(void **state)
{
	assert_null(find_ci(page, "<script"));
	assert_has(page, "&lt;script&gt;alert(1)&lt;/script&gt; en &quot; onerror=&quot;x &amp; &#39;y&#39;");
	assert_null(strstr(page, "\" onerror"));
	assert_null(strstr(page, "onerror=\""));
	/* a soft hyphen in the tree is not passed on; the writer's own are
	 * only at dictionary break points (tested above) */
	assert_has(page, "zachtstreepje.");
}

/* The escaping also holds in attributes: alt text, title, ids from the
 * templates; and bytes that are not UTF-8 do not pass through raw. */
static void test_escaping_in_attributes(void **state)
{
	doc *d = doc_new();
	d->meta.title = xstrdup("T\x01itel \xFF<b>");
	doc_node *h = heading(d->root, 1, 0, "Kop");
	h->id = xstrdup("x\"><script>");
	doc_node *f = add(d->root, DOC_FIGURE);
	f->chart = ranking_chart();
	f->alt = xstrdup(HOSTILE);
	doc_append_text(add(f, DOC_CAPTION), "bijschrift");
	char msg[256];
	assert_int_equal(doc_resolve(d, msg, sizeof msg), 0);
	char *dir = xasprintf("%s/attr", outroot);
	assert_int_equal(doc_write_html(d, dir, CSS_PATH, msg, sizeof msg), 0);
	char *path = xasprintf("%s/index.html", dir);
	char *s = slurp(path);
	assert_null(find_ci(s, "<script"));
	assert_null(strstr(s, "\" onerror"));
	assert_null(strstr(s, "<b>"));
	assert_has(s, "id=\"x&quot;&gt;&lt;script&gt;\"");
	assert_has(s, "alt=\"&lt;script&gt;alert(1)&lt;/script&gt; en &quot; onerror=&quot;x &amp; &#39;y&#39;\"");
	assert_has(s, "<title>Titel \xEF\xBF\xBD&lt;b&gt;</title>");
	free(s);
	free(path);
	rm_rf(dir);
	free(dir);
	doc_free(d);
}

/* A wide table (long column headings) reflows on phones: class breed and a
 * set of column headings whose rules end the edition's stylesheet, the
 * headings escaped as CSS strings; a cell that gives a reason instead of a
 * number is marked as such; a narrow table keeps its columns. */
static void test_wide_table_reflows(void **state)
{
	doc *d = doc_new();
	heading(d->root, 1, 0, "Kop");
	doc_node *t = add(d->root, DOC_TABLE);
	doc_node *r = doc_append_row(t, 1);
	doc_append_cell(r, "Onderdeel", 0);
	doc_append_cell(r, "Sterke \"ondersteunings\\behoefte\"", 1);
	doc_append_cell(r, "Enige ondersteuningsbehoefte", 1);
	doc_append_cell(r, "n", 1);
	r = doc_append_row(t, 0);
	doc_append_cell(r, "Pilotprojecten", 0);
	doc_append_cell(r, "21%", 1);
	doc_append_cell(r, "42%", 1);
	doc_append_cell(r, "126", 1);
	r = doc_append_row(t, 0);
	doc_append_cell(r, "Handreikingen", 0);
	doc_append_cell(r, "te weinig gemeenten (n=4)", 1);
	doc_append_cell(r, "", 1);
	doc_append_cell(r, "4", 1);
	doc_node *t2 = add(d->root, DOC_TABLE);
	r = doc_append_row(t2, 1);
	doc_append_cell(r, "Onderdeel", 0);
	doc_append_cell(r, "Ja", 1);
	r = doc_append_row(t2, 0);
	doc_append_cell(r, "Iets", 0);
	doc_append_cell(r, "50%", 1);
	char msg[256];
	assert_int_equal(doc_resolve(d, msg, sizeof msg), 0);
	char *dir = xasprintf("%s/breed", outroot);
	assert_int_equal(doc_write_html(d, dir, CSS_PATH, msg, sizeof msg), 0);
	char *path = xasprintf("%s/index.html", dir);
	char *s = slurp(path);
	assert_has(s, "<table class=\"tabel getallen breed kolommen-1\">");
	assert_has(s, "<td>21%</td>");
	assert_has(s, "<td class=\"reden\">te weinig gemeenten (n=4)</td>");
	assert_has(s, "<table class=\"tabel getallen\">");
	free(s);
	free(path);
	path = xasprintf("%s/stijl.css", dir);
	s = slurp(path);
	assert_has(s, "@media screen and (max-width: 40rem) {\n"
		      "\ttable.kolommen-1 td:nth-child(2)::before { content: \"Sterke \\22 ondersteunings\\5c behoefte\\22 \"; ");
	assert_has(s, "\ttable.kolommen-1 td:nth-child(4)::before { content: \"n\"; content: \"n\" / \"\"; }\n}\n");
	assert_null(strstr(s, "kolommen-2"));
	free(s);
	free(path);
	rm_rf(dir);
	free(dir);
	doc_free(d);
}

/* Every id on the page is unique: a duplicate breaks links and validity. */
static void test_ids_unique(void **state)
{
	size_t n = 0, cap = 0;
	char **ids = NULL;
	for (const char *p = page; (p = strstr(p, " id=\"")) != NULL;) {
		p += 5;
		const char *e = strchr(p, '"');
		assert_non_null(e);
		char *id = xstrndup(p, (size_t)(e - p));
		for (size_t i = 0; i < n; i++)
			if (strcmp(ids[i], id) == 0)
				fail_msg("duplicate id %s", id);
		if (n == cap) {
			cap = cap ? 2 * cap : 64;
			ids = xrealloc(ids, cap * sizeof *ids);
		}
		ids[n++] = id;
		p = e;
	}
	assert_true(n > 10);
	for (size_t i = 0; i < n; i++)
		free(ids[i]);
	free(ids);
}

static void test_landing_page(void **state)
{
	char *path = xasprintf("%s/index.html", outroot);
	char *s = slurp(path);
	assert_has(s, "<html lang=\"nl-NL\">");
	assert_has(s, "<a href=\"nederland/index.html\">Nederland</a>");
	/* size and page count read from the PDF on disk */
	assert_has(s, "<a href=\"nederland/rapport.pdf\" type=\"application/pdf\">PDF<span class=\"vh\"> Nederland</span></a> <span class=\"bestand\">(");
	assert_has(s, ", 2 pagina\xE2\x80\x99s)</span>");
	assert_has(s, "<a href=\"nederland/cijfers.csv\" type=\"text/csv\">Cijfers");
	assert_has(s, "<a href=\"nederland/codeboek.csv\" type=\"text/csv\">Codeboek");
	/* its own stylesheet and icon, none borrowed from an edition */
	assert_has(s, "<link rel=\"stylesheet\" href=\"start.css\">");
	assert_has(s, "<link rel=\"icon\" href=\"favicon.svg\"");
	assert_has(s, "<time datetime=\"2013-06-05\">5 juni 2013</time>");
	assert_has(s, "Partners+Pr\xC3\xB6pper");
	free(s);
	s = xasprintf("%s/start.css", outroot);
	struct stat sb;
	assert_int_equal(stat(s, &sb), 0);
	free(s);
	free(path);

	/* names are escaped too */
	char *dir = xasprintf("%s/landing", outroot);
	static const char *const v[] = { "a&b", "weg" };
	static const char *const names[] = { "<i>Gelderland</i>", "Weg" };
	char *ed = xasprintf("%s/a&b", dir);
	assert_int_equal(mkdir_p(ed), 0);
	char *ep = xasprintf("%s/index.html", ed);
	assert_int_equal(write_file(ep, "x", 1), 0);
	free(ep);
	free(ed);
	char msg[256];
	assert_int_equal(html_write_landing(dir, v, names, 2, msg, sizeof msg), 0);
	path = xasprintf("%s/index.html", dir);
	s = slurp(path);
	assert_null(strstr(s, "<i>"));
	assert_has(s, "<a href=\"a&amp;b/index.html\">&lt;i&gt;Gelderland&lt;/i&gt;</a>");
	/* an edition that is not in the directory is not listed; one
	 * without a PDF gets no PDF link */
	assert_null(strstr(s, "weg/"));
	assert_null(strstr(s, "rapport.pdf"));
	free(s);
	free(path);
	rm_rf(dir);
	free(dir);
}

static void test_missing_stylesheet_is_an_error(void **state)
{
	doc *d = doc_new();
	char msg[256] = "";
	char *dir = xasprintf("%s/geen-css", outroot);
	assert_int_equal(doc_write_html(d, dir, "templates/bestaat-niet.css", msg, sizeof msg), -1);
	assert_non_null(strstr(msg, "bestaat-niet.css"));
	rm_rf(dir);
	free(dir);
	doc_free(d);
}

/* fontconfig keeps its configuration until FcFini, which the Makefile does
 * not link; once pango's font map is dropped that is all that is left, so it
 * is the one suppression (as in test_charts.c). */
const char *__lsan_default_suppressions(void);
const char *__lsan_default_suppressions(void)
{
	return "leak:libfontconfig.so\n";
}

/* A chart the chart library refuses (a bar that does not sum to 100) stops
 * the writer with the library's message, instead of a page without it. */
static void test_invalid_chart_is_an_error(void **state)
{
	doc *d = doc_new();
	doc_node *f = add(d->root, DOC_FIGURE);
	f->chart = chart_new(CHART_STACKED, "figuur-9-9", "kapot");
	chart_add_category(f->chart, "Ja", 0);
	chart_add_category(f->chart, "Nee", 0);
	static const int pct[] = { 60, 30 };
	chart_add_bar(f->chart, "Een staaf", 10, pct);
	f->alt = xstrdup("kapot");
	char msg[256] = "";
	assert_int_equal(doc_resolve(d, msg, sizeof msg), 0);
	char *dir = xasprintf("%s/kapot", outroot);
	assert_int_equal(doc_write_html(d, dir, CSS_PATH, msg, sizeof msg), -1);
	if (!strstr(msg, "figuur-9-9"))
		fail_msg("message does not name the chart: %s", msg);
	rm_rf(dir);
	free(dir);
	doc_free(d);
}

int main(void)
{
	install_test_terms();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_head_and_stylesheet),
		cmocka_unit_test(test_titlepage),
		cmocka_unit_test(test_navigation_and_colofon),
		cmocka_unit_test(test_other_editions_and_base_url),
		cmocka_unit_test(test_headings_have_numbers),
		cmocka_unit_test(test_contents_links_every_heading),
		cmocka_unit_test(test_figures),
		cmocka_unit_test(test_footnotes_link_both_ways),
		cmocka_unit_test(test_blocks_and_inlines),
		cmocka_unit_test(test_escaping),
		cmocka_unit_test(test_escaping_in_attributes),
		cmocka_unit_test(test_ids_unique),
		cmocka_unit_test(test_wide_table_reflows),
		cmocka_unit_test(test_landing_page),
		cmocka_unit_test(test_missing_stylesheet_is_an_error),
		cmocka_unit_test(test_invalid_chart_is_an_error),
	};
	int rc = cmocka_run_group_tests(tests, write_site, remove_site);
	/* drop pango's and cairo's caches so LeakSanitizer sees only ours */
	pango_cairo_font_map_set_default(NULL);
	return rc;
}
