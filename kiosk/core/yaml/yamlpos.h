/* Where each node of a YAML file starts, by path ("chapters.2.title.de"),
 * so that problems found after loading can be reported with a position. */
#ifndef KIOSK_CORE_YAML_YAMLPOS_H
#define KIOSK_CORE_YAML_YAMLPOS_H

#include <stdarg.h>

#include "core/yaml/diag.h"

struct yamlpos;

struct yamlpos *yamlpos_read(const char *file);
void yamlpos_destroy(struct yamlpos *p);
/* Position of the node at `path` (printf-style), or of its nearest parent
 * that exists; 1-based. Both are 0 if nothing is known. */
void yamlpos_find(const struct yamlpos *p, int *line, int *col, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* Position of the key of the mapping entry at `path` (exact match only);
 * both 0 if there is no such key. */
void yamlpos_find_key(const struct yamlpos *p, int *line, int *col, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* Adds to d a problem of file at the node `path` (its position, or its
 * nearest parent's; 0:0 when p is NULL): prefix ("" or "warning: ") and
 * the message, printf-style. */
void yamlpos_vproblem(const struct yamlpos *p, struct diag *d, const char *file, const char *prefix,
                      const char *path, const char *fmt, va_list ap);

/* The first syntax error of the file, if any: returns its message. */
const char *yamlpos_syntax_error(const struct yamlpos *p, int *line, int *col);

#endif
