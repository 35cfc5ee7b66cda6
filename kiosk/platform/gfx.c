#include "platform/gfx.h"
#include "core/log.h"

#include <SDL_image.h>
#include <fontconfig/fontconfig.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "platform/fbdev.h"
#include "platform/gfx_priv.h"
#include "platform/present.h"

static bool is_file(const char *p)
{
	struct stat st;
	return p && *p && stat(p, &st) == 0 && S_ISREG(st.st_mode);
}

/* A font file from a path or a fontconfig pattern. */
static char *find_font(const char *want, bool bold)
{
	if (is_file(want))
		return strdup(want);
	const char *pattern = want && *want ? want : bold ? "Open Sans:style=Bold" : "Open Sans";
	char *found = NULL;
	if (!FcInit())
		return NULL;
	FcPattern *pat = FcNameParse((const FcChar8 *)pattern);
	if (pat) {
		if (bold && !(want && *want))
			FcPatternAddInteger(pat, FC_WEIGHT, FC_WEIGHT_BOLD);
		FcConfigSubstitute(NULL, pat, FcMatchPattern);
		FcDefaultSubstitute(pat);
		FcResult res;
		FcPattern *match = FcFontMatch(NULL, pat, &res);
		FcChar8 *file = NULL;
		if (match && FcPatternGetString(match, FC_FILE, 0, &file) == FcResultMatch)
			found = strdup((const char *)file);
		if (match)
			FcPatternDestroy(match);
		FcPatternDestroy(pat);
	}
	return found;
}

/* The OpenGL renderer's own name (Mesa's "llvmpipe" is software: no GPU
 * driver, or a compositor that takes only shared-memory buffers), or NULL. */
static const char *gl_renderer_name(void)
{
	typedef const unsigned char *(*get_string_fn)(unsigned);
	if (!SDL_GL_GetCurrentContext())
		return NULL;
	get_string_fn get = (get_string_fn)SDL_GL_GetProcAddress("glGetString");
	return get ? (const char *)get(0x1F01 /* GL_RENDERER */) : NULL;
}

/* The window and its renderer, as the options say (create and recreate). */
static bool open_window(struct gfx *g)
{
	const struct gfx_options *o = &g->opt;
	Uint32 flags =
	    (o->hidden ? SDL_WINDOW_HIDDEN : SDL_WINDOW_SHOWN) | SDL_WINDOW_ALLOW_HIGHDPI;
	int w = o->width, h = o->height;
	SDL_DisplayMode mode;
	if ((w <= 0 || h <= 0) && !o->headless && SDL_GetDesktopDisplayMode(0, &mode) == 0) {
		w = w > 0 ? w : mode.w;
		h = h > 0 ? h : mode.h;
	}
	if (w <= 0 || h <= 0) {
		w = 1920;
		h = 1080;
	}
	if (o->fullscreen)
		flags |= SDL_WINDOW_FULLSCREEN_DESKTOP | SDL_WINDOW_BORDERLESS;
	else if (!o->headless)
		flags |= SDL_WINDOW_RESIZABLE;
	g->window = SDL_CreateWindow(o->title ? o->title : "Kiosk", SDL_WINDOWPOS_CENTERED,
	                             SDL_WINDOWPOS_CENTERED, w, h, flags);
	if (!g->window) {
		log_err("gfx", "SDL_CreateWindow: %s", SDL_GetError());
		return false;
	}
	Uint32 rflags = o->headless ? SDL_RENDERER_SOFTWARE : SDL_RENDERER_ACCELERATED;
	g->renderer = SDL_CreateRenderer(g->window, -1, rflags);
	if (!g->renderer && !o->headless)
		g->renderer = SDL_CreateRenderer(g->window, -1, SDL_RENDERER_SOFTWARE);
	if (!g->renderer) {
		log_err("gfx", "SDL_CreateRenderer: %s", SDL_GetError());
		return false;
	}
	SDL_RendererInfo info;
	if (!o->headless && SDL_GetRendererInfo(g->renderer, &info) == 0) {
		const char *gl = gl_renderer_name();
		log_info("gfx", "renderer %s%s%s", info.name, gl ? " on " : "", gl ? gl : "");
	}
	SDL_SetRenderDrawBlendMode(g->renderer, SDL_BLENDMODE_BLEND);
	g->blend = SDL_BLENDMODE_BLEND;
	/* After the renderer: an OpenGL renderer may have made the window anew. */
	g->present = present_create(g->window);
	g->presented = g->shown = 0;
	g->waiting_since = 0;
	g->opened = SDL_GetTicks64();
	gfx_update_size(g);
	return true;
}

static void close_window(struct gfx *g)
{
	/* Textures belong to the renderer: the cached texts go with it. */
	text_cache_clear(g);
	present_destroy(g->present);
	g->present = NULL;
	if (g->renderer)
		SDL_DestroyRenderer(g->renderer);
	g->renderer = NULL;
	if (g->window)
		SDL_DestroyWindow(g->window);
	g->window = NULL;
}

struct gfx *gfx_create(const struct gfx_options *o)
{
	struct gfx *g = calloc(1, sizeof(*g));
	if (!g)
		return NULL;
	g->opt = *o;
	g->opt.title = g->title = strdup(o->title ? o->title : "Kiosk");
	g->opt.font = g->opt.font_bold = NULL; /* only read here */
	g->font_path[0] = find_font(o->font, false);
	g->font_path[1] = find_font(o->font_bold && *o->font_bold ? o->font_bold : o->font, true);
	if (!g->font_path[0] || !g->font_path[1]) {
		log_err("gfx", "no font found for '%s' (install fonts-open-sans)",
		        o->font && *o->font ? o->font : "Open Sans");
		gfx_destroy(g);
		return NULL;
	}
	if (TTF_Init() < 0) {
		log_err("gfx", "TTF_Init: %s", TTF_GetError());
		gfx_destroy(g);
		return NULL;
	}
	/* No display driver at all, only a framebuffer (kiosk-cage): drawn
	 * offscreen at its size, and copied there (gfx_present). */
	const char *fb = o->headless ? NULL : getenv("KIOSK_FBDEV");
	if (fb && *fb) {
		g->fb = fbdev_open(fb);
		if (!g->fb) {
			gfx_destroy(g);
			return NULL;
		}
		fbdev_size(g->fb, &g->fb_w, &g->fb_h);
		g->fb_pixels = malloc((size_t)g->fb_w * (size_t)g->fb_h * 4);
		g->opt.width = g->fb_w;
		g->opt.height = g->fb_h;
		g->opt.fullscreen = false;
	}
	if (!g->title || (g->fb && !g->fb_pixels) || !open_window(g)) {
		gfx_destroy(g);
		return NULL;
	}
	float ddpi = 0;
	if (o->dpi > 0)
		g->dpi = (float)o->dpi;
	else if (!o->headless && SDL_GetDisplayDPI(0, &ddpi, NULL, NULL) == 0 && ddpi > 50)
		g->dpi = ddpi;
	else
		g->dpi = 96;
	TTF_Font *f = text_font(g, 20, false);
	g->nnbsp_ok = f && TTF_GlyphIsProvided32(f, 0x202F);
	return g;
}

bool gfx_recreate(struct gfx *g)
{
	close_window(g);
	if (open_window(g))
		return true;
	close_window(g);
	return false;
}

void gfx_show(struct gfx *g)
{
	g->opt.hidden = false; /* a window opened again is shown too */
	SDL_ShowWindow(g->window);
	g->opened = SDL_GetTicks64();
}

void gfx_destroy(struct gfx *g)
{
	if (!g)
		return;
	close_window(g);
	for (int i = 0; i < g->n_fonts; i++)
		TTF_CloseFont(g->fonts[i].font);
	if (TTF_WasInit())
		TTF_Quit();
	free(g->font_path[0]);
	free(g->font_path[1]);
	free(g->title);
	fbdev_close(g->fb);
	free(g->fb_pixels);
	free(g);
}

SDL_Renderer *gfx_renderer(struct gfx *g)
{
	return g->renderer;
}

SDL_Window *gfx_window(struct gfx *g)
{
	return g->window;
}

void gfx_size(const struct gfx *g, int *w, int *h)
{
	*w = g->w;
	*h = g->h;
}

int gfx_mm(const struct gfx *g, float mm)
{
	return (int)lroundf(mm * g->dpi / 25.4f);
}

bool gfx_update_size(struct gfx *g)
{
	int w, h;
	if (SDL_GetRendererOutputSize(g->renderer, &w, &h) != 0)
		SDL_GetWindowSize(g->window, &w, &h);
	bool changed = w != g->w || h != g->h;
	g->w = w;
	g->h = h;
	return changed;
}

Uint32 gfx_map(const struct gfx_color_map *m, int n, Uint32 rgba)
{
	for (int i = 0; i < n; i++)
		if ((m[i].from | 255) == (rgba | 255))
			return (m[i].to & ~(Uint32)255) | (rgba & 255);
	return rgba;
}

void gfx_set_theme(struct gfx *g, const struct gfx_theme *t)
{
	g->theme = t;
}

Uint32 gfx_fill_color(const struct gfx *g, Uint32 rgba)
{
	return g->theme ? gfx_map(g->theme->fill, g->theme->n_fill, rgba) : rgba;
}

void gfx_set_text_probe(struct gfx *g, gfx_text_probe fn, void *ctx)
{
	g->probe = fn;
	g->probe_ctx = ctx;
}

/* Opaque colours are drawn without blending: a software rasteriser
 * (llvmpipe) then writes the pixels without reading them first. */
static void set_blend(struct gfx *g, bool opaque)
{
	SDL_BlendMode want = opaque ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND;
	if (want != g->blend) {
		SDL_SetRenderDrawBlendMode(g->renderer, want);
		g->blend = want;
	}
}

static void set_color(struct gfx *g, Uint32 c)
{
	c = gfx_fill_color(g, c);
	set_blend(g, (c & 255) == 255);
	SDL_SetRenderDrawColor(g->renderer, c >> 24, (c >> 16) & 255, (c >> 8) & 255, c & 255);
}

void gfx_clear(struct gfx *g, Uint32 rgba)
{
	set_color(g, rgba);
	SDL_RenderClear(g->renderer);
}

void gfx_fill(struct gfx *g, SDL_Rect r, Uint32 rgba)
{
	set_color(g, rgba);
	SDL_RenderFillRect(g->renderer, &r);
}

/* A filled rounded rectangle in one SDL_RenderGeometry: a fan at each
 * corner and three bands between them (left, middle, right). Not one fan
 * from the centre: the software renderer (script mode) tests every pixel
 * of each triangle's bounding box, and a centre fan's 36 long triangles
 * made it test about ten times the rectangle's area (a third of a soak's
 * CPU). Shared vertices keep the edges exact: no seam, no pixel twice. */
void gfx_round(struct gfx *g, SDL_Rect r, int radius, Uint32 rgba)
{
	if (radius * 2 > r.w)
		radius = r.w / 2;
	if (radius * 2 > r.h)
		radius = r.h / 2;
	if (radius < 2) {
		gfx_fill(g, r, rgba);
		return;
	}
	enum { SEG = 8, ARC = SEG + 1 };
	/* v[c]: centre of corner c; v[4 + c * ARC + s]: its arc, counter-
	 * clockwise from the right (corners: top-right, top-left, bottom-left,
	 * bottom-right). */
	SDL_Vertex v[4 + 4 * ARC];
	int idx[3 * 4 * SEG];
	SDL_Color col = sdl_color(gfx_fill_color(g, rgba));
	set_blend(g, col.a == 255);
	float cx[4] = {r.x + r.w - radius, r.x + radius, r.x + radius, r.x + r.w - radius};
	float cy[4] = {r.y + radius, r.y + radius, r.y + r.h - radius, r.y + r.h - radius};
	int ni = 0;
	for (int corner = 0; corner < 4; corner++) {
		v[corner] = (SDL_Vertex){{cx[corner], cy[corner]}, col, {0, 0}};
		for (int s = 0; s <= SEG; s++) {
			float a = (float)M_PI / 2 * ((float)corner + (float)s / SEG);
			float c = cosf(a), sn = sinf(a);
			if (s == 0 || s == SEG) { /* exactly on the bands' edges */
				c = roundf(c);
				sn = roundf(sn);
			}
			v[4 + corner * ARC + s] = (SDL_Vertex){
			    {cx[corner] + c * radius, cy[corner] - sn * radius}, col, {0, 0}};
			if (s < SEG) {
				idx[ni++] = corner;
				idx[ni++] = 4 + corner * ARC + s;
				idx[ni++] = 4 + corner * ARC + s + 1;
			}
		}
	}
	SDL_RenderGeometry(g->renderer, NULL, v, 4 + 4 * ARC, idx, ni);
	/* The three bands between the corners are rectangles: filled as such
	 * (the software renderer fills a rectangle row by row, where it tests
	 * every pixel of a triangle's bounding box against its edges). */
	const SDL_Rect bands[3] = {
	    {r.x + radius, r.y, r.w - 2 * radius, r.h},                   /* middle, full height */
	    {r.x, r.y + radius, radius, r.h - 2 * radius},                /* left */
	    {r.x + r.w - radius, r.y + radius, radius, r.h - 2 * radius}, /* right */
	};
	SDL_SetRenderDrawColor(g->renderer, col.r, col.g, col.b, col.a);
	SDL_RenderFillRects(g->renderer, bands, 3);
}

void gfx_circle(struct gfx *g, int cx, int cy, int radius, Uint32 rgba)
{
	gfx_round(g, (SDL_Rect){cx - radius, cy - radius, radius * 2, radius * 2}, radius, rgba);
}

void gfx_line(struct gfx *g, int x1, int y1, int x2, int y2, int width, Uint32 rgba)
{
	float dx = (float)(x2 - x1), dy = (float)(y2 - y1);
	float len = sqrtf(dx * dx + dy * dy);
	if (len < 1)
		return;
	float nx = -dy / len * width / 2, ny = dx / len * width / 2;
	SDL_Color col = sdl_color(gfx_fill_color(g, rgba));
	set_blend(g, col.a == 255);
	SDL_Vertex v[4] = {
	    {{x1 + nx, y1 + ny}, col, {0, 0}},
	    {{x2 + nx, y2 + ny}, col, {0, 0}},
	    {{x2 - nx, y2 - ny}, col, {0, 0}},
	    {{x1 - nx, y1 - ny}, col, {0, 0}},
	};
	int idx[6] = {0, 1, 2, 0, 2, 3};
	SDL_RenderGeometry(g->renderer, NULL, v, 4, idx, 6);
	gfx_circle(g, x1, y1, width / 2, rgba);
	gfx_circle(g, x2, y2, width / 2, rgba);
}

void gfx_frame_begin(struct gfx *g)
{
	g->frame++;
}

void gfx_present(struct gfx *g)
{
	/* SDL skips the swap of a hidden window (SDL_waylandopengles.c): such a
	 * present shows nothing and must not count as one. */
	bool hidden = SDL_GetWindowFlags(g->window) & (SDL_WINDOW_HIDDEN | SDL_WINDOW_MINIMIZED);
	bool asked = !hidden && g->present && present_request(g->present);
	/* Read back before the present, which may leave the back buffer
	 * undefined (SDL_RenderReadPixels). */
	if (g->fb && !hidden &&
	    SDL_RenderReadPixels(g->renderer, &(SDL_Rect){0, 0, g->fb_w, g->fb_h},
	                         SDL_PIXELFORMAT_ARGB8888, g->fb_pixels, g->fb_w * 4) == 0)
		fbdev_show(g->fb, g->fb_pixels, g->fb_w, g->fb_h);
	SDL_RenderPresent(g->renderer);
	if (hidden)
		return;
	Uint64 now = SDL_GetTicks64();
	g->presented++;
	if (!g->present) {
		g->shown = g->presented; /* nothing more to know */
		return;
	}
	if (!asked)
		return; /* many outstanding already: the compositor is not taking any */
	if (!g->waiting_since)
		g->waiting_since = now;
}

void gfx_poll(struct gfx *g)
{
	if (!g->present)
		return;
	unsigned n = present_poll(g->present);
	if (!n)
		return;
	g->shown += n;
	/* Some still outstanding: count their wait from this progress. */
	g->waiting_since = g->shown < g->presented ? SDL_GetTicks64() : 0;
	if (g->shown > g->presented)
		g->shown = g->presented;
}

unsigned gfx_frames_shown(const struct gfx *g)
{
	return g->shown;
}

Uint64 gfx_stalled_ms(const struct gfx *g, Uint64 now)
{
	if (g->waiting_since)
		return now > g->waiting_since ? now - g->waiting_since : 0;
	if (g->presented == 0) /* nothing even presented since the window opened */
		return now > g->opened ? now - g->opened : 0;
	return 0;
}

enum gfx_event gfx_handle_event(struct gfx *g, const SDL_Event *e)
{
	if (e->type == SDL_RENDER_DEVICE_RESET)
		return GFX_LOST; /* every texture is gone */
	if (e->type == SDL_RENDER_TARGETS_RESET)
		return GFX_REDRAW; /* we draw no texture targets: a new frame will do */
	if (e->type != SDL_WINDOWEVENT)
		return GFX_NONE;
	switch (e->window.event) {
	case SDL_WINDOWEVENT_SHOWN:
	case SDL_WINDOWEVENT_EXPOSED:
	case SDL_WINDOWEVENT_SIZE_CHANGED:
	case SDL_WINDOWEVENT_RESIZED:
	case SDL_WINDOWEVENT_MAXIMIZED:
	case SDL_WINDOWEVENT_RESTORED:
	case SDL_WINDOWEVENT_FOCUS_GAINED:
	case SDL_WINDOWEVENT_DISPLAY_CHANGED: gfx_update_size(g); return GFX_REDRAW;
	default: return GFX_NONE;
	}
}

bool gfx_screenshot(struct gfx *g, const char *path)
{
	SDL_Surface *s =
	    SDL_CreateRGBSurfaceWithFormat(0, g->w, g->h, 32, SDL_PIXELFORMAT_ARGB8888);
	if (!s) {
		log_err("gfx", "screenshot: %s", SDL_GetError());
		return false;
	}
	bool ok = SDL_RenderReadPixels(g->renderer, NULL, SDL_PIXELFORMAT_ARGB8888, s->pixels,
	                               s->pitch) == 0;
	if (!ok)
		log_err("gfx", "SDL_RenderReadPixels: %s", SDL_GetError());
	else if (IMG_SavePNG(s, path) != 0) {
		log_err("gfx", "cannot write %s: %s", path, IMG_GetError());
		ok = false;
	}
	SDL_FreeSurface(s);
	return ok;
}
