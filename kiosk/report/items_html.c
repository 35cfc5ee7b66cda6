/* The item analysis in the HTML report: one row per question, the ones to
 * rewrite first, each choice's share as a stacked bar (the right choices
 * in green), hidden figures hatched and named. */
#include <string.h>

#include "report/report.h"

/* A 200 x 18 bar: one segment per shown choice; hidden ones share the
 * rest, hatched, so no width gives a hidden share away. */
static void choice_bar(FILE *f, const struct report_item *it, int n_choices)
{
	static const char *const wrong[] = {"#f59e0b", "#ef4444", "#a855f7", "#64748b"};
	double x = 0, shown = 0;
	fputs("<svg class='choices' viewBox='0 0 200 18' role='img' aria-label='choix'>", f);
	for (int c = 0; c < n_choices; c++) {
		if (it->choice_hidden[c] || it->answered <= 0)
			continue;
		double w = 200.0 * (double)it->by_choice[c] / (double)it->answered;
		shown += w;
		fprintf(f,
		        "<rect x='%.1f' y='0' width='%.1f' height='18' fill='%s'><title>%c : %.0f "
		        "%%</title></rect>",
		        x, w, it->is_right[c] ? "#16a34a" : wrong[c % 4], report_choice_letter(c),
		        report_pct(it->by_choice[c], it->answered));
		if (w >= 16)
			fprintf(f,
			        "<text x='%.1f' y='13' text-anchor='middle' fill='#fff'>%c</text>",
			        x + w / 2, report_choice_letter(c));
		x += w;
	}
	if (shown < 199.9)
		fprintf(f, "<rect x='%.1f' y='0' width='%.1f' height='18' fill='url(#hatch)'/>", x,
		        200 - x);
	fputs("</svg>", f);
}

void report_items_html(const struct report *r, FILE *f)
{
	const char *m = report_approx(r);
	fprintf(
	    f,
	    "<h2 id='items'>Analyse des questions</h2>\n<p class='note'>Les questions à revoir "
	    "d'abord. <b>Facilité</b> : %% de bonnes réponses (trop facile au-dessus de 90 %%, "
	    "trop difficile sous 30 %%). <b>Discrimination</b> : corrélation entre la question et "
	    "le reste du score, sur les quiz terminés, de −1 à 1 ; sous 0,20 la question ne "
	    "distingue pas ceux qui maîtrisent le sujet, négative la bonne réponse est peut-être "
	    "mal choisie. Elle n'est calculée que si au moins %d personnes ont eu juste et %d "
	    "faux. En vert, la bonne réponse.</p>\n",
	    r->k, r->k);
	fputs("<div class='scroll'><table class='items'><tr><th>#</th><th>Question</th>"
	      "<th>Réponses</th><th>Facilité</th><th>Discrimination</th><th>Choix</th>"
	      "<th>Verdict</th></tr>\n",
	      f);
	for (int i = 0; i < r->n_items; i++) {
		const struct report_item *it = &r->items[i];
		const char *cls = it->hidden ? ""
		                  : it->flags & (ITEM_NEGATIVE | ITEM_WEAK | ITEM_TOO_HARD)
		                      ? " class='bad'"
		                  : it->flags ? " class='warn'"
		                              : "";
		fprintf(f, "<tr%s><td>%d</td><td style='text-align:left;white-space:normal'>", cls,
		        i + 1);
		html_esc(f, it->id);
		const char *text = report_question_text(r, it->module, it->id);
		if (text) {
			fputs("<br><span class='t'>", f);
			html_esc(f, text);
			fputs("</span>", f);
		}
		fputs("</td>", f);
		if (it->hidden) {
			fputs("<td class='h'>masqué</td><td class='h'>masqué</td><td "
			      "class='h'>masqué</td>"
			      "<td class='h'>masqué</td><td class='h'>masqué</td></tr>\n",
			      f);
			continue;
		}
		char n[REPORT_NUM];
		fprintf(f, "<td>%s%lld</td><td>%s%s %%</td>", m, it->answered, m,
		        report_num(n, report_pct(it->right, it->answered), 1, true));
		if (it->disc_hidden)
			fputs("<td class='h'>masqué</td>", f);
		else if (!it->disc_known)
			fputs("<td>—</td>", f);
		else
			fprintf(f, "<td>%s%s</td>", m, report_num(n, it->disc, 2, true));
		fputs("<td>", f);
		int n_choices = report_item_choices(r, it);
		choice_bar(f, it, n_choices);
		fputs("<br><span class='t'>", f);
		report_item_shares(r, it, n_choices, "✓", f);
		fprintf(f,
		        "</span></td><td style='text-align:left;white-space:normal'>%s</td></tr>\n",
		        report_item_verdict(it->flags));
	}
	fputs("</table></div>\n", f);
}
