/* result: the score, passed or not, the key takeaways, where to go further
 * (with a QR code of the module's link), and "Terminer". */
#include <qrencode.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "screens/ui.h"

enum { ACT_FINISH = ACT_SCREEN };

static void draw_qr(struct kiosk *k, const char *url, SDL_Rect r)
{
	QRcode *qr = QRcode_encodeString(url, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
	if (!qr)
		return; /* no code is better than a wrong one; the text list stays */
	int quiet = 2, n = qr->width + 2 * quiet;
	int cell = r.w / n;
	if (cell < 2)
		cell = 2;
	int size = cell * n;
	gfx_fill(k->gfx, (SDL_Rect){r.x, r.y, size, size}, COL_WHITE);
	for (int y = 0; y < qr->width; y++)
		for (int x = 0; x < qr->width; x++)
			if (qr->data[y * qr->width + x] & 1)
				gfx_fill(k->gfx,
				         (SDL_Rect){r.x + (x + quiet) * cell,
				                    r.y + (y + quiet) * cell, cell, cell},
				         COL_INK);
	QRcode_free(qr);
}

static int draw_list(struct kiosk *k, const char *heading, const struct ltext *items, unsigned n,
                     size_t stride, SDL_Rect r)
{
	struct layout *l = &k->lay;
	int y = r.y;
	y += gfx_draw_text(k->gfx, heading, l->text, true, (SDL_Rect){r.x, y, r.w, 0}, ALIGN_LEFT,
	                   COL_PRIMARY);
	for (unsigned i = 0; i < n; i++) {
		const struct ltext *t = (const struct ltext *)((const char *)items + i * stride);
		y += l->pad / 3;
		gfx_circle(k->gfx, r.x + l->small / 3, y + l->small * 2 / 3, l->small / 5,
		           COL_ACCENT);
		ui_check_fit(k, ltext_get(t, app_lang(k)), l->small, false,
		             (SDL_Rect){r.x + l->small, y, r.w - l->small, 1 << 20});
		y += gfx_draw_text(k->gfx, ltext_get(t, app_lang(k)), l->small, false,
		                   (SDL_Rect){r.x + l->small, y, r.w - l->small, 0}, ALIGN_LEFT,
		                   COL_INK);
	}
	return y - r.y;
}

static int draw_banner(struct kiosk *k, int y)
{
	struct layout *l = &k->lay;
	const struct content_module *m = k->module;
	bool passed = k->flow.passed;
	char score[160], verdict[160];
	ui_format(score, sizeof(score), app_ui(k, UI_your_score), k->flow.score, 0);
	/* {pass} is the mark in percent (older modules); {n} and {total} say it
	 * in whole questions: "il faut 9 bonnes réponses sur 12". */
	const char *vt = app_ui(k, passed ? UI_passed : UI_failed);
	ui_format(verdict, sizeof(verdict), vt,
	          strstr(vt, "{pass}") ? (int)m->pass_mark : (int)flow_pass_needed(&k->flow),
	          (int)flow_final_size(&k->flow));
	/* The banner is as tall as its two lines; landscape screens are short. */
	int ss = l->portrait ? l->title * 3 / 2 : l->title * 5 / 4;
	int sh = gfx_text_height(k->gfx, score, ss, true, l->body.w);
	int vh = gfx_text_height(k->gfx, verdict, l->text, true, l->body.w - l->pad * 2);
	SDL_Rect banner = {l->body.x, y, l->body.w, l->pad * 3 / 2 + sh + vh};
	gfx_round(k->gfx, banner, l->radius, passed ? COL_RIGHT : COL_PRIMARY);
	int by = y + l->pad / 2;
	by += gfx_draw_text(k->gfx, score, ss, true, (SDL_Rect){banner.x, by, banner.w, 0},
	                    ALIGN_CENTER, COL_WHITE);
	gfx_draw_text(k->gfx, verdict, l->text, true,
	              (SDL_Rect){banner.x + l->pad, by, banner.w - l->pad * 2, 0}, ALIGN_CENTER,
	              COL_WHITE);
	return banner.h;
}

/* The list of where to go further, with the QR code of the module's link
 * at its right; returns its height. */
static int draw_more(struct kiosk *k, SDL_Rect r)
{
	struct layout *l = &k->lay;
	const struct content_module *m = k->module;
	bool qr = m->more_url && *m->more_url;
	int qr_size = qr ? (l->portrait ? l->w / 4 : l->h / 5) : 0;
	int lw = qr ? r.w - qr_size - l->pad * 2 : r.w;
	int h = draw_list(k, app_ui(k, UI_more_title), m->more ? &m->more[0].text : NULL, m->n_more,
	                  sizeof(m->more[0]), (SDL_Rect){r.x, r.y, lw, 0});
	if (qr) {
		int qx = r.x + lw + l->pad * 2;
		draw_qr(k, m->more_url, (SDL_Rect){qx, r.y, qr_size, 0});
		int sy = r.y + qr_size + l->pad / 2;
		ui_check_fit(k, app_ui(k, UI_scan_me), l->small, true,
		             (SDL_Rect){qx - l->pad, sy, qr_size + l->pad * 2, 1 << 20});
		sy += gfx_draw_text(k->gfx, app_ui(k, UI_scan_me), l->small, true,
		                    (SDL_Rect){qx - l->pad, sy, qr_size + l->pad * 2, 0},
		                    ALIGN_CENTER, COL_PRIMARY);
		if (sy - r.y > h)
			h = sy - r.y;
	}
	return h;
}

/* Everything but "Terminer" scrolls, as a chapter's text does: with
 * large text the lists are longer than the screen. */
static void draw(struct kiosk *k)
{
	struct layout *l = &k->lay;
	const struct content_module *m = k->module;
	ui_header(k, ltext_get(&m->title, app_lang(k)), true);
	int bh = l->touch + l->pad / 2;
	SDL_Rect view = {0, l->header, l->w, l->h - l->header - bh - l->pad * 2 - l->foot};
	struct ui_scroll none = {0}, *sc = k->view ? k->view : &none;
	int top = ui_scroll_begin(k, sc, view);
	int y = top + draw_banner(k, top) + (l->portrait ? l->pad * 2 : l->pad);
	/* The first key point of each chapter: the gist of the module. */
	struct ltext take[SESSION_MAX_CHAPTERS];
	unsigned nt = 0;
	for (unsigned c = 0; c < m->n_chapters && nt < SESSION_MAX_CHAPTERS; c++)
		take[nt++] = m->chapters[c].key_points[0];
	int end;
	if (l->portrait) {
		y += draw_list(k, app_ui(k, UI_takeaways), take, nt, sizeof(take[0]),
		               (SDL_Rect){l->body.x, y, l->body.w, 0});
		y += l->pad * 2;
		end = y + draw_more(k, (SDL_Rect){l->body.x, y, l->body.w, 0});
	} else {
		int half = (l->body.w - l->pad * 2) / 2;
		int th = draw_list(k, app_ui(k, UI_takeaways), take, nt, sizeof(take[0]),
		                   (SDL_Rect){l->body.x, y, half, 0});
		int mh = draw_more(k, (SDL_Rect){l->body.x + half + l->pad * 2, y, half, 0});
		end = y + (th > mh ? th : mh);
	}
	ui_scroll_end(k, sc, end - top + l->pad);
	gfx_fill(k->gfx, (SDL_Rect){0, view.y + view.h, l->w, 1}, COL_LINE);
	int bw = l->portrait ? l->body.w : l->body.w / 3;
	ui_button(k, (SDL_Rect){(l->w - bw) / 2, view.y + view.h + l->pad, bw, bh},
	          app_ui(k, UI_finish), BTN_ACCENT, ACT_FINISH, 0);
}

static void action(struct kiosk *k, int act, int arg)
{
	(void)arg;
	if (act == ACT_FINISH)
		flow_finish(&k->flow, app_now(k));
}

const struct screen_ops screen_result = {.enter = ui_scroll_enter,
                                         .leave = ui_scroll_leave,
                                         .draw = draw,
                                         .action = action,
                                         .scroll = ui_scroll_screen};
