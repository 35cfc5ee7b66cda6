/* systemd service notification: READY=1 once the attract screen is shown,
 * WATCHDOG=1 from the main loop so that a frozen loop gets the kiosk killed
 * and restarted. Without NOTIFY_SOCKET (run by hand) every call is a no-op. */
#ifndef KIOSK_PLATFORM_NOTIFY_H
#define KIOSK_PLATFORM_NOTIFY_H

struct notify;

/* Reads NOTIFY_SOCKET and WATCHDOG_USEC/WATCHDOG_PID (sd_watchdog_enabled).
 * NULL only when out of memory. */
struct notify *notify_create(void);
/* Once, after the first frame was presented, with what the screen shows
 * for `systemctl status` (e.g. "Showing the attract screen"); later calls
 * do nothing. */
void notify_ready(struct notify *n, const char *status);
/* Every main-loop iteration: pings WATCHDOG=1 when half the watchdog
 * interval has passed since the last ping. now_ms is a monotonic clock. */
void notify_tick(struct notify *n, unsigned long long now_ms);
/* How long the loop may sleep before the next ping is due; UINT_MAX when
 * there is no watchdog. */
unsigned notify_wait_ms(const struct notify *n, unsigned long long now_ms);
/* Tells systemd a clean shutdown is under way (not a crash). */
void notify_stopping(struct notify *n);
void notify_destroy(struct notify *n);

#endif
