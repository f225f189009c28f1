/*
 * charset.c - a web page's bytes to UTF-8.  Pages declare their encoding in
 * an HTTP header, a byte order mark or a <meta> tag; many older news sites
 * still serve windows-1251, Shift_JIS, GB2312 or ISO-8859-x.  iconv does the
 * conversion; what it cannot convert becomes U+FFFD, so a damaged page still
 * yields its text.  Also here: whole-input gzip, for .html.gz files.
 */
#include <errno.h>
#include <iconv.h>
#include <string.h>
#include <zlib.h>

#include "core/core.h"
#include "read/html.h"



/* Copies the charset name at `p` (after "charset="), lowercased. */
static int take_name(const char *p, const char *end, char *out, size_t cap)
{
	while (p < end && (*p == ' ' || *p == '=' || *p == '"' || *p == '\''))
		p++;
	size_t k = 0;
	while (p < end && k + 1 < cap &&
	       ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		(*p >= '0' && *p <= '9') || *p == '-' || *p == '_' || *p == ':' || *p == '.'))
		out[k++] = (char)wt__lower((unsigned char)*p++);
	out[k] = 0;
	return k > 0;
}

int wt__charset_sniff(const char *data, size_t len, char *out, size_t cap)
{
	if (cap < 2)
		return 0;
	if (len >= 3 && !memcmp(data, "\xEF\xBB\xBF", 3)) {
		snprintf(out, cap, "utf-8");
		return 1;
	}
	if (len >= 2 && !memcmp(data, "\xFF\xFE", 2)) {
		snprintf(out, cap, "utf-16le");
		return 1;
	}
	if (len >= 2 && !memcmp(data, "\xFE\xFF", 2)) {
		snprintf(out, cap, "utf-16be");
		return 1;
	}
	/* The HTML standard looks at the first 1024 bytes; pages with long
	 * comments or scripts first declare later, so look further. */
	size_t n = WT_MIN(len, (size_t)8192);
	const char *p = data, *end = data + n;
	while ((p = wt__find_ci(p, (size_t)(end - p), "<meta"))) {
		const char *close = memchr(p, '>', (size_t)(end - p));
		if (!close)
			break;
		const char *cs = wt__find_ci(p, (size_t)(close - p), "charset");
		if (cs && take_name(cs + 7, close, out, cap))
			return 1;
		p = close;
	}
	if (len >= 5 && !memcmp(data, "<?xml", 5)) {
		const char *close = memchr(data, '>', n);
		const char *enc = close ? wt__find_ci(data, (size_t)(close - data), "encoding") : NULL;
		if (enc && take_name(enc + 8, close, out, cap))
			return 1;
	}
	return 0;
}

static int is_utf8_name(const char *cs)
{
	return !strcmp(cs, "utf-8") || !strcmp(cs, "utf8") || !strcmp(cs, "unicode-1-1-utf-8");
}

/* Whether [data, data + len) is valid UTF-8 (allowing a cut last char). */
static int valid_utf8(const char *data, size_t len)
{
	const unsigned char *s = (const unsigned char *)data;
	size_t i = 0;
	while (i < len) {
		unsigned char c = s[i];
		if (c < 0x80) {
			i++;
			continue;
		}
		int k = c >= 0xF0 && c < 0xF5 ? 3 : c >= 0xE0 ? 2 : c >= 0xC2 && c < 0xE0 ? 1 : -1;
		if (k < 0 || c >= 0xF5)
			return 0;
		for (int j = 1; j <= k; j++) {
			if (i + (size_t)j >= len)
				return 1;
			if ((s[i + (size_t)j] & 0xC0) != 0x80)
				return 0;
		}
		i += (size_t)k + 1;
	}
	return 1;
}

/* Labels browsers map to another encoding (the WHATWG table's main ones). */
static const char *iconv_name(const char *cs)
{
	if (!strcmp(cs, "iso-8859-1") || !strcmp(cs, "latin1") || !strcmp(cs, "us-ascii") ||
	    !strcmp(cs, "ascii") || !strcmp(cs, "iso8859-1") || !strcmp(cs, "l1"))
		return "WINDOWS-1252"; /* as every browser does */
	if (!strcmp(cs, "gb2312") || !strcmp(cs, "gbk") || !strcmp(cs, "x-gbk"))
		return "GB18030";
	if (!strcmp(cs, "shift_jis") || !strcmp(cs, "sjis") || !strcmp(cs, "x-sjis"))
		return "CP932";
	if (!strcmp(cs, "euc-kr") || !strcmp(cs, "ks_c_5601-1987"))
		return "CP949";
	if (!strcmp(cs, "iso-8859-9"))
		return "WINDOWS-1254";
	if (!strcmp(cs, "tis-620") || !strcmp(cs, "iso-8859-11"))
		return "WINDOWS-874";
	return cs;
}

enum wt_status wt__to_utf8(const char *data, size_t len, const char *charset,
			   char **out, size_t *out_len, int *unknown)
{
	*out = NULL;
	*out_len = 0;
	if (unknown)
		*unknown = 0;
	char name[64];
	snprintf(name, sizeof(name), "%s", charset ? charset : "");
	for (char *q = name; *q; q++)
		*q = (char)wt__lower((unsigned char)*q);
	if (!*name) {
		if (valid_utf8(data, len))
			return WT_OK;
		snprintf(name, sizeof(name), "windows-1252");
	}
	if (is_utf8_name(name))
		return WT_OK; /* invalid bytes are repaired when the article is added */
	iconv_t cd = iconv_open("UTF-8", iconv_name(name));
	if (cd == (iconv_t)-1) {
		if (unknown)
			*unknown = 1;
		if (valid_utf8(data, len))
			return WT_OK;
		cd = iconv_open("UTF-8", "WINDOWS-1252");
		if (cd == (iconv_t)-1)
			return WT_OK;
	}
	struct wt__buf b;
	wt__buf_init(&b, WT_MAX_INPUT);
	enum wt_status st = WT_OK;
	char *in = (char *)data;
	size_t left = len;
	char tmp[1 << 14];
	while (left && !st) {
		char *o = tmp;
		size_t room = sizeof(tmp);
		size_t r = iconv(cd, &in, &left, &o, &room);
		int err = r == (size_t)-1 ? errno : 0;
		st = wt__buf_append(&b, tmp, (size_t)(o - tmp));
		if (st || !err || err == E2BIG)
			continue;
		/* EILSEQ, or EINVAL at the end: one byte becomes U+FFFD. */
		st = wt__buf_append(&b, "\xEF\xBF\xBD", 3);
		in++;
		left--;
	}
	iconv_close(cd);
	if (st) {
		wt__buf_release(&b);
		return st;
	}
	*out = wt__buf_detach(&b, out_len);
	if (!*out && *out_len == 0) {
		/* An empty result: hand back an empty owned string. */
		*out = wt__malloc(1);
		if (!*out)
			return WT_ERR_NOMEM;
		**out = 0;
	}
	return WT_OK;
}

enum wt_status wt__gunzip(const char *data, size_t len, size_t cap, char **out,
			  size_t *out_len, long long *bad_offset)
{
	*out = NULL;
	*out_len = 0;
	*bad_offset = -1;
	struct wt__buf b;
	wt__buf_init(&b, cap);
	enum wt_status st = WT_OK;
	size_t pos = 0;
	unsigned char tmp[1 << 16];
	while (pos < len && !st) {
		if (len - pos < 2 || (unsigned char)data[pos] != 0x1f ||
		    (unsigned char)data[pos + 1] != 0x8b) {
			*bad_offset = (long long)pos; /* trailing garbage */
			break;
		}
		z_stream z;
		memset(&z, 0, sizeof(z));
		if (inflateInit2(&z, 16 + MAX_WBITS) != Z_OK) {
			st = WT_ERR_NOMEM;
			break;
		}
		z.next_in = (unsigned char *)(uintptr_t)(data + pos);
		z.avail_in = (uInt)WT_MIN(len - pos, (size_t)UINT32_MAX);
		int r;
		size_t before = b.len;
		do {
			z.next_out = tmp;
			z.avail_out = sizeof(tmp);
			r = inflate(&z, Z_NO_FLUSH);
			if (r != Z_OK && r != Z_STREAM_END && r != Z_BUF_ERROR)
				break;
			st = wt__buf_append(&b, tmp, sizeof(tmp) - z.avail_out);
			if (r == Z_BUF_ERROR && z.avail_in == 0)
				break; /* truncated */
		} while (r != Z_STREAM_END && !st);
		size_t used = (size_t)(len - pos) - z.avail_in;
		inflateEnd(&z);
		if (st)
			break;
		if (r != Z_STREAM_END) {
			*bad_offset = (long long)pos;
			(void)before;
			break;
		}
		pos += used;
	}
	if (st == WT_ERR_NOMEM) {
		wt__buf_release(&b);
		return st;
	}
	*out = wt__buf_detach(&b, out_len);
	if (!*out) {
		*out = wt__malloc(1);
		if (!*out)
			return WT_ERR_NOMEM;
		**out = 0;
		*out_len = 0;
	}
	return st;
}
