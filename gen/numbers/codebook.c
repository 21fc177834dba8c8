/* codebook.c: codeboek.csv, published beside cijfers.csv. cijfers.csv keys
 * every number by codes (figuur 2.2, item netwerken_coalities, categorie ja,
 * groep <20k) so that it stays stable for scripts; the codebook gives the
 * label a reader sees for each of those codes, and what the number columns
 * mean. Everything comes from the questionnaire, so the two files cannot
 * drift apart: a code in cijfers.csv is a code here.
 *
 * Columns: kolom,figuur,code,label. `kolom` names the column of cijfers.csv
 * the code appears in; `figuur` is the figure it belongs to (item and
 * category codes repeat between questions, so they are per figure), empty
 * where a code means the same everywhere (groups, number columns).
 *
 * Every CSV file goes through csvwrite.c: a text field that starts with
 * = + - @ a tab or CR gets a leading ' (no spreadsheet formulas); the
 * codebook says so in a row of its own ("(elke tekstkolom)", code ').
 *
 * The codes and the header are identifiers and stay; the labels and
 * descriptions a reader sees are terms (codeboek.*). */
#include "codebook.h"
#include "aggregate.h"
#include "csvwrite.h"
#include "terms.h"

#include <string.h>

static void row(csv_writer *w, const char *col, const char *fig, const char *code, const char *label)
{
	csvw_texts(w, col, fig, code, label, (const char *)NULL);
	csvw_end(w);
}

int codebook_write(const questionnaire *qn, const registry *reg, const char *path)
{
	strbuf b;
	sb_init(&b);
	csv_writer cw, *w = &cw;
	csvw_init(w, &b, "\n", 1);
	row(w, "kolom", "figuur", "code", "label");
	row(w, "kolom", "", "figuur", T("codeboek.kolom.figuur"));
	row(w, "kolom", "", "item", T("codeboek.kolom.item"));
	row(w, "kolom", "", "categorie", T("codeboek.kolom.categorie"));
	row(w, "kolom", "", "groep", T("codeboek.kolom.groep"));
	row(w, "kolom", "", "aantal", T("codeboek.kolom.aantal"));
	row(w, "kolom", "", "n", T("codeboek.kolom.n"));
	row(w, "kolom", "", "procent", T("codeboek.kolom.procent"));
	row(w, T("codeboek.tekstkolom"), "", "'", T("codeboek.tekstkolom.uitleg"));
	row(w, "groep", "", "totaal", T("codeboek.groep.totaal"));
	for (int c = 0; c < reg->bd.n; c++)
		row(w, "groep", "", registry_class_csv(reg, c), registry_class_label(reg, c));
	for (int qi = 0; qi < qn->nquestions; qi++) {
		const question *q = &qn->questions[qi];
		const char *fig = strcmp(q->figure, "tekst") ? q->figure : "text";
		row(w, "figuur", fig, fig, q->caption && *q->caption ? q->caption : q->text);
		if (q->kind == Q_OPEN) {
			row(w, "item", fig, q->id, q->text);
			row(w, "categorie", fig, "respondenten", T("codeboek.open.respondenten"));
			row(w, "categorie", fig, "gemeenten", T("codeboek.open.gemeenten"));
			continue;
		}
		for (int i = 0; i < q->nitems; i++)
			row(w, "item", fig, q->items[i].id, q->items[i].label);
		if (q->kind == Q_GRID) {
			for (int c = 0; c < q->scale->ncat; c++)
				row(w, "categorie", fig, q->scale->cats[c].id, q->scale->cats[c].label);
		} else {
			row(w, "categorie", fig, "mentions", T("codeboek.genoemd"));
		}
	}
	row(w, "item", "text", "respons_respondenten", T("codeboek.respons.respondenten"));
	row(w, "item", "text", "respons_gemeenten", T("codeboek.respons.gemeenten"));
	row(w, "item", "text", "gemeenten_totaal", T("codeboek.respons.register"));
	row(w, "categorie", "text", "count", T("codeboek.aantal"));
	int rc = write_file(path, b.s, b.len);
	sb_free(&b);
	return rc;
}
