/* The PIN lockout on disk: see pin_state.h. */
#include "platform/pin_state.h"

#include <errno.h>
#include <fcntl.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/log.h"

/* "failures 4 locks 30 until 99999999999\n" is 39 bytes: anything larger
 * was not written by us. */
enum { STATE_MAX = 64, DB_BUSY_MS = 1000 };

#define STATE_FORMAT "failures %d locks %d until %lld\n"

enum pin_file pin_state_read_file(const char *path, struct pin_counts *out)
{
	*out = (struct pin_counts){0};
	/* No link followed, and a FIFO put there does not block the open. */
	int fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0) {
		if (errno == ENOENT)
			return PIN_FILE_MISSING;
		log_warn("trainer", "%s: %s: the PIN lockout is taken as damaged", path,
		         strerror(errno));
		return PIN_FILE_BAD;
	}
	struct stat st;
	char text[STATE_MAX + 1];
	ssize_t n = -1;
	const char *why = NULL;
	if (fstat(fd, &st) != 0)
		why = strerror(errno);
	else if (!S_ISREG(st.st_mode))
		why = "not a regular file";
	else if (st.st_uid != geteuid() || (st.st_mode & (S_IWGRP | S_IWOTH)))
		why = "writable by another user";
	else if (st.st_size < 1 || st.st_size > STATE_MAX)
		why = "not the size of a lockout state";
	else if ((n = read(fd, text, STATE_MAX)) != st.st_size)
		why = n < 0 ? strerror(errno) : "changed while read";
	close(fd);
	int used = -1;
	if (!why) {
		text[n] = '\0';
		if (sscanf(text, STATE_FORMAT "%n", &out->failures, &out->locks, &out->until,
		           &used) != 3 ||
		    used != n || out->failures < 0 || out->locks < 0 || out->locks > 30 ||
		    out->until < 0)
			why = "not a lockout state";
	}
	if (why) {
		log_warn("trainer", "%s: %s: the PIN lockout is taken as damaged", path, why);
		*out = (struct pin_counts){0};
		return PIN_FILE_BAD;
	}
	return PIN_FILE_OK;
}

int pin_state_read_db(const char *db_path, struct pin_counts *out)
{
	*out = (struct pin_counts){0};
	struct stat st;
	if (stat(db_path, &st) != 0 && errno == ENOENT)
		return 0;
	sqlite3 *db = NULL;
	sqlite3_stmt *q = NULL;
	int rc = sqlite3_open_v2(db_path, &db, SQLITE_OPEN_READONLY, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_busy_timeout(db, DB_BUSY_MS);
		rc = sqlite3_prepare_v2(db,
		                        "SELECT failures, locks, locked_until FROM pin_guard "
		                        "WHERE one = 1",
		                        -1, &q, NULL);
	}
	int found = -1;
	if (rc == SQLITE_OK) {
		rc = sqlite3_step(q);
		found = rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
		if (found == 1) {
			out->failures = sqlite3_column_int(q, 0);
			out->locks = sqlite3_column_int(q, 1);
			out->until = sqlite3_column_int64(q, 2);
		}
	} else if (db && strstr(sqlite3_errmsg(db), "no such table")) {
		found = 0; /* no PIN typed on this kiosk yet */
	}
	if (found < 0)
		log_warn("trainer", "%s: cannot read the PIN lockout: %s", db_path,
		         db ? sqlite3_errmsg(db) : "out of memory");
	sqlite3_finalize(q);
	sqlite3_close(db);
	return found;
}

static bool write_db(const char *db_path, const struct pin_counts *c)
{
	struct stat st;
	if (stat(db_path, &st) != 0 && errno == ENOENT)
		return true; /* the store makes the database; the file alone until then */
	sqlite3 *db = NULL;
	char *sql = sqlite3_mprintf(
	    "CREATE TABLE IF NOT EXISTS pin_guard (one INTEGER PRIMARY KEY CHECK (one = 1), "
	    "failures INTEGER NOT NULL, locks INTEGER NOT NULL, locked_until INTEGER NOT NULL);"
	    "INSERT OR REPLACE INTO pin_guard VALUES (1, %d, %d, %lld);",
	    c->failures, c->locks, c->until);
	int rc = sql ? sqlite3_open_v2(db_path, &db, SQLITE_OPEN_READWRITE, NULL) : SQLITE_NOMEM;
	if (rc == SQLITE_OK) {
		sqlite3_busy_timeout(db, DB_BUSY_MS);
		rc = sqlite3_exec(db, sql, NULL, NULL, NULL);
	}
	if (rc != SQLITE_OK)
		log_warn("trainer", "%s: cannot keep the PIN lockout: %s", db_path,
		         db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
	sqlite3_free(sql);
	sqlite3_close(db);
	return rc == SQLITE_OK;
}

static bool write_file(const char *path, const struct pin_counts *c)
{
	char tmp[600], text[STATE_MAX + 1];
	int len = snprintf(text, sizeof text, STATE_FORMAT, c->failures, c->locks, c->until);
	snprintf(tmp, sizeof tmp, "%s.tmp", path);
	unlink(tmp); /* a leftover, or whatever was put there: made anew */
	int fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
	bool ok = fd >= 0 && write(fd, text, (size_t)len) == len && fsync(fd) == 0;
	int err = errno;
	if (fd >= 0 && close(fd) != 0 && ok)
		ok = false, err = errno;
	if (ok && rename(tmp, path) != 0)
		ok = false, err = errno;
	if (!ok) {
		log_warn("trainer", "cannot keep the PIN lockout in %s: %s", path, strerror(err));
		if (fd >= 0)
			unlink(tmp);
	}
	return ok;
}

bool pin_state_write(const char *path, const char *db_path, const struct pin_counts *c)
{
	bool file = write_file(path, c);
	return write_db(db_path, c) && file;
}
