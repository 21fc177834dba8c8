/* survey.h: the survey as the generator knows it after loading and
 * validation: questionnaire (questions, items, scales), the municipality
 * register, and the respondents with their answers.
 *
 * Loading (questionnaire.c, register.c, responses_csv.c, responses_sav.c)
 * checks everything against everything else, so later stages can trust the
 * data: every answer is a category id of its question's scale, every
 * gemeentecode is in the register, every column names a question item. */
#ifndef SURVEY_H
#define SURVEY_H

#include <stddef.h>
#include "util.h"

/* Limits on untrusted input, checked where it is read, each an input error
 * with file:line (docs/operators.md, "Untrusted input"): the characters of one open
 * answer; the items of one question (the bars or lines of one chart); the
 * categories of one scale; the characters of one label (item, category,
 * kort) and of a question's wording, caption or the questionnaire's note. */
#define SURVEY_MAX_ANSWER 10000
#define SURVEY_MAX_ITEMS 60
#define SURVEY_MAX_CATEGORIES 12
#define SURVEY_MAX_LABEL 500
#define SURVEY_MAX_TEXT 2000

/* The breakdown of the gemeenten ("indeling" in templates/rapport.xml,
 * docs/templates.md): the classes of a numeric register column between
 * bounds (the 2013 population classes) or the values of a categorical one
 * (stedelijkheid), each a group of every table, expression and audit. */
#define SC_MAX 8      /* classes */
#define SC_UNIONS 16  /* named unions of classes */
typedef struct {
	char *id;      /* in expressions: pct(vraag.item.ja@lt20k) */
	char *csv;     /* in cijfers.csv and codeboek.csv: "<20k" */
	char *label;   /* for readers: "minder dan 20.000 inwoners" */
	double below;  /* numeric: the class holds values < below (the last: HUGE_VAL) */
	char *value;   /* categorical: the register's value */
} breakdown_class;

typedef struct {
	char *id;      /* "lt50k" */
	int n;
	int classes[SC_MAX];
} breakdown_union;

typedef struct {
	char *column;  /* the register column: "inwoners" */
	char *name;    /* the word for one class, in headings: "grootteklasse" */
	int categorical;
	int n;
	breakdown_class c[SC_MAX];
	int nunion;
	breakdown_union u[SC_UNIONS];
} breakdown;

/* The breakdown of a report that declares none: the 2013 report's four
 * classes of inwoners (<20k, 20-50k, 50-100k, 100k+) and their unions. */
void breakdown_default(breakdown *b);
void breakdown_copy(breakdown *dst, const breakdown *src);
void breakdown_free(breakdown *b);

typedef struct {
	char *id;
	char *label;
	int substantive; /* 0 for "weet niet" */
} category;

typedef struct {
	char *id;
	int ncat;
	category *cats;
} scale;

enum unit { UNIT_GEMEENTE, UNIT_RESPONDENT };
enum qkind { Q_GRID, Q_MENTIONS, Q_OPEN };
enum wn_rule { WN_NONE, WN_SHOWN, WN_OUT_OF_BASE };

typedef struct {
	char *id;
	char *label;     /* as published in the figure */
	char *short_label; /* for running text; falls back to label */
	int in_figure;
} item;

typedef struct {
	char *id;
	char *figure;    /* "2.2", or "tekst" */
	char *text;      /* question wording */
	char *caption;   /* figure caption as published, may be NULL */
	enum unit unit;
	enum qkind kind;
	enum wn_rule wn;
	int max;         /* mentions: at most this many per respondent; 0 = no limit */
	const scale *scale; /* grids */
	int nitems;
	item *items;
	long line;       /* line in vragenlijst.xml, for messages */
} question;

typedef struct {
	char *title;
	char *note;
	int nscales;
	scale *scales;
	int nquestions;
	question *questions;
} questionnaire;

typedef struct {
	char *code;      /* "GM0363" */
	char *name;
	char *province;  /* as in the register: "Friesland", "Noord-Holland" */
	long inwoners;
	int sc;          /* its class of the registry's breakdown */
} gemeente;

typedef struct {
	int n;
	gemeente *g;
	char *source;    /* path, for messages */
	/* the areas (provinces) as the register spells them, each once, NULL
	 * after the last: the conventional order of Dutch statistics first
	 * (register.c), any other area after them in register order */
	char **areas;
	long *area_line; /* the first register line of each area */
	int nareas;
	char *area_column; /* the register column the areas come from: "provincie" */
	breakdown bd;    /* the classes of sc */
} registry;
/* At most this many areas: the disclosure audit (gen/numbers/disclosure.c)
 * eliminates modulo a prime that is exact only for 0/1 matrices up to this
 * order (Hadamard's bound), and keeps an area set in an unsigned's bits. */
#define REGISTRY_MAX_AREAS 12

/* One answer cell. Grids: index into the scale's categories, or -1 for no
 * answer. Mentions: 1 or 0 (-1 for no answer). Open: text or NULL. */
typedef struct {
	int cat;
	char *text;
} answer;

typedef struct {
	char *id;
	const gemeente *gem;
	char *functie;
	answer *ans;     /* one per column of the survey's column map */
	long line;       /* line in the input, for messages */
} respondent;

/* Where a question item lives in a respondent's answer array. */
typedef struct {
	int q, item;     /* item -1 for an open question */
} column;

/* The respondent ids seen so far, to find a duplicate in linear time:
 * open addressing over one arena of (line, id) entries (survey.c), about
 * 20 bytes per respondent where a GHashTable of strdup'd keys would need 60
 * or more, and a slot table small enough to stay in cache longer. */
typedef struct {
	char *arena;
	size_t arena_len, arena_cap;
	unsigned *slot;  /* arena offsets; 0 = empty (the arena starts with a pad byte) */
	size_t nslot, nused;
} idset;

/* One open answer as kept for the report (survey_open_foreach). */
typedef struct {
	int gem;         /* index in the register */
	int q;           /* question index */
	long line;       /* line in the input */
	const char *text;
} open_answer;

/* Loading does not keep the respondents: every row is checked, then folded
 * into per-gemeente counts (`tally`), so memory depends on gemeenten x items
 * x categories, not on rows. Open answers go to an unlinked temporary file
 * and are read back per edition. Only sav-export and tests that need the
 * rows themselves set keep_rows before loading. */
typedef struct {
	questionnaire *qn;
	registry *reg;
	int ncols;
	column *cols;    /* in questionnaire order: every grid/mention item, every open question */
	/* tally[(g * ncols + c) * tw + k]: respondents of register gemeente g
	 * whose answer in column c is category k (grids), k = 0/1 not
	 * mentioned/mentioned (mentions), k = 0 answered (open questions) */
	int tw;
	int *tally;
	long *gem_resp;  /* respondents per register gemeente */
	long respondents;/* rows loaded */
	idset ids;       /* during loading */
	FILE *open_file; /* open answers: (gem, q, line, len, text) records */
	long open_n;
	int keep_rows;   /* also keep every respondent in resp[] */
	int nresp;       /* respondents in resp[] (0 unless keep_rows) */
	respondent *resp;
} survey;
/* questionnaire.c */
questionnaire *questionnaire_load(const char *xml_path, const char *rng_path, struct err *e);
void questionnaire_free(questionnaire *qn);
const question *questionnaire_find(const questionnaire *qn, const char *id);
int question_find_item(const question *q, const char *id);
int scale_find_cat(const scale *s, const char *id);

/* register.c */
registry *registry_load(const char *csv_path, struct err *e);
/* The same with the report's breakdown (NULL: breakdown_default); a value
 * of a categorical column that is no class is an error at its line. */
registry *registry_load_with(const char *csv_path, const breakdown *bd, struct err *e);
/* The same with the areas taken from another register column than
 * provincie (<uitgaven kolom="regio"> in rapport.xml; NULL: provincie);
 * gemeente.province then holds that column's value. */
registry *registry_load_areas(const char *csv_path, const breakdown *bd, const char *area_column, struct err *e);
/* A class of the register's breakdown: its id in cijfers.csv, its label. */
const char *registry_class_csv(const registry *r, int c);
const char *registry_class_label(const registry *r, int c);
void registry_free(registry *r);
const gemeente *registry_find(const registry *r, const char *code);
/* variant slug of a province: "Noord-Holland" -> "noord-holland" */
char *province_slug(const char *province);

/* survey.c: column map and lookups shared by the CSV and SAV readers */
survey *survey_new(questionnaire *qn, registry *reg);
void survey_free(survey *s); /* frees respondents, not qn/reg */
/* Column index of "question.item" (or "question" for open), or -1. */
int survey_column(const survey *s, const char *name);
/* Every question item and open question has a column: map[j] is the survey
 * column of input column j (-1 for none). A missing one would be charted as
 * nobody's answer, so it is an error at path:line (the header), naming the
 * question's line in the questionnaire. */
int survey_check_columns(const survey *s, const int *map, int nmap, const char *path, long line, struct err *e);
char *survey_column_name(const survey *s, int col);
int survey_col_of(const survey *s, int q, int item);
/* Takes one loaded and checked row: checks its id is new (-1 with e set at
 * the second occurrence), folds it into the tallies and the open answers,
 * and keeps it when s->keep_rows (taking over its strings; otherwise the
 * caller keeps them). Readers call survey_end_load when all rows are in. */
int survey_add(survey *s, respondent *r, const char *path, struct err *e);
int survey_end_load(survey *s, const char *path, struct err *e);
/* The row a reader fills: survey_row_next readies r for the next row,
 * reusing its answer array (all answers "none"; survey_add may have taken
 * the row and left r empty); survey_row_clear frees what r holds. */
void survey_row_next(const survey *s, respondent *r);
void survey_row_clear(const survey *s, respondent *r);
/* Calls cb for every open answer of question q (all questions when q < 0)
 * in input order; stops at a non-zero return and gives it back. */
int survey_open_foreach(const survey *s, int q, int (*cb)(const open_answer *a, void *ctx), void *ctx);
/* Register index of a gemeente of s->reg. */
int survey_gem_index(const survey *s, const gemeente *g);

/* responses_csv.c: antwoorden.csv (comma or semicolon, optional BOM) */
int responses_load_csv(survey *s, const char *path, struct err *e);
/* A respondent mentions no more items than the question's max. */
int responses_check_max(const survey *s, const respondent *r, const char *path, struct err *e);
/* responses_sav.c: the same data from an SPSS .sav through ReadStat */
int responses_load_sav(survey *s, const char *path, struct err *e);
/* responses_sav.c: writes the survey as .sav with value labels */
int responses_write_sav(const survey *s, const char *path, struct err *e);

/* A subset of the respondents: a variant (all, or one province), as the
 * register gemeenten of its area that have respondents. */
typedef struct {
	const survey *s;
	int n;           /* respondents */
	int ngem;
	int *gem;        /* register indices of the responding gemeenten, register order */
	char *slug;      /* "nederland", "gelderland" */
	char *area;      /* "Nederland", "Gelderland" */
	char *province;  /* NULL for the whole country or an area of several provinces */
	int nprov;       /* provinces of the area; 0 for the whole country */
	char **provinces;
} variant;

/* "nederland" or a province slug; NULL if the slug names no area. */
variant *variant_new(const survey *s, const char *slug);
/* An area of provinces (spelled as in the register; none: the whole
 * country), e.g. Oost-Nederland = Overijssel, Flevoland, Gelderland.
 * NULL if a province is unknown. */
variant *variant_new_area(const survey *s, const char *slug, const char *area, const char *const *provs, int nprov);
/* Is the province (as the register spells it) in the variant's area? */
int variant_has_province(const variant *v, const char *province);

void variant_free(variant *v);

#endif
