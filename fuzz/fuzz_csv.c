/* fuzz_csv.c: libFuzzer harness for the response loader
 * (responses_load_csv: csvread.c, the UTF-8 check, responses_csv.c) against
 * the real questionnaire and register. Any input must give either a survey
 * or a file:line error, without a sanitizer report. */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static questionnaire *qn;
	static registry *reg;
	if (!qn) {
		fuzz_dir(); /* installs the term list, as gen does before loading */
		struct err e = { { 0 } };
		qn = questionnaire_load("input/vragenlijst.xml", "gen/schema/vragenlijst.rng", &e);
		reg = qn ? registry_load("input/gemeenten-2013.csv", &e) : NULL;
		if (!reg)
			abort();
	}
	char *path = fuzz_write("antwoorden.csv", data, size);
	survey *s = survey_new(qn, reg);
	struct err e = { { 0 } };
	if (responses_load_csv(s, path, &e) && strncmp(e.msg, path, strlen(path)))
		abort(); /* every error names the file */
	survey_free(s);
	free(path);
	return 0;
}
