/* Accessibility rules that decide things, without SDL: the order the
 * keyboard focus goes through the controls, WCAG contrast, the reach zone
 * of a portrait screen, how long speech takes, and the few phrases the
 * speech output needs besides the module's own texts. */
#ifndef KIOSK_CORE_A11Y_H
#define KIOSK_CORE_A11Y_H

#include <stdbool.h>
#include <stdint.h>

struct a11y_rect {
	int x, y, w, h;
};

/* Reading order: rows from top to bottom (two controls share a row when
 * their heights overlap by half the smaller one), left to right in a row.
 * order[] receives the indexes of r[0..n-1]. */
void a11y_reading_order(const struct a11y_rect *r, int n, int *order);

/* WCAG 2.2 contrast ratio (1..21) of two 0xRRGGBBAA colours (alpha ignored). */
double a11y_contrast(uint32_t a, uint32_t b);
/* The colour seen when c (with its alpha) is drawn over the opaque bg. */
uint32_t a11y_blend(uint32_t c, uint32_t bg);
/* WCAG 2.2 AA for text of any size (1.4.3), and for the boundaries of
 * controls and other graphics (1.4.11). */
#define A11Y_TEXT_MIN     4.5
#define A11Y_GRAPHICS_MIN 3.0

/* The reach zone of a portrait screen. Assumed: a 55" 16:9 screen turned
 * upright (active area 1.21 m tall) on a floor stand with its lower edge
 * 0.72 m above the floor; nothing a person needs may be above 1.20 m, the
 * forward reach of a person in a wheelchair (ADA 308.2.1, EN 301 549
 * 8.3.2). So a needed control's centre lies in the lower 40 % of the
 * screen. */
#define A11Y_SCREEN_HEIGHT_M 1.21
#define A11Y_SCREEN_BOTTOM_M 0.72
#define A11Y_REACH_MAX_M     1.20
/* Lowest y (pixels from the top) of the reach zone on a screen h pixels tall. */
int a11y_reach_top(int h);
/* The control spanning [y, y+h) on a screen of screen_h pixels is in reach. */
bool a11y_in_reach(int y, int h, int screen_h);

/* How long text takes to say at the speech rate (words per minute), with
 * a margin: timers wait for it. */
enum { A11Y_SPEECH_WPM = 160 };
long long a11y_speech_ms(const char *utf8);

/* Phrases of the accessibility features, in French, English and German
 * (the languages the kiosk knows); English for any other. */
enum a11y_phrase {
	A11Y_READ_ALOUD,     /* the speech control's name */
	A11Y_SPEECH_ON,      /* said when speech starts */
	A11Y_SPEECH_OFF,     /* said when it stops */
	A11Y_DOUBLE_TAP,     /* after a control's name, with speech on */
	A11Y_HOLD_TO_LISTEN, /* attract: how to start speech without sight */
	A11Y_HIGH_CONTRAST,  /* the contrast control's name */
	A11Y_SELECTED,       /* a choice that was chosen */
	A11Y_DONE,           /* a chapter that is done */
	A11Y_ON,             /* the state of a toggle */
	A11Y_OFF,
	A11Y_VIDEO,       /* the video screen: "Vidéo" */
	A11Y_PLAYING,     /* its state when read */
	A11Y_PAUSED,      /* said when paused, and its state when read */
	A11Y_RESUMED,     /* said when it plays again */
	A11Y_ENDED,       /* said with the next screen when it ended */
	A11Y_CAPTIONS_ON, /* captions: their state, said when it changes */
	A11Y_CAPTIONS_OFF,
	A11Y_REWOUND,    /* "-10 s" in words: its name, and said after it */
	A11Y_RESTARTED,  /* said after "Recommencer" */
	A11Y_CONTROLS,   /* before the list of the video's controls */
	A11Y_SWIPE_LIST, /* over a list of chapters that scrolls */
	A11Y_DIGIT,      /* a key of the PIN pad: never its digit, heard by all */
	A11Y_PIN_HELP,   /* the PIN pad's help, said once as it opens */
	A11Y_PHRASE_COUNT
};
const char *a11y_phrase(enum a11y_phrase p, int lang);

#endif
