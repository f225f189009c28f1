/*
 * floor.c - the least work that stands for datasketch's in bench/peers.py,
 * written plainly in C on one core: a bound below which "the same work"
 * cannot be expected to go without hand-tuned SIMD throughout.
 *
 * Per JSON line: the "text" value is found with memmem (escapes not
 * decoded, no Unicode: a word is a run of ASCII letters and digits, lowered
 * by OR 0x20), each word hashed 8 bytes at a time, 5-word shingles, a
 * one-permutation MinHash of 128 bins (empty bins not filled), 32 band
 * keys of 4 rows; then every key radix-sorted and equal keys counted (the
 * buckets).  wiretrace does all of this and more: JSON decoding, UTF-8
 * repair, NFKC and case folding in every script, densified bins, winnowed
 * fingerprints, candidate pairs.
 *
 *   build/bench_floor FILE.jsonl
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static inline uint64_t mix(uint64_t x)
{
	x ^= x >> 33;
	x *= 0xff51afd7ed558ccdULL;
	x ^= x >> 33;
	x *= 0xc4ceb9fe1a85ec53ULL;
	return x ^ (x >> 33);
}

static double now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + t.tv_nsec / 1e9;
}

static inline uint64_t rotl(uint64_t x, int r)
{
	return (x << r) | (x >> (64 - r));
}

/* LSD radix sort, 16 bits a pass; the result ends in a (4 passes). */
static void radix(uint64_t *a, uint64_t *tmp, size_t n)
{
	static size_t cnt[65537];
	for (int s = 0; s < 64; s += 16) {
		memset(cnt, 0, sizeof(cnt));
		for (size_t i = 0; i < n; i++)
			cnt[((a[i] >> s) & 0xFFFF) + 1]++;
		for (int i = 0; i < 65536; i++)
			cnt[i + 1] += cnt[i];
		for (size_t i = 0; i < n; i++)
			tmp[cnt[(a[i] >> s) & 0xFFFF]++] = a[i];
		uint64_t *x = a;
		a = tmp;
		tmp = x;
	}
}

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: bench_floor FILE.jsonl\n");
		return 2;
	}
	unsigned char word[256] = {0};
	for (int c = 'a'; c <= 'z'; c++)
		word[c] = word[c - 32] = 1;
	for (int c = '0'; c <= '9'; c++)
		word[c] = 1;
	int fd = open(argv[1], O_RDONLY);
	struct stat st;
	if (fd < 0 || fstat(fd, &st) || st.st_size == 0) {
		perror(argv[1]);
		return 1;
	}
	size_t n = (size_t)st.st_size;
	const unsigned char *s = mmap(NULL, n, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
	if (s == MAP_FAILED) {
		perror("mmap");
		return 1;
	}
	double t0 = now();
	size_t cap = 1 << 20, nk = 0, docs = 0;
	uint64_t *keys = malloc(cap * sizeof(*keys));
	for (const unsigned char *p = s, *e = s + n; p < e && keys; docs++) {
		const unsigned char *nl = memchr(p, '\n', (size_t)(e - p));
		if (!nl)
			nl = e;
		const unsigned char *t = memmem(p, (size_t)(nl - p), "\"text\": \"", 9);
		uint32_t sig[128];
		memset(sig, 0xff, sizeof(sig));
		uint64_t w0 = 0, w1 = 0, w2 = 0, w3 = 0, w4 = 0;
		size_t k = 0;
		if (t)
			t += 9; /* past "text": " */
		while (t && t < nl) {
			if (!word[*t]) {
				if (*t == '"' && t[-1] != '\\')
					break;
				t++;
				continue;
			}
			const unsigned char *b = t;
			while (t < nl && word[*t])
				t++;
			size_t len = (size_t)(t - b);
			uint64_t h = len, x;
			for (; len >= 8; b += 8, len -= 8) {
				memcpy(&x, b, 8);
				h = rotl((h ^ (x | 0x2020202020202020ULL)) * 0x9E3779B97F4A7C15ULL, 31);
			}
			if (len) {
				x = 0;
				memcpy(&x, b, len);
				h = (h ^ (x | (0x2020202020202020ULL >> (8 * (8 - len))))) * 0x9E3779B97F4A7C15ULL;
			}
			w0 = w1, w1 = w2, w2 = w3, w3 = w4, w4 = h;
			if (++k >= 5) {
				uint64_t sh = mix(w0 ^ rotl(w1, 1) ^ rotl(w2, 2) ^ rotl(w3, 3) ^ rotl(w4, 4));
				uint32_t bin = (uint32_t)(((sh >> 32) * 128) >> 32), v = (uint32_t)sh;
				if (v < sig[bin])
					sig[bin] = v;
			}
		}
		if (nk + 32 > cap) {
			uint64_t *k2 = realloc(keys, 2 * cap * sizeof(*keys));
			if (!k2)
				break;
			keys = k2;
			cap *= 2;
		}
		for (int b = 0; b < 32; b++) {
			uint64_t h = (uint64_t)b;
			for (int r = 0; r < 4; r++)
				h = mix(h ^ sig[b * 4 + r]);
			keys[nk++] = h;
		}
		p = nl + 1;
	}
	double t1 = now();
	uint64_t *tmp = keys ? malloc(nk * sizeof(*tmp) + 1) : NULL;
	if (!tmp) {
		fprintf(stderr, "bench_floor: out of memory\n");
		return 1;
	}
	radix(keys, tmp, nk);
	size_t same = 0;
	for (size_t i = 1; i < nk; i++)
		same += keys[i] == keys[i - 1];
	double t2 = now();
	printf("floor: %zu lines, %zu band keys (%zu equal to the one before); "
	       "scan and sketch %.3f s, sort %.3f s, total %.3f s\n",
	       docs, nk, same, t1 - t0, t2 - t1, t2 - t0);
	free(tmp);
	free(keys);
	munmap((void *)s, n);
	close(fd);
	return 0;
}
