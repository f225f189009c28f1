/*
 * buf.c - bounded byte buffers and a 64-bit open-addressing hash map.  Every
 * buffer grown from input has a hard maximum so that hostile input cannot
 * exhaust memory; exceeding it is WT_ERR_LIMIT, never a crash.
 */
#include "core.h"

void wt__buf_init(struct wt__buf *b, size_t max)
{
	b->data = NULL;
	b->len = b->cap = 0;
	b->max = max;
}

void wt__buf_release(struct wt__buf *b)
{
	wt__free(b->data);
	wt__buf_init(b, b->max);
}

enum wt_status wt__buf_append(struct wt__buf *b, const void *p, size_t n)
{
	if (n > b->max || b->len > b->max - n)
		return WT_ERR_LIMIT;
	enum wt_status st = WT_GROW(b->data, b->cap, b->len + n + 1, b->max + 1);
	if (st)
		return st;
	if (n)
		memcpy(b->data + b->len, p, n);
	b->len += n;
	b->data[b->len] = 0;
	return WT_OK;
}

enum wt_status wt__buf_putc(struct wt__buf *b, char c)
{
	if (b->len + 1 < b->cap && b->len < b->max) {
		b->data[b->len++] = c;
		b->data[b->len] = 0;
		return WT_OK;
	}
	return wt__buf_append(b, &c, 1);
}

enum wt_status wt__buf_put_utf8(struct wt__buf *b, int32_t cp)
{
	unsigned char s[4];
	size_t n;
	if (cp < 0x80) {
		s[0] = (unsigned char)cp;
		n = 1;
	} else if (cp < 0x800) {
		s[0] = (unsigned char)(0xC0 | (cp >> 6));
		s[1] = (unsigned char)(0x80 | (cp & 0x3F));
		n = 2;
	} else if (cp < 0x10000) {
		s[0] = (unsigned char)(0xE0 | (cp >> 12));
		s[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
		s[2] = (unsigned char)(0x80 | (cp & 0x3F));
		n = 3;
	} else {
		s[0] = (unsigned char)(0xF0 | (cp >> 18));
		s[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
		s[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
		s[3] = (unsigned char)(0x80 | (cp & 0x3F));
		n = 4;
	}
	return wt__buf_append(b, s, n);
}

const char *wt__buf_cstr(struct wt__buf *b)
{
	if (!b->data && wt__buf_append(b, "", 0))
		return "";
	return b->data;
}

char *wt__buf_detach(struct wt__buf *b, size_t *len)
{
	if (!b->data && wt__buf_append(b, "", 0))
		return NULL;
	char *p = b->data;
	if (len)
		*len = b->len;
	b->data = NULL;
	b->len = b->cap = 0;
	return p;
}

enum wt_status wt__map_init(struct wt__map *m, size_t expected)
{
	size_t cap = 16;
	while (cap < expected * 2)
		cap *= 2;
	m->keys = wt__calloc(cap, sizeof(*m->keys));
	m->vals = wt__malloc(cap * sizeof(*m->vals));
	m->cap = cap;
	m->len = 0;
	if (!m->keys || !m->vals) {
		wt__map_release(m);
		return WT_ERR_NOMEM;
	}
	return WT_OK;
}

void wt__map_release(struct wt__map *m)
{
	wt__free(m->keys);
	wt__free(m->vals);
	m->keys = m->vals = NULL;
	m->cap = m->len = 0;
}

uint64_t *wt__map_get(const struct wt__map *m, uint64_t key)
{
	size_t mask = m->cap - 1;
	for (size_t i = wt__mix64(key) & mask;; i = (i + 1) & mask) {
		if (m->keys[i] == key)
			return &m->vals[i];
		if (m->keys[i] == 0)
			return NULL;
	}
}

static enum wt_status map_rehash(struct wt__map *m)
{
	struct wt__map n;
	enum wt_status st = wt__map_init(&n, m->cap);
	if (st)
		return st;
	size_t mask = n.cap - 1;
	for (size_t i = 0; i < m->cap; i++) {
		if (!m->keys[i])
			continue;
		size_t j = wt__mix64(m->keys[i]) & mask;
		while (n.keys[j])
			j = (j + 1) & mask;
		n.keys[j] = m->keys[i];
		n.vals[j] = m->vals[i];
	}
	n.len = m->len;
	wt__map_release(m);
	*m = n;
	return WT_OK;
}

enum wt_status wt__map_put(struct wt__map *m, uint64_t key, uint64_t init,
			   uint64_t **slot, int *found)
{
	if ((m->len + 1) * 4 > m->cap * 3) {
		enum wt_status st = map_rehash(m);
		if (st)
			return st;
	}
	size_t mask = m->cap - 1;
	size_t i = wt__mix64(key) & mask;
	while (m->keys[i] && m->keys[i] != key)
		i = (i + 1) & mask;
	*found = m->keys[i] == key;
	if (!*found) {
		m->keys[i] = key;
		m->vals[i] = init;
		m->len++;
	}
	*slot = &m->vals[i];
	return WT_OK;
}

size_t wt__count_shared(const uint64_t *a, size_t na, const uint64_t *b, size_t nb)
{
	size_t i = 0, j = 0, k = 0;
	while (i < na && j < nb) {
		if (a[i] < b[j])
			i++;
		else if (b[j] < a[i])
			j++;
		else
			k++, i++, j++;
	}
	return k;
}
