/*
 * result.h - what wt_analyze returns, for the stages that read it after
 * (what changed between versions, claims).
 */
#ifndef WT_RESULT_H
#define WT_RESULT_H

#include "pipeline/pipeline.h"

struct wt_result {
	const struct wt_corpus *corpus;
	struct wt_article_result *arts; /* owned, one per article */
	struct wt_pair *pairs;          /* owned, sorted by (a, b) */
	size_t npairs;
	struct wt_analysis_stats stats;
	struct wt__chrome chrome;       /* the texts with site chrome blanked (owned) */
	size_t *members;   /* article indices grouped by story, in index order (owned) */
	size_t *mstart;    /* story s's members: members[mstart[s] .. mstart[s + 1]) */
};

#endif
