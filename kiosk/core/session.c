/* Names and small helpers for the anonymous session record. */
#include "core/session.h"
#include "core/log.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>

const char *session_stage_name(enum session_stage s)
{
	switch (s) {
	case STAGE_LANGUAGE: return "language";
	case STAGE_HOME: return "home";
	case STAGE_CHAPTER: return "chapter";
	case STAGE_QUIZ: return "quiz";
	case STAGE_RESULT: return "result";
	}
	return "unknown";
}

const char *session_end_name(enum session_end e)
{
	switch (e) {
	case END_FINISHED: return "finished";
	case END_ABANDONED: return "abandoned";
	case END_TIMED_OUT: return "timed-out";
	}
	return "unknown";
}

int session_round_duration(long long ms)
{
	if (ms <= 0)
		return 0;
	long long steps = (ms + 15000) / 30000;
	/* A kiosk session never lasts a day; the cap keeps the value an
	 * int and keeps the column unable to carry anything but a duration. */
	if (steps > 480)
		steps = 480;
	return (int)(steps * 30);
}

/* The id comes from the kernel's random pool only: never from the clock,
 * a counter or the machine, so it cannot be linked to a person, a device
 * or the order of sessions. */
int session_new_id(char out[SESSION_ID_LEN + 1])
{
	unsigned char raw[SESSION_ID_LEN / 2];
	size_t got = 0;
	while (got < sizeof raw) {
		ssize_t n = getrandom(raw + got, sizeof raw - got, 0);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			log_err("session", "getrandom: %s", strerror(errno));
			out[0] = '\0';
			return -1;
		}
		got += (size_t)n;
	}
	static const char hex[] = "0123456789abcdef";
	for (size_t i = 0; i < sizeof raw; i++) {
		out[2 * i] = hex[raw[i] >> 4];
		out[2 * i + 1] = hex[raw[i] & 15];
	}
	out[SESSION_ID_LEN] = '\0';
	return 0;
}

void session_today(char day[11])
{
	time_t now = time(NULL);
	struct tm tm;
	localtime_r(&now, &tm);
	strftime(day, 11, "%Y-%m-%d", &tm);
}
