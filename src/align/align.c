/*
 * align.c - which passages of one article appear in another, with byte
 * offsets in both.
 *
 * The method is greedy string tiling (Wise 1993) seeded by hashed k-grams:
 * every maximal run of equal tokens that starts with a shared k-gram is
 * found through a hash table of b's k-grams; runs are taken longest first,
 * each token at most once, so a moved paragraph aligns as well as one in
 * place.  Tiles that follow each other in both texts, separated by a few
 * tokens of edit (a respelled or changed word, a short insertion), merge
 * into one passage; a dropped or inserted sentence splits a passage in two
 * and both halves are still found.
 */
#include <stdlib.h>

#include "align/align.h"
#include "sketch/sketch.h"

#define MAX_CHAIN 24 /* occurrences of one seed examined: bounds repetitive text */

void wt__align_scratch_release(struct wt__align_scratch *s)
{
	wt__free(s->gram_b);
	wt__free(s->next);
	wt__free(s->head);
	wt__free(s->used_a);
	wt__free(s->used_b);
	wt__free(s->sh_a);
	wt__free(s->sh_b);
	wt__free(s->runs);
	memset(s, 0, sizeof(*s));
}

void wt_alignment_release(struct wt_alignment *al)
{
	if (!al)
		return;
	wt__free(al->passages);
	memset(al, 0, sizeof(*al));
}

static inline uint64_t rotl(uint64_t x, int r)
{
	return (x << r) | (x >> (64 - r));
}

static inline uint64_t seed_hash(const struct wt_token *t, size_t i, int k)
{
	uint64_t h = 0;
	for (int j = 0; j < k; j++)
		h = rotl(h, 23) ^ t[i + (size_t)j].hash;
	h = wt__mix64(h);
	return h ? h : 1;
}

static int cmp_runs(const void *x, const void *y)
{
	const struct run *p = x, *q = y;
	if (p->len != q->len)
		return p->len > q->len ? -1 : 1;
	if (p->a != q->a)
		return p->a < q->a ? -1 : 1;
	return p->b < q->b ? -1 : p->b > q->b;
}

static int cmp_tiles_a(const void *x, const void *y)
{
	const struct run *p = x, *q = y;
	return p->a < q->a ? -1 : p->a > q->a;
}

static int cmp_u64(const void *x, const void *y)
{
	uint64_t p = *(const uint64_t *)x, q = *(const uint64_t *)y;
	return p < q ? -1 : p > q;
}

static size_t sort_unique(uint64_t *v, size_t n)
{
	if (n == 0)
		return 0;
	qsort(v, n, sizeof(*v), cmp_u64);
	size_t w = 1;
	for (size_t i = 1; i < n; i++)
		if (v[i] != v[w - 1])
			v[w++] = v[i];
	return w;
}

/* Exact Jaccard of the shingle sets of a and b. */
static enum wt_status exact_jaccard(const struct wt_token *a, size_t n,
				    const struct wt_token *b, size_t m, int k,
				    struct wt__align_scratch *s, double *out)
{
	enum wt_status st;
	if ((st = WT_GROW(s->sh_a, s->cap_sha, n + 1, (size_t)UINT32_MAX)) ||
	    (st = WT_GROW(s->sh_b, s->cap_shb, m + 1, (size_t)UINT32_MAX)))
		return st;
	size_t na = sort_unique(s->sh_a, wt__shingles(a, n, k, s->sh_a));
	size_t nb = sort_unique(s->sh_b, wt__shingles(b, m, k, s->sh_b));
	size_t i = 0, j = 0, inter = 0;
	while (i < na && j < nb) {
		if (s->sh_a[i] == s->sh_b[j]) {
			inter++;
			i++;
			j++;
		} else if (s->sh_a[i] < s->sh_b[j]) {
			i++;
		} else {
			j++;
		}
	}
	size_t uni = na + nb - inter;
	*out = uni ? (double)inter / (double)uni : 0.0;
	return WT_OK;
}

enum wt_status wt__align_tokens(const struct wt_token *a, size_t n,
				const struct wt_token *b, size_t m,
				const struct wt_options *o,
				struct wt__align_scratch *s, int want_jaccard,
				const struct wt__weights *wts,
				struct wt_alignment *out)
{
	memset(out, 0, sizeof(*out));
	enum wt_status st = WT_OK;
	if (want_jaccard && (st = exact_jaccard(a, n, b, m, o->shingle, s, &out->jaccard)))
		return st;
	int k = o->seed_len;
	if (n < (size_t)k || m < (size_t)k)
		return WT_OK;
	size_t ng_b = m - (size_t)k + 1;
	size_t hcap = 16;
	while (hcap < ng_b * 2)
		hcap *= 2;
	if (m > s->cap_b) {
		wt__free(s->gram_b);
		wt__free(s->next);
		wt__free(s->used_b);
		s->gram_b = wt__malloc(m * sizeof(uint64_t));
		s->next = wt__malloc(m * sizeof(uint32_t));
		s->used_b = wt__malloc(m);
		s->cap_b = m;
		if (!s->gram_b || !s->next || !s->used_b) {
			wt__align_scratch_release(s);
			return WT_ERR_NOMEM;
		}
	}
	if (hcap > s->cap_head) {
		wt__free(s->head);
		s->head = wt__malloc(hcap * sizeof(uint32_t));
		if (!s->head) {
			s->cap_head = 0;
			return WT_ERR_NOMEM;
		}
		s->cap_head = hcap;
	}
	if (n > s->cap_a) {
		wt__free(s->used_a);
		s->used_a = wt__malloc(n);
		if (!s->used_a) {
			s->cap_a = 0;
			return WT_ERR_NOMEM;
		}
		s->cap_a = n;
	}
	memset(s->head, 0xFF, hcap * sizeof(uint32_t));
	size_t mask = hcap - 1;
	for (size_t j = ng_b; j-- > 0;) {
		uint64_t g = seed_hash(b, j, k);
		s->gram_b[j] = g;
		size_t slot = g & mask;
		s->next[j] = s->head[slot];
		s->head[slot] = (uint32_t)j;
	}

	/* Maximal runs starting at shared seeds. */
	size_t nruns = 0;
	for (size_t i = 0; i + (size_t)k <= n; i++) {
		uint64_t g = seed_hash(a, i, k);
		int visits = 0;
		for (uint32_t j = s->head[g & mask]; j != UINT32_MAX && visits < MAX_CHAIN;
		     j = s->next[j], visits++) {
			if (s->gram_b[j] != g)
				continue;
			if (i > 0 && j > 0 && a[i - 1].hash == b[j - 1].hash)
				continue; /* inside a longer run found earlier */
			size_t len = 0;
			while (i + len < n && j + len < m && a[i + len].hash == b[j + len].hash)
				len++;
			if (len < (size_t)k)
				continue; /* a seed-hash collision */
			if ((st = WT_GROW(s->runs, s->cap_runs, nruns + 1, (size_t)1 << 30)))
				return st;
			s->runs[nruns++] = (struct run){(uint32_t)i, j, (uint32_t)len};
		}
	}
	if (!nruns)
		return WT_OK;
	qsort(s->runs, nruns, sizeof(*s->runs), cmp_runs);
	memset(s->used_a, 0, n);
	memset(s->used_b, 0, m);
	size_t ntiles = 0;
	for (size_t r = 0; r < nruns; r++) {
		struct run u = s->runs[r];
		/* The longest stretch of this run free on both sides. */
		size_t best = 0, best_off = 0, cur = 0;
		for (size_t t = 0; t < u.len; t++) {
			if (!s->used_a[u.a + t] && !s->used_b[u.b + t]) {
				if (++cur > best) {
					best = cur;
					best_off = t + 1 - cur;
				}
			} else {
				cur = 0;
			}
		}
		if (best < (size_t)k)
			continue;
		u.a += (uint32_t)best_off;
		u.b += (uint32_t)best_off;
		u.len = (uint32_t)best;
		memset(s->used_a + u.a, 1, best);
		memset(s->used_b + u.b, 1, best);
		s->runs[ntiles++] = u; /* tiles overwrite runs already consumed */
	}
	qsort(s->runs, ntiles, sizeof(*s->runs), cmp_tiles_a);

	/* Merge tiles into passages.  used_b still marks tiled tokens of b: a
	 * gap may be bridged only where no other tile lies in it, so passages
	 * never overlap. */
	struct wt_passage *ps = NULL;
	size_t np = 0, pcap = 0;
	size_t cov_a = 0, cov_b = 0;
	double wcov_a = 0, wcov_b = 0;
	size_t t = 0;
	while (t < ntiles) {
		struct run first = s->runs[t];
		size_t a0 = first.a, a1 = first.a + first.len;
		size_t b0 = first.b, b1 = first.b + first.len;
		size_t matched = first.len;
		size_t u = t + 1;
		while (u < ntiles) {
			struct run nx = s->runs[u];
			if (nx.a < a1 || nx.b < b1 || nx.a - a1 > (size_t)o->max_gap ||
			    nx.b - b1 > (size_t)o->max_gap)
				break;
			int clear = 1;
			for (size_t g = b1; g < nx.b && clear; g++)
				clear = !s->used_b[g];
			if (!clear)
				break;
			a1 = nx.a + nx.len;
			b1 = nx.b + nx.len;
			matched += nx.len;
			u++;
		}
		t = u;
		if (matched < (size_t)o->min_passage)
			continue;
		if ((st = WT_GROW(ps, pcap, np + 1, (size_t)1 << 24))) {
			wt__free(ps);
			return st;
		}
		ps[np].a.start = a[a0].start;
		ps[np].a.end = a[a1 - 1].end;
		ps[np].b.start = b[b0].start;
		ps[np].b.end = b[b1 - 1].end;
		np++;
		cov_a += a1 - a0;
		cov_b += b1 - b0;
		if (wts) {
			for (size_t x = a0; x < a1; x++)
				wcov_a += wt__weight(wts, a[x].hash);
			for (size_t x = b0; x < b1; x++)
				wcov_b += wt__weight(wts, b[x].hash);
		}
	}
	out->passages = ps;
	out->n_passages = np;
	out->coverage_a = (double)cov_a / (double)n;
	out->coverage_b = (double)cov_b / (double)m;
	out->informative_a = out->coverage_a;
	out->informative_b = out->coverage_b;
	if (wts && np) {
		double ta = 0, tb = 0;
		for (size_t x = 0; x < n; x++)
			ta += wt__weight(wts, a[x].hash);
		for (size_t x = 0; x < m; x++)
			tb += wt__weight(wts, b[x].hash);
		out->informative_a = ta > 0 ? wcov_a / ta : 0;
		out->informative_b = tb > 0 ? wcov_b / tb : 0;
	}
	return WT_OK;
}

enum wt_status wt_align_texts(const char *a, size_t a_len, const char *b,
			      size_t b_len, const struct wt_options *options,
			      struct wt_alignment *out)
{
	if (!a || !b || !out)
		return WT_ERR_INVALID;
	struct wt_options def;
	if (!options) {
		wt_options_default(&def);
		options = &def;
	}
	struct wt__tokens ta = {0}, tb = {0};
	struct wt__align_scratch s = {0};
	enum wt_status st = wt__tokenize(a, a_len, &ta);
	if (!st)
		st = wt__tokenize(b, b_len, &tb);
	if (!st)
		st = wt__align_tokens(ta.v, ta.n, tb.v, tb.n, options, &s, 1, NULL, out);
	wt__free(ta.v);
	wt__free(tb.v);
	wt__align_scratch_release(&s);
	return st;
}
