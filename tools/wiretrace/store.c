/*
 * store.c - the SQLite store (see store.h and docs/internals/store.md).
 *
 * A batch is added in one transaction: the new articles, their MinHash
 * signatures and LSH band keys, then the records of the analysis of every
 * stored article, which replace the previous ones.  Reading and page
 * extraction are never repeated for stored articles; the analysis runs over
 * their stored texts, so that the store always holds what a batch `run`
 * over all of its articles, in the order they were added, would write.
 */
#define _POSIX_C_SOURCE 200809L
#include <sys/types.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <xxhash.h>

#include "cli.h"
#include "store.h"

#define SCHEMA_VERSION "1"

static const char schema[] =
	"CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);"
	"CREATE TABLE IF NOT EXISTS batch(id INTEGER PRIMARY KEY, at TEXT NOT NULL,"
	" offered INTEGER NOT NULL, added INTEGER NOT NULL);"
	"CREATE TABLE IF NOT EXISTS article(seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE,"
	" url TEXT, site TEXT, date TEXT, title TEXT, byline TEXT, time INTEGER,"
	" text TEXT NOT NULL, hash INTEGER NOT NULL, batch INTEGER NOT NULL);"
	"CREATE INDEX IF NOT EXISTS article_hash ON article(hash);"
	"CREATE TABLE IF NOT EXISTS sketch(seq INTEGER PRIMARY KEY, sig BLOB NOT NULL);"
	"CREATE TABLE IF NOT EXISTS lsh(key INTEGER NOT NULL, seq INTEGER NOT NULL,"
	" PRIMARY KEY(key, seq)) WITHOUT ROWID;"
	/* the records of the last analysis, in the order `run` writes them */
	"CREATE TABLE IF NOT EXISTS r_article(seq INTEGER PRIMARY KEY, id TEXT NOT NULL,"
	" story TEXT NOT NULL, family TEXT NOT NULL, relation TEXT NOT NULL, source TEXT,"
	" coverage REAL NOT NULL, site TEXT, date TEXT, title TEXT, record TEXT NOT NULL);"
	"CREATE INDEX IF NOT EXISTS r_article_id ON r_article(id);"
	"CREATE INDEX IF NOT EXISTS r_article_story ON r_article(story);"
	"CREATE TABLE IF NOT EXISTS r_story(ord INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE,"
	" origin TEXT, first TEXT, last TEXT, title TEXT, size INTEGER NOT NULL,"
	" record TEXT NOT NULL);"
	"CREATE INDEX IF NOT EXISTS r_story_last ON r_story(last);"
	"CREATE TABLE IF NOT EXISTS r_pair(ord INTEGER PRIMARY KEY, a TEXT NOT NULL,"
	" b TEXT NOT NULL, record TEXT NOT NULL);"
	"CREATE INDEX IF NOT EXISTS r_pair_a ON r_pair(a);"
	"CREATE INDEX IF NOT EXISTS r_pair_b ON r_pair(b);"
	"CREATE TABLE IF NOT EXISTS r_claim(ord INTEGER PRIMARY KEY, story TEXT NOT NULL,"
	" record TEXT NOT NULL);"
	"CREATE INDEX IF NOT EXISTS r_claim_story ON r_claim(story);";

static int db_error(struct cli_store *s, const char *what)
{
	cli_error("%s: %s: %s", s->path, what, sqlite3_errmsg(s->db));
	return EXIT_INTERNAL;
}

static int exec(struct cli_store *s, const char *sql)
{
	char *msg = NULL;
	if (sqlite3_exec(s->db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		cli_error("%s: %s", s->path, msg ? msg : sqlite3_errmsg(s->db));
		sqlite3_free(msg);
		return EXIT_INTERNAL;
	}
	return 0;
}

/* The analysis options a store keeps, by name. */
#define OPTION_FIELDS(X)                                                     \
	X(shingle, int) X(num_perm, int) X(bands, int) X(seed_len, int)      \
	X(min_passage, int) X(max_gap, int) X(max_candidates, int)           \
	X(link_min, double) X(verbatim_min, double) X(edited_min, double)    \
	X(story_min, double) X(story_window, double) X(stories, int)         \
	X(chrome, int)

static json_t *options_to_json(const struct wt_options *o)
{
	json_t *j = json_object();
#define SET_int(f) json_object_set_new(j, #f, json_integer(o->f));
#define SET_double(f) json_object_set_new(j, #f, json_real(o->f));
#define SET(f, t) SET_##t(f)
	OPTION_FIELDS(SET)
#undef SET
#undef SET_int
#undef SET_double
	return j;
}

/* @return 0, or -1 when a field is missing or of the wrong type. */
static int options_from_json(json_t *j, struct wt_options *o)
{
	json_t *v;
#define GET_int(f)                                                         \
	if (!json_is_integer(v = json_object_get(j, #f)))                  \
		return -1;                                                 \
	o->f = (int)json_integer_value(v);
#define GET_double(f)                                                      \
	if (!json_is_number(v = json_object_get(j, #f)))                   \
		return -1;                                                 \
	o->f = json_number_value(v);
#define GET(f, t) GET_##t(f)
	OPTION_FIELDS(GET)
#undef GET
#undef GET_int
#undef GET_double
	return 0;
}

int cli_store_set_options(struct cli_store *s, const struct wt_options *o)
{
	struct wt_options cur = s->options;
	int same = 1;
#define CMP(f, t) same &= cur.f == o->f;
	OPTION_FIELDS(CMP)
#undef CMP
	if (same)
		return 0;
	if (cur.shingle != o->shingle || cur.num_perm != o->num_perm || cur.bands != o->bands) {
		sqlite3_stmt *q = NULL;
		int n = 0;
		if (sqlite3_prepare_v2(s->db, "SELECT count(*) FROM article", -1, &q, NULL) ==
			    SQLITE_OK &&
		    sqlite3_step(q) == SQLITE_ROW)
			n = sqlite3_column_int(q, 0);
		sqlite3_finalize(q);
		if (n) {
			cli_error("%s: its sketches were made with --shingle %d --perm %d --bands "
				  "%d; a store keeps them (make a new one for others)",
				  s->path, cur.shingle, cur.num_perm, cur.bands);
			return EXIT_USAGE;
		}
	}
	s->options = *o;
	s->options_changed = 1;
	return 0;
}

int cli_store_open(const char *path, int create, struct cli_store *out)
{
	memset(out, 0, sizeof(*out));
	out->path = path;
	wt_options_default(&out->options);
	int flags = SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0) |
		    SQLITE_OPEN_FULLMUTEX;
	if (sqlite3_open_v2(path, &out->db, flags, NULL) != SQLITE_OK) {
		cli_error("%s: cannot open the store: %s%s", path,
			  out->db ? sqlite3_errmsg(out->db) : "out of memory",
			  create ? "" : " (make one with 'wiretrace add')");
		sqlite3_close(out->db);
		out->db = NULL;
		return EXIT_USAGE;
	}
	sqlite3_busy_timeout(out->db, 300000); /* a writer analyzing a large store holds the lock for a while */
	/* A file that is not a store is said so, not half-written into. */
	sqlite3_stmt *q = NULL;
	int rc = 0;
	if (exec(out, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
		      "PRAGMA foreign_keys=OFF;"))
		rc = EXIT_USAGE;
	if (!rc && sqlite3_prepare_v2(out->db,
				      "SELECT count(*) FROM sqlite_master WHERE name='meta'",
				      -1, &q, NULL) != SQLITE_OK)
		rc = db_error(out, "not a wiretrace store");
	int has_meta = !rc && sqlite3_step(q) == SQLITE_ROW && sqlite3_column_int(q, 0);
	sqlite3_finalize(q);
	q = NULL;
	if (!rc && !has_meta) {
		sqlite3_stmt *t = NULL;
		int tables = 0;
		if (sqlite3_prepare_v2(out->db, "SELECT count(*) FROM sqlite_master", -1, &t,
				       NULL) == SQLITE_OK &&
		    sqlite3_step(t) == SQLITE_ROW)
			tables = sqlite3_column_int(t, 0);
		sqlite3_finalize(t);
		if (tables) {
			cli_error("%s: a SQLite database, but not a wiretrace store", path);
			rc = EXIT_USAGE;
		} else if (!create) {
			cli_error("%s: an empty store (add articles with 'wiretrace add')", path);
			rc = EXIT_USAGE;
		} else if (exec(out, "BEGIN IMMEDIATE") || exec(out, schema) ||
			   exec(out, "INSERT OR IGNORE INTO meta VALUES('schema','" SCHEMA_VERSION
				     "');COMMIT")) {
			rc = EXIT_INTERNAL;
		}
	}
	if (!rc && sqlite3_prepare_v2(out->db, "SELECT value FROM meta WHERE key='schema'", -1,
				      &q, NULL) == SQLITE_OK &&
	    sqlite3_step(q) == SQLITE_ROW) {
		const char *v = (const char *)sqlite3_column_text(q, 0);
		if (!v || strcmp(v, SCHEMA_VERSION)) {
			cli_error("%s: store layout %s, this wiretrace reads %s", path,
				  v ? v : "?", SCHEMA_VERSION);
			rc = EXIT_USAGE;
		}
	}
	sqlite3_finalize(q);
	q = NULL;
	/* the analysis options the store was made with */
	if (!rc && sqlite3_prepare_v2(out->db, "SELECT value FROM meta WHERE key='options'", -1,
				      &q, NULL) == SQLITE_OK &&
	    sqlite3_step(q) == SQLITE_ROW) {
		const char *v = (const char *)sqlite3_column_text(q, 0);
		json_t *j = v ? json_loads(v, 0, NULL) : NULL;
		if (!j || options_from_json(j, &out->options)) {
			cli_error("%s: the stored analysis options are damaged", path);
			rc = EXIT_INTERNAL;
		}
		json_decref(j);
	}
	sqlite3_finalize(q);
	if (rc) {
		sqlite3_close(out->db);
		out->db = NULL;
	}
	return rc;
}

void cli_store_close(struct cli_store *s)
{
	if (s && s->db) {
		sqlite3_close(s->db);
		s->db = NULL;
	}
}

static void bind_text(sqlite3_stmt *q, int col, const char *v)
{
	if (v)
		sqlite3_bind_text(q, col, v, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(q, col);
}

int cli_store_load(struct cli_store *s, struct wt_corpus *c)
{
	sqlite3_stmt *q = NULL;
	if (sqlite3_prepare_v2(s->db,
			       "SELECT id, url, site, date, title, byline, time, text "
			       "FROM article ORDER BY seq",
			       -1, &q, NULL) != SQLITE_OK)
		return db_error(s, "reading articles");
	int rc = 0, step;
	while ((step = sqlite3_step(q)) == SQLITE_ROW) {
		struct wt_article a = {0};
		a.id = (const char *)sqlite3_column_text(q, 0);
		a.url = (const char *)sqlite3_column_text(q, 1);
		a.site = (const char *)sqlite3_column_text(q, 2);
		a.date = (const char *)sqlite3_column_text(q, 3);
		a.title = (const char *)sqlite3_column_text(q, 4);
		a.byline = (const char *)sqlite3_column_text(q, 5);
		a.time = sqlite3_column_type(q, 6) == SQLITE_NULL ? WT_TIME_UNKNOWN
								   : sqlite3_column_int64(q, 6);
		a.text = (const char *)sqlite3_column_text(q, 7);
		a.text_len = (size_t)sqlite3_column_bytes(q, 7);
		if (!a.text)
			a.text = "";
		enum wt_status st = wt_corpus_add(c, &a);
		if (st) {
			cli_error("%s: article '%s': %s", s->path, a.id ? a.id : "?",
				  wt_strerror(st));
			rc = EXIT_INTERNAL;
			break;
		}
	}
	if (!rc && step != SQLITE_DONE)
		rc = db_error(s, "reading articles");
	sqlite3_finalize(q);
	return rc;
}

/* The statements of one batch. */
struct batch_sql {
	sqlite3_stmt *by_id, *by_hash, *ins_art, *ins_sk, *ins_lsh, *match;
	sqlite3_stmt *r_art, *r_story, *r_pair, *r_claim;
};

static void batch_sql_free(struct batch_sql *b)
{
	sqlite3_stmt **all[] = {&b->by_id, &b->by_hash, &b->ins_art, &b->ins_sk, &b->ins_lsh,
				&b->match, &b->r_art, &b->r_story, &b->r_pair, &b->r_claim};
	for (size_t i = 0; i < sizeof(all) / sizeof(all[0]); i++) {
		sqlite3_finalize(*all[i]);
		*all[i] = NULL;
	}
}

static int prepare(struct cli_store *s, struct batch_sql *b)
{
	struct {
		sqlite3_stmt **q;
		const char *sql;
	} st[] = {
		{&b->by_id, "SELECT hash FROM article WHERE id=?1"},
		{&b->by_hash, "SELECT site, text FROM article WHERE hash=?1"},
		{&b->ins_art, "INSERT INTO article(id,url,site,date,title,byline,time,text,hash,batch)"
			      " VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10)"},
		{&b->ins_sk, "INSERT INTO sketch(seq,sig) VALUES(?1,?2)"},
		{&b->ins_lsh, "INSERT OR IGNORE INTO lsh(key,seq) VALUES(?1,?2)"},
		{&b->match, "SELECT 1 FROM lsh WHERE key=?1 AND seq<?2 LIMIT 1"},
		{&b->r_art, "INSERT INTO r_article(seq,id,story,family,relation,source,coverage,"
			    "site,date,title,record) VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11)"},
		{&b->r_story, "INSERT INTO r_story(ord,id,origin,first,last,title,size,record)"
			      " VALUES(?1,?2,?3,?4,?5,?6,?7,?8)"},
		{&b->r_pair, "INSERT INTO r_pair(ord,a,b,record) VALUES(?1,?2,?3,?4)"},
		{&b->r_claim, "INSERT INTO r_claim(ord,story,record) VALUES(?1,?2,?3)"},
	};
	for (size_t i = 0; i < sizeof(st) / sizeof(st[0]); i++)
		if (sqlite3_prepare_v2(s->db, st[i].sql, -1, st[i].q, NULL) != SQLITE_OK)
			return db_error(s, "preparing a statement");
	return 0;
}

static int step_done(struct cli_store *s, sqlite3_stmt *q, const char *what)
{
	int rc = sqlite3_step(q) == SQLITE_DONE ? 0 : db_error(s, what);
	sqlite3_reset(q);
	sqlite3_clear_bindings(q);
	return rc;
}

/* The stored text hash: xxHash64 of the text as read, as a signed integer. */
static sqlite3_int64 text_hash(const struct wt_article *a)
{
	return (sqlite3_int64)XXH64(a->text, a->text_len, 0);
}

/*
 * Whether the store holds article `a` already: an article of the same id
 * (warned about when its text differs: ids name articles), or the same text
 * from the same site (a page crawled again under another address).  The
 * same text on another site is a copy, and stored.
 */
static int stored_already(struct batch_sql *b, const struct wt_article *a,
			  struct cli_add_report *rep)
{
	sqlite3_int64 h = text_hash(a);
	sqlite3_bind_text(b->by_id, 1, a->id, -1, SQLITE_STATIC);
	int hit = sqlite3_step(b->by_id) == SQLITE_ROW;
	int same = hit && sqlite3_column_int64(b->by_id, 0) == h;
	sqlite3_reset(b->by_id);
	if (hit) {
		if (!same && !cli_quiet)
			fprintf(stderr, "wiretrace: warning: id '%s' is stored already with "
				"another text; the stored article is kept\n", a->id);
		rep->same_id++;
		return 1;
	}
	sqlite3_bind_int64(b->by_hash, 1, h);
	while (!hit && sqlite3_step(b->by_hash) == SQLITE_ROW) {
		const char *site = (const char *)sqlite3_column_text(b->by_hash, 0);
		const void *t = sqlite3_column_blob(b->by_hash, 1);
		size_t n = (size_t)sqlite3_column_bytes(b->by_hash, 1);
		hit = n == a->text_len && (!n || !memcmp(t, a->text, n)) &&
		      (site && a->site ? !strcmp(site, a->site) : site == a->site);
	}
	sqlite3_reset(b->by_hash);
	if (hit)
		rep->same_text++;
	return hit;
}

/* Stores article `a` of batch `batch`, its signature and its LSH keys;
 * counts it as matched when a key is shared with an older article. */
static int store_article(struct cli_store *s, struct batch_sql *b, const struct wt_article *a,
			 sqlite3_int64 batch, uint32_t *sig, uint64_t *keys,
			 struct cli_add_report *rep)
{
	const struct wt_options *o = &s->options;
	bind_text(b->ins_art, 1, a->id);
	bind_text(b->ins_art, 2, a->url);
	bind_text(b->ins_art, 3, a->site);
	bind_text(b->ins_art, 4, a->date);
	bind_text(b->ins_art, 5, a->title);
	bind_text(b->ins_art, 6, a->byline);
	if (a->time == WT_TIME_UNKNOWN)
		sqlite3_bind_null(b->ins_art, 7);
	else
		sqlite3_bind_int64(b->ins_art, 7, a->time);
	sqlite3_bind_text(b->ins_art, 8, a->text, (int)a->text_len, SQLITE_STATIC);
	sqlite3_bind_int64(b->ins_art, 9, text_hash(a));
	sqlite3_bind_int64(b->ins_art, 10, batch);
	if (step_done(s, b->ins_art, "storing an article"))
		return EXIT_INTERNAL;
	sqlite3_int64 seq = sqlite3_last_insert_rowid(s->db);
	enum wt_status st = wt_sketch_text(a->text, a->text_len, o, sig, keys);
	if (st) {
		cli_error("sketching '%s': %s", a->id, wt_strerror(st));
		return EXIT_INTERNAL;
	}
	sqlite3_bind_int64(b->ins_sk, 1, seq);
	sqlite3_bind_blob(b->ins_sk, 2, sig, o->num_perm * (int)sizeof(*sig), SQLITE_STATIC);
	if (step_done(s, b->ins_sk, "storing a sketch"))
		return EXIT_INTERNAL;
	int matched = 0;
	for (int k = 0; k < o->bands; k++) {
		if (!matched) {
			sqlite3_bind_int64(b->match, 1, (sqlite3_int64)keys[k]);
			sqlite3_bind_int64(b->match, 2, seq);
			matched = sqlite3_step(b->match) == SQLITE_ROW;
			sqlite3_reset(b->match);
		}
		sqlite3_bind_int64(b->ins_lsh, 1, (sqlite3_int64)keys[k]);
		sqlite3_bind_int64(b->ins_lsh, 2, seq);
		if (step_done(s, b->ins_lsh, "storing an LSH key"))
			return EXIT_INTERNAL;
	}
	rep->matched += (size_t)matched;
	rep->added++;
	return 0;
}

static const char *jstr(json_t *o, const char *key)
{
	return json_string_value(json_object_get(o, key));
}

/* Stores one record line `line` (NUL-terminated) in its table. */
static int store_record(struct cli_store *s, struct batch_sql *b, const char *line, size_t len,
			sqlite3_int64 ord, struct cli_add_report *rep)
{
	json_error_t err;
	json_t *r = json_loadb(line, len, 0, &err);
	if (!r) {
		cli_error("internal: a record does not parse: %s", err.text);
		return EXIT_INTERNAL;
	}
	const char *type = jstr(r, "type");
	sqlite3_stmt *q = NULL;
	if (type && !strcmp(type, "article")) {
		q = b->r_art;
		bind_text(q, 2, jstr(r, "id"));
		bind_text(q, 3, jstr(r, "story"));
		bind_text(q, 4, jstr(r, "family"));
		bind_text(q, 5, jstr(r, "relation"));
		bind_text(q, 6, jstr(r, "source"));
		sqlite3_bind_double(q, 7, json_number_value(json_object_get(r, "coverage")));
		bind_text(q, 8, jstr(r, "site"));
		bind_text(q, 9, jstr(r, "date"));
		bind_text(q, 10, jstr(r, "title"));
		sqlite3_bind_text(q, 11, line, (int)len, SQLITE_STATIC);
		const char *id = jstr(r, "id"), *fam = jstr(r, "family");
		rep->families += id && fam && !strcmp(id, fam);
	} else if (type && !strcmp(type, "story")) {
		q = b->r_story;
		bind_text(q, 2, jstr(r, "id"));
		bind_text(q, 3, jstr(r, "origin"));
		bind_text(q, 4, jstr(r, "first"));
		bind_text(q, 5, jstr(r, "last"));
		bind_text(q, 6, jstr(r, "title"));
		sqlite3_bind_int64(q, 7, (sqlite3_int64)json_array_size(json_object_get(r, "articles")));
		sqlite3_bind_text(q, 8, line, (int)len, SQLITE_STATIC);
		rep->stories++;
	} else if (type && !strcmp(type, "pair")) {
		q = b->r_pair;
		bind_text(q, 2, jstr(r, "a"));
		bind_text(q, 3, jstr(r, "b"));
		sqlite3_bind_text(q, 4, line, (int)len, SQLITE_STATIC);
	} else if (type && !strcmp(type, "claim")) {
		q = b->r_claim;
		bind_text(q, 2, jstr(r, "story"));
		sqlite3_bind_text(q, 3, line, (int)len, SQLITE_STATIC);
	} else {
		cli_error("internal: a record of unknown type");
		json_decref(r);
		return EXIT_INTERNAL;
	}
	sqlite3_bind_int64(q, 1, ord);
	/* The strings bound are the parsed record's: step before freeing it. */
	int rc = step_done(s, q, "storing a record");
	json_decref(r);
	return rc;
}

/* Analyzes every stored article (`all`) and replaces the stored records. */
static int analyze_all(struct cli_store *s, struct batch_sql *b, const struct wt_corpus *all,
		       int threads, struct cli_add_report *rep)
{
	struct wt_options o = s->options;
	o.threads = threads;
	struct wt_result *r = NULL;
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	enum wt_status st = wt_analyze(all, &o, &r);
	if (st) {
		cli_error("analysis failed: %s", wt_strerror(st));
		return EXIT_INTERNAL;
	}
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	int rc = f ? cli_write_records(f, all, r, 1, 1, threads) : EXIT_INTERNAL;
	if (f && fclose(f))
		rc = EXIT_INTERNAL;
	wt_result_free(r);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	rep->seconds_analysis = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	if (!rc)
		rc = exec(s, "DELETE FROM r_article; DELETE FROM r_story; DELETE FROM r_pair;"
			     "DELETE FROM r_claim;");
	rep->stories = rep->families = 0;
	sqlite3_int64 ord = 0;
	for (size_t p = 0; !rc && p < len;) {
		char *nl = memchr(buf + p, '\n', len - p);
		size_t e = nl ? (size_t)(nl - buf) : len;
		if (e > p)
			rc = store_record(s, b, buf + p, e - p, ord++, rep);
		p = e + 1;
	}
	free(buf);
	return rc;
}

int cli_store_add(struct cli_store *s, const struct wt_corpus *batch, int threads,
		  struct cli_add_report *rep)
{
	memset(rep, 0, sizeof(*rep));
	size_t n = wt_corpus_count(batch);
	rep->offered = n;
	const struct wt_options *o = &s->options;
	uint32_t *sig = malloc((size_t)o->num_perm * sizeof(*sig));
	uint64_t *keys = malloc((size_t)o->bands * sizeof(*keys));
	struct batch_sql b = {0};
	struct wt_corpus *all = NULL;
	int rc = 0;
	if (!sig || !keys || wt_corpus_new(&all)) {
		cli_error("out of memory");
		rc = EXIT_INTERNAL;
	}
	if (!rc)
		rc = exec(s, "BEGIN IMMEDIATE");
	int in_tx = !rc, analyze = 0;
	if (!rc)
		rc = prepare(s, &b);
	sqlite3_int64 batch_id = 0;
	if (!rc) {
		char at[32];
		time_t now = time(NULL);
		struct tm tm;
		gmtime_r(&now, &tm);
		strftime(at, sizeof(at), "%Y-%m-%dT%H:%M:%SZ", &tm);
		sqlite3_stmt *q = NULL;
		if (sqlite3_prepare_v2(s->db, "INSERT INTO batch(at,offered,added) VALUES(?1,?2,0)", -1,
				       &q, NULL) != SQLITE_OK) {
			rc = db_error(s, "recording the batch");
		} else {
			sqlite3_bind_text(q, 1, at, -1, SQLITE_TRANSIENT);
			sqlite3_bind_int64(q, 2, (sqlite3_int64)n);
			rc = step_done(s, q, "recording the batch");
			batch_id = sqlite3_last_insert_rowid(s->db);
		}
		sqlite3_finalize(q);
	}
	for (size_t i = 0; !rc && i < n; i++) {
		const struct wt_article *a = wt_corpus_get(batch, i);
		if (!stored_already(&b, a, rep))
			rc = store_article(s, &b, a, batch_id, sig, keys, rep);
	}
	if (!rc && s->options_changed) {
		json_t *j = options_to_json(&s->options);
		char *txt = j ? json_dumps(j, JSON_SORT_KEYS | JSON_COMPACT) : NULL;
		sqlite3_stmt *q = NULL;
		if (!txt || sqlite3_prepare_v2(s->db, "INSERT OR REPLACE INTO meta VALUES('options',?1)",
					       -1, &q, NULL) != SQLITE_OK) {
			rc = db_error(s, "storing the options");
		} else {
			sqlite3_bind_text(q, 1, txt, -1, SQLITE_STATIC);
			rc = step_done(s, q, "storing the options");
		}
		sqlite3_finalize(q);
		free(txt);
		json_decref(j);
	}
	/* new articles, or the same ones analyzed with other options */
	analyze = rep->added || s->options_changed;
	if (!rc && analyze) {
		rc = cli_store_load(s, all);
		if (!rc)
			rc = analyze_all(s, &b, all, threads, rep);
		if (!rc) {
			char sql[96];
			snprintf(sql, sizeof(sql), "UPDATE batch SET added=%zu WHERE id=%lld", rep->added,
				 (long long)batch_id);
			rc = exec(s, sql);
		}
	}
	rep->stored = all ? wt_corpus_count(all) : 0;
	batch_sql_free(&b);
	if (in_tx) {
		/* Nothing new: the batch row goes too, and the store is unchanged. */
		if (rc || !analyze)
			exec(s, "ROLLBACK");
		else
			rc = exec(s, "COMMIT");
	}
	if (!rc && analyze)
		s->options_changed = 0;
	if (!rc && !analyze) {
		sqlite3_stmt *q = NULL;
		if (sqlite3_prepare_v2(s->db,
				       "SELECT (SELECT count(*) FROM article), (SELECT count(*) FROM "
				       "r_story), (SELECT count(*) FROM r_article WHERE id=family)",
				       -1, &q, NULL) == SQLITE_OK &&
		    sqlite3_step(q) == SQLITE_ROW) {
			rep->stored = (size_t)sqlite3_column_int64(q, 0);
			rep->stories = (size_t)sqlite3_column_int64(q, 1);
			rep->families = (size_t)sqlite3_column_int64(q, 2);
		}
		sqlite3_finalize(q);
	}
	wt_corpus_free(all);
	free(sig);
	free(keys);
	return rc;
}

int cli_store_write_records(struct cli_store *s, const char *table, FILE *out)
{
	char sql[80];
	const char *order = !strcmp(table, "article") ? "seq" : "ord";
	snprintf(sql, sizeof(sql), "SELECT record FROM r_%s ORDER BY %s", table, order);
	sqlite3_stmt *q = NULL;
	if (sqlite3_prepare_v2(s->db, sql, -1, &q, NULL) != SQLITE_OK)
		return db_error(s, "reading records");
	int step;
	while ((step = sqlite3_step(q)) == SQLITE_ROW) {
		fwrite(sqlite3_column_text(q, 0), 1, (size_t)sqlite3_column_bytes(q, 0), out);
		putc('\n', out);
	}
	sqlite3_finalize(q);
	return step == SQLITE_DONE ? 0 : db_error(s, "reading records");
}

int cli_store_from_records(FILE *in, const char *name, struct cli_store *out)
{
	int rc = cli_store_open(":memory:", 1, out);
	if (rc)
		return rc;
	out->path = name;
	struct batch_sql b = {0};
	struct cli_add_report rep = {0};
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	long long lineno = 0;
	rc = exec(out, "BEGIN") || prepare(out, &b) ? EXIT_INTERNAL : 0;
	for (sqlite3_int64 ord = 0; !rc && (n = getline(&line, &cap, in)) > 0;) {
		lineno++;
		while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
			n--;
		if (!n)
			continue;
		json_t *r = json_loadb(line, (size_t)n, 0, NULL);
		const char *type = json_string_value(json_object_get(r, "type"));
		int known = type && (!strcmp(type, "article") || !strcmp(type, "story") ||
				     !strcmp(type, "pair") || !strcmp(type, "claim"));
		json_decref(r);
		if (!known) {
			cli_error("%s:%lld: not a record of 'wiretrace run'", name, lineno);
			rc = EXIT_USAGE;
			break;
		}
		rc = store_record(out, &b, line, (size_t)n, ord++, &rep);
	}
	free(line);
	batch_sql_free(&b);
	if (!rc)
		rc = exec(out, "COMMIT");
	if (rc)
		cli_store_close(out);
	return rc;
}
