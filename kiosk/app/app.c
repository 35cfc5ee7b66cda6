#include "app/app.h"

#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "context/bench.h"
#include "context/content_watch.h"
#include "context/player_life.h"
#include "context/status.h"
#include "core/log.h"
#include "platform/gfx.h"
#include "platform/notify.h"
#include "platform/player.h"
#include "platform/store.h"
#include "platform/sigwatch.h"
#include "platform/store_batch.h"
#include "screens/focus.h"
#include "screens/input.h"
#include "screens/readout.h"
#include "screens/screen.h"
#include "screens/ui.h"
#include "trainer/trainer_day.h"

/* Without a signal watcher (it could not start) the loop looks at the stop
 * flag four times a second. */
enum { STORE_RETRY_MS = 60000, SIGNAL_POLL_MS = 250 };

/* The display's side (see check_frames). A present hands a buffer to the
 * compositor; only the compositor's frame callback says it reached the
 * output. Under cage the first present may come before the window was
 * configured, and a frame drawn then can be lost: frames are drawn again
 * until SETTLE_FRAMES were really shown. */
enum {
	SETTLE_FRAMES = 3,
	SETTLE_MS = 100,
	/* No frame shown this long after the window opened: open it again, at
	 * most RECREATE_MAX times, then exit so that systemd starts cage anew. */
	FIRST_FRAME_MS = 4000,
	RECREATE_MAX = 3,
	/* Frames due but none shown this long: the systemd watchdog is not
	 * pinged (kiosk.service kills and restarts us after WatchdogSec). */
	STALL_MS = 5000,
	STALL_CHECK_MS = 1000,
};

/* The loop's own state. */
struct loop {
	bool ready_sent; /* READY=1 was sent */
	int recreated;   /* windows opened again because none showed a frame */
	long long next_retry;
	long long wake_at; /* the next time the loop must run (-1 none) */
	time_t presented;  /* wall clock of the last frame presented */
	bool poll_signals; /* no signal watcher: wake up to look at the flag */
	struct status *status;
};

bool app_open(struct kiosk *k, bool poll_signals)
{
	struct loop *l = calloc(1, sizeof(*l));
	if (!l) {
		log_err("kiosk", "out of memory");
		return false;
	}
	l->poll_signals = poll_signals;
	l->wake_at = -1;
	l->status = status_create();
	k->loop = l;
	return true;
}

void app_close(struct kiosk *k)
{
	if (k->ops && k->ops->leave)
		k->ops->leave(k); /* the screen shown lets go of what it holds (a video) */
	k->ops = NULL;
	if (k->loop)
		status_destroy(k->loop->status);
	free(k->loop);
	k->loop = NULL;
}

long long app_wake_at(const struct kiosk *k)
{
	return k->loop ? k->loop->wake_at : -1;
}

/* The flow hands over what the person did; the store gives the record its
 * id, day and kiosk (store_save); the trainer's label of the day is the
 * only thing added here. */
static void store_ended_session(struct kiosk *k)
{
	struct session_record r;
	char day[11];
	session_today(day);
	if (flow_take_left_early(&k->flow) && k->store)
		store_touch(k->store, day);
	if (flow_take_record(&k->flow, &r) && k->store) {
		snprintf(r.label, sizeof r.label, "%s", trainer_day_label(&k->tday, day));
		double t0 = bench_clock(k->bench);
		store_save(k->store, &r);
		bench_since(k->bench, "commit", t0);
	}
}

void app_settle(struct kiosk *k)
{
	store_ended_session(k);
	kiosk_day_sync(k);
	if (k->broken) {
		if (!k->ops) {
			log_err("kiosk", "showing the out-of-order screen until the problems above "
			                 "are fixed (check with: kiosk --check)");
			k->ops = &screen_out_of_order;
			k->dirty = true;
		}
		return;
	}
	if (k->flow.screen == k->shown && k->ops)
		return;
	if (k->ops && k->ops->leave)
		k->ops->leave(k);
	k->shown = k->flow.screen;
	player_life_follow(k, k->shown);
	k->ops = screen_ops_of(k->shown);
	ui_forget(k);
	if (k->ops->enter)
		k->ops->enter(k);
	focus_screen_changed(k);
	k->dirty = true;
	if (k->trace) {
		printf("screen %s\n", screen_name(k->shown));
		fflush(stdout);
	}
	bench_event(k->bench, "screen", screen_name(k->shown));
}

void app_show(struct kiosk *k, enum screen_id s)
{
	k->shown = s;
	k->ops = screen_ops_of(s);
	ui_forget(k);
	if (k->ops->enter)
		k->ops->enter(k);
	ui_begin(k);
	k->ops->draw(k);
	focus_overlay(k); /* the speech control is on every screen */
}

void app_hide(struct kiosk *k)
{
	if (k->ops && k->ops->leave)
		k->ops->leave(k);
	k->ops = NULL;
}

void app_draw(struct kiosk *k, bool force)
{
	if (!k->dirty && !force)
		return;
	ui_begin(k);
	if (k->blank) {
		/* Closed: one dark frame, then nothing until a touch or opening time. */
		gfx_clear(k->gfx, RGBA(0, 0, 0, 0xFF));
		ui_forget(k);
	} else {
		k->ops->draw(k);
		if (!k->broken)
			focus_overlay(k); /* the speech control, the focus ring */
	}
	gfx_present(k->gfx);
	if (k->loop)
		k->loop->presented = time(NULL);
	bench_presented(k->bench);
	k->dirty = false;
}

/* Screens let go of their textures, the window and renderer open again, the
 * screen is entered again (a video goes on where it was). */
static void app_recreate(struct kiosk *k, const char *why)
{
	log_warn("gfx", "%s: opening the window and renderer again", why);
	k->loop->recreated++;
	if (k->ops && k->ops->leave)
		k->ops->leave(k);
	player_release_textures(k->player);
	if (!gfx_recreate(k->gfx)) {
		log_err("gfx", "cannot open the window again: exiting so that it starts afresh");
		k->ops = NULL;
		k->running = false;
		k->exit_code = EXIT_INTERNAL;
		return;
	}
	if (k->kiosk_mode && !k->headless)
		SDL_ShowCursor(SDL_DISABLE);
	ui_forget(k);
	if (k->ops && k->ops->enter)
		k->ops->enter(k);
	k->dirty = true;
}

/* After drawing: READY=1 once the first screen is really shown, frames drawn
 * again until the compositor has taken a few, and the first-frame watchdog.
 * Returns how long the loop may sleep (-1: no need to come back). */
static long long check_frames(struct kiosk *k)
{
	struct loop *l = k->loop;
	if (k->headless || k->standby)
		return -1; /* an offscreen or unmapped window: no frame to wait for */
	gfx_poll(k->gfx);
	unsigned shown = gfx_frames_shown(k->gfx);
	Uint64 now = SDL_GetTicks64();
	if (shown > 0 && !l->ready_sent && (k->shown == SCR_ATTRACT || k->broken)) {
		/* The attract screen is on the glass: tell systemd we are up. */
		log_info("gfx", "first frame shown %llu ms after start", (unsigned long long)now);
		notify_ready(k->notify, k->broken ? "Showing the out-of-order page (see the log)"
		                                  : "Showing the attract screen");
		l->ready_sent = true;
	}
	if (shown >= SETTLE_FRAMES)
		return -1;
	if (shown == 0 && gfx_stalled_ms(k->gfx, now) >= FIRST_FRAME_MS) {
		if (l->recreated >= RECREATE_MAX) {
			log_err("gfx",
			        "no frame shown by %d windows in a row: exiting so that the "
			        "compositor starts afresh",
			        RECREATE_MAX + 1);
			k->running = false;
			k->exit_code = EXIT_INTERNAL;
			return -1;
		}
		app_recreate(k, "no frame shown 4 s after the window opened");
		return 0;
	}
	k->dirty = true; /* do not trust the first presents */
	return SETTLE_MS;
}

/* Frames due are reaching the display (or nothing is due). */
static bool frames_flowing(const struct kiosk *k)
{
	return k->headless || gfx_stalled_ms(k->gfx, SDL_GetTicks64()) < STALL_MS;
}

/* kiosk-guard's SIGUSR1: the kiosk died, the standby page shows itself. */
static void app_unhide(struct kiosk *k)
{
	log_info("kiosk", "showing the out-of-order page (it waited hidden)");
	k->standby = false;
	gfx_show(k->gfx);
	k->dirty = true;
}

void app_handle_event(struct kiosk *k, const SDL_Event *e)
{
	if (e->type == k->signal_event) { /* a stop is the flag's, read by the loop */
		if (e->user.code == SIGUSR1 && k->standby)
			app_unhide(k);
		return;
	}
	if (e->type == SDL_FINGERUP ||
	    (e->type == SDL_MOUSEBUTTONUP && e->button.which != SDL_TOUCH_MOUSEID))
		bench_tap(k->bench);
	if (content_watch_owns(k->content, e)) {
		content_watch_event(k->content, e);
		return;
	}
	if (!k->ops || input_handle_event(k, e))
		return;
	switch (gfx_handle_event(k->gfx, e)) {
	case GFX_REDRAW: k->dirty = true; return;
	case GFX_LOST: app_recreate(k, "the renderer lost its textures"); return;
	case GFX_NONE: break;
	}
	switch (e->type) {
	case SDL_QUIT:
		if (!k->kiosk_mode)
			k->running = false;
		break;
	default:
		if (e->type >= k->user_event && k->ops->event)
			k->ops->event(k, e);
		break;
	}
}

static long long min_wait(long long a, long long b)
{
	if (a < 0)
		return b;
	if (b < 0)
		return a;
	return a < b ? a : b;
}

/* Timers of this pass; returns how long the loop may sleep (-1: forever). */
static long long run_timers(struct kiosk *k)
{
	long long now = kiosk_now(k);
	struct loop *l = k->loop;
	if (k->broken)
		return -1;
	long long wait = input_timers(k, now);
	if (flow_tick(&k->flow, now))
		k->dirty = true;
	wait = min_wait(wait, flow_next_deadline(&k->flow, now));
	struct hours_time ht = kiosk_local_time();
	char msg[160];
	bool was_closed = k->hstate.started && k->hstate.blank;
	bool closed = hours_state_update(&k->hstate, &k->hours, ht, (unsigned long long)now, msg,
	                                 sizeof(msg));
	if (k->asleep && was_closed && !closed) {
		k->asleep = false; /* asleep until the next opening */
		log_info("kiosk", "opening time: the screen put to sleep wakes up");
	}
	bool blank = (closed || k->asleep) && k->shown == SCR_ATTRACT;
	if (msg[0])
		log_info("kiosk", "%s", msg); /* sleeping on schedule is normal */
	if (blank != k->blank) {
		k->blank = blank;
		k->dirty = true;
	}
	long long hw = hours_state_wait_ms(&k->hstate, &k->hours, ht, (unsigned long long)now);
	wait = min_wait(wait, hw);
	long long look;
	struct content_module *m = content_watch_poll(k->content, k, now, &look);
	wait = min_wait(wait, look);
	if (m) {
		/* The screen lets go of the old module before it goes. */
		if (k->ops && k->ops->leave)
			k->ops->leave(k);
		content_watch_swap(k, m);
		k->ops = NULL; /* app_settle enters the new attract screen */
	}
	if (k->store && store_pending(k->store) > 0) {
		if (now >= l->next_retry) {
			store_retry(k->store);
			l->next_retry = now + STORE_RETRY_MS;
		}
		wait = min_wait(wait, l->next_retry - now);
	}
	return wait;
}

void app_iterate(struct kiosk *k)
{
	SDL_Event e;
	while (SDL_PollEvent(&e))
		app_handle_event(k, &e);
	if (!k->ops)
		return; /* the window could not be opened again: app_run ends */
	long long wait = run_timers(k);
	app_settle(k);
	/* After the settle: a chapter screen entered just now counts. */
	if (!k->broken)
		wait = min_wait(wait, player_life_poll(k, kiosk_now(k)));
	readout_follow(k); /* speech: a new screen, question or feedback */
	if (k->ops->update && !k->blank)
		wait = min_wait(wait, k->ops->update(k));
	app_draw(k, false);
	wait = min_wait(wait, check_frames(k));
	k->loop->wake_at = wait < 0 ? -1 : kiosk_now(k) + wait;
}

int app_run(struct kiosk *k)
{
	k->running = true;
	while (k->running) {
		bench_event(k->bench, "wake", NULL);
		app_iterate(k);
		/* The watchdog hears from us only while frames reach the display;
		 * not from a standby page either, which stands in for nothing yet. */
		bool flowing = !k->standby && frames_flowing(k);
		if (flowing)
			notify_tick(k->notify, (unsigned long long)kiosk_now(k));
		status_tick(k->loop->status, k, k->loop->presented);
		if (kiosk_stop_signal || !k->running)
			break;
		/* Sleep until the next timer is due or an event comes (a touch, a
		 * video frame, a stop signal from the signal watcher): nothing
		 * runs on a still screen. */
		long long now = kiosk_now(k);
		long long at = k->loop->wake_at;
		long long wait = at < 0 ? -1 : at > now ? at - now : 0;
		long long nw = (long long)notify_wait_ms(k->notify, (unsigned long long)now);
		if (flowing)
			wait = min_wait(wait, nw >= INT_MAX ? -1 : nw);
		else if (!k->standby)
			wait = min_wait(wait, STALL_CHECK_MS); /* see frames come back */
		if (k->loop->poll_signals)
			wait = min_wait(wait, SIGNAL_POLL_MS);
		if (wait > INT_MAX)
			wait = INT_MAX;
		SDL_Event e;
		if (SDL_WaitEventTimeout(&e, (int)wait))
			app_handle_event(k, &e);
	}
	/* STOPPING=1 makes systemd treat the whole unit as stopping (its
	 * stop timeout armed, then SIGKILL): only for a stop asked of the
	 * unit, never from the page, which kiosk-guard ends once the kiosk
	 * is back, nor from a kiosk that ends on its own (the guard shows the
	 * page and starts it again). */
	if (kiosk_stop_signal && !k->page_only)
		notify_stopping(k->notify);
	flow_shutdown(&k->flow, kiosk_now(k));
	store_ended_session(k);
	return k->exit_code;
}
