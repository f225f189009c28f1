/*
 * store.h - the SQLite store: articles kept with their text, MinHash
 * sketches and LSH keys (indexed), and the records of the analysis of
 * everything stored.  `add`, `stories`, `export`, `show --db` and `serve`
 * use it.  The layout is in docs/internals/store.md.
 */
#ifndef WT_STORE_H
#define WT_STORE_H

#include <sqlite3.h>

#include "wiretrace.h"

#define CLI_STORE_DEFAULT "wiretrace.db"

struct cli_store {
	sqlite3 *db;
	const char *path;
	struct wt_options options; /* the analysis options the store was made with */
	int options_changed;       /* set by cli_store_set_options, until stored */
};

/* Sets the store's analysis options for the next cli_store_add (which
 * stores them, and analyzes again even without new articles).  The sketch
 * options (shingle, perm, bands) of a store that holds articles cannot
 * change.  @return 0, or an exit status (printed). */
int cli_store_set_options(struct cli_store *s, const struct wt_options *o);

/*
 * Opens the store at `path`, creating it (and its tables) when `create` is
 * set; else a missing file is an error.  WAL journal; a writer waits up to
 * 5 minutes for another.  Errors are printed.  @return 0, or an exit status.
 */
int cli_store_open(const char *path, int create, struct cli_store *out);
void cli_store_close(struct cli_store *s);

/* What one call of cli_store_add() did. */
struct cli_add_report {
	size_t offered;      /* articles in the batch */
	size_t added;        /* new articles stored */
	size_t same_id;      /* already stored under the same id: unchanged */
	size_t same_text;    /* the same text stored under another id: unchanged */
	size_t matched;      /* new articles sharing an LSH key with a stored one */
	size_t stored;       /* articles in the store afterwards */
	size_t stories, families;
	double seconds_analysis;
};

/*
 * Adds the articles of `batch` that the store does not hold yet (by id,
 * and by the exact hash of their text), with their sketches and LSH keys,
 * then analyzes everything stored and replaces the stored records; all in
 * one transaction, so a batch is stored whole or not at all.  A batch with
 * nothing new changes nothing.  @return 0, or an exit status (printed).
 */
int cli_store_add(struct cli_store *s, const struct wt_corpus *batch, int threads,
		  struct cli_add_report *report);

/*
 * Loads every stored article, in the order they were added, into `c` (a new
 * corpus).  @return 0, or an exit status (printed).
 */
int cli_store_load(struct cli_store *s, struct wt_corpus *c);

/* Writes the stored records of the given table ("article", "story",
 * "pair" or "claim"), one a line, in the order `run` writes them.
 * @return 0, or an exit status (printed). */
int cli_store_write_records(struct cli_store *s, const char *table, FILE *out);

/* A store in memory holding the records of a results file (`run`'s JSON
 * Lines) and no texts, for a report of results.  @return 0, or an exit
 * status (printed, with the line of a bad record). */
int cli_store_from_records(FILE *in, const char *name, struct cli_store *out);

#endif
