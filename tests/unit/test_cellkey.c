/* The cell-key perturbation (core/cellkey.h) as PRIVACY.md describes it:
 * the table's properties, checked row by row and over every key, and when a
 * day closes (core/batch.h). */
#include <check.h>

#include "check_main.h"
#include <math.h>
#include <stdbool.h>
#include <string.h>

#include "core/batch.h"
#include "core/cellkey.h"
#include "core/hours.h"
#include "report/report.h"

START_TEST(test_table_rows)
{
	for (long long n = 0; n <= 50; n++) {
		double sum = 0, mean = 0, var = 0;
		for (int d = -CELLKEY_MAX_DEV - 2; d <= CELLKEY_MAX_DEV + 2; d++) {
			double p = cellkey_probability(n, d);
			ck_assert(p >= 0);
			if (d < -CELLKEY_MAX_DEV || d > CELLKEY_MAX_DEV)
				ck_assert_msg(p == 0, "n=%lld: deviation %d beyond the bound", n,
				              d);
			if (n + d < 0)
				ck_assert_msg(p == 0, "n=%lld: could be published negative", n);
			sum += p;
			mean += p * d;
			var += p * d * d;
		}
		ck_assert_msg(fabs(sum - 1) < 1e-12, "n=%lld: row sums to %g", n, sum);
		ck_assert_msg(fabs(mean) < 1e-12, "n=%lld: mean %g", n, mean);
		if (n == 0)
			ck_assert(var == 0); /* zero stays zero: zero-mean and never negative */
		else
			ck_assert_msg(fabs(var - CELLKEY_VARIANCE) < 1e-12, "n=%lld: variance %g",
			              n, var);
	}
	/* 1 and 2 are never published as they are, and both can become 0. */
	ck_assert(cellkey_probability(1, 0) == 0);
	ck_assert(cellkey_probability(2, 0) == 0);
	ck_assert(cellkey_probability(1, -1) > 0);
	ck_assert(cellkey_probability(2, -2) > 0);
}
END_TEST

/* Keys spread over 2^32: the published counts follow the table, the same
 * (count, key) always gives the same count, and the bounds hold for each. */
START_TEST(test_lookup_follows_table)
{
	enum { STEPS = 1 << 16 };
	for (long long n = 0; n <= 4; n++) {
		long long seen[2 * CELLKEY_MAX_DEV + 1] = {0};
		for (unsigned i = 0; i < STEPS; i++) {
			uint32_t key = i * 65536u + 32768u;
			long long v = cellkey_count(n, key);
			int d = (int)(v - n);
			if (d < -CELLKEY_MAX_DEV || d > CELLKEY_MAX_DEV || v < 0 ||
			    v != cellkey_count(n, key))
				ck_abort_msg("n=%lld key=%u: published %lld", n, key, v);
			seen[d + CELLKEY_MAX_DEV]++;
		}
		for (int d = -CELLKEY_MAX_DEV; d <= CELLKEY_MAX_DEV; d++) {
			double got = (double)seen[d + CELLKEY_MAX_DEV] / STEPS;
			ck_assert_msg(fabs(got - cellkey_probability(n, d)) < 1e-4,
			              "n=%lld d=%d: %g of keys", n, d, got);
		}
	}
}
END_TEST

START_TEST(test_fold_is_additive)
{
	uint32_t a = 4000000000u, b = 300000000u, c = 123456789u;
	long long sum = (long long)a + b + c;
	ck_assert_uint_eq(cellkey_fold(sum), (uint32_t)(a + b + c));
	/* Two batches merged: the sum of their folded keys folds the same. */
	ck_assert_uint_eq(cellkey_fold((long long)cellkey_fold((long long)a + b) + c),
	                  cellkey_fold(sum));
}
END_TEST

START_TEST(test_sums_bounded)
{
	for (uint32_t key = 0; key < 100000; key += 7) {
		long long s = cellkey_sum(600, 10, 9, key * 2654435761u, 1, 100);
		/* m = half the mean (30): at most 2 m away, within 0..100 n'. */
		ck_assert(s >= 600 - 60 && s <= 600 + 60 && s <= 900);
		ck_assert_int_eq(s, cellkey_sum(600, 10, 9, key * 2654435761u, 1, 100));
	}
	ck_assert_int_eq(cellkey_sum(0, 0, 0, 5, 1, 100), 0);
	ck_assert_int_eq(cellkey_sum(500, 5, 0, 5, 1, 100), 0); /* no one published */
}
END_TEST

/* A part of a group of n sessions (passed of those who took the quiz...)
 * as the reports publish it (report_part), over keys spread across 2^32
 * (every band of the table is at least 5 % wide, 2^20 is far finer). */
static bool reachable(int c, int n, int p)
{
	for (uint32_t i = 0; i < 4096; i++)
		if (report_part(c, (long long)(i << 20), n) == p)
			return true;
	return false;
}

/* Every small cohort the reports can show (a group holds K = 5 sessions or
 * more: batches, pooled labels), every true count c of a yes/no figure in
 * it, every value it can be published as: someone who knows the group's
 * size (the trainer saw who stood there) and reads the published value
 * still finds it reachable from a count strictly between 0 and n, so no
 * person's answer is certain from it, "all failed" (a published 0) and
 * "all passed" (a published n) included. */
START_TEST(test_small_cohorts_exhaustive)
{
	int cases = 0;
	for (int n = 5; n <= 20; n++)
		for (int c = 0; c <= n; c++)
			for (int p = 0; p <= n + CELLKEY_MAX_DEV; p++) {
				if (!reachable(c, n, p))
					continue;
				bool deniable = false;
				for (int other = 1; other < n && !deniable; other++)
					deniable = reachable(other, n, p);
				ck_assert_msg(deniable,
				              "group of %d, %d yes, published %d: certain", n, c,
				              p);
				cases++;
			}
	ck_assert_int_gt(cases, 900);
}
END_TEST

static struct tm at(int year, int mon, int day, int hour, int min)
{
	struct tm t = {.tm_year = year - 1900,
	               .tm_mon = mon - 1,
	               .tm_mday = day,
	               .tm_hour = hour,
	               .tm_min = min,
	               .tm_isdst = -1};
	mktime(&t);
	return t;
}

START_TEST(test_day_closes_after_hours)
{
	struct hours h;
	hours_init_closed(&h);
	char err[100];
	int col;
	for (int d = 0; d < 5; d++)
		ck_assert(hours_parse_day(&h, d, "08:00-12:00,13:30-17:00", err, sizeof err, &col));
	char out[11];
	struct tm t = at(2026, 12, 7, 16, 59); /* a Monday, still open */
	batch_closed_through(&h, &t, out);
	ck_assert_str_eq(out, "2026-12-06");
	t = at(2026, 12, 7, 17, 0); /* the last span is over */
	batch_closed_through(&h, &t, out);
	ck_assert_str_eq(out, "2026-12-07");
	t = at(2026, 12, 6, 15, 0); /* Sunday, closed all day: midnight */
	batch_closed_through(&h, &t, out);
	ck_assert_str_eq(out, "2026-12-05");
	t = at(2027, 1, 1, 0, 30); /* always open: yesterday, across a year */
	batch_closed_through(NULL, &t, out);
	ck_assert_str_eq(out, "2026-12-31");
}
END_TEST

int main(void)
{
	Suite *s = suite_create("cellkey");
	TCase *tc = tcase_create("cellkey");
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_table_rows);
	tcase_add_test(tc, test_lookup_follows_table);
	tcase_add_test(tc, test_fold_is_additive);
	tcase_add_test(tc, test_sums_bounded);
	tcase_add_test(tc, test_small_cohorts_exhaustive);
	tcase_add_test(tc, test_day_closes_after_hours);
	suite_add_tcase(s, tc);
	return check_main(s);
}
