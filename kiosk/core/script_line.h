/* The text of a script line (kiosk --headless --script, docs/reference.md),
 * apart from what its commands do (headless/script.c): kept free of SDL so
 * that it is fuzzed on its own (tests/fuzz/fuzz_script.c). */
#ifndef KIOSK_CORE_SCRIPT_LINE_H
#define KIOSK_CORE_SCRIPT_LINE_H

#include <stdbool.h>

/* Splits line in place into its command and its arguments (the rest of the
 * line, spaces around it taken off). False for a blank line or a comment
 * ('#' first). */
bool script_line_split(char *line, char **cmd, char **args);

/* Exactly n finite numbers separated by spaces, nothing else: "0.5 0.25". */
bool script_floats(const char *args, float *v, int n);

/* The longest wait or hold a script may ask for (ms): a number of ms is
 * turned into a long long, which larger floats overflow. */
#define SCRIPT_MAX_MS 1e12f

#endif
