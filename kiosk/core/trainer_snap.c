/* The trainer page's moving-by-K rule: see trainer_snap.h. */
#include "core/trainer_snap.h"

#include <stdio.h>
#include <string.h>

const struct snap_bar *trainer_snap_find(const struct trainer_snap *shown, bool question,
                                         const char *id)
{
	for (int i = 0; i < shown->n; i++)
		if (shown->bars[i].question == question && strcmp(shown->bars[i].id, id) == 0)
			return &shown->bars[i];
	return NULL;
}

bool trainer_snap_update(struct trainer_snap *shown, const struct trainer_snap *fresh, int k)
{
	bool changed = false;
	if (strcmp(shown->day, fresh->day) != 0) {
		memset(shown, 0, sizeof *shown);
		snprintf(shown->day, sizeof shown->day, "%s", fresh->day);
		changed = true;
	}
	if (fresh->sessions >= k && fresh->sessions - shown->sessions >= k) {
		shown->sessions = fresh->sessions;
		changed = true;
	}
	for (int i = 0; i < fresh->n; i++) {
		const struct snap_bar *f = &fresh->bars[i];
		struct snap_bar *s =
		    (struct snap_bar *)trainer_snap_find(shown, f->question, f->id);
		if (f->base < k || (s && f->base - s->base < k))
			continue;
		if (!s) {
			if (shown->n == SNAP_MAX_BARS)
				continue;
			s = &shown->bars[shown->n++];
		}
		*s = *f;
		changed = true;
	}
	return changed;
}
