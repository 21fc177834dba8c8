/* appendix.c: the generated parts of the annexes: response tables (by size
 * class and by province, against the register), the questionnaire as asked,
 * frequency tables of every question overall and by size class, and the
 * open answers. All strings from respondents go into DOC_TEXT nodes, which
 * every writer escapes, bidi-isolated (doc_append_isolated). */
#include "text.h"
#include "template.h"
#include "open_answers.h"
#include "disclosure.h"
#include "expr.h"
#include "terms.h"

#include <stdlib.h>
#include <string.h>

static void cell_int(doc_node *r, long v)
{
	char *s = nl_int(v);
	doc_append_cell(r, s, 1);
	free(s);
}

/* What "–" means in the tables below, said in the caption of each table
 * that has one: the terms bijlage.teken.respons and bijlage.teken.tabel. */

static int has_dash_cell(const doc_node *t)
{
	for (const doc_node *r = t->first; r; r = r->next)
		for (const doc_node *c = r->first; c; c = c->next)
			if (c->first && c->first->type == DOC_TEXT &&
			    (!strcmp(c->first->text, "\xE2\x80\x93") || !strcmp(c->first->text, "x") ||
			     !strcmp(c->first->text, ".")))
				return 1;
	return 0;
}

/* Appends the dash legend (term legend_id) to t's caption, in
 * parentheses, when a cell of t reads "–". */
static void dash_legend(doc_node *t, const char *legend_id)
{
	if (!has_dash_cell(t))
		return;
	char *c = xasprintf("%s (%s)", t->text, T(legend_id));
	free(t->text);
	t->text = c;
}

static void cell_pct(doc_node *r, long num, long den)
{
	char *s = den > 0 ? xasprintf("%ld%%", round_half_up(100.0 * (double)num / (double)den)) : xstrdup("–");
	doc_append_cell(r, s, 1);
	free(s);
}

/* A class of the breakdown as a table's row label: its label from
 * rapport.xml (<indeling>) with a capital, "Minder dan 20.000 inwoners";
 * malloc'd. */
static char *class_name(const stats *st, int c)
{
	char *s = xstrdup(registry_class_label(st->v->s->reg, c));
	if (s[0] >= 'a' && s[0] <= 'z')
		s[0] = (char)(s[0] - 'a' + 'A');
	return s;
}

void append_response_table(doc_node *parent, const stats *st, int by_province)
{
	doc_node *t = doc_append(parent, doc_node_new(DOC_TABLE));
	/* the areas' word: the term for provinces, else the register column's name ("regio") */
	const registry *reg = st->v->s->reg;
	const char *word = !by_province ? reg->bd.name
			   : strcmp(reg->area_column, "provincie") ? reg->area_column : T("bijlage.respons.provincie");
	t->text = TF("bijlage.respons.titel", word);
	doc_node *h = doc_append_row(t, 1);
	char *head = utf8_capitalise(word);
	doc_append_cell(h, head, 0);
	free(head);
	doc_append_cell(h, T("bijlage.respons.kop.register"), 1);
	doc_append_cell(h, T("bijlage.respons.kop.in_respons"), 1);
	doc_append_cell(h, T("bijlage.respons.kop.respons"), 1);
	doc_append_cell(h, T("bijlage.respons.kop.aandeel_respons"), 1);
	doc_append_cell(h, T("bijlage.respons.kop.aandeel_register"), 1);
	doc_append_cell(h, T("bijlage.respons.kop.respondenten"), 1);
	int n = by_province ? st->nprov : st->ngroups - 1;
	for (int i = 0; i < n; i++) {
		int reg = by_province ? st->reg_by_prov[i] : st->reg_by_class[i];
		int gem = by_province ? st->gem_by_prov[i] : st->gem_by_class[i];
		int resp = by_province ? st->resp_by_prov[i] : st->resp_by_class[i];
		doc_node *r = doc_append_row(t, 0);
		char *cn = by_province ? NULL : class_name(st, i);
		doc_append_cell(r, by_province ? st->prov_name[i] : cn, 0);
		free(cn);
		cell_int(r, reg);
		cell_int(r, gem);
		cell_pct(r, gem, reg);
		cell_pct(r, gem, st->gemeenten);
		cell_pct(r, reg, st->register_n);
		cell_int(r, resp);
	}
	doc_node *r = doc_append_row(t, 0);
	doc_append_cell(r, T("bijlage.respons.totaal"), 0);
	cell_int(r, st->register_n);
	cell_int(r, st->gemeenten);
	cell_pct(r, st->gemeenten, st->register_n);
	cell_pct(r, st->gemeenten, st->gemeenten);
	cell_pct(r, st->register_n, st->register_n);
	cell_int(r, st->respondents);
	dash_legend(t, "bijlage.teken.respons");
}

static const char *kind_text(const question *q)
{
	switch (q->kind) {
	case Q_GRID:
		return T("vragenlijst.soort.raster");
	case Q_MENTIONS:
		return q->max ? T("vragenlijst.soort.vermeldingen_max") : T("vragenlijst.soort.vermeldingen");
	default:
		return T("vragenlijst.soort.open");
	}
}

void append_questionnaire(doc_node *parent, const stats *st)
{
	const questionnaire *qn = st->v->s->qn;
	if (qn->note) {
		doc_node *p = doc_append(parent, doc_node_new(DOC_PARAGRAPH));
		doc_append_text(p, qn->note);
	}
	doc_node *list = doc_append(parent, doc_node_new(DOC_LIST));
	list->flags |= DOC_ORDERED;
	for (int i = 0; i < qn->nquestions; i++) {
		const question *q = &qn->questions[i];
		doc_node *it = doc_append(list, doc_node_new(DOC_ITEM));
		doc_node *p = doc_append(it, doc_node_new(DOC_PARAGRAPH));
		doc_node *s = doc_append(p, doc_node_new(DOC_STRONG));
		doc_append_text(s, q->text);
		char *info;
		const char *unit = q->unit == UNIT_GEMEENTE ? T("vragenlijst.per_gemeente") : T("vragenlijst.per_respondent");
		/* the wording may already say how to answer ("(maximaal drie)",
		 * "(meerdere antwoorden mogelijk)"): then it is not said twice;
		 * the phrases that say so are terms, in the questionnaire's
		 * language */
		if (q->kind == Q_MENTIONS && (strstr(q->text, T("vragenlijst.al_gezegd.max")) ||
					      strstr(q->text, T("vragenlijst.al_gezegd.meer")))) {
			info = xasprintf(" (%s)", unit);
		} else if (q->kind == Q_MENTIONS && q->max) {
			char *w = nl_int(q->max);
			char *in = TF("vragenlijst.soort.max", kind_text(q), w, unit);
			info = xasprintf(" %s", in);
			free(in);
			free(w);
		} else
			info = xasprintf(" (%s; %s)", kind_text(q), unit);
		doc_append_text(p, info);
		free(info);
		if (strcmp(q->figure, "tekst")) {
			char *f = TF("vragenlijst.figuur", q->figure);
			char *sf = xasprintf(" %s", f);
			doc_append_text(p, sf);
			free(sf);
			free(f);
		}
		if (q->nitems) {
			doc_node *items = doc_append(it, doc_node_new(DOC_LIST));
			items->flags |= DOC_DASH_LIST;
			for (int j = 0; j < q->nitems; j++) {
				doc_node *li = doc_append(items, doc_node_new(DOC_ITEM));
				doc_append_text(li, q->items[j].label);
			}
		}
		if (q->kind == Q_GRID) {
			doc_node *ap = doc_append(it, doc_node_new(DOC_PARAGRAPH));
			strbuf b;
			sb_init(&b);
			sb_printf(&b, "%s ", T("vragenlijst.antwoorden"));
			for (int c = 0; c < q->scale->ncat; c++)
				sb_printf(&b, "%s%s", c ? " · " : "", q->scale->cats[c].label);
			sb_add(&b, ".");
			doc_append_text(ap, b.s);
			sb_free(&b);
		}
	}
}

/* Per question one table under a heading of its own ("Vraag 16. ..."; the
 * number is the question's in the questionnaire of Bijlage B, the id
 * tabel-<question id> a stable link target): a row per item with the total,
 * then a row per size class (substantive base), each with its n. Every row
 * has a header cell of its own (the item, or the size class), so the table
 * reads the same to a screen reader as on paper. The table's caption says
 * what the cells hold. */
void append_frequency_tables(doc_node *parent, const stats *st)
{
	/* what a dash means, once, when this edition leaves any cell out */
	int any = 0;
	for (int qi = 0; qi < st->nq && !any; qi++)
		for (int i = 0; st->qs[qi].items && i < st->qs[qi].q->nitems && !any; i++)
			for (int g = 0; g < st->ngroups && !any; g++)
				any = st->qs[qi].items[i].sup[g] != SUP_NONE;
	if (any) {
		char *wg = nl_number_word(disclosure_min(st, UNIT_GEMEENTE));
		char *wr = nl_number_word(disclosure_min(st, UNIT_RESPONDENT));
		const char *word = st->v->s->reg->bd.name;
		char *t = TF("bijlage.tabel.tekens", word, wg, wr);
		doc_append_text(doc_append(parent, doc_node_new(DOC_PARAGRAPH)), t);
		free(t);
		free(wg);
		free(wr);
	}
	for (int qi = 0; qi < st->nq; qi++) {
		const question_stats *qs = &st->qs[qi];
		const question *q = qs->q;
		if (q->kind == Q_OPEN)
			continue;
		int qno = 0;
		for (int k = 0; k < st->v->s->qn->nquestions; k++)
			if (&st->v->s->qn->questions[k] == q)
				qno = k + 1;
		doc_node *hd = doc_append(parent, doc_node_new(DOC_HEADING));
		hd->level = 3;
		hd->flags |= DOC_UNNUMBERED;
		hd->id = xasprintf("tabel-%s", q->id);
		char *no = xasprintf("%d", qno);
		char *title = TF("bijlage.tabel.kop", no, q->text);
		doc_append_text(hd, title);
		free(title);
		int ncat = q->kind == Q_GRID ? q->scale->ncat : 1;
		doc_node *t = doc_append(parent, doc_node_new(DOC_TABLE));
		/* the question's figure, when it has one: " (figuur 3)" */
		char *fig = NULL;
		if (strcmp(q->figure, "tekst")) {
			char *f = TF("bijlage.tabel.figuur", q->figure);
			fig = xasprintf(" %s", f);
			free(f);
		}
		t->text = TF(q->kind == Q_GRID ? "bijlage.tabel.titel.raster" : "bijlage.tabel.titel.vermeldingen", no,
			     fig ? fig : "", st->v->s->reg->bd.name);
		free(fig);
		free(no);
		doc_node *h = doc_append_row(t, 1);
		char *ohead = TF("bijlage.tabel.kop.onderdeel", st->v->s->reg->bd.name);
		doc_append_cell(h, ohead, 0);
		free(ohead);
		for (int c = 0; c < ncat; c++)
			doc_append_cell(h, q->kind == Q_GRID ? q->scale->cats[c].label : T("bijlage.tabel.kop.genoemd"), 1);
		doc_append_cell(h, "n", 1);
		for (int i = 0; i < q->nitems; i++) {
			const item_stats *is = &qs->items[i];
			for (int g = 0; g < st->ngroups; g++) {
				doc_node *r = doc_append_row(t, 0);
				if (g == G_TOTAL) { /* the item's own row stands out from its size classes */
					doc_node *c0 = doc_append(r, doc_node_new(DOC_TABLE_CELL));
					doc_append_text(doc_append(c0, doc_node_new(DOC_STRONG)), q->items[i].label);
				} else {
					{
						/* under the total: "– minder dan 20.000 inwoners" */
						char *sc = xasprintf("\xE2\x80\x93 %s", registry_class_label(st->v->s->reg, g - 1));
						doc_append_cell(r, sc, 0);
						free(sc);
					}
				}
				for (int c = 0; c < ncat; c++) {
					/* the signs of CBS: x withheld, . not applicable (not in this
					 * group's base), – nothing (no answers) */
					char *v = is->sup[g] == SUP_NO_ANSWERS || is->n[g] <= 0 ? xstrdup("\xE2\x80\x93")
						  : is->pct[g][c] < 0 ? xstrdup(".")
						  : is->sup[g] ? xstrdup("x")
						  : xasprintf("%d%%", is->pct[g][c]);
					doc_append_cell(r, v, 1);
					free(v);
				}
				cell_int(r, (long)(is->n[g] + 0.5));
			}
		}
		dash_legend(t, "bijlage.teken.tabel");
	}
}

void append_open_answers(doc_node *parent, const stats *st, const question_stats *qs, int max)
{
	int q = (int)(qs->q - st->v->s->qn->questions);
	open_selection *sel = open_answers_select(st, q, max);
	if (sel->n < sel->total) {
		/* the annex is bounded; say what is left out and where it is */
		char *n = nl_int(sel->n), *tot = nl_int(sel->total), *g = nl_int(sel->gemeenten);
		char *txt = TF("bijlage.open.selectie", n, tot, g);
		doc_node *p = doc_append(parent, doc_node_new(DOC_PARAGRAPH));
		doc_append_text(p, txt);
		free(txt);
		free(n);
		free(tot);
		free(g);
	}
	doc_node *list = doc_append(parent, doc_node_new(DOC_LIST));
	/* in the order of the gemeenten's names, so a reader finds a gemeente */
	for (int i = 0; i < sel->n; i++) {
		doc_node *it = doc_append(list, doc_node_new(DOC_ITEM));
		if (st->gemeenten >= disclosure_min(st, UNIT_GEMEENTE)) {
			doc_node *b = doc_append(it, doc_node_new(DOC_STRONG));
			doc_append_isolated(b, sel->picks[i].gem->name);
			doc_append_text(it, ": ");
		}
		/* an answer that opens with its own gemeente's name ("Assen –
		 * Leencafé") would repeat the name printed before it */
		const char *txt = sel->picks[i].text;
		const char *gname = sel->picks[i].gem->name;
		size_t nl = strlen(gname);
		if (!strncmp(txt, gname, nl) && !strncmp(txt + nl, " \xE2\x80\x93 ", 5) && txt[nl + 5])
			txt += nl + 5;
		doc_append_isolated(it, txt);
	}
	if (!sel->n) {
		doc_node *it = doc_append(list, doc_node_new(DOC_ITEM));
		doc_append_text(it, T("bijlage.open.geen"));
	}
	open_selection_free(sel);
}
