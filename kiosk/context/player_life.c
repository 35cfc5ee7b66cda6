/* libVLC only while someone is at the kiosk. The attract screen, where a
 * kiosk spends most of its life, holds no libVLC (about 15 MB of plugins
 * and decoders): the player is made in a thread when a session starts (the
 * tap on the attract screen), waited for when a video screen opens (it is
 * long ready by then), and let go when the kiosk is back on its attract
 * screen. player_create touches no SDL state, so it may run in a thread;
 * player_destroy frees textures, so it runs on the main thread. */
#include "context/player_life.h"

#include <malloc.h>
#include <pthread.h>
#include <stdlib.h>

#include "context/bench.h"
#include "context/kiosk.h"
#include "core/log.h"
#include "platform/player.h"

/* The chapter's video is prerolled once the chapter screen has been shown
 * this long: not for someone passing through (back to the list, or a tap on
 * « Voir la vidéo » within a reach of the screen appearing: that opens the
 * video the ordinary way), only for someone reading it. */
enum { PREROLL_DWELL_MS = 600, PREROLL_RETRY_MS = 100 };

struct player_life {
	pthread_t thread;
	bool starting;        /* the thread runs or has not been joined */
	long long preroll_at; /* app clock; -1: nothing to preroll */
	struct player *made;
	struct player_bank *bank; /* from the first session to the end */
	bool headless;
	int volume;
	Uint32 event;
};

static void *make(void *arg)
{
	struct player_life *a = arg;
	if (!a->bank)
		a->bank = player_bank_create();
	a->made = player_create(a->headless, a->volume, a->event);
	return NULL;
}

/* wait: false only takes a player already made. */
static void join(struct kiosk *k, bool wait)
{
	struct player_life *a = k->vlc;
	if (!a || !a->starting)
		return;
	if (wait)
		pthread_join(a->thread, NULL);
	else if (pthread_tryjoin_np(a->thread, NULL) != 0)
		return;
	a->starting = false;
	k->player = a->made;
	a->made = NULL;
	bench_event(k->bench, "player-ready", NULL);
}

/* On the chapter screen: the chapter's video opened paused on its first
 * picture, so that « Voir la vidéo » shows it at once (player_preroll);
 * the resume point is the one the video screen will ask for. */
static void preroll(struct kiosk *k)
{
	int c = k->flow.chapter;
	if (!k->player || !k->module || c < 0 || (unsigned)c >= k->module->n_chapters)
		return;
	const char *rel = ltext_get(&k->module->chapters[c].video, kiosk_lang(k));
	char *file = rel && *rel ? content_path(k->module, rel) : NULL;
	if (!file)
		return;
	long long start = k->flow.resume_chapter == c ? k->flow.resume_ms : 0;
	player_preroll(k->player, file, start);
	free(file);
}

void player_life_follow(struct kiosk *k, enum screen_id next)
{
	if (k->broken)
		return;
	if (!k->vlc) {
		if (!(k->vlc = calloc(1, sizeof(*k->vlc))))
			return;
		k->vlc->preroll_at = -1;
	}
	struct player_life *a = k->vlc;
	a->preroll_at = -1;
	if (next == SCR_ATTRACT) {
		join(k, true);
		if (k->player) {
			player_destroy(k->player);
			k->player = NULL;
			/* Hand the decoders' freed heap back to the system. */
			malloc_trim(0);
			bench_event(k->bench, "player-released", NULL);
		}
		return;
	}
	if (next == SCR_VIDEO) {
		join(k, true);
		return;
	}
	if (next == SCR_CHAPTER)
		a->preroll_at = kiosk_now(k) + PREROLL_DWELL_MS;
	else
		player_drop_preroll(k->player);
	if (k->player || a->starting)
		return;
	a->headless = k->headless;
	a->volume = k->tday.loaded ? k->tday.volume : k->settings.volume; /* of the day */
	a->event = k->user_event;
	if (pthread_create(&a->thread, NULL, make, a) == 0)
		a->starting = true;
	else
		log_warn("player", "cannot start libVLC in a thread; starting it now");
	if (!a->starting) {
		if (!a->bank)
			a->bank = player_bank_create();
		k->player = player_create(k->headless, a->volume, k->user_event);
	}
}

long long player_life_poll(struct kiosk *k, long long now)
{
	struct player_life *a = k->vlc;
	if (!a || a->preroll_at < 0 || k->shown != SCR_CHAPTER)
		return -1;
	if (now < a->preroll_at)
		return a->preroll_at - now;
	join(k, false);
	if (!k->player && a->starting)
		return PREROLL_RETRY_MS; /* libVLC is still being made */
	a->preroll_at = -1;
	preroll(k);
	return -1;
}

void player_life_stop(struct kiosk *k)
{
	join(k, true);
	player_destroy(k->player);
	k->player = NULL;
	if (k->vlc)
		player_bank_destroy(k->vlc->bank);
	free(k->vlc);
	k->vlc = NULL;
}
