/* video: placeholder until libVLC playback lands (issue 3): says the video
 * is not available and lets the person continue. */
#include "screens/ui.h"

static void draw(struct kiosk *k)
{
	struct layout *l = &k->lay;
	int c = k->flow.chapter;
	const char *title = c >= 0 ? ltext_get(&k->module->chapters[c].title, app_lang(k)) : "";
	ui_header(k, title, true);
	int w = l->body.w < l->text * 30 ? l->body.w : l->text * 30;
	int y = l->body.y + l->body.h / 4;
	SDL_Rect card = {(l->w - w) / 2, y, w, l->title * 2 + l->touch * 2 + l->pad * 3};
	gfx_round(k->gfx, card, l->radius, COL_CARD);
	y += l->pad * 2;
	y += gfx_draw_text(k->gfx, app_ui(k, UI_video_unavailable), l->title, true,
			   (SDL_Rect){card.x + l->pad, y, w - l->pad * 2, 0}, ALIGN_CENTER, COL_INK);
	y += l->pad * 2;
	int bw = w / 2;
	ui_button(k, (SDL_Rect){(l->w - bw) / 2, y, bw, l->touch}, app_ui(k, UI_continue_chapter),
		  BTN_ACCENT, ACT_SCREEN, 0);
}

static void action(struct kiosk *k, int act, int arg)
{
	(void)act;
	(void)arg;
	flow_video_done(&k->flow, 0, true, app_now(k));
}

const struct screen_ops screen_video = {.draw = draw, .action = action};
