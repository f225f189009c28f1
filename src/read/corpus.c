/*
 * corpus.c - the set of articles read, and the dispatch of inputs to
 * readers: files, directories (recursively, in name order) and standard
 * input, each to the reader of its format.  Every input record ends either
 * as an article or as a reported, counted skip.
 */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "read/html.h"
#include "read/read.h"
#include "text/text.h"

/* How long after its URL's day (midnight UTC) an article's date may be and
 * still be kept: time zones, a page made days before it went out.  Within a
 * week the date's hour is worth more than the URL's day, and a gap that
 * short costs little in the stories' time window (UCI headlines: 2 days
 * moves 0.014 of B-cubed, 3 days 0.002, 7 or 30 days none). */
#define URL_DATE_SLACK (7 * 86400)

enum wt_status wt_corpus_new(struct wt_corpus **out)
{
	struct wt_corpus *c = wt__calloc(1, sizeof(*c));
	if (!c)
		return WT_ERR_NOMEM;
	wt__arena_init(&c->arena);
	if (wt__map_init(&c->ids, 1024)) {
		wt__free(c);
		return WT_ERR_NOMEM;
	}
	*out = c;
	return WT_OK;
}

void wt_corpus_free(struct wt_corpus *c)
{
	if (!c)
		return;
	wt__arena_release(&c->arena);
	wt__map_release(&c->ids);
	wt__free(c->arts);
	wt__free(c);
}

void wt_corpus_set_diag(struct wt_corpus *c, wt_diag_fn fn, void *ud)
{
	c->diag = fn;
	c->diag_ud = ud;
}

void wt_corpus_set_threads(struct wt_corpus *c, int threads)
{
	c->threads = threads < 0 ? 0 : threads;
}

size_t wt_corpus_count(const struct wt_corpus *c)
{
	return c->n;
}

const struct wt_article *wt_corpus_get(const struct wt_corpus *c, size_t i)
{
	return i < c->n ? &c->arts[i] : NULL;
}

void wt_corpus_stats(const struct wt_corpus *c, struct wt_read_stats *stats)
{
	*stats = c->stats;
}

void wt__report(struct wt__input *in, enum wt_diag_kind kind, long long line,
		long long offset, const char *fmt, ...)
{
	struct wt_corpus *c = in->corpus;
	switch (kind) {
	case WT_DIAG_WARNING: c->stats.warnings++; break;
	case WT_DIAG_SKIP: c->stats.skipped++; break;
	case WT_DIAG_ERROR: c->stats.errors++; break;
	}
	if (!c->diag)
		return;
	char msg[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	struct wt_diag d = {kind, in->name, line, offset, msg};
	c->diag(c->diag_ud, &d);
}

/* Context for reporting UTF-8 repairs of one field. */
struct repair_ctx {
	struct wt__input *in;
	long long line, base, first; /* first: the known offset of repair 1 */
	const char *field;
	int reported;
};

static void repair_report(void *ud, size_t offset)
{
	struct repair_ctx *r = ud;
	/* One message per field; the count is in the warning total. */
	if (r->reported++ == 0)
		wt__report(r->in, WT_DIAG_WARNING, r->line,
			   r->first >= 0 ? r->first
			   : r->base >= 0 ? r->base + (long long)offset : -1,
			   "invalid UTF-8 in %s replaced by U+FFFD%s", r->field,
			   r->base < 0 ? "" : "");
	else
		r->in->corpus->stats.warnings++;
}

/* Copies a field into the arena, repairing UTF-8 and dropping NULs.
 * @return the copy, or NULL for an absent field; sets *nomem on failure. */
static char *copy_field(struct wt__input *in, const char *s, size_t n,
			size_t max, long long line, long long base, long long first,
			const char *name, size_t *out_len, int *nomem, int owned)
{
	if (!s)
		return NULL;
	if (owned) { /* a valid copy in the corpus's arena already */
		if (out_len)
			*out_len = n;
		return (char *)(uintptr_t)s;
	}
	if (n > max)
		n = max;
	struct wt_corpus *c = in->corpus;
	size_t valid = wt__utf8_valid_prefix(s, n);
	if (valid == n) {
		char *p = wt__arena_strndup(&c->arena, s, n);
		if (!p)
			*nomem = 1;
		if (out_len)
			*out_len = n;
		return p;
	}
	struct repair_ctx r = {in, line, base, first, name, 0};
	char *fixed;
	size_t flen;
	if (wt__utf8_repair(s, n, &fixed, &flen, repair_report, &r) < 0) {
		*nomem = 1;
		return NULL;
	}
	char *p = wt__arena_strndup(&c->arena, fixed, flen);
	wt__free(fixed);
	if (!p)
		*nomem = 1;
	if (out_len)
		*out_len = flen;
	return p;
}

static int all_space(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!(s[i] == ' ' || s[i] == '\n' || s[i] == '\r' || s[i] == '\t' ||
		      s[i] == '\f' || s[i] == '\v'))
			return 0;
	return 1;
}

/* See read.h. */
void wt__trim_field(const char **s, size_t *n)
{
	if (!*s)
		return;
	while (*n && ((*s)[0] == ' ' || (*s)[0] == '\t' || (*s)[0] == '\r' || (*s)[0] == '\n')) {
		(*s)++;
		(*n)--;
	}
	while (*n && ((*s)[*n - 1] == ' ' || (*s)[*n - 1] == '\t' ||
		      (*s)[*n - 1] == '\r' || (*s)[*n - 1] == '\n'))
		(*n)--;
}

enum wt_status wt__corpus_add_fields(struct wt__input *in,
				     const struct wt__fields *f0)
{
	struct wt_corpus *c = in->corpus;
	struct wt__fields f = *f0;
	if (!f.text || all_space(f.text, f.text_len)) {
		wt__report(in, WT_DIAG_SKIP, f.line, f.line ? -1 : 0,
			   "record skipped: no article text");
		return WT_OK;
	}
	if (f.text_len > WT_MAX_TEXT) {
		wt__report(in, WT_DIAG_SKIP, f.line, f.text_offset,
			   "record skipped: text of %zu bytes exceeds the limit of %u",
			   f.text_len, WT_MAX_TEXT);
		return WT_OK;
	}
	wt__trim_field(&f.id, &f.id_len);
	wt__trim_field(&f.url, &f.url_len);
	wt__trim_field(&f.site, &f.site_len);
	wt__trim_field(&f.date, &f.date_len);
	wt__trim_field(&f.title, &f.title_len);
	wt__trim_field(&f.byline, &f.byline_len);
	enum wt_status st = WT_GROW(c->arts, c->cap, c->n + 1, (size_t)1 << 31);
	if (st) {
		if (st == WT_ERR_LIMIT)
			wt__report(in, WT_DIAG_SKIP, f.line, -1, "record skipped: too many articles");
		return st == WT_ERR_LIMIT ? WT_OK : st;
	}
	int nomem = 0;
	struct wt_article a = {0};
	size_t id_len = 0;
	char idbuf[64];
	if (!f.id || !f.id_len) {
		if (in->id_base) {
			f.id = in->id_base;
			f.id_len = strlen(in->id_base);
		} else {
			snprintf(idbuf, sizeof(idbuf), ":%lld", f.line);
			size_t nl = strlen(in->name), sl = strlen(idbuf);
			char *p = wt__arena_alloc(&c->arena, nl + sl + 1);
			if (!p)
				return WT_ERR_NOMEM;
			memcpy(p, in->name, nl);
			memcpy(p + nl, idbuf, sl + 1);
			f.id = p;
			f.id_len = nl + sl;
		}
	}
	a.id = copy_field(in, f.id, f.id_len, WT_MAX_FIELD, f.line, -1, -1, "id", &id_len, &nomem,
			  (f.owned & WT__OWN_ID) && f.id == f0->id);
	a.url = copy_field(in, f.url, f.url_len, WT_MAX_FIELD, f.line, -1, -1, "url", NULL, &nomem,
			   f.owned & WT__OWN_URL);
	a.site = copy_field(in, f.site, f.site_len, WT_MAX_FIELD, f.line, -1, -1, "site", NULL, &nomem,
			   f.owned & WT__OWN_SITE);
	a.date = copy_field(in, f.date, f.date_len, WT_MAX_FIELD, f.line, -1, -1, "date", NULL, &nomem,
			   f.owned & WT__OWN_DATE);
	a.title = copy_field(in, f.title, f.title_len, WT_MAX_FIELD, f.line, -1, -1, "title", NULL, &nomem,
			   f.owned & WT__OWN_TITLE);
	a.byline = copy_field(in, f.byline, f.byline_len, WT_MAX_FIELD, f.line, -1, -1, "byline", NULL, &nomem, 0);
	a.text = copy_field(in, f.text, f.text_len, WT_MAX_TEXT, f.line, f.text_offset,
			    f0->text_bad_offset > 0 ? f0->text_bad_offset : -1, "text",
			    &a.text_len, &nomem, f.owned & WT__OWN_TEXT);
	if (nomem)
		return WT_ERR_NOMEM;
	if (a.date && !*a.date)
		a.date = NULL;
	if (a.site && !*a.site)
		a.site = NULL;
	if (a.title && !*a.title)
		a.title = NULL;
	if (a.url && !*a.url)
		a.url = NULL;
	if (a.byline && !*a.byline)
		a.byline = NULL;
	a.time = a.date ? wt_parse_date(a.date) : WT_TIME_UNKNOWN;
	if (a.date && a.time == WT_TIME_UNKNOWN)
		wt__report(in, WT_DIAG_WARNING, f.line, -1,
			   "date '%.40s' not understood; treated as unknown", a.date);
	/* A news URL's date is the day the page was made.  Without a date
	 * it is the date; a date days after a permalink's (/2016/11/13/) is a
	 * later one (modified, crawled, re-published: pages often carry
	 * those), and the URL's day is the publication's.  A date inside a
	 * slug may be another day's ("paris-attacks-2015-11-13"): it only
	 * fills a missing date. */
	char ud[11];
	int64_t ut;
	int uk = a.url ? wt__url_date(a.url, ud, &ut) : 0;
	if (uk) {
		if (a.time == WT_TIME_UNKNOWN || (uk == 2 && a.time > ut + URL_DATE_SLACK)) {
			if (a.time != WT_TIME_UNKNOWN)
				wt__report(in, WT_DIAG_WARNING, f.line, -1,
					   "date '%.40s' is %lld days after the URL's %s; the URL's is taken",
					   a.date, (long long)((a.time - ut) / 86400), ud);
			char *p = wt__arena_alloc(&c->arena, sizeof(ud));
			if (!p)
				return WT_ERR_NOMEM;
			memcpy(p, ud, sizeof(ud));
			a.date = p;
			a.time = ut;
		}
	}

	/* Ids are unique: a repeated one gets "#2", "#3"... */
	uint64_t h = wt__hash(a.id, id_len) | 1;
	uint64_t *slot;
	int found;
	for (unsigned k = 2; !c->keep_ids; k++) {
		if (wt__map_put(&c->ids, h, c->n + 1, &slot, &found))
			return WT_ERR_NOMEM;
		if (!found)
			break;
		if (k == 2)
			wt__report(in, WT_DIAG_WARNING, f.line, -1,
				   "duplicate id '%.80s'; renamed with a #N suffix", a.id);
		char *nid = wt__arena_alloc(&c->arena, id_len + 16);
		if (!nid)
			return WT_ERR_NOMEM;
		memcpy(nid, a.id, id_len);
		snprintf(nid + id_len, 16, "#%u", k);
		a.id = nid;
		h = wt__hash(nid, strlen(nid)) | 1;
		if (k > 1000000)
			break;
	}
	c->arts[c->n++] = a;
	c->stats.articles++;
	return WT_OK;
}

void wt_corpus_set_keep_ids(struct wt_corpus *c, int keep)
{
	if (c)
		c->keep_ids = keep != 0;
}

enum wt_status wt_corpus_add(struct wt_corpus *c, const struct wt_article *a)
{
	if (!c || !a || !a->text)
		return WT_ERR_INVALID;
	struct wt__input in = {c, a->id ? a->id : "article", NULL};
	struct wt__fields f = {0};
	f.id = a->id, f.url = a->url, f.site = a->site, f.date = a->date;
	f.title = a->title, f.text = a->text, f.byline = a->byline;
	f.id_len = a->id ? strlen(a->id) : 0, f.url_len = a->url ? strlen(a->url) : 0;
	f.site_len = a->site ? strlen(a->site) : 0, f.date_len = a->date ? strlen(a->date) : 0;
	f.title_len = a->title ? strlen(a->title) : 0, f.text_len = a->text_len;
	f.byline_len = a->byline ? strlen(a->byline) : 0;
	f.text_bad_offset = -1;
	size_t before = c->n;
	enum wt_status st = wt__corpus_add_fields(&in, &f);
	if (st == WT_OK && c->n > before && a->time != WT_TIME_UNKNOWN && a->time != 0)
		c->arts[c->n - 1].time = a->time;
	return st;
}

/* ---- formats ---------------------------------------------------------- */

/* Whether s[0..n) ends with `suf` (lowercase), ignoring ASCII case. */
static int has_suffix(const char *s, size_t n, const char *suf)
{
	size_t m = strlen(suf);
	return m <= n && wt__eq_ci(s + n - m, m, suf);
}

enum kind { K_TEXT, K_JSONL, K_HTML, K_WARC, K_GZIP, K_UNSUPPORTED, K_SNIFF };

/* The kind a name says, from its first n bytes (so "page.html.gz" can be
 * asked what it holds without copying it). */
static enum kind kind_of_n(const char *path, size_t n)
{
	static const char *const jsonl[] = {".jsonl", ".ndjson", ".json", NULL};
	static const char *const text[] = {".txt", ".text", NULL};
	static const char *const html[] = {".html", ".htm", ".xhtml", ".shtml", NULL};
	static const char *const other[] = {
		".md", ".tsv", ".csv", ".png", ".jpg", ".jpeg", ".gif", ".pdf",
		".zip", ".xml", ".css", ".js", ".db", ".sqlite", ".tar", ".bz2", ".xz",
		".tgz", NULL};
	if (has_suffix(path, n, ".warc") || has_suffix(path, n, ".warc.gz"))
		return K_WARC;
	if (has_suffix(path, n, ".gz"))
		return K_GZIP;
	for (int i = 0; html[i]; i++)
		if (has_suffix(path, n, html[i]))
			return K_HTML;
	for (int i = 0; jsonl[i]; i++)
		if (has_suffix(path, n, jsonl[i]))
			return K_JSONL;
	for (int i = 0; text[i]; i++)
		if (has_suffix(path, n, text[i]))
			return K_TEXT;
	for (int i = 0; other[i]; i++)
		if (has_suffix(path, n, other[i]))
			return K_UNSUPPORTED;
	return K_SNIFF;
}

static enum kind kind_of(const char *path)
{
	return kind_of_n(path, strlen(path));
}

/* What a gzipped file's name says it holds: the kind of its name without
 * ".gz". */
static enum kind gz_inner_kind(const char *path)
{
	size_t n = strlen(path);
	return kind_of_n(path, n > 3 ? n - 3 : n);
}

/* Whether the content starts, after spaces, with `pat` (lowercase). */
static int starts_ci(const char *data, size_t len, const char *pat)
{
	size_t i = 0, m = strlen(pat);
	if (len >= 3 && !memcmp(data, "\xEF\xBB\xBF", 3))
		i = 3;
	while (i < len && (data[i] == ' ' || data[i] == '\n' || data[i] == '\r' || data[i] == '\t'))
		i++;
	return len - i >= m && wt__eq_ci(data + i, m, pat);
}

/* Looks at the content: gzip and WARC by their magic, HTML by its first
 * tag, JSON Lines by '{'; NUL bytes mean binary. */
static enum kind sniff(const char *data, size_t len, int *binary)
{
	if (len >= 2 && (unsigned char)data[0] == 0x1f && (unsigned char)data[1] == 0x8b) {
		*binary = 0;
		return K_GZIP;
	}
	size_t lim = WT_MIN(len, 8192), ctrl = 0;
	*binary = 0;
	for (size_t i = 0; i < lim; i++) {
		unsigned char c = (unsigned char)data[i];
		if (c == 0) {
			*binary = 1;
			break;
		}
		if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f')
			ctrl++;
	}
	if (lim && ctrl * 10 > lim)
		*binary = 1;
	size_t i = 0;
	if (len >= 3 && !memcmp(data, "\xEF\xBB\xBF", 3))
		i = 3;
	while (i < len && (data[i] == ' ' || data[i] == '\n' || data[i] == '\r' || data[i] == '\t'))
		i++;
	if (starts_ci(data, len, "warc/1."))
		return K_WARC;
	if (starts_ci(data, len, "<!doctype html") || starts_ci(data, len, "<html") ||
	    starts_ci(data, len, "<!--") || starts_ci(data, len, "<head"))
		return K_HTML;
	return i < len && data[i] == '{' ? K_JSONL : K_TEXT;
}

static enum wt_status read_buffer(struct wt__input *in, const char *data,
				  size_t len, enum wt_format format, enum kind k);

/* A gzip input other than WARC: decompressed whole (up to WT_MAX_INPUT),
 * then read as what it holds. */
static enum wt_status read_gzip(struct wt__input *in, const char *data, size_t len,
				enum wt_format format, enum kind inner)
{
	char *out;
	size_t n;
	long long bad;
	enum wt_status st = wt__gunzip(data, len, WT_MAX_INPUT, &out, &n, &bad);
	if (st == WT_ERR_NOMEM)
		return st;
	if (st == WT_ERR_LIMIT)
		wt__report(in, WT_DIAG_WARNING, 0, -1,
			   "gzip input larger than %zu bytes once decompressed; the rest is not read",
			   WT_MAX_INPUT);
	if (bad >= 0)
		wt__report(in, WT_DIAG_WARNING, 0, bad,
			   "gzip data corrupt or truncated; read up to here");
	st = read_buffer(in, out, n, format, inner == K_GZIP ? K_SNIFF : inner);
	wt__free(out);
	return st;
}

static enum wt_status read_buffer(struct wt__input *in, const char *data,
				  size_t len, enum wt_format format, enum kind k)
{
	int binary;
	enum kind sniffed = sniff(data, len, &binary);
	/* A gzip file of any name that inflates to "WARC/1." is a WARC file,
	 * read member by member rather than inflated whole. */
	if (format == WT_FORMAT_WARC ||
	    (format == WT_FORMAT_AUTO && (k == K_WARC || sniffed == K_WARC ||
					  (sniffed == K_GZIP && wt__gzip_is_warc(data, len)))))
		return wt__read_warc(in, data, len);
	if (sniffed == K_GZIP) {
		/* "page.html.gz" holds HTML: the name without ".gz" says what. */
		enum kind inner = K_SNIFF;
		if (k == K_GZIP && in->name) {
			inner = gz_inner_kind(in->name);
			if (inner == K_UNSUPPORTED && format == WT_FORMAT_AUTO) {
				wt__report(in, WT_DIAG_SKIP, 0, -1,
					   "file skipped: not an article file (format not supported)");
				return WT_OK;
			}
		}
		return read_gzip(in, data, len, format, inner);
	}
	if (len == 0 || all_space(data, len)) {
		wt__report(in, WT_DIAG_SKIP, 0, -1, "input skipped: empty");
		return WT_OK;
	}
	if (binary) {
		wt__report(in, WT_DIAG_SKIP, 0, -1, "input skipped: binary data, not text");
		return WT_OK;
	}
	if (format == WT_FORMAT_JSONL || (format == WT_FORMAT_AUTO && k == K_JSONL))
		return wt__read_jsonl(in, data, len);
	if (format == WT_FORMAT_HTML || (format == WT_FORMAT_AUTO && k == K_HTML))
		return wt__read_html(in, data, len);
	if (format == WT_FORMAT_TEXT || k == K_TEXT)
		return wt__read_text(in, data, len);
	if (sniffed == K_HTML)
		return wt__read_html(in, data, len);
	return sniffed == K_JSONL ? wt__read_jsonl(in, data, len)
				  : wt__read_text(in, data, len);
}

enum wt_status wt_corpus_read_memory(struct wt_corpus *c, const char *name,
				     const char *data, size_t len,
				     enum wt_format format)
{
	if (!c || !name || (!data && len))
		return WT_ERR_INVALID;
	struct wt__input in = {c, name, NULL};
	const char *slash = strrchr(name, '/');
	in.id_base = slash ? slash + 1 : name;
	c->stats.inputs++;
	return read_buffer(&in, data ? data : "", len, format, K_SNIFF);
}

/* Reads a whole stream into memory, up to WT_MAX_INPUT bytes. */
static enum wt_status slurp(FILE *f, char **out, size_t *len)
{
	struct wt__buf b;
	wt__buf_init(&b, WT_MAX_INPUT);
	char tmp[1 << 16];
	size_t n;
	while ((n = fread(tmp, 1, sizeof(tmp), f)) > 0) {
		enum wt_status st = wt__buf_append(&b, tmp, n);
		if (st) {
			wt__buf_release(&b);
			return st;
		}
	}
	if (ferror(f)) {
		wt__buf_release(&b);
		return WT_ERR_IO;
	}
	*out = wt__buf_detach(&b, len);
	return *out ? WT_OK : WT_ERR_NOMEM;
}

static enum wt_status read_file(struct wt_corpus *c, const char *path,
				const char *id, enum wt_format format, int explicit)
{
	struct wt__input in = {c, path, id};
	enum kind k = kind_of(path);
	if (k == K_UNSUPPORTED && format == WT_FORMAT_AUTO) {
		wt__report(&in, WT_DIAG_SKIP, 0, -1, "file skipped: not an article file (format not supported)");
		return WT_OK;
	}
	int fd = open(path, O_RDONLY);
	if (fd < 0) {
		wt__report(&in, WT_DIAG_ERROR, 0, -1, "cannot open: %s", strerror(errno));
		return explicit ? WT_ERR_IO : WT_OK;
	}
	struct stat sb;
	if (fstat(fd, &sb) < 0) {
		wt__report(&in, WT_DIAG_ERROR, 0, -1, "cannot stat: %s", strerror(errno));
		close(fd);
		return explicit ? WT_ERR_IO : WT_OK;
	}
	c->stats.inputs++;
	enum wt_status st = WT_OK;
	if (S_ISREG(sb.st_mode) && sb.st_size > 0) {
		if ((unsigned long long)sb.st_size > WT_MAX_INPUT) {
			wt__report(&in, WT_DIAG_SKIP, 0, -1, "file skipped: larger than %zu bytes",
				   WT_MAX_INPUT);
			close(fd);
			return WT_OK;
		}
		size_t len = (size_t)sb.st_size;
		void *p = mmap(NULL, len, PROT_READ, MAP_PRIVATE, fd, 0);
		if (p == MAP_FAILED) {
			wt__report(&in, WT_DIAG_ERROR, 0, -1, "cannot map: %s", strerror(errno));
			close(fd);
			return explicit ? WT_ERR_IO : WT_OK;
		}
		madvise(p, len, MADV_SEQUENTIAL);
		st = read_buffer(&in, p, len, format, k);
		munmap(p, len);
		close(fd);
		return st;
	}
	FILE *f = fdopen(fd, "rb");
	if (!f) {
		close(fd);
		return WT_ERR_NOMEM;
	}
	char *data = NULL;
	size_t len = 0;
	st = slurp(f, &data, &len);
	fclose(f);
	if (st == WT_ERR_IO) {
		wt__report(&in, WT_DIAG_ERROR, 0, -1, "read error");
		return explicit ? WT_ERR_IO : WT_OK;
	}
	if (st == WT_ERR_LIMIT) {
		wt__report(&in, WT_DIAG_SKIP, 0, -1, "input skipped: larger than %zu bytes", WT_MAX_INPUT);
		return WT_OK;
	}
	if (st)
		return st;
	st = read_buffer(&in, data, len, format, k);
	wt__free(data);
	return st;
}

/* ---- pages of a directory, extracted in parallel ------------------------ */

/*
 * A web page file extracted by a worker thread ahead of its turn.  Only
 * what would go to the HTML reader is prepared (an .html file, or one
 * gzipped, that is not empty and not binary); everything else, and any
 * file a worker could not read, is read in order by the main thread as
 * before, which also reports every diagnostic, so the articles and the
 * messages come out the same whatever the number of threads.
 */
struct prepared {
	const char *path;
	int ready;            /* page holds the extraction */
	struct wt__page page;
	long long gz_bad;     /* gzip: offset of a damaged member, or -1 */
	int gz_limit;         /* gzip: larger than WT_MAX_INPUT decompressed */
	enum wt_status st;    /* WT_ERR_NOMEM stops the read */
};

/* Whether bytes would go to the HTML reader: read_buffer's checks. */
static int html_bound(const char *data, size_t len, enum wt_format format, enum kind k)
{
	int binary;
	enum kind sn = sniff(data, len, &binary);
	if (len == 0 || all_space(data, len) || binary || sn == K_GZIP || sn == K_WARC)
		return 0;
	if (format == WT_FORMAT_HTML)
		return 1;
	return format == WT_FORMAT_AUTO && (k == K_HTML || (k == K_SNIFF && sn == K_HTML));
}

static void prepare(struct prepared *p, enum wt_format format)
{
	enum kind k = kind_of(p->path);
	if (k != K_HTML && !(k == K_GZIP && gz_inner_kind(p->path) == K_HTML))
		return;
	int fd = open(p->path, O_RDONLY);
	if (fd < 0)
		return;
	struct stat sb;
	if (fstat(fd, &sb) < 0 || !S_ISREG(sb.st_mode) || sb.st_size <= 0 ||
	    (unsigned long long)sb.st_size > WT_MAX_INPUT) {
		close(fd);
		return;
	}
	size_t len = (size_t)sb.st_size;
	void *m = mmap(NULL, len, PROT_READ, MAP_PRIVATE, fd, 0);
	close(fd);
	if (m == MAP_FAILED)
		return;
	const char *data = m;
	char *unz = NULL;
	size_t n = len;
	p->gz_bad = -1;
	if (k == K_GZIP) {
		if (len < 2 || (unsigned char)data[0] != 0x1f || (unsigned char)data[1] != 0x8b) {
			munmap(m, len);
			return;
		}
		p->st = wt__gunzip(data, len, WT_MAX_INPUT, &unz, &n, &p->gz_bad);
		if (p->st == WT_ERR_LIMIT) {
			p->gz_limit = 1;
			p->st = WT_OK;
		}
		if (p->st) {
			munmap(m, len);
			return;
		}
		data = unz;
		k = K_HTML;
	}
	if (html_bound(data, n, format, k)) {
		p->st = wt__html_extract(data, n, NULL, NULL, &p->page);
		p->ready = !p->st;
	}
	wt__free(unz);
	munmap(m, len);
}

struct prep_all {
	struct prepared *v;
	enum wt_format format;
};

static void prepare_one(void *ctx, size_t i)
{
	struct prep_all *pa = ctx;
	prepare(&pa->v[i], pa->format);
}

/* Adds a prepared page as read_file would have: counted, its gzip damage
 * and its extraction reported, in order. */
static enum wt_status add_prepared(struct wt_corpus *c, struct prepared *p, const char *id)
{
	struct wt__input in = {c, p->path, id};
	c->stats.inputs++;
	if (p->gz_limit)
		wt__report(&in, WT_DIAG_WARNING, 0, -1,
			   "gzip input larger than %zu bytes once decompressed; the rest is not read",
			   WT_MAX_INPUT);
	if (p->gz_bad >= 0)
		wt__report(&in, WT_DIAG_WARNING, 0, p->gz_bad,
			   "gzip data corrupt or truncated; read up to here");
	return wt__add_page(&in, &p->page, NULL, NULL, 0);
}

static int cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

#define MAX_DEPTH 64

/* Reads a directory tree in name order; `rel` is the path below the root. */
static enum wt_status read_dir(struct wt_corpus *c, const char *path,
			       const char *rel, enum wt_format format, int depth)
{
	struct wt__input in = {c, path, NULL};
	if (depth > MAX_DEPTH) {
		wt__report(&in, WT_DIAG_SKIP, 0, -1, "directory skipped: nested too deep");
		return WT_OK;
	}
	DIR *d = opendir(path);
	if (!d) {
		wt__report(&in, WT_DIAG_ERROR, 0, -1, "cannot open directory: %s", strerror(errno));
		return depth == 0 ? WT_ERR_IO : WT_OK;
	}
	char **names = NULL;
	size_t n = 0, cap = 0;
	enum wt_status st = WT_OK;
	struct dirent *e;
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue; /* ".", "..", hidden files and folders */
		if ((st = WT_GROW(names, cap, n + 1, (size_t)1 << 28)))
			break;
		if (!(names[n] = wt__strdup(e->d_name))) {
			st = WT_ERR_NOMEM;
			break;
		}
		n++;
	}
	closedir(d);
	if (names)
		qsort(names, n, sizeof(*names), cmp_names);
	/* In windows of files: the web pages of a window are extracted on
	 * every thread first, then the window is read in name order. */
	int threads = wt__threads(c->threads);
	size_t window = threads > 1 ? (size_t)threads * 8 : 1;
	struct prepared *prep = wt__calloc(window, sizeof(*prep));
	char **full = wt__calloc(window, sizeof(*full)), **r = wt__calloc(window, sizeof(*r));
	if (!prep || !full || !r)
		st = WT_ERR_NOMEM;
	for (size_t w0 = 0; w0 < n && !st; w0 += window) {
		size_t wn = WT_MIN(window, n - w0);
		for (size_t k = 0; k < wn && !st; k++) {
			const char *name = names[w0 + k];
			size_t pl = strlen(path), nl = strlen(name), rl = rel ? strlen(rel) : 0;
			full[k] = wt__malloc(pl + nl + 2);
			r[k] = wt__malloc(rl + nl + 2);
			if (!full[k] || !r[k]) {
				st = WT_ERR_NOMEM;
				break;
			}
			sprintf(full[k], "%s%s%s", path, pl && path[pl - 1] == '/' ? "" : "/", name);
			sprintf(r[k], "%s%s%s", rel ? rel : "", rl ? "/" : "", name);
			memset(&prep[k], 0, sizeof(prep[k]));
			prep[k].path = full[k];
		}
		struct prep_all pa = {prep, format};
		if (!st && threads > 1)
			wt__parallel_for(wn, threads, prepare_one, &pa);
		for (size_t k = 0; k < wn; k++)
			if (!st && prep[k].st == WT_ERR_NOMEM)
				st = WT_ERR_NOMEM;
		for (size_t k = 0; k < wn && !st; k++) {
			struct stat sb;
			if (stat(full[k], &sb) < 0) {
				struct wt__input fin = {c, full[k], NULL};
				wt__report(&fin, WT_DIAG_ERROR, 0, -1, "cannot stat: %s", strerror(errno));
			} else if (S_ISDIR(sb.st_mode)) {
				st = read_dir(c, full[k], r[k], format, depth + 1);
			} else if (S_ISREG(sb.st_mode)) {
				st = prep[k].ready ? add_prepared(c, &prep[k], r[k])
						   : read_file(c, full[k], r[k], format, 0);
				prep[k].ready = 0;
			}
		}
		for (size_t k = 0; k < wn; k++) {
			if (prep && prep[k].ready)
				wt__page_release(&prep[k].page);
			if (full)
				wt__free(full[k]);
			if (r)
				wt__free(r[k]);
			if (full)
				full[k] = NULL;
			if (r)
				r[k] = NULL;
		}
	}
	wt__free(prep);
	wt__free(full);
	wt__free(r);
	for (size_t i = 0; i < n; i++)
		wt__free(names[i]);
	wt__free(names);
	return st;
}

/* The start of share k of n of data[0, len): the first line starting at or
 * after byte k * len / n. */
static size_t share_start(const char *data, size_t len, int k, int n)
{
	if (k <= 0)
		return 0;
	if (k >= n)
		return len;
	size_t x = (size_t)((unsigned long long)len * (unsigned)k / (unsigned)n);
	const char *nl = x ? memchr(data + x - 1, '\n', len - x + 1) : data;
	return nl ? (size_t)(nl - data) + (x ? 1 : 0) : len;
}

/* Whether read_buffer() reads data[0, len) as JSON Lines, whole: not
 * compressed, WARC, empty or binary, and JSON Lines by format, name or
 * content. */
static int plain_jsonl(const char *data, size_t len, enum wt_format format, enum kind k)
{
	int binary;
	enum kind sniffed = sniff(data, len, &binary);
	if (format == WT_FORMAT_WARC || sniffed == K_GZIP || sniffed == K_WARC || k == K_WARC ||
	    len == 0 || all_space(data, len) || binary)
		return 0;
	if (format == WT_FORMAT_JSONL)
		return 1;
	if (format != WT_FORMAT_AUTO)
		return 0;
	if (k == K_JSONL)
		return 1;
	return k != K_HTML && k != K_TEXT && sniffed == K_JSONL;
}

enum wt_status wt_corpus_read_share(struct wt_corpus *c, const char *path, enum wt_format format,
				    int share, int shares)
{
	if (!c || !path || shares < 1 || share < 0 || share >= shares)
		return WT_ERR_INVALID;
	if (shares == 1)
		return wt_corpus_read_path(c, path, format);
	struct stat sb;
	enum kind k = kind_of(path);
	if (!strcmp(path, "-") || stat(path, &sb) < 0 || !S_ISREG(sb.st_mode) || sb.st_size == 0 ||
	    (unsigned long long)sb.st_size > WT_MAX_INPUT || (k == K_UNSUPPORTED && format == WT_FORMAT_AUTO))
		return WT_ERR_INVALID; /* read whole, by one process */
	int fd = open(path, O_RDONLY);
	if (fd < 0)
		return WT_ERR_INVALID; /* the whole reading reports it */
	size_t len = (size_t)sb.st_size;
	void *p = mmap(NULL, len, PROT_READ, MAP_PRIVATE, fd, 0);
	close(fd);
	if (p == MAP_FAILED)
		return WT_ERR_INVALID;
	const char *data = p;
	if (!plain_jsonl(data, len, format, k)) {
		munmap(p, len);
		return WT_ERR_INVALID;
	}
	const char *slash = strrchr(path, '/');
	struct wt__input in = {c, path, slash ? slash + 1 : path};
	if (share == 0)
		c->stats.inputs++;
	size_t from = share_start(data, len, share, shares);
	size_t to = share_start(data, len, share + 1, shares);
	long long before = 0;
	for (const char *q = data; (q = memchr(q, '\n', (size_t)(data + from - q))) != NULL; q++)
		before++;
	enum wt_status st = from < to ? wt__read_jsonl_lines(&in, data, from, to, before) : WT_OK;
	munmap(p, len);
	return st;
}

enum wt_status wt_corpus_read_path(struct wt_corpus *c, const char *path,
				   enum wt_format format)
{
	if (!c || !path)
		return WT_ERR_INVALID;
	if (!strcmp(path, "-")) {
		char *data = NULL;
		size_t len = 0;
		enum wt_status st = slurp(stdin, &data, &len);
		struct wt__input in = {c, "-", NULL};
		if (st == WT_ERR_IO) {
			wt__report(&in, WT_DIAG_ERROR, 0, -1, "read error on standard input");
			return WT_ERR_IO;
		}
		if (st == WT_ERR_LIMIT) {
			wt__report(&in, WT_DIAG_SKIP, 0, -1, "input skipped: larger than %zu bytes", WT_MAX_INPUT);
			return WT_OK;
		}
		if (st)
			return st;
		c->stats.inputs++;
		in.id_base = "stdin";
		st = read_buffer(&in, data, len, format, K_SNIFF);
		wt__free(data);
		return st;
	}
	struct stat sb;
	if (stat(path, &sb) < 0) {
		struct wt__input in = {c, path, NULL};
		wt__report(&in, WT_DIAG_ERROR, 0, -1, "cannot open: %s", strerror(errno));
		return WT_ERR_IO;
	}
	if (S_ISDIR(sb.st_mode))
		return read_dir(c, path, NULL, format, 0);
	const char *slash = strrchr(path, '/');
	return read_file(c, path, slash ? slash + 1 : path, format, 1);
}
