/* out-of-order: the settings or the module are broken. A calm trilingual
 * message instead of a crash loop; the problems are in the log. Run by the
 * one loop like any screen, with no control and no session. */
#include "screens/ui.h"

static const char *const lines[] = {
    "Borne momentanément indisponible",
    "Merci de prévenir l'équipe d'accueil.",
    "This kiosk is out of order for a moment. Please tell the welcome team.",
    "Dieses Terminal ist kurz außer Betrieb. Bitte sagen Sie dem Empfangsteam Bescheid.",
};

static void draw(struct kiosk *k)
{
	int w = k->ui->lay.w, h = k->ui->lay.h;
	int side = w < h ? w : h;
	int text = side / 30 > 18 ? side / 30 : 18;
	gfx_clear(k->gfx, COL_PRIMARY);
	int y = h / 3;
	for (size_t i = 0; i < sizeof(lines) / sizeof(lines[0]); i++) {
		int size = i == 0 ? text * 8 / 5 : i == 1 ? text : text * 4 / 5;
		y += gfx_draw_text(k->gfx, lines[i], size, i == 0,
		                   (SDL_Rect){w / 10, y, w * 8 / 10, 0}, ALIGN_CENTER,
		                   i < 2 ? COL_WHITE : RGBA(0xC8, 0xD3, 0xE0, 0xFF));
		y += text / 2 + (i == 0 ? text : 0);
	}
}

const struct screen_ops screen_out_of_order = {.draw = draw};
