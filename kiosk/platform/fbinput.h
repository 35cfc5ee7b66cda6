/* Input where the kiosk draws on a bare framebuffer (KIOSK_FBDEV): there
 * SDL draws offscreen and reads no device, so libinput (the library cage's
 * wlroots uses) reads the touchscreens, pointers and keyboards of seat0,
 * hot-plugged ones included, in a thread of its own, and each touch, click
 * and key becomes the SDL event the screens already take (SDL_FINGER*,
 * SDL_MOUSE*, SDL_KEYDOWN), pushed on SDL's queue. */
#ifndef KIOSK_PLATFORM_FBINPUT_H
#define KIOSK_PLATFORM_FBINPUT_H

struct fbinput;

/* Starts reading; W x H is the screen (pointer positions are clamped to
 * it). NULL on error (logged with libinput's or udev's reason). */
struct fbinput *fbinput_start(int w, int h);
void fbinput_stop(struct fbinput *in);

#endif
