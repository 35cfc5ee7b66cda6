/* One name in one folder, watched with inotify: a small thread pushes an
 * SDL event when the name is created, renamed over, removed or changed
 * (the `current` link of a content root, switched by kiosk-bundle with a
 * rename), so the event loop sleeps until then instead of looking every
 * few seconds. The event's user.code is DIRWATCH_CHANGED, or DIRWATCH_LOST
 * once the watch cannot go on (the folder itself went away or was moved,
 * or reading inotify failed): the thread has ended, the caller stops the
 * watch and falls back to looking by itself. */
#ifndef KIOSK_PLATFORM_DIRWATCH_H
#define KIOSK_PLATFORM_DIRWATCH_H

#include <SDL.h>

struct dirwatch;

enum { DIRWATCH_CHANGED = 1, DIRWATCH_LOST = 2 };

/* NULL on error (logged as a warning: the caller looks by itself). */
struct dirwatch *dirwatch_start(const char *dir, const char *name, Uint32 event);
void dirwatch_stop(struct dirwatch *w);

#endif
