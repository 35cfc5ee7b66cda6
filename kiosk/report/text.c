/* The readable text report (the default format), in French for trainers. */
#include <string.h>

#include "report/report.h"

#define HIDDEN "masqué"

/* printf widths count bytes; accented labels need code points. */
static void cell(FILE *f, const char *s, int width, bool right)
{
	int len = report_width(s);
	if (right)
		fprintf(f, "%*s%s", width > len ? width - len : 0, "", s);
	else
		fprintf(f, "%s%*s", s, width > len ? width - len : 0, "");
}

/* The width of a table's first column: its header or its longest id. */
static int widest(int width, const char *s)
{
	int w = report_width(s);
	return w > width ? w : width;
}

static const char *pct(char *buf, bool hidden, long long part, long long whole)
{
	if (hidden)
		return HIDDEN;
	if (whole <= 0)
		return "—";
	char n[REPORT_NUM];
	snprintf(buf, 24, "%s %%", report_num(n, report_pct(part, whole), 1, true));
	return buf;
}

static const char *num(char *buf, bool hidden, long long n)
{
	if (hidden)
		return HIDDEN;
	snprintf(buf, 24, "%lld", n);
	return buf;
}

static const char *avg_score(char *buf, bool hidden, long long sum, long long n)
{
	if (hidden)
		return HIDDEN;
	if (n <= 0)
		return "—";
	char v[REPORT_NUM];
	snprintf(buf, 24, "%s / 100", report_num(v, (double)sum / (double)n, 1, true));
	return buf;
}

static const char *minutes(char *buf, bool hidden, long long seconds, long long n)
{
	if (hidden)
		return HIDDEN;
	if (n <= 0)
		return "—";
	long long s = (seconds + n / 2) / n;
	snprintf(buf, 24, "%lld min %02lld s", s / 60, s % 60);
	return buf;
}

#define NO_LABEL "(sans étiquette)"

static const char *group_name(const struct report_group *g, bool labels)
{
	return labels && report_no_label(g->key) ? NO_LABEL : g->key;
}

static void groups(FILE *f, const char *title, const char *first, const struct report_group *g,
                   int n, bool labels)
{
	char a[24], b[24], c[24], d[24], e[24];
	int w = widest(12, first);
	for (int i = 0; i < n; i++)
		w = widest(w, group_name(&g[i], labels));
	fprintf(f, "\n%s\n", title);
	cell(f, first, w, false);
	fprintf(f, "  Sessions  Achèvement    Réussite    Score moyen  Durée moyenne\n");
	for (int i = 0; i < n; i++) {
		const struct report_group *x = &g[i];
		cell(f, group_name(x, labels), w, false);
		cell(f, num(a, x->hidden, x->sessions), 10, true);
		cell(f, pct(b, x->completion_hidden, x->reached[4], x->sessions), 12, true);
		cell(f, pct(c, x->pass_hidden, x->passed, x->quiz_taken), 12, true);
		cell(f, avg_score(d, x->quiz_hidden, x->score_sum, x->quiz_taken), 15, true);
		cell(f, minutes(e, x->hidden, x->duration_sum, x->sessions), 15, true);
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
	fprintf(f,
	        "Confidentialité : tout chiffre calculé sur moins de %d sessions est « %s »,\n"
	        "ainsi que les chiffres voisins qui permettraient de le retrouver.\n",
	        r->k, HIDDEN);
}

static void summary(const struct report *r, FILE *f)
{
	char a[24];
	const struct report_group *t = &r->total;
	fprintf(f, "\nSYNTHÈSE\n");
	fprintf(f, "  Sessions ........................ %s\n", num(a, t->hidden, t->sessions));
	fprintf(f, "  Taux d'achèvement (résultat vu) . %s\n",
	        pct(a, t->completion_hidden, t->reached[4], t->sessions));
	fprintf(f, "  Taux de réussite (quiz fini) .... %s\n",
	        pct(a, t->pass_hidden, t->passed, t->quiz_taken));
	fprintf(f, "  Score moyen au quiz ............. %s\n",
	        avg_score(a, t->quiz_hidden, t->score_sum, t->quiz_taken));
	fprintf(f, "  Durée moyenne d'une session ..... %s\n",
	        minutes(a, t->hidden, t->duration_sum, t->sessions));
	char h[REPORT_NUM];
	if (t->hidden)
		fprintf(f, "  Temps total passé ............... %s\n", HIDDEN);
	else
		fprintf(f, "  Temps total passé ............... %s h\n",
		        report_num(h, (double)t->duration_sum / 3600.0, 1, true));
}

static void funnel(const struct report *r, FILE *f)
{
	char a[24], b[24];
	const struct report_group *t = &r->total;
	fprintf(f, "\nPARCOURS (combien ont fait chaque étape)\n");
	for (int i = 0; i < REPORT_STAGES; i++) {
		fputs("  ", f);
		cell(f, report_stage_label(i), 30, false);
		cell(f, num(a, r->funnel_hidden[i], t->reached[i]), 8, true);
		cell(f, pct(b, r->funnel_hidden[i], t->reached[i], t->reached[0]), 10, true);
		fputc('\n', f);
	}
}

static void endings(const struct report *r, FILE *f)
{
	char a[24], b[24];
	const struct report_group *t = &r->total;
	fprintf(f, "\nFIN DES SESSIONS\n");
	for (int i = 0; i < REPORT_ENDS; i++) {
		fputs("  ", f);
		cell(f, report_end_label(i), 24, false);
		cell(f, num(a, r->ended_hidden[i], t->ended[i]), 8, true);
		cell(f, pct(b, r->ended_hidden[i], t->ended[i], t->sessions), 10, true);
		fputc('\n', f);
	}
}

static void chapters(const struct report *r, FILE *f)
{
	char a[24], b[24];
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
		cell(f, num(a, c->hidden, c->seen), 12, true);
		cell(f, pct(b, c->hidden || t->hidden, c->seen, t->sessions), 16, true);
		cell(f, pct(a, c->share_hidden, c->share_sum, 100 * c->video_started), 18, true);
		const char *title = report_chapter_title(r, c->module, c->id);
		if (title)
			fprintf(f, "  %s", title);
		fputc('\n', f);
	}
}

static void questions(const struct report *r, FILE *f)
{
	char a[24], b[24], n[REPORT_NUM];
	int wq = 10, wo = 20;
	for (int i = 0; i < r->n_questions; i++) {
		wq = widest(wq, r->questions[i].id);
		wo = widest(wo, r->questions[i].objective);
	}
	fputs("\nQUESTIONS DU QUIZ\n  ", f);
	cell(f, "Question", wq, false);
	fputs("  ", f);
	cell(f, "Objectif", wo, false);
	fputs("  Réponses  % juste  Mauvaise réponse la plus choisie\n", f);
	for (int i = 0; i < r->n_questions; i++) {
		const struct report_question *q = &r->questions[i];
		fputs("  ", f);
		cell(f, q->id, wq, false);
		fputs("  ", f);
		cell(f, q->objective, wo, false);
		cell(f, num(a, q->hidden, q->answered), 10, true);
		cell(f, pct(b, q->right_hidden, q->right, q->answered), 9, true);
		fputs("  ", f);
		if (q->wrong_hidden)
			fputs(HIDDEN, f);
		else if (q->top_wrong < 0)
			fputs("(aucune erreur)", f);
		else
			fprintf(f, "%c (%s %% des erreurs)", report_choice_letter(q->top_wrong),
			        report_num(n,
			                   report_pct(q->wrong_by_choice[q->top_wrong], q->wrong),
			                   1, true));
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
	char a[24], b[24];
	int w = 20;
	for (int i = 0; i < r->n_objectives; i++)
		w = widest(w, r->objectives[i].id);
	fputs("\nOBJECTIFS PÉDAGOGIQUES\n  ", f);
	cell(f, "Objectif", w, false);
	fputs("  Questions  Réponses  % juste\n", f);
	for (int i = 0; i < r->n_objectives; i++) {
		const struct report_objective *o = &r->objectives[i];
		fputs("  ", f);
		cell(f, o->id, w, false);
		fprintf(f, "%11d", o->n_questions);
		cell(f, num(a, o->hidden, o->answered), 10, true);
		cell(f, pct(b, o->right_hidden, o->right, o->answered), 9, true);
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
	groups(f, "PAR JOUR", "Jour", r->days, r->n_days, false);
	groups(f, "PAR LANGUE", "Langue", r->langs, r->n_langs, false);
	groups(f, "PAR BORNE", "Borne", r->kiosks, r->n_kiosks, false);
	groups(f, "PAR JOURNÉE (étiquette choisie par le formateur)", "Étiquette", r->labels,
	       r->n_labels, true);
	funnel(r, f);
	endings(r, f);
	chapters(r, f);
	questions(r, f);
	objectives(r, f);
	report_items_text(r, f);
	return ferror(f) ? -1 : 0;
}
