/* trainer-pin: a keypad for the trainer's PIN (reached by holding the top
 * left corner of the attract screen for 3 seconds). The PIN is checked
 * against its Argon2id hash; after PIN_FREE_TRIES wrong ones the pad locks,
 * across restarts (platform/pin.h). Without a PIN in the settings, trainer
 * mode is off and the pad says so. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "platform/pin.h"
#include "screens/ui.h"
#include "core/log.h"

enum { ACT_DIGIT = ACT_SCREEN, ACT_ERASE, ACT_OK };

/* The digits typed, whether the last PIN was wrong, the lockout. */
struct pin_view {
	char pin[PIN_MAX_DIGITS + 1];
	bool wrong;
	struct pin_guard guard;
	long long shown_wait; /* the seconds of lock the screen shows */
};

/* Wall-clock seconds (the lock outlives a restart). The headless mode adds
 * its virtual clock, so that a script's `wait` runs the lock down too. */
static long long now_s(struct kiosk *k)
{
	return (long long)time(NULL) + (k->headless ? kiosk_now(k) / 1000 : 0);
}

static void enter(struct kiosk *k)
{
	struct pin_view *v = calloc(1, sizeof(struct pin_view));
	k->view = v;
	if (!v)
		return;
	pin_guard_load(&v->guard, k->settings.database, now_s(k));
}

static void leave(struct kiosk *k)
{
	struct pin_view *v = k->view;
	if (v)
		memset(v->pin, 0, sizeof(v->pin));
	free(v);
	k->view = NULL;
}

/* What the pad says under the dots: wrong PIN, locked, or trainer mode off. */
static const char *pin_message(struct kiosk *k, const struct pin_view *v, long long wait, char *msg,
                               size_t n)
{
	if (!k->settings.trainer_pin[0])
		return "Mode formateur désactivé : aucun code n'est configuré";
	if (wait > 0) {
		snprintf(msg, n, "Trop d'essais : réessayez dans %lld s", wait);
		return msg;
	}
	return v->wrong ? kiosk_ui(k, UI_wrong_pin) : NULL;
}

static int min_i(int a, int b)
{
	return a < b ? a : b;
}

/* The keys are 1.5 touch sizes when there is room, never under one touch
 * size, and the whole pad stays in the body: the prompt above it when the
 * height allows, else (landscape with large text: 1280x720 A+) beside it. */
static void draw(struct kiosk *k)
{
	struct layout *l = &k->ui->lay;
	ui_header(k, kiosk_ui(k, UI_trainer), true);
	struct pin_view none = {0}, *v = k->view ? k->view : &none;
	long long wait = k->view ? pin_guard_wait(&v->guard, now_s(k)) : 0;
	v->shown_wait = wait;
	char msg[160];
	const char *say = pin_message(k, v, wait, msg, sizeof msg);
	const char *prompt = kiosk_ui(k, UI_enter_pin);
	int gap = l->pad, dot = l->pad / 2 + 4;
	SDL_Rect info = l->body; /* where the prompt, the dots and the message go */
	int say_h = say ? gfx_text_height(k->gfx, say, l->text, true, info.w) : 0;
	int info_h = l->pad + gfx_text_height(k->gfx, prompt, l->text, true, info.w) + l->pad +
	             dot * 2 + l->pad + (say_h > l->text * 3 / 2 ? say_h : l->text * 3 / 2) +
	             l->pad;
	int key = min_i(l->touch * 3 / 2, (l->body.h - info_h - gap * 3) / 4);
	int pad_w, x0, y0;
	if (key >= l->touch || l->portrait) {
		key = key > l->touch ? key : l->touch;
		pad_w = key * 3 + gap * 2;
		x0 = (l->w - pad_w) / 2;
		y0 = l->body.y + info_h;
	} else {
		key = min_i(l->touch * 3 / 2, (l->body.h - gap * 3) / 4);
		key = key > l->touch ? key : l->touch;
		pad_w = key * 3 + gap * 2;
		info.w = l->body.w / 2 - gap;
		say_h = say ? gfx_text_height(k->gfx, say, l->text, true, info.w) : 0;
		info_h = l->pad + gfx_text_height(k->gfx, prompt, l->text, true, info.w) + l->pad +
		         dot * 2 + l->pad + say_h + l->pad;
		info.y = l->body.y + (l->body.h - info_h) / 2;
		x0 = l->body.x + l->body.w / 2 + (l->body.w / 2 - pad_w) / 2;
		y0 = l->body.y + (l->body.h - (key * 4 + gap * 3)) / 2;
	}
	int y = info.y + l->pad;
	y += gfx_draw_text(k->gfx, prompt, l->text, true, (SDL_Rect){info.x, y, info.w, 0},
	                   ALIGN_CENTER, COL_INK);
	y += l->pad;
	/* One dot per digit typed, never the digits. */
	size_t n = strlen(v->pin), shown = n > PIN_MIN_DIGITS ? n : PIN_MIN_DIGITS;
	int cx = info.x + info.w / 2;
	for (size_t i = 0; i < shown; i++)
		gfx_circle(k->gfx, cx + ((int)i - (int)shown / 2) * dot * 3 + dot * 3 / 2, y + dot,
		           dot, i < n ? COL_PRIMARY : COL_LINE);
	y += dot * 2 + l->pad;
	if (say)
		gfx_draw_text(k->gfx, say, l->text, true, (SDL_Rect){info.x, y, info.w, 0},
		              ALIGN_CENTER, COL_WRONG);
	/* "‹" erases: Open Sans has no U+232B (⌫). */
	const char *labels[12] = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "‹", "0", "OK"};
	for (int i = 0; i < 12; i++) {
		SDL_Rect r = {x0 + (i % 3) * (key + gap), y0 + (i / 3) * (key + gap), key, key};
		if (i == 9)
			ui_button(k, r, labels[i], BTN_CARD, ACT_ERASE, 0);
		else if (i == 11)
			ui_button(k, r, labels[i], BTN_ACCENT, ACT_OK, 0);
		else {
			int id =
			    ui_button(k, r, labels[i], BTN_PRIMARY, ACT_DIGIT, labels[i][0] - '0');
			if (id >= 0)
				k->ui->controls[id].secret = true; /* speech: never the digit */
		}
	}
}

static void action(struct kiosk *k, int act, int arg)
{
	struct pin_view *v = k->view;
	if (!v)
		return;
	size_t n = strlen(v->pin);
	if (pin_guard_wait(&v->guard, now_s(k)) > 0)
		return; /* locked: the pad takes nothing */
	if (act == ACT_DIGIT && n + 1 < sizeof(v->pin)) {
		v->pin[n] = (char)('0' + arg);
		v->wrong = false;
	} else if (act == ACT_ERASE && n > 0) {
		v->pin[n - 1] = '\0';
	} else if (act == ACT_OK && n > 0) {
		enum pin_result r = PIN_WRONG;
		if (!k->settings.trainer_pin[0])
			log_notice("trainer",
			           "PIN typed, but trainer mode is off (no trainer_pin)");
		else
			r = pin_guard_try(&v->guard, k->settings.trainer_pin, v->pin, now_s(k));
		memset(v->pin, 0, sizeof(v->pin));
		if (r == PIN_OK)
			flow_trainer_unlocked(&k->flow, kiosk_now(k));
		else
			v->wrong = r == PIN_WRONG;
	}
}

/* While the pad is locked, the countdown on screen follows the clock. */
static long long update(struct kiosk *k)
{
	struct pin_view *v = k->view;
	if (!v)
		return -1;
	long long wait = pin_guard_wait(&v->guard, now_s(k));
	if (wait != v->shown_wait)
		k->dirty = true;
	return wait > 0 || v->shown_wait > 0 ? 1000 : -1;
}

const struct screen_ops screen_trainer_pin = {
    .enter = enter, .leave = leave, .draw = draw, .action = action, .update = update};
