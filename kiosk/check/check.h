/* kiosk --check (docs/reference.md): settings, module, layout and media. */
#ifndef KIOSK_CHECK_CHECK_H
#define KIOSK_CHECK_CHECK_H

#include "context/kiosk.h"
#include "core/yaml/diag.h"

/* k holds the settings and the module as loaded (or NULL), d the problems
 * found so far; with shots, the fit tour's screens are written there.
 * With release, placeholders are problems too (else they are listed as
 * what a release still needs). Prints every problem and returns an exit
 * code of enum kiosk_exit. */
int check_run(struct kiosk *k, struct diag *d, const char *shots, bool release);

#endif
