/* The trainer's PIN: see pin.h. */
#include "platform/pin.h"

#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "core/exit.h"
#include "core/log.h"
#include "platform/pin_state.h"

static bool digits_ok(const char *pin)
{
	size_t n = strlen(pin);
	return n >= PIN_MIN_DIGITS && n <= PIN_MAX_DIGITS && strspn(pin, "0123456789") == n;
}

int pin_hash_main(void)
{
	char line[64] = "", hash[crypto_pwhash_STRBYTES];
	if (isatty(STDIN_FILENO))
		fprintf(stderr, "PIN (%d to %d digits): ", PIN_MIN_DIGITS, PIN_MAX_DIGITS);
	if (!fgets(line, sizeof line, stdin))
		line[0] = '\0';
	line[strcspn(line, "\r\n")] = '\0';
	if (!digits_ok(line)) {
		sodium_memzero(line, sizeof line);
		fprintf(stderr, "kiosk: the trainer PIN must be %d to %d digits\n", PIN_MIN_DIGITS,
		        PIN_MAX_DIGITS);
		return EXIT_BAD_INPUT;
	}
	int rc = sodium_init() < 0 ||
	         crypto_pwhash_str(hash, line, strlen(line), crypto_pwhash_OPSLIMIT_INTERACTIVE,
	                           crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0;
	sodium_memzero(line, sizeof line);
	if (rc) {
		fprintf(stderr, "kiosk: cannot hash the PIN (out of memory?)\n");
		return EXIT_INTERNAL;
	}
	printf("trainer_pin: \"%s\"\n", hash);
	return EXIT_OK;
}

/* The length of lock number i + 1 (i from 0): 60 s, doubled each time,
 * 24 h at most. */
static long long lock_length(int i)
{
	long long lock = PIN_LOCK_S;
	for (int n = 0; n < i && lock < PIN_LOCK_MAX_S; n++)
		lock *= 2;
	return lock < PIN_LOCK_MAX_S ? lock : PIN_LOCK_MAX_S;
}

/* The stricter of the two records: one spoiled or put back alone does
 * not lift a lock. */
static struct pin_counts stricter(struct pin_counts a, struct pin_counts b)
{
	return (struct pin_counts){a.failures > b.failures ? a.failures : b.failures,
	                           a.locks > b.locks ? a.locks : b.locks,
	                           a.until > b.until ? a.until : b.until};
}

static void save(const struct pin_guard *g)
{
	struct pin_counts c = {g->failures, g->locks, g->locked_until};
	pin_state_write(g->path, g->db, &c);
}

void pin_guard_load(struct pin_guard *g, const char *db_path, long long now_s)
{
	*g = (struct pin_guard){0};
	snprintf(g->path, sizeof g->path, "%s.pin-lock", db_path);
	snprintf(g->db, sizeof g->db, "%s", db_path);
	struct pin_counts file, db, c;
	enum pin_file f = pin_state_read_file(g->path, &file);
	int w = pin_state_read_db(db_path, &db);
	if (f == PIN_FILE_OK) {
		c = w > 0 ? stricter(file, db) : file;
	} else {
		/* No state, or a spoiled one: if the database says a lock may
		 * be running (or cannot say), locked for the first delay at
		 * least; written again, whole. The counts go on from the
		 * database's, not from zero. */
		bool maybe = w > 0 ? db.until > now_s : w < 0;
		c = w > 0 ? db : (struct pin_counts){0};
		if (maybe) {
			c.locks = c.locks > 1 ? c.locks : 1;
			c.until = c.until > now_s + PIN_LOCK_S ? c.until : now_s + PIN_LOCK_S;
			log_warn("trainer",
			         "%s is %s while a lock may be running: the pad is locked for %d s",
			         g->path, f == PIN_FILE_MISSING ? "missing" : "damaged",
			         PIN_LOCK_S);
		}
	}
	g->failures = c.failures;
	g->locks = c.locks;
	g->locked_until = c.until;
	pin_guard_wait(g, now_s);
	/* Kept bounded, so that the next load does not bound it again from
	 * its own now; a spoiled or missing file is written again. */
	if (g->locked_until != c.until || (f != PIN_FILE_OK && (c.locks || c.failures)))
		save(g);
}

long long pin_guard_wait(struct pin_guard *g, long long now_s)
{
	/* Never longer than the lock now running: a forged end years ahead,
	 * or the clock set back, leaves the length of one lock. */
	long long longest = now_s + lock_length(g->locks > 0 ? g->locks - 1 : 0);
	if (g->locked_until > longest)
		g->locked_until = longest;
	return g->locked_until > now_s ? g->locked_until - now_s : 0;
}

enum pin_result pin_guard_try(struct pin_guard *g, const char *hash, const char *pin,
                              long long now_s)
{
	long long wait = pin_guard_wait(g, now_s);
	if (wait > 0) {
		log_notice("trainer", "PIN attempt refused: the pad is locked for %lld s more",
		           wait);
		return PIN_LOCKED;
	}
	bool ok = hash && hash[0] && sodium_init() >= 0 &&
	          crypto_pwhash_str_verify(hash, pin, strlen(pin)) == 0;
	if (ok) {
		log_notice("trainer", "trainer PIN accepted: trainer screen unlocked");
		g->failures = g->locks = 0;
		g->locked_until = 0;
		save(g);
		return PIN_OK;
	}
	g->failures++;
	log_notice("trainer", "wrong trainer PIN (%d of %d before the pad locks)", g->failures,
	           PIN_FREE_TRIES);
	if (g->failures >= PIN_FREE_TRIES) {
		long long lock = lock_length(g->locks);
		g->locked_until = now_s + lock;
		g->locks++;
		g->failures = 0;
		log_warn("trainer", "%d wrong trainer PINs: the pad is locked for %lld s",
		         PIN_FREE_TRIES, lock);
	}
	save(g);
	return PIN_WRONG;
}
