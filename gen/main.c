/* main.c: the command line of the generator.
 *
 *   gen/gen [--input DIR] [--templates DIR] [--out DIR] [--variant SLUG|all] [--concept] [--jobs N]
 *           [--base-url URL]
 *
 * The editions and the minimum bases come from templates/rapport.xml
 * (edition.c). A claim of the text that does not hold fails the run (all of
 * them are listed first); --concept writes the editions with those claims
 * marked and explained instead.
 * Loads and checks all input first, then takes the publication lock and
 * builds every requested edition into the staging directory beside out/
 * (publish.h), and only when every edition succeeded publishes them, one
 * atomic swap per edition, and rewrites the landing page. Any error leaves
 * out/ as it was. */
#include "aggregate.h"
#include "doc.h"
#include "doc_writers.h"
#include "chart.h"
#include "changes.h"
#include "codebook.h"
#include "disclosure.h"
#include "edition.h"
#include "hyphenate.h"
#include "expr.h"
#include "jobs.h"
#include "open_answers.h"
#include "pdf_layout.h"
#include "pdfinfo.h"
#include "publish.h"
#include "survey.h"
#include "template.h"
#include "termlist.h"
#include "xmlload.h"
#include "terms.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

typedef struct {
	const char *input, *templates, *out, *variant, *schema_dir;
	const char *base_url; /* where out/ is published: canonical and og:url; NULL: none */
	int concept;     /* --concept: failing claims marked, not fatal */
	int jobs;        /* editions built at once (--jobs; default: the processors) */
	int lint;        /* --controleer: read every sentence of every edition; write nothing */
	int update_withhold; /* --update-weglaten: an update that would disclose is published with those cells withheld */
	char *css;       /* not an option: the style sheet found for the site (style_sheet) */
} options;

static void usage(void)
{
	fputs("usage: gen/gen [--input DIR] [--templates DIR] [--out DIR] [--variant SLUG|all] [--concept] [--jobs N]\n"
	      "               [--base-url URL] [--controleer] [--update-weglaten]\n", stderr);
}

static int parse_args(int argc, char **argv, options *o)
{
	o->input = "input";
	o->templates = "templates";
	o->out = "out";
	o->variant = "all";
	o->schema_dir = getenv("GEN_SCHEMA_DIR") ? getenv("GEN_SCHEMA_DIR") : NULL;
	o->concept = 0;
	o->lint = 0;
	o->update_withhold = 0;
	o->base_url = NULL;
	o->jobs = jobs_default();
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (!strcmp(a, "--jobs")) {
			char *end = NULL;
			long j = i + 1 < argc ? strtol(argv[i + 1], &end, 10) : 0;
			if (!end || *end || j < 1 || j > 256) {
				fprintf(stderr, "gen: --jobs needs a number from 1 to 256\n");
				return -1;
			}
			o->jobs = (int)j;
			i++;
			continue;
		}
		const char **slot = !strcmp(a, "--input") ? &o->input : !strcmp(a, "--templates") ? &o->templates
				    : !strcmp(a, "--out") ? &o->out : !strcmp(a, "--variant") ? &o->variant
				    : !strcmp(a, "--base-url") ? &o->base_url : NULL;
		if (slot) {
			if (i + 1 >= argc) {
				fprintf(stderr, "gen: %s needs a value\n", a);
				return -1;
			}
			*slot = argv[++i];
		} else if (!strcmp(a, "--strict")) {
			o->concept = 0;
		} else if (!strcmp(a, "--controleer")) {
			o->lint = 1;
		} else if (!strcmp(a, "--update-weglaten")) {
			o->update_withhold = 1;
		} else if (!strcmp(a, "--concept")) {
			o->concept = 1;
		} else if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
			usage();
			exit(0);
		} else {
			fprintf(stderr, "gen: unknown option '%s'\n", a);
			usage();
			return -1;
		}
	}
	return 0;
}

/* The schemas live in gen/schema beside the binary's source tree; find them
 * relative to the binary so gen/gen works from any directory. */
static char *schema_path(const char *argv0, const options *o, const char *name)
{
	if (o->schema_dir)
		return xasprintf("%s/%s", o->schema_dir, name);
	char *p = xasprintf("gen/schema/%s", name);
	if (access(p, R_OK) == 0)
		return p;
	free(p);
	const char *slash = strrchr(argv0, '/');
	if (slash) {
		/* gen/gen -> gen/schema; build/x/bin/gen -> ../../../gen/schema */
		char *dir = xstrndup(argv0, (size_t)(slash - argv0));
		const char *cands[] = { "%s/schema/%s", "%s/../../../gen/schema/%s" };
		for (int i = 0; i < 2; i++) {
			p = xasprintf(cands[i], dir, name);
			if (access(p, R_OK) == 0) {
				free(dir);
				return p;
			}
			free(p);
		}
		free(dir);
	}
	return xasprintf("gen/schema/%s", name);
}

/* Names each chart file after its resolved figure number: figuur-2-2. */
static void name_charts(doc_node *n)
{
	for (doc_node *c = n->first; c; c = c->next) {
		if (c->type == DOC_FIGURE && c->chart && c->number) {
			free(c->chart->id);
			char *id = xasprintf("figuur-%s", c->number);
			for (char *p = id; *p; p++)
				if (*p == '.')
					*p = '-';
			c->chart->id = id;
			free(c->chart->number); /* the SVG's <title> says "Figuur 2.2" */
			c->chart->number = xstrdup(c->number);
		}
		name_charts(c);
	}
}

/* Builds edition slug into the staging area: the published files into
 * <stage>/<slug>, the internal record into <stage>/.state/<slug>, and the
 * account of what changed against what out/ holds now. */
/* A writer's message as the run's error: a message that already names a
 * file at or below path ("<path>/figuren/x.png: cannot write: No space left
 * on device") is given as it is, once; otherwise "path: WHAT: message". */
static int io_error(struct err *e, const char *path, const char *what, const char *msg)
{
	size_t n = strlen(path);
	if (!strncmp(msg, path, n) && (msg[n] == ':' || msg[n] == '/')) {
		snprintf(e->msg, sizeof e->msg, "%s", msg);
		return -1;
	}
	return err_set(e, path, 0, "%s: %s", what, msg);
}

static int build_variant(const survey *s, const templates *t, const edition_list *el, const edition *ed,
			 const stats *national, const publication *pub, const options *o, const char *data_date,
			 const html_site *site, struct err *e, int *claims)
{
	const char *slug = ed->slug;
	variant *v = edition_variant(s, ed);
	if (!v)
		return err_set(e, "--variant", 0, "unknown edition '%s'", slug);
	int rc = 0;
	stats *st = edition_stats(v, el, national);
	doc *d = NULL;
	char *dir = xasprintf("%s/%s", publish_stage_dir(pub), slug);
	char *state = xasprintf("%s/%s", publish_stage_state(pub), slug);
	char msg[1024];
	if (v->n == 0) {
		rc = err_set(e, slug, 0, "no respondents in this area; expected at least one");
		goto done;
	}
	if (mkdir_p(dir) || mkdir_p(state)) {
		rc = err_set(e, dir, 0, "cannot create the directory: %s", strerror(errno));
		goto done;
	}
	char *cij = xasprintf("%s/cijfers.csv", dir);
	if (stats_write_cijfers(st, cij))
		rc = err_set(e, cij, 0, "cannot write: %s", strerror(errno));
	free(cij);
	if (rc)
		goto done;
	char *oa = xasprintf("%s/open-antwoorden.csv", dir);
	if (open_answers_write_csv(v, oa))
		rc = err_set(e, oa, 0, "cannot write: %s", strerror(errno));
	free(oa);
	if (rc)
		goto done;
	prof_mark("edition numbers, csv");
	d = report_build(t, st, !o->concept, e);
	if (!d) {
		rc = -1;
		goto done;
	}
	*claims += d->nclaims_failed;
	if (d->nclaims_failed && !o->concept)
		goto done; /* the run fails after every edition's claims are listed */
	if (doc_resolve(d, msg, sizeof msg)) {
		snprintf(e->msg, sizeof e->msg, "%s", msg); /* already "templates/X.xml:LINE: ..." */
		rc = -1;
		goto done;
	}
	if (report_check_figure_numbers(d, s->qn, e)) {
		rc = -1;
		goto done;
	}
	doc_claims_refresh(d); /* their texts with the cross-references resolved */
	name_charts(d->root);
	char *cb = xasprintf("%s/codeboek.csv", dir);
	if (codebook_write(s->qn, s->reg, cb))
		rc = err_set(e, cb, 0, "cannot write: %s", strerror(errno));
	free(cb);
	if (rc)
		goto done;
	/* the PDF first: the page links it with its size and page count */
	prof_mark("document tree");
	char *pdf = xasprintf("%s/rapport.pdf", dir);
	if (doc_write_pdf(d, pdf, msg, sizeof msg))
		rc = io_error(e, pdf, "PDF", msg);
	/* the page states the PDF's size and pages as published (after the
	 * PDF/UA pass rewrote it), so they are read from the file here, in the
	 * site layer, and handed to the HTML writer */
	html_site page_site = site ? *site : (html_site){ 0 };
	const html_download written[] = { { "cijfers.csv", T("download.cijfers") },
					  { "codeboek.csv", T("download.codeboek") } };
	page_site.csv = written; /* both written above, or the edition failed */
	page_site.ncsv = 2;
	if (!rc && pdf_info(pdf, &page_site.pdf_bytes, &page_site.pdf_pages))
		rc = err_set(e, pdf, 0, "cannot read back the PDF just written; expected a PDF that libqpdf can open");
	free(pdf);
	if (rc)
		goto done;
	prof_mark("pdf written");
	if (doc_write_html_site(d, dir, o->css, &page_site, msg, sizeof msg))
		rc = io_error(e, dir, "HTML", msg);
	if (rc)
		goto done;
	prof_mark("html site written");
	char *bw = xasprintf("%s/beweringen.csv", state), *tot = xasprintf("%s/totalen.csv", state);
	if (claims_write_csv(d, bw))
		rc = err_set(e, bw, 0, "cannot write: %s", strerror(errno));
	else if (totals_write_csv(st, tot))
		rc = err_set(e, tot, 0, "cannot write: %s", strerror(errno));
	free(bw);
	free(tot);
	if (rc)
		goto done;
	/* what changed against what is published now (the lock is held) */
	char *old = xasprintf("%s/%s", publish_dir(pub), slug);
	char *old_state = xasprintf("%s/%s", publish_state(pub), slug);
	char *shown = xasprintf("%s/%s", publish_out(pub), slug);
	change_paths cp = { .old_site = old, .old_state = old_state, .new_site = dir, .new_state = state,
			    .slug = slug, .area = v->area, .data_date = data_date, .shown = shown };
	change_counts cc;
	rc = changes_write(&cp, &cc, e);
	free(old);
	free(old_state);
	free(shown);
done:
	free(dir);
	free(state);
	doc_free(d);
	stats_free(st);
	variant_free(v);
	return rc;
}

/* One edition as a task of jobs_run: each writes only its own part of the
 * staging area (<stage>/<slug>, <stage>/.state/<slug>). */
struct edition_ctx {
	const survey *s;
	const templates *t;
	const edition_list *el;
	const edition *const *eds;
	const stats *national;
	const publication *pub;
	const options *o;
	const char *data_date;
	const html_site *site;
};

static int build_edition(int i, void *ctx, struct err *e, int *claims)
{
	const struct edition_ctx *c = ctx;
	const edition *ed = c->eds[i];
	return build_variant(c->s, c->t, c->el, ed, ed->nprov ? c->national : NULL, c->pub, c->o, c->data_date,
			     c->site, e, claims);
}

/* "1 december 2026": the day the responses file was last changed, as the
 * date of the data on wijzigingen.html. */
static char *data_date_of(const char *path)
{
	struct stat sb;
	if (stat(path, &sb))
		return xstrdup(T("datum.onbekend"));
	struct tm tm;
	gmtime_r(&sb.st_mtime, &tm);
	char iso[16];
	strftime(iso, sizeof iso, "%Y-%m-%d", &tm);
	return nl_date(iso);
}

/* The path of one input file: the name rapport.xml gives it in <invoer>,
 * else the default. A file that cannot be read is an error that says which
 * file was expected and where that name comes from. */
static char *input_path(const options *o, const templates *t, const char *what, const char *attr,
			const char *named, long line, const char *dflt, struct err *e)
{
	char *path = xasprintf("%s/%s", o->input, named ? named : dflt);
	if (access(path, R_OK) == 0)
		return path;
	int err = errno;
	if (named)
		err_set(e, path, 0, "cannot read the %s: %s; expected the file that %s/rapport.xml:%ld names "
			"(<invoer %s=\"%s\">) in the input folder %s", what, strerror(err), t->dir, line, attr, named, o->input);
	else
		err_set(e, path, 0, "cannot read the %s: %s; expected %s in the input folder %s (the default name; "
			"<invoer %s=\"...\"/> in %s/rapport.xml names another)", what, strerror(err), dflt, o->input, attr, t->dir);
	free(path);
	return NULL;
}

/* A file of the generator's default templates (the shipped report's
 * templates/, found beside the schemas: gen/schema/../../templates). */
static char *default_template_file(const char *argv0, const options *o, const char *name)
{
	char *rng = schema_path(argv0, o, "sjabloon.rng");
	char *dflt = generator_template(rng, name);
	free(rng);
	return dflt;
}

/* The site's style sheet: the templates' own stijl.css, or else the
 * generator's default. Found before anything is built, so a report
 * without one fails at once, not after its PDF. */
static char *style_sheet(const char *argv0, const options *o, const templates *t, struct err *e)
{
	char *own = xasprintf("%s/stijl.css", t->dir);
	if (access(own, R_OK) == 0)
		return own;
	char *dflt = default_template_file(argv0, o, "stijl.css");
	if (access(dflt, R_OK) == 0) {
		free(own);
		return dflt;
	}
	err_set(e, own, 0, "cannot read the style sheet: %s; expected stijl.css in the templates folder, or the "
		"generator's default at %s", strerror(errno), dflt);
	free(own);
	free(dflt);
	return NULL;
}

/* The report's words (terms.h): the generator's default term list, with
 * the templates' own termen.xml over it, in the language <taal> says. */
static int install_terms(const char *argv0, const options *o, const templates *t, const template_inputs *in,
			 struct err *e)
{
	char *dflt = default_template_file(argv0, o, "termen.xml");
	char *own = xasprintf("%s/termen.xml", t->dir);
	char *rng = schema_path(argv0, o, "termen.rng");
	char *where = in->lang ? xasprintf("%s/rapport.xml:%ld", t->dir, in->lang_line)
			       : xasprintf("%s/rapport.xml, which has no <taal>", t->dir);
	int rc = termlist_install(dflt, access(own, F_OK) == 0 ? own : NULL, rng, in->lang, where, e);
	free(dflt);
	free(own);
	free(rng);
	free(where);
	return rc;
}

int main(int argc, char **argv)
{
	options o = { 0 };
	if (parse_args(argc, argv, &o))
		return 2;
	struct err e = { { 0 } };
	int rc = 1;
	prof_mark("start");
	char *qx = NULL, *rg = NULL, *resp = NULL;
	template_inputs in = { 0 };
	breakdown bd;
	int have_bd = 0;
	char *rng_q = schema_path(argv[0], &o, "vragenlijst.rng");
	char *rng_t = schema_path(argv[0], &o, "sjabloon.rng");
	publication *pub = NULL;
	char *data_date = NULL;
	questionnaire *qn = NULL;
	registry *reg = NULL;
	survey *s = NULL;
	templates *t = NULL;

	/* the templates first: rapport.xml names the input files */
	if (!(t = templates_load(o.templates, rng_t, &e)))
		goto out;
	prof_mark("load templates");
	if (templates_inputs(t, &in, &e) || install_terms(argv[0], &o, t, &in, &e))
		goto out;
	if (!(o.css = style_sheet(argv[0], &o, t, &e)))
		goto out;
	{
		/* the responses: antwoorden.csv, or else antwoorden.sav */
		char *dcsv = xasprintf("%s/antwoorden.csv", o.input);
		const char *dflt = in.responses || access(dcsv, F_OK) == 0 ? "antwoorden.csv" : "antwoorden.sav";
		free(dcsv);
		if (!(qx = input_path(&o, t, "questionnaire", "vragenlijst", in.questionnaire, in.questionnaire_line,
				      "vragenlijst.xml", &e)) ||
		    !(rg = input_path(&o, t, "register", "register", in.registry, in.registry_line, "gemeenten-2013.csv", &e)) ||
		    !(resp = input_path(&o, t, "responses", "antwoorden", in.responses, in.responses_line, dflt, &e)))
			goto out;
	}
	if (templates_breakdown(t, &bd, &e))
		goto out;
	have_bd = 1;
	if (!(qn = questionnaire_load(qx, rng_q, &e)) || !(reg = registry_load_areas(rg, &bd, in.area_column, &e)))
		goto out;
	s = survey_new(qn, reg);
	/* the reader by extension: .sav is SPSS, anything else CSV */
	size_t rl = strlen(resp);
	int is_sav = rl > 4 && !strcmp(resp + rl - 4, ".sav");
	if (is_sav ? responses_load_sav(s, resp, &e) : responses_load_csv(s, resp, &e))
		goto out;
	prof_mark("load responses");

	edition_list *el = editions_load(t, s, &e);
	if (!el)
		goto out;
	editions_plan(el, s);
	/* an area of the register that no edition names: a spelling slip, or
	 * a report that leaves it to the national edition */
	for (int k = 0; k < el->nunnamed; k++)
		fprintf(stderr, "gen: %s:%ld: note: %s '%s' is in no <uitgave> of %s/rapport.xml "
				"(a spelling slip?); its gemeenten count only in editions without provinces\n",
			reg->source, reg->area_line[el->unnamed[k]],
			strcmp(reg->area_column, "provincie") ? "area" : "province", reg->areas[el->unnamed[k]], t->dir);
	int want = -1;
	if (strcmp(o.variant, "all")) {
		for (int i = 0; i < el->n; i++)
			if (!strcmp(el->e[i].slug, o.variant))
				want = i;
		if (want < 0) {
			err_set(&e, "--variant", 0, "unknown edition '%s'; expected all or an id of <uitgaven> in rapport.xml", o.variant);
			goto out_el;
		}
	}
	/* one line per edition that is not produced */
	for (int i = 0; i < el->n; i++)
		if (!el->e[i].produced && (want < 0 || want == i)) {
			char *line = edition_skip_line(el, i);
			fprintf(stderr, "%s\n", line);
			free(line);
		}
	/* and, for every edition made, what the decision withholds in it */
	for (int i = 0; i < el->n; i++)
		if (el->e[i].produced && (want < 0 || want == i)) {
			char *line = edition_summary_line(el, i);
			fprintf(stderr, "%s\n", line);
			free(line);
		}
	if (want >= 0 && !el->e[want].produced) {
		err_set(&e, "--variant", 0, "edition '%s' is not produced (see the line above: too few responding gemeenten, or it would give away a smaller area)", o.variant);
		goto out_el;
	}
	/* what this run builds; what the landing page lists (every produced
	 * edition, in declared order); where readers of an area without an
	 * edition of its own are sent */
	const edition **build = xcalloc((size_t)el->n + 1, sizeof *build);
	const char **decl = xcalloc((size_t)el->n + 1, sizeof *decl), **names = xcalloc((size_t)el->n + 1, sizeof *names);
	landing_redirect *red = xcalloc((size_t)el->n + 1, sizeof *red);
	int nb = 0, nd = 0, nred = 0;
	for (int i = 0; i < el->n; i++) {
		const edition *ed = &el->e[i];
		if (!ed->produced) {
			if (ed->nprov == 1)
				red[nred++] = (landing_redirect){ ed->name, ed->gemeenten,
					ed->covered_by >= 0 ? el->e[ed->covered_by].slug : NULL,
					ed->covered_by >= 0 ? el->e[ed->covered_by].name : NULL };
			continue;
		}
		decl[nd] = ed->slug;
		names[nd++] = ed->name;
		if (want < 0 || want == i)
			build[nb++] = ed;
	}
	data_date = data_date_of(resp);
	/* the whole population once, for every area edition's comparison:
	 * named as the report's edition of the whole names it, else by the
	 * term list ("Nederland") */
	const edition *declared_whole = NULL;
	for (int i = 0; i < el->n && !declared_whole; i++)
		if (!el->e[i].nprov)
			declared_whole = &el->e[i];
	char *whole_slug = declared_whole ? xstrdup(declared_whole->slug) : province_slug(T("geheel.naam"));
	edition whole = { .slug = whole_slug,
			  .name = declared_whole ? declared_whole->name : (char *)T("geheel.naam") };
	variant *nv_all = edition_variant(s, &whole);
	free(whole_slug);
	stats *national = edition_stats(nv_all, el, NULL);
	prof_mark("national numbers");
	/* The text of every produced edition is evaluated, not only of those
	 * built: a value withheld in a sentence without an alternative fails
	 * the run in any edition. --controleer also lints every sentence
	 * (lint.c) and writes nothing. */
	if (o.lint || want >= 0) {
		strbuf findings;
		sb_init(&findings);
		int nfind = 0, nerr = 0;
		for (int i = 0; i < el->n; i++) {
			const edition *ed = &el->e[i];
			if (!ed->produced || (!o.lint && i == want))
				continue;
			variant *v = edition_variant(s, ed);
			stats *st = edition_stats(v, el, ed->nprov ? national : NULL);
			struct err le = { { 0 } };
			int nl = 0;
			doc *d = report_build_lint(t, st, 0, o.lint ? &findings : NULL, &nl, &le);
			if (!d) {
				sb_printf(&findings, "%s\n", le.msg);
				nerr++;
			}
			nfind += nl;
			doc_free(d);
			stats_free(st);
			variant_free(v);
		}
		if (findings.len)
			fputs(findings.s, stderr);
		sb_free(&findings);
		if (o.lint || nerr) {
			if (o.lint)
				fprintf(stderr, "gen: check: %d finding(s), %d edition(s) cannot be made\n", nfind, nerr);
			stats_free(national);
			variant_free(nv_all);
			free(build);
			free(decl);
			free(names);
			free(red);
			if (nerr)
				err_set(&e, t->dir, 0, "%d edition(s) print a value that must be withheld, without an alternative (see above); "
				"expected a <kies> or <zin> with an <anders> around it", nerr);
			rc = o.lint && !nfind && !nerr ? 0 : 1;
			if (o.lint && rc) {
				if (!nerr)
					err_set(&e, t->dir, 0, "%d finding(s) of the check (see above)", nfind);
			}
			goto out_el;
		}
	}
	/* every edition of the site, for each page's links to the others: with
	 * --variant all the editions built; with one edition, those already
	 * published beside it (read under the lock), so a page never links to
	 * an edition that is not there */
	const char **sdecl = xcalloc((size_t)nd + 1, sizeof *sdecl), **snames = xcalloc((size_t)nd + 1, sizeof *snames);
	html_site site = { .slugs = sdecl, .names = snames, .n = 0, .base_url = o.base_url };
	int claims = 0, brc = -1;
	if ((pub = publish_begin(o.out, &e))) {
		publish_remove_on_signal(pub); /* SIGTERM, SIGINT: no staging directory left */
		for (int i = 0; i < nd; i++) {
			char *idx = xasprintf("%s/%s/index.html", publish_dir(pub), decl[i]);
			if (want < 0 || !strcmp(decl[i], o.variant) || access(idx, F_OK) == 0) {
				sdecl[site.n] = decl[i];
				snames[site.n++] = names[i];
			}
			free(idx);
		}
		/* the previous publication is public: an update may not give away
		 * its few new units by subtraction (disclosure.h, rule 5); read
		 * under the lock, so it is what the swap will replace */
		char **old = xcalloc((size_t)el->n + 1, sizeof *old);
		for (int i = 0; i < el->n; i++)
			if (el->e[i].produced && (want < 0 || want == i))
				old[i] = xasprintf("%s/%s/cijfers.csv", publish_dir(pub), el->e[i].slug);
		char msg[900];
		int hrc = disclosure_plan_history(el->plan, (const char *const *)old, o.update_withhold, msg, sizeof msg);
		for (int i = 0; i < el->n; i++) {
			if (old[i] && el->plan->e[i].update_cells)
				fprintf(stderr, "gen: %s: %d cells (item x group) withheld: their difference with the previous "
						"publication would give away too few new units (--update-weglaten)\n",
					el->e[i].slug, el->plan->e[i].update_cells);
			free(old[i]);
		}
		free(old);
		if (hrc) {
			snprintf(e.msg, sizeof e.msg, "gen: %s", msg);
			goto history_refused;
		}
		struct edition_ctx ec = { s, t, el, build, national, pub, &o, data_date, &site };
		/* fonts and the hyphenation patterns loaded once, for every
		 * worker to inherit */
		pdf_warm *warm = pdf_warm_up();
		char hmsg[256];
		hyph *hy = hyph_open_lang(report_lang(), hmsg, sizeof hmsg); /* a failure is reported by the writers */
		prof_mark("fonts and patterns loaded");
		brc = jobs_run(nb, o.jobs, build_edition, &ec, &e, &claims);
		hyph_close(hy);
		pdf_warm_free(warm);
	}
history_refused:
	stats_free(national);
	prof_mark("editions built");
	variant_free(nv_all);
	if (!brc && claims && !o.concept) {
		err_set(&e, t->dir, 0, "%d claim(s) do not hold on the data (see above); nothing published. "
			"Expected text that the data support: change the templates, or look at the edition with --concept", claims);
		brc = -1;
	}
	/* every edition built: publish them, one atomic swap each */
	for (int i = 0; !brc && i < nb; i++)
		brc = publish_edition(pub, build[i]->slug, &e);
	doc_meta meta;
	templates_meta(t, &meta);
	if (!brc)
		brc = publish_commit(pub, decl, names, nd, &meta, red, nred, want < 0, &e);
	prof_mark("published");
	doc_meta_free(&meta);
	free(build);
	free(sdecl);
	free(snames);
	free(decl);
	free(names);
	free(red);
	if (brc)
		goto out_el;
	if (claims)
		fprintf(stderr, "gen: draft: %d claim(s) do not hold; marked and explained in the output\n", claims);
	rc = 0;
out_el:
	editions_free(el);
out:
	if (rc) {
		/* name what the user knows (out/x), not the staging directory */
		publish_unstage_msg(pub, e.msg, sizeof e.msg);
		fprintf(stderr, "%s\n", e.msg);
	}
	publish_end(pub);
	free(data_date);
	templates_free(t);
	survey_free(s);
	registry_free(reg);
	questionnaire_free(qn);
	free(qx);
	free(rg);
	free(resp);
	templates_inputs_free(&in);
	terms_uninstall();
	if (have_bd)
		breakdown_free(&bd);
	free(o.css);
	free(rng_q);
	free(rng_t);
	return rc;
}
