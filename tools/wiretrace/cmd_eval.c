/*
 * cmd_eval.c - `wiretrace eval`: scores the JSON Lines results of
 * `wiretrace run` against gold labels, so that every change to the pipeline
 * can be measured on real corpora.
 *
 * Gold files are TSV with a header, and the header says what they hold:
 * - story labels ("id" and "story" columns): the predicted `story` and
 *   `family` of each article are scored as clusterings (pairwise, B-cubed,
 *   ARI) over the ids found both in gold and in the results;
 * - graded pairs ("source", "copy" and "relation" columns): each gold pair
 *   gets a predicted class (verbatim, edited, rewrite, independent) from the
 *   results' source links, or else from the coverage in a pair record, and
 *   the classes are compared in a confusion matrix; how many derived pairs
 *   were linked at all, and in which direction, is reported too.
 *
 * Gold files are read first, so that while the results stream by (they may
 * hold a million articles) only what scoring needs is kept: a small record
 * per article, keyed by the 64-bit hash of its id, and the pair records
 * between gold pairs.  Two different ids with one hash would look like a
 * duplicate id; at 64 bits that is not expected to happen.
 *
 * Bad lines in any input are reported with file and line, counted and
 * skipped; ids that gold names and the results lack are reported once per
 * gold file, with a count.
 */
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "cli.h"
#include "core/core.h"

#define EVAL_USAGE \
	"usage: wiretrace eval --gold GOLD [--gold GOLD...] [--json]\n" \
	"                      [--verbatim-min X] [--edited-min X] RESULTS\n"

#define MAX_GOLD 16                  /* --gold files in one run */
#define LINE_MAX_BYTES (64u << 20)   /* longest input line accepted */
#define BLOCK_BYTES (1u << 16)       /* read size */
#define MAX_SHOWN 100                /* bad lines printed per input */
#define MAX_ARTICLES ((size_t)1 << 30)
#define MAX_ROWS ((size_t)1 << 28)   /* gold rows per file */
#define POOL_MAX ((size_t)1 << 31)   /* bytes of gold ids kept */
#define MAX_FIELDS 64                /* TSV columns looked at */

/* Derivation classes that gold pairs are graded in. */
enum eval_class { CLS_VERBATIM, CLS_EDITED, CLS_REWRITE, CLS_INDEPENDENT, N_CLS };

static const char *const class_names[N_CLS] = {"verbatim", "edited",
					       "rewrite", "independent"};

/* Gold relation names of the corpora in use, and the class each means. */
static const struct {
	const char *name;
	enum eval_class cls;
} gold_relations[] = {
	{"wholly_derived", CLS_VERBATIM}, {"cut", CLS_VERBATIM},
	{"duplicate", CLS_VERBATIM}, {"verbatim", CLS_VERBATIM},
	{"partially_derived", CLS_EDITED}, {"light", CLS_EDITED},
	{"edited", CLS_EDITED},
	{"heavy", CLS_REWRITE}, {"rewrite", CLS_REWRITE},
	{"non_derived", CLS_INDEPENDENT}, {"non", CLS_INDEPENDENT},
	{"independent", CLS_INDEPENDENT},
};

enum gold_kind { GOLD_STORIES, GOLD_PAIRS };

/* A line reader over a file or standard input, with its own bad-line count. */
struct reader {
	FILE *f;
	const char *name;   /* borrowed: the path as given */
	char *block;        /* owned, BLOCK_BYTES */
	size_t pos, end;
	int eof, failed, too_long;
	struct wt__buf line; /* owned: the current line, NUL-terminated */
	long long lineno;
	size_t bad, shown;
};

/* One row of a story gold file. */
struct gold_story {
	uint64_t id, label;
	size_t name; /* offset of the id in the pool */
};

/* One row of a graded-pair gold file. */
struct gold_pair {
	uint64_t s, c;
	size_t s_name, c_name; /* offsets in the pool */
	size_t link;           /* index in eval.links */
	enum eval_class cls;
};

/* Scores of one gold file. */
struct gold {
	const char *path; /* borrowed from argv */
	enum gold_kind kind;
	size_t bad;
	struct gold_story *stories; /* owned */
	struct gold_pair *pairs;    /* owned */
	size_t n, cap;              /* rows of stories or pairs */

	size_t scored, missing, not_in_gold;
	int have_scores; /* stories: at least one id was in the results */
	struct wt_cluster_scores story, family;

	size_t confusion[N_CLS][N_CLS]; /* [gold][predicted] */
	size_t reversed_links;          /* class taken from the reversed link */
	size_t found[N_CLS], derived[N_CLS];
	size_t dir_found, dir_ok, dir_reversed, dir_neither;
};

/* An unordered pair named in gold, and the best pair record seen for it. */
struct link {
	uint64_t lo, hi;
	double cov_lo, cov_hi; /* coverage of lo and of hi */
	int seen;
};

/* What is kept of an article record. */
struct article {
	uint64_t id, story, family;
	uint64_t source; /* id hash, 0 for none */
	double coverage; /* -1 when absent */
	long long line;
	int rel;         /* enum wt_relation, or -1 when absent or unknown */
};

/* Everything one `wiretrace eval` run holds. */
struct eval {
	double verbatim_min, edited_min;
	int json;
	const char *results; /* borrowed from argv */

	struct gold gold[MAX_GOLD];
	size_t n_gold;
	struct wt__buf pool; /* gold ids, NUL-separated */

	struct link *links; /* owned */
	size_t n_links, cap_links;
	struct wt__map link_map; /* pair key -> index in links */

	struct article *arts; /* owned */
	size_t n_arts, cap_arts;
	struct wt__map art_map; /* id hash -> index in arts */

	size_t pair_records, other_records, results_bad;
	size_t unknown_rel, unknown_source;
	long long unknown_rel_line, unknown_source_line;
};

/* ---- small helpers ----------------------------------------------------- */

/* @return the map key of an id: its hash, never 0. */
static uint64_t id_key(const char *s, size_t len)
{
	uint64_t h = wt__hash(s, len);
	return h ? h : 1;
}

/* @return the map key of the unordered pair {a, b}, never 0. */
static uint64_t pair_key(uint64_t a, uint64_t b)
{
	uint64_t lo = WT_MIN(a, b), hi = WT_MAX(a, b);
	uint64_t k = wt__mix64(lo ^ wt__mix64(hi + 0x9e3779b97f4a7c15ULL));
	return k ? k : 1;
}

/* @return the map key of the ordered pair (a, b), never 0. */
static uint64_t ordered_key(uint64_t a, uint64_t b)
{
	uint64_t k = wt__mix64(a + 0x632be59bd9b4e019ULL) ^ wt__mix64(b) * 3;
	return k ? k : 1;
}

/* @return 1 for the failures that bad input causes (already reported where
 * they happened), 0 for the internal ones. */
static int input_fault(enum wt_status st)
{
	return st == WT_ERR_IO || st == WT_ERR_PARSE || st == WT_ERR_LIMIT;
}

/* Copies `len` bytes of `s` and a NUL into the pool; *off gets their
 * offset.  @return WT_OK, WT_ERR_NOMEM or WT_ERR_LIMIT. */
static enum wt_status pool_add(struct wt__buf *pool, const char *s, size_t len,
			       size_t *off)
{
	*off = pool->len;
	enum wt_status st = wt__buf_append(pool, s, len);
	return st ? st : wt__buf_append(pool, "", 1);
}

/* @return the id stored at `off`; borrowed from the pool. */
static const char *pool_str(const struct wt__buf *pool, size_t off)
{
	return pool->data + off;
}

/* @return the class a threshold puts coverage `cov` in. */
static enum eval_class class_of_coverage(const struct eval *ev, double cov)
{
	if (cov >= ev->verbatim_min)
		return CLS_VERBATIM;
	if (cov >= ev->edited_min)
		return CLS_EDITED;
	return CLS_INDEPENDENT;
}

/* @return the class of an article's relation to its source; an unknown
 * relation falls back to the article's coverage. */
static enum eval_class class_of_article(const struct eval *ev,
					const struct article *a)
{
	switch (a->rel) {
	case WT_REL_DUPLICATE:
	case WT_REL_VERBATIM:
		return CLS_VERBATIM;
	case WT_REL_EDITED:
		return CLS_EDITED;
	case WT_REL_REWRITE:
		return CLS_REWRITE;
	case WT_REL_ORIGINAL:
	case WT_REL_INDEPENDENT:
		return CLS_INDEPENDENT;
	default:
		return a->coverage >= 0 ? class_of_coverage(ev, a->coverage)
					: CLS_INDEPENDENT;
	}
}

/* @return the article whose id hashes to `id`, or NULL. */
static const struct article *find_article(const struct eval *ev, uint64_t id)
{
	const uint64_t *v = wt__map_get(&ev->art_map, id);
	return v ? &ev->arts[*v] : NULL;
}

/*
 * The article whose text `id` repeats: its source while it is a duplicate
 * (the same text after cleaning), else id itself.  Of identical texts,
 * which one the copies name as their source is arbitrary, so either
 * counts as the gold's.
 */
static uint64_t same_text_root(const struct eval *ev, uint64_t id)
{
	const struct article *a = find_article(ev, id);
	for (size_t steps = 0; a && a->rel == WT_REL_DUPLICATE && a->source && steps < ev->n_arts;
	     steps++) {
		id = a->source;
		a = find_article(ev, id);
	}
	return id;
}

/* @return 1 when following source links up from `a` reaches `target` or
 * the text it repeats.  Cycles end the walk after as many steps as there
 * are articles. */
static int has_ancestor(const struct eval *ev, const struct article *a,
			uint64_t target)
{
	uint64_t root = same_text_root(ev, target);
	for (size_t steps = 0; a && a->source && steps < ev->n_arts; steps++) {
		if (a->source == target || a->source == root)
			return 1;
		a = find_article(ev, a->source);
	}
	return 0;
}

/*
 * Whether article a took its text from `target` (or the text it repeats)
 * through copies of it: its source is target, or a duplicate or verbatim
 * copy of target (a rewrite of a wire story's reprint rewrote the wire
 * story).
 */
static int copied_from(const struct eval *ev, const struct article *a, uint64_t target)
{
	if (!a->source)
		return 0;
	uint64_t root = same_text_root(ev, target);
	const struct article *s = a;
	for (size_t steps = 0; s && s->source && steps < ev->n_arts; steps++) {
		if (s->source == target || s->source == root)
			return 1;
		s = find_article(ev, s->source);
		if (!s || (s->rel != WT_REL_DUPLICATE && s->rel != WT_REL_VERBATIM))
			return 0;
	}
	return 0;
}

/* @return num / den, or NAN (printed "-" or null) when den is 0. */
static double ratio(double num, double den)
{
	return den > 0 ? num / den : NAN;
}

/* ---- reading lines ----------------------------------------------------- */

/* Opens `path` ("-": standard input) for reading lines.
 * @return WT_OK, WT_ERR_IO (message printed), WT_ERR_NOMEM. */
static enum wt_status reader_open(struct reader *r, const char *path)
{
	memset(r, 0, sizeof(*r));
	r->name = path;
	wt__buf_init(&r->line, LINE_MAX_BYTES);
	r->block = wt__malloc(BLOCK_BYTES);
	if (!r->block)
		return WT_ERR_NOMEM;
	if (strcmp(path, "-") == 0) {
		r->f = stdin;
		return WT_OK;
	}
	r->f = fopen(path, "rb");
	if (!r->f) {
		cli_error("cannot open \"%s\": %s", path, strerror(errno));
		return WT_ERR_IO;
	}
	return WT_OK;
}

/* Closes the file (not standard input) and frees the buffers. */
static void reader_close(struct reader *r)
{
	if (r->f && r->f != stdin)
		fclose(r->f);
	r->f = NULL;
	wt__free(r->block);
	r->block = NULL;
	wt__buf_release(&r->line);
}

/*
 * Reads the next line into r->line, without its "\n" or "\r\n".  A line
 * longer than LINE_MAX_BYTES is consumed and flagged in r->too_long.
 * @return 1 with a line, 0 at the end or on failure (r->failed: a read
 * error, WT_ERR_NOMEM in *st).
 */
static int reader_next(struct reader *r, enum wt_status *st)
{
	int any = 0;
	r->line.len = 0;
	if (r->line.data)
		r->line.data[0] = 0;
	r->too_long = 0;
	for (;;) {
		if (r->pos == r->end) {
			if (r->eof)
				break;
			r->pos = 0;
			r->end = fread(r->block, 1, BLOCK_BYTES, r->f);
			if (r->end == 0) {
				r->eof = 1;
				if (ferror(r->f)) {
					r->failed = 1;
					cli_error("cannot read \"%s\": %s", r->name,
						  strerror(errno));
					*st = WT_ERR_IO;
					return 0;
				}
				break;
			}
		}
		any = 1;
		char *start = r->block + r->pos;
		char *nl = memchr(start, '\n', r->end - r->pos);
		size_t take = nl ? (size_t)(nl - start) : r->end - r->pos;
		if (!r->too_long) {
			enum wt_status ast = wt__buf_append(&r->line, start, take);
			if (ast == WT_ERR_LIMIT) {
				r->too_long = 1;
			} else if (ast) {
				r->failed = 1;
				*st = ast;
				return 0;
			}
		}
		r->pos += take;
		if (nl) {
			r->pos++;
			break;
		}
	}
	if (!any)
		return 0;
	r->lineno++;
	if (r->line.len && r->line.data[r->line.len - 1] == '\r')
		r->line.data[--r->line.len] = 0;
	return 1;
}

/* @return the current line, NUL-terminated; borrowed from the reader. */
static char *reader_line(struct reader *r)
{
	static char empty[1];
	return r->line.data ? r->line.data : empty;
}

/* Reports a bad line of `r` as "wiretrace: FILE:LINE: message" and counts
 * it; after MAX_SHOWN of them, or with --quiet, they are only counted (the
 * summary line still gives the count). */
static void bad_line(struct reader *r, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void bad_line(struct reader *r, const char *fmt, ...)
{
	r->bad++;
	if (cli_quiet || r->shown > MAX_SHOWN)
		return;
	if (r->shown++ == MAX_SHOWN) {
		cli_error("%s: more bad lines; only counting them now", r->name);
		return;
	}
	char msg[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	cli_error("%s:%lld: %s", r->name, r->lineno, msg);
}

/* @return 1 when the line holds only spaces and tabs. */
static int is_blank(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (s[i] != ' ' && s[i] != '\t')
			return 0;
	return 1;
}

/* ---- gold files -------------------------------------------------------- */

/* A TSV field: a NUL-terminated slice of the line, spaces trimmed. */
struct field {
	char *s;
	size_t len;
};

/* Splits `line` at tabs in place, storing at most MAX_FIELDS fields.
 * @return the number of fields stored. */
static size_t split_tsv(char *line, size_t len, struct field *f)
{
	size_t n = 0;
	char *p = line, *end = line + len;
	while (n < MAX_FIELDS) {
		char *tab = memchr(p, '\t', (size_t)(end - p));
		char *stop = tab ? tab : end;
		*stop = 0;
		char *a = p, *b = stop;
		while (a < b && *a == ' ')
			a++;
		while (b > a && b[-1] == ' ')
			*--b = 0;
		f[n].s = a;
		f[n].len = (size_t)(b - a);
		n++;
		if (!tab)
			break;
		p = tab + 1;
	}
	return n;
}

/* @return the index of the header column named `name`, or -1. */
static int column(const struct field *f, size_t n, const char *name)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(f[i].s, name) == 0)
			return (int)i;
	return -1;
}

/* Adds a row of a story gold file.  @return WT_OK (bad rows reported and
 * skipped), WT_ERR_NOMEM, WT_ERR_LIMIT. */
static enum wt_status gold_story_row(struct eval *ev, struct gold *g,
				     struct reader *r, struct wt__map *seen,
				     const struct field *f, size_t nf,
				     int col_id, int col_story)
{
	if ((size_t)WT_MAX(col_id, col_story) >= nf) {
		bad_line(r, "expected %d columns, found %zu",
			 WT_MAX(col_id, col_story) + 1, nf);
		return WT_OK;
	}
	const struct field *id = &f[col_id], *story = &f[col_story];
	if (!id->len || !story->len) {
		bad_line(r, "empty %s", id->len ? "story" : "id");
		return WT_OK;
	}
	uint64_t key = id_key(id->s, id->len), *slot;
	int found;
	enum wt_status st = wt__map_put(seen, key, 0, &slot, &found);
	if (st)
		return st;
	if (found) {
		bad_line(r, "duplicate id \"%s\"", id->s);
		return WT_OK;
	}
	st = WT_GROW(g->stories, g->cap, g->n + 1, MAX_ROWS);
	if (st)
		return st;
	struct gold_story *row = &g->stories[g->n];
	row->id = key;
	row->label = wt__hash(story->s, story->len);
	st = pool_add(&ev->pool, id->s, id->len, &row->name);
	if (st)
		return st;
	g->n++;
	return WT_OK;
}

/* Adds a row of a graded-pair gold file and registers its link.
 * @return WT_OK (bad rows reported and skipped), WT_ERR_NOMEM,
 * WT_ERR_LIMIT. */
static enum wt_status gold_pair_row(struct eval *ev, struct gold *g,
				    struct reader *r, struct wt__map *seen,
				    const struct field *f, size_t nf,
				    const int col[3])
{
	int need = WT_MAX(col[0], WT_MAX(col[1], col[2]));
	if ((size_t)need >= nf) {
		bad_line(r, "expected %d columns, found %zu", need + 1, nf);
		return WT_OK;
	}
	const struct field *s = &f[col[0]], *c = &f[col[1]], *rel = &f[col[2]];
	if (!s->len || !c->len || !rel->len) {
		bad_line(r, "empty %s",
			 !s->len ? "source" : !c->len ? "copy" : "relation");
		return WT_OK;
	}
	size_t k = 0, nrel = sizeof(gold_relations) / sizeof(gold_relations[0]);
	while (k < nrel && strcmp(gold_relations[k].name, rel->s) != 0)
		k++;
	if (k == nrel) {
		bad_line(r, "unknown relation \"%s\"", rel->s);
		return WT_OK;
	}
	uint64_t sk = id_key(s->s, s->len), ck = id_key(c->s, c->len);
	if (sk == ck) {
		bad_line(r, "source and copy are the same id \"%s\"", s->s);
		return WT_OK;
	}
	uint64_t *slot;
	int found;
	enum wt_status st = wt__map_put(seen, ordered_key(sk, ck), 0, &slot,
					&found);
	if (st)
		return st;
	if (found) {
		bad_line(r, "duplicate pair \"%s\" \"%s\"", s->s, c->s);
		return WT_OK;
	}
	st = WT_GROW(g->pairs, g->cap, g->n + 1, MAX_ROWS);
	if (st)
		return st;
	struct gold_pair *row = &g->pairs[g->n];
	row->s = sk;
	row->c = ck;
	row->cls = gold_relations[k].cls;
	if ((st = pool_add(&ev->pool, s->s, s->len, &row->s_name)) ||
	    (st = pool_add(&ev->pool, c->s, c->len, &row->c_name)))
		return st;

	/* One link per unordered pair, shared by every gold file; room for it
	 * is made first, so the map never points past the end of links. */
	st = WT_GROW(ev->links, ev->cap_links, ev->n_links + 1, MAX_ROWS);
	if (st)
		return st;
	st = wt__map_put(&ev->link_map, pair_key(sk, ck), ev->n_links, &slot,
			 &found);
	if (st)
		return st;
	if (!found) {
		struct link *l = &ev->links[ev->n_links++];
		l->lo = WT_MIN(sk, ck);
		l->hi = WT_MAX(sk, ck);
		l->cov_lo = l->cov_hi = 0;
		l->seen = 0;
	}
	row->link = (size_t)*slot;
	g->n++;
	return WT_OK;
}

/*
 * Reads gold file g->path: detects its kind from the header and keeps its
 * rows.  @return WT_OK (bad rows reported and counted), WT_ERR_IO or
 * WT_ERR_PARSE (unreadable, or no known header; message printed),
 * WT_ERR_NOMEM, WT_ERR_LIMIT.
 */
static enum wt_status read_gold(struct eval *ev, struct gold *g)
{
	struct reader r;
	struct wt__map seen = {0};
	struct field f[MAX_FIELDS];
	enum wt_status st = reader_open(&r, g->path);
	if (st)
		goto done;
	if ((st = wt__map_init(&seen, 1024)))
		goto done;

	if (!reader_next(&r, &st)) {
		if (!r.failed) {
			cli_error("%s: empty gold file", g->path);
			st = WT_ERR_PARSE;
		}
		goto done;
	}
	char *line = reader_line(&r);
	size_t len = r.line.len;
	if (len >= 3 && memcmp(line, "\xEF\xBB\xBF", 3) == 0) {
		line += 3;
		len -= 3;
	}
	size_t nf = split_tsv(line, len, f);
	int col_id = column(f, nf, "id"), col_story = column(f, nf, "story");
	int col_pair[3] = {column(f, nf, "source"), column(f, nf, "copy"),
			   column(f, nf, "relation")};
	if (col_id >= 0 && col_story >= 0) {
		g->kind = GOLD_STORIES;
	} else if (col_pair[0] >= 0 && col_pair[1] >= 0 && col_pair[2] >= 0) {
		g->kind = GOLD_PAIRS;
	} else {
		cli_error("%s:1: unknown gold header; expected columns \"id\" and "
			  "\"story\", or \"source\", \"copy\" and \"relation\"",
			  g->path);
		st = WT_ERR_PARSE;
		goto done;
	}

	while (reader_next(&r, &st)) {
		line = reader_line(&r);
		len = r.line.len;
		if (r.too_long) {
			bad_line(&r, "line longer than %u bytes", LINE_MAX_BYTES);
			continue;
		}
		if (is_blank(line, len))
			continue;
		nf = split_tsv(line, len, f);
		st = g->kind == GOLD_STORIES
			     ? gold_story_row(ev, g, &r, &seen, f, nf, col_id,
					      col_story)
			     : gold_pair_row(ev, g, &r, &seen, f, nf, col_pair);
		if (st)
			break;
	}
	if (st == WT_ERR_LIMIT)
		cli_error("%s:%lld: too many gold rows", g->path, r.lineno);
done:
	g->bad = r.bad;
	wt__map_release(&seen);
	reader_close(&r);
	return st;
}

/* ---- results ----------------------------------------------------------- */

/* Gives the text of an id-like JSON value (a string, or an integer written
 * in decimal into `tmp`).  @return 1, or 0 when `v` is neither. */
static int json_text(const json_t *v, char *tmp, size_t tmpsz, const char **s,
		     size_t *len)
{
	if (json_is_string(v)) {
		*s = json_string_value(v);
		*len = json_string_length(v);
		return 1;
	}
	if (json_is_integer(v)) {
		int n = snprintf(tmp, tmpsz, "%" JSON_INTEGER_FORMAT,
				 json_integer_value(v));
		*s = tmp;
		*len = n > 0 ? (size_t)n : 0;
		return 1;
	}
	return 0;
}

/* @return the cluster label of a story or family value; an article with no
 * label (null or absent) is a cluster of its own, labelled from its id. */
static uint64_t label_of(const json_t *v, uint64_t id, uint64_t salt)
{
	char tmp[32];
	const char *s;
	size_t len;
	if (json_text(v, tmp, sizeof(tmp), &s, &len))
		return wt__hash(s, len);
	if (json_is_real(v)) {
		double d = json_real_value(v);
		return wt__hash(&d, sizeof(d));
	}
	return wt__mix64(id ^ salt);
}

/* @return the wt_relation named `s`, or -1. */
static int relation_of(const char *s)
{
	for (int k = WT_REL_ORIGINAL; k <= WT_REL_INDEPENDENT; k++)
		if (strcmp(s, wt_relation_name((enum wt_relation)k)) == 0)
			return k;
	return -1;
}

/* Keeps what scoring needs of an article record.  @return WT_OK (a bad
 * record is reported and skipped), WT_ERR_NOMEM, WT_ERR_LIMIT. */
static enum wt_status add_article(struct eval *ev, struct reader *r,
				  const json_t *rec)
{
	char tmp[32];
	const char *id;
	size_t len;
	if (!json_text(json_object_get(rec, "id"), tmp, sizeof(tmp), &id, &len) ||
	    !len) {
		bad_line(r, "article record without an \"id\"");
		return WT_OK;
	}
	uint64_t key = id_key(id, len), *slot;
	int found;
	enum wt_status st = WT_GROW(ev->arts, ev->cap_arts, ev->n_arts + 1,
				    MAX_ARTICLES);
	if (st)
		return st;
	st = wt__map_put(&ev->art_map, key, ev->n_arts, &slot, &found);
	if (st)
		return st;
	if (found) {
		bad_line(r, "duplicate article id \"%s\"", id);
		return WT_OK;
	}
	struct article *a = &ev->arts[ev->n_arts++];
	a->id = key;
	a->story = label_of(json_object_get(rec, "story"), key,
			    0x5354u /* "ST" */);
	a->family = label_of(json_object_get(rec, "family"), key,
			     0x4641u /* "FA" */);
	a->line = r->lineno;

	const json_t *src = json_object_get(rec, "source");
	a->source = json_text(src, tmp, sizeof(tmp), &id, &len) && len
			    ? id_key(id, len)
			    : 0;

	const json_t *cov = json_object_get(rec, "coverage");
	a->coverage = json_is_number(cov) ? json_number_value(cov) : -1;

	const json_t *rel = json_object_get(rec, "relation");
	a->rel = json_is_string(rel) ? relation_of(json_string_value(rel)) : -1;
	if (a->rel < 0 && rel && !json_is_null(rel)) {
		if (!ev->unknown_rel++)
			ev->unknown_rel_line = r->lineno;
	}
	return WT_OK;
}

/* Keeps the coverage of a pair record when gold names its pair.  A pair
 * seen twice keeps the larger coverage of each side.  @return WT_OK (a bad
 * record is reported and skipped). */
static enum wt_status add_pair(struct eval *ev, struct reader *r,
			       const json_t *rec)
{
	char ta[32], tb[32];
	const char *a, *b;
	size_t alen, blen;
	if (!json_text(json_object_get(rec, "a"), ta, sizeof(ta), &a, &alen) ||
	    !json_text(json_object_get(rec, "b"), tb, sizeof(tb), &b, &blen)) {
		bad_line(r, "pair record without \"a\" and \"b\"");
		return WT_OK;
	}
	ev->pair_records++;
	uint64_t ka = id_key(a, alen), kb = id_key(b, blen);
	const uint64_t *v = wt__map_get(&ev->link_map, pair_key(ka, kb));
	if (!v || ka == kb)
		return WT_OK;
	struct link *l = &ev->links[*v];
	if (l->lo != WT_MIN(ka, kb) || l->hi != WT_MAX(ka, kb))
		return WT_OK;
	const json_t *ca = json_object_get(rec, "coverage_a");
	const json_t *cb = json_object_get(rec, "coverage_b");
	double cov_a = json_is_number(ca) ? json_number_value(ca) : 0;
	double cov_b = json_is_number(cb) ? json_number_value(cb) : 0;
	double cov_lo = ka == l->lo ? cov_a : cov_b;
	double cov_hi = ka == l->lo ? cov_b : cov_a;
	l->cov_lo = l->seen ? WT_MAX(l->cov_lo, cov_lo) : cov_lo;
	l->cov_hi = l->seen ? WT_MAX(l->cov_hi, cov_hi) : cov_hi;
	l->seen = 1;
	return WT_OK;
}

/* Reads the results file.  @return WT_OK (bad lines reported and counted),
 * WT_ERR_IO (message printed), WT_ERR_NOMEM, WT_ERR_LIMIT. */
static enum wt_status read_results(struct eval *ev)
{
	struct reader r;
	enum wt_status st = reader_open(&r, ev->results);
	if (st)
		goto done;
	while (reader_next(&r, &st)) {
		const char *line = reader_line(&r);
		size_t len = r.line.len;
		if (r.too_long) {
			bad_line(&r, "line longer than %u bytes", LINE_MAX_BYTES);
			continue;
		}
		if (is_blank(line, len))
			continue;
		json_error_t err;
		json_t *rec = json_loadb(line, len, 0, &err);
		if (!rec) {
#if JANSSON_VERSION_HEX >= 0x020b00
			if (json_error_code(&err) == json_error_out_of_memory) {
				st = WT_ERR_NOMEM;
				break;
			}
#endif
			bad_line(&r, "invalid JSON at column %d: %s", err.column,
				 err.text);
			continue;
		}
		const char *type = json_string_value(json_object_get(rec, "type"));
		if (!json_is_object(rec) || !type)
			bad_line(&r, "record without a \"type\"");
		else if (strcmp(type, "article") == 0)
			st = add_article(ev, &r, rec);
		else if (strcmp(type, "pair") == 0)
			st = add_pair(ev, &r, rec);
		else
			ev->other_records++;
		json_decref(rec);
		if (st)
			break;
	}
	if (st == WT_ERR_LIMIT)
		cli_error("%s:%lld: too many articles", ev->results, r.lineno);
done:
	ev->results_bad = r.bad;
	reader_close(&r);
	return st;
}

/* ---- scoring ----------------------------------------------------------- */

/* Scores the predicted stories and families against a story gold file.
 * @return WT_OK or WT_ERR_NOMEM. */
static enum wt_status score_stories(struct eval *ev, struct gold *g)
{
	enum wt_status st = WT_OK;
	size_t first_missing = 0;
	uint64_t *gold = wt__calloc(g->n ? g->n : 1, sizeof(*gold));
	uint64_t *story = wt__calloc(g->n ? g->n : 1, sizeof(*story));
	uint64_t *family = wt__calloc(g->n ? g->n : 1, sizeof(*family));
	if (!gold || !story || !family) {
		st = WT_ERR_NOMEM;
		goto done;
	}
	for (size_t i = 0; i < g->n; i++) {
		const struct article *a = find_article(ev, g->stories[i].id);
		if (!a) {
			if (!g->missing++)
				first_missing = g->stories[i].name;
			continue;
		}
		gold[g->scored] = g->stories[i].label;
		story[g->scored] = a->story;
		family[g->scored] = a->family;
		g->scored++;
	}
	g->not_in_gold = ev->n_arts - g->scored;
	if (g->missing)
		cli_error("%s: %zu of %zu ids are not in \"%s\" (first: \"%s\")",
			  g->path, g->missing, g->n, ev->results,
			  pool_str(&ev->pool, first_missing));
	if (!g->scored) {
		cli_error("%s: no id is in \"%s\"; nothing to score", g->path,
			  ev->results);
		goto done;
	}
	if ((st = wt_eval_clusters(g->scored, gold, story, &g->story)) ||
	    (st = wt_eval_clusters(g->scored, gold, family, &g->family)))
		goto done;
	g->have_scores = 1;
done:
	wt__free(gold);
	wt__free(story);
	wt__free(family);
	return st;
}

/*
 * Classifies every gold pair from the results and counts what was found.
 * The predicted class of (s, c): the relation of c when its source is s
 * (or a duplicate or verbatim copy of s); else the relation of s when its source is c (a link in the wrong
 * direction, counted); else the coverage of c in a pair record of s and c,
 * by the thresholds; else independent.  Pairs with an id missing from the
 * results are counted apart and not scored.
 */
static void score_pairs(struct eval *ev, struct gold *g)
{
	size_t first_missing = 0;
	for (size_t i = 0; i < g->n; i++) {
		const struct gold_pair *p = &g->pairs[i];
		const struct article *s = find_article(ev, p->s);
		const struct article *c = find_article(ev, p->c);
		if (!s || !c) {
			if (!g->missing++)
				first_missing = s ? p->c_name : p->s_name;
			continue;
		}
		g->scored++;
		const struct link *l = &ev->links[p->link];
		enum eval_class pred = CLS_INDEPENDENT;
		if (copied_from(ev, c, p->s)) {
			pred = class_of_article(ev, c);
		} else if (s->source == p->c) {
			pred = class_of_article(ev, s);
			g->reversed_links++;
		} else if (l->seen) {
			pred = class_of_coverage(ev, p->c == l->lo ? l->cov_lo
								 : l->cov_hi);
		}
		g->confusion[p->cls][pred]++;
		if (p->cls == CLS_INDEPENDENT)
			continue;

		g->derived[p->cls]++;
		int linked = s->family == c->family || c->source == p->s ||
			     s->source == p->c || l->seen;
		if (!linked)
			continue;
		g->found[p->cls]++;
		g->dir_found++;
		if (has_ancestor(ev, c, p->s))
			g->dir_ok++;
		else if (has_ancestor(ev, s, p->c))
			g->dir_reversed++;
		else
			g->dir_neither++;
	}
	if (g->missing)
		cli_error("%s: %zu of %zu pairs name an id that is not in \"%s\" "
			  "(first: \"%s\"); they are not scored",
			  g->path, g->missing, g->n, ev->results,
			  pool_str(&ev->pool, first_missing));
}

/* Per-class and overall figures of a confusion matrix. */
struct class_scores {
	double precision[N_CLS], recall[N_CLS], f1[N_CLS];
	size_t support[N_CLS], predicted[N_CLS];
	double accuracy, macro_f1; /* macro F1 over classes present in gold */
};

/* Fills *cs from the confusion matrix of `g`; undefined figures (nothing
 * predicted, nothing in gold) are NAN. */
static void class_scores(const struct gold *g, struct class_scores *cs)
{
	size_t right = 0, total = 0, present = 0;
	double f1_sum = 0;
	for (int k = 0; k < N_CLS; k++) {
		size_t support = 0, predicted = 0;
		for (int j = 0; j < N_CLS; j++) {
			support += g->confusion[k][j];
			predicted += g->confusion[j][k];
		}
		size_t tp = g->confusion[k][k];
		cs->support[k] = support;
		cs->predicted[k] = predicted;
		cs->precision[k] = ratio((double)tp, (double)predicted);
		cs->recall[k] = ratio((double)tp, (double)support);
		cs->f1[k] = ratio(2.0 * (double)tp, (double)(support + predicted));
		right += tp;
		total += support;
		if (support) {
			present++;
			f1_sum += cs->f1[k];
		}
	}
	cs->accuracy = ratio((double)right, (double)total);
	cs->macro_f1 = ratio(f1_sum, (double)present);
}

/*
 * The same scores for gold without a rewrite class (counter's wholly,
 * partially and non-derived): a rewrite is partly derived text, so it is
 * counted as edited.  @return 0 when gold has a rewrite class.
 */
static int class_scores_merged(const struct gold *g, struct class_scores *cs)
{
	size_t gold_rewrites = 0;
	for (int j = 0; j < N_CLS; j++)
		gold_rewrites += g->confusion[CLS_REWRITE][j];
	if (gold_rewrites)
		return 0;
	struct gold m = *g;
	for (int k = 0; k < N_CLS; k++) {
		m.confusion[k][CLS_EDITED] += m.confusion[k][CLS_REWRITE];
		m.confusion[k][CLS_REWRITE] = 0;
	}
	class_scores(&m, cs);
	return 1;
}

/* ---- text output ------------------------------------------------------- */

/* Prints `x` as " %7.3f", or a dash when it is undefined. */
static void put_score(FILE *out, double x)
{
	if (isnan(x))
		fprintf(out, " %7s", "-");
	else
		fprintf(out, " %7.3f", x);
}

static void text_clusters(FILE *out, const char *what,
			  const struct wt_cluster_scores *s)
{
	fprintf(out, "  %-8s", what);
	put_score(out, s->pair_precision);
	put_score(out, s->pair_recall);
	put_score(out, s->pair_f1);
	put_score(out, s->bcubed_precision);
	put_score(out, s->bcubed_recall);
	put_score(out, s->bcubed_f1);
	put_score(out, s->ari);
	fprintf(out, " %8zu %8zu %8zu\n", s->items, s->gold_clusters,
		s->predicted_clusters);
}

static void text_stories(FILE *out, const struct gold *g)
{
	fprintf(out, "gold %s: story labels, %zu ids (%zu bad lines), %zu scored, "
		     "%zu not in results, %zu result articles not in gold\n",
		g->path, g->n, g->bad, g->scored, g->missing, g->not_in_gold);
	if (!g->have_scores) {
		fprintf(out, "  nothing to score\n");
		return;
	}
	fprintf(out, "  %-8s %7s %7s %7s %7s %7s %7s %7s %8s %8s %8s\n", "",
		"pair P", "pair R", "pair F1", "B3 P", "B3 R", "B3 F1", "ARI",
		"items", "gold", "pred");
	text_clusters(out, "story", &g->story);
	text_clusters(out, "family", &g->family);
}

static void text_pairs(FILE *out, const struct eval *ev, const struct gold *g)
{
	struct class_scores cs;
	class_scores(g, &cs);
	fprintf(out, "gold %s: graded pairs, %zu pairs (%zu bad lines), %zu "
		     "scored, %zu with an id not in results\n",
		g->path, g->n, g->bad, g->scored, g->missing);
	fprintf(out, "  pair records graded by coverage: verbatim >= %g, edited "
		     ">= %g\n", ev->verbatim_min, ev->edited_min);
	fprintf(out, "  confusion (rows: gold, columns: predicted)\n  %-12s", "");
	for (int j = 0; j < N_CLS; j++)
		fprintf(out, " %11s", class_names[j]);
	fputc('\n', out);
	for (int k = 0; k < N_CLS; k++) {
		fprintf(out, "  %-12s", class_names[k]);
		for (int j = 0; j < N_CLS; j++)
			fprintf(out, " %11zu", g->confusion[k][j]);
		fputc('\n', out);
	}
	fprintf(out, "  %-12s %7s %7s %7s %8s %9s\n", "class", "P", "R", "F1",
		"support", "predicted");
	for (int k = 0; k < N_CLS; k++) {
		fprintf(out, "  %-12s", class_names[k]);
		put_score(out, cs.precision[k]);
		put_score(out, cs.recall[k]);
		put_score(out, cs.f1[k]);
		fprintf(out, " %8zu %9zu\n", cs.support[k], cs.predicted[k]);
	}
	fprintf(out, "  accuracy");
	put_score(out, cs.accuracy);
	fprintf(out, "   macro F1 (gold classes)");
	put_score(out, cs.macro_f1);
	fprintf(out, "   classed from a reversed link %zu\n", g->reversed_links);
	struct class_scores merged;
	if (class_scores_merged(g, &merged)) {
		fprintf(out, "  gold has no rewrite class; rewrite counted as edited: accuracy");
		put_score(out, merged.accuracy);
		fprintf(out, "   macro F1");
		put_score(out, merged.macro_f1);
		fputc('\n', out);
	}

	fprintf(out, "  found (same family, a source link or a pair record)\n");
	for (int k = 0; k < CLS_INDEPENDENT; k++) {
		fprintf(out, "  %-12s", class_names[k]);
		put_score(out, ratio((double)g->found[k], (double)g->derived[k]));
		fprintf(out, " %8zu of %zu\n", g->found[k], g->derived[k]);
	}
	fprintf(out, "  direction of %zu found derived pairs\n", g->dir_found);
	fprintf(out, "  %-30s", "gold source is source/ancestor");
	put_score(out, ratio((double)g->dir_ok, (double)g->dir_found));
	fprintf(out, " %8zu\n  %-30s", g->dir_ok, "reversed");
	put_score(out, ratio((double)g->dir_reversed, (double)g->dir_found));
	fprintf(out, " %8zu\n  %-30s", g->dir_reversed, "neither");
	put_score(out, ratio((double)g->dir_neither, (double)g->dir_found));
	fprintf(out, " %8zu\n", g->dir_neither);
	fprintf(out, "  %-30s", "correct where a direction given");
	put_score(out, ratio((double)g->dir_ok, (double)(g->dir_ok + g->dir_reversed)));
	fprintf(out, " %8zu of %zu\n", g->dir_ok, g->dir_ok + g->dir_reversed);
}

static void print_text(FILE *out, const struct eval *ev)
{
	fprintf(out, "results %s: %zu articles, %zu pair records, %zu bad "
		     "lines\n",
		ev->results, ev->n_arts, ev->pair_records, ev->results_bad);
	for (size_t i = 0; i < ev->n_gold; i++) {
		fputc('\n', out);
		if (ev->gold[i].kind == GOLD_STORIES)
			text_stories(out, &ev->gold[i]);
		else
			text_pairs(out, ev, &ev->gold[i]);
	}
}

/* ---- JSON output ------------------------------------------------------- */

/* Sets o[key] = v, taking v; a NULL v (failed allocation) clears *ok. */
static void jset(json_t *o, const char *key, json_t *v, int *ok)
{
	if (!v || json_object_set_new(o, key, v))
		*ok = 0;
}

/* @return a new JSON number, or null for an undefined figure. */
static json_t *jreal(double x)
{
	return isfinite(x) ? json_real(x) : json_null();
}

/* @return a new JSON string of a path; bytes that are not ASCII become '?'
 * when the path is not UTF-8, which JSON strings must be. */
static json_t *jpath(const char *path)
{
	json_t *v = json_string(path);
	if (v)
		return v;
	char *copy = wt__strdup(path);
	if (!copy)
		return NULL;
	for (char *p = copy; *p; p++)
		if ((unsigned char)*p >= 0x80)
			*p = '?';
	v = json_string(copy);
	wt__free(copy);
	return v;
}

static json_t *jsize(size_t n)
{
	return json_integer((json_int_t)n);
}

static json_t *json_clusters(const struct wt_cluster_scores *s, int *ok)
{
	json_t *o = json_object();
	if (!o) {
		*ok = 0;
		return NULL;
	}
	jset(o, "items", jsize(s->items), ok);
	jset(o, "gold_clusters", jsize(s->gold_clusters), ok);
	jset(o, "predicted_clusters", jsize(s->predicted_clusters), ok);
	jset(o, "pair_precision", jreal(s->pair_precision), ok);
	jset(o, "pair_recall", jreal(s->pair_recall), ok);
	jset(o, "pair_f1", jreal(s->pair_f1), ok);
	jset(o, "bcubed_precision", jreal(s->bcubed_precision), ok);
	jset(o, "bcubed_recall", jreal(s->bcubed_recall), ok);
	jset(o, "bcubed_f1", jreal(s->bcubed_f1), ok);
	jset(o, "ari", jreal(s->ari), ok);
	return o;
}

static void json_stories(json_t *o, const struct gold *g, int *ok)
{
	jset(o, "kind", json_string("stories"), ok);
	jset(o, "rows", jsize(g->n), ok);
	jset(o, "bad_lines", jsize(g->bad), ok);
	jset(o, "scored", jsize(g->scored), ok);
	jset(o, "missing", jsize(g->missing), ok);
	jset(o, "not_in_gold", jsize(g->not_in_gold), ok);
	jset(o, "story", g->have_scores ? json_clusters(&g->story, ok)
				       : json_null(), ok);
	jset(o, "family", g->have_scores ? json_clusters(&g->family, ok)
					: json_null(), ok);
}

static void json_pairs(json_t *o, const struct gold *g, int *ok)
{
	struct class_scores cs;
	class_scores(g, &cs);
	jset(o, "kind", json_string("pairs"), ok);
	jset(o, "rows", jsize(g->n), ok);
	jset(o, "bad_lines", jsize(g->bad), ok);
	jset(o, "scored", jsize(g->scored), ok);
	jset(o, "missing", jsize(g->missing), ok);

	json_t *conf = json_object(), *classes = json_object();
	json_t *found = json_object(), *dir = json_object();
	jset(o, "confusion", conf, ok);
	jset(o, "classes", classes, ok);
	jset(o, "accuracy", jreal(cs.accuracy), ok);
	jset(o, "macro_f1", jreal(cs.macro_f1), ok);
	jset(o, "reversed_links", jsize(g->reversed_links), ok);
	struct class_scores merged;
	if (class_scores_merged(g, &merged)) {
		jset(o, "accuracy_rewrite_as_edited", jreal(merged.accuracy), ok);
		jset(o, "macro_f1_rewrite_as_edited", jreal(merged.macro_f1), ok);
	}
	jset(o, "found", found, ok);
	jset(o, "direction", dir, ok);
	if (!*ok)
		return;
	for (int k = 0; k < N_CLS; k++) {
		json_t *row = json_object(), *c = json_object();
		jset(conf, class_names[k], row, ok);
		jset(classes, class_names[k], c, ok);
		if (!*ok)
			return;
		for (int j = 0; j < N_CLS; j++)
			jset(row, class_names[j], jsize(g->confusion[k][j]), ok);
		jset(c, "precision", jreal(cs.precision[k]), ok);
		jset(c, "recall", jreal(cs.recall[k]), ok);
		jset(c, "f1", jreal(cs.f1[k]), ok);
		jset(c, "support", jsize(cs.support[k]), ok);
		jset(c, "predicted", jsize(cs.predicted[k]), ok);
	}
	for (int k = 0; k < CLS_INDEPENDENT; k++) {
		json_t *f = json_object();
		jset(found, class_names[k], f, ok);
		if (!*ok)
			return;
		jset(f, "found", jsize(g->found[k]), ok);
		jset(f, "total", jsize(g->derived[k]), ok);
		jset(f, "share", jreal(ratio((double)g->found[k],
					     (double)g->derived[k])), ok);
	}
	double n = (double)g->dir_found;
	jset(dir, "found", jsize(g->dir_found), ok);
	jset(dir, "source_or_ancestor", jsize(g->dir_ok), ok);
	jset(dir, "reversed", jsize(g->dir_reversed), ok);
	jset(dir, "neither", jsize(g->dir_neither), ok);
	jset(dir, "share_correct", jreal(ratio((double)g->dir_ok, n)), ok);
	jset(dir, "share_reversed", jreal(ratio((double)g->dir_reversed, n)), ok);
	jset(dir, "share_correct_where_given",
	     jreal(ratio((double)g->dir_ok, (double)(g->dir_ok + g->dir_reversed))), ok);
}

/* Prints every figure as one JSON object on one line.
 * @return WT_OK or WT_ERR_NOMEM. */
static enum wt_status print_json(FILE *out, const struct eval *ev)
{
	int ok = 1;
	json_t *root = json_object(), *res = json_object(), *opt = json_object();
	json_t *golds = json_array();
	if (!root || !res || !opt || !golds) {
		json_decref(root);
		json_decref(res);
		json_decref(opt);
		json_decref(golds);
		return WT_ERR_NOMEM;
	}
	jset(root, "results", res, &ok);
	jset(root, "options", opt, &ok);
	jset(root, "gold", golds, &ok);
	jset(res, "file", jpath(ev->results), &ok);
	jset(res, "articles", jsize(ev->n_arts), &ok);
	jset(res, "pair_records", jsize(ev->pair_records), &ok);
	jset(res, "other_records", jsize(ev->other_records), &ok);
	jset(res, "bad_lines", jsize(ev->results_bad), &ok);
	jset(res, "unknown_sources", jsize(ev->unknown_source), &ok);
	jset(res, "unknown_relations", jsize(ev->unknown_rel), &ok);
	jset(opt, "verbatim_min", json_real(ev->verbatim_min), &ok);
	jset(opt, "edited_min", json_real(ev->edited_min), &ok);
	for (size_t i = 0; ok && i < ev->n_gold; i++) {
		const struct gold *g = &ev->gold[i];
		json_t *o = json_object();
		if (!o || json_array_append_new(golds, o)) {
			ok = 0;
			break;
		}
		jset(o, "file", jpath(g->path), &ok);
		if (g->kind == GOLD_STORIES)
			json_stories(o, g, &ok);
		else
			json_pairs(o, g, &ok);
	}
	if (ok && json_dumpf(root, out, JSON_COMPACT | JSON_REAL_PRECISION(6)))
		ok = 0;
	if (ok)
		fputc('\n', out);
	json_decref(root);
	return ok ? WT_OK : WT_ERR_NOMEM;
}

/* ---- command ----------------------------------------------------------- */

static void usage(FILE *out)
{
	fputs(EVAL_USAGE, out);
}

static void help(void)
{
	usage(stdout);
	fputs("\n"
	      "Scores the JSON Lines results of `wiretrace run` (RESULTS, or - for\n"
	      "standard input) against gold labels.\n"
	      "\n"
	      "  --gold GOLD       TSV gold labels with a header, repeatable:\n"
	      "                    \"id<TAB>story\": story labels; stories and\n"
	      "                    families are scored as clusterings (pairwise\n"
	      "                    and B-cubed P/R/F1, adjusted Rand index);\n"
	      "                    \"source<TAB>copy<TAB>relation\": graded pairs;\n"
	      "                    a confusion matrix of verbatim, edited,\n"
	      "                    rewrite and independent, per-class P/R/F1,\n"
	      "                    accuracy, macro F1, links found, direction\n"
	      "  --json            print one JSON object instead of text\n"
	      "  --verbatim-min X  pair-record coverage from which a copy is\n"
	      "                    verbatim (default 0.8)\n"
	      "  --edited-min X    pair-record coverage from which a copy is\n"
	      "                    edited (default 0.3)\n"
	      "  -q, --quiet       report bad lines only as a count per file\n"
	      "  -h, --help        print this help\n",
	      stdout);
}

/* Parses a share between 0 and 1.  @return 0, or -1 when `s` is not one. */
static int parse_share(const char *s, double *out)
{
	char *end;
	errno = 0;
	double x = strtod(s, &end);
	if (!*s || *end || errno || !(x >= 0 && x <= 1))
		return -1;
	*out = x;
	return 0;
}

/*
 * Matches argv[*i] against option `name`, taking its value from "=VALUE",
 * the rest of a short option ("-j4") or the next argument.  @return 1 and *value when it matches, 0 when it
 * does not, -1 when it matches but the value is missing (reported).
 */
static int option_value(int argc, char **argv, int *i, const char *name,
			const char **value)
{
	size_t n = strlen(name);
	const char *arg = argv[*i];
	if (strncmp(arg, name, n) != 0)
		return 0;
	if (arg[n] == '=') {
		*value = arg + n + 1;
		return 1;
	}
	if (arg[n] && name[1] != '-') { /* a short option glued: -j4 */
		*value = arg + n;
		return 1;
	}
	if (arg[n])
		return 0;
	if (*i + 1 >= argc) {
		cli_error("option \"%s\" needs a value", name);
		return -1;
	}
	*value = argv[++*i];
	return 1;
}

/* Parses the command line into *ev.  @return EXIT_OK, or EXIT_USAGE
 * (reported), or -1 when --help was printed. */
static int parse_args(int argc, char **argv, struct eval *ev)
{
	int only_files = 0;
	for (int i = 1; i < argc; i++) {
		const char *arg = argv[i], *value = NULL;
		int m;
		if (only_files || arg[0] != '-' || strcmp(arg, "-") == 0) {
			if (ev->results) {
				cli_error("more than one results file: \"%s\" and "
					  "\"%s\"", ev->results, arg);
				return EXIT_USAGE;
			}
			ev->results = arg;
		} else if (strcmp(arg, "--") == 0) {
			only_files = 1;
		} else if (strcmp(arg, "-h") == 0 || strcmp(arg, "--help") == 0) {
			help();
			return -1;
		} else if (strcmp(arg, "--json") == 0) {
			ev->json = 1;
		} else if (strcmp(arg, "-q") == 0 || strcmp(arg, "--quiet") == 0) {
			cli_quiet = 1;
		} else if ((m = option_value(argc, argv, &i, "-j", &value))) {
			/* A common option; scoring is one pass and single-threaded. */
			if (m < 0 || cli_parse_long(value) < 0) {
				if (m > 0)
					cli_error("option \"-j\" wants a number, not "
						  "\"%s\"", value);
				return EXIT_USAGE;
			}
		} else if ((m = option_value(argc, argv, &i, "--gold", &value))) {
			if (m < 0)
				return EXIT_USAGE;
			if (ev->n_gold == MAX_GOLD) {
				cli_error("more than %d gold files", MAX_GOLD);
				return EXIT_USAGE;
			}
			ev->gold[ev->n_gold++].path = value;
		} else if ((m = option_value(argc, argv, &i, "--verbatim-min",
					     &value)) ||
			   (m = option_value(argc, argv, &i, "--edited-min",
					     &value))) {
			if (m < 0)
				return EXIT_USAGE;
			int verbatim = strncmp(arg, "--verbatim-min", 14) == 0;
			if (parse_share(value, verbatim ? &ev->verbatim_min
							: &ev->edited_min)) {
				cli_error("option \"%s\" wants a number from 0 to 1, "
					  "not \"%s\"",
					  verbatim ? "--verbatim-min" : "--edited-min",
					  value);
				return EXIT_USAGE;
			}
		} else {
			cli_error("unknown option \"%s\"", arg);
			return EXIT_USAGE;
		}
	}
	if (!ev->n_gold) {
		cli_error("no gold labels; give --gold");
		return EXIT_USAGE;
	}
	if (!ev->results) {
		cli_error("no results file; give RESULTS or -");
		return EXIT_USAGE;
	}
	if (ev->edited_min > ev->verbatim_min) {
		cli_error("--edited-min %g is above --verbatim-min %g",
			  ev->edited_min, ev->verbatim_min);
		return EXIT_USAGE;
	}
	int stdin_users = strcmp(ev->results, "-") == 0;
	for (size_t i = 0; i < ev->n_gold; i++)
		stdin_users += strcmp(ev->gold[i].path, "-") == 0;
	if (stdin_users > 1) {
		cli_error("standard input (-) is named more than once");
		return EXIT_USAGE;
	}
	return EXIT_OK;
}

/* Reports, once, the articles whose source is not an article. */
static void check_sources(struct eval *ev)
{
	for (size_t i = 0; i < ev->n_arts; i++) {
		const struct article *a = &ev->arts[i];
		if (a->source && !find_article(ev, a->source) &&
		    !ev->unknown_source++)
			ev->unknown_source_line = a->line;
	}
	if (ev->unknown_source)
		cli_error("%s: %zu articles name a source that is not an article "
			  "in it (first at line %lld)",
			  ev->results, ev->unknown_source,
			  ev->unknown_source_line);
	if (ev->unknown_rel)
		cli_error("%s: %zu articles have an unknown relation (first at "
			  "line %lld); their coverage is used instead",
			  ev->results, ev->unknown_rel, ev->unknown_rel_line);
}

static void eval_release(struct eval *ev)
{
	for (size_t i = 0; i < ev->n_gold; i++) {
		wt__free(ev->gold[i].stories);
		wt__free(ev->gold[i].pairs);
	}
	wt__buf_release(&ev->pool);
	wt__free(ev->links);
	wt__map_release(&ev->link_map);
	wt__free(ev->arts);
	wt__map_release(&ev->art_map);
}

int cmd_eval(int argc, char **argv)
{
	struct eval ev;
	memset(&ev, 0, sizeof(ev));
	ev.verbatim_min = 0.8;
	ev.edited_min = 0.3;
	wt__buf_init(&ev.pool, POOL_MAX);

	int rc = parse_args(argc, argv, &ev);
	if (rc) {
		if (rc > 0)
			usage(stderr);
		return rc > 0 ? rc : EXIT_OK;
	}

	/* jansson allocates through the library's hook, like everything else. */
	json_set_alloc_funcs(wt__malloc, wt__free);

	enum wt_status st;
	if ((st = wt__map_init(&ev.link_map, 1024)) ||
	    (st = wt__map_init(&ev.art_map, 1024)))
		goto fail;
	for (size_t i = 0; i < ev.n_gold; i++) {
		if ((st = read_gold(&ev, &ev.gold[i])))
			goto fail;
	}
	if ((st = read_results(&ev)))
		goto fail;
	check_sources(&ev);

	for (size_t i = 0; i < ev.n_gold; i++) {
		struct gold *g = &ev.gold[i];
		if (g->bad)
			cli_error("%s: %zu bad lines skipped", g->path, g->bad);
		if (g->kind == GOLD_STORIES) {
			if ((st = score_stories(&ev, g)))
				goto fail;
		} else {
			score_pairs(&ev, g);
		}
	}
	if (ev.results_bad)
		cli_error("%s: %zu bad lines skipped", ev.results, ev.results_bad);

	if (ev.json) {
		if ((st = print_json(stdout, &ev)))
			goto fail;
	} else {
		print_text(stdout, &ev);
	}
	if (fflush(stdout) || ferror(stdout)) {
		cli_error("cannot write the output: %s", strerror(errno));
		rc = EXIT_INTERNAL;
	}
	eval_release(&ev);
	return rc;

fail:
	if (!input_fault(st))
		cli_error("eval: %s", wt_strerror(st));
	eval_release(&ev);
	return input_fault(st) ? EXIT_USAGE : EXIT_INTERNAL;
}
