/* The item-writing warnings of kiosk --check (core/itemlint.h): each rule
 * over a small module built in memory, once where it must warn and once
 * where it must not. */
#include <check.h>

#include "check_main.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/itemlint.h"

static char *diag_text(const struct diag *d)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);
	diag_print(d, out);
	fclose(out);
	return buf;
}

/* ---- kinds ---- */

static const struct {
	int lang;
	const char *text;
	enum item_kind kind;
} kind_cases[] = {
    {LANG_FR, "Vérifier la source avant de partager", KIND_INFINITIVE},
    {LANG_FR, "Ne pas répondre sur le fond", KIND_INFINITIVE},
    {LANG_FR, "Se protéger d’abord", KIND_INFINITIVE},
    {LANG_FR, "Le réseau de mes amis", KIND_NOUN},
    {LANG_FR, "L’avis de mon responsable", KIND_NOUN},
    {LANG_FR, "Oui, c’est une obligation", KIND_YESNO},
    {LANG_FR, "Non, jamais", KIND_YESNO},
    {LANG_FR, "Je réponds et je l’oriente", KIND_PRONOUN},
    {LANG_FR, "Vous pouvez, si vous le souhaitez", KIND_PRONOUN},
    {LANG_FR, "J’attends d’en savoir plus", KIND_PRONOUN},
    {LANG_FR, "Avec des listes", KIND_OTHER},
    {LANG_FR, "Entre collègues", KIND_OTHER},
    {LANG_EN, "Check the source first", KIND_INFINITIVE},
    {LANG_EN, "Never share it", KIND_INFINITIVE},
    {LANG_EN, "To check the source", KIND_INFINITIVE},
    {LANG_EN, "The network my friends use", KIND_NOUN},
    {LANG_EN, "No photo of children", KIND_NOUN},
    {LANG_EN, "No, never", KIND_YESNO},
    {LANG_EN, "Yes", KIND_YESNO},
    {LANG_EN, "I answer politely", KIND_PRONOUN},
    {LANG_EN, "With lists", KIND_OTHER},
    {LANG_DE, "Alle Kolleginnen und Kollegen hinzufügen", KIND_INFINITIVE},
    {LANG_DE, "Festlegen, was ich davon erwarte", KIND_INFINITIVE},
    {LANG_DE, "Mich überall anmelden, um nichts zu verpassen", KIND_INFINITIVE},
    {LANG_DE, "Das Netzwerk meiner Freunde", KIND_NOUN},
    {LANG_DE, "Ein eigenes Passwort", KIND_NOUN},
    {LANG_DE, "Ja, immer", KIND_YESNO},
    {LANG_DE, "Nein", KIND_YESNO},
    {LANG_DE, "Ich antworte höflich", KIND_PRONOUN},
    {LANG_DE, "Mit Listen", KIND_OTHER},
};

START_TEST(test_kind)
{
	char word[48];
	enum item_kind k = item_kind(kind_cases[_i].text, kind_cases[_i].lang, word, sizeof(word));
	ck_assert_msg(k == kind_cases[_i].kind, "%s \"%s\": kind %d, expected %d",
	              lang_code(kind_cases[_i].lang), kind_cases[_i].text, k, kind_cases[_i].kind);
}
END_TEST

START_TEST(test_person)
{
	ck_assert_int_eq(item_person("Je réponds poliment", LANG_FR), 1);
	ck_assert_int_eq(item_person("Vous pouvez, si vous le souhaitez", LANG_FR), 2);
	ck_assert_int_eq(item_person("J’en parle à votre responsable", LANG_FR), 3);
	ck_assert_int_eq(item_person("Rien : un compte reste privé", LANG_FR), 0);
	ck_assert_int_eq(item_person("I check first", LANG_EN), 1);
	ck_assert_int_eq(item_person("You may if you want", LANG_EN), 2);
	ck_assert_int_eq(item_person("Ich prüfe zuerst", LANG_DE), 1);
	ck_assert_int_eq(item_person("Das dürfen Sie, wenn Sie wollen", LANG_DE), 2);
	/* "sie" (they, she) lower case, and "Sie" opening a sentence, are not
	 * the formal "you" for sure: only mid-sentence capitals count. */
	ck_assert_int_eq(item_person("Die Kollegen sehen, was sie wollen", LANG_DE), 0);
}
END_TEST

/* ---- a module in memory: 6 questions, 3 choices each, in fr ---- */

static struct ltext choice_sets[6][3];
static struct content_question questions[6];
static struct content_chapter chapters[2];
static struct content_objective objectives[2];
static struct content_module mod;

static struct ltext T(const char *s) {
	return (struct ltext){{[LANG_FR] = (char *)s}};
}

/* Clean: choices of one kind and one length, the right one first; each
 * chapter named by an objective. */
static void
build(void)
{
	static const char *const texts[3] = {"Vérifier la source", "Partager la source",
	                                     "Demander la source"};
	for (int q = 0; q < 6; q++) {
		for (int k = 0; k < 3; k++)
			choice_sets[q][k] = T(texts[k]);
		questions[q] =
		    (struct content_question){.id = q ? "q-other" : "q-one",
		                              .objective = "o1",
		                              .prompt = T("Une image circule. Que faire ?"),
		                              .choices = choice_sets[q],
		                              .n_choices = 3,
		                              .answer = 1,
		                              .explanation = T(".")};
	}
	chapters[0] = (struct content_chapter){.id = "a"};
	chapters[1] = (struct content_chapter){.id = "b"};
	objectives[0] = (struct content_objective){.id = "o1", .chapter = "a"};
	objectives[1] = (struct content_objective){.id = "o2", .chapter = "b"};
	mod = (struct content_module){.id = "m",
	                              .questions = questions,
	                              .n_questions = 6,
	                              .chapters = chapters,
	                              .n_chapters = 2,
	                              .objectives = objectives,
	                              .n_objectives = 2,
	                              .langs = {LANG_FR},
	                              .n_langs = 1};
}

static char *lint(void)
{
	struct diag d = {0};
	item_lint(&mod, &d);
	char *s = diag_text(&d);
	diag_free(&d);
	return s;
}

START_TEST(test_clean)
{
	build();
	char *s = lint();
	ck_assert_msg(*s == '\0', "a clean module has warnings:\n%s", s);
	free(s);
}
END_TEST

/* Strictly shortest in 3 of 6 (more than a third): warned, with the
 * questions named; in 2 of 6 (a third): not. Likewise the longest. */
START_TEST(test_lengths)
{
	build();
	for (int q = 0; q < 3; q++)
		choice_sets[q][0] = T("Vérifier");
	char *s = lint();
	ck_assert_msg(strstr(s, "warning: fr: the right choice is strictly the shortest in 3 of 6 "
	                        "questions (at most a third may be): picking the shortest would "
	                        "pass: q-one, q-other, q-other"),
	              "%s", s);
	free(s);
	choice_sets[2][0] = T("Vérifier la source");
	s = lint();
	ck_assert_msg(!strstr(s, "strictly the shortest"), "2 of 6 warned:\n%s", s);
	free(s);
	build();
	for (int q = 0; q < 3; q++)
		choice_sets[q][0] = T("Vérifier la source et la date");
	s = lint();
	ck_assert_msg(strstr(s, "strictly the longest in 3 of 6"), "%s", s);
	free(s);
	/* A tie is neither strictly longest nor strictly shortest. */
	build();
	for (int q = 0; q < 3; q++) {
		choice_sets[q][0] = T("Vérifier");
		choice_sets[q][1] = T("Partager");
	}
	s = lint();
	ck_assert_msg(!strstr(s, "strictly"), "%s", s);
	free(s);
}
END_TEST

/* The right choice a noun phrase among infinitives: warned; a noun
 * phrase among an infinitive and a pronoun: not (no shared form). */
START_TEST(test_odd_kind)
{
	build();
	choice_sets[0][0] = T("La source d’abord");
	char *s = lint();
	ck_assert_msg(strstr(s, "warning: q-one (fr): the right choice opens with a noun phrase, "
	                        "every other one with an infinitive"),
	              "%s", s);
	free(s);
	choice_sets[0][1] = T("Je partage aussitôt");
	s = lint();
	ck_assert_msg(!strstr(s, "opens with"), "%s", s);
	free(s);
	/* The odd one a wrong choice: no cue to the answer. */
	build();
	choice_sets[0][1] = T("La source d’abord");
	s = lint();
	ck_assert_msg(!strstr(s, "opens with"), "%s", s);
	free(s);
	/* Same kind "other": compared by the word itself. */
	build();
	choice_sets[0][0] = T("Avec des listes");
	choice_sets[0][1] = T("En suivant tout");
	choice_sets[0][2] = T("En lisant tout");
	s = lint();
	ck_assert_msg(strstr(s, "opens with « avec », every other one with « en »"), "%s", s);
	free(s);
}
END_TEST

/* The prompt's "métier" in the right choice only: warned; in a wrong one
 * too: not; a function word ("vous") never. */
START_TEST(test_echo)
{
	build();
	questions[0].prompt = T("Vous voulez suivre votre métier. Quel réseau ?");
	choice_sets[0][0] = T("Celui des gens du métier");
	char *s = lint();
	ck_assert_msg(strstr(s, "warning: q-one (fr): the prompt's word \"métier\" comes back in "
	                        "the right choice only"),
	              "%s", s);
	free(s);
	choice_sets[0][1] = T("Celui des métiers voisins");
	s = lint();
	ck_assert_msg(!strstr(s, "comes back"), "%s", s);
	free(s);
	build();
	questions[0].prompt = T("Vous voulez suivre. Quel réseau ?");
	choice_sets[0][0] = T("Celui que vous aimez");
	s = lint();
	ck_assert_msg(!strstr(s, "comes back"), "%s", s);
	free(s);
}
END_TEST

/* One choice in « vous » among « je »: that one is warned. */
START_TEST(test_person_mixed)
{
	build();
	for (int q = 0; q < 6; q++) {
		choice_sets[q][0] = T("Je vérifie la source");
		choice_sets[q][1] = T("Je partage aussitôt");
		choice_sets[q][2] = T("Je demande autour");
	}
	char *s = lint();
	ck_assert_msg(!strstr(s, "one voice"), "%s", s);
	free(s);
	choice_sets[3][2] = T("Vous demandez autour");
	s = lint();
	ck_assert_msg(strstr(s, "warning: q-other (fr): choice 3 says \"vous\" while 17 choices of "
	                        "the module say \"je\""),
	              "%s", s);
	free(s);
}
END_TEST

/* Chapter 2 named by no objective; an objective naming no chapter. */
START_TEST(test_chapters)
{
	build();
	objectives[1].chapter = NULL;
	char *s = lint();
	ck_assert_msg(strstr(s, "warning: chapter 2 (b): no objective names it"), "%s", s);
	ck_assert_msg(strstr(s, "warning: objective o2 names no chapter"), "%s", s);
	ck_assert_msg(!strstr(s, "chapter 1 (a)"), "%s", s);
	free(s);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("itemlint");
	TCase *tc = tcase_create("words");
	tcase_add_loop_test(tc, test_kind, 0, sizeof(kind_cases) / sizeof(kind_cases[0]));
	tcase_add_test(tc, test_person);
	suite_add_tcase(s, tc);
	tc = tcase_create("rules");
	tcase_add_test(tc, test_clean);
	tcase_add_test(tc, test_lengths);
	tcase_add_test(tc, test_odd_kind);
	tcase_add_test(tc, test_echo);
	tcase_add_test(tc, test_person_mixed);
	tcase_add_test(tc, test_chapters);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return check_main(suite());
}
