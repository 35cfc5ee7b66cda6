/* shotprobe: look at screenshots from shell tests.
 *   shotprobe size FILE              -> "W H"
 *   shotprobe pixel FILE X Y         -> "R G B" (X, Y in pixels)
 *   shotprobe count FILE X0 Y0 X1 Y1 R G B TOL
 *                                   -> number of pixels in [X0,X1)x[Y0,Y1)
 *                                      (fractions 0..1) within TOL of R G B
 *   shotprobe same A B               -> exit 0 if pixel-identical, else 1
 */
#include <SDL.h>
#include <SDL_image.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static SDL_Surface *load(const char *file)
{
	SDL_Surface *s = IMG_Load(file);
	if (!s) {
		fprintf(stderr, "shotprobe: %s: %s\n", file, IMG_GetError());
		exit(2);
	}
	SDL_Surface *c = SDL_ConvertSurfaceFormat(s, SDL_PIXELFORMAT_RGBA32, 0);
	SDL_FreeSurface(s);
	if (!c) {
		fprintf(stderr, "shotprobe: %s\n", SDL_GetError());
		exit(2);
	}
	return c;
}

static const Uint8 *at(SDL_Surface *s, int x, int y)
{
	return (const Uint8 *)s->pixels + y * s->pitch + x * 4;
}

int main(int argc, char **argv)
{
	if (argc == 3 && strcmp(argv[1], "size") == 0) {
		SDL_Surface *s = load(argv[2]);
		printf("%d %d\n", s->w, s->h);
		SDL_FreeSurface(s);
		return 0;
	}
	if (argc == 5 && strcmp(argv[1], "pixel") == 0) {
		SDL_Surface *s = load(argv[2]);
		int x = atoi(argv[3]), y = atoi(argv[4]);
		if (x < 0 || y < 0 || x >= s->w || y >= s->h)
			return 2;
		const Uint8 *p = at(s, x, y);
		printf("%d %d %d\n", p[0], p[1], p[2]);
		SDL_FreeSurface(s);
		return 0;
	}
	if (argc == 11 && strcmp(argv[1], "count") == 0) {
		SDL_Surface *s = load(argv[2]);
		int x0 = (int)(atof(argv[3]) * s->w), y0 = (int)(atof(argv[4]) * s->h);
		int x1 = (int)(atof(argv[5]) * s->w), y1 = (int)(atof(argv[6]) * s->h);
		int r = atoi(argv[7]), g = atoi(argv[8]), b = atoi(argv[9]), tol = atoi(argv[10]);
		long n = 0;
		for (int y = y0; y < y1 && y < s->h; y++)
			for (int x = x0; x < x1 && x < s->w; x++) {
				const Uint8 *p = at(s, x, y);
				n += abs(p[0] - r) <= tol && abs(p[1] - g) <= tol &&
				     abs(p[2] - b) <= tol;
			}
		printf("%ld\n", n);
		SDL_FreeSurface(s);
		return 0;
	}
	if (argc == 4 && strcmp(argv[1], "same") == 0) {
		SDL_Surface *a = load(argv[2]), *b = load(argv[3]);
		int same = a->w == b->w && a->h == b->h;
		for (int y = 0; same && y < a->h; y++)
			same = memcmp(at(a, 0, y), at(b, 0, y), (size_t)a->w * 4) == 0;
		SDL_FreeSurface(a);
		SDL_FreeSurface(b);
		return same ? 0 : 1;
	}
	fprintf(stderr, "usage: shotprobe size|pixel|count|same ...\n");
	return 2;
}
