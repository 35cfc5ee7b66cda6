/* Inside the player: shared by player.c (libVLC, the stop worker) and
 * player_frame.c (pictures to SDL textures, posters). */
#ifndef KIOSK_PLATFORM_PLAYER_PRIV_H
#define KIOSK_PLATFORM_PLAYER_PRIV_H

#include <pthread.h>
#include <stdatomic.h>
#include <vlc/vlc.h>

#include "platform/player.h"
#include "platform/vlcerr.h"

/* MAX_POSTERS: the first frames kept to show when a video is opened again;
 * one language's chapters. Each costs a full picture (5.6 MB at 720p with
 * the software renderer): 24 made memory grow for as long as new videos came
 * (the monkey of tests/reliability/ saw +100 MB over the 18 videos of the
 * shipped module); the oldest goes first. */
enum { MAX_POSTERS = 8, ERR_LEN = 256, MAX_SIDE = 8192 };

#define ALIGN_UP(x, a) (((x) + (a)-1) / (a) * (a))

double player_mono_ms(void);

/* One video being played. libVLC's threads write into it under `lock`;
 * once closed it belongs to the stop worker, which frees it. */
struct media {
	struct player *p;
	libvlc_media_player_t *mp;
	libvlc_media_t *md;
	char *file;
	unsigned gen;
	/* Opened by player_preroll, not yet taken by player_open (written
	 * under lock): the first picture is kept, the sound muted, and the
	 * worker pauses it (held: it did). */
	bool prerolled, held;
	long long start_ms;
	bool closing; /* queued for the stop worker (under the player's q_lock) */

	pthread_mutex_t lock;
	unsigned w, h; /* picture size libVLC decodes to */
	unsigned pitch[3], lines[3];
	unsigned char *dec[3];    /* libVLC draws here */
	unsigned char *ready[3];  /* the newest complete picture */
	bool fresh;               /* ready holds a picture not uploaded yet */
	atomic_bool frame_posted; /* one frame event in the queue at most */
	atomic_uint displayed;
	/* CLOCK_MONOTONIC ms of the first steps (player_times): written once
	 * each, by the thread that reaches them. */
	double t_open, t_played, t_format, t_decoded;

	struct media *next; /* in the stop queue */
};

struct poster {
	char *file;
	SDL_Texture *tex;
	int w, h;
	float aspect;
};

struct player {
	libvlc_instance_t *vlc;
	Uint32 ev_frame, ev_state;
	int volume;

	struct media *cur; /* NULL when idle */
	unsigned gen;
	enum player_state failed_or_ended; /* PLAYER_IDLE while neither */
	bool paused;
	unsigned frames;
	long long last_time, length;
	char error[ERR_LEN];

	double t_open, t_played, t_format, t_decoded, t_uploaded; /* of the current media */

	SDL_Texture *tex;
	int tex_w, tex_h; /* decoded size */
	int vis_w, vis_h; /* visible part */
	float aspect;

	struct poster posters[MAX_POSTERS];
	int n_posters;

	/* The stop worker: libvlc_media_player_stop can block for seconds. */
	pthread_t worker;
	pthread_mutex_t q_lock;
	pthread_cond_t q_cond;
	struct media *queue;
	int pending;
	bool quit;
	/* A prerolled media that showed its first picture, to pause; the
	 * worker is pausing `pausing` (player_open waits for it). */
	struct media *pause_req, *pausing;

	struct vlcerr vlc_error;
};

#endif
