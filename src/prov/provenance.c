/*
 * provenance.c - inside a story, which articles rewrote an earlier one and
 * which reported on their own.
 *
 * Families already say who copied whom where text was reused.  A rewrite
 * reuses little text but follows its source's facts: the same names, the
 * same numbers, the same quotations, largely in the same order (a paraphrase
 * goes through its source sentence by sentence).  An independent report of
 * the same event shares some names and numbers too (the place, the toll),
 * but fewer, and in its own order.  So each article's facts are listed in
 * text order and two lists are compared by what they share and by the
 * longest common subsequence of what they share.
 */
#include <math.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "pipeline/pipeline.h"
#include "prov/prov.h"
#include "text/text.h"

#define MAX_FACTS 400    /* facts kept per article (its first ones) */
#define COMMON_SHARE 0.3 /* a word in this share of the texts is no fact */
#define CASELESS_SHARE 0.05 /* nor a word of a caseless script this common */
#define MAX_NEAR 16      /* originals compared on each side, in date order */
#define FACT_MARGIN 0.05 /* how much more of its facts the undated rewrite
			  * must share than its source */

/* Rewrite thresholds, calibrated on counter (partially derived against
 * non-derived newspaper versions of the same agency stories) and the
 * samples' paraphrase and independent report. */
#define REWRITE_SHARED 6      /* facts in common */
#define REWRITE_FOLLOWED 0.15 /* of the later article's facts, in its source's order */
#define REWRITE_ORDERED 0.5   /* of the shared facts in the same order */
#define REWRITE_ADJACENT 0.1  /* of its facts followed closely by their next */
/* In a cased script the facts are mostly names, which any report of the
 * event shares (the town, the river); there a rewrite also carries its
 * source's figures: with this many numbers, it shares one at least.  In a
 * caseless script the facts are rare words, specific to a wording already. */
#define REWRITE_NUMBERS_MIN 3

/* Quotation marks that open or close (the straight double quote toggles). */
static int quote_mark(int32_t cp)
{
	switch (cp) {
	case 0x201C: case 0x201E: case 0x00AB: case 0x300C: case 0x300E: case 0x2039:
		return 1;  /* opens */
	case 0x201D: case 0x00BB: case 0x300D: case 0x300F: case 0x203A:
		return -1; /* closes */
	case '"':
		return 2;  /* toggles */
	default:
		return 0;
	}
}

/* The case of a token's first letter: 1 capital, 0 lower case, 2 a
 * letter of a caseless script, 3 a digit, -1 anything else. */
static int first_kind(const char *text, size_t len, uint32_t start)
{
	size_t l;
	int32_t cp = wt__utf8_decode((const unsigned char *)text + start, len - start, &l);
	if (cp < 0)
		return -1;
	switch (utf8proc_category(cp)) {
	case UTF8PROC_CATEGORY_LU:
	case UTF8PROC_CATEGORY_LT:
		return 1;
	case UTF8PROC_CATEGORY_LL:
		return 0;
	case UTF8PROC_CATEGORY_LO:
		return 2;
	case UTF8PROC_CATEGORY_ND:
		return 3;
	default:
		return -1;
	}
}

static int has_digit(const char *text, uint32_t start, uint32_t end)
{
	for (uint32_t k = start; k < end; k++)
		if (text[k] >= '0' && text[k] <= '9')
			return 1;
	return 0;
}

/* Marks the tokens inside quotation marks: quoted[i] for tv[i]. */
static void mark_quoted(const char *text, const struct wt__tokens *tv, uint8_t *quoted)
{
	int in = 0;
	size_t prev_end = 0;
	for (size_t i = 0; i < tv->n; i++) {
		const struct wt_token *t = &tv->v[i];
		for (size_t k = prev_end; k < t->start;) {
			size_t l;
			int32_t cp = wt__utf8_decode((const unsigned char *)text + k, t->start - k, &l);
			int q = cp < 0 ? 0 : quote_mark(cp);
			if (q == 1)
				in = 1;
			else if (q == -1)
				in = 0;
			else if (q == 2)
				in = !in;
			k += l ? l : 1;
		}
		prev_end = t->end;
		quoted[i] = (uint8_t)in;
	}
}

enum wt_status wt__facts(const char *text, size_t len, const float *idf, int idf_bits,
			 struct wt__facts *out)
{
	struct wt__tokens tv = {0};
	out->n = 0;
	out->caseless = 0;
	enum wt_status st = wt__tokenize(text, len, &tv);
	if (st)
		return st;
	uint8_t *quoted = wt__malloc(tv.n + 1);
	if (!quoted) {
		wt__free(tv.v);
		return WT_ERR_NOMEM;
	}
	mark_quoted(text, &tv, quoted);
	for (size_t i = 0; i < tv.n && out->n < MAX_FACTS; i++) {
		const struct wt_token *t = &tv.v[i];
		/* share of the corpus's texts with the word, from its idf */
		double share = idf ? exp(-(double)idf[t->hash >> (64 - idf_bits)]) : 0.0;
		int kind = first_kind(text, len, t->start);
		int fact;
		int number = kind == 3 || has_digit(text, t->start, t->end);
		if (number)
			fact = share < COMMON_SHARE; /* not the year every text has */
		else if (kind == 1 || quoted[i])
			fact = share < COMMON_SHARE;
		else if (kind == 2)
			fact = share < CASELESS_SHARE;
		else
			fact = 0;
		if (!fact)
			continue;
		out->caseless += kind == 2 && !number;
		/* the low bit tells numbers from words */
		uint64_t h = number ? t->hash | 1 : t->hash & ~(uint64_t)1;
		int seen = 0;
		for (size_t k = 0; k < out->n && !seen; k++)
			seen = out->v[k] == h;
		if (seen)
			continue;
		if ((st = WT_GROW(out->v, out->cap, out->n + 1, (size_t)MAX_FACTS + 1)))
			break;
		out->v[out->n++] = h;
	}
	wt__free(quoted);
	wt__free(tv.v);
	return st;
}

/*
 * The share of a text's words outside quotation marks that an alignment
 * covers (side a of its passages).  A rewrite quotes the same people word
 * for word; what it paraphrases is the rest.
 */
static enum wt_status prose_coverage(const char *text, size_t len, const struct wt_alignment *al,
				     double *out)
{
	struct wt__tokens tv = {0};
	enum wt_status st = wt__tokenize(text, len, &tv);
	uint8_t *quoted = st ? NULL : wt__malloc(tv.n + 1);
	if (!st && !quoted)
		st = WT_ERR_NOMEM;
	if (st) {
		wt__free(tv.v);
		return st;
	}
	mark_quoted(text, &tv, quoted);
	size_t prose = 0, covered = 0, p = 0;
	for (size_t i = 0; i < tv.n; i++) {
		if (quoted[i])
			continue;
		prose++;
		/* passages are in text order on side a */
		while (p < al->n_passages && al->passages[p].a.end <= tv.v[i].start)
			p++;
		if (p < al->n_passages && al->passages[p].a.start <= tv.v[i].start)
			covered++;
	}
	*out = prose ? (double)covered / (double)prose : 0.0;
	wt__free(quoted);
	wt__free(tv.v);
	return WT_OK;
}

/* A small table of facts (each once in an article) to their place. */
#define FT_SLOTS 1024 /* a power of two, over twice MAX_FACTS */

struct fact_table {
	uint64_t key[FT_SLOTS];
	uint16_t place[FT_SLOTS]; /* place + 1; 0: empty */
};

static void ft_fill(struct fact_table *t, const struct wt__facts *f)
{
	memset(t->place, 0, sizeof(t->place));
	for (size_t i = 0; i < f->n && i < MAX_FACTS; i++) {
		size_t k = wt__mix64(f->v[i]) & (FT_SLOTS - 1);
		while (t->place[k] && t->key[k] != f->v[i])
			k = (k + 1) & (FT_SLOTS - 1);
		t->key[k] = f->v[i];
		t->place[k] = (uint16_t)(i + 1);
	}
}

/* @return the place of fact v in the table's article, or -1. */
static long ft_get(const struct fact_table *t, uint64_t v)
{
	for (size_t k = wt__mix64(v) & (FT_SLOTS - 1); t->place[k]; k = (k + 1) & (FT_SLOTS - 1))
		if (t->key[k] == v)
			return (long)t->place[k] - 1;
	return -1;
}

struct wt__fact_match wt__facts_match(const struct wt__facts *a, const struct wt__facts *b)
{
	struct wt__fact_match m = {0};
	/* Facts are each once in an article: a table of each gives a fact's
	 * place in the other in one probe. */
	struct fact_table ta, tb;
	ft_fill(&ta, a);
	ft_fill(&tb, b);
	/* The shared facts, in a's order and in b's order. */
	uint64_t sa[MAX_FACTS], sb[MAX_FACTS];
	size_t na = 0, nb = 0;
	for (size_t i = 0; i < a->n; i++) {
		m.numbers += a->v[i] & 1;
		if (ft_get(&tb, a->v[i]) >= 0) {
			sa[na++] = a->v[i];
			m.shared_numbers += a->v[i] & 1;
		}
	}
	for (size_t j = 0; j < b->n; j++)
		if (ft_get(&ta, b->v[j]) >= 0)
			sb[nb++] = b->v[j];
	m.shared = na;
	if (!na)
		return m;
	/* Longest common subsequence, two rows. */
	uint16_t row[2][MAX_FACTS + 1];
	memset(row, 0, sizeof(row));
	for (size_t i = 1; i <= na; i++) {
		uint16_t *cur = row[i & 1], *prev = row[(i - 1) & 1];
		cur[0] = 0;
		for (size_t j = 1; j <= nb; j++)
			cur[j] = sa[i - 1] == sb[j - 1] ? prev[j - 1] + 1
			       : WT_MAX(prev[j], cur[j - 1]);
	}
	m.ordered = row[na & 1][nb];
	/* Local order: a fact of a followed by the next one of a within a few
	 * places after it in b, as a paraphrase keeps them sentence by
	 * sentence. */
	for (size_t i = 0; i + 1 < a->n; i++) {
		long pi = ft_get(&tb, a->v[i]), pj = ft_get(&tb, a->v[i + 1]);
		if (pi >= 0 && pj >= 0 && pj > pi && pj - pi <= 3)
			m.adjacent++;
	}
	return m;
}

int wt__is_rewrite(const struct wt__facts *later, struct wt__fact_match m)
{
	double n = (double)later->n;
	return later->n > 0 && m.shared >= REWRITE_SHARED &&
	       (double)m.ordered >= REWRITE_FOLLOWED * n &&
	       (double)m.ordered >= REWRITE_ORDERED * (double)m.shared &&
	       (double)m.adjacent >= REWRITE_ADJACENT * n &&
	       (m.numbers < REWRITE_NUMBERS_MIN || m.shared_numbers > 0 ||
		2 * later->caseless > later->n);
}

struct member {
	size_t story;
	uint32_t order, idx;
};

static int cmp_member(const void *x, const void *y)
{
	const struct member *p = x, *q = y;
	if (p->story != q->story)
		return p->story < q->story ? -1 : 1;
	return p->order < q->order ? -1 : p->order > q->order;
}

/* What the stories' provenance, worked out on every core, shares. */
struct prov_job {
	const struct wt__prov_input *in;
	struct wt_article_result *arts;
	const struct member *m;
	const size_t *group; /* story s's members: m[group[s] .. group[s + 1]) */
	size_t *rewrites, *independents; /* per story */
	const uint32_t *edited;          /* the edited copies, for the last step */
	_Atomic int failed;              /* the first error's status, 0 if none */
};

static void prov_fail(struct prov_job *j, enum wt_status st)
{
	int expected = 0;
	atomic_compare_exchange_strong(&j->failed, &expected, (int)st);
}

/* One story: each original after its first is a rewrite of an earlier
 * one or independent.  Writes only its own members' results. */
static void story_provenance(void *ctx, size_t sx)
{
	struct prov_job *j = ctx;
	const struct wt__prov_input *in = j->in;
	struct wt_article_result *arts = j->arts;
	const struct member *m = j->m;
	size_t lo = j->group[sx], hi = j->group[sx + 1], nr = 0;
	j->rewrites[sx] = j->independents[sx] = 0;
	if (atomic_load(&j->failed))
		return;
	for (size_t k = lo; k < hi; k++)
		nr += arts[m[k].idx].source == WT_NONE;
	if (nr < 2)
		return; /* one family: its original is the story's */
	enum wt_status st = WT_OK;
	uint32_t *roots = wt__malloc(nr * sizeof(*roots));
	size_t *src = wt__malloc(nr * sizeof(*src));
	uint64_t *site = wt__malloc(nr * sizeof(*site));
	struct wt__facts *facts = wt__calloc(nr, sizeof(*facts));
	if (!roots || !src || !site || !facts) {
		st = WT_ERR_NOMEM;
		goto done;
	}
	nr = 0;
	for (size_t k = lo; k < hi; k++)
		if (arts[m[k].idx].source == WT_NONE)
			roots[nr++] = m[k].idx;
	for (size_t r = 0; r < nr; r++) {
		const struct wt_article *a = wt_corpus_get(in->corpus, roots[r]);
		site[r] = wt__site_key(a);
		if ((st = wt__facts(in->texts[roots[r]], a->text_len, in->idf, in->idf_bits,
				    &facts[r])))
			goto done;
	}
	/* Each original's best source among the others: one dated
	 * earlier, or, where dates are equal or missing, one that holds
	 * more of the facts they share (the rewrite keeps fewer of its
	 * source's facts than the source has of its own). */
	for (size_t r = 0; r < nr; r++) {
		const struct wt_article *a = wt_corpus_get(in->corpus, roots[r]);
		size_t best = SIZE_MAX;
		struct wt__fact_match bm = {0};
		for (size_t e = r > MAX_NEAR ? r - MAX_NEAR : 0; e < nr && e <= r + MAX_NEAR; e++) {
			if (e == r)
				continue;
			const struct wt_article *b = wt_corpus_get(in->corpus, roots[e]);
			int dated = a->time != WT_TIME_UNKNOWN && b->time != WT_TIME_UNKNOWN &&
				    a->time != b->time;
			if (dated && b->time > a->time)
				continue; /* a later article is no source */
			if (site[r] && site[r] == site[e])
				continue; /* a site updates its story; it does not
					   * paraphrase itself */
			struct wt__fact_match fm = wt__facts_match(&facts[r], &facts[e]);
			if (!wt__is_rewrite(&facts[r], fm))
				continue;
			if (!dated) {
				/* the agency's own article is the source; else
				 * the one holding more of the shared facts */
				int r_credits = wt__credits_site(a->text, a->text_len, b);
				int e_credits = wt__credits_site(b->text, b->text_len, a);
				if (e_credits && !r_credits)
					continue;
				if (r_credits == e_credits &&
				    (double)fm.ordered / (double)facts[r].n <=
					    (double)fm.ordered / (double)WT_MAX(facts[e].n, 1) +
						    FACT_MARGIN)
					continue;
			}
			if (best == SIZE_MAX || fm.ordered > bm.ordered) {
				best = e;
				bm = fm;
			}
		}
		src[r] = best;
	}
	/* Sources could circle among undated originals: cut each circle
	 * at its earliest member. */
	for (size_t r = 0; r < nr; r++) {
		size_t x = r, steps = 0;
		while (src[x] != SIZE_MAX && steps++ <= nr)
			x = src[x];
		if (src[x] == SIZE_MAX)
			continue;
		size_t cut = x;
		for (size_t y = src[x]; y != x; y = src[y])
			if (y < cut)
				cut = y;
		src[cut] = SIZE_MAX;
	}
	/* The first original left without a source is the story's
	 * origin; the others with none reported on their own. */
	int origin_seen = 0;
	for (size_t r = 0; r < nr; r++) {
		struct wt_article_result *ar = &arts[roots[r]];
		if (src[r] == SIZE_MAX) {
			if (origin_seen++) {
				ar->relation = WT_REL_INDEPENDENT;
				j->independents[sx]++;
			}
			continue;
		}
		uint32_t sidx = roots[src[r]];
		const struct wt_article *a = wt_corpus_get(in->corpus, roots[r]);
		const struct wt_article *b = wt_corpus_get(in->corpus, sidx);
		struct wt_alignment al;
		if ((st = wt_align_texts(in->texts[roots[r]], a->text_len, in->texts[sidx],
					 b->text_len, in->o, &al)))
			goto done;
		ar->source = sidx;
		ar->relation = WT_REL_REWRITE;
		ar->coverage = al.coverage_a;
		if (a->time != WT_TIME_UNKNOWN && b->time != WT_TIME_UNKNOWN && a->time != b->time)
			ar->rule = WT_RULE_DATE;
		else if (wt__credits_site(a->text, a->text_len, b))
			ar->rule = WT_RULE_CREDIT;
		else
			ar->rule = WT_RULE_FACTS;
		wt_alignment_release(&al);
		j->rewrites[sx]++;
	}
done:
	if (st)
		prov_fail(j, st);
	for (size_t r = 0; facts && r < nr; r++)
		wt__free(facts[r].v);
	wt__free(facts);
	wt__free(roots);
	wt__free(src);
	wt__free(site);
}

/* An edited copy whose aligned text is mostly quotations: the same people
 * quoted word for word, the rest paraphrased.  With its source's facts in
 * its order, it is a rewrite.  Writes only its own result. */
static void quoted_copy(void *ctx, size_t k)
{
	struct prov_job *j = ctx;
	const struct wt__prov_input *in = j->in;
	size_t i = j->edited[k];
	struct wt_article_result *ar = &j->arts[i];
	if (atomic_load(&j->failed))
		return;
	const struct wt_article *a = wt_corpus_get(in->corpus, i);
	const struct wt_article *b = wt_corpus_get(in->corpus, ar->source);
	struct wt_alignment al;
	double prose;
	struct wt__facts facts[2] = {{0}, {0}};
	enum wt_status st = wt_align_texts(in->texts[i], a->text_len, in->texts[ar->source],
					   b->text_len, in->o, &al);
	if (st)
		goto done;
	st = prose_coverage(in->texts[i], a->text_len, &al, &prose);
	wt_alignment_release(&al);
	if (st || prose >= in->o->edited_min)
		goto done;
	if ((st = wt__facts(in->texts[i], a->text_len, in->idf, in->idf_bits, &facts[0])) ||
	    (st = wt__facts(in->texts[ar->source], b->text_len, in->idf, in->idf_bits, &facts[1])))
		goto done;
	if (wt__is_rewrite(&facts[0], wt__facts_match(&facts[0], &facts[1])))
		ar->relation = WT_REL_REWRITE; /* counted by the caller */
done:
	if (st)
		prov_fail(j, st);
	wt__free(facts[0].v);
	wt__free(facts[1].v);
}

enum wt_status wt__provenance(const struct wt__prov_input *in, struct wt_article_result *arts,
			      size_t *rewrites, size_t *independents)
{
	size_t n = wt_corpus_count(in->corpus);
	enum wt_status st = WT_OK;
	struct member *m = wt__malloc((n + 1) * sizeof(*m));
	size_t *group = wt__malloc((n + 2) * sizeof(*group));
	size_t *rw = NULL, *ind = NULL;
	uint32_t *edited = NULL;
	*rewrites = *independents = 0;
	if (!m || !group) {
		st = WT_ERR_NOMEM;
		goto done;
	}
	for (size_t i = 0; i < n; i++)
		m[i] = (struct member){arts[i].story, in->order[i], (uint32_t)i};
	qsort(m, n, sizeof(*m), cmp_member);
	size_t ng = 0;
	for (size_t k = 0; k < n; k++)
		if (!k || m[k].story != m[k - 1].story)
			group[ng++] = k;
	group[ng] = n;
	rw = wt__calloc(ng + 1, sizeof(*rw));
	ind = wt__calloc(ng + 1, sizeof(*ind));
	if (!rw || !ind) {
		st = WT_ERR_NOMEM;
		goto done;
	}
	int threads = wt__threads(in->o->threads);
	struct prov_job j = {in, arts, m, group, rw, ind, NULL, 0};
	wt__parallel_for(ng, threads, story_provenance, &j);
	if ((st = (enum wt_status)atomic_load(&j.failed)))
		goto done;
	for (size_t g = 0; g < ng; g++) {
		*rewrites += rw[g];
		*independents += ind[g];
	}
	/* Then the edited copies that are mostly quotations. */
	size_t ne = 0;
	for (size_t i = 0; i < n; i++)
		ne += arts[i].relation == WT_REL_EDITED && arts[i].source != WT_NONE;
	if (!(edited = wt__malloc((ne + 1) * sizeof(*edited)))) {
		st = WT_ERR_NOMEM;
		goto done;
	}
	ne = 0;
	for (size_t i = 0; i < n; i++)
		if (arts[i].relation == WT_REL_EDITED && arts[i].source != WT_NONE)
			edited[ne++] = (uint32_t)i;
	j.edited = edited;
	wt__parallel_for(ne, threads, quoted_copy, &j);
	if ((st = (enum wt_status)atomic_load(&j.failed)))
		goto done;
	for (size_t k = 0; k < ne; k++)
		*rewrites += arts[edited[k]].relation == WT_REL_REWRITE;
done:
	wt__free(m);
	wt__free(group);
	wt__free(rw);
	wt__free(ind);
	wt__free(edited);
	return st;
}
