/*
 * tokenize.c - word tokens for every script, with byte offsets into the
 * original text and a hash of each token's normalized form.
 *
 * This is the innermost loop of the whole pipeline, so runs of ASCII are
 * taken 64 bytes at a time with bit masks, ASCII words elsewhere take a
 * table driven fast path, and only other code points go through utf8proc.  A word
 * is a run of letters, marks and digits; digits joined by ',' or '.'
 * ("14,000", "5.93") stay one token; each CJK ideograph or kana is a token
 * by itself; Thai, Lao, Khmer and Myanmar, written without spaces between
 * words, are cut into words by ICU's dictionary word breaker; tatweel and
 * zero-width joiners are skipped inside words; the URL part of a Markdown
 * link "[text](url)" is skipped.
 */
#include <pthread.h>
#include <unicode/ubrk.h>
#include <unicode/utext.h>

#include "text/text.h"

#define MAX_TOKEN_BYTES 192   /* normalized bytes hashed per token */
#define MAX_URL_SKIP 2048     /* longest Markdown link target skipped */

/* 1: ASCII letter or digit. */
static const unsigned char ascii_word[256] = {
	['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1, ['5'] = 1,
	['6'] = 1, ['7'] = 1, ['8'] = 1, ['9'] = 1,
	['a'] = 1, ['b'] = 1, ['c'] = 1, ['d'] = 1, ['e'] = 1, ['f'] = 1,
	['g'] = 1, ['h'] = 1, ['i'] = 1, ['j'] = 1, ['k'] = 1, ['l'] = 1,
	['m'] = 1, ['n'] = 1, ['o'] = 1, ['p'] = 1, ['q'] = 1, ['r'] = 1,
	['s'] = 1, ['t'] = 1, ['u'] = 1, ['v'] = 1, ['w'] = 1, ['x'] = 1,
	['y'] = 1, ['z'] = 1,
	['A'] = 1, ['B'] = 1, ['C'] = 1, ['D'] = 1, ['E'] = 1, ['F'] = 1,
	['G'] = 1, ['H'] = 1, ['I'] = 1, ['J'] = 1, ['K'] = 1, ['L'] = 1,
	['M'] = 1, ['N'] = 1, ['O'] = 1, ['P'] = 1, ['Q'] = 1, ['R'] = 1,
	['S'] = 1, ['T'] = 1, ['U'] = 1, ['V'] = 1, ['W'] = 1, ['X'] = 1,
	['Y'] = 1, ['Z'] = 1,
};

#ifdef __SSE2__
#include <emmintrin.h>

/* 0xFF in each byte of the 16 that is an ASCII digit. */
static inline __m128i digits16(__m128i c)
{
	return _mm_and_si128(_mm_cmpgt_epi8(c, _mm_set1_epi8('0' - 1)),
			     _mm_cmplt_epi8(c, _mm_set1_epi8('9' + 1)));
}

/* Bit k set when byte k of the 16 is an ASCII letter or digit. */
static inline unsigned alnum16(__m128i c)
{
	__m128i lo = _mm_or_si128(c, _mm_set1_epi8(0x20));
	__m128i letter = _mm_and_si128(_mm_cmpgt_epi8(lo, _mm_set1_epi8('a' - 1)),
				       _mm_cmplt_epi8(lo, _mm_set1_epi8('z' + 1)));
	return (unsigned)_mm_movemask_epi8(_mm_or_si128(letter, digits16(c)));
}
#endif

/* @return the first index from j on that is not an ASCII letter or digit. */
static inline size_t word_end(const unsigned char *s, size_t j, size_t len)
{
#ifdef __SSE2__
	while (j + 16 <= len) {
		unsigned m = alnum16(_mm_loadu_si128((const __m128i *)(const void *)(s + j)));
		if (m != 0xFFFF)
			return j + (size_t)__builtin_ctz(~m);
		j += 16;
	}
#endif
	while (j < len && ascii_word[s[j]])
		j++;
	return j;
}

/* @return the first index from i on holding a letter or digit, a byte of a
 * non-ASCII character, or ']' (a Markdown link may follow). */
static inline size_t sep_end(const unsigned char *s, size_t i, size_t len)
{
#ifdef __SSE2__
	while (i + 16 <= len) {
		__m128i c = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
		unsigned stop = alnum16(c) | (unsigned)_mm_movemask_epi8(c) |
				(unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(c, _mm_set1_epi8(']')));
		if (stop)
			return i + (size_t)__builtin_ctz(stop);
		i += 16;
	}
#endif
	while (i < len && s[i] < 0x80 && !ascii_word[s[i]] && s[i] != ']')
		i++;
	return i;
}

static inline int is_digit(unsigned char c)
{
	return c >= '0' && c <= '9';
}

/*
 * The token hash: 8 bytes at a time, multiply-rotate, then a final mix.
 * The ASCII fast path feeds it input bytes OR 0x20 (lower case for letters,
 * unchanged for digits, ',' and '.'), the general path feeds it the folded
 * bytes, so both give the same hash for the same normalized word.
 */
#define K1 0x9E3779B97F4A7C15ULL
#define K2 0xC2B2AE3D27D4EB4FULL

static inline uint64_t hash_step(uint64_t h, uint64_t w)
{
	h ^= w * K1;
	h = (h << 31) | (h >> 33);
	return h * K2;
}

static inline uint64_t hash_final(uint64_t h, size_t n)
{
	h = wt__mix64(h ^ (uint64_t)n);
	return h ? h : 1;
}

static inline uint64_t load_n(const unsigned char *p, size_t n)
{
	uint64_t w = 0;
	memcpy(&w, p, n);
	return w;
}

static uint64_t finish_hash(const unsigned char *buf, size_t n)
{
	uint64_t h = 0;
	size_t i = 0;
	for (; i + 8 <= n; i += 8) {
		uint64_t w;
		memcpy(&w, buf + i, 8);
		h = hash_step(h, w);
	}
	if (i < n)
		h = hash_step(h, load_n(buf + i, n - i));
	return hash_final(h, n);
}

/* Hash of an ASCII word s[0..n): the bytes lowered by OR 0x20.  `avail`
 * bytes are readable from s (avail >= n): the last partial word is then
 * one 8-byte load, masked, rather than a byte-sized memcpy. */
static inline uint64_t ascii_hash(const unsigned char *s, size_t n, size_t avail)
{
	const uint64_t low = 0x2020202020202020ULL;
	uint64_t h = 0;
	size_t i = 0;
	if (n > MAX_TOKEN_BYTES)
		n = MAX_TOKEN_BYTES;
	for (; i + 8 <= n; i += 8) {
		uint64_t w;
		memcpy(&w, s + i, 8);
		h = hash_step(h, w | low);
	}
	if (i < n) {
		size_t r = n - i;
		uint64_t w;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
		if (avail - i >= 8)
			memcpy(&w, s + i, 8); /* the mask below keeps the first r */
		else
#endif
			w = load_n(s + i, r);
		uint64_t mask = ~0ULL >> (8 * (8 - r));
		h = hash_step(h, (w | low) & mask);
	}
	return hash_final(h, n);
}

/* At s[i] == ']' and s[i+1] == '(': @return the index after the closing
 * ')' of a link target without spaces, or i when it is not one. */
static size_t skip_link_target(const unsigned char *s, size_t n, size_t i)
{
	size_t j = i + 2, lim = WT_MIN(n, i + 2 + MAX_URL_SKIP);
	while (j < lim && s[j] != ')' && s[j] > ' ')
		j++;
	if (j < lim && s[j] == ')' && j > i + 2)
		return j + 1;
	return i;
}

#ifdef __SSE2__
/*
 * Sixty-four bytes from s[i] at once, outside a word (len >= i + 64): the
 * words that end inside them, found with bit masks rather than a branch
 * per boundary.  A word is a run of ASCII letters and digits, ',' or '.'
 * between two digits included, as the byte-wise path has it.  Only the
 * bytes before the first non-ASCII byte or ']' are taken, and a word is
 * taken only when the byte after its end is seen too (a ',' or '.' there
 * may join it to digits).  Tokens are appended to tv (room for 32 more
 * is there).  @return the index to go on from: the start of the first
 * word not taken, or the end of the bytes taken; i when none was.
 */
static size_t ascii_block(const unsigned char *s, size_t i, size_t len, struct wt__tokens *tv)
{
	uint64_t word = 0, digit = 0, punct = 0, stop = 0;
	for (int k = 0; k < 4; k++) {
		__m128i c = _mm_loadu_si128((const __m128i *)(const void *)(s + i + 16 * k));
		__m128i p = _mm_or_si128(_mm_cmpeq_epi8(c, _mm_set1_epi8(',')),
					 _mm_cmpeq_epi8(c, _mm_set1_epi8('.')));
		word |= (uint64_t)alnum16(c) << (16 * k);
		digit |= (uint64_t)(unsigned)_mm_movemask_epi8(digits16(c)) << (16 * k);
		punct |= (uint64_t)(unsigned)_mm_movemask_epi8(p) << (16 * k);
		stop |= (uint64_t)(unsigned)(_mm_movemask_epi8(c) |
					     _mm_movemask_epi8(_mm_cmpeq_epi8(c, _mm_set1_epi8(']'))))
			<< (16 * k);
	}
	/* Bytes from `lim` on are not taken: the first non-ASCII byte or ']',
	 * else the last byte (what follows it is unseen). */
	unsigned lim = stop ? (unsigned)__builtin_ctzll(stop) : 63;
	if (lim == 0)
		return i;
	word |= punct & (digit << 1) & (digit >> 1);
	uint64_t starts = word & ~(word << 1) & ((1ULL << lim) - 1), ends = ~word & (word << 1);
	while (starts) {
		unsigned a = (unsigned)__builtin_ctzll(starts);
		uint64_t after = ends & (~0ULL << a);
		unsigned e = after ? (unsigned)__builtin_ctzll(after) : 64;
		if (e >= lim)
			return i + a;
		struct wt_token *t = &tv->v[tv->n++];
		t->start = (uint32_t)(i + a);
		t->end = (uint32_t)(i + e);
		t->hash = ascii_hash(s + i + a, e - a, len - i - a);
		starts &= starts - 1;
	}
	return i + lim;
}
#endif

/*
 * Scripts written without spaces between words (Thai, Lao, Khmer,
 * Myanmar): a run of their letters is a phrase or a whole clause, useless
 * as one token (one changed word would change it all), so ICU's word break
 * iterator, which holds dictionaries for these four, cuts it into words.
 * Opening an iterator costs far more than a run, so the iterators are kept
 * in a pool shared by the threads (one is used by one thread at a time).
 */
static int unspaced_script(int32_t cp)
{
	return (cp >= 0x0E00 && cp <= 0x0EFF) || /* Thai, Lao */
	       (cp >= 0x1000 && cp <= 0x109F) || (cp >= 0xA9E0 && cp <= 0xA9FF) ||
	       (cp >= 0xAA60 && cp <= 0xAA7F) || /* Myanmar */
	       (cp >= 0x1780 && cp <= 0x17FF) || (cp >= 0x19E0 && cp <= 0x19FF); /* Khmer */
}

#define BREAK_POOL 64
static pthread_mutex_t break_lock = PTHREAD_MUTEX_INITIALIZER;
static UBreakIterator *break_pool[BREAK_POOL];
static int break_pooled;

/* @return a word break iterator, NULL when ICU cannot give one. */
static UBreakIterator *break_take(void)
{
	UBreakIterator *bi = NULL;
	pthread_mutex_lock(&break_lock);
	if (break_pooled > 0)
		bi = break_pool[--break_pooled];
	pthread_mutex_unlock(&break_lock);
	if (!bi) {
		UErrorCode err = U_ZERO_ERROR;
		bi = ubrk_open(UBRK_WORD, "", NULL, 0, &err);
		if (U_FAILURE(err))
			bi = NULL;
	}
	return bi;
}

static void break_give(UBreakIterator *bi)
{
	/* Let go of the text it was given, which may be freed before it is
	 * taken again. */
	UErrorCode err = U_ZERO_ERROR;
	UText empty = UTEXT_INITIALIZER;
	utext_openUTF8(&empty, "", 0, &err);
	ubrk_setUText(bi, &empty, &err);
	utext_close(&empty);
	pthread_mutex_lock(&break_lock);
	if (break_pooled < BREAK_POOL) {
		break_pool[break_pooled++] = bi;
		bi = NULL;
	}
	pthread_mutex_unlock(&break_lock);
	if (bi)
		ubrk_close(bi);
}

/* @return the end of the run of letters and marks of an unspaced script
 * (and of ignorable joiners) that starts at s[i]. */
static size_t unspaced_run_end(const unsigned char *s, size_t i, size_t len)
{
	while (i < len && s[i] >= 0x80) {
		size_t l, flen;
		const unsigned char *fold;
		unsigned char scratch[64];
		int32_t cp = wt__utf8_decode(s + i, len - i, &l);
		if (cp < 0)
			break;
		enum wt__cclass cc = wt__cp_lookup(cp, &fold, &flen, scratch);
		if (!(cc == WT_CC_IGNORE || (cc == WT_CC_WORD && unspaced_script(cp))))
			break;
		i += l;
	}
	return i;
}

/* Appends the token of s[a..b) (within a run: letters, marks and
 * joiners), hashed from its folded bytes as the general path hashes a
 * word; none when nothing of it folds to a byte. */
static enum wt_status add_folded(const unsigned char *s, size_t a, size_t b, struct wt__tokens *tv)
{
	unsigned char buf[MAX_TOKEN_BYTES + 64], scratch[64];
	size_t blen = 0;
	for (size_t i = a; i < b && blen < MAX_TOKEN_BYTES;) {
		size_t l, flen;
		const unsigned char *fold;
		int32_t cp = wt__utf8_decode(s + i, b - i, &l);
		if (wt__cp_lookup(cp, &fold, &flen, scratch) == WT_CC_WORD) {
			size_t room = sizeof(buf) - blen;
			memcpy(buf + blen, fold, flen < room ? flen : room);
			blen += flen < room ? flen : room;
		}
		i += l;
	}
	if (blen == 0)
		return WT_OK;
	enum wt_status st = WT_GROW(tv->v, tv->cap, tv->n + 1, (size_t)UINT32_MAX);
	if (st)
		return st;
	struct wt_token *t = &tv->v[tv->n++];
	t->start = (uint32_t)a;
	t->end = (uint32_t)b;
	t->hash = finish_hash(buf, blen);
	return WT_OK;
}

/*
 * The cuts of recent runs, per thread: the same runs come again and again
 * (each text is tokenized by several stages, copies repeat their source,
 * short runs are common words), and ICU's dictionary search costs ten
 * times the rest of the tokenizer.  A run's entry holds the byte lengths
 * of its words; runs of more words, or longer ones, are not kept.
 */
#define RUN_MEMO 1024
#define RUN_WORDS 55
struct run_memo {
	uint64_t key; /* hash of the run's bytes, 0 for none */
	uint8_t n;
	uint8_t len[RUN_WORDS];
};
static _Thread_local struct run_memo run_memo[RUN_MEMO];

/* The words of the run s[a..b) of an unspaced script, appended to tv;
 * *bi is the caller's iterator, taken from the pool on first need.  The
 * whole run is one word if ICU gives no iterator. */
static enum wt_status unspaced_words(const unsigned char *s, size_t a, size_t b,
				     struct wt__tokens *tv, UBreakIterator **bi)
{
	uint64_t key = wt__hash(s + a, b - a) | 1;
	struct run_memo *m = &run_memo[key & (RUN_MEMO - 1)];
	enum wt_status st = WT_OK;
	size_t sum = 0;
	for (int k = 0; m->key == key && k < m->n; k++)
		sum += m->len[k];
	if (m->key == key && sum == b - a) { /* (another run with its hash: not) */
		for (int k = 0; k < m->n && !st; k++) {
			st = add_folded(s, a, a + m->len[k], tv);
			a += m->len[k];
		}
		return st;
	}
	if (!*bi && !(*bi = break_take()))
		return add_folded(s, a, b, tv);
	UErrorCode err = U_ZERO_ERROR;
	UText ut = UTEXT_INITIALIZER;
	utext_openUTF8(&ut, (const char *)s + a, (int64_t)(b - a), &err);
	ubrk_setUText(*bi, &ut, &err);
	if (U_FAILURE(err)) {
		st = add_folded(s, a, b, tv);
	} else {
		/* boundaries are byte offsets into the run (UTF-8 text) */
		struct run_memo nm = {key, 0, {0}};
		int32_t p = ubrk_first(*bi), q;
		while (!st && (q = ubrk_next(*bi)) != UBRK_DONE) {
			st = add_folded(s, a + (size_t)p, a + (size_t)q, tv);
			if (nm.key && nm.n < RUN_WORDS && q - p <= 255)
				nm.len[nm.n++] = (uint8_t)(q - p);
			else
				nm.key = 0;
			p = q;
		}
		if (!st && nm.key)
			*m = nm;
	}
	utext_close(&ut);
	return st;
}

/* The tokenizer; `blocks`: whether to take runs of ASCII 64 bytes at a time
 * (the same tokens; 0 only to check that). */
static inline enum wt_status tokenize(const char *text, size_t len, struct wt__tokens *tv, int blocks,
				      UBreakIterator **bi)
{
	const unsigned char *s = (const unsigned char *)text;
	tv->n = 0;
	if (len > UINT32_MAX)
		return WT_ERR_LIMIT;
	enum wt_status st = WT_GROW(tv->v, tv->cap, len / 5 + 16, (size_t)UINT32_MAX);
	if (st)
		return st;
	unsigned char buf[MAX_TOKEN_BYTES + 64];
	size_t blen = 0;
	size_t start = 0, end = 0;
	int in_word = 0;
	size_t i = 0;

#define EMIT()                                                               \
	do {                                                                 \
		if (tv->n == tv->cap &&                                      \
		    (st = WT_GROW(tv->v, tv->cap, tv->n + 1, (size_t)UINT32_MAX))) \
			return st;                                           \
		struct wt_token *t_ = &tv->v[tv->n++];                       \
		t_->start = (uint32_t)start;                                 \
		t_->end = (uint32_t)end;                                     \
		t_->hash = finish_hash(buf, blen);                           \
		in_word = 0;                                                 \
		blen = 0;                                                    \
	} while (0)

	while (i < len) {
#ifdef __SSE2__
		if (blocks && !in_word && i + 64 <= len) {
			if (tv->cap - tv->n < 32 &&
			    (st = WT_GROW(tv->v, tv->cap, tv->n + 32, (size_t)UINT32_MAX)))
				return st;
			size_t next = ascii_block(s, i, len, tv);
			if (next != i) {
				i = next;
				continue;
			}
		}
#else
		(void)blocks;
#endif
		unsigned char c = s[i];
		if (!in_word && c < 0x80 && !ascii_word[c] && c != ']') {
			/* Runs of ASCII spaces and punctuation between words. */
			i = sep_end(s, i + 1, len);
			continue;
		}
		if (c < 0x80) {
			if (ascii_word[c]) {
				if (!in_word) {
					/* Fast path: a whole ASCII word, hashed in place
					 * when nothing non-ASCII follows it. */
					size_t j = i + 1;
					for (;;) {
						j = word_end(s, j, len);
						if (j + 1 < len && (s[j] == ',' || s[j] == '.') &&
						    is_digit(s[j - 1]) && is_digit(s[j + 1])) {
							j++;
							continue;
						}
						break;
					}
					if (j >= len || s[j] < 0x80) {
						if (tv->n == tv->cap &&
						    (st = WT_GROW(tv->v, tv->cap, tv->n + 1, (size_t)UINT32_MAX)))
							return st;
						struct wt_token *t = &tv->v[tv->n++];
						t->start = (uint32_t)i;
						t->end = (uint32_t)j;
						t->hash = ascii_hash(s + i, j - i, len - i);
						i = j;
						continue;
					}
					in_word = 1;
					start = i;
				}
				/* Slow path: the word goes on in another script. */
				do {
					if (blen < MAX_TOKEN_BYTES)
						buf[blen++] = (unsigned char)(c | ((c >= 'A' && c <= 'Z') << 5));
					i++;
				} while (i < len && ascii_word[c = s[i]]);
				end = i;
				continue;
			}
			if (in_word && (c == ',' || c == '.') && i + 1 < len &&
			    is_digit(s[i + 1]) && is_digit(s[i - 1])) {
				if (blen < MAX_TOKEN_BYTES)
					buf[blen++] = c;
				i++;
				continue;
			}
			if (in_word)
				EMIT();
			if (c == ']' && i + 1 < len && s[i + 1] == '(') {
				size_t j = skip_link_target(s, len, i);
				if (j != i) {
					i = j;
					continue;
				}
			}
			i++;
			continue;
		}
		size_t clen, flen;
		const unsigned char *fold;
		unsigned char scratch[64];
		int32_t cp = wt__utf8_decode(s + i, len - i, &clen);
		enum wt__cclass cc = wt__cp_lookup(cp, &fold, &flen, scratch);
		if (cc == WT_CC_WORD && unspaced_script(cp)) {
			if (in_word)
				EMIT();
			size_t e = unspaced_run_end(s, i, len);
			if ((st = unspaced_words(s, i, e, tv, bi)))
				return st;
			i = e;
			continue;
		}
		switch (cc) {
		case WT_CC_WORD:
			if (!in_word) {
				in_word = 1;
				start = i;
			}
			if (blen < MAX_TOKEN_BYTES) {
				/* buf has 64 bytes beyond MAX_TOKEN_BYTES: room for any
				 * folded character of the table (at most 64 bytes). */
				size_t room = sizeof(buf) - blen;
				memcpy(buf + blen, fold, flen < room ? flen : room);
				blen += flen < room ? flen : room;
			}
			end = i + clen;
			break;
		case WT_CC_IGNORE:
			break;
		case WT_CC_IDEO: {
			if (in_word)
				EMIT();
			start = i;
			end = i + clen;
			blen = flen < sizeof(buf) ? flen : sizeof(buf);
			memcpy(buf, fold, blen);
			/* Combining marks (a decomposed dakuten) stay with it. */
			size_t k = i + clen, ml;
			int32_t mc;
			while (k < len && s[k] >= 0x80 &&
			       (mc = wt__utf8_decode(s + k, len - k, &ml)) >= 0 &&
			       wt__cp_is_mark(mc)) {
				if (blen < MAX_TOKEN_BYTES)
					blen += wt__cp_fold(mc, buf + blen);
				k += ml;
			}
			end = k;
			clen = k - i;
			if (blen > 0)
				blen = wt__fold_compose(buf, blen);
			EMIT();
			break;
		}
		case WT_CC_SEP:
			if (in_word)
				EMIT();
			break;
		}
		i += clen;
	}
	if (in_word)
		EMIT();
#undef EMIT
	return WT_OK;
}

enum wt_status wt__tokenize(const char *text, size_t len, struct wt__tokens *tv)
{
	UBreakIterator *bi = NULL;
	enum wt_status st = tokenize(text, len, tv, 1, &bi);
	if (bi)
		break_give(bi);
	return st;
}

enum wt_status wt__tokenize_bytewise(const char *text, size_t len, struct wt__tokens *tv)
{
	UBreakIterator *bi = NULL;
	enum wt_status st = tokenize(text, len, tv, 0, &bi);
	if (bi)
		break_give(bi);
	return st;
}

enum wt_status wt_tokenize(const char *text, size_t len, struct wt_token **out,
			   size_t *count)
{
	if (!text || !out || !count)
		return WT_ERR_INVALID;
	struct wt__tokens tv = {0};
	enum wt_status st = wt__tokenize(text, len, &tv);
	if (st) {
		wt__free(tv.v);
		return st;
	}
	*out = tv.v;
	*count = tv.n;
	return WT_OK;
}
