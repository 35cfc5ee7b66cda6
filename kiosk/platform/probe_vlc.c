#include "platform/probe_priv.h"
#include "platform/vlcerr.h"
#include "core/log.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <vlc/vlc.h>

/* The probe's libVLC side, run inside the child process of probe.c: one
 * instance, and for each file its tracks, its duration and real pictures
 * near its start and its end, each wait bounded. */

/* The probe asks libVLC for small RGB pictures: it only needs to know that
 * one arrived, and scaling keeps the copy cheap whatever the video's size. */
enum { FRAME_W = 64, FRAME_H = 36, FRAME_PITCH = FRAME_W * 4 };
/* How far before the end a picture must still come from. */
enum { TAIL_MS = 2000 };

struct worker {
	libvlc_instance_t *vlc;
	unsigned char frame[FRAME_PITCH * FRAME_H];

	/* Written by libVLC's threads, read by ours. */
	pthread_mutex_t lock;
	pthread_cond_t cond;
	bool parsed, failed, ended;
	unsigned frames;
	struct vlcerr vlc_error;
};

/* ---- libVLC's threads: record and signal; never call libVLC back. ---- */

static void handle_event(const struct libvlc_event_t *ev, void *data)
{
	struct worker *p = data;
	pthread_mutex_lock(&p->lock);
	switch (ev->type) {
	case libvlc_MediaParsedChanged: p->parsed = true; break;
	case libvlc_MediaPlayerEncounteredError: p->failed = true; break;
	case libvlc_MediaPlayerEndReached: p->ended = true; break;
	default: break;
	}
	pthread_cond_signal(&p->cond);
	pthread_mutex_unlock(&p->lock);
}

static void *handle_lock(void *opaque, void **planes)
{
	struct worker *p = opaque;
	planes[0] = p->frame;
	return NULL;
}

static void handle_display(void *opaque, void *picture)
{
	(void)picture;
	struct worker *p = opaque;
	pthread_mutex_lock(&p->lock);
	p->frames++;
	pthread_cond_signal(&p->cond);
	pthread_mutex_unlock(&p->lock);
}

/* ---- waiting, always with a deadline ---- */

struct timespec deadline_in(int ms)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	t.tv_sec += ms / 1000;
	t.tv_nsec += (long)(ms % 1000) * 1000000L;
	if (t.tv_nsec >= 1000000000L) {
		t.tv_sec++;
		t.tv_nsec -= 1000000000L;
	}
	return t;
}

enum wait { WAIT_PARSED, WAIT_FRAME };

/* Waits until what is awaited happens (or, for a frame, until playing
 * ends or fails), at most timeout_ms; returns whether it happened. */
static bool wait_for(struct worker *p, enum wait what, int timeout_ms)
{
	struct timespec until = deadline_in(timeout_ms);
	bool got, stop;
	pthread_mutex_lock(&p->lock);
	for (;;) {
		got = what == WAIT_PARSED ? p->parsed : p->frames > 0;
		stop = got || (what == WAIT_FRAME && (p->failed || p->ended));
		if (stop || pthread_cond_timedwait(&p->cond, &p->lock, &until) == ETIMEDOUT)
			break;
	}
	got = what == WAIT_PARSED ? p->parsed : p->frames > 0;
	pthread_mutex_unlock(&p->lock);
	return got;
}

/* ---- the probe ---- */

void worker_destroy(struct worker *p)
{
	if (!p)
		return;
	if (p->vlc) {
		libvlc_log_unset(p->vlc);
		libvlc_release(p->vlc);
	}
	pthread_cond_destroy(&p->cond);
	pthread_mutex_destroy(&p->lock);
	vlcerr_fini(&p->vlc_error);
	free(p);
}

struct worker *worker_create(void)
{
	struct worker *p = calloc(1, sizeof(*p));
	if (!p) {
		log_err("probe", "out of memory");
		return NULL;
	}
	pthread_mutex_init(&p->lock, NULL);
	vlcerr_init(&p->vlc_error);
	pthread_condattr_t attr;
	pthread_condattr_init(&attr);
	pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
	pthread_cond_init(&p->cond, &attr);
	pthread_condattr_destroy(&attr);
	/* No sound, no window, no subtitles of VLC's own: only whether a
	 * picture can be decoded matters. */
	const char *args[] = {"--quiet",
	                      "--no-xlib",
	                      "--aout=adummy",
	                      "--vout=vdummy",
	                      "--no-osd",
	                      "--no-video-title-show",
	                      "--no-spu",
	                      "--no-stats",
	                      "--no-sub-autodetect-file",
	                      "--no-lua",
	                      "--no-snapshot-preview"};
	p->vlc = vlcerr_start(&p->vlc_error, "probe", (int)(sizeof(args) / sizeof(args[0])), args);
	if (!p->vlc) {
		worker_destroy(p);
		return NULL;
	}
	return p;
}

static void reset(struct worker *p)
{
	pthread_mutex_lock(&p->lock);
	p->parsed = p->failed = p->ended = false;
	p->frames = 0;
	pthread_mutex_unlock(&p->lock);
	vlcerr_clear(&p->vlc_error);
}

/* info->error = what, followed by VLC's own reason when it logged one. */
static bool fail(struct worker *p, struct probe_info *info, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static bool fail(struct worker *p, struct probe_info *info, const char *fmt, ...)
{
	char what[PROBE_ERR_LEN];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(what, sizeof(what), fmt, ap);
	va_end(ap);
	vlcerr_explain(&p->vlc_error, what, info->error, sizeof(info->error));
	return false;
}

static void read_tracks(libvlc_media_t *md, struct probe_info *info)
{
	libvlc_media_track_t **tracks = NULL;
	unsigned n = libvlc_media_tracks_get(md, &tracks);
	for (unsigned i = 0; i < n; i++) {
		const libvlc_media_track_t *t = tracks[i];
		if (t->i_type == libvlc_track_audio)
			info->has_audio = true;
		if (t->i_type != libvlc_track_video || info->has_video)
			continue;
		info->has_video = true;
		info->width = t->video ? t->video->i_width : 0;
		info->height = t->video ? t->video->i_height : 0;
	}
	if (tracks)
		libvlc_media_tracks_release(tracks, n);
}

/* Duration and tracks, as libVLC's preparser reads them from the file. */
static bool parse(struct worker *p, libvlc_media_t *md, int timeout_ms, struct probe_info *info)
{
	libvlc_event_manager_t *em = libvlc_media_event_manager(md);
	libvlc_event_attach(em, libvlc_MediaParsedChanged, handle_event, p);
	bool ok = false;
	if (libvlc_media_parse_with_options(md, libvlc_media_parse_local, timeout_ms) != 0) {
		const char *why = libvlc_errmsg();
		fail(p, info, "VLC cannot read it: %s", why ? why : "parsing refused");
		goto end;
	}
	/* The preparser has its own timeout; ours is a second more, in case. */
	if (!wait_for(p, WAIT_PARSED, timeout_ms + 1000)) {
		libvlc_media_parse_stop(md);
		fail(p, info, "VLC took more than %d s to read it", (timeout_ms + 999) / 1000);
		goto end;
	}
	switch (libvlc_media_get_parsed_status(md)) {
	case libvlc_media_parsed_status_done: break;
	case libvlc_media_parsed_status_timeout:
		fail(p, info, "VLC took more than %d s to read it", (timeout_ms + 999) / 1000);
		goto end;
	default: fail(p, info, "VLC cannot read it"); goto end;
	}
	read_tracks(md, info);
	info->duration_ms = libvlc_media_get_duration(md);
	/* Garbage can parse "done" with nothing in it: no picture or no
	 * length is as unusable as a failure. */
	if (!info->has_video)
		fail(p, info,
		     info->has_audio ? "no video track (sound only)"
		                     : "no video or sound track: not a video VLC can read");
	else if (info->duration_ms <= 0)
		fail(p, info, "VLC cannot tell its duration");
	else
		ok = true;
end:
	libvlc_event_detach(em, libvlc_MediaParsedChanged, handle_event, p);
	return ok;
}

/* A track listed in the header may still not decode (an unsupported
 * codec, data cut short): play from from_ms until a picture shows. */
static bool first_frame(struct worker *p, libvlc_media_t *md, long long from_ms, int timeout_ms,
                        struct probe_info *info)
{
	reset(p);
	libvlc_media_player_t *mp = libvlc_media_player_new_from_media(md);
	if (!mp) {
		const char *why = libvlc_errmsg();
		return fail(p, info, "VLC cannot play it: %s", why ? why : "unknown error");
	}
	libvlc_video_set_callbacks(mp, handle_lock, NULL, handle_display, p);
	libvlc_video_set_format(mp, "RV32", FRAME_W, FRAME_H, FRAME_PITCH);
	libvlc_audio_set_mute(mp, 1);
	static const libvlc_event_type_t watched[] = {libvlc_MediaPlayerEncounteredError,
	                                              libvlc_MediaPlayerEndReached};
	libvlc_event_manager_t *em = libvlc_media_player_event_manager(mp);
	for (size_t i = 0; i < sizeof(watched) / sizeof(watched[0]); i++)
		libvlc_event_attach(em, watched[i], handle_event, p);
	bool ok = false;
	char at[48] = "";
	if (from_ms > 0)
		snprintf(at, sizeof(at), " from %lld:%02lld.%lld on", from_ms / 60000,
		         from_ms / 1000 % 60, from_ms / 100 % 10);
	if (libvlc_media_player_play(mp) != 0) {
		const char *why = libvlc_errmsg();
		fail(p, info, "VLC cannot play it: %s", why ? why : "unknown error");
	} else if (wait_for(p, WAIT_FRAME, timeout_ms)) {
		ok = true;
	} else {
		pthread_mutex_lock(&p->lock);
		bool failed = p->failed, ended = p->ended;
		pthread_mutex_unlock(&p->lock);
		if (failed)
			fail(p, info, "VLC cannot decode it%s", at);
		else if (ended && from_ms > 0) /* VLC's message says nothing useful here */
			snprintf(info->error, sizeof(info->error),
			         "no picture%s: the file seems cut short", at);
		else if (ended)
			fail(p, info, "it ends without showing a picture");
		else
			fail(p, info, "no picture%s after %d s of playing", at,
			     (timeout_ms + 999) / 1000);
	}
	/* Stop before detaching, so that no event comes half-way. */
	libvlc_media_player_stop(mp);
	for (size_t i = 0; i < sizeof(watched) / sizeof(watched[0]); i++)
		libvlc_event_detach(em, watched[i], handle_event, p);
	libvlc_media_player_release(mp);
	return ok;
}

/* The header can promise more than the file holds (a copy cut short
 * still starts well): a picture must also come from near the end. */
static bool last_frames(struct worker *p, const char *file, int timeout_ms, struct probe_info *info)
{
	long long from = info->duration_ms - TAIL_MS;
	if (from <= 0)
		return true;
	libvlc_media_t *md = libvlc_media_new_path(p->vlc, file);
	if (!md) {
		const char *why = libvlc_errmsg();
		return fail(p, info, "VLC cannot open it: %s", why ? why : "unknown error");
	}
	char opt[64];
	snprintf(opt, sizeof(opt), ":start-time=%.3f", from / 1000.0);
	libvlc_media_add_option(md, opt);
	bool ok = first_frame(p, md, from, timeout_ms, info);
	libvlc_media_release(md);
	return ok;
}

bool worker_probe(struct worker *p, const char *file, int timeout_ms, struct probe_info *info)
{
	*info = (struct probe_info){.duration_ms = -1};
	if (!p)
		return false;
	reset(p);
	struct stat st;
	if (stat(file, &st) != 0)
		return fail(p, info, "cannot open: %s", strerror(errno));
	if (!S_ISREG(st.st_mode))
		return fail(p, info, "not a file");
	if (st.st_size == 0)
		return fail(p, info, "empty file");
	libvlc_media_t *md = libvlc_media_new_path(p->vlc, file);
	if (!md) {
		const char *why = libvlc_errmsg();
		return fail(p, info, "VLC cannot open it: %s", why ? why : "unknown error");
	}
	bool ok = parse(p, md, timeout_ms, info) && first_frame(p, md, 0, timeout_ms, info);
	libvlc_media_release(md);
	return ok && last_frames(p, file, timeout_ms, info);
}
