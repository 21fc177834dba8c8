/* fuzz_questionnaire.c: libFuzzer harness for the questionnaire loader
 * (questionnaire_load: libxml2 parsing, RELAX NG validation with the line
 * of the first error, and questionnaire.c's own checks). */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *path = fuzz_write("vragenlijst.xml", data, size);
	struct err e = { { 0 } };
	questionnaire *qn = questionnaire_load(path, "gen/schema/vragenlijst.rng", &e);
	if (!qn && strncmp(e.msg, path, strlen(path)) && strncmp(e.msg, "gen/schema/", 11))
		abort(); /* every error names the file */
	questionnaire_free(qn);
	free(path);
	return 0;
}
