/*
 * pipeline.h - pieces of the analysis that other stages share.
 */
#ifndef WT_PIPELINE_H
#define WT_PIPELINE_H

#include "read/read.h"

/* The site an article is from: a hash of its `site`, else of its URL's
 * host; 0 when neither is known. */
uint64_t wt__site_key(const struct wt_article *a);

/* The texts the pipeline reads once site chrome is blanked. */
struct wt__chrome {
	const char **texts; /* per article: its text, or a blanked copy */
	uint8_t *owned;     /* 1 where texts[i] is a copy to free (repeats share) */
	size_t articles;    /* texts with chrome blanked */
	size_t lines;       /* chrome lines blanked */
};

/*
 * Learns the lines each site repeats across its pages and blanks them
 * (spaces, so offsets hold) in copies of the texts that have them.
 * @return WT_OK or WT_ERR_NOMEM (then *out holds nothing).
 */
enum wt_status wt__chrome(const struct wt_corpus *c, struct wt__chrome *out);

void wt__chrome_release(struct wt__chrome *ch, const struct wt_corpus *c);

#endif
