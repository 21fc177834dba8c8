/* test_doc.c: the resolve pass and the tree dump (gen/document/doc_resolve.c,
 * gen/document/doc_dump.c). A small report with chapters, an unnumbered heading,
 * an annex, figures, panels, footnotes and cross-references is resolved,
 * and its numbers, ids and reference texts are checked one by one, because
 * every writer prints them as they are. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "util.h"
#include "test_terms.h"

static doc_node *add(doc_node *parent, doc_type t)
{
	return doc_append(parent, doc_node_new(t));
}

static doc_node *heading(doc_node *root, int level, int flags, const char *text)
{
	doc_node *h = add(root, DOC_HEADING);
	h->level = level;
	h->flags = flags;
	doc_append_text(h, text);
	return h;
}

static doc_node *figure(doc_node *root, const char *id, const char *caption)
{
	doc_node *f = add(root, DOC_FIGURE);
	if (id)
		f->id = xstrdup(id);
	doc_append_text(add(f, DOC_CAPTION), caption);
	return f;
}

static doc_node *xref(doc_node *parent, const char *target, const char *file, int line)
{
	doc_node *x = add(parent, DOC_XREF);
	x->target = xstrdup(target);
	if (file)
		x->src_file = xstrdup(file);
	x->src_line = line;
	return x;
}

static doc_node *footnote(doc_node *parent, const char *text)
{
	doc_node *f = add(parent, DOC_FOOTNOTE);
	doc_append_text(f, text);
	return f;
}

/* Refs to the nodes the tests look at. */
typedef struct {
	doc *d;
	doc_node *leeswijzer, *kern, *inleiding, *vraagstelling, *runin, *kader, *stand,
		*fig21, *fig22, *fn1, *fn2, *bijlage, *bijlage_1, *figA1, *x_fig, *x_par,
		*x_hfd, *x_kader, *x_bijlage, *x_run, *hfd3, *sec31, *sec32, *fig31;
} fixture;

static void build(fixture *f)
{
	memset(f, 0, sizeof *f);
	f->d = doc_new();
	doc_node *r = f->d->root;
	add(r, DOC_TITLEPAGE);
	add(r, DOC_TOC);
	f->leeswijzer = heading(r, 1, DOC_UNNUMBERED, "Leeswijzer");
	f->kern = heading(r, 1, DOC_NEW_PAGE, "Kern");
	f->inleiding = heading(r, 2, 0, "Inleiding");
	doc_node *p = add(r, DOC_PARAGRAPH);
	doc_append_text(p, "Zie ");
	f->x_fig = xref(p, "fig-voorkomen", "templates/h1.xml", 10);
	doc_append_text(p, " en ");
	f->x_par = xref(p, "h-3-2", "templates/h1.xml", 11);
	doc_append_text(p, ".");
	f->fn1 = footnote(p, "Raad voor het Openbaar Bestuur, 2012.");
	f->vraagstelling = heading(r, 2, 0, "Vraagstelling");
	f->runin = heading(r, 3, DOC_UNNUMBERED, "Strategie\xC3\xAB" "n & \xE2\x80\x98succes\xE2\x80\x99");
	f->kader = add(r, DOC_PANEL);
	f->kader->text = xstrdup("Zeven vormen");
	doc_append_text(add(f->kader, DOC_PARAGRAPH), "Inhoud van het kader.");

	f->stand = heading(r, 1, DOC_NEW_PAGE, "Stand van zaken");
	f->fig21 = figure(r, NULL, "omschrijving van zeven vormen");
	f->fig22 = figure(r, "fig-voorkomen", "het voorkomen van zeven vormen");
	p = add(r, DOC_PARAGRAPH);
	f->x_hfd = xref(p, "h-2", "templates/h2.xml", 3);
	f->x_kader = xref(p, "kader-1", "templates/h2.xml", 4);
	f->x_bijlage = xref(p, "h-a", "templates/h2.xml", 5);
	f->x_run = xref(p, "h-strategieen-succes", "templates/h2.xml", 6);

	f->hfd3 = heading(r, 1, 0, "Gemeentelijke inzet");
	f->sec31 = heading(r, 2, 0, "Aandacht");
	f->fig31 = figure(r, NULL, "aandacht");
	f->sec32 = heading(r, 2, 0, "Wat doen gemeenten");

	f->bijlage = heading(r, 1, DOC_ANNEX, "Methode");
	f->bijlage_1 = heading(r, 2, 0, "Weging");
	f->figA1 = figure(r, NULL, "respons per provincie");
	p = add(r, DOC_PARAGRAPH);
	doc_append_text(p, "Weging per gemeente.");
	f->fn2 = footnote(p, "Zie de methodeverantwoording.");
}

static int setup(void **state)
{
	fixture *f = xmalloc(sizeof *f);
	build(f);
	*state = f;
	return 0;
}

/* Frees the fixture even when an assertion failed half-way. */
static int teardown(void **state)
{
	fixture *f = *state;
	doc_free(f->d);
	free(f);
	return 0;
}

static void assert_node(const doc_node *n, const char *number, const char *id)
{
	if (number)
		assert_non_null(n->number);
	if (number)
		assert_string_equal(n->number, number);
	else
		assert_null(n->number);
	assert_non_null(n->id);
	assert_string_equal(n->id, id);
}

static void resolve_ok(fixture *f)
{
	char msg[256];
	int rc = doc_resolve(f->d, msg, sizeof msg);
	if (rc)
		fail_msg("doc_resolve: %s", msg);
}

static void test_heading_numbers_and_ids(void **state)
{
	fixture *f = *state;
	resolve_ok(f);
	assert_node(f->leeswijzer, NULL, "h-leeswijzer");
	assert_node(f->kern, "1", "h-1");
	assert_node(f->inleiding, "1.1", "h-1-1");
	assert_node(f->vraagstelling, "1.2", "h-1-2");
	assert_node(f->runin, NULL, "h-strategieen-succes");
	assert_node(f->stand, "2", "h-2");
	assert_node(f->hfd3, "3", "h-3");
	assert_node(f->sec31, "3.1", "h-3-1");
	assert_node(f->sec32, "3.2", "h-3-2");
	assert_node(f->bijlage, "A", "h-a");
	assert_node(f->bijlage_1, "A.1", "h-a-1");
}

static void test_figure_numbers_per_chapter(void **state)
{
	fixture *f = *state;
	resolve_ok(f);
	assert_node(f->fig21, "2.1", "figuur-2-1");
	assert_node(f->fig22, "2.2", "fig-voorkomen"); /* the template's id stays */
	assert_node(f->fig31, "3.1", "figuur-3-1");
	assert_node(f->figA1, "A.1", "figuur-a-1");
}

static void test_footnotes_and_panels(void **state)
{
	fixture *f = *state;
	resolve_ok(f);
	assert_node(f->fn1, "1", "voetnoot-1");
	assert_node(f->fn2, "2", "voetnoot-2");
	assert_node(f->kader, NULL, "kader-1");
}

static void test_xref_texts(void **state)
{
	fixture *f = *state;
	resolve_ok(f);
	assert_string_equal(f->x_fig->text, "figuur 2.2");
	assert_string_equal(f->x_par->text, "paragraaf 3.2");
	assert_string_equal(f->x_hfd->text, "Hoofdstuk 2"); /* opens its paragraph: a capital */
	assert_string_equal(f->x_kader->text, "Zeven vormen");
	assert_string_equal(f->x_bijlage->text, "bijlage A");
	assert_string_equal(f->x_run->text, "Strategie\xC3\xAB" "n & \xE2\x80\x98succes\xE2\x80\x99");
}

static void test_xref_to_missing_id_is_an_error(void **state)
{
	fixture *f = *state;
	doc_node *p = add(f->d->root, DOC_PARAGRAPH);
	xref(p, "bestaat-niet", "templates/h4.xml", 12);
	char msg[256] = "";
	assert_int_equal(doc_resolve(f->d, msg, sizeof msg), -1);
	assert_string_equal(msg, "templates/h4.xml:12: reference to unknown id 'bestaat-niet'; expected the id of a heading, figure, panel or footnote");
}

static void test_duplicate_template_id_is_an_error(void **state)
{
	fixture *f = *state;
	doc_node *g = figure(f->d->root, "fig-voorkomen", "nog een");
	g->src_file = xstrdup("templates/h4.xml");
	g->src_line = 7;
	char msg[256] = "";
	assert_int_equal(doc_resolve(f->d, msg, sizeof msg), -1);
	assert_string_equal(msg, "templates/h4.xml:7: id 'fig-voorkomen' is used twice; expected each id once");
}

/* A template id equal to one resolve would generate must not produce two
 * nodes with one id: the generated one gives way. */
static void test_generated_id_avoids_template_id(void **state)
{
	fixture *f = *state;
	f->kader->id = xstrdup("h-2");
	free(f->x_kader->target);
	f->x_kader->target = xstrdup("h-2");
	resolve_ok(f);
	assert_string_equal(f->stand->id, "h-2-2");
	assert_string_equal(f->x_kader->text, "Zeven vormen");
	assert_ptr_equal(doc_find_id(f->d, "h-2"), f->kader);
}

static void test_find_id(void **state)
{
	fixture *f = *state;
	resolve_ok(f);
	assert_ptr_equal(doc_find_id(f->d, "h-3-1"), f->sec31);
	assert_ptr_equal(doc_find_id(f->d, "fig-voorkomen"), f->fig22);
	assert_ptr_equal(doc_find_id(f->d, "voetnoot-2"), f->fn2);
	assert_null(doc_find_id(f->d, "h-9"));
	assert_null(doc_find_id(f->d, NULL));
}

/* Resolving twice gives the same numbers: the pass recounts from zero. */
static void test_resolve_is_repeatable(void **state)
{
	fixture *f = *state;
	resolve_ok(f);
	char *a = doc_dump(f->d);
	resolve_ok(f);
	char *b = doc_dump(f->d);
	assert_string_equal(a, b);
	free(a);
	free(b);
}

static void test_dump_format(void **state)
{
	doc *d = doc_new();
	heading(d->root, 1, 0, "Kern");
	heading(d->root, 2, 0, "Aan\"dacht");
	doc_node *l = add(d->root, DOC_LIST);
	l->flags = DOC_ORDERED | DOC_DASH_LIST;
	doc_node *it = add(l, DOC_ITEM);
	doc_append_text(it, "een\nregel");
	doc_node *p = add(d->root, DOC_PARAGRAPH);
	xref(p, "h-1-1", NULL, 0);
	char msg[128];
	assert_int_equal(doc_resolve(d, msg, sizeof msg), 0);
	char *s = doc_dump(d);
	assert_string_equal(s,
		"document\n"
		"  heading level=1 number=1 id=h-1\n"
		"    text \"Kern\"\n"
		"  heading level=2 number=1.1 id=h-1-1\n"
		"    text \"Aan\\\"dacht\"\n"
		"  list flags=ordered,dash\n"
		"    item\n"
		"      text \"een\\nregel\"\n"
		"  paragraph\n"
		"    xref target=h-1-1 \"Paragraaf 1.1\"\n");
	free(s);
	doc_free(d);
}

int main(void)
{
	install_test_terms();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_heading_numbers_and_ids, setup, teardown),
		cmocka_unit_test_setup_teardown(test_figure_numbers_per_chapter, setup, teardown),
		cmocka_unit_test_setup_teardown(test_footnotes_and_panels, setup, teardown),
		cmocka_unit_test_setup_teardown(test_xref_texts, setup, teardown),
		cmocka_unit_test_setup_teardown(test_xref_to_missing_id_is_an_error, setup, teardown),
		cmocka_unit_test_setup_teardown(test_duplicate_template_id_is_an_error, setup, teardown),
		cmocka_unit_test_setup_teardown(test_generated_id_avoids_template_id, setup, teardown),
		cmocka_unit_test_setup_teardown(test_find_id, setup, teardown),
		cmocka_unit_test_setup_teardown(test_resolve_is_repeatable, setup, teardown),
		cmocka_unit_test(test_dump_format),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
