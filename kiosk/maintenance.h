#ifndef KIOSK_MAINTENANCE_H
#define KIOSK_MAINTENANCE_H

#include "app.h"

/* The module or the settings cannot be used: show a calm "out of order"
 * screen in three languages until stopped, instead of crashing in a loop in
 * front of a new agent. The log already says what is wrong. */
int maintenance_run(struct kiosk *k);

#endif
