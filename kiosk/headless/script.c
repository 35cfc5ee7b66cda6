/* Headless script mode (DESIGN.md §3): drives the real screens and flow
 * with synthetic touches on a virtual clock, and writes screenshots. */
#include "headless/script.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/script_line.h"
#include "platform/gfx.h"
#include "platform/player.h"
#include "screens/focus.h"
#include "screens/ui.h"

/* A person's pace: a tap comes this long after the previous command, and
 * the finger stays down this long. */
enum { REACH_MS = 500, TAP_MS = 80, WAIT_STEP_MS = 1000 };
/* With --video-time fast, real time passes only while a video opens: the
 * loop looks this often whether its first picture came, instead of
 * sleeping a whole step (a second of nothing for each video). */
enum { OPENING_STEP_MS = 10 };

struct script {
	struct kiosk *k;
	const char *file;
	int line;
	const char *shots;
	bool keys; /* `input keys`: press and answer go by Tab and Enter */
};

static void fail(struct script *s, const char *fmt, const char *a, const char *b)
{
	fprintf(stderr, "%s:%d: ", s->file, s->line);
	fprintf(stderr, fmt, a, b);
	fputc('\n', stderr);
}

/* Let virtual time pass, running the loop at every moment it would wake. */
static void advance(struct kiosk *k, long long ms)
{
	long long end = k->virtual_ms + ms;
	/* With a video playing, the virtual clock keeps pace with the real one
	 * (with --video-time fast, only while the video opens), from the moment
	 * it starts to. */
	Uint64 t0 = 0;
	long long v0 = -1;
	app_iterate(k);
	while (k->virtual_ms < end && k->running) {
		long long next = k->wake_at >= 0 && k->wake_at > k->virtual_ms ? k->wake_at : end;
		if (next > end)
			next = end;
		if (next - k->virtual_ms > WAIT_STEP_MS)
			next = k->virtual_ms + WAIT_STEP_MS;
		if (k->realtime && k->video_fast && next - k->virtual_ms > OPENING_STEP_MS)
			next = k->virtual_ms + OPENING_STEP_MS;
		if (!k->realtime) {
			v0 = -1;
		} else if (v0 < 0) {
			t0 = SDL_GetTicks64();
			v0 = k->virtual_ms;
		}
		if (v0 >= 0) {
			long long ahead = (next - v0) - (long long)(SDL_GetTicks64() - t0);
			if (ahead > 0)
				SDL_Delay((Uint32)ahead);
		}
		k->virtual_ms = next;
		app_iterate(k);
	}
}

static void push_finger(struct kiosk *k, Uint32 type, float x, float y)
{
	SDL_Event e = {0};
	e.type = type;
	e.tfinger.touchId = 1;
	e.tfinger.fingerId = 1;
	e.tfinger.x = x;
	e.tfinger.y = y;
	e.tfinger.pressure = type == SDL_FINGERUP ? 0.0f : 1.0f;
	SDL_PushEvent(&e);
	/* A real touchscreen also yields the mouse events SDL synthesizes from
	 * the finger; send them too, so that every script checks a tap counts once. */
	SDL_Event m = {0};
	m.type = type == SDL_FINGERDOWN ? SDL_MOUSEBUTTONDOWN
	         : type == SDL_FINGERUP ? SDL_MOUSEBUTTONUP
	                                : SDL_MOUSEMOTION;
	if (m.type == SDL_MOUSEMOTION) {
		m.motion.which = SDL_TOUCH_MOUSEID;
		m.motion.x = (int)(x * (float)k->lay.w);
		m.motion.y = (int)(y * (float)k->lay.h);
	} else {
		m.button.which = SDL_TOUCH_MOUSEID;
		m.button.button = SDL_BUTTON_LEFT;
		m.button.state = type == SDL_FINGERUP ? SDL_RELEASED : SDL_PRESSED;
		m.button.clicks = 1;
		m.button.x = (int)(x * (float)k->lay.w);
		m.button.y = (int)(y * (float)k->lay.h);
	}
	SDL_PushEvent(&m);
	app_iterate(k);
}

static void tap(struct kiosk *k, float x, float y, bool quick)
{
	if (!quick)
		advance(k, REACH_MS);
	push_finger(k, SDL_FINGERDOWN, x, y);
	advance(k, TAP_MS);
	push_finger(k, SDL_FINGERUP, x, y);
}

static bool key(struct kiosk *k, const char *combo);

/* Keys only: Tab until the focus is on the control, then Enter. */
static bool press_by_keys(struct script *s, const char *label)
{
	struct kiosk *k = s->k;
	advance(k, REACH_MS);
	app_draw(k, true);
	for (int tries = 0; tries <= k->n_controls + 1; tries++) {
		int i = focus_index(k);
		if (i >= 0 && strcmp(k->controls[i].label, label) == 0) {
			key(k, "return");
			return true;
		}
		key(k, "tab"); /* draws the screen again, and so its controls */
	}
	fail(s, "press (keys): Tab never reaches \"%s\" on screen %s", label,
	     screen_name(k->shown));
	return false;
}

static bool press(struct script *s, const char *label)
{
	struct kiosk *k = s->k;
	if (s->keys)
		return press_by_keys(s, label);
	advance(k, REACH_MS);
	app_draw(k, true); /* the controls of the screen as it is now */
	bool swiped = false;
	for (int i = 0; i < k->n_controls; i++) {
		if (strcmp(k->controls[i].label, label) != 0)
			continue;
		if (!swiped && ui_reveal(k, i)) {
			swiped = true; /* scrolled out of view: a person would swipe first */
			app_draw(k, true);
			i = -1;
			continue;
		}
		SDL_Rect r = ui_control_shown(&k->controls[i]);
		float x = (r.x + r.w / 2.0f) / (float)k->lay.w;
		float y = (r.y + r.h / 2.0f) / (float)k->lay.h;
		tap(k, x, y, true);
		return true;
	}
	fail(s, "press: no control labelled \"%s\" on screen %s", label, screen_name(k->shown));
	for (int i = 0; i < k->n_controls; i++)
		fprintf(stderr, "  control: \"%s\"\n", k->controls[i].label);
	return false;
}

/* "@ui.KEY" is that interface text and "@chapter.N" the title of chapter N
 * (from 1), in the current language: scripts that run in every language. */
static bool resolve(struct script *s, const char *label, char *out, size_t len)
{
	struct kiosk *k = s->k;
	unsigned n;
	int key;
	if (strncmp(label, "@ui.", 4) == 0 && (key = content_ui_key(label + 4)) >= 0) {
		snprintf(out, len, "%s", app_ui(k, (enum ui_key)key));
	} else if (sscanf(label, "@chapter.%u", &n) == 1 && n >= 1 && n <= k->module->n_chapters) {
		snprintf(out, len, "%s", ltext_get(&k->module->chapters[n - 1].title, app_lang(k)));
	} else if (label[0] == '@') {
		fail(s, "unknown label reference \"%s\"%s", label, "");
		return false;
	} else {
		snprintf(out, len, "%s", label);
	}
	return true;
}

/* Tap the right choice of the question on screen (or a wrong one), found
 * by its text wherever this session's shuffle put it; then, with go_on,
 * the button that goes on. */
static bool answer(struct script *s, bool right, bool go_on)
{
	struct kiosk *k = s->k;
	const struct content_question *q = flow_question(&k->flow);
	if (k->shown != SCR_QUIZ || !q) {
		fail(s, "answer: no question on screen %s%s", screen_name(k->shown), "");
		return false;
	}
	unsigned i = right ? q->answer - 1 : q->answer % q->n_choices;
	if (!press(s, ltext_get(&q->choices[i], app_lang(k))))
		return false;
	if (!go_on)
		return true;
	bool last = k->flow.quiz_pos + 1 >= k->flow.quiz_n && k->flow.quiz_mode == QUIZ_FINAL;
	return press(s, app_ui(k, last ? UI_see_result : UI_next));
}

static void swipe(struct kiosk *k, float x1, float y1, float x2, float y2)
{
	advance(k, REACH_MS);
	push_finger(k, SDL_FINGERDOWN, x1, y1);
	enum { STEPS = 10 };
	for (int i = 1; i <= STEPS; i++) {
		advance(k, 16);
		push_finger(k, SDL_FINGERMOTION, x1 + (x2 - x1) * i / STEPS,
		            y1 + (y2 - y1) * i / STEPS);
	}
	push_finger(k, SDL_FINGERUP, x2, y2);
}

static bool key(struct kiosk *k, const char *combo)
{
	char buf[64];
	snprintf(buf, sizeof(buf), "%s", combo);
	Uint16 mod = KMOD_NONE;
	SDL_Keycode sym = SDLK_UNKNOWN;
	for (char *save = NULL, *t = strtok_r(buf, "+", &save); t; t = strtok_r(NULL, "+", &save)) {
		if (strcasecmp(t, "alt") == 0)
			mod |= KMOD_LALT;
		else if (strcasecmp(t, "ctrl") == 0)
			mod |= KMOD_LCTRL;
		else if (strcasecmp(t, "shift") == 0)
			mod |= KMOD_LSHIFT;
		else if (strcasecmp(t, "super") == 0 || strcasecmp(t, "gui") == 0)
			mod |= KMOD_LGUI;
		else
			sym = SDL_GetKeyFromName(t);
	}
	if (sym == SDLK_UNKNOWN)
		return false;
	SDL_Event e = {0};
	e.type = SDL_KEYDOWN;
	e.key.state = SDL_PRESSED;
	e.key.keysym.sym = sym;
	e.key.keysym.scancode = SDL_GetScancodeFromKey(sym);
	e.key.keysym.mod = mod;
	SDL_PushEvent(&e);
	e.type = SDL_KEYUP;
	e.key.state = SDL_RELEASED;
	SDL_PushEvent(&e);
	app_iterate(k);
	return true;
}

/* A line of /proc/self/status in kB ("VmRSS", "RssAnon"...), -1 if absent. */
static long status_kb(const char *key)
{
	FILE *f = fopen("/proc/self/status", "r");
	char line[256];
	long kb = -1;
	size_t n = strlen(key);
	while (f && fgets(line, sizeof(line), f))
		if (strncmp(line, key, n) == 0 && line[n] == ':' &&
		    sscanf(line + n + 1, "%ld", &kb) == 1)
			break;
	if (f)
		fclose(f);
	return kb;
}

static int open_fds(void)
{
	DIR *d = opendir("/proc/self/fd");
	int n = 0;
	if (!d)
		return -1;
	while (readdir(d))
		n++;
	closedir(d);
	return n - 3; /* ".", ".." and this directory's own descriptor */
}

/* Returns an exit code: 0 go on, 2 bad script, 3 failed expectation. */
static int run_line(struct script *s, char *cmd, char *args)
{
	struct kiosk *k = s->k;
	float v[4];
	if (strcmp(cmd, "tap") == 0 || strcmp(cmd, "quick-tap") == 0) {
		if (!script_floats(args, v, 2))
			goto bad;
		tap(k, v[0], v[1], cmd[0] == 'q');
	} else if (strcmp(cmd, "press") == 0) {
		if (!*args)
			goto bad;
		char label[UI_LABEL];
		return resolve(s, args, label, sizeof(label)) && press(s, label) ? EXIT_OK
		                                                                 : EXIT_SCRIPT;
	} else if (strcmp(cmd, "choose") == 0) {
		bool right = strcmp(args, "right") == 0;
		if (!right && strcmp(args, "wrong") != 0)
			goto bad;
		if (!answer(s, right, false))
			return EXIT_SCRIPT;
	} else if (strcmp(cmd, "answer") == 0 || strcmp(cmd, "answer-all") == 0) {
		bool right = strcmp(args, "right") == 0;
		if (!right && strcmp(args, "wrong") != 0)
			goto bad;
		/* answer-all: every question until the quiz is over. */
		int n = 0;
		do {
			if (!answer(s, right, true))
				return EXIT_SCRIPT;
		} while (cmd[6] == '-' && k->shown == SCR_QUIZ && ++n < SESSION_MAX_ANSWERS);
	} else if (strcmp(cmd, "swipe") == 0) {
		if (!script_floats(args, v, 4))
			goto bad;
		swipe(k, v[0], v[1], v[2], v[3]);
	} else if (strcmp(cmd, "hold") == 0) {
		if (!script_floats(args, v, 3) || v[2] < 0 || v[2] > SCRIPT_MAX_MS)
			goto bad;
		advance(k, REACH_MS);
		push_finger(k, SDL_FINGERDOWN, v[0], v[1]);
		advance(k, (long long)v[2]);
		push_finger(k, SDL_FINGERUP, v[0], v[1]);
	} else if (strcmp(cmd, "key") == 0) {
		if (!key(k, args))
			goto bad;
	} else if (strcmp(cmd, "input") == 0) {
		if (strcmp(args, "keys") != 0 && strcmp(args, "touch") != 0)
			goto bad;
		s->keys = args[0] == 'k';
	} else if (strcmp(cmd, "expect-focus") == 0) {
		char label[UI_LABEL];
		if (!*args || !resolve(s, args, label, sizeof(label)))
			return EXIT_SCRIPT;
		app_iterate(k);
		app_draw(k, true);
		int i = focus_index(k);
		if (i < 0 || strcmp(k->controls[i].label, label) != 0) {
			fail(s, "expected the focus on \"%s\", it is on \"%s\"", label,
			     i < 0 ? "(nothing)" : k->controls[i].label);
			return EXIT_SCRIPT;
		}
	} else if (strcmp(cmd, "quit-event") == 0) {
		SDL_Event e = {.type = SDL_QUIT};
		SDL_PushEvent(&e);
		app_iterate(k);
	} else if (strcmp(cmd, "render-reset") == 0) {
		/* What a lost GPU device sends: the renderer is made anew. */
		SDL_Event e = {.type = SDL_RENDER_DEVICE_RESET};
		SDL_PushEvent(&e);
		app_iterate(k);
	} else if (strcmp(cmd, "wait") == 0) {
		if (!script_floats(args, v, 1) || v[0] < 0 || v[0] > SCRIPT_MAX_MS)
			goto bad;
		advance(k, (long long)v[0]);
	} else if (strcmp(cmd, "expect") == 0) {
		app_iterate(k);
		if (strcmp(args, screen_name(k->shown)) != 0) {
			fail(s, "expected screen %s, but the screen is %s", args,
			     screen_name(k->shown));
			return EXIT_SCRIPT;
		}
	} else if (strcmp(cmd, "controls") == 0) {
		/* For tests that click a real window: where each control is. */
		app_iterate(k);
		app_draw(k, true);
		for (int i = 0; i < k->n_controls; i++) {
			/* What is in view (a scrolled part shows some of its own). */
			SDL_Rect r = ui_control_shown(&k->controls[i]);
			if (r.w <= 0 || r.h <= 0)
				continue;
			printf("control %d %d %d %d %s\n", r.x, r.y, r.w, r.h,
			       k->controls[i].label);
		}
		fflush(stdout);
	} else if (strcmp(cmd, "sample") == 0) {
		/* For the reliability suite: memory and descriptors, once videos
		 * closed have been stopped (that takes real time; 5 s at most). */
		for (int i = 0; i < 500 && k->player && player_pending_stops(k->player) > 0; i++)
			SDL_Delay(10);
		int texts;
		long text_kb;
		gfx_text_stats(k->gfx, &texts, &text_kb);
		printf("sample rss_kb %ld fds %d virtual_ms %lld screen %s anon_kb %ld file_kb %ld "
		       "texts %d text_kb %ld\n",
		       status_kb("VmRSS"), open_fds(), k->virtual_ms, screen_name(k->shown),
		       status_kb("RssAnon"), status_kb("RssFile"), texts, text_kb);
		fflush(stdout);
	} else if (strcmp(cmd, "shot") == 0) {
		if (!*args || strchr(args, '/'))
			goto bad;
		app_iterate(k);
		app_draw(k, true);
		char path[4096];
		snprintf(path, sizeof(path), "%s/%s.png", s->shots, args);
		if (!gfx_screenshot(k->gfx, path))
			return EXIT_INTERNAL;
	} else {
		fail(s, "unknown command \"%s\"%s", cmd, "");
		return EXIT_BAD_INPUT;
	}
	return EXIT_OK;
bad:
	fail(s, "bad arguments for %s: \"%s\"", cmd, args);
	return EXIT_BAD_INPUT;
}

int script_run(struct kiosk *k, const char *file, const char *shots)
{
	FILE *f = fopen(file, "r");
	if (!f) {
		fprintf(stderr, "%s: %s\n", file, strerror(errno));
		return EXIT_BAD_INPUT;
	}
	struct script s = {.k = k, .file = file, .shots = shots ? shots : "."};
	k->running = true;
	app_iterate(k);
	char buf[1024];
	int rc = EXIT_OK;
	while (rc == EXIT_OK && k->running && fgets(buf, sizeof(buf), f)) {
		s.line++;
		if (!strchr(buf, '\n') && !feof(f)) {
			fail(&s, "line longer than %s characters%s", "1022", "");
			rc = EXIT_BAD_INPUT;
			break;
		}
		char *cmd, *args;
		if (!script_line_split(buf, &cmd, &args))
			continue;
		rc = run_line(&s, cmd, args);
		if (kiosk_stop_signal)
			break;
	}
	fclose(f);
	flow_shutdown(&k->flow, app_now(k));
	app_settle(k);
	return rc;
}
