/* landing.c: the landing page out/index.html (with start.css and
 * favicon.svg), the site's front door (see landing.h). It belongs to the
 * site layer, not to the HTML writer of an edition: it is rebuilt from what
 * is published in out/ after every run, so it reads the directory (which
 * editions are there, their PDFs' size and page count through pdf_info)
 * rather than anything one edition's build produced. */
#include "terms.h"
#include "landing.h"
#include "pdfinfo.h"
#include "text.h"
#include "util.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* The landing page's own stylesheet: it must not depend on any one
 * edition being published. Same palette and type as the reports. */
static const char start_css[] =
	"/* start.css: the landing page out/index.html (written by gen/doc_html.c) */\n"
	":root{--tekst:#1a1a1a;--zacht:#484848;--accent:#1f4e79;--lijn:#c9d3dd;--kader:#eef3f8}\n"
	"html{font-family:Lato,\"Helvetica Neue\",Arial,sans-serif;line-height:1.55;color:var(--tekst);background:#fff}\n"
	"body{max-width:48rem;margin:0 auto;padding:1.5rem 1.25rem 3rem;font-size:1.0625rem}\n"
	"a{color:var(--accent)}\n:focus-visible{outline:2px solid var(--accent);outline-offset:2px}\n"
	".skip{position:absolute;left:-999rem}.skip:focus{position:static;display:inline-block;margin-bottom:1rem}\n"
	"header{border-bottom:3px solid var(--accent);padding-bottom:1rem;margin-bottom:1.5rem}\n"
	".soort{text-transform:uppercase;letter-spacing:.12em;font-size:.85rem;color:var(--zacht);margin:0 0 .4rem}\n"
	"h1{font-size:2.2rem;line-height:1.15;color:var(--accent);margin:0 0 .5rem}\n"
	"h1 .regel2{display:block;font-size:1.3rem;font-weight:normal;margin-top:.3rem}\n"
	".ondertitel{font-style:italic;margin:0 0 .8rem}.meta{color:var(--zacht);margin:0}\n"
	"h2{font-size:1.35rem;color:var(--accent);margin:2rem 0 .6rem}\n"
	"ul.edities{list-style:none;padding:0;margin:0}\n"
	"ul.edities li{display:flex;flex-wrap:wrap;gap:.25rem 1.25rem;align-items:baseline;padding:.6rem 0;border-bottom:1px solid var(--lijn)}\n"
	"ul.edities .naam{font-weight:bold;flex:1 1 12rem}\n"
	"ul.edities .bestanden{display:flex;flex-wrap:wrap;gap:.25rem 1rem}\n"
	".bestand{color:var(--zacht);font-size:.9rem}\n"
	".vh{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}\n"
	"footer{margin-top:2.5rem;border-top:1px solid var(--lijn);padding-top:1rem;color:var(--zacht);font-size:.95rem}\n";

/* "Gelderland" -> the edition's line on the landing page. */
static void landing_entry(strbuf *o, const char *outroot, const char *slug, const char *name)
{
	sb_add(o, "<li><span class=\"naam\"><a href=\"");
	markup_esc(o, slug);
	sb_add(o, "/index.html\">");
	markup_esc(o, name);
	sb_add(o, "</a></span>\n<span class=\"bestanden\">");
	char *pdf = xasprintf("%s/%s/rapport.pdf", outroot, slug);
	long bytes;
	int pages;
	if (pdf_info(pdf, &bytes, &pages) == 0) {
		char *size = nl_file_size(bytes);
		sb_add(o, "<span><a href=\"");
		markup_esc(o, slug);
		sb_add(o, "/rapport.pdf\" type=\"application/pdf\">PDF<span class=\"vh\"> ");
		markup_esc(o, name);
		char *pp = TF(pages == 1 ? "download.pdf.pagina" : "download.pdf.paginas", TN(pages).s);
		sb_printf(o, "</span></a> <span class=\"bestand\">(%s, ", size);
		markup_esc(o, pp);
		sb_add(o, ")</span></span>");
		free(pp);
		free(size);
	}
	free(pdf);
	const char *const files[][2] = { { "cijfers.csv", T("download.cijfers") }, { "codeboek.csv", T("download.codeboek") } };
	for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
		char *p = xasprintf("%s/%s/%s", outroot, slug, files[i][0]);
		struct stat sb;
		if (stat(p, &sb) == 0 && S_ISREG(sb.st_mode)) {
			sb_add(o, " <span><a href=\"");
			markup_esc(o, slug);
			sb_printf(o, "/%s\" type=\"text/csv\">", files[i][0]);
			markup_esc(o, files[i][1]);
			sb_add(o, "<span class=\"vh\"> ");
			markup_esc(o, name);
			sb_add(o, "</span></a> <span class=\"bestand\">(CSV)</span></span>");
		}
		free(p);
	}
	sb_add(o, "</span></li>\n");
}

int html_write_landing_meta(const char *outroot, const char *const *variants, const char *const *names, int n,
			    const doc_meta *m, const landing_redirect *red, int nred, char *msg, size_t msglen)
{
	return html_write_landing_from(outroot, outroot, variants, names, n, m, red, nred, msg, msglen);
}

int html_write_landing_from(const char *outroot, const char *site, const char *const *variants,
			    const char *const *names, int n, const doc_meta *m, const landing_redirect *red, int nred,
			    char *msg, size_t msglen)
{
	if (msglen)
		msg[0] = 0;
	const char *title = m && m->title ? m->title : ""; /* <titel> is required: a bare landing page only in tests */
	strbuf o;
	sb_init(&o);
	sb_add(&o, "<!DOCTYPE html>\n<html lang=\"");
	markup_esc(&o, report_lang());
	sb_add(&o, "\">\n<head>\n<meta charset=\"utf-8\">\n"
		   "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>");
	char *head = TF("start.titel", title);
	markup_esc(&o, head);
	free(head);
	sb_add(&o, "</title>\n<meta name=\"description\" content=\"");
	if (m && m->subtitle) {
		markup_esc(&o, m->subtitle);
		sb_add(&o, ". ");
	}
	markup_esc(&o, T("start.beschrijving"));
	sb_add(&o, "\">\n");
	if (m && m->date_iso) {
		sb_add(&o, "<meta name=\"dcterms.date\" content=\"");
		markup_esc(&o, m->date_iso);
		sb_add(&o, "\">\n");
	}
	if (m && m->publisher) {
		sb_add(&o, "<meta name=\"dcterms.publisher\" content=\"");
		markup_esc(&o, m->publisher);
		sb_add(&o, "\">\n");
	}
	sb_add(&o, "<link rel=\"icon\" href=\"favicon.svg\" type=\"image/svg+xml\">\n"
		   "<link rel=\"stylesheet\" href=\"start.css\">\n</head>\n<body>\n"
		   "<a class=\"skip\" href=\"#inhoud\">");
	markup_esc(&o, T("start.direct_naar_edities"));
	sb_add(&o, "</a>\n<header>\n");
	if (m && m->doctype) {
		sb_add(&o, "<p class=\"soort\">");
		markup_esc(&o, m->doctype);
		sb_add(&o, "</p>\n");
	}
	sb_add(&o, "<h1>");
	if (m && m->title_lines[0]) {
		markup_esc(&o, m->title_lines[0]);
		if (m->title_lines[1]) {
			sb_add(&o, " <span class=\"regel2\">");
			for (int i = 1; i < 4 && m->title_lines[i]; i++) {
				if (i > 1)
					sb_addc(&o, ' ');
				markup_esc(&o, m->title_lines[i]);
			}
			sb_add(&o, "</span>");
		}
	} else {
		markup_esc(&o, title);
	}
	sb_add(&o, "</h1>\n");
	if (m && m->subtitle) {
		sb_add(&o, "<p class=\"ondertitel\">");
		markup_esc(&o, m->subtitle);
		sb_add(&o, "</p>\n");
	}
	if (m && (m->publisher || m->date)) {
		sb_add(&o, "<p class=\"meta\">");
		markup_esc(&o, m->publisher);
		if (m->publisher && m->place) {
			sb_add(&o, ", ");
			markup_esc(&o, m->place);
		}
		if (m->publisher && m->date)
			sb_add(&o, " \xC2\xB7 ");
		if (m->date) {
			if (m->date_iso) {
				sb_add(&o, "<time datetime=\"");
				markup_esc(&o, m->date_iso);
				sb_add(&o, "\">");
			}
			markup_esc(&o, m->date);
			if (m->date_iso)
				sb_add(&o, "</time>");
		}
		sb_add(&o, "</p>\n");
	}
	sb_add(&o, "</header>\n<main id=\"inhoud\">\n<p>");
	markup_esc(&o, T("start.inleiding"));
	sb_add(&o, "</p>\n<h2>");
	markup_esc(&o, T("start.edities"));
	sb_add(&o, "</h2>\n<ul class=\"edities\">\n");
	/* only what is published: an edition whose page is not in the site is
	 * left out, so the page can be rebuilt from the directory alone */
	for (int i = 0; i < n; i++) {
		char *page = xasprintf("%s/%s/index.html", site, variants[i]);
		struct stat sb;
		int there = stat(page, &sb) == 0;
		free(page);
		if (there)
			landing_entry(&o, site, variants[i], names && names[i] ? names[i] : variants[i]);
	}
	sb_add(&o, "</ul>\n");
	if (nred > 0) {
		/* areas without an edition of their own: where their readers go */
		sb_add(&o, "<p>");
		markup_esc(&o, T("start.verwijzing.uitleg"));
		sb_add(&o, "</p>\n<ul class=\"verwijzingen\">\n");
		for (int i = 0; i < nred; i++) {
			sb_add(&o, "<li>");
			markup_esc(&o, red[i].area);
			char *count = TF(red[i].gemeenten == 1 ? "start.verwijzing.gemeente" : "start.verwijzing.gemeenten",
					 TN(red[i].gemeenten).s);
			sb_add(&o, " (");
			markup_esc(&o, count);
			sb_add(&o, ")");
			free(count);
			if (red[i].slug) {
				sb_add(&o, ": ");
				markup_esc(&o, T("start.verwijzing.zie"));
				sb_add(&o, " <a href=\"");
				markup_esc(&o, red[i].slug);
				sb_add(&o, "/index.html\">");
				markup_esc(&o, red[i].name);
				sb_add(&o, "</a>");
			}
			sb_add(&o, "</li>\n");
		}
		sb_add(&o, "</ul>\n");
	}
	sb_add(&o, "</main>\n<footer>\n<p>");
	if (m && m->publisher) {
		markup_esc(&o, m->publisher);
		if (m->client) {
			sb_add(&o, ", ");
			markup_esc(&o, T("colofon.in_opdracht_van"));
			sb_add(&o, " ");
		} else {
			sb_add(&o, ". ");
		}
	}
	if (m && m->client) {
		/* "Het ministerie ..." reads "het ministerie" after the publisher */
		const char *art = T("colofon.lidwoord"), *rest = m->client;
		size_t al = strlen(art);
		if (m->publisher && !strncmp(m->client, art, al) && m->client[al] == ' ') {
			markup_esc(&o, T("colofon.lidwoord.in_zin"));
			sb_add(&o, " ");
			rest += al + 1;
		}
		markup_esc(&o, rest);
		sb_add(&o, ". ");
	}
	if (m && m->licence)
		markup_esc(&o, m->licence);
	sb_add(&o, "</p>\n</footer>\n</body>\n</html>\n");
	if (mkdir_p(outroot)) {
		snprintf(msg, msglen, "%s: cannot create the directory: %s", outroot, strerror(errno));
		sb_free(&o);
		return -1;
	}
	char *path = xasprintf("%s/index.html", outroot);
	char *css = xasprintf("%s/start.css", outroot);
	int rc = write_file(css, start_css, sizeof start_css - 1);
	if (rc)
		snprintf(msg, msglen, "%s: cannot write: %s", css, strerror(errno));
	if (!rc && html_write_favicon(outroot)) {
		rc = -1;
		snprintf(msg, msglen, "%s/favicon.svg: cannot write: %s", outroot, strerror(errno));
	}
	if (!rc) {
		rc = write_file(path, o.s, o.len);
		if (rc)
			snprintf(msg, msglen, "%s: cannot write: %s", path, strerror(errno));
	}
	free(css);
	free(path);
	sb_free(&o);
	return rc ? -1 : 0;
}

int html_write_landing(const char *outroot, const char *const *variants, const char *const *names, int n,
		       char *msg, size_t msglen)
{
	return html_write_landing_meta(outroot, variants, names, n, NULL, NULL, 0, msg, msglen);
}
