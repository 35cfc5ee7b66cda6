#include "check/fitcheck.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check/a11ycheck.h"
#include "core/yaml/yamlpos.h"
#include "platform/gfx.h"
#include "app/app.h"
#include "screens/ui.h"

enum { MAX_SEEN = 256 };

struct fit_log {
	const struct content_module *m;
	struct diag *diag;
	struct yamlpos *pos;
	const char *size;
	int lang;
	const char *shots; /* write each screen of the tour here, if set */
	int shot;
	struct a11ycheck *a11y;
	char *seen[MAX_SEEN];
	int n_seen;
};

static void fit_log_overflow(struct fit_log *f, const char *text, const char *why)
{
	char path[256], key[512];
	bool found = content_text_path(f->m, text, f->lang, path, sizeof(path));
	snprintf(key, sizeof(key), "%s|%s|%s", found ? path : text, f->size, why);
	for (int i = 0; i < f->n_seen; i++)
		if (strcmp(f->seen[i], key) == 0)
			return; /* one message per text, size and reason */
	if (f->n_seen < MAX_SEEN)
		f->seen[f->n_seen++] = strdup(key);
	int line = 0, col = 0;
	if (found) {
		yamlpos_find(f->pos, &line, &col, "%s", path);
		diag_add(f->diag, f->m->file, line, col, "text does not fit at %s: %s", f->size,
		         why);
	} else {
		diag_add(f->diag, f->m->file, 0, 0, "text does not fit at %s: %s: \"%.60s\"",
		         f->size, why, text);
	}
}

/* Every control in the window (once scrolled into view) and at least the
 * layout's touch size: a key drawn below the screen cannot be pressed (the
 * trainer's PIN pad's OK at 1280x720 with large text once was). */
static void check_controls(struct fit_log *f, struct kiosk *k)
{
	const struct layout *l = ui_lay(k);
	for (int i = 0; i < ui_n_controls(k); i++) {
		SDL_Rect r = ui_control_revealed(k, ui_control(k, i));
		char why[160];
		if (r.x < 0 || r.y < 0 || r.x + r.w > l->w || r.y + r.h > l->h)
			snprintf(why, sizeof(why), "control outside the window on the %s screen",
			         screen_name(k->shown));
		else if (r.w < l->touch || r.h < l->touch)
			snprintf(
			    why, sizeof(why),
			    "control smaller than the touch size (%dx%d < %d px) on the %s screen",
			    r.w, r.h, l->touch, screen_name(k->shown));
		else
			continue;
		fit_log_overflow(f, ui_control(k, i)->label, why);
	}
}

static void show(struct kiosk *k, const struct flow_preview *p)
{
	flow_preview(&k->flow, p);
	struct fit_log *f = k->fit_ctx;
	f->a11y->screen = screen_name(p->screen);
	app_show(k, p->screen);
	a11ycheck_screen(f->a11y, k);
	check_controls(f, k);
	app_hide(k);
	if (f->shots) {
		char path[4096];
		char slug[64];
		snprintf(slug, sizeof(slug), "%s", f->size);
		for (char *c = slug; *c; c++)
			if (*c == ' ')
				*c = '-';
		snprintf(path, sizeof(path), "%s/%s-%s-%03d-%s.png", f->shots, slug,
		         lang_code(f->lang), f->shot++, screen_name(p->screen));
		gfx_screenshot(k->gfx, path);
	}
}

/* Every screen a person can meet, with every chapter and question, the
 * quiz both before and after an answer (right and wrong). */
static void tour(struct kiosk *k, int lang, bool large, bool contrast)
{
	const struct content_module *m = k->module;
	flow_init(&k->flow, m, 90000, 15000, lang, large, 0);
	flow_accessibility_defaults(&k->flow, contrast);
	struct flow_preview p = {.lang = lang, .chapter = -1, .question = -1, .chosen = -1};
	p.screen = SCR_ATTRACT;
	show(k, &p);
	p.screen = SCR_LANGUAGE;
	show(k, &p);
	p.screen = SCR_HOME;
	show(k, &p);
	p.screen = SCR_CHAPTER;
	for (unsigned c = 0; c < m->n_chapters; c++) {
		p.chapter = (int)c;
		show(k, &p);
	}
	p.chapter = -1;
	p.screen = SCR_QUIZ;
	unsigned n =
	    m->n_questions < CONTENT_MAX_QUESTIONS ? m->n_questions : CONTENT_MAX_QUESTIONS;
	for (unsigned i = 0; i < n; i++) {
		const struct content_question *q = &m->questions[i];
		p.question = (int)i;
		p.chosen = -1;
		show(k, &p);
		p.chosen = (int)(q->answer % q->n_choices); /* a wrong one */
		show(k, &p);
		p.chosen = (int)q->answer - 1;
		show(k, &p);
	}
	p.question = p.chosen = -1;
	p.screen = SCR_RESULT;
	p.score = 100;
	p.passed = true;
	show(k, &p);
	p.score = 0;
	p.passed = false;
	show(k, &p);
	p.screen = SCR_STILL_THERE;
	show(k, &p);
	p.screen = SCR_TRAINER_PIN;
	show(k, &p);
}

/* The screens report texts that do not fit through this callback. */
static void handle_overflow(void *ctx, const char *text, const char *why)
{
	fit_log_overflow(ctx, text, why);
}

bool fitcheck_run(struct kiosk *k, struct diag *diag, const char *shots)
{
	static const struct {
		int w, h;
		const char *name;
	} sizes[] = {{1920, 1080, "1920x1080"}, {1080, 1920, "1080x1920"}, {1280, 720, "1280x720"}};
	if (!getenv("SDL_VIDEODRIVER"))
		setenv("SDL_VIDEODRIVER", "offscreen", 1);
	if (SDL_Init(SDL_INIT_VIDEO) != 0) {
		fprintf(stderr, "kiosk: cannot check the layout: SDL_Init: %s\n", SDL_GetError());
		return false;
	}
	struct a11ycheck a11y = {.diag = diag, .file = k->module->file};
	struct fit_log log = {.m = k->module,
	                      .diag = diag,
	                      .pos = yamlpos_read(k->module->file),
	                      .shots = shots,
	                      .a11y = &a11y};
	/* Each size as it comes, with large text (A+), in high contrast, and both. */
	static const struct {
		bool large, contrast;
		const char *name;
	} variants[] = {{false, false, ""},
	                {true, false, " large text"},
	                {false, true, " high contrast"},
	                {true, true, " large text high contrast"}};
	bool ok = true;
	for (size_t i = 0; i < sizeof(sizes) / sizeof(sizes[0]) && ok; i++) {
		struct gfx_options go = {.headless = true,
		                         .width = sizes[i].w,
		                         .height = sizes[i].h,
		                         .dpi = k->settings.dpi,
		                         .font = k->settings.font,
		                         .font_bold = k->settings.font_bold,
		                         .title = "check"};
		k->gfx = gfx_create(&go);
		if (!k->gfx) {
			ok = false;
			break;
		}
		k->fit = handle_overflow;
		k->fit_ctx = &log;
		a11ycheck_attach(&a11y, k);
		for (size_t v = 0; v < sizeof(variants) / sizeof(variants[0]); v++) {
			char name[64];
			snprintf(name, sizeof(name), "%s%s", sizes[i].name, variants[v].name);
			log.size = name;
			a11y.variant = name;
			for (int l = 0; l < k->module->n_langs; l++) {
				log.lang = k->module->langs[l];
				log.shot = 0;
				tour(k, log.lang, variants[v].large, variants[v].contrast);
			}
		}
		log.size = NULL;
		a11ycheck_detach(&a11y, k);
		k->fit = NULL;
		k->fit_ctx = NULL;
		gfx_destroy(k->gfx);
		k->gfx = NULL;
	}
	for (int i = 0; i < log.n_seen; i++)
		free(log.seen[i]);
	a11ycheck_free(&a11y);
	yamlpos_destroy(log.pos);
	SDL_Quit();
	return ok;
}
