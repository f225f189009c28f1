/*
 * cmd_store.c - the verbs of the store: `add` (ingest articles), `stories`
 * (list the stored stories) and `export` (every stored record, as `run`
 * writes them).
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "store.h"

static const char add_usage[] =
	"usage: wiretrace add [--db FILE] [OPTIONS] INPUT...\n"
	"\n"
	"Adds articles (the inputs of 'run': text files, JSON Lines, web pages,\n"
	"WARC archives, directories, '-' for standard input) to a store, then\n"
	"analyzes everything stored: new articles join stored families and\n"
	"stories or open new ones.  Articles the store holds already, by id or by\n"
	"the same text, change nothing.  A batch is stored whole or not at all.\n"
	"The store then holds what 'wiretrace run' over all its articles, in the\n"
	"order they were added, writes.\n"
	"\n"
	"options:\n"
	"  --db FILE          the store (default ./wiretrace.db; made if missing)\n"
	"  -j, --threads N    worker threads (default: every core)\n"
	"  --format FMT       auto, text, jsonl, html or warc (default auto)\n"
	"  --quiet            print only errors\n"
	"  --help             this help\n"
	"\n"
	"The analysis options of 'run' (--story-min X, --no-chrome, ...) change\n"
	"the store's for this and later adds, and the stored articles are\n"
	"analyzed again with them; a store's sketch options (--shingle, --perm,\n"
	"--bands) are fixed once it holds articles.\n";

static const char stories_usage[] =
	"usage: wiretrace stories [--db FILE] [--all]\n"
	"\n"
	"Writes the stories of a store as JSON Lines 'story' records (as 'run'\n"
	"writes them), biggest first.  With --all: every stored record in the\n"
	"order 'run' writes them (articles, stories, pairs, claims).\n"
	"\n"
	"options:\n"
	"  --db FILE          the store (default ./wiretrace.db)\n"
	"  --all              every record, as 'run' would write it\n"
	"  --help             this help\n";

int cmd_add(int argc, char **argv)
{
	const char *db = CLI_STORE_DEFAULT;
	enum wt_format fmt = WT_FORMAT_AUTO;
	int threads = 0;
	const char **inputs = calloc((size_t)argc + 1, sizeof(*inputs));
	int *opts = calloc((size_t)argc + 1, sizeof(*opts)); /* where analysis options are */
	int ninputs = 0, nopts = 0;
	struct wt_options scratch;
	wt_options_default(&scratch);
	if (!inputs || !opts) {
		free(inputs);
		free(opts);
		return EXIT_INTERNAL;
	}
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		int t = cli_parse_threads(argc, argv, &i, &threads);
		if (!t) {
			int at = i;
			t = cli_analysis_option(argc, argv, &i, &scratch);
			if (t > 0)
				opts[nopts++] = at;
		}
		if (t < 0) {
			free(inputs);
			free(opts);
			return EXIT_USAGE;
		}
		if (t)
			continue;
		if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
			fputs(add_usage, stdout);
			free(inputs);
			free(opts);
			return EXIT_OK;
		} else if (!strcmp(a, "--db") && i + 1 < argc) {
			db = argv[++i];
		} else if (!strcmp(a, "--format")) {
			if (cli_parse_format(i + 1 < argc ? argv[i + 1] : NULL, &fmt)) {
				free(inputs);
				free(opts);
				return EXIT_USAGE;
			}
			i++;
		} else if (!strcmp(a, "--quiet") || !strcmp(a, "-q")) {
			cli_quiet = 1;
		} else if (a[0] == '-' && a[1]) {
			cli_error("unknown option '%s' (see 'wiretrace add --help')", a);
			free(inputs);
			free(opts);
			return EXIT_USAGE;
		} else {
			inputs[ninputs++] = a;
		}
	}
	if (!ninputs) {
		cli_error("add needs an INPUT ('-' for standard input; see 'wiretrace add --help')");
		free(inputs);
		free(opts);
		return EXIT_USAGE;
	}
	if (cli_check_options(&scratch)) {
		free(inputs);
		free(opts);
		return EXIT_USAGE;
	}
	struct wt_corpus *c;
	if (wt_corpus_new(&c)) {
		free(inputs);
		free(opts);
		cli_error("out of memory");
		return EXIT_INTERNAL;
	}
	wt_corpus_set_diag(c, cli_print_diag, NULL);
	wt_corpus_set_threads(c, threads);
	int rc = cli_read_inputs(c, inputs, ninputs, fmt);
	free(inputs);
	struct cli_store s;
	int src = rc == EXIT_INTERNAL ? rc : cli_store_open(db, 1, &s);
	if (src) {
		free(opts);
		wt_corpus_free(c);
		return src;
	}
	/* the options given change the store's, the others stay */
	struct wt_options o = s.options;
	for (int k = 0; k < nopts; k++) {
		int at = opts[k];
		cli_analysis_option(argc, argv, &at, &o);
	}
	free(opts);
	src = cli_check_options(&o) ? EXIT_USAGE : cli_store_set_options(&s, &o);
	if (src) {
		cli_store_close(&s);
		wt_corpus_free(c);
		return src;
	}
	struct cli_add_report rep;
	src = cli_store_add(&s, c, threads, &rep);
	cli_store_close(&s);
	struct wt_read_stats rs;
	wt_corpus_stats(c, &rs);
	wt_corpus_free(c);
	if (src)
		return src;
	if (!cli_quiet || rs.errors)
		fprintf(stderr,
			"wiretrace: %zu articles read (%zu skipped, %zu warnings, %zu errors); "
			"%zu added, %zu stored already (%zu by id, %zu by text), %zu sharing "
			"an LSH bucket with an earlier article; %s holds %zu articles, "
			"%zu stories, %zu families\n",
			rs.articles, rs.skipped, rs.warnings, rs.errors, rep.added,
			rep.same_id + rep.same_text, rep.same_id, rep.same_text, rep.matched, db,
			rep.stored, rep.stories, rep.families);
	return rc;
}

int cmd_stories(int argc, char **argv)
{
	const char *db = CLI_STORE_DEFAULT;
	int all = 0;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
			fputs(stories_usage, stdout);
			return EXIT_OK;
		} else if (!strcmp(a, "--db") && i + 1 < argc) {
			db = argv[++i];
		} else if (!strcmp(a, "--all")) {
			all = 1;
		} else {
			cli_error("unknown argument '%s' (see 'wiretrace stories --help')", a);
			return EXIT_USAGE;
		}
	}
	struct cli_store s;
	int rc = cli_store_open(db, 0, &s);
	if (rc)
		return rc;
	static char obuf[1 << 20];
	setvbuf(stdout, obuf, _IOFBF, sizeof(obuf));
	if (all) {
		static const char *const tables[] = {"article", "story", "pair", "claim"};
		for (int t = 0; !rc && t < 4; t++)
			rc = cli_store_write_records(&s, tables[t], stdout);
	} else {
		sqlite3_stmt *q = NULL;
		if (sqlite3_prepare_v2(s.db, "SELECT record FROM r_story ORDER BY size DESC, ord",
				       -1, &q, NULL) != SQLITE_OK) {
			cli_error("%s: %s", db, sqlite3_errmsg(s.db));
			rc = EXIT_INTERNAL;
		}
		while (!rc && sqlite3_step(q) == SQLITE_ROW) {
			fwrite(sqlite3_column_text(q, 0), 1, (size_t)sqlite3_column_bytes(q, 0), stdout);
			putc('\n', stdout);
		}
		sqlite3_finalize(q);
	}
	if (fflush(stdout) || ferror(stdout)) {
		cli_error("write error on standard output");
		rc = EXIT_INTERNAL;
	}
	cli_store_close(&s);
	return rc;
}
