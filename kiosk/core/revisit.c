#include "core/revisit.h"

#include <stddef.h>
#include <string.h>

int revisit_objective_chapter(const struct content_module *m, unsigned o)
{
	if (o >= m->n_objectives)
		return -1;
	const struct content_objective *obj = &m->objectives[o];
	if (obj->chapter)
		return content_find_id(obj->chapter, m->chapters, sizeof(*m->chapters),
		                       m->n_chapters, offsetof(struct content_chapter, id));
	/* An older module: where its questions are asked tells. */
	for (unsigned q = 0; q < m->n_questions; q++) {
		const struct content_question *qu = &m->questions[q];
		int c = content_question_chapter(m, q);
		if (c >= 0 && qu->objective && obj->id && strcmp(qu->objective, obj->id) == 0)
			return c;
	}
	return -1;
}

unsigned revisit_chapters(const struct flow *f, unsigned *out, unsigned max)
{
	const struct content_module *m = f->m;
	bool wanted[CONTENT_MAX_CHAPTERS] = {false};
	for (unsigned i = 0; i < f->quiz_n && i < CONTENT_MAX_QUESTIONS; i++) {
		unsigned q = f->quiz[i];
		if (q >= m->n_questions)
			continue;
		const struct content_question *qu = &m->questions[q];
		int chosen = f->final_choice[q];
		if (chosen >= 0 && (unsigned)chosen + 1 == qu->answer)
			continue; /* right: nothing to revisit */
		int o = content_find_id(qu->objective, m->objectives, sizeof(*m->objectives),
		                        m->n_objectives, offsetof(struct content_objective, id));
		int c = o >= 0 ? revisit_objective_chapter(m, (unsigned)o) : -1;
		if (c < 0)
			c = content_question_chapter(m, q);
		if (c >= 0 && c < CONTENT_MAX_CHAPTERS)
			wanted[c] = true;
	}
	unsigned n = 0;
	for (unsigned c = 0; c < m->n_chapters && c < CONTENT_MAX_CHAPTERS; c++)
		if (wanted[c]) {
			if (n < max)
				out[n] = c;
			n++;
		}
	return n;
}
