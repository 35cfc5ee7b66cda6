/* The module loader: the mini fixture loads clean and whole; every broken
 * fixture gives exactly the diagnostics of its expected.txt. */
#include <check.h>

#include "check_main.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/content.h"

#define MINI   "tests/fixtures/mini"
#define BROKEN "tests/fixtures/broken/"

static char *read_text(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);
	int ch;
	while ((ch = fgetc(f)) != EOF)
		fputc(ch, out);
	fclose(out);
	fclose(f);
	return buf;
}

static char *diag_text(const struct diag *d)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);
	diag_print(d, out);
	fclose(out);
	return buf;
}

/* ---- the mini module ---- */

static struct content_module *mini;
static struct diag mini_diag;

static void mini_setup(void)
{
	mini_diag = (struct diag){0};
	mini = content_load(MINI, &mini_diag);
}

static void mini_teardown(void)
{
	content_destroy(mini);
	diag_free(&mini_diag);
	mini = NULL;
}

START_TEST(test_mini_loads_clean)
{
	char *got = diag_text(&mini_diag);
	ck_assert_msg(mini != NULL, "mini module not loaded:\n%s", got);
	ck_assert_msg(diag_count(&mini_diag) == 0, "mini module has problems:\n%s", got);
	free(got);
	ck_assert_str_eq(mini->id, "mini");
	ck_assert_int_eq(mini->version, 3);
	ck_assert_uint_eq(mini->pass_mark, 70);
	ck_assert(mini->allow_skip_video);
	ck_assert_str_eq(mini->more_url, "https://intranet.example/mini");
	ck_assert_int_eq(mini->n_langs, 2);
	ck_assert_int_eq(mini->langs[0], LANG_FR);
	ck_assert_int_eq(mini->langs[1], LANG_EN);
	ck_assert_uint_eq(mini->n_objectives, 2);
	ck_assert_uint_eq(mini->n_chapters, 2);
	ck_assert_uint_eq(mini->n_questions, 4);
	ck_assert_uint_eq(mini->n_more, 1);
	ck_assert_str_eq(mini->file, MINI "/module.yaml");
	ck_assert_str_eq(mini->dir, MINI);
}
END_TEST

START_TEST(test_mini_chapters)
{
	ck_assert_ptr_nonnull(mini);
	const struct content_chapter *c0 = &mini->chapters[0], *c1 = &mini->chapters[1];
	ck_assert_str_eq(c0->id, "public");
	ck_assert_str_eq(c1->id, "reflexes");
	ck_assert_uint_eq(c0->n_paragraphs, 2);
	ck_assert_uint_eq(c0->n_key_points, 1);
	ck_assert_uint_eq(c1->n_paragraphs, 1);
	ck_assert_uint_eq(c1->n_key_points, 2);
	ck_assert_str_eq(c0->video.s[LANG_FR], "videos/public-fr.mp4");
	ck_assert_str_eq(c0->video.s[LANG_EN], "videos/public-en.mp4");
	ck_assert_ptr_null(c0->video.s[LANG_DE]);
	ck_assert_str_eq(c0->subtitles.s[LANG_EN], "subtitles/public.en.srt");
	ck_assert_str_eq(c0->image, "images/public.png");
	for (int l = 0; l < LANG_MAX; l++) {
		ck_assert_msg(c1->video.s[l] == NULL, "chapter 2 has a video in %s", lang_code(l));
		ck_assert_msg(c1->subtitles.s[l] == NULL, "chapter 2 has subtitles");
	}
	ck_assert_ptr_null(c1->image);
	ck_assert_str_eq(ltext_get(&c1->title, LANG_FR), "Les bons réflexes");
	ck_assert_str_eq(ltext_get(&c1->title, LANG_EN), "The right reflexes");
}
END_TEST

START_TEST(test_mini_questions)
{
	ck_assert_ptr_nonnull(mini);
	static const struct {
		const char *id, *chapter, *objective;
		unsigned n_choices, answer;
		int chapter_index;
	} want[] = {
	    {"q-public", "public", "audience", 3, 2, 0},
	    {"q-capture", "public", "audience", 2, 2, 0},
	    {"q-doute", NULL, "reflexes", 3, 2, -1},
	    {"q-relire", NULL, "reflexes", 3, 3, -1},
	};
	for (unsigned i = 0; i < 4; i++) {
		const struct content_question *q = &mini->questions[i];
		ck_assert_msg(strcmp(q->id, want[i].id) == 0, "question %u: id %s", i, q->id);
		if (want[i].chapter)
			ck_assert_msg(q->chapter && strcmp(q->chapter, want[i].chapter) == 0,
			              "%s: chapter", q->id);
		else
			ck_assert_msg(q->chapter == NULL, "%s: has a chapter", q->id);
		ck_assert_msg(strcmp(q->objective, want[i].objective) == 0, "%s: objective", q->id);
		ck_assert_msg(q->n_choices == want[i].n_choices, "%s: %u choices", q->id,
		              q->n_choices);
		ck_assert_msg(q->answer == want[i].answer, "%s: answer %u", q->id, q->answer);
		ck_assert_msg(content_question_chapter(mini, i) == want[i].chapter_index,
		              "%s: chapter index %d", q->id, content_question_chapter(mini, i));
	}
	ck_assert_int_eq(content_question_chapter(mini, 99), -1);

	unsigned out[4] = {77, 77, 77, 77};
	ck_assert_uint_eq(content_chapter_questions(mini, 0, out, 4), 2);
	ck_assert_uint_eq(out[0], 0);
	ck_assert_uint_eq(out[1], 1);
	ck_assert_uint_eq(content_chapter_questions(mini, 1, out, 4), 0);
	/* Counting only (max 0) must not write. */
	out[0] = 77;
	ck_assert_uint_eq(content_chapter_questions(mini, 0, out, 0), 2);
	ck_assert_uint_eq(out[0], 77);
	ck_assert_uint_eq(content_chapter_questions(mini, 0, out, 1), 2);
	ck_assert_uint_eq(out[0], 0);
	ck_assert_uint_eq(out[1], 1); /* untouched past max */
}
END_TEST

static const char *const ui_names[UI_COUNT] = {
#define UI_NAME(k) #k,
    UI_KEYS(UI_NAME) UI_KEYS_OPTIONAL(UI_NAME)
#undef UI_NAME
};

START_TEST(test_mini_every_ui_key)
{
	ck_assert_ptr_nonnull(mini);
	for (int k = 0; k < UI_COUNT; k++)
		for (int l = LANG_FR; l <= LANG_EN; l++) {
			const char *s = mini->ui.s[k].s[l];
			ck_assert_msg(s && *s, "ui.%s has no %s text", ui_names[k], lang_code(l));
		}
}
END_TEST

/* Labels the end-to-end scripts press. */
static const struct {
	enum ui_key k;
	int lang;
	const char *text;
} ui_cases[] = {
    {UI_start_quiz, LANG_FR, "Faire le quiz final"},
    {UI_start_quiz, LANG_EN, "Take the final quiz"},
    {UI_back, LANG_FR, "Retour"},
    {UI_back, LANG_EN, "Back"},
    {UI_next, LANG_FR, "Suivant"},
    {UI_finish, LANG_EN, "Finish"},
    {UI_continue_session, LANG_FR, "Je continue"},
    {UI_language_name, LANG_EN, "English"},
    /* No de text: the module's first language. */
    {UI_start_quiz, LANG_DE, "Faire le quiz final"},
    {UI_back, -1, "Retour"},
    {UI_back, LANG_MAX, "Retour"},
};

START_TEST(test_mini_ui_text)
{
	ck_assert_ptr_nonnull(mini);
	const char *got = content_ui(mini, ui_cases[_i].k, ui_cases[_i].lang);
	ck_assert_msg(strcmp(got, ui_cases[_i].text) == 0,
	              "ui.%s in lang %d: \"%s\", expected \"%s\"", ui_names[ui_cases[_i].k],
	              ui_cases[_i].lang, got, ui_cases[_i].text);
}
END_TEST

START_TEST(test_mini_paths)
{
	ck_assert_ptr_nonnull(mini);
	char *p = content_path(mini, "videos/public-fr.mp4");
	ck_assert_str_eq(p, MINI "/videos/public-fr.mp4");
	free(p);
	p = content_path(mini, "/srv/x.mp4");
	ck_assert_str_eq(p, "/srv/x.mp4");
	free(p);
	ck_assert_ptr_null(content_path(mini, NULL));
}
END_TEST

/* ---- languages and texts, no file ---- */

static const struct {
	const char *code;
	int index;
} lang_cases[] = {
    {"fr", LANG_FR}, {"en", LANG_EN}, {"de", LANG_DE}, {"es", -1},
    {"FR", -1},      {"", -1},        {"fra", -1},
};

START_TEST(test_lang_codes)
{
	ck_assert_msg(lang_index(lang_cases[_i].code) == lang_cases[_i].index,
	              "lang_index(\"%s\") = %d, expected %d", lang_cases[_i].code,
	              lang_index(lang_cases[_i].code), lang_cases[_i].index);
	if (lang_cases[_i].index >= 0)
		ck_assert_str_eq(lang_code(lang_cases[_i].index), lang_cases[_i].code);
}
END_TEST

START_TEST(test_lang_edges)
{
	ck_assert_int_eq(lang_index(NULL), -1);
	ck_assert_str_eq(lang_code(-1), "?");
	ck_assert_str_eq(lang_code(LANG_MAX), "?");
	struct ltext none = {{NULL}};
	ck_assert_str_eq(ltext_get(&none, LANG_FR), "");
	struct ltext only_en = {{[LANG_EN] = "hello"}};
	ck_assert_str_eq(ltext_get(&only_en, LANG_FR), "hello");
	ck_assert_str_eq(ltext_get(&only_en, LANG_EN), "hello");
}
END_TEST

/* ---- broken modules ---- */

static const struct {
	const char *name;
	bool loads; /* a module comes back (problems found after parsing) */
} broken_cases[] = {
    {"unknown-key", false},
    {"missing-key", false},
    {"wrong-type", false},
    {"syntax-error", false},
    {"answer-out-of-range", true},
    {"missing-language", true},
    {"video-missing", true},
    {"duplicate-chapter", true},
    {"unknown-reference", true},
    {"unknown-language", true},
    {"bad-id", true},
    {"no-module", false},
    {"many-schema", false},
    {"empty-file", false}, /* crashed --check (tests/reliability/badinput.sh) */
};

START_TEST(test_broken)
{
	const char *name = broken_cases[_i].name;
	char dir[256], exp_path[300];
	snprintf(dir, sizeof(dir), BROKEN "%s", name);
	snprintf(exp_path, sizeof(exp_path), "%s/expected.txt", dir);
	char *expected = read_text(exp_path);
	ck_assert_msg(expected != NULL, "%s: cannot read %s", name, exp_path);

	struct diag d = {0};
	struct content_module *m = content_load(dir, &d);
	char *got = diag_text(&d);
	ck_assert_msg(strcmp(got, expected) == 0,
	              "%s: diagnostics differ\n--- got:\n%s--- expected:\n%s", name, got, expected);
	ck_assert_msg(diag_count(&d) > 0, "%s: no problem reported", name);
	ck_assert_msg((m != NULL) == broken_cases[_i].loads, "%s: module %s", name,
	              m ? "returned" : "not returned");
	content_destroy(m);
	diag_free(&d);
	free(got);
	free(expected);
}
END_TEST

START_TEST(test_destroy_null)
{
	content_destroy(NULL);
}
END_TEST

static Suite *content_suite(void)
{
	Suite *s = suite_create("content");
	TCase *tc = tcase_create("mini");
	tcase_add_checked_fixture(tc, mini_setup, mini_teardown);
	tcase_add_test(tc, test_mini_loads_clean);
	tcase_add_test(tc, test_mini_chapters);
	tcase_add_test(tc, test_mini_questions);
	tcase_add_test(tc, test_mini_every_ui_key);
	tcase_add_loop_test(tc, test_mini_ui_text, 0, sizeof(ui_cases) / sizeof(ui_cases[0]));
	tcase_add_test(tc, test_mini_paths);
	suite_add_tcase(s, tc);

	tc = tcase_create("lang");
	tcase_add_loop_test(tc, test_lang_codes, 0, sizeof(lang_cases) / sizeof(lang_cases[0]));
	tcase_add_test(tc, test_lang_edges);
	suite_add_tcase(s, tc);

	tc = tcase_create("broken");
	tcase_add_loop_test(tc, test_broken, 0, sizeof(broken_cases) / sizeof(broken_cases[0]));
	tcase_add_test(tc, test_destroy_null);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return check_main(content_suite());
}
