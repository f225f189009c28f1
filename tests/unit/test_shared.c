/*
 * test_shared.c - an analysis shared across processes (wt_analyze_shared)
 * equals the analysis alone.  The processes are threads here, exchanging
 * through memory with a barrier, as MPI's all-to-all does between ranks:
 * the keys and the alignments really travel, and every "process" must end
 * with the same result as wt_analyze().
 */
#include <pthread.h>
#include <unistd.h>

#include "helpers.h"

#define MAXP 5

struct bus {
	int size;
	pthread_barrier_t barrier;
	const void *send[MAXP][MAXP];
	size_t len[MAXP][MAXP];
	int calls[MAXP];
};

struct proc {
	struct bus *bus;
	int rank;
	const struct wt_corpus *corpus;
	const struct wt_options *options;
	struct wt_result *result;
	enum wt_status st;
};

static int bus_alltoall(void *ud, const void *const *send, const size_t *send_len, void **recv,
			size_t *recv_len)
{
	struct proc *p = ud;
	struct bus *b = p->bus;
	for (int k = 0; k < b->size; k++) {
		b->send[p->rank][k] = send[k];
		b->len[p->rank][k] = send_len[k];
	}
	b->calls[p->rank]++;
	pthread_barrier_wait(&b->barrier);
	size_t total = 0;
	for (int q = 0; q < b->size; q++)
		total += b->len[q][p->rank];
	char *out = malloc(total + 1);
	size_t at = 0;
	for (int q = 0; q < b->size; q++) {
		size_t n = b->len[q][p->rank];
		if (n)
			memcpy(out + at, b->send[q][p->rank], n);
		recv_len[q] = n;
		at += n;
	}
	*recv = out;
	pthread_barrier_wait(&b->barrier); /* senders keep their buffers until all copied */
	return 0;
}

static void *proc_main(void *arg)
{
	struct proc *p = arg;
	struct wt_exchange ex = {p->rank, p->bus->size, bus_alltoall, p};
	p->st = wt_analyze_shared(p->corpus, p->options, &ex, &p->result);
	return NULL;
}

static void assert_same(const struct wt_corpus *c, const struct wt_result *x,
			const struct wt_result *y)
{
	for (size_t i = 0; i < wt_corpus_count(c); i++) {
		const struct wt_article_result *a = wt_result_article(x, i), *b = wt_result_article(y, i);
		assert_int_equal(a->story, b->story);
		assert_int_equal(a->family, b->family);
		assert_int_equal(a->source, b->source);
		assert_int_equal(a->relation, b->relation);
		assert_int_equal(a->rule, b->rule);
		assert_true(a->coverage == b->coverage);
	}
	assert_int_equal(wt_result_pair_count(x), wt_result_pair_count(y));
	for (size_t p = 0; p < wt_result_pair_count(x); p++) {
		const struct wt_pair *a = wt_result_pair(x, p), *b = wt_result_pair(y, p);
		assert_int_equal(a->a, b->a);
		assert_int_equal(a->b, b->b);
		assert_int_equal(a->linked, b->linked);
		assert_true(a->alignment.jaccard == b->alignment.jaccard);
		assert_true(a->alignment.coverage_a == b->alignment.coverage_a);
		assert_true(a->alignment.informative_b == b->alignment.informative_b);
		assert_int_equal(a->alignment.n_passages, b->alignment.n_passages);
		for (size_t k = 0; k < a->alignment.n_passages; k++) {
			assert_int_equal(a->alignment.passages[k].a.start, b->alignment.passages[k].a.start);
			assert_int_equal(a->alignment.passages[k].b.end, b->alignment.passages[k].b.end);
		}
	}
	struct wt_analysis_stats sx, sy;
	wt_result_stats(x, &sx);
	wt_result_stats(y, &sy);
	assert_int_equal(sx.lsh_candidates, sy.lsh_candidates);
	assert_int_equal(sx.containment_candidates, sy.containment_candidates);
	assert_int_equal(sx.aligned_pairs, sy.aligned_pairs);
	assert_int_equal(sx.stories, sy.stories);
}

static void shared_equals_alone(const struct wt_corpus *c, int nproc)
{
	struct wt_options o;
	wt_options_default(&o);
	o.threads = 1;
	struct wt_result *alone = NULL;
	assert_int_equal(wt_analyze(c, &o, &alone), WT_OK);
	struct bus bus = {0};
	bus.size = nproc;
	pthread_barrier_init(&bus.barrier, NULL, (unsigned)nproc);
	struct proc ps[MAXP];
	pthread_t t[MAXP];
	for (int r = 0; r < nproc; r++) {
		ps[r] = (struct proc){&bus, r, c, &o, NULL, WT_OK};
		assert_int_equal(pthread_create(&t[r], NULL, proc_main, &ps[r]), 0);
	}
	for (int r = 0; r < nproc; r++)
		pthread_join(t[r], NULL);
	pthread_barrier_destroy(&bus.barrier);
	for (int r = 0; r < nproc; r++) {
		assert_int_equal(ps[r].st, WT_OK);
		/* candidates (LSH, fingerprints, counts) and alignments travelled */
		assert_true(bus.calls[r] >= 4);
		assert_same(c, alone, ps[r].result);
		wt_result_free(ps[r].result);
	}
	wt_result_free(alone);
}

/* The samples: twenty stories, copies, trims, rewrites, web pages. */
static void test_samples_shared(void **state)
{
	(void)state;
	struct wt_corpus *c;
	assert_int_equal(wt_corpus_new(&c), WT_OK);
	assert_int_equal(wt_corpus_read_path(c, "samples", WT_FORMAT_AUTO), WT_OK);
	assert_true(wt_corpus_count(c) >= 39);
	for (int p = 2; p <= MAXP; p++)
		shared_equals_alone(c, p);
	wt_corpus_free(c);
}

/* Many near copies, so that buckets span processes: 60 articles from 6
 * texts, each copy with a word changed and a sentence dropped, undated and
 * dated in turn. */
static void test_copies_shared(void **state)
{
	(void)state;
	static const char *const words[] = {"harbour", "council", "minister", "river", "flood",
					    "bridge", "court", "ruling", "airline", "storm",
					    "market", "police", "school", "strike", "train"};
	struct wt_corpus *c;
	assert_int_equal(wt_corpus_new(&c), WT_OK);
	char text[4096], id[32], date[32];
	for (int i = 0; i < 60; i++) {
		int base = i % 6;
		size_t n = 0;
		unsigned x = 2166136261u ^ (unsigned)base;
		for (int w = 0; w < 120; w++) {
			x = x * 16777619u + 12345u;
			const char *word = (w == 7 + i / 6) ? "changed" : words[(x >> 8) % 15];
			n += (size_t)snprintf(text + n, sizeof(text) - n, "%s%s", word,
					      w % 12 == 11 ? ". " : " ");
		}
		if (i >= 6)
			n -= 40; /* a trimmed copy */
		text[n] = 0;
		snprintf(id, sizeof(id), "copy-%02d", i);
		snprintf(date, sizeof(date), "2026-05-%02dT10:00:00Z", 1 + i / 6);
		add_dated(c, id, i % 2 ? date : "", i % 3 ? "a.example" : "b.example", text);
	}
	for (int p = 2; p <= 4; p++)
		shared_equals_alone(c, p);
	wt_corpus_free(c);
}

/* Shares of a JSON Lines file read in turn hold the file's articles, in
 * order, with the line numbers and offsets of a whole reading. */
static void test_read_shares(void **state)
{
	(void)state;
	char path[] = "/tmp/wt-shares-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	FILE *f = fdopen(fd, "w");
	for (int i = 0; i < 40; i++) {
		if (i == 17)
			fputs("{\"id\": \"broken\", \"text\": }\n", f); /* line 18 */
		else if (i % 9 == 4)
			fputs("\n", f); /* blank lines between records */
		else if (i % 7 == 2) /* an id repeated across shares: "dup#2"... */
			fprintf(f, "{\"id\": \"dup\", \"text\": \"Repeat %d.\"}\n", i);
		else
			fprintf(f, "{\"text\": \"Article number %d, with words of its own.\"}\n", i);
	}
	fclose(f);
	struct wt_corpus *whole;
	struct diags dw = {0};
	assert_int_equal(wt_corpus_new(&whole), WT_OK);
	wt_corpus_set_diag(whole, collect, &dw);
	assert_int_equal(wt_corpus_read_path(whole, path, WT_FORMAT_AUTO), WT_OK);
	const struct diag_rec *skip = NULL; /* the one malformed line */
	for (size_t d = 0; d < dw.n; d++)
		if (dw.v[d].kind == WT_DIAG_SKIP) {
			assert_null(skip);
			skip = &dw.v[d];
		}
	assert_non_null(skip);
	assert_int_equal(skip->line, 18);
	assert_true(wt_corpus_count(whole) > 30);
	for (int shares = 1; shares <= 7; shares++) {
		size_t skips = 0;
		struct wt_corpus *merged;
		assert_int_equal(wt_corpus_new(&merged), WT_OK);
		for (int k = 0; k < shares; k++) {
			struct wt_corpus *c;
			struct diags ds = {0};
			assert_int_equal(wt_corpus_new(&c), WT_OK);
			wt_corpus_set_diag(c, collect, &ds);
			wt_corpus_set_keep_ids(c, 1);
			assert_int_equal(wt_corpus_read_share(c, path, WT_FORMAT_AUTO, k, shares), WT_OK);
			for (size_t i = 0; i < wt_corpus_count(c); i++)
				assert_int_equal(wt_corpus_add(merged, wt_corpus_get(c, i)), WT_OK);
			for (size_t d = 0; d < ds.n; d++) {
				assert_int_equal(ds.v[d].kind, WT_DIAG_SKIP);
				assert_int_equal(ds.v[d].line, skip->line);
				assert_int_equal(ds.v[d].offset, skip->offset);
				skips++;
			}
			wt_corpus_free(c);
		}
		/* ids without an id field are "<file>:<line>"; repeated ones
		 * are renamed in the merge as in one reading */
		assert_int_equal(wt_corpus_count(merged), wt_corpus_count(whole));
		for (size_t i = 0; i < wt_corpus_count(whole); i++) {
			assert_string_equal(wt_corpus_get(merged, i)->id, wt_corpus_get(whole, i)->id);
			assert_string_equal(wt_corpus_get(merged, i)->text, wt_corpus_get(whole, i)->text);
		}
		assert_int_equal(skips, 1);
		wt_corpus_free(merged);
	}
	/* what cannot be shared is said so */
	struct wt_corpus *c;
	assert_int_equal(wt_corpus_new(&c), WT_OK);
	assert_int_equal(wt_corpus_read_share(c, "samples", WT_FORMAT_AUTO, 1, 2), WT_ERR_INVALID);
	assert_int_equal(wt_corpus_read_share(c, "-", WT_FORMAT_AUTO, 0, 2), WT_ERR_INVALID);
	assert_int_equal(wt_corpus_count(c), 0);
	wt_corpus_free(c);
	wt_corpus_free(whole);
	unlink(path);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_samples_shared),
		cmocka_unit_test(test_copies_shared),
		cmocka_unit_test(test_read_shares),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
