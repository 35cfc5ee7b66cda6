/* A bare framebuffer's pixel formats (efifb, vesafb: the out-of-order page
 * where no DRM driver exists): packing 0xAARRGGBB into them. */
#include "core/fbpixel.h"

#include <check.h>

#include "check_main.h"

static const struct fbpixel_format XRGB8888 = {32, 16, 8, 8, 8, 0, 8};
static const struct fbpixel_format XBGR8888 = {32, 0, 8, 8, 8, 16, 8};
static const struct fbpixel_format RGB888 = {24, 16, 8, 8, 8, 0, 8};
static const struct fbpixel_format RGB565 = {16, 11, 5, 5, 6, 0, 5};

START_TEST(test_xrgb8888_is_the_pixel_itself)
{
	uint32_t src[2] = {0xFF1D3557, 0x00F6F4EF};
	uint8_t dst[8];
	fbpixel_pack_row(dst, src, 2, &XRGB8888);
	/* Little-endian 0x001D3557: B, G, R, X (alpha dropped). */
	ck_assert_int_eq(dst[0], 0x57);
	ck_assert_int_eq(dst[1], 0x35);
	ck_assert_int_eq(dst[2], 0x1D);
	ck_assert_int_eq(dst[3], 0x00);
	ck_assert_int_eq(dst[4], 0xEF);
	ck_assert_int_eq(dst[5], 0xF4);
	ck_assert_int_eq(dst[6], 0xF6);
}
END_TEST

START_TEST(test_xbgr8888_swaps_red_and_blue)
{
	uint32_t src[1] = {0xFFD62839};
	uint8_t dst[4];
	fbpixel_pack_row(dst, src, 1, &XBGR8888);
	ck_assert_int_eq(dst[0], 0xD6);
	ck_assert_int_eq(dst[1], 0x28);
	ck_assert_int_eq(dst[2], 0x39);
}
END_TEST

START_TEST(test_rgb888_three_bytes)
{
	uint32_t src[2] = {0xFF112233, 0xFF445566};
	uint8_t dst[6];
	fbpixel_pack_row(dst, src, 2, &RGB888);
	const uint8_t want[6] = {0x33, 0x22, 0x11, 0x66, 0x55, 0x44};
	for (int i = 0; i < 6; i++)
		ck_assert_int_eq(dst[i], want[i]);
}
END_TEST

START_TEST(test_rgb565_keeps_the_top_bits)
{
	uint32_t src[3] = {0xFFFFFFFF, 0xFFFF0000, 0xFF0000FF};
	uint8_t dst[6];
	fbpixel_pack_row(dst, src, 3, &RGB565);
	ck_assert_int_eq(dst[0] | dst[1] << 8, 0xFFFF);
	ck_assert_int_eq(dst[2] | dst[3] << 8, 0xF800);
	ck_assert_int_eq(dst[4] | dst[5] << 8, 0x001F);
	/* 0x1D3557: red 0x1D >> 3 = 3, green 0x35 >> 2 = 13, blue 0x57 >> 3 = 10. */
	uint32_t navy = 0xFF1D3557;
	fbpixel_pack_row(dst, &navy, 1, &RGB565);
	ck_assert_int_eq(dst[0] | dst[1] << 8, 3 << 11 | 13 << 5 | 10);
}
END_TEST

START_TEST(test_supported_formats)
{
	ck_assert(fbpixel_supported(&XRGB8888));
	ck_assert(fbpixel_supported(&RGB888));
	ck_assert(fbpixel_supported(&RGB565));
	struct fbpixel_format pal8 = {8, 0, 8, 0, 8, 0, 8};
	ck_assert(!fbpixel_supported(&pal8));
	struct fbpixel_format wide = {32, 0, 10, 10, 10, 20, 10};
	ck_assert(!fbpixel_supported(&wide));
	struct fbpixel_format outside = {16, 12, 5, 5, 6, 0, 5};
	ck_assert(!fbpixel_supported(&outside));
}
END_TEST

int main(void)
{
	Suite *s = suite_create("fbpixel");
	TCase *tc = tcase_create("fbpixel");
	tcase_add_test(tc, test_xrgb8888_is_the_pixel_itself);
	tcase_add_test(tc, test_xbgr8888_swaps_red_and_blue);
	tcase_add_test(tc, test_rgb888_three_bytes);
	tcase_add_test(tc, test_rgb565_keeps_the_top_bits);
	tcase_add_test(tc, test_supported_formats);
	suite_add_tcase(s, tc);
	return check_main(s);
}
