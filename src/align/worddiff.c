/*
 * worddiff.c - word-level differences between two versions of a passage,
 * for showing what an edited copy changed: "12,400" against "14,200", a
 * quotation cut short.  A longest common subsequence over word hashes
 * (normalized, so case and curly quotes do not count as edits), with a
 * common prefix and suffix stripped first so the quadratic table covers
 * only the region that differs.
 */
#include "align/align.h"

#define MAX_WORDS 4096

struct script {
	struct wt_edit *v;
	size_t n, cap;
};

/* Appends an edit, merging it with the previous one of the same kind. */
static enum wt_status add(struct script *sc, enum wt_edit_op op,
			  const struct wt_token *ta, size_t ia,
			  const struct wt_token *tb, size_t ib)
{
	struct wt_span sa = {0, 0}, sb = {0, 0};
	if (op != WT_EDIT_INSERT)
		sa = (struct wt_span){ta[ia].start, ta[ia].end};
	if (op != WT_EDIT_DELETE)
		sb = (struct wt_span){tb[ib].start, tb[ib].end};
	if (sc->n && sc->v[sc->n - 1].op == op) {
		struct wt_edit *e = &sc->v[sc->n - 1];
		if (op != WT_EDIT_INSERT)
			e->a.end = sa.end;
		if (op != WT_EDIT_DELETE)
			e->b.end = sb.end;
		return WT_OK;
	}
	enum wt_status st = WT_GROW(sc->v, sc->cap, sc->n + 1, (size_t)4 * MAX_WORDS + 8);
	if (st)
		return st;
	sc->v[sc->n++] = (struct wt_edit){op, sa, sb};
	return WT_OK;
}

enum wt_status wt_word_diff(const char *a, size_t a_len, const char *b,
			    size_t b_len, struct wt_edit **out, size_t *count)
{
	if (!a || !b || !out || !count)
		return WT_ERR_INVALID;
	struct wt__tokens ta = {0}, tb = {0};
	struct script sc = {0};
	uint32_t *dp = NULL;
	enum wt_status st = wt__tokenize(a, a_len, &ta);
	if (!st)
		st = wt__tokenize(b, b_len, &tb);
	if (!st && (ta.n > MAX_WORDS || tb.n > MAX_WORDS))
		st = WT_ERR_LIMIT;
	if (st)
		goto done;
	size_t n = ta.n, m = tb.n, pre = 0, suf = 0;
	while (pre < n && pre < m && ta.v[pre].hash == tb.v[pre].hash)
		pre++;
	while (suf < n - pre && suf < m - pre &&
	       ta.v[n - 1 - suf].hash == tb.v[m - 1 - suf].hash)
		suf++;
	for (size_t i = 0; i < pre; i++)
		if ((st = add(&sc, WT_EDIT_SAME, ta.v, i, tb.v, i)))
			goto done;
	/* LCS lengths of the middle: dp[i][j] for suffixes from i and j. */
	size_t r = n - pre - suf, c = m - pre - suf;
	dp = wt__calloc((r + 1) * (c + 1), sizeof(*dp));
	if (!dp) {
		st = WT_ERR_NOMEM;
		goto done;
	}
	const struct wt_token *x = ta.v + pre, *y = tb.v + pre;
	for (size_t i = r; i-- > 0;)
		for (size_t j = c; j-- > 0;)
			dp[i * (c + 1) + j] = x[i].hash == y[j].hash
				? dp[(i + 1) * (c + 1) + j + 1] + 1
				: WT_MAX(dp[(i + 1) * (c + 1) + j], dp[i * (c + 1) + j + 1]);
	size_t i = 0, j = 0;
	while (i < r || j < c) {
		if (i < r && j < c && x[i].hash == y[j].hash) {
			st = add(&sc, WT_EDIT_SAME, x, i, y, j);
			i++;
			j++;
		} else if (i < r && (j == c || dp[(i + 1) * (c + 1) + j] >= dp[i * (c + 1) + j + 1])) {
			/* On a tie, delete first: a replaced word reads
			 * "[-old-]{+new+}". */
			st = add(&sc, WT_EDIT_DELETE, x, i, y, j);
			i++;
		} else {
			st = add(&sc, WT_EDIT_INSERT, x, i, y, j);
			j++;
		}
		if (st)
			goto done;
	}
	for (size_t k = 0; k < suf; k++)
		if ((st = add(&sc, WT_EDIT_SAME, ta.v, n - suf + k, tb.v, m - suf + k)))
			goto done;
	*out = sc.v;
	*count = sc.n;
	sc.v = NULL;
	if (!*out && !(*out = wt__malloc(sizeof(struct wt_edit))))
		st = WT_ERR_NOMEM;
done:
	wt__free(sc.v);
	wt__free(dp);
	wt__free(ta.v);
	wt__free(tb.v);
	return st;
}
