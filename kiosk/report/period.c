/* Periods and differencing (issue 10, PRIVACY.md "Périodes").
 *
 * Two reports whose periods differ by one small day subtract to that day;
 * a report of two kiosks minus the report of one gives the other. So:
 *  - a period is made of whole calendar months that are over: --from is a
 *    first day, --to a last day, and the month running today is never
 *    reported (today's report and tomorrow's would differ by one day);
 *  - a report is made of parts, one per file and month. A figure of the
 *    report is shown only if it is shown in the report of each part that
 *    holds some of it: what two reports can subtract to is then a sum of
 *    whole parts' figures that those parts' own reports show anyway. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/session.h"
#include "report/report.h"

static int month_days(int y, int m)
{
	static const int d[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	return d[m - 1] + (m == 2 && y % 4 == 0 && (y % 100 != 0 || y % 400 == 0));
}

int report_period(const char *from, const char *to, char lo[11], char hi[11])
{
	int y, m, d;
	char today[11];
	session_today(today);
	sscanf(today, "%4d-%2d", &y, &m);
	if (--m == 0)
		m = 12, y--;
	char last[11];
	snprintf(last, sizeof last, "%04d-%02d-%02d", y, m, month_days(y, m));
	lo[0] = '\0';
	if (from) {
		if (sscanf(from, "%4d-%2d-%2d", &y, &m, &d) != 3 || d != 1) {
			fprintf(stderr,
			        "kiosk-report: --from %s: a period starts on the first day of a "
			        "month (reports cover whole months, PRIVACY.md)\n",
			        from);
			return -1;
		}
		snprintf(lo, 11, "%s", from);
	}
	snprintf(hi, 11, "%s", last);
	if (to) {
		if (sscanf(to, "%4d-%2d-%2d", &y, &m, &d) != 3 || m < 1 || m > 12 ||
		    d != month_days(y, m)) {
			fprintf(stderr,
			        "kiosk-report: --to %s: a period ends on the last day of a month "
			        "(reports cover whole months, PRIVACY.md)\n",
			        to);
			return -1;
		}
		if (strcmp(to, last) > 0) {
			fprintf(stderr,
			        "kiosk-report: --to %s: the month is not over; the last month that "
			        "can be reported ends on %s (a report of a month still running "
			        "would differ from tomorrow's by one day)\n",
			        to, last);
			return -1;
		}
		snprintf(hi, 11, "%s", to);
	}
	if (lo[0] && strcmp(lo, hi) > 0) {
		fprintf(stderr, "kiosk-report: --from is after --to\n");
		return -1;
	}
	return 0;
}

#define OR(a, b) ((a) = (a) || (b))

static struct report_group *find_group(struct report_group *g, int n, const char *key)
{
	for (int i = 0; i < n; i++)
		if (!strcmp(g[i].key, key))
			return &g[i];
	return NULL;
}

static void mark_group(struct report_group *w, const struct report_group *p)
{
	if (!w)
		return;
	OR(w->hidden, p->hidden);
	OR(w->quiz_hidden, p->quiz_hidden);
	OR(w->completion_hidden, p->completion_hidden);
	OR(w->pass_hidden, p->pass_hidden);
}

static void mark_groups(struct report_group *w, int nw, const struct report_group *p, int np)
{
	for (int i = 0; i < np; i++)
		mark_group(find_group(w, nw, p[i].key), &p[i]);
}

/* Every figure hidden in the part is hidden in the whole. */
static void mark(struct report *w, const struct report *p)
{
	mark_group(&w->total, &p->total);
	mark_groups(w->days, w->n_days, p->days, p->n_days);
	mark_groups(w->langs, w->n_langs, p->langs, p->n_langs);
	mark_groups(w->kiosks, w->n_kiosks, p->kiosks, p->n_kiosks);
	mark_groups(w->labels, w->n_labels, p->labels, p->n_labels);
	for (int i = 0; i < REPORT_STAGES; i++)
		OR(w->funnel_hidden[i], p->funnel_hidden[i]);
	for (int i = 0; i < REPORT_ENDS; i++)
		OR(w->ended_hidden[i], p->ended_hidden[i]);
	for (int i = 0; i < REPORT_BINS; i++)
		OR(w->bins_hidden[i], p->bins_hidden[i] && p->bins[i] > 0);
	for (int j = 0; j < p->n_chapters; j++) {
		const struct report_chapter *pc = &p->chapters[j];
		for (int i = 0; i < w->n_chapters; i++) {
			struct report_chapter *c = &w->chapters[i];
			if (!strcmp(c->module, pc->module) && !strcmp(c->id, pc->id)) {
				OR(c->hidden, pc->hidden);
				OR(c->share_hidden, pc->share_hidden);
			}
		}
	}
	for (int j = 0; j < p->n_questions; j++) {
		const struct report_question *pq = &p->questions[j];
		for (int i = 0; i < w->n_questions; i++) {
			struct report_question *q = &w->questions[i];
			if (!strcmp(q->module, pq->module) && !strcmp(q->id, pq->id) &&
			    !strcmp(q->objective, pq->objective)) {
				OR(q->hidden, pq->hidden);
				OR(q->right_hidden, pq->right_hidden);
				OR(q->wrong_hidden, pq->wrong_hidden);
			}
		}
	}
	for (int j = 0; j < p->n_objectives; j++) {
		const struct report_objective *po = &p->objectives[j];
		for (int i = 0; i < w->n_objectives; i++) {
			struct report_objective *o = &w->objectives[i];
			if (!strcmp(o->module, po->module) && !strcmp(o->id, po->id)) {
				OR(o->hidden, po->hidden);
				OR(o->right_hidden, po->right_hidden);
			}
		}
	}
}

int report_build(struct report *r, const char *const *paths, int n, const char *lo, const char *hi,
                 int k)
{
	if (report_load(r, paths, n, lo[0] ? lo : NULL, hi) != 0)
		return -1;
	/* The months that hold sessions (days are sorted). */
	char months[600][8];
	int n_months = 0;
	for (int i = 0; i < r->n_days && n_months < 600; i++)
		if (n_months == 0 || strncmp(months[n_months - 1], r->days[i].key, 7))
			snprintf(months[n_months++], 8, "%.7s", r->days[i].key);
	if (n > 1 || n_months > 1) {
		for (int f = 0; f < n; f++) {
			for (int m = 0; m < n_months; m++) {
				int y = atoi(months[m]), mo = atoi(months[m] + 5);
				char first[11], last[11];
				snprintf(first, sizeof first, "%s-01", months[m]);
				snprintf(last, sizeof last, "%s-%02d", months[m],
				         month_days(y, mo));
				struct report part;
				if (report_load_stats(&part, &paths[f], 1, first, last) != 0) {
					report_free(&part);
					return -1;
				}
				if (part.total.sessions > 0) {
					report_suppress(&part, k);
					mark(r, &part);
				}
				report_free(&part);
			}
		}
	}
	report_suppress(r, k);
	return 0;
}
