/* changes.c: compares a new publication of a variant with the previous one
 * (see changes.h). Numbers are matched on figure, item, category and group;
 * statements on their template file and line. */
#include "changes.h"
#include "csvread.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void csv_field(strbuf *b, const char *s)
{
	if (!strpbrk(s, ",\"\n\r")) {
		sb_add(b, s);
		return;
	}
	sb_addc(b, '"');
	for (; *s; s++) {
		if (*s == '"')
			sb_addc(b, '"');
		sb_addc(b, *s);
	}
	sb_addc(b, '"');
}

int claims_write_csv(const doc *d, const char *path)
{
	strbuf b;
	sb_init(&b);
	sb_add(&b, "bestand,regel,nr,klopt,bewering\n");
	for (int i = 0; i < d->nclaims; i++) {
		const doc_claim *k = &d->claims[i];
		/* nr: the how-manieth statement on that template line */
		int nr = 1;
		for (int j = 0; j < i; j++)
			nr += d->claims[j].line == k->line && !strcmp(d->claims[j].file, k->file);
		csv_field(&b, k->file);
		sb_printf(&b, ",%d,%d,%s,", k->line, nr, k->holds < 0 ? "overgeslagen" : k->holds ? "ja" : "nee");
		csv_field(&b, k->text);
		sb_addc(&b, '\n');
	}
	int rc = write_file(path, b.s, b.len);
	sb_free(&b);
	return rc;
}

/* A table read back, keyed by the first `nkey` columns joined. */
typedef struct {
	csv_table *t;
	int nkey;
} keyed;

static char *key_of(const csv_row *r, int nkey)
{
	strbuf b;
	sb_init(&b);
	for (int i = 0; i < nkey && i < r->nf; i++)
		sb_printf(&b, "%s%s", i ? "\x1f" : "", r->f[i]);
	return sb_take(&b);
}

static const csv_row *find(const keyed *k, const char *key)
{
	if (!k->t)
		return NULL;
	for (int i = 1; i < k->t->nrows; i++) {
		char *kk = key_of(&k->t->rows[i], k->nkey);
		int eq = !strcmp(kk, key);
		free(kk);
		if (eq)
			return &k->t->rows[i];
	}
	return NULL;
}

static csv_table *load_if_there(const char *dir, const char *name, struct err *e, int *bad)
{
	char *p = xasprintf("%s/%s", dir, name);
	csv_table *t = NULL;
	if (access(p, R_OK) == 0) {
		t = csv_read(p, e);
		if (!t)
			*bad = 1;
	}
	free(p);
	return t;
}

static void describe_number(strbuf *b, const csv_row *r)
{
	/* figuur,item,categorie,groep,aantal,n,procent */
	sb_printf(b, "figuur %s, %s, %s, %s", r->f[0], r->f[1], r->f[2], r->f[3]);
}

int changes_write(const char *old_dir, const char *new_dir, const char *variant, change_counts *cc,
		  struct err *e)
{
	memset(cc, 0, sizeof *cc);
	int bad = 0;
	keyed on = { load_if_there(old_dir, "cijfers.csv", e, &bad), 4 };
	keyed nn = { load_if_there(new_dir, "cijfers.csv", e, &bad), 4 };
	keyed oc = { load_if_there(old_dir, "beweringen.csv", e, &bad), 3 };
	keyed nc = { load_if_there(new_dir, "beweringen.csv", e, &bad), 3 };
	int rc = 0;
	strbuf b, body;
	sb_init(&b);
	sb_init(&body);
	if (bad) {
		rc = -1;
		goto out;
	}
	sb_printf(&b, "Wijzigingen ten opzichte van de vorige publicatie (%s)\n\n", variant);
	if (!on.t) {
		cc->first = 1;
		sb_add(&b, "Geen vorige publicatie gevonden: dit is de eerste.\n");
		goto write;
	}
	/* numbers */
	for (int i = 1; nn.t && i < nn.t->nrows; i++) {
		const csv_row *r = &nn.t->rows[i];
		char *k = key_of(r, 4);
		const csv_row *o = find(&on, k);
		free(k);
		if (!o) {
			cc->numbers_added++;
			sb_add(&body, "  nieuw:     ");
			describe_number(&body, r);
			sb_printf(&body, ": %s%% (n=%s)\n", r->f[6], r->f[5]);
		} else if (strcmp(o->f[6], r->f[6]) || strcmp(o->f[5], r->f[5])) {
			cc->numbers_changed++;
			sb_add(&body, "  gewijzigd: ");
			describe_number(&body, r);
			sb_printf(&body, ": %s%% (n=%s) -> %s%% (n=%s)\n", o->f[6], o->f[5], r->f[6], r->f[5]);
		}
	}
	for (int i = 1; i < on.t->nrows; i++) {
		char *k = key_of(&on.t->rows[i], 4);
		if (!find(&nn, k)) {
			cc->numbers_removed++;
			sb_add(&body, "  vervallen: ");
			describe_number(&body, &on.t->rows[i]);
			sb_addc(&body, '\n');
		}
		free(k);
	}
	sb_printf(&b, "Getallen: %d gewijzigd, %d nieuw, %d vervallen\n%s\n", cc->numbers_changed,
		  cc->numbers_added, cc->numbers_removed, body.s ? body.s : "");
	sb_free(&body);
	/* statements */
	for (int i = 1; nc.t && i < nc.t->nrows; i++) {
		const csv_row *r = &nc.t->rows[i];
		char *k = key_of(r, 3);
		const csv_row *o = oc.t ? find(&oc, k) : NULL;
		free(k);
		const char *where = r->f[0];
		if (!o) {
			cc->claims_added++;
			sb_printf(&body, "  nieuw:            %s:%s \"%s\"\n", where, r->f[1], r->f[4]);
		} else if (strcmp(o->f[3], r->f[3])) {
			int broken = !strcmp(r->f[3], "nee");
			if (broken)
				cc->claims_broken++;
			else
				cc->claims_restored++;
			sb_printf(&body, "  %s %s:%s \"%s\"\n", broken ? "klopt niet meer:" : "klopt weer:      ",
				  where, r->f[1], r->f[4]);
		} else if (strcmp(o->f[4], r->f[4])) {
			cc->claims_reworded++;
			sb_printf(&body, "  andere tekst:     %s:%s \"%s\"\n                    was \"%s\"\n", where,
				  r->f[1], r->f[4], o->f[4]);
		}
	}
	for (int i = 1; oc.t && i < oc.t->nrows; i++) {
		char *k = key_of(&oc.t->rows[i], 3);
		if (!find(&nc, k)) {
			cc->claims_removed++;
			sb_printf(&body, "  vervallen:        %s:%s\n", oc.t->rows[i].f[0], oc.t->rows[i].f[1]);
		}
		free(k);
	}
	sb_printf(&b, "Beweringen: %d klopt niet meer, %d klopt weer, %d met andere getallen of tekst, %d nieuw, %d vervallen\n%s",
		  cc->claims_broken, cc->claims_restored, cc->claims_reworded, cc->claims_added, cc->claims_removed,
		  body.s ? body.s : "");
write:;
	char *p = xasprintf("%s/wijzigingen.txt", new_dir);
	if (write_file(p, b.s, b.len))
		rc = err_set(e, p, 0, "cannot write");
	free(p);
out:
	sb_free(&b);
	sb_free(&body);
	csv_table_free(on.t);
	csv_table_free(nn.t);
	csv_table_free(oc.t);
	csv_table_free(nc.t);
	return rc;
}
