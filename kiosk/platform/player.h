/* Video playback through libVLC (issue 3 fills this in). */
#ifndef KIOSK_PLATFORM_PLAYER_H
#define KIOSK_PLATFORM_PLAYER_H

#include <SDL.h>
#include <stdbool.h>

struct player;

/* One libVLC instance for the program's life (its plugin scan is slow). */
struct player *player_create(bool headless, int volume, Uint32 user_event);
void player_destroy(struct player *p);

#endif
