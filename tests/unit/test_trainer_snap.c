/* The « Aujourd'hui » page's rule (core/trainer_snap.h): two views around
 * one person show the same figures; a bar moves only by K or more. */
#include <check.h>
#include <string.h>

#include "check_main.h"
#include "core/trainer_snap.h"

static struct trainer_snap fresh(const char *day, long long sessions, long long answered,
                                 long long right)
{
	struct trainer_snap s = {.sessions = sessions, .n = 1};
	strcpy(s.day, day);
	strcpy(s.bars[0].id, "q1");
	s.bars[0].question = true;
	s.bars[0].base = answered;
	s.bars[0].part = right;
	return s;
}

START_TEST(test_one_person_changes_nothing)
{
	struct trainer_snap shown = {0};
	struct trainer_snap f = fresh("2024-03-12", 4, 4, 2);
	trainer_snap_update(&shown, &f, 5);
	ck_assert_int_eq(shown.sessions, 0);
	ck_assert_ptr_null(trainer_snap_find(&shown, true, "q1")); /* under K: not shown */
	f = fresh("2024-03-12", 5, 5, 2);
	ck_assert(trainer_snap_update(&shown, &f, 5));
	ck_assert_int_eq(shown.sessions, 5);
	const struct snap_bar *b = trainer_snap_find(&shown, true, "q1");
	ck_assert_ptr_nonnull(b);
	ck_assert_int_eq(b->part, 2);
	/* The scenario: one more person, who failed. */
	f = fresh("2024-03-12", 6, 6, 2);
	ck_assert(!trainer_snap_update(&shown, &f, 5));
	ck_assert_int_eq(shown.sessions, 5);
	ck_assert_int_eq(trainer_snap_find(&shown, true, "q1")->base, 5);
	f = fresh("2024-03-12", 9, 9, 3);
	ck_assert(!trainer_snap_update(&shown, &f, 5));
	/* Five more than shown: the figures move, by five people at once. */
	f = fresh("2024-03-12", 10, 10, 6);
	ck_assert(trainer_snap_update(&shown, &f, 5));
	ck_assert_int_eq(shown.sessions, 10);
	ck_assert_int_eq(trainer_snap_find(&shown, true, "q1")->part, 6);
}
END_TEST

START_TEST(test_bars_move_on_their_own_base)
{
	struct trainer_snap shown = {0};
	struct trainer_snap f = fresh("2024-03-12", 10, 5, 5);
	trainer_snap_update(&shown, &f, 5);
	/* Five more sessions, but only one more answer to q1: q1 stays. */
	f = fresh("2024-03-12", 15, 6, 5);
	trainer_snap_update(&shown, &f, 5);
	ck_assert_int_eq(shown.sessions, 15);
	ck_assert_int_eq(trainer_snap_find(&shown, true, "q1")->base, 5);
}
END_TEST

START_TEST(test_new_day_starts_from_nothing)
{
	struct trainer_snap shown = {0};
	struct trainer_snap f = fresh("2024-03-12", 10, 10, 5);
	trainer_snap_update(&shown, &f, 5);
	f = fresh("2024-03-13", 2, 2, 1);
	ck_assert(trainer_snap_update(&shown, &f, 5));
	ck_assert_str_eq(shown.day, "2024-03-13");
	ck_assert_int_eq(shown.sessions, 0);
	ck_assert_int_eq(shown.n, 0);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("trainer_snap");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, test_one_person_changes_nothing);
	tcase_add_test(tc, test_bars_move_on_their_own_base);
	tcase_add_test(tc, test_new_day_starts_from_nothing);
	suite_add_tcase(s, tc);
	return check_main(s);
}
