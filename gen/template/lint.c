#define _GNU_SOURCE /* strcasestr */
/* lint.c: the lint of the running text (see lint.h). Each block is
 * flattened to its text with the spans of its computed values, split into
 * sentences, and read for:
 *   - a typed quantifier ("veel gemeenten", "de meeste", "alle") beside a
 *     computed percentage it contradicts (bounds: lint_quantifiers, the
 *     same steps and the same terms as the scale of kwantor(), expr.c
 *     nl_quantifier_scale);
 *   - "0% en 0%"-style pairs, and "0% van de"/"100% van de" where Dutch
 *     says "geen enkele" / "alle" (aandeel() says it);
 *   - an item of a question named by a computed value (top(), label())
 *     and named again later in the same paragraph;
 *   - a number and its noun that disagree ("1 gemeenten", "3 gemeente");
 *   - a space before a punctuation mark ("genoemd : overdracht", "x ,
 *     y", "z ."): typed whitespace before an inline element that printed
 *     nothing or before a join. */
#include "lint.h"
#include "terms.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* The words are terms: those of the scale are the very terms kwantor()
 * prints (kwantor.*, expr.c nl_quantifier_scale), so a report whose term
 * list words a quantifier otherwise is linted by its own words; the others
 * (lint.kwantor.*) are typed phrases the lint also knows. */
const lint_quantifier lint_quantifiers[] = {
	{ "lint.kwantor.ruime_meerderheid", 60, 100, 0, 1 },
	{ "kwantor.helft", 40, 60, 0, 0 },
	{ "kwantor.meerderheid", 50, 100, 1, 1 },
	{ "kwantor.minderheid", 0, 50, 1, 1 },
	{ "kwantor.vrijwel_geen", 0, 10, 1, 1 },
	{ "lint.kwantor.vrijwel_niet", 0, 10, 1, 1 },
	{ "kwantor.vrijwel_alle", 90, 100, 0, 1 },
	{ "kwantor.geen_enkele", 0, 0, 0, 0 },
	{ "lint.kwantor.nauwelijks", 0, 10, 0, 1 },
	{ "kwantor.meeste", 50, 100, 1, 1 },
	{ "lint.kwantor.niet_alle", 0, 100, 1, 1 },
	{ "kwantor.weinig", 0, 30, 0, 1 },
	{ "lint.kwantor.veel_gemeenten", 30, 100, 0, 0 },
	{ "lint.kwantor.veel_respondenten", 30, 100, 0, 0 },
	{ "lint.kwantor.alle_gemeenten", 100, 100, 0, 0 },
	{ "lint.kwantor.alle_respondenten", 100, 100, 0, 0 },
	{ NULL, 0, 0, 0, 0 },
};

typedef struct {
	size_t from, to; /* bytes of the flattened text */
	const lint_value *v;
} span;

typedef struct {
	strbuf text;
	span *spans;
	int n, cap;
	const lint_value *vals;
	int nvals;
} flat;

static void flatten(flat *f, const doc_node *n)
{
	for (const doc_node *x = n->first; x; x = x->next) {
		switch (x->type) {
		case DOC_FOOTNOTE:
			break; /* a sentence of its own, elsewhere */
		case DOC_TEXT:
			if (x->text)
				sb_add(&f->text, x->text);
			break;
		case DOC_XREF:
			sb_add(&f->text, "figuur");
			break;
		case DOC_VALUE: {
			const lint_value *v = NULL;
			for (int i = 0; i < f->nvals && !v; i++)
				if (f->vals[i].node == x)
					v = &f->vals[i];
			size_t from = f->text.len;
			if (x->text)
				sb_add(&f->text, x->text);
			if (v) {
				if (f->n == f->cap) {
					f->cap = f->cap ? 2 * f->cap : 16;
					f->spans = xrealloc(f->spans, (size_t)f->cap * sizeof *f->spans);
				}
				f->spans[f->n++] = (span){ from, f->text.len, v };
			}
			break;
		}
		default:
			flatten(f, x);
		}
	}
}

static int in_value(const flat *f, size_t pos)
{
	for (int i = 0; i < f->n; i++)
		if (pos >= f->spans[i].from && pos < f->spans[i].to)
			return 1;
	return 0;
}

/* "83%", "8,5%" -> 83, 8.5; -1 when the text is not a percentage */
static double pct_of(const char *s, size_t n)
{
	char buf[32];
	size_t k = 0;
	for (size_t i = 0; i < n && k + 1 < sizeof buf; i++)
		if (isdigit((unsigned char)s[i]))
			buf[k++] = s[i];
		else if (s[i] == ',')
			buf[k++] = '.';
		else if (s[i] == '%')
			break;
		else if (s[i] != '.')
			return -1;
	buf[k] = 0;
	return k ? atof(buf) : -1;
}

static int letter(unsigned char c)
{
	return isalpha(c) || c >= 0x80;
}

static int in_bounds(const lint_quantifier *q, double p)
{
	if (p < q->lo || (q->lo_open && p <= q->lo))
		return 0;
	if (p > q->hi || (q->hi_open && p >= q->hi))
		return 0;
	return 1;
}

/* Whether s starts with the word w (a letter may not follow). */
static int word_at(const char *s, const char *w)
{
	size_t n = strlen(w);
	return n && !strncasecmp(s, w, n) && !letter((unsigned char)s[n]);
}

/* The length of " en " (lijst.en between spaces) if s starts with it, else 0. */
static size_t at_join(const char *s)
{
	const char *en = T("lijst.en");
	size_t n = strlen(en);
	return s[0] == ' ' && !strncasecmp(s + 1, en, n) && s[n + 1] == ' ' ? n + 2 : 0;
}

static void finding(strbuf *out, int *count, const char *file, long line, const char *edition, const char *what,
		    const char *sentence, size_t n)
{
	sb_printf(out, "%s:%ld: %s: %s: “%.*s%s”\n", file, line, edition, what, n > 200 ? 200 : (int)n, sentence,
		  n > 200 ? "…" : "");
	(*count)++;
}

static int count_ci(const char *hay, const char *needle)
{
	int k = 0;
	size_t n = strlen(needle);
	if (!n)
		return 0;
	for (const char *p = hay; (p = strcasestr(p, needle)); p += n)
		k++;
	return k;
}

int lint_block(const doc_node *block, const lint_value *vals, int nvals, const char *file, long line,
	       const char *edition, strbuf *out)
{
	flat f = { .vals = vals, .nvals = nvals };
	sb_init(&f.text);
	flatten(&f, block);
	int found = 0;
	const char *t = f.text.s ? f.text.s : "";
	size_t len = f.text.len;
	char *lower = xstrdup(t);
	for (char *p = lower; *p; p++)
		*p = (char)tolower((unsigned char)*p);
	/* the quantifiers' words, looked up once per block */
	enum { NQ = sizeof lint_quantifiers / sizeof lint_quantifiers[0] - 1 };
	const char *qwords[NQ];
	for (int i = 0; i < NQ; i++)
		qwords[i] = T(lint_quantifiers[i].id);
	/* sentences: up to . ? ! followed by a space or the end, outside values */
	size_t start = 0;
	while (start < len) {
		size_t end = start;
		while (end < len && !(strchr(".?!", t[end]) && (end + 1 == len || t[end + 1] == ' ') && !in_value(&f, end)))
			end++;
		if (end < len)
			end++;
		while (start < end && t[start] == ' ')
			start++;
		const char *sent = t + start;
		size_t slen = end - start;
		/* a space before , . : ; ? ! (not before ",5" or ".nl") */
		for (size_t p = start; p + 1 < end; p++) {
			if (t[p] != ' ' || t[p + 1] == 0 || !strchr(",.:;?!", t[p + 1]))
				continue;
			unsigned char after = p + 2 < len ? (unsigned char)t[p + 2] : 0;
			if (isalnum(after))
				continue;
			char *what = xasprintf("a space before ‘%c’", t[p + 1]);
			finding(out, &found, file, line, edition, what, sent, slen);
			free(what);
			break;
		}
		/* the percentages of the sentence */
		int first = -1, last = -1;
		for (int i = 0; i < f.n; i++)
			if (f.spans[i].from >= start && f.spans[i].to <= end) {
				if (first < 0)
					first = i;
				last = i;
			}
		if (first >= 0) {
			/* typed quantifiers against every percentage in the sentence */
			for (size_t p = start; p < end; p++) {
				if (in_value(&f, p) || (p > 0 && letter((unsigned char)lower[p - 1])))
					continue;
				/* the longest quantifier that stands here ("vrijwel alle", not "alle") */
				const lint_quantifier *q = NULL;
				const char *qw = NULL;
				size_t qn = 0;
				for (int c = 0; c < NQ; c++) {
					size_t n = strlen(qwords[c]);
					if (n > qn && p + n <= end && !strncasecmp(lower + p, qwords[c], n) &&
					    !letter((unsigned char)lower[p + n]))
						q = &lint_quantifiers[c], qw = qwords[c], qn = n;
				}
				if (q) {
					for (int i = first; i <= last; i++) {
						const span *s = &f.spans[i];
						if (!s->v->pct)
							continue;
						double v = pct_of(t + s->from, s->to - s->from);
						if (v >= 0 && !in_bounds(q, v)) {
							char *what = xasprintf("typed quantifier ‘%s’ contradicts %.*s beside it "
									       "(use kwantor() or aandeel())",
									       qw, (int)(s->to - s->from), t + s->from);
							finding(out, &found, file, line, edition, what, sent, slen);
							free(what);
							break;
						}
					}
					p += qn - 1;
				}
			}
			for (int i = first; i <= last; i++) {
				const span *s = &f.spans[i];
				double v = s->v->pct ? pct_of(t + s->from, s->to - s->from) : -1;
				int extreme = v == 0 || v == 100;
				/* "0% en 0%" */
				if (extreme && i < last && f.spans[i + 1].v->pct) {
					const span *s2 = &f.spans[i + 1];
					double v2 = pct_of(t + s2->from, s2->to - s2->from);
					size_t gap = s2->from - s->to;
					if (v2 == v && gap <= 5 && at_join(lower + s->to)) {
						char *what = xasprintf("a pair of %s%%: say ‘%s’ in words", v == 0 ? "0" : "100",
								       T(v == 0 ? "kwantor.geen_enkele" : "kwantor.alle"));
						finding(out, &found, file, line, edition, what, sent, slen);
						free(what);
					}
				}
				/* "0% en geen enkele respondent": a number and words for one thing */
				if (extreme && i < last && f.spans[i + 1].v->quantifier && at_join(lower + s->to) &&
				    f.spans[i + 1].from == s->to + at_join(lower + s->to)) {
					finding(out, &found, file, line, edition, "a percentage and a quantifier paired: say both in words (aandeel())",
						sent, slen);
				}
				/* "0% van de gemeenten" */
				const char *van_de = T("kwantor.van_de");
				if (extreme && lower[s->to] == ' ' && !strncasecmp(lower + s->to + 1, van_de, strlen(van_de))) {
					char *what = xasprintf("%s%% %s: say ‘%s’ in words, as aandeel() does", v == 0 ? "0" : "100", van_de,
							       T(v == 0 ? "kwantor.geen_enkele" : "kwantor.alle"));
					finding(out, &found, file, line, edition, what, sent, slen);
					free(what);
				}
				/* number and noun */
				if (!s->v->pct && !s->v->names) {
					size_t k = s->from;
					int digits = 1;
					for (; k < s->to; k++)
						digits &= isdigit((unsigned char)t[k]) || t[k] == '.';
					if (digits && s->to > s->from) {
						long n = atol(t + s->from);
						/* the nouns counted, singular and plural (terms) */
						static const char *const nouns[][2] = {
							{ "lint.eenheid.gemeente", "lint.eenheid.gemeenten" },
							{ "lint.eenheid.respondent", "lint.eenheid.respondenten" },
						};
						const char *after = lower + s->to;
						for (size_t w = 0; w < sizeof nouns / sizeof nouns[0] && *after == ' '; w++) {
							const char *sg = T(nouns[w][0]), *pl = T(nouns[w][1]);
							int plural = word_at(after + 1, pl);
							int single = !plural && word_at(after + 1, sg);
							if ((n == 1 && plural) || (n != 1 && single)) {
								char *what = xasprintf("number and noun disagree: ‘%.*s %s’ (use aantal())",
										       (int)(s->to - s->from), t + s->from,
										       plural ? pl : sg);
								finding(out, &found, file, line, edition, what, sent, slen);
								free(what);
							}
						}
					}
				}
			}
		}
		start = end;
	}
	/* an item named twice in the paragraph, once by a computed value */
	for (int i = 0; i < f.n; i++) {
		const lint_value *v = f.spans[i].v;
		if (!v->q || !v->names || v->quantifier)
			continue;
		char *vt = xstrndup(t + f.spans[i].from, f.spans[i].to - f.spans[i].from);
		for (int k = 0; k < v->q->nitems; k++) {
			const item *it = &v->q->items[k];
			const char *lab = it->short_label ? it->short_label : it->label;
			if (!lab || !*lab || !strcasestr(vt, lab))
				continue;
			/* reported once: at the value that names it first */
			int earlier = 0;
			for (int j = 0; j < i && !earlier; j++)
				if (f.spans[j].v->q == v->q && f.spans[j].v->names) {
					char *pt = xstrndup(t + f.spans[j].from, f.spans[j].to - f.spans[j].from);
					earlier = strcasestr(pt, lab) != NULL;
					free(pt);
				}
			/* from the value on: a list typed before it is an introduction, not a repetition */
			if (!earlier && count_ci(t + f.spans[i].from, lab) > 1) {
				char *what = xasprintf("‘%s’ is named twice in one enumeration", lab);
				finding(out, &found, file, line, edition, what, t, len);
				free(what);
			}
		}
		free(vt);
	}
	free(lower);
	free(f.spans);
	sb_free(&f.text);
	return found;
}
