#include "platform/seat.h"

#include <errno.h>
#include <libseat.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "core/log.h"

struct seat {
	struct libseat *seat;
	bool active;
};

static void on_enable(struct libseat *ls, void *data)
{
	(void)ls;
	((struct seat *)data)->active = true;
}

/* Asked to let go (a VT switch asked for by root): acknowledged, as
 * libseat requires; with the keyboard off no key can ask for one. */
static void on_disable(struct libseat *ls, void *data)
{
	((struct seat *)data)->active = false;
	libseat_disable_seat(ls);
}

static struct libseat_seat_listener listener = {
    .enable_seat = on_enable,
    .disable_seat = on_disable,
};

struct seat *seat_take(void)
{
	const char *direct = getenv("KIOSK_DIRECT");
	if (!direct || strcmp(direct, "1") != 0)
		return NULL;
	struct seat *s = calloc(1, sizeof *s);
	if (!s)
		return NULL;
	/* libseat logs nothing of its own unless asked; its error is in errno. */
	s->seat = libseat_open_seat(&listener, s);
	if (!s->seat) {
		log_warn("seat",
		         "cannot take the seat from seatd (%s): keys typed may reach the "
		         "text console behind the kiosk",
		         strerror(errno));
		free(s);
		return NULL;
	}
	/* The activation comes as an event: read it (a page still holding the
	 * seat would delay it; the kiosk runs meanwhile). */
	if (libseat_dispatch(s->seat, 2000) < 0)
		log_warn("seat", "seatd: %s", strerror(errno));
	log_info("seat", "seat %s %s (the console's keyboard off while the kiosk runs)",
	         libseat_seat_name(s->seat), s->active ? "taken" : "asked for");
	return s;
}

void seat_release(struct seat *s)
{
	if (!s)
		return;
	libseat_close_seat(s->seat);
	free(s);
}
