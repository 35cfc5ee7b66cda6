/* What a failed result sends a person back to: the chapters that teach
 * the objectives of the final quiz's wrong answers. */
#ifndef KIOSK_CORE_REVISIT_H
#define KIOSK_CORE_REVISIT_H

#include "core/flow.h"

/* The chapter that teaches objective o: its `chapter:`, else the chapter
 * of its first question that has one; -1 when none. */
int revisit_objective_chapter(const struct content_module *m, unsigned o);

/* The chapters to revisit after the final quiz of f, in the module's
 * order, each once; up to max into out, returns how many there are. */
unsigned revisit_chapters(const struct flow *f, unsigned *out, unsigned max);

#endif
