/* pdfinfo.h: what the site says about a published PDF (its size and page
 * count), read back from the file itself with libqpdf. */
#ifndef PDFINFO_H
#define PDFINFO_H

/* Sets *bytes and *pages for the PDF at path. Returns 0, or -1 when the
 * file is missing or libqpdf cannot read it (then both are 0). */
int pdf_info(const char *path, long *bytes, int *pages);

#endif
