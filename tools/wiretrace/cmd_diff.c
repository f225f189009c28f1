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
	"similarity.  Where a passage differs between the two, its words are\n"
	"marked as [-only in A-] and {+only in B+}.\n";

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

/* Prints t[from, to) with runs of spaces and line breaks as one space. */
static void put_text(const char *t, size_t from, size_t to)
{
	int sp = 0;
	for (size_t i = from; i < to; i++) {
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
	if (sp)
		putchar(' ');
}

/* Prints a span of text on one indented line. */
static void print_span(const char *label, const char *t, struct wt_span s)
{
	printf("  %s ", label);
	put_text(t, s.start, s.end);
	putchar('\n');
}

/*
 * Prints an edited passage as a's text with word-level changes marked the
 * way `git diff --word-diff` does: [-only in a-] {+only in b+}.
 * @return 0, or -1 when the passage is too long to diff word by word.
 */
static int print_word_diff(const char *ta, struct wt_span pa, const char *tb,
			   struct wt_span pb)
{
	struct wt_edit *e;
	size_t n;
	if (wt_word_diff(ta + pa.start, pa.end - pa.start, tb + pb.start, pb.end - pb.start,
			 &e, &n))
		return -1;
	const char *a = ta + pa.start, *b = tb + pb.start;
	size_t pos = 0;
	printf("  ~ ");
	for (size_t k = 0; k < n; k++) {
		if (e[k].op == WT_EDIT_INSERT) {
			/* New words go just before a's next word, after the
			 * punctuation and space in front of it. */
			size_t next = pos;
			for (size_t q = k + 1; q < n; q++)
				if (e[q].op != WT_EDIT_INSERT) {
					next = e[q].a.start;
					break;
				}
			put_text(a, pos, next);
			pos = next;
			fputs("{+", stdout);
			put_text(b, e[k].b.start, e[k].b.end);
			/* a space before a's next word, but none between the
			 * words of Thai or Chinese */
			int space = next > 0 && k + 1 < n && !cli_glued_before(b, 0, e[k].b.end);
			fputs(space ? "+} " : "+}", stdout);
			continue;
		}
		put_text(a, pos, e[k].a.start);
		if (e[k].op == WT_EDIT_DELETE)
			fputs("[-", stdout);
		put_text(a, e[k].a.start, e[k].a.end);
		if (e[k].op == WT_EDIT_DELETE)
			fputs("-]", stdout);
		pos = e[k].a.end;
	}
	putchar('\n');
	wt_free(e);
	return 0;
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

/* Writes ,"edits":[...]: the words deleted from and inserted into the
 * passage, with byte offsets into each whole text. */
static void print_json_edits(const char *ta, struct wt_span pa, const char *tb,
			     struct wt_span pb)
{
	struct wt_edit *e;
	size_t n;
	if (wt_word_diff(ta + pa.start, pa.end - pa.start, tb + pb.start, pb.end - pb.start,
			 &e, &n))
		return;
	printf(",\"edits\":[");
	int first = 1;
	for (size_t k = 0; k < n; k++) {
		if (e[k].op == WT_EDIT_SAME)
			continue;
		int del = e[k].op == WT_EDIT_DELETE;
		struct wt_span sp = del ? e[k].a : e[k].b;
		size_t base = del ? pa.start : pb.start;
		printf("%s{\"op\":\"%s\",\"%s\":[%zu,%zu],\"text\":", first ? "" : ",",
		       del ? "delete" : "insert", del ? "a" : "b", base + sp.start, base + sp.end);
		cli_json_string(stdout, (del ? ta : tb) + base + sp.start, sp.end - sp.start);
		putchar('}');
		first = 0;
	}
	putchar(']');
	wt_free(e);
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
			print_json_edits(a->text, p->a, b->text, p->b);
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
			if (same)
				print_span("a=b:", a->text, p->a);
			else if (print_word_diff(a->text, p->a, b->text, p->b))
				print_span("a:", a->text, p->a), print_span("b:", b->text, p->b);
		}
	}
	wt_alignment_release(&al);
	wt_corpus_free(ca);
	wt_corpus_free(cb);
	return EXIT_OK;
}
