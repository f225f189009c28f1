/*
 * test_versions.c - the sentences of a story aligned across its articles:
 * what a copy added, dropped and changed against its source, a quotation
 * cut short still aligned with the whole, the figure and the quotation on
 * which the two versions disagree (and not the figure they share), a
 * story with no such article refused, and the figures of a list of like
 * sentences, which every copy repeats, no conflict.
 */
#include "helpers.h"

static const char wire[] =
	"ODESSA (Northwire) - A cargo ship ran aground in the Dniester estuary on Monday, "
	"spilling about 40 tonnes of sunflower oil, the regional harbour master said. "
	"The Marina Belova, carrying 12,000 tonnes of grain, was refloated by three tugs "
	"after six hours. \"We expect the slick to be cleaned up within a week, but birds "
	"nesting on the sandbanks are at risk,\" said harbour master Oleg Vasko. "
	"Fishing in the estuary has been suspended until Friday. "
	"The ship's owner, Black Sea Bulk, said an investigation had begun.";

/* A copy: the grain figure changed, the quotation cut short, the last
 * sentence dropped, a sentence of its own added. */
static const char copy[] =
	"ODESSA (Northwire) - A cargo ship ran aground in the Dniester estuary on Monday, "
	"spilling about 40 tonnes of sunflower oil, the regional harbour master said. "
	"The Marina Belova, carrying 14,000 tonnes of grain, was refloated by three tugs "
	"after six hours. \"We expect the slick to be cleaned up within a week ...\" "
	"said harbour master Oleg Vasko. "
	"Fishing in the estuary has been suspended until Friday. "
	"Local beaches in Zatoka remain open to visitors, the town council said.";

static void test_added_dropped_changed(void **state)
{
	(void)state;
	struct wt_corpus *c;
	assert_int_equal(wt_corpus_new(&c), WT_OK);
	add_dated(c, "wire", "2026-05-04T08:00:00Z", "northwire.example", wire);
	add_dated(c, "copy", "2026-05-04T09:30:00Z", "coastal-news.example", copy);
	struct wt_options o;
	wt_options_default(&o);
	o.threads = 1;
	struct wt_result *r;
	assert_int_equal(wt_analyze(c, &o, &r), WT_OK);
	const struct wt_article_result *cr = wt_result_article(r, 1);
	assert_int_equal(cr->source, 0);
	assert_int_equal(cr->story, 0);

	struct wt_story_versions *v;
	assert_int_equal(wt_story_versions(r, 0, &v), WT_OK);
	assert_int_equal(v->n_versions, 2);
	assert_int_equal(v->versions[0].article, 0); /* earliest first */
	assert_int_equal(v->versions[0].source, WT_NONE);
	assert_int_equal(v->versions[0].n_added, 5); /* all the wire's sentences */
	const struct wt_version *ver = &v->versions[1];
	assert_int_equal(ver->article, 1);
	assert_int_equal(ver->source, 0);
	/* added: the beaches */
	assert_int_equal(ver->n_added, 1);
	const struct wt_story_sentence *s = &v->sentences[ver->added[0]];
	assert_int_equal(s->article, 1);
	assert_non_null(strstr(copy + s->span.start, "Zatoka"));
	assert_true(s->span.start > strlen(copy) / 2);
	/* dropped: the owner's investigation, a sentence of the wire */
	assert_int_equal(ver->n_dropped, 1);
	s = &v->sentences[ver->dropped[0]];
	assert_int_equal(s->article, 0);
	assert_true(!strncmp(wire + s->span.start, "The ship's owner", 16));
	/* changed: the grain figure, and the quotation cut short */
	assert_int_equal(ver->n_changed, 2);
	for (size_t k = 0; k < ver->n_changed; k++) {
		const struct wt_story_sentence *a = &v->sentences[ver->changed[k].source_sentence];
		const struct wt_story_sentence *b = &v->sentences[ver->changed[k].sentence];
		assert_int_equal(a->article, 0);
		assert_int_equal(b->article, 1);
		assert_int_equal(a->group, b->group);
		assert_false(b->exact);
	}
	const struct wt_story_sentence *grain = &v->sentences[ver->changed[0].sentence];
	assert_non_null(strstr(copy + grain->span.start, "14,000"));
	assert_true(strstr(copy + grain->span.start, "14,000") < copy + grain->span.end);
	wt_story_versions_free(v);

	/* Where the versions disagree: the grain figure, and the quotation
	 * cut short; the oil spill (40 tonnes in both) is no conflict. */
	assert_int_equal(wt_story_versions(r, 0, &v), WT_OK);
	struct wt_claim *cl;
	size_t ncl;
	assert_int_equal(wt_story_claims(r, v, &cl, &ncl), WT_OK);
	assert_int_equal(ncl, 2);
	int numbers = 0, quotes = 0;
	for (size_t k = 0; k < ncl; k++) {
		assert_int_equal(cl[k].n_versions, 2);
		const struct wt_claim_version *a = &cl[k].versions[0], *b = &cl[k].versions[1];
		assert_int_equal(a->article, 0); /* the earliest first */
		assert_int_equal(b->article, 1);
		assert_int_equal(a->n_articles, 1);
		assert_int_equal(b->articles[0], 1);
		if (cl[k].kind == WT_CLAIM_NUMBER) {
			numbers++;
			assert_true(a->value == 12000.0);
			assert_true(b->value == 14000.0);
			assert_true(!strncmp(wire + a->span.start, "12,000 tonnes", 13));
			assert_true(!strncmp(copy + b->span.start, "14,000 tonnes", 13));
		} else {
			quotes++;
			assert_false(a->elided);
			assert_true(b->elided);
			assert_true(!strncmp(wire + a->span.start, "We expect the slick", 19));
		}
	}
	assert_int_equal(numbers, 1);
	assert_int_equal(quotes, 1);
	wt_story_claims_free(cl, ncl);
	wt_story_versions_free(v);

	/* only a story's id article names it */
	assert_int_equal(wt_story_versions(r, 1, &v), WT_ERR_INVALID);
	assert_null(v);
	wt_result_free(r);
	wt_corpus_free(c);
}

/* A text whose sentences differ only in a figure: a list of departures.
 * Every copy carries both figures; they are two sentences, not two
 * versions of one, and no conflict. */
static const char timetable[] =
	"PIRAEUS (Northwire) - Ferry services to the islands resume on Saturday after "
	"the strike, the port authority said. The first ferry to Naxos leaves at 7 in "
	"the morning from gate E7 with 900 passengers booked. The second ferry to Naxos "
	"leaves at 9 in the morning from gate E7 with 900 passengers booked. Tickets "
	"bought for cancelled sailings remain valid until the end of the month.";

static void test_list_figures_no_conflict(void **state)
{
	(void)state;
	struct wt_corpus *c;
	assert_int_equal(wt_corpus_new(&c), WT_OK);
	add_dated(c, "wire", "2026-05-04T08:00:00Z", "northwire.example", timetable);
	add_dated(c, "copy1", "2026-05-04T09:00:00Z", "island-news.example", timetable);
	add_dated(c, "copy2", "2026-05-04T09:30:00Z", "port-daily.example", timetable);
	struct wt_options o;
	wt_options_default(&o);
	o.threads = 1;
	struct wt_result *r;
	assert_int_equal(wt_analyze(c, &o, &r), WT_OK);
	assert_int_equal(wt_result_article(r, 1)->story, 0);
	assert_int_equal(wt_result_article(r, 2)->story, 0);
	struct wt_story_versions *v;
	assert_int_equal(wt_story_versions(r, 0, &v), WT_OK);
	struct wt_claim *cl;
	size_t ncl;
	assert_int_equal(wt_story_claims(r, v, &cl, &ncl), WT_OK);
	assert_int_equal(ncl, 0);
	wt_story_claims_free(cl, ncl);
	wt_story_versions_free(v);
	wt_result_free(r);
	wt_corpus_free(c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_added_dropped_changed),
		cmocka_unit_test(test_list_figures_no_conflict),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
