/*
 * conflicts.c - where the versions of a story disagree.
 *
 * Numbers: the sentences of a story are already aligned across its articles
 * (versions.c).  Two aligned sentences that count the same thing (the same
 * noun, the same unit, the same place among such numbers in the sentence)
 * with different values disagree: "12,400 passengers" in one version,
 * "14,200 passengers" in another.  Only versions of one text are compared
 * (copies and rewrites, whose sources lead to the same original):
 * independent reports, and yesterday's market report written on the same
 * template, count other things in sentences alike.  Numbers outside
 * aligned sentences are not compared either.
 *
 * Quotations: the quotations of all the articles are grouped when they
 * share most of the word triples of the shorter one.  A quotation that is the
 * same words, or a part of them, agrees; one with words of its own, or
 * cut short with "...", disagrees.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "claims/claims.h"
#include "core/core.h"
#include "pipeline/result.h"
#include "sketch/sketch.h"
#include "text/text.h"

#define QUOTE_SAME 0.5  /* shared share of the shorter quotation's word triples */
#define QUOTE_MIN_WORDS 3
#define MAX_QUOTE_GROUPS 256 /* newest quotation groups compared per quotation */
#define QUOTE_SHARED_MIN 3 /* word triples two quotations share at least to be one */
#define SPELLING 30        /* one letter edited in this many is a respelling */

/* One number or quotation found in one article. */
struct item {
	size_t article, order;   /* order: the article's place in the story */
	struct wt_span span;
	struct wt_span sentence; /* numbers: the sentence it is in */
	uint64_t key;            /* numbers: what is counted, where, in which lineage */
	uint64_t base;           /* numbers: the key before the lineage */
	double value;            /* numbers */
	enum wt__num_bound bound;
	uint64_t wording;        /* quotations: hash of its words */
	uint32_t tok, ntok;      /* quotations: distinct words in the pool */
	int elided;
	size_t claim;            /* the claim it belongs to */
};

/*
 * Whether two figures for the same thing can both be right: equal, or one
 * a bound the other meets ("more than 6,000" and 6,500), or both loose
 * ("about 5 million" and "up to 5.1 million") and within a tenth.
 */
static int compatible(const struct item *a, const struct item *b)
{
	if (a->value == b->value)
		return 1;
	const struct item *x = a, *y = b;
	for (int turn = 0; turn < 2; turn++) {
		if (x->bound == WT_NUM_ABOVE && y->value >= x->value)
			return 1;
		if (x->bound == WT_NUM_BELOW && y->value <= x->value)
			return 1;
		x = b;
		y = a;
	}
	if (a->bound != WT_NUM_EXACT || b->bound != WT_NUM_EXACT) {
		double hi = fmax(fabs(a->value), fabs(b->value));
		if (fabs(a->value - b->value) <= 0.1 * hi)
			return 1;
	}
	return 0;
}

/* Letters and digits of a span, lowered (ASCII) : "U.S." and "US",
 * "e-mail" and "email", "First Group" and "FirstGroup" alike. */
static size_t skeleton(const char *text, struct wt_span sp, char *out, size_t cap)
{
	size_t n = 0;
	for (size_t i = sp.start; i < sp.end && n < cap;) {
		unsigned char ch = (unsigned char)text[i];
		if (ch < 0x80) {
			if (ch >= 'A' && ch <= 'Z')
				out[n++] = (char)(ch + 32);
			else if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9'))
				out[n++] = (char)ch;
			i++;
			continue;
		}
		/* other scripts: letters and digits kept, punctuation (’ “ —) not */
		size_t l;
		int32_t cp = wt__utf8_decode((const unsigned char *)text + i, sp.end - i, &l);
		if (!l)
			l = 1;
		int cat = cp < 0 ? 0 : utf8proc_category(cp);
		if (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_NO && n + l <= cap) {
			memcpy(out + n, text + i, l);
			n += l;
		}
		i += l;
	}
	return n;
}

/*
 * Whether one quotation is the other's words, or a part of them, up to
 * spelling: the shorter one's letters occur in the longer one's with at
 * most one edit in SPELLING ("destabilising" and "destabilizing",
 * "modelling" and "modeling").  Approximate matching by dynamic
 * programming over the shorter one's letters (Sellers' algorithm).
 */
struct skel_scratch {
	char a[2048], b[2048];
	uint32_t row[2][2049];
};

static int same_words(const char *ta, struct wt_span sa, const char *tb, struct wt_span sb,
		      struct skel_scratch *sc)
{
	size_t na = skeleton(ta, sa, sc->a, sizeof(sc->a));
	size_t nb = skeleton(tb, sb, sc->b, sizeof(sc->b));
	const char *p = sc->a, *t = sc->b; /* p: the shorter */
	if (na > nb) {
		p = sc->b;
		t = sc->a;
		size_t x = na;
		na = nb;
		nb = x;
	}
	if (!na)
		return 1;
	uint32_t allowed = (uint32_t)(na / SPELLING + 1);
	uint32_t *prev = sc->row[0], *cur = sc->row[1];
	for (size_t i = 0; i <= na; i++)
		prev[i] = (uint32_t)i;
	for (size_t j = 1; j <= nb; j++) {
		cur[0] = 0; /* the match may start anywhere in the longer */
		for (size_t i = 1; i <= na; i++) {
			uint32_t sub = prev[i - 1] + (p[i - 1] != t[j - 1]);
			uint32_t del = prev[i] + 1, ins = cur[i - 1] + 1;
			cur[i] = sub < del ? (sub < ins ? sub : ins) : (del < ins ? del : ins);
		}
		if (cur[na] <= allowed)
			return 1;
		uint32_t *x = prev;
		prev = cur;
		cur = x;
	}
	return 0;
}

static uint64_t pair_key(size_t a, size_t b)
{
	if (a > b) {
		size_t t = a;
		a = b;
		b = t;
	}
	return wt__mix64((uint64_t)a * 0x9E3779B97F4A7C15ULL + b) | 1;
}

/* Whether two articles differ in so many of the figures they share that
 * they are two reports on one template, not versions of one text. */
#define TEMPLATE_DIFFER 3     /* figures differing at least, */
#define TEMPLATE_SHARE 0.3    /* and this share of those compared */
static int template_siblings(const struct wt__map *pairs, size_t a, size_t b)
{
	uint64_t *v = wt__map_get(pairs, pair_key(a, b));
	if (!v)
		return 0;
	uint64_t agree = *v & 0xFFFFFFFFu, differ = *v >> 32;
	return differ >= TEMPLATE_DIFFER &&
	       (double)differ > TEMPLATE_SHARE * (double)(agree + differ);
}

/* Claims in reading order: by their first version's place in the story,
 * then by offset. */
/*
 * Whether `article` itself gives a figure compatible with `it` among the
 * items of one key.  Then the two figures are two sentences of one text
 * (a list: "Step 5 ...", "Step 10 ..."), which every copy repeats, not two
 * versions of one sentence.
 */
static int carries(const struct item *run, size_t n, size_t article, const struct item *it)
{
	for (size_t k = 0; k < n; k++)
		if (run[k].article == article && compatible(&run[k], it))
			return 1;
	return 0;
}

static int cmp_claim(const void *x, const void *y)
{
	const struct wt_claim *a = x, *b = y;
	if (a->place != b->place)
		return a->place < b->place ? -1 : 1;
	const struct wt_claim_version *p = &a->versions[0], *q = &b->versions[0];
	return p->span.start < q->span.start ? -1 : p->span.start > q->span.start;
}


/*
 * Whether two figures sit in what is the same sentence but for figures:
 * most of their words (numbers left out) shared, the same names, in two
 * articles published within days of each other.  An edit changes a
 * figure and keeps the sentence; a list ("Babar rose 9 places to 31st,
 * Shehzad 16 to 39th") aligned loosely with another does not.
 */
#define SENTENCE_SAME 0.7
#define VERSIONS_APART (3 * 86400) /* seconds between versions of one text at most */
static int same_sentence(const struct wt_corpus *c, const struct item *a, const struct item *b,
			 struct wt__tokens *tv)
{
	uint64_t wa[256], wb[256], ca[64], cb[64];
	size_t na = 0, nb = 0, nca = 0, ncb = 0;
	for (int side = 0; side < 2; side++) {
		const struct item *it = side ? b : a;
		const char *text = wt_corpus_get(c, it->article)->text;
		if (wt__tokenize(text + it->sentence.start, it->sentence.end - it->sentence.start, tv))
			return 0;
		uint64_t *w = side ? wb : wa, *cw = side ? cb : ca;
		size_t *n = side ? &nb : &na, *nc = side ? &ncb : &nca;
		for (size_t t = 0; t < tv->n && *n < 256; t++) {
			size_t at = it->sentence.start + tv->v[t].start;
			unsigned char ch = (unsigned char)text[at];
			if (ch >= '0' && ch <= '9')
				continue;
			w[(*n)++] = tv->v[t].hash;
			/* names: capitalised words after the first */
			if (t > 0 && *nc < 64 && wt__capital_at(text, it->sentence.end, at))
				cw[(*nc)++] = tv->v[t].hash;
		}
		wt__sort_u64_few(w, *n);
		size_t u = 0;
		for (size_t t = 0; t < *n; t++)
			if (!u || w[t] != w[u - 1])
				w[u++] = w[t];
		*n = u;
		wt__sort_u64_few(cw, *nc);
		u = 0;
		for (size_t t = 0; t < *nc; t++)
			if (!u || cw[t] != cw[u - 1])
				cw[u++] = cw[t];
		*nc = u;
	}
	/* versions of one text come out within days of each other; a figure
	 * weeks later is another week's report on the same template */
	int64_t ta = wt_corpus_get(c, a->article)->time, tb = wt_corpus_get(c, b->article)->time;
	if (a->article == b->article ||
	    (ta != WT_TIME_UNKNOWN && tb != WT_TIME_UNKNOWN &&
	     (ta > tb ? ta - tb : tb - ta) > VERSIONS_APART))
		return 0;
	/* the same names: a notice on one template names another company,
	 * another country, another week ("Jamaica ... 56,000 tonnes",
	 * "Egypt ... 125,000 tonnes") */
	if (nca != ncb || wt__count_shared(ca, nca, cb, ncb) != nca)
		return 0;
	size_t shared = wt__count_shared(wa, na, wb, nb);
	return (double)shared >= SENTENCE_SAME * (double)WT_MAX(na, nb);
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

/* A number of a sentence as found there, all offsets from the sentence's
 * start: what depends on the sentence's bytes alone. */
struct pnum {
	uint32_t start, end;  /* the figure with what it counts */
	uint32_t num_end;     /* the end of the figure itself */
	uint32_t place;       /* among the numbers of the same noun and unit before it */
	uint64_t noun;        /* the counted noun and the words before the figure */
	double value;
	enum wt__num_bound bound;
	enum wt__num_unit unit;
};

/*
 * The numbers of each distinct sentence of a story, found once: copies
 * repeat most sentences of their source byte for byte, and finding numbers
 * is most of the claims' cost.  Keyed by the hash of the sentence's bytes,
 * checked byte for byte against the first sentence with them.
 */
struct num_cache {
	struct wt__map map;   /* bytes hash -> entry + 1 */
	struct entry {
		const char *bytes;
		size_t len;
		size_t lo, hi; /* its numbers in `v` */
	} *ent;
	size_t nent, entcap;
	struct pnum *v;
	size_t n, cap;
};

static void num_cache_release(struct num_cache *nc)
{
	wt__map_release(&nc->map);
	wt__free(nc->ent);
	wt__free(nc->v);
}

/* Finds the numbers of sentence text[0..len) into nc->v[lo, hi). */
static enum wt_status parse_numbers(struct num_cache *nc, const char *text, size_t len,
				    int comma, struct wt__tokens *tv)
{
	struct wt__number *num = NULL;
	size_t nn = 0;
	enum wt_status st = wt__find_numbers_as(text, len, comma, &num, &nn);
	for (size_t k = 0; k < nn && !st; k++) {
		if (num[k].unit == WT_NUM_YEAR || num[k].unit == WT_NUM_DATE)
			continue; /* a date differs between updates without disagreeing */
		if (!num[k].noun_end && num[k].unit == WT_NUM_PLAIN)
			continue; /* a bare figure: nothing says what it counts */
		uint64_t noun = noun_hash(text, num[k].noun_start, num[k].noun_end, tv);
		/* and the word before it: in a list ("Babar rose 9 places,
		 * Shehzad 16 places") each figure goes with its own name */
		size_t ctx_end = num[k].start;
		size_t ctx_start = ctx_end > 40 ? ctx_end - 40 : 0;
		while (ctx_start > 0 && ((unsigned char)text[ctx_start] & 0xC0) == 0x80)
			ctx_start--;
		uint64_t before = noun_hash(text, ctx_start, ctx_end, tv);
		uint32_t place = 0;
		for (size_t q = 0; q < k; q++) {
			uint64_t other =
				noun_hash(text, num[q].noun_start, num[q].noun_end, tv);
			place += other == noun && num[q].unit == num[k].unit;
		}
		if ((st = WT_GROW(nc->v, nc->cap, nc->n + 1, (size_t)-1)))
			break;
		size_t end = num[k].noun_end > num[k].end && num[k].noun_start >= num[k].end
				     ? num[k].noun_end
				     : num[k].end;
		nc->v[nc->n++] = (struct pnum){(uint32_t)num[k].start, (uint32_t)end,
					       (uint32_t)num[k].end, place,
					       wt__mix64(noun * 31 + before), num[k].value,
					       num[k].bound, num[k].unit};
	}
	wt__free(num);
	return st;
}

/* Numbers of one sentence of the story, keyed by group, unit, noun and
 * their place among those alike in the sentence. */
static enum wt_status sentence_numbers(const char *text, const struct wt_story_sentence *s,
				       int comma, size_t order, uint64_t root, size_t dateline_end,
				       struct item **items, size_t *n, size_t *cap,
				       struct num_cache *nc, struct wt__tokens *tv)
{
	const char *bytes = text + s->span.start;
	size_t len = s->span.end - s->span.start;
	if (len >= UINT32_MAX)
		return WT_ERR_LIMIT;
	uint64_t *slot;
	int found;
	/* the key: the bytes and how the article writes decimals */
	enum wt_status st = wt__map_put(&nc->map, (wt__hash(bytes, len) + (uint64_t)comma * 2) | 1,
					0, &slot, &found);
	if (st)
		return st;
	size_t lo, hi;
	if (found && nc->ent[*slot - 1].len == len &&
	    !memcmp(nc->ent[*slot - 1].bytes, bytes, len)) {
		lo = nc->ent[*slot - 1].lo;
		hi = nc->ent[*slot - 1].hi;
	} else {
		lo = nc->n;
		if ((st = parse_numbers(nc, bytes, len, comma, tv)))
			return st;
		hi = nc->n;
		if (!found) { /* (a hash shared by other bytes: found, not kept) */
			if ((st = WT_GROW(nc->ent, nc->entcap, nc->nent + 1, (size_t)-1)))
				return st;
			nc->ent[nc->nent++] = (struct entry){bytes, len, lo, hi};
			*slot = nc->nent;
		}
	}
	for (size_t k = lo; k < hi; k++) {
		const struct pnum *p = &nc->v[k];
		if (s->span.start + p->num_end <= dateline_end)
			continue; /* a dateline's day is one in any script */
		if ((st = WT_GROW(*items, *cap, *n + 1, (size_t)-1)))
			return st;
		p = &nc->v[k];
		struct item *it = &(*items)[(*n)++];
		memset(it, 0, sizeof(*it));
		it->article = s->article;
		it->order = order;
		/* the figure with what it counts: "12,400 passengers" */
		it->span = (struct wt_span){s->span.start + p->start, s->span.start + p->end};
		it->value = p->value;
		it->bound = p->bound;
		it->sentence = s->span;
		it->base = wt__mix64(wt__mix64(s->group * 0x9E3779B97F4A7C15ULL ^ p->noun) ^
				     ((uint64_t)p->unit << 8 | p->place));
		it->key = wt__mix64(it->base ^ root);
	}
	return WT_OK;
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
	size_t *group_list = NULL;    /* quotation groups by their first quotation */
	size_t *group_last = NULL;    /* per group: the latest article in it */
	size_t *nextq = NULL, *tailq = NULL; /* each group's quotations as a list */
	struct skel_scratch *scratch_p = wt__malloc(sizeof(*scratch_p));
	struct wt__map pairs = {0}; /* per article pair: figures agreeing, differing */
	struct wt__map texts_seen = {0}; /* text hash -> first member with it */
	struct num_cache ncache = {0};
	size_t *nlo = NULL;              /* per member: its ranges of items and quotes */
	*out = NULL;
	*count = 0;
	if (!scratch_p)
		return WT_ERR_NOMEM;

	/* 1. Numbers, sentence by sentence; quotations, article by article.
	 * An article with the same text as an earlier one of the story (a
	 * duplicate) has the same claims: they are copied, not found again. */
	if ((st = wt__map_init(&texts_seen, v->n_versions + 16)) ||
	    (st = wt__map_init(&ncache.map, v->n_sentences + 16)))
		goto done;
	nlo = wt__malloc((v->n_versions + 1) * 4 * sizeof(*nlo));
	if (!nlo) {
		st = WT_ERR_NOMEM;
		goto done;
	}
	for (size_t m = 0, s = 0; m < v->n_versions && !st; m++) {
		size_t a = v->versions[m].article;
		const struct wt_article *art = wt_corpus_get(c, a);
		const char *text = r->chrome.texts ? r->chrome.texts[a] : art->text;
		size_t root = a, steps = 0; /* its lineage: sources to the top */
		while (r->arts[root].source != WT_NONE && steps++ < v->n_versions)
			root = r->arts[root].source;
		size_t s_end = s;
		while (s_end < v->n_sentences && v->sentences[s_end].article == a)
			s_end++;
		uint64_t *slot;
		int found;
		if ((st = wt__map_put(&texts_seen, wt__hash(art->text, art->text_len) | 1, m, &slot,
				      &found)))
			break;
		size_t *rg = nlo + 4 * m; /* numbers [rg0, rg1), quotations [rg2, rg3) */
		if (found) {
			const size_t *fr = nlo + 4 * *slot;
			rg[0] = ni;
			for (size_t k = fr[0]; k < fr[1] && !st; k++) {
				if ((st = WT_GROW(items, icap, ni + 1, (size_t)-1)))
					break;
				items[ni] = items[k];
				items[ni].article = a;
				items[ni].order = m;
				items[ni].key = wt__mix64(items[ni].base ^ ((uint64_t)root + 1));
				ni++;
			}
			rg[1] = ni;
			rg[2] = nq;
			for (size_t k = fr[2]; k < fr[3] && !st; k++) {
				if ((st = WT_GROW(quotes, qcap, nq + 1, (size_t)-1)))
					break;
				quotes[nq] = quotes[k];
				quotes[nq].article = a;
				quotes[nq].order = m;
				nq++;
			}
			rg[3] = nq;
			s = s_end;
			continue;
		}
		/* the dateline: up to the agency credit at the start, if any */
		struct wt_credits cr;
		wt_find_credits(art->text, art->text_len, &cr);
		size_t dateline_end = cr.agency.end <= 200 ? cr.agency.end : 0;
		rg[0] = ni;
		int comma = wt__comma_decimals(art->text, art->text_len);
		for (; s < s_end && !st; s++)
			st = sentence_numbers(art->text, &v->sentences[s], comma, m, (uint64_t)root + 1,
					      dateline_end, &items, &ni, &icap, &ncache, &tv);
		rg[1] = ni;
		rg[2] = nq;
		struct wt__quote *q = NULL;
		size_t n = 0;
		if (st || (st = wt__find_quotes(text, art->text_len, &q, &n)))
			break;
		for (size_t k = 0; k < n && !st; k++) {
			if ((st = wt__tokenize(text + q[k].start, q[k].end - q[k].start, &tv)))
				break;
			if (tv.n < QUOTE_MIN_WORDS)
				continue;
			if ((st = WT_GROW(quotes, qcap, nq + 1, (size_t)-1)) ||
			    (st = WT_GROW(pool, pcap, npool + tv.n, (size_t)UINT32_MAX)))
				break;
			/* runs of three words, not words: two quotations share
			 * "of the" and "we are" whoever spoke; the same quotation
			 * shares its phrases */
			struct item *it = &quotes[nq++];
			memset(it, 0, sizeof(*it));
			it->article = a;
			it->order = m;
			it->span = (struct wt_span){q[k].start, q[k].end};
			it->wording = wt__text_hash(tv.v, tv.n);
			it->elided = has_ellipsis(text + q[k].start, q[k].end - q[k].start);
			it->tok = (uint32_t)npool;
			size_t nb = tv.n - 2;
			for (size_t t = 0; t < nb; t++)
				pool[npool + t] = wt__mix64((tv.v[t].hash * 31 + tv.v[t + 1].hash) * 31 +
							    tv.v[t + 2].hash);
			wt__sort_u64_few(pool + npool, nb);
			size_t u = 0;
			for (size_t t = 0; t < nb; t++)
				if (!u || pool[npool + t] != pool[npool + u - 1])
					pool[npool + u++] = pool[npool + t];
			it->ntok = (uint32_t)u;
			npool += u;
		}
		rg[3] = nq;
		wt__free(q);
	}
	if (st)
		goto done;

	/* 2. Numbers: the same key in two articles with other values.  First,
	 * for each pair of articles, how many of the figures they both give
	 * agree: an edited version changes a figure or two; two reports
	 * written on one template (yesterday's and today's market close)
	 * differ in most of them, and are no versions of each other. */
	if (ni)
		qsort(items, ni, sizeof(*items), cmp_item_key);
	if ((st = wt__map_init(&pairs, 64)))
		goto done;
	for (size_t lo = 0, hi; lo < ni; lo = hi) {
		for (hi = lo + 1; hi < ni && items[hi].key == items[lo].key; hi++)
			;
		for (size_t x = lo; x < hi && !st; x++)
			for (size_t y = x + 1; y < hi && !st; y++) {
				if (items[x].article == items[y].article)
					continue;
				uint64_t *slot;
				int found;
				st = wt__map_put(&pairs, pair_key(items[x].article, items[y].article), 0,
						 &slot, &found);
				if (!st) /* agreeing in the low half, differing in the high */
					*slot += compatible(&items[x], &items[y]) ? 1 : (uint64_t)1 << 32;
			}
	}
	if (st)
		goto done;
	for (size_t lo = 0, hi; lo < ni; lo = hi) {
		int differ = 0;
		for (hi = lo + 1; hi < ni && items[hi].key == items[lo].key; hi++)
			;
		for (size_t k = lo + 1; k < hi; k++)
			differ |= items[k].article != items[lo].article &&
				  !compatible(&items[lo], &items[k]) &&
				  !carries(items + lo, hi - lo, items[lo].article, &items[k]) &&
				  !carries(items + lo, hi - lo, items[k].article, &items[lo]) &&
				  !template_siblings(&pairs, items[lo].article, items[k].article) &&
				  same_sentence(c, &items[lo], &items[k], &tv);
		if (!differ)
			continue;
		if ((st = WT_GROW(claims, ccap, nc + 1, (size_t)-1)))
			goto done;
		struct wt_claim *cl = &claims[nc++];
		memset(cl, 0, sizeof(*cl));
		cl->kind = WT_CLAIM_NUMBER;
		size_t vcap = 0;
		for (size_t k = lo; k < hi && !st; k++) {
			if (k > lo && (template_siblings(&pairs, items[lo].article, items[k].article) ||
				       !same_sentence(c, &items[lo], &items[k], &tv)))
				continue;
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
	group_list = wt__malloc((nq + 1) * sizeof(*group_list));
	group_last = wt__malloc((nq + 1) * sizeof(*group_last));
	nextq = wt__malloc((nq + 1) * sizeof(*nextq));
	tailq = wt__malloc((nq + 1) * sizeof(*tailq));
	if (!gparent || !wording || !version_first || !group_list || !group_last || !nextq ||
	    !tailq) {
		st = WT_ERR_NOMEM;
		goto done;
	}
	size_t ngroups = 0;
	for (size_t k = 0; k < nq; k++) {
		const struct item *it = &quotes[k];
		size_t best = SIZE_MAX;
		double best_sim = 0;
		/* the newest MAX_QUOTE_GROUPS groups: quotations are taken
		 * article by article, so a group's latest article tells whether
		 * this article has one in it already */
		size_t scanned = 0;
		for (size_t q = ngroups; q-- > 0 && scanned++ < MAX_QUOTE_GROUPS;) {
			size_t e = group_list[q];
			if (group_last[q] == it->article)
				continue;
			size_t shared = wt__count_shared(pool + it->tok, it->ntok, pool + quotes[e].tok,
						      quotes[e].ntok);
			double sim = (double)shared / (double)WT_MIN(it->ntok, quotes[e].ntok);
			if (shared >= QUOTE_SHARED_MIN && sim >= QUOTE_SAME && sim > best_sim) {
				best_sim = sim;
				best = q;
			}
		}
		if (best == SIZE_MAX) {
			group_list[ngroups] = k;
			group_last[ngroups++] = it->article;
			gparent[k] = k;
		} else {
			group_last[best] = it->article;
			gparent[k] = group_list[best];
		}
	}
	/* Each group's quotations, in order, as a list. */
	for (size_t k = 0; k < nq; k++) {
		nextq[k] = SIZE_MAX;
		if (gparent[k] != k)
			nextq[tailq[gparent[k]]] = k;
		tailq[gparent[k]] = k;
	}
	for (size_t g = 0; g < nq; g++) {
		if (gparent[g] != g)
			continue;
		/* Versions: the first quotation's, joined by those with the
		 * same words or a part of them, respelled or not (quoting part
		 * of what someone said, or two sentences as one, changes
		 * nothing); a quotation cut with "..." or with words of its
		 * own is another. */
		size_t nv = 0;
		int conflict = 0;
		for (size_t k = g; k != SIZE_MAX; k = nextq[k]) {
			const struct item *it = &quotes[k], *f = &quotes[g];
			int part = k == g || (it->elided == f->elided && it->wording == f->wording) ||
				   (it->elided == f->elided &&
				    same_words(wt_corpus_get(c, it->article)->text, it->span,
							 wt_corpus_get(c, f->article)->text, f->span,
							 scratch_p));
			wording[k] = part ? f->wording : it->wording;
			conflict |= !part;
			nv++;
		}
		if (nv < 2 || !conflict)
			continue;
		/* two wordings at least: versions that differ only in how the
		 * tokenizer reads them (’ and ') are one */
		size_t distinct = 0;
		for (size_t k = g; k != SIZE_MAX && distinct < 2; k = nextq[k])
			if (k == g || wording[k] != wording[g])
				distinct++;
		if (distinct < 2)
			continue;
		if ((st = WT_GROW(claims, ccap, nc + 1, (size_t)-1)))
			goto done;
		struct wt_claim *cl = &claims[nc++];
		memset(cl, 0, sizeof(*cl));
		cl->kind = WT_CLAIM_QUOTE;
		size_t vcap = 0;
		for (size_t k = g; k != SIZE_MAX && !st; k = nextq[k]) {
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
	/* In the order a reader meets them: the earliest article first, then
	 * by place in its text. */
	for (size_t k = 0; k < nc; k++) {
		/* the first version's place in the story */
		size_t a = claims[k].versions[0].article, m = 0;
		while (m < v->n_versions && v->versions[m].article != a)
			m++;
		claims[k].place = m;
	}
	if (nc)
		qsort(claims, nc, sizeof(*claims), cmp_claim);
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
	wt__free(gparent);
	wt__free(wording);
	wt__free(version_first);
	wt__free(group_list);
	wt__free(group_last);
	wt__free(nextq);
	wt__free(tailq);
	wt__free(scratch_p);
	wt__map_release(&pairs);
	wt__map_release(&texts_seen);
	num_cache_release(&ncache);
	wt__free(nlo);
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
