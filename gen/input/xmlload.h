/* xmlload.h: reading an XML input file with libxml2 and validating it
 * against a RELAX NG schema, with errors as "file:line: message". Used for
 * the questionnaire and the templates. */
#ifndef XMLLOAD_H
#define XMLLOAD_H

#include <libxml/tree.h>
#include "util.h"

/* The largest XML input read (the questionnaire and the templates are a
 * few hundred KB at most). */
#define XML_MAX_BYTES (16 * 1024 * 1024)

/* Parses path (no network, no entities from outside), checks it is non-empty
 * UTF-8, at most XML_MAX_BYTES, without DTD entity declarations (refused
 * with the line of the first <!ENTITY>), and validates it against rng_path. Returns the document or NULL with
 * e set to the first problem. */
xmlDocPtr xml_load_valid(const char *path, const char *rng_path, struct err *e);

/* A file next to a schema ("gen/schema/sjabloon.rng", "termen.rng" ->
 * "gen/schema/termen.rng"), and a file of the generator's own templates,
 * the shipped report's, which hold the defaults (stijl.css, termen.xml):
 * "gen/schema/../../templates/termen.xml". malloc'd. */
char *schema_sibling(const char *schema_path, const char *name);
char *generator_template(const char *schema_path, const char *name);

/* Attribute as a malloc'd string, or NULL. */
char *xml_attr(xmlNodePtr n, const char *name);
/* Text content of a node, whitespace collapsed, malloc'd. */
char *xml_text(xmlNodePtr n);
int xml_is(xmlNodePtr n, const char *name);

#endif
