/* sav_export_main.c: the sav-export program. Owns main() of gen/sav-export:
 * loads DIR/vragenlijst.xml, DIR/gemeenten-2013.csv and DIR/antwoorden.csv
 * with the generator's own loaders (so the export passes every check the
 * report does) and writes DIR/antwoorden.sav with responses_write_sav.
 *
 *   sav-export [--input DIR] [--schema FILE]
 *
 * DIR defaults to "input", FILE to "gen/schema/vragenlijst.rng": run it from
 * the repository root, as make does. On an error it prints the message and
 * exits 1 without touching the .sav.
 *
 * The .sav's labels (and the default breakdown's) are terms (terms.h): the
 * generator's default term list, templates/termen.xml, found from FILE as
 * gen does (FILE's folder holds termen.rng; templates/ is two folders up). */
#include "survey.h"
#include "termlist.h"
#include "xmlload.h"
#include "terms.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The generator's default term list and its schema, found from the
 * questionnaire's schema path as gen finds them. */
static int install_terms(const char *rng, struct err *e)
{
	char *terms_rng = schema_sibling(rng, "termen.rng");
	char *list = generator_template(rng, "termen.xml");
	int rc = termlist_install(list, NULL, terms_rng, NULL, "sav-export", e);
	free(terms_rng);
	free(list);
	return rc;
}

static int usage(void)
{
	fprintf(stderr, "usage: sav-export [--input DIR] [--schema FILE]\n");
	return 2;
}

int main(int argc, char **argv)
{
	const char *in = "input", *rng = "gen/schema/vragenlijst.rng";
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--input") && i + 1 < argc)
			in = argv[++i];
		else if (!strcmp(argv[i], "--schema") && i + 1 < argc)
			rng = argv[++i];
		else
			return usage();
	}
	char *xml = xasprintf("%s/vragenlijst.xml", in);
	char *reg_csv = xasprintf("%s/gemeenten-2013.csv", in);
	char *csv = xasprintf("%s/antwoorden.csv", in);
	char *sav = xasprintf("%s/antwoorden.sav", in);
	struct err e = { { 0 } };
	questionnaire *qn = NULL;
	registry *reg = NULL;
	survey *s = NULL;
	int rc = 1;

	if (install_terms(rng, &e) == 0)
		qn = questionnaire_load(xml, rng, &e);
	if (qn)
		reg = registry_load(reg_csv, &e);
	if (reg) {
		s = survey_new(qn, reg);
		s->keep_rows = 1; /* the .sav is written from the rows themselves */
		if (responses_load_csv(s, csv, &e) == 0 && responses_write_sav(s, sav, &e) == 0)
			rc = 0;
	}
	if (rc)
		fprintf(stderr, "sav-export: %s\n", e.msg);
	else
		printf("sav-export: wrote %s (%d respondents, %d answer columns)\n", sav, s->nresp, s->ncols);

	survey_free(s);
	registry_free(reg);
	questionnaire_free(qn);
	free(xml);
	free(reg_csv);
	free(csv);
	free(sav);
	terms_uninstall();
	return rc;
}
