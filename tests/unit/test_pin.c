/* The trainer PIN's lockout (platform/pin.h): 5 wrong PINs lock the pad
 * for 60 s, then 120 s, 240 s..., across restarts; the right PIN resets.
 * It fails closed (issue 25): the state file deleted, truncated, spoiled,
 * replaced by a link or a FIFO, or forged open while the database's
 * witness says a lock runs keeps the pad locked; a lock's end is never
 * further than one lock's length, whatever the file or the clock says. */
#include <check.h>
#include <sqlite3.h>
#include <sys/stat.h>

#include "check_main.h"
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "platform/pin.h"

static char dir[64], db[128], lock_path[160], hash[crypto_pwhash_STRBYTES];

static void setup(void)
{
	snprintf(dir, sizeof dir, "/tmp/test-pin-XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(db, sizeof db, "%s/kiosk.db", dir);
	snprintf(lock_path, sizeof lock_path, "%s.pin-lock", db);
	/* The database exists, as the store makes it before any PIN. */
	sqlite3 *s = NULL;
	ck_assert_int_eq(sqlite3_open(db, &s), SQLITE_OK);
	ck_assert_int_eq(sqlite3_exec(s, "CREATE TABLE session (day TEXT)", NULL, NULL, NULL),
	                 SQLITE_OK);
	sqlite3_close(s);
	ck_assert_int_ge(sodium_init(), 0);
	/* The cheapest Argon2id parameters: the test checks the logic. */
	ck_assert_int_eq(crypto_pwhash_str(hash, "246813", 6, crypto_pwhash_OPSLIMIT_MIN,
	                                   crypto_pwhash_MEMLIMIT_MIN),
	                 0);
}

static void teardown(void)
{
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	ck_assert_int_eq(system(cmd), 0);
}

static void five_wrong(long long now)
{
	struct pin_guard g;
	for (int i = 0; i < 5; i++) {
		pin_guard_load(&g, db, now); /* as if the kiosk restarted each time */
		ck_assert_int_eq(pin_guard_try(&g, hash, "111111", now), PIN_WRONG);
	}
}

START_TEST(test_lockout_doubles_across_restarts)
{
	struct pin_guard g;
	long long t = 1000000;
	pin_guard_load(&g, db, t);
	ck_assert_int_eq(pin_guard_wait(&g, t), 0);
	ck_assert_int_eq(pin_guard_try(&g, hash, "246813", t), PIN_OK);
	five_wrong(t);
	pin_guard_load(&g, db, t);
	ck_assert_int_eq(pin_guard_wait(&g, t), 60);
	ck_assert_int_eq(pin_guard_try(&g, hash, "246813", t + 59), PIN_LOCKED);
	five_wrong(t + 60);
	pin_guard_load(&g, db, t + 60);
	ck_assert_int_eq(pin_guard_wait(&g, t + 60), 120);
	five_wrong(t + 180);
	pin_guard_load(&g, db, t + 180);
	ck_assert_int_eq(pin_guard_wait(&g, t + 180), 240);
	ck_assert_int_eq(pin_guard_try(&g, hash, "246813", t + 420), PIN_OK);
	/* The right PIN starts the count again from 60 s. */
	five_wrong(t + 500);
	pin_guard_load(&g, db, t + 500);
	ck_assert_int_eq(pin_guard_wait(&g, t + 500), 60);
}
END_TEST

START_TEST(test_four_wrong_do_not_lock)
{
	struct pin_guard g;
	pin_guard_load(&g, db, 10);
	for (int i = 0; i < 4; i++)
		ck_assert_int_eq(pin_guard_try(&g, hash, "24681", 10), PIN_WRONG);
	ck_assert_int_eq(pin_guard_wait(&g, 10), 0);
	ck_assert_int_eq(pin_guard_try(&g, hash, "246813", 10), PIN_OK);
	ck_assert_int_eq(pin_guard_try(&g, "", "246813", 10), PIN_WRONG);
}
END_TEST

static void put(const char *text)
{
	unlink(lock_path);
	FILE *f = fopen(lock_path, "w");
	ck_assert_ptr_nonnull(f);
	fputs(text, f);
	fclose(f);
}

static long long wait_after_load(long long now)
{
	struct pin_guard g;
	pin_guard_load(&g, db, now);
	return pin_guard_wait(&g, now);
}

/* The file spoiled during a lock (t + 60): still locked, for the base
 * delay at least; the file is written again, whole. */
START_TEST(test_spoiled_during_a_lock)
{
	long long t = 1000000;
	static const char *const spoil[] = {
	    "delete",
	    "",
	    "garbage",
	    "failures 0 locks 0 until 0 and more\n",
	    "failures 0 locks 0 until -5\n",
	    "failures 9 locks 99 until 0\n",
	    "link",
	    "fifo",
	    "big",
	    "group-writable",
	    "other-owner",
	};
	for (size_t i = 0; i < sizeof spoil / sizeof *spoil; i++) {
		five_wrong(t);
		ck_assert_int_eq(wait_after_load(t + 10), 50);
		const char *how = spoil[i];
		if (!strcmp(how, "delete")) {
			unlink(lock_path);
		} else if (!strcmp(how, "link")) {
			char other[200];
			snprintf(other, sizeof other, "%s/open", dir);
			FILE *f = fopen(other, "w");
			fputs("failures 0 locks 0 until 0\n", f);
			fclose(f);
			unlink(lock_path);
			ck_assert_int_eq(symlink(other, lock_path), 0);
		} else if (!strcmp(how, "fifo")) {
			unlink(lock_path);
			ck_assert_int_eq(mkfifo(lock_path, 0600), 0); /* must not hang */
		} else if (!strcmp(how, "big")) {
			char big[200];
			memset(big, ' ', sizeof big - 1);
			big[sizeof big - 1] = '\0';
			memcpy(big, "failures 0 locks 0 until 0\n", 27);
			put(big);
		} else if (!strcmp(how, "group-writable")) {
			put("failures 0 locks 0 until 0\n");
			ck_assert_int_eq(chmod(lock_path, 0664), 0);
		} else if (!strcmp(how, "other-owner")) {
			put("failures 0 locks 0 until 0\n");
			if (geteuid() == 0)
				ck_assert_int_eq(chown(lock_path, 65534, 65534), 0);
			else
				ck_assert_int_eq(chmod(lock_path, 0666), 0); /* as bad */
		} else {
			put(how);
		}
		ck_assert_msg(wait_after_load(t + 20) == 60, "%s: the pad opened", how);
		/* Written again, whole: the next load finds it as it was left. */
		struct stat st;
		ck_assert_int_eq(lstat(lock_path, &st), 0);
		ck_assert(S_ISREG(st.st_mode) && (st.st_mode & 077) == 0);
		ck_assert_int_eq(wait_after_load(t + 30), 50);
		/* Over once the minute has passed, and the right PIN opens. */
		struct pin_guard g;
		pin_guard_load(&g, db, t + 80);
		ck_assert_int_eq(pin_guard_try(&g, hash, "246813", t + 80), PIN_OK);
		t += 1000;
	}
}
END_TEST

/* Forged "open" with a valid text: the database's witness still locks. */
START_TEST(test_forged_open_state)
{
	long long t = 1000000;
	five_wrong(t);
	put("failures 0 locks 0 until 0\n");
	ck_assert_int_eq(wait_after_load(t + 10), 50);
	/* Nothing wrong typed since the last right PIN: a missing file is an
	 * open pad, and the count starts from the database's. */
	struct pin_guard g;
	pin_guard_load(&g, db, t + 60);
	ck_assert_int_eq(pin_guard_try(&g, hash, "246813", t + 60), PIN_OK);
	ck_assert_int_eq(pin_guard_try(&g, hash, "111111", t + 60), PIN_WRONG);
	unlink(lock_path);
	pin_guard_load(&g, db, t + 70);
	ck_assert_int_eq(pin_guard_wait(&g, t + 70), 0);
	ck_assert_int_eq(g.failures, 1);
}
END_TEST

/* A database that cannot be read and no file: locked for the base delay
 * (it cannot say no lock runs). */
START_TEST(test_unreadable_database)
{
	put("x");
	unlink(db);
	FILE *f = fopen(db, "w");
	fputs("not a database, but long enough to be taken for one by its size", f);
	fclose(f);
	unlink(lock_path);
	ck_assert_int_eq(wait_after_load(100), 60);
}
END_TEST

/* An end years ahead (a forged file, no witness to compare with) is one
 * lock's length at most. */
START_TEST(test_far_future)
{
	unlink(db);
	put("failures 0 locks 1 until 99999999999\n");
	ck_assert_int_eq(wait_after_load(1000), 60);
	put("failures 0 locks 0 until 99999999999\n");
	ck_assert_int_eq(wait_after_load(1000), 60);
	put("failures 0 locks 30 until 99999999999\n");
	ck_assert_int_eq(wait_after_load(1000), PIN_LOCK_MAX_S);
	/* The bound holds on a loaded state too (the file changed under it). */
	struct pin_guard g;
	pin_guard_load(&g, db, 1000);
	g.locked_until = 99999999999LL;
	ck_assert_int_eq(pin_guard_wait(&g, 1000), PIN_LOCK_MAX_S);
}
END_TEST

/* The clock set back a year during a lock: the wait is the lock's own
 * length, not a year more; set forward, the lock is over, but the count
 * of locks goes on (the next one is doubled). */
START_TEST(test_clock_jumps)
{
	long long t = 100000000, year = 365LL * 24 * 3600;
	five_wrong(t);      /* 60 s */
	five_wrong(t + 60); /* 120 s */
	ck_assert_int_eq(wait_after_load(t + 60), 120);
	ck_assert_int_eq(wait_after_load(t + 60 - year), 120);
	struct pin_guard g;
	pin_guard_load(&g, db, t + 60);
	ck_assert_int_eq(pin_guard_wait(&g, t + 60 - year), 120); /* while shown */
	ck_assert_int_eq(pin_guard_wait(&g, t + 60 - year + 100), 20);
	/* Forward: over, and the next lock is the third (240 s). */
	ck_assert_int_eq(wait_after_load(t + year), 0);
	five_wrong(t + year);
	ck_assert_int_eq(wait_after_load(t + year), 240);
}
END_TEST

int main(void)
{
	Suite *su = suite_create("pin");
	TCase *tc = tcase_create("pin");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_lockout_doubles_across_restarts);
	tcase_add_test(tc, test_four_wrong_do_not_lock);
	tcase_add_test(tc, test_spoiled_during_a_lock);
	tcase_add_test(tc, test_forged_open_state);
	tcase_add_test(tc, test_unreadable_database);
	tcase_add_test(tc, test_far_future);
	tcase_add_test(tc, test_clock_jumps);
	suite_add_tcase(su, tc);
	return check_main(su);
}
