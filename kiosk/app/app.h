/* The loop, above the screens (docs/design.md): the one caller of the
 * screens' operations, of input, focus and readout. It switches screens at
 * one point per pass, takes ended sessions to the store, sleeps until the
 * next timer or event, and watches that frames reach the display. Its own
 * state (timers, frames, the status file) is behind k->loop. */
#ifndef KIOSK_APP_APP_H
#define KIOSK_APP_APP_H

#include <SDL.h>
#include <stdbool.h>

#include "context/kiosk.h"

/* k->loop made (poll_signals: no signal watcher, wake up to look at the
 * flag). false when out of memory. */
bool app_open(struct kiosk *k, bool poll_signals);
/* The shown screen let go, the loop's state freed; k->loop NULL. */
void app_close(struct kiosk *k);
/* Switch screens if the flow moved on, take ended sessions; one point per
 * iteration. */
void app_settle(struct kiosk *k);
/* Draw the current screen if needed (or forced). */
void app_draw(struct kiosk *k, bool force);
/* Handle one SDL event. */
void app_handle_event(struct kiosk *k, const SDL_Event *e);
/* One pass of the loop without waiting: events, timers, screen, draw. */
void app_iterate(struct kiosk *k);
/* The interactive loop until stopped. */
int app_run(struct kiosk *k);
/* When the loop must run next on the kiosk's clock (-1: on an event only). */
long long app_wake_at(const struct kiosk *k);
/* --check's tour: screen s entered and drawn once (with the speech control
 * and focus ring), not presented; app_hide lets it go. */
void app_show(struct kiosk *k, enum screen_id s);
void app_hide(struct kiosk *k);

#endif
