/* Loading a YAML file with a libcyaml schema, turning libcyaml's first
 * error (and its backtrace) or libyaml's syntax error into a FILE:LINE:COL
 * diagnostic. */
#ifndef KIOSK_CORE_YAML_CYAML_DIAG_H
#define KIOSK_CORE_YAML_CYAML_DIAG_H

#include <cyaml/cyaml.h>
#include <stdbool.h>

#include "core/yaml/diag.h"

bool cyaml_diag_load(const char *file, const cyaml_schema_value_t *schema, void **out,
                     struct diag *diag);
void cyaml_diag_free(const cyaml_schema_value_t *schema, void *data);

#endif
