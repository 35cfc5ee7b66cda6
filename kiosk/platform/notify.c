#include "platform/notify.h"

#include <errno.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <systemd/sd-daemon.h>
#include <unistd.h>

struct notify {
	bool enabled; /* NOTIFY_SOCKET is set */
	bool ready_sent;
	bool failed;                 /* a send failed: logged once, never again */
	bool pinged;                 /* at least one WATCHDOG=1 sent */
	unsigned long long every_ms; /* half of WATCHDOG_USEC; 0 = no watchdog */
	unsigned long long last_ping;
};

static void send_state(struct notify *n, const char *state)
{
	if (!n || !n->enabled)
		return;
	/* unset_environment = 0: libVLC or fontconfig never call sd_notify, and
	 * keeping the variables lets a restart path re-read them. */
	int r = sd_notify(0, state);
	if (r < 0 && !n->failed) {
		n->failed = true;
		fprintf(stderr, SD_ERR "notify: cannot tell systemd \"%s\": %s\n", state,
		        strerror(-r));
	}
}

static int parse_usec(const char *text, uint64_t *usec)
{
	char *end;
	if (!text || !*text)
		return 0;
	errno = 0;
	unsigned long long v = strtoull(text, &end, 10);
	if (errno || *end || v == 0)
		return -EINVAL;
	*usec = v;
	return 1;
}

/* Under cage, systemd's main process is cage and WATCHDOG_PID names it; the
 * kiosk is its direct child and pings on its behalf (NotifyAccess=all). */
static bool watchdog_for_parent(void)
{
	const char *pid = getenv("WATCHDOG_PID");
	char *end;
	if (!pid || !*pid)
		return false;
	long v = strtol(pid, &end, 10);
	return !*end && v > 1 && v == (long)getppid();
}

struct notify *notify_create(void)
{
	struct notify *n = calloc(1, sizeof(*n));
	if (!n) {
		fprintf(stderr, SD_ERR "notify: out of memory\n");
		return NULL;
	}
	const char *sock = getenv("NOTIFY_SOCKET");
	n->enabled = sock && *sock;
	uint64_t usec = 0;
	int r = sd_watchdog_enabled(0, &usec);
	if (r == 0 && watchdog_for_parent())
		r = parse_usec(getenv("WATCHDOG_USEC"), &usec);
	if (r < 0)
		fprintf(stderr, SD_WARNING "notify: ignoring the watchdog settings: %s\n",
		        strerror(-r));
	else if (r > 0 && n->enabled)
		/* Half the interval leaves a whole half for a slow frame or a
		 * video that takes long to open. */
		n->every_ms = usec / 2000 ? usec / 2000 : 1;
	return n;
}

void notify_ready(struct notify *n, const char *status)
{
	if (!n || n->ready_sent)
		return;
	n->ready_sent = true;
	char msg[160];
	snprintf(msg, sizeof(msg), "READY=1\nSTATUS=%s", status);
	send_state(n, msg);
}

void notify_tick(struct notify *n, unsigned long long now_ms)
{
	if (!n || !n->every_ms)
		return;
	if (n->pinged && now_ms - n->last_ping < n->every_ms)
		return;
	n->pinged = true;
	n->last_ping = now_ms;
	send_state(n, "WATCHDOG=1");
}

unsigned notify_wait_ms(const struct notify *n, unsigned long long now_ms)
{
	if (!n || !n->every_ms)
		return UINT_MAX;
	if (!n->pinged || now_ms - n->last_ping >= n->every_ms)
		return 0;
	unsigned long long left = n->every_ms - (now_ms - n->last_ping);
	return left > UINT_MAX ? UINT_MAX : (unsigned)left;
}

void notify_stopping(struct notify *n)
{
	send_state(n, "STOPPING=1");
}

void notify_destroy(struct notify *n)
{
	free(n);
}
