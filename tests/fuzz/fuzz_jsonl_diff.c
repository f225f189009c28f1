/*
 * fuzz_jsonl_diff.c - differential libFuzzer target for the JSON Lines
 * reader: its hand-written scanner (src/read/read_jsonl.c) against jansson,
 * which the project already links.  The input's first line is read both
 * ways.  When jansson accepts it as an object, the reader must accept it
 * too, and its article (or its "no article text" skip) must follow from
 * jansson's values: text from "text", else "maintext", else "description";
 * id, url, site, date, title trimmed and compared byte for byte; an absent
 * or blank id becomes "<input>:<line>".  When jansson rejects the line (or
 * parses an array), the reader must reject it as malformed JSON.
 *
 * Lines where the two are allowed to differ are left out: invalid UTF-8
 * (the reader repairs it, jansson refuses it), raw NUL bytes, a leading
 * byte order mark,
 * lone surrogate escapes (the reader writes U+FFFD, jansson refuses them),
 * numbers jansson cannot hold, duplicate keys (jansson keeps the last, the
 * reader the first), nesting deeper than the reader's limit of 64.  "\u0000"
 * is allowed in jansson and expected as U+FFFD from the reader.
 */
#include <jansson.h>

#include "fuzz_check.h"

#define NAME "fuzz.jsonl"

struct seen {
	struct fuzz_diags fd;
	int malformed;   /* "malformed JSON" */
	int too_deep;    /* the reader's nesting limit */
	int no_text;     /* "record skipped: no article text" */
};

static void on_diag(void *ud, const struct wt_diag *d)
{
	struct seen *s = ud;
	fuzz_on_diag(&s->fd, d);
	if (d->kind != WT_DIAG_SKIP)
		return;
	if (!strncmp(d->message, "malformed JSON", 14) ||
	    !strncmp(d->message, "input skipped", 13))
		s->malformed = 1; /* rejected: the line, or the input whole */
	else if (strstr(d->message, "no article text"))
		s->no_text = 1;
	else
		FUZZ_CHECK(!"unexpected skip of a valid line");
	if (strstr(d->message, "nested too deep"))
		s->too_deep = 1;
}

/* The value of the first of `keys` (NULL-terminated) holding a string or
 * a number, as the reader picks it; NULL when none does. */
static json_t *pick(json_t *obj, const char *const *keys)
{
	for (int i = 0; keys[i]; i++) {
		json_t *v = json_object_get(obj, keys[i]);
		if (v && (json_is_string(v) || json_is_number(v)))
			return v;
	}
	return NULL;
}

/* The string's bytes with each NUL replaced by U+FFFD, into a malloc'd
 * buffer; *n receives the length. */
static char *expect_bytes(json_t *v, size_t *n)
{
	const char *s = json_string_value(v);
	size_t len = json_string_length(v), k = 0;
	char *out = malloc(len * 3 + 1);
	FUZZ_CHECK(out != NULL);
	for (size_t i = 0; i < len; i++) {
		if (s[i]) {
			out[k++] = s[i];
		} else {
			memcpy(out + k, "\xEF\xBF\xBD", 3);
			k += 3;
		}
	}
	out[k] = 0;
	*n = k;
	return out;
}

static int trim_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* A metadata field as the article must hold it: trimmed, NULL if empty. */
static void check_meta(json_t *obj, const char *const *keys, const char *got)
{
	json_t *v = pick(obj, keys);
	if (!v) {
		FUZZ_CHECK(got == NULL);
		return;
	}
	if (json_is_number(v)) {
		FUZZ_CHECK(got != NULL); /* the number as written */
		return;
	}
	size_t n;
	char *e = expect_bytes(v, &n);
	char *p = e;
	while (n && trim_space(*p)) {
		p++;
		n--;
	}
	while (n && trim_space(p[n - 1]))
		n--;
	if (n == 0) {
		FUZZ_CHECK(got == NULL);
	} else {
		FUZZ_CHECK(got != NULL);
		FUZZ_CHECK(strlen(got) == n && !memcmp(got, p, n));
	}
	free(e);
}

static int all_space(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!(s[i] == ' ' || s[i] == '\n' || s[i] == '\r' || s[i] == '\t' ||
		      s[i] == '\f' || s[i] == '\v'))
			return 0;
	return 1;
}

static void compare(json_t *obj, const struct wt_corpus *c, const struct seen *s)
{
	static const char *const k_text[] = {"text", "maintext", NULL};
	static const char *const k_desc[] = {"description", NULL};
	static const char *const k_id[] = {"id", NULL};
	static const char *const k_url[] = {"url", NULL};
	static const char *const k_site[] = {"site", "source_domain", NULL};
	static const char *const k_date[] = {"date", "date_publish", NULL};
	static const char *const k_title[] = {"title", NULL};

	json_t *t = pick(obj, k_text);
	if (!t)
		t = pick(obj, k_desc);
	char *text = NULL;
	size_t text_len = 0;
	int has_text = 0;
	if (t && json_is_number(t)) {
		has_text = 1;
	} else if (t) {
		text = expect_bytes(t, &text_len);
		has_text = text_len > 0 && !all_space(text, text_len);
	}
	if (!has_text) {
		FUZZ_CHECK(wt_corpus_count(c) == 0 && s->no_text);
		free(text);
		return;
	}
	FUZZ_CHECK(wt_corpus_count(c) == 1 && !s->no_text);
	const struct wt_article *a = wt_corpus_get(c, 0);
	if (text)
		FUZZ_CHECK(a->text_len == text_len && !memcmp(a->text, text, text_len));
	free(text);

	json_t *id = pick(obj, k_id);
	if (!id || json_is_string(id)) {
		/* A missing or blank id: the input's name and the line. */
		int blank = 1;
		if (id) {
			const char *v = json_string_value(id);
			for (size_t i = 0; i < json_string_length(id); i++)
				if (!trim_space(v[i]))
					blank = 0;
		}
		if (blank)
			FUZZ_CHECK(!strcmp(a->id, NAME ":1"));
		else
			check_meta(obj, k_id, a->id);
	}
	check_meta(obj, k_url, a->url);
	check_meta(obj, k_site, a->site);
	check_meta(obj, k_date, a->date);
	check_meta(obj, k_title, a->title);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *line = (const char *)data;
	const char *nl = memchr(line, '\n', size);
	size_t len = nl ? (size_t)(nl - line) : size;
	int blank = 1;
	for (size_t i = 0; i < len; i++)
		if (line[i] != ' ' && line[i] != '\t' && line[i] != '\r')
			blank = 0;
	/* Raw NUL bytes are left out too: the reader skips such an input as
	 * binary, while jansson 2.14 was seen to accept `{"text":-0<NUL>}`. */
	if (blank || !fuzz_utf8_valid(line, len, 0) ||
	    (len >= 3 && !memcmp(line, "\xEF\xBB\xBF", 3)))
		return 0;

	json_error_t err;
	json_t *root = json_loadb(line, len, JSON_REJECT_DUPLICATES | JSON_ALLOW_NUL, &err);
	if (!root) {
		enum json_error_code code = json_error_code(&err);
		if (code == json_error_numeric_overflow || code == json_error_duplicate_key ||
		    code == json_error_null_byte_in_key || code == json_error_out_of_memory ||
		    code == json_error_stack_overflow ||
		    !strncmp(err.text, "invalid Unicode '", 17))
			return 0;
	}

	struct wt_corpus *c;
	if (wt_corpus_new(&c) != WT_OK) {
		json_decref(root);
		return 0;
	}
	struct seen s = {{0}, 0, 0, 0};
	s.fd.name = NAME;
	s.fd.len = len;
	wt_corpus_set_diag(c, on_diag, &s);
	FUZZ_CHECK(wt_corpus_read_memory(c, NAME, line, len, WT_FORMAT_JSONL) == WT_OK);
	fuzz_check_corpus(c);
	fuzz_check_diags(c, &s.fd);

	if (!root || !json_is_object(root)) {
		if (!s.malformed)
			fprintf(stderr, "jansson: %s\n", root ? "an array" : err.text);
		FUZZ_CHECK(s.malformed);
		FUZZ_CHECK(wt_corpus_count(c) == 0);
	} else if (!s.too_deep) {
		if (s.malformed)
			fprintf(stderr, "jansson accepted what the reader did not\n");
		FUZZ_CHECK(!s.malformed);
		compare(root, c, &s);
	}
	json_decref(root);
	wt_corpus_free(c);
	return 0;
}
