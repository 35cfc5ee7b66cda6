/* libVLC only while someone is at the kiosk: made in a thread when a
 * session starts, waited for before the video screen, let go on the attract
 * screen (player_life.c says why). */
#ifndef KIOSK_CONTEXT_PLAYER_LIFE_H
#define KIOSK_CONTEXT_PLAYER_LIFE_H

#include "core/flow.h"

struct kiosk;

/* The screen next shown: start, wait for or let go of k->player. */
void player_life_follow(struct kiosk *k, enum screen_id next);
/* The chapter's video prerolled once the chapter has been shown a moment
 * (returns ms until then, -1 nothing due). */
long long player_life_poll(struct kiosk *k, long long now);
/* At exit: k->player and the thread let go. */
void player_life_stop(struct kiosk *k);

#endif
