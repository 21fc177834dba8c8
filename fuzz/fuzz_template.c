/* fuzz_template.c: libFuzzer harness for the template loader and evaluator:
 * the input is one part (<deel>) of the report, loaded through a rapport.xml
 * that names it (templates_load), then evaluated on the national numbers
 * of input/ (report_build: expressions, claims, choices, figures, annex
 * blocks) and resolved (doc_resolve: numbering, cross-references). */
#include "fuzz_common.h"
#include "doc.h"
#include "template.h"

/* templates/rapport.xml with its parts replaced by the one under test, so
 * the metadata stays whatever the schema asks for now. */
static char *rapport_for_one_part(void)
{
	struct err e = { { 0 } };
	size_t len;
	char *r = read_file("templates/rapport.xml", &len, &e);
	char *first = r ? strstr(r, "<deel ") : NULL;
	char *end = r ? strstr(r, "</rapport>") : NULL;
	if (!first || !end || end < first)
		abort();
	char *s = xasprintf("%.*s<deel bestand=\"deel.xml\"/>\n%s", (int)(first - r), r, end);
	free(r);
	return s;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char *rapport;
	fuzz_world *w = fuzz_world_load();
	if (!rapport) {
		rapport = rapport_for_one_part();
		free(fuzz_write("rapport.xml", (const uint8_t *)rapport, strlen(rapport)));
	}
	free(fuzz_write("deel.xml", data, size));
	struct err e = { { 0 } };
	templates *t = templates_load(fuzz_dir(), "gen/schema/sjabloon.rng", &e);
	if (!t)
		return 0;
	doc *d = report_build(t, w->st, 0, &e);
	if (d) {
		char msg[1024];
		doc_resolve(d, msg, sizeof msg);
		doc_free(d);
	}
	templates_free(t);
	return 0;
}
