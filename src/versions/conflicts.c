/*
 * conflicts.c - where the versions of a story disagree.
 *
 * Numbers: the sentences of a story are already aligned across its articles
 * (versions.c).  Two aligned sentences that count the same thing (the same
 * noun, the same unit, the same place among such numbers in the sentence)
 * with different values disagree: "12,400 passengers" in one version,
 * "14,200 passengers" in another.  Numbers outside aligned sentences are
 * not compared: two reports may count different firefighters.
 *
 * Quotations: the quotations of all the articles are grouped when they
 * share most of the words of the shorter one.  A quotation that is the
 * same words, or a part of them, agrees; one with words of its own, or
 * cut short with "...", disagrees.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "claims/claims.h"
#include "core/core.h"
#include "pipeline/result.h"
#include "sketch/sketch.h"
#include "text/text.h"

#define QUOTE_SAME 0.6  /* shared share of the shorter quotation's words */
#define QUOTE_MIN_WORDS 3

/* One number or quotation found in one article. */
struct item {
	size_t article, order;   /* order: the article's place in the story */
	struct wt_span span;
	uint64_t key;            /* numbers: what is counted, where */
	double value;            /* numbers */
	uint64_t wording;        /* quotations: hash of its words */
	uint32_t tok, ntok;      /* quotations: distinct words in the pool */
	int elided;
	size_t claim;            /* the claim it belongs to */
};

static int cmp_u64(const void *x, const void *y)
{
	uint64_t a = *(const uint64_t *)x, b = *(const uint64_t *)y;
	return a < b ? -1 : a > b;
}

/* Distinct words shared by two sorted sets. */
static size_t shared_sorted(const uint64_t *a, size_t na, const uint64_t *b, size_t nb)
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

static int cmp_item_key(const void *x, const void *y)
{
	const struct item *p = x, *q = y;
	if (p->key != q->key)
		return p->key < q->key ? -1 : 1;
	if (p->order != q->order)
		return p->order < q->order ? -1 : 1;
	return p->span.start < q->span.start ? -1 : p->span.start > q->span.start;
}

/* The hash of a noun's first token, folded; 0 when there is none. */
static uint64_t noun_hash(const char *text, size_t start, size_t end, struct wt__tokens *tv)
{
	if (end <= start || wt__tokenize(text + start, end - start, tv) || !tv->n)
		return 0;
	uint64_t h = tv->v[tv->n - 1].hash;
	return h ? h : 1;
}

/* "..." or the one-character ellipsis inside a quotation. */
static int has_ellipsis(const char *s, size_t n)
{
	for (size_t i = 0; i + 3 <= n; i++)
		if ((s[i] == '.' && s[i + 1] == '.' && s[i + 2] == '.') ||
		    !memcmp(s + i, "\xE2\x80\xA6", 3))
			return 1;
	return 0;
}

/* Appends a version (value or wording) of claim `cl` carried by item `it`,
 * or adds the article to the version it matches. */
static enum wt_status add_version(struct wt_claim *cl, size_t *vcap, const struct item *it,
				  int same_as)
{
	if (same_as >= 0) {
		struct wt_claim_version *v = &cl->versions[same_as];
		for (size_t k = 0; k < v->n_articles; k++)
			if (v->articles[k] == it->article)
				return WT_OK;
		size_t cap = v->n_articles; /* grown one by one: few articles per claim */
		enum wt_status st = WT_GROW(v->articles, cap, v->n_articles + 1, (size_t)-1);
		if (!st)
			v->articles[v->n_articles++] = it->article;
		return st;
	}
	enum wt_status st = WT_GROW(cl->versions, *vcap, cl->n_versions + 1, (size_t)-1);
	if (st)
		return st;
	struct wt_claim_version *v = &cl->versions[cl->n_versions];
	memset(v, 0, sizeof(*v));
	v->article = it->article;
	v->span = it->span;
	v->value = it->value;
	v->elided = it->elided;
	if (!(v->articles = wt__malloc(sizeof(*v->articles))))
		return WT_ERR_NOMEM;
	v->articles[0] = it->article;
	v->n_articles = 1;
	cl->n_versions++;
	return WT_OK;
}

/* Numbers of one sentence of the story, keyed by group, unit, noun and
 * their place among those alike in the sentence. */
static enum wt_status sentence_numbers(const char *text, const struct wt_story_sentence *s,
				       size_t order, struct item **items, size_t *n, size_t *cap,
				       struct wt__tokens *tv)
{
	struct wt__number *num = NULL;
	size_t nn = 0;
	enum wt_status st = wt__find_numbers(text + s->span.start, s->span.end - s->span.start,
					     &num, &nn);
	if (st)
		return st;
	for (size_t k = 0; k < nn && !st; k++) {
		if (num[k].unit == WT_NUM_YEAR || num[k].unit == WT_NUM_DATE)
			continue; /* a date differs between updates without disagreeing */
		uint64_t noun = noun_hash(text, s->span.start + num[k].noun_start,
					  s->span.start + num[k].noun_end, tv);
		size_t place = 0;
		for (size_t q = 0; q < k; q++) {
			uint64_t other = noun_hash(text, s->span.start + num[q].noun_start,
						   s->span.start + num[q].noun_end, tv);
			place += other == noun && num[q].unit == num[k].unit;
		}
		if (!noun && num[k].unit == WT_NUM_PLAIN)
			continue; /* a bare figure: nothing says what it counts */
		if ((st = WT_GROW(*items, *cap, *n + 1, (size_t)-1)))
			break;
		struct item *it = &(*items)[(*n)++];
		memset(it, 0, sizeof(*it));
		it->article = s->article;
		it->order = order;
		/* the figure with what it counts: "12,400 passengers" */
		size_t end = num[k].noun_end > num[k].end && num[k].noun_start >= num[k].end
				     ? num[k].noun_end
				     : num[k].end;
		it->span = (struct wt_span){s->span.start + num[k].start, s->span.start + end};
		it->value = num[k].value;
		it->key = wt__mix64(wt__mix64(s->group * 0x9E3779B97F4A7C15ULL ^ noun) ^
				    ((uint64_t)num[k].unit << 8 | place));
	}
	wt__free(num);
	return st;
}

enum wt_status wt_story_claims(const struct wt_result *r, const struct wt_story_versions *v,
			       struct wt_claim **out, size_t *count)
{
	const struct wt_corpus *c = r->corpus;
	enum wt_status st = WT_OK;
	struct item *items = NULL, *quotes = NULL;
	size_t ni = 0, icap = 0, nq = 0, qcap = 0;
	struct wt_claim *claims = NULL;
	size_t nc = 0, ccap = 0;
	uint64_t *pool = NULL;
	size_t npool = 0, pcap = 0;
	struct wt__tokens tv = {0};
	size_t *gparent = NULL;       /* quotation groups */
	uint64_t *wording = NULL;     /* per quotation: the wording it counts as */
	size_t *version_first = NULL; /* per version of a claim: its first quotation */
	*out = NULL;
	*count = 0;
	size_t *order = wt__malloc((wt_corpus_count(c) + 1) * sizeof(*order));
	if (!order)
		return WT_ERR_NOMEM;
	for (size_t m = 0; m < v->n_versions; m++)
		order[v->versions[m].article] = m;

	/* 1. Numbers, sentence by sentence; quotations, article by article. */
	for (size_t s = 0; s < v->n_sentences && !st; s++) {
		const struct wt_story_sentence *ss = &v->sentences[s];
		st = sentence_numbers(wt_corpus_get(c, ss->article)->text, ss, order[ss->article],
				      &items, &ni, &icap, &tv);
	}
	for (size_t m = 0; m < v->n_versions && !st; m++) {
		size_t a = v->versions[m].article;
		const struct wt_article *art = wt_corpus_get(c, a);
		const char *text = r->chrome.texts ? r->chrome.texts[a] : art->text;
		struct wt__quote *q = NULL;
		size_t n = 0;
		if ((st = wt__find_quotes(text, art->text_len, &q, &n)))
			break;
		for (size_t k = 0; k < n && !st; k++) {
			if ((st = wt__tokenize(text + q[k].start, q[k].end - q[k].start, &tv)))
				break;
			if (tv.n < QUOTE_MIN_WORDS)
				continue;
			if ((st = WT_GROW(quotes, qcap, nq + 1, (size_t)-1)) ||
			    (st = WT_GROW(pool, pcap, npool + tv.n, (size_t)UINT32_MAX)))
				break;
			struct item *it = &quotes[nq++];
			memset(it, 0, sizeof(*it));
			it->article = a;
			it->order = m;
			it->span = (struct wt_span){q[k].start, q[k].end};
			it->wording = wt__text_hash(tv.v, tv.n);
			it->elided = has_ellipsis(text + q[k].start, q[k].end - q[k].start);
			it->tok = (uint32_t)npool;
			for (size_t t = 0; t < tv.n; t++)
				pool[npool + t] = tv.v[t].hash;
			qsort(pool + npool, tv.n, sizeof(*pool), cmp_u64);
			size_t u = 0;
			for (size_t t = 0; t < tv.n; t++)
				if (!u || pool[npool + t] != pool[npool + u - 1])
					pool[npool + u++] = pool[npool + t];
			it->ntok = (uint32_t)u;
			npool += u;
		}
		wt__free(q);
	}
	if (st)
		goto done;

	/* 2. Numbers: the same key in two articles with other values. */
	if (ni)
		qsort(items, ni, sizeof(*items), cmp_item_key);
	for (size_t lo = 0, hi; lo < ni; lo = hi) {
		int differ = 0;
		for (hi = lo + 1; hi < ni && items[hi].key == items[lo].key; hi++)
			differ |= items[hi].value != items[lo].value &&
				  items[hi].article != items[lo].article;
		if (!differ)
			continue;
		if ((st = WT_GROW(claims, ccap, nc + 1, (size_t)-1)))
			goto done;
		struct wt_claim *cl = &claims[nc++];
		memset(cl, 0, sizeof(*cl));
		cl->kind = WT_CLAIM_NUMBER;
		size_t vcap = 0;
		for (size_t k = lo; k < hi && !st; k++) {
			int same = -1;
			for (size_t x = 0; x < cl->n_versions && same < 0; x++)
				if (cl->versions[x].value == items[k].value)
					same = (int)x;
			st = add_version(cl, &vcap, &items[k], same);
		}
		if (st)
			goto done;
	}

	/* 3. Quotations, in story order: each joins the earlier group whose
	 * first quotation shares most of the shorter one's words, one per
	 * article, or opens a group. */
	gparent = wt__malloc((nq + 1) * sizeof(*gparent)); /* group of each: its first */
	wording = wt__malloc((nq + 1) * sizeof(*wording));
	version_first = wt__malloc((nq + 1) * sizeof(*version_first));
	if (!gparent || !wording || !version_first) {
		st = WT_ERR_NOMEM;
		goto done;
	}
	for (size_t k = 0; k < nq; k++) {
		const struct item *it = &quotes[k];
		size_t best = SIZE_MAX;
		double best_sim = 0;
		for (size_t e = 0; e < k; e++) {
			if (gparent[e] != e)
				continue; /* only groups' first quotations */
			int taken = quotes[e].article == it->article;
			for (size_t x = e + 1; x < k && !taken; x++)
				taken = gparent[x] == e && quotes[x].article == it->article;
			if (taken)
				continue;
			size_t shared = shared_sorted(pool + it->tok, it->ntok, pool + quotes[e].tok,
						      quotes[e].ntok);
			double sim = (double)shared / (double)WT_MIN(it->ntok, quotes[e].ntok);
			if (sim >= QUOTE_SAME && sim > best_sim) {
				best_sim = sim;
				best = e;
			}
		}
		gparent[k] = best == SIZE_MAX ? k : best;
	}
	for (size_t g = 0; g < nq; g++) {
		if (gparent[g] != g)
			continue;
		/* Versions: the first quotation's, joined by those with the
		 * same words or a part of them (quoting part of what someone
		 * said, or two sentences as one, changes nothing); a quotation
		 * cut with "..." or with words of its own is another. */
		size_t nv = 0;
		int conflict = 0;
		for (size_t k = g; k < nq; k++) {
			if (gparent[k] != g)
				continue;
			const struct item *it = &quotes[k], *f = &quotes[g];
			size_t shared = shared_sorted(pool + it->tok, it->ntok, pool + f->tok, f->ntok);
			int part = shared == WT_MIN(it->ntok, f->ntok) && it->elided == f->elided;
			wording[k] = part ? f->wording : it->wording;
			conflict |= !part;
			nv++;
		}
		if (nv < 2 || !conflict)
			continue;
		if ((st = WT_GROW(claims, ccap, nc + 1, (size_t)-1)))
			goto done;
		struct wt_claim *cl = &claims[nc++];
		memset(cl, 0, sizeof(*cl));
		cl->kind = WT_CLAIM_QUOTE;
		size_t vcap = 0;
		for (size_t k = g; k < nq && !st; k++) {
			if (gparent[k] != g)
				continue;
			int same = -1;
			for (size_t x = 0; x < cl->n_versions && same < 0; x++)
				if (wording[version_first[x]] == wording[k])
					same = (int)x;
			if (same < 0)
				version_first[cl->n_versions] = k;
			st = add_version(cl, &vcap, &quotes[k], same);
		}
		if (st)
			goto done;
	}
	*out = claims;
	*count = nc;
	claims = NULL;
	nc = 0;
done:
	wt_story_claims_free(claims, nc);
	wt__free(items);
	wt__free(quotes);
	wt__free(pool);
	wt__free(tv.v);
	wt__free(order);
	wt__free(gparent);
	wt__free(wording);
	wt__free(version_first);
	return st;
}

void wt_story_claims_free(struct wt_claim *claims, size_t count)
{
	if (!claims)
		return;
	for (size_t k = 0; k < count; k++) {
		for (size_t x = 0; x < claims[k].n_versions; x++)
			wt__free(claims[k].versions[x].articles);
		wt__free(claims[k].versions);
	}
	wt__free(claims);
}
