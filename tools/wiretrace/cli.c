/*
 * cli.c - what the verbs of the wiretrace command share: diagnostics,
 * errors, JSON strings, option values.  Linked into wiretrace and
 * wiretrace-mpi.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

int cli_quiet;
const struct wt_exchange *cli_exchange;

void cli_print_diag(void *ud, const struct wt_diag *d)
{
	(void)ud;
	/* A corpus with a systematic fault would bury the terminal: after 20
	 * messages of a kind the rest are only counted in the summary. */
	static unsigned shown[3];
	if (cli_quiet && d->kind != WT_DIAG_ERROR)
		return;
	if (shown[d->kind]++ >= 20) {
		if (shown[d->kind] == 21)
			fprintf(stderr, "wiretrace: further %s messages are only counted\n",
				d->kind == WT_DIAG_ERROR ? "error" :
				d->kind == WT_DIAG_SKIP ? "skip" : "warning");
		return;
	}
	const char *kind = d->kind == WT_DIAG_ERROR ? "error" :
			   d->kind == WT_DIAG_SKIP ? "skipped" : "warning";
	if (d->line > 0 && d->offset >= 0)
		fprintf(stderr, "wiretrace: %s:%lld: byte %lld: %s: %s\n", d->input, d->line,
			d->offset, kind, d->message);
	else if (d->line > 0)
		fprintf(stderr, "wiretrace: %s:%lld: %s: %s\n", d->input, d->line, kind, d->message);
	else if (d->offset >= 0)
		fprintf(stderr, "wiretrace: %s: byte %lld: %s: %s\n", d->input, d->offset, kind,
			d->message);
	else
		fprintf(stderr, "wiretrace: %s: %s: %s\n", d->input, kind, d->message);
}

void cli_error(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fputs("wiretrace: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
}

void cli_json_string(FILE *out, const char *s, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	if (!s) {
		fputs("null", out);
		return;
	}
	putc('"', out);
	size_t run = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c >= 0x20 && c != '"' && c != '\\')
			continue;
		fwrite(s + run, 1, i - run, out);
		run = i + 1;
		switch (c) {
		case '"': fputs("\\\"", out); break;
		case '\\': fputs("\\\\", out); break;
		case '\n': fputs("\\n", out); break;
		case '\r': fputs("\\r", out); break;
		case '\t': fputs("\\t", out); break;
		default:
			fputs("\\u00", out);
			putc(hex[c >> 4], out);
			putc(hex[c & 15], out);
		}
	}
	fwrite(s + run, 1, n - run, out);
	putc('"', out);
}

int cli_parse_format(const char *s, enum wt_format *out)
{
	static const char *const names[] = {"auto", "text", "jsonl", "html", "warc"};
	static const enum wt_format fmts[] = {WT_FORMAT_AUTO, WT_FORMAT_TEXT, WT_FORMAT_JSONL,
					      WT_FORMAT_HTML, WT_FORMAT_WARC};
	for (int k = 0; s && k < 5; k++)
		if (!strcmp(s, names[k])) {
			*out = fmts[k];
			return 0;
		}
	cli_error("option '--format' needs auto, text, jsonl, html or warc");
	return -1;
}

long cli_parse_long(const char *s)
{
	if (!s || !*s)
		return -1;
	char *end;
	long v = strtol(s, &end, 10);
	if (*end || v < 0)
		return -1;
	return v;
}


/* The analysis options, as `run`, `add` and `show` take them. */
static const struct {
	const char *name;
	char kind; /* 'l' whole number, 'f' share from 0 to 1, '0' a flag clearing an int */
	long min, max;
	size_t at; /* offset in struct wt_options */
} analysis[] = {
	{"--shingle", 'l', 1, 32, offsetof(struct wt_options, shingle)},
	{"--perm", 'l', 8, 1024, offsetof(struct wt_options, num_perm)},
	{"--bands", 'l', 1, 1024, offsetof(struct wt_options, bands)},
	{"--seed", 'l', 2, 32, offsetof(struct wt_options, seed_len)},
	{"--min-passage", 'l', 1, 10000, offsetof(struct wt_options, min_passage)},
	{"--max-gap", 'l', 0, 1000, offsetof(struct wt_options, max_gap)},
	{"--max-candidates", 'l', 1, 100000, offsetof(struct wt_options, max_candidates)},
	{"--link-min", 'f', 0, 1, offsetof(struct wt_options, link_min)},
	{"--verbatim-min", 'f', 0, 1, offsetof(struct wt_options, verbatim_min)},
	{"--edited-min", 'f', 0, 1, offsetof(struct wt_options, edited_min)},
	{"--story-min", 'f', 0, 1, offsetof(struct wt_options, story_min)},
	{"--story-window", 'd', 0, 3650, offsetof(struct wt_options, story_window)},
	{"--no-chrome", '0', 0, 0, offsetof(struct wt_options, chrome)},
	{"--no-stories", '0', 0, 0, offsetof(struct wt_options, stories)},
};

int cli_analysis_option(int argc, char **argv, int *i, struct wt_options *o)
{
	const char *a = argv[*i];
	for (size_t k = 0; k < sizeof(analysis) / sizeof(analysis[0]); k++) {
		if (strcmp(a, analysis[k].name))
			continue;
		char *dst = (char *)o + analysis[k].at;
		if (analysis[k].kind == '0') {
			*(int *)(void *)dst = 0;
			return 1;
		}
		const char *v = *i + 1 < argc ? argv[*i + 1] : NULL;
		if (analysis[k].kind == 'f') {
			char *end;
			double d = v ? strtod(v, &end) : -1;
			if (!v || !*v || *end || !(d >= 0 && d <= 1)) {
				cli_error("option '%s' needs a number from 0 to 1", a);
				return -1;
			}
			*(double *)(void *)dst = d;
		} else {
			long l = cli_parse_long(v);
			if (l < analysis[k].min || l > analysis[k].max) {
				cli_error("option '%s' needs a whole number from %ld to %ld", a,
					  analysis[k].min, analysis[k].max);
				return -1;
			}
			if (analysis[k].kind == 'd')
				*(double *)(void *)dst = (double)l;
			else
				*(int *)(void *)dst = (int)l;
		}
		(*i)++;
		return 1;
	}
	return 0;
}

int cli_check_options(const struct wt_options *o)
{
	if (o->num_perm % o->bands) {
		cli_error("--bands %d does not divide --perm %d", o->bands, o->num_perm);
		return -1;
	}
	return 0;
}

int cli_read_status(const char *input, enum wt_status st)
{
	if (st == WT_OK)
		return EXIT_OK;
	if (st == WT_ERR_IO)
		return EXIT_USAGE; /* the reader reported where */
	cli_error("%s: %s", input, wt_strerror(st));
	return EXIT_INTERNAL;
}

int cli_read_inputs(struct wt_corpus *c, const char *const *inputs, int n, enum wt_format fmt)
{
	int rc = EXIT_OK;
	for (int i = 0; i < n; i++) {
		int r = cli_read_status(inputs[i], wt_corpus_read_path(c, inputs[i], fmt));
		if (r == EXIT_INTERNAL)
			return r;
		if (r)
			rc = r;
	}
	return rc;
}

int cli_parse_threads(int argc, char **argv, int *i, int *threads)
{
	const char *a = argv[*i];
	long l;
	if (!strcmp(a, "-j") || !strcmp(a, "--threads")) {
		l = *i + 1 < argc ? cli_parse_long(argv[*i + 1]) : -1;
		(*i)++;
	} else if (!strncmp(a, "-j", 2) && a[2]) {
		l = cli_parse_long(a + 2);
		a = "-j";
	} else {
		return 0;
	}
	if (l < 0 || l > 256) {
		cli_error("option '%s' needs a whole number from 0 to 256", a);
		return -1;
	}
	*threads = (int)l;
	return 1;
}
