/* The figures per chapter and per question that the trainer screen's
 * « Aujourd'hui » pages show as bars, and the rule for showing them. They
 * follow the trainer screen's rule (core/trainer_view.h): of today only the
 * rounded count of sessions; per chapter and per question, the last whole
 * calendar month, which does not change while it is shown (so no two views
 * subtract to one person), and each rate only when both its part and the
 * rest are K sessions or more. */
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
	char from[11], to[11]; /* the period (YYYY-MM-DD) */
	long long sessions;
	int n;
	struct snap_bar bars[SNAP_MAX_BARS];
};

/* The bar with that id, or NULL. */
const struct snap_bar *trainer_snap_find(const struct trainer_snap *s, bool question,
                                         const char *id);
/* Whether the bar's rate may be shown: part and rest both K or more. */
bool trainer_snap_shown(const struct snap_bar *b, int k);
/* Its rate in percent, rounded. */
int trainer_snap_pct(const struct snap_bar *b);

/* What the trainer set for the day on the trainer screen (kept in a small
 * file next to the database, so a restart keeps it): the welcome-day label
 * stored with each session, the volume and the default text size. A new day
 * starts from the settings again, with no label. */
struct trainer_day {
	bool loaded;
	char day[11];
	char label[32]; /* a day_labels id, "" none */
	int volume;     /* 0..100 */
	bool large_text;
};

#endif
