/* The item-writing cues `kiosk --check` warns about: what lets a person who
 * has not seen the module pick the right choice by its form alone. Each is
 * a warning ("warning: " before the message), named by question and
 * language, at its YAML position; a warning does not fail --check. The
 * heuristics are per language (fr, en, de) and documented in
 * docs/module.md, "How questions are checked". */
#ifndef KIOSK_CORE_ITEMLINT_H
#define KIOSK_CORE_ITEMLINT_H

#include <stdbool.h>

#include "core/content.h"
#include "core/yaml/diag.h"

/* The kind of a choice's opening: what its first word makes it. */
enum item_kind {
	KIND_OTHER,      /* anything else: compared by the word itself */
	KIND_INFINITIVE, /* "Vérifier…", "Ne pas…", "Check…", "Alles prüfen" */
	KIND_NOUN,       /* a determiner: "Le réseau…", "The account…", "Ein Konto" */
	KIND_YESNO,      /* "Oui…", "Non…", "Yes", "No,", "Ja", "Nein" */
	KIND_PRONOUN,    /* "Je…", "Vous…", "I…", "Ich…" */
};

/* The kind of text in lang; word receives its first word, lowercased. */
enum item_kind item_kind(const char *text, int lang, char *word, size_t len);

/* Who a text speaks as, in lang: 1 the first person (je, I, ich), 2 the
 * formal second person (vous, you, Sie), 3 both, 0 neither. */
int item_person(const char *text, int lang);

/* A content word of the prompt found in the right choice and in no other
 * one (copied to word), or false. */
bool item_echo(const struct content_question *q, int lang, char *word, size_t len);

/* Every warning: the right choice strictly longest, or strictly shortest,
 * in more than a third of a language's questions (the questions named);
 * the right choice alone of its kind while the others share theirs; a
 * content word of the prompt echoed by the right choice only; "je" and
 * "vous" mixed across a language's choices (the fewer warned); a chapter no objective names, an
 * objective that names no chapter. */
void item_lint(const struct content_module *m, struct diag *warn);

#endif
