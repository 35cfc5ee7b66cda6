/* Contrast of every text colour on every background the screens draw
 * (screens/theme.c), in the normal theme (WCAG 2.2 AA, 4.5:1) and in the
 * high-contrast theme (AAA, 7:1). Prints each ratio. */
#include <check.h>

#include "check_main.h"

#include <stdio.h>

#include "core/a11y.h"
#include "platform/gfx.h"
#include "screens/ui.h"

START_TEST(test_pairs_normal)
{
	const struct ui_pair *p = &ui_pairs[_i];
	double c = a11y_contrast(p->text, p->bg);
	printf("contrast %-28s %5.2f:1\n", p->what, c);
	ck_assert_msg(c >= A11Y_TEXT_MIN, "%s: %.2f:1 (#%08X on #%08X) is below 4.5:1", p->what, c,
	              p->text, p->bg);
}
END_TEST

START_TEST(test_pairs_high_contrast)
{
	const struct ui_pair *p = &ui_pairs[_i];
	const struct gfx_theme *t = &ui_high_contrast;
	Uint32 fg = gfx_map(t->text, t->n_text, p->text);
	Uint32 bg = gfx_map(t->fill, t->n_fill, p->bg);
	double c = a11y_contrast(fg, bg);
	printf("high contrast %-23s %5.2f:1\n", p->what, c);
	ck_assert_msg(c >= 7.0, "high contrast %s: %.2f:1 (#%08X on #%08X) is below 7:1", p->what,
	              c, fg, bg);
}
END_TEST

START_TEST(test_map_keeps_alpha)
{
	const struct gfx_theme *t = &ui_high_contrast;
	ck_assert_uint_eq(gfx_map(t->fill, t->n_fill, COL_BG), 0x000000FF);
	ck_assert_uint_eq(gfx_map(t->fill, t->n_fill, (COL_BG & ~0xFFu) | 0x40), 0x00000040);
	ck_assert_uint_eq(gfx_map(t->fill, t->n_fill, COL_WHITE), COL_WHITE); /* ticks, QR */
	ck_assert_uint_eq(gfx_map(t->text, t->n_text, COL_PRIMARY), 0xFFD400FF);
}
END_TEST

/* The attract screen's invitation pulses: white on the accent blended
 * over the dark blue at its faintest. */
START_TEST(test_pulse_at_its_faintest)
{
	Uint32 faint = a11y_blend((COL_ACCENT & ~0xFFu) | 165, COL_PRIMARY);
	double c = a11y_contrast(COL_WHITE, faint);
	printf("contrast attract invitation (faintest) %.2f:1\n", c);
	ck_assert(c >= A11Y_TEXT_MIN);
}
END_TEST

/* Captions: white on their band (black at 0xB8) over the brightest frame. */
START_TEST(test_captions_on_a_white_frame)
{
	Uint32 band = a11y_blend(RGBA(0, 0, 0, 0xB8), COL_WHITE);
	double c = a11y_contrast(COL_WHITE, band);
	printf("contrast captions over a white picture %.2f:1\n", c);
	ck_assert(c >= A11Y_TEXT_MIN);
}
END_TEST

static Suite *theme_suite(void)
{
	Suite *s = suite_create("theme");
	TCase *tc = tcase_create("contrast");
	tcase_add_loop_test(tc, test_pairs_normal, 0, ui_n_pairs);
	tcase_add_loop_test(tc, test_pairs_high_contrast, 0, ui_n_pairs);
	tcase_add_test(tc, test_map_keeps_alpha);
	tcase_add_test(tc, test_pulse_at_its_faintest);
	tcase_add_test(tc, test_captions_on_a_white_frame);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return check_main(theme_suite());
}
