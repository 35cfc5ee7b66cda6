/* trainer: today's figures (small groups hidden), the health of the
 * statistics database and of the module, and a way back. */
#include <stdio.h>

#include "platform/store.h"
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
	struct layout *l = &k->lay;
	ui_header(k, app_ui(k, UI_trainer), true);
	char day[11], buf[256];
	session_today(day);
	struct store_summary s = {0};
	bool have = k->store && store_summary(k->store, day, k->settings.min_group, &s) == 0;
	int y = l->body.y;
	snprintf(buf, sizeof(buf), "Aujourd'hui (%s) — borne %s", day, k->settings.kiosk_id);
	y += gfx_draw_text(k->gfx, buf, l->title, true, (SDL_Rect){l->body.x, y, l->body.w, 0},
	                   ALIGN_LEFT, COL_PRIMARY);
	y += l->pad;
	if (!have) {
		y += row(k, y, "Statistiques", "indisponibles", COL_WRONG);
	} else if (s.suppressed) {
		snprintf(buf, sizeof(buf), "moins de %d sessions : chiffres masqués",
		         k->settings.min_group);
		y += row(k, y, "Sessions", buf, COL_INK);
	} else {
		snprintf(buf, sizeof(buf), "%d", s.sessions);
		y += row(k, y, "Sessions", buf, COL_INK);
		snprintf(buf, sizeof(buf), "%d", s.finished);
		y += row(k, y, "Allées jusqu'au bout", buf, COL_INK);
		snprintf(buf, sizeof(buf), "%d", s.passed);
		y += row(k, y, "Quiz réussi", buf, COL_INK);
		snprintf(buf, sizeof(buf), "%d %%", s.avg_score);
		y += row(k, y, "Score moyen", buf, COL_INK);
		snprintf(buf, sizeof(buf), "%d / %d", s.timed_out, s.abandoned);
		y += row(k, y, "Temps écoulé / abandon", buf, COL_INK);
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
	y += row(k, y, "Version du logiciel", KIOSK_VERSION, COL_INK);
	(void)y;
	int bw = l->portrait ? l->body.w : l->body.w / 3;
	int bh = l->touch + l->pad / 2;
	ui_button(k, (SDL_Rect){(l->w - bw) / 2, l->h - bh - l->pad * 2, bw, bh}, "Fermer",
	          BTN_ACCENT, ACT_SCREEN, 0);
}

static void action(struct kiosk *k, int act, int arg)
{
	(void)act;
	(void)arg;
	flow_trainer_exit(&k->flow, app_now(k));
}

const struct screen_ops screen_trainer = {.draw = draw, .action = action};
