/* home: the chapters as large cards, ticked when done, and the final quiz. */
#include <stdio.h>
#include <stdlib.h>

#include "core/a11y.h"
#include "core/budget.h"
#include "screens/ui.h"

static void draw_card(struct kiosk *k, SDL_Rect r, unsigned c)
{
	struct layout *l = &k->ui->lay;
	const struct content_chapter *ch = &k->module->chapters[c];
	const char *title = ltext_get(&ch->title, kiosk_lang(k));
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

struct cards {
	int cols, rows, gap, cw;
	int need; /* the tallest title's card */
};

static struct cards cards_of(struct kiosk *k, int cols)
{
	struct layout *l = &k->ui->lay;
	const struct content_module *m = k->module;
	struct cards c = {.cols = cols};
	c.rows = ((int)m->n_chapters + cols - 1) / cols;
	/* Portrait: the cards close, in reach; large text: closer too. */
	c.gap = l->portrait || k->flow.large_text ? l->pad / 2 : l->pad;
	c.cw = (l->body.w - (cols - 1) * c.gap) / cols;
	/* Every title must fit its card: a card is at least as high as its
	 * tallest title. */
	c.need = l->touch;
	int tw = c.cw - l->pad * 2 - l->text * 8 / 5 - l->pad;
	for (unsigned i = 0; i < m->n_chapters; i++) {
		int th = gfx_text_height(k->gfx, ltext_get(&m->chapters[i].title, kiosk_lang(k)),
		                         l->text, true, tw) +
		         l->pad;
		if (th > c.need)
			c.need = th;
	}
	return c;
}

/* Two or three columns (one or two in portrait): as many as fit in the
 * height given, else the arrangement that needs the least scrolling. */
static struct cards cards_layout(struct kiosk *k, int height)
{
	struct layout *l = &k->ui->lay;
	unsigned n = k->module->n_chapters;
	int most = l->portrait ? (n > 3 ? 2 : 1) : (n > 4 ? 3 : 2);
	struct cards best = cards_of(k, most);
	for (int cols = most - 1; cols >= 1 && cols >= most - 1; cols--) {
		struct cards c = cards_of(k, cols);
		int h = c.rows * c.need + (c.rows - 1) * c.gap;
		int hb = best.rows * best.need + (best.rows - 1) * best.gap;
		if (hb > height && h < hb)
			best = c;
	}
	return best;
}

static void draw_cards(struct kiosk *k, const struct cards *c, int top, int ch)
{
	struct layout *l = &k->ui->lay;
	for (unsigned i = 0; i < k->module->n_chapters; i++) {
		int col = (int)i % c->cols, row = (int)i / c->cols;
		draw_card(k,
		          (SDL_Rect){l->body.x + col * (c->cw + c->gap), top + row * (ch + c->gap),
		                     c->cw, ch},
		          i);
	}
}

/* "Les chapitres" and the progress bar; returns their height. Portrait:
 * "Les chapitres" only, the progress is in the banner above. */
static int draw_heading(struct kiosk *k, int y)
{
	struct layout *l = &k->ui->lay;
	const struct content_module *m = k->module;
	int lang = kiosk_lang(k), y0 = y;
	if (l->portrait) {
		gfx_draw_text(k->gfx, content_ui(m, UI_chapters, lang), l->title, true,
		              (SDL_Rect){l->body.x, y, l->body.w, 0}, ALIGN_LEFT, COL_PRIMARY);
		return l->title * 3 / 2;
	}
	char progress[160];
	unsigned done = flow_chapters_done(&k->flow);
	ui_format(progress, sizeof(progress), content_ui(m, UI_progress, lang), (int)done,
	          (int)m->n_chapters);
	int half = l->body.w / 2;
	gfx_draw_text(k->gfx, content_ui(m, UI_chapters, lang), l->title, true,
	              (SDL_Rect){l->body.x, y, half, 0}, ALIGN_LEFT, COL_PRIMARY);
	gfx_draw_text(k->gfx, progress, l->small, false, (SDL_Rect){l->body.x + half, y, half, 0},
	              ALIGN_RIGHT, COL_MUTED);
	ui_progress(k, (SDL_Rect){l->body.x + half, y + l->small * 3 / 2, half, l->pad / 2 + 4},
	            (int)done, (int)m->n_chapters);
	y += l->small * 3 / 2 + l->pad * 2 + (k->flow.large_text ? 0 : l->title / 2);
	return y - y0;
}

static int heading_height(const struct kiosk *k)
{
	const struct layout *l = &k->ui->lay;
	if (l->portrait)
		return l->title * 3 / 2;
	return l->small * 3 / 2 + l->pad * 2 + (k->flow.large_text ? 0 : l->title / 2);
}

void ui_home_overview(const struct kiosk *k, char *what, char *time, size_t len)
{
	const struct content_module *m = k->module;
	int lang = kiosk_lang(k);
	ui_format(what, len, content_ui(m, UI_overview, lang), (int)m->n_chapters,
	          (int)content_final_size(m));
	/* The time a full pass takes in this language (core/budget.h), or the
	 * cap when a video's length is not given. */
	unsigned minutes = budget_minutes(m, lang);
	if (!minutes)
		minutes = m->max_minutes;
	ui_format(time, len, minutes ? content_ui(m, UI_duration, lang) : "", (int)minutes, 0);
}

/* Portrait: the upper part of the screen, above the reach line, holds
 * nothing to touch: a welcome banner fills it — the campaign's motif, the
 * module's title and tagline, what is ahead (chapters, the final quiz, the
 * time) and the progress. */
static void draw_banner(struct kiosk *k, int bottom)
{
	struct layout *l = &k->ui->lay;
	const struct content_module *m = k->module;
	int lang = kiosk_lang(k);
	char what[UI_LABEL], time[UI_LABEL], progress[UI_LABEL];
	ui_home_overview(k, what, time, sizeof(what));
	ui_format(progress, sizeof(progress), content_ui(m, UI_progress, lang),
	          (int)flow_chapters_done(&k->flow), (int)m->n_chapters);
	struct ui_banner_line lines[] = {
	    {ltext_get(&m->title, lang), l->title * 3 / 2, true, false, COL_WHITE, 0, 0},
	    {ltext_get(&m->tagline, lang), l->text, false, true, COL_TAGLINE, 0, 0},
	    {what, l->text, true, false, COL_WHITE, 0, 0},
	    {time, l->text, true, false, COL_WHITE, 0, 0},
	    {progress, l->text, false, false, COL_TAGLINE, (int)flow_chapters_done(&k->flow),
	     (int)m->n_chapters},
	};
	int top = l->body.y + l->pad;
	if (bottom - top > l->pad * 4)
		ui_banner(k, (SDL_Rect){l->body.x, top, l->body.w, bottom - top}, lines,
		          (int)(sizeof(lines) / sizeof(lines[0])));
}

static void draw(struct kiosk *k)
{
	struct layout *l = &k->ui->lay;
	const struct content_module *m = k->module;
	int lang = kiosk_lang(k);
	ui_header(k, ltext_get(&m->title, lang), true);
	/* Landscape: the heading at the top. Portrait: right above the cards,
	 * low with them, drawn once they are placed. */
	int y = l->body.y + (l->portrait ? heading_height(k) : draw_heading(k, l->body.y));
	/* The quiz button at the bottom, the cards in the space between. */
	const char *quiz = content_ui(m, UI_start_quiz, lang);
	int qh = l->touch + l->pad / 2;
	int qy = l->h - l->foot - l->pad * 2 - qh;
	/* Portrait: the cards within reach of a wheelchair, nothing above
	 * the reach line (core/a11y.h); when they do not fit there, or under
	 * the heading in landscape, they scroll (large text). */
	SDL_Rect area = {0, y, l->w, qy - l->pad * 2 - y};
	if (l->portrait && y < ui_reach_top(k)) {
		area.y = ui_reach_top(k);
		area.h = qy - l->pad * 2 - area.y;
	}
	struct cards c = cards_layout(k, area.h);
	int block = c.rows * c.need + (c.rows - 1) * c.gap;
	struct ui_scroll none = {0}, *sc = k->view ? k->view : &none;
	int above; /* the top of what is drawn for the cards */
	if (block > area.h) {
		/* A list that scrolls, its top at the reach line (portrait): not
		 * even a sliver of a card above it. */
		if (l->portrait && area.y < a11y_reach_top(l->h)) {
			area.h -= a11y_reach_top(l->h) - area.y;
			area.y = a11y_reach_top(l->h);
		}
		above = area.y;
		/* Say there is more than the few cards in view. */
		const char *hint = a11y_phrase(A11Y_SWIPE_LIST, lang);
		int hh = gfx_text_height(k->gfx, hint, l->small, false, l->body.w);
		ui_check_fit(k, hint, l->small, false,
		             (SDL_Rect){l->body.x, 0, l->body.w, 1 << 20});
		if (area.y - hh - l->pad / 2 >= y) {
			above = area.y - hh - l->pad / 2;
			gfx_draw_text(k->gfx, hint, l->small, false,
			              (SDL_Rect){l->body.x, above, l->body.w, 0}, ALIGN_LEFT,
			              COL_MUTED);
		}
		SDL_Rect view = {0, area.y, l->w, area.h + l->pad};
		int top = ui_scroll_begin(k, sc, view);
		draw_cards(k, &c, top, c.need);
		ui_scroll_end(k, sc, block + l->pad);
	} else {
		sc->scroll = sc->max = 0;
		int ch = (area.h - (c.rows - 1) * c.gap) / c.rows;
		int max_h = l->touch * 2 + l->pad;
		if (ch > max_h)
			ch = max_h;
		if (ch < c.need)
			ch = c.need;
		int h = c.rows * ch + (c.rows - 1) * c.gap;
		/* Portrait: low, just above the quiz button, in reach. */
		above = l->portrait ? area.y + area.h - h : area.y + (area.h - h) / 2;
		draw_cards(k, &c, above, ch);
	}
	if (l->portrait) {
		int hy = above - heading_height(k);
		if (hy < l->body.y)
			hy = l->body.y;
		draw_heading(k, hy);
		draw_banner(k, hy - l->pad);
	}
	int qw = l->portrait ? l->body.w : l->body.w / 2;
	ui_button(k, (SDL_Rect){(l->w - qw) / 2, qy, qw, qh}, quiz,
	          flow_all_chapters_done(&k->flow) ? BTN_ACCENT : BTN_PRIMARY, ACT_SCREEN + 1, 0);
}

static void action(struct kiosk *k, int act, int arg)
{
	if (act == ACT_SCREEN)
		flow_open_chapter(&k->flow, (unsigned)arg, kiosk_now(k));
	else if (act == ACT_SCREEN + 1)
		flow_start_quiz(&k->flow, kiosk_now(k));
}

const struct screen_ops screen_home = {.enter = ui_scroll_enter,
                                       .leave = ui_scroll_leave,
                                       .draw = draw,
                                       .action = action,
                                       .scroll = ui_scroll_screen};
