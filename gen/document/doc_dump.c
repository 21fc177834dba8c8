/* doc_dump.c: the tree dump, a plain-text picture of a document tree with
 * one node per line, indented two spaces per depth:
 *
 *   heading level=2 number=3.1 id=h-3-1
 *     text "Aandacht voor ..."
 *
 * Tests compare it with expected text, and a developer reads it to see what
 * the templates produced and what resolve numbered, without going through a
 * writer. Fields appear only when set, always in the same order, so a dump
 * diffs cleanly. */
#include "doc.h"
#include "util.h"
#include "chart.h"

#include <stdlib.h>

static const struct {
	int flag;
	const char *name;
} flag_names[] = {
	{ DOC_ORDERED, "ordered" },
	{ DOC_UNNUMBERED, "unnumbered" },
	{ DOC_ANNEX, "annex" },
	{ DOC_HEADER_ROW, "header" },
	{ DOC_DATA_TABLE, "data" },
	{ DOC_NEW_PAGE, "newpage" },
	{ DOC_DASH_LIST, "dash" },
	{ DOC_NUMERIC, "numeric" },
	{ DOC_INTRO, "intro" },
};

/* A string in double quotes, with \ " and control characters escaped, so
 * every node stays on one line. */
static void add_quoted(strbuf *b, const char *s)
{
	sb_addc(b, '"');
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		switch (*p) {
		case '"':
			sb_add(b, "\\\"");
			break;
		case '\\':
			sb_add(b, "\\\\");
			break;
		case '\n':
			sb_add(b, "\\n");
			break;
		case '\t':
			sb_add(b, "\\t");
			break;
		default:
			if (*p < 0x20)
				sb_printf(b, "\\x%02x", *p);
			else
				sb_addc(b, (char)*p);
		}
	}
	sb_addc(b, '"');
}

static void dump_node(strbuf *b, const doc_node *n, int depth)
{
	for (int i = 0; i < depth; i++)
		sb_add(b, "  ");
	sb_add(b, doc_type_name(n->type));
	if (n->type == DOC_HEADING)
		sb_printf(b, " level=%d", n->level);
	if (n->flags) {
		sb_add(b, " flags=");
		int first = 1;
		for (size_t i = 0; i < sizeof flag_names / sizeof flag_names[0]; i++) {
			if (!(n->flags & flag_names[i].flag))
				continue;
			if (!first)
				sb_addc(b, ',');
			sb_add(b, flag_names[i].name);
			first = 0;
		}
	}
	if (n->number)
		sb_printf(b, " number=%s", n->number);
	if (n->id)
		sb_printf(b, " id=%s", n->id);
	if (n->target)
		sb_printf(b, " target=%s", n->target);
	if (n->lang)
		sb_printf(b, " lang=%s", n->lang);
	if (n->chart && n->chart->id)
		sb_printf(b, " chart=%s", n->chart->id);
	if (n->text) {
		sb_addc(b, ' ');
		add_quoted(b, n->text);
	}
	if (n->alt) {
		sb_add(b, " alt=");
		add_quoted(b, n->alt);
	}
	sb_addc(b, '\n');
	for (const doc_node *c = n->first; c; c = c->next)
		dump_node(b, c, depth + 1);
}

char *doc_dump(const doc *d)
{
	strbuf b;
	sb_init(&b);
	if (d && d->root)
		dump_node(&b, d->root, 0);
	return sb_take(&b);
}
