/* Opening hours: parsing, open_at, and the blank/wake state machine driven by
 * a fake clock (weekday + second of the day, and a monotonic ms counter). */
#include "core/hours.h"

#include <check.h>

#include "check_main.h"
#include <limits.h>
#include <string.h>

#define HM(h, m) ((h)*3600 + (m)*60)
enum { MON = 0, TUE, WED, THU, FRI, SAT, SUN };

static struct hours week(void)
{
	struct hours h;
	char err[200];
	int col;
	hours_init_closed(&h);
	ck_assert(hours_parse_day(&h, MON, "08:00-12:00,13:30-18:00", err, sizeof(err), &col));
	ck_assert(hours_parse_day(&h, TUE, " 09:00 - 17:00 ", err, sizeof(err), &col));
	ck_assert(hours_parse_day(&h, SAT, "", err, sizeof(err), &col));
	ck_assert(hours_parse_day(&h, SUN, NULL, err, sizeof(err), &col));
	return h;
}

START_TEST(test_weekday_names)
{
	ck_assert_int_eq(hours_weekday_from_name("mon"), 0);
	ck_assert_int_eq(hours_weekday_from_name("Sun"), 6);
	ck_assert_int_eq(hours_weekday_from_name("wednesday"), 2);
	ck_assert_int_eq(hours_weekday_from_name("lun"), -1);
	ck_assert_int_eq(hours_weekday_from_name(NULL), -1);
}
END_TEST

START_TEST(test_open_at)
{
	struct hours h = week();
	static const struct {
		int day, minute;
		bool open;
	} cases[] = {
	    {MON, 7 * 60 + 59, false}, {MON, 8 * 60, true},       {MON, 11 * 60 + 59, true},
	    {MON, 12 * 60, false},     {MON, 13 * 60 + 30, true}, {MON, 18 * 60, false},
	    {TUE, 9 * 60, true},       {TUE, 17 * 60, false},     {WED, 10 * 60, false},
	    {SAT, 10 * 60, false},     {SUN, 0, false},
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		ck_assert_msg(hours_open_at(&h, cases[i].day, cases[i].minute) == cases[i].open,
		              "case %zu: day %d minute %d", i, cases[i].day, cases[i].minute);
}
END_TEST

START_TEST(test_always_open)
{
	struct hours h;
	hours_init_always(&h);
	ck_assert(hours_open_at(&h, SUN, 3 * 60));
	ck_assert_int_eq(hours_minutes_to_change(&h, MON, 0), -1);
}
END_TEST

START_TEST(test_end_of_day)
{
	struct hours h;
	char err[200];
	int col;
	hours_init_closed(&h);
	ck_assert(hours_parse_day(&h, FRI, "20:00-24:00", err, sizeof(err), &col));
	ck_assert(hours_parse_day(&h, SAT, "00:00-02:00", err, sizeof(err), &col));
	ck_assert(hours_open_at(&h, FRI, 23 * 60 + 59));
	ck_assert(hours_open_at(&h, SAT, 0));
	ck_assert(!hours_open_at(&h, SAT, 2 * 60));
	/* From Friday 20:00 the next change is Saturday 02:00: 6 hours. */
	ck_assert_int_eq(hours_minutes_to_change(&h, FRI, 20 * 60), 6 * 60);
}
END_TEST

START_TEST(test_parse_errors)
{
	static const struct {
		const char *text;
		int col;
		const char *says;
	} cases[] = {
	    {"8:00-12:00", 0, "expected an opening time HH:MM"},
	    {"08:00", 5, "expected '-'"},
	    {"08:00-25:00", 6, "expected a closing time"},
	    {"08:60-12:00", 0, "expected an opening time"},
	    {"24:00-24:00", 0, "expected an opening time"},
	    {"12:00-08:00", 0, "ends before it starts"},
	    {"22:00-02:00", 0, "past midnight"},
	    {"08:00-12:00;13:00-14:00", 11, "expected ','"},
	    {"08:00-12:00,11:00-14:00", 12, "overlaps"},
	    {"08:00-12:00,", 12, "expected an opening time"},
	    {"closed", 0, "expected an opening time"},
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct hours h;
		char err[200] = "";
		int col = -1;
		hours_init_closed(&h);
		ck_assert_msg(!hours_parse_day(&h, WED, cases[i].text, err, sizeof(err), &col),
		              "accepted \"%s\"", cases[i].text);
		ck_assert_msg(strstr(err, cases[i].says), "\"%s\": message \"%s\"", cases[i].text,
		              err);
		ck_assert_msg(!strncmp(err, "wed: ", 5), "message names the day: %s", err);
		ck_assert_int_eq(col, cases[i].col);
		ck_assert_int_eq(h.n_spans[WED], 0);
	}
}
END_TEST

START_TEST(test_too_many_spans)
{
	struct hours h;
	char err[200];
	int col;
	hours_init_closed(&h);
	ck_assert(!hours_parse_day(&h, MON,
	                           "01:00-01:10,02:00-02:10,03:00-03:10,04:00-04:10,05:00-05:10,"
	                           "06:00-06:10,07:00-07:10,08:00-08:10,09:00-09:10",
	                           err, sizeof(err), &col));
	ck_assert_ptr_nonnull(strstr(err, "more than 8"));
}
END_TEST

START_TEST(test_sleep_and_wake_on_schedule)
{
	struct hours h = week();
	struct hours_state s;
	char msg[120];
	unsigned long long now = 1000;
	hours_state_init(&s, 0);
	ck_assert_uint_eq(s.wake_ms, HOURS_WAKE_MS);

	/* Monday 07:00: closed, sleeping until 08:00, logged once. */
	struct hours_time t = {MON, HM(7, 0)};
	ck_assert(hours_state_update(&s, &h, t, now, msg, sizeof(msg)));
	ck_assert_str_eq(msg, "closed: sleeping until 08:00");
	ck_assert(hours_state_update(&s, &h, t, now + 10, msg, sizeof(msg)));
	ck_assert_str_eq(msg, "");
	/* The loop may sleep a full hour: no CPU while closed. */
	ck_assert_uint_eq(hours_state_wait_ms(&s, &h, t, now), 3600u * 1000);
	t.second = HM(7, 59) + 30;
	ck_assert_uint_eq(hours_state_wait_ms(&s, &h, t, now), 30u * 1000);

	t.second = HM(8, 0);
	ck_assert(!hours_state_update(&s, &h, t, now, msg, sizeof(msg)));
	ck_assert_str_eq(msg, "open: opening hours began");

	/* Lunch break, then Monday evening: sleeps until Tuesday. */
	t.second = HM(12, 0);
	ck_assert(hours_state_update(&s, &h, t, now, msg, sizeof(msg)));
	ck_assert_str_eq(msg, "closed: sleeping until 13:30");
	t.second = HM(18, 0);
	ck_assert(!hours_state_update(&s, &h, (struct hours_time){MON, HM(14, 0)}, now, msg,
	                              sizeof(msg)));
	ck_assert(hours_state_update(&s, &h, t, now, msg, sizeof(msg)));
	ck_assert_str_eq(msg, "closed: sleeping until Tue 09:00");
	/* Tuesday 17:00 to the next Monday 08:00. */
	ck_assert(!hours_state_update(&s, &h, (struct hours_time){TUE, HM(10, 0)}, now, msg,
	                              sizeof(msg)));
	ck_assert(
	    hours_state_update(&s, &h, (struct hours_time){TUE, HM(17, 0)}, now, msg, sizeof(msg)));
	ck_assert_str_eq(msg, "closed: sleeping until Mon 08:00");
}
END_TEST

START_TEST(test_touch_wakes_without_activating)
{
	struct hours h = week();
	struct hours_state s;
	char msg[120];
	unsigned long long now = 50000;
	struct hours_time t = {SAT, HM(10, 0)};
	hours_state_init(&s, 5 * 60 * 1000);

	ck_assert(hours_state_update(&s, &h, t, now, msg, sizeof(msg)));
	/* The waking touch is swallowed: it must not press a button. */
	ck_assert(hours_state_touch(&s, &h, t, now));
	ck_assert(!hours_state_update(&s, &h, t, now, msg, sizeof(msg)));
	ck_assert_str_eq(msg, "woken by a touch");
	ck_assert_uint_eq(hours_state_wait_ms(&s, &h, t, now), 5u * 60 * 1000);

	/* While awake, touches work and keep it awake 5 more minutes. */
	now += 4 * 60 * 1000;
	t.second += 4 * 60;
	ck_assert(!hours_state_touch(&s, &h, t, now));
	now += 4 * 60 * 1000;
	t.second += 4 * 60;
	ck_assert(!hours_state_update(&s, &h, t, now, msg, sizeof(msg)));
	ck_assert_str_eq(msg, "");

	/* Five minutes after the last touch it sleeps again. */
	now += 60 * 1000;
	t.second += 60;
	ck_assert(hours_state_update(&s, &h, t, now, msg, sizeof(msg)));
	ck_assert_str_eq(msg, "closed: sleeping until Mon 08:00 (touch wake-up ended)");
	/* And the next touch is swallowed again. */
	ck_assert(hours_state_touch(&s, &h, t, now + 1));
}
END_TEST

START_TEST(test_touch_while_open_passes)
{
	struct hours h = week();
	struct hours_state s;
	struct hours_time t = {MON, HM(9, 0)};
	hours_state_init(&s, 0);
	ck_assert(!hours_state_update(&s, &h, t, 0, NULL, 0));
	ck_assert(!hours_state_touch(&s, &h, t, 0));
	ck_assert(!s.woken);
}
END_TEST

START_TEST(test_wake_ends_at_opening)
{
	struct hours h = week();
	struct hours_state s;
	char msg[120];
	hours_state_init(&s, 0);
	struct hours_time t = {MON, HM(7, 58)};
	ck_assert(hours_state_update(&s, &h, t, 0, msg, sizeof(msg)));
	ck_assert(hours_state_touch(&s, &h, t, 0));
	ck_assert(!hours_state_update(&s, &h, t, 0, msg, sizeof(msg)));
	/* The schedule opens at 08:00 before the wake ends: wait only until then. */
	ck_assert_uint_eq(hours_state_wait_ms(&s, &h, t, 0), 2u * 60 * 1000);
	t.second = HM(8, 0);
	ck_assert(!hours_state_update(&s, &h, t, 2 * 60 * 1000, msg, sizeof(msg)));
	ck_assert_str_eq(msg, "");
	ck_assert(!s.woken);
	/* Closing at 12:00 blanks at once: the old wake does not linger. */
	t.second = HM(12, 0);
	ck_assert(hours_state_update(&s, &h, t, 3 * 60 * 1000, msg, sizeof(msg)));
}
END_TEST

START_TEST(test_always_open_never_waits)
{
	struct hours h;
	struct hours_state s;
	char msg[64];
	hours_init_always(&h);
	hours_state_init(&s, 0);
	ck_assert(!hours_state_update(&s, &h, (struct hours_time){SUN, 0}, 0, msg, sizeof(msg)));
	ck_assert_str_eq(msg, "");
	ck_assert_uint_eq(hours_state_wait_ms(&s, &h, (struct hours_time){SUN, 0}, 0), UINT_MAX);
}
END_TEST

START_TEST(test_closed_all_week)
{
	struct hours h;
	struct hours_state s;
	char msg[80];
	hours_init_closed(&h);
	hours_state_init(&s, 0);
	ck_assert(
	    hours_state_update(&s, &h, (struct hours_time){WED, HM(12, 0)}, 0, msg, sizeof(msg)));
	ck_assert_str_eq(msg, "closed: sleeping no opening hours in the week");
}
END_TEST

START_TEST(test_time_from_tm)
{
	struct tm tm = {.tm_wday = 0, .tm_hour = 13, .tm_min = 30, .tm_sec = 60};
	struct hours_time t = hours_time_from_tm(&tm);
	ck_assert_int_eq(t.weekday, SUN);
	ck_assert_int_eq(t.second, HM(13, 30) + 59);
	tm.tm_wday = 1;
	ck_assert_int_eq(hours_time_from_tm(&tm).weekday, MON);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("hours");
	TCase *tc = tcase_create("hours");
	tcase_add_test(tc, test_weekday_names);
	tcase_add_test(tc, test_open_at);
	tcase_add_test(tc, test_always_open);
	tcase_add_test(tc, test_end_of_day);
	tcase_add_test(tc, test_parse_errors);
	tcase_add_test(tc, test_too_many_spans);
	tcase_add_test(tc, test_sleep_and_wake_on_schedule);
	tcase_add_test(tc, test_touch_wakes_without_activating);
	tcase_add_test(tc, test_touch_while_open_passes);
	tcase_add_test(tc, test_wake_ends_at_opening);
	tcase_add_test(tc, test_always_open_never_waits);
	tcase_add_test(tc, test_closed_all_week);
	tcase_add_test(tc, test_time_from_tm);
	suite_add_tcase(s, tc);
	return check_main(s);
}
