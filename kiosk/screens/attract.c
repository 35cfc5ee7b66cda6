/* attract: the campaign's title and an invitation that pulses slowly. The
 * whole screen starts a session at a touch; the invitation is also a
 * control of its own, the focus's first stop, so Tab then Enter starts as
 * a bare Enter does (the speech control is the second stop). */
#include <math.h>
#include <stdlib.h>

#include "screens/ui.h"

/* The invitation beats: every PULSE_MS it brightens and fades back within
 * BEAT_MS, drawn every FRAME_MS, then rests. A frame of the whole screen
 * costs about 2-3 ms of CPU where the drawing is done in software, so the
 * screen is redrawn only while the invitation moves: 7 frames per beat,
 * under 1 % of a core, and no wake-up at all between beats. */
enum { PULSE_MS = 2400, BEAT_MS = 600, FRAME_MS = 100, REST_ALPHA = 165, BEAT_ALPHA = 255 };

enum { ACT_START = ACT_SCREEN };

/* When the screen opened: the pulse's phase; the last alpha drawn. */
struct attract_view {
	long long since;
	int drawn;
};

static void enter(struct kiosk *k)
{
	struct attract_view *v = calloc(1, sizeof(*v));
	if (v) {
		v->since = kiosk_now(k);
		v->drawn = -1;
	}
	k->view = v;
}

static void leave(struct kiosk *k)
{
	free(k->view);
	k->view = NULL;
}

/* The pulse is a function of the time since the screen opened, so the
 * screen a timed-out session leaves is the very one a fresh start shows. */
static long long beat_time(const struct kiosk *k)
{
	const struct attract_view *v = k->view;
	return (kiosk_now(k) - (v ? v->since : 0)) % PULSE_MS;
}

/* The time is taken on the frame grid, so that a wake-up a little early or
 * late draws the same frame. */
static Uint8 pulse_alpha(long long t)
{
	if (t >= BEAT_MS)
		return REST_ALPHA;
	t -= t % FRAME_MS;
	return (Uint8)(REST_ALPHA + (BEAT_ALPHA - REST_ALPHA) * sin((double)t / BEAT_MS * M_PI));
}

/* The campaign's motif, a network of followers: five linked dots, the one
 * in the middle (you) larger and red (ui.h: its extent). Also in the
 * banner of the portrait home and language screens. */
static const int motif_pts[5][2] = {{-5, 0}, {-2, -2}, {0, 1}, {3, -1}, {5, 1}};

void ui_motif(struct kiosk *k, int cx, int cy, int r)
{
	for (int i = 0; i < 4; i++)
		gfx_line(k->gfx, cx + motif_pts[i][0] * r * 2, cy + motif_pts[i][1] * r * 2,
		         cx + motif_pts[i + 1][0] * r * 2, cy + motif_pts[i + 1][1] * r * 2, r / 3,
		         RGBA(0x45, 0x7B, 0x9D, 0xFF));
	for (int i = 0; i < 5; i++)
		gfx_circle(k->gfx, cx + motif_pts[i][0] * r * 2, cy + motif_pts[i][1] * r * 2,
		           i == 2 ? r * 3 / 2 : r,
		           i == 2 ? COL_ACCENT : RGBA(0xA8, 0xDA, 0xDC, 0xFF));
}

/* The banner: the motif over lines of text, centred in r, on the
 * campaign's dark blue. What does not fit goes: the lines marked
 * optional first, then the motif shrinks, then it goes. Nothing in it is
 * touched (it may sit above the reach line). */
void ui_banner(struct kiosk *k, SDL_Rect r, const struct ui_banner_line *lines, int n)
{
	struct layout *l = &k->ui->lay;
	int inner = r.w - l->pad * 2;
	bool keep[UI_BANNER_MAX];
	int texts = 0, gap = l->pad / 2;
	if (n > UI_BANNER_MAX)
		n = UI_BANNER_MAX;
	for (int i = 0; i < n; i++) {
		keep[i] = lines[i].text && *lines[i].text;
		if (keep[i]) {
			texts += gfx_text_height(k->gfx, lines[i].text, lines[i].size,
			                         lines[i].bold, inner) +
			         gap;
			ui_check_fit(k, lines[i].text, lines[i].size, lines[i].bold,
			             (SDL_Rect){r.x + l->pad, r.y, inner, 1 << 20});
		}
	}
	int room = r.h - l->pad * 2;
	for (int i = n - 1; i >= 0 && texts > room; i--)
		if (keep[i] && lines[i].optional) {
			keep[i] = false;
			texts -= gfx_text_height(k->gfx, lines[i].text, lines[i].size,
			                         lines[i].bold, inner) +
			         gap;
		}
	/* The motif: as on the attract screen at most, smaller if it must;
	 * under half that size the optional lines give it their room, under
	 * a third it goes; never wider than the panel. */
	int side = l->w < l->h ? l->w : l->h;
	int dot = 0;
	for (int i = n;; i--) {
		dot = side / 40;
		if (dot * MOTIF_W > inner)
			dot = inner / MOTIF_W;
		int spare = room - texts - l->pad;
		if (dot * MOTIF_H > spare)
			dot = spare / MOTIF_H;
		if (dot >= side / 80 || i == 0)
			break;
		if (keep[i - 1] && lines[i - 1].optional) {
			keep[i - 1] = false;
			texts -= gfx_text_height(k->gfx, lines[i - 1].text, lines[i - 1].size,
			                         lines[i - 1].bold, inner) +
			         gap;
		}
	}
	if (dot < side / 120)
		dot = 0;
	int content = texts + (dot ? dot * MOTIF_H + l->pad : 0);
	ui_check_bottom(k, n ? lines[0].text : "", content, room);
	gfx_round(k->gfx, r, l->radius, COL_PRIMARY);
	int y = r.y + l->pad + (room - content) / 2;
	if (dot) {
		ui_motif(k, r.x + r.w / 2, y + dot * MOTIF_TOP, dot);
		y += dot * MOTIF_H + l->pad;
	}
	for (int i = 0; i < n; i++) {
		if (!keep[i])
			continue;
		const struct ui_banner_line *b = &lines[i];
		if (b->progress_total > 0) {
			/* A progress bar under its line. */
			int th = gfx_draw_text(k->gfx, b->text, b->size, b->bold,
			                       (SDL_Rect){r.x + l->pad, y, inner, 0}, ALIGN_CENTER,
			                       b->colour);
			ui_progress(k, (SDL_Rect){r.x + l->pad, y + th + gap / 2, inner, gap},
			            b->progress_done, b->progress_total);
			y += th + gap * 2 + gap / 2;
			continue;
		}
		y += gfx_draw_text(k->gfx, b->text, b->size, b->bold,
		                   (SDL_Rect){r.x + l->pad, y, inner, 0}, ALIGN_CENTER, b->colour) +
		     gap;
	}
}

static void draw(struct kiosk *k)
{
	struct layout *l = &k->ui->lay;
	const struct content_module *m = k->module;
	int lang = k->flow.default_lang;
	gfx_clear(k->gfx, COL_PRIMARY);
	/* A network of followers: a few linked dots, drawn once per frame. */
	int side = l->w < l->h ? l->w : l->h;
	int r = side / 40;
	int cx = l->w / 2, cy = l->portrait ? l->h * 3 / 10 : l->h * 11 / 40;
	ui_motif(k, cx, cy, r);
	int width = l->w - l->pad * 6;
	int y = cy + r * 5;
	int big = l->title * 2;
	y += gfx_draw_text(k->gfx, ltext_get(&m->title, lang), big, true,
	                   (SDL_Rect){l->pad * 3, y, width, 0}, ALIGN_CENTER, COL_WHITE);
	y += l->pad;
	y += gfx_draw_text(k->gfx, ltext_get(&m->tagline, lang), l->text, false,
	                   (SDL_Rect){l->pad * 3, y, width, 0}, ALIGN_CENTER, COL_TAGLINE);
	/* The invitation, in the default language and, smaller, the others. */
	int by = l->h - l->h / 4;
	int bh = l->touch + l->pad;
	int bw = width < l->text * 24 ? width : l->text * 24;
	SDL_Rect pill = {(l->w - bw) / 2, by, bw, bh};
	Uint8 a = pulse_alpha(beat_time(k));
	struct attract_view *v = k->view;
	if (v)
		v->drawn = a;
	const char *invite = content_ui(m, UI_touch_to_start, lang);
	int id = ui_area(k, pill, invite, ACT_START, 0);
	if (id >= 0)
		k->ui->controls[id].primary = true; /* where the focus starts */
	gfx_round(k->gfx, pill, bh / 2, (COL_ACCENT & ~(Uint32)0xFF) | a);
	int th = gfx_text_height(k->gfx, invite, l->text, true, bw - l->pad * 2);
	gfx_draw_text(k->gfx, invite, l->text, true,
	              (SDL_Rect){pill.x + l->pad, by + (bh - th) / 2, bw - l->pad * 2, 0},
	              ALIGN_CENTER, COL_WHITE);
	int oy = by + bh + l->pad;
	for (int i = 0; i < m->n_langs; i++) {
		int other = m->langs[i];
		if (other == lang)
			continue;
		oy += gfx_draw_text(k->gfx, content_ui(m, UI_touch_to_start, other), l->small,
		                    false, (SDL_Rect){l->pad * 3, oy, width, 0}, ALIGN_CENTER,
		                    RGBA(0xC8, 0xD3, 0xE0, 0xFF));
	}
}

static void tap(struct kiosk *k, int x, int y)
{
	(void)x;
	(void)y;
	flow_start(&k->flow, kiosk_now(k));
}

static void action(struct kiosk *k, int act, int arg)
{
	(void)arg;
	if (act == ACT_START)
		flow_start(&k->flow, kiosk_now(k));
}

/* Redraw only when the invitation's alpha changes; sleep to the next
 * frame of the beat, or to the first frame of the next beat that differs
 * from the rest (its first FRAME_MS draw the resting alpha). */
static long long update(struct kiosk *k)
{
	const struct attract_view *v = k->view;
	long long t = beat_time(k);
	if (!v || pulse_alpha(t) != v->drawn)
		k->dirty = true;
	return t < BEAT_MS ? FRAME_MS - t % FRAME_MS : PULSE_MS - t + FRAME_MS;
}

const struct screen_ops screen_attract = {
    .enter = enter,
    .leave = leave,
    .draw = draw,
    .tap = tap,
    .action = action,
    .update = update,
};
