/*
 * utf8.c - UTF-8 decoding, validation and repair.  Articles are repaired
 * once when read, so that every later stage works on valid UTF-8 and every
 * byte offset the library reports refers to the repaired text.
 */
#include <utf8proc.h>

#include "text/text.h"

int32_t wt__utf8_decode(const unsigned char *s, size_t n, size_t *len)
{
	unsigned c = s[0];
	*len = 1;
	if (c < 0x80)
		return (int32_t)c;
	int need;
	int32_t cp, min;
	if (c >= 0xC2 && c <= 0xDF) {
		need = 1; cp = c & 0x1F; min = 0x80;
	} else if (c >= 0xE0 && c <= 0xEF) {
		need = 2; cp = c & 0x0F; min = 0x800;
	} else if (c >= 0xF0 && c <= 0xF4) {
		need = 3; cp = c & 0x07; min = 0x10000;
	} else {
		return -1;
	}
	if ((size_t)need >= n)
		return -1;
	for (int i = 1; i <= need; i++) {
		unsigned d = s[i];
		if ((d & 0xC0) != 0x80)
			return -1;
		cp = (cp << 6) | (int32_t)(d & 0x3F);
	}
	if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		return -1;
	*len = (size_t)need + 1;
	return cp;
}

size_t wt__utf8_valid_prefix(const char *str, size_t n)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0;
	while (i < n) {
		/* Skip ASCII eight bytes at a time. */
		while (i + 8 <= n) {
			uint64_t w;
			memcpy(&w, s + i, 8);
			if (w & 0x8080808080808080ULL)
				break;
			if (((w - 0x0101010101010101ULL) & ~w & 0x8080808080808080ULL))
				break; /* a NUL byte */
			i += 8;
		}
		if (i >= n)
			break;
		if (s[i] == 0)
			return i;
		if (s[i] < 0x80) {
			i++;
			continue;
		}
		size_t len;
		if (wt__utf8_decode(s + i, n - i, &len) < 0)
			return i;
		i += len;
	}
	return n;
}

long wt__utf8_repair(const char *str, size_t n, char **out, size_t *out_len,
		     void (*report)(void *ud, size_t offset), void *ud)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t first = wt__utf8_valid_prefix(str, n);
	struct wt__buf b;
	wt__buf_init(&b, (size_t)-1 / 4);
	long repairs = 0;
	if (wt__buf_append(&b, s, first))
		goto nomem;
	size_t i = first;
	while (i < n) {
		size_t len;
		int32_t cp = s[i] ? wt__utf8_decode(s + i, n - i, &len) : -1;
		if (cp < 0) {
			if (report)
				report(ud, i);
			repairs++;
			if (wt__buf_append(&b, "\xEF\xBF\xBD", 3))
				goto nomem;
			/* Swallow the rest of a broken sequence's continuation bytes. */
			i++;
			while (i < n && (s[i] & 0xC0) == 0x80)
				i++;
			continue;
		}
		size_t run = wt__utf8_valid_prefix(str + i, n - i);
		if (run == 0)
			run = len;
		if (wt__buf_append(&b, s + i, run))
			goto nomem;
		i += run;
	}
	*out = wt__buf_detach(&b, out_len);
	if (!*out)
		goto nomem;
	return repairs;
nomem:
	wt__buf_release(&b);
	return -1;
}

int wt__capital_at(const char *text, size_t len, size_t at)
{
	unsigned char c = (unsigned char)text[at];
	if (c < 0x80)
		return c >= 'A' && c <= 'Z';
	size_t l;
	int32_t cp = wt__utf8_decode((const unsigned char *)text + at, len - at, &l);
	if (cp < 0)
		return 0;
	int cat = utf8proc_category(cp);
	return cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LT;
}

enum wt__script wt__script_at(const char *text, size_t len, size_t at)
{
	unsigned char c = (unsigned char)text[at];
	if (c < 0x80)
		return (c | 0x20) >= 'a' && (c | 0x20) <= 'z' ? WT_SCRIPT_LATIN : WT_SCRIPT_COMMON;
	size_t l;
	int32_t cp = wt__utf8_decode((const unsigned char *)text + at, len - at, &l);
	if (cp < 0)
		return WT_SCRIPT_COMMON;
	if (cp < 0x370 || (cp >= 0x1E00 && cp < 0x1F00))
		return cp >= 0xC0 ? WT_SCRIPT_LATIN : WT_SCRIPT_COMMON;
	if (cp < 0x400 || (cp >= 0x1F00 && cp < 0x2000))
		return WT_SCRIPT_GREEK;
	if (cp < 0x530 || (cp >= 0x1C80 && cp < 0x1C90) || (cp >= 0x2DE0 && cp < 0x2E00) ||
	    (cp >= 0xA640 && cp < 0xA6A0))
		return WT_SCRIPT_CYRILLIC;
	if (cp >= 0x590 && cp < 0x600)
		return WT_SCRIPT_HEBREW;
	if ((cp >= 0x600 && cp < 0x780) || (cp >= 0x8A0 && cp < 0x900) ||
	    (cp >= 0xFB50 && cp < 0xFE00) || (cp >= 0xFE70 && cp < 0xFF00))
		return WT_SCRIPT_ARABIC;
	if (cp >= 0x900 && cp < 0xE00)
		return WT_SCRIPT_INDIC;
	if ((cp >= 0xE00 && cp < 0x1000) || (cp >= 0x1780 && cp < 0x1800))
		return WT_SCRIPT_THAI;
	if ((cp >= 0x1100 && cp < 0x1200) || (cp >= 0x3130 && cp < 0x3190) ||
	    (cp >= 0xAC00 && cp < 0xD7B0))
		return WT_SCRIPT_HANGUL;
	if ((cp >= 0x2E80 && cp < 0xA000) || (cp >= 0xF900 && cp < 0xFB00) ||
	    (cp >= 0xFF66 && cp < 0xFFA0) || (cp >= 0x20000 && cp < 0x32000))
		return WT_SCRIPT_CJK;
	if (cp >= 0xFF21 && cp < 0xFF5B)
		return WT_SCRIPT_LATIN; /* fullwidth letters */
	if ((cp >= 0x2000 && cp < 0x2E80) || (cp >= 0xFE00 && cp < 0xFE70) || cp >= 0xFF00)
		return WT_SCRIPT_COMMON;
	return WT_SCRIPT_OTHER;
}
