/* When a day is over for the statistics (issue 21, PRIVACY.md « Lots
 * fermés »): at the end of its last opening span, or at midnight for a
 * kiosk always open or closed all day. Pure: the caller passes local time. */
#ifndef KIOSK_CORE_BATCH_H
#define KIOSK_CORE_BATCH_H

#include <time.h>

struct hours;

/* The last closed day at local time *now (YYYY-MM-DD into out): today when
 * today's opening hours are over, else yesterday. hours NULL: midnight. */
void batch_closed_through(const struct hours *h, const struct tm *now, char out[11]);

#endif
