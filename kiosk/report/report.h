/* kiosk-report: the figures of one report, loaded from one or more
 * statistics databases, then suppressed (DESIGN.md §4) and written out in
 * one of four formats. Every figure carries the number of sessions it was
 * computed from (its base) and whether it must be hidden. */
#ifndef KIOSK_REPORT_REPORT_H
#define KIOSK_REPORT_REPORT_H

#include <stdbool.h>
#include <stdio.h>

struct content_module;

enum { REPORT_STAGES = 5, REPORT_ENDS = 3, REPORT_BINS = 10, REPORT_CHOICES = 32 };

/* Sessions of one day, one language, or all of them. */
struct report_group {
	char key[16];
	long long sessions, reached[REPORT_STAGES], ended[REPORT_ENDS];
	long long quiz_taken, score_sum, passed, duration_sum;
	bool hidden;            /* every figure of the row (base: sessions) */
	bool quiz_hidden;       /* quiz_taken and the figures based on it */
	bool completion_hidden; /* reached[4] / sessions: a rate is a cell too */
	bool pass_hidden;       /* passed / quiz_taken */
};

struct report_chapter {
	char module[32], id[32];
	long long seen, video_started, share_sum;
	bool hidden, share_hidden;
};

struct report_question {
	char module[32], id[32], objective[32];
	long long answered, right, wrong, wrong_by_choice[REPORT_CHOICES];
	int top_wrong; /* 0-based choice, -1 when nobody was wrong */
	bool hidden, right_hidden, wrong_hidden;
};

struct report_objective {
	char module[32], id[32];
	long long answered, right;
	int n_questions;
	bool hidden, right_hidden;
};

/* Item analysis of one question (report/items.c), as Moodle's quiz
 * statistics: the share of each choice over every answer, and the
 * correlation of the item with the rest of the score over the sessions
 * that finished the quiz (from the per-session answer rows). */
enum {
	ITEM_TOO_EASY = 1, /* facility > 90 % */
	ITEM_TOO_HARD = 2, /* facility < 30 % */
	ITEM_WEAK = 4,     /* discrimination < 0.20 */
	ITEM_NEGATIVE = 8, /* discrimination < 0: the key may be wrong */
};
struct report_item {
	char module[32], id[32], objective[32];
	long long answered, right, by_choice[REPORT_CHOICES];
	bool is_right[REPORT_CHOICES];
	int n_choices;
	/* Finished quizzes: n answers, x right, r rest-of-score; sums for
	 * the item-rest correlation. */
	long long n, x, r, xr, rr;
	double disc; /* item-rest correlation, -1..1 */
	bool disc_known, hidden, disc_hidden, choice_hidden[REPORT_CHOICES];
	unsigned flags;
};
struct report {
	int k;
	char from[11], to[11]; /* "" when open */
	int n_files;           /* distinct files read */
	struct report_group total;
	struct report_group *days, *langs;
	int n_days, n_langs;
	bool funnel_hidden[REPORT_STAGES]; /* of total.reached */
	bool ended_hidden[REPORT_ENDS];    /* of total.ended */
	long long bins[REPORT_BINS];       /* quiz scores 0-9, 10-19 ... 90-100 */
	bool bins_hidden[REPORT_BINS];
	struct report_chapter *chapters;
	struct report_question *questions;
	struct report_objective *objectives;
	int n_chapters, n_questions, n_objectives;
	char modules[128]; /* module ids, comma-separated */
	/* --content: the module whose texts name its ids (NULL: ids only). */
	const struct content_module *module;
	/* From the session rows (report/raw.c): sessions that opened at
	 * least one chapter, groups per kiosk and per welcome-day label,
	 * and the item analysis, worst questions first. */
	long long opened_chapter;
	struct report_group *kiosks, *labels;
	int n_kiosks, n_labels;
	struct report_item *items;
	int n_items;
};

/* Reads the files (each counted once, sessions in several files once) for
 * days within from..to (NULL for open). 0, or -1 after printing why. */
int report_load(struct report *r, const char *const *paths, int n, const char *from,
                const char *to);
/* The same without the per-session item analysis (raw.c). */
int report_load_stats(struct report *r, const char *const *paths, int n, const char *from,
                      const char *to);
void report_suppress(struct report *r, int k);
/* Checks --from/--to (whole months, none still running) into lo..hi ("" for
 * an open start). 0, or -1 after saying why. */
int report_period(const char *from, const char *to, char lo[11], char hi[11]);
/* report_load, then suppression consistent with the report of each part
 * (one file, one month): see period.c. 0, or -1 after saying why. */
int report_build(struct report *r, const char *const *paths, int n, const char *lo, const char *hi,
                 int k);
/* Rows of one partition (days, languages, kiosks...): primary and secondary
 * suppression of sessions and quiz figures, and of the rates. */
void report_hide_groups(struct report_group *g, int n, int k);
/* The read-only, immutable SQLite URI of a file name (sqlite3_free it). */
char *report_ro_uri(const char *path);
void report_free(struct report *r);
/* The figures that need the per-session rows (report/raw.c), their
 * suppression and ordering (report/items.c). */
int report_load_raw(struct report *r, const char *const *paths, int n, const char *lo,
                    const char *hi);
void report_suppress_raw(struct report *r, int k);
void report_free_raw(struct report *r);
char *report_ro_uri(const char *path);

/* Output; each returns 0 or -1 on a write error. sep is the CSV
 * separator (',' or ';', which also makes decimals use a comma). */
int report_text(const struct report *r, FILE *f);
int report_csv(const struct report *r, FILE *f, char sep);
int report_json(const struct report *r, FILE *f);
int report_html(const struct report *r, FILE *f);
/* The item analysis section of each format (report/items*.c). */
void report_items_text(const struct report *r, FILE *f);
void report_items_csv(const struct report *r, FILE *f, char sep);
void report_items_json(const struct report *r, FILE *f);
void report_items_html(const struct report *r, FILE *f);
const char *report_item_verdict(unsigned flags);
int report_item_choices(const struct report *r, const struct report_item *it);

/* With r->module: the text of an id, in the module's first language; NULL
 * without a module, for another module, or for an unknown id. */
const char *report_chapter_title(const struct report *r, const char *module, const char *id);
const char *report_question_text(const struct report *r, const char *module, const char *id);
const char *report_choice_text(const struct report *r, const char *module, const char *id,
                               int choice);
const char *report_objective_label(const struct report *r, const char *module, const char *id);
/* The module's title (--content), NULL without it. */
const char *report_title(const struct report *r);

/* Shared helpers for the writers. */
double report_pct(long long part, long long whole);
const char *report_stage_label(int stage);
const char *report_end_label(int end);
char report_choice_letter(int choice);

/* Writes s to f with HTML's special characters escaped (html.c). */
void html_esc(FILE *f, const char *s);

#endif
