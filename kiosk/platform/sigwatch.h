/* Stop signals as events. SIGTERM and SIGINT are blocked in every thread
 * (sigwatch_block, before any thread exists) and read from a signalfd by one
 * small thread, which sets the stop flag and pushes an SDL event: the event
 * loop can sleep until something happens instead of waking up to look at
 * the flag.
 *
 * The same thread is the last resort when the main thread cannot act on the
 * flag (SDL 2.26 spins on a dead Wayland connection while it creates a
 * window, and never returns): once a stop signal came, the main thread has
 * a grace period to call sigwatch_stop; after it, the thread says why in the
 * journal and ends the process with _exit.
 *
 * SIGUSR1 is watched the same way but is no stop: an SDL event of the same
 * type with user.code SIGUSR1, and nothing else (the standby page of
 * kiosk-guard shows itself on it; any other kiosk ignores it). */
#ifndef KIOSK_PLATFORM_SIGWATCH_H
#define KIOSK_PLATFORM_SIGWATCH_H

#include <SDL.h>
#include <signal.h>
#include <stdbool.h>

struct sigwatch;

/* The program's one stop flag, set by the watcher (or a signal handler
 * when it could not start) and read by the loops: the only mutable global
 * (docs/design.md). */
extern volatile sig_atomic_t kiosk_stop_signal;

/* Blocks SIGTERM, SIGINT and SIGUSR1 in the calling thread and in every
 * thread created after it; child processes get them unblocked again. */
bool sigwatch_block(void);
/* Starts the watching thread: on a signal it sets *flag to 1 and pushes an
 * SDL event of type `event` (SDL need not be initialised yet: the flag is
 * what counts). If sigwatch_stop has not been called grace_ms after the
 * first signal, the thread logs it and calls _exit(exit_code). NULL on
 * error (logged). */
struct sigwatch *sigwatch_start(volatile sig_atomic_t *flag, Uint32 event, int grace_ms,
                                int exit_code);
/* The main thread got there: no forced exit any more. */
void sigwatch_stop(struct sigwatch *w);

#endif
