/* What `kiosk --check --release` refuses, and plain `--check` lists as what
 * a release still needs: everything in a module that only its authors can
 * make true (docs/module.md, "Before a release"). Pure functions over a
 * loaded module. */
#ifndef KIOSK_CORE_RELEASE_H
#define KIOSK_CORE_RELEASE_H

#include <stdbool.h>

#include "core/content.h"
#include "core/yaml/diag.h"

/* A confirmation older than this many days before `today` is asked again. */
enum { RELEASE_CONFIRM_DAYS = 183 };

/* One entry per thing to do, at its YAML position: placeholder videos and
 * the real film meant for each chapter (its name, length, subtitles and
 * rights), placeholder posters, a QR target that is an example or that a
 * personal phone cannot open, and without a label; the campaign's status
 * and chapter 1's time-bound claims, the official accounts, the contacts,
 * the house rules' sign-off and the campaign's logo and colours, each
 * until an author confirmed it (and again when the confirmation is older
 * than RELEASE_CONFIRM_DAYS before today, YYYY-MM-DD); offers of "more"
 * likewise. */
void release_check(const struct content_module *m, const char *today, struct diag *diag);

/* Whether the host of url is a reserved name (RFC 2606/6761: .example,
 * .test, .invalid, .localhost, example.com/.net/.org). */
bool release_reserved_url(const char *url);

/* Whether url names a page a personal phone on the mobile network usually
 * cannot open: no "https://" or "http://", a host without a dot, a
 * private or loopback address, or a host one of whose labels is
 * "intranet" (or starts with "intranet"). */
bool release_internal_url(const char *url);

/* Days since 1970-01-01 of a YYYY-MM-DD date, or -1. */
long release_days(const char *date);

#endif
