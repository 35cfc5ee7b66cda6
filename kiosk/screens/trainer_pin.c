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
	return (long long)time(NULL) + (k->headless ? app_now(k) / 1000 : 0);
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

static void draw(struct kiosk *k)
{
	struct layout *l = &k->lay;
	ui_header(k, app_ui(k, UI_trainer), true);
	int key = l->touch * 3 / 2;
	int gap = l->pad;
	int pad_w = key * 3 + gap * 2;
	int x0 = (l->w - pad_w) / 2;
	int y = l->body.y + l->pad;
	y += gfx_draw_text(k->gfx, app_ui(k, UI_enter_pin), l->text, true,
	                   (SDL_Rect){l->body.x, y, l->body.w, 0}, ALIGN_CENTER, COL_INK);
	y += l->pad;
	/* One dot per digit typed, never the digits. */
	struct pin_view none = {0}, *v = k->view ? k->view : &none;
	size_t n = strlen(v->pin), shown = n > PIN_MIN_DIGITS ? n : PIN_MIN_DIGITS;
	int dot = l->pad / 2 + 4;
	for (size_t i = 0; i < shown; i++)
		gfx_circle(k->gfx, l->w / 2 + ((int)i - (int)shown / 2) * dot * 3 + dot * 3 / 2,
		           y + dot, dot, i < n ? COL_PRIMARY : COL_LINE);
	y += dot * 2 + l->pad;
	long long wait = k->view ? pin_guard_wait(&v->guard, now_s(k)) : 0;
	v->shown_wait = wait;
	char msg[160];
	const char *say = v->wrong ? app_ui(k, UI_wrong_pin) : NULL;
	if (!k->settings.trainer_pin[0]) {
		say = "Mode formateur désactivé : aucun code n'est configuré";
	} else if (wait > 0) {
		snprintf(msg, sizeof msg, "Trop d'essais : réessayez dans %lld s", wait);
		say = msg;
	}
	if (say)
		gfx_draw_text(k->gfx, say, l->text, true, (SDL_Rect){l->body.x, y, l->body.w, 0},
		              ALIGN_CENTER, COL_WRONG);
	y += l->text * 3 / 2 + l->pad;
	/* "‹" erases: Open Sans has no U+232B (⌫). */
	const char *labels[12] = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "‹", "0", "OK"};
	for (int i = 0; i < 12; i++) {
		SDL_Rect r = {x0 + (i % 3) * (key + gap), y + (i / 3) * (key + gap), key, key};
		if (i == 9)
			ui_button(k, r, labels[i], BTN_CARD, ACT_ERASE, 0);
		else if (i == 11)
			ui_button(k, r, labels[i], BTN_ACCENT, ACT_OK, 0);
		else {
			int id =
			    ui_button(k, r, labels[i], BTN_PRIMARY, ACT_DIGIT, labels[i][0] - '0');
			if (id >= 0)
				k->controls[id].secret = true; /* speech: never the digit */
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
			flow_trainer_unlocked(&k->flow, app_now(k));
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
