/* The running kiosk's state for the nightly health file (kiosk-export):
 * $XDG_RUNTIME_DIR/status (/run/kiosk/status under systemd), rewritten at
 * most every half minute from the loop, never by a timer of its own. */
#ifndef KIOSK_CONTEXT_STATUS_H
#define KIOSK_CONTEXT_STATUS_H

#include <time.h>

struct kiosk;
struct status;

struct status *status_create(void);
void status_destroy(struct status *s);
/* presented: wall clock of the last frame presented. */
void status_tick(struct status *s, const struct kiosk *k, time_t presented);

#endif
