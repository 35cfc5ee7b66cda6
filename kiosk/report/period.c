/* Periods (statistics v2, PRIVACY.md « Lots fermés »): a report covers the
 * closed batches whose last day falls within its period, so two reports
 * differ by whole batches of at least K sessions, or not at all: any days
 * may bound a period, and the days not yet closed are in none. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report/report.h"

int report_period(const char *from, const char *to, char lo[11], char hi[11])
{
	snprintf(lo, 11, "%s", from ? from : "");
	snprintf(hi, 11, "%s", to ? to : "");
	if (lo[0] && hi[0] && strcmp(lo, hi) > 0) {
		fprintf(stderr, "kiosk-report: --from is after --to\n");
		return -1;
	}
	return 0;
}

int report_build(struct report *r, const char *const *paths, int n, const char *lo, const char *hi,
                 int k)
{
	if (report_load_k(r, paths, n, lo && lo[0] ? lo : NULL, hi && hi[0] ? hi : NULL, k) != 0)
		return -1;
	report_suppress(r, k);
	return 0;
}

int report_build_last(struct report *r, const char *db, int k)
{
	struct report_batch *b = NULL;
	int n = 0;
	*r = (struct report){0};
	if (report_batches(&db, 1, &b, &n) != 0)
		return -1;
	if (n == 0) {
		free(b);
		return 0;
	}
	/* The newest batch is the one with the newest last day; its period
	 * holds no other (batches of one database do not overlap). */
	int last = 0;
	for (int i = 1; i < n; i++)
		if (strcmp(b[i].last, b[last].last) > 0)
			last = i;
	char day[11];
	snprintf(day, sizeof day, "%s", b[last].last);
	free(b);
	return report_build(r, &db, 1, day, day, k);
}
