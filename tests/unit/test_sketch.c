/*
 * test_sketch.c - unit tests of the sketches.  MinHash estimates are
 * checked against the exact Jaccard index of 5-word shingle sets on
 * synthetic documents: pairs of random word-id sequences of 50 to 2000
 * tokens, built to share blocks of words so that their Jaccard index spans
 * 0.1 to 0.9, with the exact index computed here from the word ids
 * themselves (independently of the library's hashing).  Identical documents
 * must give 1 and disjoint ones near 0.  Winnowing: any run of w + k - 1
 * shared tokens yields a shared fingerprint, wherever it is implanted;
 * every window's least shingle is kept; fingerprint density is about
 * 2/(w+1).  Shingles are shift-invariant, and the exact text hash is equal
 * for texts differing only in case, quotes and spacing and different
 * otherwise.
 */
#include "helpers.h"

#include <math.h>

#include "cluster/cluster.h"
#include "sketch/sketch.h"

#define K 5
#define PERM 128

/* A small deterministic generator, so failures reproduce. */
static uint64_t rng_next(uint64_t *x)
{
	*x ^= *x << 13;
	*x ^= *x >> 7;
	*x ^= *x << 17;
	return *x;
}

static size_t rng_below(uint64_t *x, size_t n)
{
	return (size_t)(rng_next(x) % n);
}

/* The token of word `id`, as the tokenizer would hash it. */
static struct wt_token token_of(uint32_t id, uint32_t pos)
{
	struct wt_token t;
	t.start = pos * 6;
	t.end = pos * 6 + 5;
	t.hash = wt__mix64((uint64_t)id * 0x9E3779B97F4A7C15ULL + 0x51ED27A3ULL) | 1;
	return t;
}

static void to_tokens(const uint32_t *ids, size_t n, struct wt_token *out)
{
	for (size_t i = 0; i < n; i++)
		out[i] = token_of(ids[i], (uint32_t)i);
}

static int cmp_u64(const void *x, const void *y)
{
	uint64_t p = *(const uint64_t *)x, q = *(const uint64_t *)y;
	return p < q ? -1 : p > q;
}

/* Word ids are below 2^12, so a 5-word shingle packs into 60 bits.
 * @return the number of distinct shingles, sorted into out. */
#define VOCAB 4096
static size_t exact_shingles(const uint32_t *ids, size_t n, uint64_t *out)
{
	if (n < K)
		return 0;
	size_t m = n - K + 1;
	for (size_t i = 0; i < m; i++) {
		uint64_t s = 0;
		for (int j = 0; j < K; j++)
			s = s << 12 | ids[i + (size_t)j];
		out[i] = s;
	}
	qsort(out, m, sizeof(*out), cmp_u64);
	size_t w = 1;
	for (size_t i = 1; i < m; i++)
		if (out[i] != out[w - 1])
			out[w++] = out[i];
	return w;
}

static double exact_jaccard(const uint32_t *a, size_t n, const uint32_t *b, size_t m,
			    size_t *na_out, size_t *nb_out)
{
	uint64_t *sa = malloc((n + 1) * sizeof(*sa)), *sb = malloc((m + 1) * sizeof(*sb));
	assert_non_null(sa);
	assert_non_null(sb);
	size_t na = exact_shingles(a, n, sa), nb = exact_shingles(b, m, sb);
	size_t i = 0, j = 0, inter = 0;
	while (i < na && j < nb) {
		if (sa[i] == sb[j]) {
			inter++;
			i++;
			j++;
		} else if (sa[i] < sb[j]) {
			i++;
		} else {
			j++;
		}
	}
	free(sa);
	free(sb);
	*na_out = na;
	*nb_out = nb;
	size_t uni = na + nb - inter;
	return uni ? (double)inter / (double)uni : 1.0;
}

/* The MinHash estimate of the Jaccard index of two id sequences. */
static double estimate(const uint32_t *a, size_t n, const uint32_t *b, size_t m)
{
	struct wt_token *ta = malloc((n + 1) * sizeof(*ta)), *tb = malloc((m + 1) * sizeof(*tb));
	uint64_t *sa = malloc((n + 1) * sizeof(*sa)), *sb = malloc((m + 1) * sizeof(*sb));
	assert_non_null(ta);
	assert_non_null(tb);
	assert_non_null(sa);
	assert_non_null(sb);
	to_tokens(a, n, ta);
	to_tokens(b, m, tb);
	size_t na = wt__shingles(ta, n, K, sa), nb = wt__shingles(tb, m, K, sb);
	uint32_t siga[PERM], sigb[PERM];
	wt__minhash(sa, na, PERM, siga);
	wt__minhash(sb, nb, PERM, sigb);
	double e = wt__minhash_jaccard(siga, sigb, PERM);
	assert_true(e == wt__minhash_jaccard(sigb, siga, PERM));
	free(ta);
	free(tb);
	free(sa);
	free(sb);
	return e;
}

/*
 * Builds b from a: each block of 5 to 30 words of a is kept with
 * probability `keep`, otherwise replaced by a block of fresh words of
 * another random length.  @return the length of b (b has room for 3n).
 */
static size_t derive(const uint32_t *a, size_t n, double keep, uint32_t *b, uint64_t *rng)
{
	size_t m = 0, i = 0;
	while (i < n) {
		size_t len = 5 + rng_below(rng, 26);
		if (len > n - i)
			len = n - i;
		double u = (double)(rng_next(rng) >> 11) / 9007199254740992.0;
		if (u < keep) {
			memcpy(b + m, a + i, len * sizeof(*a));
			m += len;
		} else {
			size_t fresh = 5 + rng_below(rng, 26);
			for (size_t j = 0; j < fresh; j++)
				b[m++] = (uint32_t)rng_below(rng, VOCAB);
		}
		i += len;
	}
	return m;
}

static void test_minhash_accuracy(void **state)
{
	(void)state;
	static const size_t lengths[] = {50, 100, 200, 500, 1000, 2000};
	uint64_t rng = 0x2545F4914F6CDD1DULL;
	uint32_t *a = malloc(2000 * sizeof(*a)), *b = malloc(3 * 2000 * sizeof(*b));
	assert_non_null(a);
	assert_non_null(b);
	double sum_err = 0, max_err_big = 0;
	size_t pairs = 0, big_pairs = 0, low = 0, high = 0;
	for (size_t li = 0; li < sizeof(lengths) / sizeof(lengths[0]); li++) {
		for (int level = 1; level <= 9; level++) {
			double j_target = level / 10.0;
			double keep = 2 * j_target / (1 + j_target);
			for (int rep = 0; rep < 8; rep++) {
				size_t n = lengths[li];
				for (size_t i = 0; i < n; i++)
					a[i] = (uint32_t)rng_below(&rng, VOCAB);
				size_t m = derive(a, n, keep, b, &rng);
				size_t na, nb;
				double exact = exact_jaccard(a, n, b, m, &na, &nb);
				double est = estimate(a, n, b, m);
				double err = fabs(est - exact);
				sum_err += err;
				pairs++;
				low += exact < 0.25;
				high += exact > 0.75;
				if (na >= 100 && nb >= 100) {
					big_pairs++;
					if (err > max_err_big)
						max_err_big = err;
					if (err > 0.2)
						print_error("n=%zu m=%zu exact %.3f estimate %.3f\n",
							    n, m, exact, est);
				}
			}
		}
	}
	double mean = sum_err / (double)pairs;
	print_message("minhash: %zu pairs, mean |error| %.4f, max |error| %.4f "
		      "(%zu pairs of >= 100 shingles)\n",
		      pairs, mean, max_err_big, big_pairs);
	/* The pairs really do span the range of Jaccard levels. */
	assert_true(low >= pairs / 10);
	assert_true(high >= pairs / 10);
	assert_true(big_pairs >= pairs / 2);
	assert_true(mean < 0.05);
	assert_true(max_err_big <= 0.2);
	free(a);
	free(b);
}

static void test_minhash_identical_and_disjoint(void **state)
{
	(void)state;
	static const size_t lengths[] = {1, 3, 5, 6, 20, 50, 128, 500, 2000};
	uint64_t rng = 0x9E3779B97F4A7C15ULL;
	uint32_t *a = malloc(2000 * sizeof(*a)), *b = malloc(2000 * sizeof(*b));
	assert_non_null(a);
	assert_non_null(b);
	for (size_t li = 0; li < sizeof(lengths) / sizeof(lengths[0]); li++) {
		size_t n = lengths[li];
		for (int rep = 0; rep < 10; rep++) {
			for (size_t i = 0; i < n; i++) {
				a[i] = (uint32_t)rng_below(&rng, VOCAB / 2);
				b[i] = (uint32_t)(VOCAB / 2 + rng_below(&rng, VOCAB / 2));
			}
			/* Identical: every slot agrees. */
			assert_true(estimate(a, n, a, n) == 1.0);
			/* No word in common. */
			double e = estimate(a, n, b, n);
			if (e >= 0.1)
				print_error("disjoint documents of %zu tokens: estimate %.3f\n", n, e);
			assert_true(e < 0.1);
		}
	}
	free(a);
	free(b);
}

static void test_shingles(void **state)
{
	(void)state;
	uint32_t ids[40];
	struct wt_token t[41];
	uint64_t sh[41], sh2[41];
	uint64_t rng = 77;
	for (size_t i = 0; i < 40; i++)
		ids[i] = (uint32_t)rng_below(&rng, VOCAB);
	to_tokens(ids, 40, t);
	assert_int_equal(wt__shingles(t, 0, K, sh), 0);
	assert_int_equal(wt__shingles(t, 1, K, sh), 1);
	assert_int_equal(wt__shingles(t, 4, K, sh), 1);
	assert_int_equal(wt__shingles(t, 5, K, sh), 1);
	assert_int_equal(wt__shingles(t, 40, K, sh), 36);
	/* Shift invariance: one word put in front moves every shingle by one;
	 * shingles depend on words, not on offsets. */
	struct wt_token u[41];
	u[0] = token_of(4095, 0);
	for (size_t i = 0; i < 40; i++) {
		u[i + 1] = t[i];
		u[i + 1].start += 100;
		u[i + 1].end += 100;
	}
	assert_int_equal(wt__shingles(u, 41, K, sh2), 37);
	for (size_t i = 0; i < 36; i++)
		assert_true(sh2[i + 1] == sh[i]);
	/* Order within a shingle matters. */
	struct wt_token s1[5], s2[5];
	memcpy(s1, t, sizeof(s1));
	memcpy(s2, t, sizeof(s2));
	s2[1] = t[2];
	s2[2] = t[1];
	uint64_t h1, h2;
	wt__shingles(s1, 5, K, &h1);
	wt__shingles(s2, 5, K, &h2);
	assert_true(ids[1] == ids[2] || h1 != h2);
	/* A short text's one shingle differs from a longer text's first. */
	uint64_t short3, long5;
	wt__shingles(t, 3, K, &short3);
	wt__shingles(t, 5, K, &long5);
	assert_true(short3 != long5);
}

/* ---- winnowing --------------------------------------------------------- */

static size_t fingerprints(const uint32_t *ids, size_t n, int w, uint32_t *fp,
			   uint64_t *sh_out, size_t *nsh_out)
{
	struct wt_token *t = malloc((n + 1) * sizeof(*t));
	assert_non_null(t);
	to_tokens(ids, n, t);
	size_t nsh = wt__shingles(t, n, K, sh_out);
	free(t);
	*nsh_out = nsh;
	return wt__winnow(sh_out, nsh, w, fp);
}

static int shares(const uint32_t *x, size_t nx, const uint32_t *y, size_t ny)
{
	for (size_t i = 0; i < nx; i++)
		for (size_t j = 0; j < ny; j++)
			if (x[i] == y[j])
				return 1;
	return 0;
}

static int contains(const uint32_t *x, size_t nx, uint32_t v)
{
	for (size_t i = 0; i < nx; i++)
		if (x[i] == v)
			return 1;
	return 0;
}

static void test_winnow_shared_run(void **state)
{
	(void)state;
	static const int ws[] = {1, 2, 4, 8, 16, 32};
	uint64_t rng = 0xD1B54A32D192ED03ULL;
	enum { MAXN = 1200 };
	uint32_t *a = malloc(MAXN * sizeof(*a)), *b = malloc(MAXN * sizeof(*b));
	uint32_t *fa = malloc(MAXN * sizeof(*fa)), *fb = malloc(MAXN * sizeof(*fb));
	uint64_t *sa = malloc(MAXN * sizeof(*sa)), *sb = malloc(MAXN * sizeof(*sb));
	assert_true(a && b && fa && fb && sa && sb);
	size_t control_shared = 0, controls = 0;
	for (size_t wi = 0; wi < sizeof(ws) / sizeof(ws[0]); wi++) {
		int w = ws[wi];
		size_t run = (size_t)w + K - 1;
		for (int trial = 0; trial < 120; trial++) {
			size_t n = run + rng_below(&rng, 1000), m = run + rng_below(&rng, 1000);
			/* Two documents with distinct vocabularies... */
			for (size_t i = 0; i < n; i++)
				a[i] = (uint32_t)rng_below(&rng, VOCAB / 2);
			for (size_t i = 0; i < m; i++)
				b[i] = (uint32_t)(VOCAB / 2 + rng_below(&rng, VOCAB / 2));
			size_t nsa, nsb;
			if (trial % 4 == 0) {
				size_t fna = fingerprints(a, n, w, fa, sa, &nsa);
				size_t fnb = fingerprints(b, m, w, fb, sb, &nsb);
				controls++;
				control_shared += shares(fa, fna, fb, fnb);
			}
			/* ...and one run of w + k - 1 words implanted in both, at
			 * the ends as well as in the middle. */
			size_t pa = trial % 3 == 0 ? 0 : trial % 3 == 1 ? n - run
							   : rng_below(&rng, n - run + 1);
			size_t pb = trial % 5 == 0 ? m - run : trial % 5 == 1 ? 0
							     : rng_below(&rng, m - run + 1);
			for (size_t i = 0; i < run; i++)
				b[pb + i] = a[pa + i] = (uint32_t)rng_below(&rng, VOCAB);
			size_t fna = fingerprints(a, n, w, fa, sa, &nsa);
			size_t fnb = fingerprints(b, m, w, fb, sb, &nsb);
			assert_true(fna >= 1 && fna <= nsa);
			assert_true(fnb >= 1 && fnb <= nsb);
			if (!shares(fa, fna, fb, fnb))
				print_error("w=%d n=%zu m=%zu run at %zu and %zu: no shared fingerprint\n",
					    w, n, m, pa, pb);
			assert_true(shares(fa, fna, fb, fnb));
			/* The least shingle of the shared run is the one kept. */
			uint64_t least = sa[pa];
			for (size_t i = 1; i < (size_t)w; i++)
				least = WT_MIN(least, sa[pa + i]);
			assert_true(contains(fa, fna, (uint32_t)(least >> 32)));
			assert_true(contains(fb, fnb, (uint32_t)(least >> 32)));
		}
	}
	/* Without a shared run, shared fingerprints are (nearly) absent. */
	assert_true(control_shared <= controls / 20);
	free(a);
	free(b);
	free(fa);
	free(fb);
	free(sa);
	free(sb);
}

static void test_winnow_every_window(void **state)
{
	(void)state;
	/* Every window's least shingle is among the fingerprints, in order
	 * of position, and no fingerprint is an isolated non-minimum. */
	uint64_t rng = 1234567;
	enum { N = 3000 };
	uint64_t *sh = malloc(N * sizeof(*sh));
	uint32_t *fp = malloc(N * sizeof(*fp));
	assert_true(sh && fp);
	static const int ws[] = {1, 3, 4, 7, 8, 16, 50};
	for (size_t wi = 0; wi < sizeof(ws) / sizeof(ws[0]); wi++) {
		int w = ws[wi];
		for (size_t i = 0; i < N; i++)
			sh[i] = wt__mix64(rng_next(&rng));
		size_t nf = wt__winnow(sh, N, w, fp);
		size_t next = 0; /* fingerprints are emitted in window order */
		for (size_t i = 0; i + (size_t)w <= N; i++) {
			uint64_t least = sh[i];
			for (size_t j = i + 1; j < i + (size_t)w; j++)
				least = WT_MIN(least, sh[j]);
			uint32_t v = (uint32_t)(least >> 32);
			while (next < nf && fp[next] != v)
				next++;
			if (next == nf)
				print_error("w=%d window %zu: least shingle not kept\n", w, i);
			assert_true(next < nf);
		}
	}
	/* Fewer shingles than a window: one fingerprint, the least. */
	uint64_t few[3] = {0x300000000ULL, 0x100000000ULL, 0x200000000ULL};
	assert_int_equal(wt__winnow(few, 3, 8, fp), 1);
	assert_int_equal(fp[0], 1);
	assert_int_equal(wt__winnow(few, 0, 8, fp), 0);
	free(sh);
	free(fp);
}

static void test_winnow_density(void **state)
{
	(void)state;
	enum { N = 40000 };
	uint64_t rng = 99991;
	uint32_t *ids = malloc(N * sizeof(*ids));
	uint64_t *sh = malloc(N * sizeof(*sh));
	uint32_t *fp = malloc(N * sizeof(*fp));
	assert_true(ids && sh && fp);
	for (size_t i = 0; i < N; i++)
		ids[i] = (uint32_t)rng_below(&rng, VOCAB);
	static const int ws[] = {4, 8, 12, 16, 32};
	for (size_t wi = 0; wi < sizeof(ws) / sizeof(ws[0]); wi++) {
		int w = ws[wi];
		size_t nsh;
		size_t nf = fingerprints(ids, N, w, fp, sh, &nsh);
		double density = (double)nf / (double)nsh, expect = 2.0 / (w + 1);
		print_message("winnow w=%d: density %.4f, expected %.4f\n", w, density, expect);
		assert_true(fabs(density - expect) < 0.1 * expect);
	}
	free(ids);
	free(sh);
	free(fp);
}

/* ---- exact text hash --------------------------------------------------- */

static uint64_t text_hash(const char *s)
{
	struct wt_token *t = NULL;
	size_t n = 0;
	assert_int_equal(wt_tokenize(s, strlen(s), &t, &n), WT_OK);
	uint64_t h = wt__text_hash(t, n);
	wt_free(t);
	return h;
}

static void test_text_hash(void **state)
{
	(void)state;
	const char *base = "The Mayor said \xE2\x80\x9Cno\xE2\x80\x9D to the plan on Monday.";
	uint64_t h = text_hash(base);
	assert_true(h == text_hash("the mayor said \"no\" to the plan on monday"));
	assert_true(h == text_hash("  THE MAYOR SAID 'NO'\n\nto   the\tplan on Monday . "));
	assert_true(h == text_hash("The Mayor said \xC2\xABno\xC2\xBB to the plan on Monday."));
	/* A changed, dropped, added or moved word changes the hash. */
	assert_true(h != text_hash("The Mayor said yes to the plan on Monday."));
	assert_true(h != text_hash("The Mayor said no to the plan."));
	assert_true(h != text_hash("The Mayor said no to the plan on Monday evening."));
	assert_true(h != text_hash("The Mayor said no to the plan Monday on."));
	/* Word boundaries count: "to the" is not "tothe". */
	assert_true(h != text_hash("The Mayor said no tothe plan on Monday."));
	/* Texts without words hash alike. */
	assert_true(text_hash("") == text_hash(" -- ... \n"));
	assert_true(text_hash("") != h);
}

/* The radix sorts: by all bits, and by the high half only (stable: equal
 * keys keep the order their entries came in), on one thread and on three,
 * below and above the size from which threads sort; checked against a
 * plain comparison of each neighbouring pair. */
static void test_radix_sorts(void **state)
{
	(void)state;
	static const size_t sizes[] = {0, 1, 63, 64, 5000, 70000, (size_t)1 << 20, ((size_t)3 << 20) + 7};
	for (size_t z = 0; z < sizeof(sizes) / sizeof(sizes[0]); z++) {
		size_t n = sizes[z];
		uint64_t *v = malloc((n + 1) * sizeof(*v)), *a = malloc((n + 1) * sizeof(*a));
		assert_non_null(v);
		assert_non_null(a);
		uint64_t x = 0x9E3779B97F4A7C15ULL + n;
		for (size_t i = 0; i < n; i++) {
			x ^= x << 13, x ^= x >> 7, x ^= x << 17;
			/* few distinct high halves, many repeats: stability shows;
			 * the low half is the entry's position */
			v[i] = (x % 997) << 32 | (uint32_t)i;
			if (i % 5 == 0)
				v[i] |= (x & 0xFF00000000000000ULL); /* some keys use the top digit */
		}
		for (int from = 0; from <= 32; from += 32) {
			for (int threads = 1; threads <= 3; threads += 2) {
				memcpy(a, v, n * sizeof(*a));
				assert_int_equal(wt__sort_u64_par(a, n, from, threads), WT_OK);
				for (size_t i = 1; i < n; i++) {
					if (from == 32) {
						assert_true((a[i - 1] >> 32) <= (a[i] >> 32));
						if ((a[i - 1] >> 32) == (a[i] >> 32)) /* came in that order */
							assert_true((uint32_t)a[i - 1] < (uint32_t)a[i]);
					} else {
						assert_true(a[i - 1] <= a[i]);
					}
				}
				/* nothing lost: the positions are each there once */
				uint64_t sum = 0;
				for (size_t i = 0; i < n; i++)
					sum += (uint32_t)a[i];
				assert_true(sum == (uint64_t)n * (n ? n - 1 : 0) / 2);
			}
		}
		free(v);
		free(a);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_minhash_accuracy),
		cmocka_unit_test(test_minhash_identical_and_disjoint),
		cmocka_unit_test(test_shingles),
		cmocka_unit_test(test_winnow_shared_run),
		cmocka_unit_test(test_winnow_every_window),
		cmocka_unit_test(test_winnow_density),
		cmocka_unit_test(test_text_hash),
		cmocka_unit_test(test_radix_sorts),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
