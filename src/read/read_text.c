/*
 * read_text.c - plain-text articles: one article a file.  Optional header
 * lines "key: value" (url, date, title, site, id, and a few synonyms) come
 * first and end at a blank line; or the first line is "date YYYY-MM-DD".
 * Everything after is the body, kept byte for byte, so offsets reported
 * later point into it.
 */
#include <stdio.h>

#include "read/read.h"

enum hkey { H_ID, H_URL, H_DATE, H_TITLE, H_SITE, H_OTHER, H_NONE };

static enum hkey header_key(const char *s, size_t n)
{
	static const struct {
		const char *name;
		enum hkey k;
	} keys[] = {
		{"id", H_ID}, {"url", H_URL}, {"link", H_URL}, {"date", H_DATE},
		{"published", H_DATE}, {"title", H_TITLE}, {"headline", H_TITLE},
		{"site", H_SITE}, {"source", H_SITE}, {"author", H_OTHER},
		{"byline", H_OTHER}, {"language", H_OTHER}, {"lang", H_OTHER},
	};
	for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
		size_t m = strlen(keys[i].name);
		if (m != n)
			continue;
		size_t j = 0;
		while (j < m && (s[j] | 32) == keys[i].name[j])
			j++;
		if (j == m)
			return keys[i].k;
	}
	return H_NONE;
}

static int is_blank(const char *p, const char *e)
{
	for (; p < e; p++)
		if (*p != ' ' && *p != '\t' && *p != '\r')
			return 0;
	return 1;
}

/* "date 2026-03-15" on the first line. */
static int leading_date(const char *p, const char *le, const char **v, size_t *vn)
{
	if (le - p < 15 || memcmp(p, "date ", 5))
		return 0;
	const char *d = p + 5;
	for (int i = 0; i < 10; i++) {
		char c = d[i];
		if (i == 4 || i == 7 ? c != '-' : !(c >= '0' && c <= '9'))
			return 0;
	}
	*v = d;
	*vn = (size_t)(le - d);
	while (*vn && (d[*vn - 1] == '\r' || d[*vn - 1] == ' '))
		(*vn)--;
	return 1;
}

enum wt_status wt__read_text(struct wt__input *in, const char *data, size_t len)
{
	const char *p = data, *end = data + len;
	struct wt__fields f = {0};
	f.text_bad_offset = -1;
	if (len >= 3 && !memcmp(p, "\xEF\xBB\xBF", 3))
		p += 3;
	const char *body = p;
	int headers = 0;
	long long line = 0;
	const char *q = p;
	while (q < end) {
		const char *nl = memchr(q, '\n', (size_t)(end - q));
		const char *le = nl ? nl : end;
		line++;
		if (headers && is_blank(q, le)) {
			body = nl ? nl + 1 : end;
			break;
		}
		const char *v;
		size_t vn;
		if (line == 1 && leading_date(q, le, &v, &vn)) {
			f.date = v;
			f.date_len = vn;
			body = nl ? nl + 1 : end;
			break;
		}
		const char *colon = memchr(q, ':', (size_t)(le - q));
		enum hkey k = colon && colon - q <= 12 ? header_key(q, (size_t)(colon - q)) : H_NONE;
		if (k == H_NONE || (k == H_URL && colon + 1 < le && colon[1] == '/')) {
			/* Not a header line: the headers (if any) ended without a
			 * blank line, and this line is the body's first. */
			body = headers ? q : p;
			break;
		}
		v = colon + 1;
		while (v < le && (*v == ' ' || *v == '\t'))
			v++;
		vn = (size_t)(le - v);
		while (vn && (v[vn - 1] == '\r' || v[vn - 1] == ' '))
			vn--;
		switch (k) {
		case H_ID: f.id = v; f.id_len = vn; break;
		case H_URL: f.url = v; f.url_len = vn; break;
		case H_DATE: f.date = v; f.date_len = vn; break;
		case H_TITLE: f.title = v; f.title_len = vn; break;
		case H_SITE: f.site = v; f.site_len = vn; break;
		default: break;
		}
		headers++;
		q = nl ? nl + 1 : end;
		if (q >= end)
			body = end;
	}
	f.text = body;
	f.text_len = (size_t)(end - body);
	f.text_offset = body - data;
	f.id = f.id ? f.id : NULL;
	if (f.id && !f.id_len)
		f.id = NULL;
	return wt__corpus_add_fields(in, &f);
}
