/* The accessibility part of the `kiosk --check` tour: the contrast of each
 * text with the background it is really drawn on (read back from the
 * frame), and, on a portrait screen, the controls a person needs that sit
 * above the reach zone (core/a11y.h), and key information (the right
 * answer after a wrong one) in type smaller than body text. All are errors,
 * at every size, with large text and in high contrast. */
#ifndef KIOSK_CHECK_A11YCHECK_H
#define KIOSK_CHECK_A11YCHECK_H

#include "context/kiosk.h"
#include "core/yaml/diag.h"

enum { A11YCHECK_SEEN = 512 };

struct a11ycheck {
	struct diag *diag;
	const char *file;    /* the module, for the messages */
	const char *variant; /* "1920x1080", "1080x1920 large text"... */
	const char *screen;
	char *seen[A11YCHECK_SEEN];
	int n_seen;
	int contrast_failures, reach_failures;
	int small_failures; /* key information (the right answer) under body size */
	struct kiosk *k;    /* while attached */
};

/* Measure every text drawn on k->gfx from now on. */
void a11ycheck_attach(struct a11ycheck *c, struct kiosk *k);
void a11ycheck_detach(struct a11ycheck *c, struct kiosk *k);
/* After a screen of the tour was drawn: its controls' reach (portrait). */
void a11ycheck_screen(struct a11ycheck *c, struct kiosk *k);
void a11ycheck_free(struct a11ycheck *c);

#endif
