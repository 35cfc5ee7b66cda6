#include "core/budget.h"

#include "core/quality.h"
#include "core/session.h"

static unsigned words_of(const struct ltext *t, int lang)
{
	return quality_words(ltext_get(t, lang));
}

/* A question as read: its prompt, every choice, the feedback and why. */
static unsigned question_words(const struct content_module *m, unsigned q, int lang)
{
	const struct content_question *qu = &m->questions[q];
	unsigned n = words_of(&qu->prompt, lang) + words_of(&qu->explanation, lang) +
	             quality_words(content_ui(m, UI_right, lang));
	for (unsigned k = 0; k < qu->n_choices; k++)
		n += words_of(&qu->choices[k], lang);
	return n;
}

/* The result screen: the score and verdict, the first key point of each
 * chapter, "more" and what the QR code opens. */
static unsigned result_words(const struct content_module *m, int lang)
{
	static const enum ui_key keys[] = {UI_your_score, UI_passed, UI_takeaways, UI_more_title};
	unsigned n = 0;
	for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++)
		n += quality_words(content_ui(m, keys[i], lang));
	for (unsigned c = 0; c < m->n_chapters; c++)
		if (m->chapters[c].n_key_points)
			n += words_of(&m->chapters[c].key_points[0], lang);
	for (unsigned i = 0; i < m->n_more; i++)
		n += words_of(&m->more[i].text, lang);
	if (m->more_url)
		n += m->qr_label.s[lang] ? words_of(&m->qr_label, lang)
		                         : quality_words(content_ui(m, UI_scan_me, lang));
	return n;
}

static bool has_video(const struct content_chapter *ch, int lang)
{
	return ch->video.s[lang] != NULL;
}

/* The length of chapter c's video in lang, ms. */
static long long video_ms(const struct content_module *m, unsigned c, int lang,
                          const long long *chapter_ms, enum budget_videos which)
{
	const struct content_chapter *ch = &m->chapters[c];
	if (!has_video(ch, lang))
		return 0;
	if (which == BUDGET_FILMS && ch->video_placeholder && ch->film && ch->film->seconds)
		return ch->film->seconds * 1000LL;
	if (chapter_ms && chapter_ms[c] >= 0)
		return chapter_ms[c];
	return ch->video_seconds * 1000LL;
}

void budget_estimate(const struct content_module *m, int lang, const long long *chapter_ms,
                     enum budget_videos which, struct budget *b)
{
	*b = (struct budget){0};
	b->screens = 2; /* the language, the home screen */
	for (unsigned c = 0; c < m->n_chapters; c++) {
		const struct content_chapter *ch = &m->chapters[c];
		b->words += words_of(&ch->title, lang);
		for (unsigned i = 0; i < ch->n_paragraphs; i++)
			b->words += words_of(&ch->paragraphs[i], lang);
		for (unsigned i = 0; i < ch->n_key_points; i++)
			b->words += words_of(&ch->key_points[i], lang);
		b->video_ms += video_ms(m, c, lang, chapter_ms, which);
		/* The chapter, its video, each of its questions (the video's end
		 * opens the first), then home again (core/flow.c). */
		b->screens += 2 + (has_video(ch, lang) ? 1 : 0);
		unsigned qs[CONTENT_MAX_QUESTIONS];
		unsigned n = content_chapter_questions(m, c, qs, CONTENT_MAX_QUESTIONS);
		for (unsigned i = 0; i < n && i < CONTENT_MAX_QUESTIONS; i++)
			b->words += question_words(m, qs[i], lang);
		b->questions += n;
		b->screens += n;
	}
	/* The final quiz draws from its pool (an old module's, without
	 * final_quiz, asks every question again): its average question, so
	 * many times. */
	unsigned pool = 0, pool_words = 0, size = content_final_size(m);
	for (unsigned q = 0; q < m->n_questions && q < CONTENT_MAX_QUESTIONS; q++)
		if (content_in_final_pool(m, q)) {
			pool++;
			pool_words += question_words(m, q, lang);
		}
	if (pool)
		b->words += (pool_words * size + pool / 2) / pool;
	b->questions += size;
	b->screens += size + 1; /* each question, then the result */
	b->words += result_words(m, lang);
	b->read_ms = b->words * 60000LL / BUDGET_WPM;
	b->answer_ms = b->questions * BUDGET_ANSWER_S * 1000LL;
	b->screen_ms = b->screens * BUDGET_SCREEN_S * 1000LL;
	b->total_ms = b->read_ms + b->video_ms + b->answer_ms + b->screen_ms;
}

unsigned budget_minutes(const struct content_module *m, int lang)
{
	for (unsigned c = 0; c < m->n_chapters; c++)
		if (has_video(&m->chapters[c], lang) && !m->chapters[c].video_seconds)
			return 0;
	struct budget b;
	budget_estimate(m, lang, NULL, BUDGET_SHIPPED, &b);
	return (unsigned)((b.total_ms + 59999) / 60000);
}
