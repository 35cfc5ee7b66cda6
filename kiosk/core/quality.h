/* What `kiosk --check` says about a module beyond its format: the time a
 * full pass takes, how its questions are written, and what still stands in
 * the way of a release. Pure functions over a loaded module. */
#ifndef KIOSK_CORE_QUALITY_H
#define KIOSK_CORE_QUALITY_H

#include "core/content.h"
#include "core/yaml/diag.h"

/* The budget's stated rates: a reading speed for the screens' text (a
 * careful reader on a standing screen, below the 230-300 of book reading),
 * and the time one question takes: reading it, choosing, reading why. */
enum { BUDGET_WPM = 200, BUDGET_QUESTION_S = 20 };

struct budget {
	unsigned words;     /* chapters (title, paragraphs, key points) and "more" */
	unsigned questions; /* every chapter's questions and the final quiz */
	long long read_ms, video_ms, question_ms, total_ms;
};

/* Words of a text: runs of characters holding a letter or digit. */
unsigned quality_words(const char *s);
/* The estimated time of a full pass in `lang`: every chapter read, every
 * video watched (video_ms: their total), every question answered. */
void budget_estimate(const struct content_module *m, int lang, long long video_ms,
                     struct budget *b);

/* The item-writing rules, for every language of the module: the right
 * choice is not the longest in more than half of the questions; no choice
 * is more than twice as long as the shortest of its question; no question
 * has 2 choices unless marked true_false; every objective has 2 questions
 * or more, and with final_quiz 2 or more in the final quiz's pool. Each
 * problem goes to diag at its YAML position; they fail --check. The
 * warnings (cues that give the answer away) are core/itemlint.h's. */
void quality_lint(const struct content_module *m, struct diag *diag);

/* Characters (not bytes) of a UTF-8 text. */
unsigned quality_chars(const char *s);

#endif
