/* The batch file of the outbox (issue 21, PRIVACY.md « Ce qui quitte la
 * borne »): the kiosk's closed batches as additive counters, never a
 * session row, never a day that is not closed. */
#include "export/export.h"

#include <errno.h>
#include <fcntl.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/store_schema.h"

static bool exec(sqlite3 *db, const char *sql, const char *what)
{
	char *err = NULL;
	if (sqlite3_exec(db, sql, NULL, NULL, &err) == SQLITE_OK)
		return true;
	fprintf(stderr, "kiosk-export: %s: %s\n", what, err ? err : sqlite3_errmsg(db));
	sqlite3_free(err);
	return false;
}

/* The tables of a batch file (core/store_schema.h): (kiosk, batch)
 * then the counters, keyed so that a batch is one set of rows. */
#define CREATE(name, cols, keys)                                                                   \
	"CREATE TABLE main.b_" name " (kiosk, batch, " cols ", PRIMARY KEY (" keys                 \
	"kiosk, batch)) WITHOUT ROWID;"                                                            \
	"INSERT INTO main.b_" name " SELECT kiosk, batch, " cols " FROM temp.v_" name ";"

bool export_batches(const char *dbpath, const char *outbox, const char *name, long long *batches)
{
	char tmp[4096];
	sqlite3 *db = NULL;
	sqlite3_stmt *st = NULL;
	snprintf(tmp, sizeof(tmp), "%s/.%s.tmp", outbox, name);
	unlink(tmp); /* a leftover of an interrupted night */
	*batches = -1;
	/* The batch file is the main database; the kiosk's is attached and
	 * only read (one snapshot, inside the transaction). */
	bool ok = sqlite3_open_v2(tmp, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) ==
	          SQLITE_OK;
	if (ok) {
		sqlite3_busy_timeout(db, 10000);
		ok = sqlite3_prepare_v2(db, "ATTACH ?1 AS src", -1, &st, NULL) == SQLITE_OK &&
		     sqlite3_bind_text(st, 1, dbpath, -1, SQLITE_TRANSIENT) == SQLITE_OK &&
		     sqlite3_step(st) == SQLITE_DONE;
		sqlite3_finalize(st);
		st = NULL;
		if (!ok)
			fprintf(stderr, "kiosk-export: cannot read %s: %s\n", dbpath,
			        sqlite3_errmsg(db));
	}
	ok = ok && exec(db, "PRAGMA journal_mode = DELETE; BEGIN;" STORE_BATCH_VIEWS, dbpath);
	/* A database the kiosk has not migrated to version 5 yet has no
	 * chapter answers: an empty table of them. */
	long long has = -1;
	if (ok &&
	    sqlite3_prepare_v2(db, STORE_HAS_TABLE("stat_chapter_answer"), -1, &st, NULL) ==
	        SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		has = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	st = NULL;
	ok = ok && has >= 0 && (has || exec(db, STORE_NO_CHAPTER_ANSWERS, dbpath)) &&
	     exec(db, STORE_BATCH_FILE_TABLES(CREATE), "batch file");
	if (ok &&
	    sqlite3_prepare_v2(db, "SELECT count(*) FROM main.b_batch", -1, &st, NULL) ==
	        SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		*batches = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	char id[64];
	snprintf(id, sizeof id, "PRAGMA application_id = %d;", STORE_BATCH_FILE_ID);
	ok = ok && exec(db, "COMMIT; DETACH src;", "batch file") && exec(db, id, "batch file") &&
	     exec(db, "VACUUM", "batch file");
	sqlite3_close(db);
	ok = ok && export_publish(outbox, name, tmp);
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
