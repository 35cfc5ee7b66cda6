/* Figures of a period for the trainer screen (store_day.c). */
#ifndef KIOSK_PLATFORM_STORE_DAY_H
#define KIOSK_PLATFORM_STORE_DAY_H

#include "core/trainer_snap.h"

struct store;

/* The period's session count and, per chapter (sessions, opened) and per
 * question (answered, right), the raw counts into out. 0 or -1. */
int store_period_figures(struct store *s, const char *from, const char *to,
                         struct trainer_snap *out);
/* Size of the database file in bytes, -1 unknown. */
long long store_file_bytes(struct store *s);

#endif
