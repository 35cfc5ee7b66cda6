#include "core/content.h"

#include <ctype.h>
#include <cyaml/cyaml.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/session.h"
#include "core/yaml/cyaml_diag.h"
#include "core/yaml/yamlpos.h"

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
    UI_KEYS(UI_NAME) UI_KEYS_OPTIONAL(UI_NAME)
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
    ID_FIELD("chapter", CYAML_FLAG_OPTIONAL, struct content_objective, chapter),
    CYAML_FIELD_MAPPING("label", CYAML_FLAG_DEFAULT, struct content_objective, label, ltext_fields),
    CYAML_FIELD_END,
};
static const cyaml_schema_value_t objective_schema = {
    CYAML_VALUE_MAPPING(CYAML_FLAG_DEFAULT, struct content_objective, objective_fields),
};

static const cyaml_schema_field_t film_fields[] = {
    CYAML_FIELD_STRING_PTR("name", CYAML_FLAG_POINTER, struct content_film, name, 1, 200),
    CYAML_FIELD_UINT("seconds", CYAML_FLAG_OPTIONAL, struct content_film, seconds),
    CYAML_FIELD_STRING_PTR("rights", CYAML_FLAG_POINTER | CYAML_FLAG_OPTIONAL, struct content_film,
                           rights, 1, 32),
    CYAML_FIELD_END,
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
    CYAML_FIELD_BOOL("video_placeholder", CYAML_FLAG_OPTIONAL, struct content_chapter,
                     video_placeholder),
    CYAML_FIELD_BOOL("image_placeholder", CYAML_FLAG_OPTIONAL, struct content_chapter,
                     image_placeholder),
    CYAML_FIELD_UINT("video_seconds", CYAML_FLAG_OPTIONAL, struct content_chapter, video_seconds),
    CYAML_FIELD_MAPPING_PTR("film", CYAML_FLAG_OPTIONAL, struct content_chapter, film, film_fields),
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
                               n_choices, &ltext_schema, CONTENT_MIN_CHOICES, CONTENT_MAX_CHOICES),
    CYAML_FIELD_UINT("answer", CYAML_FLAG_DEFAULT, struct content_question, answer),
    CYAML_FIELD_MAPPING("explanation", CYAML_FLAG_DEFAULT, struct content_question, explanation,
                        ltext_fields),
    CYAML_FIELD_BOOL("true_false", CYAML_FLAG_OPTIONAL, struct content_question, true_false),
    CYAML_FIELD_END,
};
static const cyaml_schema_value_t question_schema = {
    CYAML_VALUE_MAPPING(CYAML_FLAG_DEFAULT, struct content_question, question_fields),
};

#define MORE_TEXT_FIELD(code, i)                                                                   \
	CYAML_FIELD_STRING_PTR(code, CYAML_FLAG_POINTER | CYAML_FLAG_OPTIONAL,                     \
	                       struct content_more, text.s[i], 0, CYAML_UNLIMITED)

static const cyaml_schema_field_t more_fields[] = {
    MORE_TEXT_FIELD("fr", LANG_FR),
    MORE_TEXT_FIELD("en", LANG_EN),
    MORE_TEXT_FIELD("de", LANG_DE),
    CYAML_FIELD_BOOL("offer", CYAML_FLAG_OPTIONAL, struct content_more, offer),
    CYAML_FIELD_STRING_PTR("confirmed", CYAML_FLAG_POINTER | CYAML_FLAG_OPTIONAL,
                           struct content_more, confirmed, 1, 32),
    CYAML_FIELD_END,
};
static const cyaml_schema_value_t more_schema = {
    CYAML_VALUE_MAPPING(CYAML_FLAG_DEFAULT, struct content_more, more_fields),
};

static const cyaml_schema_field_t signoff_fields[] = {
    CYAML_FIELD_STRING_PTR("what", CYAML_FLAG_POINTER, struct content_signoff, what, 1, 300),
    CYAML_FIELD_STRING_PTR("url", CYAML_FLAG_POINTER | CYAML_FLAG_OPTIONAL, struct content_signoff,
                           url, 1, 1000),
    CYAML_FIELD_STRING_PTR("confirmed", CYAML_FLAG_POINTER | CYAML_FLAG_OPTIONAL,
                           struct content_signoff, confirmed, 1, 32),
    CYAML_FIELD_END,
};
static const cyaml_schema_value_t signoff_schema = {
    CYAML_VALUE_MAPPING(CYAML_FLAG_DEFAULT, struct content_signoff, signoff_fields),
};

#define SIGNOFF_LIST(key, member, max)                                                             \
	CYAML_FIELD_SEQUENCE_COUNT(key, CYAML_FLAG_POINTER | CYAML_FLAG_OPTIONAL,                  \
	                           struct content_campaign, member, n_##member, &signoff_schema,   \
	                           0, max)

static const cyaml_schema_field_t campaign_fields[] = {
    CYAML_FIELD_STRING_PTR("status", CYAML_FLAG_POINTER, struct content_campaign, status, 1, 32),
    CYAML_FIELD_STRING_PTR("confirmed", CYAML_FLAG_POINTER | CYAML_FLAG_OPTIONAL,
                           struct content_campaign, confirmed, 1, 32),
    SIGNOFF_LIST("claims", claims, 16),
    SIGNOFF_LIST("accounts", accounts, 16),
    SIGNOFF_LIST("contacts", contacts, 16),
    SIGNOFF_LIST("house_rules", house_rules, 16),
    CYAML_FIELD_MAPPING_PTR("brand", CYAML_FLAG_OPTIONAL, struct content_campaign, brand,
                            signoff_fields),
    CYAML_FIELD_END,
};

static const cyaml_schema_field_t ui_fields[] = {
#define UI_FIELD(k)                                                                                \
	CYAML_FIELD_MAPPING(#k, CYAML_FLAG_DEFAULT, struct content_ui, s[UI_##k], ltext_fields),
    UI_KEYS(UI_FIELD)
#undef UI_FIELD
#define UI_FIELD_OPT(k)                                                                            \
	CYAML_FIELD_MAPPING(#k, CYAML_FLAG_OPTIONAL, struct content_ui, s[UI_##k], ltext_fields),
        UI_KEYS_OPTIONAL(UI_FIELD_OPT)
#undef UI_FIELD_OPT
            CYAML_FIELD_END,
};

static const cyaml_schema_field_t module_fields[] = {
    ID_FIELD("id", 0, struct content_module, id),
    CYAML_FIELD_INT("version", CYAML_FLAG_DEFAULT, struct content_module, version),
    CYAML_FIELD_SEQUENCE_COUNT("languages", CYAML_FLAG_POINTER, struct content_module, languages,
                               n_languages, &string_schema, 1, LANG_MAX),
    CYAML_FIELD_UINT("pass_mark", CYAML_FLAG_DEFAULT, struct content_module, pass_mark),
    CYAML_FIELD_UINT("max_minutes", CYAML_FLAG_OPTIONAL, struct content_module, max_minutes),
    CYAML_FIELD_UINT("final_quiz", CYAML_FLAG_OPTIONAL, struct content_module, final_quiz),
    CYAML_FIELD_BOOL("allow_skip_video", CYAML_FLAG_OPTIONAL, struct content_module,
                     allow_skip_video),
    CYAML_FIELD_STRING_PTR("more_url", CYAML_FLAG_POINTER | CYAML_FLAG_OPTIONAL,
                           struct content_module, more_url, 1, 1000),
    CYAML_FIELD_MAPPING("qr_label", CYAML_FLAG_OPTIONAL, struct content_module, qr_label,
                        ltext_fields),
    CYAML_FIELD_MAPPING_PTR("campaign", CYAML_FLAG_OPTIONAL, struct content_module, campaign,
                            campaign_fields),
    CYAML_FIELD_MAPPING("title", CYAML_FLAG_DEFAULT, struct content_module, title, ltext_fields),
    CYAML_FIELD_MAPPING("tagline", CYAML_FLAG_DEFAULT, struct content_module, tagline,
                        ltext_fields),
    CYAML_FIELD_SEQUENCE_COUNT("objectives", CYAML_FLAG_POINTER, struct content_module, objectives,
                               n_objectives, &objective_schema, 1, CONTENT_MAX_OBJECTIVES),
    CYAML_FIELD_SEQUENCE_COUNT("chapters", CYAML_FLAG_POINTER, struct content_module, chapters,
                               n_chapters, &chapter_schema, 1, CONTENT_MAX_CHAPTERS),
    CYAML_FIELD_SEQUENCE_COUNT("questions", CYAML_FLAG_POINTER, struct content_module, questions,
                               n_questions, &question_schema, 1, CONTENT_MAX_QUESTIONS),
    CYAML_FIELD_SEQUENCE_COUNT("more", CYAML_FLAG_POINTER | CYAML_FLAG_OPTIONAL,
                               struct content_module, more, n_more, &more_schema, 0, 6),
    CYAML_FIELD_MAPPING("ui", CYAML_FLAG_DEFAULT, struct content_module, ui, ui_fields),
    /* Filled by the loader; listed so that cyaml_free knows nothing of them. */
    CYAML_FIELD_END,
};
static const cyaml_schema_value_t module_schema = {
    CYAML_VALUE_MAPPING(CYAML_FLAG_POINTER, struct content_module, module_fields),
};

/* ---- loading ---- */

struct content_module *content_load(const char *dir, struct diag *diag)
{
	char *file = NULL;
	if (asprintf(&file, "%s/module.yaml", dir) < 0)
		return NULL;
	struct content_module *m = NULL;
	int before = diag_count(diag);
	if (!cyaml_diag_load(file, &module_schema, (void **)&m, diag) || !m) {
		if (!m && diag_count(diag) == before) /* an empty file loads as nothing */
			diag_add(diag, file, 1, 1,
			         "empty module: see FORMAT.yaml for what it holds");
		free(file);
		return NULL;
	}
	m->file = file;
	m->dir = strdup(dir);
	content_check(m, diag);
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

int content_find_id(const char *id, const void *base, size_t size, unsigned n, size_t off)
{
	for (unsigned i = 0; id && i < n; i++) {
		const char *other = *(char *const *)((const char *)base + i * size + off);
		if (other && strcmp(other, id) == 0)
			return (int)i;
	}
	return -1;
}

bool content_in_final_pool(const struct content_module *m, unsigned q)
{
	return q < m->n_questions && (!m->final_quiz || !m->questions[q].chapter);
}

unsigned content_final_size(const struct content_module *m)
{
	unsigned pool = 0;
	for (unsigned q = 0; q < m->n_questions && q < CONTENT_MAX_QUESTIONS; q++)
		pool += content_in_final_pool(m, q);
	return m->final_quiz && m->final_quiz < pool ? m->final_quiz : pool;
}

int content_question_chapter(const struct content_module *m, unsigned q)
{
	if (q >= m->n_questions || !m->questions[q].chapter)
		return -1;
	return content_find_id(m->questions[q].chapter, m->chapters, sizeof(*m->chapters),
	                       m->n_chapters, offsetof(struct content_chapter, id));
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
		if (same(&m->more[i].text, lang, text, path, len, "more.%u", i, 0))
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

const char *content_ui_name(int k)
{
	return k >= 0 && k < UI_COUNT ? ui_names[k] : NULL;
}
