/* Accessibility rules of the core: focus order, WCAG contrast, reach,
 * speech length and phrases. */
#include <check.h>

#include "check_main.h"

#include "core/a11y.h"
#include "core/content.h"

START_TEST(test_reading_order)
{
	/* A header row (back, language, A+) declared right to left, then a
	 * body column, then two buttons side by side at the bottom. */
	struct a11y_rect r[] = {
	    {900, 10, 80, 60},   /* 0 A+ */
	    {700, 10, 150, 60},  /* 1 language */
	    {10, 12, 150, 56},   /* 2 back */
	    {40, 200, 800, 90},  /* 3 choice 1 */
	    {40, 300, 800, 90},  /* 4 choice 2 */
	    {500, 600, 300, 80}, /* 5 right button */
	    {40, 610, 300, 60},  /* 6 left button, a bit lower */
	};
	int order[7];
	a11y_reading_order(r, 7, order);
	const int want[7] = {2, 1, 0, 3, 4, 6, 5};
	for (int i = 0; i < 7; i++)
		ck_assert_msg(order[i] == want[i], "position %d: %d, expected %d", i, order[i],
		              want[i]);
}
END_TEST

START_TEST(test_reading_order_empty_and_one)
{
	int order[1] = {-1};
	a11y_reading_order(NULL, 0, order);
	ck_assert_int_eq(order[0], -1);
	struct a11y_rect r = {0, 0, 10, 10};
	a11y_reading_order(&r, 1, order);
	ck_assert_int_eq(order[0], 0);
}
END_TEST

START_TEST(test_contrast_known_values)
{
	ck_assert_double_eq_tol(a11y_contrast(0x000000FF, 0xFFFFFFFF), 21.0, 0.01);
	ck_assert_double_eq_tol(a11y_contrast(0xFFFFFFFF, 0x000000FF), 21.0, 0.01);
	ck_assert_double_eq_tol(a11y_contrast(0x777777FF, 0x777777FF), 1.0, 0.001);
	/* #767676 on white is the classic 4.54:1 just over AA. */
	ck_assert_double_eq_tol(a11y_contrast(0x767676FF, 0xFFFFFFFF), 4.54, 0.01);
	ck_assert(a11y_contrast(0x777777FF, 0xFFFFFFFF) < A11Y_TEXT_MIN);
	/* Alpha is ignored by the ratio, used by the blend. */
	ck_assert_double_eq_tol(a11y_contrast(0x00000000, 0xFFFFFF00), 21.0, 0.01);
	ck_assert_uint_eq(a11y_blend(0x00000080, 0xFFFFFFFF), 0x7F7F7FFF);
	ck_assert_uint_eq(a11y_blend(0x123456FF, 0xFFFFFFFF), 0x123456FF);
	ck_assert_uint_eq(a11y_blend(0x12345600, 0xABCDEFFF), 0xABCDEFFF);
}
END_TEST

START_TEST(test_reach)
{
	/* 1.20 m on a 1.21 m screen whose bottom is at 0.72 m: 0.48 m up,
	 * so the zone starts 60.3 % down the screen. */
	ck_assert_int_eq(a11y_reach_top(1920), 1159);
	ck_assert(a11y_in_reach(1800, 100, 1920));
	ck_assert(a11y_in_reach(1110, 100, 1920));  /* centre 1160 */
	ck_assert(!a11y_in_reach(1100, 100, 1920)); /* centre 1150 */
	ck_assert(!a11y_in_reach(10, 100, 1920));   /* a header */
}
END_TEST

START_TEST(test_speech_length)
{
	ck_assert_int_eq(a11y_speech_ms(""), 500);
	ck_assert_int_eq(a11y_speech_ms(NULL), 500);
	/* 160 words a minute: 8 words are 3 s, and a pause for the full stop. */
	ck_assert_int_eq(a11y_speech_ms("one two three four five six seven eight."),
	                 3000 + 250 + 500);
	ck_assert_int_eq(a11y_speech_ms("  spaced \n  out  "), 2 * 60000 / 160 + 500);
}
END_TEST

START_TEST(test_phrases)
{
	for (int p = 0; p < A11Y_PHRASE_COUNT; p++)
		for (int l = 0; l < LANG_MAX; l++)
			ck_assert_msg(a11y_phrase(p, l) && *a11y_phrase(p, l), "phrase %d lang %d",
			              p, l);
	ck_assert_str_eq(a11y_phrase(A11Y_READ_ALOUD, LANG_FR), "Lecture à voix haute");
	ck_assert_str_eq(a11y_phrase(A11Y_READ_ALOUD, LANG_DE), "Vorlesen");
	ck_assert_str_eq(a11y_phrase(A11Y_READ_ALOUD, 99), "Read aloud");
	ck_assert_str_eq(a11y_phrase(A11Y_PHRASE_COUNT, LANG_FR), "");
}
END_TEST

static Suite *a11y_suite(void)
{
	Suite *s = suite_create("a11y");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, test_reading_order);
	tcase_add_test(tc, test_reading_order_empty_and_one);
	tcase_add_test(tc, test_contrast_known_values);
	tcase_add_test(tc, test_reach);
	tcase_add_test(tc, test_speech_length);
	tcase_add_test(tc, test_phrases);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return check_main(a11y_suite());
}
