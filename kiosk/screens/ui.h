/* The look shared by all screens: colours, sizes, buttons, the header bar.
 * Drawing a control also declares it, so that taps (and the script's
 * `press LABEL`) find it where it was drawn. */
#ifndef KIOSK_SCREENS_UI_H
#define KIOSK_SCREENS_UI_H

#include "context/kiosk.h"
#include "platform/gfx.h"
#include "screens/screen.h"

#define COL_BG           RGBA(0xF6, 0xF4, 0xEF, 0xFF)
#define COL_INK          RGBA(0x1B, 0x1F, 0x2A, 0xFF)
#define COL_MUTED        RGBA(0x4A, 0x50, 0x5C, 0xFF)
#define COL_PRIMARY      RGBA(0x1D, 0x35, 0x57, 0xFF)
#define COL_PRIMARY_DOWN RGBA(0x10, 0x20, 0x38, 0xFF)
#define COL_ACCENT       RGBA(0xD6, 0x28, 0x39, 0xFF) /* white on it: 4.97:1 */
/* A card is white too, but not COL_WHITE: the high-contrast theme turns
 * cards black and keeps white marks (ticks, QR code) white. */
#define COL_CARD      RGBA(0xFE, 0xFE, 0xFE, 0xFF)
#define COL_CARD_DOWN RGBA(0xDD, 0xE4, 0xEE, 0xFF)
#define COL_LINE      RGBA(0xD5, 0xD9, 0xE0, 0xFF)
#define COL_RIGHT     RGBA(0x1E, 0x7B, 0x4F, 0xFF)
#define COL_RIGHT_BG  RGBA(0xDD, 0xF3, 0xE6, 0xFF)
#define COL_WRONG     RGBA(0xB0, 0x27, 0x1E, 0xFF)
#define COL_WRONG_BG  RGBA(0xFB, 0xE2, 0xDF, 0xFF)
#define COL_WHITE     RGBA(0xFF, 0xFF, 0xFF, 0xFF)
#define COL_TAGLINE   RGBA(0xE0, 0xE8, 0xF0, 0xFF) /* on COL_PRIMARY */

enum { UI_MAX_CONTROLS = 64, UI_LABEL = 160 };

/* A control declared by the last draw: what a tap at its place does. */
struct control {
	SDL_Rect r;
	char label[UI_LABEL];
	int action, arg;
	bool primary; /* the one thing to do next (BTN_ACCENT): where focus starts */
	bool secret;  /* a PIN key: speech never says its label */
	/* Declared in a part that scrolls (ui_scroll_begin): only what lies in
	 * view is seen and touched (ui_control_shown). w == 0: not scrolled. */
	SDL_Rect view;
};

/* Keyboard focus and speech output (screens/focus.c, screens/readout.c).
 * The focus names its control by what it does, as controls are declared
 * anew by each draw. */
struct a11y_state {
	bool focus_shown;   /* the focus ring is drawn */
	bool focus_touched; /* speech on: the focus came from a tap (the next activates) */
	bool focus_pending; /* choose where focus starts after the next draw */
	int focus_action, focus_arg;
	bool keys;           /* keys were used in this session */
	bool attract_tapped; /* speech on: the attract screen was tapped once */
	/* What speech read last, to read what changed. */
	bool said_speech;
	int said_screen, said_pos, said_chosen, said_lang, said_chapter;
	long long reading_until;
	/* The video screen (readout_video): are captions shown, is it paused,
	 * and what to say first on the next screen ("the video has ended"). */
	bool video_captions, video_paused, video_failed;
	int note; /* an a11y phrase + 1, 0 none */
};

/* Sizes of this frame, from the window size, DPI and text size. */
struct layout {
	int w, h;
	bool portrait;
	int text;      /* body text px */
	int small;     /* secondary text px */
	int title;     /* titles px */
	int touch;     /* minimum touch target px (10 mm or more) */
	int pad;       /* spacing px */
	int radius;    /* corner radius px */
	int header;    /* header bar height */
	int foot;      /* portrait: the bar at the bottom with back, language, A+,
	                  contrast and speech, in reach from a wheelchair; 0 landscape */
	SDL_Rect body; /* the area between the header and the bottom bar */
};

struct press {
	bool down;
	SDL_FingerID finger;
	bool mouse;
	int x0, y0, x, y;
	long long since;
	int control;     /* index in controls when it went down, -1 none */
	int action, arg; /* of that control, to recognise it after a redraw */
	bool dragging;
	bool long_done;
};

/* The UI frame state, owned by ui.c (k->ui): the sizes of this frame, the
 * controls the last draw declared, the finger or mouse down, and the focus
 * and speech state. The screens read it; anything above them goes through
 * the calls below (ui_lay, ui_controls, ui_forget). */
struct ui {
	struct layout lay;
	struct control controls[UI_MAX_CONTROLS];
	int n_controls;
	bool controls_full; /* a screen had more than UI_MAX_CONTROLS (logged once) */
	SDL_Rect clip;      /* while a scrolled part draws: its view (ui_scroll_begin) */
	bool redraw;        /* a scroll moved during the draw: draw once more (focus.c) */
	struct press press;
	bool swallow; /* the touch that woke the screen does nothing else (input.c) */
	struct a11y_state a11y;
};

struct ui *ui_create(void);
void ui_destroy(struct ui *ui);
/* A new screen or a new window: no control, no finger down. */
void ui_forget(struct kiosk *k);
/* What the last draw laid out and declared (for check/ and headless/). */
const struct layout *ui_lay(const struct kiosk *k);
int ui_n_controls(const struct kiosk *k);
const struct control *ui_control(const struct kiosk *k, int i); /* 0 <= i < ui_n_controls */

/* Actions every screen shares; a screen's own start at ACT_SCREEN. */
enum {
	ACT_NONE = 0,
	ACT_BACK,
	ACT_LANGUAGE_MENU,
	ACT_TEXT_SIZE,
	ACT_SPEECH,   /* read aloud on/off: every screen, same place */
	ACT_CONTRAST, /* high contrast on/off */
	ACT_SCREEN = 100,
};

enum button_style {
	BTN_PRIMARY, /* filled dark blue, white text */
	BTN_ACCENT,  /* filled red: the one thing to do next */
	BTN_CARD,    /* white card, dark text */
	BTN_GHOST,   /* outlined, for the header */
	BTN_RIGHT,   /* a quiz choice shown right */
	BTN_WRONG,   /* a quiz choice shown wrong */
	BTN_DISABLED,
};

/* The high-contrast theme (screens/theme.c): black, white and yellow. */
extern const struct gfx_theme ui_high_contrast;
/* Every text colour on every background the screens draw, named, for the
 * contrast test (tests/unit/test_theme.c). */
struct ui_pair {
	const char *what;
	Uint32 text, bg;
};
extern const struct ui_pair ui_pairs[];
extern const int ui_n_pairs;

void ui_layout(struct kiosk *k);
void ui_begin(struct kiosk *k); /* clear controls, start a frame */
/* A button with its label centred (wrapped if needed); returns its index. */
int ui_button(struct kiosk *k, SDL_Rect r, const char *label, enum button_style st, int action,
              int arg);
/* A touchable area drawn by the caller (label is what `press` matches). */
int ui_area(struct kiosk *k, SDL_Rect r, const char *label, int action, int arg);
bool ui_is_pressed(const struct kiosk *k, int control);
/* Height a button needs for this label at width w. */
int ui_button_height(struct kiosk *k, const char *label, int w);
/* The header bar: back, title, language, text size. */
void ui_header(struct kiosk *k, const char *title, bool with_back);
/* Replace {n}, {total}, {score}, {pass} in a UI text. */
void ui_format(char *out, size_t len, const char *tmpl, int n, int total);
/* A tick mark in a circle (chapter done). */
void ui_tick(struct kiosk *k, int cx, int cy, int r, Uint32 bg);
/* --check: log a text that would not fit its box (a word wider than it, or
 * taller than it), or content that runs below `limit`. No-ops otherwise. */
void ui_check_fit(struct kiosk *k, const char *text, int size, bool bold, SDL_Rect box);
void ui_check_bottom(struct kiosk *k, const char *text, int bottom, int limit);
void ui_progress(struct kiosk *k, SDL_Rect r, int done, int total);
/* The top of the reach zone on a portrait screen (core/a11y.h), in pixels. */
int ui_reach_top(const struct kiosk *k);
/* Where the speech control is: the same place on every screen. */
SDL_Rect ui_speech_rect(const struct kiosk *k);
/* Controls every screen shares (back, language, A+, contrast, speech). */
bool ui_is_chrome(int action);

/* The campaign's motif (screens/attract.c): five linked dots of size r
 * around (cx, cy). It spans MOTIF_W × MOTIF_H times r, its top MOTIF_TOP × r
 * above cy. */
enum { MOTIF_W = 24, MOTIF_H = 9, MOTIF_TOP = 5 };
void ui_motif(struct kiosk *k, int cx, int cy, int r);
/* A banner in the campaign's colours (attract.c): the motif over centred
 * lines, in r; optional lines go first when they do not fit, then the
 * motif shrinks or goes. A line with progress_total > 0 has a progress
 * bar under it. Nothing in it is a control. */
enum { UI_BANNER_MAX = 8 };
struct ui_banner_line {
	const char *text;
	int size;
	bool bold, optional;
	Uint32 colour;
	int progress_done, progress_total;
};
void ui_banner(struct kiosk *k, SDL_Rect r, const struct ui_banner_line *lines, int n);

/* The home screen's orientation: what is ahead, "7 chapitres, puis un quiz
 * final de 8 questions" (ui.overview), and the time, "Environ 10 minutes"
 * (ui.duration, core/budget.h); "" for what the module does not give.
 * Both buffers len bytes. */
void ui_home_overview(const struct kiosk *k, char *what, char *time, size_t len);

/* The result's two lines (screens/result.c): the verdict, "Quiz réussi"
 * or "Pas encore : il faut 6 bonnes réponses sur 8", and the score, "7
 * bonnes réponses sur 8" ({score}: the percent, older modules). The
 * chapters to revisit after a failed quiz, "Chapitre 3 : Un compte ou
 * deux ?", up to max lines of len bytes; returns how many. */
void ui_result_lines(const struct kiosk *k, char *verdict, char *score, size_t len);
unsigned ui_result_revisit(const struct kiosk *k, char (*lines)[UI_LABEL], unsigned max);

/* A part of the screen that scrolls (screens/scroll.c): between begin and
 * end, drawing is clipped to view and the controls declared are seen and
 * touched only there. begin returns where the content starts (y); end
 * takes the content's height from there, and draws the scroll thumb and
 * the fades that say there is more. The screen's scroll op calls by. */
struct ui_scroll {
	int scroll, max;
	SDL_Rect view;
};
int ui_scroll_begin(struct kiosk *k, struct ui_scroll *s, SDL_Rect view);
void ui_scroll_end(struct kiosk *k, struct ui_scroll *s, int content);
void ui_scroll_by(struct ui_scroll *s, int dy);
/* A screen whose only private state is its scroll (chapter, result, home):
 * k->view is a struct ui_scroll, made by enter, freed by leave. */
void ui_scroll_enter(struct kiosk *k);
void ui_scroll_leave(struct kiosk *k);
void ui_scroll_screen(struct kiosk *k, int dy);
/* The part of a control that is in view (all of it if not scrolled). */
SDL_Rect ui_control_shown(const struct control *c);
/* Where a control is once scrolled into view (the reach check). */
SDL_Rect ui_control_revealed(const struct kiosk *k, const struct control *c);
/* Scroll control i into view (the focus, a script's press); true if it
 * moved (then the screen must be drawn again). */
bool ui_reveal(struct kiosk *k, int i);

#endif
