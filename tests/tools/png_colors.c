/* png_colors FILE RRGGBB [TOLERANCE]: prints how many pixels of the PNG are
 * within TOLERANCE (default 24, per channel) of the colour, and how many are
 * not white. Used to check that a screenshot really shows the charts. */
#include <SDL.h>
#include <SDL_image.h>
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
	if (argc < 3) {
		fprintf(stderr, "usage: png_colors FILE RRGGBB [TOLERANCE]\n");
		return 2;
	}
	unsigned long want = strtoul(argv[2], NULL, 16);
	int tol = argc > 3 ? atoi(argv[3]) : 24;
	SDL_Surface *raw = IMG_Load(argv[1]);
	if (!raw) {
		fprintf(stderr, "png_colors: %s: %s\n", argv[1], IMG_GetError());
		return 1;
	}
	SDL_Surface *s = SDL_ConvertSurfaceFormat(raw, SDL_PIXELFORMAT_RGBA32, 0);
	SDL_FreeSurface(raw);
	if (!s) {
		fprintf(stderr, "png_colors: %s\n", SDL_GetError());
		return 1;
	}
	long match = 0, ink = 0;
	int wr = (int)(want >> 16 & 255), wg = (int)(want >> 8 & 255), wb = (int)(want & 255);
	for (int y = 0; y < s->h; y++) {
		const Uint8 *row = (const Uint8 *)s->pixels + (size_t)y * (size_t)s->pitch;
		for (int x = 0; x < s->w; x++) {
			int r = row[4 * x], g = row[4 * x + 1], b = row[4 * x + 2];
			if (abs(r - wr) <= tol && abs(g - wg) <= tol && abs(b - wb) <= tol)
				match++;
			if (r < 240 || g < 240 || b < 240)
				ink++;
		}
	}
	printf("%d %d %ld %ld\n", s->w, s->h, match, ink);
	SDL_FreeSurface(s);
	return 0;
}
