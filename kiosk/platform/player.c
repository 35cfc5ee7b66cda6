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
#include <time.h>
#include <vlc/vlc.h>

#include "platform/player_priv.h"

double player_mono_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

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

/* The first video track's visible size (0 if not known yet). The media
 * is not the player: reading its tracks takes only the item's lock. */
static void visible_size(struct media *m, unsigned *w, unsigned *h)
{
	libvlc_media_track_t **tracks = NULL;
	unsigned n = libvlc_media_tracks_get(m->md, &tracks);
	for (unsigned i = 0; i < n; i++)
		if (tracks[i]->i_type == libvlc_track_video) {
			*w = tracks[i]->video->i_width;
			*h = tracks[i]->video->i_height;
			break;
		}
	if (tracks)
		libvlc_media_tracks_release(tracks, n);
}

static unsigned handle_format(void **opaque, char *chroma, unsigned *width, unsigned *height,
                              unsigned *pitches, unsigned *lines)
{
	struct media *m = *opaque;
	unsigned w = *width, h = *height;
	if (w == 0 || h == 0 || w > MAX_SIDE || h > MAX_SIDE)
		return 0;
	/* libVLC offers the decoder's padded size (1280x738 for 720p H.264)
	 * and makes it the visible size of our pictures: kept, every picture
	 * went through a bicubic rescale (720 lines stretched to 738, the
	 * bottom then cut by player_frame). The track's visible size makes
	 * it a plain copy of the visible part. */
	unsigned vw = 0, vh = 0;
	visible_size(m, &vw, &vh);
	if (vw && vh && vw <= w && vh <= h) {
		*width = w = vw;
		*height = h = vh;
	}
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
		if (!m->t_format)
			m->t_format = player_mono_ms();
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

static void request_pause(struct media *m)
{
	struct player *p = m->p;
	pthread_mutex_lock(&p->q_lock);
	/* Not if player_open took it meanwhile (it would stay paused), nor
	 * if it is closing (the worker may free it before pausing). */
	pthread_mutex_lock(&m->lock);
	bool still = m->prerolled;
	pthread_mutex_unlock(&m->lock);
	if (still && !m->closing)
		p->pause_req = m;
	pthread_cond_broadcast(&p->q_cond);
	pthread_mutex_unlock(&p->q_lock);
}

static void handle_display(void *opaque, void *picture)
{
	(void)picture;
	struct media *m = opaque;
	pthread_mutex_lock(&m->lock);
	/* Prerolled: the first picture is kept for player_open (the few that
	 * come before the worker has paused are not shown). */
	bool keep = !(m->prerolled && m->t_decoded);
	bool first_of_preroll = m->prerolled && !m->t_decoded;
	if (keep) {
		for (int i = 0; i < 3 && m->dec[i]; i++)
			memcpy(m->ready[i], m->dec[i], (size_t)m->pitch[i] * m->lines[i]);
		m->fresh = m->dec[0] != NULL;
	}
	if (!m->t_decoded)
		m->t_decoded = player_mono_ms();
	pthread_mutex_unlock(&m->lock);
	atomic_fetch_add(&m->displayed, 1);
	if (first_of_preroll)
		request_pause(m); /* never libVLC from its own callback */
	if (keep && !atomic_exchange(&m->frame_posted, true))
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
	pthread_mutex_lock(&m->p->q_lock);
	if (m->p->pause_req == m)
		m->p->pause_req = NULL;
	pthread_mutex_unlock(&m->p->q_lock);
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
		while (!p->queue && !p->pause_req && !p->quit)
			pthread_cond_wait(&p->q_cond, &p->q_lock);
		if (p->pause_req) {
			/* Before any stop: a media queued for stopping is not
			 * freed before its pause is done or dropped. */
			struct media *pm = p->pause_req;
			p->pause_req = NULL;
			p->pausing = pm;
			pthread_mutex_unlock(&p->q_lock);
			libvlc_media_player_set_pause(pm->mp, 1);
			pthread_mutex_lock(&pm->lock);
			pm->held = true;
			pthread_mutex_unlock(&pm->lock);
			pthread_mutex_lock(&p->q_lock);
			p->pausing = NULL;
			pthread_cond_broadcast(&p->q_cond);
			continue;
		}
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

/* libVLC 3 reads its plugin bank again for every instance when none is
 * left alive, and each such reading keeps about 12 KB for good (a program
 * that only makes and releases instances grows the same way): a kiosk that
 * makes a player for each session (context/player_life.c) grew by ~14 KB a session,
 * 90 MB over 6,500 sessions in the soak (RELIABILITY.md). One bare instance,
 * made with the first player and held until the program ends, keeps the
 * bank loaded: the players still come and go with the sessions, and the
 * attract screen before the first session still holds no libVLC. Its owner
 * is the caller (context/player_life.c), not a global of this file. */
struct player_bank {
	libvlc_instance_t *vlc;
};

struct player_bank *player_bank_create(void)
{
	const char *args[] = {"--quiet", "--no-lua"};
	struct player_bank *b = calloc(1, sizeof(*b));
	if (b)
		b->vlc = libvlc_new((int)(sizeof(args) / sizeof(args[0])), args);
	if (!b || !b->vlc) {
		log_warn("player",
		         "cannot hold libVLC's plugins: each session will read them again");
		free(b);
		return NULL;
	}
	return b;
}

void player_bank_destroy(struct player_bank *b)
{
	if (!b)
		return;
	libvlc_release(b->vlc);
	free(b);
}

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
		pthread_cond_broadcast(&p->q_cond);
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
	m->closing = true;
	if (p->pause_req == m)
		p->pause_req = NULL;
	m->next = NULL;
	struct media **tail = &p->queue;
	while (*tail)
		tail = &(*tail)->next;
	*tail = m;
	p->pending++;
	pthread_cond_broadcast(&p->q_cond);
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

/* A new media playing `file` from start_ms (paused: stopped on its first
 * picture), as p->cur. False if libVLC refuses it (p->cur closed; the
 * error set unless quiet). */
static bool start_media(struct player *p, const char *file, long long start_ms, bool paused,
                        bool quiet)
{
	struct media *m = calloc(1, sizeof(*m));
	if (!m || !(m->file = strdup(file))) {
		free(m);
		if (!quiet)
			set_error(p, file, "out of memory");
		return false;
	}
	m->p = p;
	m->gen = ++p->gen;
	m->t_open = player_mono_ms();
	m->prerolled = paused;
	m->start_ms = start_ms;
	pthread_mutex_init(&m->lock, NULL);
	p->cur = m;
	bool ok = false;
	m->md = libvlc_media_new_path(p->vlc, file);
	if (!m->md) {
		if (!quiet)
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
		if (!quiet)
			vlc_failed(p, file, "libvlc_media_player_new");
		goto end;
	}
	libvlc_video_set_callbacks(m->mp, handle_lock, NULL, handle_display, m);
	libvlc_video_set_format_callbacks(m->mp, handle_format, handle_cleanup);
	libvlc_event_manager_t *em = libvlc_media_player_event_manager(m->mp);
	for (size_t i = 0; i < sizeof(watched) / sizeof(watched[0]); i++)
		libvlc_event_attach(em, watched[i], handle_vlc_event, m);
	libvlc_audio_set_volume(m->mp, paused ? 0 : p->volume);
	if (libvlc_media_player_play(m->mp) != 0) {
		if (!quiet)
			vlc_failed(p, file, "libvlc_media_player_play");
		goto end;
	}
	ok = true;
	m->t_played = player_mono_ms();
end:
	if (!ok)
		player_close(p);
	return ok;
}

static void reset_state(struct player *p, long long start_ms)
{
	p->failed_or_ended = PLAYER_IDLE;
	p->paused = false;
	p->frames = 0;
	p->last_time = start_ms > 0 ? start_ms : 0;
	p->length = -1;
	p->error[0] = '\0';
	p->aspect = 0;
	p->t_uploaded = 0;
}

/* The prerolled media, if it is `file` from start_ms and still sound. */
static bool preroll_fits(const struct player *p, const char *file, long long start_ms)
{
	const struct media *m = p->cur;
	return m && m->prerolled && m->start_ms == (start_ms > 0 ? start_ms : 0) &&
	       strcmp(m->file, file) == 0 && libvlc_media_player_get_state(m->mp) != libvlc_Error;
}

void player_preroll(struct player *p, const char *file, long long start_ms)
{
	if (!p || !file)
		return;
	if (start_ms < 0)
		start_ms = 0;
	if (preroll_fits(p, file, start_ms))
		return;
	player_close(p);
	struct stat st;
	if (stat(file, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size == 0)
		return; /* player_open will say why */
	reset_state(p, start_ms);
	start_media(p, file, start_ms, true, true);
}

void player_drop_preroll(struct player *p)
{
	if (p && p->cur && p->cur->prerolled)
		player_close(p);
}

bool player_open(struct player *p, const char *file, long long start_ms)
{
	if (!p)
		return false;
	if (start_ms < 0)
		start_ms = 0;
	if (preroll_fits(p, file, start_ms)) {
		/* Opened, decoding (or decoded) and paused on its first picture:
		 * its frame event went to the screen before, so the next one is
		 * posted anew; player_upload takes the picture. */
		struct media *m = p->cur;
		reset_state(p, start_ms);
		vlcerr_clear(&p->vlc_error);
		pthread_mutex_lock(&m->lock);
		m->prerolled = false; /* no pause asked from now on */
		m->t_open = player_mono_ms();
		pthread_mutex_unlock(&m->lock);
		pthread_mutex_lock(&p->q_lock);
		if (p->pause_req == m)
			p->pause_req = NULL;
		while (p->pausing == m)
			pthread_cond_wait(&p->q_cond, &p->q_lock);
		pthread_mutex_unlock(&p->q_lock);
		pthread_mutex_lock(&m->lock);
		bool held = m->held;
		pthread_mutex_unlock(&m->lock);
		atomic_store(&m->frame_posted, false);
		libvlc_audio_set_volume(m->mp, p->volume);
		if (held) {
			/* It went on for a frame or two before the pause, muted:
			 * from the start again, the first picture on screen
			 * meanwhile. */
			libvlc_media_player_set_time(m->mp, start_ms);
			libvlc_media_player_set_pause(m->mp, 0);
		}
		m->t_played = player_mono_ms();
		return true;
	}
	player_close(p);
	reset_state(p, start_ms);
	vlcerr_clear(&p->vlc_error);
	if (!check_file(p, file) || !start_media(p, file, start_ms, false, false)) {
		p->failed_or_ended = PLAYER_FAILED;
		return false;
	}
	return true;
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

struct player_times player_times(const struct player *p)
{
	struct player_times t = {0};
	if (!p || !p->cur)
		return t;
	struct media *m = p->cur;
	pthread_mutex_lock(&m->lock);
	t = (struct player_times){m->t_open, m->t_played, m->t_format, m->t_decoded, p->t_uploaded};
	pthread_mutex_unlock(&m->lock);
	return t;
}

unsigned player_frames(const struct player *p)
{
	return p ? p->frames : 0;
}

const char *player_error(const struct player *p)
{
	return p && p->error[0] ? p->error : "no player";
}
