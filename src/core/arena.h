/*
 * arena.h - chunked bump allocation, freed in one step.
 */
#ifndef WT_ARENA_H
#define WT_ARENA_H

#include "core/core.h"

struct wt__chunk {
	struct wt__chunk *next;
	size_t cap, used;
	_Alignas(8) char data[];
};

struct wt__arena {
	struct wt__chunk *head; /* owned */
	size_t total;           /* bytes reserved */
};

void wt__arena_init(struct wt__arena *a);
/* Frees every block the arena handed out. */
void wt__arena_release(struct wt__arena *a);
/* Moves every block of `src` into `dst` (src is left empty): strings a
 * worker copied into its own arena become dst's. */
void wt__arena_adopt(struct wt__arena *dst, struct wt__arena *src);
/* @return n bytes aligned to 8, owned by the arena, or NULL. */
void *wt__arena_alloc(struct wt__arena *a, size_t n);
/* @return a NUL-terminated copy owned by the arena, or NULL. */
char *wt__arena_strndup(struct wt__arena *a, const char *s, size_t n);

#endif
