/*
 * date.c - publication dates as news metadata and feeds write them, to
 * seconds since the epoch in UTC: ISO 8601 ("2017-09-15",
 * "2017-09-15T17:52:00", "...Z", "...+02:00", "2017-09-15 17:52:00.123",
 * "20170915"); RSS and e-mail dates ("Fri, 15 Sep 2017 17:52:00 GMT");
 * month names in English, German, French, Spanish, Italian, Portuguese and
 * Dutch ("Sept. 15, 2017, 5:52 p.m. EDT", "15. September 2017",
 * "15 de septiembre de 2017"); "2017/09/15", "15.09.2017"; day and month
 * in digits only when one of them is above 12 ("15/09/2017"); Chinese,
 * Japanese and Korean "2017年9月15日"; Unix time in seconds or
 * milliseconds.  A time without a zone is UTC.  Anything else, "09/05/2017"
 * or a zone not in the table among them, is unknown, never a guess.
 */
#include "core/core.h"
#include "read/read.h"
#include "text/text.h"

static int digits(const char *s, int n, int *out)
{
	int v = 0;
	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return 0;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return 1;
}

/* Whether y-m-d is a day of the calendar (years 1000 to 9999). */
static int valid_day(int y, int mo, int d)
{
	static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return y >= 1000 && y <= 9999 && mo >= 1 && mo <= 12 && d >= 1 && d <= mdays[mo - 1] &&
	       !(mo == 2 && d == 29 && !leap);
}

/* Days from 1970-01-01 to y-m-d (proleptic Gregorian). */
static int64_t days_from_civil(int64_t y, int m, int d)
{
	y -= m <= 2;
	int64_t era = (y >= 0 ? y : y - 399) / 400;
	int64_t yoe = y - era * 400;
	int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static int64_t parse_other(const char *s);

/* ISO 8601 and its news variants.  @return the time, or WT_TIME_UNKNOWN. */
static int64_t parse_iso(const char *s)
{
	int y, mo, d, h = 0, mi = 0, se = 0;
	size_t n = strlen(s);
	const char *t;
	if (n >= 10 && s[4] == '-' && s[7] == '-' && digits(s, 4, &y) &&
	    digits(s + 5, 2, &mo) && digits(s + 8, 2, &d)) {
		t = s + 10;
	} else if (n >= 8 && digits(s, 4, &y) && digits(s + 4, 2, &mo) &&
		   digits(s + 6, 2, &d) && (n == 8 || s[8] == 'T' || s[8] == ' ')) {
		t = s + 8;
	} else {
		return WT_TIME_UNKNOWN;
	}
	if (!valid_day(y, mo, d))
		return WT_TIME_UNKNOWN;
	int64_t off = 0;
	if (*t == 'T' || *t == ' ') {
		t++;
		if (!(digits(t, 2, &h) && t[2] == ':' && digits(t + 3, 2, &mi)))
			return *t ? WT_TIME_UNKNOWN : days_from_civil(y, mo, d) * 86400;
		t += 5;
		if (*t == ':' && digits(t + 1, 2, &se))
			t += 3;
		if (*t == '.' || *t == ',') {
			t++;
			while (*t >= '0' && *t <= '9')
				t++;
		}
		if (h > 23 || mi > 59 || se > 60)
			return WT_TIME_UNKNOWN;
		while (*t == ' ')
			t++;
		if (*t == 'Z' || *t == 'z') {
			t++;
		} else if (*t == '+' || *t == '-') {
			int oh, om = 0;
			int sign = *t == '-' ? -1 : 1;
			if (!digits(t + 1, 2, &oh))
				return WT_TIME_UNKNOWN;
			const char *u = t + 3;
			if (*u == ':')
				u++;
			if (digits(u, 2, &om))
				u += 2;
			off = sign * (oh * 3600 + om * 60);
			t = u;
		} else if (!strncmp(t, "UTC", 3) || !strncmp(t, "GMT", 3)) {
			t += 3;
		}
	}
	while (*t == ' ')
		t++;
	if (*t)
		return WT_TIME_UNKNOWN;
	return days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + se - off;
}

int64_t wt_parse_date(const char *s)
{
	if (!s)
		return WT_TIME_UNKNOWN;
	while (*s == ' ')
		s++;
	int64_t t = parse_iso(s);
	return t != WT_TIME_UNKNOWN || !*s ? t : parse_other(s);
}

/* ---- other ways of writing a date ------------------------------------- */

#define MAX_DTOK 32

/* A piece of a date string: a run of digits (kind 'n'), of letters ('w',
 * non-ASCII bytes included, ASCII lowered), or one other character. */
struct dtok {
	char kind;
	const char *s;
	size_t len;
	long long val; /* a number's value */
	char low[24];  /* a word, ASCII lowered (truncated) */
};

static size_t dtokens(const char *s, struct dtok *t)
{
	size_t n = 0;
	while (*s && n < MAX_DTOK) {
		unsigned char c = (unsigned char)*s;
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
			s++;
			continue;
		}
		struct dtok *k = &t[n++];
		memset(k, 0, sizeof(*k));
		k->s = s;
		if (c >= '0' && c <= '9') {
			k->kind = 'n';
			while (*s >= '0' && *s <= '9') {
				if (k->len < 18)
					k->val = k->val * 10 + (*s - '0');
				k->len++;
				s++;
			}
		} else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') {
			k->kind = 'w';
			while (((*s | 0x20) >= 'a' && (*s | 0x20) <= 'z') || (unsigned char)*s >= 0x80) {
				if (k->len + 1 < sizeof(k->low))
					k->low[k->len] = (char)(*s >= 'A' && *s <= 'Z' ? *s + 32 : *s);
				k->len++;
				s++;
			}
		} else if (c >= 0x80) {
			/* a word of another script (or 年, 月, 日 one by one) */
			size_t l = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
			k->kind = 'w';
			for (size_t i = 0; i < l && s[i]; i++)
				k->low[i] = s[i], k->len++;
			s += k->len;
		} else {
			k->kind = (char)c;
			k->len = 1;
			s++;
		}
	}
	return *s ? 0 : n; /* too many pieces: not a date */
}

static int word_is(const struct dtok *t, const char *w)
{
	return t->kind == 'w' && t->len < sizeof(t->low) && !strcmp(t->low, w);
}

static int month_word(const struct dtok *t)
{
	return t->kind == 'w' && t->len < sizeof(t->low) ? wt__month_name(t->low, t->len, NULL) : 0;
}

/* Weekday names, stepped over. */
static int weekday_word(const struct dtok *t)
{
	static const char *const days[] = {
		"mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
		"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
		"montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag",
		"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
		"lunes", "martes", "mi\u00e9rcoles", "jueves", "viernes", "s\u00e1bado", "domingo",
		NULL};
	for (int k = 0; days[k]; k++)
		if (word_is(t, days[k]))
			return 1;
	return 0;
}

/* Time zones by name, in minutes east of UTC.  Names that mean two zones
 * (IST, CST in China) are not here. */
static int zone_word(const struct dtok *t, int *off)
{
	static const struct {
		const char *w;
		int off;
	} zones[] = {
		{"z", 0}, {"utc", 0}, {"gmt", 0}, {"ut", 0}, {"est", -300}, {"edt", -240},
		{"cdt", -300}, {"mst", -420}, {"mdt", -360}, {"pst", -480}, {"pdt", -420},
		{"akst", -540}, {"akdt", -480}, {"hst", -600}, {"ast", -240}, {"adt", -180},
		{"bst", 60}, {"wet", 0}, {"west", 60}, {"cet", 60}, {"cest", 120}, {"met", 60},
		{"mez", 60}, {"mesz", 120}, {"eet", 120}, {"eest", 180}, {"msk", 180},
		{"pkt", 300}, {"sgt", 480}, {"hkt", 480}, {"jst", 540}, {"kst", 540},
		{"aest", 600}, {"aedt", 660}, {"acst", 570}, {"awst", 480}, {"nzst", 720},
		{"nzdt", 780}, {"wib", 420}, {"sast", 120}, {"cat", 120}, {"eat", 180},
		{"wat", 60}, {NULL, 0}};
	for (int k = 0; zones[k].w; k++)
		if (word_is(t, zones[k].w)) {
			*off = zones[k].off;
			return 1;
		}
	return 0;
}

/* Reads a zone from t[*i]: a name, "+0200", "+02:00", "-5", "GMT+2",
 * "UTC+05:30", "(UTC)".  @return 1 and *off in minutes, 0 if none is
 * there, -1 if what is there is not one. */
static int read_zone(const struct dtok *t, size_t n, size_t *i, int *off)
{
	size_t k = *i;
	int paren = k < n && t[k].kind == '(';
	k += paren;
	if (k >= n)
		return paren ? -1 : 0;
	int named = zone_word(&t[k], off);
	if (named)
		k++;
	else if (t[k].kind == 'w')
		return -1; /* a word that is no zone we know */
	if (k < n && (t[k].kind == '+' || t[k].kind == '-')) {
		int sign = t[k].kind == '-' ? -1 : 1;
		if (named && *off)
			return -1; /* "EST+1" */
		k++;
		if (k >= n || t[k].kind != 'n')
			return -1;
		long long h, m = 0;
		if (t[k].len == 4) {
			h = t[k].val / 100, m = t[k].val % 100;
			k++;
		} else if (t[k].len <= 2) {
			h = t[k].val;
			k++;
			if (k + 1 < n && t[k].kind == ':' && t[k + 1].kind == 'n' && t[k + 1].len == 2)
				m = t[k + 1].val, k += 2;
		} else {
			return -1;
		}
		if (h > 14 || m > 59)
			return -1;
		*off = sign * (int)(h * 60 + m);
	} else if (!named) {
		return paren ? -1 : 0;
	}
	if (paren) {
		if (k >= n || t[k].kind != ')')
			return -1;
		k++;
	}
	*i = k;
	return 1;
}

/* Reads a time of day from t[*i]: "17:52", "17:52:00", "17:52:00.123",
 * "5:52 pm", "5:52 p.m.", "5 p.m.", then a zone.  @return 1 with the
 * seconds into the day and the zone's offset in minutes, 0 if none is
 * there, -1 if what is there is not a time. */
static int read_time(const struct dtok *t, size_t n, size_t *i, int *secs, int *off)
{
	size_t k = *i;
	if (k >= n || t[k].kind != 'n' || t[k].len > 2)
		return 0;
	long long h = t[k].val, m = 0, sec = 0;
	k++;
	int clock = 0;
	if (k + 1 < n && t[k].kind == ':' && t[k + 1].kind == 'n' && t[k + 1].len == 2) {
		m = t[k + 1].val;
		k += 2;
		clock = 1;
		if (k + 1 < n && t[k].kind == ':' && t[k + 1].kind == 'n' && t[k + 1].len == 2) {
			sec = t[k + 1].val;
			k += 2;
			if (k + 1 < n && (t[k].kind == '.' || t[k].kind == ',') && t[k + 1].kind == 'n')
				k += 2;
		}
	}
	int pm = -1; /* am 0, pm 1 */
	if (k < n && (word_is(&t[k], "am") || word_is(&t[k], "pm"))) {
		pm = t[k].low[0] == 'p';
		k++;
	} else if (k + 3 < n && (word_is(&t[k], "a") || word_is(&t[k], "p")) && t[k + 1].kind == '.' &&
		   word_is(&t[k + 2], "m") && t[k + 3].kind == '.') {
		pm = t[k].low[0] == 'p';
		k += 4;
	}
	if (!clock && pm < 0)
		return -1; /* a lone number */
	if (pm >= 0) {
		if (h < 1 || h > 12)
			return -1;
		h = h % 12 + 12 * pm;
	}
	if (h > 23 || m > 59 || sec > 60)
		return -1;
	*off = 0;
	size_t z = k;
	int r = read_zone(t, n, &z, off);
	if (r < 0)
		return -1;
	*i = z;
	*secs = (int)(h * 3600 + m * 60 + sec);
	return 1;
}

/* Words that may stand between a date's parts or before its time. */
static int filler_word(const struct dtok *t)
{
	return word_is(t, "de") || word_is(t, "del") || word_is(t, "at") || word_is(t, "um") ||
	       word_is(t, "\u00e0") || word_is(t, "a") || word_is(t, "las") || word_is(t, "\u00e0s") ||
	       word_is(t, "alle") || word_is(t, "om") || word_is(t, "the") || word_is(t, "on");
}

static int64_t parse_other(const char *s)
{
	struct dtok t[MAX_DTOK];
	size_t n = dtokens(s, t), i = 0;
	if (!n)
		return WT_TIME_UNKNOWN;
	/* Unix time: seconds (2001 to 2096) or milliseconds */
	if (n == 1 && t[0].kind == 'n') {
		if (t[0].len == 10 && t[0].val >= 1000000000LL)
			return t[0].val;
		if (t[0].len == 13 && t[0].val >= 1000000000000LL)
			return t[0].val / 1000;
		return WT_TIME_UNKNOWN;
	}
	long long y = 0, mo = 0, d = 0;
	if (weekday_word(&t[i])) {
		i++;
		if (i < n && (t[i].kind == ',' || t[i].kind == '.'))
			i++;
	}
	/* 2017年9月15日, 2017년 9월 15일 */
	static const char *const cjk[][3] = {{"\u5e74", "\u6708", "\u65e5"},
					      {"\ub144", "\uc6d4", "\uc77c"}};
	for (int c = 0; c < 2 && !y; c++)
		if (i + 5 < n && t[i].kind == 'n' && t[i].len == 4 && word_is(&t[i + 1], cjk[c][0]) &&
		    t[i + 2].kind == 'n' && word_is(&t[i + 3], cjk[c][1]) && t[i + 4].kind == 'n' &&
		    word_is(&t[i + 5], cjk[c][2])) {
			y = t[i].val, mo = t[i + 2].val, d = t[i + 4].val;
			i += 6;
		}
	if (y) {
		/* then "17:52" or nothing */
	} else if (i + 4 < n && t[i].kind == 'n' && t[i].len == 4 && t[i + 2].kind == 'n' &&
		   t[i + 4].kind == 'n' && t[i + 2].len <= 2 && t[i + 4].len <= 2 &&
		   (t[i + 1].kind == '/' || t[i + 1].kind == '.' || t[i + 1].kind == '-') &&
		   t[i + 3].kind == t[i + 1].kind) {
		y = t[i].val, mo = t[i + 2].val, d = t[i + 4].val; /* 2017/09/15 */
		i += 5;
	} else if (i + 4 < n && t[i].kind == 'n' && t[i].len <= 2 && t[i + 2].kind == 'n' &&
		   t[i + 2].len <= 2 && t[i + 4].kind == 'n' && t[i + 4].len == 4 &&
		   (t[i + 1].kind == '/' || t[i + 1].kind == '.' || t[i + 1].kind == '-') &&
		   t[i + 3].kind == t[i + 1].kind) {
		long long a = t[i].val, b = t[i + 2].val;
		y = t[i + 4].val;
		if (t[i + 1].kind == '.' || a > 12)
			d = a, mo = b; /* 15.09.2017 (dots: day first everywhere), 15/09/2017 */
		else if (b > 12)
			mo = a, d = b; /* 09/15/2017 */
		else
			return WT_TIME_UNKNOWN; /* 09/05/2017: May or September */
		i += 5;
	} else if (i < n && t[i].kind == 'n' && t[i].len <= 2) {
		/* 15 Sep 2017, 15. September 2017, 15 de septiembre de 2017 */
		d = t[i++].val;
		if (i < n && t[i].kind == '.')
			i++;
		if (i < n && filler_word(&t[i]))
			i++;
		if (i >= n || !(mo = month_word(&t[i])))
			return WT_TIME_UNKNOWN;
		i++;
		if (i < n && t[i].kind == '.')
			i++;
		if (i < n && (t[i].kind == ',' || filler_word(&t[i])))
			i++;
		if (i >= n || t[i].kind != 'n' || t[i].len != 4)
			return WT_TIME_UNKNOWN;
		y = t[i++].val;
	} else if (i < n && (mo = month_word(&t[i]))) {
		/* Sept. 15, 2017; September 15th 2017 */
		i++;
		if (i < n && t[i].kind == '.')
			i++;
		if (i >= n || t[i].kind != 'n' || t[i].len > 2)
			return WT_TIME_UNKNOWN;
		d = t[i++].val;
		if (i < n && (word_is(&t[i], "st") || word_is(&t[i], "nd") || word_is(&t[i], "rd") ||
			      word_is(&t[i], "th")))
			i++;
		if (i < n && t[i].kind == ',')
			i++;
		if (i >= n || t[i].kind != 'n' || t[i].len != 4)
			return WT_TIME_UNKNOWN;
		y = t[i++].val;
	} else {
		return WT_TIME_UNKNOWN;
	}
	if (!valid_day((int)y, (int)mo, (int)d))
		return WT_TIME_UNKNOWN;
	int64_t time = days_from_civil(y, (int)mo, (int)d) * 86400;
	if (i < n && (t[i].kind == ',' || t[i].kind == '-' || t[i].kind == '|' || t[i].kind == 'T' ||
		      word_is(&t[i], "t")))
		i++;
	if (i < n && filler_word(&t[i]))
		i++;
	int secs = 0, off = 0, r = read_time(t, n, &i, &secs, &off);
	if (r < 0)
		return WT_TIME_UNKNOWN;
	if (r == 0 && (r = read_zone(t, n, &i, &off)) < 0)
		return WT_TIME_UNKNOWN; /* a zone alone: "15 Sep 2017 GMT" */
	int off2;
	size_t j = i;
	if (r > 0 && i < n && t[i].kind == '(' && read_zone(t, n, &j, &off2) > 0)
		i = j; /* e-mail's comment after the offset: "+0000 (UTC)" */
	if (i < n && t[i].kind == '.' && i + 1 == n)
		i++; /* the sentence's full stop */
	if (i != n)
		return WT_TIME_UNKNOWN;
	return time + secs - (int64_t)off * 60;
}

/* 1..12 for an English month's three-letter abbreviation (any case) at
 * s[0..3), else 0. */
static int month_abbr(const char *s)
{
	unsigned fl;
	int m = strnlen(s, 3) == 3 ? wt__month_name(s, 3, &fl) : 0;
	return m && (fl & WT_MONTH_EN) ? m : 0;
}

/* See read.h. */
int wt__url_date(const char *url, char out[11], int64_t *time)
{
	const char *p = url ? strstr(url, "://") : NULL;
	if (p) { /* the path: past the host, before a query or fragment */
		p += 3 + strcspn(p + 3, "/?#");
		if (*p != '/')
			p = NULL;
	}
	int found = 0;
	for (; p && *p && *p != '?' && *p != '#'; p++) {
		if (*p != '/' && *p != '-' && *p != '_')
			continue;
		const char *q = p + 1;
		size_t n = 0;
		while (n < 10 && q[n] && ((q[n] >= '0' && q[n] <= '9') || q[n] == '/' || q[n] == '-'))
			n++;
		int y, mo, d;
		size_t w; /* the date's length in the URL */
#define D2(i) ((q[i] - '0') * 10 + (q[i + 1] - '0'))
#define DIG(i) (q[i] >= '0' && q[i] <= '9')
		if (n >= 10 && DIG(0) && DIG(1) && DIG(2) && DIG(3) && (q[4] == '/' || q[4] == '-') &&
		    DIG(5) && DIG(6) && q[7] == q[4] && DIG(8) && DIG(9) && !DIG(10)) {
			y = D2(0) * 100 + D2(2), mo = D2(5), d = D2(8), w = 10;
		} else if (n >= 8 && DIG(0) && DIG(1) && DIG(2) && DIG(3) && DIG(4) && DIG(5) && DIG(6) &&
			   DIG(7) && (q[8] == '/' || q[8] == '-' || q[8] == '_')) {
			y = D2(0) * 100 + D2(2), mo = D2(4), d = D2(6), w = 8;
		} else if (n >= 10 && DIG(0) && DIG(1) && DIG(2) && DIG(3) && q[4] == '-' && DIG(5) &&
			   DIG(6) && q[7] == '/' && DIG(8) && DIG(9) && !DIG(10)) {
			y = D2(0) * 100 + D2(2), mo = D2(5), d = D2(8), w = 10; /* 2017-10/03 */
		} else if (n == 5 && DIG(0) && DIG(1) && DIG(2) && DIG(3) && q[4] == '/' &&
			   (mo = month_abbr(q + 5)) && q[8] == '/' && DIG(9) && DIG(10) && !DIG(11)) {
			y = D2(0) * 100 + D2(2), d = D2(9), w = 11; /* 2018/feb/04 */
		} else {
			continue;
		}
		/* A time after it ("2013-12-12-07-57-48", a section's made-on
		 * stamp in some CMSs) makes it no page's date. */
		if (q[w] == '-' && DIG(w + 1))
			continue;
#undef D2
#undef DIG
		char ymd[11];
		if (y < 1990 || y > 2100 || mo < 1 || mo > 12 || d < 1 || d > 31)
			continue;
		snprintf(ymd, sizeof(ymd), "%04d-%02d-%02d", y, mo, d);
		int64_t t = wt_parse_date(ymd);
		if (t == WT_TIME_UNKNOWN) /* not 2017/02/31 */
			continue;
		/* a whole path segment (/2016/11/13/, /20161113/) is the page's
		 * permalink; one inside a slug may name another day */
		char e = q[w];
		int whole = *p == '/' && (e == '/' || e == '\0' || e == '?' || e == '#');
		if (whole || !found) {
			memcpy(out, ymd, sizeof(ymd));
			if (time)
				*time = t;
			found = whole ? 2 : 1;
		}
		if (whole)
			break;
	}
	return found;
}
