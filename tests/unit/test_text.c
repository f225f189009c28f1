/*
 * test_text.c - unit tests of the text modules on news-like sentences in
 * several scripts.  Normalization: NFKC (full-width letters and digits,
 * ligatures), case folding (German sharp s, Greek with accents and final
 * sigma, Cyrillic), typographic quotes and dashes unified to ASCII, composed
 * and decomposed accents equal, Urdu tatweel and zero-width non-joiners
 * dropped, whitespace collapsed, and the offset map pointing each output
 * byte at the original byte it came from.  Tokens: byte offsets of Latin
 * words, numbers with separators, "U.S.", Cyrillic, Urdu, Devanagari words
 * with their vowel signs, one token per CJK ideograph and kana, Markdown
 * links, and token hashes equal across case, width and quote forms
 * (hashes are only compared with each other, never with fixed values).
 * Sentences: abbreviations, ? and !, Urdu, Hindi and Chinese terminators,
 * blank lines, and hard-wrapped wire copy.  UTF-8 repair with offsets.
 */
#include "helpers.h"

#include "text/text.h"

/* ---- helpers ----------------------------------------------------------- */

/* @return the normalized form of s (caller frees). */
static char *norm(const char *s)
{
	char *out = NULL;
	size_t len = 0;
	assert_int_equal(wt_normalize(s, strlen(s), &out, &len, NULL), WT_OK);
	assert_non_null(out);
	assert_int_equal(strlen(out), len);
	return out;
}

#define assert_norm(in, want)                       \
	do {                                        \
		char *got_ = norm(in);              \
		assert_string_equal(got_, (want));  \
		wt_free(got_);                      \
	} while (0)

#define assert_norm_same(x, y)                      \
	do {                                        \
		char *nx_ = norm(x), *ny_ = norm(y); \
		assert_string_equal(nx_, ny_);      \
		wt_free(nx_);                       \
		wt_free(ny_);                       \
	} while (0)

struct toks {
	struct wt_token *v;
	size_t n;
	const char *text;
};

static struct toks tok(const char *s)
{
	struct toks t = {NULL, 0, s};
	assert_int_equal(wt_tokenize(s, strlen(s), &t.v, &t.n), WT_OK);
	return t;
}

/* Asserts that the tokens of t are exactly the words listed, by their
 * bytes in the original text. */
static void assert_tokens_at(struct toks t, const char *const *words,
			     size_t n, const char *file, int line)
{
	if (t.n != n) {
		print_error("%zu tokens, expected %zu, in \"%s\":\n", t.n, n, t.text);
		for (size_t i = 0; i < t.n; i++)
			print_error("  [%u,%u) \"%.*s\"\n", t.v[i].start, t.v[i].end,
				    (int)(t.v[i].end - t.v[i].start), t.text + t.v[i].start);
		wt_free(t.v); /* the test ends here */
		_fail(file, line);
	}
	for (size_t i = 0; i < n; i++) {
		size_t len = t.v[i].end - t.v[i].start;
		if (len != strlen(words[i]) || memcmp(t.text + t.v[i].start, words[i], len)) {
			print_error("token %zu is \"%.*s\", expected \"%s\"\n", i, (int)len,
				    t.text + t.v[i].start, words[i]);
			wt_free(t.v);
			_fail(file, line);
		}
	}
}

#define assert_tokens(t, ...)                                                  \
	do {                                                                   \
		static const char *const w_[] = {__VA_ARGS__};                 \
		assert_tokens_at((t), w_, sizeof(w_) / sizeof(w_[0]), __FILE__, \
				 __LINE__);                                     \
	} while (0)

/* @return the hash of the only token of s. */
static uint64_t hash1(const char *s)
{
	struct toks t = tok(s);
	if (t.n != 1)
		print_error("\"%s\" gives %zu tokens\n", s, t.n);
	assert_int_equal(t.n, 1);
	uint64_t h = t.v[0].hash;
	wt_free(t.v);
	return h;
}

struct sents {
	struct wt_span *v;
	size_t n;
	const char *text;
};

static struct sents sent(const char *s)
{
	struct sents r = {NULL, 0, s};
	assert_int_equal(wt_sentences(s, strlen(s), &r.v, &r.n), WT_OK);
	return r;
}

static void assert_sentences_at(struct sents r, const char *const *want,
				size_t n, const char *file, int line)
{
	int bad = r.n != n;
	for (size_t i = 0; !bad && i < n; i++) {
		size_t len = r.v[i].end - r.v[i].start;
		bad = len != strlen(want[i]) || memcmp(r.text + r.v[i].start, want[i], len);
	}
	if (!bad)
		return;
	print_error("%zu sentences, expected %zu:\n", r.n, n);
	for (size_t i = 0; i < r.n; i++)
		print_error("  got [%zu,%zu) \"%.*s\"\n", r.v[i].start, r.v[i].end,
			    (int)(r.v[i].end - r.v[i].start), r.text + r.v[i].start);
	for (size_t i = 0; i < n; i++)
		print_error("  want \"%s\"\n", want[i]);
	wt_free(r.v); /* the test ends here */
	_fail(file, line);
}

#define assert_sentences(r, ...)                                                  \
	do {                                                                      \
		const char *const w_[] = {__VA_ARGS__};                           \
		assert_sentences_at((r), w_, sizeof(w_) / sizeof(w_[0]), __FILE__, \
				    __LINE__);                                     \
	} while (0)

/* ---- normalization ----------------------------------------------------- */

static void test_normalize_nfkc(void **state)
{
	(void)state;
	/* Full-width Latin letters and digits, as in East Asian news sites. */
	assert_norm("\xEF\xBC\xA1\xEF\xBC\xA2\xEF\xBC\xA3", "abc");                  /* ＡＢＣ */
	assert_norm("\xEF\xBC\xA1\xEF\xBC\xA2\xEF\xBC\xA3 News", "abc news");
	assert_norm("\xEF\xBC\x92\xEF\xBC\x90\xEF\xBC\x92\xEF\xBC\x94 budget", "2024 budget"); /* ２０２４ */
	/* Ligatures from PDF copy. */
	assert_norm("\xEF\xAC\x81nance ministers", "finance ministers");     /* ﬁnance */
	assert_norm("the o\xEF\xAC\x83" "ce said", "the office said");           /* oﬃce */
	/* A no-break space is a space. */
	assert_norm("10\xC2\xA0" "km north", "10 km north");
}

static void test_normalize_case_folding(void **state)
{
	(void)state;
	assert_norm("Police closed the STRASSE", "police closed the strasse");
	assert_norm_same("Stra\xC3\x9F" "e", "STRASSE");                        /* Straße */
	assert_norm("Stra\xC3\x9F" "e", "strasse");
	/* Greek: accents kept, case folded, final sigma folded. */
	assert_norm_same("\xCE\x95\xCE\xBB\xCE\xBB\xCE\xAC\xCE\xB4\xCE\xB1",       /* Ελλάδα */
			 "\xCE\x95\xCE\x9B\xCE\x9B\xCE\x86\xCE\x94\xCE\x91");       /* ΕΛΛΆΔΑ */
	assert_norm("\xCE\x95\xCE\x9B\xCE\x9B\xCE\x86\xCE\x94\xCE\x91",
		    "\xCE\xB5\xCE\xbb\xCE\xbb\xCE\xAC\xCE\xB4\xCE\xB1");            /* ελλάδα */
	assert_norm_same("\xCE\x9F\xCE\xB4\xCF\x85\xCF\x83\xCF\x83\xCE\xB5\xCF\x8D\xCF\x82", /* Οδυσσεύς */
			 "\xCE\x9F\xCE\x94\xCE\xA5\xCE\xA3\xCE\xA3\xCE\x95\xCE\x8E\xCE\xA3"); /* ΟΔΥΣΣΕΎΣ */
	/* Different accents stay different words. */
	char *a = norm("\xCF\x80\xCF\x8C\xCE\xBB\xCE\xB7"); /* πόλη */
	char *b = norm("\xCF\x80\xCE\xBF\xCE\xBB\xCE\xB7"); /* πολη */
	assert_string_not_equal(a, b);
	wt_free(a);
	wt_free(b);
	/* Cyrillic. */
	assert_norm("\xD0\x9C\xD0\x9E\xD0\xA1\xD0\x9A\xD0\x92\xD0\x90 \xD0\xB8 \xD0\x9A\xD0\xB8\xD0\xB5\xD0\xB2", /* МОСКВА и Киев */
		    "\xD0\xBC\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0 \xD0\xB8 \xD0\xBA\xD0\xB8\xD0\xB5\xD0\xB2");
}

static void test_normalize_punctuation(void **state)
{
	(void)state;
	/* “Not now” — he said – and ‘left’ */
	assert_norm("\xE2\x80\x9CNot now\xE2\x80\x9D \xE2\x80\x94 he said \xE2\x80\x93 and "
		    "\xE2\x80\x98left\xE2\x80\x99",
		    "\"not now\" - he said - and 'left'");
	assert_norm_same("The minister\xE2\x80\x99s \xE2\x80\x9Cred line\xE2\x80\x9D",
			 "the minister's \"red line\"");
	/* « guillemets » and the minus sign. */
	assert_norm("\xC2\xAB" "Oui" "\xC2\xBB" " \xE2\x88\x92" "5", "\"oui\" -5");
	/* Whitespace runs, tabs and line breaks collapse; ends are trimmed. */
	assert_norm("  Rain \t\n\n fell   overnight. \n", "rain fell overnight.");
}

static void test_normalize_composed_decomposed(void **state)
{
	(void)state;
	/* café (U+00E9) against cafe + U+0301. */
	assert_norm_same("caf\xC3\xA9 in Orl\xC3\xA9" "ans", "cafe\xCC\x81 in Orle\xCC\x81" "ans");
	assert_norm("cafe\xCC\x81", "caf\xC3\xA9");
	assert_norm("CAFE\xCC\x81", "caf\xC3\xA9");
	/* Vietnamese with two marks on one letter: ệ as e + dot below + circumflex. */
	assert_norm_same("Vi\xE1\xBB\x87t", "Vie\xCC\xA3\xCC\x82t");
	/* A different letter is not equal. */
	char *a = norm("caf\xC3\xA9"), *b = norm("cafe");
	assert_string_not_equal(a, b);
	wt_free(a);
	wt_free(b);
}

static void test_normalize_urdu(void **state)
{
	(void)state;
	/* پاکستان with tatweel (U+0640) stretching a letter. */
	const char *plain = "\xD9\xBE\xD8\xA7\xDA\xA9\xD8\xB3\xD8\xAA\xD8\xA7\xD9\x86 "
			    "\xD9\x85\xDB\x8C\xDA\xBA \xD8\xA8\xD8\xA7\xD8\xB1\xD8\xB4";
	const char *tatweel = "\xD9\xBE\xD8\xA7\xDA\xA9\xD9\x80\xD9\x80\xD9\x80\xD8\xB3\xD8\xAA\xD8\xA7\xD9\x86 "
			      "\xD9\x85\xDB\x8C\xDA\xBA \xD8\xA8\xD8\xA7\xD8\xB1\xD9\x80\xD8\xB4";
	/* The same words with zero-width non-joiners (U+200C) inside. */
	const char *zwnj = "\xD9\xBE\xD8\xA7\xDA\xA9\xE2\x80\x8C\xD8\xB3\xD8\xAA\xD8\xA7\xD9\x86 "
			   "\xD9\x85\xDB\x8C\xDA\xBA \xD8\xA8\xD8\xA7\xD8\xB1\xE2\x80\x8C\xD8\xB4";
	assert_norm(plain, plain);
	assert_norm_same(plain, tatweel);
	assert_norm_same(plain, zwnj);
}

static void test_normalize_offset_map(void **state)
{
	(void)state;
	/* "ＡＢＣ  ﬁnal “deal”": every output byte maps to the first byte of
	 * the input character it came from. */
	const char *in = "\xEF\xBC\xA1\xEF\xBC\xA2\xEF\xBC\xA3  \xEF\xAC\x81nal "
			 "\xE2\x80\x9C" "deal" "\xE2\x80\x9D";
	char *out = NULL;
	size_t len = 0, *map = NULL;
	assert_int_equal(wt_normalize(in, strlen(in), &out, &len, &map), WT_OK);
	assert_string_equal(out, "abc final \"deal\"");
	assert_non_null(map);
	static const size_t want[] = {
		0, 3, 6,           /* a b c from ＡＢＣ */
		9,                 /* the space run */
		11, 11,            /* f i from ﬁ */
		14, 15, 16,        /* n a l */
		17,                /* space */
		18,                /* " from “ */
		21, 22, 23, 24,    /* deal */
		25,                /* " from ” */
	};
	assert_int_equal(len, sizeof(want) / sizeof(want[0]));
	for (size_t i = 0; i < len; i++) {
		if (map[i] != want[i])
			print_error("byte %zu '%c' maps to %zu, expected %zu\n", i, out[i],
				    map[i], want[i]);
		assert_int_equal(map[i], want[i]);
	}
	wt_free(out);
	wt_free(map);

	/* Decomposed accents and Cyrillic: each output byte points into the
	 * character it came from, and the map never decreases. */
	const char *in2 = "  Orle\xCC\x81" "ans \xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0";
	assert_int_equal(wt_normalize(in2, strlen(in2), &out, &len, &map), WT_OK);
	assert_string_equal(out, "orl\xC3\xA9" "ans \xD0\xBC\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0");
	assert_int_equal(map[0], 2);  /* o: leading spaces dropped */
	assert_int_equal(map[3], 5);  /* é starts at the e */
	assert_int_equal(map[4], 5);
	assert_int_equal(map[5], 8);  /* a after the combining mark */
	assert_int_equal(map[8], 11); /* the space */
	assert_int_equal(map[9], 12); /* м from М */
	for (size_t i = 1; i < len; i++)
		assert_true(map[i] >= map[i - 1]);
	for (size_t i = 0; i < len; i++)
		assert_true(map[i] < strlen(in2));
	wt_free(out);
	wt_free(map);
}

/* ---- tokens ------------------------------------------------------------ */

static void test_tokens_latin_offsets(void **state)
{
	(void)state;
	const char *s = "The mayor of Lyon resigned on Tuesday, aides said.";
	struct toks t = tok(s);
	assert_tokens(t, "The", "mayor", "of", "Lyon", "resigned", "on", "Tuesday", "aides", "said");
	assert_int_equal(t.v[0].start, 0);
	assert_int_equal(t.v[0].end, 3);
	assert_int_equal(t.v[3].start, 13);
	assert_int_equal(t.v[3].end, 17);
	assert_int_equal(t.v[6].start, 30);
	assert_int_equal(t.v[6].end, 37);
	assert_int_equal(t.v[8].end, strlen(s) - 1);
	wt_free(t.v);

	/* Accented Latin letters stay inside their words. */
	t = tok("Le pr\xC3\xA9sident fran\xC3\xA7" "ais a d\xC3\xA9" "clar\xC3\xA9");
	assert_tokens(t, "Le", "pr\xC3\xA9sident", "fran\xC3\xA7" "ais", "a",
		      "d\xC3\xA9" "clar\xC3\xA9");
	wt_free(t.v);
}

static void test_tokens_numbers(void **state)
{
	(void)state;
	struct toks t = tok("About 14,000 people fled; prices rose 5.93 percent in 2023.");
	assert_tokens(t, "About", "14,000", "people", "fled", "prices", "rose", "5.93",
		      "percent", "in", "2023");
	assert_int_equal(t.v[1].start, 6);
	assert_int_equal(t.v[1].end, 12);
	wt_free(t.v);
	/* A comma or period not between digits separates. */
	t = tok("In 2023, 1,250,000.5 votes. Then 3.");
	assert_tokens(t, "In", "2023", "1,250,000.5", "votes", "Then", "3");
	wt_free(t.v);
}

static void test_tokens_abbreviations(void **state)
{
	(void)state;
	struct toks t = tok("The U.S. envoy met Mr. Li.");
	assert_tokens(t, "The", "U", "S", "envoy", "met", "Mr", "Li");
	assert_int_equal(t.v[1].start, 4);
	assert_int_equal(t.v[2].start, 6);
	struct toks u = tok("the u.s. envoy");
	assert_int_equal(u.n, 4);
	assert_true(t.v[1].hash == u.v[1].hash);
	assert_true(t.v[2].hash == u.v[2].hash);
	assert_true(t.v[1].hash != t.v[2].hash);
	wt_free(t.v);
	wt_free(u.v);
}

static void test_tokens_scripts(void **state)
{
	(void)state;
	/* Cyrillic: Москва объявила о выборах */
	struct toks t = tok("\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0 "
			    "\xD0\xBE\xD0\xB1\xD1\x8A\xD1\x8F\xD0\xB2\xD0\xB8\xD0\xBB\xD0\xB0 "
			    "\xD0\xBE \xD0\xB2\xD1\x8B\xD0\xB1\xD0\xBE\xD1\x80\xD0\xB0\xD1\x85.");
	assert_tokens(t, "\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0",
		      "\xD0\xBE\xD0\xB1\xD1\x8A\xD1\x8F\xD0\xB2\xD0\xB8\xD0\xBB\xD0\xB0",
		      "\xD0\xBE", "\xD0\xB2\xD1\x8B\xD0\xB1\xD0\xBE\xD1\x80\xD0\xB0\xD1\x85");
	assert_int_equal(t.v[1].start, 13);
	wt_free(t.v);

	/* Urdu: وزیر اعظم نے کہا */
	t = tok("\xD9\x88\xD8\xB2\xDB\x8C\xD8\xB1 \xD8\xA7\xD8\xB9\xD8\xB8\xD9\x85 "
		"\xD9\x86\xDB\x92 \xDA\xA9\xDB\x81\xD8\xA7\xDB\x94");
	assert_tokens(t, "\xD9\x88\xD8\xB2\xDB\x8C\xD8\xB1", "\xD8\xA7\xD8\xB9\xD8\xB8\xD9\x85",
		      "\xD9\x86\xDB\x92", "\xDA\xA9\xDB\x81\xD8\xA7");
	wt_free(t.v);

	/* Devanagari words keep their vowel signs, virama and nukta:
	 * प्रधानमंत्री ने किताब पढ़ी */
	t = tok("\xE0\xA4\xAA\xE0\xA5\x8D\xE0\xA4\xB0\xE0\xA4\xA7\xE0\xA4\xBE\xE0\xA4\xA8"
		"\xE0\xA4\xAE\xE0\xA4\x82\xE0\xA4\xA4\xE0\xA5\x8D\xE0\xA4\xB0\xE0\xA5\x80 "
		"\xE0\xA4\xA8\xE0\xA5\x87 "
		"\xE0\xA4\x95\xE0\xA4\xBF\xE0\xA4\xA4\xE0\xA4\xBE\xE0\xA4\xAC "
		"\xE0\xA4\xAA\xE0\xA4\xA2\xE0\xA4\xBC\xE0\xA5\x80\xE0\xA5\xA4");
	assert_tokens(t,
		      "\xE0\xA4\xAA\xE0\xA5\x8D\xE0\xA4\xB0\xE0\xA4\xA7\xE0\xA4\xBE\xE0\xA4\xA8"
		      "\xE0\xA4\xAE\xE0\xA4\x82\xE0\xA4\xA4\xE0\xA5\x8D\xE0\xA4\xB0\xE0\xA5\x80",
		      "\xE0\xA4\xA8\xE0\xA5\x87",
		      "\xE0\xA4\x95\xE0\xA4\xBF\xE0\xA4\xA4\xE0\xA4\xBE\xE0\xA4\xAC",
		      "\xE0\xA4\xAA\xE0\xA4\xA2\xE0\xA4\xBC\xE0\xA5\x80");
	wt_free(t.v);
	/* किताब alone is one token. */
	t = tok("\xE0\xA4\x95\xE0\xA4\xBF\xE0\xA4\xA4\xE0\xA4\xBE\xE0\xA4\xAC");
	assert_int_equal(t.n, 1);
	assert_int_equal(t.v[0].start, 0);
	assert_int_equal(t.v[0].end, 15);
	wt_free(t.v);
}

static void test_tokens_cjk(void **state)
{
	(void)state;
	/* 北京时间 : four ideographs, four tokens of three bytes. */
	struct toks t = tok("\xE5\x8C\x97\xE4\xBA\xAC\xE6\x97\xB6\xE9\x97\xB4");
	assert_tokens(t, "\xE5\x8C\x97", "\xE4\xBA\xAC", "\xE6\x97\xB6", "\xE9\x97\xB4");
	for (size_t i = 0; i < 4; i++) {
		assert_int_equal(t.v[i].start, 3 * i);
		assert_int_equal(t.v[i].end, 3 * i + 3);
	}
	/* Equal characters, equal hashes; different ones differ. */
	assert_true(t.v[0].hash != t.v[1].hash);
	wt_free(t.v);

	/* Mixed with Latin and digits: 新华社 reported 5 人 */
	t = tok("\xE6\x96\xB0\xE5\x8D\x8E\xE7\xA4\xBE reported 5\xE4\xBA\xBA");
	assert_tokens(t, "\xE6\x96\xB0", "\xE5\x8D\x8E", "\xE7\xA4\xBE", "reported", "5",
		      "\xE4\xBA\xBA");
	wt_free(t.v);

	/* Japanese hiragana and katakana: 東京でテロ対策 */
	t = tok("\xE6\x9D\xB1\xE4\xBA\xAC\xE3\x81\xA7\xE3\x83\x86\xE3\x83\xAD"
		"\xE5\xAF\xBE\xE7\xAD\x96");
	assert_tokens(t, "\xE6\x9D\xB1", "\xE4\xBA\xAC", "\xE3\x81\xA7", "\xE3\x83\x86",
		      "\xE3\x83\xAD", "\xE5\xAF\xBE", "\xE7\xAD\x96");
	wt_free(t.v);

	/* Half-width katakana ﾃ equals full-width テ. */
	assert_true(hash1("\xEF\xBE\x83") == hash1("\xE3\x83\x86"));
}

/* Thai, Lao, Khmer and Myanmar have no spaces between words: a run of
 * letters is cut into words, so one changed word leaves its neighbours'
 * tokens as they were. */
static void assert_contiguous(struct toks t, size_t len)
{
	assert_true(t.n >= 2);
	assert_int_equal(t.v[0].start, 0);
	for (size_t k = 1; k < t.n; k++)
		assert_int_equal(t.v[k].start, t.v[k - 1].end);
	assert_int_equal(t.v[t.n - 1].end, len);
}

static void test_tokens_unspaced_scripts(void **state)
{
	(void)state;
	/* เร่งอพยพผู้สูงอายุ ("hurried to evacuate the elderly") */
	const char *th = "\xE0\xB9\x80\xE0\xB8\xA3\xE0\xB9\x88\xE0\xB8\x87\xE0\xB8\xAD\xE0\xB8\x9E"
			 "\xE0\xB8\xA2\xE0\xB8\x9E\xE0\xB8\x9C\xE0\xB8\xB9\xE0\xB9\x89\xE0\xB8\xAA"
			 "\xE0\xB8\xB9\xE0\xB8\x87\xE0\xB8\xAD\xE0\xB8\xB2\xE0\xB8\xA2\xE0\xB8\xB8";
	/* the same with อพยพ changed: เร่งเคลื่อนย้ายผู้สูงอายุ */
	const char *th2 = "\xE0\xB9\x80\xE0\xB8\xA3\xE0\xB9\x88\xE0\xB8\x87\xE0\xB9\x80\xE0\xB8\x84"
			  "\xE0\xB8\xA5\xE0\xB8\xB7\xE0\xB9\x88\xE0\xB8\xAD\xE0\xB8\x99\xE0\xB8\xA2"
			  "\xE0\xB9\x89\xE0\xB8\xB2\xE0\xB8\xA2\xE0\xB8\x9C\xE0\xB8\xB9\xE0\xB9\x89"
			  "\xE0\xB8\xAA\xE0\xB8\xB9\xE0\xB8\x87\xE0\xB8\xAD\xE0\xB8\xB2\xE0\xB8\xA2"
			  "\xE0\xB8\xB8";
	const char *evacuate = "\xE0\xB8\xAD\xE0\xB8\x9E\xE0\xB8\xA2\xE0\xB8\x9E"; /* อพยพ */
	struct toks t = tok(th), u = tok(th2);
	assert_true(t.n >= 3);
	assert_contiguous(t, strlen(th));
	assert_contiguous(u, strlen(th2));
	int found = 0;
	for (size_t k = 0; k < t.n; k++)
		if (t.v[k].end - t.v[k].start == strlen(evacuate) &&
		    !memcmp(th + t.v[k].start, evacuate, strlen(evacuate))) {
			assert_true(t.v[k].hash == hash1(evacuate));
			found = 1;
		}
	assert_true(found);
	/* the first word and the last are the same tokens in both */
	assert_true(t.v[0].hash == u.v[0].hash);
	assert_int_equal(t.v[0].end, u.v[0].end);
	assert_true(t.v[t.n - 1].hash == u.v[u.n - 1].hash);
	/* a second time (the cuts now remembered): the same tokens */
	struct toks again = tok(th);
	assert_int_equal(again.n, t.n);
	for (size_t k = 0; k < t.n; k++) {
		assert_int_equal(again.v[k].start, t.v[k].start);
		assert_int_equal(again.v[k].end, t.v[k].end);
		assert_true(again.v[k].hash == t.v[k].hash);
	}
	wt_free(t.v);
	wt_free(u.v);
	wt_free(again.v);

	/* Digits and Latin beside Thai are tokens of their own:
	 * "COVID" glued to โควิด, and งบ 15 ล้านบาท ("a budget of 15 million baht") */
	t = tok("COVID\xE0\xB9\x82\xE0\xB8\x84\xE0\xB8\xA7\xE0\xB8\xB4\xE0\xB8\x94");
	assert_true(t.n >= 2);
	assert_int_equal(t.v[0].end, 5);
	assert_true(t.v[0].hash == hash1("covid"));
	wt_free(t.v);
	t = tok("\xE0\xB8\x87\xE0\xB8\x9A 15 \xE0\xB8\xA5\xE0\xB9\x89\xE0\xB8\xB2\xE0\xB8\x99"
		"\xE0\xB8\x9A\xE0\xB8\xB2\xE0\xB8\x97");
	assert_true(t.n >= 3);
	assert_int_equal(t.v[1].start, 7);
	assert_int_equal(t.v[1].end, 9);
	wt_free(t.v);

	/* Khmer រដ្ឋាភិបាលកម្ពុជា, Myanmar မြန်မာနိုင်ငံအစိုးရ, Lao ກະຊວງສາທາລະນະສຸກລາວ:
	 * each more than one word */
	static const char *const runs[] = {
		"\xE1\x9E\x9A\xE1\x9E\x8A\xE1\x9F\x92\xE1\x9E\x8B\xE1\x9E\xB6\xE1\x9E\x97\xE1\x9E\xB7"
		"\xE1\x9E\x94\xE1\x9E\xB6\xE1\x9E\x9B\xE1\x9E\x80\xE1\x9E\x98\xE1\x9F\x92\xE1\x9E\x96"
		"\xE1\x9E\xBB\xE1\x9E\x87\xE1\x9E\xB6",
		"\xE1\x80\x99\xE1\x80\xBC\xE1\x80\x94\xE1\x80\xBA\xE1\x80\x99\xE1\x80\xAC\xE1\x80\x94"
		"\xE1\x80\xAD\xE1\x80\xAF\xE1\x80\x84\xE1\x80\xBA\xE1\x80\x84\xE1\x80\xB6\xE1\x80\xA1"
		"\xE1\x80\x85\xE1\x80\xAD\xE1\x80\xAF\xE1\x80\xB8\xE1\x80\x9B",
		"\xE0\xBA\x81\xE0\xBA\xB0\xE0\xBA\x8A\xE0\xBA\xA7\xE0\xBA\x87\xE0\xBA\xAA\xE0\xBA\xB2"
		"\xE0\xBA\x97\xE0\xBA\xB2\xE0\xBA\xA5\xE0\xBA\xB0\xE0\xBA\x99\xE0\xBA\xB0\xE0\xBA\xAA"
		"\xE0\xBA\xB8\xE0\xBA\x81\xE0\xBA\xA5\xE0\xBA\xB2\xE0\xBA\xA7"};
	for (size_t r = 0; r < sizeof(runs) / sizeof(runs[0]); r++) {
		t = tok(runs[r]);
		assert_contiguous(t, strlen(runs[r]));
		wt_free(t.v);
	}
}

static void test_tokens_decomposed_kana(void **state)
{
	(void)state;
	/* が written as か + U+3099 (combining voiced sound mark), as macOS
	 * file names and some PDF extractions store it.  wt_normalize makes
	 * both forms が, so the tokenizer must give one kana token with the
	 * same hash, not か followed by a token of the bare mark. */
	char *n1 = norm("\xE3\x81\x8C"), *n2 = norm("\xE3\x81\x8B\xE3\x82\x99");
	assert_string_equal(n1, n2);
	wt_free(n1);
	wt_free(n2);
	struct toks t = tok("\xE3\x81\x8B\xE3\x82\x99");
	assert_tokens(t, "\xE3\x81\x8B\xE3\x82\x99");
	assert_true(t.v[0].hash == hash1("\xE3\x81\x8C"));
	wt_free(t.v);
	/* In a word: 東京ガス (ガ decomposed as カ + U+3099). */
	t = tok("\xE6\x9D\xB1\xE4\xBA\xAC\xE3\x82\xAB\xE3\x82\x99\xE3\x82\xB9");
	assert_tokens(t, "\xE6\x9D\xB1", "\xE4\xBA\xAC", "\xE3\x82\xAB\xE3\x82\x99",
		      "\xE3\x82\xB9");
	wt_free(t.v);
}

static void test_tokens_markdown_link(void **state)
{
	(void)state;
	const char *s = "Read [the full report](https://x.example/reports/2024-05) today.";
	struct toks t = tok(s);
	assert_tokens(t, "Read", "the", "full", "report", "today");
	wt_free(t.v);
	t = tok("[text](https://x.y/z)");
	assert_tokens(t, "text");
	wt_free(t.v);
	/* Brackets that are not a link keep their words. */
	t = tok("He said [sic] (twice) at 5 p.m.");
	assert_tokens(t, "He", "said", "sic", "twice", "at", "5", "p", "m");
	wt_free(t.v);
}

static void test_token_hash_equivalence(void **state)
{
	(void)state;
	/* Case. */
	assert_true(hash1("Parliament") == hash1("PARLIAMENT"));
	assert_true(hash1("Parliament") == hash1("parliament"));
	/* Width: ＡＢＣ and ２０２４. */
	assert_true(hash1("\xEF\xBC\xA1\xEF\xBC\xA2\xEF\xBC\xA3") == hash1("abc"));
	assert_true(hash1("\xEF\xBC\x92\xEF\xBC\x90\xEF\xBC\x92\xEF\xBC\x94") == hash1("2024"));
	/* Ligature and sharp s. */
	assert_true(hash1("\xEF\xAC\x81nance") == hash1("Finance"));
	assert_true(hash1("Stra\xC3\x9F" "e") == hash1("STRASSE"));
	/* Composed and decomposed accents. */
	assert_true(hash1("Orl\xC3\xA9" "ans") == hash1("ORLE\xCC\x81" "ANS"));
	/* Greek final sigma and Cyrillic case. */
	assert_true(hash1("\xCE\x9F\xCE\xB4\xCF\x85\xCF\x83\xCF\x83\xCE\xB5\xCF\x8D\xCF\x82") ==
		    hash1("\xCE\x9F\xCE\x94\xCE\xA5\xCE\xA3\xCE\xA3\xCE\x95\xCE\x8E\xCE\xA3"));
	assert_true(hash1("\xD0\x9C\xD0\x9E\xD0\xA1\xD0\x9A\xD0\x92\xD0\x90") ==
		    hash1("\xD0\xBC\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0"));
	/* Urdu with tatweel and ZWNJ. */
	assert_true(hash1("\xD9\xBE\xD8\xA7\xDA\xA9\xD9\x80\xD9\x80\xD8\xB3\xD8\xAA\xD8\xA7\xD9\x86") ==
		    hash1("\xD9\xBE\xD8\xA7\xDA\xA9\xD8\xB3\xD8\xAA\xD8\xA7\xD9\x86"));
	assert_true(hash1("\xD9\xBE\xD8\xA7\xDA\xA9\xE2\x80\x8C\xD8\xB3\xD8\xAA\xD8\xA7\xD9\x86") ==
		    hash1("\xD9\xBE\xD8\xA7\xDA\xA9\xD8\xB3\xD8\xAA\xD8\xA7\xD9\x86"));
	/* Different words differ. */
	assert_true(hash1("Parliament") != hash1("Parliaments"));
	assert_true(hash1("caf\xC3\xA9") != hash1("cafe"));

	/* Whole sentences with curly and straight quotes, different case and
	 * widths give the same token hashes in the same order. */
	const char *x = "\xE2\x80\x9CWe won\xE2\x80\x99t back down,\xE2\x80\x9D the "
			"\xEF\xBC\xB5\xEF\xBC\xAE chief said \xE2\x80\x94 again.";
	const char *y = "\"we WON'T back down,\" The UN Chief said - again.";
	struct toks a = tok(x), b = tok(y);
	assert_int_equal(a.n, b.n);
	assert_int_equal(a.n, 10);
	for (size_t i = 0; i < a.n; i++)
		assert_true(a.v[i].hash == b.v[i].hash);
	wt_free(a.v);
	wt_free(b.v);

	/* Tokens whose normalized forms are equal have equal hashes: check
	 * against wt_normalize for each token of a mixed text. */
	const char *m = "Z\xC3\xBC" "rich \xE2\x80\x93 \xEF\xBC\xB4\xEF\xBD\x8F\xEF\xBD\x8B\xEF\xBD\x99\xEF\xBD\x8F "
			"tokyo Z\xC3\x9C" "RICH zu\xCC\x88rich TOKYO";
	struct toks c = tok(m);
	assert_int_equal(c.n, 6);
	for (size_t i = 0; i < c.n; i++)
		for (size_t j = 0; j < c.n; j++) {
			char *ni = NULL, *nj = NULL;
			size_t li, lj;
			assert_int_equal(wt_normalize(m + c.v[i].start, c.v[i].end - c.v[i].start,
						      &ni, &li, NULL), WT_OK);
			assert_int_equal(wt_normalize(m + c.v[j].start, c.v[j].end - c.v[j].start,
						      &nj, &lj, NULL), WT_OK);
			int same = li == lj && !memcmp(ni, nj, li);
			if (same != (c.v[i].hash == c.v[j].hash))
				print_error("tokens %zu \"%s\" and %zu \"%s\"\n", i, ni, j, nj);
			assert_int_equal(same, c.v[i].hash == c.v[j].hash);
			wt_free(ni);
			wt_free(nj);
		}
	wt_free(c.v);
}

static void test_tokens_edge(void **state)
{
	(void)state;
	struct wt_token *v = NULL;
	size_t n = 99;
	assert_int_equal(wt_tokenize("", 0, &v, &n), WT_OK);
	assert_int_equal(n, 0);
	wt_free(v);
	assert_int_equal(wt_tokenize(" -- ... \n", 9, &v, &n), WT_OK);
	assert_int_equal(n, 0);
	wt_free(v);
	assert_int_equal(wt_tokenize(NULL, 0, &v, &n), WT_ERR_INVALID);
	/* Invalid UTF-8 separates words and never crashes. */
	struct toks t = tok("bad\xFF" "byte\xE2\x80 end");
	assert_tokens(t, "bad", "byte", "end");
	wt_free(t.v);
	/* A text ending inside a multi-byte sequence. */
	t = tok("Kyiv \xD0");
	assert_tokens(t, "Kyiv");
	wt_free(t.v);
}

/* ---- sentences --------------------------------------------------------- */

static void test_sentences_abbreviations(void **state)
{
	(void)state;
	struct sents r = sent("Mr. Smith met U.S. officials on Jan. 5 in Washington. "
			      "They discussed trade. Dr. Okafor was not present.");
	assert_sentences(r, "Mr. Smith met U.S. officials on Jan. 5 in Washington.",
			 "They discussed trade.", "Dr. Okafor was not present.");
	assert_int_equal(r.v[0].start, 0);
	wt_free(r.v);
	r = sent("Shares of Acme Inc. fell 3 percent. The U.S. Senate voted on Friday.");
	assert_sentences(r, "Shares of Acme Inc. fell 3 percent.",
			 "The U.S. Senate voted on Friday.");
	wt_free(r.v);
}

static void test_sentences_no_as_a_word(void **state)
{
	(void)state;
	/* "No." abbreviates "number" before a numeral; at the end of a
	 * sentence "no" is the word, and the sentence ends there. */
	struct sents r = sent("Asked whether he would resign, the minister said no. "
			      "Parliament then adjourned.");
	assert_sentences(r, "Asked whether he would resign, the minister said no.",
			 "Parliament then adjourned.");
	wt_free(r.v);
	r = sent("The premier lives at No. 10 Downing Street. It rained.");
	assert_sentences(r, "The premier lives at No. 10 Downing Street.", "It rained.");
	wt_free(r.v);
}

static void test_sentences_question_exclamation(void **state)
{
	(void)state;
	struct sents r = sent("Is the ceasefire holding? Nobody knows! Talks resume Monday.");
	assert_sentences(r, "Is the ceasefire holding?", "Nobody knows!", "Talks resume Monday.");
	assert_int_equal(r.v[1].start, 26);
	wt_free(r.v);
	/* Closing quotes stay with their sentence. */
	r = sent("\"Will they pay?\" she asked. \"Never!\" He left.");
	assert_sentences(r, "\"Will they pay?\" she asked.", "\"Never!\"", "He left.");
	wt_free(r.v);
}

static void test_sentences_scripts(void **state)
{
	(void)state;
	/* Urdu: یہ پہلا جملہ ہے۔ یہ دوسرا جملہ ہے۔ */
	const char *u1 = "\xDB\x8C\xDB\x81 \xD9\xBE\xDB\x81\xD9\x84\xD8\xA7 "
			 "\xD8\xAC\xD9\x85\xD9\x84\xDB\x81 \xDB\x81\xDB\x92\xDB\x94";
	const char *u2 = "\xDB\x8C\xDB\x81 \xD8\xAF\xD9\x88\xD8\xB3\xD8\xB1\xD8\xA7 "
			 "\xD8\xAC\xD9\x85\xD9\x84\xDB\x81 \xDB\x81\xDB\x92\xDB\x94";
	char buf[512];
	snprintf(buf, sizeof(buf), "%s %s", u1, u2);
	struct sents r = sent(buf);
	assert_sentences(r, u1, u2);
	wt_free(r.v);

	/* Hindi: यह पहला वाक्य है। यह दूसरा वाक्य है। */
	const char *h1 = "\xE0\xA4\xAF\xE0\xA4\xB9 \xE0\xA4\xAA\xE0\xA4\xB9\xE0\xA4\xB2\xE0\xA4\xBE "
			 "\xE0\xA4\xB5\xE0\xA4\xBE\xE0\xA4\x95\xE0\xA5\x8D\xE0\xA4\xAF "
			 "\xE0\xA4\xB9\xE0\xA5\x88\xE0\xA5\xA4";
	const char *h2 = "\xE0\xA4\xAF\xE0\xA4\xB9 \xE0\xA4\xA6\xE0\xA5\x82\xE0\xA4\xB8\xE0\xA4\xB0\xE0\xA4\xBE "
			 "\xE0\xA4\xB5\xE0\xA4\xBE\xE0\xA4\x95\xE0\xA5\x8D\xE0\xA4\xAF "
			 "\xE0\xA4\xB9\xE0\xA5\x88\xE0\xA5\xA4";
	snprintf(buf, sizeof(buf), "%s %s", h1, h2);
	r = sent(buf);
	assert_sentences(r, h1, h2);
	wt_free(r.v);

	/* Chinese: 北京今天下雨。明天转晴。 with no space after the stop. */
	const char *c1 = "\xE5\x8C\x97\xE4\xBA\xAC\xE4\xBB\x8A\xE5\xA4\xA9\xE4\xB8\x8B\xE9\x9B\xA8\xE3\x80\x82";
	const char *c2 = "\xE6\x98\x8E\xE5\xA4\xA9\xE8\xBD\xAC\xE6\x99\xB4\xE3\x80\x82";
	snprintf(buf, sizeof(buf), "%s%s", c1, c2);
	r = sent(buf);
	assert_sentences(r, c1, c2);
	assert_int_equal(r.v[1].start, strlen(c1));
	wt_free(r.v);

	/* Arabic question mark. */
	const char *q1 = "\xDA\xA9\xDB\x8C\xD8\xA7 \xD9\x88\xDB\x81 \xD8\xA2\xD8\xA6\xDB\x92\xD8\x9F";
	snprintf(buf, sizeof(buf), "%s %s", q1, u2);
	r = sent(buf);
	assert_sentences(r, q1, u2);
	wt_free(r.v);
}

static void test_sentences_blank_lines(void **state)
{
	(void)state;
	struct sents r = sent("Floods hit northern towns\n\n"
			      "Rescue teams reached three villages on Sunday\n\n\n"
			      "  More rain is forecast  \n");
	assert_sentences(r, "Floods hit northern towns",
			 "Rescue teams reached three villages on Sunday",
			 "More rain is forecast");
	wt_free(r.v);
	/* A headline line followed by the body. */
	r = sent("Port strike ends\nDock workers returned to work on Monday after a deal.");
	assert_sentences(r, "Port strike ends",
			 "Dock workers returned to work on Monday after a deal.");
	wt_free(r.v);
}

static void test_sentences_hard_wrapped(void **state)
{
	(void)state;
	/* Wire copy wrapped at 65 columns: continuation lines start in lower
	 * case, or with a name or number in the middle of a sentence. */
	const char *s =
		"The central bank raised its benchmark interest rate by a quarter\n"
		"point on Thursday, its third increase this year, citing stubborn\n"
		"inflation in services and a tight labour market. Governor Anna\n"
		"Berg said further moves would depend on wage data due in March\n"
		"and on energy prices, which have fallen since the start of the\n"
		"winter.\n";
	struct sents r = sent(s);
	assert_sentences(r,
			 "The central bank raised its benchmark interest rate by a quarter\n"
			 "point on Thursday, its third increase this year, citing stubborn\n"
			 "inflation in services and a tight labour market.",
			 "Governor Anna\n"
			 "Berg said further moves would depend on wage data due in March\n"
			 "and on energy prices, which have fallen since the start of the\n"
			 "winter.");
	wt_free(r.v);
}

static void test_sentences_edge(void **state)
{
	(void)state;
	struct wt_span *v = NULL;
	size_t n = 99;
	assert_int_equal(wt_sentences("", 0, &v, &n), WT_OK);
	assert_int_equal(n, 0);
	wt_free(v);
	assert_int_equal(wt_sentences(" \n\n ", 4, &v, &n), WT_OK);
	assert_int_equal(n, 0);
	wt_free(v);
	/* No terminator at the end: the rest is the last sentence. */
	struct sents r = sent("Markets closed higher. Oil was flat");
	assert_sentences(r, "Markets closed higher.", "Oil was flat");
	wt_free(r.v);
	/* Decimal numbers and ellipses inside a sentence. */
	r = sent("Growth was 2.5 percent... analysts said. Stocks rose.");
	assert_sentences(r, "Growth was 2.5 percent... analysts said.", "Stocks rose.");
	wt_free(r.v);
}

/* ---- UTF-8 repair ------------------------------------------------------ */

struct offsets {
	size_t v[16];
	size_t n;
};

static void record_offset(void *ud, size_t offset)
{
	struct offsets *o = ud;
	if (o->n < 16)
		o->v[o->n++] = offset;
}

static void test_utf8_repair(void **state)
{
	(void)state;
	/* A stray Latin-1 byte, a truncated sequence, a NUL, an overlong
	 * slash and a UTF-16 surrogate. */
	const char in[] = "Caf\xE9 owner\xE2\x82 said\0no \xC0\xAF then \xED\xA0\x80!";
	size_t n = sizeof(in) - 1;
	struct offsets o = {{0}, 0};
	char *out = NULL;
	size_t out_len = 0;
	long r = wt__utf8_repair(in, n, &out, &out_len, record_offset, &o);
	assert_int_equal(r, 5);
	assert_int_equal(o.n, 5);
	assert_int_equal(o.v[0], 3);
	assert_int_equal(o.v[1], 10);
	assert_int_equal(o.v[2], 17);
	assert_int_equal(o.v[3], 21);
	assert_int_equal(o.v[4], 29);
	const char want[] = "Caf\xEF\xBF\xBD owner\xEF\xBF\xBD said\xEF\xBF\xBDno "
			    "\xEF\xBF\xBD then \xEF\xBF\xBD!";
	assert_int_equal(out_len, sizeof(want) - 1);
	assert_memory_equal(out, want, out_len);
	assert_int_equal(out[out_len], 0);
	assert_int_equal(wt__utf8_valid_prefix(out, out_len), out_len);
	wt_free(out);

	/* Valid text is copied unchanged with no report. */
	const char *ok = "Zürich, 北京, Москва \xF0\x9F\x98\x80";
	o.n = 0;
	r = wt__utf8_repair(ok, strlen(ok), &out, &out_len, record_offset, &o);
	assert_int_equal(r, 0);
	assert_int_equal(o.n, 0);
	assert_string_equal(out, ok);
	wt_free(out);

	/* Offsets of the first invalid byte. */
	assert_int_equal(wt__utf8_valid_prefix("plain ascii text here", 21), 21);
	assert_int_equal(wt__utf8_valid_prefix("long ascii prefix\xFF", 18), 17);
	assert_int_equal(wt__utf8_valid_prefix("ab\0cd", 5), 2);
	assert_int_equal(wt__utf8_valid_prefix("caf\xC3", 4), 3);
}

/*
 * The 64-byte blocks of ASCII give the tokens the byte-wise path gives, on
 * texts built from the pieces where they could part: digits with ',' and
 * '.' on block edges, non-ASCII letters and punctuation right after ASCII
 * words, Markdown links, ideographs, words longer than a block.
 */
static void test_tokenize_blocks_bytewise(void **state)
{
	(void)state;
	static const char *const pieces[] = {
		"a", "Zq", "5", "14", ",", ".", " ", "  ", "\n", "]", "(", ")", "](x.example/a)",
		"\xC3\xBC",         /* ü */
		"\xE2\x80\x9C",     /* left double quote */
		"\xE4\xB8\xAD",     /* an ideograph */
		"\xD9\x80",         /* tatweel */
		"\xE2\x80\x8D",     /* zero-width joiner */
		"\xE0\xB8\xAD\xE0\xB8\x9E\xE0\xB8\xA2\xE0\xB8\x9E", /* Thai: อพยพ */
		"\xE0\xB8\x9C\xE0\xB8\xB9\xE0\xB9\x89", /* Thai: ผู้ */
		"-", "'", "Konstantinopolitanischerdudelsackpfeifenmachergesellenvereinigung",
		"1,234,567.89", "word"};
	const size_t np = sizeof(pieces) / sizeof(pieces[0]);
	char text[1024];
	struct wt__tokens a = {0}, b = {0};
	uint64_t r = 0x243F6A8885A308D3ULL;
	for (int round = 0; round < 20000; round++) {
		size_t len = 0, want = 20 + (size_t)(round % 300);
		while (len < want) {
			r = r * 6364136223846793005ULL + 1442695040888963407ULL;
			const char *p = pieces[(r >> 33) % np];
			size_t pl = strlen(p);
			if (len + pl >= sizeof(text))
				break;
			memcpy(text + len, p, pl);
			len += pl;
		}
		assert_int_equal(wt__tokenize(text, len, &a), WT_OK);
		assert_int_equal(wt__tokenize_bytewise(text, len, &b), WT_OK);
		int same = a.n == b.n;
		for (size_t k = 0; same && k < a.n; k++)
			same = a.v[k].start == b.v[k].start && a.v[k].end == b.v[k].end &&
			       a.v[k].hash == b.v[k].hash;
		if (!same)
			print_error("round %d: %zu tokens against %zu in \"%.*s\"\n", round, a.n, b.n,
				    (int)len, text);
		assert_true(same);
	}
	wt_free(a.v);
	wt_free(b.v);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_normalize_nfkc),
		cmocka_unit_test(test_tokenize_blocks_bytewise),
		cmocka_unit_test(test_normalize_case_folding),
		cmocka_unit_test(test_normalize_punctuation),
		cmocka_unit_test(test_normalize_composed_decomposed),
		cmocka_unit_test(test_normalize_urdu),
		cmocka_unit_test(test_normalize_offset_map),
		cmocka_unit_test(test_tokens_latin_offsets),
		cmocka_unit_test(test_tokens_numbers),
		cmocka_unit_test(test_tokens_abbreviations),
		cmocka_unit_test(test_tokens_scripts),
		cmocka_unit_test(test_tokens_cjk),
		cmocka_unit_test(test_tokens_unspaced_scripts),
		cmocka_unit_test(test_tokens_decomposed_kana),
		cmocka_unit_test(test_tokens_markdown_link),
		cmocka_unit_test(test_token_hash_equivalence),
		cmocka_unit_test(test_tokens_edge),
		cmocka_unit_test(test_sentences_abbreviations),
		cmocka_unit_test(test_sentences_no_as_a_word),
		cmocka_unit_test(test_sentences_question_exclamation),
		cmocka_unit_test(test_sentences_scripts),
		cmocka_unit_test(test_sentences_blank_lines),
		cmocka_unit_test(test_sentences_hard_wrapped),
		cmocka_unit_test(test_sentences_edge),
		cmocka_unit_test(test_utf8_repair),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
