#include "check/check.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check/fitcheck.h"
#include "check/mediacheck.h"
#include "core/budget.h"
#include "core/itemlint.h"
#include "core/log.h"
#include "core/quality.h"
#include "core/release.h"
#include "core/session.h"
#include "core/yaml/yamlpos.h"
#include "platform/probe.h"

static void format_ms(char *out, size_t len, long long ms)
{
	long long s = (ms + 500) / 1000;
	snprintf(out, len, "%lld:%02lld", s / 60, s % 60);
}

/* Whether some placeholder videos have their real film's length: then
 * the pass is also counted with the real films. */
static bool films_known(const struct content_module *m)
{
	for (unsigned c = 0; c < m->n_chapters; c++) {
		const struct content_chapter *ch = &m->chapters[c];
		if (ch->video_placeholder && ch->film && ch->film->seconds)
			return true;
	}
	return false;
}

/* A full pass per language against max_minutes, with the videos shipped
 * or with the real films' lengths; the figures are printed when the
 * module is valid, and are the message when it is over. */
static void check_budget(const struct content_module *m, const struct mediacheck_summary *sum,
                         enum budget_videos which, struct diag *d, bool print)
{
	struct yamlpos *pos = yamlpos_read(m->file);
	if (print && which == BUDGET_SHIPPED)
		printf("time budget (every word read at %d words/min, the videos, %d s to answer "
		       "a question, %d s a screen change):",
		       BUDGET_WPM, BUDGET_ANSWER_S, BUDGET_SCREEN_S);
	else if (print)
		printf("with the real films' lengths (film.seconds):");
	for (int i = 0; i < m->n_langs; i++) {
		int lang = m->langs[i];
		struct budget b;
		budget_estimate(m, lang, sum->chapter_ms[lang], which, &b);
		char total[32], read[32], video[32], answer[32], screen[32], what[300];
		format_ms(total, sizeof(total), b.total_ms);
		format_ms(read, sizeof(read), b.read_ms);
		format_ms(video, sizeof(video), b.video_ms);
		format_ms(answer, sizeof(answer), b.answer_ms);
		format_ms(screen, sizeof(screen), b.screen_ms);
		snprintf(what, sizeof(what),
		         "%u words %s, videos %s, %u answers %s, %u screen changes %s", b.words,
		         read, video, b.questions, answer, b.screens, screen);
		if (print)
			printf("%s %s %s (%s)", i ? ";" : "", lang_code(lang), total, what);
		if (m->max_minutes && b.total_ms > m->max_minutes * 60000LL) {
			int line, col;
			yamlpos_find(pos, &line, &col, "max_minutes");
			diag_add(d, m->file, line, col,
			         "%s:%s a full pass takes about %s (%s), over max_minutes %u",
			         lang_code(lang),
			         which == BUDGET_FILMS ? " with the real films (film.seconds),"
			                               : "",
			         total, what, m->max_minutes);
		}
	}
	if (print) {
		if (m->max_minutes)
			printf("; at most %u:00\n", m->max_minutes);
		else
			printf("; no max_minutes given\n");
	}
	yamlpos_destroy(pos);
}

/* --check: the settings, the module, its layout at both screen shapes,
 * its video and subtitle files, its time budget and how its questions are
 * written; every problem printed together at the end. */
int check_run(struct kiosk *k, struct diag *d, const char *shots, bool release)
{
	if (shots && mkdir(shots, 0777) != 0 && errno != EEXIST) {
		log_err("check", "cannot create %s for the screenshots: %s", shots,
		        strerror(errno));
		return EXIT_BAD_INPUT;
	}
	struct stat st;
	if (shots && (stat(shots, &st) != 0 || !S_ISDIR(st.st_mode) || access(shots, W_OK) != 0)) {
		log_err("check", "%s is not a folder this program can write to", shots);
		return EXIT_BAD_INPUT;
	}
	int rc = EXIT_OK;
	bool content_ok = k->module && diag_count(d) == 0;
	struct mediacheck_summary sum = {0};
	if (k->module) {
		/* libVLC is started here only, so that the kiosk itself starts quickly. */
		struct probe *probe = probe_create();
		/* Not the kiosk's first_frame_timeout_s (5 s, in front of a person):
		 * the check runs on authors' laptops and in kiosk-content, at Nice=10
		 * beside a running kiosk, where a good video may take longer to show
		 * its first picture (4 of 24 in the VM under TCG), and a refused
		 * bundle is not tried again. A file that errors or ends fails at
		 * once; only a hang waits this long. */
		enum { CHECK_FIRST_FRAME_S = 60 };
		bool done = mediacheck_run(k->module, probe, CHECK_FIRST_FRAME_S * 1000, d, &sum);
		if (!probe)
			rc = EXIT_INTERNAL;
		probe_destroy(probe);
		if (!done) {
			log_err("check", "interrupted");
			return EXIT_INTERNAL;
		}
	}
	struct diag needs = {0}; /* what a release still needs */
	struct diag warns = {0}; /* item-writing cues: said, not refused */
	if (content_ok) {
		quality_lint(k->module, d);
		item_lint(k->module, &warns);
		check_budget(k->module, &sum, BUDGET_SHIPPED, d, false);
		if (films_known(k->module))
			check_budget(k->module, &sum, BUDGET_FILMS, release ? d : &needs, false);
		char today[11];
		session_today(today);
		release_check(k->module, today, release ? d : &needs);
	}
	/* Drawing every screen needs a module without mistakes. */
	if (content_ok && !fitcheck_run(k, d, shots))
		rc = EXIT_INTERNAL;
	diag_print(&warns, stderr);
	int n_warns = diag_count(&warns);
	diag_free(&warns);
	if (diag_count(d) > 0) {
		diag_print(d, stderr);
		diag_free(&needs);
		return EXIT_BAD_INPUT;
	}
	if (!k->module) {
		fprintf(stderr, "kiosk: cannot load the module from %s\n", k->settings.content);
		return EXIT_BAD_INPUT;
	}
	if (rc != EXIT_OK) {
		diag_free(&needs);
		return rc;
	}
	const struct content_module *m = k->module;
	printf("%s: %s v%d is valid (%u chapters, %u questions, languages:", m->file, m->id,
	       m->version, m->n_chapters, m->n_questions);
	for (int i = 0; i < m->n_langs; i++)
		printf(" %s", lang_code(m->langs[i]));
	printf(")\n");
	mediacheck_print_summary(m, &sum, stdout);
	if (!k->settings.trainer_pin[0])
		printf("trainer mode is off: no trainer_pin in the settings (to set one: "
		       "kiosk --hash-pin, then paste the line it prints)\n");
	check_budget(m, &sum, BUDGET_SHIPPED, d, true);
	if (films_known(m))
		check_budget(m, &sum, BUDGET_FILMS, d, true);
	if (n_warns)
		printf("%d warning%s about how the questions are written (above, on stderr): "
		       "see docs/module.md\n",
		       n_warns, n_warns == 1 ? "" : "s");
	if (diag_count(&needs)) {
		printf("not ready for release (kiosk --check --release refuses it), %d thing%s to "
		       "do:\n",
		       diag_count(&needs), diag_count(&needs) == 1 ? "" : "s");
		diag_print(&needs, stdout);
	} else {
		printf("ready for release: no placeholder\n");
	}
	diag_free(&needs);
	return EXIT_OK;
}
