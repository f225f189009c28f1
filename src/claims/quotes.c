/*
 * quotes.c - the quotations of a news text and who said them.
 *
 * A quotation is the most exactly repeated part of a story: a rewrite
 * changes every sentence but keeps the quoted words, and a version that
 * changes them, or gives them to someone else, has changed the story.
 *
 * Quotation marks are paired in one pass: the opening mark of each script
 * waits for its own closing mark (“ for ”, „ for “ or ”, « for », 「 for
 * 」...), within one paragraph, or on into the next when that opens with
 * the same mark (the convention for a quotation that runs on; each
 * paragraph's part is then a quotation of its own, with the same
 * speaker).  A paragraph ends at a blank line, an indented line, or the
 * end of a line too long to be hard-wrapped.  The marks that also serve
 * other purposes are taken only where they cannot: a straight " opens
 * after a space and before a word; ‘ opens before a letter and ’ closes
 * only where it is no apostrophe ("don’t", "the players’ union").  Fewer
 * than three words between the marks is a title, a term or a scare quote,
 * not a quotation.
 *
 * The speaker is looked for in the words of the same sentence, through the
 * text's tokens: right after the closing mark ("...," NAME said / said
 * NAME / NAME, a spokesman, said), then before the opening
 * mark (NAME said: "..." / NAME said that "..."), then "according to NAME".
 * A name is a run of one to four capitalised words; lower-case titles
 * before it ("coast guard spokesman Nikos Alexiou") are not part of it, and
 * capitalised ones ("Prime Minister") are dropped.  A quotation that only
 * continues the previous one ("“...,” said Ana Mourato. “Today we were
 * lucky.”") has its speaker.  Otherwise "he said" names nobody: the
 * speaker is left empty rather than guessed from an earlier sentence.
 * Scripts without case give no names.
 */
#include <utf8proc.h>

#include "claims/chars.h"
#include "claims/claims.h"
#include "text/text.h"

#define MAX_QUOTES 16384
#define MIN_WORDS 3
#define WINDOW 24     /* words read on each side of a quotation for its speaker */
#define MAX_NAME 4    /* words of a name */
#define MAX_BETWEEN 6 /* words between "said" and the opening mark: "said that",
		       * "said the building had been" */

struct found {
	size_t open, start, end, close; /* marks at [open, start) and [end, close) */
	int cont; /* goes on from the previous one in a new paragraph */
};

struct speaker {
	const unsigned char *s;
	size_t n;
	const struct wt_token *t;
	size_t nt;
};

/* ---- characters -------------------------------------------------------- */

static int is_alnum(int32_t cp)
{
	if (cp >= '0' && cp <= '9')
		return 1;
	return is_letter(cp) || category(cp) == UTF8PROC_CATEGORY_ND;
}

static int is_space(int32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0xA0 || cp == 0x202F ||
	       cp == 0x2009 || cp == 0x3000;
}

/* A character after which a quotation may open: nothing, a space, an
 * opening bracket, a dash or a colon, or another quotation mark. */
static int opens_after(int32_t prev)
{
	return prev < 0 || is_space(prev) || prev == '(' || prev == '[' || prev == '{' ||
	       prev == '-' || prev == 0x2013 || prev == 0x2014 || prev == ':' || prev == '/' ||
	       prev == 0x201C || prev == 0x201E || prev == 0xAB || prev == 0xBB || prev == '"';
}

/*
 * The closing mark of a quotation opened by `cp` (a second one accepted
 * in *alt), or 0 when cp opens none.  *plain is set for the marks that
 * only ever quote; the others (" » › ‘ ‚) have other uses, so where they
 * stand decides.
 */
static int32_t closer_of(int32_t cp, int32_t *alt, int *plain)
{
	*alt = 0;
	*plain = 1;
	switch (cp) {
	case 0x201C: return 0x201D;                /* “…” */
	case 0x201E: *alt = 0x201D; return 0x201C; /* „…“ and „…” */
	case 0x00AB: return 0x00BB;                /* «…» */
	case 0x2039: return 0x203A;                /* ‹…› */
	case 0x300C: return 0x300D;                /* 「…」 */
	case 0x300E: return 0x300F;                /* 『…』 */
	default: break;
	}
	*plain = 0;
	switch (cp) {
	case '"': *alt = 0x201D; return '"';         /* also "…” */
	case 0x00BB: return 0x00AB;                /* »…« (German, Danish) */
	case 0x203A: return 0x2039;
	case 0x2018: return 0x2019;                /* ‘…’ */
	case 0x201A: *alt = 0x2019; return 0x2018; /* ‚…‘ */
	default: return 0;
	}
}

/* @return at least MIN_WORDS when s[a..b) has that many words (each CJK
 * character counts as one; "don’t" is one word). */
static int count_words(const unsigned char *s, size_t a, size_t b)
{
	int words = 0, in = 0;
	size_t i = a, l, l2;
	while (i < b && words < MIN_WORDS) {
		int32_t cp = cp_at(s, b, i, &l);
		enum wt__cclass cc = cp < 0 ? WT_CC_SEP : wt__cp_class(cp);
		if (cc == WT_CC_IDEO) {
			words++;
			in = 0;
		} else if (cc == WT_CC_WORD) {
			words += !in;
			in = 1;
		} else if (cc == WT_CC_SEP && !(in && (cp == '\'' || cp == 0x2019) &&
						 is_alnum(cp_at(s, b, i + l, &l2)))) {
			in = 0;
		}
		i += l ? l : 1;
	}
	return words;
}

/*
 * Does the line break at s[i] end a paragraph?  A blank line or an
 * indented next line always does; so does the end of a line longer than
 * hard-wrapped wire copy ever is (100 bytes), since texts that are not
 * wrapped put each paragraph on one line.
 */
static int paragraph_end(const unsigned char *s, size_t n, size_t i, size_t line_start)
{
	if (i - line_start > 100 || i + 1 >= n)
		return 1;
	if (s[i + 1] == ' ' || s[i + 1] == '\t')
		return 1;
	size_t j = i + 1;
	while (j < n && (s[j] == ' ' || s[j] == '\t' || s[j] == '\r'))
		j++;
	return j >= n || s[j] == '\n';
}

/* Records the quotation s[start..end) (marks at open and close), trimmed of
 * spaces and of the comma before "he said" (the attribution's, not the
 * speaker's), when it has MIN_WORDS words.  @return 1 when recorded. */
static int add_quote(const unsigned char *s, size_t open, size_t start, size_t end, size_t close,
		     int cont, struct found **v, size_t *nv, size_t *cap, enum wt_status *st)
{
	size_t a = start, b = end, k;
	while (a < b && is_space(cp_at(s, b, a, &k)))
		a += k;
	while (b > a) {
		size_t m = b - 1;
		while (m > a && (s[m] & 0xC0) == 0x80)
			m--;
		if (!is_space(cp_at(s, b, m, &k)) && s[m] != ',')
			break;
		b = m;
	}
	if (count_words(s, a, b) < MIN_WORDS || *nv >= MAX_QUOTES)
		return 0;
	if ((*st = WT_GROW(*v, *cap, *nv + 1, MAX_QUOTES)))
		return 0;
	(*v)[(*nv)++] = (struct found){open, a, b, close, cont};
	return 1;
}

/*
 * Pairs the quotation marks of s[0..n) into *v.  A quotation still open
 * where its paragraph ends is dropped, unless the next paragraph opens with
 * the same mark: the convention for a quotation that goes on, which is then
 * recorded paragraph by paragraph, each part after the first marked `cont`.
 * @return WT_OK or WT_ERR_NOMEM.
 */
static enum wt_status pair_marks(const unsigned char *s, size_t n, struct found **v, size_t *nv,
				 size_t *cap)
{
	enum wt_status st = WT_OK;
	int32_t want = 0, want_alt = 0, open_cp = 0, prev = -1;
	size_t open = 0, start = 0, line = 0, i = 0, l;
	int cont = 0, pending = 0; /* the open quotation continues the last one;
				    * the next one will */
	while (i < n && !st) {
		if (s[i] < 0x80 && s[i] != '"' && s[i] != '\n') {
			/* a run of ASCII that opens, closes and ends nothing */
			size_t j = i + 1;
			while (j < n && s[j] < 0x80 && s[j] != '"' && s[j] != '\n')
				j++;
			prev = s[j - 1];
			i = j;
			continue;
		}
		int32_t cp = cp_at(s, n, i, &l);
		size_t nl;
		int32_t next = cp_at(s, n, i + l, &nl);
		if (cp == '\n') {
			if (want && paragraph_end(s, n, i, line)) {
				size_t j = i;
				while (j < n && is_space(cp_at(s, n, j, &nl)))
					j += nl;
				pending = cp_at(s, n, j, &nl) == open_cp &&
					  add_quote(s, open, start, i, i, cont, v, nv, cap, &st);
				want = 0;
			}
			line = i + 1;
		} else if (want && (cp == want || (want_alt && cp == want_alt))) {
			int ok = 1;
			if (cp == '"' || cp == 0x2018 || cp == 0x201D || cp == 0xAB || cp == 0x2039)
				ok = !is_space(prev);
			else if (cp == 0x2019)
				/* not an apostrophe: "don’t", "’90s", "the players’ union" */
				ok = !is_space(prev) && !(is_letter(prev) && is_alnum(next)) &&
				     !(prev == 's' && next == ' ' && i + l + 1 < n &&
				       s[i + l + 1] >= 'a' && s[i + l + 1] <= 'z');
			if (ok) {
				add_quote(s, open, start, i, i + l, cont, v, nv, cap, &st);
				want = 0;
				pending = 0;
			}
		} else if (cp >= 0) {
			int32_t alt;
			int plain;
			int32_t c = closer_of(cp, &alt, &plain);
			int ok = c != 0;
			if (ok && !plain) {
				if (cp == 0x2018 || cp == 0x201A)
					ok = opens_after(prev) && is_alnum(next);
				else
					ok = opens_after(prev) && next >= 0 && !is_space(next);
			}
			/* a second opening mark of the kind already open: the first
			 * was never closed, start again here */
			if (ok && (!want || (plain && cp == open_cp))) {
				want = c;
				want_alt = alt;
				open_cp = cp;
				open = i;
				start = i + l;
				cont = pending;
				pending = 0;
			}
		}
		prev = cp;
		i += l ? l : 1;
	}
	return st;
}

/* ---- speakers ---------------------------------------------------------- */

static int tok_in(const struct speaker *sp, size_t k, const char *const *list)
{
	const struct wt_token *t = &sp->t[k];
	if (t->end - t->start > 32)
		return 0;
	for (int j = 0; list[j]; j++)
		if (word_eq(sp->s, t->start, t->end, list[j]))
			return 1;
	return 0;
}

/* Verbs of saying, in the languages whose news most often quotes this way. */
static const char *const verbs[] = {
	"said", "says", "told", "tells", "added", "adds", "stated", "states", "wrote", "writes",
	"asked", "asks", "warned", "warns", "explained", "explains", "noted", "notes",
	"insisted", "insists", "declared", "announced", "replied", "recalled", "argued",
	"claimed", "admitted", "urged", "cautioned", "acknowledged", "confirmed", "stressed",
	"continued", "concluded", "tweeted",
	/* French: dit, déclaré, affirmé, ajouté, expliqué, souligné, indiqué, estimé */
	"dit", "d\u00e9clar\u00e9", "affirm\u00e9", "ajout\u00e9", "expliqu\u00e9",
	"soulign\u00e9", "indiqu\u00e9", "estim\u00e9",
	/* German: sagte, sagt, erklärte, betonte */
	"sagte", "sagt", "erkl\u00e4rte", "betonte",
	/* Spanish: dijo, afirmó, declaró, señaló, añadió, explicó */
	"dijo", "afirm\u00f3", "declar\u00f3", "se\u00f1al\u00f3", "a\u00f1adi\u00f3",
	"explic\u00f3",
	/* Russian: сказал(а), заявил(а), отметил(а), сообщил(а), добавил(а),
	 * подчеркнул(а), пояснил(а) */
	"\u0441\u043a\u0430\u0437\u0430\u043b",
	"\u0441\u043a\u0430\u0437\u0430\u043b\u0430",
	"\u0437\u0430\u044f\u0432\u0438\u043b",
	"\u0437\u0430\u044f\u0432\u0438\u043b\u0430",
	"\u043e\u0442\u043c\u0435\u0442\u0438\u043b",
	"\u043e\u0442\u043c\u0435\u0442\u0438\u043b\u0430",
	"\u0441\u043e\u043e\u0431\u0449\u0438\u043b",
	"\u0441\u043e\u043e\u0431\u0449\u0438\u043b\u0430",
	"\u0434\u043e\u0431\u0430\u0432\u0438\u043b",
	"\u0434\u043e\u0431\u0430\u0432\u0438\u043b\u0430",
	"\u043f\u043e\u0434\u0447\u0435\u0440\u043a\u043d\u0443\u043b",
	"\u043f\u043e\u0434\u0447\u0435\u0440\u043a\u043d\u0443\u043b\u0430",
	"\u043f\u043e\u044f\u0441\u043d\u0438\u043b",
	"\u043f\u043e\u044f\u0441\u043d\u0438\u043b\u0430",
	NULL
};

/* Auxiliaries that may stand before the verb with the name after it:
 * "a déclaré Jean Dupont", "has said". */
static const char *const auxiliaries[] = {"a", "has", "had", "have", "ha", "hat", NULL};

static const char *const pronouns[] = {
	"he", "she", "they", "it", "we", "i", "you", "il", "elle", "ils", "elles", "on", "er",
	"sie", "es", "\u00e9l", "ella",
	"\u043e\u043d", "\u043e\u043d\u0430", "\u043e\u043d\u0438", "\u043c\u044b", "\u044f",
	NULL
};

/* Words after the verb that end the search for a name after it: "said on
 * Monday", "said in a statement", "told Reuters" is caught by the rule that
 * the name comes right after the verb or its titles. */
static const char *const stops[] = {
	"on", "in", "at", "to", "during", "after", "before", "from", "for", "with", "by", "of",
	"as", "when", "while", "that", "this", "yesterday", "today", "tonight", "earlier",
	"later", "last", "late", "early", "and", "but", "who", "which", "\u00e0", "en", "dans",
	"lors", "pour", "avec", "sur", "selon", "im", "am", "auf", "bei", "f\u00fcr", "mit",
	"von", "nach", "\u0432", "\u0432\u043e", "\u043d\u0430", "\u043f\u043e",
	"\u0434\u043b\u044f", "\u0441", "\u0441\u043e", "\u0443", "\u043e",
	"\u043f\u043e\u0441\u043b\u0435", NULL
};

/* Capitalised words that are no name at the edge of a run: sentence
 * openers, pronouns, days and months. */
static const char *const not_names[] = {
	"the", "a", "an", "but", "and", "or", "so", "yet", "he", "she", "it", "they", "we",
	"i", "you", "his", "her", "their", "our", "its", "this", "that", "these", "those",
	"there", "here", "then", "when", "while", "after", "before", "on", "in", "at", "for",
	"from", "with", "by", "of", "to", "as", "if", "according", "monday", "tuesday",
	"wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
	"march", "april", "may", "june", "july", "august", "september", "october", "november",
	"december", "today", "yesterday", "tomorrow", "later", "earlier", "meanwhile",
	"however", "also", "still", "now", "last", "next", "first", "il", "elle", "ils", "elles",
	"le", "la", "les", "un", "une", "er", "sie", "es", "der", "die", "das", "el", "los", "las",
	"\u043e\u043d", "\u043e\u043d\u0430", "\u043e\u043d\u0438", "\u043c\u044b", "\u044f",
	"\u0432", "\u043d\u0430", NULL
};

/* A run that is only one of these names a group, not a person. */
static const char *const groups[] = {
	"officials", "police", "authorities", "witnesses", "residents", "experts", "analysts",
	"critics", "doctors", "sources", "officers", "protesters", "survivors", NULL
};

/* Capitalised titles dropped before a name: "Prime Minister Kyriakos
 * Mitsotakis" is "Kyriakos Mitsotakis". */
static const char *const titles[] = {
	"mr", "mrs", "ms", "miss", "dr", "prof", "professor", "president", "prime", "minister",
	"secretary", "senator", "sen", "rep", "gov", "governor", "gen", "mayor", "chancellor",
	"judge", "spokesman", "spokeswoman", "spokesperson", "captain", "capt", "col",
	"colonel", "lt", "sgt", "inspector", "commissioner", "chairman", "chairwoman", "rev",
	"king", "queen", "prince", "princess", "pope", "sheikh", "deputy", "foreign", "interior",
	"defence", "defense", "finance", "health", "m", "mme", "herr", "frau", "sr", "sra",
	"councillor", "councilor", "councilman", "councilwoman", "alderman", "mp", "officer",
	"ambassador", "envoy", "coach", "manager", "head", NULL
};

/* Lower-case words inside a name: "Ursula von der Leyen", "Luiz da Silva". */
static const char *const particles[] = {
	"de", "da", "del", "della", "di", "du", "des", "van", "von", "der", "den", "ter", "bin",
	"ibn", "al", "el", "la", "le", "dos", "das", NULL
};

/* Abbreviations whose dot does not end a sentence. */
static const char *const abbrevs[] = {
	"mr", "mrs", "ms", "dr", "prof", "gen", "sen", "rep", "gov", "st", "jr", "sr", "lt",
	"col", "capt", "sgt", "rev", "no", NULL
};

static int tok_kind_upper(const struct speaker *sp, size_t k)
{
	size_t l;
	int32_t cp = cp_at(sp->s, sp->n, sp->t[k].start, &l);
	int c = category(cp);
	return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT;
}

static int tok_kind_lower(const struct speaker *sp, size_t k)
{
	size_t l;
	return category(cp_at(sp->s, sp->n, sp->t[k].start, &l)) == UTF8PROC_CATEGORY_LL;
}

/* A dot after token k that does not end a sentence: "Mr.", "J." */
static int abbrev_dot(const struct speaker *sp, size_t k)
{
	const struct wt_token *t = &sp->t[k];
	size_t l;
	cp_at(sp->s, sp->n, t->start, &l);
	return (l == t->end - t->start && tok_kind_upper(sp, k)) || tok_in(sp, k, abbrevs);
}

/*
 * Does the text between a and b end the sentence (. ! ? and their CJK
 * forms, ';', an ellipsis), the line, or hold a quotation mark?  `before`
 * is the token just before a, or (size_t)-1.
 */
static int breaks(const struct speaker *sp, size_t a, size_t b, size_t before)
{
	const unsigned char *s = sp->s;
	size_t l;
	for (size_t i = a; i < b; i += l ? l : 1) {
		int32_t cp = cp_at(s, b, i, &l);
		int32_t alt;
		int plain;
		switch (cp) {
		case '\n': case '!': case '?': case ';': case 0x2026: case 0x3002: case 0xFF01:
		case 0xFF1F: case 0x201D: case 0x300D: case 0x300F:
			return 1;
		case '.':
			if (!(i == a && before != (size_t)-1 && abbrev_dot(sp, before)))
				return 1;
			break;
		default:
			if (cp >= 0 && closer_of(cp, &alt, &plain))
				return 1;
		}
	}
	return 0;
}

/* Are tokens k and k+1 parts of one name: joined by one space, a hyphen,
 * an apostrophe, or the dot of an initial? */
static int joined(const struct speaker *sp, size_t k)
{
	const unsigned char *s = sp->s;
	size_t a = sp->t[k].end, b = sp->t[k + 1].start;
	if (b - a > 5)
		return 0;
	int spaces = 0;
	for (size_t i = a; i < b; i++) {
		if (s[i] == ' ')
			spaces++;
		else if (s[i] == '.' && i == a && abbrev_dot(sp, k))
			continue;
		else if (s[i] == 0xE2 && i + 2 < b && s[i + 1] == 0x80 && s[i + 2] == 0x99)
			i += 2; /* ’ */
		else if (s[i] != '-' && s[i] != '\'')
			return 0;
	}
	return spaces <= 1;
}

static int name_word(const struct speaker *sp, size_t k)
{
	return tok_kind_upper(sp, k);
}

/*
 * Trims the run of tokens [*a, *b] to a name: words that are no name off
 * both ends, titles off the front, particles off the end, at most MAX_NAME
 * words (the last ones when `keep_last`).  @return 1 when a name is left.
 */
static int trim_name(const struct speaker *sp, size_t *a, size_t *b, int keep_last)
{
	size_t first = *a, last = *b;
	while (first < last && (tok_in(sp, first, not_names) || !name_word(sp, first)))
		first++;
	while (last > first && (tok_in(sp, last, not_names) || !name_word(sp, last)))
		last--;
	if (tok_in(sp, first, not_names) || !name_word(sp, first))
		return 0;
	while (first < last && tok_in(sp, first, titles))
		first++;
	if (last - first + 1 > MAX_NAME) {
		if (keep_last)
			first = last - (MAX_NAME - 1);
		else
			last = first + (MAX_NAME - 1);
	}
	if (first == last && tok_in(sp, first, groups))
		return 0;
	*a = first;
	*b = last;
	return 1;
}

/* The name whose last word is token e (not before token lo). */
static int name_back(const struct speaker *sp, size_t e, size_t lo, size_t *ra, size_t *rb)
{
	if (!name_word(sp, e))
		return 0;
	size_t a = e;
	for (;;) {
		/* the previous name word, maybe across particles: "von der" */
		size_t j = a;
		while (j > lo && joined(sp, j - 1) && tok_in(sp, j - 1, particles) && a - j < 3)
			j--;
		if (j > lo && joined(sp, j - 1) && name_word(sp, j - 1))
			a = j - 1;
		else
			break;
	}
	*ra = a;
	*rb = e;
	return trim_name(sp, ra, rb, 1);
}

/* The name whose first word is token a (not after token hi). */
static int name_fwd(const struct speaker *sp, size_t a, size_t hi, size_t *ra, size_t *rb)
{
	if (!name_word(sp, a))
		return 0;
	size_t e = a;
	for (;;) {
		size_t j = e;
		while (j < hi && joined(sp, j) && tok_in(sp, j + 1, particles) && j - e < 3)
			j++;
		if (j < hi && joined(sp, j) && name_word(sp, j + 1))
			e = j + 1;
		else
			break;
	}
	*ra = a;
	*rb = e;
	return trim_name(sp, ra, rb, 0);
}

/* Is there a comma between tokens a and b?  @return the token before it,
 * or (size_t)-1. */
static size_t comma_after(const struct speaker *sp, size_t a, size_t b)
{
	for (size_t k = a; k < b; k++)
		for (size_t i = sp->t[k].end; i < sp->t[k + 1].start; i++)
			if (sp->s[i] == ',')
				return k;
	return (size_t)-1;
}

/* The first token that starts at or after byte `pos`. */
static size_t first_from(const struct speaker *sp, size_t pos)
{
	size_t lo = 0, hi = sp->nt;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (sp->t[mid].start < pos)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/*
 * The name after token k, in tokens up to hi.  After "according to" it
 * must come next, past "the" and lower-case titles ("according to coast
 * guard chief Ana Costa"; "according to police in Faro" names nobody).
 * After a verb of saying, French and Russian put a whole phrase first
 * ("a déclaré lors de la conférence le maire Jean Dupont", "сказал на
 * церемонии глава города Олег Карпухин"), so lower-case words and days
 * ("said on Monday") are passed over, up to a comma, a pronoun or another
 * verb.
 */
static int name_after(const struct speaker *sp, size_t k, size_t hi, int strict, size_t *ra,
		      size_t *rb)
{
	for (size_t j = k + 1, skipped = 0; j <= hi && skipped <= 8; j++, skipped++) {
		if (comma_after(sp, j - 1, j) != (size_t)-1)
			/* only an apposition goes on past a comma: "said the
			 * friend, Ilona Herman" */
			return !strict && j > k + 1 && name_word(sp, j) &&
			       name_fwd(sp, j, hi, ra, rb);
		if (name_word(sp, j)) {
			if (name_fwd(sp, j, hi, ra, rb))
				return 1;
			if (strict || !tok_in(sp, j, not_names))
				return 0;
			continue; /* "said on Monday ..." */
		}
		if (!tok_kind_lower(sp, j) || tok_in(sp, j, pronouns) || tok_in(sp, j, verbs) ||
		    (strict && (tok_in(sp, j, stops) || skipped >= 4)))
			return 0;
	}
	return 0;
}

/*
 * The speaker named in tokens [a, v) before the verb at v: the name right
 * before it ("coast guard spokesman Nikos Alexiou said"), or, when an
 * apposition stands between them, the first name of the clause that does
 * not follow a preposition ("Nikos Alexiou, a spokesman, said", "his
 * brother, Eric Paddock, told"; not "In Lisbon, the mayor said").
 */
static int name_before_verb(const struct speaker *sp, size_t a, size_t v, size_t *ra, size_t *rb)
{
	if (v == a)
		return 0;
	/* "she arranged a meeting and warned him:": the clause's subject is a
	 * pronoun */
	for (size_t k = v; k-- > a;) {
		if (tok_in(sp, k, pronouns))
			return 0;
		if (k > a && comma_after(sp, k - 1, k) != (size_t)-1)
			break;
	}
	int comma = comma_after(sp, a, v) != (size_t)-1;
	/* the name right before the verb, unless an apposition precedes it and
	 * it follows a preposition: "Kris Hoce, president of Morton Plant
	 * Hospital, said" */
	if (name_back(sp, v - 1, a, ra, rb) &&
	    !(comma && *ra > a && tok_in(sp, *ra - 1, stops)))
		return 1;
	if (!comma)
		return 0;
	for (size_t k = a; k < v; k++) {
		if (!name_word(sp, k) || tok_in(sp, k, not_names))
			continue;
		if (k > a && (tok_in(sp, k - 1, stops) || tok_in(sp, k - 1, not_names)))
			continue;
		if (name_fwd(sp, k, v - 1, ra, rb))
			return 1;
	}
	return 0;
}

/* The tokens [*a, *b] of the sentence right after the closing mark that
 * ends at `close`.  @return 0 when the sentence ends there. */
static int window_after(const struct speaker *sp, size_t close, size_t *a, size_t *b)
{
	size_t k0 = first_from(sp, close), hi = k0;
	if (k0 >= sp->nt || breaks(sp, close, sp->t[k0].start, (size_t)-1))
		return 0;
	while (hi + 1 < sp->nt && hi + 1 < k0 + WINDOW &&
	       !breaks(sp, sp->t[hi].end, sp->t[hi + 1].start, hi))
		hi++;
	*a = k0;
	*b = hi;
	return 1;
}

/* The tokens [*a, *b] of the sentence right before the opening mark at
 * `open`.  @return 0 when a sentence starts there. */
static int window_before(const struct speaker *sp, size_t open, size_t *a, size_t *b)
{
	size_t e = first_from(sp, open);
	if (e == 0)
		return 0;
	e--;
	if (sp->t[e].end > open || breaks(sp, sp->t[e].end, open, e))
		return 0;
	size_t lo = e;
	while (lo > 0 && e - lo + 1 < WINDOW &&
	       !breaks(sp, sp->t[lo - 1].end, sp->t[lo].start, lo - 1))
		lo--;
	*a = lo;
	*b = e;
	return 1;
}

/* "...," NAME said / said NAME / NAME, a spokesman, said. */
static int after_quote(const struct speaker *sp, size_t close, size_t *ra, size_t *rb)
{
	size_t k0, hi, v = (size_t)-1;
	if (!window_after(sp, close, &k0, &hi))
		return 0;
	for (size_t k = k0; k <= hi; k++)
		if (tok_in(sp, k, verbs)) {
			v = k;
			break;
		}
	if (v == (size_t)-1)
		return 0;
	for (size_t k = k0; k < v; k++)
		if (tok_in(sp, k, pronouns))
			return 0; /* "he said", "a-t-il dit" */
	if (v > k0) {
		if (name_before_verb(sp, k0, v, ra, rb))
			return 1;
		for (size_t k = k0; k < v; k++)
			if (!tok_in(sp, k, auxiliaries))
				return 0; /* "the coast guard said": no name */
	}
	return name_after(sp, v, hi, 0, ra, rb);
}

/* NAME said: "..." / NAME said that "..." / NAME told reporters: "...". */
static int before_quote(const struct speaker *sp, size_t open, size_t *ra, size_t *rb)
{
	size_t lo, e, v = (size_t)-1;
	if (!window_before(sp, open, &lo, &e))
		return 0;
	for (size_t k = e + 1; k-- > lo && e - k <= MAX_BETWEEN;)
		if (tok_in(sp, k, verbs)) {
			v = k;
			break;
		}
	if (v == (size_t)-1 || v == lo || tok_in(sp, v - 1, pronouns))
		return 0;
	return name_before_verb(sp, lo, v, ra, rb);
}

/* "according to NAME" (or "selon NAME", "laut NAME") in tokens [a, b]. */
static int according_in(const struct speaker *sp, size_t a, size_t b, size_t *ra, size_t *rb)
{
	for (size_t k = a; k <= b; k++) {
		const struct wt_token *t = &sp->t[k];
		if (word_eq(sp->s, t->start, t->end, "according") && k < b &&
		    word_eq(sp->s, t[1].start, t[1].end, "to"))
			return name_after(sp, k + 1, b, 1, ra, rb);
		if (word_eq(sp->s, t->start, t->end, "selon") ||
		    word_eq(sp->s, t->start, t->end, "laut"))
			return name_after(sp, k, b, 1, ra, rb);
	}
	return 0;
}

/* "according to NAME" in the sentence before the quotation or after it. */
static int according_to(const struct speaker *sp, size_t open, size_t close, size_t *ra,
			size_t *rb)
{
	size_t a, b;
	return (window_before(sp, open, &a, &b) && according_in(sp, a, b, ra, rb)) ||
	       (window_after(sp, close, &a, &b) && according_in(sp, a, b, ra, rb));
}

/*
 * Does a quotation opening at `open` continue the speaker of the one that
 * closed at `close`?  Yes when only the earlier one's attribution stands
 * between them, in the same paragraph: "“...,” said Ana Mourato. “Today we
 * were lucky.”"  Once another sentence comes between, someone else may
 * be speaking.
 */
static int continues(const unsigned char *s, size_t close, size_t open)
{
	if (open - close > 200)
		return 0;
	int ended = 0;
	for (size_t i = close; i < open; i++) {
		unsigned char c = s[i];
		if (c == '\n')
			return 0;
		if (ended && c != ' ' && c != '\t')
			return 0;
		if (c == '.' || c == '!' || c == '?')
			ended = 1;
	}
	return 1;
}

enum wt_status wt__find_quotes(const char *text, size_t len, struct wt__quote **out,
			       size_t *count)
{
	if (!out || !count)
		return WT_ERR_INVALID;
	*out = NULL;
	*count = 0;
	if (!text && len)
		return WT_ERR_INVALID;
	const unsigned char *s = (const unsigned char *)text;
	struct found *f = NULL;
	size_t nf = 0, fcap = 0;
	struct wt__tokens tv = {0};
	struct wt__quote *q = wt__malloc(sizeof(*q));
	enum wt_status st = q ? pair_marks(s, len, &f, &nf, &fcap) : WT_ERR_NOMEM;
	if (st)
		goto done;
	if (nf) {
		if ((st = wt__tokenize(text, len, &tv)))
			goto done;
		void *p = wt__realloc(q, nf * sizeof(*q));
		if (!p) {
			st = WT_ERR_NOMEM;
			goto done;
		}
		q = p;
	}
	struct speaker sp = {s, len, tv.v, tv.n};
	for (size_t i = 0; i < nf; i++) {
		size_t a, b;
		q[i] = (struct wt__quote){f[i].start, f[i].end, f[i].start, f[i].start};
		if (after_quote(&sp, f[i].close, &a, &b) || before_quote(&sp, f[i].open, &a, &b) ||
		    according_to(&sp, f[i].open, f[i].close, &a, &b)) {
			q[i].speaker_start = tv.v[a].start;
			q[i].speaker_end = tv.v[b].end;
		} else if (i && q[i - 1].speaker_start < q[i - 1].speaker_end &&
			   (f[i].cont || continues(s, f[i - 1].close, f[i].open))) {
			q[i].speaker_start = q[i - 1].speaker_start;
			q[i].speaker_end = q[i - 1].speaker_end;
		}
	}
	*out = q;
	*count = nf;
	q = NULL;
done:
	wt__free(q);
	wt__free(f);
	wt__free(tv.v);
	return st;
}
