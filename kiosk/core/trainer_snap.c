/* The rule of the trainer's bars: see trainer_snap.h. */
#include "core/trainer_snap.h"

#include <string.h>

const struct snap_bar *trainer_snap_find(const struct trainer_snap *s, bool question,
                                         const char *id)
{
	for (int i = 0; i < s->n; i++)
		if (s->bars[i].question == question && strcmp(s->bars[i].id, id) == 0)
			return &s->bars[i];
	return NULL;
}

bool trainer_snap_shown(const struct snap_bar *b, int k)
{
	return b && b->base >= k && b->part >= k && b->base - b->part >= k;
}

int trainer_snap_pct(const struct snap_bar *b)
{
	return b && b->base > 0 ? (int)((100 * b->part + b->base / 2) / b->base) : 0;
}
