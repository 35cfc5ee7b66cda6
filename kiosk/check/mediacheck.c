#include "check/mediacheck.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/srt_check.h"
#include "core/yaml/yamlpos.h"
#include "platform/probe.h"
#include "platform/sigwatch.h"

struct walk {
	const struct content_module *m;
	struct probe *probe;
	int timeout_ms;
	struct diag *diag;
	struct yamlpos *pos;
	struct mediacheck_summary *sum;
};

/* content_load already says "file not found": saying more would only
 * repeat it. */
static bool exists(const char *path)
{
	struct stat st;
	return path && stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* The duration of the chapter's video in `lang`, or -1 when it cannot be
 * shown (reported) or cannot be known (no probe, no video). */
static long long check_video(struct walk *w, unsigned c, int lang)
{
	const char *rel = w->m->chapters[c].video.s[lang];
	char *path = content_path(w->m, rel);
	long long ms = -1;
	if (!w->probe || !exists(path))
		goto end;
	struct probe_info info;
	if (probe_media(w->probe, path, w->timeout_ms, &info)) {
		ms = info.duration_ms;
		w->sum->chapter_ms[lang][c] = ms;
		w->sum->videos[lang]++;
		w->sum->total_ms[lang] += ms;
	} else {
		int line, col;
		yamlpos_find(w->pos, &line, &col, "chapters.%u.video.%s", c, lang_code(lang));
		diag_add(w->diag, w->m->file, line, col, "%s cannot be played: %s", rel,
		         info.error);
	}
end:
	free(path);
	return ms;
}

static void check_subtitles(struct walk *w, unsigned c, int lang, long long video_ms)
{
	const struct content_chapter *ch = &w->m->chapters[c];
	const char *rel = ch->subtitles.s[lang];
	char *path = content_path(w->m, rel);
	if (!exists(path)) {
		free(path);
		return;
	}
	struct srt_check_result r;
	srt_check_file(path, w->diag, &r);
	w->sum->subtitles++;
	free(path);
	if (video_ms <= 0 || r.last_end_ms <= video_ms)
		return;
	/* Tenths, unless they would print the same two times. */
	char runs[32], ends[32];
	srt_check_format_time(runs, sizeof(runs), r.last_end_ms, 1);
	srt_check_format_time(ends, sizeof(ends), video_ms, 1);
	if (strcmp(runs, ends) == 0) {
		srt_check_format_time(runs, sizeof(runs), r.last_end_ms, 3);
		srt_check_format_time(ends, sizeof(ends), video_ms, 3);
	}
	int line, col;
	yamlpos_find(w->pos, &line, &col, "chapters.%u.subtitles.%s", c, lang_code(lang));
	diag_add(w->diag, w->m->file, line, col, "%s runs to %s, past the end of %s (%s)", rel,
	         runs, ch->video.s[lang], ends);
}

/* video_seconds against the longest video measured (rounded to the
 * second), so that the home screen's time is the files' own. */
static void check_seconds(struct walk *w, unsigned c, long long longest)
{
	const struct content_chapter *ch = &w->m->chapters[c];
	if (longest < 0)
		return; /* nothing measured: no probe, or the files were reported */
	unsigned s = (unsigned)((longest + 500) / 1000);
	int line, col;
	if (!ch->video_seconds) {
		yamlpos_find(w->pos, &line, &col, "chapters.%u.video", c);
		diag_add(w->diag, w->m->file, line, col,
		         "no video_seconds: the home screen cannot count this video in its time; "
		         "add video_seconds: %u (its longest language)",
		         s);
	} else if (ch->video_seconds != s) {
		yamlpos_find(w->pos, &line, &col, "chapters.%u.video_seconds", c);
		diag_add(w->diag, w->m->file, line, col,
		         "video_seconds is %u but the longest of the chapter's videos lasts %u s: "
		         "write video_seconds: %u",
		         ch->video_seconds, s, s);
	}
}

bool mediacheck_run(const struct content_module *m, struct probe *probe, int timeout_ms,
                    struct diag *diag, struct mediacheck_summary *sum)
{
	*sum = (struct mediacheck_summary){0};
	if (!m)
		return true;
	struct walk w = {
	    .m = m,
	    .probe = probe,
	    .timeout_ms = timeout_ms,
	    .diag = diag,
	    .pos = yamlpos_read(m->file),
	    .sum = sum,
	};
	for (int l = 0; l < LANG_MAX; l++)
		for (int c = 0; c < CONTENT_MAX_CHAPTERS; c++)
			sum->chapter_ms[l][c] = -1;
	/* A check of many videos takes a while: SIGINT or SIGTERM stops it. */
	for (unsigned c = 0; c < m->n_chapters && !kiosk_stop_signal; c++) {
		long long longest = -1;
		for (int i = 0; i < m->n_langs && !kiosk_stop_signal; i++) {
			int lang = m->langs[i];
			long long ms = -1;
			if (m->chapters[c].video.s[lang])
				ms = check_video(&w, c, lang);
			if (ms > longest)
				longest = ms;
			if (m->chapters[c].subtitles.s[lang])
				check_subtitles(&w, c, lang, ms);
		}
		check_seconds(&w, c, longest);
	}
	yamlpos_destroy(w.pos);
	return !kiosk_stop_signal;
}

void mediacheck_print_summary(const struct content_module *m, const struct mediacheck_summary *sum,
                              FILE *f)
{
	bool any = false;
	for (int i = 0; i < m->n_langs; i++) {
		int lang = m->langs[i];
		if (!sum->videos[lang])
			continue;
		char t[32];
		srt_check_format_time(t, sizeof(t), sum->total_ms[lang], 1);
		fprintf(f, "%s%s %s (%u video%s)", any ? ", " : "videos: ", lang_code(lang), t,
		        sum->videos[lang], sum->videos[lang] == 1 ? "" : "s");
		any = true;
	}
	if (any)
		fprintf(f, "; %u subtitle file%s checked\n", sum->subtitles,
		        sum->subtitles == 1 ? "" : "s");
}
