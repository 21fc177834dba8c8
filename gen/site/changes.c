/* changes.c: the account of what changed since the previous publication of
 * an edition (see changes.h). Numbers are matched on figure, item, category
 * and group; statements and chosen wordings on their template file, line,
 * kind and number on that line. Output: wijzigingen.txt, wijzigingen.html
 * and a summary on stderr, all from the same comparison. */
#include "terms.h"
#include "changes.h"
#include "csvwrite.h"
#include "text.h"
#include "csvread.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The branch a wording took, as beweringen.csv records it: "als K",
 * "anders", "geen". Words of the record's format, kept whatever the
 * report's language, so a record compares with the one before it; the
 * account shows them in the report's words (branch_words). */
#define BRANCH_IF "als"
#define BRANCH_ELSE "anders"
#define BRANCH_NONE "geen"

int claims_write_csv(const doc *d, const char *path)
{
	strbuf b;
	sb_init(&b);
	/* internal (out.state, read back by the next run, never published):
	 * written as it is, not neutralised */
	csv_writer cw, *w = &cw;
	csvw_init(w, &b, "\n", 0);
	csvw_texts(w, "bestand", "regel", "soort", "nr", "klopt", "keuze", "tekst", "test", "waarden", (const char *)NULL);
	csvw_end(w);
	for (int i = 0; i < d->nclaims; i++) {
		const doc_claim *k = &d->claims[i];
		/* nr: the how-manieth of its kind on that template line */
		int nr = 1;
		for (int j = 0; j < i; j++)
			nr += d->claims[j].line == k->line && d->claims[j].kind == k->kind &&
			      !strcmp(d->claims[j].file, k->file);
		int choice = k->kind == DOC_CLAIM_CHOICE;
		csvw_text(w, k->file);
		csvw_num(w, "%d", k->line);
		csvw_text(w, choice ? "keuze" : "bewering");
		csvw_num(w, "%d", nr);
		csvw_text(w, choice ? "" : k->holds < 0 ? "overgeslagen" : k->holds ? "ja" : "nee");
		char branch[32];
		if (choice && k->branch > 0)
			snprintf(branch, sizeof branch, "%s %d", BRANCH_IF, k->branch);
		else
			snprintf(branch, sizeof branch, "%s", !choice ? "" : k->branch == 0 ? BRANCH_ELSE : BRANCH_NONE);
		csvw_text(w, branch);
		csvw_text(w, k->text ? k->text : "");
		csvw_text(w, k->test ? k->test : "");
		csvw_text(w, k->values ? k->values : "");
		csvw_end(w);
	}
	int rc = write_file(path, b.s, b.len);
	sb_free(&b);
	return rc;
}

int totals_write_csv(const stats *st, const char *path)
{
	long pct = st->register_n ? round_half_up(100.0 * st->gemeenten / st->register_n) : 0;
	char *s = xasprintf("naam,waarde\nrespondenten,%d\ngemeenten,%d\nregister,%d\nrespons,%ld%%\n",
			    st->respondents, st->gemeenten, st->register_n, pct);
	int rc = write_file(path, s, strlen(s));
	free(s);
	return rc;
}

/* ------------------------------------------------------------ reading back */

/* One row of a table read back, with its key and its fields in the current
 * column order (older beweringen.csv files are mapped onto it). */
typedef struct {
	char *key;
	const char *f[9];
} rec;

typedef struct {
	csv_table *t;
	int n;
	rec *r;       /* in file order */
	rec **sorted; /* by key, for lookup */
} keyed;

static int rec_cmp(const void *a, const void *b)
{
	return strcmp((*(rec *const *)a)->key, (*(rec *const *)b)->key);
}

static char *join_key(const char *const *f, int nkey)
{
	strbuf b;
	sb_init(&b);
	for (int i = 0; i < nkey; i++)
		sb_printf(&b, "%s%s", i ? "\x1f" : "", f[i] ? f[i] : "");
	return sb_take(&b);
}

/* kind 'c': cijfers.csv (key: first 4 fields); 'b': beweringen.csv (key:
 * bestand, regel, soort, nr); 't': totalen.csv (key: naam). */
static int load(const char *dir, const char *name, int kind, keyed *k, struct err *e)
{
	memset(k, 0, sizeof *k);
	if (!dir)
		return 0;
	char *p = xasprintf("%s/%s", dir, name);
	if (access(p, R_OK)) {
		free(p);
		return 0;
	}
	k->t = csv_read(p, e);
	free(p);
	if (!k->t)
		return -1;
	const csv_row *h = &k->t->rows[0];
	int old_claims = kind == 'b' && h->nf >= 3 && !strcmp(h->f[2], "nr");
	k->r = xcalloc((size_t)k->t->nrows, sizeof *k->r);
	for (int i = 1; i < k->t->nrows; i++) {
		const csv_row *row = &k->t->rows[i];
		rec *r = &k->r[k->n];
		memset(r, 0, sizeof *r);
		for (int j = 0; j < 9 && j < row->nf; j++)
			r->f[j] = row->f[j];
		if (old_claims) {
			/* bestand,regel,nr,klopt,bewering (before choices were recorded) */
			if (row->nf < 5)
				continue;
			const char *of[9] = { row->f[0], row->f[1], "bewering", row->f[2], row->f[3], "", row->f[4], "", "" };
			memcpy(r->f, of, sizeof of);
		}
		int nkey = kind == 'c' ? 4 : kind == 'b' ? 4 : 1;
		int need = kind == 'c' ? 7 : kind == 'b' ? 9 : 2;
		int have = 0;
		while (have < 9 && r->f[have])
			have++;
		if (have < need)
			continue;
		r->key = join_key(r->f, nkey);
		k->n++;
	}
	k->sorted = xcalloc((size_t)k->n + 1, sizeof *k->sorted);
	for (int i = 0; i < k->n; i++)
		k->sorted[i] = &k->r[i];
	qsort(k->sorted, (size_t)k->n, sizeof *k->sorted, rec_cmp);
	return 0;
}

static const rec *find(const keyed *k, const char *key)
{
	if (!k->n)
		return NULL;
	rec probe = { .key = (char *)key };
	rec *pp = &probe;
	rec **hit = bsearch(&pp, k->sorted, (size_t)k->n, sizeof *k->sorted, rec_cmp);
	return hit ? *hit : NULL;
}

static void unload(keyed *k)
{
	for (int i = 0; i < k->n; i++)
		free(k->r[i].key);
	free(k->r);
	free(k->sorted);
	csv_table_free(k->t);
}

/* ------------------------------------------------------------ writing */

/* The two renderings grow side by side: txt for the person who regenerates,
 * html for the site's readers. */
typedef struct {
	strbuf txt, html, part_txt, part_html;
} report;

static void add_html(strbuf *b, const char *fmt_esc_pairs[], int n)
{
	/* pairs: literal markup, then text to escape, ... */
	for (int i = 0; i < n; i++) {
		if (!fmt_esc_pairs[i])
			continue;
		if (i % 2)
			markup_esc(b, fmt_esc_pairs[i]);
		else
			sb_add(b, fmt_esc_pairs[i]);
	}
}

/* cijfers.csv's group "totaal" (all respondents) in the report's words;
 * another group is a value of the data, shown as it is */
static const char *group_words(const char *g)
{
	return !strcmp(g, "totaal") ? T("wijzigingen.groep.totaal") : g;
}

/* A recorded branch ("als 2", "anders", "geen") in the report's words;
 * malloc'd. */
static char *branch_words(const char *b)
{
	size_t il = strlen(BRANCH_IF);
	if (!strncmp(b, BRANCH_IF, il) && b[il] == ' ')
		return TF("wijzigingen.tak.als", b + il + 1);
	if (!strcmp(b, BRANCH_ELSE))
		return xstrdup(T("wijzigingen.tak.anders"));
	if (!strcmp(b, BRANCH_NONE))
		return xstrdup(T("wijzigingen.tak.geen"));
	return xstrdup(b);
}

/* A label of wijzigingen.txt: the word and a colon, padded with spaces to
 * width characters, so the entries after it line up. */
static void txt_label(strbuf *b, const char *word, int width)
{
	size_t start = b->len;
	sb_add(b, word);
	sb_addc(b, ':');
	int chars = 0;
	for (size_t i = start; i < b->len; i++)
		chars += ((unsigned char)b->s[i] & 0xC0) != 0x80;
	for (; chars < width; chars++)
		sb_addc(b, ' ');
}

/* The column the entries after a set of labels start in: the widest
 * label and its colon, in characters. Computed from the terms, so the
 * columns line up in any wording of the term list. */
static int label_width(const char *const *ids)
{
	int w = 0;
	for (; *ids; ids++) {
		int chars = 1; /* the colon */
		for (const char *p = T(*ids); *p; p++)
			chars += ((unsigned char)*p & 0xC0) != 0x80;
		if (chars > w)
			w = chars;
	}
	return w;
}

/* The labels of a number's or a wording's line, of a statement's line, and
 * of the was/nu pair under a changed wording: each set lines up. */
static const char *const entry_labels[] = { "wijzigingen.nieuw", "wijzigingen.gewijzigd", "wijzigingen.vervallen",
					    NULL };
static const char *const claim_labels[] = { "wijzigingen.klopt_niet_meer", "wijzigingen.klopt_weer",
					    "wijzigingen.andere_tekst", "wijzigingen.nieuw",
					    "wijzigingen.vervallen", NULL };
static const char *const was_labels[] = { "wijzigingen.was", "wijzigingen.nu", NULL };

/* n spaces, for the lines that continue an entry under its text */
static char *spaces(int n)
{
	char *s = xmalloc((size_t)n + 1);
	memset(s, ' ', (size_t)n);
	s[n] = 0;
	return s;
}

/* The start of a line of wijzigingen.txt for a number or a wording:
 * "  nieuw:     " */
static void txt_entry(strbuf *b, const char *label_id)
{
	sb_add(b, "  ");
	txt_label(b, T(label_id), label_width(entry_labels));
	sb_addc(b, ' ');
}

/* "78.5" -> "78,5" for the readers' page (cijfers.csv keeps the point) */
static char *nl_num(const char *v)
{
	char *s = xstrdup(v);
	for (char *p = s; *p; p++)
		if (*p == '.')
			*p = ',';
	return s;
}

/* "figuur 2.2, zelfbeheer, ja, totaal" */
static char *describe_number(const rec *r)
{
	return TF("wijzigingen.getal.wat", r->f[0], r->f[1], r->f[2], group_words(r->f[3]));
}

/* Withheld by the disclosure decision (cijfers.csv: reden, or no procent). */
static int withheld(const rec *r)
{
	return (r->f[7] && *r->f[7]) || !r->f[6] || !*r->f[6];
}

/* A row of the readers' table: number, percentage, count, base. */
static void html_row(report *rp, const char *what, const char *pct, const char *cnt, const char *n)
{
	const char *h[] = { "<tr><td>", what, "</td><td>", pct, "</td><td>", cnt, "</td><td>", n, "</td></tr>\n", NULL };
	add_html(&rp->part_html, h, 9);
}

/* The account never prints a number the current publication withholds
 * (disclosure.h): such a row reads "x (niet vermeld)"
 * (wijzigingen.getal.weggelaten), without its old values either; an old
 * value that was withheld reads "x". */
static void numbers(report *rp, const keyed *on, const keyed *nn, change_counts *cc)
{
	for (int i = 0; i < nn->n; i++) {
		const rec *r = &nn->r[i];
		const rec *o = find(on, r->key);
		char *what = describe_number(r);
		int wn = withheld(r);
		if (!o) {
			cc->numbers_added++;
			char *h = xasprintf("%s (%s)", what, T("wijzigingen.nieuw"));
			if (wn) {
				txt_entry(&rp->part_txt, "wijzigingen.nieuw");
				sb_printf(&rp->part_txt, "%s: %s\n", what, T("wijzigingen.getal.weggelaten"));
				html_row(rp, h, "x", "x", "x");
			} else {
				char *v = TF("wijzigingen.getal.nieuw", r->f[6], r->f[4], r->f[5]);
				txt_entry(&rp->part_txt, "wijzigingen.nieuw");
				sb_printf(&rp->part_txt, "%s: %s\n", what, v);
				free(v);
				char *cnt = nl_num(r->f[4]), *pct = xasprintf("%s%%", r->f[6]);
				html_row(rp, h, pct, cnt, r->f[5]);
				free(cnt);
				free(pct);
			}
			free(h);
		} else if (strcmp(o->f[4], r->f[4]) || strcmp(o->f[5], r->f[5]) || strcmp(o->f[6], r->f[6]) ||
			   withheld(o) != wn) {
			/* count, base or percentage: a count can change while n and
			 * the rounded percentage do not (78 -> 78.5 at n=117, 67%) */
			cc->numbers_changed++;
			if (wn) {
				txt_entry(&rp->part_txt, "wijzigingen.gewijzigd");
				sb_printf(&rp->part_txt, "%s: %s\n", what, T("wijzigingen.getal.nu_weggelaten"));
				html_row(rp, what, T("wijzigingen.getal.nu_weggelaten"), "x", "x");
			} else {
				int wo = withheld(o);
				const char *op = wo ? "x" : o->f[6], *oc = wo ? "x" : o->f[4], *onb = wo ? "x" : o->f[5];
				char *opct = xasprintf("%s%s", op, wo ? "" : "%");
				char *v = TF("wijzigingen.getal.gewijzigd", opct, r->f[6], oc, r->f[4], onb, r->f[5]);
				txt_entry(&rp->part_txt, "wijzigingen.gewijzigd");
				sb_printf(&rp->part_txt, "%s: %s\n", what, v);
				free(v);
				free(opct);
				char *pct = xasprintf("%s%s \xE2\x86\x92 %s%%", op, wo ? "" : "%", r->f[6]);
				char *ocn = nl_num(oc), *ncn = nl_num(r->f[4]);
				char *cnt = xasprintf("%s \xE2\x86\x92 %s", ocn, ncn);
				char *n = xasprintf("%s \xE2\x86\x92 %s", onb, r->f[5]);
				html_row(rp, what, pct, cnt, n);
				free(ocn);
				free(ncn);
				free(pct);
				free(cnt);
				free(n);
			}
		}
		free(what);
	}
	for (int i = 0; i < on->n; i++) {
		const rec *o = &on->r[i];
		if (find(nn, o->key))
			continue;
		cc->numbers_removed++;
		char *what = describe_number(o);
		char *h = xasprintf("%s (%s)", what, T("wijzigingen.vervallen"));
		if (withheld(o)) {
			txt_entry(&rp->part_txt, "wijzigingen.vervallen");
			sb_printf(&rp->part_txt, "%s %s\n", what, T("wijzigingen.getal.was_weggelaten"));
			html_row(rp, h, "x", "x", "x");
		} else {
			char *v = TF("wijzigingen.getal.was", o->f[6], o->f[4], o->f[5]);
			txt_entry(&rp->part_txt, "wijzigingen.vervallen");
			sb_printf(&rp->part_txt, "%s %s\n", what, v);
			free(v);
			char *cnt = nl_num(o->f[4]), *pct = xasprintf("%s%%", o->f[6]);
			html_row(rp, h, pct, cnt, o->f[5]);
			free(cnt);
			free(pct);
		}
		free(h);
		free(what);
	}
}

static const char *total_names[] = { "respondenten", "gemeenten", "register", "respons", NULL };
static const char *total_words[] = { "wijzigingen.totaal.respondenten", "wijzigingen.totaal.gemeenten",
				     "wijzigingen.totaal.register", "wijzigingen.totaal.respons", NULL };

static void totals(report *rp, const keyed *ot, const keyed *nt, int have_old, change_counts *cc)
{
	for (int i = 0; total_names[i]; i++) {
		const rec *r = find(nt, total_names[i]);
		const rec *o = find(ot, total_names[i]);
		if (!r)
			continue;
		if (o && !strcmp(o->f[1], r->f[1]))
			continue;
		if (!o && !have_old)
			continue;
		cc->totals_changed++;
		char *change = o ? xasprintf("%s -> %s", o->f[1], r->f[1])
				 : TF("wijzigingen.totaal.niet_bewaard", r->f[1]);
		sb_printf(&rp->part_txt, "  %s: %s\n", T(total_words[i]), change);
		char *hc = o ? xasprintf("%s \xE2\x86\x92 %s", o->f[1], r->f[1]) : xstrdup(change);
		const char *h[] = { "<li>", T(total_words[i]), ": ", hc, "</li>\n", NULL };
		add_html(&rp->part_html, h, 5);
		free(hc);
		free(change);
	}
}

/* "templates/2-vormen.xml:30" */
static char *where(const rec *r)
{
	return xasprintf("%s:%s", r->f[0], r->f[1]);
}

/* "op: 48%, 31%": the values a statement or wording was tested on */
static void txt_values(strbuf *b, const char *indent, const rec *r)
{
	if (r->f[8] && *r->f[8])
		sb_printf(b, "%s%s: %s\n", indent, T("wijzigingen.op"), r->f[8]);
}

static void statements(report *rp, const keyed *oc, const keyed *nc, change_counts *cc)
{
	for (int i = 0; i < nc->n; i++) {
		const rec *r = &nc->r[i];
		if (strcmp(r->f[2], "bewering"))
			continue;
		const rec *o = find(oc, r->key);
		char *w = where(r);
		const char *label = NULL;
		if (!o) {
			cc->claims_added++;
			label = T("wijzigingen.nieuw");
		} else if (strcmp(o->f[4], r->f[4])) {
			int broken = !strcmp(r->f[4], "nee");
			broken ? cc->claims_broken++ : cc->claims_restored++;
			label = T(broken ? "wijzigingen.klopt_niet_meer" : "wijzigingen.klopt_weer");
		} else if (strcmp(o->f[6], r->f[6])) {
			cc->claims_reworded++;
			label = T("wijzigingen.andere_tekst");
		}
		if (label) {
			int reworded = o && strcmp(o->f[6], r->f[6]);
			int width = label_width(claim_labels);
			char *under = spaces(2 + width + 1);
			sb_add(&rp->part_txt, "  ");
			txt_label(&rp->part_txt, label, width);
			sb_printf(&rp->part_txt, " %s \"%s\"\n", w, r->f[6]);
			if (reworded)
				sb_printf(&rp->part_txt, "%s%s \"%s\"\n", under, T("wijzigingen.was"), o->f[6]);
			txt_values(&rp->part_txt, under, r);
			free(under);
			const char *h[] = { "<li><strong>", label, ":</strong> \xE2\x80\x9C", r->f[6], "\xE2\x80\x9D", NULL,
					    reworded ? " (" : NULL, reworded ? T("wijzigingen.was") : NULL,
					    reworded ? " \xE2\x80\x9C" : NULL, reworded ? o->f[6] : NULL,
					    reworded ? "\xE2\x80\x9D)" : NULL, NULL, "</li>\n" };
			add_html(&rp->part_html, h, 13);
		}
		free(w);
	}
	for (int i = 0; i < oc->n; i++) {
		const rec *o = &oc->r[i];
		if (strcmp(o->f[2], "bewering") || find(nc, o->key))
			continue;
		cc->claims_removed++;
		char *w = where(o);
		sb_add(&rp->part_txt, "  ");
		txt_label(&rp->part_txt, T("wijzigingen.vervallen"), label_width(claim_labels));
		sb_printf(&rp->part_txt, " %s \"%s\"\n", w, o->f[6]);
		const char *h[] = { "<li><strong>", T("wijzigingen.vervallen"), ":</strong> \xE2\x80\x9C", o->f[6],
				    "\xE2\x80\x9D</li>\n" };
		add_html(&rp->part_html, h, 5);
		free(w);
	}
}

/* Wordings compared with every number in them collapsed ("48%" and "31%"
 * both "#%"): a number that changed is listed under the numbers; a wording
 * is listed when the words changed (another branch, another item on top,
 * "twee derde" instead of "drie kwart"). */
static int same_wording(const char *a, const char *b)
{
	for (;;) {
		int da = *a >= '0' && *a <= '9', db = *b >= '0' && *b <= '9';
		if (da != db)
			return 0;
		if (da) {
			while ((*a >= '0' && *a <= '9') || ((*a == '.' || *a == ',') && a[1] >= '0' && a[1] <= '9'))
				a++;
			while ((*b >= '0' && *b <= '9') || ((*b == '.' || *b == ',') && b[1] >= '0' && b[1] <= '9'))
				b++;
			continue;
		}
		if (*a != *b)
			return 0;
		if (!*a)
			return 1;
		a++;
		b++;
	}
}

static void choices(report *rp, const keyed *oc, const keyed *nc, change_counts *cc)
{
	for (int i = 0; i < nc->n; i++) {
		const rec *r = &nc->r[i];
		if (strcmp(r->f[2], "keuze"))
			continue;
		const rec *o = find(oc, r->key);
		char *w = where(r);
		if (!o) {
			cc->choices_added++;
			txt_entry(&rp->part_txt, "wijzigingen.nieuw");
			sb_printf(&rp->part_txt, "%s \"%s\"\n", w, r->f[6]);
			char *under = spaces(2 + label_width(entry_labels) + 1);
			txt_values(&rp->part_txt, under, r);
			free(under);
			const char *h[] = { "<li><strong>", T("wijzigingen.nieuw"), ":</strong> \xE2\x80\x9C", r->f[6],
					    "\xE2\x80\x9D</li>\n" };
			add_html(&rp->part_html, h, 5);
		} else if (strcmp(o->f[5], r->f[5]) || !same_wording(o->f[6], r->f[6])) {
			cc->choices_changed++;
			char *ob = branch_words(o->f[5]), *nb = branch_words(r->f[5]);
			char *took = xasprintf("(%s -> %s)", ob, nb);
			txt_entry(&rp->part_txt, "wijzigingen.gewijzigd");
			sb_printf(&rp->part_txt, "%s %s\n", w, took);
			free(took);
			free(ob);
			free(nb);
			int ww = label_width(was_labels);
			char *under = spaces(4 + ww + 1);
			sb_add(&rp->part_txt, "    ");
			txt_label(&rp->part_txt, T("wijzigingen.was"), ww);
			sb_printf(&rp->part_txt, " \"%s\"\n", o->f[6]);
			txt_values(&rp->part_txt, under, o);
			sb_add(&rp->part_txt, "    ");
			txt_label(&rp->part_txt, T("wijzigingen.nu"), ww);
			sb_printf(&rp->part_txt, " \"%s\"\n", r->f[6]);
			txt_values(&rp->part_txt, under, r);
			free(under);
			/* a branch may print nothing: then the wording is gone, or new */
			int gone = !*r->f[6], fresh = !*o->f[6];
			strbuf *hb = &rp->part_html;
			sb_add(hb, "<li>");
			if (fresh) {
				markup_esc(hb, T("wijzigingen.keuze.nieuw"));
				sb_add(hb, ": \xE2\x80\x9C");
				markup_esc(hb, r->f[6]);
				sb_add(hb, "\xE2\x80\x9D");
			} else {
				sb_add(hb, "\xE2\x80\x9C");
				markup_esc(hb, o->f[6]);
				sb_add(hb, "\xE2\x80\x9D ");
				markup_esc(hb, T(gone ? "wijzigingen.keuze.vervalt" : "wijzigingen.keuze.is_nu"));
				if (!gone) {
					sb_add(hb, " \xE2\x80\x9C");
					markup_esc(hb, r->f[6]);
					sb_add(hb, "\xE2\x80\x9D");
				}
			}
			if (*r->f[8]) {
				sb_add(hb, " <small>(");
				markup_esc(hb, r->f[8]);
				sb_add(hb, ")</small>");
			}
			sb_add(hb, "</li>\n");
		}
		free(w);
	}
	for (int i = 0; i < oc->n; i++) {
		const rec *o = &oc->r[i];
		if (strcmp(o->f[2], "keuze") || find(nc, o->key))
			continue;
		cc->choices_removed++;
		char *w = where(o);
		txt_entry(&rp->part_txt, "wijzigingen.vervallen");
		sb_printf(&rp->part_txt, "%s \"%s\"\n", w, o->f[6]);
		const char *h[] = { "<li><strong>", T("wijzigingen.vervallen"), ":</strong> \xE2\x80\x9C", o->f[6],
				    "\xE2\x80\x9D</li>\n" };
		add_html(&rp->part_html, h, 5);
		free(w);
	}
}

/* Moves a finished section into the report: txt heading line (with counts)
 * then its lines; html heading then its markup in `open`/`close`. */
static void section(report *rp, const char *txt_head, const char *html_head, const char *open, const char *close,
		    int count)
{
	sb_printf(&rp->txt, "%s\n%s\n", txt_head, rp->part_txt.s ? rp->part_txt.s : "");
	if (count) {
		sb_add(&rp->html, "<h2>");
		markup_esc(&rp->html, html_head);
		sb_printf(&rp->html, "</h2>\n%s%s%s", open, rp->part_html.s ? rp->part_html.s : "", close);
	}
	sb_free(&rp->part_txt);
	sb_free(&rp->part_html);
	sb_init(&rp->part_txt);
	sb_init(&rp->part_html);
}

static int write_to(const char *dir, const char *name, const strbuf *b, struct err *e)
{
	char *p = xasprintf("%s/%s", dir, name);
	int rc = write_file(p, b->s ? b->s : "", b->len) ? err_set(e, p, 0, "cannot write: %s", strerror(errno)) : 0;
	free(p);
	return rc;
}

int changes_write(const change_paths *cp, change_counts *cc, struct err *e)
{
	memset(cc, 0, sizeof *cc);
	keyed on, nn, oc, nc, ot, nt;
	int bad = load(cp->old_site, "cijfers.csv", 'c', &on, e);
	bad |= load(cp->new_site, "cijfers.csv", 'c', &nn, e);
	/* the record of the previous publication; before there was a state
	 * directory it was published as out/<slug>/beweringen.csv */
	char *obw = xasprintf("%s/beweringen.csv", cp->old_state ? cp->old_state : "");
	const char *odir = cp->old_state && access(obw, R_OK) == 0 ? cp->old_state : cp->old_site;
	free(obw);
	bad |= load(odir, "beweringen.csv", 'b', &oc, e);
	bad |= load(cp->new_state, "beweringen.csv", 'b', &nc, e);
	bad |= load(cp->old_state, "totalen.csv", 't', &ot, e);
	bad |= load(cp->new_state, "totalen.csv", 't', &nt, e);
	int rc = 0;
	report rp;
	sb_init(&rp.txt);
	sb_init(&rp.html);
	sb_init(&rp.part_txt);
	sb_init(&rp.part_html);
	if (bad) {
		rc = -1;
		goto out;
	}
	char *line = TF("wijzigingen.txt.kop", cp->slug);
	char *stand = TF("wijzigingen.stand", cp->data_date);
	sb_printf(&rp.txt, "%s\n%s\n\n", line, stand);
	free(line);
	sb_add(&rp.html, "<!DOCTYPE html>\n<html lang=\"");
	markup_esc(&rp.html, report_lang());
	sb_add(&rp.html, "\">\n<head>\n<meta charset=\"utf-8\">\n"
			 "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>");
	line = TF("wijzigingen.titel", cp->area);
	markup_esc(&rp.html, line);
	free(line);
	sb_add(&rp.html, "</title>\n<link rel=\"stylesheet\" href=\"stijl.css\">\n</head>\n<body>\n"
			 "<main id=\"inhoud\" class=\"wijzigingen\">\n<h1>");
	line = TF("wijzigingen.kop", cp->area);
	markup_esc(&rp.html, line);
	free(line);
	sb_add(&rp.html, "</h1>\n<p>");
	markup_esc(&rp.html, stand);
	free(stand);
	sb_add(&rp.html, ". <a href=\"index.html\">");
	markup_esc(&rp.html, T("wijzigingen.naar_rapportage"));
	sb_add(&rp.html, "</a></p>\n");
	if (!on.t) {
		cc->first = 1;
		sb_printf(&rp.txt, "%s\n", T("wijzigingen.eerste.txt"));
		sb_add(&rp.html, "<p>");
		markup_esc(&rp.html, T("wijzigingen.eerste"));
		sb_add(&rp.html, "</p>\n");
		goto write;
	}
	/* the counts, as strings for the terms' places */
	totals(&rp, &ot, &nt, ot.t != NULL, cc);
	char *head = TF("wijzigingen.totalen.samenvatting", TN(cc->totals_changed).s);
	section(&rp, head, T("wijzigingen.totalen.kop"), "<ul>\n", "</ul>\n", cc->totals_changed);
	free(head);
	numbers(&rp, &on, &nn, cc);
	head = TF("wijzigingen.getallen.samenvatting", TN(cc->numbers_changed).s, TN(cc->numbers_added).s,
		  TN(cc->numbers_removed).s);
	strbuf open;
	sb_init(&open);
	sb_add(&open, "<p>");
	markup_esc(&open, T("wijzigingen.getallen.legenda"));
	/* wide on a phone: the table scrolls, not the page */
	sb_add(&open, "</p>\n<div style=\"overflow-x:auto\"><table class=\"tabel\">\n<thead><tr>");
	static const char *const cols[] = { "wijzigingen.getallen.kolom.getal", "wijzigingen.getallen.kolom.procent",
					    "wijzigingen.getallen.kolom.aantal", "wijzigingen.getallen.kolom.n" };
	for (size_t i = 0; i < sizeof cols / sizeof cols[0]; i++) {
		sb_add(&open, "<th scope=\"col\">");
		markup_esc(&open, T(cols[i]));
		sb_add(&open, "</th>");
	}
	sb_add(&open, "</tr></thead>\n<tbody>\n");
	section(&rp, head, T("wijzigingen.getallen.kop"), open.s, "</tbody>\n</table></div>\n",
		cc->numbers_changed + cc->numbers_added + cc->numbers_removed);
	sb_free(&open);
	free(head);
	statements(&rp, &oc, &nc, cc);
	head = TF("wijzigingen.beweringen.samenvatting", TN(cc->claims_broken).s, TN(cc->claims_restored).s,
		  TN(cc->claims_reworded).s, TN(cc->claims_added).s, TN(cc->claims_removed).s);
	section(&rp, head, T("wijzigingen.beweringen.kop"), "<ul>\n", "</ul>\n",
		cc->claims_broken + cc->claims_restored + cc->claims_reworded + cc->claims_added + cc->claims_removed);
	free(head);
	choices(&rp, &oc, &nc, cc);
	head = TF("wijzigingen.keuzes.samenvatting", TN(cc->choices_changed).s, TN(cc->choices_added).s,
		  TN(cc->choices_removed).s);
	section(&rp, head, T("wijzigingen.keuzes.kop"), "<ul>\n", "</ul>\n",
		cc->choices_changed + cc->choices_added + cc->choices_removed);
	free(head);
	int any = cc->totals_changed + cc->numbers_changed + cc->numbers_added + cc->numbers_removed + cc->claims_broken +
		  cc->claims_restored + cc->claims_reworded + cc->claims_added + cc->claims_removed + cc->choices_changed +
		  cc->choices_added + cc->choices_removed;
	if (!any) {
		sb_add(&rp.html, "<p>");
		markup_esc(&rp.html, T("wijzigingen.niets"));
		sb_add(&rp.html, "</p>\n");
	} else {
		fprintf(stderr, "gen: %s: %d totals, %d numbers changed; %d statements no longer hold, %d hold again, "
				"%d read differently; %d wordings changed (see %s/wijzigingen.txt)\n",
			cp->slug, cc->totals_changed, cc->numbers_changed + cc->numbers_added + cc->numbers_removed,
			cc->claims_broken, cc->claims_restored, cc->claims_reworded,
			cc->choices_changed + cc->choices_added + cc->choices_removed, cp->shown);
	}
write:
	sb_add(&rp.html, "</main>\n</body>\n</html>\n");
	if (write_to(cp->new_site, "wijzigingen.txt", &rp.txt, e) || write_to(cp->new_site, "wijzigingen.html", &rp.html, e))
		rc = -1;
out:
	sb_free(&rp.txt);
	sb_free(&rp.html);
	sb_free(&rp.part_txt);
	sb_free(&rp.part_html);
	unload(&on);
	unload(&nn);
	unload(&oc);
	unload(&nc);
	unload(&ot);
	unload(&nt);
	return rc;
}
