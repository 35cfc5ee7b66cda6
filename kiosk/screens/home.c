/* home: the chapters as large cards, ticked when done, and the final quiz. */
#include <stdio.h>

#include "screens/ui.h"

static void draw_card(struct kiosk *k, SDL_Rect r, unsigned c)
{
	struct layout *l = &k->lay;
	const struct content_chapter *ch = &k->module->chapters[c];
	const char *title = ltext_get(&ch->title, app_lang(k));
	int id = ui_area(k, r, title, ACT_SCREEN, (int)c);
	bool done = k->flow.chapter_done[c];
	gfx_round(k->gfx, (SDL_Rect){r.x, r.y + l->pad / 4, r.w, r.h}, l->radius,
	          RGBA(0, 0, 0, 0x18)); /* a soft shadow */
	gfx_round(k->gfx, r, l->radius, ui_is_pressed(k, id) ? COL_CARD_DOWN : COL_CARD);
	gfx_fill(k->gfx, (SDL_Rect){r.x, r.y + l->radius, l->pad / 3, r.h - 2 * l->radius},
	         done ? COL_RIGHT : COL_ACCENT);
	int badge = l->text * 4 / 5;
	int bx = r.x + l->pad + badge, by = r.y + r.h / 2;
	if (done) {
		ui_tick(k, bx, by, badge, COL_RIGHT);
	} else {
		char num[8];
		snprintf(num, sizeof(num), "%u", c + 1);
		gfx_circle(k->gfx, bx, by, badge, COL_PRIMARY);
		gfx_draw_text(k->gfx, num, l->text, true,
		              (SDL_Rect){bx - badge, by - l->text * 2 / 3, badge * 2, 0},
		              ALIGN_CENTER, COL_WHITE);
	}
	int tx = bx + badge + l->pad;
	int tw = r.x + r.w - l->pad - tx;
	int th = gfx_text_height(k->gfx, title, l->text, true, tw);
	ui_check_fit(k, title, l->text, true, (SDL_Rect){tx, r.y, tw, r.h});
	gfx_draw_text(k->gfx, title, l->text, true, (SDL_Rect){tx, r.y + (r.h - th) / 2, tw, 0},
	              ALIGN_LEFT, COL_INK);
}

static void draw(struct kiosk *k)
{
	struct layout *l = &k->lay;
	const struct content_module *m = k->module;
	int lang = app_lang(k);
	ui_header(k, ltext_get(&m->title, lang), true);
	int y = l->body.y;
	char progress[160];
	unsigned done = flow_chapters_done(&k->flow);
	ui_format(progress, sizeof(progress), content_ui(m, UI_progress, lang), (int)done,
	          (int)m->n_chapters);
	int half = l->body.w / 2;
	gfx_draw_text(k->gfx, content_ui(m, UI_chapters, lang), l->title, true,
	              (SDL_Rect){l->body.x, y, l->portrait ? l->body.w : half, 0}, ALIGN_LEFT,
	              COL_PRIMARY);
	if (l->portrait)
		y += l->title * 3 / 2;
	int px = l->portrait ? l->body.x : l->body.x + half;
	int pw = l->portrait ? l->body.w : half;
	gfx_draw_text(k->gfx, progress, l->small, false, (SDL_Rect){px, y, pw, 0}, ALIGN_RIGHT,
	              COL_MUTED);
	ui_progress(k, (SDL_Rect){px, y + l->small * 3 / 2, pw, l->pad / 2 + 4}, (int)done,
	            (int)m->n_chapters);
	y += l->small * 3 / 2 + l->pad * 2 + (l->portrait ? 0 : l->title / 2);
	/* The quiz button at the bottom, the cards in the space between. */
	const char *quiz = content_ui(m, UI_start_quiz, lang);
	int qh = l->touch + l->pad / 2;
	int qy = l->h - l->foot - l->pad * 2 - qh;
	int cols = l->portrait ? 1 : (m->n_chapters > 4 ? 3 : 2);
	/* Portrait: the cards within reach of a wheelchair, two by two; with
	 * large text one by one, as high as they need (--check warns). */
	if (l->portrait && m->n_chapters > 3 && !k->flow.large_text)
		cols = 2;
	int y_min = y; /* under the heading */
	if (l->portrait && y < ui_reach_top(k) && !k->flow.large_text)
		y = ui_reach_top(k);
	int rows = ((int)m->n_chapters + cols - 1) / cols;
	int gap = l->portrait ? l->pad / 2 : l->pad; /* portrait: the cards close, in reach */
	int cw = (l->body.w - (cols - 1) * gap) / cols;
	/* Every title must fit its card: a card is at least as high as its
	 * tallest title; the cards climb above the reach zone only if they must. */
	int need = l->touch;
	int tw = cw - l->pad * 2 - l->text * 8 / 5 - l->pad;
	for (unsigned c = 0; c < m->n_chapters; c++) {
		int th = gfx_text_height(k->gfx, ltext_get(&m->chapters[c].title, lang), l->text,
		                         true, tw) +
		         l->pad;
		if (th > need)
			need = th;
	}
	if (qy - l->pad * 2 - y < rows * need + (rows - 1) * gap)
		y = qy - l->pad * 2 - rows * need - (rows - 1) * gap;
	if (y < y_min)
		y = y_min;
	int area = qy - l->pad * 2 - y;
	int ch = (area - (rows - 1) * gap) / rows;
	int max_h = l->touch * 2 + l->pad;
	if (ch > max_h)
		ch = max_h;
	int top = y + (area - rows * ch - (rows - 1) * gap) / 2;
	for (unsigned c = 0; c < m->n_chapters; c++) {
		int col = (int)c % cols, row = (int)c / cols;
		draw_card(
		    k, (SDL_Rect){l->body.x + col * (cw + gap), top + row * (ch + gap), cw, ch}, c);
	}
	int qw = l->portrait ? l->body.w : l->body.w / 2;
	ui_button(k, (SDL_Rect){(l->w - qw) / 2, qy, qw, qh}, quiz,
	          flow_all_chapters_done(&k->flow) ? BTN_ACCENT : BTN_PRIMARY, ACT_SCREEN + 1, 0);
}

static void action(struct kiosk *k, int act, int arg)
{
	if (act == ACT_SCREEN)
		flow_open_chapter(&k->flow, (unsigned)arg, app_now(k));
	else if (act == ACT_SCREEN + 1)
		flow_start_quiz(&k->flow, app_now(k));
}

const struct screen_ops screen_home = {.draw = draw, .action = action};
