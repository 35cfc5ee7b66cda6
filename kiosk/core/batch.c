/* See core/batch.h. */
#include "core/batch.h"

#include <stdio.h>

#include "core/hours.h"

static void day_of(struct tm t, int shift, char out[11])
{
	t.tm_mday += shift;
	t.tm_hour = 12; /* away from any daylight-saving gap */
	t.tm_isdst = -1;
	mktime(&t);
	snprintf(out, 11, "%04d-%02d-%02d", t.tm_year + 1900, t.tm_mon + 1, t.tm_mday);
}

void batch_closed_through(const struct hours *h, const struct tm *now, char out[11])
{
	struct hours_time t = hours_time_from_tm(now);
	int minute = t.second / 60, last_end = -1;
	if (h && !h->always_open)
		for (int i = 0; i < h->n_spans[t.weekday]; i++)
			if (h->spans[t.weekday][i].to > last_end)
				last_end = h->spans[t.weekday][i].to;
	/* A day with opening hours is over once its last span has ended; a
	 * day without (always open, or closed all day) at midnight. */
	day_of(*now, last_end > 0 && minute >= last_end ? 0 : -1, out);
}
