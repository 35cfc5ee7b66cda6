/* video: the chapter's video, letterboxed, with our own large subtitles and
 * controls that appear on a tap. The chapter goes on by itself at the end;
 * a file that cannot be played says so and lets the person continue. */
#include <SDL_image.h>
#include <stdio.h>
#include <stdlib.h>

#include "context/bench.h"
#include "core/srt.h"
#include "core/log.h"
#include "platform/player.h"
#include "screens/readout.h"
#include "screens/ui.h"

enum {
	ACT_PLAY = ACT_SCREEN,
	ACT_REWIND,
	ACT_RESTART,
	ACT_SUBTITLES,
	ACT_VOLUME,
	ACT_SEEK,
	ACT_SKIP,
	ACT_CONTINUE,
};
/* FAST_POLL_MS: with --video-time fast, the screen (clock, subtitles) is
 * drawn once a virtual second; drawing every 40 ms would run at real speed. */
enum { CONTROLS_MS = 4000, REWIND_MS = 10000, FRAME_POLL_MS = 40, FAST_POLL_MS = 1000 };

#define COL_STAGE RGBA(0x0B, 0x0E, 0x14, 0xFF)
#define COL_BAND  RGBA(0x00, 0x00, 0x00, 0xB8)
#define COL_PANEL RGBA(0x0B, 0x0E, 0x14, 0xD0)

struct video_view {
	char *file; /* NULL: the chapter has no video in any language */
	struct srt *srt;
	SDL_Texture *image; /* the chapter's poster image */
	int image_w, image_h;
	bool subtitles;
	bool failed, done;
	long long opened_at;      /* app clock */
	Uint64 opened_ticks;      /* real clock, for the first-frame figure */
	Uint64 opened_real;       /* real clock, for the first-frame timeout */
	long long vpos, vlast;    /* --video-time fast: position on the app clock */
	long long controls_until; /* controls shown until then */
	long long furthest_ms;    /* how far the person got */
	unsigned seen_frames;     /* frames on screen at the last check */
	long long seen_time;      /* and the player's position then */
	Uint64 frame_ticks;       /* real clock when either last moved */
};

/* How long playing may go without a new picture. */
#define STALL_MS(k)                                                                                \
	((Uint64)((k)->settings.first_frame_timeout_s > 3 ? (k)->settings.first_frame_timeout_s    \
	                                                  : 3) *                                   \
	 1000)

static long long now_ms(const struct kiosk *k)
{
	return kiosk_now(k);
}

/* Where the video is: libVLC's position, or with --video-time fast (script
 * mode) a position that runs on the virtual clock while pictures come. */
static long long position(const struct kiosk *k)
{
	const struct video_view *v = k->view;
	return k->video_fast && v ? v->vpos : player_time(k->player);
}

static void seek_to(struct kiosk *k, long long ms)
{
	struct video_view *v = k->view;
	player_seek(k->player, ms);
	v->vpos = ms < 0 ? 0 : ms;
}

static int share(struct kiosk *k)
{
	struct video_view *v = k->view;
	long long len = player_length(k->player);
	if (player_state(k->player) == PLAYER_ENDED)
		return 100;
	if (len <= 0)
		return 0;
	return (int)(v->furthest_ms * 100 / len);
}

static void set_playing(struct kiosk *k, bool playing)
{
	flow_video_playing(&k->flow, playing, now_ms(k));
	k->realtime = playing; /* headless: script waits take real time */
}

static void fail(struct kiosk *k)
{
	((struct video_view *)k->view)->failed = true;
	set_playing(k, false);
	readout_video(k, READOUT_VIDEO_FAILED, false);
	k->dirty = true;
}

static void finish(struct kiosk *k, bool reached_end)
{
	struct video_view *v = k->view;
	if (v->done)
		return;
	int pc = share(k);
	v->done = true;
	set_playing(k, false);
	if (reached_end)
		readout_video(k, READOUT_VIDEO_ENDED, v->subtitles);
	flow_video_done(&k->flow, pc, reached_end, now_ms(k));
}

static char *module_file(struct kiosk *k, const struct ltext *t)
{
	const char *rel = ltext_get(t, kiosk_lang(k));
	return rel && *rel ? content_path(k->module, rel) : NULL;
}

static void enter(struct kiosk *k)
{
	struct video_view *v = calloc(1, sizeof(*v));
	k->view = v;
	int c = k->flow.chapter;
	if (!v || c < 0) {
		if (v)
			v->failed = true;
		return;
	}
	const struct content_chapter *ch = &k->module->chapters[c];
	v->subtitles = k->settings.subtitles;
	readout_video(k, READOUT_VIDEO_OPEN, v->subtitles);
	v->file = module_file(k, &ch->video);
	char *srt = module_file(k, &ch->subtitles);
	if (srt)
		v->srt = srt_load(srt);
	free(srt);
	if (ch->image && *ch->image) {
		char *img = content_path(k->module, ch->image);
		v->image = img ? IMG_LoadTexture(gfx_renderer(k->gfx), img) : NULL;
		if (!v->image)
			log_warn("video", "poster %s: %s", img ? img : ch->image, IMG_GetError());
		else
			SDL_QueryTexture(v->image, NULL, NULL, &v->image_w, &v->image_h);
		free(img);
	}
	/* Back from "still there?": go on where the person paused. */
	long long start = flow_video_resume(&k->flow, c);
	v->furthest_ms = v->vpos = start;
	v->opened_at = v->vlast = now_ms(k);
	v->opened_ticks = v->opened_real = SDL_GetTicks64();
	v->controls_until = v->opened_at + CONTROLS_MS;
	if (!k->player) {
		log_err("video", "cannot play videos: libVLC is not available");
		fail(k);
	} else if (!v->file || !player_open(k->player, v->file, start)) {
		if (!v->file)
			log_err("video", "chapter %s has no video", ch->id);
		fail(k);
	} else {
		/* Prerolled on the chapter screen: its first picture is there
		 * already, and the first frame of this screen shows it. */
		player_upload(k->player, gfx_renderer(k->gfx));
		set_playing(k, true);
	}
}

static void leave(struct kiosk *k)
{
	struct video_view *v = k->view;
	if (!v)
		return;
	if (!v->done)
		/* Left by the header (back, language) or the idle timeout: the flow
		 * has moved on already, so record how far the person got here, and
		 * where to go on after "still there?". */
		flow_video_left(&k->flow, share(k), v->failed ? 0 : position(k));
	set_playing(k, false);
	player_close(k->player);
	if (v->image)
		SDL_DestroyTexture(v->image);
	srt_destroy(v->srt);
	free(v->file);
	free(v);
	k->view = NULL;
}

/* The largest rectangle of this aspect ratio centred in box. */
static SDL_Rect fit(SDL_Rect box, float aspect)
{
	SDL_Rect r = box;
	if (aspect <= 0 || box.w <= 0 || box.h <= 0)
		return r;
	if ((float)box.w / (float)box.h > aspect) {
		r.w = (int)((float)box.h * aspect + 0.5f);
		r.x = box.x + (box.w - r.w) / 2;
	} else {
		r.h = (int)((float)box.w / aspect + 0.5f);
		r.y = box.y + (box.h - r.h) / 2;
	}
	return r;
}

static void format_time(char *out, size_t len, long long ms)
{
	long long s = ms > 0 ? ms / 1000 : 0;
	snprintf(out, len, "%lld:%02lld", s / 60, s % 60);
}

static void draw_failure(struct kiosk *k)
{
	struct layout *l = &k->ui->lay;
	int w = l->body.w < l->text * 30 ? l->body.w : l->text * 30;
	const char *msg = kiosk_ui(k, UI_video_unavailable);
	int th = gfx_text_height(k->gfx, msg, l->title, true, w - l->pad * 2);
	int y = l->body.y + l->body.h / 4;
	SDL_Rect card = {(l->w - w) / 2, y, w, th + l->touch + l->pad * 5};
	gfx_round(k->gfx, card, l->radius, COL_CARD);
	y += l->pad * 2;
	y +=
	    gfx_draw_text(k->gfx, msg, l->title, true,
	                  (SDL_Rect){card.x + l->pad, y, w - l->pad * 2, 0}, ALIGN_CENTER, COL_INK);
	y += l->pad;
	int bw = w / 2;
	ui_button(k, (SDL_Rect){(l->w - bw) / 2, y, bw, l->touch}, kiosk_ui(k, UI_continue_chapter),
	          BTN_ACCENT, ACT_CONTINUE, 0);
}

/* The picture: the newest frame, else a poster (the chapter's image or
 * the video's first frame from an earlier showing), never a black screen. */
static SDL_Rect draw_picture(struct kiosk *k, SDL_Rect stage)
{
	struct video_view *v = k->view;
	SDL_Renderer *r = gfx_renderer(k->gfx);
	struct player_frame f = player_frame(k->player);
	if (!f.tex && v->file)
		f = player_poster(k->player, v->file);
	if (!f.tex && v->image)
		f = (struct player_frame){v->image, v->image_w, v->image_h,
		                          (float)v->image_w / (float)v->image_h};
	if (!f.tex) {
		/* Nothing to show yet: the title on the stage, not an empty frame. */
		const struct content_chapter *ch = &k->module->chapters[k->flow.chapter];
		int y = stage.y + stage.h / 2 - k->ui->lay.title;
		gfx_draw_text(
		    k->gfx, ltext_get(&ch->title, kiosk_lang(k)), k->ui->lay.title, true,
		    (SDL_Rect){stage.x + k->ui->lay.pad, y, stage.w - 2 * k->ui->lay.pad, 0},
		    ALIGN_CENTER, COL_WHITE);
		return stage;
	}
	SDL_Rect dst = fit(stage, f.aspect > 0 ? f.aspect : (float)f.w / (float)f.h);
	SDL_RenderCopy(r, f.tex, &(SDL_Rect){0, 0, f.w, f.h}, &dst);
	return dst;
}

static void draw_subtitles(struct kiosk *k, SDL_Rect pic, SDL_Rect stage, int bottom)
{
	struct video_view *v = k->view;
	const char *text = v->subtitles ? srt_at(v->srt, position(k)) : NULL;
	if (!text)
		return;
	struct layout *l = &k->ui->lay;
	if (pic.w < stage.w * 2 / 3) {
		/* A narrow (portrait) picture: a band across the stage keeps
		 * the lines long enough to read at a glance. */
		pic.x = stage.x;
		pic.w = stage.w;
	}
	int size = l->title * 11 / 10;
	int wrap = pic.w - l->pad * 4;
	int th = gfx_text_height(k->gfx, text, size, true, wrap);
	int bh = th + l->pad;
	/* Under the picture if the letterbox leaves room, so nothing is hidden. */
	int y =
	    pic.y + pic.h + bh <= stage.y + stage.h ? pic.y + pic.h : pic.y + pic.h - bh - l->pad;
	if (y + bh > bottom)
		y = bottom - bh;
	gfx_fill(k->gfx, (SDL_Rect){pic.x, y, pic.w, bh}, COL_BAND);
	gfx_draw_text(k->gfx, text, size, true,
	              (SDL_Rect){pic.x + l->pad * 2, y + l->pad / 2, wrap, 0}, ALIGN_CENTER,
	              COL_WHITE);
}

static void draw_volume(struct kiosk *k, SDL_Rect r)
{
	struct layout *l = &k->ui->lay;
	int id = ui_area(k, r, kiosk_ui(k, UI_volume), ACT_VOLUME, 0);
	gfx_round(k->gfx, r, l->radius, ui_is_pressed(k, id) ? COL_PRIMARY_DOWN : COL_PRIMARY);
	int bars = 4, level = (player_volume(k->player) + 24) / 25;
	int bw = l->small / 3, gap = bw / 2, bx = r.x + r.w - l->pad - bars * (bw + gap);
	for (int i = 0; i < bars; i++) {
		int h = l->small * (i + 1) / bars;
		gfx_fill(k->gfx,
		         (SDL_Rect){bx + i * (bw + gap), r.y + (r.h + l->small) / 2 - h, bw, h},
		         i < level ? COL_WHITE : RGBA(0xFF, 0xFF, 0xFF, 0x50));
	}
	gfx_draw_text(
	    k->gfx, kiosk_ui(k, UI_volume), l->small, true,
	    (SDL_Rect){r.x + l->pad / 2, r.y + (r.h - l->small * 4 / 3) / 2, bx - r.x - l->pad, 0},
	    ALIGN_CENTER, COL_WHITE);
}

/* Returns the top of the panel. */
static int draw_controls(struct kiosk *k, SDL_Rect stage)
{
	struct layout *l = &k->ui->lay;
	struct video_view *v = k->view;
	bool paused = player_state(k->player) == PLAYER_PAUSED;
	int per_row = l->portrait ? 3 : 5, rows = l->portrait ? 2 : 1;
	int gap = l->pad / 2, inner = stage.w - l->pad * 2;
	int bw = (inner - (per_row - 1) * gap) / per_row, bh = l->touch;
	int bar_h = l->small * 2;
	int ph = l->pad * 2 + bar_h + rows * bh + (rows - 1) * gap + l->pad;
	int top = stage.y + stage.h - ph;
	gfx_fill(k->gfx, (SDL_Rect){stage.x, top, stage.w, ph}, COL_PANEL);

	/* Progress: elapsed / total, and a bar to tap (backwards always,
	 * forwards only where the module lets people skip). */
	long long t = position(k), len = player_length(k->player);
	char el[16], tot[16], times[40];
	format_time(el, sizeof(el), t);
	format_time(tot, sizeof(tot), len);
	snprintf(times, sizeof(times), "%s / %s", el, tot);
	int x = stage.x + l->pad, y = top + l->pad;
	int tw = gfx_text_width(k->gfx, "00:00 / 00:00", l->small, true);
	gfx_draw_text(k->gfx, times, l->small, true,
	              (SDL_Rect){x, y + (bar_h - l->small * 4 / 3) / 2, tw, 0}, ALIGN_LEFT,
	              COL_WHITE);
	SDL_Rect bar = {x + tw + l->pad, y, inner - tw - l->pad, bar_h};
	ui_area(k, bar, "progress", ACT_SEEK, 0);
	int track = l->small / 3;
	SDL_Rect tr = {bar.x, bar.y + (bar_h - track) / 2, bar.w, track};
	gfx_round(k->gfx, tr, track / 2, RGBA(0xFF, 0xFF, 0xFF, 0x50));
	int done = len > 0 ? (int)((long long)bar.w * (t < len ? t : len) / len) : 0;
	gfx_round(k->gfx, (SDL_Rect){tr.x, tr.y, done, track}, track / 2, COL_ACCENT);
	gfx_circle(k->gfx, tr.x + done, tr.y + track / 2, track * 3 / 2, COL_WHITE);

	y += bar_h + l->pad;
	const char *labels[4] = {kiosk_ui(k, paused ? UI_play : UI_pause), kiosk_ui(k, UI_rewind),
	                         kiosk_ui(k, UI_restart), kiosk_ui(k, UI_subtitles)};
	const int acts[4] = {ACT_PLAY, ACT_REWIND, ACT_RESTART, ACT_SUBTITLES};
	for (int i = 0; i < 5; i++) {
		SDL_Rect r = {x + (i % per_row) * (bw + gap), y + (i / per_row) * (bh + gap), bw,
		              bh};
		if (i == 4)
			draw_volume(k, r);
		else
			ui_button(k, r, labels[i],
			          i == 3 && !v->subtitles ? BTN_GHOST
			          : i == 0                ? BTN_ACCENT
			                                  : BTN_PRIMARY,
			          acts[i], 0);
	}
	if (k->module->allow_skip_video) {
		const char *skip = kiosk_ui(k, UI_skip_video);
		int sw = gfx_text_width(k->gfx, skip, l->text, true) + l->pad * 4;
		ui_button(k, (SDL_Rect){stage.x + stage.w - sw - l->pad, stage.y + l->pad, sw, bh},
		          skip, BTN_CARD, ACT_SKIP, 0);
	}
	return top;
}

static bool controls_shown(const struct kiosk *k)
{
	enum player_state s = player_state(k->player);
	/* Keys and speech: the controls stay, for the focus to reach them. */
	return s == PLAYER_PAUSED || k->ui->a11y.keys || k->flow.speech ||
	       now_ms(k) < ((struct video_view *)k->view)->controls_until;
}

static void draw(struct kiosk *k)
{
	struct layout *l = &k->ui->lay;
	struct video_view *v = k->view;
	int c = k->flow.chapter;
	const char *title = c >= 0 ? ltext_get(&k->module->chapters[c].title, kiosk_lang(k)) : "";
	if (!v || v->failed) {
		ui_header(k, title, true);
		draw_failure(k);
		return;
	}
	SDL_Rect stage = {0, l->header, l->w, l->h - l->header - l->foot};
	gfx_fill(k->gfx, stage, COL_STAGE);
	ui_header(k, title, true);
	SDL_Rect pic = draw_picture(k, stage);
	int bottom = stage.y + stage.h;
	if (controls_shown(k))
		bottom = draw_controls(k, stage);
	draw_subtitles(k, pic, stage, bottom);
	if (player_frames(k->player) == 1 && v->opened_ticks) {
		/* Debug only: its time and file name (the language) would match
		 * the journal to the person at the kiosk (PRIVACY.md). */
		log_debug("video", "%s: first frame on screen after %llu ms", v->file,
		          (unsigned long long)(SDL_GetTicks64() - v->opened_ticks));
		v->opened_ticks = 0;
		bench_after_present(k->bench, "video-first-frame");
		if (k->bench) {
			struct player_times t = player_times(k->player);
			char d[160];
			snprintf(d, sizeof(d),
			         "open %.3f played %.3f format %.3f decoded %.3f uploaded %.3f",
			         t.open, t.played, t.format, t.decoded, t.uploaded);
			bench_event(k->bench, "video-steps", d);
		}
	}
}

static void action(struct kiosk *k, int act, int arg)
{
	(void)arg;
	struct video_view *v = k->view;
	long long now = now_ms(k);
	if (!v || act == ACT_CONTINUE) {
		if (v)
			v->done = true;
		set_playing(k, false);
		flow_video_done(&k->flow, v ? share(k) : 0, true, now);
		return;
	}
	v->controls_until = now + CONTROLS_MS;
	long long t = position(k);
	switch (act) {
	case ACT_PLAY: {
		bool pause = player_state(k->player) != PLAYER_PAUSED;
		player_pause(k->player, pause);
		set_playing(k, !pause);
		readout_video(k, pause ? READOUT_VIDEO_PAUSED : READOUT_VIDEO_RESUMED,
		              v->subtitles);
		break;
	}
	case ACT_REWIND:
		seek_to(k, t - REWIND_MS);
		readout_video(k, READOUT_VIDEO_REWOUND, v->subtitles);
		break;
	case ACT_RESTART:
		seek_to(k, 0);
		readout_video(k, READOUT_VIDEO_RESTARTED, v->subtitles);
		break;
	case ACT_SUBTITLES:
		v->subtitles = !v->subtitles;
		readout_video(k, READOUT_VIDEO_CAPTIONS, v->subtitles);
		break;
	case ACT_VOLUME: {
		int vol = player_volume(k->player);
		player_set_volume(k->player, vol >= 100 ? 0 : (vol / 25 + 1) * 25);
		readout_video(k, READOUT_VIDEO_VOLUME, v->subtitles);
		break;
	}
	case ACT_SEEK: {
		/* The tap's place on the bar, as the press left it. */
		long long len = player_length(k->player);
		int x0 = k->ui->lay.pad, w = k->ui->lay.w - 2 * x0;
		for (int i = 0; i < k->ui->n_controls; i++)
			if (k->ui->controls[i].action == ACT_SEEK) {
				x0 = k->ui->controls[i].r.x;
				w = k->ui->controls[i].r.w;
			}
		long long to = len > 0 && w > 0 ? len * (k->ui->press.x - x0) / w : t;
		if (to < t || k->module->allow_skip_video)
			seek_to(k, to);
		break;
	}
	case ACT_SKIP: finish(k, true); break;
	}
}

static void tap(struct kiosk *k, int x, int y)
{
	(void)x;
	(void)y;
	struct video_view *v = k->view;
	if (!v || v->failed)
		return;
	long long now = now_ms(k);
	v->controls_until = now < v->controls_until ? 0 : now + CONTROLS_MS;
	k->dirty = true;
}

static void event(struct kiosk *k, const SDL_Event *e)
{
	struct video_view *v = k->view;
	if (!v || v->failed || v->done)
		return;
	switch (player_handle_event(k->player, e)) {
	case PLAYER_NEW_FRAME:
		if (player_upload(k->player, gfx_renderer(k->gfx)))
			k->dirty = true;
		break;
	case PLAYER_NEW_STATE:
		if (player_state(k->player) == PLAYER_ENDED)
			finish(k, true);
		else if (player_state(k->player) == PLAYER_FAILED)
			fail(k);
		k->dirty = true;
		break;
	case PLAYER_NOTHING: break;
	}
}

static long long update(struct kiosk *k)
{
	struct video_view *v = k->view;
	if (!v || v->failed || v->done)
		return -1;
	long long now = now_ms(k);
	enum player_state s = player_state(k->player);
	/* The decoder keeps real time even when the script's clock runs fast. */
	long long opening =
	    k->video_fast ? (long long)(SDL_GetTicks64() - v->opened_real) : now - v->opened_at;
	if (s == PLAYER_OPENING && opening >= k->settings.first_frame_timeout_s * 1000LL) {
		char why[64];
		snprintf(why, sizeof(why), "no picture within %d s",
		         k->settings.first_frame_timeout_s);
		player_fail(k->player, why);
		fail(k);
		return -1;
	}
	/* A video whose pictures and position both stop moving (a stuck decoder
	 * or demuxer) must not hold the kiosk, whose idle timeout waits for the
	 * video: give up as for a file that never showed a picture. A still
	 * picture over running sound is fine: its position moves. */
	Uint64 ticks = SDL_GetTicks64();
	unsigned frames = player_frames(k->player);
	long long pos = player_time(k->player);
	if (frames != v->seen_frames || pos != v->seen_time || s != PLAYER_PLAYING) {
		v->seen_frames = frames;
		v->seen_time = pos;
		v->frame_ticks = ticks;
	} else if (ticks - v->frame_ticks > STALL_MS(k)) {
		player_fail(k->player, "playback stopped moving");
		fail(k);
		return -1;
	}
	if (k->video_fast) {
		/* Opening takes the decoder's real time; then the virtual clock. */
		k->realtime = s == PLAYER_OPENING;
		if (s == PLAYER_PLAYING)
			v->vpos += now - v->vlast;
		v->vlast = now;
		long long len = player_length(k->player);
		if (len > 0 && v->vpos >= len) {
			v->furthest_ms = len;
			finish(k, true);
			k->dirty = true;
			return -1;
		}
	}
	long long t = position(k);
	if (t > v->furthest_ms && s == PLAYER_PLAYING)
		v->furthest_ms = t;
	long long wait = -1;
	if (v->controls_until > now)
		wait = v->controls_until - now;
	else if (v->controls_until > 0 && s != PLAYER_PAUSED) {
		v->controls_until = 0; /* they just hid */
		k->dirty = true;
	}
	if (s == PLAYER_OPENING || s == PLAYER_PLAYING) {
		/* Frames wake the loop; this also keeps time for subtitles and
		 * the first-frame timeout when frames stop coming. */
		long long poll = k->video_fast ? FAST_POLL_MS : FRAME_POLL_MS;
		wait = wait < 0 || wait > poll ? poll : wait;
	}
	return wait;
}

const struct screen_ops screen_video = {
    .enter = enter,
    .leave = leave,
    .draw = draw,
    .action = action,
    .tap = tap,
    .event = event,
    .update = update,
};
