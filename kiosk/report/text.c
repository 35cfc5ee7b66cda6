/* The readable text report (the default format), in French for trainers. */
#include <string.h>

#include "report/report.h"

#define HIDDEN "masqué"

static void cell(FILE *f, const char *s, int width, bool right)
{
	report_cell(f, s, width, right);
}

/* The width of a table's first column: its header or its longest id. */
static int widest(int width, const char *s)
{
	int w = report_width(s);
	return w > width ? w : width;
}

static const char *pct(const char *m, char *buf, bool hidden, long long part, long long whole)
{
	if (hidden)
		return HIDDEN;
	if (whole <= 0)
		return "—";
	char n[REPORT_NUM];
	snprintf(buf, 32, "%s%s %%", m, report_num(n, report_pct(part, whole), 1, true));
	return buf;
}

static const char *num(const char *m, char *buf, bool hidden, long long n)
{
	if (hidden)
		return HIDDEN;
	snprintf(buf, 32, "%s%lld", m, n);
	return buf;
}

static const char *avg_score(const char *m, char *buf, bool hidden, long long sum, long long n)
{
	if (hidden)
		return HIDDEN;
	if (n <= 0)
		return "—";
	char v[REPORT_NUM];
	snprintf(buf, 32, "%s%s / 100", m, report_num(v, (double)sum / (double)n, 1, true));
	return buf;
}

static const char *minutes(const char *m, char *buf, bool hidden, long long seconds, long long n)
{
	if (hidden)
		return HIDDEN;
	if (n <= 0)
		return "—";
	long long s = (seconds + n / 2) / n;
	snprintf(buf, 32, "%s%lld min %02lld s", m, s / 60, s % 60);
	return buf;
}

static const char *group_name(const struct report_group *g, bool labels)
{
	const char *name = labels ? report_label_name(g->key) : NULL;
	return name ? name : g->key;
}

static void groups(const struct report *r, FILE *f, const char *title, const char *first,
                   const struct report_group *g, int n, bool labels)
{
	const char *m = report_approx(r);
	char a[32], b[32], c[32], d[32], e[32];
	int w = widest(12, first);
	for (int i = 0; i < n; i++)
		w = widest(w, group_name(&g[i], labels));
	fprintf(f, "\n%s\n", title);
	cell(f, first, w, false);
	fprintf(f, "  Sessions  Achèvement    Réussite    Score moyen  Durée moyenne\n");
	for (int i = 0; i < n; i++) {
		const struct report_group *x = &g[i];
		cell(f, group_name(x, labels), w, false);
		cell(f, num(m, a, x->hidden, x->sessions), 10, true);
		cell(f, pct(m, b, x->completion_hidden, x->reached[4], x->sessions), 12, true);
		cell(f, pct(m, c, x->pass_hidden, x->passed, x->quiz_taken), 12, true);
		cell(f, avg_score(m, d, report_avg_score_hidden(x), x->score_sum, x->quiz_taken),
		     15, true);
		cell(f, minutes(m, e, report_avg_duration_hidden(x), x->duration_sum, x->sessions),
		     15, true);
		fputc('\n', f);
	}
}

/* The module's title when --content gives it, else its ids from the data. */
static void header(const struct report *r, FILE *f)
{
	const char *title = report_title(r);
	if (title)
		fprintf(f, "Statistiques anonymes du module « %s »\n", title);
	else
		fprintf(f, "Statistiques anonymes du module %s\n",
		        r->modules[0] ? r->modules : "(aucune session)");
	fprintf(f, "Période : %s → %s   Fichiers lus : %d   Modules : %s\n",
	        r->from[0] ? r->from : "début", r->to[0] ? r->to : "aujourd'hui", r->n_files,
	        r->modules[0] ? r->modules : "aucun");
	if (r->n_batches > 0)
		fprintf(f, "Journées closes : %s → %s (%d lot%s d'au moins %d sessions)\n",
		        r->first_day, r->last_day, r->n_batches, r->n_batches > 1 ? "s" : "", r->k);
	if (r->perturbed)
		fprintf(
		    f,
		    "Confidentialité : les chiffres marqués ≈ sont publiés avec un écart de %d au\n"
		    "plus, toujours le même, pour qu'aucun ne désigne une personne ;\n"
		    "une moyenne calculée sur moins de %d sessions est « %s ».\n",
		    r->max_dev, r->k, HIDDEN);
	else
		fprintf(
		    f,
		    "Confidentialité : tout chiffre calculé sur moins de %d sessions est « %s »,\n"
		    "ainsi que les chiffres voisins qui permettraient de le retrouver.\n",
		    r->k, HIDDEN);
}

static void summary(const struct report *r, FILE *f)
{
	const char *m = report_approx(r);
	char a[32];
	const struct report_group *t = &r->total;
	fprintf(f, "\nSYNTHÈSE\n");
	fprintf(f, "  Sessions ........................ %s\n", num(m, a, t->hidden, t->sessions));
	fprintf(f, "  Taux d'achèvement (résultat vu) . %s\n",
	        pct(m, a, t->completion_hidden, t->reached[4], t->sessions));
	fprintf(f, "  Taux de réussite (quiz fini) .... %s\n",
	        pct(m, a, t->pass_hidden, t->passed, t->quiz_taken));
	fprintf(f, "  Score moyen au quiz ............. %s\n",
	        avg_score(m, a, report_avg_score_hidden(t), t->score_sum, t->quiz_taken));
	fprintf(f, "  Durée moyenne d'une session ..... %s\n",
	        minutes(m, a, report_avg_duration_hidden(t), t->duration_sum, t->sessions));
	char h[REPORT_NUM];
	if (t->hidden)
		fprintf(f, "  Temps total passé ............... %s\n", HIDDEN);
	else
		fprintf(f, "  Temps total passé ............... %s%s h\n", m,
		        report_num(h, (double)t->duration_sum / 3600.0, 1, true));
}

static void funnel(const struct report *r, FILE *f)
{
	const char *m = report_approx(r);
	char a[32], b[32];
	const struct report_group *t = &r->total;
	fprintf(f, "\nPARCOURS (combien ont fait chaque étape)\n");
	for (int i = 0; i < REPORT_STAGES; i++) {
		fputs("  ", f);
		cell(f, report_stage_label(i), 30, false);
		cell(f, num(m, a, r->funnel_hidden[i], t->reached[i]), 10, true);
		cell(f, pct(m, b, r->funnel_hidden[i], t->reached[i], t->reached[0]), 12, true);
		fputc('\n', f);
	}
}

static void endings(const struct report *r, FILE *f)
{
	const char *m = report_approx(r);
	char a[32], b[32];
	const struct report_group *t = &r->total;
	fprintf(f, "\nFIN DES SESSIONS\n");
	for (int i = 0; i < REPORT_ENDS; i++) {
		fputs("  ", f);
		cell(f, report_end_label(i), 24, false);
		cell(f, num(m, a, r->ended_hidden[i], t->ended[i]), 10, true);
		cell(f, pct(m, b, r->ended_hidden[i], t->ended[i], t->sessions), 12, true);
		fputc('\n', f);
	}
}

static void chapters(const struct report *r, FILE *f)
{
	const char *m = report_approx(r);
	char a[32], b[32];
	const struct report_group *t = &r->total;
	int w = 20;
	for (int i = 0; i < r->n_chapters; i++)
		w = widest(w, r->chapters[i].id);
	fputs("\nCHAPITRES\n  ", f);
	cell(f, "Chapitre", w, false);
	fputs("  Ouvert par  % des sessions  Vidéo vue (moy.)\n", f);
	for (int i = 0; i < r->n_chapters; i++) {
		const struct report_chapter *c = &r->chapters[i];
		fputs("  ", f);
		cell(f, c->id, w, false);
		cell(f, num(m, a, c->hidden, c->seen), 12, true);
		cell(f, pct(m, b, c->hidden || t->hidden, c->seen, t->sessions), 16, true);
		cell(f, pct(m, a, c->share_hidden, c->share_sum, 100 * c->video_started), 18, true);
		const char *title = report_chapter_title(r, c->module, c->id);
		if (title)
			fprintf(f, "  %s", title);
		fputc('\n', f);
	}
}

/* The final quiz's questions with their objective, or the chapters'
 * questions with their chapter (by_chapter). */
static void questions(const struct report *r, FILE *f, const char *title,
                      const struct report_question *qs, int n_qs, bool by_chapter)
{
	const char *m = report_approx(r);
	char a[32], b[32], n[REPORT_NUM];
	int wq = 10, wo = 20;
	for (int i = 0; i < n_qs; i++) {
		wq = widest(wq, qs[i].id);
		wo = widest(wo, by_chapter ? qs[i].chapter : qs[i].objective);
	}
	fprintf(f, "\n%s\n  ", title);
	cell(f, "Question", wq, false);
	fputs("  ", f);
	cell(f, by_chapter ? "Chapitre" : "Objectif", wo, false);
	fputs("  Réponses    % juste  Mauvaise réponse la plus choisie\n", f);
	for (int i = 0; i < n_qs; i++) {
		const struct report_question *q = &qs[i];
		fputs("  ", f);
		cell(f, q->id, wq, false);
		fputs("  ", f);
		cell(f, by_chapter ? q->chapter : q->objective, wo, false);
		cell(f, num(m, a, q->hidden, q->answered), 10, true);
		cell(f, pct(m, b, q->right_hidden, q->right, q->answered), 11, true);
		fputs("  ", f);
		if (q->wrong_hidden)
			fputs(HIDDEN, f);
		else if (q->top_wrong < 0)
			fputs("(aucune erreur)", f);
		else
			fprintf(
			    f, "%c (%s%s %% des erreurs)", report_choice_letter(q->top_wrong), m,
			    report_num(n, report_pct(q->wrong_by_choice[q->top_wrong], q->wrong), 1,
			               true));
		fputc('\n', f);
		const char *text = report_question_text(r, q->module, q->id);
		if (text)
			fprintf(f, "      « %s »\n", text);
		const char *wrong = !q->wrong_hidden && q->top_wrong >= 0
		                        ? report_choice_text(r, q->module, q->id, q->top_wrong)
		                        : NULL;
		if (wrong)
			fprintf(f, "      réponse %c : « %s »\n",
			        report_choice_letter(q->top_wrong), wrong);
	}
}

static void objectives(const struct report *r, FILE *f)
{
	const char *m = report_approx(r);
	char a[32], b[32];
	int w = 20;
	for (int i = 0; i < r->n_objectives; i++)
		w = widest(w, r->objectives[i].id);
	fputs("\nOBJECTIFS PÉDAGOGIQUES\n  ", f);
	cell(f, "Objectif", w, false);
	fputs("  Questions  Réponses    % juste\n", f);
	for (int i = 0; i < r->n_objectives; i++) {
		const struct report_objective *o = &r->objectives[i];
		fputs("  ", f);
		cell(f, o->id, w, false);
		fprintf(f, "%11d", o->n_questions);
		cell(f, num(m, a, o->hidden, o->answered), 10, true);
		cell(f, pct(m, b, o->right_hidden, o->right, o->answered), 11, true);
		const char *label = report_objective_label(r, o->module, o->id);
		if (label)
			fprintf(f, "  %s", label);
		fputc('\n', f);
	}
}

int report_text(const struct report *r, FILE *f)
{
	header(r, f);
	summary(r, f);
	groups(r, f, "PAR JOUR", "Jour", r->days, r->n_days, false);
	groups(r, f, "PAR LANGUE", "Langue", r->langs, r->n_langs, false);
	groups(r, f, "PAR BORNE", "Borne", r->kiosks, r->n_kiosks, false);
	groups(r, f, "PAR JOURNÉE (étiquette choisie par le formateur)", "Étiquette", r->labels,
	       r->n_labels, true);
	funnel(r, f);
	endings(r, f);
	chapters(r, f);
	questions(r, f, "QUESTIONS DES CHAPITRES (première réponse, à la fin du chapitre)",
	          r->chapter_questions, r->n_chapter_questions, true);
	questions(r, f, "QUESTIONS DU QUIZ", r->questions, r->n_questions, false);
	objectives(r, f);
	report_items_text(r, f);
	return ferror(f) ? -1 : 0;
}
