/*
 * records.c - the JSON Lines records of an analysis (article, story, pair,
 * claim), as `run` writes them and the store keeps them.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

/* Writes an unsigned integer (printf is a tenth of the run's time here). */
static void print_u64(FILE *out, unsigned long long v)
{
	char b[24];
	int n = 0;
	do {
		b[n++] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	while (n)
		putc(b[--n], out);
}

/* Writes a share in [0, 1] with at most four decimals: 0.5, 1, 0.9412. */
static void print_num(FILE *out, double v)
{
	if (!(v > 0)) {
		putc('0', out);
		return;
	}
	unsigned long long x = (unsigned long long)(v * 10000 + 0.5);
	print_u64(out, x / 10000);
	unsigned f = (unsigned)(x % 10000);
	if (!f)
		return;
	char d[5] = {(char)('0' + f / 1000), (char)('0' + f / 100 % 10),
		     (char)('0' + f / 10 % 10), (char)('0' + f % 10), 0};
	int n = 4;
	while (d[n - 1] == '0')
		d[--n] = 0;
	putc('.', out);
	fputs(d, out);
}

/* Writes ,"name":"value" (name a string literal). */
#define str_field(out, name, v) str_field_((out), ",\"" name "\":", sizeof(name) + 3, (v))

static void str_field_(FILE *out, const char *key, size_t keylen, const char *v)
{
	fwrite(key, 1, keylen, out);
	cli_json_string(out, v, v ? strlen(v) : 0);
}

/* Orders articles by date (undated last), then input order. */
static const struct wt_corpus *sort_corpus;

static int cmp_by_date(const void *x, const void *y)
{
	size_t i = *(const size_t *)x, j = *(const size_t *)y;
	int64_t a = wt_corpus_get(sort_corpus, i)->time, b = wt_corpus_get(sort_corpus, j)->time;
	int au = a == WT_TIME_UNKNOWN, bu = b == WT_TIME_UNKNOWN;
	if (au != bu)
		return au - bu;
	if (a != b)
		return a < b ? -1 : 1;
	return i < j ? -1 : i > j;
}

/*
 * Writes one story record per story: its articles earliest first, its
 * origin (the earliest original among them), the first and last dates,
 * and the origin's title.
 */
static void write_stories(FILE *out, const struct wt_corpus *c, const struct wt_result *r)
{
	size_t n = wt_corpus_count(c);
	size_t *idx = malloc((n + 1) * sizeof(*idx));
	if (!idx) {
		cli_error("out of memory writing stories");
		return;
	}
	for (size_t i = 0; i < n; i++)
		idx[i] = i;
	sort_corpus = c;
	qsort(idx, n, sizeof(*idx), cmp_by_date);
	/* Members of each story, in date order: a stable bucket by story. */
	size_t *start = calloc(n + 2, sizeof(*start)), *members = malloc((n + 1) * sizeof(*members));
	if (!start || !members) {
		free(idx);
		free(start);
		free(members);
		cli_error("out of memory writing stories");
		return;
	}
	for (size_t i = 0; i < n; i++)
		start[wt_result_article(r, i)->story + 1]++;
	for (size_t s = 0; s < n; s++)
		start[s + 1] += start[s];
	for (size_t k = 0; k < n; k++) {
		size_t i = idx[k];
		members[start[wt_result_article(r, i)->story]++] = i;
	}
	/* start[s] now points past story s's members: shift back. */
	for (size_t s = n; s > 0; s--)
		start[s] = start[s - 1];
	start[0] = 0;
	for (size_t s = 0; s < n; s++) {
		size_t lo = start[s], hi = start[s + 1];
		if (lo == hi)
			continue;
		size_t origin = members[lo];
		for (size_t k = lo; k < hi; k++)
			if (wt_result_article(r, members[k])->relation == WT_REL_ORIGINAL) {
				origin = members[k];
				break;
			}
		const char *first = NULL, *last = NULL;
		for (size_t k = lo; k < hi; k++) {
			const struct wt_article *a = wt_corpus_get(c, members[k]);
			if (a->time == WT_TIME_UNKNOWN)
				continue;
			if (!first)
				first = a->date;
			last = a->date;
		}
		fputs("{\"type\":\"story\"", out);
		str_field(out, "id", wt_corpus_get(c, s)->id);
		fputs(",\"articles\":[", out);
		for (size_t k = lo; k < hi; k++) {
			if (k > lo)
				putc(',', out);
			const char *id = wt_corpus_get(c, members[k])->id;
			cli_json_string(out, id, strlen(id));
		}
		putc(']', out);
		str_field(out, "origin", wt_corpus_get(c, origin)->id);
		str_field(out, "first", first);
		str_field(out, "last", last);
		str_field(out, "title", wt_corpus_get(c, origin)->title);
		fputs("}\n", out);
	}
	free(idx);
	free(start);
	free(members);
}

/* A version of a claim as JSON: its text, value and articles. */
static void write_claim_version(FILE *out, const struct wt_corpus *c,
				const struct wt_claim *cl, const struct wt_claim_version *v)
{
	const char *text = wt_corpus_get(c, v->article)->text;
	fputs("\"text\":", out);
	cli_json_string(out, text + v->span.start, v->span.end - v->span.start);
	if (cl->kind == WT_CLAIM_NUMBER) {
		fputs(",\"value\":", out);
		print_num(out, v->value);
	} else {
		fputs(v->elided ? ",\"elided\":true" : ",\"elided\":false", out);
	}
	fputs(",\"articles\":[", out);
	for (size_t k = 0; k < v->n_articles; k++) {
		if (k)
			putc(',', out);
		const char *id = wt_corpus_get(c, v->articles[k])->id;
		cli_json_string(out, id, strlen(id));
	}
	putc(']', out);
}

/* The claims of stories [lo, hi) (those of two articles at least: ctx
 * marks them), written to `out`.  @return 0, or an exit status. */
static int write_claims_range(FILE *out, const struct wt_corpus *c, const struct wt_result *r,
			      const void *ctx, size_t lo, size_t hi)
{
	const unsigned char *multi = ctx;
	int rc = 0;
	for (size_t s = lo; s < hi && !rc; s++) {
		if (!multi[s])
			continue;
		struct wt_story_versions *v = NULL;
		struct wt_claim *cl = NULL;
		size_t ncl = 0;
		enum wt_status st = wt_story_versions(r, s, &v);
		if (!st)
			st = wt_story_claims(r, v, &cl, &ncl);
		if (st) {
			cli_error("claims of story '%s': %s", wt_corpus_get(c, s)->id, wt_strerror(st));
			rc = EXIT_INTERNAL;
		}
		for (size_t k = 0; k < ncl; k++) {
			fputs("{\"type\":\"claim\"", out);
			str_field(out, "story", wt_corpus_get(c, s)->id);
			str_field(out, "kind", cl[k].kind == WT_CLAIM_NUMBER ? "number" : "quote");
			putc(',', out);
			write_claim_version(out, c, &cl[k], &cl[k].versions[0]);
			fputs(",\"conflicts\":[", out);
			for (size_t x = 1; x < cl[k].n_versions; x++) {
				fputs(x > 1 ? ",{" : "{", out);
				write_claim_version(out, c, &cl[k], &cl[k].versions[x]);
				putc('}', out);
			}
			fputs("]}\n", out);
		}
		wt_story_claims_free(cl, ncl);
		wt_story_versions_free(v);
	}
	return rc;
}

/* Writes records [lo, hi) to out; ctx is the writer's own.  @return 0, or
 * an exit status. */
typedef int (*range_writer)(FILE *out, const struct wt_corpus *c, const struct wt_result *r,
			    const void *ctx, size_t lo, size_t hi);

struct range_job {
	range_writer fn;
	const struct wt_corpus *c;
	const struct wt_result *r;
	const void *ctx;
	size_t lo, hi;
	char *buf; /* what the range wrote (open_memstream) */
	size_t len;
	int rc;
};

static void *range_worker(void *arg)
{
	struct range_job *j = arg;
	FILE *f = open_memstream(&j->buf, &j->len);
	if (!f) {
		j->rc = EXIT_INTERNAL;
		return NULL;
	}
	j->rc = j->fn(f, j->c, j->r, j->ctx, j->lo, j->hi);
	if (fclose(f))
		j->rc = EXIT_INTERNAL;
	return NULL;
}

/* The worker threads -j asks for (0: every core), at most 64. */
static int thread_count(int threads)
{
	if (threads < 1) {
		long t = sysconf(_SC_NPROCESSORS_ONLN);
		threads = t < 1 ? 1 : (int)t;
	}
	return threads > 64 ? 64 : threads;
}

/*
 * Writes the ranges [bounds[t], bounds[t + 1]) of records, t < nb, with fn
 * on a thread each, into memory, then the ranges in order: the same bytes
 * as one writer.  @return 0, or the first range's failing status.
 */
static int write_ranges(FILE *out, range_writer fn, const struct wt_corpus *c,
			const struct wt_result *r, const void *ctx, const size_t *bounds, int nb)
{
	if (nb == 1)
		return fn(out, c, r, ctx, bounds[0], bounds[1]);
	struct range_job jobs[64];
	pthread_t tids[64];
	int started[64] = {0}, rc = 0;
	for (int t = 0; t < nb; t++)
		jobs[t] = (struct range_job){fn, c, r, ctx, bounds[t], bounds[t + 1], NULL, 0, 0};
	for (int t = 1; t < nb; t++)
		started[t] = !pthread_create(&tids[t], NULL, range_worker, &jobs[t]);
	range_worker(&jobs[0]);
	for (int t = 0; t < nb; t++) {
		if (t && started[t])
			pthread_join(tids[t], NULL);
		else if (t)
			range_worker(&jobs[t]); /* no thread: done here */
		if (jobs[t].rc && !rc)
			rc = jobs[t].rc;
		if (jobs[t].buf)
			fwrite(jobs[t].buf, 1, jobs[t].len, out);
		free(jobs[t].buf);
	}
	if (rc == EXIT_INTERNAL)
		cli_error("writing records failed");
	return rc;
}

/* Records [0, n) in equal ranges, one a thread (2,048 records at least
 * a thread). */
static int write_even(FILE *out, range_writer fn, const struct wt_corpus *c,
		      const struct wt_result *r, const void *ctx, size_t n, int threads)
{
	threads = thread_count(threads);
	if ((size_t)threads > n / 2048 + 1)
		threads = (int)(n / 2048 + 1);
	size_t bounds[65];
	for (int t = 0; t <= threads; t++)
		bounds[t] = n * (size_t)t / (size_t)threads;
	return write_ranges(out, fn, c, r, ctx, bounds, threads);
}

/*
 * One `claim` record for each number or quotation on which the versions of
 * a story disagree: the earliest version's text and articles, and the
 * other versions under `conflicts`.  Stories are split into contiguous
 * ranges of about equal article counts, one per thread, and the ranges'
 * output is written in order: the same bytes for any number of threads.
 * @return 0, or an exit status.
 */
/* Cuts stories [lo, hi) into at most `parts` contiguous ranges of about
 * equal article counts (stories of one article count nothing):
 * bounds[0..k] with bounds[0] = lo, bounds[k] = hi.  @return k. */
static int split_stories(const unsigned char *multi, const size_t *size, size_t lo, size_t hi,
			 int parts, size_t *bounds)
{
	size_t total = 0, acc = 0;
	for (size_t s = lo; s < hi; s++)
		total += multi[s] ? size[s] : 0;
	size_t target = total / (size_t)parts + 1;
	int k = 0;
	bounds[0] = lo;
	for (size_t s = lo; s < hi; s++) {
		acc += multi[s] ? size[s] : 0;
		if (acc >= target && k + 1 < parts) {
			bounds[++k] = s + 1;
			acc = 0;
		}
	}
	bounds[++k] = hi;
	return k;
}

static int write_claims(FILE *out, const struct wt_corpus *c, const struct wt_result *r,
			int threads)
{
	size_t n = wt_corpus_count(c);
	unsigned char *multi = calloc(n + 1, 1);
	size_t *size = calloc(n + 1, sizeof(*size));
	if (!multi || !size) {
		free(multi);
		free(size);
		cli_error("out of memory writing claims");
		return EXIT_INTERNAL;
	}
	for (size_t i = 0; i < n; i++) {
		size_t s = wt_result_article(r, i)->story;
		size[s]++;
		if (s != i)
			multi[s] = 1; /* a story of two articles at least */
	}
	threads = thread_count(threads);
	/* Shared across processes: this one takes its range of stories. */
	size_t lo = 0, hi = n;
	if (cli_exchange) {
		size_t *pb = malloc(((size_t)cli_exchange->size + 1) * sizeof(*pb));
		if (!pb) {
			free(multi);
			free(size);
			cli_error("out of memory writing claims");
			return EXIT_INTERNAL;
		}
		int k = split_stories(multi, size, 0, n, cli_exchange->size, pb);
		lo = cli_exchange->rank < k ? pb[cli_exchange->rank] : n;
		hi = cli_exchange->rank < k ? pb[cli_exchange->rank + 1] : n;
		free(pb);
	}
	size_t bounds[65];
	int nj = split_stories(multi, size, lo, hi, threads, bounds);
	int rc = write_ranges(out, write_claims_range, c, r, multi, bounds, nj);
	free(multi);
	free(size);
	return rc;
}

/* Article records [lo, hi). */
static int write_articles(FILE *out, const struct wt_corpus *c, const struct wt_result *r,
			  const void *ctx, size_t lo, size_t hi)
{
	(void)ctx;
	for (size_t i = lo; i < hi; i++) {
		const struct wt_article *a = wt_corpus_get(c, i);
		const struct wt_article_result *ar = wt_result_article(r, i);
		const char *fam = wt_corpus_get(c, ar->family)->id;
		fputs("{\"type\":\"article\"", out);
		str_field(out, "id", a->id);
		str_field(out, "story", wt_corpus_get(c, ar->story)->id);
		str_field(out, "family", fam);
		str_field(out, "relation", wt_relation_name(ar->relation));
		str_field(out, "source",
			  ar->source == WT_NONE ? NULL : wt_corpus_get(c, ar->source)->id);
		fputs(",\"coverage\":", out);
		print_num(out, ar->coverage);
		str_field(out, "site", a->site);
		str_field(out, "date", a->date);
		str_field(out, "title", a->title);
		/* evidence: what decided the direction, and the credits */
		str_field(out, "rule", wt_rule_name(ar->rule));
		struct wt_credits cr;
		wt_find_credits(a->text, a->text_len, &cr);
		fputs(",\"credit\":", out);
		cli_json_string(out, cr.agency.end ? a->text + cr.agency.start : NULL,
				cr.agency.end - cr.agency.start);
		/* The byline in the text, else the one the web page gave. */
		fputs(",\"byline\":", out);
		if (cr.byline.end)
			cli_json_string(out, a->text + cr.byline.start, cr.byline.end - cr.byline.start);
		else
			cli_json_string(out, a->byline, a->byline ? strlen(a->byline) : 0);
		fputs("}\n", out);
	}
	return 0;
}

/* Pair records [lo, hi) (*ctx 1: linked ones only). */
static int write_pairs(FILE *out, const struct wt_corpus *c, const struct wt_result *r,
		       const void *ctx, size_t lo, size_t hi)
{
	int mode = *(const int *)ctx;
	for (size_t p = lo; p < hi; p++) {
		const struct wt_pair *pr = wt_result_pair(r, p);
		const struct wt_alignment *al = &pr->alignment;
		if (mode == 1 && !pr->linked)
			continue;
		fputs("{\"type\":\"pair\"", out);
		str_field(out, "a", wt_corpus_get(c, pr->a)->id);
		str_field(out, "b", wt_corpus_get(c, pr->b)->id);
		fputs(",\"jaccard\":", out);
		print_num(out, al->jaccard);
		fputs(",\"coverage_a\":", out);
		print_num(out, al->coverage_a);
		fputs(",\"coverage_b\":", out);
		print_num(out, al->coverage_b);
		fputs(",\"passages\":[", out);
		for (size_t k = 0; k < al->n_passages; k++) {
			const struct wt_passage *ps = &al->passages[k];
			fputs(k ? ",{\"a\":[" : "{\"a\":[", out);
			print_u64(out, ps->a.start);
			putc(',', out);
			print_u64(out, ps->a.end);
			fputs("],\"b\":[", out);
			print_u64(out, ps->b.start);
			putc(',', out);
			print_u64(out, ps->b.end);
			fputs("]}", out);
		}
		fputs("]}\n", out);
	}
	return 0;
}

static int write_results(FILE *out, const struct wt_corpus *c, const struct wt_result *r,
			 int pairs_mode, int threads)
{
	int rc = write_even(out, write_articles, c, r, NULL, wt_corpus_count(c), threads);
	write_stories(out, c, r);
	if (pairs_mode && !rc)
		rc = write_even(out, write_pairs, c, r, &pairs_mode, wt_result_pair_count(r),
				threads);
	return rc;
}

/*
 * Shared across processes: each computes the claims of its range of
 * stories and sends them to process 0, which writes every record.
 */
static int write_shared(FILE *out, const struct wt_corpus *c, const struct wt_result *r,
			int pairs_mode, int claims_mode, int threads)
{
	const struct wt_exchange *ex = cli_exchange;
	char *buf = NULL;
	size_t len = 0;
	int rc = 0;
	if (claims_mode) {
		FILE *m = open_memstream(&buf, &len);
		rc = m ? write_claims(m, c, r, threads) : EXIT_INTERNAL;
		if (m && fclose(m))
			rc = EXIT_INTERNAL;
	}
	const void **send = calloc((size_t)ex->size, sizeof(*send));
	size_t *slen = calloc((size_t)ex->size, sizeof(*slen));
	size_t *rlen = calloc((size_t)ex->size, sizeof(*rlen));
	void *all = NULL;
	if (!send || !slen || !rlen) {
		rc = EXIT_INTERNAL;
	} else {
		send[0] = buf;
		slen[0] = rc ? 0 : len;
	}
	if (!send || !slen || !rlen || ex->alltoall(ex->ud, send, slen, &all, rlen)) {
		cli_error("exchange of claims failed");
		rc = EXIT_INTERNAL;
	}
	if (ex->rank == 0) {
		int wrc = write_results(out, c, r, pairs_mode, threads);
		if (wrc)
			rc = wrc;
		size_t total = 0;
		for (int q = 0; rlen && q < ex->size; q++)
			total += rlen[q];
		if (all)
			fwrite(all, 1, total, out);
	}
	free(all);
	free(buf);
	free(send);
	free(slen);
	free(rlen);
	return rc;
}

int cli_write_records(FILE *out, const struct wt_corpus *c, const struct wt_result *r,
		      int pairs_mode, int claims_mode, int threads)
{
	if (cli_exchange)
		return write_shared(out, c, r, pairs_mode, claims_mode, threads);
	int rc = write_results(out, c, r, pairs_mode, threads);
	return rc ? rc : claims_mode ? write_claims(out, c, r, threads) : 0;
}
