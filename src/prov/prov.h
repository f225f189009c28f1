/*
 * prov.h - provenance inside a story: which family roots rewrote an earlier
 * article, and which reported on their own.
 */
#ifndef WT_PROV_H
#define WT_PROV_H

#include "core/core.h"
#include "read/read.h"

/*
 * Whether `text` credits the site of article `other`: its agency credit
 * ("(Reuters) -", "/TASS/") begins the other's site or URL host, compared
 * on letters and digits alone ("Reuters" and "reuters.com").
 */
int wt__credits_site(const char *text, size_t len, const struct wt_article *other);

/* The same with the credit already found: `agency` in `text`. */
int wt__credit_names_site(const char *text, struct wt_span agency, const struct wt_article *other);

/* What the provenance stage reads. */
struct wt__prov_input {
	const struct wt_corpus *corpus;
	const char *const *texts; /* each article's text, site chrome blanked */
	const uint32_t *order;    /* rank of each article by (date, index) */
	const float *idf;         /* inverse frequency by token hash bits */
	int idf_bits;
	const struct wt_options *o;
};

/* A fact of an article: a number, a name, or a word of a quotation. */
struct wt__facts {
	uint64_t *v; /* token hashes in text order, each once (owned); the
		      * low bit set for numbers */
	size_t n, cap;
	size_t caseless; /* facts that are words of a caseless script */
};

/*
 * The facts of a text, in order, each once: tokens with a digit; words
 * written with a capital in a cased script, or any word of a caseless one,
 * unless common in the corpus; and the uncommon words inside quotation
 * marks.  @return WT_OK or WT_ERR_NOMEM.
 */
enum wt_status wt__facts(const char *text, size_t len, const float *idf, int idf_bits,
			 struct wt__facts *out);

/* How two fact sequences agree: facts shared, and the longest run of them
 * in the same order. */
struct wt__fact_match {
	size_t shared, ordered;
	size_t adjacent; /* facts of a whose next fact follows it closely in b */
	size_t numbers, shared_numbers; /* a's numbers, and those b has too */
};
struct wt__fact_match wt__facts_match(const struct wt__facts *a, const struct wt__facts *b);

/* Whether a later article with facts `later` rewrote an earlier one, by
 * their agreement `m`: enough shared facts, mostly in the same order and
 * often in the same close succession, and most of its numbers. */
int wt__is_rewrite(const struct wt__facts *later, struct wt__fact_match m);

/*
 * Within each story of `arts` (story, family, source and relation already
 * set by families), gives each family original after the story's first a
 * relation: `rewrite` of the earlier article whose facts it follows (the
 * source, with the rule that ordered them and the aligned coverage), or
 * `independent` (no source).  Counts both.
 * @return WT_OK or WT_ERR_NOMEM.
 */
enum wt_status wt__provenance(const struct wt__prov_input *in, struct wt_article_result *arts,
			      size_t *rewrites, size_t *independents);

#endif
