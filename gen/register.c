/* register.c: the municipality register (input/gemeenten-2013.csv): code,
 * name, province and inhabitants of every gemeente, and the size class that
 * follows from the inhabitants. */
#include "survey.h"
#include "csvread.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

static const char *const sc_ids[SC_COUNT] = { "<20k", "20-50k", "50-100k", "100k+" };
static const char *const sc_labels[SC_COUNT] = {
	"minder dan 20.000 inwoners", "20.000 tot 50.000 inwoners",
	"50.000 tot 100.000 inwoners", "100.000 inwoners of meer",
};

const char *size_class_id(enum size_class c)
{
	return sc_ids[c];
}

const char *size_class_label(enum size_class c)
{
	return sc_labels[c];
}

enum size_class size_class_of(long inwoners)
{
	if (inwoners < 20000)
		return SC_LT20K;
	if (inwoners < 50000)
		return SC_20_50K;
	if (inwoners < 100000)
		return SC_50_100K;
	return SC_100K_PLUS;
}

static int valid_code(const char *s)
{
	if (strlen(s) != 6 || s[0] != 'G' || s[1] != 'M')
		return 0;
	for (int i = 2; i < 6; i++)
		if (!isdigit((unsigned char)s[i]))
			return 0;
	return 1;
}

registry *registry_load(const char *path, struct err *e)
{
	csv_table *t = csv_read(path, e);
	if (!t)
		return NULL;
	const char *need[] = { "gemeentecode", "gemeentenaam", "provincie", "inwoners" };
	int col[4];
	for (int i = 0; i < 4; i++) {
		col[i] = csv_col(t, need[i]);
		if (col[i] < 0) {
			err_set(e, path, 1, "no column '%s'; expected gemeentecode,gemeentenaam,provincie,inwoners", need[i]);
			csv_table_free(t);
			return NULL;
		}
	}
	registry *r = xcalloc(1, sizeof *r);
	r->source = xstrdup(path);
	r->g = xcalloc((size_t)t->nrows, sizeof *r->g);
	int rc = 0;
	for (int i = 1; i < t->nrows && !rc; i++) {
		csv_row *row = &t->rows[i];
		const char *code = row->f[col[0]], *inw = row->f[col[3]];
		char *end;
		long v = strtol(inw, &end, 10);
		if (!valid_code(code))
			rc = err_set(e, path, row->line, "gemeentecode '%s'; expected GM followed by four digits", code);
		else if (!*inw || *end || v <= 0)
			rc = err_set(e, path, row->line, "inwoners '%s'; expected a positive whole number", inw);
		else if (registry_find(r, code))
			rc = err_set(e, path, row->line, "gemeentecode %s appears twice; expected each gemeente once", code);
		else if (!*row->f[col[2]])
			rc = err_set(e, path, row->line, "no provincie for %s", code);
		if (rc)
			break;
		gemeente *g = &r->g[r->n++];
		g->code = xstrdup(code);
		g->name = xstrdup(row->f[col[1]]);
		g->province = xstrdup(row->f[col[2]]);
		g->inwoners = v;
		g->sc = size_class_of(v);
	}
	csv_table_free(t);
	if (!rc && r->n == 0)
		rc = err_set(e, path, 0, "no gemeenten; expected one row per gemeente");
	if (rc) {
		registry_free(r);
		return NULL;
	}
	return r;
}

void registry_free(registry *r)
{
	if (!r)
		return;
	for (int i = 0; i < r->n; i++) {
		free(r->g[i].code);
		free(r->g[i].name);
		free(r->g[i].province);
	}
	free(r->g);
	free(r->source);
	free(r);
}

const gemeente *registry_find(const registry *r, const char *code)
{
	for (int i = 0; i < r->n; i++)
		if (!strcmp(r->g[i].code, code))
			return &r->g[i];
	return NULL;
}

char *province_slug(const char *province)
{
	char *s = xstrdup(province);
	for (char *p = s; *p; p++) {
		if (*p == ' ')
			*p = '-';
		else
			*p = (char)tolower((unsigned char)*p);
	}
	return s;
}
