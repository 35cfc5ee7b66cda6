/* Which presented frames the display really took. On Wayland a present only
 * hands a buffer to the compositor; the surface's frame callback ("done")
 * says the compositor put it on the output. Elsewhere (X11, offscreen) a
 * returned present is all there is to know. gfx.c uses it; nothing else. */
#ifndef KIOSK_PLATFORM_PRESENT_H
#define KIOSK_PLATFORM_PRESENT_H

#include <SDL.h>
#include <stdbool.h>

struct present;

/* Frame callbacks of the window's Wayland surface, on a queue of our own so
 * that SDL's dispatch never sees them. NULL when the window is not a Wayland
 * window (nothing to confirm) or on error (logged). */
struct present *present_create(SDL_Window *w);
/* Just before SDL_RenderPresent: ask to hear when that frame is shown.
 * False if too many are still outstanding (nothing asked). */
bool present_request(struct present *p);
/* Frames confirmed since the last call (reads nothing from the socket: SDL's
 * event pump does that; this dispatches what it queued for us). */
unsigned present_poll(struct present *p);
void present_destroy(struct present *p);

#endif
