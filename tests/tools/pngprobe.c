/* pngprobe: what the shell tests look at in screenshots. Coordinates with a
 * '.' are fractions of the image (0..1), else pixels.
 *   pngprobe size FILE                       -> "W H"
 *   pngprobe pixel FILE X Y                  -> "R G B"
 *   pngprobe box FILE X Y W H                -> "R G B white N bright N": mean
 *                                              colour, near-white (text) and
 *                                              bright pixels in the rectangle
 *   pngprobe count FILE X0 Y0 X1 Y1 R G B TOL -> pixels of [X0,X1)x[Y0,Y1)
 *                                              within TOL of R G B
 *   pngprobe colors FILE RRGGBB [TOL]        -> "W H match ink": pixels within
 *                                              TOL (24) of the colour, and
 *                                              pixels that are not white
 *   pngprobe same A B                        -> exit 0 if pixel-identical
 * Exit 2 on bad usage or coordinates, 1 if a file cannot be read. */
#include <SDL.h>
#include <SDL_image.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static SDL_Surface *load(const char *file)
{
	SDL_Surface *raw = IMG_Load(file);
	if (!raw) {
		fprintf(stderr, "pngprobe: %s: %s\n", file, IMG_GetError());
		exit(1);
	}
	SDL_Surface *s = SDL_ConvertSurfaceFormat(raw, SDL_PIXELFORMAT_RGBA32, 0);
	SDL_FreeSurface(raw);
	if (!s) {
		fprintf(stderr, "pngprobe: %s\n", SDL_GetError());
		exit(1);
	}
	return s;
}

static const Uint8 *at(const SDL_Surface *s, int x, int y)
{
	return (const Uint8 *)s->pixels + (size_t)y * (size_t)s->pitch + (size_t)x * 4;
}

static int coord(const char *v, int size)
{
	return strchr(v, '.') ? (int)(atof(v) * size) : atoi(v);
}

static int outside(const SDL_Surface *s, int x, int y, int w, int h)
{
	if (x >= 0 && y >= 0 && w >= 1 && h >= 1 && x + w <= s->w && y + h <= s->h)
		return 0;
	fprintf(stderr, "pngprobe: %d,%d %dx%d is outside the %dx%d image\n", x, y, w, h, s->w,
	        s->h);
	return 1;
}

static int box(const SDL_Surface *s, int x, int y, int w, int h, int mean_only)
{
	if (outside(s, x, y, w, h))
		return 2;
	unsigned long long sum[3] = {0}, white = 0, bright = 0;
	for (int j = y; j < y + h; j++)
		for (int i = x; i < x + w; i++) {
			const Uint8 *p = at(s, i, j);
			for (int c = 0; c < 3; c++)
				sum[c] += p[c];
			white += p[0] > 220 && p[1] > 220 && p[2] > 220;
			bright += p[0] + p[1] + p[2] > 3 * 128;
		}
	unsigned long long n = (unsigned long long)w * (unsigned long long)h;
	if (mean_only)
		printf("%llu %llu %llu\n", sum[0] / n, sum[1] / n, sum[2] / n);
	else
		printf("%llu %llu %llu white %llu bright %llu\n", sum[0] / n, sum[1] / n,
		       sum[2] / n, white, bright);
	return 0;
}

static long near(const SDL_Surface *s, int x0, int y0, int x1, int y1, int r, int g, int b, int tol,
                 long *ink)
{
	long n = 0;
	for (int y = y0 < 0 ? 0 : y0; y < y1 && y < s->h; y++)
		for (int x = x0 < 0 ? 0 : x0; x < x1 && x < s->w; x++) {
			const Uint8 *p = at(s, x, y);
			n += abs(p[0] - r) <= tol && abs(p[1] - g) <= tol && abs(p[2] - b) <= tol;
			if (ink)
				*ink += p[0] < 240 || p[1] < 240 || p[2] < 240;
		}
	return n;
}

static int same(const char *a_file, const char *b_file)
{
	SDL_Surface *a = load(a_file), *b = load(b_file);
	int ok = a->w == b->w && a->h == b->h;
	for (int y = 0; ok && y < a->h; y++)
		ok = memcmp(at(a, 0, y), at(b, 0, y), (size_t)a->w * 4) == 0;
	SDL_FreeSurface(a);
	SDL_FreeSurface(b);
	return ok ? 0 : 1;
}

int main(int argc, char **argv)
{
	const char *cmd = argc > 2 ? argv[1] : "";
	if (strcmp(cmd, "same") == 0 && argc == 4)
		return same(argv[2], argv[3]);
	SDL_Surface *s = argc > 2 ? load(argv[2]) : NULL;
	int rc = 0;
	if (strcmp(cmd, "size") == 0 && argc == 3) {
		printf("%d %d\n", s->w, s->h);
	} else if (strcmp(cmd, "pixel") == 0 && argc == 5) {
		rc = box(s, coord(argv[3], s->w), coord(argv[4], s->h), 1, 1, 1);
	} else if (strcmp(cmd, "box") == 0 && argc == 7) {
		rc = box(s, coord(argv[3], s->w), coord(argv[4], s->h), coord(argv[5], s->w),
		         coord(argv[6], s->h), 0);
	} else if (strcmp(cmd, "count") == 0 && argc == 11) {
		printf("%ld\n",
		       near(s, (int)(atof(argv[3]) * s->w), (int)(atof(argv[4]) * s->h),
		            (int)(atof(argv[5]) * s->w), (int)(atof(argv[6]) * s->h), atoi(argv[7]),
		            atoi(argv[8]), atoi(argv[9]), atoi(argv[10]), NULL));
	} else if (strcmp(cmd, "colors") == 0 && (argc == 4 || argc == 5)) {
		unsigned long c = strtoul(argv[3], NULL, 16);
		long ink = 0;
		long match = near(s, 0, 0, s->w, s->h, (int)(c >> 16 & 255), (int)(c >> 8 & 255),
		                  (int)(c & 255), argc == 5 ? atoi(argv[4]) : 24, &ink);
		printf("%d %d %ld %ld\n", s->w, s->h, match, ink);
	} else {
		fprintf(stderr, "usage: pngprobe size|pixel|box|count|colors|same FILE... "
		                "(see tests/tools/pngprobe.c)\n");
		rc = 2;
	}
	if (s)
		SDL_FreeSurface(s);
	return rc;
}
