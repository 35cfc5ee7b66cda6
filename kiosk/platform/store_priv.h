/* Internals shared by store.c (opening, checking, migrating) and
 * store_write.c (saving, queueing, summaries). */
#ifndef KIOSK_PLATFORM_STORE_PRIV_H
#define KIOSK_PLATFORM_STORE_PRIV_H

#include <pthread.h>
#include <sqlite3.h>
#include <stdbool.h>

#include "core/hours.h"
#include "platform/store.h"

/* The kiosk never waits for a lock: a save that finds the database busy
 * (someone reading it with the sqlite3 shell, a report opened without
 * immutable=1) stays in the queue and is retried at the next save and every
 * minute, so the person at the kiosk never waits for the database. */
enum { BUSY_TIMEOUT_MS = 0 };

struct store {
	char *path;
	sqlite3 *db;
	int retention_months;
	struct session_record *queue; /* ring of STORE_QUEUE_MAX */
	int q_head, q_len;
	int lost;       /* dropped because the queue was full */
	int fault;      /* SQLite code of the fault being reported, or 0 */
	bool unordered; /* saved since the last successful store_reorder() */
	/* store_background(): the rewrite runs in a thread of its own, on its
	 * own connection; these are shared with it under `lock`. */
	bool background, rewriting, rewrite_failed, thread_started;
	pthread_t thread;
	pthread_mutex_t lock;
	/* store_batching(): closing is on; `closed` is the last day closed
	 * (shared with the rewrite thread under `lock`). */
	bool batching, has_hours;
	char kiosk[32];
	int k;
	struct hours hours;
	char closed[11];
	/* store_touch(): people who left before choosing a language, not yet
	 * on the counter (the file was busy), their day and key sum. */
	int touches;
	long long touch_keys;
	char touch_day[11];
	char aside[300];   /* where a corrupt file was moved */
	char error[200];   /* sqlite3_errmsg() of the last failure, for the log */
	char problem[400]; /* what store_problem() returns, "" when fine */
};

void store_update_problem(struct store *s);
void store_note_fault(struct store *s, int rc, const char *what);
/* Keeps sqlite3_errmsg() before a ROLLBACK or close replaces it. */
void store_keep_error(struct store *s);
void store_close_db(struct store *s);
/* Rewrites the file so that no page keeps the order in which sessions were
 * saved (VACUUM: every page rebuilt in key order, freed space zeroed); in
 * the background when store_background() asked for it. SQLITE_OK, or the
 * code of the failure (the rewrite is tried again at the next retry). */
int store_reorder(struct store *s);
/* Waits for a background rewrite to end (store_destroy). */
void store_reorder_join(struct store *s);
/* Closes the batches through that day on db (store_batch.c). SQLite
 * code. */
int store_close_on(sqlite3 *db, const char *through, int k, const char *kiosk);
/* The last closed day now, for closing; false when closing is off. */
bool store_close_due(struct store *s, char through[11]);
/* Adds the touches waiting in memory to the counter (store_batch.c). */
void store_flush_touches(struct store *s);
/* True while a background rewrite holds the file. */
bool store_rewriting(struct store *s);
int store_open_db(struct store *s, bool first);

#endif
