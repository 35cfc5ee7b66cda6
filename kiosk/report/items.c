/* Item analysis, as Moodle's quiz statistics: per question the facility
 * index (% right), the discrimination (correlation of the item with the
 * rest of the score) and the share of each choice, with flags for the
 * questions to rewrite, which come first.
 *
 * Privacy (PRIVACY.md « Le bruit »): every count and sum of an item is
 * published perturbed (core/cellkey.h) and the statistics are computed
 * from the published values; the discrimination is masked below K
 * published finished quizzes. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/cellkey.h"
#include "report/report.h"

/* Measures of cellkey_sum() for the item sums (hide.c uses 1-3). */
enum { ITEM_SUM_REST = 4, ITEM_SUM_CROSS, ITEM_SUM_REST_SQ };

static double correlation(const struct report_item *it, bool *known)
{
	double n = (double)it->n;
	*known = false;
	if (n < 2)
		return 0;
	double mx = (double)it->x / n, mr = (double)it->r / n;
	double cov = (double)it->xr / n - mx * mr;
	double vx = mx * (1 - mx), vr = (double)it->rr / n - mr * mr;
	if (vx <= 1e-12 || vr <= 1e-12)
		return 0; /* everyone right (or wrong), or the same rest score */
	*known = true;
	return cov / sqrt(vx * vr);
}

/* Lower first: the questions to rewrite. */
static int tier(const struct report_item *it)
{
	if (it->hidden)
		return 4;
	if (it->flags & ITEM_NEGATIVE)
		return 0;
	if (it->flags & (ITEM_WEAK | ITEM_TOO_HARD))
		return 1;
	if (it->flags)
		return 2;
	return 3;
}

static int by_priority(const void *pa, const void *pb)
{
	const struct report_item *a = pa, *b = pb;
	int ta = tier(a), tb = tier(b);
	if (ta != tb)
		return ta < tb ? -1 : 1;
	bool ka = a->disc_known && !a->disc_hidden, kb = b->disc_known && !b->disc_hidden;
	if (ka != kb)
		return ka ? -1 : 1;
	if (ka && a->disc != b->disc)
		return a->disc < b->disc ? -1 : 1;
	double fa = report_pct(a->right, a->answered), fb = report_pct(b->right, b->answered);
	if (fa != fb)
		return fa < fb ? -1 : 1;
	int m = strcmp(a->module, b->module);
	return m ? m : strcmp(a->id, b->id);
}

void report_suppress_raw(struct report *r, int k)
{
	for (int i = 0; i < r->n_items; i++) {
		struct report_item *it = &r->items[i];
		long long answered = it->answered;
		it->answered = cellkey_count(answered, cellkey_fold(it->keys.answered));
		it->right = report_part(it->right, it->keys.right, answered);
		for (int c = 0; c < REPORT_CHOICES; c++) {
			it->by_choice[c] =
			    report_part(it->by_choice[c], it->keys.by_choice[c], answered);
			it->choice_hidden[c] = false;
		}
		/* The correlation from published sums: n and x are counts,
		 * the rest sums get their own noise (a rest score is at most
		 * the number of questions, CONTENT_MAX_QUESTIONS). */
		long long n = it->n;
		uint32_t kn = cellkey_fold(it->keys.n);
		it->n = cellkey_count(n, kn);
		it->x = report_part(it->x, it->keys.x, n);
		it->r = cellkey_sum(it->r, n, it->n, kn, ITEM_SUM_REST, 64);
		it->xr = cellkey_sum(it->xr, n, it->n, kn, ITEM_SUM_CROSS, 64);
		it->rr = cellkey_sum(it->rr, n, it->n, kn, ITEM_SUM_REST_SQ, 64 * 64);
		it->hidden = false;
	}
	report_items_analyse(r, k);
}

void report_items_analyse(struct report *r, int k)
{
	for (int i = 0; i < r->n_items; i++) {
		struct report_item *it = &r->items[i];
		it->disc = correlation(it, &it->disc_known);
		/* A correlation over a handful of quizzes says more about those
		 * few than about the question. */
		it->disc_hidden = it->n < k;
		if (it->disc > 1)
			it->disc = 1;
		if (it->disc < -1)
			it->disc = -1;
		it->flags = 0;
		if (it->answered == 0)
			continue;
		double facility = report_pct(it->right, it->answered);
		if (facility > 90)
			it->flags |= ITEM_TOO_EASY;
		if (facility < 30)
			it->flags |= ITEM_TOO_HARD;
		/* One flag per finding: a negative discrimination is not also
		 * "weak" (its verdict and its CSV/JSON flags say it once). */
		if (it->disc_known && !it->disc_hidden && it->disc < 0.2)
			it->flags |= it->disc < 0 ? ITEM_NEGATIVE : ITEM_WEAK;
	}
	if (r->n_items > 1)
		qsort(r->items, (size_t)r->n_items, sizeof *r->items, by_priority);
}
