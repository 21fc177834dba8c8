/* figures.c: turns a question's aggregated numbers into a figure node: the
 * chart model (charts/chart.h), the caption with its n, the alt text and the
 * table of numbers behind the chart. The only place where stats meet charts,
 * so the chart library never sees a respondent and the writers never see a
 * statistic. */
#include "template.h"
#include "chart.h"
#include "disclosure.h"
#include "terms.h"

#include <stdlib.h>
#include <math.h>
#include <string.h>

static char *fmt_pct(int p)
{
	return xasprintf("%d%%", p);
}

static char *fmt_count(double x)
{
	return (x - (long)x) < 1e-9 ? nl_int((long)x) : nl_decimal(x, 1);
}

/* The n a caption prints: the same n for every shown item, else 0 (then the
 * bars print their own). */
static int common_n(const question_stats *qs)
{
	int n = -1;
	for (int i = 0; i < qs->q->nitems; i++) {
		if (!qs->q->items[i].in_figure)
			continue;
		int ni = (int)(qs->items[i].n[G_TOTAL] + 0.5);
		if (n >= 0 && ni != n)
			return 0;
		n = ni;
	}
	return n < 0 ? 0 : n;
}

/* Items of a mentions question ordered by count (ties: questionnaire order). */
static void rank_items(const question_stats *qs, int *order)
{
	int k = 0;
	for (int i = 0; i < qs->q->nitems; i++)
		order[k++] = i;
	for (int i = 1; i < k; i++)
		for (int j = i; j > 0 && qs->items[order[j]].count[G_TOTAL][0] > qs->items[order[j - 1]].count[G_TOTAL][0] + 1e-9; j--) {
			int t = order[j];
			order[j] = order[j - 1];
			order[j - 1] = t;
		}
}

static doc_node *stacked(const stats *st, const question_stats *qs, chart **out)
{
	const question *q = qs->q;
	chart *ch = chart_new(CHART_STACKED, q->id, q->caption ? q->caption : q->text);
	int idx[MAXCAT], k = 0;
	for (int c = 0; c < q->scale->ncat; c++)
		if (qs->items[0].pct[G_TOTAL][c] >= 0) {
			idx[k++] = c;
			chart_add_category(ch, q->scale->cats[c].label, !q->scale->cats[c].substantive);
		}
	int same_n = common_n(qs);
	/* an area edition compares every item with the whole country */
	const question_stats *ref = st->national ? stats_question(st->national, q->id) : NULL;
	if (ref)
		chart_set_reference(ch, st->v->area, st->national->v->area);
	int shown = 0, withheld_rows = 0;
	doc_node *tab = doc_node_new(DOC_TABLE);
	tab->flags |= DOC_DATA_TABLE;
	doc_node *hr = doc_append_row(tab, 1);
	doc_append_cell(hr, T("figuur.kop.onderdeel"), 0);
	for (int j = 0; j < k; j++)
		doc_append_cell(hr, q->scale->cats[idx[j]].label, 1);
	doc_append_cell(hr, "n", 1);
	for (int i = 0; i < q->nitems; i++) {
		if (!q->items[i].in_figure)
			continue;
		const item_stats *is = &qs->items[i];
		int pct[MAXCAT];
		for (int j = 0; j < k; j++)
			pct[j] = is->pct[G_TOTAL][idx[j]];
		int n = (int)(is->n[G_TOTAL] + 0.5);
		int sup = is->sup[G_TOTAL];
		doc_node *r = doc_append_row(tab, 0);
		doc_append_cell(r, q->items[i].label, 0);
		withheld_rows += sup != 0;
		if (sup) {
			/* not printed (disclosure.h): the chart says why in words
			 * where the bar would be, the table prints the sign, and
			 * neither prints the base of a withheld row */
			char *why = disclosure_reason_text(sup, q->unit, is->n[G_TOTAL]);
			chart_add_suppressed_bar(ch, q->items[i].label, 0, why);
			for (int j = 0; j < k; j++)
				doc_append_cell(r, disclosure_sign(sup), 1);
			free(why);
		} else {
			chart_add_bar(ch, q->items[i].label, same_n ? 0 : n, pct);
			shown++;
			for (int j = 0; j < k; j++) {
				char *s = fmt_pct(pct[j]);
				doc_append_cell(r, s, 1);
				free(s);
			}
		}
		char *s = sup && sup != SUP_NO_ANSWERS ? xstrdup("x") : nl_int(n);
		doc_append_cell(r, s, 1);
		free(s);
		if (ref) {
			/* the national bar of the same item, and its row in the table */
			const item_stats *ri = &ref->items[i];
			int rn = (int)(ri->n[G_TOTAL] + 0.5);
			doc_node *rr = doc_append_row(tab, 0);
			char *lab = xasprintf("– %s", st->national->v->area);
			doc_append_cell(rr, lab, 0);
			free(lab);
			int rsup = ri->sup[G_TOTAL];
			withheld_rows += rsup != 0;
			if (rsup) {
				char *why = disclosure_reason_text(rsup, q->unit, ri->n[G_TOTAL]);
				chart_bar_set_reference(ch, ch->nbars - 1, rsup == SUP_NO_ANSWERS ? rn : 0, NULL, why);
				for (int j = 0; j < k; j++)
					doc_append_cell(rr, disclosure_sign(rsup), 1);
				free(why);
			} else {
				int rp[MAXCAT];
				for (int j = 0; j < k; j++)
					rp[j] = ri->pct[G_TOTAL][idx[j]];
				chart_bar_set_reference(ch, ch->nbars - 1, rn, rp, NULL);
				for (int j = 0; j < k; j++) {
					char *t = fmt_pct(rp[j]);
					doc_append_cell(rr, t, 1);
					free(t);
				}
			}
			char *t = rsup && rsup != SUP_NO_ANSWERS ? xstrdup("x") : nl_int(rn);
			doc_append_cell(rr, t, 1);
			free(t);
		}
	}
	if (withheld_rows)
		tab->legend = xstrdup(DISCLOSURE_SIGN_LEGEND);
	if (shown == 0) { /* nothing to draw: the table is the figure */
		chart_free(ch);
		ch = NULL;
		tab->flags &= ~DOC_DATA_TABLE;
	}
	*out = ch;
	return tab;
}

/* The shared rank of an item (1, 2, 2, 4): one more than the items
 * mentioned more often (low: less often but at least once, for the "minst
 * genoemd" column, which leaves out items no one mentioned). */
static int shared_rank(const question_stats *qs, int item, int low)
{
	double c = qs->items[item].count[G_TOTAL][0];
	int r = 1;
	for (int i = 0; i < qs->q->nitems; i++) {
		if (!qs->q->items[i].in_figure)
			continue;
		double o = qs->items[i].count[G_TOTAL][0];
		r += low ? o > 1e-9 && o < c - 1e-9 : o > c + 1e-9;
	}
	return r;
}

/* k widened so that an item tied with the k-th is shown too. */
static int with_ties(const question_stats *qs, const int *order, int k, int total)
{
	while (k < total && fabs(qs->items[order[k]].count[G_TOTAL][0] - qs->items[order[k - 1]].count[G_TOTAL][0]) < 1e-9)
		k++;
	return k;
}

static doc_node *ranking_table(const question_stats *qs, const int *order, int k, double n, const char *heading, int low)
{
	doc_node *tab = doc_node_new(DOC_TABLE);
	tab->flags |= DOC_DATA_TABLE;
	doc_node *hr = doc_append_row(tab, 1);
	doc_append_cell(hr, T("figuur.kop.rang"), 1);
	doc_append_cell(hr, heading ? heading : T("figuur.kop.onderdeel"), 0);
	doc_append_cell(hr, T("figuur.kop.aantal_genoemd"), 1);
	doc_append_cell(hr, T("figuur.kop.procent_n"), 1);
	for (int r = 0; r < k; r++) {
		const item_stats *is = &qs->items[order[r]];
		doc_node *row = doc_append_row(tab, 0);
		char *s = xasprintf("%d", shared_rank(qs, order[r], low));
		doc_append_cell(row, s, 1);
		free(s);
		doc_append_cell(row, qs->q->items[order[r]].label, 0);
		s = fmt_count(is->count[G_TOTAL][0]);
		doc_append_cell(row, s, 1);
		free(s);
		s = fmt_pct(n > 0 ? (int)round_half_up(100.0 * is->count[G_TOTAL][0] / n) : 0);
		doc_append_cell(row, s, 1);
		free(s);
	}
	return tab;
}

doc_node *figure_from_question(const stats *st, const question_stats *qs, const char *kind, int k,
			       const char *headings, const char *source, const char *file, long line, struct err *e)
{
	const question *q = qs->q;
	if (q->kind == Q_OPEN) {
		err_set(e, file, line, "figuur: '%s' is an open question; expected a grid or mentions question", q->id);
		return NULL;
	}
	if (!kind)
		kind = q->kind == Q_GRID ? "staaf" : "ranglijst";
	int is_stacked = !strcmp(kind, "staaf");
	if (is_stacked != (q->kind == Q_GRID)) {
		err_set(e, file, line, "figuur soort=\"%s\" does not fit question '%s'; expected %s", kind, q->id,
			q->kind == Q_GRID ? "staaf" : "ranglijst or top-bodem");
		return NULL;
	}
	doc_node *f = doc_node_new(DOC_FIGURE);
	chart *ch = NULL;
	doc_node *data;
	int n_caption;
	if (is_stacked) {
		data = stacked(st, qs, &ch);
		n_caption = common_n(qs);
	} else {
		int *order = xcalloc((size_t)q->nitems, sizeof *order);
		rank_items(qs, order);
		int total = q->nitems;
		if (k <= 0 || k > total)
			k = total;
		double n = qs->items[0].n[G_TOTAL];
		n_caption = (int)(n + 0.5);
		/* A cut list (the k most, the k least mentioned) shows items that
		 * were mentioned: an item no one named is not among the "least
		 * mentioned" (the text says those apart, bottom() names them).
		 * When nothing was mentioned at all, every item is shown as it is. */
		int named = 0;
		while (named < total && qs->items[order[named]].count[G_TOTAL][0] > 1e-9)
			named++;
		int cut_total = named > 0 ? named : total;
		if (!strcmp(kind, "top-bodem")) {
			ch = chart_new(CHART_TOPBOTTOM, q->id, q->caption ? q->caption : q->text);
			/* the two columns' headings: the template's "a|b", or the terms */
			char *h = headings ? xstrdup(headings)
					   : xasprintf("%s|%s", T("figuur.kop.meest_genoemd"), T("figuur.kop.minst_genoemd"));
			char *bar = strchr(h, '|');
			if (bar)
				*bar++ = 0;
			chart_set_column_heading(ch, 0, h);
			chart_set_column_heading(ch, 1, bar ? bar : "");
			/* ties at the edge are shown, and share their rank */
			if (k > cut_total)
				k = cut_total;
			int khi = with_ties(qs, order, k, cut_total);
			for (int r = 0; r < khi; r++)
				chart_add_row(ch, 0, shared_rank(qs, order[r], 0), q->items[order[r]].label,
					      (long)(qs->items[order[r]].count[G_TOTAL][0] + 0.5));
			/* least mentioned first, as the report prints it */
			int *low = xcalloc((size_t)total, sizeof *low);
			for (int r = 0; r < cut_total; r++)
				low[r] = order[cut_total - 1 - r];
			/* among equal counts, questionnaire order */
			for (int a = 0, b; a < cut_total; a = b) {
				for (b = a + 1; b < cut_total && fabs(qs->items[low[b]].count[G_TOTAL][0] - qs->items[low[a]].count[G_TOTAL][0]) < 1e-9; b++)
					;
				for (int x = a + 1; x < b; x++)
					for (int y = x; y > a && low[y] < low[y - 1]; y--) {
						int t = low[y];
						low[y] = low[y - 1];
						low[y - 1] = t;
					}
			}
			int klo = with_ties(qs, low, k, cut_total);
			for (int r = 0; r < klo; r++)
				chart_add_row(ch, 1, shared_rank(qs, low[r], 1), q->items[low[r]].label,
					      (long)(qs->items[low[r]].count[G_TOTAL][0] + 0.5));
			data = ranking_table(qs, order, khi, n, h, 0);
			doc_node *data2 = ranking_table(qs, low, klo, n, bar ? bar : "", 1);
			/* one data table: the low rows follow the high ones (the
			 * second header row is dropped) */
			doc_node *head2 = data2->first;
			for (doc_node *row = head2 ? head2->next : NULL; row;) {
				doc_node *next = row->next;
				row->prev = row->next = NULL;
				doc_append(data, row);
				row = next;
			}
			if (head2)
				head2->next = NULL;
			data2->first = data2->last = head2;
			doc_node_free(data2);
			free(low);
			free(h);
		} else {
			ch = chart_new(CHART_RANKING, q->id, q->caption ? q->caption : q->text);
			/* the whole list keeps its zeros; a top k does not */
			if (k < total)
				k = with_ties(qs, order, k < cut_total ? k : cut_total, cut_total);
			for (int r = 0; r < k; r++)
				chart_add_row(ch, 0, shared_rank(qs, order[r], 0), q->items[order[r]].label,
					      (long)(qs->items[order[r]].count[G_TOTAL][0] + 0.5));
			data = ranking_table(qs, order, k, n, NULL, 0);
		}
		free(order);
	}
	char msg[512];
	if (ch && chart_validate(ch, msg, sizeof msg)) {
		err_set(e, file, line, "figuur for '%s' cannot be drawn: %s", q->id, msg);
		chart_free(ch);
		doc_node_free(data);
		doc_node_free(f);
		return NULL;
	}
	char *c = n_caption > 0 ? xasprintf("%s (n=%d).", q->caption ? q->caption : q->text, n_caption)
				: xasprintf("%s.", q->caption ? q->caption : q->text);
	if (!ch && data->legend) { /* a table that is the figure says its signs in its caption */
		char *t = TF("figuur.bijschrift.tekens", c, DISCLOSURE_SIGN_LEGEND);
		free(c);
		c = t;
	}
	if (ch) { /* for a chart file read on its own (SVG title/desc, CSV) */
		ch->n = n_caption;
		/* the report's source line, as under the figure, and the edition */
		char *src = TF("figuur.bron.editie", source, st->v->area);
		chart_set_caption(ch, NULL, c, src);
		free(src);
	}
	f->chart = ch;
	f->alt = ch ? chart_alt_text(ch) : NULL;
	doc_node *cap = doc_append(f, doc_node_new(DOC_CAPTION));
	doc_append_text(cap, c);
	free(c);
	doc_append(f, data);
	return f;
}
