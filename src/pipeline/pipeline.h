/*
 * pipeline.h - pieces of the analysis that other stages share.
 */
#ifndef WT_PIPELINE_H
#define WT_PIPELINE_H

#include "read/read.h"

/* The site an article is from: a hash of its `site`, else of its URL's
 * host; 0 when neither is known. */
uint64_t wt__site_key(const struct wt_article *a);

/* The texts the pipeline reads once chrome is blanked. */
struct wt__chrome {
	const char **texts; /* per article: its text, or a blanked copy */
	uint8_t *owned;     /* 1 where texts[i] is a copy to free (repeats share) */
	size_t articles;    /* texts with chrome blanked */
	size_t lines;       /* chrome lines blanked, all causes */
	size_t rule_lines;  /* of them, blanked by a rule (chrome_rules.c) */
	size_t site_lines;  /* learned: repeated across one site's texts */
	size_t corpus_lines; /* learned: repeated across unrelated texts of sites */
	size_t links;       /* Markdown link targets blanked inside lines */
};

/*
 * Blanks chrome (spaces, so offsets hold) in copies of the texts that have
 * it: lines chrome by their wording (wt__chrome_rule), lines each site
 * repeats across its pages, short lines repeated across unrelated texts of
 * several sites, and the "(url)" of Markdown links.
 * @return WT_OK or WT_ERR_NOMEM (then *out holds nothing).
 */
enum wt_status wt__chrome(const struct wt_corpus *c, int threads, struct wt__chrome *out);

void wt__chrome_release(struct wt__chrome *ch, const struct wt_corpus *c);

/* Longest line (bytes, trimmed) a rule looks at. */
#define WT__CHROME_RULE_BYTES 400

struct wt__tokens;

/*
 * Whether the trimmed line[0..len) is chrome by its wording: a newsletter
 * box, a share bar, a related or read-more link, a photo credit, a
 * copyright line...  The rules are one table in chrome_rules.c.  `tv` is
 * scratch space, reused between calls; *st is set to an error when
 * tokenizing fails (then 0).  Thread-safe.
 * @return 0, or the number (from 1) of the rule that matched.
 */
int wt__chrome_rule(const char *line, size_t len, struct wt__tokens *tv, enum wt_status *st);

/* @return the phrase of rule number `rule` (for reports and tests), or
 * NULL for a number no rule has. */
const char *wt__chrome_rule_name(int rule);

/*
 * Whether t[at] starts the "](url)" of a Markdown link "[text](url)" on one
 * line; then *open is the offset of its '[' and *url_end the offset after
 * its ')'.  @return 1 or 0.
 */
int wt__md_link(const char *t, size_t len, size_t at, size_t *open, size_t *url_end);

#endif
