/*
 * test_prov.c - provenance evidence: agency credits and bylines found in
 * datelines, closing lines and bylines, in Latin and other scripts, and
 * the figures and notes in parentheses that are not credits; the facts a
 * rewrite follows, and credits matched to a site.
 */
#include "helpers.h"
#include "prov/prov.h"

static const char *agency(const char *text)
{
	static char buf[128];
	struct wt_credits c;
	wt_find_credits(text, strlen(text), &c);
	if (c.agency.start == c.agency.end)
		return "";
	snprintf(buf, sizeof(buf), "%.*s", (int)(c.agency.end - c.agency.start), text + c.agency.start);
	return buf;
}

static const char *byline(const char *text)
{
	static char buf[160];
	struct wt_credits c;
	wt_find_credits(text, strlen(text), &c);
	if (c.byline.start == c.byline.end)
		return "";
	snprintf(buf, sizeof(buf), "%.*s", (int)(c.byline.end - c.byline.start), text + c.byline.start);
	return buf;
}

static void test_datelines(void **state)
{
	(void)state;
	assert_string_equal(agency("LISBON (Reuters) - A fire swept through the port."), "Reuters");
	assert_string_equal(agency("WASHINGTON (AP) \u2014 The Senate voted on Tuesday."), "AP");
	assert_string_equal(agency("VIENNA (Meridian Press) \u2013 A court ruled."), "Meridian Press");
	assert_string_equal(agency("MOSCOW, March 3 /TASS/. The Kremlin said on Monday."), "TASS");
	assert_string_equal(agency("\u0415\u041a\u0410\u0422\u0415\u0420\u0418\u041d\u0411\u0423\u0420\u0413 (\u0421\u0435\u0432\u0435\u0440\u043f\u0440\u0435\u0441\u0441) \u2014 \u041c\u043e\u0441\u0442 \u043e\u0442\u043a\u0440\u044b\u0442."),
			    "\u0421\u0435\u0432\u0435\u0440\u043f\u0440\u0435\u0441\u0441");
	/* An Urdu dateline has no dash: "Dhaka (APP) Bangladesh ..." */
	assert_string_equal(agency("\u0688\u06be\u0627\u06a9\u06c1 (\u0627\u06d2 \u067e\u06cc \u067e\u06cc) \u0628\u0646\u06af\u0644\u06c1 \u062f\u06cc\u0634 \u0646\u06d2"),
			    "\u0627\u06d2 \u067e\u06cc \u067e\u06cc");
}

static void test_closing_and_byline(void **state)
{
	(void)state;
	assert_string_equal(agency("The ferry reached port at dawn.\n\nIt will be towed on Friday.\n- AFP\n"), "AFP");
	const char *t = "Lisbon port fire\nBy Ana Lopes for Northwire\n\nA fire swept through the port.";
	assert_string_equal(byline(t), "By Ana Lopes for Northwire");
	assert_string_equal(agency(t), "Northwire");
}

static void test_not_credits(void **state)
{
	(void)state;
	/* Organisations and figures in parentheses without a dateline dash. */
	assert_string_equal(agency("The World Health Organization (WHO) said on Monday that cases fell."), "");
	assert_string_equal(agency("Profits rose to $1.13bn (\u00a3600m) - the best in years."), "");
	assert_string_equal(agency("NEW YORK (Corrects spelling on the company name) - Shares fell."), "");
	assert_string_equal(agency("Shr 13 cts vs 70 cts (Dlrs/Bu) - Net 1,538,000"), "");
	assert_string_equal(agency(""), "");
	assert_string_equal(byline("Byzantine art goes on show in Athens."), "");
}

/* The hash a word gets as a fact (low bit: number or word). */
static uint64_t fact_of(const char *word, int number)
{
	struct wt_token *t;
	size_t n;
	assert_int_equal(wt_tokenize(word, strlen(word), &t, &n), WT_OK);
	assert_int_equal(n, 1);
	uint64_t h = number ? t[0].hash | 1 : t[0].hash & ~(uint64_t)1;
	wt_free(t);
	return h;
}

static int has_fact(const struct wt__facts *f, uint64_t h)
{
	for (size_t i = 0; i < f->n; i++)
		if (f->v[i] == h)
			return 1;
	return 0;
}

/* Facts: numbers, capitalised words, quoted words, each once, in order;
 * lower-case prose is not a fact.  Without corpus counts nothing is common. */
static void test_facts(void **state)
{
	(void)state;
	const char *text = "Officials in Lisbon said 14 people were hurt. \u201cWe acted fast,\u201d "
			   "said Ana Costa. Lisbon firefighters stayed until 9.";
	struct wt__facts f = {0};
	assert_int_equal(wt__facts(text, strlen(text), NULL, 0, &f), WT_OK);
	assert_true(has_fact(&f, fact_of("Lisbon", 0)));
	assert_true(has_fact(&f, fact_of("14", 1)));
	assert_true(has_fact(&f, fact_of("9", 1)));
	assert_true(has_fact(&f, fact_of("acted", 0))); /* inside the quotation */
	assert_true(has_fact(&f, fact_of("Costa", 0)));
	assert_false(has_fact(&f, fact_of("people", 0)));
	assert_false(has_fact(&f, fact_of("firefighters", 0)));
	/* Officials Lisbon 14 We acted fast Ana Costa 9: "Lisbon" once */
	assert_int_equal(f.n, 9);
	assert_int_equal(f.v[1], fact_of("Lisbon", 0));
	assert_int_equal(f.caseless, 0);
	wt__free(f.v);
}

/* The same facts in the same order make a rewrite; the same names in
 * another order and with figures of its own do not. */
static void test_fact_match(void **state)
{
	(void)state;
	const char *src = "Marta Ilves said 2,300 people left Korvala. Rescuers from Tarn used 40 boats. "
			  "The Estran Institute measured 96 millimetres of rain. Lindqvist engineers "
			  "closed the breach.";
	const char *para = "Some 2,300 residents fled Korvala, Marta Ilves said. Forty, or 40, boats "
			   "came from Tarn. Rain reached 96 millimetres, the Estran Institute found, "
			   "and Lindqvist crews sealed the gap.";
	const char *other = "In Tarn, Lindqvist volunteers filled sandbags. Korvala shops shut at 5. "
			    "Marta Ilves visited 12 families, and Estran officials counted 600 cattle.";
	struct wt__facts fs = {0}, fp = {0}, fo = {0};
	assert_int_equal(wt__facts(src, strlen(src), NULL, 0, &fs), WT_OK);
	assert_int_equal(wt__facts(para, strlen(para), NULL, 0, &fp), WT_OK);
	assert_int_equal(wt__facts(other, strlen(other), NULL, 0, &fo), WT_OK);
	struct wt__fact_match mp = wt__facts_match(&fp, &fs);
	assert_true(mp.shared >= 8);
	assert_true(mp.ordered * 2 >= mp.shared);
	assert_int_equal(mp.shared_numbers, 3);
	assert_true(wt__is_rewrite(&fp, mp));
	struct wt__fact_match mo = wt__facts_match(&fo, &fs);
	assert_int_equal(mo.shared_numbers, 0);
	assert_false(wt__is_rewrite(&fo, mo));
	wt__free(fs.v);
	wt__free(fp.v);
	wt__free(fo.v);
}

/* A credit names the other article's site: "Reuters" and "reuters.com",
 * "Meridian Press" and "meridianpress.example", or a URL's host. */
static void test_credits_site(void **state)
{
	(void)state;
	const char *t = "LISBON (Reuters) - A fire swept through the port.";
	struct wt_article a = {0};
	a.site = "reuters.com";
	assert_true(wt__credits_site(t, strlen(t), &a));
	a.site = "www.reuters.com";
	assert_true(wt__credits_site(t, strlen(t), &a));
	a.site = "apnews.com";
	assert_false(wt__credits_site(t, strlen(t), &a));
	a.site = NULL;
	a.url = "https://www.reuters.com/world/europe/fire";
	assert_true(wt__credits_site(t, strlen(t), &a));
	const char *m = "VIENNA (Meridian Press) \u2013 A court ruled.";
	struct wt_article b = {0};
	b.site = "meridianpress.example";
	assert_true(wt__credits_site(m, strlen(m), &b));
	const char *none = "A court ruled on Tuesday.";
	assert_false(wt__credits_site(none, strlen(none), &b));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_datelines),
		cmocka_unit_test(test_closing_and_byline),
		cmocka_unit_test(test_not_credits),
		cmocka_unit_test(test_facts),
		cmocka_unit_test(test_fact_match),
		cmocka_unit_test(test_credits_site),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
