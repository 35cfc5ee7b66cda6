/* The time a full pass of a module takes a person: what `kiosk --check`
 * holds against max_minutes and the home screen announces. Every word
 * the person reads, the videos, answering, and moving between screens. */
#ifndef KIOSK_CORE_BUDGET_H
#define KIOSK_CORE_BUDGET_H

#include <stdbool.h>

#include "core/content.h"

/* The stated rates: a reading speed for a standing screen (a careful
 * reader, below the 230-300 of book reading), the time to choose once the
 * question and its choices are read, and a screen change (a tap, the new
 * screen taken in). */
enum { BUDGET_WPM = 200, BUDGET_ANSWER_S = 5, BUDGET_SCREEN_S = 3 };

struct budget {
	unsigned words;     /* every word read: chapters, questions, choices,
	                       explanations, the result screen */
	unsigned questions; /* every chapter's questions and the final quiz */
	unsigned screens;   /* screen changes of a full pass */
	long long read_ms, video_ms, answer_ms, screen_ms, total_ms;
};

/* Which length counts for a chapter's video. */
enum budget_videos {
	BUDGET_SHIPPED, /* the files as they are: chapter_ms, else video_seconds */
	BUDGET_FILMS,   /* placeholders counted at their real film's film.seconds */
};

/* The estimated time of a full pass in `lang`: every chapter read, every
 * video watched, every question read and answered with its explanation,
 * the result screen read. chapter_ms[c]: the measured length of chapter
 * c's video in lang (NULL, or < 0: unknown, video_seconds then counts). */
void budget_estimate(const struct content_module *m, int lang, const long long *chapter_ms,
                     enum budget_videos which, struct budget *b);

/* Whole minutes a person should plan for in lang, rounded up, from the
 * module alone (video_seconds); 0 when a chapter's video has no
 * video_seconds (the figure would leave it out). */
unsigned budget_minutes(const struct content_module *m, int lang);

#endif
