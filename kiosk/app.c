#include "app.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "platform/gfx.h"
#include "platform/notify.h"
#include "platform/store.h"
#include "screens/ui.h"

volatile sig_atomic_t kiosk_stop_signal;

enum { HOLD_TRAINER_MS = 3000, STORE_RETRY_MS = 60000, SIGNAL_POLL_MS = 250 };

static const struct screen_ops *const screen_table[SCR_COUNT] = {
    [SCR_ATTRACT] = &screen_attract,
    [SCR_LANGUAGE] = &screen_language,
    [SCR_HOME] = &screen_home,
    [SCR_CHAPTER] = &screen_chapter,
    [SCR_VIDEO] = &screen_video,
    [SCR_QUIZ] = &screen_quiz,
    [SCR_RESULT] = &screen_result,
    [SCR_STILL_THERE] = &screen_still_there,
    [SCR_TRAINER_PIN] = &screen_trainer_pin,
    [SCR_TRAINER] = &screen_trainer,
};

const struct screen_ops *app_screen(enum screen_id s)
{
	return screen_table[s];
}

long long app_now(const struct kiosk *k)
{
	return k->headless ? k->virtual_ms : (long long)SDL_GetTicks64();
}

int app_lang(const struct kiosk *k)
{
	return k->flow.lang;
}

const char *app_ui(const struct kiosk *k, enum ui_key key)
{
	return content_ui(k->module, key, k->flow.lang);
}

static void store_ended_session(struct kiosk *k)
{
	struct session_record r;
	char day[11];
	session_today(day);
	if (flow_take_record(&k->flow, day, k->settings.kiosk_id, &r) && k->store)
		store_save(k->store, &r);
}

void app_settle(struct kiosk *k)
{
	store_ended_session(k);
	if (k->flow.screen == k->shown && k->ops)
		return;
	if (k->ops && k->ops->leave)
		k->ops->leave(k);
	k->shown = k->flow.screen;
	k->ops = screen_table[k->shown];
	if (k->shown == SCR_ATTRACT)
		k->video_resume_chapter = -1; /* nothing of a session outlives it */
	k->press.down = false;
	k->scroll = 0;
	k->n_controls = 0;
	if (k->ops->enter)
		k->ops->enter(k);
	k->dirty = true;
	if (k->trace) {
		printf("screen %s\n", screen_name(k->shown));
		fflush(stdout);
	}
}

void app_draw(struct kiosk *k, bool force)
{
	if (!k->dirty && !force)
		return;
	ui_begin(k);
	if (k->blank) {
		/* Closed: one dark frame, then nothing until a touch or opening time. */
		gfx_clear(k->gfx, RGBA(0, 0, 0, 0xFF));
		k->n_controls = 0;
	} else {
		k->ops->draw(k);
	}
	gfx_present(k->gfx);
	k->dirty = false;
	if (!k->ready_sent && k->shown == SCR_ATTRACT) {
		/* The attract screen is on the glass: tell systemd we are up. */
		notify_ready(k->notify);
		k->ready_sent = true;
	}
}

static int control_at(const struct kiosk *k, int x, int y)
{
	SDL_Point p = {x, y};
	for (int i = k->n_controls - 1; i >= 0; i--)
		if (SDL_PointInRect(&p, &k->controls[i].r))
			return i;
	return -1;
}

static void activate(struct kiosk *k, int action, int arg)
{
	long long now = app_now(k);
	switch (action) {
	case ACT_BACK: flow_back(&k->flow, now); break;
	case ACT_LANGUAGE_MENU: flow_change_language(&k->flow, now); break;
	case ACT_TEXT_SIZE: flow_toggle_text_size(&k->flow); break;
	default:
		if (k->ops->action)
			k->ops->action(k, action, arg);
	}
	k->dirty = true;
}

static struct hours_time local_time(void)
{
	time_t t = time(NULL);
	struct tm tm;
	localtime_r(&t, &tm);
	return hours_time_from_tm(&tm);
}

static void pointer_down(struct kiosk *k, int x, int y, SDL_FingerID finger, bool mouse)
{
	if (k->press.down || k->swallow)
		return; /* one finger at a time: a palm or a second hand does nothing */
	long long now = app_now(k);
	if (hours_state_touch(&k->hstate, &k->hours, local_time(), (unsigned long long)now)) {
		k->swallow = true; /* it only wakes the screen */
		k->blank = false;
		k->dirty = true;
		flow_input(&k->flow, now);
		return;
	}
	flow_input(&k->flow, now);
	int c = control_at(k, x, y);
	k->press = (struct press){.down = true,
	                          .finger = finger,
	                          .mouse = mouse,
	                          .x0 = x,
	                          .y0 = y,
	                          .x = x,
	                          .y = y,
	                          .since = now,
	                          .control = c};
	if (c >= 0) {
		k->press.action = k->controls[c].action;
		k->press.arg = k->controls[c].arg;
	}
	k->dirty = true;
}

static void pointer_move(struct kiosk *k, int x, int y)
{
	if (!k->press.down)
		return;
	int slop = gfx_mm(k->gfx, 4);
	int dy = y - k->press.y;
	k->press.x = x;
	k->press.y = y;
	if (!k->press.dragging && (abs(x - k->press.x0) > slop || abs(y - k->press.y0) > slop)) {
		k->press.dragging = true;
		k->dirty = true;
	}
	if (k->press.dragging && k->ops->scroll && dy) {
		k->ops->scroll(k, dy);
		k->dirty = true;
	}
}

static void pointer_up(struct kiosk *k, int x, int y)
{
	k->swallow = false;
	if (!k->press.down)
		return;
	struct press p = k->press;
	k->press.down = false;
	k->dirty = true;
	long long now = app_now(k);
	flow_input(&k->flow, now);
	if (p.dragging || p.long_done || !flow_accepts_tap(&k->flow, now))
		return;
	int c = control_at(k, x, y);
	if (p.control >= 0) {
		if (c >= 0 && k->controls[c].action == p.action && k->controls[c].arg == p.arg)
			activate(k, p.action, p.arg);
	} else if (c < 0 && k->ops->tap) {
		k->ops->tap(k, x, y);
	}
}

/* Window points to renderer pixels (they differ on high-DPI screens). */
static void to_pixels(struct kiosk *k, int *x, int *y)
{
	int ww, wh;
	SDL_GetWindowSize(gfx_window(k->gfx), &ww, &wh);
	if (ww > 0 && wh > 0) {
		*x = *x * k->lay.w / ww;
		*y = *y * k->lay.h / wh;
	}
}

static void handle_key(struct kiosk *k, const SDL_KeyboardEvent *e)
{
	flow_input(&k->flow, app_now(k));
	if (k->kiosk_mode) {
		/* Escape, Alt+F4, Ctrl+Q, Alt+Tab...: a kiosk has no way out. */
		return;
	}
	if (e->keysym.sym == SDLK_ESCAPE ||
	    (e->keysym.sym == SDLK_q && (e->keysym.mod & KMOD_CTRL))) {
		k->running = false;
	}
}

void app_handle_event(struct kiosk *k, const SDL_Event *e)
{
	switch (e->type) {
	case SDL_QUIT:
		if (!k->kiosk_mode)
			k->running = false;
		break;
	case SDL_FINGERDOWN:
		pointer_down(k, (int)(e->tfinger.x * k->lay.w), (int)(e->tfinger.y * k->lay.h),
		             e->tfinger.fingerId, false);
		break;
	case SDL_FINGERMOTION:
		if (k->press.down && !k->press.mouse && k->press.finger == e->tfinger.fingerId)
			pointer_move(k, (int)(e->tfinger.x * k->lay.w),
			             (int)(e->tfinger.y * k->lay.h));
		break;
	case SDL_FINGERUP:
		k->swallow = false; /* the waking gesture ends here */
		if (k->press.down && !k->press.mouse && k->press.finger == e->tfinger.fingerId)
			pointer_up(k, (int)(e->tfinger.x * k->lay.w),
			           (int)(e->tfinger.y * k->lay.h));
		break;
	case SDL_MOUSEBUTTONDOWN:
	case SDL_MOUSEBUTTONUP:
	case SDL_MOUSEMOTION: {
		/* A touch also arrives as a synthetic mouse event: count it once. */
		if (e->button.which == SDL_TOUCH_MOUSEID)
			break;
		int x = e->type == SDL_MOUSEMOTION ? e->motion.x : e->button.x;
		int y = e->type == SDL_MOUSEMOTION ? e->motion.y : e->button.y;
		to_pixels(k, &x, &y);
		if (e->type == SDL_MOUSEBUTTONDOWN && e->button.button == SDL_BUTTON_LEFT)
			pointer_down(k, x, y, 0, true);
		else if (e->type == SDL_MOUSEBUTTONUP && e->button.button == SDL_BUTTON_LEFT) {
			k->swallow = false;
			if (k->press.mouse)
				pointer_up(k, x, y);
		} else if (e->type == SDL_MOUSEMOTION && k->press.mouse)
			pointer_move(k, x, y);
		break;
	}
	case SDL_KEYDOWN: handle_key(k, &e->key); break;
	case SDL_WINDOWEVENT:
		if (e->window.event == SDL_WINDOWEVENT_SIZE_CHANGED ||
		    e->window.event == SDL_WINDOWEVENT_EXPOSED) {
			gfx_update_size(k->gfx);
			k->dirty = true;
		}
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
	long long now = app_now(k);
	long long wait = -1;
	if (k->press.down && !k->press.long_done && k->shown == SCR_ATTRACT &&
	    k->press.x0 < k->lay.w / 6 && k->press.y0 < k->lay.h / 6 && !k->press.dragging) {
		long long held = now - k->press.since;
		if (held >= HOLD_TRAINER_MS) {
			k->press.long_done = true;
			flow_trainer_request(&k->flow, now);
		} else {
			wait = HOLD_TRAINER_MS - held;
		}
	}
	if (flow_tick(&k->flow, now))
		k->dirty = true;
	wait = min_wait(wait, flow_next_deadline(&k->flow, now));
	struct hours_time ht = local_time();
	char msg[160];
	bool blank = hours_state_update(&k->hstate, &k->hours, ht, (unsigned long long)now, msg,
	                                sizeof(msg)) &&
	             k->shown == SCR_ATTRACT;
	if (msg[0])
		fprintf(stderr, "<6>kiosk: %s\n", msg); /* sleeping on schedule is normal */
	if (blank != k->blank) {
		k->blank = blank;
		k->dirty = true;
	}
	long long hw = hours_state_wait_ms(&k->hstate, &k->hours, ht, (unsigned long long)now);
	wait = min_wait(wait, hw);
	if (k->store && store_pending(k->store) > 0) {
		if (now >= k->next_retry) {
			store_retry(k->store);
			k->next_retry = now + STORE_RETRY_MS;
		}
		wait = min_wait(wait, k->next_retry - now);
	}
	return wait;
}

void app_iterate(struct kiosk *k)
{
	SDL_Event e;
	while (SDL_PollEvent(&e))
		app_handle_event(k, &e);
	long long wait = run_timers(k);
	app_settle(k);
	if (k->ops->update && !k->blank)
		wait = min_wait(wait, k->ops->update(k));
	app_draw(k, false);
	k->wake_at = wait < 0 ? -1 : app_now(k) + wait;
}

int app_run(struct kiosk *k)
{
	k->running = true;
	while (k->running) {
		app_iterate(k);
		notify_tick(k->notify, (unsigned long long)app_now(k));
		if (kiosk_stop_signal || !k->running)
			break;
		long long wait = k->wake_at < 0 ? SIGNAL_POLL_MS : k->wake_at - app_now(k);
		long long nw = (long long)notify_wait_ms(k->notify, (unsigned long long)app_now(k));
		wait = min_wait(wait, nw);
		if (wait > SIGNAL_POLL_MS)
			wait = SIGNAL_POLL_MS; /* signals are seen within a quarter second */
		if (wait < 0)
			wait = 0;
		SDL_Event e;
		if (SDL_WaitEventTimeout(&e, (int)wait))
			app_handle_event(k, &e);
	}
	notify_stopping(k->notify);
	flow_shutdown(&k->flow, app_now(k));
	store_ended_session(k);
	return k->exit_code;
}
