/* The trainer's settings of the day, kept in DATABASE.day so that a
 * restart (« Redémarrer le programme », a power cut) keeps them: the
 * welcome-day label, the volume and the default text size. One line per
 * item; written to a temporary name, then renamed. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "core/log.h"
#include "platform/player.h"

static void day_path(const struct kiosk *k, char *out, size_t n)
{
	snprintf(out, n, "%s.day", k->settings.database);
}

static bool label_known(const struct kiosk *k, const char *id)
{
	for (unsigned i = 0; i < k->settings.n_day_labels; i++)
		if (strcmp(k->settings.day_labels[i].id, id) == 0)
			return true;
	return false;
}

static void load(struct kiosk *k, struct trainer_day *d)
{
	char path[600], line[160];
	day_path(k, path, sizeof path);
	FILE *f = fopen(path, "r");
	if (!f)
		return;
	while (fgets(line, sizeof line, f)) {
		char a[32];
		int v;
		if (sscanf(line, "day %10s", d->day) == 1)
			continue;
		if (sscanf(line, "label %31s", a) == 1 && label_known(k, a))
			snprintf(d->label, sizeof d->label, "%s", a);
		else if (sscanf(line, "volume %d", &v) == 1 && v >= 0 && v <= 100)
			d->volume = v;
		else if (sscanf(line, "large %d", &v) == 1)
			d->large_text = v != 0;
	}
	fclose(f);
}

void trainer_day_save(struct kiosk *k)
{
	char path[600], tmp[620];
	day_path(k, path, sizeof path);
	snprintf(tmp, sizeof tmp, "%s.tmp", path);
	const struct trainer_day *d = &k->tday;
	FILE *f = fopen(tmp, "w");
	if (!f) {
		log_warn("trainer", "%s: cannot keep the settings of the day", tmp);
		return;
	}
	fprintf(f, "day %s\nlabel %s\nvolume %d\nlarge %d\n", d->day, d->label[0] ? d->label : "-",
	        d->volume, d->large_text);
	if (fclose(f) != 0 || rename(tmp, path) != 0) {
		log_warn("trainer", "%s: cannot keep the settings of the day", path);
		remove(tmp);
	}
}

void trainer_day_apply(struct kiosk *k)
{
	flow_set_default_large(&k->flow, k->tday.large_text);
	if (k->player && player_volume(k->player) != k->tday.volume)
		player_set_volume(k->player, k->tday.volume);
}

void trainer_day_sync(struct kiosk *k)
{
	char today[11];
	session_today(today);
	if (k->tday.loaded && strcmp(k->tday.day, today) == 0)
		return;
	struct trainer_day d = {
	    .loaded = true, .volume = k->settings.volume, .large_text = k->settings.large_text};
	if (!k->tday.loaded)
		load(k, &d);
	if (strcmp(d.day, today) != 0) {
		/* A new day: the settings file's values, no label. */
		d = (struct trainer_day){.loaded = true,
		                         .volume = k->settings.volume,
		                         .large_text = k->settings.large_text};
		snprintf(d.day, sizeof d.day, "%s", today);
	}
	bool changed = k->tday.loaded;
	k->tday = d;
	trainer_day_apply(k);
	if (changed)
		trainer_day_save(k);
}

const char *trainer_day_label(const struct kiosk *k, const char *day)
{
	return k->tday.loaded && strcmp(k->tday.day, day) == 0 ? k->tday.label : "";
}
