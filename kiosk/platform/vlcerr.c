#include "platform/vlcerr.h"
#include "core/log.h"

#include <stdarg.h>
#include <stdio.h>

void vlcerr_init(struct vlcerr *e)
{
	pthread_mutex_init(&e->lock, NULL);
	e->text[0] = '\0';
}

void vlcerr_fini(struct vlcerr *e)
{
	pthread_mutex_destroy(&e->lock);
}

/* On libVLC's threads: copy and return, never call libVLC back. */
static void handle_log(void *data, int level, const libvlc_log_t *ctx, const char *fmt,
                       va_list args)
{
	(void)ctx;
	struct vlcerr *e = data;
	if (level < LIBVLC_ERROR)
		return;
	pthread_mutex_lock(&e->lock);
	vsnprintf(e->text, sizeof(e->text), fmt, args);
	pthread_mutex_unlock(&e->lock);
}

libvlc_instance_t *vlcerr_start(struct vlcerr *e, const char *who, int argc,
                                const char *const *argv)
{
	libvlc_instance_t *vlc = libvlc_new(argc, argv);
	if (!vlc) {
		const char *why = libvlc_errmsg();
		log_err(who, "cannot start libVLC: %s (is vlc-plugin-base installed?)",
		        why ? why : "unknown error");
		return NULL;
	}
	libvlc_log_set(vlc, handle_log, e);
	return vlc;
}

void vlcerr_clear(struct vlcerr *e)
{
	pthread_mutex_lock(&e->lock);
	e->text[0] = '\0';
	pthread_mutex_unlock(&e->lock);
}

void vlcerr_explain(struct vlcerr *e, const char *what, char *out, size_t len)
{
	pthread_mutex_lock(&e->lock);
	if (e->text[0])
		snprintf(out, len, "%s (VLC: %s)", what, e->text);
	else
		snprintf(out, len, "%s", what);
	pthread_mutex_unlock(&e->lock);
}
