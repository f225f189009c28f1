/*
 * html.h - web pages in: the article a news page carries, its metadata, and
 * the conversions a page needs before it can be parsed (charset, gzip).
 *
 * html.c parses with gumbo and extracts the title, date, canonical URL,
 * site name, byline and the article body without navigation, ads, related
 * links, comments, captions or newsletter boxes.  charset.c finds a page's
 * encoding and converts it to UTF-8 with iconv.  The WARC reader hands each
 * response record's body to wt__html_extract (on worker threads) and
 * wt__add_page (in record order).
 */
#ifndef WT_HTML_H
#define WT_HTML_H

#include "read/read.h"

/* What was extracted from one page.  Every string is owned by the page,
 * NUL-terminated, valid UTF-8, and NULL when not found. */
struct wt__page {
	char *url;    /* canonical URL, else the one the page was fetched from */
	char *title;
	char *date;   /* as the page gives it (ISO 8601 mostly) */
	char *site;   /* the site's name, else the host of the URL */
	char *byline;
	char *text;   /* the article body; paragraphs separated by blank lines */
	size_t text_len;
	int cut;      /* the page was read only in part: too large, or nested
		       * too deep to parse in reasonable time */
};

/*
 * Extracts the article from a page held in memory.  `html` is converted to
 * UTF-8 first: `charset` is what the transport declared (an HTTP header),
 * NULL when none; the page's own declaration and byte order mark are used
 * otherwise, and windows-1252 when nothing is declared and the bytes are not
 * UTF-8.  `url` is where the page came from (NULL when unknown).
 * Costs one parse: time and memory linear in the page.
 * @return WT_OK (page->text may still be NULL: no article found),
 *   WT_ERR_NOMEM.  Release with wt__page_release.
 */
enum wt_status wt__html_extract(const char *html, size_t len, const char *charset,
				const char *url, struct wt__page *page);

/* Frees every string of `page` and zeroes it. */
void wt__page_release(struct wt__page *page);

/*
 * Adds an extracted page to the corpus: reports a page read in part, or
 * reports and counts a skip when it holds no article; releases `page`.
 * `id` is the article's id (NULL: the input's id), `date` a fallback date
 * when the page shows none (a crawl date; NULL for none), `offset` where
 * the page starts in the input, for diagnostics.  Pages are extracted on
 * worker threads and added in input order by this one.
 * @return WT_OK or WT_ERR_NOMEM.
 */
enum wt_status wt__add_page(struct wt__input *in, struct wt__page *page, const char *id,
			    const char *date, long long offset);

/* The reader for an .html file: the whole input extracted and added. */
enum wt_status wt__read_html(struct wt__input *in, const char *data, size_t len);

/*
 * Converts `len` bytes in `charset` to UTF-8.  *out is NULL when the input
 * is already UTF-8 (or the charset is UTF-8), else an owned buffer of
 * *out_len bytes.  An unknown charset is treated as windows-1252 and
 * *unknown set; bytes that do not convert become U+FFFD.
 * @return WT_OK, WT_ERR_NOMEM, WT_ERR_LIMIT (output over WT_MAX_INPUT).
 */
enum wt_status wt__to_utf8(const char *data, size_t len, const char *charset,
			   char **out, size_t *out_len, int *unknown);

/*
 * Finds the charset a page declares in its first bytes: a byte order mark,
 * <meta charset>, or <meta http-equiv="Content-Type" content="...charset=">.
 * Writes a lowercase name of at most cap - 1 bytes to `out`.
 * @return 1 when found, 0 otherwise.
 */
int wt__charset_sniff(const char *data, size_t len, char *out, size_t cap);

/*
 * The length of the longest prefix of a page whose elements nest at most
 * `max_depth` deep, as a scan of its tags estimates (void elements, those
 * whose end tag is implied, and the text of scripts and comments do not
 * count); `n` when the whole page does.  Linear in the page.
 */
size_t wt__html_depth_prefix(const char *s, size_t n, size_t max_depth);

#define WT_HTML_MAX_DEPTH 1024 /* pages nested deeper are cut before gumbo */

/*
 * Makes a page safe to hand to gumbo (see html_guard.c): *n is cut where
 * the page nests deeper than WT_HTML_MAX_DEPTH, and when the page holds a
 * DOCTYPE after its start, *src becomes a copy in *owned (the caller frees
 * it) with those turned into comments.  *owned is NULL when no copy was made.
 * @return WT_OK or WT_ERR_NOMEM.
 */
enum wt_status wt__html_guard(const char **src, size_t *n, char **owned);

/*
 * Decompresses a whole gzip input (every member, concatenated) into an owned
 * buffer of at most `cap` bytes.  *bad_offset is where in the input a
 * corrupt or truncated member starts (-1 when all was read); what came
 * before it is still returned.
 * @return WT_OK, WT_ERR_NOMEM, WT_ERR_LIMIT (more than cap bytes).
 */
enum wt_status wt__gunzip(const char *data, size_t len, size_t cap, char **out,
			  size_t *out_len, long long *bad_offset);

#endif
