/*
 * status.c - names of status codes and relations, the version, timing and
 * hashing helpers that every module uses.
 */
#define _POSIX_C_SOURCE 200809L
#include <time.h>

#define XXH_INLINE_ALL
#include <xxhash.h>

#include "core.h"

const char *wt_strerror(enum wt_status status)
{
	switch (status) {
	case WT_OK: return "success";
	case WT_ERR_NOMEM: return "out of memory";
	case WT_ERR_IO: return "input/output error";
	case WT_ERR_PARSE: return "malformed input";
	case WT_ERR_INVALID: return "invalid argument";
	case WT_ERR_LIMIT: return "input exceeds a limit";
	case WT_ERR_INTERNAL: return "internal error";
	}
	return "unknown status";
}

const char *wt_version(void)
{
	return WT_VERSION;
}

const char *wt_relation_name(enum wt_relation relation)
{
	switch (relation) {
	case WT_REL_ORIGINAL: return "original";
	case WT_REL_DUPLICATE: return "duplicate";
	case WT_REL_VERBATIM: return "verbatim";
	case WT_REL_EDITED: return "edited";
	case WT_REL_REWRITE: return "rewrite";
	case WT_REL_INDEPENDENT: return "independent";
	}
	return "unknown";
}

uint64_t wt__hash(const void *p, size_t n)
{
	return XXH3_64bits(p, n);
}

static int cmp_u64(const void *x, const void *y)
{
	uint64_t a = *(const uint64_t *)x, b = *(const uint64_t *)y;
	return (a > b) - (a < b);
}

void wt__sort_u64_few(uint64_t *v, size_t n)
{
	if (n > 48) {
		qsort(v, n, sizeof(*v), cmp_u64);
		return;
	}
	for (size_t i = 1; i < n; i++) {
		uint64_t x = v[i];
		size_t j = i;
		for (; j > 0 && v[j - 1] > x; j--)
			v[j] = v[j - 1];
		v[j] = x;
	}
}

double wt__now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec * 1e-9;
}
