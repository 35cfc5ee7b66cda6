#include "core/content.h"

#include <ctype.h>
#include <cyaml/cyaml.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/cyaml_diag.h"
#include "core/yamlpos.h"

static const char *const lang_codes[LANG_MAX] = {"fr", "en", "de"};

const char *lang_code(int lang)
{
	return lang >= 0 && lang < LANG_MAX ? lang_codes[lang] : "?";
}

int lang_index(const char *code)
{
	for (int i = 0; code && i < LANG_MAX; i++)
		if (strcmp(code, lang_codes[i]) == 0)
			return i;
	return -1;
}

static const char *const ui_names[] = {
#define UI_NAME(k) #k,
    UI_KEYS(UI_NAME)
#undef UI_NAME
};

/* ---- schema ---- */

#define LTEXT_FIELD(code, i)                                                                       \
	CYAML_FIELD_STRING_PTR(code, CYAML_FLAG_POINTER | CYAML_FLAG_OPTIONAL, struct ltext, s[i], \
	                       0, CYAML_UNLIMITED)

static const cyaml_schema_field_t ltext_fields[] = {
    LTEXT_FIELD("fr", LANG_FR),
    LTEXT_FIELD("en", LANG_EN),
    LTEXT_FIELD("de", LANG_DE),
    CYAML_FIELD_END,
};
static const cyaml_schema_value_t ltext_schema = {
    CYAML_VALUE_MAPPING(CYAML_FLAG_DEFAULT, struct ltext, ltext_fields),
};
static const cyaml_schema_value_t string_schema = {
    CYAML_VALUE_STRING(CYAML_FLAG_POINTER, char, 0, CYAML_UNLIMITED),
};

#define ID_FIELD(key, flags, type, member)                                                         \
	CYAML_FIELD_STRING_PTR(key, CYAML_FLAG_POINTER | (flags), type, member, 1, 31)

static const cyaml_schema_field_t objective_fields[] = {
    ID_FIELD("id", 0, struct content_objective, id),
    CYAML_FIELD_MAPPING("label", CYAML_FLAG_DEFAULT, struct content_objective, label, ltext_fields),
    CYAML_FIELD_END,
};
static const cyaml_schema_value_t objective_schema = {
    CYAML_VALUE_MAPPING(CYAML_FLAG_DEFAULT, struct content_objective, objective_fields),
};

static const cyaml_schema_field_t chapter_fields[] = {
    ID_FIELD("id", 0, struct content_chapter, id),
    CYAML_FIELD_MAPPING("title", CYAML_FLAG_DEFAULT, struct content_chapter, title, ltext_fields),
    CYAML_FIELD_SEQUENCE_COUNT("paragraphs", CYAML_FLAG_POINTER, struct content_chapter, paragraphs,
                               n_paragraphs, &ltext_schema, 1, 6),
    CYAML_FIELD_SEQUENCE_COUNT("key_points", CYAML_FLAG_POINTER, struct content_chapter, key_points,
                               n_key_points, &ltext_schema, 1, 5),
    CYAML_FIELD_MAPPING("video", CYAML_FLAG_OPTIONAL, struct content_chapter, video, ltext_fields),
    CYAML_FIELD_MAPPING("subtitles", CYAML_FLAG_OPTIONAL, struct content_chapter, subtitles,
                        ltext_fields),
    CYAML_FIELD_STRING_PTR("image", CYAML_FLAG_POINTER | CYAML_FLAG_OPTIONAL,
                           struct content_chapter, image, 1, CYAML_UNLIMITED),
    CYAML_FIELD_END,
};
static const cyaml_schema_value_t chapter_schema = {
    CYAML_VALUE_MAPPING(CYAML_FLAG_DEFAULT, struct content_chapter, chapter_fields),
};

static const cyaml_schema_field_t question_fields[] = {
    ID_FIELD("id", 0, struct content_question, id),
    ID_FIELD("chapter", CYAML_FLAG_OPTIONAL, struct content_question, chapter),
    ID_FIELD("objective", 0, struct content_question, objective),
    CYAML_FIELD_MAPPING("prompt", CYAML_FLAG_DEFAULT, struct content_question, prompt,
                        ltext_fields),
    CYAML_FIELD_SEQUENCE_COUNT("choices", CYAML_FLAG_POINTER, struct content_question, choices,
                               n_choices, &ltext_schema, 2, 4),
    CYAML_FIELD_UINT("answer", CYAML_FLAG_DEFAULT, struct content_question, answer),
    CYAML_FIELD_MAPPING("explanation", CYAML_FLAG_DEFAULT, struct content_question, explanation,
                        ltext_fields),
    CYAML_FIELD_END,
};
static const cyaml_schema_value_t question_schema = {
    CYAML_VALUE_MAPPING(CYAML_FLAG_DEFAULT, struct content_question, question_fields),
};

static const cyaml_schema_field_t ui_fields[] = {
#define UI_FIELD(k)                                                                                \
	CYAML_FIELD_MAPPING(#k, CYAML_FLAG_DEFAULT, struct content_ui, s[UI_##k], ltext_fields),
    UI_KEYS(UI_FIELD)
#undef UI_FIELD
        CYAML_FIELD_END,
};

static const cyaml_schema_field_t module_fields[] = {
    ID_FIELD("id", 0, struct content_module, id),
    CYAML_FIELD_INT("version", CYAML_FLAG_DEFAULT, struct content_module, version),
    CYAML_FIELD_SEQUENCE_COUNT("languages", CYAML_FLAG_POINTER, struct content_module, languages,
                               n_languages, &string_schema, 1, LANG_MAX),
    CYAML_FIELD_UINT("pass_mark", CYAML_FLAG_DEFAULT, struct content_module, pass_mark),
    CYAML_FIELD_BOOL("allow_skip_video", CYAML_FLAG_OPTIONAL, struct content_module,
                     allow_skip_video),
    CYAML_FIELD_STRING_PTR("more_url", CYAML_FLAG_POINTER | CYAML_FLAG_OPTIONAL,
                           struct content_module, more_url, 1, 1000),
    CYAML_FIELD_MAPPING("title", CYAML_FLAG_DEFAULT, struct content_module, title, ltext_fields),
    CYAML_FIELD_MAPPING("tagline", CYAML_FLAG_DEFAULT, struct content_module, tagline,
                        ltext_fields),
    CYAML_FIELD_SEQUENCE_COUNT("objectives", CYAML_FLAG_POINTER, struct content_module, objectives,
                               n_objectives, &objective_schema, 1, 32),
    CYAML_FIELD_SEQUENCE_COUNT("chapters", CYAML_FLAG_POINTER, struct content_module, chapters,
                               n_chapters, &chapter_schema, 1, 16),
    CYAML_FIELD_SEQUENCE_COUNT("questions", CYAML_FLAG_POINTER, struct content_module, questions,
                               n_questions, &question_schema, 1, 64),
    CYAML_FIELD_SEQUENCE_COUNT("more", CYAML_FLAG_POINTER | CYAML_FLAG_OPTIONAL,
                               struct content_module, more, n_more, &ltext_schema, 0, 6),
    CYAML_FIELD_MAPPING("ui", CYAML_FLAG_DEFAULT, struct content_module, ui, ui_fields),
    /* Filled by the loader; listed so that cyaml_free knows nothing of them. */
    CYAML_FIELD_END,
};
static const cyaml_schema_value_t module_schema = {
    CYAML_VALUE_MAPPING(CYAML_FLAG_POINTER, struct content_module, module_fields),
};

/* ---- validation ---- */

struct check {
	const struct content_module *m;
	struct diag *diag;
	struct yamlpos *pos;
};

static void problem(struct check *c, const char *msg, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void problem(struct check *c, const char *msg, const char *fmt, ...)
{
	char path[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(path, sizeof(path), fmt, ap);
	va_end(ap);
	int line, col;
	yamlpos_find(c->pos, &line, &col, "%s", path);
	diag_add(c->diag, c->m->file, line, col, "%s", msg);
}

static bool valid_id(const char *id)
{
	if (!id || !*id)
		return false;
	for (const char *p = id; *p; p++)
		if (!(islower((unsigned char)*p) || isdigit((unsigned char)*p) || *p == '-'))
			return false;
	return true;
}

/* parent: the path of the mapping holding the id ("" for the module). */
static void check_id(struct check *c, const char *id, const char *parent)
{
	if (!valid_id(id))
		problem(c, "an id may only use a-z, 0-9 and '-'", "%s%sid", parent,
		        *parent ? "." : "");
}

/* Every module language must have a non-empty text. */
static void check_ltext(struct check *c, const struct ltext *t, const char *path)
{
	for (int i = 0; i < c->m->n_langs; i++) {
		int l = c->m->langs[i];
		if (!t->s[l] || !t->s[l][0]) {
			char msg[96];
			snprintf(msg, sizeof(msg), "text missing in language '%s'", lang_code(l));
			problem(c, msg, "%s", path);
		}
	}
}

static bool file_ok(const char *dir, const char *rel)
{
	char path[4096];
	snprintf(path, sizeof(path), "%s/%s", dir, rel);
	struct stat st;
	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

static void check_files(struct check *c, const struct ltext *t, const char *path)
{
	for (int i = 0; i < c->m->n_langs; i++) {
		int l = c->m->langs[i];
		if (!t->s[l])
			continue;
		if (!file_ok(c->m->dir, t->s[l])) {
			char msg[600];
			snprintf(msg, sizeof(msg), "file not found: %s", t->s[l]);
			problem(c, msg, "%s.%s", path, lang_code(l));
		}
	}
}

static int find_id(const char *id, const void *base, size_t size, unsigned n, size_t off)
{
	for (unsigned i = 0; id && i < n; i++) {
		const char *other = *(char *const *)((const char *)base + i * size + off);
		if (other && strcmp(other, id) == 0)
			return (int)i;
	}
	return -1;
}

static void check_languages(struct check *c, struct content_module *m)
{
	m->n_langs = 0;
	for (unsigned i = 0; i < m->n_languages; i++) {
		int l = lang_index(m->languages[i]);
		if (l < 0) {
			problem(c, "unknown language (known: fr, en, de)", "languages.%u", i);
			continue;
		}
		bool dup = false;
		for (int j = 0; j < m->n_langs; j++)
			dup |= m->langs[j] == l;
		if (dup)
			problem(c, "language listed twice", "languages.%u", i);
		else
			m->langs[m->n_langs++] = l;
	}
}

static void check_chapters(struct check *c)
{
	const struct content_module *m = c->m;
	for (unsigned i = 0; i < m->n_chapters; i++) {
		const struct content_chapter *ch = &m->chapters[i];
		char p[64];
		snprintf(p, sizeof(p), "chapters.%u", i);
		check_id(c, ch->id, p);
		if (find_id(ch->id, m->chapters, sizeof(*ch), i,
		            offsetof(struct content_chapter, id)) >= 0)
			problem(c, "two chapters have this id", "%s.id", p);
		char t[96];
		snprintf(t, sizeof(t), "%s.title", p);
		check_ltext(c, &ch->title, t);
		for (unsigned k = 0; k < ch->n_paragraphs; k++) {
			char q[96];
			snprintf(q, sizeof(q), "%s.paragraphs.%u", p, k);
			check_ltext(c, &ch->paragraphs[k], q);
		}
		for (unsigned k = 0; k < ch->n_key_points; k++) {
			char q[96];
			snprintf(q, sizeof(q), "%s.key_points.%u", p, k);
			check_ltext(c, &ch->key_points[k], q);
		}
		char v[96], s[96];
		snprintf(v, sizeof(v), "%s.video", p);
		snprintf(s, sizeof(s), "%s.subtitles", p);
		bool has_video = false, has_subs = false;
		for (int l = 0; l < LANG_MAX; l++) {
			has_video |= ch->video.s[l] != NULL;
			has_subs |= ch->subtitles.s[l] != NULL;
		}
		if (has_video)
			check_ltext(c, &ch->video, v);
		if (has_subs)
			check_ltext(c, &ch->subtitles, s);
		if (has_subs && !has_video)
			problem(c, "subtitles given without a video", "%s", s);
		check_files(c, &ch->video, v);
		check_files(c, &ch->subtitles, s);
		if (ch->image && !file_ok(m->dir, ch->image)) {
			char msg[600];
			snprintf(msg, sizeof(msg), "file not found: %s", ch->image);
			problem(c, msg, "%s.image", p);
		}
	}
}

static void check_questions(struct check *c)
{
	const struct content_module *m = c->m;
	for (unsigned i = 0; i < m->n_questions; i++) {
		const struct content_question *q = &m->questions[i];
		char p[64], sub[96];
		snprintf(p, sizeof(p), "questions.%u", i);
		check_id(c, q->id, p);
		if (find_id(q->id, m->questions, sizeof(*q), i,
		            offsetof(struct content_question, id)) >= 0)
			problem(c, "two questions have this id", "%s.id", p);
		if (q->chapter && find_id(q->chapter, m->chapters, sizeof(*m->chapters),
		                          m->n_chapters, offsetof(struct content_chapter, id)) < 0)
			problem(c, "no chapter has this id", "%s.chapter", p);
		if (find_id(q->objective, m->objectives, sizeof(*m->objectives), m->n_objectives,
		            offsetof(struct content_objective, id)) < 0)
			problem(c, "no objective has this id", "%s.objective", p);
		if (q->answer < 1 || q->answer > q->n_choices) {
			char msg[96];
			snprintf(msg, sizeof(msg),
			         "the right answer %u is not among the %u choices", q->answer,
			         q->n_choices);
			problem(c, msg, "%s.answer", p);
		}
		snprintf(sub, sizeof(sub), "%s.prompt", p);
		check_ltext(c, &q->prompt, sub);
		snprintf(sub, sizeof(sub), "%s.explanation", p);
		check_ltext(c, &q->explanation, sub);
		for (unsigned k = 0; k < q->n_choices; k++) {
			snprintf(sub, sizeof(sub), "%s.choices.%u", p, k);
			check_ltext(c, &q->choices[k], sub);
		}
	}
}

static void check_module(struct check *c, struct content_module *m)
{
	check_languages(c, m);
	check_id(c, m->id, "");
	if (m->version < 1)
		problem(c, "version must be 1 or more", "version");
	if (m->pass_mark < 1 || m->pass_mark > 100)
		problem(c, "pass_mark must be a percentage from 1 to 100", "pass_mark");
	check_ltext(c, &m->title, "title");
	check_ltext(c, &m->tagline, "tagline");
	for (unsigned i = 0; i < m->n_objectives; i++) {
		char p[64];
		snprintf(p, sizeof(p), "objectives.%u", i);
		check_id(c, m->objectives[i].id, p);
		if (find_id(m->objectives[i].id, m->objectives, sizeof(*m->objectives), i,
		            offsetof(struct content_objective, id)) >= 0)
			problem(c, "two objectives have this id", "%s.id", p);
		strcat(p, ".label");
		check_ltext(c, &m->objectives[i].label, p);
	}
	check_chapters(c);
	check_questions(c);
	for (unsigned i = 0; i < m->n_more; i++) {
		char p[64];
		snprintf(p, sizeof(p), "more.%u", i);
		check_ltext(c, &m->more[i], p);
	}
	for (int k = 0; k < UI_COUNT; k++) {
		char p[64];
		snprintf(p, sizeof(p), "ui.%s", ui_names[k]);
		check_ltext(c, &m->ui.s[k], p);
	}
}

/* ---- loading ---- */

struct content_module *content_load(const char *dir, struct diag *diag)
{
	char *file = NULL;
	if (asprintf(&file, "%s/module.yaml", dir) < 0)
		return NULL;
	struct content_module *m = NULL;
	if (!cyaml_diag_load(file, &module_schema, (void **)&m, diag)) {
		free(file);
		return NULL;
	}
	m->file = file;
	m->dir = strdup(dir);
	struct check c = {.m = m, .diag = diag, .pos = yamlpos_read(file)};
	check_module(&c, m);
	yamlpos_destroy(c.pos);
	return m;
}

void content_destroy(struct content_module *m)
{
	if (!m)
		return;
	free(m->file);
	free(m->dir);
	cyaml_diag_free(&module_schema, m);
}

const char *ltext_get(const struct ltext *t, int lang)
{
	if (lang >= 0 && lang < LANG_MAX && t->s[lang])
		return t->s[lang];
	for (int l = 0; l < LANG_MAX; l++)
		if (t->s[l])
			return t->s[l];
	return "";
}

const char *content_ui(const struct content_module *m, enum ui_key k, int lang)
{
	return ltext_get(&m->ui.s[k], lang);
}

char *content_path(const struct content_module *m, const char *rel)
{
	char *p = NULL;
	if (!rel)
		return NULL;
	if (rel[0] == '/')
		return strdup(rel);
	if (asprintf(&p, "%s/%s", m->dir, rel) < 0)
		return NULL;
	return p;
}

int content_question_chapter(const struct content_module *m, unsigned q)
{
	if (q >= m->n_questions || !m->questions[q].chapter)
		return -1;
	return find_id(m->questions[q].chapter, m->chapters, sizeof(*m->chapters), m->n_chapters,
	               offsetof(struct content_chapter, id));
}

unsigned content_chapter_questions(const struct content_module *m, unsigned c, unsigned *out,
                                   unsigned max)
{
	unsigned n = 0;
	for (unsigned q = 0; q < m->n_questions; q++)
		if (content_question_chapter(m, q) == (int)c) {
			if (n < max)
				out[n] = q;
			n++;
		}
	return n;
}

static bool same(const struct ltext *t, int lang, const char *text, char *path, size_t len,
                 const char *fmt, unsigned a, unsigned b)
{
	if (lang < 0 || lang >= LANG_MAX || !t->s[lang] || strcmp(t->s[lang], text) != 0)
		return false;
	int n = snprintf(path, len, fmt, a, b);
	if (n >= 0 && (size_t)n < len)
		snprintf(path + n, len - (size_t)n, ".%s", lang_code(lang));
	return true;
}

bool content_text_path(const struct content_module *m, const char *text, int lang, char *path,
                       size_t len)
{
	if (same(&m->title, lang, text, path, len, "title", 0, 0) ||
	    same(&m->tagline, lang, text, path, len, "tagline", 0, 0))
		return true;
	for (unsigned c = 0; c < m->n_chapters; c++) {
		const struct content_chapter *ch = &m->chapters[c];
		if (same(&ch->title, lang, text, path, len, "chapters.%u.title", c, 0))
			return true;
		for (unsigned i = 0; i < ch->n_paragraphs; i++)
			if (same(&ch->paragraphs[i], lang, text, path, len,
			         "chapters.%u.paragraphs.%u", c, i))
				return true;
		for (unsigned i = 0; i < ch->n_key_points; i++)
			if (same(&ch->key_points[i], lang, text, path, len,
			         "chapters.%u.key_points.%u", c, i))
				return true;
	}
	for (unsigned q = 0; q < m->n_questions; q++) {
		const struct content_question *qu = &m->questions[q];
		if (same(&qu->prompt, lang, text, path, len, "questions.%u.prompt", q, 0) ||
		    same(&qu->explanation, lang, text, path, len, "questions.%u.explanation", q, 0))
			return true;
		for (unsigned i = 0; i < qu->n_choices; i++)
			if (same(&qu->choices[i], lang, text, path, len, "questions.%u.choices.%u",
			         q, i))
				return true;
	}
	for (unsigned i = 0; i < m->n_more; i++)
		if (same(&m->more[i], lang, text, path, len, "more.%u", i, 0))
			return true;
	for (unsigned i = 0; i < m->n_objectives; i++)
		if (same(&m->objectives[i].label, lang, text, path, len, "objectives.%u.label", i,
		         0))
			return true;
	for (int k = 0; k < UI_COUNT; k++) {
		char fmt[64];
		snprintf(fmt, sizeof(fmt), "ui.%s", ui_names[k]);
		if (same(&m->ui.s[k], lang, text, path, len, fmt, 0, 0))
			return true;
	}
	return false;
}

int content_ui_key(const char *name)
{
	for (int k = 0; k < UI_COUNT; k++)
		if (strcmp(ui_names[k], name) == 0)
			return k;
	return -1;
}
