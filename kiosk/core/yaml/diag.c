#include "core/yaml/diag.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

void diag_add(struct diag *d, const char *file, int line, int col, const char *fmt, ...)
{
	if (d->n == d->cap) {
		int cap = d->cap ? d->cap * 2 : 16;
		struct diag_item *items = realloc(d->items, (size_t)cap * sizeof(*items));
		if (!items)
			return; /* out of memory: the count still says something is wrong */
		d->items = items;
		d->cap = cap;
	}
	va_list ap;
	va_start(ap, fmt);
	char *msg = NULL;
	if (vasprintf(&msg, fmt, ap) < 0)
		msg = NULL;
	va_end(ap);
	d->items[d->n++] = (struct diag_item){
	    .file = strdup(file ? file : "?"), .line = line, .col = col, .msg = msg};
}

void diag_print(const struct diag *d, FILE *f)
{
	for (int i = 0; i < d->n; i++) {
		const struct diag_item *it = &d->items[i];
		fprintf(f, "%s:%d:%d: %s\n", it->file, it->line, it->col,
		        it->msg ? it->msg : "out of memory");
	}
}

int diag_count(const struct diag *d)
{
	return d->n;
}

void diag_free(struct diag *d)
{
	for (int i = 0; i < d->n; i++) {
		free(d->items[i].file);
		free(d->items[i].msg);
	}
	free(d->items);
	*d = (struct diag){0};
}
