/*
 * arena.c - a chunked bump allocator.  A corpus keeps all its strings in one
 * arena and frees them in one step; nothing in it is freed on its own.
 */
#include "core/arena.h"

#define CHUNK_MIN (1u << 20)

void wt__arena_init(struct wt__arena *a)
{
	a->head = NULL;
	a->total = 0;
}

void wt__arena_release(struct wt__arena *a)
{
	struct wt__chunk *c = a->head;
	while (c) {
		struct wt__chunk *next = c->next;
		wt__free(c);
		c = next;
	}
	a->head = NULL;
	a->total = 0;
}

void wt__arena_adopt(struct wt__arena *dst, struct wt__arena *src)
{
	if (!src->head)
		return;
	/* src's blocks go behind dst's head, which keeps its free space */
	struct wt__chunk *last = src->head;
	while (last->next)
		last = last->next;
	if (dst->head) {
		last->next = dst->head->next;
		dst->head->next = src->head;
	} else {
		dst->head = src->head;
	}
	dst->total += src->total;
	src->head = NULL;
	src->total = 0;
}

void *wt__arena_alloc(struct wt__arena *a, size_t n)
{
	n = (n + 7) & ~(size_t)7;
	struct wt__chunk *c = a->head;
	if (!c || c->cap - c->used < n) {
		size_t cap = n > CHUNK_MIN / 4 ? n : CHUNK_MIN;
		struct wt__chunk *nc = wt__malloc(sizeof(*nc) + cap);
		if (!nc)
			return NULL;
		nc->cap = cap;
		nc->used = 0;
		if (c && n > CHUNK_MIN / 4) {
			/* A big block goes behind the current chunk, which keeps
			 * its free space for small strings. */
			nc->next = c->next;
			c->next = nc;
		} else {
			nc->next = c;
			a->head = nc;
		}
		c = nc;
		a->total += cap;
	}
	void *p = c->data + c->used;
	c->used += n;
	return p;
}

char *wt__arena_strndup(struct wt__arena *a, const char *s, size_t n)
{
	char *p = wt__arena_alloc(a, n + 1);
	if (!p)
		return NULL;
	memcpy(p, s, n);
	p[n] = 0;
	return p;
}
