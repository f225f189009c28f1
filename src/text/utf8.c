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
