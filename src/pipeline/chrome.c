/*
 * chrome.c - lines a site prints on its pages whatever the story: a
 * transcript notice, a programme's host line, a newsletter box, a copyright
 * line the extraction kept.  They make unrelated articles of one site look
 * alike (shared words, shared passages), so they are learned from the
 * corpus and blanked before anything is sketched or aligned.
 *
 * A line is chrome for its site when it recurs, byte for byte once trimmed,
 * in at least CHROME_MIN distinct texts of that site and in at least one in
 * CHROME_SHARE of them.  A story the site updated three times shares lines
 * too, but among a site's hundreds of pages such a line is rare; a site's
 * boilerplate is on most of them.  Blanking writes spaces over the line, so
 * every byte offset reported later still points into the original text.
 */
#include <string.h>

#include "core/core.h"
#include "pipeline/pipeline.h"

#define CHROME_MIN 3
#define CHROME_SHARE 5 /* a line on one in five of the site's texts */
#define SAMPLE 16384   /* distinct texts of a site that chrome is learned from */

uint64_t wt__site_key(const struct wt_article *a)
{
	if (a->site)
		return wt__hash(a->site, strlen(a->site)) | 1;
	if (!a->url)
		return 0;
	const char *h = strstr(a->url, "://");
	h = h ? h + 3 : a->url;
	size_t len = strcspn(h, "/?#");
	return len ? wt__hash(h, len) | 1 : 0;
}

/* Trims [*s, *e) of spaces, tabs and carriage returns.  @return whether
 * anything is left. */
static int trim_line(const char *text, size_t *s, size_t *e)
{
	while (*s < *e && (text[*s] == ' ' || text[*s] == '\t' || text[*s] == '\r'))
		(*s)++;
	while (*e > *s && (text[*e - 1] == ' ' || text[*e - 1] == '\t' || text[*e - 1] == '\r'))
		(*e)--;
	return *e > *s;
}

static uint64_t line_key(uint64_t site, const char *p, size_t n)
{
	return (wt__hash(p, n) ^ wt__mix64(site)) | 1;
}

enum wt_status wt__chrome(const struct wt_corpus *c, struct wt__chrome *out)
{
	size_t n = wt_corpus_count(c);
	memset(out, 0, sizeof(*out));
	out->texts = wt__malloc((n + 1) * sizeof(*out->texts));
	if (!out->texts)
		return WT_ERR_NOMEM;
	for (size_t i = 0; i < n; i++)
		out->texts[i] = wt_corpus_get(c, i)->text;
	struct wt__map sites = {0}, lines = {0}, seen = {0}, chrome = {0};
	uint64_t *keys = wt__malloc((n + 1) * sizeof(*keys));
	uint32_t *same = wt__malloc((n + 1) * sizeof(*same)); /* first with this text and site */
	uint32_t *blanked = wt__calloc(n + 1, sizeof(*blanked)); /* lines blanked in each */
	uint32_t *site_texts = NULL; /* per site: distinct texts sampled */
	uint8_t *site_chrome = NULL; /* per site: any chrome line learned */
	size_t nsites = 0, site_cap = 0;
	out->owned = wt__calloc(n + 1, 1);
	enum wt_status st = WT_OK;
	if (!keys || !same || !blanked || !out->owned || (st = wt__map_init(&sites, 64)) ||
	    (st = wt__map_init(&lines, 1024)) || (st = wt__map_init(&seen, n + 16)) ||
	    (st = wt__map_init(&chrome, 64))) {
		st = st ? st : WT_ERR_NOMEM;
		goto done;
	}
	/* 1. Count each site's texts, and each line's texts within its site;
	 * a text the site printed twice counts once.  Chrome is on most of a
	 * site's pages, so SAMPLE distinct texts per site are enough to learn
	 * it, and the cost of this pass stays bounded however large the site. */
	for (size_t i = 0; i < n; i++) {
		const struct wt_article *a = wt_corpus_get(c, i);
		keys[i] = wt__site_key(a);
		same[i] = (uint32_t)i;
		if (!keys[i] || !a->text_len)
			continue;
		uint64_t *slot;
		int found;
		if ((st = wt__map_put(&seen, (wt__hash(a->text, a->text_len) ^ keys[i]) | 1, i + 1,
				      &slot, &found)))
			goto done;
		if (found) {
			same[i] = (uint32_t)(*slot - 1); /* a repeat adds nothing */
			continue;
		}
		if ((st = wt__map_put(&sites, keys[i], nsites, &slot, &found)))
			goto done;
		if (!found) {
			if ((st = WT_GROW(site_texts, site_cap, nsites + 1, (size_t)UINT32_MAX)))
				goto done;
			site_texts[nsites++] = 0;
		}
		uint64_t sx = *slot;
		if (site_texts[sx] >= SAMPLE)
			continue;
		site_texts[sx]++;
		const char *t = a->text;
		for (size_t at = 0; at < a->text_len;) {
			const char *nl = memchr(t + at, '\n', a->text_len - at);
			size_t s = at, e = nl ? (size_t)(nl - t) : a->text_len;
			at = e + 1;
			if (!trim_line(t, &s, &e))
				continue;
			/* the count in the low half, the site's number above */
			if ((st = wt__map_put(&lines, line_key(keys[i], t + s, e - s), sx << 32, &slot,
					      &found)))
				goto done;
			++*slot;
		}
	}
	/* 2. The chrome lines: a small table, so that checking every line of
	 * every text after it costs a cache hit. */
	if (!(site_chrome = wt__calloc(nsites + 1, 1))) {
		st = WT_ERR_NOMEM;
		goto done;
	}
	for (size_t k = 0; k < lines.cap; k++) {
		if (!lines.keys[k])
			continue;
		uint64_t cnt = lines.vals[k] & 0xFFFFFFFFu, sx = lines.vals[k] >> 32;
		if (cnt < CHROME_MIN || cnt * CHROME_SHARE < site_texts[sx])
			continue;
		uint64_t *slot;
		int found;
		if ((st = wt__map_put(&chrome, lines.keys[k], 1, &slot, &found)))
			goto done;
		site_chrome[sx] = 1;
	}
	wt__map_release(&lines);
	/* 3. Blank the chrome lines, in a copy of each text that has any.
	 * A repeat shares the copy made for its first. */
	for (size_t i = 0; i < n; i++) {
		const struct wt_article *a = wt_corpus_get(c, i);
		if (same[i] != i) {
			out->texts[i] = out->texts[same[i]];
			if (out->owned[same[i]]) {
				out->articles++;
				out->lines += blanked[same[i]];
			}
			continue;
		}
		uint64_t site = keys[i];
		uint64_t *sx = site ? wt__map_get(&sites, site) : NULL;
		if (!sx || !site_chrome[*sx])
			continue;
		char *copy = NULL;
		const char *t = a->text;
		for (size_t at = 0; at < a->text_len;) {
			const char *nl = memchr(t + at, '\n', a->text_len - at);
			size_t s = at, e = nl ? (size_t)(nl - t) : a->text_len;
			at = e + 1;
			if (!trim_line(t, &s, &e) || !wt__map_get(&chrome, line_key(site, t + s, e - s)))
				continue;
			if (!copy) {
				if (!(copy = wt__malloc(a->text_len + 1))) {
					st = WT_ERR_NOMEM;
					goto done;
				}
				memcpy(copy, t, a->text_len);
				copy[a->text_len] = '\0';
				out->texts[i] = copy;
				out->owned[i] = 1;
				out->articles++;
			}
			memset(copy + s, ' ', e - s);
			out->lines++;
			blanked[i]++;
		}
	}
done:
	if (st)
		wt__chrome_release(out, c);
	wt__free(keys);
	wt__free(same);
	wt__free(blanked);
	wt__map_release(&sites);
	wt__map_release(&lines);
	wt__map_release(&seen);
	wt__map_release(&chrome);
	wt__free(site_texts);
	wt__free(site_chrome);
	return st;
}

void wt__chrome_release(struct wt__chrome *ch, const struct wt_corpus *c)
{
	if (ch->texts && ch->owned)
		for (size_t i = 0; i < wt_corpus_count(c); i++)
			if (ch->owned[i])
				wt__free((void *)ch->texts[i]);
	wt__free(ch->texts);
	wt__free(ch->owned);
	memset(ch, 0, sizeof(*ch));
}
