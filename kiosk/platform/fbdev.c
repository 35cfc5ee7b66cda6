#include "platform/fbdev.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/fb.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <unistd.h>

#include "core/fbpixel.h"
#include "core/log.h"

struct fbdev {
	int fd;
	uint8_t *mem; /* the whole mapped memory */
	size_t len;
	uint8_t *first; /* the visible screen's first pixel */
	int w, h, line; /* pixels, pixels, bytes per line */
	struct fbpixel_format fmt;
};

struct fbdev *fbdev_open(const char *path)
{
	struct fb_var_screeninfo v;
	struct fb_fix_screeninfo fx;
	int fd = open(path, O_RDWR | O_CLOEXEC);
	if (fd < 0) {
		log_err("fbdev", "%s: %s", path, strerror(errno));
		return NULL;
	}
	if (ioctl(fd, FBIOGET_VSCREENINFO, &v) < 0 || ioctl(fd, FBIOGET_FSCREENINFO, &fx) < 0) {
		log_err("fbdev", "%s: not a framebuffer (%s)", path, strerror(errno));
		close(fd);
		return NULL;
	}
	struct fbpixel_format fmt = {
	    (int)v.bits_per_pixel, (int)v.red.offset,  (int)v.red.length,  (int)v.green.offset,
	    (int)v.green.length,   (int)v.blue.offset, (int)v.blue.length,
	};
	size_t need = (size_t)fx.line_length * (v.yoffset + v.yres);
	if (fx.type != FB_TYPE_PACKED_PIXELS ||
	    (fx.visual != FB_VISUAL_TRUECOLOR && fx.visual != FB_VISUAL_DIRECTCOLOR) ||
	    !fbpixel_supported(&fmt) || need > fx.smem_len ||
	    (size_t)(v.xoffset + v.xres) * (size_t)(fmt.bits / 8) > fx.line_length) {
		log_err("fbdev",
		        "%s: a pixel format the kiosk cannot draw (%u bits, red %u/%u, green "
		        "%u/%u, blue %u/%u, type %u, visual %u)",
		        path, v.bits_per_pixel, v.red.offset, v.red.length, v.green.offset,
		        v.green.length, v.blue.offset, v.blue.length, fx.type, fx.visual);
		close(fd);
		return NULL;
	}
	void *mem = mmap(NULL, fx.smem_len, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	if (mem == MAP_FAILED) {
		log_err("fbdev", "%s: mmap: %s", path, strerror(errno));
		close(fd);
		return NULL;
	}
	struct fbdev *f = calloc(1, sizeof(*f));
	if (!f) {
		munmap(mem, fx.smem_len);
		close(fd);
		return NULL;
	}
	f->fd = fd;
	f->mem = mem;
	f->len = fx.smem_len;
	f->first = f->mem + (size_t)v.yoffset * fx.line_length + (size_t)v.xoffset * (fmt.bits / 8);
	f->w = (int)v.xres;
	f->h = (int)v.yres;
	f->line = (int)fx.line_length;
	f->fmt = fmt;
	log_info("fbdev", "drawing on %s (%s, %dx%d, %d bits per pixel)", path, fx.id, f->w, f->h,
	         fmt.bits);
	return f;
}

void fbdev_size(const struct fbdev *f, int *w, int *h)
{
	*w = f->w;
	*h = f->h;
}

void fbdev_show(struct fbdev *f, const uint32_t *argb, int w, int h)
{
	int n = w < f->w ? w : f->w;
	int rows = h < f->h ? h : f->h;
	for (int y = 0; y < rows; y++)
		fbpixel_pack_row(f->first + (size_t)y * f->line, argb + (size_t)y * w, n, &f->fmt);
}

void fbdev_close(struct fbdev *f)
{
	if (!f)
		return;
	munmap(f->mem, f->len);
	close(f->fd);
	free(f);
}
