/* Keyboard and keypad navigation: Tab and the arrows move a visible focus
 * over the controls in reading order, Enter or Space activates, Escape goes
 * back one screen. Also draws what every screen shares on top of it: the
 * speech control, the focus ring, the outlines of high contrast. */
#ifndef KIOSK_SCREENS_FOCUS_H
#define KIOSK_SCREENS_FOCUS_H

#include <SDL.h>
#include <stdbool.h>

struct kiosk;

/* A key went down (not Ctrl+Q and the like, handled before). */
void focus_key(struct kiosk *k, const SDL_KeyboardEvent *e);
/* The screen changed: the focus starts again on the new one. */
void focus_screen_changed(struct kiosk *k);
/* After the screen's draw: the speech control, then the focus ring. */
void focus_overlay(struct kiosk *k);
/* Index in k->controls of the focused control, -1 if none. */
int focus_index(const struct kiosk *k);
/* Put the focus on control i (shown) and say it if speech is on. */
void focus_set(struct kiosk *k, int i, bool by_touch);
/* Activate control i as a tap would, moving the focus if the screen
 * changed under it. */
void focus_activate(struct kiosk *k, int i);

#endif
