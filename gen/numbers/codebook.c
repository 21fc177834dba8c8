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
 * where a code means the same everywhere (groups, number columns). */
#include "codebook.h"
#include "aggregate.h"

#include <string.h>

/* One CSV field, quoted when it holds a comma, quote or line break
 * (RFC 4180). */
static void field(strbuf *b, const char *s)
{
	if (!s)
		s = "";
	if (!strpbrk(s, ",\"\n\r")) {
		sb_add(b, s);
		return;
	}
	sb_addc(b, '"');
	for (const char *p = s; *p; p++) {
		if (*p == '"')
			sb_addc(b, '"');
		sb_addc(b, *p);
	}
	sb_addc(b, '"');
}

static void row(strbuf *b, const char *col, const char *fig, const char *code, const char *label)
{
	field(b, col);
	sb_addc(b, ',');
	field(b, fig);
	sb_addc(b, ',');
	field(b, code);
	sb_addc(b, ',');
	field(b, label);
	sb_addc(b, '\n');
}

int codebook_write(const questionnaire *qn, const char *path)
{
	strbuf b;
	sb_init(&b);
	sb_add(&b, "kolom,figuur,code,label\n");
	row(&b, "kolom", "", "figuur", "Nummer van de figuur in het rapport; text: een getal uit de lopende tekst");
	row(&b, "kolom", "", "item", "Onderdeel van de vraag (de balk of regel in de figuur)");
	row(&b, "kolom", "", "categorie", "Antwoordcategorie");
	row(&b, "kolom", "", "groep", "Alle gemeenten samen of een grootteklasse");
	row(&b, "kolom", "", "aantal",
	    "Aantal; bij vragen over de gemeente telt elke gemeente een keer, zodat een aantal een breuk kan zijn");
	row(&b, "kolom", "", "n", "Basis van het percentage (aantal gemeenten of respondenten dat antwoordde)");
	row(&b, "kolom", "", "procent", "Percentage zoals het rapport het drukt (afgerond)");
	row(&b, "groep", "", "totaal", "Alle gemeenten");
	for (int c = 0; c < SC_COUNT; c++)
		row(&b, "groep", "", size_class_id((enum size_class)c), size_class_label((enum size_class)c));
	for (int qi = 0; qi < qn->nquestions; qi++) {
		const question *q = &qn->questions[qi];
		const char *fig = strcmp(q->figure, "tekst") ? q->figure : "text";
		row(&b, "figuur", fig, fig, q->caption && *q->caption ? q->caption : q->text);
		if (q->kind == Q_OPEN) {
			row(&b, "item", fig, q->id, q->text);
			row(&b, "categorie", fig, "respondenten", "Respondenten met een antwoord op de open vraag");
			row(&b, "categorie", fig, "gemeenten", "Gemeenten met een antwoord op de open vraag");
			continue;
		}
		for (int i = 0; i < q->nitems; i++)
			row(&b, "item", fig, q->items[i].id, q->items[i].label);
		if (q->kind == Q_GRID) {
			for (int c = 0; c < q->scale->ncat; c++)
				row(&b, "categorie", fig, q->scale->cats[c].id, q->scale->cats[c].label);
		} else {
			row(&b, "categorie", fig, "mentions", "Genoemd (aantal vermeldingen)");
		}
	}
	row(&b, "item", "text", "respons_respondenten", "Respondenten");
	row(&b, "item", "text", "respons_gemeenten", "Gemeenten in de respons");
	row(&b, "item", "text", "gemeenten_totaal", "Gemeenten in het register");
	row(&b, "categorie", "text", "count", "Aantal");
	int rc = write_file(path, b.s, b.len);
	sb_free(&b);
	return rc;
}
