/* The wording and order of the trainer's figures: see trainer_snap.h. */
#include "core/trainer_snap.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Worst first: a key that may be wrong, then what most get wrong, what
 * does not tell who knows, what everyone gets right; 4: nothing to fix. */
static int rank(unsigned flags)
{
	if (flags & SNAP_NEGATIVE)
		return 0;
	if (flags & SNAP_TOO_HARD)
		return 1;
	if (flags & SNAP_WEAK)
		return 2;
	if (flags & SNAP_TOO_EASY)
		return 3;
	return 4;
}

static int by_rank(const void *a, const void *b)
{
	const struct snap_question *x = a, *y = b;
	int d = (int)x->chapter - (int)y->chapter;
	if (!d)
		d = rank(x->flags) - rank(y->flags);
	return d ? d : x->order - y->order;
}

void trainer_snap_sort(struct trainer_snap *s)
{
	qsort(s->questions, (size_t)s->n_questions, sizeof s->questions[0], by_rank);
}

int trainer_snap_pct(long long part, long long whole)
{
	return whole > 0 ? (int)((100 * part + whole / 2) / whole) : 0;
}

void trainer_snap_count(const struct trainer_snap *s, long long n, char *out, size_t size)
{
	snprintf(out, size, "%s%lld", s->perturbed ? "≈ " : "", n);
}

const char *trainer_snap_verdict(unsigned flags)
{
	static const char *const words[] = {"les meilleurs s'y trompent plus (clé à vérifier)",
	                                    "trop difficile", "ne distingue pas qui sait",
	                                    "trop facile"};
	int r = rank(flags);
	return r < 4 ? words[r] : NULL;
}

static const char *const months[] = {"janvier",   "février", "mars",     "avril",
                                     "mai",       "juin",    "juillet",  "août",
                                     "septembre", "octobre", "novembre", "décembre"};

/* « 6 décembre » from YYYY-MM-DD; month_too false: « 6 ». */
static void day_words(const char *day, bool month_too, char *out, size_t size)
{
	int y, m, d;
	if (sscanf(day, "%4d-%2d-%2d", &y, &m, &d) != 3 || m < 1 || m > 12) {
		snprintf(out, size, "%s", day);
		return;
	}
	if (month_too)
		snprintf(out, size, "%d%s %s", d, d == 1 ? "er" : "", months[m - 1]);
	else
		snprintf(out, size, "%d%s", d, d == 1 ? "er" : "");
}

static void period_words(const struct trainer_snap *s, char *out, size_t size)
{
	char a[32], b[32];
	if (!s->have) {
		snprintf(out, size, "aucune journée close");
		return;
	}
	bool same_month = strncmp(s->first, s->last, 7) == 0;
	day_words(s->last, true, b, sizeof b);
	if (strcmp(s->first, s->last) == 0) {
		snprintf(out, size, "%s", b);
		return;
	}
	day_words(s->first, !same_month, a, sizeof a);
	snprintf(out, size, "du %s au %s", a, b);
}

/* « ≈ 12 (≈ 86 %) ». */
static void count_share(const struct trainer_snap *s, long long part, long long whole, char *out,
                        size_t size)
{
	char n[32];
	trainer_snap_count(s, part, n, sizeof n);
	snprintf(out, size, "%s (%s%d %%)", n, s->perturbed ? "≈ " : "",
	         trainer_snap_pct(part, whole));
}

void trainer_snap_lines(const struct trainer_snap *s, int k, struct snap_lines *out)
{
	memset(out, 0, sizeof *out);
	period_words(s, out->period, sizeof out->period);
	if (!s->have) {
		snprintf(out->sessions, sizeof out->sessions, "aucune");
		snprintf(out->finished, sizeof out->finished, "—");
		snprintf(out->passed, sizeof out->passed, "—");
		snprintf(out->score, sizeof out->score, "—");
		return;
	}
	char masked[48];
	snprintf(masked, sizeof masked, "masqué (moins de %d)", k);
	trainer_snap_count(s, s->sessions, out->sessions, sizeof out->sessions);
	if (s->finished_hidden)
		snprintf(out->finished, sizeof out->finished, "%s", masked);
	else
		count_share(s, s->finished, s->sessions, out->finished, sizeof out->finished);
	if (s->pass_hidden)
		snprintf(out->passed, sizeof out->passed, "%s", masked);
	else
		count_share(s, s->passed, s->quiz_taken, out->passed, sizeof out->passed);
	if (s->avg_hidden || s->quiz_taken <= 0) {
		snprintf(out->score, sizeof out->score, "%s", masked);
	} else {
		/* One decimal with a French comma, as the reports print it. */
		char num[32];
		snprintf(num, sizeof num, "%.1f", s->avg_score);
		char *dot = strchr(num, '.');
		if (dot)
			*dot = ',';
		snprintf(out->score, sizeof out->score, "%s%s / 100", s->perturbed ? "≈ " : "",
		         num);
	}
}

void trainer_snap_question(const struct trainer_snap *s, const struct snap_question *q,
                           const char *choice, char *rate, size_t rate_size, char *wrong,
                           size_t wrong_size)
{
	const char *approx = s->perturbed ? "≈ " : "";
	wrong[0] = '\0';
	if (q->hidden || q->answered <= 0) {
		snprintf(rate, rate_size, q->answered <= 0 ? "pas de réponse" : "masqué");
		return;
	}
	snprintf(rate, rate_size, "%s%d %% (%s%lld réponses)", approx,
	         trainer_snap_pct(q->right, q->answered), approx, q->answered);
	if (q->top_wrong >= 0 && q->top_wrong < 26 && q->top_wrong_n > 0)
		/* « (≈ 6) » kept on one line: a no-break space after « ≈ ». */
		snprintf(wrong, wrong_size, "erreur la plus choisie : %c%s%s%s (%s%lld)",
		         'A' + q->top_wrong, choice ? " «\u00a0" : "", choice ? choice : "",
		         choice ? "\u00a0»" : "", s->perturbed ? "≈\u00a0" : "", q->top_wrong_n);
}
