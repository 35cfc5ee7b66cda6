/* Anonymous session statistics in SQLite: see store.h and PRIVACY.md. */
#include "platform/store.h"
#include "core/log.h"

#include <errno.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "platform/store_priv.h"
#include "core/store_schema.h"

void store_update_problem(struct store *s)
{
	const char *what = NULL;
	switch (s->fault & 0xff) {
	case 0: break;
	case SQLITE_BUSY:
	case SQLITE_LOCKED: what = "base verrouillée"; break;
	case SQLITE_READONLY: what = "base en lecture seule"; break;
	case SQLITE_FULL: what = "disque plein"; break;
	case SQLITE_IOERR: what = "erreur d'écriture sur le disque"; break;
	case SQLITE_CANTOPEN: what = "base impossible à ouvrir"; break;
	case SQLITE_CORRUPT:
	case SQLITE_NOTADB: what = "base endommagée"; break;
	default: what = "erreur de la base"; break;
	}
	/* The trainer screen adds the number of waiting sessions itself. */
	if (what)
		snprintf(s->problem, sizeof s->problem, "%s%s", what,
		         s->lost ? " ; des sessions ont été perdues" : "");
	else if (s->aside[0])
		snprintf(s->problem, sizeof s->problem,
		         "base endommagée mise de côté (%s), nouvelle base créée",
		         strrchr(s->aside, '/') ? strrchr(s->aside, '/') + 1 : s->aside);
	else
		s->problem[0] = '\0';
}

/* Logs a fault once per episode: the kiosk keeps retrying every minute and
 * the journal must not fill with the same line. */
void store_note_fault(struct store *s, int rc, const char *what)
{
	if (rc != s->fault)
		log_err("store", "%s: %s (%s); sessions are kept in memory", s->path, what,
		        s->error[0] ? s->error : sqlite3_errstr(rc));
	s->error[0] = '\0';
	s->fault = rc;
	store_update_problem(s);
}

void store_keep_error(struct store *s)
{
	bool real = s->db && sqlite3_errcode(s->db) != SQLITE_OK;
	snprintf(s->error, sizeof s->error, "%s", real ? sqlite3_errmsg(s->db) : "");
}

static int exec(struct store *s, const char *sql)
{
	return sqlite3_exec(s->db, sql, NULL, NULL, NULL);
}

void store_close_db(struct store *s)
{
	sqlite3_close(s->db);
	s->db = NULL;
}

/* A damaged file is evidence and may hold recoverable sessions: it is moved
 * aside under a dated name, never deleted. */
static void move_aside(struct store *s, const char *why)
{
	char day[11], dest[300], from[300], to[320];
	session_today(day);
	for (int n = 0; n < 100; n++) {
		if (n == 0)
			snprintf(dest, sizeof dest, "%s.corrupt-%s", s->path, day);
		else
			snprintf(dest, sizeof dest, "%s.corrupt-%s.%d", s->path, day, n);
		if (access(dest, F_OK) != 0)
			break;
	}
	if (rename(s->path, dest) != 0) {
		log_err("store", "%s failed its check (%s) and cannot be moved aside: %s", s->path,
		        why, strerror(errno));
		return;
	}
	static const char *const side[] = {"-wal", "-shm", "-journal"};
	for (int i = 0; i < 3; i++) {
		snprintf(from, sizeof from, "%s%s", s->path, side[i]);
		snprintf(to, sizeof to, "%s%s", dest, side[i]);
		if (access(from, F_OK) == 0 && rename(from, to) != 0)
			log_warn("store", "cannot move %s aside: %s", from, strerror(errno));
	}
	snprintf(s->aside, sizeof s->aside, "%s", dest);
	log_err("store", "%s failed its check (%s); kept as %s, starting a fresh database", s->path,
	        why, dest);
}

/* "ok", or why not, in why. Returns 0 when the file passes. */
static int quick_check(struct store *s, char *why, size_t n)
{
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(s->db, "PRAGMA quick_check(1)", -1, &st, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		const char *r = (const char *)sqlite3_column_text(st, 0);
		snprintf(why, n, "%s", r ? r : "?");
		for (char *p = why; *p; p++)
			if (*p == '\n')
				*p = ' ';
		rc = r && strcmp(r, "ok") == 0 ? 0 : SQLITE_CORRUPT;
	} else {
		snprintf(why, n, "%s", sqlite3_errmsg(s->db));
	}
	sqlite3_finalize(st);
	return rc;
}

static int user_version(struct store *s)
{
	sqlite3_stmt *st = NULL;
	int v = -1;
	if (sqlite3_prepare_v2(s->db, "PRAGMA user_version", -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return v;
}

/* Each step moves the schema one version up, in one transaction. */
static int migrate(struct store *s)
{
	int v = user_version(s);
	if (v < 0)
		return SQLITE_ERROR;
	if (v > STORE_SCHEMA_VERSION) {
		log_err("store", "%s has schema version %d, newer than this program's %d", s->path,
		        v, STORE_SCHEMA_VERSION);
		return SQLITE_READONLY;
	}
	if (v == STORE_SCHEMA_VERSION)
		return SQLITE_OK;
	/* Each older version moves up step by step, in one transaction; the
	 * counters of version 4 are computed from the rows already there,
	 * version 5 adds the chapter answers (none before it). */
	static const char *const steps[STORE_SCHEMA_VERSION] = {
	    STORE_SCHEMA_V1, STORE_SCHEMA_V2, STORE_SCHEMA_V3, STORE_SCHEMA_V4, STORE_SCHEMA_V5};
	int rc = exec(s, "BEGIN IMMEDIATE");
	for (int i = v; rc == SQLITE_OK && i < STORE_SCHEMA_VERSION; i++)
		rc = exec(s, steps[i]);
	if (rc == SQLITE_OK)
		rc = exec(s, "PRAGMA user_version = " STORE_STR(STORE_SCHEMA_VERSION) "; COMMIT;");
	if (rc != SQLITE_OK) {
		log_err("store", "%s: cannot move the schema from version %d to %d: %s", s->path, v,
		        STORE_SCHEMA_VERSION, sqlite3_errmsg(s->db));
		exec(s, "ROLLBACK");
		return rc;
	}
	if (v == 0) {
		log_info("store", "created %s (schema version %d)", s->path, STORE_SCHEMA_VERSION);
		return SQLITE_OK;
	}
	if (v < STORE_SCHEMA_VERSION)
		log_info("store",
		         "%s: schema version %d → %d (record keys, counters with key sums, "
		         "closed batches, chapter answers)",
		         s->path, v, STORE_SCHEMA_VERSION);
	return SQLITE_OK;
}

static void apply_retention(struct store *s)
{
	if (s->retention_months <= 0)
		return;
	char cut[40];
	snprintf(cut, sizeof cut, "-%d months", s->retention_months);
	/* A batch that began before the cut goes whole (its later days'
	 * counters then belong to no batch and are never published): a
	 * published batch never changes, it may only disappear. */
	static const char *const tables[] = {
	    "session",    "chapter",      "answer",      "chapter_answer",      "stat_day",
	    "stat_score", "stat_chapter", "stat_answer", "stat_chapter_answer", "stat_group",
	    "stat_item",  "stat_touch",   "batch"};
	if (exec(s, "BEGIN IMMEDIATE") != SQLITE_OK) {
		log_warn("store", "retention skipped: %s", sqlite3_errmsg(s->db));
		return;
	}
	int deleted = 0;
	for (size_t i = 0; i < sizeof tables / sizeof tables[0]; i++) {
		char sql[200];
		snprintf(sql, sizeof sql, "DELETE FROM %s WHERE %s < date('now', 'localtime', ?)",
		         tables[i], strcmp(tables[i], "batch") ? "day" : "first_day");
		sqlite3_stmt *st = NULL;
		int rc = sqlite3_prepare_v2(s->db, sql, -1, &st, NULL);
		if (rc == SQLITE_OK) {
			sqlite3_bind_text(st, 1, cut, -1, SQLITE_STATIC);
			rc = sqlite3_step(st);
		}
		sqlite3_finalize(st);
		if (rc != SQLITE_DONE) {
			log_warn("store", "retention skipped: %s", sqlite3_errmsg(s->db));
			exec(s, "ROLLBACK");
			return;
		}
		if (i == 0)
			deleted = sqlite3_changes(s->db);
	}
	if (exec(s, "COMMIT") != SQLITE_OK) {
		log_warn("store", "retention skipped: %s", sqlite3_errmsg(s->db));
		exec(s, "ROLLBACK");
		return;
	}
	if (deleted > 0) {
		log_info("store", "deleted %d sessions older than %d months", deleted,
		         s->retention_months);
		/* secure_delete zeroes the freed space; the VACUUM that
		 * follows (store_reorder) gives the pages back. */
	}
}

/* Opens, checks and prepares the database. 0 or a SQLite code (the store
 * then runs on its queue). */
int store_open_db(struct store *s, bool first)
{
	/* No SQLITE_OPEN_URI: the setting is a file name, and a name that
	 * looks like "file:x?vfs=..." must not choose how SQLite opens it. */
	int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
	char why[200];
	for (int attempt = 0; attempt < 2; attempt++) {
		int rc = sqlite3_open_v2(s->path, &s->db, flags, NULL);
		if (rc != SQLITE_OK) {
			store_keep_error(s);
			store_note_fault(s, rc, "cannot open the database");
			store_close_db(s);
			return rc;
		}
		sqlite3_extended_result_codes(s->db, 0);
		sqlite3_busy_timeout(s->db, BUSY_TIMEOUT_MS);
		rc = quick_check(s, why, sizeof why);
		if (rc == SQLITE_OK)
			break;
		store_close_db(s);
		if (rc == SQLITE_BUSY || rc == SQLITE_IOERR || rc == SQLITE_CANTOPEN || !first ||
		    attempt > 0) {
			/* Not proof of damage: try again later rather than move
			 * a good file aside. */
			store_note_fault(s, rc, "cannot check the database");
			return rc;
		}
		move_aside(s, why);
	}
	/* A rollback journal rather than a WAL: a WAL cannot be emptied while
	 * another process reads the file, and would keep the last sessions in
	 * the order they were saved; the rollback journal is deleted at the
	 * end of each transaction. */
	int rc = exec(s, "PRAGMA journal_mode = DELETE; PRAGMA synchronous = FULL;"
	                 "PRAGMA secure_delete = ON;");
	if (rc == SQLITE_OK)
		rc = migrate(s);
	if (rc == SQLITE_OK && sqlite3_db_readonly(s->db, "main") == 1)
		rc = SQLITE_READONLY;
	if (rc != SQLITE_OK) {
		store_keep_error(s);
		store_note_fault(s, rc, "cannot prepare the database");
		store_close_db(s);
		return rc;
	}
	if (first)
		apply_retention(s);
	/* A save cut short by a power failure may have left a page in save
	 * order: put every page back in key order before going on. */
	s->unordered = true;
	store_reorder(s);
	return SQLITE_OK;
}

struct store *store_open(const char *path, int retention_months)
{
	struct store *s = calloc(1, sizeof *s);
	if (!s)
		return NULL;
	s->path = strdup(path);
	s->queue = calloc(STORE_QUEUE_MAX, sizeof *s->queue);
	if (!s->path || !s->queue) {
		free(s->path);
		free(s->queue);
		free(s);
		return NULL;
	}
	s->retention_months = retention_months;
	pthread_mutex_init(&s->lock, NULL);
	store_open_db(s, true);
	store_update_problem(s);
	return s;
}
