/* What the trainer screen may show (issue 10, PRIVACY.md): figures that no
 * two consecutive views can subtract to one person's session.
 *
 * The rule: of today, only the number of sessions, rounded down to a
 * multiple of K ("moins de 5", "5 à 9", "10 à 14"...): one more session
 * moves it only when it crosses a multiple of K, and never tells a result.
 * Results (finished, passed, average score) only for the last whole
 * calendar month, which does not change while it is shown, and is the same
 * month a monthly report shows; each rate only when both its part and the
 * rest are K sessions or more. */
#ifndef KIOSK_CORE_TRAINER_VIEW_H
#define KIOSK_CORE_TRAINER_VIEW_H

#include <stdbool.h>

struct trainer_counts {
	long long sessions, finished, quiz_taken, passed, score_sum;
};

struct trainer_view {
	char today[64];
	char month[8]; /* YYYY-MM of the figures below */
	char sessions[64], finished[64], passed[64], score[64];
};

/* today: YYYY-MM-DD. Fills the last whole month's first and last days
 * (YYYY-MM-DD) for the query of its counts. */
void trainer_view_month(const char *today, char first[11], char last[11]);

void trainer_view_make(const struct trainer_counts *today, const char *month,
                       const struct trainer_counts *last_month, int k, struct trainer_view *out);

#endif
