/* xmlload.c: XML input through libxml2 with RELAX NG validation (see
 * xmlload.h). libxml2 reports errors through callbacks; we keep the first
 * one, with its line, so the user sees one precise message. */
#define _GNU_SOURCE /* memmem */
#include "xmlload.h"

#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlreader.h>
#include <string.h>
#include <stdlib.h>
#include <sys/stat.h>

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
	long line = x->line;
	if (line <= 0 && x->node) /* RELAX NG errors carry the node, not the line */
		line = xmlGetLineNo((xmlNodePtr)x->node);
	err_set(fe->e, fe->path, line, "%s", msg);
	free(msg);
}

/* libxml2 2.9 reports RELAX NG errors on a whole tree without a line. The
 * streaming reader validates as it reads, so at the first error we know the
 * line the parser is on: run it only to place the message. */
struct reader_error {
	xmlTextReaderPtr r;
	long line;
	char msg[512];
};

static void reader_error(void *arg, xmlErrorPtr x)
{
	struct reader_error *re = arg;
	if (re->line || !x || x->level < XML_ERR_ERROR)
		return;
	re->line = xmlTextReaderGetParserLineNumber(re->r);
	snprintf(re->msg, sizeof re->msg, "%s", x->message ? x->message : "");
	size_t n = strlen(re->msg);
	while (n && (re->msg[n - 1] == '\n' || re->msg[n - 1] == ' '))
		re->msg[--n] = 0;
}

static long rng_error_line(const char *buf, size_t len, const char *path, const char *rng_path,
			   char *msg, size_t msglen)
{
	struct reader_error re = { 0 };
	re.r = xmlReaderForMemory(buf, (int)len, path, "UTF-8", XML_PARSE_NONET);
	if (!re.r)
		return 0;
	xmlTextReaderSetStructuredErrorHandler(re.r, reader_error, &re);
	if (xmlTextReaderRelaxNGValidate(re.r, rng_path) == 0)
		while (!re.line && xmlTextReaderRead(re.r) == 1)
			;
	xmlFreeTextReader(re.r);
	if (re.line && re.msg[0])
		snprintf(msg, msglen, "%s", re.msg);
	return re.line;
}

static long last_element_before(xmlNodePtr n, const char *name, long line, long best)
{
	for (; n; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		long l = xmlGetLineNo(n);
		if (l > line)
			break;
		if (!strcmp((const char *)n->name, name))
			best = l;
		best = last_element_before(n->children, name, line, best);
	}
	return best;
}

/* The line of the first entity declaration after a DOCTYPE, or 0. Our
 * files need no DTD entities, and an entity is how a small file becomes a
 * huge one ("billion laughs", or one long text referenced thousands of
 * times): refused before libxml2 parses the file. */
static long entity_decl_line(const char *buf, size_t len)
{
	const char *dt = memmem(buf, len, "<!DOCTYPE", 9);
	if (!dt)
		return 0;
	const char *en = memmem(dt, len - (size_t)(dt - buf), "<!ENTITY", 8);
	if (!en)
		return 0;
	long line = 1;
	for (const char *p = buf; p < en; p++)
		line += *p == '\n';
	return line;
}

/* The first entity declared in the parsed document's DTD (a second line of
 * defence behind entity_decl_line). */
static int has_entity_decl(xmlDocPtr doc)
{
	xmlDtdPtr dtds[2] = { doc->intSubset, doc->extSubset };
	for (int i = 0; i < 2; i++)
		for (xmlNodePtr c = dtds[i] ? dtds[i]->children : NULL; c; c = c->next)
			if (c->type == XML_ENTITY_DECL)
				return 1;
	return 0;
}

xmlDocPtr xml_load_valid(const char *path, const char *rng_path, struct err *e)
{
	struct stat sb;
	if (stat(path, &sb) == 0 && S_ISREG(sb.st_mode) && sb.st_size > XML_MAX_BYTES) {
		err_set(e, path, 0, "is %lld MB; expected an XML file of at most %d MB", (long long)(sb.st_size >> 20),
			XML_MAX_BYTES >> 20);
		return NULL;
	}
	size_t len;
	char *buf = read_text_input(path, &len, "an XML document", e);
	if (!buf)
		return NULL;
	long eline = len > XML_MAX_BYTES ? -1 : entity_decl_line(buf, len);
	if (eline) {
		if (eline < 0)
			err_set(e, path, 0, "is %zu MB; expected an XML file of at most %d MB", len >> 20, XML_MAX_BYTES >> 20);
		else
			err_set(e, path, eline, "entity declaration (<!ENTITY>) in a DOCTYPE; expected XML without DTD "
				"entities (the generator's files need none; write the text where it is used)");
		free(buf);
		return NULL;
	}
	struct first_error fe = { e, path, 0 };
	xmlSetStructuredErrorFunc(&fe, keep_first);
	xmlDocPtr doc = xmlReadMemory(buf, (int)len, path, "UTF-8", XML_PARSE_NONET);
	if (doc && has_entity_decl(doc)) {
		xmlFreeDoc(doc);
		free(buf);
		xmlSetStructuredErrorFunc(NULL, NULL);
		err_set(e, path, 0, "entity declaration in the DTD; expected XML without DTD entities (the generator's "
			"files need none)");
		return NULL;
	}
	if (!doc) {
		free(buf);
		if (!fe.set)
			err_set(e, path, 0, "not well-formed XML");
		size_t used = strlen(e->msg);
		snprintf(e->msg + used, sizeof e->msg - used, "; expected well-formed XML");
		xmlSetStructuredErrorFunc(NULL, NULL);
		return NULL;
	}
	xmlRelaxNGParserCtxtPtr pc = xmlRelaxNGNewParserCtxt(rng_path);
	xmlRelaxNGPtr schema = pc ? xmlRelaxNGParse(pc) : NULL;
	if (!schema) {
		if (pc)
			xmlRelaxNGFreeParserCtxt(pc);
		free(buf);
		xmlFreeDoc(doc);
		xmlSetStructuredErrorFunc(NULL, NULL);
		err_set(e, rng_path, 0, "cannot read the schema; expected a RELAX NG schema (GEN_SCHEMA_DIR or gen/schema/)");
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
		char where[512] = "";
		long line = rng_error_line(buf, len, path, rng_path, where, sizeof where);
		/* the reader may be some lines past the element it complains
		 * about: go back to the last such element starting before */
		char name[64];
		if (line > 0 && sscanf(where, "Element %63s", name) == 1)
		{
			long at = last_element_before(xmlDocGetRootElement(doc), name, line, 0);
			if (at > 0)
				line = at;
		}
		if (line > 0)
			err_set(e, path, line, "%s", where[0] ? where : e->msg);
		if (!fe.set && line <= 0)
			err_set(e, path, 0, "does not match the schema %s", rng_path);
		{
			/* add what was expected: the schema's name */
			size_t used = strlen(e->msg);
			snprintf(e->msg + used, sizeof e->msg - used, "; expected what %s allows", rng_path);
		}
		free(buf);
		xmlFreeDoc(doc);
		return NULL;
	}
	free(buf);
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

static char *schema_dir(const char *schema_path)
{
	const char *slash = strrchr(schema_path, '/');
	return slash ? xstrndup(schema_path, (size_t)(slash - schema_path)) : xstrdup(".");
}

char *schema_sibling(const char *schema_path, const char *name)
{
	char *dir = schema_dir(schema_path);
	char *p = xasprintf("%s/%s", dir, name);
	free(dir);
	return p;
}

char *generator_template(const char *schema_path, const char *name)
{
	char *dir = schema_dir(schema_path);
	char *p = xasprintf("%s/../../templates/%s", dir, name);
	free(dir);
	return p;
}
