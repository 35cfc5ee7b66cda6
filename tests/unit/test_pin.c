/* The trainer PIN's lockout (platform/pin.h): 5 wrong PINs lock the pad
 * for 60 s, then 120 s, 240 s..., across restarts; the right PIN resets. */
#include <check.h>

#include "check_main.h"
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "platform/pin.h"

static char dir[64], db[128], hash[crypto_pwhash_STRBYTES];

static void setup(void)
{
	snprintf(dir, sizeof dir, "/tmp/test-pin-XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(db, sizeof db, "%s/kiosk.db", dir);
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
		pin_guard_load(&g, db); /* as if the kiosk restarted each time */
		ck_assert_int_eq(pin_guard_try(&g, hash, "111111", now), PIN_WRONG);
	}
}

START_TEST(test_lockout_doubles_across_restarts)
{
	struct pin_guard g;
	long long t = 1000000;
	pin_guard_load(&g, db);
	ck_assert_int_eq(pin_guard_wait(&g, t), 0);
	ck_assert_int_eq(pin_guard_try(&g, hash, "246813", t), PIN_OK);
	five_wrong(t);
	pin_guard_load(&g, db);
	ck_assert_int_eq(pin_guard_wait(&g, t), 60);
	ck_assert_int_eq(pin_guard_try(&g, hash, "246813", t + 59), PIN_LOCKED);
	five_wrong(t + 60);
	pin_guard_load(&g, db);
	ck_assert_int_eq(pin_guard_wait(&g, t + 60), 120);
	five_wrong(t + 180);
	pin_guard_load(&g, db);
	ck_assert_int_eq(pin_guard_wait(&g, t + 180), 240);
	ck_assert_int_eq(pin_guard_try(&g, hash, "246813", t + 420), PIN_OK);
	/* The right PIN starts the count again from 60 s. */
	five_wrong(t + 500);
	pin_guard_load(&g, db);
	ck_assert_int_eq(pin_guard_wait(&g, t + 500), 60);
}
END_TEST

START_TEST(test_four_wrong_do_not_lock)
{
	struct pin_guard g;
	pin_guard_load(&g, db);
	for (int i = 0; i < 4; i++)
		ck_assert_int_eq(pin_guard_try(&g, hash, "24681", 10), PIN_WRONG);
	ck_assert_int_eq(pin_guard_wait(&g, 10), 0);
	ck_assert_int_eq(pin_guard_try(&g, hash, "246813", 10), PIN_OK);
	ck_assert_int_eq(pin_guard_try(&g, "", "246813", 10), PIN_WRONG);
}
END_TEST

START_TEST(test_damaged_state_file)
{
	char p[160];
	snprintf(p, sizeof p, "%s.pin-lock", db);
	FILE *f = fopen(p, "w");
	fputs("garbage", f);
	fclose(f);
	struct pin_guard g;
	pin_guard_load(&g, db);
	ck_assert_int_eq(pin_guard_wait(&g, 10), 0);
	ck_assert_int_eq(g.failures, 0);
}
END_TEST

int main(void)
{
	Suite *su = suite_create("pin");
	TCase *tc = tcase_create("pin");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_lockout_doubles_across_restarts);
	tcase_add_test(tc, test_four_wrong_do_not_lock);
	tcase_add_test(tc, test_damaged_state_file);
	suite_add_tcase(su, tc);
	return check_main(su);
}
