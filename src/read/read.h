/*
 * read.h - the corpus and the table of input readers.  Each format has one
 * file (read_text.c, read_jsonl.c) with one function that turns an input
 * held in memory into articles, reporting and counting what it skips.
 */
#ifndef WT_READ_H
#define WT_READ_H

#include "core/arena.h"
#include "core/core.h"

#define WT_MAX_TEXT (16u << 20)     /* longest article text kept */
#define WT_MAX_FIELD (64u << 10)    /* longest metadata field kept */
#define WT_MAX_INPUT ((size_t)8 << 30) /* largest single input read */

struct wt_corpus {
	struct wt_article *arts; /* owned; strings live in `arena` */
	size_t n, cap;
	struct wt__arena arena;
	struct wt__map ids;      /* hash(id) -> index + 1 */
	wt_diag_fn diag;
	void *diag_ud;
	struct wt_read_stats stats;
	int threads;             /* for extracting pages; 0: every core */
	int keep_ids;            /* 1: repeated ids are not renamed */
};

/* Where a reader is in its input, for diagnostics. */
struct wt__input {
	struct wt_corpus *corpus;
	const char *name;     /* as given by the user */
	const char *id_base;  /* id of a text file */
};

/* Reports a diagnostic and counts it.  `line` 0 and `offset` -1 mean none. */
void wt__report(struct wt__input *in, enum wt_diag_kind kind, long long line,
		long long offset, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));

/*
 * Adds an article whose strings may be unterminated slices (lengths given;
 * a NULL pointer is an absent field).  Repairs invalid UTF-8 in every field,
 * reporting offsets relative to `text_offset` in the input.
 * @return WT_OK, WT_ERR_NOMEM; a record without usable text is reported,
 * skipped and still WT_OK.
 */
struct wt__fields {
	const char *id, *url, *site, *date, *title, *text, *byline;
	size_t id_len, url_len, site_len, date_len, title_len, text_len, byline_len;
	long long line;        /* line of the record, 0 if none */
	long long text_offset; /* byte offset of the text in the input */
	long long text_bad_offset; /* where the text's first invalid UTF-8
				    * is in the input when escapes moved it;
				    * -1 when text_offset + offset is right */
	unsigned owned; /* WT__OWN_* bits: fields that are already valid,
			 * trimmed, NUL-terminated copies in the corpus's
			 * arena (made by a reading thread), taken as they are */
};
#define WT__OWN_ID 1u
#define WT__OWN_URL 2u
#define WT__OWN_SITE 4u
#define WT__OWN_DATE 8u
#define WT__OWN_TITLE 16u
#define WT__OWN_TEXT 32u
enum wt_status wt__corpus_add_fields(struct wt__input *in,
				     const struct wt__fields *f);
/* Trims the ASCII spaces, tabs and line ends around a field (NULL stays). */
void wt__trim_field(const char **s, size_t *n);

/*
 * The date a news URL carries: /2019/11/19/, /2019-11-19/, /20191119/,
 * /2019/nov/19/, /2019-11/19/ in the path (not the host, nor the query),
 * or such a date inside a path segment ("-20191119,0,", "story-2019-11-19-").
 * A date followed by a time ("2019-11-19-07-57-48") is none.  Writes
 * "YYYY-MM-DD" to out and, when time is not NULL, its midnight UTC to
 * *time.  @return 2 for a date that is a whole path segment
 * (a permalink's: taken first), 1 for one inside a segment, 0 for none.
 */
int wt__url_date(const char *url, char out[11], int64_t *time);

/* One reader per format. */
enum wt_status wt__read_text(struct wt__input *in, const char *data, size_t len);
enum wt_status wt__read_jsonl(struct wt__input *in, const char *data, size_t len);
/* The lines of data[from, to) (from at a line's start), numbered from
 * lines_before + 1, with byte offsets counted from data. */
enum wt_status wt__read_jsonl_lines(struct wt__input *in, const char *data, size_t from,
				    size_t to, long long lines_before);
enum wt_status wt__read_warc(struct wt__input *in, const char *data, size_t len);
/* @return 1 when gzip data inflates to a WARC record's first line. */
int wt__gzip_is_warc(const char *data, size_t len);
/* wt__read_html is in read/html.h, with the rest of the page extraction. */

#endif
