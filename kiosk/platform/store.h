/* Anonymous session statistics in SQLite (issue 5, PRIVACY.md).
 *
 * The kiosk hands over one finished session at a time; the store writes it
 * in one durable transaction. No fault of the database ever reaches the
 * person at the kiosk: sessions that cannot be written wait in a bounded
 * in-memory queue, the reason is logged once, and store_problem() gives the
 * trainer screen a short message. */
#ifndef KIOSK_PLATFORM_STORE_H
#define KIOSK_PLATFORM_STORE_H

#include <stdbool.h>

#include "core/session.h"

enum { STORE_QUEUE_MAX = 256 };

struct store;

/* Opens (creating or migrating) the database at path, checks it, moves a
 * corrupt file aside with the date and starts a fresh one, deletes sessions
 * older than retention_months (0 keeps everything). Never NULL except out of
 * memory: a database that cannot be opened leaves the store queueing in
 * memory with a problem message, and store_retry() tries again. */
struct store *store_open(const char *path, int retention_months);

/* After each save the file is rewritten (no trace of the order of
 * sessions): with on, that rewrite runs in a thread on its own connection,
 * so that a session end costs the UI thread only the save itself. A save
 * that meets the rewrite finds the file busy and waits in the queue. */
void store_background(struct store *s, bool on);

/* Writes the session once, in one transaction (synchronous=FULL, so it
 * survives a power cut once this returns). On failure: rollback, queue,
 * log once. */
void store_save(struct store *s, const struct session_record *r);

/* Writes the queued sessions if the database accepts them again. The app
 * calls it every minute and at each session end. */
void store_retry(struct store *s);

/* Sessions waiting in memory. */
int store_pending(const struct store *s);

/* NULL when all is well, else a short French message for the trainer. */
const char *store_problem(const struct store *s);

/* Raw totals of the days from..to (YYYY-MM-DD, both included), for the
 * trainer screen, which applies its own rule (core/trainer_view.h).
 * 0, or -1 when the database cannot be read (out is then zero). */
struct trainer_counts;
int store_counts(struct store *s, const char *from, const char *to, struct trainer_counts *out);

/* Writes what it can of the queue, then closes. Accepts NULL. */
void store_destroy(struct store *s);

/* Runs SQL on the store's own connection: for fault-injection tests only
 * (PRAGMA query_only, max_page_count). Returns the SQLite result code. */
int store_debug_exec(struct store *s, const char *sql);

#endif
