/* LD_PRELOAD for tests/e2e/stop.sh: SDL_CreateWindow never returns, as with
 * SDL 2.26 on a Wayland connection whose compositor died while the window
 * was being made (it loops on the dead connection). Spins with a short
 * sleep so the test machine stays usable. */
#include <time.h>

typedef struct SDL_Window SDL_Window;

SDL_Window *SDL_CreateWindow(const char *title, int x, int y, int w, int h, unsigned flags);

SDL_Window *SDL_CreateWindow(const char *title, int x, int y, int w, int h, unsigned flags)
{
	(void)title;
	(void)x;
	(void)y;
	(void)w;
	(void)h;
	(void)flags;
	for (;;)
		nanosleep(&(struct timespec){0, 1000000}, NULL);
}
