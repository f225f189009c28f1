/*
 * candidates.c - the pairs worth aligning, found without comparing all
 * pairs.  Two indexes feed it: LSH over MinHash bands (near-duplicates:
 * similar texts of similar length) and an inverted index of winnowed
 * fingerprints (containment: a 150-word reprint inside a 900-word story,
 * whose Jaccard is far too low for LSH).  Both are built as sorted arrays of
 * (key, article) so the cost is a radix sort and a scan: near-linear in the
 * number of articles.
 */
#include <stdlib.h>

#include "cluster/cluster.h"
#include "sketch/sketch.h"


enum wt_status wt__sort_u64(uint64_t *v, size_t n)
{
	return wt__sort_u64_from(v, n, 0);
}

enum wt_status wt__sort_u64_from(uint64_t *v, size_t n, int from_bit)
{
	if (n < 64) { /* all bits: the same order when entries come by article */
		for (size_t i = 1; i < n; i++) {
			uint64_t x = v[i];
			size_t j = i;
			while (j && v[j - 1] > x) {
				v[j] = v[j - 1];
				j--;
			}
			v[j] = x;
		}
		return WT_OK;
	}
	uint64_t *tmp = wt__malloc(n * sizeof(*tmp));
	if (!tmp)
		return WT_ERR_NOMEM;
	/* digits of 16 bits for large arrays; of 8 for the rest, whose
	 * counters would otherwise cost more to clear than the sort */
	int bits = n >= 65536 ? 16 : 8;
	size_t radix = (size_t)1 << bits, mask = radix - 1;
	size_t *cnt = wt__malloc((radix + 1) * sizeof(*cnt));
	if (!cnt) {
		wt__free(tmp);
		return WT_ERR_NOMEM;
	}
	uint64_t *src = v, *dst = tmp;
	for (int shift = from_bit; shift < 64; shift += bits) {
		memset(cnt, 0, (radix + 1) * sizeof(*cnt));
		for (size_t i = 0; i < n; i++)
			cnt[((src[i] >> shift) & mask) + 1]++;
		if (cnt[1] == n && ((src[0] >> shift) & mask) == 0)
			continue; /* every key has zeros here */
		for (size_t d = 0; d < radix; d++)
			cnt[d + 1] += cnt[d];
		for (size_t i = 0; i < n; i++)
			dst[cnt[(src[i] >> shift) & mask]++] = src[i];
		uint64_t *t = src;
		src = dst;
		dst = t;
	}
	if (src != v)
		memcpy(v, src, n * sizeof(*v));
	wt__free(tmp);
	wt__free(cnt);
	return WT_OK;
}

/* A radix pass on threads: each counts its slice's digits, then writes
 * its slice where the counts say, so the sort stays stable. */
#define PAR_SORT_MIN ((size_t)1 << 20) /* entries from which threads sort */
struct sort_pass {
	const uint64_t *src;
	uint64_t *dst;
	size_t n;
	int shift, threads;
	size_t (*cnt)[65536]; /* per thread: counts, then where each digit goes */
};

struct sort_worker {
	struct sort_pass *p;
	int id, scatter;
};

static void *sort_worker(void *arg)
{
	struct sort_worker *w = arg;
	struct sort_pass *p = w->p;
	size_t lo = p->n * (size_t)w->id / (size_t)p->threads;
	size_t hi = p->n * (size_t)(w->id + 1) / (size_t)p->threads;
	size_t *c = p->cnt[w->id];
	if (!w->scatter) {
		memset(c, 0, 65536 * sizeof(*c));
		for (size_t i = lo; i < hi; i++)
			c[(p->src[i] >> p->shift) & 0xFFFF]++;
	} else {
		for (size_t i = lo; i < hi; i++)
			p->dst[c[(p->src[i] >> p->shift) & 0xFFFF]++] = p->src[i];
	}
	return NULL;
}

/* See cluster.h. */
enum wt_status wt__sort_u64_par(uint64_t *v, size_t n, int from_bit, int threads)
{
	if (threads > WT__MAX_THREADS)
		threads = WT__MAX_THREADS;
	if (threads < 2 || n < PAR_SORT_MIN)
		return wt__sort_u64_from(v, n, from_bit);
	uint64_t *tmp = wt__malloc(n * sizeof(*tmp));
	size_t (*cnt)[65536] = wt__malloc((size_t)threads * sizeof(*cnt));
	if (!tmp || !cnt) {
		wt__free(tmp);
		wt__free(cnt);
		return WT_ERR_NOMEM;
	}
	struct sort_pass p = {v, tmp, n, 0, threads, cnt};
	struct sort_worker w[WT__MAX_THREADS];
	for (int shift = from_bit; shift < 64; shift += 16) {
		p.shift = shift;
		for (int t = 0; t < threads; t++)
			w[t] = (struct sort_worker){&p, t, 0};
		wt__run_workers(threads, sort_worker, w, sizeof(*w));
		/* where each thread's entries of each digit go: digits in
		 * order, threads in order within a digit */
		size_t at = 0;
		int one_digit = 0;
		for (size_t d = 0; d < 65536; d++) {
			size_t total = 0;
			for (int t = 0; t < threads; t++) {
				size_t k = cnt[t][d];
				cnt[t][d] = at;
				at += k;
				total += k;
			}
			one_digit |= total == n;
		}
		if (one_digit)
			continue; /* every key has the same digit here */
		for (int t = 0; t < threads; t++)
			w[t].scatter = 1;
		wt__run_workers(threads, sort_worker, w, sizeof(*w));
		const uint64_t *t = p.src;
		p.src = p.dst;
		p.dst = (uint64_t *)(uintptr_t)t;
	}
	if (p.src != v)
		memcpy(v, p.src, n * sizeof(*v));
	wt__free(tmp);
	wt__free(cnt);
	return WT_OK;
}

struct acc {
	struct wt__map map; /* (a << 32 | b) -> (lsh << 32 | fp) */
};

static enum wt_status bump(struct acc *acc, uint32_t x, uint32_t y, uint32_t lsh,
			   uint32_t fp)
{
	if (x == y)
		return WT_OK;
	uint32_t a = x < y ? x : y, b = x < y ? y : x;
	uint64_t key = ((uint64_t)a << 32 | b) + 1; /* never 0 */
	uint64_t *slot;
	int found;
	enum wt_status st = wt__map_put(&acc->map, key, 0, &slot, &found);
	if (st)
		return st;
	*slot += (uint64_t)lsh << 32 | fp;
	return WT_OK;
}


/*
 * Pairs the members of one bucket.  Small buckets pair fully; in larger ones
 * (a wire story and its copies share most buckets) each member pairs with
 * the FIRST earliest members and its NEAR nearest predecessors in date
 * order, so the work per member is bounded and every member still meets
 * the likely original.  Members are sorted by packing the rank in the high
 * bits.
 */
#define FIRST 2
#define NEAR 3

static enum wt_status pair_group(struct acc *acc, uint64_t *mem, size_t m,
				 const uint32_t *order, int is_lsh, uint32_t weight)
{
	uint32_t lsh = is_lsh ? weight : 0, fp = is_lsh ? 0 : weight;
	enum wt_status st;
	if (m <= FIRST + NEAR + 1) {
		for (size_t i = 0; i < m; i++)
			for (size_t j = i + 1; j < m; j++)
				if ((st = bump(acc, (uint32_t)mem[i], (uint32_t)mem[j], lsh, fp)))
					return st;
		return WT_OK;
	}
	for (size_t i = 0; i < m; i++)
		mem[i] = (uint64_t)order[(uint32_t)mem[i]] << 32 | (uint32_t)mem[i];
	if ((st = wt__sort_u64(mem, m)))
		return st;
	for (size_t i = 1; i < m; i++) {
		for (size_t j = 0; j < i && j < FIRST; j++)
			if ((st = bump(acc, (uint32_t)mem[i], (uint32_t)mem[j], lsh, fp)))
				return st;
		for (size_t j = i > NEAR ? i - NEAR : 0; j < i; j++)
			if (j >= FIRST && (st = bump(acc, (uint32_t)mem[i], (uint32_t)mem[j], lsh, fp)))
				return st;
	}
	return WT_OK;
}

/* Scans sorted (key << 32 | article) entries and pairs each key's group. */
static enum wt_status scan_groups(struct acc *acc, uint64_t *e, size_t n,
				  const uint32_t *order, int lsh, uint64_t *tmp)
{
	/*
	 * A wire story and its copies fall into the same bucket in most bands
	 * and share most fingerprints: buckets with the same members are
	 * paired once, with the number of such buckets as the weight.
	 */
	struct wt__map seen; /* membership hash -> count */
	struct grp {
		uint64_t h;
		size_t start, len;
	} *g = NULL;
	size_t ng = 0, gcap = 0;
	enum wt_status st = wt__map_init(&seen, 1024);
	if (st)
		return st;
	size_t i = 0;
	while (i < n) {
		size_t j = i + 1;
		while (j < n && (e[j] >> 32) == (e[i] >> 32))
			j++;
		if (j - i > 1) {
			uint64_t h = (uint64_t)(j - i);
			for (size_t k = i; k < j; k++)
				h = wt__mix64(h ^ (uint32_t)e[k]);
			h |= 1;
			uint64_t *slot;
			int found;
			if ((st = wt__map_put(&seen, h, 0, &slot, &found)))
				goto done;
			if (!found) {
				if ((st = WT_GROW(g, gcap, ng + 1, (size_t)1 << 34)))
					goto done;
				g[ng++] = (struct grp){h, i, j - i};
			}
			(*slot)++;
		}
		i = j;
	}
	for (size_t k = 0; k < ng; k++) {
		for (size_t x = 0; x < g[k].len; x++)
			tmp[x] = (uint32_t)e[g[k].start + x];
		uint64_t w = *wt__map_get(&seen, g[k].h);
		if ((st = pair_group(acc, tmp, g[k].len, order, lsh,
				     w > UINT32_MAX / 2 ? UINT32_MAX / 2 : (uint32_t)w)))
			goto done;
	}
done:
	wt__map_release(&seen);
	wt__free(g);
	return st;
}

/*
 * Sends each (key << 32 | article) entry e[0..k) to the process owning its
 * key, and receives the entries of the keys this one owns into *out: from
 * each process in turn, so in article order (shares are contiguous).
 */
static enum wt_status route(const struct wt_exchange *ex, const uint64_t *e, size_t k,
			    uint64_t **out, size_t *nout)
{
	size_t p = (size_t)ex->size;
	size_t *cnt = calloc(p, sizeof(*cnt)), *at = calloc(p, sizeof(*at));
	size_t *lens = calloc(p, sizeof(*lens));
	const void **send = calloc(p, sizeof(*send));
	uint64_t *buf = malloc((k + 1) * sizeof(*buf));
	enum wt_status st = cnt && at && lens && send && buf ? WT_OK : WT_ERR_NOMEM;
	void *recv = NULL;
	for (size_t i = 0; !st && i < k; i++)
		cnt[(e[i] >> 32) % p]++;
	for (size_t q = 1; !st && q < p; q++)
		at[q] = at[q - 1] + cnt[q - 1];
	for (size_t q = 0; !st && q < p; q++) {
		send[q] = buf + at[q];
		lens[q] = cnt[q] * sizeof(*buf);
	}
	for (size_t i = 0; !st && i < k; i++)
		buf[at[(e[i] >> 32) % p]++] = e[i];
	if (!st)
		st = wt__ex_alltoall(ex, send, lens, &recv, lens);
	if (!st) {
		size_t total = 0;
		for (size_t q = 0; q < p; q++)
			total += lens[q];
		*out = recv;
		*nout = total / sizeof(uint64_t);
		recv = NULL;
	}
	free(recv);
	free(cnt);
	free(at);
	free(lens);
	free(send);
	free(buf);
	return st;
}

/* Sums the pair counts of every process into each one's `acc`. */
static enum wt_status merge_counts(const struct wt_exchange *ex, struct acc *acc)
{
	size_t n = acc->map.len, k = 0;
	uint64_t *mine = malloc((2 * n + 1) * sizeof(*mine));
	size_t *lens = calloc((size_t)ex->size, sizeof(*lens));
	void *all = NULL;
	enum wt_status st = mine && lens ? WT_OK : WT_ERR_NOMEM;
	for (size_t s = 0; !st && s < acc->map.cap; s++)
		if (acc->map.keys[s]) {
			mine[k++] = acc->map.keys[s];
			mine[k++] = acc->map.vals[s];
		}
	if (!st)
		st = wt__ex_allgather(ex, mine, k * sizeof(*mine), &all, lens);
	if (!st) {
		wt__map_release(&acc->map);
		st = wt__map_init(&acc->map, n * (size_t)ex->size + 16);
	}
	size_t total = 0;
	for (int q = 0; !st && q < ex->size; q++)
		total += lens[q] / sizeof(uint64_t);
	const uint64_t *v = all;
	for (size_t i = 0; !st && i + 1 < total; i += 2) {
		uint64_t *slot;
		int found;
		if (!(st = wt__map_put(&acc->map, v[i], 0, &slot, &found)))
			*slot += v[i + 1];
	}
	free(all);
	free(mine);
	free(lens);
	return st;
}

/* One pair as seen from one of its articles, for ranking there. */
struct entry {
	float score;
	uint32_t a, b, owner, pair;
};

/*
 * How good a source the other article of pair `c` may be for article x:
 * the LSH share, or how much of x the other one may hold (a short brief
 * inside x holds little of it, however fully the brief is contained).
 */
static float rank_score(const struct wt__cand_input *in, const struct wt__cand *c,
			uint32_t x)
{
	double held = in->nfp[x] ? (double)c->fp_hits / in->nfp[x] : 0;
	return (float)WT_MAX((double)c->lsh_hits / in->bands, WT_MIN(held, 1.0));
}

static int cmp_entry(const void *x, const void *y)
{
	const struct entry *p = x, *q = y;
	if (p->score != q->score)
		return p->score > q->score ? -1 : 1;
	if (p->a != q->a)
		return p->a < q->a ? -1 : 1;
	return p->b < q->b ? -1 : p->b > q->b;
}

static int cmp_ab(const void *x, const void *y)
{
	const struct wt__cand *p = x, *q = y;
	if (p->a != q->a)
		return p->a < q->a ? -1 : 1;
	return p->b < q->b ? -1 : p->b > q->b;
}


/* LSH band keys of KEY_BLOCK articles an item. */
#define KEY_BLOCK 1024
struct key_job {
	const struct wt__cand_input *in;
	uint64_t *e;
	const size_t *rank;   /* where each article's keys start, from lo */
	size_t lo, hi;        /* this process's share of the articles */
	int rows;
};

static void band_keys(void *ctx, size_t blk)
{
	const struct key_job *j = ctx;
	const struct wt__cand_input *in = j->in;
	size_t from = j->lo + blk * KEY_BLOCK;
	for (size_t i = from; i < from + KEY_BLOCK && i < j->hi; i++) {
		if (!in->active[i])
			continue;
		const uint32_t *sig = in->sigs + i * (size_t)in->num_perm;
		uint64_t *out = j->e + j->rank[i - j->lo];
		for (int b = 0; b < in->bands; b++)
			out[b] = (wt__band_key(sig, b, j->rows) & 0xFFFFFFFF00000000ULL) | (uint32_t)i;
	}
}

enum wt_status wt__candidates(const struct wt__cand_input *in,
			      struct wt__cand **out, size_t *count,
			      size_t *lsh_pairs, size_t *fp_pairs)
{
	enum wt_status st = WT_OK;
	int threads = wt__threads(in->threads);
	struct acc acc;
	uint64_t *e = NULL, *tmp = NULL;
	uint32_t *deg = NULL;
	struct wt__cand *c = NULL;
	size_t nactive = 0, nfp_total = 0;
	for (size_t i = 0; i < in->n; i++)
		if (in->active[i]) {
			nactive++;
			nfp_total += in->nfp[i];
		}
	*out = NULL;
	*count = *lsh_pairs = *fp_pairs = 0;
	if ((st = wt__map_init(&acc.map, nactive * 4 + 16)))
		return st;
	int rows = in->num_perm / in->bands;
	size_t ne = WT_MAX(nactive * (size_t)in->bands, nfp_total);
	e = wt__malloc((ne + 1) * sizeof(*e));
	tmp = wt__malloc((ne + 1) * sizeof(*tmp));
	if (!e || !tmp) {
		st = WT_ERR_NOMEM;
		goto done;
	}
	/* LSH: one table per band, keys folded with the band number. */
	size_t k = 0, share_lo, share_hi, nr = 0;
	uint64_t *r = NULL; /* shared: the entries of the keys this process owns */
	wt__ex_share(in->ex, in->n, &share_lo, &share_hi);
	/* each active article's keys at its rank among them, on every core */
	size_t *rank = wt__malloc((share_hi - share_lo + 1) * sizeof(*rank));
	if (!rank) {
		st = WT_ERR_NOMEM;
		goto done;
	}
	for (size_t i = share_lo; i < share_hi; i++) {
		rank[i - share_lo] = k;
		k += in->active[i] ? (size_t)in->bands : 0;
	}
	struct key_job kj = {in, e, rank, share_lo, share_hi, rows};
	wt__parallel_for((share_hi - share_lo + KEY_BLOCK - 1) / KEY_BLOCK, threads, band_keys, &kj);
	wt__free(rank);
	if (in->ex) {
		if ((st = route(in->ex, e, k, &r, &nr)))
			goto done;
		memcpy(e, r, nr * sizeof(*e)); /* at most every entry */
		k = nr;
		free(r);
		r = NULL;
	}
	/* Entries were made in article order and the radix sort is stable:
	 * sorting by the key half alone leaves each bucket in article order. */
	if ((st = wt__sort_u64_par(e, k, 32, threads)) ||
	    (st = scan_groups(&acc, e, k, in->order, 1, tmp)))
		goto done;
	/* Fingerprints. */
	k = 0;
	for (size_t i = share_lo; i < share_hi; i++) {
		if (!in->active[i])
			continue;
		for (uint32_t f = 0; f < in->nfp[i]; f++)
			e[k++] = (uint64_t)in->fps[i][f] << 32 | (uint32_t)i;
	}
	if (in->ex) {
		if ((st = route(in->ex, e, k, &r, &nr)))
			goto done;
		memcpy(e, r, nr * sizeof(*e));
		k = nr;
		free(r);
		r = NULL;
	}
	if ((st = wt__sort_u64_par(e, k, 32, threads)))
		goto done;
	/* A fingerprint repeated within one article counts once. */
	size_t w = 0;
	for (size_t i = 0; i < k; i++)
		if (!w || e[i] != e[w - 1])
			e[w++] = e[i];
	if ((st = scan_groups(&acc, e, w, in->order, 0, tmp)))
		goto done;
	if (in->ex && (st = merge_counts(in->ex, &acc)))
		goto done;

	/* Keep pairs with enough evidence, best first within each article. */
	size_t nc = 0;
	c = wt__malloc((acc.map.len + 1) * sizeof(*c));
	deg = wt__calloc(2 * in->n + 1, sizeof(*deg));
	if (!c || !deg) {
		st = WT_ERR_NOMEM;
		goto done;
	}
	for (size_t s = 0; s < acc.map.cap; s++) {
		if (!acc.map.keys[s])
			continue;
		uint64_t key = acc.map.keys[s] - 1, v = acc.map.vals[s];
		uint32_t a = (uint32_t)(key >> 32), b = (uint32_t)key;
		uint32_t lsh = (uint32_t)(v >> 32), fp = (uint32_t)v;
		uint32_t fmin = WT_MIN(in->nfp[a], in->nfp[b]);
		double contain = fmin ? (double)fp / fmin : 0;
		int ok = lsh >= 1 || (fp >= 2 && contain >= 0.08) || (fp >= 1 && fmin <= 2 && contain >= 0.5);
		if (!ok)
			continue;
		if (lsh)
			(*lsh_pairs)++;
		if (fp >= 2)
			(*fp_pairs)++;
		c[nc++] = (struct wt__cand){a, b, lsh, fp};
	}
	/* Each pair belongs to its later article, which keeps its best few:
	 * an article needs its source, not every copy of it.  When the two
	 * have the same date, or either has none, which one is later is not
	 * known, so the earlier one by input order ranks the pair as well.
	 * Pairs are bucketed by article (a counting sort), each bucket ranked
	 * on its own: linear in the pairs, where one global sort was not. */
	struct entry *ent = wt__malloc((2 * nc + 1) * sizeof(*ent));
	size_t *start = wt__calloc(2 * in->n + 2, sizeof(*start));
	struct entry *sorted = wt__malloc((2 * nc + 1) * sizeof(*sorted));
	uint8_t *keep = wt__calloc(nc + 1, 1);
	if (!ent || !start || !sorted || !keep) {
		wt__free(ent);
		wt__free(start);
		wt__free(sorted);
		wt__free(keep);
		st = WT_ERR_NOMEM;
		goto done;
	}
	size_t nent = 0;
	for (size_t i = 0; i < nc; i++) {
		uint32_t a = c[i].a, b = c[i].b;
		uint32_t later = in->order[a] > in->order[b] ? a : b;
		uint32_t earlier = later == a ? b : a;
		/* Two lists an article: pairs where it is the later one
		 * (owner 2x) and, when the order is in doubt, where it is the
		 * earlier one (owner 2x + 1); each keeps its own best. */
		ent[nent++] = (struct entry){rank_score(in, &c[i], later), a, b, 2 * later,
					     (uint32_t)i};
		int64_t ta = in->time[a], tb = in->time[b];
		if (ta == WT_TIME_UNKNOWN || tb == WT_TIME_UNKNOWN || ta == tb)
			ent[nent++] = (struct entry){rank_score(in, &c[i], earlier), a, b,
						     2 * earlier + 1, (uint32_t)i};
	}
	for (size_t i = 0; i < nent; i++)
		start[ent[i].owner + 1]++;
	for (size_t x = 0; x < 2 * in->n; x++)
		start[x + 1] += start[x];
	for (size_t i = 0; i < nent; i++)
		sorted[start[ent[i].owner] + deg[ent[i].owner]++] = ent[i];
	for (size_t x = 0; x < 2 * in->n; x++) {
		size_t lo = start[x], m = start[x + 1] - lo;
		if (m > 1)
			qsort(sorted + lo, m, sizeof(*sorted), cmp_entry);
		for (size_t q = 0; q < m && q < (size_t)in->max_candidates; q++)
			keep[sorted[lo + q].pair] = 1;
	}
	size_t kept = 0;
	for (size_t i = 0; i < nc; i++)
		if (keep[i])
			c[kept++] = c[i];
	wt__free(ent);
	wt__free(start);
	wt__free(sorted);
	wt__free(keep);
	/* Aligners take pairs in (a, b) order: an original and its copies
	 * come together, so the original is tokenized once for all of them. */
	qsort(c, kept, sizeof(*c), cmp_ab);
	*out = c;
	*count = kept;
	c = NULL;
done:
	wt__map_release(&acc.map);
	wt__free(e);
	wt__free(tmp);
	wt__free(deg);
	wt__free(c);
	return st;
}
