/* With --content, the report names chapters, questions, answers and
 * objectives by their texts (in the module's first language) rather than
 * by their ids only. Sessions of another module keep their ids. */
#include <string.h>

#include "core/content.h"
#include "report/report.h"

static bool same_module(const struct report *r, const char *module)
{
	return r->module && module && strcmp(r->module->id, module) == 0;
}

static const char *first(const struct report *r, const struct ltext *t)
{
	const char *s = ltext_get(t, r->module->langs[0]);
	return s && *s ? s : NULL;
}

static const struct content_question *question(const struct report *r, const char *module,
                                               const char *id)
{
	if (!same_module(r, module))
		return NULL;
	for (unsigned i = 0; i < r->module->n_questions; i++)
		if (strcmp(r->module->questions[i].id, id) == 0)
			return &r->module->questions[i];
	return NULL;
}

const char *report_chapter_title(const struct report *r, const char *module, const char *id)
{
	if (!same_module(r, module))
		return NULL;
	for (unsigned i = 0; i < r->module->n_chapters; i++)
		if (strcmp(r->module->chapters[i].id, id) == 0)
			return first(r, &r->module->chapters[i].title);
	return NULL;
}

const char *report_question_text(const struct report *r, const char *module, const char *id)
{
	const struct content_question *q = question(r, module, id);
	return q ? first(r, &q->prompt) : NULL;
}

const char *report_choice_text(const struct report *r, const char *module, const char *id,
                               int choice)
{
	const struct content_question *q = question(r, module, id);
	if (!q || choice < 0 || (unsigned)choice >= q->n_choices)
		return NULL;
	return first(r, &q->choices[choice]);
}

const char *report_objective_label(const struct report *r, const char *module, const char *id)
{
	if (!same_module(r, module))
		return NULL;
	for (unsigned i = 0; i < r->module->n_objectives; i++)
		if (strcmp(r->module->objectives[i].id, id) == 0)
			return first(r, &r->module->objectives[i].label);
	return NULL;
}

const char *report_title(const struct report *r)
{
	if (!r->module)
		return NULL;
	const char *s = first(r, &r->module->title);
	return s ? s : r->module->id;
}
