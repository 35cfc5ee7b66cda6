/* Closed batches (issue 21, PRIVACY.md « Lots fermés »): the only thing
 * that leaves the kiosk program is built from them.
 *
 * A day closes at the end of its opening hours (core/batch.h), or at
 * midnight. Closed days not yet published are pending; as soon as the
 * pending days hold K sessions or more they become one batch, which never
 * changes afterwards. A session saved late (after a crash, from the queue)
 * for a day already published is counted in the next batch: the daily
 * counters of the store are kept by "counting day", the session's day or
 * the day after the last published batch, whichever is later.
 *
 * A batch is identified by (kiosk id, first day): batch files carry it and
 * kiosk-report counts a batch found twice once. The kiosk's database keeps
 * the batches in its `batch` table; the outbox program writes them out as a
 * batch file (core/store_schema.h, STORE_BATCH_FILE_SCHEMA). */
#ifndef KIOSK_PLATFORM_STORE_BATCH_H
#define KIOSK_PLATFORM_STORE_BATCH_H

#include <stdbool.h>

struct store;
struct hours;

/* The smallest K: a batch never holds fewer sessions. */
enum { STORE_BATCH_MIN_K = 5 };

/* Turns closing on: kiosk is the id batches are published under, k the
 * batch size (raised to STORE_BATCH_MIN_K), hours the opening hours (NULL:
 * days close at midnight; copied). Closing then runs after saves and
 * retries, in the store's background thread when store_background() is on
 * (off the UI thread), else in the caller's. */
void store_batching(struct store *s, const char *kiosk, int k, const struct hours *hours);

/* Closes what is over now: the days up to `through` (YYYY-MM-DD) are
 * closed; pending closed days become batches of >= k sessions. Used by the
 * store itself, the outbox program and the tests. Returns the number of new
 * batches, or -1 (logged). */
int store_close_batches(struct store *s, const char *through);

/* A touch on the attract screen by someone who left before choosing a
 * language: one more on the day's counter (no row, a random key added to
 * the counter's key sum). */
void store_touch(struct store *s, const char *day);

#endif
