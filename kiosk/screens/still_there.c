/* still-there: "Vous êtes toujours là ?" with a countdown; any touch goes on.
 * It shows nothing of the session, in case the person has left. */
#include "screens/ui.h"

static void draw(struct kiosk *k)
{
	struct layout *l = &k->ui->lay;
	gfx_clear(k->gfx, COL_PRIMARY);
	/* As long as the flow really waits: at least 20 s, doubled with speech
	 * or large text, and not before speech has finished reading. */
	long long left_ms = flow_still_deadline(&k->flow) - kiosk_now(k);
	int left = (int)((left_ms + 999) / 1000);
	if (left < 0)
		left = 0;
	char countdown[160];
	ui_format(countdown, sizeof(countdown), kiosk_ui(k, UI_countdown), left, 0);
	int w = l->w - l->pad * 6;
	int y = l->h / 4;
	y += gfx_draw_text(k->gfx, kiosk_ui(k, UI_still_there), l->title * 3 / 2, true,
	                   (SDL_Rect){l->pad * 3, y, w, 0}, ALIGN_CENTER, COL_WHITE);
	y += l->pad * 2;
	y += gfx_draw_text(k->gfx, countdown, l->text, false, (SDL_Rect){l->pad * 3, y, w, 0},
	                   ALIGN_CENTER, RGBA(0xE0, 0xE8, 0xF0, 0xFF));
	/* A ring of seconds running out. */
	int r = l->touch;
	int total = (int)((flow_still_limit(&k->flow) + 999) / 1000);
	if (total < left)
		total = left; /* speech read past it */
	for (int i = 0; i < total; i++) {
		double a = 2 * 3.14159265 * i / total - 3.14159265 / 2;
		int cx = l->w / 2 + (int)(r * 1.6 * SDL_cos(a));
		int cy = y + l->pad * 2 + r * 2 + (int)(r * 1.6 * SDL_sin(a));
		gfx_circle(k->gfx, cx, cy, l->pad / 3 + 2,
		           i < left ? COL_ACCENT : RGBA(0x45, 0x5B, 0x7A, 0xFF));
	}
	int bw = w < l->text * 16 ? w : l->text * 16;
	int bh = l->touch + l->pad;
	ui_button(k, (SDL_Rect){(l->w - bw) / 2, l->h - l->h / 4, bw, bh},
	          kiosk_ui(k, UI_continue_session), BTN_ACCENT, ACT_SCREEN, 0);
}

static void go_on(struct kiosk *k)
{
	flow_still_here(&k->flow, kiosk_now(k));
}

static void action(struct kiosk *k, int act, int arg)
{
	(void)act;
	(void)arg;
	go_on(k);
}

static void tap(struct kiosk *k, int x, int y)
{
	(void)x;
	(void)y;
	go_on(k);
}

static long long update(struct kiosk *k)
{
	k->dirty = true; /* the countdown moves every second */
	long long since = kiosk_now(k) - k->flow.screen_since;
	return 1000 - since % 1000;
}

const struct screen_ops screen_still_there = {
    .draw = draw, .action = action, .tap = tap, .update = update};
