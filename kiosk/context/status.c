/* It holds when a frame was last presented and how many finished sessions
 * wait to be written; nothing about any session. */
#include "context/status.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "context/kiosk.h"
#include "platform/store.h"

enum { STATUS_EVERY_MS = 30000 };

struct status {
	long long next;                      /* the kiosk's clock */
	const struct content_module *module; /* written last: a new one at once */
};

struct status *status_create(void)
{
	return calloc(1, sizeof(struct status));
}

void status_destroy(struct status *s)
{
	free(s);
}

void status_tick(struct status *s, const struct kiosk *k, time_t presented)
{
	const char *dir = getenv("XDG_RUNTIME_DIR");
	long long now = kiosk_now(k);
	if (!s || !dir || k->headless || (now < s->next && k->module == s->module))
		return;
	s->next = now + STATUS_EVERY_MS;
	s->module = k->module; /* a new module is written at once */
	char path[4096], tmp[4200];
	snprintf(path, sizeof(path), "%s/status", dir);
	snprintf(tmp, sizeof(tmp), "%s/.status.tmp", dir);
	FILE *f = fopen(tmp, "w");
	if (!f)
		return;
	/* Health only: never the screen on display, which with the time would
	 * tell how far the person at the kiosk is (PRIVACY.md). */
	fprintf(f, "written: %lld\nlast_frame: %lld\nqueued_sessions: %d\nstate: %s\n",
	        (long long)time(NULL), (long long)presented, k->store ? store_pending(k->store) : 0,
	        k->broken ? "out-of-order" : "running");
	/* kiosk-bundle keeps this version while the kiosk shows it. */
	if (k->module && k->module->dir)
		fprintf(f, "module_dir: %s\n", k->module->dir);
	if (fclose(f) == 0)
		rename(tmp, path);
}
