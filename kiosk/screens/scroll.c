/* A part of a screen that scrolls when what it holds is taller than its
 * view: a finger drags it, Page Up/Down move it by half a screen, and the
 * keyboard focus brings the control it lands on into view. The chapter's
 * text, the result, the home screen's cards (portrait, in reach). */
#include "screens/ui.h"

#include <stdlib.h>

int ui_scroll_begin(struct kiosk *k, struct ui_scroll *s, SDL_Rect view)
{
	s->view = view;
	k->ui->clip = view;
	SDL_RenderSetClipRect(gfx_renderer(k->gfx), &view);
	return view.y + k->ui->lay.pad - s->scroll;
}

void ui_scroll_end(struct kiosk *k, struct ui_scroll *s, int content)
{
	struct layout *l = &k->ui->lay;
	SDL_Rect view = s->view;
	SDL_RenderSetClipRect(gfx_renderer(k->gfx), NULL);
	k->ui->clip = (SDL_Rect){0, 0, 0, 0};
	s->max = content - (view.h - l->pad);
	if (s->max < 0)
		s->max = 0;
	if (s->scroll > s->max) {
		/* Less to show than before (A- pressed): draw again from there. */
		s->scroll = s->max;
		k->ui->redraw = true;
	}
	if (s->max == 0)
		return;
	/* Where we are, and a hint that there is more above or below. */
	int track = view.h - l->pad * 2;
	int thumb = track * view.h / (content + l->pad);
	int ty = view.y + l->pad + (track - thumb) * s->scroll / s->max;
	gfx_round(k->gfx, (SDL_Rect){view.x + view.w - l->pad, ty, l->pad / 2, thumb}, l->pad / 4,
	          COL_MUTED);
	int fade = l->pad * 2, w = view.w - l->pad;
	for (int i = 0; i < fade; i++) {
		Uint8 a = (Uint8)(i * 255 / fade);
		if (s->scroll < s->max)
			gfx_fill(k->gfx, (SDL_Rect){view.x, view.y + view.h - fade + i, w, 1},
			         RGBA(0xF6, 0xF4, 0xEF, a));
		if (s->scroll > 0)
			gfx_fill(k->gfx, (SDL_Rect){view.x, view.y + fade - 1 - i, w, 1},
			         RGBA(0xF6, 0xF4, 0xEF, a));
	}
}

void ui_scroll_by(struct ui_scroll *s, int dy)
{
	s->scroll -= dy;
	if (s->scroll > s->max)
		s->scroll = s->max;
	if (s->scroll < 0)
		s->scroll = 0;
}

SDL_Rect ui_control_shown(const struct control *c)
{
	SDL_Rect r = c->r, out = {r.x, r.y, 0, 0};
	if (c->view.w <= 0)
		return r;
	SDL_IntersectRect(&r, &c->view, &out);
	return out;
}

/* How far a control in a scrolled part must move to be all in view, clear
 * of the fades at the view's edges when there is room. */
static int reveal_dy(const struct kiosk *k, const struct control *c)
{
	SDL_Rect r = c->r, v = c->view;
	if (v.w <= 0)
		return 0;
	int margin = (v.h - r.h) / 2;
	if (margin > k->ui->lay.pad)
		margin = k->ui->lay.pad;
	if (margin < 0) /* taller than the view: its top at the top */
		return r.y == v.y ? 0 : v.y - r.y;
	if (r.y < v.y + margin)
		return v.y + margin - r.y;
	if (r.y + r.h > v.y + v.h - margin)
		return v.y + v.h - margin - (r.y + r.h);
	return 0;
}

SDL_Rect ui_control_revealed(const struct kiosk *k, const struct control *c)
{
	SDL_Rect r = c->r;
	r.y += reveal_dy(k, c);
	return r;
}

bool ui_reveal(struct kiosk *k, int i)
{
	if (i < 0 || i >= k->ui->n_controls || !k->ops || !k->ops->scroll)
		return false;
	int dy = reveal_dy(k, &k->ui->controls[i]);
	if (!dy)
		return false;
	k->ops->scroll(k, dy);
	k->dirty = true;
	return true;
}

void ui_scroll_enter(struct kiosk *k)
{
	k->view = calloc(1, sizeof(struct ui_scroll));
}

void ui_scroll_leave(struct kiosk *k)
{
	free(k->view);
	k->view = NULL;
}

void ui_scroll_screen(struct kiosk *k, int dy)
{
	if (k->view)
		ui_scroll_by(k->view, dy);
}
