/* The meaning of a loaded module: languages, ids, references, answers and
 * files, each problem reported at its YAML position. */
#include "core/content.h"

#include <ctype.h>
#include <stdarg.h>
#include <stddef.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/yaml/yamlpos.h"

struct check {
	const struct content_module *m;
	struct diag *diag;
	struct yamlpos *pos;
};

static void problem(struct check *c, const char *msg, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void problem(struct check *c, const char *msg, const char *fmt, ...)
{
	char path[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(path, sizeof(path), fmt, ap);
	va_end(ap);
	int line, col;
	yamlpos_find(c->pos, &line, &col, "%s", path);
	diag_add(c->diag, c->m->file, line, col, "%s", msg);
}

static bool valid_id(const char *id)
{
	if (!id || !*id)
		return false;
	for (const char *p = id; *p; p++)
		if (!(islower((unsigned char)*p) || isdigit((unsigned char)*p) || *p == '-'))
			return false;
	return true;
}

/* YYYY-MM-DD with a month 01-12 and a day 01-31. */
static bool valid_date(const char *d)
{
	int y, mo, da;
	char end;
	return strlen(d) == 10 && d[4] == '-' && d[7] == '-' &&
	       sscanf(d, "%4d-%2d-%2d%c", &y, &mo, &da, &end) == 3 && y >= 2000 && mo >= 1 &&
	       mo <= 12 && da >= 1 && da <= 31;
}

/* path: printf-style with one string; its last key names the date. */
static void check_date(struct check *c, const char *d, const char *fmt, const char *a)
{
	if (!d || valid_date(d))
		return;
	char path[160], msg[200];
	snprintf(path, sizeof(path), fmt, a);
	const char *dot = strrchr(path, '.');
	snprintf(msg, sizeof(msg), "%s must be a date, YYYY-MM-DD", dot ? dot + 1 : path);
	problem(c, msg, "%s", path);
}

/* parent: the path of the mapping holding the id ("" for the module). */
static void check_id(struct check *c, const char *id, const char *parent)
{
	if (!valid_id(id))
		problem(c, "an id may only use a-z, 0-9 and '-'", "%s%sid", parent,
		        *parent ? "." : "");
}

/* Every module language must have a non-empty text. */
static void check_ltext(struct check *c, const struct ltext *t, const char *path)
{
	for (int i = 0; i < c->m->n_langs; i++) {
		int l = c->m->langs[i];
		if (!t->s[l] || !t->s[l][0]) {
			char msg[96];
			snprintf(msg, sizeof(msg), "text missing in language '%s'", lang_code(l));
			problem(c, msg, "%s", path);
		}
	}
}

/* Module files stay inside the module folder: an absolute path, a ".."
 * or a link leading out could make the kiosk show any file of the
 * machine. NULL when rel is fine, else why not. */
static const char *outside(const char *dir, const char *rel)
{
	if (rel[0] == '/')
		return "absolute path: module files must be inside the module folder";
	for (const char *p = rel; *p;) {
		size_t n = strcspn(p, "/");
		if (n == 2 && p[0] == '.' && p[1] == '.')
			return "'..' in the path: module files must be inside the module folder";
		p += n + (p[n] == '/');
	}
	char path[4096], real_dir[PATH_MAX], real[PATH_MAX];
	snprintf(path, sizeof(path), "%s/%s", dir, rel);
	if (realpath(dir, real_dir) && realpath(path, real)) {
		size_t n = strlen(real_dir);
		if (strncmp(real, real_dir, n) != 0 || real[n] != '/')
			return "a link leading out of the module folder";
	}
	return NULL;
}

static bool file_ok(const char *dir, const char *rel)
{
	char path[4096];
	snprintf(path, sizeof(path), "%s/%s", dir, rel);
	struct stat st;
	return !outside(dir, rel) && stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

static void file_problem(struct check *c, const char *rel, const char *fmt, const char *a,
                         const char *b)
{
	char msg[600];
	const char *why = outside(c->m->dir, rel);
	if (why) {
		snprintf(msg, sizeof(msg), "%s: %s", rel, why);
	} else {
		/* A FIFO or a folder is there, but is no file. */
		char path[4096];
		struct stat st;
		snprintf(path, sizeof(path), "%s/%s", c->m->dir, rel);
		int err = stat(path, &st) == 0 ? 0 : errno;
		snprintf(msg, sizeof(msg), "%s: %s",
		         !err                              ? "not a regular file"
		         : err == ENOENT || err == ENOTDIR ? "file not found"
		                                           : strerror(err),
		         rel);
	}
	problem(c, msg, fmt, a, b);
}

static void check_files(struct check *c, const struct ltext *t, const char *path)
{
	for (int i = 0; i < c->m->n_langs; i++) {
		int l = c->m->langs[i];
		if (!t->s[l])
			continue;
		if (!file_ok(c->m->dir, t->s[l]))
			file_problem(c, t->s[l], "%s.%s", path, lang_code(l));
	}
}

static void check_languages(struct check *c, struct content_module *m)
{
	m->n_langs = 0;
	for (unsigned i = 0; i < m->n_languages; i++) {
		int l = lang_index(m->languages[i]);
		if (l < 0) {
			problem(c, "unknown language (known: fr, en, de)", "languages.%u", i);
			continue;
		}
		bool dup = false;
		for (int j = 0; j < m->n_langs; j++)
			dup |= m->langs[j] == l;
		if (dup)
			problem(c, "language listed twice", "languages.%u", i);
		else
			m->langs[m->n_langs++] = l;
	}
}

static void check_chapters(struct check *c)
{
	const struct content_module *m = c->m;
	for (unsigned i = 0; i < m->n_chapters; i++) {
		const struct content_chapter *ch = &m->chapters[i];
		char p[64];
		snprintf(p, sizeof(p), "chapters.%u", i);
		check_id(c, ch->id, p);
		if (content_find_id(ch->id, m->chapters, sizeof(*ch), i,
		                    offsetof(struct content_chapter, id)) >= 0)
			problem(c, "two chapters have this id", "%s.id", p);
		char t[96];
		snprintf(t, sizeof(t), "%s.title", p);
		check_ltext(c, &ch->title, t);
		for (unsigned k = 0; k < ch->n_paragraphs; k++) {
			char q[96];
			snprintf(q, sizeof(q), "%s.paragraphs.%u", p, k);
			check_ltext(c, &ch->paragraphs[k], q);
		}
		for (unsigned k = 0; k < ch->n_key_points; k++) {
			char q[96];
			snprintf(q, sizeof(q), "%s.key_points.%u", p, k);
			check_ltext(c, &ch->key_points[k], q);
		}
		char v[96], s[96];
		snprintf(v, sizeof(v), "%s.video", p);
		snprintf(s, sizeof(s), "%s.subtitles", p);
		bool has_video = false, has_subs = false;
		for (int l = 0; l < LANG_MAX; l++) {
			has_video |= ch->video.s[l] != NULL;
			has_subs |= ch->subtitles.s[l] != NULL;
		}
		if (has_video)
			check_ltext(c, &ch->video, v);
		if (has_subs)
			check_ltext(c, &ch->subtitles, s);
		if (has_subs && !has_video)
			problem(c, "subtitles given without a video", "%s", s);
		check_files(c, &ch->video, v);
		check_files(c, &ch->subtitles, s);
		if (ch->image && !file_ok(m->dir, ch->image))
			file_problem(c, ch->image, "%s.image%s", p, "");
		if (ch->image_placeholder && !ch->image)
			problem(c, "image_placeholder without an image", "%s.image_placeholder", p);
		if (ch->video_seconds && !has_video)
			problem(c, "video_seconds without a video", "%s.video_seconds", p);
		if (ch->video_seconds > 3600 || (ch->film && ch->film->seconds > 3600))
			problem(c, "a chapter's video lasts at most 3600 seconds",
			        ch->video_seconds > 3600 ? "%s.video_seconds" : "%s.film.seconds",
			        p);
		if (ch->film)
			check_date(c, ch->film->rights, "%s.film.rights", p);
	}
}

static void check_signoffs(struct check *c, const char *key, const struct content_signoff *s,
                           unsigned n)
{
	for (unsigned i = 0; i < n; i++) {
		char p[96];
		snprintf(p, sizeof(p), "campaign.%s.%u", key, i);
		check_date(c, s[i].confirmed, "%s.confirmed", p);
	}
}

static void check_campaign(struct check *c, const struct content_campaign *cp)
{
	static const char *const states[] = {"running", "ended", "unconfirmed"};
	bool known = false;
	for (size_t i = 0; i < sizeof(states) / sizeof(states[0]); i++)
		known |= strcmp(cp->status, states[i]) == 0;
	if (!known)
		problem(c, "status is running, ended or unconfirmed", "campaign.status");
	check_date(c, cp->confirmed, "%s", "campaign.confirmed");
	check_signoffs(c, "claims", cp->claims, cp->n_claims);
	check_signoffs(c, "accounts", cp->accounts, cp->n_accounts);
	check_signoffs(c, "contacts", cp->contacts, cp->n_contacts);
	check_signoffs(c, "house_rules", cp->house_rules, cp->n_house_rules);
	if (cp->brand)
		check_date(c, cp->brand->confirmed, "%s", "campaign.brand.confirmed");
}

static void check_questions(struct check *c)
{
	const struct content_module *m = c->m;
	for (unsigned i = 0; i < m->n_questions; i++) {
		const struct content_question *q = &m->questions[i];
		char p[64], sub[96];
		snprintf(p, sizeof(p), "questions.%u", i);
		check_id(c, q->id, p);
		if (content_find_id(q->id, m->questions, sizeof(*q), i,
		                    offsetof(struct content_question, id)) >= 0)
			problem(c, "two questions have this id", "%s.id", p);
		if (q->chapter &&
		    content_find_id(q->chapter, m->chapters, sizeof(*m->chapters), m->n_chapters,
		                    offsetof(struct content_chapter, id)) < 0)
			problem(c, "no chapter has this id", "%s.chapter", p);
		if (content_find_id(q->objective, m->objectives, sizeof(*m->objectives),
		                    m->n_objectives, offsetof(struct content_objective, id)) < 0)
			problem(c, "no objective has this id", "%s.objective", p);
		if (q->answer < 1 || q->answer > q->n_choices) {
			char msg[96];
			snprintf(msg, sizeof(msg),
			         "the right answer %u is not among the %u choices", q->answer,
			         q->n_choices);
			problem(c, msg, "%s.answer", p);
		}
		if (q->true_false && q->n_choices != 2)
			problem(c, "a true_false question has exactly 2 choices", "%s.true_false",
			        p);
		snprintf(sub, sizeof(sub), "%s.prompt", p);
		check_ltext(c, &q->prompt, sub);
		snprintf(sub, sizeof(sub), "%s.explanation", p);
		check_ltext(c, &q->explanation, sub);
		for (unsigned k = 0; k < q->n_choices; k++) {
			snprintf(sub, sizeof(sub), "%s.choices.%u", p, k);
			check_ltext(c, &q->choices[k], sub);
		}
	}
}

static void check_module(struct check *c, struct content_module *m)
{
	check_languages(c, m);
	check_id(c, m->id, "");
	if (m->version < 1)
		problem(c, "version must be 1 or more", "version");
	if (m->pass_mark < 1 || m->pass_mark > 100)
		problem(c, "pass_mark must be a percentage from 1 to 100", "pass_mark");
	check_ltext(c, &m->title, "title");
	check_ltext(c, &m->tagline, "tagline");
	for (unsigned i = 0; i < m->n_objectives; i++) {
		char p[64];
		snprintf(p, sizeof(p), "objectives.%u", i);
		check_id(c, m->objectives[i].id, p);
		if (content_find_id(m->objectives[i].id, m->objectives, sizeof(*m->objectives), i,
		                    offsetof(struct content_objective, id)) >= 0)
			problem(c, "two objectives have this id", "%s.id", p);
		const char *ch = m->objectives[i].chapter;
		if (ch && content_find_id(ch, m->chapters, sizeof(*m->chapters), m->n_chapters,
		                          offsetof(struct content_chapter, id)) < 0)
			problem(c, "no chapter has this id", "%s.chapter", p);
		strcat(p, ".label");
		check_ltext(c, &m->objectives[i].label, p);
	}
	check_chapters(c);
	check_questions(c);
	if (m->final_quiz) {
		unsigned pool = 0;
		for (unsigned q = 0; q < m->n_questions; q++)
			pool += !m->questions[q].chapter;
		if (m->final_quiz > pool) {
			char msg[160];
			snprintf(msg, sizeof(msg),
			         "final_quiz asks %u questions but its pool (questions without "
			         "a chapter) has %u",
			         m->final_quiz, pool);
			problem(c, msg, "final_quiz");
		}
	}
	if (m->campaign)
		check_campaign(c, m->campaign);
	bool label = false;
	for (int l = 0; l < LANG_MAX; l++)
		label |= m->qr_label.s[l] != NULL;
	if (label)
		check_ltext(c, &m->qr_label, "qr_label");
	if (label && !m->more_url)
		problem(c, "qr_label without more_url: there is no QR code to label", "qr_label");
	if (m->max_minutes > 120)
		problem(c, "max_minutes must be from 1 to 120 (or left out)", "max_minutes");
	for (unsigned i = 0; i < m->n_more; i++) {
		char p[64];
		snprintf(p, sizeof(p), "more.%u", i);
		check_ltext(c, &m->more[i].text, p);
		check_date(c, m->more[i].confirmed, "%s.confirmed", p);
	}
	for (int k = 0; k < UI_COUNT; k++) {
		bool any = false;
		for (int l = 0; l < LANG_MAX; l++)
			any |= m->ui.s[k].s[l] != NULL;
		if (k >= UI_REQUIRED && !any)
			continue; /* an optional key left out */
		char p[64];
		snprintf(p, sizeof(p), "ui.%s", content_ui_name(k));
		check_ltext(c, &m->ui.s[k], p);
	}
}

void content_check(struct content_module *m, struct diag *diag)
{
	struct check c = {.m = m, .diag = diag, .pos = yamlpos_read(m->file)};
	check_module(&c, m);
	yamlpos_destroy(c.pos);
}
