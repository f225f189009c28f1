/*
 * test_claims.c - the claims of a text: numbers with their values, units,
 * bounds, currencies and counted nouns, in English and in other scripts'
 * digits, and the figures that are not numbers (identifiers, times,
 * scores); quotations between the marks of many scripts with their
 * speakers, and the marks that are no quotation (apostrophes, unmatched
 * marks, two-word titles).  Every sentence here was written for this test.
 */
#include "helpers.h"
#include "claims/claims.h"

/* The bytes text[a..b) as a string (one of a few rotating buffers). */
static const char *sub(const char *text, size_t a, size_t b)
{
	static char bufs[4][256];
	static int k;
	char *buf = bufs[k++ & 3];
	snprintf(buf, sizeof(bufs[0]), "%.*s", (int)(b - a), text + a);
	return buf;
}

/* One expected number: its expression, value, unit, bound, currency and
 * counted noun ("" for none). */
struct num_want {
	const char *expr;
	double value;
	enum wt__num_unit unit;
	enum wt__num_bound bound;
	const char *cur;
	const char *noun;
};

#define N(expr, value, unit, bound, cur, noun) \
	{expr, value, WT_NUM_##unit, WT_NUM_##bound, cur, noun}
#define NUMS(text, ...) \
	expect_numbers(text, (const struct num_want[]){__VA_ARGS__, {NULL, 0, 0, 0, NULL, NULL}})
#define NO_NUMS(text) \
	expect_numbers(text, (const struct num_want[]){{NULL, 0, 0, 0, NULL, NULL}})

/* The numbers of `text` are exactly `want`, in order. */
static void expect_numbers(const char *text, const struct num_want *want)
{
	struct wt__number *v = NULL;
	size_t n = 0, nw = 0;
	assert_int_equal(wt__find_numbers(text, strlen(text), &v, &n), WT_OK);
	assert_non_null(v);
	while (want[nw].expr)
		nw++;
	if (n != nw) {
		for (size_t k = 0; k < n; k++)
			print_error("  found [%s] = %g\n", sub(text, v[k].start, v[k].end),
				    v[k].value);
		print_error("in \"%s\": %zu numbers, expected %zu\n", text, n, nw);
		fail();
	}
	for (size_t k = 0; k < n; k++) {
		const struct num_want *w = &want[k];
		const struct wt__number *x = &v[k];
		assert_string_equal(sub(text, x->start, x->end), w->expr);
		if (x->value != w->value) {
			print_error("[%s]: value %.17g, expected %.17g\n", w->expr, x->value,
				    w->value);
			fail();
		}
		assert_int_equal(x->unit, w->unit);
		assert_int_equal(x->bound, w->bound);
		assert_string_equal(x->currency, w->cur);
		assert_true(x->noun_start <= x->noun_end);
		assert_string_equal(sub(text, x->noun_start, x->noun_end), w->noun);
		if (k)
			assert_true(x->start >= v[k - 1].end);
	}
	wt__free(v);
}

static void test_digits(void **state)
{
	(void)state;
	NUMS("The army sent 14,000 troops and 1.5 tonnes of flour to the port.",
	     N("14,000", 14000, PLAIN, EXACT, "", "troops"),
	     N("1.5", 1.5, PLAIN, EXACT, "", "tonnes"));
	/* a comma before anything but three digits separates a list */
	NUMS("Rooms 3, 4 and 5 were shut; the count went 3,4,5.",
	     N("3", 3, PLAIN, EXACT, "", ""), N("4", 4, PLAIN, EXACT, "", ""),
	     N("5", 5, PLAIN, EXACT, "", ""), N("3", 3, PLAIN, EXACT, "", ""),
	     N("4", 4, PLAIN, EXACT, "", ""), N("5", 5, PLAIN, EXACT, "", ""));
	NUMS("The register lists 1,234,567 voters, 0.5 more than last time.",
	     N("1,234,567", 1234567, PLAIN, EXACT, "", "voters"),
	     N("0.5", 0.5, PLAIN, EXACT, "", ""));
	/* European grouping where it cannot be a decimal */
	NUMS("Die Stadt hat 1.234.567 Einwohner und 1.234,5 Hektar.",
	     N("1.234.567", 1234567, PLAIN, EXACT, "", "Einwohner"),
	     N("1.234,5", 1234.5, PLAIN, EXACT, "", "Hektar"));
	NUMS("Temperatures fell to -5 degrees overnight.",
	     N("-5", -5, PLAIN, EXACT, "", "degrees"));
}

static void test_multipliers(void **state)
{
	(void)state;
	NUMS("About 1.5 million people fled and 2 billion more were warned.",
	     N("About 1.5 million", 1500000, PLAIN, ABOUT, "", "people"),
	     N("2 billion", 2e9, PLAIN, EXACT, "", ""));
	NUMS("Officials counted 15 thousand tents, or 15-thousand by another tally.",
	     N("15 thousand", 15000, PLAIN, EXACT, "", "tents"),
	     N("15-thousand", 15000, PLAIN, EXACT, "", ""));
	NUMS("The insurer paid $4.1m, the city \u20ac4.1 million and the state 4bn rupees.",
	     N("$4.1m", 4100000, MONEY, EXACT, "USD", ""),
	     N("\u20ac4.1 million", 4100000, MONEY, EXACT, "EUR", ""),
	     N("4bn rupees", 4e9, MONEY, EXACT, "INR", ""));
	NUMS("The dam cost Rs 3 lakh per village and 2 crore in all.",
	     N("Rs 3 lakh", 300000, MONEY, EXACT, "INR", "village"),
	     N("2 crore", 20000000, PLAIN, EXACT, "", ""));
}

/* Most languages write decimals with a comma and group thousands with a
 * dot or a space; a text's own figures say which way it writes. */
static void test_decimal_comma(void **state)
{
	(void)state;
	NUMS("Insgesamt flohen 2.400 Menschen, der Pegel stieg auf 9,20 Meter, "
	     "die Sch\u00e4den betragen 1,5 Millionen Euro.",
	     N("2.400", 2400, PLAIN, EXACT, "", "Menschen"),
	     N("9,20", 9.2, PLAIN, EXACT, "", "Meter"),
	     N("1,5 Millionen Euro", 1500000, MONEY, EXACT, "EUR", ""));
	NUMS("Quelque 2\u202f400 personnes, soit 12,5 %, et 3 milliards de dollars.",
	     N("2\u202f400", 2400, PLAIN, EXACT, "", "personnes"),
	     N("12,5 %", 12.5, PERCENT, EXACT, "", ""),
	     N("3 milliards", 3e9, PLAIN, EXACT, "", "dollars"));
	/* Около 2 400 человек, ущерб 1,5 млн рублей. */
	NUMS("\u041e\u043a\u043e\u043b\u043e 2 400 \u0447\u0435\u043b\u043e\u0432\u0435\u043a, "
	     "\u0443\u0449\u0435\u0440\u0431 1,5 \u043c\u043b\u043d "
	     "\u0440\u0443\u0431\u043b\u0435\u0439.",
	     N("2 400", 2400, PLAIN, EXACT, "", "\u0447\u0435\u043b\u043e\u0432\u0435\u043a"),
	     N("1,5 \u043c\u043b\u043d \u0440\u0443\u0431\u043b\u0435\u0439", 1500000, MONEY,
	       EXACT, "RUB", ""));
	NUMS("El plan costar\u00e1 3 mil millones y 2,5 millones m\u00e1s.",
	     N("3 mil millones", 3e9, PLAIN, EXACT, "", ""),
	     N("2,5 millones", 2500000, PLAIN, EXACT, "", "m\u00e1s"));
	NUMS("Der Schaden: 2,5 Mio. Euro.", N("2,5 Mio. Euro", 2500000, MONEY, EXACT, "EUR", ""));
	/* Thai glues its multiplier to the next word: งบ 15 ล้านบาท */
	NUMS("\u0e07\u0e1a 15 \u0e25\u0e49\u0e32\u0e19\u0e1a\u0e32\u0e17",
	     N("15 \u0e25\u0e49\u0e32\u0e19", 15e6, PLAIN, EXACT, "", ""));
	/* The English way stays: a comma groups, "1.250" is a decimal */
	NUMS("Pages 3,4 and 5.93 percent, 14,000 people, 1.250 tonnes.",
	     N("3", 3, PLAIN, EXACT, "", ""), N("4", 4, PLAIN, EXACT, "", ""),
	     N("5.93 percent", 5.93, PERCENT, EXACT, "", ""),
	     N("14,000", 14000, PLAIN, EXACT, "", "people"),
	     N("1.250", 1.25, PLAIN, EXACT, "", "tonnes"));
	/* Percent as a word of other languages */
	NUMS("Die SPD kam auf 25,7 Prozent; le ch\u00f4mage atteint 7,3 pour cent; "
	     "la inflaci\u00f3n subi\u00f3 al 3,2 por ciento.",
	     N("25,7 Prozent", 25.7, PERCENT, EXACT, "", ""),
	     N("7,3 pour cent", 7.3, PERCENT, EXACT, "", ""),
	     N("3,2 por ciento", 3.2, PERCENT, EXACT, "", ""));
	/* Indian grouping in English: lakhs and crores in twos */
	NUMS("The family got Rs 1,50,000 in aid; the bridge cost Rs 2,50,00,000 and 14,000 "
	     "people crossed it.",
	     N("Rs 1,50,000", 150000, MONEY, EXACT, "INR", ""),
	     N("Rs 2,50,00,000", 25000000, MONEY, EXACT, "INR", ""),
	     N("14,000", 14000, PLAIN, EXACT, "", "people"));
	/* Dates with other languages' month names, the day first */
	NUMS("La cumbre ser\u00e1 el 2 de mayo de 2026; le vote, le 9 mai.",
	     N("2 de mayo de 2026", 20260502, DATE, EXACT, "", ""),
	     N("9 mai", 509, DATE, EXACT, "", ""));
	/* ... but an English one only capitalised, and not after "2." */
	NUMS("Five may die; he was ranked No. 2. May was warm.",
	     N("Five", 5, PLAIN, EXACT, "", ""), N("2", 2, PLAIN, EXACT, "", ""));
	/* A German time is no figure */
	NO_NUMS("Die Sitzung beginnt um 10.30 Uhr.");
}

static void test_number_words(void **state)
{
	(void)state;
	NUMS("Nine people died and twenty-one boats were lost.",
	     N("Nine", 9, PLAIN, EXACT, "", "people"),
	     N("twenty-one", 21, PLAIN, EXACT, "", "boats"));
	NUMS("The blaze destroyed a hundred homes, one hundred cars and two thousand sheep.",
	     N("a hundred", 100, PLAIN, EXACT, "", "homes"),
	     N("one hundred", 100, PLAIN, EXACT, "", "cars"),
	     N("two thousand", 2000, PLAIN, EXACT, "", "sheep"));
	NUMS("Rescuers found a dozen survivors; three million votes were cast.",
	     N("a dozen", 12, PLAIN, EXACT, "", "survivors"),
	     N("three million", 3000000, PLAIN, EXACT, "", "votes"));
	NUMS("Some two hundred and fifty families left.",
	     N("Some two hundred and fifty", 250, PLAIN, ABOUT, "", "families"));
	/* "one" as a pronoun is no figure */
	NO_NUMS("One of the men said no one saw the one who left.");
	NO_NUMS("It was one of those days, and any one could see it.");
	NUMS("One man died.", N("One", 1, PLAIN, EXACT, "", "man"));
	/* a fraction is not its numerator */
	NO_NUMS("Two-thirds of voters stayed home.");
}

static void test_hyphen_modifiers(void **state)
{
	(void)state;
	NUMS("Both sides agreed a 120-day truce after a 30-metre breach.",
	     N("120", 120, PLAIN, EXACT, "", "day"),
	     N("30", 30, PLAIN, EXACT, "", "metre"));
	NUMS("The five-year plan helps a 12-year-old girl.",
	     N("five", 5, PLAIN, EXACT, "", "year"),
	     N("12", 12, PLAIN, EXACT, "", "year"));
	NUMS("The road is 10km long.", N("10", 10, PLAIN, EXACT, "", "km"));
}

static void test_percent(void **state)
{
	(void)state;
	NUMS("Turnout was 12%, then 12 %, then 12 percent and finally 12 per cent of the vote.",
	     N("12%", 12, PERCENT, EXACT, "", ""),
	     N("12 %", 12, PERCENT, EXACT, "", ""),
	     N("12 percent", 12, PERCENT, EXACT, "", ""),
	     N("12 per cent", 12, PERCENT, EXACT, "", "vote"));
	NUMS("Prices rose 3.5pc in May; enflasyon %12 oldu.",
	     N("3.5pc", 3.5, PERCENT, EXACT, "", ""),
	     N("%12", 12, PERCENT, EXACT, "", "oldu"));
}

static void test_money(void **state)
{
	(void)state;
	NUMS("The fund holds $284 billion, down from \u20ac250 and \u00a3600m.",
	     N("$284 billion", 284e9, MONEY, EXACT, "USD", ""),
	     N("\u20ac250", 250, MONEY, EXACT, "EUR", ""),
	     N("\u00a3600m", 600e6, MONEY, EXACT, "GBP", ""));
	NUMS("A ticket costs \u00a53,000, Rs 500, Rs. 500 or 500 rupees.",
	     N("\u00a53,000", 3000, MONEY, EXACT, "JPY", ""),
	     N("Rs 500", 500, MONEY, EXACT, "INR", ""),
	     N("Rs. 500", 500, MONEY, EXACT, "INR", ""),
	     N("500 rupees", 500, MONEY, EXACT, "INR", ""));
	NUMS("Each family got PKR 2,000, US$5 and a $5 fine.",
	     N("PKR 2,000", 2000, MONEY, EXACT, "PKR", ""),
	     N("US$5", 5, MONEY, EXACT, "USD", ""),
	     N("$5", 5, MONEY, EXACT, "USD", "fine"));
	NUMS("He paid 5 dollars, 7 euros and 9 pounds.",
	     N("5 dollars", 5, MONEY, EXACT, "USD", ""),
	     N("7 euros", 7, MONEY, EXACT, "EUR", ""),
	     N("9 pounds", 9, MONEY, EXACT, "GBP", ""));
	/* a dollar of another country: money, currency unknown */
	NUMS("The port raised HK$5 billion.", N("HK$5 billion", 5e9, MONEY, EXACT, "", ""));
	NUMS("Three million dollars, officials said.",
	     N("Three million dollars", 3e6, MONEY, EXACT, "USD", ""));
}

static void test_years(void **state)
{
	(void)state;
	NUMS("The dam was built in 2017 and 2018's floods tested it.",
	     N("2017", 2017, YEAR, EXACT, "", ""),
	     N("2018", 2018, YEAR, EXACT, "", ""));
	NUMS("Exactly 2,017 people and then 2000 people signed.",
	     N("2,017", 2017, PLAIN, EXACT, "", "people"),
	     N("2000", 2000, PLAIN, EXACT, "", "people"));
	NUMS("She lost the 2020 election. 2017 saw a rise.",
	     N("2020", 2020, YEAR, EXACT, "", "election"),
	     N("2017", 2017, YEAR, EXACT, "", ""));
}

static void test_dates(void **state)
{
	(void)state;
	NUMS("Talks began on March 14 and resumed 14 March.",
	     N("March 14", 314, DATE, EXACT, "", ""),
	     N("14 March", 314, DATE, EXACT, "", ""));
	NUMS("Polls close March 14, 2026, or 14 March 2026, or 2026-03-14.",
	     N("March 14, 2026", 20260314, DATE, EXACT, "", ""),
	     N("14 March 2026", 20260314, DATE, EXACT, "", ""),
	     N("2026-03-14", 20260314, DATE, EXACT, "", ""));
	NUMS("The law took effect Jan. 1 and expires in March 2026.",
	     N("Jan. 1", 101, DATE, EXACT, "", ""),
	     N("March 2026", 20260300, DATE, EXACT, "", ""));
	/* a day cannot be "14,000" */
	NUMS("In May 2,000 people marched.", N("2,000", 2000, PLAIN, EXACT, "", "people"));
}

static void test_bounds(void **state)
{
	(void)state;
	NUMS("More than 6,000 people, over 50 boats and at least 12 dead.",
	     N("More than 6,000", 6000, PLAIN, ABOVE, "", "people"),
	     N("over 50", 50, PLAIN, ABOVE, "", "boats"),
	     N("at least 12", 12, PLAIN, ABOVE, "", "dead"));
	NUMS("Fewer than 10 ships, less than 3 days, under 18 years, up to 40 trucks, at most 7.",
	     N("Fewer than 10", 10, PLAIN, BELOW, "", "ships"),
	     N("less than 3", 3, PLAIN, BELOW, "", "days"),
	     N("under 18", 18, PLAIN, BELOW, "", "years"),
	     N("up to 40", 40, PLAIN, BELOW, "", "trucks"),
	     N("at most 7", 7, PLAIN, BELOW, "", ""));
	NUMS("About 5 tents, around 6 huts, nearly 7 cars, almost 8 vans, some 9 men, "
	     "roughly 10 goats, approximately 11 cows.",
	     N("About 5", 5, PLAIN, ABOUT, "", "tents"),
	     N("around 6", 6, PLAIN, ABOUT, "", "huts"),
	     N("nearly 7", 7, PLAIN, ABOUT, "", "cars"),
	     N("almost 8", 8, PLAIN, ABOUT, "", "vans"),
	     N("some 9", 9, PLAIN, ABOUT, "", "men"),
	     N("roughly 10", 10, PLAIN, ABOUT, "", "goats"),
	     N("approximately 11", 11, PLAIN, ABOUT, "", "cows"));
	NUMS("Damage exceeded more than $5 billion.",
	     N("more than $5 billion", 5e9, MONEY, ABOVE, "USD", ""));
}

static void test_other_scripts(void **state)
{
	(void)state;
	/* Hindi: "12 people died" with Devanagari digits */
	NUMS("\u0926\u0941\u0930\u094d\u0918\u091f\u0928\u093e \u092e\u0947\u0902 \u0967\u0968 "
	     "\u0932\u094b\u0917 \u092e\u093e\u0930\u0947 \u0917\u090f",
	     N("\u0967\u0968", 12, PLAIN, EXACT, "", "\u0932\u094b\u0917"));
	/* Urdu: "12 people", Extended Arabic-Indic digits, and an Arabic-Indic 2017 */
	NUMS("\u062d\u0627\u062f\u062b\u06d2 \u0645\u06cc\u06ba \u06f1\u06f2 "
	     "\u0627\u0641\u0631\u0627\u062f \u0633\u0627\u0644 \u0662\u0660\u0661\u0667",
	     N("\u06f1\u06f2", 12, PLAIN, EXACT, "", "\u0627\u0641\u0631\u0627\u062f"),
	     N("\u0662\u0660\u0661\u0667", 2017, YEAR, EXACT, "", ""));
	/* fullwidth digits, and a CJK counter glued to the figure: no noun */
	NUMS("\u6b7b\u8005\u306f\uff11\uff12\u4eba\u3001\u8ca0\u50b7\u800512\u4eba\u3002",
	     N("\uff11\uff12", 12, PLAIN, EXACT, "", ""),
	     N("12", 12, PLAIN, EXACT, "", ""));
}

static void test_nouns(void **state)
{
	(void)state;
	NUMS("Gunmen killed 58 people; 58 of them were children.",
	     N("58", 58, PLAIN, EXACT, "", "people"),
	     N("58", 58, PLAIN, EXACT, "", ""));
	NUMS("Lisbon sent 12,000 of the troops.", N("12,000", 12000, PLAIN, EXACT, "", "troops"));
}

static void test_not_numbers(void **state)
{
	(void)state;
	NO_NUMS("The A42 motorway and the M25 were shut as F-16 jets flew over.");
	NO_NUMS("COVID-19 cases rose as 5G masts and 3D printers went up in the 1990s.");
	NO_NUMS("He came 12th, at 9 p.m. or 9pm, by 8:50 or 0900 GMT.");
	NO_NUMS("Call +44 20 7946 0958 or (555) 123-4567 or 12345678901234567.");
	NO_NUMS("Version 1.2.3 of the app at 10.0.0.1 lost 3-1, its 2019-20 season over.");
	NO_NUMS("See https://example.org/news/2017/05/fire and @user2017 and #tag12.");
	NO_NUMS("");
}

/* The text is not NUL-terminated, and nothing past its end is read. */
static void test_bounds_of_text(void **state)
{
	(void)state;
	const char *t = "The army sent 14,000 troops";
	size_t len = strlen("The army sent 14,0");
	char *copy = malloc(len);
	assert_non_null(copy);
	memcpy(copy, t, len);
	struct wt__number *v;
	size_t n;
	assert_int_equal(wt__find_numbers(copy, len, &v, &n), WT_OK);
	/* "14,0" alone: a decimal comma, read to the last byte and no further */
	assert_int_equal(n, 1);
	assert_true(v[0].value == 14 && v[0].end == len);
	wt__free(v);
	free(copy);
	assert_int_equal(wt__find_numbers(NULL, 0, &v, &n), WT_OK);
	assert_int_equal(n, 0);
	wt__free(v);
	assert_int_equal(wt__find_numbers(NULL, 3, &v, &n), WT_ERR_INVALID);
	assert_int_equal(wt__find_quotes(NULL, 3, &(struct wt__quote *){NULL}, &n), WT_ERR_INVALID);
}

/* ---- quotations -------------------------------------------------------- */

/* One expected quotation: its words, and its speaker ("" for none). */
struct quote_want {
	const char *words, *speaker;
};

#define Q(words, speaker) {words, speaker}
#define QUOTES(text, ...) \
	expect_quotes(text, (const struct quote_want[]){__VA_ARGS__, {NULL, NULL}})
#define NO_QUOTES(text) expect_quotes(text, (const struct quote_want[]){{NULL, NULL}})

static void expect_quotes(const char *text, const struct quote_want *want)
{
	struct wt__quote *v = NULL;
	size_t n = 0, nw = 0;
	assert_int_equal(wt__find_quotes(text, strlen(text), &v, &n), WT_OK);
	assert_non_null(v);
	while (want[nw].words)
		nw++;
	if (n != nw) {
		for (size_t k = 0; k < n; k++)
			print_error("  found [%s]\n", sub(text, v[k].start, v[k].end));
		print_error("in \"%s\": %zu quotations, expected %zu\n", text, n, nw);
		fail();
	}
	for (size_t k = 0; k < n; k++) {
		assert_string_equal(sub(text, v[k].start, v[k].end), want[k].words);
		assert_true(v[k].speaker_start <= v[k].speaker_end);
		assert_string_equal(sub(text, v[k].speaker_start, v[k].speaker_end),
				    want[k].speaker);
		if (k)
			assert_true(v[k].start >= v[k - 1].end);
	}
	wt__free(v);
}

static void test_quote_marks(void **state)
{
	(void)state;
	QUOTES("\u201cThe water rose within minutes.\u201d",
	       Q("The water rose within minutes.", ""));
	QUOTES("\u201eDie Br\u00fccke ist sicher\u201c, sagte Anna Weber.",
	       Q("Die Br\u00fccke ist sicher", "Anna Weber"));
	QUOTES("\u201eNie mamy wody pitnej\u201d.", Q("Nie mamy wody pitnej", ""));
	QUOTES("\u00bbWir bleiben hier bis morgen\u00ab, sagte er.",
	       Q("Wir bleiben hier bis morgen", ""));
	QUOTES("\u2039Nous partirons demain matin\u203a.", Q("Nous partirons demain matin", ""));
	QUOTES("\u300e\u6c34\u304c\u5f15\u3044\u305f\u300f",
	       Q("\u6c34\u304c\u5f15\u3044\u305f", ""));
	QUOTES("\"We had no warning at all,\" a resident said.",
	       Q("We had no warning at all", ""));
	QUOTES("The mayor said \u2018the levee will hold tonight\u2019 before leaving.",
	       Q("the levee will hold tonight", ""));
	/* straight quotes pair inside a paragraph: two quotations */
	QUOTES("\"Help is coming soon,\" one said. \"Not soon enough for us,\" another said.",
	       Q("Help is coming soon", ""), Q("Not soon enough for us", ""));
}

static void test_not_quotes(void **state)
{
	(void)state;
	/* apostrophes, not quotation marks */
	NO_QUOTES("She didn\u2019t know the players\u2019 union had left in the \u201990s.");
	NO_QUOTES("Rock \u2019n\u2019 roll isn\u2019t dead, the band\u2019s singer said.");
	/* two words are a term, not a quotation */
	NO_QUOTES("Officials called it a \u201cminor incident\u201d on Tuesday.");
	/* an unmatched mark is ignored, and a later pair still found */
	QUOTES("He wrote \u201cnothing more. Then \u201cWe will not leave this town,\u201d "
	       "Ana Costa told Reuters.",
	       Q("We will not leave this town", "Ana Costa"));
	NO_QUOTES("A mark \u201d that closes nothing, and one \u201c that never closes.");
	/* a quotation does not cross a blank line */
	NO_QUOTES("\u201cThe first paragraph opens here\n\nand the second one closes\u201d here.");
	NO_QUOTES("");
}

static void test_speakers(void **state)
{
	(void)state;
	QUOTES("\u201cWe will rebuild the bridge,\u201d Nikos Alexiou said on Monday.",
	       Q("We will rebuild the bridge", "Nikos Alexiou"));
	QUOTES("\u201cWe will rebuild the bridge,\u201d said coast guard spokesman Nikos Alexiou.",
	       Q("We will rebuild the bridge", "Nikos Alexiou"));
	QUOTES("\u201cThe sea was calm,\u201d coast guard spokesman Nikos Alexiou told reporters.",
	       Q("The sea was calm", "Nikos Alexiou"));
	QUOTES("Coast guard spokesman Nikos Alexiou said: \u201cThe search goes on tonight.\u201d",
	       Q("The search goes on tonight.", "Nikos Alexiou"));
	QUOTES("Marta Ilves said that \u201cthe talks have failed completely\u201d.",
	       Q("the talks have failed completely", "Marta Ilves"));
	QUOTES("\u201cWe acted fast,\u201d Nikos Alexiou, a coast guard spokesman, said.",
	       Q("We acted fast", "Nikos Alexiou"));
	QUOTES("\u201cThe water came very fast,\u201d according to Anna Berg, a resident.",
	       Q("The water came very fast", "Anna Berg"));
	QUOTES("According to Prime Minister Kyriakos Mitsotakis, "
	       "\u201cthe worst is behind us\u201d.",
	       Q("the worst is behind us", "Kyriakos Mitsotakis"));
	QUOTES("\u201cWhere is the help we were promised?\u201d asked Omar Haddad, 34.",
	       Q("Where is the help we were promised?", "Omar Haddad"));
	QUOTES("\u201cThe roads are closed,\u201d warned Ursula von der Berg.",
	       Q("The roads are closed", "Ursula von der Berg"));
	/* a pronoun or an institution names no person */
	QUOTES("\u201cNobody is safe here,\u201d he said. \u201cWe need help now.\u201d",
	       Q("Nobody is safe here", ""), Q("We need help now.", ""));
	QUOTES("\u201cThe operation is over,\u201d the coast guard said in a statement.",
	       Q("The operation is over", ""));
	/* an apposition between the name and the verb */
	QUOTES("\u201cHe was never violent,\u201d his brother, Tomas Lindgren, told reporters.",
	       Q("He was never violent", "Tomas Lindgren"));
	QUOTES("\u201cThe staff were exhausted,\u201d Lea Moreau, director of Saint Anne "
	       "Hospital, said.",
	       Q("The staff were exhausted", "Lea Moreau"));
	QUOTES("\u201cThe door was already open,\u201d said the neighbour, Karl Jensen.",
	       Q("The door was already open", "Karl Jensen"));
	/* a place, or a pronoun as the clause's subject, is not a speaker */
	QUOTES("In Lisbon, the mayor said: \u201cThe ferries will run again.\u201d",
	       Q("The ferries will run again.", ""));
	QUOTES("Later, she called Weber and warned him: \u201cThis will not happen again.\u201d",
	       Q("This will not happen again.", ""));
	/* the next sentence's name is not the speaker */
	QUOTES("\u201cWe saw the wave come in.\u201d Lena Park arrived later that day.",
	       Q("We saw the wave come in.", ""));
}

/* A quotation right after its speaker's attribution, or running on into
 * the next paragraph, has the same speaker. */
static void test_speakers_carried(void **state)
{
	(void)state;
	QUOTES("\u201cWe have asked for a new pier for years,\u201d said Ana Mourato. "
	       "\u201cToday we were lucky.\u201d",
	       Q("We have asked for a new pier for years", "Ana Mourato"),
	       Q("Today we were lucky.", "Ana Mourato"));
	QUOTES("Mayor Lena Park said: \u201cThe ferry will be towed to the yard tonight.\n\n"
	       "\u201cInspectors will board it tomorrow morning.\u201d",
	       Q("The ferry will be towed to the yard tonight.", "Lena Park"),
	       Q("Inspectors will board it tomorrow morning.", "Lena Park"));
	/* another sentence between: someone else may be speaking */
	QUOTES("\u201cWe have asked for a new pier,\u201d said Ana Mourato. The council disagreed. "
	       "\u201cThere is no money for it.\u201d",
	       Q("We have asked for a new pier", "Ana Mourato"),
	       Q("There is no money for it.", ""));
	/* a paragraph per line: a straight quote left open ends with its line */
	QUOTES("The union called the plan \"a first step towards a safer port for everyone who "
	       "works on the quays and for the families who live beside them\n"
	       "Rui Costa said: \"We will keep pressing.\"",
	       Q("We will keep pressing.", "Rui Costa"));
}

static void test_speakers_other_scripts(void **state)
{
	(void)state;
	/* French guillemets with spaces inside */
	QUOTES("\u00ab Nous reconstruirons le pont \u00bb, a d\u00e9clar\u00e9 le maire "
	       "Jean Dupont.",
	       Q("Nous reconstruirons le pont", "Jean Dupont"));
	/* Russian: "We will restore the bridge," said the head of administration Ivan Petrov. */
	QUOTES("\u00ab\u041c\u044b "
	       "\u0432\u043e\u0441\u0441\u0442\u0430\u043d\u043e\u0432\u0438\u043c "
	       "\u043c\u043e\u0441\u0442\u00bb, \u2014 \u0441\u043a\u0430\u0437\u0430\u043b "
	       "\u0433\u043b\u0430\u0432\u0430 \u0430\u0434\u043c\u0438\u043d\u0438\u0441\u0442"
	       "\u0440\u0430\u0446\u0438\u0438 \u0418\u0432\u0430\u043d "
	       "\u041f\u0435\u0442\u0440\u043e\u0432.",
	       Q("\u041c\u044b \u0432\u043e\u0441\u0441\u0442\u0430\u043d\u043e\u0432\u0438\u043c "
		 "\u043c\u043e\u0441\u0442",
		 "\u0418\u0432\u0430\u043d \u041f\u0435\u0442\u0440\u043e\u0432"));
	/* Japanese: the official said "safety is secured"; no case, no name */
	QUOTES("\u62c5\u5f53\u8005\u306f\u300c\u5b89\u5168\u306f\u78ba\u4fdd\u3055\u308c\u3066"
	       "\u3044\u308b\u300d\u3068\u8ff0\u3079\u305f\u3002",
	       Q("\u5b89\u5168\u306f\u78ba\u4fdd\u3055\u308c\u3066\u3044\u308b", ""));
}

/* Every allocation failure is reported, and nothing leaks (ASan build). */
static void test_alloc_failures(void **state)
{
	(void)state;
	const char *t = "\u201cWe sent 14,000 troops,\u201d Nikos Alexiou said on March 14.";
	for (size_t k = 1; k < 20; k++) {
		struct wt__number *v = NULL;
		struct wt__quote *q = NULL;
		size_t n;
		wt__alloc_fail_after(k);
		enum wt_status a = wt__find_numbers(t, strlen(t), &v, &n);
		wt__alloc_fail_after(k);
		enum wt_status b = wt__find_quotes(t, strlen(t), &q, &n);
		wt__alloc_fail_after(0);
		assert_true(a == WT_OK || (a == WT_ERR_NOMEM && v == NULL));
		assert_true(b == WT_OK || (b == WT_ERR_NOMEM && q == NULL));
		wt__free(v);
		wt__free(q);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_digits),
		cmocka_unit_test(test_multipliers),
		cmocka_unit_test(test_decimal_comma),
		cmocka_unit_test(test_number_words),
		cmocka_unit_test(test_hyphen_modifiers),
		cmocka_unit_test(test_percent),
		cmocka_unit_test(test_money),
		cmocka_unit_test(test_years),
		cmocka_unit_test(test_dates),
		cmocka_unit_test(test_bounds),
		cmocka_unit_test(test_other_scripts),
		cmocka_unit_test(test_nouns),
		cmocka_unit_test(test_not_numbers),
		cmocka_unit_test(test_bounds_of_text),
		cmocka_unit_test(test_quote_marks),
		cmocka_unit_test(test_not_quotes),
		cmocka_unit_test(test_speakers),
		cmocka_unit_test(test_speakers_carried),
		cmocka_unit_test(test_speakers_other_scripts),
		cmocka_unit_test(test_alloc_failures),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
