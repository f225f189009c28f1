/*
 * test_prov.c - provenance evidence: agency credits and bylines found in
 * datelines, closing lines and bylines, in Latin and other scripts, and
 * the figures and notes in parentheses that are not credits.
 */
#include "helpers.h"

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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_datelines),
		cmocka_unit_test(test_closing_and_byline),
		cmocka_unit_test(test_not_credits),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
