/* Input: fingers, mouse and keys into taps, drags and the trainers' hold,
 * hit-tested against the controls the last draw declared (ui.h). */
#include "screens/input.h"

#include <stdlib.h>

#include "context/kiosk.h"
#include "platform/gfx.h"
#include "screens/focus.h"
#include "screens/readout.h"
#include "screens/ui.h"

/* The trainers' corner hold, and the hold anywhere else on the attract
 * screen that turns speech on (EN 301 549 5.2: without sight). */
enum { HOLD_TRAINER_MS = 3000, HOLD_SPEECH_MS = 2000 };

static int control_at(const struct kiosk *k, int x, int y)
{
	SDL_Point p = {x, y};
	for (int i = k->ui->n_controls - 1; i >= 0; i--) {
		SDL_Rect r = ui_control_shown(&k->ui->controls[i]); /* scrolled out: not there */
		if (SDL_PointInRect(&p, &r))
			return i;
	}
	return -1;
}

void input_activate(struct kiosk *k, int action, int arg)
{
	long long now = kiosk_now(k);
	switch (action) {
	case ACT_BACK: flow_back(&k->flow, now); break;
	case ACT_LANGUAGE_MENU: flow_change_language(&k->flow, now); break;
	case ACT_TEXT_SIZE: flow_toggle_text_size(&k->flow); break;
	case ACT_SPEECH: readout_toggle(k); break;
	case ACT_CONTRAST: flow_toggle_contrast(&k->flow); break;
	default:
		if (k->ops->action)
			k->ops->action(k, action, arg);
	}
	k->dirty = true;
}

static void pointer_down(struct kiosk *k, int x, int y, SDL_FingerID finger, bool mouse)
{
	if (k->ui->press.down || k->ui->swallow)
		return; /* one finger at a time: a palm or a second hand does nothing */
	long long now = kiosk_now(k);
	if (k->asleep) { /* put to sleep by the trainer: a touch wakes it */
		k->asleep = false;
		k->ui->swallow = true;
		k->blank = false;
		k->dirty = true;
		flow_input(&k->flow, now);
		return;
	}
	if (hours_state_touch(&k->hstate, &k->hours, kiosk_local_time(), (unsigned long long)now)) {
		k->ui->swallow = true; /* it only wakes the screen */
		k->blank = false;
		k->dirty = true;
		flow_input(&k->flow, now);
		return;
	}
	flow_input(&k->flow, now);
	int c = control_at(k, x, y);
	k->ui->press = (struct press){.down = true,
	                              .finger = finger,
	                              .mouse = mouse,
	                              .x0 = x,
	                              .y0 = y,
	                              .x = x,
	                              .y = y,
	                              .since = now,
	                              .control = c};
	if (c >= 0) {
		k->ui->press.action = k->ui->controls[c].action;
		k->ui->press.arg = k->ui->controls[c].arg;
	}
	k->dirty = true;
}

static void pointer_move(struct kiosk *k, int x, int y)
{
	if (!k->ui->press.down)
		return;
	int slop = gfx_mm(k->gfx, 4);
	int dy = y - k->ui->press.y;
	k->ui->press.x = x;
	k->ui->press.y = y;
	if (!k->ui->press.dragging &&
	    (abs(x - k->ui->press.x0) > slop || abs(y - k->ui->press.y0) > slop)) {
		k->ui->press.dragging = true;
		k->dirty = true;
	}
	if (k->ui->press.dragging && k->ops->scroll && dy) {
		k->ops->scroll(k, dy);
		k->dirty = true;
	}
}

static void pointer_up(struct kiosk *k, int x, int y)
{
	k->ui->swallow = false;
	if (!k->ui->press.down)
		return;
	struct press p = k->ui->press;
	k->ui->press.down = false;
	k->dirty = true;
	long long now = kiosk_now(k);
	flow_input(&k->flow, now);
	if (p.dragging || p.long_done || !flow_accepts_tap(&k->flow, now))
		return;
	int c = control_at(k, x, y);
	if (p.control >= 0) {
		if (c < 0 || k->ui->controls[c].action != p.action ||
		    k->ui->controls[c].arg != p.arg)
			return;
		/* With speech on, a first tap says the control, a second (a double
		 * tap) activates it, as phone screen readers do. */
		if (k->flow.speech && (focus_index(k) != c || !k->ui->a11y.focus_touched))
			focus_set(k, c, true);
		else
			focus_activate(k, c);
	} else if (c < 0 && k->ops->tap) {
		if (k->flow.speech && k->shown == SCR_ATTRACT && !k->ui->a11y.attract_tapped) {
			k->ui->a11y.attract_tapped = true;
			readout_attract_tap(k);
			return;
		}
		k->ops->tap(k, x, y);
	}
}

/* Window points to renderer pixels (they differ on high-DPI screens). */
static void to_pixels(struct kiosk *k, int *x, int *y)
{
	int ww, wh;
	SDL_GetWindowSize(gfx_window(k->gfx), &ww, &wh);
	if (ww > 0 && wh > 0) {
		*x = *x * k->ui->lay.w / ww;
		*y = *y * k->ui->lay.h / wh;
	}
}

static void handle_key(struct kiosk *k, const SDL_KeyboardEvent *e)
{
	long long now = kiosk_now(k);
	flow_input(&k->flow, now);
	if (hours_state_touch(&k->hstate, &k->hours, kiosk_local_time(), (unsigned long long)now)) {
		k->blank = false; /* a key wakes a sleeping screen, and does nothing else */
		k->dirty = true;
		return;
	}
	/* Escape, Alt+F4, Ctrl+Q, Alt+Tab...: a kiosk has no way out; in a
	 * window, Ctrl+Q quits. */
	if (!k->kiosk_mode && e->keysym.sym == SDLK_q && (e->keysym.mod & KMOD_CTRL)) {
		k->running = false;
		return;
	}
	if (k->shown == SCR_STILL_THERE && !(e->keysym.mod & (KMOD_ALT | KMOD_CTRL | KMOD_GUI))) {
		flow_still_here(&k->flow, now); /* any key: still there */
		k->dirty = true;
		return;
	}
	focus_key(k, e);
}

bool input_handle_event(struct kiosk *k, const SDL_Event *e)
{
	switch (e->type) {
	case SDL_FINGERDOWN:
		pointer_down(k, (int)(e->tfinger.x * k->ui->lay.w),
		             (int)(e->tfinger.y * k->ui->lay.h), e->tfinger.fingerId, false);
		break;
	case SDL_FINGERMOTION:
		if (k->ui->press.down && !k->ui->press.mouse &&
		    k->ui->press.finger == e->tfinger.fingerId)
			pointer_move(k, (int)(e->tfinger.x * k->ui->lay.w),
			             (int)(e->tfinger.y * k->ui->lay.h));
		break;
	case SDL_FINGERUP:
		k->ui->swallow = false; /* the waking gesture ends here */
		if (k->ui->press.down && !k->ui->press.mouse &&
		    k->ui->press.finger == e->tfinger.fingerId)
			pointer_up(k, (int)(e->tfinger.x * k->ui->lay.w),
			           (int)(e->tfinger.y * k->ui->lay.h));
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
			k->ui->swallow = false;
			if (k->ui->press.mouse)
				pointer_up(k, x, y);
		} else if (e->type == SDL_MOUSEMOTION && k->ui->press.mouse)
			pointer_move(k, x, y);
		break;
	}
	case SDL_KEYDOWN: handle_key(k, &e->key); break;
	default: return false;
	}
	return true;
}

long long input_timers(struct kiosk *k, long long now)
{
	if (!k->ui->press.down || k->ui->press.long_done || k->shown != SCR_ATTRACT ||
	    k->ui->press.dragging)
		return -1;
	long long held = now - k->ui->press.since;
	/* The trainers' gesture: a 3 s hold in the attract screen's top left corner. */
	if (k->ui->press.x0 < k->ui->lay.w / 6 && k->ui->press.y0 < k->ui->lay.h / 6) {
		if (held < HOLD_TRAINER_MS)
			return HOLD_TRAINER_MS - held;
		k->ui->press.long_done = true;
		flow_trainer_request(&k->flow, now);
		return -1;
	}
	/* Anywhere else, 2 s: speech output on (or the screen read again). */
	if (held < HOLD_SPEECH_MS)
		return HOLD_SPEECH_MS - held;
	k->ui->press.long_done = true;
	if (k->flow.speech)
		readout_screen(k);
	else
		readout_toggle(k);
	k->dirty = true;
	return -1;
}
