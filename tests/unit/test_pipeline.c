/*
 * test_pipeline.c - the whole batch pipeline (wt_analyze) on small corpora
 * built in the test: exact duplicates, verbatim and edited copies, a short
 * reprint of a long story found through containment although its Jaccard
 * similarity is far below what LSH catches, unrelated articles left alone
 * (in their own families and stories),
 * sources pointing to earlier articles, and the same result for any number
 * of threads; inside a story, a paraphrase found as a rewrite and a
 * report of its own as independent; an undated copy ordered by its credit;
 * page chrome: the rule table on lines that must and must not be blanked,
 * corpus chrome learned from unrelated texts but never from copies, and
 * samples/page-chrome, where chrome links one site's unrelated articles and
 * hides how much of two copies is the same wire text.
 */
#include "helpers.h"

#include "cluster/cluster.h"
#include "pipeline/pipeline.h"
#include "text/text.h"

/* A deterministic generator of plausible news sentences, so that long
 * articles can be built without shipping any text. */
static const char *const subjects[] = {
	"The regional council", "Port authorities", "The health ministry",
	"Local police", "The transport union", "Energy regulators",
	"The city's mayor", "Fire officials", "A court spokesman",
	"The education board", "Farm groups", "The national weather service"};
static const char *const verbs[] = {
	"said on Tuesday that", "confirmed late on Monday that",
	"warned in a statement that", "told reporters that",
	"announced on Friday that", "said in a report that"};
static const char *const objects[] = {
	"%u homes in the %s district had lost power after the storm",
	"repairs to the %s bridge would cost about %u million euros",
	"%u workers at the %s plant would be moved to shorter hours",
	"the %s line would stay closed for at least %u days",
	"inspectors had found %u faults at the %s depot",
	"a new clinic in %s would open with %u beds next spring",
	"the %s reservoir stood at %u percent of its capacity",
	"%u families in %s had asked for emergency housing"};
static const char *const places[] = {
	"northern", "Riverside", "Eastgate", "harbour", "Old Town", "Millbrook",
	"Westfield", "Kingsway", "lakeside", "Brookvale", "central", "Highfield"};

/* Another beat, for the unrelated articles: match reports. */
static const char *const teams[] = {
	"Millbrook Rovers", "Eastgate United", "Highfield Athletic", "Kingsway Town",
	"Brookvale City", "Westfield Albion", "Riverside Wanderers", "Lakeside FC"};
static const char *const plays[] = {
	"came from behind to beat", "held on for a draw against",
	"were knocked out of the cup by", "scored twice late on against",
	"lost their unbeaten home record to", "needed extra time to see off"};
static const char *const details[] = {
	"in front of %u fans", "with a header in the %uth minute",
	"despite having %u shots on target", "after a %u-minute delay for rain",
	"ending a run of %u games without a win", "with %u players out injured"};

static unsigned rnd(unsigned *s)
{
	*s = *s * 1103515245u + 12345u;
	return (*s >> 8) & 0xFFFFFF;
}

/* Appends sentences to buf until it holds at least `words` words. */
static void make_article(char *buf, size_t cap, unsigned seed, int words)
{
	size_t len = 0;
	int w = 0;
	buf[0] = 0;
	while (w < words && len + 300 < cap) {
		char obj[200];
		const char *o = objects[rnd(&seed) % 8];
		if (strstr(o, "%u") < strstr(o, "%s"))
			snprintf(obj, sizeof(obj), o, rnd(&seed) % 9000 + 12, places[rnd(&seed) % 12]);
		else
			snprintf(obj, sizeof(obj), o, places[rnd(&seed) % 12], rnd(&seed) % 900 + 3);
		len += (size_t)snprintf(buf + len, cap - len, "%s %s %s. ",
					subjects[rnd(&seed) % 12], verbs[rnd(&seed) % 6], obj);
		w = 0;
		for (size_t i = 0; i < len; i++)
			w += buf[i] == ' ';
	}
}

/* A match report of at least `words` words. */
static void make_report(char *buf, size_t cap, unsigned seed, int words)
{
	size_t len = 0;
	int w = 0;
	buf[0] = 0;
	while (w < words && len + 300 < cap) {
		char d[100];
		snprintf(d, sizeof(d), details[rnd(&seed) % 6], rnd(&seed) % 40000 + 2);
		len += (size_t)snprintf(buf + len, cap - len, "%s %s %s %s. ",
					teams[rnd(&seed) % 8], plays[rnd(&seed) % 6],
					teams[rnd(&seed) % 8], d);
		w = 0;
		for (size_t i = 0; i < len; i++)
			w += buf[i] == ' ';
	}
}

static void add(struct wt_corpus *c, const char *id, const char *date, const char *text)
{
	struct wt_article a = {0};
	a.id = id;
	a.date = date;
	a.text = text;
	a.text_len = strlen(text);
	a.time = WT_TIME_UNKNOWN;
	assert_int_equal(wt_corpus_add(c, &a), WT_OK);
}

static size_t index_of(const struct wt_corpus *c, const char *id)
{
	for (size_t i = 0; i < wt_corpus_count(c); i++)
		if (!strcmp(wt_corpus_get(c, i)->id, id))
			return i;
	fail_msg("no article '%s'", id);
	return 0;
}

static const struct wt_pair *find_pair(const struct wt_result *r, size_t x, size_t y)
{
	for (size_t p = 0; p < wt_result_pair_count(r); p++) {
		const struct wt_pair *pr = wt_result_pair(r, p);
		if ((pr->a == x && pr->b == y) || (pr->a == y && pr->b == x))
			return pr;
	}
	return NULL;
}

static char long_story[16384], brief[4096], edited[20000], filler[40][4096];

/* Builds the test corpus: a 900-word story, a 150-word reprint of its
 * start, a duplicate differing in case and quotes, an edited copy with an
 * added paragraph and one changed word, and 40 match reports. */
static struct wt_corpus *build(void)
{
	struct wt_corpus *c;
	assert_int_equal(wt_corpus_new(&c), WT_OK);
	make_article(long_story, sizeof(long_story), 7, 900);
	/* the brief: the first ~150 words, cut at a sentence end */
	size_t w = 0, cut = 0;
	for (size_t i = 0; long_story[i]; i++) {
		w += long_story[i] == ' ';
		if (long_story[i] == '.' && w >= 150) {
			cut = i + 1;
			break;
		}
	}
	memcpy(brief, long_story, cut);
	brief[cut] = 0;
	/* the edited copy: a 300-word paragraph of its own in front, the
	 * story's last third dropped, one word changed */
	char added[4096];
	make_article(added, sizeof(added), 999, 300);
	size_t two_thirds = strlen(long_story) * 2 / 3;
	while (two_thirds && long_story[two_thirds - 1] != '.')
		two_thirds--;
	snprintf(edited, sizeof(edited), "%s\n\n%.*s", added, (int)two_thirds, long_story);
	char *dot = strstr(edited + strlen(added) + 400, ". ");
	assert_non_null(dot);
	memcpy(dot + 2, "Nobody", 6); /* a changed word */
	add(c, "wire", "2026-04-01T08:00:00Z", long_story);
	for (int k = 0; k < 40; k++) {
		char id[32];
		make_report(filler[k], sizeof(filler[k]), 1000 + (unsigned)k * 77, 250);
		snprintf(id, sizeof(id), "other-%02d", k);
		add(c, id, "2026-04-01T09:00:00Z", filler[k]);
	}
	add(c, "brief", "2026-04-01T10:00:00Z", brief);
	add(c, "edited", "2026-04-01T11:00:00Z", edited);
	/* the same words in upper case: a duplicate after cleaning */
	static char upper[16384];
	for (size_t i = 0; long_story[i]; i++)
		upper[i] = (char)(long_story[i] >= 'a' && long_story[i] <= 'z' ? long_story[i] - 32 : long_story[i]);
	add(c, "shouting", "2026-04-01T12:00:00Z", upper);
	return c;
}

static void test_relations(void **state)
{
	(void)state;
	struct wt_corpus *c = build();
	struct wt_options o;
	wt_options_default(&o);
	o.threads = 1;
	struct wt_result *r;
	assert_int_equal(wt_analyze(c, &o, &r), WT_OK);
	size_t wire = index_of(c, "wire"), br = index_of(c, "brief"), ed = index_of(c, "edited"),
	       sh = index_of(c, "shouting");
	const struct wt_article_result *a;

	a = wt_result_article(r, wire);
	assert_int_equal(a->relation, WT_REL_ORIGINAL);
	assert_int_equal(a->source, WT_NONE);
	assert_int_equal(a->family, wire);

	a = wt_result_article(r, br);
	assert_int_equal(a->source, wire);
	assert_int_equal(a->family, wire);
	assert_int_equal(a->relation, WT_REL_VERBATIM);
	assert_true(a->coverage > 0.95);

	a = wt_result_article(r, ed);
	assert_int_equal(a->family, wire);
	assert_int_equal(a->relation, WT_REL_EDITED);
	assert_true(a->coverage > 0.45 && a->coverage < 0.8);

	a = wt_result_article(r, sh);
	assert_int_equal(a->relation, WT_REL_DUPLICATE);
	assert_int_equal(a->source, wire);
	assert_true(a->coverage == 1.0);

	/* Match reports share phrases with each other, never with the story:
	 * neither its family nor its story. */
	for (int k = 0; k < 40; k++) {
		char id[32];
		snprintf(id, sizeof(id), "other-%02d", k);
		size_t i = index_of(c, id);
		assert_int_not_equal(wt_result_article(r, i)->family, wire);
		assert_int_not_equal(wt_result_article(r, i)->story, wire);
	}
	/* The story holds the family; its id is its first article. */
	assert_int_equal(wt_result_article(r, wire)->story, wire);
	assert_int_equal(wt_result_article(r, br)->story, wire);
	assert_int_equal(wt_result_article(r, ed)->story, wire);
	assert_int_equal(wt_result_article(r, sh)->story, wire);

	/* The brief's pair: all of the brief, a sixth of the story. */
	const struct wt_pair *p = find_pair(r, wire, br);
	assert_non_null(p);
	double cov_brief = p->a == br ? p->alignment.coverage_a : p->alignment.coverage_b;
	double cov_wire = p->a == br ? p->alignment.coverage_b : p->alignment.coverage_a;
	assert_true(cov_brief > 0.95);
	assert_true(cov_wire > 0.1 && cov_wire < 0.25);
	assert_true(p->linked);
	/* Its passage starts at the start of both texts. */
	assert_true(p->alignment.n_passages >= 1);
	assert_int_equal(p->alignment.passages[0].a.start, 0);
	assert_int_equal(p->alignment.passages[0].b.start, 0);
	wt_result_free(r);
	wt_corpus_free(c);
}

/* The brief is far below any LSH threshold: the containment path found it. */
static void test_containment_not_jaccard(void **state)
{
	(void)state;
	struct wt_corpus *c = build();
	struct wt_alignment al;
	assert_int_equal(wt_align_texts(long_story, strlen(long_story), brief, strlen(brief), NULL, &al),
			 WT_OK);
	assert_true(al.jaccard < 0.25); /* LSH at 32 bands x 4 rows: ~0.42 */
	assert_true(al.coverage_b > 0.95);
	wt_alignment_release(&al);
	wt_corpus_free(c);
}

/* One thread or four: the same families, sources, relations and pairs. */
static void test_threads_same_result(void **state)
{
	(void)state;
	struct wt_corpus *c = build();
	struct wt_options o1, o4;
	wt_options_default(&o1);
	wt_options_default(&o4);
	o1.threads = 1;
	o4.threads = 4;
	struct wt_result *r1, *r4;
	assert_int_equal(wt_analyze(c, &o1, &r1), WT_OK);
	assert_int_equal(wt_analyze(c, &o4, &r4), WT_OK);
	for (size_t i = 0; i < wt_corpus_count(c); i++) {
		const struct wt_article_result *x = wt_result_article(r1, i), *y = wt_result_article(r4, i);
		assert_int_equal(x->family, y->family);
		assert_int_equal(x->story, y->story);
		assert_int_equal(x->source, y->source);
		assert_int_equal(x->relation, y->relation);
		assert_true(x->coverage == y->coverage);
	}
	assert_int_equal(wt_result_pair_count(r1), wt_result_pair_count(r4));
	for (size_t p = 0; p < wt_result_pair_count(r1); p++) {
		const struct wt_pair *x = wt_result_pair(r1, p), *y = wt_result_pair(r4, p);
		assert_int_equal(x->a, y->a);
		assert_int_equal(x->b, y->b);
		assert_int_equal(x->alignment.n_passages, y->alignment.n_passages);
	}
	wt_result_free(r1);
	wt_result_free(r4);
	wt_corpus_free(c);
}

/* Three reports of one flood, written for this test: the agency's, a
 * sentence-by-sentence paraphrase of it (one short quotation kept, too
 * little aligned text for a family), and a village paper's own report. */
static const char flood_wire[] =
	"KORVALA (Northwire) - Flood water broke through a dike on the Vessa river near Korvala "
	"early on Sunday, forcing 2,300 residents from their homes, the regional governor Marta "
	"Ilves said. Rescue teams used 40 boats to reach families in the villages of Upsala Low "
	"and Tarn, where the water rose to 1.8 metres. \"We have never seen the Vessa this high "
	"in March,\" Ilves told reporters in Korvala. The Estran Meteorological Institute said 96 "
	"millimetres of rain had fallen in 48 hours. Engineers from the Lindqvist Water Board were "
	"trying to close the 30-metre breach with sandbags. The governor said the state would pay "
	"5 million crowns in emergency aid, and schools in Korvala would stay shut until Wednesday.";
static const char flood_paraphrase[] =
	"Some 2,300 people had to abandon their houses once the swollen Vessa burst a dike close "
	"to Korvala before dawn on Sunday, according to Marta Ilves, who governs the region. "
	"Rescuers needed 40 boats to get to households stranded in Upsala Low and Tarn, with the "
	"flood at a depth of 1.8 metres there. \"We have never seen the Vessa this high in March,\" "
	"Ilves said at a briefing. Figures from the Estran Meteorological Institute show 96 "
	"millimetres fell over 48 hours. A Lindqvist Water Board crew was piling up sandbags to "
	"seal a gap some 30 metres wide. Emergency help worth 5 million crowns is coming from "
	"the state, the governor added, and Korvala pupils get no lessons before Wednesday.";
static const char flood_village[] =
	"TARN - Volunteers in Tarn spent Sunday night filling sandbags at the village hall as the "
	"Vessa river kept rising toward Korvala. Shopkeeper Piret Saar, 52, said her cellar had "
	"flooded within an hour. \"The water came in under the door, then through the floor,\" she "
	"said. Farmers on the east bank moved about 600 cattle to higher ground near the old mill. "
	"The parish council asked residents not to drive on the Tarn road, which was under water in "
	"three places, and opened the school gym as a flood shelter for 85 people from Tarn and "
	"Upsala Low. A local bus company said it had suspended its route to Korvala.";

/* `count` match reports of one sports site the same day (ids "match-NN",
 * seeds seed, seed + step, ...): stories of their own beside the flood. */
static void add_match_reports(struct wt_corpus *c, int count, unsigned seed, unsigned step)
{
	for (int k = 0; k < count; k++) {
		char id[32];
		make_report(filler[k], sizeof(filler[k]), seed + (unsigned)k * step, 200);
		snprintf(id, sizeof(id), "match-%02d", k);
		add_dated(c, id, "2026-03-08T12:00:00Z", "sportsline.example", filler[k]);
	}
}

/* The paraphrase is a rewrite of the wire story, the village report is
 * independent, and all three are one story with the wire as its origin. */
static void test_rewrite_and_independent(void **state)
{
	(void)state;
	struct wt_corpus *c;
	assert_int_equal(wt_corpus_new(&c), WT_OK);
	add_dated(c, "wire", "2026-03-08T07:10:00Z", "northwire.example", flood_wire);
	add_match_reports(c, 12, 500, 31);
	add_dated(c, "paraphrase", "2026-03-08T09:40:00Z", "daily-courier.example", flood_paraphrase);
	add_dated(c, "village", "2026-03-08T11:05:00Z", "tarn-gazette.example", flood_village);
	struct wt_options o;
	wt_options_default(&o);
	o.threads = 1;
	struct wt_result *r;
	assert_int_equal(wt_analyze(c, &o, &r), WT_OK);
	size_t wire = index_of(c, "wire"), para = index_of(c, "paraphrase"),
	       vil = index_of(c, "village");
	const struct wt_article_result *w = wt_result_article(r, wire);
	const struct wt_article_result *p = wt_result_article(r, para);
	const struct wt_article_result *v = wt_result_article(r, vil);
	/* not copies: three families */
	assert_int_equal(p->family, para);
	assert_int_equal(v->family, vil);
	/* one story */
	assert_int_equal(p->story, w->story);
	assert_int_equal(v->story, w->story);
	assert_int_equal(w->relation, WT_REL_ORIGINAL);
	assert_int_equal(p->relation, WT_REL_REWRITE);
	assert_int_equal(p->source, wire);
	assert_int_equal(p->rule, WT_RULE_DATE);
	assert_true(p->coverage < 0.3); /* little of it is aligned */
	assert_int_equal(v->relation, WT_REL_INDEPENDENT);
	assert_int_equal(v->source, WT_NONE);
	struct wt_analysis_stats st;
	wt_result_stats(r, &st);
	assert_int_equal(st.rewrites, 1);
	assert_true(st.independents >= 1); /* match reports of one game count too */
	wt_result_free(r);
	wt_corpus_free(c);
}

/* A failed page (its title the site's name, its text the site's footer)
 * still names its story in its URL.  The search words put it in the flood
 * story; without them it stays apart, and a URL whose segments are ids and
 * dates adds nothing. */
static const char search_page[] =
	"External links are provided for reference only. Eastcoast News is not responsible for "
	"the content of other sites. Copyright 2026 Eastcoast News Media.";

static size_t story_of_search_page(const char *url)
{
	struct wt_corpus *c;
	assert_int_equal(wt_corpus_new(&c), WT_OK);
	add_dated(c, "wire", "2026-03-08T07:10:00Z", "northwire.example", flood_wire);
	add_dated(c, "village", "2026-03-08T11:05:00Z", "tarn-gazette.example", flood_village);
	add_match_reports(c, 6, 700, 17);
	struct wt_article a = {0};
	a.id = "search";
	a.site = "eastcoast-news.example";
	a.url = url;
	a.title = "Eastcoast News";
	a.date = "2026-03-08T15:00:00Z";
	a.time = wt_parse_date(a.date);
	a.text = search_page;
	a.text_len = strlen(search_page);
	assert_int_equal(wt_corpus_add(c, &a), WT_OK);
	struct wt_options o;
	wt_options_default(&o);
	o.threads = 1;
	struct wt_result *r;
	assert_int_equal(wt_analyze(c, &o, &r), WT_OK);
	size_t s = wt_result_article(r, index_of(c, "search"))->story;
	size_t wire = wt_result_article(r, index_of(c, "wire"))->story;
	assert_int_equal(wt_result_article(r, index_of(c, "village"))->story, wire);
	wt_result_free(r);
	wt_corpus_free(c);
	return s == wire;
}

static void test_url_slug_words(void **state)
{
	(void)state;
	static const char *const cases[][2] = {
		{"https://news.example/2026/03/08/vessa-dike-breach-floods-korvala-a8841.html",
		 "vessa dike breach floods korvala "},
		{"https://news.example/search/index.php?q=Vessa+flood+Korvala+dike&page=1",
		 "Vessa flood Korvala dike "},
		{"http://news.example/business/la-fi-fed-rate-decision-20260310,0,1312750.story?track=rss",
		 "la fi fed rate decision "},
		{"https://news.example/world/the_americas/ten-killed-in_plane-crash/", /* 2 words: no slug */
		 "ten killed in plane crash "},
		/* percent-escaped UTF-8 (Urdu), decoded */
		{"https://ur.example/%D8%A7%D8%B1%D8%AF%D9%88-%D8%AE%D8%A8%D8%B1-%D9%86%DB%8C%D8%A7/",
		 "\u0627\u0631\u062f\u0648 \u062e\u0628\u0631 \u0646\u06cc\u0627 "},
		{"https://news.example/2026/03/08/a8841-x7.html", ""},
		{"https://news.example/content_32041310.htm", ""},
		{"not a url at all", ""},
		{"https://news.example/one-two-three%2", ""}, /* a cut escape: a word with a digit */
		{"https://news.example/one-two-three-%zz", "one two three %zz "}, /* not an escape */
		{"", ""},
	};
	for (size_t k = 0; k < sizeof(cases) / sizeof(cases[0]); k++) {
		char out[256];
		size_t n = wt__url_slug(cases[k][0], out);
		assert_string_equal(out, cases[k][1]);
		assert_int_equal(n, strlen(cases[k][1]));
	}
}

/* One term for one value, however written; another for another. */
static void test_number_terms(void **state)
{
	(void)state;
	static const struct {
		const char *t;
		int scale;
		const char *same_as; /* NULL: the first of its value */
	} cases[] = {
		{"6000", 0, NULL},        {"6,000", 0, "6000"},  {"6.000", 0, "6000"},
		{"6K", 0, "6000"},        {"6k", 0, "6000"},     {"6.0k", 0, "6000"},
		{"6", 3, "6000"},         {"1500000000", 0, NULL}, {"1.5bn", 0, "1500000000"},
		{"1.5", 9, "1500000000"}, {"1,500", 6, "1500000000"}, {"5.93", 0, NULL},
		{"5,93", 0, "5.93"},      {"5.930", 0, NULL},     {"5,930", 0, "5.930"}, /* three digits: thousands */
		{"5.9300", 0, "5.93"},    {"14,000", 0, NULL},
		{"140", 0, NULL},         {"2300", 0, NULL},      {"2,300", 0, "2300"},
	};
	uint32_t ids[sizeof(cases) / sizeof(cases[0])];
	for (size_t k = 0; k < sizeof(cases) / sizeof(cases[0]); k++) {
		assert_true(wt__number_term(cases[k].t, strlen(cases[k].t), cases[k].scale, 20, &ids[k]));
		const char *vk = cases[k].same_as ? cases[k].same_as : cases[k].t;
		for (size_t q = 0; q < k; q++) {
			const char *vq = cases[q].same_as ? cases[q].same_as : cases[q].t;
			if ((ids[q] == ids[k]) != !strcmp(vk, vq))
				fail_msg("'%s' and '%s' (scales %d, %d): ids %u and %u", cases[k].t,
					 cases[q].t, cases[k].scale, cases[q].scale, ids[k], ids[q]);
		}
	}
	/* small counts and words stay words */
	uint32_t id;
	static const char *const words[] = {"12", "7", "6a", "6,00,0", "1.2.3", "abc", "6km"};
	for (size_t k = 0; k < sizeof(words) / sizeof(words[0]); k++)
		assert_false(wt__number_term(words[k], strlen(words[k]), 0, 20, &id));
	assert_int_equal(wt__number_scale("Million", 7), 6);
	assert_int_equal(wt__number_scale("bn", 2), 9);
	assert_int_equal(wt__number_scale("metres", 6), 0);
}

static void test_url_slug_names_story(void **state)
{
	(void)state;
	assert_true(story_of_search_page(
		"https://eastcoast-news.example/search/index.php?q=Vessa+flood+Korvala+dike&page=1"));
	assert_false(story_of_search_page("https://eastcoast-news.example/search/index.php?q=&page=1"));
	assert_false(story_of_search_page("https://eastcoast-news.example/2026/03/08/a8841-x7.html"));
}

/* Undated, the credit decides: the article crediting the other's site is
 * the copy, whatever the input order and the coverage say. */
static void test_credit_decides_undated(void **state)
{
	(void)state;
	struct wt_corpus *c;
	assert_int_equal(wt_corpus_new(&c), WT_OK);
	static char copy[8192];
	/* the copy first in the input, with a dateline crediting the agency;
	 * its text is the agency's with a line of its own added */
	snprintf(copy, sizeof(copy), "KORVALA (Northwire) - %s Our reporter adds that the road to "
		 "Tarn stayed closed on Monday.", flood_wire + strlen("KORVALA (Northwire) - "));
	add_dated(c, "copy", "", "daily-courier.example", copy);
	add_dated(c, "agency", "", "northwire.example", flood_wire);
	struct wt_options o;
	wt_options_default(&o);
	o.threads = 1;
	struct wt_result *r;
	assert_int_equal(wt_analyze(c, &o, &r), WT_OK);
	const struct wt_article_result *cp = wt_result_article(r, index_of(c, "copy"));
	assert_int_equal(cp->source, index_of(c, "agency"));
	assert_int_equal(cp->rule, WT_RULE_CREDIT);
	assert_string_equal(wt_rule_name(cp->rule), "credit");
	wt_result_free(r);
	wt_corpus_free(c);
}

/* Bad options are refused, not guessed around. */
static void test_bad_options(void **state)
{
	(void)state;
	struct wt_corpus *c;
	assert_int_equal(wt_corpus_new(&c), WT_OK);
	struct wt_options o;
	wt_options_default(&o);
	o.bands = 30; /* does not divide 128 */
	struct wt_result *r = NULL;
	assert_int_equal(wt_analyze(c, &o, &r), WT_ERR_INVALID);
	assert_null(r);
	wt_options_default(&o);
	assert_int_equal(wt_analyze(c, &o, &r), WT_OK); /* an empty corpus is fine */
	wt_result_free(r);
	wt_corpus_free(c);
}


/* Lines that are chrome by their wording, in several languages. */
static const char *const chrome_lines[] = {
	"Subscribe to our newsletter",
	"SIGN UP FOR OUR NEWSLETTER",
	"Sign up for the Riverside Gazette morning newsletter",
	"Share this article",
	"Share on Facebook Twitter Email",
	"Facebook Twitter WhatsApp",
	"Follow us on Twitter",
	"Related article: Port of Lisbon reports record container traffic for 2025",
	"Related:",
	"Read more",
	"Read more:",
	"READ MORE: Farmers count the cost of a wet winter",
	"» Read more",
	"Click here to get breaking news alerts on your phone",
	"[Click here](https://lisbon-daily.example/live) for live updates.",
	"Loading...",
	"Advertisement",
	"Advertisement Continue reading the main story",
	"Photo: Smoke rises over the terminal on Saturday morning. / Getty Images",
	"(Photo by Ellen Marsh/Getty Images)",
	"Image copyright Getty Images",
	"Getty Images",
	"In other news: Marden bypass opens two weeks early",
	"In other news...",
	"Watch: Wind machines run through the night in the Marden orchards",
	"Recommended",
	"© 2026 Riverside Gazette. All rights reserved.",
	"Copyright 2017 The Associated Press. All rights reserved. This material may not be "
	"published, broadcast, rewritten or redistributed.",
	"Copyright (c) 2024 Northwire",
	"Suscríbete a nuestro boletín",
	"Lee también: El puerto bate su récord de contenedores",
	"Compartir en Facebook",
	"Cargando...",
	"Publicidad",
	"Abonnez-vous à notre newsletter",
	"Lire aussi : Le port bat son record",
	"Partager sur Facebook",
	"Publicité",
	"Lesen Sie auch: Hafen meldet Rekord",
	"Auf Facebook teilen",
	"Anzeige",
	"Wird geladen...",
	"Leia também: Porto bate recorde",
	"Compartilhar no WhatsApp",
	"Assine a nossa newsletter",
	"Leggi anche: Il porto batte il record",
	"Condividi su Facebook",
	"Iscriviti alla newsletter",
	"Подписывайтесь "
	"на наш канал в Telegram",
	"ЧИТАЙТЕ ТАКЖЕ: "
	"Какие улицы",
	"Поделиться",
	"Реклама",
	"اقرأ أيضا: الميناء",
	"یہ بھی پڑھیں: لاہور",
};

/* Sentences of articles that mention the same words and must stay. */
static const char *const prose_lines[] = {
	"Subscribers to the regional paper fell by a fifth last year, the publisher said.",
	"“Subscribe to our channel,” the singer told fans before the concert.",
	"\"Follow us on the march,\" the organisers shouted.",
	"Readers can sign up for the newsletter on the council's website, a spokeswoman said.",
	"In other news, the council approved a new budget for road repairs on Tuesday.",
	"Watch the skies tonight: the meteor shower peaks after midnight, astronomers said.",
	"Photo booths at the fair drew long queues, organisers said.",
	"Share prices in Tokyo fell 2% on Monday.",
	"Copyright lawyers say the ruling will change how archives are used.",
	"Loading of the ships resumed on Monday.",
	"Advertisement revenue rose by 8% in the quarter.",
	"Related charges were dropped against two other men.",
	"Read more than 300 pages of the report and the picture changes.",
	"Recommended doses were cut by half, the agency said.",
	"Video footage showed the car leaving the road.",
	"Follow-up checks found no leaks at the plant.",
	"Click beetles were found in the timber, the inspectors said.",
	"Email records show the contract was signed in March.",
	"Facebook said it would appeal against the fine.",
	"Síguenos en la plaza, gritaban los manifestantes mientras avanzaban hacia el "
	"ayuntamiento de la ciudad vieja.",
	"Подробнее о плане "
	"мэрия расскажет "
	"в понедельник.",
	"Subscribe to the idea that prices will fall and you will be disappointed again and again this year.",
};

static void test_chrome_rules(void **state)
{
	(void)state;
	struct wt__tokens tv = {0};
	enum wt_status st = WT_OK;
	for (size_t i = 0; i < sizeof(chrome_lines) / sizeof(*chrome_lines); i++) {
		int r = wt__chrome_rule(chrome_lines[i], strlen(chrome_lines[i]), &tv, &st);
		assert_int_equal(st, WT_OK);
		if (!r)
			fail_msg("not blanked: '%s'", chrome_lines[i]);
		assert_non_null(wt__chrome_rule_name(r));
	}
	for (size_t i = 0; i < sizeof(prose_lines) / sizeof(*prose_lines); i++) {
		int r = wt__chrome_rule(prose_lines[i], strlen(prose_lines[i]), &tv, &st);
		assert_int_equal(st, WT_OK);
		if (r)
			fail_msg("blanked by '%s': '%s'", wt__chrome_rule_name(r), prose_lines[i]);
	}
	wt__free(tv.v);
}

/* In a text wrapped at 70 columns a line "read more" is the middle of a
 * sentence; an article whose only line is "Watch: ..." is a headline. */
static void test_chrome_rules_context(void **state)
{
	(void)state;
	struct wt_corpus *c;
	assert_int_equal(wt_corpus_new(&c), WT_OK);
	add_dated(c, "wrapped", "2026-04-01", "wire.example",
		  "Analysts said investors who took the trouble to\nread more\n"
		  "into the figures would find the quarter weaker than it looked.\n");
	add_dated(c, "headline", "2026-04-01", "feed.example",
		  "Watch: the moment the new bridge opened to traffic");
	add_dated(c, "page", "2026-04-01", "daily.example",
		  "The new bridge opened to traffic on Friday, the city said.\n\nRead more\n");
	struct wt_options o;
	wt_options_default(&o);
	o.threads = 1;
	struct wt_result *r;
	assert_int_equal(wt_analyze(c, &o, &r), WT_OK);
	struct wt_analysis_stats as;
	wt_result_stats(r, &as);
	assert_int_equal(as.chrome_rule_lines, 1); /* "Read more" on the page only */
	assert_int_equal(as.chrome_articles, 1);
	wt_result_free(r);
	wt_corpus_free(c);
}

/* A footer on unrelated articles of three sites is learned; the sentences
 * that copies of one wire text share on six sites are not. */
static void test_corpus_chrome(void **state)
{
	(void)state;
	static char wire[8192], copies[6][9000], other[6][8192];
	static const char footer[] = "Distributed by the Newsgrid syndication service.";
	static const char *const sites[] = {"a.example", "b.example", "c.example",
					    "d.example", "e.example", "f.example"};
	/* the wire text in paragraphs, so that its lines recur on every copy */
	make_article(wire, sizeof(wire), 4242, 200);
	for (char *p = wire; (p = strstr(p, ". ")); p += 2)
		p[1] = '\n';
	struct wt_corpus *c;
	assert_int_equal(wt_corpus_new(&c), WT_OK);
	add_dated(c, "wire", "2026-04-01T06:00:00Z", "wire.example", wire);
	for (int k = 0; k < 6; k++) {
		char id[32];
		memcpy(copies[k], wire, strlen(wire));
		strcpy(copies[k] + strlen(wire), "\n");
		snprintf(id, sizeof(id), "copy-%u", (unsigned)k % 10);
		add_dated(c, id, "2026-04-01T07:00:00Z", sites[k], copies[k]);
		make_report(other[k], 4096, 300 + (unsigned)k * 31, 120);
		strcat(strcat(strcat(other[k], "\n\n"), footer), "\n");
		snprintf(id, sizeof(id), "other-%u", (unsigned)k % 10);
		add_dated(c, id, "2026-04-01T08:00:00Z", sites[k % 3], other[k]);
	}
	struct wt_options o;
	wt_options_default(&o);
	o.threads = 1;
	struct wt_result *r;
	assert_int_equal(wt_analyze(c, &o, &r), WT_OK);
	struct wt_analysis_stats as;
	wt_result_stats(r, &as);
	/* two reports per site: too few for the site learner (3) */
	assert_int_equal(as.chrome_site_lines, 0);
	assert_int_equal(as.chrome_corpus_lines, 6);
	for (int k = 0; k < 6; k++) {
		char id[32];
		snprintf(id, sizeof(id), "copy-%u", (unsigned)k % 10);
		const struct wt_article_result *ar = wt_result_article(r, index_of(c, id));
		assert_int_equal(ar->family, index_of(c, "wire"));
		assert_int_equal(ar->relation, WT_REL_DUPLICATE);
	}
	wt_result_free(r);
	wt_corpus_free(c);
}

/* samples/page-chrome, with and without chrome removal. */
static struct wt_result *page_chrome(struct wt_corpus **c, int chrome)
{
	assert_int_equal(wt_corpus_new(c), WT_OK);
	assert_int_equal(wt_corpus_read_path(*c, "samples/page-chrome", WT_FORMAT_AUTO), WT_OK);
	assert_int_equal(wt_corpus_count(*c), 8);
	struct wt_options o;
	wt_options_default(&o);
	o.threads = 1;
	o.chrome = chrome;
	struct wt_result *r;
	assert_int_equal(wt_analyze(*c, &o, &r), WT_OK);
	return r;
}

static const char *const gazette[] = {"gazette-bakery.txt", "gazette-footbridge.txt",
				      "gazette-half-marathon.txt", "gazette-library-hours.txt"};

/* The most of either side two of the site's unrelated articles align. */
static double gazette_similarity(const struct wt_corpus *c, const struct wt_result *r,
				 int *linked)
{
	double most = 0;
	*linked = 0;
	for (int x = 0; x < 4; x++)
		for (int y = x + 1; y < 4; y++) {
			size_t i = index_of(c, gazette[x]), j = index_of(c, gazette[y]);
			const struct wt_article_result *ai = wt_result_article(r, i),
						       *aj = wt_result_article(r, j);
			*linked |= ai->family == aj->family || ai->story == aj->story;
			const struct wt_pair *p = find_pair(r, i, j);
			if (p) {
				*linked |= p->linked;
				most = WT_MAX(most, WT_MAX(p->alignment.coverage_a,
							   p->alignment.coverage_b));
			}
		}
	return most;
}

static void test_chrome_unlinks_site(void **state)
{
	(void)state;
	struct wt_corpus *c, *raw;
	struct wt_result *r = page_chrome(&c, 1), *rr = page_chrome(&raw, 0);
	int linked, raw_linked;
	double sim = gazette_similarity(c, r, &linked);
	double raw_sim = gazette_similarity(raw, rr, &raw_linked);
	assert_false(linked);   /* no pair, family or story */
	assert_true(raw_linked); /* the chrome alone had linked them */
	assert_true(sim < 0.05);
	assert_true(raw_sim > 0.25);
	struct wt_analysis_stats as;
	wt_result_stats(r, &as);
	assert_true(as.chrome_rule_lines > 0);
	assert_true(as.chrome_site_lines > 0);   /* the paper's own blurb */
	assert_true(as.chrome_corpus_lines > 0); /* the syndication footer */
	wt_result_free(r);
	wt_result_free(rr);
	wt_corpus_free(c);
	wt_corpus_free(raw);
}

static void test_chrome_raises_copy_coverage(void **state)
{
	(void)state;
	struct wt_corpus *c, *raw;
	struct wt_result *r = page_chrome(&c, 1), *rr = page_chrome(&raw, 0);
	size_t v = index_of(c, "valley-times.txt"), k = index_of(c, "coastal-post.txt");
	size_t w = index_of(c, "northwire-frost.txt");
	/* The two copies aligned with each other, their chrome blanked or
	 * not: each side's share aligned to the other rises. */
	struct wt__chrome ch;
	assert_int_equal(wt__chrome(c, 2, &ch), WT_OK);
	const struct wt_article *av = wt_corpus_get(c, v), *ak = wt_corpus_get(c, k);
	struct wt_alignment clean, dirty;
	assert_int_equal(wt_align_texts(ch.texts[v], av->text_len, ch.texts[k], ak->text_len, NULL,
					&clean), WT_OK);
	assert_int_equal(wt_align_texts(av->text, av->text_len, ak->text, ak->text_len, NULL,
					&dirty), WT_OK);
	assert_true(clean.coverage_a > dirty.coverage_a + 0.05);
	assert_true(clean.coverage_b > dirty.coverage_b + 0.05);
	assert_true(clean.coverage_b > 0.99); /* Coastal Post: all wire text */
	wt_alignment_release(&clean);
	wt_alignment_release(&dirty);
	wt__chrome_release(&ch, c);
	/* In the pipeline: each copy's coverage of the wire text rises, and
	 * the Valley Times page, cleaned, is the wire text itself. */
	const struct wt_article_result *vt = wt_result_article(r, v), *kt = wt_result_article(r, k);
	assert_int_equal(vt->source, w);
	assert_int_equal(kt->source, w);
	assert_int_equal(vt->relation, WT_REL_DUPLICATE);
	assert_true(wt_result_article(rr, v)->relation != WT_REL_DUPLICATE);
	assert_true(vt->coverage > wt_result_article(rr, v)->coverage + 0.05);
	assert_true(kt->coverage > wt_result_article(rr, k)->coverage + 0.05);
	wt_result_free(r);
	wt_result_free(rr);
	wt_corpus_free(c);
	wt_corpus_free(raw);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_relations),
		cmocka_unit_test(test_containment_not_jaccard),
		cmocka_unit_test(test_threads_same_result),
		cmocka_unit_test(test_bad_options),
		cmocka_unit_test(test_rewrite_and_independent),
		cmocka_unit_test(test_credit_decides_undated),
		cmocka_unit_test(test_url_slug_words),
		cmocka_unit_test(test_number_terms),
		cmocka_unit_test(test_url_slug_names_story),
		cmocka_unit_test(test_chrome_rules),
		cmocka_unit_test(test_chrome_rules_context),
		cmocka_unit_test(test_corpus_chrome),
		cmocka_unit_test(test_chrome_unlinks_site),
		cmocka_unit_test(test_chrome_raises_copy_coverage),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
