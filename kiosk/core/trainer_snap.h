/* The figures the trainer screen shows (issue 21): of today only the
 * rounded count of sessions (core/trainer_view.h); results only from
 * CLOSED BATCHES as kiosk-report publishes them (perturbed counts, PRIVACY.md
 * « Le bruit »), so no two views, before and after one more person, differ
 * by that person. A snap is one published period: the last closed batch
 * (« Dernière journée ») or the month's closed batches. The screens fill it
 * from the published report; this file orders and words it. */
#ifndef KIOSK_CORE_TRAINER_SNAP_H
#define KIOSK_CORE_TRAINER_SNAP_H

#include <stdbool.h>
#include <stddef.h>

enum { SNAP_MAX_QUESTIONS = 64, SNAP_MAX_CHAPTERS = 32 };

/* Why a question should be rewritten, 0 when it works: the item
 * analysis' flags, written once here (the report's ITEM_* are these). */
enum {
	SNAP_TOO_EASY = 1,
	SNAP_TOO_HARD = 2,
	SNAP_WEAK = 4,
	SNAP_NEGATIVE = 8,
};

struct snap_question {
	char id[32];
	int order;                 /* its place in the module (ordering) */
	bool chapter;              /* a chapter's question (else the final quiz's) */
	long long answered, right; /* published */
	bool hidden;               /* no rate may be shown */
	int top_wrong;             /* 0-based choice most chosen among wrong answers, -1 none */
	long long top_wrong_n;     /* its published count */
	unsigned flags;            /* SNAP_* */
};

struct snap_chapter {
	char id[32];
	long long sessions, seen; /* published */
	bool hidden;
};

struct trainer_snap {
	bool have;                /* a closed batch in the period */
	bool perturbed;           /* counts carry noise: written « ≈ » */
	char first[11], last[11]; /* the days covered (YYYY-MM-DD) */
	int n_batches;
	long long sessions, finished, quiz_taken, passed; /* published */
	double avg_score;                                 /* over the published quiz_taken */
	bool finished_hidden, pass_hidden, avg_hidden;
	int n_questions, n_chapters;
	struct snap_question questions[SNAP_MAX_QUESTIONS];
	struct snap_chapter chapters[SNAP_MAX_CHAPTERS];
};

/* The final quiz's questions first: those to rewrite (a flag) first, worst
 * first (negative, then too hard, weak, too easy), then the others in the
 * module's order; then the chapters' questions, in the module's order. */
void trainer_snap_sort(struct trainer_snap *s);
/* part of whole in percent, rounded; 0 when whole is 0. */
int trainer_snap_pct(long long part, long long whole);
/* « ≈ 14 » (or « 14 » for exact figures). */
void trainer_snap_count(const struct trainer_snap *s, long long n, char *out, size_t size);
/* The four results of a period, as the screen and the QR code word them:
 * sessions, finished (count and share of the sessions), passed (count and
 * share of the quizzes), average score; masked ones say so. */
struct snap_lines {
	char period[64]; /* « 6 décembre », « du 3 au 5 décembre » */
	char sessions[48], finished[64], passed[64], score[64];
};
void trainer_snap_lines(const struct trainer_snap *s, int k, struct snap_lines *out);
/* One question: « ≈ 75 % (≈ 12 réponses) » into rate and « erreur la plus
 * choisie : B « choice » (≈ 3) » (choice: its text, or NULL) or "" into
 * wrong; « masqué » when hidden. */
void trainer_snap_question(const struct trainer_snap *s, const struct snap_question *q,
                           const char *choice, char *rate, size_t rate_size, char *wrong,
                           size_t wrong_size);
/* The verdict of a flagged question, French (« trop difficile »...), or
 * NULL when it has no flag. */
const char *trainer_snap_verdict(unsigned flags);

/* What the trainer set for the day on the trainer screen (kept in a small
 * file next to the database, so a restart keeps it): the welcome-day label
 * stored with each session, the volume and the default text size. A new day
 * starts from the settings again, with no label. */
struct trainer_day {
	bool loaded;
	char day[11];
	char label[32]; /* a day_labels id, "" none */
	int volume;     /* 0..100 */
	bool large_text;
};

#endif
