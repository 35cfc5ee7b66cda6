/* Where the PIN lockout is kept (platform/pin.h): a small file next to the
 * database, DB.pin-lock, and a witness row in the database itself, so that
 * deleting or spoiling the file does not lift a lock (issue 25). */
#ifndef KIOSK_PLATFORM_PIN_STATE_H
#define KIOSK_PLATFORM_PIN_STATE_H

#include <stdbool.h>

struct pin_counts {
	int failures, locks;
	long long until; /* wall-clock seconds; 0 when open */
};

enum pin_file {
	PIN_FILE_OK,
	PIN_FILE_MISSING,
	PIN_FILE_BAD, /* not a regular file of ours, too large, or not our text */
};

/* The file, opened without following a link and checked before it is
 * read: a regular file, owned by this user, writable by no one else, of a
 * state's size; its text exactly what pin_state_write writes. */
enum pin_file pin_state_read_file(const char *path, struct pin_counts *out);
/* The witness row: 1 read, 0 none (no database, no row yet), -1 unreadable. */
int pin_state_read_db(const char *db_path, struct pin_counts *out);
/* Both, the file replaced whole (a new file, then a rename); the witness
 * only into a database that exists (the store creates it). Logs and
 * returns false if either fails. */
bool pin_state_write(const char *path, const char *db_path, const struct pin_counts *c);

#endif
