/* Stop signals as events. SIGTERM and SIGINT are blocked in every thread
 * (sigwatch_block, before any thread exists) and read from a signalfd by one
 * small thread, which sets the stop flag and pushes an SDL event: the event
 * loop can sleep until something happens instead of waking up to look at
 * the flag. */
#ifndef KIOSK_PLATFORM_SIGWATCH_H
#define KIOSK_PLATFORM_SIGWATCH_H

#include <SDL.h>
#include <signal.h>
#include <stdbool.h>

struct sigwatch;

/* Blocks SIGTERM and SIGINT in the calling thread and in every thread
 * created after it; child processes get them unblocked again. */
bool sigwatch_block(void);
/* Starts the watching thread: on a signal it sets *flag to 1 and pushes an
 * SDL event of type `event`. NULL on error (logged). */
struct sigwatch *sigwatch_start(volatile sig_atomic_t *flag, Uint32 event);
void sigwatch_stop(struct sigwatch *w);

#endif
