/* language: one big button per language of the module, each in its own words. */
#include "core/a11y.h"
#include "screens/ui.h"

static void draw(struct kiosk *k)
{
	struct layout *l = &k->ui->lay;
	const struct content_module *m = k->module;
	ui_header(k, ltext_get(&m->title, kiosk_lang(k)), true);
	int bw = l->portrait ? l->body.w : l->body.w * 2 / 3;
	if (bw > l->text * 22)
		bw = l->text * 22;
	int bh = l->touch * 3 / 2;
	int gap = l->pad * 2;
	int total = m->n_langs * bh + (m->n_langs - 1) * gap;
	int y = l->body.y + (l->body.h - total) / 2;
	if (l->portrait) { /* within reach: at the bottom, closer if they must */
		y = l->body.y + l->body.h - total - l->pad;
		if (!a11y_in_reach(y, bh, l->h)) {
			bh = l->touch;
			gap = l->pad;
			total = m->n_langs * bh + (m->n_langs - 1) * gap;
			y = l->body.y + l->body.h - total - l->pad;
		}
	}
	/* The prompt in every language, above the buttons. Portrait: right
	 * above them, and the campaign's banner (the motif, the title, the
	 * tagline) fills the part above, out of reach and with nothing to
	 * touch. */
	int py = l->body.y + l->pad;
	if (l->portrait) {
		int ph = 0;
		for (int i = 0; i < m->n_langs; i++)
			ph +=
			    gfx_text_height(k->gfx, content_ui(m, UI_choose_language, m->langs[i]),
			                    l->text, i == 0, l->body.w);
		py = y - l->pad * 2 - ph;
		int lang = kiosk_lang(k);
		struct ui_banner_line lines[] = {
		    {ltext_get(&m->title, lang), l->title * 3 / 2, true, false, COL_WHITE, 0, 0},
		    {ltext_get(&m->tagline, lang), l->text, false, true, COL_TAGLINE, 0, 0},
		};
		int top = l->body.y + l->pad, bottom = py - l->pad * 2;
		if (bottom - top > l->pad * 4)
			ui_banner(k, (SDL_Rect){l->body.x, top, l->body.w, bottom - top}, lines, 2);
		if (py < l->body.y + l->pad)
			py = l->body.y + l->pad;
	}
	for (int i = 0; i < m->n_langs && py + l->text < y - l->pad; i++)
		py += gfx_draw_text(k->gfx, content_ui(m, UI_choose_language, m->langs[i]), l->text,
		                    i == 0, (SDL_Rect){l->body.x, py, l->body.w, 0}, ALIGN_CENTER,
		                    i == 0 ? COL_INK : COL_MUTED);
	for (int i = 0; i < m->n_langs; i++) {
		int lang = m->langs[i];
		SDL_Rect r = {(l->w - bw) / 2, y + i * (bh + gap), bw, bh};
		bool current = k->flow.furthest >= STAGE_HOME && lang == kiosk_lang(k);
		ui_button(k, r, content_ui(m, UI_language_name, lang),
		          current ? BTN_ACCENT : BTN_PRIMARY, ACT_SCREEN, lang);
	}
}

static void action(struct kiosk *k, int act, int arg)
{
	if (act == ACT_SCREEN)
		flow_choose_language(&k->flow, arg, kiosk_now(k));
}

const struct screen_ops screen_language = {.draw = draw, .action = action};
