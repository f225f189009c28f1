/*
 * html.c - the article in a news web page.  A page is mostly not the
 * article: navigation, teasers of other stories, share bars, newsletter
 * boxes, comments, captions, cookie notices.  gumbo parses the page as a
 * browser would; then three things are read from the tree:
 *
 *   - metadata, from what publishers write for search engines and social
 *     sites (JSON-LD, Open Graph and other <meta> tags, <link rel=canonical>,
 *     <time>), which is more reliable than anything guessed from the layout;
 *   - the body's container, found by scoring: every paragraph adds its
 *     weight (length, commas) to its parent and, less, to its ancestors, so
 *     the element holding most prose wins; class names saying "comment",
 *     "share", "related" weigh against, "article-body" and its like for;
 *     the share of link text discounts lists of links;
 *   - the body's text: the winning container and those of its siblings that
 *     score well too, walked in order, paragraphs as blank-line separated
 *     blocks, boilerplate subtrees and link lists left out.
 *
 * The approach is that of Arc90's readability, the basis of most
 * extractors; the weights here were set on pages of many outlets.
 */
#include <gumbo.h>
#include <jansson.h>
#include <string.h>

#include "core/core.h"
#include "pipeline/pipeline.h"
#include "read/html.h"
#include "text/text.h"

#define MAX_DEPTH 256      /* deeper elements are not walked */
#define MAX_HTML (32u << 20) /* larger pages are cut */
#define MIN_PARA 25        /* bytes of text for a paragraph to score */

/* ---- small helpers ------------------------------------------------------ */

static const char *attr(const GumboNode *n, const char *name)
{
	if (n->type != GUMBO_NODE_ELEMENT)
		return NULL;
	GumboAttribute *a = gumbo_get_attribute(&n->v.element.attributes, name);
	return a ? a->value : NULL;
}

static int eq_ci(const char *a, const char *lc)
{
	return a && wt__eq_ci(a, strlen(a), lc);
}

/* Whether `s` contains `word` (lowercase) case-insensitively. */
static int has_ci(const char *s, const char *lc)
{
	return s && wt__find_ci(s, strlen(s), lc);
}

static char *dup_n(const char *s, size_t n)
{
	char *p = wt__malloc(n + 1);
	if (p) {
		memcpy(p, s, n);
		p[n] = 0;
	}
	return p;
}

/* Collapses runs of white space to one space and trims; owned copy. */
static char *squash(const char *s)
{
	if (!s)
		return NULL;
	size_t n = strlen(s);
	char *p = wt__malloc(n + 1), *o = p;
	if (!p)
		return NULL;
	int space = 1;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
			if (!space)
				*o++ = ' ';
			space = 1;
		} else if (c == 0xC2 && (unsigned char)s[i + 1] == 0xA0) {
			if (!space)
				*o++ = ' ';
			space = 1;
			i++;
		} else {
			*o++ = (char)c;
			space = 0;
		}
	}
	while (o > p && o[-1] == ' ')
		o--;
	*o = 0;
	if (o == p) {
		wt__free(p);
		return NULL;
	}
	return p;
}

/* ---- per-node facts ----------------------------------------------------- */

/* Elements whose subtree is never article text. */
static int is_skipped_tag(GumboTag t)
{
	switch (t) {
	case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT:
	case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_SVG: case GUMBO_TAG_MATH:
	case GUMBO_TAG_IFRAME: case GUMBO_TAG_OBJECT: case GUMBO_TAG_EMBED:
	case GUMBO_TAG_CANVAS: case GUMBO_TAG_VIDEO: case GUMBO_TAG_AUDIO:
	case GUMBO_TAG_SELECT: case GUMBO_TAG_BUTTON: case GUMBO_TAG_INPUT:
	case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_NAV: case GUMBO_TAG_ASIDE:
	case GUMBO_TAG_FOOTER: case GUMBO_TAG_FIGCAPTION:
	case GUMBO_TAG_MENU: case GUMBO_TAG_HEAD: case GUMBO_TAG_TITLE:
	case GUMBO_TAG_META: case GUMBO_TAG_LINK: case GUMBO_TAG_IMG:
	case GUMBO_TAG_SOURCE: case GUMBO_TAG_LABEL:
		return 1;
	default:
		return 0;
	}
}

/* Elements that end a paragraph of text. */
static int is_block(GumboTag t)
{
	switch (t) {
	case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_SECTION:
	case GUMBO_TAG_ARTICLE: case GUMBO_TAG_MAIN: case GUMBO_TAG_H1:
	case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5:
	case GUMBO_TAG_H6: case GUMBO_TAG_LI: case GUMBO_TAG_UL: case GUMBO_TAG_OL:
	case GUMBO_TAG_DL: case GUMBO_TAG_DT: case GUMBO_TAG_DD:
	case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_PRE: case GUMBO_TAG_TABLE:
	case GUMBO_TAG_TR: case GUMBO_TAG_TD: case GUMBO_TAG_TH: case GUMBO_TAG_BR:
	case GUMBO_TAG_HR: case GUMBO_TAG_HEADER: case GUMBO_TAG_FIGURE:
	case GUMBO_TAG_ADDRESS: case GUMBO_TAG_FORM: case GUMBO_TAG_CENTER:
	case GUMBO_TAG_BODY: case GUMBO_TAG_FIELDSET: case GUMBO_TAG_DETAILS:
	case GUMBO_TAG_SUMMARY: case GUMBO_TAG_CAPTION:
		return 1;
	default:
		return 0;
	}
}

/* Words in class and id that mark boilerplate, and those that mark the
 * article; matched inside the attribute ("post-share-bar" is "share"). */
static const char *const NEGATIVE[] = {
	"comment", "share", "sharing", "social", "related", "newsletter", "subscri",
	"signup", "sign-up", "promo", "advert", "sponsor", "sidebar", "footer",
	"breadcrumb", "popup", "modal", "cookie", "banner", "caption", "byline",
	"author", "toolbar", "widget", "recommend", "trending", "popular",
	"outbrain", "taboola", "read-more", "readmore", "more-stories", "masthead",
	"skip", "hidden", "sr-only", "visually-hidden", "offscreen",
	"tags", "tag-list", "keywords", "pagination", "pager", "disqus", "rss",
	"print", "menu", "navbar", "navigation", "dateline", "timestamp",
	"credit", "gallery", "slideshow", "teaser", "overlay", "extra", "rail",
	"ad-", "-ad", "ads", "video", "meta", "infobox", "inline-",
	"follow", "donate", "alert", "headline", "header", NULL};
static const char *const POSITIVE[] = {
	"article", "body", "content", "entry", "main", "story", "text", "post",
	"blog", "page", "column", "prose", "rich", NULL};

/* Article body containers most sites name this way. */
static const char *const BODY_NAMES[] = {
	"articlebody", "article-body", "article_body", "article__body",
	"story-body", "story_body", "storybody", "story__body", "entry-content",
	"post-content", "post-body", "post__content", "article-content",
	"article__content", "articlecontent", "article-text", "article__text",
	"story-content", "story-text", "body-text", "bodytext", "main-text",
	"content-body", "rich-text", "article-copy", NULL};

/* Whether lowercase `s` contains one of `words`. */
static int match_any(const char *s, const char *const *words)
{
	for (int i = 0; words[i]; i++)
		if (strstr(s, words[i]))
			return 1;
	return 0;
}

/* Copies an attribute lowercased into buf (cut at cap - 1 bytes). */
static const char *lowered(const char *s, char *buf, size_t cap)
{
	size_t k = 0;
	for (; s && s[k] && k + 1 < cap; k++)
		buf[k] = (char)wt__lower((unsigned char)s[k]);
	buf[k] = 0;
	return buf;
}

/* -1 for boilerplate by class or id, +1 for article, 0 for neither. */
static int class_weight(const GumboNode *n)
{
	char buf[2][256];
	const char *cls = lowered(attr(n, "class"), buf[0], sizeof(buf[0]));
	const char *id = lowered(attr(n, "id"), buf[1], sizeof(buf[1]));
	int w = 0;
	for (int k = 0; k < 2; k++) {
		const char *s = k ? id : cls;
		if (!*s)
			continue;
		int neg = match_any(s, NEGATIVE), pos = match_any(s, POSITIVE);
		if (neg && !pos)
			w -= 1;
		else if (pos && !neg)
			w += 1;
	}
	if ((*cls && match_any(cls, BODY_NAMES)) || (*id && match_any(id, BODY_NAMES)))
		w += 2;
	const char *ip = attr(n, "itemprop");
	if (ip && has_ci(ip, "articlebody"))
		w += 3;
	return w;
}

/* Whether a node is hidden or is boilerplate by its markup alone. */
static int is_hidden(const GumboNode *n)
{
	if (attr(n, "hidden"))
		return 1;
	const char *aria = attr(n, "aria-hidden");
	if (aria && eq_ci(aria, "true"))
		return 1;
	const char *style = attr(n, "style");
	if (style && (has_ci(style, "display:none") || has_ci(style, "display: none") ||
		      has_ci(style, "visibility:hidden")))
		return 1;
	const char *role = attr(n, "role");
	if (role && (eq_ci(role, "navigation") || eq_ci(role, "complementary") ||
		     eq_ci(role, "banner") || eq_ci(role, "contentinfo") ||
		     eq_ci(role, "dialog") || eq_ci(role, "alert") || eq_ci(role, "menu")))
		return 1;
	return 0;
}

/* ---- the tree as an array ----------------------------------------------- */

/*
 * The page's nodes in document order, each with the end of its subtree, so
 * that every pass is a loop and no pass recurses on hostile nesting.
 */
enum { F_SKIP = 1, F_BOILER = 2, F_TEXT = 4, F_LINK = 8,
       F_BLOCKS = 16 /* holds a block element other than <br> */ };

struct nd {
	const GumboNode *g;
	uint32_t parent, end; /* end: one past the last node of the subtree */
	uint16_t depth;
	uint8_t flags;
	int8_t weight;        /* class_weight */
	size_t text, links;   /* bytes of text, and of link text, below */
	size_t commas;
	double score;
	int scored;
};

struct tree {
	struct nd *v;
	size_t n, cap;
};

#define MAX_NODES ((size_t)1 << 22)

/* Bytes of a text node once its runs of spaces are one space. */
static size_t text_weight(const char *s, size_t *commas)
{
	size_t n = 0;
	int space = 1;
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f') {
			if (!space)
				n++;
			space = 1;
			continue;
		}
		space = 0;
		n++;
		if (c == ',')
			(*commas)++;
		/* the commas of CJK and Arabic script: U+FF0C, U+3001, U+060C */
		if ((c == 0xEF && (unsigned char)s[1] == 0xBC && (unsigned char)s[2] == 0x8C) ||
		    (c == 0xE3 && (unsigned char)s[1] == 0x80 && (unsigned char)s[2] == 0x81) ||
		    (c == 0xD8 && (unsigned char)s[1] == 0x8C))
			(*commas)++;
	}
	return n;
}

/*
 * Builds the array.  RELAXED: class names and ids do not cut subtrees
 * (the second try, for pages whose article sits in an element named like
 * boilerplate); ALL: every element, for the metadata.
 */
enum { STRICT, RELAXED, ALL };

static enum wt_status build(struct tree *t, const GumboNode *root, int mode)
{
	int relaxed = mode != STRICT;
	struct frame {
		const GumboNode *g;
		uint32_t self;
		size_t child;
		int in_link;
	};
	struct frame *stack = wt__malloc((MAX_DEPTH + 2) * sizeof(*stack));
	if (!stack)
		return WT_ERR_NOMEM;
	enum wt_status st = WT_OK;
	size_t top = 0;
	t->n = 0;
	if ((st = WT_GROW(t->v, t->cap, 1, MAX_NODES)))
		goto out;
	t->v[0] = (struct nd){.g = root, .parent = 0};
	t->n = 1;
	stack[0] = (struct frame){root, 0, 0, 0};
	top = 1;
	while (top) {
		struct frame *f = &stack[top - 1];
		const GumboVector *kids = f->g->type == GUMBO_NODE_ELEMENT ? &f->g->v.element.children
					  : f->g->type == GUMBO_NODE_DOCUMENT ? &f->g->v.document.children
					  : NULL;
		if (!kids || f->child >= kids->length || top > MAX_DEPTH) {
			t->v[f->self].end = (uint32_t)t->n;
			top--;
			continue;
		}
		const GumboNode *c = kids->data[f->child++];
		if (c->type == GUMBO_NODE_COMMENT || c->type == GUMBO_NODE_WHITESPACE)
			continue;
		if (t->n >= MAX_NODES)
			continue;
		if ((st = WT_GROW(t->v, t->cap, t->n + 1, MAX_NODES)))
			goto out;
		uint32_t self = (uint32_t)t->n++;
		struct nd *d = &t->v[self];
		*d = (struct nd){.g = c, .parent = f->self, .end = self + 1, .depth = (uint16_t)top};
		if (c->type == GUMBO_NODE_TEXT || c->type == GUMBO_NODE_CDATA) {
			d->flags = F_TEXT | (f->in_link ? F_LINK : 0);
			d->text = text_weight(c->v.text.text, &d->commas);
			if (f->in_link)
				d->links = d->text;
			continue;
		}
		if (c->type != GUMBO_NODE_ELEMENT)
			continue;
		GumboTag tag = c->v.element.tag;
		if (is_block(tag) && tag != GUMBO_TAG_BR)
			t->v[f->self].flags |= F_BLOCKS;
		if (mode == ALL) {
			if (top <= MAX_DEPTH)
				stack[top++] = (struct frame){c, self, 0, 0};
			continue;
		}
		d->weight = (int8_t)class_weight(c);
		if (is_skipped_tag(tag) || is_hidden(c) || c->v.element.tag_namespace != GUMBO_NAMESPACE_HTML) {
			d->flags = F_SKIP;
			continue;
		}
		if (d->weight < 0 && tag != GUMBO_TAG_BODY && tag != GUMBO_TAG_HTML &&
		    tag != GUMBO_TAG_ARTICLE && tag != GUMBO_TAG_MAIN) {
			d->flags = F_BOILER;
			if (!relaxed)
				continue;
		}
		if (top <= MAX_DEPTH)
			stack[top++] = (struct frame){c, self, 0, f->in_link || tag == GUMBO_TAG_A};
	}
	/* Sums flow up: a parent comes before its children. */
	for (size_t i = t->n; i-- > 1;) {
		struct nd *d = &t->v[i], *p = &t->v[d->parent];
		if (d->flags & (F_SKIP | (relaxed ? 0 : F_BOILER)))
			continue;
		p->text += d->text;
		p->links += d->links;
		p->commas += d->commas;
	}
out:
	wt__free(stack);
	return st;
}

static GumboTag tag_of(const struct nd *d)
{
	return d->g->type == GUMBO_NODE_ELEMENT ? d->g->v.element.tag : GUMBO_TAG_UNKNOWN;
}

static double link_density(const struct nd *d)
{
	return d->text ? (double)d->links / (double)d->text : 0;
}

/* Whether an element holds another block element (a div used as a <p>
 * holds none); set while the array is built, as a scan of the children
 * for each of a container's text nodes would be quadratic. */
static int has_block_child(const struct tree *t, size_t i)
{
	return t->v[i].flags & F_BLOCKS;
}

static double base_score(const struct nd *d)
{
	double s = 0;
	switch (tag_of(d)) {
	case GUMBO_TAG_DIV: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_SECTION: case GUMBO_TAG_MAIN:
		s = 5;
		break;
	case GUMBO_TAG_PRE: case GUMBO_TAG_TD: case GUMBO_TAG_BLOCKQUOTE:
		s = 3;
		break;
	case GUMBO_TAG_ADDRESS: case GUMBO_TAG_OL: case GUMBO_TAG_UL: case GUMBO_TAG_DL:
	case GUMBO_TAG_DD: case GUMBO_TAG_DT: case GUMBO_TAG_LI: case GUMBO_TAG_FORM:
		s = -3;
		break;
	case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4:
	case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_TH:
		s = -5;
		break;
	default:
		break;
	}
	return s + 25.0 * d->weight;
}

/* Adds a paragraph's weight to its ancestors from `a` up. */
static void add_score(struct tree *t, size_t a, size_t text, size_t commas)
{
	double s = 1.0 + (double)commas + WT_MIN((double)(text / 100), 3.0);
	for (int level = 0; level < 5 && a; level++) {
		struct nd *p = &t->v[a];
		if (!p->scored) {
			p->score = base_score(p);
			p->scored = 1;
		}
		p->score += level == 0 ? s : level == 1 ? s / 2 : s / (level * 3);
		a = p->parent;
	}
}

static int is_para(const struct tree *t, size_t i)
{
	GumboTag tag = tag_of(&t->v[i]);
	return tag == GUMBO_TAG_P || tag == GUMBO_TAG_PRE || tag == GUMBO_TAG_TD ||
	       ((tag == GUMBO_TAG_DIV || tag == GUMBO_TAG_SECTION) && !has_block_child(t, i));
}

/* Whether `anc` is `i` or one of its ancestors. */
static int within(const struct tree *t, size_t anc, size_t i)
{
	return i >= anc && i < t->v[anc].end;
}

/*
 * Scores paragraphs into their ancestors: <p> and its like, and text set
 * loose in a container (many sites put the body straight into a <div>,
 * broken by <br>).  @return the best container.
 */
static size_t score(struct tree *t, int relaxed)
{
	for (size_t i = 1; i < t->n; i++) {
		struct nd *d = &t->v[i];
		if (d->flags & F_SKIP || (!relaxed && (d->flags & F_BOILER)))
			continue;
		if (d->flags & F_TEXT) {
			/* Loose text: a text node straight in a container. */
			if (d->text >= MIN_PARA && !(d->flags & F_LINK) && d->parent &&
			    !is_para(t, d->parent) && is_block(tag_of(&t->v[d->parent])))
				add_score(t, d->parent, d->text, d->commas);
			continue;
		}
		if (!is_para(t, i) || d->text < MIN_PARA)
			continue;
		/* A <div> holding only text and <br> may be the whole body: it
		 * is a candidate itself, not only its parent. */
		GumboTag tag = tag_of(d);
		add_score(t, tag == GUMBO_TAG_DIV || tag == GUMBO_TAG_SECTION ? i : d->parent,
			  d->text, d->commas);
	}
	size_t cand[5] = {0};
	for (size_t i = 1; i < t->n; i++) {
		struct nd *d = &t->v[i];
		if (!d->scored)
			continue;
		d->score *= 1.0 - link_density(d);
		for (int k = 0; k < 5; k++) {
			if (!cand[k] || d->score > t->v[cand[k]].score) {
				memmove(cand + k + 1, cand + k, (size_t)(4 - k) * sizeof(*cand));
				cand[k] = i;
				break;
			}
		}
	}
	size_t best = cand[0];
	if (!best)
		return 0;
	/* The body is often cut in chunks between advertisements: when three
	 * of the next candidates scoring near the best share an ancestor with
	 * it, the ancestor is the article. */
	double top = t->v[best].score;
	for (size_t a = t->v[best].parent; a && tag_of(&t->v[a]) != GUMBO_TAG_BODY;
	     a = t->v[a].parent) {
		int n = 0;
		for (int k = 1; k < 5 && cand[k]; k++)
			if (t->v[cand[k]].score >= 0.75 * top && within(t, a, cand[k]))
				n++;
		if (n >= 3) {
			best = a;
			break;
		}
	}
	/* A parent scoring higher than its best child holds more of it. */
	double last = t->v[best].score, floor = last / 3;
	for (size_t a = t->v[best].parent; a && tag_of(&t->v[a]) != GUMBO_TAG_BODY;
	     a = t->v[a].parent) {
		if (!t->v[a].scored)
			continue;
		if (t->v[a].score < floor)
			break;
		if (t->v[a].score > last) {
			best = a;
			break;
		}
		last = t->v[a].score;
	}
	/* An only child says no more than its parent. */
	for (size_t a = t->v[best].parent; a && tag_of(&t->v[a]) != GUMBO_TAG_BODY;
	     a = t->v[a].parent) {
		size_t kids = 0;
		for (size_t k = a + 1; k < t->v[a].end; k = t->v[k].end)
			kids += !(t->v[k].flags & F_TEXT) || t->v[k].text > 0;
		if (kids != 1)
			break;
		best = a;
	}
	return best;
}

/* ---- text out ----------------------------------------------------------- */

/* One paragraph written: where it is in the buffer. */
struct para {
	size_t start, end;
};

struct out {
	struct wt__buf b;
	struct para *paras;
	size_t n, cap;
	int para;     /* a paragraph break is due before the next text */
	int space;    /* a space is due */
	enum wt_status st;
};

static void put(struct out *o, const char *s, size_t n)
{
	if (!o->st)
		o->st = wt__buf_append(&o->b, s, n);
}

/* Ends the paragraph being written, if any. */
static void end_para(struct out *o)
{
	size_t start = o->n ? o->paras[o->n - 1].end : 0;
	if (o->st || o->b.len == start)
		return;
	if ((o->st = WT_GROW(o->paras, o->cap, o->n + 1, (size_t)1 << 24)))
		return;
	o->paras[o->n++] = (struct para){start, o->b.len};
}

/* Whether a small block is a list of links (a menu, "more stories"). */
static int link_block(const struct nd *d)
{
	GumboTag tag = tag_of(d);
	double ld = link_density(d);
	if (tag == GUMBO_TAG_P)
		return d->text && ld > 0.8 && d->text < 200;
	if (tag == GUMBO_TAG_UL || tag == GUMBO_TAG_OL || tag == GUMBO_TAG_DIV ||
	    tag == GUMBO_TAG_SECTION || tag == GUMBO_TAG_TABLE || tag == GUMBO_TAG_LI)
		return d->text && ld > 0.5;
	return 0;
}

static int is_heading(GumboTag t)
{
	return t == GUMBO_TAG_H1 || t == GUMBO_TAG_H2 || t == GUMBO_TAG_H3 ||
	       t == GUMBO_TAG_H4 || t == GUMBO_TAG_H5 || t == GUMBO_TAG_H6;
}

/*
 * Whether a block is a teaser card of another story: a small block whose
 * heading is a link (or sits in one), with perhaps an excerpt beside it.
 * An article's own subheadings are not links.
 */
static int is_card(const struct tree *t, size_t i)
{
	const struct nd *d = &t->v[i];
	GumboTag tag = tag_of(d);
	if (!(tag == GUMBO_TAG_DIV || tag == GUMBO_TAG_LI || tag == GUMBO_TAG_ARTICLE ||
	      tag == GUMBO_TAG_SECTION) || d->text > 600)
		return 0;
	for (size_t k = i + 1; k < d->end; k++) {
		const struct nd *h = &t->v[k];
		if (h->flags & F_TEXT || !is_heading(tag_of(h)))
			continue;
		if (h->text && (double)h->links >= 0.8 * (double)h->text)
			return 1;
	}
	return 0;
}

static void emit_text(struct out *o, const char *s)
{
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		int sp = c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' ||
			 (c == 0xC2 && (unsigned char)s[1] == 0xA0);
		if (sp) {
			if (c == 0xC2)
				s++;
			o->space = 1;
			continue;
		}
		if (o->para) {
			end_para(o);
			if (o->b.len)
				put(o, "\n\n", 2);
			if (o->n)
				o->paras[o->n - 1].end = o->b.len; /* the break is the start */
			o->para = o->space = 0;
		} else if (o->space) {
			if (o->b.len)
				put(o, " ", 1);
			o->space = 0;
		}
		put(o, s, 1);
	}
}

/* Writes the text of the subtree at `i`, paragraphs apart, leaving out
 * boilerplate (unless relaxed), link lists and teaser cards. */
static void emit(const struct tree *t, size_t i, int relaxed, struct out *o)
{
	size_t stack[MAX_DEPTH + 2], ends[MAX_DEPTH + 2];
	size_t top = 0, k = i, end = t->v[i].end;
	o->para = 1;
	while (k < end) {
		while (top && k >= ends[top - 1]) {
			if (is_block(tag_of(&t->v[stack[top - 1]])))
				o->para = 1;
			top--;
		}
		const struct nd *d = &t->v[k];
		if (d->flags & F_TEXT) {
			emit_text(o, d->g->v.text.text);
			k++;
			continue;
		}
		GumboTag tag = tag_of(d);
		if (d->flags & F_SKIP || (!relaxed && (d->flags & F_BOILER)) ||
		    (k != i && (link_block(d) || tag == GUMBO_TAG_H1 || is_card(t, k)))) {
			k = d->end;
			continue;
		}
		if (is_block(tag))
			o->para = 1;
		if (top < MAX_DEPTH + 1) {
			stack[top] = k;
			ends[top++] = d->end;
		}
		k++;
	}
	o->para = 1;
}

static int cmp_size(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;
	return x < y ? -1 : x > y;
}

/* Whether two elements carry the same non-empty class attribute. */
static int same_class(const struct nd *a, const struct nd *b)
{
	const char *x = attr(a->g, "class"), *y = attr(b->g, "class");
	return x && y && *x && !strcmp(x, y) && tag_of(a) == tag_of(b);
}

#define MAX_PARTS 64

/*
 * The container, those of its siblings that hold article text too, and its
 * twins: sites cut a long body into chunks between advertisements, each a
 * container of the same class, sometimes far apart in the tree.  All are
 * written in document order.
 */
static void emit_article(const struct tree *t, size_t best, int relaxed, struct out *o)
{
	const struct nd *b = &t->v[best];
	size_t parts[MAX_PARTS], n = 0;
	size_t parent = b->parent;
	double threshold = WT_MAX(10.0, b->score * 0.2);
	if (!parent) {
		parts[n++] = best;
	} else {
		for (size_t k = parent + 1; k < t->v[parent].end && n < MAX_PARTS; k = t->v[k].end) {
			const struct nd *d = &t->v[k];
			int take = k == best;
			if (!take && !(d->flags & (F_TEXT | F_SKIP)) &&
			    (relaxed || !(d->flags & F_BOILER))) {
				double bonus = d->weight > 0 && d->weight == b->weight ? b->score * 0.2 : 0;
				if (d->scored && d->score + bonus >= threshold)
					take = 1;
				else if (tag_of(d) == GUMBO_TAG_P && d->text > 80 && link_density(d) < 0.25)
					take = 1;
			}
			if (take)
				parts[n++] = k;
		}
	}
	size_t first = parent ? parent : best, last = t->v[first].end;
	for (size_t k = 1; k < t->n && n < MAX_PARTS; k++) {
		const struct nd *d = &t->v[k];
		if (k >= first && k < last) {
			k = last - 1; /* already taken or left */
			continue;
		}
		if (d->scored && d->score >= threshold && same_class(d, b) &&
		    !within(t, k, best)) {
			parts[n++] = k;
			k = d->end - 1;
		}
	}
	qsort(parts, n, sizeof(*parts), cmp_size);
	for (size_t i = 0; i < n; i++)
		emit(t, parts[i], relaxed, o);
}

/* ---- metadata ----------------------------------------------------------- */

/* One field's best value so far: lower rank wins. */
struct meta_field {
	char *v;
	int rank;
};

struct meta {
	struct meta_field title, date, url, site, byline, body;
	enum wt_status st;
};

/* Offers `s` (borrowed, squashed here) for field `f` at `rank`. */
static void offer(struct meta *m, struct meta_field *f, const char *s, int rank)
{
	if (m->st || !s || (f->v && f->rank <= rank))
		return;
	char *v = squash(s);
	if (!v)
		return;
	if (f == &m->date && wt_parse_date(v) == WT_TIME_UNKNOWN) {
		wt__free(v); /* a date no one can read: a lesser source may give one */
		return;
	}
	wt__free(f->v);
	f->v = v;
	f->rank = rank;
}

static int is_url(const char *s)
{
	return s && (!strncmp(s, "http://", 7) || !strncmp(s, "https://", 8) || s[0] == '/');
}

/* Joins author names "A, B and C" from JSON-LD author values. */
static void add_author(struct wt__buf *b, const json_t *a, int depth)
{
	if (depth > 4 || !a)
		return;
	if (json_is_array(a)) {
		size_t i;
		json_t *v;
		json_array_foreach(a, i, v) add_author(b, v, depth + 1);
		return;
	}
	const char *name = json_is_string(a) ? json_string_value(a)
			   : json_string_value(json_object_get(a, "name"));
	if (!name || !*name || is_url(name) || b->len > 1000)
		return;
	if (b->len && wt__buf_append(b, ", ", 2))
		return;
	(void)wt__buf_append(b, name, strlen(name));
}

static int is_article_type(const json_t *type)
{
	if (json_is_array(type)) {
		size_t i;
		json_t *v;
		json_array_foreach(type, i, v) if (is_article_type(v)) return 1;
		return 0;
	}
	const char *s = json_string_value(type);
	if (!s)
		return 0;
	size_t n = strlen(s);
	return (n >= 7 && !strcmp(s + n - 7, "Article")) || !strcmp(s, "BlogPosting") ||
	       !strcmp(s, "LiveBlogPosting") || !strcmp(s, "Report");
}

/* Reads an article object of JSON-LD, and looks into @graph and arrays. */
static void json_ld(struct meta *m, const json_t *j, int depth)
{
	if (depth > 8 || !j)
		return;
	if (json_is_array(j)) {
		size_t i;
		json_t *v;
		json_array_foreach(j, i, v) json_ld(m, v, depth + 1);
		return;
	}
	if (!json_is_object(j))
		return;
	json_ld(m, json_object_get(j, "@graph"), depth + 1);
	if (!is_article_type(json_object_get(j, "@type"))) {
		json_ld(m, json_object_get(j, "mainEntity"), depth + 1);
		return;
	}
	offer(m, &m->title, json_string_value(json_object_get(j, "headline")), 2);
	offer(m, &m->date, json_string_value(json_object_get(j, "datePublished")), 1);
	offer(m, &m->date, json_string_value(json_object_get(j, "dateCreated")), 6);
	const char *u = json_string_value(json_object_get(j, "url"));
	offer(m, &m->url, is_url(u) && u[0] != '/' ? u : NULL, 3);
	const json_t *pub = json_object_get(j, "publisher");
	if (json_is_array(pub))
		pub = json_array_get(pub, 0);
	offer(m, &m->site, json_string_value(json_object_get(pub, "name")), 2);
	struct wt__buf b;
	wt__buf_init(&b, 4096);
	add_author(&b, json_object_get(j, "author"), 0);
	if (b.len)
		offer(m, &m->byline, wt__buf_cstr(&b), 1);
	wt__buf_release(&b);
	const char *body = json_string_value(json_object_get(j, "articleBody"));
	if (body && (!m->body.v || strlen(body) > strlen(m->body.v))) {
		wt__free(m->body.v);
		m->body.v = wt__strdup(body);
		m->body.rank = 1;
	}
}

static void parse_json_ld(struct meta *m, const char *s)
{
	json_error_t err;
	json_t *j = json_loads(s, JSON_DECODE_ANY | JSON_ALLOW_NUL, &err);
	if (!j) {
		/* Some pages wrap it in a comment or end it with a ';'. */
		const char *a = strchr(s, '{'), *z = strrchr(s, '}');
		if (a && z && z > a)
			j = json_loadb(a, (size_t)(z - a + 1), JSON_DECODE_ANY, &err);
	}
	if (j) {
		json_ld(m, j, 0);
		json_decref(j);
	}
}

/* <meta> names for each field, best first. */
static const char *const META_TITLE[] = {"og:title", "twitter:title", "dc.title", NULL};
static const char *const META_DATE[] = {
	"article:published_time", "og:article:published_time", "datepublished",
	"publishdate", "publish-date", "pubdate", "parsely-pub-date", "sailthru.date",
	"dc.date.issued", "dcterms.created", "dc.date", "date", "article.published",
	"published_time", "og:published_time", "originalpublicationdate",
	"article:modified_time", NULL};
static const char *const META_SITE[] = {"og:site_name", "application-name", "twitter:site", NULL};
static const char *const META_AUTHOR[] = {
	"author", "article:author", "byl", "dc.creator", "sailthru.author",
	"parsely-author", "twitter:creator", NULL};

static int meta_rank(const char *key, const char *const *names)
{
	for (int i = 0; names[i]; i++)
		if (eq_ci(key, names[i]))
			return i;
	return -1;
}

/* Text of an element, squashed; owned. */
static char *inner_text(const GumboNode *n)
{
	struct wt__buf b;
	wt__buf_init(&b, WT_MAX_FIELD);
	const GumboNode *stack[64];
	size_t idx[64], top = 0;
	stack[top] = n;
	idx[top++] = 0;
	while (top) {
		const GumboNode *g = stack[top - 1];
		if (g->type != GUMBO_NODE_ELEMENT || idx[top - 1] >= g->v.element.children.length) {
			top--;
			continue;
		}
		const GumboNode *c = g->v.element.children.data[idx[top - 1]++];
		if (c->type == GUMBO_NODE_TEXT || c->type == GUMBO_NODE_WHITESPACE) {
			if (wt__buf_append(&b, c->v.text.text, strlen(c->v.text.text)) ||
			    wt__buf_putc(&b, ' '))
				break;
		} else if (c->type == GUMBO_NODE_ELEMENT && top < 64 &&
			   !is_skipped_tag(c->v.element.tag)) {
			stack[top] = c;
			idx[top++] = 0;
		}
	}
	char *s = b.len ? squash(wt__buf_cstr(&b)) : NULL;
	wt__buf_release(&b);
	return s;
}

static void read_meta(struct meta *m, const struct tree *t)
{
	for (size_t i = 1; i < t->n && !m->st; i++) {
		const struct nd *d = &t->v[i];
		if (d->flags & F_TEXT)
			continue;
		const GumboNode *g = d->g;
		GumboTag tag = tag_of(d);
		if (tag == GUMBO_TAG_META) {
			const char *key = attr(g, "property");
			if (!key)
				key = attr(g, "name");
			if (!key)
				key = attr(g, "itemprop");
			const char *v = attr(g, "content");
			if (!key || !v)
				continue;
			int r;
			if ((r = meta_rank(key, META_TITLE)) >= 0)
				offer(m, &m->title, v, 1 + 2 * r);
			if ((r = meta_rank(key, META_DATE)) >= 0)
				offer(m, &m->date, v, 2 + r);
			if ((r = meta_rank(key, META_SITE)) >= 0 && !(r == 2 && v[0] == '@'))
				offer(m, &m->site, v, 1 + 2 * r);
			if ((r = meta_rank(key, META_AUTHOR)) >= 0 && !is_url(v) && v[0] != '@')
				offer(m, &m->byline, v, 2 + r);
			if (eq_ci(key, "og:url") && is_url(v) && v[0] != '/')
				offer(m, &m->url, v, 2);
		} else if (tag == GUMBO_TAG_LINK) {
			const char *rel = attr(g, "rel"), *href = attr(g, "href");
			if (rel && href && eq_ci(rel, "canonical") && is_url(href) && href[0] != '/')
				offer(m, &m->url, href, 1);
		} else if (tag == GUMBO_TAG_TITLE) {
			if (!m->title.v || m->title.rank > 20) {
				char *s = inner_text(g);
				offer(m, &m->title, s, 20);
				wt__free(s);
			}
		} else if (tag == GUMBO_TAG_SCRIPT) {
			const char *type = attr(g, "type");
			if (type && eq_ci(type, "application/ld+json") &&
			    g->v.element.children.length == 1) {
				const GumboNode *c = g->v.element.children.data[0];
				if (c->type == GUMBO_NODE_TEXT || c->type == GUMBO_NODE_CDATA ||
				    c->type == GUMBO_NODE_WHITESPACE)
					parse_json_ld(m, c->v.text.text);
			}
		} else if (tag == GUMBO_TAG_TIME) {
			const char *dt = attr(g, "datetime"), *ip = attr(g, "itemprop");
			const char *pd = attr(g, "pubdate");
			if (dt)
				offer(m, &m->date, dt, (ip && has_ci(ip, "datepublished")) || pd ? 3 : 30);
		} else if (tag == GUMBO_TAG_H1) {
			if (!m->title.v || m->title.rank > 10) {
				char *s = inner_text(g);
				offer(m, &m->title, s, 10);
				wt__free(s);
			}
		} else {
			const char *ip = attr(g, "itemprop"), *rel = attr(g, "rel");
			const char *cls = attr(g, "class");
			int author = (ip && eq_ci(ip, "author")) || (rel && eq_ci(rel, "author")) ||
				     (cls && (has_ci(cls, "byline") || has_ci(cls, "author-name")));
			if (author && (!m->byline.v || m->byline.rank > 20)) {
				char *s = inner_text(g);
				if (s && strlen(s) < 200)
					offer(m, &m->byline, s, 20);
				wt__free(s);
			}
			if (ip && eq_ci(ip, "datepublished")) {
				const char *v = attr(g, "content");
				offer(m, &m->date, v, 3);
			}
		}
	}
}

/* ---- the page ----------------------------------------------------------- */

/* ---- the page, extracted ------------------------------------------------ */

void wt__page_release(struct wt__page *p)
{
	if (!p)
		return;
	wt__free(p->url);
	wt__free(p->title);
	wt__free(p->date);
	wt__free(p->site);
	wt__free(p->byline);
	wt__free(p->text);
	memset(p, 0, sizeof(*p));
}

/* The host of a URL without "www."; owned. */
static char *host_of(const char *url)
{
	if (!url)
		return NULL;
	const char *h = strstr(url, "://");
	h = h ? h + 3 : url;
	size_t n = strcspn(h, "/?#:");
	if (n > 4 && !strncmp(h, "www.", 4))
		h += 4, n -= 4;
	return n ? dup_n(h, n) : NULL;
}

/*
 * The text kept from what was written: paragraphs that are page chrome by
 * their wording ("Advertisement", "Read more", a photo credit: the rule
 * table of pipeline/chrome_rules.c, also applied to every text later) are
 * left out.  (Leaving out paragraphs of
 * link text, or short lines after the last sentence, lost more article
 * than furniture on pages of many sites: link lists and tour dates are
 * article too.)  @return an owned text or NULL.
 */
static char *finish(struct out *o, size_t *len)
{
	end_para(o);
	if (o->st)
		return NULL;
	struct wt__buf b;
	wt__buf_init(&b, WT_MAX_TEXT);
	struct wt__tokens tv = {0};
	for (size_t i = 0; i < o->n && !o->st; i++) {
		const struct para *p = &o->paras[i];
		const char *s = o->b.data + p->start;
		size_t n = p->end - p->start;
		while (n && (s[n - 1] == ' ' || s[n - 1] == '\n'))
			n--;
		if (!n || (n <= WT__CHROME_RULE_BYTES && wt__chrome_rule(s, n, &tv, &o->st)))
			continue;
		if (b.len)
			o->st = wt__buf_append(&b, "\n\n", 2);
		if (!o->st)
			o->st = wt__buf_append(&b, s, n);
	}
	wt__free(tv.v);
	if (o->st || !b.len) {
		wt__buf_release(&b);
		return NULL;
	}
	return wt__buf_detach(&b, len);
}

/* Drops a leading "By " from a byline, in place. */
static void trim_by(char *s)
{
	if (s && (s[0] == 'B' || s[0] == 'b') && s[1] == 'y' && s[2] == ' ')
		memmove(s, s + 3, strlen(s + 3) + 1);
}

/* The body text from the tree, or NULL when it holds no article. */
static enum wt_status body_text(const GumboNode *root, char **text, size_t *len)
{
	*text = NULL;
	*len = 0;
	struct tree t = {0};
	enum wt_status st = WT_OK;
	for (int mode = STRICT; mode <= RELAXED && !*text; mode++) {
		if ((st = build(&t, root, mode)))
			break;
		size_t best = score(&t, mode);
		if (!best)
			continue;
		struct out o = {0};
		wt__buf_init(&o.b, WT_MAX_TEXT);
		emit_article(&t, best, mode, &o);
		size_t n = 0;
		char *s = finish(&o, &n);
		st = o.st;
		wt__buf_release(&o.b);
		wt__free(o.paras);
		if (st)
			break;
		/* A body under 250 bytes is the wrong element when a looser
		 * reading finds more; keep it as the last resort. */
		if (n < 250 && mode == STRICT) {
			wt__free(s);
			continue;
		}
		*text = s;
		*len = n;
	}
	wt__free(t.v);
	return st;
}

/* Makes an owned string valid UTF-8: gumbo turns a numeric character
 * reference too large for an int ("&#x20bbbbbbbbbb;") into bytes that are
 * no UTF-8, where the HTML standard says U+FFFD. */
static enum wt_status make_valid(char **s, size_t *len)
{
	if (!*s)
		return WT_OK;
	size_t n = len ? *len : strlen(*s);
	if (wt__utf8_valid_prefix(*s, n) == n)
		return WT_OK;
	char *fixed;
	size_t flen;
	if (wt__utf8_repair(*s, n, &fixed, &flen, NULL, NULL) < 0)
		return WT_ERR_NOMEM;
	wt__free(*s);
	*s = fixed;
	if (len)
		*len = flen;
	return WT_OK;
}

enum wt_status wt__html_extract(const char *html, size_t len, const char *charset,
				const char *url, struct wt__page *page)
{
	memset(page, 0, sizeof(*page));
	char declared[64];
	if (!charset && wt__charset_sniff(html, len, declared, sizeof(declared)))
		charset = declared;
	char *conv = NULL;
	size_t conv_len = 0;
	enum wt_status st = wt__to_utf8(html, len, charset, &conv, &conv_len, NULL);
	if (st)
		return st;
	const char *src = conv ? conv : html;
	size_t n = conv ? conv_len : len;
	if (n > MAX_HTML) {
		n = MAX_HTML;
		page->cut = 1;
	}
	char *guarded = NULL; /* see html_guard.c */
	size_t whole = n;
	if ((st = wt__html_guard(&src, &n, &guarded))) {
		wt__free(conv);
		return st;
	}
	if (n < whole)
		page->cut = 1;
	GumboOptions opt = kGumboDefaultOptions;
	opt.max_errors = 0;
	GumboOutput *g = gumbo_parse_with_options(&opt, src, n);
	if (!g) {
		wt__free(guarded);
		wt__free(conv);
		return WT_ERR_NOMEM;
	}
	struct meta m = {0};
	struct tree all = {0};
	if (!(st = build(&all, g->document, ALL)))
		read_meta(&m, &all);
	wt__free(all.v);
	if (!st)
		st = body_text(g->root, &page->text, &page->text_len);
	gumbo_destroy_output(&opt, g);
	wt__free(guarded);
	wt__free(conv);
	if (!st && !page->text && m.body.v) {
		page->text = m.body.v;
		page->text_len = strlen(m.body.v);
		m.body.v = NULL;
	}
	page->title = m.title.v;
	page->date = m.date.v;
	page->byline = m.byline.v;
	page->url = m.url.v ? m.url.v : (url ? wt__strdup(url) : NULL);
	page->site = m.site.v ? m.site.v : host_of(page->url);
	trim_by(page->byline);
	char ymd[11];
	if (!page->date && (wt__url_date(page->url, ymd, NULL) || wt__url_date(url, ymd, NULL)))
		page->date = wt__strdup(ymd);
	wt__free(m.body.v);
	char **strs[] = {&page->url, &page->title, &page->date, &page->site, &page->byline};
	for (size_t i = 0; i < sizeof(strs) / sizeof(*strs) && !st; i++)
		st = make_valid(strs[i], NULL);
	if (!st)
		st = make_valid(&page->text, &page->text_len);
	if (st)
		wt__page_release(page);
	return st;
}

enum wt_status wt__add_page(struct wt__input *in, struct wt__page *p, const char *id,
			    const char *date, long long offset)
{
	enum wt_status st = WT_OK;
	if (p->cut)
		wt__report(in, WT_DIAG_WARNING, 0, offset,
			   "page larger than %u bytes or nested deeper than %d elements; read up to there",
			   MAX_HTML, WT_HTML_MAX_DEPTH);
	if (!p->text || !p->text_len) {
		wt__report(in, WT_DIAG_SKIP, 0, offset, "page skipped: no article text found");
	} else {
		struct wt__fields f = {0};
		f.id = id, f.id_len = id ? strlen(id) : 0;
		f.url = p->url, f.url_len = p->url ? strlen(p->url) : 0;
		f.site = p->site, f.site_len = p->site ? strlen(p->site) : 0;
		const char *d = p->date && wt_parse_date(p->date) != WT_TIME_UNKNOWN ? p->date : date;
		f.date = d, f.date_len = d ? strlen(d) : 0;
		f.title = p->title, f.title_len = p->title ? strlen(p->title) : 0;
		f.byline = p->byline, f.byline_len = p->byline ? strlen(p->byline) : 0;
		f.text = p->text, f.text_len = p->text_len;
		f.text_offset = offset;
		f.text_bad_offset = -1;
		st = wt__corpus_add_fields(in, &f);
	}
	wt__page_release(p);
	return st;
}

enum wt_status wt__read_html(struct wt__input *in, const char *data, size_t len)
{
	struct wt__page p;
	enum wt_status st = wt__html_extract(data, len, NULL, NULL, &p);
	return st ? st : wt__add_page(in, &p, NULL, NULL, 0);
}
