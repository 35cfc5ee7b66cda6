/* The kiosk's settings (config/kiosk.yaml), with safe defaults. */
#ifndef KIOSK_CORE_SETTINGS_H
#define KIOSK_CORE_SETTINGS_H

#include <stdbool.h>

#include "core/yaml/diag.h"

/* No setting can make a figure computed from fewer people visible. */
enum { SETTINGS_MIN_GROUP_FLOOR = 5 };

/* A welcome-day label the trainer can pick on the kiosk: its id is stored
 * with each session (so never free text), its text is what the trainer
 * reads. */
struct settings_label {
	char *id, *text;
};
enum { SETTINGS_MAX_LABELS = 16 };

struct settings {
	char *file; /* where they were read from, or NULL for the defaults */
	char *kiosk_id;
	char *content;
	char *database;
	char *language;
	char *font;
	char *font_bold;
	char *trainer_pin; /* Argon2id hash ("$argon2id$..."); "" = trainer mode off */
	int retention_months;
	int width, height, dpi;
	bool large_text;
	bool high_contrast;
	int idle_timeout_s;
	int still_there_s;
	int volume;
	bool subtitles;
	int first_frame_timeout_s;
	int min_group;
	bool has_hours; /* false: always open */
	char *hours[7]; /* Monday first; "" closed */
	struct settings_label *day_labels;
	unsigned n_day_labels;
	char *export_dir; /* a folder to export to besides USB drives, "" none */
};

/* The defaults, for when no settings file exists. */
void settings_defaults(struct settings *s);
/* Read FILE over the defaults; problems go to diag. Returns false if the
 * file could not be used (then *s still holds the defaults). */
bool settings_load(const char *file, struct settings *s, struct diag *diag);
/* Replace one string setting (for --content, --db). */
void settings_set(char **field, const char *value);
void settings_free(struct settings *s);

#endif
