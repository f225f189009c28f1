/*
 * render.h - the pages people read (story list, story page with timeline,
 * lineage graph, copies side by side with their source, conflicts table)
 * and the JSON of the HTTP API, rendered from a store's tables.  One
 * renderer for `serve` (links to /story/ID) and `report --html` (links to
 * story-N.html files).
 */
#ifndef WT_RENDER_H
#define WT_RENDER_H

#include <sqlite3.h>
#include <stdio.h>

/* What the story list shows. */
struct story_query {
	long limit, offset;  /* paging (limit 50 by default, at most 1000) */
	const char *from, *to; /* dates: stories whose span meets [from, to] */
	const char *site;    /* stories with an article of this site */
	const char *q;       /* words in the title (case-blind, ASCII) */
};

/* Link style: 0 for the server (/story/ID), 1 for static files
 * (story-ORD.html). */
enum { LINKS_SERVER = 0, LINKS_FILES = 1 };

/* The story list page.  @return 0, or -1 on a database error. */
int render_index(FILE *out, sqlite3 *db, const struct story_query *q, int links);

/* The page of the story with id `id`.  @return 0, 1 if there is no such
 * story, -1 on a database error. */
int render_story(FILE *out, sqlite3 *db, const char *id, int links);

/* API: the stories as {"total":N,"stories":[...]}. */
int api_stories(FILE *out, sqlite3 *db, const struct story_query *q);

/* API: one story: its record, articles, claims and lineage edges.
 * @return 0, 1 if there is no such story, -1 on a database error. */
int api_story(FILE *out, sqlite3 *db, const char *id);

/* API: one article: its record, text, source (with text) and the
 * passages aligned to it.  @return 0, 1 if none, -1 on error. */
int api_article(FILE *out, sqlite3 *db, const char *id);

#endif
