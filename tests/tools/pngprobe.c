/* pngprobe FILE X Y          prints the pixel's "R G B"
 * pngprobe FILE X Y W H      prints "R G B white N bright N" over the
 *                            rectangle: the mean colour, how many pixels are
 *                            near white (text) and how many are bright.
 * Coordinates with a '.' are fractions of the image (0..1), else pixels.
 * For the shell tests, which check screenshots for colours and text. */
#include <SDL.h>
#include <SDL_image.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int coord(const char *s, int size)
{
	if (strchr(s, '.'))
		return (int)(atof(s) * size);
	return atoi(s);
}

int main(int argc, char **argv)
{
	if (argc != 4 && argc != 6) {
		fprintf(stderr, "usage: pngprobe FILE X Y [W H]\n");
		return 2;
	}
	SDL_Surface *raw = IMG_Load(argv[1]);
	if (!raw) {
		fprintf(stderr, "pngprobe: %s: %s\n", argv[1], IMG_GetError());
		return 1;
	}
	SDL_Surface *s = SDL_ConvertSurfaceFormat(raw, SDL_PIXELFORMAT_RGBA32, 0);
	SDL_FreeSurface(raw);
	if (!s) {
		fprintf(stderr, "pngprobe: %s\n", SDL_GetError());
		return 1;
	}
	int x = coord(argv[2], s->w), y = coord(argv[3], s->h);
	int w = argc == 6 ? coord(argv[4], s->w) : 1, h = argc == 6 ? coord(argv[5], s->h) : 1;
	if (x < 0 || y < 0 || w < 1 || h < 1 || x + w > s->w || y + h > s->h) {
		fprintf(stderr, "pngprobe: %d,%d %dx%d is outside the %dx%d image\n", x, y, w, h,
		        s->w, s->h);
		SDL_FreeSurface(s);
		return 2;
	}
	unsigned long long sum[3] = {0}, white = 0, bright = 0;
	for (int j = y; j < y + h; j++) {
		const Uint8 *row = (const Uint8 *)s->pixels + (size_t)j * (size_t)s->pitch;
		for (int i = x; i < x + w; i++) {
			const Uint8 *p = row + i * 4;
			for (int c = 0; c < 3; c++)
				sum[c] += p[c];
			white += p[0] > 220 && p[1] > 220 && p[2] > 220;
			bright += p[0] + p[1] + p[2] > 3 * 128;
		}
	}
	unsigned long long n = (unsigned long long)w * (unsigned long long)h;
	if (argc == 4)
		printf("%llu %llu %llu\n", sum[0], sum[1], sum[2]);
	else
		printf("%llu %llu %llu white %llu bright %llu\n", sum[0] / n, sum[1] / n,
		       sum[2] / n, white, bright);
	SDL_FreeSurface(s);
	return 0;
}
