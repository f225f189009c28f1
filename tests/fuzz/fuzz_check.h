/*
 * fuzz_check.h - what the libFuzzer targets share: a macro that stops the
 * run on a broken invariant, a UTF-8 validator written independently of the
 * library's (so a bug in src/text/utf8.c cannot hide itself), and the
 * checks every article and every diagnostic must pass whatever the input.
 * A broken invariant calls abort(), which libFuzzer reports as a crash and
 * saves the input that caused it.
 */
#ifndef WT_FUZZ_CHECK_H
#define WT_FUZZ_CHECK_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wiretrace.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define FUZZ_CHECK(cond)                                                     \
	do {                                                                 \
		if (!(cond)) {                                               \
			fprintf(stderr, "%s:%d: invariant broken: %s\n",     \
				__FILE__, __LINE__, #cond);                  \
			abort();                                             \
		}                                                            \
	} while (0)

/*
 * @return 1 when s[0..n) is well-formed UTF-8 (RFC 3629: no overlong forms,
 * no surrogates, nothing above U+10FFFF), else 0.  NUL bytes are refused
 * unless `allow_nul`.
 */
static inline int fuzz_utf8_valid(const char *str, size_t n, int allow_nul)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0;
	while (i < n) {
		unsigned c = s[i];
		if (c == 0 && !allow_nul)
			return 0;
		if (c < 0x80) {
			i++;
			continue;
		}
		size_t need;
		unsigned lo = 0x80, hi = 0xBF; /* range of the second byte */
		if (c >= 0xC2 && c <= 0xDF) {
			need = 1;
		} else if (c >= 0xE0 && c <= 0xEF) {
			need = 2;
			if (c == 0xE0)
				lo = 0xA0;
			else if (c == 0xED)
				hi = 0x9F;
		} else if (c >= 0xF0 && c <= 0xF4) {
			need = 3;
			if (c == 0xF0)
				lo = 0x90;
			else if (c == 0xF4)
				hi = 0x8F;
		} else {
			return 0;
		}
		if (n - i <= need)
			return 0;
		if (s[i + 1] < lo || s[i + 1] > hi)
			return 0;
		for (size_t k = 2; k <= need; k++)
			if ((s[i + k] & 0xC0) != 0x80)
				return 0;
		i += need + 1;
	}
	return 1;
}

/* A metadata field: absent, or NUL-terminated valid UTF-8. */
static inline void fuzz_check_field(const char *s)
{
	if (s)
		FUZZ_CHECK(fuzz_utf8_valid(s, strlen(s), 0));
}

/* What every article must satisfy, however broken its input was. */
static inline void fuzz_check_article(const struct wt_article *a)
{
	FUZZ_CHECK(a != NULL);
	FUZZ_CHECK(a->id != NULL && a->id[0] != '\0');
	FUZZ_CHECK(a->text != NULL);
	FUZZ_CHECK(a->text_len > 0);
	FUZZ_CHECK(a->text_len == strlen(a->text));
	FUZZ_CHECK(fuzz_utf8_valid(a->text, a->text_len, 0));
	fuzz_check_field(a->id);
	fuzz_check_field(a->url);
	fuzz_check_field(a->site);
	fuzz_check_field(a->date);
	fuzz_check_field(a->title);
	/* Empty optional fields are reported as absent. */
	FUZZ_CHECK(!a->url || a->url[0]);
	FUZZ_CHECK(!a->site || a->site[0]);
	FUZZ_CHECK(!a->date || a->date[0]);
	FUZZ_CHECK(!a->title || a->title[0]);
	if (!a->date)
		FUZZ_CHECK(a->time == WT_TIME_UNKNOWN);
	else
		FUZZ_CHECK(a->time == wt_parse_date(a->date));
}

/* Every article of a corpus passes fuzz_check_article, and ids are unique. */
static inline void fuzz_check_corpus(const struct wt_corpus *c)
{
	size_t n = wt_corpus_count(c);
	struct wt_read_stats st;
	wt_corpus_stats(c, &st);
	FUZZ_CHECK(st.articles == n);
	FUZZ_CHECK(wt_corpus_get(c, n) == NULL);
	for (size_t i = 0; i < n; i++) {
		const struct wt_article *a = wt_corpus_get(c, i);
		fuzz_check_article(a);
		for (size_t j = 0; j < i; j++)
			FUZZ_CHECK(strcmp(wt_corpus_get(c, j)->id, a->id) != 0);
	}
}

/* What the diagnostic callback records, to compare with the stats. */
struct fuzz_diags {
	const char *name;   /* the input name given to the reader */
	size_t len;         /* the input's length */
	size_t warnings, skips, errors;
	size_t input_skips; /* skips of the whole input (line 0) */
	size_t record_skips; /* skips of one record (line >= 1) */
	long long max_line;
};

/* A diagnostic is well formed: named input, sane position, a message. */
static inline void fuzz_on_diag(void *ud, const struct wt_diag *d)
{
	struct fuzz_diags *fd = ud;
	FUZZ_CHECK(d != NULL && d->message != NULL && d->input != NULL);
	FUZZ_CHECK(strcmp(d->input, fd->name) == 0);
	FUZZ_CHECK(strlen(d->message) > 0 && strlen(d->message) < 512);
	FUZZ_CHECK(d->line >= 0);
	FUZZ_CHECK(d->offset >= -1 && d->offset <= (long long)fd->len);
	if (d->line > fd->max_line)
		fd->max_line = d->line;
	switch (d->kind) {
	case WT_DIAG_WARNING:
		fd->warnings++;
		break;
	case WT_DIAG_SKIP:
		fd->skips++;
		if (d->line == 0)
			fd->input_skips++;
		else
			fd->record_skips++;
		break;
	case WT_DIAG_ERROR:
		fd->errors++;
		break;
	default:
		FUZZ_CHECK(!"unknown diagnostic kind");
	}
}

/* The diagnostics seen agree with the corpus's counts.  Warnings may be
 * counted without a callback (one message per repaired field). */
static inline void fuzz_check_diags(const struct wt_corpus *c,
				    const struct fuzz_diags *fd)
{
	struct wt_read_stats st;
	wt_corpus_stats(c, &st);
	FUZZ_CHECK(st.skipped == fd->skips);
	FUZZ_CHECK(st.errors == fd->errors);
	FUZZ_CHECK(st.warnings >= fd->warnings);
	FUZZ_CHECK(fd->errors == 0); /* memory input: nothing to open */
	FUZZ_CHECK(st.inputs == 1);
}

/*
 * Reads one input as `format` with diagnostics collected into *fd and
 * checks the corpus and the diagnostics.  @return the corpus (caller frees),
 * or NULL when it could not even be created.
 */
static inline struct wt_corpus *fuzz_read(const uint8_t *data, size_t size, const char *name,
				   enum wt_format format, struct fuzz_diags *fd)
{
	struct wt_corpus *c;
	if (wt_corpus_new(&c) != WT_OK)
		return NULL;
	memset(fd, 0, sizeof(*fd));
	fd->name = name;
	fd->len = size;
	wt_corpus_set_diag(c, fuzz_on_diag, fd);
	enum wt_status st = wt_corpus_read_memory(c, name, (const char *)data, size, format);
	FUZZ_CHECK(st == WT_OK);
	fuzz_check_corpus(c);
	fuzz_check_diags(c, fd);
	return c;
}

#endif
