/* The statistics copy: SQLite's VACUUM INTO from the store's file. */
#include "export/export.h"

#include <errno.h>
#include <fcntl.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The tables PRIVACY.md describes; anything else in the file (a table a
 * later version adds for the kiosk's own use) stays on the kiosk. */
static const char *const allowed[] = {
    "session",      "chapter",     "answer",     "stat_day",  "stat_score",
    "stat_chapter", "stat_answer", "stat_group", "stat_item", NULL};

static bool is_allowed(const char *t)
{
	for (int i = 0; allowed[i]; i++)
		if (!strcmp(t, allowed[i]))
			return true;
	return false;
}

static bool exec(sqlite3 *db, const char *sql, const char *what)
{
	char *err = NULL;
	if (sqlite3_exec(db, sql, NULL, NULL, &err) == SQLITE_OK)
		return true;
	fprintf(stderr, "kiosk-export: %s: %s\n", what, err ? err : sqlite3_errmsg(db));
	sqlite3_free(err);
	return false;
}

/* Drops what is not allowed from the copy, then rebuilds it once more so
 * the dropped pages are gone too. */
static bool trim(const char *path, long long *sessions)
{
	sqlite3 *db = NULL;
	sqlite3_stmt *st = NULL;
	char *drops = NULL;
	size_t dl = 0;
	bool ok = sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, NULL) == SQLITE_OK;
	FILE *f = open_memstream(&drops, &dl);
	if (ok && f &&
	    sqlite3_prepare_v2(db,
	                       "SELECT type, name FROM sqlite_schema WHERE type IN ('table', "
	                       "'view') AND name NOT LIKE 'sqlite_%'",
	                       -1, &st, NULL) == SQLITE_OK) {
		while (sqlite3_step(st) == SQLITE_ROW) {
			const char *type = (const char *)sqlite3_column_text(st, 0);
			const char *name = (const char *)sqlite3_column_text(st, 1);
			if (!is_allowed(name))
				fprintf(f, "DROP %s \"%s\";",
				        !strcmp(type, "view") ? "VIEW" : "TABLE", name);
		}
	}
	sqlite3_finalize(st);
	if (f)
		fclose(f);
	ok = ok && drops &&
	     exec(db, "PRAGMA secure_delete = ON; PRAGMA journal_mode = DELETE;", "copy") &&
	     exec(db, drops, "copy: drop");
	if (ok && dl > 0)
		ok = exec(db, "VACUUM", "copy: vacuum");
	st = NULL;
	*sessions = -1;
	if (ok &&
	    sqlite3_prepare_v2(db, "SELECT count(*) FROM session", -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		*sessions = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	free(drops);
	if (!ok && db)
		fprintf(stderr, "kiosk-export: %s: %s\n", path, sqlite3_errmsg(db));
	sqlite3_close(db);
	return ok;
}

bool export_db(const char *dbpath, const char *outbox, const char *name, long long *sessions)
{
	char tmp[4096];
	sqlite3 *db = NULL;
	sqlite3_stmt *st = NULL;
	snprintf(tmp, sizeof(tmp), "%s/.%s.tmp", outbox, name);
	unlink(tmp); /* a leftover of an interrupted night */
	/* Read-only (a file path, never a URI): the kiosk may be writing;
	 * VACUUM INTO reads one snapshot. */
	bool ok = sqlite3_open_v2(dbpath, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK;
	if (ok) {
		sqlite3_busy_timeout(db, 10000);
		ok = sqlite3_prepare_v2(db, "VACUUM INTO ?1", -1, &st, NULL) == SQLITE_OK &&
		     sqlite3_bind_text(st, 1, tmp, -1, SQLITE_TRANSIENT) == SQLITE_OK &&
		     sqlite3_step(st) == SQLITE_DONE;
	}
	if (!ok)
		fprintf(stderr, "kiosk-export: cannot copy %s: %s\n", dbpath,
		        db ? sqlite3_errmsg(db) : "out of memory");
	sqlite3_finalize(st);
	sqlite3_close(db);
	ok = ok && trim(tmp, sessions) && export_publish(outbox, name, tmp);
	if (!ok)
		unlink(tmp);
	return ok;
}

bool export_publish(const char *dir, const char *name, const char *tmp)
{
	char dst[4096];
	snprintf(dst, sizeof(dst), "%s/%s", dir, name);
	int fd = open(tmp, O_RDONLY | O_CLOEXEC);
	bool ok = fd >= 0 && fsync(fd) == 0;
	if (fd >= 0)
		close(fd);
	if (ok && rename(tmp, dst) != 0)
		ok = false;
	if (!ok) {
		fprintf(stderr, "kiosk-export: cannot write %s: %s\n", dst, strerror(errno));
		return false;
	}
	fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd >= 0) {
		fsync(fd);
		close(fd);
	}
	return true;
}
