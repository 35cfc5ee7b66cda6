#ifndef KIOSK_HEADLESS_SCRIPT_H
#define KIOSK_HEADLESS_SCRIPT_H

#include "app/app.h"

/* Run a headless script; returns the exit code of docs/reference.md. */
int script_run(struct kiosk *k, const char *file, const char *shots);

#endif
