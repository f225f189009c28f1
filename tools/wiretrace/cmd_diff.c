/*
 * cmd_diff.c - `wiretrace diff A B`: the aligned passages of two articles,
 * readable by a person (default) or as one JSON object (--json).
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char diff_usage[] =
	"usage: wiretrace diff [--json] FILE_A FILE_B\n"
	"\n"
	"Aligns two articles (text files with optional headers, or one-record\n"
	"JSON Lines files) and shows the passages of A found in B, with byte\n"
	"offsets into each text, the coverage of each side and their Jaccard\n"
	"similarity.  Where a passage differs between the two, both versions\n"
	"are shown.\n";

/* Reads one article from `path` into its own corpus. */
static int load_one(const char *path, struct wt_corpus **out)
{
	struct wt_corpus *c;
	if (wt_corpus_new(&c))
		return EXIT_INTERNAL;
	wt_corpus_set_diag(c, cli_print_diag, NULL);
	enum wt_status st = wt_corpus_read_path(c, path, WT_FORMAT_AUTO);
	if (st || wt_corpus_count(c) == 0) {
		if (!st)
			cli_error("%s: no article in it", path);
		wt_corpus_free(c);
		return st && st != WT_ERR_IO ? EXIT_INTERNAL : EXIT_USAGE;
	}
	if (wt_corpus_count(c) > 1)
		cli_error("%s: holds %zu articles; the first is used", path, wt_corpus_count(c));
	*out = c;
	return EXIT_OK;
}

/* Prints a span of text on one indented line, spaces collapsed. */
static void print_span(const char *label, const char *t, struct wt_span s)
{
	printf("  %s ", label);
	int sp = 0;
	for (size_t i = s.start; i < s.end; i++) {
		char ch = t[i];
		if (ch == '\n' || ch == '\r' || ch == '\t' || ch == ' ') {
			sp = 1;
			continue;
		}
		if (sp)
			putchar(' ');
		sp = 0;
		putchar(ch);
	}
	putchar('\n');
}

static int same_words(const char *ta, struct wt_span a, const char *tb, struct wt_span b)
{
	struct wt_token *x = NULL, *y = NULL;
	size_t nx = 0, ny = 0;
	int same = 0;
	if (!wt_tokenize(ta + a.start, a.end - a.start, &x, &nx) &&
	    !wt_tokenize(tb + b.start, b.end - b.start, &y, &ny) && nx == ny) {
		same = 1;
		for (size_t i = 0; i < nx && same; i++)
			same = x[i].hash == y[i].hash;
	}
	wt_free(x);
	wt_free(y);
	return same;
}

int cmd_diff(int argc, char **argv)
{
	int json = 0;
	const char *files[2];
	int nf = 0;
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
			fputs(diff_usage, stdout);
			return EXIT_OK;
		} else if (!strcmp(argv[i], "--json")) {
			json = 1;
		} else if (!strcmp(argv[i], "--quiet") || !strcmp(argv[i], "-q")) {
			cli_quiet = 1;
		} else if (argv[i][0] == '-' && argv[i][1]) {
			cli_error("unknown option '%s' (see 'wiretrace diff --help')", argv[i]);
			return EXIT_USAGE;
		} else if (nf < 2) {
			files[nf++] = argv[i];
		} else {
			cli_error("diff takes two files");
			return EXIT_USAGE;
		}
	}
	if (nf != 2) {
		fputs(diff_usage, stderr);
		return EXIT_USAGE;
	}
	struct wt_corpus *ca = NULL, *cb = NULL;
	int rc = load_one(files[0], &ca);
	if (rc)
		return rc;
	if ((rc = load_one(files[1], &cb))) {
		wt_corpus_free(ca);
		return rc;
	}
	const struct wt_article *a = wt_corpus_get(ca, 0), *b = wt_corpus_get(cb, 0);
	struct wt_options o;
	wt_options_default(&o);
	struct wt_alignment al;
	enum wt_status st = wt_align_texts(a->text, a->text_len, b->text, b->text_len, &o, &al);
	if (st) {
		cli_error("alignment failed: %s", wt_strerror(st));
		wt_corpus_free(ca);
		wt_corpus_free(cb);
		return EXIT_INTERNAL;
	}
	if (json) {
		printf("{\"a\":");
		cli_json_string(stdout, a->id, strlen(a->id));
		printf(",\"b\":");
		cli_json_string(stdout, b->id, strlen(b->id));
		printf(",\"jaccard\":%.4f,\"coverage_a\":%.4f,\"coverage_b\":%.4f,\"passages\":[",
		       al.jaccard, al.coverage_a, al.coverage_b);
		for (size_t k = 0; k < al.n_passages; k++) {
			const struct wt_passage *p = &al.passages[k];
			printf("%s{\"a\":[%zu,%zu],\"b\":[%zu,%zu],\"same\":%s,\"text_a\":", k ? "," : "",
			       p->a.start, p->a.end, p->b.start, p->b.end,
			       same_words(a->text, p->a, b->text, p->b) ? "true" : "false");
			cli_json_string(stdout, a->text + p->a.start, p->a.end - p->a.start);
			printf(",\"text_b\":");
			cli_json_string(stdout, b->text + p->b.start, p->b.end - p->b.start);
			printf("}");
		}
		printf("]}\n");
	} else {
		printf("a: %s\nb: %s\n", a->id, b->id);
		printf("jaccard %.3f, coverage of a %.0f%%, coverage of b %.0f%%, %zu passage%s\n",
		       al.jaccard, al.coverage_a * 100, al.coverage_b * 100, al.n_passages,
		       al.n_passages == 1 ? "" : "s");
		for (size_t k = 0; k < al.n_passages; k++) {
			const struct wt_passage *p = &al.passages[k];
			int same = same_words(a->text, p->a, b->text, p->b);
			printf("\npassage %zu: a[%zu,%zu) b[%zu,%zu)%s\n", k + 1, p->a.start,
			       p->a.end, p->b.start, p->b.end, same ? ", same words" : ", edited");
			print_span(same ? "a=b:" : "a:", a->text, p->a);
			if (!same)
				print_span("b:", b->text, p->b);
		}
	}
	wt_alignment_release(&al);
	wt_corpus_free(ca);
	wt_corpus_free(cb);
	return EXIT_OK;
}
