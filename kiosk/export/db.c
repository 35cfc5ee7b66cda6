/* The batch file of the outbox (issue 21, PRIVACY.md « Ce qui quitte la
 * borne »): the kiosk's closed batches as additive counters, never a
 * session row, never a day that is not closed.
 *
 * A published batch never changes, so each night only the batches closed
 * since the previous night's file are computed from the kiosk's counters;
 * the others are copied from that file as they are, after checking that it
 * is a batch file of the same tables whose batches are all, unchanged, in
 * the kiosk's database (else every batch is computed again). On a kiosk
 * with 25 months of sessions that is 0.1 s instead of 2 s
 * (bench/batches.sh). The file also gets the sums over all its batches
 * (s_* tables, core/store_schema.h), so that a report over many
 * kiosks reads a few hundred rows of each file instead of every batch's. */
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
	"kiosk, batch)) WITHOUT ROWID;"
/* The rows of the batches after ?1 (the last one of the previous file, or
 * ''), in key order: the tables are written page after page, as compact
 * as a VACUUM would leave them. ?1 is a parameter: SQLite pushes it down
 * into the views (a subquery there would make it compute every batch). */
#define ADD(name, cols, keys)                                                                      \
	"INSERT INTO main.b_" name " SELECT kiosk, batch, " cols " FROM temp.v_" name              \
	" WHERE batch > ?1 ORDER BY " keys "kiosk, batch;"
/* The same with the previous file's rows, as they are (in key order
 * already: SQLite merges the two). */
#define COPY_ADD(name, cols, keys)                                                                 \
	"INSERT INTO main.b_" name " SELECT kiosk, batch, " cols " FROM prev.b_" name              \
	" UNION ALL SELECT kiosk, batch, " cols " FROM temp.v_" name " WHERE batch > ?1"           \
	" ORDER BY " keys "kiosk, batch;"
/* The sums over every batch, by counter and kiosk, of the tables whose
 * batches a report does not show one by one. */
#define SUMS(name, cols, keys)                                                                     \
	if (strcmp(name, "batch") && strcmp(name, "label"))                                        \
		ok = ok && sums(db, name, cols, keys);

/* Each statement of sql, with ?1 (where it has one) bound to since. */
static bool exec_since(sqlite3 *db, const char *sql, const char *since)
{
	int rc = SQLITE_OK;
	while (rc == SQLITE_OK && *sql) {
		sqlite3_stmt *st = NULL;
		rc = sqlite3_prepare_v2(db, sql, -1, &st, &sql);
		if (rc == SQLITE_OK && st && sqlite3_bind_parameter_count(st) > 0)
			rc = sqlite3_bind_text(st, 1, since, -1, SQLITE_STATIC);
		if (rc == SQLITE_OK && st)
			rc = sqlite3_step(st) == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode(db);
		sqlite3_finalize(st);
	}
	if (rc != SQLITE_OK)
		fprintf(stderr, "kiosk-export: batch file: %s\n", sqlite3_errmsg(db));
	return rc == SQLITE_OK;
}

static bool one_int(sqlite3 *db, const char *sql, long long *out)
{
	sqlite3_stmt *st = NULL;
	bool ok = sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK &&
	          sqlite3_step(st) == SQLITE_ROW && sqlite3_column_type(st, 0) == SQLITE_INTEGER;
	if (ok)
		*out = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return ok;
}

/* s_<name>: b_<name> summed over the batches. The counter columns are
 * cols after keys (its leading key columns). */
static bool sums(sqlite3 *db, const char *name, const char *cols, const char *keys)
{
	size_t kl = strlen(keys);
	if (strncmp(cols, keys, kl) != 0) {
		fprintf(stderr, "kiosk-export: b_%s: keys not first\n", name);
		return false;
	}
	char *sum = sqlite3_mprintf("%s", ""), *list = strdup(cols + kl);
	for (char *save = NULL, *c = strtok_r(list, ", \n", &save); c && sum;
	     c = strtok_r(NULL, ", \n", &save))
		sum = sqlite3_mprintf("%z%ssum(%s) AS %s", sum, sum[0] ? ", " : "", c, c);
	free(list);
	char *sql =
	    sum ? sqlite3_mprintf("CREATE TABLE main.s_%s (kiosk, %s, PRIMARY KEY (%skiosk)) "
	                          "WITHOUT ROWID; INSERT INTO main.s_%s SELECT kiosk, %s%s "
	                          "FROM main.b_%s GROUP BY %skiosk;",
	                          name, cols, keys, name, keys, sum, name, keys)
	        : NULL;
	bool ok = sql && exec(db, sql, "batch file sums");
	sqlite3_free(sql);
	sqlite3_free(sum);
	return ok;
}

/* Why the previous file, attached as prev, cannot give its batches (NULL:
 * it can): it must have the same tables as the new file (main, just
 * created), and each of its batches must be in the kiosk's database,
 * unchanged, with none missing in between. Fills since with its last
 * batch. */
static const char *previous_unusable(sqlite3 *db, char since[11])
{
	long long differ = -1, tables = -1, mine = -1, prev = -1, same = -1, before = -1;
	if (!one_int(db,
	             "SELECT count(*) FROM (SELECT name, sql FROM main.sqlite_schema WHERE name "
	             "GLOB 'b_*' EXCEPT SELECT name, sql FROM prev.sqlite_schema)",
	             &differ) ||
	    !one_int(db, "SELECT count(*) FROM prev.sqlite_schema WHERE name GLOB 'b_*'",
	             &tables) ||
	    !one_int(db, "SELECT count(*) FROM main.sqlite_schema WHERE name GLOB 'b_*'", &mine) ||
	    differ != 0 || tables != mine)
		return "not a batch file of this version";
	if (!one_int(db, "SELECT count(*) FROM prev.b_batch", &prev) ||
	    !one_int(db,
	             "SELECT count(*) FROM prev.b_batch p JOIN temp.v_batch v ON v.batch = p.batch "
	             "AND v.kiosk IS p.kiosk AND v.last_day IS p.last_day AND v.sessions IS "
	             "p.sessions AND v.touched IS p.touched AND v.k_touched IS p.k_touched",
	             &same) ||
	    !one_int(db,
	             "SELECT count(*) FROM temp.v_batch WHERE batch <= (SELECT max(batch) FROM "
	             "prev.b_batch)",
	             &before) ||
	    prev != same || prev != before)
		return "its batches are not the database's";
	if (prev == 0)
		return "no batch";
	sqlite3_stmt *st = NULL;
	bool ok = sqlite3_prepare_v2(db, "SELECT max(batch) FROM prev.b_batch", -1, &st, NULL) ==
	              SQLITE_OK &&
	          sqlite3_step(st) == SQLITE_ROW && sqlite3_column_type(st, 0) == SQLITE_TEXT;
	if (ok)
		snprintf(since, 11, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return ok ? NULL : "cannot be read";
}

/* The rows of the previous file `prev_path` (NULL: none) into the new
 * one, when it can give them. */
static bool copy_previous(sqlite3 *db, const char *prev_path)
{
	if (!prev_path)
		return false;
	sqlite3_stmt *st = NULL;
	bool ok = sqlite3_prepare_v2(db, "ATTACH ?1 AS prev", -1, &st, NULL) == SQLITE_OK &&
	          sqlite3_bind_text(st, 1, prev_path, -1, SQLITE_STATIC) == SQLITE_OK &&
	          sqlite3_step(st) == SQLITE_DONE;
	sqlite3_finalize(st);
	if (!ok) {
		/* Damaged or not a database: every batch from the kiosk's
		 * counters, as on the first night. */
		fprintf(stderr, "kiosk-export: %s: %s; every batch is computed again\n", prev_path,
		        sqlite3_errmsg(db));
		return false;
	}
	return true;
}

bool export_batches(const char *dbpath, const char *outbox, const char *name, const char *prev_path,
                    long long *batches)
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
	/* ATTACH cannot run inside a transaction: the previous file first.
	 * The file is new and renamed into place only once complete: no
	 * journal, and one sync (export_publish). */
	bool prev = ok && copy_previous(db, prev_path);
	char since[11] = "", id[64];
	snprintf(id, sizeof id, "PRAGMA application_id = %d;", STORE_BATCH_FILE_ID);
	ok = ok &&
	     exec(db, "PRAGMA main.journal_mode = OFF; PRAGMA main.synchronous = OFF;",
	          "batch file") &&
	     exec(db, id, "batch file") && exec(db, "BEGIN;" STORE_BATCH_VIEWS, dbpath);
	/* A database the kiosk has not migrated to version 5 yet has no
	 * chapter answers: an empty table of them. */
	long long has = -1;
	ok = ok && one_int(db, STORE_HAS_TABLE("stat_chapter_answer"), &has) &&
	     (has || exec(db, STORE_NO_CHAPTER_ANSWERS, dbpath)) &&
	     exec(db, STORE_BATCH_FILE_TABLES(CREATE), "batch file");
	const char *why = ok && prev ? previous_unusable(db, since) : NULL;
	if (why)
		fprintf(stderr, "kiosk-export: %s: %s; every batch is computed again\n", prev_path,
		        why);
	ok = ok && exec_since(db,
	                      prev && !why ? STORE_BATCH_FILE_TABLES(COPY_ADD)
	                                   : STORE_BATCH_FILE_TABLES(ADD),
	                      since);
	STORE_BATCH_FILE_TABLES(SUMS)
	ok = ok && exec(db, STORE_BATCH_FILE_SUMS_BY_BATCH, "batch file sums");
	if (ok && !one_int(db, "SELECT count(*) FROM main.b_batch", batches))
		*batches = -1;
	ok = ok && exec(db, "COMMIT; DETACH src;", "batch file") &&
	     (!prev || exec(db, "DETACH prev", "batch file"));
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
