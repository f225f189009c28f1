/*
 * test_eval.c - unit tests of wt_eval_clusters: cases small enough to score
 * by hand (identical partitions, everything in one cluster against all
 * singletons, a worked example), invariance under renaming labels, the
 * degenerate and invalid inputs, and random partitions checked against a
 * naive O(n^2) count of pairs.
 */
#include "helpers.h"

#include "core/core.h"

#define EPS 1e-9

/* cmocka's assert_float_equal compares floats; scores are doubles. */
#define assert_near(a, b, eps) \
	assert_near_at((a), (b), (eps), #a, __FILE__, __LINE__)

static void assert_near_at(double got, double want, double eps,
			   const char *what, const char *file, int line)
{
	double d = got > want ? got - want : want - got;
	if (d <= eps)
		return;
	print_error("%s is %.12g, expected %.12g\n", what, got, want);
	_fail(file, line);
}

/* Checks that every score is 1 and the counts are as given. */
static void assert_perfect(const struct wt_cluster_scores *s, size_t items,
			   size_t clusters)
{
	assert_int_equal(s->items, items);
	assert_int_equal(s->gold_clusters, clusters);
	assert_int_equal(s->predicted_clusters, clusters);
	assert_near(s->pair_precision, 1, EPS);
	assert_near(s->pair_recall, 1, EPS);
	assert_near(s->pair_f1, 1, EPS);
	assert_near(s->bcubed_precision, 1, EPS);
	assert_near(s->bcubed_recall, 1, EPS);
	assert_near(s->bcubed_f1, 1, EPS);
	assert_near(s->ari, 1, EPS);
}

static void test_identical(void **state)
{
	(void)state;
	const uint64_t gold[] = {7, 7, 3, 3, 3, 9, 1};
	struct wt_cluster_scores s;
	assert_int_equal(wt_eval_clusters(7, gold, gold, &s), WT_OK);
	assert_perfect(&s, 7, 4);
}

/* Both all singletons: no pairs anywhere; scored 1 by definition. */
static void test_both_singletons(void **state)
{
	(void)state;
	const uint64_t gold[] = {1, 2, 3, 4, 5};
	const uint64_t pred[] = {50, 40, 30, 20, 10};
	struct wt_cluster_scores s;
	assert_int_equal(wt_eval_clusters(5, gold, pred, &s), WT_OK);
	assert_perfect(&s, 5, 5);
}

/* Both one cluster: every pair everywhere; also identical, ARI 1. */
static void test_both_one_cluster(void **state)
{
	(void)state;
	const uint64_t gold[] = {4, 4, 4, 4};
	const uint64_t pred[] = {0, 0, 0, 0};
	struct wt_cluster_scores s;
	assert_int_equal(wt_eval_clusters(4, gold, pred, &s), WT_OK);
	assert_perfect(&s, 4, 1);
}

static void test_single_item(void **state)
{
	(void)state;
	const uint64_t gold[] = {42};
	const uint64_t pred[] = {0};
	struct wt_cluster_scores s;
	assert_int_equal(wt_eval_clusters(1, gold, pred, &s), WT_OK);
	assert_perfect(&s, 1, 1);
}

/*
 * Gold: one cluster of 4; predicted: 4 singletons.
 * Pairs: gold 6, predicted 0, together 0.  Precision 1 (no predicted pair,
 * so none is wrong), recall 0/6 = 0, F1 0.
 * B-cubed: each item's predicted cluster is itself, all gold-correct:
 * precision 1; recall 1/4 per item; F1 = 2 * 1 * 0.25 / 1.25 = 0.4.
 * ARI: index 0, expected 6 * 0 / 6 = 0, max (6 + 0) / 2 = 3: 0 / 3 = 0.
 */
static void test_one_vs_singletons(void **state)
{
	(void)state;
	const uint64_t one[] = {1, 1, 1, 1};
	const uint64_t single[] = {1, 2, 3, 4};
	struct wt_cluster_scores s;
	assert_int_equal(wt_eval_clusters(4, one, single, &s), WT_OK);
	assert_int_equal(s.gold_clusters, 1);
	assert_int_equal(s.predicted_clusters, 4);
	assert_near(s.pair_precision, 1, EPS);
	assert_near(s.pair_recall, 0, EPS);
	assert_near(s.pair_f1, 0, EPS);
	assert_near(s.bcubed_precision, 1, EPS);
	assert_near(s.bcubed_recall, 0.25, EPS);
	assert_near(s.bcubed_f1, 0.4, EPS);
	assert_near(s.ari, 0, EPS);

	/* The other way round: precision and recall swap. */
	assert_int_equal(wt_eval_clusters(4, single, one, &s), WT_OK);
	assert_int_equal(s.gold_clusters, 4);
	assert_int_equal(s.predicted_clusters, 1);
	assert_near(s.pair_precision, 0, EPS);
	assert_near(s.pair_recall, 1, EPS);
	assert_near(s.pair_f1, 0, EPS);
	assert_near(s.bcubed_precision, 0.25, EPS);
	assert_near(s.bcubed_recall, 1, EPS);
	assert_near(s.bcubed_f1, 0.4, EPS);
	assert_near(s.ari, 0, EPS);
}

/*
 * Worked example, six items:
 *   gold       A = {1,2,3}  B = {4,5,6}
 *   predicted  X = {1,2}    Y = {3,4}    Z = {5,6}
 * Contingency: A&X 2, A&Y 1, B&Y 1, B&Z 2.
 *
 * Pairs: together C(2,2)+0+0+C(2,2) = 2; gold 3+3 = 6; predicted 1+1+1 = 3.
 *   precision 2/3, recall 2/6 = 1/3, F1 = 2 (2/9) / (3/3) = 4/9.
 * B-cubed precision, per item |pred & gold| / |pred|:
 *   1: 2/2  2: 2/2  3: 1/2  4: 1/2  5: 2/2  6: 2/2  -> mean 5/6.
 * B-cubed recall, per item |pred & gold| / |gold|:
 *   1: 2/3  2: 2/3  3: 1/3  4: 1/3  5: 2/3  6: 2/3  -> 10/3 / 6 = 5/9.
 *   F1 = 2 (5/6)(5/9) / (5/6 + 5/9) = (50/54) / (25/18) = 2/3.
 * ARI: index 2, all pairs C(6,2) = 15, expected 6 * 3 / 15 = 1.2,
 *   max (6 + 3) / 2 = 4.5: (2 - 1.2) / (4.5 - 1.2) = 0.8 / 3.3 = 8/33.
 */
static const uint64_t worked_gold[] = {10, 10, 10, 20, 20, 20};
static const uint64_t worked_pred[] = {1, 1, 2, 2, 3, 3};

static void assert_worked(const struct wt_cluster_scores *s)
{
	assert_int_equal(s->items, 6);
	assert_int_equal(s->gold_clusters, 2);
	assert_int_equal(s->predicted_clusters, 3);
	assert_near(s->pair_precision, 2.0 / 3, EPS);
	assert_near(s->pair_recall, 1.0 / 3, EPS);
	assert_near(s->pair_f1, 4.0 / 9, EPS);
	assert_near(s->bcubed_precision, 5.0 / 6, EPS);
	assert_near(s->bcubed_recall, 5.0 / 9, EPS);
	assert_near(s->bcubed_f1, 2.0 / 3, EPS);
	assert_near(s->ari, 8.0 / 33, EPS);
}

static void test_worked_example(void **state)
{
	(void)state;
	struct wt_cluster_scores s;
	assert_int_equal(wt_eval_clusters(6, worked_gold, worked_pred, &s), WT_OK);
	assert_worked(&s);
}

/* Renaming labels, reordering items, or both, changes no score. */
static void test_permutation_invariance(void **state)
{
	(void)state;
	const uint64_t gold_renamed[] = {UINT64_MAX, UINT64_MAX, UINT64_MAX,
					 0, 0, 0};
	const uint64_t pred_renamed[] = {99, 99, 5, 5, 0x8000000000000000ULL,
					 0x8000000000000000ULL};
	struct wt_cluster_scores s;
	assert_int_equal(wt_eval_clusters(6, gold_renamed, pred_renamed, &s),
			 WT_OK);
	assert_worked(&s);

	/* Items in another order: 6 4 2 5 3 1. */
	const size_t order[] = {5, 3, 1, 4, 2, 0};
	uint64_t gold[6], pred[6];
	for (size_t i = 0; i < 6; i++) {
		gold[i] = worked_gold[order[i]];
		pred[i] = worked_pred[order[i]];
	}
	assert_int_equal(wt_eval_clusters(6, gold, pred, &s), WT_OK);
	assert_worked(&s);
}

/* Swapping gold and predicted swaps precision and recall; ARI is symmetric. */
static void test_symmetry(void **state)
{
	(void)state;
	struct wt_cluster_scores s, t;
	assert_int_equal(wt_eval_clusters(6, worked_gold, worked_pred, &s), WT_OK);
	assert_int_equal(wt_eval_clusters(6, worked_pred, worked_gold, &t), WT_OK);
	assert_near(s.pair_precision, t.pair_recall, EPS);
	assert_near(s.pair_recall, t.pair_precision, EPS);
	assert_near(s.bcubed_precision, t.bcubed_recall, EPS);
	assert_near(s.bcubed_recall, t.bcubed_precision, EPS);
	assert_near(s.ari, t.ari, EPS);
}

static void test_invalid(void **state)
{
	(void)state;
	const uint64_t labels[] = {1};
	struct wt_cluster_scores s;
	assert_int_equal(wt_eval_clusters(0, labels, labels, &s), WT_ERR_INVALID);
	assert_int_equal(wt_eval_clusters(1, NULL, labels, &s), WT_ERR_INVALID);
	assert_int_equal(wt_eval_clusters(1, labels, NULL, &s), WT_ERR_INVALID);
	assert_int_equal(wt_eval_clusters(1, labels, labels, NULL),
			 WT_ERR_INVALID);
}

/* A failed allocation is reported, not crashed on, and nothing leaks. */
static void test_nomem(void **state)
{
	(void)state;
	struct wt_cluster_scores s;
	wt__alloc_fail_after(1);
	enum wt_status st = wt_eval_clusters(6, worked_gold, worked_pred, &s);
	wt__alloc_fail_after(0);
	assert_int_equal(st, WT_ERR_NOMEM);
}

/* A small deterministic generator, so failures reproduce. */
static uint64_t rng_next(uint64_t *x)
{
	*x ^= *x << 13;
	*x ^= *x >> 7;
	*x ^= *x << 17;
	return *x;
}

/* Random partitions scored against a direct count over all pairs and a
 * direct per-item B-cubed. */
static void test_against_naive(void **state)
{
	(void)state;
	enum { N = 200 };
	static uint64_t gold[N], pred[N];
	uint64_t seed = 0x9e3779b97f4a7c15ULL;
	for (int round = 0; round < 20; round++) {
		size_t n = 1 + rng_next(&seed) % N;
		uint64_t gk = 1 + rng_next(&seed) % 12, pk = 1 + rng_next(&seed) % 12;
		for (size_t i = 0; i < n; i++) {
			gold[i] = rng_next(&seed) % gk;
			pred[i] = rng_next(&seed) % pk;
		}
		double tp = 0, fp = 0, fn = 0, tn = 0, bp = 0, br = 0;
		for (size_t i = 0; i < n; i++) {
			double same_both = 0, same_pred = 0, same_gold = 0;
			for (size_t j = 0; j < n; j++) {
				int g = gold[i] == gold[j], p = pred[i] == pred[j];
				same_both += g && p;
				same_pred += p;
				same_gold += g;
				if (j <= i)
					continue;
				tp += g && p;
				fp += !g && p;
				fn += g && !p;
				tn += !g && !p;
			}
			bp += same_both / same_pred;
			br += same_both / same_gold;
		}
		struct wt_cluster_scores s;
		assert_int_equal(wt_eval_clusters(n, gold, pred, &s), WT_OK);
		assert_near(s.pair_precision, tp + fp ? tp / (tp + fp) : 1,
				   EPS);
		assert_near(s.pair_recall, tp + fn ? tp / (tp + fn) : 1,
				   EPS);
		assert_near(s.bcubed_precision, bp / n, EPS);
		assert_near(s.bcubed_recall, br / n, EPS);
		/* ARI from the pair confusion (equal to Hubert-Arabie). */
		double den = (tp + fn) * (fn + tn) + (tp + fp) * (fp + tn);
		double ari = den ? 2 * (tp * tn - fn * fp) / den : 1;
		assert_near(s.ari, ari, 1e-7);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_identical),
		cmocka_unit_test(test_both_singletons),
		cmocka_unit_test(test_both_one_cluster),
		cmocka_unit_test(test_single_item),
		cmocka_unit_test(test_one_vs_singletons),
		cmocka_unit_test(test_worked_example),
		cmocka_unit_test(test_permutation_invariance),
		cmocka_unit_test(test_symmetry),
		cmocka_unit_test(test_invalid),
		cmocka_unit_test(test_nomem),
		cmocka_unit_test(test_against_naive),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
