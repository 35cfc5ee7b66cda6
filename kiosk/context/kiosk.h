/* The running kiosk's shared state, below the screens (docs/design.md): the
 * settings, the module, the resources, the flow, and the few facts every
 * screen reads. What one part alone needs is not here but behind its own
 * pointer: the UI frame (struct ui, screens/ui.c), the loop's timers and
 * frames (app/app.c), content watching, status and bench tracing (this
 * folder), libVLC's lifetime (player_life.c). */
#ifndef KIOSK_CONTEXT_KIOSK_H
#define KIOSK_CONTEXT_KIOSK_H

#include <SDL.h>
#include <stdbool.h>

#include "core/content.h"
#include "core/exit.h"
#include "core/flow.h"
#include "core/hours.h"
#include "core/settings.h"
#include "core/trainer_snap.h"

struct store;
struct player;
struct notify;
struct speech;
struct gfx;
struct player_life;
struct content_watch;
struct bench;
struct loop;
struct ui;
struct screen_ops;

struct kiosk {
	struct settings settings;
	struct content_module *module;
	struct gfx *gfx;
	struct store *store;
	struct player *player; /* only during a session (player_life.c) */
	struct player_life *vlc;
	struct notify *notify;
	struct speech *speech;
	struct flow flow;
	struct hours hours;
	struct hours_state hstate;
	bool blank; /* outside opening hours: the screen is dark */

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
	bool broken;         /* settings or module broken: the out-of-order screen */
	bool page_only;      /* --out-of-order: stands in for the kiosk, never stops the unit */
	bool standby;        /* --standby: the page drawn, unmapped until SIGUSR1 */
	Uint32 signal_event; /* the signal watcher's (sigwatch.h), below user_event */
	bool realtime;       /* headless: a video plays, let script waits take real time */
	bool video_fast;     /* headless --video-time fast: videos run on the virtual clock */
	Uint32 user_event;   /* first of our SDL user events */
	struct content_watch *content; /* the content root's current link */
	char content_note[200];        /* a rollback, for the trainer screen ("" none) */
	struct bench *bench;           /* --bench-trace, else NULL (bench.h) */
	struct loop *loop;             /* the loop's own state (app/app.c) */

	enum screen_id shown;
	const struct screen_ops *ops; /* the shown screen's (screens/screen.h) */
	struct ui *ui;                /* the UI frame: layout, controls, press (screens/ui.h) */

	/* The shown screen's own state: made by its enter, freed by its leave. */
	void *view;

	/* Set on the trainer screen (trainer/trainer_day.c, kiosk_day_sync). */
	struct trainer_day tday;
	bool asleep; /* « Mettre en veille »: dark until a touch or the next opening */
};

/* The kiosk's clock in ms: SDL's ticks, the virtual clock in headless mode. */
long long kiosk_now(const struct kiosk *k);
/* Language of the session in progress. */
int kiosk_lang(const struct kiosk *k);
const char *kiosk_ui(const struct kiosk *k, enum ui_key key);
/* Local time for the opening hours. */
struct hours_time kiosk_local_time(void);
/* Builds the flow for k->module with every default a person expects to
 * keep — the settings' language, timers and high contrast, the trainer's
 * text size of the day — and the shuffles' seed. The one place a flow is
 * made: at start and after a content swap. */
void kiosk_flow_reset(struct kiosk *k, unsigned long long seed);
/* The trainer's settings of the day (trainer/trainer_day.c): loaded once,
 * reset on a new day, applied to the flow and the player. Called every
 * loop pass; cheap when nothing changed. */
void kiosk_day_sync(struct kiosk *k);
/* The day's text size and volume applied to the flow and the player. */
void kiosk_day_apply(struct kiosk *k);

#endif
