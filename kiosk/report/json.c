/* JSON: the same figures as the other formats. A hidden figure is null and
 * its object says "suppressed": true; a figure with no base at all (no
 * quiz taken, say) is null without that flag. One function per section. */
#include <string.h>

#include "report/report.h"

/* A JSON string: quotes, backslashes and control characters escaped (the
 * loader admits only ids, days and languages, but the writer does not rely
 * on it). */
void report_json_str(FILE *f, const char *s)
{
	fputc('"', f);
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == '"' || c == '\\')
			fprintf(f, "\\%c", c);
		else if (c < 0x20)
			fprintf(f, "\\u%04x", c);
		else
			fputc(c, f);
	}
	fputc('"', f);
}

static void key(FILE *f, const char *name, const char *value)
{
	fprintf(f, "\"%s\": ", name);
	report_json_str(f, value);
	fputs(", ", f);
}

static void flag(FILE *f, const char *name, bool v)
{
	fprintf(f, "\"%s\": %s, ", name, v ? "true" : "false");
}

static void num(FILE *f, const char *name, bool hidden, long long n)
{
	if (hidden)
		fprintf(f, "\"%s\": null", name);
	else
		fprintf(f, "\"%s\": %lld", name, n);
}

static void ratio(FILE *f, const char *name, bool hidden, double a, double b, double scale)
{
	if (hidden || b <= 0)
		fprintf(f, "\"%s\": null", name);
	else
		fprintf(f, "\"%s\": %.1f", name, scale * a / b);
}

static void group(FILE *f, const struct report_group *g, bool labels, bool last)
{
	fputs("    {", f);
	if (labels && report_no_label(g->key))
		fputs("\"key\": null, ", f); /* no label */
	else
		key(f, "key", g->key);
	flag(f, "suppressed", g->hidden);
	flag(f, "quiz_suppressed", g->quiz_hidden);
	flag(f, "avg_suppressed", g->avg_hidden);
	num(f, "sessions", g->hidden, g->sessions);
	fputs(", ", f);
	ratio(f, "completion_rate_pct", g->completion_hidden, (double)g->reached[4],
	      (double)g->sessions, 100);
	fputs(", ", f);
	num(f, "quiz_taken", g->quiz_hidden, g->quiz_taken);
	fputs(", ", f);
	ratio(f, "pass_rate_pct", g->pass_hidden, (double)g->passed, (double)g->quiz_taken, 100);
	fputs(", ", f);
	ratio(f, "avg_score", report_avg_score_hidden(g), (double)g->score_sum,
	      (double)g->quiz_taken, 1);
	fputs(", ", f);
	ratio(f, "avg_duration_min", report_avg_duration_hidden(g), (double)g->duration_sum,
	      (double)g->sessions, 1.0 / 60);
	fprintf(f, "}%s\n", last ? "" : ",");
}

static void header(const struct report *r, FILE *f)
{
	fprintf(f, "{\n  \"min_group\": %d,\n  \"from\": ", r->k);
	if (r->from[0])
		report_json_str(f, r->from);
	else
		fputs("null", f);
	fputs(",\n  \"to\": ", f);
	if (r->to[0])
		report_json_str(f, r->to);
	else
		fputs("null", f);
	/* Every count, and every figure computed from counts, is published
	 * with a deviation of at most max_deviation (core/cellkey.h). */
	fprintf(f, ",\n  \"perturbed\": %s,\n  \"max_deviation\": %d,\n  \"batches\": %d",
	        r->perturbed ? "true" : "false", r->max_dev, r->n_batches);
	fputs(",\n  \"first_day\": ", f);
	if (r->first_day[0])
		report_json_str(f, r->first_day);
	else
		fputs("null", f);
	fputs(",\n  \"last_day\": ", f);
	if (r->last_day[0])
		report_json_str(f, r->last_day);
	else
		fputs("null", f);
	fprintf(f, ",\n  \"left_early\": %lld", r->left_early);
	fprintf(f, ",\n  \"files\": %d,\n  \"modules\": ", r->n_files);
	report_json_str(f, r->modules);
	const char *title = report_title(r);
	fputs(",\n  \"title\": ", f);
	if (title)
		report_json_str(f, title);
	else
		fputs("null", f);
	fputs(",\n  \"total\":\n", f);
	group(f, &r->total, false, true);
}

static void groups(FILE *f, const char *name, const struct report_group *g, int n)
{
	fprintf(f, "  ,\n  \"%s\": [\n", name);
	for (int i = 0; i < n; i++)
		group(f, &g[i], !strcmp(name, "labels"), i == n - 1);
	fputs("  ]\n", f);
}

static void funnel(const struct report *r, FILE *f)
{
	static const char *const stages[] = {"language", "home", "chapter", "quiz", "result"};
	const struct report_group *t = &r->total;
	fputs("  ,\n  \"funnel\": [\n", f);
	for (int i = 0; i < REPORT_STAGES; i++) {
		fputs("    {", f);
		key(f, "stage", stages[i]);
		flag(f, "suppressed", r->funnel_hidden[i]);
		num(f, "sessions", r->funnel_hidden[i], t->reached[i]);
		fputs(", ", f);
		/* Of the people who touched the screen (the first step). */
		ratio(f, "share_pct", r->funnel_hidden[i], (double)t->reached[i],
		      (double)t->reached[0], 100);
		fprintf(f, "}%s\n", i == REPORT_STAGES - 1 ? "" : ",");
	}
	fputs("  ]\n", f);
}

static void endings(const struct report *r, FILE *f)
{
	static const char *const ends[] = {"finished", "abandoned", "timed-out"};
	fputs("  ,\n  \"endings\": [\n", f);
	for (int i = 0; i < REPORT_ENDS; i++) {
		fputs("    {", f);
		key(f, "ending", ends[i]);
		flag(f, "suppressed", r->ended_hidden[i]);
		num(f, "sessions", r->ended_hidden[i], r->total.ended[i]);
		fprintf(f, "}%s\n", i == REPORT_ENDS - 1 ? "" : ",");
	}
	fputs("  ]\n", f);
}

static void scores(const struct report *r, FILE *f)
{
	fputs("  ,\n  \"scores\": [\n", f);
	for (int i = 0; i < REPORT_BINS; i++) {
		fprintf(f, "    {\"score_from\": %d, \"score_to\": %d, ", 10 * i,
		        i == REPORT_BINS - 1 ? 100 : 10 * i + 9);
		flag(f, "suppressed", r->bins_hidden[i]);
		num(f, "sessions", r->bins_hidden[i], r->bins[i]);
		fprintf(f, "}%s\n", i == REPORT_BINS - 1 ? "" : ",");
	}
	fputs("  ]\n", f);
}

static void chapters(const struct report *r, FILE *f)
{
	fputs("  ,\n  \"chapters\": [\n", f);
	for (int i = 0; i < r->n_chapters; i++) {
		const struct report_chapter *c = &r->chapters[i];
		fputs("    {", f);
		key(f, "module", c->module);
		key(f, "chapter", c->id);
		flag(f, "suppressed", c->hidden);
		num(f, "opened_by", c->hidden, c->seen);
		fputs(", ", f);
		ratio(f, "opened_pct", c->hidden || r->total.hidden, (double)c->seen,
		      (double)r->total.sessions, 100);
		fputs(", ", f);
		num(f, "video_started", c->share_hidden, c->video_started);
		fputs(", ", f);
		ratio(f, "video_watched_avg_pct", c->share_hidden, (double)c->share_sum,
		      (double)c->video_started, 1);
		fprintf(f, "}%s\n", i == r->n_chapters - 1 ? "" : ",");
	}
	fputs("  ]\n", f);
}

/* "questions" (the final quiz's, with their objective) or
 * "chapter_questions" (with their chapter). */
static void questions(FILE *f, const char *name, const struct report_question *qs, int n,
                      bool by_chapter)
{
	fprintf(f, "  ,\n  \"%s\": [\n", name);
	for (int i = 0; i < n; i++) {
		const struct report_question *q = &qs[i];
		fputs("    {", f);
		key(f, "module", q->module);
		if (by_chapter)
			key(f, "chapter", q->chapter);
		key(f, "question", q->id);
		if (!by_chapter)
			key(f, "objective", q->objective);
		flag(f, "suppressed", q->hidden);
		num(f, "answered", q->hidden, q->answered);
		fputs(", ", f);
		ratio(f, "right_pct", q->right_hidden, (double)q->right, (double)q->answered, 100);
		if (q->wrong_hidden || q->top_wrong < 0)
			fprintf(f,
			        ", \"top_wrong_choice\": null, \"top_wrong_share_pct\": null, "
			        "\"top_wrong_suppressed\": %s}",
			        q->wrong_hidden ? "true" : "false");
		else
			fprintf(f,
			        ", \"top_wrong_choice\": \"%c\", \"top_wrong_share_pct\": %.1f, "
			        "\"top_wrong_suppressed\": false}",
			        report_choice_letter(q->top_wrong),
			        report_pct(q->wrong_by_choice[q->top_wrong], q->wrong));
		fprintf(f, "%s\n", i == n - 1 ? "" : ",");
	}
	fputs("  ]\n", f);
}

static void objectives(const struct report *r, FILE *f)
{
	fputs("  ,\n  \"objectives\": [\n", f);
	for (int i = 0; i < r->n_objectives; i++) {
		const struct report_objective *o = &r->objectives[i];
		fputs("    {", f);
		key(f, "module", o->module);
		key(f, "objective", o->id);
		fprintf(f, "\"questions\": %d, ", o->n_questions);
		flag(f, "suppressed", o->hidden);
		num(f, "answered", o->hidden, o->answered);
		fputs(", ", f);
		ratio(f, "right_pct", o->right_hidden, (double)o->right, (double)o->answered, 100);
		fprintf(f, "}%s\n", i == r->n_objectives - 1 ? "" : ",");
	}
	fputs("  ]\n", f);
}

int report_json(const struct report *r, FILE *f)
{
	header(r, f);
	groups(f, "days", r->days, r->n_days);
	groups(f, "languages", r->langs, r->n_langs);
	groups(f, "kiosks", r->kiosks, r->n_kiosks);
	groups(f, "labels", r->labels, r->n_labels);
	funnel(r, f);
	endings(r, f);
	scores(r, f);
	chapters(r, f);
	questions(f, "questions", r->questions, r->n_questions, false);
	questions(f, "chapter_questions", r->chapter_questions, r->n_chapter_questions, true);
	objectives(r, f);
	report_items_json(r, f);
	fputs("\n}\n", f);
	return ferror(f) ? -1 : 0;
}
