/*
 * fuzz_text.c - libFuzzer target for the plain-text reader
 * (src/read/read_text.c: "key: value" headers ended by a blank line, or a
 * first line "date YYYY-MM-DD", then the body) and the corpus code it
 * feeds.  The input is read with wt_corpus_read_memory as WT_FORMAT_TEXT;
 * then the input must give exactly one article or exactly one reported
 * skip; the article must have a non-NULL, non-empty id and text that is
 * valid UTF-8 without NUL bytes with text_len == strlen(text); every
 * optional field is absent or valid UTF-8; `time` agrees with `date`.  When
 * the input is valid UTF-8 without NUL bytes nothing needs repair, so the
 * text must be the input's tail byte for byte (the body is kept as is).
 * Diagnostics must name the input, carry a message and point inside it.
 */
#include "fuzz_check.h"

#define NAME "fuzz.txt"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct wt_corpus *c;
	if (wt_corpus_new(&c) != WT_OK)
		return 0;
	struct fuzz_diags fd = {0};
	fd.name = NAME;
	fd.len = size;
	wt_corpus_set_diag(c, fuzz_on_diag, &fd);
	enum wt_status st = wt_corpus_read_memory(c, NAME, (const char *)data, size,
						  WT_FORMAT_TEXT);
	FUZZ_CHECK(st == WT_OK);
	fuzz_check_corpus(c);
	fuzz_check_diags(c, &fd);

	size_t n = wt_corpus_count(c);
	FUZZ_CHECK(n <= 1);
	FUZZ_CHECK(n + fd.skips == 1);
	if (n == 1) {
		const struct wt_article *a = wt_corpus_get(c, 0);
		if (fuzz_utf8_valid((const char *)data, size, 0)) {
			FUZZ_CHECK(fd.warnings == 0 || a->date);
			FUZZ_CHECK(a->text_len <= size);
			FUZZ_CHECK(!memcmp(a->text, data + size - a->text_len, a->text_len));
		}
	}
	wt_corpus_free(c);
	return 0;
}
