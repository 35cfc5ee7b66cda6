/* result: the verdict and the score in whole questions; after a failed
 * quiz, the chapters to revisit and « Refaire le quiz »; the key
 * takeaways, where to go further with a QR code of the module's public
 * page (labelled with what it opens), and « Terminer ». */
#include <qrencode.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/revisit.h"
#include "screens/ui.h"

enum { ACT_FINISH = ACT_SCREEN, ACT_RETAKE };

void ui_result_lines(const struct kiosk *k, char *verdict, char *score, size_t len)
{
	const struct content_module *m = k->module;
	int lang = kiosk_lang(k);
	unsigned total = flow_final_size(&k->flow);
	/* {score} is the percent (older modules); {n} and {total} say it in
	 * whole questions, as the pass rule does: "7 bonnes réponses sur 8". */
	const char *st = content_ui(m, UI_your_score, lang);
	if (strstr(st, "{score}"))
		ui_format(score, len, st, k->flow.score, 0);
	else
		ui_format(score, len, st, (int)k->flow.right, (int)total);
	const char *vt = content_ui(m, k->flow.passed ? UI_passed : UI_failed, lang);
	ui_format(verdict, len, vt,
	          strstr(vt, "{pass}") ? (int)m->pass_mark : (int)flow_pass_needed(&k->flow),
	          (int)total);
}

unsigned ui_result_revisit(const struct kiosk *k, char (*lines)[UI_LABEL], unsigned max)
{
	const struct content_module *m = k->module;
	unsigned cs[CONTENT_MAX_CHAPTERS];
	if (k->flow.passed)
		return 0;
	unsigned n = revisit_chapters(&k->flow, cs, CONTENT_MAX_CHAPTERS);
	if (n > max)
		n = max;
	for (unsigned i = 0; i < n; i++)
		snprintf(lines[i], UI_LABEL, "%u. %s", cs[i] + 1,
		         ltext_get(&m->chapters[cs[i]].title, kiosk_lang(k)));
	return n;
}

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

/* A heading and its items, each with a dot; returns the height. */
static int draw_list(struct kiosk *k, const char *heading, const char *const *items, unsigned n,
                     SDL_Rect r)
{
	struct layout *l = &k->ui->lay;
	int y = r.y;
	y += gfx_draw_text(k->gfx, heading, l->text, true, (SDL_Rect){r.x, y, r.w, 0}, ALIGN_LEFT,
	                   COL_PRIMARY);
	for (unsigned i = 0; i < n; i++) {
		y += l->pad / 3;
		gfx_circle(k->gfx, r.x + l->small / 3, y + l->small * 2 / 3, l->small / 5,
		           COL_ACCENT);
		ui_check_fit(k, items[i], l->small, false,
		             (SDL_Rect){r.x + l->small, y, r.w - l->small, 1 << 20});
		y += gfx_draw_text(k->gfx, items[i], l->small, false,
		                   (SDL_Rect){r.x + l->small, y, r.w - l->small, 0}, ALIGN_LEFT,
		                   COL_INK);
	}
	return y - r.y;
}

static int draw_banner(struct kiosk *k, int y)
{
	struct layout *l = &k->ui->lay;
	bool passed = k->flow.passed;
	char verdict[UI_LABEL], score[UI_LABEL];
	ui_result_lines(k, verdict, score, sizeof(verdict));
	/* The banner is as tall as its two lines; landscape screens are short. */
	int vs = l->portrait ? l->title * 3 / 2 : l->title * 5 / 4;
	int w = l->body.w - l->pad * 2;
	int vh = gfx_text_height(k->gfx, verdict, vs, true, w);
	if (vh > vs * 2) { /* a long verdict ("il faut 6 bonnes réponses sur 8"): smaller */
		vs = l->title;
		vh = gfx_text_height(k->gfx, verdict, vs, true, w);
	}
	int sh = gfx_text_height(k->gfx, score, l->text, true, w);
	SDL_Rect banner = {l->body.x, y, l->body.w, l->pad * 3 / 2 + vh + sh};
	gfx_round(k->gfx, banner, l->radius, passed ? COL_RIGHT : COL_PRIMARY);
	int by = y + l->pad / 2;
	ui_check_fit(k, verdict, vs, true, (SDL_Rect){banner.x + l->pad, by, w, 1 << 20});
	by += gfx_draw_text(k->gfx, verdict, vs, true, (SDL_Rect){banner.x + l->pad, by, w, 0},
	                    ALIGN_CENTER, COL_WHITE);
	gfx_draw_text(k->gfx, score, l->text, true, (SDL_Rect){banner.x + l->pad, by, w, 0},
	              ALIGN_CENTER, COL_WHITE);
	return banner.h;
}

/* After a failed quiz, the chapters to revisit, then the first key point
 * of each chapter (the gist of the module); returns the height. */
static int draw_lists(struct kiosk *k, SDL_Rect r)
{
	struct layout *l = &k->ui->lay;
	const struct content_module *m = k->module;
	int lang = kiosk_lang(k), y = r.y;
	char lines[CONTENT_MAX_CHAPTERS][UI_LABEL];
	const char *items[CONTENT_MAX_CHAPTERS];
	unsigned n = ui_result_revisit(k, lines, CONTENT_MAX_CHAPTERS);
	if (n && m->ui.s[UI_revisit].s[lang]) {
		for (unsigned i = 0; i < n; i++)
			items[i] = lines[i];
		y += draw_list(k, content_ui(m, UI_revisit, lang), items, n,
		               (SDL_Rect){r.x, y, r.w, 0}) +
		     l->pad * 2;
	}
	n = 0;
	for (unsigned c = 0; c < m->n_chapters && n < CONTENT_MAX_CHAPTERS; c++)
		items[n++] = ltext_get(&m->chapters[c].key_points[0], lang);
	y += draw_list(k, content_ui(m, UI_takeaways, lang), items, n, (SDL_Rect){r.x, y, r.w, 0});
	return y - r.y;
}

/* What the QR code opens: the module's qr_label, else ui.scan_me. */
static const char *qr_label(const struct kiosk *k)
{
	const struct content_module *m = k->module;
	for (int l = 0; l < LANG_MAX; l++)
		if (m->qr_label.s[l])
			return ltext_get(&m->qr_label, kiosk_lang(k));
	return kiosk_ui(k, UI_scan_me);
}

/* The list of where to go further, with the QR code of the module's link
 * at its right; returns its height. */
static int draw_more(struct kiosk *k, SDL_Rect r)
{
	struct layout *l = &k->ui->lay;
	const struct content_module *m = k->module;
	bool qr = m->more_url && *m->more_url;
	int qr_size = qr ? (l->portrait ? l->w / 4 : l->h / 5) : 0;
	int lw = qr ? r.w - qr_size - l->pad * 2 : r.w;
	const char *items[6];
	unsigned n = 0;
	for (unsigned i = 0; i < m->n_more && n < 6; i++)
		items[n++] = ltext_get(&m->more[i].text, kiosk_lang(k));
	int h = draw_list(k, kiosk_ui(k, UI_more_title), items, n, (SDL_Rect){r.x, r.y, lw, 0});
	if (qr) {
		int qx = r.x + lw + l->pad * 2;
		draw_qr(k, m->more_url, (SDL_Rect){qx, r.y, qr_size, 0});
		int sy = r.y + qr_size + l->pad / 2;
		const char *label = qr_label(k);
		SDL_Rect lr = {qx - l->pad, sy, qr_size + l->pad * 2, 0};
		ui_check_fit(k, label, l->small, true, (SDL_Rect){lr.x, sy, lr.w, 1 << 20});
		sy += gfx_draw_text(k->gfx, label, l->small, true, lr, ALIGN_CENTER, COL_PRIMARY);
		if (sy - r.y > h)
			h = sy - r.y;
	}
	return h;
}

/* « Terminer », and after a failed quiz « Refaire le quiz » first: the
 * one thing to do next is in the accent colour. */
static void draw_buttons(struct kiosk *k, int y, int bh)
{
	struct layout *l = &k->ui->lay;
	const struct content_module *m = k->module;
	bool retake = !k->flow.passed && m->ui.s[UI_retake].s[kiosk_lang(k)];
	int bw = l->portrait ? l->body.w : l->body.w / 3;
	if (!retake) {
		ui_button(k, (SDL_Rect){(l->w - bw) / 2, y, bw, bh}, kiosk_ui(k, UI_finish),
		          BTN_ACCENT, ACT_FINISH, 0);
		return;
	}
	if (l->portrait)
		bw = (l->body.w - l->pad) / 2;
	int x = (l->w - bw * 2 - l->pad) / 2;
	ui_button(k, (SDL_Rect){x, y, bw, bh}, kiosk_ui(k, UI_retake), BTN_ACCENT, ACT_RETAKE, 0);
	ui_button(k, (SDL_Rect){x + bw + l->pad, y, bw, bh}, kiosk_ui(k, UI_finish), BTN_CARD,
	          ACT_FINISH, 0);
}

/* Everything but the buttons scrolls, as a chapter's text does: with
 * large text the lists are longer than the screen. */
static void draw(struct kiosk *k)
{
	struct layout *l = &k->ui->lay;
	const struct content_module *m = k->module;
	ui_header(k, ltext_get(&m->title, kiosk_lang(k)), true);
	int bh = l->touch + l->pad / 2;
	SDL_Rect view = {0, l->header, l->w, l->h - l->header - bh - l->pad * 2 - l->foot};
	struct ui_scroll none = {0}, *sc = k->view ? k->view : &none;
	int top = ui_scroll_begin(k, sc, view);
	int y = top + draw_banner(k, top) + (l->portrait ? l->pad * 2 : l->pad);
	int end;
	if (l->portrait) {
		y += draw_lists(k, (SDL_Rect){l->body.x, y, l->body.w, 0});
		y += l->pad * 2;
		end = y + draw_more(k, (SDL_Rect){l->body.x, y, l->body.w, 0});
	} else {
		int half = (l->body.w - l->pad * 2) / 2;
		int th = draw_lists(k, (SDL_Rect){l->body.x, y, half, 0});
		int mh = draw_more(k, (SDL_Rect){l->body.x + half + l->pad * 2, y, half, 0});
		end = y + (th > mh ? th : mh);
	}
	ui_scroll_end(k, sc, end - top + l->pad);
	gfx_fill(k->gfx, (SDL_Rect){0, view.y + view.h, l->w, 1}, COL_LINE);
	draw_buttons(k, view.y + view.h + l->pad, bh);
}

static void action(struct kiosk *k, int act, int arg)
{
	(void)arg;
	if (act == ACT_FINISH)
		flow_finish(&k->flow, kiosk_now(k));
	else if (act == ACT_RETAKE)
		flow_retake(&k->flow, kiosk_now(k));
}

const struct screen_ops screen_result = {.enter = ui_scroll_enter,
                                         .leave = ui_scroll_leave,
                                         .draw = draw,
                                         .action = action,
                                         .scroll = ui_scroll_screen};
