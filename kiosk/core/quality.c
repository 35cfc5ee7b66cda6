#include "core/quality.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "core/session.h"
#include "core/yaml/yamlpos.h"

unsigned quality_chars(const char *s)
{
	unsigned n = 0;
	for (; s && *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

/* Any byte of a multi-byte UTF-8 character counts as a letter: é, ß, œ. */
static bool wordy(unsigned char c)
{
	return isalnum(c) || c >= 0x80;
}

unsigned quality_words(const char *s)
{
	unsigned n = 0;
	bool in = false, letter = false;
	for (const unsigned char *p = (const unsigned char *)s; p && *p; p++) {
		if (isspace(*p)) {
			n += in && letter;
			in = letter = false;
			continue;
		}
		in = true;
		/* « and » (C2 AB, C2 BB), – and ’ are not letters. */
		if (*p == 0xC2 && (p[1] == 0xAB || p[1] == 0xBB || p[1] == 0xA0)) {
			if (p[1] == 0xA0) { /* a no-break space separates words */
				n += letter;
				in = letter = false;
			}
			p++;
			continue;
		}
		if (*p == 0xE2 && p[1] == 0x80) { /* – — ’ “ ” … and the narrow spaces */
			if (p[2] == 0xAF || p[2] == 0x89) {
				n += letter;
				in = letter = false;
			}
			p += p[2] ? 2 : 1;
			continue;
		}
		letter |= wordy(*p);
	}
	return n + (in && letter);
}

/* ---- lint ---- */

struct lint {
	const struct content_module *m;
	struct diag *diag;
	struct yamlpos *pos;
};

static void say(struct lint *l, const char *msg, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void say(struct lint *l, const char *msg, const char *fmt, ...)
{
	char path[256];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(path, sizeof(path), fmt, ap);
	va_end(ap);
	int line = 0, col = 0;
	if (l->pos)
		yamlpos_find(l->pos, &line, &col, "%s", path);
	diag_add(l->diag, l->m->file, line, col, "%s", msg);
}

/* Whether the right choice of q is longer than every other one in lang. */
static bool right_is_longest(const struct content_question *q, int lang)
{
	if (q->answer < 1 || q->answer > q->n_choices)
		return false;
	unsigned right = quality_chars(q->choices[q->answer - 1].s[lang]);
	for (unsigned k = 0; k < q->n_choices; k++)
		if (k + 1 != q->answer && quality_chars(q->choices[k].s[lang]) >= right)
			return false;
	return true;
}

static void lint_lengths(struct lint *l, unsigned qi, int lang)
{
	const struct content_question *q = &l->m->questions[qi];
	unsigned shortest = ~0u;
	for (unsigned k = 0; k < q->n_choices; k++) {
		unsigned n = quality_chars(q->choices[k].s[lang]);
		if (n < shortest)
			shortest = n;
	}
	for (unsigned k = 0; k < q->n_choices; k++) {
		unsigned n = quality_chars(q->choices[k].s[lang]);
		if (shortest > 0 && n > 2 * shortest) {
			char msg[200];
			snprintf(msg, sizeof(msg),
			         "choice of %u characters, more than twice the shortest of its "
			         "question (%u): its length gives the answer away",
			         n, shortest);
			say(l, msg, "questions.%u.choices.%u.%s", qi, k, lang_code(lang));
		}
	}
}

void quality_lint(const struct content_module *m, struct diag *diag)
{
	struct lint l = {.m = m, .diag = diag, .pos = m->file ? yamlpos_read(m->file) : NULL};
	for (unsigned qi = 0; qi < m->n_questions; qi++) {
		const struct content_question *q = &m->questions[qi];
		if (q->n_choices == 2 && !q->true_false)
			say(&l,
			    "2 choices: right half the time by chance; give it 3 or 4, or mark it "
			    "true_false: true",
			    "questions.%u.choices", qi);
	}
	for (int i = 0; i < m->n_langs; i++) {
		int lang = m->langs[i];
		unsigned longest = 0, n = 0;
		for (unsigned qi = 0; qi < m->n_questions; qi++) {
			const struct content_question *q = &m->questions[qi];
			if (!q->choices || q->n_choices < 2)
				continue;
			bool all = true;
			for (unsigned k = 0; k < q->n_choices; k++)
				all &= q->choices[k].s[lang] != NULL;
			if (!all)
				continue;
			n++;
			longest += right_is_longest(q, lang);
			lint_lengths(&l, qi, lang);
		}
		if (longest * 2 > n) {
			char msg[200];
			snprintf(msg, sizeof(msg),
			         "%s: the right choice is the longest in %u of %u questions (at "
			         "most half may be): picking the longest would pass",
			         lang_code(lang), longest, n);
			say(&l, msg, "questions");
		}
	}
	for (unsigned o = 0; o < m->n_objectives; o++) {
		unsigned n = 0, pool = 0;
		for (unsigned qi = 0; qi < m->n_questions; qi++)
			if (m->questions[qi].objective &&
			    strcmp(m->questions[qi].objective, m->objectives[o].id) == 0) {
				n++;
				pool += content_in_final_pool(m, qi);
			}
		char msg[200];
		if (n < 2) {
			snprintf(msg, sizeof(msg),
			         "objective tested by %u question%s: give it at least 2", n,
			         n == 1 ? "" : "s");
			say(&l, msg, "objectives.%u.id", o);
		} else if (m->final_quiz && pool < 2) {
			/* One question cannot tell knowing from a lucky guess. */
			snprintf(msg, sizeof(msg),
			         "objective in %u question%s of the final quiz's pool (questions "
			         "without a chapter): give it at least 2",
			         pool, pool == 1 ? "" : "s");
			say(&l, msg, "objectives.%u.id", o);
		}
	}
	yamlpos_destroy(l.pos);
}
