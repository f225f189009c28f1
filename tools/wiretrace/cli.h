/*
 * cli.h - what the subcommands of the wiretrace command share: the entry
 * point of each verb, diagnostics printing, and JSON string output.  The CLI
 * is a thin client of include/wiretrace.h.
 */
#ifndef WT_CLI_H
#define WT_CLI_H

#include <stdio.h>

#include "wiretrace.h"

/* Exit codes, as DESIGN.md fixes them. */
enum { EXIT_OK = 0, EXIT_USAGE = 1, EXIT_INTERNAL = 2 };

/* Each verb takes argv without the program name (argv[0] is the verb) and
 * returns the process exit status. */
int cmd_run(int argc, char **argv);
int cmd_diff(int argc, char **argv);
int cmd_eval(int argc, char **argv);
int cmd_show(int argc, char **argv);
int cmd_extract(int argc, char **argv);
int cmd_add(int argc, char **argv);
int cmd_stories(int argc, char **argv);
int cmd_serve(int argc, char **argv);
int cmd_report(int argc, char **argv);

/* `show`'s help text, and the story it prints: STORY is the id of any of
 * its articles.  @return an exit status. */
extern const char cli_show_usage[];
int cli_show_story(FILE *out, const struct wt_corpus *c, const struct wt_result *r,
		   const char *story_id);

/* Writes the records of an analysis as JSON Lines: an `article` record for
 * each article, a `story` record for each story, `pair` records (pairs_mode
 * 0: none, 1: linked pairs, 2: every aligned pair) and, with claims_mode, a
 * `claim` record for each disagreement (on `threads` workers; the same
 * bytes for any count).  @return 0, or an exit status. */
int cli_write_records(FILE *out, const struct wt_corpus *c, const struct wt_result *r,
		      int pairs_mode, int claims_mode, int threads);

/* Global flags parsed by main before the verb. */
extern int cli_quiet;

/* Set by wiretrace-mpi: the processes that share a `run` (NULL: alone).
 * Each reads its share of the inputs, the articles are merged in input
 * order on every process, the analysis is shared (wt_analyze_shared) and
 * the claims computed by story ranges; process 0 writes the output. */
extern const struct wt_exchange *cli_exchange;

/* Reads the inputs shared across cli_exchange's processes into `c` (every
 * process ends with all the articles, in input order); *read sums what
 * every process read.  @return 0, or an exit status. */
int cli_shared_read(struct wt_corpus *c, const char *const *inputs, int ninputs,
		    enum wt_format fmt, int threads, struct wt_read_stats *read);

/* Prints a diagnostic to stderr as "wiretrace: INPUT:LINE: message" or
 * "wiretrace: INPUT: byte N: message" (a wt_diag_fn; ud is unused). */
void cli_print_diag(void *ud, const struct wt_diag *diag);

/* Prints "wiretrace: " and a formatted message to stderr. */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Writes `s` (length n) as a JSON string literal, quotes included; NULL
 * writes null. */
void cli_json_string(FILE *out, const char *s, size_t n);

/* Parses --format's value into *out; a bad one is reported.
 * @return 0, or -1 if bad. */
int cli_parse_format(const char *s, enum wt_format *out);

/* Parses the analysis option at argv[*i] (--shingle, --story-min,
 * --no-chrome...) into *o, stepping *i past its value.  @return 1 if it was
 * one, 0 if not, -1 if its value is bad (reported). */
int cli_analysis_option(int argc, char **argv, int *i, struct wt_options *o);

/* The exit status of reading `input` with status st: 0; EXIT_USAGE for an
 * unreadable input (the reader reported it); else EXIT_INTERNAL, printed. */
int cli_read_status(const char *input, enum wt_status st);

/* Reads the inputs in turn into c.  @return the worst cli_read_status(),
 * stopping at the first EXIT_INTERNAL. */
int cli_read_inputs(struct wt_corpus *c, const char *const *inputs, int n, enum wt_format fmt);

/* Checks options that depend on each other; @return 0, or -1 (reported). */
int cli_check_options(const struct wt_options *o);

/* Parses -j N, --threads N or -jN at argv[*i] into *threads (0 to 256),
 * stepping *i past a separate value.  @return 1 if it was one, 0 if not,
 * -1 if its value is bad (reported). */
int cli_parse_threads(int argc, char **argv, int *i, int *threads);

/* Parses a whole non-negative integer option value; @return -1 if bad. */
long cli_parse_long(const char *s);

/* Whether the character that ends just before t[at] (not before t[lo]) is
 * a letter of a script written without spaces between words (Thai, Lao,
 * Khmer, Myanmar, Chinese, Japanese): word-level changes printed next to it
 * get no space. */
int cli_glued_before(const char *t, size_t lo, size_t at);

#endif
