#include "report/rows.h"

#include <stdio.h>
#include <stdlib.h>

void *rows_grow(void *p, int n, size_t size)
{
	if (n > 0 && (n & (n - 1)))
		return p;
	void *q = realloc(p, (n ? 2 * (size_t)n : 8) * size);
	if (!q) {
		fprintf(stderr, "kiosk-report: out of memory\n");
		exit(1);
	}
	return q;
}

const char *rows_text(sqlite3_stmt *st, int i)
{
	const char *s = (const char *)sqlite3_column_text(st, i);
	return s ? s : "";
}
