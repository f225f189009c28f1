/*
 * test_align.c - unit tests of wt_align_texts on pairs of news articles
 * written for these tests: identical texts (one passage over everything),
 * a copy with one word changed (the edit is tolerated inside one passage),
 * a copy with a 30-word paragraph inserted (passages on both sides of it,
 * coverage of the copy reduced by its share), a copy trimmed to its first
 * 40%, paragraphs reordered, the same text retyped with other quotes, case
 * and line breaks, and an unrelated article (no passages).  Every
 * alignment is also checked for what must always hold: passages lie inside
 * both texts on token boundaries, do not overlap on either side, and the
 * two spans of each passage hold mostly the same words.
 */
#include "helpers.h"

#include <math.h>

/* ---- the articles ------------------------------------------------------ */

static const char *const P[] = {
	"LISBON (Wire) - Portugal's parliament approved a revised budget on "
	"Wednesday after a week of tense negotiations between the minority "
	"government and two opposition parties, ending months of uncertainty "
	"over public spending for the coming year.",

	"The plan raises pensions by 3.5 percent, cuts income tax for workers "
	"under 35 and sets aside 1.2 billion euros for housing, Finance Minister "
	"Joana Ribeiro told lawmakers before the vote. She said the measures "
	"would keep the deficit below one percent of economic output.",

	"Opposition leaders criticised the housing package as too small to ease "
	"a crisis that has pushed rents in Lisbon and Porto up by more than a "
	"third since 2020. Several hundred protesters gathered outside the "
	"assembly building during the debate, holding banners that demanded "
	"rent controls.",

	"Economists broadly welcomed the tax changes but warned that slower "
	"growth in the euro zone could reduce revenue next year. The central "
	"bank expects the economy to expand by about two percent, down from an "
	"earlier estimate of 2.4 percent.",

	("The budget now goes to President Marcelo Costa, who has twenty days to "
	 "sign it into law or send it back to parliament for further review."),
};
#define NP (sizeof(P) / sizeof(P[0]))

/* Thirty words that are not in the article. */
static const char inserted[] =
	"In a statement, the country's largest trade union federation "
	"announced a national strike for early next month, demanding higher "
	"wages for nurses, teachers and railway staff across every region.";

static const char unrelated[] =
	"MANCHESTER (Wire) - A late header from a teenage substitute gave the "
	"home side a dramatic victory on Saturday, lifting them into fourth "
	"place in the league table. The visitors had led for most of the "
	"afternoon after an early penalty, but tired badly in the final twenty "
	"minutes as the crowd roared the hosts forward. Their coach praised the "
	"young striker, who signed his first professional contract in March, "
	"and said the squad would now focus on a difficult cup tie in Liverpool "
	"next Wednesday evening.";

/* Joins paragraphs with blank lines into buf.  @return the length. */
static size_t join(char *buf, size_t cap, const char *const *paras, size_t n)
{
	size_t len = 0;
	buf[0] = 0;
	for (size_t i = 0; i < n; i++) {
		int w = snprintf(buf + len, cap - len, "%s%s", i ? "\n\n" : "", paras[i]);
		assert_true(w > 0 && (size_t)w < cap - len);
		len += (size_t)w;
	}
	return len;
}

static size_t count_tokens(const char *s, size_t len)
{
	struct wt_token *t = NULL;
	size_t n = 0;
	assert_int_equal(wt_tokenize(s, len, &t, &n), WT_OK);
	wt_free(t);
	return n;
}

/* ---- invariants of every alignment ------------------------------------- */

static int cmp_span(const void *x, const void *y)
{
	const struct wt_span *p = x, *q = y;
	return p->start < q->start ? -1 : p->start > q->start;
}

static int is_token_start(const struct wt_token *t, size_t n, size_t off)
{
	for (size_t i = 0; i < n; i++)
		if (t[i].start == off)
			return 1;
	return 0;
}

static int is_token_end(const struct wt_token *t, size_t n, size_t off)
{
	for (size_t i = 0; i < n; i++)
		if (t[i].end == off)
			return 1;
	return 0;
}

/* Share of the tokens of x[xs] whose hash is among the tokens of y[ys]. */
static double word_overlap(const char *x, struct wt_span xs, const char *y, struct wt_span ys)
{
	struct wt_token *tx = NULL, *ty = NULL;
	size_t nx = 0, ny = 0;
	assert_int_equal(wt_tokenize(x + xs.start, xs.end - xs.start, &tx, &nx), WT_OK);
	assert_int_equal(wt_tokenize(y + ys.start, ys.end - ys.start, &ty, &ny), WT_OK);
	size_t found = 0;
	for (size_t i = 0; i < nx; i++)
		for (size_t j = 0; j < ny; j++)
			if (tx[i].hash == ty[j].hash) {
				found++;
				break;
			}
	wt_free(tx);
	wt_free(ty);
	return nx ? (double)found / (double)nx : 0;
}

#define MAX_PASSAGES 256

/* Reports each broken invariant.  @return how many were found.  Nothing
 * here fails the test by itself, so that align() can free first. */
static int check_alignment(const char *a, size_t a_len, const char *b, size_t b_len,
			   const struct wt_alignment *al)
{
	int bad = 0;
#define CHECK(cond, ...)                          \
	do {                                      \
		if (!(cond)) {                    \
			print_error(__VA_ARGS__); \
			bad++;                    \
		}                                 \
	} while (0)
	CHECK(al->coverage_a >= 0 && al->coverage_a <= 1, "coverage_a %g\n", al->coverage_a);
	CHECK(al->coverage_b >= 0 && al->coverage_b <= 1, "coverage_b %g\n", al->coverage_b);
	CHECK(al->jaccard >= 0 && al->jaccard <= 1, "jaccard %g\n", al->jaccard);
	if (al->n_passages == 0) {
		CHECK(al->coverage_a == 0 && al->coverage_b == 0,
		      "coverage without passages\n");
		return bad;
	}
	CHECK(al->passages != NULL, "passages is NULL\n");
	CHECK(al->n_passages <= MAX_PASSAGES, "%zu passages\n", al->n_passages);
	if (bad)
		return bad;
	struct wt_token *ta = NULL, *tb = NULL;
	size_t na = 0, nb = 0;
	CHECK(wt_tokenize(a, a_len, &ta, &na) == WT_OK, "tokenize a\n");
	CHECK(wt_tokenize(b, b_len, &tb, &nb) == WT_OK, "tokenize b\n");
	struct wt_span sa[MAX_PASSAGES], sb[MAX_PASSAGES];
	for (size_t i = 0; i < al->n_passages && !bad; i++) {
		const struct wt_passage *p = &al->passages[i];
		sa[i] = p->a;
		sb[i] = p->b;
		CHECK(p->a.start < p->a.end && p->a.end <= a_len,
		      "passage %zu: a span [%zu,%zu) outside [0,%zu)\n", i, p->a.start,
		      p->a.end, a_len);
		CHECK(p->b.start < p->b.end && p->b.end <= b_len,
		      "passage %zu: b span [%zu,%zu) outside [0,%zu)\n", i, p->b.start,
		      p->b.end, b_len);
		if (bad)
			break;
		CHECK(is_token_start(ta, na, p->a.start) && is_token_end(ta, na, p->a.end),
		      "passage %zu: a span [%zu,%zu) not on token bounds\n", i, p->a.start,
		      p->a.end);
		CHECK(is_token_start(tb, nb, p->b.start) && is_token_end(tb, nb, p->b.end),
		      "passage %zu: b span [%zu,%zu) not on token bounds\n", i, p->b.start,
		      p->b.end);
		/* Both spans hold mostly the same words. */
		double ab = word_overlap(a, p->a, b, p->b), ba = word_overlap(b, p->b, a, p->a);
		CHECK(ab >= 0.85 && ba >= 0.85,
		      "passage %zu: a \"%.*s\" / b \"%.*s\" share too few words (%.2f, %.2f)\n",
		      i, (int)(p->a.end - p->a.start), a + p->a.start,
		      (int)(p->b.end - p->b.start), b + p->b.start, ab, ba);
	}
	wt_free(ta);
	wt_free(tb);
	if (bad)
		return bad;
	/* No two passages overlap, on either side. */
	qsort(sa, al->n_passages, sizeof(*sa), cmp_span);
	qsort(sb, al->n_passages, sizeof(*sb), cmp_span);
	for (size_t i = 1; i < al->n_passages; i++) {
		CHECK(sa[i].start >= sa[i - 1].end, "a spans [%zu,%zu) and [%zu,%zu) overlap\n",
		      sa[i - 1].start, sa[i - 1].end, sa[i].start, sa[i].end);
		CHECK(sb[i].start >= sb[i - 1].end, "b spans [%zu,%zu) and [%zu,%zu) overlap\n",
		      sb[i - 1].start, sb[i - 1].end, sb[i].start, sb[i].end);
	}
#undef CHECK
	return bad;
}

static void align(const char *a, size_t a_len, const char *b, size_t b_len,
		  struct wt_alignment *al)
{
	assert_int_equal(wt_align_texts(a, a_len, b, b_len, NULL, al), WT_OK);
	if (check_alignment(a, a_len, b, b_len, al)) {
		wt_alignment_release(al);
		fail_msg("the alignment breaks the invariants above");
	}
}

static void print_alignment(const char *what, const struct wt_alignment *al)
{
	print_message("%s: %zu passages, coverage %.3f / %.3f, jaccard %.3f\n", what,
		      al->n_passages, al->coverage_a, al->coverage_b, al->jaccard);
}

/* ---- the cases --------------------------------------------------------- */

static char text_a[4096];
static size_t len_a;

static int setup(void **state)
{
	(void)state;
	len_a = join(text_a, sizeof(text_a), P, NP);
	return 0;
}

static void test_identical(void **state)
{
	(void)state;
	char copy[4096];
	memcpy(copy, text_a, len_a + 1);
	struct wt_alignment al;
	align(text_a, len_a, copy, len_a, &al);
	print_alignment("identical", &al);
	assert_int_equal(al.n_passages, 1);
	assert_true(al.coverage_a == 1.0);
	assert_true(al.coverage_b == 1.0);
	assert_true(al.jaccard == 1.0);
	/* The passage runs from the first word to the end of the last. */
	const char *last = strstr(text_a, "further review.");
	assert_non_null(last);
	size_t end = (size_t)(last - text_a) + strlen("further review");
	assert_int_equal(al.passages[0].a.start, 0);
	assert_int_equal(al.passages[0].a.end, end);
	assert_int_equal(al.passages[0].b.start, 0);
	assert_int_equal(al.passages[0].b.end, end);
	wt_alignment_release(&al);
	assert_null(al.passages);
	assert_int_equal(al.n_passages, 0);
}

static void test_one_word_changed(void **state)
{
	(void)state;
	/* "Economists" becomes "Analysts" in the fourth paragraph. */
	const char *paras[NP];
	memcpy(paras, P, sizeof(P));
	char p4[1024];
	snprintf(p4, sizeof(p4), "Analysts%s", P[3] + strlen("Economists"));
	paras[3] = p4;
	char b[4096];
	size_t len_b = join(b, sizeof(b), paras, NP);
	struct wt_alignment al;
	align(text_a, len_a, b, len_b, &al);
	print_alignment("one word changed", &al);
	assert_int_equal(al.n_passages, 1);
	assert_true(al.coverage_a >= 0.97);
	assert_true(al.coverage_b >= 0.97);
	assert_int_equal(al.passages[0].a.start, 0);
	assert_int_equal(al.passages[0].b.start, 0);
	assert_true(al.jaccard > 0.9 && al.jaccard < 1.0);
	wt_alignment_release(&al);
}

static void test_paragraph_inserted(void **state)
{
	(void)state;
	const char *paras[NP + 1] = {P[0], P[1], inserted, P[2], P[3], P[4]};
	char b[4096];
	size_t len_b = join(b, sizeof(b), paras, NP + 1);
	size_t ins_start = (size_t)(strstr(b, inserted) - b);
	size_t ins_end = ins_start + strlen(inserted);
	size_t n_ins = count_tokens(inserted, strlen(inserted));
	size_t n_b = count_tokens(b, len_b);
	assert_int_equal(n_ins, 30);

	struct wt_alignment al;
	align(text_a, len_a, b, len_b, &al);
	print_alignment("paragraph inserted", &al);
	assert_true(al.n_passages >= 2);
	/* The article is all there; the copy is all article but the insert. */
	assert_true(al.coverage_a >= 0.98);
	double want_b = (double)(n_b - n_ins) / (double)n_b;
	assert_true(fabs(al.coverage_b - want_b) <= 0.02);
	assert_true(al.coverage_b < 1.0);
	/* Passages before and after the insert in b, none inside it. */
	int before = 0, after = 0;
	for (size_t i = 0; i < al.n_passages; i++) {
		const struct wt_span *s = &al.passages[i].b;
		before |= s->end <= ins_start;
		after |= s->start >= ins_end;
		assert_true(s->end <= ins_start || s->start >= ins_end);
	}
	assert_true(before);
	assert_true(after);
	wt_alignment_release(&al);
}

static void test_trimmed_copy(void **state)
{
	(void)state;
	/* The first 40% of the article, cut after a word. */
	size_t cut = len_a * 4 / 10;
	while (cut < len_a && text_a[cut] != ' ')
		cut++;
	char b[4096];
	memcpy(b, text_a, cut);
	b[cut] = 0;
	double share = (double)count_tokens(b, cut) / (double)count_tokens(text_a, len_a);
	struct wt_alignment al;
	align(text_a, len_a, b, cut, &al);
	print_alignment("trimmed copy", &al);
	assert_int_equal(al.n_passages, 1);
	assert_true(al.coverage_b >= 0.98);
	assert_true(fabs(al.coverage_a - share) <= 0.03);
	assert_true(al.coverage_a > 0.35 && al.coverage_a < 0.45);
	wt_alignment_release(&al);

	/* The other way round, the sides swap. */
	align(b, cut, text_a, len_a, &al);
	assert_true(al.coverage_a >= 0.98);
	assert_true(fabs(al.coverage_b - share) <= 0.03);
	wt_alignment_release(&al);
}

static void test_reordered_paragraphs(void **state)
{
	(void)state;
	static const size_t order[NP] = {2, 0, 4, 1, 3};
	const char *paras[NP];
	for (size_t i = 0; i < NP; i++)
		paras[i] = P[order[i]];
	char b[4096];
	size_t len_b = join(b, sizeof(b), paras, NP);
	struct wt_alignment al;
	align(text_a, len_a, b, len_b, &al);
	print_alignment("reordered", &al);
	assert_true(al.n_passages >= NP);
	assert_true(al.coverage_a >= 0.95);
	assert_true(al.coverage_b >= 0.95);
	/* Each paragraph of a is aligned to where it went in b. */
	for (size_t k = 0; k < NP; k++) {
		size_t as = (size_t)(strstr(text_a, P[k]) - text_a);
		size_t bs = (size_t)(strstr(b, P[k]) - b);
		size_t plen = strlen(P[k]);
		int found = 0;
		for (size_t i = 0; i < al.n_passages; i++) {
			const struct wt_passage *p = &al.passages[i];
			if (p->a.start >= as && p->a.end <= as + plen &&
			    p->b.start >= bs && p->b.end <= bs + plen &&
			    p->a.end - p->a.start >= plen * 9 / 10 &&
			    p->a.start - as == p->b.start - bs)
				found = 1;
		}
		if (!found)
			print_error("paragraph %zu not aligned in place\n", k);
		assert_true(found);
	}
	wt_alignment_release(&al);
}

static void test_moved_sentence(void **state)
{
	(void)state;
	/* An editor moves the closing eight-word line up, after the lead.
	 * Both passages are found, and they must not overlap in the copy: the
	 * moved line is not also part of the passage around it. */
	static const char closing[] = "The finance ministry declined to comment on Thursday.";
	assert_int_equal(count_tokens(closing, strlen(closing)), 8);
	const char *pa[NP + 1] = {P[0], P[1], P[2], P[3], P[4], closing};
	const char *pb[NP + 1] = {P[0], closing, P[1], P[2], P[3], P[4]};
	char a[4096], b[4096];
	size_t la = join(a, sizeof(a), pa, NP + 1), lb = join(b, sizeof(b), pb, NP + 1);
	struct wt_alignment al;
	align(a, la, b, lb, &al);
	print_alignment("moved sentence", &al);
	assert_true(al.n_passages >= 2);
	assert_true(al.coverage_a >= 0.95);
	assert_true(al.coverage_b >= 0.95);
	wt_alignment_release(&al);
}

static void test_retyped_copy(void **state)
{
	(void)state;
	/* The same words with curly quotes, other case and wire line breaks. */
	char b[4096];
	size_t n = 0;
	int col = 0;
	for (size_t i = 0; i < len_a; i++) {
		char c = text_a[i];
		if (c == '\'') {
			memcpy(b + n, "\xE2\x80\x99", 3);
			n += 3;
			col++;
			continue;
		}
		if (c == ' ' && col > 60) {
			b[n++] = '\n';
			col = 0;
			continue;
		}
		if (c == '\n')
			col = 0;
		else
			col++;
		b[n++] = i < 60 && c >= 'a' && c <= 'z' ? (char)(c - 32) : c;
	}
	b[n] = 0;
	struct wt_alignment al;
	align(text_a, len_a, b, n, &al);
	print_alignment("retyped", &al);
	assert_int_equal(al.n_passages, 1);
	assert_true(al.coverage_a == 1.0);
	assert_true(al.coverage_b == 1.0);
	assert_true(al.jaccard == 1.0);
	wt_alignment_release(&al);
}

static void test_unrelated(void **state)
{
	(void)state;
	struct wt_alignment al;
	align(text_a, len_a, unrelated, strlen(unrelated), &al);
	print_alignment("unrelated", &al);
	assert_int_equal(al.n_passages, 0);
	assert_true(al.coverage_a == 0);
	assert_true(al.coverage_b == 0);
	assert_true(al.jaccard < 0.02);
	wt_alignment_release(&al);
}

static void test_short_and_empty(void **state)
{
	(void)state;
	struct wt_alignment al;
	/* Shorter than a seed or a passage: nothing to align. */
	align("Rates rise.", 11, "Rates rise.", 11, &al);
	assert_int_equal(al.n_passages, 0);
	wt_alignment_release(&al);
	align("", 0, text_a, len_a, &al);
	assert_int_equal(al.n_passages, 0);
	assert_true(al.coverage_b == 0);
	wt_alignment_release(&al);
	assert_int_equal(wt_align_texts(NULL, 0, text_a, len_a, NULL, &al), WT_ERR_INVALID);
	/* A copy of one paragraph inside a longer text. */
	align(P[1], strlen(P[1]), text_a, len_a, &al);
	assert_int_equal(al.n_passages, 1);
	assert_true(al.coverage_a == 1.0);
	size_t at = (size_t)(strstr(text_a, P[1]) - text_a);
	assert_int_equal(al.passages[0].b.start, at);
	assert_int_equal(al.passages[0].a.start, 0);
	wt_alignment_release(&al);
}

/* Returns the text of one side of an edit as a string (static buffer). */
static const char *edit_text(const char *t, struct wt_span sp)
{
	static char buf[256];
	snprintf(buf, sizeof(buf), "%.*s", (int)(sp.end - sp.start), t + sp.start);
	return buf;
}

/* A changed number and a reworded phrase come out as delete/insert pairs
 * at the right words; case and curly quotes are not edits. */
static void test_word_diff_changes(void **state)
{
	(void)state;
	const char *a = "Officials said 12,400 passengers \u201cpaid out of pocket\u201d for hotels.";
	const char *b = "officials said 14,200 passengers \"paid themselves\" for hotels.";
	struct wt_edit *e;
	size_t n;
	assert_int_equal(wt_word_diff(a, strlen(a), b, strlen(b), &e, &n), WT_OK);
	/* same(officials said) del(12,400) ins(14,200) same(passengers paid)
	 * del(out of pocket) ins(themselves) same(for hotels) */
	assert_int_equal(n, 7);
	assert_int_equal(e[0].op, WT_EDIT_SAME);
	assert_int_equal(e[1].op, WT_EDIT_DELETE);
	assert_string_equal(edit_text(a, e[1].a), "12,400");
	assert_int_equal(e[2].op, WT_EDIT_INSERT);
	assert_string_equal(edit_text(b, e[2].b), "14,200");
	assert_int_equal(e[3].op, WT_EDIT_SAME);
	assert_int_equal(e[4].op, WT_EDIT_DELETE);
	assert_string_equal(edit_text(a, e[4].a), "out of pocket");
	assert_int_equal(e[5].op, WT_EDIT_INSERT);
	assert_string_equal(edit_text(b, e[5].b), "themselves");
	assert_int_equal(e[6].op, WT_EDIT_SAME);
	assert_string_equal(edit_text(a, e[6].a), "for hotels");
	wt_free(e);
}

/* Identical words give one SAME edit; an elided quotation is a deletion. */
static void test_word_diff_same_and_elided(void **state)
{
	(void)state;
	const char *a = "The court said the airline had planned the cancellations in the office.";
	struct wt_edit *e;
	size_t n;
	assert_int_equal(wt_word_diff(a, strlen(a), a, strlen(a), &e, &n), WT_OK);
	assert_int_equal(n, 1);
	assert_int_equal(e[0].op, WT_EDIT_SAME);
	assert_int_equal(e[0].a.start, 0);
	assert_int_equal(e[0].a.end, strlen(a) - 1);
	wt_free(e);
	const char *b = "The court said the airline had planned ... in the office.";
	assert_int_equal(wt_word_diff(a, strlen(a), b, strlen(b), &e, &n), WT_OK);
	assert_int_equal(n, 3);
	assert_int_equal(e[1].op, WT_EDIT_DELETE);
	assert_string_equal(edit_text(a, e[1].a), "the cancellations");
	wt_free(e);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_identical),
		cmocka_unit_test(test_one_word_changed),
		cmocka_unit_test(test_paragraph_inserted),
		cmocka_unit_test(test_trimmed_copy),
		cmocka_unit_test(test_reordered_paragraphs),
		cmocka_unit_test(test_moved_sentence),
		cmocka_unit_test(test_retyped_copy),
		cmocka_unit_test(test_unrelated),
		cmocka_unit_test(test_short_and_empty),
		cmocka_unit_test(test_word_diff_changes),
		cmocka_unit_test(test_word_diff_same_and_elided),
	};
	return cmocka_run_group_tests(tests, setup, NULL);
}
