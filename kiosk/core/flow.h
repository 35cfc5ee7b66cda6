/* The screen flow and the session it carries: which screen comes next,
 * the inactivity timeout, quiz answers and scoring. Pure logic driven by
 * the caller's clock (milliseconds), so tests use a fake one. */
#ifndef KIOSK_CORE_FLOW_H
#define KIOSK_CORE_FLOW_H

#include <stdbool.h>

#include "core/content.h"
#include "core/session.h"

enum screen_id {
	SCR_ATTRACT,
	SCR_LANGUAGE,
	SCR_HOME,
	SCR_CHAPTER,
	SCR_VIDEO,
	SCR_QUIZ,
	SCR_RESULT,
	SCR_STILL_THERE,
	SCR_TRAINER_PIN,
	SCR_TRAINER,
	SCR_COUNT
};

const char *screen_name(enum screen_id s);
int screen_by_name(const char *name); /* -1 if unknown */

enum quiz_mode { QUIZ_CHAPTER, QUIZ_FINAL };

/* Taps closer than this after a screen change are ignored, so that an
 * accidental double tap does not go through two screens. */
enum { FLOW_TAP_GUARD_MS = 400, FLOW_TRAINER_IDLE_MS = 60000 };
/* WCAG 2.2.1: the "still there?" warning leaves at least 20 s to answer,
 * and after something was read aloud the person has this long again. */
enum { FLOW_STILL_MIN_MS = 20000, FLOW_AFTER_READING_MS = 10000 };

struct flow {
	const struct content_module *m;
	long long idle_ms, still_ms;
	int default_lang;

	enum screen_id screen;
	enum screen_id resume;       /* where the language screen goes back to */
	enum screen_id still_resume; /* where still-there goes back to */
	long long screen_since;
	long long last_input;
	bool video_playing;
	bool large_text;
	bool default_large; /* the setting: each session starts with it */
	bool speech;        /* read aloud (from the attract screen on) */
	bool high_contrast;
	bool default_contrast;
	long long reading_until; /* speech is reading until then */
	int resume_chapter;      /* a video left for still-there: resume it, -1 none */
	long long resume_ms;

	/* The session in progress. */
	bool in_session;
	long long session_start;
	int lang;
	enum session_stage furthest;
	int chapter; /* current chapter, -1 none */
	bool chapter_seen[CONTENT_MAX_CHAPTERS];
	bool chapter_done[CONTENT_MAX_CHAPTERS];
	int video_share[CONTENT_MAX_CHAPTERS];

	/* The session's draws (splitmix64 state): question and choice order. */
	unsigned long long rng;
	bool shuffled; /* false (seed 0): questions and choices in the module's order */
	unsigned char choice_order[CONTENT_MAX_QUESTIONS]
	                          [CONTENT_MAX_CHOICES]; /* by question: place -> choice */
	bool asked[CONTENT_MAX_QUESTIONS];               /* questions asked this session */

	enum quiz_mode quiz_mode;
	unsigned quiz[CONTENT_MAX_QUESTIONS]; /* question indexes of this quiz */
	unsigned quiz_n, quiz_pos;
	int chosen;                              /* answer to the current question, -1 none */
	int final_choice[CONTENT_MAX_QUESTIONS]; /* by question index, -1 none */
	/* The session's first answer to each chapter question (by question
	 * index, -1 none): what the record keeps of the chapter quizzes. */
	int chapter_choice[CONTENT_MAX_QUESTIONS];
	int score;      /* of the final quiz, -1 not finished */
	unsigned right; /* its right answers */
	bool passed;

	/* A session that ended, or whose result was shown, and waits for the
	 * caller to store it; recorded: this session's record was made (at
	 * most one a session). */
	bool has_record;
	/* Touched the attract screen and left before choosing a language:
	 * no record, one more on the day's counter (flow_take_left_early). */
	bool left_early;
	bool recorded;
	struct session_record record;
};

void flow_init(struct flow *f, const struct content_module *m, long long idle_ms,
               long long still_ms, int default_lang, bool large_text, long long now);

/* The random source of the shuffles: the platform gives a random seed,
 * tests a fixed one (the same seed gives the same sessions). Seed 0, the
 * default, shuffles nothing: questions and choices in the module's order. */
void flow_seed(struct flow *f, unsigned long long seed);

/* Every touch, click or key, before it is dispatched (resets the idle timer). */
void flow_input(struct flow *f, long long now);
/* Whether a tap may act now (see FLOW_TAP_GUARD_MS). */
bool flow_accepts_tap(const struct flow *f, long long now);
/* Timers: idle → still-there → timed out; speech turned on at the attract
 * screen and left there goes off after the idle delay. Returns true if the
 * screen or speech changed. */
bool flow_tick(struct flow *f, long long now);
/* Milliseconds until flow_tick has something to do (-1: nothing pending). */
long long flow_next_deadline(const struct flow *f, long long now);

/* What a person did. Each returns true if the screen changed. */
bool flow_start(struct flow *f, long long now); /* attract touched */
bool flow_choose_language(struct flow *f, int lang, long long now);
bool flow_change_language(struct flow *f, long long now); /* "Langue" button */
bool flow_open_chapter(struct flow *f, unsigned c, long long now);
bool flow_watch_video(struct flow *f, long long now);
void flow_video_playing(struct flow *f, bool playing, long long now);
/* The video ended or was left; share is the percent watched. */
bool flow_video_done(struct flow *f, int share, bool reached_end, long long now);
/* The video screen is left before the end (back, language, idle): share
 * is how far the person got; pos_ms where to go on if "still there?" is
 * answered. */
void flow_video_left(struct flow *f, int share, long long pos_ms);
/* Where the video of chapter c starts: a position kept by flow_video_left
 * for still-there, else 0. Taken once. */
long long flow_video_resume(struct flow *f, int c);
bool flow_chapter_questions(struct flow *f, long long now);
bool flow_start_quiz(struct flow *f, long long now);
/* choice: the choice's index in the module (not its place on screen);
 * false if already answered. */
bool flow_answer(struct flow *f, unsigned choice);
/* The module index of the choice shown at place `pos` of the current
 * question (choices are shuffled per session). */
unsigned flow_choice_at(const struct flow *f, unsigned pos);
/* Right answers the final quiz needs to pass, and its number of questions:
 * the pass rule in whole questions ("9 bonnes réponses sur 12"). */
unsigned flow_pass_needed(const struct flow *f);
unsigned flow_final_size(const struct flow *f);
bool flow_next(struct flow *f, long long now);
bool flow_finish(struct flow *f, long long now); /* "Terminer" on the result */
/* "Refaire le quiz" on the result: a new final quiz; the session's record,
 * made when the first result showed, stays as it is. */
bool flow_retake(struct flow *f, long long now);
bool flow_back(struct flow *f, long long now);
bool flow_still_here(struct flow *f, long long now);
void flow_toggle_text_size(struct flow *f);
/* Accessibility: high contrast from the settings; speech and contrast
 * toggled by the person (kept from the attract screen into the session,
 * dropped when it ends). */
void flow_accessibility_defaults(struct flow *f, bool high_contrast);
void flow_set_speech(struct flow *f, bool on);
void flow_toggle_contrast(struct flow *f);
/* Speech reads until `until`: no timer runs out while it reads. */
void flow_reading(struct flow *f, long long until);
/* The inactivity delay now (doubled while speech or large text is on)
 * and the time "still there?" leaves (at least FLOW_STILL_MIN_MS, doubled
 * likewise). */
long long flow_idle_limit(const struct flow *f);
long long flow_still_limit(const struct flow *f);
/* When "still there?" gives up (app clock). */
long long flow_still_deadline(const struct flow *f);
/* The text size each new session starts with (the trainer's setting of the
 * day); the screen shown now keeps its own. */
void flow_set_default_large(struct flow *f, bool large);
bool flow_trainer_request(struct flow *f, long long now); /* the hidden gesture */
bool flow_trainer_unlocked(struct flow *f, long long now);
bool flow_trainer_exit(struct flow *f, long long now);
/* The program stops: a session in progress ends as abandoned. */
void flow_shutdown(struct flow *f, long long now);

/* The fit tour of --check: a screen as a person would see it, without a
 * person (chapter, question of the final quiz and answer chosen, result). */
struct flow_preview {
	enum screen_id screen;
	int lang;
	int chapter;  /* -1 none */
	int question; /* index in the final quiz, -1 none */
	int chosen;   /* -1 not answered */
	int score;    /* for the result */
	bool passed;
};
void flow_preview(struct flow *f, const struct flow_preview *p);

/* Questions of the current quiz. */
const struct content_question *flow_question(const struct flow *f);
unsigned flow_chapters_done(const struct flow *f);
bool flow_all_chapters_done(const struct flow *f);

/* Take the record of a session: made once a session, the moment its final
 * result is shown (finished), or when it ends before that (abandoned, timed
 * out). It holds what the person did only: the store gives it its id, day
 * and kiosk (store_save), the caller the trainer's label of the day. */
bool flow_take_record(struct flow *f, struct session_record *out);
/* True once for each person who touched the attract screen and left (back,
 * timeout, stop) before choosing a language: the store counts them
 * (store_touch), with no record. */
bool flow_take_left_early(struct flow *f);

#endif
