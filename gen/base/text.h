/* text.h: the text layer every writer shares: one UTF-8 decoder and one
 * escaper for markup, with one policy for what may reach a reader.
 *
 * Every input file is checked to be UTF-8 when it is read (utf8_check in
 * util.h), so the writers normally see valid text; they still decode
 * defensively, because a writer must never pass raw bytes on.
 *
 * The escaping policy (markup_esc), for HTML text and attribute values,
 * SVG and XML (XMP) alike:
 *   - & < > " ' become &amp; &lt; &gt; &quot; &#39;, so the result is safe
 *     in element content and in double- or single-quoted attributes;
 *   - control characters other than tab and newline (C0, DEL, C1) are
 *     dropped: XML 1.0 cannot carry them and a reader never means them;
 *   - Unicode noncharacters are dropped (the Nu checker rejects them);
 *   - the soft hyphen U+00AD is dropped unless the caller asks to keep it
 *     (a table header hyphenated for line breaking): in running text it
 *     would travel with copied text;
 *   - a malformed UTF-8 sequence becomes U+FFFD, one per bad byte. */
#ifndef TEXT_H
#define TEXT_H

#include "util.h"

/* A malloc'd copy of s with its first letter upper case, by Unicode's
 * simple case mapping (glib): "alle" -> "Alle", "één" -> "Één", "ëen" ->
 * "Ëen"; s as it is when it does not open with a lower-case letter. */
char *utf8_capitalise(const char *s);

/* Is s a well-formed BCP 47 language tag (RFC 5646 syntax; see text.c)? */
int lang_tag_ok(const char *s);

/* Decodes one UTF-8 sequence at p (n > 0 bytes left): returns its length
 * and sets *cp, or returns 0 for a malformed, overlong or surrogate
 * sequence. */
size_t utf8_decode(const unsigned char *p, size_t n, unsigned *cp);

/* The same, never failing: a malformed byte is taken alone as U+FFFD.
 * Returns at least 1. For walking text that is known or assumed UTF-8. */
size_t utf8_next(const unsigned char *p, size_t n, unsigned *cp);

/* Appends s (may be NULL), escaped by the policy above. */
void markup_esc(strbuf *b, const char *s);
/* The first n bytes of s (stops early at a NUL); keep_shy keeps U+00AD. */
void markup_escn(strbuf *b, const char *s, size_t n, int keep_shy);

/* The base letter of a Latin-1 Supplement letter (U+00C0..U+00FF: é -> e,
 * â -> a), for ASCII ids and slugs; 0 for any other code point. */
char latin1_base(unsigned cp);

#endif
