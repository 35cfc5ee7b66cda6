/* Video playback through libVLC (docs/design.md). One libVLC instance lives
 * as long as the program; each video gets its own media player, stopped and
 * released by a worker thread so that leaving a video never blocks the main
 * loop. libVLC's threads only copy frames into buffers we own and post SDL
 * user events; the main thread uploads the newest frame to a texture. */
#ifndef KIOSK_PLATFORM_PLAYER_H
#define KIOSK_PLATFORM_PLAYER_H

#include <SDL.h>
#include <stdbool.h>

struct player;

enum player_state {
	PLAYER_IDLE,    /* nothing open */
	PLAYER_OPENING, /* started, no frame yet */
	PLAYER_PLAYING,
	PLAYER_PAUSED,
	PLAYER_ENDED,  /* reached the end after showing frames */
	PLAYER_FAILED, /* see player_error(); already logged */
};

/* What one of our SDL events changed (player_handle_event). */
enum player_change { PLAYER_NOTHING, PLAYER_NEW_FRAME, PLAYER_NEW_STATE };

/* The frame on screen: a texture in the player, and the size to show it at. */
struct player_frame {
	SDL_Texture *tex; /* NULL: no frame yet */
	int w, h;         /* visible pixels: draw the texture's {0, 0, w, h} */
	float aspect;     /* display aspect ratio (w/h with the pixel aspect) */
};

/* One libVLC instance (the kiosk makes it when a session starts and lets
 * it go on the attract screen: context/player_life.c).
 * headless: no sound device (VLC's dummy audio output). user_event is the
 * first of the SDL event types registered for us (we use two). NULL if
 * libVLC cannot start; the kiosk then says videos are unavailable. */
/* libVLC's plugin bank held loaded between players (player.c says why):
 * made before the first player, destroyed after the last. NULL on failure
 * (logged; players still work, each reading the plugins again). */
struct player_bank;
struct player_bank *player_bank_create(void);
void player_bank_destroy(struct player_bank *b);

struct player *player_create(bool headless, int volume, Uint32 user_event);
void player_destroy(struct player *p);

/* Start playing `file` at `start_ms`. Returns false if it
 * cannot even start (missing or empty file...): logged, player_error() says
 * why. Any media still open is closed first. */
bool player_open(struct player *p, const char *file, long long start_ms);
/* Get `file` ready to show at once: opened paused at start_ms, so that
 * libVLC has opened it, started its decoder and decoded the first picture
 * before anyone asks (the kiosk does it while the chapter screen is shown).
 * A player_open of the same file and start then only uploads that picture
 * and resumes. Quiet: a file that cannot be opened is reported by
 * player_open. Already prerolled: nothing. Anything else open is closed. */
void player_preroll(struct player *p, const char *file, long long start_ms);
/* Close what player_preroll opened if player_open has not taken it. */
void player_drop_preroll(struct player *p);
/* Stop and release the media without waiting for libVLC. */
void player_close(struct player *p);
/* Give up on the media (e.g. no frame in time): logged with the file name
 * and libVLC's last error. */
void player_fail(struct player *p, const char *why);

/* One of our SDL events (type >= user_event): what it changed. */
enum player_change player_handle_event(struct player *p, const SDL_Event *e);
/* Copy the newest decoded frame into the player's texture. */
bool player_upload(struct player *p, SDL_Renderer *r);
/* Before the renderer goes (gfx_recreate): free the textures made with it;
 * the next upload makes new ones. NULL does nothing. */
void player_release_textures(struct player *p);
struct player_frame player_frame(const struct player *p);
/* The first frame of `file` if it was played before (a poster), else
 * tex NULL. */
struct player_frame player_poster(const struct player *p, const char *file);

void player_pause(struct player *p, bool pause);
void player_seek(struct player *p, long long ms);
void player_set_volume(struct player *p, int volume);
int player_volume(const struct player *p);

enum player_state player_state(const struct player *p);
long long player_time(const struct player *p);  /* ms, -1 unknown */
long long player_length(struct player *p);      /* ms, -1 unknown */
unsigned player_frames(const struct player *p); /* frames shown of this media */
const char *player_error(const struct player *p);
/* Where the first picture of the media open now spent its time, for
 * --bench-trace: CLOCK_MONOTONIC ms when player_open began and returned,
 * libVLC asked for the picture format (the decoder started), the first
 * picture was decoded, and uploaded to the texture. 0: not (yet). */
struct player_times {
	double open, played, format, decoded, uploaded;
};
struct player_times player_times(const struct player *p);
/* Media closed whose worker has not finished yet (tests watch for leaks). */
int player_pending_stops(struct player *p);

#endif
