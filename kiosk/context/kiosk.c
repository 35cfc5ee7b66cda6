#include "context/kiosk.h"

#include <time.h>

#include "core/session.h"
#include "platform/player.h"
#include "trainer/trainer_day.h"

long long kiosk_now(const struct kiosk *k)
{
	return k->headless ? k->virtual_ms : (long long)SDL_GetTicks64();
}

int kiosk_lang(const struct kiosk *k)
{
	return k->flow.lang;
}

const char *kiosk_ui(const struct kiosk *k, enum ui_key key)
{
	return content_ui(k->module, key, k->flow.lang);
}

struct hours_time kiosk_local_time(void)
{
	time_t t = time(NULL);
	struct tm tm;
	localtime_r(&t, &tm);
	return hours_time_from_tm(&tm);
}

void kiosk_flow_reset(struct kiosk *k, unsigned long long seed)
{
	const struct settings *st = &k->settings;
	/* The day's text size: the trainer's choice for today, else the
	 * settings' (read once a day). */
	kiosk_day_sync(k);
	flow_init(&k->flow, k->module, st->idle_timeout_s * 1000LL, st->still_there_s * 1000LL,
	          lang_index(st->language), k->tday.large_text, kiosk_now(k));
	flow_accessibility_defaults(&k->flow, st->high_contrast);
	flow_seed(&k->flow, seed);
}

void kiosk_day_apply(struct kiosk *k)
{
	flow_set_default_large(&k->flow, k->tday.large_text);
	if (k->player && player_volume(k->player) != k->tday.volume)
		player_set_volume(k->player, k->tday.volume);
}

void kiosk_day_sync(struct kiosk *k)
{
	char today[11];
	session_today(today);
	if (trainer_day_sync(&k->tday, &k->settings, today))
		kiosk_day_apply(k);
}
