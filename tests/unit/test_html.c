/*
 * test_html.c - unit tests of article extraction from web pages
 * (src/read/html.c, charset.c).  The pages are invented, but built the way
 * news sites build theirs: a menu, a share bar, a figure with its caption,
 * teaser cards of other stories, a newsletter box, comments and a footer
 * around five paragraphs of article; metadata in Open Graph tags and
 * JSON-LD.  Also: a body set loose in a <div> with <br> breaks, a body cut
 * in two chunks around an advertisement, a windows-1251 page declared in a
 * <meta> tag and one declared only by the transport, the date taken from a
 * URL, a page with no article, a gzipped page read from memory, a page
 * nested deeper than the limit, and a directory of pages read alike on one
 * thread and on three.
 */
#include "helpers.h"

#include <unistd.h>
#include <zlib.h>

#include "read/html.h"

static const char *const PARAS[] = {
	"The river authority opened all four spillway gates of the Kessel dam on "
	"Tuesday morning, after three days of rain raised the reservoir to its "
	"highest level since the dam was finished in 1974.",
	"Engineers said the release, about 2,400 cubic metres a second, would "
	"lower the reservoir by half a metre before the weekend, when more rain "
	"is forecast across the upper valley.",
	"Farmers downstream were told to move livestock from the flood meadows, "
	"and the ferry at Linden stopped running at noon, the authority said in a "
	"statement.",
	"\"We are releasing water now so that we do not have to release much more "
	"later,\" said Marta Olsen, the authority's chief engineer, at a briefing "
	"in the control building.",
	"The authority will publish the reservoir level every six hours on its "
	"website until the gates are closed again, probably early next week.",
};

/* Text that must never end up in the article. */
static const char *const CHROME[] = {
	"Home", "Weather", "Share on Facebook", "Photo: River Authority",
	"Council approves new bridge", "Sign up for our morning briefing",
	"first comment", "All rights reserved", "Most read",
};

static const char PAGE_HEAD[] =
	"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
	"<title>Kessel dam opens all spillway gates | Valley Courier</title>"
	"<meta property=\"og:title\" content=\"Kessel dam opens all spillway gates\">"
	"<meta property=\"og:site_name\" content=\"Valley Courier\">"
	"<meta property=\"article:published_time\" content=\"2026-03-10T08:15:00Z\">"
	"<link rel=\"canonical\" href=\"https://valleycourier.example/news/kessel-dam\">"
	"<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\","
	"\"@type\":\"NewsArticle\",\"headline\":\"Kessel dam opens all spillway gates\","
	"\"datePublished\":\"2026-03-10T08:15:00Z\",\"author\":[{\"@type\":\"Person\","
	"\"name\":\"Jonas Berg\"}],\"publisher\":{\"@type\":\"Organization\","
	"\"name\":\"Valley Courier\"}}</script>"
	"<style>.x{color:red}</style><script>var ads = 'Sponsored content';</script>"
	"</head><body>"
	"<header><nav><ul><li><a href=\"/\">Home</a></li><li><a href=\"/w\">Weather</a>"
	"</li><li><a href=\"/s\">Sport</a></li></ul></nav></header>"
	"<main><article><h1>Kessel dam opens all spillway gates</h1>"
	"<div class=\"byline\">By Jonas Berg</div>"
	"<div class=\"share-bar\"><a href=\"#\">Share on Facebook</a> "
	"<a href=\"#\">Share on X</a></div>"
	"<figure><img src=\"dam.jpg\" alt=\"\"><figcaption>Photo: River Authority"
	"</figcaption></figure>"
	"<div class=\"article-body\">";

static const char PAGE_TAIL[] =
	"</div>"
	"<div class=\"newsletter-box\"><p>Sign up for our morning briefing and get "
	"the valley's news in your inbox every day, free of charge.</p></div>"
	"<div class=\"cards\"><div class=\"card\"><h3><a href=\"/b\">Council approves "
	"new bridge</a></h3><p>The vote was close.</p></div>"
	"<div class=\"card\"><h3><a href=\"/c\">School reopens</a></h3></div></div>"
	"</article>"
	"<section id=\"comments\"><h2>Comments</h2><p>This is the first comment, and "
	"it is long enough to look like a paragraph of text, with commas, even.</p>"
	"<p>Another reader wrote a second comment, also quite long, about the dam "
	"and the rain, and the ferry.</p></section></main>"
	"<aside><h2>Most read</h2><ol><li><a href=\"/1\">One</a></li></ol></aside>"
	"<footer><p>Valley Courier. All rights reserved.</p></footer></body></html>";

/* Builds the test page: the head, the paragraphs (with `between` after the
 * second), the tail.  Owned by the caller. */
static char *make_page(const char *between)
{
	size_t cap = 16384;
	char *s = malloc(cap);
	assert_non_null(s);
	size_t n = (size_t)snprintf(s, cap, "%s", PAGE_HEAD);
	for (int i = 0; i < 5; i++) {
		n += (size_t)snprintf(s + n, cap - n, "<p>%s</p>", PARAS[i]);
		if (i == 1 && between)
			n += (size_t)snprintf(s + n, cap - n, "%s", between);
	}
	snprintf(s + n, cap - n, "%s", PAGE_TAIL);
	return s;
}

static void assert_article(const char *text)
{
	assert_non_null(text);
	const char *prev = text;
	for (int i = 0; i < 5; i++) {
		const char *p = strstr(text, PARAS[i]);
		if (!p)
			fail_msg("paragraph %d missing from: %s", i, text);
		assert_true(p >= prev); /* in order */
		prev = p;
	}
	for (size_t i = 0; i < sizeof(CHROME) / sizeof(*CHROME); i++)
		if (strstr(text, CHROME[i]))
			fail_msg("'%s' is in the article: %s", CHROME[i], text);
}

static void test_news_page(void **state)
{
	(void)state;
	char *html = make_page(NULL);
	struct wt__page p;
	assert_int_equal(wt__html_extract(html, strlen(html), NULL, NULL, &p), WT_OK);
	assert_article(p.text);
	assert_int_equal(p.text_len, strlen(p.text));
	/* Paragraphs are blank-line separated blocks. */
	assert_non_null(strstr(p.text, "in 1974.\n\nEngineers said"));
	assert_string_equal(p.title, "Kessel dam opens all spillway gates");
	assert_string_equal(p.date, "2026-03-10T08:15:00Z");
	assert_string_equal(p.site, "Valley Courier");
	assert_string_equal(p.url, "https://valleycourier.example/news/kessel-dam");
	assert_string_equal(p.byline, "Jonas Berg");
	wt__page_release(&p);
	free(html);
}

static void test_chunks_and_ads(void **state)
{
	(void)state;
	/* The body cut in two chunks of one class around an advertisement. */
	char *html = make_page("</div><div class=\"ad-slot\"><p>Advertisement: buy "
			       "the new Kessel model, now with twelve percent more room "
			       "for everything.</p></div><div class=\"article-body\">");
	struct wt__page p;
	assert_int_equal(wt__html_extract(html, strlen(html), NULL, NULL, &p), WT_OK);
	assert_article(p.text);
	assert_null(strstr(p.text, "Kessel model"));
	wt__page_release(&p);
	free(html);
}

static void test_loose_text(void **state)
{
	(void)state;
	char html[4096];
	snprintf(html, sizeof(html),
		 "<html><body><div class=\"menu\"><a href=\"/\">Start</a> <a href=\"/n\">News"
		 "</a></div><div class=\"col\"><b>10/03/2026</b><br><br>%s<br><br>%s<br>"
		 "</div><div class=\"foot\">Street 1, Town</div></body></html>",
		 PARAS[0], PARAS[1]);
	struct wt__page p;
	assert_int_equal(wt__html_extract(html, strlen(html), NULL, NULL, &p), WT_OK);
	assert_non_null(p.text);
	assert_non_null(strstr(p.text, PARAS[0]));
	assert_non_null(strstr(p.text, PARAS[1]));
	assert_null(strstr(p.text, "Street 1"));
	wt__page_release(&p);
}

/* "Плотина открыла ворота" and more, in windows-1251. */
static const char CP1251_TEXT[] =
	"\xcf\xeb\xee\xf2\xe8\xed\xe0 \xee\xf2\xea\xf0\xfb\xeb\xe0 \xe2\xee\xf0\xee\xf2\xe0, "
	"\xe8 \xe2\xee\xe4\xe0 \xef\xee\xf8\xeb\xe0 \xe2\xed\xe8\xe7 \xef\xee \xf0\xe5\xea\xe5, "
	"\xf1\xea\xe0\xe7\xe0\xeb\xe8 \xe2 \xe2\xee\xe4\xed\xee\xec \xf3\xef\xf0\xe0\xe2\xeb\xe5"
	"\xed\xe8\xe8 \xe2\xee \xe2\xf2\xee\xf0\xed\xe8\xea.";
static const char UTF8_START[] =
	"\xd0\x9f\xd0\xbb\xd0\xbe\xd1\x82\xd0\xb8\xd0\xbd\xd0\xb0 \xd0\xbe\xd1\x82\xd0\xba"
	"\xd1\x80\xd1\x8b\xd0\xbb\xd0\xb0"; /* "Плотина открыла" */

static void test_legacy_charset(void **state)
{
	(void)state;
	char html[2048];
	/* Declared by the page. */
	snprintf(html, sizeof(html),
		 "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; "
		 "charset=windows-1251\"></head><body><article><p>%s</p><p>%s</p></article>"
		 "</body></html>", CP1251_TEXT, CP1251_TEXT);
	struct wt__page p;
	assert_int_equal(wt__html_extract(html, strlen(html), NULL, NULL, &p), WT_OK);
	assert_non_null(p.text);
	assert_memory_equal(p.text, UTF8_START, strlen(UTF8_START));
	wt__page_release(&p);
	/* Declared only by the transport (an HTTP header). */
	snprintf(html, sizeof(html), "<html><body><article><p>%s</p><p>%s</p></article>"
		 "</body></html>", CP1251_TEXT, CP1251_TEXT);
	assert_int_equal(wt__html_extract(html, strlen(html), "Windows-1251", NULL, &p), WT_OK);
	assert_non_null(p.text);
	assert_memory_equal(p.text, UTF8_START, strlen(UTF8_START));
	wt__page_release(&p);
	/* Not declared and not UTF-8: read as windows-1252, still valid UTF-8. */
	assert_int_equal(wt__html_extract(html, strlen(html), NULL, NULL, &p), WT_OK);
	assert_non_null(p.text);
	assert_non_null(strstr(p.text, "\xc3\x8f")); /* 0xCF in windows-1252: Ï */
	wt__page_release(&p);
}

static void test_charset_sniff(void **state)
{
	(void)state;
	char cs[32];
	const char *a = "<html><head><META CHARSET='ISO-8859-2'>";
	assert_int_equal(wt__charset_sniff(a, strlen(a), cs, sizeof(cs)), 1);
	assert_string_equal(cs, "iso-8859-2");
	const char *b = "\xEF\xBB\xBF<html>";
	assert_int_equal(wt__charset_sniff(b, strlen(b), cs, sizeof(cs)), 1);
	assert_string_equal(cs, "utf-8");
	const char *c = "<html><head><title>x</title></head>";
	assert_int_equal(wt__charset_sniff(c, strlen(c), cs, sizeof(cs)), 0);
}

static void test_url_date_and_no_article(void **state)
{
	(void)state;
	char html[4096];
	snprintf(html, sizeof(html), "<html><body><div><p>%s</p><p>%s</p></div></body></html>",
		 PARAS[2], PARAS[3]);
	struct wt__page p;
	assert_int_equal(wt__html_extract(html, strlen(html), NULL,
					  "https://www.example.org/2026/03/10/dam-story/", &p), WT_OK);
	assert_string_equal(p.date, "2026-03-10");
	assert_string_equal(p.site, "example.org");
	wt__page_release(&p);
	/* Dates cut short at the end of the URL are no dates. */
	assert_int_equal(wt__html_extract(html, strlen(html), NULL, "https://a.example/x/2026-1", &p),
			 WT_OK);
	assert_null(p.date);
	wt__page_release(&p);
	assert_int_equal(wt__html_extract(html, strlen(html), NULL, "https://a.example/2026031", &p),
			 WT_OK);
	assert_null(p.date);
	wt__page_release(&p);
	assert_int_equal(wt__html_extract(html, strlen(html), NULL,
					  "https://www.example.org/2026/03/10/dam-story/", &p), WT_OK);
	assert_string_equal(p.url, "https://www.example.org/2026/03/10/dam-story/");
	wt__page_release(&p);
	/* A page of links only holds no article: reading it counts a skip. */
	const char *menu = "<html><body><ul><li><a href=\"/a\">Alpha</a></li>"
			   "<li><a href=\"/b\">Beta</a></li></ul></body></html>";
	struct wt_corpus *c;
	assert_int_equal(wt_corpus_new(&c), WT_OK);
	assert_int_equal(wt_corpus_read_memory(c, "menu.html", menu, strlen(menu),
					       WT_FORMAT_AUTO), WT_OK);
	struct wt_read_stats rs;
	wt_corpus_stats(c, &rs);
	assert_int_equal(wt_corpus_count(c), 0);
	assert_int_equal(rs.skipped, 1);
	wt_corpus_free(c);
}

static void test_gzipped_page(void **state)
{
	(void)state;
	char *html = make_page(NULL);
	uLong n = (uLong)strlen(html);
	unsigned char *gz = malloc(n + 1024);
	assert_non_null(gz);
	z_stream z;
	memset(&z, 0, sizeof(z));
	assert_int_equal(deflateInit2(&z, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY), Z_OK);
	z.next_in = (unsigned char *)html;
	z.avail_in = (uInt)n;
	z.next_out = gz;
	z.avail_out = (uInt)(n + 1024);
	assert_int_equal(deflate(&z, Z_FINISH), Z_STREAM_END);
	size_t gz_len = z.total_out;
	deflateEnd(&z);
	struct wt_corpus *c;
	assert_int_equal(wt_corpus_new(&c), WT_OK);
	assert_int_equal(wt_corpus_read_memory(c, "page.html.gz", (const char *)gz, gz_len,
					       WT_FORMAT_AUTO), WT_OK);
	assert_int_equal(wt_corpus_count(c), 1);
	const struct wt_article *a = wt_corpus_get(c, 0);
	assert_article(a->text);
	assert_string_equal(a->title, "Kessel dam opens all spillway gates");
	assert_string_equal(a->byline, "Jonas Berg");
	assert_true(a->time != WT_TIME_UNKNOWN);
	wt_corpus_free(c);
	/* Cut short: what was read is kept, the cut reported. */
	assert_int_equal(wt_corpus_new(&c), WT_OK);
	assert_int_equal(wt_corpus_read_memory(c, "cut.html.gz", (const char *)gz, gz_len / 2,
					       WT_FORMAT_AUTO), WT_OK);
	struct wt_read_stats rs;
	wt_corpus_stats(c, &rs);
	assert_true(rs.warnings >= 1);
	wt_corpus_free(c);
	free(gz);
	free(html);
}

static void test_deep_nesting(void **state)
{
	(void)state;
	/* An article, then 20,000 unclosed <div>: parsed up to the nesting
	 * limit, the article kept, the page marked as read in part. */
	size_t cap = 200000;
	char *html = malloc(cap);
	assert_non_null(html);
	size_t n = (size_t)snprintf(html, cap, "<html><body><article><p>%s</p><p>%s</p></article>",
				    PARAS[0], PARAS[1]);
	for (int i = 0; i < 20000; i++)
		n += (size_t)snprintf(html + n, cap - n, "<div>");
	struct wt__page p;
	assert_int_equal(wt__html_extract(html, n, NULL, NULL, &p), WT_OK);
	assert_int_equal(p.cut, 1);
	assert_non_null(p.text);
	assert_non_null(strstr(p.text, PARAS[1]));
	wt__page_release(&p);
	/* Many closed elements in a row are no nesting at all. */
	n = (size_t)snprintf(html, cap, "<html><body><article><p>%s</p>", PARAS[0]);
	for (int i = 0; i < 10000; i++)
		n += (size_t)snprintf(html + n, cap - n, "<span>x</span> ");
	n += (size_t)snprintf(html + n, cap - n, "</article></body></html>");
	assert_int_equal(wt__html_extract(html, n, NULL, NULL, &p), WT_OK);
	assert_int_equal(p.cut, 0);
	wt__page_release(&p);
	free(html);
}

/* Diagnostics as one string, to compare two reads. */
static void collect_log(void *ud, const struct wt_diag *d)
{
	char *log = ud;
	size_t n = strlen(log);
	snprintf(log + n, 8192 - n, "%d %s %lld %s\n", (int)d->kind, d->input, d->offset, d->message);
}

static void test_directory_threads(void **state)
{
	(void)state;
	/* A directory of pages, a text file, an empty page, a page of links
	 * only and binary bytes named .html: read on 1 and on 3 threads, the
	 * same articles in the same order and the same diagnostics. */
	char root[] = "/tmp/wt-html-XXXXXX";
	assert_non_null(mkdtemp(root));
	for (int i = 0; i < 12; i++) {
		char name[32], between[256];
		snprintf(name, sizeof(name), "page%02d.html", i);
		snprintf(between, sizeof(between), "<p>Page %d of the series, with a sentence of "
			 "its own that makes it a different text from the others.</p>", i);
		char *html = make_page(between);
		write_file(root, name, html, strlen(html));
		free(html);
	}
	write_file(root, "note.txt", "title: A note\n\nThe ferry sails at nine.\n", 40);
	write_file(root, "empty.html", "", 0);
	const char *menu = "<html><body><a href=\"/a\">A</a></body></html>";
	write_file(root, "menu.html", menu, strlen(menu));
	write_file(root, "bin.html", "\x01\x02\x00\x03binary", 10);
	char logs[2][8192];
	struct wt_corpus *c[2];
	int threads[2] = {1, 3};
	for (int k = 0; k < 2; k++) {
		logs[k][0] = 0;
		assert_int_equal(wt_corpus_new(&c[k]), WT_OK);
		wt_corpus_set_diag(c[k], collect_log, logs[k]);
		wt_corpus_set_threads(c[k], threads[k]);
		assert_int_equal(wt_corpus_read_path(c[k], root, WT_FORMAT_AUTO), WT_OK);
	}
	assert_int_equal(wt_corpus_count(c[0]), 13);
	assert_int_equal(wt_corpus_count(c[1]), 13);
	for (size_t i = 0; i < 13; i++) {
		const struct wt_article *a = wt_corpus_get(c[0], i), *b = wt_corpus_get(c[1], i);
		assert_string_equal(a->id, b->id);
		assert_int_equal(a->text_len, b->text_len);
		assert_memory_equal(a->text, b->text, a->text_len);
		assert_string_equal(a->title ? a->title : "", b->title ? b->title : "");
	}
	assert_string_equal(wt_corpus_get(c[0], 0)->id, "note.txt");
	assert_string_equal(logs[0], logs[1]);
	assert_non_null(strstr(logs[0], "empty"));
	assert_non_null(strstr(logs[0], "no article text found"));
	struct wt_read_stats s0, s1;
	wt_corpus_stats(c[0], &s0);
	wt_corpus_stats(c[1], &s1);
	assert_memory_equal(&s0, &s1, sizeof(s0));
	assert_int_equal(s0.skipped, 3);
	wt_corpus_free(c[0]);
	wt_corpus_free(c[1]);
	const char *names[] = {"note.txt", "empty.html", "menu.html", "bin.html"};
	char path[512];
	for (int i = 0; i < 4; i++) {
		snprintf(path, sizeof(path), "%s/%s", root, names[i]);
		unlink(path);
	}
	for (int i = 0; i < 12; i++) {
		snprintf(path, sizeof(path), "%s/page%02d.html", root, i);
		unlink(path);
	}
	rmdir(root);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_news_page),
		cmocka_unit_test(test_chunks_and_ads),
		cmocka_unit_test(test_loose_text),
		cmocka_unit_test(test_legacy_charset),
		cmocka_unit_test(test_charset_sniff),
		cmocka_unit_test(test_url_date_and_no_article),
		cmocka_unit_test(test_gzipped_page),
		cmocka_unit_test(test_deep_nesting),
		cmocka_unit_test(test_directory_threads),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
