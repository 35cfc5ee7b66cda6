/* The trainer screen's pages (trainer_pages.c): a bar of large buttons at
 * the bottom of the trainer screen leads to « Aujourd'hui » (the figures of
 * trainer.c, then the day per chapter and per question, and a take-away
 * QR code), « Borne », « Réglages du jour », « Exporter », « Mettre en
 * veille », « Redémarrer le programme » and « Fermer ». All pages are the
 * one `trainer` screen: its 60 s idle timeout applies to each of them, and
 * none is a session. */
#ifndef KIOSK_SCREENS_TRAINER_PAGES_H
#define KIOSK_SCREENS_TRAINER_PAGES_H

#include <stdbool.h>

#include "app.h"

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

/* trainer_day.c */
void trainer_day_save(struct kiosk *k);
void trainer_day_apply(struct kiosk *k);

#endif
