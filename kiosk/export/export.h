/* kiosk-export: the nightly outbox of one kiosk (docs/fleet.md).
 *   <kiosk id>-<day>.db   a batch file: the kiosk's closed batches as
 *                         additive counters (docs/reports.md), no session
 *                         row and no day that is not closed
 *   <kiosk id>.health     a few lines on the kiosk's state, nothing per
 *                         session
 * Both are written under a hidden temporary name, synced and renamed, so
 * a synchronised folder never carries half a file. */
#ifndef KIOSK_EXPORT_EXPORT_H
#define KIOSK_EXPORT_EXPORT_H

#include <stdbool.h>
#include <stdio.h>

struct settings;

/* Writes f to dir/name atomically. */
bool export_publish(const char *dir, const char *name, const char *tmp_path);
/* The batch file of the kiosk's closed batches (core/store_schema.h,
 * STORE_BATCH_FILE_TABLES); fills *batches. prev: the kiosk's previous
 * batch file (NULL: none), whose batches are copied rather than computed
 * again when it holds them unchanged. false after printing why. */
bool export_batches(const char *db, const char *outbox, const char *name, const char *prev,
                    long long *batches);
/* The health file of this kiosk. */
/* status: the running kiosk's status file (/run/kiosk/status). */
bool export_health(const struct settings *s, const char *outbox, const char *day,
                   const char *db_state, bool with_journal, const char *status);
/* Keeps the newest `keep` exports of this kiosk, removes older ones. */
void export_prune(const char *outbox, const char *kiosk, int keep);
/* The path of this kiosk's newest batch file in the outbox; false: none. */
bool export_newest(const char *outbox, const char *kiosk, char *path, size_t len);

#endif
