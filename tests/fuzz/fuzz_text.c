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
	struct fuzz_diags fd;
	struct wt_corpus *c = fuzz_read(data, size, NAME, WT_FORMAT_TEXT, &fd);
	if (!c)
		return 0;

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
