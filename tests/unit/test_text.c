/* test_text.c: the shared text layer (gen/base/text.c): the one UTF-8
 * decoder and the one markup escaper that the HTML writer, the SVG charts,
 * the PDF's XMP metadata and the account of changes all use. Each case is
 * a rule of the policy in text.h. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "test_terms.h"

static char *esc(const char *s, size_t n, int keep_shy)
{
	strbuf b;
	sb_init(&b);
	markup_escn(&b, s, n, keep_shy);
	return sb_take(&b);
}

static void assert_esc(const char *in, const char *want)
{
	strbuf b;
	sb_init(&b);
	markup_esc(&b, in);
	assert_string_equal(b.s ? b.s : "", want);
	sb_free(&b);
}

static void test_decode(void **state)
{
	(void)state;
	unsigned cp;
	assert_int_equal(utf8_decode((const unsigned char *)"A", 1, &cp), 1);
	assert_int_equal(cp, 'A');
	assert_int_equal(utf8_decode((const unsigned char *)"\xC3\xAB", 2, &cp), 2); /* ë */
	assert_int_equal(cp, 0xEB);
	assert_int_equal(utf8_decode((const unsigned char *)"\xE2\x80\x98", 3, &cp), 3); /* ‘ */
	assert_int_equal(cp, 0x2018);
	assert_int_equal(utf8_decode((const unsigned char *)"\xF0\x9F\x98\x80", 4, &cp), 4);
	assert_int_equal(cp, 0x1F600);
	/* overlong, surrogate, beyond U+10FFFF, truncated, stray continuation */
	assert_int_equal(utf8_decode((const unsigned char *)"\xC0\xAF", 2, &cp), 0);
	assert_int_equal(utf8_decode((const unsigned char *)"\xED\xA0\x80", 3, &cp), 0);
	assert_int_equal(utf8_decode((const unsigned char *)"\xF4\x90\x80\x80", 4, &cp), 0);
	assert_int_equal(utf8_decode((const unsigned char *)"\xE2\x80", 2, &cp), 0);
	assert_int_equal(utf8_decode((const unsigned char *)"\x80", 1, &cp), 0);
	/* utf8_next never fails: one bad byte, U+FFFD */
	assert_int_equal(utf8_next((const unsigned char *)"\x80x", 2, &cp), 1);
	assert_int_equal(cp, 0xFFFD);
}

static void test_escape_policy(void **state)
{
	(void)state;
	/* markup characters, for text and either kind of quoted attribute */
	assert_esc("a&b <i> \"x\" 'y'", "a&amp;b &lt;i&gt; &quot;x&quot; &#39;y&#39;");
	/* tab and newline stay; other C0, DEL and C1 controls go */
	assert_esc("a\tb\nc\x01\x7F" "d\xC2\x85" "e", "a\tb\ncde");
	/* noncharacters go */
	assert_esc("x\xEF\xB7\x90y\xEF\xBF\xBEz", "xyz");
	/* malformed UTF-8: U+FFFD per bad byte, the rest kept */
	assert_esc("a\xFF" "b\xC3", "a\xEF\xBF\xBD" "b\xEF\xBF\xBD");
	/* NULL appends nothing */
	assert_esc(NULL, "");
	/* soft hyphens: dropped unless kept for line breaking */
	char *s = esc("ge\xC2\xAD" "meen", 8, 0);
	assert_string_equal(s, "gemeen");
	free(s);
	s = esc("ge\xC2\xAD" "meen", 8, 1);
	assert_string_equal(s, "ge\xC2\xAD" "meen");
	free(s);
	/* a length stops early; so does a NUL inside it */
	s = esc("abc<def", 4, 0);
	assert_string_equal(s, "abc&lt;");
	free(s);
	s = esc("ab\0<", 4, 0);
	assert_string_equal(s, "ab");
	free(s);
}

/* A value that opens a sentence gets a capital, also when its first letter
 * is not ASCII (a term list may start a quantifier with "één" or "ëen"). */
static void test_capitalise(void **state)
{
	(void)state;
	const char *cases[][2] = {
		{ "alle gemeenten", "Alle gemeenten" },
		{ "\xC3\xA9\xC3\xA9n gemeente", "\xC3\x89\xC3\xA9n gemeente" }, /* één -> Één */
		{ "Alle", "Alle" },
		{ "12%", "12%" },
		{ "", "" },
		{ "\xC3\xB8ya", "\xC3\x98ya" }, /* ø -> Ø */
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char *s = utf8_capitalise(cases[i][0]);
		assert_string_equal(s, cases[i][1]);
		free(s);
	}
}

int main(void)
{
	install_test_terms();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_decode),
		cmocka_unit_test(test_escape_policy),
		cmocka_unit_test(test_capitalise),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
