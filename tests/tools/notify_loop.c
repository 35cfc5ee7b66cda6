/* A stand-in for the kiosk main loop, to test platform/notify.c on its own:
 * sleeps like SDL_WaitEventTimeout would (never longer than notify_wait_ms),
 * "presents the first frame" after 100 ms, then ticks until SIGTERM.
 * The module is compiled in here because tools are not linked with the
 * kiosk library. */
#include "platform/notify.c"

#include <signal.h>
#include <time.h>

static volatile sig_atomic_t quit;

static void handle_term(int sig)
{
	(void)sig;
	quit = 1;
}

static unsigned long long mono_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (unsigned long long)ts.tv_sec * 1000 + (unsigned long long)ts.tv_nsec / 1000000;
}

int main(void)
{
	struct sigaction sa = {.sa_handler = handle_term};
	sigaction(SIGTERM, &sa, NULL);
	struct notify *n = notify_create();
	if (!n)
		return 1;
	unsigned long long start = mono_ms();
	while (!quit) {
		unsigned long long now = mono_ms();
		if (now - start >= 100)
			notify_ready(n, "Showing the attract screen");
		notify_tick(n, now);
		unsigned wait = notify_wait_ms(n, mono_ms());
		if (wait > 1000)
			wait = 1000; /* the idle loop's own timers */
		struct timespec ts = {.tv_sec = wait / 1000,
		                      .tv_nsec = (long)(wait % 1000) * 1000000};
		nanosleep(&ts, NULL);
	}
	notify_stopping(n);
	notify_destroy(n);
	return 0;
}
