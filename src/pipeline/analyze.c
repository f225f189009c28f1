/*
 * analyze.c - the batch pipeline: tokenize and sketch every article, find
 * candidate pairs, align them, link families and give each article its
 * source and relation.  Sketching and alignment run on `threads` workers;
 * each writes only its own slots, and every later step runs in a fixed
 * order, so the result is the same for any number of threads.
 */
#include <math.h>
#include <stdatomic.h>
#include <stdlib.h>

#include "align/align.h"
#include "cluster/cluster.h"
#include "pipeline/pipeline.h"
#include "pipeline/result.h"
#include "prov/prov.h"
#include "core/arena.h"
#include "read/read.h"
#include "sketch/sketch.h"

void wt_options_default(struct wt_options *o)
{
	o->shingle = 5;
	o->num_perm = 128;
	o->bands = 32;
	o->seed_len = 4;
	o->min_passage = 8;
	o->max_gap = 8;
	o->max_candidates = 3;
	o->link_min = 0.3;
	o->verbatim_min = 0.8;
	o->edited_min = 0.3;
	o->story_min = 0.15;
	o->story_window = 14.0;
	o->stories = 1;
	o->chrome = 1;
	o->progress = NULL;
	o->progress_ud = NULL;
	o->threads = 0;
}


/* Per-article sketch kept between stages. */
struct sk {
	uint64_t text_hash;
	uint32_t ntok;
	uint32_t nfp;
	uint32_t first, last; /* bytes from the first token to the last */
	uint32_t same_as;     /* the article whose identical sketch this shares */
	uint32_t raw_same_as; /* the first article with byte-identical text */
	uint32_t *fp; /* in a worker's arena */
};

struct job {
	const struct wt_corpus *corpus;
	const char **texts; /* each article's text, site chrome blanked */
	const struct wt_options *o;
	struct sk *sk;
	uint32_t *sigs;
	struct wt__arena *arenas; /* one per worker */
	/* alignment stage */
	const struct wt__cand *cands;
	size_t ncands;
	struct wt_alignment *als;
	atomic_size_t next;
	atomic_int failed;
	size_t n;
	int winnow_w;
	/* per worker and script of the articles: document frequency by hash
	 * bits (allocated when a worker meets the first article in it) */
	uint32_t *(*counts)[WT_SCRIPTS];
	uint64_t **seen;       /* per worker: bitmap of words seen in an article */
	size_t (*docs)[WT_SCRIPTS]; /* per worker: articles counted, by script */
	struct wt__weights weights;
	/* Exact text hashes claimed so far: lock-free open addressing. */
	_Atomic uint64_t *claim_keys;
	_Atomic uint32_t *claim_vals; /* claimer index + 1, 0 while unset */
	size_t claim_mask;
};

/*
 * Claims an exact text hash for article i.  @return i when it is the first
 * with these tokens, else the index of the article that claimed them.
 */
static uint32_t claim_text(struct job *j, uint64_t h, uint32_t i)
{
	if (!h)
		h = 1;
	for (size_t k = wt__mix64(h) & j->claim_mask;; k = (k + 1) & j->claim_mask) {
		uint64_t cur = atomic_load(&j->claim_keys[k]);
		if (cur == 0) {
			uint64_t zero = 0;
			if (atomic_compare_exchange_strong(&j->claim_keys[k], &zero, h)) {
				atomic_store(&j->claim_vals[k], i + 1);
				return i;
			}
			cur = zero;
		}
		if (cur == h) {
			uint32_t v;
			while ((v = atomic_load(&j->claim_vals[k])) == 0)
				; /* the claimer is between its two stores */
			return v - 1;
		}
	}
}

struct worker {
	struct job *job;
	int id;
	enum wt_status st;
};

#define BATCH 64
#define RAW_SALT 0x5bd1e9955bd1e995ULL /* keeps raw and token hashes apart */
#define COUNT_BITS 20 /* token counters: 4 MiB per worker */

static void *sketch_worker(void *arg)
{
	struct worker *w = arg;
	struct job *j = w->job;
	const struct wt_options *o = j->o;
	struct wt__tokens tv = {0};
	uint64_t *sh = NULL;
	size_t shcap = 0;
	uint32_t *fp = NULL;
	size_t fpcap = 0;
	for (;;) {
		size_t lo = atomic_fetch_add(&j->next, BATCH);
		if (lo >= j->n || atomic_load(&j->failed))
			break;
		if (w->id == 0 && o->progress && (lo / BATCH) % 256 == 0)
			o->progress(o->progress_ud, "sketch", lo, j->n);
		size_t hi = WT_MIN(j->n, lo + BATCH);
		for (size_t i = lo; i < hi; i++) {
			const struct wt_article *a = &j->corpus->arts[i];
			/* A text identical byte for byte to one already claimed is
			 * not even tokenized (xxHash runs at memory speed); its
			 * sketch is copied once all workers are done. */
			const char *text = j->texts[i];
			uint64_t raw = wt__hash(text, a->text_len) ^ RAW_SALT;
			uint32_t raw_owner = claim_text(j, raw, (uint32_t)i);
			j->sk[i].raw_same_as = raw_owner;
			if (raw_owner != i)
				continue;
			enum wt_status st = wt__tokenize(text, a->text_len, &tv);
			if (!st)
				st = WT_GROW(sh, shcap, tv.n + 1, (size_t)UINT32_MAX);
			if (!st)
				st = WT_GROW(fp, fpcap, tv.n + 1, (size_t)UINT32_MAX);
			if (st) {
				w->st = st;
				atomic_store(&j->failed, 1);
				goto out;
			}
			struct sk *s = &j->sk[i];
			s->text_hash = wt__text_hash(tv.v, tv.n);
			s->ntok = (uint32_t)tv.n;
			s->first = tv.n ? tv.v[0].start : 0;
			s->last = tv.n ? tv.v[tv.n - 1].end : 0;
			s->same_as = (uint32_t)i;
			uint32_t owner = claim_text(j, s->text_hash, (uint32_t)i);
			if (owner != i) {
				/* The same tokens were sketched already (or are being
				 * sketched): the sketch is copied from there later. */
				s->same_as = owner;
				s->fp = NULL;
				s->nfp = 0;
				continue;
			}
			/* The article's script: the one most of its words are
			 * written in (digits and symbols belong to none), from
			 * 256 words at most, spread over the text. */
			size_t per_script[WT_SCRIPTS] = {0};
			size_t step = tv.n / 256 + 1;
			for (size_t t = 0; t < tv.n; t += step)
				per_script[wt__script_at(text, a->text_len, tv.v[t].start)]++;
			int main_script = WT_SCRIPT_COMMON;
			for (int sc = 1; sc < WT_SCRIPTS; sc++)
				if (per_script[sc] && (!main_script || per_script[sc] > per_script[main_script]))
					main_script = sc;
			uint32_t **cntp = &j->counts[w->id][main_script];
			if (!*cntp && !(*cntp = wt__calloc((size_t)1 << COUNT_BITS, sizeof(uint32_t)))) {
				w->st = WT_ERR_NOMEM;
				atomic_store(&j->failed, 1);
				goto out;
			}
			/* Document frequencies: each word once per article, found
			 * with a bitmap that is cleared again after the article. */
			uint32_t *cnt = *cntp;
			uint64_t *seen = j->seen[w->id];
			for (size_t t = 0; t < tv.n; t++) {
				uint32_t b = (uint32_t)(tv.v[t].hash >> (64 - COUNT_BITS));
				uint64_t bit = (uint64_t)1 << (b & 63);
				cnt[b] += !(seen[b >> 6] & bit);
				seen[b >> 6] |= bit;
			}
			for (size_t t = 0; t < tv.n; t++)
				seen[(tv.v[t].hash >> (64 - COUNT_BITS)) >> 6] = 0;
			j->docs[w->id][main_script]++;
			size_t ns = wt__shingles(tv.v, tv.n, o->shingle, sh);
			wt__minhash(sh, ns, o->num_perm, j->sigs + i * (size_t)o->num_perm);
			size_t nf = wt__winnow(sh, ns, j->winnow_w, fp);
			s->nfp = (uint32_t)nf;
			s->fp = wt__arena_alloc(&j->arenas[w->id], nf * sizeof(uint32_t) + 1);
			if (!s->fp) {
				w->st = WT_ERR_NOMEM;
				atomic_store(&j->failed, 1);
				goto out;
			}
			memcpy(s->fp, fp, nf * sizeof(uint32_t));
		}
	}
out:
	wt__free(tv.v);
	wt__free(sh);
	wt__free(fp);
	return NULL;
}

static void *align_worker(void *arg)
{
	struct worker *w = arg;
	struct job *j = w->job;
	struct wt__tokens ta = {0}, tb = {0};
	struct wt__align_scratch scr = {0};
	uint32_t last_a = UINT32_MAX;
	for (;;) {
		size_t lo = atomic_fetch_add(&j->next, 8);
		if (lo >= j->ncands || atomic_load(&j->failed))
			break;
		if (w->id == 0 && j->o->progress && (lo / 8) % 1024 == 0)
			j->o->progress(j->o->progress_ud, "align", lo, j->ncands);
		size_t hi = WT_MIN(j->ncands, lo + 8);
		for (size_t p = lo; p < hi; p++) {
			const struct wt__cand *c = &j->cands[p];
			const struct wt_article *a = &j->corpus->arts[c->a];
			const struct wt_article *b = &j->corpus->arts[c->b];
			enum wt_status st = WT_OK;
			if (c->a != last_a) { /* pairs come sorted by a */
				st = wt__tokenize(j->texts[c->a], a->text_len, &ta);
				last_a = c->a;
			}
			if (!st)
				st = wt__tokenize(j->texts[c->b], b->text_len, &tb);
			if (!st)
				st = wt__align_tokens(ta.v, ta.n, tb.v, tb.n, j->o, &scr, 0, &j->weights,
						      &j->als[p]);
			if (!st) /* the MinHash estimate: exact sets cost a sort */
				j->als[p].jaccard = wt__minhash_jaccard(
					j->sigs + (size_t)c->a * j->o->num_perm,
					j->sigs + (size_t)c->b * j->o->num_perm, j->o->num_perm);
			if (st) {
				w->st = st;
				atomic_store(&j->failed, 1);
				last_a = UINT32_MAX;
				goto out;
			}
		}
	}
out:
	wt__free(ta.v);
	wt__free(tb.v);
	wt__align_scratch_release(&scr);
	return NULL;
}

static int thread_count(const struct wt_options *o, size_t work)
{
	int t = wt__threads(o->threads);
	if ((size_t)t > work / 16 + 1)
		t = (int)(work / 16 + 1);
	return t;
}

/* Runs fn on nthreads workers (the caller's thread is one of them). */
static enum wt_status run_workers(struct job *j, int nthreads, void *(*fn)(void *))
{
	struct worker ws[WT__MAX_THREADS];
	atomic_store(&j->next, 0);
	atomic_store(&j->failed, 0);
	for (int t = 0; t < nthreads; t++)
		ws[t] = (struct worker){j, t, WT_OK};
	wt__run_workers(nthreads, fn, ws, sizeof(*ws));
	for (int t = 0; t < nthreads; t++)
		if (ws[t].st)
			return ws[t].st;
	return WT_OK;
}

/* ---- families and relations ------------------------------------------ */

static uint32_t uf_find(uint32_t *parent, uint32_t x)
{
	while (parent[x] != x) {
		parent[x] = parent[parent[x]];
		x = parent[x];
	}
	return x;
}

static void uf_union(uint32_t *parent, const uint32_t *order, uint32_t x, uint32_t y)
{
	x = uf_find(parent, x);
	y = uf_find(parent, y);
	if (x == y)
		return;
	/* The root is the earliest member, so a family's id is its original. */
	if (order[y] < order[x]) {
		uint32_t t = x;
		x = y;
		y = t;
	}
	parent[y] = x;
}

static int cmp_pairs(const void *x, const void *y)
{
	const struct wt_pair *p = x, *q = y;
	if (p->a != q->a)
		return p->a < q->a ? -1 : 1;
	return p->b < q->b ? -1 : p->b > q->b;
}

struct ordkey {
	int64_t time;
	uint32_t idx;
};

static int cmp_ord(const void *x, const void *y)
{
	const struct ordkey *p = x, *q = y;
	int t = wt__cmp_time(p->time, q->time);
	if (t)
		return t;
	return p->idx < q->idx ? -1 : p->idx > q->idx;
}

struct hrow {
	uint64_t hash;
	uint32_t ord, idx;
};

static int cmp_hrow(const void *x, const void *y)
{
	const struct hrow *p = x, *q = y;
	if (p->hash != q->hash)
		return p->hash < q->hash ? -1 : 1;
	return p->ord < q->ord ? -1 : p->ord > q->ord;
}

/*
 * The coverage that decides links and relations: the aligned share of the
 * tokens, or of their corpus weight when that is lower.  Two notices built
 * on one template share most words but not the names and numbers that make
 * each one news; their weighted share is low, so they are not copies.
 */
#define MIN_LINK_WORDS 25
#define DIRECTION_MARGIN 0.05 /* coverage gap that orders an undated pair */

static double decision_cov(const struct wt_alignment *al, int side_b)
{
	return side_b ? WT_MIN(al->coverage_b, al->informative_b)
		      : WT_MIN(al->coverage_a, al->informative_a);
}

/*
 * Whether an aligned pair links its articles into one family: enough of
 * one of them is aligned, and the aligned text is long enough to be more
 * than a shared line (an agency's copyright notice is 18 words and covers
 * half of a two-line brief), unless both texts are nearly all aligned.
 */
static int pair_links(const struct wt_options *o, const struct wt_alignment *al,
		      uint32_t ntok_a, uint32_t ntok_b)
{
	if (WT_MAX(decision_cov(al, 0), decision_cov(al, 1)) < o->link_min)
		return 0;
	double words = WT_MAX(al->coverage_a * ntok_a, al->coverage_b * ntok_b);
	/* Two short texts that are nearly the same are copies however short. */
	return words >= MIN_LINK_WORDS ||
	       WT_MIN(decision_cov(al, 0), decision_cov(al, 1)) >= o->verbatim_min;
}

/*
 * Whether two articles whose texts are identical but short (under
 * MIN_LINK_WORDS words) are copies: a page whose extracted text is only
 * its site's chrome ("Chat with us in Facebook Messenger") has the same
 * text as every other such page.  Their titles decide: copies share at
 * least half the words of the shorter title.  Without a title on either
 * side the texts decide alone.
 */
static int short_copies(const struct wt_article *a, const struct wt_article *b,
			struct wt__tokens *ta, struct wt__tokens *tb, enum wt_status *st)
{
	if (!a->title || !b->title || !strcmp(a->title, b->title))
		return 1;
	if ((*st = wt__tokenize(a->title, strlen(a->title), ta)) ||
	    (*st = wt__tokenize(b->title, strlen(b->title), tb)))
		return 0;
	size_t shared = 0;
	for (size_t i = 0; i < ta->n; i++)
		for (size_t j = 0; j < tb->n; j++)
			if (ta->v[i].hash == tb->v[j].hash) {
				shared++;
				break;
			}
	size_t shorter = WT_MIN(ta->n, tb->n);
	return 2 * shared >= shorter;
}

static enum wt_relation relation_of(const struct wt_options *o, double cov_self,
				    double cov_source)
{
	if (cov_self >= o->verbatim_min)
		return WT_REL_VERBATIM;
	if (cov_self >= o->edited_min)
		return WT_REL_EDITED;
	/* Little of it is copied, but it holds most of its source: an
	 * expanded version, edited with its own additions. */
	if (cov_source >= o->link_min)
		return WT_REL_EDITED;
	return WT_REL_INDEPENDENT;
}

/* Agency credits, found once per distinct text when a direction needs
 * them. */
struct credit_cache {
	const struct wt_corpus *corpus;
	const struct sk *sk;
	struct wt_span *agency; /* per text owner */
	uint8_t *done;
};

static struct wt_span agency_of(struct credit_cache *cc, size_t i)
{
	uint32_t owner = cc->sk[i].raw_same_as;
	if (!cc->done[owner]) {
		const struct wt_article *a = &cc->corpus->arts[owner];
		struct wt_credits cr;
		wt_find_credits(a->text, a->text_len, &cr);
		cc->agency[owner] = cr.agency;
		cc->done[owner] = 1;
	}
	return cc->agency[owner];
}

/*
 * Shared across processes: each aligned its share of the candidates,
 * als[lo, hi); every process receives the others' (scores and passages)
 * so that all hold every alignment.
 */
static enum wt_status share_alignments(const struct wt_exchange *ex, struct wt_alignment *als,
				       size_t ncands)
{
	size_t lo, hi, np = 0;
	wt__ex_share(ex, ncands, &lo, &hi);
	for (size_t p = lo; p < hi; p++)
		np += als[p].n_passages;
	/* per pair: five doubles and a count; per passage: four offsets */
	size_t words = (hi - lo) * 6 + np * 4;
	uint64_t *buf = malloc((words + 1) * sizeof(*buf)), *w = buf;
	size_t *lens = calloc((size_t)ex->size, sizeof(*lens));
	void *all = NULL;
	enum wt_status st = buf && lens ? WT_OK : WT_ERR_NOMEM;
	for (size_t p = lo; !st && p < hi; p++) {
		const struct wt_alignment *al = &als[p];
		double d[5] = {al->jaccard, al->coverage_a, al->coverage_b, al->informative_a,
			       al->informative_b};
		memcpy(w, d, sizeof(d));
		w += 5;
		*w++ = al->n_passages;
		for (size_t k = 0; k < al->n_passages; k++) {
			*w++ = al->passages[k].a.start;
			*w++ = al->passages[k].a.end;
			*w++ = al->passages[k].b.start;
			*w++ = al->passages[k].b.end;
		}
	}
	if (!st)
		st = wt__ex_allgather(ex, buf, words * sizeof(*buf), &all, lens);
	const uint64_t *r = all;
	for (int q = 0; !st && q < ex->size; q++) {
		struct wt_exchange other = *ex;
		other.rank = q;
		size_t qlo, qhi;
		wt__ex_share(&other, ncands, &qlo, &qhi);
		const uint64_t *end = r + lens[q] / sizeof(*r);
		for (size_t p = qlo; !st && p < qhi; p++) {
			if (r + 6 > end) {
				st = WT_ERR_INTERNAL;
				break;
			}
			if (q == ex->rank) { /* ours already */
				r += 6 + 4 * r[5];
				continue;
			}
			struct wt_alignment *al = &als[p];
			double d[5];
			memcpy(d, r, sizeof(d));
			al->jaccard = d[0];
			al->coverage_a = d[1];
			al->coverage_b = d[2];
			al->informative_a = d[3];
			al->informative_b = d[4];
			al->n_passages = r[5];
			r += 6;
			if (r + 4 * al->n_passages > end) {
				st = WT_ERR_INTERNAL;
				break;
			}
			al->passages = al->n_passages
					       ? wt__malloc(al->n_passages * sizeof(*al->passages))
					       : NULL;
			if (al->n_passages && !al->passages) {
				al->n_passages = 0;
				st = WT_ERR_NOMEM;
				break;
			}
			for (size_t k = 0; k < al->n_passages; k++, r += 4)
				al->passages[k] = (struct wt_passage){{r[0], r[1]}, {r[2], r[3]}};
		}
		r = end;
	}
	free(all);
	free(buf);
	free(lens);
	return st;
}

enum wt_status wt_analyze(const struct wt_corpus *corpus,
			  const struct wt_options *opts, struct wt_result **out)
{
	return wt_analyze_shared(corpus, opts, NULL, out);
}

enum wt_status wt_analyze_shared(const struct wt_corpus *corpus,
				 const struct wt_options *opts,
				 const struct wt_exchange *ex, struct wt_result **out)
{
	if (ex && (ex->size < 1 || ex->rank < 0 || ex->rank >= ex->size || !ex->alltoall))
		return WT_ERR_INVALID;
	if (ex && ex->size == 1)
		ex = NULL;
	if (!corpus || !out)
		return WT_ERR_INVALID;
	struct wt_options o;
	if (opts)
		o = *opts;
	else
		wt_options_default(&o);
	if (o.num_perm < 8 || o.num_perm > WT_MAX_PERM || o.bands < 1 ||
	    o.num_perm % o.bands || o.shingle < 1 || o.shingle > 32 ||
	    o.seed_len < 2 || o.seed_len > 32 || o.min_passage < 1 ||
	    o.max_gap < 0 || o.max_candidates < 1)
		return WT_ERR_INVALID;
	if (corpus->n > UINT32_MAX - 2)
		return WT_ERR_LIMIT;

	size_t n = corpus->n;
	enum wt_status st = WT_OK;
	struct wt_result *r = wt__calloc(1, sizeof(*r));
	struct sk *sk = wt__calloc(n + 1, sizeof(*sk));
	uint32_t *sigs = wt__malloc((n + 1) * (size_t)o.num_perm * sizeof(uint32_t));
	uint32_t *order = wt__malloc((n + 1) * sizeof(uint32_t));
	uint8_t *active = wt__malloc(n + 1);
	uint32_t *rep = wt__malloc((n + 1) * sizeof(uint32_t));
	uint32_t *parent = wt__malloc((n + 1) * sizeof(uint32_t));
	struct ordkey *ok = wt__malloc((n + 1) * sizeof(*ok));
	struct hrow *hr = wt__malloc((n + 1) * sizeof(*hr));
	uint32_t **fps = wt__malloc((n + 1) * sizeof(*fps));
	uint32_t *nfp = wt__malloc((n + 1) * sizeof(*nfp));
	int64_t *times = wt__malloc((n + 1) * sizeof(*times));
	int nthreads = thread_count(&o, n);
	struct wt__arena *arenas = wt__calloc((size_t)nthreads, sizeof(*arenas));
	struct wt__cand *cands = NULL;
	size_t ncands = 0;
	struct wt_alignment *als = NULL;
	uint32_t *counts = NULL;
	float *idf = NULL;
	uint32_t *fam32 = NULL, *story32 = NULL;
	struct wt__chrome chrome = {0};
	if (!r || !sk || !sigs || !order || !active || !rep || !parent || !ok ||
	    !hr || !fps || !nfp || !times || !arenas) {
		st = WT_ERR_NOMEM;
		goto fail;
	}
	r->corpus = corpus;
	r->arts = wt__calloc(n + 1, sizeof(*r->arts));
	if (!r->arts) {
		st = WT_ERR_NOMEM;
		goto fail;
	}
	r->stats.articles = n;

	/* 0. Page chrome, blanked in copies of the texts. */
	double tc = wt__now();
	if (o.chrome) {
		if ((st = wt__chrome(corpus, o.threads, &chrome)))
			goto fail;
	} else {
		if (!(chrome.texts = wt__malloc((n + 1) * sizeof(*chrome.texts)))) {
			st = WT_ERR_NOMEM;
			goto fail;
		}
		for (size_t i = 0; i < n; i++)
			chrome.texts[i] = corpus->arts[i].text;
	}
	r->stats.chrome_articles = chrome.articles;
	r->stats.chrome_lines = chrome.lines;
	r->stats.chrome_rule_lines = chrome.rule_lines;
	r->stats.chrome_site_lines = chrome.site_lines;
	r->stats.chrome_corpus_lines = chrome.corpus_lines;
	r->stats.chrome_links = chrome.links;

	/* 1. Tokenize and sketch. */
	double t0 = wt__now();
	r->stats.seconds_chrome = t0 - tc;
	struct job job = {0};
	job.corpus = corpus;
	job.texts = chrome.texts;
	job.o = &o;
	job.sk = sk;
	job.sigs = sigs;
	job.arenas = arenas;
	job.n = n;
	job.winnow_w = 8;
	for (int t = 0; t < nthreads; t++)
		wt__arena_init(&arenas[t]);
	size_t ccap = 16;
	while (ccap < 4 * n) /* raw and token hashes */
		ccap *= 2;
	job.claim_keys = wt__calloc(ccap, sizeof(*job.claim_keys));
	job.claim_vals = wt__calloc(ccap, sizeof(*job.claim_vals));
	job.claim_mask = ccap - 1;
	if (!job.claim_keys || !job.claim_vals) {
		wt__free((void *)job.claim_keys);
		wt__free((void *)job.claim_vals);
		st = WT_ERR_NOMEM;
		goto fail;
	}
	job.counts = wt__calloc((size_t)nthreads, sizeof(*job.counts));
	job.seen = wt__calloc((size_t)nthreads, sizeof(*job.seen));
	job.docs = wt__calloc((size_t)nthreads, sizeof(*job.docs));
	for (int t = 0; job.seen && t < nthreads; t++)
		if (!(job.seen[t] = wt__calloc((size_t)1 << (COUNT_BITS - 6), sizeof(uint64_t))))
			st = WT_ERR_NOMEM;
	if (!job.counts || !job.seen || !job.docs)
		st = WT_ERR_NOMEM;
	if (!st)
		st = run_workers(&job, nthreads, sketch_worker);
	size_t docs[WT_SCRIPTS] = {0};
	for (int t = 0; job.docs && t < nthreads; t++)
		for (int sc = 0; sc < WT_SCRIPTS; sc++)
			docs[sc] += job.docs[t][sc];
	for (int t = 0; job.seen && t < nthreads; t++)
		wt__free(job.seen[t]);
	wt__free(job.seen);
	wt__free(job.docs);
	job.seen = NULL;
	job.docs = NULL;
	if (!st && job.counts) {
		/* One table of document frequencies, and inverse frequencies
		 * for the stories stage from the same counts (each word's
		 * among the texts of its script, below). */
		size_t all = 0;
		for (int sc = 0; sc < WT_SCRIPTS; sc++)
			all += docs[sc];
		/* each script's counts in one table: the first worker's with
		 * the others' added in */
		uint32_t *by[WT_SCRIPTS] = {NULL};
		int present[WT_SCRIPTS], np = 0;
		for (int sc = 0; sc < WT_SCRIPTS; sc++) {
			for (int t = 0; t < nthreads; t++) {
				uint32_t *c = job.counts[t][sc];
				if (!c)
					continue;
				if (!by[sc]) {
					by[sc] = c;
					job.counts[t][sc] = NULL;
					continue;
				}
				for (size_t x = 0; x < ((size_t)1 << COUNT_BITS); x++)
					by[sc][x] += c[x];
			}
			if (by[sc])
				present[np++] = sc;
		}
		idf = wt__malloc(((size_t)1 << COUNT_BITS) * sizeof(*idf));
		if (np == 1) { /* texts of one script: its counts are all */
			counts = by[present[0]];
			by[present[0]] = NULL;
		} else {
			counts = wt__calloc((size_t)1 << COUNT_BITS, sizeof(*counts));
		}
		if (!counts || !idf)
			st = WT_ERR_NOMEM;
		for (size_t x = 0; !st && x < ((size_t)1 << COUNT_BITS); x++) {
			/* The texts a word's rarity is measured among: those of
			 * the script it is most often in, and the others that
			 * hold it.  Urdu's function words are in every Urdu text,
			 * and common however many English texts lie beside;
			 * the few English words that share their hash bits do
			 * not make them look rare. */
			size_t total = 0, dom = 0, d = all;
			if (np == 1) {
				total = counts[x];
			} else {
				int ds = -1;
				for (int q = 0; q < np; q++) {
					size_t c = by[present[q]][x];
					total += c;
					if (c > dom)
						dom = c, ds = present[q];
				}
				counts[x] = (uint32_t)total;
				if (ds >= 0)
					d = docs[ds] + (total - dom);
			}
			/* a word in no text (a title's own) is as rare as can be */
			idf[x] = (float)log((1.0 + (double)d) / (1.0 + (double)total));
		}
		for (int sc = 0; sc < WT_SCRIPTS; sc++)
			wt__free(by[sc]);
	}
	for (int t = 0; job.counts && t < nthreads; t++)
		for (int sc = 0; sc < WT_SCRIPTS; sc++)
			wt__free(job.counts[t][sc]);
	wt__free(job.counts);
	job.counts = NULL;
	if (!st && counts) {
		/* Weights overwrite the counts in place: same size, one pass. */
		double k = WT_MAX(50.0, n / 200.0);
		float *wt = (float *)(void *)counts;
		for (size_t x = 0; x < ((size_t)1 << COUNT_BITS); x++)
			wt[x] = (float)(1.0 / (1.0 + counts[x] / k));
	}
	job.weights = (struct wt__weights){(const float *)(void *)counts, COUNT_BITS};
	wt__free((void *)job.claim_keys);
	wt__free((void *)job.claim_vals);
	if (st)
		goto fail;
	for (size_t i = 0; i < n; i++) {
		uint32_t owner = sk[i].raw_same_as;
		if (owner == i)
			continue;
		sk[i] = sk[owner]; /* the owner is final: it is no raw copy itself */
		sk[i].raw_same_as = owner;
	}
	for (size_t i = 0; i < n; i++) {
		uint32_t src = sk[i].same_as;
		if (src == i)
			continue;
		memcpy(sigs + i * (size_t)o.num_perm, sigs + (size_t)src * o.num_perm,
		       (size_t)o.num_perm * sizeof(uint32_t));
		sk[i].fp = sk[src].fp;
		sk[i].nfp = sk[src].nfp;
	}
	for (size_t i = 0; i < n; i++) {
		r->stats.tokens += sk[i].ntok;
		fps[i] = sk[i].fp;
		nfp[i] = sk[i].nfp;
	}
	double t1 = wt__now();
	r->stats.seconds_sketch = t1 - t0;

	if (o.progress)
		o.progress(o.progress_ud, "candidates", 0, 1);
	/* 2. Order by date, collapse exact duplicates, find candidates. */
	for (size_t i = 0; i < n; i++)
		ok[i] = (struct ordkey){corpus->arts[i].time, (uint32_t)i};
	qsort(ok, n, sizeof(*ok), cmp_ord);
	for (size_t i = 0; i < n; i++)
		order[ok[i].idx] = (uint32_t)i;
	for (size_t i = 0; i < n; i++)
		hr[i] = (struct hrow){sk[i].text_hash, order[i], (uint32_t)i};
	qsort(hr, n, sizeof(*hr), cmp_hrow);
	uint32_t head = 0;
	for (size_t i = 0; i < n; i++) {
		int first = i == 0 || hr[i].hash != hr[i - 1].hash;
		if (first)
			head = hr[i].idx;
		rep[hr[i].idx] = head;
		active[hr[i].idx] = (uint8_t)first && sk[hr[i].idx].ntok > 0;
		if (first && i + 1 < n && hr[i + 1].hash == hr[i].hash)
			r->stats.exact_groups++;
	}
	for (size_t i = 0; i < n; i++)
		times[i] = corpus->arts[i].time;
	struct wt__cand_input ci = {n, order, times, active, sigs, o.num_perm, o.bands,
				    (const uint32_t *const *)fps, nfp, o.max_candidates, nthreads, ex};
	if ((st = wt__candidates(&ci, &cands, &ncands, &r->stats.lsh_candidates,
				 &r->stats.containment_candidates)))
		goto fail;
	double t2 = wt__now();
	r->stats.seconds_candidates = t2 - t1;

	/* 3. Align. */
	als = wt__calloc(ncands + 1, sizeof(*als));
	if (!als) {
		st = WT_ERR_NOMEM;
		goto fail;
	}
	{
		size_t lo, hi; /* shared: this process aligns its share */
		wt__ex_share(ex, ncands, &lo, &hi);
		job.cands = cands + lo;
		job.ncands = hi - lo;
		job.als = als + lo;
		if ((st = run_workers(&job, thread_count(&o, hi - lo), align_worker)))
			goto fail;
		if (ex && (st = share_alignments(ex, als, ncands)))
			goto fail;
	}
	r->stats.aligned_pairs = ncands;
	double t3 = wt__now();
	r->stats.seconds_align = t3 - t2;

	/* 4. Families: union of pairs with enough aligned text, and of exact
	 * duplicates. */
	for (size_t i = 0; i < n; i++)
		parent[i] = (uint32_t)i;
	size_t keep = 0;
	for (size_t p = 0; p < ncands; p++) {
		struct wt_alignment *al = &als[p];
		int dup = rep[cands[p].a] == rep[cands[p].b];
		if (dup || pair_links(&o, al, sk[cands[p].a].ntok, sk[cands[p].b].ntok)) {
			uf_union(parent, order, cands[p].a, cands[p].b);
			r->stats.linked_pairs++;
		}
		if (al->n_passages || dup)
			keep++;
	}
	/* Each duplicate pairs with the earliest copy of its text: the same
	 * tokens, so one passage from the first token to the last. */
	size_t ndup = 0;
	struct wt__tokens ta = {0}, tb = {0};
	for (size_t i = 0; i < n && !st; i++) {
		if (rep[i] != i && sk[i].ntok > 0 && sk[i].ntok < MIN_LINK_WORDS &&
		    !short_copies(&corpus->arts[rep[i]], &corpus->arts[i], &ta, &tb, &st))
			rep[i] = (uint32_t)i; /* the same chrome, not a copy */
		ndup += rep[i] != i && sk[i].ntok > 0;
	}
	wt__free(ta.v);
	wt__free(tb.v);
	if (st)
		goto fail;
	r->pairs = wt__malloc((keep + ndup + 1) * sizeof(*r->pairs));
	if (!r->pairs) {
		st = WT_ERR_NOMEM;
		goto fail;
	}
	for (size_t p = 0; p < ncands; p++) {
		int dup = rep[cands[p].a] == rep[cands[p].b];
		if (als[p].n_passages || dup) {
			int linked = dup || pair_links(&o, &als[p], sk[cands[p].a].ntok,
						       sk[cands[p].b].ntok);
			r->pairs[r->npairs++] = (struct wt_pair){cands[p].a, cands[p].b, als[p], linked};
			memset(&als[p], 0, sizeof(als[p]));
		} else {
			wt_alignment_release(&als[p]);
		}
	}
	for (size_t i = 0; i < n; i++) {
		if (rep[i] == i || sk[i].ntok == 0)
			continue;
		uint32_t x = rep[i], y = (uint32_t)i;
		uf_union(parent, order, x, y);
		r->stats.linked_pairs++;
		struct wt_passage *ps = wt__malloc(sizeof(*ps));
		if (!ps) {
			st = WT_ERR_NOMEM;
			goto fail;
		}
		uint32_t a = WT_MIN(x, y), b = WT_MAX(x, y);
		ps->a = (struct wt_span){sk[a].first, sk[a].last};
		ps->b = (struct wt_span){sk[b].first, sk[b].last};
		r->pairs[r->npairs++] = (struct wt_pair){
			a, b, {.jaccard = 1.0, .coverage_a = 1.0, .coverage_b = 1.0,
			       .informative_a = 1.0, .informative_b = 1.0,
			       .n_passages = 1, .passages = ps}, 1};
	}
	qsort(r->pairs, r->npairs, sizeof(*r->pairs), cmp_pairs);

	/* Sources: for each article, the earlier family member that covers
	 * most of it. */
	for (size_t i = 0; i < n; i++) {
		struct wt_article_result *ar = &r->arts[i];
		ar->family = uf_find(parent, (uint32_t)i);
		ar->source = WT_NONE;
		ar->relation = WT_REL_ORIGINAL;
		ar->coverage = 0;
		if (ar->family == i)
			r->stats.families++;
	}
	double *best = wt__malloc((n + 1) * sizeof(double));
	if (!best) {
		st = WT_ERR_NOMEM;
		goto fail;
	}
	for (size_t i = 0; i < n; i++)
		best[i] = -1;
	struct credit_cache cc = {corpus, sk, wt__malloc((n + 1) * sizeof(struct wt_span)),
				  wt__calloc(n + 1, 1)};
	if (!cc.agency || !cc.done) {
		wt__free(cc.agency);
		wt__free(cc.done);
		wt__free(best);
		st = WT_ERR_NOMEM;
		goto fail;
	}
	for (size_t p = 0; p < r->npairs; p++) {
		const struct wt_pair *pr = &r->pairs[p];
		uint32_t x = (uint32_t)pr->a, y = (uint32_t)pr->b;
		if (r->arts[x].family != r->arts[y].family)
			continue;
		/* later = the copy; earlier = its candidate source.  Dates
		 * decide; where they are equal or missing, the article more
		 * completely aligned is the copy (a reprint, trimmed or not,
		 * is nearly all source text; the source holds more of its own),
		 * and only then input order. */
		uint32_t later = order[x] > order[y] ? x : y;
		int64_t tx = corpus->arts[x].time, ty = corpus->arts[y].time;
		enum wt_rule rule = WT_RULE_DATE;
		if (tx == WT_TIME_UNKNOWN || ty == WT_TIME_UNKNOWN || tx == ty) {
			rule = WT_RULE_ORDER;
			double cx = decision_cov(&pr->alignment, 0), cy = decision_cov(&pr->alignment, 1);
			const struct wt_article *ax = &corpus->arts[x], *ay = &corpus->arts[y];
			int x_credits_y = wt__credit_names_site(ax->text, agency_of(&cc, x), ay);
			int y_credits_x = wt__credit_names_site(ay->text, agency_of(&cc, y), ax);
			if (x_credits_y != y_credits_x) {
				/* the agency's own article is the source */
				later = x_credits_y ? x : y;
				rule = WT_RULE_CREDIT;
			} else if (rep[x] != rep[y] && fabs(cx - cy) > DIRECTION_MARGIN) {
				later = cx > cy ? x : y;
				rule = WT_RULE_COVERAGE;
			}
		}
		uint32_t earlier = later == x ? y : x;
		double cov_l = decision_cov(&pr->alignment, later != x);
		double cov_e = decision_cov(&pr->alignment, later == x);
		int dup = rep[x] == rep[y];
		double score = dup ? 2.0 : cov_l + 1e-3 * cov_e;
		if (!dup && !pr->linked)
			continue;
		struct wt_article_result *ar = &r->arts[later];
		if (score > best[later] ||
		    (score == best[later] && order[earlier] < order[ar->source])) {
			best[later] = score;
			ar->source = earlier;
			ar->coverage = dup ? 1.0 : cov_l;
			ar->relation = dup ? WT_REL_DUPLICATE : relation_of(&o, cov_l, cov_e);
			ar->rule = rule;
		}
	}
	wt__free(best);
	wt__free(cc.agency);
	wt__free(cc.done);
	/* Coverage can order undated pairs in a circle (a copies b, b copies
	 * c, c copies a): the circle is cut at its earliest member by input,
	 * which becomes the original. */
	uint32_t *mark = wt__calloc(n + 1, sizeof(*mark));
	if (!mark) {
		st = WT_ERR_NOMEM;
		goto fail;
	}
	for (size_t i = 0; i < n; i++) {
		size_t x = i;
		while (x != WT_NONE && !mark[x]) {
			mark[x] = (uint32_t)i + 1;
			x = r->arts[x].source;
		}
		if (x == WT_NONE || mark[x] != i + 1)
			continue; /* reached an original, or a chain seen before */
		size_t cut = x;
		for (size_t y = r->arts[x].source; y != x; y = r->arts[y].source)
			if (order[y] < order[cut])
				cut = y;
		r->arts[cut].source = WT_NONE;
		r->arts[cut].relation = WT_REL_ORIGINAL;
		r->arts[cut].coverage = 0;
		r->arts[cut].rule = WT_RULE_NONE;
	}
	/* A family is named after its original: the article its earliest
	 * member's chain of sources leads to (the earliest itself when dated). */
	for (size_t i = 0; i < n; i++)
		mark[i] = UINT32_MAX;
	for (size_t i = 0; i < n; i++) {
		size_t root = r->arts[i].family;
		if (mark[root] == UINT32_MAX) {
			size_t x = root, steps = 0;
			while (r->arts[x].source != WT_NONE && steps++ < n)
				x = r->arts[x].source;
			mark[root] = (uint32_t)x;
		}
	}
	for (size_t i = 0; i < n; i++)
		r->arts[i].family = mark[r->arts[i].family];
	wt__free(mark);
	double t4 = wt__now();
	r->stats.seconds_families = t4 - t3;

	if (o.progress)
		o.progress(o.progress_ud, "stories", 0, 1);
	/* 5. Stories. */
	fam32 = wt__malloc((n + 1) * sizeof(*fam32));
	story32 = wt__malloc((n + 1) * sizeof(*story32));
	if (!fam32 || !story32) {
		st = WT_ERR_NOMEM;
		goto fail;
	}
	for (size_t i = 0; i < n; i++)
		fam32[i] = (uint32_t)r->arts[i].family;
	struct wt__story_input si = {corpus, chrome.texts, fam32, rep, idf, COUNT_BITS,
				     o.story_window, o.story_min, thread_count(&o, n)};
	if (!o.stories)
		memcpy(story32, fam32, n * sizeof(*story32));
	else if (n && (st = wt__stories(&si, story32)))
		goto fail;
	for (size_t i = 0; i < n; i++) {
		r->arts[i].story = story32[i];
		r->stats.stories += story32[i] == i;
	}
	double t5 = wt__now();
	r->stats.seconds_stories = t5 - t4;
	/* 6. Provenance across families: rewrites and independent reports. */
	struct wt__prov_input pi = {corpus, chrome.texts, order, idf, COUNT_BITS, &o};
	if (o.stories && (st = wt__provenance(&pi, r->arts, &r->stats.rewrites,
					      &r->stats.independents)))
		goto fail;
	r->stats.seconds_provenance = wt__now() - t5;
	r->chrome = chrome; /* the texts later stages read: the result keeps them */
	memset(&chrome, 0, sizeof(chrome));
	/* Each story's members, for the stages that read one story at a time. */
	r->members = wt__malloc((n + 1) * sizeof(*r->members));
	r->mstart = wt__calloc(n + 2, sizeof(*r->mstart));
	if (!r->members || !r->mstart) {
		st = WT_ERR_NOMEM;
		goto fail;
	}
	for (size_t i = 0; i < n; i++)
		r->mstart[r->arts[i].story + 1]++;
	for (size_t s = 0; s < n; s++)
		r->mstart[s + 1] += r->mstart[s];
	for (size_t i = 0; i < n; i++)
		r->members[r->mstart[r->arts[i].story]++] = i;
	for (size_t s = n; s > 0; s--)
		r->mstart[s] = r->mstart[s - 1];
	r->mstart[0] = 0;
	if (o.progress)
		o.progress(o.progress_ud, "done", 1, 1);
	*out = r;
	r = NULL;
fail:
	if (r) {
		wt__chrome_release(&r->chrome, corpus);
		wt__free(r->members);
		wt__free(r->mstart);
		for (size_t p = 0; p < r->npairs; p++)
			wt_alignment_release(&r->pairs[p].alignment);
		wt__free(r->pairs);
		wt__free(r->arts);
		wt__free(r);
	}
	if (als) {
		for (size_t p = 0; p < ncands; p++)
			wt_alignment_release(&als[p]);
		wt__free(als);
	}
	if (arenas) {
		for (int t = 0; t < nthreads; t++)
			wt__arena_release(&arenas[t]);
		wt__free(arenas);
	}
	wt__chrome_release(&chrome, corpus);
	wt__free(cands);
	wt__free(counts);
	wt__free(idf);
	wt__free(fam32);
	wt__free(story32);
	wt__free(sk);
	wt__free(sigs);
	wt__free(order);
	wt__free(active);
	wt__free(rep);
	wt__free(parent);
	wt__free(ok);
	wt__free(hr);
	wt__free(fps);
	wt__free(nfp);
	wt__free(times);
	return st;
}

void wt_result_free(struct wt_result *r)
{
	if (!r)
		return;
	wt__chrome_release(&r->chrome, r->corpus);
	wt__free(r->members);
	wt__free(r->mstart);
	for (size_t p = 0; p < r->npairs; p++)
		wt_alignment_release(&r->pairs[p].alignment);
	wt__free(r->pairs);
	wt__free(r->arts);
	wt__free(r);
}

const struct wt_article_result *wt_result_article(const struct wt_result *r, size_t i)
{
	return i < r->corpus->n ? &r->arts[i] : NULL;
}

size_t wt_result_pair_count(const struct wt_result *r)
{
	return r->npairs;
}

const struct wt_pair *wt_result_pair(const struct wt_result *r, size_t i)
{
	return i < r->npairs ? &r->pairs[i] : NULL;
}

void wt_result_stats(const struct wt_result *r, struct wt_analysis_stats *s)
{
	*s = r->stats;
}
