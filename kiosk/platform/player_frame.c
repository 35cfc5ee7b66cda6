/* The main thread's side of the player: the newest decoded picture goes to
 * an SDL streaming texture, and the first picture of each file is kept as
 * its poster for the next time. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "platform/player_priv.h"
#include "core/log.h"

/* The picture's visible size and display aspect ratio, from the track: the
 * decoded picture can be taller (1080p decodes to 1088 lines), and pixels
 * need not be square. */
static void track_geometry(struct media *m, int *w, int *h, float *aspect)
{
	libvlc_media_track_t **tracks = NULL;
	unsigned n = libvlc_media_tracks_get(m->md, &tracks);
	unsigned sar_num = 1, sar_den = 1;
	for (unsigned i = 0; i < n; i++) {
		libvlc_media_track_t *t = tracks[i];
		if (t->i_type != libvlc_track_video)
			continue;
		if (t->video->i_width && t->video->i_width <= (unsigned)*w)
			*w = (int)t->video->i_width;
		if (t->video->i_height && t->video->i_height <= (unsigned)*h)
			*h = (int)t->video->i_height;
		if (t->video->i_sar_num && t->video->i_sar_den) {
			sar_num = t->video->i_sar_num;
			sar_den = t->video->i_sar_den;
		}
		break;
	}
	if (tracks)
		libvlc_media_tracks_release(tracks, n);
	*aspect = (float)*w * (float)sar_num / ((float)*h * (float)sar_den);
}

static bool update_yuv(SDL_Texture *t, const struct media *m)
{
	if (SDL_UpdateYUVTexture(t, NULL, m->ready[0], (int)m->pitch[0], m->ready[1],
	                         (int)m->pitch[1], m->ready[2], (int)m->pitch[2]) != 0) {
		log_err("player", "SDL_UpdateYUVTexture: %s", SDL_GetError());
		return false;
	}
	return true;
}

static void keep_poster(struct player *p, SDL_Renderer *r, const struct media *m)
{
	for (int i = 0; i < p->n_posters; i++)
		if (strcmp(p->posters[i].file, m->file) == 0)
			return;
	SDL_Texture *t = SDL_CreateTexture(r, SDL_PIXELFORMAT_IYUV, SDL_TEXTUREACCESS_STATIC,
	                                   (int)m->w, (int)m->h);
	char *file = strdup(m->file);
	if (!t || !file || !update_yuv(t, m)) {
		if (t)
			SDL_DestroyTexture(t);
		free(file);
		return;
	}
	if (p->n_posters == MAX_POSTERS) {
		SDL_DestroyTexture(p->posters[0].tex);
		free(p->posters[0].file);
		memmove(&p->posters[0], &p->posters[1], sizeof(p->posters[0]) * (MAX_POSTERS - 1));
		p->n_posters--;
	}
	p->posters[p->n_posters++] = (struct poster){file, t, p->vis_w, p->vis_h, p->aspect};
}

void player_release_textures(struct player *p)
{
	if (!p)
		return;
	if (p->tex)
		SDL_DestroyTexture(p->tex);
	p->tex = NULL;
	p->tex_w = p->tex_h = 0;
	for (int i = 0; i < p->n_posters; i++) {
		SDL_DestroyTexture(p->posters[i].tex);
		free(p->posters[i].file);
	}
	p->n_posters = 0;
}

bool player_upload(struct player *p, SDL_Renderer *r)
{
	if (!p || !p->cur)
		return false;
	struct media *m = p->cur;
	bool uploaded = false;
	pthread_mutex_lock(&m->lock);
	if (m->fresh && m->w && m->h) {
		if (!p->tex || p->tex_w != (int)m->w || p->tex_h != (int)m->h) {
			if (p->tex)
				SDL_DestroyTexture(p->tex);
			p->tex =
			    SDL_CreateTexture(r, SDL_PIXELFORMAT_IYUV, SDL_TEXTUREACCESS_STREAMING,
			                      (int)m->w, (int)m->h);
			if (!p->tex)
				log_err("player", "SDL_CreateTexture: %s", SDL_GetError());
			p->tex_w = p->tex ? (int)m->w : 0;
			p->tex_h = p->tex ? (int)m->h : 0;
			p->aspect = 0;
		}
		if (p->tex && update_yuv(p->tex, m)) {
			uploaded = true;
			if (p->aspect <= 0) {
				p->vis_w = p->tex_w;
				p->vis_h = p->tex_h;
				track_geometry(m, &p->vis_w, &p->vis_h, &p->aspect);
			}
			if (p->frames == 0) {
				p->t_uploaded = player_mono_ms();
				keep_poster(p, r, m);
			}
			p->frames++;
		}
		m->fresh = false;
	}
	pthread_mutex_unlock(&m->lock);
	return uploaded;
}

struct player_frame player_frame(const struct player *p)
{
	if (!p || !p->tex || p->frames == 0)
		return (struct player_frame){0};
	return (struct player_frame){p->tex, p->vis_w, p->vis_h, p->aspect};
}

struct player_frame player_poster(const struct player *p, const char *file)
{
	for (int i = 0; p && i < p->n_posters; i++)
		if (strcmp(p->posters[i].file, file) == 0)
			return (struct player_frame){p->posters[i].tex, p->posters[i].w,
			                             p->posters[i].h, p->posters[i].aspect};
	return (struct player_frame){0};
}
