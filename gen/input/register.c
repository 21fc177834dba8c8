/* register.c: the municipality register (input/gemeenten-2013.csv): code,
 * name, province and inhabitants of every gemeente, and the size class that
 * follows from the inhabitants. Every column is checked (format, range,
 * uniqueness; the province against the twelve of survey.c), because a
 * silent slip here moves a gemeente out of its province's edition. */
#include "survey.h"
#include "csvread.h"

#include <ctype.h>
#include <limits.h>
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

/* A whole number written with digits only (no sign, spaces or thousands
 * separators) that fits a long; -1 if it is not one. */
static long digits_value(const char *s)
{
	if (!*s)
		return -1;
	long v = 0;
	for (const char *p = s; *p; p++) {
		if (!isdigit((unsigned char)*p) || v > (LONG_MAX - 9) / 10)
			return -1;
		v = v * 10 + (*p - '0');
	}
	return v;
}

static int is_province(const char *s)
{
	for (const char *const *p = province_names(); *p; p++)
		if (!strcmp(*p, s))
			return 1;
	return 0;
}

static char *province_list(void)
{
	strbuf b;
	sb_init(&b);
	for (const char *const *p = province_names(); *p; p++)
		sb_printf(&b, "%s%s", b.len ? ", " : "", *p);
	return sb_take(&b);
}

/* Checks one row of the register. A typo in a province would silently drop
 * the gemeente from its province's edition, so every column is checked
 * against what it must be; the message says which line and what was
 * expected. Earlier rows are r->g[0..r->n) with their lines in lines[]. */
static int check_row(const registry *r, const long *lines, const csv_row *row, const int *col,
		     long *peiljaar, long *peil_line, const char *path, struct err *e)
{
	const char *code = row->f[col[0]], *name = row->f[col[1]], *prov = row->f[col[2]];
	const char *inw = row->f[col[3]], *year = row->f[col[4]];
	long line = row->line;
	if (!valid_code(code))
		return err_set(e, path, line, "gemeentecode '%s'; expected GM followed by four digits", code);
	for (int i = 0; i < r->n; i++)
		if (!strcmp(r->g[i].code, code))
			return err_set(e, path, line, "gemeentecode %s also on line %ld; expected each gemeente once",
				       code, lines[i]);
	const char *p = name;
	while (*p == ' ' || *p == '\t')
		p++;
	if (!*p)
		return err_set(e, path, line, "empty gemeentenaam for %s; expected the name of the gemeente", code);
	for (int i = 0; i < r->n; i++)
		if (!strcmp(r->g[i].name, name))
			return err_set(e, path, line, "gemeentenaam '%s' (%s) also on line %ld (%s); expected a unique name per gemeente",
				       name, code, lines[i], r->g[i].code);
	if (!is_province(prov)) {
		char *all = province_list();
		err_set(e, path, line, "provincie '%s' for %s; expected one of %s", prov, code, all);
		free(all);
		return -1;
	}
	long v = digits_value(inw);
	if (v <= 0)
		return err_set(e, path, line, "inwoners '%s' for %s; expected a positive whole number, digits only", inw, code);
	long y = digits_value(year);
	if (strlen(year) != 4 || y < 1800 || y > 2100)
		return err_set(e, path, line, "peiljaar '%s'; expected a year such as 2013", year);
	if (*peiljaar && y != *peiljaar)
		return err_set(e, path, line, "peiljaar %ld; expected %ld, as on line %ld: one register, one date",
			       y, *peiljaar, *peil_line);
	if (!*peiljaar) {
		*peiljaar = y;
		*peil_line = line;
	}
	return 0;
}

registry *registry_load(const char *path, struct err *e)
{
	csv_table *t = csv_read(path, e);
	if (!t)
		return NULL;
	const char *need[] = { "gemeentecode", "gemeentenaam", "provincie", "inwoners", "peiljaar" };
	int col[5];
	for (int i = 0; i < 5; i++) {
		col[i] = csv_col(t, need[i]);
		if (col[i] < 0) {
			err_set(e, path, 1, "no column '%s'; expected gemeentecode,gemeentenaam,provincie,inwoners,peiljaar", need[i]);
			csv_table_free(t);
			return NULL;
		}
	}
	registry *r = xcalloc(1, sizeof *r);
	r->source = xstrdup(path);
	r->g = xcalloc((size_t)t->nrows, sizeof *r->g);
	long *lines = xcalloc((size_t)t->nrows, sizeof *lines);
	long peiljaar = 0, peil_line = 0;
	int rc = 0;
	for (int i = 1; i < t->nrows && !rc; i++) {
		csv_row *row = &t->rows[i];
		rc = check_row(r, lines, row, col, &peiljaar, &peil_line, path, e);
		if (rc)
			break;
		lines[r->n] = row->line;
		gemeente *g = &r->g[r->n++];
		g->code = xstrdup(row->f[col[0]]);
		g->name = xstrdup(row->f[col[1]]);
		g->province = xstrdup(row->f[col[2]]);
		g->inwoners = digits_value(row->f[col[3]]);
		g->sc = size_class_of(g->inwoners);
	}
	free(lines);
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
