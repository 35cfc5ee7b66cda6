/* What `kiosk --check` says about how a module's questions are written
 * (the errors; core/itemlint.h has the warnings), and the word counts the
 * time budget (core/budget.h) uses. Pure functions over a loaded module. */
#ifndef KIOSK_CORE_QUALITY_H
#define KIOSK_CORE_QUALITY_H

#include "core/content.h"
#include "core/yaml/diag.h"

/* Words of a text: runs of characters holding a letter or digit. */
unsigned quality_words(const char *s);
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
