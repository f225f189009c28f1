/*
 * sketch.h - what is kept of each article for finding candidates: an exact
 * hash of its cleaned token sequence, a MinHash signature of its word
 * shingles, and winnowed shingle fingerprints for containment.  Sketches are
 * flat arrays with no interior pointers, so they can be written to disk or
 * sent between processes as they are.
 */
#ifndef WT_SKETCH_H
#define WT_SKETCH_H

#include "core/core.h"
#include "text/text.h"

#define WT_MAX_PERM 1024

/*
 * Hashes of the word shingles of a token sequence, in order: shingle i
 * covers tokens i .. i+k-1.  A sequence shorter than k gives one shingle of
 * all its tokens; an empty one gives none.  `out` has room for n entries.
 * @return the number of shingles.
 */
size_t wt__shingles(const struct wt_token *t, size_t n, int k, uint64_t *out);

/*
 * One-permutation MinHash (Li, Owen and Zhang 2012) with optimal
 * densification (Shrivastava 2017): each shingle is hashed once and kept if
 * it is the least in its bin, so the cost is one hash per shingle instead
 * of one per shingle and permutation; an empty bin borrows from a
 * pseudo-random filled bin, the same for every document, so short texts
 * still get a full, unbiased signature.  sig[num_perm].
 */
void wt__minhash(const uint64_t *sh, size_t n, int num_perm, uint32_t *sig);

/* @return the share of equal slots: the MinHash estimate of Jaccard. */
double wt__minhash_jaccard(const uint32_t *a, const uint32_t *b, int num_perm);

/*
 * Winnowing (Schleimer et al. 2003): the least shingle hash of each window
 * of `w` shingles, each kept once.  Any run of w + k - 1 shared tokens
 * yields a shared fingerprint.  `out` has room for n entries.
 * @return the number of fingerprints.
 */
size_t wt__winnow(const uint64_t *sh, size_t n, int w, uint32_t *out);

/* The LSH key of band `band` of a signature (`rows` slots a band); the
 * candidates stage buckets on its upper 32 bits. */
uint64_t wt__band_key(const uint32_t *sig, int band, int rows);

/* Exact hash of a token sequence: equal cleaned texts, equal hashes. */
uint64_t wt__text_hash(const struct wt_token *t, size_t n);

#endif
