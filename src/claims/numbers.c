/*
 * numbers.c - the figures of a news text: how many, how much, when, and
 * what they count.
 *
 * A story's figures are what its versions most often disagree on (a toll
 * revised, a sum converted, a date moved), so each is reported with its
 * value normalized ("1.5 million" and "1,500,000" compare equal), its kind
 * (plain, percent, money, year, date), its bound ("more than 6,000") and
 * the word it counts ("troops").
 *
 * The scanner walks the text once.  At a digit it reads one number (digits
 * of any script, thousands commas, a decimal part), then what may follow it
 * (a multiplier, a percent sign, a currency, a hyphenated or glued unit) and
 * what may precede it (a currency sign or code, a qualifier).  At an English
 * word it tries a month ("March 14") and number words ("twenty-one",
 * "a dozen").  Anything that looks like part of an identifier, a time, a
 * score or a phone number is stepped over whole, so its digits are not
 * read again as a number of their own.  Everything reads only inside
 * [text, text + len).
 */
#include <math.h>
#include <pthread.h>
#include <utf8proc.h>

#include "claims/chars.h"
#include "claims/claims.h"
#include "text/text.h"

#define MAX_NUMBERS 65536 /* kept per text: its first ones */
#define MAX_DIGITS 15     /* more is an id or a phone number, and not exact in a double */
#define MAX_SPACES 8      /* spaces between the words of one expression */

struct scan {
	const unsigned char *s;
	size_t n;
	size_t last_end; /* end of the last number found: no prefix reaches back past it */
	int comma;       /* the text writes decimals with a comma: "1,5", "2.400", "2 400" */
	struct wt__number *v;
	size_t len, cap;
	int full;
	enum wt_status st;
};

/* A number being read. */
struct cand {
	size_t start, end;           /* the expression so far */
	size_t core_start, core_end; /* its digits or number words */
	double mant;                 /* value = mant * 10^exp10 */
	int exp10;
	int ndigits, int_digits, seps, frac;
	int neg, mult, words, money;
	enum wt__num_unit unit;
	enum wt__num_bound bound;
	char cur[4];
	int noun; /* noun_start..noun_end already found */
	size_t noun_start, noun_end;
	size_t resume; /* where the scan goes on */
};

/* ---- characters -------------------------------------------------------- */

/* @return the code point that ends just before s[i], -1 when none or invalid. */
static int32_t cp_before(const unsigned char *s, size_t i, size_t *l)
{
	*l = 0;
	if (i == 0)
		return -1;
	if (s[i - 1] < 0x80) {
		*l = 1;
		return s[i - 1];
	}
	size_t k = 1;
	while (k < 4 && k < i && (s[i - k] & 0xC0) == 0x80)
		k++;
	size_t dl;
	int32_t cp = wt__utf8_decode(s + i - k, k, &dl);
	if (cp < 0 || dl != k) {
		*l = 1;
		return -1;
	}
	*l = k;
	return cp;
}

/*
 * @return the value 0..9 of a decimal digit of any script, else -1.  The
 * Unicode digits of a script are consecutive from its zero, so the value is
 * the distance from the first digit of the run, modulo ten (the five sets
 * of mathematical digits sit back to back).
 */
static int digit_val(int32_t cp)
{
	/* the zeros of the scripts news is written in, looked up first */
	static const int32_t zeros[] = {
		0x660, 0x6F0, 0x966, 0x9E6, 0xA66, 0xAE6, 0xB66, 0xBE6, 0xC66, 0xCE6, 0xD66,
		0xE50, 0xED0, 0xF20, 0x1040, 0x17E0, 0x1810, 0xFF10
	};
	if (cp >= '0' && cp <= '9')
		return cp - '0';
	if (cp < 0x660)
		return -1;
	for (size_t k = 0; k < sizeof(zeros) / sizeof(zeros[0]); k++)
		if (cp >= zeros[k] && cp <= zeros[k] + 9)
			return (int)(cp - zeros[k]);
	if (category(cp) != UTF8PROC_CATEGORY_ND)
		return -1;
	int32_t z = cp;
	for (int k = 0; k < 64 && category(z - 1) == UTF8PROC_CATEGORY_ND; k++)
		z--;
	return (int)((cp - z) % 10);
}

/* A letter of a script with case: Latin, Greek, Cyrillic, Armenian... */
static int is_cased(int32_t cp)
{
	if (cp < 0x80)
		return is_letter(cp);
	int c = category(cp);
	return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LL || c == UTF8PROC_CATEGORY_LT;
}

static int is_lower(int32_t cp)
{
	if (cp < 0x80)
		return cp >= 'a' && cp <= 'z';
	return category(cp) == UTF8PROC_CATEGORY_LL;
}

static int is_mark(const unsigned char *s, size_t n, size_t i)
{
	size_t l;
	int c = category(cp_at(s, n, i, &l));
	return c >= UTF8PROC_CATEGORY_MN && c <= UTF8PROC_CATEGORY_ME;
}

static int is_digit_at(const unsigned char *s, size_t n, size_t i)
{
	size_t l;
	return digit_val(cp_at(s, n, i, &l)) >= 0;
}

static int is_letter_at(const unsigned char *s, size_t n, size_t i)
{
	size_t l;
	return is_letter(cp_at(s, n, i, &l));
}

/* @return the bytes of a space at s[i] that may sit inside an expression
 * (space, tab, no-break, narrow no-break, thin, figure space), else 0. */
static size_t hspace(const unsigned char *s, size_t n, size_t i)
{
	if (i >= n)
		return 0;
	if (s[i] == ' ' || s[i] == '\t')
		return 1;
	if (s[i] == 0xC2 && i + 1 < n && s[i + 1] == 0xA0)
		return 2;
	if (s[i] == 0xE2 && i + 2 < n && s[i + 1] == 0x80 &&
	    (s[i + 2] == 0xAF || s[i + 2] == 0x89 || s[i + 2] == 0x87))
		return 3;
	return 0;
}

/* The same for the space that ends just before s[i], not before lo. */
static size_t hspace_before(const unsigned char *s, size_t i, size_t lo)
{
	if (i > lo && (s[i - 1] == ' ' || s[i - 1] == '\t'))
		return 1;
	if (i >= lo + 2 && s[i - 2] == 0xC2 && s[i - 1] == 0xA0)
		return 2;
	if (i >= lo + 3 && s[i - 3] == 0xE2 && s[i - 2] == 0x80 &&
	    (s[i - 1] == 0xAF || s[i - 1] == 0x89 || s[i - 1] == 0x87))
		return 3;
	return 0;
}

/* Skips a few spaces, and with `lines` one line break too: wire copy is
 * often hard-wrapped in the middle of "more than\n6,000". */
static size_t skip_sp(const unsigned char *s, size_t n, size_t i, int lines)
{
	int nl = 0;
	for (int k = 0; k < MAX_SPACES; k++) {
		size_t l = hspace(s, n, i);
		if (l) {
			i += l;
		} else if (lines && !nl && i < n && (s[i] == '\n' || s[i] == '\r')) {
			if (s[i] == '\r' && i + 1 < n && s[i + 1] == '\n')
				i++;
			i++;
			nl = 1;
		} else {
			break;
		}
	}
	return i;
}

static size_t skip_sp_back(const unsigned char *s, size_t i, size_t lo, int lines)
{
	int nl = 0;
	for (int k = 0; k < MAX_SPACES; k++) {
		size_t l = hspace_before(s, i, lo);
		if (l) {
			i -= l;
		} else if (lines && !nl && i > lo && s[i - 1] == '\n') {
			i--;
			if (i > lo && s[i - 1] == '\r')
				i--;
			nl = 1;
		} else {
			break;
		}
	}
	return i;
}

/* @return the end of the run of letters (and marks) from s[i]. */
static size_t word_end(const unsigned char *s, size_t n, size_t i)
{
	size_t l;
	while (i < n && is_letter(cp_at(s, n, i, &l)))
		i += l;
	return i;
}

/* @return the start of the run of letters that ends at s[i], not before lo. */
static size_t word_begin(const unsigned char *s, size_t i, size_t lo)
{
	size_t l;
	while (i > lo && is_letter(cp_before(s, i, &l)) && i - l >= lo)
		i -= l;
	return i;
}

/* @return the index of s[a..b) in the NULL-terminated list, or -1. */
static int word_in(const unsigned char *s, size_t a, size_t b, const char *const *list)
{
	if (b - a > 24)
		return -1;
	for (int k = 0; list[k]; k++)
		if (word_eq(s, a, b, list[k]))
			return k;
	return -1;
}

/* Is s[a..b) exactly `w`, case included ("PKR", "Rs")? */
static int bytes_eq(const unsigned char *s, size_t a, size_t b, const char *w)
{
	size_t l = strlen(w);
	return b - a == l && !memcmp(s + a, w, l);
}

/*
 * The word before s[i], across spaces (at least one) and one line break:
 * *a..*b, not before lo.  @return 1 when there is one.
 */
static int prev_word(const unsigned char *s, size_t i, size_t lo, size_t *a, size_t *b)
{
	size_t j = skip_sp_back(s, i, lo, 1);
	if (j == i || j <= lo)
		return 0;
	size_t w = word_begin(s, j, lo);
	if (w == j)
		return 0;
	*a = w;
	*b = j;
	return 1;
}

/* The word right after the spaces at s[i] (at least one), on the same line. */
static int next_word(const unsigned char *s, size_t n, size_t i, size_t *a, size_t *b)
{
	size_t j = skip_sp(s, n, i, 0);
	if (j == i || !is_letter_at(s, n, j))
		return 0;
	*a = j;
	*b = word_end(s, n, j);
	return 1;
}

/* ---- word lists -------------------------------------------------------- */

/* Words that are never what a number counts: grammar, pronouns, and the
 * qualifiers and verbs that follow figures in news copy. */
static const char *const function_words[] = {
	"of", "the", "a", "an", "and", "or", "but", "nor", "per", "from", "on", "at", "by",
	"for", "with", "to", "in", "into", "onto", "than", "as", "is", "are", "was", "were",
	"be", "been", "being", "has", "have", "had", "do", "does", "did", "will", "would",
	"could", "should", "may", "might", "can", "must", "shall", "this", "that", "these",
	"those", "which", "who", "whom", "whose", "what", "where", "when", "while", "it", "its",
	"they", "them", "their", "we", "us", "our", "he", "him", "his", "she", "her", "you",
	"your", "i", "me", "my", "after", "before", "since", "until", "if", "so", "not", "no",
	"also", "more", "less", "most", "least", "then", "there", "here", "said", "says",
	"told", "about", "over", "under", "around", "nearly", "almost", "some", "another",
	"other", "others", "each", "every", "any", "all", "both", "either", "neither", "such",
	"only", "just", "even", "still", "yet", "up", "down", "out", "off", "very", "too",
	"again", "once", "between", "against", "during", "through", "across", "among", "amid",
	"via", "because", "though", "although", "whether", "ago", "percent", "cent", "pct",
	"one", "ones",
	/* German, French, Spanish, Italian, Portuguese, Dutch: articles,
	 * conjunctions and prepositions */
	"und", "oder", "der", "die", "das", "dem", "den", "des", "ein", "eine", "im", "zu",
	"mit", "von", "f\u00fcr", "auf", "bei", "nach", "aus", "um", "et", "ou", "le", "la",
	"les", "au", "aux", "dans", "sur", "pour", "par", "avec", "y", "el", "los", "las",
	"del", "en", "con", "por", "para", "il", "gli", "nel", "e", "o", "het", "een", "van",
	"met", "voor",
	/* Hindi: mein, se, ka, ki, ke, ko, aur, ne, par, tak, hai, hain */
	"\u092e\u0947\u0902", "\u0938\u0947", "\u0915\u093e", "\u0915\u0940", "\u0915\u0947",
	"\u0915\u094b", "\u0914\u0930", "\u0928\u0947", "\u092a\u0930", "\u0924\u0915",
	"\u0939\u0948", "\u0939\u0948\u0902",
	/* Urdu: mein, se, ka, ki, ke, ko, aur, ne, par, tak, hai, hain */
	"\u0645\u06cc\u06ba", "\u0633\u06d2", "\u06a9\u0627", "\u06a9\u06cc", "\u06a9\u06d2",
	"\u06a9\u0648", "\u0627\u0648\u0631", "\u0646\u06d2", "\u067e\u0631", "\u062a\u06a9",
	"\u06c1\u06d2", "\u06c1\u06cc\u06ba",
	/* Russian: i, v, na, s, po, iz, za, do, ot, k, a, no, o */
	"\u0438", "\u0432", "\u043d\u0430", "\u0441", "\u043f\u043e", "\u0438\u0437",
	"\u0437\u0430", "\u0434\u043e", "\u043e\u0442", "\u043a", "\u0430", "\u043d\u043e",
	"\u043e", NULL
};

/* Percent as a word: English, German, Dutch, Scandinavian, Czech, Polish. */
static const char *const percent_words[] = {
	"percent", "pct", "prozent", "procent", "prosent", "procento", "procentu", "proc",
	"\u043f\u0440\u043e\u0446\u0435\u043d\u0442", /* Russian: protsent, protsenta, protsentov */
	"\u043f\u0440\u043e\u0446\u0435\u043d\u0442\u0430",
	"\u043f\u0440\u043e\u0446\u0435\u043d\u0442\u043e\u0432", NULL};

/* "of" in other languages, stepped over to the noun: "3 milliards de
 * dollars", "1,5 million d'euros", "2 milioni di persone". */
static const char *const of_words[] = {"de", "d", "des", "du", "di", "del", "dei", "delle", NULL};

/* Verbs that follow a year at the start of a sentence ("2017 saw"). */
static const char *const year_verbs[] = {
	"saw", "marked", "brought", "began", "ended", "proved", "became", "remains",
	"remained", "promises", "looks", NULL
};

/* Words before a year used as a modifier ("the 2020 election", "in 2017
 * elections"): after these a following noun does not make it a count. */
static const char *const year_before[] = {
	"the", "a", "an", "its", "his", "her", "their", "our", "my", "your", "this", "that",
	"last", "next", "in", "since", "by", "until", "till", "from", "of", "for", "during",
	"before", "after", "to", "through", "between", "early", "late", "mid",
	"around", "about", "circa", "fiscal", "spring", "summer", "autumn", "fall", "winter",
	NULL
};

/* Words before "one" that make it a pronoun: "no one", "the one who". */
static const char *const one_pronoun[] = {
	"no", "the", "any", "every", "each", "this", "that", "which", "someone", "anyone",
	"such", "only", "last", "another", NULL
};

static const char *const units[] = {
	"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", NULL
};
static const char *const teens[] = {
	"ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
	"eighteen", "nineteen", NULL
};
static const char *const tens[] = {
	"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", NULL
};

/* Multipliers written as words, and their powers of ten. */
static const struct {
	const char *w;
	int exp;
} multipliers[] = {
	{"hundred", 2}, {"thousand", 3}, {"lakh", 5}, {"lakhs", 5}, {"million", 6},
	{"crore", 7}, {"crores", 7}, {"billion", 9}, {"trillion", 12},
	/* Hindi: hazar (three spellings), lakh, crore (two) */
	{"\u0939\u095b\u093e\u0930", 3}, {"\u0939\u091c\u093c\u093e\u0930", 3},
	{"\u0939\u091c\u093e\u0930", 3}, {"\u0932\u093e\u0916", 5},
	{"\u0915\u0930\u094b\u095c", 7}, {"\u0915\u0930\u094b\u0921\u093c", 7},
	/* Urdu: hazar, lakh, crore */
	{"\u06c1\u0632\u0627\u0631", 3}, {"\u0644\u0627\u06a9\u06be", 5},
	{"\u06a9\u0631\u0648\u0691", 7},
	/* Russian: tys., mln, mlrd, trln, and the words in full */
	{"\u0442\u044b\u0441", 3}, {"\u0442\u044b\u0441\u044f\u0447", 3},
	{"\u0442\u044b\u0441\u044f\u0447\u0438", 3}, {"\u043c\u043b\u043d", 6},
	{"\u043c\u0438\u043b\u043b\u0438\u043e\u043d", 6},
	{"\u043c\u0438\u043b\u043b\u0438\u043e\u043d\u0430", 6},
	{"\u043c\u0438\u043b\u043b\u0438\u043e\u043d\u043e\u0432", 6},
	{"\u043c\u043b\u0440\u0434", 9},
	{"\u043c\u0438\u043b\u043b\u0438\u0430\u0440\u0434", 9},
	{"\u043c\u0438\u043b\u043b\u0438\u0430\u0440\u0434\u0430", 9},
	{"\u043c\u0438\u043b\u043b\u0438\u0430\u0440\u0434\u043e\u0432", 9},
	{"\u0442\u0440\u043b\u043d", 12},
	{NULL, 0}
};

/* @return the power of ten of the multiplier word s[a..b), or 0. */
static int multiplier(const unsigned char *s, size_t a, size_t b)
{
	for (int k = 0; multipliers[k].w; k++)
		if (word_eq(s, a, b, multipliers[k].w))
			return multipliers[k].exp;
	return 0;
}

/* Multipliers of other languages, read only after digits ("1,5 Millionen",
 * "3 milliards", "2 juta"): as words alone some are English ("bin", "mil").
 * German and French "Billion"/"billion" are 10^12, English's 10^9: left out. */
static const struct {
	const char *w;
	int exp;
} digit_multipliers[] = {
	/* German */
	{"tausend", 3}, {"mio", 6}, {"millionen", 6}, {"mrd", 9}, {"milliarde", 9},
	{"milliarden", 9},
	/* French */
	{"mille", 3}, {"millions", 6}, {"milliard", 9}, {"milliards", 9},
	/* Spanish, Portuguese, Italian */
	{"mil", 3}, {"mila", 3}, {"mill\u00f3n", 6}, {"millones", 6}, {"milh\u00e3o", 6},
	{"milh\u00f5es", 6}, {"milione", 6}, {"milioni", 6}, {"miliardo", 9}, {"miliardi", 9},
	/* Dutch, Scandinavian */
	{"duizend", 3}, {"miljoen", 6}, {"miljoenen", 6}, {"miljard", 9}, {"miljarden", 9},
	{"miljon", 6}, {"miljoner", 6}, {"miljarder", 9}, {"millioner", 6}, {"milliarder", 9},
	/* Polish, Czech */
	{"tys", 3}, {"mld", 9}, {"tis", 3}, {"milion\u016f", 6}, {"miliony", 6},
	{"milion", 6}, {"miliard", 9}, {"miliardy", 9}, {"miliard\u00f3w", 9},
	{"milion\u00f3w", 6},
	/* Turkish, Indonesian and Malay */
	{"bin", 3}, {"milyon", 6}, {"milyar", 9}, {"ribu", 3}, {"juta", 6}, {"miliar", 9},
	/* Arabic: alf, alaf, milyun, malayin, milyar, milyarat */
	{"\u0623\u0644\u0641", 3}, {"\u0622\u0644\u0627\u0641", 3},
	{"\u0645\u0644\u064a\u0648\u0646", 6}, {"\u0645\u0644\u0627\u064a\u064a\u0646", 6},
	{"\u0645\u0644\u064a\u0627\u0631", 9}, {"\u0645\u0644\u064a\u0627\u0631\u0627\u062a", 9},
	/* Persian: hezar, milyun, milyard; Urdu and Hindi: arab */
	{"\u0647\u0632\u0627\u0631", 3}, {"\u0645\u06cc\u0644\u06cc\u0648\u0646", 6},
	{"\u0645\u06cc\u0644\u06cc\u0627\u0631\u062f", 9}, {"\u0627\u0631\u0628", 9},
	{"\u0905\u0930\u092c", 9},
	{NULL, 0}
};

/* Thai writes no space between words: its multipliers start the word
 * after the figure ("15 \u0e25\u0e49\u0e32\u0e19\u0e1a\u0e32\u0e17", 15 million baht). */
static const struct {
	const char *w;
	int exp;
} prefix_multipliers[] = {
	{"\u0e1e\u0e31\u0e19\u0e25\u0e49\u0e32\u0e19", 9}, /* phan lan */
	{"\u0e25\u0e49\u0e32\u0e19", 6},                     /* lan */
	{"\u0e41\u0e2a\u0e19", 5},                           /* saen */
	{"\u0e2b\u0e21\u0e37\u0e48\u0e19", 4},              /* muen */
	{"\u0e1e\u0e31\u0e19", 3},                           /* phan */
	{NULL, 0}
};

/* @return the power of ten of the multiplier at s[a..b) after digits, or
 * 0; *end is where it ends (before b for a Thai prefix). */
static int digit_multiplier(const unsigned char *s, size_t a, size_t b, size_t *end)
{
	int m = multiplier(s, a, b);
	for (int k = 0; !m && digit_multipliers[k].w; k++)
		if (word_eq(s, a, b, digit_multipliers[k].w))
			m = digit_multipliers[k].exp;
	*end = b;
	if (m || a >= b || s[a] != 0xE0)
		return m;
	for (int k = 0; prefix_multipliers[k].w; k++) {
		size_t l = strlen(prefix_multipliers[k].w);
		if (b - a >= l && !memcmp(s + a, prefix_multipliers[k].w, l)) {
			*end = a + l;
			return prefix_multipliers[k].exp;
		}
	}
	return 0;
}

/* @return the power of ten of a short multiplier ("4.1bn", "$4.1m"); the
 * one-letter ones only after a currency, since "100m" alone is a distance. */
static int short_multiplier(const unsigned char *s, size_t a, size_t b, int money)
{
	if (bytes_eq(s, a, b, "bn") || (money && bytes_eq(s, a, b, "b")))
		return 9;
	if (bytes_eq(s, a, b, "mn") || bytes_eq(s, a, b, "mln") ||
	    (money && bytes_eq(s, a, b, "m")))
		return 6;
	if (bytes_eq(s, a, b, "tn") || bytes_eq(s, a, b, "trn"))
		return 12;
	if (money && (bytes_eq(s, a, b, "k") || bytes_eq(s, a, b, "K")))
		return 3;
	return 0;
}

/* ---- results ----------------------------------------------------------- */

static const double pow10_table[] = {
	1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14,
	1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22
};

/* mant * 10^e, rounded once: "4.1m" is 41 * 10^5, exactly 4100000. */
static double scale(double mant, int e)
{
	if (e >= 0)
		return e <= 22 ? mant * pow10_table[e] : mant * pow(10.0, e);
	return -e <= 22 ? mant / pow10_table[-e] : mant / pow(10.0, -e);
}

static void emit(struct scan *x, const struct cand *c)
{
	if (x->full || x->st)
		return;
	if (x->len >= MAX_NUMBERS) {
		x->full = 1;
		return;
	}
	double value = c->words ? c->mant : scale(c->mant, c->exp10);
	if (c->neg)
		value = -value;
	if (!isfinite(value) || c->start < x->last_end || c->start >= c->end || c->end > x->n)
		return; /* cannot happen; never report a broken span */
	if ((x->st = WT_GROW(x->v, x->cap, x->len + 1, MAX_NUMBERS)))
		return;
	struct wt__number *r = &x->v[x->len++];
	memset(r, 0, sizeof(*r));
	r->start = c->start;
	r->end = c->end;
	r->value = value;
	r->unit = c->unit;
	r->bound = c->bound;
	memcpy(r->currency, c->cur, sizeof(r->currency));
	r->currency[3] = '\0';
	if (c->noun && c->noun_start < c->noun_end && c->noun_end <= x->n) {
		r->noun_start = c->noun_start;
		r->noun_end = c->noun_end;
	} else {
		r->noun_start = r->noun_end = c->end;
	}
	x->last_end = c->end;
}

/* ---- pieces of an expression ------------------------------------------- */

/* Steps over an identifier, time, score or version from s[i]: letters,
 * digits, and . , : / - _ between them.  @return its end (> i). */
static size_t skip_run(const unsigned char *s, size_t n, size_t i)
{
	size_t start = i, l;
	while (i < n) {
		int32_t cp = cp_at(s, n, i, &l);
		if (is_letter(cp) || digit_val(cp) >= 0) {
			i += l;
		} else if (cp > 0 && cp < 0x80 && strchr(".,:/-_", (int)cp) &&
			   (is_letter_at(s, n, i + 1) || is_digit_at(s, n, i + 1))) {
			i += 1;
		} else {
			break;
		}
	}
	if (i == start)
		cp_at(s, n, start, &l), i = start + (l ? l : 1);
	return i;
}

/* @return the number of digits from s[i], their end in *end. */
static int count_digits(const unsigned char *s, size_t n, size_t i, size_t *end)
{
	int k = 0;
	size_t l;
	while (i < n && digit_val(cp_at(s, n, i, &l)) >= 0) {
		i += l;
		k++;
	}
	*end = i;
	return k;
}

/* Reads the digits from s[i] into c->mant.  @return their end. */
static size_t take_digits(const unsigned char *s, size_t n, size_t i, struct cand *c, int *k)
{
	size_t l;
	int d;
	*k = 0;
	while (i < n && (d = digit_val(cp_at(s, n, i, &l))) >= 0) {
		if (c->ndigits < MAX_DIGITS)
			c->mant = c->mant * 10 + d;
		c->ndigits++;
		(*k)++;
		i += l;
	}
	return i;
}

/* Reads a decimal part's digits from s[p] into c.  @return their end. */
static size_t take_fraction(const unsigned char *s, size_t n, size_t p, struct cand *c)
{
	int k;
	p = take_digits(s, n, p, c, &k);
	c->exp10 -= k;
	c->frac = 1;
	return p;
}

/* A separator inside a number at s[i]: ',' or '.' (and the Arabic ones,
 * U+066C thousands and U+066B decimal).  @return ',' or '.' or 0, its
 * length in *l. */
static int sep_at(const unsigned char *s, size_t n, size_t i, size_t *l)
{
	*l = 1;
	if (i >= n)
		return 0;
	if (s[i] == ',' || s[i] == '.')
		return s[i];
	if (s[i] == 0xD9 && i + 1 < n && (s[i + 1] == 0xAC || s[i + 1] == 0xAB)) {
		*l = 2;
		return s[i + 1] == 0xAC ? ',' : '.';
	}
	return 0;
}

/* Digits grouped like a phone number: at least 9 digits in 3 groups or
 * more, joined by a space, hyphen, dot or parenthesis ("+44 20 7946 0958",
 * "(555) 123-4567").  @return the end of the groups, or 0. */
static size_t phone_like(const unsigned char *s, size_t n, size_t i)
{
	int digits = 0, groups = 0;
	size_t p = i, e;
	for (;;) {
		int k = count_digits(s, n, p, &e);
		if (!k)
			break;
		digits += k;
		groups++;
		p = e;
		size_t q = p;
		if (q < n && s[q] == ')')
			q++;
		if (q < n && (s[q] == ' ' || s[q] == '-' || s[q] == '.'))
			q++;
		if (q < n && s[q] == '(')
			q++;
		if (q == p || !is_digit_at(s, n, q))
			break;
		p = q;
	}
	return digits >= 9 && groups >= 3 ? p : 0;
}

/* The bytes of a space that may group thousands at s[i] in a text that
 * writes decimals with a comma ("2 400", "1 500 000"; no-break, narrow
 * no-break and thin spaces too), else 0. */
static size_t group_space(const unsigned char *s, size_t n, size_t i)
{
	size_t l = hspace(s, n, i);
	return l && s[i] != '\t' ? l : 0;
}

/*
 * Whether the text writes decimals with a comma and groups thousands with
 * a dot or a space, as most languages do ("1,5 Millionen", "9,20 m",
 * "1.500.000", "12,5 %"), rather than the English way ("5.93", "14,000",
 * "1,250,000").  The unambiguous numbers of each way are counted; "2.400"
 * and "1.250" are none.  A tie is the English way.
 */
int wt__comma_decimals(const char *text, size_t len)
{
	const unsigned char *s = (const unsigned char *)text;
	size_t n = text ? len : 0;
	int comma = 0, point = 0;
	size_t i = 0;
	while (i < n) {
		/* eight bytes without a digit at a time */
		while (i + 8 <= n) {
			uint64_t x, t;
			memcpy(&x, s + i, 8);
			t = x ^ 0x3030303030303030ULL; /* a digit becomes 0..9 */
			if (~(((t & 0x7F7F7F7F7F7F7F7FULL) + 0x7676767676767676ULL) | t) &
			    0x8080808080808080ULL)
				break;
			i += 8;
		}
		if (i >= n)
			break;
		if (s[i] < '0' || s[i] > '9' ||
		    (i > 0 && ((s[i - 1] >= '0' && s[i - 1] <= '9') || s[i - 1] == '.' ||
			       s[i - 1] == ','))) {
			i++;
			continue;
		}
		size_t e, p;
		int lead = count_digits(s, n, i, &p), dots = 0, commas = 0, k;
		while (lead <= 3 && p + 1 < n && (s[p] == '.' || s[p] == ',') &&
		       count_digits(s, n, p + 1, &e) == 3 && !(e < n && s[e] >= '0' && s[e] <= '9') &&
		       (s[p] == '.' ? !commas : !dots)) {
			dots += s[p] == '.';
			commas += s[p] == ',';
			p = e;
		}
		int more = p + 1 < n && (s[p] == '.' || s[p] == ',') && s[p + 1] >= '0' && s[p + 1] <= '9';
		char sep = more ? (char)s[p] : 0;
		if (dots >= 2 || (dots && sep == ','))
			comma++; /* "1.500.000", "1.234,5" */
		else if (commas >= 2 || (commas && sep == '.') || (commas == 1 && !more))
			point++; /* "1,250,000", "1,234.5", "14,000" */
		else if (!dots && !commas && sep) {
			k = count_digits(s, n, p + 1, &e);
			int after = e + 1 < n && (s[e] == '.' || s[e] == ',') && s[e + 1] >= '0' &&
				    s[e + 1] <= '9'; /* "2.5.2026", "1,2,3" */
			/* "10.30 Uhr" is a time */
			int uhr = e + 4 <= n && s[e] == ' ' && !memcmp(s + e + 1, "Uhr", 3);
			if (k != 3 && !after && !uhr) {
				if (sep == ',')
					comma++; /* "1,5", "9,20" */
				else
					point++; /* "5.93" */
			}
			p = e;
		}
		i = p > i ? p : i + 1;
	}
	return comma > point;
}

/*
 * Reads the number at s[i] into c: digits, thousands groups of exactly
 * three after a comma ("14,000"; a comma before anything else separates a
 * list: "3,4"), a decimal part after a dot.  European grouping ("1.234,5",
 * "1.234.567") is read when it cannot be a decimal.  In a text that writes
 * decimals with a comma (`comma`), groups of three follow a dot or a space
 * ("2.400", "2 400") and the decimal part a comma ("1,5").  @return 1, or 0
 * when the run is a version, an address, a time, a fraction or too long to
 * be a figure (c->resume then steps over it).
 */
static int read_core(const unsigned char *s, size_t n, size_t i, struct cand *c, int comma)
{
	size_t p, l, e, l2;
	int k;
	c->core_start = c->start = i;
	p = take_digits(s, n, i, c, &c->int_digits);
	if (comma) {
		while (c->int_digits <= 3) {
			size_t g = sep_at(s, n, p, &l2) == '.' ? l2 : group_space(s, n, p);
			if (!g || count_digits(s, n, p + g, &e) != 3)
				break;
			p = take_digits(s, n, p + g, c, &k);
			c->seps++;
		}
		if (sep_at(s, n, p, &l) == ',' && is_digit_at(s, n, p + l))
			p = take_fraction(s, n, p + l, c);
		else if (!c->seps && sep_at(s, n, p, &l) == '.' && is_digit_at(s, n, p + l))
			p = take_fraction(s, n, p + l, c); /* "5.5" all the same */
		goto after;
	}
	if (c->int_digits <= 3 && sep_at(s, n, p, &l) == '.') {
		size_t j = p;
		int groups = 0, dec = 0;
		while (sep_at(s, n, j, &l2) == '.' && count_digits(s, n, j + l2, &e) == 3) {
			j = e;
			groups++;
		}
		if (groups && sep_at(s, n, j, &l2) == ',' &&
		    (k = count_digits(s, n, j + l2, &e)) >= 1 && k <= 2)
			dec = 1;
		if (groups >= 2 || (groups == 1 && dec)) {
			while (sep_at(s, n, p, &l2) == '.' && count_digits(s, n, p + l2, &e) == 3) {
				p = take_digits(s, n, p + l2, c, &k);
				c->seps++;
			}
			if (dec)
				p = take_fraction(s, n, p + 1, c);
			goto after;
		}
	}
	if (c->int_digits <= 2 && sep_at(s, n, p, &l) == ',' && count_digits(s, n, p + l, &e) == 2) {
		/* Indian grouping: lakhs and crores in twos, the last three
		 * digits together ("1,50,000", "2,50,00,000") */
		size_t j = p;
		int twos = 0;
		while (sep_at(s, n, j, &l2) == ',' && count_digits(s, n, j + l2, &e) == 2)
			j = e, twos++;
		if (sep_at(s, n, j, &l2) == ',' && count_digits(s, n, j + l2, &e) == 3 &&
		    !(sep_at(s, n, e, &l) == ',' && is_digit_at(s, n, e + l))) {
			for (int g = 0; g <= twos; g++) {
				sep_at(s, n, p, &l2);
				p = take_digits(s, n, p + l2, c, &k);
				c->seps++;
			}
		}
	}
	while (c->int_digits <= 3 && sep_at(s, n, p, &l) == ',' &&
	       count_digits(s, n, p + l, &e) == 3) {
		p = take_digits(s, n, p + l, c, &k);
		c->seps++;
	}
	if (sep_at(s, n, p, &l) == '.' && is_digit_at(s, n, p + l))
		p = take_fraction(s, n, p + l, c);
after:
	c->core_end = c->end = p;
	if ((sep_at(s, n, p, &l) == '.' && is_digit_at(s, n, p + l)) ||
	    (p < n && (s[p] == ':' || s[p] == '/') && is_digit_at(s, n, p + 1)) ||
	    c->ndigits > MAX_DIGITS) {
		c->resume = skip_run(s, n, i);
		return 0;
	}
	return 1;
}

/* Reads a day of the month at s[i]: one or two digits, 1..31, standing
 * alone or with an ordinal ending ("14th").  @return it, or 0. */
static int read_day(const unsigned char *s, size_t n, size_t i, size_t *end)
{
	size_t e, l;
	struct cand c = {0};
	int k = count_digits(s, n, i, &e);
	if (k < 1 || k > 2)
		return 0;
	take_digits(s, n, i, &c, &k);
	int d = (int)c.mant;
	if (d < 1 || d > 31)
		return 0;
	if ((sep_at(s, n, e, &l) || (e < n && (s[e] == ':' || s[e] == '/' || s[e] == '-'))) &&
	    is_digit_at(s, n, e + l))
		return 0;
	size_t we = word_end(s, n, e);
	if (we > e) {
		if (!(bytes_eq(s, e, we, "st") || bytes_eq(s, e, we, "nd") ||
		      bytes_eq(s, e, we, "rd") || bytes_eq(s, e, we, "th")))
			return 0;
		e = we;
	}
	*end = e;
	return d;
}

/* Reads a year at s[i]: four digits, 1800..2100, standing alone.
 * @return it, or 0. */
static int read_year(const unsigned char *s, size_t n, size_t i, size_t *end)
{
	size_t e, l;
	struct cand c = {0};
	int k = count_digits(s, n, i, &e);
	if (k != 4)
		return 0;
	take_digits(s, n, i, &c, &k);
	int y = (int)c.mant;
	if (y < 1800 || y > 2100 || is_letter_at(s, n, e))
		return 0;
	if ((sep_at(s, n, e, &l) || (e < n && (s[e] == ':' || s[e] == '/' || s[e] == '-'))) &&
	    is_digit_at(s, n, e + l))
		return 0;
	*end = e;
	return y;
}

/* @return the month 1..12 written at s[a..b) with a capital ("March",
 * "Mar", "Sept"), else 0; *abbr when it is short and may take a dot. */
static int month_of(const unsigned char *s, size_t a, size_t b, int *abbr)
{
	if (b <= a || b - a > 9 || !(s[a] >= 'A' && s[a] <= 'Z'))
		return 0;
	unsigned fl;
	int m = wt__month_name((const char *)s + a, b - a, &fl);
	if (!m || !(fl & WT_MONTH_EN))
		return 0;
	*abbr = (fl & WT_MONTH_ABBR) != 0;
	return m;
}

/* The first word after s[i] if it is a word of content written in lower
 * case: what a year or a date qualifies ("the 2020 election"). */
static int immediate_noun(const unsigned char *s, size_t n, size_t i, size_t *a, size_t *b)
{
	size_t l;
	if (!next_word(s, n, i, a, b) || !is_lower(cp_at(s, n, *a, &l)))
		return 0;
	return word_in(s, *a, *b, function_words) < 0;
}

/*
 * The word a number counts, from s[i]: the first word after it, past "of",
 * "the", "a", "an" and "per" ("12% of the vote": "vote"), unless that word is
 * grammar or a pronoun ("58 of them": none).  CJK, which writes no
 * spaces, gets none.  @return 1 with *a..*b set.
 */
static int find_noun(const unsigned char *s, size_t n, size_t i, size_t *a, size_t *b)
{
	size_t l;
	for (int k = 0; k < 4; k++) {
		if (!next_word(s, n, i, a, b))
			return 0;
		if (wt__cp_class(cp_at(s, n, *a, &l)) == WT_CC_IDEO)
			return 0;
		if (k < 3 && (word_eq(s, *a, *b, "of") || word_eq(s, *a, *b, "the") ||
			      word_eq(s, *a, *b, "a") || word_eq(s, *a, *b, "an") ||
			      word_eq(s, *a, *b, "per") || word_in(s, *a, *b, of_words) >= 0)) {
			i = *b;
			continue;
		}
		if (word_in(s, *a, *b, function_words) >= 0)
			return 0;
		/* an initialism: "10 U.S. citizens" counts "U.S." */
		size_t e = *b;
		while (e - *a < 16 && e + 1 < n && s[e] == '.' && s[e - 1] >= 'A' &&
		       s[e - 1] <= 'Z' && s[e + 1] >= 'A' && s[e + 1] <= 'Z' &&
		       (e + 2 >= n || s[e + 2] == '.'))
			e += 2;
		if (e > *b && e < n && s[e] == '.')
			*b = e + 1;
		return 1;
	}
	return 0;
}

/* A currency written before the number, ending at s[i] or one space
 * before it: "$", "US$", "€", "£", "¥", "₹", "₽", "Rs", "Rs.", "PKR" and
 * other ISO codes.  "HK$" and the like are money of unknown currency.
 * @return 1 with c->start, c->cur and c->money set. */
static int currency_before(const unsigned char *s, size_t i, size_t lo, struct cand *c)
{
	size_t q = i - hspace_before(s, i, lo);
	size_t a;
	const char *cur = NULL;
	if (q > lo && s[q - 1] == '$') {
		a = q - 1;
		size_t w = word_begin(s, a, lo);
		cur = "USD";
		if (w < a) {
			/* "US$5"; "HK$5", "A$5", "R$5" are dollars or reais of
			 * another country: money, currency unknown */
			if (a - w > 3)
				return 0;
			for (size_t k = w; k < a; k++)
				if (!(s[k] >= 'A' && s[k] <= 'Z'))
					return 0;
			cur = bytes_eq(s, w, a, "US") ? "USD" : "";
			a = w;
		}
	} else if (q >= lo + 3 && s[q - 3] == 0xE2 && s[q - 2] == 0x82 &&
		   (s[q - 1] == 0xAC || s[q - 1] == 0xB9 || s[q - 1] == 0xBD || s[q - 1] == 0xA8)) {
		a = q - 3;
		cur = s[q - 1] == 0xAC ? "EUR" : s[q - 1] == 0xBD ? "RUB" : "INR";
	} else if (q >= lo + 2 && s[q - 2] == 0xC2 && (s[q - 1] == 0xA3 || s[q - 1] == 0xA5)) {
		a = q - 2;
		cur = s[q - 1] == 0xA3 ? "GBP" : "JPY";
	} else if (q >= lo + 3 && s[q - 3] == 0xEF && s[q - 2] == 0xBF && s[q - 1] == 0xA5) {
		a = q - 3;
		cur = "JPY";
	} else {
		size_t e = q;
		if (e > lo && s[e - 1] == '.')
			e--;
		a = word_begin(s, e, lo);
		if (a == e)
			return 0;
		if (bytes_eq(s, a, e, "Rs") || bytes_eq(s, a, e, "INR"))
			cur = "INR";
		else if (e != q)
			return 0; /* only "Rs." takes a dot */
		else if (bytes_eq(s, a, e, "PKR"))
			cur = "PKR";
		else if (bytes_eq(s, a, e, "USD"))
			cur = "USD";
		else if (bytes_eq(s, a, e, "EUR"))
			cur = "EUR";
		else if (bytes_eq(s, a, e, "GBP"))
			cur = "GBP";
		else if (bytes_eq(s, a, e, "JPY"))
			cur = "JPY";
		else if (bytes_eq(s, a, e, "CNY") || bytes_eq(s, a, e, "RMB"))
			cur = "CNY";
		else if (bytes_eq(s, a, e, "RUB"))
			cur = "RUB";
		else
			return 0;
	}
	c->start = a;
	c->money = 1;
	memcpy(c->cur, cur, strlen(cur) + 1);
	return 1;
}

/* Currency words of other scripts, in the forms that follow a figure. */
static const struct {
	const char *w, *cur;
} currency_words[] = {
	/* Russian: rubley, rublya, rubl', rub, dollarov, dollara, dollar, evro */
	{"\u0440\u0443\u0431\u043b\u0435\u0439", "RUB"}, {"\u0440\u0443\u0431\u043b\u044f", "RUB"},
	{"\u0440\u0443\u0431\u043b\u044c", "RUB"}, {"\u0440\u0443\u0431", "RUB"},
	{"\u0434\u043e\u043b\u043b\u0430\u0440\u043e\u0432", "USD"},
	{"\u0434\u043e\u043b\u043b\u0430\u0440\u0430", "USD"},
	{"\u0434\u043e\u043b\u043b\u0430\u0440", "USD"}, {"\u0435\u0432\u0440\u043e", "EUR"},
	/* Hindi: rupaye (two spellings), rupaya, dollar */
	{"\u0930\u0941\u092a\u092f\u0947", "INR"}, {"\u0930\u0941\u092a\u090f", "INR"},
	{"\u0930\u0941\u092a\u092f\u093e", "INR"}, {"\u0921\u0949\u0932\u0930", "USD"},
	/* Urdu: rupay, rupiya; Urdu news is mostly Pakistan's */
	{"\u0631\u0648\u067e\u06d2", "PKR"}, {"\u0631\u0648\u067e\u06cc\u06c1", "PKR"},
	{NULL, NULL}
};

static const char *currency_word(const unsigned char *s, size_t a, size_t b)
{
	for (int k = 0; currency_words[k].w; k++)
		if (bytes_eq(s, a, b, currency_words[k].w))
			return currency_words[k].cur;
	return NULL;
}

/* A currency written after the number at s[i]: a sign ("250 €"), an ISO
 * code ("500 PKR") or a word ("5 dollars", "500 Pakistani rupees").
 * @return its end, or 0. */
static size_t currency_after(const unsigned char *s, size_t n, size_t i, struct cand *c)
{
	size_t q = skip_sp(s, n, i, 0);
	const char *cur = NULL;
	size_t e = 0;
	if (q + 2 < n && s[q] == 0xE2 && s[q + 1] == 0x82 &&
	    (s[q + 2] == 0xAC || s[q + 2] == 0xB9 || s[q + 2] == 0xBD)) {
		cur = s[q + 2] == 0xAC ? "EUR" : s[q + 2] == 0xBD ? "RUB" : "INR";
		e = q + 3;
	} else if (q + 1 < n && s[q] == 0xC2 && (s[q + 1] == 0xA3 || s[q + 1] == 0xA5)) {
		cur = s[q + 1] == 0xA3 ? "GBP" : "JPY";
		e = q + 2;
	} else if (q < n && s[q] == '$' && !is_letter_at(s, n, q + 1) &&
		   !is_digit_at(s, n, q + 1)) {
		cur = "USD";
		e = q + 1;
	} else if (q > i && is_letter_at(s, n, q)) {
		size_t a = q, b = word_end(s, n, q);
		static const char *const codes[] = {"USD", "EUR", "GBP", "JPY", "INR", "PKR",
						    "RUB", "CNY", NULL};
		for (int k = 0; codes[k]; k++)
			if (bytes_eq(s, a, b, codes[k]))
				cur = codes[k];
		/* an adjective first: "US dollars", "Pakistani rupees" */
		const char *adj = NULL;
		if (!cur && (bytes_eq(s, a, b, "US") || word_eq(s, a, b, "pakistani") ||
			     word_eq(s, a, b, "indian") || word_eq(s, a, b, "russian") ||
			     word_eq(s, a, b, "chinese") || word_eq(s, a, b, "japanese"))) {
			adj = (const char *)s + a;
			size_t a2, b2;
			if (!next_word(s, n, b, &a2, &b2))
				return 0;
			a = a2;
			b = b2;
		}
		if (!cur) {
			/* "dlrs" and "stg" are wire shorthand: "44.1 mln dlrs" */
			if (word_eq(s, a, b, "dollars") || word_eq(s, a, b, "dollar") ||
			    word_eq(s, a, b, "dlrs") || word_eq(s, a, b, "dlr"))
				cur = "USD";
			else if (word_eq(s, a, b, "euros") || word_eq(s, a, b, "euro"))
				cur = "EUR";
			else if (word_eq(s, a, b, "pounds") || word_eq(s, a, b, "pound") ||
				 word_eq(s, a, b, "sterling") || word_eq(s, a, b, "stg"))
				cur = "GBP";
			else if (word_eq(s, a, b, "yen"))
				cur = "JPY";
			else if (word_eq(s, a, b, "yuan") || word_eq(s, a, b, "renminbi"))
				cur = "CNY";
			else if (word_eq(s, a, b, "rupees") || word_eq(s, a, b, "rupee"))
				cur = adj && (adj[0] == 'P' || adj[0] == 'p') ? "PKR" : "INR";
			else if (word_eq(s, a, b, "roubles") || word_eq(s, a, b, "rubles") ||
				 word_eq(s, a, b, "rouble") || word_eq(s, a, b, "ruble"))
				cur = "RUB";
			else if (!adj)
				cur = currency_word(s, a, b);
			if (!cur)
				return 0;
			/* the adjective must name the currency's country */
			if (adj && ((adj[0] == 'U' && adj[1] == 'S' && strcmp(cur, "USD")) ||
				    ((adj[0] | 0x20) == 'p' && strcmp(cur, "PKR")) ||
				    ((adj[0] | 0x20) == 'i' && strcmp(cur, "INR")) ||
				    ((adj[0] | 0x20) == 'r' && strcmp(cur, "RUB")) ||
				    ((adj[0] | 0x20) == 'c' && strcmp(cur, "CNY")) ||
				    ((adj[0] | 0x20) == 'j' && strcmp(cur, "JPY"))))
				return 0;
		}
		e = b;
	}
	if (!cur)
		return 0;
	c->money = 1;
	c->unit = WT_NUM_MONEY;
	memcpy(c->cur, cur, strlen(cur) + 1);
	return e;
}

/* The qualifier before s[i]: "more than", "over", "at least", "fewer than",
 * "under", "up to", "at most", "about", "nearly"...  Sets c->bound and
 * moves c->start to it. */
static void bound_before(const unsigned char *s, size_t i, size_t lo, struct cand *c)
{
	static const char *const above[] = {"over", "above", "exceeding", NULL};
	static const char *const below[] = {"under", "below", NULL};
	static const char *const about[] = {"about", "around", "nearly", "almost", "some",
					    "roughly", "approximately", "approx", NULL};
	size_t a, b, a0, b0;
	if (!prev_word(s, i, lo, &a, &b))
		return;
	enum wt__num_bound bd = WT_NUM_EXACT;
	size_t start = a;
	if (word_in(s, a, b, above) >= 0) {
		bd = WT_NUM_ABOVE;
	} else if (word_in(s, a, b, below) >= 0) {
		bd = WT_NUM_BELOW;
	} else if (word_in(s, a, b, about) >= 0) {
		bd = WT_NUM_ABOUT;
	} else if (prev_word(s, a, lo, &a0, &b0)) {
		start = a0;
		if (word_eq(s, a, b, "than")) {
			if (word_eq(s, a0, b0, "more") || word_eq(s, a0, b0, "greater"))
				bd = WT_NUM_ABOVE;
			else if (word_eq(s, a0, b0, "fewer") || word_eq(s, a0, b0, "less"))
				bd = WT_NUM_BELOW;
		} else if (word_eq(s, a, b, "least") && word_eq(s, a0, b0, "at")) {
			bd = WT_NUM_ABOVE;
		} else if (word_eq(s, a, b, "most") && word_eq(s, a0, b0, "at")) {
			bd = WT_NUM_BELOW;
		} else if (word_eq(s, a, b, "to") && word_eq(s, a0, b0, "up")) {
			bd = WT_NUM_BELOW;
		} else if (word_eq(s, a, b, "to") && word_eq(s, a0, b0, "close")) {
			bd = WT_NUM_ABOUT;
		}
	}
	if (bd != WT_NUM_EXACT) {
		c->bound = bd;
		c->start = start;
	}
}

/* A time after the number at s[i]: "9 p.m.", "9pm", "0900 GMT".  @return
 * its end, or 0. */
static size_t time_after(const unsigned char *s, size_t n, size_t i)
{
	size_t q = skip_sp(s, n, i, 0);
	if (q + 3 < n && (s[q] == 'a' || s[q] == 'p') && s[q + 1] == '.' && s[q + 2] == 'm' &&
	    s[q + 3] == '.')
		return q + 4;
	size_t e = word_end(s, n, q);
	if (e > q && (word_eq(s, q, e, "am") || word_eq(s, q, e, "pm") ||
		      bytes_eq(s, q, e, "GMT") || bytes_eq(s, q, e, "UTC") ||
		      bytes_eq(s, q, e, "BST") || bytes_eq(s, q, e, "EST") ||
		      bytes_eq(s, q, e, "EDT") || bytes_eq(s, q, e, "CET") ||
		      word_eq(s, q, e, "hrs") || bytes_eq(s, q, e, "Uhr")))
		return e;
	if (e > q && word_eq(s, q, e, "o") && e + 6 < n && (s[e] == '\'') &&
	    word_eq(s, e + 1, word_end(s, n, e + 1), "clock"))
		return word_end(s, n, e + 1);
	return 0;
}

/*
 * The end of an expression: a percent sign or word, a currency after it,
 * the qualifier before it, whether a lone four-digit figure is a year, and
 * the noun it counts.  Reports it.  @return where the scan goes on.
 */
static size_t finish(struct scan *x, struct cand *c)
{
	const unsigned char *s = x->s;
	size_t n = x->n, q, e, a, b;
	if (!c->money && c->unit != WT_NUM_PERCENT) {
		q = skip_sp(s, n, c->end, 0);
		e = word_end(s, n, q);
		if (c->start > 0 && s[c->start - 1] == '%' && c->start - 1 >= x->last_end) {
			/* Turkish writes the sign first: "%12" */
			c->unit = WT_NUM_PERCENT, c->start--;
		} else if (q < n && s[q] == '%') {
			c->unit = WT_NUM_PERCENT, c->end = q + 1;
		} else if (q + 2 < n && s[q] == 0xEF && s[q + 1] == 0xBC && s[q + 2] == 0x85) {
			c->unit = WT_NUM_PERCENT, c->end = q + 3; /* fullwidth */
		} else if (q + 1 < n && s[q] == 0xD9 && s[q + 1] == 0xAA) {
			c->unit = WT_NUM_PERCENT, c->end = q + 2; /* Arabic */
		} else if (q > c->end && word_in(s, q, e, percent_words) >= 0) {
			c->unit = WT_NUM_PERCENT, c->end = e;
		} else if (q > c->end && (word_eq(s, q, e, "per") || word_eq(s, q, e, "pour") ||
					  word_eq(s, q, e, "por")) &&
			   next_word(s, n, e, &a, &b) &&
			   (word_eq(s, a, b, "cent") || word_eq(s, a, b, "cento") ||
			    word_eq(s, a, b, "ciento"))) {
			/* "per cent", "pour cent", "por ciento", "per cento" */
			c->unit = WT_NUM_PERCENT, c->end = b;
		} else if ((e = currency_after(s, n, c->end, c))) {
			c->end = e;
		}
	}
	if (c->money)
		c->unit = WT_NUM_MONEY;
	bound_before(s, c->start, x->last_end, c);
	if (c->unit == WT_NUM_PLAIN && !c->words && !c->mult && !c->seps && !c->frac && !c->neg &&
	    c->ndigits == 4 && c->mant >= 1800 && c->mant <= 2100 && !c->noun &&
	    c->bound != WT_NUM_ABOVE && c->bound != WT_NUM_BELOW) {
		/* A year, unless a noun follows that it counts: "2000 people".
		 * After "the" or "in" the noun is what the year qualifies: "the
		 * 2020 election", "in 2017 elections". */
		int counted = immediate_noun(s, n, c->end, &a, &b) &&
			      word_in(s, a, b, year_verbs) < 0;
		size_t pa, pb;
		if (counted && prev_word(s, c->start, 0, &pa, &pb) &&
		    word_in(s, pa, pb, year_before) >= 0)
			counted = 0;
		if (!counted)
			c->unit = WT_NUM_YEAR;
	}
	if (!c->noun) {
		if (c->unit == WT_NUM_YEAR ? immediate_noun(s, n, c->end, &a, &b) &&
						     word_in(s, a, b, year_verbs) < 0 :
					     find_noun(s, n, c->end, &a, &b)) {
			c->noun = 1;
			c->noun_start = a;
			c->noun_end = b;
		}
	}
	emit(x, c);
	return WT_MAX(c->resume, c->end);
}

/* ---- at a digit -------------------------------------------------------- */

/* "2026-03-14".  @return its end, or 0. */
static size_t iso_date(struct scan *x, size_t i)
{
	const unsigned char *s = x->s;
	size_t n = x->n;
	if (i + 10 > n)
		return 0;
	for (int k = 0; k < 10; k++) {
		int dash = k == 4 || k == 7;
		if (dash ? s[i + k] != '-' : !(s[i + k] >= '0' && s[i + k] <= '9'))
			return 0;
	}
	if (is_digit_at(s, n, i + 10) || (i + 10 < n && s[i + 10] == '-'))
		return 0;
	int y = (s[i] - '0') * 1000 + (s[i + 1] - '0') * 100 + (s[i + 2] - '0') * 10 +
		s[i + 3] - '0';
	int m = (s[i + 5] - '0') * 10 + s[i + 6] - '0';
	int d = (s[i + 8] - '0') * 10 + s[i + 9] - '0';
	if (y < 1800 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31)
		return 0;
	struct cand c = {0};
	c.start = c.core_start = i;
	c.end = c.core_end = i + 10;
	c.unit = WT_NUM_DATE;
	c.words = 1; /* value given whole */
	c.mant = y * 10000.0 + m * 100 + d;
	size_t a, b;
	if (immediate_noun(s, n, c.end, &a, &b))
		c.noun = 1, c.noun_start = a, c.noun_end = b;
	emit(x, &c);
	return c.end;
}

/* "14 March", "14th March 2026".  @return the end, or 0. */
static size_t day_month(struct scan *x, size_t i)
{
	const unsigned char *s = x->s;
	size_t n = x->n, e, a, b;
	int day = read_day(s, n, i, &e);
	if (!day)
		return 0;
	int abbr, en = 1, mon = next_word(s, n, e, &a, &b) ? month_of(s, a, b, &abbr) : 0;
	if (!mon) {
		/* other languages: "2. Mai", "2 mai", "2 de mayo", "2 févr." (an
		 * English name only capitalised, as above) */
		size_t p = e < n && s[e] == '.' ? e + 1 : e;
		if (!next_word(s, n, p, &a, &b))
			return 0;
		if (word_eq(s, a, b, "de") && !next_word(s, n, b, &a, &b))
			return 0;
		unsigned fl;
		mon = wt__month_name((const char *)s + a, b - a, &fl);
		if (!mon || (fl & WT_MONTH_EN))
			return 0;
		en = 0;
		abbr = (fl & WT_MONTH_ABBR) != 0;
	}
	size_t end = b;
	if (abbr && end < n && s[end] == '.')
		end++;
	int year = 0;
	size_t r = skip_sp(s, n, end, 0), ye, ya, yb;
	if (!en && r > end && next_word(s, n, end, &ya, &yb) &&
	    (word_eq(s, ya, yb, "de") || word_eq(s, ya, yb, "del")))
		r = skip_sp(s, n, yb, 0); /* "de 2026" */
	if (r > end && (year = read_year(s, n, r, &ye)))
		end = ye;
	struct cand c = {0};
	c.start = c.core_start = i;
	c.end = c.core_end = end;
	c.unit = WT_NUM_DATE;
	c.words = 1;
	c.mant = year * 10000.0 + mon * 100 + day;
	if (immediate_noun(s, n, c.end, &a, &b))
		c.noun = 1, c.noun_start = a, c.noun_end = b;
	emit(x, &c);
	return end;
}

static size_t at_digit(struct scan *x, size_t i)
{
	const unsigned char *s = x->s;
	size_t n = x->n, l, e;
	struct cand c = {0};

	/* What touches the first digit says whether this is a figure. */
	int32_t pc = cp_before(s, i, &l);
	if (is_cased(pc)) {
		/* "A42", "MH17": an identifier, unless a currency code ("Rs500") */
		size_t a = word_begin(s, i, x->last_end);
		struct cand probe = {0};
		if (a == i || !currency_before(s, i, a, &probe))
			return skip_run(s, n, i);
	} else if (pc == '-' || pc == 0x2013) {
		/* "F-16", "COVID-19", the end of a range "5-11": not a figure */
		size_t l2;
		int32_t pp = cp_before(s, i - l, &l2);
		if (is_letter(pp) || digit_val(pp) >= 0)
			return skip_run(s, n, i);
	} else if (pc == '.') {
		/* "No.5", "v1.2": only "Rs.500" is a figure */
		size_t a = word_begin(s, i - 1, x->last_end);
		if (!bytes_eq(s, a, i - 1, "Rs"))
			return skip_run(s, n, i);
	} else if (pc == '/' || pc == '_' || pc == '#' || pc == '@' || pc == '\\' || pc == '=' ||
		   pc == '&' || pc == '~') {
		return skip_run(s, n, i); /* paths, handles, tags */
	}

	if ((e = iso_date(x, i)))
		return e;
	if ((e = phone_like(s, n, i)))
		return e;
	if (!read_core(s, n, i, &c, x->comma))
		return c.resume;
	if (!c.seps && !c.frac && c.int_digits <= 2 && (e = day_month(x, i)))
		return e;
	if ((e = time_after(s, n, c.end)))
		return e; /* a time of day is not a figure here */

	if (!currency_before(s, i, x->last_end, &c)) {
		/* a sign: "-5", "−5" after a space or at the start */
		size_t l2;
		if ((pc == '-' || pc == 0x2212) && i - l >= x->last_end) {
			int32_t pp = cp_before(s, i - l, &l2);
			if (pp < 0 || hspace_before(s, i - l, 0) || pp == '(' || pp == '\n') {
				c.neg = 1;
				c.start = i - l;
			}
		}
	}

	/* Letters glued to the digits: a multiplier ("4bn", "$4.1m"), a unit
	 * ("10km"), or a sign that this is no figure ("5G", "12th", "1990s",
	 * "9pm"). */
	size_t p = c.core_end;
	int32_t nc = cp_at(s, n, p, &l);
	if (is_letter(nc)) {
		size_t we = word_end(s, n, p);
		int m;
		if (!is_cased(nc)) {
			/* A caseless script writes its counter word right after the
			 * figure ("12人"): keep the figure, name no noun.  Chinese and
			 * Japanese glue their multipliers and currencies too:
			 * "12万" is 120000, "3億円" 300 million yen. */
			int e10 = nc == 0x5343 ? 3 : nc == 0x4E07 ? 4 :
				  nc == 0x5104 || nc == 0x4EBF ? 8 : nc == 0x5146 ? 12 : 0;
			if (e10) {
				c.exp10 += e10;
				c.mult = 1;
				c.end = p + l;
				nc = cp_at(s, n, c.end, &l);
			}
			if (!c.money && (nc == 0x5186 || nc == 0x5143)) {
				c.money = 1;
				memcpy(c.cur, nc == 0x5186 ? "JPY" : "CNY", 4);
				c.end += l;
			}
		} else if (bytes_eq(s, p, we, "pc") && !c.money) {
			c.unit = WT_NUM_PERCENT; /* British "12pc" */
			c.end = we;
		} else if ((m = short_multiplier(s, p, we, c.money))) {
			c.exp10 += m;
			c.mult = 1;
			c.end = we;
		} else {
			for (size_t k = p, kl; k < we; k += kl)
				if (!is_lower(cp_at(s, n, k, &kl)) && !(k > p && is_mark(s, n, k)))
					return skip_run(s, n, i); /* "5G", "737MAX" */
			if (bytes_eq(s, p, we, "st") || bytes_eq(s, p, we, "nd") ||
			    bytes_eq(s, p, we, "rd") || bytes_eq(s, p, we, "th") ||
			    bytes_eq(s, p, we, "s") || bytes_eq(s, p, we, "am") ||
			    bytes_eq(s, p, we, "pm"))
				return skip_run(s, n, i); /* ordinals, decades, times */
			c.noun = 1;
			c.noun_start = p;
			c.noun_end = we;
			c.resume = we;
		}
	} else if ((nc == '-' || nc == 0x2013) && p + l < n) {
		size_t q = p + l;
		if (is_digit_at(s, n, q))
			return skip_run(s, n, i); /* a range or a score: "3-1", "2019-20" */
		if (is_letter_at(s, n, q)) {
			/* "15-thousand", or a modifier: "120-day", "30-metre" */
			size_t we = word_end(s, n, q), me;
			int m = digit_multiplier(s, q, we, &me);
			if (m) {
				c.exp10 += m;
				c.mult = 1;
				c.end = me;
			} else {
				c.noun = 1;
				c.noun_start = q;
				c.noun_end = we;
			}
		}
	}
	if (!c.mult && !c.noun) {
		size_t a, b;
		if (next_word(s, n, c.end, &a, &b)) {
			size_t me;
			int m = digit_multiplier(s, a, b, &me);
			if (!m && (bytes_eq(s, a, b, "bn") || bytes_eq(s, a, b, "mn") ||
				   bytes_eq(s, a, b, "mln") || bytes_eq(s, a, b, "tn") ||
				   (c.money && bytes_eq(s, a, b, "m"))))
				m = short_multiplier(s, a, b, c.money), me = b;
			if (m) {
				c.exp10 += m;
				c.mult = 1;
				c.end = me;
				if (me == b && b - a <= 3 && b < n && s[b] == '.' && s[a] < 0x80)
					c.end = me = b = b + 1; /* "Mio.", "Mrd.", "tys." */
				/* a larger one after it multiplies too: "3 mil millones",
				 * "2 hundred thousand" */
				int m2;
				if (me == b && next_word(s, n, b, &a, &b) &&
				    (m2 = digit_multiplier(s, a, b, &me)) > m && me == b) {
					c.exp10 += m2;
					c.end = b;
				}
			}
		}
	}
	return finish(x, &c);
}

/* ---- at a word --------------------------------------------------------- */

/* "March 14", "Jan. 1", "March 14, 2026", "March 2026".  @return the end,
 * or 0. */
static size_t month_date(struct scan *x, size_t a, size_t b)
{
	const unsigned char *s = x->s;
	size_t n = x->n, e = 0;
	int abbr, mon = month_of(s, a, b, &abbr);
	if (!mon)
		return 0;
	size_t p = b;
	if (abbr && p < n && s[p] == '.')
		p++;
	size_t q = skip_sp(s, n, p, 0);
	if (q == p)
		return 0;
	int day = read_day(s, n, q, &e), year = 0;
	if (day) {
		size_t r = e, ye;
		if (r < n && s[r] == ',')
			r++;
		size_t r2 = skip_sp(s, n, r, 0);
		if (r2 > r && (year = read_year(s, n, r2, &ye)))
			e = ye;
	} else if (!(year = read_year(s, n, q, &e))) {
		return 0;
	}
	struct cand c = {0};
	c.start = c.core_start = a;
	c.end = c.core_end = e;
	c.unit = WT_NUM_DATE;
	c.words = 1;
	c.mant = year * 10000.0 + mon * 100 + day;
	size_t na, nb;
	if (immediate_noun(s, n, e, &na, &nb))
		c.noun = 1, c.noun_start = na, c.noun_end = nb;
	emit(x, &c);
	return e;
}

enum wkind { WK_NONE, WK_UNIT, WK_TEEN, WK_TENS, WK_HUNDRED, WK_SCALE, WK_DOZEN, WK_A };

/*
 * The number words, in one table: every word of a text that starts with an
 * ASCII letter is looked up, so a hash probe rather than a scan of the
 * lists.  Filled once, in the order the lists were once scanned (units,
 * teens, tens, "dozen", multipliers, "a"/"an"): a word in two keeps the
 * first kind.
 */
#define WK_TAB 256
static struct wk_entry {
	char w[10]; /* lower case, NUL-terminated; "" for an empty slot */
	unsigned char len, kind;
	int v;
} wk_tab[WK_TAB];
static pthread_once_t wk_once = PTHREAD_ONCE_INIT;

static unsigned wk_hash(const char *w, size_t n)
{
	unsigned h = 2166136261u;
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)w[i]) * 16777619u;
	return h & (WK_TAB - 1);
}

static void wk_add(const char *w, enum wkind kind, int v)
{
	size_t n = strlen(w);
	if (n > 9)
		return; /* longer words are never looked up */
	unsigned i = wk_hash(w, n);
	for (; wk_tab[i].len; i = (i + 1) & (WK_TAB - 1))
		if (wk_tab[i].len == n && !memcmp(wk_tab[i].w, w, n))
			return;
	memcpy(wk_tab[i].w, w, n + 1);
	wk_tab[i].len = (unsigned char)n;
	wk_tab[i].kind = (unsigned char)kind;
	wk_tab[i].v = v;
}

static void wk_init(void)
{
	for (int k = 0; units[k]; k++)
		wk_add(units[k], WK_UNIT, k);
	for (int k = 0; teens[k]; k++)
		wk_add(teens[k], WK_TEEN, 10 + k);
	for (int k = 0; tens[k]; k++)
		wk_add(tens[k], WK_TENS, 20 + 10 * k);
	wk_add("dozen", WK_DOZEN, 12);
	for (int k = 0; multipliers[k].w; k++)
		wk_add(multipliers[k].w, multipliers[k].exp == 2 ? WK_HUNDRED : WK_SCALE,
		       multipliers[k].exp);
	wk_add("a", WK_A, 0);
	wk_add("an", WK_A, 0);
}

static enum wkind word_kind(const unsigned char *s, size_t a, size_t b, int *v)
{
	if (b - a > 9 || b <= a)
		return WK_NONE;
	char w[10];
	size_t n = b - a;
	for (size_t i = 0; i < n; i++) /* as word_eq: ASCII capitals lowered */
		w[i] = (char)(s[a + i] >= 'A' && s[a + i] <= 'Z' ? s[a + i] + 32 : s[a + i]);
	pthread_once(&wk_once, wk_init);
	for (unsigned i = wk_hash(w, n); wk_tab[i].len; i = (i + 1) & (WK_TAB - 1))
		if (wk_tab[i].len == n && !memcmp(wk_tab[i].w, w, n))
			return *v = wk_tab[i].v, (enum wkind)wk_tab[i].kind;
	return WK_NONE;
}

/*
 * English number words from s[a..b): "nine", "twenty-one", "a hundred",
 * "two thousand", "a dozen", "three million", "five lakh".  A lone "one"
 * is a figure only before a noun and not after "no", "the", "any" and the
 * like ("one of the", "no one", "the one who" are not).  @return where the
 * scan goes on.
 */
static size_t number_words(struct scan *x, size_t a, size_t b)
{
	const unsigned char *s = x->s;
	size_t n = x->n, start = a, end = a, first_end = b;
	double total = 0, chunk = 0;
	enum wkind last = WK_NONE;
	int top = 99, hundred = 0, nwords = 0, v = 0, zero = 0;
	for (;;) {
		enum wkind k = word_kind(s, a, b, &v);
		int ok;
		switch (last) {
		case WK_NONE:
			ok = k == WK_UNIT || k == WK_TEEN || k == WK_TENS || k == WK_A;
			break;
		case WK_A:
			ok = k == WK_HUNDRED || k == WK_SCALE || k == WK_DOZEN;
			break;
		case WK_UNIT:
			ok = (k == WK_HUNDRED && !hundred && chunk < 10) || k == WK_DOZEN ||
			     (k == WK_SCALE && v < top);
			break;
		case WK_TEEN:
			ok = (k == WK_HUNDRED && !hundred) || (k == WK_SCALE && v < top);
			break;
		case WK_TENS:
			ok = (k == WK_UNIT && v > 0) || (k == WK_SCALE && v < top);
			break;
		case WK_HUNDRED:
			ok = k == WK_UNIT || k == WK_TEEN || k == WK_TENS ||
			     (k == WK_SCALE && v < top);
			break;
		case WK_SCALE:
			ok = k == WK_UNIT || k == WK_TEEN || k == WK_TENS;
			break;
		default:
			ok = 0;
		}
		if (!ok || zero || (k == WK_UNIT && v == 0 && last != WK_NONE))
			break;
		switch (k) {
		case WK_UNIT:
		case WK_TEEN:
		case WK_TENS:
			chunk += v;
			zero = v == 0;
			break;
		case WK_HUNDRED:
			chunk = (chunk > 0 ? chunk : 1) * 100;
			hundred = 1;
			break;
		case WK_SCALE:
			total += (chunk > 0 ? chunk : 1) * pow10_table[v];
			chunk = 0;
			top = v;
			hundred = 0;
			break;
		case WK_DOZEN:
			chunk = (chunk > 0 ? chunk : 1) * 12;
			break;
		default:
			break;
		}
		last = k;
		end = b;
		nwords++;
		if (last == WK_DOZEN)
			break;
		/* the next word, after a hyphen or spaces */
		size_t q = b, qe;
		if (q < n && s[q] == '-') {
			q++;
			if (!is_letter_at(s, n, q) || s[q] >= 0x80)
				break;
		} else {
			size_t r = skip_sp(s, n, q, 0);
			if (r == q || r >= n || s[r] >= 0x80 || !is_letter_at(s, n, r))
				break;
			q = r;
		}
		qe = word_end(s, n, q);
		if (word_eq(s, q, qe, "and") && (last == WK_HUNDRED || last == WK_SCALE)) {
			size_t r = skip_sp(s, n, qe, 0), re;
			int v2;
			if (r == qe || !is_letter_at(s, n, r))
				break;
			re = word_end(s, n, r);
			enum wkind k2 = word_kind(s, r, re, &v2);
			if (k2 != WK_UNIT && k2 != WK_TEEN && k2 != WK_TENS)
				break;
			q = r;
			qe = re;
		}
		a = q;
		b = qe;
	}
	if (nwords == 0 || last == WK_A)
		return first_end;
	if (nwords == 1 && word_eq(s, start, end, "one")) {
		size_t pa, pb, na, nb;
		if (prev_word(s, start, 0, &pa, &pb) && word_in(s, pa, pb, one_pronoun) >= 0)
			return first_end;
		int hyphen = end < n && s[end] == '-' && is_letter_at(s, n, end + 1);
		if (!hyphen && !(next_word(s, n, end, &na, &nb) &&
				 word_in(s, na, nb, function_words) < 0))
			return first_end;
	}

	struct cand c = {0};
	c.start = c.core_start = start;
	c.end = c.core_end = end;
	c.words = 1;
	c.mant = total + chunk;
	size_t ma, mb;
	int m;
	if (next_word(s, n, end, &ma, &mb) && (m = short_multiplier(s, ma, mb, 0))) {
		c.mant *= pow10_table[m]; /* "one mln dlrs" */
		c.mult = 1;
		c.end = mb;
	}
	if (end < n && s[end] == '-' && is_letter_at(s, n, end + 1)) {
		/* "five-year" counts years; "two-thirds" is a fraction, not 2 */
		static const char *const fractions[] = {
			"third", "thirds", "quarter", "quarters", "fifth", "fifths", "half",
			"tenth", "tenths", NULL
		};
		size_t q = end + 1, we = word_end(s, n, q);
		if (word_in(s, q, we, fractions) >= 0)
			return we;
		c.noun = 1;
		c.noun_start = q;
		c.noun_end = we;
	}
	return finish(x, &c);
}

static size_t at_word(struct scan *x, size_t a, size_t b)
{
	size_t e;
	if (x->s[a] >= 0x80 || b - a > 9)
		return b;
	if ((e = month_date(x, a, b)))
		return e;
	return number_words(x, a, b);
}

enum wt_status wt__find_numbers(const char *text, size_t len, struct wt__number **out,
				size_t *count)
{
	return wt__find_numbers_as(text, len, wt__comma_decimals(text, len), out, count);
}

enum wt_status wt__find_numbers_as(const char *text, size_t len, int comma,
				   struct wt__number **out, size_t *count)
{
	if (!out || !count)
		return WT_ERR_INVALID;
	*out = NULL;
	*count = 0;
	if (!text && len)
		return WT_ERR_INVALID;
	struct scan x = {0};
	x.s = (const unsigned char *)text;
	x.n = len;
	x.comma = comma;
	enum wt_status st = WT_GROW(x.v, x.cap, 16, MAX_NUMBERS);
	if (st)
		return st;
	size_t i = 0;
	while (i < len && !x.full && !x.st) {
		size_t l, next;
		int32_t cp = cp_at(x.s, len, i, &l);
		if (digit_val(cp) >= 0)
			next = at_digit(&x, i);
		else if (is_letter(cp))
			next = at_word(&x, i, word_end(x.s, len, i));
		else
			next = i + l;
		i = next > i ? next : i + (l ? l : 1);
	}
	if (x.st) {
		wt__free(x.v);
		return x.st;
	}
	*out = x.v;
	*count = x.len;
	return WT_OK;
}
