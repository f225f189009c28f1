/*
 * test_warc.c - unit tests of the WARC reader.  Each test builds its WARC
 * input in memory from small news pages written for these tests, gzips it
 * with zlib where needed, and reads it with wt_corpus_read_memory: plain
 * WARC/1.0 and 1.1, gzip with a member per record and one member for the
 * whole file (the same articles each time), a windows-1251 and an
 * ISO-8859-1 page whose charset is only in the HTTP header, chunked and
 * gzip-encoded HTTP bodies, WARC/1.0 <angle bracket> URIs and folded header
 * lines, resource records, a truncated record in the middle (reported at
 * its offset, the rest still read), a corrupt gzip member (reported at the
 * member's offset in the compressed file), a whole-file gzip cut short,
 * non-HTML responses, a 404 and request records tallied in one line each,
 * and gzip data of any name that inflates to a WARC record read as WARC.
 */
#include "helpers.h"

#include <zlib.h>

/* ---- diagnostics ------------------------------------------------------- */

static void print_diags(const struct diags *ds)
{
	for (size_t i = 0; i < ds->n; i++)
		print_message("diag %d offset %lld: %s\n", (int)ds->v[i].kind, ds->v[i].offset,
			      ds->v[i].message);
}

/* The diagnostic whose message contains `s`, or NULL. */
static const struct diag_rec *find_diag(const struct diags *ds, const char *s)
{
	for (size_t i = 0; i < ds->n; i++)
		if (strstr(ds->v[i].message, s))
			return &ds->v[i];
	return NULL;
}

/* Reads `data` as input `name` into a new corpus. */
static struct wt_corpus *read_warc(const char *name, const void *data, size_t len,
				   enum wt_format fmt, struct diags *ds)
{
	struct wt_corpus *c = NULL;
	assert_int_equal(wt_corpus_new(&c), WT_OK);
	memset(ds, 0, sizeof(*ds));
	wt_corpus_set_diag(c, collect, ds);
	assert_int_equal(wt_corpus_read_memory(c, name, data, len, fmt), WT_OK);
	return c;
}

static const struct wt_article *by_id(const struct wt_corpus *c, const char *id)
{
	for (size_t i = 0; i < wt_corpus_count(c); i++)
		if (!strcmp(wt_corpus_get(c, i)->id, id))
			return wt_corpus_get(c, i);
	return NULL;
}

/* ---- building WARC files ------------------------------------------------- */

struct bytes {
	char *p;
	size_t n, cap;
};

static void put(struct bytes *b, const void *p, size_t n)
{
	if (b->n + n + 1 > b->cap) {
		b->cap = (b->n + n + 1) * 2;
		b->p = realloc(b->p, b->cap);
		assert_non_null(b->p);
	}
	memcpy(b->p + b->n, p, n);
	b->n += n;
	b->p[b->n] = 0;
}

static void puts_(struct bytes *b, const char *s)
{
	put(b, s, strlen(s));
}

/* Appends one gzip member holding [p, p + n). */
static void put_gzip(struct bytes *b, const void *p, size_t n)
{
	z_stream z;
	memset(&z, 0, sizeof(z));
	assert_int_equal(deflateInit2(&z, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY), Z_OK);
	size_t room = deflateBound(&z, (uLong)n) + 16;
	char *out = malloc(room);
	assert_non_null(out);
	z.next_in = (unsigned char *)(uintptr_t)p;
	z.avail_in = (uInt)n;
	z.next_out = (unsigned char *)out;
	z.avail_out = (uInt)room;
	assert_int_equal(deflate(&z, Z_FINISH), Z_STREAM_END);
	put(b, out, room - z.avail_out);
	deflateEnd(&z);
	free(out);
}

/* One record: header lines from `type`, `uri` (NULL: none) and `ctype`,
 * then the block. */
static void put_record(struct bytes *b, const char *version, const char *type, const char *uri,
		       const char *ctype, const void *block, size_t n)
{
	char h[1024];
	snprintf(h, sizeof(h),
		 "WARC/%s\r\nWARC-Type: %s\r\n%s%s%sWARC-Date: 2026-03-02T08:00:00Z\r\n"
		 "WARC-Record-ID: <urn:uuid:4b1c5e0a-0000-4000-8000-%012zu>\r\n"
		 "Content-Type: %s\r\nContent-Length: %zu\r\n\r\n",
		 version, type, uri ? "WARC-Target-URI: " : "", uri ? uri : "", uri ? "\r\n" : "",
		 n, ctype, n);
	puts_(b, h);
	put(b, block, n);
	puts_(b, "\r\n\r\n");
}

/* A response record: an HTTP message with `status`, `headers` (each line
 * ended by CRLF) and `body`. */
static void put_response(struct bytes *b, const char *uri, const char *status,
			 const char *headers, const void *body, size_t n)
{
	struct bytes m = {0};
	puts_(&m, "HTTP/1.1 ");
	puts_(&m, status);
	puts_(&m, "\r\n");
	puts_(&m, headers);
	puts_(&m, "\r\n");
	put(&m, body, n);
	put_record(b, "1.0", "response", uri, "application/http; msgtype=response", m.p, m.n);
	free(m.p);
}

static const char ferry_page[] =
	"<!DOCTYPE html><html><head><title>Ferry back in service</title></head><body>"
	"<nav><a href=\"/\">Home</a> <a href=\"/local\">Local</a></nav><article>"
	"<h1>Ferry back in service</h1>"
	"<p>The river ferry between Northbank and Eastharbour resumed service on Monday "
	"after a two-week repair of its main engine, the operator said.</p>"
	"<p>About 1,200 commuters use the crossing every weekday. During the repair they "
	"took a bus detour of forty minutes.</p>"
	"<p>A second vessel will join the route in the spring, the operator said.</p>"
	"</article><footer>Contact the newsroom</footer></body></html>";

static const char library_page[] =
	"<html><head><title>Harbour library reopens</title>"
	"<meta property=\"article:published_time\" content=\"2026-03-01T09:30:00Z\">"
	"</head><body><div class=\"story\">"
	"<p>The library in the old harbour district reopened on Saturday after a spring "
	"flood damaged most of its ground floor.</p>"
	"<p>Volunteers dried and catalogued more than four thousand books during the "
	"summer, the head librarian said.</p></div></body></html>";

/* A crawl of one site: warcinfo, request, the ferry page, an image, a 404,
 * the library page as a WARC/1.1 resource record. */
static void crawl(struct bytes *b, int gzip_each)
{
	struct bytes r = {0};
	for (int i = 0; i < 6; i++) {
		r.n = 0;
		switch (i) {
		case 0:
			put_record(&r, "1.0", "warcinfo", NULL, "application/warc-fields",
				   "software: test\r\n", 16);
			break;
		case 1:
			put_record(&r, "1.0", "request", "http://ferry.example/news/1",
				   "application/http; msgtype=request",
				   "GET /news/1 HTTP/1.1\r\nHost: ferry.example\r\n\r\n", 45);
			break;
		case 2:
			put_response(&r, "http://ferry.example/news/1", "200 OK",
				     "Content-Type: text/html; charset=utf-8\r\n", ferry_page,
				     strlen(ferry_page));
			break;
		case 3:
			put_response(&r, "http://ferry.example/logo.png", "200 OK",
				     "Content-Type: image/png\r\n", "\x89PNG\r\n\x1a\n", 8);
			break;
		case 4:
			put_response(&r, "http://ferry.example/old", "404 Not Found",
				     "Content-Type: text/html\r\n", "<html>gone</html>", 17);
			break;
		case 5:
			put_record(&r, "1.1", "resource", "http://library.example/reopens",
				   "text/html", library_page, strlen(library_page));
			break;
		}
		if (gzip_each)
			put_gzip(b, r.p, r.n);
		else
			put(b, r.p, r.n);
	}
	free(r.p);
}

/* The crawl's two articles and its three tally lines. */
static void check_crawl(const struct wt_corpus *c, const struct diags *ds)
{
	if (wt_corpus_count(c) != 2)
		print_diags(ds);
	assert_int_equal(wt_corpus_count(c), 2);
	const struct wt_article *a = by_id(c, "http://ferry.example/news/1");
	assert_non_null(a);
	assert_string_equal(a->url, "http://ferry.example/news/1");
	assert_string_equal(a->title, "Ferry back in service");
	assert_string_equal(a->site, "ferry.example");
	assert_string_equal(a->date, "2026-03-02T08:00:00Z"); /* from WARC-Date */
	assert_non_null(strstr(a->text, "resumed service on Monday"));
	assert_null(strstr(a->text, "Contact the newsroom"));
	const struct wt_article *l = by_id(c, "http://library.example/reopens");
	assert_non_null(l);
	assert_string_equal(l->date, "2026-03-01T09:30:00Z"); /* the page's own */
	assert_non_null(strstr(l->text, "four thousand books"));

	struct wt_read_stats st;
	wt_corpus_stats(c, &st);
	assert_int_equal(st.articles, 2);
	assert_int_equal(st.skipped, 3);
	assert_int_equal(ds->n, 3);
	assert_non_null(find_diag(ds, "2 records skipped: not pages (warcinfo 1, request 1)"));
	assert_non_null(find_diag(ds, "1 responses skipped: not HTML (image/png 1)"));
	assert_non_null(find_diag(ds, "1 responses skipped: HTTP status not 2xx (404 1)"));
}

static void test_warc_plain(void **state)
{
	(void)state;
	struct bytes b = {0};
	crawl(&b, 0);
	struct diags ds;
	struct wt_corpus *c = read_warc("crawl.warc", b.p, b.n, WT_FORMAT_AUTO, &ds);
	check_crawl(c, &ds);
	wt_corpus_free(c);
	free(b.p);
}

static void test_warc_gzip_per_record(void **state)
{
	(void)state;
	struct bytes b = {0};
	crawl(&b, 1);
	struct diags ds;
	struct wt_corpus *c = read_warc("crawl.warc.gz", b.p, b.n, WT_FORMAT_AUTO, &ds);
	check_crawl(c, &ds);
	wt_corpus_free(c);
	free(b.p);
}

static void test_warc_gzip_whole_file(void **state)
{
	(void)state;
	struct bytes plain = {0}, b = {0};
	crawl(&plain, 0);
	put_gzip(&b, plain.p, plain.n);
	struct diags ds;
	struct wt_corpus *c = read_warc("crawl.warc.gz", b.p, b.n, WT_FORMAT_AUTO, &ds);
	check_crawl(c, &ds);
	wt_corpus_free(c);

	/* Any name, or none: gzip that inflates to "WARC/1." is WARC. */
	c = read_warc("download.gz", b.p, b.n, WT_FORMAT_AUTO, &ds);
	check_crawl(c, &ds);
	wt_corpus_free(c);
	c = read_warc("stdin", b.p, b.n, WT_FORMAT_AUTO, &ds);
	check_crawl(c, &ds);
	wt_corpus_free(c);

	/* A gzipped page still goes the whole-file way. */
	b.n = 0;
	put_gzip(&b, ferry_page, strlen(ferry_page));
	c = read_warc("page.html.gz", b.p, b.n, WT_FORMAT_AUTO, &ds);
	assert_int_equal(wt_corpus_count(c), 1);
	assert_string_equal(wt_corpus_get(c, 0)->id, "page.html.gz");
	wt_corpus_free(c);
	free(plain.p);
	free(b.p);
}

static void test_warc_charset_from_header(void **state)
{
	(void)state;
	/* windows-1251 "Новый мост открыт" and a paragraph, declared only in
	 * the HTTP header: the page itself names no charset. */
	static const char cp1251[] =
		"<html><head><title>\xcd\xee\xe2\xfb\xe9 \xec\xee\xf1\xf2</title></head><body>"
		"<article><p>\xc2\xf7\xe5\xf0\xe0 \xe2 \xe3\xee\xf0\xee\xe4\xe5 "
		"\xee\xf2\xea\xf0\xfb\xeb\xf1\xff \xed\xee\xe2\xfb\xe9 \xec\xee\xf1\xf2 "
		"\xf7\xe5\xf0\xe5\xe7 \xf0\xe5\xea\xf3.</p></article></body></html>";
	static const char latin1[] =
		"<html><body><article><p>The caf\xe9 on the quay reopened after the storm, "
		"its owner said on Sunday.</p></article></body></html>";
	struct bytes b = {0};
	put_response(&b, "<http://ru.example/most>", "200 OK",
		     "Content-Type: text/html; charset=windows-1251\r\n", cp1251, strlen(cp1251));
	put_response(&b, "http://quay.example/cafe", "200 OK",
		     "Content-Type: text/html;charset=\"ISO-8859-1\"\r\n", latin1, strlen(latin1));
	struct diags ds;
	struct wt_corpus *c = read_warc("pages.warc", b.p, b.n, WT_FORMAT_WARC, &ds);
	if (wt_corpus_count(c) != 2)
		print_diags(&ds);
	assert_int_equal(wt_corpus_count(c), 2);
	/* WARC/1.0 angle brackets are not part of the URI. */
	const struct wt_article *a = by_id(c, "http://ru.example/most");
	assert_non_null(a);
	assert_string_equal(a->title, "Новый мост");
	assert_non_null(strstr(a->text, "Вчера в городе открылся новый мост через реку."));
	a = by_id(c, "http://quay.example/cafe");
	assert_non_null(a);
	assert_non_null(strstr(a->text, "The café on the quay"));
	assert_int_equal(ds.n, 0);
	wt_corpus_free(c);
	free(b.p);
}

static void test_warc_http_codings(void **state)
{
	(void)state;
	/* Chunked, in chunks of 64 bytes, with a chunk extension. */
	struct bytes body = {0}, b = {0};
	size_t n = strlen(ferry_page);
	for (size_t i = 0; i < n; i += 64) {
		char line[32];
		size_t k = n - i < 64 ? n - i : 64;
		snprintf(line, sizeof(line), "%zx%s\r\n", k, i == 0 ? ";name=value" : "");
		puts_(&body, line);
		put(&body, ferry_page + i, k);
		puts_(&body, "\r\n");
	}
	puts_(&body, "0\r\n\r\n");
	put_response(&b, "http://a.example/chunked", "200 OK",
		     "Content-Type: text/html\r\nTransfer-Encoding: chunked\r\n", body.p, body.n);
	/* gzip content coding, and both at once. */
	body.n = 0;
	put_gzip(&body, ferry_page, n);
	put_response(&b, "http://a.example/gzip", "200 OK",
		     "Content-Type: text/html\r\nContent-Encoding: gzip\r\n", body.p, body.n);
	struct bytes both = {0};
	char line[32];
	snprintf(line, sizeof(line), "%zx\r\n", body.n);
	puts_(&both, line);
	put(&both, body.p, body.n);
	puts_(&both, "\r\n0\r\n\r\n");
	put_response(&b, "http://a.example/both", "200 OK",
		     "Content-Type: text/html\r\nTransfer-Encoding: chunked\r\n"
		     "Content-Encoding: gzip\r\n", both.p, both.n);
	/* A header folded over two lines (WARC allows continuation lines). */
	puts_(&b, "WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI:\r\n"
		  "  http://a.example/folded\r\nContent-Type: application/http;\r\n"
		  "\tmsgtype=response\r\n");
	char h[64];
	snprintf(h, sizeof(h), "Content-Length: %zu\r\n\r\n", 46 + n);
	puts_(&b, h);
	puts_(&b, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n"); /* 46 bytes */
	puts_(&b, ferry_page);
	puts_(&b, "\r\n\r\n");

	struct diags ds;
	struct wt_corpus *c = read_warc("codings.warc", b.p, b.n, WT_FORMAT_AUTO, &ds);
	if (wt_corpus_count(c) != 4)
		print_diags(&ds);
	assert_int_equal(wt_corpus_count(c), 4);
	const char *ids[] = {"http://a.example/chunked", "http://a.example/gzip",
			     "http://a.example/both", "http://a.example/folded"};
	for (int i = 0; i < 4; i++) {
		const struct wt_article *a = by_id(c, ids[i]);
		assert_non_null(a);
		assert_non_null(strstr(a->text, "a bus detour of forty minutes"));
		assert_null(strstr(a->text, "\r\n40"));
	}
	assert_int_equal(ds.n, 0);
	wt_corpus_free(c);
	free(body.p);
	free(both.p);
	free(b.p);
}

static void test_warc_truncated_record(void **state)
{
	(void)state;
	struct bytes b = {0}, cut = {0};
	put_response(&b, "http://a.example/1", "200 OK", "Content-Type: text/html\r\n",
		     ferry_page, strlen(ferry_page));
	size_t at = b.n;
	put_response(&cut, "http://a.example/2", "200 OK", "Content-Type: text/html\r\n",
		     library_page, strlen(library_page));
	put(&b, cut.p, 400); /* cut in its HTML, mid-line */
	put_record(&b, "1.1", "resource", "http://a.example/3", "text/html; charset=utf-8",
		   library_page, strlen(library_page));
	struct diags ds;
	struct wt_corpus *c = read_warc("cut.warc", b.p, b.n, WT_FORMAT_AUTO, &ds);
	if (wt_corpus_count(c) != 2)
		print_diags(&ds);
	assert_int_equal(wt_corpus_count(c), 2);
	assert_non_null(by_id(c, "http://a.example/1"));
	assert_non_null(by_id(c, "http://a.example/3"));
	const struct diag_rec *d = find_diag(&ds, "record truncated");
	assert_non_null(d);
	assert_int_equal(d->kind, WT_DIAG_SKIP);
	assert_int_equal(d->offset, (long long)at);
	assert_int_equal(ds.n, 1);
	wt_corpus_free(c);

	/* Cut inside its header, and at the end of the file. */
	b.n = at;
	put(&b, cut.p, 100);
	put_record(&b, "1.1", "resource", "http://a.example/3", "text/html", library_page,
		   strlen(library_page));
	put(&b, cut.p, cut.n - 10);
	c = read_warc("cut.warc", b.p, b.n, WT_FORMAT_AUTO, &ds);
	if (wt_corpus_count(c) != 2 || ds.n != 2)
		print_diags(&ds);
	assert_int_equal(wt_corpus_count(c), 2);
	assert_int_equal(ds.n, 2);
	assert_int_equal(ds.v[0].offset, (long long)at);
	assert_non_null(strstr(ds.v[0].message, "starts inside its header"));
	assert_non_null(strstr(ds.v[1].message, "record truncated"));
	wt_corpus_free(c);
	free(cut.p);
	free(b.p);
}

static void test_warc_gzip_damage(void **state)
{
	(void)state;
	struct bytes r = {0}, b = {0};
	put_response(&r, "http://a.example/1", "200 OK", "Content-Type: text/html\r\n",
		     ferry_page, strlen(ferry_page));
	put_gzip(&b, r.p, r.n);
	size_t bad = b.n;
	r.n = 0;
	put_response(&r, "http://a.example/2", "200 OK", "Content-Type: text/html\r\n",
		     library_page, strlen(library_page));
	put_gzip(&b, r.p, r.n);
	memset(b.p + bad + 30, 0xA5, 40); /* inside its deflate data */
	r.n = 0;
	put_record(&r, "1.1", "resource", "http://a.example/3", "text/html", library_page,
		   strlen(library_page));
	put_gzip(&b, r.p, r.n);
	struct diags ds;
	struct wt_corpus *c = read_warc("damaged.warc.gz", b.p, b.n, WT_FORMAT_AUTO, &ds);
	if (wt_corpus_count(c) != 2)
		print_diags(&ds);
	assert_int_equal(wt_corpus_count(c), 2);
	assert_non_null(by_id(c, "http://a.example/1"));
	assert_non_null(by_id(c, "http://a.example/3"));
	assert_int_equal(ds.n, 1);
	assert_int_equal(ds.v[0].kind, WT_DIAG_SKIP);
	assert_int_equal(ds.v[0].offset, (long long)bad);
	assert_non_null(strstr(ds.v[0].message, "gzip member corrupt"));
	wt_corpus_free(c);

	/* One member for the whole file, cut short: what came before the
	 * cut is read, the cut reported at the member (offset 0). */
	struct bytes plain = {0};
	crawl(&plain, 0);
	b.n = 0;
	put_gzip(&b, plain.p, plain.n);
	c = read_warc("cut.warc.gz", b.p, b.n * 3 / 4, WT_FORMAT_AUTO, &ds);
	assert_non_null(by_id(c, "http://ferry.example/news/1"));
	assert_null(by_id(c, "http://library.example/reopens"));
	const struct diag_rec *d = find_diag(&ds, "gzip member truncated");
	assert_non_null(d);
	assert_int_equal(d->offset, 0);
	wt_corpus_free(c);

	/* Garbage after the last member. */
	b.n = 0;
	crawl(&b, 1);
	puts_(&b, "trailing bytes");
	c = read_warc("tail.warc.gz", b.p, b.n, WT_FORMAT_AUTO, &ds);
	assert_int_equal(wt_corpus_count(c), 2);
	d = find_diag(&ds, "not gzip after the last member");
	assert_non_null(d);
	assert_int_equal(d->offset, (long long)(b.n - 14));
	wt_corpus_free(c);
	free(plain.p);
	free(r.p);
	free(b.p);
}

static void test_warc_bad_records(void **state)
{
	(void)state;
	struct bytes b = {0};
	/* No Content-Length; then a response that is no HTTP message; then a
	 * Brotli body; then a good record; then a duplicate URI. */
	puts_(&b, "WARC/1.0\r\nWARC-Type: response\r\nContent-Type: application/http\r\n\r\n"
		  "HTTP/1.1 200 OK\r\n\r\n<html></html>\r\n\r\n");
	put_record(&b, "1.0", "response", "http://a.example/x", "application/http", "hello", 5);
	put_response(&b, "http://a.example/br", "200 OK",
		     "Content-Type: text/html\r\nContent-Encoding: br\r\n", "\x1b\x00", 2);
	put_response(&b, "http://a.example/ok", "200 OK", "Content-Type: text/html\r\n",
		     ferry_page, strlen(ferry_page));
	put_response(&b, "http://a.example/ok", "200 OK", "Content-Type: text/html\r\n",
		     library_page, strlen(library_page));
	struct diags ds;
	struct wt_corpus *c = read_warc("bad.warc", b.p, b.n, WT_FORMAT_AUTO, &ds);
	assert_int_equal(wt_corpus_count(c), 2);
	assert_non_null(by_id(c, "http://a.example/ok"));
	assert_non_null(by_id(c, "http://a.example/ok#2"));
	assert_non_null(find_diag(&ds, "no valid Content-Length"));
	assert_int_equal(find_diag(&ds, "no valid Content-Length")->offset, 0);
	assert_non_null(find_diag(&ds, "no HTTP status line"));
	assert_non_null(find_diag(&ds, "content encoding 'br' not supported"));
	assert_non_null(find_diag(&ds, "duplicate id"));
	wt_corpus_free(c);

	/* Not a WARC file at all, and an empty one. */
	c = read_warc("notes.warc", "just some text\n", 15, WT_FORMAT_WARC, &ds);
	assert_int_equal(wt_corpus_count(c), 0);
	assert_non_null(find_diag(&ds, "not a WARC record"));
	wt_corpus_free(c);
	c = read_warc("empty.warc", "", 0, WT_FORMAT_WARC, &ds);
	assert_int_equal(wt_corpus_count(c), 0);
	assert_non_null(find_diag(&ds, "empty"));
	wt_corpus_free(c);
	free(b.p);
}

static void test_warc_threads(void **state)
{
	(void)state;
	/* 100 pages, every fifth one without an article: the batch of pages is
	 * extracted on 1 and on 3 threads, with the same articles in the same
	 * order and the same diagnostics. */
	struct bytes b = {0};
	for (int i = 0; i < 100; i++) {
		char uri[64], page[1024];
		snprintf(uri, sizeof(uri), "http://ferry.example/news/%d", i);
		if (i % 5 == 4)
			snprintf(page, sizeof(page), "<html><body><a href=\"/\">Home %d</a></body></html>", i);
		else
			snprintf(page, sizeof(page), "<html><body><article><p>Sailing %d of the "
				 "river ferry left Northbank on time, the operator said, with "
				 "%d passengers and two cars aboard.</p><p>The crossing took "
				 "twelve minutes in calm water.</p></article></body></html>", i, 40 + i);
		put_response(&b, uri, "200 OK", "Content-Type: text/html\r\n", page, strlen(page));
	}
	struct wt_corpus *c[2];
	struct diags ds[2];
	int threads[2] = {1, 3};
	for (int k = 0; k < 2; k++) {
		assert_int_equal(wt_corpus_new(&c[k]), WT_OK);
		memset(&ds[k], 0, sizeof(ds[k]));
		wt_corpus_set_diag(c[k], collect, &ds[k]);
		wt_corpus_set_threads(c[k], threads[k]);
		assert_int_equal(wt_corpus_read_memory(c[k], "many.warc", b.p, b.n, WT_FORMAT_AUTO),
				 WT_OK);
	}
	assert_int_equal(wt_corpus_count(c[0]), 80);
	assert_int_equal(wt_corpus_count(c[1]), 80);
	for (size_t i = 0; i < 80; i++) {
		const struct wt_article *x = wt_corpus_get(c[0], i), *y = wt_corpus_get(c[1], i);
		assert_string_equal(x->id, y->id);
		assert_string_equal(x->text, y->text);
	}
	assert_string_equal(wt_corpus_get(c[0], 79)->id, "http://ferry.example/news/98");
	assert_int_equal(ds[0].n, 20);
	assert_int_equal(ds[1].n, 20);
	for (size_t i = 0; i < ds[0].n; i++) {
		assert_int_equal(ds[0].v[i].offset, ds[1].v[i].offset);
		assert_string_equal(ds[0].v[i].message, ds[1].v[i].message);
	}
	wt_corpus_free(c[0]);
	wt_corpus_free(c[1]);
	free(b.p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_warc_threads),
		cmocka_unit_test(test_warc_plain),
		cmocka_unit_test(test_warc_gzip_per_record),
		cmocka_unit_test(test_warc_gzip_whole_file),
		cmocka_unit_test(test_warc_charset_from_header),
		cmocka_unit_test(test_warc_http_codings),
		cmocka_unit_test(test_warc_truncated_record),
		cmocka_unit_test(test_warc_gzip_damage),
		cmocka_unit_test(test_warc_bad_records),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
