/* The trainer screen's figures: see trainer_view.h. */
#include "core/trainer_view.h"

#include <stdio.h>
#include <string.h>

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

/* part out of whole as a percentage, or why not. */
static void rate(char *out, size_t n, long long part, long long whole, int k)
{
	if (whole < k || part < k || whole - part < k)
		snprintf(out, n, "masqué (moins de %d)", k);
	else
		snprintf(out, n, "%lld %%", (100 * part + whole / 2) / whole);
}

void trainer_view_make(const struct trainer_counts *today, const char *month,
                       const struct trainer_counts *last_month, int k, struct trainer_view *out)
{
	memset(out, 0, sizeof *out);
	if (k < 1)
		k = 1;
	long long t = today->sessions;
	if (t < k)
		snprintf(out->today, sizeof out->today, "moins de %d", k);
	else
		snprintf(out->today, sizeof out->today, "%lld à %lld", t / k * k,
		         t / k * k + k - 1);
	snprintf(out->month, sizeof out->month, "%.7s", month);
	const struct trainer_counts *m = last_month;
	if (m->sessions < k) {
		snprintf(out->sessions, sizeof out->sessions, "moins de %d", k);
		snprintf(out->finished, sizeof out->finished, "masqué");
		snprintf(out->passed, sizeof out->passed, "masqué");
		snprintf(out->score, sizeof out->score, "masqué");
		return;
	}
	snprintf(out->sessions, sizeof out->sessions, "%lld", m->sessions);
	rate(out->finished, sizeof out->finished, m->finished, m->sessions, k);
	rate(out->passed, sizeof out->passed, m->passed, m->quiz_taken, k);
	if (m->quiz_taken < k)
		snprintf(out->score, sizeof out->score, "masqué (moins de %d)", k);
	else
		snprintf(out->score, sizeof out->score, "%lld %%",
		         (m->score_sum + m->quiz_taken / 2) / m->quiz_taken);
}
