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

#endif
