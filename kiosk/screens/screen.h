/* The screens as a table of operations. Only the loop (app/app.c) calls
 * them: it enters, draws, updates and leaves the shown screen; input.c
 * hands a screen its taps, drags and actions. */
#ifndef KIOSK_SCREENS_SCREEN_H
#define KIOSK_SCREENS_SCREEN_H

#include <SDL.h>

#include "context/kiosk.h"

struct screen_ops {
	void (*enter)(struct kiosk *k);
	void (*leave)(struct kiosk *k);
	/* Draw the screen and declare its controls (see ui.h). */
	void (*draw)(struct kiosk *k);
	/* A control of this screen was activated. */
	void (*action)(struct kiosk *k, int action, int arg);
	/* A tap on no control (optional). */
	void (*tap)(struct kiosk *k, int x, int y);
	/* A vertical drag of dy pixels (optional). */
	void (*scroll)(struct kiosk *k, int dy);
	/* An SDL event of the screen's own, e.g. a video frame (optional). */
	void (*event)(struct kiosk *k, const SDL_Event *e);
	/* Time passes: returns ms until it needs to run again (-1: never);
	 * sets k->dirty if the screen must be redrawn (optional). */
	long long (*update)(struct kiosk *k);
};

extern const struct screen_ops screen_attract, screen_language, screen_home, screen_chapter,
    screen_video, screen_quiz, screen_result, screen_still_there, screen_trainer_pin,
    screen_trainer, screen_out_of_order;

/* The operations of the flow's screen s. */
const struct screen_ops *screen_ops_of(enum screen_id s);

#endif
