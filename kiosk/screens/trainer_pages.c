/* The trainer screen's pages: see trainer_pages.h. French only, as the
 * trainer screen. Every control is at least the touch size, most much
 * larger. */
#include "screens/trainer_pages.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/statvfs.h>

#include "context/player_life.h"
#include "core/log.h"
#include "trainer/trainer_day.h"
#include "trainer/usb_export.h"
#include "platform/player.h"
#include "platform/store.h"
#include "platform/store_day.h"
#include "screens/ui.h"

enum page {
	P_TODAY,
	P_DETAIL, /* per chapter and per question */
	P_QR,
	P_KIOSK,
	P_SETTINGS,
	P_LABELS,
	P_VIDEO,
	P_EXPORT,
	P_RESTART,
};

enum {
	ACT_PAGE = ACT_SCREEN + 200, /* arg: enum page */
	ACT_SLEEP,
	ACT_CLOSE,
	ACT_RESTART_NOW,
	ACT_VOLUME, /* arg: -1 or +1 */
	ACT_LARGE,  /* arg: 0 or 1 */
	ACT_LABEL,  /* arg: index in day_labels, -1 none */
	ACT_EXPORT, /* arg: enum usb_export_span */
};

struct pages_view {
	enum page page;
	struct trainer_stats stats; /* read once, when the trainer screen opens */
	char message[512];
	bool message_ok;
	bool video_open;
	char video_state[200];
};

static struct pages_view *view(struct kiosk *k)
{
	return k->view;
}

void trainer_pages_enter(struct kiosk *k)
{
	k->view = calloc(1, sizeof(struct pages_view));
	kiosk_day_sync(k);
	if (k->view)
		trainer_stats_load(k, &view(k)->stats);
}

struct trainer_stats *trainer_pages_stats(struct kiosk *k)
{
	return k->view ? &view(k)->stats : NULL;
}

void trainer_pages_scroll(struct kiosk *k, int dy)
{
	struct pages_view *v = view(k);
	if (v && v->page == P_DETAIL)
		ui_scroll_by(&v->stats.scroll, dy);
}

static void close_video(struct kiosk *k)
{
	struct pages_view *v = view(k);
	if (v && v->video_open && k->player) {
		player_close(k->player);
		v->video_open = false;
		k->realtime = false;
	}
}

void trainer_pages_leave(struct kiosk *k)
{
	close_video(k);
	free(k->view);
	k->view = NULL;
}

/* Landscape: the page bar is a column on the left; portrait: two rows at
 * the bottom. The page is drawn in the rest (k->ui->lay.body, narrowed for the
 * frame by trainer_pages_draw). */
static int sidebar_w(const struct layout *l)
{
	int w = l->w / 5;
	return w < l->touch * 3 ? l->touch * 3 : w;
}

static int bar_h(const struct layout *l)
{
	return 2 * (l->touch * 3 / 2) + l->pad / 2 + 2 * l->pad;
}

int trainer_pages_bottom(struct kiosk *k)
{
	return k->ui->lay.body.y + k->ui->lay.body.h;
}

static void narrow_body(struct kiosk *k)
{
	struct layout *l = &k->ui->lay;
	int top = l->header + l->pad;
	if (l->portrait)
		l->body = (SDL_Rect){l->pad, top, l->w - 2 * l->pad, l->h - top - bar_h(l)};
	else
		l->body = (SDL_Rect){sidebar_w(l) + 2 * l->pad, top,
		                     l->w - sidebar_w(l) - 3 * l->pad, l->h - top - l->pad};
}

/* A page-bar button: its label in the smaller size, so that the longest
 * (« Redémarrer le programme ») fits in two lines even with large text. */
static void nav_button(struct kiosk *k, SDL_Rect r, const char *label, enum button_style st,
                       int action, int arg)
{
	struct layout *l = &k->ui->lay;
	int id = ui_area(k, r, label, action, arg);
	bool down = ui_is_pressed(k, id);
	Uint32 bg = st == BTN_PRIMARY  ? (down ? COL_PRIMARY_DOWN : COL_PRIMARY)
	            : st == BTN_ACCENT ? (down ? COL_PRIMARY_DOWN : COL_ACCENT)
	                               : (down ? COL_CARD_DOWN : COL_CARD);
	if (st == BTN_CARD)
		gfx_round(k->gfx, r, l->radius, COL_LINE);
	gfx_round(k->gfx, st == BTN_CARD ? (SDL_Rect){r.x + 2, r.y + 2, r.w - 4, r.h - 4} : r,
	          l->radius, bg);
	int size = l->small, wrap = r.w - l->pad;
	int th = gfx_text_height(k->gfx, label, size, true, wrap);
	gfx_draw_text(k->gfx, label, size, true,
	              (SDL_Rect){r.x + l->pad / 2, r.y + (r.h - th) / 2, wrap, 0}, ALIGN_CENTER,
	              st == BTN_CARD ? COL_INK : COL_WHITE);
}

void trainer_pages_nav(struct kiosk *k)
{
	struct layout *l = &k->ui->lay;
	struct pages_view *v = view(k);
	enum page cur = v ? v->page : P_TODAY;
	static const struct {
		const char *label;
		int action, arg;
	} nav[] = {
	    {"Aujourd'hui", ACT_PAGE, P_TODAY},
	    {"Borne", ACT_PAGE, P_KIOSK},
	    {"Réglages du jour", ACT_PAGE, P_SETTINGS},
	    {"Exporter", ACT_PAGE, P_EXPORT},
	    {"Mettre en veille", ACT_SLEEP, 0},
	    {"Redémarrer le programme", ACT_PAGE, P_RESTART},
	    {"Fermer", ACT_CLOSE, 0},
	};
	int n = (int)(sizeof nav / sizeof nav[0]);
	int gap = l->pad / 2, bw, bh;
	SDL_Rect area;
	if (l->portrait) {
		bh = l->touch * 3 / 2;
		bw = (l->w - 2 * l->pad - 3 * gap) / 4;
		area = (SDL_Rect){0, l->h - bar_h(l), l->w, bar_h(l)};
	} else {
		int top = l->header + l->pad / 2;
		bw = sidebar_w(l);
		bh = (l->h - top - l->pad - (n - 1) * gap) / n;
		area = (SDL_Rect){0, l->header, sidebar_w(l) + l->pad * 3 / 2, l->h - l->header};
	}
	gfx_fill(k->gfx, area, RGBA(0xE8, 0xEB, 0xF0, 0xFF));
	for (int i = 0; i < n; i++) {
		SDL_Rect r = l->portrait
		                 ? (SDL_Rect){l->pad + (i % 4) * (bw + gap),
		                              area.y + l->pad + (i / 4) * (bh + gap), bw, bh}
		                 : (SDL_Rect){l->pad / 2 + 2,
		                              l->header + l->pad / 2 + i * (bh + gap), bw, bh};
		bool here = nav[i].action == ACT_PAGE &&
		            ((enum page)nav[i].arg == cur ||
		             (nav[i].arg == P_TODAY && (cur == P_DETAIL || cur == P_QR)) ||
		             (nav[i].arg == P_SETTINGS && (cur == P_LABELS || cur == P_VIDEO)));
		nav_button(k, r, nav[i].label,
		           here                         ? BTN_PRIMARY
		           : nav[i].action == ACT_CLOSE ? BTN_ACCENT
		                                        : BTN_CARD,
		           nav[i].action, nav[i].arg);
	}
	if (cur == P_TODAY) {
		/* The day in more detail, and to take away. */
		int w = (l->body.w - gap) / 2, h = l->touch * 3 / 2;
		int y = l->body.y + l->body.h - h;
		ui_button(k, (SDL_Rect){l->body.x, y, w, h}, "Questions et chapitres", BTN_PRIMARY,
		          ACT_PAGE, P_DETAIL);
		ui_button(k, (SDL_Rect){l->body.x + w + gap, y, w, h}, "QR du jour", BTN_PRIMARY,
		          ACT_PAGE, P_QR);
	}
}

static int row(struct kiosk *k, int y, const char *name, const char *value, Uint32 col)
{
	struct layout *l = &k->ui->lay;
	int third = l->body.w * 2 / 5;
	int h1 =
	    gfx_draw_text(k->gfx, name, l->text, false,
	                  (SDL_Rect){l->body.x, y, third - l->pad / 2, 0}, ALIGN_LEFT, COL_MUTED);
	int h2 =
	    gfx_draw_text(k->gfx, value, l->text, true,
	                  (SDL_Rect){l->body.x + third, y, l->body.w - third, 0}, ALIGN_LEFT, col);
	return (h1 > h2 ? h1 : h2) + l->pad / 2;
}

const char *trainer_pages_label_text(const struct kiosk *k)
{
	for (unsigned i = 0; i < k->settings.n_day_labels; i++)
		if (strcmp(k->settings.day_labels[i].id, k->tday.label) == 0)
			return k->settings.day_labels[i].text;
	return NULL;
}

static void format_hours(const struct kiosk *k, char *out, size_t n)
{
	static const char *const days[] = {"lun", "mar", "mer", "jeu", "ven", "sam", "dim"};
	if (!k->settings.has_hours) {
		snprintf(out, n, "toujours ouverte");
		return;
	}
	size_t len = 0;
	out[0] = '\0';
	for (int d = 0; d < 7 && len < n; d++) {
		const char *h = k->settings.hours[d];
		len += (size_t)snprintf(out + len, n - len, "%s%s %s", d ? " · " : "", days[d],
		                        h && *h ? h : "fermé");
	}
}

static void draw_kiosk(struct kiosk *k)
{
	struct layout *l = &k->ui->lay;
	char buf[600];
	int y = l->body.y;
	const char *problem = k->store ? store_problem(k->store) : "base non ouverte";
	int pending = k->store ? store_pending(k->store) : 0;
	if (problem)
		snprintf(buf, sizeof buf, "%s", problem);
	else
		snprintf(buf, sizeof buf, "en bon état");
	y += row(k, y, "Base de données", buf, problem ? COL_WRONG : COL_RIGHT);
	snprintf(buf, sizeof buf, "%d", pending);
	y += row(k, y, "Sessions en attente d'écriture", buf, pending ? COL_WRONG : COL_INK);
	long long bytes = k->store ? store_file_bytes(k->store) : -1;
	if (bytes >= 0)
		snprintf(buf, sizeof buf, "%s (%.1f Mo)", k->settings.database,
		         (double)bytes / 1e6);
	else
		snprintf(buf, sizeof buf, "%s", k->settings.database);
	y += row(k, y, "Fichier", buf, COL_INK);
	char dir[600];
	snprintf(dir, sizeof dir, "%s", k->settings.database);
	char *slash = strrchr(dir, '/');
	if (slash)
		*slash = '\0';
	else
		snprintf(dir, sizeof dir, ".");
	struct statvfs fs;
	if (statvfs(dir[0] ? dir : "/", &fs) == 0) {
		double avail = (double)fs.f_bavail * (double)fs.f_frsize / 1e9;
		double total = (double)fs.f_blocks * (double)fs.f_frsize / 1e9;
		snprintf(buf, sizeof buf, "%.1f Go libres sur %.1f Go", avail, total);
		y += row(k, y, "Disque", buf, avail < 0.5 ? COL_WRONG : COL_INK);
	} else {
		y += row(k, y, "Disque", "inconnu", COL_WRONG);
	}
	snprintf(buf, sizeof buf, "%s, version %d (%u chapitres, %u questions)", k->module->id,
	         k->module->version, k->module->n_chapters, k->module->n_questions);
	y += row(k, y, "Module", buf, COL_INK);
	/* libVLC runs only during a session (context/player_life.c). */
	const char *verr = k->player ? player_error(k->player) : NULL;
	y += row(k, y, "Dernière erreur vidéo",
	         verr && *verr ? verr
	         : k->player   ? "aucune"
	                       : "aucune en cours (le lecteur ne tourne que pendant une session)",
	         verr && *verr ? COL_WRONG : COL_INK);
	format_hours(k, buf, sizeof buf);
	y += row(k, y, "Heures d'ouverture", buf, COL_INK);
	y += row(k, y, "Logiciel", "kiosk " KIOSK_VERSION, COL_INK);
	long long s = kiosk_now(k) / 1000;
	snprintf(buf, sizeof buf, "%lld j %lld h %02lld min", s / 86400, s / 3600 % 24,
	         s / 60 % 60);
	y += row(k, y, "En marche depuis", buf, COL_INK);
	const char *lt = trainer_pages_label_text(k);
	row(k, y, "Étiquette du jour", lt ? lt : "aucune", COL_INK);
}

static void draw_settings(struct kiosk *k)
{
	struct layout *l = &k->ui->lay;
	char buf[200];
	int y = l->body.y, bh = l->touch * 3 / 2, gap = l->pad;
	int third = l->body.w / 3, bw = (l->body.w - third - 2 * gap) / 3;
	int x = l->body.x + third;
	/* Volume */
	gfx_draw_text(k->gfx, "Volume des vidéos", l->text, false,
	              (SDL_Rect){l->body.x, y + bh / 4, third, 0}, ALIGN_LEFT, COL_MUTED);
	ui_button(k, (SDL_Rect){x, y, bw, bh}, "Volume −", BTN_CARD, ACT_VOLUME, -1);
	snprintf(buf, sizeof buf, "%d %%", k->tday.volume);
	gfx_draw_text(k->gfx, buf, l->title, true, (SDL_Rect){x + bw + gap, y + bh / 6, bw, 0},
	              ALIGN_CENTER, COL_INK);
	ui_button(k, (SDL_Rect){x + 2 * (bw + gap), y, bw, bh}, "Volume +", BTN_CARD, ACT_VOLUME,
	          1);
	y += bh + gap;
	/* Text size */
	gfx_draw_text(k->gfx, "Taille du texte au départ", l->text, false,
	              (SDL_Rect){l->body.x, y + bh / 4, third, 0}, ALIGN_LEFT, COL_MUTED);
	int half = (l->body.w - third - gap) / 2;
	ui_button(k, (SDL_Rect){x, y, half, bh}, "Texte normal",
	          k->tday.large_text ? BTN_CARD : BTN_PRIMARY, ACT_LARGE, 0);
	ui_button(k, (SDL_Rect){x + half + gap, y, half, bh}, "Grand texte",
	          k->tday.large_text ? BTN_PRIMARY : BTN_CARD, ACT_LARGE, 1);
	y += bh + gap;
	/* Test video */
	gfx_draw_text(k->gfx, "Son et image", l->text, false,
	              (SDL_Rect){l->body.x, y + bh / 4, third, 0}, ALIGN_LEFT, COL_MUTED);
	ui_button(k, (SDL_Rect){x, y, half, bh}, "Vidéo d'essai", BTN_CARD, ACT_PAGE, P_VIDEO);
	y += bh + gap;
	/* Label */
	gfx_draw_text(k->gfx, "Étiquette du jour", l->text, false,
	              (SDL_Rect){l->body.x, y + bh / 4, third, 0}, ALIGN_LEFT, COL_MUTED);
	const char *lt = trainer_pages_label_text(k);
	snprintf(buf, sizeof buf, "%s", lt ? lt : "Aucune étiquette");
	if (k->settings.n_day_labels == 0)
		gfx_draw_text(k->gfx, "aucune liste dans les réglages (day_labels)", l->text, false,
		              (SDL_Rect){x, y + bh / 4, l->body.w - third, 0}, ALIGN_LEFT,
		              COL_MUTED);
	else
		ui_button(k, (SDL_Rect){x, y, l->body.w - third, bh}, buf, BTN_CARD, ACT_PAGE,
		          P_LABELS);
}

static void draw_labels(struct kiosk *k)
{
	struct layout *l = &k->ui->lay;
	int y = l->body.y, bh = l->touch * 3 / 2, gap = l->pad / 2;
	int cols = l->portrait ? 1 : 2, bw = (l->body.w - (cols - 1) * gap) / cols;
	y += gfx_draw_text(k->gfx,
	                   "Choisissez l'événement du jour : il est enregistré avec chaque "
	                   "session qui suit, pour que les rapports le distinguent.",
	                   l->small, false, (SDL_Rect){l->body.x, y, l->body.w, 0}, ALIGN_LEFT,
	                   COL_MUTED);
	y += gap;
	int n = (int)k->settings.n_day_labels + 1;
	for (int i = 0; i < n; i++) {
		int idx = i - 1;
		const char *text = idx < 0 ? "Aucune étiquette" : k->settings.day_labels[idx].text;
		bool on = idx < 0 ? !k->tday.label[0]
		                  : strcmp(k->tday.label, k->settings.day_labels[idx].id) == 0;
		SDL_Rect r = {l->body.x + (i % cols) * (bw + gap), y + (i / cols) * (bh + gap), bw,
		              bh};
		if (r.y + bh > trainer_pages_bottom(k))
			break;
		ui_button(k, r, text, on ? BTN_PRIMARY : BTN_CARD, ACT_LABEL, idx);
	}
}

static void draw_video(struct kiosk *k)
{
	struct layout *l = &k->ui->lay;
	struct pages_view *v = view(k);
	int bottom = trainer_pages_bottom(k);
	SDL_Rect stage = {l->body.x, l->body.y, l->body.w, bottom - l->body.y - l->pad * 3};
	gfx_fill(k->gfx, stage, RGBA(0, 0, 0, 0xFF));
	struct player_frame f = k->player ? player_frame(k->player) : (struct player_frame){0};
	if (f.tex && f.w > 0 && f.h > 0) {
		float aspect = f.aspect > 0 ? f.aspect : (float)f.w / (float)f.h;
		int w = stage.w, h = (int)((float)w / aspect);
		if (h > stage.h) {
			h = stage.h;
			w = (int)((float)h * aspect);
		}
		SDL_RenderCopy(
		    gfx_renderer(k->gfx), f.tex, &(SDL_Rect){0, 0, f.w, f.h},
		    &(SDL_Rect){stage.x + (stage.w - w) / 2, stage.y + (stage.h - h) / 2, w, h});
	}
	const char *state = v ? v->video_state : "";
	if (k->player) {
		const char *err = player_error(k->player);
		switch (player_state(k->player)) {
		case PLAYER_OPENING: state = "ouverture…"; break;
		case PLAYER_PLAYING: state = "lecture : image et son en cours"; break;
		case PLAYER_ENDED: state = "vidéo terminée sans erreur"; break;
		case PLAYER_FAILED: state = err && *err ? err : "échec de la lecture"; break;
		default: break;
		}
	}
	char buf[300];
	snprintf(buf, sizeof buf, "Vidéo d'essai (volume %d %%) : %s", k->tday.volume, state);
	gfx_draw_text(k->gfx, buf, l->text, true,
	              (SDL_Rect){l->body.x, stage.y + stage.h + l->pad / 2, l->body.w, 0},
	              ALIGN_LEFT, COL_INK);
}

static void open_video(struct kiosk *k)
{
	struct pages_view *v = view(k);
	if (!v)
		return;
	v->video_state[0] = '\0';
	player_life_follow(k, SCR_VIDEO); /* libVLC starts with a session: wait for it */
	if (!k->player) {
		snprintf(v->video_state, sizeof v->video_state, "libVLC indisponible");
		return;
	}
	const char *rel =
	    k->module->n_chapters ? ltext_get(&k->module->chapters[0].video, LANG_FR) : NULL;
	char *file = rel && *rel ? content_path(k->module, rel) : NULL;
	if (!file) {
		snprintf(v->video_state, sizeof v->video_state, "le module n'a pas de vidéo");
		return;
	}
	v->video_open = player_open(k->player, file, 0);
	k->realtime = v->video_open; /* headless: script waits take real time */
	if (!v->video_open)
		snprintf(v->video_state, sizeof v->video_state, "%s ne s'ouvre pas", file);
	log_info("trainer", "test video %s", file);
	free(file);
}

static void draw_export(struct kiosk *k)
{
	struct layout *l = &k->ui->lay;
	struct pages_view *v = view(k);
	int y = l->body.y, bh = l->touch * 2, gap = l->pad;
	y += gfx_draw_text(
	    k->gfx,
	    "Branchez une clé USB, puis choisissez la période. Sur la clé : le "
	    "rapport (page web imprimable) et le tableur CSV des journées closes "
	    "seulement, chiffres publiés «\u00a0≈\u00a0» comme sur cet écran. Jamais la "
	    "journée en cours, jamais une ligne par personne : exporter avant et "
	    "après une personne donne les mêmes fichiers.",
	    l->small, false, (SDL_Rect){l->body.x, y, l->body.w, 0}, ALIGN_LEFT, COL_MUTED);
	y += gap;
	static const char *const what[] = {"Exporter la dernière journée", "Exporter ce mois-ci",
	                                   "Exporter tout"};
	int cols = l->portrait ? 1 : 3, bw = (l->body.w - (cols - 1) * gap) / cols;
	for (int i = 0; i < 3; i++)
		ui_button(k,
		          (SDL_Rect){l->body.x + (i % cols) * (bw + gap),
		                     y + (i / cols) * (bh + gap), bw, bh},
		          what[i], BTN_PRIMARY, ACT_EXPORT, i);
	y += ((3 + cols - 1) / cols) * (bh + gap) + gap;
	if (v && v->message[0])
		gfx_draw_text(k->gfx, v->message, l->text, true,
		              (SDL_Rect){l->body.x, y, l->body.w, 0}, ALIGN_LEFT,
		              v->message_ok ? COL_RIGHT : COL_WRONG);
}

static void draw_restart(struct kiosk *k)
{
	struct layout *l = &k->ui->lay;
	int y = l->body.y, bh = l->touch * 2, gap = l->pad;
	y += gfx_draw_text(k->gfx,
	                   "Le programme s'arrête proprement et le système le relance aussitôt "
	                   "(quelques secondes d'écran noir). Les sessions enregistrées et les "
	                   "réglages du jour sont gardés.",
	                   l->text, false, (SDL_Rect){l->body.x, y, l->body.w, 0}, ALIGN_LEFT,
	                   COL_INK);
	y += gap;
	int bw = l->portrait ? l->body.w : l->body.w / 2;
	ui_button(k, (SDL_Rect){l->body.x, y, bw, bh}, "Oui, redémarrer maintenant", BTN_ACCENT,
	          ACT_RESTART_NOW, 0);
}

bool trainer_pages_draw(struct kiosk *k)
{
	struct pages_view *v = view(k);
	narrow_body(k);
	if (!v || v->page == P_TODAY)
		return false;
	static const char *const titles[] = {
	    [P_DETAIL] = "Dernière journée : questions et chapitres",
	    [P_QR] = "Résumé à emporter",
	    [P_KIOSK] = "Borne",
	    [P_SETTINGS] = "Réglages du jour",
	    [P_LABELS] = "Étiquette du jour",
	    [P_VIDEO] = "Vidéo d'essai",
	    [P_EXPORT] = "Exporter sur une clé USB",
	    [P_RESTART] = "Redémarrer le programme",
	};
	gfx_clear(k->gfx, COL_BG);
	ui_header(k, titles[v->page], false);
	switch (v->page) {
	case P_DETAIL: trainer_stats_detail(k, &v->stats); break;
	case P_QR: trainer_stats_qr(k, &v->stats); break;
	case P_KIOSK: draw_kiosk(k); break;
	case P_SETTINGS: draw_settings(k); break;
	case P_LABELS: draw_labels(k); break;
	case P_VIDEO: draw_video(k); break;
	case P_EXPORT: draw_export(k); break;
	case P_RESTART: draw_restart(k); break;
	case P_TODAY: break;
	}
	trainer_pages_nav(k);
	return true;
}

static void run_export(struct kiosk *k, int which)
{
	struct pages_view *v = view(k);
	char dir[512], today[11];
	session_today(today);
	struct usb_export_result res = {0};
	if (!usb_export_find(k->settings.export_dir, NULL, dir, sizeof dir, res.message,
	                     sizeof res.message)) {
		log_info("export", "no USB drive found");
	} else {
		struct usb_export_request req = {
		    .db_path = k->settings.database,
		    .kiosk_id = k->settings.kiosk_id,
		    .today = today,
		    .span = (enum usb_export_span)which,
		    .min_group = k->settings.min_group,
		    .module = k->module,
		};
		usb_export_run(&req, dir, &res);
	}
	snprintf(v->message, sizeof v->message, "%s", res.message);
	v->message_ok = res.ok;
	log_info("export", "the trainer reads: %s", res.message);
}

bool trainer_pages_action(struct kiosk *k, int action, int arg)
{
	struct pages_view *v = view(k);
	long long now = kiosk_now(k);
	if (!v)
		return false;
	switch (action) {
	case ACT_PAGE:
		if (v->page == P_VIDEO)
			close_video(k);
		v->page = (enum page)arg;
		v->message[0] = '\0';
		v->stats.scroll.scroll = 0; /* a list starts at its top */
		if (v->page == P_VIDEO)
			open_video(k);
		return true;
	case ACT_SLEEP:
		log_info("trainer", "screen put to sleep from the trainer screen");
		k->asleep = true;
		flow_trainer_exit(&k->flow, now);
		return true;
	case ACT_CLOSE: flow_trainer_exit(&k->flow, now); return true;
	case ACT_RESTART_NOW:
		log_info("trainer", "restart asked on the trainer screen: the program exits and "
		                    "systemd starts it again");
		k->exit_code = EXIT_OK;
		k->running = false;
		return true;
	case ACT_VOLUME: {
		int vol = k->tday.volume + arg * 10;
		k->tday.volume = vol < 0 ? 0 : vol > 100 ? 100 : vol;
		kiosk_day_apply(k);
		trainer_day_save(&k->tday, k->settings.database);
		return true;
	}
	case ACT_LARGE:
		k->tday.large_text = arg != 0;
		kiosk_day_apply(k);
		trainer_day_save(&k->tday, k->settings.database);
		return true;
	case ACT_LABEL:
		if (arg >= 0 && (unsigned)arg < k->settings.n_day_labels)
			snprintf(k->tday.label, sizeof k->tday.label, "%s",
			         k->settings.day_labels[arg].id);
		else
			k->tday.label[0] = '\0';
		log_info("trainer", "welcome-day label: %s",
		         k->tday.label[0] ? k->tday.label : "none");
		trainer_day_save(&k->tday, k->settings.database);
		v->page = P_SETTINGS;
		return true;
	case ACT_EXPORT: run_export(k, arg); return true;
	default: return false;
	}
}

void trainer_pages_event(struct kiosk *k, const SDL_Event *e)
{
	struct pages_view *v = view(k);
	if (!v || !v->video_open || !k->player)
		return;
	switch (player_handle_event(k->player, e)) {
	case PLAYER_NEW_FRAME:
		if (player_upload(k->player, gfx_renderer(k->gfx)))
			k->dirty = true;
		break;
	case PLAYER_NEW_STATE: k->dirty = true; break;
	case PLAYER_NOTHING: break;
	}
}
