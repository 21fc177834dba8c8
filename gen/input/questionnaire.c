/* questionnaire.c: loads input/vragenlijst.xml into a questionnaire (see
 * survey.h). The schema checks the shape; this file checks what a schema
 * cannot: that a grid names a scale that exists, that ids are unique, that
 * "weet-niet" is only set where the scale has a non-substantive category. */
#include "survey.h"
#include "xmlload.h"

#include <libxml/parser.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void scale_free(scale *s)
{
	for (int i = 0; i < s->ncat; i++) {
		free(s->cats[i].id);
		free(s->cats[i].label);
	}
	free(s->cats);
	free(s->id);
}

static void question_free(question *q)
{
	free(q->id);
	free(q->figure);
	free(q->text);
	free(q->caption);
	for (int i = 0; i < q->nitems; i++) {
		free(q->items[i].id);
		free(q->items[i].label);
		free(q->items[i].short_label);
	}
	free(q->items);
}

void questionnaire_free(questionnaire *qn)
{
	if (!qn)
		return;
	for (int i = 0; i < qn->nscales; i++)
		scale_free(&qn->scales[i]);
	for (int i = 0; i < qn->nquestions; i++)
		question_free(&qn->questions[i]);
	free(qn->scales);
	free(qn->questions);
	free(qn->title);
	free(qn->note);
	free(qn);
}

static int count_children(xmlNodePtr n, const char *name)
{
	int k = 0;
	for (xmlNodePtr c = n->children; c; c = c->next)
		k += xml_is(c, name);
	return k;
}

/* A label or text of the questionnaire: not empty (when required), and
 * not longer than max characters (survey.h), reported at its own line. */
static int check_text(const char *path, xmlNodePtr n, const char *what, const char *s, int required, int max,
		      struct err *e)
{
	if (!s)
		return 0;
	if (required && !*s)
		return err_set(e, path, xmlGetLineNo(n), "%s is empty; expected the text as published", what);
	size_t chars = 0;
	for (const unsigned char *u = (const unsigned char *)s; *u; u++)
		chars += (*u & 0xC0) != 0x80;
	if (chars > (size_t)max)
		return err_set(e, path, xmlGetLineNo(n), "%s is %zu characters long; expected at most %d", what, chars,
			       max);
	return 0;
}

static const scale *find_scale(const questionnaire *qn, const char *id)
{
	for (int i = 0; i < qn->nscales; i++)
		if (!strcmp(qn->scales[i].id, id))
			return &qn->scales[i];
	return NULL;
}

static int load_scale(scale *s, xmlNodePtr n, const char *path, struct err *e)
{
	s->id = xml_attr(n, "id");
	s->ncat = 0;
	int ncat = count_children(n, "categorie");
	if (ncat > SURVEY_MAX_CATEGORIES)
		return err_set(e, path, xmlGetLineNo(n), "scale '%s' has %d categories; expected at most %d", s->id, ncat,
			       SURVEY_MAX_CATEGORIES);
	s->cats = xcalloc((size_t)ncat, sizeof *s->cats);
	for (xmlNodePtr c = n->children; c; c = c->next) {
		if (!xml_is(c, "categorie"))
			continue;
		category *cat = &s->cats[s->ncat];
		cat->id = xml_attr(c, "id");
		cat->label = xml_text(c);
		char *sub = xml_attr(c, "substantief");
		cat->substantive = !(sub && !strcmp(sub, "nee"));
		free(sub);
		s->ncat++; /* counted before the check, so scale_free frees it on an error */
		char what[256];
		snprintf(what, sizeof what, "the label of category '%.60s' in scale '%.60s'", cat->id, s->id);
		if (check_text(path, c, what, cat->label, 1, SURVEY_MAX_LABEL, e))
			return -1;
		for (int j = 0; j < s->ncat - 1; j++)
			if (!strcmp(s->cats[j].id, cat->id))
				return err_set(e, path, xmlGetLineNo(c),
					       "category '%s' appears twice in scale '%s'; expected unique ids",
					       cat->id, s->id);
	}
	return 0;
}

static int load_question(questionnaire *qn, question *q, xmlNodePtr n, const char *path, struct err *e)
{
	q->line = xmlGetLineNo(n);
	q->id = xml_attr(n, "id");
	q->figure = xml_attr(n, "figuur");
	char *unit = xml_attr(n, "eenheid"), *kind = xml_attr(n, "soort");
	char *sc = xml_attr(n, "schaal"), *wn = xml_attr(n, "weet-niet"), *max = xml_attr(n, "max");
	q->unit = !strcmp(unit, "gemeente") ? UNIT_GEMEENTE : UNIT_RESPONDENT;
	q->kind = !strcmp(kind, "raster") ? Q_GRID : !strcmp(kind, "vermelding") ? Q_MENTIONS : Q_OPEN;
	q->max = max ? atoi(max) : 0;
	q->wn = !wn ? WN_NONE : !strcmp(wn, "getoond") ? WN_SHOWN : WN_OUT_OF_BASE;
	int rc = 0;
	if (q->kind == Q_GRID) {
		if (!sc) {
			rc = err_set(e, path, q->line, "question '%s' is a grid (soort=\"raster\") without schaal; expected schaal=\"<scale id>\"", q->id);
		} else if (!(q->scale = find_scale(qn, sc))) {
			rc = err_set(e, path, q->line, "question '%s' names scale '%s', which is not defined; expected one of the <schaal> ids", q->id, sc);
		} else {
			int has_wn = 0;
			for (int i = 0; i < q->scale->ncat; i++)
				has_wn |= !q->scale->cats[i].substantive;
			if (has_wn && q->wn == WN_NONE)
				rc = err_set(e, path, q->line, "question '%s': its scale has a 'weet niet' category; expected weet-niet=\"getoond\" or \"uit-basis\"", q->id);
			if (!has_wn && q->wn != WN_NONE)
				rc = err_set(e, path, q->line, "question '%s' sets weet-niet but scale '%s' has no non-substantive category; expected no weet-niet attribute", q->id, sc);
		}
	} else if (sc) {
		rc = err_set(e, path, q->line, "question '%s' is not a grid but names a scale; expected schaal only with soort=\"raster\"", q->id);
	}
	free(unit);
	free(kind);
	free(sc);
	free(wn);
	free(max);
	if (rc)
		return rc;
	int nitems = count_children(n, "item");
	if (nitems > SURVEY_MAX_ITEMS)
		return err_set(e, path, q->line, "question '%s' has %d items; expected at most %d (one chart shows them all)",
			       q->id, nitems, SURVEY_MAX_ITEMS);
	q->items = xcalloc((size_t)nitems, sizeof *q->items);
	char what[256];
	for (xmlNodePtr c = n->children; c; c = c->next) {
		if (xml_is(c, "tekst")) {
			free(q->text); /* the schema allows one; a second must not leak */
			q->text = xml_text(c);
			snprintf(what, sizeof what, "the wording (<tekst>) of question '%.60s'", q->id);
			if (check_text(path, c, what, q->text, 1, SURVEY_MAX_TEXT, e))
				return -1;
		} else if (xml_is(c, "bijschrift")) {
			free(q->caption);
			q->caption = xml_text(c);
			snprintf(what, sizeof what, "the caption (<bijschrift>) of question '%.60s'", q->id);
			if (check_text(path, c, what, q->caption, 0, SURVEY_MAX_TEXT, e))
				return -1;
		} else if (xml_is(c, "item")) {
			item *it = &q->items[q->nitems];
			it->id = xml_attr(c, "id");
			it->label = xml_text(c);
			it->short_label = xml_attr(c, "kort");
			char *inf = xml_attr(c, "in-figuur");
			it->in_figure = !(inf && !strcmp(inf, "nee"));
			free(inf);
			q->nitems++; /* counted before the check, so question_free frees it on an error */
			snprintf(what, sizeof what, "the label of item '%.60s' in question '%.60s'", it->id, q->id);
			if (check_text(path, c, what, it->label, 1, SURVEY_MAX_LABEL, e))
				return -1;
			snprintf(what, sizeof what, "the short label (kort) of item '%.60s' in question '%.60s'", it->id, q->id);
			if (check_text(path, c, what, it->short_label, 1, SURVEY_MAX_LABEL, e))
				return -1;
			for (int j = 0; j < q->nitems - 1; j++)
				if (!strcmp(q->items[j].id, it->id))
					return err_set(e, path, xmlGetLineNo(c), "item '%s' appears twice in question '%s'; expected unique item ids", it->id, q->id);
		}
	}
	if (q->kind != Q_OPEN && q->nitems == 0)
		return err_set(e, path, q->line, "question '%s' has no items; expected at least one <item>", q->id);
	return 0;
}

questionnaire *questionnaire_load(const char *xml_path, const char *rng_path, struct err *e)
{
	xmlDocPtr doc = xml_load_valid(xml_path, rng_path, e);
	if (!doc)
		return NULL;
	xmlNodePtr root = xmlDocGetRootElement(doc);
	questionnaire *qn = xcalloc(1, sizeof *qn);
	qn->title = xml_attr(root, "titel");
	qn->scales = xcalloc((size_t)count_children(root, "schaal"), sizeof *qn->scales);
	qn->questions = xcalloc((size_t)count_children(root, "vraag"), sizeof *qn->questions);
	int rc = check_text(xml_path, root, "the title (titel)", qn->title, 0, SURVEY_MAX_LABEL, e);
	for (xmlNodePtr c = root->children; c && !rc; c = c->next) {
		if (xml_is(c, "toelichting")) {
			free(qn->note);
			qn->note = xml_text(c);
			rc = check_text(xml_path, c, "the note (<toelichting>)", qn->note, 0, SURVEY_MAX_TEXT, e);
		} else if (xml_is(c, "schaal")) {
			rc = load_scale(&qn->scales[qn->nscales++], c, xml_path, e);
			for (int j = 0; !rc && j < qn->nscales - 1; j++)
				if (!strcmp(qn->scales[j].id, qn->scales[qn->nscales - 1].id))
					rc = err_set(e, xml_path, xmlGetLineNo(c), "scale '%s' is defined twice; expected unique scale ids", qn->scales[j].id);
		} else if (xml_is(c, "vraag")) {
			question *q = &qn->questions[qn->nquestions++];
			rc = load_question(qn, q, c, xml_path, e);
			for (int j = 0; !rc && j < qn->nquestions - 1; j++)
				if (!strcmp(qn->questions[j].id, q->id))
					rc = err_set(e, xml_path, q->line, "question '%s' is defined twice; expected unique question ids", q->id);
		}
	}
	xmlFreeDoc(doc);
	if (rc) {
		questionnaire_free(qn);
		return NULL;
	}
	return qn;
}

const question *questionnaire_find(const questionnaire *qn, const char *id)
{
	for (int i = 0; i < qn->nquestions; i++)
		if (!strcmp(qn->questions[i].id, id))
			return &qn->questions[i];
	return NULL;
}

int question_find_item(const question *q, const char *id)
{
	for (int i = 0; i < q->nitems; i++)
		if (!strcmp(q->items[i].id, id))
			return i;
	return -1;
}

int scale_find_cat(const scale *s, const char *id)
{
	for (int i = 0; i < s->ncat; i++)
		if (!strcmp(s->cats[i].id, id))
			return i;
	return -1;
}
