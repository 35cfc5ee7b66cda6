/* The trainer screen's count of today: see trainer_view.h. */
#include "core/trainer_view.h"

#include <stdio.h>

void trainer_view_month(const char *today, char first[11], char last[11])
{
	int y = 2000, m = 1;
	if (sscanf(today, "%4d-%2d", &y, &m) != 2 || m < 1 || m > 12)
		y = 2000, m = 1;
	if (--m == 0)
		m = 12, y--;
	static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	int d = days[m - 1] + (m == 2 && (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)));
	snprintf(first, 11, "%04d-%02d-01", y, m);
	snprintf(last, 11, "%04d-%02d-%02d", y, m, d);
}

void trainer_view_today(long long t, int k, char *out, size_t size)
{
	if (k < 1)
		k = 1;
	if (t < k)
		snprintf(out, size, "moins de %d", k);
	else
		snprintf(out, size, "%lld à %lld", t / k * k, t / k * k + k - 1);
}
