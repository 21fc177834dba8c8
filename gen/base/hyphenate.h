/* hyphenate.h: hyphenation for the PDF typesetter, in the report's language
 * (Dutch for the shipped report).
 *
 * Pango has no dictionary hyphenation of its own; it only breaks at soft
 * hyphens (U+00AD) it finds in the text and then draws the hyphen itself
 * (pango >= 1.44). So before text goes to pango we ask libhyphen, with the
 * Dutch patterns (hyph_nl_NL.dic), where each word may break and insert a
 * soft hyphen at those points. */
#ifndef HYPHENATE_H
#define HYPHENATE_H

#define HYPH_DIR "/usr/share/hyphen"
#define HYPH_NL_DICT HYPH_DIR "/hyph_nl_NL.dic"


#include <stddef.h>

typedef struct hyph hyph;

/* Loads a libhyphen dictionary; NULL if the file cannot be read. A second
 * open of the same file while the first is open shares it (counted;
 * hyph_close of the last frees it). */
hyph *hyph_open(const char *dict_path);
void hyph_close(hyph *h);

/* The libhyphen dictionary for a BCP 47 tag: hyph_ll_RR.dic for "ll-RR",
 * else the first hyph_ll_*.dic or hyph_ll.dic in HYPH_DIR; malloc'd, or
 * NULL when the system has none. */
char *hyph_dict_for(const char *lang);
/* Opens the dictionary for lang; NULL with msg "<path>: cannot load ..." or
 * "no hyphenation dictionary for 'xx' ...; expected ... (package hyphen-xx)". */
hyph *hyph_open_lang(const char *lang, char *msg, size_t msglen);

/* Returns a malloc'd copy of the UTF-8 text with U+00AD inserted at every
 * allowed break inside words of at least HYPH_MIN_WORD letters. Words with
 * letters outside Latin-1 are left alone (the dictionary is ISO-8859-1).
 * With h NULL the text is copied unchanged. */
char *hyph_text(hyph *h, const char *utf8);

#define HYPH_MIN_WORD 6

#endif
