#include "core/log.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void log_msg(enum log_prio prio, const char *unit, const char *fmt, ...)
{
	if (prio == LOG_P_DEBUG) {
		const char *d = getenv("KIOSK_DEBUG");
		if (!d || strcmp(d, "1") != 0)
			return;
	}
	char line[1024];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	/* One write per line, so that lines of two threads do not mix. */
	fprintf(stderr, "<%d>%s: %s\n", (int)prio, unit, line);
}
