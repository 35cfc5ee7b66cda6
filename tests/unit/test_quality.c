/* What --check says beyond the format: the time budget, the item-writing
 * lint and what a release still needs, over modules built in memory (no
 * file: problems carry no position) and over the bundled module. */
#include <check.h>

#include "check_main.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/budget.h"
#include "core/quality.h"
#include "core/release.h"

static struct ltext T(const char *s) {
	return (struct ltext){{[LANG_FR] = (char *)s, [LANG_EN] = (char *)s}};
}

static char *
diag_text(const struct diag *d)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);
	diag_print(d, out);
	fclose(out);
	return buf;
}

/* ---- words ---- */

static const struct {
	const char *text;
	unsigned words;
} word_cases[] = {
    {"", 0},
    {"Bonjour", 1},
    {"Tu me suis ?", 3},
    {"Rien ne vous oblige à être partout.", 7},
    {"« Tu me suis ? » : l’Eurométropole", 4},
    {"Un compte – ou deux", 4},
    {"Folgst du mir?", 3},
    {"  spaces   around  ", 2},
    {"9 bonnes réponses sur 12", 5},
    {"Vous\xe2\x80\xaf?\xc2\xa0oui", 2}, /* narrow and plain no-break spaces */
};

START_TEST(test_words)
{
	ck_assert_msg(quality_words(word_cases[_i].text) == word_cases[_i].words,
	              "\"%s\": %u words, expected %u", word_cases[_i].text,
	              quality_words(word_cases[_i].text), word_cases[_i].words);
}
END_TEST

START_TEST(test_chars)
{
	ck_assert_uint_eq(quality_chars("abc"), 3);
	ck_assert_uint_eq(quality_chars("été"), 3);
	ck_assert_uint_eq(quality_chars("« ok »"), 6);
	ck_assert_uint_eq(quality_chars(NULL), 0);
}
END_TEST

/* ---- a module in memory ---- */

static struct ltext paras[2], keys[1];
static struct content_chapter chapters[2];
static struct ltext choice_sets[6][4];
static struct content_question questions[6];
static struct content_objective objectives[2];
static struct content_more more[2];
static struct content_module mod;

/* 2 chapters of 10 + 10 + 2 + 2 words (title 1, paragraphs 4 + 5, key point 2 →
 * 12 words each), questions 0 and 1 in chapter 0, 2..5 in the final pool. */
static void build(unsigned final_quiz)
{
	paras[0] = T("un deux trois quatre");
	paras[1] = T("un deux trois quatre cinq");
	keys[0] = T("à retenir");
	for (int c = 0; c < 2; c++)
		chapters[c] = (struct content_chapter){.id = c ? "b" : "a",
		                                       .title = T("Titre"),
		                                       .paragraphs = paras,
		                                       .n_paragraphs = 2,
		                                       .key_points = keys,
		                                       .n_key_points = 1};
	objectives[0] = (struct content_objective){.id = "o1", .label = T("o1")};
	objectives[1] = (struct content_objective){.id = "o2", .label = T("o2")};
	static const char *const texts[4] = {"Première idée", "Deuxième idée", "Troisième",
	                                     "Quatrième idée"};
	for (int q = 0; q < 6; q++) {
		for (int k = 0; k < 4; k++)
			choice_sets[q][k] = T(texts[k]);
		questions[q] = (struct content_question){
		    .id = "q",
		    .chapter = q < 2 ? "a" : NULL,
		    .objective = q % 2 ? "o2" : "o1",
		    .prompt = T("?"),
		    .choices = choice_sets[q],
		    .n_choices = 4,
		    .answer = 1,
		    .explanation = T("."),
		};
	}
	more[0] = (struct content_more){.text = T("un atelier au Tipi")};
	more[1] = (struct content_more){.text = T("le mentorat inversé")};
	mod = (struct content_module){
	    .id = "m",
	    .version = 1,
	    .pass_mark = 70,
	    .final_quiz = final_quiz,
	    .objectives = objectives,
	    .n_objectives = 2,
	    .chapters = chapters,
	    .n_chapters = 2,
	    .questions = questions,
	    .n_questions = 6,
	    .more = more,
	    .n_more = 2,
	    .langs = {LANG_FR, LANG_EN},
	    .n_langs = 2,
	};
}

/* ---- budget ---- */

START_TEST(test_budget)
{
	build(3);
	struct budget b;
	budget_estimate(&mod, LANG_FR, NULL, BUDGET_SHIPPED, &b);
	/* Chapters 2 × 12 words; each question 7 (its choices; "?" and "."
	 * hold none), chapter 0's two and the final three; the result: the
	 * first key point of each chapter (2 × 2) and "more" (4 + 3). */
	ck_assert_uint_eq(b.words, 24 + 2 * 7 + 3 * 7 + 4 + 7);
	ck_assert_uint_eq(b.questions, 2 + 3);
	/* Language and home; chapter 0, its 2 questions, home; chapter 1,
	 * home; the final 3 and the result. */
	ck_assert_uint_eq(b.screens, 2 + 4 + 2 + 4);
	ck_assert_int_eq(b.read_ms, 70 * 60000LL / BUDGET_WPM);
	ck_assert_int_eq(b.video_ms, 0);
	ck_assert_int_eq(b.answer_ms, 5 * BUDGET_ANSWER_S * 1000LL);
	ck_assert_int_eq(b.screen_ms, 12 * BUDGET_SCREEN_S * 1000LL);
	ck_assert_int_eq(b.total_ms, b.read_ms + b.video_ms + b.answer_ms + b.screen_ms);
	/* An old module's final quiz asks every question, chapter ones again. */
	build(0);
	budget_estimate(&mod, LANG_FR, NULL, BUDGET_SHIPPED, &b);
	ck_assert_uint_eq(b.questions, 2 + 6);
	/* The final quiz cannot ask more than its pool. */
	build(10);
	budget_estimate(&mod, LANG_FR, NULL, BUDGET_SHIPPED, &b);
	ck_assert_uint_eq(b.questions, 2 + 4);
}
END_TEST

/* A video: one more screen; its length measured, else video_seconds; a
 * placeholder counted at its real film's length when asked. */
START_TEST(test_budget_videos)
{
	build(3);
	static struct content_film film = {.name = "Episode 1", .seconds = 90};
	chapters[0].video.s[LANG_FR] = "videos/a-fr.mp4";
	chapters[0].video_seconds = 30;
	struct budget b;
	budget_estimate(&mod, LANG_FR, NULL, BUDGET_SHIPPED, &b);
	ck_assert_int_eq(b.video_ms, 30000);
	ck_assert_uint_eq(b.screens, 13);
	long long measured[2] = {45000, -1};
	budget_estimate(&mod, LANG_FR, measured, BUDGET_SHIPPED, &b);
	ck_assert_int_eq(b.video_ms, 45000);
	chapters[0].video_placeholder = true;
	chapters[0].film = &film;
	budget_estimate(&mod, LANG_FR, measured, BUDGET_FILMS, &b);
	ck_assert_int_eq(b.video_ms, 90000);
	budget_estimate(&mod, LANG_FR, measured, BUDGET_SHIPPED, &b);
	ck_assert_int_eq(b.video_ms, 45000);
	/* Whole minutes, rounded up; none when a video's length is not given. */
	budget_estimate(&mod, LANG_FR, NULL, BUDGET_SHIPPED, &b);
	ck_assert_uint_eq(budget_minutes(&mod, LANG_FR), (unsigned)((b.total_ms + 59999) / 60000));
	chapters[0].video_seconds = 0;
	ck_assert_uint_eq(budget_minutes(&mod, LANG_FR), 0);
	chapters[0].video.s[LANG_FR] = NULL;
	chapters[0].video_placeholder = false;
	chapters[0].film = NULL;
}
END_TEST

/* ---- lint ---- */

static char *lint(void)
{
	struct diag d = {0};
	quality_lint(&mod, &d);
	char *s = diag_text(&d);
	diag_free(&d);
	return s;
}

START_TEST(test_lint_clean)
{
	build(3);
	char *s = lint();
	ck_assert_msg(*s == '\0', "a clean module has problems:\n%s", s);
	free(s);
}
END_TEST

/* The right choice longest in 4 of 6 questions: refused, in each language. */
START_TEST(test_lint_longest)
{
	build(3);
	for (int q = 0; q < 4; q++)
		choice_sets[q][0] = T("Première idée, la bonne");
	char *s = lint();
	ck_assert_msg(strstr(s, "fr: the right choice is the longest in 4 of 6 questions"), "%s",
	              s);
	ck_assert_msg(strstr(s, "en: the right choice is the longest in 4 of 6 questions"), "%s",
	              s);
	free(s);
	/* Exactly half is allowed. */
	choice_sets[3][0] = T("Première idée");
	s = lint();
	ck_assert_msg(!strstr(s, "is the longest"), "3 of 6 refused:\n%s", s);
	free(s);
}
END_TEST

/* A choice more than twice as long as the shortest of its question. */
START_TEST(test_lint_ratio)
{
	build(3);
	choice_sets[4][2] = T("Non");
	char *s = lint();
	ck_assert_msg(strstr(s, "choice of 14 characters, more than twice the shortest of its "
	                        "question (3)"),
	              "%s", s);
	free(s);
	choice_sets[4][2] = T("Sept ca"); /* 7: 14 is exactly twice, allowed */
	s = lint();
	ck_assert_msg(!strstr(s, "more than twice"), "%s", s);
	free(s);
}
END_TEST

START_TEST(test_lint_two_choices)
{
	build(3);
	questions[2].n_choices = 2;
	char *s = lint();
	ck_assert_msg(strstr(s, "2 choices: right half the time by chance"), "%s", s);
	free(s);
	questions[2].true_false = true;
	s = lint();
	ck_assert_msg(!strstr(s, "2 choices"), "%s", s);
	free(s);
}
END_TEST

START_TEST(test_lint_objectives)
{
	build(3);
	for (int q = 0; q < 6; q++)
		questions[q].objective = q == 5 ? "o2" : "o1";
	char *s = lint();
	ck_assert_msg(strstr(s, "objective tested by 1 question: give it at least 2"), "%s", s);
	free(s);
	/* Two questions, both in chapters: the final quiz cannot test it. */
	build(3);
	for (int q = 0; q < 6; q++)
		questions[q].objective = q < 2 ? "o2" : "o1";
	s = lint();
	ck_assert_msg(strstr(s, "objective in 0 questions of the final quiz's pool"), "%s", s);
	free(s);
	/* Three questions, one in the pool: one question cannot tell knowing
	 * from a lucky guess. */
	build(3);
	for (int q = 0; q < 6; q++)
		questions[q].objective = q < 2 || q == 5 ? "o2" : "o1";
	s = lint();
	ck_assert_msg(strstr(s, "objective in 1 question of the final quiz's pool (questions "
	                        "without a chapter): give it at least 2"),
	              "%s", s);
	free(s);
}
END_TEST

/* ---- release ---- */

static const struct {
	const char *url;
	bool reserved;
} url_cases[] = {
    {"https://intranet.example/tu-me-suis", true},
    {"https://intranet.eurometropole.example/x", true},
    {"https://example.org", true},
    {"http://www.example.com/page", true},
    {"https://user@example.net:8080/", true},
    {"https://kiosk.test/", true},
    {"https://a.invalid", true},
    {"http://localhost:8000/", true},
    {"https://EXAMPLE.ORG/", true},
    {"https://intranet.strasbourg.eu/tu-me-suis", false},
    {"https://myexample.org/", false},
    {"https://example.org.eu/", false},
    {"https://www.strasbourg.eu/example/", false},
    {NULL, false},
};

START_TEST(test_reserved_url)
{
	ck_assert_msg(release_reserved_url(url_cases[_i].url) == url_cases[_i].reserved,
	              "%s: reserved should be %d", url_cases[_i].url, url_cases[_i].reserved);
}
END_TEST

static char *release(const char *today)
{
	struct diag d = {0};
	release_check(&mod, today, &d);
	char *s = diag_text(&d);
	diag_free(&d);
	return s;
}

static const struct {
	const char *url;
	bool internal;
} internal_cases[] = {
    {"https://intranet.strasbourg.eu/tu-me-suis", true},
    {"https://Intranet-ems.strasbourg.eu/x", true},
    {"https://www.intranet.strasbourg.eu/", true},
    {"http://intranet/tu-me-suis", true},
    {"https://srv-web01:8080/", true},
    {"https://192.168.1.20/videos", true},
    {"https://10.0.0.1/", true},
    {"https://172.20.3.4/", true},
    {"file:///srv/videos.html", true},
    {"www.strasbourg.eu/videos", true}, /* no scheme: a phone's reader may not open it */
    {"https://www.dailymotion.com/strasbourg", false},
    {"https://www.strasbourg.eu/intranet-news", false}, /* the path is not the host */
    {"https://172.15.0.1/", false},
    {"https://www.linkedin.com/company/strasbourg", false},
    {NULL, false},
};

START_TEST(test_internal_url)
{
	ck_assert_msg(release_internal_url(internal_cases[_i].url) == internal_cases[_i].internal,
	              "%s: internal should be %d", internal_cases[_i].url,
	              internal_cases[_i].internal);
}
END_TEST

static struct content_signoff signed_off[1] = {{"a thing", NULL, "2026-11-20"}};
static struct content_campaign campaign = {
    .status = "running",
    .confirmed = "2026-11-20",
    .claims = signed_off,
    .n_claims = 1,
    .brand = signed_off,
};

START_TEST(test_release)
{
	build(3);
	mod.more_url = "https://www.dailymotion.com/strasbourg";
	mod.qr_label = T("Les vidéos");
	mod.campaign = &campaign;
	char *s = release("2026-12-01");
	ck_assert_msg(*s == '\0', "%s", s);
	free(s);

	/* The QR code without its label, or opening the intranet. */
	mod.qr_label = (struct ltext){0};
	mod.more_url = "https://intranet.strasbourg.eu/tu-me-suis";
	s = release("2026-12-01");
	ck_assert_msg(strstr(s, "no qr_label"), "%s", s);
	ck_assert_msg(strstr(s, "looks like an internal address"), "%s", s);
	free(s);

	/* No campaign section, then an unconfirmed one. */
	mod.campaign = NULL;
	s = release("2026-12-01");
	ck_assert_msg(strstr(s, "no campaign section"), "%s", s);
	free(s);
	campaign.status = "unconfirmed";
	mod.campaign = &campaign;
	s = release("2026-12-01");
	ck_assert_msg(strstr(s, "the campaign's status is unconfirmed"), "%s", s);
	free(s);
	campaign.status = "ended";
	campaign.confirmed = "2025-01-01";
	signed_off[0].confirmed = NULL;
	s = release("2026-12-01");
	ck_assert_msg(strstr(s, "the campaign's status confirmed on 2025-01-01, more than 183"),
	              "%s", s);
	ck_assert_msg(strstr(s, "chapter 1's claim \"a thing\" not confirmed"), "%s", s);
	ck_assert_msg(strstr(s, "the campaign's logo and colours \"a thing\" not confirmed"), "%s",
	              s);
	free(s);
	campaign.confirmed = "2026-11-20";
	signed_off[0].confirmed = "2026-11-20";
	mod.qr_label = T("Les vidéos");

	mod.more_url = "https://intranet.example/tu-me-suis";
	chapters[1].video_placeholder = true;
	more[0].offer = true;
	more[1].offer = true;
	more[1].confirmed = "2026-11-20";
	s = release("2026-12-01");
	ck_assert_msg(strstr(s, "more_url is a reserved example address"), "%s", s);
	ck_assert_msg(strstr(s, "placeholder videos"), "%s", s);
	ck_assert_msg(strstr(s, "offer not confirmed"), "%s", s);
	ck_assert_msg(!strstr(s, "confirmed on"), "a fresh confirmation refused:\n%s", s);
	free(s);

	/* A confirmation grows old. */
	more[1].confirmed = "2026-01-15";
	s = release("2026-12-01");
	ck_assert_msg(strstr(s, "offer confirmed on 2026-01-15, more than 183 days ago"), "%s", s);
	free(s);
}
END_TEST

/* ---- the bundled module ---- */

#define BUNDLED "assets/modules/tu-me-suis"

START_TEST(test_bundled_lint_clean)
{
	struct diag d = {0};
	struct content_module *m = content_load(BUNDLED, &d);
	ck_assert_ptr_nonnull(m);
	quality_lint(m, &d);
	char *s = diag_text(&d);
	ck_assert_msg(diag_count(&d) == 0, "the bundled module:\n%s", s);
	free(s);
	ck_assert_uint_eq(m->max_minutes, 10);
	ck_assert_uint_gt(m->final_quiz, 0);
	/* A full pass in every language, every word read, the videos as
	 * shipped (video_seconds, which --check measures), within max_minutes. */
	for (int i = 0; i < m->n_langs; i++) {
		struct budget b;
		budget_estimate(m, m->langs[i], NULL, BUDGET_SHIPPED, &b);
		ck_assert_msg(b.total_ms <= m->max_minutes * 60000LL,
		              "%s: %lld ms (%u words, %u screens)", lang_code(m->langs[i]),
		              b.total_ms, b.words, b.screens);
	}
	diag_free(&d);
	content_destroy(m);
}
END_TEST

static Suite *quality_suite(void)
{
	Suite *s = suite_create("quality");
	TCase *tc = tcase_create("words");
	tcase_add_loop_test(tc, test_words, 0, sizeof(word_cases) / sizeof(word_cases[0]));
	tcase_add_test(tc, test_chars);
	suite_add_tcase(s, tc);

	tc = tcase_create("budget");
	tcase_add_test(tc, test_budget);
	tcase_add_test(tc, test_budget_videos);
	suite_add_tcase(s, tc);

	tc = tcase_create("lint");
	tcase_add_test(tc, test_lint_clean);
	tcase_add_test(tc, test_lint_longest);
	tcase_add_test(tc, test_lint_ratio);
	tcase_add_test(tc, test_lint_two_choices);
	tcase_add_test(tc, test_lint_objectives);
	suite_add_tcase(s, tc);

	tc = tcase_create("release");
	tcase_add_loop_test(tc, test_reserved_url, 0, sizeof(url_cases) / sizeof(url_cases[0]));
	tcase_add_loop_test(tc, test_internal_url, 0,
	                    sizeof(internal_cases) / sizeof(internal_cases[0]));
	tcase_add_test(tc, test_release);
	suite_add_tcase(s, tc);

	tc = tcase_create("bundled");
	tcase_add_test(tc, test_bundled_lint_clean);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return check_main(quality_suite());
}
