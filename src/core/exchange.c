/*
 * exchange.c - the collective steps of an analysis shared across processes
 * (struct wt_exchange): byte buffers sent to each process, or the same one
 * to all, and a process's share of a range.
 */
#include <stdlib.h>

#include "core/core.h"

enum wt_status wt__ex_alltoall(const struct wt_exchange *ex, const void *const *send,
			       const size_t *send_len, void **recv, size_t *recv_len)
{
	*recv = NULL;
	if (ex->alltoall(ex->ud, send, send_len, recv, recv_len))
		return WT_ERR_IO;
	return WT_OK;
}

enum wt_status wt__ex_allgather(const struct wt_exchange *ex, const void *data, size_t len,
				void **recv, size_t *recv_len)
{
	const void **send = malloc((size_t)ex->size * sizeof(*send));
	size_t *lens = malloc((size_t)ex->size * sizeof(*lens));
	enum wt_status st = send && lens ? WT_OK : WT_ERR_NOMEM;
	for (int k = 0; !st && k < ex->size; k++) {
		send[k] = data;
		lens[k] = len;
	}
	if (!st)
		st = wt__ex_alltoall(ex, send, lens, recv, recv_len);
	free(send);
	free(lens);
	return st;
}

void wt__ex_share(const struct wt_exchange *ex, size_t n, size_t *lo, size_t *hi)
{
	size_t r = ex ? (size_t)ex->rank : 0, p = ex ? (size_t)ex->size : 1;
	*lo = n * r / p;
	*hi = n * (r + 1) / p;
}
