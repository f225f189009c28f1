/*
 * core.h - internal infrastructure shared by every module: the allocation
 * hook, growable buffers with hard caps, a 64-bit hash map and hashing.
 * Nothing here is public; names are wt__ (two underscores).
 */
#ifndef WT_CORE_H
#define WT_CORE_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "wiretrace.h"

/* Every allocation goes through these, so tests can fail the Nth one. */
void *wt__malloc(size_t size);
void *wt__calloc(size_t count, size_t size);
void *wt__realloc(void *ptr, size_t size);
void wt__free(void *ptr);
char *wt__strndup(const char *s, size_t len);
char *wt__strdup(const char *s);

/* ---- threads (parallel.c) --------------------------------------------- */

#define WT__MAX_THREADS 256

/* @return `requested`, or every core when it is 0 or less; at most
 * WT__MAX_THREADS. */
int wt__threads(int requested);

/*
 * Runs fn(args + t * size) for t in [0, n): t = 0 on the caller's thread,
 * the others on threads of their own (at most WT__MAX_THREADS), and on the
 * caller's thread afterwards when a thread cannot be started.  Returns when
 * all have returned.  size 0 gives every worker the same argument.
 */
void wt__run_workers(int n, void *(*fn)(void *), void *args, size_t size);

/*
 * Calls fn(ctx, i) for every i in [0, n) on up to `threads` threads (the
 * caller's among them), each i once, in no particular order; returns when
 * all are done.  fn must only write what belongs to its i.  A thread that
 * cannot be started leaves its share to the others.
 */
void wt__parallel_for(size_t n, int threads, void (*fn)(void *ctx, size_t i), void *ctx);

/* Test hook: make allocation number `n` (1-based, counted from this call)
 * and every later one fail; 0 disables.  @return allocations counted
 * since the hook was last armed (none are counted while it is not). */
size_t wt__alloc_fail_after(size_t n);

/*
 * Grows the array *ptr holding *cap elements of `elem` bytes so that it can
 * hold at least `need`, doubling; never beyond `max` elements.
 * @return WT_OK, WT_ERR_LIMIT (need > max), WT_ERR_NOMEM.
 */
enum wt_status wt__grow(void **ptr, size_t *cap, size_t need, size_t elem,
			size_t max);

#define WT_GROW(arr, cap, need, max) \
	wt__grow((void **)&(arr), &(cap), (need), sizeof(*(arr)), (max))

/* How many values two sorted arrays without repeats have in common. */
size_t wt__count_shared(const uint64_t *a, size_t na, const uint64_t *b, size_t nb);

/* Bounded byte buffer. */
struct wt__buf {
	char *data; /* owned; NUL-terminated when len > 0 via wt__buf_cstr */
	size_t len, cap, max;
};

void wt__buf_init(struct wt__buf *b, size_t max);
void wt__buf_release(struct wt__buf *b);
enum wt_status wt__buf_append(struct wt__buf *b, const void *p, size_t n);
enum wt_status wt__buf_putc(struct wt__buf *b, char c);
/* Appends the UTF-8 encoding of code point `cp`. */
enum wt_status wt__buf_put_utf8(struct wt__buf *b, int32_t cp);
/* @return a NUL-terminated view of the buffer (allocating if needed). */
const char *wt__buf_cstr(struct wt__buf *b);
/* Hands the data to the caller (NUL-terminated) and empties the buffer. */
char *wt__buf_detach(struct wt__buf *b, size_t *len);

/*
 * Open-addressing map from nonzero 64-bit keys to 64-bit values.  Key 0 is
 * reserved for empty slots; callers map a zero hash to 1.
 */
struct wt__map {
	uint64_t *keys;
	uint64_t *vals;
	size_t cap, len; /* cap is a power of two */
};

enum wt_status wt__map_init(struct wt__map *m, size_t expected);
void wt__map_release(struct wt__map *m);
/* @return a pointer to the value of `key`, or NULL when absent. */
uint64_t *wt__map_get(const struct wt__map *m, uint64_t key);
/* Finds or inserts `key` (value `init` when new); *slot gets the value's
 * address, *found whether it existed.  @return WT_OK or WT_ERR_NOMEM. */
enum wt_status wt__map_put(struct wt__map *m, uint64_t key, uint64_t init,
			   uint64_t **slot, int *found);

/* A fast 64-bit mix (splitmix64 finalizer); bijective. */
/* Date order: earlier first, unknown times (WT_TIME_UNKNOWN) after all
 * known ones.  @return -1, 0 or 1. */
/* ---- ASCII case, for markup and protocol names ------------------------ */

static inline int wt__lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

/* The value of hex digit c (either case), or -1. */
static inline int wt__hexval(unsigned char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c |= 32;
	return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* Whether s[0..n) is `lc` (lowercase), ignoring ASCII case. */
static inline int wt__eq_ci(const char *s, size_t n, const char *lc)
{
	size_t m = strlen(lc);
	if (n != m)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (wt__lower((unsigned char)s[i]) != lc[i])
			return 0;
	return 1;
}

/* The first place `lc` (lowercase) is in s[0..n), ignoring ASCII case, or
 * NULL. */
static inline const char *wt__find_ci(const char *s, size_t n, const char *lc)
{
	size_t m = strlen(lc);
	for (size_t i = 0; i + m <= n; i++) {
		size_t k = 0;
		while (k < m && wt__lower((unsigned char)s[i + k]) == lc[k])
			k++;
		if (k == m)
			return s + i;
	}
	return NULL;
}

static inline int wt__cmp_time(int64_t a, int64_t b)
{
	int au = a == WT_TIME_UNKNOWN, bu = b == WT_TIME_UNKNOWN;
	if (au != bu)
		return au - bu;
	return a < b ? -1 : a > b;
}

static inline uint64_t wt__mix64(uint64_t x)
{
	x ^= x >> 30;
	x *= 0xbf58476d1ce4e5b9ULL;
	x ^= x >> 27;
	x *= 0x94d049bb133111ebULL;
	x ^= x >> 31;
	return x;
}

/* Hash of bytes (xxHash XXH3). */
uint64_t wt__hash(const void *p, size_t n);

/* Sorts v[0..n) in ascending order: by insertion for the few dozen token
 * hashes of a sentence (no call per comparison), qsort beyond. */
void wt__sort_u64_few(uint64_t *v, size_t n);

/* Monotonic seconds, for stage timings. */
double wt__now(void);

#define WT_MIN(a, b) ((a) < (b) ? (a) : (b))
#define WT_MAX(a, b) ((a) > (b) ? (a) : (b))

/* ---- sharing across processes (exchange.c) ---- */

/* The exchange's all-to-all (recv is malloc'd; recv_len has one length per
 * process).  @return WT_OK, or WT_ERR_IO when it failed. */
enum wt_status wt__ex_alltoall(const struct wt_exchange *ex, const void *const *send,
			       const size_t *send_len, void **recv, size_t *recv_len);

/* Sends the same bytes to every process, receives everyone's. */
enum wt_status wt__ex_allgather(const struct wt_exchange *ex, const void *data, size_t len,
				void **recv, size_t *recv_len);

/* This process's contiguous share [lo, hi) of n items (all of them when ex
 * is NULL). */
void wt__ex_share(const struct wt_exchange *ex, size_t n, size_t *lo, size_t *hi);

#endif
