/*
 * test_read.c - unit tests of the corpus readers.  JSON Lines in memory:
 * the DESIGN.md field names and news-please's (maintext, date_publish,
 * source_domain), string escapes including \u00e9 and surrogate pairs, a
 * malformed line skipped and reported with its line number and an offset
 * inside it, a line without text skipped, blank lines, numeric ids, and
 * duplicate ids renamed "#2" with a warning.  Plain text: header lines,
 * the "date YYYY-MM-DD" first line, no headers, invalid UTF-8 replaced with
 * U+FFFD and reported at its byte offset, empty and binary inputs skipped.
 * wt_parse_date on the formats of news metadata, time zones included, and on
 * garbage.  wt_corpus_read_path on a directory tree made under /tmp at test
 * time (ids relative to the root, name order, hidden and unsupported files)
 * and on a missing path.  The depth guard in front of gumbo: elements that
 * do not nest, script and comments not counted, a page 100,000 elements
 * deep read up to the cut; a DOCTYPE after the start made a comment.  An
 * overlong numeric character reference gives U+FFFD, not bytes that are no
 * UTF-8.
 */
#include "helpers.h"
#include "read/html.h"
#include "text/text.h"

#include <sys/stat.h>
#include <unistd.h>

static struct wt_corpus *new_corpus(struct diags *ds)
{
	struct wt_corpus *c = NULL;
	assert_int_equal(wt_corpus_new(&c), WT_OK);
	assert_non_null(c);
	memset(ds, 0, sizeof(*ds));
	wt_corpus_set_diag(c, collect, ds);
	return c;
}

static void print_diags(const struct diags *ds)
{
	for (size_t i = 0; i < ds->n; i++)
		print_error("diag %d %s line %lld offset %lld: %s\n", (int)ds->v[i].kind,
			    ds->v[i].input, ds->v[i].line, ds->v[i].offset, ds->v[i].message);
}

/* ---- JSON Lines -------------------------------------------------------- */

static const char feed[] =
	/* line 1: every field, with escapes */
	"{\"id\":\"wire-001\",\"url\":\"https://example.com/2024/05/port\","
	"\"site\":\"example.com\",\"date\":\"2024-05-02T10:00:00Z\","
	"\"title\":\"Port reopens after \\\"storm\\\"\","
	"\"text\":\"The port reopened on Thursday.\\nShips waited \\\"for hours\\\" "
	"near the caf\\u00e9 \\ud83d\\ude00 terminal.\",\"tags\":[\"port\",{\"x\":1}],"
	"\"score\":-1.5e3,\"paywall\":false,\"author\":null}\n"
	/* line 2: news-please field names */
	"{\"title\":\"Ferry service resumes\",\"maintext\":\"Ferry service resumed "
	"on Friday, the operator said.\",\"date_publish\":\"2024-05-02 11:30:00\","
	"\"source_domain\":\"news.example.org\",\"url\":\"https://news.example.org/ferry\","
	"\"description\":\"A short summary.\"}\n"
	/* line 3: malformed, the string never closes */
	"{\"id\":\"wire-003\",\"text\":\"The line ends before the string closes}\n"
	/* line 4: blank */
	"   \n"
	/* line 5: no text */
	"{\"id\":\"wire-004\",\"title\":\"Headline only\"}\n"
	/* line 6: numeric id */
	"{\"id\": 42, \"text\": \"Officials counted 1,200 ballots by noon.\"}\n"
	/* line 7: blank */
	"\n"
	/* line 8: a repeated id */
	"{\"id\":\"wire-001\",\"text\":\"A corrected version of the port story.\"}\n"
	/* line 9: empty text */
	"{\"id\":\"wire-006\",\"text\":\"\"}\n"
	/* line 10: no final newline */
	"{\"id\":\"wire-007\",\"text\":\"Last line without a newline.\"}";

/* @return the byte offset at which 1-based line `line` of s starts. */
static size_t line_start(const char *s, size_t len, long long line)
{
	size_t off = 0;
	for (long long l = 1; l < line; l++) {
		const char *nl = memchr(s + off, '\n', len - off);
		assert_non_null(nl);
		off = (size_t)(nl - s) + 1;
	}
	return off;
}

static void test_jsonl_fields(void **state)
{
	(void)state;
	struct diags ds;
	struct wt_corpus *c = new_corpus(&ds);
	assert_int_equal(wt_corpus_read_memory(c, "feed.jsonl", feed, sizeof(feed) - 1,
					       WT_FORMAT_AUTO),
			 WT_OK);
	if (wt_corpus_count(c) != 5)
		print_diags(&ds);
	assert_int_equal(wt_corpus_count(c), 5);

	const struct wt_article *a = wt_corpus_get(c, 0);
	assert_string_equal(a->id, "wire-001");
	assert_string_equal(a->url, "https://example.com/2024/05/port");
	assert_string_equal(a->site, "example.com");
	assert_string_equal(a->date, "2024-05-02T10:00:00Z");
	assert_true(a->time == 1714644000);
	assert_string_equal(a->title, "Port reopens after \"storm\"");
	assert_string_equal(a->text, "The port reopened on Thursday.\nShips waited \"for hours\" "
				     "near the caf\xC3\xA9 \xF0\x9F\x98\x80 terminal.");
	assert_int_equal(a->text_len, strlen(a->text));

	a = wt_corpus_get(c, 1);
	assert_string_equal(a->id, "feed.jsonl:2");
	assert_string_equal(a->text, "Ferry service resumed on Friday, the operator said.");
	assert_string_equal(a->site, "news.example.org");
	assert_string_equal(a->date, "2024-05-02 11:30:00");
	assert_true(a->time == 1714649400);
	assert_string_equal(a->title, "Ferry service resumes");
	assert_string_equal(a->url, "https://news.example.org/ferry");

	a = wt_corpus_get(c, 2);
	assert_string_equal(a->id, "42");
	assert_string_equal(a->text, "Officials counted 1,200 ballots by noon.");
	assert_null(a->url);
	assert_null(a->site);
	assert_null(a->date);
	assert_null(a->title);
	assert_true(a->time == WT_TIME_UNKNOWN);

	a = wt_corpus_get(c, 3);
	assert_string_equal(a->id, "wire-001#2");
	assert_string_equal(a->text, "A corrected version of the port story.");

	a = wt_corpus_get(c, 4);
	assert_string_equal(a->id, "wire-007");
	assert_string_equal(a->text, "Last line without a newline.");
	assert_null(wt_corpus_get(c, 5));

	struct wt_read_stats st;
	wt_corpus_stats(c, &st);
	assert_int_equal(st.inputs, 1);
	assert_int_equal(st.articles, 5);
	assert_int_equal(st.skipped, 3); /* lines 3, 5 and 9 */
	assert_int_equal(st.warnings, 1);
	assert_int_equal(st.errors, 0);

	/* Each skip and the warning reached the callback, with its line. */
	assert_int_equal(ds.n, 4);
	int seen3 = 0, seen5 = 0, seen8 = 0, seen9 = 0;
	for (size_t i = 0; i < ds.n; i++) {
		const struct diag_rec *d = &ds.v[i];
		assert_string_equal(d->input, "feed.jsonl");
		assert_true(d->message[0] != 0);
		if (d->line == 3) {
			seen3++;
			assert_int_equal(d->kind, WT_DIAG_SKIP);
			/* The fault is reported inside line 3. */
			size_t from = line_start(feed, sizeof(feed) - 1, 3);
			size_t to = line_start(feed, sizeof(feed) - 1, 4);
			assert_true(d->offset >= (long long)from && d->offset < (long long)to);
		} else if (d->line == 5) {
			seen5++;
			assert_int_equal(d->kind, WT_DIAG_SKIP);
		} else if (d->line == 8) {
			seen8++;
			assert_int_equal(d->kind, WT_DIAG_WARNING);
			assert_non_null(strstr(d->message, "wire-001"));
		} else if (d->line == 9) {
			seen9++;
			assert_int_equal(d->kind, WT_DIAG_SKIP);
		}
	}
	if (!(seen3 == 1 && seen5 == 1 && seen8 == 1 && seen9 == 1))
		print_diags(&ds);
	assert_int_equal(seen3, 1);
	assert_int_equal(seen5, 1);
	assert_int_equal(seen8, 1);
	assert_int_equal(seen9, 1);
	wt_corpus_free(c);
}

static void test_jsonl_malformed_lines(void **state)
{
	(void)state;
	static const char bad[] =
		"{\"id\":\"a\",\"text\":\"Valid record one.\"}\n"
		"{\"id\":\"b\",\"text\":\"Trailing comma.\",}\n"
		"[\"not\",\"an\",\"object\"]\n"
		"{\"id\":\"c\",\"text\":\"Bad escape \\q here.\"}\n"
		"{\"id\":\"d\",\"text\":\"Two objects.\"} {\"id\":\"e\"}\n"
		"{\"id\":\"f\",\"text\":\"Lone surrogate \\ud83d end.\"}\n"
		"{\"id\":\"g\" \"text\":\"Missing colon and comma.\"}\n"
		"{\"id\":\"h\",\"text\":\"Valid record two.\"}\n";
	struct diags ds;
	struct wt_corpus *c = new_corpus(&ds);
	assert_int_equal(wt_corpus_read_memory(c, "-", bad, sizeof(bad) - 1, WT_FORMAT_JSONL),
			 WT_OK);
	assert_int_equal(wt_corpus_count(c), 3);
	assert_string_equal(wt_corpus_get(c, 0)->id, "a");
	/* An unpaired surrogate is replaced, not fatal. */
	assert_string_equal(wt_corpus_get(c, 1)->id, "f");
	assert_string_equal(wt_corpus_get(c, 1)->text, "Lone surrogate \xEF\xBF\xBD end.");
	assert_string_equal(wt_corpus_get(c, 2)->id, "h");
	struct wt_read_stats st;
	wt_corpus_stats(c, &st);
	assert_int_equal(st.skipped, 5);
	static const long long lines[] = {2, 3, 4, 5, 7};
	assert_int_equal(ds.n, 5);
	for (size_t i = 0; i < 5; i++) {
		assert_int_equal(ds.v[i].kind, WT_DIAG_SKIP);
		assert_int_equal(ds.v[i].line, lines[i]);
		size_t from = line_start(bad, sizeof(bad) - 1, lines[i]);
		size_t to = line_start(bad, sizeof(bad) - 1, lines[i] + 1);
		assert_true(ds.v[i].offset >= (long long)from && ds.v[i].offset < (long long)to);
	}
	wt_corpus_free(c);
}

static void test_jsonl_invalid_utf8(void **state)
{
	(void)state;
	/* A raw Latin-1 byte inside a JSON string. */
	static const char data[] =
		"{\"id\":\"x1\",\"text\":\"Caf\xE9 owners protest new rules.\"}\n";
	struct diags ds;
	struct wt_corpus *c = new_corpus(&ds);
	assert_int_equal(wt_corpus_read_memory(c, "latin1.jsonl", data, sizeof(data) - 1,
					       WT_FORMAT_AUTO),
			 WT_OK);
	assert_int_equal(wt_corpus_count(c), 1);
	assert_string_equal(wt_corpus_get(c, 0)->text, "Caf\xEF\xBF\xBD owners protest new rules.");
	assert_int_equal(ds.n, 1);
	assert_int_equal(ds.v[0].kind, WT_DIAG_WARNING);
	assert_int_equal(ds.v[0].line, 1);
	assert_int_equal(ds.v[0].offset, (long long)(strchr(data, '\xE9') - data));
	wt_corpus_free(c);
}

static void test_jsonl_broken_surrogate_pair(void **state)
{
	(void)state;
	/* A high surrogate followed by an escape that is not a low surrogate:
	 * the surrogate becomes U+FFFD and the next character is kept. */
	static const char data[] =
		"{\"id\":\"s1\",\"text\":\"Fans cheered \\ud83d\\u0041ND sang.\"}\n"
		"{\"id\":\"s2\",\"text\":\"Lone low \\ude00 and high \\ud83d at the end\\ud83d\"}\n";
	struct diags ds;
	struct wt_corpus *c = new_corpus(&ds);
	assert_int_equal(wt_corpus_read_memory(c, "emoji.jsonl", data, sizeof(data) - 1,
					       WT_FORMAT_AUTO),
			 WT_OK);
	assert_int_equal(wt_corpus_count(c), 2);
	assert_string_equal(wt_corpus_get(c, 1)->text,
			    "Lone low \xEF\xBF\xBD and high \xEF\xBF\xBD at the end\xEF\xBF\xBD");
	assert_string_equal(wt_corpus_get(c, 0)->text,
			    "Fans cheered \xEF\xBF\xBD" "AND sang.");
	wt_corpus_free(c);
}

static void test_jsonl_invalid_utf8_after_escape(void **state)
{
	(void)state;
	/* The text has an escape (so it is decoded) and then a raw invalid
	 * byte: the warning must still give the byte's offset in the input. */
	static const char data[] =
		"{\"id\":\"x1\",\"text\":\"First valid record.\"}\n"
		"{\"id\":\"x2\",\"text\":\"Line one\\nCaf\xE9 owners protest.\"}\n";
	struct diags ds;
	struct wt_corpus *c = new_corpus(&ds);
	assert_int_equal(wt_corpus_read_memory(c, "mixed.jsonl", data, sizeof(data) - 1,
					       WT_FORMAT_AUTO),
			 WT_OK);
	assert_int_equal(wt_corpus_count(c), 2);
	assert_string_equal(wt_corpus_get(c, 1)->text, "Line one\nCaf\xEF\xBF\xBD owners protest.");
	assert_int_equal(ds.n, 1);
	assert_int_equal(ds.v[0].kind, WT_DIAG_WARNING);
	assert_int_equal(ds.v[0].line, 2);
	wt_corpus_free(c);
	long long want = (long long)(strchr(data, '\xE9') - data);
	if (ds.v[0].offset != want && ds.v[0].offset >= 0 &&
	    ds.v[0].offset < (long long)sizeof(data))
		print_error("offset %lld points at \"%.12s\", expected %lld\n", ds.v[0].offset,
			    data + ds.v[0].offset, want);
	assert_int_equal(ds.v[0].offset, want);
}

/* ---- plain text -------------------------------------------------------- */

static void test_text_headers(void **state)
{
	(void)state;
	static const char data[] =
		"title: Floods close schools in the north\n"
		"date: 2024-03-15\n"
		"site: example.net\n"
		"url: https://example.net/2024/floods\n"
		"\n"
		"Heavy rain closed 40 schools on Friday.\n"
		"Officials said classes would resume on Monday.\n";
	struct diags ds;
	struct wt_corpus *c = new_corpus(&ds);
	assert_int_equal(wt_corpus_read_memory(c, "stories/floods.txt", data, sizeof(data) - 1,
					       WT_FORMAT_AUTO),
			 WT_OK);
	assert_int_equal(wt_corpus_count(c), 1);
	const struct wt_article *a = wt_corpus_get(c, 0);
	assert_string_equal(a->id, "floods.txt");
	assert_string_equal(a->title, "Floods close schools in the north");
	assert_string_equal(a->date, "2024-03-15");
	assert_true(a->time == 1710460800);
	assert_string_equal(a->site, "example.net");
	assert_string_equal(a->url, "https://example.net/2024/floods");
	/* The body is kept byte for byte. */
	const char *body = strstr(data, "Heavy rain");
	assert_string_equal(a->text, body);
	assert_int_equal(a->text_len, strlen(body));
	assert_int_equal(ds.n, 0);
	wt_corpus_free(c);
}

static void test_text_leading_date(void **state)
{
	(void)state;
	static const char data[] =
		"date 2026-03-15\n"
		"The council voted on Sunday to extend the tram line to the airport.\n";
	struct diags ds;
	struct wt_corpus *c = new_corpus(&ds);
	assert_int_equal(wt_corpus_read_memory(c, "tram.txt", data, sizeof(data) - 1,
					       WT_FORMAT_TEXT),
			 WT_OK);
	assert_int_equal(wt_corpus_count(c), 1);
	const struct wt_article *a = wt_corpus_get(c, 0);
	assert_string_equal(a->date, "2026-03-15");
	assert_true(a->time == 1773532800);
	assert_string_equal(a->text,
			    "The council voted on Sunday to extend the tram line to the airport.\n");
	assert_null(a->title);
	wt_corpus_free(c);
}

static void test_text_no_headers(void **state)
{
	(void)state;
	static const char data[] =
		"Update: talks resume in Geneva\n"
		"Negotiators returned to the table on Wednesday: both sides said\n"
		"progress was possible.\n";
	struct diags ds;
	struct wt_corpus *c = new_corpus(&ds);
	assert_int_equal(wt_corpus_read_memory(c, "talks", data, sizeof(data) - 1,
					       WT_FORMAT_AUTO),
			 WT_OK);
	assert_int_equal(wt_corpus_count(c), 1);
	const struct wt_article *a = wt_corpus_get(c, 0);
	assert_string_equal(a->id, "talks");
	assert_string_equal(a->text, data);
	assert_null(a->title);
	assert_null(a->date);
	assert_null(a->url);
	assert_true(a->time == WT_TIME_UNKNOWN);
	assert_int_equal(ds.n, 0);
	wt_corpus_free(c);
}

static void test_text_invalid_utf8(void **state)
{
	(void)state;
	static const char plain[] = "The mayor\xFF said on Monday that \xC3 fares would rise.\n";
	struct diags ds;
	struct wt_corpus *c = new_corpus(&ds);
	assert_int_equal(wt_corpus_read_memory(c, "fares.txt", plain, sizeof(plain) - 1,
					       WT_FORMAT_TEXT),
			 WT_OK);
	assert_int_equal(wt_corpus_count(c), 1);
	const struct wt_article *a = wt_corpus_get(c, 0);
	assert_string_equal(a->text, "The mayor\xEF\xBF\xBD said on Monday that \xEF\xBF\xBD "
				     "fares would rise.\n");
	assert_int_equal(a->text_len, strlen(a->text));
	struct wt_read_stats st;
	wt_corpus_stats(c, &st);
	assert_int_equal(st.warnings, 2); /* both repairs counted */
	assert_true(ds.n >= 1);
	assert_int_equal(ds.v[0].kind, WT_DIAG_WARNING);
	assert_int_equal(ds.v[0].offset, 9);
	assert_string_equal(ds.v[0].input, "fares.txt");
	wt_corpus_free(c);

	/* Behind headers, the offset is still in the input. */
	static const char headed[] = "title: Budget vote\n\nThe \xC3 budget passed.\n";
	c = new_corpus(&ds);
	assert_int_equal(wt_corpus_read_memory(c, "budget.txt", headed, sizeof(headed) - 1,
					       WT_FORMAT_AUTO),
			 WT_OK);
	assert_int_equal(wt_corpus_count(c), 1);
	assert_string_equal(wt_corpus_get(c, 0)->text, "The \xEF\xBF\xBD budget passed.\n");
	assert_int_equal(ds.n, 1);
	assert_int_equal(ds.v[0].kind, WT_DIAG_WARNING);
	assert_int_equal(ds.v[0].offset, (long long)(strchr(headed, '\xC3') - headed));
	wt_corpus_free(c);
}

static void test_empty_and_binary(void **state)
{
	(void)state;
	struct diags ds;
	struct wt_corpus *c = new_corpus(&ds);
	assert_int_equal(wt_corpus_read_memory(c, "empty.txt", "", 0, WT_FORMAT_AUTO), WT_OK);
	assert_int_equal(wt_corpus_read_memory(c, "blank.txt", " \n\n\t\n", 5, WT_FORMAT_AUTO),
			 WT_OK);
	static const char bin[] = "PK\x03\x04\x14\0\0\0\x08\0story.txt\0\0\x9c\x01";
	assert_int_equal(wt_corpus_read_memory(c, "archive", bin, sizeof(bin) - 1,
					       WT_FORMAT_AUTO),
			 WT_OK);
	/* Text with a NUL byte is binary as well, even when asked for text. */
	static const char nul[] = "The minister\0 resigned.";
	assert_int_equal(wt_corpus_read_memory(c, "nul.txt", nul, sizeof(nul) - 1,
					       WT_FORMAT_TEXT),
			 WT_OK);
	assert_int_equal(wt_corpus_count(c), 0);
	struct wt_read_stats st;
	wt_corpus_stats(c, &st);
	assert_int_equal(st.inputs, 4);
	assert_int_equal(st.skipped, 4);
	assert_int_equal(st.articles, 0);
	assert_int_equal(ds.n, 4);
	static const char *const names[] = {"empty.txt", "blank.txt", "archive", "nul.txt"};
	for (size_t i = 0; i < 4; i++) {
		assert_int_equal(ds.v[i].kind, WT_DIAG_SKIP);
		assert_string_equal(ds.v[i].input, names[i]);
	}
	wt_corpus_free(c);
}

static void test_corpus_add(void **state)
{
	(void)state;
	struct diags ds;
	struct wt_corpus *c = new_corpus(&ds);
	struct wt_article in = {0};
	in.id = "agency-17";
	in.title = "Rates held";
	in.date = "2024-05-02T12:00:00+02:00";
	in.text = "The central bank held rates \xFF steady.";
	in.text_len = strlen(in.text);
	in.time = WT_TIME_UNKNOWN;
	assert_int_equal(wt_corpus_add(c, &in), WT_OK);
	assert_int_equal(wt_corpus_add(c, &in), WT_OK);
	assert_int_equal(wt_corpus_count(c), 2);
	const struct wt_article *a = wt_corpus_get(c, 0);
	assert_ptr_not_equal(a->text, in.text); /* copied */
	assert_string_equal(a->text, "The central bank held rates \xEF\xBF\xBD steady.");
	assert_true(a->time == 1714644000);
	assert_string_equal(wt_corpus_get(c, 1)->id, "agency-17#2");
	in.text = NULL;
	assert_int_equal(wt_corpus_add(c, &in), WT_ERR_INVALID);
	wt_corpus_free(c);
}

/* ---- dates ------------------------------------------------------------- */

static void test_parse_date(void **state)
{
	(void)state;
	const int64_t t = 1505497920; /* 2017-09-15 17:52:00 UTC */
	assert_true(wt_parse_date("2017-09-15") == 1505433600);
	assert_true(wt_parse_date("20170915") == 1505433600);
	assert_true(wt_parse_date("2017-09-15T17:52:00") == t);
	assert_true(wt_parse_date("2017-09-15T17:52") == t);
	assert_true(wt_parse_date("2017-09-15T17:52:00Z") == t);
	assert_true(wt_parse_date("2017-09-15 17:52:00") == t);
	assert_true(wt_parse_date("2017-09-15 17:52:00.123") == t);
	assert_true(wt_parse_date("2017-09-15T17:52:00.123456Z") == t);
	assert_true(wt_parse_date("2017-09-15T19:52:00+02:00") == t);
	assert_true(wt_parse_date("2017-09-15T19:52:00+0200") == t);
	assert_true(wt_parse_date("2017-09-15T12:52:00-05:00") == t);
	assert_true(wt_parse_date("2017-09-15T23:22:00+05:30") == t);
	assert_true(wt_parse_date("2017-09-15 17:52:00 UTC") == t);
	assert_true(wt_parse_date("  2017-09-15T17:52:00Z  ") == t);
	assert_true(wt_parse_date("1987-02-26 15:01:01") == 541350061);
	assert_true(wt_parse_date("2000-02-29T23:59:59Z") == 951868799);
	assert_true(wt_parse_date("1969-12-31T23:00:00Z") == -3600);
	/* A zone that moves the time across midnight and the year. */
	assert_true(wt_parse_date("2017-01-01T01:00:00+02:00") ==
		    wt_parse_date("2016-12-31T23:00:00Z"));

	/* Feeds, e-mail, pages and CMSs write dates in many other ways. */
	const int64_t day = 1505433600; /* 2017-09-15 00:00 UTC */
	static const struct {
		const char *s;
		int64_t dt; /* from t */
	} other[] = {
		{"Fri, 15 Sep 2017 17:52:00 GMT", 0},
		{"Fri, 15 Sep 2017 19:52:00 +0200", 0},
		{"Fri, 15 Sep 2017 17:52:00 +0000 (UTC)", 0},
		{"15 Sep 2017 12:52 EST", 0},
		{"Sept. 15, 2017, 1:52 p.m. EDT", 0},
		{"September 15th 2017 at 5:52 pm", 0},
		{"Friday, September 15, 2017 - 17:52", 0},
		{"15 September 2017 | 17:52 GMT", 0},
		{"Fri Sep 15 2017 17:52:00 GMT+0000", 0},
		{"2017-09-15T10:52:00 PDT", 0},
		{"15.09.2017 19:52 MESZ", 0},
		{"1505497920", 0},
		{"1505497920000", 0},
		{"15. September 2017", day - t},
		{"15 septembre 2017", day - t},
		{"15 de septiembre de 2017", day - t},
		{"15 settembre 2017", day - t},
		{"2017/09/15", day - t},
		{"2017-9-15", day - t},
		{"15/09/2017", day - t},
		{"09/15/2017", day - t},
		{"2017\u5e749\u670815\u65e5", day - t},
		{"2017\ub144 9\uc6d4 15\uc77c", day - t},
	};
	for (size_t i = 0; i < sizeof(other) / sizeof(other[0]); i++) {
		int64_t v = wt_parse_date(other[i].s);
		if (v != t + other[i].dt)
			print_error("\"%s\" parsed as %lld, expected %lld\n", other[i].s,
				    (long long)v, (long long)(t + other[i].dt));
		assert_true(v == t + other[i].dt);
	}

	static const char *const garbage[] = {
		"", "   ", "yesterday", "09/05/2017" /* May or September */,
		"2017-13-01", "2017-00-10", "Sept 15", "September 2017", "15 Foo 2017",
		"2017-09-00", "2017-09-32", "2017-09-15T25:00:00", "31.02.2017",
		"2017-09-15T17:61:00", "2017-09-15Tnoon", "2017-09-15 garbage",
		"2017-09-15T17:52:00+xx", "2017-09-15T17:52:00 PST5", "201709",
		"15 Sep 2017 17:52 CST" /* the US's or China's */, "15 Sep 2017 13:52 pm",
		"0000-01-01", "123456789", "15 Sep 2017 17:52 GMT trailing words",
	};
	/* Every wrong answer is listed before the test fails. */
	int wrong = 0;
	for (size_t i = 0; i < sizeof(garbage) / sizeof(garbage[0]); i++) {
		int64_t v = wt_parse_date(garbage[i]);
		if (v != WT_TIME_UNKNOWN) {
			print_error("\"%s\" parsed as %lld, expected WT_TIME_UNKNOWN\n",
				    garbage[i], (long long)v);
			wrong++;
		}
	}
	assert_int_equal(wrong, 0);
	assert_true(wt_parse_date(NULL) == WT_TIME_UNKNOWN);
}

/* A day that the month does not have is unknown, not rolled over into the
 * next month ("never a guess", date.c). */
static void test_parse_date_impossible_day(void **state)
{
	(void)state;
	assert_true(wt_parse_date("2024-02-29") == 1709164800); /* a leap year */
	assert_true(wt_parse_date("2023-04-30T08:00:00Z") == 1682841600);
	static const char *const impossible[] = {
		"2023-02-30", "2023-04-31", "2019-02-29", "2100-02-29",
		"2023-06-31T10:00:00Z", "20230931",
	};
	int wrong = 0;
	for (size_t i = 0; i < sizeof(impossible) / sizeof(impossible[0]); i++) {
		int64_t v = wt_parse_date(impossible[i]);
		if (v != WT_TIME_UNKNOWN) {
			print_error("\"%s\" parsed as %lld, expected WT_TIME_UNKNOWN\n",
				    impossible[i], (long long)v);
			wrong++;
		}
	}
	assert_int_equal(wrong, 0);
}

static void test_unknown_date_warns(void **state)
{
	(void)state;
	static const char data[] = "date: last Tuesday\n\nThe strike entered its third week.\n";
	struct diags ds;
	struct wt_corpus *c = new_corpus(&ds);
	assert_int_equal(wt_corpus_read_memory(c, "strike.txt", data, sizeof(data) - 1,
					       WT_FORMAT_AUTO),
			 WT_OK);
	assert_int_equal(wt_corpus_count(c), 1);
	const struct wt_article *a = wt_corpus_get(c, 0);
	assert_string_equal(a->date, "last Tuesday");
	assert_true(a->time == WT_TIME_UNKNOWN);
	assert_int_equal(ds.n, 1);
	assert_int_equal(ds.v[0].kind, WT_DIAG_WARNING);
	wt_corpus_free(c);
}

/* A news URL's day is the publication's when the date is missing, or more
 * than a week later (a modified or crawled date); a date within a week of
 * it stays. */
static void test_url_dates(void **state)
{
	(void)state;
	static const char data[] =
		"{\"id\":\"late\",\"url\":\"https://news.example/sport/2016/11/13/race-third/\","
		"\"date\":\"2017-03-22T14:21:01\",\"text\":\"He finished third.\"}\n"
		"{\"id\":\"none\",\"url\":\"https://news.example/world/20171229-oil-ship.html\","
		"\"text\":\"The ship was seized.\"}\n"
		"{\"id\":\"close\",\"url\":\"https://news.example/2016/07/15/truck/\","
		"\"date\":\"2016-07-14T21:30:00\",\"text\":\"A truck drove into the crowd.\"}\n"
		"{\"id\":\"next-day\",\"url\":\"https://news.example/2016/07/15/truck-2/\","
		"\"date\":\"2016-07-21T08:00:00\",\"text\":\"The inquiry began.\"}\n"
		"{\"id\":\"host\",\"url\":\"https://2016.example/11/13/x/\","
		"\"text\":\"No date here.\"}\n"
		"{\"id\":\"month\",\"url\":\"https://paper.example/culture/2018/feb/04/show\","
		"\"text\":\"The show was short.\"}\n"
		"{\"id\":\"dash-slash\",\"url\":\"http://daily.example/world/2017-10/03/content_3.htm\","
		"\"text\":\"Fifty were killed.\"}\n"
		"{\"id\":\"cut\",\"url\":\"https://paper.example/2018/feb/4\","
		"\"text\":\"Half a date.\"}\n"
		"{\"id\":\"no-day\",\"url\":\"https://paper.example/2017/02/31/x/\","
		"\"date\":\"2018-05-01\",\"text\":\"No such day.\"}\n"
		/* a date in a slug fills, never replaces */
		"{\"id\":\"slug\",\"url\":\"https://paper.example/world/paris-attacks-2015-11-13-a-year-on\","
		"\"date\":\"2016-11-13T09:00:00Z\",\"text\":\"A year on.\"}\n"
		/* a section's stamp with its time is no date; the permalink after it is */
		"{\"id\":\"stamp\",\"url\":\"http://tv.example/2013-12-12-07-57-48/news/2014/03/10/finale\","
		"\"text\":\"The finale.\"}\n"
		"{\"id\":\"query\",\"url\":\"https://search.example?d=/2016/11/13/\","
		"\"text\":\"A search page.\"}\n";
	struct diags ds;
	struct wt_corpus *c = new_corpus(&ds);
	assert_int_equal(wt_corpus_read_memory(c, "dates.jsonl", data, sizeof(data) - 1,
					       WT_FORMAT_JSONL),
			 WT_OK);
	assert_int_equal(wt_corpus_count(c), 12);
	const struct wt_article *a = wt_corpus_get(c, 0);
	assert_string_equal(a->date, "2016-11-13");
	assert_true(a->time == wt_parse_date("2016-11-13"));
	a = wt_corpus_get(c, 1);
	assert_string_equal(a->date, "2017-12-29");
	a = wt_corpus_get(c, 2);
	assert_string_equal(a->date, "2016-07-14T21:30:00");
	a = wt_corpus_get(c, 3);
	assert_string_equal(a->date, "2016-07-21T08:00:00");
	assert_null(wt_corpus_get(c, 4)->date);
	assert_string_equal(wt_corpus_get(c, 5)->date, "2018-02-04");
	assert_string_equal(wt_corpus_get(c, 6)->date, "2017-10-03");
	assert_null(wt_corpus_get(c, 7)->date);
	assert_string_equal(wt_corpus_get(c, 8)->date, "2018-05-01"); /* 02/31: no date */
	assert_string_equal(wt_corpus_get(c, 9)->date, "2016-11-13T09:00:00Z");
	assert_string_equal(wt_corpus_get(c, 10)->date, "2014-03-10");
	assert_null(wt_corpus_get(c, 11)->date);
	/* the replaced date is reported where it was, the filled one is not */
	if (ds.n != 1)
		print_diags(&ds);
	assert_int_equal(ds.n, 1);
	assert_int_equal(ds.v[0].kind, WT_DIAG_WARNING);
	assert_int_equal(ds.v[0].line, 1);
	assert_non_null(strstr(ds.v[0].message, "2016-11-13"));
	wt_corpus_free(c);
}

/* ---- files and directories --------------------------------------------- */

static void make_dir(const char *dir, const char *rel)
{
	char path[1024];
	snprintf(path, sizeof(path), "%s/%s", dir, rel);
	assert_int_equal(mkdir(path, 0700), 0);
}

static void remove_path(const char *dir, const char *rel, int is_dir)
{
	char path[1024];
	snprintf(path, sizeof(path), "%s/%s", dir, rel);
	if (is_dir)
		rmdir(path);
	else
		unlink(path);
}

#define PUT(dir, rel, lit) write_file((dir), (rel), (lit), sizeof(lit) - 1)

static void test_read_directory(void **state)
{
	(void)state;
	char root[] = "/tmp/wt_test_read_XXXXXX";
	assert_non_null(mkdtemp(root));
	make_dir(root, "a");
	make_dir(root, "c");
	make_dir(root, "c/d");
	make_dir(root, ".git");
	PUT(root, "b.txt", "title: Second story\n\nThe second story is about bridges.\n");
	PUT(root, "a/z.txt", "Zeta: a story in folder a about harbours.\n");
	PUT(root, "a/m.txt", "A story in folder a about museums.\n");
	PUT(root, "c/d/e.txt", "A deeply nested story about tunnels.\n");
	PUT(root, ".hidden.txt", "A hidden file that must not be read.\n");
	PUT(root, ".git/HEAD", "ref: refs/heads/main\n");
	PUT(root, "feed.jsonl",
	    "{\"id\":\"j1\",\"text\":\"First wire record about rail.\"}\n"
	    "{\"id\":\"j2\",\"text\":\"Second wire record about roads.\"}\n");
	PUT(root, "photo.png", "\x89PNG\r\n\x1a\n\0\0\0\rIHDR");

	static const char *const want_ids[] = {"a/m.txt", "a/z.txt", "b.txt", "c/d/e.txt",
					       "j1", "j2"};
	static const char *const want_text[] = {
		"A story in folder a about museums.\n",
		"Zeta: a story in folder a about harbours.\n",
		"The second story is about bridges.\n",
		"A deeply nested story about tunnels.\n",
		"First wire record about rail.",
		"Second wire record about roads.",
	};
	for (int pass = 0; pass < 2; pass++) {
		char path[1100];
		snprintf(path, sizeof(path), "%s%s", root, pass ? "/" : "");
		struct diags ds;
		struct wt_corpus *c = new_corpus(&ds);
		assert_int_equal(wt_corpus_read_path(c, path, WT_FORMAT_AUTO), WT_OK);
		if (wt_corpus_count(c) != 6)
			print_diags(&ds);
		assert_int_equal(wt_corpus_count(c), 6);
		for (size_t i = 0; i < 6; i++) {
			const struct wt_article *a = wt_corpus_get(c, i);
			assert_string_equal(a->id, want_ids[i]);
			assert_string_equal(a->text, want_text[i]);
		}
		assert_string_equal(wt_corpus_get(c, 2)->title, "Second story");
		struct wt_read_stats st;
		wt_corpus_stats(c, &st);
		assert_int_equal(st.articles, 6);
		assert_int_equal(st.inputs, 5);
		assert_int_equal(st.skipped, 1); /* photo.png */
		assert_int_equal(st.errors, 0);
		assert_int_equal(ds.n, 1);
		assert_int_equal(ds.v[0].kind, WT_DIAG_SKIP);
		assert_non_null(strstr(ds.v[0].input, "photo.png"));
		wt_corpus_free(c);
	}

	/* A file named directly: its id is the base name. */
	char file[1100];
	snprintf(file, sizeof(file), "%s/a/m.txt", root);
	struct diags ds;
	struct wt_corpus *c = new_corpus(&ds);
	assert_int_equal(wt_corpus_read_path(c, file, WT_FORMAT_AUTO), WT_OK);
	assert_int_equal(wt_corpus_count(c), 1);
	assert_string_equal(wt_corpus_get(c, 0)->id, "m.txt");
	wt_corpus_free(c);

	/* A missing path is an I/O error, reported. */
	char missing[1100];
	snprintf(missing, sizeof(missing), "%s/no-such-dir", root);
	c = new_corpus(&ds);
	assert_int_equal(wt_corpus_read_path(c, missing, WT_FORMAT_AUTO), WT_ERR_IO);
	assert_int_equal(wt_corpus_count(c), 0);
	struct wt_read_stats st;
	wt_corpus_stats(c, &st);
	assert_int_equal(st.errors, 1);
	assert_int_equal(ds.n, 1);
	assert_int_equal(ds.v[0].kind, WT_DIAG_ERROR);
	assert_string_equal(ds.v[0].input, missing);
	snprintf(missing, sizeof(missing), "%s/a/absent.txt", root);
	assert_int_equal(wt_corpus_read_path(c, missing, WT_FORMAT_AUTO), WT_ERR_IO);
	wt_corpus_free(c);

	remove_path(root, "b.txt", 0);
	remove_path(root, "a/z.txt", 0);
	remove_path(root, "a/m.txt", 0);
	remove_path(root, "c/d/e.txt", 0);
	remove_path(root, ".hidden.txt", 0);
	remove_path(root, ".git/HEAD", 0);
	remove_path(root, "feed.jsonl", 0);
	remove_path(root, "photo.png", 0);
	remove_path(root, "c/d", 1);
	remove_path(root, "c", 1);
	remove_path(root, "a", 1);
	remove_path(root, ".git", 1);
	assert_int_equal(rmdir(root), 0);
}

/* ---- the depth guard in front of gumbo -------------------------------- */

static void test_html_depth_guard(void **state)
{
	(void)state;
	struct wt__page p;
	/* Only elements that nest count: unclosed <p> and <li> close one
	 * another, void elements hold nothing, script and comment text is no
	 * markup. */
	static const char flat[] =
		"<html><body><p>one<p>two<li>x<li>y<br><img src=a><hr/>"
		"<script>for (i = 0; i < n; i++) s += '<div><div><div>';</script>"
		"<!-- <div><div><div> --><div></div></body></html>";
	assert_int_equal(wt__html_depth_prefix(flat, strlen(flat), 2), strlen(flat));
	struct wt__buf b;
	wt__buf_init(&b, 1 << 20);
	assert_int_equal(wt__buf_append(&b, "<html><body>", 12), WT_OK);
	for (int i = 0; i < 3000; i++)
		assert_int_equal(wt__buf_append(&b, "<div>", 5), WT_OK);
	/* Cut before the 1025th <div>: the 1024 before it are kept. */
	assert_int_equal(wt__html_depth_prefix(b.data, b.len, 1024), 12 + 1024 * 5);
	/* A page 3000 deep is read up to the cut, quickly. */
	static const char story[] = "<p>The bridge over the river opened on Monday after "
				    "three years of work, the city said.</p>";
	wt__buf_release(&b);
	assert_int_equal(wt__buf_append(&b, "<html><body><article>", 21), WT_OK);
	assert_int_equal(wt__buf_append(&b, story, strlen(story)), WT_OK);
	for (int i = 0; i < 100000; i++)
		assert_int_equal(wt__buf_append(&b, "<span>", 6), WT_OK);
	struct wt_corpus *c = NULL;
	assert_int_equal(wt_corpus_new(&c), WT_OK);
	assert_int_equal(wt_corpus_read_memory(c, "deep.html", b.data, b.len, WT_FORMAT_HTML), WT_OK);
	assert_int_equal(wt_corpus_count(c), 1);
	assert_non_null(strstr(wt_corpus_get(c, 0)->text, "The bridge over the river"));
	wt_corpus_free(c);
	wt__buf_release(&b);

	/* A DOCTYPE after the start becomes a comment (gumbo leaks it inside
	 * <noscript> in the head, which the sanitized build would catch);
	 * the first one stays, and a page without a stray one is not copied. */
	static const char stray[] =
		"<!DOCTYPE html><html><head><noscript><!doctype html></noscript></head>"
		"<body><article><p>The ferry to the island runs again from Monday, the "
		"operator said, after a month of repairs to the pier.</p></article></body></html>";
	const char *src = stray;
	size_t n = strlen(stray);
	char *owned = NULL;
	assert_int_equal(wt__html_guard(&src, &n, &owned), WT_OK);
	assert_non_null(owned);
	assert_ptr_equal(src, owned);
	assert_int_equal(n, strlen(stray));
	assert_memory_equal(src, "<!DOCTYPE html>", 15);
	assert_non_null(strstr(src, "<noscript><?doctype html>"));
	wt__free(owned);
	static const char plain[] = "<!-- x --> <!DOCTYPE html><p>One doctype only.</p>";
	src = plain;
	n = strlen(plain);
	assert_int_equal(wt__html_guard(&src, &n, &owned), WT_OK);
	assert_null(owned);
	assert_ptr_equal(src, plain);
	assert_int_equal(wt__html_extract(stray, strlen(stray), NULL, NULL, &p), WT_OK);
	assert_non_null(strstr(p.text, "The ferry to the island"));
	wt__page_release(&p);
}

/* gumbo makes bytes that are no UTF-8 of a character reference too large
 * for an int; the page reader hands out U+FFFD, and nothing to warn about. */
static void test_html_overlong_char_ref(void **state)
{
	(void)state;
	static const char page[] =
		"<html><head><title>Tide &#x20bbbbbbbbbbbbbbbb; tables</title></head><body>"
		"<article><p>The harbour office printed new tide tables &#x20bbbbbbbbbbbbbbbbbbbb; "
		"for the spring, the harbour master said on Friday.</p></article></body></html>";
	struct wt__page p;
	assert_int_equal(wt__html_extract(page, strlen(page), NULL, NULL, &p), WT_OK);
	assert_non_null(p.text);
	assert_int_equal(wt__utf8_valid_prefix(p.text, p.text_len), p.text_len);
	assert_int_equal(strlen(p.text), p.text_len);
	assert_non_null(strstr(p.text, "tide tables \xEF\xBF\xBD for the spring"));
	assert_non_null(p.title);
	assert_int_equal(wt__utf8_valid_prefix(p.title, strlen(p.title)), strlen(p.title));
	wt__page_release(&p);

	struct diags ds;
	struct wt_corpus *c = new_corpus(&ds);
	assert_int_equal(wt_corpus_read_memory(c, "tide.html", page, strlen(page), WT_FORMAT_HTML),
			 WT_OK);
	assert_int_equal(wt_corpus_count(c), 1);
	assert_int_equal(ds.n, 0);
	wt_corpus_free(c);
}

/* Other feeds' and APIs' names for the fields; DESIGN.md's first. */
static void test_jsonl_other_names(void **state)
{
	(void)state;
	static const char data[] =
		/* a news API's article */
		"{\"source\":{\"id\":null,\"name\":\"Daily\"},\"author\":\"A. Writer\","
		"\"headline\":\"Bridge reopens\",\"link\":\"https://daily.example/bridge\","
		"\"publishedAt\":\"2026-05-02T08:00:00Z\",\"content\":\"The bridge reopened on "
		"Saturday.\",\"guid\":\"g-1\"}\n"
		/* a feed item: pubDate, body, the DESIGN.md title winning over headline */
		"{\"uuid\":\"u-2\",\"title\":\"Own title\",\"headline\":\"Other\","
		"\"pubDate\":\"Sat, 02 May 2026 09:30:00 GMT\",\"body\":\"Second body.\","
		"\"domain\":\"feed.example\"}\n";
	struct diags ds;
	struct wt_corpus *c = new_corpus(&ds);
	assert_int_equal(wt_corpus_read_memory(c, "o.jsonl", data, sizeof(data) - 1, WT_FORMAT_AUTO),
			 WT_OK);
	assert_int_equal(wt_corpus_count(c), 2);
	const struct wt_article *a = wt_corpus_get(c, 0);
	assert_string_equal(a->id, "g-1");
	assert_string_equal(a->title, "Bridge reopens");
	assert_string_equal(a->url, "https://daily.example/bridge");
	assert_true(a->time == 1777708800);
	assert_string_equal(a->text, "The bridge reopened on Saturday.");
	a = wt_corpus_get(c, 1);
	assert_string_equal(a->id, "u-2");
	assert_string_equal(a->title, "Own title");
	assert_string_equal(a->site, "feed.example");
	assert_true(a->time == 1777714200);
	assert_string_equal(a->text, "Second body.");
	wt_corpus_free(c);
}

/* Feeds and APIs give an article's body as HTML, in "text" or in "html":
 * the article is extracted from it; the record's own fields come first. */
static void test_jsonl_html(void **state)
{
	(void)state;
	static const char data[] =
		/* 1: a whole page in "text" */
		"{\"id\":\"p1\",\"text\":\"<!DOCTYPE html><html><head><title>Dam opens</title>"
		"<meta property=\\\"article:published_time\\\" content=\\\"2026-05-02T08:00:00Z\\\">"
		"</head><body><nav>Home | World | Sport</nav><article><h1>Dam opens</h1>"
		"<p>The new dam opened on Saturday after six years of work on the river.</p>"
		"<p>Engineers said it would hold 40 million cubic metres.</p></article>"
		"<footer>Contact us | Privacy</footer></body></html>\"}\n"
		/* 2: a fragment in "html", the record's title, url and date kept */
		"{\"id\":\"p2\",\"title\":\"Own title\",\"url\":\"https://x.example/dam\","
		"\"date\":\"2026-05-03\",\"html\":\"<p>The dam opened on Saturday.</p>"
		"<p>It cost <b>1.2 billion</b> dollars.</p>\"}\n"
		/* 3: a date no one can read, the page's taken */
		"{\"id\":\"p3\",\"date\":\"soon\",\"text\":\"<html><head><meta name=\\\"pubdate\\\" "
		"content=\\\"Sat, 02 May 2026 09:30:00 GMT\\\"></head><body><p>Text of the third "
		"record, in a paragraph of its own.</p></body></html>\"}\n"
		/* 4: text that only mentions a tag stays text */
		"{\"id\":\"t4\",\"text\":\"<3 from the town: the dam opened on Saturday.\"}\n"
		/* 5: HTML with no article: skipped */
		"{\"id\":\"p5\",\"text\":\"<div class=\\\"ad\\\"></div>\"}\n"
		/* 6: a wire's company names in angle brackets, no end tag: text */
		"{\"id\":\"t6\",\"text\":\"<Strong Point Inc> said its unit <A/S Norske> agreed.\"}\n";
	struct diags ds;
	struct wt_corpus *c = new_corpus(&ds);
	assert_int_equal(wt_corpus_read_memory(c, "h.jsonl", data, sizeof(data) - 1, WT_FORMAT_AUTO),
			 WT_OK);
	if (wt_corpus_count(c) != 5)
		print_diags(&ds);
	assert_int_equal(wt_corpus_count(c), 5);
	const struct wt_article *a = wt_corpus_get(c, 0);
	assert_string_equal(a->id, "p1");
	assert_string_equal(a->text, "The new dam opened on Saturday after six years of work on the river.\n\n"
				     "Engineers said it would hold 40 million cubic metres.");
	assert_string_equal(a->title, "Dam opens");
	assert_true(a->time == 1777708800);
	a = wt_corpus_get(c, 1);
	assert_string_equal(a->title, "Own title");
	assert_string_equal(a->url, "https://x.example/dam");
	assert_string_equal(a->date, "2026-05-03");
	assert_string_equal(a->text, "The dam opened on Saturday.\n\nIt cost 1.2 billion dollars.");
	a = wt_corpus_get(c, 2);
	assert_string_equal(a->date, "Sat, 02 May 2026 09:30:00 GMT");
	assert_true(a->time == 1777714200);
	a = wt_corpus_get(c, 3);
	assert_string_equal(a->text, "<3 from the town: the dam opened on Saturday.");
	a = wt_corpus_get(c, 4);
	assert_string_equal(a->text, "<Strong Point Inc> said its unit <A/S Norske> agreed.");
	struct wt_read_stats st;
	wt_corpus_stats(c, &st);
	assert_int_equal(st.skipped, 1);
	int seen = 0;
	for (size_t k = 0; k < ds.n; k++)
		if (ds.v[k].line == 5 && strstr(ds.v[k].message, "HTML holds no article"))
			seen = 1;
	assert_true(seen);
	wt_corpus_free(c);
}

/* A large JSON Lines file (over the 8 MB from which lines are parsed on
 * threads) read with 1 and 3 threads: the same articles, ids (renamed
 * repeats, "<file>:<line>" for none) and diagnostics, in the same order. */
static void test_jsonl_threads_identical(void **state)
{
	(void)state;
	size_t cap = 12u << 20, len = 0;
	char *data = malloc(cap);
	assert_non_null(data);
	for (int i = 0; len + 4096 < cap; i++) {
		int k = i % 97;
		if (k == 3)
			len += (size_t)snprintf(data + len, cap - len, "{\"id\": \"bad-%d\", \"text\": }\n", i);
		else if (k == 5)
			len += (size_t)snprintf(data + len, cap - len, "\n");
		else if (k == 7)
			len += (size_t)snprintf(data + len, cap - len,
						"{\"id\": \"dup\", \"text\": \"Repeat %d.\"}\n", i);
		else if (k == 11)
			len += (size_t)snprintf(data + len, cap - len,
						"{\"date\": \"soon\", \"text\": \"No id, line %d, caf\xe9.\"}\n", i);
		else if (k == 13) /* fields trimmed, escaped, dated */
			len += (size_t)snprintf(data + len, cap - len,
						"{\"id\": \"  sp-%d \", \"site\": \" s2.example \", \"title\": \" A "
						"title \\u00e9 \", \"url\": \"https://x.example/a-b-%d\", \"date\": "
						"\"2026-03-08T10:00:00Z\", \"text\": \"Spaced %d.\"}\n", i, i, i);
		else if (k == 17) /* invalid UTF-8 in a title and an id; a blank site */
			len += (size_t)snprintf(data + len, cap - len,
						"{\"id\": \"bad\xff-%d\", \"site\": \"  \", \"title\": \"T\xc3 %d\", "
						"\"description\": \"Alt text %d.\"}\n", i, i, i);
		else if (k == 19) /* a body given as HTML: extracted on the threads */
			len += (size_t)snprintf(data + len, cap - len,
						"{\"id\": \"h-%d\", \"text\": \"<html><head><title>Page %d</title></head>"
						"<body><nav>Home | News</nav><article><p>Paragraph one of page %d, "
						"long enough to be the article.</p><p>Two.</p></article></body></html>\"}\n",
						i, i, i);
		else if (k == 23) /* HTML with no article: skipped */
			len += (size_t)snprintf(data + len, cap - len,
						"{\"id\": \"e-%d\", \"html\": \"<div class=ad></div>\"}\n", i);
		else
			len += (size_t)snprintf(data + len, cap - len,
						"{\"id\": \"a-%d\", \"site\": \"s.example\", \"text\": \"Body %d\\nwith an escaped line and \\u00e9 %0*d\"}\n",
						i, i, 20 + i % 200, i);
	}
	struct wt_corpus *c[2];
	struct diags d[2];
	for (int v = 0; v < 2; v++) {
		memset(&d[v], 0, sizeof(d[v]));
		assert_int_equal(wt_corpus_new(&c[v]), WT_OK);
		wt_corpus_set_diag(c[v], collect, &d[v]);
		wt_corpus_set_threads(c[v], v ? 3 : 1);
		assert_int_equal(wt_corpus_read_memory(c[v], "big.jsonl", data, len, WT_FORMAT_JSONL), WT_OK);
	}
	assert_true(wt_corpus_count(c[0]) > 50000);
	assert_int_equal(wt_corpus_count(c[0]), wt_corpus_count(c[1]));
	for (size_t i = 0; i < wt_corpus_count(c[0]); i++) {
		const struct wt_article *a = wt_corpus_get(c[0], i), *b = wt_corpus_get(c[1], i);
		assert_string_equal(a->id, b->id);
		assert_int_equal(a->text_len, b->text_len);
		assert_memory_equal(a->text, b->text, a->text_len);
		const char *fa[] = {a->url, a->site, a->date, a->title}, *fb[] = {b->url, b->site, b->date, b->title};
		for (int f = 0; f < 4; f++) {
			assert_int_equal(!fa[f], !fb[f]);
			if (fa[f])
				assert_string_equal(fa[f], fb[f]);
		}
		assert_true(a->time == b->time);
	}
	/* the fields as the corpus keeps them: trimmed, escapes decoded */
	size_t sp = 0;
	for (size_t i = 0; i < wt_corpus_count(c[1]); i++) {
		const struct wt_article *b = wt_corpus_get(c[1], i);
		if (strncmp(b->id, "sp-", 3))
			continue;
		sp++;
		assert_string_equal(b->site, "s2.example");
		assert_string_equal(b->title, "A title \xc3\xa9");
		assert_true(b->time != WT_TIME_UNKNOWN);
	}
	assert_true(sp > 500);
	/* the HTML bodies: their paragraphs, their page's title */
	size_t hp = 0;
	for (size_t i = 0; i < wt_corpus_count(c[1]); i++) {
		const struct wt_article *b = wt_corpus_get(c[1], i);
		if (strncmp(b->id, "h-", 2))
			continue;
		hp++;
		assert_non_null(strstr(b->text, "long enough to be the article."));
		assert_null(strchr(b->text, '<'));
		assert_null(strstr(b->text, "Home"));
		assert_non_null(b->title);
		assert_int_equal(strncmp(b->title, "Page ", 5), 0);
	}
	assert_true(hp > 500);
	struct wt_read_stats s0, s1;
	wt_corpus_stats(c[0], &s0);
	wt_corpus_stats(c[1], &s1);
	assert_true(s0.skipped > 100 && s0.warnings > 100);
	assert_int_equal(s0.skipped, s1.skipped);
	assert_int_equal(s0.warnings, s1.warnings);
	assert_int_equal(d[0].n, d[1].n);
	for (size_t k = 0; k < d[0].n; k++) {
		assert_int_equal(d[0].v[k].line, d[1].v[k].line);
		assert_int_equal(d[0].v[k].offset, d[1].v[k].offset);
		assert_string_equal(d[0].v[k].message, d[1].v[k].message);
	}
	wt_corpus_free(c[0]);
	wt_corpus_free(c[1]);
	free(data);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_jsonl_fields),
		cmocka_unit_test(test_jsonl_html),
		cmocka_unit_test(test_jsonl_other_names),
		cmocka_unit_test(test_jsonl_threads_identical),
		cmocka_unit_test(test_jsonl_malformed_lines),
		cmocka_unit_test(test_jsonl_invalid_utf8),
		cmocka_unit_test(test_jsonl_broken_surrogate_pair),
		cmocka_unit_test(test_jsonl_invalid_utf8_after_escape),
		cmocka_unit_test(test_text_headers),
		cmocka_unit_test(test_text_leading_date),
		cmocka_unit_test(test_text_no_headers),
		cmocka_unit_test(test_text_invalid_utf8),
		cmocka_unit_test(test_empty_and_binary),
		cmocka_unit_test(test_corpus_add),
		cmocka_unit_test(test_parse_date),
		cmocka_unit_test(test_parse_date_impossible_day),
		cmocka_unit_test(test_unknown_date_warns),
		cmocka_unit_test(test_url_dates),
		cmocka_unit_test(test_read_directory),
		cmocka_unit_test(test_html_depth_guard),
		cmocka_unit_test(test_html_overlong_char_ref),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
