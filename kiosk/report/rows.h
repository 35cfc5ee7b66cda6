/* What the report's readers (load.c, raw.c) share to walk query results. */
#ifndef KIOSK_REPORT_ROWS_H
#define KIOSK_REPORT_ROWS_H

#include <sqlite3.h>
#include <stddef.h>

/* p, an array of n elements of size bytes, made room for element n: it
 * doubles at powers of two, so appends are amortised O(1). Exits with a
 * message when memory runs out. */
void *rows_grow(void *p, int n, size_t size);

/* Column i of the current row as text, "" for NULL. */
const char *rows_text(sqlite3_stmt *st, int i);

#endif
