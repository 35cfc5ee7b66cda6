/* The floor: the smallest SDL2 + SDL2_ttf program that shows what the
 * kiosk's first frame shows at the least, one line of text on a full-screen
 * window made as the kiosk makes it. `make bench` compares the kiosk's
 * start-up time, memory and idle CPU to this.
 *   floor FONT_FILE [TEXT]
 * Prints "bench-trace first-frame T" (T: CLOCK_MONOTONIC in ms) on stderr
 * once the frame is presented, then waits for events until SIGTERM. */
#include <SDL.h>
#include <SDL_ttf.h>
#include <stdio.h>
#include <time.h>

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: floor FONT_FILE [TEXT]\n");
		return 2;
	}
	if (SDL_Init(SDL_INIT_VIDEO) != 0 || TTF_Init() != 0) {
		fprintf(stderr, "floor: %s\n", SDL_GetError());
		return 1;
	}
	SDL_Window *w =
	    SDL_CreateWindow("floor", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, 1920, 1080,
	                     SDL_WINDOW_SHOWN | SDL_WINDOW_ALLOW_HIGHDPI |
	                         SDL_WINDOW_FULLSCREEN_DESKTOP | SDL_WINDOW_BORDERLESS);
	SDL_Renderer *r = w ? SDL_CreateRenderer(w, -1, SDL_RENDERER_ACCELERATED) : NULL;
	if (w && !r)
		r = SDL_CreateRenderer(w, -1, SDL_RENDERER_SOFTWARE);
	TTF_Font *f = TTF_OpenFont(argv[1], 48);
	if (!r || !f) {
		fprintf(stderr, "floor: %s\n", SDL_GetError());
		return 1;
	}
	SDL_Surface *s = TTF_RenderUTF8_Blended(f, argc > 2 ? argv[2] : "Touchez pour commencer",
	                                        (SDL_Color){255, 255, 255, 255});
	SDL_Texture *t = s ? SDL_CreateTextureFromSurface(r, s) : NULL;
	int ww, wh;
	SDL_GetRendererOutputSize(r, &ww, &wh);
	SDL_SetRenderDrawColor(r, 0x1D, 0x35, 0x57, 0xFF);
	SDL_RenderClear(r);
	if (t)
		SDL_RenderCopy(r, t, NULL,
		               &(SDL_Rect){(ww - s->w) / 2, (wh - s->h) / 2, s->w, s->h});
	SDL_RenderPresent(r);
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	fprintf(stderr, "bench-trace first-frame %.3f\n", ts.tv_sec * 1e3 + ts.tv_nsec / 1e6);
	SDL_Event e;
	while (SDL_WaitEvent(&e)) {
		if (e.type == SDL_QUIT)
			break;
		if (e.type == SDL_WINDOWEVENT && e.window.event == SDL_WINDOWEVENT_EXPOSED) {
			SDL_RenderClear(r);
			if (t)
				SDL_RenderCopy(
				    r, t, NULL,
				    &(SDL_Rect){(ww - s->w) / 2, (wh - s->h) / 2, s->w, s->h});
			SDL_RenderPresent(r);
		}
	}
	return 0;
}
