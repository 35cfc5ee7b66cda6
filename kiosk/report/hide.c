/* Applies small-cell suppression (core/suppress.h) to every figure of a
 * report. The figures of a row share its base, so a row is hidden as a
 * whole; quiz figures have their own, smaller base and are hidden on their
 * own too. Partitions (days, languages, ways of ending, score bins, the
 * questions of one objective) get secondary suppression. */
#include <stdlib.h>
#include <string.h>

#include "core/suppress.h"
#include "report/report.h"

/* part of whole is shown as a rate only when the part and the rest are
 * both empty or at least k: "87.5 % of 8" is 7, and says 1 did not. */
static bool rate_hidden(long long part, long long whole, int k)
{
	return suppress_small(part, k) || suppress_small(whole - part, k);
}

static void group_rates(struct report_group *g, int k)
{
	g->completion_hidden =
	    g->completion_hidden || g->hidden || rate_hidden(g->reached[4], g->sessions, k);
	g->pass_hidden =
	    g->pass_hidden || g->quiz_hidden || rate_hidden(g->passed, g->quiz_taken, k);
}

void report_hide_groups(struct report_group *g, int n, int k)
{
	if (n == 0)
		return;
	long long *base = calloc((size_t)n, sizeof *base);
	bool *hid = calloc((size_t)n, sizeof *hid);
	if (!base || !hid)
		abort();
	/* Flags already set (by report_consistent) stay set. */
	for (int i = 0; i < n; i++) {
		base[i] = g[i].sessions;
		hid[i] = g[i].hidden;
	}
	suppress_partition(base, hid, n, k);
	for (int i = 0; i < n; i++) {
		g[i].hidden = hid[i];
		base[i] = g[i].quiz_taken;
		hid[i] = hid[i] || g[i].quiz_hidden ||
		         suppress_small(g[i].sessions - g[i].quiz_taken, k);
	}
	suppress_partition(base, hid, n, k);
	for (int i = 0; i < n; i++)
		g[i].quiz_hidden = hid[i];
	for (int i = 0; i < n; i++)
		group_rates(&g[i], k);
	free(base);
	free(hid);
}

void report_suppress(struct report *r, int k)
{
	r->k = k;
	struct report_group *t = &r->total;
	t->hidden = t->hidden || suppress_total(t->sessions, k);
	t->quiz_hidden = t->quiz_hidden || t->hidden || suppress_total(t->quiz_taken, k) ||
	                 suppress_small(t->sessions - t->quiz_taken, k);
	group_rates(t, k);
	report_hide_groups(r->days, r->n_days, k);
	report_hide_groups(r->langs, r->n_langs, k);

	for (int i = 0; i < REPORT_STAGES; i++)
		r->funnel_hidden[i] = r->funnel_hidden[i] || t->hidden;
	suppress_chain(t->reached, r->funnel_hidden, REPORT_STAGES, k);
	for (int i = 0; i < REPORT_ENDS; i++)
		r->ended_hidden[i] = r->ended_hidden[i] || t->hidden;
	suppress_partition(t->ended, r->ended_hidden, REPORT_ENDS, k);
	for (int i = 0; i < REPORT_BINS; i++)
		r->bins_hidden[i] = r->bins_hidden[i] || t->quiz_hidden;
	suppress_partition(r->bins, r->bins_hidden, REPORT_BINS, k);
	/* The rate of sessions that saw their result is the funnel's last
	 * step: hidden with it. */
	t->completion_hidden = t->completion_hidden || r->funnel_hidden[REPORT_STAGES - 1];

	for (int i = 0; i < r->n_chapters; i++) {
		struct report_chapter *c = &r->chapters[i];
		/* "opened by 7 of 8" also says who did not: the rest is a cell. */
		c->hidden = c->hidden || t->hidden || suppress_small(c->seen, k) ||
		            suppress_small(t->sessions - c->seen, k);
		c->share_hidden =
		    c->share_hidden || c->hidden || suppress_small(c->video_started, k);
	}
	for (int i = 0; i < r->n_questions; i++) {
		struct report_question *q = &r->questions[i];
		q->hidden = q->hidden || suppress_small(q->answered, k);
		q->right_hidden =
		    q->right_hidden || q->hidden || rate_hidden(q->right, q->answered, k);
		/* Naming the wrong answer chosen by fewer than k people would
		 * tell the trainer what those few chose; its share of the
		 * errors is a rate like the others. */
		long long top = q->top_wrong >= 0 ? q->wrong_by_choice[q->top_wrong] : 0;
		q->wrong_hidden = q->wrong_hidden || q->hidden || suppress_small(q->wrong, k) ||
		                  rate_hidden(top, q->wrong, k);
	}
	/* An objective's % right sums its questions': if one question is
	 * hidden, the others of the objective must not give it away. */
	for (int o = 0; o < r->n_objectives; o++) {
		struct report_objective *ob = &r->objectives[o];
		ob->hidden = ob->hidden || suppress_small(ob->answered, k);
		ob->right_hidden =
		    ob->right_hidden || ob->hidden || rate_hidden(ob->right, ob->answered, k);
		int n = 0;
		long long base[64];
		bool hid[64];
		struct report_question *qs[64];
		for (int i = 0; i < r->n_questions && n < 64; i++) {
			struct report_question *q = &r->questions[i];
			if (strcmp(q->module, ob->module) == 0 &&
			    strcmp(q->objective, ob->id) == 0) {
				qs[n] = q;
				base[n] = q->answered;
				hid[n++] = q->hidden;
			}
		}
		suppress_partition(base, hid, n, k);
		for (int i = 0; i < n; i++) {
			if (hid[i] && !qs[i]->hidden)
				qs[i]->hidden = qs[i]->right_hidden = qs[i]->wrong_hidden = true;
		}
	}
	report_suppress_raw(r, k);
}

double report_pct(long long part, long long whole)
{
	return whole > 0 ? 100.0 * (double)part / (double)whole : 0.0;
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
