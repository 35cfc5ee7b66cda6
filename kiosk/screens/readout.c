#include "screens/readout.h"

#include <stdio.h>
#include <string.h>

#include "context/kiosk.h"
#include "core/a11y.h"
#include "platform/player.h"
#include "platform/speech.h"
#include "screens/ui.h"

enum { READ_MAX = 8192 };

struct text {
	char s[READ_MAX];
	size_t n;
};

/* Add a piece, ending the previous one with a full stop so the voice
 * pauses between them. */
static void add(struct text *t, const char *piece)
{
	if (!piece || !*piece || t->n + 3 >= sizeof(t->s))
		return;
	if (t->n) {
		char last = t->s[t->n - 1];
		if (!strchr(".!?:;", last))
			t->s[t->n++] = '.';
		t->s[t->n++] = ' ';
	}
	int w = snprintf(t->s + t->n, sizeof(t->s) - t->n, "%s", piece);
	if (w > 0)
		t->n += (size_t)w < sizeof(t->s) - t->n ? (size_t)w : sizeof(t->s) - t->n - 1;
}

static void say(struct kiosk *k, int lang, const char *text, bool interrupt)
{
	if (!text || !*text)
		return;
	long long now = kiosk_now(k);
	speech_say(k->speech, lang_code(lang), text, interrupt);
	long long from =
	    interrupt || k->ui->a11y.reading_until < now ? now : k->ui->a11y.reading_until;
	k->ui->a11y.reading_until = from + a11y_speech_ms(text);
	flow_reading(&k->flow, k->ui->a11y.reading_until);
}

static const char *ui(const struct kiosk *k, enum ui_key key)
{
	return kiosk_ui(k, key);
}

static void add_feedback(struct kiosk *k, struct text *t, const struct content_question *q)
{
	int lang = kiosk_lang(k);
	bool right = (unsigned)k->flow.chosen + 1 == q->answer;
	add(t, ui(k, right ? UI_right : UI_wrong));
	if (!right) {
		add(t, ui(k, UI_right_answer_was));
		add(t, ltext_get(&q->choices[q->answer - 1], lang));
	}
	add(t, ltext_get(&q->explanation, lang));
	bool last = k->flow.quiz_pos + 1 >= k->flow.quiz_n && k->flow.quiz_mode == QUIZ_FINAL;
	add(t, ui(k, last ? UI_see_result : UI_next));
}

static void read_quiz(struct kiosk *k, struct text *t)
{
	const struct content_question *q = flow_question(&k->flow);
	if (!q)
		return;
	int lang = kiosk_lang(k);
	char buf[UI_LABEL * 2];
	ui_format(buf, sizeof(buf), ui(k, UI_question_of), (int)k->flow.quiz_pos + 1,
	          (int)k->flow.quiz_n);
	add(t, buf);
	const char *rule = ui(k, UI_pass_rule);
	if (k->flow.quiz_mode == QUIZ_FINAL && *rule) {
		ui_format(buf, sizeof(buf), rule, (int)flow_pass_needed(&k->flow),
		          (int)flow_final_size(&k->flow));
		add(t, buf);
	}
	add(t, ltext_get(&q->prompt, lang));
	/* In the order they are shown (shuffled for the session). */
	for (unsigned pos = 0; pos < q->n_choices; pos++) {
		unsigned i = flow_choice_at(&k->flow, pos);
		snprintf(buf, sizeof(buf), "%u: %s", pos + 1, ltext_get(&q->choices[i], lang));
		add(t, buf);
	}
	if (k->flow.chosen >= 0)
		add_feedback(k, t, q);
}

static void read_result(struct kiosk *k, struct text *t)
{
	const struct content_module *m = k->module;
	int lang = kiosk_lang(k);
	char verdict[UI_LABEL], score[UI_LABEL], lines[CONTENT_MAX_CHAPTERS][UI_LABEL];
	/* As result.c shows it: the verdict, the score, what to revisit. */
	ui_result_lines(k, verdict, score, sizeof(verdict));
	add(t, verdict);
	add(t, score);
	unsigned n = ui_result_revisit(k, lines, CONTENT_MAX_CHAPTERS);
	if (n && m->ui.s[UI_revisit].s[lang]) {
		add(t, ui(k, UI_revisit));
		for (unsigned i = 0; i < n; i++)
			add(t, lines[i]);
	}
	add(t, ui(k, UI_takeaways));
	for (unsigned c = 0; c < m->n_chapters; c++)
		if (m->chapters[c].n_key_points)
			add(t, ltext_get(&m->chapters[c].key_points[0], lang));
	if (m->n_more) {
		add(t, ui(k, UI_more_title));
		for (unsigned i = 0; i < m->n_more; i++)
			add(t, ltext_get(&m->more[i].text, lang));
	}
	if (!k->flow.passed && m->ui.s[UI_retake].s[lang])
		add(t, ui(k, UI_retake));
	add(t, ui(k, UI_finish));
}

static void read_chapter(struct kiosk *k, struct text *t)
{
	int c = k->flow.chapter, lang = kiosk_lang(k);
	if (c < 0)
		return;
	const struct content_chapter *ch = &k->module->chapters[c];
	add(t, ltext_get(&ch->title, lang));
	for (unsigned i = 0; i < ch->n_paragraphs; i++)
		add(t, ltext_get(&ch->paragraphs[i], lang));
	add(t, ui(k, UI_key_points));
	for (unsigned i = 0; i < ch->n_key_points; i++)
		add(t, ltext_get(&ch->key_points[i], lang));
	if (ch->video.s[lang])
		add(t, ui(k, UI_watch_video));
	bool questions = content_chapter_questions(k->module, (unsigned)c, NULL, 0) > 0;
	add(t, ui(k, questions ? UI_chapter_questions : UI_chapter_done));
}

static void read_home(struct kiosk *k, struct text *t)
{
	const struct content_module *m = k->module;
	int lang = kiosk_lang(k);
	char buf[UI_LABEL * 2];
	add(t, ltext_get(&m->title, lang));
	ui_format(buf, sizeof(buf), ui(k, UI_progress), (int)flow_chapters_done(&k->flow),
	          (int)m->n_chapters);
	if (k->ui->lay.portrait) {
		/* As shown: the banner (tagline, what is ahead, the progress),
		 * then the chapters under their heading. */
		char what[UI_LABEL], time[UI_LABEL];
		ui_home_overview(k, what, time, sizeof(what));
		add(t, ltext_get(&m->tagline, lang));
		add(t, what);
		add(t, time);
		add(t, buf);
		add(t, ui(k, UI_chapters));
	} else {
		add(t, ui(k, UI_chapters));
		add(t, buf);
	}
	for (unsigned c = 0; c < m->n_chapters; c++) {
		snprintf(buf, sizeof(buf), "%u: %s%s%s", c + 1,
		         ltext_get(&m->chapters[c].title, lang),
		         k->flow.chapter_done[c] ? ", " : "",
		         k->flow.chapter_done[c] ? a11y_phrase(A11Y_DONE, lang) : "");
		add(t, buf);
	}
	add(t, ui(k, UI_start_quiz));
}

/* What the screen is, its state, and what can be done: said once as it
 * opens, not over the video's own sound all along (the controls are said
 * as the focus reaches them, changes as they happen). */
static void read_video(struct kiosk *k, struct text *t)
{
	const struct content_module *m = k->module;
	int lang = kiosk_lang(k), c = k->flow.chapter;
	char buf[UI_LABEL * 2];
	snprintf(buf, sizeof(buf), "%s: %s", a11y_phrase(A11Y_VIDEO, lang),
	         c >= 0 ? ltext_get(&m->chapters[c].title, lang) : "");
	add(t, buf);
	if (k->ui->a11y.video_failed || !k->player) {
		add(t, ui(k, UI_video_unavailable));
		add(t, ui(k, UI_continue_chapter));
		return;
	}
	bool paused = k->ui->a11y.video_paused || player_state(k->player) == PLAYER_PAUSED;
	add(t, a11y_phrase(paused ? A11Y_PAUSED : A11Y_PLAYING, lang));
	add(t,
	    a11y_phrase(k->ui->a11y.video_captions ? A11Y_CAPTIONS_ON : A11Y_CAPTIONS_OFF, lang));
	snprintf(buf, sizeof(buf), "%s: %s, %s, %s, %s, %s%s%s", a11y_phrase(A11Y_CONTROLS, lang),
	         ui(k, paused ? UI_play : UI_pause), a11y_phrase(A11Y_REWOUND, lang),
	         ui(k, UI_restart), ui(k, UI_subtitles), ui(k, UI_volume),
	         m->allow_skip_video ? ", " : "", m->allow_skip_video ? ui(k, UI_skip_video) : "");
	add(t, buf);
}

static void read_screen(struct kiosk *k, bool interrupt)
{
	if (!k->flow.speech)
		return;
	const struct content_module *m = k->module;
	struct text t = {.n = 0};
	if (k->ui->a11y.note && k->shown != SCR_VIDEO) {
		/* What just happened on the screen before (the video ended). */
		add(&t, a11y_phrase((enum a11y_phrase)(k->ui->a11y.note - 1), kiosk_lang(k)));
		k->ui->a11y.note = 0;
	}
	int lang = kiosk_lang(k);
	char buf[UI_LABEL * 2];
	switch (k->shown) {
	case SCR_ATTRACT:
		add(&t, ltext_get(&m->title, lang));
		add(&t, ltext_get(&m->tagline, lang));
		add(&t, ui(k, UI_touch_to_start));
		say(k, lang, t.s, interrupt);
		for (int i = 0; i < m->n_langs; i++)
			if (m->langs[i] != lang)
				say(k, m->langs[i], content_ui(m, UI_touch_to_start, m->langs[i]),
				    false);
		return;
	case SCR_LANGUAGE:
		add(&t, ltext_get(&m->title, lang));
		if (k->ui->lay.portrait) /* the banner shows it */
			add(&t, ltext_get(&m->tagline, lang));
		say(k, lang, t.s, interrupt);
		for (int i = 0; i < m->n_langs; i++) {
			t.n = 0;
			add(&t, content_ui(m, UI_choose_language, m->langs[i]));
			add(&t, content_ui(m, UI_language_name, m->langs[i]));
			say(k, m->langs[i], t.s, false);
		}
		return;
	case SCR_HOME: read_home(k, &t); break;
	case SCR_CHAPTER: read_chapter(k, &t); break;
	case SCR_VIDEO: read_video(k, &t); break;
	case SCR_QUIZ: read_quiz(k, &t); break;
	case SCR_RESULT: read_result(k, &t); break;
	case SCR_STILL_THERE:
		add(&t, ui(k, UI_still_there));
		ui_format(buf, sizeof(buf), ui(k, UI_countdown),
		          (int)(flow_still_limit(&k->flow) / 1000), 0);
		add(&t, buf);
		add(&t, ui(k, UI_continue_session));
		break;
	case SCR_TRAINER_PIN:
		add(&t, ui(k, UI_enter_pin));
		add(&t, a11y_phrase(A11Y_PIN_HELP, lang));
		break;
	case SCR_TRAINER: add(&t, ui(k, UI_trainer)); break;
	default: break;
	}
	say(k, lang, t.s, interrupt);
}

void readout_screen(struct kiosk *k)
{
	read_screen(k, true);
}

void readout_control(struct kiosk *k, int i, bool by_touch)
{
	if (!k->flow.speech || i < 0 || i >= k->ui->n_controls)
		return;
	const struct control *c = &k->ui->controls[i];
	int lang = kiosk_lang(k);
	struct text t = {.n = 0};
	char buf[UI_LABEL * 2];
	if (c->secret) {
		/* Everyone near the kiosk hears it: a PIN key is « chiffre », and
		 * how to type is in the pad's help, said once as it opens. */
		say(k, lang, a11y_phrase(A11Y_DIGIT, lang), true);
		return;
	}
	if (k->shown == SCR_VIDEO && strcmp(c->label, ui(k, UI_rewind)) == 0) {
		add(&t, a11y_phrase(A11Y_REWOUND, lang)); /* "-10 s" said in words */
	} else if (k->shown == SCR_VIDEO && strcmp(c->label, ui(k, UI_subtitles)) == 0) {
		snprintf(buf, sizeof(buf), "%s, %s", c->label,
		         a11y_phrase(k->ui->a11y.video_captions ? A11Y_ON : A11Y_OFF, lang));
		add(&t, buf);
	} else if (k->shown == SCR_VIDEO && k->player && strcmp(c->label, ui(k, UI_volume)) == 0) {
		snprintf(buf, sizeof(buf), "%s, %d %%", c->label, player_volume(k->player));
		add(&t, buf);
	} else {
		add(&t, c->label);
	}
	if (c->action == ACT_SPEECH || c->action == ACT_CONTRAST || c->action == ACT_TEXT_SIZE) {
		bool on = c->action == ACT_SPEECH     ? k->flow.speech
		          : c->action == ACT_CONTRAST ? k->flow.high_contrast
		                                      : k->flow.large_text;
		add(&t, a11y_phrase(on ? A11Y_ON : A11Y_OFF, lang));
	}
	if (by_touch)
		add(&t, a11y_phrase(A11Y_DOUBLE_TAP, lang));
	say(k, lang, t.s, true);
}

void readout_video(struct kiosk *k, enum readout_video what, bool captions)
{
	struct a11y_state *a = &k->ui->a11y;
	int lang = kiosk_lang(k);
	enum a11y_phrase p = A11Y_PHRASE_COUNT;
	char buf[UI_LABEL];
	switch (what) {
	case READOUT_VIDEO_OPEN:
		a->video_captions = captions;
		a->video_paused = a->video_failed = false;
		a->note = 0;
		return;
	case READOUT_VIDEO_PAUSED:
		a->video_paused = true;
		p = A11Y_PAUSED;
		break;
	case READOUT_VIDEO_RESUMED:
		a->video_paused = false;
		p = A11Y_RESUMED;
		break;
	case READOUT_VIDEO_REWOUND: p = A11Y_REWOUND; break;
	case READOUT_VIDEO_RESTARTED: p = A11Y_RESTARTED; break;
	case READOUT_VIDEO_CAPTIONS:
		a->video_captions = captions;
		p = captions ? A11Y_CAPTIONS_ON : A11Y_CAPTIONS_OFF;
		break;
	case READOUT_VIDEO_VOLUME:
		if (k->flow.speech && k->player) {
			snprintf(buf, sizeof(buf), "%s %d %%", ui(k, UI_volume),
			         player_volume(k->player));
			say(k, lang, buf, true);
		}
		return;
	case READOUT_VIDEO_ENDED:
		a->note = A11Y_ENDED + 1; /* said first on the screen that follows */
		return;
	case READOUT_VIDEO_FAILED:
		a->video_failed = true;
		if (k->flow.speech) {
			struct text t = {.n = 0};
			add(&t, ui(k, UI_video_unavailable));
			add(&t, ui(k, UI_continue_chapter));
			say(k, lang, t.s, true);
		}
		return;
	}
	if (k->flow.speech && p < A11Y_PHRASE_COUNT)
		say(k, lang, a11y_phrase(p, lang), true);
}

void readout_attract_tap(struct kiosk *k)
{
	int lang = kiosk_lang(k);
	struct text t = {.n = 0};
	add(&t, ui(k, UI_touch_to_start));
	add(&t, a11y_phrase(A11Y_DOUBLE_TAP, lang));
	say(k, lang, t.s, true);
}

static void remember(struct kiosk *k)
{
	struct a11y_state *a = &k->ui->a11y;
	a->said_speech = k->flow.speech;
	a->said_screen = (int)k->shown;
	a->said_pos = (int)k->flow.quiz_pos;
	a->said_chosen = k->flow.chosen;
	a->said_lang = k->flow.lang;
	a->said_chapter = k->flow.chapter;
}

void readout_toggle(struct kiosk *k)
{
	int lang = kiosk_lang(k);
	if (k->flow.speech) {
		flow_set_speech(&k->flow, false);
		k->ui->a11y.reading_until = 0;
		say(k, lang, a11y_phrase(A11Y_SPEECH_OFF, lang), true);
		flow_reading(&k->flow, 0);
		remember(k);
		return;
	}
	flow_set_speech(&k->flow, true);
	say(k, lang, a11y_phrase(A11Y_SPEECH_ON, lang), true);
	remember(k);
	read_screen(k, false); /* then the screen, after the announcement */
}

void readout_follow(struct kiosk *k)
{
	struct a11y_state *a = &k->ui->a11y;
	if (!k->flow.speech) {
		if (a->said_speech)
			speech_stop(k->speech); /* the session ended under it */
		a->said_speech = false;
		a->reading_until = 0;
		return;
	}
	if (k->broken)
		return;
	bool moved = !a->said_speech || a->said_screen != (int)k->shown ||
	             a->said_pos != (int)k->flow.quiz_pos || a->said_lang != k->flow.lang ||
	             a->said_chapter != k->flow.chapter;
	bool answered = a->said_chosen != k->flow.chosen && k->flow.chosen >= 0;
	remember(k);
	if (moved) {
		readout_screen(k);
	} else if (answered && k->shown == SCR_QUIZ) {
		const struct content_question *q = flow_question(&k->flow);
		struct text t = {.n = 0};
		if (q)
			add_feedback(k, &t, q);
		say(k, kiosk_lang(k), t.s, true);
	}
}
