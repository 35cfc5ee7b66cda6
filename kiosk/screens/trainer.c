/* trainer: « Aujourd'hui »: today's rounded count, the last closed batch
 * and the month's (published figures, trainer_stats.c), the health of the
 * statistics database and of the module, and the page bar. */
#include <stdio.h>

#include "core/log.h"
#include "platform/store.h"
#include "screens/trainer_pages.h"
#include "screens/ui.h"

static int row(struct kiosk *k, SDL_Rect r, const char *name, const char *value, Uint32 col)
{
	struct layout *l = &k->ui->lay;
	int half = r.w / 2;
	int h1 = gfx_draw_text(k->gfx, name, l->text, false,
	                       (SDL_Rect){r.x, r.y, half - l->pad / 2, 0}, ALIGN_LEFT, COL_MUTED);
	int h2 = gfx_draw_text(k->gfx, value, l->text, true,
	                       (SDL_Rect){r.x + half, r.y, r.w - half, 0}, ALIGN_LEFT, col);
	return (h1 > h2 ? h1 : h2) + l->pad / 2;
}

/* One published period: its title, then sessions, finished, passed and the
 * average; returns the height. */
static int period(struct kiosk *k, SDL_Rect r, const char *title, const struct trainer_snap *s)
{
	struct layout *l = &k->ui->lay;
	struct snap_lines ln;
	trainer_snap_lines(s, k->settings.min_group, &ln);
	char buf[160];
	snprintf(buf, sizeof buf, "%s (%s)", title, ln.period);
	int y = r.y;
	y += gfx_draw_text(k->gfx, buf, l->text, true, (SDL_Rect){r.x, y, r.w, 0}, ALIGN_LEFT,
	                   COL_PRIMARY);
	y += l->pad / 4;
	y += row(k, (SDL_Rect){r.x, y, r.w, 0}, "Sessions", ln.sessions, COL_INK);
	y += row(k, (SDL_Rect){r.x, y, r.w, 0}, "Allées jusqu'au bout", ln.finished, COL_INK);
	y += row(k, (SDL_Rect){r.x, y, r.w, 0}, "Quiz réussi", ln.passed, COL_INK);
	y += row(k, (SDL_Rect){r.x, y, r.w, 0}, "Score moyen", ln.score, COL_INK);
	log_debug("trainer", "shown: %s %s: %s sessions, finished %s, passed %s, score %s", title,
	          ln.period, ln.sessions, ln.finished, ln.passed, ln.score);
	return y - r.y;
}

static void draw(struct kiosk *k)
{
	if (trainer_pages_draw(k))
		return;
	struct layout *l = &k->ui->lay;
	ui_header(k, kiosk_ui(k, UI_trainer), true);
	char day[11], buf[256];
	session_today(day);
	/* Read when the screen opened (trainer_stats.c): of today only the
	 * rounded count; results from closed batches only, as published. */
	const struct trainer_stats *st = trainer_pages_stats(k);
	int y = l->body.y;
	snprintf(buf, sizeof(buf), "Borne %s — aujourd'hui (%s)", k->settings.kiosk_id, day);
	y += gfx_draw_text(k->gfx, buf, l->title, true, (SDL_Rect){l->body.x, y, l->body.w, 0},
	                   ALIGN_LEFT, COL_PRIMARY);
	y += l->pad / 2;
	SDL_Rect full = {l->body.x, y, l->body.w, 0};
	if (!st || !st->ok) {
		y += row(k, full, "Statistiques", "indisponibles", COL_WRONG);
	} else {
		y += row(k, full, "Sessions aujourd'hui", st->today, COL_INK);
		log_debug("trainer", "shown: today %s", st->today);
		y += l->pad / 2;
		int cols = l->portrait ? 1 : 2, gap = l->pad * 2;
		int cw = (l->body.w - (cols - 1) * gap) / cols;
		int h1 = period(k, (SDL_Rect){l->body.x, y, cw, 0}, "Dernière journée", &st->last);
		if (cols == 1)
			y += h1 + l->pad / 2;
		int h2 = period(k, (SDL_Rect){l->body.x + (cols - 1) * (cw + gap), y, cw, 0},
		                "Ce mois-ci", &st->month);
		y += cols == 1 ? h2 : (h1 > h2 ? h1 : h2);
		if (st->last.perturbed || st->month.perturbed)
			y += gfx_draw_text(
			    k->gfx,
			    "«\u00a0≈\u00a0» : chiffres des journées closes, publiés avec un "
			    "petit écart pour que personne n'y soit reconnaissable.",
			    l->small, false, (SDL_Rect){l->body.x, y, l->body.w, 0}, ALIGN_LEFT,
			    COL_MUTED);
	}
	y += l->pad;
	const char *problem = k->store ? store_problem(k->store) : "base non ouverte";
	int pending = k->store ? store_pending(k->store) : 0;
	if (problem) {
		snprintf(buf, sizeof(buf), "%s (%d session%s en attente)", problem, pending,
		         pending > 1 ? "s" : "");
		y += row(k, (SDL_Rect){l->body.x, y, l->body.w, 0}, "Base de données", buf,
		         COL_WRONG);
	} else {
		y += row(k, (SDL_Rect){l->body.x, y, l->body.w, 0}, "Base de données",
		         "en bon état", COL_RIGHT);
	}
	if (k->content_note[0]) { /* the kiosk rolled a new module back by itself */
		y += row(k, (SDL_Rect){l->body.x, y, l->body.w, 0}, "Nouveau module",
		         k->content_note, COL_WRONG);
		log_debug("trainer", "shown: content %s", k->content_note);
	}
	(void)y;
	trainer_pages_nav(k); /* the pages, « Fermer » among them */
}

static void action(struct kiosk *k, int act, int arg)
{
	if (trainer_pages_action(k, act, arg))
		return;
	flow_trainer_exit(&k->flow, kiosk_now(k));
}

const struct screen_ops screen_trainer = {.enter = trainer_pages_enter,
                                          .leave = trainer_pages_leave,
                                          .draw = draw,
                                          .action = action,
                                          .event = trainer_pages_event,
                                          .scroll = trainer_pages_scroll};
