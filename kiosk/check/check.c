#include "check/check.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check/fitcheck.h"
#include "check/mediacheck.h"
#include "core/log.h"
#include "platform/probe.h"

/* --check: the settings, the module, its layout at both screen shapes and
 * its video and subtitle files; every problem printed together at the end. */
int check_run(struct kiosk *k, struct diag *d, const char *shots)
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
		int wait_s =
		    k->settings.first_frame_timeout_s > 0 ? k->settings.first_frame_timeout_s : 5;
		bool done = mediacheck_run(k->module, probe, wait_s * 1000, d, &sum);
		if (!probe)
			rc = EXIT_INTERNAL;
		probe_destroy(probe);
		if (!done) {
			log_err("check", "interrupted");
			return EXIT_INTERNAL;
		}
	}
	/* Drawing every screen needs a module without mistakes. */
	if (content_ok && !fitcheck_run(k, d, shots))
		rc = EXIT_INTERNAL;
	if (diag_count(d) > 0) {
		diag_print(d, stderr);
		return EXIT_BAD_INPUT;
	}
	if (!k->module) {
		fprintf(stderr, "kiosk: cannot load the module from %s\n", k->settings.content);
		return EXIT_BAD_INPUT;
	}
	if (rc != EXIT_OK)
		return rc;
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
	return EXIT_OK;
}
