/* A bare framebuffer device (/dev/fbN: efifb, vesafb), for a display that
 * has no DRM driver, where neither cage nor SDL's kmsdrm can draw: the
 * kiosk draws offscreen and each presented frame is copied there
 * (gfx.c, with KIOSK_FBDEV set by kiosk-cage). Output only. */
#ifndef KIOSK_PLATFORM_FBDEV_H
#define KIOSK_PLATFORM_FBDEV_H

#include <stdint.h>

struct fbdev;

/* Opens and maps PATH; NULL on error (logged with the system's reason, or
 * the pixel format it cannot pack). */
struct fbdev *fbdev_open(const char *path);
/* The visible size in pixels. */
void fbdev_size(const struct fbdev *f, int *w, int *h);
/* A frame of W x H pixels (0xAARRGGBB, rows of W) onto the screen, cut to
 * the screen's size. */
void fbdev_show(struct fbdev *f, const uint32_t *argb, int w, int h);
void fbdev_close(struct fbdev *f);

#endif
