/* config/kiosk.yaml: defaults, good files, and every problem reported at
 * its FILE:LINE:COL with the default kept. */
#include <check.h>

#include "check_main.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/settings.h"

#define DIR "tests/fixtures/settings/"

static char *diag_text(const struct diag *d)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);
	diag_print(d, out);
	fclose(out);
	return buf;
}

/* Compare every field; `what` names the case in messages. */
static void assert_settings(const char *what, const struct settings *got,
                            const struct settings *want)
{
#define STR_EQ(f)                                                                                  \
	ck_assert_msg((got->f == NULL && want->f == NULL) ||                                       \
	                  (got->f && want->f && strcmp(got->f, want->f) == 0),                     \
	              "%s: " #f " is \"%s\", expected \"%s\"", what, got->f ? got->f : "(null)",   \
	              want->f ? want->f : "(null)")
#define INT_EQ(f)                                                                                  \
	ck_assert_msg(got->f == want->f, "%s: " #f " is %d, expected %d", what, (int)got->f,       \
	              (int)want->f)
	STR_EQ(file);
	STR_EQ(kiosk_id);
	STR_EQ(content);
	STR_EQ(database);
	STR_EQ(language);
	STR_EQ(font);
	STR_EQ(font_bold);
	STR_EQ(trainer_pin);
	INT_EQ(retention_months);
	INT_EQ(width);
	INT_EQ(height);
	INT_EQ(dpi);
	INT_EQ(large_text);
	INT_EQ(idle_timeout_s);
	INT_EQ(still_there_s);
	INT_EQ(volume);
	INT_EQ(subtitles);
	INT_EQ(first_frame_timeout_s);
	INT_EQ(min_group);
	INT_EQ(has_hours);
	for (int d = 0; d < 7; d++)
		STR_EQ(hours[d]);
#undef STR_EQ
#undef INT_EQ
}

/* The documented defaults, spelt out (not taken from settings_defaults). */
static void want_defaults(struct settings *w)
{
	*w = (struct settings){
	    .kiosk_id = "kiosk",
	    .content = "assets/modules/tu-me-suis",
	    .database = "build/kiosk.db",
	    .language = "",
	    .font = "",
	    .font_bold = "",
	    .trainer_pin = "",
	    .retention_months = 25,
	    .idle_timeout_s = 90,
	    .still_there_s = 20,
	    .volume = 80,
	    .subtitles = true,
	    .first_frame_timeout_s = 5,
	    .min_group = 5,
	};
}

START_TEST(test_defaults)
{
	struct settings s, w;
	settings_defaults(&s);
	want_defaults(&w);
	assert_settings("defaults", &s, &w);
	settings_free(&s);
	settings_free(&s); /* freeing twice is harmless: free clears */
}
END_TEST

START_TEST(test_set)
{
	struct settings s;
	settings_defaults(&s);
	settings_set(&s.content, "tests/fixtures/mini");
	ck_assert_str_eq(s.content, "tests/fixtures/mini");
	settings_set(&s.database, NULL);
	ck_assert_str_eq(s.database, "");
	settings_set(&s.file, "x.yaml"); /* from NULL */
	ck_assert_str_eq(s.file, "x.yaml");
	settings_free(&s);
}
END_TEST

/* Good files: no problem, these values. */
START_TEST(test_shipped_file)
{
	struct settings s, w;
	struct diag d = {0};
	settings_defaults(&s);
	ck_assert(settings_load(DIR "full.yaml", &s, &d));
	char *txt = diag_text(&d);
	ck_assert_msg(diag_count(&d) == 0, "full.yaml: %s", txt);
	free(txt);
	want_defaults(&w);
	w.file = DIR "full.yaml";
	w.kiosk_id = "accueil-1";
	w.language = "fr";
	assert_settings("full.yaml", &s, &w);
	settings_free(&s);
	diag_free(&d);
}
END_TEST

START_TEST(test_config_dir_file)
{
	/* The real config/kiosk.yaml, so that the copy cannot drift silently. */
	struct settings s;
	struct diag d = {0};
	settings_defaults(&s);
	ck_assert(settings_load("config/kiosk.yaml", &s, &d));
	char *txt = diag_text(&d);
	ck_assert_msg(diag_count(&d) == 0, "config/kiosk.yaml: %s", txt);
	free(txt);
	settings_free(&s);
	diag_free(&d);
}
END_TEST

START_TEST(test_partial_file)
{
	struct settings s, w;
	struct diag d = {0};
	settings_defaults(&s);
	ck_assert(settings_load(DIR "partial.yaml", &s, &d));
	ck_assert_int_eq(diag_count(&d), 0);
	want_defaults(&w);
	w.file = DIR "partial.yaml";
	w.kiosk_id = "hall-b";
	w.idle_timeout_s = 45;
	w.subtitles = false;
	assert_settings("partial.yaml", &s, &w);
	settings_free(&s);
	diag_free(&d);
}
END_TEST

START_TEST(test_custom_file)
{
	struct settings s;
	struct diag d = {0};
	settings_defaults(&s);
	ck_assert(settings_load(DIR "custom.yaml", &s, &d));
	char *txt = diag_text(&d);
	ck_assert_msg(diag_count(&d) == 0, "custom.yaml: %s", txt);
	free(txt);
	struct settings w = {
	    .file = DIR "custom.yaml",
	    .kiosk_id = "mairie-annexe-2",
	    .content = "/srv/kiosk/modules/tu-me-suis",
	    .database = "/var/lib/kiosk/kiosk.db",
	    .language = "en",
	    .font = "DejaVu Sans",
	    .font_bold = "DejaVu Sans:bold",
	    .trainer_pin = "$argon2id$v=19$m=65536,t=2,p=1$PIvwV/"
	                   "SQ8ggjc6Ls+s7neQ$FvEVftkBtasaIgoMcMpZEN3MHkEDAmvNr+t+XbgM8wk",
	    .retention_months = 13,
	    .width = 1920,
	    .height = 1080,
	    .dpi = 160,
	    .large_text = true,
	    .idle_timeout_s = 120,
	    .still_there_s = 20,
	    .volume = 0,
	    .subtitles = false,
	    .first_frame_timeout_s = 10,
	    .min_group = 7,
	    .has_hours = true,
	    /* Days left out of opening_hours are closed. */
	    .hours = {"08:00-12:00,13:30-17:00", "08:00-17:00", "", "08:00-17:00", "08:00-16:00",
	              "", ""},
	};
	assert_settings("custom.yaml", &s, &w);
	settings_free(&s);
	diag_free(&d);
}
END_TEST

/* Files with problems: the exact diagnostics, and whether the file was used. */
static const struct {
	const char *file;
	bool used;
	const char *diags;
} bad_cases[] = {
    {"out-of-range.yaml", true,
     DIR "out-of-range.yaml:3:19: retention_months must be from 1 to 600\n" DIR
         "out-of-range.yaml:5:10: display.width must be from 0 to 16384\n" DIR
         "out-of-range.yaml:6:8: display.dpi must be from 0 to 1000\n" DIR
         "out-of-range.yaml:7:17: idle_timeout_s must be from 10 to 3600\n" DIR
         "out-of-range.yaml:8:16: still_there_s must be from 3 to 300\n" DIR
         "out-of-range.yaml:12:12: min_group must be from 5 to 1000\n" DIR
         "out-of-range.yaml:10:11: video.volume must be from 0 to 100\n" DIR
         "out-of-range.yaml:11:26: video.first_frame_timeout_s must be from 1 to 60\n"},
    {"bad-strings.yaml", true,
     DIR "bad-strings.yaml:2:11: kiosk_id must be 1 to 31 of a-z, 0-9 and '-'\n" DIR
         "bad-strings.yaml:3:14: trainer_pin is not an Argon2id hash: use the line printed "
         "by `kiosk --hash-pin`\n"},
    {"empty-id.yaml", true,
     DIR "empty-id.yaml:2:11: kiosk_id must be 1 to 31 of a-z, 0-9 and '-'\n" DIR
         "empty-id.yaml:3:14: trainer_pin holds the PIN in clear: replace the line with the "
         "one printed by `kiosk --hash-pin` (it reads the PIN, 6 to 12 digits, on its "
         "input)\n"},
    /* The key itself, line 3 (libcyaml's own position is the value before it). */
    {"unknown-key.yaml", false, DIR "unknown-key.yaml:3:1: unknown key 'idle_timeout'\n"},
    {"wrong-type.yaml", false, DIR "wrong-type.yaml:4:11: wrong type: a whole number expected\n"},
    {"syntax-error.yaml", false,
     DIR "syntax-error.yaml:4:1: YAML syntax error: found unexpected end of stream\n"},
    {"deep-nesting.yaml", false, DIR "deep-nesting.yaml:3:81: nested deeper than 64 levels\n"},
    {"does-not-exist.yaml", false,
     DIR "does-not-exist.yaml:0:0: cannot open: No such file or directory\n"},
};

START_TEST(test_bad_file)
{
	char path[256];
	snprintf(path, sizeof(path), DIR "%s", bad_cases[_i].file);
	struct settings s, w;
	struct diag d = {0};
	settings_defaults(&s);
	bool used = settings_load(path, &s, &d);
	char *got = diag_text(&d);
	ck_assert_msg(strcmp(got, bad_cases[_i].diags) == 0,
	              "%s: diagnostics differ\n--- got:\n%s--- expected:\n%s", bad_cases[_i].file,
	              got, bad_cases[_i].diags);
	ck_assert_msg(used == bad_cases[_i].used, "%s: settings_load returned %d",
	              bad_cases[_i].file, used);
	if (!used) {
		want_defaults(&w);
		assert_settings(bad_cases[_i].file, &s, &w);
	}
	free(got);
	settings_free(&s);
	diag_free(&d);
}
END_TEST

START_TEST(test_out_of_range_keeps_defaults)
{
	struct settings s, w;
	struct diag d = {0};
	settings_defaults(&s);
	ck_assert(settings_load(DIR "out-of-range.yaml", &s, &d));
	want_defaults(&w);
	w.file = DIR "out-of-range.yaml";
	w.kiosk_id = "accueil-1";
	assert_settings("out-of-range.yaml", &s, &w);
	settings_free(&s);
	diag_free(&d);
}
END_TEST

/* "-" is the store's "no label": a day label "-" would be read back as
 * none, so it is refused with its own message and the other labels stay. */
START_TEST(test_dash_label_refused)
{
	struct settings s;
	struct diag d = {0};
	settings_defaults(&s);
	ck_assert(settings_load(DIR "dash-label.yaml", &s, &d));
	char *got = diag_text(&d);
	const char *want = DIR "dash-label.yaml:3:9: day_labels[0].id \"-\" is reserved for "
	                       "sessions without a label: choose another id\n";
	ck_assert_msg(strcmp(got, want) == 0, "diagnostics differ\n--- got:\n%s--- expected:\n%s",
	              got, want);
	ck_assert_uint_eq(s.n_day_labels, 1);
	ck_assert_str_eq(s.day_labels[0].id, "accueil-12-mars");
	free(got);
	settings_free(&s);
	diag_free(&d);
}
END_TEST

static Suite *settings_suite(void)
{
	Suite *s = suite_create("settings");
	TCase *tc = tcase_create("good");
	tcase_add_test(tc, test_defaults);
	tcase_add_test(tc, test_set);
	tcase_add_test(tc, test_shipped_file);
	tcase_add_test(tc, test_config_dir_file);
	tcase_add_test(tc, test_partial_file);
	tcase_add_test(tc, test_custom_file);
	suite_add_tcase(s, tc);
	tc = tcase_create("bad");
	tcase_add_loop_test(tc, test_bad_file, 0, sizeof(bad_cases) / sizeof(bad_cases[0]));
	tcase_add_test(tc, test_out_of_range_keeps_defaults);
	tcase_add_test(tc, test_dash_label_refused);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	return check_main(settings_suite());
}
