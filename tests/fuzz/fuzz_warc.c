/*
 * fuzz_warc.c - libFuzzer target for the WARC reader (src/read/read_warc.c)
 * and the page reader it feeds.  The first byte picks how the rest reaches
 * the reader: as it is, gzipped whole (one member), or gzipped a member per
 * record (split before each "WARC/1."), so the fuzzer reaches the gzip paths
 * with valid members; with its high bit set, one byte of the compressed data
 * (chosen by the second byte) is flipped, for damaged members.  The data is
 * read with wt_corpus_read_memory as WT_FORMAT_WARC.  Every article must
 * pass fuzz_check_article (an id, valid UTF-8 without NUL, text_len right,
 * time agreeing with date), ids must be unique, and the diagnostics must
 * name the input, point inside it (the compressed data for gzip) and agree
 * with the stats.  The reader never fails on bad input: only WT_OK.  When
 * the gzip data is not damaged, the articles must be the same, in the same
 * order, as those read from the plain input: how records are split into
 * members, and where the reader's window over the inflated stream ends,
 * must not change what is read.  Read plain, no more articles than lines
 * "WARC/1." come out.
 */
#include <zlib.h>

#include "fuzz_check.h"

#define NAME "fuzz.warc"

/* Appends one gzip member holding [p, p + n) to out (capacity enough). */
static size_t put_member(const uint8_t *p, size_t n, uint8_t *out, size_t room)
{
	z_stream z;
	memset(&z, 0, sizeof(z));
	if (deflateInit2(&z, 1, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY) != Z_OK)
		return 0;
	z.next_in = (uint8_t *)(uintptr_t)p;
	z.avail_in = (uInt)n;
	z.next_out = out;
	z.avail_out = (uInt)room;
	int r = deflate(&z, Z_FINISH);
	size_t got = room - z.avail_out;
	deflateEnd(&z);
	return r == Z_STREAM_END ? got : 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 2)
		return 0;
	int mode = data[0] % 3, flip = data[0] & 0x80;
	size_t where = data[1];
	const uint8_t *in = data + 2;
	size_t n = size - 2;
	uint8_t *buf = NULL;
	size_t len = n;
	if (mode) {
		/* Per member at most deflateBound's overhead; members are
		 * at most one per input byte. */
		size_t room = n + n / 8 + 64 * (n + 1) + 64;
		buf = malloc(room);
		FUZZ_CHECK(buf != NULL);
		len = 0;
		size_t from = 0;
		for (size_t i = 1; i <= n; i++) {
			int cut = i == n || (mode == 2 && i + 7 <= n && !memcmp(in + i, "WARC/1.", 7));
			if (!cut)
				continue;
			size_t got = put_member(in + from, i - from, buf + len, room - len);
			FUZZ_CHECK(got > 0);
			len += got;
			from = i;
		}
		if (n == 0)
			len = put_member(in, 0, buf, room);
		if (flip && len)
			buf[(where * 131) % len] ^= (uint8_t)(1u << (where % 8));
		in = buf;
	}
	struct fuzz_diags fd;
	struct wt_corpus *c = fuzz_read(in, len, NAME, WT_FORMAT_WARC, &fd);
	if (!c) {
		free(buf);
		return 0;
	}
	if (!mode) {
		size_t records = 0;
		for (size_t i = 0; i + 7 <= n; i++)
			records += !memcmp(in + i, "WARC/1.", 7);
		FUZZ_CHECK(wt_corpus_count(c) <= records);
	} else if (!flip && !(n >= 2 && in == buf && data[2] == 0x1f && data[3] == 0x8b)) {
		/* (Plain data that starts like gzip is read as gzip.) */
		struct fuzz_diags pd;
		struct wt_corpus *p = fuzz_read(data + 2, n, NAME, WT_FORMAT_WARC, &pd);
		if (p) {
			FUZZ_CHECK(wt_corpus_count(p) == wt_corpus_count(c));
			for (size_t i = 0; i < wt_corpus_count(c); i++) {
				const struct wt_article *a = wt_corpus_get(c, i), *b = wt_corpus_get(p, i);
				FUZZ_CHECK(!strcmp(a->id, b->id));
				FUZZ_CHECK(a->text_len == b->text_len);
				FUZZ_CHECK(!memcmp(a->text, b->text, a->text_len));
			}
			FUZZ_CHECK(pd.skips == fd.skips);
			wt_corpus_free(p);
		}
	}
	wt_corpus_free(c);
	free(buf);
	return 0;
}
