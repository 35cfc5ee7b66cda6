/* quiz: one question, big choices; after a tap, right or wrong, why, "Suivant". */
#include <limits.h>
#include <stdio.h>

#include "screens/ui.h"

enum { ACT_CHOICE = ACT_SCREEN, ACT_NEXT };

/* Which choices an answered question still shows. */
enum shown { SHOW_ALL, SHOW_TAKEN, SHOW_NONE };

static bool shown(enum shown show, enum button_style st)
{
	return show == SHOW_ALL || (show == SHOW_TAKEN && st != BTN_DISABLED);
}

static enum button_style choice_style(const struct kiosk *k, const struct content_question *q,
                                      unsigned i)
{
	bool answered = k->flow.chosen >= 0;
	if (answered && i + 1 == q->answer)
		return BTN_RIGHT;
	if (answered && (int)i == k->flow.chosen)
		return BTN_WRONG;
	return answered ? BTN_DISABLED : BTN_CARD;
}

static int choices_height(struct kiosk *k, const struct content_question *q, int w, enum shown show)
{
	int h = 0;
	for (unsigned i = 0; i < q->n_choices; i++)
		if (shown(show, choice_style(k, q, i)))
			h += ui_button_height(k, ltext_get(&q->choices[i], kiosk_lang(k)), w) +
			     k->ui->lay.pad * 2 / 3;
	return h;
}

/* No word of the question or its choices is wider than w (a long German
 * compound at large text in a narrow column). */
static bool words_fit(struct kiosk *k, const struct content_question *q, int w)
{
	int lang = kiosk_lang(k);
	bool ok = gfx_text_fits(k->gfx, ltext_get(&q->prompt, lang), k->ui->lay.text, true, w);
	for (unsigned i = 0; i < q->n_choices && ok; i++)
		ok = gfx_text_fits(k->gfx, ltext_get(&q->choices[i], lang), k->ui->lay.text, true,
		                   w);
	return ok;
}

/* How the feedback is laid out in a card inner wide: the verdict's size,
 * whether the right answer is repeated, and the height that takes. */
struct feedback {
	int vs;      /* the verdict's size */
	bool repeat; /* « La bonne réponse : » and the right answer, at body size */
	int h;
};

/* Large text reflows: when the card (avail high) is too short, the verdict
 * goes to body size and, beside the choices (landscape), the right answer
 * is left to its green choice. right_hidden: no choice is shown, so the
 * feedback always names the right answer. */
static struct feedback feedback_layout(struct kiosk *k, const struct content_question *q, int inner,
                                       int avail, bool right_hidden)
{
	struct layout *l = &k->ui->lay;
	int lang = kiosk_lang(k);
	bool right = (unsigned)k->flow.chosen + 1 == q->answer;
	const char *verdict = kiosk_ui(k, right ? UI_right : UI_wrong);
	const char *expl = ltext_get(&q->explanation, lang);
	int bh = l->touch + l->pad / 2;
	struct feedback f = {.vs = l->title * 4 / 5, .repeat = !right};
	for (int pass = 0;; pass++) {
		f.h = l->pad * 3 + gfx_text_height(k->gfx, verdict, f.vs, true, inner) +
		      gfx_text_height(k->gfx, expl, l->text, false, inner) + l->pad + bh;
		/* The right answer is the key information: never smaller than
		 * body text (A+ makes it larger with the rest). */
		if (f.repeat)
			f.h += l->pad / 2 +
			       gfx_text_height(k->gfx, kiosk_ui(k, UI_right_answer_was), l->text,
			                       true, inner) +
			       gfx_text_height(k->gfx, ltext_get(&q->choices[q->answer - 1], lang),
			                       l->text, false, inner);
		if (f.h <= avail || pass == 2)
			break;
		if (pass == 0)
			f.vs = l->text;
		else if (!l->portrait && !right_hidden)
			f.repeat = false;
	}
	return f;
}

static void draw_feedback(struct kiosk *k, const struct content_question *q, SDL_Rect r,
                          bool right_hidden)
{
	struct layout *l = &k->ui->lay;
	int lang = kiosk_lang(k);
	bool right = (unsigned)k->flow.chosen + 1 == q->answer;
	const char *verdict = kiosk_ui(k, right ? UI_right : UI_wrong);
	const char *expl = ltext_get(&q->explanation, lang);
	bool last = k->flow.quiz_pos + 1 >= k->flow.quiz_n;
	const char *next =
	    kiosk_ui(k, last && k->flow.quiz_mode == QUIZ_FINAL ? UI_see_result : UI_next);
	int inner = r.w - l->pad * 2;
	int bh = l->touch + l->pad / 2;
	struct feedback f = feedback_layout(k, q, inner, r.h, right_hidden);
	int vs = f.vs, h = f.h;
	bool repeat = f.repeat;
	ui_check_bottom(k, expl, h, r.h);
	if (h > r.h || l->portrait)
		h = r.h;
	gfx_round(k->gfx, (SDL_Rect){r.x, r.y, r.w, h}, l->radius,
	          right ? COL_RIGHT_BG : COL_WRONG_BG);
	int x = r.x + l->pad, y = r.y + l->pad;
	y += gfx_draw_text(k->gfx, verdict, vs, true, (SDL_Rect){x, y, inner, 0}, ALIGN_LEFT,
	                   right ? COL_RIGHT : COL_WRONG);
	if (repeat) {
		y += l->pad / 2;
		y += gfx_draw_text(k->gfx, kiosk_ui(k, UI_right_answer_was), l->text, true,
		                   (SDL_Rect){x, y, inner, 0}, ALIGN_LEFT, COL_INK);
		y += gfx_draw_text(k->gfx, ltext_get(&q->choices[q->answer - 1], lang), l->text,
		                   false, (SDL_Rect){x, y, inner, 0}, ALIGN_LEFT, COL_INK);
	}
	y += l->pad;
	y += gfx_draw_text(k->gfx, expl, l->text, false, (SDL_Rect){x, y, inner, 0}, ALIGN_LEFT,
	                   COL_INK);
	y += l->pad;
	if (l->portrait && y < r.y + h - bh - l->pad)
		y = r.y + h - bh - l->pad; /* "Suivant" low, within reach */
	int bw = inner < l->text * 14 ? inner : l->text * 14;
	ui_button(k, (SDL_Rect){r.x + r.w - l->pad - bw, y, bw, bh}, next, BTN_ACCENT, ACT_NEXT, 0);
}

static void draw(struct kiosk *k)
{
	struct layout *l = &k->ui->lay;
	const struct content_question *q = flow_question(&k->flow);
	if (!q)
		return;
	int lang = kiosk_lang(k);
	char heading[160];
	ui_format(heading, sizeof(heading), kiosk_ui(k, UI_question_of), (int)k->flow.quiz_pos + 1,
	          (int)k->flow.quiz_n);
	ui_header(k, heading, true);
	bool answered = k->flow.chosen >= 0;
	int colw = l->portrait || !answered ? l->body.w : l->body.w * 11 / 20;
	if (answered && !l->portrait && k->flow.large_text &&
	    words_fit(k, q,
	              l->body.w * 2 / 5 - l->pad * 2 - 4 * (l->text / 12 > 2 ? l->text / 12 : 2)))
		colw = l->body.w * 2 / 5; /* large text: the feedback needs the width */
	if (!l->portrait && !answered && colw > l->text * 34)
		colw = l->text * 34;
	int x = l->portrait || answered ? l->body.x : (l->w - colw) / 2;
	int y = l->body.y;
	/* Progress through the quiz as small dots, closer together when a long
	 * quiz would run them past the column (under the feedback beside it). */
	int dot = l->pad / 3 + 2, step = dot * 3;
	if (k->flow.quiz_n > 1 && step * (int)k->flow.quiz_n > colw) {
		step = colw / (int)k->flow.quiz_n;
		dot = step / 3 > 2 ? step / 3 : 2;
	}
	for (unsigned i = 0; i < k->flow.quiz_n; i++)
		gfx_circle(k->gfx, x + dot + (int)i * step, y + dot, dot,
		           i < k->flow.quiz_pos    ? COL_PRIMARY
		           : i == k->flow.quiz_pos ? COL_ACCENT
		                                   : COL_LINE);
	y += dot * 2 + l->pad;
	/* The pass rule in whole questions, all through the final quiz. */
	const char *rule = kiosk_ui(k, UI_pass_rule);
	if (k->flow.quiz_mode == QUIZ_FINAL && *rule) {
		char line[160];
		ui_format(line, sizeof(line), rule, (int)flow_pass_needed(&k->flow),
		          (int)flow_final_size(&k->flow));
		y += gfx_draw_text(k->gfx, line, l->small, false, (SDL_Rect){x, y, colw, 0},
		                   ALIGN_LEFT, COL_MUTED) +
		     l->pad / 2;
	}
	int bottom = l->h - l->foot - l->pad;
	int ps = l->title * 4 / 5;
	enum shown show = SHOW_ALL;
	if (l->portrait && answered)
		show = k->flow.large_text ? SHOW_NONE : SHOW_TAKEN;
	if (answered && l->portrait) {
		/* The feedback goes under the question and the choices shown:
		 * when it would not fit there, the question, already read, goes
		 * to body size (the choices already went, see above). */
		const char *prompt = ltext_get(&q->prompt, lang);
		int fy = y + gfx_text_height(k->gfx, prompt, ps, true, colw) + l->pad * 3 / 2 +
		         choices_height(k, q, colw, show) + l->pad / 2;
		int avail = bottom - fy - l->pad / 2;
		if (feedback_layout(k, q, l->body.w - l->pad * 2, avail, show == SHOW_NONE).h >
		    avail)
			ps = l->text;
	}
	if (!answered || !l->portrait) {
		/* Large text reflows when the choices would run off the screen (a
		 * long question on a short screen, 1280x720; beside the feedback
		 * once answered): the question goes to body size; answered, the
		 * choices not taken go next, then all of them (the feedback names
		 * the right one). */
		const char *prompt = ltext_get(&q->prompt, lang);
		for (;;) {
			int need = gfx_text_height(k->gfx, prompt, ps, true, colw) +
			           l->pad * 3 / 2 + choices_height(k, q, colw, show);
			if (y + need <= bottom || show == SHOW_NONE)
				break;
			if (ps != l->text)
				ps = l->text;
			else if (answered)
				show++;
			else
				break;
		}
	}
	ui_check_fit(k, ltext_get(&q->prompt, lang), ps, true, (SDL_Rect){x, y, colw, INT_MAX});
	y += gfx_draw_text(k->gfx, ltext_get(&q->prompt, lang), ps, true, (SDL_Rect){x, y, colw, 0},
	                   ALIGN_LEFT, COL_INK);
	y += l->pad * 3 / 2;
	if (l->portrait && !answered) {
		/* The choices sit low, within reach of a wheelchair. */
		int total = 0;
		for (unsigned i = 0; i < q->n_choices; i++)
			total += ui_button_height(k, ltext_get(&q->choices[i], lang), colw) +
			         l->pad * 2 / 3;
		if (bottom - total > y)
			y = bottom - total;
	}
	/* Choices in this session's order; each button carries the choice's
	 * index in the module, which is what the flow and the stats keep. */
	for (unsigned pos = 0; pos < q->n_choices; pos++) {
		unsigned i = flow_choice_at(&k->flow, pos);
		const char *label = ltext_get(&q->choices[i], lang);
		int bh = ui_button_height(k, label, colw);
		enum button_style st = choice_style(k, q, i);
		/* Portrait, answered: the feedback needs the room; the choices not
		 * taken go (all of them with large text: the feedback names the
		 * right one). */
		if (!shown(show, st))
			continue;
		ui_button(k, (SDL_Rect){x, y, colw, bh}, label, st, ACT_CHOICE, (int)i);
		y += bh + l->pad * 2 / 3;
	}
	/* The choices must leave room for the feedback below them in portrait. */
	ui_check_bottom(k, ltext_get(&q->prompt, lang), y, bottom);
	if (!answered)
		return;
	if (l->portrait)
		draw_feedback(k, q, (SDL_Rect){x, y + l->pad / 2, l->body.w, bottom - y - l->pad},
		              show == SHOW_NONE);
	else
		draw_feedback(k, q,
		              (SDL_Rect){x + colw + l->pad * 2, l->body.y,
		                         l->body.w - colw - l->pad * 2, l->body.h},
		              show == SHOW_NONE);
}

static void action(struct kiosk *k, int act, int arg)
{
	if (act == ACT_CHOICE)
		flow_answer(&k->flow, (unsigned)arg);
	else if (act == ACT_NEXT)
		flow_next(&k->flow, kiosk_now(k));
}

const struct screen_ops screen_quiz = {.draw = draw, .action = action};
