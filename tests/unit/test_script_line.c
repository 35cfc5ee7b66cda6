/* A script line's text: command and arguments, and the numbers a command
 * takes (kiosk/core/script_line.c; fuzzed by tests/fuzz/fuzz_script.c). */
#include "core/script_line.h"

#include <check.h>

#include "check_main.h"
#include <string.h>

START_TEST(test_split)
{
	char a[] = "  tap \t 0.5   0.25  \n", *cmd, *args;
	ck_assert(script_line_split(a, &cmd, &args));
	ck_assert_str_eq(cmd, "tap");
	ck_assert_str_eq(args, "0.5   0.25");
	char b[] = "quit-event", c[] = "   \n", d[] = "  # tap 0.5 0.5";
	ck_assert(script_line_split(b, &cmd, &args));
	ck_assert_str_eq(cmd, "quit-event");
	ck_assert_str_eq(args, "");
	ck_assert(!script_line_split(c, &cmd, &args));
	ck_assert(!script_line_split(d, &cmd, &args));
	char e[] = "press Faire le quiz final";
	ck_assert(script_line_split(e, &cmd, &args));
	ck_assert_str_eq(args, "Faire le quiz final");
}
END_TEST

START_TEST(test_floats)
{
	float v[4];
	ck_assert(script_floats("0.5 0.25", v, 2));
	ck_assert(v[0] == 0.5f && v[1] == 0.25f);
	ck_assert(script_floats("1e3", v, 1) && v[0] == 1000.0f);
	ck_assert(!script_floats("0.5", v, 2));       /* too few */
	ck_assert(!script_floats("0.5 0.5 1", v, 2)); /* too many */
	ck_assert(!script_floats("0.5x", v, 1));      /* not a number to the end */
	ck_assert(!script_floats("", v, 1));
	/* Never a time nor a place: these were cast to a long long. */
	ck_assert(!script_floats("nan", v, 1));
	ck_assert(!script_floats("inf", v, 1));
	ck_assert(!script_floats("-inf", v, 1));
	ck_assert(!script_floats("1e40", v, 1)); /* out of a float's range */
	ck_assert(1e30f > SCRIPT_MAX_MS);        /* finite, but refused by wait and hold */
}
END_TEST

int main(void)
{
	Suite *s = suite_create("script_line");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, test_split);
	tcase_add_test(tc, test_floats);
	suite_add_tcase(s, tc);
	return check_main(s);
}
