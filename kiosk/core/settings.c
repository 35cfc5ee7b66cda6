#include "core/settings.h"

#include <cyaml/cyaml.h>
#include <stdlib.h>
#include <string.h>

#include "core/yaml/cyaml_diag.h"
#include "core/yaml/yamlpos.h"

/* As read from YAML: pointers, so that a missing key is told from a 0. */
struct raw_display {
	int *width, *height, *dpi;
};
struct raw_video {
	int *volume;
	bool *subtitles;
	int *first_frame_timeout_s;
};
struct raw_hours {
	char *day[7];
};
struct raw_label {
	char *id, *text;
};
struct raw {
	char *kiosk_id, *content, *database, *language, *font, *font_bold, *trainer_pin;
	int *retention_months;
	struct raw_display *display;
	bool *large_text;
	bool *high_contrast;
	int *idle_timeout_s, *still_there_s, *min_group;
	struct raw_video *video;
	struct raw_hours *opening_hours;
	struct raw_label *day_labels;
	unsigned n_day_labels;
	char *export_dir;
};

#define OPT                    (CYAML_FLAG_POINTER | CYAML_FLAG_OPTIONAL)
#define STR(key, type, member) CYAML_FIELD_STRING_PTR(key, OPT, type, member, 0, 4096)

static const cyaml_schema_field_t display_fields[] = {
    CYAML_FIELD_INT_PTR("width", OPT, struct raw_display, width),
    CYAML_FIELD_INT_PTR("height", OPT, struct raw_display, height),
    CYAML_FIELD_INT_PTR("dpi", OPT, struct raw_display, dpi),
    CYAML_FIELD_END,
};
static const cyaml_schema_field_t video_fields[] = {
    CYAML_FIELD_INT_PTR("volume", OPT, struct raw_video, volume),
    CYAML_FIELD_BOOL_PTR("subtitles", OPT, struct raw_video, subtitles),
    CYAML_FIELD_INT_PTR("first_frame_timeout_s", OPT, struct raw_video, first_frame_timeout_s),
    CYAML_FIELD_END,
};
static const cyaml_schema_field_t hours_fields[] = {
    STR("mon", struct raw_hours, day[0]), STR("tue", struct raw_hours, day[1]),
    STR("wed", struct raw_hours, day[2]), STR("thu", struct raw_hours, day[3]),
    STR("fri", struct raw_hours, day[4]), STR("sat", struct raw_hours, day[5]),
    STR("sun", struct raw_hours, day[6]), CYAML_FIELD_END,
};
static const cyaml_schema_field_t label_fields[] = {
    CYAML_FIELD_STRING_PTR("id", CYAML_FLAG_POINTER, struct raw_label, id, 1, 31),
    CYAML_FIELD_STRING_PTR("text", CYAML_FLAG_POINTER, struct raw_label, text, 1, 80),
    CYAML_FIELD_END,
};
static const cyaml_schema_value_t label_schema = {
    CYAML_VALUE_MAPPING(CYAML_FLAG_DEFAULT, struct raw_label, label_fields),
};
static const cyaml_schema_field_t raw_fields[] = {
    STR("kiosk_id", struct raw, kiosk_id),
    STR("content", struct raw, content),
    STR("database", struct raw, database),
    CYAML_FIELD_INT_PTR("retention_months", OPT, struct raw, retention_months),
    STR("language", struct raw, language),
    CYAML_FIELD_MAPPING_PTR("display", OPT, struct raw, display, display_fields),
    STR("font", struct raw, font),
    STR("font_bold", struct raw, font_bold),
    CYAML_FIELD_BOOL_PTR("large_text", OPT, struct raw, large_text),
    CYAML_FIELD_BOOL_PTR("high_contrast", OPT, struct raw, high_contrast),
    CYAML_FIELD_INT_PTR("idle_timeout_s", OPT, struct raw, idle_timeout_s),
    CYAML_FIELD_INT_PTR("still_there_s", OPT, struct raw, still_there_s),
    CYAML_FIELD_MAPPING_PTR("video", OPT, struct raw, video, video_fields),
    STR("trainer_pin", struct raw, trainer_pin),
    CYAML_FIELD_INT_PTR("min_group", OPT, struct raw, min_group),
    CYAML_FIELD_MAPPING_PTR("opening_hours", OPT, struct raw, opening_hours, hours_fields),
    CYAML_FIELD_SEQUENCE_COUNT("day_labels", OPT, struct raw, day_labels, n_day_labels,
                               &label_schema, 0, SETTINGS_MAX_LABELS),
    STR("export_dir", struct raw, export_dir),
    CYAML_FIELD_END,
};
static const cyaml_schema_value_t raw_schema = {
    CYAML_VALUE_MAPPING(CYAML_FLAG_POINTER, struct raw, raw_fields),
};

void settings_set(char **field, const char *value)
{
	char *copy = strdup(value ? value : "");
	if (!copy)
		return;
	free(*field);
	*field = copy;
}

void settings_defaults(struct settings *s)
{
	*s = (struct settings){
	    .retention_months = 25,
	    .dpi = 0,
	    .idle_timeout_s = 90,
	    .still_there_s = 20,
	    .volume = 80,
	    .subtitles = true,
	    .first_frame_timeout_s = 5,
	    .min_group = 5,
	};
	settings_set(&s->kiosk_id, "kiosk");
	settings_set(&s->content, "assets/modules/tu-me-suis");
	settings_set(&s->database, "build/kiosk.db");
	settings_set(&s->language, "");
	settings_set(&s->font, "");
	settings_set(&s->font_bold, "");
	/* No PIN ships: without one, trainer mode is off. */
	settings_set(&s->trainer_pin, "");
	settings_set(&s->export_dir, "");
}

/* A label id is stored with each session: the store's id rule (a-z, 0-9,
 * '-', never digit-h-digit, so no time of day). */
static bool label_id_ok(const char *id)
{
	size_t n = strlen(id);
	if (n == 0 || n > 31 || strspn(id, "abcdefghijklmnopqrstuvwxyz0123456789-") != n)
		return false;
	for (size_t i = 1; i + 1 < n; i++)
		if (id[i] == 'h' && id[i - 1] >= '0' && id[i - 1] <= '9' && id[i + 1] >= '0' &&
		    id[i + 1] <= '9')
			return false;
	return true;
}

struct range_check {
	struct diag *diag;
	const char *file;
	struct yamlpos *pos;
};

static void take_int(struct range_check *rc, int *dst, const int *src, int lo, int hi,
                     const char *path)
{
	if (!src)
		return;
	if (*src < lo || *src > hi) {
		int line, col;
		yamlpos_find(rc->pos, &line, &col, "%s", path);
		diag_add(rc->diag, rc->file, line, col, "%s must be from %d to %d", path, lo, hi);
		return;
	}
	*dst = *src;
}

static void take_str(char **dst, const char *src)
{
	if (src)
		settings_set(dst, src);
}

bool settings_load(const char *file, struct settings *s, struct diag *diag)
{
	struct raw *r = NULL;
	if (!cyaml_diag_load(file, &raw_schema, (void **)&r, diag))
		return false;
	if (!r) { /* an empty file: every default stands */
		settings_set(&s->file, file);
		return true;
	}
	struct range_check rc = {.diag = diag, .file = file, .pos = yamlpos_read(file)};
	settings_set(&s->file, file);
	take_str(&s->kiosk_id, r->kiosk_id);
	take_str(&s->content, r->content);
	take_str(&s->database, r->database);
	take_str(&s->language, r->language);
	take_str(&s->font, r->font);
	take_str(&s->font_bold, r->font_bold);
	take_str(&s->trainer_pin, r->trainer_pin);
	take_int(&rc, &s->retention_months, r->retention_months, 1, 600, "retention_months");
	if (r->display) {
		take_int(&rc, &s->width, r->display->width, 0, 16384, "display.width");
		take_int(&rc, &s->height, r->display->height, 0, 16384, "display.height");
		take_int(&rc, &s->dpi, r->display->dpi, 0, 1000, "display.dpi");
	}
	if (r->large_text)
		s->large_text = *r->large_text;
	if (r->high_contrast)
		s->high_contrast = *r->high_contrast;
	take_int(&rc, &s->idle_timeout_s, r->idle_timeout_s, 10, 3600, "idle_timeout_s");
	take_int(&rc, &s->still_there_s, r->still_there_s, 3, 300, "still_there_s");
	take_int(&rc, &s->min_group, r->min_group, SETTINGS_MIN_GROUP_FLOOR, 1000, "min_group");
	if (r->video) {
		take_int(&rc, &s->volume, r->video->volume, 0, 100, "video.volume");
		if (r->video->subtitles)
			s->subtitles = *r->video->subtitles;
		take_int(&rc, &s->first_frame_timeout_s, r->video->first_frame_timeout_s, 1, 60,
		         "video.first_frame_timeout_s");
	}
	if (r->opening_hours) {
		s->has_hours = true;
		for (int d = 0; d < 7; d++)
			settings_set(&s->hours[d], r->opening_hours->day[d]);
	}
	take_str(&s->export_dir, r->export_dir);
	if (r->n_day_labels > 0) {
		s->day_labels = calloc(r->n_day_labels, sizeof *s->day_labels);
		for (unsigned i = 0; s->day_labels && i < r->n_day_labels; i++) {
			const struct raw_label *rl = &r->day_labels[i];
			/* "-" is how the store and the day file write "no label"
			 * (store_schema.h, trainer_day.c): a label "-" would read
			 * back as no label and merge with the unlabelled sessions. */
			if (strcmp(rl->id, "-") == 0) {
				int ln, cl;
				yamlpos_find(rc.pos, &ln, &cl, "day_labels.%u.id", i);
				diag_add(diag, file, ln, cl,
				         "day_labels[%u].id \"-\" is reserved for sessions without "
				         "a label: choose another id",
				         i);
				continue;
			}
			if (!label_id_ok(rl->id)) {
				int ln, cl;
				yamlpos_find(rc.pos, &ln, &cl, "day_labels.%u.id", i);
				diag_add(diag, file, ln, cl,
				         "day_labels[%u].id must be 1 to 31 of a-z, 0-9 and '-' "
				         "(no time of day such as 14h30)",
				         i);
				continue;
			}
			settings_set(&s->day_labels[s->n_day_labels].id, rl->id);
			settings_set(&s->day_labels[s->n_day_labels++].text, rl->text);
		}
	}
	int line, col;
	size_t idlen = strlen(s->kiosk_id);
	if (idlen == 0 || idlen > 31 ||
	    strspn(s->kiosk_id, "abcdefghijklmnopqrstuvwxyz0123456789-") != idlen) {
		yamlpos_find(rc.pos, &line, &col, "kiosk_id");
		diag_add(diag, file, line, col, "kiosk_id must be 1 to 31 of a-z, 0-9 and '-'");
	}
	/* Only an Argon2id hash (crypto_pwhash_str) is taken: a PIN written
	 * in clear in a file that backups and support copies would go around. */
	const char *pin = s->trainer_pin;
	size_t digits = strspn(pin, "0123456789");
	if (pin[0] && digits == strlen(pin)) {
		yamlpos_find(rc.pos, &line, &col, "trainer_pin");
		diag_add(
		    diag, file, line, col,
		    "trainer_pin holds the PIN in clear: replace the line with the one printed "
		    "by `kiosk --hash-pin` (it reads the PIN, %d to 12 digits, on its input)",
		    6);
	} else if (pin[0] && (strncmp(pin, "$argon2id$", 10) != 0 || strlen(pin) > 200 ||
	                      strpbrk(pin, " \t\n\"'"))) {
		yamlpos_find(rc.pos, &line, &col, "trainer_pin");
		diag_add(diag, file, line, col,
		         "trainer_pin is not an Argon2id hash: use the line printed by "
		         "`kiosk --hash-pin`");
	}
	yamlpos_destroy(rc.pos);
	cyaml_diag_free(&raw_schema, r);
	return true;
}

void settings_free(struct settings *s)
{
	char **strs[] = {&s->file,     &s->kiosk_id, &s->content,   &s->database,
	                 &s->language, &s->font,     &s->font_bold, &s->trainer_pin};
	for (size_t i = 0; i < sizeof(strs) / sizeof(strs[0]); i++)
		free(*strs[i]);
	for (int d = 0; d < 7; d++)
		free(s->hours[d]);
	for (unsigned i = 0; i < s->n_day_labels; i++) {
		free(s->day_labels[i].id);
		free(s->day_labels[i].text);
	}
	free(s->day_labels);
	free(s->export_dir);
	*s = (struct settings){0};
}
