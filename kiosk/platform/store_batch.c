/* Closing batches and the early-leavers counter: see store_batch.h. */
#include "platform/store_batch.h"

#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>

#include "core/batch.h"
#include "core/log.h"
#include "platform/store_priv.h"
#include "core/store_schema.h"

void store_batching(struct store *s, const char *kiosk, int k, const struct hours *hours)
{
	if (!s)
		return;
	s->batching = true;
	snprintf(s->kiosk, sizeof s->kiosk, "%s", kiosk && kiosk[0] ? kiosk : "kiosk");
	s->k = k < STORE_BATCH_MIN_K ? STORE_BATCH_MIN_K : k;
	s->has_hours = hours != NULL;
	if (hours)
		s->hours = *hours;
	/* The store cleans ids the same way when it saves (store_write.c):
	 * an id the schema refuses would make every close fail. */
	for (char *p = s->kiosk; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '-' ||
		      *p == '_' || *p == '.'))
			*p = *p >= 'A' && *p <= 'Z' ? (char)(*p - 'A' + 'a') : '-';
}

bool store_close_due(struct store *s, char through[11])
{
	if (!s->batching)
		return false;
	time_t now = time(NULL);
	struct tm tm;
	localtime_r(&now, &tm);
	batch_closed_through(s->has_hours ? &s->hours : NULL, &tm, through);
	pthread_mutex_lock(&s->lock);
	bool due = strcmp(through, s->closed) != 0;
	pthread_mutex_unlock(&s->lock);
	return due;
}

int store_close_on(sqlite3 *db, const char *through, int k, const char *kiosk)
{
	int rc = sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
	sqlite3_stmt *st = NULL;
	if (rc == SQLITE_OK)
		rc = sqlite3_prepare_v2(db, STORE_CLOSE, -1, &st, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_bind_text(st, 1, through, -1, SQLITE_STATIC);
		sqlite3_bind_int(st, 2, k);
		sqlite3_bind_text(st, 3, kiosk, -1, SQLITE_STATIC);
		rc = sqlite3_step(st) == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode(db);
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
	if (rc != SQLITE_OK) {
		/* Busy: a report or a save holds the file; the next retry
		 * closes. Anything else is worth the journal. */
		if (rc != SQLITE_BUSY && rc != SQLITE_LOCKED)
			log_warn("store", "closing batches through %s: %s", through,
			         sqlite3_errmsg(db));
		if (!sqlite3_get_autocommit(db))
			sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
	}
	return rc;
}

int store_close_batches(struct store *s, const char *through)
{
	if (!s || !s->db)
		return -1;
	int before = sqlite3_total_changes(s->db);
	int rc = store_close_on(s->db, through, s->k ? s->k : STORE_BATCH_MIN_K,
	                        s->kiosk[0] ? s->kiosk : "kiosk");
	if (rc != SQLITE_OK)
		return -1;
	pthread_mutex_lock(&s->lock);
	snprintf(s->closed, sizeof s->closed, "%s", through);
	pthread_mutex_unlock(&s->lock);
	s->unordered = true;
	return sqlite3_total_changes(s->db) - before;
}

/* Adds the touches waiting in memory to their day's counter. */
void store_flush_touches(struct store *s)
{
	if (!s || !s->db || s->touches == 0 || store_rewriting(s))
		return;
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(s->db,
	                            "INSERT INTO stat_touch VALUES (" STORE_CDAY(
	                                "?1") ", ?2, ?3) "
	                                      "ON CONFLICT DO UPDATE SET touched = touched + "
	                                      "excluded.touched, k_touched = k_touched + "
	                                      "excluded.k_touched",
	                            -1, &st, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_bind_text(st, 1, s->touch_day, -1, SQLITE_STATIC);
		sqlite3_bind_int(st, 2, s->touches);
		sqlite3_bind_int64(st, 3, s->touch_keys);
		rc = sqlite3_step(st);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		log_debug("store", "touches wait: %s", sqlite3_errmsg(s->db));
		return;
	}
	s->touches = 0;
	s->touch_keys = 0;
	s->unordered = true;
}

/* The touch waits in memory when the file is busy (the rewrite thread, a
 * reader holding it), like a session in the queue, and is added at the
 * next try: the counter loses no one to a busy moment. A touch of another
 * day than those waiting goes in their day's count when they cannot be
 * written first (at most a day apart: the counter is per day). */
void store_touch(struct store *s, const char *day)
{
	if (!s)
		return;
	store_flush_touches(s);
	uint32_t key = 0;
	if (getrandom(&key, sizeof key, 0) != (ssize_t)sizeof key)
		key = (uint32_t)time(NULL) * 2654435761u;
	if (s->touches == 0)
		snprintf(s->touch_day, sizeof s->touch_day, "%s", day);
	if (s->touches < INT_MAX) {
		s->touches++;
		s->touch_keys = (s->touch_keys + key) & 0xffffffffLL;
	}
	store_flush_touches(s);
}
