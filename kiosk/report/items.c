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
		it->answered = cellkey_count(it->answered, cellkey_fold(it->keys.answered));
		it->right = cellkey_count(it->right, cellkey_fold(it->keys.right));
		for (int c = 0; c < REPORT_CHOICES; c++) {
			it->by_choice[c] =
			    cellkey_count(it->by_choice[c], cellkey_fold(it->keys.by_choice[c]));
			it->choice_hidden[c] = false;
		}
		/* The correlation from published sums: n and x are counts,
		 * the rest sums get their own noise (a rest score is at most
		 * the number of questions, SESSION_MAX_ANSWERS). */
		long long n = it->n;
		uint32_t kn = cellkey_fold(it->keys.n);
		it->n = cellkey_count(n, kn);
		it->x = cellkey_count(it->x, cellkey_fold(it->keys.x));
		it->r = cellkey_sum(it->r, n, it->n, kn, ITEM_SUM_REST, 64);
		it->xr = cellkey_sum(it->xr, n, it->n, kn, ITEM_SUM_CROSS, 64);
		it->rr = cellkey_sum(it->rr, n, it->n, kn, ITEM_SUM_REST_SQ, 64 * 64);
		it->hidden = false;
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
		if (it->disc_known && !it->disc_hidden && it->disc < 0.2)
			it->flags |= it->disc < 0 ? ITEM_NEGATIVE | ITEM_WEAK : ITEM_WEAK;
	}
	if (r->n_items > 1)
		qsort(r->items, (size_t)r->n_items, sizeof *r->items, by_priority);
}

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
	fprintf(f, "  %-*s  Réponses  Facilité  Discrim.  Choix\n", w, "Question");
	for (int i = 0; i < r->n_items; i++) {
		const struct report_item *it = &r->items[i];
		fprintf(f, "  %-*s", w, it->id);
		if (it->hidden) {
			fprintf(f, "    masqué    masqué    masqué\n");
			continue;
		}
		fprintf(f, "%10lld%8.1f %%", it->answered, report_pct(it->right, it->answered));
		if (it->disc_hidden)
			fprintf(f, "    masqué");
		else if (!it->disc_known)
			fprintf(f, "         —");
		else
			fprintf(f, "%10.2f", it->disc);
		fputs("  ", f);
		for (int c = 0; c < report_item_choices(r, it); c++) {
			fprintf(f, "%s%c%s ", c ? " · " : "", report_choice_letter(c),
			        it->is_right[c] ? "*" : "");
			if (it->choice_hidden[c])
				fputs("masqué", f);
			else
				fprintf(f, "%.0f %%", report_pct(it->by_choice[c], it->answered));
		}
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
		buf[0] = '\0';
		for (int c = 0; c < it->n_choices; c++)
			if (it->is_right[c] && !it->hidden)
				snprintf(buf + strlen(buf), sizeof buf - strlen(buf), "%c",
				         report_choice_letter(c));
		csv_cell(f, sep, it->hidden ? "masqué" : buf, false);
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
		fprintf(f,
		        "    {\"rank\": %d, \"module\": \"%s\", \"question\": \"%s\", "
		        "\"objective\": \"%s\", \"suppressed\": %s, ",
		        i + 1, it->module, it->id, it->objective, it->hidden ? "true" : "false");
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
		fputs("], \"choices\": [", f);
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
