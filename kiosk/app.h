/* The running program: one context that owns every resource (docs/design.md),
 * the event loop, and the screens as a table of operations. */
#ifndef KIOSK_APP_H
#define KIOSK_APP_H

#include <SDL.h>
#include <signal.h>
#include <stdbool.h>
#include <time.h>

#include "core/content.h"
#include "core/flow.h"
#include "core/hours.h"
#include "core/settings.h"
#include "core/trainer_snap.h"

struct kiosk;
struct store;
struct player;
struct notify;
struct app_player;
struct dirwatch;
struct speech;

/* Exit codes of every mode (docs/reference.md). */
enum kiosk_exit {
	EXIT_OK = 0,
	EXIT_INTERNAL = 1,
	EXIT_BAD_INPUT = 2, /* arguments, settings or content */
	EXIT_SCRIPT = 3,    /* a script's expect or press failed */
};

struct screen_ops {
	void (*enter)(struct kiosk *k);
	void (*leave)(struct kiosk *k);
	/* Draw the screen and declare its controls (see ui.h). */
	void (*draw)(struct kiosk *k);
	/* A control of this screen was activated. */
	void (*action)(struct kiosk *k, int action, int arg);
	/* A tap on no control (optional). */
	void (*tap)(struct kiosk *k, int x, int y);
	/* A vertical drag of dy pixels (optional). */
	void (*scroll)(struct kiosk *k, int dy);
	/* An SDL event of the screen's own, e.g. a video frame (optional). */
	void (*event)(struct kiosk *k, const SDL_Event *e);
	/* Time passes: returns ms until it needs to run again (-1: never);
	 * sets k->dirty if the screen must be redrawn (optional). */
	long long (*update)(struct kiosk *k);
};

extern const struct screen_ops screen_attract, screen_language, screen_home, screen_chapter,
    screen_video, screen_quiz, screen_result, screen_still_there, screen_trainer_pin,
    screen_trainer, screen_out_of_order;

enum { UI_MAX_CONTROLS = 64, UI_LABEL = 160 };

/* A control declared by the last draw: what a tap at its place does. */
struct control {
	SDL_Rect r;
	char label[UI_LABEL];
	int action, arg;
	bool primary; /* the one thing to do next (BTN_ACCENT): where focus starts */
	bool secret;  /* a PIN key: speech never says its label */
	/* Declared in a part that scrolls (ui_scroll_begin): only what lies in
	 * view is seen and touched (ui_control_shown). w == 0: not scrolled. */
	SDL_Rect view;
};

/* Keyboard focus and speech output (screens/focus.c, screens/readout.c).
 * The focus names its control by what it does, as controls are declared
 * anew by each draw. */
struct a11y_state {
	bool focus_shown;   /* the focus ring is drawn */
	bool focus_touched; /* speech on: the focus came from a tap (the next activates) */
	bool focus_pending; /* choose where focus starts after the next draw */
	int focus_action, focus_arg;
	bool keys;           /* keys were used in this session */
	bool attract_tapped; /* speech on: the attract screen was tapped once */
	/* What speech read last, to read what changed. */
	bool said_speech;
	int said_screen, said_pos, said_chosen, said_lang, said_chapter;
	long long reading_until;
	/* The video screen (readout_video): are captions shown, is it paused,
	 * and what to say first on the next screen ("the video has ended"). */
	bool video_captions, video_paused, video_failed;
	int note; /* an a11y phrase + 1, 0 none */
};

/* Sizes of this frame, from the window size, DPI and text size. */
struct layout {
	int w, h;
	bool portrait;
	int text;      /* body text px */
	int small;     /* secondary text px */
	int title;     /* titles px */
	int touch;     /* minimum touch target px (10 mm or more) */
	int pad;       /* spacing px */
	int radius;    /* corner radius px */
	int header;    /* header bar height */
	int foot;      /* portrait: the bar at the bottom with back, language, A+,
	                  contrast and speech, in reach from a wheelchair; 0 landscape */
	SDL_Rect body; /* the area between the header and the bottom bar */
};

struct press {
	bool down;
	SDL_FingerID finger;
	bool mouse;
	int x0, y0, x, y;
	long long since;
	int control;     /* index in controls when it went down, -1 none */
	int action, arg; /* of that control, to recognise it after a redraw */
	bool dragging;
	bool long_done;
};

struct kiosk {
	struct settings settings;
	struct content_module *module;
	struct gfx *gfx;
	struct store *store;
	struct player *player; /* only during a session (app/player.c) */
	struct app_player *vlc;
	struct notify *notify;
	struct speech *speech;
	struct flow flow;
	struct hours hours;
	struct hours_state hstate;
	bool blank;   /* outside opening hours: the screen is dark */
	bool swallow; /* the touch that woke the screen does nothing else */

	bool headless;
	bool kiosk_mode;
	bool trace;
	long long virtual_ms; /* the clock in headless mode */
	bool running;
	int exit_code;
	bool dirty;
	/* --check: texts that do not fit are reported here. */
	void (*fit)(void *ctx, const char *text, const char *why);
	void *fit_ctx;
	bool broken;     /* settings or module broken: the out-of-order screen */
	bool realtime;   /* headless: a video plays, let script waits take real time */
	bool video_fast; /* headless --video-time fast: videos run on the virtual clock */
	bool ready_sent;
	int recreated; /* windows opened again because none showed a frame */
	long long next_retry;
	long long wake_at;              /* the next time the loop must run (-1 none) */
	long long content_next_check;   /* app_content_poll, when it must poll */
	struct dirwatch *content_watch; /* the root's current link (inotify) */
	bool content_watch_failed;      /* then: poll every few seconds */
	bool content_stale;             /* the link changed since the last look */
	Uint32 content_event;           /* the watch's SDL event */
	char content_note[200];         /* a rollback, for the trainer screen ("" none) */
	time_t presented;               /* wall clock of the last frame presented */
	long long status_next;          /* app_status_tick */
	const struct content_module *status_module;
	bool poll_signals; /* no signal watcher: wake up to look at the flag */
	/* --bench-trace: timestamps on stderr for `make bench` (app_bench). */
	bool bench;
	double bench_tap;       /* a tap waiting for the frame that shows it */
	const char *bench_mark; /* printed after the next present */
	bool bench_first;       /* the first frame was presented */
	Uint32 user_event;      /* first of our SDL user events */

	enum screen_id shown;
	const struct screen_ops *ops;
	struct layout lay;
	struct control controls[UI_MAX_CONTROLS];
	int n_controls;
	bool controls_full; /* a screen had more than UI_MAX_CONTROLS (logged once) */
	SDL_Rect clip;      /* while a scrolled part draws: its view (ui_scroll_begin) */
	bool redraw;        /* a scroll moved during the draw: draw once more (focus.c) */
	struct press press;
	struct a11y_state a11y;

	/* The shown screen's own state: made by its enter, freed by its leave. */
	void *view;

	/* Set on the trainer screen (screens/trainer_pages.c, trainer_day.c). */
	struct trainer_day tday;
	bool asleep; /* « Mettre en veille »: dark until a touch or the next opening */
};

/* The trainer's settings of the day (screens/trainer_day.c): loaded once,
 * reset on a new day, applied to the flow and the player. Called every
 * loop pass; cheap when nothing changed. */
void trainer_day_sync(struct kiosk *k);
/* The label id to store with a session of that day ("" none). */
const char *trainer_day_label(const struct kiosk *k, const char *day);

/* The program's one signal flag: the only mutable global (docs/design.md). */
extern volatile sig_atomic_t kiosk_stop_signal;

long long app_now(const struct kiosk *k);
/* Switch screens if the flow moved on, take ended sessions; one point per
 * iteration. */
void app_settle(struct kiosk *k);
/* Builds the flow for k->module with every default a person expects to
 * keep — the settings' language, timers and high contrast, the trainer's
 * text size of the day — and the shuffles' seed. The one place a flow is
 * made: at start and after a content swap. */
void app_flow_reset(struct kiosk *k, unsigned long long seed);
/* Draw the current screen if needed (or forced). */
void app_draw(struct kiosk *k, bool force);
/* Handle one SDL event. */
void app_handle_event(struct kiosk *k, const SDL_Event *e);
/* One pass of the loop without waiting: events, timers, screen, draw. */
void app_iterate(struct kiosk *k);
/* The interactive loop until stopped. */
int app_run(struct kiosk *k);
/* The operations of a screen. */
const struct screen_ops *app_screen(enum screen_id s);
/* Language of the session in progress. */
int app_lang(const struct kiosk *k);
const char *app_ui(const struct kiosk *k, enum ui_key key);
/* app/content.c: the module of a content root's current link, rolled back
 * to the previous one if it cannot be shown; on the attract screen, a new
 * current swapped in (returns ms until the next look, -1 none). */
struct content_module *app_content_load(const char *content, struct diag *d, char *note,
                                        size_t len);
long long app_content_poll(struct kiosk *k, long long now);
/* The content watch's event (k->content_event); stop: at exit. */
void app_content_event(struct kiosk *k, const SDL_Event *e);
void app_content_stop(struct kiosk *k);
/* app/status.c: $XDG_RUNTIME_DIR/status for kiosk-export's health file. */
void app_status_tick(struct kiosk *k);
/* app/player.c: libVLC made in a thread when a session starts, waited for
 * before the video screen, let go on the attract screen; stop: at exit. */
void app_player_follow(struct kiosk *k, enum screen_id next);
/* The chapter's video prerolled once the chapter has been shown a moment
 * (returns ms until then, -1 nothing due). */
long long app_player_poll(struct kiosk *k, long long now);
void app_player_stop(struct kiosk *k);
/* CLOCK_MONOTONIC in milliseconds. */
double app_mono_ms(void);
/* --bench-trace: prints "bench-trace EVENT T [DETAIL]" on stderr, T being
 * app_mono_ms(); nothing without the flag. */
void app_bench(const struct kiosk *k, const char *event, const char *detail);
/* --bench-trace: EVENT is printed once the next frame is presented. */
void app_bench_after_present(struct kiosk *k, const char *event);
/* Local time for the opening hours. */
struct hours_time app_local_time(void);

#endif
