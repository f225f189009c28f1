/*
 * sentences.c - sentence boundaries with byte offsets, for any script.
 *
 * A sentence ends at a terminator (. ! ? and their forms in other scripts)
 * followed by closing quotes or brackets and then a space or the end, unless
 * the period closes an abbreviation ("Mr.", "U.S.", "Jan.") or the next word
 * starts in lower case.  Paragraphs end sentences too: a blank line always,
 * a single line break when the next line starts a new paragraph (indented,
 * or after a short line such as a headline) and not in lower case.  Wire
 * copy hard-wrapped at 65 columns is therefore not cut at every line.
 */
#include <utf8proc.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "text/text.h"

static const char *const abbrevs[] = {
	"mr", "mrs", "ms", "dr", "prof", "gen", "sen", "rep", "gov", "st", "jr",
	"sr", "inc", "corp", "co", "ltd", "vs", "etc", "jan", "feb", "mar",
	"apr", "aug", "sep", "sept", "oct", "nov", "dec", "lt", "col", "capt",
	"sgt", "rev", "fig", "approx", "dept", "est", "mt", "ft", "gov", "pres",
	"adm", "cmdr", "maj", "hon", "messrs", "mme", "mlle", "nos", "vol", "pp",
	"av", "ave", "blvd", "rd", "bros", "eg", "ie", "cf", "al", NULL
};

static int is_abbrev(const unsigned char *s, size_t wstart, size_t wend)
{
	size_t n = wend - wstart;
	if (n == 1)
		return 1; /* an initial: "J. Smith", "U.S." */
	if (n > 7)
		return 0;
	char w[8];
	for (size_t k = 0; k < n; k++) {
		unsigned char c = s[wstart + k];
		w[k] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
	}
	w[n] = 0;
	for (int k = 0; abbrevs[k]; k++)
		if (!strcmp(w, abbrevs[k]))
			return 1;
	/* "U.S" in "U.S.": a letter, a period, a letter. */
	return n >= 3 && s[wend - 2] == '.';
}

/* @return the first index from i on holding '.', '!', '?', a line end or
 * a byte of a non-ASCII character (len when none). */
static size_t next_mark(const unsigned char *s, size_t i, size_t len)
{
#ifdef __SSE2__
	while (i + 16 <= len) {
		__m128i c = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
		__m128i m = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(c, _mm_set1_epi8('.')),
						      _mm_cmpeq_epi8(c, _mm_set1_epi8('!'))),
					 _mm_or_si128(_mm_cmpeq_epi8(c, _mm_set1_epi8('?')),
						      _mm_cmpeq_epi8(c, _mm_set1_epi8('\n'))));
		unsigned bits = (unsigned)_mm_movemask_epi8(m) | (unsigned)_mm_movemask_epi8(c);
		if (bits)
			return i + (size_t)__builtin_ctz(bits);
		i += 16;
	}
#endif
	while (i < len && s[i] < 0x80 && s[i] != '.' && s[i] != '!' && s[i] != '?' && s[i] != '\n')
		i++;
	return i;
}

static int is_terminator(int32_t cp, int *needs_space)
{
	*needs_space = 1;
	switch (cp) {
	case '.': case '!': case '?': case 0x06D4: case 0x061F: case 0x0964:
	case 0x0965: case 0x2026:
		return 1;
	case 0x3002: case 0xFF01: case 0xFF1F: case 0xFF0E:
		*needs_space = 0;
		return 1;
	}
	return 0;
}

static int is_closer(int32_t cp)
{
	return cp == '"' || cp == '\'' || cp == ')' || cp == ']' || cp == 0x201D ||
	       cp == 0x2019 || cp == 0x00BB || cp == 0x300D || cp == 0x300F ||
	       cp == 0xFF09 || cp == 0x203A;
}

static int is_hspace(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\r';
}

static int starts_lower(const unsigned char *s, size_t n, size_t i)
{
	size_t len;
	int32_t cp = wt__utf8_decode(s + i, n - i, &len);
	if (cp < 0)
		return 0;
	return utf8proc_category(cp) == UTF8PROC_CATEGORY_LL;
}

struct acc {
	struct wt_span *v;
	size_t n, cap;
};

static enum wt_status push(struct acc *a, const unsigned char *s, size_t from,
			   size_t to)
{
	/* Trim spaces on both sides; drop empty sentences. */
	while (from < to && (is_hspace(s[from]) || s[from] == '\n'))
		from++;
	while (to > from && (is_hspace(s[to - 1]) || s[to - 1] == '\n'))
		to--;
	if (from == to)
		return WT_OK;
	enum wt_status st = WT_GROW(a->v, a->cap, a->n + 1, (size_t)-1 / 32);
	if (st)
		return st;
	a->v[a->n].start = from;
	a->v[a->n].end = to;
	a->n++;
	return WT_OK;
}

enum wt_status wt_sentences(const char *text, size_t len, struct wt_span **out,
			    size_t *count)
{
	if (!text || !out || !count)
		return WT_ERR_INVALID;
	const unsigned char *s = (const unsigned char *)text;
	struct acc a = {0};
	enum wt_status st = WT_OK;
	size_t sent = 0, line_start = 0;
	size_t wstart = 0, wend = 0; /* last ASCII word, for abbreviations */
	size_t i = 0;
	while (i < len) {
		/* Of ASCII only a terminator or a line end matters: straight to
		 * the next of those or of the other scripts' characters */
		i = next_mark(s, i, len);
		if (i >= len)
			break;
		if (s[i] == '.') {
			/* the run of ASCII letters just before it, for
			 * abbreviations ("Mr.", "U.S.") */
			wend = i;
			wstart = i;
			while (wstart > 0 && (s[wstart - 1] | 32) >= 'a' && (s[wstart - 1] | 32) <= 'z')
				wstart--;
			if (wstart == i)
				wend = SIZE_MAX;
		}
		size_t clen;
		int32_t cp = wt__utf8_decode(s + i, len - i, &clen);
		if (cp < 0)
			cp = 0xFFFD;
		if (cp == '.' && wend == i) {
			/* keep the word so "U.S." is seen whole */
		}
		int needs_space;
		if (is_terminator(cp, &needs_space)) {
			size_t j = i + clen;
			/* runs like "?!" or "..." */
			while (j < len) {
				size_t l2;
				int32_t c2 = wt__utf8_decode(s + j, len - j, &l2);
				int ns2;
				if (c2 >= 0 && (is_terminator(c2, &ns2) || is_closer(c2)))
					j += l2;
				else
					break;
			}
			int at_end = j >= len;
			int spaced = at_end || is_hspace(s[j]) || s[j] == '\n';
			if (!needs_space || spaced) {
				size_t k = j;
				while (k < len && is_hspace(s[k]))
					k++;
				int abbrev = cp == '.' && wend == i && is_abbrev(s, wstart, wend);
				/* "No. 10" and "no. 3" abbreviate; "said no." ends. */
				if (cp == '.' && wend == i && wend - wstart == 2 &&
				    (s[wstart] | 32) == 'n' && (s[wstart + 1] | 32) == 'o' &&
				    k < len && s[k] >= '0' && s[k] <= '9')
					abbrev = 1;
				int lower = k < len && s[k] != '\n' && starts_lower(s, len, k);
				if (at_end || (!abbrev && !lower) || (!needs_space)) {
					if ((st = push(&a, s, sent, j)))
						goto fail;
					sent = j;
				}
			}
			i = j;
			continue;
		}
		if (cp == '\n') {
			size_t k = i + 1, indent = 0;
			while (k < len && is_hspace(s[k])) {
				k++;
				indent++;
			}
			int blank = k < len && s[k] == '\n';
			int para = blank;
			if (!para && k < len && !starts_lower(s, len, k)) {
				size_t line_len = i - line_start;
				para = indent >= 2 || line_len < 50;
			}
			if (para) {
				if ((st = push(&a, s, sent, i)))
					goto fail;
				sent = i;
			}
			line_start = i + 1;
		}
		i += clen;
	}
	if ((st = push(&a, s, sent, len)))
		goto fail;
	*out = a.v;
	*count = a.n;
	if (!a.v) {
		*out = wt__malloc(sizeof(struct wt_span));
		if (!*out)
			return WT_ERR_NOMEM;
	}
	return WT_OK;
fail:
	wt__free(a.v);
	return st;
}
