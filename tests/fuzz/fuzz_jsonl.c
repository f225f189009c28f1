/*
 * fuzz_jsonl.c - libFuzzer target for the JSON Lines reader
 * (src/read/read_jsonl.c, its hand-written strict JSON scanner, and the
 * corpus code it feeds).  The input is read with wt_corpus_read_memory as
 * WT_FORMAT_JSONL; then every article must have a non-NULL, non-empty id,
 * unique in the corpus, and text that is valid UTF-8 without NUL bytes with
 * text_len == strlen(text); every optional field is absent or valid UTF-8;
 * `time` agrees with `date`.  Every diagnostic must name the input, carry a
 * message and point inside it, the counts must agree with the diagnostics,
 * and every non-blank line must end as exactly one article or one reported
 * skip.  ASan and UBSan catch reads past a line or a field.  A corpus of a
 * few dozen articles then goes through the whole pipeline (site chrome,
 * sketches, families, stories, provenance): every article's story, family
 * and source must be articles of the corpus, a source never itself, and a
 * rewrite or copy must have a source while an independent report has none.
 * Each story's aligned sentences (added ones its own, dropped ones its
 * source's) and its claims must point inside the texts.  The input is also
 * read in shares (as wiretrace-mpi's ranks read it) and on three threads,
 * and must come out the same.
 */
#include <unistd.h>

#include "fuzz_check.h"

#define NAME "fuzz.jsonl"

/* Non-blank lines, counted as the reader counts them: a UTF-8 byte order
 * mark is dropped once at the start; blank means only ' ', '\t', '\r'. */
static void count_lines(const char *p, size_t len, size_t *records,
			long long *lines)
{
	const char *end = p + len;
	*records = 0;
	*lines = 0;
	if (len >= 3 && !memcmp(p, "\xEF\xBB\xBF", 3))
		p += 3;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *le = nl ? nl : end;
		int blank = 1;
		for (const char *q = p; q < le; q++)
			if (*q != ' ' && *q != '\t' && *q != '\r')
				blank = 0;
		(*lines)++;
		*records += !blank;
		p = nl ? nl + 1 : end;
	}
}

/* Diagnostics of a share reading: the lines and offsets of skips. */
struct share_diags {
	long long line[64], offset[64];
	size_t n, skips;
};

static void on_share_diag(void *ud, const struct wt_diag *d)
{
	struct share_diags *sd = ud;
	if (d->kind != WT_DIAG_SKIP)
		return;
	if (sd->n < 64) {
		sd->line[sd->n] = d->line;
		sd->offset[sd->n] = d->offset;
		sd->n++;
	}
	sd->skips++;
}

/* The file read whole and in 2 and 3 shares (as wiretrace-mpi's ranks
 * read it): the shares in turn hold the same articles, and report the
 * same skips at the same lines and offsets. */
static void check_shares(const uint8_t *data, size_t size)
{
	static char path[64];
	if (!path[0])
		snprintf(path, sizeof(path), "/tmp/fuzz-shares-%d.jsonl", (int)getpid());
	FILE *f = fopen(path, "wb");
	if (!f)
		return;
	fwrite(data, 1, size, f);
	fclose(f);
	struct wt_corpus *whole;
	struct share_diags wd = {0};
	FUZZ_CHECK(wt_corpus_new(&whole) == WT_OK);
	wt_corpus_set_diag(whole, on_share_diag, &wd);
	FUZZ_CHECK(wt_corpus_read_path(whole, path, WT_FORMAT_AUTO) == WT_OK);
	for (int shares = 2; shares <= 3; shares++) {
		size_t skips = 0, nd = 0;
		int whole_read = 0;
		struct wt_corpus *merged; /* the shares' articles added in turn */
		FUZZ_CHECK(wt_corpus_new(&merged) == WT_OK);
		for (int k = 0; k < shares; k++) {
			struct wt_corpus *c;
			struct share_diags sd = {0};
			FUZZ_CHECK(wt_corpus_new(&c) == WT_OK);
			wt_corpus_set_diag(c, on_share_diag, &sd);
			wt_corpus_set_keep_ids(c, 1);
			enum wt_status st = wt_corpus_read_share(c, path, WT_FORMAT_AUTO, k, shares);
			if (st == WT_ERR_INVALID) { /* not shareable: one reads it whole */
				whole_read = 1;
				wt_corpus_free(c);
				break;
			}
			FUZZ_CHECK(st == WT_OK);
			for (size_t i = 0; i < wt_corpus_count(c); i++)
				FUZZ_CHECK(wt_corpus_add(merged, wt_corpus_get(c, i)) == WT_OK);
			for (size_t d = 0; d < sd.n && nd < wd.n; d++, nd++)
				FUZZ_CHECK(sd.line[d] == wd.line[nd] && sd.offset[d] == wd.offset[nd]);
			skips += sd.skips;
			wt_corpus_free(c);
		}
		if (!whole_read) {
			/* ids repeated across shares are renamed in the merge, as a
			 * whole reading renames them */
			FUZZ_CHECK(wt_corpus_count(merged) == wt_corpus_count(whole));
			for (size_t i = 0; i < wt_corpus_count(whole); i++) {
				const struct wt_article *a = wt_corpus_get(merged, i);
				const struct wt_article *b = wt_corpus_get(whole, i);
				FUZZ_CHECK(!strcmp(a->id, b->id) && a->text_len == b->text_len &&
					   !memcmp(a->text, b->text, a->text_len) && a->time == b->time);
			}
			FUZZ_CHECK(skips == wd.skips);
		}
		wt_corpus_free(merged);
	}
	wt_corpus_free(whole);
	unlink(path);
}

/* Diagnostics in full, to compare two readings. */
struct all_diags {
	size_t n;
	long long line[64], offset[64];
	enum wt_diag_kind kind[64];
	char msg[64][96];
};

static void on_diag(void *ud, const struct wt_diag *d)
{
	struct all_diags *ad = ud;
	if (ad->n < 64) {
		ad->line[ad->n] = d->line;
		ad->offset[ad->n] = d->offset;
		ad->kind[ad->n] = d->kind;
		snprintf(ad->msg[ad->n], sizeof(ad->msg[0]), "%s", d->message);
	}
	ad->n++;
}

static int same_field(const char *a, const char *b)
{
	return (!a && !b) || (a && b && !strcmp(a, b));
}

/* The input read on one thread and on three (the fuzz build parses lines on
 * threads from 1 byte, in windows of 64 bytes a thread, and the threads copy
 * the fields that need only copying): the same articles, every field, and
 * the same diagnostics in the same order. */
static void check_threads(const uint8_t *data, size_t size)
{
	struct wt_corpus *c[2];
	static struct all_diags d[2];
	for (int v = 0; v < 2; v++) {
		memset(&d[v], 0, sizeof(d[v]));
		FUZZ_CHECK(wt_corpus_new(&c[v]) == WT_OK);
		wt_corpus_set_diag(c[v], on_diag, &d[v]);
		wt_corpus_set_threads(c[v], v ? 3 : 1);
		FUZZ_CHECK(wt_corpus_read_memory(c[v], NAME, (const char *)data, size,
						 WT_FORMAT_JSONL) == WT_OK);
	}
	FUZZ_CHECK(wt_corpus_count(c[0]) == wt_corpus_count(c[1]));
	for (size_t i = 0; i < wt_corpus_count(c[0]); i++) {
		const struct wt_article *a = wt_corpus_get(c[0], i), *b = wt_corpus_get(c[1], i);
		FUZZ_CHECK(!strcmp(a->id, b->id) && a->text_len == b->text_len &&
			   !memcmp(a->text, b->text, a->text_len) && a->time == b->time);
		FUZZ_CHECK(same_field(a->url, b->url) && same_field(a->site, b->site) &&
			   same_field(a->date, b->date) && same_field(a->title, b->title) &&
			   same_field(a->byline, b->byline));
	}
	FUZZ_CHECK(d[0].n == d[1].n);
	for (size_t k = 0; k < d[0].n && k < 64; k++)
		FUZZ_CHECK(d[0].line[k] == d[1].line[k] && d[0].offset[k] == d[1].offset[k] &&
			   d[0].kind[k] == d[1].kind[k] && !strcmp(d[0].msg[k], d[1].msg[k]));
	wt_corpus_free(c[0]);
	wt_corpus_free(c[1]);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size <= 4096) {
		check_shares(data, size);
		check_threads(data, size);
	}
	struct fuzz_diags fd;
	struct wt_corpus *c = fuzz_read(data, size, NAME, WT_FORMAT_JSONL, &fd);
	if (!c)
		return 0;

	size_t records;
	long long lines;
	count_lines((const char *)data, size, &records, &lines);
	size_t n = wt_corpus_count(c);
	FUZZ_CHECK(fd.max_line <= lines);
	if (fd.input_skips) {
		/* Empty or binary: skipped whole, before any line was read. */
		FUZZ_CHECK(fd.input_skips == 1 && n == 0 && fd.record_skips == 0);
	} else {
		FUZZ_CHECK(n + fd.record_skips == records);
	}
	if (n && n <= 64) {
		struct wt_options o;
		wt_options_default(&o);
		o.threads = 1;
		struct wt_result *r = NULL;
		FUZZ_CHECK(wt_analyze(c, &o, &r) == WT_OK);
		for (size_t i = 0; i < n; i++) {
			const struct wt_article_result *ar = wt_result_article(r, i);
			FUZZ_CHECK(ar->story < n && ar->family < n);
			FUZZ_CHECK(ar->source == WT_NONE || (ar->source < n && ar->source != i));
			if (ar->relation == WT_REL_ORIGINAL || ar->relation == WT_REL_INDEPENDENT)
				FUZZ_CHECK(ar->source == WT_NONE);
			else
				FUZZ_CHECK(ar->source != WT_NONE);
			FUZZ_CHECK(ar->coverage >= 0 && ar->coverage <= 1);
		}
		/* every story's aligned sentences and claims point inside its
		 * articles' texts */
		for (size_t s = 0; s < n; s++) {
			if (wt_result_article(r, s)->story != s)
				continue;
			struct wt_story_versions *v = NULL;
			FUZZ_CHECK(wt_story_versions(r, s, &v) == WT_OK);
			for (size_t k = 0; k < v->n_sentences; k++) {
				const struct wt_story_sentence *ss = &v->sentences[k];
				FUZZ_CHECK(ss->article < n && ss->group < v->n_groups);
				FUZZ_CHECK(ss->span.start < ss->span.end &&
					   ss->span.end <= wt_corpus_get(c, ss->article)->text_len);
			}
			for (size_t m = 0; m < v->n_versions; m++) {
				const struct wt_version *ver = &v->versions[m];
				for (size_t k = 0; k < ver->n_added; k++)
					FUZZ_CHECK(v->sentences[ver->added[k]].article == ver->article);
				for (size_t k = 0; k < ver->n_dropped; k++)
					FUZZ_CHECK(v->sentences[ver->dropped[k]].article == ver->source);
			}
			struct wt_claim *cl = NULL;
			size_t ncl = 0;
			FUZZ_CHECK(wt_story_claims(r, v, &cl, &ncl) == WT_OK);
			for (size_t k = 0; k < ncl; k++) {
				FUZZ_CHECK(cl[k].n_versions >= 2);
				for (size_t x = 0; x < cl[k].n_versions; x++) {
					const struct wt_claim_version *cv = &cl[k].versions[x];
					FUZZ_CHECK(cv->article < n && cv->n_articles >= 1);
					FUZZ_CHECK(cv->span.start <= cv->span.end &&
						   cv->span.end <= wt_corpus_get(c, cv->article)->text_len);
				}
			}
			wt_story_claims_free(cl, ncl);
			wt_story_versions_free(v);
		}
		wt_result_free(r);
	}
	wt_corpus_free(c);
	return 0;
}
