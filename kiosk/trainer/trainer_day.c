/* One line per item; written to a temporary name, then renamed. */
#include "trainer/trainer_day.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/log.h"

static void day_path(const char *database, char *out, size_t n)
{
	snprintf(out, n, "%s.day", database);
}

static bool label_known(const struct settings *st, const char *id)
{
	for (unsigned i = 0; i < st->n_day_labels; i++)
		if (strcmp(st->day_labels[i].id, id) == 0)
			return true;
	return false;
}

static void load(const struct settings *st, struct trainer_day *d)
{
	char path[600], line[160];
	day_path(st->database, path, sizeof path);
	FILE *f = fopen(path, "r");
	if (!f)
		return;
	while (fgets(line, sizeof line, f)) {
		char a[32];
		int v;
		if (sscanf(line, "day %10s", d->day) == 1)
			continue;
		if (sscanf(line, "label %31s", a) == 1 && label_known(st, a))
			snprintf(d->label, sizeof d->label, "%s", a);
		else if (sscanf(line, "volume %d", &v) == 1 && v >= 0 && v <= 100)
			d->volume = v;
		else if (sscanf(line, "large %d", &v) == 1)
			d->large_text = v != 0;
	}
	fclose(f);
}

void trainer_day_save(const struct trainer_day *d, const char *database)
{
	char path[600], tmp[620];
	day_path(database, path, sizeof path);
	snprintf(tmp, sizeof tmp, "%s.tmp", path);
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

bool trainer_day_sync(struct trainer_day *d, const struct settings *st, const char *today)
{
	if (d->loaded && strcmp(d->day, today) == 0)
		return false;
	struct trainer_day n = {.loaded = true, .volume = st->volume, .large_text = st->large_text};
	if (!d->loaded)
		load(st, &n);
	if (strcmp(n.day, today) != 0) {
		/* A new day: the settings file's values, no label. */
		n = (struct trainer_day){
		    .loaded = true, .volume = st->volume, .large_text = st->large_text};
		snprintf(n.day, sizeof n.day, "%s", today);
	}
	bool changed = d->loaded;
	*d = n;
	if (changed)
		trainer_day_save(d, st->database);
	return true;
}

const char *trainer_day_label(const struct trainer_day *d, const char *day)
{
	return d->loaded && strcmp(d->day, day) == 0 ? d->label : "";
}
