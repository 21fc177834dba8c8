/* survey.c: the column map of a survey (which answer column holds which
 * question item), shared by the CSV and SPSS readers; what loading keeps of
 * each row (per-gemeente tallies, open answers in a temporary file, the ids
 * seen); and variants: the gemeenten of the whole country or of one
 * province. */
#include "terms.h"
#include "survey.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

survey *survey_new(questionnaire *qn, registry *reg)
{
	survey *s = xcalloc(1, sizeof *s);
	s->qn = qn;
	s->reg = reg;
	int n = 0;
	for (int q = 0; q < qn->nquestions; q++)
		n += qn->questions[q].kind == Q_OPEN ? 1 : qn->questions[q].nitems;
	s->cols = xcalloc((size_t)n, sizeof *s->cols);
	s->tw = 2;
	for (int q = 0; q < qn->nquestions; q++) {
		const question *qq = &qn->questions[q];
		if (qq->kind == Q_GRID && qq->scale->ncat > s->tw)
			s->tw = qq->scale->ncat;
		if (qq->kind == Q_OPEN) {
			s->cols[s->ncols++] = (column){ q, -1 };
			continue;
		}
		for (int i = 0; i < qq->nitems; i++)
			s->cols[s->ncols++] = (column){ q, i };
	}
	s->tally = xcalloc((size_t)reg->n * (size_t)s->ncols * (size_t)s->tw, sizeof *s->tally);
	s->gem_resp = xcalloc((size_t)reg->n, sizeof *s->gem_resp);
	return s;
}

static void idset_free(idset *ids)
{
	free(ids->arena);
	free(ids->slot);
	memset(ids, 0, sizeof *ids);
}

void survey_row_clear(const survey *s, respondent *r)
{
	if (r->ans)
		for (int c = 0; c < s->ncols; c++)
			free(r->ans[c].text);
	free(r->ans);
	free(r->id);
	free(r->functie);
	memset(r, 0, sizeof *r);
}

void survey_row_next(const survey *s, respondent *r)
{
	if (!r->ans) {
		r->ans = xcalloc((size_t)s->ncols, sizeof *r->ans);
	} else {
		for (int c = 0; c < s->ncols; c++)
			if (r->ans[c].text) {
				free(r->ans[c].text);
				r->ans[c].text = NULL;
			}
	}
	for (int c = 0; c < s->ncols; c++)
		r->ans[c].cat = -1;
	free(r->id);
	free(r->functie);
	r->id = r->functie = NULL;
}

void survey_free(survey *s)
{
	if (!s)
		return;
	for (int i = 0; i < s->nresp; i++)
		survey_row_clear(s, &s->resp[i]);
	free(s->resp);
	free(s->cols);
	free(s->tally);
	free(s->gem_resp);
	idset_free(&s->ids);
	if (s->open_file)
		fclose(s->open_file);
	free(s);
}

char *survey_column_name(const survey *s, int col)
{
	const question *q = &s->qn->questions[s->cols[col].q];
	if (s->cols[col].item < 0)
		return xstrdup(q->id);
	return xasprintf("%s.%s", q->id, q->items[s->cols[col].item].id);
}

int survey_check_columns(const survey *s, const int *map, int nmap, const char *path, long line, struct err *e)
{
	for (int c = 0; c < s->ncols; c++) {
		int found = 0;
		for (int j = 0; j < nmap && !found; j++)
			found = map[j] == c;
		if (found)
			continue;
		const question *q = &s->qn->questions[s->cols[c].q];
		char *name = survey_column_name(s, c);
		int rc = err_set(e, path, line, "no column '%s' (question '%s', line %ld of the questionnaire); expected a "
				 "column per question item and open question, empty where a respondent gave no answer",
				 name, q->id, q->line);
		free(name);
		return rc;
	}
	return 0;
}

int survey_column(const survey *s, const char *name)
{
	for (int c = 0; c < s->ncols; c++) {
		char *n = survey_column_name(s, c);
		int eq = !strcmp(n, name);
		free(n);
		if (eq)
			return c;
	}
	return -1;
}

int survey_col_of(const survey *s, int q, int item)
{
	for (int c = 0; c < s->ncols; c++)
		if (s->cols[c].q == q && s->cols[c].item == item)
			return c;
	return -1;
}

int survey_gem_index(const survey *s, const gemeente *g)
{
	return (int)(g - s->reg->g);
}

/* FNV-1a: short ids, no adversary who profits from collisions beyond a
 * slower load (the table stays correct, it compares the ids themselves). */
static size_t id_hash(const char *id)
{
	size_t h = 1469598103934665603ULL;
	for (const unsigned char *p = (const unsigned char *)id; *p; p++)
		h = (h ^ *p) * 1099511628211ULL;
	return h;
}

/* An arena entry: the line (4 bytes, unaligned), then the id and its NUL. */
static const char *entry_id(const idset *ids, unsigned off)
{
	return ids->arena + off + sizeof(unsigned);
}

/* Inserts id; returns 0, or the line of the earlier occurrence; -1 when
 * the arena is past what 32-bit offsets reach (tens of millions of rows). */
static long idset_add(idset *ids, const char *id, long line)
{
	if (2 * (ids->nused + 1) > ids->nslot) {
		size_t nn = ids->nslot ? 2 * ids->nslot : 1024;
		unsigned *ns = xcalloc(nn, sizeof *ns);
		for (size_t i = 0; i < ids->nslot; i++) {
			if (!ids->slot[i])
				continue;
			size_t h = id_hash(entry_id(ids, ids->slot[i])) & (nn - 1);
			while (ns[h])
				h = (h + 1) & (nn - 1);
			ns[h] = ids->slot[i];
		}
		free(ids->slot);
		ids->slot = ns;
		ids->nslot = nn;
	}
	size_t h = id_hash(id) & (ids->nslot - 1);
	while (ids->slot[h]) {
		if (!strcmp(entry_id(ids, ids->slot[h]), id)) {
			unsigned l;
			memcpy(&l, ids->arena + ids->slot[h], sizeof l);
			return l;
		}
		h = (h + 1) & (ids->nslot - 1);
	}
	size_t len = sizeof(unsigned) + strlen(id) + 1;
	if (ids->arena_len + len > 0xFFFFFFFFu)
		return -1;
	if (ids->arena_len + len > ids->arena_cap) {
		ids->arena_cap = ids->arena_cap ? 2 * ids->arena_cap : 4096;
		while (ids->arena_len + len > ids->arena_cap)
			ids->arena_cap *= 2;
		ids->arena = xrealloc(ids->arena, ids->arena_cap);
	}
	if (!ids->arena_len)
		ids->arena[ids->arena_len++] = 0; /* offset 0 marks an empty slot */
	unsigned l = (unsigned)line;
	memcpy(ids->arena + ids->arena_len, &l, sizeof l);
	memcpy(ids->arena + ids->arena_len + sizeof l, id, len - sizeof l);
	ids->slot[h] = (unsigned)ids->arena_len;
	ids->arena_len += len;
	ids->nused++;
	return 0;
}

/* An open answer record in the temporary file. */
struct open_rec {
	int gem, q;
	long line;
	size_t len;
};

int survey_add(survey *s, respondent *r, const char *path, struct err *e)
{
	long earlier = idset_add(&s->ids, r->id, r->line);
	if (earlier < 0)
		return err_set(e, path, r->line, "too many respondent ids to check for duplicates; expected at most some tens of millions of rows");
	if (earlier)
		return err_set(e, path, r->line, "respondent id '%s' also on line %ld; expected each respondent once",
			       r->id, earlier);
	int g = survey_gem_index(s, r->gem);
	s->gem_resp[g]++;
	s->respondents++;
	int *t = s->tally + (size_t)g * (size_t)s->ncols * (size_t)s->tw;
	for (int c = 0; c < s->ncols; c++, t += s->tw) {
		const answer *a = &r->ans[c];
		if (s->cols[c].item >= 0) {
			if (a->cat >= 0)
				t[a->cat]++;
			continue;
		}
		if (!a->text)
			continue;
		/* an answer longer than a page and a half is an input error, not
		 * something to lay out (docs/operators.md, "Untrusted input") */
		size_t chars = 0;
		for (const unsigned char *u = (const unsigned char *)a->text; *u; u++)
			chars += (*u & 0xC0) != 0x80;
		if (chars > SURVEY_MAX_ANSWER)
			return err_set(e, path, r->line,
				       "the answer to open question '%s' is %zu characters long; expected at most %d "
				       "(shorten it, or leave it out)",
				       s->qn->questions[s->cols[c].q].id, chars, SURVEY_MAX_ANSWER);
		t[0]++;
		if (!s->open_file && !(s->open_file = tmpfile()))
			return err_set(e, path, r->line, "cannot keep the open answers in a temporary file: %s",
				       strerror(errno));
		struct open_rec rec = { g, s->cols[c].q, r->line, strlen(a->text) };
		if (fwrite(&rec, sizeof rec, 1, s->open_file) != 1 ||
		    fwrite(a->text, 1, rec.len, s->open_file) != rec.len)
			return err_set(e, path, r->line, "cannot keep the open answers in a temporary file: %s",
				       strerror(errno));
		s->open_n++;
	}
	if (s->keep_rows) {
		if (!(s->nresp & (s->nresp - 1))) /* 0, 1, 2, 4, ...: full */
			s->resp = xrealloc(s->resp, (size_t)(s->nresp ? 2 * s->nresp : 1) * sizeof *s->resp);
		s->resp[s->nresp++] = *r;
		memset(r, 0, sizeof *r);
	}
	return 0;
}

int survey_end_load(survey *s, const char *path, struct err *e)
{
	idset_free(&s->ids);
	/* flushed before any edition is forked, so no child writes it again */
	if (s->open_file && fflush(s->open_file))
		return err_set(e, path, 0, "cannot keep the open answers in a temporary file: %s", strerror(errno));
	if (!s->respondents)
		return err_set(e, path, 0, "no respondents; expected one row per respondent after the header");
	return 0;
}

/* Reads the answer file front to back in large chunks: two pread calls per
 * answer were most of the time a run with many answers spent on them.
 * pread at our own offsets, not the FILE's, because forked edition
 * workers share the file description (and so its offset). */
typedef struct {
	int fd;
	off_t at;        /* file offset of buf[len] */
	char *buf;
	size_t pos, len, cap;
} chunk_reader;

/* Makes n bytes available at r->buf + r->pos; 0 at a clean end. */
static int cr_need(chunk_reader *r, size_t n)
{
	if (r->len - r->pos >= n)
		return 1;
	if (r->pos && r->len > r->pos)
		memmove(r->buf, r->buf + r->pos, r->len - r->pos);
	r->len -= r->pos;
	r->pos = 0;
	if (r->cap < n || r->cap < 256 * 1024) {
		r->cap = n > 256 * 1024 ? n : 256 * 1024;
		r->buf = xrealloc(r->buf, r->cap);
	}
	while (r->len < n) {
		ssize_t k = pread(r->fd, r->buf + r->len, r->cap - r->len, r->at);
		if (k <= 0)
			return 0;
		r->len += (size_t)k;
		r->at += k;
	}
	return 1;
}

int survey_open_foreach(const survey *s, int q, int (*cb)(const open_answer *a, void *ctx), void *ctx)
{
	if (!s->open_file)
		return 0;
	chunk_reader r = { .fd = fileno(s->open_file) };
	char *text = NULL;
	size_t cap = 0;
	int rc = 0;
	for (long i = 0; i < s->open_n && !rc; i++) {
		struct open_rec rec;
		if (!cr_need(&r, sizeof rec))
			break;
		memcpy(&rec, r.buf + r.pos, sizeof rec);
		r.pos += sizeof rec;
		if (!cr_need(&r, rec.len))
			break;
		if (q >= 0 && rec.q != q) {
			r.pos += rec.len;
			continue;
		}
		if (cap < rec.len + 1) {
			cap = rec.len + 1;
			text = xrealloc(text, cap);
		}
		memcpy(text, r.buf + r.pos, rec.len);
		text[rec.len] = 0;
		r.pos += rec.len;
		open_answer a = { rec.gem, rec.q, rec.line, text };
		rc = cb(&a, ctx);
	}
	free(text);
	free(r.buf);
	return rc;
}

variant *variant_new(const survey *s, const char *slug)
{
	const char *prov = NULL;
	char *whole = province_slug(T("geheel.naam"));
	int is_whole = !strcmp(slug, whole);
	free(whole);
	if (!is_whole) {
		for (int i = 0; i < s->reg->nareas && !prov; i++) {
			char *ps = province_slug(s->reg->areas[i]);
			if (!strcmp(ps, slug))
				prov = s->reg->areas[i];
			free(ps);
		}
		if (!prov)
			return NULL;
	}
	variant *v = xcalloc(1, sizeof *v);
	v->s = s;
	v->slug = xstrdup(slug);
	v->area = xstrdup(prov ? prov : T("geheel.naam"));
	v->province = prov ? xstrdup(prov) : NULL;
	v->gem = xcalloc((size_t)s->reg->n + 1, sizeof *v->gem);
	for (int g = 0; g < s->reg->n; g++)
		if (s->gem_resp[g] && (!prov || !strcmp(s->reg->g[g].province, prov))) {
			v->gem[v->ngem++] = g;
			v->n += (int)s->gem_resp[g];
		}
	return v;
}

variant *variant_new_area(const survey *s, const char *slug, const char *area, const char *const *provs, int nprov)
{
	for (int k = 0; k < nprov; k++) {
		int known = 0;
		for (int i = 0; i < s->reg->nareas && !known; i++)
			known = !strcmp(s->reg->areas[i], provs[k]);
		if (!known)
			return NULL;
	}
	variant *v = xcalloc(1, sizeof *v);
	v->s = s;
	v->slug = xstrdup(slug);
	v->area = xstrdup(area);
	v->province = nprov == 1 ? xstrdup(provs[0]) : NULL;
	v->nprov = nprov;
	v->provinces = xcalloc((size_t)nprov + 1, sizeof *v->provinces);
	for (int k = 0; k < nprov; k++)
		v->provinces[k] = xstrdup(provs[k]);
	v->gem = xcalloc((size_t)s->reg->n + 1, sizeof *v->gem);
	for (int g = 0; g < s->reg->n; g++)
		if (s->gem_resp[g] && variant_has_province(v, s->reg->g[g].province)) {
			v->gem[v->ngem++] = g;
			v->n += (int)s->gem_resp[g];
		}
	return v;
}

int variant_has_province(const variant *v, const char *province)
{
	if (v->nprov == 0)
		return v->province ? !strcmp(v->province, province) : 1;
	for (int k = 0; k < v->nprov; k++)
		if (!strcmp(v->provinces[k], province))
			return 1;
	return 0;
}

void variant_free(variant *v)
{
	if (!v)
		return;
	for (int k = 0; k < v->nprov; k++)
		free(v->provinces[k]);
	free(v->provinces);
	free(v->gem);
	free(v->slug);
	free(v->area);
	free(v->province);
	free(v);
}

