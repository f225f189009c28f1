/*
 * cmd_serve.c - `wiretrace serve`: the HTTP API and the web UI over a
 * store, on libmicrohttpd (a thread pool; loopback unless told otherwise),
 * and `wiretrace report --html DIR`: the same pages as static files.
 *
 * Reads use a read-only SQLite connection per server thread (WAL: they
 * never wait for a writer).  POSTed articles are added in groups: a request
 * that finds another add running queues its articles, and the next add
 * takes every queued request at once (one transaction, one analysis), so
 * that concurrent posts do not each analyze the store again.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <jansson.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "render.h"
#include "store.h"

#define MAX_BODY ((size_t)8 << 20)

static const char serve_usage[] =
	"usage: wiretrace serve [--db FILE] [--listen HOST:PORT] [-j N] [--quiet]\n"
	"\n"
	"Serves a store (made if missing) over HTTP: the web UI at / (stories,\n"
	"a story's timeline, lineage graph, each copy side by side with its\n"
	"source, disagreements) and a JSON API:\n"
	"  GET  /api/stories?limit=&offset=&from=&to=&site=&q=   stories, newest first\n"
	"  GET  /api/stories/ID        a story: its record, articles, edges, claims\n"
	"  GET  /api/articles/ID       an article, its text, its source and the\n"
	"                              passages aligned to it\n"
	"  POST /api/articles          one article or an array (JSON Lines fields:\n"
	"                              id, text, url, site, date, title); answers\n"
	"                              each one's story, family and relation\n"
	"Request bodies are limited to 8 MB.  Stops on SIGINT or SIGTERM.\n"
	"\n"
	"options:\n"
	"  --db FILE            the store (default ./wiretrace.db)\n"
	"  --listen HOST:PORT   address (default 127.0.0.1:8080; port 0: any free\n"
	"                       port, printed on standard error)\n"
	"  -j, --threads N      server threads and analysis workers (default: every core)\n"
	"  --quiet              print only errors\n"
	"  --help               this help\n";

static const char report_usage[] =
	"usage: wiretrace report --html DIR [--db FILE | RESULTS] [--quiet]\n"
	"\n"
	"Writes the pages of the web UI as static files in DIR (made if\n"
	"missing): index.html, the stories, and story-N.html, one a story.  From\n"
	"a store (--db, default ./wiretrace.db) the pages show each copy side by\n"
	"side with its source; from RESULTS (JSON Lines written by 'wiretrace\n"
	"run', '-' for standard input) they have no texts to show.\n";

/* ---- the server's state ------------------------------------------------- */

struct waiting {
	struct wt_corpus *batch;
	int done, rc;
	struct waiting *next;
};

struct server {
	const char *db_path;
	int threads;
	struct cli_store writer;
	pthread_mutex_t mu;
	pthread_cond_t cv;
	struct waiting *queue;
	int adding;
};

static struct server srv;
static pthread_key_t reader_key;

static void close_reader(void *p)
{
	sqlite3_close(p);
}

/* This thread's read-only connection. */
static sqlite3 *reader(void)
{
	sqlite3 *db = pthread_getspecific(reader_key);
	if (db)
		return db;
	if (sqlite3_open_v2(srv.db_path, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL) !=
	    SQLITE_OK) {
		sqlite3_close(db);
		return NULL;
	}
	sqlite3_busy_timeout(db, 5000);
	pthread_setspecific(reader_key, db);
	return db;
}

/* ---- responses ------------------------------------------------------------ */

static enum MHD_Result respond(struct MHD_Connection *con, unsigned status, const char *type,
			    char *body, size_t len)
{
	struct MHD_Response *r =
		MHD_create_response_from_buffer(len, body, MHD_RESPMEM_MUST_FREE);
	if (!r) {
		free(body);
		return MHD_NO;
	}
	MHD_add_response_header(r, "Content-Type", type);
	MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
	MHD_add_response_header(r, "Cache-Control", "no-store");
	if (status == MHD_HTTP_METHOD_NOT_ALLOWED)
		MHD_add_response_header(r, "Allow", "GET, POST");
	enum MHD_Result ret = MHD_queue_response(con, status, r);
	MHD_destroy_response(r);
	return ret;
}

static enum MHD_Result send_json_error(struct MHD_Connection *con, unsigned status,
				       const char *fmt, const char *arg)
{
	char msg[512];
	snprintf(msg, sizeof(msg), fmt, arg ? arg : "");
	char *body = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&body, &len);
	if (!f)
		return MHD_NO;
	fputs("{\"error\":", f);
	cli_json_string(f, msg, strlen(msg));
	fprintf(f, ",\"status\":%u}\n", status);
	fclose(f);
	return respond(con, status, "application/json", body, len);
}

/* ---- POST /api/articles ---------------------------------------------------- */

/* Adds the queued batches, this one among them, in one add: the first
 * request to find no add running does it for all that queue meanwhile. */
static int add_grouped(struct wt_corpus *batch)
{
	struct waiting me = {batch, 0, 0, NULL};
	pthread_mutex_lock(&srv.mu);
	me.next = srv.queue;
	srv.queue = &me;
	while (!me.done) {
		if (srv.adding) {
			pthread_cond_wait(&srv.cv, &srv.mu);
			continue;
		}
		srv.adding = 1;
		struct waiting *group = srv.queue;
		srv.queue = NULL;
		pthread_mutex_unlock(&srv.mu);
		/* one corpus, the requests in arrival order (the list is newest first) */
		struct waiting *rev = NULL;
		while (group) {
			struct waiting *n = group->next;
			group->next = rev;
			rev = group;
			group = n;
		}
		struct wt_corpus *all = NULL;
		int rc = wt_corpus_new(&all) ? EXIT_INTERNAL : 0;
		for (struct waiting *w = rev; !rc && w; w = w->next)
			for (size_t i = 0; !rc && i < wt_corpus_count(w->batch); i++)
				if (wt_corpus_add(all, wt_corpus_get(w->batch, i)))
					rc = EXIT_INTERNAL;
		struct cli_add_report rep;
		if (!rc)
			rc = cli_store_add(&srv.writer, all, srv.threads, &rep);
		wt_corpus_free(all);
		pthread_mutex_lock(&srv.mu);
		for (struct waiting *w = rev, *n; w; w = n) {
			n = w->next;
			w->rc = rc;
			w->done = 1;
		}
		srv.adding = 0;
		pthread_cond_broadcast(&srv.cv);
	}
	pthread_mutex_unlock(&srv.mu);
	return me.rc;
}

struct diag_text {
	char msg[400];
	int n;
};

static void first_diag(void *ud, const struct wt_diag *d)
{
	struct diag_text *t = ud;
	if (d->kind == WT_DIAG_SKIP && !t->n++)
		snprintf(t->msg, sizeof(t->msg), "record %lld: %s", d->line, d->message);
}

static enum MHD_Result post_articles(struct MHD_Connection *con, const char *body, size_t len)
{
	json_error_t err;
	json_t *j = json_loadb(body, len, 0, &err);
	if (!j) {
		char where[480];
		snprintf(where, sizeof(where), "line %d, column %d: %s", err.line, err.column, err.text);
		return send_json_error(con, MHD_HTTP_BAD_REQUEST, "body is not JSON: %s", where);
	}
	if (json_is_object(j)) {
		json_t *a = json_array();
		json_array_append_new(a, j);
		j = a;
	}
	size_t n = json_array_size(j);
	if (!json_is_array(j) || !n) {
		json_decref(j);
		return send_json_error(con, MHD_HTTP_BAD_REQUEST,
				       "body must be an article object or a non-empty array of them%s", "");
	}
	/* each one an object with an id and a text, as JSON Lines */
	char *lines = NULL;
	size_t llen = 0;
	FILE *f = open_memstream(&lines, &llen);
	for (size_t i = 0; f && i < n; i++) {
		json_t *a = json_array_get(j, i);
		const char *id = json_string_value(json_object_get(a, "id"));
		const char *text = json_string_value(json_object_get(a, "text"));
		if (!json_is_object(a) || !id || !*id || !text || !*text) {
			fclose(f);
			free(lines);
			json_decref(j);
			char what[64];
			snprintf(what, sizeof(what), "%zu", i + 1);
			return send_json_error(con, MHD_HTTP_BAD_REQUEST,
					       "article %s needs a non-empty string 'id' and 'text'", what);
		}
		char *one = json_dumps(a, JSON_COMPACT);
		if (one) {
			fputs(one, f);
			putc('\n', f);
		}
		free(one);
	}
	if (!f || fclose(f)) {
		json_decref(j);
		return send_json_error(con, MHD_HTTP_INTERNAL_SERVER_ERROR, "out of memory%s", "");
	}
	struct wt_corpus *c = NULL;
	struct diag_text dt = {{0}, 0};
	if (wt_corpus_new(&c)) {
		free(lines);
		json_decref(j);
		return send_json_error(con, MHD_HTTP_INTERNAL_SERVER_ERROR, "out of memory%s", "");
	}
	wt_corpus_set_diag(c, first_diag, &dt);
	enum wt_status st = wt_corpus_read_memory(c, "request", lines, llen, WT_FORMAT_JSONL);
	free(lines);
	if (st || dt.n) {
		wt_corpus_free(c);
		json_decref(j);
		return send_json_error(con, MHD_HTTP_BAD_REQUEST, "%s",
				       dt.n ? dt.msg : wt_strerror(st));
	}
	int rc = add_grouped(c);
	if (rc) {
		wt_corpus_free(c);
		json_decref(j);
		return send_json_error(con, MHD_HTTP_INTERNAL_SERVER_ERROR,
				       "the store could not add the articles%s", "");
	}
	/* each article's place now */
	char *out = NULL;
	size_t olen = 0;
	f = open_memstream(&out, &olen);
	sqlite3 *db = reader();
	sqlite3_stmt *q = NULL;
	if (!f || !db ||
	    sqlite3_prepare_v2(db, "SELECT story, family, relation, source, coverage FROM r_article WHERE id = ?1",
			       -1, &q, NULL) != SQLITE_OK) {
		if (f)
			fclose(f);
		free(out);
		wt_corpus_free(c);
		json_decref(j);
		return send_json_error(con, MHD_HTTP_INTERNAL_SERVER_ERROR, "the store cannot be read%s", "");
	}
	fputs("{\"articles\":[", f);
	for (size_t i = 0; i < wt_corpus_count(c); i++) {
		const char *id = wt_corpus_get(c, i)->id;
		fputs(i ? ",{\"id\":" : "{\"id\":", f);
		cli_json_string(f, id, strlen(id));
		sqlite3_bind_text(q, 1, id, -1, SQLITE_TRANSIENT);
		if (sqlite3_step(q) == SQLITE_ROW) {
			static const char *const names[] = {"story", "family", "relation", "source"};
			for (int k = 0; k < 4; k++) {
				fprintf(f, ",\"%s\":", names[k]);
				const char *v = (const char *)sqlite3_column_text(q, k);
				cli_json_string(f, v, v ? strlen(v) : 0);
			}
			fprintf(f, ",\"coverage\":%.4g}", sqlite3_column_double(q, 4));
		} else {
			/* the same text from the same site is stored under another id */
			fputs(",\"story\":null,\"note\":\"the same text from the same site is stored already\"}", f);
		}
		sqlite3_reset(q);
	}
	fputs("]}\n", f);
	sqlite3_finalize(q);
	fclose(f);
	wt_corpus_free(c);
	json_decref(j);
	return respond(con, MHD_HTTP_OK, "application/json", out, olen);
}

/* ---- GET ------------------------------------------------------------------ */

static struct story_query query_of(struct MHD_Connection *con)
{
	struct story_query q = {0};
	const char *v;
	q.q = MHD_lookup_connection_value(con, MHD_GET_ARGUMENT_KIND, "q");
	q.site = MHD_lookup_connection_value(con, MHD_GET_ARGUMENT_KIND, "site");
	q.from = MHD_lookup_connection_value(con, MHD_GET_ARGUMENT_KIND, "from");
	q.to = MHD_lookup_connection_value(con, MHD_GET_ARGUMENT_KIND, "to");
	if ((v = MHD_lookup_connection_value(con, MHD_GET_ARGUMENT_KIND, "limit")))
		q.limit = cli_parse_long(v);
	if ((v = MHD_lookup_connection_value(con, MHD_GET_ARGUMENT_KIND, "offset")))
		q.offset = cli_parse_long(v);
	return q;
}

/* Renders with fn into a buffer and sends it; 404 when fn says none. */
static enum MHD_Result get(struct MHD_Connection *con, const char *url)
{
	sqlite3 *db = reader();
	if (!db)
		return send_json_error(con, MHD_HTTP_SERVICE_UNAVAILABLE, "the store cannot be read%s", "");
	char *body = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&body, &len);
	if (!f)
		return MHD_NO;
	int rc = -2, json = !strncmp(url, "/api/", 5);
	struct story_query q = query_of(con);
	if (!strcmp(url, "/") || !strcmp(url, "/index.html")) {
		if (q.limit < 0 || q.offset < 0)
			rc = 2;
		else
			rc = render_index(f, db, &q, LINKS_SERVER);
	} else if (!strncmp(url, "/story/", 7) && url[7]) {
		rc = render_story(f, db, url + 7, LINKS_SERVER);
	} else if (!strcmp(url, "/api/stories")) {
		rc = q.limit < 0 || q.offset < 0 ? 2 : api_stories(f, db, &q);
	} else if (!strncmp(url, "/api/stories/", 13) && url[13]) {
		rc = api_story(f, db, url + 13);
	} else if (!strncmp(url, "/api/articles/", 14) && url[14]) {
		rc = api_article(f, db, url + 14);
	}
	fclose(f);
	if (rc == 0)
		return respond(con, MHD_HTTP_OK, json ? "application/json" : "text/html; charset=utf-8",
			    body, len);
	free(body);
	if (rc == 2)
		return send_json_error(con, MHD_HTTP_BAD_REQUEST,
				       "limit and offset must be whole numbers%s", "");
	if (rc == -1)
		return send_json_error(con, MHD_HTTP_INTERNAL_SERVER_ERROR, "the store cannot be read%s", "");
	return send_json_error(con, MHD_HTTP_NOT_FOUND, "nothing at %s", url); /* rc 1 or -2 */
}

/* ---- the request handler -------------------------------------------------- */

struct upload {
	char *data;
	size_t len, cap;
	int too_big;
};

static enum MHD_Result handle(void *cls, struct MHD_Connection *con, const char *url,
			      const char *method, const char *version, const char *upload_data,
			      size_t *upload_size, void **con_cls)
{
	(void)cls;
	(void)version;
	int is_post = !strcmp(method, "POST");
	if (is_post && !strcmp(url, "/api/articles")) {
		struct upload *u = *con_cls;
		if (!u) {
			if (!(u = calloc(1, sizeof(*u))))
				return MHD_NO;
			*con_cls = u;
			return MHD_YES;
		}
		if (*upload_size) {
			if (!u->too_big && u->len + *upload_size > MAX_BODY)
				u->too_big = 1;
			if (!u->too_big) {
				if (u->len + *upload_size > u->cap) {
					size_t cap = u->cap ? u->cap : 65536;
					while (cap < u->len + *upload_size)
						cap *= 2;
					char *p = realloc(u->data, cap);
					if (!p)
						return MHD_NO;
					u->data = p;
					u->cap = cap;
				}
				memcpy(u->data + u->len, upload_data, *upload_size);
				u->len += *upload_size;
			}
			*upload_size = 0;
			return MHD_YES;
		}
		if (u->too_big)
			return send_json_error(con, MHD_HTTP_CONTENT_TOO_LARGE,
					       "request body over 8 MB%s", "");
		return post_articles(con, u->data ? u->data : "", u->len);
	}
	if (!strcmp(method, "GET") || !strcmp(method, "HEAD"))
		return get(con, url);
	if (!strncmp(url, "/api/", 5) || !strcmp(url, "/"))
		return send_json_error(con, MHD_HTTP_METHOD_NOT_ALLOWED, "method %s not allowed here",
				       method);
	return send_json_error(con, MHD_HTTP_NOT_FOUND, "nothing at %s", url);
}

static void completed(void *cls, struct MHD_Connection *con, void **con_cls,
		      enum MHD_RequestTerminationCode toe)
{
	(void)cls;
	(void)con;
	(void)toe;
	struct upload *u = *con_cls;
	if (u) {
		free(u->data);
		free(u);
		*con_cls = NULL;
	}
}

/* ---- serve ------------------------------------------------------------------ */

static int parse_listen(const char *s, struct sockaddr_in *sa)
{
	char host[64];
	const char *colon = strrchr(s, ':');
	if (!colon || (size_t)(colon - s) >= sizeof(host))
		return -1;
	memcpy(host, s, (size_t)(colon - s));
	host[colon - s] = 0;
	long port = cli_parse_long(colon + 1);
	memset(sa, 0, sizeof(*sa));
	sa->sin_family = AF_INET;
	sa->sin_port = htons((uint16_t)port);
	if (port < 0 || port > 65535 || inet_pton(AF_INET, *host ? host : "127.0.0.1", &sa->sin_addr) != 1)
		return -1;
	return 0;
}

int cmd_serve(int argc, char **argv)
{
	const char *db = CLI_STORE_DEFAULT, *listen_at = "127.0.0.1:8080";
	int threads = 0;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		int t;
		if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
			fputs(serve_usage, stdout);
			return EXIT_OK;
		} else if (!strcmp(a, "--db") && i + 1 < argc) {
			db = argv[++i];
		} else if (!strcmp(a, "--listen") && i + 1 < argc) {
			listen_at = argv[++i];
		} else if ((t = cli_parse_threads(argc, argv, &i, &threads)) != 0) {
			if (t < 0)
				return EXIT_USAGE;
		} else if (!strcmp(a, "--quiet") || !strcmp(a, "-q")) {
			cli_quiet = 1;
		} else {
			cli_error("unknown argument '%s' (see 'wiretrace serve --help')", a);
			return EXIT_USAGE;
		}
	}
	struct sockaddr_in sa;
	if (parse_listen(listen_at, &sa)) {
		cli_error("--listen needs HOST:PORT with an IPv4 address, as 127.0.0.1:8080");
		return EXIT_USAGE;
	}
	srv.db_path = db;
	srv.threads = threads;
	int rc = cli_store_open(db, 1, &srv.writer);
	if (rc)
		return rc;
	pthread_mutex_init(&srv.mu, NULL);
	pthread_cond_init(&srv.cv, NULL);
	pthread_key_create(&reader_key, close_reader);
	/* SIGINT and SIGTERM are waited for; the server threads never see them */
	sigset_t set;
	sigemptyset(&set);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGTERM);
	pthread_sigmask(SIG_BLOCK, &set, NULL);
	long cores = sysconf(_SC_NPROCESSORS_ONLN);
	unsigned pool = threads > 0 ? (unsigned)threads : cores > 0 ? (unsigned)cores : 2;
	if (pool < 2)
		pool = 2;
	struct MHD_Daemon *d = MHD_start_daemon(
		MHD_USE_AUTO | MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_ERROR_LOG, 0, NULL, NULL,
		handle, NULL, MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&sa,
		MHD_OPTION_THREAD_POOL_SIZE, pool, MHD_OPTION_NOTIFY_COMPLETED, completed, NULL,
		MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)120, MHD_OPTION_CONNECTION_LIMIT,
		(unsigned)1000, MHD_OPTION_END);
	if (!d) {
		cli_error("cannot listen on %s: %s", listen_at, strerror(errno));
		cli_store_close(&srv.writer);
		return EXIT_USAGE;
	}
	const union MHD_DaemonInfo *info = MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
	char addr[64];
	inet_ntop(AF_INET, &sa.sin_addr, addr, sizeof(addr));
	/* said even with --quiet when the port was chosen: a caller needs it */
	if (!cli_quiet || !ntohs(sa.sin_port))
		fprintf(stderr, "wiretrace: serving %s on http://%s:%u/\n", db, addr,
			info ? (unsigned)info->port : (unsigned)ntohs(sa.sin_port));
	int sig = 0;
	sigwait(&set, &sig);
	if (!cli_quiet)
		fprintf(stderr, "wiretrace: stopping (%s)\n", sig == SIGINT ? "SIGINT" : "SIGTERM");
	MHD_stop_daemon(d);
	cli_store_close(&srv.writer);
	return EXIT_OK;
}

/* ---- report --html ------------------------------------------------------------ */

int cmd_report(int argc, char **argv)
{
	const char *dir = NULL, *db = NULL, *results = NULL;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
			fputs(report_usage, stdout);
			return EXIT_OK;
		} else if (!strcmp(a, "--html") && i + 1 < argc) {
			dir = argv[++i];
		} else if (!strcmp(a, "--db") && i + 1 < argc) {
			db = argv[++i];
		} else if (!strcmp(a, "--quiet") || !strcmp(a, "-q")) {
			cli_quiet = 1;
		} else if ((a[0] != '-' || !a[1]) && !results) {
			results = a;
		} else {
			cli_error("unknown argument '%s' (see 'wiretrace report --help')", a);
			return EXIT_USAGE;
		}
	}
	if (!dir || (db && results)) {
		cli_error("report needs --html DIR and a store (--db) or RESULTS, not both "
			  "(see 'wiretrace report --help')");
		return EXIT_USAGE;
	}
	struct cli_store s;
	int rc;
	if (results) {
		FILE *in = strcmp(results, "-") ? fopen(results, "r") : stdin;
		if (!in) {
			cli_error("%s: cannot open: %s", results, strerror(errno));
			return EXIT_USAGE;
		}
		rc = cli_store_from_records(in, results, &s);
		if (in != stdin)
			fclose(in);
	} else {
		rc = cli_store_open(db ? db : CLI_STORE_DEFAULT, 0, &s);
	}
	if (rc)
		return rc;
	if (mkdir(dir, 0777) && errno != EEXIST) {
		cli_error("%s: cannot make the directory: %s", dir, strerror(errno));
		cli_store_close(&s);
		return EXIT_USAGE;
	}
	size_t plen = strlen(dir) + 64;
	char *path = malloc(plen);
	sqlite3_stmt *q = NULL;
	if (!path || sqlite3_prepare_v2(s.db, "SELECT ord, id FROM r_story", -1, &q, NULL) != SQLITE_OK) {
		free(path);
		cli_store_close(&s);
		cli_error("%s: cannot read the stories", dir);
		return EXIT_INTERNAL;
	}
	size_t pages = 0;
	snprintf(path, plen, "%s/index.html", dir);
	FILE *f = fopen(path, "w");
	struct story_query all = {0};
	all.limit = -1;
	if (!f || render_index(f, s.db, &all, LINKS_FILES) || fclose(f)) {
		cli_error("%s: cannot write", path);
		rc = EXIT_INTERNAL;
	}
	while (!rc && sqlite3_step(q) == SQLITE_ROW) {
		snprintf(path, plen, "%s/story-%lld.html", dir, (long long)sqlite3_column_int64(q, 0));
		f = fopen(path, "w");
		if (!f || render_story(f, s.db, (const char *)sqlite3_column_text(q, 1), LINKS_FILES) ||
		    fclose(f)) {
			cli_error("%s: cannot write", path);
			rc = EXIT_INTERNAL;
		}
		pages++;
	}
	sqlite3_finalize(q);
	free(path);
	cli_store_close(&s);
	if (!rc && !cli_quiet)
		fprintf(stderr, "wiretrace: wrote %s/index.html and %zu story pages\n", dir, pages);
	return rc;
}
