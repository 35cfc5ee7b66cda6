/* What the trainer screen may show of the day in progress (issue 10,
 * PRIVACY.md): only the number of sessions, rounded down to a multiple of K
 * ("moins de 5", "5 à 9", "10 à 14"...): one more session moves it only when
 * it crosses a multiple of K, and never tells a result. Results come from
 * closed batches only (core/trainer_snap.h). */
#ifndef KIOSK_CORE_TRAINER_VIEW_H
#define KIOSK_CORE_TRAINER_VIEW_H

#include <stddef.h>

/* The exact counters of a period, as the store keeps them: for the
 * rounded count of today, never shown as they are. */
struct trainer_counts {
	long long sessions, finished, quiz_taken, passed, score_sum;
};

/* today's sessions as the screen shows them. */
void trainer_view_today(long long sessions, int k, char *out, size_t size);

/* today: YYYY-MM-DD. Fills the last whole month's first and last days
 * (YYYY-MM-DD). */
void trainer_view_month(const char *today, char first[11], char last[11]);

#endif
