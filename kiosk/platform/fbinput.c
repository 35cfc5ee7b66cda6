#include "platform/fbinput.h"

#include <SDL.h>
#include <errno.h>
#include <fcntl.h>
#include <libinput.h>
#include <libudev.h>
#include <linux/input-event-codes.h>
#include <poll.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/log.h"

struct fbinput {
	struct udev *udev;
	struct libinput *li;
	SDL_Thread *thread;
	int quit[2]; /* a pipe: written to stop the thread */
	int w, h;
	double px, py;        /* the pointer, in pixels */
	float tx[10], ty[10]; /* each touch slot's last position, 0..1 */
	SDL_Keymod mod;
};

/* Read-only: the unit grants read access to input devices only (libinput
 * asks for read-write, for keyboard LEDs). */
static int open_restricted(const char *path, int flags, void *data)
{
	(void)data;
	int fd = open(path, (flags & ~(O_RDWR | O_WRONLY)) | O_RDONLY | O_CLOEXEC);
	return fd < 0 ? -errno : fd;
}

static void close_restricted(int fd, void *data)
{
	(void)data;
	close(fd);
}

static const struct libinput_interface iface = {open_restricted, close_restricted};

/* The keys the kiosk's screens and the focus take, by evdev code. */
static const struct {
	unsigned code;
	SDL_Scancode sc;
} keys[] = {
    {KEY_TAB, SDL_SCANCODE_TAB},
    {KEY_ENTER, SDL_SCANCODE_RETURN},
    {KEY_KPENTER, SDL_SCANCODE_RETURN},
    {KEY_SPACE, SDL_SCANCODE_SPACE},
    {KEY_ESC, SDL_SCANCODE_ESCAPE},
    {KEY_BACKSPACE, SDL_SCANCODE_BACKSPACE},
    {KEY_DELETE, SDL_SCANCODE_DELETE},
    {KEY_UP, SDL_SCANCODE_UP},
    {KEY_DOWN, SDL_SCANCODE_DOWN},
    {KEY_LEFT, SDL_SCANCODE_LEFT},
    {KEY_RIGHT, SDL_SCANCODE_RIGHT},
    {KEY_HOME, SDL_SCANCODE_HOME},
    {KEY_END, SDL_SCANCODE_END},
    {KEY_PAGEUP, SDL_SCANCODE_PAGEUP},
    {KEY_PAGEDOWN, SDL_SCANCODE_PAGEDOWN},
    {KEY_1, SDL_SCANCODE_1},
    {KEY_2, SDL_SCANCODE_2},
    {KEY_3, SDL_SCANCODE_3},
    {KEY_4, SDL_SCANCODE_4},
    {KEY_5, SDL_SCANCODE_5},
    {KEY_6, SDL_SCANCODE_6},
    {KEY_7, SDL_SCANCODE_7},
    {KEY_8, SDL_SCANCODE_8},
    {KEY_9, SDL_SCANCODE_9},
    {KEY_0, SDL_SCANCODE_0},
    {KEY_KP1, SDL_SCANCODE_KP_1},
    {KEY_KP2, SDL_SCANCODE_KP_2},
    {KEY_KP3, SDL_SCANCODE_KP_3},
    {KEY_KP4, SDL_SCANCODE_KP_4},
    {KEY_KP5, SDL_SCANCODE_KP_5},
    {KEY_KP6, SDL_SCANCODE_KP_6},
    {KEY_KP7, SDL_SCANCODE_KP_7},
    {KEY_KP8, SDL_SCANCODE_KP_8},
    {KEY_KP9, SDL_SCANCODE_KP_9},
    {KEY_KP0, SDL_SCANCODE_KP_0},
};

static SDL_Keymod mod_of(unsigned code)
{
	switch (code) {
	case KEY_LEFTSHIFT: return KMOD_LSHIFT;
	case KEY_RIGHTSHIFT: return KMOD_RSHIFT;
	case KEY_LEFTCTRL: return KMOD_LCTRL;
	case KEY_RIGHTCTRL: return KMOD_RCTRL;
	case KEY_LEFTALT: return KMOD_LALT;
	case KEY_RIGHTALT: return KMOD_RALT;
	case KEY_LEFTMETA: return KMOD_LGUI;
	case KEY_RIGHTMETA: return KMOD_RGUI;
	default: return KMOD_NONE;
	}
}

static void on_key(struct fbinput *in, struct libinput_event_keyboard *kb)
{
	unsigned code = libinput_event_keyboard_get_key(kb);
	bool down = libinput_event_keyboard_get_key_state(kb) == LIBINPUT_KEY_STATE_PRESSED;
	SDL_Keymod m = mod_of(code);
	if (m) {
		in->mod = down ? (SDL_Keymod)(in->mod | m) : (SDL_Keymod)(in->mod & ~m);
		return;
	}
	for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
		if (keys[i].code != code)
			continue;
		SDL_Event e = {0};
		e.type = down ? SDL_KEYDOWN : SDL_KEYUP;
		e.key.state = down ? SDL_PRESSED : SDL_RELEASED;
		e.key.keysym.scancode = keys[i].sc;
		e.key.keysym.sym = SDL_GetKeyFromScancode(keys[i].sc);
		e.key.keysym.mod = (Uint16)in->mod;
		SDL_PushEvent(&e);
		return;
	}
}

static void push_finger(Uint32 type, int slot, float x, float y)
{
	SDL_Event e = {0};
	e.type = type;
	e.tfinger.touchId = 1;
	e.tfinger.fingerId = slot;
	e.tfinger.x = x;
	e.tfinger.y = y;
	e.tfinger.pressure = type == SDL_FINGERUP ? 0.f : 1.f;
	SDL_PushEvent(&e);
}

static void on_touch(struct fbinput *in, struct libinput_event *ev)
{
	struct libinput_event_touch *t = libinput_event_get_touch_event(ev);
	int slot = libinput_event_touch_get_seat_slot(t);
	if (slot < 0 || slot >= 10)
		return;
	enum libinput_event_type type = libinput_event_get_type(ev);
	if (type == LIBINPUT_EVENT_TOUCH_DOWN || type == LIBINPUT_EVENT_TOUCH_MOTION) {
		in->tx[slot] = (float)libinput_event_touch_get_x_transformed(t, 1);
		in->ty[slot] = (float)libinput_event_touch_get_y_transformed(t, 1);
		push_finger(type == LIBINPUT_EVENT_TOUCH_DOWN ? SDL_FINGERDOWN : SDL_FINGERMOTION,
		            slot, in->tx[slot], in->ty[slot]);
	} else if (type == LIBINPUT_EVENT_TOUCH_UP) {
		push_finger(SDL_FINGERUP, slot, in->tx[slot], in->ty[slot]);
	}
}

static void push_motion(struct fbinput *in)
{
	in->px = in->px < 0 ? 0 : in->px > in->w - 1 ? in->w - 1 : in->px;
	in->py = in->py < 0 ? 0 : in->py > in->h - 1 ? in->h - 1 : in->py;
	SDL_Event e = {0};
	e.type = SDL_MOUSEMOTION;
	e.motion.which = 0;
	e.motion.x = (int)in->px;
	e.motion.y = (int)in->py;
	SDL_PushEvent(&e);
}

static void on_pointer(struct fbinput *in, struct libinput_event *ev)
{
	struct libinput_event_pointer *p = libinput_event_get_pointer_event(ev);
	switch (libinput_event_get_type(ev)) {
	case LIBINPUT_EVENT_POINTER_MOTION:
		in->px += libinput_event_pointer_get_dx(p);
		in->py += libinput_event_pointer_get_dy(p);
		push_motion(in);
		break;
	case LIBINPUT_EVENT_POINTER_MOTION_ABSOLUTE:
		in->px = libinput_event_pointer_get_absolute_x_transformed(p, (uint32_t)in->w);
		in->py = libinput_event_pointer_get_absolute_y_transformed(p, (uint32_t)in->h);
		push_motion(in);
		break;
	case LIBINPUT_EVENT_POINTER_BUTTON: {
		if (libinput_event_pointer_get_button(p) != BTN_LEFT)
			break;
		bool down =
		    libinput_event_pointer_get_button_state(p) == LIBINPUT_BUTTON_STATE_PRESSED;
		SDL_Event e = {0};
		e.type = down ? SDL_MOUSEBUTTONDOWN : SDL_MOUSEBUTTONUP;
		e.button.which = 0;
		e.button.button = SDL_BUTTON_LEFT;
		e.button.state = down ? SDL_PRESSED : SDL_RELEASED;
		e.button.clicks = 1;
		e.button.x = (int)in->px;
		e.button.y = (int)in->py;
		SDL_PushEvent(&e);
		break;
	}
	default: break;
	}
}

static void dispatch(struct fbinput *in)
{
	if (libinput_dispatch(in->li) < 0)
		return;
	struct libinput_event *ev;
	while ((ev = libinput_get_event(in->li))) {
		switch (libinput_event_get_type(ev)) {
		case LIBINPUT_EVENT_KEYBOARD_KEY:
			on_key(in, libinput_event_get_keyboard_event(ev));
			break;
		case LIBINPUT_EVENT_TOUCH_DOWN:
		case LIBINPUT_EVENT_TOUCH_MOTION:
		case LIBINPUT_EVENT_TOUCH_UP: on_touch(in, ev); break;
		case LIBINPUT_EVENT_POINTER_MOTION:
		case LIBINPUT_EVENT_POINTER_MOTION_ABSOLUTE:
		case LIBINPUT_EVENT_POINTER_BUTTON: on_pointer(in, ev); break;
		case LIBINPUT_EVENT_DEVICE_ADDED:
			log_info("fbinput", "input device: %s",
			         libinput_device_get_name(libinput_event_get_device(ev)));
			break;
		default: break;
		}
		libinput_event_destroy(ev);
	}
}

static int run(void *data)
{
	struct fbinput *in = data;
	struct pollfd fds[2] = {{libinput_get_fd(in->li), POLLIN, 0}, {in->quit[0], POLLIN, 0}};
	for (;;) {
		if (poll(fds, 2, -1) < 0) {
			if (errno == EINTR)
				continue;
			log_err("fbinput", "poll: %s", strerror(errno));
			return 1;
		}
		if (fds[1].revents)
			return 0;
		dispatch(in);
	}
}

struct fbinput *fbinput_start(int w, int h)
{
	struct fbinput *in = calloc(1, sizeof(*in));
	if (!in)
		return NULL;
	in->w = w;
	in->h = h;
	in->px = w / 2.0;
	in->py = h / 2.0;
	in->quit[0] = in->quit[1] = -1;
	in->udev = udev_new();
	if (!in->udev) {
		log_err("fbinput", "udev_new: %s", strerror(errno));
		goto fail;
	}
	in->li = libinput_udev_create_context(&iface, in, in->udev);
	if (!in->li || libinput_udev_assign_seat(in->li, "seat0") != 0) {
		log_err("fbinput", "libinput: cannot read the input devices of seat0");
		goto fail;
	}
	if (pipe2(in->quit, O_CLOEXEC) != 0) {
		log_err("fbinput", "pipe: %s", strerror(errno));
		goto fail;
	}
	dispatch(in); /* the devices there now */
	in->thread = SDL_CreateThread(run, "fbinput", in);
	if (!in->thread) {
		log_err("fbinput", "SDL_CreateThread: %s", SDL_GetError());
		goto fail;
	}
	return in;
fail:
	fbinput_stop(in);
	return NULL;
}

void fbinput_stop(struct fbinput *in)
{
	if (!in)
		return;
	if (in->thread) {
		if (write(in->quit[1], "q", 1) < 0)
			log_warn("fbinput", "cannot stop the input thread: %s", strerror(errno));
		SDL_WaitThread(in->thread, NULL);
	}
	if (in->quit[0] >= 0)
		close(in->quit[0]);
	if (in->quit[1] >= 0)
		close(in->quit[1]);
	if (in->li)
		libinput_unref(in->li);
	if (in->udev)
		udev_unref(in->udev);
	free(in);
}
