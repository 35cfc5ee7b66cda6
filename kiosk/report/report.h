/* kiosk-report: the figures of one report, loaded from kiosk databases and
 * batch files, protected (PRIVACY.md) and written out in one
 * of four formats.
 *
 * Statistics v2 (issue 21). A report covers CLOSED BATCHES only (a batch:
 * one or more consecutive closed days of one kiosk holding at least K
 * sessions, see platform/store_batch.h); a period selects the batches whose
 * last day falls within it, so two reports differ by whole batches or not
 * at all. Sessions of days not yet closed are in no report.
 *
 * report_load() fills the exact figures and, beside each count, the sum of
 * its records' keys (the `keys` members); report_suppress() then publishes
 * them: every count is replaced IN PLACE by its perturbed value
 * (core/cellkey.h), every sum too, and r->perturbed is set. The writers
 * print the fields as they find them, and mark every count, rate and
 * average « ≈ » when r->perturbed. Masking remains only where noise cannot
 * protect: the *_hidden flags below (averages over fewer than K published
 * sessions, item discrimination over fewer than K, label rows are pooled
 * at load time so that no label splits a batch below K). */
#ifndef KIOSK_REPORT_REPORT_H
#define KIOSK_REPORT_REPORT_H

#include <stdbool.h>
#include <stdio.h>

#include "core/trainer_snap.h"

struct content_module;

enum { REPORT_STAGES = 5, REPORT_ENDS = 3, REPORT_BINS = 10, REPORT_CHOICES = 32 };
/* The smallest K (batches, label rows, averages): PRIVACY.md. */
enum { REPORT_MIN_K = 5 };

/* Sums of record keys of the counts beside them (before folding to a cell
 * key): filled by report_load(), used by report_suppress(). */
struct report_group_keys {
	long long sessions, reached[REPORT_STAGES], ended[REPORT_ENDS], quiz_taken, passed;
};

/* Sessions of one batch (key: its first day, or "first/last" when it spans
 * several days), one language, one kiosk, one label, or all of them. Keys
 * are up to 31 characters (kiosk ids and labels). */
struct report_group {
	char key[32];
	long long sessions, reached[REPORT_STAGES], ended[REPORT_ENDS];
	long long quiz_taken, score_sum, passed, duration_sum;
	struct report_group_keys keys;
	bool hidden;            /* every figure of the row (base: sessions) */
	bool quiz_hidden;       /* quiz_taken and the figures based on it */
	bool completion_hidden; /* reached[4] / sessions: a rate is a cell too */
	bool pass_hidden;       /* passed / quiz_taken */
	/* v2: the average score (score_sum / quiz_taken) and the average
	 * duration: fewer than K published sessions behind them, where noise
	 * on a sum cannot hide one person's value. */
	bool avg_hidden;
};

struct report_chapter {
	char module[32], id[32];
	long long seen, video_started, share_sum;
	struct {
		long long seen, video_started;
	} keys;
	bool hidden, share_hidden; /* share: fewer than K started the video */
};

/* A question of the final quiz, or of a chapter (asked at the end of its
 * chapter: its first answer per session, core/store_schema.h version
 * 5); the same figures and the same publication for both. */
struct report_question {
	char module[32], id[32], objective[32]; /* objective: "" for a chapter's */
	char chapter[32];                       /* a chapter's question: its chapter, else "" */
	long long answered, right, wrong, wrong_by_choice[REPORT_CHOICES];
	struct {
		long long answered, right, wrong, wrong_by_choice[REPORT_CHOICES];
	} keys;
	int top_wrong; /* 0-based choice, -1 when nobody was wrong (published counts) */
	bool hidden, right_hidden, wrong_hidden;
};

struct report_objective {
	char module[32], id[32];
	long long answered, right;
	struct {
		long long answered, right;
	} keys;
	int n_questions;
	bool hidden, right_hidden;
};

/* Item analysis of one question (report/items.c), as Moodle's quiz
 * statistics: the share of each choice over every answer, and the
 * correlation of the item with the rest of the score over the sessions
 * that finished the quiz (from the per-session answer rows). */
enum {
	ITEM_TOO_EASY = SNAP_TOO_EASY, /* facility > 90 % */
	ITEM_TOO_HARD = SNAP_TOO_HARD, /* facility < 30 % */
	ITEM_WEAK = SNAP_WEAK,         /* discrimination < 0.20 */
	ITEM_NEGATIVE = SNAP_NEGATIVE, /* discrimination < 0: the key may be wrong */
};
struct report_item {
	char module[32], id[32], objective[32];
	long long answered, right, by_choice[REPORT_CHOICES];
	bool is_right[REPORT_CHOICES];
	int n_choices;
	/* Finished quizzes: n answers, x right, r rest-of-score; sums for
	 * the item-rest correlation. */
	long long n, x, r, xr, rr;
	struct {
		long long answered, right, by_choice[REPORT_CHOICES], n, x;
	} keys;
	double disc; /* item-rest correlation, -1..1 */
	bool disc_known, hidden, disc_hidden, choice_hidden[REPORT_CHOICES];
	unsigned flags;
};
struct report {
	int k;
	char from[11], to[11]; /* "" when open */
	int n_files;           /* distinct files read */
	/* v2: the counts are published values (core/cellkey.h): print « ≈ »
	 * before each count, rate and average. max_dev: the largest
	 * deviation of a count, for the legend ("± 2 au plus"). */
	bool perturbed;
	int max_dev;
	int n_batches;                    /* closed batches in the report */
	char first_day[11], last_day[11]; /* days the batches cover, "" none */
	/* People who touched the attract screen and left before choosing a
	 * language (a per-day counter, no row): total.reached[0] counts them
	 * with the sessions, so the funnel starts at « a touché l'écran ». */
	long long left_early, left_early_key;
	struct report_group total;
	/* days: one row per closed batch, oldest first (the name is kept
	 * from v1, where a row was a day). */
	struct report_group *days, *langs;
	int n_days, n_langs;
	bool funnel_hidden[REPORT_STAGES]; /* of total.reached */
	bool ended_hidden[REPORT_ENDS];    /* of total.ended */
	long long bins[REPORT_BINS];       /* quiz scores 0-9, 10-19 ... 90-100 */
	long long bins_keys[REPORT_BINS];
	bool bins_hidden[REPORT_BINS];
	struct report_chapter *chapters;
	struct report_question *questions;
	struct report_objective *objectives;
	int n_chapters, n_questions, n_objectives;
	/* The chapters' own questions (rows in the order of the module's
	 * chapters, then questions, with --content). */
	struct report_question *chapter_questions;
	int n_chapter_questions;
	char modules[128]; /* module ids, comma-separated */
	/* --content: the module whose texts name its ids (NULL: ids only). */
	const struct content_module *module;
	/* From the session rows (report/raw.c): sessions that opened at
	 * least one chapter, groups per kiosk and per welcome-day label,
	 * and the item analysis, worst questions first. */
	long long opened_chapter, opened_chapter_key;
	struct report_group *kiosks, *labels;
	int n_kiosks, n_labels;
	struct report_item *items;
	int n_items;
};

/* Reads the closed batches of the files (kiosk databases and batch files
 * alike; a batch found in several files, by kiosk id and first day, counts
 * once) whose last day is within from..to (NULL for open): exact figures
 * and key sums, nothing published yet. 0, or -1 after printing why. */
int report_load(struct report *r, const char *const *paths, int n, const char *from,
                const char *to);
/* The same, pooling label rows under k (report_load: REPORT_MIN_K). */
int report_load_k(struct report *r, const char *const *paths, int n, const char *from,
                  const char *to, int k);
/* Publishes a loaded report: perturbs every count and sum in place (cell
 * key), computes rates, averages and item statistics from the published
 * values, sets the masks that remain (see the top of this file). Calling it
 * twice is a programmer error. */
void report_suppress(struct report *r, int k);
/* The published value of a count n (key sum key) that is part of a group
 * of `whole` sessions: perturbed, at most whole (hide.c). */
long long report_part(long long n, long long key, long long whole);
/* Checks --from/--to (days) into lo..hi ("" for open ends). 0, or -1 after
 * saying why. */
int report_period(const char *from, const char *to, char lo[11], char hi[11]);
/* report_load then report_suppress: what kiosk-report, the USB export and
 * the trainer screen show. lo/hi: "" or NULL for open. 0, or -1 after saying
 * why. */
int report_build(struct report *r, const char *const *paths, int n, const char *lo, const char *hi,
                 int k);

/* One closed batch as report_batches() lists it. */
struct report_batch {
	char kiosk[32];
	char first[11], last[11]; /* the days it covers (YYYY-MM-DD) */
	long long sessions;       /* exact: for the kiosk's own use, never printed */
};
/* The closed batches of the files, oldest first (*out malloc'd, free it).
 * 0, or -1 after printing why. */
int report_batches(const char *const *paths, int n, struct report_batch **out, int *n_out);
/* The published report of the newest closed batch of one database (the
 * trainer's « Dernière journée »); r->n_batches is 0 when there is none
 * yet. 0, or -1 after printing why. */
int report_build_last(struct report *r, const char *db, int k);
/* Rows of one partition (days, languages, kiosks...): primary and secondary
 * suppression of sessions and quiz figures, and of the rates. */
void report_hide_groups(struct report_group *g, int n, int k);
/* The read-only, immutable SQLite URI of a file name (sqlite3_free it). */
char *report_ro_uri(const char *path);
void report_free(struct report *r);
/* The label rows and the item analysis sums (report/raw.c), their
 * publication and ordering (report/items.c). db: the loader's connection,
 * with the views v_* of one file and its batches in `take`. */
struct sqlite3;
int report_load_raw(struct report *r, struct sqlite3 *db, int k, const char *path);
void report_finish_raw(struct report *r);
/* The join that keeps the rows of the batches taken from the file being
 * read ("" when all of them are: no lookup per row), for " FROM v_x v%s". */
const char *report_take(void);
/* When every batch of the file being read is taken: its views v_* pointed
 * at the sums over its batches (report/sums.c), and s_batch for the row
 * of each batch. 1 done, 0 the file has no sums, -1 an SQL error, -2 sums
 * that do not match its batches. */
int report_use_sums(struct sqlite3 *db);
struct report_item *report_item_of(struct report *r, const char *module, const char *id,
                                   const char *objective);
void report_suppress_raw(struct report *r, int k);
/* The item analysis of the items' current values (published ones after
 * report_suppress; exact ones in tests): discrimination, flags, order. */
void report_items_analyse(struct report *r, int k);
void report_free_raw(struct report *r);

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
/* "A* ≈ 50,0 % · B ≈ 25,0 %": each choice's share, the right ones marked
 * (text, HTML; items_out.c). */
void report_item_shares(const struct report *r, const struct report_item *it, int n_choices,
                        const char *right_mark, FILE *f);

/* With r->module: the text of an id, in the module's first language; NULL
 * without a module, for another module, or for an unknown id. */
const char *report_chapter_title(const struct report *r, const char *module, const char *id);
const char *report_question_text(const struct report *r, const char *module, const char *id);
const char *report_choice_text(const struct report *r, const char *module, const char *id,
                               int choice);
const char *report_objective_label(const struct report *r, const char *module, const char *id);
/* Sets r->module (NULL: none) and lists chapters, questions and objectives
 * in the module's order (labels.c). */
void report_set_module(struct report *r, const struct content_module *m);
/* The module's title (--content), NULL without it. */
const char *report_title(const struct report *r);

/* Shared helpers for the writers. */
double report_pct(long long part, long long whole);
const char *report_stage_label(int stage);
const char *report_end_label(int end);
char report_choice_letter(int choice);

/* Numbers and names as the writers print them (format.c). */
enum { REPORT_NUM = 32 };
/* v with the given decimals; a decimal comma when comma (French text and
 * HTML, the ';' CSV): "43,6". */
const char *report_num(char buf[REPORT_NUM], double v, int decimals, bool comma);
/* The welcome-day label of "no label" (stored as "-"). */
bool report_no_label(const char *key);
/* The French name of a label row that is not a label ("-": none, "*": the
 * small labels pooled), else NULL. */
const char *report_label_name(const char *key);
/* Whether a group's average score, its average duration, is masked. */
bool report_avg_score_hidden(const struct report_group *g);
bool report_avg_duration_hidden(const struct report_group *g);
/* "≈ " before a figure of a perturbed report (r->perturbed), else "". */
const char *report_approx(const struct report *r);
/* The width of s on a terminal: its code points. */
int report_width(const char *s);
/* s padded to width code points, on the left when right-aligned. */
void report_cell(FILE *f, const char *s, int width, bool right);

/* Writes s to f as a JSON string (json.c). */
void report_json_str(FILE *f, const char *s);
/* Writes s to f with HTML's special characters escaped (html.c). */
void html_esc(FILE *f, const char *s);

#endif
