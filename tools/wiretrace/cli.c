/*
 * cli.c - what the verbs of the wiretrace command share: diagnostics,
 * errors, JSON strings, option values.  Linked into wiretrace and
 * wiretrace-mpi.
 */
#include <stdarg.h>
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

