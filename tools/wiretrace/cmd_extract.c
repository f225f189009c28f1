/*
 * cmd_extract.c - `wiretrace extract INPUT...`: what wiretrace reads from
 * each web page, WARC record or other input, one JSON object a line, so a
 * person can check the extraction and other tools can use it.
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char extract_usage[] =
	"usage: wiretrace extract [OPTIONS] INPUT...\n"
	"\n"
	"Reads web pages (.html, .htm, also gzipped), WARC files (.warc, .warc.gz)\n"
	"and the other inputs `run` reads, and prints each article extracted, one\n"
	"JSON object a line: id, url, title, date, site, byline, text.  From a page\n"
	"only the article body is kept: navigation, advertisements, related links,\n"
	"comments, captions and newsletter boxes are left out; so from a JSON Lines\n"
	"record whose body is HTML (a text that is a page or its markup, or an\n"
	"html field).  Directories recurse; '-' is standard input.\n"
	"\n"
	"options:\n"
	"  --format FMT   auto, text, jsonl, html or warc (default auto)\n"
	"  -j N           threads extracting the pages of a directory (default:\n"
	"                 every core); the output does not depend on it\n"
	"  -q, --quiet    no warnings and no summary on standard error\n"
	"  -h, --help     this help\n";

static void field(const char *key, const char *v, int *first)
{
	printf("%s\"%s\":", *first ? "" : ",", key);
	cli_json_string(stdout, v, v ? strlen(v) : 0);
	*first = 0;
}

int cmd_extract(int argc, char **argv)
{
	enum wt_format fmt = WT_FORMAT_AUTO;
	int threads = 0;
	const char **inputs = calloc((size_t)argc + 1, sizeof(*inputs));
	size_t n_in = 0;
	if (!inputs)
		return EXIT_INTERNAL;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		int t;
		if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
			fputs(extract_usage, stdout);
			free(inputs);
			return EXIT_OK;
		} else if (!strcmp(a, "--quiet") || !strcmp(a, "-q")) {
			cli_quiet = 1;
		} else if ((t = cli_parse_threads(argc, argv, &i, &threads)) != 0) {
			if (t < 0) {
				free(inputs);
				return EXIT_USAGE;
			}
		} else if (!strcmp(a, "--format")) {
			if (cli_parse_format(i + 1 < argc ? argv[++i] : NULL, &fmt)) {
				free(inputs);
				return EXIT_USAGE;
			}
		} else if (a[0] == '-' && a[1]) {
			cli_error("unknown option '%s'", a);
			fputs(extract_usage, stderr);
			free(inputs);
			return EXIT_USAGE;
		} else {
			inputs[n_in++] = a;
		}
	}
	if (!n_in) {
		cli_error("extract needs an INPUT");
		fputs(extract_usage, stderr);
		free(inputs);
		return EXIT_USAGE;
	}
	int rc = EXIT_OK;
	struct wt_read_stats total = {0};
	/* One corpus per input, so memory holds one input's articles. */
	for (size_t k = 0; k < n_in && rc != EXIT_INTERNAL; k++) {
		struct wt_corpus *c;
		if (wt_corpus_new(&c)) {
			rc = EXIT_INTERNAL;
			break;
		}
		wt_corpus_set_diag(c, cli_print_diag, NULL);
		wt_corpus_set_threads(c, threads);
		int r = cli_read_status(inputs[k], wt_corpus_read_path(c, inputs[k], fmt));
		if (r > rc)
			rc = r;
		for (size_t i = 0; i < wt_corpus_count(c); i++) {
			const struct wt_article *a = wt_corpus_get(c, i);
			int first = 1;
			putchar('{');
			field("id", a->id, &first);
			field("url", a->url, &first);
			field("title", a->title, &first);
			field("date", a->date, &first);
			field("site", a->site, &first);
			field("byline", a->byline, &first);
			printf(",\"text\":");
			cli_json_string(stdout, a->text, a->text_len);
			puts("}");
		}
		struct wt_read_stats rs;
		wt_corpus_stats(c, &rs);
		total.inputs += rs.inputs;
		total.articles += rs.articles;
		total.skipped += rs.skipped;
		total.warnings += rs.warnings;
		total.errors += rs.errors;
		wt_corpus_free(c);
	}
	if (!cli_quiet)
		fprintf(stderr, "wiretrace: %zu articles from %zu inputs, %zu skipped, "
			"%zu warnings, %zu errors\n", total.articles, total.inputs,
			total.skipped, total.warnings, total.errors);
	free(inputs);
	if (fflush(stdout) || ferror(stdout)) {
		cli_error("cannot write output");
		return EXIT_INTERNAL;
	}
	return rc;
}
