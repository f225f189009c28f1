/*
 * cmd_show.c - `wiretrace show STORY INPUT...`: one story printed for a
 * person: its articles by date with site and relation, the lineage tree,
 * what each version added, dropped and changed against its source, and
 * where versions disagree.
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

const char cli_show_usage[] =
	"usage: wiretrace show [OPTIONS] STORY [INPUT...]\n"
	"       wiretrace show --db FILE STORY\n"
	"\n"
	"Analyzes the inputs as 'wiretrace run' does (same options), or the\n"
	"articles of a store (--db FILE, see 'wiretrace add'), and prints\n"
	"the story that holds the article with id STORY: its articles by date\n"
	"with site and relation, the lineage tree of sources, what each version\n"
	"added, dropped and changed against its source (words only in the source\n"
	"[-like this-], words only in the version {+like this+}), and the\n"
	"numbers and quotations on which versions disagree.\n";

/* Prints a sentence of an article on one line, spaces squeezed, cut at
 * `max` bytes (on a UTF-8 boundary). */
static void put_sentence(FILE *out, const char *text, struct wt_span sp, size_t max)
{
	size_t n = 0;
	int space = 0;
	for (size_t i = sp.start; i < sp.end; i++) {
		unsigned char ch = (unsigned char)text[i];
		if (ch == '\n' || ch == '\r' || ch == '\t' || ch == ' ') {
			space = 1;
			continue;
		}
		if (n >= max && (ch & 0xC0) != 0x80) {
			fputs(" ...", out);
			return;
		}
		if (space && n)
			fputc(' ', out), n++;
		space = 0;
		fputc(ch, out);
		n++;
	}
}

/* Prints the word-level edit from one sentence to another. */
static void put_word_diff(FILE *out, const char *a, struct wt_span sa, const char *b,
			  struct wt_span sb)
{
	struct wt_edit *e = NULL;
	size_t ne = 0;
	if (wt_word_diff(a + sa.start, sa.end - sa.start, b + sb.start, sb.end - sb.start, &e,
			 &ne)) {
		put_sentence(out, b, sb, 400);
		return;
	}
	for (size_t k = 0; k < ne; k++) {
		struct wt_span as = {sa.start + e[k].a.start, sa.start + e[k].a.end};
		struct wt_span bs = {sb.start + e[k].b.start, sb.start + e[k].b.end};
		/* a space between pieces, but none between the words of Thai
		 * or Chinese */
		int del = e[k].op == WT_EDIT_DELETE;
		if (k && !cli_glued_before(del ? a : b, del ? sa.start : sb.start,
					   del ? as.start : bs.start))
			fputc(' ', out);
		switch (e[k].op) {
		case WT_EDIT_SAME:
			put_sentence(out, b, bs, 400);
			break;
		case WT_EDIT_DELETE:
			fputs("[-", out);
			put_sentence(out, a, as, 400);
			fputs("-]", out);
			break;
		case WT_EDIT_INSERT:
			fputs("{+", out);
			put_sentence(out, b, bs, 400);
			fputs("+}", out);
			break;
		}
	}
	wt_free(e);
}

static const char *or_dash(const char *s)
{
	return s && *s ? s : "-";
}

/* The lineage under article `a`: its copies and rewrites, indented. */
static void put_lineage(FILE *out, const struct wt_corpus *c, const struct wt_result *r,
			const struct wt_story_versions *v, size_t a, int depth)
{
	for (size_t m = 0; m < v->n_versions; m++) {
		size_t x = v->versions[m].article;
		const struct wt_article_result *ar = wt_result_article(r, x);
		if (ar->source != a)
			continue;
		fprintf(out, "%*s`- %s  %s, %.0f%% aligned, by %s\n", 2 + 3 * depth, "",
			wt_corpus_get(c, x)->id, wt_relation_name(ar->relation),
			ar->coverage * 100.0, or_dash(wt_rule_name(ar->rule)));
		if (depth < 64)
			put_lineage(out, c, r, v, x, depth + 1);
	}
}

int cli_show_story(FILE *out, const struct wt_corpus *c, const struct wt_result *r,
		   const char *story_id)
{
	size_t n = wt_corpus_count(c), at = SIZE_MAX;
	for (size_t i = 0; i < n && at == SIZE_MAX; i++)
		if (!strcmp(wt_corpus_get(c, i)->id, story_id))
			at = i;
	if (at == SIZE_MAX) {
		cli_error("no article with id '%s' in the inputs", story_id);
		return EXIT_USAGE;
	}
	size_t story = wt_result_article(r, at)->story;
	struct wt_story_versions *v = NULL;
	enum wt_status st = wt_story_versions(r, story, &v);
	if (st) {
		cli_error("story '%s': %s", story_id, wt_strerror(st));
		return EXIT_INTERNAL;
	}
	const struct wt_article *sa = wt_corpus_get(c, story);
	const char *first = NULL, *last = NULL;
	for (size_t m = 0; m < v->n_versions; m++) {
		const struct wt_article *a = wt_corpus_get(c, v->versions[m].article);
		if (a->time == WT_TIME_UNKNOWN)
			continue;
		if (!first)
			first = a->date;
		last = a->date;
	}
	fprintf(out, "story %s\n  %s\n  %zu articles, %s to %s\n\n", sa->id, or_dash(sa->title),
		v->n_versions, or_dash(first), or_dash(last));

	fputs("articles, earliest first\n", out);
	for (size_t m = 0; m < v->n_versions; m++) {
		size_t x = v->versions[m].article;
		const struct wt_article *a = wt_corpus_get(c, x);
		const struct wt_article_result *ar = wt_result_article(r, x);
		fprintf(out, "  %-25s %-24s %-11s %s\n", or_dash(a->date), or_dash(a->site),
			wt_relation_name(ar->relation), a->id);
		if (a->title)
			fprintf(out, "  %-25s %-24s %-11s   \"%s\"\n", "", "", "", a->title);
	}

	fputs("\nlineage\n", out);
	for (size_t m = 0; m < v->n_versions; m++) {
		size_t x = v->versions[m].article;
		const struct wt_article_result *ar = wt_result_article(r, x);
		if (ar->source != WT_NONE)
			continue;
		fprintf(out, "  %s  %s\n", wt_corpus_get(c, x)->id, wt_relation_name(ar->relation));
		put_lineage(out, c, r, v, x, 0);
	}

	fputs("\nwhat each version changed\n", out);
	for (size_t m = 0; m < v->n_versions; m++) {
		const struct wt_version *ver = &v->versions[m];
		const struct wt_article *a = wt_corpus_get(c, ver->article);
		const struct wt_article_result *ar = wt_result_article(r, ver->article);
		if (ver->source == WT_NONE) {
			fprintf(out, "  %s (%s): %zu sentences of its own\n", a->id,
				wt_relation_name(ar->relation), ver->n_added);
			continue;
		}
		const struct wt_article *src = wt_corpus_get(c, ver->source);
		fprintf(out, "  %s (%s of %s): %zu added, %zu dropped, %zu changed\n", a->id,
			wt_relation_name(ar->relation), src->id, ver->n_added, ver->n_dropped,
			ver->n_changed);
		for (size_t k = 0; k < ver->n_added; k++) {
			fputs("    + ", out);
			put_sentence(out, a->text, v->sentences[ver->added[k]].span, 300);
			fputc('\n', out);
		}
		for (size_t k = 0; k < ver->n_dropped; k++) {
			fputs("    - ", out);
			put_sentence(out, src->text, v->sentences[ver->dropped[k]].span, 300);
			fputc('\n', out);
		}
		for (size_t k = 0; k < ver->n_changed; k++) {
			fputs("    ~ ", out);
			put_word_diff(out, src->text, v->sentences[ver->changed[k].source_sentence].span,
				      a->text, v->sentences[ver->changed[k].sentence].span);
			fputc('\n', out);
		}
	}
	struct wt_claim *cl = NULL;
	size_t ncl = 0;
	if ((st = wt_story_claims(r, v, &cl, &ncl))) {
		wt_story_versions_free(v);
		cli_error("story '%s': %s", story_id, wt_strerror(st));
		return EXIT_INTERNAL;
	}
	fprintf(out, "\nwhere versions disagree: %zu\n", ncl);
	for (size_t k = 0; k < ncl; k++) {
		fprintf(out, "  %s\n", cl[k].kind == WT_CLAIM_NUMBER ? "number" : "quotation");
		for (size_t x = 0; x < cl[k].n_versions; x++) {
			const struct wt_claim_version *cv = &cl[k].versions[x];
			const char *text = wt_corpus_get(c, cv->article)->text;
			fputs(x ? "    vs " : "       ", out);
			fputc('"', out);
			put_sentence(out, text, cv->span, 200);
			fputc('"', out);
			if (cv->elided)
				fputs(" (cut short)", out);
			fputs(" in", out);
			for (size_t q = 0; q < cv->n_articles; q++)
				fprintf(out, "%s %s", q ? "," : "", wt_corpus_get(c, cv->articles[q])->id);
			fputc('\n', out);
		}
	}
	wt_story_claims_free(cl, ncl);
	wt_story_versions_free(v);
	return EXIT_OK;
}
