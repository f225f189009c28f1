/*
 * helpers.h - what every unit test includes: cmocka and the library.
 */
#ifndef WT_TEST_HELPERS_H
#define WT_TEST_HELPERS_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "wiretrace.h"

/* Adds an article with a date (parsed) and a site to a test corpus. */
static inline void add_dated(struct wt_corpus *c, const char *id, const char *date,
			     const char *site, const char *text)
{
	struct wt_article a = {0};
	a.id = id;
	a.site = site;
	a.date = date;
	a.text = text;
	a.text_len = strlen(text);
	a.time = wt_parse_date(date);
	assert_int_equal(wt_corpus_add(c, &a), WT_OK);
}

/* Diagnostics collected by a test: wt_corpus_set_diag(c, collect, &ds). */
struct diag_rec {
	enum wt_diag_kind kind;
	long long line, offset;
	char input[256];
	char message[512];
};

struct diags {
	struct diag_rec v[32];
	size_t n;
};

static inline void collect(void *ud, const struct wt_diag *d)
{
	struct diags *ds = ud;
	assert_non_null(d->message);
	assert_non_null(d->input);
	if (ds->n >= 32)
		return;
	struct diag_rec *r = &ds->v[ds->n++];
	r->kind = d->kind;
	r->line = d->line;
	r->offset = d->offset;
	snprintf(r->input, sizeof(r->input), "%s", d->input);
	snprintf(r->message, sizeof(r->message), "%s", d->message);
}

/* Writes `len` bytes to dir/rel, asserting that it worked. */
static inline void write_file(const char *dir, const char *rel, const char *content, size_t len)
{
	char path[1024];
	snprintf(path, sizeof(path), "%s/%s", dir, rel);
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(content, 1, len, f), len);
	assert_int_equal(fclose(f), 0);
}

#endif
