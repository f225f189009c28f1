/*
 * shared.c - reading the inputs of a `run` shared across processes
 * (cli_exchange, set by wiretrace-mpi).  Each process reads its share: a
 * JSON Lines file is cut into line ranges, one a process; any other input
 * (a directory, a web page, a WARC file, standard input) is read whole by
 * one process, in turn.  The articles are then sent to every process and
 * added in input order, so every process holds the corpus a single
 * process reading the same inputs would.
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

/* A growing byte buffer. */
struct bytes {
	char *p;
	size_t n, cap;
	int failed;
};

static void put(struct bytes *b, const void *v, size_t n)
{
	if (b->failed)
		return;
	if (b->n + n > b->cap) {
		size_t cap = b->cap ? b->cap : 4096;
		while (cap < b->n + n)
			cap *= 2;
		char *p = realloc(b->p, cap);
		if (!p) {
			b->failed = 1;
			return;
		}
		b->p = p;
		b->cap = cap;
	}
	memcpy(b->p + b->n, v, n);
	b->n += n;
}

static void put_u64(struct bytes *b, uint64_t v)
{
	put(b, &v, sizeof(v));
}

/* A string: its length + 1 (0 for NULL), then its bytes. */
static void put_str(struct bytes *b, const char *s, size_t n)
{
	put_u64(b, s ? n + 1 : 0);
	if (s)
		put(b, s, n);
}

struct reader {
	const char *p, *end;
	int bad;
};

static uint64_t get_u64(struct reader *r)
{
	uint64_t v = 0;
	if (r->end - r->p < (long)sizeof(v)) {
		r->bad = 1;
		return 0;
	}
	memcpy(&v, r->p, sizeof(v));
	r->p += sizeof(v);
	return v;
}

/* A string as put_str wrote it, copied NUL-terminated into *out (NULL for
 * none); @return its length. */
static size_t get_str(struct reader *r, char **out)
{
	uint64_t n = get_u64(r);
	*out = NULL;
	if (!n || r->bad)
		return 0;
	n--;
	if ((uint64_t)(r->end - r->p) < n || !(*out = malloc(n + 1))) {
		r->bad = 1;
		return 0;
	}
	memcpy(*out, r->p, n);
	(*out)[n] = 0;
	r->p += n;
	return n;
}

static void put_article(struct bytes *b, uint64_t input, const struct wt_article *a)
{
	put_u64(b, input);
	put_str(b, a->id, a->id ? strlen(a->id) : 0);
	put_str(b, a->url, a->url ? strlen(a->url) : 0);
	put_str(b, a->site, a->site ? strlen(a->site) : 0);
	put_str(b, a->date, a->date ? strlen(a->date) : 0);
	put_str(b, a->title, a->title ? strlen(a->title) : 0);
	put_str(b, a->byline, a->byline ? strlen(a->byline) : 0);
	put_str(b, a->text, a->text_len);
	put_u64(b, (uint64_t)a->time);
}

/* Adds the next article of r to c if it came from input `input`.
 * @return 1 if added, 0 if the next one is of another input (or none),
 * -1 on a fault. */
static int take_article(struct reader *r, uint64_t input, struct wt_corpus *c)
{
	if (r->p >= r->end)
		return 0;
	struct reader peek = *r;
	if (get_u64(&peek) != input || peek.bad)
		return peek.bad ? -1 : 0;
	*r = peek;
	char *f[7];
	struct wt_article a = {0};
	get_str(r, &f[0]);
	get_str(r, &f[1]);
	get_str(r, &f[2]);
	get_str(r, &f[3]);
	get_str(r, &f[4]);
	get_str(r, &f[5]);
	a.text_len = get_str(r, &f[6]);
	a.time = (int64_t)get_u64(r);
	a.id = f[0], a.url = f[1], a.site = f[2], a.date = f[3], a.title = f[4], a.byline = f[5];
	a.text = f[6] ? f[6] : "";
	int rc = r->bad || wt_corpus_add(c, &a) ? -1 : 1;
	for (int k = 0; k < 7; k++)
		free(f[k]);
	return rc;
}

int cli_shared_read(struct wt_corpus *c, const char *const *inputs, int ninputs,
		    enum wt_format fmt, int threads, struct wt_read_stats *read)
{
	const struct wt_exchange *ex = cli_exchange;
	struct wt_corpus *mine;
	if (wt_corpus_new(&mine)) {
		cli_error("out of memory");
		return EXIT_INTERNAL;
	}
	wt_corpus_set_diag(mine, cli_print_diag, NULL);
	wt_corpus_set_threads(mine, threads);
	wt_corpus_set_keep_ids(mine, 1); /* renamed in the merge, in order */
	struct bytes b = {0};
	int rc = EXIT_OK;
	for (int i = 0; i < ninputs; i++) {
		size_t before = wt_corpus_count(mine);
		enum wt_status st = wt_corpus_read_share(mine, inputs[i], fmt, ex->rank, ex->size);
		if (st == WT_ERR_INVALID) /* not shared: read whole by one process */
			st = i % ex->size == ex->rank ? wt_corpus_read_path(mine, inputs[i], fmt)
						      : WT_OK;
		int r = cli_read_status(inputs[i], st);
		if (r)
			rc = r;
		if (r == EXIT_INTERNAL)
			break;
		for (size_t k = before; k < wt_corpus_count(mine); k++)
			put_article(&b, (uint64_t)i, wt_corpus_get(mine, k));
	}
	struct wt_read_stats rs;
	wt_corpus_stats(mine, &rs);
	wt_corpus_free(mine);
	uint64_t counts[6] = {rs.inputs, rs.articles, rs.skipped, rs.warnings, rs.errors,
			      (uint64_t)rc};
	/* every process's articles and counts, to every process */
	void *all = NULL, *allc = NULL;
	size_t *lens = calloc((size_t)ex->size, sizeof(*lens));
	size_t *clens = calloc((size_t)ex->size, sizeof(*clens));
	const void **send = calloc((size_t)ex->size, sizeof(*send));
	size_t *slen = calloc((size_t)ex->size, sizeof(*slen));
	if (b.failed || !lens || !clens || !send || !slen) {
		cli_error("out of memory");
		rc = EXIT_INTERNAL; /* still take part in the exchanges below */
	}
	for (int k = 0; send && slen && k < ex->size; k++) {
		send[k] = counts;
		slen[k] = sizeof(counts);
	}
	if (!send || !slen || ex->alltoall(ex->ud, send, slen, &allc, clens)) {
		cli_error("exchange of read counts failed");
		rc = EXIT_INTERNAL;
	}
	for (int k = 0; send && slen && k < ex->size; k++) {
		send[k] = b.p;
		slen[k] = b.failed ? 0 : b.n;
	}
	if (!send || !slen || ex->alltoall(ex->ud, send, slen, &all, lens)) {
		cli_error("exchange of articles failed");
		rc = EXIT_INTERNAL;
	}
	memset(read, 0, sizeof(*read));
	for (int q = 0; allc && q < ex->size; q++) {
		const uint64_t *v = (const uint64_t *)allc + 6 * q;
		read->inputs += v[0];
		read->articles += v[1];
		read->skipped += v[2];
		read->warnings += v[3];
		read->errors += v[4];
		if ((int)v[5] > rc)
			rc = (int)v[5]; /* any process's failure fails the run */
	}
	/* Input by input, each process's articles of it in process order: the
	 * order of one process reading the inputs in turn. */
	struct reader *rd = calloc((size_t)ex->size, sizeof(*rd));
	if (!rd && rc != EXIT_INTERNAL) {
		cli_error("out of memory");
		rc = EXIT_INTERNAL;
	}
	const char *at = all;
	for (int q = 0; rd && all && q < ex->size; q++) {
		rd[q] = (struct reader){at, at + lens[q], 0};
		at += lens[q];
	}
	for (int i = 0; rc != EXIT_INTERNAL && rd && all && i < ninputs; i++)
		for (int q = 0; q < ex->size; q++) {
			int t;
			while ((t = take_article(&rd[q], (uint64_t)i, c)) == 1)
				;
			if (t < 0) {
				cli_error("articles received from process %d are damaged", q);
				rc = EXIT_INTERNAL;
				break;
			}
		}
	free(rd);
	free(all);
	free(allc);
	free(lens);
	free(clens);
	free(send);
	free(slen);
	free(b.p);
	return rc;
}

int cli_glued_before(const char *t, size_t lo, size_t at)
{
	if (at <= lo || (unsigned char)t[at - 1] < 0x80)
		return 0;
	size_t b = at - 1;
	while (b > lo && at - b < 4 && ((unsigned char)t[b] & 0xC0) == 0x80)
		b--;
	const unsigned char *u = (const unsigned char *)t + b;
	long cp;
	if ((u[0] & 0xE0) == 0xC0 && at - b == 2)
		cp = (long)(u[0] & 0x1F) << 6 | (u[1] & 0x3F);
	else if ((u[0] & 0xF0) == 0xE0 && at - b == 3)
		cp = (long)(u[0] & 0x0F) << 12 | (long)(u[1] & 0x3F) << 6 | (u[2] & 0x3F);
	else if ((u[0] & 0xF8) == 0xF0 && at - b == 4)
		cp = (long)(u[0] & 0x07) << 18 | (long)(u[1] & 0x3F) << 12 | (long)(u[2] & 0x3F) << 6 |
		     (u[3] & 0x3F);
	else
		return 0;
	return (cp >= 0x0E00 && cp <= 0x0EFF) || (cp >= 0x1000 && cp <= 0x109F) ||
	       (cp >= 0x1780 && cp <= 0x17FF) || (cp >= 0x3040 && cp <= 0x30FF) ||
	       (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) ||
	       (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x2FA1F);
}
