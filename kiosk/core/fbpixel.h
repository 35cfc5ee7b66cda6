/* Pixels for a bare framebuffer device (/dev/fbN): a row of 0xAARRGGBB
 * packed into the device's own format, as FBIOGET_VSCREENINFO describes it
 * (bits per pixel, and each colour's offset and length). Pure: no device,
 * no SDL (platform/fbdev.c opens and maps the device). */
#ifndef KIOSK_CORE_FBPIXEL_H
#define KIOSK_CORE_FBPIXEL_H

#include <stdbool.h>
#include <stdint.h>

struct fbpixel_format {
	int bits; /* per pixel: 16, 24 or 32 */
	int red_off, red_len, green_off, green_len, blue_off, blue_len;
};

/* Whether the format can be packed (16, 24 or 32 bits, each colour 1-8
 * bits wide and inside the pixel). */
bool fbpixel_supported(const struct fbpixel_format *f);
/* N pixels of SRC (0xAARRGGBB, alpha ignored) into DST, in F's format,
 * little-endian as the device's memory holds them. */
void fbpixel_pack_row(uint8_t *dst, const uint32_t *src, int n, const struct fbpixel_format *f);

#endif
