/* Input: SDL pointer, finger and key events become taps on the controls
 * of the last draw, drags for the screen's scroll, and the trainers' hold. */
#ifndef KIOSK_SCREENS_INPUT_H
#define KIOSK_SCREENS_INPUT_H

#include <SDL.h>
#include <stdbool.h>

struct kiosk;

/* Handles e if it is input; returns false for any other event. */
bool input_handle_event(struct kiosk *k, const SDL_Event *e);
/* What a tap on a control (or Enter on the focus) does. */
void input_activate(struct kiosk *k, int action, int arg);
/* Timers of input (the trainers' hold): ms until due, -1 none. */
long long input_timers(struct kiosk *k, long long now);

#endif
