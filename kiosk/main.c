/* kiosk: arguments, wiring, exit codes. Resources are acquired in order
 * and released on one path at the end. */
#include <SDL.h>
#include <errno.h>
#include <getopt.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/random.h>
#include <time.h>
#include <unistd.h>

#include "app/app.h"
#include "context/bench.h"
#include "context/content_watch.h"
#include "context/player_life.h"
#include "core/log.h"
#include "core/content.h"
#include "core/yaml/diag.h"
#include "core/settings.h"
#include "platform/fbinput.h"
#include "platform/gfx.h"
#include "platform/notify.h"
#include "platform/pin.h"
#include "platform/seat.h"
#include "platform/player.h"
#include "platform/sigwatch.h"
#include "platform/store.h"
#include "platform/store_batch.h"
#include "check/check.h"
#include "headless/script.h"
#include "screens/screen.h"
#include "screens/ui.h"
#include "platform/speech.h"

struct args {
	bool windowed, check, headless, trace, hash_pin, bench, release, seeded, video_fast;
	bool out_of_order, standby;
	unsigned long long seed;
	const char *config, *content, *db, *script, *shots;
	int width, height;
};

static void usage(FILE *f)
{
	fprintf(f,
	        "Usage: kiosk [--windowed] [--config FILE] [--content DIR] [--db PATH]\n"
	        "             [--bench-trace]\n"
	        "       kiosk --out-of-order [--standby]   (the out-of-order page alone)\n"
	        "       kiosk --check [--release] [--config FILE] [--content DIR] [--shots DIR]\n"
	        "       kiosk --hash-pin < PIN   (prints the trainer_pin settings line)\n"
	        "       kiosk --headless --script FILE [--shots DIR] [--size WxH] [--trace]\n"
	        "             [--seed N] [--video-time real|fast]\n"
	        "             [--config FILE] [--content DIR] [--db PATH]\n"
	        "\n"
	        "The onboarding kiosk: full screen, touch, no way out (unless --windowed,\n"
	        "where Escape quits). --check validates the settings and the module and\n"
	        "prints every problem as FILE:LINE:COL: message; with --release it also\n"
	        "refuses placeholders. --headless runs a script of taps on a virtual clock\n"
	        "without a display (see README.md); --seed N fixes its shuffles (0: none).\n"
	        "--bench-trace prints timestamps on stderr for make bench (any mode).\n"
	        "--out-of-order shows only the out-of-order page, with software\n"
	        "rendering and nothing loaded: kiosk-guard shows it whenever the kiosk\n"
	        "cannot run (kiosk(1)); with --standby it starts hidden and shows\n"
	        "itself on SIGUSR1, at once.\n"
	        "Exit codes: 0 done, 1 internal error, 2 bad arguments, settings or\n"
	        "content, 3 a script's expect or press failed.\n");
}

static int parse_args(int argc, char **argv, struct args *a)
{
	enum {
		O_WINDOWED = 256,
		O_CONFIG,
		O_CONTENT,
		O_DB,
		O_CHECK,
		O_HEADLESS,
		O_SCRIPT,
		O_SHOTS,
		O_SIZE,
		O_TRACE,
		O_BENCH,
		O_RELEASE,
		O_SEED,
		O_VIDEO_TIME,
		O_HELP,
		O_VERSION,
		O_HASH_PIN,
		O_OUT_OF_ORDER,
		O_STANDBY
	};
	static const struct option opts[] = {
	    {"windowed", no_argument, 0, O_WINDOWED},
	    {"config", required_argument, 0, O_CONFIG},
	    {"content", required_argument, 0, O_CONTENT},
	    {"db", required_argument, 0, O_DB},
	    {"check", no_argument, 0, O_CHECK},
	    {"headless", no_argument, 0, O_HEADLESS},
	    {"script", required_argument, 0, O_SCRIPT},
	    {"shots", required_argument, 0, O_SHOTS},
	    {"size", required_argument, 0, O_SIZE},
	    {"trace", no_argument, 0, O_TRACE},
	    {"bench-trace", no_argument, 0, O_BENCH},
	    {"release", no_argument, 0, O_RELEASE},
	    {"seed", required_argument, 0, O_SEED},
	    {"video-time", required_argument, 0, O_VIDEO_TIME},
	    {"help", no_argument, 0, O_HELP},
	    {"version", no_argument, 0, O_VERSION},
	    {"hash-pin", no_argument, 0, O_HASH_PIN},
	    {"out-of-order", no_argument, 0, O_OUT_OF_ORDER},
	    {"standby", no_argument, 0, O_STANDBY},
	    {0, 0, 0, 0},
	};
	int c;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case O_WINDOWED: a->windowed = true; break;
		case O_CONFIG: a->config = optarg; break;
		case O_CONTENT: a->content = optarg; break;
		case O_DB: a->db = optarg; break;
		case O_CHECK: a->check = true; break;
		case O_HEADLESS: a->headless = true; break;
		case O_SCRIPT: a->script = optarg; break;
		case O_SHOTS: a->shots = optarg; break;
		case O_TRACE: a->trace = true; break;
		case O_BENCH: a->bench = true; break;
		case O_RELEASE: a->release = true; break;
		case O_SEED: {
			char *end;
			errno = 0;
			a->seed = strtoull(optarg, &end, 10);
			if (errno || end == optarg || *end) {
				fprintf(stderr, "kiosk: --seed wants a whole number\n");
				return EXIT_BAD_INPUT;
			}
			a->seeded = true;
			break;
		}
		case O_VIDEO_TIME:
			if (strcmp(optarg, "fast") != 0 && strcmp(optarg, "real") != 0) {
				fprintf(stderr, "kiosk: --video-time wants real or fast\n");
				return EXIT_BAD_INPUT;
			}
			a->video_fast = optarg[0] == 'f';
			break;
		case O_SIZE:
			if (sscanf(optarg, "%dx%d", &a->width, &a->height) != 2 || a->width < 200 ||
			    a->height < 200 || a->width > 8192 || a->height > 8192) {
				fprintf(stderr, "kiosk: --size wants WxH, e.g. 1920x1080\n");
				return EXIT_BAD_INPUT;
			}
			break;
		case O_HELP: usage(stdout); exit(EXIT_OK);
		case O_VERSION: printf("kiosk %s\n", KIOSK_VERSION); exit(EXIT_OK);
		case O_HASH_PIN: exit(pin_hash_main());
		case O_OUT_OF_ORDER: a->out_of_order = true; break;
		case O_STANDBY: a->standby = true; break;
		default: usage(stderr); return EXIT_BAD_INPUT;
		}
	}
	if (optind < argc) {
		fprintf(stderr, "kiosk: unexpected argument '%s'\n", argv[optind]);
		return EXIT_BAD_INPUT;
	}
	if (a->release && !a->check) {
		fprintf(stderr, "kiosk: --release goes with --check\n");
		return EXIT_BAD_INPUT;
	}
	if (a->seeded && !a->headless) {
		fprintf(stderr, "kiosk: --seed goes with --headless\n");
		return EXIT_BAD_INPUT;
	}
	if (a->headless != (a->script != NULL)) {
		fprintf(stderr, "kiosk: --headless and --script go together\n");
		return EXIT_BAD_INPUT;
	}
	if (a->out_of_order && (a->check || a->headless || a->config || a->content || a->db)) {
		fprintf(stderr, "kiosk: --out-of-order goes alone (with --windowed at most)\n");
		return EXIT_BAD_INPUT;
	}
	if (a->standby && !a->out_of_order) {
		fprintf(stderr, "kiosk: --standby goes with --out-of-order\n");
		return EXIT_BAD_INPUT;
	}
	if (a->video_fast && !a->headless) {
		fprintf(stderr, "kiosk: --video-time is for --headless scripts\n");
		return EXIT_BAD_INPUT;
	}
	return EXIT_OK;
}

/* --config, else ./config/kiosk.yaml, else /etc/kiosk/kiosk.yaml, else defaults. */
static bool load_settings(const struct args *a, struct settings *s, struct diag *d)
{
	settings_defaults(s);
	const char *file = a->config;
	if (!file && access("config/kiosk.yaml", F_OK) == 0)
		file = "config/kiosk.yaml";
	if (!file && access("/etc/kiosk/kiosk.yaml", F_OK) == 0)
		file = "/etc/kiosk/kiosk.yaml";
	bool ok = !file || settings_load(file, s, d);
	/* Even with broken settings: --check must look at the module asked
	 * for, not report the default one missing. */
	if (a->content)
		settings_set(&s->content, a->content);
	if (a->db)
		settings_set(&s->database, a->db);
	return ok && diag_count(d) == 0;
}

/* The shuffles' seed: each start of the kiosk draws its own. */
static unsigned long long random_seed(void)
{
	unsigned long long seed = 0;
	if (getrandom(&seed, sizeof(seed), 0) != (ssize_t)sizeof(seed))
		log_warn("kiosk", "getrandom: %s; the quiz order comes from the clock",
		         strerror(errno));
	seed ^= (unsigned long long)time(NULL);
	return seed ? seed : 1; /* 0 would mean: no shuffle */
}

/* After SIGTERM or SIGINT, the main loop has this long to return and the
 * kiosk to let go of everything; then the signal watcher ends the process
 * (EXIT_INTERNAL: the stop was not clean). Well below kiosk.service's
 * TimeoutStopSec (15 s), after which systemd would kill the whole group. */
enum { STOP_GRACE_MS = 5000 };

static void handle_signal(int sig)
{
	(void)sig;
	kiosk_stop_signal = 1;
}

/* --check: a handler sets the flag, which its loops look at. Every other
 * mode: the signals are blocked here, before any thread exists, and a
 * watcher thread turns them into an event (platform/sigwatch.h). */
static void install_signals(bool watched)
{
	signal(SIGPIPE, SIG_IGN);
	if (watched && sigwatch_block())
		return;
	struct sigaction sa = {0};
	sa.sa_handler = handle_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
}

static void set_hints(const struct args *a, bool kiosk_mode)
{
	if (a->headless) {
		setenv("SDL_VIDEODRIVER",
		       getenv("SDL_VIDEODRIVER") ? getenv("SDL_VIDEODRIVER") : "offscreen", 1);
		setenv("SDL_AUDIODRIVER", "dummy", 1);
		/* The software renderer draws into the window's surface, and that
		 * is all script mode needs (screenshots read it back). Without
		 * this SDL shows that surface through an OpenGL texture, which
		 * here is Mesa's llvmpipe: a third of a soak's CPU for pixels
		 * nobody sees (tests/reliability/soak.sh). */
		SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
	}
	SDL_SetHint(SDL_HINT_NO_SIGNAL_HANDLERS, "1");
	SDL_SetHint(SDL_HINT_MOUSE_TOUCH_EVENTS, "0");
	SDL_SetHint(SDL_HINT_VIDEO_MINIMIZE_ON_FOCUS_LOSS, "0");
	SDL_SetHint(SDL_HINT_VIDEO_ALLOW_SCREENSAVER, "0");
	if (kiosk_mode)
		SDL_SetHint(SDL_HINT_GRAB_KEYBOARD, "1");
}

int main(int argc, char **argv)
{
	struct args a = {0};
	struct diag d = {0};
	struct kiosk k = {0};
	int rc = parse_args(argc, argv, &a);
	bool sdl_up = false;
	struct sigwatch *sig = NULL;
	struct seat *seat = NULL;
	struct fbinput *fbin = NULL;
	bool poll_signals = false;
	if (rc != EXIT_OK)
		return rc;
	install_signals(!a.check);
	if (!(k.ui = ui_create()))
		return EXIT_INTERNAL;

	/* --out-of-order: the page whatever is broken, so nothing is read (the
	 * default settings: the font, the display's size) and Mesa draws in
	 * software, the one renderer that needs no GPU driver. */
	if (a.out_of_order) {
		/* Its own name in ps and the journal, and out of the way of a
		 * `pkill -x kiosk` aimed at the kiosk it stands in for. */
		prctl(PR_SET_NAME, "kiosk-page", 0, 0, 0);
		settings_defaults(&k.settings);
		setenv("LIBGL_ALWAYS_SOFTWARE", "1", 0);
		k.page_only = true;
		/* --standby: everything slow (the process, SDL, Mesa, the fonts, the
		 * page drawn) done ahead, the window unmapped until kiosk-guard's
		 * SIGUSR1: on screen within a frame when the kiosk dies. */
		k.standby = a.standby;
		log_info("kiosk", a.standby
		                      ? "the out-of-order page waits hidden (--standby)"
		                      : "showing the out-of-order page alone (--out-of-order)");
	}
	bool ok = !a.out_of_order && load_settings(&a, &k.settings, &d) &&
	          hours_load(&k.settings, &k.hours, &d);
	if (ok || a.check) {
		k.module = a.check ? content_load(k.settings.content, &d)
		                   : content_watch_load(k.settings.content, &d, k.content_note,
		                                        sizeof(k.content_note));
		ok = ok && k.module;
	}
	if (a.check) {
		rc = check_run(&k, &d, a.shots, a.release);
		goto end;
	}
	bool broken = diag_count(&d) > 0 || !ok;
	if (broken && !a.out_of_order) {
		diag_print(&d, stderr);
		if (diag_count(&d) == 0)
			fprintf(stderr, "kiosk: cannot load the module from %s\n",
			        k.settings.content);
		if (a.headless) {
			rc = EXIT_BAD_INPUT;
			goto end;
		}
	}

	k.headless = a.headless;
	k.kiosk_mode = !a.windowed;
	k.trace = a.trace;
	k.bench = a.bench ? bench_create() : NULL;
	bench_event(k.bench, "main", NULL);
	k.video_fast = a.video_fast;
	set_hints(&a, k.kiosk_mode);
	/* Below user_event: the loop wakes up for it and no screen sees it.
	 * (Registering needs no SDL_Init.) The watcher starts before SDL does
	 * anything with the display, so that a stop signal ends the process
	 * even if SDL never returns (STOP_GRACE_MS). */
	k.signal_event = SDL_RegisterEvents(1);
	k.content = content_watch_create(SDL_RegisterEvents(1));
	k.user_event = SDL_RegisterEvents(4);
	sig = sigwatch_start(&kiosk_stop_signal, k.signal_event, STOP_GRACE_MS, EXIT_INTERNAL);
	if (!sig) {
		sigset_t stop;
		sigemptyset(&stop);
		sigaddset(&stop, SIGTERM);
		sigaddset(&stop, SIGINT);
		sigaddset(&stop, SIGUSR1); /* a standby page then ends: the guard shows another */
		pthread_sigmask(SIG_UNBLOCK, &stop, NULL);
		install_signals(false);
		poll_signals = true;
	}
	/* Without cage: the console muted before SDL reads the keyboard. */
	seat = a.headless ? NULL : seat_take();
	if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS | SDL_INIT_TIMER) != 0) {
		log_err("kiosk", "SDL_Init: %s", SDL_GetError());
		if (!getenv("DISPLAY") && !getenv("WAYLAND_DISPLAY"))
			fprintf(stderr,
			        "kiosk: no display here. To see the kiosk anyway, run the "
			        "headless playthrough: make shots (screenshots in build/shots/)\n");
		rc = EXIT_INTERNAL;
		goto end;
	}
	sdl_up = true;
	struct gfx_options go = {
	    .headless = a.headless,
	    .fullscreen = k.kiosk_mode && !a.headless,
	    .hidden = a.standby,
	    .width = a.width ? a.width : k.settings.width,
	    .height = a.height ? a.height : k.settings.height,
	    .dpi = k.settings.dpi,
	    .font = k.settings.font,
	    .font_bold = k.settings.font_bold,
	    .title =
	        k.module && !broken ? ltext_get(&k.module->title, k.module->langs[0]) : "Kiosk",
	};
	k.gfx = gfx_create(&go);
	if (!k.gfx) {
		rc = EXIT_INTERNAL;
		goto end;
	}
	/* On a bare framebuffer SDL reads no input device: libinput does. */
	if (!a.headless && getenv("KIOSK_FBDEV") && *getenv("KIOSK_FBDEV")) {
		int fw, fh;
		gfx_size(k.gfx, &fw, &fh);
		fbin = fbinput_start(fw, fh);
	}
	if (k.kiosk_mode && !a.headless)
		SDL_ShowCursor(SDL_DISABLE);
	k.notify = notify_create();
	if (!app_open(&k, poll_signals)) {
		rc = EXIT_INTERNAL;
		goto end;
	}
	if (broken) {
		k.broken = true;
		if (a.out_of_order) { /* asked for: no problem to report */
			k.ops = &screen_out_of_order;
			k.dirty = true;
		}
		app_settle(&k);
		rc = app_run(&k);
		goto end;
	}
	kiosk_flow_reset(&k, a.seeded ? a.seed : random_seed());
	hours_state_init(&k.hstate, 0);
	k.shown = SCR_ATTRACT;
	k.ops = NULL;
	app_settle(&k);
	/* The attract screen on the glass first; the database (and its
	 * clean-up of old sessions) and speech after it; libVLC when a session
	 * starts (context/player_life.c). */
	app_iterate(&k);
	k.store = store_open(k.settings.database, k.settings.retention_months);
	store_background(k.store, !k.headless); /* headless: one thread, reproducible */
	/* Days close into batches at the end of their opening hours (or at
	 * midnight): all that leaves the kiosk is built from those. */
	store_batching(k.store, k.settings.kiosk_id, k.settings.min_group, &k.hours);
	k.speech = speech_create();
	bench_event(k.bench, "ready", NULL);

	if (a.headless)
		rc = script_run(&k, a.script, a.shots);
	else
		rc = app_run(&k);

end:
	/* The loop came back: the watcher's deadline has done its work. What
	 * follows (the store writing its queue) gets systemd's TimeoutStopSec,
	 * not the 5 s meant for a loop that never returns. */
	sigwatch_stop(sig);
	fbinput_stop(fbin); /* its thread pushes SDL events: before SDL goes */
	app_close(&k);      /* the screen shown lets go of what it holds (a video) */
	player_life_stop(&k);
	content_watch_destroy(k.content);
	speech_destroy(k.speech);
	notify_destroy(k.notify);
	store_destroy(k.store);
	gfx_destroy(k.gfx);
	if (sdl_up)
		SDL_Quit();
	seat_release(seat);
	content_destroy(k.module);
	settings_free(&k.settings);
	ui_destroy(k.ui);
	bench_destroy(k.bench);
	diag_free(&d);
	return rc;
}
