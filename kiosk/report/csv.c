/* CSV: one table per report section, one after the other, each introduced
 * by a line naming it and a header line (docs/reports.md lists the
 * columns). UTF-8 with a byte-order mark so Excel reads the accents; with
 * ';' as separator decimals take a comma, as a French Excel expects. */
#include <string.h>

#include "report/report.h"

struct csv {
	FILE *f;
	char sep;
	int col;
};

static void begin(struct csv *c, const char *section, const char *header)
{
	fprintf(c->f, "%s\r\n", section);
	for (const char *p = header; *p; p++)
		fputc(*p == ',' ? c->sep : *p, c->f);
	fputs("\r\n", c->f);
}

static void next(struct csv *c)
{
	if (c->col++ > 0)
		fputc(c->sep, c->f);
}

/* A cell that starts with = + - @ tab or CR is a formula to a spreadsheet
 * (OWASP "CSV injection"): a leading apostrophe makes it text. Quotes
 * around a cell that holds the separator, a quote or a line break. */
static void str(struct csv *c, const char *s)
{
	next(c);
	bool formula = s[0] && strchr("=+-@\t\r", s[0]);
	if (formula || strchr(s, c->sep) || strchr(s, '"') || strchr(s, '\n') || strchr(s, '\r')) {
		fputc('"', c->f);
		if (formula)
			fputc('\'', c->f);
		for (; *s; s++) {
			if (*s == '"')
				fputc('"', c->f);
			fputc(*s, c->f);
		}
		fputc('"', c->f);
	} else {
		fputs(s, c->f);
	}
}

static void count(struct csv *c, bool hidden, long long n)
{
	next(c);
	if (hidden)
		fputs("masqué", c->f);
	else
		fprintf(c->f, "%lld", n);
}

/* A ratio shown with one decimal; empty when there is no base at all. */
static void ratio(struct csv *c, bool hidden, double num, double den, double scale)
{
	next(c);
	if (hidden) {
		fputs("masqué", c->f);
		return;
	}
	if (den <= 0)
		return;
	char buf[32];
	snprintf(buf, sizeof buf, "%.1f", scale * num / den);
	if (c->sep == ';')
		*strchr(buf, '.') = ',';
	fputs(buf, c->f);
}

static void end(struct csv *c)
{
	fputs("\r\n", c->f);
	c->col = 0;
}

static void group(struct csv *c, const char *kind, const struct report_group *g)
{
	str(c, kind);
	/* No label: an empty cell (the stored "-" would be a formula to
	 * neutralise, and "'-" shows literally in LibreOffice). */
	str(c, !strcmp(kind, "label") && report_no_label(g->key) ? "" : g->key);
	count(c, g->hidden, g->sessions);
	ratio(c, g->completion_hidden, (double)g->reached[4], (double)g->sessions, 100);
	count(c, g->quiz_hidden, g->quiz_taken);
	ratio(c, g->pass_hidden, (double)g->passed, (double)g->quiz_taken, 100);
	ratio(c, report_avg_score_hidden(g), (double)g->score_sum, (double)g->quiz_taken, 1);
	ratio(c, report_avg_duration_hidden(g), (double)g->duration_sum, (double)g->sessions,
	      1.0 / 60);
	end(c);
}

/* What the figures are: perturbed (every count within max_deviation of
 * the truth, core/cellkey.h), over which closed batches. */
static void section_report(struct csv *c, const struct report *r)
{
	char buf[32];
	begin(c, "report",
	      "min_group,perturbed,max_deviation,batches,first_day,last_day,left_early");
	snprintf(buf, sizeof buf, "%d", r->k);
	str(c, buf);
	str(c, r->perturbed ? "yes" : "no");
	snprintf(buf, sizeof buf, "%d", r->max_dev);
	str(c, buf);
	snprintf(buf, sizeof buf, "%d", r->n_batches);
	str(c, buf);
	str(c, r->first_day);
	str(c, r->last_day);
	count(c, false, r->left_early);
	end(c);
	fputs("\r\n", c->f);
}

static void section_groups(struct csv *c, const struct report *r)
{
	const struct report_group *t = &r->total;
	FILE *f = c->f;
	begin(c, "groups",
	      "kind,key,sessions,completion_rate_pct,quiz_taken,pass_rate_pct,"
	      "avg_score,avg_duration_min");
	group(c, "total", t);
	for (int i = 0; i < r->n_days; i++)
		group(c, "day", &r->days[i]);
	for (int i = 0; i < r->n_langs; i++)
		group(c, "language", &r->langs[i]);
	for (int i = 0; i < r->n_kiosks; i++)
		group(c, "kiosk", &r->kiosks[i]);
	for (int i = 0; i < r->n_labels; i++)
		group(c, "label", &r->labels[i]);
	fputs("\r\n", f);
}

static void section_funnel(struct csv *c, const struct report *r)
{
	const struct report_group *t = &r->total;
	char buf[32];
	FILE *f = c->f;
	static const char *const stages[] = {"language", "home", "chapter", "quiz", "result"};
	begin(c, "funnel", "step,stage,sessions,share_pct");
	for (int i = 0; i < REPORT_STAGES; i++) {
		snprintf(buf, sizeof buf, "%d", i + 1);
		str(c, buf);
		str(c, stages[i]);
		count(c, r->funnel_hidden[i], t->reached[i]);
		ratio(c, r->funnel_hidden[i], (double)t->reached[i], (double)t->reached[0], 100);
		end(c);
	}
	fputs("\r\n", f);
}

static void section_endings(struct csv *c, const struct report *r)
{
	const struct report_group *t = &r->total;
	FILE *f = c->f;
	static const char *const ends[] = {"finished", "abandoned", "timed-out"};
	begin(c, "endings", "ending,sessions,share_pct");
	for (int i = 0; i < REPORT_ENDS; i++) {
		str(c, ends[i]);
		count(c, r->ended_hidden[i], t->ended[i]);
		ratio(c, r->ended_hidden[i], (double)t->ended[i], (double)t->sessions, 100);
		end(c);
	}
	fputs("\r\n", f);
}

static void section_scores(struct csv *c, const struct report *r)
{
	char buf[32];
	FILE *f = c->f;
	begin(c, "scores", "score_from,score_to,sessions");
	for (int i = 0; i < REPORT_BINS; i++) {
		snprintf(buf, sizeof buf, "%d", 10 * i);
		str(c, buf);
		snprintf(buf, sizeof buf, "%d", i == REPORT_BINS - 1 ? 100 : 10 * i + 9);
		str(c, buf);
		count(c, r->bins_hidden[i], r->bins[i]);
		end(c);
	}
	fputs("\r\n", f);
}

static void section_chapters(struct csv *c, const struct report *r)
{
	const struct report_group *t = &r->total;
	FILE *f = c->f;
	begin(c, "chapters",
	      "module,chapter,opened_by,opened_pct,video_started,video_watched_avg_pct");
	for (int i = 0; i < r->n_chapters; i++) {
		const struct report_chapter *ch = &r->chapters[i];
		str(c, ch->module);
		str(c, ch->id);
		count(c, ch->hidden, ch->seen);
		ratio(c, ch->hidden || t->hidden, (double)ch->seen, (double)t->sessions, 100);
		count(c, ch->share_hidden, ch->video_started);
		ratio(c, ch->share_hidden, (double)ch->share_sum, (double)ch->video_started, 1);
		end(c);
	}
	fputs("\r\n", f);
}

/* The final quiz's questions (with their objective) or the chapters'
 * (with their chapter): the header names which. */
static void section_questions(struct csv *c, const char *name, const char *header,
                              const struct report_question *qs, int n, bool by_chapter)
{
	char buf[32];
	FILE *f = c->f;
	begin(c, name, header);
	for (int i = 0; i < n; i++) {
		const struct report_question *q = &qs[i];
		str(c, q->module);
		if (by_chapter)
			str(c, q->chapter);
		str(c, q->id);
		if (!by_chapter)
			str(c, q->objective);
		count(c, q->hidden, q->answered);
		ratio(c, q->right_hidden, (double)q->right, (double)q->answered, 100);
		snprintf(buf, sizeof buf, "%c", report_choice_letter(q->top_wrong));
		str(c, q->wrong_hidden ? "masqué" : q->top_wrong < 0 ? "" : buf);
		ratio(c, q->wrong_hidden,
		      q->top_wrong < 0 ? 0 : (double)q->wrong_by_choice[q->top_wrong],
		      (double)q->wrong, 100);
		end(c);
	}
	fputs("\r\n", f);
}

static void section_objectives(struct csv *c, const struct report *r)
{
	char buf[32];
	begin(c, "objectives", "module,objective,questions,answered,right_pct");
	for (int i = 0; i < r->n_objectives; i++) {
		const struct report_objective *o = &r->objectives[i];
		str(c, o->module);
		str(c, o->id);
		snprintf(buf, sizeof buf, "%d", o->n_questions);
		str(c, buf);
		count(c, o->hidden, o->answered);
		ratio(c, o->right_hidden, (double)o->right, (double)o->answered, 100);
		end(c);
	}
}

/* One function per section, in file order. */
int report_csv(const struct report *r, FILE *f, char sep)
{
	struct csv c = {.f = f, .sep = sep};
	fputs("\xef\xbb\xbf", f);
	section_report(&c, r);
	section_groups(&c, r);
	section_funnel(&c, r);
	section_endings(&c, r);
	section_scores(&c, r);
	section_chapters(&c, r);
	section_questions(&c, "questions",
	                  "module,question,objective,answered,right_pct,top_wrong_choice,"
	                  "top_wrong_share_pct",
	                  r->questions, r->n_questions, false);
	section_questions(&c, "chapter_questions",
	                  "module,chapter,question,answered,right_pct,top_wrong_choice,"
	                  "top_wrong_share_pct",
	                  r->chapter_questions, r->n_chapter_questions, true);
	section_objectives(&c, r);
	report_items_csv(r, f, sep);
	return ferror(f) ? -1 : 0;
}
