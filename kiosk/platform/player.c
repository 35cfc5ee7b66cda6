#include "platform/player.h"
#include "platform/vlcerr.h"
#include "core/log.h"

#include <errno.h>
#include <malloc.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <vlc/vlc.h>

#include "platform/player_priv.h"

/* ---- libVLC's threads: copy, flag, post; never call libVLC back. ---- */

static void free_planes(struct media *m)
{
	for (int i = 0; i < 3; i++) {
		free(m->dec[i]);
		free(m->ready[i]);
		m->dec[i] = m->ready[i] = NULL;
	}
	m->w = m->h = 0;
	m->fresh = false;
}

static unsigned handle_format(void **opaque, char *chroma, unsigned *width, unsigned *height,
                              unsigned *pitches, unsigned *lines)
{
	struct media *m = *opaque;
	unsigned w = *width, h = *height;
	if (w == 0 || h == 0 || w > MAX_SIDE || h > MAX_SIDE)
		return 0;
	/* Planar 4:2:0: what most videos decode to, so libVLC converts
	 * nothing, and the GPU turns it into RGB when the texture is drawn. */
	memcpy(chroma, "I420", 4);
	/* libVLC's SIMD copies want 32-byte pitches and whole macroblock rows. */
	pitches[0] = ALIGN_UP(w, 32);
	lines[0] = ALIGN_UP(h, 32);
	pitches[1] = pitches[2] = ALIGN_UP((w + 1) / 2, 32);
	lines[1] = lines[2] = lines[0] / 2;
	pthread_mutex_lock(&m->lock);
	free_planes(m);
	bool ok = true;
	for (int i = 0; i < 3; i++) {
		size_t size = (size_t)pitches[i] * lines[i];
		m->pitch[i] = pitches[i];
		m->lines[i] = lines[i];
		m->dec[i] = aligned_alloc(64, size);
		m->ready[i] = aligned_alloc(64, size);
		if (!m->dec[i] || !m->ready[i])
			ok = false;
	}
	if (ok) {
		m->w = w;
		m->h = h;
	} else {
		free_planes(m);
	}
	pthread_mutex_unlock(&m->lock);
	return ok ? 1 : 0;
}

static void handle_cleanup(void *opaque)
{
	struct media *m = opaque;
	pthread_mutex_lock(&m->lock);
	free_planes(m);
	pthread_mutex_unlock(&m->lock);
}

static void *handle_lock(void *opaque, void **planes)
{
	struct media *m = opaque;
	for (int i = 0; i < 3; i++)
		planes[i] = m->dec[i];
	return NULL;
}

static void post(Uint32 type, unsigned gen, int what)
{
	SDL_Event e = {0};
	e.type = type;
	e.user.code = (Sint32)gen;
	e.user.data1 = (void *)(intptr_t)what;
	SDL_PushEvent(&e);
}

static void handle_display(void *opaque, void *picture)
{
	(void)picture;
	struct media *m = opaque;
	pthread_mutex_lock(&m->lock);
	for (int i = 0; i < 3 && m->dec[i]; i++)
		memcpy(m->ready[i], m->dec[i], (size_t)m->pitch[i] * m->lines[i]);
	m->fresh = m->dec[0] != NULL;
	pthread_mutex_unlock(&m->lock);
	atomic_fetch_add(&m->displayed, 1);
	if (!atomic_exchange(&m->frame_posted, true))
		post(m->p->ev_frame, m->gen, 0);
}

static void handle_vlc_event(const struct libvlc_event_t *ev, void *data)
{
	struct media *m = data;
	post(m->p->ev_state, m->gen, ev->type);
}

/* ---- The stop worker. ---- */

static const libvlc_event_type_t watched[] = {
    libvlc_MediaPlayerPlaying,
    libvlc_MediaPlayerPaused,
    libvlc_MediaPlayerEndReached,
    libvlc_MediaPlayerEncounteredError,
};

static void media_free(struct media *m)
{
	if (m->mp) {
		libvlc_event_manager_t *em = libvlc_media_player_event_manager(m->mp);
		for (size_t i = 0; i < sizeof(watched) / sizeof(watched[0]); i++)
			libvlc_event_detach(em, watched[i], handle_vlc_event, m);
		libvlc_media_player_stop(m->mp); /* joins libVLC's threads: may block */
		libvlc_media_player_release(m->mp);
	}
	if (m->md)
		libvlc_media_release(m->md);
	free_planes(m);
	pthread_mutex_destroy(&m->lock);
	free(m->file);
	free(m);
}

static void *worker_main(void *arg)
{
	struct player *p = arg;
	pthread_mutex_lock(&p->q_lock);
	for (;;) {
		while (!p->queue && !p->quit)
			pthread_cond_wait(&p->q_cond, &p->q_lock);
		struct media *m = p->queue;
		if (!m)
			break; /* quit, and nothing left to stop */
		p->queue = m->next;
		pthread_mutex_unlock(&p->q_lock);
		media_free(m);
		pthread_mutex_lock(&p->q_lock);
		p->pending--;
	}
	pthread_mutex_unlock(&p->q_lock);
	return NULL;
}

/* ---- The main thread. ---- */

/* Each video makes libVLC's decoder threads allocate and free tens of MB of
 * pictures (1.4 MB each at 720p). glibc raises its mmap threshold the first
 * time such a block is freed, so later pictures come from per-thread arenas
 * that keep the freed pages: the resident memory grew by 5 to 40 MB with
 * every video shown (tests/reliability/monkey.sh). A fixed threshold keeps
 * big blocks in mmap, given back to the system when freed. */
enum { PICTURE_MMAP_THRESHOLD = 256 * 1024 };

struct player *player_create(bool headless, int volume, Uint32 user_event)
{
	if (mallopt(M_MMAP_THRESHOLD, PICTURE_MMAP_THRESHOLD) != 1)
		log_warn("player", "cannot fix the allocator's mmap threshold");
	struct player *p = calloc(1, sizeof(*p));
	if (!p)
		return NULL;
	p->ev_frame = user_event;
	p->ev_state = user_event + 1;
	p->volume = volume < 0 ? 0 : volume > 100 ? 100 : volume;
	p->last_time = p->length = -1;
	pthread_mutex_init(&p->q_lock, NULL);
	pthread_cond_init(&p->q_cond, NULL);
	vlcerr_init(&p->vlc_error);
	/* We draw frames and subtitles ourselves: no window, title or OSD of
	 * VLC's own, and no subtitle decoding. */
	const char *args[] = {
	    "--quiet",
	    "--no-xlib",
	    "--no-video-title-show",
	    "--no-osd",
	    "--no-spu",
	    "--no-sub-autodetect-file",
	    "--no-stats",
	    "--no-snapshot-preview",
	    "--no-lua",
	    headless ? "--aout=adummy" : "--no-video-deco",
	};
	p->vlc = vlcerr_start(&p->vlc_error, "player", (int)(sizeof(args) / sizeof(args[0])), args);
	if (!p->vlc) {
		player_destroy(p);
		return NULL;
	}
	if (pthread_create(&p->worker, NULL, worker_main, p) != 0) {
		log_err("player", "cannot start the stop worker");
		libvlc_log_unset(p->vlc);
		libvlc_release(p->vlc);
		p->vlc = NULL;
		player_destroy(p);
		return NULL;
	}
	return p;
}

void player_destroy(struct player *p)
{
	if (!p)
		return;
	if (p->vlc) {
		player_close(p);
		pthread_mutex_lock(&p->q_lock);
		p->quit = true;
		pthread_cond_signal(&p->q_cond);
		pthread_mutex_unlock(&p->q_lock);
		pthread_join(p->worker, NULL);
		libvlc_log_unset(p->vlc);
		libvlc_release(p->vlc);
	}
	if (p->tex)
		SDL_DestroyTexture(p->tex);
	for (int i = 0; i < p->n_posters; i++) {
		SDL_DestroyTexture(p->posters[i].tex);
		free(p->posters[i].file);
	}
	vlcerr_fini(&p->vlc_error);
	pthread_cond_destroy(&p->q_cond);
	pthread_mutex_destroy(&p->q_lock);
	free(p);
}

static void set_error(struct player *p, const char *file, const char *why)
{
	snprintf(p->error, sizeof(p->error), "%s", why);
	/* The file name tells the session's language: it goes to debug only;
	 * kiosk --check names every file that cannot be played. */
	log_err("player", "cannot play a video of the module: %s (kiosk --check names it)", why);
	log_debug("player", "cannot play %s", file);
}

void player_close(struct player *p)
{
	if (!p || !p->cur)
		return;
	struct media *m = p->cur;
	p->cur = NULL;
	p->gen++; /* its events still in the queue are now ignored */
	pthread_mutex_lock(&p->q_lock);
	m->next = NULL;
	struct media **tail = &p->queue;
	while (*tail)
		tail = &(*tail)->next;
	*tail = m;
	p->pending++;
	pthread_cond_signal(&p->q_cond);
	pthread_mutex_unlock(&p->q_lock);
}

int player_pending_stops(struct player *p)
{
	pthread_mutex_lock(&p->q_lock);
	int n = p->pending;
	pthread_mutex_unlock(&p->q_lock);
	return n;
}

/* Missing and empty files are told apart before libVLC sees them: its own
 * message would be vaguer. */
static bool check_file(struct player *p, const char *file)
{
	struct stat st;
	if (stat(file, &st) != 0) {
		set_error(p, file, strerror(errno));
		return false;
	}
	if (!S_ISREG(st.st_mode)) {
		set_error(p, file, "not a regular file");
		return false;
	}
	if (st.st_size == 0) {
		set_error(p, file, "empty file");
		return false;
	}
	return true;
}

static bool vlc_failed(struct player *p, const char *file, const char *what)
{
	const char *why = libvlc_errmsg();
	char buf[ERR_LEN];
	snprintf(buf, sizeof(buf), "%s: %s", what, why ? why : "unknown error");
	set_error(p, file, buf);
	return false;
}

bool player_open(struct player *p, const char *file, long long start_ms)
{
	if (!p)
		return false;
	player_close(p);
	p->failed_or_ended = PLAYER_IDLE;
	p->paused = false;
	p->frames = 0;
	p->last_time = start_ms > 0 ? start_ms : 0;
	p->length = -1;
	p->error[0] = '\0';
	p->aspect = 0;
	vlcerr_clear(&p->vlc_error);
	if (!check_file(p, file)) {
		p->failed_or_ended = PLAYER_FAILED;
		return false;
	}
	struct media *m = calloc(1, sizeof(*m));
	if (!m || !(m->file = strdup(file))) {
		free(m);
		set_error(p, file, "out of memory");
		p->failed_or_ended = PLAYER_FAILED;
		return false;
	}
	m->p = p;
	m->gen = ++p->gen;
	pthread_mutex_init(&m->lock, NULL);
	p->cur = m;
	bool ok = false;
	m->md = libvlc_media_new_path(p->vlc, file);
	if (!m->md) {
		vlc_failed(p, file, "libvlc_media_new_path");
		goto end;
	}
	if (start_ms > 0) {
		char opt[64];
		snprintf(opt, sizeof(opt), ":start-time=%.3f", start_ms / 1000.0);
		libvlc_media_add_option(m->md, opt);
	}
	m->mp = libvlc_media_player_new_from_media(m->md);
	if (!m->mp) {
		vlc_failed(p, file, "libvlc_media_player_new");
		goto end;
	}
	libvlc_video_set_callbacks(m->mp, handle_lock, NULL, handle_display, m);
	libvlc_video_set_format_callbacks(m->mp, handle_format, handle_cleanup);
	libvlc_event_manager_t *em = libvlc_media_player_event_manager(m->mp);
	for (size_t i = 0; i < sizeof(watched) / sizeof(watched[0]); i++)
		libvlc_event_attach(em, watched[i], handle_vlc_event, m);
	libvlc_audio_set_volume(m->mp, p->volume);
	if (libvlc_media_player_play(m->mp) != 0) {
		vlc_failed(p, file, "libvlc_media_player_play");
		goto end;
	}
	ok = true;
end:
	if (!ok) {
		p->failed_or_ended = PLAYER_FAILED;
		player_close(p);
	}
	return ok;
}

void player_fail(struct player *p, const char *why)
{
	if (!p || !p->cur || p->failed_or_ended != PLAYER_IDLE)
		return;
	char buf[ERR_LEN * 2];
	vlcerr_explain(&p->vlc_error, why, buf, sizeof(buf));
	p->last_time = player_time(p);
	set_error(p, p->cur->file, buf);
	p->failed_or_ended = PLAYER_FAILED;
	player_close(p);
}

enum player_change player_handle_event(struct player *p, const SDL_Event *e)
{
	if (!p || !p->cur || (unsigned)e->user.code != p->cur->gen)
		return PLAYER_NOTHING; /* a video closed since */
	struct media *m = p->cur;
	if (e->type == p->ev_frame) {
		atomic_store(&m->frame_posted, false);
		return PLAYER_NEW_FRAME;
	}
	if (e->type != p->ev_state || p->failed_or_ended != PLAYER_IDLE)
		return PLAYER_NOTHING;
	switch ((int)(intptr_t)e->user.data1) {
	case libvlc_MediaPlayerEndReached:
		if (atomic_load(&m->displayed) == 0) {
			player_fail(p, "no picture in the file (audio only, unsupported codec "
			               "or damaged)");
		} else {
			p->last_time = p->length > 0 ? p->length : player_time(p);
			p->failed_or_ended = PLAYER_ENDED;
			player_close(p);
		}
		return PLAYER_NEW_STATE;
	case libvlc_MediaPlayerEncounteredError:
		player_fail(p, "playback error");
		return PLAYER_NEW_STATE;
	default: return PLAYER_NEW_STATE;
	}
}

void player_pause(struct player *p, bool pause)
{
	if (!p || !p->cur || p->paused == pause)
		return;
	p->paused = pause;
	libvlc_media_player_set_pause(p->cur->mp, pause);
}

void player_seek(struct player *p, long long ms)
{
	if (!p || !p->cur)
		return;
	if (ms < 0)
		ms = 0;
	libvlc_media_player_set_time(p->cur->mp, ms);
	p->last_time = ms;
}

void player_set_volume(struct player *p, int volume)
{
	if (!p)
		return;
	p->volume = volume < 0 ? 0 : volume > 100 ? 100 : volume;
	if (p->cur)
		libvlc_audio_set_volume(p->cur->mp, p->volume);
}

int player_volume(const struct player *p)
{
	return p ? p->volume : 0;
}

enum player_state player_state(const struct player *p)
{
	if (!p)
		return PLAYER_FAILED;
	if (p->failed_or_ended != PLAYER_IDLE)
		return p->failed_or_ended;
	if (!p->cur)
		return PLAYER_IDLE;
	if (p->frames == 0)
		return PLAYER_OPENING;
	return p->paused ? PLAYER_PAUSED : PLAYER_PLAYING;
}

long long player_time(const struct player *p)
{
	if (!p)
		return -1;
	if (p->cur) {
		long long t = libvlc_media_player_get_time(p->cur->mp);
		if (t >= 0)
			return t;
	}
	return p->last_time;
}

long long player_length(struct player *p)
{
	if (!p)
		return -1;
	if (p->cur) {
		long long len = libvlc_media_player_get_length(p->cur->mp);
		if (len > 0)
			p->length = len;
	}
	return p->length;
}

unsigned player_frames(const struct player *p)
{
	return p ? p->frames : 0;
}

const char *player_error(const struct player *p)
{
	return p && p->error[0] ? p->error : "no player";
}
