#include "screens/focus.h"

#include "context/kiosk.h"
#include "core/a11y.h"
#include "screens/input.h"
#include "screens/readout.h"
#include "screens/ui.h"

/* Ring colours: black and yellow together stand out on any background
 * (WCAG 1.4.11 and 2.4.13). */
#define COL_RING_OUT RGBA(0x00, 0x00, 0x00, 0xFF)
#define COL_RING_IN  RGBA(0xFF, 0xD4, 0x00, 0xFF)
#define COL_RING_HC  RGBA(0x00, 0xFF, 0xFF, 0xFF) /* high contrast: cyan */

static int order_of(const struct kiosk *k, int *order)
{
	struct a11y_rect r[UI_MAX_CONTROLS];
	for (int i = 0; i < k->ui->n_controls; i++)
		r[i] = (struct a11y_rect){k->ui->controls[i].r.x, k->ui->controls[i].r.y,
		                          k->ui->controls[i].r.w, k->ui->controls[i].r.h};
	a11y_reading_order(r, k->ui->n_controls, order);
	return k->ui->n_controls;
}

int focus_index(const struct kiosk *k)
{
	if (!k->ui->a11y.focus_shown)
		return -1;
	for (int i = 0; i < k->ui->n_controls; i++)
		if (k->ui->controls[i].action == k->ui->a11y.focus_action &&
		    k->ui->controls[i].arg == k->ui->a11y.focus_arg)
			return i;
	return -1;
}

/* Where focus starts: the one thing to do next, else the first control
 * of the screen's own in reading order, else the first control. */
static int start_index(const struct kiosk *k)
{
	int order[UI_MAX_CONTROLS];
	int n = order_of(k, order);
	for (int i = 0; i < n; i++)
		if (k->ui->controls[order[i]].primary)
			return order[i];
	for (int i = 0; i < n; i++)
		if (!ui_is_chrome(k->ui->controls[order[i]].action))
			return order[i];
	return n ? order[0] : -1;
}

void focus_set(struct kiosk *k, int i, bool by_touch)
{
	if (i < 0 || i >= k->ui->n_controls)
		return;
	k->ui->a11y.focus_shown = true;
	k->ui->a11y.focus_pending = false;
	k->ui->a11y.focus_touched = by_touch;
	k->ui->a11y.focus_action = k->ui->controls[i].action;
	k->ui->a11y.focus_arg = k->ui->controls[i].arg;
	k->dirty = true;
	ui_reveal(k, i); /* a control scrolled out of view comes into it */
	readout_control(k, i, by_touch);
}

static void move(struct kiosk *k, int dir)
{
	int order[UI_MAX_CONTROLS];
	int n = order_of(k, order);
	if (n == 0)
		return;
	int cur = focus_index(k);
	if (cur < 0) {
		focus_set(k, start_index(k), false);
		return;
	}
	int pos = 0;
	while (pos < n && order[pos] != cur)
		pos++;
	focus_set(k, order[(pos + dir + n) % n], false);
}

/* What tells whether the screen changed under the focus. */
static long long state_of(const struct kiosk *k)
{
	const struct flow *f = &k->flow;
	return (long long)f->screen | (long long)(f->quiz_pos & 0xFFF) << 8 |
	       (long long)(f->chosen + 1) << 20 | (long long)(f->chapter + 1) << 28 |
	       (long long)f->lang << 40;
}

void focus_activate(struct kiosk *k, int i)
{
	if (i < 0 || i >= k->ui->n_controls)
		return;
	long long before = state_of(k);
	struct control c = k->ui->controls[i];
	input_activate(k, c.action, c.arg);
	if (state_of(k) != before && (k->ui->a11y.keys || k->ui->a11y.focus_shown))
		k->ui->a11y.focus_pending = true; /* start again where the screen says */
}

static void activate_key(struct kiosk *k)
{
	int i = focus_index(k);
	if (i >= 0) {
		focus_activate(k, i);
		return;
	}
	/* The attract screen is one big button: Enter starts at once, as a
	 * touch does, not after a first press that only shows the focus. */
	if (k->shown == SCR_ATTRACT) {
		if (flow_accepts_tap(&k->flow, kiosk_now(k)))
			focus_activate(k, start_index(k));
		return;
	}
	focus_set(k, start_index(k), false);
}

void focus_key(struct kiosk *k, const SDL_KeyboardEvent *e)
{
	Uint16 mod = e->keysym.mod;
	if (mod & (KMOD_ALT | KMOD_CTRL | KMOD_GUI))
		return; /* Alt+Tab, Ctrl+Alt+Delete...: nothing here */
	bool keys = k->ui->a11y.keys;
	k->ui->a11y.keys = true;
	switch (e->keysym.sym) {
	case SDLK_TAB: move(k, mod & KMOD_SHIFT ? -1 : 1); break;
	case SDLK_DOWN:
	case SDLK_RIGHT:
	case SDLK_KP_2:
	case SDLK_KP_6: move(k, 1); break;
	case SDLK_UP:
	case SDLK_LEFT:
	case SDLK_KP_8:
	case SDLK_KP_4: move(k, -1); break;
	case SDLK_RETURN:
	case SDLK_RETURN2:
	case SDLK_KP_ENTER:
	case SDLK_SPACE:
	case SDLK_KP_5: activate_key(k); break;
	case SDLK_ESCAPE:
	case SDLK_BACKSPACE:
		/* One screen back; never out of the kiosk. */
		flow_back(&k->flow, kiosk_now(k));
		break;
	case SDLK_PAGEDOWN:
	case SDLK_PAGEUP:
		if (k->ops->scroll)
			k->ops->scroll(k,
			               (e->keysym.sym == SDLK_PAGEUP ? 1 : -1) * k->ui->lay.h / 2);
		break;
	default: k->ui->a11y.keys = keys; return;
	}
	k->dirty = true;
}

void focus_screen_changed(struct kiosk *k)
{
	if (k->shown == SCR_ATTRACT) {
		k->ui->a11y.keys = false; /* the next person may not use keys */
		k->ui->a11y.attract_tapped = false;
	}
	k->ui->a11y.focus_shown = false;
	k->ui->a11y.focus_pending = k->ui->a11y.keys;
}

/* A loudspeaker with two sound waves. */
static void speaker_icon(struct kiosk *k, SDL_Rect r, Uint32 col)
{
	int s = r.h / 2, cx = r.x + r.w / 2 - s / 4, cy = r.y + r.h / 2;
	int bw = s / 4, bh = s / 3;
	gfx_fill(k->gfx, (SDL_Rect){cx - s / 2, cy - bh / 2, bw, bh}, col);
	for (int i = 0; i < s / 3; i++) {
		int h = bh + (s - bh) * i / (s / 3);
		gfx_fill(k->gfx, (SDL_Rect){cx - s / 2 + bw + i, cy - h / 2, 1, h}, col);
	}
	int wx = cx - s / 2 + bw + s / 3 + s / 8, lw = s / 8 > 2 ? s / 8 : 2;
	gfx_fill(k->gfx, (SDL_Rect){wx, cy - s / 4, lw, s / 2}, col);
	gfx_fill(k->gfx, (SDL_Rect){wx + lw * 2, cy - s / 2 + s / 8, lw, s - s / 4}, col);
}

static void draw_speech_control(struct kiosk *k)
{
	SDL_Rect r = ui_speech_rect(k);
	int id = ui_area(k, r, a11y_phrase(A11Y_READ_ALOUD, kiosk_lang(k)), ACT_SPEECH, 0);
	Uint32 bg = ui_is_pressed(k, id) ? RGBA(0x2E, 0x4B, 0x75, 0xFF)
	            : k->flow.speech     ? COL_ACCENT
	                                 : RGBA(0x28, 0x44, 0x6B, 0xFF);
	gfx_round(k->gfx, r, k->ui->lay.radius, COL_WHITE);
	int b = k->ui->lay.text / 12 > 2 ? k->ui->lay.text / 12 : 2;
	gfx_round(k->gfx, (SDL_Rect){r.x + b, r.y + b, r.w - 2 * b, r.h - 2 * b}, k->ui->lay.radius,
	          bg);
	speaker_icon(k, r, COL_WHITE);
}

/* The outlines of a control in a scrolled part stay in its view (a little
 * wider, so the ring shows around a control at its edge). */
static void clip_to(struct kiosk *k, int i)
{
	SDL_Rect v = k->ui->controls[i].view;
	if (v.w > 0)
		v = (SDL_Rect){v.x, v.y - k->ui->lay.pad / 2, v.w, v.h + k->ui->lay.pad};
	SDL_RenderSetClipRect(gfx_renderer(k->gfx), v.w > 0 ? &v : NULL);
}

static void outline(struct kiosk *k, SDL_Rect r, int t, Uint32 col)
{
	gfx_fill(k->gfx, (SDL_Rect){r.x - t, r.y - t, r.w + 2 * t, t}, col);
	gfx_fill(k->gfx, (SDL_Rect){r.x - t, r.y + r.h, r.w + 2 * t, t}, col);
	gfx_fill(k->gfx, (SDL_Rect){r.x - t, r.y, t, r.h}, col);
	gfx_fill(k->gfx, (SDL_Rect){r.x + r.w, r.y, t, r.h}, col);
}

/* A scrolled part moved while the screen drew (its content got shorter, the
 * focus went to a control out of view): the screen again, at once. */
static void draw_again(struct kiosk *k)
{
	for (int n = 0; n < 2 && k->ui->redraw; n++) {
		k->ui->redraw = false;
		ui_begin(k);
		k->ops->draw(k);
	}
	k->ui->redraw = false;
}

void focus_overlay(struct kiosk *k)
{
	draw_again(k);
	draw_speech_control(k);
	if (k->ui->a11y.focus_pending || (k->ui->a11y.focus_shown && focus_index(k) < 0)) {
		/* The focused control went away (answered, next question): go on
		 * to the one thing to do next. */
		int i = start_index(k);
		k->ui->a11y.focus_pending = false;
		if (i >= 0) {
			k->ui->a11y.focus_shown = true;
			k->ui->a11y.focus_touched = false;
			k->ui->a11y.focus_action = k->ui->controls[i].action;
			k->ui->a11y.focus_arg = k->ui->controls[i].arg;
			if (ui_reveal(k, i)) {
				k->ui->redraw = true;
				draw_again(k);
				draw_speech_control(k);
			}
		}
	}
	int i = focus_index(k);
	int t = k->ui->lay.text / 10 > 3 ? k->ui->lay.text / 10 : 3;
	if (k->flow.high_contrast) {
		/* Every control's edge in yellow (WCAG 1.4.11), the focus in cyan. */
		for (int j = 0; j < k->ui->n_controls; j++)
			if (j != i) {
				clip_to(k, j);
				outline(k, k->ui->controls[j].r, t / 2 > 2 ? t / 2 : 2,
				        COL_RING_IN);
			}
	}
	if (i >= 0) {
		SDL_Rect r = k->ui->controls[i].r;
		clip_to(k, i);
		outline(k, r, t, k->flow.high_contrast ? COL_RING_HC : COL_RING_IN);
		outline(k, (SDL_Rect){r.x - t, r.y - t, r.w + 2 * t, r.h + 2 * t}, t,
		        k->flow.high_contrast ? COL_RING_HC : COL_RING_OUT);
	}
	SDL_RenderSetClipRect(gfx_renderer(k->gfx), NULL);
}
