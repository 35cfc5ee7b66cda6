/* What gfx.c (window, renderer, shapes) and gfx_text.c (fonts, text cache)
 * share; nothing else includes it. */
#ifndef KIOSK_PLATFORM_GFX_PRIV_H
#define KIOSK_PLATFORM_GFX_PRIV_H

#include <SDL.h>
#include <SDL_ttf.h>
#include <stdbool.h>

#include "platform/gfx.h"

struct fbdev;

enum { MAX_FONTS = 32, MAX_TEXTS = 1024, MAX_WIDTHS = 512 };
/* Text textures kept, in bytes of pixels: every text of the busiest screen
 * fits several times over, while subtitles and clocks, each a new text,
 * recycle the textures not drawn lately instead of growing the cache. */
#define MAX_TEXT_BYTES (24LL * 1024 * 1024)

struct font_slot {
	TTF_Font *font;
	int size;
	bool bold;
};

/* A text texture, rendered once and kept while it is drawn every frame. */
struct gfx_text {
	SDL_Texture *tex;
	int w, h;
};

struct text_slot {
	Uint64 hash;
	char *utf8;
	int size, wrap, align;
	bool bold;
	Uint32 rgba;
	unsigned last_frame;
	struct gfx_text text;
};

struct gfx {
	struct gfx_options opt; /* to open the window again */
	char *title;
	SDL_Window *window;
	SDL_Renderer *renderer;
	struct present *present; /* NULL: presents count as shown */
	struct fbdev *fb;        /* a bare framebuffer each frame is copied to, or NULL */
	uint32_t *fb_pixels;     /* the frame read back for it */
	int fb_w, fb_h;
	unsigned presented, shown; /* frames since the window opened */
	Uint64 waiting_since;      /* ticks: a presented frame not shown yet */
	Uint64 opened;             /* ticks when the window opened */
	int w, h;
	float dpi;
	char *font_path[2]; /* regular, bold */
	bool nnbsp_ok;      /* the font has U+202F (French narrow no-break space) */
	struct font_slot fonts[MAX_FONTS];
	int n_fonts;
	struct text_slot texts[MAX_TEXTS];
	int n_texts;
	long long text_bytes; /* pixels held by texts[] */
	unsigned frame;
	/* Widths already measured: layout asks for them on every frame. */
	struct width_slot {
		Uint64 hash;
		int size, w;
		bool bold;
	} widths[MAX_WIDTHS];
	int n_widths, next_width;
	const struct gfx_theme *theme; /* high contrast, or NULL */
	SDL_BlendMode blend;           /* the renderer's draw blend mode now */
	void (*probe)(void *ctx, struct gfx *g, const char *utf8, int size, bool bold,
	              SDL_Rect where, Uint32 rgba);
	void *probe_ctx;
};

static inline SDL_Color sdl_color(Uint32 c)
{
	return (SDL_Color){c >> 24, (c >> 16) & 255, (c >> 8) & 255, c & 255};
}

/* The font of that size and weight, opened on first use (NULL on error). */
TTF_Font *text_font(struct gfx *g, int size, bool bold);
/* Frees every cached text texture and font. */
void text_cache_clear(struct gfx *g);

#endif
