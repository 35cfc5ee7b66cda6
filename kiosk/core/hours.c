#include "core/hours.h"

#include <ctype.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "core/settings.h"
#include "core/yaml/diag.h"
#include "core/yaml/yamlpos.h"

enum { MINUTES_PER_DAY = 24 * 60, MINUTES_PER_WEEK = 7 * MINUTES_PER_DAY };

static const char *const day_short[7] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
static const char *const day_long[7] = {"monday", "tuesday",  "wednesday", "thursday",
                                        "friday", "saturday", "sunday"};
static const char *const day_label[7] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};

void hours_init_always(struct hours *h)
{
	memset(h, 0, sizeof(*h));
	h->always_open = true;
}

void hours_init_closed(struct hours *h)
{
	memset(h, 0, sizeof(*h));
}

int hours_weekday_from_name(const char *name)
{
	for (int d = 0; name && d < 7; d++)
		if (!strcasecmp(name, day_short[d]) || !strcasecmp(name, day_long[d]))
			return d;
	return -1;
}

static const char *skip_space(const char *p)
{
	while (*p == ' ' || *p == '\t')
		p++;
	return p;
}

/* "HH:MM" with HH 0..24; 24:00 only where allow_24 (an end time). */
static bool parse_time(const char **pp, bool allow_24, int *minute)
{
	const char *p = *pp;
	if (!isdigit((unsigned char)p[0]) || !isdigit((unsigned char)p[1]) || p[2] != ':' ||
	    !isdigit((unsigned char)p[3]) || !isdigit((unsigned char)p[4]))
		return false;
	int hh = (p[0] - '0') * 10 + (p[1] - '0');
	int mm = (p[3] - '0') * 10 + (p[4] - '0');
	if (mm > 59 || hh > 24 || (hh == 24 && (mm != 0 || !allow_24)))
		return false;
	*minute = hh * 60 + mm;
	*pp = p + 5;
	return true;
}

static bool fail(char *err, size_t err_size, int *err_col, const char *text, const char *at,
                 const char *what)
{
	if (err_col)
		*err_col = (int)(at - text);
	if (err && err_size)
		snprintf(err, err_size, "%s", what);
	return false;
}

bool hours_parse_day(struct hours *h, int weekday, const char *text, char *err, size_t err_size,
                     int *err_col)
{
	char msg[160];
	struct hours_span spans[HOURS_MAX_SPANS];
	int n = 0;

	if (weekday < 0 || weekday > 6)
		return fail(err, err_size, err_col, "", "", "weekday out of range");
	h->always_open = false;
	h->n_spans[weekday] = 0;
	if (!text)
		return true;
	const char *p = skip_space(text);
	if (!*p)
		return true; /* closed all day */
	for (;;) {
		const char *start = p;
		struct hours_span s;
		if (n == HOURS_MAX_SPANS) {
			snprintf(msg, sizeof(msg), "%s: more than %d opening spans",
			         day_short[weekday], HOURS_MAX_SPANS);
			return fail(err, err_size, err_col, text, start, msg);
		}
		if (!parse_time(&p, false, &s.from)) {
			snprintf(msg, sizeof(msg),
			         "%s: expected an opening time HH:MM (00:00..23:59) at \"%.12s\"",
			         day_short[weekday], start);
			return fail(err, err_size, err_col, text, start, msg);
		}
		p = skip_space(p);
		if (*p != '-') {
			snprintf(msg, sizeof(msg),
			         "%s: expected '-' between two times at \"%.12s\"",
			         day_short[weekday], p);
			return fail(err, err_size, err_col, text, p, msg);
		}
		const char *end_at = skip_space(p + 1);
		p = end_at;
		if (!parse_time(&p, true, &s.to)) {
			snprintf(msg, sizeof(msg),
			         "%s: expected a closing time HH:MM (00:01..24:00) at \"%.12s\"",
			         day_short[weekday], end_at);
			return fail(err, err_size, err_col, text, end_at, msg);
		}
		if (s.to <= s.from) {
			snprintf(
			    msg, sizeof(msg),
			    "%s: span \"%.*s\" ends before it starts (a span past midnight must "
			    "be split: \"...-24:00\" and the next day \"00:00-...\")",
			    day_short[weekday], (int)(p - start), start);
			return fail(err, err_size, err_col, text, start, msg);
		}
		for (int i = 0; i < n; i++) {
			if (s.from < spans[i].to && spans[i].from < s.to) {
				snprintf(msg, sizeof(msg),
				         "%s: span \"%.*s\" overlaps another span",
				         day_short[weekday], (int)(p - start), start);
				return fail(err, err_size, err_col, text, start, msg);
			}
		}
		spans[n++] = s;
		p = skip_space(p);
		if (!*p)
			break;
		if (*p != ',') {
			snprintf(msg, sizeof(msg), "%s: expected ',' between spans at \"%.12s\"",
			         day_short[weekday], p);
			return fail(err, err_size, err_col, text, p, msg);
		}
		p = skip_space(p + 1);
	}
	memcpy(h->spans[weekday], spans, sizeof(spans[0]) * (size_t)n);
	h->n_spans[weekday] = n;
	return true;
}

bool hours_open_at(const struct hours *h, int weekday, int minute_of_day)
{
	if (h->always_open)
		return true;
	if (weekday < 0 || weekday > 6)
		return false;
	for (int i = 0; i < h->n_spans[weekday]; i++)
		if (minute_of_day >= h->spans[weekday][i].from &&
		    minute_of_day < h->spans[weekday][i].to)
			return true;
	return false;
}

int hours_minutes_to_change(const struct hours *h, int weekday, int minute_of_day)
{
	bool now = hours_open_at(h, weekday, minute_of_day);
	/* A week is 10,080 steps: cheap, and only run when the state may change. */
	for (int k = 1; k <= MINUTES_PER_WEEK; k++) {
		int m = minute_of_day + k;
		int d = (weekday + m / MINUTES_PER_DAY) % 7;
		if (hours_open_at(h, d, m % MINUTES_PER_DAY) != now)
			return k;
	}
	return -1;
}

struct hours_time hours_time_from_tm(const struct tm *tm)
{
	struct hours_time t = {
	    .weekday = (tm->tm_wday + 6) % 7,
	    .second = tm->tm_hour * 3600 + tm->tm_min * 60 + (tm->tm_sec > 59 ? 59 : tm->tm_sec),
	};
	return t;
}

void hours_state_init(struct hours_state *s, unsigned wake_ms)
{
	memset(s, 0, sizeof(*s));
	s->wake_ms = wake_ms ? wake_ms : HOURS_WAKE_MS;
}

static void describe_next_open(const struct hours *h, struct hours_time t, char *buf, size_t size)
{
	int minute = t.second / 60;
	int k = hours_minutes_to_change(h, t.weekday, minute);
	if (k < 0) {
		snprintf(buf, size, "no opening hours in the week");
		return;
	}
	int m = minute + k;
	int d = (t.weekday + m / MINUTES_PER_DAY) % 7;
	m %= MINUTES_PER_DAY;
	if (d == t.weekday && k < MINUTES_PER_DAY)
		snprintf(buf, size, "until %02d:%02d", m / 60, m % 60);
	else
		snprintf(buf, size, "until %s %02d:%02d", day_label[d], m / 60, m % 60);
}

bool hours_state_update(struct hours_state *s, const struct hours *h, struct hours_time t,
                        unsigned long long now_ms, char *msg, size_t msg_size)
{
	bool open = hours_open_at(h, t.weekday, t.second / 60);
	bool was_woken = s->woken;
	char when[48];

	if (msg && msg_size)
		msg[0] = '\0';
	if (s->woken && (open || now_ms >= s->wake_end))
		s->woken = false;
	bool blank = !open && !s->woken;
	if (s->started && blank == s->blank)
		return blank;
	if (msg && msg_size) {
		if (blank) {
			describe_next_open(h, t, when, sizeof(when));
			snprintf(msg, msg_size, "closed: sleeping %s%s", when,
			         was_woken ? " (touch wake-up ended)" : "");
		} else if (s->started || !open) {
			snprintf(msg, msg_size,
			         open ? "open: opening hours began" : "woken by a touch");
		}
	}
	s->started = true;
	s->blank = blank;
	return blank;
}

bool hours_state_touch(struct hours_state *s, const struct hours *h, struct hours_time t,
                       unsigned long long now_ms)
{
	if (hours_open_at(h, t.weekday, t.second / 60))
		return false;
	bool swallow = !s->woken || now_ms >= s->wake_end;
	s->woken = true;
	s->wake_end = now_ms + s->wake_ms;
	return swallow;
}

unsigned hours_state_wait_ms(const struct hours_state *s, const struct hours *h,
                             struct hours_time t, unsigned long long now_ms)
{
	unsigned long long wait = ULLONG_MAX;
	int k = hours_minutes_to_change(h, t.weekday, t.second / 60);
	if (k > 0)
		wait = ((unsigned long long)k * 60 - (unsigned long long)(t.second % 60)) * 1000;
	if (s->woken)
		wait = s->wake_end > now_ms && s->wake_end - now_ms < wait ? s->wake_end - now_ms
		       : s->wake_end <= now_ms                             ? 0
		                                                           : wait;
	return wait > UINT_MAX ? UINT_MAX : (unsigned)wait;
}

bool hours_load(const struct settings *s, struct hours *h, struct diag *d)
{
	if (!s->has_hours) {
		hours_init_always(h);
		return true;
	}
	hours_init_closed(h);
	struct yamlpos *pos = yamlpos_read(s->file);
	bool ok = true;
	for (int day = 0; day < 7; day++) {
		char err[200];
		int col = 0, line = 0, c0 = 0;
		if (hours_parse_day(h, day, s->hours[day], err, sizeof(err), &col))
			continue;
		yamlpos_find(pos, &line, &c0, "opening_hours.%s", day_short[day]);
		diag_add(d, s->file, line, c0 + col + 1, "%s", err);
		ok = false;
	}
	yamlpos_destroy(pos);
	return ok;
}
