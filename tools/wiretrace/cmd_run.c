/*
 * cmd_run.c - `wiretrace run`: read inputs, analyze, write JSON Lines
 * (article records, then pair records) on standard output and a summary
 * line on standard error.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "store.h"

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

static double now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* `run`, or with `show` set, `show STORY`: the same options and inputs,
 * then the JSON Lines results or one story printed for a person. */
static int run_or_show(int argc, char **argv, int show)
{
	const char *story_id = NULL, *db = NULL;
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
		int t;
		if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
			fputs(show ? cli_show_usage : run_usage, stdout);
			free(inputs);
			return EXIT_OK;
		} else if ((t = cli_parse_threads(argc, argv, &i, &o.threads)) != 0) {
			if (t < 0) {
				free(inputs);
				return EXIT_USAGE;
			}
		} else if (!strcmp(a, "--quiet") || !strcmp(a, "-q")) {
			cli_quiet = 1;
		} else if (show && !strcmp(a, "--db") && v) {
			db = v;
			i++;
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
		} else if ((t = cli_analysis_option(argc, argv, &i, &o)) != 0) {
			if (t < 0) {
				free(inputs);
				return EXIT_USAGE;
			}
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
	}
	if (cli_check_options(&o)) {
		free(inputs);
		return EXIT_USAGE;
	}
	if (show && !story_id) {
		cli_error("show needs a STORY (see 'wiretrace show --help')");
		free(inputs);
		return EXIT_USAGE;
	}
	if (db && ninputs) {
		cli_error("show takes a store (--db) or inputs, not both");
		free(inputs);
		return EXIT_USAGE;
	}
	if (ninputs == 0 && !db)
		inputs[ninputs++] = "-";

	struct wt_corpus *c;
	if (wt_corpus_new(&c)) {
		free(inputs);
		cli_error("out of memory");
		return EXIT_INTERNAL;
	}
	const struct wt_exchange *ex = show ? NULL : cli_exchange;
	int rank0 = !ex || ex->rank == 0; /* the process that writes */
	/* shared: merging warns of repeated ids once, not on every process */
	wt_corpus_set_diag(c, rank0 ? cli_print_diag : NULL, NULL);
	wt_corpus_set_threads(c, o.threads);
	int rc = EXIT_OK;
	double t_read = now();
	struct wt_read_stats shared_rs = {0};
	if (ex) {
		rc = cli_shared_read(c, inputs, ninputs, fmt, o.threads, &shared_rs);
		if (rc == EXIT_INTERNAL) {
			wt_corpus_free(c);
			free(inputs);
			return rc;
		}
		ninputs = 0; /* read */
	}
	if (ninputs) {
		rc = cli_read_inputs(c, inputs, ninputs, fmt);
		if (rc == EXIT_INTERNAL) {
			wt_corpus_free(c);
			free(inputs);
			return rc;
		}
	}
	free(inputs);
	if (db) {
		struct cli_store st;
		int src = cli_store_open(db, 0, &st);
		if (!src) {
			int threads = o.threads;
			o = st.options; /* the store's analysis, as stored */
			o.threads = threads;
			src = cli_store_load(&st, c);
			cli_store_close(&st);
		}
		if (src) {
			wt_corpus_free(c);
			return src;
		}
	}
	/* A progress line only for a person watching a terminal. */
	if (!cli_quiet && isatty(2)) {
		o.progress = show_progress;
		fprintf(stderr, "wiretrace: read %zu articles", wt_corpus_count(c));
		fflush(stderr);
	}
	t_read = now() - t_read;
	struct wt_result *r = NULL;
	enum wt_status st = wt_analyze_shared(c, &o, ex, &r);
	if (st) {
		cli_error("analysis failed: %s", wt_strerror(st));
		wt_corpus_free(c);
		return st == WT_ERR_INVALID ? EXIT_USAGE : EXIT_INTERNAL;
	}
	static char obuf[1 << 20];
	setvbuf(stdout, obuf, _IOFBF, sizeof(obuf));
	double t_out = now();
	if (show) {
		int src = cli_show_story(stdout, c, r, story_id);
		if (src)
			rc = src;
	} else {
		int wrc = cli_write_records(stdout, c, r, pairs_mode, claims_mode, o.threads);
		if (wrc)
			rc = wrc;
	}
	if (fflush(stdout) || ferror(stdout)) {
		cli_error("write error on standard output");
		rc = EXIT_INTERNAL;
	}
	t_out = now() - t_out;
	struct wt_read_stats rs;
	struct wt_analysis_stats as;
	wt_corpus_stats(c, &rs);
	wt_result_stats(r, &as);
	if (ex) { /* what every process read, and the merge's repeated ids */
		shared_rs.warnings += rs.warnings;
		shared_rs.articles = rs.articles;
		rs = shared_rs;
	}
	if (!rank0)
		; /* process 0 sums up */
	else if (!cli_quiet || rs.errors)
		fprintf(stderr,
			"wiretrace: %zu articles from %zu inputs, %zu skipped, %zu warnings, "
			"%zu errors; %zu stories, %zu families, %zu linked pairs\n",
			rs.articles, rs.inputs, rs.skipped, rs.warnings, rs.errors, as.stories,
			as.families, as.linked_pairs);
	if (stats && rank0)
		fprintf(stderr,
			"wiretrace: stats: tokens %zu, exact groups %zu, lsh candidates %zu, "
			"containment candidates %zu, aligned %zu, chrome lines %zu (by rule %zu, "
			"site %zu, corpus %zu) and links %zu in %zu articles, rewrites %zu, independent %zu; seconds: read %.3f, chrome %.3f, sketch %.3f, "
			"candidates %.3f, align %.3f, families %.3f, stories %.3f, "
			"provenance %.3f, output %.3f\n",
			as.tokens, as.exact_groups, as.lsh_candidates, as.containment_candidates,
			as.aligned_pairs, as.chrome_lines, as.chrome_rule_lines,
			as.chrome_site_lines, as.chrome_corpus_lines, as.chrome_links, as.chrome_articles, as.rewrites,
			as.independents, t_read, as.seconds_chrome,
			as.seconds_sketch, as.seconds_candidates,
			as.seconds_align, as.seconds_families, as.seconds_stories,
			as.seconds_provenance, t_out);
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
