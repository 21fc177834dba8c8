/* codebook.h: codeboek.csv, the labels behind the codes of cijfers.csv
 * (figures, items, categories, groups, columns), from the questionnaire. */
#ifndef CODEBOOK_H
#define CODEBOOK_H

#include "survey.h"

/* Writes the codebook of qn to path. Returns 0, or -1 if it cannot be
 * written. */
int codebook_write(const questionnaire *qn, const registry *reg, const char *path);

#endif
