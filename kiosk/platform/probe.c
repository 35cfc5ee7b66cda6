#include "platform/probe.h"
#include "platform/vlcerr.h"

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

/* libVLC runs in a child process that the checker talks to through two
 * pipes. A file that makes libVLC hang or crash costs that child, not the
 * check: the parent waits a bounded time, kills it and starts another. */

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

static struct timespec deadline_in(int ms)
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

static void worker_destroy(struct worker *p)
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

static struct worker *worker_create(void)
{
	struct worker *p = calloc(1, sizeof(*p));
	if (!p) {
		fprintf(stderr, "<3>probe: out of memory\n");
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
	p->vlc = libvlc_new((int)(sizeof(args) / sizeof(args[0])), args);
	if (!p->vlc) {
		const char *why = libvlc_errmsg();
		fprintf(stderr,
		        "<3>probe: cannot start libVLC: %s (is vlc-plugin-base installed?)\n",
		        why ? why : "unknown error");
		worker_destroy(p);
		return NULL;
	}
	vlcerr_attach(&p->vlc_error, p->vlc);
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

static bool worker_probe(struct worker *p, const char *file, int timeout_ms,
                         struct probe_info *info)
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

/* ---- the child: one libVLC instance, one request at a time ---- */

struct request {
	int32_t timeout_ms;
	uint32_t len; /* of the path that follows, without NUL */
};

static bool write_all(int fd, const void *buf, size_t len)
{
	const char *p = buf;
	while (len > 0) {
		ssize_t n = write(fd, p, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return false;
		p += n;
		len -= (size_t)n;
	}
	return true;
}

/* Reads len bytes, waiting at most timeout_ms in all (-1: no limit).
 * 1 done, 0 end of file, -1 error, -2 timed out. */
static int read_all(int fd, void *buf, size_t len, int timeout_ms)
{
	char *p = buf;
	struct timespec until = deadline_in(timeout_ms < 0 ? 0 : timeout_ms);
	while (len > 0) {
		int wait = -1;
		if (timeout_ms >= 0) {
			struct timespec now;
			clock_gettime(CLOCK_MONOTONIC, &now);
			long long left = (until.tv_sec - now.tv_sec) * 1000LL +
			                 (until.tv_nsec - now.tv_nsec) / 1000000L;
			if (left <= 0)
				return -2;
			wait = (int)left;
		}
		struct pollfd pfd = {.fd = fd, .events = POLLIN};
		int r = poll(&pfd, 1, wait);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0)
			return -1;
		if (r == 0)
			continue; /* the deadline is checked above */
		ssize_t n = read(fd, p, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -1;
		if (n == 0)
			return 0;
		p += n;
		len -= (size_t)n;
	}
	return 1;
}

static void child_main(int req_fd, int rep_fd)
{
	struct worker *w = worker_create();
	char ready = w ? 1 : 0;
	if (!write_all(rep_fd, &ready, 1) || !w)
		goto end;
	for (;;) {
		struct request rq;
		if (read_all(req_fd, &rq, sizeof(rq), -1) != 1 || rq.len > 65536)
			break;
		char *path = malloc(rq.len + 1);
		if (!path || read_all(req_fd, path, rq.len, -1) != 1) {
			free(path);
			break;
		}
		path[rq.len] = '\0';
		struct probe_info info;
		worker_probe(w, path, rq.timeout_ms, &info);
		free(path);
		if (!write_all(rep_fd, &info, sizeof(info)))
			break;
	}
end:
	worker_destroy(w);
	_exit(0); /* the parent's atexit handlers and stdio are not ours */
}

/* ---- the parent ---- */

struct probe {
	pid_t child; /* -1 when none runs */
	int req_fd, rep_fd;
};

static void stop_child(struct probe *p, bool kill_it)
{
	if (p->child <= 0)
		return;
	close(p->req_fd); /* asks a healthy child to end */
	close(p->rep_fd);
	p->req_fd = p->rep_fd = -1;
	if (kill_it)
		kill(p->child, SIGKILL);
	/* A child that will not end within 3 s is killed. */
	for (int i = 0; i < 300; i++) {
		if (waitpid(p->child, NULL, WNOHANG) != 0)
			goto done;
		struct timespec t = {0, 10000000L};
		nanosleep(&t, NULL);
	}
	kill(p->child, SIGKILL);
	waitpid(p->child, NULL, 0);
done:
	p->child = -1;
}

/* Starts the child and waits (bounded) until its libVLC is up. */
static bool start_child(struct probe *p)
{
	int req[2], rep[2];
	if (pipe2(req, O_CLOEXEC) != 0)
		goto fail;
	if (pipe2(rep, O_CLOEXEC) != 0) {
		close(req[0]);
		close(req[1]);
		goto fail;
	}
	fflush(NULL); /* nothing buffered may be written twice */
	pid_t pid = fork();
	if (pid == 0) {
		/* Ctrl-C or a stop ends the child at once; the parent notices. */
		signal(SIGINT, SIG_DFL);
		signal(SIGTERM, SIG_DFL);
		close(req[1]);
		close(rep[0]);
		child_main(req[0], rep[1]);
	}
	close(req[0]);
	close(rep[1]);
	if (pid < 0) {
		close(req[1]);
		close(rep[0]);
		goto fail;
	}
	p->child = pid;
	p->req_fd = req[1];
	p->rep_fd = rep[0];
	char ready = 0;
	if (read_all(p->rep_fd, &ready, 1, 20000) == 1 && ready)
		return true;
	stop_child(p, true); /* the child said why on stderr */
	return false;
fail:
	fprintf(stderr, "<3>probe: cannot start the libVLC process: %s\n", strerror(errno));
	return false;
}

struct probe *probe_create(void)
{
	struct probe *p = calloc(1, sizeof(*p));
	if (!p) {
		fprintf(stderr, "<3>probe: out of memory\n");
		return NULL;
	}
	*p = (struct probe){.child = -1, .req_fd = -1, .rep_fd = -1};
	if (!start_child(p)) {
		free(p);
		return NULL;
	}
	return p;
}

void probe_destroy(struct probe *p)
{
	if (!p)
		return;
	stop_child(p, false);
	free(p);
}

bool probe_media(struct probe *p, const char *file, int timeout_ms, struct probe_info *info)
{
	*info = (struct probe_info){.duration_ms = -1};
	if (!p)
		return false;
	if (p->child <= 0 && !start_child(p)) {
		snprintf(info->error, sizeof(info->error), "libVLC could not be restarted");
		return false;
	}
	struct request rq = {.timeout_ms = timeout_ms, .len = (uint32_t)strlen(file)};
	/* Reading, then two plays, each bounded by timeout_ms in the child. */
	int budget = 3 * timeout_ms + 5000;
	int r = -1;
	if (write_all(p->req_fd, &rq, sizeof(rq)) && write_all(p->req_fd, file, rq.len))
		r = read_all(p->rep_fd, info, sizeof(*info), budget);
	if (r == 1) {
		info->error[sizeof(info->error) - 1] = '\0';
		return info->error[0] == '\0';
	}
	*info = (struct probe_info){.duration_ms = -1};
	if (r == -2)
		snprintf(info->error, sizeof(info->error),
		         "VLC was still reading it after %d s and was stopped", budget / 1000);
	else
		snprintf(info->error, sizeof(info->error), "VLC crashed reading it");
	stop_child(p, true);
	return false;
}
