/*
 * cluster.h - candidate pairs from sketches, and families with relations
 * from aligned pairs.
 */
#ifndef WT_CLUSTER_H
#define WT_CLUSTER_H

#include "core/core.h"
#include "read/read.h"

/* A candidate pair, a < b, with how it was found. */
struct wt__cand {
	uint32_t a, b;
	uint32_t lsh_hits; /* LSH bands shared */
	uint32_t fp_hits;  /* winnowed fingerprints shared */
};

/* What the candidate stage reads for each article. */
struct wt__cand_input {
	size_t n;
	const uint32_t *order;     /* rank of each article by (date, index) */
	const int64_t *time;       /* publication time, or WT_TIME_UNKNOWN */
	const uint8_t *active;     /* 0: a duplicate, represented by another */
	const uint32_t *sigs;      /* n * num_perm MinHash slots */
	int num_perm, bands;
	const uint32_t *const *fps; /* fingerprints of each article */
	const uint32_t *nfp;
	int max_candidates;
	int threads;               /* for building and sorting keys (0: every core) */
	/* Shared across processes: this one builds the keys of its share of
	 * the articles, sends each to the process owning it, pairs the
	 * buckets of the keys it owns, and the pair counts are summed across
	 * processes.  NULL: alone. */
	const struct wt_exchange *ex;
};

/*
 * Finds pairs worth aligning: articles sharing an LSH band, or sharing
 * enough winnowed fingerprints for one to contain part of the other.  Never
 * all pairs: a bucket with more than a few dozen members pairs each one with
 * its nearest neighbours in date order and with the earliest.  Each article
 * keeps its max_candidates best pairs with earlier articles (and, where the
 * order is not known from dates, with later ones too).  *out is allocated,
 * in (a, b) order.
 * @return WT_OK or WT_ERR_NOMEM.
 */
enum wt_status wt__candidates(const struct wt__cand_input *in,
			      struct wt__cand **out, size_t *count,
			      size_t *lsh_pairs, size_t *fp_pairs);

/* What the stories stage reads. */
struct wt__story_input {
	const struct wt_corpus *corpus;
	const char *const *texts; /* each article's text, site chrome blanked */
	const uint32_t *family;  /* each article's family root */
	const uint32_t *same_text; /* first article with the same words, or NULL */
	const float *idf;        /* inverse frequency by token hash bits */
	int idf_bits;
	double window_days;      /* time scale: a gap this long costs 0.1 of cosine */
	double threshold;        /* least cosine to join a story */
	int threads;             /* workers for term extraction */
};

/*
 * Groups articles into stories: families are kept whole, taken in date
 * order, each joining the most similar story active in the time window or
 * opening one.  story_of[i] receives the root article of the first family
 * of article i's story.  Cost: linear in the articles times the candidate
 * stories found through the inverted index (bounded).
 * @return WT_OK or WT_ERR_NOMEM.
 */
enum wt_status wt__stories(const struct wt__story_input *in, uint32_t *story_of);

/*
 * The words of a URL's slugs into out (room for strlen(url) + 1 bytes),
 * each followed by a space: the path segments and query values made of
 * three words or more joined by '-', '_' or '+' ("/costa-rica-plane-crash/",
 * "?q=Costa+Rica+plane+crash"), percent-escapes decoded, a file name's
 * extension and words with digits (ids, dates) left out.  A failed page (a
 * search page, a site's front page) often keeps its story's headline there.
 * @return the length written.
 */
size_t wt__url_slug(const char *url, char *out);

/* The power of ten a scale word or suffix stands for ("k", "thousand",
 * "m", "mn", "million", "bn", "billion", "tn", "trillion"; any case), or
 * 0. */
int wt__number_scale(const char *w, size_t n);

/*
 * A number as outlets write it ("6,000", "6000", "6K", "6.000", "$6k"'s
 * "6k", "1.5bn", "1.5" before "billion" given as scale 9) made one term:
 * its value's digits, hashed into `bits` bits.  ',' or '.' before three
 * digits groups thousands, else it is the decimal point.  @return 1 and
 * sets *id when the token t[0..n) is such a number with 3 digits or more
 * before its point, or a fraction (small counts stay words), else 0.
 */
int wt__number_term(const char *t, size_t n, int scale, int bits, uint32_t *id);

/* Sorts an array of 64-bit keys (LSD radix sort, linear time). */
enum wt_status wt__sort_u64(uint64_t *v, size_t n);

/* Sorts by bits from_bit..63 only (0 or 32), stably: entries equal there
 * keep their order.  Below 64 entries it sorts by all bits. */
enum wt_status wt__sort_u64_from(uint64_t *v, size_t n, int from_bit);

/* As wt__sort_u64_from, on up to `threads` threads from 2^20 entries (each
 * pass: every thread counts its slice's digits, then writes its slice
 * where the counts say); the same result for any number of threads. */
enum wt_status wt__sort_u64_par(uint64_t *v, size_t n, int from_bit, int threads);

#endif
