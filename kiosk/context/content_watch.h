/* A new module without a restart (docs/fleet.md): a content root's
 * `current` link watched, and the module it names swapped in on the
 * attract screen. The watch's state is its own (struct content_watch); the
 * loop (app/app.c) lets the shown screen go before a swap. */
#ifndef KIOSK_CONTEXT_CONTENT_WATCH_H
#define KIOSK_CONTEXT_CONTENT_WATCH_H

#include <SDL.h>
#include <stdbool.h>
#include <stddef.h>

struct kiosk;
struct diag;
struct content_module;
struct content_watch;

/* The module of a content root's current link, rolled back to the previous
 * one if it cannot be shown (note: why, for the trainer screen); another
 * content setting is loaded as it is. */
struct content_module *content_watch_load(const char *content, struct diag *d, char *note,
                                          size_t len);
/* event: the SDL event type the inotify watch pushes (0: look every few
 * seconds). NULL when out of memory: then nothing is watched. */
struct content_watch *content_watch_create(Uint32 event);
void content_watch_destroy(struct content_watch *w);
/* Is e the watch's event? Then content_watch_event takes it. */
bool content_watch_owns(const struct content_watch *w, const SDL_Event *e);
void content_watch_event(struct content_watch *w, const SDL_Event *e);
/* On the attract screen with no session: a new sound module from the
 * link, to give content_watch_swap once the shown screen has let go (NULL:
 * nothing new; a broken one is rolled back here). *wait: ms until the next
 * look (-1 none). */
struct content_module *content_watch_poll(struct content_watch *w, struct kiosk *k, long long now,
                                          long long *wait);
/* m replaces k->module; the flow is made anew (shuffles go on). */
void content_watch_swap(struct kiosk *k, struct content_module *m);

#endif
