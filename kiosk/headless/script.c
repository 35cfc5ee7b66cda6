/* Headless script mode (docs/reference.md): drives the real screens and flow
 * with synthetic touches on a virtual clock, and writes screenshots. */
#include "headless/script.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/script_line.h"
#include "platform/gfx.h"
#include "platform/player.h"
#include "platform/sigwatch.h"
#include "screens/focus.h"
#include "screens/ui.h"

/* A person's pace: a tap comes this long after the previous command, and
 * the finger stays down this long. */
enum { REACH_MS = 500, TAP_MS = 80, WAIT_STEP_MS = 1000 };
/* With --video-time fast, real time passes only while a video opens: the
 * loop looks this often whether its first picture came, instead of
 * sleeping a whole step (a second of nothing for each video). */
enum { OPENING_STEP_MS = 10 };
/* wait-frame's default bound: only a hang takes this long. */
enum { WAIT_FRAME_MS = 60000 };

struct script {
	struct kiosk *k;
	const char *file;
	int line;
	const char *shots;
	bool keys; /* `input keys`: press and answer go by Tab and Enter */
};

__attribute__((format(printf, 2, 3))) static void fail(struct script *s, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fprintf(stderr, "%s:%d: ", s->file, s->line);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
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
		long long at = app_wake_at(k);
		long long next = at >= 0 && at > k->virtual_ms ? at : end;
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
		m.motion.x = (int)(x * (float)ui_lay(k)->w);
		m.motion.y = (int)(y * (float)ui_lay(k)->h);
	} else {
		m.button.which = SDL_TOUCH_MOUSEID;
		m.button.button = SDL_BUTTON_LEFT;
		m.button.state = type == SDL_FINGERUP ? SDL_RELEASED : SDL_PRESSED;
		m.button.clicks = 1;
		m.button.x = (int)(x * (float)ui_lay(k)->w);
		m.button.y = (int)(y * (float)ui_lay(k)->h);
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
	for (int tries = 0; tries <= ui_n_controls(k) + 1; tries++) {
		int i = focus_index(k);
		if (i >= 0 && strcmp(ui_control(k, i)->label, label) == 0) {
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
	for (int i = 0; i < ui_n_controls(k); i++) {
		if (strcmp(ui_control(k, i)->label, label) != 0)
			continue;
		if (!swiped && ui_reveal(k, i)) {
			swiped = true; /* scrolled out of view: a person would swipe first */
			app_draw(k, true);
			i = -1;
			continue;
		}
		SDL_Rect r = ui_control_shown(ui_control(k, i));
		float x = (r.x + r.w / 2.0f) / (float)ui_lay(k)->w;
		float y = (r.y + r.h / 2.0f) / (float)ui_lay(k)->h;
		tap(k, x, y, true);
		return true;
	}
	fail(s, "press: no control labelled \"%s\" on screen %s", label, screen_name(k->shown));
	for (int i = 0; i < ui_n_controls(k); i++)
		fprintf(stderr, "  control: \"%s\"\n", ui_control(k, i)->label);
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
		snprintf(out, len, "%s", kiosk_ui(k, (enum ui_key)key));
	} else if (sscanf(label, "@chapter.%u", &n) == 1 && n >= 1 && n <= k->module->n_chapters) {
		snprintf(out, len, "%s",
		         ltext_get(&k->module->chapters[n - 1].title, kiosk_lang(k)));
	} else if (label[0] == '@') {
		fail(s, "unknown label reference \"%s\"", label);
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
		fail(s, "answer: no question on screen %s", screen_name(k->shown));
		return false;
	}
	unsigned i = right ? q->answer - 1 : q->answer % q->n_choices;
	if (!press(s, ltext_get(&q->choices[i], kiosk_lang(k))))
		return false;
	if (!go_on)
		return true;
	bool last = k->flow.quiz_pos + 1 >= k->flow.quiz_n && k->flow.quiz_mode == QUIZ_FINAL;
	return press(s, kiosk_ui(k, last ? UI_see_result : UI_next));
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

/* Real time until DONE(k, arg): the kiosk's clock kept going, in virtual
 * steps while nothing plays (advance() then takes no real time). MAX (real
 * milliseconds) only catches a hang. */
static bool until_real(struct kiosk *k, bool (*done)(const struct kiosk *k, long long arg),
                       long long arg, Uint64 max)
{
	Uint64 t0 = SDL_GetTicks64();
	while (!done(k, arg) && SDL_GetTicks64() - t0 < max && k->running) {
		bool realtime = k->realtime;
		advance(k, OPENING_STEP_MS);
		if (!realtime)
			SDL_Delay(OPENING_STEP_MS); /* advance() took no real time */
	}
	return done(k, arg);
}

static bool has_frame(const struct kiosk *k, long long arg)
{
	(void)arg;
	return player_frames(k->player) > 0;
}

static bool video_at(const struct kiosk *k, long long ms)
{
	return player_time(k->player) >= ms;
}

/* Real time until the video on screen has shown its first picture: a test
 * waits for the event, not for a guess of how long a loaded machine takes;
 * max (real milliseconds) only catches a hang. */
static bool wait_frame(struct script *s, Uint64 max)
{
	struct kiosk *k = s->k;
	if (!until_real(k, has_frame, 0, max)) {
		fail(s, "wait-frame: no video picture within %llu ms on screen %s",
		     (unsigned long long)max, screen_name(k->shown));
		return false;
	}
	app_draw(k, true); /* the picture on screen */
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

/* The commands, one function each (docs/README.top.md lists them). Each
 * returns an exit code (0 go on, 2 bad script, 3 failed expectation, 1
 * internal error), or BAD_ARGS for run_line to name the line's arguments. */
enum { BAD_ARGS = -1 };

static int do_tap(struct script *s, const char *cmd, char *args)
{
	float v[2];
	if (!script_floats(args, v, 2))
		return BAD_ARGS;
	tap(s->k, v[0], v[1], cmd[0] == 'q');
	return EXIT_OK;
}

static int do_press(struct script *s, const char *cmd, char *args)
{
	(void)cmd;
	char label[UI_LABEL];
	if (!*args)
		return BAD_ARGS;
	return resolve(s, args, label, sizeof(label)) && press(s, label) ? EXIT_OK : EXIT_SCRIPT;
}

/* choose, answer, answer-all: right or wrong. */
static int do_answer(struct script *s, const char *cmd, char *args)
{
	bool right = strcmp(args, "right") == 0;
	if (!right && strcmp(args, "wrong") != 0)
		return BAD_ARGS;
	if (cmd[0] == 'c')
		return answer(s, right, false) ? EXIT_OK : EXIT_SCRIPT;
	/* answer-all: every question until the quiz is over. */
	int n = 0;
	do {
		if (!answer(s, right, true))
			return EXIT_SCRIPT;
	} while (strcmp(cmd, "answer-all") == 0 && s->k->shown == SCR_QUIZ &&
	         ++n < CONTENT_MAX_QUESTIONS);
	return EXIT_OK;
}

static int do_swipe(struct script *s, const char *cmd, char *args)
{
	(void)cmd;
	float v[4];
	if (!script_floats(args, v, 4))
		return BAD_ARGS;
	swipe(s->k, v[0], v[1], v[2], v[3]);
	return EXIT_OK;
}

static int do_hold(struct script *s, const char *cmd, char *args)
{
	(void)cmd;
	float v[3];
	if (!script_floats(args, v, 3) || v[2] < 0 || v[2] > SCRIPT_MAX_MS)
		return BAD_ARGS;
	advance(s->k, REACH_MS);
	push_finger(s->k, SDL_FINGERDOWN, v[0], v[1]);
	advance(s->k, (long long)v[2]);
	push_finger(s->k, SDL_FINGERUP, v[0], v[1]);
	return EXIT_OK;
}

static int do_key(struct script *s, const char *cmd, char *args)
{
	(void)cmd;
	return key(s->k, args) ? EXIT_OK : BAD_ARGS;
}

static int do_input(struct script *s, const char *cmd, char *args)
{
	(void)cmd;
	if (strcmp(args, "keys") != 0 && strcmp(args, "touch") != 0)
		return BAD_ARGS;
	s->keys = args[0] == 'k';
	return EXIT_OK;
}

static int do_expect_focus(struct script *s, const char *cmd, char *args)
{
	(void)cmd;
	struct kiosk *k = s->k;
	char label[UI_LABEL];
	if (!*args || !resolve(s, args, label, sizeof(label)))
		return EXIT_SCRIPT;
	app_iterate(k);
	app_draw(k, true);
	int i = focus_index(k);
	if (i < 0 || strcmp(ui_control(k, i)->label, label) != 0) {
		fail(s, "expected the focus on \"%s\", it is on \"%s\"", label,
		     i < 0 ? "(nothing)" : ui_control(k, i)->label);
		return EXIT_SCRIPT;
	}
	return EXIT_OK;
}

/* quit-event: a window-manager close request; render-reset: what a lost
 * GPU device sends (the renderer is made anew). */
static int do_event(struct script *s, const char *cmd, char *args)
{
	(void)args;
	SDL_Event e = {.type = cmd[0] == 'q' ? SDL_QUIT : SDL_RENDER_DEVICE_RESET};
	SDL_PushEvent(&e);
	app_iterate(s->k);
	return EXIT_OK;
}

static int do_wait(struct script *s, const char *cmd, char *args)
{
	(void)cmd;
	float v[1];
	if (!script_floats(args, v, 1) || v[0] < 0 || v[0] > SCRIPT_MAX_MS)
		return BAD_ARGS;
	advance(s->k, (long long)v[0]);
	return EXIT_OK;
}

static int do_wait_frame(struct script *s, const char *cmd, char *args)
{
	(void)cmd;
	float v[1] = {WAIT_FRAME_MS};
	if (*args && (!script_floats(args, v, 1) || v[0] < 0 || v[0] > SCRIPT_MAX_MS))
		return BAD_ARGS;
	return wait_frame(s, (Uint64)v[0]) ? EXIT_OK : EXIT_SCRIPT;
}

/* Until the screen is NAME: a video's end, an idle timer. Real time while
 * a video plays (its end comes at its own pace, later on a loaded machine),
 * virtual time otherwise; MS (default 60000) of either only catches a hang. */
static int do_wait_screen(struct script *s, const char *cmd, char *args)
{
	(void)cmd;
	struct kiosk *k = s->k;
	char name[32];
	float v[1] = {WAIT_FRAME_MS};
	int used = 0;
	if (sscanf(args, "%31s%n", name, &used) != 1 ||
	    (args[used] && (!script_floats(args + used, v, 1) || v[0] < 0 || v[0] > SCRIPT_MAX_MS)))
		return BAD_ARGS;
	Uint64 t0 = SDL_GetTicks64();
	long long v0 = k->virtual_ms;
	app_iterate(k);
	while (strcmp(name, screen_name(k->shown)) != 0 && k->running &&
	       SDL_GetTicks64() - t0 < (Uint64)v[0] && k->virtual_ms - v0 < (long long)v[0])
		advance(k, OPENING_STEP_MS);
	if (strcmp(name, screen_name(k->shown)) != 0) {
		fail(s, "wait-screen: the screen is still %s after %.0f ms, not %s",
		     screen_name(k->shown), (double)v[0], name);
		return EXIT_SCRIPT;
	}
	return EXIT_OK;
}

/* Real time until the video on screen has played to MS of its own time (a
 * subtitle at 6 s, a pause at 7 s): the moment a test needs, which a fixed
 * `wait` misses when a loaded machine plays slower; MAX (default 60000 real
 * ms) only catches a hang. */
static int do_wait_video(struct script *s, const char *cmd, char *args)
{
	(void)cmd;
	struct kiosk *k = s->k;
	float v[2] = {0, WAIT_FRAME_MS};
	if ((!script_floats(args, v, 1) && !script_floats(args, v, 2)) || v[0] < 0 ||
	    v[0] > SCRIPT_MAX_MS || v[1] < 0 || v[1] > SCRIPT_MAX_MS)
		return BAD_ARGS;
	if (!until_real(k, video_at, (long long)v[0], (Uint64)v[1])) {
		fail(s, "wait-video: after %.0f ms the video is at %lld ms, not %.0f (screen %s)",
		     (double)v[1], player_time(k->player), (double)v[0], screen_name(k->shown));
		return EXIT_SCRIPT;
	}
	app_draw(k, true); /* the picture at that moment */
	return EXIT_OK;
}

/* Real time until the module on screen has version N: a content swap made
 * by the test beside the kiosk (kiosk-bundle's current link), seen the way
 * the kiosk sees it; MS (default 60000) only catches a hang. */
static int do_wait_content(struct script *s, const char *cmd, char *args)
{
	(void)cmd;
	struct kiosk *k = s->k;
	float v[2] = {0, WAIT_FRAME_MS};
	int n = sscanf(args, "%f %f", &v[0], &v[1]);
	if (n < 1 || !script_floats(args, v, n) || v[0] < 0 || v[1] < 0 || v[1] > SCRIPT_MAX_MS)
		return BAD_ARGS;
	Uint64 t0 = SDL_GetTicks64();
	while (k->module->version != (int)v[0] && SDL_GetTicks64() - t0 < (Uint64)v[1] &&
	       k->running) {
		SDL_Delay(OPENING_STEP_MS);
		advance(k, OPENING_STEP_MS);
	}
	if (k->module->version != (int)v[0]) {
		fail(s, "wait-content: the module shown is still version %d after %.0f ms",
		     k->module->version, (double)v[1]);
		return EXIT_SCRIPT;
	}
	return EXIT_OK;
}

static int do_expect(struct script *s, const char *cmd, char *args)
{
	(void)cmd;
	app_iterate(s->k);
	if (strcmp(args, screen_name(s->k->shown)) != 0) {
		fail(s, "expected screen %s, but the screen is %s", args, screen_name(s->k->shown));
		return EXIT_SCRIPT;
	}
	return EXIT_OK;
}

/* For tests that click a real window: where each control is. */
static int do_controls(struct script *s, const char *cmd, char *args)
{
	(void)cmd, (void)args;
	struct kiosk *k = s->k;
	app_iterate(k);
	app_draw(k, true);
	for (int i = 0; i < ui_n_controls(k); i++) {
		/* What is in view (a scrolled part shows some of its own). */
		SDL_Rect r = ui_control_shown(ui_control(k, i));
		if (r.w > 0 && r.h > 0)
			printf("control %d %d %d %d %s\n", r.x, r.y, r.w, r.h,
			       ui_control(k, i)->label);
	}
	fflush(stdout);
	return EXIT_OK;
}

/* For the reliability suite: memory and descriptors, once videos closed
 * have been stopped (that takes real time; 5 s at most). */
static int do_sample(struct script *s, const char *cmd, char *args)
{
	(void)cmd, (void)args;
	struct kiosk *k = s->k;
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
	return EXIT_OK;
}

static int do_shot(struct script *s, const char *cmd, char *args)
{
	(void)cmd;
	if (!*args || strchr(args, '/'))
		return BAD_ARGS;
	app_iterate(s->k);
	app_draw(s->k, true);
	char path[4096];
	snprintf(path, sizeof(path), "%s/%s.png", s->shots, args);
	return gfx_screenshot(s->k->gfx, path) ? EXIT_OK : EXIT_INTERNAL;
}

static const struct command {
	const char *name;
	int (*run)(struct script *s, const char *cmd, char *args);
} commands[] = {
    {"tap", do_tap},
    {"quick-tap", do_tap},
    {"press", do_press},
    {"choose", do_answer},
    {"answer", do_answer},
    {"answer-all", do_answer},
    {"swipe", do_swipe},
    {"hold", do_hold},
    {"key", do_key},
    {"input", do_input},
    {"expect-focus", do_expect_focus},
    {"quit-event", do_event},
    {"render-reset", do_event},
    {"wait", do_wait},
    {"wait-frame", do_wait_frame},
    {"wait-content", do_wait_content},
    {"wait-screen", do_wait_screen},
    {"wait-video", do_wait_video},
    {"expect", do_expect},
    {"controls", do_controls},
    {"sample", do_sample},
    {"shot", do_shot},
};

static int run_line(struct script *s, char *cmd, char *args)
{
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++) {
		if (strcmp(cmd, commands[i].name) != 0)
			continue;
		int rc = commands[i].run(s, cmd, args);
		if (rc == BAD_ARGS) {
			fail(s, "bad arguments for %s: \"%s\"", cmd, args);
			rc = EXIT_BAD_INPUT;
		}
		return rc;
	}
	fail(s, "unknown command \"%s\"", cmd);
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
			fail(&s, "line longer than %zu characters", sizeof(buf) - 2);
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
	flow_shutdown(&k->flow, kiosk_now(k));
	app_settle(k);
	return rc;
}
