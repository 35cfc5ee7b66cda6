#include "core/flow.h"

#include <stddef.h>
#include <stdio.h>
#include <string.h>

static const char *const screen_names[SCR_COUNT] = {
    "attract", "language", "home",        "chapter",     "video",
    "quiz",    "result",   "still-there", "trainer-pin", "trainer",
};

const char *screen_name(enum screen_id s)
{
	return s < SCR_COUNT ? screen_names[s] : "?";
}

int screen_by_name(const char *name)
{
	for (int i = 0; i < SCR_COUNT; i++)
		if (strcmp(name, screen_names[i]) == 0)
			return i;
	return -1;
}

static bool go(struct flow *f, enum screen_id s, long long now)
{
	if (f->screen == s)
		return false;
	/* Back to the attract screen (a session ended, the trainer left):
	 * speech someone turned on there is not the next person's choice. */
	if (s == SCR_ATTRACT)
		f->speech = false;
	f->screen = s;
	f->screen_since = now;
	return true;
}

static void reach(struct flow *f, enum session_stage st)
{
	if (st > f->furthest)
		f->furthest = st;
}

/* splitmix64: small, well mixed from any seed, and pure. */
static unsigned long long rng_next(struct flow *f)
{
	unsigned long long z = (f->rng += 0x9E3779B97F4A7C15ULL);
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
	return z ^ (z >> 31);
}

static unsigned rng_below(struct flow *f, unsigned n)
{
	return n ? (unsigned)(rng_next(f) % n) : 0;
}

static void shuffle(struct flow *f, unsigned *a, unsigned n)
{
	if (!f->shuffled)
		return;
	for (unsigned i = n; i > 1; i--) {
		unsigned j = rng_below(f, i), t = a[i - 1];
		a[i - 1] = a[j];
		a[j] = t;
	}
}

void flow_seed(struct flow *f, unsigned long long seed)
{
	f->rng = seed;
	f->shuffled = seed != 0;
}

/* Choices in the module's order (shuffled by flow_start for a session). */
static void plain_choices(struct flow *f)
{
	for (unsigned q = 0; q < CONTENT_MAX_QUESTIONS; q++)
		for (unsigned i = 0; i < 4; i++)
			f->choice_order[q][i] = (unsigned char)i;
}

static void shuffle_choices(struct flow *f)
{
	for (unsigned q = 0; q < f->m->n_questions && q < CONTENT_MAX_QUESTIONS; q++) {
		unsigned order[4] = {0, 1, 2, 3}, n = f->m->questions[q].n_choices;
		shuffle(f, order, n > 4 ? 4 : n);
		for (unsigned i = 0; i < 4; i++)
			f->choice_order[q][i] = (unsigned char)order[i];
	}
}

static void reset_session(struct flow *f)
{
	f->in_session = false;
	f->recorded = false;
	f->lang = f->default_lang;
	f->furthest = STAGE_LANGUAGE;
	f->chapter = -1;
	f->chosen = -1;
	f->quiz_n = f->quiz_pos = 0;
	f->score = -1;
	f->passed = false;
	f->large_text = f->default_large;
	f->speech = false;
	f->high_contrast = f->default_contrast;
	f->reading_until = 0;
	f->resume_chapter = -1;
	for (int i = 0; i < CONTENT_MAX_CHAPTERS; i++) {
		f->chapter_seen[i] = f->chapter_done[i] = false;
		f->video_share[i] = -1;
	}
	for (int i = 0; i < CONTENT_MAX_QUESTIONS; i++) {
		f->final_choice[i] = f->chapter_choice[i] = -1;
		f->asked[i] = false;
	}
	f->right = 0;
	plain_choices(f);
}

void flow_init(struct flow *f, const struct content_module *m, long long idle_ms,
               long long still_ms, int default_lang, bool large_text, long long now)
{
	*f = (struct flow){
	    .m = m, .idle_ms = idle_ms, .still_ms = still_ms, .default_large = large_text};
	f->default_lang = default_lang >= 0 ? default_lang : m->langs[0];
	f->screen = SCR_ATTRACT;
	f->screen_since = f->last_input = now;
	reset_session(f);
}

/* The record keeps only what PRIVACY.md allows; see PRIVACY.md. A touch
 * on the attract screen that never chose a language is not a session (a
 * passer-by brushing the screen), so nothing is recorded for it. A session
 * is recorded once: when its result is first shown (finished), else when it
 * ends before that (abandoned, timed out). */
static void make_record(struct flow *f, enum session_end how, long long now)
{
	if (f->in_session && f->furthest < STAGE_HOME && !f->recorded) {
		f->left_early = true;
		f->recorded = true;
	}
	if (f->in_session && f->furthest >= STAGE_HOME && !f->recorded) {
		struct session_record *r = &f->record;
		memset(r, 0, sizeof(*r));
		snprintf(r->module_id, sizeof(r->module_id), "%s", f->m->id);
		r->module_version = f->m->version;
		snprintf(r->lang, sizeof(r->lang), "%s", lang_code(f->lang));
		r->furthest = f->furthest;
		r->n_chapters = (int)f->m->n_chapters;
		for (int c = 0; c < r->n_chapters && c < CONTENT_MAX_CHAPTERS; c++) {
			snprintf(r->chapters[c].id, sizeof(r->chapters[c].id), "%s",
			         f->m->chapters[c].id);
			r->chapters[c].seen = f->chapter_seen[c];
			r->chapters[c].video_share = f->video_share[c];
		}
		for (unsigned q = 0; q < f->m->n_questions && q < CONTENT_MAX_QUESTIONS; q++) {
			if (f->final_choice[q] < 0)
				continue;
			const struct content_question *cq = &f->m->questions[q];
			struct session_answer *a = &r->answers[r->n_answers++];
			snprintf(a->question_id, sizeof(a->question_id), "%s", cq->id);
			snprintf(a->objective, sizeof(a->objective), "%s", cq->objective);
			a->choice = f->final_choice[q];
			a->correct = (unsigned)f->final_choice[q] + 1 == cq->answer;
		}
		for (unsigned q = 0; q < f->m->n_questions && q < CONTENT_MAX_QUESTIONS; q++) {
			int c = content_question_chapter(f->m, q);
			if (f->chapter_choice[q] < 0 || c < 0)
				continue;
			const struct content_question *cq = &f->m->questions[q];
			struct session_chapter_answer *a =
			    &r->chapter_answers[r->n_chapter_answers++];
			snprintf(a->chapter_id, sizeof(a->chapter_id), "%s", f->m->chapters[c].id);
			snprintf(a->question_id, sizeof(a->question_id), "%s", cq->id);
			a->choice = f->chapter_choice[q];
			a->correct = (unsigned)f->chapter_choice[q] + 1 == cq->answer;
		}
		r->score = f->score;
		r->passed = f->passed;
		r->end = how;
		r->duration_s = session_round_duration(now - f->session_start);
		f->has_record = true;
		f->recorded = true;
	}
}

static void end_session(struct flow *f, enum session_end how, long long now)
{
	make_record(f, how, now);
	reset_session(f);
}

void flow_input(struct flow *f, long long now)
{
	f->last_input = now;
}

bool flow_accepts_tap(const struct flow *f, long long now)
{
	return now - f->screen_since >= FLOW_TAP_GUARD_MS;
}

static bool idle_applies(const struct flow *f)
{
	switch (f->screen) {
	case SCR_ATTRACT: return f->speech; /* turned on, then left there */
	case SCR_STILL_THERE: return false;
	case SCR_VIDEO: return !f->video_playing;
	default: return true;
	}
}

static bool slower(const struct flow *f)
{
	return f->speech || f->large_text;
}

long long flow_idle_limit(const struct flow *f)
{
	bool trainer = f->screen == SCR_TRAINER || f->screen == SCR_TRAINER_PIN;
	if (trainer)
		return FLOW_TRAINER_IDLE_MS;
	return slower(f) ? f->idle_ms * 2 : f->idle_ms;
}

long long flow_still_limit(const struct flow *f)
{
	long long ms = f->still_ms > FLOW_STILL_MIN_MS ? f->still_ms : FLOW_STILL_MIN_MS;
	return slower(f) ? ms * 2 : ms;
}

long long flow_still_deadline(const struct flow *f)
{
	long long at = f->screen_since + flow_still_limit(f);
	long long after = f->reading_until + FLOW_AFTER_READING_MS;
	return f->reading_until > 0 && after > at ? after : at;
}

/* The moment the idle delay counts from: the last input, or the end of
 * what speech was reading. */
static long long idle_since(const struct flow *f)
{
	return f->reading_until > f->last_input ? f->reading_until : f->last_input;
}

bool flow_tick(struct flow *f, long long now)
{
	if (f->screen == SCR_STILL_THERE) {
		if (now < flow_still_deadline(f))
			return false;
		end_session(f, END_TIMED_OUT, now);
		return go(f, SCR_ATTRACT, now);
	}
	if (!idle_applies(f) || now - idle_since(f) < flow_idle_limit(f))
		return false;
	if (f->screen == SCR_ATTRACT) {
		/* Speech turned on here by someone who went away: off before
		 * the next person, who may not want it (or the trainer, whose
		 * PIN pad would speak). */
		f->speech = false;
		return true;
	}
	if (f->screen == SCR_TRAINER || f->screen == SCR_TRAINER_PIN)
		return go(f, SCR_ATTRACT, now);
	f->still_resume = f->screen;
	return go(f, SCR_STILL_THERE, now);
}

long long flow_next_deadline(const struct flow *f, long long now)
{
	long long at;
	if (f->screen == SCR_STILL_THERE)
		at = flow_still_deadline(f);
	else if (idle_applies(f))
		at = idle_since(f) + flow_idle_limit(f);
	else
		return -1;
	return at > now ? at - now : 0;
}

bool flow_start(struct flow *f, long long now)
{
	if (f->screen != SCR_ATTRACT)
		return false;
	bool speech = f->speech, contrast = f->high_contrast;
	reset_session(f);
	f->speech = speech; /* turned on at the attract screen: it goes on */
	f->high_contrast = contrast;
	shuffle_choices(f);
	f->in_session = true;
	f->session_start = now;
	f->resume = SCR_HOME;
	return go(f, SCR_LANGUAGE, now);
}

bool flow_choose_language(struct flow *f, int lang, long long now)
{
	bool known = false;
	for (int i = 0; i < f->m->n_langs; i++)
		known |= f->m->langs[i] == lang;
	if (f->screen != SCR_LANGUAGE || !known)
		return false;
	f->lang = lang;
	reach(f, STAGE_HOME);
	return go(f, f->resume, now);
}

bool flow_change_language(struct flow *f, long long now)
{
	if (!f->in_session || f->screen == SCR_LANGUAGE || f->screen == SCR_VIDEO)
		return false;
	f->resume = f->screen;
	return go(f, SCR_LANGUAGE, now);
}

bool flow_open_chapter(struct flow *f, unsigned c, long long now)
{
	if (f->screen != SCR_HOME || c >= f->m->n_chapters || c >= CONTENT_MAX_CHAPTERS)
		return false;
	f->chapter = (int)c;
	f->chapter_seen[c] = true;
	if (!f->m->chapters[c].video.s[f->lang] && !content_chapter_questions(f->m, c, NULL, 0))
		f->chapter_done[c] = true; /* nothing more to do in it than read */
	reach(f, STAGE_CHAPTER);
	return go(f, SCR_CHAPTER, now);
}

bool flow_watch_video(struct flow *f, long long now)
{
	if (f->screen != SCR_CHAPTER || f->chapter < 0)
		return false;
	f->video_playing = false;
	if (f->video_share[f->chapter] < 0)
		f->video_share[f->chapter] = 0;
	return go(f, SCR_VIDEO, now);
}

void flow_video_playing(struct flow *f, bool playing, long long now)
{
	if (f->video_playing && !playing)
		f->last_input = now; /* the idle period starts when the video stops */
	f->video_playing = playing;
}

static int objective_of(const struct flow *f, unsigned q)
{
	return content_find_id(f->m->questions[q].objective, f->m->objectives,
	                       sizeof(*f->m->objectives), f->m->n_objectives,
	                       offsetof(struct content_objective, id));
}

/* The final quiz: content_final_size questions of the pool, in a random
 * order; those not asked yet in this session first (a retake), then those
 * of the objectives least represented so far, so that every objective is
 * tested when the quiz has room for it. */
static void draw_final(struct flow *f)
{
	unsigned pool[CONTENT_MAX_QUESTIONS], n = 0;
	for (unsigned q = 0; q < f->m->n_questions && q < CONTENT_MAX_QUESTIONS; q++)
		if (content_in_final_pool(f->m, q))
			pool[n++] = q;
	shuffle(f, pool, n);
	/* Questions drawn per objective; the last counts those with none. */
	unsigned want = content_final_size(f->m), per_obj[CONTENT_MAX_OBJECTIVES + 1] = {0};
	if (!f->m->final_quiz) { /* an old module: every question, nothing to draw */
		f->quiz_n = n < want ? n : want;
		memcpy(f->quiz, pool, f->quiz_n * sizeof(pool[0]));
		return;
	}
	bool taken[CONTENT_MAX_QUESTIONS] = {false};
	f->quiz_n = 0;
	while (f->quiz_n < want) {
		int best = -1;
		unsigned best_key = ~0u;
		for (unsigned i = 0; i < n; i++) {
			if (taken[i])
				continue;
			int o = objective_of(f, pool[i]);
			unsigned key = (f->asked[pool[i]] ? 1000u : 0u) +
			               per_obj[o < 0 ? CONTENT_MAX_OBJECTIVES : o];
			if (key < best_key) {
				best_key = key;
				best = (int)i;
			}
		}
		if (best < 0)
			break;
		taken[best] = true;
		int o = objective_of(f, pool[best]);
		per_obj[o < 0 ? CONTENT_MAX_OBJECTIVES : o]++;
		f->quiz[f->quiz_n++] = pool[best];
	}
	shuffle(f, f->quiz, f->quiz_n);
}

static bool begin_quiz(struct flow *f, enum quiz_mode mode, long long now)
{
	f->quiz_mode = mode;
	f->quiz_pos = 0;
	f->chosen = -1;
	if (mode == QUIZ_CHAPTER) {
		f->quiz_n = content_chapter_questions(f->m, (unsigned)f->chapter, f->quiz,
		                                      CONTENT_MAX_QUESTIONS);
		if (f->quiz_n > CONTENT_MAX_QUESTIONS)
			f->quiz_n = CONTENT_MAX_QUESTIONS;
		shuffle(f, f->quiz, f->quiz_n);
	} else {
		draw_final(f);
		for (unsigned i = 0; i < CONTENT_MAX_QUESTIONS; i++)
			f->final_choice[i] = -1;
		f->score = -1; /* a retake replaces the previous result */
		f->passed = false;
		reach(f, STAGE_QUIZ);
	}
	if (f->quiz_n == 0)
		return false;
	for (unsigned i = 0; i < f->quiz_n; i++)
		f->asked[f->quiz[i]] = true;
	return go(f, SCR_QUIZ, now);
}

bool flow_video_done(struct flow *f, int share, bool reached_end, long long now)
{
	if (f->screen != SCR_VIDEO || f->chapter < 0)
		return false;
	int c = f->chapter;
	if (share < 0)
		share = 0;
	if (share > 100)
		share = 100;
	if (share > f->video_share[c])
		f->video_share[c] = share;
	f->video_playing = false;
	f->last_input = now;
	if (!reached_end)
		return go(f, SCR_CHAPTER, now);
	/* The chapter continues by itself: its questions, else back home. */
	if (begin_quiz(f, QUIZ_CHAPTER, now))
		return true;
	f->chapter_done[c] = true;
	return go(f, SCR_HOME, now);
}

bool flow_chapter_questions(struct flow *f, long long now)
{
	if (f->screen != SCR_CHAPTER || f->chapter < 0)
		return false;
	if (begin_quiz(f, QUIZ_CHAPTER, now))
		return true;
	f->chapter_done[f->chapter] = true;
	return go(f, SCR_HOME, now);
}

bool flow_start_quiz(struct flow *f, long long now)
{
	if (f->screen != SCR_HOME)
		return false;
	return begin_quiz(f, QUIZ_FINAL, now);
}

const struct content_question *flow_question(const struct flow *f)
{
	if (f->quiz_pos >= f->quiz_n)
		return NULL;
	return &f->m->questions[f->quiz[f->quiz_pos]];
}

bool flow_answer(struct flow *f, unsigned choice)
{
	const struct content_question *q = flow_question(f);
	if (f->screen != SCR_QUIZ || !q || f->chosen >= 0 || choice >= q->n_choices)
		return false;
	f->chosen = (int)choice;
	unsigned at = f->quiz[f->quiz_pos];
	if (f->quiz_mode == QUIZ_FINAL)
		f->final_choice[at] = (int)choice;
	else if (f->chapter_choice[at] < 0)
		f->chapter_choice[at] = (int)choice; /* the first try only (session.h) */
	return true;
}

unsigned flow_choice_at(const struct flow *f, unsigned pos)
{
	if (f->quiz_pos >= f->quiz_n || pos >= 4)
		return pos;
	return f->choice_order[f->quiz[f->quiz_pos]][pos];
}

unsigned flow_final_size(const struct flow *f)
{
	return content_final_size(f->m);
}

unsigned flow_pass_needed(const struct flow *f)
{
	unsigned n = flow_final_size(f);
	return (f->m->pass_mark * n + 99) / 100;
}

/* Passed means enough right answers, counted whole: with 12 questions and
 * a mark of 70 %, 8 right (67 %) fails and 9 pass, as the screen says. */
static void score_final(struct flow *f)
{
	unsigned right = 0;
	for (unsigned i = 0; i < f->quiz_n; i++) {
		unsigned q = f->quiz[i];
		right += f->final_choice[q] >= 0 &&
		         (unsigned)f->final_choice[q] + 1 == f->m->questions[q].answer;
	}
	f->right = right;
	f->score = f->quiz_n ? (int)((right * 100 + f->quiz_n / 2) / f->quiz_n) : 0;
	f->passed = f->quiz_n && right * 100 >= f->m->pass_mark * f->quiz_n;
}

bool flow_next(struct flow *f, long long now)
{
	if (f->screen != SCR_QUIZ || f->chosen < 0)
		return false;
	f->chosen = -1;
	if (++f->quiz_pos < f->quiz_n) {
		f->screen_since = now; /* a new question is a new screen for taps */
		return true;
	}
	if (f->quiz_mode == QUIZ_CHAPTER) {
		f->chapter_done[f->chapter] = true;
		return go(f, SCR_HOME, now);
	}
	score_final(f);
	reach(f, STAGE_RESULT);
	/* Handed to the store now, before the result is drawn: a kiosk
	 * unplugged while the result is on the glass keeps the session.
	 * Whatever follows (« Terminer », back, a retake, the timeout) adds
	 * nothing to it. */
	make_record(f, END_FINISHED, now);
	return go(f, SCR_RESULT, now);
}

/* « Refaire le quiz »: a new draw (questions not asked yet first). The
 * session's record was made when the first result showed: the retake
 * adds nothing to it (make_record makes one a session). */
bool flow_retake(struct flow *f, long long now)
{
	if (f->screen != SCR_RESULT)
		return false;
	return begin_quiz(f, QUIZ_FINAL, now);
}

bool flow_finish(struct flow *f, long long now)
{
	if (f->screen != SCR_RESULT)
		return false;
	end_session(f, END_FINISHED, now);
	return go(f, SCR_ATTRACT, now);
}

bool flow_back(struct flow *f, long long now)
{
	switch (f->screen) {
	case SCR_LANGUAGE:
		if (f->furthest >= STAGE_HOME)
			return go(f, f->resume, now);
		end_session(f, END_ABANDONED, now);
		return go(f, SCR_ATTRACT, now);
	case SCR_HOME: f->resume = SCR_HOME; return go(f, SCR_LANGUAGE, now);
	case SCR_CHAPTER: return go(f, SCR_HOME, now);
	case SCR_VIDEO: return go(f, SCR_CHAPTER, now);
	case SCR_QUIZ: return go(f, f->quiz_mode == QUIZ_CHAPTER ? SCR_CHAPTER : SCR_HOME, now);
	case SCR_RESULT: return go(f, SCR_HOME, now);
	case SCR_TRAINER_PIN:
	case SCR_TRAINER: return go(f, SCR_ATTRACT, now);
	default: return false;
	}
}

bool flow_still_here(struct flow *f, long long now)
{
	if (f->screen != SCR_STILL_THERE)
		return false;
	f->last_input = now;
	return go(f, f->still_resume, now);
}

void flow_toggle_text_size(struct flow *f)
{
	f->large_text = !f->large_text;
}

void flow_accessibility_defaults(struct flow *f, bool high_contrast)
{
	f->default_contrast = f->high_contrast = high_contrast;
}

void flow_set_speech(struct flow *f, bool on)
{
	f->speech = on;
	if (!on)
		f->reading_until = 0;
}

void flow_toggle_contrast(struct flow *f)
{
	f->high_contrast = !f->high_contrast;
}

void flow_reading(struct flow *f, long long until)
{
	f->reading_until = until;
}

void flow_set_default_large(struct flow *f, bool large)
{
	f->default_large = large;
}

bool flow_trainer_request(struct flow *f, long long now)
{
	if (f->screen != SCR_ATTRACT)
		return false;
	return go(f, SCR_TRAINER_PIN, now);
}

bool flow_trainer_unlocked(struct flow *f, long long now)
{
	if (f->screen != SCR_TRAINER_PIN)
		return false;
	return go(f, SCR_TRAINER, now);
}

bool flow_trainer_exit(struct flow *f, long long now)
{
	if (f->screen != SCR_TRAINER && f->screen != SCR_TRAINER_PIN)
		return false;
	return go(f, SCR_ATTRACT, now);
}

void flow_shutdown(struct flow *f, long long now)
{
	end_session(f, END_ABANDONED, now);
}

unsigned flow_chapters_done(const struct flow *f)
{
	unsigned n = 0;
	for (unsigned c = 0; c < f->m->n_chapters && c < CONTENT_MAX_CHAPTERS; c++)
		n += f->chapter_done[c];
	return n;
}

bool flow_all_chapters_done(const struct flow *f)
{
	return flow_chapters_done(f) == f->m->n_chapters;
}

bool flow_take_record(struct flow *f, struct session_record *out)
{
	if (!f->has_record)
		return false;
	*out = f->record;
	f->has_record = false;
	return true;
}

bool flow_take_left_early(struct flow *f)
{
	bool left = f->left_early;
	f->left_early = false;
	return left;
}

void flow_video_left(struct flow *f, int share, long long pos_ms)
{
	int c = f->chapter;
	if (c < 0 || c >= CONTENT_MAX_CHAPTERS)
		return;
	if (share > f->video_share[c])
		f->video_share[c] = share;
	if (f->screen == SCR_STILL_THERE) {
		f->resume_chapter = c;
		f->resume_ms = pos_ms;
	} else {
		f->resume_chapter = -1;
	}
}

long long flow_video_resume(struct flow *f, int c)
{
	long long ms = f->resume_chapter == c ? f->resume_ms : 0;
	f->resume_chapter = -1;
	return ms;
}

void flow_preview(struct flow *f, const struct flow_preview *p)
{
	f->screen = p->screen;
	if (p->screen == SCR_ATTRACT)
		return;
	f->in_session = true;
	f->lang = p->lang;
	f->furthest = STAGE_HOME;
	f->chapter = p->chapter;
	if (p->question >= 0) {
		f->quiz_mode = QUIZ_FINAL;
		f->quiz_n = f->m->n_questions < CONTENT_MAX_QUESTIONS ? f->m->n_questions
		                                                      : CONTENT_MAX_QUESTIONS;
		for (unsigned i = 0; i < f->quiz_n; i++)
			f->quiz[i] = i;
		f->quiz_pos = (unsigned)p->question;
	}
	f->chosen = p->chosen;
	f->score = p->score;
	f->passed = p->passed;
	if (p->screen == SCR_RESULT) {
		/* A final quiz as drawn, its first answers right, the rest wrong
		 * (every chapter to revisit when none is right). */
		unsigned n = 0, size = content_final_size(f->m);
		for (unsigned q = 0; q < f->m->n_questions && n < size; q++)
			if (content_in_final_pool(f->m, q))
				f->quiz[n++] = q;
		f->quiz_n = n;
		f->right = (unsigned)(p->score < 0 ? 0 : p->score) * n / 100;
		for (unsigned i = 0; i < CONTENT_MAX_QUESTIONS; i++)
			f->final_choice[i] = -1;
		for (unsigned i = 0; i < n; i++) {
			const struct content_question *q = &f->m->questions[f->quiz[i]];
			f->final_choice[f->quiz[i]] =
			    i < f->right ? (int)q->answer - 1 : (int)(q->answer % q->n_choices);
		}
	}
}
