/*
 * align.h - passage alignment of two token sequences.
 */
#ifndef WT_ALIGN_H
#define WT_ALIGN_H

#include "core/core.h"
#include "text/text.h"

/*
 * Token weights from corpus counts: weight = 1 / (1 + count / k), where
 * count is how often the token (by the top `bits` bits of its hash) occurs
 * in the corpus.  k grows with the corpus, so a story copied a hundred
 * times in a million articles keeps its weight while template words that
 * recur in thousands of notices lose theirs.  The table holds the weights
 * themselves, so a token costs one load.
 */
struct wt__weights {
	const float *w; /* 1 << bits weights */
	int bits;
};

static inline double wt__weight(const struct wt__weights *w, uint64_t hash)
{
	return w->w[hash >> (64 - w->bits)];
}

/* Scratch memory reused across alignments by one thread. */
struct wt__align_scratch {
	uint64_t *gram_b;   /* seed hashes of b */
	uint32_t *next;     /* chain of equal seeds in b */
	uint32_t *head;     /* hash table of b's seeds */
	uint8_t *used_a, *used_b;
	uint64_t *sh_a, *sh_b; /* shingles, for the exact Jaccard */
	struct run { uint32_t a, b, len; } *runs;
	size_t cap_b, cap_head, cap_a, cap_runs, cap_sha, cap_shb;
};

void wt__align_scratch_release(struct wt__align_scratch *s);

/*
 * Aligns tokens a[0..n) with b[0..m): greedy string tiling from seeds of
 * options->seed_len tokens (longest tiles first, each token used once, so
 * reordered paragraphs are found), then tiles in the same order with gaps of
 * at most options->max_gap tokens on both sides merge into one passage.
 * Passages with fewer than options->min_passage matched tokens are dropped.
 * out->passages is allocated (wt_alignment_release); byte offsets come from
 * the tokens.  With want_jaccard, out->jaccard is the exact Jaccard of the
 * two shingle sets (a sort of each: O(n log n)); else it is left 0 for the
 * caller to fill.  With `weights`, out->informative_a and _b weigh each
 * token by its rarity; without, they equal the plain coverages.
 * Cost: O(n + m) plus the runs found.
 * @return WT_OK or WT_ERR_NOMEM.
 */
enum wt_status wt__align_tokens(const struct wt_token *a, size_t n,
				const struct wt_token *b, size_t m,
				const struct wt_options *options,
				struct wt__align_scratch *scratch,
				int want_jaccard, const struct wt__weights *weights,
				struct wt_alignment *out);

#endif
