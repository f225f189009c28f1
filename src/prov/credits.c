/*
 * credits.c - agency credits and bylines in an article's text: evidence of
 * where a version came from.  Wire copy names its agency in the dateline
 * ("LISBON (Reuters) -", "(AP) —", "MOSCOW, March 3 /TASS/"), at the end
 * ("- AFP") or in the byline ("By Ana Lopes for AFP").  The patterns are
 * shapes, not a list of agencies, so a credit the code has never seen is
 * still found.  Only the head and tail of the text are read.
 */
#include "core/core.h"
#include "prov/prov.h"
#include "text/text.h"

#define HEAD 400
#define TAIL 200
#define MAX_NAME 64 /* bytes: 30-odd letters of Cyrillic or Arabic */

static int is_upper(unsigned char c)
{
	return c >= 'A' && c <= 'Z';
}

static int is_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* Is s[i..] a dash (ASCII, en or em dash) or a colon?  @return its length. */
static size_t dash_at(const unsigned char *s, size_t n, size_t i)
{
	if (i < n && (s[i] == '-' || s[i] == ':'))
		return 1;
	if (i + 2 < n && s[i] == 0xE2 && s[i + 1] == 0x80 && (s[i + 2] == 0x93 || s[i + 2] == 0x94))
		return 3;
	return 0;
}

/* A credit name: 2 to MAX_NAME bytes, starting with an upper-case letter
 * or a letter of a script without case, no line break. */
static int good_name(const unsigned char *s, size_t a, size_t b)
{
	if (b <= a + 1 || b - a > MAX_NAME || !(is_upper(s[a]) || s[a] >= 0xC0))
		return 0;
	/* Letters, marks, digits and a little punctuation only: "(£52m)" or
	 * "(Dlrs/Bu)" are figures, not credits. */
	int words = 1;
	for (size_t i = a; i < b;) {
		size_t l;
		int32_t cp = wt__utf8_decode(s + i, b - i, &l);
		if (cp < 0)
			return 0;
		if (cp == ' ')
			words++;
		else if (!(cp == '.' || cp == '-' || cp == '&' || cp == '\'' ||
			   wt__cp_class(cp) == WT_CC_WORD || wt__cp_class(cp) == WT_CC_IDEO ||
			   wt__cp_class(cp) == WT_CC_IGNORE))
			return 0;
		i += l;
	}
	return words <= 4; /* "Associated Press", not an editor's note */
}

static void trim_span(const unsigned char *s, struct wt_span *sp);

void wt_find_credits(const char *text, size_t len, struct wt_credits *out)
{
	const unsigned char *s = (const unsigned char *)text;
	memset(out, 0, sizeof(*out));
	if (!text)
		return;
	size_t head = WT_MIN(len, HEAD);

	/* Byline: a line of the head that starts with "By ". */
	for (size_t i = 0; i + 3 < head; i++) {
		if ((i == 0 || s[i - 1] == '\n') && s[i] == 'B' && s[i + 1] == 'y' && s[i + 2] == ' ' &&
		    is_upper(s[i + 3])) {
			size_t e = i;
			while (e < len && s[e] != '\n' && e - i < 120)
				e++;
			while (e > i && is_space(s[e - 1]))
				e--;
			out->byline = (struct wt_span){i, e};
			break;
		}
	}

	/* Dateline: "(Name)" followed by a dash, or "/NAME/". */
	for (size_t i = 0; i < head && !out->agency.end; i++) {
		if (s[i] == '(') {
			size_t j = i + 1;
			while (j < head && s[j] != ')' && j - i <= MAX_NAME + 1)
				j++;
			if (j < head && s[j] == ')' && good_name(s, i + 1, j)) {
				size_t k = j + 1;
				while (k < len && (s[k] == ' ' || s[k] == '\t'))
					k++;
				/* a dash follows, or, in scripts without case whose
				 * datelines often have none, it opens the text */
				if (dash_at(s, len, k) || (s[i + 1] >= 0xC0 && i < 100))
					out->agency = (struct wt_span){i + 1, j};
			}
		} else if (s[i] == '/' && i + 2 < head && is_upper(s[i + 1])) {
			size_t j = i + 1;
			while (j < head && (is_upper(s[j]) || s[j] == ' ' || s[j] == '-') && j - i <= MAX_NAME)
				j++;
			if (j < head && s[j] == '/' && j - i >= 3)
				out->agency = (struct wt_span){i + 1, j};
		}
	}

	/* Closing credit: the last line is "- NAME" or "(NAME)". */
	if (!out->agency.end && len) {
		size_t e = len;
		while (e > 0 && is_space(s[e - 1]))
			e--;
		size_t b = e;
		while (b > 0 && s[b - 1] != '\n' && e - b < TAIL)
			b--;
		size_t d = dash_at(s, e, b);
		if (d) {
			size_t a = b + d;
			while (a < e && s[a] == ' ')
				a++;
			if (good_name(s, a, e))
				out->agency = (struct wt_span){a, e};
		} else if (b < e && s[b] == '(' && s[e - 1] == ')' && good_name(s, b + 1, e - 1)) {
			out->agency = (struct wt_span){b + 1, e - 1};
		}
	}

	/* "By NAME for AGENCY": the agency of the byline. */
	/* (spaces trimmed from the found name at the end) */
	if (!out->agency.end && out->byline.end) {
		for (size_t i = out->byline.start; i + 5 < out->byline.end; i++)
			if (!memcmp(s + i, " for ", 5) && good_name(s, i + 5, out->byline.end)) {
				out->agency = (struct wt_span){i + 5, out->byline.end};
				break;
			}
	}
	trim_span(s, &out->agency);
	if (out->agency.start == out->agency.end)
		out->agency = (struct wt_span){0, 0};
}

static void trim_span(const unsigned char *s, struct wt_span *sp)
{
	while (sp->end > sp->start && is_space(s[sp->end - 1]))
		sp->end--;
	while (sp->start < sp->end && is_space(s[sp->start]))
		sp->start++;
}

const char *wt_rule_name(enum wt_rule rule)
{
	switch (rule) {
	case WT_RULE_DATE: return "date";
	case WT_RULE_COVERAGE: return "coverage";
	case WT_RULE_ORDER: return "order";
	case WT_RULE_CREDIT: return "credit";
	case WT_RULE_FACTS: return "facts";
	case WT_RULE_NONE: break;
	}
	return NULL;
}

/* Appends the letters and digits of s[0..n), ASCII lowered, to buf.
 * @return the new length. */
static size_t squeeze(const char *s, size_t n, char *buf, size_t at, size_t cap)
{
	for (size_t i = 0; i < n && at + 1 < cap; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c >= 'A' && c <= 'Z')
			buf[at++] = (char)(c + 32);
		else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80)
			buf[at++] = (char)c;
	}
	buf[at] = '\0';
	return at;
}

int wt__credits_site(const char *text, size_t len, const struct wt_article *other)
{
	if (!other->site && !other->url)
		return 0;
	struct wt_credits cr;
	wt_find_credits(text, len, &cr);
	return wt__credit_names_site(text, cr.agency, other);
}

int wt__credit_names_site(const char *text, struct wt_span agency, const struct wt_article *other)
{
	if (agency.end <= agency.start || (!other->site && !other->url))
		return 0;
	char name[64], site[256];
	size_t nn = squeeze(text + agency.start, agency.end - agency.start, name, 0, sizeof(name));
	if (nn < 2)
		return 0;
	const char *s = other->site;
	size_t sl;
	if (s) {
		sl = strlen(s);
	} else {
		s = strstr(other->url, "://");
		s = s ? s + 3 : other->url;
		sl = strcspn(s, "/?#");
	}
	/* the host without its "www." */
	if (sl > 4 && !memcmp(s, "www.", 4))
		s += 4, sl -= 4;
	size_t ns = squeeze(s, sl, site, 0, sizeof(site));
	return ns >= nn && !memcmp(site, name, nn);
}
