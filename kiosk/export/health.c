/* The health file: what an administrator needs to see from afar, nothing
 * about any session. */
#include "export/export.h"

#include <dirent.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <sys/statvfs.h>
#include <systemd/sd-journal.h>
#include <time.h>
#include <unistd.h>

#include "core/content.h"
#include "core/settings.h"
#include "core/content_root.h"

enum { HEALTH_ERRORS = 5, HEALTH_ERROR_DAYS = 7 };

/* The last error lines of the kiosk's units in the journal, with their day
 * only (PRIVACY.md: no time finer than the day). */
static void journal_errors(FILE *f)
{
	sd_journal *j = NULL;
	int n = 0;
	if (sd_journal_open(&j, SD_JOURNAL_SYSTEM | SD_JOURNAL_LOCAL_ONLY) < 0) {
		fprintf(f, "errors: unknown (the journal cannot be read)\n");
		return;
	}
	const char *units[] = {"_SYSTEMD_UNIT=kiosk.service", "_SYSTEMD_UNIT=kiosk-content.service",
	                       "_SYSTEMD_UNIT=kiosk-export.service"};
	for (unsigned i = 0; i < sizeof(units) / sizeof(units[0]); i++)
		sd_journal_add_match(j, units[i], 0);
	for (int p = 0; p <= 3; p++) {
		char m[16];
		snprintf(m, sizeof(m), "PRIORITY=%d", p);
		sd_journal_add_match(j, m, 0);
	}
	uint64_t since = (uint64_t)(time(NULL) - HEALTH_ERROR_DAYS * 86400) * 1000000ULL;
	sd_journal_seek_tail(j);
	while (n < HEALTH_ERRORS && sd_journal_previous(j) > 0) {
		uint64_t usec = 0;
		const void *data;
		size_t len;
		if (sd_journal_get_realtime_usec(j, &usec) < 0 || usec < since)
			break;
		if (sd_journal_get_data(j, "MESSAGE", &data, &len) < 0)
			continue;
		time_t t = (time_t)(usec / 1000000ULL);
		struct tm tm;
		char day[16];
		localtime_r(&t, &tm);
		strftime(day, sizeof(day), "%Y-%m-%d", &tm);
		const char *msg = (const char *)data + 8; /* "MESSAGE=" */
		int ml = (int)len - 8;
		if (ml > 200)
			ml = 200;
		char line[256];
		snprintf(line, sizeof(line), "%.*s", ml, msg);
		line[strcspn(line, "\r\n")] = '\0';
		fprintf(f, "error: %s %s\n", day, line);
		n++;
	}
	if (n == 0)
		fprintf(f, "errors: none in the last %d days\n", HEALTH_ERROR_DAYS);
	sd_journal_close(j);
}

/* The running kiosk's own status file (context/status.c): how long ago it last
 * presented a frame, how many sessions wait to be written. */
static void running_status(FILE *f, const char *path)
{
	FILE *in = path ? fopen(path, "r") : NULL;
	long long written = -1, frame = -1, queued = -1;
	char line[256], state[64] = "";
	if (!in) {
		fprintf(f, "kiosk_running: no (no %s)\n", path ? path : "status file");
		return;
	}
	while (fgets(line, sizeof(line), in)) {
		sscanf(line, "written: %lld", &written);
		sscanf(line, "last_frame: %lld", &frame);
		sscanf(line, "queued_sessions: %lld", &queued);
		sscanf(line, "state: %63s", state);
	}
	fclose(in);
	long long now = (long long)time(NULL);
	fprintf(f, "kiosk_running: %s\n",
	        written >= 0 && now - written < 120 ? "yes" : "status older than 2 minutes");
	if (frame > 0)
		fprintf(f, "last_frame_s_ago: %lld\n", now - frame);
	/* Whether sessions wait, not how many: a count would be exact. */
	if (queued >= 0)
		fprintf(f, "sessions_waiting: %s\n", queued > 0 ? "yes" : "no");
	if (state[0])
		fprintf(f, "state: %s\n", state);
}

static int count_corrupt(const char *db)
{
	char dir[4096];
	const char *slash = strrchr(db, '/');
	const char *base = slash ? slash + 1 : db;
	snprintf(dir, sizeof(dir), "%.*s", slash ? (int)(slash - db) : 1, slash ? db : ".");
	DIR *d = opendir(dir);
	struct dirent *e;
	int n = 0;
	size_t bl = strlen(base);
	if (!d)
		return 0;
	while ((e = readdir(d)))
		if (!strncmp(e->d_name, base, bl) && !strncmp(e->d_name + bl, ".corrupt", 8))
			n++;
	closedir(d);
	return n;
}

/* The closed batches of the database: how many and the last day they
 * cover. No count of sessions: the health file travels with the batch
 * files and an exact total would tell one day's visitors apart. */
static void database_figures(FILE *f, const char *db)
{
	sqlite3 *s = NULL;
	sqlite3_stmt *st = NULL;
	if (sqlite3_open_v2(db, &s, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
	    sqlite3_prepare_v2(s, "SELECT count(*), max(last_day) FROM batch", -1, &st, NULL) ==
	        SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW) {
		fprintf(f, "batches: %lld\nlast_batch_day: %s\n", sqlite3_column_int64(st, 0),
		        sqlite3_column_text(st, 1) ? (const char *)sqlite3_column_text(st, 1)
		                                   : "-");
	}
	sqlite3_finalize(st);
	sqlite3_close(s);
}

bool export_health(const struct settings *s, const char *outbox, const char *day,
                   const char *db_state, bool with_journal, const char *status)
{
	char tmp[4096], name[300], root[4096], cur[512] = "", prev[512] = "", last[600] = "";
	struct diag d = {0};
	snprintf(name, sizeof(name), "%s.health", s->kiosk_id);
	snprintf(tmp, sizeof(tmp), "%s/.%s.tmp", outbox, name);
	FILE *f = fopen(tmp, "w");
	if (!f) {
		fprintf(stderr, "kiosk-export: cannot write %s\n", tmp);
		return false;
	}
	fprintf(f, "# kiosk health, written by kiosk-export; no data about any session\n");
	fprintf(f, "kiosk: %s\nwritten: %s\nsoftware: %s\n", s->kiosk_id, day, KIOSK_VERSION);
	struct content_module *m = content_load(s->content, &d);
	if (m && m->id)
		fprintf(f, "module: %s\nmodule_version: %d\n", m->id, m->version);
	fprintf(f, "module_state: %s\n",
	        !m               ? "cannot be loaded"
	        : diag_count(&d) ? "has problems"
	                         : "ok");
	content_destroy(m);
	diag_free(&d);
	if (content_root_of(s->content, root, sizeof(root))) {
		content_root_target(root, "current", cur, sizeof(cur));
		content_root_target(root, "previous", prev, sizeof(prev));
		fprintf(f, "content_current: %s\ncontent_previous: %s\n", cur,
		        prev[0] ? prev : "-");
		char path[4200];
		snprintf(path, sizeof(path), "%s/last-install", root);
		FILE *li = fopen(path, "r");
		if (li) {
			if (fgets(last, sizeof(last), li)) {
				last[strcspn(last, "\n")] = '\0';
				fprintf(f, "content_last_install: %s\n", last);
			}
			fclose(li);
		}
	}
	running_status(f, status);
	fprintf(f, "database: %s\n", db_state);
	database_figures(f, s->database);
	fprintf(f, "corrupt_copies: %d\n", count_corrupt(s->database));
	struct statvfs vfs;
	if (statvfs(s->database, &vfs) == 0 || statvfs(outbox, &vfs) == 0) {
		unsigned long long avail = (unsigned long long)vfs.f_bavail * vfs.f_frsize;
		unsigned long long total = (unsigned long long)vfs.f_blocks * vfs.f_frsize;
		fprintf(f, "disk_free_mb: %llu\ndisk_free_pct: %llu\n", avail >> 20,
		        total ? avail * 100 / total : 0);
	}
	if (with_journal)
		journal_errors(f);
	bool ok = fflush(f) == 0 && !ferror(f);
	if (fclose(f) != 0)
		ok = false;
	return ok && export_publish(outbox, name, tmp);
}

static int newest_first(const struct dirent **a, const struct dirent **b)
{
	return strcmp((*b)->d_name, (*a)->d_name);
}

/* <kiosk>-YYYY-MM-DD.db: the day sorts the names. */
static bool is_export_of(const char *e, const char *kiosk)
{
	size_t kl = strlen(kiosk), l = strlen(e);
	return l == kl + 14 && !strncmp(e, kiosk, kl) && e[kl] == '-' && !strcmp(e + l - 3, ".db");
}

void export_prune(const char *outbox, const char *kiosk, int keep)
{
	struct dirent **list = NULL;
	int n = scandir(outbox, &list, NULL, newest_first), kept = 0;
	for (int i = 0; i < n; i++) {
		const char *e = list[i]->d_name;
		if (is_export_of(e, kiosk) && kept++ >= keep) {
			char path[4096];
			snprintf(path, sizeof(path), "%s/%s", outbox, e);
			unlink(path);
		}
		free(list[i]);
	}
	free(list);
}

bool export_newest(const char *outbox, const char *kiosk, char *path, size_t len)
{
	struct dirent **list = NULL;
	int n = scandir(outbox, &list, NULL, newest_first);
	path[0] = '\0';
	for (int i = 0; i < n; i++) {
		if (!path[0] && is_export_of(list[i]->d_name, kiosk))
			snprintf(path, len, "%s/%s", outbox, list[i]->d_name);
		free(list[i]);
	}
	free(list);
	return path[0] != '\0';
}
