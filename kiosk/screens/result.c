/* result: the score, passed or not, the key takeaways, where to go further
 * (with a QR code of the module's link), and "Terminer". */
#include <qrencode.h>
#include <stdio.h>
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

static const char *last_more(const struct kiosk *k)
{
	const struct content_module *m = k->module;
	return m->n_more ? ltext_get(&m->more[m->n_more - 1].text, app_lang(k)) : "";
}

static void draw(struct kiosk *k)
{
	struct layout *l = &k->lay;
	const struct content_module *m = k->module;
	ui_header(k, ltext_get(&m->title, app_lang(k)), true);
	bool passed = k->flow.passed;
	char score[160], verdict[160];
	ui_format(score, sizeof(score), app_ui(k, UI_your_score), k->flow.score, 0);
	/* {pass} is the mark in percent (older modules); {n} and {total} say it
	 * in whole questions: "il faut 9 bonnes réponses sur 12". */
	const char *vt = app_ui(k, passed ? UI_passed : UI_failed);
	ui_format(verdict, sizeof(verdict), vt,
	          strstr(vt, "{pass}") ? (int)m->pass_mark : (int)flow_pass_needed(&k->flow),
	          (int)flow_final_size(&k->flow));
	int y = l->body.y;
	int bh = l->touch + l->pad / 2;
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
	y += banner.h + (l->portrait ? l->pad * 2 : l->pad);
	/* The first key point of each chapter: the gist of the module. */
	struct ltext take[SESSION_MAX_CHAPTERS];
	unsigned nt = 0;
	for (unsigned c = 0; c < m->n_chapters && nt < SESSION_MAX_CHAPTERS; c++)
		take[nt++] = m->chapters[c].key_points[0];
	int bottom = l->h - l->foot - l->pad * 3 - bh;
	bool qr = m->more_url && *m->more_url;
	int qr_size = qr ? (l->portrait ? l->w / 4 : l->h / 5) : 0;
	if (l->portrait) {
		y += draw_list(k, app_ui(k, UI_takeaways), take, nt, sizeof(take[0]),
		               (SDL_Rect){l->body.x, y, l->body.w, 0});
		y += l->pad * 2;
		int lw = qr ? l->body.w - qr_size - l->pad * 2 : l->body.w;
		int mh = draw_list(k, app_ui(k, UI_more_title), m->more ? &m->more[0].text : NULL,
		                   m->n_more, sizeof(m->more[0]), (SDL_Rect){l->body.x, y, lw, 0});
		ui_check_bottom(k, last_more(k), y + mh, bottom);
		if (qr) {
			draw_qr(k, m->more_url,
			        (SDL_Rect){l->body.x + lw + l->pad * 2, y, qr_size, 0});
			gfx_draw_text(k->gfx, app_ui(k, UI_scan_me), l->small, true,
			              (SDL_Rect){l->body.x + lw + l->pad, y + qr_size + l->pad / 2,
			                         qr_size + l->pad * 2, 0},
			              ALIGN_CENTER, COL_PRIMARY);
		}
	} else {
		int half = (l->body.w - l->pad * 2) / 2;
		int th = draw_list(k, app_ui(k, UI_takeaways), take, nt, sizeof(take[0]),
		                   (SDL_Rect){l->body.x, y, half, 0});
		ui_check_bottom(k, ltext_get(&take[nt - 1], app_lang(k)), y + th, bottom);
		int rx = l->body.x + half + l->pad * 2;
		int lw = qr ? half - qr_size - l->pad : half;
		int mh = draw_list(k, app_ui(k, UI_more_title), m->more ? &m->more[0].text : NULL,
		                   m->n_more, sizeof(m->more[0]), (SDL_Rect){rx, y, lw, 0});
		ui_check_bottom(k, last_more(k), y + mh, bottom);
		if (qr) {
			int qx = rx + lw + l->pad;
			draw_qr(k, m->more_url, (SDL_Rect){qx, y, qr_size, 0});
			gfx_draw_text(k->gfx, app_ui(k, UI_scan_me), l->small, true,
			              (SDL_Rect){qx - l->pad / 2, y + qr_size + l->pad / 2,
			                         qr_size + l->pad, 0},
			              ALIGN_CENTER, COL_PRIMARY);
		}
	}
	int bw = l->portrait ? l->body.w : l->body.w / 3;
	ui_button(k, (SDL_Rect){(l->w - bw) / 2, bottom + l->pad, bw, bh}, app_ui(k, UI_finish),
	          BTN_ACCENT, ACT_FINISH, 0);
}

static void action(struct kiosk *k, int act, int arg)
{
	(void)arg;
	if (act == ACT_FINISH)
		flow_finish(&k->flow, app_now(k));
}

const struct screen_ops screen_result = {.draw = draw, .action = action};
