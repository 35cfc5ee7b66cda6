/* Text: fonts by size, and each text rendered once into a texture that is
 * kept while it is drawn (SDL_ttf's showfont way); widths measured once. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/log.h"
#include "platform/gfx.h"
#include "platform/gfx_priv.h"

TTF_Font *text_font(struct gfx *g, int size, bool bold)
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
		log_err("gfx", "cannot open font %s: %s", g->font_path[bold], TTF_GetError());
		return NULL;
	}
	g->fonts[g->n_fonts++] = (struct font_slot){.font = f, .size = size, .bold = bold};
	return f;
}

void text_cache_clear(struct gfx *g)
{
	for (int i = 0; i < g->n_texts; i++) {
		SDL_DestroyTexture(g->texts[i].text.tex);
		free(g->texts[i].utf8);
	}
	g->n_texts = 0;
	g->text_bytes = 0;
}

static long long slot_bytes(const struct text_slot *t)
{
	return (long long)t->text.w * t->text.h * 4;
}

/* Drops the text drawn least lately, never one of this frame; false if
 * every text is. */
static bool evict_one(struct gfx *g)
{
	int lru = -1;
	for (int i = 0; i < g->n_texts; i++)
		if (g->texts[i].last_frame != g->frame &&
		    (lru < 0 || g->texts[i].last_frame < g->texts[lru].last_frame))
			lru = i;
	if (lru < 0)
		return false;
	struct text_slot *t = &g->texts[lru];
	SDL_DestroyTexture(t->text.tex);
	free(t->utf8);
	g->text_bytes -= slot_bytes(t);
	g->texts[lru] = g->texts[--g->n_texts];
	return true;
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
	TTF_Font *f = text_font(g, size, bold);
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
		log_err("gfx", "cannot render text: %s", TTF_GetError());
		return NULL;
	}
	SDL_Texture *tex = SDL_CreateTextureFromSurface(g->renderer, surf);
	int w = surf->w, hh = surf->h;
	SDL_FreeSurface(surf);
	if (!tex) {
		log_err("gfx", "SDL_CreateTextureFromSurface: %s", SDL_GetError());
		return NULL;
	}
	/* Room by count and by bytes; a frame that needs more than the budget
	 * keeps all it draws. */
	long long bytes = (long long)w * hh * 4;
	while ((g->n_texts == MAX_TEXTS || g->text_bytes + bytes > MAX_TEXT_BYTES) && evict_one(g))
		;
	if (g->n_texts == MAX_TEXTS) {
		SDL_DestroyTexture(tex);
		log_err("gfx", "more than %d texts on one screen", MAX_TEXTS);
		return NULL;
	}
	g->text_bytes += bytes;
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
	if (g->theme)
		rgba = gfx_map(g->theme->text, g->theme->n_text, rgba);
	struct text_slot *t = text_make(g, utf8, size, bold, wrap, align, rgba);
	if (!t)
		return 0;
	SDL_Rect dst = {r.x, r.y, t->text.w, t->text.h};
	if (align == ALIGN_CENTER && r.w > 0)
		dst.x = r.x + (r.w - t->text.w) / 2;
	else if (align == ALIGN_RIGHT && r.w > 0)
		dst.x = r.x + r.w - t->text.w;
	if (g->probe)
		g->probe(g->probe_ctx, g, utf8, size, bold, dst, rgba);
	SDL_RenderCopy(g->renderer, t->text.tex, NULL, &dst);
	return t->text.h;
}

int gfx_text_height(struct gfx *g, const char *utf8, int size, bool bold, int wrap)
{
	if (!utf8 || !*utf8)
		return 0;
	if (wrap && gfx_text_width(g, utf8, size, bold) <= wrap && !strchr(utf8, '\n'))
		return TTF_FontHeight(text_font(g, size, bold));
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
	TTF_Font *f = text_font(g, size, bold);
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

void gfx_text_stats(const struct gfx *g, int *texts, long *kb)
{
	*texts = g->n_texts;
	*kb = (long)(g->text_bytes / 1024);
}
