/* monkey: a seeded random stream of hands for the headless script mode
 * (tests/reliability/monkey.sh). The same seed gives the same script.
 *   monkey SEED EVENTS [MAX_WAIT_MS [SAMPLE_EVERY]]  -> script on stdout
 * Events are taps anywhere, quick taps, swipes, long presses, key combos
 * (the ones people try to leave a kiosk with, and ordinary keys), window
 * close requests and waits; one in 500 is a `wait` long enough for the
 * idle timeout, so sessions end the way they do in a hall. A `sample`
 * line every SAMPLE_EVERY events (100) lets monkey.sh follow the memory. In kiosk mode
 * no key or close request may end the script early: monkey.sh checks that
 * every line ran, and escape.sh checks the window. Exit 2 on bad usage. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

static uint64_t state;

/* splitmix64: small, seedable, the same everywhere. */
static uint64_t next(void)
{
	uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
	return z ^ (z >> 31);
}

static unsigned below(unsigned n)
{
	return (unsigned)(next() % n);
}

static double frac(void)
{
	return (double)(next() >> 11) / (double)(1ULL << 53);
}

static const char *const combos[] = {
    "alt+f4",
    "escape",
    "ctrl+q",
    "ctrl+w",
    "alt+tab",
    "left gui",
    "super+d",
    "ctrl+alt+backspace",
    "ctrl+alt+delete",
    "f11",
    "ctrl+c",
    "alt+escape",
    "ctrl+alt+f2",
    "alt+space",
    "ctrl+shift+escape",
    "tab",
    "shift+tab",
    "return",
    "space",
    "left",
    "right",
    "up",
    "down",
    "backspace",
    "a",
    "home",
    "end",
    "pagedown",
    "f1",
    "ctrl+=",
};

int main(int argc, char **argv)
{
	if (argc < 3 || argc > 5) {
		fprintf(stderr, "usage: monkey SEED EVENTS [MAX_WAIT_MS [SAMPLE_EVERY]]\n");
		return 2;
	}
	state = strtoull(argv[1], NULL, 10);
	long events = strtol(argv[2], NULL, 10);
	long max_wait = argc > 3 ? strtol(argv[3], NULL, 10) : 3000;
	long every = argc > 4 ? strtol(argv[4], NULL, 10) : 100;
	if (events < 0 || max_wait < 0 || every <= 0) {
		fprintf(stderr, "monkey: EVENTS and MAX_WAIT_MS are counts\n");
		return 2;
	}
	printf("# monkey seed %s, %ld events\n", argv[1], events);
	for (long i = 0; i < events; i++) {
		if (i % every == 0)
			printf("sample\n");
		unsigned r = below(1000);
		if (r < 400)
			printf("tap %.3f %.3f\n", frac(), frac());
		else if (r < 520)
			printf("quick-tap %.3f %.3f\n", frac(), frac());
		else if (r < 600)
			printf("swipe %.3f %.3f %.3f %.3f\n", frac(), frac(), frac(), frac());
		else if (r < 650)
			printf("hold %.3f %.3f %u\n", frac(), frac(), 300 + below(3000));
		else if (r < 780)
			printf("key %s\n", combos[below(sizeof(combos) / sizeof(combos[0]))]);
		else if (r < 800)
			printf("quit-event\n");
		else if (r < 998)
			printf("wait %ld\n", max_wait ? (long)below((unsigned)max_wait + 1) : 0L);
		else
			printf("wait %u\n", 100000 + below(60000)); /* past the idle timeout */
	}
	printf("sample\n");
	return 0;
}
