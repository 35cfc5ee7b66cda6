#include "core/a11y.h"

#include <math.h>

#include "core/content.h"

static int center(const struct a11y_rect *r)
{
	return r->y + r->h / 2;
}

/* a comes before b in reading order. */
static bool before(const struct a11y_rect *a, const struct a11y_rect *b)
{
	int top = a->y > b->y ? a->y : b->y;
	int bottom = a->y + a->h < b->y + b->h ? a->y + a->h : b->y + b->h;
	int smaller = a->h < b->h ? a->h : b->h;
	if (bottom - top >= smaller / 2 && smaller > 0)
		return a->x < b->x; /* same row */
	return center(a) < center(b);
}

void a11y_reading_order(const struct a11y_rect *r, int n, int *order)
{
	/* Insertion sort: stable, and a few dozen controls at most. */
	for (int i = 0; i < n; i++) {
		int j = i;
		while (j > 0 && before(&r[i], &r[order[j - 1]])) {
			order[j] = order[j - 1];
			j--;
		}
		order[j] = i;
	}
}

static double channel(unsigned v)
{
	double c = v / 255.0;
	return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4);
}

static double luminance(uint32_t c)
{
	return 0.2126 * channel(c >> 24) + 0.7152 * channel((c >> 16) & 255) +
	       0.0722 * channel((c >> 8) & 255);
}

double a11y_contrast(uint32_t a, uint32_t b)
{
	double la = luminance(a), lb = luminance(b);
	return la > lb ? (la + 0.05) / (lb + 0.05) : (lb + 0.05) / (la + 0.05);
}

uint32_t a11y_blend(uint32_t c, uint32_t bg)
{
	unsigned a = c & 255;
	uint32_t out = 0xFF;
	for (int shift = 8; shift <= 24; shift += 8) {
		unsigned fc = (c >> shift) & 255, bc = (bg >> shift) & 255;
		out |= (uint32_t)((fc * a + bc * (255 - a) + 127) / 255) << shift;
	}
	return out;
}

int a11y_reach_top(int h)
{
	double above = (A11Y_REACH_MAX_M - A11Y_SCREEN_BOTTOM_M) / A11Y_SCREEN_HEIGHT_M;
	return (int)ceil(h * (1.0 - above));
}

bool a11y_in_reach(int y, int h, int screen_h)
{
	return y + h / 2 >= a11y_reach_top(screen_h);
}

long long a11y_speech_ms(const char *s)
{
	long long words = 0, pauses = 0;
	bool in_word = false;
	for (; s && *s; s++) {
		bool space = *s == ' ' || *s == '\n' || *s == '\t';
		if (!space && !in_word)
			words++;
		in_word = !space;
		pauses += *s == '.' || *s == ',' || *s == '?' || *s == '!' || *s == ':';
	}
	return words * 60000 / A11Y_SPEECH_WPM + pauses * 250 + 500;
}

static const char *const phrases[A11Y_PHRASE_COUNT][LANG_MAX] = {
    [A11Y_READ_ALOUD] = {"Lecture à voix haute", "Read aloud", "Vorlesen"},
    [A11Y_SPEECH_ON] = {"Lecture à voix haute activée. Tab et les flèches pour se déplacer, "
                        "Entrée pour choisir, Échap pour revenir.",
                        "Read aloud is on. Tab and the arrow keys move, Enter chooses, "
                        "Escape goes back.",
                        "Vorlesen ist an. Tab und die Pfeiltasten bewegen, Eingabe wählt, "
                        "Escape geht zurück."},
    [A11Y_SPEECH_OFF] = {"Lecture à voix haute désactivée.", "Read aloud is off.",
                         "Vorlesen ist aus."},
    [A11Y_DOUBLE_TAP] = {"Touchez deux fois pour activer.", "Double tap to activate.",
                         "Zum Aktivieren zweimal tippen."},
    [A11Y_HOLD_TO_LISTEN] = {"Pour entendre l’écran, gardez le doigt deux secondes sur "
                             "l’écran.",
                             "To hear the screen, keep a finger on it for two seconds.",
                             "Zum Vorlesen den Finger zwei Sekunden auf dem Bildschirm "
                             "lassen."},
    [A11Y_HIGH_CONTRAST] = {"Contraste élevé", "High contrast", "Hoher Kontrast"},
    [A11Y_SELECTED] = {"choisie", "chosen", "gewählt"},
    [A11Y_DONE] = {"terminé", "done", "erledigt"},
    [A11Y_ON] = {"activé", "on", "an"},
    [A11Y_OFF] = {"désactivé", "off", "aus"},
    [A11Y_VIDEO] = {"Vidéo", "Video", "Video"},
    [A11Y_PLAYING] = {"Lecture en cours.", "Playing.", "Das Video läuft."},
    [A11Y_PAUSED] = {"En pause.", "Paused.", "Angehalten."},
    [A11Y_RESUMED] = {"Lecture reprise.", "Playing again.", "Das Video läuft weiter."},
    [A11Y_ENDED] = {"Vidéo terminée.", "The video has ended.", "Das Video ist zu Ende."},
    [A11Y_CAPTIONS_ON] = {"Sous-titres activés.", "Captions on.", "Untertitel an."},
    [A11Y_CAPTIONS_OFF] = {"Sous-titres désactivés.", "Captions off.", "Untertitel aus."},
    [A11Y_REWOUND] = {"Dix secondes en arrière", "Back ten seconds", "Zehn Sekunden zurück"},
    [A11Y_RESTARTED] = {"Depuis le début.", "From the start.", "Von vorn."},
    [A11Y_CONTROLS] = {"Commandes", "Controls", "Bedienelemente"},
    [A11Y_SWIPE_LIST] = {"Faites glisser la liste pour voir tous les chapitres.",
                         "Swipe the list to see every chapter.",
                         "Wischen Sie über die Liste, um alle Kapitel zu sehen."},
    [A11Y_DIGIT] = {"chiffre", "digit", "Ziffer"},
    [A11Y_PIN_HELP] = {"Les chiffres ne sont pas dits à voix haute : chaque touche se dit "
                       "« chiffre ». Touchez deux fois une touche pour la taper.",
                       "Digits are not read aloud: each key says « digit ». Double tap a "
                       "key to type it.",
                       "Ziffern werden nicht vorgelesen: jede Taste sagt « Ziffer ». Zum "
                       "Eingeben eine Taste zweimal tippen."},
};

const char *a11y_phrase(enum a11y_phrase p, int lang)
{
	if (p < 0 || p >= A11Y_PHRASE_COUNT)
		return "";
	if (lang < 0 || lang >= LANG_MAX)
		lang = LANG_EN;
	return phrases[p][lang];
}
