/* main.c: the command line of the generator.
 *
 *   gen/gen [--input DIR] [--templates DIR] [--out DIR] [--variant SLUG|all] [--strict]
 *           [--base-url URL]
 *
 * Loads and checks all input first, then builds every variant into a
 * staging directory beside out/, and only when everything succeeded swaps
 * the staging directory into place. Any error leaves out/ as it was. */
#include "aggregate.h"
#include "doc.h"
#include "doc_writers.h"
#include "chart.h"
#include "changes.h"
#include "codebook.h"
#include "survey.h"
#include "template.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

typedef struct {
	const char *input, *templates, *out, *variant, *schema_dir;
	const char *base_url; /* where out/ is published: canonical and og:url; NULL: none */
	int strict;
} options;

static void usage(void)
{
	fputs("usage: gen/gen [--input DIR] [--templates DIR] [--out DIR] [--variant SLUG|all] [--strict]\n"
	      "               [--base-url URL]\n", stderr);
}

static int parse_args(int argc, char **argv, options *o)
{
	o->input = "input";
	o->templates = "templates";
	o->out = "out";
	o->variant = "all";
	o->schema_dir = getenv("GEN_SCHEMA_DIR") ? getenv("GEN_SCHEMA_DIR") : NULL;
	o->strict = 0;
	o->base_url = NULL;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
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
			o->strict = 1;
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
		}
		name_charts(c);
	}
}

static int build_variant(const survey *s, const templates *t, const char *slug, const char *stage,
			 const options *o, const html_site *site, struct err *e, int *claims)
{
	variant *v = variant_new(s, slug);
	if (!v)
		return err_set(e, "--variant", 0, "unknown variant '%s'; expected nederland, a province slug or all", slug);
	int rc = 0;
	stats *st = stats_compute(v);
	doc *d = NULL;
	char *dir = xasprintf("%s/%s", stage, slug);
	char msg[1024];
	if (v->n == 0) {
		rc = err_set(e, slug, 0, "no respondents in this area; expected at least one");
		goto done;
	}
	if (mkdir_p(dir)) {
		rc = err_set(e, dir, 0, "cannot create the directory: %s", strerror(errno));
		goto done;
	}
	char *cij = xasprintf("%s/cijfers.csv", dir);
	if (stats_write_cijfers(st, cij))
		rc = err_set(e, cij, 0, "cannot write");
	free(cij);
	if (rc)
		goto done;
	char *cb = xasprintf("%s/codeboek.csv", dir);
	if (codebook_write(s->qn, cb))
		rc = err_set(e, cb, 0, "cannot write");
	free(cb);
	if (rc)
		goto done;
	d = report_build(t, st, o->strict, e);
	if (!d) {
		rc = -1;
		goto done;
	}
	*claims += d->nclaims_failed;
	if (doc_resolve(d, msg, sizeof msg)) {
		rc = err_set(e, t->dir, 0, "%s", msg);
		goto done;
	}
	name_charts(d->root);
	/* the PDF first: the web page links it with its size and page count */
	char *pdf = xasprintf("%s/rapport.pdf", dir);
	if (doc_write_pdf(d, pdf, msg, sizeof msg))
		rc = err_set(e, pdf, 0, "PDF: %s", msg);
	free(pdf);
	if (rc)
		goto done;
	char *css = xasprintf("%s/stijl.css", t->dir);
	if (doc_write_html_site(d, dir, css, site, msg, sizeof msg))
		rc = err_set(e, dir, 0, "HTML: %s", msg);
	free(css);
	if (rc)
		goto done;
	char *bw = xasprintf("%s/beweringen.csv", dir);
	if (claims_write_csv(d, bw))
		rc = err_set(e, bw, 0, "cannot write");
	free(bw);
	if (rc)
		goto done;
	/* what changed against what is published now */
	char *old = xasprintf("%s/%s", o->out, slug);
	change_counts cc;
	rc = changes_write(old, dir, slug, &cc, e);
	free(old);
	if (!rc && !cc.first && (cc.numbers_changed || cc.numbers_added || cc.numbers_removed || cc.claims_broken ||
				 cc.claims_restored || cc.claims_reworded))
		fprintf(stderr, "gen: %s: %d getallen gewijzigd, %d beweringen klopten niet meer, %d weer, %d met andere getallen (zie %s/wijzigingen.txt)\n",
			slug, cc.numbers_changed + cc.numbers_added + cc.numbers_removed, cc.claims_broken,
			cc.claims_restored, cc.claims_reworded, slug);
done:
	free(dir);
	doc_free(d);
	stats_free(st);
	variant_free(v);
	return rc;
}

/* Swaps stage into out: out -> old, stage -> out, remove old. */
static int publish(const char *stage, const char *out, struct err *e)
{
	char *old = xasprintf("%s.old-%ld", out, (long)getpid());
	struct stat sb;
	int had = stat(out, &sb) == 0;
	if (had && rename(out, old))
		return err_set(e, out, 0, "cannot move the old output aside: %s", strerror(errno));
	if (rename(stage, out)) {
		int er = errno;
		if (had)
			rename(old, out);
		free(old);
		return err_set(e, out, 0, "cannot put the new output in place: %s", strerror(er));
	}
	if (had)
		rm_rf(old);
	free(old);
	return 0;
}

int main(int argc, char **argv)
{
	options o;
	if (parse_args(argc, argv, &o))
		return 2;
	struct err e = { { 0 } };
	int rc = 1;
	char *qx = xasprintf("%s/vragenlijst.xml", o.input);
	char *rg = xasprintf("%s/gemeenten-2013.csv", o.input);
	char *csv = xasprintf("%s/antwoorden.csv", o.input);
	char *sav = xasprintf("%s/antwoorden.sav", o.input);
	char *rng_q = schema_path(argv[0], &o, "vragenlijst.rng");
	char *rng_t = schema_path(argv[0], &o, "sjabloon.rng");
	char *stage = xasprintf("%s.staging-%ld", o.out, (long)getpid());
	questionnaire *qn = NULL;
	registry *reg = NULL;
	survey *s = NULL;
	templates *t = NULL;

	if (!(qn = questionnaire_load(qx, rng_q, &e)) || !(reg = registry_load(rg, &e)))
		goto out;
	s = survey_new(qn, reg);
	if (access(csv, F_OK) == 0 ? responses_load_csv(s, csv, &e) : responses_load_sav(s, sav, &e))
		goto out;
	if (!(t = templates_load(o.templates, rng_t, &e)))
		goto out;

	const char *all[14];
	int nv = 0;
	if (!strcmp(o.variant, "all")) {
		all[nv++] = "nederland";
	} else {
		all[nv++] = o.variant;
	}
	char *slugs[13] = { 0 };
	if (!strcmp(o.variant, "all")) {
		const char *const *provs = province_names();
		for (int i = 0; provs[i]; i++) {
			slugs[i] = province_slug(provs[i]);
			all[nv++] = slugs[i];
		}
	}
	rm_rf(stage);
	if (mkdir_p(stage)) {
		err_set(&e, stage, 0, "cannot create the staging directory: %s", strerror(errno));
		goto out_slugs;
	}
	/* every edition the site has, for each page's links to the others */
	const char *site_slugs[14], *site_names[14];
	int ns = 0;
	site_slugs[ns] = "nederland";
	site_names[ns++] = xstrdup("Nederland");
	{
		const char *const *provs = province_names();
		for (int i = 0; provs[i] && ns < 14; i++) {
			site_slugs[ns] = province_slug(provs[i]);
			site_names[ns++] = xstrdup(provs[i]);
		}
	}
	html_site site = { site_slugs, site_names, ns, o.base_url };
	int claims = 0, brc = 0;
	for (int i = 0; i < nv && !brc; i++)
		brc = build_variant(s, t, all[i], stage, &o, &site, &e, &claims);
	char msg[1024];
	doc_meta meta;
	templates_meta(t, &meta);
	int lrc = brc ? 0 : html_write_landing_meta(stage, site_slugs, site_names, ns, &meta, msg, sizeof msg);
	doc_meta_free(&meta);
	for (int i = 0; i < ns; i++) {
		free((char *)site_names[i]);
		if (i)
			free((char *)site_slugs[i]);
	}
	if (brc)
		goto out_slugs;
	if (lrc) {
		err_set(&e, stage, 0, "landing page: %s", msg);
		goto out_slugs;
	}
	if (publish(stage, o.out, &e))
		goto out_slugs;
	if (claims)
		fprintf(stderr, "gen: %d bewering(en) klopten niet; gemarkeerd in de uitvoer\n", claims);
	rc = 0;
out_slugs:
	for (int i = 0; i < 13; i++)
		free(slugs[i]);
out:
	if (rc) {
		fprintf(stderr, "%s\n", e.msg);
		rm_rf(stage);
	}
	templates_free(t);
	survey_free(s);
	registry_free(reg);
	questionnaire_free(qn);
	free(qx);
	free(rg);
	free(csv);
	free(sav);
	free(rng_q);
	free(rng_t);
	free(stage);
	return rc;
}
