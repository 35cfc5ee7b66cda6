/* The media half of `kiosk --check`: opens every video of the module with
 * libVLC and reads every subtitle file strictly, so that a file the kiosk
 * would fail to show is reported before it is published. */
#ifndef KIOSK_CHECK_MEDIACHECK_H
#define KIOSK_CHECK_MEDIACHECK_H

#include <stdbool.h>
#include <stdio.h>

#include "core/content.h"
#include "core/session.h"
#include "core/yaml/diag.h"

struct probe;

struct mediacheck_summary {
	unsigned videos[LANG_MAX];    /* videos that can be shown, per language */
	long long total_ms[LANG_MAX]; /* their total duration */
	unsigned subtitles;           /* subtitle files checked */
	/* Each chapter's video per language, ms; -1 where unknown. */
	long long chapter_ms[LANG_MAX][CONTENT_MAX_CHAPTERS];
};

/* Adds every problem of the module's videos and subtitles to diag, with
 * the position of its entry in module.yaml or in the SRT file; files that
 * do not exist are left to content_load, which already reports them. A
 * chapter's video_seconds that is not its longest video's length, to the
 * second, is a problem too (the home screen's time counts it).
 * probe may be NULL: then only the subtitles' own format is checked.
 * timeout_ms bounds each wait for libVLC. Returns false when SIGINT or
 * SIGTERM cut the check short (its result then proves nothing). */
bool mediacheck_run(const struct content_module *m, struct probe *probe, int timeout_ms,
                    struct diag *diag, struct mediacheck_summary *sum);

/* One line, "videos: fr 4:35.2 (6 videos), en 4:47.0 (6 videos); 18
 * subtitle files checked", or nothing when the module has no video. */
void mediacheck_print_summary(const struct content_module *m, const struct mediacheck_summary *sum,
                              FILE *f);

#endif
