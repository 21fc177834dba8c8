/* register.c: the municipality register (input/gemeenten-2013.csv): code,
 * name, province and inhabitants of every gemeente, and the size class that
 * follows from the inhabitants. Every column is checked (format, range,
 * uniqueness), because a silent slip here moves a gemeente out of its
 * province's edition; the provinces are the register's own (a typo is
 * caught where the editions name them, edition.c). */
#include "survey.h"
#include "csvread.h"
#include "text.h"
#include "terms.h"

#include <ctype.h>
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

void breakdown_default(breakdown *b)
{
	/* the 2013 report's population classes; a report declares its own
	 * with <indeling> in rapport.xml. Their labels and the breakdown's
	 * word are terms (indeling.standaard.*). */
	static const struct {
		const char *id, *csv, *label_term;
		double below;
	} cls[] = {
		{ "lt20k", "<20k", "indeling.standaard.lt20k", 20000 },
		{ "20-50k", "20-50k", "indeling.standaard.20_50k", 50000 },
		{ "50-100k", "50-100k", "indeling.standaard.50_100k", 100000 },
		{ "100k+", "100k+", "indeling.standaard.100k_plus", HUGE_VAL },
	};
	static const struct {
		const char *id;
		int n, c[3];
	} uni[] = { { "lt50k", 2, { 0, 1 } }, { "50k+", 2, { 2, 3 } }, { "lt100k", 3, { 0, 1, 2 } }, { "20k+", 3, { 1, 2, 3 } } };
	memset(b, 0, sizeof *b);
	b->column = xstrdup("inwoners");
	b->name = xstrdup(T("indeling.standaard.naam"));
	for (size_t i = 0; i < sizeof cls / sizeof cls[0]; i++) {
		breakdown_class *c = &b->c[b->n++];
		c->id = xstrdup(cls[i].id);
		c->csv = xstrdup(cls[i].csv);
		c->label = xstrdup(T(cls[i].label_term));
		c->below = cls[i].below;
	}
	for (size_t i = 0; i < sizeof uni / sizeof uni[0]; i++) {
		breakdown_union *u = &b->u[b->nunion++];
		u->id = xstrdup(uni[i].id);
		u->n = uni[i].n;
		memcpy(u->classes, uni[i].c, sizeof uni[i].c);
	}
}

void breakdown_copy(breakdown *dst, const breakdown *src)
{
	*dst = *src;
	dst->column = src->column ? xstrdup(src->column) : NULL;
	dst->name = src->name ? xstrdup(src->name) : NULL;
	for (int i = 0; i < src->n; i++) {
		breakdown_class *c = &dst->c[i];
		c->id = src->c[i].id ? xstrdup(src->c[i].id) : NULL;
		c->csv = src->c[i].csv ? xstrdup(src->c[i].csv) : NULL;
		c->label = src->c[i].label ? xstrdup(src->c[i].label) : NULL;
		c->value = src->c[i].value ? xstrdup(src->c[i].value) : NULL;
	}
	for (int i = 0; i < src->nunion; i++)
		dst->u[i].id = src->u[i].id ? xstrdup(src->u[i].id) : NULL;
}

void breakdown_free(breakdown *b)
{
	free(b->column);
	free(b->name);
	for (int i = 0; i < b->n; i++) {
		free(b->c[i].id);
		free(b->c[i].csv);
		free(b->c[i].label);
		free(b->c[i].value);
	}
	for (int i = 0; i < b->nunion; i++)
		free(b->u[i].id);
	memset(b, 0, sizeof *b);
}

const char *registry_class_csv(const registry *r, int c)
{
	return c >= 0 && c < r->bd.n ? r->bd.c[c].csv : "";
}

const char *registry_class_label(const registry *r, int c)
{
	return c >= 0 && c < r->bd.n ? r->bd.c[c].label : "";
}

/* The class of a register value; -1 if none holds it. */
static int class_of(const breakdown *b, const char *value, long number)
{
	for (int i = 0; i < b->n; i++)
		if (b->categorical ? !strcmp(b->c[i].value, value) : (double)number < b->c[i].below)
			return i;
	return -1;
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
		int rc = err_set(e, r->source, r->area_line[s], "%s '%s' (%d %s) is one of %d areas; expected at most %d, "
				 "each spelled one way (a spelling slip?)", r->area_column, r->areas[s], rows[s],
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
		return err_set(e, path, line, "%s '%s' for %s; expected the name of its %s, without spaces around it",
			       r->area_column, prov, code, strcmp(r->area_column, "provincie") ? "area" : "province");
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
	return registry_load_with(path, NULL, e);
}

registry *registry_load_with(const char *path, const breakdown *bd, struct err *e)
{
	return registry_load_areas(path, bd, NULL, e);
}

registry *registry_load_areas(const char *path, const breakdown *bd, const char *area_column, struct err *e)
{
	csv_table *t = csv_read(path, e);
	if (!t)
		return NULL;
	const char *area = area_column ? area_column : "provincie";
	const char *need[] = { "gemeentecode", "gemeentenaam", area, "inwoners", "peiljaar" };
	int col[5];
	for (int i = 0; i < 5; i++) {
		col[i] = csv_col(t, need[i]);
		if (col[i] < 0) {
			if (i == 2 && area_column)
				err_set(e, path, 1, "no column '%s'; expected the column the editions' areas come from "
					"(<uitgaven kolom=\"%s\"> in rapport.xml)", area, area);
			else
				err_set(e, path, 1, "no column '%s'; expected gemeentecode,gemeentenaam,%s,inwoners,peiljaar",
					need[i], area);
			csv_table_free(t);
			return NULL;
		}
	}
	registry *r = xcalloc(1, sizeof *r);
	r->source = xstrdup(path);
	r->area_column = xstrdup(area);
	if (bd)
		breakdown_copy(&r->bd, bd);
	else
		breakdown_default(&r->bd);
	int bcol = csv_col(t, r->bd.column);
	if (bcol < 0) {
		err_set(e, path, 1, "no column '%s'; expected the column the breakdown (<indeling kolom=\"%s\"> in rapport.xml) "
			"divides the gemeenten by", r->bd.column, r->bd.column);
		csv_table_free(t);
		registry_free(r);
		return NULL;
	}
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
		const char *bv = row->f[bcol];
		long num = r->bd.categorical ? 0 : digits_value(bv);
		g->sc = !r->bd.categorical && num < 0 ? -1 : class_of(&r->bd, bv, num);
		if (g->sc < 0) {
			strbuf b;
			sb_init(&b);
			for (int c = 0; c < r->bd.n; c++)
				sb_printf(&b, "%s%s", c ? ", " : "", r->bd.categorical ? r->bd.c[c].value : r->bd.c[c].id);
			rc = r->bd.categorical
				     ? err_set(e, path, row->line, "%s '%s' for %s; expected one of the breakdown's values: %s",
					       r->bd.column, bv, g->code, b.s ? b.s : "")
				     : err_set(e, path, row->line, "%s '%s' for %s; expected a whole number (digits only) in one of "
					       "the breakdown's classes: %s", r->bd.column, bv, g->code, b.s ? b.s : "");
			sb_free(&b);
		}
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
	free(r->area_column);
	for (int i = 0; i < r->nareas; i++)
		free(r->areas[i]);
	free(r->areas);
	free(r->area_line);
	breakdown_free(&r->bd);
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
