/*
 * parallel.c - one way to spread independent work over threads: items
 * 0..n-1 are handed out one at a time from a shared counter, so a slow item
 * (a huge page) does not hold up a fixed share of the rest.  The caller's
 * thread works too.  What each item writes is its own; the order results
 * are used in is the caller's, which is how output stays the same for any
 * number of threads.
 */
#include <pthread.h>
#include <unistd.h>

#include "core/core.h"

struct pfor {
	void (*fn)(void *ctx, size_t i);
	void *ctx;
	size_t n, next;
	pthread_mutex_t lock;
};

static void *pfor_worker(void *arg)
{
	struct pfor *p = arg;
	for (;;) {
		pthread_mutex_lock(&p->lock);
		size_t i = p->next++;
		pthread_mutex_unlock(&p->lock);
		if (i >= p->n)
			return NULL;
		p->fn(p->ctx, i);
	}
}

int wt__threads(int requested)
{
	long t = requested;
	if (t <= 0) {
		t = sysconf(_SC_NPROCESSORS_ONLN);
		if (t < 1)
			t = 1;
	}
	return (int)WT_MIN(t, (long)WT__MAX_THREADS);
}

void wt__run_workers(int n, void *(*fn)(void *), void *args, size_t size)
{
	pthread_t tid[WT__MAX_THREADS];
	int started[WT__MAX_THREADS] = {0};
	char *a = args;
	if (n > WT__MAX_THREADS)
		n = WT__MAX_THREADS;
	for (int t = 1; t < n; t++)
		started[t] = !pthread_create(&tid[t], NULL, fn, a + (size_t)t * size);
	if (n > 0)
		fn(a);
	for (int t = 1; t < n; t++) {
		if (started[t])
			pthread_join(tid[t], NULL);
		else
			fn(a + (size_t)t * size); /* no thread for it: run here */
	}
}

void wt__parallel_for(size_t n, int threads, void (*fn)(void *ctx, size_t i), void *ctx)
{
	struct pfor p = {fn, ctx, n, 0, PTHREAD_MUTEX_INITIALIZER};
	if ((size_t)threads > n)
		threads = (int)n;
	wt__run_workers(threads, pfor_worker, &p, 0); /* all share p */
	pthread_mutex_destroy(&p.lock);
}
