/* register.c: the municipality register (input/gemeenten-2013.csv): code,
 * name, province and inhabitants of every gemeente, and the size class that
 * follows from the inhabitants. Every column is checked (format, range,
 * uniqueness), because a silent slip here moves a gemeente out of its
 * province's edition; the provinces are the register's own (a typo is
 * caught where the editions name them, edition.c). */
#include "survey.h"
#include "csvread.h"
#include "text.h"

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

/* The order in which Dutch statistics list the provinces, north to south
 * (CBS): only an order for tables and lists, not a list of what is
 * allowed. The areas are whatever the register says; an area not named
 * here follows these in register order. Both spellings of Friesland
 * (Fryslân is official since 2022) take its place. */
static const char *const conventional_order[] = {
	"Groningen", "Friesland", "Fryslân", "Drenthe", "Overijssel", "Flevoland", "Gelderland", "Utrecht",
	"Noord-Holland", "Zuid-Holland", "Zeeland", "Noord-Brabant", "Limburg",
};

static int order_of(const char *area)
{
	int n = (int)(sizeof conventional_order / sizeof conventional_order[0]);
	for (int i = 0; i < n; i++)
		if (!strcmp(conventional_order[i], area))
			return i;
	return n;
}

/* The register's areas, each once, in conventional order (a stable sort:
 * unknown areas keep their register order). A typo in an area makes an
 * area of its own: more areas than the audit takes (REGISTRY_MAX_AREAS)
 * are refused here, and editions_load reports an area no edition names. */
static int collect_areas(registry *r, const long *lines, struct err *e)
{
	r->areas = xcalloc((size_t)r->n + 1, sizeof *r->areas);
	r->area_line = xcalloc((size_t)r->n + 1, sizeof *r->area_line);
	int *rows = xcalloc((size_t)r->n + 1, sizeof *rows);
	for (int i = 0; i < r->n; i++) {
		int k = 0;
		while (k < r->nareas && strcmp(r->areas[k], r->g[i].province))
			k++;
		rows[k]++;
		if (k < r->nareas)
			continue;
		r->areas[r->nareas] = xstrdup(r->g[i].province);
		r->area_line[r->nareas++] = lines[i];
	}
	if (r->nareas > REGISTRY_MAX_AREAS) {
		/* one too many is most likely a slip: name the smallest area */
		int s = 0;
		for (int k = 1; k < r->nareas; k++)
			if (rows[k] <= rows[s])
				s = k;
		int rc = err_set(e, r->source, r->area_line[s], "provincie '%s' (%d %s) is one of %d areas; expected at most %d, "
				 "each spelled one way (a spelling slip?)", r->areas[s], rows[s],
				 rows[s] == 1 ? "gemeente" : "gemeenten", r->nareas, REGISTRY_MAX_AREAS);
		free(rows);
		return rc;
	}
	free(rows);
	for (int i = 1; i < r->nareas; i++)
		for (int j = i; j > 0 && order_of(r->areas[j]) < order_of(r->areas[j - 1]); j--) {
			char *t = r->areas[j];
			r->areas[j] = r->areas[j - 1];
			r->areas[j - 1] = t;
			long l = r->area_line[j];
			r->area_line[j] = r->area_line[j - 1];
			r->area_line[j - 1] = l;
		}
	return 0;
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
	const char *q = prov;
	while (*q == ' ' || *q == '\t')
		q++;
	if (!*q || prov[strlen(prov) - 1] == ' ')
		return err_set(e, path, line, "provincie '%s' for %s; expected the name of its province, without spaces around it", prov, code);
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
	csv_table_free(t);
	if (!rc && r->n == 0)
		rc = err_set(e, path, 0, "no gemeenten; expected one row per gemeente");
	if (!rc)
		rc = collect_areas(r, lines, e);
	free(lines);
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
	for (int i = 0; i < r->nareas; i++)
		free(r->areas[i]);
	free(r->areas);
	free(r->area_line);
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
	/* lower-case ASCII for a path and a URL: "Noord-Holland" ->
	 * "noord-holland", "Fryslân" -> "fryslan" */
	strbuf b;
	sb_init(&b);
	const unsigned char *p = (const unsigned char *)province, *end = p + strlen(province);
	while (p < end) {
		unsigned cp;
		p += utf8_next(p, (size_t)(end - p), &cp);
		char c = cp < 0x80 ? (char)cp : latin1_base(cp);
		if (c == ' ' || c == '-')
			sb_add(&b, "-");
		else if (isalnum((unsigned char)c))
			sb_printf(&b, "%c", tolower((unsigned char)c));
	}
	return sb_take(&b);
}
