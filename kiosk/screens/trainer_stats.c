/* The trainer screen's statistics (issue 21): « Aujourd'hui » (trainer.c)
 * shows today's rounded count, the last closed batch (« Dernière journée »)
 * and the month's closed batches; « Questions et chapitres » the last
 * batch per question, questions to rewrite first, in a list that scrolls;
 * « QR du jour » the same summary as a QR code of UTF-8 text.
 *
 * Every result comes from kiosk-report's published report of closed
 * batches (report_build_last, report_build: perturbed counts), read once
 * when the trainer screen opens, so the figures cannot move under the
 * trainer's eyes and the day in progress is in none of them. */
#include <errno.h>
#include <qrencode.h>
#include <stdio.h>
#include <string.h>

#include "core/cellkey.h"
#include "core/log.h"
#include "core/trainer_view.h"
#include "platform/store.h"
#include "report/report.h"
#include "screens/trainer_pages.h"
#include "screens/ui.h"

static int module_index(const struct content_module *m, const char *id, bool question)
{
	unsigned n = question ? m->n_questions : m->n_chapters;
	for (unsigned i = 0; i < n; i++)
		if (strcmp(question ? m->questions[i].id : m->chapters[i].id, id) == 0)
			return (int)i;
	return -1;
}

/* The published report r of the module m into s. */
static void fill(const struct report *r, const struct content_module *m, struct trainer_snap *s)
{
	*s = (struct trainer_snap){0};
	s->have = r->n_batches > 0;
	s->n_batches = r->n_batches;
	s->perturbed = r->perturbed;
	snprintf(s->first, sizeof s->first, "%s", r->first_day);
	snprintf(s->last, sizeof s->last, "%s", r->last_day);
	const struct report_group *t = &r->total;
	s->sessions = t->sessions;
	s->finished = t->reached[REPORT_STAGES - 1];
	s->finished_hidden = t->hidden || t->completion_hidden;
	s->quiz_taken = t->quiz_taken;
	s->passed = t->passed;
	s->pass_hidden = t->hidden || t->quiz_hidden || t->pass_hidden;
	s->avg_hidden = t->hidden || t->quiz_hidden || t->avg_hidden;
	s->avg_score = t->quiz_taken > 0 ? (double)t->score_sum / (double)t->quiz_taken : 0;
	/* The final quiz's questions, then the chapters' (the same module
	 * question can be both in an old module: two rows). */
	int n = r->n_questions + r->n_chapter_questions;
	for (int i = 0; i < n && s->n_questions < SNAP_MAX_QUESTIONS; i++) {
		bool in_chapter = i >= r->n_questions;
		const struct report_question *q =
		    in_chapter ? &r->chapter_questions[i - r->n_questions] : &r->questions[i];
		int at = strcmp(q->module, m->id) == 0 ? module_index(m, q->id, true) : -1;
		if (at < 0)
			continue; /* another module's, or a question since removed */
		struct snap_question *o = &s->questions[s->n_questions++];
		snprintf(o->id, sizeof o->id, "%s", q->id);
		o->order = at;
		o->chapter = in_chapter;
		o->answered = q->answered;
		o->right = q->right;
		o->hidden = q->hidden || q->right_hidden;
		o->top_wrong = q->wrong_hidden ? -1 : q->top_wrong;
		o->top_wrong_n = o->top_wrong >= 0 ? q->wrong_by_choice[o->top_wrong] : 0;
		for (int j = 0; j < r->n_items && !in_chapter; j++)
			if (strcmp(r->items[j].id, q->id) == 0 &&
			    strcmp(r->items[j].module, q->module) == 0)
				o->flags = r->items[j].flags;
	}
	for (unsigned c = 0; c < m->n_chapters && s->n_chapters < SNAP_MAX_CHAPTERS; c++) {
		struct snap_chapter *o = &s->chapters[s->n_chapters++];
		snprintf(o->id, sizeof o->id, "%s", m->chapters[c].id);
		o->sessions = t->sessions;
		o->hidden = true;
		for (int i = 0; i < r->n_chapters; i++)
			if (strcmp(r->chapters[i].id, o->id) == 0 &&
			    strcmp(r->chapters[i].module, m->id) == 0) {
				o->seen = r->chapters[i].seen;
				o->hidden = t->hidden || r->chapters[i].hidden;
			}
	}
	trainer_snap_sort(s);
}

void trainer_stats_load(struct kiosk *k, struct trainer_stats *st)
{
	*st = (struct trainer_stats){.loaded = true};
	char today[11], from[11];
	session_today(today);
	snprintf(from, sizeof from, "%.8s01", today);
	int kk = k->settings.min_group;
	struct trainer_counts t = {0};
	bool ok = k->store && store_counts(k->store, today, today, &t) == 0;
	trainer_view_today(t.sessions, kk, st->today, sizeof st->today);
	const char *db = k->settings.database;
	struct report r;
	if (report_build_last(&r, db, kk) == 0)
		fill(&r, k->module, &st->last);
	else
		ok = false;
	report_free(&r);
	if (report_build(&r, &db, 1, from, today, kk) == 0)
		fill(&r, k->module, &st->month);
	else
		ok = false;
	report_free(&r);
	st->ok = ok;
	char order[600];
	size_t len = 0;
	order[0] = '\0';
	for (int i = 0; i < st->last.n_questions && len < sizeof order; i++)
		len += (size_t)snprintf(order + len, sizeof order - len, "%s%s%s", i ? ", " : "",
		                        st->last.questions[i].id,
		                        st->last.questions[i].flags ? " (à réécrire)" : "");
	log_debug("trainer", "questions of the last batch, in the order shown: %s", order);
}

static const char *question_text(const struct kiosk *k, const char *id)
{
	int i = module_index(k->module, id, true);
	return i >= 0 ? ltext_get(&k->module->questions[i].prompt, LANG_FR) : id;
}

/* The French text of a question's choice (0-based), NULL if unknown. */
static const char *choice_text(const struct kiosk *k, const char *id, int choice)
{
	int i = module_index(k->module, id, true);
	if (i < 0 || choice < 0 || (unsigned)choice >= k->module->questions[i].n_choices)
		return NULL;
	return ltext_get(&k->module->questions[i].choices[choice], LANG_FR);
}

static const char *chapter_title(const struct kiosk *k, const char *id)
{
	int i = module_index(k->module, id, false);
	return i >= 0 ? ltext_get(&k->module->chapters[i].title, LANG_FR) : id;
}

/* A bar of pct percent in r (its height: the small text size). */
static void bar(struct kiosk *k, SDL_Rect r, int pct, bool shown)
{
	struct layout *l = &k->ui->lay;
	gfx_round(k->gfx, r, l->radius / 2, COL_LINE);
	int w = shown ? r.w * pct / 100 : 0;
	if (w > 0)
		gfx_round(k->gfx, (SDL_Rect){r.x, r.y, w, r.h}, l->radius / 2, COL_PRIMARY);
}

/* One question of the list; returns its height. Landscape: the question on
 * the left, the bar and figures on the right; portrait: one under the
 * other. */
static int question_row(struct kiosk *k, const struct trainer_snap *s,
                        const struct snap_question *q, SDL_Rect r)
{
	struct layout *l = &k->ui->lay;
	char rate[96], wrong[400], name[600];
	trainer_snap_question(s, q, choice_text(k, q->id, q->top_wrong), rate, sizeof rate, wrong,
	                      sizeof wrong);
	int c = q->chapter ? content_question_chapter(k->module, (unsigned)q->order) : -1;
	if (c >= 0)
		snprintf(name, sizeof name, "%s — %s", chapter_title(k, k->module->chapters[c].id),
		         question_text(k, q->id));
	else
		snprintf(name, sizeof name, "%s", question_text(k, q->id));
	int name_w = l->portrait ? r.w : r.w * 11 / 20;
	int y = r.y;
	const char *verdict = trainer_snap_verdict(q->flags);
	if (verdict) {
		char tag[120];
		snprintf(tag, sizeof tag, "À réécrire : %s", verdict);
		y += gfx_draw_text(k->gfx, tag, l->small, true,
		                   (SDL_Rect){r.x, y, name_w - l->pad, 0}, ALIGN_LEFT, COL_WRONG);
	}
	y += gfx_draw_text(k->gfx, name, l->small, false, (SDL_Rect){r.x, y, name_w - l->pad, 0},
	                   ALIGN_LEFT, COL_INK);
	int fx = l->portrait ? r.x : r.x + name_w, fw = r.w - (fx - r.x) - l->pad;
	int fy = l->portrait ? y + l->pad / 4 : r.y;
	bool shown = !q->hidden && q->answered > 0;
	bar(k, (SDL_Rect){fx, fy + l->small / 4, fw, l->small / 2},
	    trainer_snap_pct(q->right, q->answered), shown);
	fy += l->small;
	fy += gfx_draw_text(k->gfx, rate, l->small, true, (SDL_Rect){fx, fy, fw, 0}, ALIGN_LEFT,
	                    shown ? COL_INK : COL_MUTED);
	if (wrong[0])
		fy += gfx_draw_text(k->gfx, wrong, l->small, false, (SDL_Rect){fx, fy, fw, 0},
		                    ALIGN_LEFT, COL_MUTED);
	int bottom = y > fy ? y : fy;
	gfx_fill(k->gfx, (SDL_Rect){r.x, bottom + l->pad / 2, r.w - l->pad, 1}, COL_LINE);
	return bottom - r.y + l->pad;
}

static int chapter_row(struct kiosk *k, const struct trainer_snap *s, const struct snap_chapter *c,
                       SDL_Rect r)
{
	struct layout *l = &k->ui->lay;
	int name_w = r.w * 11 / 20, fw = r.w - name_w - l->pad;
	int h = gfx_draw_text(k->gfx, chapter_title(k, c->id), l->small, false,
	                      (SDL_Rect){r.x, r.y, name_w - l->pad, 0}, ALIGN_LEFT, COL_INK);
	int pct = trainer_snap_pct(c->seen, c->sessions);
	bar(k, (SDL_Rect){r.x + name_w, r.y + l->small / 4, fw, l->small / 2}, pct, !c->hidden);
	char buf[64];
	if (c->hidden)
		snprintf(buf, sizeof buf, "masqué");
	else
		snprintf(buf, sizeof buf, "%s%d %% l'ont ouvert", s->perturbed ? "≈ " : "", pct);
	int h2 = l->small + gfx_draw_text(k->gfx, buf, l->small, true,
	                                  (SDL_Rect){r.x + name_w, r.y + l->small, fw, 0},
	                                  ALIGN_LEFT, c->hidden ? COL_MUTED : COL_INK);
	return (h > h2 ? h : h2) + l->pad / 2;
}

void trainer_stats_detail(struct kiosk *k, struct trainer_stats *st)
{
	struct layout *l = &k->ui->lay;
	const struct trainer_snap *s = &st->last;
	struct snap_lines ln;
	trainer_snap_lines(s, k->settings.min_group, &ln);
	char buf[400];
	if (!s->have)
		snprintf(buf, sizeof buf,
		         "Aucune journée close pour l'instant : les chiffres d'une journée "
		         "apparaissent une fois la borne fermée (fin des heures d'ouverture ou "
		         "minuit) et au moins %d sessions réunies.",
		         k->settings.min_group);
	else
		snprintf(
		    buf, sizeof buf,
		    "Dernière journée : %s, %s sessions. Les questions à réécrire d'abord. "
		    "«\u00a0≈\u00a0» : chiffre publié avec un petit écart (±%d au plus) pour que "
		    "personne n'y soit reconnaissable. Faites glisser la liste.",
		    ln.period, ln.sessions, CELLKEY_MAX_DEV);
	int y = l->body.y;
	y += gfx_draw_text(k->gfx, buf, l->small, false, (SDL_Rect){l->body.x, y, l->body.w, 0},
	                   ALIGN_LEFT, COL_MUTED);
	y += l->pad / 2;
	gfx_fill(k->gfx, (SDL_Rect){l->body.x, y, l->body.w, 1}, COL_LINE);
	y += 1;
	SDL_Rect view = {l->body.x, y, l->body.w, trainer_pages_bottom(k) - y};
	int top = ui_scroll_begin(k, &st->scroll, view);
	int cy = top;
	/* Rows wholly in view, for the log (tests check the list scrolls to
	 * its last row). */
	int n = 0, first = -1, last = -1;
	if (s->have) {
		for (int i = 0; i < s->n_questions + s->n_chapters; i++, n++) {
			const char *head = NULL;
			if (i == 0 && s->n_questions > 0 && !s->questions[0].chapter)
				head = "Quiz final : bonnes réponses par question";
			else if (i < s->n_questions && s->questions[i].chapter &&
			         (i == 0 || !s->questions[i - 1].chapter))
				head = "Questions des chapitres : bonnes réponses au premier essai";
			else if (i == s->n_questions)
				head = "Chapitres ouverts (part des sessions)";
			if (head) {
				cy += i ? l->pad : 0;
				cy += gfx_draw_text(k->gfx, head, l->text, true,
				                    (SDL_Rect){view.x, cy, view.w, 0}, ALIGN_LEFT,
				                    COL_PRIMARY);
				cy += l->pad / 2;
			}
			SDL_Rect r = {view.x, cy, view.w, 0};
			int h = i < s->n_questions
			            ? question_row(k, s, &s->questions[i], r)
			            : chapter_row(k, s, &s->chapters[i - s->n_questions], r);
			if (cy >= view.y && cy + h <= view.y + view.h) {
				if (first < 0)
					first = i + 1;
				last = i + 1;
			}
			cy += h;
		}
	}
	ui_scroll_end(k, &st->scroll, cy - top + l->pad * 2);
	log_debug("trainer", "question list: rows %d to %d of %d in view", first, last, n);
}

/* The summary a trainer's phone reads from the QR code: the figures the
 * pages show, as plain text (no link, no network). */
static void summary_text(struct kiosk *k, const struct trainer_stats *st, char *out, size_t n)
{
	size_t len = 0;
#define ADD(...)                                                                                   \
	do {                                                                                       \
		if (len < n)                                                                       \
			len += (size_t)snprintf(out + len, n - len, __VA_ARGS__);                  \
	} while (0)
	ADD("Borne %s - %s\n", k->settings.kiosk_id, k->tday.day);
	const char *lt = trainer_pages_label_text(k);
	if (lt)
		ADD("%s\n", lt);
	ADD("Sessions aujourd'hui: %s\n", st->today);
	const struct trainer_snap *periods[2] = {&st->last, &st->month};
	static const char *const names[2] = {"Dernière journée", "Ce mois-ci"};
	for (int p = 0; p < 2; p++) {
		struct snap_lines ln;
		trainer_snap_lines(periods[p], k->settings.min_group, &ln);
		if (!periods[p]->have) {
			ADD("%s: %s\n", names[p], ln.period);
			continue;
		}
		ADD("%s (%s): %s sessions, allées au bout %s, quiz réussi %s, score moyen %s\n",
		    names[p], ln.period, ln.sessions, ln.finished, ln.passed, ln.score);
	}
	const struct trainer_snap *s = &st->last;
	bool first = true;
	for (int i = 0; i < s->n_questions; i++) {
		const struct snap_question *q = &s->questions[i];
		const char *v = trainer_snap_verdict(q->flags);
		if (!v)
			continue;
		ADD("%s%s (%s)", first ? "À réécrire: " : ", ", q->id, v);
		first = false;
	}
	if (!first)
		ADD("\n");
	/* The final quiz's questions, then the chapters' (first tries). */
	static const char *const heads[2] = {"Bonnes réponses (%, erreur la plus choisie): ",
	                                     "Questions des chapitres (%, erreur la plus "
	                                     "choisie): "};
	for (int part = 0; part < 2; part++) {
		first = true;
		for (int i = 0; i < s->n_questions; i++) {
			const struct snap_question *q = &s->questions[i];
			if (q->chapter != (part == 1) || q->hidden || q->answered <= 0)
				continue;
			ADD("%s%s %d%%", first ? heads[part] : ", ", q->id,
			    trainer_snap_pct(q->right, q->answered));
			if (q->top_wrong >= 0 && q->top_wrong_n > 0)
				ADD(" %c", 'A' + q->top_wrong);
			first = false;
		}
		if (!first)
			ADD("\n");
	}
#undef ADD
}

/* text as 8-bit data preceded by the ECI designator 26 (UTF-8): without
 * it a reader guesses the character set, and zbarimg took « allées » for
 * Shift JIS (« all矇es »). NULL when it does not fit (logged). */
static QRcode *qr_utf8(const char *text)
{
	QRinput *in = QRinput_new2(0, QR_ECLEVEL_L);
	QRcode *qr = NULL;
	if (in && QRinput_appendECIheader(in, 26) == 0 &&
	    QRinput_append(in, QR_MODE_8, (int)strlen(text), (const unsigned char *)text) == 0)
		qr = QRcode_encodeInput(in);
	if (!qr)
		log_warn("trainer", "QR code of the summary: %s", strerror(errno));
	QRinput_free(in);
	return qr;
}

void trainer_stats_qr(struct kiosk *k, const struct trainer_stats *st)
{
	struct layout *l = &k->ui->lay;
	char text[2000];
	summary_text(k, st, text, sizeof text);
	int bottom = trainer_pages_bottom(k);
	int side = bottom - l->body.y - l->pad;
	if (side > l->body.w / 2)
		side = l->body.w / 2;
	QRcode *qr = qr_utf8(text);
	int x = l->body.x, y = l->body.y;
	if (qr) {
		int quiet = 2, cells = qr->width + 2 * quiet, cell = side / cells;
		if (cell < 2)
			cell = 2;
		gfx_fill(k->gfx, (SDL_Rect){x, y, cell * cells, cell * cells}, COL_WHITE);
		for (int j = 0; j < qr->width; j++)
			for (int i = 0; i < qr->width; i++)
				if (qr->data[j * qr->width + i] & 1)
					gfx_fill(k->gfx,
					         (SDL_Rect){x + (i + quiet) * cell,
					                    y + (j + quiet) * cell, cell, cell},
					         COL_INK);
		side = cell * cells;
		QRcode_free(qr);
	}
	int tx = l->portrait ? x : x + side + l->pad;
	int ty = l->portrait ? y + side + l->pad : y;
	int tw = l->portrait ? l->body.w : l->body.w - side - l->pad;
	ty += gfx_draw_text(k->gfx,
	                    "Photographiez ce code avec un téléphone : il contient, en texte "
	                    "(aucun lien, aucun réseau), les chiffres de ces pages : les sessions "
	                    "d'aujourd'hui, la dernière journée et le mois, les questions à "
	                    "réécrire, la part de bonnes réponses à chaque question et l'erreur "
	                    "la plus choisie.",
	                    l->text, false, (SDL_Rect){tx, ty, tw, 0}, ALIGN_LEFT, COL_INK);
	struct snap_lines ln;
	trainer_snap_lines(&st->last, k->settings.min_group, &ln);
	char buf[200];
	snprintf(buf, sizeof buf, "Dernière journée : %s, %s sessions.", ln.period, ln.sessions);
	gfx_draw_text(k->gfx, buf, l->text, true, (SDL_Rect){tx, ty + l->pad, tw, 0}, ALIGN_LEFT,
	              COL_PRIMARY);
}
