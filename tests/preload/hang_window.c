/* LD_PRELOAD for tests/e2e/stop.sh: SDL_CreateWindow never returns, as with
 * SDL 2.26 on a Wayland connection whose compositor died while the window
 * was being made (it loops on the dead connection). Spins with a short
 * sleep so the test machine stays usable. */
#include <time.h>
#include <unistd.h>

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
	/* The test waits for this line, not for a guess of when it got here. */
	static const char here[] = "hang_window: inside SDL_CreateWindow\n";
	if (write(2, here, sizeof(here) - 1) < 0)
		return NULL;
	for (;;)
		nanosleep(&(struct timespec){0, 1000000}, NULL);
}
