/* The trainer's PIN: stored only as a libsodium Argon2id hash, checked
 * against it, and guarded by a lockout that survives restarts (issue 10). */
#ifndef KIOSK_PLATFORM_PIN_H
#define KIOSK_PLATFORM_PIN_H

#include <stdbool.h>

enum {
	PIN_MIN_DIGITS = 6,
	PIN_MAX_DIGITS = 12,
	PIN_FREE_TRIES = 5, /* wrong PINs before the pad locks */
	PIN_LOCK_S = 60,    /* the first lock; each next one doubles */
	PIN_LOCK_MAX_S = 24 * 3600,
};

enum pin_result { PIN_OK, PIN_WRONG, PIN_LOCKED };

/* The lockout state, kept in a small file next to the database and, as
 * its witness, in the database (platform/pin_state.h). */
struct pin_guard {
	char path[512], db[512];
	int failures;           /* wrong PINs since the last lock or success */
	int locks;              /* locks in a row: the next lasts 60 s << locks */
	long long locked_until; /* wall-clock seconds; 0 when open */
};

/* `kiosk --hash-pin`: reads a PIN on standard input, prints the settings
 * line. Returns an exit code (0, or 2 for a PIN that is not 6 to 12 digits). */
int pin_hash_main(void);

/* Reads the state next to db_path ("DB.pin-lock") and its witness in the
 * database, and keeps the stricter. It fails closed: a file missing or
 * spoiled (a link, not a regular file, another owner, a wrong size or
 * text) while the database says a lock may be running locks the pad for
 * PIN_LOCK_S from now_s, and is written again. */
void pin_guard_load(struct pin_guard *g, const char *db_path, long long now_s);
/* Seconds before the pad takes a PIN again, 0 when it does. The end of
 * the lock is brought back to at most one lock's length past now_s (a
 * clock set back, a forged date). */
long long pin_guard_wait(struct pin_guard *g, long long now_s);
/* Checks pin against the Argon2id hash, counts and logs the attempt (never
 * the digits) and saves the state. */
enum pin_result pin_guard_try(struct pin_guard *g, const char *hash, const char *pin,
                              long long now_s);

#endif
