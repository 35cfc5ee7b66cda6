/* The trainer screen's pages (trainer_pages.c): a bar of large buttons at
 * the bottom of the trainer screen leads to « Aujourd'hui » (the figures of
 * trainer.c, then the last closed batch per question and per chapter, and a
 * take-away QR code: trainer_stats.c), « Borne », « Réglages du jour », « Exporter », « Mettre en
 * veille », « Redémarrer le programme » and « Fermer ». All pages are the
 * one `trainer` screen: its 60 s idle timeout applies to each of them, and
 * none is a session. */
#ifndef KIOSK_SCREENS_TRAINER_PAGES_H
#define KIOSK_SCREENS_TRAINER_PAGES_H

#include <stdbool.h>

#include "context/kiosk.h"
#include "core/trainer_snap.h"
#include "screens/ui.h"

void trainer_pages_enter(struct kiosk *k);
void trainer_pages_leave(struct kiosk *k);
/* Draws the current page and returns true, or returns false on the
 * « Aujourd'hui » page, which trainer.c draws before calling nav. */
bool trainer_pages_draw(struct kiosk *k);
/* The page bar at the bottom (and the « Aujourd'hui » page's buttons). */
void trainer_pages_nav(struct kiosk *k);
/* True when the action was one of the pages'. */
bool trainer_pages_action(struct kiosk *k, int action, int arg);
void trainer_pages_event(struct kiosk *k, const SDL_Event *e);
/* Top of the page bar: pages draw above it. */
int trainer_pages_bottom(struct kiosk *k);

/* The text of today's welcome-day label, NULL for none. */
const char *trainer_pages_label_text(const struct kiosk *k);
/* The scroll op of the trainer screen: the question list. */
void trainer_pages_scroll(struct kiosk *k, int dy);

/* trainer_stats.c: the published figures the pages show, read once when
 * the trainer screen opens. */
struct trainer_stats {
	bool loaded, ok;           /* ok: every figure could be read */
	char today[64];            /* today's sessions, rounded (core/trainer_view.h) */
	struct trainer_snap last;  /* the last closed batch */
	struct trainer_snap month; /* this month's closed batches */
	struct ui_scroll scroll;   /* of the question list */
};
struct trainer_stats *trainer_pages_stats(struct kiosk *k);
void trainer_stats_load(struct kiosk *k, struct trainer_stats *st);
void trainer_stats_detail(struct kiosk *k, struct trainer_stats *st);
void trainer_stats_qr(struct kiosk *k, const struct trainer_stats *st);

#endif
