/*
 * wiretrace.h - the public API of libwiretrace, and nothing else.
 *
 * wiretrace reads news articles, finds which ones are copies of one another,
 * aligns the copied passages and assigns each article a source and a
 * relation.  The library never prints, never exits and never reads argv: it
 * reports problems through a diagnostic callback and returns an
 * `enum wt_status` from every fallible function.  Handles are opaque; the
 * memory behind any pointer a getter returns belongs to the handle it came
 * from and lives as long as that handle.
 */
#ifndef WIRETRACE_H
#define WIRETRACE_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

#define WT_VERSION "0.1.0"

/* ---- status codes ------------------------------------------------------ */

enum wt_status {
	WT_OK = 0,
	WT_ERR_NOMEM,    /* an allocation failed */
	WT_ERR_IO,       /* a file could not be opened or read */
	WT_ERR_PARSE,    /* input is malformed beyond repair */
	WT_ERR_INVALID,  /* a caller passed an invalid argument */
	WT_ERR_LIMIT,    /* input exceeds a hard limit (size, count) */
	WT_ERR_INTERNAL  /* a broken invariant: a bug in wiretrace */
};

/* @return a static, lowercase description of `status`; never NULL. */
const char *wt_strerror(enum wt_status status);

/* @return the library version string, e.g. "0.1.0". */
const char *wt_version(void);

/*
 * Replaces the allocator used for every allocation the library makes.
 * `fn(ud, ptr, size)` must behave like realloc, and free when size is 0
 * (returning NULL).  Passing NULL restores the C library allocator.  Not
 * thread-safe: call it before any other function.
 */
typedef void *(*wt_realloc_fn)(void *ud, void *ptr, size_t size);
void wt_set_allocator(wt_realloc_fn fn, void *ud);

/* ---- diagnostics ------------------------------------------------------- */

enum wt_diag_kind {
	WT_DIAG_WARNING, /* input was repaired (e.g. invalid UTF-8 replaced) */
	WT_DIAG_SKIP,    /* an input record was skipped and counted */
	WT_DIAG_ERROR    /* an input could not be read at all */
};

/* One problem found in the input.  All pointers are borrowed for the call. */
struct wt_diag {
	enum wt_diag_kind kind;
	const char *input;  /* the input's name as given (path or "-") */
	long long line;     /* 1-based line, or 0 when not line-based */
	long long offset;   /* byte offset in the input, or -1 */
	const char *message;
};

typedef void (*wt_diag_fn)(void *ud, const struct wt_diag *diag);

/* ---- articles and corpora --------------------------------------------- */

/*
 * An article as read.  `text` is valid UTF-8 (invalid sequences are replaced
 * by U+FFFD when read) and every byte offset the library reports refers to
 * it.  Optional fields are NULL when unknown.  `time` is the publication
 * time in seconds since the epoch (UTC), or WT_TIME_UNKNOWN.
 */
#define WT_TIME_UNKNOWN INT64_MIN
struct wt_article {
	const char *id;
	const char *url;
	const char *site;
	const char *date;
	const char *title;
	const char *text;
	size_t text_len;
	int64_t time;
	const char *byline; /* the author line of a web page, when found */
};

/* Counts kept while reading; see wt_corpus_stats(). */
struct wt_read_stats {
	size_t inputs;    /* files or streams opened */
	size_t articles;  /* articles accepted */
	size_t skipped;   /* records or files skipped (each reported) */
	size_t warnings;  /* repairs reported (invalid UTF-8, duplicate ids) */
	size_t errors;    /* inputs that could not be read at all */
};

/* Input formats.  AUTO decides by extension, then by content. */
enum wt_format { WT_FORMAT_AUTO, WT_FORMAT_TEXT, WT_FORMAT_JSONL, WT_FORMAT_HTML,
		 WT_FORMAT_WARC };

struct wt_corpus;

/* Creates an empty corpus in *out.  @return WT_OK or WT_ERR_NOMEM. */
enum wt_status wt_corpus_new(struct wt_corpus **out);

/* Frees the corpus and every article in it.  NULL is allowed. */
void wt_corpus_free(struct wt_corpus *corpus);

/* Sets where diagnostics go (default: nowhere, but they are still counted). */
void wt_corpus_set_diag(struct wt_corpus *corpus, wt_diag_fn fn, void *ud);

/*
 * Sets how many threads extract the web pages of a directory in parallel
 * (0, the default: every core; 1: none).  The articles, their order and
 * the diagnostics do not depend on it.
 */
void wt_corpus_set_threads(struct wt_corpus *corpus, int threads);

/*
 * Reads `path`: a file, a directory (recursively, in name order) or "-" for
 * standard input.  Ids of text files are their path relative to `path`, or
 * the base name when `path` names the file itself.  Bad records are reported
 * and skipped; only a failure to allocate is fatal.
 * @return WT_OK (even when records were skipped), WT_ERR_IO when `path`
 *   itself cannot be opened, WT_ERR_NOMEM.
 */
enum wt_status wt_corpus_read_path(struct wt_corpus *corpus, const char *path,
				   enum wt_format format);

/*
 * Reads one input held in memory, named `name` in diagnostics and ids.
 * Used for standard input and by the fuzzers.  The bytes are copied.
 * @return WT_OK or WT_ERR_NOMEM.
 */
enum wt_status wt_corpus_read_memory(struct wt_corpus *corpus, const char *name,
				     const char *data, size_t len,
				     enum wt_format format);

/*
 * Adds one article; every field is copied, `text` is checked and repaired
 * as when read.  @return WT_OK, WT_ERR_INVALID (NULL text), WT_ERR_NOMEM.
 */
enum wt_status wt_corpus_add(struct wt_corpus *corpus,
			     const struct wt_article *article);

/* With keep set, repeated ids are kept as read instead of renamed "#2",
 * "#3": for a share of the inputs whose articles are merged later, in
 * order, with wt_corpus_add(), which renames them as one reading would. */
void wt_corpus_set_keep_ids(struct wt_corpus *corpus, int keep);

/*
 * Reads share `share` (0-based) of `shares` of a JSON Lines file: the lines
 * starting in bytes [share * size / shares, (share + 1) * size / shares),
 * reported with their true line numbers and offsets, so that the shares
 * read in turn hold exactly the file's articles.  @return as
 * wt_corpus_read_path(); WT_ERR_INVALID when the input cannot be shared
 * (standard input, a directory, another format: read it whole).
 */
enum wt_status wt_corpus_read_share(struct wt_corpus *corpus, const char *path,
				    enum wt_format format, int share, int shares);

/* @return the number of articles. */
size_t wt_corpus_count(const struct wt_corpus *corpus);

/* @return article `i` (0-based, in reading order); owned by the corpus. */
const struct wt_article *wt_corpus_get(const struct wt_corpus *corpus, size_t i);

/* Copies the reading counts into *stats. */
void wt_corpus_stats(const struct wt_corpus *corpus, struct wt_read_stats *stats);

/*
 * Parses a date as found in news metadata and feeds: ISO 8601 ("2017-09-15",
 * "2017-09-15T17:52:00", with "Z" or "+02:00", "1987-02-26 15:01:01"), RSS
 * and e-mail ("Fri, 15 Sep 2017 17:52:00 GMT"), month names in English,
 * German, French, Spanish, Italian, Portuguese and Dutch ("Sept. 15, 2017,
 * 5:52 p.m. EDT", "15. September 2017"), "2017/09/15", "15.09.2017",
 * "15/09/2017" (only when the day is above 12), "2017年9月15日", Unix
 * seconds or milliseconds.  A time without a zone is UTC; an ambiguous
 * date ("09/05/2017") or zone ("IST", "CST") gives WT_TIME_UNKNOWN.
 * @return seconds since the epoch, or WT_TIME_UNKNOWN.
 */
int64_t wt_parse_date(const char *s);

/* ---- text -------------------------------------------------------------- */

/*
 * Normalizes UTF-8 text for comparison: NFKC, case folding, typographic
 * quotes, apostrophes and dashes unified to ASCII ' " -, default-ignorable
 * characters and Arabic tatweel removed, whitespace runs collapsed to one
 * space.  *out is allocated (caller frees with wt_free) and NUL-terminated;
 * when `map` is not NULL, *map receives, for each byte of *out, the byte
 * offset in `text` it came from (caller frees with wt_free).
 * Cost: linear in `len`.  @return WT_OK or WT_ERR_NOMEM.
 */
enum wt_status wt_normalize(const char *text, size_t len, char **out,
			    size_t *out_len, size_t **map);

/* Frees memory the library handed to the caller.  NULL is allowed. */
void wt_free(void *ptr);

/* A word token: [start, end) in the original text, and its normalized hash. */
struct wt_token {
	uint32_t start, end;
	uint64_t hash;
};

/*
 * Splits `text` into word tokens: runs of letters, marks and digits in any
 * script (digits joined by ',' or '.' stay one token), each CJK ideograph or
 * kana its own token.  In a Markdown link "[text](url)" only the text counts.
 * Tokens equal after wt_normalize() have equal hashes.
 * *out is allocated (wt_free).  Cost: linear.  @return WT_OK, WT_ERR_NOMEM,
 * WT_ERR_LIMIT (text over 4 GiB).
 */
enum wt_status wt_tokenize(const char *text, size_t len, struct wt_token **out,
			   size_t *count);

/* A sentence: [start, end) in the original text, trimmed of spaces. */
struct wt_span {
	size_t start, end;
};

/*
 * Splits `text` into sentences at . ! ? and their forms in other scripts
 * (。！？ ۔ । ؟) followed by a space or the end, and at blank lines and line
 * ends that close a paragraph; abbreviations such as "Mr." and "U.S." do not
 * end a sentence.  *out is allocated (wt_free).  @return WT_OK or WT_ERR_NOMEM.
 */
enum wt_status wt_sentences(const char *text, size_t len, struct wt_span **out,
			    size_t *count);

/* ---- provenance evidence ----------------------------------------------- */

/*
 * Agency credits and bylines found in an article's text, as byte ranges of
 * it (empty spans, start == end, when none): a dateline credit
 * ("LISBON (Reuters) -", "MOSCOW, March 3 /TASS/"), a closing credit
 * ("- AFP" on the last line), and a byline ("By Ana Lopes for AFP", whose
 * agency counts as the credit when there is no other).
 */
struct wt_credits {
	struct wt_span agency;
	struct wt_span byline;
};

/* Finds the credits of `text`.  Looks at the first 400 and last 200 bytes
 * only.  Never fails; *out is zeroed when nothing is found. */
void wt_find_credits(const char *text, size_t len, struct wt_credits *out);

/* ---- analysis ---------------------------------------------------------- */

enum wt_relation {
	WT_REL_ORIGINAL,
	WT_REL_DUPLICATE,
	WT_REL_VERBATIM,
	WT_REL_EDITED,
	WT_REL_REWRITE,
	WT_REL_INDEPENDENT
};

/* @return "original", "duplicate", ... ; never NULL. */
const char *wt_relation_name(enum wt_relation relation);

/* Tunables.  Fill with wt_options_default() and change what you need. */
struct wt_options {
	int shingle;          /* words per shingle for MinHash (default 5) */
	int num_perm;         /* MinHash slots (default 128) */
	int bands;            /* LSH bands; num_perm must be a multiple */
	int seed_len;         /* tokens in an alignment seed (default 4) */
	int min_passage;      /* fewest matched tokens in a passage (default 8) */
	int max_gap;          /* tokens of edit tolerated inside a passage */
	int max_candidates;   /* pairs aligned per article, best first */
	double link_min;      /* coverage that links two articles in a family */
	double verbatim_min;  /* coverage from which a copy is verbatim */
	double edited_min;    /* coverage from which a copy is edited */
	double story_min;     /* least similarity to join a story */
	double story_window;  /* days: a gap this long costs 0.1 of similarity */
	int stories;          /* 0: skip the stories stage (story = family) */
	int chrome;           /* 0: keep page chrome (by rule, site or corpus) */
	int threads;          /* worker threads; 0 = every core */
	/* Called now and then from the calling thread with the stage's name
	 * ("sketch", "candidates", "align", "families", "stories") and how
	 * far it is (done of total, in the stage's own units); NULL: never. */
	void (*progress)(void *ud, const char *stage, size_t done, size_t total);
	void *progress_ud;
};

void wt_options_default(struct wt_options *options);

/*
 * The MinHash signature of `text` (options->num_perm slots, words in
 * shingles of options->shingle) into `sig`, and, when `keys` is not NULL,
 * its options->bands LSH band keys (32 bits each), as the candidates stage
 * computes them: two texts sharing a key are worth aligning.  NULL options:
 * the defaults.  @return WT_OK, WT_ERR_INVALID or WT_ERR_NOMEM.
 */
enum wt_status wt_sketch_text(const char *text, size_t len, const struct wt_options *options,
			      uint32_t *sig, uint64_t *keys);

/* A copied passage: byte ranges in article a and article b. */
struct wt_passage {
	struct wt_span a, b;
};

/* The alignment of two texts. */
struct wt_alignment {
	double jaccard;     /* exact Jaccard of the two shingle sets */
	double coverage_a;  /* share of a's tokens inside aligned passages */
	double coverage_b;
	/* The same shares with each token weighted by its rarity in the
	 * corpus, so that boilerplate ("Qtly div ... cts vs ... prior") counts
	 * little and names and numbers much.  Equal to coverage_a and
	 * coverage_b when there is no corpus (wt_align_texts). */
	double informative_a, informative_b;
	size_t n_passages;
	struct wt_passage *passages; /* owned; free with wt_alignment_release */
};

/*
 * Aligns two texts: finds the passages of `a` copied in `b`, tolerating small
 * edits (a changed word, a dropped or inserted sentence) and reordering.
 * Cost: about linear in the two lengths.  @return WT_OK or WT_ERR_NOMEM.
 */
enum wt_status wt_align_texts(const char *a, size_t a_len, const char *b,
			      size_t b_len, const struct wt_options *options,
			      struct wt_alignment *out);

/* One step of a word-level edit script. */
enum wt_edit_op { WT_EDIT_SAME, WT_EDIT_DELETE, WT_EDIT_INSERT };
struct wt_edit {
	enum wt_edit_op op;
	struct wt_span a; /* the words in a (empty for an insertion) */
	struct wt_span b; /* the words in b (empty for a deletion) */
};

/*
 * Word-level differences between two short texts (typically the two sides
 * of one passage): runs of equal words, words only in a (deleted) and
 * words only in b (inserted), in order, as byte ranges of each text; words
 * compare after normalization.  A longest common subsequence of the words,
 * so texts are capped at 4096 words each (WT_ERR_LIMIT beyond).
 * *out is allocated (wt_free).  @return WT_OK, WT_ERR_NOMEM, WT_ERR_LIMIT.
 */
enum wt_status wt_word_diff(const char *a, size_t a_len, const char *b,
			    size_t b_len, struct wt_edit **out, size_t *count);

/* Frees the passages of an alignment and zeroes it. */
void wt_alignment_release(struct wt_alignment *alignment);

/* The result for one article of a corpus. */
/* What decided which of two articles is the source. */
enum wt_rule {
	WT_RULE_NONE,      /* no source: an original */
	WT_RULE_DATE,      /* the source was published earlier */
	WT_RULE_COVERAGE,  /* same or no dates: the copy is the more aligned */
	WT_RULE_ORDER,     /* same or no dates and no clear coverage: input order */
	WT_RULE_CREDIT,    /* same or no dates: the copy credits the source's site */
	WT_RULE_FACTS      /* same or no dates: the rewrite holds fewer of the
			    * facts they share than its source */
};

/* @return "date", "coverage", "order", "credit", "facts", or NULL for
 * WT_RULE_NONE. */
const char *wt_rule_name(enum wt_rule rule);

struct wt_article_result {
	size_t story;            /* index of the story's first article */
	size_t family;           /* index of the family's root article */
	size_t source;           /* index of its source, or WT_NONE */
	enum wt_relation relation;
	double coverage;         /* share of it aligned to its source */
	enum wt_rule rule;       /* what decided the direction to its source */
};
#define WT_NONE ((size_t)-1)

/* One aligned pair: indices of two articles and their alignment. */
struct wt_pair {
	size_t a, b; /* a < b in reading order */
	struct wt_alignment alignment;
	int linked;  /* 1 when this pair links a and b into one family */
};

struct wt_result;

/* Counts of the work done, for the summary line and benchmarks. */
struct wt_analysis_stats {
	size_t articles, tokens, exact_groups, lsh_candidates,
		containment_candidates, aligned_pairs, linked_pairs, families;
	double seconds_sketch, seconds_candidates, seconds_align,
		seconds_families, seconds_stories, seconds_chrome, seconds_provenance;
	size_t stories;
	size_t chrome_articles, chrome_lines; /* texts with chrome blanked; lines blanked */
	size_t chrome_rule_lines;   /* of chrome_lines, blanked by a rule of wording */
	size_t chrome_site_lines;   /* learned: a line a site repeats on its pages */
	size_t chrome_corpus_lines; /* learned: a line repeated across unrelated texts */
	size_t chrome_links;        /* Markdown link targets blanked inside lines */
	size_t rewrites, independents; /* family originals found to rewrite an
					* earlier article of their story, or not */
};

/*
 * Runs the pipeline on a corpus: clean, tokenize, sketch, candidates, align,
 * families, stories.  Never compares all pairs: candidates come from exact hashes,
 * LSH bands and a fingerprint index.  *out is owned by the caller
 * (wt_result_free); it refers to `corpus`, which must outlive it.
 * @return WT_OK, WT_ERR_NOMEM, WT_ERR_INVALID (bad options).
 */
enum wt_status wt_analyze(const struct wt_corpus *corpus,
			  const struct wt_options *options,
			  struct wt_result **out);

/*
 * Sharing one analysis across processes (the MPI driver, wiretrace-mpi).
 * Every process holds the whole corpus, in the same order, and calls
 * wt_analyze_shared() with the same options: each process finds the LSH
 * and fingerprint candidates of the keys it owns (the keys of its share of
 * the articles are sent to their owners) and aligns its share of the
 * candidate pairs; the counts and alignments are exchanged, and every
 * process ends with the same result, equal to wt_analyze()'s.
 */
struct wt_exchange {
	int rank; /* this process, 0 .. size - 1 */
	int size; /* processes */
	/* Sends send[k] (send_len[k] bytes) to process k, for every k, and
	 * receives what each process sent to this one: recv_len[k] bytes from
	 * process k, concatenated in process order in *recv (allocated with
	 * malloc, freed by the caller).  Every process calls it at the same
	 * point of the analysis.  @return 0, or -1 on failure. */
	int (*alltoall)(void *ud, const void *const *send, const size_t *send_len,
			void **recv, size_t *recv_len);
	void *ud;
};

/* wt_analyze() with its work shared through `exchange` (NULL: alone).
 * @return as wt_analyze(); WT_ERR_IO when an exchange fails. */
enum wt_status wt_analyze_shared(const struct wt_corpus *corpus,
				 const struct wt_options *options,
				 const struct wt_exchange *exchange,
				 struct wt_result **out);

void wt_result_free(struct wt_result *result);

/* @return the result of article `i`. */
const struct wt_article_result *wt_result_article(const struct wt_result *result,
						  size_t i);

/* @return the number of aligned pairs that link two articles. */
size_t wt_result_pair_count(const struct wt_result *result);

/* @return pair `i`, ordered by (a, b). */
const struct wt_pair *wt_result_pair(const struct wt_result *result, size_t i);

void wt_result_stats(const struct wt_result *result,
		     struct wt_analysis_stats *stats);

/* ---- what changed between versions ---------------------------------------- */

/* A sentence of one article of a story. */
struct wt_story_sentence {
	size_t article;
	struct wt_span span;  /* bytes of the article's text */
	size_t group;         /* the sentences of the story saying the same thing */
	int exact;            /* 1: the same words as its group's first sentence */
};

/* A sentence of an article aligned to one of its source whose words differ. */
struct wt_changed_sentence {
	size_t source_sentence, sentence; /* indices into the story's sentences */
};

/* One article of a story against its source. */
struct wt_version {
	size_t article;
	size_t source;            /* its source (WT_NONE: the origin, or independent) */
	size_t *added;            /* its sentences found in no earlier article */
	size_t n_added;
	size_t *dropped;          /* sentences of its source it does not carry */
	size_t n_dropped;
	struct wt_changed_sentence *changed; /* aligned with its source, edited */
	size_t n_changed;
};

/* The sentences of a story aligned across all its articles. */
struct wt_story_versions {
	size_t story;                       /* the story's id article */
	struct wt_story_sentence *sentences; /* by article (earliest first), then in text order */
	size_t n_sentences;
	size_t n_groups;
	struct wt_version *versions;        /* one per article, earliest first */
	size_t n_versions;
};

/*
 * Aligns the sentences of every article of story `story` (the index of its
 * id article, as in wt_article_result.story): sentences saying the same
 * thing form a group, exactly or edited, and each article is compared with
 * its source: sentences added (in no earlier article of the story),
 * dropped (in its source, not in it) and changed (aligned, words differ;
 * wt_word_diff gives the edit).  Site chrome is left out.
 * @return WT_OK, WT_ERR_NOMEM, WT_ERR_INVALID (no such story).
 */
enum wt_status wt_story_versions(const struct wt_result *result, size_t story,
				 struct wt_story_versions **out);

void wt_story_versions_free(struct wt_story_versions *versions);

/* ---- claims and conflicts ------------------------------------------------- */

enum wt_claim_kind { WT_CLAIM_NUMBER, WT_CLAIM_QUOTE };

/* One wording or value of a claim, and the articles that carry it. */
struct wt_claim_version {
	size_t article;      /* the earliest article with it */
	struct wt_span span; /* its text there: "12,400 passengers", or the quoted words */
	double value;        /* numbers: the value, normalized ("nine" is 9) */
	int elided;          /* quotations: cut short with "..." */
	size_t *articles;    /* every article with it, earliest first */
	size_t n_articles;
};

/*
 * A number or a quotation that several articles of a story carry.  The
 * first version is the earliest; a second one is a conflict: the same
 * thing counted differently in aligned sentences ("12,400 passengers"
 * against "14,200 passengers"), or a quotation worded differently or cut
 * short.
 */
struct wt_claim {
	enum wt_claim_kind kind;
	struct wt_claim_version *versions;
	size_t n_versions;
	size_t place; /* the first version's article's place in the story (earliest 0) */
};

/*
 * The claims of a story whose versions disagree, from its aligned sentences
 * (wt_story_versions).  *out is allocated (wt_story_claims_free).
 * @return WT_OK or WT_ERR_NOMEM.
 */
enum wt_status wt_story_claims(const struct wt_result *result,
			       const struct wt_story_versions *versions,
			       struct wt_claim **out, size_t *count);

void wt_story_claims_free(struct wt_claim *claims, size_t count);

/* ---- evaluation -------------------------------------------------------- */

/* Clustering agreement between a gold and a predicted partition. */
struct wt_cluster_scores {
	size_t items, gold_clusters, predicted_clusters;
	double pair_precision, pair_recall, pair_f1;
	double bcubed_precision, bcubed_recall, bcubed_f1;
	double ari; /* adjusted Rand index */
};

/*
 * Scores a predicted clustering of `n` items against gold: gold[i] and
 * pred[i] are cluster labels of item i (any integers).  Pair counts come
 * from contingency tables, so cost is O(n log n), not O(n^2).
 * @return WT_OK, WT_ERR_NOMEM, WT_ERR_INVALID (n == 0).
 */
enum wt_status wt_eval_clusters(size_t n, const uint64_t *gold,
				const uint64_t *pred,
				struct wt_cluster_scores *out);

#ifdef __cplusplus
}
#endif
#endif /* WIRETRACE_H */
