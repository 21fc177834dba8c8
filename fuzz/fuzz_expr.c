/* fuzz_expr.c: libFuzzer harness for the expression language (expr.c):
 * parse, evaluate on the national numbers of input/, and format, as <w x>
 * does. Any input must give a value that prints or a file:line error. */
#include "fuzz_common.h"
#include "expr.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_world *w = fuzz_world_load();
	char *src = xstrndup((const char *)data, size); /* stops at a NUL, as an attribute would */
	expr_env env = { w->st, "2013-04-08", "2013-05-13" };
	value v;
	struct err e = { { 0 } };
	if (expr_eval(&env, src, "fuzz.xml", 1, &v, &e) == 0) {
		char *s = value_format(&v, "fuzz.xml", 1, src, &e);
		free(s);
		char *d = value_describe(&v);
		free(d);
		value_free(&v);
	} else if (strncmp(e.msg, "fuzz.xml:1: ", 12)) {
		abort(); /* every error names the template and line */
	}
	free(src);
	return 0;
}
