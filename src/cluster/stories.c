/*
 * stories.c - articles about the same real-world event, grouped into
 * stories: the copies of one wire text, rewrites with little shared
 * wording, and independent reports alike.
 *
 * Each article is reduced to its most telling words: a TF-IDF vector of
 * its title (counted twice) and text, with capitalised words (names,
 * places) weighed up, cut to its TERMS best terms.  A family is never split:
 * its members' vectors are summed into one unit.  Units are then taken in
 * date order, each joining the story whose centroid is most similar to it
 * (cosine) among those active within the time window, or opening a new one.
 * That single pass is the incremental algorithm the store will run as
 * articles arrive.  A second look then lets a story that opened because its
 * first article was worded apart join an earlier one whose centroid it has
 * come to resemble (headline-only corpora gain most from it).  Candidate stories come from an inverted index of the
 * stories' terms, so the cost grows with the articles, not their square.
 */
#include <math.h>
#include <stdatomic.h>
#include <stdlib.h>

#include "cluster/cluster.h"
#include "text/text.h"

#define TERMS 48        /* terms kept per article */
#define STORY_TERMS 160 /* terms kept in a story's centroid */
#define PROBE_TERMS 10  /* a unit's terms used to find candidate stories */
#define MAX_POSTINGS 128 /* most recent stories scanned per term */
#define UNIT_MEMBERS 4  /* members of a family whose words describe it */
#define MAX_COMPARED 12 /* candidate stories compared in full per unit */
#define MERGE_MIN 0.35  /* centroid cosine at which two stories become one */
#define TITLE_TERMS 16  /* terms of a title alone */
#define TITLE_PROBE 4   /* of them used to find candidate stories */
#define SLUG_WEIGHT 0.5 /* a URL slug's words the title lacks, to a title's */

/* Postings of one term: story ids in blocks of a cache line, newest block
 * first, so a scan touches one line per PBLOCK stories. */
#define PBLOCK 14
struct pblock {
	uint32_t s[PBLOCK];
	uint32_t n, next;
};

struct term {
	uint32_t id;  /* high bits of the token hash */
	float w;
};

static int cmp_term_w(const void *x, const void *y)
{
	const struct term *p = x, *q = y;
	if (p->w != q->w)
		return p->w > q->w ? -1 : 1;
	return p->id < q->id ? -1 : p->id > q->id;
}

static int cmp_term_id(const void *x, const void *y)
{
	const struct term *p = x, *q = y;
	return p->id < q->id ? -1 : p->id > q->id;
}

/*
 * An article's terms and their summed weights while its words are read: an
 * open-addressing table kept by each worker from article to article, with
 * the slots in use listed, so that neither clearing it nor reading it costs
 * more than the article's own terms.
 */
struct bag {
	uint32_t *key; /* id + 1, 0 when free */
	double *w;
	uint32_t *used; /* the slots in use, in the order taken */
	size_t cap, n;  /* cap is a power of two */
};

static void bag_release(struct bag *b)
{
	wt__free(b->key);
	wt__free(b->w);
	wt__free(b->used);
	memset(b, 0, sizeof(*b));
}

static enum wt_status bag_alloc(struct bag *b, size_t cap)
{
	bag_release(b);
	b->key = wt__calloc(cap, sizeof(*b->key));
	b->w = wt__malloc(cap * sizeof(*b->w));
	b->used = wt__malloc(cap * sizeof(*b->used));
	if (!b->key || !b->w || !b->used) {
		bag_release(b);
		return WT_ERR_NOMEM;
	}
	b->cap = cap;
	return WT_OK;
}

/* Empties the bag, with room for about `expected` terms. */
static enum wt_status bag_reset(struct bag *b, size_t expected)
{
	size_t cap = 64;
	while (cap < 2 * expected)
		cap *= 2;
	if (cap > b->cap)
		return bag_alloc(b, cap);
	for (size_t q = 0; q < b->n; q++)
		b->key[b->used[q]] = 0;
	b->n = 0;
	return WT_OK;
}

/* The slot of term id, taken (weight 0) when the term is new. */
static size_t bag_take(struct bag *b, uint32_t id)
{
	size_t i = (size_t)((id * 0x9E3779B1u) ^ (id >> 15)) & (b->cap - 1);
	while (b->key[i] && b->key[i] != id + 1)
		i = (i + 1) & (b->cap - 1);
	if (!b->key[i]) {
		b->key[i] = id + 1;
		b->w[i] = 0;
		b->used[b->n++] = (uint32_t)i;
	}
	return i;
}

static enum wt_status bag_add(struct bag *b, uint32_t id, double w)
{
	if ((b->n + 1) * 4 > b->cap * 3) { /* grow: the terms again, in order */
		struct bag big = {0};
		enum wt_status st = bag_alloc(&big, b->cap * 2);
		if (st)
			return st;
		for (size_t q = 0; q < b->n; q++)
			big.w[bag_take(&big, b->key[b->used[q]] - 1)] = b->w[b->used[q]];
		bag_release(b);
		*b = big;
	}
	/* tf enters damped: the square root of the summed weight is taken
	 * when the terms are ranked */
	b->w[bag_take(b, id)] += w;
	return WT_OK;
}

/* See cluster.h. */
int wt__number_scale(const char *w, size_t n)
{
	static const struct {
		const char *w;
		int scale;
	} words[] = {{"k", 3}, {"thousand", 3}, {"m", 6}, {"mn", 6}, {"million", 6},
		     {"millions", 6}, {"b", 9}, {"bn", 9}, {"billion", 9}, {"billions", 9},
		     {"trillion", 12}, {"tn", 12}};
	for (size_t k = 0; k < sizeof(words) / sizeof(words[0]); k++)
		if (strlen(words[k].w) == n && wt__eq_ci(w, n, words[k].w))
			return words[k].scale;
	return 0;
}

/* See cluster.h. */
int wt__number_term(const char *t, size_t n, int scale, int bits, uint32_t *id)
{
	char v[32];
	size_t m = 0, digits = 0, frac = 0;
	int in_frac = 0;
	for (size_t i = 0; i < n; i++) {
		char c = t[i];
		if (c >= '0' && c <= '9') {
			if (m + 1 >= sizeof(v))
				return 0;
			v[m++] = c;
			digits++;
			frac += in_frac;
		} else if (c == ',' || c == '.') {
			/* a group of three digits after it: thousands; else a
			 * decimal point (once) */
			size_t k = i + 1;
			while (k < n && t[k] >= '0' && t[k] <= '9')
				k++;
			if (k - i - 1 == 3 && !in_frac)
				continue;
			if (in_frac)
				return 0;
			in_frac = 1;
		} else if (digits && !scale && (scale = wt__number_scale(t + i, n - i))) {
			break; /* "6k", "1.5bn" */
		} else {
			return 0;
		}
	}
	/* the value's digits: the integer part, then the fraction's, scaled */
	while (scale > 0) {
		if (frac)
			frac--;
		else if (m + 1 < sizeof(v))
			v[m++] = '0';
		scale--;
	}
	size_t intlen = m - frac;
	while (m > intlen && v[m - 1] == '0') /* 6.50 is 6.5 */
		m--;
	if (intlen < 3 && m == intlen)
		return 0;
	uint64_t h = 0xcbf29ce484222325ULL ^ 0x6e756d;
	for (size_t i = 0; i < m; i++)
		h = (h ^ (unsigned char)v[i]) * 0x100000001b3ULL;
	h = (h ^ intlen) * 0x100000001b3ULL;
	*id = (uint32_t)(wt__mix64(h) >> (64 - bits));
	return 1;
}

/* A few term ids: a title's words. */
#define IDSET_MAX 64
struct idset {
	uint32_t id[IDSET_MAX];
	size_t n;
};

static int idset_has(const struct idset *s, uint32_t id)
{
	for (size_t q = 0; q < s->n; q++)
		if (s->id[q] == id)
			return 1;
	return 0;
}

/*
 * Adds the terms of one text to the bag: weight tf * idf, title terms
 * twice, names one and a half times.  Two capitalised words in a row
 * ("Las Vegas", "Marta Ilves") are also a term of their own, as rare as
 * the rarer of the two: a multi-word name.
 */
static enum wt_status add_terms(struct bag *bag, const char *text, size_t len,
				double factor, int body, const struct wt__story_input *in,
				struct wt__tokens *tv, struct idset *record, const struct idset *skip)
{
	enum wt_status st = wt__tokenize(text, len, tv);
	if (st)
		return st;
	int prev_cap = 0;
	for (size_t i = 0; i < tv->n; i++) {
		uint32_t id = (uint32_t)(tv->v[i].hash >> (64 - in->idf_bits));
		double idf = in->idf[id];
		if (skip && idset_has(skip, id))
			continue;
		const char *tp = text + tv->v[i].start;
		if (*tp >= '0' && *tp <= '9') {
			/* a number by value; "1.5 billion": the scale from the
			 * next word */
			int scale = 0;
			uint32_t nid;
			if (i + 1 < tv->n && tv->v[i + 1].start == tv->v[i].end + 1 &&
			    tv->v[i + 1].end - tv->v[i + 1].start >= 2) /* "30 m" may be metres */
				scale = wt__number_scale(text + tv->v[i + 1].start,
							 tv->v[i + 1].end - tv->v[i + 1].start);
			if (wt__number_term(tp, tv->v[i].end - tv->v[i].start, scale, in->idf_bits, &nid))
				id = nid;
		}
		if (record && record->n < IDSET_MAX && !idset_has(record, id))
			record->id[record->n++] = id;
		double w = idf * factor;
		int cap = wt__capital_at(text, len, tv->v[i].start);
		if (cap)
			w *= 1.5;
		if ((st = bag_add(bag, id, w)))
			return st;
		/* not in headlines, often in title case */
		if (body && cap && prev_cap && tv->v[i].start == tv->v[i - 1].end + 1) {
			uint64_t h = wt__mix64(tv->v[i - 1].hash ^ (tv->v[i].hash << 1 | tv->v[i].hash >> 63));
			uint32_t prev_id = (uint32_t)(tv->v[i - 1].hash >> (64 - in->idf_bits));
			double rare = WT_MAX(idf, (double)in->idf[prev_id]);
			if ((st = bag_add(bag, (uint32_t)(h >> (64 - in->idf_bits)), rare * factor * 1.5)))
				return st;
		}
		prev_cap = cap;
	}
	return WT_OK;
}

/* See cluster.h. */
size_t wt__url_slug(const char *url, char *out)
{
	size_t n = 0;
	const char *p = strchr(url, ':');
	p = p && p[1] == '/' && p[2] == '/' ? strchr(p + 3, '/') : NULL; /* past the host */
	while (p && *p) {
		const char *e = p + strcspn(p, "/?&=#;");
		/* a file name's extension (".html", ".php") is no word */
		const char *dot = e;
		while (dot > p && dot[-1] != '.' && e - dot <= 5)
			dot--;
		const char *end = dot > p && dot[-1] == '.' ? dot - 1 : e;
		/* decode the segment, separators as spaces */
		size_t start = n, words = 0, letters = 0, digits = 0, wstart = n;
		for (const char *q = p; q <= end; q++) {
			char c = q < end ? *q : ' ';
			int hi = c == '%' && q + 2 < end ? wt__hexval((unsigned char)q[1]) : -1;
			int lo = hi >= 0 ? wt__hexval((unsigned char)q[2]) : -1;
			if (lo >= 0) {
				c = (char)(hi * 16 + lo);
				q += 2;
			}
			if (c == '-' || c == '_' || c == '+' || c == ' ' || c == '.' || c == ',') {
				/* end of a word: kept when it has letters and no digit */
				if (n > wstart && letters && !digits)
					out[n++] = ' ', words++;
				else
					n = wstart;
				wstart = n;
				letters = digits = 0;
				continue;
			}
			out[n++] = c;
			if (c >= '0' && c <= '9')
				digits++;
			else
				letters++;
		}
		if (words < 3)
			n = start;
		p = *e ? e + 1 : e;
	}
	out[n] = '\0';
	return n;
}

/* Builds the TERMS best terms of article i into out (sorted by id),
 * L2-normalised.  @return the number of terms. */
static size_t article_terms(const struct wt__story_input *in, size_t i, int title_only,
			    size_t cap, struct bag *bag, struct wt__tokens *tv,
			    struct term *tmp, struct term *out, enum wt_status *st)
{
	const struct wt_article *a = wt_corpus_get(in->corpus, i);
	if ((*st = bag_reset(bag, a->text_len / 6 + 64)))
		return 0;
	struct idset title = {.n = 0};
	double tf = title_only ? 1.0 : 2.0;
	if (!title_only)
		*st = add_terms(bag, in->texts[i], a->text_len, 1.0, 1, in, tv, NULL, NULL);
	if (!*st && a->title)
		*st = add_terms(bag, a->title, strlen(a->title), tf, 0, in, tv, &title, NULL);
	if (!*st && a->url) {
		/* The URL's slug: its words the title lacks count as the
		 * title's.  Most slugs repeat the headline, adding nothing;
		 * a failed page's (a search page titled with the site's name)
		 * is all that names its story. */
		size_t ul = strlen(a->url);
		char *slug = ul < 4096 ? wt__malloc(ul + 1) : NULL;
		size_t sl = slug ? wt__url_slug(a->url, slug) : 0;
		if (sl)
			*st = add_terms(bag, slug, sl, tf * SLUG_WEIGHT, 0, in, tv, NULL, &title);
		wt__free(slug);
	}
	if (*st)
		return 0;
	/* The TERMS heaviest terms, through a min-heap on weight (ties by id,
	 * so the choice does not depend on the table's layout). */
	size_t n = 0;
	for (size_t q = 0; q < bag->n; q++) {
		size_t s = bag->used[q];
		struct term t = {bag->key[s] - 1, (float)sqrt(bag->w[s])};
		if (n < cap) {
			size_t c = n++;
			while (c > 0 && cmp_term_w(&t, &tmp[(c - 1) / 2]) > 0) {
				tmp[c] = tmp[(c - 1) / 2];
				c = (c - 1) / 2;
			}
			tmp[c] = t;
		} else if (cmp_term_w(&t, &tmp[0]) < 0) {
			/* better than the worst kept: replace the root, sift down */
			size_t c = 0;
			for (;;) {
				size_t l = 2 * c + 1, r = l + 1, m = c;
				const struct term *mv = &t;
				if (l < n && cmp_term_w(&tmp[l], mv) > 0)
					m = l, mv = &tmp[l];
				if (r < n && cmp_term_w(&tmp[r], mv) > 0)
					m = r, mv = &tmp[r];
				if (m == c)
					break;
				tmp[c] = tmp[m];
				c = m;
			}
			tmp[c] = t;
		}
	}
	double norm = 0;
	for (size_t k = 0; k < n; k++)
		norm += (double)tmp[k].w * tmp[k].w;
	norm = norm > 0 ? sqrt(norm) : 1;
	for (size_t k = 0; k < n; k++)
		out[k] = (struct term){tmp[k].id, (float)(tmp[k].w / norm)};
	qsort(out, n, sizeof(*out), cmp_term_id);
	return n;
}

/* A story while it is being built. */
struct story {
	struct term t[STORY_TERMS]; /* centroid: summed weights, by id */
	size_t nt;
	double norm;
	int64_t last;   /* time of its latest member, or WT_TIME_UNKNOWN */
	uint32_t first; /* its earliest unit's root article */
	int64_t start;  /* time of its earliest dated unit, or WT_TIME_UNKNOWN */
};

/*
 * A story's centroid sums its units' vectors; its weights enter the cosine
 * damped (to the power 0.75), so that the words every member repeats (the
 * country, the leader) do not outweigh those of the event itself, and a
 * large story does not draw in every article of its topic.  giveme5w1h
 * B-cubed F1 0.897 -> 0.910 (precision 0.91 -> 0.96), uci-headlines
 * 0.771 -> 0.775.
 */
static double damped(double w)
{
	return sqrt(w * sqrt(w)); /* w^0.75 with two square roots, cheaper than pow */
}

/* The k-th term (from 0) in cmp_term_w order, by quickselect; v is
 * reordered. */
static struct term nth_best(struct term *v, size_t n, size_t k)
{
	size_t lo = 0, hi = n - 1;
	while (lo < hi) {
		/* median of three as the pivot value */
		size_t mid = lo + (hi - lo) / 2;
		struct term a = v[lo], b = v[mid], c = v[hi], p;
		if (cmp_term_w(&a, &b) < 0)
			p = cmp_term_w(&b, &c) < 0 ? b : (cmp_term_w(&a, &c) < 0 ? c : a);
		else
			p = cmp_term_w(&a, &c) < 0 ? a : (cmp_term_w(&b, &c) < 0 ? c : b);
		size_t i = lo, j = hi;
		while (i <= j) {
			while (cmp_term_w(&v[i], &p) < 0)
				i++;
			while (cmp_term_w(&v[j], &p) > 0)
				j--;
			if (i <= j) {
				struct term t = v[i];
				v[i] = v[j];
				v[j] = t;
				i++;
				if (j == 0)
					break;
				j--;
			}
		}
		if (k <= j)
			hi = j;
		else if (k >= i)
			lo = i;
		else
			return v[k];
	}
	return v[k];
}

/* Adds a unit's vector to a story's centroid, keeping its best terms. */
static void story_add(struct story *s, const struct term *u, size_t nu)
{
	struct term merged[STORY_TERMS + 2 * TERMS * 4];
	size_t i = 0, j = 0, n = 0;
	while (i < s->nt || j < nu) {
		if (j >= nu || (i < s->nt && s->t[i].id < u[j].id))
			merged[n++] = s->t[i++];
		else if (i >= s->nt || u[j].id < s->t[i].id)
			merged[n++] = u[j++];
		else {
			merged[n++] = (struct term){s->t[i].id, s->t[i].w + u[j].w};
			i++;
			j++;
		}
	}
	if (n > STORY_TERMS) {
		/* The STORY_TERMS best by weight (a total order: ties by id),
		 * kept in id order: select the last one kept, then filter. */
		struct term sel[STORY_TERMS + 2 * TERMS * 4];
		memcpy(sel, merged, n * sizeof(*sel));
		struct term pivot = nth_best(sel, n, STORY_TERMS - 1);
		size_t m = 0;
		for (size_t k = 0; k < n; k++)
			if (cmp_term_w(&merged[k], &pivot) <= 0)
				merged[m++] = merged[k];
		n = m;
	}
	memcpy(s->t, merged, n * sizeof(*merged));
	s->nt = n;
	double norm = 0;
	for (size_t k = 0; k < n; k++)
		norm += damped(s->t[k].w) * damped(s->t[k].w);
	s->norm = norm > 0 ? sqrt(norm) : 1;
}

/* A unit's terms by id, for looking up each term of a story in turn: the
 * same matches, added in the same order, as walking both lists, without
 * the walk's unpredictable branches. */
#define TAB_SLOTS 256 /* over 4 times TERMS: short probes */
struct term_tab {
	uint32_t key[TAB_SLOTS]; /* id + 1, 0 when free */
	float w[TAB_SLOTS];
};

static void tab_fill(struct term_tab *t, const struct term *u, size_t nu)
{
	memset(t->key, 0, sizeof(t->key));
	for (size_t q = 0; q < nu; q++) {
		uint32_t h = (u[q].id * 0x9E3779B1u) >> 24;
		while (t->key[h])
			h = (h + 1) & (TAB_SLOTS - 1);
		t->key[h] = u[q].id + 1;
		t->w[h] = u[q].w;
	}
}

/* Cosine of a unit (its terms in `t`, normalised) with a story's centroid. */
static double story_cos_tab(const struct story *s, const struct term_tab *t)
{
	double dot = 0;
	for (size_t i = 0; i < s->nt; i++) {
		uint32_t id = s->t[i].id, h = (id * 0x9E3779B1u) >> 24;
		while (t->key[h] && t->key[h] != id + 1)
			h = (h + 1) & (TAB_SLOTS - 1);
		if (t->key[h])
			dot += damped(s->t[i].w) * t->w[h];
	}
	return dot / s->norm;
}

/* Keeps the `cap` best terms seen (by weight, ties by id) in list[0..*n),
 * best first: an insertion into a short sorted list. */
static void keep_best(struct term *list, size_t *n, size_t cap, struct term t)
{
	if (*n == cap && cmp_term_w(&t, &list[*n - 1]) >= 0)
		return;
	size_t at = *n < cap ? (*n)++ : *n - 1;
	while (at > 0 && cmp_term_w(&t, &list[at - 1]) < 0) {
		list[at] = list[at - 1];
		at--;
	}
	list[at] = t;
}

/* What finding candidate stories works with: the postings and scratch. */
struct finder {
	const struct wt__map *post;
	const struct pblock *blocks;
	double *acc;        /* per story, zero between calls */
	uint32_t *touched;  /* stories seen in this call */
	struct term *cand;  /* the result: story ids with shared weight */
};

/*
 * The MAX_COMPARED stories, among those numbered below `limit`, that share
 * the most weight with the probe terms (scanning the MAX_POSTINGS newest
 * postings of each term), best first into f->cand.  @return how many.
 */
static size_t find_candidates(struct finder *f, const struct term *probe, size_t np,
			      uint32_t limit)
{
	size_t ntouched = 0;
	for (size_t q = 0; q < np; q++) {
		uint64_t *head = wt__map_get(f->post, (uint64_t)probe[q].id + 1);
		int seen = 0;
		for (uint32_t b = head ? (uint32_t)*head : UINT32_MAX;
		     b != UINT32_MAX && seen < MAX_POSTINGS; b = f->blocks[b].next) {
			const struct pblock *pb = &f->blocks[b];
			for (uint32_t e = pb->n; e-- > 0 && seen < MAX_POSTINGS; seen++) {
				uint32_t s = pb->s[e];
				if (s >= limit)
					continue;
				if (f->acc[s] == 0)
					f->touched[ntouched++] = s;
				/* never 0 again once seen, even for a word of
				 * weight 0 (one in every article) */
				f->acc[s] += (double)probe[q].w + 1e-9;
			}
		}
	}
	size_t nbest = 0;
	for (size_t q = 0; q < ntouched; q++) {
		uint32_t s = f->touched[q];
		keep_best(f->cand, &nbest, MAX_COMPARED, (struct term){s, (float)f->acc[s]});
		f->acc[s] = 0;
	}
	return nbest;
}

/*
 * What a similarity loses across a time gap: FADE for a gap of one window,
 * and FADE more for each doubling after that (a few hours cost almost
 * nothing).  A story is not closed hard at the window's end: a close match
 * still joins it weeks later (crawls often carry the day a page was
 * fetched, not the day of the story), while another incident of the same
 * kind a fortnight on, sharing only the topic's words, opens its own.
 */
#define FADE 0.1
static double time_penalty(int64_t a, int64_t b, int64_t window)
{
	if (window <= 0 || a == WT_TIME_UNKNOWN || b == WT_TIME_UNKNOWN)
		return 0.0;
	int64_t gap = a > b ? a - b : b - a;
	return FADE * log2(1.0 + (double)gap / (double)window);
}

struct unit {
	int64_t time;
	uint32_t root;   /* family root article */
	uint32_t first;  /* offset of its terms */
	uint32_t n;
};

static int cmp_unit(const void *x, const void *y)
{
	const struct unit *p = x, *q = y;
	int t = wt__cmp_time(p->time, q->time);
	if (t)
		return t;
	return p->root < q->root ? -1 : p->root > q->root;
}

/* Term extraction on worker threads: each article's terms depend on it
 * alone, so the result is the same for any number of threads. */
struct term_job {
	const struct wt__story_input *in;
	const uint32_t *todo; /* articles to describe */
	size_t ntodo, cap;
	int title_only;       /* 1: titles, stored by position in todo;
			       * 0: whole articles, stored by article index */
	struct term *out;
	uint32_t *nout;
	atomic_size_t next;
	atomic_int failed;
};

struct term_worker {
	struct term_job *job;
	enum wt_status st;
};

static void *terms_worker(void *arg)
{
	struct term_worker *w = arg;
	struct term_job *j = w->job;
	struct bag bag = {0};
	struct wt__tokens tv = {0};
	struct term *tmp = wt__malloc((j->cap + 1) * sizeof(*tmp)); /* the heap of best terms */
	if (!tmp)
		w->st = WT_ERR_NOMEM;
	while (!w->st && !atomic_load(&j->failed)) {
		size_t lo = atomic_fetch_add(&j->next, 64);
		if (lo >= j->ntodo)
			break;
		size_t hi = WT_MIN(j->ntodo, lo + 64);
		for (size_t q = lo; q < hi && !w->st; q++) {
			size_t i = j->todo[q], at = j->title_only ? q : i;
			j->nout[at] = (uint32_t)article_terms(j->in, i, j->title_only, j->cap, &bag, &tv,
							      tmp, j->out + at * j->cap, &w->st);
		}
	}
	if (w->st)
		atomic_store(&j->failed, 1);
	bag_release(&bag);
	wt__free(tv.v);
	wt__free(tmp);
	return NULL;
}

/* Workers for `items` items, at least `per` each: no more threads than
 * the work keeps busy. */
static int workers_for(const struct wt__story_input *in, size_t items, size_t per)
{
	int t = in->threads < 1 ? 1 : in->threads > 64 ? 64 : in->threads;
	return (size_t)t > items / per + 1 ? (int)(items / per + 1) : t;
}

static enum wt_status terms_parallel(const struct wt__story_input *in, const uint32_t *todo,
				     size_t ntodo, int title_only, size_t cap, struct term *out,
				     uint32_t *nout)
{
	struct term_job j = {in, todo, ntodo, cap, title_only, out, nout, 0, 0};
	int nthreads = workers_for(in, ntodo, 256);
	struct term_worker ws[64];
	for (int t = 0; t < nthreads; t++)
		ws[t] = (struct term_worker){&j, WT_OK};
	wt__run_workers(nthreads, terms_worker, ws, sizeof(*ws));
	for (int t = 0; t < nthreads; t++)
		if (ws[t].st)
			return ws[t].st;
	return WT_OK;
}

/* Units' vectors from their members', MERGE_BLOCK units an item. */
#define MERGE_BLOCK 256
struct merge_job {
	struct unit *units;
	struct term *uterms;
	const struct term *terms; /* each article's, TERMS apart */
	const uint32_t *nterms;
	const uint32_t *mstart, *mlist; /* unit k's members: mlist[mstart[k]..mstart[k+1]) */
	size_t nu;
};

static void merge_units(void *ctx, size_t blk)
{
	const struct merge_job *j = ctx;
	struct story merged; /* scratch for units of several members */
	for (size_t k = blk * MERGE_BLOCK; k < j->nu && k < (blk + 1) * MERGE_BLOCK; k++) {
		struct unit *un = &j->units[k];
		struct term *ut = j->uterms + un->first;
		for (uint32_t q = j->mstart[k]; q < j->mstart[k + 1]; q++) {
			uint32_t i = j->mlist[q];
			const struct term *ti = j->terms + (size_t)i * TERMS;
			if (q == j->mstart[k]) { /* the first taken as it is */
				memcpy(ut, ti, j->nterms[i] * sizeof(*ut));
				un->n = j->nterms[i];
				continue;
			}
			/* Sum, keep the TERMS best, normalise again. */
			merged.nt = 0;
			story_add(&merged, ut, un->n);
			story_add(&merged, ti, j->nterms[i]);
			struct term best[STORY_TERMS];
			memcpy(best, merged.t, merged.nt * sizeof(*best));
			qsort(best, merged.nt, sizeof(*best), cmp_term_w);
			size_t m = merged.nt < TERMS ? merged.nt : TERMS;
			double norm = 0;
			for (size_t r = 0; r < m; r++)
				norm += (double)best[r].w * best[r].w;
			norm = norm > 0 ? sqrt(norm) : 1;
			for (size_t r = 0; r < m; r++)
				best[r].w = (float)(best[r].w / norm);
			qsort(best, m, sizeof(*best), cmp_term_id);
			memcpy(ut, best, m * sizeof(*best));
			un->n = (uint32_t)m;
		}
	}
}

/* The second look on worker threads: each story's best earlier story by
 * centroid cosine, less the time penalty, if it reaches MERGE_MIN. */
struct look_job {
	const struct story *stories;
	size_t nstories;
	const struct wt__map *post;
	const struct pblock *blocks;
	int64_t window;
	uint32_t *best_of; /* out: per story, UINT32_MAX for none */
	atomic_size_t next;
	atomic_int failed;
};

struct look_worker {
	struct look_job *job;
	enum wt_status st;
};

static void *look_worker(void *arg)
{
	struct look_worker *w = arg;
	struct look_job *j = w->job;
	struct finder fd = {j->post, j->blocks, wt__calloc(j->nstories + 1, sizeof(double)),
			    wt__malloc((j->nstories + 1) * sizeof(uint32_t)),
			    wt__malloc((MAX_COMPARED + 1) * sizeof(struct term))};
	if (!fd.acc || !fd.touched || !fd.cand) {
		w->st = WT_ERR_NOMEM;
		atomic_store(&j->failed, 1);
	}
	while (!w->st && !atomic_load(&j->failed)) {
		size_t lo = atomic_fetch_add(&j->next, 64);
		if (lo >= j->nstories)
			break;
		size_t hi = WT_MIN(j->nstories, lo + 64);
		for (size_t x = lo; x < hi; x++) {
			const struct story *sx = &j->stories[x];
			/* its strongest terms find the earlier stories to compare */
			struct term probe[PROBE_TERMS];
			size_t np = 0;
			for (size_t q = 0; q < sx->nt; q++)
				keep_best(probe, &np, PROBE_TERMS, sx->t[q]);
			size_t nbest = find_candidates(&fd, probe, np, (uint32_t)x);
			double best = 0;
			uint32_t best_t = UINT32_MAX;
			for (size_t q = 0; q < nbest; q++) {
				uint32_t t = fd.cand[q].id;
				const struct story *st2 = &j->stories[t];
				double c = 0;
				size_t i = 0, k = 0;
				while (i < sx->nt && k < st2->nt) {
					if (sx->t[i].id < st2->t[k].id)
						i++;
					else if (st2->t[k].id < sx->t[i].id)
						k++;
					else
						c += damped(sx->t[i++].w) * damped(st2->t[k++].w);
				}
				c /= sx->norm * st2->norm;
				c -= time_penalty(sx->start, st2->last, j->window);
				if (c > best || (c == best && t < best_t)) {
					best = c;
					best_t = t;
				}
			}
			j->best_of[x] = best >= MERGE_MIN ? best_t : UINT32_MAX;
		}
	}
	wt__free(fd.acc);
	wt__free(fd.touched);
	wt__free(fd.cand);
	return NULL;
}

enum wt_status wt__stories(const struct wt__story_input *in, uint32_t *story_of)
{
	size_t n = wt_corpus_count(in->corpus);
	enum wt_status st = WT_OK;
	struct wt__map post = {0};
	struct term *terms = wt__malloc((n * TERMS + 1) * sizeof(*terms));
	uint32_t *nterms = wt__calloc(n + 1, sizeof(*nterms));
	struct unit *units = wt__malloc((n + 1) * sizeof(*units));
	uint32_t *unit_of_root = wt__malloc((n + 1) * sizeof(*unit_of_root));
	struct term *uterms = NULL;
	struct term *tterms = NULL; /* title terms of each unit */
	uint32_t *ntitle = NULL;
	struct story *stories = NULL;
	size_t nstories = 0, scap = 0;
	struct pblock *blocks = NULL; /* postings: blocks of story ids */
	size_t nb = 0, bcap = 0;
	double *acc = NULL;
	uint32_t *touched = NULL;
	struct term *cand = NULL;
	if (!terms || !nterms || !units || !unit_of_root || (st = wt__map_init(&post, 1024))) {
		st = st ? st : WT_ERR_NOMEM;
		goto done;
	}

	/* 1. The best terms of each family's first few members: copies of one
	 * text add nothing to its root's, and this keeps the stage linear in
	 * the families rather than the articles. */
	uint32_t *taken = wt__calloc(n + 1, sizeof(*taken));
	uint32_t *todo = wt__malloc((n + 1) * sizeof(*todo));
	if (!taken || !todo) {
		wt__free(taken);
		wt__free(todo);
		st = WT_ERR_NOMEM;
		goto done;
	}
	size_t ntodo = 0;
	for (size_t i = 0; i < n; i++) {
		if (in->same_text && in->same_text[i] != i)
			continue; /* the same words as an article already counted */
		if (taken[in->family[i]]++ >= UNIT_MEMBERS)
			continue;
		todo[ntodo++] = (uint32_t)i;
	}
	wt__free(taken);
	st = terms_parallel(in, todo, ntodo, 0, TERMS, terms, nterms);
	wt__free(todo);
	if (st)
		goto done;

	/* 2. Units: families, their members' terms summed. */
	size_t nu = 0;
	for (size_t i = 0; i < n; i++)
		unit_of_root[i] = UINT32_MAX;
	for (size_t i = 0; i < n; i++) {
		uint32_t root = in->family[i];
		if (unit_of_root[root] == UINT32_MAX) {
			unit_of_root[root] = (uint32_t)nu;
			units[nu++] = (struct unit){wt_corpus_get(in->corpus, root)->time, root, 0, 0};
		}
	}
	/* Members' vectors merged into one per unit, on every core: each
	 * unit's contributing members listed in article order, then summed
	 * in that order. */
	uterms = wt__malloc((nu * TERMS + 1) * sizeof(*uterms));
	uint32_t *mstart = wt__calloc(nu + 2, sizeof(*mstart));
	uint32_t *mlist = wt__malloc((n + 1) * sizeof(*mlist));
	if (!uterms || !mstart || !mlist) {
		wt__free(mstart);
		wt__free(mlist);
		st = WT_ERR_NOMEM;
		goto done;
	}
	for (size_t i = 0; i < n; i++) {
		uint32_t k = unit_of_root[in->family[i]];
		struct unit *un = &units[k];
		int64_t t = wt_corpus_get(in->corpus, i)->time;
		if (t != WT_TIME_UNKNOWN && (un->time == WT_TIME_UNKNOWN || t < un->time))
			un->time = t;
		if (nterms[i])
			mstart[k + 1]++;
	}
	for (size_t k = 0; k < nu; k++) {
		units[k].first = (uint32_t)(k * TERMS);
		mstart[k + 1] += mstart[k];
	}
	for (size_t i = 0; i < n; i++)
		if (nterms[i])
			mlist[mstart[unit_of_root[in->family[i]]]++] = (uint32_t)i;
	for (size_t k = nu; k > 0; k--) /* back to the starts */
		mstart[k] = mstart[k - 1];
	mstart[0] = 0;
	struct merge_job mj = {units, uterms, terms, nterms, mstart, mlist, nu};
	wt__parallel_for((nu + MERGE_BLOCK - 1) / MERGE_BLOCK, workers_for(in, nu, MERGE_BLOCK),
			 merge_units, &mj);
	wt__free(mstart);
	wt__free(mlist);
	qsort(units, nu, sizeof(*units), cmp_unit);
	/* Each unit's title alone, too: a page whose text is mostly about
	 * something else (a gallery of celebrity splits, a box of ads) still
	 * has the story's headline. */
	tterms = wt__malloc((nu * TITLE_TERMS + 1) * sizeof(*tterms));
	ntitle = wt__calloc(nu + 1, sizeof(*ntitle));
	if (!tterms || !ntitle) {
		st = WT_ERR_NOMEM;
		goto done;
	}
	uint32_t *roots = wt__malloc((nu + 1) * sizeof(*roots));
	if (!roots) {
		st = WT_ERR_NOMEM;
		goto done;
	}
	for (size_t k = 0; k < nu; k++)
		roots[k] = units[k].root;
	st = terms_parallel(in, roots, nu, 1, TITLE_TERMS, tterms, ntitle);
	wt__free(roots);
	if (st)
		goto done;

	/* 3. One pass in date order: join the most similar active story. */
	acc = wt__calloc(nu + 1, sizeof(*acc));
	touched = wt__malloc((nu + 1) * sizeof(*touched));
	cand = wt__malloc((MAX_COMPARED + 1) * sizeof(*cand));
	uint32_t *story_of_unit_root = wt__malloc((n + 1) * sizeof(*story_of_unit_root));
	if (!acc || !touched || !cand || !story_of_unit_root) {
		wt__free(story_of_unit_root);
		st = WT_ERR_NOMEM;
		goto done;
	}
	int64_t window = (int64_t)(in->window_days * 86400.0);
	struct finder fd = {&post, NULL, acc, touched, cand};
	struct term_tab utab, ttab; /* the unit's terms, its title's */
	for (size_t k = 0; k < nu; k++) {
		const struct unit *u = &units[k];
		const struct term *ut = uterms + u->first;
		/* the unit's strongest terms find the candidate stories */
		struct term probe[PROBE_TERMS + TITLE_PROBE];
		size_t np = 0, nt = 0;
		for (size_t q = 0; q < u->n; q++)
			keep_best(probe, &np, PROBE_TERMS, ut[q]);
		const struct term *tt = tterms + k * TITLE_TERMS;
		struct term tprobe[TITLE_PROBE];
		for (size_t q = 0; q < ntitle[k]; q++)
			keep_best(tprobe, &nt, TITLE_PROBE, tt[q]);
		for (size_t q = 0; q < nt; q++) {
			int dup = 0;
			for (size_t r2 = 0; r2 < np && !dup; r2++)
				dup = probe[r2].id == tprobe[q].id;
			if (!dup)
				probe[np++] = tprobe[q];
		}
		fd.blocks = blocks; /* it grows as stories gain terms */
		size_t nbest = find_candidates(&fd, probe, np, UINT32_MAX);
		tab_fill(&utab, ut, u->n);
		if (ntitle[k])
			tab_fill(&ttab, tt, ntitle[k]);
		double best = 0;
		uint32_t best_s = UINT32_MAX;
		for (size_t q = 0; q < nbest; q++) {
			uint32_t s = cand[q].id;
			const struct story *sp = &stories[s];

			double c = story_cos_tab(sp, &utab);
			if (ntitle[k]) {
				double ct = story_cos_tab(sp, &ttab);
				if (ct > c)
					c = ct;
			}
			c -= time_penalty(u->time, sp->last, window);
			if (c > best || (c == best && s < best_s)) {
				best = c;
				best_s = s;
			}
		}
		if (best < in->threshold) {
			if ((st = WT_GROW(stories, scap, nstories + 1, (size_t)UINT32_MAX))) {
				wt__free(story_of_unit_root);
				goto done;
			}
			best_s = (uint32_t)nstories++;
			memset(&stories[best_s], 0, sizeof(stories[best_s]));
			stories[best_s].last = WT_TIME_UNKNOWN;
			stories[best_s].first = u->root;
			stories[best_s].start = u->time;
		}
		struct story *sp = &stories[best_s];
		/* index the story under the unit's terms it did not have yet */
		size_t r = 0;
		for (size_t q = 0; q < u->n; q++) {
			uint64_t *slot;
			int found;
			/* both sorted by id: a merge walk finds the new terms */
			while (r < sp->nt && sp->t[r].id < ut[q].id)
				r++;
			if (r < sp->nt && sp->t[r].id == ut[q].id)
				continue;
			if ((st = wt__map_put(&post, (uint64_t)ut[q].id + 1, UINT32_MAX, &slot, &found))) {
				wt__free(story_of_unit_root);
				goto done;
			}
			uint32_t hb = (uint32_t)*slot;
			if (hb == UINT32_MAX || blocks[hb].n == PBLOCK) {
				/* a new head block, newest first */
				if ((st = WT_GROW(blocks, bcap, nb + 1, (size_t)UINT32_MAX))) {
					wt__free(story_of_unit_root);
					goto done;
				}
				blocks[nb].n = 0;
				blocks[nb].next = hb;
				hb = (uint32_t)nb++;
				*slot = hb;
			}
			blocks[hb].s[blocks[hb].n++] = best_s;
		}

		story_add(sp, ut, u->n);
		if (u->time != WT_TIME_UNKNOWN && (sp->last == WT_TIME_UNKNOWN || u->time > sp->last))
			sp->last = u->time;
		if (sp->start == WT_TIME_UNKNOWN)
			sp->start = u->time;
		story_of_unit_root[u->root] = best_s;
	}
	/* 4. A second look: a story that opened because its first article
	 * was worded apart joins an earlier story whose centroid it now
	 * resembles, within the window. */
	uint32_t *sparent = wt__malloc((nstories + 1) * sizeof(*sparent));
	if (!sparent) {
		wt__free(story_of_unit_root);
		st = WT_ERR_NOMEM;
		goto done;
	}
	/* Each story's best earlier one, found on every core (the centroids
	 * are only read); then joined in story order. */
	uint32_t *best_of = wt__malloc((nstories + 1) * sizeof(*best_of));
	if (!best_of) {
		wt__free(sparent);
		wt__free(story_of_unit_root);
		st = WT_ERR_NOMEM;
		goto done;
	}
	struct look_job lj = {stories, nstories, &post, blocks, window, best_of, 0, 0};
	int nthreads = workers_for(in, nstories, 1024);
	struct look_worker lw[64];
	for (int t = 0; t < nthreads; t++)
		lw[t] = (struct look_worker){&lj, WT_OK};
	wt__run_workers(nthreads, look_worker, lw, sizeof(*lw));
	for (int t = 0; t < nthreads && !st; t++)
		st = lw[t].st;
	for (size_t x = 0; x < nstories; x++)
		sparent[x] = (uint32_t)x;
	for (size_t x = 0; !st && x < nstories; x++) {
		if (best_of[x] == UINT32_MAX)
			continue;
		uint32_t r = best_of[x];
		while (sparent[r] != r)
			r = sparent[r];
		sparent[x] = r;
	}
	wt__free(best_of);
	if (st) {
		wt__free(sparent);
		wt__free(story_of_unit_root);
		goto done;
	}
	for (size_t i = 0; i < n; i++) {
		uint32_t x = story_of_unit_root[in->family[i]];
		while (sparent[x] != x)
			x = sparent[x];
		story_of[i] = stories[x].first;
	}
	wt__free(sparent);
	wt__free(story_of_unit_root);
done:
	wt__map_release(&post);
	wt__free(terms);
	wt__free(nterms);
	wt__free(units);
	wt__free(unit_of_root);
	wt__free(uterms);
	wt__free(tterms);
	wt__free(ntitle);
	wt__free(stories);
	wt__free(blocks);
	wt__free(acc);
	wt__free(touched);
	wt__free(cand);
	return st;
}
