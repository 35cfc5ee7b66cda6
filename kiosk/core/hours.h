/* Opening hours: when the kiosk shows its attract screen and when it sleeps
 * with a blank screen. Pure logic, no SDL: the caller passes local time facts
 * and a monotonic clock, so tests drive it with a fake clock.
 *
 * Settings: `opening_hours: {mon: "08:00-12:00,13:30-18:00", ..., sun: ""}`.
 * A weekday that is empty or missing is closed all day; without the whole
 * mapping the kiosk is always open (hours_init_always). */
#ifndef KIOSK_CORE_HOURS_H
#define KIOSK_CORE_HOURS_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

enum {
	HOURS_MAX_SPANS = 8,           /* per weekday */
	HOURS_WAKE_MS = 5 * 60 * 1000, /* a touch wakes a closed kiosk this long */
};

struct hours_span {
	int from, to; /* minutes of the day, open in [from, to); to may be 1440 */
};

struct hours {
	bool always_open;
	int n_spans[7]; /* 0 = Monday */
	struct hours_span spans[7][HOURS_MAX_SPANS];
};

/* Local time facts, as the caller reads them from its clock. */
struct hours_time {
	int weekday; /* 0 = Monday .. 6 = Sunday */
	int second;  /* of the day, 0..86399 */
};

/* No opening_hours mapping at all: always open. */
void hours_init_always(struct hours *h);
/* An opening_hours mapping is present: every day closed until parsed. */
void hours_init_closed(struct hours *h);
/* "mon".."sun" (also full English names, any case) to 0..6; -1 if unknown. */
int hours_weekday_from_name(const char *name);
/* Parses one weekday's text ("08:00-12:00,13:30-18:00"; NULL or blank means
 * closed). On error returns false, writes a message that names what is wrong
 * into err, and the 0-based offset of the culprit in text into *err_col. */
bool hours_parse_day(struct hours *h, int weekday, const char *text, char *err, size_t err_size,
                     int *err_col);
bool hours_open_at(const struct hours *h, int weekday, int minute_of_day);
/* Minutes from (weekday, minute) to the next minute whose open/closed state
 * differs, looking at most a week ahead; -1 if it never changes. */
int hours_minutes_to_change(const struct hours *h, int weekday, int minute_of_day);
struct hours_time hours_time_from_tm(const struct tm *tm);

/* Whether the screen is blank now: closed and not woken by a touch. */
struct hours_state {
	bool started;                /* first update done */
	bool blank;                  /* decision of the last update */
	bool woken;                  /* a touch woke the closed kiosk */
	unsigned long long wake_end; /* monotonic ms when the wake ends */
	unsigned wake_ms;
};

void hours_state_init(struct hours_state *s, unsigned wake_ms);
/* Call once per main-loop iteration. Returns true when the screen must be
 * blank (draw nothing). When the state changes it writes one line for the log
 * (an informational message: sleeping on schedule is normal) into msg, else
 * msg[0] = '\0'. */
bool hours_state_update(struct hours_state *s, const struct hours *h, struct hours_time t,
                        unsigned long long now_ms, char *msg, size_t msg_size);
/* Call for every touch-down / click before dispatching it. Returns true when
 * the touch must be swallowed: it only woke the blank screen for wake_ms. The
 * caller also drops the rest of that gesture (up to the finger lift). A touch
 * on a woken screen is not swallowed and keeps it awake wake_ms longer. */
bool hours_state_touch(struct hours_state *s, const struct hours *h, struct hours_time t,
                       unsigned long long now_ms);
/* How long the loop may sleep before the blank decision can change
 * (UINT_MAX if it never will). */
unsigned hours_state_wait_ms(const struct hours_state *s, const struct hours *h,
                             struct hours_time t, unsigned long long now_ms);

struct settings;
struct diag;
/* The settings' opening_hours into h, each mistake reported to diag at its
 * position in the settings file. Returns false on a mistake. */
bool hours_load(const struct settings *s, struct hours *h, struct diag *d);

#endif
