/*
 * sketch.c - shingles, MinHash, winnowed fingerprints and the exact text
 * hash of a token sequence.  See sketch.h for what each one is for.
 */
#include <pthread.h>
#include <stdatomic.h>

#include "sketch/sketch.h"


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

#define PROBES 16

/* The attempt-th bin that bin i probes. */
static inline uint32_t probe_at(int i, uint64_t attempt, int num_perm)
{
	uint64_t r = wt__mix64(((uint64_t)i << 32) ^ attempt ^ 0x9e3779b97f4a7c15ULL);
	return (uint32_t)(((r >> 32) * (uint64_t)num_perm) >> 32);
}

static uint16_t probe_tab[WT_MAX_PERM * PROBES];
static uint32_t salt_tab[WT_MAX_PERM]; /* what a borrowed value is salted with */
static _Atomic int probe_tab_perm;
static pthread_mutex_t probe_lock = PTHREAD_MUTEX_INITIALIZER;

/* @return the probe table for num_perm, building it on first use; NULL
 * while another num_perm owns it (then probes are computed one by one). */
static const uint16_t *probe_table(int num_perm)
{
	if (atomic_load(&probe_tab_perm) == num_perm)
		return probe_tab;
	const uint16_t *t = NULL;
	pthread_mutex_lock(&probe_lock);
	if (atomic_load(&probe_tab_perm) == 0) {
		for (int i = 0; i < num_perm; i++) {
			for (int a = 0; a < PROBES; a++)
				probe_tab[i * PROBES + a] = (uint16_t)probe_at(i, (uint64_t)a + 1, num_perm);
			salt_tab[i] = (uint32_t)wt__mix64((uint64_t)i + 1);
		}
		atomic_store(&probe_tab_perm, num_perm);
	}
	if (atomic_load(&probe_tab_perm) == num_perm)
		t = probe_tab;
	pthread_mutex_unlock(&probe_lock);
	return t;
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
		uint32_t v = (uint32_t)h, cur = sig[bin];
		sig[bin] = v < cur ? v : cur; /* branch-free: the order is random */
		filled[bin] = 1;
	}
	if (n == 0)
		return;
	/* Optimal densification (Shrivastava 2017): an empty bin i probes
	 * bins along a pseudo-random sequence of its own, the same for every
	 * document, and copies the first filled one, salted by the bin so two
	 * documents agree there only when they agree in the bin it came from.
	 * The first probes come from a table built once per num_perm. */
	const uint16_t *probe = probe_table(num_perm);
	for (int i = 0; i < num_perm; i++) {
		if (filled[i])
			continue;
		int j = -1;
		for (int t = 0; t < PROBES && probe; t++) {
			int c = probe[i * PROBES + t];
			if (filled[c]) {
				j = c;
				break;
			}
		}
		for (uint64_t attempt = PROBES + 1; j < 0; attempt++)
			j = filled[probe_at(i, attempt, num_perm)] ? (int)probe_at(i, attempt, num_perm) : -1;
		sig[i] = sig[j] ^ (probe ? salt_tab[i] : (uint32_t)wt__mix64((uint64_t)i + 1));
	}
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
	uint64_t h = 0x2545F4914F6CDD1DULL;
	for (size_t i = 0; i < n; i++)
		h = rotl((h ^ t[i].hash) * 0x9E3779B97F4A7C15ULL, 29);
	return wt__mix64(h ^ (uint64_t)n);
}

uint64_t wt__band_key(const uint32_t *sig, int band, int rows)
{
	uint64_t h = (uint64_t)band * 0x9E3779B97F4A7C15ULL;
	for (int r = 0; r < rows; r++)
		h = wt__mix64(h ^ sig[band * rows + r]);
	return h;
}

enum wt_status wt_sketch_text(const char *text, size_t len, const struct wt_options *o,
			      uint32_t *sig, uint64_t *keys)
{
	struct wt_options d;
	if (!o) {
		wt_options_default(&d);
		o = &d;
	}
	if ((!text && len) || !sig || o->num_perm < 8 || o->num_perm > WT_MAX_PERM ||
	    o->bands < 1 || o->num_perm % o->bands || o->shingle < 1 || o->shingle > 32)
		return WT_ERR_INVALID;
	struct wt__tokens tv = {0};
	enum wt_status st = wt__tokenize(text ? text : "", len, &tv);
	uint64_t *sh = st ? NULL : wt__malloc((tv.n + 1) * sizeof(*sh));
	if (!st && !sh)
		st = WT_ERR_NOMEM;
	if (!st) {
		size_t ns = wt__shingles(tv.v, tv.n, o->shingle, sh);
		wt__minhash(sh, ns, o->num_perm, sig);
		int rows = o->num_perm / o->bands;
		for (int b = 0; keys && b < o->bands; b++)
			keys[b] = wt__band_key(sig, b, rows) >> 32;
	}
	wt__free(sh);
	wt__free(tv.v);
	return st;
}
