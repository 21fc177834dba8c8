/* chart_model.c: the chart model itself: constructors that copy their
 * strings, chart_free, and chart_validate, the check that runs before any
 * layout so that drawing code can trust the model (every bar has ncat
 * percentages summing to 100, every label is non-empty, counts are >= 0).
 *
 * The library never repairs data: a bad percentage is the aggregator's bug,
 * and drawing it anyway would publish a wrong figure. */
#include "chart.h"
#include "chart_internal.h"
#include "util.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

chart *chart_new(chart_kind kind, const char *id, const char *title)
{
	chart *c = xcalloc(1, sizeof *c);
	c->kind = kind;
	c->id = xstrdup(id ? id : "");
	c->title = xstrdup(title ? title : "");
	const chart_kind_def *k = chart_kind_get(kind);
	c->ncols = k ? k->ncols : 0;
	return c;
}

void chart_add_category(chart *c, const char *label, int neutral)
{
	c->cats = xrealloc(c->cats, (size_t)(c->ncat + 1) * sizeof *c->cats);
	c->cats[c->ncat].label = xstrdup(label ? label : "");
	c->cats[c->ncat].neutral = neutral ? 1 : 0;
	c->ncat++;
}

void chart_add_bar(chart *c, const char *label, int n, const int *pct)
{
	c->bars = xrealloc(c->bars, (size_t)(c->nbars + 1) * sizeof *c->bars);
	chart_bar *b = &c->bars[c->nbars++];
	memset(b, 0, sizeof *b);
	b->label = xstrdup(label ? label : "");
	b->n = n;
	b->npct = c->ncat;
	b->pct = xcalloc((size_t)(c->ncat ? c->ncat : 1), sizeof *b->pct);
	if (pct && c->ncat > 0)
		memcpy(b->pct, pct, (size_t)c->ncat * sizeof *pct);
}

void chart_add_suppressed_bar(chart *c, const char *label, int n, const char *reason)
{
	chart_add_bar(c, label, n, NULL);
	chart_bar *b = &c->bars[c->nbars - 1];
	b->suppressed = xstrdup(reason ? reason : "");
}

static void set_str(char **dst, const char *s)
{
	free(*dst);
	*dst = s ? xstrdup(s) : NULL;
}

void chart_set_reference(chart *c, const char *area_label, const char *ref_label)
{
	set_str(&c->area_label, area_label ? area_label : "");
	set_str(&c->ref_label, ref_label ? ref_label : "");
}

void chart_bar_set_reference(chart *c, int bar, int n, const int *pct, const char *suppressed_reason)
{
	if (bar < 0 || bar >= c->nbars)
		return;
	chart_bar *b = &c->bars[bar];
	b->has_ref = 1;
	b->ref_n = n;
	free(b->ref_pct);
	b->ref_pct = NULL;
	if (pct) {
		b->ref_pct = xcalloc((size_t)(c->ncat ? c->ncat : 1), sizeof *b->ref_pct);
		if (c->ncat > 0)
			memcpy(b->ref_pct, pct, (size_t)c->ncat * sizeof *pct);
	}
	/* A reference without values and without a reason is still a
	 * suppressed reference: validation asks for the reason. */
	set_str(&b->ref_suppressed, pct ? NULL : (suppressed_reason ? suppressed_reason : ""));
}

void chart_set_caption(chart *c, const char *number, const char *caption, const char *source)
{
	set_str(&c->number, number);
	set_str(&c->caption, caption);
	set_str(&c->source, source);
}

void chart_set_column_heading(chart *c, int col, const char *heading)
{
	if (col < 0 || col > 1 || !heading)
		return;
	free(c->cols[col].heading);
	c->cols[col].heading = xstrdup(heading);
}

void chart_add_row(chart *c, int col, int rank, const char *label, long count)
{
	if (col < 0 || col > 1)
		return;
	chart_column *k = &c->cols[col];
	k->rows = xrealloc(k->rows, (size_t)(k->nrows + 1) * sizeof *k->rows);
	chart_row *r = &k->rows[k->nrows++];
	r->rank = rank;
	r->label = xstrdup(label ? label : "");
	r->count = count;
	if (c->ncols < col + 1)
		c->ncols = col + 1;
}

void chart_free(chart *c)
{
	if (!c)
		return;
	for (int i = 0; i < c->ncat; i++)
		free(c->cats[i].label);
	free(c->cats);
	for (int i = 0; i < c->nbars; i++) {
		free(c->bars[i].label);
		free(c->bars[i].pct);
		free(c->bars[i].suppressed);
		free(c->bars[i].ref_pct);
		free(c->bars[i].ref_suppressed);
	}
	free(c->bars);
	for (int k = 0; k < 2; k++) {
		for (int i = 0; i < c->cols[k].nrows; i++)
			free(c->cols[k].rows[i].label);
		free(c->cols[k].rows);
		free(c->cols[k].heading);
	}
	free(c->id);
	free(c->title);
	free(c->number);
	free(c->caption);
	free(c->source);
	free(c->area_label);
	free(c->ref_label);
	free(c);
}

/* Formats "chart <id>: <what>" into msg; always returns -1 so callers can
 * `return fail(...)`. */
__attribute__((format(printf, 4, 5)))
static int fail(const chart *c, char *msg, size_t msglen, const char *fmt, ...)
{
	if (!msg || msglen == 0)
		return -1;
	int n = snprintf(msg, msglen, "chart %s: ", c->id && *c->id ? c->id : "(no id)");
	if (n < 0 || (size_t)n >= msglen)
		return -1;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg + n, msglen - (size_t)n, fmt, ap);
	va_end(ap);
	return -1;
}

static int empty(const char *s)
{
	return !s || !*s;
}

/* Short form of a label for messages: the first 40 bytes, cut at a UTF-8
 * character boundary so the message stays valid UTF-8. */
static char *short_label(const char *s)
{
	if (!s)
		return xstrdup("");
	size_t n = strlen(s);
	if (n <= 40)
		return xstrdup(s);
	n = 40;
	while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
		n--;
	char *t = xmalloc(n + 4);
	memcpy(t, s, n);
	memcpy(t + n, "...", 4);
	return t;
}

/* ncat percentages, each >= 0, summing to 100. `which` is "" or
 * "reference " for the message. */
static int check_pcts(const chart *c, const int *pct, int i, const char *lab, const char *which,
                      char *msg, size_t msglen)
{
	long sum = 0;
	for (int k = 0; k < c->ncat; k++) {
		if (pct[k] < 0)
			return fail(c, msg, msglen, "bar %d \"%s\": negative %spercentage %d for \"%s\"",
			            i + 1, lab, which, pct[k], c->cats[k].label);
		sum += pct[k];
	}
	if (sum != 100)
		return fail(c, msg, msglen, "bar %d \"%s\": %spercentages sum to %ld, not 100",
		            i + 1, lab, which, sum);
	return 0;
}

static int validate_bar(const chart *c, int i, int with_n, char *msg, size_t msglen)
{
	const chart_bar *b = &c->bars[i];
	char *lab = short_label(b->label);
	int rc = 0;
	if (b->npct != c->ncat)
		rc = fail(c, msg, msglen, "bar %d \"%s\" has %d percentages for %d categories",
		          i + 1, lab, b->npct, c->ncat);
	else if (b->n < 0)
		rc = fail(c, msg, msglen, "bar %d \"%s\" has n=%d", i + 1, lab, b->n);
	else if (b->suppressed && empty(b->suppressed))
		rc = fail(c, msg, msglen, "bar %d \"%s\" is suppressed without a reason", i + 1, lab);
	else if (!b->suppressed && b->n == 0 && with_n > 0)
		rc = fail(c, msg, msglen, "bar %d \"%s\" has n=0 where the other bars print an n",
		          i + 1, lab);
	else if (!b->suppressed)
		rc = check_pcts(c, b->pct, i, lab, "", msg, msglen);
	if (rc == 0 && c->ref_label && !b->has_ref)
		rc = fail(c, msg, msglen, "bar %d \"%s\" has no %s bar", i + 1, lab, c->ref_label);
	else if (rc == 0 && b->has_ref && !c->ref_label)
		rc = fail(c, msg, msglen, "bar %d \"%s\" has reference values but the chart has no reference",
		          i + 1, lab);
	else if (rc == 0 && b->has_ref) {
		if (b->ref_n < 0)
			rc = fail(c, msg, msglen, "bar %d \"%s\" has reference n=%d", i + 1, lab, b->ref_n);
		else if (b->ref_suppressed && empty(b->ref_suppressed))
			rc = fail(c, msg, msglen, "bar %d \"%s\": reference suppressed without a reason",
			          i + 1, lab);
		else if (b->ref_pct)
			rc = check_pcts(c, b->ref_pct, i, lab, "reference ", msg, msglen);
	}
	free(lab);
	return rc;
}

int chart_validate_stacked(const chart *c, char *msg, size_t msglen)
{
	if (c->ncat < 1)
		return fail(c, msg, msglen, "stacked chart has no categories");
	if (c->nbars < 1)
		return fail(c, msg, msglen, "stacked chart has no bars");
	for (int k = 0; k < c->ncat; k++)
		if (empty(c->cats[k].label))
			return fail(c, msg, msglen, "category %d has an empty label", k + 1);
	if (c->ref_label && (empty(c->ref_label) || empty(c->area_label)))
		return fail(c, msg, msglen, "reference comparison without an area or reference label");
	/* Only shown bars decide whether bars print their n: a suppressed
	 * bar may have n=0 ("geen antwoorden") or its own small n. */
	int with_n = 0;
	for (int i = 0; i < c->nbars; i++)
		if (c->bars[i].n > 0 && !c->bars[i].suppressed)
			with_n++;
	for (int i = 0; i < c->nbars; i++) {
		if (empty(c->bars[i].label))
			return fail(c, msg, msglen, "bar %d has an empty label", i + 1);
		if (validate_bar(c, i, with_n, msg, msglen))
			return -1;
	}
	return 0;
}

int chart_validate_column(const chart *c, int col, char *msg, size_t msglen)
{
	const chart_column *k = &c->cols[col];
	if (k->nrows < 1)
		return fail(c, msg, msglen, "column %d has no rows", col + 1);
	if (c->kind == CHART_TOPBOTTOM && empty(k->heading))
		return fail(c, msg, msglen, "column %d has no heading", col + 1);
	for (int i = 0; i < k->nrows; i++) {
		const chart_row *r = &k->rows[i];
		if (empty(r->label))
			return fail(c, msg, msglen, "column %d row %d has an empty label", col + 1, i + 1);
		char *lab = short_label(r->label);
		int rc = 0;
		if (r->count < 0)
			rc = fail(c, msg, msglen, "column %d row %d \"%s\" has a negative count %ld",
			          col + 1, i + 1, lab, r->count);
		else if (r->rank < 1)
			rc = fail(c, msg, msglen, "column %d row %d \"%s\" has rank %d",
			          col + 1, i + 1, lab, r->rank);
		free(lab);
		if (rc)
			return rc;
	}
	return 0;
}

int chart_validate(const chart *c, char *msg, size_t msglen)
{
	if (msg && msglen)
		msg[0] = 0;
	if (!c) {
		if (msg && msglen)
			snprintf(msg, msglen, "chart: no chart");
		return -1;
	}
	if (empty(c->id))
		return fail(c, msg, msglen, "chart has no id");
	const chart_kind_def *k = chart_kind_get(c->kind);
	if (!k)
		return fail(c, msg, msglen, "unknown chart kind %d", (int)c->kind);
	if (k->validate)
		return k->validate(c, msg, msglen);
	/* a kind of ranked columns: each column checked alike */
	for (int col = 0; col < k->ncols; col++)
		if (chart_validate_column(c, col, msg, msglen))
			return -1;
	return 0;
}
