/* Publishing a report (statistics v2, PRIVACY.md « Le bruit »): every count
 * is replaced by its perturbed value (core/cellkey.h), every sum too, from
 * the key sums the loader gathered; rates, averages and item statistics are
 * then computed by the writers from these published values. Masks remain
 * only where noise cannot protect (report.h). */
#include <stdlib.h>
#include <string.h>

#include "core/cellkey.h"
#include "report/report.h"

/* Measures of cellkey_sum(): one per kind of sum, so that two sums of one
 * cell get independent deviations. */
enum { SUM_SCORE = 1, SUM_DURATION, SUM_SHARE, SUM_REST, SUM_CROSS, SUM_REST_SQ };

static long long pub(long long n, long long key)
{
	return cellkey_count(n, cellkey_fold(key));
}

/* A part of a group (passed of those who took the quiz...) is published at
 * most as large as the group: whoever knows the group's size would
 * otherwise read "all of them" in a part pushed 2 above it (PRIVACY.md:
 * with the cap, every published part is reachable from a true value
 * strictly between 0 and the size once size >= K; tests/unit/test_cellkey.c
 * checks every case). */
long long report_part(long long n, long long key, long long whole)
{
	long long v = pub(n, key);
	return v > whole ? whole : v;
}

static void publish_group(struct report_group *g, int k)
{
	long long n = g->sessions, taken = g->quiz_taken, touched = g->reached[0];
	g->sessions = pub(n, g->keys.sessions);
	g->reached[0] = pub(touched, g->keys.reached[0]);
	for (int i = 1; i < REPORT_STAGES; i++)
		g->reached[i] = report_part(g->reached[i], g->keys.reached[i], n);
	for (int i = 0; i < REPORT_ENDS; i++)
		g->ended[i] = report_part(g->ended[i], g->keys.ended[i], n);
	g->quiz_taken = report_part(taken, g->keys.quiz_taken, n);
	g->passed = report_part(g->passed, g->keys.passed, taken);
	g->score_sum = cellkey_sum(g->score_sum, taken, g->quiz_taken,
	                           cellkey_fold(g->keys.quiz_taken), SUM_SCORE, 100);
	g->duration_sum = cellkey_sum(g->duration_sum, n, g->sessions,
	                              cellkey_fold(g->keys.sessions), SUM_DURATION, 14400);
	g->hidden = g->quiz_hidden = g->completion_hidden = false;
	g->pass_hidden = false; /* no quiz at all: the writers say « — » */
	/* An average over one or two people is close to their values,
	 * whatever the noise on its sum: shown from K published on. */
	g->avg_hidden = g->quiz_taken < k;
}

static void publish_groups(struct report_group *g, int n, int k)
{
	for (int i = 0; i < n; i++)
		publish_group(&g[i], k);
}

/* A question's counts, and its most chosen wrong answer among the
 * published ones; final quiz and chapter questions alike. */
static void publish_question(struct report_question *q)
{
	q->answered = pub(q->answered, q->keys.answered);
	q->right = pub(q->right, q->keys.right);
	q->wrong = pub(q->wrong, q->keys.wrong);
	q->top_wrong = -1;
	for (int c = 0; c < REPORT_CHOICES; c++) {
		q->wrong_by_choice[c] = pub(q->wrong_by_choice[c], q->keys.wrong_by_choice[c]);
		if (q->wrong_by_choice[c] > 0 &&
		    (q->top_wrong < 0 || q->wrong_by_choice[c] > q->wrong_by_choice[q->top_wrong]))
			q->top_wrong = c;
	}
	q->hidden = q->right_hidden = q->wrong_hidden = false;
}

void report_suppress(struct report *r, int k)
{
	r->k = k;
	r->perturbed = true;
	r->max_dev = CELLKEY_MAX_DEV;
	long long sessions = r->total.sessions;
	r->left_early = pub(r->left_early, r->left_early_key);
	publish_group(&r->total, k);
	r->opened_chapter = r->total.reached[2];
	publish_groups(r->days, r->n_days, k);
	publish_groups(r->langs, r->n_langs, k);
	publish_groups(r->kiosks, r->n_kiosks, k);
	publish_groups(r->labels, r->n_labels, k);
	for (int i = 0; i < REPORT_STAGES; i++)
		r->funnel_hidden[i] = false;
	for (int i = 0; i < REPORT_ENDS; i++)
		r->ended_hidden[i] = false;
	long long taken = 0;
	for (int i = 0; i < REPORT_BINS; i++)
		taken += r->bins[i];
	for (int i = 0; i < REPORT_BINS; i++) {
		r->bins[i] = report_part(r->bins[i], r->bins_keys[i], taken);
		r->bins_hidden[i] = false;
	}
	for (int i = 0; i < r->n_chapters; i++) {
		struct report_chapter *c = &r->chapters[i];
		long long started = c->video_started;
		c->seen = report_part(c->seen, c->keys.seen, sessions);
		c->video_started = report_part(started, c->keys.video_started, sessions);
		c->share_sum = cellkey_sum(c->share_sum, started, c->video_started,
		                           cellkey_fold(c->keys.video_started), SUM_SHARE, 100);
		c->hidden = false;
		c->share_hidden = c->video_started < k;
	}
	for (int i = 0; i < r->n_questions; i++)
		publish_question(&r->questions[i]);
	for (int i = 0; i < r->n_chapter_questions; i++)
		publish_question(&r->chapter_questions[i]);
	for (int i = 0; i < r->n_objectives; i++) {
		struct report_objective *o = &r->objectives[i];
		long long answered = o->answered;
		o->answered = pub(answered, o->keys.answered);
		o->right = report_part(o->right, o->keys.right, answered);
		o->hidden = o->right_hidden = false;
	}
	report_suppress_raw(r, k);
}

double report_pct(long long part, long long whole)
{
	/* Published part and whole are perturbed apart: a part may come out
	 * above its whole, the rate never above 100 %. */
	if (whole <= 0)
		return 0.0;
	double p = 100.0 * (double)part / (double)whole;
	return p > 100.0 ? 100.0 : p < 0.0 ? 0.0 : p;
}

const char *report_stage_label(int stage)
{
	static const char *const labels[] = {"a touché l'écran", "a choisi sa langue",
	                                     "a ouvert au moins un chapitre", "a commencé le quiz",
	                                     "a vu son résultat"};
	return stage >= 0 && stage < REPORT_STAGES ? labels[stage] : "?";
}

const char *report_end_label(int end)
{
	static const char *const labels[] = {"terminées", "abandonnées", "expirées (inactivité)"};
	return end >= 0 && end < REPORT_ENDS ? labels[end] : "?";
}

char report_choice_letter(int choice)
{
	return choice >= 0 && choice < 26 ? (char)('A' + choice) : '?';
}
