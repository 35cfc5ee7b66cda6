/* The screen flow on a fake clock, over a module built in memory:
 *   chapter 0 "video"   video in fr and en, questions 0 and 1
 *   chapter 1 "text"    no video, question 2
 *   chapter 2 "read"    no video, no question
 *   question 3          final quiz only
 * Every question has 3 choices; the right one is choice index 1 (answer: 2). */
#include <check.h>

#include "check_main.h"
#include <stdlib.h>
#include <string.h>

#include "core/flow.h"
#include "core/revisit.h"

enum { IDLE = 90000, STILL = 20000, T0 = 1000000 };

static struct ltext T(const char *s) {
	return (struct ltext){{[LANG_FR] = (char *)s, [LANG_EN] = (char *)s}};
}

static struct ltext choices[3];
static struct content_chapter chapters[3];
static struct content_question questions[4];
static struct content_module mod;

static void build_module(unsigned pass_mark)
{
	for (int i = 0; i < 3; i++)
		choices[i] = T("choice");
	memset(chapters, 0, sizeof chapters);
	chapters[0] = (struct content_chapter){.id = "video", .title = T("Video")};
	chapters[0].video.s[LANG_FR] = "videos/v-fr.mp4";
	chapters[0].video.s[LANG_EN] = "videos/v-en.mp4";
	chapters[1] = (struct content_chapter){.id = "text", .title = T("Text")};
	chapters[2] = (struct content_chapter){.id = "read", .title = T("Read")};
	static const struct {
		const char *id, *chapter, *objective;
	} q[4] = {
	    {"q0", "video", "obj-a"},
	    {"q1", "video", "obj-b"},
	    {"q2", "text", "obj-a"},
	    {"q3", NULL, "obj-b"},
	};
	for (int i = 0; i < 4; i++)
		questions[i] = (struct content_question){
		    .id = (char *)q[i].id,
		    .chapter = (char *)q[i].chapter,
		    .objective = (char *)q[i].objective,
		    .prompt = T("?"),
		    .choices = choices,
		    .n_choices = 3,
		    .answer = 2,
		};
	mod = (struct content_module){
	    .id = "test-module",
	    .version = 7,
	    .pass_mark = pass_mark,
	    .chapters = chapters,
	    .n_chapters = 3,
	    .questions = questions,
	    .n_questions = 4,
	    .langs = {LANG_FR, LANG_EN},
	    .n_langs = 2,
	};
}

static struct flow f;
static long long now;

static void setup(void)
{
	build_module(70);
	now = T0;
	flow_init(&f, &mod, IDLE, STILL, -1, false, now);
}

/* Advance the fake clock past the tap guard and act like a person. */
static void later(long long ms)
{
	now += ms;
}

#define SCREEN(s)                                                                                  \
	ck_assert_msg(f.screen == (s), "screen is %s, expected %s", screen_name(f.screen),         \
	              screen_name(s))

/* attract → language → home in French. */
static void to_home(void)
{
	later(500);
	flow_input(&f, now);
	ck_assert(flow_start(&f, now));
	later(500);
	ck_assert(flow_choose_language(&f, LANG_FR, now));
	SCREEN(SCR_HOME);
}

/* Answer the current quiz to the end: right[i] says whether to answer
 * right (choice 1) or wrong (choice 0) question i of the module in the
 * final quiz (asked in a shuffled order), the i-th asked in a chapter's. */
static void answer_all(const bool *right)
{
	unsigned n = f.quiz_n;
	for (unsigned i = 0; i < n; i++) {
		later(500);
		bool r = right[f.quiz_mode == QUIZ_FINAL ? f.quiz[f.quiz_pos] : i];
		ck_assert_msg(flow_answer(&f, r ? 1 : 0), "answer %u refused", i);
		later(500);
		ck_assert_msg(flow_next(&f, now), "next after %u refused", i);
	}
}

/* ---- names ---- */

START_TEST(test_screen_names)
{
	static const char *const names[SCR_COUNT] = {
	    "attract", "language", "home",        "chapter",     "video",
	    "quiz",    "result",   "still-there", "trainer-pin", "trainer",
	};
	ck_assert_str_eq(screen_name((enum screen_id)_i), names[_i]);
	ck_assert_int_eq(screen_by_name(names[_i]), _i);
}
END_TEST

START_TEST(test_screen_name_unknown)
{
	ck_assert_int_eq(screen_by_name("Home"), -1);
	ck_assert_int_eq(screen_by_name(""), -1);
	ck_assert_str_eq(screen_name(SCR_COUNT), "?");
}
END_TEST

/* ---- start, language ---- */

START_TEST(test_init)
{
	SCREEN(SCR_ATTRACT);
	ck_assert(!f.in_session);
	ck_assert_int_eq(f.lang, LANG_FR); /* -1: the module's first language */
	ck_assert(!f.has_record);
	flow_init(&f, &mod, IDLE, STILL, LANG_EN, false, now);
	ck_assert_int_eq(f.lang, LANG_EN);
}
END_TEST

START_TEST(test_start_and_language)
{
	ck_assert(!flow_choose_language(&f, LANG_EN, now)); /* not on the language screen */
	ck_assert(flow_start(&f, now));
	SCREEN(SCR_LANGUAGE);
	ck_assert(f.in_session);
	ck_assert_int_eq(f.furthest, STAGE_LANGUAGE);
	ck_assert(!flow_start(&f, now)); /* only from attract */
	ck_assert(!flow_choose_language(&f, -1, now));
	ck_assert(!flow_choose_language(&f, LANG_MAX, now));
	ck_assert(flow_choose_language(&f, LANG_EN, now));
	SCREEN(SCR_HOME);
	ck_assert_int_eq(f.lang, LANG_EN);
	ck_assert_int_eq(f.furthest, STAGE_HOME);
}
END_TEST

START_TEST(test_change_language_resumes)
{
	to_home();
	later(500);
	ck_assert(flow_open_chapter(&f, 1, now));
	later(500);
	ck_assert(flow_change_language(&f, now));
	SCREEN(SCR_LANGUAGE);
	ck_assert(!flow_change_language(&f, now)); /* already there */
	ck_assert(flow_choose_language(&f, LANG_EN, now));
	SCREEN(SCR_CHAPTER); /* back where the person was, in English */
	ck_assert_int_eq(f.lang, LANG_EN);
	ck_assert_int_eq(f.chapter, 1);
	/* Back from the language screen keeps the language. */
	ck_assert(flow_change_language(&f, now));
	ck_assert(flow_back(&f, now));
	SCREEN(SCR_CHAPTER);
	ck_assert_int_eq(f.lang, LANG_EN);
}
END_TEST

START_TEST(test_no_language_change_in_video_or_outside_session)
{
	ck_assert(!flow_change_language(&f, now)); /* attract: no session */
	to_home();
	ck_assert(flow_open_chapter(&f, 0, now));
	ck_assert(flow_watch_video(&f, now));
	ck_assert(!flow_change_language(&f, now));
	SCREEN(SCR_VIDEO);
}
END_TEST

START_TEST(test_language_back_before_choice_abandons)
{
	ck_assert(flow_start(&f, now));
	later(3000);
	ck_assert(flow_back(&f, now));
	SCREEN(SCR_ATTRACT);
	ck_assert(!f.in_session);
	/* Nobody chose a language: nothing worth storing. */
	ck_assert(!f.has_record);
}
END_TEST

START_TEST(test_home_back_goes_to_language)
{
	to_home();
	ck_assert(flow_back(&f, now));
	SCREEN(SCR_LANGUAGE);
	ck_assert(flow_choose_language(&f, LANG_EN, now));
	SCREEN(SCR_HOME);
}
END_TEST

/* ---- back, table-driven ---- */

static void reach_screen(enum screen_id s)
{
	switch (s) {
	case SCR_ATTRACT: return;
	case SCR_LANGUAGE: ck_assert(flow_start(&f, now)); return;
	case SCR_TRAINER_PIN: ck_assert(flow_trainer_request(&f, now)); return;
	case SCR_TRAINER:
		ck_assert(flow_trainer_request(&f, now));
		ck_assert(flow_trainer_unlocked(&f, now));
		return;
	default: break;
	}
	to_home();
	if (s == SCR_HOME)
		return;
	if (s == SCR_RESULT) {
		ck_assert(flow_start_quiz(&f, now));
		static const bool right[4] = {1, 1, 1, 1};
		answer_all(right);
		return;
	}
	ck_assert(flow_open_chapter(&f, 0, now));
	if (s == SCR_VIDEO)
		ck_assert(flow_watch_video(&f, now));
	if (s == SCR_QUIZ)
		ck_assert(flow_chapter_questions(&f, now));
}

static const struct {
	enum screen_id from, to;
	bool changes;
} back_cases[] = {
    {SCR_ATTRACT, SCR_ATTRACT, false}, {SCR_LANGUAGE, SCR_ATTRACT, true},
    {SCR_HOME, SCR_LANGUAGE, true},    {SCR_CHAPTER, SCR_HOME, true},
    {SCR_VIDEO, SCR_CHAPTER, true},    {SCR_QUIZ, SCR_CHAPTER, true},
    {SCR_RESULT, SCR_HOME, true},      {SCR_TRAINER_PIN, SCR_ATTRACT, true},
    {SCR_TRAINER, SCR_ATTRACT, true},
};

START_TEST(test_back)
{
	reach_screen(back_cases[_i].from);
	SCREEN(back_cases[_i].from);
	bool changed = flow_back(&f, now);
	ck_assert_msg(changed == back_cases[_i].changes, "back from %s returned %d",
	              screen_name(back_cases[_i].from), changed);
	SCREEN(back_cases[_i].to);
}
END_TEST

START_TEST(test_back_from_final_quiz)
{
	to_home();
	ck_assert(flow_start_quiz(&f, now));
	ck_assert(flow_back(&f, now));
	SCREEN(SCR_HOME);
}
END_TEST

/* ---- idle ---- */

START_TEST(test_idle_timeline)
{
	ck_assert_int_eq(flow_next_deadline(&f, now), -1); /* attract waits forever */
	to_home();
	long long t = f.last_input;
	ck_assert_int_eq(flow_next_deadline(&f, t), IDLE);
	ck_assert(!flow_tick(&f, t + IDLE - 1));
	ck_assert_int_eq(flow_next_deadline(&f, t + IDLE - 1), 1);
	ck_assert(flow_tick(&f, t + IDLE));
	SCREEN(SCR_STILL_THERE);
	ck_assert_int_eq(flow_next_deadline(&f, t + IDLE), STILL);
	ck_assert(!flow_tick(&f, t + IDLE + STILL - 1));
	ck_assert(flow_tick(&f, t + IDLE + STILL));
	SCREEN(SCR_ATTRACT);
	ck_assert(!f.in_session);
	ck_assert(f.has_record);
	ck_assert_int_eq(f.record.end, END_TIMED_OUT);
	ck_assert_int_eq(f.record.furthest, STAGE_HOME);
	/* 1000 ms to home + 105 s idle: rounds to 120 s. */
	ck_assert_int_eq(f.record.duration_s, 120);
}
END_TEST

START_TEST(test_input_postpones_idle)
{
	to_home();
	later(IDLE - 10);
	flow_input(&f, now);
	ck_assert(!flow_tick(&f, now + IDLE - 1));
	ck_assert(flow_tick(&f, now + IDLE));
	SCREEN(SCR_STILL_THERE);
}
END_TEST

START_TEST(test_still_here_resumes)
{
	to_home();
	ck_assert(flow_open_chapter(&f, 1, now));
	later(IDLE);
	ck_assert(flow_tick(&f, now));
	SCREEN(SCR_STILL_THERE);
	later(STILL - 1);
	ck_assert(flow_still_here(&f, now));
	SCREEN(SCR_CHAPTER);
	ck_assert(f.in_session);
	ck_assert(!f.has_record);
	/* A full idle period again from the answer. */
	ck_assert_int_eq(flow_next_deadline(&f, now), IDLE);
	ck_assert(!flow_still_here(&f, now)); /* only on still-there */
}
END_TEST

/* Still-there on the language screen must come back to a language screen
 * that still works, the first time and after a language change. */
START_TEST(test_still_here_on_language_screen)
{
	ck_assert(flow_start(&f, now));
	later(IDLE);
	ck_assert(flow_tick(&f, now));
	SCREEN(SCR_STILL_THERE);
	ck_assert(flow_still_here(&f, now));
	SCREEN(SCR_LANGUAGE);
	later(500);
	ck_assert_msg(flow_choose_language(&f, LANG_EN, now),
	              "choosing a language after still-there does nothing");
	SCREEN(SCR_HOME);

	ck_assert(flow_open_chapter(&f, 1, now));
	ck_assert(flow_change_language(&f, now));
	later(IDLE);
	ck_assert(flow_tick(&f, now));
	ck_assert(flow_still_here(&f, now));
	SCREEN(SCR_LANGUAGE);
	ck_assert_msg(flow_back(&f, now), "back after still-there does nothing");
	SCREEN(SCR_CHAPTER);
}
END_TEST

START_TEST(test_no_idle_while_video_plays)
{
	to_home();
	ck_assert(flow_open_chapter(&f, 0, now));
	ck_assert(flow_watch_video(&f, now));
	flow_video_playing(&f, true, now);
	ck_assert_int_eq(flow_next_deadline(&f, now), -1);
	later(10 * IDLE);
	ck_assert(!flow_tick(&f, now));
	SCREEN(SCR_VIDEO);
	/* Paused: the idle period starts at the pause, not at the last touch. */
	flow_video_playing(&f, false, now);
	ck_assert_int_eq(flow_next_deadline(&f, now), IDLE);
	ck_assert(!flow_tick(&f, now + IDLE - 1));
	ck_assert(flow_tick(&f, now + IDLE));
	SCREEN(SCR_STILL_THERE);
	ck_assert(flow_still_here(&f, now + IDLE + 1));
	SCREEN(SCR_VIDEO);
}
END_TEST

START_TEST(test_tap_guard)
{
	ck_assert(flow_accepts_tap(&f, now + FLOW_TAP_GUARD_MS));
	ck_assert(flow_start(&f, now));
	ck_assert(!flow_accepts_tap(&f, now));
	ck_assert(!flow_accepts_tap(&f, now + FLOW_TAP_GUARD_MS - 1));
	ck_assert(flow_accepts_tap(&f, now + FLOW_TAP_GUARD_MS));
	later(1000);
	ck_assert(flow_choose_language(&f, LANG_FR, now));
	ck_assert(flow_start_quiz(&f, now));
	later(1000);
	ck_assert(flow_answer(&f, 1));
	ck_assert(flow_accepts_tap(&f, now));
	ck_assert(flow_next(&f, now)); /* same screen, next question */
	SCREEN(SCR_QUIZ);
	ck_assert(!flow_accepts_tap(&f, now + FLOW_TAP_GUARD_MS - 1));
	ck_assert(flow_accepts_tap(&f, now + FLOW_TAP_GUARD_MS));
}
END_TEST

/* ---- trainer ---- */

START_TEST(test_trainer)
{
	to_home();
	ck_assert(!flow_trainer_request(&f, now)); /* only from attract */
	setup();
	ck_assert(!flow_trainer_unlocked(&f, now));
	ck_assert(flow_trainer_request(&f, now));
	SCREEN(SCR_TRAINER_PIN);
	ck_assert_int_eq(flow_next_deadline(&f, now), FLOW_TRAINER_IDLE_MS);
	ck_assert(flow_trainer_unlocked(&f, now));
	SCREEN(SCR_TRAINER);
	ck_assert(!flow_tick(&f, now + FLOW_TRAINER_IDLE_MS - 1));
	ck_assert(flow_tick(&f, now + FLOW_TRAINER_IDLE_MS));
	SCREEN(SCR_ATTRACT); /* no still-there for the trainer */
	ck_assert(!f.has_record);
	ck_assert(flow_trainer_request(&f, now));
	ck_assert(flow_trainer_exit(&f, now));
	SCREEN(SCR_ATTRACT);
	ck_assert(!flow_trainer_exit(&f, now));
}
END_TEST

/* ---- chapters ---- */

START_TEST(test_chapter_with_video)
{
	to_home();
	ck_assert(!flow_open_chapter(&f, 3, now));
	ck_assert(flow_open_chapter(&f, 0, now));
	SCREEN(SCR_CHAPTER);
	ck_assert(f.chapter_seen[0]);
	ck_assert(!f.chapter_done[0]);
	ck_assert_int_eq(f.furthest, STAGE_CHAPTER);
	ck_assert_int_eq(f.video_share[0], -1);
	ck_assert(flow_watch_video(&f, now));
	SCREEN(SCR_VIDEO);
	ck_assert_int_eq(f.video_share[0], 0); /* started */
	flow_video_playing(&f, true, now);
	/* Left early: back to the chapter, share kept. */
	ck_assert(flow_video_done(&f, 40, false, now));
	SCREEN(SCR_CHAPTER);
	ck_assert_int_eq(f.video_share[0], 40);
	ck_assert(!f.video_playing);
	/* Watched to the end: straight into the chapter's two questions. */
	ck_assert(flow_watch_video(&f, now));
	ck_assert(flow_video_done(&f, 100, true, now));
	SCREEN(SCR_QUIZ);
	ck_assert_int_eq(f.quiz_mode, QUIZ_CHAPTER);
	ck_assert_uint_eq(f.quiz_n, 2);
	ck_assert_str_eq(flow_question(&f)->id, "q0");
	static const bool right[2] = {1, 0};
	answer_all(right);
	SCREEN(SCR_HOME);
	ck_assert(f.chapter_done[0]);
	ck_assert_uint_eq(flow_chapters_done(&f), 1);
	/* Chapter answers are not final-quiz answers. */
	for (int q = 0; q < 4; q++)
		ck_assert_int_eq(f.final_choice[q], -1);
	ck_assert_int_eq(f.furthest, STAGE_CHAPTER);
}
END_TEST

static const struct {
	int share, want;
} share_cases[] = {
    {-5, 0}, {0, 0}, {37, 37}, {100, 100}, {150, 100},
};

START_TEST(test_video_share_clamped)
{
	to_home();
	ck_assert(flow_open_chapter(&f, 0, now));
	ck_assert(flow_watch_video(&f, now));
	ck_assert(flow_video_done(&f, share_cases[_i].share, false, now));
	ck_assert_msg(f.video_share[0] == share_cases[_i].want, "share %d stored as %d",
	              share_cases[_i].share, f.video_share[0]);
}
END_TEST

START_TEST(test_video_share_keeps_the_most)
{
	to_home();
	ck_assert(flow_open_chapter(&f, 0, now));
	ck_assert(flow_watch_video(&f, now));
	ck_assert(flow_video_done(&f, 80, false, now));
	ck_assert(flow_watch_video(&f, now));
	ck_assert(flow_video_done(&f, 10, false, now));
	ck_assert_int_eq(f.video_share[0], 80);
	ck_assert(!flow_video_done(&f, 90, false, now)); /* not in the video */
	ck_assert_int_eq(f.video_share[0], 80);
}
END_TEST

START_TEST(test_chapter_without_video_with_questions)
{
	to_home();
	ck_assert(flow_open_chapter(&f, 1, now));
	ck_assert(!f.chapter_done[1]); /* its question is still to answer */
	ck_assert(flow_chapter_questions(&f, now));
	SCREEN(SCR_QUIZ);
	ck_assert_uint_eq(f.quiz_n, 1);
	ck_assert_str_eq(flow_question(&f)->id, "q2");
	static const bool right[1] = {1};
	answer_all(right);
	SCREEN(SCR_HOME);
	ck_assert(f.chapter_done[1]);
}
END_TEST

START_TEST(test_chapter_to_read_only)
{
	to_home();
	ck_assert(flow_open_chapter(&f, 2, now));
	ck_assert(f.chapter_done[2]);               /* nothing to do but read */
	ck_assert(flow_chapter_questions(&f, now)); /* "Chapitre terminé" */
	SCREEN(SCR_HOME);
	ck_assert_uint_eq(flow_chapters_done(&f), 1);
	ck_assert(!flow_all_chapters_done(&f));
}
END_TEST

START_TEST(test_video_ends_without_questions)
{
	/* A chapter with a video but no question goes home at the end. */
	questions[0].chapter = questions[1].chapter = NULL;
	to_home();
	ck_assert(flow_open_chapter(&f, 0, now));
	ck_assert(!f.chapter_done[0]);
	ck_assert(flow_watch_video(&f, now));
	ck_assert(flow_video_done(&f, 100, true, now));
	SCREEN(SCR_HOME);
	ck_assert(f.chapter_done[0]);
}
END_TEST

START_TEST(test_all_chapters_done)
{
	to_home();
	ck_assert(flow_open_chapter(&f, 0, now));
	ck_assert(flow_chapter_questions(&f, now));
	static const bool right[2] = {1, 1};
	answer_all(right);
	ck_assert(flow_open_chapter(&f, 1, now));
	ck_assert(flow_chapter_questions(&f, now));
	answer_all(right);
	ck_assert(!flow_all_chapters_done(&f));
	ck_assert(flow_open_chapter(&f, 2, now));
	ck_assert(flow_back(&f, now));
	ck_assert_uint_eq(flow_chapters_done(&f), 3);
	ck_assert(flow_all_chapters_done(&f));
}
END_TEST

/* The chapters' questions (issue 21): the record keeps each session's
 * first answer to each, with its chapter; a second try, after the
 * explanation, is not kept, and the final quiz's answers stay apart. */
START_TEST(test_record_chapter_answers)
{
	to_home();
	ck_assert(flow_open_chapter(&f, 0, now));
	ck_assert(flow_chapter_questions(&f, now));
	static const bool first[2] = {0, 1}, again[2] = {1, 1}, one[1] = {1};
	answer_all(first); /* q0 wrong (choice 0), q1 right */
	ck_assert(flow_open_chapter(&f, 0, now));
	ck_assert(flow_chapter_questions(&f, now));
	answer_all(again); /* both right now: not what the record keeps */
	ck_assert(flow_open_chapter(&f, 1, now));
	ck_assert(flow_chapter_questions(&f, now));
	answer_all(one);
	ck_assert(flow_start_quiz(&f, now));
	static const bool none[4] = {0, 0, 0, 0};
	answer_all(none);
	SCREEN(SCR_RESULT);
	struct session_record r;
	ck_assert(flow_take_record(&f, &r));
	ck_assert_int_eq(r.n_chapter_answers, 3);
	static const struct {
		const char *chapter, *question;
		int choice;
		bool correct;
	} want[3] = {{"video", "q0", 0, false}, {"video", "q1", 1, true}, {"text", "q2", 1, true}};
	for (int i = 0; i < 3; i++) {
		const struct session_chapter_answer *a = &r.chapter_answers[i];
		ck_assert_str_eq(a->chapter_id, want[i].chapter);
		ck_assert_str_eq(a->question_id, want[i].question);
		ck_assert_int_eq(a->choice, want[i].choice);
		ck_assert_int_eq(a->correct, want[i].correct);
	}
	/* The final quiz of this old module asks every question: its own
	 * answers, all wrong, whatever the chapters got. */
	ck_assert_int_eq(r.n_answers, 4);
	for (int i = 0; i < r.n_answers; i++)
		ck_assert(!r.answers[i].correct);
}
END_TEST

/* A session that ends inside a chapter's questions keeps the answers given. */
START_TEST(test_record_chapter_answers_timed_out)
{
	to_home();
	ck_assert(flow_open_chapter(&f, 0, now));
	ck_assert(flow_chapter_questions(&f, now));
	later(500);
	ck_assert(flow_answer(&f, 2));
	later(500);
	ck_assert(flow_next(&f, now));
	later(IDLE + 1);
	ck_assert(flow_tick(&f, now));
	SCREEN(SCR_STILL_THERE);
	later(STILL * 2 + 1);
	ck_assert(flow_tick(&f, now));
	struct session_record r;
	ck_assert(flow_take_record(&f, &r));
	ck_assert_int_eq(r.end, END_TIMED_OUT);
	ck_assert_int_eq(r.n_chapter_answers, 1);
	ck_assert_str_eq(r.chapter_answers[0].question_id, "q0");
	ck_assert_int_eq(r.chapter_answers[0].choice, 2);
	ck_assert(!r.chapter_answers[0].correct);
	ck_assert_int_eq(r.n_answers, 0);
}
END_TEST

/* ---- answers ---- */

START_TEST(test_answer_rules)
{
	ck_assert(!flow_answer(&f, 0)); /* no quiz */
	to_home();
	ck_assert(flow_start_quiz(&f, now));
	ck_assert(!flow_next(&f, now)); /* must answer first */
	ck_assert(!flow_answer(&f, 3)); /* only 3 choices */
	ck_assert_int_eq(f.chosen, -1);
	unsigned first = f.quiz[0];
	ck_assert(flow_answer(&f, 2));
	ck_assert(!flow_answer(&f, 1)); /* no second try */
	ck_assert_int_eq(f.chosen, 2);
	ck_assert_int_eq(f.final_choice[first], 2); /* kept by question, as a module index */
	ck_assert(flow_next(&f, now));
	ck_assert_int_eq(f.chosen, -1);
	ck_assert_uint_eq(f.quiz_pos, 1);
	ck_assert_str_eq(flow_question(&f)->id, questions[f.quiz[1]].id);
}
END_TEST

/* ---- final quiz scoring ---- */

static const struct {
	unsigned pass_mark;
	bool right[4];
	int score;
	bool passed;
} score_cases[] = {
    {70, {0, 0, 0, 0}, 0, false},  {70, {1, 0, 0, 0}, 25, false},
    {70, {1, 0, 1, 0}, 50, false}, {70, {1, 1, 1, 0}, 75, true},
    {70, {1, 1, 1, 1}, 100, true}, {75, {0, 1, 1, 1}, 75, true}, /* the mark itself passes */
    {76, {1, 1, 0, 1}, 75, false}, {100, {1, 1, 1, 1}, 100, true},
    {1, {0, 0, 0, 0}, 0, false},
};

START_TEST(test_final_score)
{
	build_module(score_cases[_i].pass_mark);
	to_home();
	ck_assert(flow_start_quiz(&f, now));
	SCREEN(SCR_QUIZ);
	ck_assert_int_eq(f.quiz_mode, QUIZ_FINAL);
	ck_assert_uint_eq(f.quiz_n, 4);
	ck_assert_int_eq(f.furthest, STAGE_QUIZ);
	answer_all(score_cases[_i].right);
	SCREEN(SCR_RESULT);
	ck_assert_int_eq(f.furthest, STAGE_RESULT);
	ck_assert_msg(f.score == score_cases[_i].score, "case %d: score %d, expected %d", _i,
	              f.score, score_cases[_i].score);
	ck_assert_msg(f.passed == score_cases[_i].passed, "case %d: passed %d at mark %u", _i,
	              f.passed, score_cases[_i].pass_mark);
}
END_TEST

/* Three questions: 67 % rounds to nearest and fails at 70. */
START_TEST(test_score_rounding)
{
	mod.n_questions = 3;
	to_home();
	ck_assert(flow_start_quiz(&f, now));
	static const bool right[3] = {1, 1, 0};
	answer_all(right);
	ck_assert_int_eq(f.score, 67);
	ck_assert(!f.passed);
	ck_assert(flow_back(&f, now));
	ck_assert(flow_start_quiz(&f, now));
	static const bool one[3] = {0, 1, 0};
	answer_all(one);
	ck_assert_int_eq(f.score, 33);
}
END_TEST

/* ---- the session record ---- */

static void check_record_chapters(const struct session_record *r, const bool *seen,
                                  const int *share)
{
	ck_assert_int_eq(r->n_chapters, 3);
	static const char *const ids[3] = {"video", "text", "read"};
	for (int c = 0; c < 3; c++) {
		ck_assert_msg(strcmp(r->chapters[c].id, ids[c]) == 0, "chapter %d id %s", c,
		              r->chapters[c].id);
		ck_assert_msg(r->chapters[c].seen == seen[c], "chapter %d seen %d", c,
		              r->chapters[c].seen);
		ck_assert_msg(r->chapters[c].video_share == share[c],
		              "chapter %d share %d, expected %d", c, r->chapters[c].video_share,
		              share[c]);
	}
}

START_TEST(test_record_finished)
{
	long long start = now + 500;
	to_home();
	ck_assert(flow_open_chapter(&f, 0, now));
	ck_assert(flow_watch_video(&f, now));
	ck_assert(flow_video_done(&f, 55, false, now));
	ck_assert(flow_back(&f, now));
	ck_assert(flow_start_quiz(&f, now));
	static const bool right[4] = {1, 0, 1, 1};
	now = start + 100000 - 1000; /* 100 s at the result → 90 s */
	answer_all(right);
	SCREEN(SCR_RESULT);
	/* Recorded the moment the result is shown, not at « Terminer ». */
	ck_assert(f.has_record);
	struct session_record r;
	ck_assert(flow_take_record(&f, &r));
	ck_assert(!flow_take_record(&f, &r)); /* once */
	later(60000);
	ck_assert(flow_finish(&f, now));
	SCREEN(SCR_ATTRACT);
	ck_assert(!f.in_session);
	struct session_record again;
	ck_assert(!flow_take_record(&f, &again)); /* not twice */
	/* Facts only: the store makes the id, the day and the kiosk. */
	ck_assert_str_eq(r.id, "");
	ck_assert_str_eq(r.day, "");
	ck_assert_str_eq(r.kiosk_id, "");
	ck_assert_str_eq(r.module_id, "test-module");
	ck_assert_int_eq(r.module_version, 7);
	ck_assert_str_eq(r.lang, "fr");
	ck_assert_int_eq(r.furthest, STAGE_RESULT);
	static const bool seen[3] = {1, 0, 0};
	static const int share[3] = {55, -1, -1};
	check_record_chapters(&r, seen, share);
	ck_assert_int_eq(r.n_answers, 4);
	static const char *const objectives[4] = {"obj-a", "obj-b", "obj-a", "obj-b"};
	for (int i = 0; i < 4; i++) {
		char qid[4];
		snprintf(qid, sizeof qid, "q%d", i);
		ck_assert_str_eq(r.answers[i].question_id, qid);
		ck_assert_str_eq(r.answers[i].objective, objectives[i]);
		ck_assert_int_eq(r.answers[i].choice, right[i] ? 1 : 0);
		ck_assert_msg(r.answers[i].correct == right[i], "answer %d correct %d", i,
		              r.answers[i].correct);
	}
	ck_assert_int_eq(r.score, 75);
	ck_assert(r.passed);
	ck_assert_int_eq(r.end, END_FINISHED);
	ck_assert_int_eq(r.duration_s, 90);
}
END_TEST

START_TEST(test_record_timed_out_in_quiz)
{
	to_home();
	ck_assert(flow_start_quiz(&f, now));
	later(500);
	unsigned first = f.quiz[0], second = f.quiz[1];
	ck_assert(flow_answer(&f, 1));
	ck_assert(flow_next(&f, now));
	ck_assert(flow_answer(&f, 0));
	later(IDLE);
	ck_assert(flow_tick(&f, now));
	later(STILL);
	ck_assert(flow_tick(&f, now));
	SCREEN(SCR_ATTRACT);
	struct session_record r;
	ck_assert(flow_take_record(&f, &r));
	ck_assert_int_eq(r.end, END_TIMED_OUT);
	ck_assert_int_eq(r.furthest, STAGE_QUIZ);
	ck_assert_int_eq(r.n_answers, 2); /* what was answered, nothing more */
	/* Answers are kept in the module's question order. */
	int a = first < second ? 0 : 1;
	ck_assert_str_eq(r.answers[a].question_id, questions[first].id);
	ck_assert(r.answers[a].correct);
	ck_assert_str_eq(r.answers[1 - a].question_id, questions[second].id);
	ck_assert(!r.answers[1 - a].correct);
	ck_assert_int_eq(r.score, -1);
	ck_assert(!r.passed);
}
END_TEST

/* A second attempt at the final quiz: the session was recorded with its
 * first result (the store counts people, not attempts); the retake, timed
 * out or finished, records nothing more, and never mixes the score of one
 * attempt with the answers of the other. */
START_TEST(test_record_retake_times_out)
{
	to_home();
	ck_assert(flow_start_quiz(&f, now));
	static const bool right[4] = {1, 1, 1, 1};
	answer_all(right);
	ck_assert_int_eq(f.score, 100);
	struct session_record r;
	ck_assert(flow_take_record(&f, &r));
	ck_assert_int_eq(r.n_answers, 4);
	ck_assert_int_eq(r.furthest, STAGE_RESULT);
	ck_assert_int_eq(r.score, 100);
	ck_assert(r.passed);
	ck_assert_int_eq(r.end, END_FINISHED);
	ck_assert(flow_back(&f, now));
	ck_assert(flow_start_quiz(&f, now));
	ck_assert(flow_answer(&f, 0));
	later(IDLE);
	ck_assert(flow_tick(&f, now));
	later(STILL);
	ck_assert(flow_tick(&f, now));
	SCREEN(SCR_ATTRACT);
	ck_assert(!flow_take_record(&f, &r));
}
END_TEST

/* Every way off the result screen: the record was handed over when the
 * result was shown, exactly once, and none of them records it again or
 * loses it. */
enum result_exit {
	EXIT_FINISH,
	EXIT_TIMEOUT,
	EXIT_BACK_TIMEOUT,
	EXIT_BACK_RETAKE,
	EXIT_LANGUAGE,
	EXIT_SHUTDOWN,
	EXIT_STILL_HERE_FINISH,
	EXIT_RETAKE,
	EXIT_COUNT
};

START_TEST(test_record_at_result_once)
{
	to_home();
	ck_assert(flow_open_chapter(&f, 2, now));
	ck_assert(flow_back(&f, now));
	ck_assert(flow_start_quiz(&f, now));
	static const bool right[4] = {1, 0, 1, 1};
	answer_all(right);
	SCREEN(SCR_RESULT);
	ck_assert_msg(f.has_record, "the result is shown but the session is not handed over");
	struct session_record r;
	ck_assert(flow_take_record(&f, &r));
	ck_assert_int_eq(r.end, END_FINISHED);
	ck_assert_int_eq(r.furthest, STAGE_RESULT);
	ck_assert_int_eq(r.score, 75);
	ck_assert_int_eq(r.n_answers, 4);
	ck_assert(r.chapters[2].seen);
	later(500);
	switch ((enum result_exit)_i) {
	case EXIT_FINISH: ck_assert(flow_finish(&f, now)); break;
	case EXIT_TIMEOUT:
		later(IDLE);
		ck_assert(flow_tick(&f, now));
		SCREEN(SCR_STILL_THERE);
		later(STILL);
		ck_assert(flow_tick(&f, now));
		break;
	case EXIT_BACK_TIMEOUT:
		ck_assert(flow_back(&f, now));
		ck_assert(flow_open_chapter(&f, 1, now));
		later(IDLE);
		ck_assert(flow_tick(&f, now));
		later(STILL);
		ck_assert(flow_tick(&f, now));
		break;
	case EXIT_BACK_RETAKE:
		ck_assert(flow_back(&f, now));
		ck_assert(flow_start_quiz(&f, now));
		static const bool all[4] = {1, 1, 1, 1};
		answer_all(all);
		SCREEN(SCR_RESULT);
		ck_assert(!f.has_record);
		ck_assert(flow_finish(&f, now));
		break;
	case EXIT_LANGUAGE:
		ck_assert(flow_change_language(&f, now));
		ck_assert(flow_choose_language(&f, LANG_EN, now));
		SCREEN(SCR_RESULT);
		ck_assert(!f.has_record);
		ck_assert(flow_finish(&f, now));
		break;
	case EXIT_SHUTDOWN: flow_shutdown(&f, now); break;
	case EXIT_STILL_HERE_FINISH:
		later(IDLE);
		ck_assert(flow_tick(&f, now));
		ck_assert(flow_still_here(&f, now));
		SCREEN(SCR_RESULT);
		ck_assert(flow_finish(&f, now));
		break;
	case EXIT_RETAKE: /* « Refaire le quiz » on the result itself */
		ck_assert(flow_retake(&f, now));
		SCREEN(SCR_QUIZ);
		ck_assert_int_eq(f.score, -1);
		static const bool again[4] = {1, 1, 1, 1};
		answer_all(again);
		SCREEN(SCR_RESULT);
		ck_assert_int_eq(f.score, 100);
		ck_assert(!f.has_record);
		ck_assert(flow_finish(&f, now));
		break;
	case EXIT_COUNT: break;
	}
	ck_assert(!f.in_session);
	ck_assert_msg(!flow_take_record(&f, &r), "exit %d recorded it twice", _i);
	if (_i == EXIT_SHUTDOWN) /* the program starts again */
		flow_init(&f, &mod, IDLE, STILL, -1, false, now);
	/* The next session is recorded as usual. */
	to_home();
	flow_shutdown(&f, now);
	ck_assert(flow_take_record(&f, &r));
	ck_assert_int_eq(r.end, END_ABANDONED);
	ck_assert_int_eq(r.furthest, STAGE_HOME);
}
END_TEST

/* « Refaire le quiz » only from the result. */
START_TEST(test_retake_only_from_result)
{
	ck_assert(!flow_retake(&f, now));
	to_home();
	ck_assert(!flow_retake(&f, now));
	ck_assert(flow_start_quiz(&f, now));
	ck_assert(!flow_retake(&f, now));
}
END_TEST

/* The chapters to revisit: those teaching the objectives of the wrong
 * answers, by the objective's chapter, else where its questions are
 * asked; in the module's order, each once. */
START_TEST(test_revisit)
{
	static struct content_objective objs[2] = {{.id = "obj-a", .chapter = "text"},
	                                           {.id = "obj-b"}};
	mod.objectives = objs;
	mod.n_objectives = 2;
	ck_assert_int_eq(revisit_objective_chapter(&mod, 0), 1);
	ck_assert_int_eq(revisit_objective_chapter(&mod, 1), 0); /* q1 is asked in "video" */
	static const struct {
		bool right[4];
		unsigned n, chapters[2];
	} cases[] = {
	    {{1, 1, 1, 1}, 0, {0}},    {{1, 1, 1, 0}, 1, {0}},    {{0, 1, 1, 1}, 1, {1}},
	    {{0, 0, 0, 0}, 2, {0, 1}}, {{1, 0, 0, 1}, 2, {0, 1}},
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		flow_init(&f, &mod, IDLE, STILL, -1, false, now);
		to_home();
		ck_assert(flow_start_quiz(&f, now));
		answer_all(cases[i].right);
		SCREEN(SCR_RESULT);
		unsigned out[4];
		unsigned n = revisit_chapters(&f, out, 4);
		ck_assert_msg(n == cases[i].n, "case %zu: %u chapters, expected %u", i, n,
		              cases[i].n);
		for (unsigned k = 0; k < n; k++)
			ck_assert_uint_eq(out[k], cases[i].chapters[k]);
		flow_shutdown(&f, now);
	}
}
END_TEST

START_TEST(test_record_abandoned_on_shutdown)
{
	flow_shutdown(&f, now); /* nobody there: nothing */
	ck_assert(!f.has_record);
	to_home();
	ck_assert(flow_open_chapter(&f, 2, now));
	flow_shutdown(&f, now + 20000);
	ck_assert(f.has_record);
	ck_assert(!f.in_session);
	struct session_record r;
	ck_assert(flow_take_record(&f, &r));
	ck_assert_int_eq(r.end, END_ABANDONED);
	ck_assert_int_eq(r.furthest, STAGE_CHAPTER);
	ck_assert_int_eq(r.n_answers, 0);
	ck_assert_int_eq(r.score, -1);
	static const bool seen[3] = {0, 0, 1};
	static const int share[3] = {-1, -1, -1};
	check_record_chapters(&r, seen, share);
}
END_TEST

START_TEST(test_new_session_is_clean)
{
	to_home();
	flow_toggle_text_size(&f);
	ck_assert(f.large_text);
	ck_assert(flow_open_chapter(&f, 0, now));
	ck_assert(flow_watch_video(&f, now));
	ck_assert(flow_video_done(&f, 30, false, now));
	ck_assert(flow_back(&f, now));
	ck_assert(flow_back(&f, now));
	ck_assert(flow_choose_language(&f, LANG_EN, now));
	ck_assert_int_eq(f.lang, LANG_EN);
	/* The person walks away; the next one starts from scratch (large
	 * text doubles both delays). */
	later(IDLE);
	ck_assert(!flow_tick(&f, now));
	later(IDLE);
	ck_assert(flow_tick(&f, now));
	later(2 * STILL);
	ck_assert(flow_tick(&f, now));
	SCREEN(SCR_ATTRACT);
	ck_assert(flow_start(&f, now));
	ck_assert_int_eq(f.lang, LANG_FR);
	ck_assert(!f.large_text);
	ck_assert(!f.chapter_seen[0]);
	ck_assert_int_eq(f.video_share[0], -1);
	ck_assert_int_eq(f.score, -1);
	ck_assert_int_eq(f.furthest, STAGE_LANGUAGE);
}
END_TEST

START_TEST(test_text_size_toggle)
{
	ck_assert(!f.large_text);
	flow_toggle_text_size(&f);
	ck_assert(f.large_text);
	flow_toggle_text_size(&f);
	ck_assert(!f.large_text);
}
END_TEST

/* ---- accessibility timing ---- */

START_TEST(test_still_there_at_least_20_s)
{
	flow_init(&f, &mod, IDLE, 5000, -1, false, now); /* a setting too short */
	ck_assert_int_eq(flow_still_limit(&f), 20000);
	to_home();
	long long t = now;
	ck_assert(flow_tick(&f, t + IDLE));
	SCREEN(SCR_STILL_THERE);
	ck_assert_int_eq(flow_next_deadline(&f, t + IDLE), 20000);
	ck_assert(!flow_tick(&f, t + IDLE + 19999));
	/* One touch goes on where the person was. */
	ck_assert(flow_still_here(&f, t + IDLE + 19999));
	SCREEN(SCR_HOME);
}
END_TEST

START_TEST(test_idle_doubled_with_speech_or_large_text)
{
	ck_assert_int_eq(flow_idle_limit(&f), IDLE);
	flow_set_speech(&f, true);
	ck_assert_int_eq(flow_idle_limit(&f), 2 * IDLE);
	ck_assert_int_eq(flow_still_limit(&f), 2 * STILL);
	to_home(); /* speech turned on at the attract screen goes on */
	ck_assert(f.speech);
	long long t = now;
	flow_input(&f, t);
	ck_assert(!flow_tick(&f, t + IDLE));
	ck_assert_int_eq(flow_next_deadline(&f, t + IDLE), IDLE);
	ck_assert(flow_tick(&f, t + 2 * IDLE));
	SCREEN(SCR_STILL_THERE);
	ck_assert(!flow_tick(&f, t + 2 * IDLE + 2 * STILL - 1));
	ck_assert(flow_tick(&f, t + 2 * IDLE + 2 * STILL));
	SCREEN(SCR_ATTRACT);
	ck_assert(!f.speech); /* the next person starts without it */
	flow_toggle_text_size(&f);
	ck_assert_int_eq(flow_idle_limit(&f), 2 * IDLE);
	f.screen = SCR_TRAINER; /* trainers keep their own minute */
	ck_assert_int_eq(flow_idle_limit(&f), FLOW_TRAINER_IDLE_MS);
}
END_TEST

/* Speech turned on at the attract screen by anyone is not the next
 * person's (nor the trainer's: the PIN pad would speak): off when the
 * trainer leaves, and when it is left on at the attract screen. */
START_TEST(test_speech_from_attract_goes_off)
{
	flow_set_speech(&f, true);
	ck_assert(flow_trainer_request(&f, now));
	ck_assert(f.speech);
	ck_assert(flow_trainer_unlocked(&f, now));
	ck_assert(flow_trainer_exit(&f, now));
	SCREEN(SCR_ATTRACT);
	ck_assert(!f.speech);
	flow_set_speech(&f, true); /* the PIN pad left with Back */
	ck_assert(flow_trainer_request(&f, now));
	ck_assert(flow_back(&f, now));
	ck_assert(!f.speech);
	flow_set_speech(&f, true); /* the PIN pad left to its timeout */
	ck_assert(flow_trainer_request(&f, now));
	flow_input(&f, now);
	ck_assert(flow_tick(&f, now + FLOW_TRAINER_IDLE_MS));
	SCREEN(SCR_ATTRACT);
	ck_assert(!f.speech);
	now += FLOW_TRAINER_IDLE_MS;
	/* Turned on and left there: off after the idle delay (doubled, as
	 * with speech), counted from the end of the reading. */
	ck_assert_int_eq(flow_next_deadline(&f, now), -1);
	flow_set_speech(&f, true);
	flow_input(&f, now);
	flow_reading(&f, now + 5000);
	ck_assert_int_eq(flow_next_deadline(&f, now), 5000 + 2 * IDLE);
	ck_assert(!flow_tick(&f, now + 5000 + 2 * IDLE - 1));
	ck_assert(f.speech);
	ck_assert(flow_tick(&f, now + 5000 + 2 * IDLE));
	SCREEN(SCR_ATTRACT);
	ck_assert(!f.speech);
	ck_assert_int_eq(flow_next_deadline(&f, now + 5000 + 2 * IDLE), -1);
}
END_TEST

START_TEST(test_nothing_times_out_while_read)
{
	to_home();
	flow_set_speech(&f, true);
	long long t = now;
	flow_input(&f, t);
	/* A long text is read for five minutes: the idle delay starts after it. */
	flow_reading(&f, t + 300000);
	ck_assert(!flow_tick(&f, t + 2 * IDLE));
	ck_assert(!flow_tick(&f, t + 300000 + 2 * IDLE - 1));
	ck_assert_int_eq(flow_next_deadline(&f, t + 300000), 2 * IDLE);
	ck_assert(flow_tick(&f, t + 300000 + 2 * IDLE));
	SCREEN(SCR_STILL_THERE);
	/* "Still there?" read aloud: the countdown leaves time after it. */
	long long s = t + 300000 + 2 * IDLE;
	flow_reading(&f, s + 2 * STILL);
	ck_assert(!flow_tick(&f, s + 2 * STILL + FLOW_AFTER_READING_MS - 1));
	ck_assert(flow_tick(&f, s + 2 * STILL + FLOW_AFTER_READING_MS));
	SCREEN(SCR_ATTRACT);
	/* Speech turned off forgets the reading. */
	flow_set_speech(&f, true);
	flow_reading(&f, now + 1000000);
	flow_set_speech(&f, false);
	ck_assert_int_eq(f.reading_until, 0);
}
END_TEST

START_TEST(test_contrast_default_and_toggle)
{
	flow_accessibility_defaults(&f, true);
	ck_assert(f.high_contrast);
	flow_toggle_contrast(&f);
	ck_assert(!f.high_contrast);
	to_home(); /* a choice at the attract screen goes on into the session */
	ck_assert(!f.high_contrast);
	flow_shutdown(&f, now); /* the next session starts from the setting */
	ck_assert(f.high_contrast);
}
END_TEST

/* ---- session helpers (core/session.c) ---- */

static const struct {
	long long ms;
	int s;
} round_cases[] = {
    {-5000, 0},
    {0, 0},
    {1, 0},
    {14999, 0},
    {15000, 30},
    {44999, 30},
    {45000, 60},
    {60000, 60},
    {100000, 90},
    {3600000, 3600},
    {14400000, 14400},
    {14415000, 14400},
    {86400000LL * 365, 14400},
};

START_TEST(test_round_duration)
{
	int got = session_round_duration(round_cases[_i].ms);
	ck_assert_msg(got == round_cases[_i].s, "%lld ms rounded to %d s, expected %d",
	              round_cases[_i].ms, got, round_cases[_i].s);
	ck_assert_msg(got % 30 == 0, "%d is not a multiple of 30", got);
}
END_TEST

START_TEST(test_session_names)
{
	ck_assert_str_eq(session_stage_name(STAGE_LANGUAGE), "language");
	ck_assert_str_eq(session_stage_name(STAGE_HOME), "home");
	ck_assert_str_eq(session_stage_name(STAGE_CHAPTER), "chapter");
	ck_assert_str_eq(session_stage_name(STAGE_QUIZ), "quiz");
	ck_assert_str_eq(session_stage_name(STAGE_RESULT), "result");
	ck_assert_str_eq(session_end_name(END_FINISHED), "finished");
	ck_assert_str_eq(session_end_name(END_ABANDONED), "abandoned");
	ck_assert_str_eq(session_end_name(END_TIMED_OUT), "timed-out");
}
END_TEST

/* ---- the question bank: draws and shuffles ----
 * A module with a bank: chapter 0 asks b0 and b1; the final quiz draws
 * BANK_FINAL of the pool b2..b13, whose objectives go round o0..o3. Each
 * question has 4 choices; the right one differs from question to question. */

enum { BANK_Q = 14, BANK_FINAL = 6 };
static struct ltext bank_choices[4];
static struct content_question bank_q[BANK_Q];
static struct content_objective bank_obj[4];
static struct content_chapter bank_ch[1];
static struct content_module bank;
static char bank_ids[BANK_Q][8];

static void build_bank(void)
{
	static const char *const texts[4] = {"A", "B", "C", "D"};
	static const char *const objs[4] = {"o0", "o1", "o2", "o3"};
	for (int i = 0; i < 4; i++) {
		bank_choices[i] = T(texts[i]);
		bank_obj[i] =
		    (struct content_objective){.id = (char *)objs[i], .label = T(objs[i])};
	}
	bank_ch[0] = (struct content_chapter){.id = "c0", .title = T("C0")};
	for (int i = 0; i < BANK_Q; i++) {
		snprintf(bank_ids[i], sizeof bank_ids[i], "b%d", i);
		bank_q[i] = (struct content_question){
		    .id = bank_ids[i],
		    .chapter = i < 2 ? "c0" : NULL,
		    .objective = (char *)objs[i % 4],
		    .prompt = T("?"),
		    .choices = bank_choices,
		    .n_choices = 4,
		    .answer = (unsigned)(i % 4) + 1,
		};
	}
	bank = (struct content_module){
	    .id = "bank",
	    .version = 1,
	    .pass_mark = 70,
	    .final_quiz = BANK_FINAL,
	    .objectives = bank_obj,
	    .n_objectives = 4,
	    .chapters = bank_ch,
	    .n_chapters = 1,
	    .questions = bank_q,
	    .n_questions = BANK_Q,
	    .langs = {LANG_FR},
	    .n_langs = 1,
	};
}

static void bank_session(unsigned long long seed)
{
	build_bank();
	now = T0;
	flow_init(&f, &bank, IDLE, STILL, -1, false, now);
	flow_seed(&f, seed);
	to_home();
}

/* The chapter's questions, then the final quiz: no question twice, none
 * of the chapter's in the final, every objective in it, a permutation of
 * the choices for every question. */
START_TEST(test_bank_no_repeat)
{
	bank_session(0x5eed0000ULL + (unsigned)_i);
	int asked[BANK_Q] = {0};
	ck_assert(flow_open_chapter(&f, 0, now));
	ck_assert(flow_chapter_questions(&f, now));
	ck_assert_uint_eq(f.quiz_n, 2);
	for (unsigned i = 0; i < f.quiz_n; i++)
		asked[f.quiz[i]]++;
	static const bool wrong[BANK_Q] = {0};
	answer_all(wrong);
	SCREEN(SCR_HOME);
	ck_assert(flow_start_quiz(&f, now));
	ck_assert_uint_eq(f.quiz_n, BANK_FINAL);
	ck_assert_uint_eq(flow_final_size(&f), BANK_FINAL);
	bool objective[4] = {false};
	for (unsigned i = 0; i < f.quiz_n; i++) {
		unsigned q = f.quiz[i];
		ck_assert_msg(q >= 2 && q < BANK_Q, "b%u is not in the final pool", q);
		ck_assert_msg(++asked[q] == 1, "b%u asked twice", q);
		objective[q % 4] = true;
	}
	for (int o = 0; o < 4; o++)
		ck_assert_msg(objective[o], "objective o%d missing from the final quiz", o);
	for (unsigned q = 0; q < BANK_Q; q++) {
		bool seen[4] = {false};
		for (unsigned p = 0; p < 4; p++) {
			unsigned c = f.choice_order[q][p];
			ck_assert_msg(c < 4 && !seen[c], "b%u: choice order is no permutation", q);
			seen[c] = true;
		}
	}
}
END_TEST

/* The same seed gives the same session; other seeds other orders. */
START_TEST(test_bank_deterministic)
{
	unsigned quiz[BANK_FINAL];
	unsigned char order[BANK_Q][4];
	bank_session(42);
	ck_assert(flow_start_quiz(&f, now));
	memcpy(quiz, f.quiz, sizeof quiz);
	memcpy(order, f.choice_order, sizeof order);
	bank_session(42);
	ck_assert(flow_start_quiz(&f, now));
	ck_assert(memcmp(quiz, f.quiz, sizeof quiz) == 0);
	ck_assert(memcmp(order, f.choice_order, sizeof order) == 0);
	int differ = 0;
	for (unsigned long long seed = 1; seed <= 20; seed++) {
		bank_session(seed);
		ck_assert(flow_start_quiz(&f, now));
		differ += memcmp(quiz, f.quiz, sizeof quiz) != 0;
		differ += memcmp(order, f.choice_order, sizeof order) != 0;
	}
	ck_assert_msg(differ >= 38, "only %d of 40 draws differ from seed 42's", differ);
	/* Over many sessions every choice reaches every place. */
	int place[4][4] = {{0}};
	for (unsigned long long seed = 100; seed < 400; seed++) {
		bank_session(seed);
		for (unsigned p = 0; p < 4; p++)
			place[f.choice_order[5][p]][p]++;
	}
	for (int c = 0; c < 4; c++)
		for (int p = 0; p < 4; p++)
			ck_assert_msg(place[c][p] > 40,
			              "choice %d at place %d only %d times in 300", c, p,
			              place[c][p]);
}
END_TEST

/* Seed 0 shuffles nothing: the final quiz in the module's order (one per
 * objective first), the choices as written. */
START_TEST(test_bank_seed_zero)
{
	bank_session(0);
	ck_assert(flow_start_quiz(&f, now));
	for (unsigned i = 0; i < f.quiz_n; i++)
		ck_assert_uint_eq(f.quiz[i], 2 + i);
	for (unsigned q = 0; q < BANK_Q; q++)
		for (unsigned p = 0; p < 4; p++)
			ck_assert_uint_eq(f.choice_order[q][p], p);
}
END_TEST

/* Tapping the place where the right choice is shown counts as right, and
 * the record keeps the choice's module index, not its place. */
START_TEST(test_bank_choice_ids)
{
	bank_session(7);
	ck_assert(flow_start_quiz(&f, now));
	unsigned n = f.quiz_n;
	for (unsigned i = 0; i < n; i++) {
		const struct content_question *q = flow_question(&f);
		unsigned place = 0;
		while (flow_choice_at(&f, place) + 1 != q->answer)
			place++;
		later(500);
		ck_assert(flow_answer(&f, flow_choice_at(&f, place)));
		later(500);
		ck_assert(flow_next(&f, now));
	}
	SCREEN(SCR_RESULT);
	ck_assert_int_eq(f.score, 100);
	ck_assert_uint_eq(f.right, BANK_FINAL);
	ck_assert(flow_finish(&f, now));
	struct session_record r;
	ck_assert(flow_take_record(&f, &r));
	ck_assert_int_eq(r.n_answers, BANK_FINAL);
	for (int i = 0; i < r.n_answers; i++) {
		int q = atoi(r.answers[i].question_id + 1);
		ck_assert_int_eq(r.answers[i].choice, q % 4);
		ck_assert(r.answers[i].correct);
	}
}
END_TEST

/* A retake draws the questions not asked yet first. */
START_TEST(test_bank_retake_prefers_new)
{
	bank_session(3);
	ck_assert(flow_start_quiz(&f, now));
	bool first[BANK_Q] = {false};
	for (unsigned i = 0; i < f.quiz_n; i++)
		first[f.quiz[i]] = true;
	static const bool right[BANK_Q] = {0};
	answer_all(right);
	ck_assert(flow_back(&f, now));
	ck_assert(flow_start_quiz(&f, now));
	for (unsigned i = 0; i < f.quiz_n; i++)
		ck_assert_msg(!first[f.quiz[i]], "b%u asked again while 6 were left", f.quiz[i]);
}
END_TEST

/* The pass rule in whole questions: 12 questions at 70 % need 9. */
START_TEST(test_pass_needed)
{
	build_bank();
	bank.final_quiz = 12;
	flow_init(&f, &bank, IDLE, STILL, -1, false, now);
	ck_assert_uint_eq(flow_final_size(&f), 12);
	ck_assert_uint_eq(flow_pass_needed(&f), 9);
	bank.pass_mark = 75;
	ck_assert_uint_eq(flow_pass_needed(&f), 9);
	bank.pass_mark = 76;
	ck_assert_uint_eq(flow_pass_needed(&f), 10);
	bank.pass_mark = 100;
	ck_assert_uint_eq(flow_pass_needed(&f), 12);
	bank.final_quiz = 8;
	bank.pass_mark = 70;
	ck_assert_uint_eq(flow_pass_needed(&f), 6);
	/* 8 of 12 (67 %) fails, 9 (75 %) passes. */
	for (unsigned want = 8; want <= 9; want++) {
		bank_session(11);
		bank.final_quiz = 12;
		ck_assert(flow_start_quiz(&f, now));
		unsigned n = f.quiz_n, got = 0;
		ck_assert_uint_eq(n, 12);
		for (unsigned i = 0; i < n; i++) {
			const struct content_question *q = flow_question(&f);
			unsigned c = got < want ? q->answer - 1 : q->answer % 4;
			got += got < want;
			later(500);
			ck_assert(flow_answer(&f, c));
			later(500);
			ck_assert(flow_next(&f, now));
		}
		ck_assert_uint_eq(f.right, want);
		ck_assert_msg(f.passed == (want >= 9), "%u right of 12: passed %d", want, f.passed);
	}
}
END_TEST

static Suite *flow_suite(void)
{
	Suite *s = suite_create("flow");
	TCase *tc = tcase_create("names");
	tcase_add_loop_test(tc, test_screen_names, 0, SCR_COUNT);
	tcase_add_test(tc, test_screen_name_unknown);
	suite_add_tcase(s, tc);

	tc = tcase_create("navigation");
	tcase_add_checked_fixture(tc, setup, NULL);
	tcase_add_test(tc, test_init);
	tcase_add_test(tc, test_start_and_language);
	tcase_add_test(tc, test_change_language_resumes);
	tcase_add_test(tc, test_no_language_change_in_video_or_outside_session);
	tcase_add_test(tc, test_language_back_before_choice_abandons);
	tcase_add_test(tc, test_home_back_goes_to_language);
	tcase_add_loop_test(tc, test_back, 0, sizeof(back_cases) / sizeof(back_cases[0]));
	tcase_add_test(tc, test_back_from_final_quiz);
	tcase_add_test(tc, test_trainer);
	tcase_add_test(tc, test_text_size_toggle);
	tcase_add_test(tc, test_still_there_at_least_20_s);
	tcase_add_test(tc, test_idle_doubled_with_speech_or_large_text);
	tcase_add_test(tc, test_speech_from_attract_goes_off);
	tcase_add_test(tc, test_nothing_times_out_while_read);
	tcase_add_test(tc, test_contrast_default_and_toggle);
	suite_add_tcase(s, tc);

	tc = tcase_create("idle");
	tcase_add_checked_fixture(tc, setup, NULL);
	tcase_add_test(tc, test_idle_timeline);
	tcase_add_test(tc, test_input_postpones_idle);
	tcase_add_test(tc, test_still_here_resumes);
	tcase_add_test(tc, test_still_here_on_language_screen);
	tcase_add_test(tc, test_no_idle_while_video_plays);
	tcase_add_test(tc, test_tap_guard);
	suite_add_tcase(s, tc);

	tc = tcase_create("chapters");
	tcase_add_checked_fixture(tc, setup, NULL);
	tcase_add_test(tc, test_chapter_with_video);
	tcase_add_loop_test(tc, test_video_share_clamped, 0,
	                    sizeof(share_cases) / sizeof(share_cases[0]));
	tcase_add_test(tc, test_video_share_keeps_the_most);
	tcase_add_test(tc, test_chapter_without_video_with_questions);
	tcase_add_test(tc, test_chapter_to_read_only);
	tcase_add_test(tc, test_video_ends_without_questions);
	tcase_add_test(tc, test_all_chapters_done);
	suite_add_tcase(s, tc);

	tc = tcase_create("quiz");
	tcase_add_checked_fixture(tc, setup, NULL);
	tcase_add_test(tc, test_answer_rules);
	tcase_add_loop_test(tc, test_final_score, 0, sizeof(score_cases) / sizeof(score_cases[0]));
	tcase_add_test(tc, test_score_rounding);
	suite_add_tcase(s, tc);

	tc = tcase_create("bank");
	tcase_add_loop_test(tc, test_bank_no_repeat, 0, 50);
	tcase_add_test(tc, test_bank_deterministic);
	tcase_add_test(tc, test_bank_seed_zero);
	tcase_add_test(tc, test_bank_choice_ids);
	tcase_add_test(tc, test_bank_retake_prefers_new);
	tcase_add_test(tc, test_pass_needed);
	suite_add_tcase(s, tc);

	tc = tcase_create("record");
	tcase_add_checked_fixture(tc, setup, NULL);
	tcase_add_test(tc, test_record_finished);
	tcase_add_test(tc, test_record_timed_out_in_quiz);
	tcase_add_test(tc, test_record_chapter_answers);
	tcase_add_test(tc, test_record_chapter_answers_timed_out);
	tcase_add_test(tc, test_record_retake_times_out);
	tcase_add_test(tc, test_retake_only_from_result);
	tcase_add_test(tc, test_revisit);
	tcase_add_loop_test(tc, test_record_at_result_once, 0, EXIT_COUNT);
	tcase_add_test(tc, test_record_abandoned_on_shutdown);
	tcase_add_test(tc, test_new_session_is_clean);
	suite_add_tcase(s, tc);

	tc = tcase_create("session");
	tcase_add_loop_test(tc, test_round_duration, 0,
	                    sizeof(round_cases) / sizeof(round_cases[0]));
	tcase_add_test(tc, test_session_names);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return check_main(flow_suite());
}
