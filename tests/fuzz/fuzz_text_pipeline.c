/*
 * fuzz_text_pipeline.c - libFuzzer target for the text functions of the
 * public API on raw bytes (any bytes: invalid UTF-8 and NULs included).
 * The input is split into two halves, a and b.  On a: wt_tokenize must give
 * tokens in order, inside the text, with start < end, each starting on a
 * character (never on a UTF-8 continuation byte); wt_sentences must give
 * non-empty spans in order, inside the text; wt_normalize must give valid,
 * NUL-terminated UTF-8 (NUL bytes of the input may stay), the same output
 * with or without the offset map, and a map with one entry per output byte,
 * non-decreasing, each < len.  The tokenizer's 64-byte ASCII blocks must
 * give exactly the tokens of its byte-wise path.  wt_align_texts on (a, b) and on (a, a) must
 * give passages inside each text with start < end, Jaccard and coverages
 * in [0, 1].  wt_word_diff on (a, b) must give edits in order on each side,
 * inside each text, SAME edits covering words on both sides, and a diff of
 * a with itself must be one SAME edit (or none for no words).
 * wt_find_credits on a must give spans inside it.  wt__find_numbers and
 * wt__find_quotes on a must give spans inside it with start <= end, in
 * text order without overlap, nouns and speakers inside the text, and
 * finite values.
 */
#include <math.h>

#include "fuzz_check.h"
#include "claims/claims.h"
#include "prov/prov.h"
#include "text/text.h"

static void check_tokens(const char *s, size_t len)
{
	struct wt_token *t = NULL;
	size_t n = 0;
	enum wt_status st = wt_tokenize(s, len, &t, &n);
	FUZZ_CHECK(st == WT_OK || st == WT_ERR_NOMEM);
	if (st)
		return;
	FUZZ_CHECK(t != NULL || n == 0);
	for (size_t i = 0; i < n; i++) {
		FUZZ_CHECK(t[i].start < t[i].end);
		FUZZ_CHECK(t[i].end <= len);
		FUZZ_CHECK(((unsigned char)s[t[i].start] & 0xC0) != 0x80);
		FUZZ_CHECK(t[i].hash != 0);
		if (i)
			FUZZ_CHECK(t[i].start >= t[i - 1].end);
	}
	struct wt__tokens b = {0};
	if (wt__tokenize_bytewise(s, len, &b) == WT_OK) {
		FUZZ_CHECK(b.n == n);
		for (size_t i = 0; i < n && i < b.n; i++)
			FUZZ_CHECK(b.v[i].start == t[i].start && b.v[i].end == t[i].end &&
				   b.v[i].hash == t[i].hash);
	}
	wt_free(b.v);
	wt_free(t);
}

static void check_sentences(const char *s, size_t len)
{
	struct wt_span *v = NULL;
	size_t n = 0;
	enum wt_status st = wt_sentences(s, len, &v, &n);
	FUZZ_CHECK(st == WT_OK || st == WT_ERR_NOMEM);
	if (st)
		return;
	FUZZ_CHECK(v != NULL);
	for (size_t i = 0; i < n; i++) {
		FUZZ_CHECK(v[i].start < v[i].end);
		FUZZ_CHECK(v[i].end <= len);
		if (i)
			FUZZ_CHECK(v[i].start >= v[i - 1].end);
	}
	wt_free(v);
}

static void check_normalize(const char *s, size_t len)
{
	char *out = NULL, *out2 = NULL;
	size_t out_len = 0, out2_len = 0;
	size_t *map = NULL;
	enum wt_status st = wt_normalize(s, len, &out, &out_len, &map);
	FUZZ_CHECK(st == WT_OK || st == WT_ERR_NOMEM);
	if (st)
		return;
	FUZZ_CHECK(out != NULL && map != NULL);
	FUZZ_CHECK(out[out_len] == '\0');
	FUZZ_CHECK(fuzz_utf8_valid(out, out_len, 1));
	for (size_t i = 0; i < out_len; i++) {
		FUZZ_CHECK(map[i] < len);
		if (i)
			FUZZ_CHECK(map[i] >= map[i - 1]);
	}
	st = wt_normalize(s, len, &out2, &out2_len, NULL);
	FUZZ_CHECK(st == WT_OK || st == WT_ERR_NOMEM);
	if (st == WT_OK) {
		FUZZ_CHECK(out2_len == out_len && !memcmp(out, out2, out_len));
		wt_free(out2);
	}
	wt_free(out);
	wt_free(map);
}

static int in_unit(double x)
{
	return x >= 0.0 && x <= 1.0;
}

static void check_align(const char *a, size_t a_len, const char *b, size_t b_len)
{
	struct wt_alignment al;
	enum wt_status st = wt_align_texts(a, a_len, b, b_len, NULL, &al);
	FUZZ_CHECK(st == WT_OK || st == WT_ERR_NOMEM);
	if (st)
		return;
	FUZZ_CHECK(in_unit(al.jaccard));
	FUZZ_CHECK(in_unit(al.coverage_a));
	FUZZ_CHECK(in_unit(al.coverage_b));
	FUZZ_CHECK(al.passages != NULL || al.n_passages == 0);
	for (size_t i = 0; i < al.n_passages; i++) {
		const struct wt_passage *p = &al.passages[i];
		FUZZ_CHECK(p->a.start < p->a.end && p->a.end <= a_len);
		FUZZ_CHECK(p->b.start < p->b.end && p->b.end <= b_len);
		if (i) /* passages come in the order of a, not overlapping */
			FUZZ_CHECK(p->a.start >= al.passages[i - 1].a.end);
	}
	if (al.n_passages == 0)
		FUZZ_CHECK(al.coverage_a == 0.0 && al.coverage_b == 0.0);
	wt_alignment_release(&al);
	FUZZ_CHECK(al.passages == NULL && al.n_passages == 0);
}

static void check_word_diff(const char *a, size_t a_len, const char *b, size_t b_len)
{
	struct wt_edit *e;
	size_t n;
	enum wt_status st = wt_word_diff(a, a_len, b, b_len, &e, &n);
	FUZZ_CHECK(st == WT_OK || st == WT_ERR_NOMEM || st == WT_ERR_LIMIT);
	if (st)
		return;
	size_t pa = 0, pb = 0;
	for (size_t i = 0; i < n; i++) {
		FUZZ_CHECK(e[i].op == WT_EDIT_SAME || e[i].op == WT_EDIT_DELETE ||
			   e[i].op == WT_EDIT_INSERT);
		if (i) /* runs of one kind are merged */
			FUZZ_CHECK(e[i].op != e[i - 1].op);
		if (e[i].op != WT_EDIT_INSERT) {
			FUZZ_CHECK(e[i].a.start < e[i].a.end && e[i].a.end <= a_len);
			FUZZ_CHECK(e[i].a.start >= pa);
			pa = e[i].a.end;
		}
		if (e[i].op != WT_EDIT_DELETE) {
			FUZZ_CHECK(e[i].b.start < e[i].b.end && e[i].b.end <= b_len);
			FUZZ_CHECK(e[i].b.start >= pb);
			pb = e[i].b.end;
		}
	}
	wt_free(e);
	if (wt_word_diff(a, a_len, a, a_len, &e, &n) == WT_OK) {
		FUZZ_CHECK(n <= 1);
		if (n == 1)
			FUZZ_CHECK(e[0].op == WT_EDIT_SAME);
		wt_free(e);
	}
}

static void check_claims(const char *s, size_t len)
{
	struct wt__number *num = NULL;
	size_t n = 0;
	enum wt_status st = wt__find_numbers(s, len, &num, &n);
	FUZZ_CHECK(st == WT_OK || st == WT_ERR_NOMEM);
	if (st == WT_OK) {
		FUZZ_CHECK(num != NULL);
		for (size_t i = 0; i < n; i++) {
			const struct wt__number *x = &num[i];
			FUZZ_CHECK(x->start < x->end && x->end <= len);
			FUZZ_CHECK(x->noun_start <= x->noun_end && x->noun_end <= len);
			FUZZ_CHECK(isfinite(x->value));
			FUZZ_CHECK(x->unit <= WT_NUM_DATE && x->bound <= WT_NUM_ABOUT);
			FUZZ_CHECK(memchr(x->currency, '\0', sizeof(x->currency)) != NULL);
			if (i) /* in text order, not overlapping */
				FUZZ_CHECK(x->start >= num[i - 1].end);
		}
		wt__free(num);
	}
	struct wt__quote *q = NULL;
	st = wt__find_quotes(s, len, &q, &n);
	FUZZ_CHECK(st == WT_OK || st == WT_ERR_NOMEM || st == WT_ERR_LIMIT);
	if (st == WT_OK) {
		FUZZ_CHECK(q != NULL);
		for (size_t i = 0; i < n; i++) {
			FUZZ_CHECK(q[i].start < q[i].end && q[i].end <= len);
			FUZZ_CHECK(q[i].speaker_start <= q[i].speaker_end && q[i].speaker_end <= len);
			if (i)
				FUZZ_CHECK(q[i].start >= q[i - 1].end);
		}
		wt__free(q);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* Copies of exactly the right size, so ASan sees any read past an end. */
	size_t half = size / 2;
	char *a = malloc(half ? half : 1);
	char *b = malloc(size - half ? size - half : 1);
	if (!a || !b) {
		free(a);
		free(b);
		return 0;
	}
	memcpy(a, data, half);
	memcpy(b, data + half, size - half);
	check_tokens(a, half);
	check_sentences(a, half);
	check_normalize(a, half);
	check_align(a, half, b, size - half);
	check_align(a, half, a, half);
	check_word_diff(a, half, b, size - half);
	/* facts: at most as many as tokens, each once; a match never counts
	 * more than it shares */
	struct wt__facts fa = {0}, fb = {0};
	FUZZ_CHECK(wt__facts(a, half, NULL, 0, &fa) == WT_OK);
	FUZZ_CHECK(wt__facts(b, size - half, NULL, 0, &fb) == WT_OK);
	for (size_t i = 0; i < fa.n; i++)
		for (size_t j = i + 1; j < fa.n; j++)
			FUZZ_CHECK(fa.v[i] != fa.v[j]);
	struct wt__fact_match fm = wt__facts_match(&fa, &fb);
	FUZZ_CHECK(fm.shared <= fa.n && fm.shared <= fb.n && fm.ordered <= fm.shared);
	FUZZ_CHECK(fm.adjacent <= fa.n && fm.shared_numbers <= fm.numbers);
	FUZZ_CHECK(wt__facts_match(&fa, &fa).ordered == fa.n);
	(void)wt__is_rewrite(&fa, fm);
	wt_free(fa.v);
	wt_free(fb.v);
	/* a credit compared with a site made of the other half */
	char site[64];
	size_t sl = size - half < sizeof(site) - 1 ? size - half : sizeof(site) - 1;
	memcpy(site, b, sl);
	site[sl] = '\0';
	struct wt_article other = {0};
	other.site = site;
	(void)wt__credits_site(a, half, &other);
	/* wt_find_credits: spans inside the text, start <= end */
	struct wt_credits cr;
	wt_find_credits(a, half, &cr);
	FUZZ_CHECK(cr.agency.start <= cr.agency.end && cr.agency.end <= half);
	FUZZ_CHECK(cr.byline.start <= cr.byline.end && cr.byline.end <= half);
	check_claims(a, half);
	free(a);
	free(b);
	return 0;
}
