/* trainer-pin: a keypad for the trainer's PIN (reached by holding the top
 * left corner of the attract screen for 3 seconds). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "screens/ui.h"
#include "core/log.h"

enum { ACT_DIGIT = ACT_SCREEN, ACT_ERASE, ACT_OK };

/* The digits typed and whether the last PIN was wrong. */
struct pin_view {
	char pin[9];
	bool wrong;
};

static void enter(struct kiosk *k)
{
	k->view = calloc(1, sizeof(struct pin_view));
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
	size_t n = strlen(v->pin);
	int dot = l->pad / 2 + 4;
	for (size_t i = 0; i < 8; i++)
		gfx_circle(k->gfx, l->w / 2 + ((int)i - 4) * dot * 3 + dot * 3 / 2, y + dot, dot,
		           i < n ? COL_PRIMARY : COL_LINE);
	y += dot * 2 + l->pad;
	if (v->wrong)
		gfx_draw_text(k->gfx, app_ui(k, UI_wrong_pin), l->text, true,
		              (SDL_Rect){l->body.x, y, l->body.w, 0}, ALIGN_CENTER, COL_WRONG);
	y += l->text * 3 / 2 + l->pad;
	const char *labels[12] = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "⌫", "0", "OK"};
	for (int i = 0; i < 12; i++) {
		SDL_Rect r = {x0 + (i % 3) * (key + gap), y + (i / 3) * (key + gap), key, key};
		if (i == 9)
			ui_button(k, r, labels[i], BTN_CARD, ACT_ERASE, 0);
		else if (i == 11)
			ui_button(k, r, labels[i], BTN_ACCENT, ACT_OK, 0);
		else
			ui_button(k, r, labels[i], BTN_PRIMARY, ACT_DIGIT, labels[i][0] - '0');
	}
}

static void action(struct kiosk *k, int act, int arg)
{
	struct pin_view *v = k->view;
	if (!v)
		return;
	size_t n = strlen(v->pin);
	if (act == ACT_DIGIT && n + 1 < sizeof(v->pin)) {
		v->pin[n] = (char)('0' + arg);
		v->wrong = false;
	} else if (act == ACT_ERASE && n > 0) {
		v->pin[n - 1] = '\0';
	} else if (act == ACT_OK) {
		if (strcmp(v->pin, k->settings.trainer_pin) == 0) {
			flow_trainer_unlocked(&k->flow, app_now(k));
		} else {
			v->wrong = true;
			log_notice("kiosk", "wrong trainer PIN entered");
		}
		memset(v->pin, 0, sizeof(v->pin));
	}
}

const struct screen_ops screen_trainer_pin = {
    .enter = enter, .leave = leave, .draw = draw, .action = action};
