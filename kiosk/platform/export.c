/* Export to a USB drive (see export.h). The database copy holds the period's
 * session rows only, inserted in key order (random ids) into a new file
 * with its daily counters rebuilt: the same anonymous content PRIVACY.md
 * describes, and no trace of the order in which sessions were saved. */
#include "platform/export.h"

#include <errno.h>
#include <fcntl.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/log.h"
#include "platform/store_schema.h"
#include "report/report.h"

static bool is_dir(const char *path)
{
	struct stat st;
	return path && *path && stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* Mount points in /proc/self/mounts write a space as \040. */
static void unescape(char *s)
{
	char *o = s;
	for (char *p = s; *p; p++) {
		if (p[0] == '\\' && p[1] >= '0' && p[1] <= '7' && p[2] >= '0' && p[2] <= '7' &&
		    p[3] >= '0' && p[3] <= '7') {
			*o++ = (char)((p[1] - '0') * 64 + (p[2] - '0') * 8 + (p[3] - '0'));
			p += 3;
		} else {
			*o++ = *p;
		}
	}
	*o = '\0';
}

bool export_find_target(const char *export_dir, const char *mounts_file, char *out, size_t out_size,
                        char *message, size_t message_size)
{
	if (is_dir(export_dir)) {
		snprintf(out, out_size, "%s", export_dir);
		return true;
	}
	FILE *f = fopen(mounts_file ? mounts_file : "/proc/self/mounts", "r");
	char line[1024];
	bool found = false;
	while (f && !found && fgets(line, sizeof line, f)) {
		char dev[256], mnt[512];
		if (sscanf(line, "%255s %511s", dev, mnt) != 2)
			continue;
		unescape(mnt);
		if ((strncmp(mnt, "/media/", 7) == 0 || strncmp(mnt, "/run/media/", 11) == 0) &&
		    is_dir(mnt)) {
			snprintf(out, out_size, "%s", mnt);
			found = true;
		}
	}
	if (f)
		fclose(f);
	if (!found)
		snprintf(message, message_size,
		         "Aucune clé USB trouvée. Branchez une clé : elle apparaît sous /media, "
		         "puis touchez de nouveau « Exporter ».%s%s",
		         export_dir && *export_dir ? " Le dossier d'export réglé est absent : "
		                                   : "",
		         export_dir && *export_dir ? export_dir : "");
	return found;
}

/* A message the trainer can act on, from the errno of the failure. */
static void explain(struct export_result *res, int err, const char *what)
{
	const char *why;
	switch (err) {
	case EROFS:
	case EACCES:
	case EPERM: why = "La clé USB est en lecture seule (protégée en écriture)"; break;
	case ENOSPC:
	case EDQUOT:
	case EFBIG: why = "La clé USB est pleine"; break;
	case ENOENT:
	case ENODEV:
	case ENXIO:
	case EIO:
	case ESTALE: why = "La clé USB a été retirée ou ne répond plus"; break;
	default: why = NULL;
	}
	if (why)
		snprintf(res->message, sizeof res->message,
		         "%s : rien n'a été exporté (aucun fichier incomplet n'est resté sur la "
		         "clé). %s",
		         why,
		         err == ENOSPC || err == EDQUOT || err == EFBIG
		             ? "Libérez de la place ou prenez une autre clé, puis recommencez."
		             : "Vérifiez la clé, rebranchez-la, puis recommencez.");
	else
		snprintf(res->message, sizeof res->message,
		         "Écriture impossible sur la clé (%s, %s) : rien n'a été exporté.", what,
		         strerror(err));
	log_warn("export", "%s: %s: %s", res->dir, what, strerror(err));
}

/* Flushes a file to the drive, so that the rename that follows publishes a
 * complete file. 0 or an errno. */
static int sync_path(const char *path)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return errno ? errno : EIO;
	int rc = fsync(fd) == 0 ? 0 : errno;
	close(fd);
	return rc;
}

/* One report into a temporary file. 0 or an errno. */
static int write_report(const struct report *r, const char *path, bool html)
{
	errno = 0;
	FILE *f = fopen(path, "w");
	if (!f)
		return errno ? errno : EIO;
	int rc = html ? report_html(r, f) : report_csv(r, f, ';');
	int err = rc != 0 || ferror(f) ? (errno ? errno : EIO) : 0;
	if (fflush(f) != 0 && !err)
		err = errno ? errno : EIO;
	if (!err && fsync(fileno(f)) != 0)
		err = errno ? errno : EIO;
	if (fclose(f) != 0 && !err)
		err = errno ? errno : EIO;
	return err;
}

static int sqlite_errno(sqlite3 *db, int rc)
{
	int e = sqlite3_system_errno(db);
	if (e)
		return e;
	switch (rc & 0xff) {
	case SQLITE_FULL: return ENOSPC;
	case SQLITE_READONLY: return EROFS;
	case SQLITE_CANTOPEN: return EACCES;
	default: return EIO;
	}
}

/* The period's rows into a new database at path. 0 or an errno. */
static int write_db(const struct export_request *req, const char *path)
{
	sqlite3 *db = NULL;
	int rc = sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
	if (rc != SQLITE_OK) {
		int e = sqlite_errno(db, rc);
		sqlite3_close(db);
		return e;
	}
	const char *lo = req->from ? req->from : "0000-00-00",
	           *hi = req->to ? req->to : "9999-99-99";
	char *uri = report_ro_uri(req->db_path);
	/* The schema holds '%' (duration_s % 30): not through mprintf. */
	rc = sqlite3_exec(
	    db,
	    "PRAGMA journal_mode = DELETE; PRAGMA synchronous = FULL; BEGIN;" STORE_SCHEMA_V1
	        STORE_SCHEMA_V2 STORE_SCHEMA_V3 "PRAGMA user_version = 3;" STORE_DROP_TRIGGERS
	    "COMMIT;",
	    NULL, NULL, NULL);
	char *sql =
	    rc != SQLITE_OK
	        ? NULL
	        : sqlite3_mprintf("ATTACH %Q AS src; BEGIN;"
	                          "INSERT INTO session (day, id, kiosk, module, module_version, "
	                          "lang, furthest, "
	                          "chapters_seen, score, passed, ended, duration_s, label) SELECT "
	                          "day, id, kiosk, module, "
	                          "module_version, lang, furthest, chapters_seen, score, passed, "
	                          "ended, duration_s, label "
	                          "FROM src.session WHERE day BETWEEN %Q AND %Q ORDER BY day, id;"
	                          "INSERT INTO chapter SELECT module, chapter, day, session, seen, "
	                          "video_share FROM "
	                          "src.chapter WHERE day BETWEEN %Q AND %Q ORDER BY module, "
	                          "chapter, day, session;"
	                          "INSERT INTO answer SELECT module, question, objective, choice, "
	                          "correct, day, session "
	                          "FROM src.answer WHERE day BETWEEN %Q AND %Q ORDER BY module, "
	                          "question, objective, "
	                          "choice, correct, day, session;",
	                          uri, lo, hi, lo, hi, lo, hi);
	sqlite3_free(uri);
	if (rc == SQLITE_OK)
		rc = sql ? sqlite3_exec(db, sql, NULL, NULL, NULL) : SQLITE_NOMEM;
	sqlite3_free(sql);
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(
		    db,
		    STORE_REBUILD_STATS STORE_REBUILD_V3 STORE_TRIGGERS_V1 STORE_TRIGGERS_V3
		    "COMMIT; DETACH src;",
		    NULL, NULL, NULL);
	int err = rc == SQLITE_OK ? 0 : sqlite_errno(db, rc);
	if (err)
		log_warn("export", "database copy: %s", sqlite3_errmsg(db));
	if (sqlite3_close(db) != SQLITE_OK && !err)
		err = EIO;
	return err ? err : sync_path(path);
}

void export_run(const struct export_request *req, const char *dir, struct export_result *res)
{
	*res = (struct export_result){0};
	snprintf(res->dir, sizeof res->dir, "%s", dir);
	char period[32];
	if (req->from && req->to && strcmp(req->from, req->to) == 0)
		snprintf(period, sizeof period, "%s", req->from);
	else if (req->from || req->to)
		snprintf(period, sizeof period, "%s_%s", req->from ? req->from : "debut",
		         req->to ? req->to : "fin");
	else
		snprintf(period, sizeof period, "tout");
	static const char *const ext[] = {"html", "csv", "db"};
	char final[3][768], tmp[3][800];
	for (int i = 0; i < 3; i++) {
		snprintf(final[i], sizeof final[i], "%s/kiosk-%s-%s.%s", dir, req->kiosk_id, period,
		         ext[i]);
		snprintf(tmp[i], sizeof tmp[i], "%s/.kiosk-%s-%s.%s.part", dir, req->kiosk_id,
		         period, ext[i]);
	}

	struct report r;
	const char *paths[1] = {req->db_path};
	if (report_load(&r, paths, 1, req->from, req->to) != 0) {
		snprintf(res->message, sizeof res->message,
		         "La base de la borne ne peut pas être lue : rien n'a été exporté.");
		log_warn("export", "%s: cannot be read for the report", req->db_path);
		report_free(&r);
		return;
	}
	r.module = req->module;
	report_suppress(&r, req->min_group);
	res->sessions = r.total.sessions;
	bool hidden = r.total.hidden;

	int err = write_report(&r, tmp[0], true);
	const char *what = "rapport HTML";
	if (!err) {
		err = write_report(&r, tmp[1], false);
		what = "tableur CSV";
	}
	report_free(&r);
	if (!err) {
		err = write_db(req, tmp[2]);
		what = "base anonyme";
	}
	/* Every file is complete on the drive: now they take their names. */
	for (int i = 0; !err && i < 3; i++) {
		if (rename(tmp[i], final[i]) != 0) {
			err = errno;
			what = "renommage";
		} else {
			res->files++;
		}
	}
	for (int i = 0; i < 3; i++)
		unlink(tmp[i]); /* nothing is left under a temporary name either */
	if (!err) {
		int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
		if (fd >= 0) {
			if (fsync(fd) != 0)
				err = errno;
			close(fd);
		}
		what = "dossier";
	}
	if (err) {
		explain(res, err, what);
		return;
	}
	char count[48];
	if (hidden)
		snprintf(count, sizeof count, "moins de %d sessions", req->min_group);
	else if (res->sessions == 0)
		snprintf(count, sizeof count, "aucune session");
	else
		snprintf(count, sizeof count, "%lld session%s", res->sessions,
		         res->sessions > 1 ? "s" : "");
	snprintf(res->message, sizeof res->message,
	         "Exporté dans %s : kiosk-%s-%s.html (rapport), .csv (tableur) et .db (base "
	         "anonyme), %s.",
	         dir, req->kiosk_id, period, count);
	res->ok = true;
	log_info("export", "3 files written to %s", dir);
}
