#include "platform/present.h"
#include "core/log.h"

#include <SDL_syswm.h>
#include <stdlib.h>
#include <wayland-client.h>

enum { MAX_OUTSTANDING = 8 };

struct present {
	struct wl_display *display;
	struct wl_event_queue *queue;
	struct wl_surface *surface; /* a wrapper of SDL's surface, on our queue */
	struct wl_callback *outstanding[MAX_OUTSTANDING];
	unsigned done;
};

static void handle_done(void *data, struct wl_callback *cb, uint32_t time)
{
	(void)time;
	struct present *p = data;
	for (int i = 0; i < MAX_OUTSTANDING; i++)
		if (p->outstanding[i] == cb)
			p->outstanding[i] = NULL;
	wl_callback_destroy(cb);
	p->done++;
}

static const struct wl_callback_listener frame_listener = {handle_done};

struct present *present_create(SDL_Window *w)
{
	SDL_SysWMinfo info;
	SDL_VERSION(&info.version);
	if (!SDL_GetWindowWMInfo(w, &info) || info.subsystem != SDL_SYSWM_WAYLAND)
		return NULL;
	struct present *p = calloc(1, sizeof(*p));
	if (!p) {
		log_err("gfx", "out of memory");
		return NULL;
	}
	p->display = info.info.wl.display;
	p->queue = wl_display_create_queue(p->display);
	p->surface = p->queue ? wl_proxy_create_wrapper(info.info.wl.surface) : NULL;
	if (!p->surface) {
		log_err("gfx", "cannot follow the Wayland surface's frames");
		present_destroy(p);
		return NULL;
	}
	wl_proxy_set_queue((struct wl_proxy *)p->surface, p->queue);
	return p;
}

bool present_request(struct present *p)
{
	for (int i = 0; i < MAX_OUTSTANDING; i++) {
		if (p->outstanding[i])
			continue;
		/* Sent before SDL's eglSwapBuffers commits the surface, so it
		 * belongs to that commit's frame. */
		p->outstanding[i] = wl_surface_frame(p->surface);
		if (!p->outstanding[i])
			return false;
		wl_callback_add_listener(p->outstanding[i], &frame_listener, p);
		return true;
	}
	return false;
}

unsigned present_poll(struct present *p)
{
	wl_display_dispatch_queue_pending(p->display, p->queue);
	unsigned n = p->done;
	p->done = 0;
	return n;
}

void present_destroy(struct present *p)
{
	if (!p)
		return;
	for (int i = 0; i < MAX_OUTSTANDING; i++)
		if (p->outstanding[i])
			wl_callback_destroy(p->outstanding[i]);
	if (p->surface)
		wl_proxy_wrapper_destroy(p->surface);
	if (p->queue)
		wl_event_queue_destroy(p->queue);
	free(p);
}
