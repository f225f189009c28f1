/*
 * bench_stages.c - throughput of each sketching step on one corpus, in one
 * run: tokenize, shingles, MinHash, winnowing.  Prints MB/s of article text
 * for each, so a change to one step is measured on its own.
 *
 *   build/bench_stages FILE.jsonl
 */
#include <stdio.h>
#include <stdlib.h>

#include "sketch/sketch.h"
#include "text/text.h"
#include "wiretrace.h"

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: bench_stages FILE.jsonl\n");
		return 1;
	}
	struct wt_corpus *c;
	if (wt_corpus_new(&c) || wt_corpus_read_path(c, argv[1], WT_FORMAT_AUTO))
		return 1;
	size_t n = wt_corpus_count(c), bytes = 0, toks = 0;
	for (size_t i = 0; i < n; i++)
		bytes += wt_corpus_get(c, i)->text_len;
	struct wt__tokens tv = {0};
	uint64_t *sh = malloc(sizeof(uint64_t) * (16u << 20));
	uint32_t *fp = malloc(sizeof(uint32_t) * (16u << 20));
	uint32_t sig[128];
	double t_tok = 0, t_sh = 0, t_mh = 0, t_w = 0;
	unsigned long long sink = 0;
	for (int rep = 0; rep < 3; rep++) {
		double a = wt__now();
		for (size_t i = 0; i < n; i++) {
			const struct wt_article *ar = wt_corpus_get(c, i);
			wt__tokenize(ar->text, ar->text_len, &tv);
			toks += tv.n;
			sink += tv.n ? tv.v[tv.n - 1].hash : 0;
		}
		double b = wt__now();
		for (size_t i = 0; i < n; i++) {
			const struct wt_article *ar = wt_corpus_get(c, i);
			wt__tokenize(ar->text, ar->text_len, &tv);
			double s0 = wt__now();
			size_t ns = wt__shingles(tv.v, tv.n, 5, sh);
			double s1 = wt__now();
			wt__minhash(sh, ns, 128, sig);
			double s2 = wt__now();
			size_t nf = wt__winnow(sh, ns, 8, fp);
			double s3 = wt__now();
			sink += sig[0] + nf;
			t_sh += s1 - s0;
			t_mh += s2 - s1;
			t_w += s3 - s2;
		}
		t_tok += b - a;
	}
	double mb = 3 * bytes / 1e6;
	printf("%zu articles, %.1f MB of text, %zu tokens per pass\n", n, bytes / 1e6, toks / 3);
	printf("tokenize  %8.1f MB/s\n", mb / t_tok);
	printf("shingles  %8.1f MB/s\n", mb / t_sh);
	printf("minhash   %8.1f MB/s\n", mb / t_mh);
	printf("winnow    %8.1f MB/s\n", mb / t_w);
	printf("(checksum %llu)\n", sink);
	free(sh);
	free(fp);
	free(tv.v);
	wt_corpus_free(c);
	return 0;
}
