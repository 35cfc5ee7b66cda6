/* The module: chapters, questions and interface texts, loaded from
 * module.yaml by a libcyaml schema (see assets/modules/FORMAT.yaml). */
#ifndef KIOSK_CORE_CONTENT_H
#define KIOSK_CORE_CONTENT_H

#include <stdbool.h>
#include <stddef.h>

#include "core/limits.h"
#include "core/yaml/diag.h"
#include "core/ui_keys.h"

/* Languages the kiosk knows, in the order of struct ltext. */
enum { LANG_FR, LANG_EN, LANG_DE, LANG_MAX };
const char *lang_code(int lang);
int lang_index(const char *code); /* -1 if unknown */

/* A text in every language; s[lang] is NULL where the author gave none. */
struct ltext {
	char *s[LANG_MAX];
};

struct content_objective {
	char *id;
	char *chapter; /* the chapter that teaches it: a failed result sends there */
	struct ltext label;
};

/* The campaign's real film meant for a chapter, named while the shipped
 * videos are placeholders, so that --release can say what is missing and
 * the time budget can count its real length. */
struct content_film {
	char *name;       /* as the campaign titles it */
	unsigned seconds; /* its real length (0: not known yet) */
	char *rights;     /* YYYY-MM-DD the filmed colleagues' consent was confirmed */
};

struct content_chapter {
	char *id;
	struct ltext title;
	struct ltext *paragraphs;
	unsigned n_paragraphs;
	struct ltext *key_points;
	unsigned n_key_points;
	struct ltext video;        /* file per language, relative to the module */
	struct ltext subtitles;    /* SRT per language, relative to the module */
	char *image;               /* optional poster, relative to the module */
	bool video_placeholder;    /* the videos are provisional: --release refuses them */
	bool image_placeholder;    /* the poster is provisional: --release refuses it */
	unsigned video_seconds;    /* length of the shipped video, its longest language
	                              (0: not given); --check measures the files against
	                              it, and the home screen's time counts it */
	struct content_film *film; /* the campaign's real film for this chapter */
};

/* One thing the authors confirm before a release (a claim of chapter 1, an
 * official account, a contact, a house rule): what it is, in the authors'
 * words, and the date they confirmed it (NULL: not yet). */
struct content_signoff {
	char *what;
	char *url; /* optional: where to check it (an account's address) */
	char *confirmed;
};

/* What the module says about the campaign and its publisher that only the
 * authors can confirm; --check --release requires it (docs/module.md). */
struct content_campaign {
	char *status;    /* "running", "ended", or "unconfirmed" (refused by --release) */
	char *confirmed; /* YYYY-MM-DD the status was confirmed */
	struct content_signoff *claims; /* chapter 1's time-bound claims */
	unsigned n_claims;
	struct content_signoff *accounts; /* the official accounts the module names */
	unsigned n_accounts;
	struct content_signoff *contacts; /* IT help desk, communication service... */
	unsigned n_contacts;
	struct content_signoff *house_rules; /* rules not stated by the law or the source */
	unsigned n_house_rules;
	struct content_signoff *brand; /* the campaign's own logo and colours */
};

struct content_question {
	char *id;
	char *chapter; /* optional: also asked at the end of this chapter */
	char *objective;
	struct ltext prompt;
	struct ltext *choices;
	unsigned n_choices;
	unsigned answer; /* 1-based, as authors count */
	struct ltext explanation;
	bool true_false; /* a 2-choice question is allowed only when marked so */
};

/* A "Pour aller plus loin" item. An offer (a workshop, mentoring...) is
 * something a person could act on: an author must confirm it still runs,
 * with the date (YYYY-MM-DD), before --release accepts it. */
struct content_more {
	struct ltext text;
	bool offer;
	char *confirmed; /* YYYY-MM-DD, NULL while not confirmed */
};

struct content_ui {
	struct ltext s[UI_COUNT];
};

struct content_module {
	char *id;
	int version;
	char **languages;
	unsigned n_languages;
	unsigned pass_mark;   /* percent */
	unsigned max_minutes; /* time budget of a full pass (0: none) */
	unsigned final_quiz;  /* questions the final quiz draws from its pool (0: old
	                         modules: every question, chapter ones included) */
	bool allow_skip_video;
	char *more_url;        /* the result screen's QR code: a page a phone can open */
	struct ltext qr_label; /* says what the QR code opens (else ui.scan_me) */
	struct content_campaign *campaign; /* optional; --release requires it */
	struct ltext title;
	struct ltext tagline;
	struct content_objective *objectives;
	unsigned n_objectives;
	struct content_chapter *chapters;
	unsigned n_chapters;
	struct content_question *questions;
	unsigned n_questions;
	struct content_more *more;
	unsigned n_more;
	struct content_ui ui;

	/* Filled by content_load, not by the author. */
	char *dir;           /* the module folder */
	char *file;          /* its module.yaml */
	int langs[LANG_MAX]; /* module languages as lang indexes */
	int n_langs;
};

/* Load DIR/module.yaml. Every problem is added to diag with its position;
 * returns NULL if the file could not be loaded at all. A module that loads
 * but has problems (diag_count > 0) is returned and must not be shown. */
struct content_module *content_load(const char *dir, struct diag *diag);
void content_destroy(struct content_module *m);

/* The text in `lang`, else in the module's first language, else "". */
const char *ltext_get(const struct ltext *t, int lang);
const char *content_ui(const struct content_module *m, enum ui_key k, int lang);
/* Absolute-ish path of a file named by the module (caller frees). */
char *content_path(const struct content_module *m, const char *rel);
/* The YAML path ("chapters.2.title.de") of the text shown in `lang`, if the
 * module has it word for word; false otherwise. */
bool content_text_path(const struct content_module *m, const char *text, int lang, char *path,
                       size_t len);
/* The UI key of this name ("start_quiz"), or -1. */
int content_ui_key(const char *name);
/* Whether question q belongs to the final quiz's pool: the questions
 * without a chapter, or every question when the module has no final_quiz. */
bool content_in_final_pool(const struct content_module *m, unsigned q);
/* Questions the final quiz asks: final_quiz, or the whole pool (capped). */
unsigned content_final_size(const struct content_module *m);
/* Index of the chapter a question belongs to, or -1. */
int content_question_chapter(const struct content_module *m, unsigned q);
/* Number of questions of chapter c, and the i-th of them. */
unsigned content_chapter_questions(const struct content_module *m, unsigned c, unsigned *out,
                                   unsigned max);

/* Index of the entry whose char * at offset off equals id, -1 if none. */
int content_find_id(const char *id, const void *base, size_t size, unsigned n, size_t off);
/* Checks a loaded module's meaning (content_load does it); problems go to diag. */
void content_check(struct content_module *m, struct diag *diag);
/* The YAML name of UI string k (ui.KEY), NULL if out of range. */
const char *content_ui_name(int k);

#endif
