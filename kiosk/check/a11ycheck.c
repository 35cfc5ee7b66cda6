#include "check/a11ycheck.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/a11y.h"
#include "platform/gfx.h"
#include "screens/ui.h"

static bool first_time(struct a11ycheck *c, const char *fmt, const char *a, const char *b)
{
	char key[512];
	snprintf(key, sizeof(key), fmt, a, b);
	for (int i = 0; i < c->n_seen; i++)
		if (strcmp(c->seen[i], key) == 0)
			return false;
	if (c->n_seen < A11YCHECK_SEEN)
		c->seen[c->n_seen++] = strdup(key);
	return true;
}

/* The background under a text: the commonest colour on three lines across
 * its box (top, middle, bottom), read back before the text is drawn. */
static Uint32 background(struct gfx *g, SDL_Rect r)
{
	int w, h;
	gfx_size(g, &w, &h);
	SDL_Rect screen = {0, 0, w, h}, box;
	if (SDL_RenderIsClipEnabled(gfx_renderer(g)))
		SDL_RenderGetClipRect(gfx_renderer(g), &screen); /* what is clipped is not seen */
	if (!SDL_IntersectRect(&r, &screen, &box))
		return 0;
	enum { SLOTS = 16, MAXW = 4096 };
	static const int rows = 3;
	Uint32 px[MAXW], col[SLOTS];
	int n[SLOTS] = {0}, used = 0;
	if (box.w > MAXW)
		box.w = MAXW;
	for (int row = 0; row < rows; row++) {
		SDL_Rect line = {box.x, box.y + (box.h - 1) * row / (rows - 1), box.w, 1};
		if (SDL_RenderReadPixels(gfx_renderer(g), &line, SDL_PIXELFORMAT_RGBA8888, px,
		                         (int)sizeof(px)) != 0)
			return 0;
		for (int i = 0; i < box.w; i++) {
			Uint32 c = px[i] | 0xFF;
			int j = 0;
			while (j < used && col[j] != c)
				j++;
			if (j == used && used < SLOTS)
				col[used++] = c;
			if (j < used)
				n[j]++;
		}
	}
	int top = 0;
	for (int j = 1; j < used; j++)
		if (n[j] > n[top])
			top = j;
	return used ? col[top] : 0;
}

/* The key information of a screen is never in smaller type than body
 * text: on a question answered wrong, « La bonne réponse : » and the right
 * answer (a person with low vision reads it with A+, which scales body
 * text). */
static void small_key_text(struct a11ycheck *c, const char *utf8, int size)
{
	const struct kiosk *k = c->k;
	if (!k || k->shown != SCR_QUIZ || k->flow.chosen < 0 || size >= ui_lay(k)->text)
		return;
	const struct content_question *q = flow_question(&k->flow);
	if (!q || (unsigned)k->flow.chosen + 1 == q->answer)
		return;
	if (strcmp(utf8, ltext_get(&q->choices[q->answer - 1], kiosk_lang(k))) != 0 &&
	    strcmp(utf8, kiosk_ui(k, UI_right_answer_was)) != 0)
		return;
	if (!first_time(c, "small|%s|%s", c->variant, utf8))
		return;
	c->small_failures++;
	diag_add(c->diag, c->file, 0, 0,
	         "key information smaller than body text (%d px < %d px) at %s on the %s screen: "
	         "\"%.60s\"",
	         size, ui_lay(k)->text, c->variant, c->screen, utf8);
}

static void probe(void *ctx, struct gfx *g, const char *utf8, int size, bool bold, SDL_Rect where,
                  Uint32 rgba)
{
	struct a11ycheck *c = ctx;
	(void)bold;
	small_key_text(c, utf8, size);
	Uint32 bg = background(g, where);
	if (!bg)
		return;
	Uint32 fg = a11y_blend(rgba, bg);
	double ratio = a11y_contrast(fg, bg);
	if (ratio >= A11Y_TEXT_MIN || !first_time(c, "contrast|%s|%s", c->variant, utf8))
		return;
	c->contrast_failures++;
	diag_add(c->diag, c->file, 0, 0,
	         "contrast %.2f:1 below 4.5:1 at %s on the %s screen: #%06X on #%06X: \"%.60s\"",
	         ratio, c->variant, c->screen, fg >> 8, bg >> 8, utf8);
}

void a11ycheck_attach(struct a11ycheck *c, struct kiosk *k)
{
	c->k = k;
	gfx_set_text_probe(k->gfx, probe, c);
}

void a11ycheck_detach(struct a11ycheck *c, struct kiosk *k)
{
	c->k = NULL;
	gfx_set_text_probe(k->gfx, NULL, NULL);
}

void a11ycheck_screen(struct a11ycheck *c, struct kiosk *k)
{
	const struct layout *l = ui_lay(k);
	/* The trainers' screens are for standing staff; attract is the whole screen. */
	if (!l->portrait || k->shown == SCR_ATTRACT || k->shown == SCR_TRAINER ||
	    k->shown == SCR_TRAINER_PIN)
		return;
	for (int i = 0; i < ui_n_controls(k); i++) {
		const struct control *ct = ui_control(k, i);
		/* In a part that scrolls: where it is once scrolled into view. */
		SDL_Rect r = ui_control_revealed(k, ct);
		if (a11y_in_reach(r.y, r.h, l->h))
			continue;
		if (!first_time(c, "reach|%s|%s", c->variant, ct->label))
			continue;
		c->reach_failures++;
		double m =
		    A11Y_SCREEN_BOTTOM_M + A11Y_SCREEN_HEIGHT_M * (1.0 - (r.y + r.h / 2.0) / l->h);
		diag_add(c->diag, c->file, 0, 0,
		         "out of reach at %s on the %s screen: \"%s\" at %.2f m (over %.2f m)",
		         c->variant, c->screen, ct->label, m, A11Y_REACH_MAX_M);
	}
}

void a11ycheck_free(struct a11ycheck *c)
{
	for (int i = 0; i < c->n_seen; i++)
		free(c->seen[i]);
	c->n_seen = 0;
}
