/*
 * text.h - internal interface of the text modules: UTF-8 decoding and
 * repair, per-code-point classification shared by the tokenizer, the
 * sentence splitter and the normalizer.
 */
#ifndef WT_TEXT_H
#define WT_TEXT_H

#include <stddef.h>
#include <stdint.h>

#include "core/core.h"

/*
 * Decodes one code point at s[0..n) (n > 0).  @return the code point and
 * sets *len to the bytes used (1..4); an invalid or truncated sequence
 * returns -1 with *len = 1.
 */
int32_t wt__utf8_decode(const unsigned char *s, size_t n, size_t *len);

/*
 * Validates UTF-8.  @return the byte offset of the first invalid sequence,
 * or `n` when all is valid.  Fast on ASCII.
 */
size_t wt__utf8_valid_prefix(const char *s, size_t n);

/* Whether the character at text[at] (text ending at text[len]) is a
 * capital letter, in any cased script: names, places, acronyms.  0 in
 * scripts without case. */
int wt__capital_at(const char *text, size_t len, size_t at);

/* Writing systems, as far as word statistics need them: an article's is
 * the one most of its words are in, and a word's rarity is measured among
 * the articles of the script it is most often in. */
enum wt__script {
	WT_SCRIPT_COMMON = 0, /* digits, symbols, anything unassigned */
	WT_SCRIPT_LATIN,
	WT_SCRIPT_GREEK,
	WT_SCRIPT_CYRILLIC,
	WT_SCRIPT_HEBREW,
	WT_SCRIPT_ARABIC,     /* Arabic, Urdu, Persian */
	WT_SCRIPT_INDIC,      /* Devanagari to Sinhala */
	WT_SCRIPT_THAI,       /* Thai, Lao, Tibetan, Myanmar, Khmer */
	WT_SCRIPT_CJK,        /* Han, kana */
	WT_SCRIPT_HANGUL,
	WT_SCRIPT_OTHER,
	WT_SCRIPTS
};

/* The script of the character at text[at] (text ending at text[len]). */
enum wt__script wt__script_at(const char *text, size_t len, size_t at);

/*
 * Copies `s` into *out (allocated, NUL-terminated) with every invalid
 * sequence replaced by U+FFFD; NUL bytes become U+FFFD as well.  For each
 * repair, `report(ud, offset)` is called with the byte offset in `s`, at
 * most `max_reports` times.  @return the number of repairs, or -1 when out
 * of memory.
 */
long wt__utf8_repair(const char *s, size_t n, char **out, size_t *out_len,
		     void (*report)(void *ud, size_t offset), void *ud);

/* Character classes the tokenizer uses. */
enum wt__cclass {
	WT_CC_SEP = 0,   /* separator: spaces, punctuation, symbols */
	WT_CC_WORD,      /* letter, mark or digit inside a word */
	WT_CC_IDEO,      /* CJK ideograph or kana: a token by itself */
	WT_CC_IGNORE     /* inside a word but not part of it (tatweel, ZWJ) */
};

/* @return the class of code point `cp`. */
enum wt__cclass wt__cp_class(int32_t cp);

/*
 * Appends the normalized form of `cp` (NFKD, case-folded, quotes and dashes
 * unified) as UTF-8 to dst, which has room for at least 64 bytes.
 * @return the number of bytes written.
 */
size_t wt__cp_fold(int32_t cp, unsigned char *dst);

/*
 * The class of code point cp and, for word and ideograph characters, its
 * folded UTF-8 (as wt__cp_fold): *fold points into a table built on first
 * use, or into `scratch` (64 bytes) outside the Basic Multilingual Plane.
 * Thread-safe.  @return the class.
 */
enum wt__cclass wt__cp_lookup(int32_t cp, const unsigned char **fold, size_t *flen,
			      unsigned char *scratch);

/* @return 1 when cp is a combining mark (general category M*). */
int wt__cp_is_mark(int32_t cp);

/*
 * Recomposes the folded UTF-8 bytes buf[0..n) in place (NFC of NFKD), so a
 * kana written with a separate voicing mark hashes like the composed kana.
 * @return the new length (never more than n).
 */
size_t wt__fold_compose(unsigned char *buf, size_t n);

/* Token vector reused between articles. */
struct wt__tokens {
	struct wt_token *v; /* owned */
	size_t n, cap;
};

/* Tokenizes into `tv` (emptied first).  @return WT_OK, WT_ERR_NOMEM,
 * WT_ERR_LIMIT. */
enum wt_status wt__tokenize(const char *text, size_t len, struct wt__tokens *tv);
/* The same tokens, found a byte at a time (no 64-byte blocks of ASCII):
 * for tests and fuzzing to compare against. */
enum wt_status wt__tokenize_bytewise(const char *text, size_t len, struct wt__tokens *tv);

/*
 * The month (1..12) named by w[0..n) (ASCII capitals lowered): English,
 * German, French, Spanish, Italian, Portuguese or Dutch, names and usual
 * abbreviations ("Sept", "März", "déc"); 0 for none.  *flags (may be
 * NULL) gets WT_MONTH_EN for an English one ("may" is also a verb) and
 * WT_MONTH_ABBR for an abbreviation (a period may follow it).
 */
#define WT_MONTH_EN 1u
#define WT_MONTH_ABBR 2u
int wt__month_name(const char *w, size_t n, unsigned *flags);

#endif
