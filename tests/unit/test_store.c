/* The statistics store, with fault injection: a database that is read-only,
 * full, locked, missing or corrupt must never crash the kiosk nor lose a
 * session once the fault is gone. */
#include <check.h>

#include "check_main.h"
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "platform/store.h"
#include "platform/store_batch.h"
#include "core/store_schema.h"
#include "core/trainer_view.h"

static char dir[64], path[128];

static void setup(void)
{
	snprintf(dir, sizeof dir, "/tmp/test-store-XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/kiosk.db", dir);
}

static void teardown(void)
{
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	ck_assert_int_eq(system(cmd), 0);
}

static struct session_record record(const char *day, int furthest, int score, int end)
{
	struct session_record r = {0};
	session_new_id(r.id);
	snprintf(r.day, sizeof r.day, "%s", day);
	snprintf(r.kiosk_id, sizeof r.kiosk_id, "hall-1");
	snprintf(r.module_id, sizeof r.module_id, "tu-me-suis");
	r.module_version = 2;
	snprintf(r.lang, sizeof r.lang, "fr");
	r.furthest = (enum session_stage)furthest;
	r.n_chapters = 2;
	snprintf(r.chapters[0].id, sizeof r.chapters[0].id, "c1");
	r.chapters[0].seen = true;
	r.chapters[0].video_share = 100;
	snprintf(r.chapters[1].id, sizeof r.chapters[1].id, "c2");
	r.chapters[1].video_share = -1;
	if (score >= 0) {
		r.n_answers = 2;
		snprintf(r.answers[0].question_id, 32, "q1");
		snprintf(r.answers[0].objective, 32, "o1");
		r.answers[0].correct = true;
		snprintf(r.answers[1].question_id, 32, "q2");
		snprintf(r.answers[1].objective, 32, "o2");
		r.answers[1].choice = 2;
	}
	r.score = score;
	r.passed = score >= 70;
	r.end = (enum session_end)end;
	r.duration_s = 330;
	return r;
}

/* Counts rows with a connection of our own, as an inspector would. */
static long long count(const char *db_path, const char *sql)
{
	sqlite3 *db;
	sqlite3_stmt *st;
	long long n = -1;
	ck_assert_int_eq(sqlite3_open_v2(db_path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	ck_assert_msg(sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK, "%s: %s", sql,
	              sqlite3_errmsg(db));
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(db);
	return n;
}

START_TEST(test_save_and_summary)
{
	struct store *s = store_open(path, 25);
	ck_assert_ptr_nonnull(s);
	ck_assert_ptr_null(store_problem(s));
	struct session_record r = record("2024-05-02", STAGE_RESULT, 80, END_FINISHED);
	store_save(s, &r);
	store_save(s, &r); /* the same session twice is one session */
	for (int i = 0; i < 4; i++) {
		r = record("2024-05-02", STAGE_QUIZ, 40, END_TIMED_OUT);
		store_save(s, &r);
	}
	ck_assert_int_eq(store_pending(s), 0);
	struct trainer_counts sum;
	ck_assert_int_eq(store_counts(s, "2024-05-02", "2024-05-02", &sum), 0);
	ck_assert_int_eq(sum.sessions, 5);
	ck_assert_int_eq(sum.finished, 1);
	ck_assert_int_eq(sum.passed, 1);
	ck_assert_int_eq(sum.quiz_taken, 5);
	ck_assert_int_eq(sum.score_sum, 80 + 4 * 40);
	store_destroy(s);
	ck_assert_int_eq(count(path, "SELECT total(timed_out) FROM stat_day"), 4);
	ck_assert_int_eq(count(path, "SELECT count(*) FROM answer"), 10);
	ck_assert_int_eq(count(path, "SELECT count(*) FROM chapter WHERE video_share IS NULL"), 5);
	ck_assert_int_eq(
	    count(path, "SELECT duration_s FROM session WHERE day = '2024-05-02' LIMIT 1"), 330);
	ck_assert_int_eq(count(path, "PRAGMA user_version"), STORE_SCHEMA_VERSION);
	ck_assert_int_eq(count(path, "SELECT sum(sessions) FROM stat_day"), 5);
	/* No write-ahead log or journal keeps the order of the last sessions. */
	char side[160];
	struct stat stw;
	snprintf(side, sizeof side, "%s-wal", path);
	ck_assert(stat(side, &stw) != 0);
	snprintf(side, sizeof side, "%s-journal", path);
	ck_assert(stat(side, &stw) != 0);
}
END_TEST

START_TEST(test_ids_are_cleaned)
{
	struct store *s = store_open(path, 0);
	struct session_record r = record("2024-05-02", STAGE_RESULT, 50, END_FINISHED);
	snprintf(r.kiosk_id, sizeof r.kiosk_id, "Hall Accueil");
	snprintf(r.answers[0].question_id, 32, "Q1:x");
	snprintf(r.lang, sizeof r.lang, "FR");
	r.duration_s = 44;
	store_save(s, &r);
	ck_assert_int_eq(store_pending(s), 0);
	store_destroy(s);
	ck_assert_int_eq(count(path, "SELECT count(*) FROM session WHERE kiosk = 'hall-accueil' "
	                             "AND lang = 'fr' AND duration_s = 30"),
	                 1);
	ck_assert_int_eq(count(path, "SELECT count(*) FROM answer WHERE question = 'q1-x'"), 1);
	/* Records missing an id or a day are completed, not lost: with the
	 * day of the save (either side of a midnight the test may straddle). */
	char first[11], last[11], sql[160];
	time_t t = time(NULL);
	strftime(first, sizeof first, "%Y-%m-%d", localtime(&t));
	s = store_open(path, 0);
	for (int i = 0; i < 6; i++)
		store_save(s, &(struct session_record){.furthest = STAGE_RESULT, .score = -1});
	store_destroy(s);
	t = time(NULL);
	strftime(last, sizeof last, "%Y-%m-%d", localtime(&t));
	snprintf(sql, sizeof sql, "SELECT count(*) FROM session WHERE day BETWEEN '%s' AND '%s'",
	         first, last);
	ck_assert_int_eq(count(path, sql), 6);
}
END_TEST

static void fault_then_recover(const char *fault_sql, const char *fix_sql, int n,
                               const char *expect_word)
{
	struct store *s = store_open(path, 25);
	ck_assert_ptr_null(store_problem(s));
	struct session_record r = record("2024-05-02", STAGE_RESULT, 90, END_FINISHED);
	store_save(s, &r);
	ck_assert_int_eq(store_debug_exec(s, fault_sql), SQLITE_OK);
	for (int i = 0; i < n; i++) {
		r = record("2024-05-03", STAGE_RESULT, 90, END_FINISHED);
		store_save(s, &r);
	}
	ck_assert_int_gt(store_pending(s), 0);
	ck_assert_ptr_nonnull(store_problem(s));
	ck_assert_msg(strstr(store_problem(s), expect_word), "%s", store_problem(s));
	store_retry(s); /* still failing: no crash, nothing dropped */
	ck_assert_int_gt(store_pending(s), 0);
	ck_assert_int_eq(store_debug_exec(s, fix_sql), SQLITE_OK);
	store_retry(s);
	ck_assert_int_eq(store_pending(s), 0);
	ck_assert_ptr_null(store_problem(s));
	store_destroy(s);
	ck_assert_int_eq(count(path, "SELECT count(*) FROM session"), n + 1);
	ck_assert_int_eq(count(path, "SELECT sum(sessions) FROM stat_day"), n + 1);
	ck_assert_int_eq(count(path, "PRAGMA quick_check"), 0); /* "ok" as a number */
}

START_TEST(test_read_only)
{
	fault_then_recover("PRAGMA query_only = ON", "PRAGMA query_only = OFF", 3, "lecture seule");
}
END_TEST

START_TEST(test_disk_full)
{
	/* No page beyond those the file has now: the next growth is
	 * SQLITE_FULL, exactly what a full disk gives. */
	char sql[128];
	struct store *s = store_open(path, 25);
	store_destroy(s);
	long long pages = count(path, "PRAGMA page_count");
	snprintf(sql, sizeof sql, "PRAGMA max_page_count = %lld", pages);
	fault_then_recover(sql, "PRAGMA max_page_count = 1000000", 40, "disque plein");
}
END_TEST

/* A VFS that forwards to the default one but fails writes on demand: a
 * disk returning I/O errors, which no PRAGMA can simulate. */
static bool io_fail;
static sqlite3_vfs faulty_vfs;
static sqlite3_vfs *real_vfs;

struct faulty_file {
	sqlite3_file base;
	sqlite3_file *real; /* allocated right after this struct */
};

#define REAL(f) (((struct faulty_file *)(f))->real)
static int f_close(sqlite3_file *f)
{
	return REAL(f)->pMethods->xClose(REAL(f));
}
static int f_read(sqlite3_file *f, void *b, int n, sqlite3_int64 o)
{
	return REAL(f)->pMethods->xRead(REAL(f), b, n, o);
}
static int f_write(sqlite3_file *f, const void *b, int n, sqlite3_int64 o)
{
	return io_fail ? SQLITE_IOERR_WRITE : REAL(f)->pMethods->xWrite(REAL(f), b, n, o);
}
static int f_truncate(sqlite3_file *f, sqlite3_int64 n)
{
	return io_fail ? SQLITE_IOERR_TRUNCATE : REAL(f)->pMethods->xTruncate(REAL(f), n);
}
static int f_sync(sqlite3_file *f, int fl)
{
	return io_fail ? SQLITE_IOERR_FSYNC : REAL(f)->pMethods->xSync(REAL(f), fl);
}
static int f_size(sqlite3_file *f, sqlite3_int64 *n)
{
	return REAL(f)->pMethods->xFileSize(REAL(f), n);
}
static int f_lock(sqlite3_file *f, int l)
{
	return REAL(f)->pMethods->xLock(REAL(f), l);
}
static int f_unlock(sqlite3_file *f, int l)
{
	return REAL(f)->pMethods->xUnlock(REAL(f), l);
}
static int f_check(sqlite3_file *f, int *r)
{
	return REAL(f)->pMethods->xCheckReservedLock(REAL(f), r);
}
static int f_fctl(sqlite3_file *f, int op, void *a)
{
	return REAL(f)->pMethods->xFileControl(REAL(f), op, a);
}
static int f_sector(sqlite3_file *f)
{
	return REAL(f)->pMethods->xSectorSize(REAL(f));
}
static int f_dev(sqlite3_file *f)
{
	return REAL(f)->pMethods->xDeviceCharacteristics(REAL(f));
}
static int f_shmmap(sqlite3_file *f, int i, int sz, int e, void volatile **p)
{
	return REAL(f)->pMethods->xShmMap(REAL(f), i, sz, e, p);
}
static int f_shmlock(sqlite3_file *f, int o, int n, int fl)
{
	return REAL(f)->pMethods->xShmLock(REAL(f), o, n, fl);
}
static void f_shmbarrier(sqlite3_file *f)
{
	REAL(f)->pMethods->xShmBarrier(REAL(f));
}
static int f_shmunmap(sqlite3_file *f, int d)
{
	return REAL(f)->pMethods->xShmUnmap(REAL(f), d);
}

static const sqlite3_io_methods faulty_io = {
    2,         f_close,      f_read,     f_write, f_truncate, f_sync, f_size,
    f_lock,    f_unlock,     f_check,    f_fctl,  f_sector,   f_dev,  f_shmmap,
    f_shmlock, f_shmbarrier, f_shmunmap, NULL,    NULL,
};

static int f_open(sqlite3_vfs *v, const char *name, sqlite3_file *f, int flags, int *out)
{
	(void)v;
	struct faulty_file *ff = (struct faulty_file *)f;
	ff->real = (sqlite3_file *)(ff + 1);
	int rc = real_vfs->xOpen(real_vfs, name, ff->real, flags, out);
	f->pMethods = rc == SQLITE_OK ? &faulty_io : NULL;
	return rc;
}

static void faulty_register(void)
{
	if (real_vfs)
		return;
	real_vfs = sqlite3_vfs_find(NULL);
	faulty_vfs = *real_vfs;
	faulty_vfs.zName = "faulty";
	faulty_vfs.szOsFile = (int)sizeof(struct faulty_file) + real_vfs->szOsFile;
	faulty_vfs.xOpen = f_open;
	/* The default VFS: the store takes a file name, never a URI that
	 * could choose a VFS. */
	sqlite3_vfs_register(&faulty_vfs, 1);
}

START_TEST(test_io_error)
{
	faulty_register();
	struct store *s = store_open(path, 25);
	ck_assert_ptr_null(store_problem(s));
	struct session_record r = record("2024-05-02", STAGE_RESULT, 90, END_FINISHED);
	store_save(s, &r);
	io_fail = true;
	for (int i = 0; i < 3; i++) {
		r = record("2024-05-03", STAGE_QUIZ, 20, END_TIMED_OUT);
		store_save(s, &r);
	}
	ck_assert_int_eq(store_pending(s), 3);
	ck_assert_msg(strstr(store_problem(s), "erreur d'écriture"), "%s", store_problem(s));
	store_retry(s);
	ck_assert_int_eq(store_pending(s), 3);
	io_fail = false;
	store_retry(s);
	ck_assert_int_eq(store_pending(s), 0);
	ck_assert_ptr_null(store_problem(s));
	store_destroy(s);
	ck_assert_int_eq(count(path, "SELECT count(*) FROM session"), 4);
	ck_assert_int_eq(count(path, "SELECT sum(sessions) FROM stat_day"), 4);
	ck_assert_int_eq(count(path, "PRAGMA quick_check"), 0);
}
END_TEST

START_TEST(test_locked)
{
	struct store *s = store_open(path, 25);
	sqlite3 *other;
	ck_assert_int_eq(sqlite3_open(path, &other), SQLITE_OK);
	ck_assert_int_eq(sqlite3_exec(other, "BEGIN IMMEDIATE", NULL, NULL, NULL), SQLITE_OK);
	struct session_record r = record("2024-05-02", STAGE_HOME, -1, END_ABANDONED);
	store_save(s, &r);
	ck_assert_int_eq(store_pending(s), 1);
	ck_assert(strstr(store_problem(s), "verrouillée"));
	ck_assert_int_eq(sqlite3_exec(other, "COMMIT", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(other);
	store_retry(s);
	ck_assert_int_eq(store_pending(s), 0);
	ck_assert_ptr_null(store_problem(s));
	store_destroy(s);
	ck_assert_int_eq(count(path, "SELECT count(*) FROM session WHERE score IS NULL"), 1);
}
END_TEST

/* A touch that meets a busy file (a reader's lock, the rewrite thread)
 * waits in memory and is counted at the next try, like a session. */
START_TEST(test_touch_waits_for_a_busy_file)
{
	struct store *s = store_open(path, 25);
	sqlite3 *other;
	ck_assert_int_eq(sqlite3_open(path, &other), SQLITE_OK);
	ck_assert_int_eq(sqlite3_exec(other, "BEGIN IMMEDIATE", NULL, NULL, NULL), SQLITE_OK);
	store_touch(s, "2024-05-02");
	store_touch(s, "2024-05-02");
	ck_assert_int_eq(sqlite3_exec(other, "COMMIT", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(other);
	ck_assert_int_eq(count(path, "SELECT count(*) FROM stat_touch"), 0);
	store_retry(s);
	store_touch(s, "2024-05-02");
	store_destroy(s);
	ck_assert_int_eq(count(path, "SELECT touched FROM stat_touch WHERE day = '2024-05-02'"), 3);
	ck_assert_int_eq(count(path, "SELECT k_touched > 0 FROM stat_touch"), 1);
}
END_TEST

START_TEST(test_missing_directory_then_created)
{
	char sub[160], db[200];
	snprintf(sub, sizeof sub, "%s/later", dir);
	snprintf(db, sizeof db, "%s/kiosk.db", sub);
	struct store *s = store_open(db, 25);
	ck_assert_ptr_nonnull(s);
	ck_assert_ptr_nonnull(store_problem(s));
	struct session_record r = record("2024-05-02", STAGE_RESULT, 70, END_FINISHED);
	store_save(s, &r);
	ck_assert_int_eq(store_pending(s), 1);
	struct trainer_counts sum;
	ck_assert_int_eq(store_counts(s, "2024-05-02", "2024-05-02", &sum), -1);
	ck_assert_int_eq(sum.sessions, 0);
	ck_assert_int_eq(mkdir(sub, 0755), 0);
	store_retry(s);
	ck_assert_int_eq(store_pending(s), 0);
	ck_assert_ptr_null(store_problem(s));
	store_destroy(s);
	ck_assert_int_eq(count(db, "SELECT count(*) FROM session"), 1);
}
END_TEST

START_TEST(test_read_only_file_at_open)
{
	store_destroy(store_open(path, 25));
	char uri[200];
	snprintf(uri, sizeof uri, "file:%s?mode=ro", path);
	struct store *s = store_open(uri, 25);
	ck_assert_ptr_nonnull(store_problem(s));
	struct session_record r = record("2024-05-02", STAGE_RESULT, 70, END_FINISHED);
	store_save(s, &r);
	store_retry(s);
	ck_assert_int_eq(store_pending(s), 1);
	ck_assert(strstr(store_problem(s), "lecture seule"));
	store_destroy(s);
}
END_TEST

START_TEST(test_queue_is_bounded)
{
	struct store *s = store_open(path, 25);
	store_debug_exec(s, "PRAGMA query_only = ON");
	for (int i = 0; i < STORE_QUEUE_MAX + 10; i++) {
		struct session_record r = record("2024-05-02", STAGE_RESULT, 70, END_FINISHED);
		store_save(s, &r);
	}
	ck_assert_int_eq(store_pending(s), STORE_QUEUE_MAX);
	ck_assert(strstr(store_problem(s), "perdues"));
	ck_assert(strstr(store_problem(s), "lecture seule"));
	store_debug_exec(s, "PRAGMA query_only = OFF");
	store_destroy(s); /* flushes on the way out */
	ck_assert_int_eq(count(path, "SELECT count(*) FROM session"), STORE_QUEUE_MAX);
}
END_TEST

static int file_equals(const char *p, const char *bytes, size_t n)
{
	char buf[4096];
	FILE *f = fopen(p, "rb");
	if (!f)
		return 0;
	size_t got = fread(buf, 1, sizeof buf, f);
	fclose(f);
	return got == n && memcmp(buf, bytes, n) == 0;
}

START_TEST(test_garbage_file_is_kept_aside)
{
	static const char junk[] = "this is not a database, but it may be evidence";
	FILE *f = fopen(path, "wb");
	fwrite(junk, 1, sizeof junk, f);
	fclose(f);
	struct store *s = store_open(path, 25);
	ck_assert_ptr_nonnull(store_problem(s));
	ck_assert(strstr(store_problem(s), "mise de côté"));
	struct session_record r = record("2024-05-02", STAGE_RESULT, 70, END_FINISHED);
	store_save(s, &r);
	ck_assert_int_eq(store_pending(s), 0);
	store_destroy(s);
	char cmd[300];
	snprintf(cmd, sizeof cmd, "ls %s/kiosk.db.corrupt-* | head -1 > %s/aside", dir, dir);
	ck_assert_int_eq(system(cmd), 0);
	char aside[200] = "", list[200];
	snprintf(list, sizeof list, "%s/aside", dir);
	f = fopen(list, "r");
	ck_assert(fgets(aside, sizeof aside, f));
	fclose(f);
	aside[strcspn(aside, "\n")] = '\0';
	ck_assert_msg(file_equals(aside, junk, sizeof junk), "aside file %s", aside);
	ck_assert_int_eq(count(path, "SELECT count(*) FROM session"), 1);
}
END_TEST

START_TEST(test_damaged_pages_are_kept_aside)
{
	struct store *s = store_open(path, 25);
	/* 200 saves, each rewriting the file: no need to wait for the disk. */
	store_debug_exec(s, "PRAGMA synchronous = OFF");
	for (int i = 0; i < 200; i++) {
		struct session_record r = record("2024-05-02", STAGE_RESULT, 70, END_FINISHED);
		store_save(s, &r);
	}
	store_destroy(s);
	/* Scribble over the middle of the file, past the header. */
	FILE *f = fopen(path, "r+b");
	ck_assert_ptr_nonnull(f);
	fseek(f, 0, SEEK_END);
	long size = ftell(f);
	fseek(f, size / 2, SEEK_SET);
	for (int i = 0; i < 8192; i++)
		fputc(i * 7 & 0xff, f);
	fclose(f);
	s = store_open(path, 25);
	ck_assert_ptr_nonnull(store_problem(s));
	struct session_record r = record("2024-05-02", STAGE_RESULT, 70, END_FINISHED);
	store_save(s, &r);
	store_destroy(s);
	ck_assert_int_eq(count(path, "SELECT count(*) FROM session"), 1);
	char cmd[300];
	snprintf(cmd, sizeof cmd, "test $(ls %s/kiosk.db.corrupt-* | wc -l) -eq 1", dir);
	ck_assert_int_eq(system(cmd), 0);
}
END_TEST

START_TEST(test_retention)
{
	struct store *s = store_open(path, 25);
	struct session_record r = record("2019-01-15", STAGE_RESULT, 70, END_FINISHED);
	store_save(s, &r);
	r = record("2020-03-01", STAGE_RESULT, 70, END_FINISHED);
	store_save(s, &r);
	char today[11];
	time_t now = time(NULL);
	strftime(today, sizeof today, "%Y-%m-%d", localtime(&now));
	r = record(today, STAGE_RESULT, 70, END_FINISHED);
	store_save(s, &r);
	store_destroy(s);
	ck_assert_int_eq(count(path, "SELECT count(*) FROM session"), 3);
	store_destroy(store_open(path, 0)); /* 0 keeps everything */
	ck_assert_int_eq(count(path, "SELECT count(*) FROM session"), 3);
	store_destroy(store_open(path, 25));
	ck_assert_int_eq(count(path, "SELECT count(*) FROM session"), 1);
	ck_assert_int_eq(count(path, "SELECT count(*) FROM answer WHERE day < '2021-01-01'"), 0);
	ck_assert_int_eq(count(path, "SELECT sum(sessions) FROM stat_day"), 1);
}
END_TEST

/* A record the schema refuses must not hold up the ones behind it. */
START_TEST(test_refused_record_is_dropped)
{
	struct store *s = store_open(path, 25);
	ck_assert_int_eq(store_debug_exec(s, "CREATE TEMP TRIGGER refuse BEFORE INSERT ON session "
	                                     "WHEN NEW.duration_s = 600 BEGIN "
	                                     "SELECT RAISE(ABORT, 'refused'); END"),
	                 SQLITE_OK);
	struct session_record bad = record("2024-05-02", STAGE_RESULT, 70, END_FINISHED);
	bad.duration_s = 600;
	struct session_record good = record("2024-05-02", STAGE_RESULT, 70, END_FINISHED);
	store_save(s, &bad);
	store_save(s, &good);
	ck_assert_int_eq(store_pending(s), 0);
	ck_assert_ptr_null(store_problem(s));
	store_destroy(s);
	ck_assert_int_eq(count(path, "SELECT count(*) FROM session"), 1);
	ck_assert_int_eq(count(path, "SELECT count(*) FROM answer"), 2);
}
END_TEST

/* Version 1 files (before the welcome-day label) gain the column, keep
 * their sessions, and new sessions carry the label the trainer picked. */
START_TEST(test_label_and_migration)
{
	sqlite3 *db;
	ck_assert_int_eq(sqlite3_open(path, &db), SQLITE_OK);
	ck_assert_int_eq(sqlite3_exec(db,
	                              STORE_SCHEMA_V1 "PRAGMA user_version = 1;"
	                                              "INSERT INTO session VALUES ('2024-05-01', "
	                                              "zeroblob(16), 'k', 'm', 1, 'fr', 1, 0, "
	                                              "NULL, 0, 1, 60);",
	                              NULL, NULL, NULL),
	                 SQLITE_OK);
	sqlite3_close(db);
	struct store *s = store_open(path, 0);
	ck_assert_ptr_null(store_problem(s));
	struct session_record r = record("2024-05-02", STAGE_RESULT, 80, END_FINISHED);
	snprintf(r.label, sizeof r.label, "accueil-12-mars");
	store_save(s, &r);
	r = record("2024-05-02", STAGE_RESULT, 80, END_FINISHED);
	snprintf(r.label, sizeof r.label, "Salle B 14h30"); /* never free text */
	store_save(s, &r);
	r = record("2024-05-02", STAGE_RESULT, 80, END_FINISHED);
	store_save(s, &r);
	store_destroy(s);
	ck_assert_int_eq(count(path, "PRAGMA user_version"), STORE_SCHEMA_VERSION);
	ck_assert_int_eq(count(path, "SELECT count(*) FROM session"), 4);
	ck_assert_int_eq(count(path, "SELECT count(*) FROM session WHERE label = "
	                             "'accueil-12-mars'"),
	                 1);
	ck_assert_int_eq(count(path, "SELECT count(*) FROM session WHERE label = 'salle-b-14-30'"),
	                 1);
	ck_assert_int_eq(count(path, "SELECT count(*) FROM session WHERE label IS NULL"), 2);
	/* The version 1 session is in the new counters too (rebuilt). */
	ck_assert_int_eq(count(path, "SELECT sum(sessions) FROM stat_group"), 4);
	ck_assert_int_eq(count(path, "SELECT sessions FROM stat_group WHERE label = '-' AND day = "
	                             "'2024-05-02'"),
	                 1);
	ck_assert_int_eq(count(path, "SELECT sum(finished) FROM stat_item WHERE question = 'q1'"),
	                 3);
}
END_TEST

/* The store makes a record's id, day and kiosk (the flow hands over facts
 * only), and keeps the first answer to each chapter question with the
 * session, counted like the final quiz's (schema version 5). */
START_TEST(test_store_makes_ids_and_keeps_chapter_answers)
{
	struct store *s = store_open(path, 25);
	store_batching(s, "Hall 1", 5, NULL);
	for (int i = 0; i < 2; i++) {
		struct session_record r = record("", STAGE_HOME, -1, END_TIMED_OUT);
		r.id[0] = r.kiosk_id[0] = '\0';
		r.n_chapter_answers = 3;
		snprintf(r.chapter_answers[0].chapter_id, 32, "c1");
		snprintf(r.chapter_answers[0].question_id, 32, "q6");
		r.chapter_answers[0].choice = 2;
		r.chapter_answers[1] = r.chapter_answers[0]; /* a second try: not kept */
		r.chapter_answers[1].choice = 1;
		r.chapter_answers[1].correct = true;
		snprintf(r.chapter_answers[2].chapter_id, 32, "C2");
		snprintf(r.chapter_answers[2].question_id, 32, "q7");
		r.chapter_answers[2].choice = 1;
		r.chapter_answers[2].correct = i == 0;
		store_save(s, &r);
	}
	store_destroy(s);
	ck_assert_int_eq(count(path, "SELECT count(DISTINCT id) FROM session"), 2);
	ck_assert_int_eq(count(path, "SELECT count(*) FROM session WHERE kiosk = 'hall-1' AND "
	                             "day = date('now', 'localtime')"),
	                 2);
	ck_assert_int_eq(count(path, "SELECT count(*) FROM chapter_answer"), 4);
	ck_assert_int_eq(count(path, "SELECT answers FROM stat_chapter_answer WHERE chapter = "
	                             "'c1' AND question = 'q6' AND choice = 2 AND correct = 0"),
	                 2);
	ck_assert_int_eq(count(path, "SELECT sum(answers) FROM stat_chapter_answer WHERE chapter = "
	                             "'c2' AND question = 'q7' GROUP BY correct ORDER BY correct"),
	                 1);
	ck_assert_int_eq(count(path, "SELECT count(*) FROM stat_chapter_answer WHERE k_answers = "
	                             "0"),
	                 0);
}
END_TEST

/* A version 4 file (statistics v2, no chapter answers yet) keeps its
 * sessions, counters and batches, and takes chapter answers. */
START_TEST(test_migration_from_v4)
{
	sqlite3 *db;
	ck_assert_int_eq(sqlite3_open(path, &db), SQLITE_OK);
	ck_assert_int_eq(
	    sqlite3_exec(db,
	                 STORE_SCHEMA_V1 STORE_SCHEMA_V2 STORE_SCHEMA_V3 STORE_SCHEMA_V4
	                 "PRAGMA user_version = 4;"
	                 "INSERT INTO session VALUES ('2024-05-01', "
	                 "zeroblob(16), 'k', 'm', 1, 'fr', 1, 0, "
	                 "NULL, 0, 1, 60, NULL, 77);"
	                 "INSERT INTO batch VALUES ('2024-05-01', "
	                 "'2024-05-01', 'k', 1);",
	                 NULL, NULL, NULL),
	    SQLITE_OK);
	sqlite3_close(db);
	struct store *s = store_open(path, 0);
	ck_assert_ptr_null(store_problem(s));
	struct session_record r = record("2024-05-02", STAGE_RESULT, 80, END_FINISHED);
	r.n_chapter_answers = 1;
	snprintf(r.chapter_answers[0].chapter_id, 32, "c1");
	snprintf(r.chapter_answers[0].question_id, 32, "q6");
	store_save(s, &r);
	store_destroy(s);
	ck_assert_int_eq(count(path, "PRAGMA user_version"), STORE_SCHEMA_VERSION);
	ck_assert_int_eq(count(path, "SELECT sum(sessions) FROM stat_day"), 2);
	ck_assert_int_eq(count(path, "SELECT k_sessions FROM stat_day WHERE day = '2024-05-01'"),
	                 77);
	ck_assert_int_eq(count(path, "SELECT count(*) FROM batch"), 1);
	ck_assert_int_eq(count(path, "SELECT sum(answers) FROM stat_chapter_answer"), 1);
}
END_TEST

START_TEST(test_destroy_null)
{
	store_destroy(NULL);
	store_save(NULL, NULL);
	store_retry(NULL);
	ck_assert_int_eq(store_pending(NULL), 0);
	ck_assert_ptr_null(store_problem(NULL));
}
END_TEST

/* Closed batches (store_batch.h): pending closed days become a batch once
 * they hold K sessions; a published batch never changes, a session saved
 * late for its days goes to the next one; a touch that chose no language
 * is a counter, no row. */
START_TEST(test_batches_close_and_never_change)
{
	struct store *s = store_open(path, 0);
	store_batching(s, "Hall 1", 5, NULL);
	for (int i = 0; i < 3; i++) {
		struct session_record r = record("2026-03-02", STAGE_RESULT, 80, END_FINISHED);
		store_save(s, &r);
	}
	ck_assert_int_eq(store_close_batches(s, "2026-03-02"), 0); /* 3 < K: pending */
	ck_assert_int_eq(count(path, "SELECT count(*) FROM batch"), 0);
	for (int i = 0; i < 2; i++) {
		struct session_record r = record("2026-03-03", STAGE_RESULT, 40, END_FINISHED);
		store_save(s, &r);
	}
	store_touch(s, "2026-03-03");
	ck_assert_int_eq(store_close_batches(s, "2026-03-03"), 1);
	ck_assert_int_eq(count(path,
	                       "SELECT count(*) FROM batch WHERE first_day = '2026-03-02' "
	                       "AND last_day = '2026-03-03' AND size = 5 AND kiosk = 'hall-1'"),
	                 1);
	ck_assert_int_eq(count(path, "SELECT touched FROM stat_touch WHERE day = '2026-03-03'"), 1);
	long long before = count(path, "SELECT sum(k_sessions) + sum(sessions) FROM stat_day WHERE "
	                               "day <= '2026-03-03'");
	/* Saved late (from the queue after a crash) for a published day. */
	struct session_record late = record("2026-03-02", STAGE_RESULT, 90, END_FINISHED);
	store_save(s, &late);
	store_touch(s, "2026-03-03");
	ck_assert_int_eq(count(path, "SELECT sum(k_sessions) + sum(sessions) FROM stat_day WHERE "
	                             "day <= '2026-03-03'"),
	                 before);
	ck_assert_int_eq(count(path, "SELECT sessions FROM stat_day WHERE day = '2026-03-04'"), 1);
	ck_assert_int_eq(count(path, "SELECT count(*) FROM stat_answer WHERE day = '2026-03-04'"),
	                 2);
	ck_assert_int_eq(count(path, "SELECT finished FROM stat_item WHERE day = '2026-03-04' AND "
	                             "question = 'q1'"),
	                 1);
	ck_assert_int_eq(count(path, "SELECT touched FROM stat_touch WHERE day = '2026-03-04'"), 1);
	ck_assert_int_eq(count(path, "SELECT count(*) FROM session WHERE day = '2026-03-02'"), 4);
	/* Every session has its record key; keys are not all alike. */
	ck_assert_int_eq(count(path, "SELECT count(DISTINCT rkey) FROM session"), 6);
	store_destroy(s);
}
END_TEST

int main(void)
{
	Suite *su = suite_create("store");
	TCase *tc = tcase_create("store");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_save_and_summary);
	tcase_add_test(tc, test_batches_close_and_never_change);
	tcase_add_test(tc, test_ids_are_cleaned);
	tcase_add_test(tc, test_read_only);
	tcase_add_test(tc, test_disk_full);
	tcase_add_test(tc, test_locked);
	tcase_add_test(tc, test_touch_waits_for_a_busy_file);
	tcase_add_test(tc, test_io_error);
	tcase_add_test(tc, test_missing_directory_then_created);
	tcase_add_test(tc, test_read_only_file_at_open);
	tcase_add_test(tc, test_queue_is_bounded);
	tcase_add_test(tc, test_garbage_file_is_kept_aside);
	tcase_add_test(tc, test_damaged_pages_are_kept_aside);
	tcase_add_test(tc, test_retention);
	tcase_add_test(tc, test_refused_record_is_dropped);
	tcase_add_test(tc, test_label_and_migration);
	tcase_add_test(tc, test_destroy_null);
	tcase_add_test(tc, test_store_makes_ids_and_keeps_chapter_answers);
	tcase_add_test(tc, test_migration_from_v4);
	suite_add_tcase(su, tc);
	return check_main(su);
}
