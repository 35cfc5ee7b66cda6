#include "maintenance.h"

#include <stdio.h>

#include "platform/gfx.h"
#include "platform/notify.h"
#include "screens/ui.h"

static const char *const lines[] = {
    "Borne momentanément indisponible",
    "Merci de prévenir l'équipe d'accueil.",
    "This kiosk is out of order for a moment. Please tell the welcome team.",
    "Dieses Terminal ist kurz außer Betrieb. Bitte sagen Sie dem Empfangsteam Bescheid.",
};

static void draw(struct kiosk *k)
{
	int w, h;
	gfx_size(k->gfx, &w, &h);
	int side = w < h ? w : h;
	int text = side / 30 > 18 ? side / 30 : 18;
	gfx_frame_begin(k->gfx);
	gfx_clear(k->gfx, COL_PRIMARY);
	int y = h / 3;
	for (size_t i = 0; i < sizeof(lines) / sizeof(lines[0]); i++) {
		int size = i == 0 ? text * 8 / 5 : i == 1 ? text : text * 4 / 5;
		y += gfx_draw_text(k->gfx, lines[i], size, i == 0,
		                   (SDL_Rect){w / 10, y, w * 8 / 10, 0}, ALIGN_CENTER,
		                   i < 2 ? COL_WHITE : RGBA(0xC8, 0xD3, 0xE0, 0xFF));
		y += text / 2 + (i == 0 ? text : 0);
	}
	gfx_present(k->gfx);
}

int maintenance_run(struct kiosk *k)
{
	fprintf(stderr, "<3>kiosk: showing the out-of-order screen until the problems above "
	                "are fixed (check with: kiosk --check)\n");
	bool running = true;
	bool dirty = true;
	while (running && !kiosk_stop_signal) {
		if (dirty) {
			gfx_update_size(k->gfx);
			draw(k);
			notify_ready(k->notify);
			dirty = false;
		}
		notify_tick(k->notify, SDL_GetTicks64());
		SDL_Event e;
		if (!SDL_WaitEventTimeout(&e, 250))
			continue;
		if (e.type == SDL_WINDOWEVENT)
			dirty = true;
		else if (!k->kiosk_mode &&
		         (e.type == SDL_QUIT ||
		          (e.type == SDL_KEYDOWN && e.key.keysym.sym == SDLK_ESCAPE)))
			running = false;
	}
	notify_stopping(k->notify);
	return 0;
}
