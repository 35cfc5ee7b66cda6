/* Starting libVLC, and its last error message caught from its log on its
 * own threads, so that a video that fails is logged with VLC's reason.
 * Shared by the player and the --check probe. */
#ifndef KIOSK_PLATFORM_VLCERR_H
#define KIOSK_PLATFORM_VLCERR_H

#include <pthread.h>
#include <stddef.h>
#include <vlc/vlc.h>

struct vlcerr {
	pthread_mutex_t lock;
	char text[256];
};

void vlcerr_init(struct vlcerr *e);
void vlcerr_fini(struct vlcerr *e);
/* A libVLC instance with these arguments whose errors e catches; NULL after
 * logging why, in the name of `who`. */
libvlc_instance_t *vlcerr_start(struct vlcerr *e, const char *who, int argc,
                                const char *const *argv);
void vlcerr_clear(struct vlcerr *e);
/* "what (VLC: reason)", or just "what" when VLC said nothing. */
void vlcerr_explain(struct vlcerr *e, const char *what, char *out, size_t len);

#endif
