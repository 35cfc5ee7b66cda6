/* The anonymous facts of one session, as the flow hands them to the store.
 * Everything here follows the privacy model of PRIVACY.md: no time finer
 * than the day, no identifier of a person or device, no free text. */
#ifndef KIOSK_CORE_SESSION_H
#define KIOSK_CORE_SESSION_H

#include <stdbool.h>

#include "core/limits.h"

enum { SESSION_ID_LEN = 32 };

/* How far the person got, in order: each stage implies the ones before. */
enum session_stage {
	STAGE_LANGUAGE = 0, /* touched the attract screen, chose nothing yet */
	STAGE_HOME,         /* chose a language, saw the chapter list */
	STAGE_CHAPTER,      /* opened at least one chapter */
	STAGE_QUIZ,         /* started the final quiz */
	STAGE_RESULT,       /* saw the result screen */
};

enum session_end {
	END_FINISHED = 0, /* was shown the result of the final quiz */
	END_ABANDONED,    /* the program stopped during the session (restart, update, power-off) */
	END_TIMED_OUT,    /* nobody answered "still there?" */
};

struct session_chapter {
	char id[32];     /* chapter id from the module (not free text) */
	bool seen;       /* opened */
	int video_share; /* percent of its video watched, 0..100; -1 never started */
};

struct session_answer {
	char question_id[32]; /* question id from the module */
	char objective[32];   /* learning objective id the question tests */
	int choice;           /* 0-based index of the chosen answer */
	bool correct;
};

/* The first answer of a session to a chapter's question (asked at the end
 * of its chapter, before the final quiz): the first, because a second try
 * comes after the explanation and would say what the explanation taught,
 * not what the chapter did. */
struct session_chapter_answer {
	char chapter_id[32];  /* chapter id from the module */
	char question_id[32]; /* question id from the module */
	int choice;           /* 0-based index of the chosen answer */
	bool correct;
};

struct session_record {
	char id[SESSION_ID_LEN + 1]; /* random hex, derived from nothing */
	char day[11];                /* YYYY-MM-DD, local time */
	char kiosk_id[32];
	char module_id[32];
	int module_version;
	char lang[8];
	enum session_stage furthest;
	int n_chapters;
	struct session_chapter chapters[CONTENT_MAX_CHAPTERS];
	int n_answers; /* final quiz answers, in question order */
	struct session_answer answers[CONTENT_MAX_QUESTIONS];
	int n_chapter_answers; /* chapter questions answered, in module order */
	struct session_chapter_answer chapter_answers[CONTENT_MAX_QUESTIONS];
	int score; /* percent 0..100 of the final quiz; -1 when not taken */
	bool passed;
	enum session_end end;
	int duration_s; /* rounded to the nearest 30 s */
	char label[32]; /* welcome-day label id picked by the trainer, "" none */
};

const char *session_stage_name(enum session_stage s);
const char *session_end_name(enum session_end e);
/* Round a duration in milliseconds to the nearest 30 s. */
int session_round_duration(long long ms);
/* Fill out with 32 random hex digits from getrandom(); 0 or -1 (logged). */
int session_new_id(char out[SESSION_ID_LEN + 1]);
/* Today, local time, as YYYY-MM-DD: the finest time a session keeps. */
void session_today(char day[11]);

#endif
