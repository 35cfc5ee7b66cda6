#include "screens/ui.h"

#include "core/a11y.h"
#include "core/log.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int max_i(int a, int b)
{
	return a > b ? a : b;
}

/* Text readable from a metre away and touch targets of at least 10 mm,
 * whatever the window: both follow the shorter side of the screen. */
struct ui *ui_create(void)
{
	struct ui *ui = calloc(1, sizeof(*ui));
	if (!ui)
		log_err("ui", "out of memory");
	return ui;
}

void ui_destroy(struct ui *ui)
{
	free(ui);
}

void ui_forget(struct kiosk *k)
{
	k->ui->press.down = false;
	k->ui->n_controls = 0;
}

const struct layout *ui_lay(const struct kiosk *k)
{
	return &k->ui->lay;
}

int ui_n_controls(const struct kiosk *k)
{
	return k->ui->n_controls;
}

const struct control *ui_control(const struct kiosk *k, int i)
{
	return &k->ui->controls[i];
}

void ui_layout(struct kiosk *k)
{
	struct layout *l = &k->ui->lay;
	gfx_size(k->gfx, &l->w, &l->h);
	l->portrait = l->h > l->w;
	int side = l->w < l->h ? l->w : l->h;
	float scale = k->flow.large_text ? 1.3f : 1.0f;
	l->text = max_i((int)(side / 30.0f * scale), 18);
	l->small = max_i(l->text * 4 / 5, 15);
	l->title = l->text * 8 / 5;
	l->touch = max_i(gfx_mm(k->gfx, 10), l->text * 2 + l->text / 2);
	l->pad = max_i(l->text * 3 / 4, 8);
	l->radius = max_i(l->text / 3, 4);
	l->header = l->touch + l->pad * 2;
	l->foot = l->portrait ? l->header : 0;
	l->body = (SDL_Rect){l->pad * 2, l->header + l->pad, l->w - l->pad * 4,
	                     l->h - l->header - l->foot - l->pad * 2};
}

void ui_begin(struct kiosk *k)
{
	k->ui->n_controls = 0;
	k->ui->clip = (SDL_Rect){0, 0, 0, 0};
	ui_layout(k);
	gfx_set_theme(k->gfx, k->flow.high_contrast ? &ui_high_contrast : NULL);
	gfx_frame_begin(k->gfx);
	gfx_clear(k->gfx, COL_BG);
}

int ui_area(struct kiosk *k, SDL_Rect r, const char *label, int action, int arg)
{
	if (k->ui->n_controls == UI_MAX_CONTROLS) {
		/* Drawn but not touchable: a layout bug, said once, by name. */
		if (!k->ui->controls_full)
			log_err("ui",
			        "screen %s has more than %d controls: \"%s\" and those after "
			        "it cannot be touched",
			        screen_name(k->shown), UI_MAX_CONTROLS, label ? label : "");
		k->ui->controls_full = true;
		return -1;
	}
	struct control *c = &k->ui->controls[k->ui->n_controls];
	*c = (struct control){.r = r, .action = action, .arg = arg, .view = k->ui->clip};
	snprintf(c->label, sizeof(c->label), "%s", label ? label : "");
	return k->ui->n_controls++;
}

bool ui_is_pressed(const struct kiosk *k, int control)
{
	return control >= 0 && k->ui->press.down && !k->ui->press.dragging &&
	       k->ui->press.control >= 0 &&
	       k->ui->controls[control].action == k->ui->press.action &&
	       k->ui->controls[control].arg == k->ui->press.arg;
}

int ui_button_height(struct kiosk *k, const char *label, int w)
{
	/* As narrow as the text gets inside the thickest border (a quiz answer). */
	int inner = w - k->ui->lay.pad * 2 - 4 * max_i(k->ui->lay.text / 12, 2);
	int th = gfx_text_height(k->gfx, label, k->ui->lay.text, true, inner > 10 ? inner : 10);
	return max_i(k->ui->lay.touch, th + k->ui->lay.pad * 3 / 2);
}

int ui_button(struct kiosk *k, SDL_Rect r, const char *label, enum button_style st, int action,
              int arg)
{
	/* A choice shown right or wrong is an answer given: nothing to tap,
	 * nothing for Tab to stop on. */
	bool inert = st == BTN_DISABLED || st == BTN_RIGHT || st == BTN_WRONG;
	int id = inert ? -1 : ui_area(k, r, label, action, arg);
	if (id >= 0 && st == BTN_ACCENT)
		k->ui->controls[id].primary = true;
	bool down = ui_is_pressed(k, id);
	Uint32 bg, fg, border = 0;
	switch (st) {
	case BTN_PRIMARY:
		bg = down ? COL_PRIMARY_DOWN : COL_PRIMARY;
		fg = COL_WHITE;
		break;
	case BTN_ACCENT:
		bg = down ? RGBA(0xB0, 0x22, 0x2E, 0xFF) : COL_ACCENT;
		fg = COL_WHITE;
		break;
	case BTN_GHOST:
		bg = down ? COL_CARD_DOWN : COL_CARD;
		fg = COL_PRIMARY;
		border = COL_PRIMARY;
		break;
	case BTN_RIGHT:
		bg = COL_RIGHT_BG;
		fg = COL_INK;
		border = COL_RIGHT;
		break;
	case BTN_WRONG:
		bg = COL_WRONG_BG;
		fg = COL_INK;
		border = COL_WRONG;
		break;
	case BTN_DISABLED:
		bg = RGBA(0xE4, 0xE6, 0xEA, 0xFF);
		fg = COL_MUTED;
		break;
	default:
		bg = down ? COL_CARD_DOWN : COL_CARD;
		fg = COL_INK;
		border = COL_LINE;
		break;
	}
	int rad = k->ui->lay.radius;
	if (border) {
		int bw = max_i(k->ui->lay.text / 12, 2);
		if (st == BTN_RIGHT || st == BTN_WRONG)
			bw *= 2;
		gfx_round(k->gfx, r, rad, border);
		r = (SDL_Rect){r.x + bw, r.y + bw, r.w - 2 * bw, r.h - 2 * bw};
		rad = max_i(rad - bw, 2);
	}
	gfx_round(k->gfx, r, rad, bg);
	int inner = r.w - k->ui->lay.pad * 2;
	int th = gfx_text_height(k->gfx, label, k->ui->lay.text, true, inner);
	SDL_Rect tr = {r.x + k->ui->lay.pad, r.y + (r.h - th) / 2, inner, th};
	ui_check_fit(k, label, k->ui->lay.text, true, (SDL_Rect){tr.x, r.y, inner, r.h});
	gfx_draw_text(k->gfx, label, k->ui->lay.text, true, tr, ALIGN_CENTER, fg);
	return id;
}

/* A circle half white, half hollow: the usual sign for contrast. */
static void ui_contrast_icon(struct kiosk *k, int cx, int cy, int r)
{
	SDL_Renderer *ren = gfx_renderer(k->gfx);
	int ring = max_i(r / 5, 2);
	gfx_circle(k->gfx, cx, cy, r, COL_WHITE);
	gfx_circle(k->gfx, cx, cy, r - ring, COL_PRIMARY);
	SDL_RenderSetClipRect(ren, &(SDL_Rect){cx - r, cy - r, r, 2 * r});
	gfx_circle(k->gfx, cx, cy, r - ring, COL_WHITE);
	SDL_RenderSetClipRect(ren, NULL);
}

void ui_header(struct kiosk *k, const char *title, bool with_back)
{
	struct layout *l = &k->ui->lay;
	gfx_fill(k->gfx, (SDL_Rect){0, 0, l->w, l->header}, COL_PRIMARY);
	gfx_fill(k->gfx, (SDL_Rect){0, l->header - l->pad / 4, l->w, l->pad / 4}, COL_ACCENT);
	if (l->foot) {
		/* Portrait: the controls go down into the reach zone (core/a11y.h). */
		gfx_fill(k->gfx, (SDL_Rect){0, l->h - l->foot, l->w, l->foot}, COL_PRIMARY);
		gfx_fill(k->gfx, (SDL_Rect){0, l->h - l->foot, l->w, l->pad / 4}, COL_ACCENT);
	}
	SDL_Rect speech = ui_speech_rect(k); /* drawn over every screen by focus.c */
	int x = l->pad, y = speech.y;
	int right = speech.x - l->pad;
	int cw = l->touch * 3 / 2;
	right -= cw;
	SDL_Rect cr = {right, y, cw, l->touch};
	int cid = ui_area(k, cr, a11y_phrase(A11Y_HIGH_CONTRAST, kiosk_lang(k)), ACT_CONTRAST, 0);
	gfx_round(k->gfx, cr, l->radius,
	          ui_is_pressed(k, cid)   ? RGBA(0x2E, 0x4B, 0x75, 0xFF)
	          : k->flow.high_contrast ? COL_ACCENT
	                                  : RGBA(0x28, 0x44, 0x6B, 0xFF));
	ui_contrast_icon(k, cr.x + cw / 2, cr.y + l->touch / 2, l->touch / 4);
	right -= l->pad;
	const char *size_label = "A+";
	int sw =
	    max_i(l->touch * 3 / 2, gfx_text_width(k->gfx, size_label, l->text, true) + l->pad * 2);
	right -= sw;
	int sid = ui_area(k, (SDL_Rect){right, y, sw, l->touch}, kiosk_ui(k, UI_text_size),
	                  ACT_TEXT_SIZE, 0);
	gfx_round(k->gfx, (SDL_Rect){right, y, sw, l->touch}, l->radius,
	          ui_is_pressed(k, sid) ? RGBA(0x2E, 0x4B, 0x75, 0xFF)
	          : k->flow.large_text  ? COL_ACCENT
	                                : RGBA(0x28, 0x44, 0x6B, 0xFF));
	gfx_draw_text(k->gfx, k->flow.large_text ? "A−" : "A+", l->text, true,
	              (SDL_Rect){right, y + (l->touch - l->text * 4 / 3) / 2, sw, 0}, ALIGN_CENTER,
	              COL_WHITE);
	right -= l->pad;
	if (k->flow.in_session && k->shown != SCR_LANGUAGE) {
		const char *lang = kiosk_ui(k, UI_language_name);
		int lw = gfx_text_width(k->gfx, lang, l->small, true) + l->pad * 2;
		lw = max_i(lw, l->touch * 2);
		right -= lw;
		int lid = ui_area(k, (SDL_Rect){right, y, lw, l->touch}, kiosk_ui(k, UI_language),
		                  ACT_LANGUAGE_MENU, 0);
		gfx_round(k->gfx, (SDL_Rect){right, y, lw, l->touch}, l->radius,
		          ui_is_pressed(k, lid) ? RGBA(0x2E, 0x4B, 0x75, 0xFF)
		                                : RGBA(0x28, 0x44, 0x6B, 0xFF));
		gfx_draw_text(k->gfx, lang, l->small, true,
		              (SDL_Rect){right, y + (l->touch - l->small * 4 / 3) / 2, lw, 0},
		              ALIGN_CENTER, COL_WHITE);
		right -= l->pad;
	}
	if (with_back) {
		const char *back = kiosk_ui(k, UI_back);
		char label[UI_LABEL];
		snprintf(label, sizeof(label), "‹ %s", back);
		int bw =
		    max_i(gfx_text_width(k->gfx, label, l->text, true) + l->pad * 2, l->touch * 2);
		if (x + bw > right) {
			/* A narrow bar (portrait, large text): the arrow alone, the
			 * word stays its name for speech and scripts. */
			snprintf(label, sizeof(label), "‹");
			bw = max_i(l->touch, right - x);
		}
		int bid = ui_area(k, (SDL_Rect){x, y, bw, l->touch}, back, ACT_BACK, 0);
		gfx_round(k->gfx, (SDL_Rect){x, y, bw, l->touch}, l->radius,
		          ui_is_pressed(k, bid) ? COL_CARD_DOWN : COL_CARD);
		gfx_draw_text(k->gfx, label, l->text, true,
		              (SDL_Rect){x, y + (l->touch - l->text * 4 / 3) / 2, bw, 0},
		              ALIGN_CENTER, COL_PRIMARY);
		x += bw + l->pad;
	}
	if (l->foot) {
		x = l->pad; /* the top bar has the title alone */
		right = l->w - l->pad;
	}
	if (title && *title) {
		int tw = right - x - l->pad;
		if (tw > l->text * 4) {
			int size = l->text;
			while (size > l->small && gfx_text_width(k->gfx, title, size, true) > tw)
				size--;
			int th = gfx_text_height(k->gfx, title, size, true, tw);
			ui_check_fit(k, title, size, true, (SDL_Rect){x, 0, tw, l->touch + l->pad});
			if (th > l->touch + l->pad)
				th = l->touch;
			gfx_draw_text(k->gfx, title, size, true,
			              (SDL_Rect){x, (l->header - l->pad / 4 - th) / 2, tw, 0},
			              ALIGN_LEFT, COL_WHITE);
		}
	}
}

int ui_reach_top(const struct kiosk *k)
{
	return a11y_reach_top(k->ui->lay.h) - k->ui->lay.touch / 2;
}

SDL_Rect ui_speech_rect(const struct kiosk *k)
{
	const struct layout *l = &k->ui->lay;
	int sw = l->touch * 3 / 2;
	int y = l->pad - l->pad / 8;
	if (l->portrait) /* in reach: bottom right, as the bottom bar */
		y += l->h - (l->header);
	return (SDL_Rect){l->w - l->pad - sw, y, sw, l->touch};
}

bool ui_is_chrome(int action)
{
	return action == ACT_BACK || action == ACT_LANGUAGE_MENU || action == ACT_TEXT_SIZE ||
	       action == ACT_SPEECH || action == ACT_CONTRAST;
}

void ui_format(char *out, size_t len, const char *tmpl, int n, int total)
{
	size_t o = 0;
	for (const char *p = tmpl; *p && o + 1 < len;) {
		const char *key = NULL;
		int val = 0;
		if (strncmp(p, "{n}", 3) == 0 || strncmp(p, "{score}", 7) == 0 ||
		    strncmp(p, "{pass}", 6) == 0) {
			key = strchr(p, '}');
			val = n;
		} else if (strncmp(p, "{total}", 7) == 0) {
			key = strchr(p, '}');
			val = total;
		}
		if (key) {
			o += (size_t)snprintf(out + o, len - o, "%d", val);
			p = key + 1;
		} else {
			out[o++] = *p++;
		}
	}
	out[o < len ? o : len - 1] = '\0';
}

void ui_tick(struct kiosk *k, int cx, int cy, int r, Uint32 bg)
{
	gfx_circle(k->gfx, cx, cy, r, bg);
	int w = max_i(r / 4, 2);
	gfx_line(k->gfx, cx - r / 2, cy, cx - r / 8, cy + r * 3 / 8, w, COL_WHITE);
	gfx_line(k->gfx, cx - r / 8, cy + r * 3 / 8, cx + r / 2, cy - r * 3 / 8, w, COL_WHITE);
}

void ui_progress(struct kiosk *k, SDL_Rect r, int done, int total)
{
	gfx_round(k->gfx, r, r.h / 2, COL_LINE);
	if (total > 0 && done > 0) {
		SDL_Rect f = r;
		f.w = r.w * done / total;
		if (f.w < r.h)
			f.w = r.h;
		gfx_round(k->gfx, f, r.h / 2, COL_RIGHT);
	}
}

void ui_check_fit(struct kiosk *k, const char *text, int size, bool bold, SDL_Rect box)
{
	if (!k->fit || !text || !*text)
		return;
	if (!gfx_text_fits(k->gfx, text, size, bold, box.w))
		k->fit(k->fit_ctx, text, "a word is wider than its box");
	else if (gfx_text_height(k->gfx, text, size, bold, box.w) > box.h)
		k->fit(k->fit_ctx, text, "too long for its box");
}

void ui_check_bottom(struct kiosk *k, const char *text, int bottom, int limit)
{
	if (k->fit && bottom > limit)
		k->fit(k->fit_ctx, text, "runs off the screen");
}
