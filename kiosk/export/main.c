/* kiosk-export --outbox DIR [--config FILE] [--db PATH] [--content DIR]
 *              [--keep N] [--day YYYY-MM-DD] [--no-journal]
 * What kiosk-export.service runs each night (export.h). Exit codes: 0 done,
 * 2 bad arguments or settings, 1 could not read or write. */
#include <errno.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "core/exit.h"
#include "core/settings.h"
#include "export/export.h"

static void usage(FILE *f)
{
	fprintf(f, "Usage: kiosk-export --outbox DIR [--config FILE] [--db PATH] [--content DIR]\n"
	           "                    [--keep N] [--day YYYY-MM-DD] [--no-journal]\n"
	           "                    [--status FILE]\n"
	           "Writes this kiosk's closed batches into DIR as <kiosk id>-<day>.db (a batch\n"
	           "file kiosk-report reads: counters, no session row, written atomically) and\n"
	           "<kiosk id>.health (versions, database state, free disk, last errors; nothing\n"
	           "about any session; the running kiosk's --status, /run/kiosk/status, tells\n"
	           "when it last presented a frame). Keeps the newest N copies of this kiosk "
	           "(default 7).\n"
	           "Settings are read as the kiosk reads them (--config, ./config/kiosk.yaml,\n"
	           "/etc/kiosk/kiosk.yaml).\n");
}

/* "ok", "missing" or "damaged: ..." */
static void db_state(const char *path, char *out, size_t len)
{
	sqlite3 *db = NULL;
	sqlite3_stmt *st = NULL;
	if (access(path, F_OK) != 0) {
		snprintf(out, len, "missing");
		return;
	}
	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
	    sqlite3_prepare_v2(db, "PRAGMA quick_check", -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW) {
		const char *r = (const char *)sqlite3_column_text(st, 0);
		snprintf(out, len, "%s%.200s",
		         r && !strcmp(r, "ok") ? "" : "damaged: ", r ? r : "?");
	} else {
		snprintf(out, len, "damaged: %.200s", db ? sqlite3_errmsg(db) : "cannot open");
	}
	sqlite3_finalize(st);
	sqlite3_close(db);
}

int main(int argc, char **argv)
{
	const char *outbox = NULL, *config = NULL, *dbp = NULL, *content = NULL, *day = NULL;
	const char *status = "/run/kiosk/status";
	int keep = 7;
	bool journal = true;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
		const char **slot = !strcmp(a, "--outbox")    ? &outbox
		                    : !strcmp(a, "--config")  ? &config
		                    : !strcmp(a, "--db")      ? &dbp
		                    : !strcmp(a, "--content") ? &content
		                    : !strcmp(a, "--day")     ? &day
		                    : !strcmp(a, "--status")  ? &status
		                                              : NULL;
		if (!strcmp(a, "--help")) {
			usage(stdout);
			return EXIT_OK;
		} else if (!strcmp(a, "--no-journal")) {
			journal = false;
		} else if (!strcmp(a, "--keep") && v) {
			keep = atoi(v);
			i++;
		} else if (slot && v) {
			*slot = v;
			i++;
		} else {
			fprintf(stderr, "kiosk-export: unexpected or incomplete argument '%s'\n",
			        a);
			usage(stderr);
			return EXIT_BAD_INPUT;
		}
	}
	if (!outbox || keep < 1) {
		usage(stderr);
		return EXIT_BAD_INPUT;
	}
	struct settings s;
	struct diag d = {0};
	settings_defaults(&s);
	if (!config && access("config/kiosk.yaml", F_OK) == 0)
		config = "config/kiosk.yaml";
	if (!config && access("/etc/kiosk/kiosk.yaml", F_OK) == 0)
		config = "/etc/kiosk/kiosk.yaml";
	if (config && !settings_load(config, &s, &d)) {
		diag_print(&d, stderr);
		fprintf(stderr, "kiosk-export: cannot use the settings %s\n", config);
		settings_free(&s);
		diag_free(&d);
		return EXIT_BAD_INPUT;
	}
	diag_free(&d);
	if (dbp)
		settings_set(&s.database, dbp);
	if (content)
		settings_set(&s.content, content);
	char today[11], name[300], state[256];
	if (!day) {
		time_t t = time(NULL);
		struct tm tm;
		localtime_r(&t, &tm);
		strftime(today, sizeof(today), "%Y-%m-%d", &tm);
		day = today;
	}
	if (mkdir(outbox, 0750) != 0 && access(outbox, W_OK) != 0) {
		fprintf(stderr, "kiosk-export: cannot write into %s: %s\n", outbox,
		        strerror(errno));
		settings_free(&s);
		return EXIT_INTERNAL;
	}
	int rc = EXIT_OK;
	long long batches = 0;
	db_state(s.database, state, sizeof(state));
	snprintf(name, sizeof(name), "%s-%s.db", s.kiosk_id, day);
	if (!strcmp(state, "ok")) {
		struct timespec t0, t1, c0, c1;
		clock_gettime(CLOCK_MONOTONIC, &t0);
		clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &c0);
		char prev[4400];
		bool has_prev = export_newest(outbox, s.kiosk_id, prev, sizeof prev);
		if (export_batches(s.database, outbox, name, has_prev ? prev : NULL, &batches)) {
			clock_gettime(CLOCK_MONOTONIC, &t1);
			clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &c1);
			/* The time is for bench/batches.sh: the file alone, without
			 * the database check and the health file around it. */
			printf("kiosk-export: %s/%s: %lld closed batches in %.0f ms (%.0f ms of "
			       "CPU)\n",
			       outbox, name, batches,
			       (double)(t1.tv_sec - t0.tv_sec) * 1e3 +
			           (double)(t1.tv_nsec - t0.tv_nsec) / 1e6,
			       (double)(c1.tv_sec - c0.tv_sec) * 1e3 +
			           (double)(c1.tv_nsec - c0.tv_nsec) / 1e6);
			export_prune(outbox, s.kiosk_id, keep);
		} else {
			rc = EXIT_INTERNAL;
		}
	} else {
		fprintf(stderr, "kiosk-export: statistics database %s: %s; no copy tonight\n",
		        s.database, state);
	}
	if (!export_health(&s, outbox, day, state, journal, status))
		rc = EXIT_INTERNAL;
	settings_free(&s);
	return rc;
}
