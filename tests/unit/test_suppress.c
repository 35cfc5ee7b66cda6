/* Small-cell suppression rules, table-driven. */
#include <check.h>

#include "check_main.h"
#include <stdlib.h>
#include <string.h>

#include "core/session.h"
#include "core/suppress.h"

enum { MAXC = 8 };

struct part_case {
	const char *name;
	int k;
	int n;
	long long bases[MAXC];
	bool pre[MAXC];    /* hidden before the call */
	bool expect[MAXC]; /* hidden after */
	int expect_hidden;
};

static const struct part_case part_cases[] = {
    {"nothing small", 5, 3, {5, 9, 12}, {0}, {0, 0, 0}, 0},
    {"one small cell takes the next smallest", 5, 4, {3, 9, 6, 20}, {0}, {1, 0, 1, 0}, 2},
    {"two tiny cells still need k between them", 5, 4, {1, 1, 9, 6}, {0}, {1, 1, 0, 1}, 3},
    {"two small cells summing to k are enough", 5, 3, {2, 3, 40}, {0}, {1, 1, 0}, 2},
    {"empty cells are never used as cover", 5, 4, {2, 0, 0, 7}, {0}, {1, 0, 0, 1}, 2},
    {"all small: all hidden", 5, 3, {1, 2, 1}, {0}, {1, 1, 1}, 3},
    {"pre-hidden cell counts and pulls a partner", 5, 3, {8, 9, 30}, {1, 0, 0}, {1, 1, 0}, 2},
    {"k of 1 hides nothing", 1, 3, {1, 1, 1}, {0}, {0, 0, 0}, 0},
    {"single small cell alone", 5, 1, {3}, {0}, {1}, 1},
};

START_TEST(test_partition)
{
	const struct part_case *c = &part_cases[_i];
	bool hidden[MAXC];
	memcpy(hidden, c->pre, sizeof hidden);
	int got = suppress_partition(c->bases, hidden, c->n, c->k);
	ck_assert_msg(got == c->expect_hidden, "%s: %d hidden, expected %d", c->name, got,
	              c->expect_hidden);
	long long total = 0, hidden_sum = 0;
	for (int i = 0; i < c->n; i++) {
		ck_assert_msg(hidden[i] == c->expect[i], "%s: cell %d", c->name, i);
		total += c->bases[i];
		hidden_sum += hidden[i] ? c->bases[i] : 0;
	}
	/* The property the rule exists for: what the total gives away about
	 * the hidden cells is never a small number, unless the total itself
	 * is hidden. */
	if (got > 0 && !suppress_total(total, c->k))
		ck_assert_msg(hidden_sum >= c->k || hidden_sum == total, "%s", c->name);
}
END_TEST

START_TEST(test_small)
{
	ck_assert(!suppress_small(0, 5));
	ck_assert(suppress_small(1, 5));
	ck_assert(suppress_small(4, 5));
	ck_assert(!suppress_small(5, 5));
	ck_assert(!suppress_total(0, 5));
	ck_assert(suppress_total(4, 5));
}
END_TEST

/* Exhaustive check over small partitions: no shown figure plus the total
 * ever reveals a hidden cell's exact small value. */
START_TEST(test_partition_exhaustive)
{
	const int k = 5;
	for (int a = 0; a < 9; a++)
		for (int b = 0; b < 9; b++)
			for (int c = 0; c < 9; c++) {
				long long bases[3] = {a, b, c};
				bool hidden[3] = {0};
				int n = suppress_partition(bases, hidden, 3, k);
				long long total = a + b + c, hs = 0;
				for (int i = 0; i < 3; i++) {
					if (!hidden[i] && bases[i] > 0)
						ck_assert_int_ge(bases[i], k);
					hs += hidden[i] ? bases[i] : 0;
				}
				ck_assert(n != 1 || suppress_total(total, k));
				if (n > 0 && !suppress_total(total, k))
					ck_assert(hs >= k);
			}
}
END_TEST

START_TEST(test_chain)
{
	/* 40 reached home, 38 a chapter: the 2 who stopped must not show. */
	long long c[] = {40, 38, 30, 30, 12};
	bool h[5] = {0};
	ck_assert_int_eq(suppress_chain(c, h, 5, 5), 1);
	ck_assert(!h[0] && h[1] && !h[2] && !h[3] && !h[4]);
	/* Drops between shown steps are never small. */
	long long d[] = {20, 19, 17, 3, 0};
	bool g[5] = {0};
	suppress_chain(d, g, 5, 5);
	ck_assert(!g[0] && g[1] && g[2] && g[3] && !g[4]);
	long long prev = -1;
	for (int i = 0; i < 5; i++)
		if (!g[i]) {
			if (prev >= 0)
				ck_assert(!suppress_small(prev - d[i], 5));
			prev = d[i];
		}
}
END_TEST

START_TEST(test_round_duration)
{
	ck_assert_int_eq(session_round_duration(0), 0);
	ck_assert_int_eq(session_round_duration(-5), 0);
	ck_assert_int_eq(session_round_duration(14999), 0);
	ck_assert_int_eq(session_round_duration(15000), 30);
	ck_assert_int_eq(session_round_duration(44999), 30);
	ck_assert_int_eq(session_round_duration(45000), 60);
	ck_assert_int_eq(session_round_duration(10LL * 3600 * 1000), 14400);
}
END_TEST

START_TEST(test_new_id)
{
	char a[SESSION_ID_LEN + 1], b[SESSION_ID_LEN + 1];
	ck_assert_int_eq(session_new_id(a), 0);
	ck_assert_int_eq(session_new_id(b), 0);
	ck_assert_uint_eq(strlen(a), SESSION_ID_LEN);
	ck_assert_uint_eq(strspn(a, "0123456789abcdef"), SESSION_ID_LEN);
	ck_assert_str_ne(a, b);
	ck_assert_str_eq(session_stage_name(STAGE_RESULT), "result");
	ck_assert_str_eq(session_end_name(END_TIMED_OUT), "timed-out");
}
END_TEST

int main(void)
{
	Suite *s = suite_create("suppress");
	TCase *tc = tcase_create("core");
	tcase_add_loop_test(tc, test_partition, 0, (int)(sizeof part_cases / sizeof part_cases[0]));
	tcase_add_test(tc, test_small);
	tcase_add_test(tc, test_partition_exhaustive);
	tcase_add_test(tc, test_chain);
	tcase_add_test(tc, test_round_duration);
	tcase_add_test(tc, test_new_id);
	suite_add_tcase(s, tc);
	return check_main(s);
}
