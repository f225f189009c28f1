/*
 * versions.c - what each version of a story says that the others do not.
 *
 * The sentences of all the articles of a story are aligned at once: taken
 * in date order (a source before its copies at the same time), each
 * sentence joins the group of an earlier sentence that shares most of its
 * words (half of the longer one's distinct words, or nearly all of the
 * shorter one's: a quotation cut short), or opens a group of its own.  Groups then answer, for each article against
 * its source, which sentences it added (its group opened with it), which of
 * its source's it dropped, and which it changed (same group, other words).
 * Candidate groups come from the rarest words of each sentence within the
 * story, so a story of thousands of sentences is not compared all pairs.
 */
#include <stdlib.h>
#include <string.h>

#include "core/core.h"
#include "pipeline/result.h"
#include "sketch/sketch.h"
#include "text/text.h"

#define SAME_SENTENCE 0.5 /* shared share of the longer sentence's distinct words */
#define PROBES 6          /* rarest words of a sentence that find and index groups */
#define MAX_POSTINGS 16   /* groups scanned per probe word, newest first */
#define CONTAINED 0.8     /* or this share of the shorter one's words, */
#define CONTAINED_MIN 6   /* when it has this many distinct words at least */

struct sent {
	uint32_t tok, ntok; /* distinct token hashes, sorted, in the pool */
	uint64_t exact;     /* hash of the token sequence */
};

struct member {
	int64_t time;
	size_t depth; /* sources between it and its original */
	size_t idx;
};

/* Date order; at the same time (or none), a source before its copies. */
static int cmp_member(const void *x, const void *y)
{
	const struct member *p = x, *q = y;
	int t = wt__cmp_time(p->time, q->time);
	if (t)
		return t;
	if (p->depth != q->depth)
		return p->depth < q->depth ? -1 : 1;
	return p->idx < q->idx ? -1 : p->idx > q->idx;
}


/* Postings: groups indexed under a word, as a linked list of nodes. */
struct node {
	uint32_t group, next;
};

/* The PROBES words of a sentence least frequent in the story, among those
 * in two sentences at least (a word of one sentence only finds nothing);
 * ties go to the smaller hash, so two versions of a sentence pick alike. */
static size_t rarest(const uint64_t *tok, size_t n, const struct wt__map *freq, uint64_t *out)
{
	size_t k = 0;
	uint64_t cnt[PROBES];
	for (size_t i = 0; i < n; i++) {
		uint64_t *c = wt__map_get(freq, tok[i] | 1);
		uint64_t f = c ? *c : 0;
		if (f < 2 || (k == PROBES && f >= cnt[k - 1]))
			continue;
		size_t at = k < PROBES ? k++ : k - 1;
		while (at > 0 && cnt[at - 1] > f) {
			cnt[at] = cnt[at - 1];
			out[at] = out[at - 1];
			at--;
		}
		cnt[at] = f;
		out[at] = tok[i];
	}
	return k;
}

enum wt_status wt_story_versions(const struct wt_result *r, size_t story,
				 struct wt_story_versions **out)
{
	const struct wt_corpus *c = r->corpus;
	size_t n = wt_corpus_count(c);
	*out = NULL;
	if (story >= n || r->arts[story].story != story)
		return WT_ERR_INVALID;
	enum wt_status st = WT_OK;
	struct wt_story_versions *v = wt__calloc(1, sizeof(*v));
	struct member *mem = NULL;
	struct sent *sents = NULL;
	uint64_t *pool = NULL;
	size_t scap = 0, pcap = 0, npool = 0, nmem = 0, ncap = 0, nnodes = 0, nodecap = 0;
	struct wt__tokens tv = {0};
	struct wt__map freq = {0}, post = {0}, place = {0}; /* place: article -> member */
	struct wt__map exact_of = {0}; /* token-sequence hash -> first sentence with it */
	struct wt__map texts_seen = {0}; /* text hash -> first member with it */
	struct wt__map bytes_of = {0}; /* sentence bytes hash -> first sentence with them + 1 */
	struct node *nodes = NULL;
	uint32_t *group_first = NULL; /* per group: its first sentence */
	size_t gcap = 0;
	size_t *stamp = NULL, stcap = 0; /* per group: the last sentence compared with it + 1 */
	size_t *mark = NULL; /* per group: last article seen in it + 1 */
	size_t *first_of = NULL; /* per article of the story: its first sentence */
	if (!v || (st = wt__map_init(&freq, 1024)) || (st = wt__map_init(&post, 1024))) {
		st = st ? st : WT_ERR_NOMEM;
		goto fail;
	}
	v->story = story;
	nmem = r->mstart[story + 1] - r->mstart[story];
	mem = wt__malloc((nmem + 1) * sizeof(*mem));
	first_of = wt__malloc((nmem + 2) * sizeof(*first_of));
	v->versions = wt__calloc(nmem + 1, sizeof(*v->versions));
	if (!mem || !first_of || !v->versions) {
		st = WT_ERR_NOMEM;
		goto fail;
	}
	nmem = 0;
	for (size_t k = r->mstart[story]; k < r->mstart[story + 1]; k++) {
		size_t i = r->members[k];
		size_t depth = 0;
		for (size_t x = r->arts[i].source; x != WT_NONE && depth < n; x = r->arts[x].source)
			depth++;
		mem[nmem++] = (struct member){wt_corpus_get(c, i)->time, depth, i};
	}
	qsort(mem, nmem, sizeof(*mem), cmp_member);
	v->n_versions = nmem;
	if ((st = wt__map_init(&place, nmem + 16)) || (st = wt__map_init(&exact_of, 1024)) ||
	    (st = wt__map_init(&texts_seen, nmem + 16)) || (st = wt__map_init(&bytes_of, 1024)))
		goto fail;
	for (size_t m = 0; m < nmem && !st; m++) {
		uint64_t *slot;
		int found;
		if (!(st = wt__map_put(&place, (uint64_t)mem[m].idx + 1, m, &slot, &found)))
			*slot = m;
	}
	if (st)
		goto fail;

	/* 1. Sentences, their distinct words, and word counts over the story. */
	for (size_t m = 0; m < nmem; m++) {
		size_t a = mem[m].idx;
		const char *text = r->chrome.texts ? r->chrome.texts[a] : wt_corpus_get(c, a)->text;
		size_t len = wt_corpus_get(c, a)->text_len;
		struct wt_span *sp = NULL;
		size_t ns = 0;
		first_of[m] = v->n_sentences;
		/* a duplicate of an earlier member: its sentences, copied */
		uint64_t *dup;
		int seen_before;
		if ((st = wt__map_put(&texts_seen, wt__hash(text, len) | 1, m, &dup, &seen_before)))
			goto fail;
		if (seen_before) {
			size_t lo = first_of[*dup], hi = first_of[*dup + 1];
			if ((st = WT_GROW(sents, scap, v->n_sentences + (hi - lo) + 1,
					  (size_t)UINT32_MAX)) ||
			    (st = WT_GROW(v->sentences, ncap, v->n_sentences + (hi - lo) + 1,
					  (size_t)UINT32_MAX)))
				goto fail;
			for (size_t k = lo; k < hi; k++) {
				sents[v->n_sentences] = sents[k];
				v->sentences[v->n_sentences] = v->sentences[k];
				v->sentences[v->n_sentences].article = a;
				v->n_sentences++;
			}
			continue;
		}
		if ((st = wt_sentences(text, len, &sp, &ns)))
			goto fail;
		for (size_t k = 0; k < ns && !st; k++) {
			const char *bytes = text + sp[k].start;
			size_t blen = sp[k].end - sp[k].start;
			/* the same bytes as a sentence of an earlier member (copies
			 * repeat most of their source's): its words, counted again */
			uint64_t *same;
			int seen;
			if ((st = wt__map_put(&bytes_of, wt__hash(bytes, blen) | 1, 0, &same, &seen)))
				break;
			if (seen && *same) { /* 0: a blanked line */
				const struct wt_story_sentence *f = &v->sentences[*same - 1];
				const char *ft = r->chrome.texts ? r->chrome.texts[f->article]
								 : wt_corpus_get(c, f->article)->text;
				if (f->span.end - f->span.start == blen &&
				    !memcmp(ft + f->span.start, bytes, blen)) {
					if ((st = WT_GROW(sents, scap, v->n_sentences + 1,
							  (size_t)UINT32_MAX)) ||
					    (st = WT_GROW(v->sentences, ncap, v->n_sentences + 1,
							  (size_t)UINT32_MAX)))
						break;
					sents[v->n_sentences] = sents[*same - 1];
					const uint64_t *tk = pool + sents[*same - 1].tok;
					for (size_t t = 0; t < sents[*same - 1].ntok && !st; t++) {
						uint64_t *slot;
						int found;
						if (!(st = wt__map_put(&freq, tk[t] | 1, 0, &slot, &found)))
							++*slot;
					}
					v->sentences[v->n_sentences++] = (struct wt_story_sentence){
						a, {sp[k].start, sp[k].end}, 0, 1};
					continue;
				}
			}
			if ((st = wt__tokenize(bytes, blen, &tv)))
				break;
			if (!tv.n)
				continue; /* a blanked line of chrome */
			if ((st = WT_GROW(sents, scap, v->n_sentences + 1, (size_t)UINT32_MAX)) ||
			    (st = WT_GROW(v->sentences, ncap, v->n_sentences + 1, (size_t)UINT32_MAX)) ||
			    (st = WT_GROW(pool, pcap, npool + tv.n, (size_t)UINT32_MAX)))
				break;
			if (!seen)
				*same = v->n_sentences + 1;
			struct sent *s = &sents[v->n_sentences];
			s->tok = (uint32_t)npool;
			s->exact = wt__text_hash(tv.v, tv.n);
			for (size_t t = 0; t < tv.n; t++)
				pool[npool + t] = tv.v[t].hash;
			wt__sort_u64_few(pool + npool, tv.n);
			size_t u = 0;
			for (size_t t = 0; t < tv.n; t++)
				if (!u || pool[npool + t] != pool[npool + u - 1])
					pool[npool + u++] = pool[npool + t];
			s->ntok = (uint32_t)u;
			for (size_t t = 0; t < u && !st; t++) {
				uint64_t *slot;
				int found;
				if (!(st = wt__map_put(&freq, pool[npool + t] | 1, 0, &slot, &found)))
					++*slot;
			}
			npool += u;
			v->sentences[v->n_sentences++] = (struct wt_story_sentence){
				a, {sp[k].start, sp[k].end}, 0, 1};
		}
		wt_free(sp);
		if (st)
			goto fail;
	}
	first_of[nmem] = v->n_sentences;

	/* 2. Groups, in date order. */
	for (size_t s = 0; s < v->n_sentences; s++) {
		/* the same words as a sentence seen before: its group, at once
		 * (copies repeat most sentences of their source) */
		uint64_t *same = wt__map_get(&exact_of, sents[s].exact | 1);
		if (same) {
			v->sentences[s].group = v->sentences[*same].group;
			v->sentences[s].exact = sents[group_first[v->sentences[s].group]].exact ==
						sents[s].exact;
			continue;
		}
		{
			uint64_t *slot;
			int found;
			if ((st = wt__map_put(&exact_of, sents[s].exact | 1, s, &slot, &found)))
				goto fail;
		}
		const uint64_t *ts = pool + sents[s].tok;
		size_t nt = sents[s].ntok;
		uint64_t probe[PROBES];
		size_t np = rarest(ts, nt, &freq, probe);
		size_t best_g = SIZE_MAX;
		double best = 0;
		for (size_t q = 0; q < np; q++) {
			uint64_t *head = wt__map_get(&post, probe[q] | 1);
			/* the newest MAX_POSTINGS groups under the word: a
			 * template repeated a thousand times in a story is
			 * matched against its latest forms, not all of them */
			int seen = 0;
			for (uint32_t x = head ? (uint32_t)*head : UINT32_MAX;
			     x != UINT32_MAX && seen++ < MAX_POSTINGS; x = nodes[x].next) {
				uint32_t g = nodes[x].group;
				if (stamp[g] == s + 1)
					continue; /* found under another probe word already */
				stamp[g] = s + 1;
				const struct sent *f = &sents[group_first[g]];
				size_t lo_n = WT_MIN(nt, f->ntok), hi_n = WT_MAX(nt, f->ntok);
				if ((double)lo_n < SAME_SENTENCE * (double)hi_n && lo_n < CONTAINED_MIN)
					continue; /* too unequal to reach either bar */
				size_t k = wt__count_shared(ts, nt, pool + f->tok, f->ntok);
				double sim = (double)k / (double)WT_MAX(nt, f->ntok);
				/* a sentence cut short ("...") inside a longer one */
				size_t shorter = WT_MIN(nt, f->ntok);
				if (shorter >= CONTAINED_MIN &&
				    (double)k >= CONTAINED * (double)shorter && sim < SAME_SENTENCE)
					sim = SAME_SENTENCE;
				if (sim > best || (sim == best && g < best_g)) {
					best = sim;
					best_g = g;
				}
			}
		}
		struct wt_story_sentence *ss = &v->sentences[s];
		if (best_g != SIZE_MAX && best >= SAME_SENTENCE) {
			ss->group = best_g;
			ss->exact = sents[group_first[best_g]].exact == sents[s].exact;
			continue;
		}
		if ((st = WT_GROW(group_first, gcap, v->n_groups + 1, (size_t)UINT32_MAX)) ||
		    (st = WT_GROW(stamp, stcap, v->n_groups + 1, (size_t)UINT32_MAX)))
			goto fail;
		stamp[v->n_groups] = 0;
		size_t g = v->n_groups++;
		group_first[g] = (uint32_t)s;
		ss->group = g;
		ss->exact = 1;
		for (size_t q = 0; q < np; q++) {
			uint64_t *slot;
			int found;
			if ((st = WT_GROW(nodes, nodecap, nnodes + 1, (size_t)UINT32_MAX)))
				goto fail;
			if ((st = wt__map_put(&post, probe[q] | 1, UINT32_MAX, &slot, &found)))
				goto fail;
			nodes[nnodes] = (struct node){(uint32_t)g, (uint32_t)*slot};
			*slot = nnodes++;
		}
	}

	/* 3. Each article against its source. */
	mark = wt__calloc(v->n_groups + 1, sizeof(*mark));
	if (!mark) {
		st = WT_ERR_NOMEM;
		goto fail;
	}
	for (size_t m = 0; m < nmem; m++) {
		struct wt_version *ver = &v->versions[m];
		size_t a = mem[m].idx;
		ver->article = a;
		ver->source = r->arts[a].source;
		size_t lo = first_of[m], hi = first_of[m + 1], cap_a = 0;
		for (size_t s = lo; s < hi; s++) {
			mark[v->sentences[s].group] = m + 1;
			if (group_first[v->sentences[s].group] == s) {
				if ((st = WT_GROW(ver->added, cap_a, ver->n_added + 1, (size_t)-1)))
					goto fail;
				ver->added[ver->n_added++] = s;
			}
		}
		if (ver->source == WT_NONE)
			continue;
		uint64_t *pos = wt__map_get(&place, (uint64_t)ver->source + 1);
		if (!pos)
			continue; /* a source outside the story: none by construction */
		size_t sm = *pos;
		size_t cap_d = 0, cap_c = 0;
		for (size_t t = first_of[sm]; t < first_of[sm + 1]; t++) {
			size_t g = v->sentences[t].group;
			if (mark[g] != m + 1) {
				if ((st = WT_GROW(ver->dropped, cap_d, ver->n_dropped + 1, (size_t)-1)))
					goto fail;
				ver->dropped[ver->n_dropped++] = t;
				continue;
			}
			/* the article's first sentence in that group */
			for (size_t s = lo; s < hi; s++) {
				if (v->sentences[s].group != g)
					continue;
				if (sents[s].exact != sents[t].exact) {
					if ((st = WT_GROW(ver->changed, cap_c, ver->n_changed + 1,
							  (size_t)-1)))
						goto fail;
					ver->changed[ver->n_changed++] = (struct wt_changed_sentence){t, s};
				}
				break;
			}
		}
	}
	*out = v;
	v = NULL;
fail:
	wt_story_versions_free(v);
	wt__free(mem);
	wt__free(first_of);
	wt__free(sents);
	wt__free(pool);
	wt__free(tv.v);
	wt__map_release(&freq);
	wt__map_release(&post);
	wt__map_release(&place);
	wt__map_release(&exact_of);
	wt__map_release(&texts_seen);
	wt__map_release(&bytes_of);
	wt__free(nodes);
	wt__free(group_first);
	wt__free(stamp);
	wt__free(mark);
	return st;
}

void wt_story_versions_free(struct wt_story_versions *v)
{
	if (!v)
		return;
	for (size_t m = 0; m < v->n_versions; m++) {
		wt__free(v->versions[m].added);
		wt__free(v->versions[m].dropped);
		wt__free(v->versions[m].changed);
	}
	wt__free(v->versions);
	wt__free(v->sentences);
	wt__free(v);
}
