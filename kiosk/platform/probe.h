/* Opens a video with libVLC the way the kiosk will, to learn before
 * publishing whether it can be shown: its duration, its picture, and why
 * not. Used by `kiosk --check`; every wait is bounded so that a broken
 * file can never hang the check. */
#ifndef KIOSK_PLATFORM_PROBE_H
#define KIOSK_PLATFORM_PROBE_H

#include <stdbool.h>

enum { PROBE_ERR_LEN = 320 };

struct probe_info {
	long long duration_ms;  /* -1 when unknown */
	unsigned width, height; /* of the first video track; 0 when none */
	bool has_video, has_audio;
	char error[PROBE_ERR_LEN]; /* why it cannot be shown; "" when it can */
};

struct probe;

/* One libVLC instance for all the files probed; NULL (logged with
 * libvlc_errmsg()) if libVLC cannot start. */
struct probe *probe_create(void);
void probe_destroy(struct probe *p);

/* Reads FILE's duration and tracks, then plays it without sound or window
 * until its first picture arrives. True when it has a picture and a
 * positive duration; otherwise false with info->error saying why (with
 * VLC's own message when it gave one). Each step waits at most
 * timeout_ms. */
bool probe_media(struct probe *p, const char *file, int timeout_ms, struct probe_info *info);

#endif
