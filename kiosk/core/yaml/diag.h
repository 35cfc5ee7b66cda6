/* A list of problems found in a settings or content file, each printed as
 * FILE:LINE:COL: message so that editors can jump to it. */
#ifndef KIOSK_CORE_YAML_DIAG_H
#define KIOSK_CORE_YAML_DIAG_H

#include <stdio.h>

struct diag_item {
	char *file;
	int line, col; /* 1-based; 0 when unknown */
	char *msg;
};

struct diag {
	struct diag_item *items;
	int n, cap;
};

void diag_add(struct diag *d, const char *file, int line, int col, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
void diag_print(const struct diag *d, FILE *f);
int diag_count(const struct diag *d);
void diag_free(struct diag *d);

#endif
