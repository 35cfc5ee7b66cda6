/* The trainer screen's rule (core/trainer_view.h): two views, before and
 * after one more person, never differ by that person's result. */
#include <check.h>

#include "check_main.h"
#include <string.h>

#include "core/trainer_view.h"

static void same(const struct trainer_view *a, const struct trainer_view *b)
{
	ck_assert_str_eq(a->today, b->today);
	ck_assert_str_eq(a->sessions, b->sessions);
	ck_assert_str_eq(a->finished, b->finished);
	ck_assert_str_eq(a->passed, b->passed);
	ck_assert_str_eq(a->score, b->score);
}

/* The scenario: 5 sessions, 2 passed, 60 %; one more person scores
 * 0 % and fails (6, 2, 50 %). */
START_TEST(test_one_more_session_reveals_nothing)
{
	struct trainer_counts month = {40, 30, 36, 20, 2300};
	struct trainer_counts before = {5, 5, 5, 2, 300}, after = {6, 6, 6, 2, 300};
	struct trainer_view a, b;
	trainer_view_make(&before, "2024-04-01", &month, 5, &a);
	trainer_view_make(&after, "2024-04-01", &month, 5, &b);
	same(&a, &b);
	ck_assert_str_eq(a.today, "5 à 9");
	ck_assert_ptr_null(strstr(a.today, "60"));
	/* Every count from 0 to 200, each next to the one before: the view
	 * changes only when the count crosses a multiple of K, and then only
	 * the count of today. */
	for (int n = 0; n < 200; n++) {
		struct trainer_counts t0 = {n, n, n, n / 2, 50LL * n},
		                      t1 = {n + 1, n, n + 1, n / 2, 50LL * n};
		trainer_view_make(&t0, "2024-04-01", &month, 5, &a);
		trainer_view_make(&t1, "2024-04-01", &month, 5, &b);
		ck_assert_str_eq(a.sessions, b.sessions);
		ck_assert_str_eq(a.passed, b.passed);
		ck_assert_str_eq(a.score, b.score);
		if ((n + 1) % 5)
			ck_assert_str_eq(a.today, b.today);
	}
}
END_TEST

START_TEST(test_month_rates_need_k_on_both_sides)
{
	struct trainer_counts today = {0};
	struct trainer_view v;
	/* 8 sessions, 7 finished: 87.5 % would tell that one did not. */
	struct trainer_counts m = {8, 7, 8, 4, 480};
	trainer_view_make(&today, "2024-04-01", &m, 5, &v);
	ck_assert_str_eq(v.sessions, "8");
	ck_assert_ptr_nonnull(strstr(v.finished, "masqué"));
	ck_assert_ptr_nonnull(strstr(v.passed, "masqué"));
	ck_assert_str_eq(v.score, "60 %");
	struct trainer_counts m2 = {20, 10, 20, 12, 1300};
	trainer_view_make(&today, "2024-04-01", &m2, 5, &v);
	ck_assert_str_eq(v.finished, "50 %");
	ck_assert_str_eq(v.passed, "60 %");
	ck_assert_str_eq(v.score, "65 %");
	struct trainer_counts small = {4, 4, 4, 4, 400};
	trainer_view_make(&today, "2024-04-01", &small, 5, &v);
	ck_assert_str_eq(v.sessions, "moins de 5");
	ck_assert_str_eq(v.today, "moins de 5");
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
	tcase_add_test(tc, test_one_more_session_reveals_nothing);
	tcase_add_test(tc, test_month_rates_need_k_on_both_sides);
	tcase_add_test(tc, test_last_whole_month);
	suite_add_tcase(su, tc);
	return check_main(su);
}
