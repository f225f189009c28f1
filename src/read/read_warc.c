/*
 * read_warc.c - WARC crawl archives (WARC/1.0 and 1.1), plain or gzip: one
 * gzip member per record as crawlers write them, or one member for the whole
 * file.  Each `response` record's HTTP message is parsed (status, headers,
 * chunked transfer coding, gzip or deflate content coding) and an HTML body
 * goes to the page reader with the charset of its Content-Type header, the
 * record's target URI as article id and its WARC-Date as fallback date;
 * `resource` records holding HTML are read the same way.
 *
 * Records stream through a window: a plain file is memory-mapped and read in
 * place, a gzip one is inflated into a buffer that holds at most one record
 * (RECORD_MAX plus its headers), so memory stays bounded however large the
 * file.  A damaged record or gzip member is reported at its byte offset (for
 * gzip, the offset of the member in the compressed file) and reading goes on
 * at the next "WARC/1." line or gzip member.  Records that are no article by
 * nature (requests, metadata, images, redirects) are tallied and reported in
 * one summary line per kind and file, so a crawl does not flood the terminal.
 */
#include <assert.h>
#include <zlib.h>

#include "read/html.h"
#include "read/read.h"

#define HDR_MAX ((size_t)256 << 10)     /* longest WARC or HTTP header block */
#define RECORD_MAX ((size_t)64 << 20)   /* longest record block read */
#define CHUNK ((size_t)1 << 16)         /* inflate step */
#define WINDOW_MAX (HDR_MAX + RECORD_MAX + 2 * CHUNK)
#define MAGIC "WARC/1."
#define MAGIC_LEN 7

/* ---- the byte source: a mapped file, or gzip members inflated ---------- */

/* A stream position where one gzip member's output begins. */
struct start {
	long long pos;  /* in the decompressed stream */
	size_t coff;    /* of the member in the compressed input */
};

struct src {
	struct wt__input *in;
	const unsigned char *data; /* the input, not owned */
	size_t len;
	int gz;
	/* plain: the window is data[pos, len) and its stream position pos */
	size_t pos;
	/* gzip: the window is buf[head, tail), starting at stream position
	 * `base`; `prev` is the byte before it ('\n' at the start) */
	unsigned char *buf; /* owned */
	size_t head, tail, cap;
	long long base;
	unsigned char prev;
	z_stream z;
	int zinit, zlive, eof;
	int bad;          /* in a damaged stretch: its later failures are silent */
	size_t cin;       /* next compressed byte, between members */
	size_t member;    /* compressed offset of the member being inflated */
	struct start *starts; /* owned; positions increasing */
	size_t nstarts, capstarts;
	long long *breaks;    /* owned; where damaged data was cut out */
	size_t nbreaks, capbreaks;
	enum wt_status st;    /* WT_ERR_NOMEM once allocation failed */
};

static const unsigned char *s_ptr(const struct src *s)
{
	return s->gz ? s->buf + s->head : s->data + s->pos;
}

static size_t s_avail(const struct src *s)
{
	return s->gz ? s->tail - s->head : s->len - s->pos;
}

static long long s_pos(const struct src *s)
{
	return s->gz ? s->base : (long long)s->pos;
}

/* The byte before the window, '\n' at the start of the stream. */
static unsigned char s_prev(const struct src *s)
{
	if (s->gz)
		return s->prev;
	return s->pos ? s->data[s->pos - 1] : '\n';
}

/* Where a diagnostic about stream position `pos` points: the position
 * itself in a plain file, the start of its member in a gzip one. */
static long long s_where(const struct src *s, long long pos)
{
	if (!s->gz)
		return pos;
	long long off = 0;
	for (size_t i = 0; i < s->nstarts && s->starts[i].pos <= pos; i++)
		off = (long long)s->starts[i].coff;
	/* A member that produced nothing yet shares its position with the
	 * one before; the later one is where the record is. */
	return off;
}

/* Whether damaged data was cut out in (from, to]. */
static int s_broken(const struct src *s, long long from, long long to)
{
	for (size_t i = 0; i < s->nbreaks; i++)
		if (s->breaks[i] > from && s->breaks[i] <= to)
			return 1;
	return 0;
}

static int s_is_break(const struct src *s, long long pos)
{
	for (size_t i = 0; i < s->nbreaks; i++)
		if (s->breaks[i] == pos)
			return 1;
	return 0;
}

static void s_consume(struct src *s, size_t n)
{
	assert(n <= s_avail(s));
	if (!n)
		return;
	if (!s->gz) {
		s->pos += n;
		return;
	}
	s->head += n;
	s->base += (long long)n;
	s->prev = s->buf[s->head - 1];
	/* Forget what lies behind: member starts but the last one at or
	 * before the window, and breaks before it. */
	size_t k = 0;
	while (k + 1 < s->nstarts && s->starts[k + 1].pos <= s->base)
		k++;
	if (k) {
		memmove(s->starts, s->starts + k, (s->nstarts - k) * sizeof(*s->starts));
		s->nstarts -= k;
	}
	k = 0;
	while (k < s->nbreaks && s->breaks[k] < s->base)
		k++;
	if (k) {
		memmove(s->breaks, s->breaks + k, (s->nbreaks - k) * sizeof(*s->breaks));
		s->nbreaks -= k;
	}
}

static long long s_end(const struct src *s)
{
	return s_pos(s) + (long long)s_avail(s);
}

static void add_start(struct src *s, size_t coff)
{
	long long pos = s_end(s);
	if (s->nstarts && s->starts[s->nstarts - 1].pos == pos) {
		s->starts[s->nstarts - 1].coff = coff; /* the last gave nothing */
		return;
	}
	if (WT_GROW(s->starts, s->capstarts, s->nstarts + 1, (size_t)1 << 30)) {
		s->st = WT_ERR_NOMEM;
		return;
	}
	s->starts[s->nstarts++] = (struct start){pos, coff};
}

static void add_break(struct src *s)
{
	long long pos = s_end(s);
	if (s->nbreaks && s->breaks[s->nbreaks - 1] == pos)
		return;
	if (WT_GROW(s->breaks, s->capbreaks, s->nbreaks + 1, (size_t)1 << 30)) {
		s->st = WT_ERR_NOMEM;
		return;
	}
	s->breaks[s->nbreaks++] = pos;
}

/* Reports damaged gzip data at compressed offset `off`, once per damaged
 * stretch: after a corrupt member, scanning for the next one finds false
 * starts inside the deflate data, and each would fail again. */
static void gz_damage(struct src *s, size_t off, const char *what)
{
	if (!s->bad)
		wt__report(s->in, WT_DIAG_SKIP, 0, (long long)off,
			   "%s; its records skipped, reading goes on at the next gzip member", what);
	s->bad = 1;
	add_break(s);
}

static int is_gz_magic(const unsigned char *p, size_t n)
{
	return n >= 3 && p[0] == 0x1f && p[1] == 0x8b && p[2] == 8;
}

/* Inflates one step more.  @return 1 when bytes were added or the state
 * moved on (a member ended or was cut out), 0 at the end of the input. */
static int gz_step(struct src *s)
{
	if (s->st)
		return 0;
	if (!s->zlive) {
		if (s->cin >= s->len) {
			s->eof = 1;
			return 0;
		}
		if (!is_gz_magic(s->data + s->cin, s->len - s->cin)) {
			size_t from = s->cin, i = s->cin + 1;
			while (i < s->len && !is_gz_magic(s->data + i, s->len - i)) {
				const void *q = memchr(s->data + i, 0x1f, s->len - i);
				i = q ? (size_t)((const unsigned char *)q - s->data) : s->len;
				if (i < s->len && !is_gz_magic(s->data + i, s->len - i))
					i++;
			}
			gz_damage(s, from, i < s->len ? "data that is not gzip between members"
					  : "data that is not gzip after the last member");
			s->cin = i;
			return 1;
		}
		if (!s->zinit) {
			memset(&s->z, 0, sizeof(s->z));
			if (inflateInit2(&s->z, 16 + MAX_WBITS) != Z_OK) {
				s->st = WT_ERR_NOMEM;
				return 0;
			}
			s->zinit = 1;
		} else if (inflateReset(&s->z) != Z_OK) {
			s->st = WT_ERR_NOMEM;
			return 0;
		}
		s->member = s->cin;
		s->z.next_in = (unsigned char *)(uintptr_t)(s->data + s->cin);
		s->z.avail_in = (uInt)WT_MIN(s->len - s->cin, (size_t)UINT32_MAX);
		s->zlive = 1;
		add_start(s, s->cin);
	}
	/* Room for one step: slide the window to the front, then grow. */
	if (s->cap - s->tail < CHUNK && s->head) {
		memmove(s->buf, s->buf + s->head, s->tail - s->head);
		s->tail -= s->head;
		s->head = 0;
	}
	if (s->cap - s->tail < CHUNK) {
		if (s->cap >= WINDOW_MAX)
			return 0;
		size_t ncap = WT_MIN(WT_MAX(s->cap * 2, 4 * CHUNK), WINDOW_MAX);
		unsigned char *nb = wt__realloc(s->buf, ncap);
		if (!nb) {
			s->st = WT_ERR_NOMEM;
			return 0;
		}
		s->buf = nb;
		s->cap = ncap;
	}
	/* Feed at most 4 GiB at a time; a larger input is fed again. */
	size_t fed_from = (size_t)((const unsigned char *)s->z.next_in - s->data);
	if (s->z.avail_in == 0 && fed_from < s->len)
		s->z.avail_in = (uInt)WT_MIN(s->len - fed_from, (size_t)UINT32_MAX);
	s->z.next_out = s->buf + s->tail;
	s->z.avail_out = (uInt)CHUNK;
	int r = inflate(&s->z, Z_NO_FLUSH);
	s->tail += CHUNK - s->z.avail_out;
	size_t used = (size_t)((const unsigned char *)s->z.next_in - s->data);
	if (r == Z_STREAM_END) {
		s->zlive = 0;
		s->bad = 0;
		s->cin = used;
		return 1;
	}
	if (r == Z_OK)
		return 1;
	if (r == Z_MEM_ERROR) {
		s->st = WT_ERR_NOMEM;
		return 0;
	}
	s->zlive = 0;
	if (r == Z_BUF_ERROR && used >= s->len) {
		gz_damage(s, s->member, "gzip member truncated");
		s->cin = s->len;
	} else {
		gz_damage(s, s->member, "gzip member corrupt or cut short");
		s->cin = s->member + 1; /* look for the next member */
	}
	return 1;
}

/* Makes at least `need` bytes available when the input has them.
 * @return the bytes available. */
static size_t s_fill(struct src *s, size_t need)
{
	if (s->gz)
		while (s_avail(s) < need && gz_step(s))
			;
	return s_avail(s);
}

/* Adds at least one byte to the window.  @return 0 at the end. */
static int s_more(struct src *s)
{
	size_t n = s_avail(s);
	return s_fill(s, n + 1) > n;
}

static void s_release(struct src *s)
{
	if (s->zinit)
		inflateEnd(&s->z);
	wt__free(s->buf);
	wt__free(s->starts);
	wt__free(s->breaks);
}

/* ---- header fields ------------------------------------------------------ */



static int starts_ci(const char *a, size_t n, const char *b)
{
	size_t m = strlen(b);
	return n >= m && wt__eq_ci(a, m, b);
}

static const char *find(const char *s, size_t n, const char *pat, size_t m)
{
	if (m > n)
		return NULL;
	for (const char *p = s, *end = s + n - m + 1; p < end; p++) {
		p = memchr(p, pat[0], (size_t)(end - p));
		if (!p)
			return NULL;
		if (!memcmp(p, pat, m))
			return p;
	}
	return NULL;
}

/*
 * The next field of a header block [*p, end): its name and its raw value,
 * which runs over continuation lines (lines that start with a space or tab).
 * Lines without a colon are passed over.  @return 0 at the end.
 */
static int next_field(const char **p, const char *end, const char **name, size_t *nlen,
		      const char **val, size_t *vlen)
{
	while (*p < end) {
		const char *line = *p;
		const char *eol = memchr(line, '\n', (size_t)(end - line));
		const char *next = eol ? eol + 1 : end;
		while (next < end && (*next == ' ' || *next == '\t')) {
			eol = memchr(next, '\n', (size_t)(end - next));
			next = eol ? eol + 1 : end;
		}
		*p = next;
		const char *colon = memchr(line, ':', (size_t)(next - line));
		if (!colon || colon == line || *line == ' ' || *line == '\t')
			continue;
		*name = line;
		*nlen = (size_t)(colon - line);
		while (*nlen && (line[*nlen - 1] == ' ' || line[*nlen - 1] == '\t'))
			(*nlen)--;
		*val = colon + 1;
		*vlen = (size_t)(next - *val);
		return 1;
	}
	return 0;
}

/* Copies a raw value into `b`: line breaks and the blanks around them
 * folded to one space, blanks trimmed, control bytes dropped. */
static enum wt_status put_value(struct wt__buf *b, const char *v, size_t n)
{
	b->len = 0;
	int space = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)v[i];
		if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
			space = b->len > 0;
			continue;
		}
		if (c < 0x20 || c == 0x7f)
			continue;
		enum wt_status st = space ? wt__buf_putc(b, ' ') : WT_OK;
		space = 0;
		if (!st)
			st = wt__buf_putc(b, (char)c);
		if (st == WT_ERR_LIMIT)
			break; /* a value that long is cut */
		if (st)
			return st;
	}
	if (!b->data && wt__buf_append(b, "", 0))
		return WT_ERR_NOMEM;
	return WT_OK;
}

/* Strips the <angle brackets> WARC/1.0 put around URIs. */
static void strip_angles(struct wt__buf *b)
{
	if (b->len >= 2 && b->data[0] == '<' && b->data[b->len - 1] == '>') {
		memmove(b->data, b->data + 1, b->len - 2);
		b->len -= 2;
		b->data[b->len] = 0;
	}
}

/* The charset parameter of a Content-Type value, lowercased; "" if none. */
static void charset_of(const char *ct, char *out, size_t cap)
{
	out[0] = 0;
	const char *p = ct;
	while ((p = strchr(p, ';'))) {
		p++;
		while (*p == ' ' || *p == '\t')
			p++;
		if (!starts_ci(p, strlen(p), "charset"))
			continue;
		p += 7;
		while (*p == ' ' || *p == '\t')
			p++;
		if (*p != '=')
			continue;
		p++;
		while (*p == ' ' || *p == '"' || *p == '\'')
			p++;
		size_t k = 0;
		while (*p && *p != ';' && *p != '"' && *p != '\'' && *p != ' ' && k + 1 < cap)
			out[k++] = (char)wt__lower((unsigned char)*p++);
		out[k] = 0;
		return;
	}
}

/* The media type of a Content-Type value (before ';'), lowercased. */
static void media_of(const char *ct, char *out, size_t cap)
{
	size_t k = 0;
	while (*ct == ' ')
		ct++;
	for (; *ct && *ct != ';' && *ct != ' ' && k + 1 < cap; ct++)
		if ((unsigned char)*ct > 0x20 && (unsigned char)*ct < 0x7f)
			out[k++] = (char)wt__lower((unsigned char)*ct);
	out[k] = 0;
}

static int is_html_media(const char *m)
{
	return !strcmp(m, "text/html") || !strcmp(m, "application/xhtml+xml");
}

/* Whether a body without a Content-Type looks like HTML. */
static int looks_html(const char *s, size_t n)
{
	size_t i = 0;
	if (n >= 3 && !memcmp(s, "\xEF\xBB\xBF", 3))
		i = 3;
	while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n'))
		i++;
	return starts_ci(s + i, n - i, "<!doctype html") || starts_ci(s + i, n - i, "<html") ||
	       starts_ci(s + i, n - i, "<head") || starts_ci(s + i, n - i, "<!--");
}

/* ---- tallies of records that are no article ----------------------------- */

#define TALLY_KINDS 6

/* Counts by name (a record type, a media type, a status), the first
 * TALLY_KINDS names kept and the rest counted as "other". */
struct tally {
	size_t n, other;
	size_t k;
	struct {
		char name[48];
		size_t n;
	} v[TALLY_KINDS];
};

static void tally(struct tally *t, const char *name)
{
	t->n++;
	char clean[48];
	size_t k = 0;
	for (const char *p = name; *p && k + 1 < sizeof(clean); p++)
		if ((unsigned char)*p > 0x20 && (unsigned char)*p < 0x7f)
			clean[k++] = *p;
	clean[k] = 0;
	if (!k)
		snprintf(clean, sizeof(clean), "none");
	for (size_t i = 0; i < t->k; i++)
		if (!strcmp(t->v[i].name, clean)) {
			t->v[i].n++;
			return;
		}
	if (t->k == TALLY_KINDS) {
		t->other++;
		return;
	}
	memcpy(t->v[t->k].name, clean, k + 1);
	t->v[t->k++].n = 1;
}

/* One diagnostic for a whole tally: "12 responses skipped: not HTML
 * (image/png 7, text/css 5)". */
static void tally_report(struct wt__input *in, const struct tally *t, const char *what)
{
	if (!t->n)
		return;
	char list[400];
	size_t k = 0;
	list[0] = 0;
	for (size_t i = 0; i < t->k && k < sizeof(list); i++)
		k += (size_t)snprintf(list + k, sizeof(list) - k, "%s%s %zu", i ? ", " : "",
				      t->v[i].name, t->v[i].n);
	if (t->other && k < sizeof(list))
		snprintf(list + k, sizeof(list) - k, ", other %zu", t->other);
	wt__report(in, WT_DIAG_SKIP, 0, -1, "%zu %s (%s)", t->n, what, list);
}

/* ---- HTTP bodies ---------------------------------------------------------- */

/*
 * Decodes a chunked body into `out`.  @return 1 when decoded to the last
 * chunk, 0 when it does not start like one (the crawler stored it decoded),
 * -1 when cut short or malformed after some chunks (what came before is
 * in `out`), -2 when out of memory, -3 over the limit.
 */
static int dechunk(const char *s, size_t n, struct wt__buf *out)
{
	size_t i = 0;
	int chunks = 0;
	for (;;) {
		size_t size = 0, digits = 0;
		while (i < n) {
			int c = wt__lower((unsigned char)s[i]);
			int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
			if (d < 0)
				break;
			if (size > (RECORD_MAX >> 4))
				return chunks ? -1 : 0;
			size = size * 16 + (size_t)d;
			digits++;
			i++;
		}
		if (!digits)
			return chunks ? -1 : 0;
		/* chunk extensions, then the line end */
		const char *eol = memchr(s + i, '\n', n - i);
		if (!eol)
			return chunks ? -1 : 0;
		i = (size_t)(eol - s) + 1;
		chunks++;
		if (size == 0)
			return 1; /* trailers are of no use here */
		enum wt_status st = wt__buf_append(out, s + i, WT_MIN(size, n - i));
		if (st)
			return st == WT_ERR_LIMIT ? -3 : -2;
		if (size > n - i)
			return -1;
		i += size;
		if (i < n && s[i] == '\r')
			i++;
		if (i < n && s[i] == '\n')
			i++;
	}
}

/*
 * Inflates a gzip, zlib or raw deflate body (Content-Encoding gzip or
 * deflate, which servers send in all three forms) into `out`.
 * @return 1 when whole, 0 when it is not compressed at all (stored
 * decoded), -1 when cut short or corrupt after some output, -2 when out of
 * memory, -3 over the limit.
 */
static int inflate_body(const char *s, size_t n, struct wt__buf *out)
{
	for (int attempt = 0; attempt < 2; attempt++) {
		z_stream z;
		memset(&z, 0, sizeof(z));
		if (inflateInit2(&z, attempt == 0 ? 32 + MAX_WBITS : -MAX_WBITS) != Z_OK)
			return -2;
		z.next_in = (unsigned char *)(uintptr_t)s;
		z.avail_in = (uInt)WT_MIN(n, (size_t)UINT32_MAX);
		unsigned char tmp[1 << 14];
		int r, res = 0;
		out->len = 0;
		do {
			z.next_out = tmp;
			z.avail_out = sizeof(tmp);
			r = inflate(&z, Z_NO_FLUSH);
			enum wt_status st = wt__buf_append(out, tmp, sizeof(tmp) - z.avail_out);
			if (r == Z_MEM_ERROR || st) {
				res = st == WT_ERR_LIMIT ? -3 : -2;
				break;
			}
			if (r == Z_STREAM_END) {
				res = 1;
				break;
			}
			if (r != Z_OK) {
				res = out->len ? -1 : 0;
				break;
			}
		} while (1);
		inflateEnd(&z);
		if (res)
			return res;
	}
	out->len = 0;
	return 0;
}

/* ---- records -------------------------------------------------------------- */

/* What the reader keeps across records; buffers are reused. */
/*
 * A page waiting in the batch: its body and header values copied, so the
 * reader can go on to the next record while the batch's pages are
 * extracted on every core.  The batch is added to the corpus in record
 * order, which keeps articles and diagnostics the same for any number of
 * threads.  It holds 16 pages a thread (at most BATCH_PAGES) and at most
 * BATCH_BYTES of bodies.
 */
struct job {
	char *body;
	size_t n;
	char *id, *url, *charset, *date; /* owned; NULL when absent */
	long long off;
	struct wt__page page;
	enum wt_status st;
};

#define BATCH_PAGES 256
#define BATCH_BYTES ((size_t)64 << 20)

struct reader {
	struct wt__input *in;
	struct src s;
	struct wt__buf type, uri, date, rid, ctype; /* header values */
	struct wt__buf body, body2;                  /* decoded HTTP bodies */
	struct tally other_types, not_html, status;
	struct job jobs[BATCH_PAGES];
	size_t njobs, batch_bytes, batch_max; /* batch_max: 16 pages a thread */
	int threads;
};

static void extract_job(void *ctx, size_t i)
{
	struct job *j = &((struct job *)ctx)[i];
	j->st = wt__html_extract(j->body, j->n, j->charset, j->url, &j->page);
}

static void job_release(struct job *j)
{
	wt__free(j->body);
	wt__free(j->id);
	wt__free(j->url);
	wt__free(j->charset);
	wt__free(j->date);
	memset(j, 0, sizeof(*j));
}

/* Extracts the batch's pages on every core and adds them in order. */
static enum wt_status flush_pages(struct reader *r)
{
	enum wt_status st = WT_OK;
	wt__parallel_for(r->njobs, r->threads, extract_job, r->jobs);
	for (size_t i = 0; i < r->njobs; i++) {
		struct job *j = &r->jobs[i];
		if (!st && j->st)
			st = j->st;
		if (!st)
			st = wt__add_page(r->in, &j->page, j->id, j->date, j->off);
		else if (!j->st)
			wt__page_release(&j->page);
		job_release(j);
	}
	r->njobs = 0;
	r->batch_bytes = 0;
	return st;
}

/* Queues a page; the batch is flushed when full. */
static enum wt_status queue_page(struct reader *r, const char *body, size_t n, const char *id,
				 const char *url, const char *charset, const char *date,
				 long long off)
{
	struct job *j = &r->jobs[r->njobs];
	memset(j, 0, sizeof(*j));
	j->body = wt__malloc(n + 1);
	if (!j->body)
		return WT_ERR_NOMEM;
	memcpy(j->body, body, n);
	j->n = n;
	j->off = off;
	if ((id && !(j->id = wt__strdup(id))) || (url && !(j->url = wt__strdup(url))) ||
	    (charset && !(j->charset = wt__strdup(charset))) ||
	    (date && !(j->date = wt__strdup(date)))) {
		job_release(j);
		return WT_ERR_NOMEM;
	}
	r->njobs++;
	r->batch_bytes += n;
	if (r->njobs >= r->batch_max || r->batch_bytes >= BATCH_BYTES)
		return flush_pages(r);
	return WT_OK;
}

/*
 * Reads one page body: decodes the HTTP codings named in `te` and `ce`
 * (NULL when absent) and hands the page to the HTML reader.  `off` is
 * where the page is for diagnostics.
 */
static enum wt_status read_page(struct reader *r, const char *body, size_t n,
				const char *te, const char *ce, const char *charset,
				long long off)
{
	struct wt__input *in = r->in;
	if (te && find(te, strlen(te), "chunked", 7)) {
		r->body.len = 0;
		int res = dechunk(body, n, &r->body);
		if (res == -2)
			return WT_ERR_NOMEM;
		if (res == -3) {
			wt__report(in, WT_DIAG_SKIP, 0, off,
				   "response skipped: body over %zu bytes once decoded", RECORD_MAX);
			return WT_OK;
		}
		if (res == -1)
			wt__report(in, WT_DIAG_WARNING, 0, off,
				   "chunked HTTP body cut short or malformed; read up to there");
		if (res) {
			body = r->body.data ? r->body.data : "";
			n = r->body.len;
		}
	}
	if (ce && *ce && !wt__eq_ci(ce, strlen(ce), "identity")) {
		if (!(wt__eq_ci(ce, strlen(ce), "gzip") || wt__eq_ci(ce, strlen(ce), "x-gzip") ||
		      wt__eq_ci(ce, strlen(ce), "deflate"))) {
			wt__report(in, WT_DIAG_SKIP, 0, off,
				   "response skipped: content encoding '%.40s' not supported", ce);
			return WT_OK;
		}
		r->body2.len = 0;
		int res = inflate_body(body, n, &r->body2);
		if (res == -2)
			return WT_ERR_NOMEM;
		if (res == -3) {
			wt__report(in, WT_DIAG_SKIP, 0, off,
				   "response skipped: body over %zu bytes once decompressed", RECORD_MAX);
			return WT_OK;
		}
		if (res == -1)
			wt__report(in, WT_DIAG_WARNING, 0, off,
				   "compressed HTTP body cut short or corrupt; read up to there");
		if (res) {
			body = r->body2.data ? r->body2.data : "";
			n = r->body2.len;
		}
	}
	const char *id = r->uri.len ? r->uri.data : r->rid.len ? r->rid.data : NULL;
	return queue_page(r, body, n, id, r->uri.len ? r->uri.data : NULL,
			  *charset ? charset : NULL, r->date.len ? r->date.data : NULL, off);
}

/* A response record's block: an HTTP message.  `off` is the diagnostic
 * offset of the record, `boff` that of its block. */
static enum wt_status read_response(struct reader *r, const char *blk, size_t n,
				    long long off, long long boff)
{
	struct wt__input *in = r->in;
	char media[64];
	media_of(r->ctype.len ? r->ctype.data : "", media, sizeof(media));
	if (*media && strcmp(media, "application/http")) {
		tally(&r->not_html, media); /* DNS answers, for one */
		return WT_OK;
	}
	if (!starts_ci(blk, n, "http/")) {
		wt__report(in, WT_DIAG_SKIP, 0, off, "response skipped: no HTTP status line");
		return WT_OK;
	}
	const char *h = blk, *end = blk + WT_MIN(n, HDR_MAX);
	const char *stop = find(h, (size_t)(end - h), "\r\n\r\n", 4);
	const char *lf = find(h, (size_t)(end - h), "\n\n", 2);
	size_t hlen;
	if (stop && (!lf || stop < lf))
		hlen = (size_t)(stop - h) + 4;
	else if (lf)
		hlen = (size_t)(lf - h) + 2;
	else if (n <= HDR_MAX)
		hlen = n; /* headers only, no body */
	else {
		wt__report(in, WT_DIAG_SKIP, 0, off, "response skipped: HTTP headers not ended");
		return WT_OK;
	}
	/* The status line: "HTTP/1.1 200 OK", "HTTP/2 404". */
	const char *p = h + 5, *hend = h + hlen;
	while (p < hend && *p != ' ' && *p != '\n')
		p++;
	while (p < hend && *p == ' ')
		p++;
	int status = 0, digits = 0;
	while (p < hend && *p >= '0' && *p <= '9' && digits < 3) {
		status = status * 10 + (*p++ - '0');
		digits++;
	}
	if (digits != 3) {
		wt__report(in, WT_DIAG_SKIP, 0, off, "response skipped: malformed HTTP status line");
		return WT_OK;
	}
	if (status < 200 || status > 299) {
		char code[16];
		snprintf(code, sizeof(code), "%d", status);
		tally(&r->status, code);
		return WT_OK;
	}
	const char *line_end = memchr(h, '\n', hlen);
	const char *q = line_end ? line_end + 1 : hend;
	const char *name, *val;
	size_t nlen, vlen;
	char ctype[256] = "", te[64] = "", ce[64] = "";
	struct wt__buf v;
	wt__buf_init(&v, 255);
	while (next_field(&q, hend, &name, &nlen, &val, &vlen)) {
		char *dst = wt__eq_ci(name, nlen, "content-type") ? ctype
			    : wt__eq_ci(name, nlen, "transfer-encoding") ? te
			    : wt__eq_ci(name, nlen, "content-encoding") ? ce : NULL;
		if (!dst)
			continue;
		if (put_value(&v, val, vlen)) {
			wt__buf_release(&v);
			return WT_ERR_NOMEM;
		}
		snprintf(dst, dst == ctype ? sizeof(ctype) : sizeof(te), "%s", v.data);
	}
	wt__buf_release(&v);
	const char *body = blk + hlen;
	size_t blen = n - hlen;
	media_of(ctype, media, sizeof(media));
	/* Pages served without a type are read when they look like HTML;
	 * a gzip-encoded body cannot be looked at before decoding, so it is
	 * taken on trust too. */
	if (*media ? !is_html_media(media) : !(looks_html(body, blen) || *ce)) {
		tally(&r->not_html, *media ? media : "none");
		return WT_OK;
	}
	char charset[64];
	charset_of(ctype, charset, sizeof(charset));
	return read_page(r, body, blen, te[0] ? te : NULL, ce[0] ? ce : NULL, charset,
			 r->s.gz ? off : boff + (long long)hlen);
}

/* One record's block, by its WARC-Type. */
static enum wt_status read_block(struct reader *r, const char *blk, size_t n,
				 long long off, long long boff)
{
	const char *type = r->type.len ? r->type.data : "none";
	if (!strcmp(type, "response"))
		return read_response(r, blk, n, off, boff);
	if (!strcmp(type, "resource")) {
		char media[64], charset[64];
		media_of(r->ctype.len ? r->ctype.data : "", media, sizeof(media));
		if (!(is_html_media(media) || (!*media && looks_html(blk, n)))) {
			tally(&r->not_html, *media ? media : "none");
			return WT_OK;
		}
		charset_of(r->ctype.len ? r->ctype.data : "", charset, sizeof(charset));
		return read_page(r, blk, n, NULL, NULL, charset, r->s.gz ? off : boff);
	}
	tally(&r->other_types, type);
	return WT_OK;
}

/*
 * Moves to the next line that starts with "WARC/1.", at the start of the
 * stream, after a newline or right after damaged data cut out.  Reports
 * what it passes over unless `quiet` or the skipped data held a cut (that
 * damage was reported already).  @return 1 when found, 0 at the end.
 */
static int resync(struct reader *r, int quiet)
{
	struct src *s = &r->s;
	long long from = s_pos(s);
	size_t junk = 0;
	int cut = 0, found = 0;
	for (;;) {
		if (s_fill(s, MAGIC_LEN) < MAGIC_LEN && s_avail(s) == 0)
			break;
		const unsigned char *p = s_ptr(s);
		size_t n = s_avail(s), i = 0;
		for (; i + MAGIC_LEN <= n; i++) {
			if (p[i] != 'W' || memcmp(p + i, MAGIC, MAGIC_LEN))
				continue;
			unsigned char before = i ? p[i - 1] : s_prev(s);
			if (before == '\n' || s_is_break(s, s_pos(s) + (long long)i) ||
			    s_pos(s) + (long long)i == 0) {
				found = 1;
				break;
			}
		}
		/* Keep a possible start cut by the window's end. */
		size_t take = found ? i : n >= MAGIC_LEN ? n - MAGIC_LEN + 1 : 0;
		for (size_t k = 0; k < take; k++)
			if (p[k] != '\r' && p[k] != '\n')
				junk++;
		cut |= s_broken(s, s_pos(s), s_pos(s) + (long long)take);
		s_consume(s, take);
		if (found)
			break;
		if (!s_more(s)) {
			/* The last few bytes cannot hold a record. */
			size_t rest = s_avail(s);
			for (size_t k = 0; k < rest; k++)
				if (s_ptr(s)[k] != '\r' && s_ptr(s)[k] != '\n')
					junk++;
			s_consume(s, rest);
			break;
		}
	}
	if (junk && !quiet && !cut && !s->st)
		wt__report(r->in, WT_DIAG_SKIP, 0, s_where(s, from),
			   "%zu bytes that are not a WARC record skipped", junk);
	return found;
}

/* The first "WARC/1.x" followed by a line end in [p, p + n), or NULL. */
static const char *version_line(const char *p, size_t n)
{
	const char *end = p + n;
	while ((p = find(p, (size_t)(end - p), MAGIC, MAGIC_LEN))) {
		const char *q = p + MAGIC_LEN;
		if (q < end && *q >= '0' && *q <= '9' &&
		    ((q + 1 < end && q[1] == '\n') || (q + 2 < end && q[1] == '\r' && q[2] == '\n')))
			return p;
		p++;
	}
	return NULL;
}

/* Where the header block at the window's start ends ("\r\n\r\n", or "\n\n"
 * from lax writers), reading more as needed.  @return its length, 0 when
 * not found within HDR_MAX or before the end. */
static size_t header_end(struct src *s)
{
	size_t searched = 0;
	for (;;) {
		size_t n = WT_MIN(s_avail(s), HDR_MAX);
		const char *p = (const char *)s_ptr(s);
		size_t from = searched > 3 ? searched - 3 : 0;
		const char *crlf = find(p + from, n - from, "\r\n\r\n", 4);
		const char *lf = find(p + from, n - from, "\n\n", 2);
		if (crlf && (!lf || crlf < lf))
			return (size_t)(crlf - p) + 4;
		if (lf)
			return (size_t)(lf - p) + 2;
		searched = n;
		if (n >= HDR_MAX || !s_more(s))
			return 0;
	}
}

/* Whether what follows a block is the record end "\r\n\r\n" (lax: fewer
 * line ends before the next record, before damaged data or at the end). */
static int trailer_ok(struct src *s, size_t at)
{
	s_fill(s, at + 4 + MAGIC_LEN);
	const unsigned char *p = s_ptr(s) + at;
	size_t n = s_avail(s) - at, k = 0;
	while (k < n && k < 4 && (p[k] == '\r' || p[k] == '\n'))
		k++;
	if (k == 4 || k == n)
		return 1;
	if (s_is_break(s, s_pos(s) + (long long)(at + k)))
		return 1;
	return k > 0 && n - k >= MAGIC_LEN && !memcmp(p + k, MAGIC, MAGIC_LEN);
}

/* Parses the WARC header block [h, h + n); values go to r's buffers.
 * @return 1 when it has a Content-Length, 0 when not, -1 out of memory. */
static int parse_header(struct reader *r, const char *h, size_t n, unsigned long long *clen)
{
	const char *line_end = memchr(h, '\n', n);
	const char *p = line_end ? line_end + 1 : h + n, *end = h + n;
	const char *name, *val;
	size_t nlen, vlen;
	int have_len = 0;
	r->type.len = r->uri.len = r->date.len = r->rid.len = r->ctype.len = 0;
	while (next_field(&p, end, &name, &nlen, &val, &vlen)) {
		struct wt__buf *dst = wt__eq_ci(name, nlen, "warc-type") ? &r->type
				      : wt__eq_ci(name, nlen, "warc-target-uri") ? &r->uri
				      : wt__eq_ci(name, nlen, "warc-date") ? &r->date
				      : wt__eq_ci(name, nlen, "warc-record-id") ? &r->rid
				      : wt__eq_ci(name, nlen, "content-type") ? &r->ctype : NULL;
		if (dst) {
			if (put_value(dst, val, vlen))
				return -1;
			continue;
		}
		if (!wt__eq_ci(name, nlen, "content-length"))
			continue;
		size_t i = 0;
		while (i < vlen && (val[i] == ' ' || val[i] == '\t'))
			i++;
		unsigned long long v = 0;
		size_t digits = 0;
		while (i < vlen && val[i] >= '0' && val[i] <= '9' && digits < 19) {
			v = v * 10 + (unsigned long long)(val[i++] - '0');
			digits++;
		}
		while (i < vlen && (val[i] == ' ' || val[i] == '\t' || val[i] == '\r' || val[i] == '\n'))
			i++;
		if (digits && i == vlen) {
			*clen = v;
			have_len = 1;
		}
	}
	strip_angles(&r->uri);
	strip_angles(&r->rid);
	for (size_t i = 0; i < r->type.len; i++)
		r->type.data[i] = (char)wt__lower((unsigned char)r->type.data[i]);
	return have_len;
}

/* Reads records until the end of the input. */
static enum wt_status read_records(struct reader *r)
{
	struct src *s = &r->s;
	enum wt_status st = WT_OK;
	int quiet = 0, at_record = 0;
	while (!st && !s->st && (at_record || resync(r, quiet))) {
		quiet = at_record = 0;
		long long rec = s_pos(s);
		long long off = s_where(s, rec);
		size_t hlen = header_end(s);
		if (s->st)
			break;
		if (!hlen) {
			if (!s_broken(s, rec, s_end(s)))
				wt__report(r->in, WT_DIAG_SKIP, 0, off,
					   s_avail(s) >= HDR_MAX ? "record skipped: WARC header over %zu bytes"
					   : "record truncated: its WARC header does not end", HDR_MAX);
			s_consume(s, MAGIC_LEN);
			quiet = 1;
			continue;
		}
		/* A header cut short runs into the next record's, maybe in
		 * the middle of a line. */
		const char *next = version_line((const char *)s_ptr(s) + MAGIC_LEN,
						hlen - MAGIC_LEN);
		if (next) {
			if (!s_broken(s, rec, rec + (long long)hlen))
				wt__report(r->in, WT_DIAG_SKIP, 0, off,
					   "record truncated: the next record starts inside its header");
			s_consume(s, (size_t)(next + 1 - (const char *)s_ptr(s)));
			at_record = 1;
			continue;
		}
		unsigned long long clen = 0;
		int have = parse_header(r, (const char *)s_ptr(s), hlen, &clen);
		if (have < 0) {
			st = WT_ERR_NOMEM;
			break;
		}
		if (s_broken(s, rec, rec + (long long)hlen)) {
			s_consume(s, MAGIC_LEN); /* damage reported already */
			quiet = 1;
			continue;
		}
		if (!have) {
			wt__report(r->in, WT_DIAG_SKIP, 0, off,
				   "record skipped: no valid Content-Length in its WARC header");
			s_consume(s, hlen);
			quiet = 1;
			continue;
		}
		if (clen > RECORD_MAX) {
			/* Streamed past, never held. */
			s_consume(s, hlen);
			unsigned long long left = clen;
			while (left) {
				size_t got = s_fill(s, (size_t)WT_MIN(left, (unsigned long long)CHUNK));
				if (!got)
					break;
				size_t k = (size_t)WT_MIN(left, (unsigned long long)got);
				s_consume(s, k);
				left -= k;
			}
			wt__report(r->in, WT_DIAG_SKIP, 0, off,
				   left ? "record truncated: block of %llu bytes over the limit of %zu"
				   : "record skipped: block of %llu bytes over the limit of %zu",
				   clen, RECORD_MAX);
			quiet = 1;
			continue;
		}
		size_t need = hlen + (size_t)clen;
		size_t got = s_fill(s, need);
		if (s->st)
			break;
		if (s_broken(s, rec, rec + (long long)WT_MIN(need, got))) {
			/* The member holding it was damaged: reported already. */
			s_consume(s, MAGIC_LEN);
			quiet = 1;
			continue;
		}
		if (got < need) {
			wt__report(r->in, WT_DIAG_SKIP, 0, off,
				   "record truncated: %zu of its %llu bytes present",
				   got - hlen, clen);
			s_consume(s, hlen); /* a record may start in what is left */
			quiet = 1;
			continue;
		}
		const char *blk = (const char *)s_ptr(s) + hlen;
		if (!trailer_ok(s, need)) {
			blk = (const char *)s_ptr(s) + hlen; /* the window may have moved */
			/* The next record starts inside this one's length: this
			 * one was cut short, maybe in the middle of a line. */
			const char *inside = version_line(blk, (size_t)clen);
			if (inside) {
				wt__report(r->in, WT_DIAG_SKIP, 0, off,
					   "record truncated: the next record starts inside its "
					   "Content-Length of %llu", clen);
				s_consume(s, hlen + (size_t)(inside - blk));
				at_record = 1;
				continue;
			}
		}
		blk = (const char *)s_ptr(s) + hlen;
		st = read_block(r, blk, (size_t)clen, off, rec + (long long)hlen);
		s_consume(s, need);
	}
	if (!st)
		st = s->st;
	return st;
}

int wt__gzip_is_warc(const char *data, size_t len)
{
	if (!is_gz_magic((const unsigned char *)data, len))
		return 0;
	z_stream z;
	memset(&z, 0, sizeof(z));
	if (inflateInit2(&z, 16 + MAX_WBITS) != Z_OK)
		return 0;
	unsigned char out[MAGIC_LEN];
	z.next_in = (unsigned char *)(uintptr_t)data;
	z.avail_in = (uInt)WT_MIN(len, (size_t)UINT32_MAX);
	z.next_out = out;
	z.avail_out = sizeof(out);
	int r;
	do
		r = inflate(&z, Z_NO_FLUSH);
	while (r == Z_OK && z.avail_out);
	inflateEnd(&z);
	return z.avail_out == 0 && !memcmp(out, MAGIC, MAGIC_LEN);
}

enum wt_status wt__read_warc(struct wt__input *in, const char *data, size_t len)
{
	struct reader r;
	memset(&r, 0, sizeof(r));
	r.in = in;
	r.s.in = in;
	r.s.data = (const unsigned char *)data;
	r.s.len = len;
	r.s.gz = is_gz_magic(r.s.data, len);
	r.s.prev = '\n';
	r.threads = wt__threads(in->corpus->threads);
	r.batch_max = WT_MIN((size_t)BATCH_PAGES, (size_t)r.threads * 16);
	wt__buf_init(&r.type, 64);
	wt__buf_init(&r.uri, WT_MAX_FIELD);
	wt__buf_init(&r.date, 256);
	wt__buf_init(&r.rid, WT_MAX_FIELD);
	wt__buf_init(&r.ctype, 1024);
	wt__buf_init(&r.body, RECORD_MAX);
	wt__buf_init(&r.body2, RECORD_MAX);
	size_t before = in->corpus->stats.skipped + in->corpus->stats.articles;
	enum wt_status st = read_records(&r);
	if (!st)
		st = flush_pages(&r);
	for (size_t i = 0; i < r.njobs; i++) /* left by an error */
		job_release(&r.jobs[i]);
	if (!st) {
		tally_report(in, &r.other_types, "records skipped: not pages");
		tally_report(in, &r.not_html, "responses skipped: not HTML");
		tally_report(in, &r.status, "responses skipped: HTTP status not 2xx");
		if (in->corpus->stats.skipped + in->corpus->stats.articles == before)
			wt__report(in, WT_DIAG_SKIP, 0, -1,
				   len ? "input skipped: no WARC record found" : "input skipped: empty");
	}
	s_release(&r.s);
	wt__buf_release(&r.type);
	wt__buf_release(&r.uri);
	wt__buf_release(&r.date);
	wt__buf_release(&r.rid);
	wt__buf_release(&r.ctype);
	wt__buf_release(&r.body);
	wt__buf_release(&r.body2);
	return st;
}
