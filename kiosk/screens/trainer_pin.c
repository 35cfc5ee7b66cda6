/* trainer-pin: a keypad for the trainer's PIN (reached by holding the top
 * left corner of the attract screen for 3 seconds). */
#include <stdio.h>
#include <string.h>

#include "screens/ui.h"

enum { ACT_DIGIT = ACT_SCREEN, ACT_ERASE, ACT_OK };

static void enter(struct kiosk *k)
{
	memset(k->pin, 0, sizeof(k->pin));
	k->pin_wrong = false;
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
	size_t n = strlen(k->pin);
	int dot = l->pad / 2 + 4;
	for (size_t i = 0; i < 8; i++)
		gfx_circle(k->gfx, l->w / 2 + ((int)i - 4) * dot * 3 + dot * 3 / 2, y + dot, dot,
		           i < n ? COL_PRIMARY : COL_LINE);
	y += dot * 2 + l->pad;
	if (k->pin_wrong)
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
	size_t n = strlen(k->pin);
	if (act == ACT_DIGIT && n + 1 < sizeof(k->pin)) {
		k->pin[n] = (char)('0' + arg);
		k->pin_wrong = false;
	} else if (act == ACT_ERASE && n > 0) {
		k->pin[n - 1] = '\0';
	} else if (act == ACT_OK) {
		if (strcmp(k->pin, k->settings.trainer_pin) == 0) {
			flow_trainer_unlocked(&k->flow, app_now(k));
		} else {
			k->pin_wrong = true;
			fprintf(stderr, "<5>kiosk: wrong trainer PIN entered\n");
		}
		memset(k->pin, 0, sizeof(k->pin));
	}
}

const struct screen_ops screen_trainer_pin = {.enter = enter, .draw = draw, .action = action};
