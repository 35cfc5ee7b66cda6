/* The trainer screen's count of today (core/trainer_view.h): two views,
 * before and after one more person, differ only when the count crosses a
 * multiple of K, and never by a result. */
#include <check.h>
#include <string.h>

#include "check_main.h"
#include "core/trainer_view.h"

START_TEST(test_today_is_rounded)
{
	char a[64], b[64];
	trainer_view_today(5, 5, a, sizeof a);
	ck_assert_str_eq(a, "5 à 9");
	trainer_view_today(4, 5, a, sizeof a);
	ck_assert_str_eq(a, "moins de 5");
	trainer_view_today(33, 5, a, sizeof a);
	ck_assert_str_eq(a, "30 à 34");
	for (long long n = 0; n < 200; n++) {
		trainer_view_today(n, 5, a, sizeof a);
		trainer_view_today(n + 1, 5, b, sizeof b);
		if ((n + 1) % 5)
			ck_assert_str_eq(a, b);
		else
			ck_assert_str_ne(a, b);
	}
	trainer_view_today(3, 0, a, sizeof a); /* K below 1 is taken as 1 */
	ck_assert_str_eq(a, "3 à 3");
}
END_TEST

START_TEST(test_last_whole_month)
{
	char a[11], b[11];
	trainer_view_month("2024-03-15", a, b);
	ck_assert_str_eq(a, "2024-02-01");
	ck_assert_str_eq(b, "2024-02-29");
	trainer_view_month("2024-01-02", a, b);
	ck_assert_str_eq(a, "2023-12-01");
	ck_assert_str_eq(b, "2023-12-31");
	trainer_view_month("2023-03-01", a, b);
	ck_assert_str_eq(b, "2023-02-28");
}
END_TEST

int main(void)
{
	Suite *su = suite_create("trainer_view");
	TCase *tc = tcase_create("trainer_view");
	tcase_add_test(tc, test_today_is_rounded);
	tcase_add_test(tc, test_last_whole_month);
	suite_add_tcase(su, tc);
	return check_main(su);
}
