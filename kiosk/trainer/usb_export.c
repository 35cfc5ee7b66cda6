/* Export to a USB drive (see export.h). A drive is a stranger's file system:
 * it may hold a symbolic link, a FIFO or a folder at any name the export
 * uses, or vanish in the middle. So every file is made through a descriptor
 * of the drive's folder, created new (O_EXCL, O_NOFOLLOW: never through a
 * link; O_NONBLOCK: never waiting on a FIFO or a dead device), checked to be
 * a regular file on the drive's own file system, written, synced and only
 * then renamed in place within that folder (renameat replaces a link at the
 * final name, never its target). */
#include "trainer/usb_export.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/log.h"
#include "report/report.h"

static bool is_dir(const char *path)
{
	struct stat st;
	return path && *path && stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* A drive's file system, not a folder of the one it sits in: kiosk.service's
 * ReadWritePaths=/media/kiosk bind-mounts that folder of the system disk on
 * itself, so /proc/self/mounts lists /media/kiosk with no drive plugged in,
 * and an export there would land on the kiosk's own disk, said done. */
static bool is_drive(const char *mnt)
{
	char parent[512];
	struct stat st, up;
	snprintf(parent, sizeof parent, "%s/..", mnt);
	return stat(mnt, &st) == 0 && S_ISDIR(st.st_mode) && stat(parent, &up) == 0 &&
	       st.st_dev != up.st_dev;
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

bool usb_export_find(const char *export_dir, const char *mounts_file, char *out, size_t out_size,
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
		    is_drive(mnt)) {
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

/* A message the trainer can act on, from the errno of the failure; name is
 * the file on the drive it concerns. */
static void explain(struct usb_export_result *res, int err, const char *what, const char *name)
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
	if (err == EISDIR || err == EEXIST || err == ELOOP || err == ENOTEMPTY || err == EXDEV ||
	    err == EBADF)
		snprintf(
		    res->message, sizeof res->message,
		    "La clé contient déjà « %s », qui n'est pas un fichier ordinaire (dossier, "
		    "lien ou fichier spécial) : rien n'a été exporté. Retirez-le de la clé "
		    "depuis un ordinateur, ou prenez une autre clé.",
		    name);
	else if (why)
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
	log_warn("export", "%s/%s: %s: %s", res->dir, name, what, strerror(err));
}

/* A new regular file named name in the drive's folder dfd (whose file
 * system is dev), for writing. A name already there is only ever a
 * temporary file of an export that was cut short, or a trap: its entry is
 * removed (unlinkat removes a link or a FIFO itself, never its target, and
 * refuses a folder) and the file made anew. The descriptor, or -errno. */
static int part_create(int dfd, dev_t dev, const char *name)
{
	const int flags = O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC;
	int fd = openat(dfd, name, flags, 0644);
	if (fd < 0 && errno == EEXIST) {
		if (unlinkat(dfd, name, 0) != 0)
			return errno == EISDIR || errno == EPERM ? -EISDIR : -errno;
		fd = openat(dfd, name, flags, 0644);
	}
	if (fd < 0)
		return -errno;
	struct stat st;
	int e = fstat(fd, &st) != 0 ? errno : 0;
	if (!e && (!S_ISREG(st.st_mode) || st.st_dev != dev || st.st_nlink != 1))
		e = EXDEV; /* not the plain new file on the drive that was asked for */
	if (e) {
		close(fd);
		return -e;
	}
	return fd;
}

/* One report into the new file fd (closed here). The report is made in
 * memory first, then written with write(2) itself, so that every byte that
 * goes to the drive passes one loop that sees each error. 0 or an errno. */
static int write_report(const struct report *r, int fd, bool html)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	int err = f ? 0 : (errno ? errno : ENOMEM);
	if (f) {
		int rc = html ? report_html(r, f) : report_csv(r, f, ';');
		if ((fclose(f) != 0 || rc != 0) && !err)
			err = errno ? errno : ENOMEM;
	}
	for (size_t off = 0; !err && off < len;) {
		ssize_t n = write(fd, buf + off, len - off);
		if (n > 0)
			off += (size_t)n;
		else if (n < 0 && errno != EINTR)
			err = errno;
		else if (n == 0)
			err = EIO;
	}
	free(buf);
	if (!err && fsync(fd) != 0)
		err = errno;
	if (close(fd) != 0 && !err)
		err = errno;
	return err;
}

/* The published report of the span's closed batches into r and its name
 * in the files' names; false with a message when there is none. */
static bool build(const struct usb_export_request *req, struct report *r, char *name,
                  size_t name_size, struct usb_export_result *res)
{
	const char *db = req->db_path;
	char from[11];
	snprintf(from, sizeof from, "%.8s01", req->today);
	int rc = req->span == EXPORT_LAST_DAY ? report_build_last(r, db, req->min_group)
	         : req->span == EXPORT_THIS_MONTH
	             ? report_build(r, &db, 1, from, req->today, req->min_group)
	             : report_build(r, &db, 1, NULL, NULL, req->min_group);
	if (rc != 0) {
		snprintf(res->message, sizeof res->message,
		         "La base de la borne ne peut pas être lue : rien n'a été exporté.");
		log_warn("export", "%s: cannot be read for the report", db);
		return false;
	}
	if (r->n_batches == 0) {
		snprintf(res->message, sizeof res->message,
		         "Aucune journée close à exporter%s : une journée part sur la clé une fois "
		         "terminée et réunie avec d'autres jusqu'à %d sessions au moins. Rien n'a "
		         "été écrit.",
		         req->span == EXPORT_THIS_MONTH ? " ce mois-ci" : "", req->min_group);
		return false;
	}
	if (req->span == EXPORT_THIS_MONTH)
		snprintf(name, name_size, "%.7s", req->today);
	else if (req->span == EXPORT_ALL)
		snprintf(name, name_size, "tout");
	else if (strcmp(r->first_day, r->last_day) == 0)
		snprintf(name, name_size, "%s", r->last_day);
	else
		snprintf(name, name_size, "%s_%s", r->first_day, r->last_day);
	report_set_module(r, req->module);
	return true;
}

enum { N_FILES = 2 };

void usb_export_run(const struct usb_export_request *req, const char *dir,
                    struct usb_export_result *res)
{
	*res = (struct usb_export_result){0};
	snprintf(res->dir, sizeof res->dir, "%s", dir);
	char period[32];
	struct report r;
	if (!build(req, &r, period, sizeof period, res)) {
		report_free(&r);
		return;
	}
	char days[64];
	if (strcmp(r.first_day, r.last_day) == 0)
		snprintf(days, sizeof days, "la journée du %s", r.first_day);
	else
		snprintf(days, sizeof days, "les journées du %s au %s", r.first_day, r.last_day);
	static const char *const ext[N_FILES] = {"html", "csv"};
	char final[N_FILES][128], tmp[N_FILES][140];
	for (int i = 0; i < N_FILES; i++) {
		snprintf(final[i], sizeof final[i], "kiosk-%s-%s.%s", req->kiosk_id, period,
		         ext[i]);
		snprintf(tmp[i], sizeof tmp[i], ".kiosk-%s-%s.%s.part", req->kiosk_id, period,
		         ext[i]);
	}

	/* The drive's folder itself is the mount point or the configured
	 * folder: never a link the drive could have placed. */
	int dfd = open(dir, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
	struct stat dst;
	if (dfd < 0 || fstat(dfd, &dst) != 0) {
		explain(res, errno == ENOTDIR || errno == ELOOP ? ENOENT : errno, "dossier", ".");
		if (dfd >= 0)
			close(dfd);
		report_free(&r);
		return;
	}

	int err = 0;
	const char *what = "fichier temporaire", *name = "";
	bool made[N_FILES] = {false};
	/* A folder where a file goes would stop the renames half-way: known
	 * before anything is written. */
	for (int i = 0; i < N_FILES && !err; i++) {
		struct stat st;
		if (fstatat(dfd, final[i], &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISDIR(st.st_mode)) {
			err = EISDIR;
			what = "nom final";
			name = final[i];
		}
	}
	for (int i = 0; !err && i < N_FILES; i++) {
		int fd = part_create(dfd, dst.st_dev, tmp[i]);
		name = tmp[i];
		if (fd < 0) {
			err = -fd;
			break;
		}
		made[i] = true;
		err = write_report(&r, fd, i == 0);
		what = i == 0 ? "rapport HTML" : "tableur CSV";
	}
	report_free(&r);
	/* Every file is complete on the drive: now they take their names. */
	for (int i = 0; !err && i < N_FILES; i++) {
		if (renameat(dfd, tmp[i], dfd, final[i]) != 0) {
			err = errno;
			what = "renommage";
			name = final[i];
		} else {
			made[i] = false;
			res->files++;
		}
	}
	for (int i = 0; i < N_FILES; i++)
		if (made[i]) /* nothing is left under a temporary name */
			unlinkat(dfd, tmp[i], 0);
	if (!err && fsync(dfd) != 0) {
		err = errno;
		what = "dossier";
		name = ".";
	}
	close(dfd);
	if (err) {
		explain(res, err, what, name);
		return;
	}
	snprintf(res->message, sizeof res->message,
	         "Exporté dans %s : kiosk-%s-%s.html (rapport) et .csv (tableur), pour %s "
	         "(chiffres publiés «\u00a0≈\u00a0», journées closes seulement : la journée en "
	         "cours n'y "
	         "est pas).",
	         dir, req->kiosk_id, period, days);
	res->ok = true;
	log_info("export", "%d files written to %s", N_FILES, dir);
}
