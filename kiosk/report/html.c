/* HTML: one self-contained page (no network, no script, no web font), the
 * charts drawn as inline SVG. Printable on A4, readable on a phone: the
 * SVGs scale with their viewBox and the tables scroll sideways. */
#include <stdlib.h>
#include <string.h>

#include "report/report.h"

#define HIDDEN "masqué"

static const char style[] =
    "<style>\n"
    ":root{--ink:#1f2937;--muted:#6b7280;--bar:#2563eb;--bar2:#0d9488;--line:#e5e7eb}\n"
    "*{box-sizing:border-box}\n"
    "body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,'DejaVu Sans',sans-serif;"
    "color:var(--ink);margin:0 auto;max-width:60rem;padding:1rem;line-height:1.4;background:#fff}\n"
    "h1{font-size:1.5rem;margin:.2rem 0}h2{font-size:1.15rem;margin:1.6rem 0 .5rem;"
    "border-bottom:2px solid var(--line);padding-bottom:.2rem}\n"
    ".meta,.note{color:var(--muted);font-size:.9rem}\n"
    ".t{color:var(--muted);font-size:.85rem;text-align:left;white-space:normal}\n"
    ".cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(10.5rem,1fr));gap:.6rem;"
    "margin:1rem 0}\n"
    ".card{border:1px solid var(--line);border-radius:.5rem;padding:.6rem .8rem}\n"
    ".card b{display:block;font-size:1.35rem;white-space:nowrap}.card "
    "span{color:var(--muted);font-size:.85rem}\n"
    ".grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(22rem,1fr));gap:1rem}\n"
    "figure{margin:0;border:1px solid var(--line);border-radius:.5rem;padding:.6rem;"
    "break-inside:avoid}\n"
    "figcaption{font-weight:600;margin-bottom:.3rem}\n"
    "svg{width:100%;height:auto;display:block}\n"
    "svg text{font-family:inherit;font-size:13px;fill:var(--ink)}\n"
    ".scroll{overflow-x:auto}\n"
    "table{border-collapse:collapse;width:100%;font-size:.9rem;break-inside:auto}\n"
    "th,td{padding:.25rem .5rem;border-bottom:1px solid var(--line);text-align:right;"
    "white-space:nowrap}\n"
    "th:first-child,td:first-child{text-align:left}th{background:#f3f4f6}\n"
    "td.h{color:var(--muted);font-style:italic}td.l{text-align:left;white-space:normal}\n"
    "tr.bad td{background:#fef2f2}tr.warn td{background:#fffbeb}\n"
    "svg.choices{width:12rem;height:auto;display:inline-block}"
    "table.items td:nth-child(2){min-width:15rem}\n"
    "@media print{@page{size:A4;margin:14mm}body{max-width:none;padding:0;font-size:10pt}"
    "h2{break-after:avoid}.grid{grid-template-columns:1fr 1fr}.scroll{overflow:visible}"
    "tr,figure,.card{break-inside:avoid}th,td{white-space:normal}"
    "tr.bad td,tr.warn td,th{-webkit-print-color-adjust:exact;print-color-adjust:exact}}\n"
    "</style>\n";

static const char defs[] =
    "<svg width='0' height='0' style='position:absolute' aria-hidden='true'><defs>"
    "<pattern id='hatch' width='6' height='6' patternUnits='userSpaceOnUse' "
    "patternTransform='rotate(45)'><rect width='6' height='6' fill='#f3f4f6'/>"
    "<line x1='0' y1='0' x2='0' y2='6' stroke='#9ca3af' stroke-width='2'/></pattern>"
    "</defs></svg>\n";

/* Ids, days and languages only hold [a-z0-9._-], but escaping costs
 * nothing and keeps the page safe if that ever changes. */
void html_esc(FILE *f, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '<': fputs("&lt;", f); break;
		case '>': fputs("&gt;", f); break;
		case '&': fputs("&amp;", f); break;
		case '\'': fputs("&#39;", f); break;
		case '"': fputs("&quot;", f); break;
		default: fputc(*s, f);
		}
	}
}

static void td_num(FILE *f, const char *m, bool hidden, long long n)
{
	if (hidden)
		fputs("<td class='h'>" HIDDEN "</td>", f);
	else
		fprintf(f, "<td>%s%lld</td>", m, n);
}

static void td_ratio(FILE *f, const char *m, bool hidden, double a, double b, double scale,
                     const char *unit)
{
	if (hidden)
		fputs("<td class='h'>" HIDDEN "</td>", f);
	else if (b <= 0)
		fputs("<td>—</td>", f);
	else {
		char n[REPORT_NUM];
		fprintf(f, "<td>%s%s%s</td>", m, report_num(n, scale * a / b, 1, true), unit);
	}
}

struct bar {
	char label[40];
	double value; /* 0..max */
	char text[40];
	bool hidden;
};

/* Horizontal bars: one row per item, the label on the left. */
static void hbars(FILE *f, const char *id, const char *caption, const struct bar *b, int n,
                  double max, const char *color)
{
	/* room: the value on the right of its bar, « ≈ 3001 (100 %) » */
	const int row = 26, left = 215, width = 540, room = 130;
	fprintf(f, "<figure><figcaption>%s</figcaption>\n", caption);
	fprintf(f, "<svg id='%s' class='chart' viewBox='0 0 %d %d' role='img' aria-label='%s'>\n",
	        id, width, n * row + 8, caption);
	for (int i = 0; i < n; i++) {
		int y = 4 + i * row;
		double w = b[i].hidden || max <= 0 ? width - left - room
		                                   : (width - left - room) * b[i].value / max;
		fprintf(f, "<text x='%d' y='%d' text-anchor='end'>", left - 6, y + 17);
		html_esc(f, b[i].label);
		fprintf(f, "</text><rect x='%d' y='%d' width='%.1f' height='%d' rx='3' fill='%s'/>",
		        left, y + 3, w < 1 && !b[i].hidden ? 1 : w, row - 8,
		        b[i].hidden ? "url(#hatch)" : color);
		fprintf(f, "<text x='%.1f' y='%d'>%s</text>\n",
		        b[i].hidden ? left + 6.0 : left + (w < 1 ? 1 : w) + 5, y + 17,
		        b[i].hidden ? HIDDEN : b[i].text);
	}
	fputs("</svg></figure>\n", f);
}

/* Vertical bars along an axis (score bins, days). */
static void vbars(FILE *f, const char *id, const char *caption, const struct bar *b, int n,
                  double max, const char *color, int label_every)
{
	const int width = 430, height = 200, left = 52, bottom = 30, top = 18;
	double slot = (double)(width - left - 6) / (n > 0 ? n : 1);
	fprintf(f, "<figure><figcaption>%s</figcaption>\n", caption);
	fprintf(f, "<svg id='%s' class='chart' viewBox='0 0 %d %d' role='img' aria-label='%s'>\n",
	        id, width, height, caption);
	int plot = height - bottom - top;
	fprintf(f, "<line x1='%d' y1='%d' x2='%d' y2='%d' stroke='#9ca3af'/>\n", left, top + plot,
	        width - 4, top + plot);
	fprintf(f, "<text x='%d' y='%d' text-anchor='end'>%.0f</text>", left - 4, top + 4, max);
	fprintf(f, "<text x='%d' y='%d' text-anchor='end'>0</text>\n", left - 4, top + plot);
	for (int i = 0; i < n; i++) {
		double h = b[i].hidden || max <= 0 ? plot * 0.15 : plot * b[i].value / max;
		double x = left + i * slot + slot * 0.1;
		fprintf(f, "<rect x='%.1f' y='%.1f' width='%.1f' height='%.1f' fill='%s'><title>",
		        x, top + plot - h, slot * 0.8, h, b[i].hidden ? "url(#hatch)" : color);
		html_esc(f, b[i].label);
		fprintf(f, " : %s</title></rect>", b[i].hidden ? HIDDEN : b[i].text);
		if (i % label_every == 0) {
			fprintf(f, "<text x='%.1f' y='%d' text-anchor='middle'>", x + slot * 0.4,
			        height - bottom + 16);
			html_esc(f, b[i].label);
			fputs("</text>", f);
		}
		if (n <= 12 && !b[i].hidden)
			fprintf(f, "<text x='%.1f' y='%.1f' text-anchor='middle'>%s</text>",
			        x + slot * 0.4, top + plot - h - 3, b[i].text);
		fputc('\n', f);
	}
	fputs("</svg></figure>\n", f);
}

static void group_table(const struct report *r, FILE *f, const char *title, const char *first,
                        const struct report_group *g, int n, bool labels)
{
	const char *m = report_approx(r);
	fprintf(f,
	        "<h2>%s</h2><div class='scroll'><table><tr><th>%s</th><th>Sessions</th>"
	        "<th>Achèvement</th><th>Réussite</th><th>Score moyen</th><th>Durée moyenne "
	        "(min)</th></tr>\n",
	        title, first);
	for (int i = 0; i < n; i++) {
		const char *name = labels ? report_label_name(g[i].key) : NULL;
		if (name) {
			fprintf(f, "<tr><td><i>%s</i></td>", name);
		} else {
			fputs("<tr><td>", f);
			html_esc(f, g[i].key);
			fputs("</td>", f);
		}
		td_num(f, m, g[i].hidden, g[i].sessions);
		td_ratio(f, m, g[i].completion_hidden, (double)g[i].reached[4],
		         (double)g[i].sessions, 100, " %");
		td_ratio(f, m, g[i].pass_hidden, (double)g[i].passed, (double)g[i].quiz_taken, 100,
		         " %");
		td_ratio(f, m, report_avg_score_hidden(&g[i]), (double)g[i].score_sum,
		         (double)g[i].quiz_taken, 1, "");
		td_ratio(f, m, report_avg_duration_hidden(&g[i]), (double)g[i].duration_sum,
		         (double)g[i].sessions, 1.0 / 60, "");
		fputs("</tr>\n", f);
	}
	fputs("</table></div>\n", f);
}

static void card(FILE *f, bool hidden, const char *value, const char *label)
{
	fprintf(f, "<div class='card'><b>%s</b><span>%s</span></div>\n", hidden ? HIDDEN : value,
	        label);
}

static void charts(const struct report *r, FILE *f)
{
	const char *m = report_approx(r);
	const struct report_group *t = &r->total;
	struct bar b[REPORT_STAGES + REPORT_BINS];
	for (int i = 0; i < REPORT_STAGES; i++) {
		snprintf(b[i].label, sizeof b[i].label, "%s", report_stage_label(i));
		b[i].value = (double)t->reached[i];
		b[i].hidden = r->funnel_hidden[i];
		snprintf(b[i].text, sizeof b[i].text, "%s%lld (%.0f %%)", m, t->reached[i],
		         report_pct(t->reached[i], t->reached[0]));
	}
	fputs("<div class='grid'>\n", f);
	hbars(f, "chart-funnel", "Parcours : ce que les personnes ont fait", b, REPORT_STAGES,
	      (double)t->sessions, "var(--bar)");
	long long most = 0;
	for (int i = 0; i < REPORT_BINS; i++)
		if (!r->bins_hidden[i] && r->bins[i] > most)
			most = r->bins[i];
	for (int i = 0; i < REPORT_BINS; i++) {
		snprintf(b[i].label, sizeof b[i].label, "%d", 10 * i);
		b[i].value = (double)r->bins[i];
		b[i].hidden = r->bins_hidden[i];
		snprintf(b[i].text, sizeof b[i].text, "%s%lld", m, r->bins[i]);
	}
	vbars(f, "chart-scores", "Répartition des scores au quiz (sur 100)", b, REPORT_BINS,
	      (double)(most ? most : 1), "var(--bar2)", 1);
	fputs("</div>\n", f);
}

static void question_chart(const struct report *r, FILE *f)
{
	const char *m = report_approx(r);
	int n = r->n_questions;
	if (n == 0)
		return;
	struct bar *b = calloc((size_t)n, sizeof *b);
	int *order = calloc((size_t)n, sizeof *order);
	if (!b || !order) {
		free(b);
		free(order);
		return;
	}
	for (int i = 0; i < n; i++)
		order[i] = i;
	/* Worst first: the questions to work on come at the top; hidden
	 * ones go last, they tell nothing. */
	for (int i = 1; i < n; i++)
		for (int j = i; j > 0; j--) {
			const struct report_question *a = &r->questions[order[j - 1]],
			                             *c = &r->questions[order[j]];
			double pa = a->right_hidden ? 1e9 : report_pct(a->right, a->answered);
			double pc = c->right_hidden ? 1e9 : report_pct(c->right, c->answered);
			if (pc >= pa)
				break;
			int tmp = order[j];
			order[j] = order[j - 1];
			order[j - 1] = tmp;
		}
	for (int i = 0; i < n; i++) {
		const struct report_question *q = &r->questions[order[i]];
		snprintf(b[i].label, sizeof b[i].label, "%.39s", q->id);
		b[i].value = report_pct(q->right, q->answered);
		b[i].hidden = q->right_hidden;
		snprintf(b[i].text, sizeof b[i].text, "%s%.0f %%", m, b[i].value);
	}
	hbars(f, "chart-questions", "Bonnes réponses par question (les plus difficiles d'abord)", b,
	      n, 100, "var(--bar)");
	free(b);
	free(order);
}

static void day_chart(const struct report *r, FILE *f)
{
	const char *m = report_approx(r);
	int n = r->n_days;
	if (n == 0)
		return;
	struct bar *b = calloc((size_t)n, sizeof *b);
	if (!b)
		return;
	long long most = 1;
	for (int i = 0; i < n; i++) {
		const struct report_group *d = &r->days[i];
		snprintf(b[i].label, sizeof b[i].label, "%s", d->key + (n > 1 ? 5 : 0));
		b[i].value = (double)d->sessions;
		b[i].hidden = d->hidden;
		snprintf(b[i].text, sizeof b[i].text, "%s%lld", m, d->sessions);
		if (!d->hidden && d->sessions > most)
			most = d->sessions;
	}
	vbars(f, "chart-days", "Sessions par jour", b, n, (double)most, "var(--bar2)",
	      n > 8 ? (n + 7) / 8 : 1);
	free(b);
}

static void page_head(const struct report *r, FILE *f)
{
	/* The module's title from --content, else its ids from the data. */
	const char *module_title = report_title(r);
	const char *name = module_title    ? module_title
	                   : r->modules[0] ? r->modules
	                                   : "(aucune session)";
	fputs("<!DOCTYPE html>\n<html lang='fr'><head><meta charset='utf-8'>\n"
	      "<meta name='viewport' content='width=device-width, initial-scale=1'>\n"
	      "<title>Statistiques « ",
	      f);
	html_esc(f, name);
	fputs(" »</title>\n", f);
	fputs(style, f);
	fputs("</head><body>\n", f);
	fputs(defs, f);
	fputs("<h1>Statistiques anonymes « ", f);
	html_esc(f, name);
	fputs(" »</h1>\n<p class='meta'>Période : ", f);
	html_esc(f, r->from[0] ? r->from : "début");
	fputs(" → ", f);
	html_esc(f, r->to[0] ? r->to : "aujourd'hui");
	fprintf(f, " · fichiers lus : %d · modules : ", r->n_files);
	html_esc(f, r->modules[0] ? r->modules : "aucun");
	if (r->n_batches > 0)
		fprintf(f, " · journées closes : %s → %s (%d lot%s d'au moins %d sessions)",
		        r->first_day, r->last_day, r->n_batches, r->n_batches > 1 ? "s" : "", r->k);
	if (r->perturbed)
		fprintf(f,
		        "</p>\n<p class='note'>Les chiffres marqués <b>≈</b> sont publiés avec un "
		        "écart de %d au plus, toujours le même, pour qu'aucun ne désigne une "
		        "personne ; une moyenne calculée sur moins de %d sessions est <i>" HIDDEN
		        "</i>.</p>\n",
		        r->max_dev, r->k);
	else
		fprintf(f,
		        "</p>\n<p class='note'>Tout chiffre calculé sur moins de %d sessions est "
		        "<i>" HIDDEN "</i> (barres hachurées), ainsi que les chiffres voisins qui "
		        "permettraient de le retrouver.</p>\n",
		        r->k);
}

static void cards(const struct report *r, FILE *f)
{
	const char *m = report_approx(r);
	const struct report_group *t = &r->total;
	char v[48], n[REPORT_NUM];
	fputs("<div class='cards'>\n", f);
	snprintf(v, sizeof v, "%s%lld", m, t->sessions);
	card(f, t->hidden, v, "sessions");
	/* One decimal, as in the tables and the other formats; « — » without
	 * a base. */
	if (t->sessions)
		snprintf(v, sizeof v, "%s%s %%", m,
		         report_num(n, report_pct(t->reached[4], t->sessions), 1, true));
	card(f, t->completion_hidden, t->sessions ? v : "—", "ont vu leur résultat");
	if (t->quiz_taken)
		snprintf(v, sizeof v, "%s%s %%", m,
		         report_num(n, report_pct(t->passed, t->quiz_taken), 1, true));
	card(f, t->pass_hidden, t->quiz_taken ? v : "—", "de réussite au quiz");
	if (t->quiz_taken)
		snprintf(v, sizeof v, "%s%s / 100", m,
		         report_num(n, (double)t->score_sum / (double)t->quiz_taken, 1, true));
	card(f, report_avg_score_hidden(t), t->quiz_taken ? v : "—", "score moyen");
	long long avg = t->sessions ? (t->duration_sum + t->sessions / 2) / t->sessions : 0;
	snprintf(v, sizeof v, "%s%lld min %02lld", m, avg / 60, avg % 60);
	card(f, report_avg_duration_hidden(t), t->sessions ? v : "—", "durée moyenne");
	fputs("</div>\n", f);
}

static void endings(const struct report *r, FILE *f)
{
	const char *m = report_approx(r);
	const struct report_group *t = &r->total;
	fputs("<h2>Fin des sessions</h2><div class='scroll'><table><tr><th>Fin</th>"
	      "<th>Sessions</th><th>Part</th></tr>\n",
	      f);
	for (int i = 0; i < REPORT_ENDS; i++) {
		fprintf(f, "<tr><td>%s</td>", report_end_label(i));
		td_num(f, m, r->ended_hidden[i], t->ended[i]);
		td_ratio(f, m, r->ended_hidden[i], (double)t->ended[i], (double)t->sessions, 100,
		         " %");
		fputs("</tr>\n", f);
	}
	fputs("</table></div>\n", f);
}

static void chapters(const struct report *r, FILE *f)
{
	const char *m = report_approx(r);
	const struct report_group *t = &r->total;
	fputs("<h2>Chapitres</h2><div class='scroll'><table><tr><th>Chapitre</th>"
	      "<th>Ouvert par</th><th>% des sessions</th><th>Vidéo vue (moyenne)</th></tr>\n",
	      f);
	for (int i = 0; i < r->n_chapters; i++) {
		const struct report_chapter *c = &r->chapters[i];
		fputs("<tr><td>", f);
		html_esc(f, c->id);
		const char *title = report_chapter_title(r, c->module, c->id);
		if (title) {
			fputs("<br><span class='t'>", f);
			html_esc(f, title);
			fputs("</span>", f);
		}
		fputs("</td>", f);
		td_num(f, m, c->hidden, c->seen);
		td_ratio(f, m, c->hidden || t->hidden, (double)c->seen, (double)t->sessions, 100,
		         " %");
		td_ratio(f, m, c->share_hidden, (double)c->share_sum, (double)c->video_started, 1,
		         " %");
		fputs("</tr>\n", f);
	}
	fputs("</table></div>\n", f);
}

/* The final quiz's questions with their objective, or the chapters'
 * questions with their chapter (by_chapter). */
static void questions(const struct report *r, FILE *f, const char *title,
                      const struct report_question *qs, int n_qs, bool by_chapter)
{
	const char *m = report_approx(r);
	fprintf(f,
	        "<h2>%s</h2><div class='scroll'><table><tr><th>Question</th>"
	        "<th>%s</th><th>Réponses</th><th>%% juste</th><th>Erreur la plus "
	        "fréquente</th></tr>\n",
	        title, by_chapter ? "Chapitre" : "Objectif");
	for (int i = 0; i < n_qs; i++) {
		const struct report_question *q = &qs[i];
		fputs("<tr><td>", f);
		html_esc(f, q->id);
		const char *text = report_question_text(r, q->module, q->id);
		if (text) {
			fputs("<br><span class='t'>", f);
			html_esc(f, text);
			fputs("</span>", f);
		}
		fputs("</td><td class='l'>", f);
		const char *label = by_chapter ? report_chapter_title(r, q->module, q->chapter)
		                               : report_objective_label(r, q->module, q->objective);
		html_esc(f, label ? label : by_chapter ? q->chapter : q->objective);
		fputs("</td>", f);
		td_num(f, m, q->hidden, q->answered);
		td_ratio(f, m, q->right_hidden, (double)q->right, (double)q->answered, 100, " %");
		if (q->wrong_hidden)
			fputs("<td class='h'>" HIDDEN "</td>", f);
		else if (q->top_wrong < 0)
			fputs("<td>aucune erreur</td>", f);
		else {
			char n[REPORT_NUM];
			fprintf(f, "<td>réponse %c (%s%s %% des erreurs)",
			        report_choice_letter(q->top_wrong), m,
			        report_num(n,
			                   report_pct(q->wrong_by_choice[q->top_wrong], q->wrong),
			                   1, true));
			const char *wrong = report_choice_text(r, q->module, q->id, q->top_wrong);
			if (wrong) {
				fputs("<br><span class='t'>« ", f);
				html_esc(f, wrong);
				fputs(" »</span>", f);
			}
			fputs("</td>", f);
		}
		fputs("</tr>\n", f);
	}
	fputs("</table></div>\n", f);
}

static void objectives(const struct report *r, FILE *f)
{
	const char *m = report_approx(r);
	fputs("<h2>Objectifs pédagogiques</h2><div class='scroll'><table><tr><th>Objectif</th>"
	      "<th>Questions</th><th>Réponses</th><th>% juste</th></tr>\n",
	      f);
	for (int i = 0; i < r->n_objectives; i++) {
		const struct report_objective *o = &r->objectives[i];
		fputs("<tr><td>", f);
		const char *olabel = report_objective_label(r, o->module, o->id);
		html_esc(f, olabel ? olabel : o->id);
		fprintf(f, "</td><td>%d</td>", o->n_questions);
		td_num(f, m, o->hidden, o->answered);
		td_ratio(f, m, o->right_hidden, (double)o->right, (double)o->answered, 100, " %");
		fputs("</tr>\n", f);
	}
	fputs("</table></div>\n", f);
}

static void page_foot(const struct report *r, FILE *f)
{
	(void)r;
	fputs("<p class='note'>Données anonymes : aucun nom, aucune heure, aucun "
	      "texte libre n'est enregistré. Voir PRIVACY.md.</p>\n</body></html>\n",
	      f);
}

/* One function per section, in page order. */
int report_html(const struct report *r, FILE *f)
{
	page_head(r, f);
	cards(r, f);
	charts(r, f);
	fputs("<div class='grid'>\n", f);
	question_chart(r, f);
	day_chart(r, f);
	fputs("</div>\n", f);

	group_table(r, f, "Par jour", "Jour", r->days, r->n_days, false);
	group_table(r, f, "Par langue", "Langue", r->langs, r->n_langs, false);
	group_table(r, f, "Par borne", "Borne", r->kiosks, r->n_kiosks, false);
	group_table(r, f, "Par journée (étiquette choisie par le formateur)", "Étiquette",
	            r->labels, r->n_labels, true);
	endings(r, f);
	chapters(r, f);
	questions(r, f, "Questions des chapitres (première réponse, à la fin du chapitre)",
	          r->chapter_questions, r->n_chapter_questions, true);
	questions(r, f, "Questions du quiz", r->questions, r->n_questions, false);
	objectives(r, f);
	report_items_html(r, f);
	page_foot(r, f);
	return ferror(f) ? -1 : 0;
}
