#include "core/fbpixel.h"

static bool channel_ok(int off, int len, int bits)
{
	return len >= 1 && len <= 8 && off >= 0 && off + len <= bits;
}

bool fbpixel_supported(const struct fbpixel_format *f)
{
	return (f->bits == 16 || f->bits == 24 || f->bits == 32) &&
	       channel_ok(f->red_off, f->red_len, f->bits) &&
	       channel_ok(f->green_off, f->green_len, f->bits) &&
	       channel_ok(f->blue_off, f->blue_len, f->bits);
}

/* An 8-bit channel value kept to its LEN top bits, at OFF. */
static uint32_t place(uint32_t v8, int off, int len)
{
	return (v8 >> (8 - len)) << off;
}

void fbpixel_pack_row(uint8_t *dst, const uint32_t *src, int n, const struct fbpixel_format *f)
{
	int bytes = f->bits / 8;
	for (int i = 0; i < n; i++) {
		uint32_t p = src[i];
		uint32_t v = place((p >> 16) & 0xFF, f->red_off, f->red_len) |
		             place((p >> 8) & 0xFF, f->green_off, f->green_len) |
		             place(p & 0xFF, f->blue_off, f->blue_len);
		for (int b = 0; b < bytes; b++)
			dst[i * bytes + b] = (uint8_t)(v >> (8 * b));
	}
}
