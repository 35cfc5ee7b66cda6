/* The trainer's published figures (core/trainer_snap.h): questions to
 * rewrite first, the wording of counts (« ≈ »), shares, averages (French
 * comma) and masked figures. */
#include <check.h>
#include <stdio.h>
#include <string.h>

#include "check_main.h"
#include "core/trainer_snap.h"

static struct snap_question q(const char *id, int order, unsigned flags)
{
	struct snap_question o = {.order = order, .flags = flags, .top_wrong = -1};
	snprintf(o.id, sizeof o.id, "%s", id);
	return o;
}

START_TEST(test_questions_to_rewrite_first)
{
	struct trainer_snap s = {.n_questions = 6};
	s.questions[0] = q("q1", 0, 0);
	s.questions[1] = q("q2", 1, SNAP_TOO_EASY);
	s.questions[2] = q("q3", 2, 0);
	s.questions[3] = q("q4", 3, SNAP_WEAK | SNAP_NEGATIVE);
	s.questions[4] = q("q5", 4, SNAP_TOO_HARD);
	s.questions[5] = q("q6", 5, SNAP_TOO_EASY);
	trainer_snap_sort(&s);
	static const char *const want[] = {"q4", "q5", "q2", "q6", "q1", "q3"};
	for (int i = 0; i < 6; i++)
		ck_assert_str_eq(s.questions[i].id, want[i]);
	ck_assert_str_eq(trainer_snap_verdict(SNAP_WEAK | SNAP_NEGATIVE),
	                 "les meilleurs s'y trompent plus (clé à vérifier)");
	ck_assert_str_eq(trainer_snap_verdict(SNAP_TOO_HARD), "trop difficile");
	ck_assert_ptr_null(trainer_snap_verdict(0));
}
END_TEST

START_TEST(test_lines)
{
	struct trainer_snap s = {.have = true,
	                         .perturbed = true,
	                         .first = "2026-12-03",
	                         .last = "2026-12-03",
	                         .sessions = 14,
	                         .finished = 12,
	                         .quiz_taken = 12,
	                         .passed = 3,
	                         .avg_score = 43.64};
	struct snap_lines l;
	trainer_snap_lines(&s, 5, &l);
	ck_assert_str_eq(l.period, "3 décembre");
	ck_assert_str_eq(l.sessions, "≈ 14");
	ck_assert_str_eq(l.finished, "≈ 12 (≈ 86 %)");
	ck_assert_str_eq(l.passed, "≈ 3 (≈ 25 %)");
	ck_assert_str_eq(l.score, "≈ 43,6 / 100");
	s.avg_hidden = true;
	s.pass_hidden = true;
	strcpy(s.first, "2026-11-28");
	trainer_snap_lines(&s, 5, &l);
	ck_assert_str_eq(l.score, "masqué (moins de 5)");
	ck_assert_str_eq(l.passed, "masqué (moins de 5)");
	ck_assert_str_eq(l.period, "du 28 novembre au 3 décembre");
	strcpy(s.first, "2026-12-01");
	trainer_snap_lines(&s, 5, &l);
	ck_assert_str_eq(l.period, "du 1er au 3 décembre");
	s = (struct trainer_snap){0};
	trainer_snap_lines(&s, 5, &l);
	ck_assert_str_eq(l.period, "aucune journée close");
	ck_assert_str_eq(l.sessions, "aucune");
}
END_TEST

START_TEST(test_question)
{
	struct trainer_snap s = {.have = true, .perturbed = true};
	struct snap_question x = q("q1", 0, 0);
	x.answered = 12;
	x.right = 9;
	x.top_wrong = 1;
	x.top_wrong_n = 2;
	char rate[96], wrong[96];
	trainer_snap_question(&s, &x, NULL, rate, sizeof rate, wrong, sizeof wrong);
	ck_assert_str_eq(rate, "≈ 75 % (≈ 12 réponses)");
	ck_assert_str_eq(wrong, "erreur la plus choisie : B (≈\u00a02)");
	trainer_snap_question(&s, &x, "Oui", rate, sizeof rate, wrong, sizeof wrong);
	ck_assert_str_eq(wrong, "erreur la plus choisie : B «\u00a0Oui\u00a0» (≈\u00a02)");
	x.hidden = true;
	trainer_snap_question(&s, &x, NULL, rate, sizeof rate, wrong, sizeof wrong);
	ck_assert_str_eq(rate, "masqué");
	ck_assert_str_eq(wrong, "");
	x = q("q2", 1, 0);
	trainer_snap_question(&s, &x, NULL, rate, sizeof rate, wrong, sizeof wrong);
	ck_assert_str_eq(rate, "pas de réponse");
	ck_assert_int_eq(trainer_snap_pct(2, 3), 67);
	ck_assert_int_eq(trainer_snap_pct(1, 0), 0);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("trainer_snap");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, test_questions_to_rewrite_first);
	tcase_add_test(tc, test_lines);
	tcase_add_test(tc, test_question);
	suite_add_tcase(s, tc);
	return check_main(s);
}
