/*
 * normalize.c - Unicode normalization for comparison, on top of utf8proc:
 * NFKC, case folding, typographic quotes and dashes unified to ASCII,
 * ignorable characters dropped.  Two texts that a reader sees as the same
 * words (curly or straight quotes, full-width digits, "ﬁ" ligatures, upper
 * or lower case) normalize to the same bytes.  The tokenizer folds each
 * code point with wt__cp_fold, so tokens compare as normalized text does.
 */
#include <pthread.h>
#include <utf8proc.h>

#include "text/text.h"

/* Typographic punctuation that must compare equal to its ASCII form. */
static int32_t unify_punct(int32_t cp)
{
	switch (cp) {
	case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032:
	case 0x02BC: case 0x02B9: case 0xFF07: case 0x0060: case 0x00B4:
		return '\'';
	case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033:
	case 0x00AB: case 0x00BB: case 0x301D: case 0x301E: case 0x301F:
	case 0xFF02: case 0x300C: case 0x300D: case 0x300E: case 0x300F:
		return '"';
	case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014:
	case 0x2015: case 0x2212: case 0xFE58: case 0xFE63: case 0xFF0D:
		return '-';
	case 0x2026:
		return 0x2026; /* kept: NFKC turns it into "..." */
	}
	return 0;
}

static int is_cjk_ideo(int32_t cp)
{
	return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
	       (cp >= 0x20000 && cp <= 0x2FA1F) || (cp >= 0xF900 && cp <= 0xFAFF) ||
	       (cp >= 0x3040 && cp <= 0x30FF) || /* hiragana, katakana */
	       (cp >= 0x31F0 && cp <= 0x31FF) || cp == 0x3005;
}

enum wt__cclass wt__cp_class(int32_t cp)
{
	if (cp < 0x80) {
		if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
		    (cp >= '0' && cp <= '9'))
			return WT_CC_WORD;
		return WT_CC_SEP;
	}
	if (is_cjk_ideo(cp) && cp != 0x30FC && cp != 0x30FB)
		return WT_CC_IDEO;
	if (cp == 0x0640 || cp == 0x200C || cp == 0x200D || cp == 0x00AD ||
	    cp == 0x2060 || cp == 0xFEFF)
		return WT_CC_IGNORE;
	switch (utf8proc_category(cp)) {
	case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL:
	case UTF8PROC_CATEGORY_LT: case UTF8PROC_CATEGORY_LM:
	case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_MN:
	case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME:
	case UTF8PROC_CATEGORY_ND: case UTF8PROC_CATEGORY_NL:
	case UTF8PROC_CATEGORY_NO:
		return WT_CC_WORD;
	default:
		return WT_CC_SEP;
	}
}

static size_t put_utf8(unsigned char *d, int32_t cp)
{
	if (cp < 0x80) {
		d[0] = (unsigned char)cp;
		return 1;
	}
	if (cp < 0x800) {
		d[0] = (unsigned char)(0xC0 | (cp >> 6));
		d[1] = (unsigned char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		d[0] = (unsigned char)(0xE0 | (cp >> 12));
		d[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
		d[2] = (unsigned char)(0x80 | (cp & 0x3F));
		return 3;
	}
	d[0] = (unsigned char)(0xF0 | (cp >> 18));
	d[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
	d[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
	d[3] = (unsigned char)(0x80 | (cp & 0x3F));
	return 4;
}

#define FOLD_OPTS (UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD | UTF8PROC_IGNORE)

/*
 * Compatibility decomposition, then case folding of each part: utf8proc
 * folds case before it decomposes, so "Ａ" (full-width) would stay
 * full-width lower case without the second step.
 * @return the number of code points written to dst, or -1 when over `cap`.
 */
static utf8proc_ssize_t fold_cp(int32_t cp, utf8proc_int32_t *dst,
				utf8proc_ssize_t cap)
{
	utf8proc_int32_t tmp[16];
	int last = 0;
	utf8proc_ssize_t n = utf8proc_decompose_char(
		cp, tmp, 16, UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT | UTF8PROC_IGNORE, &last);
	if (n < 0 || n > 16)
		return -1;
	utf8proc_ssize_t len = 0;
	for (utf8proc_ssize_t i = 0; i < n; i++) {
		last = 0;
		utf8proc_ssize_t k = utf8proc_decompose_char(tmp[i], dst + len,
							     cap - len, FOLD_OPTS, &last);
		if (k < 0 || k > cap - len)
			return -1;
		len += k;
	}
	return len;
}

size_t wt__cp_fold(int32_t cp, unsigned char *dst)
{
	if (cp < 0x80) {
		dst[0] = (unsigned char)(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp);
		return 1;
	}
	int32_t u = unify_punct(cp);
	if (u && u < 0x80) {
		dst[0] = (unsigned char)u;
		return 1;
	}
	utf8proc_int32_t buf[16];
	utf8proc_ssize_t n = fold_cp(cp, buf, 16);
	if (n < 0)
		return put_utf8(dst, cp);
	size_t len = 0;
	for (utf8proc_ssize_t i = 0; i < n; i++) {
		int32_t c = buf[i];
		int32_t p = unify_punct(c);
		len += put_utf8(dst + len, p && p < 0x80 ? p : c);
	}
	return len;
}

static int is_space(int32_t cp)
{
	if (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' ||
	    cp == '\v')
		return 1;
	if (cp < 0x80)
		return 0;
	utf8proc_category_t c = utf8proc_category(cp);
	return c == UTF8PROC_CATEGORY_ZS || c == UTF8PROC_CATEGORY_ZL ||
	       c == UTF8PROC_CATEGORY_ZP || cp == 0x85;
}

/*
 * Normalizes one segment (a starter and the combining marks after it):
 * decompose with compatibility and case folding, then recompose (NFKC).
 */
static enum wt_status flush_segment(struct wt__buf *out, struct wt__buf *map,
				    utf8proc_int32_t *seg, size_t nseg,
				    size_t origin)
{
	if (!nseg)
		return WT_OK;
	utf8proc_int32_t buf[256];
	size_t n = 0;
	for (size_t i = 0; i < nseg; i++) {
		int32_t u = unify_punct(seg[i]);
		if (u && u < 0x80) {
			if (n < 256)
				buf[n++] = u;
			continue;
		}
		utf8proc_ssize_t k = fold_cp(seg[i], buf + n, (utf8proc_ssize_t)(256 - n));
		if (k < 0)
			break;
		n += (size_t)k;
	}
	utf8proc_ssize_t m = utf8proc_normalize_utf32(
		buf, (utf8proc_ssize_t)n, UTF8PROC_COMPOSE | UTF8PROC_STABLE);
	if (m < 0)
		m = (utf8proc_ssize_t)n;
	for (utf8proc_ssize_t i = 0; i < m; i++) {
		unsigned char b[4];
		int32_t c = unify_punct(buf[i]);
		size_t len = put_utf8(b, c && c < 0x80 ? c : buf[i]);
		if (wt__buf_append(out, b, len))
			return WT_ERR_NOMEM;
		if (map) {
			for (size_t j = 0; j < len; j++)
				if (wt__buf_append(map, &origin, sizeof(origin)))
					return WT_ERR_NOMEM;
		}
	}
	return WT_OK;
}

enum wt_status wt_normalize(const char *text, size_t len, char **out,
			    size_t *out_len, size_t **map_out)
{
	if (!text || !out)
		return WT_ERR_INVALID;
	const unsigned char *s = (const unsigned char *)text;
	struct wt__buf o, m;
	wt__buf_init(&o, (size_t)-1 / 4);
	wt__buf_init(&m, (size_t)-1 / 4);
	enum wt_status st = WT_OK;
	utf8proc_int32_t seg[64];
	size_t nseg = 0, seg_origin = 0;
	int pending_space = 0;
	size_t space_origin = 0;
	size_t i = 0;
	while (i < len) {
		size_t clen;
		int32_t cp = wt__utf8_decode(s + i, len - i, &clen);
		if (cp < 0)
			cp = 0xFFFD;
		if (cp == 0x0640 || cp == 0x200C || cp == 0x200D) {
			i += clen; /* tatweel and joiners: never part of the text */
			continue;
		}
		int combining = cp >= 0x300 && utf8proc_get_property(cp)->combining_class;
		if (!combining || nseg == 64) {
			if ((st = flush_segment(&o, map_out ? &m : NULL, seg, nseg, seg_origin)))
				goto fail;
			nseg = 0;
		}
		if (is_space(cp)) {
			if (!pending_space)
				space_origin = i;
			pending_space = 1;
			i += clen;
			continue;
		}
		if (pending_space && o.len > 0) {
			if ((st = wt__buf_putc(&o, ' ')))
				goto fail;
			if (map_out && (st = wt__buf_append(&m, &space_origin, sizeof(size_t))))
				goto fail;
		}
		pending_space = 0;
		if (nseg == 0)
			seg_origin = i;
		seg[nseg++] = cp;
		i += clen;
	}
	if ((st = flush_segment(&o, map_out ? &m : NULL, seg, nseg, seg_origin)))
		goto fail;
	*out = wt__buf_detach(&o, out_len);
	if (!*out) {
		st = WT_ERR_NOMEM;
		goto fail;
	}
	if (map_out) {
		if (!m.data && wt__buf_append(&m, "", 0)) {
			wt__free(*out);
			*out = NULL;
			st = WT_ERR_NOMEM;
			goto fail;
		}
		*map_out = (size_t *)(void *)wt__buf_detach(&m, NULL);
	}
	return WT_OK;
fail:
	wt__buf_release(&o);
	wt__buf_release(&m);
	return st;
}

int wt__cp_is_mark(int32_t cp)
{
	utf8proc_category_t c = utf8proc_category(cp);
	return c == UTF8PROC_CATEGORY_MN || c == UTF8PROC_CATEGORY_MC ||
	       c == UTF8PROC_CATEGORY_ME;
}

size_t wt__fold_compose(unsigned char *buf, size_t n)
{
	utf8proc_int32_t cps[64];
	utf8proc_ssize_t k = 0;
	size_t i = 0;
	while (i < n && k < 64) {
		size_t l;
		int32_t cp = wt__utf8_decode(buf + i, n - i, &l);
		if (cp < 0)
			return n;
		cps[k++] = cp;
		i += l;
	}
	if (i < n)
		return n;
	utf8proc_ssize_t m = utf8proc_normalize_utf32(cps, k, UTF8PROC_COMPOSE | UTF8PROC_STABLE);
	if (m < 0)
		return n;
	size_t out = 0;
	for (utf8proc_ssize_t j = 0; j < m; j++)
		out += put_utf8(buf + out, cps[j]);
	return out;
}

/*
 * The class and folded form of every code point of the Basic Multilingual
 * Plane, computed once: utf8proc's lookups cost more than everything else
 * the tokenizer does per character, and nearly all news text is in the BMP.
 * The table lives for the whole process.
 */
struct cp_entry {
	uint32_t off;  /* folded bytes in bmp_pool */
	uint8_t len;
	uint8_t cls;   /* enum wt__cclass */
};

static struct cp_entry *bmp_tab;
static unsigned char *bmp_pool;
static pthread_once_t bmp_once = PTHREAD_ONCE_INIT;

static void bmp_init(void)
{
	struct cp_entry *tab = wt__calloc(0x10000, sizeof(*tab));
	size_t cap = 0x10000 * 4, used = 0;
	unsigned char *pool = wt__malloc(cap);
	if (!tab || !pool)
		goto fail;
	for (int32_t cp = 0x80; cp < 0x10000; cp++) {
		if (cp >= 0xD800 && cp <= 0xDFFF)
			continue;
		enum wt__cclass c = wt__cp_class(cp);
		tab[cp].cls = (uint8_t)c;
		if (c != WT_CC_WORD && c != WT_CC_IDEO)
			continue;
		unsigned char tmp[64];
		size_t n = wt__cp_fold(cp, tmp);
		if (n > 255)
			n = 255;
		if (used + n > cap) {
			unsigned char *np = wt__realloc(pool, cap * 2);
			if (!np)
				goto fail;
			pool = np;
			cap *= 2;
		}
		memcpy(pool + used, tmp, n);
		tab[cp].off = (uint32_t)used;
		tab[cp].len = (uint8_t)n;
		used += n;
	}
	for (int32_t cp = 0; cp < 0x80; cp++) {
		unsigned char tmp[4];
		enum wt__cclass c = wt__cp_class(cp);
		tab[cp].cls = (uint8_t)c;
		size_t n = wt__cp_fold(cp, tmp);
		if (used + n > cap)
			goto fail;
		memcpy(pool + used, tmp, n);
		tab[cp].off = (uint32_t)used;
		tab[cp].len = (uint8_t)n;
		used += n;
	}
	bmp_pool = pool;
	bmp_tab = tab;
	return;
fail:
	wt__free(tab);
	wt__free(pool); /* lookups fall back to utf8proc */
}

enum wt__cclass wt__cp_lookup(int32_t cp, const unsigned char **fold, size_t *flen,
			      unsigned char *scratch)
{
	pthread_once(&bmp_once, bmp_init);
	if (cp >= 0 && cp < 0x10000 && bmp_tab) {
		const struct cp_entry *e = &bmp_tab[cp];
		*fold = bmp_pool + e->off;
		*flen = e->len;
		return (enum wt__cclass)e->cls;
	}
	enum wt__cclass c = cp < 0 ? WT_CC_SEP : wt__cp_class(cp);
	*flen = (c == WT_CC_WORD || c == WT_CC_IDEO) ? wt__cp_fold(cp, scratch) : 0;
	*fold = scratch;
	return c;
}
