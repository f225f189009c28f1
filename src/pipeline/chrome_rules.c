/*
 * chrome_rules.c - lines that are page chrome by their wording alone: a
 * newsletter box, a share bar, "Related article: ...", "Read more",
 * "Click here to ...", "Loading...", "Advertisement", a photo credit, a
 * copyright line.  A site's own boilerplate is learned (chrome.c); these
 * are the lines every site prints in its own variant, too few times on any
 * one site for learning to see them.
 *
 * Every rule is in the one table below.  A rule is a phrase, matched on
 * word tokens (wt__tokenize: case-folded, accents and quotes normalized, in
 * every script), at the start of a whole line, and a kind that says what
 * may follow it.  Whole lines only, and short ones: a sentence of the
 * article that mentions a newsletter has more words than any rule lets
 * follow its phrase, and a phrase in the middle of a line is never looked
 * at.  Blanking prose is worse than keeping a chrome line, so a phrase
 * that could open a real sentence ("In other news, ...", "Watch the ...")
 * only matches when a separator (a colon, a bar, a dash, an ellipsis)
 * follows it, or nothing.
 */
#include <pthread.h>
#include <string.h>

#include "core/core.h"
#include "pipeline/pipeline.h"
#include "text/text.h"

enum kind {
	WHOLE, /* the phrase is the whole line (punctuation aside) */
	LEAD,  /* the phrase, then nothing or a separator and a short tail */
	OPEN,  /* the phrase and a short tail: imperatives no sentence opens with */
	COPY,  /* "copyright", then a year or a (c) sign: a copyright line */
	VERB,  /* a share bar's verb: "Share", alone or with the words below */
	NET,   /* a network or action in a share bar: "Facebook", "Email" */
	FILL   /* a filler in a share bar: "on", "this", "article" */
};

#define TAIL 16  /* words after a LEAD phrase and its separator: a headline */
#define OPEN_TAIL 12 /* words after an OPEN phrase: "... for breaking news alerts" */
#define CAPTION 30 /* words after a photo credit's phrase: a caption */
#define NOTICE 45 /* words in a copyright line */

struct rule {
	const char *phrase;
	unsigned char kind;
	unsigned char tail; /* 0: TAIL */
};

/* The rules, by kind of chrome; several languages in each.  A phrase is
 * written as a reader sees it; it is tokenized once, on first use. */
static const struct rule rules[] = {
	/* newsletter and subscription boxes */
	{"subscribe", WHOLE, 0}, {"subscribe now", OPEN, 0}, {"subscribe to", OPEN, 0},
	{"subscribe for", OPEN, 0}, {"subscribe today", OPEN, 0},
	{"sign up", WHOLE, 0}, {"sign up for", OPEN, 0}, {"sign up to", OPEN, 0},
	{"sign up now", OPEN, 0}, {"newsletter", LEAD, 0}, {"newsletters", LEAD, 0},
	{"newsletter sign up", OPEN, 0}, {"get our newsletter", OPEN, 0},
	{"get the newsletter", OPEN, 0}, {"join our newsletter", OPEN, 0},
	{"suscríbete", OPEN, 0}, {"suscribete", OPEN, 0}, {"suscríbase", OPEN, 0},
	{"abonnez-vous", OPEN, 0}, {"inscrivez-vous à notre", OPEN, 0},
	{"abonnieren sie", OPEN, 0}, {"jetzt abonnieren", OPEN, 0},
	{"newsletter abonnieren", OPEN, 0}, {"assine", WHOLE, 0}, {"assine a nossa", OPEN, 0},
	{"assine nossa", OPEN, 0}, {"inscreva-se", OPEN, 0}, {"iscriviti", WHOLE, 0},
	{"iscriviti alla", OPEN, 0}, {"подписывайтесь на", OPEN, 0},
	{"подпишитесь на", OPEN, 0},
	/* follow us */
	{"follow us", OPEN, 0}, {"like us on", OPEN, 0}, {"síguenos", OPEN, 0},
	{"siguenos en", OPEN, 0}, {"suivez-nous", OPEN, 0}, {"folgen sie uns", OPEN, 0},
	{"siga-nos", OPEN, 0}, {"segue-nos", OPEN, 0}, {"seguici su", OPEN, 0},
	{"следите за нами", OPEN, 0},
	/* share bars: "Share this article", "Share on Facebook Twitter Email" */
	{"share", VERB, 0}, {"tweet", VERB, 0}, {"compartir", VERB, 0},
	{"comparte", VERB, 0}, {"compartilhar", VERB, 0}, {"compartilhe", VERB, 0},
	{"partilhar", VERB, 0}, {"partager", VERB, 0}, {"partagez", VERB, 0},
	{"teilen", VERB, 0}, {"condividi", VERB, 0}, {"поделиться", VERB, 0},
	{"شارك", VERB, 0}, {"شیئر", VERB, 0},
	{"facebook", NET, 0}, {"twitter", NET, 0}, {"whatsapp", NET, 0},
	{"linkedin", NET, 0}, {"pinterest", NET, 0}, {"reddit", NET, 0},
	{"telegram", NET, 0}, {"messenger", NET, 0}, {"flipboard", NET, 0},
	{"vk", NET, 0}, {"email", NET, 0}, {"e-mail", NET, 0}, {"mail", NET, 0},
	{"print", NET, 0}, {"sms", NET, 0}, {"copy link", NET, 0}, {"link", NET, 0},
	{"imprimir", NET, 0}, {"imprimer", NET, 0}, {"drucken", NET, 0},
	{"stampa", NET, 0}, {"кнопки", NET, 0}, {"کریں", FILL, 0},
	{"on", FILL, 0}, {"this", FILL, 0}, {"article", FILL, 0}, {"story", FILL, 0},
	{"page", FILL, 0}, {"via", FILL, 0}, {"en", FILL, 0}, {"sur", FILL, 0},
	{"auf", FILL, 0}, {"su", FILL, 0}, {"no", FILL, 0}, {"na", FILL, 0},
	{"в", FILL, 0}, {"artikel", FILL, 0}, {"articolo", FILL, 0},
	{"artículo", FILL, 0}, {"cet", FILL, 0}, {"este", FILL, 0}, {"esta", FILL, 0},
	{"notícia", FILL, 0}, {"статьей", FILL, 0},
	/* related links and read-more lines */
	{"related", LEAD, 0}, {"related article", LEAD, 0}, {"related articles", LEAD, 0},
	{"related story", LEAD, 0}, {"related stories", LEAD, 0},
	{"related content", LEAD, 0}, {"related coverage", LEAD, 0},
	{"related news", LEAD, 0}, {"related links", LEAD, 0},
	{"related video", LEAD, 0}, {"more on this story", LEAD, 0},
	{"see also", LEAD, 0}, {"also read", LEAD, 0}, {"read also", LEAD, 0},
	{"read more", LEAD, 0}, {"read more here", LEAD, 0}, {"read the full story", LEAD, 0},
	{"continue reading", LEAD, 0}, {"continue reading the main story", LEAD, 0},
	{"advertisement continue reading the main story", WHOLE, 0},
	{"scroll down for video", WHOLE, 0}, {"most read", LEAD, 0},
	{"most popular", LEAD, 0}, {"top stories", LEAD, 0},
	{"relacionado", LEAD, 0}, {"relacionados", LEAD, 0},
	{"noticias relacionadas", LEAD, 0}, {"artículos relacionados", LEAD, 0},
	{"lee también", LEAD, 0}, {"lea también", LEAD, 0}, {"leer más", LEAD, 0},
	{"lee más", LEAD, 0}, {"te puede interesar", LEAD, 0},
	{"también te puede interesar", LEAD, 0}, {"más información", LEAD, 0},
	{"ver también", LEAD, 0},
	{"lire aussi", LEAD, 0}, {"à lire aussi", LEAD, 0}, {"lire également", LEAD, 0},
	{"à lire également", LEAD, 0}, {"lire la suite", LEAD, 0}, {"voir aussi", LEAD, 0},
	{"sur le même sujet", LEAD, 0}, {"en savoir plus", LEAD, 0},
	{"lesen sie auch", LEAD, 0}, {"lesen sie mehr", LEAD, 0}, {"mehr zum thema", LEAD, 0},
	{"weiterlesen", LEAD, 0}, {"auch interessant", LEAD, 0}, {"siehe auch", LEAD, 0},
	{"das könnte sie auch interessieren", LEAD, 0},
	{"leia também", LEAD, 0}, {"leia mais", LEAD, 0}, {"saiba mais", LEAD, 0},
	{"veja também", LEAD, 0}, {"notícias relacionadas", LEAD, 0},
	{"leggi anche", LEAD, 0}, {"leggi di più", LEAD, 0},
	{"potrebbe interessarti", LEAD, 0}, {"articoli correlati", LEAD, 0},
	{"vedi anche", LEAD, 0},
	{"читайте также", LEAD, 0}, {"читать также", LEAD, 0}, {"подробнее", LEAD, 0},
	{"читать далее", LEAD, 0}, {"смотрите также", LEAD, 0}, {"по теме", LEAD, 0},
	{"новости по теме", LEAD, 0},
	{"اقرأ أيضا", LEAD, 0}, {"اقرأ أيضاً", LEAD, 0}, {"اقرأ ايضا", LEAD, 0},
	{"إقرأ أيضا", LEAD, 0}, {"اقرأ المزيد", LEAD, 0},
	{"یہ بھی پڑھیں", LEAD, 0}, {"مزید پڑھیں", LEAD, 0},
	{"in other news", LEAD, 0},
	/* click here */
	{"click here", OPEN, 0}, {"tap here", OPEN, 0}, {"haga clic aquí", OPEN, 0},
	{"haz clic aquí", OPEN, 0}, {"pulsa aquí", OPEN, 0}, {"cliquez ici", OPEN, 0},
	{"klicken sie hier", OPEN, 0}, {"hier klicken", OPEN, 0}, {"clique aqui", OPEN, 0},
	{"clicca qui", OPEN, 0}, {"нажмите здесь", OPEN, 0},
	/* loading placeholders */
	{"loading", WHOLE, 0}, {"cargando", WHOLE, 0}, {"chargement", WHOLE, 0},
	{"chargement en cours", WHOLE, 0}, {"wird geladen", WHOLE, 0}, {"lädt", WHOLE, 0},
	{"carregando", WHOLE, 0}, {"caricamento", WHOLE, 0},
	{"caricamento in corso", WHOLE, 0}, {"загрузка", WHOLE, 0},
	/* advertisements and recommendations */
	{"advertisement", WHOLE, 0}, {"advertising", WHOLE, 0}, {"ad", WHOLE, 0},
	{"sponsored", WHOLE, 0}, {"sponsored content", LEAD, 0}, {"publicidad", WHOLE, 0},
	{"publicité", WHOLE, 0}, {"anzeige", WHOLE, 0}, {"werbung", WHOLE, 0},
	{"publicidade", WHOLE, 0}, {"pubblicità", WHOLE, 0}, {"реклама", WHOLE, 0},
	{"إعلان", WHOLE, 0}, {"اشتہار", WHOLE, 0},
	{"recommended", LEAD, 0}, {"recommended for you", LEAD, 0},
	{"recommended stories", LEAD, 0}, {"recomendado", LEAD, 0},
	{"recomendados", LEAD, 0}, {"recommandé", LEAD, 0}, {"empfohlen", LEAD, 0},
	{"consigliati", LEAD, 0}, {"рекомендуем", LEAD, 0},
	/* video teasers */
	{"watch", LEAD, 0}, {"video", LEAD, 0}, {"videos", LEAD, 0}, {"vídeo", LEAD, 0},
	{"vidéo", LEAD, 0}, {"mira", LEAD, 0}, {"regardez", LEAD, 0}, {"assista", LEAD, 0},
	{"guarda", LEAD, 0}, {"смотрите", LEAD, 0}, {"видео", LEAD, 0},
	/* photo credits and captions */
	{"photo", LEAD, CAPTION}, {"photos", LEAD, CAPTION}, {"photograph", LEAD, CAPTION},
	{"picture", LEAD, CAPTION}, {"image", LEAD, CAPTION}, {"credit", LEAD, CAPTION},
	{"photo credit", LEAD, CAPTION}, {"foto", LEAD, CAPTION}, {"fotos", LEAD, CAPTION},
	{"fotografía", LEAD, CAPTION}, {"fotografia", LEAD, CAPTION},
	{"crédito", LEAD, CAPTION}, {"crédit photo", LEAD, CAPTION},
	{"crédit", LEAD, CAPTION}, {"bild", LEAD, CAPTION}, {"фото", LEAD, CAPTION},
	{"photo by", OPEN, 12}, {"photos by", OPEN, 12}, {"photograph by", OPEN, 12},
	{"picture by", OPEN, 12}, {"ap photo", OPEN, 8}, {"image copyright", OPEN, 12},
	{"image source", OPEN, 12}, {"image caption", OPEN, CAPTION},
	{"getty images", WHOLE, 0}, {"afp getty images", WHOLE, 0},
	/* copyright lines */
	{"copyright", COPY, NOTICE}, {"all rights reserved", OPEN, 0},
	{"todos los derechos reservados", OPEN, 0}, {"tous droits réservés", OPEN, 0},
	{"alle rechte vorbehalten", OPEN, 0}, {"todos os direitos reservados", OPEN, 0},
	{"tutti i diritti riservati", OPEN, 0}, {"все права защищены", OPEN, 0},
	{"جميع الحقوق محفوظة", OPEN, 0}, {"جملہ حقوق محفوظ ہیں", OPEN, 0},
};

#define NRULES (sizeof(rules) / sizeof(rules[0]))
#define MAX_PHRASE 8
#define FIRST_BITS 10 /* the first-word filter: 1024 slots */

/* The rules tokenized, built once. */
static struct {
	uint64_t tok[NRULES][MAX_PHRASE];
	unsigned char len[NRULES];
	/* Hashes of every rule's first word: a line whose first word is not
	 * here is not looked at further.  Open addressing, 0 is empty. */
	uint64_t first[1u << FIRST_BITS];
	int failed;
} table;
static pthread_once_t table_once = PTHREAD_ONCE_INIT;

static void first_put(uint64_t h)
{
	size_t mask = (1u << FIRST_BITS) - 1;
	for (size_t k = wt__mix64(h) & mask;; k = (k + 1) & mask) {
		if (table.first[k] == h)
			return;
		if (!table.first[k]) {
			table.first[k] = h;
			return;
		}
	}
}

static int first_has(uint64_t h)
{
	size_t mask = (1u << FIRST_BITS) - 1;
	for (size_t k = wt__mix64(h) & mask;; k = (k + 1) & mask) {
		if (table.first[k] == h)
			return 1;
		if (!table.first[k])
			return 0;
	}
}

static void build_table(void)
{
	struct wt__tokens tv = {0};
	for (size_t r = 0; r < NRULES; r++) {
		if (wt__tokenize(rules[r].phrase, strlen(rules[r].phrase), &tv) || !tv.n ||
		    tv.n > MAX_PHRASE) {
			table.failed = 1;
			break;
		}
		table.len[r] = (unsigned char)tv.n;
		for (size_t k = 0; k < tv.n; k++)
			table.tok[r][k] = tv.v[k].hash;
		first_put(tv.v[0].hash | 1);
	}
	wt__free(tv.v);
}

/* Whether the bytes between two words hold a separator: a colon, a bar,
 * an arrow, a dash with spaces around it, a slash or an ellipsis.  A comma
 * or a full stop is not one: "In other news, the council..." is prose. */
static int separator(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == ':' || c == '|' || c == '>' || c == '/')
			return 1;
		if (c == '-' && i > 0 && s[i - 1] == ' ')
			return 1;
		if (c == '.' && i + 2 < n && s[i + 1] == '.' && s[i + 2] == '.')
			return 1;
		/* UTF-8: » › – — … and the full-width colon */
		if (c == 0xC2 && i + 1 < n && ((unsigned char)s[i + 1] == 0xBB))
			return 1;
		if (c == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80) {
			unsigned char d = (unsigned char)s[i + 2];
			if (d == 0xBA || d == 0x93 || d == 0x94 || d == 0xA6)
				return 1;
		}
		if (c == 0xEF && i + 2 < n && (unsigned char)s[i + 1] == 0xBC &&
		    (unsigned char)s[i + 2] == 0x9A)
			return 1;
	}
	return 0;
}

/* Whether w[0..n) is a year, 1000 to 2999. */
static int year(const char *w, size_t n)
{
	return n == 4 && (w[0] == '1' || w[0] == '2') && w[1] >= '0' && w[1] <= '9' &&
	       w[2] >= '0' && w[2] <= '9' && w[3] >= '0' && w[3] <= '9';
}

/* Whether s[0..n), after spaces, starts with "(c)" or "©". */
static int copy_mark(const char *s, size_t n)
{
	size_t i = 0;
	while (i < n && s[i] == ' ')
		i++;
	return (i + 2 < n && s[i] == '(' && (s[i + 1] | 0x20) == 'c' && s[i + 2] == ')') ||
	       (i + 1 < n && (unsigned char)s[i] == 0xC2 && (unsigned char)s[i + 1] == 0xA9);
}

int wt__chrome_rule(const char *line, size_t len, struct wt__tokens *tv, enum wt_status *st)
{
	if (len > WT__CHROME_RULE_BYTES || !len)
		return 0;
	/* A quotation is what someone said: "Subscribe to our channel," the
	 * singer told fans. */
	unsigned char q0 = (unsigned char)line[0], q1 = len > 1 ? (unsigned char)line[1] : 0,
		      q2 = len > 2 ? (unsigned char)line[2] : 0;
	if (q0 == '"' || q0 == '\'' || (q0 == 0xC2 && q1 == 0xAB) ||
	    (q0 == 0xE2 && q1 == 0x80 && q2 >= 0x98 && q2 <= 0x9F))
		return 0;
	pthread_once(&table_once, build_table);
	if (table.failed)
		return 0;
	/* The first word decides whether the line is tokenized at all. */
	size_t pre = 0;
	while (pre < len && line[pre] != ' ' && pre < 48)
		pre++;
	while (pre < len && pre < 64 && line[pre] == ' ')
		pre++; /* "» Read": the word after a bullet */
	while (pre < len && line[pre] != ' ' && pre < 64)
		pre++;
	if ((*st = wt__tokenize(line, pre, tv)))
		return 0;
	/* "© 2024 Lisbon Daily", "(c) 2024 ...": the sign opens the line */
	int copy_sign = (len > 1 && (unsigned char)line[0] == 0xC2 && (unsigned char)line[1] == 0xA9) ||
			(len > 4 && line[0] == '(' && (line[1] | 0x20) == 'c' && line[2] == ')' &&
			 line[3] == ' ' && line[4] >= '0' && line[4] <= '9');
	if (!copy_sign && (!tv->n || !first_has(tv->v[0].hash | 1)))
		return 0;
	if ((*st = wt__tokenize(line, len, tv)))
		return 0;
	size_t n = tv->n;
	if (!n)
		return 0;
	if (copy_sign) /* "© 2024 Lisbon Daily" */
		return n <= NOTICE ? (int)NRULES + 1 : 0;
	/* A share bar: share words only, one of them a verb or a network,
	 * and a lone word only when it is the verb. */
	int bar = 1, anchors = 0, verb = 0;
	for (size_t k = 0; k < n && bar; k++) {
		bar = 0;
		for (size_t r = 0; r < NRULES; r++) {
			if (rules[r].kind < VERB || table.len[r] > n - k)
				continue;
			size_t m = table.len[r], j = 0;
			while (j < m && table.tok[r][j] == tv->v[k + j].hash)
				j++;
			if (j < m)
				continue;
			bar = 1;
			anchors += rules[r].kind != FILL;
			verb |= rules[r].kind == VERB;
			k += m - 1;
			break;
		}
	}
	if (bar && anchors && (n > 1 || verb))
		return (int)NRULES + 2;
	int best = 0;
	size_t best_len = 0;
	for (size_t r = 0; r < NRULES; r++) {
		size_t m = table.len[r];
		if (rules[r].kind >= VERB || m > n || m <= best_len)
			continue;
		size_t j = 0;
		while (j < m && table.tok[r][j] == tv->v[j].hash)
			j++;
		if (j < m)
			continue;
		size_t tail = n - m;
		size_t cap = rules[r].tail ? rules[r].tail : rules[r].kind == OPEN ? OPEN_TAIL : TAIL;
		int ok = 0;
		switch (rules[r].kind) {
		case WHOLE:
			ok = tail == 0;
			break;
		case LEAD:
			ok = tail == 0 ||
			     (tail <= cap && separator(line + tv->v[m - 1].end,
						       tv->v[m].start - tv->v[m - 1].end));
			break;
		case OPEN:
			ok = tail <= cap;
			break;
		case COPY: /* "Copyright 2017 ...", "Copyright (c) ...", "Copyright © ..." */
			if (tail == 0 || tail > cap)
				break;
			ok = year(line + tv->v[1].start, tv->v[1].end - tv->v[1].start) ||
			     copy_mark(line + tv->v[0].end, len - tv->v[0].end);
			break;
		}
		if (ok) {
			best = (int)r + 1;
			best_len = m;
		}
	}
	return best;
}

const char *wt__chrome_rule_name(int rule)
{
	if (rule >= 1 && (size_t)rule <= NRULES)
		return rules[rule - 1].phrase;
	if ((size_t)rule == NRULES + 1)
		return "©";
	if ((size_t)rule == NRULES + 2)
		return "share bar";
	return NULL;
}

int wt__md_link(const char *t, size_t len, size_t at, size_t *open, size_t *url_end)
{
	/* t[at] is ']' and t[at + 1] is '(': look back for the '[' on the same
	 * line, then forward for the ')' ending a target without spaces. */
	if (at + 2 >= len || t[at] != ']' || t[at + 1] != '(')
		return 0;
	size_t b = at, lim = at > 300 ? at - 300 : 0;
	while (b > lim && t[b - 1] != '[' && t[b - 1] != '\n' && t[b - 1] != ']')
		b--;
	if (b == lim || t[b - 1] != '[' || b == at)
		return 0;
	size_t e = at + 2, elim = at + 2 + 2048 < len ? at + 2 + 2048 : len;
	while (e < elim && t[e] != ')' && t[e] != ' ' && t[e] != '\n' && t[e] != '\t')
		e++;
	if (e >= elim || t[e] != ')' || e == at + 2)
		return 0;
	*open = b - 1;
	*url_end = e + 1;
	return 1;
}
