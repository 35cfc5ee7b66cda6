/* The size of the statistics database, for the trainer screen
 * (store_day.c). */
#ifndef KIOSK_PLATFORM_STORE_DAY_H
#define KIOSK_PLATFORM_STORE_DAY_H

struct store;

/* Size of the database file in bytes, -1 unknown. */
long long store_file_bytes(struct store *s);

#endif
