/*
 * sketch.c - shingles, MinHash, winnowed fingerprints and the exact text
 * hash of a token sequence.  See sketch.h for what each one is for.
 */
#include "sketch/sketch.h"

#define XXH_INLINE_ALL
#include <xxhash.h>

static inline uint64_t rotl(uint64_t x, int r)
{
	return (x << r) | (x >> (64 - r));
}

size_t wt__shingles(const struct wt_token *t, size_t n, int k, uint64_t *out)
{
	if (n == 0)
		return 0;
	if (n < (size_t)k) {
		uint64_t h = 0;
		for (size_t i = 0; i < n; i++)
			h = rotl(h, 17) ^ t[i].hash;
		out[0] = wt__mix64(h ^ (uint64_t)n);
		return 1;
	}
	size_t m = n - (size_t)k + 1;
	for (size_t i = 0; i < m; i++) {
		uint64_t h = 0;
		for (int j = 0; j < k; j++)
			h = rotl(h, 17) ^ t[i + (size_t)j].hash;
		out[i] = wt__mix64(h);
	}
	return m;
}

void wt__minhash(const uint64_t *sh, size_t n, int num_perm, uint32_t *sig)
{
	/* Bins take the hash's high bits modulo num_perm (a multiply-shift,
	 * exact for any num_perm); the value is its low 32 bits. */
	uint32_t empty = UINT32_MAX;
	for (int i = 0; i < num_perm; i++)
		sig[i] = empty;
	uint8_t filled[WT_MAX_PERM];
	memset(filled, 0, (size_t)num_perm);
	for (size_t i = 0; i < n; i++) {
		uint64_t h = sh[i];
		uint32_t bin = (uint32_t)(((h >> 32) * (uint64_t)num_perm) >> 32);
		uint32_t v = (uint32_t)h;
		if (v < sig[bin])
			sig[bin] = v;
		filled[bin] = 1;
	}
	if (n == 0)
		return;
	/* Optimal densification: an empty bin i probes bins with a hash of
	 * (i, attempt) until it finds a filled one and copies it. */
	for (int i = 0; i < num_perm; i++) {
		if (filled[i])
			continue;
		for (uint64_t attempt = 1;; attempt++) {
			uint64_t r = wt__mix64(((uint64_t)i << 32) ^ attempt ^ 0x9e3779b97f4a7c15ULL);
			uint32_t j = (uint32_t)(((r >> 32) * (uint64_t)num_perm) >> 32);
			if (filled[j]) {
				sig[i] = sig[j] ^ (uint32_t)wt__mix64((uint64_t)i + 1);
				break;
			}
		}
	}
	/* Borrowed values are salted by the bin, so that two documents agree
	 * in a borrowed bin only when they agree in the bin it came from. */
}

double wt__minhash_jaccard(const uint32_t *a, const uint32_t *b, int num_perm)
{
	int eq = 0;
	for (int i = 0; i < num_perm; i++)
		eq += a[i] == b[i];
	return (double)eq / num_perm;
}

size_t wt__winnow(const uint64_t *sh, size_t n, int w, uint32_t *out)
{
	if (n == 0)
		return 0;
	if (n <= (size_t)w) {
		uint64_t m = sh[0];
		for (size_t i = 1; i < n; i++)
			if (sh[i] < m)
				m = sh[i];
		out[0] = (uint32_t)(m >> 32);
		return 1;
	}
	size_t cnt = 0, last = SIZE_MAX;
	size_t minpos = 0;
	for (size_t i = 0; i + (size_t)w <= n; i++) {
		if (i == 0 || minpos < i) {
			/* Rescan the window: the old minimum left it. */
			minpos = i;
			for (size_t j = i + 1; j < i + (size_t)w; j++)
				if (sh[j] <= sh[minpos])
					minpos = j;
		} else if (sh[i + (size_t)w - 1] <= sh[minpos]) {
			minpos = i + (size_t)w - 1;
		}
		if (minpos != last) {
			out[cnt++] = (uint32_t)(sh[minpos] >> 32);
			last = minpos;
		}
	}
	return cnt;
}

uint64_t wt__text_hash(const struct wt_token *t, size_t n)
{
	XXH3_state_t st;
	XXH3_64bits_reset(&st);
	for (size_t i = 0; i < n; i++)
		XXH3_64bits_update(&st, &t[i].hash, sizeof(t[i].hash));
	return XXH3_64bits_digest(&st);
}
