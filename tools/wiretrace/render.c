/*
 * render.c - HTML pages and API JSON from a store's tables (render.h).
 * Pages carry their own style and no script or external asset.
 */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "render.h"

/* ---- output helpers ---------------------------------------------------- */

static void html(FILE *out, const char *s, size_t n)
{
	size_t run = 0;
	for (size_t i = 0; i < n; i++) {
		const char *e = NULL;
		switch (s[i]) {
		case '&': e = "&amp;"; break;
		case '<': e = "&lt;"; break;
		case '>': e = "&gt;"; break;
		case '"': e = "&quot;"; break;
		case '\'': e = "&#39;"; break;
		default: continue;
		}
		fwrite(s + run, 1, i - run, out);
		fputs(e, out);
		run = i + 1;
	}
	fwrite(s + run, 1, n - run, out);
}

static void htmls(FILE *out, const char *s)
{
	if (s)
		html(out, s, strlen(s));
}

/* Percent-encodes s for a URL path segment or query value. */
static void urlenc(FILE *out, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";
	for (; s && *s; s++) {
		unsigned char c = (unsigned char)*s;
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		    c == '-' || c == '_' || c == '.' || c == '~')
			putc(c, out);
		else
			fprintf(out, "%%%c%c", hex[c >> 4], hex[c & 15]);
	}
}

static const char *jstr(json_t *o, const char *k)
{
	return json_string_value(json_object_get(o, k));
}

static json_t *parse(sqlite3_stmt *q, int col)
{
	const char *t = (const char *)sqlite3_column_text(q, col);
	return t ? json_loads(t, 0, NULL) : NULL;
}

static void raw(FILE *out, sqlite3_stmt *q, int col)
{
	const unsigned char *t = sqlite3_column_text(q, col);
	if (t)
		fwrite(t, 1, (size_t)sqlite3_column_bytes(q, col), out);
	else
		fputs("null", out);
}

static const char style[] =
	"<style>"
	"body{font:15px/1.45 system-ui,sans-serif;margin:0;color:#1d2329;background:#f6f7f9}"
	"header{background:#1d2f45;color:#fff;padding:.6em 1.2em}header a{color:#fff;text-decoration:none;font-weight:600}"
	"main{max-width:1200px;margin:0 auto;padding:1em 1.2em}"
	"table{border-collapse:collapse;width:100%;background:#fff}td,th{border-bottom:1px solid #e2e5e9;padding:.35em .5em;text-align:left;vertical-align:top}"
	"th{background:#eef1f4;font-weight:600}.num{text-align:right}"
	".rel{display:inline-block;padding:0 .45em;border-radius:.6em;font-size:.85em;background:#dde3ea}"
	".rel-original{background:#cde8d4}.rel-duplicate{background:#f6d5d5}.rel-verbatim{background:#f9e0c7}"
	".rel-edited{background:#f7efc0}.rel-rewrite{background:#d9d5f3}.rel-independent{background:#d5e7f3}"
	"form{margin:.5em 0 1em}input{padding:.3em;margin-right:.4em}"
	".pair{display:grid;grid-template-columns:1fr 1fr;gap:1em;background:#fff;padding:.8em;margin:1em 0;border:1px solid #e2e5e9}"
	".pair h3{margin:.2em 0;font-size:1em}.text{white-space:pre-wrap;font-size:.92em}"
	"mark.copied{background:#ffe58a}.added{background:#c9f0cf}.dropped{color:#8a94a0;text-decoration:line-through}"
	"svg text{font-size:11px}.edge{stroke:#7d8a99;stroke-width:1.4}.node circle{stroke:#1d2f45;stroke-width:1.2;fill:#fff}"
	".node.rel-original circle{fill:#7cc48d}.node.rel-duplicate circle{fill:#e88f8f}.node.rel-verbatim circle{fill:#f2b37a}"
	".node.rel-edited circle{fill:#eedc6a}.node.rel-rewrite circle{fill:#a79be6}.node.rel-independent circle{fill:#8cc0e3}"
	".legend span{margin-right:1em}nav.pages a{margin-right:1em}.rel-label{fill:#56616d;font-style:italic}"
	"</style>";

static void page_start(FILE *out, const char *title, int links)
{
	fputs("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
	      "<meta name=\"viewport\" content=\"width=device-width\"><title>",
	      out);
	htmls(out, title);
	fputs(" - wiretrace</title>", out);
	fputs(style, out);
	fprintf(out, "</head><body><header><a href=\"%s\">wiretrace</a></header><main>\n",
		links == LINKS_FILES ? "index.html" : "/");
}

static void page_end(FILE *out)
{
	fputs("</main></body></html>\n", out);
}

static void story_link(FILE *out, sqlite3_int64 ord, const char *id, int links)
{
	if (links == LINKS_FILES) {
		fprintf(out, "story-%lld.html", (long long)ord);
	} else {
		fputs("/story/", out);
		urlenc(out, id);
	}
}

/* ---- the story list ---------------------------------------------------- */

#define WHERE                                                                         \
	" WHERE (?1 IS NULL OR coalesce(last, first) >= ?1)"                          \
	" AND (?2 IS NULL OR coalesce(first, last) <= ?2 || 'z')"                     \
	" AND (?3 IS NULL OR id IN (SELECT story FROM r_article WHERE site = ?3))"    \
	" AND (?4 IS NULL OR title LIKE '%' || ?4 || '%')"

static void bind_query(sqlite3_stmt *st, const struct story_query *q)
{
	const char *v[4] = {q->from, q->to, q->site, q->q};
	for (int k = 0; k < 4; k++) {
		if (v[k] && *v[k])
			sqlite3_bind_text(st, k + 1, v[k], -1, SQLITE_TRANSIENT);
		else
			sqlite3_bind_null(st, k + 1);
	}
}

static long limit_of(const struct story_query *q)
{
	if (q->limit < 0)
		return -1; /* every one (a report) */
	return q->limit == 0 ? 50 : q->limit > 1000 ? 1000 : q->limit;
}

static long long count_stories(sqlite3 *db, const struct story_query *q)
{
	sqlite3_stmt *st = NULL;
	long long n = -1;
	if (sqlite3_prepare_v2(db, "SELECT count(*) FROM r_story" WHERE, -1, &st, NULL) ==
	    SQLITE_OK) {
		bind_query(st, q);
		if (sqlite3_step(st) == SQLITE_ROW)
			n = sqlite3_column_int64(st, 0);
	}
	sqlite3_finalize(st);
	return n;
}

static sqlite3_stmt *select_stories(sqlite3 *db, const struct story_query *q)
{
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(db,
			       "SELECT ord, id, title, first, last, size, origin, record FROM r_story" WHERE
			       " ORDER BY last IS NULL, last DESC, ord LIMIT ?5 OFFSET ?6",
			       -1, &st, NULL) != SQLITE_OK)
		return NULL;
	bind_query(st, q);
	sqlite3_bind_int64(st, 5, limit_of(q));
	sqlite3_bind_int64(st, 6, q->offset < 0 ? 0 : q->offset);
	return st;
}

static void query_link(FILE *out, const struct story_query *q, long offset)
{
	fprintf(out, "/?offset=%ld", offset);
	const char *names[4] = {"from", "to", "site", "q"};
	const char *v[4] = {q->from, q->to, q->site, q->q};
	for (int k = 0; k < 4; k++)
		if (v[k] && *v[k]) {
			fprintf(out, "&amp;%s=", names[k]);
			urlenc(out, v[k]);
		}
}

int render_index(FILE *out, sqlite3 *db, const struct story_query *q, int links)
{
	long long total = count_stories(db, q);
	sqlite3_stmt *st = select_stories(db, q);
	if (total < 0 || !st) {
		sqlite3_finalize(st);
		return -1;
	}
	page_start(out, "Stories", links);
	fprintf(out, "<h1>Stories</h1>\n");
	if (links == LINKS_SERVER) {
		fputs("<form method=\"get\" action=\"/\"><input name=\"q\" placeholder=\"words in the title\" value=\"", out);
		htmls(out, q->q);
		fputs("\"><input name=\"site\" placeholder=\"site\" value=\"", out);
		htmls(out, q->site);
		fputs("\"><input name=\"from\" placeholder=\"from (YYYY-MM-DD)\" value=\"", out);
		htmls(out, q->from);
		fputs("\"><input name=\"to\" placeholder=\"to\" value=\"", out);
		htmls(out, q->to);
		fputs("\"><button>Find</button></form>\n", out);
	}
	fprintf(out, "<p id=\"count\">%lld stories</p>\n<table id=\"stories\"><thead><tr><th>story</th>"
		     "<th class=\"num\">articles</th><th>first</th><th>last</th></tr></thead><tbody>\n",
		total);
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *id = (const char *)sqlite3_column_text(st, 1);
		const char *title = (const char *)sqlite3_column_text(st, 2);
		fputs("<tr><td><a class=\"story\" href=\"", out);
		story_link(out, sqlite3_column_int64(st, 0), id, links);
		fputs("\">", out);
		htmls(out, title && *title ? title : id);
		fprintf(out, "</a></td><td class=\"num\">%lld</td><td>", sqlite3_column_int64(st, 5));
		htmls(out, (const char *)sqlite3_column_text(st, 3));
		fputs("</td><td>", out);
		htmls(out, (const char *)sqlite3_column_text(st, 4));
		fputs("</td></tr>\n", out);
	}
	sqlite3_finalize(st);
	fputs("</tbody></table>\n", out);
	long lim = limit_of(q), off = q->offset < 0 ? 0 : q->offset;
	if (links == LINKS_SERVER && lim > 0 && (off > 0 || off + lim < total)) {
		fputs("<nav class=\"pages\">", out);
		if (off > 0) {
			fputs("<a rel=\"prev\" href=\"", out);
			query_link(out, q, off > lim ? off - lim : 0);
			fputs("\">newer</a>", out);
		}
		if (off + lim < total) {
			fputs("<a rel=\"next\" href=\"", out);
			query_link(out, q, off + lim);
			fputs("\">older</a>", out);
		}
		fputs("</nav>\n", out);
	}
	page_end(out);
	return 0;
}

int api_stories(FILE *out, sqlite3 *db, const struct story_query *q)
{
	long long total = count_stories(db, q);
	sqlite3_stmt *st = select_stories(db, q);
	if (total < 0 || !st) {
		sqlite3_finalize(st);
		return -1;
	}
	fprintf(out, "{\"total\":%lld,\"offset\":%ld,\"limit\":%ld,\"stories\":[", total,
		q->offset < 0 ? 0 : q->offset, limit_of(q));
	for (int k = 0; sqlite3_step(st) == SQLITE_ROW; k++) {
		if (k)
			putc(',', out);
		raw(out, st, 7);
	}
	fputs("]}\n", out);
	sqlite3_finalize(st);
	return 0;
}

/* ---- one story ----------------------------------------------------------- */

struct member {
	json_t *rec;   /* its article record */
	char *text;    /* from the article table, or NULL */
	size_t len;
	int depth, row;
};

struct story {
	sqlite3_int64 ord;
	json_t *rec;
	struct member *m;
	size_t n;
};

static void story_free(struct story *s)
{
	for (size_t i = 0; i < s->n; i++) {
		json_decref(s->m[i].rec);
		free(s->m[i].text);
	}
	free(s->m);
	json_decref(s->rec);
}

static long find_member(const struct story *s, const char *id)
{
	for (size_t i = 0; id && i < s->n; i++)
		if (!strcmp(jstr(s->m[i].rec, "id"), id))
			return (long)i;
	return -1;
}

/* Loads story `id`: its record, its articles' records (earliest first)
 * and texts.  @return 0, 1 if none, -1 on error. */
static int load_story(sqlite3 *db, const char *id, struct story *s, int texts)
{
	memset(s, 0, sizeof(*s));
	sqlite3_stmt *q = NULL;
	if (sqlite3_prepare_v2(db, "SELECT ord, record FROM r_story WHERE id = ?1", -1, &q, NULL) !=
	    SQLITE_OK)
		return -1;
	sqlite3_bind_text(q, 1, id, -1, SQLITE_TRANSIENT);
	int rc = 1;
	if (sqlite3_step(q) == SQLITE_ROW) {
		s->ord = sqlite3_column_int64(q, 0);
		s->rec = parse(q, 1);
		rc = s->rec ? 0 : -1;
	}
	sqlite3_finalize(q);
	if (rc)
		return rc;
	json_t *ids = json_object_get(s->rec, "articles");
	size_t n = json_array_size(ids);
	s->m = calloc(n + 1, sizeof(*s->m));
	sqlite3_stmt *a = NULL, *t = NULL;
	/* (a store made from results has an empty article table: no texts) */
	if (!s->m ||
	    sqlite3_prepare_v2(db, "SELECT record FROM r_article WHERE id = ?1", -1, &a, NULL) != SQLITE_OK ||
	    (texts && sqlite3_prepare_v2(db, "SELECT text FROM article WHERE id = ?1", -1, &t, NULL) !=
			      SQLITE_OK)) {
		sqlite3_finalize(a);
		sqlite3_finalize(t);
		return -1;
	}
	for (size_t i = 0; i < n; i++) {
		const char *aid = json_string_value(json_array_get(ids, i));
		sqlite3_bind_text(a, 1, aid, -1, SQLITE_TRANSIENT);
		if (sqlite3_step(a) == SQLITE_ROW && (s->m[s->n].rec = parse(a, 0))) {
			struct member *m = &s->m[s->n++];
			if (t) {
				sqlite3_bind_text(t, 1, aid, -1, SQLITE_TRANSIENT);
				if (sqlite3_step(t) == SQLITE_ROW) {
					m->len = (size_t)sqlite3_column_bytes(t, 0);
					m->text = malloc(m->len + 1);
					if (m->text) {
						memcpy(m->text, sqlite3_column_blob(t, 0), m->len);
						m->text[m->len] = 0;
					}
				}
				sqlite3_reset(t);
			}
		}
		sqlite3_reset(a);
	}
	sqlite3_finalize(a);
	sqlite3_finalize(t);
	return 0;
}

/* Depth of each member in the lineage (sources before copies), and a row
 * within its depth. */
static int layout(struct story *s)
{
	int maxd = 0;
	for (size_t i = 0; i < s->n; i++) {
		int d = 0;
		long x = (long)i;
		for (size_t steps = 0; steps < s->n; steps++) {
			long src = find_member(s, jstr(s->m[x].rec, "source"));
			if (src < 0)
				break;
			d++;
			x = src;
		}
		s->m[i].depth = d;
		if (d > maxd)
			maxd = d;
	}
	for (int d = 0; d <= maxd; d++) {
		int row = 0;
		for (size_t i = 0; i < s->n; i++)
			if (s->m[i].depth == d)
				s->m[i].row = row++;
	}
	return maxd;
}

#define PAIRS_SHOWN 100 /* copies shown side by side on a story page */
#define COL_W 300
#define ROW_H 46

static void lineage_svg(FILE *out, struct story *s)
{
	int maxd = layout(s), maxr = 0;
	for (size_t i = 0; i < s->n; i++)
		if (s->m[i].row > maxr)
			maxr = s->m[i].row;
	int w = (maxd + 1) * COL_W + 40, h = (maxr + 1) * ROW_H + 20;
	fprintf(out, "<svg id=\"lineage\" role=\"img\" aria-label=\"lineage\" width=\"%d\" height=\"%d\" "
		     "viewBox=\"0 0 %d %d\">\n", w, h, w, h);
	for (size_t i = 0; i < s->n; i++) {
		long src = find_member(s, jstr(s->m[i].rec, "source"));
		if (src < 0)
			continue;
		int x1 = 20 + s->m[src].depth * COL_W, y1 = 24 + s->m[src].row * ROW_H;
		int x2 = 20 + s->m[i].depth * COL_W, y2 = 24 + s->m[i].row * ROW_H;
		fputs("<g class=\"edge-group\"><line class=\"edge\" data-source=\"", out);
		htmls(out, jstr(s->m[src].rec, "id"));
		fputs("\" data-target=\"", out);
		htmls(out, jstr(s->m[i].rec, "id"));
		fprintf(out, "\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/><text class=\"rel-label\" "
			     "x=\"%d\" y=\"%d\" text-anchor=\"end\">", x1, y1, x2, y2, x2 - 12, y2 + 4);
		htmls(out, jstr(s->m[i].rec, "relation"));
		fputs("</text></g>\n", out);
	}
	for (size_t i = 0; i < s->n; i++) {
		int x = 20 + s->m[i].depth * COL_W, y = 24 + s->m[i].row * ROW_H;
		fputs("<g class=\"node rel-", out);
		htmls(out, jstr(s->m[i].rec, "relation"));
		fputs("\" data-id=\"", out);
		htmls(out, jstr(s->m[i].rec, "id"));
		fputs("\"><title>", out);
		htmls(out, jstr(s->m[i].rec, "id"));
		fprintf(out, "</title><circle cx=\"%d\" cy=\"%d\" r=\"8\"/><text x=\"%d\" y=\"%d\">", x, y,
			x + 11, y - 10);
		const char *site = jstr(s->m[i].rec, "site");
		htmls(out, site ? site : jstr(s->m[i].rec, "id"));
		fputs("</text></g>\n", out);
	}
	fputs("</svg>\n", out);
}

/* Spans of one side of a pair record, sorted and merged. */
struct span {
	size_t s, e;
};

static int cmp_span(const void *x, const void *y)
{
	const struct span *a = x, *b = y;
	return a->s < b->s ? -1 : a->s > b->s;
}

static size_t spans_of(json_t *pair, const char *side, struct span **out)
{
	json_t *ps = json_object_get(pair, "passages");
	size_t n = json_array_size(ps), k = 0;
	*out = calloc(n + 1, sizeof(**out));
	if (!*out)
		return 0;
	for (size_t i = 0; i < n; i++) {
		json_t *r = json_object_get(json_array_get(ps, i), side);
		(*out)[k].s = (size_t)json_integer_value(json_array_get(r, 0));
		(*out)[k].e = (size_t)json_integer_value(json_array_get(r, 1));
		if ((*out)[k].e > (*out)[k].s)
			k++;
	}
	qsort(*out, k, sizeof(**out), cmp_span);
	size_t w = 0;
	for (size_t i = 0; i < k; i++) {
		if (w && (*out)[i].s <= (*out)[w - 1].e) {
			if ((*out)[i].e > (*out)[w - 1].e)
				(*out)[w - 1].e = (*out)[i].e;
		} else {
			(*out)[w++] = (*out)[i];
		}
	}
	return w;
}

/* Text outside the aligned spans: in `cls`, unless it is only spaces and
 * punctuation between passages. */
static void rest(FILE *out, const char *text, size_t n, const char *cls)
{
	int words = 0;
	for (size_t i = 0; i < n && !words; i++)
		words = (unsigned char)text[i] >= 0x80 || (text[i] >= '0' && text[i] <= '9') ||
			((text[i] | 32) >= 'a' && (text[i] | 32) <= 'z');
	if (words)
		fprintf(out, "<span class=\"%s\">", cls);
	html(out, text, n);
	if (words)
		fputs("</span>", out);
}

/* A text with its aligned spans marked; the rest in `rest_class`. */
static void marked_text(FILE *out, const char *text, size_t len, const struct span *sp, size_t n,
			const char *rest_class)
{
	size_t at = 0;
	fputs("<div class=\"text\">", out);
	for (size_t i = 0; i < n && at < len; i++) {
		size_t s = sp[i].s < len ? sp[i].s : len, e = sp[i].e < len ? sp[i].e : len;
		if (s > at)
			rest(out, text + at, s - at, rest_class);
		if (e > s) {
			fputs("<mark class=\"copied\">", out);
			html(out, text + s, e - s);
			fputs("</mark>", out);
		}
		if (e > at)
			at = e;
	}
	if (at < len)
		rest(out, text + at, len - at, rest_class);
	fputs("</div>", out);
}

/* The pair record of articles x and y, or NULL. */
static json_t *pair_of(sqlite3 *db, const char *x, const char *y)
{
	sqlite3_stmt *q = NULL;
	json_t *r = NULL;
	if (sqlite3_prepare_v2(db,
			       "SELECT record FROM r_pair WHERE (a = ?1 AND b = ?2) OR (a = ?2 AND b = ?1)",
			       -1, &q, NULL) != SQLITE_OK)
		return NULL;
	sqlite3_bind_text(q, 1, x, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(q, 2, y, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(q) == SQLITE_ROW)
		r = parse(q, 0);
	sqlite3_finalize(q);
	return r;
}

static void side_by_side(FILE *out, sqlite3 *db, struct story *s, size_t i)
{
	struct member *m = &s->m[i];
	const char *id = jstr(m->rec, "id");
	long src = find_member(s, jstr(m->rec, "source"));
	if (src < 0)
		return;
	struct member *sm = &s->m[src];
	fprintf(out, "<section class=\"pair\" id=\"pair-%zu\" data-id=\"", i);
	htmls(out, id);
	fputs("\" data-source=\"", out);
	htmls(out, jstr(sm->rec, "id"));
	fputs("\"><div class=\"copy\"><h3>", out);
	htmls(out, id);
	fputs(" <span class=\"rel rel-", out);
	htmls(out, jstr(m->rec, "relation"));
	fputs("\">", out);
	htmls(out, jstr(m->rec, "relation"));
	json_t *cov = json_object_get(m->rec, "coverage");
	fprintf(out, "</span> %.0f%% aligned</h3>", 100 * json_number_value(cov));
	json_t *pair = pair_of(db, id, jstr(sm->rec, "id"));
	struct span *mine = NULL, *theirs = NULL;
	size_t nm = 0, nt = 0;
	if (pair) {
		int a_is_me = !strcmp(jstr(pair, "a"), id);
		nm = spans_of(pair, a_is_me ? "a" : "b", &mine);
		nt = spans_of(pair, a_is_me ? "b" : "a", &theirs);
	}
	if (m->text)
		marked_text(out, m->text, m->len, mine, nm, "added");
	else
		fputs("<p>(text not in these results)</p>", out);
	fputs("</div><div class=\"source\"><h3>source: ", out);
	htmls(out, jstr(sm->rec, "id"));
	fputs("</h3>", out);
	if (sm->text)
		marked_text(out, sm->text, sm->len, theirs, nt, "dropped");
	fputs("</div></section>\n", out);
	free(mine);
	free(theirs);
	json_decref(pair);
}

static void articles_list(FILE *out, json_t *ids, const char *sep)
{
	for (size_t k = 0; k < json_array_size(ids); k++) {
		if (k)
			fputs(sep, out);
		htmls(out, json_string_value(json_array_get(ids, k)));
	}
}

static void conflicts_table(FILE *out, sqlite3 *db, const char *story)
{
	sqlite3_stmt *q = NULL;
	if (sqlite3_prepare_v2(db, "SELECT record FROM r_claim WHERE story = ?1 ORDER BY ord", -1, &q,
			       NULL) != SQLITE_OK)
		return;
	sqlite3_bind_text(q, 1, story, -1, SQLITE_TRANSIENT);
	int rows = 0;
	while (sqlite3_step(q) == SQLITE_ROW) {
		json_t *c = parse(q, 0);
		if (!c)
			continue;
		if (!rows++)
			fputs("<h2>Where versions disagree</h2>\n<table id=\"conflicts\"><thead><tr><th>kind</th>"
			      "<th>first version</th><th>in</th><th>other versions</th></tr></thead><tbody>\n",
			      out);
		fputs("<tr><td>", out);
		htmls(out, jstr(c, "kind"));
		fputs("</td><td>", out);
		htmls(out, jstr(c, "text"));
		fputs("</td><td>", out);
		articles_list(out, json_object_get(c, "articles"), ", ");
		fputs("</td><td>", out);
		json_t *cf = json_object_get(c, "conflicts");
		for (size_t k = 0; k < json_array_size(cf); k++) {
			json_t *v = json_array_get(cf, k);
			fputs("<div>", out);
			htmls(out, jstr(v, "text"));
			fputs(" <small>(", out);
			articles_list(out, json_object_get(v, "articles"), ", ");
			fputs(")</small></div>", out);
		}
		fputs("</td></tr>\n", out);
		json_decref(c);
	}
	if (rows)
		fputs("</tbody></table>\n", out);
	sqlite3_finalize(q);
}

/* A dot per dated article on one time axis. */
static void timeline_svg(FILE *out, struct story *s)
{
	long long t0 = 0, t1 = 0;
	int any = 0;
	long long *t = calloc(s->n + 1, sizeof(*t));
	if (!t)
		return;
	for (size_t i = 0; i < s->n; i++) {
		t[i] = wt_parse_date(jstr(s->m[i].rec, "date"));
		if (t[i] == WT_TIME_UNKNOWN)
			continue;
		if (!any || t[i] < t0)
			t0 = t[i];
		if (!any || t[i] > t1)
			t1 = t[i];
		any = 1;
	}
	if (any) {
		int w = 900, h = 24 + 16 * (int)s->n;
		fprintf(out, "<svg id=\"timeline\" role=\"img\" aria-label=\"timeline\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\">"
			     "<line class=\"edge\" x1=\"10\" y1=\"12\" x2=\"%d\" y2=\"12\"/>\n", w, h, w, h, w - 330);
		for (size_t i = 0; i < s->n; i++) {
			if (t[i] == WT_TIME_UNKNOWN)
				continue;
			double f = t1 > t0 ? (double)(t[i] - t0) / (double)(t1 - t0) : 0;
			int x = 10 + (int)(f * (w - 340)), y = 26 + 16 * (int)i;
			fputs("<g class=\"node rel-", out);
			htmls(out, jstr(s->m[i].rec, "relation"));
			fprintf(out, "\"><line class=\"edge\" x1=\"%d\" y1=\"12\" x2=\"%d\" y2=\"%d\"/>"
				     "<circle cx=\"%d\" cy=\"%d\" r=\"5\"/><text x=\"%d\" y=\"%d\">", x, x, y, x, y, x + 8, y + 4);
			htmls(out, jstr(s->m[i].rec, "date"));
			fputs(" ", out);
			htmls(out, jstr(s->m[i].rec, "site"));
			fputs("</text></g>\n", out);
		}
		fputs("</svg>\n", out);
	}
	free(t);
}

int render_story(FILE *out, sqlite3 *db, const char *id, int links)
{
	struct story s;
	int rc = load_story(db, id, &s, 1);
	if (rc) {
		story_free(&s);
		return rc;
	}
	page_start(out, jstr(s.rec, "title") ? jstr(s.rec, "title") : id, links);
	fputs("<h1>", out);
	htmls(out, jstr(s.rec, "title") ? jstr(s.rec, "title") : id);
	fprintf(out, "</h1>\n<p>%zu articles", s.n);
	if (jstr(s.rec, "first")) {
		fputs(", ", out);
		htmls(out, jstr(s.rec, "first"));
		fputs(" to ", out);
		htmls(out, jstr(s.rec, "last"));
	}
	fputs("; origin <b>", out);
	htmls(out, jstr(s.rec, "origin"));
	fputs("</b></p>\n<h2>Timeline</h2>\n", out);
	timeline_svg(out, &s);
	fputs("<table id=\"articles\"><thead><tr><th>date</th><th>site</th><th>relation</th>"
	      "<th>source</th><th class=\"num\">aligned</th><th>title</th><th>credit, byline</th></tr></thead><tbody>\n",
	      out);
	for (size_t i = 0; i < s.n; i++) {
		json_t *r = s.m[i].rec;
		fputs("<tr><td>", out);
		htmls(out, jstr(r, "date"));
		fputs("</td><td>", out);
		htmls(out, jstr(r, "site"));
		fputs("</td><td><span class=\"rel rel-", out);
		htmls(out, jstr(r, "relation"));
		fputs("\">", out);
		htmls(out, jstr(r, "relation"));
		fputs("</span></td><td>", out);
		if (find_member(&s, jstr(r, "source")) >= 0)
			fprintf(out, "<a href=\"#pair-%zu\">", i);
		htmls(out, jstr(r, "source"));
		if (find_member(&s, jstr(r, "source")) >= 0)
			fputs("</a>", out);
		fprintf(out, "</td><td class=\"num\">%.0f%%</td><td>",
			100 * json_number_value(json_object_get(r, "coverage")));
		htmls(out, jstr(r, "title") ? jstr(r, "title") : jstr(r, "id"));
		fputs("</td><td>", out);
		htmls(out, jstr(r, "credit"));
		if (jstr(r, "credit") && jstr(r, "byline"))
			fputs("; ", out);
		htmls(out, jstr(r, "byline"));
		fputs("</td></tr>\n", out);
	}
	fputs("</tbody></table>\n<h2>Lineage</h2>\n<p class=\"legend\"><span>an arrow goes from a "
	      "source to its copy</span></p>\n", out);
	lineage_svg(out, &s);
	fputs("<h2>Each version against its source</h2>\n<p class=\"legend\"><span><mark class=\"copied\">"
	      "copied</mark></span><span class=\"added\">added by the copy</span><span class=\"dropped\">"
	      "not carried</span></p>\n", out);
	/* A story of thousands of copies would make a page of thousands of
	 * texts: the first PAIRS_SHOWN are shown, the rest counted (each is
	 * in /api/articles/ID). */
	size_t shown = 0, more = 0;
	for (size_t i = 0; i < s.n; i++) {
		if (find_member(&s, jstr(s.m[i].rec, "source")) < 0)
			continue;
		if (shown++ < PAIRS_SHOWN)
			side_by_side(out, db, &s, i);
		else
			more++;
	}
	if (more)
		fprintf(out, "<p id=\"more-pairs\">%zu more copies are not shown here; each one's "
			     "passages are in the API (/api/articles/ID) and in the results.</p>\n", more);
	conflicts_table(out, db, id);
	page_end(out);
	story_free(&s);
	return 0;
}

/* ---- API: one story, one article ------------------------------------------ */

int api_story(FILE *out, sqlite3 *db, const char *id)
{
	struct story s;
	int rc = load_story(db, id, &s, 0);
	if (rc) {
		story_free(&s);
		return rc;
	}
	char *rec = json_dumps(s.rec, JSON_COMPACT | JSON_PRESERVE_ORDER);
	fprintf(out, "{\"story\":%s,\"articles\":[", rec ? rec : "null");
	free(rec);
	for (size_t i = 0; i < s.n; i++) {
		char *a = json_dumps(s.m[i].rec, JSON_COMPACT | JSON_PRESERVE_ORDER);
		fprintf(out, "%s%s", i ? "," : "", a ? a : "null");
		free(a);
	}
	fputs("],\"edges\":[", out);
	int k = 0;
	for (size_t i = 0; i < s.n; i++) {
		const char *src = jstr(s.m[i].rec, "source");
		if (!src)
			continue;
		fputs(k++ ? ",{\"source\":" : "{\"source\":", out);
		cli_json_string(out, src, strlen(src));
		fputs(",\"target\":", out);
		const char *t = jstr(s.m[i].rec, "id");
		cli_json_string(out, t, strlen(t));
		fputs(",\"relation\":", out);
		const char *rel = jstr(s.m[i].rec, "relation");
		cli_json_string(out, rel, strlen(rel));
		putc('}', out);
	}
	fputs("],\"claims\":[", out);
	sqlite3_stmt *q = NULL;
	if (sqlite3_prepare_v2(db, "SELECT record FROM r_claim WHERE story = ?1 ORDER BY ord", -1, &q,
			       NULL) == SQLITE_OK) {
		sqlite3_bind_text(q, 1, id, -1, SQLITE_TRANSIENT);
		for (k = 0; sqlite3_step(q) == SQLITE_ROW; k++) {
			if (k)
				putc(',', out);
			raw(out, q, 0);
		}
	}
	sqlite3_finalize(q);
	fputs("]}\n", out);
	story_free(&s);
	return 0;
}

/* Writes "text": the stored text of `id`, or null. */
static void text_field(FILE *out, sqlite3 *db, const char *id)
{
	sqlite3_stmt *q = NULL;
	fputs("\"text\":", out);
	if (sqlite3_prepare_v2(db, "SELECT text FROM article WHERE id = ?1", -1, &q, NULL) == SQLITE_OK) {
		sqlite3_bind_text(q, 1, id, -1, SQLITE_TRANSIENT);
		if (sqlite3_step(q) == SQLITE_ROW) {
			cli_json_string(out, sqlite3_column_blob(q, 0), (size_t)sqlite3_column_bytes(q, 0));
			sqlite3_finalize(q);
			return;
		}
	}
	sqlite3_finalize(q);
	fputs("null", out);
}

int api_article(FILE *out, sqlite3 *db, const char *id)
{
	sqlite3_stmt *q = NULL;
	if (sqlite3_prepare_v2(db, "SELECT record, source FROM r_article WHERE id = ?1", -1, &q, NULL) !=
	    SQLITE_OK)
		return -1;
	sqlite3_bind_text(q, 1, id, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(q) != SQLITE_ROW) {
		sqlite3_finalize(q);
		return 1;
	}
	fputs("{\"article\":", out);
	raw(out, q, 0);
	putc(',', out);
	text_field(out, db, id);
	const char *src = (const char *)sqlite3_column_text(q, 1);
	char *source = src ? strdup(src) : NULL;
	sqlite3_finalize(q);
	fputs(",\"source\":", out);
	if (!source) {
		fputs("null,\"passages\":[]}\n", out);
		return 0;
	}
	fputs("{\"id\":", out);
	cli_json_string(out, source, strlen(source));
	putc(',', out);
	text_field(out, db, source);
	fputs("},\"passages\":[", out);
	json_t *pair = pair_of(db, id, source);
	if (pair) {
		int a_is_me = !strcmp(jstr(pair, "a"), id);
		json_t *ps = json_object_get(pair, "passages");
		for (size_t k = 0; k < json_array_size(ps); k++) {
			json_t *p = json_array_get(ps, k);
			json_t *me = json_object_get(p, a_is_me ? "a" : "b");
			json_t *them = json_object_get(p, a_is_me ? "b" : "a");
			fprintf(out, "%s{\"article\":[%lld,%lld],\"source\":[%lld,%lld]}", k ? "," : "",
				json_integer_value(json_array_get(me, 0)),
				json_integer_value(json_array_get(me, 1)),
				json_integer_value(json_array_get(them, 0)),
				json_integer_value(json_array_get(them, 1)));
		}
		json_decref(pair);
	}
	fputs("]}\n", out);
	free(source);
	return 0;
}
