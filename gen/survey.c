/* survey.c: the column map of a survey (which answer column holds which
 * question item), shared by the CSV and SPSS readers, and variants: the
 * respondents of the whole country or of one province. */
#include "survey.h"

#include <stdlib.h>
#include <string.h>

survey *survey_new(questionnaire *qn, registry *reg)
{
	survey *s = xcalloc(1, sizeof *s);
	s->qn = qn;
	s->reg = reg;
	int n = 0;
	for (int q = 0; q < qn->nquestions; q++)
		n += qn->questions[q].kind == Q_OPEN ? 1 : qn->questions[q].nitems;
	s->cols = xcalloc((size_t)n, sizeof *s->cols);
	for (int q = 0; q < qn->nquestions; q++) {
		const question *qq = &qn->questions[q];
		if (qq->kind == Q_OPEN) {
			s->cols[s->ncols++] = (column){ q, -1 };
			continue;
		}
		for (int i = 0; i < qq->nitems; i++)
			s->cols[s->ncols++] = (column){ q, i };
	}
	return s;
}

void survey_free(survey *s)
{
	if (!s)
		return;
	for (int i = 0; i < s->nresp; i++) {
		respondent *r = &s->resp[i];
		for (int c = 0; c < s->ncols; c++)
			free(r->ans[c].text);
		free(r->ans);
		free(r->id);
		free(r->functie);
	}
	free(s->resp);
	free(s->cols);
	free(s);
}

char *survey_column_name(const survey *s, int col)
{
	const question *q = &s->qn->questions[s->cols[col].q];
	if (s->cols[col].item < 0)
		return xstrdup(q->id);
	return xasprintf("%s.%s", q->id, q->items[s->cols[col].item].id);
}

int survey_column(const survey *s, const char *name)
{
	for (int c = 0; c < s->ncols; c++) {
		char *n = survey_column_name(s, c);
		int eq = !strcmp(n, name);
		free(n);
		if (eq)
			return c;
	}
	return -1;
}

int survey_col_of(const survey *s, int q, int item)
{
	for (int c = 0; c < s->ncols; c++)
		if (s->cols[c].q == q && s->cols[c].item == item)
			return c;
	return -1;
}

int survey_check_unique(const survey *s, const char *path, struct err *e)
{
	for (int i = 1; i < s->nresp; i++)
		for (int j = 0; j < i; j++)
			if (!strcmp(s->resp[i].id, s->resp[j].id))
				return err_set(e, path, s->resp[i].line,
					       "respondent id '%s' also on line %ld; expected each respondent once",
					       s->resp[i].id, s->resp[j].line);
	return 0;
}

static const char *const provinces[] = {
	"Groningen", "Friesland", "Drenthe", "Overijssel", "Flevoland", "Gelderland", "Utrecht",
	"Noord-Holland", "Zuid-Holland", "Zeeland", "Noord-Brabant", "Limburg", NULL,
};

variant *variant_new(const survey *s, const char *slug)
{
	const char *prov = NULL;
	if (strcmp(slug, "nederland")) {
		for (int i = 0; provinces[i] && !prov; i++) {
			char *ps = province_slug(provinces[i]);
			if (!strcmp(ps, slug))
				prov = provinces[i];
			free(ps);
		}
		if (!prov)
			return NULL;
	}
	variant *v = xcalloc(1, sizeof *v);
	v->s = s;
	v->slug = xstrdup(slug);
	v->area = xstrdup(prov ? prov : "Nederland");
	v->province = prov ? xstrdup(prov) : NULL;
	v->r = xcalloc((size_t)s->nresp, sizeof *v->r);
	for (int i = 0; i < s->nresp; i++)
		if (!prov || !strcmp(s->resp[i].gem->province, prov))
			v->r[v->n++] = &s->resp[i];
	return v;
}

variant *variant_new_area(const survey *s, const char *slug, const char *area, const char *const *provs, int nprov)
{
	for (int k = 0; k < nprov; k++) {
		int known = 0;
		for (int i = 0; provinces[i] && !known; i++)
			known = !strcmp(provinces[i], provs[k]);
		if (!known)
			return NULL;
	}
	variant *v = xcalloc(1, sizeof *v);
	v->s = s;
	v->slug = xstrdup(slug);
	v->area = xstrdup(area);
	v->province = nprov == 1 ? xstrdup(provs[0]) : NULL;
	v->nprov = nprov;
	v->provinces = xcalloc((size_t)nprov + 1, sizeof *v->provinces);
	for (int k = 0; k < nprov; k++)
		v->provinces[k] = xstrdup(provs[k]);
	v->r = xcalloc((size_t)s->nresp + 1, sizeof *v->r);
	for (int i = 0; i < s->nresp; i++)
		if (variant_has_province(v, s->resp[i].gem->province))
			v->r[v->n++] = &s->resp[i];
	return v;
}

int variant_has_province(const variant *v, const char *province)
{
	if (v->nprov == 0)
		return v->province ? !strcmp(v->province, province) : 1;
	for (int k = 0; k < v->nprov; k++)
		if (!strcmp(v->provinces[k], province))
			return 1;
	return 0;
}

void variant_free(variant *v)
{
	if (!v)
		return;
	for (int k = 0; k < v->nprov; k++)
		free(v->provinces[k]);
	free(v->provinces);
	free(v->r);
	free(v->slug);
	free(v->area);
	free(v->province);
	free(v);
}


const char *const *province_names(void)
{
	return provinces;
}
