/*
 * html_guard.c - guards in front of gumbo, for two of its flaws that pages
 * can trigger and that cannot be fixed in gumbo itself (a system library).
 *
 * Depth: gumbo's tree builder checks element scopes by walking the stack of
 * open elements, so a page nested tens of thousands of elements deep costs
 * time quadratic in its depth: a megabyte of "<div>" takes minutes.
 * Browsers stop nesting too (Blink adds elements deeper than 512 as
 * siblings).  A cheap scan of the tags estimates the depth and the page is
 * cut where it grows past a limit; no real article sits that deep, and what
 * came before is still read.
 *
 * Stray DOCTYPEs: gumbo 0.10.1 leaks a DOCTYPE token met inside <noscript>
 * in the head (its "in head noscript" mode reports the error but never frees
 * the token).  A DOCTYPE anywhere but at the start means nothing (the HTML
 * standard ignores it), so such pages are copied with every later
 * "<!DOCTYPE" turned into "<?DOCTYPE", which gumbo reads as a comment.
 */
#include "read/html.h"


/* Whether [s, s + n) starts with the lowercase word `w` ending there. */
static int word_at(const char *s, size_t n, const char *w)
{
	size_t m = strlen(w);
	if (n < m)
		return 0;
	for (size_t i = 0; i < m; i++)
		if (wt__lower((unsigned char)s[i]) != w[i])
			return 0;
	if (n == m)
		return 1;
	char c = s[m];
	return !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-');
}

/* Whether `s` starts with the lowercase `w` in any case (NUL-free `s` of
 * at least strlen(w) bytes). */
static int word_prefix(const char *s, const char *w)
{
	for (; *w; s++, w++)
		if (wt__lower((unsigned char)*s) != *w)
			return 0;
	return 1;
}

/* Elements that never hold others (void) or whose end tag is implied by
 * the next one of their kind: neither makes a page deeper. */
static int no_depth(const char *s, size_t n)
{
	static const char *const names[] = {
		"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
		"param", "source", "track", "wbr", "keygen", "p", "li", "dt", "dd", "option",
		"optgroup", "tr", "td", "th", "tbody", "thead", "tfoot", "rb", "rt", "rp",
		"colgroup", "caption", "html", "head", "body", "frame", "basefont", "bgsound",
		NULL};
	for (int i = 0; names[i]; i++)
		if (word_at(s, n, names[i]))
			return 1;
	return 0;
}

/* Elements whose content is text, not tags, up to their end tag. */
static const char *raw_text(const char *s, size_t n)
{
	static const char *const names[] = {"script", "style", "textarea", "title", "xmp",
					    "iframe", "noembed", "noframes", "plaintext", NULL};
	for (int i = 0; names[i]; i++)
		if (word_at(s, n, names[i]))
			return names[i];
	return NULL;
}

/* Finds "</name" (any case) in [s, s + n).  @return its offset, or n. */
static size_t find_end_tag(const char *s, size_t n, const char *name)
{
	size_t m = strlen(name);
	for (size_t i = 0; i + 2 + m <= n; i++) {
		const char *p = memchr(s + i, '<', n - i);
		if (!p)
			return n;
		i = (size_t)(p - s);
		if (i + 2 + m <= n && p[1] == '/' && word_at(p + 2, n - i - 2, name))
			return i;
	}
	return n;
}

size_t wt__html_depth_prefix(const char *s, size_t n, size_t max_depth)
{
	size_t depth = 0, i = 0;
	while (i < n) {
		const char *p = memchr(s + i, '<', n - i);
		if (!p)
			break;
		i = (size_t)(p - s);
		size_t rest = n - i;
		if (rest >= 4 && !memcmp(p, "<!--", 4)) {
			const char *e = NULL;
			for (size_t k = i + 4; k + 3 <= n && !e; k++) {
				const char *q = memchr(s + k, '-', n - k);
				if (!q)
					break;
				k = (size_t)(q - s);
				if (k + 3 <= n && !memcmp(q, "-->", 3))
					e = q;
			}
			i = e ? (size_t)(e - s) + 3 : n;
			continue;
		}
		if (rest >= 2 && p[1] == '/') {
			if (rest >= 3 && ((p[2] | 32) >= 'a' && (p[2] | 32) <= 'z') && depth &&
			    !no_depth(p + 2, rest - 2))
				depth--;
			i += 2;
			continue;
		}
		if (rest < 2 || !((p[1] | 32) >= 'a' && (p[1] | 32) <= 'z')) {
			i++;
			continue;
		}
		const char *gt = memchr(p, '>', rest);
		size_t tag_end = gt ? (size_t)(gt - s) + 1 : n;
		int self_closing = gt && gt > p + 1 && gt[-1] == '/';
		const char *raw = raw_text(p + 1, rest - 1);
		if (raw) {
			i = tag_end + find_end_tag(s + tag_end, n - tag_end, raw);
			continue;
		}
		if (!self_closing && !no_depth(p + 1, rest - 1) && ++depth > max_depth)
			return i;
		i = tag_end;
	}
	return n;
}

/* Whether `s` at [i, n) starts with "<!doctype" in any case. */
static int doctype_at(const char *s, size_t n, size_t i)
{
	return n - i >= 9 && s[i] == '<' && s[i + 1] == '!' && word_prefix(s + i + 2, "doctype");
}

enum wt_status wt__html_guard(const char **src, size_t *n, char **owned)
{
	const char *s = *src;
	size_t len = wt__html_depth_prefix(s, *n, WT_HTML_MAX_DEPTH);
	*owned = NULL;
	*n = len;
	/* The first markup, comments aside, may be the one real DOCTYPE. */
	size_t first = 0;
	while (first < len) {
		const char *p = memchr(s + first, '<', len - first);
		if (!p) {
			first = len;
			break;
		}
		first = (size_t)(p - s);
		if (len - first < 4 || memcmp(p, "<!--", 4))
			break;
		const char *e = NULL;
		for (size_t k = first + 4; k + 3 <= len && !e; k++) {
			const char *q = memchr(s + k, '-', len - k);
			if (!q)
				break;
			k = (size_t)(q - s);
			if (k + 3 <= len && !memcmp(q, "-->", 3))
				e = q;
		}
		first = e ? (size_t)(e - s) + 3 : len;
	}
	size_t from = first < len && doctype_at(s, len, first) ? first + 9 : 0;
	char *copy = NULL;
	for (size_t i = from; i < len; i++) {
		const char *p = memchr(s + i, '<', len - i);
		if (!p)
			break;
		i = (size_t)(p - s);
		if (!doctype_at(s, len, i))
			continue;
		if (!copy) {
			copy = wt__malloc(len);
			if (!copy)
				return WT_ERR_NOMEM;
			memcpy(copy, s, len);
		}
		copy[i + 1] = '?';
	}
	if (copy) {
		*owned = copy;
		*src = copy;
	}
	return WT_OK;
}
