/* JSON: the same figures as the other formats. A hidden figure is null and
 * its object says "suppressed": true; a figure with no base at all (no
 * quiz taken, say) is null without that flag. */
#include "report/report.h"

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

/* Text from the database is a day, a language or a module id: the schema
 * admits no quote, backslash or control character, so it needs no escape. */
static void group(FILE *f, const struct report_group *g, bool last)
{
	fprintf(f, "    {\"key\": \"%s\", \"suppressed\": %s, \"quiz_suppressed\": %s, ", g->key,
	        g->hidden ? "true" : "false", g->quiz_hidden ? "true" : "false");
	num(f, "sessions", g->hidden, g->sessions);
	fputs(", ", f);
	ratio(f, "completion_rate_pct", g->hidden, (double)g->reached[4], (double)g->sessions, 100);
	fputs(", ", f);
	num(f, "quiz_taken", g->quiz_hidden, g->quiz_taken);
	fputs(", ", f);
	ratio(f, "pass_rate_pct", g->quiz_hidden, (double)g->passed, (double)g->quiz_taken, 100);
	fputs(", ", f);
	ratio(f, "avg_score", g->quiz_hidden, (double)g->score_sum, (double)g->quiz_taken, 1);
	fputs(", ", f);
	ratio(f, "avg_duration_s", g->hidden, (double)g->duration_sum, (double)g->sessions, 1);
	fprintf(f, "}%s\n", last ? "" : ",");
}

int report_json(const struct report *r, FILE *f)
{
	const struct report_group *t = &r->total;
	fprintf(f, "{\n  \"min_group\": %d,\n  \"from\": ", r->k);
	fprintf(f, r->from[0] ? "\"%s\"" : "null", r->from);
	fputs(",\n  \"to\": ", f);
	fprintf(f, r->to[0] ? "\"%s\"" : "null", r->to);
	fprintf(f, ",\n  \"files\": %d,\n  \"modules\": \"%s\",\n  \"total\":\n", r->n_files,
	        r->modules);
	group(f, t, true);
	fputs("  ,\n  \"days\": [\n", f);
	for (int i = 0; i < r->n_days; i++)
		group(f, &r->days[i], i == r->n_days - 1);
	fputs("  ],\n  \"languages\": [\n", f);
	for (int i = 0; i < r->n_langs; i++)
		group(f, &r->langs[i], i == r->n_langs - 1);
	fputs("  ],\n  \"kiosks\": [\n", f);
	for (int i = 0; i < r->n_kiosks; i++)
		group(f, &r->kiosks[i], i == r->n_kiosks - 1);
	fputs("  ],\n  \"labels\": [\n", f);
	for (int i = 0; i < r->n_labels; i++)
		group(f, &r->labels[i], i == r->n_labels - 1);
	static const char *const stages[] = {"language", "home", "chapter", "quiz", "result"};
	fputs("  ],\n  \"funnel\": [\n", f);
	for (int i = 0; i < REPORT_STAGES; i++) {
		fprintf(f, "    {\"stage\": \"%s\", \"suppressed\": %s, ", stages[i],
		        r->funnel_hidden[i] ? "true" : "false");
		num(f, "sessions", r->funnel_hidden[i], t->reached[i]);
		fputs(", ", f);
		ratio(f, "share_pct", r->funnel_hidden[i], (double)t->reached[i],
		      (double)t->sessions, 100);
		fprintf(f, "}%s\n", i == REPORT_STAGES - 1 ? "" : ",");
	}
	static const char *const ends[] = {"finished", "abandoned", "timed-out"};
	fputs("  ],\n  \"endings\": [\n", f);
	for (int i = 0; i < REPORT_ENDS; i++) {
		fprintf(f, "    {\"ending\": \"%s\", \"suppressed\": %s, ", ends[i],
		        r->ended_hidden[i] ? "true" : "false");
		num(f, "sessions", r->ended_hidden[i], t->ended[i]);
		fprintf(f, "}%s\n", i == REPORT_ENDS - 1 ? "" : ",");
	}
	fputs("  ],\n  \"score_bins\": [\n", f);
	for (int i = 0; i < REPORT_BINS; i++) {
		fprintf(f, "    {\"from\": %d, \"to\": %d, \"suppressed\": %s, ", 10 * i,
		        i == REPORT_BINS - 1 ? 100 : 10 * i + 9,
		        r->bins_hidden[i] ? "true" : "false");
		num(f, "sessions", r->bins_hidden[i], r->bins[i]);
		fprintf(f, "}%s\n", i == REPORT_BINS - 1 ? "" : ",");
	}
	fputs("  ],\n  \"chapters\": [\n", f);
	for (int i = 0; i < r->n_chapters; i++) {
		const struct report_chapter *c = &r->chapters[i];
		fprintf(f, "    {\"module\": \"%s\", \"chapter\": \"%s\", \"suppressed\": %s, ",
		        c->module, c->id, c->hidden ? "true" : "false");
		num(f, "opened_by", c->hidden, c->seen);
		fputs(", ", f);
		ratio(f, "video_watched_avg_pct", c->share_hidden, (double)c->share_sum,
		      (double)c->video_started, 1);
		fprintf(f, "}%s\n", i == r->n_chapters - 1 ? "" : ",");
	}
	fputs("  ],\n  \"questions\": [\n", f);
	for (int i = 0; i < r->n_questions; i++) {
		const struct report_question *q = &r->questions[i];
		fprintf(f,
		        "    {\"module\": \"%s\", \"question\": \"%s\", \"objective\": \"%s\", "
		        "\"suppressed\": %s, ",
		        q->module, q->id, q->objective, q->hidden ? "true" : "false");
		num(f, "answered", q->hidden, q->answered);
		fputs(", ", f);
		ratio(f, "right_pct", q->hidden, (double)q->right, (double)q->answered, 100);
		if (q->wrong_hidden || q->top_wrong < 0)
			fprintf(f, ", \"top_wrong_choice\": null, \"top_wrong_suppressed\": %s}",
			        q->wrong_hidden ? "true" : "false");
		else
			fprintf(f,
			        ", \"top_wrong_choice\": \"%c\", \"top_wrong_suppressed\": false}",
			        report_choice_letter(q->top_wrong));
		fprintf(f, "%s\n", i == r->n_questions - 1 ? "" : ",");
	}
	fputs("  ],\n  \"objectives\": [\n", f);
	for (int i = 0; i < r->n_objectives; i++) {
		const struct report_objective *o = &r->objectives[i];
		fprintf(f,
		        "    {\"module\": \"%s\", \"objective\": \"%s\", \"questions\": %d, "
		        "\"suppressed\": %s, ",
		        o->module, o->id, o->n_questions, o->hidden ? "true" : "false");
		num(f, "answered", o->hidden, o->answered);
		fputs(", ", f);
		ratio(f, "right_pct", o->hidden, (double)o->right, (double)o->answered, 100);
		fprintf(f, "}%s\n", i == r->n_objectives - 1 ? "" : ",");
	}
	fputs("  ]", f);
	report_items_json(r, f);
	fputs("\n}\n", f);
	return ferror(f) ? -1 : 0;
}
