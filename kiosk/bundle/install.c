/* kiosk-bundle install / rollback / inbox: verify a bundle completely
 * before anything is switched, then switch in one rename. */
#include "bundle/bundle.h"

#include <archive.h>
#include <archive_entry.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/content.h"
#include "core/content_root.h"

static int rm_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	remove(path);
	return 0;
}

static void rm_tree(const char *path)
{
	nftw(path, rm_one, 16, FTW_DEPTH | FTW_PHYS);
}

/* mkdir -p of the parents of rel under base (rel already checked safe). */
static bool make_parents(const char *base, const char *rel)
{
	char path[4096];
	int n = snprintf(path, sizeof(path), "%s/%s", base, rel);
	for (int i = (int)strlen(base) + 1; i < n; i++) {
		if (path[i] != '/')
			continue;
		path[i] = '\0';
		if (mkdir(path, 0755) != 0 && errno != EEXIST)
			return false;
		path[i] = '/';
	}
	return true;
}

/* The whole entry into memory (MANIFEST, MANIFEST.sig). */
static char *read_small(struct archive *a, struct archive_entry *e, size_t *len, char *why,
                        size_t whylen)
{
	la_int64_t size = archive_entry_size(e);
	if (archive_entry_filetype(e) != AE_IFREG || size < 0 || size > BUNDLE_MANIFEST_MAX) {
		snprintf(why, whylen, "damaged bundle: %s is not a small file",
		         archive_entry_pathname(e));
		return NULL;
	}
	char *buf = malloc((size_t)size + 1);
	la_ssize_t got = buf ? archive_read_data(a, buf, (size_t)size) : -1;
	if (got != size) {
		snprintf(why, whylen, "truncated bundle: %s is cut short (%s)",
		         archive_entry_pathname(e), got < 0 ? archive_error_string(a) : "short");
		free(buf);
		return NULL;
	}
	buf[size] = '\0';
	*len = (size_t)size;
	return buf;
}

/* One module file: checked against the manifest while it is written. */
static bool extract(struct archive *a, struct archive_entry *e, struct manifest *m,
                    const char *stage, char *why, size_t whylen)
{
	const char *name = archive_entry_pathname(e);
	int type = archive_entry_filetype(e);
	if (!name || strncmp(name, BUNDLE_PREFIX, strlen(BUNDLE_PREFIX)) != 0 ||
	    !bundle_path_safe(name)) {
		snprintf(why, whylen, "path traversal or stray entry in the tar: '%.100s'",
		         name ? name : "(no name)");
		return false;
	}
	const char *rel = name + strlen(BUNDLE_PREFIX);
	if (type == AE_IFDIR)
		return true;
	if (type != AE_IFREG || archive_entry_hardlink(e) || archive_entry_symlink(e)) {
		snprintf(why, whylen,
		         "path traversal risk: '%.100s' is a link or device, not a file", name);
		return false;
	}
	struct manifest_file *f = manifest_find(m, rel);
	if (!f || f->seen) {
		snprintf(why, whylen, "tampered: '%.100s' is %s", name,
		         f ? "in the bundle twice" : "not in the signed manifest");
		return false;
	}
	f->seen = true;
	char path[4096];
	snprintf(path, sizeof(path), "%s/%s", stage, rel);
	int fd = make_parents(stage, rel)
	             ? open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644)
	             : -1;
	if (fd < 0) {
		snprintf(why, whylen, "cannot write %s: %s", path, strerror(errno));
		return false;
	}
	crypto_hash_sha256_state st;
	unsigned char sha[crypto_hash_sha256_BYTES];
	static char buf[1 << 16];
	long long total = 0;
	la_ssize_t r;
	bool ok = true;
	crypto_hash_sha256_init(&st);
	while ((r = archive_read_data(a, buf, sizeof(buf))) > 0) {
		crypto_hash_sha256_update(&st, (unsigned char *)buf, (unsigned long long)r);
		total += r;
		if (total > f->size || write(fd, buf, (size_t)r) != r) {
			ok = false;
			break;
		}
	}
	if (close(fd) != 0)
		ok = false;
	if (r < 0) {
		snprintf(why, whylen, "truncated bundle: %.100s is cut short (%s)", name,
		         archive_error_string(a));
		return false;
	}
	crypto_hash_sha256_final(&st, sha);
	if (total != f->size || memcmp(sha, f->sha, sizeof(sha)) != 0) {
		snprintf(why, whylen, "tampered: %.100s does not match its signed hash", name);
		return false;
	}
	if (!ok) {
		snprintf(why, whylen, "cannot write %s: %s", path, strerror(errno));
		return false;
	}
	return true;
}

/* After the tar's end (two zero blocks, at `end`) only the zeros that
 * fill its last record: bytes there are no part of what was signed, and a
 * bundle is exactly what pack wrote. */
static bool nothing_after(const char *file, long long end, char *why, size_t whylen)
{
	enum { RECORD = 10240 };
	FILE *f = fopen(file, "rb");
	long long extra = 0;
	bool zero = true;
	int c;
	if (!f || fseeko(f, end, SEEK_SET) != 0) {
		snprintf(why, whylen, "cannot read %s again: %s", file, strerror(errno));
		if (f)
			fclose(f);
		return false;
	}
	while (zero && extra <= RECORD && (c = getc(f)) != EOF) {
		zero = c == 0;
		extra++;
	}
	fclose(f);
	if (!zero || extra > RECORD) {
		snprintf(why, whylen,
		         "tampered: data after the end of the tar (from byte %lld), not signed",
		         end);
		return false;
	}
	return true;
}

/* Reads and checks the whole bundle into stage. 0, or BUNDLE_REFUSED /
 * BUNDLE_ERROR with why. */
static int unpack(const struct install_options *o, const struct bundle_key *keys, int n_keys,
                  struct manifest *m, const char *stage, const struct ledger *l, char *why,
                  size_t whylen)
{
	struct archive *a = archive_read_new();
	struct archive_entry *e;
	char *text = NULL, *sig = NULL;
	size_t len = 0, sig_len = 0;
	int rc = BUNDLE_REFUSED, r;
	archive_read_support_format_tar(a);
	if (archive_read_open_filename(a, o->file, 1 << 16) != ARCHIVE_OK) {
		snprintf(why, whylen, "not a bundle (not a tar file): %s", archive_error_string(a));
		goto end;
	}
	r = archive_read_next_header(a, &e);
	if (r != ARCHIVE_OK) {
		snprintf(why, whylen, "%s",
		         r == ARCHIVE_EOF ? "empty bundle" : "not a bundle (not a tar file)");
		goto end;
	}
	if (strcmp(archive_entry_pathname(e), BUNDLE_MANIFEST) != 0) {
		snprintf(why, whylen, "unsigned: no manifest (not made by kiosk-bundle pack)");
		goto end;
	}
	if (!(text = read_small(a, e, &len, why, whylen)))
		goto end;
	r = archive_read_next_header(a, &e);
	if (r == ARCHIVE_FATAL || (r != ARCHIVE_EOF && r != ARCHIVE_OK)) {
		snprintf(why, whylen, "truncated bundle: %s", archive_error_string(a));
		goto end;
	}
	if (r == ARCHIVE_EOF || strcmp(archive_entry_pathname(e), BUNDLE_SIGNATURE) != 0) {
		snprintf(why, whylen, "unsigned: no %s", BUNDLE_SIGNATURE);
		goto end;
	}
	if (!(sig = read_small(a, e, &sig_len, why, whylen)))
		goto end;
	if (bundle_verify(keys, n_keys, text, len, sig, why, whylen) != 0)
		goto end;
	/* From here the manifest is the authors'. */
	if (!manifest_parse(m, text, len, why, whylen))
		goto end;
	if (ledger_admit(l, m, o->switch_module, why, whylen) != BUNDLE_OK)
		goto end;
	if (mkdir(stage, 0755) != 0) {
		snprintf(why, whylen, "cannot create %s: %s", stage, strerror(errno));
		rc = BUNDLE_ERROR;
		goto end;
	}
	while ((r = archive_read_next_header(a, &e)) == ARCHIVE_OK) {
		if (!extract(a, e, m, stage, why, whylen))
			goto end;
	}
	if (r != ARCHIVE_EOF) {
		snprintf(why, whylen, "truncated bundle: %s", archive_error_string(a));
		goto end;
	}
	if (!nothing_after(o->file, archive_filter_bytes(a, 0), why, whylen))
		goto end;
	for (int i = 0; i < m->n_files; i++)
		if (!m->files[i].seen) {
			snprintf(why, whylen, "truncated bundle: %.100s is missing",
			         m->files[i].path);
			goto end;
		}
	rc = BUNDLE_OK;
end:
	archive_read_free(a);
	free(text);
	free(sig);
	return rc;
}

/* Running module id and version, from ROOT/current (-1: none). */
static int running_version(const char *root, char *id, size_t len)
{
	char path[4096];
	struct diag d = {0};
	snprintf(path, sizeof(path), "%s/current", root);
	snprintf(id, len, "module");
	if (access(path, F_OK) != 0) {
		diag_free(&d);
		return -1;
	}
	struct content_module *m = content_load(path, &d);
	int v = m ? m->version : -1;
	if (m && m->id)
		snprintf(id, len, "%s", m->id);
	content_destroy(m);
	diag_free(&d);
	return v;
}

/* The version folder the running kiosk shows, from its status file
 * (context/status.c), into buf ("" when unknown). */
static void shown_version(const char *status, char *buf, size_t len)
{
	FILE *f = status ? fopen(status, "r") : NULL;
	char line[4200];
	buf[0] = '\0';
	if (!f)
		return;
	while (fgets(line, sizeof(line), f))
		if (!strncmp(line, "module_dir: ", 12)) {
			line[strcspn(line, "\n")] = '\0';
			const char *slash = strrchr(line, '/');
			snprintf(buf, len, "versions/%s", slash ? slash + 1 : line + 12);
		}
	fclose(f);
}

/* Versions other than current, previous and the one on screen (a session
 * may still be using it) are removed. */
static void prune(const char *root, const char *status)
{
	char cur[4096] = "", prev[4096] = "", shown[600], dir[4096];
	shown_version(status, shown, sizeof(shown));
	content_root_target(root, "current", cur, sizeof(cur));
	content_root_target(root, "previous", prev, sizeof(prev));
	snprintf(dir, sizeof(dir), "%s/versions", root);
	DIR *d = opendir(dir);
	struct dirent *e;
	if (!d)
		return;
	while ((e = readdir(d))) {
		char rel[600], full[4096];
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		snprintf(rel, sizeof(rel), "versions/%s", e->d_name);
		if (!strcmp(rel, cur) || !strcmp(rel, prev) || !strcmp(rel, shown))
			continue;
		snprintf(full, sizeof(full), "%s/%s", dir, e->d_name);
		rm_tree(full);
	}
	closedir(d);
}

/* An exclusive lock on the root for one install or rollback. */
static int lock_root(const char *root)
{
	char path[4096];
	snprintf(path, sizeof(path), "%s/.lock", root);
	int fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0644);
	if (fd >= 0 && flock(fd, LOCK_EX) != 0) {
		close(fd);
		fd = -1;
	}
	if (fd < 0)
		bundle_say("cannot lock %s: %s", path, strerror(errno));
	return fd;
}

static bool make_root(const char *root)
{
	char path[4096];
	snprintf(path, sizeof(path), "%s/versions", root);
	if ((mkdir(root, 0755) != 0 && errno != EEXIST) ||
	    (mkdir(path, 0755) != 0 && errno != EEXIST)) {
		bundle_say("cannot create %s: %s", path, strerror(errno));
		return false;
	}
	return true;
}

int bundle_install(const struct install_options *o)
{
	struct bundle_key *keys = NULL;
	struct manifest m = {0};
	char why[600] = "", stage[4096], final[4096], rel[600], running_id[64], cur[4096];
	int rc = BUNDLE_ERROR, lock = -1;
	int n_keys = bundle_keys_load(o->keys, &keys);
	if (n_keys <= 0) {
		bundle_err("refused %s: no public key in %s (%s)", o->file, o->keys,
		           n_keys < 0 ? strerror(errno) : "no *.pub file");
		free(keys);
		return BUNDLE_REFUSED;
	}
	if (!make_root(o->root) || (lock = lock_root(o->root)) < 0)
		goto end;
	int running = running_version(o->root, running_id, sizeof(running_id));
	struct ledger l;
	snprintf(stage, sizeof(stage), "%s/versions/.incoming-%ld", o->root, (long)getpid());
	rm_tree(stage);
	rc = ledger_load(o->root, running_id, running, &l, why, sizeof(why))
	         ? unpack(o, keys, n_keys, &m, stage, &l, why, sizeof(why))
	         : BUNDLE_REFUSED;
	if (rc == BUNDLE_OK)
		rc = bundle_check(o, stage, why, sizeof(why));
	if (rc != BUNDLE_OK) {
		rm_tree(stage);
		if (rc == BUNDLE_REFUSED)
			bundle_err("refused %s: %s", o->file, why);
		else
			bundle_err("cannot install %s: %s", o->file, why);
		ledger_record(o->root, rc == BUNDLE_REFUSED ? "refused" : "failed", o->file, why);
		goto end;
	}
	/* Switch: the old current becomes previous, then current moves. */
	snprintf(rel, sizeof(rel), "versions/%s-%d", m.module, m.version);
	snprintf(final, sizeof(final), "%s/%s", o->root, rel);
	rm_tree(final); /* a version installed before and rolled back */
	if (rename(stage, final) != 0) {
		bundle_err("cannot install %s: %s", final, strerror(errno));
		rm_tree(stage);
		rc = BUNDLE_ERROR;
		goto end;
	}
	if (content_root_target(o->root, "current", cur, sizeof(cur)) &&
	    !content_root_link(o->root, "previous", cur)) {
		rc = BUNDLE_ERROR;
		goto end;
	}
	if (!content_root_link(o->root, "current", rel)) {
		rc = BUNDLE_ERROR;
		goto end;
	}
	/* Remembered before anything else can happen: a replay of an older
	 * version after a rollback is refused from now on. */
	snprintf(l.module, sizeof(l.module), "%s", m.module);
	l.highest = m.version;
	if (!ledger_save(o->root, &l)) {
		rc = BUNDLE_ERROR;
		goto end;
	}
	prune(o->root, o->status ? o->status : "/run/kiosk/status");
	snprintf(why, sizeof(why), "module %s version %d", m.module, m.version);
	ledger_record(o->root, "installed", o->file, why);
	if (running >= 0)
		bundle_say("installed %s: module %s version %d (was %s %d); the kiosk shows it "
		           "at its next attract screen",
		           o->file, m.module, m.version, running_id, running);
	else
		bundle_say("installed %s: module %s version %d, the first in %s", o->file, m.module,
		           m.version, o->root);
	rc = BUNDLE_OK;
end:
	if (lock >= 0)
		close(lock);
	manifest_free(&m);
	free(keys);
	return rc;
}

int bundle_rollback(const char *root)
{
	char why[600], cur[4096] = "";
	int lock = lock_root(root);
	if (lock < 0)
		return BUNDLE_ERROR;
	bool ok = content_root_rollback(root, why, sizeof(why));
	close(lock);
	if (!ok) {
		bundle_say("cannot roll back: %s", why);
		return BUNDLE_REFUSED;
	}
	content_root_target(root, "current", cur, sizeof(cur));
	bundle_say("rolled back %s: current is %s again", root, cur);
	return BUNDLE_OK;
}
