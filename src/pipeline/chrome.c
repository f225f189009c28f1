/*
 * chrome.c - lines a page prints whatever the story: a transcript notice, a
 * programme's host line, a newsletter box, a share bar, "Related article:",
 * a photo credit, a copyright line the extraction kept.  They make
 * unrelated articles look alike (shared words, shared passages) and hide
 * how much of a copy is its source's text, so they are blanked before
 * anything is sketched or aligned.  Three kinds are found:
 *
 * - by rule: a short line whose wording is chrome (chrome_rules.c);
 * - learned per site: a line that recurs, byte for byte once trimmed, in at
 *   least CHROME_MIN distinct texts of one site and in at least one in
 *   CHROME_SHARE of them.  A story the site updated three times shares
 *   lines too, but among a site's hundreds of pages such a line is rare; a
 *   site's boilerplate is on most of them;
 * - learned across the corpus: a short line in at least CORPUS_MIN texts of
 *   at least CORPUS_SITES sites (a syndication platform's footer) whose
 *   texts fall into at least CORPUS_MIN groups that share nothing else.
 *   Copies of one wire text on many sites share lines too, and those lines
 *   are the evidence of the copying: but copies share their other lines as
 *   well, so they make one group, and their lines are never learned.
 *
 * The target of a Markdown link "[text](url)" is blanked too; its text
 * stays.  Blanking writes spaces, so every byte offset reported later still
 * points into the original text.
 */
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "core/core.h"
#include "pipeline/pipeline.h"
#include "text/text.h"

#define CHROME_MIN 3
#define CHROME_SHARE 5 /* a line on one in five of the site's texts */
#define SAMPLE 16384   /* distinct texts of a site that chrome is learned from */
#define CORPUS_MIN 5   /* texts, and unrelated groups of them, for corpus chrome */
#define CORPUS_SITES 3 /* sites a corpus chrome line is seen on */
#define CORPUS_BYTES 400 /* longest line learned across the corpus */
#define HOLDERS 32     /* texts of a candidate line looked at */
#define EARLY 8        /* of them fingerprinted ahead, on every core */
#define CANDIDATES 16384 /* candidate lines looked at (the most frequent win ties by order) */
#define SHINGLE 5      /* words in a shingle of the relatedness fingerprint */
#define KEEP_MASK 7    /* one shingle in eight kept */
#define MIN_FP 4       /* fewer kept shingles: too short to tell relatedness */

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

/* A line's key within its site, from the line's hash. */
static uint64_t site_line_key(uint64_t site, uint64_t h)
{
	return (h ^ wt__mix64(site)) | 1;
}

static uint64_t line_key(uint64_t site, const char *p, size_t n)
{
	return site_line_key(site, wt__hash(p, n));
}

/* The next line of t[0..len) from *at: [*s, *e) trimmed; *at moves past it.
 * @return 0 at the end of the text. */
static int next_line(const char *t, size_t len, size_t *at, size_t *s, size_t *e)
{
	if (*at >= len)
		return 0;
	const char *nl = memchr(t + *at, '\n', len - *at);
	*s = *at;
	*e = nl ? (size_t)(nl - t) : len;
	*at = *e + 1;
	return 1;
}

/* Whether the line at t[s] continues the sentence of the line before it,
 * as in a text wrapped at 70 columns: the line before is not blank and ends
 * without a stop, and this one starts with a small letter.  A rule never
 * blanks such a line: "read more" there is the middle of a sentence. */
static int continues(const char *t, size_t s, size_t prev_s, size_t prev_e)
{
	if (prev_e <= prev_s)
		return 0;
	unsigned char last = (unsigned char)t[prev_e - 1];
	if (strchr(".!?:;\"')]", last) || last >= 0x80)
		return 0;
	unsigned char c = (unsigned char)t[s];
	if (c >= 'a' && c <= 'z')
		return 1;
	/* Latin-1 small letters, Cyrillic а-я */
	unsigned char d = (unsigned char)t[s + 1];
	return (c == 0xC3 && d >= 0x9F && d <= 0xBF) || (c == 0xD0 && d >= 0xB0) ||
	       (c == 0xD1 && d <= 0x8F);
}

/* Whether the line [s, e) of a's text is its headline: the title, or the
 * whole text (a feed of headlines).  "Watch: ..." there is the story's
 * own title, not a teaser for another. */
static int headline(const struct wt_article *a, size_t s, size_t e)
{
	const char *t = a->text;
	size_t ts = 0, te = a->text_len;
	while (ts < te && (t[ts] == ' ' || t[ts] == '\n' || t[ts] == '\r' || t[ts] == '\t'))
		ts++;
	while (te > ts && (t[te - 1] == ' ' || t[te - 1] == '\n' || t[te - 1] == '\r' || t[te - 1] == '\t'))
		te--;
	if (s == ts && e == te)
		return 1;
	return a->title && strlen(a->title) == e - s && !memcmp(a->title, t + s, e - s);
}

/* Case-blind word hashes of a line, for the relatedness fingerprint: words
 * are runs of ASCII letters and digits and of non-ASCII bytes.  Cruder
 * than the tokenizer and much cheaper; relatedness needs no more. */
static size_t line_words(const char *t, size_t s, size_t e, uint64_t *w, size_t cap)
{
	size_t n = 0;
	for (size_t i = s; i < e && n < cap;) {
		unsigned char c = (unsigned char)t[i];
		int word = c >= 0x80 || (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
		if (!word) {
			i++;
			continue;
		}
		uint64_t h = 0xcbf29ce484222325ULL;
		for (; i < e; i++) {
			c = (unsigned char)t[i];
			if (!(c >= 0x80 || (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')))
				break;
			h = (h ^ (c < 0x80 ? (c | 0x20) : c)) * 0x100000001b3ULL;
		}
		w[n++] = h;
	}
	return n;
}

static int cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
	return x < y ? -1 : x > y;
}

/* A text's relatedness fingerprint: one in eight of its 5-word shingles,
 * sorted, none from a line that is chrome or might be.  */
struct fp {
	uint64_t *v; /* owned; NULL until computed */
	uint32_t n;
	uint8_t done;
};

/* What the learning passes share. */
struct learn {
	const struct wt_corpus *c;
	const uint64_t *keys;
	struct wt__map *chrome;    /* site chrome line keys */
	struct wt__map *cand;      /* corpus candidate lines: hash -> index */
	struct wt__tokens tv;
};

/* A line's key across the corpus, from the line's hash. */
static uint64_t corpus_line_key(uint64_t h)
{
	return h | 1;
}

static uint64_t corpus_key(const char *p, size_t n)
{
	return corpus_line_key(wt__hash(p, n));
}

static enum wt_status fingerprint(struct learn *L, size_t i, struct fp *f)
{
	const struct wt_article *a = wt_corpus_get(L->c, i);
	const char *t = a->text;
	uint64_t *v = NULL;
	size_t n = 0, cap = 0;
	enum wt_status st = WT_OK;
	uint64_t w[512];
	size_t at = 0, s, e;
	while (next_line(t, a->text_len, &at, &s, &e)) {
		if (!trim_line(t, &s, &e))
			continue;
		if (e - s <= CORPUS_BYTES && wt__map_get(L->cand, corpus_key(t + s, e - s)))
			continue;
		if (L->keys[i] && wt__map_get(L->chrome, line_key(L->keys[i], t + s, e - s)))
			continue;
		int rule = wt__chrome_rule(t + s, e - s, &L->tv, &st);
		if (st)
			goto out;
		if (rule)
			continue;
		for (size_t from = s; from < e;) {
			/* a long paragraph goes in pieces of 512 words */
			size_t cut = e - from > 4096 ? from + 4096 : e;
			while (cut < e && t[cut] != ' ')
				cut++;
			size_t nw = line_words(t, from, cut, w, 512);
			from = cut;
			for (size_t k = 0; k + SHINGLE <= nw; k++) {
				uint64_t h = 0;
				for (size_t j = 0; j < SHINGLE; j++)
					h = wt__mix64(h ^ w[k + j]);
				if (h & KEEP_MASK)
					continue;
				if ((st = WT_GROW(v, cap, n + 1, (size_t)1 << 24)))
					goto out;
				v[n++] = h;
			}
		}
	}
	if (n)
		qsort(v, n, sizeof(*v), cmp_u64);
	size_t u = 0;
	for (size_t k = 0; k < n; k++)
		if (!u || v[u - 1] != v[k])
			v[u++] = v[k];
	f->v = v;
	f->n = (uint32_t)u;
	f->done = 1;
	return WT_OK;
out:
	wt__free(v);
	return st;
}

/* Fingerprints of chosen texts on worker threads (each with its own
 * token scratch; the tables are only read). */
struct fp_job {
	const struct learn *L;
	const uint32_t *todo;
	struct fp *fps;
	atomic_int failed;
};

static void fp_one(void *ctx, size_t k)
{
	struct fp_job *j = ctx;
	struct learn mine = *j->L;
	mine.tv = (struct wt__tokens){0};
	if (!atomic_load(&j->failed) && fingerprint(&mine, j->todo[k], &j->fps[j->todo[k]]))
		atomic_store(&j->failed, 1);
	wt__free(mine.tv.v);
}

/* Whether two texts share more than chrome: three kept shingles (some
 * twenty-five shared 5-word runs), or half of the smaller's. */
static int related(const struct fp *x, const struct fp *y)
{
	size_t i = 0, j = 0, shared = 0;
	while (i < x->n && j < y->n) {
		if (x->v[i] < y->v[j])
			i++;
		else if (x->v[i] > y->v[j])
			j++;
		else
			shared++, i++, j++;
	}
	return shared >= 3 || 2 * shared >= WT_MIN(x->n, y->n);
}

/* The text of article i made the chrome pass's own, to blank in: a copy
 * the first time anything in it is blanked.  @return it, or NULL. */
static char *own_copy(struct wt__chrome *out, size_t i, const char *t, size_t len)
{
	char *copy = wt__malloc(len + 1);
	if (!copy)
		return NULL;
	memcpy(copy, t, len);
	copy[len] = '\0';
	out->texts[i] = copy;
	out->owned[i] = 1;
	return copy;
}

/* What blanking each text reads (the learned tables, read only) and
 * writes (its own slots). */
struct blank_job {
	const struct wt_corpus *c;
	struct wt__chrome *out;
	const uint64_t *keys;
	const uint32_t *same;
	const struct wt__map *sites, *chrome, *corpus_chrome;
	const uint8_t *site_chrome;
	uint32_t (*blanked)[3];
	uint32_t *links;
	atomic_int failed;
};

/* Blanks the chrome of text i (a first of its text and site) in a copy. */
static void blank_one(void *ctx, size_t i)
{
	struct blank_job *j = ctx;
	if (j->same[i] != i || atomic_load(&j->failed))
		return;
	const struct wt_article *a = wt_corpus_get(j->c, i);
	uint64_t site = j->keys[i];
	uint64_t *sx = site ? wt__map_get(j->sites, site) : NULL;
	int by_site = sx && j->site_chrome[*sx];
	struct wt__tokens tv = {0};
	enum wt_status st = WT_OK;
	char *copy = NULL;
	const char *t = a->text;
	size_t at = 0, s, e, ps = 0, pe = 0;
	while (next_line(t, a->text_len, &at, &s, &e)) {
		if (!trim_line(t, &s, &e)) {
			ps = pe = 0;
			continue;
		}
		int why = -1; /* 0 rule, 1 site, 2 corpus */
		if (e - s <= WT__CHROME_RULE_BYTES && !continues(t, s, ps, pe) && !headline(a, s, e)) {
			if (wt__chrome_rule(t + s, e - s, &tv, &st))
				why = 0;
			if (st)
				goto fail;
		}
		if (why < 0 && by_site && wt__map_get(j->chrome, line_key(site, t + s, e - s)))
			why = 1;
		else if (why < 0 && j->corpus_chrome->len && e - s <= CORPUS_BYTES &&
			 wt__map_get(j->corpus_chrome, corpus_key(t + s, e - s)))
			why = 2;
		ps = s, pe = e;
		if (why < 0)
			continue;
		if (!copy && !(copy = own_copy(j->out, i, t, a->text_len)))
			goto fail;
		memset(copy + s, ' ', e - s);
		j->blanked[i][why]++;
	}
	/* Markdown links: "[text](url)" keeps "text". */
	for (const char *p = t; (p = memchr(p, ']', a->text_len - (size_t)(p - t)));) {
		size_t open, end, off = (size_t)(p - t);
		p++;
		if (!wt__md_link(t, a->text_len, off, &open, &end) || (copy && copy[off] == ' '))
			continue;
		if (!copy && !(copy = own_copy(j->out, i, t, a->text_len)))
			goto fail;
		copy[open] = ' ';
		memset(copy + off, ' ', end - off);
		j->links[i]++;
		p = t + end;
	}
	wt__free(tv.v);
	return;
fail:
	wt__free(tv.v);
	atomic_store(&j->failed, 1);
}

/* A line's hash and length, found on worker threads: the learning passes
 * then only count. */
struct line_rec {
	uint64_t h; /* wt__hash of the trimmed line */
	uint32_t len;
};

/* What the parallel steps of learning read and write. */
struct prep_job {
	const struct wt_corpus *c;
	uint64_t *keys;       /* out: site keys */
	uint64_t *text_keys;  /* out: text hash mixed with the site */
	const uint8_t *take;  /* which articles' lines to hash */
	size_t lo;            /* first article of the block */
	struct line_rec **rec; /* out: per article of the block */
	uint32_t *nrec;
	atomic_int failed;
};

static void prep_one(void *ctx, size_t i)
{
	struct prep_job *j = ctx;
	const struct wt_article *a = wt_corpus_get(j->c, i);
	j->keys[i] = wt__site_key(a);
	j->text_keys[i] = j->keys[i] && a->text_len ? (wt__hash(a->text, a->text_len) ^ j->keys[i]) | 1 : 0;
}

static void lines_one(void *ctx, size_t k)
{
	struct prep_job *j = ctx;
	size_t i = j->lo + k;
	j->rec[k] = NULL;
	j->nrec[k] = 0;
	if (!j->take[i] || atomic_load(&j->failed))
		return;
	const struct wt_article *a = wt_corpus_get(j->c, i);
	const char *t = a->text;
	struct line_rec *v = NULL;
	size_t n = 0, cap = 0, at = 0, s, e;
	while (next_line(t, a->text_len, &at, &s, &e)) {
		if (!trim_line(t, &s, &e))
			continue;
		if (WT_GROW(v, cap, n + 1, (size_t)UINT32_MAX)) {
			wt__free(v);
			atomic_store(&j->failed, 1);
			return;
		}
		v[n++] = (struct line_rec){wt__hash(t + s, e - s), (uint32_t)(e - s)};
	}
	j->rec[k] = v;
	j->nrec[k] = (uint32_t)n;
}

/* Hashes the lines of the articles of [lo, lo + n) marked in take, on
 * every core, into j->rec / j->nrec (indexed from lo); every slot is set,
 * NULL where nothing was hashed, so free_lines() frees them even after a
 * failure. */
static enum wt_status hash_lines(struct prep_job *j, size_t lo, size_t n, int threads)
{
	j->lo = lo;
	wt__parallel_for(n, threads, lines_one, j);
	return atomic_load(&j->failed) ? WT_ERR_NOMEM : WT_OK;
}

static void free_lines(struct prep_job *j, size_t n)
{
	for (size_t k = 0; k < n; k++)
		wt__free(j->rec[k]);
}

#define BLOCK 32768 /* articles whose lines are hashed at a time */

enum wt_status wt__chrome(const struct wt_corpus *c, int threads, struct wt__chrome *out)
{
	size_t n = wt_corpus_count(c);
	memset(out, 0, sizeof(*out));
	out->texts = wt__malloc((n + 1) * sizeof(*out->texts));
	if (!out->texts)
		return WT_ERR_NOMEM;
	for (size_t i = 0; i < n; i++)
		out->texts[i] = wt_corpus_get(c, i)->text;
	struct wt__map sites = {0}, lines = {0}, seen = {0}, chrome = {0}, corpus = {0},
		       cand = {0}, corpus_chrome = {0};
	struct learn L = {c, NULL, &chrome, &cand, {0}};
	uint64_t *keys = wt__malloc((n + 1) * sizeof(*keys));
	uint32_t *same = wt__malloc((n + 1) * sizeof(*same)); /* first with this text and site */
	/* lines blanked in each text: by rule, by site, by corpus */
	uint32_t (*blanked)[3] = wt__calloc(n + 1, sizeof(*blanked));
	uint8_t *sampled = wt__calloc(n + 1, 1); /* 1: its lines were counted */
	uint32_t *site_texts = NULL; /* per site: distinct texts sampled */
	uint8_t *site_chrome = NULL; /* per site: any chrome line learned */
	uint32_t *holders = NULL;    /* per candidate line: HOLDERS texts, then a count */
	struct fp *fps = NULL;       /* per text, computed when a candidate needs it */
	size_t nsites = 0, site_cap = 0, ncand = 0;
	out->owned = wt__calloc(n + 1, 1);
	uint64_t *text_keys = NULL; /* per text: its hash mixed with its site's */
	struct prep_job pj = {0};   /* the parallel steps */
	int learn_corpus = 0;
	enum wt_status st = WT_OK;
	L.keys = keys;
	if (!keys || !same || !blanked || !sampled || !out->owned ||
	    (st = wt__map_init(&sites, 64)) || (st = wt__map_init(&lines, 1024)) ||
	    (st = wt__map_init(&seen, n + 16)) || (st = wt__map_init(&chrome, 64)) ||
	    (st = wt__map_init(&cand, 64)) || (st = wt__map_init(&corpus_chrome, 64))) {
		st = st ? st : WT_ERR_NOMEM;
		goto done;
	}
	threads = wt__threads(threads);
	text_keys = wt__malloc((n + 1) * sizeof(*text_keys));
	pj.c = c;
	pj.keys = keys;
	pj.text_keys = text_keys;
	pj.take = sampled;
	pj.rec = wt__malloc((WT_MIN(n, BLOCK) + 1) * sizeof(*pj.rec));
	pj.nrec = wt__malloc((WT_MIN(n, BLOCK) + 1) * sizeof(*pj.nrec));
	if (!text_keys || !pj.rec || !pj.nrec) {
		st = WT_ERR_NOMEM;
		goto done;
	}
	/* 0. Site keys and text hashes on every core; the sites numbered in
	 * reading order.  Corpus chrome is learned only when there are sites
	 * enough to see it on. */
	wt__parallel_for(n, threads, prep_one, &pj);
	for (size_t i = 0; i < n; i++) {
		if (!keys[i])
			continue;
		uint64_t *slot;
		int found;
		if ((st = wt__map_put(&sites, keys[i], nsites, &slot, &found)))
			goto done;
		if (!found) {
			if ((st = WT_GROW(site_texts, site_cap, nsites + 1, (size_t)UINT32_MAX)))
				goto done;
			site_texts[nsites++] = 0;
		}
	}
	learn_corpus = nsites >= CORPUS_SITES;
	if (learn_corpus && (st = wt__map_init(&corpus, 1024)))
		goto done;
	/* 1. Count each site's texts, and each line's texts within its site;
	 * a text the site printed twice counts once.  Chrome is on most of a
	 * site's pages, so SAMPLE distinct texts per site are enough to learn
	 * it, and the cost of this pass stays bounded however large the site.
	 * Across the corpus, each short line's texts and sites are counted.
	 * The lines are hashed on every core, a block of articles at a time,
	 * and counted in reading order. */
	for (size_t i = 0; i < n; i++) {
		same[i] = (uint32_t)i;
		if (!text_keys[i])
			continue;
		uint64_t *slot;
		int found;
		if ((st = wt__map_put(&seen, text_keys[i], i + 1, &slot, &found)))
			goto done;
		if (found) {
			same[i] = (uint32_t)(*slot - 1); /* a repeat adds nothing */
			continue;
		}
		uint64_t sx = *wt__map_get(&sites, keys[i]);
		if (site_texts[sx] >= SAMPLE)
			continue;
		site_texts[sx]++;
		sampled[i] = 1;
	}
	for (size_t lo = 0; lo < n && !st; lo += BLOCK) {
		size_t nb = WT_MIN(BLOCK, n - lo);
		if ((st = hash_lines(&pj, lo, nb, threads))) {
			free_lines(&pj, nb);
			break;
		}
		for (size_t k = 0; k < nb && !st; k++) {
			size_t i = lo + k;
			uint64_t sx = pj.nrec[k] ? *wt__map_get(&sites, keys[i]) : 0;
			for (uint32_t r = 0; r < pj.nrec[k]; r++) {
				const struct line_rec *lr = &pj.rec[k][r];
				uint64_t *slot;
				int found;
				/* the count in the low half, the site's number above */
				if ((st = wt__map_put(&lines, site_line_key(keys[i], lr->h), sx << 32,
						      &slot, &found)))
					break;
				++*slot;
				if (!learn_corpus || lr->len > CORPUS_BYTES)
					continue;
				/* texts in the low half, sites above: a new site
				 * when the line is new to this site */
				int new_site = !found;
				if ((st = wt__map_put(&corpus, corpus_line_key(lr->h), 0, &slot, &found)))
					break;
				*slot += 1 + ((uint64_t)new_site << 32);
			}
		}
		free_lines(&pj, nb);
	}
	if (st)
		goto done;
	/* 2. The site chrome lines: a small table, so that checking every
	 * line of every text after it costs a cache hit. */
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
	/* 3. Corpus chrome.  The candidates are short lines on CORPUS_MIN
	 * texts of CORPUS_SITES sites; each is learned when its texts fall
	 * into CORPUS_MIN groups related by nothing but such lines. */
	for (size_t k = 0; learn_corpus && k < corpus.cap && ncand < CANDIDATES; k++) {
		if (!corpus.keys[k] || (corpus.vals[k] & 0xFFFFFFFFu) < CORPUS_MIN ||
		    (corpus.vals[k] >> 32) < CORPUS_SITES)
			continue;
		uint64_t *slot;
		int found;
		if ((st = wt__map_put(&cand, corpus.keys[k], ncand, &slot, &found)))
			goto done;
		ncand++;
	}
	wt__map_release(&corpus);
	if (ncand) {
		if (!(holders = wt__calloc(ncand * (HOLDERS + 1), sizeof(*holders))) ||
		    !(fps = wt__calloc(n + 1, sizeof(*fps)))) {
			st = WT_ERR_NOMEM;
			goto done;
		}
		/* The texts holding each candidate, in reading order.  A text
		 * that is mostly the line says nothing of relatedness. */
		for (size_t lo = 0; lo < n && !st; lo += BLOCK) {
			size_t nb = WT_MIN(BLOCK, n - lo);
			if ((st = hash_lines(&pj, lo, nb, threads))) {
				free_lines(&pj, nb);
				break;
			}
			for (size_t k = 0; k < nb; k++) {
				size_t i = lo + k;
				size_t len = wt_corpus_get(c, i)->text_len;
				for (uint32_t r = 0; r < pj.nrec[k]; r++) {
					const struct line_rec *lr = &pj.rec[k][r];
					if (lr->len > CORPUS_BYTES || 2 * (size_t)lr->len >= len)
						continue;
					uint64_t *cx = wt__map_get(&cand, corpus_line_key(lr->h));
					if (!cx)
						continue;
					uint32_t *h = holders + *cx * (HOLDERS + 1), *cnt = h + HOLDERS;
					if (*cnt < HOLDERS && (!*cnt || h[*cnt - 1] != i))
						h[(*cnt)++] = (uint32_t)i;
				}
			}
			free_lines(&pj, nb);
		}
		if (st)
			goto done;
		/* The fingerprints the groups are most likely to need, the
		 * first EARLY holders of each line's, on every core; the
		 * rest when needed. */
		uint32_t *todo = wt__malloc((n + 1) * sizeof(*todo));
		size_t ntodo = 0;
		if (!todo) {
			st = WT_ERR_NOMEM;
			goto done;
		}
		for (size_t k = 0; k < ncand; k++) {
			const uint32_t *h = holders + k * (HOLDERS + 1);
			for (uint32_t q = 0; q < h[HOLDERS] && q < EARLY; q++)
				if (!fps[h[q]].done) {
					fps[h[q]].done = 2; /* queued */
					todo[ntodo++] = h[q];
				}
		}
		struct fp_job fj = {&L, todo, fps, 0};
		wt__parallel_for(ntodo, threads, fp_one, &fj);
		wt__free(todo);
		if (atomic_load(&fj.failed)) {
			st = WT_ERR_NOMEM;
			goto done;
		}
		for (size_t k = 0; k < cand.cap; k++) {
			if (!cand.keys[k])
				continue;
			uint32_t *h = holders + cand.vals[k] * (HOLDERS + 1), cnt = h[HOLDERS];
			uint32_t lead[HOLDERS];
			uint64_t lead_site[HOLDERS];
			size_t nlead = 0, nsite = 0;
			for (uint32_t q = 0; q < cnt && (nlead < CORPUS_MIN || nsite < CORPUS_SITES); q++) {
				struct fp *f = &fps[h[q]];
				if (!f->done && (st = fingerprint(&L, h[q], f)))
					goto done;
				if (f->n < MIN_FP)
					continue;
				size_t l = 0;
				while (l < nlead && !related(f, &fps[lead[l]]))
					l++;
				if (l < nlead)
					continue;
				size_t z = 0;
				while (z < nsite && lead_site[z] != keys[h[q]])
					z++;
				if (z == nsite)
					lead_site[nsite++] = keys[h[q]];
				lead[nlead++] = h[q];
			}
			uint64_t *slot;
			int found;
			if (nlead >= CORPUS_MIN && nsite >= CORPUS_SITES &&
			    (st = wt__map_put(&corpus_chrome, cand.keys[k], 1, &slot, &found)))
				goto done;
		}
	}
	/* 4. Blank, in a copy of each text that has any chrome: rules first,
	 * then the learned lines, then link targets; each text on its own, on
	 * every core.  A repeat shares the copy made for its first. */
	{
		uint32_t *links = wt__calloc(n + 1, sizeof(*links));
		struct blank_job bj = {c, out, keys, same, &sites, &chrome, &corpus_chrome,
				       site_chrome, blanked, links, 0};
		if (!links) {
			st = WT_ERR_NOMEM;
			goto done;
		}
		wt__parallel_for(n, threads, blank_one, &bj);
		if (atomic_load(&bj.failed))
			st = WT_ERR_NOMEM;
		for (size_t i = 0; !st && i < n; i++) {
			size_t k = same[i];
			if (k != i) {
				out->texts[i] = out->texts[k];
				if (!out->owned[k])
					continue;
			} else {
				out->links += links[i];
			}
			const uint32_t *bl = blanked[k];
			out->articles += out->owned[k];
			out->rule_lines += bl[0];
			out->site_lines += bl[1];
			out->corpus_lines += bl[2];
			out->lines += (size_t)bl[0] + bl[1] + bl[2];
		}
		wt__free(links);
	}
done:
	wt__free(text_keys);
	wt__free(pj.rec);
	wt__free(pj.nrec);
	if (st)
		wt__chrome_release(out, c);
	if (fps)
		for (size_t i = 0; i < n; i++)
			wt__free(fps[i].v);
	wt__free(fps);
	wt__free(holders);
	wt__free(L.tv.v);
	wt__free(keys);
	wt__free(same);
	wt__free(blanked);
	wt__free(sampled);
	wt__map_release(&sites);
	wt__map_release(&lines);
	wt__map_release(&seen);
	wt__map_release(&chrome);
	wt__map_release(&corpus);
	wt__map_release(&cand);
	wt__map_release(&corpus_chrome);
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
