/*
 * date.c - publication dates as news metadata writes them, to seconds since
 * the epoch in UTC: "2017-09-15", "2017-09-15T17:52:00", "...Z", "...+02:00",
 * "2017-09-15 17:52:00.123", "20170915".  Anything else is unknown, never a
 * guess.
 */
#include "core/core.h"
#include "read/read.h"

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

int64_t wt_parse_date(const char *s)
{
	if (!s)
		return WT_TIME_UNKNOWN;
	while (*s == ' ')
		s++;
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
	static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	if (mo < 1 || mo > 12 || d < 1 || d > mdays[mo - 1] || y < 1000 ||
	    (mo == 2 && d == 29 && !leap))
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

/* 1..12 for an English month's three-letter abbreviation (any case), else 0. */
static int month_abbr(const char *s)
{
	static const char m[] = "janfebmaraprmayjunjulaugsepoctnovdec";
	char c[3];
	for (int i = 0; i < 3; i++) {
		if (!s[i])
			return 0;
		c[i] = (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] + 32 : s[i]);
	}
	for (int k = 0; k < 12; k++)
		if (m[3 * k] == c[0] && m[3 * k + 1] == c[1] && m[3 * k + 2] == c[2])
			return k + 1;
	return 0;
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
