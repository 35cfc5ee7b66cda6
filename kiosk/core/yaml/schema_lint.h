/* Every schema mistake of a YAML file at once: unknown and missing keys,
 * wrong types, too few or too many entries. libcyaml stops at the first
 * one; this walks the file against the very same libcyaml schema so that an
 * author sees them all in one `kiosk --check`. */
#ifndef KIOSK_CORE_YAML_SCHEMA_LINT_H
#define KIOSK_CORE_YAML_SCHEMA_LINT_H

#include <cyaml/cyaml.h>

#include "core/yaml/diag.h"

/* Adds one diagnostic per mistake; returns how many, or -1 if the file
 * could not be read or parsed (then the loader reports it). */
int schema_lint(const char *file, const cyaml_schema_value_t *schema, struct diag *d);

#endif
