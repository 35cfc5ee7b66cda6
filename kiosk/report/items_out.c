/* The item analysis (report/items.c) in the text, CSV and JSON reports,
 * and what they share with the HTML one (items_html.c): the verdict and
 * the choices to list. */
#include <string.h>

#include "report/report.h"

/* With --content, the text and HTML reports also list the choices nobody
 * took (0 %): a distractor that never tempts anyone is worth rewriting. */
int report_item_choices(const struct report *r, const struct report_item *it)
{
	int n = it->n_choices;
	while (n < REPORT_CHOICES && report_choice_text(r, it->module, it->id, n))
		n++;
	return n;
}

const char *report_item_verdict(unsigned flags)
{
	if (flags & ITEM_NEGATIVE)
		return flags & ITEM_TOO_HARD
		           ? "à réécrire : trop difficile, discrimination négative"
		           : "à réécrire : discrimination négative (clé à vérifier)";
	if ((flags & ITEM_WEAK) && (flags & ITEM_TOO_HARD))
		return "à réécrire : trop difficile, peu discriminante";
	if ((flags & ITEM_WEAK) && (flags & ITEM_TOO_EASY))
		return "à revoir : trop facile, peu discriminante";
	if (flags & ITEM_WEAK)
		return "à revoir : peu discriminante";
	if (flags & ITEM_TOO_HARD)
		return "à revoir : trop difficile";
	if (flags & ITEM_TOO_EASY)
		return "à revoir : trop facile";
	return "correcte";
}

/* Machine-readable flags for CSV and JSON. */
static void flag_words(unsigned flags, char *buf, size_t size, char sep)
{
	static const struct {
		unsigned bit;
		const char *word;
	} w[] = {{ITEM_TOO_EASY, "too-easy"},
	         {ITEM_TOO_HARD, "too-hard"},
	         {ITEM_WEAK, "not-discriminating"},
	         {ITEM_NEGATIVE, "negative-discrimination"}};
	buf[0] = '\0';
	for (size_t i = 0; i < sizeof w / sizeof w[0]; i++)
		if (flags & w[i].bit)
			snprintf(buf + strlen(buf), size - strlen(buf), "%s%s",
			         buf[0] ? (char[]){sep, 0} : "", w[i].word);
}

void report_item_shares(const struct report *r, const struct report_item *it, int n_choices,
                        const char *right_mark, FILE *f)
{
	char n[REPORT_NUM];
	for (int c = 0; c < n_choices; c++) {
		fprintf(f, "%s%c%s ", c ? " · " : "", report_choice_letter(c),
		        it->is_right[c] ? right_mark : "");
		if (it->choice_hidden[c])
			fputs("masqué", f);
		else
			fprintf(f, "%s%s %%", report_approx(r),
			        report_num(n, report_pct(it->by_choice[c], it->answered), 1, true));
	}
}

/* The letters of the right choices: "B", "AC". */
static const char *right_letters(const struct report_item *it, char *buf, size_t size)
{
	size_t n = 0;
	for (int c = 0; c < it->n_choices && n + 1 < size; c++)
		if (it->is_right[c])
			buf[n++] = report_choice_letter(c);
	buf[n] = '\0';
	return buf;
}

void report_items_text(const struct report *r, FILE *f)
{
	fprintf(f,
	        "\nANALYSE DES QUESTIONS (les questions à revoir d'abord)\n"
	        "  Facilité : %% de bonnes réponses. Discrimination : corrélation entre la\n"
	        "  question et le reste du score, sur les quiz terminés (de -1 à 1 ; sous 0,20\n"
	        "  la question ne distingue pas ceux qui maîtrisent ; négative, la clé est\n"
	        "  peut-être fausse). Calculée seulement si au moins %d personnes ont eu juste\n"
	        "  et %d faux. * = bonne réponse.\n",
	        r->k, r->k);
	int w = 10;
	for (int i = 0; i < r->n_items; i++)
		if ((int)strlen(r->items[i].id) > w)
			w = (int)strlen(r->items[i].id);
	const char *m = report_approx(r);
	fprintf(f, "  %-*s    Réponses    Facilité  Discrim.  Choix\n", w, "Question");
	for (int i = 0; i < r->n_items; i++) {
		const struct report_item *it = &r->items[i];
		char n[REPORT_NUM], buf[48];
		fprintf(f, "  %-*s", w, it->id);
		if (it->hidden) {
			fputs("      masqué      masqué    masqué\n", f);
			continue;
		}
		snprintf(buf, sizeof buf, "%s%lld", m, it->answered);
		report_cell(f, buf, 12, true);
		snprintf(buf, sizeof buf, "%s%s %%", m,
		         report_num(n, report_pct(it->right, it->answered), 1, true));
		report_cell(f, buf, 12, true);
		if (it->disc_hidden)
			snprintf(buf, sizeof buf, "masqué");
		else if (!it->disc_known)
			snprintf(buf, sizeof buf, "—");
		else
			snprintf(buf, sizeof buf, "%s%s", m, report_num(n, it->disc, 2, true));
		report_cell(f, buf, 10, true);
		fputs("  ", f);
		report_item_shares(r, it, report_item_choices(r, it), "*", f);
		fprintf(f, "\n      → %s\n", report_item_verdict(it->flags));
		const char *text = report_question_text(r, it->module, it->id);
		if (text)
			fprintf(f, "      « %s »\n", text);
	}
}

/* Formula cells (= + - @ tab CR first) neutralised as in csv.c. */
static void csv_cell(FILE *f, char sep, const char *s, bool first)
{
	if (!first)
		fputc(sep, f);
	bool formula = s[0] && strchr("=+-@\t\r", s[0]);
	if (!formula && !strchr(s, sep) && !strchr(s, '"') && !strpbrk(s, "\r\n")) {
		fputs(s, f);
		return;
	}
	fputc('"', f);
	if (formula)
		fputc('\'', f);
	for (; *s; s++) {
		if (*s == '"')
			fputc('"', f);
		fputc(*s, f);
	}
	fputc('"', f);
}

static void csv_num(FILE *f, char sep, bool hidden, double v, const char *fmt)
{
	char buf[32];
	if (hidden) {
		csv_cell(f, sep, "masqué", false);
		return;
	}
	snprintf(buf, sizeof buf, fmt, v);
	char *dot = strchr(buf, '.');
	if (sep == ';' && dot)
		*dot = ',';
	/* A number of our own: "-0.56" is not a formula. */
	fputc(sep, f);
	fputs(buf, f);
}

void report_items_csv(const struct report *r, FILE *f, char sep)
{
	fprintf(f, "\r\nitems\r\n");
	const char *head = "rank,module,question,objective,answered,facility_pct,"
	                   "discrimination,flags,verdict,right_choices";
	for (const char *p = head; *p; p++)
		fputc(*p == ',' ? sep : *p, f);
	for (int c = 0; c < REPORT_CHOICES && c < 8; c++)
		fprintf(f, "%cchoice_%c_pct", sep, report_choice_letter(c));
	fputs("\r\n", f);
	for (int i = 0; i < r->n_items; i++) {
		const struct report_item *it = &r->items[i];
		char buf[128];
		fprintf(f, "%d", i + 1);
		csv_cell(f, sep, it->module, false);
		csv_cell(f, sep, it->id, false);
		csv_cell(f, sep, it->objective, false);
		csv_num(f, sep, it->hidden, (double)it->answered, "%.0f");
		csv_num(f, sep, it->hidden || it->answered == 0,
		        report_pct(it->right, it->answered), "%.1f");
		if (!it->disc_hidden && !it->disc_known)
			csv_cell(f, sep, "", false);
		else
			csv_num(f, sep, it->disc_hidden, it->disc, "%.2f");
		flag_words(it->flags, buf, sizeof buf, ' ');
		csv_cell(f, sep, it->hidden ? "masqué" : buf, false);
		csv_cell(f, sep, it->hidden ? "masqué" : report_item_verdict(it->flags), false);
		csv_cell(f, sep, it->hidden ? "masqué" : right_letters(it, buf, sizeof buf), false);
		for (int c = 0; c < REPORT_CHOICES && c < 8; c++) {
			if (c >= it->n_choices || it->hidden)
				csv_cell(f, sep, "", false);
			else
				csv_num(f, sep, it->choice_hidden[c],
				        report_pct(it->by_choice[c], it->answered), "%.1f");
		}
		fputs("\r\n", f);
	}
}

void report_items_json(const struct report *r, FILE *f)
{
	fputs(",\n  \"items\": [\n", f);
	for (int i = 0; i < r->n_items; i++) {
		const struct report_item *it = &r->items[i];
		char flags[128];
		fprintf(f, "    {\"rank\": %d, \"module\": ", i + 1);
		report_json_str(f, it->module);
		fputs(", \"question\": ", f);
		report_json_str(f, it->id);
		fputs(", \"objective\": ", f);
		report_json_str(f, it->objective);
		fprintf(f, ", \"suppressed\": %s, ", it->hidden ? "true" : "false");
		if (it->hidden) {
			fputs("\"answered\": null, \"facility_pct\": null, ", f);
		} else {
			fprintf(f, "\"answered\": %lld, ", it->answered);
			if (it->answered > 0)
				fprintf(f, "\"facility_pct\": %.1f, ",
				        report_pct(it->right, it->answered));
			else
				fputs("\"facility_pct\": null, ", f);
		}
		if (it->disc_hidden || !it->disc_known)
			fprintf(f, "\"discrimination\": null, \"discrimination_suppressed\": %s, ",
			        it->disc_hidden ? "true" : "false");
		else
			fprintf(f,
			        "\"discrimination\": %.2f, \"discrimination_suppressed\": false, ",
			        it->disc);
		flag_words(it->hidden ? 0 : it->flags, flags, sizeof flags, ',');
		fputs("\"flags\": [", f);
		for (char *p = flags, *e; *p; p = *e ? e + 1 : e) {
			e = strchr(p, ',');
			if (!e)
				e = p + strlen(p);
			fprintf(f, "%s\"%.*s\"", p == flags ? "" : ", ", (int)(e - p), p);
		}
		fputs("], \"verdict\": ", f);
		if (it->hidden) {
			fputs("null, \"right_choices\": null", f);
		} else {
			report_json_str(f, report_item_verdict(it->flags));
			fputs(", \"right_choices\": ", f);
			report_json_str(f, right_letters(it, flags, sizeof flags));
		}
		fputs(", \"choices\": [", f);
		for (int c = 0; c < (it->hidden ? 0 : it->n_choices); c++) {
			fprintf(f, "%s{\"choice\": \"%c\", \"right\": %s, ", c ? ", " : "",
			        report_choice_letter(c), it->is_right[c] ? "true" : "false");
			if (it->choice_hidden[c])
				fputs("\"share_pct\": null, \"suppressed\": true}", f);
			else
				fprintf(f, "\"share_pct\": %.1f, \"suppressed\": false}",
				        report_pct(it->by_choice[c], it->answered));
		}
		fprintf(f, "]}%s\n", i == r->n_items - 1 ? "" : ",");
	}
	fputs("  ]", f);
}
