/*
 * fuzz_html.c - libFuzzer target for the page reader (src/read/html.c,
 * src/read/charset.c): gumbo parsing, article extraction, metadata, and the
 * conversion of legacy encodings with iconv.  The first byte picks the
 * charset a transport would declare (none, UTF-8, windows-1251, ISO-8859-1,
 * Shift_JIS, GB2312, EUC-KR, UTF-16LE, KOI8-R, an unknown name), so iconv
 * sees every kind of input; the rest is the page.  wt__html_extract must
 * give strings that are valid UTF-8 without NUL bytes, with text_len ==
 * strlen(text).  Then the page alone goes through wt_corpus_read_memory as
 * WT_FORMAT_HTML: the fuzz_check.h checks, and exactly one article or one
 * reported skip.
 */
#include "fuzz_check.h"
#include "read/html.h"

#define NAME "fuzz.html"

static const char *const charsets[] = {
	NULL, "utf-8", "windows-1251", "iso-8859-1", "shift_jis", "gb2312",
	"euc-kr", "utf-16le", "koi8-r", "x-no-such-charset",
};

/* A page string: absent, or valid UTF-8 without NUL bytes. */
static void check_string(const char *s)
{
	if (s)
		FUZZ_CHECK(fuzz_utf8_valid(s, strlen(s), 0));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	const char *charset = charsets[data[0] % (sizeof(charsets) / sizeof(*charsets))];
	const char *html = (const char *)data + 1;
	size_t len = size - 1;

	struct wt__page p;
	enum wt_status st = wt__html_extract(html, len, charset, "https://fuzz.example/a", &p);
	FUZZ_CHECK(st == WT_OK);
	check_string(p.url);
	check_string(p.title);
	check_string(p.date);
	check_string(p.site);
	check_string(p.byline);
	if (p.text) {
		FUZZ_CHECK(p.text_len == strlen(p.text));
		FUZZ_CHECK(fuzz_utf8_valid(p.text, p.text_len, 0));
	} else {
		FUZZ_CHECK(p.text_len == 0);
	}
	wt__page_release(&p);

	struct fuzz_diags fd;
	struct wt_corpus *c = fuzz_read((const uint8_t *)html, len, NAME, WT_FORMAT_HTML, &fd);
	if (c) {
		FUZZ_CHECK(wt_corpus_count(c) + fd.skips == 1);
		wt_corpus_free(c);
	}
	return 0;
}
