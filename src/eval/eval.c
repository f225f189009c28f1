/*
 * eval.c - agreement between a predicted clustering and a gold one: the
 * pairwise, B-cubed and adjusted Rand scores that story and family
 * clustering are measured with.  Every score is a function of the
 * contingency table n_ij (items in gold cluster i and predicted cluster j)
 * and its margins a_i and b_j, so the items are sorted twice, by (gold,
 * predicted) and by (predicted, gold), and the table is read off the runs of
 * equal labels: O(n log n) time and O(n) memory, never O(n^2) even for a
 * million items.
 *
 * Degenerate cases are defined rather than divided by zero:
 * - pairwise precision is 1 when the prediction puts no two items together
 *   (it claims no pair, so none of its claims is wrong), and pairwise recall
 *   is 1 when gold puts no two items together (there is no pair to find);
 *   so two all-singleton partitions score 1, 1, 1;
 * - an F1 is 0 when its precision and recall are both 0;
 * - the adjusted Rand index divides by (max index - expected index), which
 *   is zero only when both partitions have no pairs at all or both put every
 *   item in one cluster (this covers n == 1); the two partitions are then
 *   identical, and ARI is 1.
 */
#include <stdlib.h>

#include "core/core.h"

/* One item's two labels; sorted by one label, then the other. */
struct eval_item {
	uint64_t first, second;
};

/* qsort order of eval_item: by first label, then by second. */
static int item_cmp(const void *pa, const void *pb)
{
	const struct eval_item *a = pa, *b = pb;
	if (a->first != b->first)
		return a->first < b->first ? -1 : 1;
	if (a->second != b->second)
		return a->second < b->second ? -1 : 1;
	return 0;
}

/* @return n choose 2, exact while it fits in 64 bits (n below about 6e9);
 * halving the even factor first keeps the product from overflowing early. */
static uint64_t pairs_of(uint64_t n)
{
	return n % 2 == 0 ? (n / 2) * (n - 1) : n * ((n - 1) / 2);
}

/* @return the harmonic mean of p and r, 0 when both are 0. */
static double harmonic(double p, double r)
{
	return p + r > 0 ? 2 * p * r / (p + r) : 0;
}

/*
 * Walks the sorted items, one run per cluster of the `first` labelling.
 * Adds to *cells the pairs inside each contingency cell, to *margin the pairs
 * inside each cluster, and to *bcubed the sum over items of
 * n_ij / |cluster of first| (B-cubed precision when `first` is the predicted
 * labelling, recall when it is gold).  @return the number of clusters.
 */
static size_t scan_runs(const struct eval_item *items, size_t n,
			uint64_t *cells, uint64_t *margin, double *bcubed)
{
	size_t clusters = 0;
	uint64_t cell_pairs = 0, margin_pairs = 0;
	double bsum = 0;
	size_t i = 0;
	while (i < n) {
		size_t end = i;
		while (end < n && items[end].first == items[i].first)
			end++;
		size_t size = end - i;
		double square = 0; /* sum of n_ij^2 over the cells of this run */
		size_t j = i;
		while (j < end) {
			size_t k = j;
			while (k < end && items[k].second == items[j].second)
				k++;
			uint64_t cell = k - j;
			cell_pairs += pairs_of(cell);
			square += (double)cell * (double)cell;
			j = k;
		}
		margin_pairs += pairs_of(size);
		bsum += square / (double)size;
		clusters++;
		i = end;
	}
	*cells = cell_pairs;
	*margin = margin_pairs;
	*bcubed = bsum;
	return clusters;
}

enum wt_status wt_eval_clusters(size_t n, const uint64_t *gold,
				const uint64_t *pred,
				struct wt_cluster_scores *out)
{
	if (n == 0 || !gold || !pred || !out)
		return WT_ERR_INVALID;
	struct eval_item *items = wt__calloc(n, sizeof(*items));
	if (!items)
		return WT_ERR_NOMEM;

	/* Gold first: gold margins, and B-cubed recall (n_ij / a_i). */
	for (size_t i = 0; i < n; i++) {
		items[i].first = gold[i];
		items[i].second = pred[i];
	}
	qsort(items, n, sizeof(*items), item_cmp);
	uint64_t together = 0, gold_pairs = 0, pred_pairs = 0, again = 0;
	double recall_sum = 0, precision_sum = 0;
	size_t gold_clusters = scan_runs(items, n, &together, &gold_pairs,
					 &recall_sum);

	/* Predicted first: predicted margins, B-cubed precision (n_ij / b_j). */
	for (size_t i = 0; i < n; i++) {
		items[i].first = pred[i];
		items[i].second = gold[i];
	}
	qsort(items, n, sizeof(*items), item_cmp);
	size_t pred_clusters = scan_runs(items, n, &again, &pred_pairs,
					 &precision_sum);
	wt__free(items);
	if (again != together)
		return WT_ERR_INTERNAL; /* the table has one total either way */

	struct wt_cluster_scores s;
	memset(&s, 0, sizeof(s));
	s.items = n;
	s.gold_clusters = gold_clusters;
	s.predicted_clusters = pred_clusters;

	s.pair_precision = pred_pairs ? (double)together / (double)pred_pairs : 1;
	s.pair_recall = gold_pairs ? (double)together / (double)gold_pairs : 1;
	s.pair_f1 = harmonic(s.pair_precision, s.pair_recall);

	s.bcubed_precision = precision_sum / (double)n;
	s.bcubed_recall = recall_sum / (double)n;
	s.bcubed_f1 = harmonic(s.bcubed_precision, s.bcubed_recall);

	/*
	 * Hubert-Arabie: (index - expected) / (max - expected), with
	 * expected = A * B / N, max = (A + B) / 2, A and B the pairs inside gold
	 * and predicted clusters, N all pairs.  Multiplied through by N so that
	 * only one rounding happens per term; long double keeps A * B (up to
	 * about 2.5e23 for a million items) exact enough.
	 */
	uint64_t all_pairs = pairs_of(n);
	if (gold_pairs == pred_pairs &&
	    (gold_pairs == 0 || gold_pairs == all_pairs)) {
		s.ari = 1;
	} else {
		long double A = gold_pairs, B = pred_pairs, N = all_pairs;
		long double num = (long double)together * N - A * B;
		long double den = (A + B) / 2 * N - A * B;
		s.ari = (double)(num / den);
	}
	*out = s;
	return WT_OK;
}
