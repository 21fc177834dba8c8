/* main.c: the command line of the generator.
 *
 *   gen/gen [--input DIR] [--templates DIR] [--out DIR] [--variant SLUG|all] [--concept]
 *
 * The editions and the minimum bases come from templates/rapport.xml
 * (edition.c). A claim of the text that does not hold fails the run (all of
 * them are listed first); --concept writes the editions with those claims
 * marked and explained instead.
 * Loads and checks all input first, then builds every variant into a
 * staging directory beside out/, and only when everything succeeded swaps
 * the staging directory into place. Any error leaves out/ as it was. */
#include "aggregate.h"
#include "doc.h"
#include "doc_writers.h"
#include "chart.h"
#include "changes.h"
#include "survey.h"
#include "template.h"
#include "edition.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

typedef struct {
	const char *input, *templates, *out, *variant, *schema_dir;
	int concept;
} options;

static void usage(void)
{
	fputs("usage: gen/gen [--input DIR] [--templates DIR] [--out DIR] [--variant SLUG|all] [--concept]\n", stderr);
}

static int parse_args(int argc, char **argv, options *o)
{
	o->input = "input";
	o->templates = "templates";
	o->out = "out";
	o->variant = "all";
	o->schema_dir = getenv("GEN_SCHEMA_DIR") ? getenv("GEN_SCHEMA_DIR") : NULL;
	o->concept = 0;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		const char **slot = !strcmp(a, "--input") ? &o->input : !strcmp(a, "--templates") ? &o->templates
				    : !strcmp(a, "--out") ? &o->out : !strcmp(a, "--variant") ? &o->variant : NULL;
		if (slot) {
			if (i + 1 >= argc) {
				fprintf(stderr, "gen: %s needs a value\n", a);
				return -1;
			}
			*slot = argv[++i];
		} else if (!strcmp(a, "--strict")) {
			o->concept = 0; /* the default now; kept for old scripts */
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
		}
		name_charts(c);
	}
}

static int build_variant(const survey *s, const templates *t, const edition_list *el, const edition *ed,
			 const stats *national, const char *stage, const options *o, struct err *e, int *claims)
{
	const char *slug = ed->slug;
	variant *v = edition_variant(s, ed);
	if (!v)
		return err_set(e, "--variant", 0, "unknown edition '%s'", slug);
	int rc = 0;
	stats *st = edition_stats(v, el, national);
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
	d = report_build(t, st, !o->concept, e);
	if (!d) {
		rc = -1;
		goto done;
	}
	*claims += d->nclaims_failed;
	if (d->nclaims_failed && !o->concept)
		goto done; /* the run fails after every edition's claims are listed */
	if (doc_resolve(d, msg, sizeof msg)) {
		rc = err_set(e, t->dir, 0, "%s", msg);
		goto done;
	}
	name_charts(d->root);
	char *css = xasprintf("%s/stijl.css", t->dir);
	if (doc_write_html(d, dir, css, msg, sizeof msg))
		rc = err_set(e, dir, 0, "HTML: %s", msg);
	free(css);
	if (rc)
		goto done;
	char *pdf = xasprintf("%s/rapport.pdf", dir);
	if (doc_write_pdf(d, pdf, msg, sizeof msg))
		rc = err_set(e, pdf, 0, "PDF: %s", msg);
	free(pdf);
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

	edition_list *el = editions_load(t, s, &e);
	if (!el)
		goto out;
	editions_plan(el, s);
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
	if (want >= 0 && !el->e[want].produced) {
		err_set(&e, "--variant", 0, "edition '%s' is not produced (too few responding gemeenten)", o.variant);
		goto out_el;
	}
	rm_rf(stage);
	if (mkdir_p(stage)) {
		err_set(&e, stage, 0, "cannot create the staging directory: %s", strerror(errno));
		goto out_el;
	}
	/* the whole country once, for every area edition's comparison */
	edition whole = { .slug = "nederland", .name = "Nederland" };
	variant *nv_all = edition_variant(s, &whole);
	stats *national = edition_stats(nv_all, el, NULL);
	int claims = 0, brc = 0;
	const char **all = xcalloc((size_t)el->n + 1, sizeof *all), **names = xcalloc((size_t)el->n + 1, sizeof *names);
	landing_redirect *red = xcalloc((size_t)el->n + 1, sizeof *red);
	int nv = 0, nred = 0;
	for (int i = 0; i < el->n && !brc; i++) {
		const edition *ed = &el->e[i];
		if (!ed->produced) {
			if (ed->nprov == 1)
				red[nred++] = (landing_redirect){ ed->name, ed->gemeenten,
					ed->covered_by >= 0 ? el->e[ed->covered_by].slug : NULL,
					ed->covered_by >= 0 ? el->e[ed->covered_by].name : NULL };
			continue;
		}
		if (want >= 0 && want != i)
			continue;
		brc = build_variant(s, t, el, ed, ed->nprov ? national : NULL, stage, &o, &e, &claims);
		all[nv] = ed->slug;
		names[nv++] = ed->name;
	}
	stats_free(national);
	variant_free(nv_all);
	char msg[1024];
	int lrc = brc ? 0 : claims && !o.concept ? 1
		: html_write_landing_areas(stage, all, names, nv, red, want >= 0 ? 0 : nred, msg, sizeof msg);
	free(all);
	free(names);
	free(red);
	if (brc)
		goto out_el;
	if (claims && !o.concept) {
		err_set(&e, t->dir, 0, "%d bewering(en) kloppen niet op de gegevens (zie hierboven); niets gepubliceerd. "
			"Pas de tekst aan, of bekijk de uitgave met --concept", claims);
		goto out_el;
	}
	if (lrc) {
		err_set(&e, stage, 0, "landing page: %s", msg);
		goto out_el;
	}
	if (publish(stage, o.out, &e))
		goto out_el;
	if (claims)
		fprintf(stderr, "gen: concept: %d bewering(en) kloppen niet; gemarkeerd en toegelicht in de uitvoer\n", claims);
	rc = 0;
out_el:
	editions_free(el);
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
