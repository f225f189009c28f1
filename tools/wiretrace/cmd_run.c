/*
 * cmd_run.c - `wiretrace run`: read inputs, analyze, write JSON Lines
 * (article records, then pair records) on standard output and a summary
 * line on standard error.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

static const char run_usage[] =
	"usage: wiretrace run [OPTIONS] [INPUT...]\n"
	"\n"
	"Reads articles (text files, JSON Lines, web pages, WARC archives,\n"
	"directories, '-' for standard input; standard input when no INPUT is\n"
	"given), finds copies, aligns copied passages and writes one JSON\n"
	"object a line: an 'article' record for each article, a 'story' record\n"
	"for each story, a 'pair' record for each aligned pair, then a 'claim'\n"
	"record for each disagreement.\n"
	"\n"
	"options:\n"
	"  -j, --threads N       worker threads (default: every core)\n"
	"  --format FMT          auto, text, jsonl, html or warc (default auto)\n"
	"  --pairs WHICH         linked (default), all (every pair with a passage)\n"
	"                        or none\n"
	"  --claims WHICH        conflicts (default): a 'claim' record for each\n"
	"                        number or quotation the versions of a story\n"
	"                        disagree on; or none\n"
	"  --shingle N           words per MinHash shingle (default 5)\n"
	"  --perm N              MinHash slots (default 128)\n"
	"  --bands N             LSH bands, dividing --perm (default 32)\n"
	"  --seed N              tokens in an alignment seed (default 4)\n"
	"  --min-passage N       fewest matched tokens in a passage (default 8)\n"
	"  --max-gap N           tokens of edit bridged inside a passage (default 8)\n"
	"  --max-candidates N    earlier articles aligned with each article (default 3)\n"
	"  --link-min X          coverage linking two articles (default 0.3)\n"
	"  --verbatim-min X      coverage of a verbatim copy (default 0.8)\n"
	"  --edited-min X        coverage of an edited copy (default 0.3)\n"
	"  --story-min X         similarity for an article to join a story (default 0.15)\n"
	"  --no-stories          skip the stories stage: each family is its own story\n"
	"  --story-window DAYS   time scale of a story: a similarity loses 0.1 at a\n"
	"                        gap of DAYS, 0.1 more per doubling (default 14;\n"
	"                        0: time does not count)\n"
	"  --no-chrome           keep page chrome: by default lines that are chrome\n"
	"                        by their wording (newsletter, share, related,\n"
	"                        credits), lines a site repeats on its pages, lines\n"
	"                        repeated across unrelated texts of several sites\n"
	"                        and link targets are blanked before sketching\n"
	"  --stats               print stage timings to standard error\n"
	"  --quiet               print only errors\n"
	"  --help                this help\n";

static int parse_frac(const char *s, double *out)
{
	char *end;
	double v = s ? strtod(s, &end) : -1;
	if (!s || *end || v < 0 || v > 1)
		return -1;
	*out = v;
	return 0;
}

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

/* The claims of stories [lo, hi) (those of two articles at least), written
 * to `out`.  @return 0, or an exit status. */
static int claims_of_range(FILE *out, const struct wt_corpus *c, const struct wt_result *r,
			   const unsigned char *multi, size_t lo, size_t hi)
{
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

struct claims_job {
	const struct wt_corpus *c;
	const struct wt_result *r;
	const unsigned char *multi;
	size_t lo, hi;
	char *buf;  /* what the range wrote (open_memstream) */
	size_t len;
	int rc;
};

static void *claims_worker(void *arg)
{
	struct claims_job *j = arg;
	FILE *f = open_memstream(&j->buf, &j->len);
	if (!f) {
		j->rc = EXIT_INTERNAL;
		return NULL;
	}
	j->rc = claims_of_range(f, j->c, j->r, j->multi, j->lo, j->hi);
	if (fclose(f))
		j->rc = EXIT_INTERNAL;
	return NULL;
}

/*
 * One `claim` record for each number or quotation on which the versions of
 * a story disagree: the earliest version's text and articles, and the
 * other versions under `conflicts`.  Stories are split into contiguous
 * ranges of about equal article counts, one per thread, and the ranges'
 * output is written in order: the same bytes for any number of threads.
 * @return 0, or an exit status.
 */
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
	size_t total = 0;
	for (size_t i = 0; i < n; i++) {
		size_t s = wt_result_article(r, i)->story;
		size[s]++;
		if (s != i)
			multi[s] = 1; /* a story of two articles at least */
	}
	for (size_t s = 0; s < n; s++)
		total += multi[s] ? size[s] : 0;
	if (threads < 1) {
		long t = sysconf(_SC_NPROCESSORS_ONLN);
		threads = t < 1 ? 1 : t > 64 ? 64 : (int)t;
	}
	if (threads > 64)
		threads = 64;
	struct claims_job jobs[64];
	pthread_t tids[64];
	size_t bounds[65], target = total / (size_t)threads + 1, acc = 0;
	int nj = 0;
	bounds[0] = 0;
	for (size_t s = 0; s < n; s++) {
		acc += multi[s] ? size[s] : 0;
		if (acc >= target && nj + 1 < threads) {
			bounds[++nj] = s + 1;
			acc = 0;
		}
	}
	bounds[++nj] = n;
	for (int t = 0; t < nj; t++)
		jobs[t] = (struct claims_job){c, r, multi, bounds[t], bounds[t + 1], NULL, 0, 0};
	int started[64] = {0};
	for (int t = 1; t < nj; t++)
		started[t] = !pthread_create(&tids[t], NULL, claims_worker, &jobs[t]);
	if (nj)
		claims_worker(&jobs[0]);
	int rc = 0;
	for (int t = 0; t < nj; t++) {
		if (t && started[t])
			pthread_join(tids[t], NULL);
		else if (t)
			claims_worker(&jobs[t]); /* no thread: done here */
		if (jobs[t].rc)
			rc = jobs[t].rc;
		if (jobs[t].buf)
			fwrite(jobs[t].buf, 1, jobs[t].len, out);
		free(jobs[t].buf);
	}
	free(multi);
	free(size);
	return rc;
}

static void write_results(FILE *out, const struct wt_corpus *c,
			  const struct wt_result *r, const struct wt_options *o,
			  int pairs_mode)
{
	size_t n = wt_corpus_count(c);
	for (size_t i = 0; i < n; i++) {
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
	write_stories(out, c, r);
	if (pairs_mode == 0)
		return;
	size_t np = wt_result_pair_count(r);
	for (size_t p = 0; p < np; p++) {
		const struct wt_pair *pr = wt_result_pair(r, p);
		const struct wt_alignment *al = &pr->alignment;
		if (pairs_mode == 1 && !pr->linked)
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
}

/* A one-line progress display on standard error, redrawn in place. */
static void show_progress(void *ud, const char *stage, size_t done, size_t total)
{
	(void)ud;
	if (!strcmp(stage, "done")) {
		fputs("\r\033[K", stderr);
		return;
	}
	fprintf(stderr, "\r\033[Kwiretrace: %s %3.0f%%", stage,
		total ? 100.0 * (double)done / (double)total : 0.0);
	fflush(stderr);
}

/* `run`, or with `show` set, `show STORY`: the same options and inputs,
 * then the JSON Lines results or one story printed for a person. */
static int run_or_show(int argc, char **argv, int show)
{
	const char *story_id = NULL;
	struct wt_options o;
	wt_options_default(&o);
	enum wt_format fmt = WT_FORMAT_AUTO;
	int pairs_mode = 1, stats = 0, claims_mode = 1;
	const char **inputs = calloc((size_t)argc + 1, sizeof(*inputs));
	int ninputs = 0;
	if (!inputs)
		return EXIT_INTERNAL;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		const char *v = i + 1 < argc ? argv[i + 1] : NULL;
		long l;
#define NEED_LONG(min, max)                                                          \
	do {                                                                         \
		l = cli_parse_long(v);                                               \
		if (l < (min) || l > (max)) {                                        \
			cli_error("option '%s' needs a whole number from %ld to %ld", a, \
				  (long)(min), (long)(max));                         \
			free(inputs);                                                \
			return EXIT_USAGE;                                           \
		}                                                                    \
		i++;                                                                 \
	} while (0)
#define NEED_FRAC(dst)                                                               \
	do {                                                                         \
		if (parse_frac(v, &(dst))) {                                         \
			cli_error("option '%s' needs a number from 0 to 1", a);      \
			free(inputs);                                                \
			return EXIT_USAGE;                                           \
		}                                                                    \
		i++;                                                                 \
	} while (0)
		if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
			fputs(show ? cli_show_usage : run_usage, stdout);
			free(inputs);
			return EXIT_OK;
		} else if (!strcmp(a, "-j") || !strcmp(a, "--threads")) {
			NEED_LONG(0, 256);
			o.threads = (int)l;
		} else if (!strncmp(a, "-j", 2) && a[2]) {
			l = cli_parse_long(a + 2);
			if (l < 0 || l > 256) {
				cli_error("option '-j' needs a whole number from 0 to 256");
				free(inputs);
				return EXIT_USAGE;
			}
			o.threads = (int)l;
		} else if (!strcmp(a, "--quiet") || !strcmp(a, "-q")) {
			cli_quiet = 1;
		} else if (!strcmp(a, "--stats")) {
			stats = 1;
		} else if (!strcmp(a, "--format")) {
			if (cli_parse_format(v, &fmt)) {
				free(inputs);
				return EXIT_USAGE;
			}
			i++;
		} else if (!strcmp(a, "--pairs")) {
			if (v && !strcmp(v, "none"))
				pairs_mode = 0;
			else if (v && !strcmp(v, "linked"))
				pairs_mode = 1;
			else if (v && !strcmp(v, "all"))
				pairs_mode = 2;
			else {
				cli_error("option '--pairs' needs linked, all or none");
				free(inputs);
				return EXIT_USAGE;
			}
			i++;
		} else if (!strcmp(a, "--claims")) {
			if (v && !strcmp(v, "none"))
				claims_mode = 0;
			else if (v && !strcmp(v, "conflicts"))
				claims_mode = 1;
			else {
				cli_error("option '--claims' needs conflicts or none");
				free(inputs);
				return EXIT_USAGE;
			}
			i++;
		} else if (!strcmp(a, "--shingle")) {
			NEED_LONG(1, 32);
			o.shingle = (int)l;
		} else if (!strcmp(a, "--perm")) {
			NEED_LONG(8, 1024);
			o.num_perm = (int)l;
		} else if (!strcmp(a, "--bands")) {
			NEED_LONG(1, 1024);
			o.bands = (int)l;
		} else if (!strcmp(a, "--seed")) {
			NEED_LONG(2, 32);
			o.seed_len = (int)l;
		} else if (!strcmp(a, "--min-passage")) {
			NEED_LONG(1, 10000);
			o.min_passage = (int)l;
		} else if (!strcmp(a, "--max-gap")) {
			NEED_LONG(0, 1000);
			o.max_gap = (int)l;
		} else if (!strcmp(a, "--max-candidates")) {
			NEED_LONG(1, 100000);
			o.max_candidates = (int)l;
		} else if (!strcmp(a, "--link-min")) {
			NEED_FRAC(o.link_min);
		} else if (!strcmp(a, "--verbatim-min")) {
			NEED_FRAC(o.verbatim_min);
		} else if (!strcmp(a, "--edited-min")) {
			NEED_FRAC(o.edited_min);
		} else if (!strcmp(a, "--no-chrome")) {
			o.chrome = 0;
		} else if (!strcmp(a, "--no-stories")) {
			o.stories = 0;
		} else if (!strcmp(a, "--story-min")) {
			NEED_FRAC(o.story_min);
		} else if (!strcmp(a, "--story-window")) {
			NEED_LONG(0, 3650);
			o.story_window = (double)l;
		} else if (a[0] == '-' && a[1]) {
			cli_error("unknown option '%s' (see 'wiretrace %s --help')", a,
				  show ? "show" : "run");
			free(inputs);
			return EXIT_USAGE;
		} else if (show && !story_id) {
			story_id = a;
		} else {
			inputs[ninputs++] = a;
		}
#undef NEED_LONG
#undef NEED_FRAC
	}
	if (o.num_perm % o.bands) {
		cli_error("--bands %d does not divide --perm %d", o.bands, o.num_perm);
		free(inputs);
		return EXIT_USAGE;
	}
	if (show && !story_id) {
		cli_error("show needs a STORY (see 'wiretrace show --help')");
		free(inputs);
		return EXIT_USAGE;
	}
	if (ninputs == 0)
		inputs[ninputs++] = "-";

	struct wt_corpus *c;
	if (wt_corpus_new(&c)) {
		free(inputs);
		cli_error("out of memory");
		return EXIT_INTERNAL;
	}
	wt_corpus_set_diag(c, cli_print_diag, NULL);
	wt_corpus_set_threads(c, o.threads);
	int rc = EXIT_OK;
	for (int i = 0; i < ninputs; i++) {
		enum wt_status st = wt_corpus_read_path(c, inputs[i], fmt);
		if (st == WT_ERR_IO)
			rc = EXIT_USAGE;
		else if (st) {
			cli_error("%s: %s", inputs[i], wt_strerror(st));
			wt_corpus_free(c);
			free(inputs);
			return EXIT_INTERNAL;
		}
	}
	free(inputs);
	/* A progress line only for a person watching a terminal. */
	if (!cli_quiet && isatty(2)) {
		o.progress = show_progress;
		fprintf(stderr, "wiretrace: read %zu articles", wt_corpus_count(c));
		fflush(stderr);
	}
	struct wt_result *r = NULL;
	enum wt_status st = wt_analyze(c, &o, &r);
	if (st) {
		cli_error("analysis failed: %s", wt_strerror(st));
		wt_corpus_free(c);
		return st == WT_ERR_INVALID ? EXIT_USAGE : EXIT_INTERNAL;
	}
	static char obuf[1 << 20];
	setvbuf(stdout, obuf, _IOFBF, sizeof(obuf));
	if (show) {
		int src = cli_show_story(stdout, c, r, story_id);
		if (src)
			rc = src;
	} else {
		write_results(stdout, c, r, &o, pairs_mode);
		if (claims_mode) {
			int crc = write_claims(stdout, c, r, o.threads);
			if (crc)
				rc = crc;
		}
	}
	if (fflush(stdout) || ferror(stdout)) {
		cli_error("write error on standard output");
		rc = EXIT_INTERNAL;
	}
	struct wt_read_stats rs;
	struct wt_analysis_stats as;
	wt_corpus_stats(c, &rs);
	wt_result_stats(r, &as);
	if (!cli_quiet || rs.errors)
		fprintf(stderr,
			"wiretrace: %zu articles from %zu inputs, %zu skipped, %zu warnings, "
			"%zu errors; %zu stories, %zu families, %zu linked pairs\n",
			rs.articles, rs.inputs, rs.skipped, rs.warnings, rs.errors, as.stories,
			as.families, as.linked_pairs);
	if (stats)
		fprintf(stderr,
			"wiretrace: stats: tokens %zu, exact groups %zu, lsh candidates %zu, "
			"containment candidates %zu, aligned %zu, chrome lines %zu (by rule %zu, "
			"site %zu, corpus %zu) and links %zu in %zu articles, rewrites %zu, independent %zu; seconds: chrome %.3f, sketch %.3f, "
			"candidates %.3f, align %.3f, families %.3f, stories %.3f, "
			"provenance %.3f\n",
			as.tokens, as.exact_groups, as.lsh_candidates, as.containment_candidates,
			as.aligned_pairs, as.chrome_lines, as.chrome_rule_lines,
			as.chrome_site_lines, as.chrome_corpus_lines, as.chrome_links, as.chrome_articles, as.rewrites,
			as.independents, as.seconds_chrome,
			as.seconds_sketch, as.seconds_candidates,
			as.seconds_align, as.seconds_families, as.seconds_stories,
			as.seconds_provenance);
	wt_result_free(r);
	wt_corpus_free(c);
	return rc;
}

int cmd_run(int argc, char **argv)
{
	return run_or_show(argc, argv, 0);
}

int cmd_show(int argc, char **argv)
{
	return run_or_show(argc, argv, 1);
}
