/*
 * claims.h - the checkable claims of a news text: the figures it gives
 * (with what they count) and the words it quotes (with who said them).
 * Two versions of a story that agree on names but not on figures or on
 * who said what have diverged in what matters, so these are what a reader
 * of wiretrace's output compares first.
 *
 * Both functions read raw article text in any script, never past
 * text + len (the text need not be NUL-terminated), and report byte spans
 * into it.  They are pattern finders, not parsers: each rule is written to
 * miss rather than to invent, and where a rule was a choice the comment at
 * the rule says which.
 */
#ifndef WT_CLAIMS_H
#define WT_CLAIMS_H

#include "core/core.h"

/* ---- numbers ----------------------------------------------------------- */

enum wt__num_unit {
	WT_NUM_PLAIN,   /* a count or measure: "12,000 troops", "nine", "1.5" */
	WT_NUM_PERCENT, /* "12%", "12 per cent": value 12 */
	WT_NUM_MONEY,   /* "$284 billion": value 284e9, currency "USD" */
	WT_NUM_YEAR,    /* "in 2017": value 2017 */
	WT_NUM_DATE     /* "14 March 2026": value 20260314; "March 14": 314 */
};

enum wt__num_bound {
	WT_NUM_EXACT,
	WT_NUM_ABOVE, /* more than, over, above, at least */
	WT_NUM_BELOW, /* fewer than, less than, under, below, up to, at most */
	WT_NUM_ABOUT  /* about, around, nearly, almost, some, roughly, approximately, close to */
};

struct wt__number {
	size_t start, end;  /* bytes of the whole expression, qualifier and
			     * currency included: "more than $6,000" */
	double value;       /* normalized: multipliers applied ("1.5 million"
			     * is 1500000), dates as year*10000 + month*100 + day
			     * with 0 for a part not given */
	enum wt__num_unit unit;
	enum wt__num_bound bound;
	char currency[4];   /* ISO code ("USD" "EUR" "GBP" "JPY" "INR" "PKR"
			     * "RUB" "CNY"), or "" when none or not known
			     * ("HK$5" is money of unknown currency) */
	size_t noun_start, noun_end; /* what it counts: the bytes of one word,
				      * or noun_start == noun_end for none */
};

/*
 * Finds the numbers of text[0..len): digits of any script (with thousands
 * separators and decimals), English number words, multipliers, percentages,
 * money, years and dates, each with its bound and counted noun.  Numbers
 * inside identifiers ("A42", "F-16"), times ("8:50", "9 p.m."), ranges
 * and scores ("3-1"), phone-like digit groups and runs of more than 15
 * digits are skipped.  At most the first 65,536 numbers are kept.
 * *out (allocated with wt__malloc even when *count is 0; the caller frees
 * it with wt__free) gets them in text order, without overlaps.
 * Cost: O(len).
 * @return WT_OK, WT_ERR_INVALID (a NULL pointer with len > 0), WT_ERR_NOMEM.
 */
enum wt_status wt__find_numbers(const char *text, size_t len, struct wt__number **out,
				size_t *count);

/* Whether text[0..len) writes decimals with a comma and groups thousands
 * with a dot or a space ("1,5 Millionen", "2.400", "2 400"), by its
 * unambiguous figures; wt__find_numbers asks it of the text it is given. */
int wt__comma_decimals(const char *text, size_t len);

/* wt__find_numbers, the way of writing decimals given: for a sentence,
 * its article's (wt__comma_decimals of the whole text). */
enum wt_status wt__find_numbers_as(const char *text, size_t len, int comma,
				   struct wt__number **out, size_t *count);

/* ---- quotations -------------------------------------------------------- */

struct wt__quote {
	size_t start, end;                 /* the quoted words, marks and
					    * surrounding spaces excluded */
	size_t speaker_start, speaker_end; /* the speaker's name, or start ==
					    * end when the text names none
					    * next to the quotation */
};

/*
 * Finds the quotations of text[0..len): words between matching quotation
 * marks of any script (“…” „…“ «…» »…« ‹…› 「…」 『…』 "…", and ‘…’ where
 * the marks cannot be apostrophes), at least three words long and inside
 * one paragraph, each with the name of its speaker when the same sentence
 * attributes it ("..." NAME said, said NAME, NAME said: "...", according to
 * NAME).  A pronoun ("he said") leaves the speaker empty.  At most the first
 * 16,384 quotations are kept.  *out (allocated with wt__malloc even when
 * *count is 0; the caller frees it with wt__free) gets them in text order.
 * Cost: O(len).
 * @return WT_OK, WT_ERR_INVALID (a NULL pointer with len > 0), WT_ERR_NOMEM,
 * WT_ERR_LIMIT (a text over 4 GiB).
 */
enum wt_status wt__find_quotes(const char *text, size_t len, struct wt__quote **out,
			       size_t *count);

#endif
