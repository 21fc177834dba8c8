/* pdf_ua.c: the accessible-PDF finishing pass (see pdf_ua.h).
 *
 * Owns everything the tagged PDF needs beyond what cairo 1.16 writes:
 * artifacts, /Alt and /Scope, link descriptions, the document language and
 * that of passages in another language,
 * XMP metadata with the PDF/UA identifier, DisplayDocTitle and /Tabs /S. The file is read
 * and written with libqpdf's C API; nothing here parses PDF syntax. The
 * one edit inside a content stream is the replacement of the marked
 * content cairo writes for a marker element, "/Private << /MCID n >> BDC",
 * a fixed form that cannot occur inside cairo's text (which it writes as
 * hex strings), by "/Artifact BMC". */
#include "pdf_ua.h"
#include "text.h"
#include "util.h"

#include <errno.h>
#include <qpdf/qpdf-c.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
	qpdf_data q;
	const pdf_ua_info *info;
	int alt, scope;   /* next /Alt, /Scope to give */
	int removed;      /* marker elements taken out of the tree */
	int notes;        /* Note elements given an /ID */
	char err[200];
} ua;

static int is_artifact_elem(ua *u, qpdf_oh o)
{
	return qpdf_oh_is_dictionary(u->q, o) && qpdf_oh_has_key(u->q, o, "/S") &&
	       qpdf_oh_is_name_and_equals(u->q, qpdf_oh_get_key(u->q, o, "/S"), "/" PDF_UA_ARTIFACT_TAG);
}

/* One structure element and, depth first, its children: marker children
 * leave the tree, a Figure gets its /Alt, a TH its /Scope, in the order
 * the typesetter opened them. */
static void walk_elem(ua *u, qpdf_oh e, int depth)
{
	qpdf_data q = u->q;
	if (depth > 64)
		return;
	if (qpdf_oh_has_key(q, e, "/S")) {
		qpdf_oh s = qpdf_oh_get_key(q, e, "/S");
		if (qpdf_oh_is_name_and_equals(q, s, "/Figure")) {
			if (u->alt < u->info->nalts)
				qpdf_oh_replace_key(q, e, "/Alt", qpdf_oh_new_unicode_string(q, u->info->alts[u->alt]));
			u->alt++;
		} else if (qpdf_oh_is_name_and_equals(q, s, "/TH")) {
			if (u->scope < u->info->nscopes) {
				qpdf_oh a = qpdf_oh_new_dictionary(q);
				qpdf_oh_replace_key(q, a, "/O", qpdf_oh_new_name(q, "/Table"));
				qpdf_oh_replace_key(q, a, "/Scope",
						    qpdf_oh_new_name(q, u->info->scopes[u->scope] == 2 ? "/Row" : "/Column"));
				qpdf_oh_replace_key(q, e, "/A", a);
			}
			u->scope++;
		} else if (qpdf_oh_is_name_and_equals(q, s, "/Note")) {
			/* PDF/UA: a Note has a unique ID */
			char id[32];
			snprintf(id, sizeof id, "voetnoot-%d", ++u->notes);
			qpdf_oh_replace_key(q, e, "/ID", qpdf_oh_new_string(q, id));
		}
	}
	if (!qpdf_oh_has_key(q, e, "/K"))
		return;
	qpdf_oh k = qpdf_oh_get_key(q, e, "/K");
	if (qpdf_oh_is_array(q, k)) {
		for (int i = 0; i < qpdf_oh_get_array_n_items(q, k); i++) {
			qpdf_oh c = qpdf_oh_get_array_item(q, k, i);
			if (is_artifact_elem(u, c)) {
				qpdf_oh_erase_item(q, k, i--);
				u->removed++;
			} else if (qpdf_oh_is_dictionary(q, c) && qpdf_oh_has_key(q, c, "/S")) {
				walk_elem(u, c, depth + 1);
			}
		}
	} else if (is_artifact_elem(u, k)) {
		qpdf_oh_replace_key(q, e, "/K", qpdf_oh_new_array(q));
		u->removed++;
	} else if (qpdf_oh_is_dictionary(q, k) && qpdf_oh_has_key(q, k, "/S")) {
		walk_elem(u, k, depth + 1);
	}
}

/* Passages in another language: the n-th Span of the tree, depth first
 * (the order the typesetter opened them, as for /Alt), gets the /Lang the
 * typesetter recorded for it, if any. Run after walk_elem, when the
 * artifacts are out of the tree. *k counts the Spans. */
static void walk_span_langs(ua *u, qpdf_oh e, int *k, int depth)
{
	qpdf_data q = u->q;
	if (depth > 64 || !qpdf_oh_is_dictionary(q, e))
		return;
	if (qpdf_oh_is_name_and_equals(q, qpdf_oh_get_key(q, e, "/S"), "/Span")) {
		if (*k < u->info->nspans && u->info->span_langs[*k])
			qpdf_oh_replace_key(q, e, "/Lang", qpdf_oh_new_unicode_string(q, u->info->span_langs[*k]));
		(*k)++;
	}
	qpdf_oh kids = qpdf_oh_get_key(q, e, "/K");
	if (qpdf_oh_is_array(q, kids))
		for (int i = 0; i < qpdf_oh_get_array_n_items(q, kids); i++)
			walk_span_langs(u, qpdf_oh_get_array_item(q, kids, i), k, depth + 1);
	else
		walk_span_langs(u, kids, k, depth + 1);
}

/* /Lang on the Spans of passages in another language; only when there is
 * one. Returns 0, or -1 when the tree's Spans are not the typesetter's. */
static int add_span_langs(ua *u, qpdf_oh str, const char *path, char *msg, size_t msglen)
{
	int any = 0, k = 0;
	for (int i = 0; i < u->info->nspans && !any; i++)
		any = u->info->span_langs[i] != NULL;
	if (!any)
		return 0;
	walk_span_langs(u, str, &k, 0);
	if (k != u->info->nspans) {
		snprintf(msg, msglen, "%s: the structure tree has %d Span elements, the layout %d", path, k,
			 u->info->nspans);
		return -1;
	}
	return 0;
}

/* The parent tree (a number tree) maps each page's marked content to its
 * element; entries of marker elements become null. */
static void walk_parent_tree(ua *u, qpdf_oh node, int depth)
{
	qpdf_data q = u->q;
	if (depth > 32)
		return;
	if (qpdf_oh_has_key(q, node, "/Kids")) {
		qpdf_oh kids = qpdf_oh_get_key(q, node, "/Kids");
		for (int i = 0; i < qpdf_oh_get_array_n_items(q, kids); i++)
			walk_parent_tree(u, qpdf_oh_get_array_item(q, kids, i), depth + 1);
	}
	if (!qpdf_oh_has_key(q, node, "/Nums"))
		return;
	qpdf_oh nums = qpdf_oh_get_key(q, node, "/Nums");
	for (int i = 1; i < qpdf_oh_get_array_n_items(q, nums); i += 2) {
		qpdf_oh v = qpdf_oh_get_array_item(q, nums, i);
		if (qpdf_oh_is_array(q, v)) {
			for (int j = 0; j < qpdf_oh_get_array_n_items(q, v); j++)
				if (is_artifact_elem(u, qpdf_oh_get_array_item(q, v, j)))
					qpdf_oh_set_array_item(q, v, j, qpdf_oh_new_null(q));
		} else if (is_artifact_elem(u, v)) {
			qpdf_oh_set_array_item(q, nums, i, qpdf_oh_new_null(q));
		}
	}
}

/* Rewrites "/Private << /MCID n >> BDC" as "/Artifact BMC" in one
 * content stream. Returns the number rewritten, or -1 (u->err set). */
static int rewrite_artifacts(ua *u, qpdf_oh stream)
{
	qpdf_data q = u->q;
	unsigned char *buf = NULL;
	size_t len = 0;
	QPDF_BOOL filtered = QPDF_FALSE;
	if ((qpdf_oh_get_stream_data(q, stream, qpdf_dl_generalized, &filtered, &buf, &len) & QPDF_ERRORS) ||
	    !filtered) {
		snprintf(u->err, sizeof u->err, "cannot decode a page's content stream");
		free(buf);
		return -1;
	}
	static const char pre[] = "/" PDF_UA_ARTIFACT_TAG " << /MCID ", post[] = " >> BDC";
	const size_t npre = sizeof pre - 1, npost = sizeof post - 1;
	strbuf out;
	sb_init(&out);
	int n = 0;
	size_t i = 0, from = 0;
	while (i + npre <= len) {
		if (memcmp(buf + i, pre, npre)) {
			i++;
			continue;
		}
		size_t j = i + npre;
		while (j < len && buf[j] >= '0' && buf[j] <= '9')
			j++;
		if (j == i + npre || j + npost > len || memcmp(buf + j, post, npost)) {
			snprintf(u->err, sizeof u->err, "artifact marked content in an unexpected form");
			sb_free(&out);
			free(buf);
			return -1;
		}
		sb_addn(&out, (const char *)buf + from, i - from);
		sb_add(&out, "/Artifact BMC");
		i = from = j + npost;
		n++;
	}
	if (n) {
		sb_addn(&out, (const char *)buf + from, len - from);
		qpdf_oh_replace_stream_data(q, stream, (const unsigned char *)out.s, out.len, qpdf_oh_new_null(q),
					    qpdf_oh_new_null(q));
	}
	sb_free(&out);
	free(buf);
	return n;
}

/* Gives every link annotation of the page its description (/Contents),
 * found by its destination. Returns 0, or -1 (u->err set). */
static int describe_links(ua *u, qpdf_oh page)
{
	qpdf_data q = u->q;
	if (!qpdf_oh_has_key(q, page, "/Annots"))
		return 0;
	qpdf_oh annots = qpdf_oh_get_key(q, page, "/Annots");
	for (int i = 0; i < qpdf_oh_get_array_n_items(q, annots); i++) {
		qpdf_oh a = qpdf_oh_get_array_item(q, annots, i);
		if (!qpdf_oh_is_name_and_equals(q, qpdf_oh_get_key(q, a, "/Subtype"), "/Link"))
			continue;
		qpdf_oh d = qpdf_oh_get_key(q, a, "/Dest");
		if (!qpdf_oh_is_string(q, d) && qpdf_oh_is_dictionary(q, qpdf_oh_get_key(q, a, "/A")))
			d = qpdf_oh_get_key(q, qpdf_oh_get_key(q, a, "/A"), "/D");
		const char *dest = qpdf_oh_is_string(q, d) ? qpdf_oh_get_utf8_value(q, d) : NULL;
		const char *text = NULL;
		for (int k = 0; dest && k < u->info->nlinks && !text; k++)
			if (!strcmp(u->info->link_dests[k], dest))
				text = u->info->link_texts[k];
		if (!text) {
			snprintf(u->err, sizeof u->err, "a link to %s that the layout did not make", dest ? dest : "?");
			return -1;
		}
		qpdf_oh_replace_key(q, a, "/Contents", qpdf_oh_new_unicode_string(q, text));
	}
	return 0;
}

/* The XMP packet: Dublin Core title, creators, description and language,
 * the dates and tools of the info dictionary, and pdfuaid:part 1. */
static char *xmp_packet(const pdf_ua_info *in, const char *producer)
{
	strbuf b;
	sb_init(&b);
	sb_add(&b, "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
		   "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
		   " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
		   "  <rdf:Description rdf:about=\"\"\n"
		   "    xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
		   "    xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"\n"
		   "    xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n"
		   "    xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\">\n");
	sb_add(&b, "   <dc:format>application/pdf</dc:format>\n");
	sb_add(&b, "   <dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">");
	markup_esc(&b, in->title);
	sb_add(&b, "</rdf:li></rdf:Alt></dc:title>\n   <dc:creator><rdf:Seq>");
	for (int i = 0; in->authors && in->authors[i]; i++) {
		sb_add(&b, "<rdf:li>");
		markup_esc(&b, in->authors[i]);
		sb_add(&b, "</rdf:li>");
	}
	sb_add(&b, "</rdf:Seq></dc:creator>\n");
	if (in->subject) {
		sb_add(&b, "   <dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">");
		markup_esc(&b, in->subject);
		sb_add(&b, "</rdf:li></rdf:Alt></dc:description>\n");
	}
	sb_add(&b, "   <dc:language><rdf:Bag><rdf:li>");
	markup_esc(&b, in->lang);
	sb_add(&b, "</rdf:li></rdf:Bag></dc:language>\n");
	if (in->keywords) {
		sb_add(&b, "   <pdf:Keywords>");
		markup_esc(&b, in->keywords);
		sb_add(&b, "</pdf:Keywords>\n");
	}
	if (producer) {
		sb_add(&b, "   <pdf:Producer>");
		markup_esc(&b, producer);
		sb_add(&b, "</pdf:Producer>\n");
	}
	sb_add(&b, "   <xmp:CreatorTool>");
	markup_esc(&b, in->creator_tool);
	sb_add(&b, "</xmp:CreatorTool>\n   <xmp:CreateDate>");
	markup_esc(&b, in->date);
	sb_add(&b, "</xmp:CreateDate>\n   <xmp:ModifyDate>");
	markup_esc(&b, in->date);
	sb_add(&b, "</xmp:ModifyDate>\n   <xmp:MetadataDate>");
	markup_esc(&b, in->date);
	sb_add(&b, "</xmp:MetadataDate>\n"
		   "   <pdfuaid:part>1</pdfuaid:part>\n"
		   "  </rdf:Description>\n </rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>");
	return sb_take(&b);
}

/* The first error qpdf has, or its first warning (cairo's file should
 * give none: a warning means a damaged reference). */
static int qpdf_failed(qpdf_data q, const char *path, const char *what, char *msg, size_t msglen)
{
	if (qpdf_has_error(q)) {
		snprintf(msg, msglen, "%s: %s: %s", path, what, qpdf_get_error_full_text(q, qpdf_get_error(q)));
		return 1;
	}
	if (qpdf_more_warnings(q)) {
		snprintf(msg, msglen, "%s: %s: %s", path, what, qpdf_get_error_full_text(q, qpdf_next_warning(q)));
		return 1;
	}
	return 0;
}

int pdf_ua_finish(const char *pdf, size_t len, const pdf_ua_info *info, const char *path, char *msg, size_t msglen)
{
	qpdf_data q = qpdf_init();
	qpdf_silence_errors(q);
	qpdf_set_suppress_warnings(q, QPDF_TRUE);
	ua u = { .q = q, .info = info };
	int rc = -1;
	char *xmp = NULL;

	qpdf_read_memory(q, path, pdf, len, NULL);
	if (qpdf_failed(q, path, "reading cairo's PDF", msg, msglen))
		goto out;
	qpdf_oh root = qpdf_get_root(q);
	qpdf_oh str = qpdf_oh_get_key(q, root, "/StructTreeRoot");
	if (!qpdf_oh_is_dictionary(q, str)) {
		snprintf(msg, msglen, "%s: cairo wrote no structure tree", path);
		goto out;
	}

	/* artifacts out of the tree, attributes in */
	walk_elem(&u, str, 0);
	if (u.alt != info->nalts || u.scope != info->nscopes) {
		snprintf(msg, msglen, "%s: the structure tree has %d Figure and %d TH elements, the layout %d and %d", path,
			 u.alt, u.scope, info->nalts, info->nscopes);
		goto out;
	}
	if (qpdf_oh_has_key(q, str, "/ParentTree"))
		walk_parent_tree(&u, qpdf_oh_get_key(q, str, "/ParentTree"), 0);
	if (add_span_langs(&u, str, path, msg, msglen))
		goto out;

	/* artifacts in the content; tab order by structure */
	int rewritten = 0, npages = qpdf_get_num_pages(q);
	for (int p = 0; p < npages; p++) {
		qpdf_oh page = qpdf_get_page_n(q, (size_t)p);
		qpdf_oh c = qpdf_oh_get_key(q, page, "/Contents");
		int n = qpdf_oh_is_array(q, c) ? qpdf_oh_get_array_n_items(q, c) : 1;
		for (int i = 0; i < n; i++) {
			qpdf_oh s = qpdf_oh_is_array(q, c) ? qpdf_oh_get_array_item(q, c, i) : c;
			if (!qpdf_oh_is_stream(q, s))
				continue;
			int r = rewrite_artifacts(&u, s);
			if (r < 0) {
				snprintf(msg, msglen, "%s: page %d: %s", path, p + 1, u.err);
				goto out;
			}
			rewritten += r;
		}
		qpdf_oh_replace_key(q, page, "/Tabs", qpdf_oh_new_name(q, "/S"));
		if (describe_links(&u, page) < 0) {
			snprintf(msg, msglen, "%s: page %d: %s", path, p + 1, u.err);
			goto out;
		}
	}
	if (rewritten != u.removed) {
		snprintf(msg, msglen, "%s: %d artifact elements but %d artifact sequences in the pages", path, u.removed,
			 rewritten);
		goto out;
	}

	/* the catalogue: language, title bar, XMP */
	qpdf_oh_replace_key(q, root, "/Lang", qpdf_oh_new_unicode_string(q, info->lang));
	qpdf_oh vp = qpdf_oh_new_dictionary(q);
	qpdf_oh_replace_key(q, vp, "/DisplayDocTitle", qpdf_oh_new_bool(q, QPDF_TRUE));
	qpdf_oh_replace_key(q, root, "/ViewerPreferences", vp);
	qpdf_oh mi = qpdf_oh_new_dictionary(q);
	qpdf_oh_replace_key(q, mi, "/Marked", qpdf_oh_new_bool(q, QPDF_TRUE));
	qpdf_oh_replace_key(q, root, "/MarkInfo", mi);
	qpdf_oh infod = qpdf_oh_get_key(q, qpdf_get_trailer(q), "/Info");
	const char *producer = NULL;
	if (qpdf_oh_is_dictionary(q, infod) && qpdf_oh_has_key(q, infod, "/Producer"))
		producer = qpdf_oh_get_utf8_value(q, qpdf_oh_get_key(q, infod, "/Producer"));
	xmp = xmp_packet(info, producer);
	qpdf_oh meta = qpdf_oh_new_stream(q);
	qpdf_oh_replace_stream_data(q, meta, (const unsigned char *)xmp, strlen(xmp), qpdf_oh_new_null(q),
				    qpdf_oh_new_null(q));
	qpdf_oh md = qpdf_oh_get_dict(q, meta);
	qpdf_oh_replace_key(q, md, "/Type", qpdf_oh_new_name(q, "/Metadata"));
	qpdf_oh_replace_key(q, md, "/Subtype", qpdf_oh_new_name(q, "/XML"));
	qpdf_oh_replace_key(q, root, "/Metadata", meta);
	if (qpdf_failed(q, path, "adding the accessibility information", msg, msglen))
		goto out;

	/* same input, same bytes: the /ID is a digest of the content. Written
	 * to memory, then to the file by us: qpdf's own file output does not
	 * report an error that only shows when the file is closed (a full disk,
	 * a file size limit), which left a truncated PDF behind. */
	if (qpdf_init_write_memory(q) & QPDF_ERRORS) {
		qpdf_error e = qpdf_get_error(q);
		snprintf(msg, msglen, "%s: cannot write: %s", path, e ? qpdf_get_error_full_text(q, e) : "qpdf error");
		goto out;
	}
	qpdf_set_deterministic_ID(q, QPDF_TRUE);
	/* the content streams rewritten above come back uncompressed; compress
	 * every stream, and pack the many small structure objects into object
	 * streams (half the file) */
	qpdf_set_stream_data_mode(q, qpdf_s_compress);
	qpdf_set_object_stream_mode(q, qpdf_o_generate);
	qpdf_force_pdf_version(q, "1.7");
	qpdf_write(q);
	if (qpdf_failed(q, path, "writing", msg, msglen))
		goto out;
	if (write_file(path, (const char *)qpdf_get_buffer(q), qpdf_get_buffer_length(q))) {
		snprintf(msg, msglen, "%s: cannot write: %s", path, strerror(errno));
		goto out;
	}
	rc = 0;
out:
	free(xmp);
	qpdf_cleanup(&q);
	return rc;
}
