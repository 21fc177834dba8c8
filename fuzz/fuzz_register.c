/* fuzz_register.c: libFuzzer harness for the municipality register loader
 * (registry_load: csvread.c and register.c's checks of every column). */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *path = fuzz_write("gemeenten.csv", data, size);
	struct err e = { { 0 } };
	registry *r = registry_load(path, &e);
	if (!r && strncmp(e.msg, path, strlen(path)))
		abort(); /* every error names the file */
	registry_free(r);
	free(path);
	return 0;
}
