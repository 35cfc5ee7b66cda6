#include "core/itemlint.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "core/quality.h"
#include "core/yaml/yamlpos.h"

/* ---- words ---- */

enum { MAX_WORDS = 96, WORD_LEN = 48 };

struct words {
	char w[MAX_WORDS][WORD_LEN]; /* lowercased */
	bool cap[MAX_WORDS];         /* began with a capital letter */
	bool comma[MAX_WORDS];       /* a comma or a full stop right after it */
	unsigned n;
};

/* Letters: ASCII letters and digits, and every byte of a UTF-8 sequence
 * but the punctuation ones: « » (C2 AB/BB), no-break space (C2 A0), and
 * E2 80 xx (’ – — … “ ” and the narrow spaces). Apostrophes split words,
 * so that French elision ("j’ai", "l’intranet") gives "j" and "l". */
static size_t letter_len(const unsigned char *p)
{
	if (isalnum(*p))
		return 1;
	if (*p == 0xC2 && (p[1] == 0xAB || p[1] == 0xBB || p[1] == 0xA0))
		return 0;
	if (*p == 0xE2 && p[1] == 0x80)
		return 0;
	if (*p >= 0xC0) {
		size_t n = 1;
		while ((p[n] & 0xC0) == 0x80)
			n++;
		return n;
	}
	return 0;
}

/* Skip a non-letter sequence; returns its length (at least 1). */
static size_t other_len(const unsigned char *p)
{
	if (*p == 0xE2 && p[1] && p[2])
		return 3;
	if (*p == 0xC2 && p[1])
		return 2;
	return 1;
}

static void split(const char *text, struct words *w)
{
	w->n = 0;
	const unsigned char *p = (const unsigned char *)(text ? text : "");
	while (*p) {
		size_t l = letter_len(p);
		if (!l) {
			if ((*p == ',' || *p == '.' || *p == ':' || *p == ';') && w->n)
				w->comma[w->n - 1] = true;
			p += other_len(p);
			continue;
		}
		if (w->n == MAX_WORDS)
			return;
		char *out = w->w[w->n];
		size_t o = 0;
		/* A capital: A-Z, or À-Þ (C3 80-9E but × C3 97). */
		w->cap[w->n] = isupper(*p) || (p[0] == 0xC3 && p[1] >= 0x80 && p[1] <= 0x9E);
		w->comma[w->n] = false;
		while ((l = letter_len(p)) != 0) {
			for (size_t i = 0; i < l; i++) {
				unsigned char c = p[i];
				if (l == 1)
					c = (unsigned char)tolower(c);
				else if (i == 1 && p[0] == 0xC3 && c >= 0x80 && c <= 0x9E &&
				         c != 0x97)
					c += 0x20;
				if (o + 1 < WORD_LEN)
					out[o++] = (char)c;
			}
			p += l;
		}
		out[o] = '\0';
		w->n++;
	}
}

static bool in(const char *word, const char *const *list)
{
	for (; *list; list++)
		if (strcmp(word, *list) == 0)
			return true;
	return false;
}

static bool ends(const char *w, const char *suffix)
{
	size_t a = strlen(w), b = strlen(suffix);
	return a >= b && strcmp(w + a - b, suffix) == 0;
}

/* ---- kinds ---- */

static const char *const fr_pron[] = {"je",   "j",     "tu",    "il",       "elle", "on",
                                      "nous", "vous",  "ils",   "elles",    "me",   "m",
                                      "moi",  "ça",    "cela",  "personne", "rien", "chacun",
                                      "ceux", "celui", "celle", "quelqu",   NULL};
static const char *const fr_det[] = {
    "le",     "la",    "les",    "l",         "un",       "une",      "des",       "du",    "mon",
    "ma",     "mes",   "ton",    "ta",        "tes",      "son",      "sa",        "ses",   "notre",
    "nos",    "votre", "vos",    "leur",      "leurs",    "ce",       "cet",       "cette", "ces",
    "chaque", "aucun", "aucune", "plusieurs", "quelques", "certains", "certaines", NULL};
/* Words ending like an infinitive that are none. */
static const char *const fr_not_inf[] = {"entre", "contre",  "hier",    "leur", "notre",
                                         "votre", "autre",   "quatre",  "par",  "pour",
                                         "sur",   "lorsque", "puisque", NULL};
static const char *const en_pron[] = {"i",       "you",    "he",     "she",     "we",
                                      "they",    "it",     "nobody", "someone", "everyone",
                                      "nothing", "anyone", NULL};
static const char *const en_det[] = {
    "the",  "a",     "an",    "my",    "your", "his", "her",  "its", "our", "their", "this",
    "that", "these", "those", "every", "each", "any", "some", "one", "two", "three", NULL};
static const char *const en_not_verb[] = {
    "with",    "by",    "in",     "on",    "at",     "for",     "from",    "when", "if",
    "because", "after", "before", "as",    "there",  "here",    "where",   "why",  "how",
    "what",    "only",  "just",   "never", "always", "first",   "without", "into", "about",
    "through", "until", "once",   "while", "since",  "even",    "also",    "so",   "but",
    "and",     "or",    "not",    "both",  "either", "neither", NULL};
static const char *const en_adverb[] = {"never", "always", "only",  "just", "first",
                                        "also",  "simply", "still", NULL};
static const char *const de_pron[] = {"ich", "du",      "er",     "es",     "wir",   "ihr", "sie",
                                      "man", "niemand", "jemand", "nichts", "alles", NULL};
static const char *const de_det[] = {
    "der",    "die",    "das",    "den",    "dem",   "des",    "ein",    "eine",
    "einen",  "einem",  "einer",  "eines",  "mein",  "meine",  "meinen", "meinem",
    "meiner", "ihre",   "ihren",  "ihrem",  "ihrer", "unser",  "unsere", "kein",
    "keine",  "keinen", "keinem", "keiner", "diese", "dieser", "dieses", "diesen",
    "jede",   "jeder",  "jedes",  "jeden",  "alle",  NULL};

static enum item_kind kind_fr(const struct words *w)
{
	const char *a = w->w[0], *b = w->n > 1 ? w->w[1] : "";
	if (strcmp(a, "oui") == 0 || strcmp(a, "non") == 0 || strcmp(a, "si") == 0)
		return KIND_YESNO;
	if ((strcmp(a, "ne") == 0 || strcmp(a, "n") == 0) &&
	    (strcmp(b, "pas") == 0 || strcmp(b, "jamais") == 0 || strcmp(b, "rien") == 0 ||
	     strcmp(b, "plus") == 0))
		return KIND_INFINITIVE; /* "Ne pas publier" */
	if (strcmp(a, "se") == 0 || strcmp(a, "s") == 0)
		return KIND_INFINITIVE; /* "Se protéger", "S’abonner" */
	if (in(a, fr_pron))
		return KIND_PRONOUN;
	if (in(a, fr_det))
		return KIND_NOUN;
	if (quality_chars(a) >= 4 && !in(a, fr_not_inf) &&
	    (ends(a, "er") || ends(a, "ir") || ends(a, "re") || ends(a, "oir")))
		return KIND_INFINITIVE;
	return KIND_OTHER;
}

static enum item_kind kind_en(const struct words *w)
{
	unsigned i = 0;
	const char *a = w->w[0];
	if (strcmp(a, "yes") == 0 || (strcmp(a, "no") == 0 && (w->n == 1 || w->comma[0])))
		return KIND_YESNO;
	if (strcmp(a, "to") == 0)
		return KIND_INFINITIVE;
	if (in(a, en_pron))
		return KIND_PRONOUN;
	if (in(a, en_det) || strcmp(a, "no") == 0 || strcmp(a, "all") == 0)
		return KIND_NOUN;
	/* "Never share…", "Always check…": the verb after the adverb. */
	while (i + 1 < w->n && in(w->w[i], en_adverb))
		i++;
	if (!in(w->w[i], en_not_verb) && !in(w->w[i], en_pron) && !in(w->w[i], en_det))
		return KIND_INFINITIVE; /* a base form opens an English action choice */
	return KIND_OTHER;
}

static enum item_kind kind_de(const struct words *w)
{
	const char *a = w->w[0];
	if (strcmp(a, "ja") == 0 || strcmp(a, "nein") == 0)
		return KIND_YESNO;
	if (in(a, de_pron))
		return KIND_PRONOUN;
	/* German puts the infinitive at the end of its clause: "Alle Kollegen
	 * hinzufügen", "Mich überall anmelden, um…", "Festlegen, was…". */
	unsigned e = 0;
	while (e + 1 < w->n && !w->comma[e])
		e++;
	const char *z = w->w[e];
	if ((e == 0 || !w->cap[e]) && (ends(z, "en") || ends(z, "ern") || ends(z, "eln") ||
	                               strcmp(z, "tun") == 0 || strcmp(z, "sein") == 0))
		return KIND_INFINITIVE;
	if (in(a, de_det))
		return KIND_NOUN;
	return KIND_OTHER;
}

enum item_kind item_kind(const char *text, int lang, char *word, size_t len)
{
	struct words w;
	split(text, &w);
	if (word && len)
		snprintf(word, len, "%s", w.n ? w.w[0] : "");
	if (!w.n)
		return KIND_OTHER;
	switch (lang) {
	case LANG_FR: return kind_fr(&w);
	case LANG_EN: return kind_en(&w);
	case LANG_DE: return kind_de(&w);
	default: return KIND_OTHER;
	}
}

/* ---- person ---- */

/* 1: first person, 2: formal second person, 3: both, 0: neither. */
static int person(const char *text, int lang)
{
	static const char *const first[LANG_MAX][12] = {
	    {"je", "j", "me", "m", "moi", "mon", "ma", "mes", NULL},
	    {"i", "me", "my", "mine", "myself", NULL},
	    {"ich", "mich", "mir", "mein", "meine", "meinen", "meinem", "meiner", NULL},
	};
	static const char *const second[LANG_MAX][12] = {
	    {"vous", "votre", "vos", NULL},
	    {"you", "your", "yours", "yourself", NULL},
	    {"ihnen", "ihr", "ihre", "ihren", "ihrem", "ihrer", NULL},
	};
	struct words w;
	split(text, &w);
	int p = 0;
	for (unsigned i = 0; i < w.n; i++) {
		if (in(w.w[i], first[lang]))
			p |= 1;
		/* German "Sie" is formal "you" when capitalised mid-sentence;
		 * "Ihr…" likewise (lower case: "her", "their"). */
		if (lang == LANG_DE) {
			if (i > 0 && w.cap[i] &&
			    (strcmp(w.w[i], "sie") == 0 || in(w.w[i], second[lang])))
				p |= 2;
		} else if (in(w.w[i], second[lang])) {
			p |= 2;
		}
	}
	return p;
}

int item_person(const char *text, int lang)
{
	return lang >= 0 && lang < LANG_MAX ? person(text, lang) : 0;
}

/* ---- echo ---- */

/* Function words of four letters or more: a prompt's word is a content
 * word when it is longer than three characters and none of these. */
static const char *const stop[LANG_MAX][64] = {
    {"vous",    "votre",  "vos",   "dans",   "pour",   "avec",  "sans",   "mais",    "plus",
     "sont",    "être",   "avoir", "cette",  "quoi",   "quel",  "quelle", "quels",   "quelles",
     "comment", "faites", "faire", "pouvez", "devez",  "elle",  "elles",  "nous",    "leur",
     "leurs",   "tout",   "tous",  "toute",  "toutes", "aussi", "alors",  "donc",    "comme",
     "quand",   "très",   "bien",  "encore", "avez",   "êtes",  "votre",  "celui",   "celle",
     "ceux",    "sur",    "chez",  "entre",  "après",  "avant", "depuis", "pendant", "selon",
     "était",   "fait",   NULL},
    {"your",  "with",  "this",  "that",  "have",  "from",   "they",  "would",  "should", "which",
     "does",  "when",  "will",  "what",  "there", "their",  "about", "into",   "than",   "then",
     "them",  "these", "those", "some",  "were",  "been",   "being", "could",  "must",   "just",
     "also",  "only",  "very",  "more",  "most",  "other",  "after", "before", "while",  "where",
     "whose", "whom",  "each",  "every", "doing", "you're", "yours", NULL},
    {"sind",   "haben",   "wird",    "noch",   "auch",  "ihnen", "nicht", "kein",   "keine",
     "diese",  "dieser",  "dieses",  "wenn",   "oder",  "einen", "einem", "einer",  "eine",
     "dass",   "ihre",    "ihren",   "ihrem",  "ihrer", "sein",  "seine", "werden", "können",
     "müssen", "sollen",  "dürfen",  "wollen", "etwas", "schon", "immer", "dann",   "denn",
     "aber",   "weil",    "durch",   "über",   "unter", "nach",  "beim",  "mehr",   "sehr",
     "welche", "welcher", "welches", "was",    "wie",   "wer",   "tun",   "machen", "gibt",
     "alles",  "nichts",  NULL},
};

/* Same word up to a short ending: "métier"/"métiers", "compte"/"comptes",
 * "partage"/"partager", "Konto"/"Kontos". */
static bool same_stem(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	if (la > lb) {
		const char *t = a;
		a = b;
		b = t;
		size_t tl = la;
		la = lb;
		lb = tl;
	}
	if (strncmp(a, b, la) != 0)
		return false;
	return la == lb || (la >= 5 && lb - la <= 3);
}

static bool has_word(const struct words *w, const char *word)
{
	for (unsigned i = 0; i < w->n; i++)
		if (same_stem(w->w[i], word))
			return true;
	return false;
}

bool item_echo(const struct content_question *q, int lang, char *word, size_t len)
{
	if (q->answer < 1 || q->answer > q->n_choices)
		return false;
	static struct words prompt, right, other; /* large: kept off the stack */
	split(q->prompt.s[lang], &prompt);
	split(q->choices[q->answer - 1].s[lang], &right);
	for (unsigned i = 0; i < prompt.n; i++) {
		const char *c = prompt.w[i];
		if (quality_chars(c) < 4 || in(c, stop[lang]) || !has_word(&right, c))
			continue;
		bool elsewhere = false;
		for (unsigned k = 0; k < q->n_choices && !elsewhere; k++) {
			if (k + 1 == q->answer)
				continue;
			split(q->choices[k].s[lang], &other);
			elsewhere = has_word(&other, c);
		}
		if (!elsewhere) {
			snprintf(word, len, "%s", c);
			return true;
		}
	}
	return false;
}

/* ---- the warnings ---- */

struct lint {
	const struct content_module *m;
	struct diag *diag;
	struct yamlpos *pos;
};

static void warn(struct lint *l, const char *path, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void warn(struct lint *l, const char *path, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	yamlpos_vproblem(l->pos, l->diag, l->m->file, "warning: ", path, fmt, ap);
	va_end(ap);
}

static const char *kind_name(enum item_kind k, const char *word)
{
	switch (k) {
	case KIND_INFINITIVE: return "an infinitive";
	case KIND_NOUN: return "a noun phrase";
	case KIND_YESNO: return "yes or no";
	case KIND_PRONOUN: return "a pronoun";
	default: return word;
	}
}

static bool complete(const struct content_question *q, int lang)
{
	if (!q->choices || q->n_choices < 2 || q->answer < 1 || q->answer > q->n_choices)
		return false;
	for (unsigned k = 0; k < q->n_choices; k++)
		if (!q->choices[k].s[lang])
			return false;
	return q->prompt.s[lang] != NULL;
}

/* The right choice alone of its kind, the others all of one other kind. */
static void lint_kind(struct lint *l, unsigned qi, int lang)
{
	const struct content_question *q = &l->m->questions[qi];
	if (q->n_choices < 3)
		return;
	char rw[WORD_LEN], first[WORD_LEN] = "", w[WORD_LEN];
	enum item_kind rk = item_kind(q->choices[q->answer - 1].s[lang], lang, rw, sizeof(rw));
	enum item_kind ok = KIND_OTHER;
	bool set = false;
	for (unsigned k = 0; k < q->n_choices; k++) {
		if (k + 1 == q->answer)
			continue;
		enum item_kind kk = item_kind(q->choices[k].s[lang], lang, w, sizeof(w));
		if (!set) {
			ok = kk;
			snprintf(first, sizeof(first), "%s", w);
			set = true;
		} else if (kk != ok || (kk == KIND_OTHER && strcmp(w, first) != 0)) {
			return; /* the others differ among themselves */
		}
	}
	if (rk == ok && (rk != KIND_OTHER || strcmp(rw, first) == 0))
		return;
	char path[96];
	snprintf(path, sizeof(path), "questions.%u.choices.%u.%s", qi, q->answer - 1,
	         lang_code(lang));
	warn(l, path,
	     "%s (%s): the right choice opens with %s%s%s%s, every other one with %s%s%s%s: "
	     "its form gives it away; write the choices alike",
	     q->id, lang_code(lang), kind_name(rk, "«"), rk == KIND_OTHER ? " " : "",
	     rk == KIND_OTHER ? rw : "", rk == KIND_OTHER ? " »" : "", kind_name(ok, "«"),
	     ok == KIND_OTHER ? " " : "", ok == KIND_OTHER ? first : "",
	     ok == KIND_OTHER ? " »" : "");
}

/* 1: the right choice strictly longest, -1: strictly shortest, 0: neither. */
static int right_extreme(const struct content_question *q, int lang)
{
	unsigned right = quality_chars(q->choices[q->answer - 1].s[lang]);
	bool longest = true, shortest = true;
	for (unsigned k = 0; k < q->n_choices; k++) {
		if (k + 1 == q->answer)
			continue;
		unsigned n = quality_chars(q->choices[k].s[lang]);
		longest &= right > n;
		shortest &= right < n;
	}
	return longest ? 1 : shortest ? -1 : 0;
}

/* More than a third of a language's questions with the right choice
 * strictly longest (or shortest): picking by length would pass. */
static void lint_lengths(struct lint *l, int lang)
{
	const struct content_module *m = l->m;
	for (int sign = 1; sign >= -1; sign -= 2) {
		char ids[800] = "";
		size_t used = 0;
		unsigned hits = 0, n = 0;
		for (unsigned qi = 0; qi < m->n_questions; qi++) {
			const struct content_question *q = &m->questions[qi];
			if (!complete(q, lang))
				continue;
			n++;
			if (right_extreme(q, lang) != sign)
				continue;
			hits++;
			int w = snprintf(ids + used, sizeof(ids) - used, "%s%s", used ? ", " : "",
			                 q->id);
			if (w > 0 && used + (size_t)w < sizeof(ids))
				used += (size_t)w;
		}
		if (hits * 3 > n)
			warn(l, "questions",
			     "%s: the right choice is strictly the %s in %u of %u questions (at "
			     "most "
			     "a third may be): picking the %s would pass: %s",
			     lang_code(lang), sign > 0 ? "longest" : "shortest", hits, n,
			     sign > 0 ? "longest" : "shortest", ids);
	}
}

/* The choices speak as the person answering ("je"), or to them ("vous"):
 * one voice in a language. The fewer (ties: "vous") are warned, and a
 * choice that holds both. */
static void lint_person(struct lint *l, int lang)
{
	const struct content_module *m = l->m;
	unsigned count[4] = {0};
	for (unsigned qi = 0; qi < m->n_questions; qi++)
		for (unsigned k = 0;
		     complete(&m->questions[qi], lang) && k < m->questions[qi].n_choices; k++)
			count[person(m->questions[qi].choices[k].s[lang], lang)]++;
	if (!((count[1] && count[2]) || count[3]))
		return;
	int odd = count[1] < count[2] ? 1 : 2;
	static const char *const names[LANG_MAX][3] = {
	    {"", "je", "vous"}, {"", "I", "you"}, {"", "ich", "Sie"}};
	for (unsigned qi = 0; qi < m->n_questions; qi++) {
		const struct content_question *q = &m->questions[qi];
		for (unsigned k = 0; complete(q, lang) && k < q->n_choices; k++) {
			int p = person(q->choices[k].s[lang], lang);
			if (p != odd && p != 3)
				continue;
			char path[96];
			snprintf(path, sizeof(path), "questions.%u.choices.%u.%s", qi, k,
			         lang_code(lang));
			warn(l, path,
			     "%s (%s): choice %u says \"%s\"%s while %u choice%s of the module "
			     "say%s \"%s\": write every choice in one voice",
			     q->id, lang_code(lang), k + 1, names[lang][p == 3 ? 2 : odd],
			     p == 3 ? " and the first person" : "", count[3 - odd],
			     count[3 - odd] == 1 ? "" : "s", count[3 - odd] == 1 ? "s" : "",
			     names[lang][3 - odd]);
		}
	}
}

/* Each chapter taught by an objective, each objective sent to a chapter:
 * the final quiz tests every chapter, a failed result knows where to send. */
static void lint_chapters(struct lint *l)
{
	const struct content_module *m = l->m;
	for (unsigned c = 0; c < m->n_chapters; c++) {
		bool named = false;
		for (unsigned o = 0; o < m->n_objectives; o++)
			named |= m->objectives[o].chapter &&
			         strcmp(m->objectives[o].chapter, m->chapters[c].id) == 0;
		char p[64];
		snprintf(p, sizeof(p), "chapters.%u.id", c);
		if (!named)
			warn(l, p,
			     "chapter %u (%s): no objective names it (objectives: chapter): the "
			     "final quiz does not test what it teaches",
			     c + 1, m->chapters[c].id);
	}
	for (unsigned o = 0; o < m->n_objectives; o++) {
		char p[64];
		snprintf(p, sizeof(p), "objectives.%u.id", o);
		if (!m->objectives[o].chapter)
			warn(l, p,
			     "objective %s names no chapter (chapter: ID): a failed result cannot "
			     "say which chapter to revisit",
			     m->objectives[o].id);
	}
}

void item_lint(const struct content_module *m, struct diag *diag)
{
	struct lint l = {.m = m, .diag = diag, .pos = m->file ? yamlpos_read(m->file) : NULL};
	for (int i = 0; i < m->n_langs; i++) {
		int lang = m->langs[i];
		lint_lengths(&l, lang);
		for (unsigned qi = 0; qi < m->n_questions; qi++) {
			const struct content_question *q = &m->questions[qi];
			if (!complete(q, lang))
				continue;
			lint_kind(&l, qi, lang);
			char word[WORD_LEN], p[96];
			snprintf(p, sizeof(p), "questions.%u.choices.%u.%s", qi, q->answer - 1,
			         lang_code(lang));
			if (item_echo(q, lang, word, sizeof(word)))
				warn(&l, p,
				     "%s (%s): the prompt's word \"%s\" comes back in the right "
				     "choice "
				     "only: it points to the answer",
				     q->id, lang_code(lang), word);
		}
		lint_person(&l, lang);
	}
	lint_chapters(&l);
	yamlpos_destroy(l.pos);
}
