/* hyphenate.h: Dutch hyphenation for the PDF typesetter.
 *
 * Pango has no dictionary hyphenation of its own; it only breaks at soft
 * hyphens (U+00AD) it finds in the text and then draws the hyphen itself
 * (pango >= 1.44). So before text goes to pango we ask libhyphen, with the
 * Dutch patterns (hyph_nl_NL.dic), where each word may break and insert a
 * soft hyphen at those points. */
#ifndef HYPHENATE_H
#define HYPHENATE_H

#define HYPH_NL_DICT "/usr/share/hyphen/hyph_nl_NL.dic"

typedef struct hyph hyph;

/* Loads a libhyphen dictionary; NULL if the file cannot be read. A second
 * open of the same file while the first is open shares it (counted;
 * hyph_close of the last frees it). */
hyph *hyph_open(const char *dict_path);
void hyph_close(hyph *h);

/* Returns a malloc'd copy of the UTF-8 text with U+00AD inserted at every
 * allowed break inside words of at least HYPH_MIN_WORD letters. Words with
 * letters outside Latin-1 are left alone (the dictionary is ISO-8859-1).
 * With h NULL the text is copied unchanged. */
char *hyph_text(hyph *h, const char *utf8);

#define HYPH_MIN_WORD 6

#endif
