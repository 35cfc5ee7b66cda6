/* trainer: today's figures (small groups hidden), the health of the
 * statistics database and of the module, and a way back. */
#include <stdio.h>

#include "core/log.h"
#include "core/trainer_view.h"
#include "platform/store.h"
#include "screens/trainer_pages.h"
#include "screens/ui.h"

static int row(struct kiosk *k, int y, const char *name, const char *value, Uint32 col)
{
	struct layout *l = &k->lay;
	int half = l->body.w / 2;
	int h1 = gfx_draw_text(k->gfx, name, l->text, false, (SDL_Rect){l->body.x, y, half, 0},
	                       ALIGN_LEFT, COL_MUTED);
	int h2 = gfx_draw_text(k->gfx, value, l->text, true,
	                       (SDL_Rect){l->body.x + half, y, half, 0}, ALIGN_LEFT, col);
	return (h1 > h2 ? h1 : h2) + l->pad / 2;
}

static void draw(struct kiosk *k)
{
	if (trainer_pages_draw(k))
		return;
	struct layout *l = &k->lay;
	ui_header(k, app_ui(k, UI_trainer), true);
	char day[11], first[11], last[11], buf[256];
	session_today(day);
	trainer_view_month(day, first, last);
	/* What may be shown, and how, is decided in core/trainer_view.c: no
	 * two views of this screen subtract to one person's session. */
	struct trainer_counts today = {0}, month = {0};
	bool have = k->store && store_counts(k->store, day, day, &today) == 0 &&
	            store_counts(k->store, first, last, &month) == 0;
	struct trainer_view v;
	trainer_view_make(&today, first, &month, k->settings.min_group, &v);
	int y = l->body.y;
	snprintf(buf, sizeof(buf), "Borne %s — aujourd'hui (%s)", k->settings.kiosk_id, day);
	y += gfx_draw_text(k->gfx, buf, l->title, true, (SDL_Rect){l->body.x, y, l->body.w, 0},
	                   ALIGN_LEFT, COL_PRIMARY);
	y += l->pad;
	if (!have) {
		y += row(k, y, "Statistiques", "indisponibles", COL_WRONG);
	} else {
		y += row(k, y, "Sessions aujourd'hui", v.today, COL_INK);
		snprintf(buf, sizeof(buf), "Mois complet %s : sessions", v.month);
		y += row(k, y, buf, v.sessions, COL_INK);
		y += row(k, y, "Allées jusqu'au bout", v.finished, COL_INK);
		y += row(k, y, "Quiz réussi", v.passed, COL_INK);
		y += row(k, y, "Score moyen", v.score, COL_INK);
		log_debug("trainer",
		          "shown: today %s; %s: %s sessions, finished %s, passed %s, "
		          "score %s",
		          v.today, v.month, v.sessions, v.finished, v.passed, v.score);
	}
	y += l->pad;
	const char *problem = k->store ? store_problem(k->store) : "base non ouverte";
	int pending = k->store ? store_pending(k->store) : 0;
	if (problem) {
		snprintf(buf, sizeof(buf), "%s (%d session%s en attente)", problem, pending,
		         pending > 1 ? "s" : "");
		y += row(k, y, "Base de données", buf, COL_WRONG);
	} else {
		y += row(k, y, "Base de données", "en bon état", COL_RIGHT);
	}
	y += row(k, y, "Fichier", k->settings.database, COL_INK);
	snprintf(buf, sizeof(buf), "%s v%d — %u chapitres, %u questions", k->module->id,
	         k->module->version, k->module->n_chapters, k->module->n_questions);
	y += row(k, y, "Module", buf, COL_INK);
	if (k->content_note[0]) { /* the kiosk rolled a new module back by itself */
		y += row(k, y, "Nouveau module", k->content_note, COL_WRONG);
		log_debug("trainer", "shown: content %s", k->content_note);
	}
	y += row(k, y, "Version du logiciel", KIOSK_VERSION, COL_INK);
	(void)y;
	trainer_pages_nav(k); /* the pages, « Fermer » among them */
}

static void action(struct kiosk *k, int act, int arg)
{
	if (trainer_pages_action(k, act, arg))
		return;
	flow_trainer_exit(&k->flow, app_now(k));
}

const struct screen_ops screen_trainer = {.enter = trainer_pages_enter,
                                          .leave = trainer_pages_leave,
                                          .draw = draw,
                                          .action = action,
                                          .event = trainer_pages_event};
