/* The trainer's bars (core/trainer_snap.h): a rate only when both its part
 * and the rest hold K sessions. */
#include <check.h>
#include <string.h>

#include "check_main.h"
#include "core/trainer_snap.h"

START_TEST(test_rate_needs_k_on_both_sides)
{
	struct snap_bar b = {.base = 10, .part = 5};
	ck_assert(trainer_snap_shown(&b, 5));
	ck_assert_int_eq(trainer_snap_pct(&b), 50);
	b.part = 6; /* 4 wrong: "60 %" would tell what those 4 did */
	ck_assert(!trainer_snap_shown(&b, 5));
	b.part = 4;
	ck_assert(!trainer_snap_shown(&b, 5));
	b = (struct snap_bar){.base = 48, .part = 48}; /* everyone: the rest is 0 */
	ck_assert(!trainer_snap_shown(&b, 5));
	b = (struct snap_bar){.base = 4, .part = 4};
	ck_assert(!trainer_snap_shown(&b, 1 + 4));
	ck_assert(!trainer_snap_shown(NULL, 5));
	b = (struct snap_bar){.base = 30, .part = 20};
	ck_assert_int_eq(trainer_snap_pct(&b), 67);
}
END_TEST

START_TEST(test_find)
{
	struct trainer_snap s = {.n = 2};
	strcpy(s.bars[0].id, "c1");
	strcpy(s.bars[1].id, "c1");
	s.bars[1].question = true;
	ck_assert_ptr_eq(trainer_snap_find(&s, true, "c1"), &s.bars[1]);
	ck_assert_ptr_eq(trainer_snap_find(&s, false, "c1"), &s.bars[0]);
	ck_assert_ptr_null(trainer_snap_find(&s, false, "c2"));
}
END_TEST

int main(void)
{
	Suite *s = suite_create("trainer_snap");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, test_rate_needs_k_on_both_sides);
	tcase_add_test(tc, test_find);
	suite_add_tcase(s, tc);
	return check_main(s);
}
