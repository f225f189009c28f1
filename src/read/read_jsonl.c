/*
 * read_jsonl.c - JSON Lines reader: one article object a line, with the
 * fields of DESIGN.md (id, url, site, date, title, text) or news-please's
 * names (maintext, date_publish, source_domain, description as a fallback
 * text), or those of other feeds and APIs (publishedAt, pubDate, headline,
 * content, body, link, guid...).  A body given as HTML is extracted like
 * a web page.
 *
 * The scanner is written for this one job instead of using jansson, because
 * reading is on the critical path and jansson builds a tree of every line
 * (measured: 87 MB/s on the Reuters corpus, against 300 MB/s for `wc -w`).
 * This one validates the whole line as strict JSON (RFC 8259) but only
 * materializes the string values of the keys it wants, decoding escapes
 * with a memchr-driven fast path.  A malformed line is reported with its
 * line number and the byte offset of the fault, and skipped.
 */
#include <stdio.h>

#include "read/html.h"
#include "read/read.h"
#include "text/text.h"

#define MAX_DEPTH 64

struct scan {
	const unsigned char *p, *end, *line_start;
	const char *err;  /* first error, NULL while fine */
	const unsigned char *err_at;
	struct wt__buf *scratch;
};

static void fail(struct scan *s, const char *msg)
{
	if (!s->err) {
		s->err = msg;
		s->err_at = s->p;
	}
}

static void skip_ws(struct scan *s)
{
	while (s->p < s->end && (*s->p == ' ' || *s->p == '\t' || *s->p == '\n' || *s->p == '\r'))
		s->p++;
}

static int read_hex4(struct scan *s, unsigned *out)
{
	if (s->end - s->p < 4) {
		fail(s, "truncated \\u escape");
		return 0;
	}
	unsigned v = 0;
	for (int i = 0; i < 4; i++) {
		int h = wt__hexval(s->p[i]);
		if (h < 0) {
			fail(s, "bad \\u escape");
			return 0;
		}
		v = v << 4 | (unsigned)h;
	}
	s->p += 4;
	*out = v;
	return 1;
}

/*
 * Scans a string starting after its opening quote.  With `keep`, the
 * decoded value goes to s->scratch (appended) and raw and raw_len are set to
 * point into the input when it needed no decoding.
 */
static void scan_string(struct scan *s, int keep, const char **raw, size_t *raw_len,
			int *decoded)
{
	const unsigned char *start = s->p;
	*decoded = 0;
	for (;;) {
		/* Fast path: find the next quote or backslash. */
		const unsigned char *q = s->p;
		/* Eight bytes at a time: stop at a word holding '"', '\\' or a
		 * control byte (the classic has-zero-byte tests). */
		while (s->end - q >= 8) {
			uint64_t w;
			memcpy(&w, q, 8);
			const uint64_t ones = 0x0101010101010101ULL, high = 0x8080808080808080ULL;
			uint64_t xq = w ^ (ones * '"'), xb = w ^ (ones * '\\');
			uint64_t hit = ((xq - ones) & ~xq) | ((xb - ones) & ~xb) |
				       ((w - ones * 0x20) & ~w);
			if (hit & high)
				break;
			q += 8;
		}
		while (q < s->end && *q != '"' && *q != '\\' && *q >= 0x20)
			q++;
		if (q >= s->end) {
			s->p = q;
			fail(s, "unterminated string");
			return;
		}
		if (*q < 0x20) {
			s->p = q;
			fail(s, "control character in string");
			return;
		}
		if (keep && *decoded && q > s->p &&
		    wt__buf_append(s->scratch, s->p, (size_t)(q - s->p))) {
			fail(s, "string too long");
			return;
		}
		if (*q == '"') {
			if (keep && !*decoded) {
				*raw = (const char *)start;
				*raw_len = (size_t)(q - start);
			}
			s->p = q + 1;
			return;
		}
		/* A backslash: switch to decoding into scratch. */
		if (keep && !*decoded) {
			*decoded = 1;
			if (wt__buf_append(s->scratch, start, (size_t)(q - start))) {
				fail(s, "string too long");
				return;
			}
		}
		s->p = q + 1;
		if (s->p >= s->end) {
			fail(s, "unterminated escape");
			return;
		}
		unsigned char e = *s->p++;
		char c;
		switch (e) {
		case '"': c = '"'; break;
		case '\\': c = '\\'; break;
		case '/': c = '/'; break;
		case 'b': c = '\b'; break;
		case 'f': c = '\f'; break;
		case 'n': c = '\n'; break;
		case 'r': c = '\r'; break;
		case 't': c = '\t'; break;
		case 'u': {
			unsigned u;
			if (!read_hex4(s, &u))
				return;
			int32_t cp = (int32_t)u;
			if (u >= 0xD800 && u <= 0xDBFF) {
				unsigned lo;
				if (s->end - s->p >= 6 && s->p[0] == '\\' && s->p[1] == 'u') {
					s->p += 2;
					if (!read_hex4(s, &lo))
						return;
					if (lo >= 0xDC00 && lo <= 0xDFFF) {
						cp = 0x10000 + (int32_t)(((u - 0xD800) << 10) | (lo - 0xDC00));
					} else {
						/* Unpaired: the escape after it is decoded on
						 * its own, not dropped. */
						cp = 0xFFFD;
						s->p -= 6;
					}
				} else {
					cp = 0xFFFD;
				}
			} else if (u >= 0xDC00 && u <= 0xDFFF) {
				cp = 0xFFFD;
			} else if (u == 0) {
				cp = 0xFFFD; /* no NUL bytes inside articles */
			}
			if (keep && wt__buf_put_utf8(s->scratch, cp))
				fail(s, "string too long");
			continue;
		}
		default:
			s->p--;
			fail(s, "bad escape in string");
			return;
		}
		if (keep && wt__buf_putc(s->scratch, c))
			fail(s, "string too long");
	}
}

static void scan_value(struct scan *s, int depth);

/* One or more digits at p: @return the byte after them, or NULL (reported). */
static const unsigned char *need_digits(struct scan *s, const unsigned char *p)
{
	if (p >= s->end || !(*p >= '0' && *p <= '9')) {
		s->p = p;
		fail(s, "bad number");
		return NULL;
	}
	while (p < s->end && *p >= '0' && *p <= '9')
		p++;
	return p;
}

static void scan_number(struct scan *s)
{
	const unsigned char *p = s->p;
	if (p < s->end && *p == '-')
		p++;
	if (p < s->end && *p == '0')
		p++; /* no leading zeros: "0" stands alone */
	else if (!(p = need_digits(s, p)))
		return;
	if (p < s->end && *p == '.' && !(p = need_digits(s, p + 1)))
		return;
	if (p < s->end && (*p == 'e' || *p == 'E')) {
		p++;
		if (p < s->end && (*p == '+' || *p == '-'))
			p++;
		if (!(p = need_digits(s, p)))
			return;
	}
	s->p = p;
}

static void scan_literal(struct scan *s, const char *lit)
{
	size_t n = strlen(lit);
	if ((size_t)(s->end - s->p) < n || memcmp(s->p, lit, n)) {
		fail(s, "invalid literal");
		return;
	}
	s->p += n;
}

static void scan_container(struct scan *s, int depth, unsigned char close)
{
	if (depth > MAX_DEPTH) {
		fail(s, "nested too deep");
		return;
	}
	s->p++;
	skip_ws(s);
	if (s->p < s->end && *s->p == close) {
		s->p++;
		return;
	}
	for (;;) {
		skip_ws(s);
		if (close == '}') {
			if (s->p >= s->end || *s->p != '"') {
				fail(s, "expected a key");
				return;
			}
			s->p++;
			int dec;
			scan_string(s, 0, NULL, NULL, &dec);
			if (s->err)
				return;
			skip_ws(s);
			if (s->p >= s->end || *s->p != ':') {
				fail(s, "expected ':'");
				return;
			}
			s->p++;
			skip_ws(s);
		}
		scan_value(s, depth + 1);
		if (s->err)
			return;
		skip_ws(s);
		if (s->p < s->end && *s->p == ',') {
			s->p++;
			continue;
		}
		if (s->p < s->end && *s->p == close) {
			s->p++;
			return;
		}
		fail(s, close == '}' ? "expected ',' or '}'" : "expected ',' or ']'");
		return;
	}
}

static void scan_value(struct scan *s, int depth)
{
	if (s->p >= s->end) {
		fail(s, "expected a value");
		return;
	}
	int dec;
	switch (*s->p) {
	case '"':
		s->p++;
		scan_string(s, 0, NULL, NULL, &dec);
		return;
	case '{':
		scan_container(s, depth, '}');
		return;
	case '[':
		scan_container(s, depth, ']');
		return;
	case 't':
		scan_literal(s, "true");
		return;
	case 'f':
		scan_literal(s, "false");
		return;
	case 'n':
		scan_literal(s, "null");
		return;
	default:
		scan_number(s);
	}
}

enum field { F_ID, F_URL, F_SITE, F_DATE, F_TITLE, F_TEXT, F_NTEXT_ALT, F_HTML, F_NONE };

/* Key names; the first matching name of a field wins over later ones. */
static enum field field_of(const char *k, size_t n, int *prio)
{
	static const struct {
		const char *name;
		enum field f;
		int prio;
	} keys[] = {
		{"id", F_ID, 0}, {"url", F_URL, 0}, {"site", F_SITE, 0},
		{"source_domain", F_SITE, 1}, {"date", F_DATE, 0},
		{"date_publish", F_DATE, 1}, {"title", F_TITLE, 0},
		{"text", F_TEXT, 0}, {"maintext", F_TEXT, 1},
		{"description", F_NTEXT_ALT, 2}, {"html", F_HTML, 0}, {"raw_html", F_HTML, 1},
		/* the names other feeds, APIs and crawlers give the same fields */
		{"uuid", F_ID, 1}, {"guid", F_ID, 2}, {"_id", F_ID, 3},
		{"link", F_URL, 1}, {"canonical_url", F_URL, 2},
		{"domain", F_SITE, 2}, {"site_name", F_SITE, 3}, {"source_name", F_SITE, 4},
		{"publisher", F_SITE, 5},
		{"published", F_DATE, 2}, {"published_at", F_DATE, 3}, {"publishedAt", F_DATE, 4},
		{"pubDate", F_DATE, 5}, {"publish_date", F_DATE, 6}, {"date_published", F_DATE, 7},
		{"datePublished", F_DATE, 8}, {"headline", F_TITLE, 1},
		{"body", F_TEXT, 2}, {"content", F_TEXT, 3}, {"article_text", F_TEXT, 4},
		{"full_text", F_TEXT, 5}, {"summary", F_NTEXT_ALT, 3},
		{"content_html", F_HTML, 2}, {"body_html", F_HTML, 3},
	};
	for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++)
		if (strlen(keys[i].name) == n && !memcmp(keys[i].name, k, n)) {
			*prio = keys[i].prio;
			return keys[i].f;
		}
	return F_NONE;
}

struct val {
	const char *p;
	size_t n;
	int set, prio;
	size_t off; /* offset into scratch when decoded; SIZE_MAX otherwise */
	const unsigned char *raw, *raw_end; /* the value as written, quotes excluded */
};

/* Parses one line into `vals`.  @return 1 on success. */
static int scan_record(struct scan *s, struct val vals[F_NONE])
{
	skip_ws(s);
	if (s->p >= s->end || *s->p != '{') {
		fail(s, "not a JSON object");
		return 0;
	}
	s->p++;
	skip_ws(s);
	if (s->p < s->end && *s->p == '}') {
		s->p++;
		goto after;
	}
	for (;;) {
		skip_ws(s);
		if (s->p >= s->end || *s->p != '"') {
			fail(s, "expected a key");
			return 0;
		}
		s->p++;
		const char *kraw = NULL;
		size_t klen = 0;
		int dec;
		size_t before = s->scratch->len;
		scan_string(s, 1, &kraw, &klen, &dec);
		if (s->err)
			return 0;
		if (dec) { /* an escaped key: compare its decoded form */
			kraw = s->scratch->data + before;
			klen = s->scratch->len - before;
		}
		int prio = 0;
		enum field f = field_of(kraw, klen, &prio);
		s->scratch->len = before;
		skip_ws(s);
		if (s->p >= s->end || *s->p != ':') {
			fail(s, "expected ':'");
			return 0;
		}
		s->p++;
		skip_ws(s);
		if (f != F_NONE && s->p < s->end && (*s->p == '"' || *s->p == '-' ||
						     (*s->p >= '0' && *s->p <= '9'))) {
			struct val v = {0};
			v.prio = prio;
			v.off = SIZE_MAX;
			if (*s->p == '"') {
				s->p++;
				size_t at = s->scratch->len;
				v.raw = s->p;
				scan_string(s, 1, &v.p, &v.n, &dec);
				v.raw_end = s->p - 1;
				if (dec) {
					v.off = at;
					v.n = s->scratch->len - at;
				}
			} else { /* a numeric id */
				const unsigned char *st = s->p;
				scan_number(s);
				v.p = (const char *)st;
				v.n = (size_t)(s->p - st);
			}
			if (s->err)
				return 0;
			/* An empty value does not hide a filled synonym: news-please
			 * records often carry "text": "" beside their "maintext". */
			v.set = v.n > 0;
			if (v.set && (!vals[f].set || v.prio < vals[f].prio))
				vals[f] = v;
		} else {
			scan_value(s, 1);
			if (s->err)
				return 0;
		}
		skip_ws(s);
		if (s->p < s->end && *s->p == ',') {
			s->p++;
			continue;
		}
		if (s->p < s->end && *s->p == '}') {
			s->p++;
			break;
		}
		fail(s, "expected ',' or '}'");
		return 0;
	}
after:
	skip_ws(s);
	if (s->p != s->end) {
		fail(s, "extra data after the object");
		return 0;
	}
	return 1;
}

/* @return 1 when s[0..n) holds only the spaces an id is trimmed of, so the
 * record gets the same "<input>:<line>" id as one without an id. */
static int blank_id(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\n')
			return 0;
	return 1;
}

/* One line as parsed: what adding it needs, with no pointer into a
 * buffer that may move (decoded strings are at vals[k].off in a buffer the
 * caller names). */
struct pline {
	const unsigned char *p, *le; /* the line, without its newline */
	int state;                   /* 0 blank, 1 a record, 2 malformed */
	const char *err;
	const unsigned char *err_at;
	struct val vals[F_NONE];
	/* fields a reading thread copied, valid and trimmed, into its arena
	 * (NULL: left to adding); the text's at F_TEXT */
	const char *copy[F_NONE];
	size_t copy_len[F_NONE];
	struct wt__page *page; /* the article a reading thread extracted from
				* the record's HTML (NULL: none, or left to adding) */
	int html_seen;         /* a reading thread looked for HTML already */
};

static const char *const html_tags[] = {
	"html", "head", "body", "p", "div", "article", "section", "span", "br", "h1", "h2",
	"h3", "h4", "h5", "h6", "ul", "ol", "li", "table", "figure", "header", "main", "a",
	"strong", "em", "b", "i", "img", "meta", "title", "blockquote", "font", "center",
	"script", "style", "link", "nav", NULL};

/* @return the length of the tag name of html_tags at s[0..n) (any case),
 * followed by '>', a space or '/', else 0. */
static size_t tag_name(const char *s, size_t n)
{
	size_t i = 0;
	while (i < n && i < 12 && (((s[i] | 0x20) >= 'a' && (s[i] | 0x20) <= 'z') || (s[i] >= '1' && s[i] <= '6')))
		i++;
	if (!i || i >= n || !(s[i] == '>' || s[i] == ' ' || s[i] == '/' || s[i] == '\n' || s[i] == '\t'))
		return 0;
	for (int k = 0; html_tags[k]; k++)
		if (strlen(html_tags[k]) == i && !strncasecmp(s, html_tags[k], i))
			return i;
	return 0;
}

/* Whether s[0..n) is HTML rather than text: after spaces, a doctype, a
 * comment, or a tag of a page or of an article's markup ("<html", "<p>",
 * "<div class=") with an end tag later ("</p>").  Feeds and APIs often
 * give an article's body as HTML; text that only starts with a name in
 * angle brackets (Reuters' "<Strong Point Inc> said") has no end tag. */
static int looks_html(const char *s, size_t n)
{
	size_t i = 0;
	while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r'))
		i++;
	if (i + 2 >= n || s[i] != '<')
		return 0;
	i++;
	if (s[i] == '!')
		return n - i >= 8 && (!strncasecmp(s + i, "!doctype", 8) || !strncmp(s + i, "!--", 3));
	if (!tag_name(s + i, n - i))
		return 0;
	/* an end tag of a known element, within the first 64 KB */
	size_t lim = WT_MIN(n, (size_t)1 << 16);
	for (const char *e = s + i; (e = memchr(e, '<', lim - (size_t)(e - s))) != NULL; e++)
		if ((size_t)(e - s) + 2 < lim && e[1] == '/' && tag_name(e + 2, lim - (size_t)(e - s) - 2))
			return 1;
	return 0;
}

/* The HTML a record holds in place of text: its "html" field when it has
 * no text, or a text that is HTML.  @return 1 with *h and *n, else 0. */
static int record_html(const struct val *v, const char *strings, const char **h, size_t *n)
{
	const struct val *t = v[F_TEXT].set ? &v[F_TEXT] : &v[F_NTEXT_ALT];
	const struct val *x = t->set && t->n ? t : &v[F_HTML];
	if (!x->set || !x->n)
		return 0;
	*h = x->off != SIZE_MAX ? strings + x->off : x->p;
	*n = x->n;
	return x == &v[F_HTML] || looks_html(*h, *n);
}

/* Extracts the article of the record's HTML into a new page at *out.
 * @return WT_OK (no page when the record has no HTML), WT_ERR_NOMEM. */
static enum wt_status record_page(const struct val *v, const char *strings, struct wt__page **out)
{
	const char *h;
	size_t n;
	*out = NULL;
	if (!record_html(v, strings, &h, &n))
		return WT_OK;
	char url[2048] = "";
	if (v[F_URL].set && v[F_URL].n < sizeof(url)) {
		const char *u = v[F_URL].off != SIZE_MAX ? strings + v[F_URL].off : v[F_URL].p;
		size_t ul = v[F_URL].n;
		wt__trim_field(&u, &ul);
		memcpy(url, u, ul);
		url[ul] = '\0';
	}
	struct wt__page *pg = wt__calloc(1, sizeof(*pg));
	if (!pg)
		return WT_ERR_NOMEM;
	enum wt_status st = wt__html_extract(h, n, "utf-8", url[0] ? url : NULL, pg);
	if (st) {
		wt__free(pg);
		return st;
	}
	*out = pg;
	return WT_OK;
}

static void free_page(struct wt__page **pg)
{
	if (*pg) {
		wt__page_release(*pg);
		wt__free(*pg);
		*pg = NULL;
	}
}

/* Parses the line [p, le) with `scratch` (emptied first). */
static void parse_line(const unsigned char *p, const unsigned char *le, struct wt__buf *scratch,
		       struct pline *pl)
{
	pl->p = p;
	pl->le = le;
	pl->page = NULL;
	pl->html_seen = 0;
	for (int k = 0; k < F_NONE; k++)
		pl->copy[k] = NULL;
	const unsigned char *q = p;
	while (q < le && (*q == ' ' || *q == '\t' || *q == '\r'))
		q++;
	if (q == le) { /* blank lines are allowed between records */
		pl->state = 0;
		return;
	}
	struct scan sc = {p, le, p, NULL, NULL, scratch};
	memset(pl->vals, 0, sizeof(pl->vals));
	scratch->len = 0;
	if (!scan_record(&sc, pl->vals)) {
		pl->state = 2;
		pl->err = sc.err;
		pl->err_at = sc.err_at;
		return;
	}
	pl->state = 1;
}

/* A record's id as given, else "INPUT:LINE". */
static const char *record_id(struct wt__input *in, const char *id, size_t *n, long long line,
			     char *buf, size_t cap)
{
	if (id && !blank_id(id, *n))
		return id;
	snprintf(buf, cap, "%.500s:%lld", in->id_base ? in->id_base : "stdin", line);
	*n = strlen(buf);
	return buf;
}

/* Adds a record whose text was HTML: the article extracted from it
 * (pl->page), the record's own fields first, the page's where it has none;
 * or reports and counts the skip when the HTML holds no article. */
static enum wt_status add_html_line(struct wt__input *in, const char *data, struct pline *pl,
				    const char *strings, long long line)
{
	struct wt__page *pg = pl->page;
	long long offset = (long long)(pl->p - (const unsigned char *)data);
	if (!pg->text || !pg->text_len) {
		wt__report(in, WT_DIAG_SKIP, line, offset,
			   "record skipped: its HTML holds no article text");
		free_page(&pl->page);
		return WT_OK;
	}
	const struct val *v = pl->vals;
	const char *ptr[F_NONE];
	size_t len[F_NONE];
	for (int k = 0; k < F_NONE; k++) {
		ptr[k] = !v[k].set || !v[k].n ? NULL : v[k].off != SIZE_MAX ? strings + v[k].off : v[k].p;
		len[k] = ptr[k] ? v[k].n : 0;
	}
	char idbuf[600];
	struct wt__fields f = {0};
	f.id_len = len[F_ID];
	f.id = record_id(in, ptr[F_ID], &f.id_len, line, idbuf, sizeof(idbuf));
#define PICK(F, field)                                                         \
	do {                                                                   \
		f.field = ptr[F] ? ptr[F] : pg->field;                          \
		f.field##_len = ptr[F] ? len[F] : pg->field ? strlen(pg->field) : 0; \
	} while (0)
	PICK(F_URL, url);
	PICK(F_SITE, site);
	PICK(F_TITLE, title);
	PICK(F_DATE, date);
#undef PICK
	if (ptr[F_DATE] && pg->date) { /* the page's when the record's cannot be read */
		char d[64];
		size_t dl = WT_MIN(len[F_DATE], sizeof(d) - 1);
		memcpy(d, ptr[F_DATE], dl);
		d[dl] = '\0';
		if (wt_parse_date(d) == WT_TIME_UNKNOWN)
			f.date = pg->date, f.date_len = strlen(pg->date);
	}
	f.byline = pg->byline, f.byline_len = pg->byline ? strlen(pg->byline) : 0;
	f.text = pg->text, f.text_len = pg->text_len;
	f.line = line;
	f.text_offset = offset;
	f.text_bad_offset = -1;
	enum wt_status st = wt__corpus_add_fields(in, &f);
	free_page(&pl->page);
	return st;
}

/* Reports or adds parsed line `pl` (number `line`); decoded strings are in
 * `strings`. */
static enum wt_status add_line(struct wt__input *in, const char *data, struct pline *pl,
			       const char *strings, long long line)
{
	if (pl->state == 0)
		return WT_OK;
	if (pl->state == 2) {
		if (pl->err && !strcmp(pl->err, "string too long"))
			wt__report(in, WT_DIAG_SKIP, line, (long long)(pl->err_at - (const unsigned char *)data),
				   "record skipped: a field exceeds the size limit");
		else
			wt__report(in, WT_DIAG_SKIP, line,
				   (long long)(pl->err_at - (const unsigned char *)data),
				   "malformed JSON, record skipped: %s (column %lld)",
				   pl->err ? pl->err : "error", (long long)(pl->err_at - pl->p) + 1);
		return WT_OK;
	}
	struct val *vals = pl->vals;
	char idbuf[600];
	enum wt_status st = pl->html_seen ? WT_OK : record_page(vals, strings, &pl->page);
	if (st)
		return st;
	if (pl->page)
		return add_html_line(in, data, pl, strings, line);
	if (!vals[F_TEXT].set && vals[F_NTEXT_ALT].set)
		vals[F_TEXT] = vals[F_NTEXT_ALT];
	struct wt__fields f = {0};
	const char *ptrs[F_NONE];
	for (int k = 0; k < F_NONE; k++)
		ptrs[k] = !vals[k].set ? NULL
			  : vals[k].off != SIZE_MAX ? strings + vals[k].off
			  : vals[k].p;
	f.id = ptrs[F_ID];       f.id_len = vals[F_ID].n;
	f.url = ptrs[F_URL];     f.url_len = vals[F_URL].n;
	f.site = ptrs[F_SITE];   f.site_len = vals[F_SITE].n;
	f.date = ptrs[F_DATE];   f.date_len = vals[F_DATE].n;
	f.title = ptrs[F_TITLE]; f.title_len = vals[F_TITLE].n;
	f.text = ptrs[F_TEXT];   f.text_len = vals[F_TEXT].n;
	static const unsigned own_bit[F_NONE] = {WT__OWN_ID, WT__OWN_URL, WT__OWN_SITE,
						 WT__OWN_DATE, WT__OWN_TITLE, WT__OWN_TEXT, 0};
	const char **fp[F_NONE] = {&f.id, &f.url, &f.site, &f.date, &f.title, &f.text, NULL};
	size_t *fl[F_NONE] = {&f.id_len, &f.url_len, &f.site_len, &f.date_len, &f.title_len,
			      &f.text_len, NULL};
	for (int k = 0; k < F_NTEXT_ALT; k++)
		if (pl->copy[k]) {
			*fp[k] = pl->copy[k];
			*fl[k] = pl->copy_len[k];
			f.owned |= own_bit[k];
		}
	if (f.text && !f.text_len)
		f.text = NULL;
	f.line = line;
	f.text_bad_offset = -1;
	if (vals[F_TEXT].set && vals[F_TEXT].off != SIZE_MAX && vals[F_TEXT].raw) {
		/* Escapes moved the bytes: find the first invalid sequence
		 * in the text as written, where a reader can look. */
		const unsigned char *r = vals[F_TEXT].raw;
		size_t rl = (size_t)(vals[F_TEXT].raw_end - r);
		size_t bad = wt__utf8_valid_prefix((const char *)r, rl);
		if (bad < rl)
			f.text_bad_offset = (long long)(r - (const unsigned char *)data) + (long long)bad;
	}
	f.text_offset = vals[F_TEXT].set && vals[F_TEXT].off == SIZE_MAX
				? (long long)(vals[F_TEXT].p - data)
				: (long long)(pl->p - (const unsigned char *)data);
	f.id = record_id(in, f.id, &f.id_len, line, idbuf, sizeof(idbuf));
	return wt__corpus_add_fields(in, &f);
}

#define SCRATCH_MAX (WT_MAX_TEXT * 2 + WT_MAX_FIELD * 8)
/* The fuzz build sets both small, so that its inputs take the threaded
 * path too. */
#ifndef WT_PAR_MIN
#define WT_PAR_MIN (8 << 20)   /* bytes from which lines are parsed on threads */
#endif
#ifndef WT_PAR_WINDOW
#define WT_PAR_WINDOW (32 << 20) /* bytes a thread parses before they are added */
#endif

/* A thread's share of a window: its lines parsed, their decoded strings. */
struct chunk {
	const unsigned char *from, *to;
	struct pline *lines;
	size_t n, cap;
	struct wt__buf strings; /* every line's decoded strings, one after another */
	struct wt__arena arena; /* the fields copied, adopted by the corpus */
	enum wt_status st;
};

/* Copies the fields of a parsed line that need nothing but copying
 * (valid UTF-8, within the limits, an id that is not blank) into `arena`,
 * as adding them would: so that adding, on one thread, only files them. */
static enum wt_status precopy(struct pline *pl, const char *scratch, struct wt__arena *arena)
{
	struct val *v = pl->vals;
	for (int k = 0; k < F_NTEXT_ALT; k++) {
		const struct val *x = k == F_TEXT && !v[F_TEXT].set ? &v[F_NTEXT_ALT] : &v[k];
		if (!x->set || !x->n)
			continue;
		const char *p = x->off != SIZE_MAX ? scratch + x->off : x->p;
		size_t n = x->n;
		if (k != F_TEXT)
			wt__trim_field(&p, &n);
		if (n > (k == F_TEXT ? WT_MAX_TEXT : WT_MAX_FIELD) || (k == F_ID && !n) ||
		    wt__utf8_valid_prefix(p, n) != n)
			continue;
		char *cp = wt__arena_strndup(arena, p, n);
		if (!cp)
			return WT_ERR_NOMEM;
		pl->copy[k] = cp;
		pl->copy_len[k] = n;
	}
	return WT_OK;
}

static void *parse_chunk(void *arg)
{
	struct chunk *c = arg;
	struct wt__buf scratch;
	wt__buf_init(&scratch, SCRATCH_MAX);
	for (const unsigned char *p = c->from; p < c->to && !c->st;) {
		const unsigned char *nl = memchr(p, '\n', (size_t)(c->to - p));
		const unsigned char *le = nl ? nl : c->to;
		if ((c->st = WT_GROW(c->lines, c->cap, c->n + 1, (size_t)-1)))
			break;
		struct pline *pl = &c->lines[c->n++];
		parse_line(p, le, &scratch, pl);
		if (pl->state == 1 && (c->st = record_page(pl->vals, scratch.data, &pl->page)))
			break;
		pl->html_seen = 1;
		if (pl->state == 1 && !pl->page && (c->st = precopy(pl, scratch.data, &c->arena)))
			break;
		if (pl->state == 1 && scratch.len) {
			/* the line's decoded strings move to the chunk's buffer */
			size_t base = c->strings.len;
			if ((c->st = wt__buf_append(&c->strings, scratch.data, scratch.len)))
				break;
			for (int k = 0; k < F_NONE; k++)
				if (pl->vals[k].set && pl->vals[k].off != SIZE_MAX)
					pl->vals[k].off += base;
		}
		p = nl ? nl + 1 : c->to;
	}
	wt__buf_release(&scratch);
	return NULL;
}

/* The start of the first line at or after q, within [q, end]. */
static const unsigned char *line_after(const unsigned char *q, const unsigned char *lo,
				       const unsigned char *end)
{
	if (q <= lo)
		return lo;
	const unsigned char *nl = memchr(q - 1, '\n', (size_t)(end - (q - 1)));
	return nl ? nl + 1 : end;
}

/*
 * The lines of [p, end) parsed on `threads` threads, window by window, and
 * added in order on this one: the same articles, ids and diagnostics as a
 * reading on one thread.
 */
static enum wt_status read_parallel(struct wt__input *in, const char *data, const unsigned char *p,
				    const unsigned char *end, long long line, int threads)
{
	struct chunk *ch = wt__calloc((size_t)threads, sizeof(*ch));
	if (!ch)
		return WT_ERR_NOMEM;
	for (int t = 0; t < threads; t++) {
		wt__buf_init(&ch[t].strings, (size_t)1 << 40); /* the window bounds it */
		wt__arena_init(&ch[t].arena);
	}
	enum wt_status st = WT_OK;
	while (p < end && !st) {
		const unsigned char *wend = line_after(
			p + WT_MIN((size_t)(end - p), (size_t)WT_PAR_WINDOW * (size_t)threads), p, end);
		if (wend <= p)
			wend = end;
		size_t span = (size_t)(wend - p);
		for (int t = 0; t < threads; t++) {
			ch[t].from = line_after(p + span * (size_t)t / (size_t)threads, p, wend);
			ch[t].to = t + 1 < threads
					   ? line_after(p + span * (size_t)(t + 1) / (size_t)threads, p, wend)
					   : wend;
			ch[t].n = 0;
			ch[t].strings.len = 0;
			ch[t].st = WT_OK;
		}
		wt__run_workers(threads, parse_chunk, ch, sizeof(*ch));
		for (int t = 0; t < threads && !st; t++) {
			st = ch[t].st;
			for (size_t k = 0; k < ch[t].n && !st; k++)
				st = add_line(in, data, &ch[t].lines[k], ch[t].strings.data, ++line);
		}
		for (int t = 0; t < threads; t++) {
			for (size_t k = 0; k < ch[t].n; k++) /* left by an error */
				free_page(&ch[t].lines[k].page);
			wt__arena_adopt(&in->corpus->arena, &ch[t].arena);
		}
		p = wend;
	}
	for (int t = 0; t < threads; t++) {
		wt__free(ch[t].lines);
		wt__buf_release(&ch[t].strings);
		wt__arena_release(&ch[t].arena);
	}
	wt__free(ch);
	return st;
}

enum wt_status wt__read_jsonl(struct wt__input *in, const char *data, size_t len)
{
	return wt__read_jsonl_lines(in, data, 0, len, 0);
}

enum wt_status wt__read_jsonl_lines(struct wt__input *in, const char *data, size_t from,
				    size_t to, long long lines_before)
{
	const unsigned char *p = (const unsigned char *)data + from;
	const unsigned char *end = (const unsigned char *)data + to;
	if (from == 0 && to >= 3 && !memcmp(p, "\xEF\xBB\xBF", 3))
		p += 3;
	int threads = wt__threads(in->corpus->threads);
	if (threads > 1 && (size_t)(end - p) >= (size_t)WT_PAR_MIN)
		return read_parallel(in, data, p, end, lines_before, threads);
	struct wt__buf scratch;
	wt__buf_init(&scratch, SCRATCH_MAX);
	enum wt_status st = WT_OK;
	long long line = lines_before;
	struct pline pl;
	while (p < end && !st) {
		const unsigned char *nl = memchr(p, '\n', (size_t)(end - p));
		const unsigned char *le = nl ? nl : end;
		parse_line(p, le, &scratch, &pl);
		st = add_line(in, data, &pl, scratch.data, ++line);
		p = nl ? nl + 1 : end;
	}
	wt__buf_release(&scratch);
	return st;
}
