/* `kiosk --check` renders every screen of the module, in every language, at
 * 1920x1080 and 1080x1920 with the real fonts and the real layout code, and
 * reports each text that would not fit its button, card or screen. */
#ifndef KIOSK_CHECK_FITCHECK_H
#define KIOSK_CHECK_FITCHECK_H

#include "context/kiosk.h"
#include "core/yaml/diag.h"

/* Runs the tour with k's module and settings; problems go to diag; with
 * `shots`, every screen of the tour is written there as PNG.
 * Returns false if the screens could not be drawn at all. */
bool fitcheck_run(struct kiosk *k, struct diag *diag, const char *shots);

#endif
