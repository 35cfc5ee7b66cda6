/* chapter: the text, "À retenir", then its video and questions. The text
 * scrolls with a finger when it is longer than the screen. */
#include <limits.h>
#include <stdlib.h>

#include "screens/ui.h"

enum { ACT_VIDEO = ACT_SCREEN, ACT_QUESTIONS };

static int draw_paragraphs(struct kiosk *k, const struct content_chapter *ch, SDL_Rect r)
{
	struct layout *l = &k->ui->lay;
	int lang = kiosk_lang(k), y = r.y;
	y += gfx_draw_text(k->gfx, ltext_get(&ch->title, lang), l->title, true,
	                   (SDL_Rect){r.x, y, r.w, 0}, ALIGN_LEFT, COL_PRIMARY);
	y += l->pad;
	ui_check_fit(k, ltext_get(&ch->title, lang), l->title, true,
	             (SDL_Rect){r.x, y, r.w, INT_MAX});
	for (unsigned i = 0; i < ch->n_paragraphs; i++) {
		ui_check_fit(k, ltext_get(&ch->paragraphs[i], lang), l->text, false,
		             (SDL_Rect){r.x, y, r.w, INT_MAX});
		y += gfx_draw_text(k->gfx, ltext_get(&ch->paragraphs[i], lang), l->text, false,
		                   (SDL_Rect){r.x, y, r.w, 0}, ALIGN_LEFT, COL_INK);
		y += l->pad;
	}
	return y - r.y;
}

static int key_points_height(struct kiosk *k, const struct content_chapter *ch, int w)
{
	struct layout *l = &k->ui->lay;
	int lang = kiosk_lang(k);
	int h = l->pad * 2 + gfx_text_height(k->gfx, kiosk_ui(k, UI_key_points), l->text, true, w);
	for (unsigned i = 0; i < ch->n_key_points; i++)
		h += l->pad / 2 + gfx_text_height(k->gfx, ltext_get(&ch->key_points[i], lang),
		                                  l->text, false, w - l->pad * 3 - l->text);
	return h + l->pad * 2;
}

static int draw_key_points(struct kiosk *k, const struct content_chapter *ch, SDL_Rect r)
{
	struct layout *l = &k->ui->lay;
	int lang = kiosk_lang(k);
	int inner = r.w - l->pad * 2;
	int h = key_points_height(k, ch, inner);
	gfx_round(k->gfx, (SDL_Rect){r.x, r.y, r.w, h}, l->radius, RGBA(0xFF, 0xF1, 0xD6, 0xFF));
	gfx_fill(k->gfx, (SDL_Rect){r.x, r.y + l->radius, l->pad / 3, h - 2 * l->radius},
	         RGBA(0xF4, 0xA2, 0x61, 0xFF));
	int x = r.x + l->pad, y = r.y + l->pad;
	y += gfx_draw_text(k->gfx, kiosk_ui(k, UI_key_points), l->text, true,
	                   (SDL_Rect){x, y, inner, 0}, ALIGN_LEFT, COL_PRIMARY);
	for (unsigned i = 0; i < ch->n_key_points; i++) {
		y += l->pad / 2;
		gfx_circle(k->gfx, x + l->text / 3, y + l->text * 2 / 3, l->text / 5, COL_ACCENT);
		ui_check_fit(k, ltext_get(&ch->key_points[i], lang), l->text, false,
		             (SDL_Rect){x + l->text, y, inner - l->pad - l->text, INT_MAX});
		y += gfx_draw_text(k->gfx, ltext_get(&ch->key_points[i], lang), l->text, false,
		                   (SDL_Rect){x + l->text, y, inner - l->pad - l->text, 0},
		                   ALIGN_LEFT, COL_INK);
	}
	return h;
}

/* Every word of the key points fits a box w wide (draw_key_points). */
static bool key_points_fit(struct kiosk *k, const struct content_chapter *ch, int w)
{
	struct layout *l = &k->ui->lay;
	int inner = w - l->pad * 2 - l->pad - l->text;
	for (unsigned i = 0; i < ch->n_key_points; i++)
		if (!gfx_text_fits(k->gfx, ltext_get(&ch->key_points[i], kiosk_lang(k)), l->text,
		                   false, inner))
			return false;
	return true;
}

static void draw_actions(struct kiosk *k, const struct content_chapter *ch, int c, int y)
{
	struct layout *l = &k->ui->lay;
	unsigned nq = content_chapter_questions(k->module, (unsigned)c, NULL, 0);
	bool video = ch->video.s[kiosk_lang(k)] != NULL;
	bool watched = k->flow.video_share[c] >= 0;
	const char *next = kiosk_ui(k, nq ? UI_chapter_questions : UI_chapter_done);
	int n = video ? 2 : 1;
	int gap = l->pad;
	int bw = (l->body.w - (n - 1) * gap) / n;
	int bh = l->touch + l->pad / 2;
	int x = l->body.x;
	if (video) {
		ui_button(k, (SDL_Rect){x, y, bw, bh}, kiosk_ui(k, UI_watch_video),
		          watched ? BTN_PRIMARY : BTN_ACCENT, ACT_VIDEO, 0);
		x += bw + gap;
	}
	ui_button(k, (SDL_Rect){x, y, bw, bh}, next, video && !watched ? BTN_PRIMARY : BTN_ACCENT,
	          ACT_QUESTIONS, 0);
}

static void draw(struct kiosk *k)
{
	struct layout *l = &k->ui->lay;
	int c = k->flow.chapter;
	if (c < 0)
		return;
	const struct content_chapter *ch = &k->module->chapters[c];
	ui_header(k, ltext_get(&ch->title, kiosk_lang(k)), true);
	int bar_h = l->touch + l->pad / 2 + l->pad * 2;
	SDL_Rect view = {0, l->header, l->w, l->h - l->header - bar_h - l->foot};
	struct ui_scroll none = {0}, *sc = k->view ? k->view : &none;
	int top = ui_scroll_begin(k, sc, view);
	int content;
	if (l->portrait || !key_points_fit(k, ch, l->body.w - l->body.w * 3 / 5 - l->pad)) {
		/* Portrait, or a word of a key point too wide for its column
		 * (large text): the key points under the text. */
		int h = draw_paragraphs(k, ch, (SDL_Rect){l->body.x, top, l->body.w, 0});
		h += draw_key_points(k, ch, (SDL_Rect){l->body.x, top + h, l->body.w, 0});
		content = h + l->pad;
	} else {
		int lw = l->body.w * 3 / 5;
		int h1 = draw_paragraphs(k, ch, (SDL_Rect){l->body.x, top, lw - l->pad, 0});
		int h2 =
		    draw_key_points(k, ch,
		                    (SDL_Rect){l->body.x + lw + l->pad, top + l->title + l->pad,
		                               l->body.w - lw - l->pad, 0});
		content = (h1 > h2 + l->title + l->pad ? h1 : h2 + l->title + l->pad) + l->pad;
	}
	ui_scroll_end(k, sc, content);
	gfx_fill(k->gfx, (SDL_Rect){0, view.y + view.h, l->w, 1}, COL_LINE);
	draw_actions(k, ch, c, view.y + view.h + l->pad);
}

static void action(struct kiosk *k, int act, int arg)
{
	(void)arg;
	if (act == ACT_VIDEO)
		flow_watch_video(&k->flow, kiosk_now(k));
	else if (act == ACT_QUESTIONS)
		flow_chapter_questions(&k->flow, kiosk_now(k));
}

const struct screen_ops screen_chapter = {.enter = ui_scroll_enter,
                                          .leave = ui_scroll_leave,
                                          .draw = draw,
                                          .action = action,
                                          .scroll = ui_scroll_screen};
