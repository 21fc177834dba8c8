/* responses_sav.c: the respondents as an SPSS system file (.sav), read and
 * written through ReadStat. Owns responses_load_sav and responses_write_sav.
 *
 * Layout of the .sav (what the writer makes and the reader expects):
 *   - one variable per column of antwoorden.csv, in the same order:
 *     respondent, gemeentecode, functie (strings), then every survey column;
 *   - the variable LABEL holds the exact CSV column name ("vraag.item" or an
 *     open question id). SPSS names cannot hold every column name (the '.',
 *     at most 64 bytes, reserved words), so the NAME is only a readable
 *     approximation ("vraag_item") and the reader maps variables back to
 *     columns by their label; a variable without a label is mapped by its
 *     name, so a file whose names are the column names also loads;
 *   - grid items: numeric codes 1..k with value labels whose texts are the
 *     category ids of the question's scale (1="vaak", 2="regelmatig", ...);
 *     the reader maps a value through its value label to the category id.
 *     System missing is "no answer". A string variable holding category ids
 *     is accepted too, as the CSV cell would be;
 *   - mentions: numeric 0/1, system missing for no answer;
 *   - open questions: strings (UTF-8; ReadStat writes long strings as SPSS
 *     very long strings), an empty string for no answer.
 *   The file is UTF-8 (ReadStat marks every .sav it writes as code page
 *   65001) and its creation time is fixed, so the same survey always gives
 *   the same bytes.
 *
 * The reader fills the survey exactly as responses_load_csv does and applies
 * the same checks with the same messages. Case n (0-based) is reported as
 * line n+2: the line of the same respondent in antwoorden.csv. Problems with
 * the dictionary (the variables) name the file only. */
#include "survey.h"
#include "terms.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include <readstat.h>

/* SPSS limits the writer checks instead of letting ReadStat truncate. */
#define SAV_NAME_MAX 64
#define SAV_LABEL_MAX 255       /* variable labels (ReadStat truncates at 256) */
#define SAV_VALUE_LABEL_MAX 120
#define SAV_STRING_MAX 32767

/* ---------------------------------------------------------------- reading */

/* One variable of the file as ReadStat describes it. */
typedef struct {
	char *name;
	char *label;
	char *labelset;         /* value label set name, or NULL */
	readstat_type_class_t tclass;
} sav_var;

typedef struct {
	char *set;
	double v;
	char *label;
} sav_vlabel;

/* One value. Strings are copied; numbers keep their missing state, because
 * a user-missing code may still carry a category label ("weet_niet"). */
typedef struct {
	int seen;
	int sysmis;             /* system missing */
	int usermis;            /* a defined missing value */
	double d;
	char *s;
} sav_cell;

typedef struct sav_data {
	int nvars, capvars;
	sav_var *vars;
	int nlab, caplab;
	sav_vlabel *lab;
	long nrows;             /* cases seen */
	long cur;               /* the case in cells, -1 before the first */
	sav_cell *cells;        /* the values of case `cur`, nvars of them */
	char rs_msg[256];       /* last message from ReadStat's error handler */
	/* what a finished case is handed to (responses_load_sav) */
	int (*on_case)(struct sav_data *d, void *ctx);
	void *case_ctx;
	int rc;                 /* -1 once on_case failed: the error is in its ctx */
} sav_data;

static int on_variable(int index, readstat_variable_t *v, const char *val_labels, void *ctx)
{
	sav_data *d = ctx;
	if (index != d->nvars)
		return READSTAT_HANDLER_ABORT; /* ReadStat numbers them 0, 1, ... */
	if (d->nvars == d->capvars) {
		d->capvars = d->capvars ? 2 * d->capvars : 128;
		d->vars = xrealloc(d->vars, (size_t)d->capvars * sizeof *d->vars);
	}
	const char *name = readstat_variable_get_name(v), *label = readstat_variable_get_label(v);
	d->vars[d->nvars++] = (sav_var){
		.name = xstrdup(name ? name : ""),
		.label = xstrdup(label ? label : ""),
		.labelset = val_labels ? xstrdup(val_labels) : NULL,
		.tclass = readstat_variable_get_type_class(v),
	};
	return READSTAT_HANDLER_OK;
}

static int on_value_label(const char *val_labels, readstat_value_t value, const char *label, void *ctx)
{
	sav_data *d = ctx;
	/* Only numeric keys matter: string variables hold the category id itself. */
	if (readstat_value_type_class(value) != READSTAT_TYPE_CLASS_NUMERIC || readstat_value_is_tagged_missing(value))
		return READSTAT_HANDLER_OK;
	if (d->nlab == d->caplab) {
		d->caplab = d->caplab ? 2 * d->caplab : 64;
		d->lab = xrealloc(d->lab, (size_t)d->caplab * sizeof *d->lab);
	}
	d->lab[d->nlab++] = (sav_vlabel){
		.set = xstrdup(val_labels ? val_labels : ""),
		.v = readstat_double_value(value),
		.label = xstrdup(label ? label : ""),
	};
	return READSTAT_HANDLER_OK;
}

/* Cases arrive value by value in order; a case is handed on (on_case) when
 * the first value of the next one comes, and the last after the parse, so
 * only one case is in memory at a time. */
static int flush_case(sav_data *d)
{
	if (d->cur < 0 || d->rc)
		return d->rc;
	d->rc = d->on_case(d, d->case_ctx);
	for (int j = 0; j < d->nvars; j++) {
		free(d->cells[j].s);
		d->cells[j] = (sav_cell){ 0 };
	}
	return d->rc;
}

static int on_value(int obs, readstat_variable_t *v, readstat_value_t value, void *ctx)
{
	sav_data *d = ctx;
	int j = readstat_variable_get_index(v);
	if (obs < 0 || j < 0 || j >= d->nvars || obs < d->cur)
		return READSTAT_HANDLER_ABORT;
	if (!d->cells)
		d->cells = xcalloc((size_t)d->nvars, sizeof *d->cells);
	if (obs != d->cur) {
		if (flush_case(d))
			return READSTAT_HANDLER_ABORT;
		d->cur = obs;
		d->nrows = obs + 1;
	}
	sav_cell *c = &d->cells[j];
	c->seen = 1;
	if (readstat_value_type_class(value) == READSTAT_TYPE_CLASS_STRING) {
		const char *s = readstat_string_value(value);
		free(c->s);
		c->s = xstrdup(s ? s : "");
		return READSTAT_HANDLER_OK;
	}
	c->sysmis = readstat_value_is_system_missing(value) || readstat_value_is_tagged_missing(value);
	c->usermis = !c->sysmis && readstat_value_is_defined_missing(value, v);
	c->d = c->sysmis ? 0 : readstat_double_value(value);
	return READSTAT_HANDLER_OK;
}

static void on_error(const char *msg, void *ctx)
{
	sav_data *d = ctx;
	snprintf(d->rs_msg, sizeof d->rs_msg, "%s", msg ? msg : "");
	size_t n = strlen(d->rs_msg);
	while (n && (d->rs_msg[n - 1] == '\n' || d->rs_msg[n - 1] == ' '))
		d->rs_msg[--n] = 0;
}

static void sav_data_free(sav_data *d)
{
	for (int j = 0; d->cells && j < d->nvars; j++)
		free(d->cells[j].s);
	free(d->cells);
	for (int j = 0; j < d->nvars; j++) {
		free(d->vars[j].name);
		free(d->vars[j].label);
		free(d->vars[j].labelset);
	}
	free(d->vars);
	for (int i = 0; i < d->nlab; i++) {
		free(d->lab[i].set);
		free(d->lab[i].label);
	}
	free(d->lab);
}

/* The CSV column a variable stands for: its label, or its name if it has none. */
static const char *var_key(const sav_var *v)
{
	return *v->label ? v->label : v->name;
}

static int find_var(const sav_data *d, const char *key)
{
	for (int j = 0; j < d->nvars; j++)
		if (!strcmp(var_key(&d->vars[j]), key))
			return j;
	return -1;
}

/* For messages: 'name', or 'name' (label 'vraag.item') when the label is the key. */
static char *var_desc(const sav_var *v)
{
	if (!strcmp(v->name, var_key(v)))
		return xasprintf("'%s'", v->name);
	return xasprintf("'%s' (label '%s')", v->name, v->label);
}

static const char *value_label(const sav_data *d, const sav_var *v, double x)
{
	if (!v->labelset)
		return NULL;
	for (int i = 0; i < d->nlab; i++)
		if (d->lab[i].v == x && !strcmp(d->lab[i].set, v->labelset))
			return d->lab[i].label;
	return NULL;
}

static char *scale_ids(const scale *sc)
{
	strbuf b;
	sb_init(&b);
	for (int i = 0; i < sc->ncat; i++)
		sb_printf(&b, "%s%s", i ? ", " : "", sc->cats[i].id);
	return sb_take(&b);
}

/* A number as SPSS would show it: 3, 2.5. */
static char *fmt_num(double x)
{
	return xasprintf("%.15g", x);
}

/* One answer cell of survey column c, as parse_cell in responses_csv.c does
 * for a CSV cell, with the same messages. */
static int sav_cell_answer(const survey *s, int c, const sav_data *d, const sav_var *v, const sav_cell *cell,
			   answer *a, const char *path, long line, struct err *e)
{
	const question *q = &s->qn->questions[s->cols[c].q];
	const char *colname = var_key(v);
	a->cat = -1;
	a->text = NULL;
	if (q->kind == Q_OPEN) {
		/* checked when mapping the variables: open questions are strings */
		if (cell->s && *cell->s) {
			char *where = xasprintf("variable %s: ", colname);
			int bad = text_check(path, line, where, cell->s, e);
			free(where);
			if (bad)
				return -1;
			a->text = xstrdup(cell->s);
		}
		return 0;
	}
	const char *id; /* the category id (grids) or "0"/"1" (mentions) */
	char *num = NULL;
	if (v->tclass == READSTAT_TYPE_CLASS_STRING) {
		id = cell->s ? cell->s : "";
		if (!*id)
			return 0;
	} else {
		if (!cell->seen || cell->sysmis)
			return 0;
		if (q->kind == Q_MENTIONS) {
			if (cell->d == 0 || cell->d == 1) {
				a->cat = (int)cell->d;
				return 0;
			}
			if (cell->usermis)
				return 0;
			num = fmt_num(cell->d);
			err_set(e, path, line, "column %s: value %s; expected 1 (mentioned), 0 or system missing", colname, num);
			free(num);
			return -1;
		}
		/* A labelled user-missing code still says which category it is. */
		id = value_label(d, v, cell->d);
		if (!id) {
			if (cell->usermis)
				return 0;
			char *ids = scale_ids(q->scale);
			num = fmt_num(cell->d);
			err_set(e, path, line,
				"column %s: value %s has no value label; expected a value labelled with one of %s, or system missing",
				colname, num, ids);
			free(num);
			free(ids);
			return -1;
		}
	}
	if (q->kind == Q_MENTIONS) {
		if (!strcmp(id, "1") || !strcmp(id, "0")) {
			a->cat = id[0] - '0';
			return 0;
		}
		return err_set(e, path, line, "column %s: '%s'; expected 1 (mentioned), 0 or empty", colname, id);
	}
	int k = scale_find_cat(q->scale, id);
	if (k < 0) {
		char *ids = scale_ids(q->scale);
		if (v->tclass == READSTAT_TYPE_CLASS_STRING)
			err_set(e, path, line, "column %s: unknown category '%s'; expected one of %s, or empty", colname, id, ids);
		else {
			num = fmt_num(cell->d);
			err_set(e, path, line,
				"column %s: unknown category '%s' (the value label of %s); expected one of %s, or system missing",
				colname, id, num, ids);
			free(num);
		}
		free(ids);
		return -1;
	}
	a->cat = k;
	return 0;
}

/* Maps every variable to a survey column (map[j], -1 for the three fixed
 * ones) and checks types and duplicates; 0 or -1 with e set. */
static int map_variables(const survey *s, const sav_data *d, int *map, int cid, int cgem, int cfun,
			 const char *path, struct err *e)
{
	const int fixed[3] = { cid, cgem, cfun };
	for (int k = 0; k < 3; k++)
		if (fixed[k] >= 0 && d->vars[fixed[k]].tclass != READSTAT_TYPE_CLASS_STRING) {
			char *vd = var_desc(&d->vars[fixed[k]]);
			err_set(e, path, 0, "variable %s is numeric; expected a string variable", vd);
			free(vd);
			return -1;
		}
	for (int j = 0; j < d->nvars; j++) {
		const char *key = var_key(&d->vars[j]);
		map[j] = -1;
		if (j == cid || j == cgem || j == cfun)
			continue;
		map[j] = survey_column(s, key);
		char *vd = var_desc(&d->vars[j]);
		int rc = 0;
		if (map[j] < 0)
			rc = err_set(e, path, 0,
				     "variable %s is not a question item of the questionnaire; expected the label 'vraag.item' or an open question id",
				     vd);
		else if (s->qn->questions[s->cols[map[j]].q].kind == Q_OPEN &&
			 d->vars[j].tclass != READSTAT_TYPE_CLASS_STRING)
			rc = err_set(e, path, 0, "variable %s is numeric; expected a string variable for an open question", vd);
		for (int k = 0; !rc && k < j; k++)
			if (!strcmp(var_key(&d->vars[k]), key))
				rc = err_set(e, path, 0, "variable %s: column '%s' appears twice", vd, key);
		free(vd);
		if (rc)
			return -1;
	}
	return survey_check_columns(s, map, d->nvars, path, 0, e);
}

/* What on_case needs to turn a case into a respondent. */
struct sav_load {
	survey *s;
	const char *path;
	struct err *e;
	int *map;
	int cid, cgem, cfun;
	int mapped;             /* 1 once the variables are mapped, -1 if that failed */
	respondent r;           /* the case being read, reused */
};

/* Maps the dictionary on the first case: ReadStat has reported every
 * variable and value label by then. */
static int map_dictionary(sav_data *d, struct sav_load *l)
{
	l->cid = find_var(d, "respondent");
	l->cgem = find_var(d, "gemeentecode");
	l->cfun = find_var(d, "functie");
	if (l->cid < 0 || l->cgem < 0)
		return err_set(l->e, l->path, 0,
			       "no variable labelled '%s'; expected respondent, gemeentecode, functie and one variable per question item",
			       l->cid < 0 ? "respondent" : "gemeentecode");
	l->map = xcalloc((size_t)d->nvars, sizeof *l->map);
	return map_variables(l->s, d, l->map, l->cid, l->cgem, l->cfun, l->path, l->e);
}

static int on_case(sav_data *d, void *ctx)
{
	struct sav_load *l = ctx;
	survey *s = l->s;
	if (!l->mapped)
		l->mapped = map_dictionary(d, l) ? -1 : 1;
	if (l->mapped < 0)
		return -1;
	const sav_cell *row = d->cells;
	long line = d->cur + 2; /* the CSV line of this respondent: header is line 1 */
	respondent *r = &l->r;
	survey_row_next(s, r);
	r->line = line;
	r->id = xstrdup(row[l->cid].s ? row[l->cid].s : "");
	r->functie = xstrdup(l->cfun >= 0 && row[l->cfun].s ? row[l->cfun].s : "");
	if (!*r->id)
		return err_set(l->e, l->path, line, "empty respondent id; expected a unique id per case");
	const char *code = row[l->cgem].s ? row[l->cgem].s : "";
	r->gem = registry_find(s->reg, code);
	if (!r->gem)
		return err_set(l->e, l->path, line, "unknown gemeentecode '%s'; expected a code of the register %s", code,
			       s->reg->source);
	for (int j = 0; j < d->nvars; j++)
		if (l->map[j] >= 0 &&
		    sav_cell_answer(s, l->map[j], d, &d->vars[j], &row[j], &r->ans[l->map[j]], l->path, line, l->e))
			return -1;
	if (responses_check_max(s, r, l->path, l->e))
		return -1;
	return survey_add(s, r, l->path, l->e);
}

int responses_load_sav(survey *s, const char *path, struct err *e)
{
	struct sav_load l = { .s = s, .path = path, .e = e };
	sav_data d = { .cur = -1, .on_case = on_case, .case_ctx = &l };
	readstat_parser_t *p = readstat_parser_init();
	if (!p)
		return err_set(e, path, 0, "cannot start ReadStat");
	readstat_set_variable_handler(p, on_variable);
	readstat_set_value_label_handler(p, on_value_label);
	readstat_set_value_handler(p, on_value);
	readstat_set_error_handler(p, on_error);
	/* Strings reach us as UTF-8 whatever the file's code page. */
	readstat_set_handler_character_encoding(p, "UTF-8");
	readstat_error_t rerr = readstat_parse_sav(p, path, &d);
	readstat_parser_free(p);

	int rc = 0;
	if (d.rc) {
		rc = -1; /* a case was wrong: on_case said where */
	} else if (rerr != READSTAT_OK) {
		if (rerr == READSTAT_ERROR_OPEN)
			rc = err_set(e, path, 0, "cannot open: %s", strerror(errno ? errno : ENOENT));
		else
			rc = err_set(e, path, 0, "not a readable SPSS .sav file (%s%s%s); expected an SPSS system file",
				     readstat_error_message(rerr), *d.rs_msg ? ": " : "", d.rs_msg);
	} else if (flush_case(&d)) {
		rc = -1;
	} else if (!l.mapped && map_dictionary(&d, &l)) {
		rc = -1; /* no cases: still report a wrong dictionary first */
	} else if (d.nrows < 1) {
		rc = err_set(e, path, 0, "no respondents; expected one case per respondent");
	} else {
		rc = survey_end_load(s, path, e);
	}
	survey_row_clear(s, &l.r);
	free(l.map);
	sav_data_free(&d);
	return rc;
}

/* ---------------------------------------------------------------- writing */

static ssize_t write_bytes(const void *data, size_t len, void *ctx)
{
	return fwrite(data, 1, len, ctx) == len ? (ssize_t)len : -1;
}

static int reserved_word(const char *n)
{
	static const char *const w[] = { "ALL", "AND", "BY", "EQ", "GE", "GT", "LE", "LT", "NE", "NOT", "OR", "TO", "WITH", NULL };
	for (int i = 0; w[i]; i++)
		if (!strcasecmp(n, w[i]))
			return 1;
	return 0;
}

/* An SPSS variable name for a column: letters, digits and '_', starting with
 * a letter, at most 64 bytes, not a reserved word, unique (SPSS compares
 * names without case) among names[0..n). */
static char *sav_name(const char *col, char *const *names, int n)
{
	char base[SAV_NAME_MAX + 1];
	size_t len = 0;
	if (!((*col >= 'a' && *col <= 'z') || (*col >= 'A' && *col <= 'Z')))
		base[len++] = 'v';
	for (const char *p = col; *p && len < SAV_NAME_MAX; p++) {
		char ch = *p;
		int ok = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '_';
		base[len++] = ok ? ch : '_';
	}
	base[len] = 0;
	if (reserved_word(base) && len < SAV_NAME_MAX) {
		base[len++] = '_';
		base[len] = 0;
	}
	for (int k = 1;; k++) {
		char *cand;
		if (k == 1)
			cand = xstrdup(base);
		else {
			char suf[16];
			int sl = snprintf(suf, sizeof suf, "_%d", k);
			size_t keep = len + (size_t)sl > SAV_NAME_MAX ? SAV_NAME_MAX - (size_t)sl : len;
			cand = xasprintf("%.*s%s", (int)keep, base, suf);
		}
		int clash = 0;
		for (int i = 0; i < n && !clash; i++)
			clash = !strcasecmp(names[i], cand);
		if (!clash)
			return cand;
		free(cand);
	}
}

/* A creation time that prints as 1 June 2013 12:00:00 (after the fieldwork of
 * April-May 2013). ReadStat formats the header date with localtime(), so a
 * fixed time_t would print differently per time zone; mktime() of the local
 * broken-down time makes the bytes the same everywhere. Noon is never in a
 * daylight-saving gap. */
static time_t fixed_timestamp(void)
{
	struct tm tm = { .tm_year = 2013 - 1900, .tm_mon = 5, .tm_mday = 1, .tm_hour = 12, .tm_isdst = -1 };
	return mktime(&tm);
}

/* Index of a question's scale in qn->scales (questionnaire.c points every
 * grid at an element of that array), or qn->nscales, a spare slot, for a
 * scale from elsewhere: compared as pointers, never subtracted. */
static int scale_index(const questionnaire *qn, const scale *sc)
{
	int i = 0;
	while (i < qn->nscales && &qn->scales[i] != sc)
		i++;
	return i;
}

static size_t max_len(const survey *s, int which, int col)
{
	size_t m = 1;
	for (int i = 0; i < s->nresp; i++) {
		const respondent *r = &s->resp[i];
		const char *v = which == 0 ? r->id : which == 1 ? r->gem->code : which == 2 ? r->functie : r->ans[col].text;
		size_t n = v ? strlen(v) : 0;
		if (n > m)
			m = n;
	}
	return m;
}

/* SPSS pads strings with spaces, so a trailing space cannot survive the
 * round trip (ReadStat trims it on reading). Refuse such a text rather than
 * write a file that loads differently from the CSV. */
static int check_trailing_space(const survey *s, const char *path, struct err *e)
{
	for (int i = 0; i < s->nresp; i++) {
		const respondent *r = &s->resp[i];
		for (int j = 0; j < 3 + s->ncols; j++) {
			const char *v = j == 0 ? r->id : j == 1 ? r->gem->code : j == 2 ? r->functie : r->ans[j - 3].text;
			size_t n = v ? strlen(v) : 0;
			if (!n || v[n - 1] != ' ')
				continue;
			char *col = j == 0 ? xstrdup("respondent") : j == 1 ? xstrdup("gemeentecode")
				  : j == 2 ? xstrdup("functie") : survey_column_name(s, j - 3);
			err_set(e, path, 0,
				"respondent %s (input line %ld), column %s: the text ends in a space, which an SPSS string cannot keep; expected no trailing spaces",
				r->id, r->line, col);
			free(col);
			return -1;
		}
	}
	return 0;
}

int responses_write_sav(const survey *s, const char *path, struct err *e)
{
	if (check_trailing_space(s, path, e))
		return -1;

	static const char *const fixed[3] = { "respondent", "gemeentecode", "functie" };
	int nv = 3 + s->ncols;
	char **names = xcalloc((size_t)nv, sizeof *names);
	char **cols = xcalloc((size_t)nv, sizeof *cols);
	readstat_variable_t **vars = xcalloc((size_t)nv, sizeof *vars);
	char *tmp = xasprintf("%s.tmp", path);
	FILE *f = NULL;
	int rc = 0;
	readstat_error_t rerr = READSTAT_OK;
	const char *what = NULL;

	readstat_writer_t *w = readstat_writer_init();
	if (!w) {
		rc = err_set(e, path, 0, "cannot start ReadStat");
		goto out;
	}
	readstat_set_data_writer(w, write_bytes);
	readstat_writer_set_compression(w, READSTAT_COMPRESS_ROWS);
	readstat_writer_set_file_timestamp(w, fixed_timestamp());
	/* the labels an SPSS user reads are terms (sav.*); the notes below are
	 * for the analyst and in English */
	readstat_writer_set_file_label(w, T("sav.bestandslabel"));
	/* Document record lines (at most 80 bytes each): the mapping, for whoever
	 * opens the file in SPSS. */
	readstat_add_note(w, "Each variable label is the column name in antwoorden.csv (vraag.item).");
	readstat_add_note(w, "Grid items: value labels are the category ids of the questionnaire scale.");
	readstat_add_note(w, "Mentions: 1 = mentioned, 0 = not. System missing = no answer.");

	/* One value label set per scale used by a grid: 1..k = category ids. */
	readstat_label_set_t **sets = xcalloc((size_t)s->qn->nscales + 1, sizeof *sets);
	for (int c = 0; c < s->ncols && !rc; c++) {
		const question *q = &s->qn->questions[s->cols[c].q];
		if (q->kind != Q_GRID)
			continue;
		int si = scale_index(s->qn, q->scale);
		if (sets[si])
			continue;
		sets[si] = readstat_add_label_set(w, READSTAT_TYPE_DOUBLE, q->scale->id);
		for (int k = 0; k < q->scale->ncat && !rc; k++) {
			if (strlen(q->scale->cats[k].id) > SAV_VALUE_LABEL_MAX)
				rc = err_set(e, path, 0, "category id '%s' of scale '%s' is longer than %d bytes; expected a shorter id for an SPSS value label",
					     q->scale->cats[k].id, q->scale->id, SAV_VALUE_LABEL_MAX);
			readstat_label_double_value(sets[si], k + 1, q->scale->cats[k].id);
		}
	}
	readstat_label_set_t *mention_set = readstat_add_label_set(w, READSTAT_TYPE_DOUBLE, "vermelding");
	readstat_label_double_value(mention_set, 0, T("sav.vermelding.niet_genoemd"));
	readstat_label_double_value(mention_set, 1, T("sav.vermelding.genoemd"));

	for (int j = 0; j < nv && !rc; j++) {
		cols[j] = j < 3 ? xstrdup(fixed[j]) : survey_column_name(s, j - 3);
		if (strlen(cols[j]) > SAV_LABEL_MAX) {
			rc = err_set(e, path, 0, "column '%s' is longer than %d bytes; expected a shorter name for an SPSS variable label",
				     cols[j], SAV_LABEL_MAX);
			break;
		}
		names[j] = sav_name(cols[j], names, j);
		const question *q = j < 3 ? NULL : &s->qn->questions[s->cols[j - 3].q];
		if (!q || q->kind == Q_OPEN) {
			size_t width = max_len(s, j < 3 ? j : 3, j - 3);
			if (width > SAV_STRING_MAX) {
				rc = err_set(e, path, 0, "an answer in column '%s' is longer than %d bytes; expected at most the SPSS string width",
					     cols[j], SAV_STRING_MAX);
				break;
			}
			vars[j] = readstat_add_variable(w, names[j], READSTAT_TYPE_STRING, width);
			readstat_variable_set_alignment(vars[j], READSTAT_ALIGNMENT_LEFT);
			/* no display width: ReadStat would make it the print format's
			 * width, and SPSS wants An with n the string's width */
		} else {
			vars[j] = readstat_add_variable(w, names[j], READSTAT_TYPE_DOUBLE, 0);
			readstat_variable_set_format(vars[j], "F1.0");
			readstat_variable_set_alignment(vars[j], READSTAT_ALIGNMENT_RIGHT);
			readstat_variable_set_display_width(vars[j], 8);
			if (q->kind == Q_GRID) {
				readstat_variable_set_label_set(vars[j], sets[scale_index(s->qn, q->scale)]);
				readstat_variable_set_measure(vars[j], READSTAT_MEASURE_ORDINAL);
			} else {
				readstat_variable_set_label_set(vars[j], mention_set);
				readstat_variable_set_measure(vars[j], READSTAT_MEASURE_NOMINAL);
			}
		}
		if (!q || q->kind == Q_OPEN)
			readstat_variable_set_measure(vars[j], READSTAT_MEASURE_NOMINAL);
		readstat_variable_set_label(vars[j], cols[j]);
	}
	free(sets);
	if (rc)
		goto out;

	f = fopen(tmp, "wb");
	if (!f) {
		rc = err_set(e, tmp, 0, "cannot create: %s", strerror(errno));
		goto out;
	}
	what = "begin";
	rerr = readstat_begin_writing_sav(w, f, s->nresp);
	if (rerr == READSTAT_OK) {
		what = "dictionary";
		rerr = readstat_validate_metadata(w);
	}
	for (int j = 0; j < nv && rerr == READSTAT_OK; j++)
		rerr = readstat_validate_variable(w, vars[j]);
	for (int i = 0; i < s->nresp && rerr == READSTAT_OK; i++) {
		const respondent *r = &s->resp[i];
		what = "case";
		rerr = readstat_begin_row(w);
		const char *fix[3] = { r->id, r->gem->code, r->functie ? r->functie : "" };
		for (int j = 0; j < nv && rerr == READSTAT_OK; j++) {
			if (j < 3) {
				rerr = readstat_insert_string_value(w, vars[j], fix[j]);
				continue;
			}
			const answer *a = &r->ans[j - 3];
			const question *q = &s->qn->questions[s->cols[j - 3].q];
			if (q->kind == Q_OPEN)
				rerr = readstat_insert_string_value(w, vars[j], a->text ? a->text : "");
			else if (a->cat < 0)
				rerr = readstat_insert_missing_value(w, vars[j]);
			else /* grids: code k+1 for category k; mentions: 0/1 as they are */
				rerr = readstat_insert_double_value(w, vars[j], q->kind == Q_GRID ? a->cat + 1 : a->cat);
		}
		if (rerr == READSTAT_OK)
			rerr = readstat_end_row(w);
	}
	if (rerr == READSTAT_OK) {
		what = "end";
		rerr = readstat_end_writing(w);
	}
	if (rerr != READSTAT_OK) {
		rc = err_set(e, path, 0, "ReadStat could not write the %s: %s", what, readstat_error_message(rerr));
		goto out;
	}
	if (fclose(f) != 0) {
		f = NULL;
		rc = err_set(e, tmp, 0, "cannot write: %s", strerror(errno));
		goto out;
	}
	f = NULL;
	/* Replace the old file only when the new one is complete. */
	if (rename(tmp, path) != 0)
		rc = err_set(e, path, 0, "cannot replace with %s: %s", tmp, strerror(errno));
out:
	if (f) {
		fclose(f);
		remove(tmp);
	} else if (rc)
		remove(tmp);
	if (w)
		readstat_writer_free(w);
	for (int j = 0; j < nv; j++) {
		free(names[j]);
		free(cols[j]);
	}
	free(names);
	free(cols);
	free(vars);
	free(tmp);
	return rc;
}
