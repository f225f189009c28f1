/*
 * chars.h - the character tests numbers.c and quotes.c share: code points
 * read forwards from raw text, their Unicode category, letters of any
 * script, and caseless comparison with an ASCII word.
 */
#ifndef WT_CLAIMS_CHARS_H
#define WT_CLAIMS_CHARS_H

#include <utf8proc.h>

#include "text/text.h"

/* @return the code point at s[i] (-1 when invalid or i >= n), its length in *l. */
static inline int32_t cp_at(const unsigned char *s, size_t n, size_t i, size_t *l)
{
	if (i >= n) {
		*l = 0;
		return -1;
	}
	if (s[i] < 0x80) {
		*l = 1;
		return s[i];
	}
	return wt__utf8_decode(s + i, n - i, l);
}

static inline int category(int32_t cp)
{
	return cp < 0 ? 0 : (int)utf8proc_category(cp);
}

/* A letter or combining mark of any script. */
static inline int is_letter(int32_t cp)
{
	if (cp < 0x80)
		return cp >= 0 && ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z');
	int c = category(cp);
	return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_ME;
}

/* Is s[a..b) the word w (lower case; ASCII letters compared in any case)? */
static inline int word_eq(const unsigned char *s, size_t a, size_t b, const char *w)
{
	size_t k = 0;
	for (; a + k < b; k++) {
		unsigned char c = s[a + k];
		if (c >= 'A' && c <= 'Z')
			c = (unsigned char)(c + 32);
		if (!w[k] || (unsigned char)w[k] != c)
			return 0;
	}
	return w[k] == '\0';
}

#endif
