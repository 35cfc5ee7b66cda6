#include "platform/player.h"

#include <stdlib.h>

/* Until issue 3: no instance; the video screen says the video is unavailable. */
struct player *player_create(bool headless, int volume, Uint32 user_event)
{
	(void)headless;
	(void)volume;
	(void)user_event;
	return NULL;
}

void player_destroy(struct player *p)
{
	free(p);
}
