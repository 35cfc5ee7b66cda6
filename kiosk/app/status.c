/* The running kiosk's state for the nightly health file (kiosk-export):
 * $XDG_RUNTIME_DIR/status (/run/kiosk/status under systemd), rewritten at
 * most every half minute from the loop, never by a timer of its own. It
 * holds when a frame was last presented and how many finished sessions
 * wait to be written; nothing about any session. */
#include "app.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "platform/store.h"

enum { STATUS_EVERY_MS = 30000 };

void app_status_tick(struct kiosk *k)
{
	const char *dir = getenv("XDG_RUNTIME_DIR");
	long long now = app_now(k);
	if (!dir || k->headless || (now < k->status_next && k->module == k->status_module))
		return;
	k->status_next = now + STATUS_EVERY_MS;
	k->status_module = k->module; /* a new module is written at once */
	char path[4096], tmp[4200];
	snprintf(path, sizeof(path), "%s/status", dir);
	snprintf(tmp, sizeof(tmp), "%s/.status.tmp", dir);
	FILE *f = fopen(tmp, "w");
	if (!f)
		return;
	/* Health only: never the screen on display, which with the time would
	 * tell how far the person at the kiosk is (PRIVACY.md). */
	fprintf(f, "written: %lld\nlast_frame: %lld\nqueued_sessions: %d\nstate: %s\n",
	        (long long)time(NULL), (long long)k->presented,
	        k->store ? store_pending(k->store) : 0, k->broken ? "out-of-order" : "running");
	/* kiosk-bundle keeps this version while the kiosk shows it. */
	if (k->module && k->module->dir)
		fprintf(f, "module_dir: %s\n", k->module->dir);
	if (fclose(f) == 0)
		rename(tmp, path);
}
