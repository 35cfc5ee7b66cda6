/* A content root: the versions of the module a kiosk can show, and two
 * symbolic links naming the one it shows and the one before it.
 *
 *   ROOT/current  -> versions/<id>-<version>
 *   ROOT/previous -> versions/<id>-<version>
 *   ROOT/versions/<id>-<version>/module.yaml ...
 *
 * A link is switched by renaming a new link over it, so a reader sees the
 * old target or the new one, never none. kiosk-bundle installs into a root;
 * the kiosk only reads it, and rolls back by itself when the new content
 * cannot be shown. No SDL, libVLC or SQLite here. */
#ifndef KIOSK_CORE_CONTENT_ROOT_H
#define KIOSK_CORE_CONTENT_ROOT_H

#include <stdbool.h>
#include <stddef.h>

/* Points ROOT/NAME ("current", "previous") at TARGET (relative to ROOT) in
 * one rename. false after printing why. */
bool content_root_link(const char *root, const char *name, const char *target);
/* The target of ROOT/NAME into buf; false if there is none. */
bool content_root_target(const char *root, const char *name, char *buf, size_t len);
/* Swaps current and previous. false (with why in err) when there is no
 * previous version. */
bool content_root_rollback(const char *root, char *err, size_t len);
/* The root that holds a content path ending in ".../current", into buf;
 * false if the path is not a root's current link. */
bool content_root_of(const char *content, char *buf, size_t len);

#endif
