/* What the trainer screen's « Aujourd'hui » page may show of the day, per
 * chapter and per question (DESIGN.md §4): a bar is shown only once it
 * counts at least K sessions, and then only moves when at least K more
 * sessions have come into it since it was last shown. Two views of the
 * page, before and after one person, therefore show the same bars: the
 * difference between two shown values always covers K people or more. */
#ifndef KIOSK_CORE_TRAINER_SNAP_H
#define KIOSK_CORE_TRAINER_SNAP_H

#include <stdbool.h>

enum { SNAP_MAX_BARS = 80 };

struct snap_bar {
	char id[32];
	bool question;        /* a question (else a chapter) */
	long long base, part; /* question: answered, right; chapter: sessions, opened */
};

struct trainer_snap {
	char day[11];
	long long sessions; /* shown count of the day's sessions (same rule) */
	int n;
	struct snap_bar bars[SNAP_MAX_BARS];
};

/* What the trainer set for the day on the trainer screen (kept in a small
 * file next to the database, so a restart keeps it): the welcome-day label
 * stored with each session, the volume, the default text size, and what
 * the « Aujourd'hui » page last showed. A new day starts from the
 * settings again, with no label. */
struct trainer_day {
	bool loaded;
	char day[11];
	char label[32]; /* a day_labels id, "" none */
	int volume;     /* 0..100 */
	bool large_text;
	struct trainer_snap snap;
};

/* Brings shown up to date with fresh (the figures read now) under the rule
 * above. A new day starts from nothing. Returns true when anything shown
 * changed. */
bool trainer_snap_update(struct trainer_snap *shown, const struct trainer_snap *fresh, int k);

/* The bar of shown with that id, or NULL when it is not shown (yet). */
const struct snap_bar *trainer_snap_find(const struct trainer_snap *shown, bool question,
                                         const char *id);

#endif
