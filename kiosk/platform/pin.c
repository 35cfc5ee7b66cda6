/* The trainer's PIN: see pin.h. */
#include "platform/pin.h"

#include <errno.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "core/log.h"

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
		return 2;
	}
	int rc = sodium_init() < 0 ||
	         crypto_pwhash_str(hash, line, strlen(line), crypto_pwhash_OPSLIMIT_INTERACTIVE,
	                           crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0;
	sodium_memzero(line, sizeof line);
	if (rc) {
		fprintf(stderr, "kiosk: cannot hash the PIN (out of memory?)\n");
		return 1;
	}
	printf("trainer_pin: \"%s\"\n", hash);
	return 0;
}

void pin_guard_load(struct pin_guard *g, const char *db_path)
{
	*g = (struct pin_guard){0};
	snprintf(g->path, sizeof g->path, "%s.pin-lock", db_path);
	FILE *f = fopen(g->path, "r");
	if (!f)
		return;
	if (fscanf(f, "failures %d locks %d until %lld", &g->failures, &g->locks,
	           &g->locked_until) != 3 ||
	    g->failures < 0 || g->locks < 0 || g->locks > 30)
		g->failures = g->locks = 0, g->locked_until = 0;
	fclose(f);
}

static void save(const struct pin_guard *g)
{
	char tmp[530];
	snprintf(tmp, sizeof tmp, "%s.tmp", g->path);
	FILE *f = fopen(tmp, "w");
	bool ok = f && fprintf(f, "failures %d locks %d until %lld\n", g->failures, g->locks,
	                       g->locked_until) > 0;
	ok = f && fflush(f) == 0 && fsync(fileno(f)) == 0 && ok;
	if (f)
		fclose(f);
	if (!ok || rename(tmp, g->path) != 0)
		log_warn("trainer", "cannot keep the PIN lockout in %s: %s", g->path,
		         strerror(errno));
}

long long pin_guard_wait(const struct pin_guard *g, long long now_s)
{
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
		long long lock = PIN_LOCK_S;
		for (int i = 0; i < g->locks && lock < PIN_LOCK_MAX_S; i++)
			lock *= 2;
		if (lock > PIN_LOCK_MAX_S)
			lock = PIN_LOCK_MAX_S;
		g->locked_until = now_s + lock;
		g->locks++;
		g->failures = 0;
		log_warn("trainer", "%d wrong trainer PINs: the pad is locked for %lld s",
		         PIN_FREE_TRIES, lock);
	}
	save(g);
	return PIN_WRONG;
}
