/* xmlload.c: XML input through libxml2 with RELAX NG validation (see
 * xmlload.h). libxml2 reports errors through callbacks; we keep the first
 * one, with its line, so the user sees one precise message. */
#include "xmlload.h"

#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <libxml/xmlerror.h>
#include <string.h>
#include <stdlib.h>

struct first_error {
	struct err *e;
	const char *path;
	int set;
};

static void keep_first(void *ctx, xmlErrorPtr x)
{
	struct first_error *fe = ctx;
	if (fe->set || !x || x->level < XML_ERR_ERROR)
		return;
	fe->set = 1;
	char *msg = xstrdup(x->message ? x->message : "XML error");
	size_t n = strlen(msg);
	while (n && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
		msg[--n] = 0;
	err_set(fe->e, fe->path, x->line, "%s", msg);
	free(msg);
}

xmlDocPtr xml_load_valid(const char *path, const char *rng_path, struct err *e)
{
	size_t len;
	char *buf = read_file(path, &len, e);
	if (!buf)
		return NULL;
	size_t i = 0;
	while (i < len && (buf[i] == ' ' || buf[i] == '\n' || buf[i] == '\r' || buf[i] == '\t'))
		i++;
	if (i == len) {
		free(buf);
		err_set(e, path, 0, "file is empty; expected an XML document");
		return NULL;
	}
	if (utf8_check(path, buf, len, e)) {
		free(buf);
		return NULL;
	}
	struct first_error fe = { e, path, 0 };
	xmlSetStructuredErrorFunc(&fe, keep_first);
	xmlDocPtr doc = xmlReadMemory(buf, (int)len, path, "UTF-8", XML_PARSE_NONET);
	free(buf);
	if (!doc) {
		if (!fe.set)
			err_set(e, path, 0, "not well-formed XML");
		xmlSetStructuredErrorFunc(NULL, NULL);
		return NULL;
	}
	xmlRelaxNGParserCtxtPtr pc = xmlRelaxNGNewParserCtxt(rng_path);
	xmlRelaxNGPtr schema = pc ? xmlRelaxNGParse(pc) : NULL;
	if (!schema) {
		if (pc)
			xmlRelaxNGFreeParserCtxt(pc);
		xmlFreeDoc(doc);
		xmlSetStructuredErrorFunc(NULL, NULL);
		err_set(e, rng_path, 0, "cannot read the schema");
		return NULL;
	}
	xmlRelaxNGValidCtxtPtr vc = xmlRelaxNGNewValidCtxt(schema);
	fe.set = 0;
	xmlRelaxNGSetValidStructuredErrors(vc, keep_first, &fe);
	int rc = xmlRelaxNGValidateDoc(vc, doc);
	xmlRelaxNGFreeValidCtxt(vc);
	xmlRelaxNGFree(schema);
	xmlRelaxNGFreeParserCtxt(pc);
	xmlSetStructuredErrorFunc(NULL, NULL);
	if (rc != 0) {
		if (!fe.set)
			err_set(e, path, 0, "does not match the schema %s", rng_path);
		else {
			/* add what was expected: the schema's name */
			size_t used = strlen(e->msg);
			snprintf(e->msg + used, sizeof e->msg - used, "; expected what %s allows", rng_path);
		}
		xmlFreeDoc(doc);
		return NULL;
	}
	return doc;
}

char *xml_attr(xmlNodePtr n, const char *name)
{
	xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
	if (!v)
		return NULL;
	char *s = xstrdup((const char *)v);
	xmlFree(v);
	return s;
}

char *xml_text(xmlNodePtr n)
{
	xmlChar *v = xmlNodeGetContent(n);
	strbuf b;
	sb_init(&b);
	int space = 0;
	for (const char *p = v ? (const char *)v : ""; *p; p++) {
		if (*p == ' ' || *p == '\n' || *p == '\t' || *p == '\r') {
			space = b.len > 0;
			continue;
		}
		if (space)
			sb_addc(&b, ' ');
		space = 0;
		sb_addc(&b, *p);
	}
	if (v)
		xmlFree(v);
	return sb_take(&b);
}

int xml_is(xmlNodePtr n, const char *name)
{
	return n && n->type == XML_ELEMENT_NODE && !strcmp((const char *)n->name, name);
}
