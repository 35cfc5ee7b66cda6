/* The trainer's settings of the day (« Réglages du jour »: the welcome-day
 * label, the volume, the default text size), kept in DATABASE.day so that a
 * restart (« Redémarrer le programme », a power cut) keeps them. The
 * context applies them (context/kiosk.h, kiosk_day_sync). */
#ifndef KIOSK_TRAINER_TRAINER_DAY_H
#define KIOSK_TRAINER_TRAINER_DAY_H

#include <stdbool.h>

#include "core/settings.h"
#include "core/trainer_snap.h"

/* *d for today: loaded from the file once, the settings' values on a new
 * day (saved then). Returns true when *d was set anew and must be applied;
 * false when it already was today's. */
bool trainer_day_sync(struct trainer_day *d, const struct settings *st, const char *today);
/* Writes *d to DATABASE.day (database: the settings' database path). */
void trainer_day_save(const struct trainer_day *d, const char *database);
/* The label id to store with a session of that day ("" none). */
const char *trainer_day_label(const struct trainer_day *d, const char *day);

#endif
