/* pdfinfo.c: size and page count of a written PDF, for the links on the
 * edition pages and the landing page. The count is read from the file with
 * libqpdf (not from the typesetter's memory), so a landing page rebuilt
 * later from what is on disk says the same as the edition page did, and a
 * PDF post-processed after typesetting is counted as published. */
#include "pdfinfo.h"
#include "util.h"

#include <qpdf/qpdf-c.h>
#include <sys/stat.h>

int pdf_info(const char *path, long *bytes, int *pages)
{
	*bytes = 0;
	*pages = 0;
	struct stat sb;
	if (stat(path, &sb) || !S_ISREG(sb.st_mode))
		return -1;
	qpdf_data q = qpdf_init();
	qpdf_silence_errors(q);
	qpdf_set_suppress_warnings(q, QPDF_TRUE);
	int n = -1;
	if (!(qpdf_read(q, path, NULL) & QPDF_ERRORS))
		n = qpdf_get_num_pages(q);
	qpdf_cleanup(&q);
	if (n <= 0)
		return -1;
	*bytes = (long)sb.st_size;
	*pages = n;
	return 0;
}
