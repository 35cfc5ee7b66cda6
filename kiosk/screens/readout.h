/* What speech reads: each screen's title, text, key points, question and
 * choices, feedback and result, in the session's language; the control
 * the focus is on; and what just changed. */
#ifndef KIOSK_SCREENS_READOUT_H
#define KIOSK_SCREENS_READOUT_H

#include <stdbool.h>

struct kiosk;

/* Speech on or off (the speech control, the long press on attract). */
void readout_toggle(struct kiosk *k);
/* Read the whole screen again. */
void readout_screen(struct kiosk *k);
/* Say control i (by_touch: and that a double tap activates it). */
void readout_control(struct kiosk *k, int i, bool by_touch);
/* Speech on: the attract screen was tapped once; say what a second does. */
void readout_attract_tap(struct kiosk *k);
/* The video screen tells what happened to it, to be said (or, for
 * READOUT_VIDEO_OPEN, only noted: the screen is read as it opens). */
enum readout_video {
	READOUT_VIDEO_OPEN,   /* captions as the settings say, playing */
	READOUT_VIDEO_PAUSED, /* by its control */
	READOUT_VIDEO_RESUMED,
	READOUT_VIDEO_REWOUND,
	READOUT_VIDEO_RESTARTED,
	READOUT_VIDEO_CAPTIONS, /* captions turned on or off */
	READOUT_VIDEO_VOLUME,
	READOUT_VIDEO_ENDED, /* said before the next screen is read */
	READOUT_VIDEO_FAILED,
};
void readout_video(struct kiosk *k, enum readout_video what, bool captions);
/* Once per loop pass: read a new screen, a new question, the feedback. */
void readout_follow(struct kiosk *k);

#endif
