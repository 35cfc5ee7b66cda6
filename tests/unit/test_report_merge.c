/* Merged batch files equal the one-database figures (issue 21): three
 * kiosks' batch files, written by kiosk-export, read together give exactly
 * the counts, sums and item statistics (to 1e-9) of one database holding
 * all their sessions, before any noise. The inputs are made by the test
 * tools (gen_sessions) and kiosk-export of $BUILD (default build). */
#include <check.h>

#include "check_main.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report/report.h"

static char dir[64];

static const char *const spec[3] = {
    "n=12 day=2024-05-02 lang=fr stage=result score=80 passed=1 ch=c1:1:100,c2:1:40 "
    "ans=q1:o1:0:1,q2:o1:1:1,q3:o2:2:0 cq=c1:q6:1:1,c2:q7:0:0\n"
    "n=5 day=2024-05-02 lang=en stage=result score=40 passed=0 ch=c1:1:60,c2:0:-1 "
    "ans=q1:o1:1:0,q2:o1:1:1,q3:o2:0:1 cq=c1:q6:2:0\n"
    "n=3 day=2024-05-03 lang=fr stage=home end=timed-out ch=c1:1:10\n",
    "n=9 day=2024-05-02 lang=de stage=result score=100 passed=1 ch=c1:1:100,c2:1:100 "
    "ans=q1:o1:0:1,q2:o1:1:1,q3:o2:0:1 cq=c1:q6:1:1,c2:q7:2:1\n"
    "n=5 day=2024-05-02 lang=fr stage=result score=0 passed=0 ch=c1:0:-1,c2:1:20 "
    "ans=q1:o1:2:0,q2:o1:3:0,q3:o2:1:0\n",
    "n=6 day=2024-05-02 lang=fr stage=result score=60 passed=0 ch=c1:1:50 "
    "ans=q1:o1:0:1,q2:o1:2:0,q3:o2:2:0 label=mardi\n",
};

static void run(const char *cmd)
{
	ck_assert_msg(system(cmd) == 0, "%s", cmd);
}

static void setup(void)
{
	snprintf(dir, sizeof dir, "/tmp/test-merge-XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(dir));
}

static void teardown(void)
{
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	run(cmd);
}

static double disc(const struct report_item *it)
{
	double n = (double)it->n, mx = (double)it->x / n, mr = (double)it->r / n;
	return ((double)it->xr / n - mx * mr) /
	       sqrt(mx * (1 - mx) * ((double)it->rr / n - mr * mr));
}

static const struct report_item *item(const struct report *r, const char *id)
{
	for (int i = 0; i < r->n_items; i++)
		if (!strcmp(r->items[i].id, id))
			return &r->items[i];
	ck_abort_msg("no item %s", id);
	return NULL;
}

START_TEST(test_batch_files_equal_one_database)
{
	const char *build = getenv("BUILD") ? getenv("BUILD") : "build";
	char cmd[1024], files[3][256];
	FILE *all = NULL;
	char all_spec[256];
	snprintf(all_spec, sizeof all_spec, "%s/all.spec", dir);
	all = fopen(all_spec, "w");
	for (int k = 0; k < 3; k++) {
		char path[200];
		snprintf(path, sizeof path, "%s/%c.spec", dir, 'a' + k);
		FILE *f = fopen(path, "w");
		fputs(spec[k], f);
		fclose(f);
		fputs(spec[k], all);
		snprintf(
		    cmd, sizeof cmd,
		    "%s/tools/gen_sessions -o %s/%c.db --seed %d --kiosk-id site-%c < %s "
		    "2>/dev/null && printf 'kiosk_id: site-%c\\ndatabase: %s/%c.db\\n' > "
		    "%s/%c.yaml && %s/kiosk-export --outbox %s/out-%c --config %s/%c.yaml --day "
		    "2024-06-01 --no-journal >/dev/null",
		    build, dir, 'a' + k, k + 1, 'a' + k, path, 'a' + k, dir, 'a' + k, dir, 'a' + k,
		    build, dir, 'a' + k, dir, 'a' + k);
		run(cmd);
		snprintf(files[k], sizeof files[k], "%s/out-%c/site-%c-2024-06-01.db", dir, 'a' + k,
		         'a' + k);
	}
	fclose(all);
	snprintf(cmd, sizeof cmd, "%s/tools/gen_sessions -o %s/all.db --seed 9 < %s 2>/dev/null",
	         build, dir, all_spec);
	run(cmd);
	char one[256];
	snprintf(one, sizeof one, "%s/all.db", dir);
	const char *paths[3] = {files[0], files[1], files[2]}, *single[1] = {one};
	struct report m, o;
	ck_assert_int_eq(report_load(&m, paths, 3, NULL, NULL), 0);
	ck_assert_int_eq(report_load(&o, single, 1, NULL, NULL), 0);
	/* 45 sessions; the 3 of 2024-05-03 wait for company (fewer than K):
	 * in neither report. */
	ck_assert_int_eq(m.total.sessions, 37);
	ck_assert_int_eq(m.total.sessions, o.total.sessions);
	for (int i = 0; i < REPORT_STAGES; i++)
		ck_assert_int_eq(m.total.reached[i], o.total.reached[i]);
	for (int i = 0; i < REPORT_ENDS; i++)
		ck_assert_int_eq(m.total.ended[i], o.total.ended[i]);
	ck_assert_int_eq(m.total.quiz_taken, o.total.quiz_taken);
	ck_assert_int_eq(m.total.score_sum, o.total.score_sum);
	ck_assert_int_eq(m.total.passed, o.total.passed);
	ck_assert_int_eq(m.total.duration_sum, o.total.duration_sum);
	for (int i = 0; i < REPORT_BINS; i++)
		ck_assert_int_eq(m.bins[i], o.bins[i]);
	ck_assert_int_eq(m.n_langs, o.n_langs);
	for (int i = 0; i < m.n_langs; i++) {
		ck_assert_str_eq(m.langs[i].key, o.langs[i].key);
		ck_assert_int_eq(m.langs[i].sessions, o.langs[i].sessions);
		ck_assert_int_eq(m.langs[i].passed, o.langs[i].passed);
	}
	ck_assert_int_eq(m.n_chapters, o.n_chapters);
	for (int i = 0; i < m.n_chapters; i++) {
		ck_assert_int_eq(m.chapters[i].seen, o.chapters[i].seen);
		ck_assert_int_eq(m.chapters[i].share_sum, o.chapters[i].share_sum);
	}
	ck_assert_int_eq(m.n_questions, o.n_questions);
	for (int i = 0; i < m.n_questions; i++) {
		ck_assert_int_eq(m.questions[i].answered, o.questions[i].answered);
		ck_assert_int_eq(m.questions[i].right, o.questions[i].right);
		for (int c = 0; c < REPORT_CHOICES; c++)
			ck_assert_int_eq(m.questions[i].wrong_by_choice[c],
			                 o.questions[i].wrong_by_choice[c]);
	}
	/* The chapters' questions (schema 5): 2 of them, every count equal. */
	ck_assert_int_eq(m.n_chapter_questions, 2);
	ck_assert_int_eq(m.n_chapter_questions, o.n_chapter_questions);
	for (int i = 0; i < m.n_chapter_questions; i++) {
		const struct report_question *a = &m.chapter_questions[i],
		                             *b = &o.chapter_questions[i];
		ck_assert_str_eq(a->chapter, b->chapter);
		ck_assert_str_eq(a->id, b->id);
		ck_assert_int_eq(a->answered, b->answered);
		ck_assert_int_eq(a->right, b->right);
		ck_assert_int_eq(a->wrong, b->wrong);
		for (int c = 0; c < REPORT_CHOICES; c++)
			ck_assert_int_eq(a->wrong_by_choice[c], b->wrong_by_choice[c]);
	}
	ck_assert_str_eq(m.chapter_questions[0].id, "q6"); /* c1's: 12 + 5 + 9 answers */
	ck_assert_int_eq(m.chapter_questions[0].answered, 26);
	ck_assert_int_eq(m.chapter_questions[0].right, 21);
	ck_assert_int_eq(m.chapter_questions[0].wrong_by_choice[2], 5);
	ck_assert_int_eq(m.chapter_questions[1].answered, 21); /* c2's q7: 12 + 9 */
	ck_assert_int_eq(m.chapter_questions[1].right, 9);
	ck_assert_int_eq(m.n_items, o.n_items);
	for (int i = 0; i < m.n_items; i++) {
		const struct report_item *a = &m.items[i], *b = item(&o, a->id);
		ck_assert_int_eq(a->n, b->n);
		ck_assert_int_eq(a->x, b->x);
		ck_assert_int_eq(a->r, b->r);
		ck_assert_int_eq(a->xr, b->xr);
		ck_assert_int_eq(a->rr, b->rr);
		ck_assert_msg(fabs(disc(a) - disc(b)) < 1e-9, "%s: %.12f vs %.12f", a->id, disc(a),
		              disc(b));
	}
	ck_assert_int_eq(m.n_kiosks, 3); /* the kiosks stay apart */
	report_free(&m);
	report_free(&o);
}
END_TEST

static void same_groups(const struct report_group *a, const struct report_group *b)
{
	ck_assert_int_eq(a->sessions, b->sessions);
	for (int i = 0; i < REPORT_STAGES; i++)
		ck_assert_int_eq(a->reached[i], b->reached[i]);
	for (int i = 0; i < REPORT_ENDS; i++)
		ck_assert_int_eq(a->ended[i], b->ended[i]);
	ck_assert_int_eq(a->quiz_taken, b->quiz_taken);
	ck_assert_int_eq(a->score_sum, b->score_sum);
	ck_assert_int_eq(a->passed, b->passed);
	ck_assert_int_eq(a->duration_sum, b->duration_sum);
}

/* A period takes part of a batch file's batches: the report reads those
 * batches (a range of them, report_take) and gives the figures of a
 * database holding only their sessions; every batch taken (no period) it
 * reads the file's sums and gives those of the whole database. */
START_TEST(test_period_of_a_batch_file)
{
	const char *build = getenv("BUILD") ? getenv("BUILD") : "build";
	static const char *const day[3] = {
	    "n=6 day=2024-05-01 lang=fr stage=result score=80 passed=1 ch=c1:1:100 "
	    "ans=q1:o1:0:1,q2:o1:1:1 cq=c1:q6:1:1 label=lundi\n",
	    "n=7 day=2024-05-02 lang=en stage=result score=40 passed=0 ch=c1:1:30,c2:1:60 "
	    "ans=q1:o1:2:0,q2:o1:1:1 cq=c1:q6:0:0\n"
	    "n=2 day=2024-05-02 lang=fr stage=home end=timed-out\n",
	    "n=5 day=2024-05-03 lang=de stage=result score=100 passed=1 ch=c2:1:100 "
	    "ans=q1:o1:0:1,q2:o1:1:1\n",
	};
	char cmd[1024], path[200];
	for (int k = 0; k < 2; k++) {
		snprintf(path, sizeof path, "%s/%s.spec", dir, k ? "middle" : "all");
		FILE *f = fopen(path, "w");
		for (int d = 0; d < 3; d++)
			if (!k || d == 1)
				fputs(day[d], f);
		fclose(f);
		snprintf(
		    cmd, sizeof cmd,
		    "%s/tools/gen_sessions -o %s/%s.db --seed 3 --kiosk-id hall < %s 2>/dev/null",
		    build, dir, k ? "middle" : "all", path);
		run(cmd);
	}
	snprintf(cmd, sizeof cmd,
	         "printf 'kiosk_id: hall\\ndatabase: %s/all.db\\n' > %s/k.yaml && "
	         "%s/kiosk-export --outbox %s/out --config %s/k.yaml --day 2024-05-04 --no-journal "
	         ">/dev/null",
	         dir, dir, build, dir, dir);
	run(cmd);
	char file[200], all[200], middle[200];
	snprintf(file, sizeof file, "%s/out/hall-2024-05-04.db", dir);
	snprintf(all, sizeof all, "%s/all.db", dir);
	snprintf(middle, sizeof middle, "%s/middle.db", dir);
	for (int whole = 0; whole < 2; whole++) {
		const char *f[1] = {file}, *o[1] = {whole ? all : middle};
		struct report m, t;
		ck_assert_int_eq(
		    report_load(&m, f, 1, whole ? NULL : "2024-05-02", whole ? NULL : "2024-05-02"),
		    0);
		ck_assert_int_eq(report_load(&t, o, 1, NULL, NULL), 0);
		ck_assert_int_eq(m.n_batches, whole ? 3 : 1);
		ck_assert_int_eq(m.total.sessions, whole ? 20 : 9);
		same_groups(&m.total, &t.total);
		ck_assert_int_eq(m.left_early, t.left_early);
		for (int i = 0; i < REPORT_BINS; i++)
			ck_assert_int_eq(m.bins[i], t.bins[i]);
		ck_assert_int_eq(m.n_langs, t.n_langs);
		for (int i = 0; i < m.n_langs; i++)
			same_groups(&m.langs[i], &t.langs[i]);
		ck_assert_int_eq(m.n_labels, t.n_labels);
		for (int i = 0; i < m.n_labels; i++)
			same_groups(&m.labels[i], &t.labels[i]);
		ck_assert_int_eq(m.n_chapters, t.n_chapters);
		for (int i = 0; i < m.n_chapters; i++) {
			ck_assert_int_eq(m.chapters[i].seen, t.chapters[i].seen);
			ck_assert_int_eq(m.chapters[i].share_sum, t.chapters[i].share_sum);
		}
		ck_assert_int_eq(m.n_questions, t.n_questions);
		for (int i = 0; i < m.n_questions; i++) {
			ck_assert_int_eq(m.questions[i].answered, t.questions[i].answered);
			ck_assert_int_eq(m.questions[i].right, t.questions[i].right);
		}
		ck_assert_int_eq(m.n_chapter_questions, t.n_chapter_questions);
		for (int i = 0; i < m.n_chapter_questions; i++)
			ck_assert_int_eq(m.chapter_questions[i].right,
			                 t.chapter_questions[i].right);
		ck_assert_int_eq(m.n_items, t.n_items);
		for (int i = 0; i < m.n_items; i++) {
			const struct report_item *a = &m.items[i], *b = item(&t, a->id);
			ck_assert_int_eq(a->n, b->n);
			ck_assert_int_eq(a->x, b->x);
			ck_assert_int_eq(a->xr, b->xr);
			ck_assert_int_eq(a->rr, b->rr);
		}
		report_free(&m);
		report_free(&t);
	}
}
END_TEST

int main(void)
{
	Suite *s = suite_create("report_merge");
	TCase *tc = tcase_create("merge");
	tcase_set_timeout(tc, 120);
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_batch_files_equal_one_database);
	tcase_add_test(tc, test_period_of_a_batch_file);
	suite_add_tcase(s, tc);
	return check_main(s);
}
