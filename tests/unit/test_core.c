/*
 * test_core.c - unit tests of the core module: bounded byte buffers (their
 * hard maximum is WT_ERR_LIMIT, never an overrun), UTF-8 appends, the 64-bit
 * open-addressing map through growth to 100,000 keys, wt__grow's doubling
 * and caps, and the allocation hook: wt__alloc_fail_after makes the Nth
 * allocation fail, and every public function tried here (tokenizer,
 * normalizer, sentence splitter, aligner, corpus reader) must then return
 * WT_ERR_NOMEM and free everything it had allocated.  Leaks are counted with
 * an allocator installed through wt_set_allocator.
 */
#include "helpers.h"

#include "core/core.h"

/* ---- bounded buffers --------------------------------------------------- */

static void test_buf_cap(void **state)
{
	(void)state;
	struct wt__buf b;
	wt__buf_init(&b, 16);
	assert_int_equal(wt__buf_append(&b, "Reuters - ", 10), WT_OK);
	assert_int_equal(b.len, 10);
	/* 10 + 7 > 16: refused, and the buffer is left as it was. */
	assert_int_equal(wt__buf_append(&b, "Geneva ", 7), WT_ERR_LIMIT);
	assert_int_equal(b.len, 10);
	assert_string_equal(wt__buf_cstr(&b), "Reuters - ");
	/* Exactly up to the maximum is fine. */
	assert_int_equal(wt__buf_append(&b, "Paris ", 6), WT_OK);
	assert_int_equal(b.len, 16);
	assert_string_equal(wt__buf_cstr(&b), "Reuters - Paris ");
	assert_int_equal(wt__buf_putc(&b, 'x'), WT_ERR_LIMIT);
	assert_int_equal(wt__buf_put_utf8(&b, 0xE9), WT_ERR_LIMIT);
	assert_int_equal(b.len, 16);
	/* A single append larger than the maximum, and one that would
	 * overflow size_t when added to len, are refused too. */
	assert_int_equal(wt__buf_append(&b, "", 0), WT_OK);
	assert_int_equal(wt__buf_append(&b, "a", (size_t)-1), WT_ERR_LIMIT);
	assert_int_equal(b.len, 16);
	wt__buf_release(&b);
	assert_null(b.data);
	assert_int_equal(b.len, 0);
	assert_int_equal(b.max, 16);

	/* putc one byte at a time stops exactly at the maximum. */
	wt__buf_init(&b, 100);
	size_t ok = 0;
	for (int i = 0; i < 150; i++)
		if (wt__buf_putc(&b, (char)('a' + i % 26)) == WT_OK)
			ok++;
	assert_int_equal(ok, 100);
	assert_int_equal(b.len, 100);
	assert_int_equal(strlen(wt__buf_cstr(&b)), 100);
	wt__buf_release(&b);
}

static void test_buf_utf8_and_detach(void **state)
{
	(void)state;
	struct wt__buf b;
	wt__buf_init(&b, 1024);
	/* An empty buffer still gives a string. */
	assert_string_equal(wt__buf_cstr(&b), "");
	assert_int_equal(wt__buf_append(&b, "caf", 3), WT_OK);
	assert_int_equal(wt__buf_put_utf8(&b, 0xE9), WT_OK);    /* é */
	assert_int_equal(wt__buf_putc(&b, ' '), WT_OK);
	assert_int_equal(wt__buf_put_utf8(&b, 0x20AC), WT_OK);  /* € */
	assert_int_equal(wt__buf_put_utf8(&b, 0x1F600), WT_OK); /* 😀 */
	assert_int_equal(wt__buf_put_utf8(&b, 'A'), WT_OK);
	const char *want = "caf\xC3\xA9 \xE2\x82\xAC\xF0\x9F\x98\x80" "A";
	assert_int_equal(b.len, strlen(want));
	assert_memory_equal(b.data, want, b.len);
	size_t len = 0;
	char *p = wt__buf_detach(&b, &len);
	assert_non_null(p);
	assert_int_equal(len, strlen(want));
	assert_string_equal(p, want);
	assert_null(b.data);
	assert_int_equal(b.len, 0);
	wt__free(p);

	/* Detaching an empty buffer hands back an empty string. */
	p = wt__buf_detach(&b, &len);
	assert_non_null(p);
	assert_int_equal(len, 0);
	assert_string_equal(p, "");
	wt__free(p);
	wt__buf_release(&b);
}

/* ---- hash map ---------------------------------------------------------- */

static uint64_t key_of(uint64_t i)
{
	uint64_t k = wt__mix64(i * 0x9E3779B97F4A7C15ULL + 12345);
	return k ? k : 1;
}

static void test_map_100k(void **state)
{
	(void)state;
	enum { N = 100000 };
	struct wt__map m;
	assert_int_equal(wt__map_init(&m, 0), WT_OK);
	size_t cap0 = m.cap;
	uint64_t *slot;
	int found;
	for (uint64_t i = 0; i < N; i++) {
		assert_int_equal(wt__map_put(&m, key_of(i), i * 3, &slot, &found), WT_OK);
		assert_false(found);
		assert_int_equal(*slot, i * 3);
		*slot += 1; /* the slot is the stored value */
	}
	assert_int_equal(m.len, N);
	assert_true(m.cap > cap0);
	assert_int_equal(m.cap & (m.cap - 1), 0); /* a power of two */
	assert_true(m.len * 4 <= m.cap * 3);      /* load at most 3/4 */
	for (uint64_t i = 0; i < N; i++) {
		uint64_t *v = wt__map_get(&m, key_of(i));
		assert_non_null(v);
		assert_int_equal(*v, i * 3 + 1);
	}
	/* Absent keys. */
	for (uint64_t i = N; i < N + 1000; i++)
		assert_null(wt__map_get(&m, key_of(i)));
	/* Putting an existing key finds it and keeps its value. */
	for (uint64_t i = 0; i < N; i += 997) {
		assert_int_equal(wt__map_put(&m, key_of(i), 777, &slot, &found), WT_OK);
		assert_true(found);
		assert_int_equal(*slot, i * 3 + 1);
	}
	assert_int_equal(m.len, N);
	wt__map_release(&m);
	assert_null(m.keys);
	assert_int_equal(m.len, 0);
}

static void test_map_sequential_keys(void **state)
{
	(void)state;
	/* Small consecutive keys (indices + 1, as the corpus uses) and keys
	 * that differ only in high bits must not pile up or be lost. */
	struct wt__map m;
	assert_int_equal(wt__map_init(&m, 10), WT_OK);
	uint64_t *slot;
	int found;
	for (uint64_t i = 1; i <= 5000; i++) {
		assert_int_equal(wt__map_put(&m, i, i, &slot, &found), WT_OK);
		assert_int_equal(wt__map_put(&m, i << 40, i + 1, &slot, &found), WT_OK);
		assert_false(found);
	}
	assert_int_equal(m.len, 10000);
	for (uint64_t i = 1; i <= 5000; i++) {
		assert_int_equal(*wt__map_get(&m, i), i);
		assert_int_equal(*wt__map_get(&m, i << 40), i + 1);
	}
	assert_null(wt__map_get(&m, 5001));
	wt__map_release(&m);
}

static void test_map_nomem(void **state)
{
	(void)state;
	struct wt__map m;
	wt__alloc_fail_after(1);
	assert_int_equal(wt__map_init(&m, 100), WT_ERR_NOMEM);
	wt__alloc_fail_after(0);

	/* A failed rehash leaves the map usable with every key. */
	assert_int_equal(wt__map_init(&m, 0), WT_OK);
	uint64_t *slot;
	int found;
	uint64_t i = 0;
	size_t cap = m.cap;
	while ((i + 2) * 4 <= cap * 3) {
		assert_int_equal(wt__map_put(&m, key_of(i), i, &slot, &found), WT_OK);
		i++;
	}
	wt__alloc_fail_after(1);
	enum wt_status st = WT_OK;
	for (int k = 0; k < 4 && st == WT_OK; k++, i++)
		st = wt__map_put(&m, key_of(i), i, &slot, &found);
	wt__alloc_fail_after(0);
	assert_int_equal(st, WT_ERR_NOMEM);
	for (uint64_t j = 0; j + 1 < i; j++) {
		uint64_t *v = wt__map_get(&m, key_of(j));
		assert_non_null(v);
		assert_int_equal(*v, j);
	}
	wt__map_release(&m);
}

/* ---- wt__grow ---------------------------------------------------------- */

static void test_grow(void **state)
{
	(void)state;
	int *v = NULL;
	size_t cap = 0;
	assert_int_equal(WT_GROW(v, cap, 0, 100), WT_OK);
	assert_null(v); /* nothing needed, nothing allocated */
	assert_int_equal(WT_GROW(v, cap, 5, 100), WT_OK);
	assert_non_null(v);
	assert_int_equal(cap, 8);
	for (int i = 0; i < 8; i++)
		v[i] = i;
	assert_int_equal(WT_GROW(v, cap, 9, 100), WT_OK);
	assert_int_equal(cap, 16);
	for (int i = 0; i < 8; i++)
		assert_int_equal(v[i], i); /* contents kept */
	int *before = v;
	assert_int_equal(WT_GROW(v, cap, 16, 100), WT_OK);
	assert_ptr_equal(v, before); /* enough room: untouched */
	assert_int_equal(cap, 16);
	/* Doubling stops at the maximum. */
	assert_int_equal(WT_GROW(v, cap, 70, 100), WT_OK);
	assert_true(cap >= 70 && cap <= 100);
	assert_int_equal(WT_GROW(v, cap, 100, 100), WT_OK);
	assert_int_equal(cap, 100);
	v[99] = 99;
	/* Beyond the maximum: refused, array kept. */
	assert_int_equal(WT_GROW(v, cap, 101, 100), WT_ERR_LIMIT);
	assert_int_equal(cap, 100);
	assert_int_equal(v[99], 99);
	wt__free(v);

	/* Element size times count overflowing size_t is a limit, not a
	 * tiny allocation. */
	char *big = NULL;
	size_t bcap = 0;
	assert_int_equal(wt__grow((void **)&big, &bcap, (size_t)1 << 62, 64,
				  (size_t)-1),
			 WT_ERR_LIMIT);
	assert_null(big);
	assert_int_equal(bcap, 0);

	/* A failed allocation is NOMEM and keeps the old array. */
	v = NULL;
	cap = 0;
	assert_int_equal(WT_GROW(v, cap, 8, 1000), WT_OK);
	v[7] = 7;
	wt__alloc_fail_after(1);
	enum wt_status st = WT_GROW(v, cap, 9, 1000);
	wt__alloc_fail_after(0);
	assert_int_equal(st, WT_ERR_NOMEM);
	assert_int_equal(cap, 8);
	assert_int_equal(v[7], 7);
	wt__free(v);
}

static void test_alloc_fail_counting(void **state)
{
	(void)state;
	wt__alloc_fail_after(3);
	void *a = wt__malloc(10), *b = wt__malloc(10), *c = wt__malloc(10);
	void *d = wt__malloc(10);
	size_t done = wt__alloc_fail_after(0);
	assert_non_null(a);
	assert_non_null(b);
	assert_null(c); /* the third */
	assert_null(d); /* and every later one */
	assert_int_equal(done, 4);
	void *e = wt__malloc(10);
	assert_non_null(e); /* disabled again */
	wt__free(a);
	wt__free(b);
	wt__free(e);
	char *s = wt__strdup("Lagos");
	assert_string_equal(s, "Lagos");
	wt__free(s);
	assert_null(wt__strdup(NULL));
}

/* ---- allocation failure in library functions --------------------------- */

/* Counts live blocks, so that a function failing halfway can be shown to
 * have freed what it took. */
static long live_blocks;

static void *counting_realloc(void *ud, void *ptr, size_t size)
{
	(void)ud;
	if (size == 0) {
		if (ptr)
			live_blocks--;
		free(ptr);
		return NULL;
	}
	void *p = realloc(ptr, size);
	if (p && !ptr)
		live_blocks++;
	return p;
}

static int counting_setup(void **state)
{
	(void)state;
	live_blocks = 0;
	wt_set_allocator(counting_realloc, NULL);
	return 0;
}

static int counting_teardown(void **state)
{
	(void)state;
	wt__alloc_fail_after(0);
	wt_set_allocator(NULL, NULL);
	return 0;
}

static const char article[] =
	"GENEVA (Wire) \xE2\x80\x94 The World Health Organization said on "
	"Tuesday that 14,000 new cases were reported last week, up 5.93% "
	"from the week before.\n\n"
	"\xE2\x80\x9CWe are concerned,\xE2\x80\x9D Dr. Maria Lopez told "
	"reporters in Geneva. Officials in the U.S. and in \xD0\x9C\xD0\xBE"
	"\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0 declined to comment.\n"
	"\xE5\x8C\x97\xE4\xBA\xAC\xE6\x97\xB6\xE9\x97\xB4\xE3\x80\x82 "
	"\xD9\xBE\xD8\xA7\xDA\xA9\xD9\x80\xD9\x80\xD8\xB3\xD8\xAA\xD8\xA7\xD9\x86 "
	"Read [the full report](https://example.org/who/report) online.\n";

/* Runs `call` with allocation 1, 2, 3... failing until it succeeds; each
 * failure must be WT_ERR_NOMEM with no block left allocated. */
#define FAIL_EACH_ALLOCATION(call, on_success)                               \
	do {                                                                 \
		int succeeded_ = 0;                                          \
		for (size_t n_ = 1; n_ < 10000 && !succeeded_; n_++) {      \
			long before_ = live_blocks;                          \
			wt__alloc_fail_after(n_);                            \
			enum wt_status st_ = (call);                         \
			wt__alloc_fail_after(0);                             \
			if (st_ == WT_OK) {                                  \
				succeeded_ = 1;                              \
				assert_true(n_ > 1);                         \
				on_success;                                  \
			} else {                                             \
				if (st_ != WT_ERR_NOMEM)                     \
					print_error("allocation %zu failed: status %d\n", \
						    n_, (int)st_);           \
				assert_int_equal(st_, WT_ERR_NOMEM);         \
				if (live_blocks != before_)                  \
					print_error("allocation %zu failed: %ld blocks leaked\n", \
						    n_, live_blocks - before_); \
				assert_int_equal(live_blocks, before_);      \
			}                                                    \
		}                                                            \
		assert_true(succeeded_);                                     \
	} while (0)

static void test_nomem_tokenize(void **state)
{
	(void)state;
	struct wt_token *t = NULL;
	size_t n = 0;
	FAIL_EACH_ALLOCATION(wt_tokenize(article, sizeof(article) - 1, &t, &n),
			     { assert_true(n > 30); wt_free(t); });
	/* A long text, so that the token vector grows past its first guess. */
	size_t len = 0;
	char *big = malloc(200000);
	assert_non_null(big);
	while (len + 8 < 200000) {
		memcpy(big + len, "a b c d ", 8);
		len += 8;
	}
	FAIL_EACH_ALLOCATION(wt_tokenize(big, len, &t, &n),
			     { assert_int_equal(n, len / 2); wt_free(t); });
	free(big);
	assert_int_equal(live_blocks, 0);
}

static void test_nomem_normalize(void **state)
{
	(void)state;
	char *out = NULL;
	size_t out_len = 0, *map = NULL;
	FAIL_EACH_ALLOCATION(wt_normalize(article, sizeof(article) - 1, &out, &out_len, &map),
			     { assert_true(out_len > 100); wt_free(out); wt_free(map); });
	FAIL_EACH_ALLOCATION(wt_normalize(article, sizeof(article) - 1, &out, &out_len, NULL),
			     { assert_true(out_len > 100); wt_free(out); });
	/* Empty and all-space input still allocate their results. */
	FAIL_EACH_ALLOCATION(wt_normalize("  \n ", 4, &out, &out_len, &map),
			     { assert_int_equal(out_len, 0); wt_free(out); wt_free(map); });
	assert_int_equal(live_blocks, 0);
}

static void test_nomem_sentences(void **state)
{
	(void)state;
	struct wt_span *s = NULL;
	size_t n = 0;
	FAIL_EACH_ALLOCATION(wt_sentences(article, sizeof(article) - 1, &s, &n),
			     { assert_true(n >= 4); wt_free(s); });
	assert_int_equal(live_blocks, 0);
}

static void test_nomem_align(void **state)
{
	(void)state;
	static const char copy[] =
		"The World Health Organization said on Tuesday that 14,000 new "
		"cases were reported last week, up 5.93% from the week before. "
		"\"We are concerned,\" Dr. Maria Lopez told reporters in Geneva.";
	struct wt_alignment al;
	FAIL_EACH_ALLOCATION(wt_align_texts(article, sizeof(article) - 1, copy,
					    sizeof(copy) - 1, NULL, &al),
			     { assert_true(al.n_passages >= 1); wt_alignment_release(&al); });
	assert_int_equal(live_blocks, 0);
}

/* Creates a corpus and reads two inputs into it. */
static enum wt_status read_corpus(struct wt_corpus **out)
{
	static const char jsonl[] =
		"{\"id\":\"w1\",\"title\":\"Cases rise\",\"date\":\"2024-05-02\","
		"\"text\":\"The agency said cases rose by 5.93% \\u00e9t\\u00e9.\"}\n"
		"{\"id\":\"w1\",\"text\":\"A second record with the same id.\"}\n"
		"{\"id\":\"broken\",\"text\":\n"
		"{\"maintext\":\"Bad \xFF byte in a news-please record.\"}\n";
	static const char text[] =
		"title: Cases rise\ndate: 2024-05-02\n\nThe agency said cases rose.\n";
	struct wt_corpus *c = NULL;
	enum wt_status st = wt_corpus_new(&c);
	if (st)
		return st;
	st = wt_corpus_read_memory(c, "feed.jsonl", jsonl, sizeof(jsonl) - 1,
				   WT_FORMAT_AUTO);
	if (!st)
		st = wt_corpus_read_memory(c, "story.txt", text, sizeof(text) - 1,
					   WT_FORMAT_TEXT);
	if (st) {
		wt_corpus_free(c);
		return st;
	}
	*out = c;
	return WT_OK;
}

static void test_nomem_corpus(void **state)
{
	(void)state;
	struct wt_corpus *c = NULL;
	FAIL_EACH_ALLOCATION(read_corpus(&c),
			     { assert_int_equal(wt_corpus_count(c), 4); wt_corpus_free(c); });
	assert_int_equal(live_blocks, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_buf_cap),
		cmocka_unit_test(test_buf_utf8_and_detach),
		cmocka_unit_test(test_map_100k),
		cmocka_unit_test(test_map_sequential_keys),
		cmocka_unit_test(test_map_nomem),
		cmocka_unit_test(test_grow),
		cmocka_unit_test(test_alloc_fail_counting),
		cmocka_unit_test_setup_teardown(test_nomem_tokenize, counting_setup, counting_teardown),
		cmocka_unit_test_setup_teardown(test_nomem_normalize, counting_setup, counting_teardown),
		cmocka_unit_test_setup_teardown(test_nomem_sentences, counting_setup, counting_teardown),
		cmocka_unit_test_setup_teardown(test_nomem_align, counting_setup, counting_teardown),
		cmocka_unit_test_setup_teardown(test_nomem_corpus, counting_setup, counting_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
