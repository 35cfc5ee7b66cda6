#include "platform/gfx.h"

#include <SDL_image.h>
#include <fontconfig/fontconfig.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

enum { MAX_FONTS = 32, MAX_TEXTS = 1024, KEEP_FRAMES = 3, MAX_WIDTHS = 512 };

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
	SDL_Window *window;
	SDL_Renderer *renderer;
	int w, h;
	float dpi;
	char *font_path[2]; /* regular, bold */
	bool nnbsp_ok;      /* the font has U+202F (French narrow no-break space) */
	struct font_slot fonts[MAX_FONTS];
	int n_fonts;
	struct text_slot texts[MAX_TEXTS];
	int n_texts;
	unsigned frame;
	/* Widths already measured: layout asks for them on every frame. */
	struct width_slot {
		Uint64 hash;
		int size, w;
		bool bold;
	} widths[MAX_WIDTHS];
	int n_widths, next_width;
};

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

static TTF_Font *font_get(struct gfx *g, int size, bool bold)
{
	if (size < 6)
		size = 6;
	for (int i = 0; i < g->n_fonts; i++)
		if (g->fonts[i].size == size && g->fonts[i].bold == bold)
			return g->fonts[i].font;
	if (g->n_fonts == MAX_FONTS) {
		TTF_CloseFont(g->fonts[0].font);
		memmove(&g->fonts[0], &g->fonts[1], sizeof(g->fonts[0]) * (MAX_FONTS - 1));
		g->n_fonts--;
	}
	TTF_Font *f = TTF_OpenFont(g->font_path[bold], size);
	if (!f) {
		fprintf(stderr, "<3>gfx: cannot open font %s: %s\n", g->font_path[bold],
		        TTF_GetError());
		return NULL;
	}
	g->fonts[g->n_fonts++] = (struct font_slot){.font = f, .size = size, .bold = bold};
	return f;
}

struct gfx *gfx_create(const struct gfx_options *o)
{
	struct gfx *g = calloc(1, sizeof(*g));
	if (!g)
		return NULL;
	g->font_path[0] = find_font(o->font, false);
	g->font_path[1] = find_font(o->font_bold && *o->font_bold ? o->font_bold : o->font, true);
	if (!g->font_path[0] || !g->font_path[1]) {
		fprintf(stderr, "<3>gfx: no font found for '%s' (install fonts-open-sans)\n",
		        o->font && *o->font ? o->font : "Open Sans");
		gfx_destroy(g);
		return NULL;
	}
	if (TTF_Init() < 0) {
		fprintf(stderr, "<3>gfx: TTF_Init: %s\n", TTF_GetError());
		gfx_destroy(g);
		return NULL;
	}
	Uint32 flags = SDL_WINDOW_SHOWN | SDL_WINDOW_ALLOW_HIGHDPI;
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
		fprintf(stderr, "<3>gfx: SDL_CreateWindow: %s\n", SDL_GetError());
		gfx_destroy(g);
		return NULL;
	}
	Uint32 rflags = o->headless ? SDL_RENDERER_SOFTWARE : SDL_RENDERER_ACCELERATED;
	g->renderer = SDL_CreateRenderer(g->window, -1, rflags);
	if (!g->renderer && !o->headless)
		g->renderer = SDL_CreateRenderer(g->window, -1, SDL_RENDERER_SOFTWARE);
	if (!g->renderer) {
		fprintf(stderr, "<3>gfx: SDL_CreateRenderer: %s\n", SDL_GetError());
		gfx_destroy(g);
		return NULL;
	}
	SDL_SetRenderDrawBlendMode(g->renderer, SDL_BLENDMODE_BLEND);
	float ddpi = 0;
	if (o->dpi > 0)
		g->dpi = (float)o->dpi;
	else if (!o->headless && SDL_GetDisplayDPI(0, &ddpi, NULL, NULL) == 0 && ddpi > 50)
		g->dpi = ddpi;
	else
		g->dpi = 96;
	gfx_update_size(g);
	TTF_Font *f = font_get(g, 20, false);
	g->nnbsp_ok = f && TTF_GlyphIsProvided32(f, 0x202F);
	return g;
}

static void texts_clear(struct gfx *g)
{
	for (int i = 0; i < g->n_texts; i++) {
		SDL_DestroyTexture(g->texts[i].text.tex);
		free(g->texts[i].utf8);
	}
	g->n_texts = 0;
}

void gfx_destroy(struct gfx *g)
{
	if (!g)
		return;
	texts_clear(g);
	for (int i = 0; i < g->n_fonts; i++)
		TTF_CloseFont(g->fonts[i].font);
	if (TTF_WasInit())
		TTF_Quit();
	if (g->renderer)
		SDL_DestroyRenderer(g->renderer);
	if (g->window)
		SDL_DestroyWindow(g->window);
	free(g->font_path[0]);
	free(g->font_path[1]);
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

static void set_color(struct gfx *g, Uint32 c)
{
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

static SDL_Color sdl_color(Uint32 c)
{
	return (SDL_Color){c >> 24, (c >> 16) & 255, (c >> 8) & 255, c & 255};
}

/* A filled rounded rectangle as one triangle fan through SDL_RenderGeometry. */
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
	enum { SEG = 8 };
	SDL_Vertex v[1 + 4 * (SEG + 1)];
	int idx[3 * 4 * (SEG + 1)];
	SDL_Color col = sdl_color(rgba);
	float cx[4] = {r.x + r.w - radius, r.x + radius, r.x + radius, r.x + r.w - radius};
	float cy[4] = {r.y + radius, r.y + radius, r.y + r.h - radius, r.y + r.h - radius};
	v[0] = (SDL_Vertex){{r.x + r.w / 2.0f, r.y + r.h / 2.0f}, col, {0, 0}};
	int n = 1;
	for (int corner = 0; corner < 4; corner++) {
		for (int s = 0; s <= SEG; s++) {
			float a = (float)M_PI / 2 * ((float)corner + (float)s / SEG);
			v[n++] = (SDL_Vertex){
			    {cx[corner] + cosf(a) * radius, cy[corner] - sinf(a) * radius},
			    col,
			    {0, 0}};
		}
	}
	int ni = 0;
	for (int i = 1; i < n; i++) {
		idx[ni++] = 0;
		idx[ni++] = i;
		idx[ni++] = i + 1 < n ? i + 1 : 1;
	}
	SDL_RenderGeometry(g->renderer, NULL, v, n, idx, ni);
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
	SDL_Color col = sdl_color(rgba);
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

static Uint64 hash_text(const char *s)
{
	Uint64 h = 1469598103934665603ULL;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ULL;
	return h;
}

/* U+202F is what French typography wants before : ; ? ! — fall back to a
 * plain no-break space (same bytes length class) where the font lacks it. */
static char *prepare(const struct gfx *g, const char *utf8)
{
	char *s = strdup(utf8);
	if (!s || g->nnbsp_ok)
		return s;
	char *w = s;
	for (const char *r = utf8; *r;) {
		if ((unsigned char)r[0] == 0xE2 && (unsigned char)r[1] == 0x80 &&
		    (unsigned char)r[2] == 0xAF) {
			*w++ = (char)0xC2;
			*w++ = (char)0xA0;
			r += 3;
		} else {
			*w++ = *r++;
		}
	}
	*w = '\0';
	return s;
}

static struct text_slot *text_make(struct gfx *g, const char *utf8, int size, bool bold, int wrap,
                                   int align, Uint32 rgba)
{
	Uint64 h = hash_text(utf8);
	for (int i = 0; i < g->n_texts; i++) {
		struct text_slot *t = &g->texts[i];
		if (t->hash == h && t->size == size && t->bold == bold && t->wrap == wrap &&
		    t->align == align && t->rgba == rgba && strcmp(t->utf8, utf8) == 0) {
			t->last_frame = g->frame;
			return t;
		}
	}
	if (g->n_texts == MAX_TEXTS) {
		/* Evict what was not drawn lately; if all was, the oldest half. */
		int keep = 0;
		for (int i = 0; i < g->n_texts; i++) {
			struct text_slot *t = &g->texts[i];
			bool old = g->frame - t->last_frame > KEEP_FRAMES || i < MAX_TEXTS / 2;
			if (old) {
				SDL_DestroyTexture(t->text.tex);
				free(t->utf8);
			} else {
				g->texts[keep++] = *t;
			}
		}
		g->n_texts = keep;
	}
	TTF_Font *f = font_get(g, size, bold);
	if (!f || !*utf8)
		return NULL;
	char *s = prepare(g, utf8);
	if (!s)
		return NULL;
	SDL_Surface *surf;
	if (wrap > 0) {
		TTF_SetFontWrappedAlign(f, align == ALIGN_CENTER  ? TTF_WRAPPED_ALIGN_CENTER
		                           : align == ALIGN_RIGHT ? TTF_WRAPPED_ALIGN_RIGHT
		                                                  : TTF_WRAPPED_ALIGN_LEFT);
		surf = TTF_RenderUTF8_Blended_Wrapped(f, s, sdl_color(rgba), (Uint32)wrap);
	} else {
		surf = TTF_RenderUTF8_Blended(f, s, sdl_color(rgba));
	}
	free(s);
	if (!surf) {
		fprintf(stderr, "<3>gfx: cannot render text: %s\n", TTF_GetError());
		return NULL;
	}
	SDL_Texture *tex = SDL_CreateTextureFromSurface(g->renderer, surf);
	int w = surf->w, hh = surf->h;
	SDL_FreeSurface(surf);
	if (!tex) {
		fprintf(stderr, "<3>gfx: SDL_CreateTextureFromSurface: %s\n", SDL_GetError());
		return NULL;
	}
	struct text_slot *t = &g->texts[g->n_texts++];
	*t = (struct text_slot){.hash = h,
	                        .utf8 = strdup(utf8),
	                        .size = size,
	                        .wrap = wrap,
	                        .align = align,
	                        .bold = bold,
	                        .rgba = rgba,
	                        .last_frame = g->frame,
	                        .text = {tex, w, hh}};
	return t;
}

int gfx_draw_text(struct gfx *g, const char *utf8, int size, bool bold, SDL_Rect r,
                  enum text_align align, Uint32 rgba)
{
	if (!utf8 || !*utf8)
		return 0;
	int wrap = r.w > 0 ? r.w : 0;
	/* One-line texts that fit are not wrapped, so they can be aligned as a block. */
	if (wrap && gfx_text_width(g, utf8, size, bold) <= wrap && !strchr(utf8, '\n'))
		wrap = 0;
	struct text_slot *t = text_make(g, utf8, size, bold, wrap, align, rgba);
	if (!t)
		return 0;
	SDL_Rect dst = {r.x, r.y, t->text.w, t->text.h};
	if (align == ALIGN_CENTER && r.w > 0)
		dst.x = r.x + (r.w - t->text.w) / 2;
	else if (align == ALIGN_RIGHT && r.w > 0)
		dst.x = r.x + r.w - t->text.w;
	SDL_RenderCopy(g->renderer, t->text.tex, NULL, &dst);
	return t->text.h;
}

int gfx_text_height(struct gfx *g, const char *utf8, int size, bool bold, int wrap)
{
	if (!utf8 || !*utf8)
		return 0;
	if (wrap && gfx_text_width(g, utf8, size, bold) <= wrap && !strchr(utf8, '\n'))
		return TTF_FontHeight(font_get(g, size, bold));
	struct text_slot *t = text_make(g, utf8, size, bold, wrap, ALIGN_LEFT, 0xffffffff);
	return t ? t->text.h : 0;
}

int gfx_text_width(struct gfx *g, const char *utf8, int size, bool bold)
{
	Uint64 hash = hash_text(utf8);
	for (int i = 0; i < g->n_widths; i++) {
		const struct width_slot *ws = &g->widths[i];
		if (ws->hash == hash && ws->size == size && ws->bold == bold)
			return ws->w;
	}
	TTF_Font *f = font_get(g, size, bold);
	int w = 0, h = 0;
	char *s = f ? prepare(g, utf8) : NULL;
	if (s && TTF_SizeUTF8(f, s, &w, &h) == 0) {
		g->widths[g->next_width] = (struct width_slot){hash, size, w, bold};
		g->next_width = (g->next_width + 1) % MAX_WIDTHS;
		if (g->n_widths < MAX_WIDTHS)
			g->n_widths++;
	}
	free(s);
	return w;
}

bool gfx_text_fits(struct gfx *g, const char *utf8, int size, bool bold, int wrap)
{
	char *s = strdup(utf8);
	bool ok = true;
	if (!s)
		return true;
	for (char *save = NULL, *word = strtok_r(s, " \n\t", &save); word && ok;
	     word = strtok_r(NULL, " \n\t", &save))
		ok = gfx_text_width(g, word, size, bold) <= wrap;
	free(s);
	return ok;
}

void gfx_frame_begin(struct gfx *g)
{
	g->frame++;
}

void gfx_present(struct gfx *g)
{
	SDL_RenderPresent(g->renderer);
}

bool gfx_screenshot(struct gfx *g, const char *path)
{
	SDL_Surface *s =
	    SDL_CreateRGBSurfaceWithFormat(0, g->w, g->h, 32, SDL_PIXELFORMAT_ARGB8888);
	if (!s) {
		fprintf(stderr, "<3>gfx: screenshot: %s\n", SDL_GetError());
		return false;
	}
	bool ok = SDL_RenderReadPixels(g->renderer, NULL, SDL_PIXELFORMAT_ARGB8888, s->pixels,
	                               s->pitch) == 0;
	if (!ok)
		fprintf(stderr, "<3>gfx: SDL_RenderReadPixels: %s\n", SDL_GetError());
	else if (IMG_SavePNG(s, path) != 0) {
		fprintf(stderr, "<3>gfx: cannot write %s: %s\n", path, IMG_GetError());
		ok = false;
	}
	SDL_FreeSurface(s);
	return ok;
}
