/* With --content, the report names chapters, questions, answers and
 * objectives by their texts (in the module's first language) rather than
 * by their ids only, and lists them in the module's order. Sessions of
 * another module keep their ids and come after, in the loader's order. */
#include <limits.h>
#include <stddef.h>
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

/* The position of id in the module's list of n elements of size bytes,
 * each starting with its id, or INT_MAX. */
_Static_assert(offsetof(struct content_chapter, id) == 0 &&
                   offsetof(struct content_question, id) == 0 &&
                   offsetof(struct content_objective, id) == 0,
               "rank() reads the id first");
static int rank(const struct report *r, const char *module, const char *id, const void *list,
                unsigned n, size_t size)
{
	if (!same_module(r, module))
		return INT_MAX;
	for (unsigned i = 0; i < n; i++)
		if (strcmp(*(char *const *)((const char *)list + i * size), id) == 0)
			return (int)i;
	return INT_MAX;
}

/* A stable insertion sort by rank (a few dozen rows): rows the module does
 * not name keep their order, after the others. */
#define ORDER(type, rows, n, list, count)                                                          \
	for (int i = 1; i < (n); i++)                                                              \
		for (int j = i; j > 0; j--) {                                                      \
			type *a = &(rows)[j - 1], *b = &(rows)[j];                                 \
			if (rank(r, b->module, b->id, list, count, sizeof *(list)) >=              \
			    rank(r, a->module, a->id, list, count, sizeof *(list)))                \
				break;                                                             \
			type tmp = *a;                                                             \
			*a = *b;                                                                   \
			*b = tmp;                                                                  \
		}

void report_set_module(struct report *r, const struct content_module *m)
{
	r->module = m;
	if (!m)
		return;
	ORDER(struct report_chapter, r->chapters, r->n_chapters, m->chapters, m->n_chapters)
	ORDER(struct report_question, r->questions, r->n_questions, m->questions, m->n_questions)
	ORDER(struct report_question, r->chapter_questions, r->n_chapter_questions, m->questions,
	      m->n_questions)
	ORDER(struct report_objective, r->objectives, r->n_objectives, m->objectives,
	      m->n_objectives)
}
