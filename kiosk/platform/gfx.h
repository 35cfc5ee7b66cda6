/* The window, the renderer and cached text: everything SDL draws with. */
#ifndef KIOSK_PLATFORM_GFX_H
#define KIOSK_PLATFORM_GFX_H

#include <SDL.h>
#include <SDL_ttf.h>
#include <stdbool.h>

struct gfx_options {
	bool headless;   /* offscreen window, software renderer */
	bool fullscreen; /* kiosk mode */
	bool hidden;     /* opened unmapped, until gfx_show */
	int width, height;
	int dpi;          /* 0: ask the system, else 96 */
	const char *font; /* file or fontconfig name; "" for Open Sans */
	const char *font_bold;
	const char *title;
};

enum text_align { ALIGN_LEFT, ALIGN_CENTER, ALIGN_RIGHT };

struct gfx;

struct gfx *gfx_create(const struct gfx_options *o);
void gfx_destroy(struct gfx *g);
/* Close the window and renderer and open them again with the same options
 * (a display that never showed a frame, a lost device). Cached texts are
 * dropped with the old renderer; other textures must be released before.
 * False if the new window or renderer failed (logged). */
bool gfx_recreate(struct gfx *g);
/* Maps a window opened hidden; its first frame is awaited from now. */
void gfx_show(struct gfx *g);

SDL_Renderer *gfx_renderer(struct gfx *g);
SDL_Window *gfx_window(struct gfx *g);
void gfx_size(const struct gfx *g, int *w, int *h);
/* Pixels for a length in millimetres on this screen. */
int gfx_mm(const struct gfx *g, float mm);
/* Re-read the window size; true if it changed. */
bool gfx_update_size(struct gfx *g);

void gfx_clear(struct gfx *g, Uint32 rgba);
void gfx_fill(struct gfx *g, SDL_Rect r, Uint32 rgba);
void gfx_round(struct gfx *g, SDL_Rect r, int radius, Uint32 rgba);
void gfx_circle(struct gfx *g, int cx, int cy, int radius, Uint32 rgba);
void gfx_line(struct gfx *g, int x1, int y1, int x2, int y2, int width, Uint32 rgba);

/* Draw text in the box `r` (top-aligned, horizontally as asked); returns its height. */
int gfx_draw_text(struct gfx *g, const char *utf8, int size, bool bold, SDL_Rect r,
                  enum text_align align, Uint32 rgba);
/* Height and width the text would take. */
int gfx_text_height(struct gfx *g, const char *utf8, int size, bool bold, int wrap);
int gfx_text_width(struct gfx *g, const char *utf8, int size, bool bold);
/* Longest word wider than `wrap`? (it would be broken inside a word). */
bool gfx_text_fits(struct gfx *g, const char *utf8, int size, bool bold, int wrap);

/* A theme drawn over the same screens: each colour listed is replaced
 * (RGB matched, alpha kept), fills and text separately. NULL: none. */
struct gfx_color_map {
	Uint32 from, to;
};
struct gfx_theme {
	const struct gfx_color_map *fill, *text;
	int n_fill, n_text;
};
void gfx_set_theme(struct gfx *g, const struct gfx_theme *t);
/* The colour m gives for rgba (rgba itself if it lists none). */
Uint32 gfx_map(const struct gfx_color_map *m, int n, Uint32 rgba);
Uint32 gfx_fill_color(const struct gfx *g, Uint32 rgba);
/* --check: called before each text is drawn with its colour and place. */
typedef void (*gfx_text_probe)(void *ctx, struct gfx *g, const char *utf8, int size, bool bold,
                               SDL_Rect where, Uint32 rgba);
void gfx_set_text_probe(struct gfx *g, gfx_text_probe fn, void *ctx);

/* Mark the start of a frame: text not drawn for a while is freed. */
void gfx_frame_begin(struct gfx *g);
void gfx_present(struct gfx *g);
/* Collect the compositor's word on presented frames (Wayland frame
 * callbacks); call once per loop iteration. */
void gfx_poll(struct gfx *g);
/* Frames the display really took since the window opened. */
unsigned gfx_frames_shown(const struct gfx *g);
/* How long a presented frame (or, before any present, the new window) has
 * been waiting to be shown; 0 when everything presented is on the glass. */
Uint64 gfx_stalled_ms(const struct gfx *g, Uint64 now);

enum gfx_event {
	GFX_NONE,
	GFX_REDRAW, /* shown, exposed, resized, focused, moved to a display */
	GFX_LOST,   /* the renderer lost its textures: gfx_recreate */
};
/* What a window or render event means for drawing. */
enum gfx_event gfx_handle_event(struct gfx *g, const SDL_Event *e);
/* Write the current frame as PNG. */
bool gfx_screenshot(struct gfx *g, const char *path);
/* The text cache now: texts held and their pixels in kB (script `sample`). */
void gfx_text_stats(const struct gfx *g, int *texts, long *kb);

#define RGBA(r, g, b, a)                                                                           \
	(((Uint32)(r) << 24) | ((Uint32)(g) << 16) | ((Uint32)(b) << 8) | (Uint32)(a))

#endif
