#include "platform/sigwatch.h"
#include "core/log.h"

#include <errno.h>
#include <poll.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/signalfd.h>
#include <time.h>
#include <unistd.h>

volatile sig_atomic_t kiosk_stop_signal;

struct sigwatch {
	int sfd;  /* the blocked stop signals */
	int quit; /* eventfd: sigwatch_stop asks the thread to end */
	pthread_t thread;
	volatile sig_atomic_t *flag;
	Uint32 event;
	int grace_ms, exit_code;
};

/* The stop signals, and SIGUSR1 (sigwatch.h). */
static void watched_set(sigset_t *s)
{
	sigemptyset(s);
	sigaddset(s, SIGTERM);
	sigaddset(s, SIGINT);
	sigaddset(s, SIGUSR1);
}

/* A program started by the kiosk (or a library) gets the default mask. */
static void unblock_in_child(void)
{
	sigset_t s;
	watched_set(&s);
	pthread_sigmask(SIG_UNBLOCK, &s, NULL);
}

bool sigwatch_block(void)
{
	sigset_t s;
	watched_set(&s);
	int r = pthread_sigmask(SIG_BLOCK, &s, NULL);
	if (r != 0) {
		log_err("signal", "cannot block SIGTERM and SIGINT: %s", strerror(r));
		return false;
	}
	/* An ignored signal is dropped before a signalfd could read it, and
	 * kiosk-guard starts the standby page with SIGUSR1 ignored (until
	 * here, it would end the page). Blocked first: one sent now waits. */
	signal(SIGUSR1, SIG_DFL);
	pthread_atfork(NULL, NULL, unblock_in_child);
	return true;
}

static long long mono_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void *watch(void *arg)
{
	struct sigwatch *w = arg;
	struct pollfd p[2] = {{w->sfd, POLLIN, 0}, {w->quit, POLLIN, 0}};
	long long deadline = -1; /* set by the first stop signal */
	int signo = 0;
	for (;;) {
		int timeout = -1;
		if (deadline >= 0) {
			long long left = deadline - mono_ms();
			timeout = left > 0 ? (int)left : 0;
		}
		int n = poll(p, 2, timeout);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			log_err("signal", "poll: %s", strerror(errno));
			return NULL;
		}
		if (p[1].revents)
			return NULL;
		if (n == 0 && deadline >= 0 && mono_ms() >= deadline) {
			/* The main loop never came back to look at the flag (a call
			 * that does not return: SDL on a dead Wayland connection).
			 * Nothing else can end the process in time for systemd. */
			log_err("signal",
			        "%s came %d ms ago and the main loop has not stopped (stuck in a "
			        "call that does not return): exiting now with status %d",
			        signo == SIGINT ? "SIGINT" : "SIGTERM", w->grace_ms, w->exit_code);
			_exit(w->exit_code);
		}
		if (!p[0].revents)
			continue;
		struct signalfd_siginfo si;
		if (read(w->sfd, &si, sizeof(si)) != (ssize_t)sizeof(si))
			continue;
		if (si.ssi_signo == SIGUSR1) { /* not a stop: an event alone */
			SDL_Event e = {0};
			e.type = w->event;
			e.user.code = SIGUSR1;
			SDL_PushEvent(&e);
			continue;
		}
		*w->flag = 1;
		if (deadline < 0 && w->grace_ms >= 0) {
			deadline = mono_ms() + w->grace_ms;
			signo = (int)si.ssi_signo;
		}
		SDL_Event e = {0};
		e.type = w->event;
		e.user.code = (Sint32)si.ssi_signo;
		SDL_PushEvent(&e); /* wakes SDL_WaitEvent in the main thread */
	}
}

struct sigwatch *sigwatch_start(volatile sig_atomic_t *flag, Uint32 event, int grace_ms,
                                int exit_code)
{
	struct sigwatch *w = calloc(1, sizeof(*w));
	if (!w)
		return NULL;
	sigset_t s;
	watched_set(&s);
	w->flag = flag;
	w->event = event;
	w->grace_ms = grace_ms;
	w->exit_code = exit_code;
	w->sfd = signalfd(-1, &s, SFD_CLOEXEC);
	w->quit = eventfd(0, EFD_CLOEXEC);
	int r = w->sfd < 0 || w->quit < 0 ? errno : pthread_create(&w->thread, NULL, watch, w);
	if (r != 0) {
		log_err("signal", "cannot watch SIGTERM and SIGINT: %s", strerror(r));
		if (w->sfd >= 0)
			close(w->sfd);
		if (w->quit >= 0)
			close(w->quit);
		free(w);
		return NULL;
	}
	return w;
}

void sigwatch_stop(struct sigwatch *w)
{
	if (!w)
		return;
	uint64_t one = 1;
	if (write(w->quit, &one, sizeof(one)) != (ssize_t)sizeof(one))
		return; /* cannot happen; the thread keeps its state */
	pthread_join(w->thread, NULL);
	close(w->sfd);
	close(w->quit);
	free(w);
}
