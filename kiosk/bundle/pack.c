/* kiosk-bundle pack: a module folder into one signed tar file. */
#include "bundle/bundle.h"

#include <archive.h>
#include <archive_entry.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/content.h"

/* Adds every regular file under dir/rel to m, in name order. Hidden files
 * (".DS_Store", editors' backups) are left out. */
static bool walk(const char *dir, const char *rel, struct manifest *m)
{
	char path[4096];
	struct dirent **list = NULL;
	snprintf(path, sizeof(path), "%s%s%s", dir, *rel ? "/" : "", rel);
	int n = scandir(path, &list, NULL, alphasort);
	bool ok = n >= 0;
	if (!ok)
		bundle_say("cannot read %s: %s", path, strerror(errno));
	for (int i = 0; i < n; i++) {
		const char *name = list[i]->d_name;
		char sub[BUNDLE_PATH_MAX + 256], full[4096];
		struct stat st;
		if (ok && name[0] != '.') {
			snprintf(sub, sizeof(sub), "%s%s%s", rel, *rel ? "/" : "", name);
			snprintf(full, sizeof(full), "%s/%s", dir, sub);
			if (lstat(full, &st) != 0) {
				bundle_say("cannot read %s: %s", full, strerror(errno));
				ok = false;
			} else if (S_ISDIR(st.st_mode)) {
				ok = walk(dir, sub, m);
			} else if (!S_ISREG(st.st_mode)) {
				bundle_say(
				    "%s is not a regular file (a link?): bundles hold files only",
				    full);
				ok = false;
			} else if (!bundle_path_safe(sub) || m->n_files >= BUNDLE_FILES_MAX) {
				bundle_say("%s: name too long or too many files", full);
				ok = false;
			} else {
				if (m->n_files % 64 == 0) {
					void *nf = realloc(m->files, (size_t)(m->n_files + 64) *
					                                 sizeof(*m->files));
					if (!nf) {
						ok = false;
						free(list[i]);
						continue;
					}
					m->files = nf;
				}
				struct manifest_file *f = &m->files[m->n_files++];
				memset(f, 0, sizeof(*f));
				snprintf(f->path, sizeof(f->path), "%s", sub);
				f->size = st.st_size;
			}
		}
		free(list[i]);
	}
	free(list);
	return ok;
}

/* Hashes a file and, with a, writes it as the entry's data. */
static bool hash_file(const char *path, unsigned char *sha, long long *size, struct archive *a)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	crypto_hash_sha256_state st;
	static unsigned char buf[1 << 16];
	long long total = 0;
	ssize_t r;
	if (fd < 0) {
		bundle_say("cannot open %s: %s", path, strerror(errno));
		return false;
	}
	crypto_hash_sha256_init(&st);
	while ((r = read(fd, buf, sizeof(buf))) > 0) {
		crypto_hash_sha256_update(&st, buf, (unsigned long long)r);
		total += r;
		if (a && archive_write_data(a, buf, (size_t)r) != r) {
			bundle_say("cannot write the bundle: %s", archive_error_string(a));
			close(fd);
			return false;
		}
	}
	close(fd);
	if (r < 0) {
		bundle_say("cannot read %s: %s", path, strerror(errno));
		return false;
	}
	crypto_hash_sha256_final(&st, sha);
	*size = total;
	return true;
}

static bool add_entry(struct archive *a, const char *name, long long size)
{
	struct archive_entry *e = archive_entry_new();
	archive_entry_set_pathname(e, name);
	archive_entry_set_size(e, size);
	archive_entry_set_filetype(e, AE_IFREG);
	archive_entry_set_perm(e, 0644);
	archive_entry_set_mtime(e, 0, 0); /* the same module makes the same bundle */
	bool ok = archive_write_header(a, e) == ARCHIVE_OK;
	if (!ok)
		bundle_say("cannot write the bundle: %s", archive_error_string(a));
	archive_entry_free(e);
	return ok;
}

static bool add_text(struct archive *a, const char *name, const char *text, size_t len)
{
	return add_entry(a, name, (long long)len) &&
	       archive_write_data(a, text, len) == (la_ssize_t)len;
}

int bundle_pack(const char *module_dir, const char *secret, const char *out)
{
	unsigned char sk[crypto_sign_SECRETKEYBYTES];
	char id[2 * BUNDLE_KEYID + 1], sig[256], tmp[4096];
	struct manifest m = {0};
	struct diag d = {0};
	char *text = NULL;
	size_t len = 0;
	int rc = BUNDLE_ERROR;
	struct archive *a = NULL;

	if (!bundle_secret_load(secret, sk, id))
		return BUNDLE_ERROR;
	struct content_module *mod = content_load(module_dir, &d);
	if (!mod || !mod->id) {
		diag_print(&d, stderr);
		bundle_say("%s: no module to pack (see above)", module_dir);
		goto end;
	}
	if (diag_count(&d) > 0) {
		diag_print(&d, stderr);
		bundle_say("warning: %s has %d problem(s): kiosks will refuse this bundle until "
		           "they are fixed (kiosk --check)",
		           module_dir, diag_count(&d));
	}
	snprintf(m.module, sizeof(m.module), "%s", mod->id);
	m.version = mod->version;
	if (!walk(module_dir, "", &m))
		goto end;
	for (int i = 0; i < m.n_files; i++) {
		char path[4096];
		snprintf(path, sizeof(path), "%s/%s", module_dir, m.files[i].path);
		if (!hash_file(path, m.files[i].sha, &m.files[i].size, NULL))
			goto end;
	}
	if (!manifest_format(&m, &text, &len))
		goto end;
	bundle_sign(sk, id, text, len, sig, sizeof(sig));

	/* Written beside the target under a hidden name, then renamed: a
	 * synchronised folder never carries half a bundle. */
	const char *slash = strrchr(out, '/');
	snprintf(tmp, sizeof(tmp), "%.*s.%s.tmp", slash ? (int)(slash - out + 1) : 0, out,
	         slash ? slash + 1 : out);
	a = archive_write_new();
	archive_write_set_format_pax_restricted(a);
	if (archive_write_open_filename(a, tmp) != ARCHIVE_OK) {
		bundle_say("cannot create %s: %s", tmp, archive_error_string(a));
		goto end;
	}
	if (!add_text(a, BUNDLE_MANIFEST, text, len) ||
	    !add_text(a, BUNDLE_SIGNATURE, sig, strlen(sig)))
		goto fail;
	for (int i = 0; i < m.n_files; i++) {
		char path[4096], name[BUNDLE_PATH_MAX + 16];
		unsigned char sha[crypto_hash_sha256_BYTES];
		long long size;
		snprintf(path, sizeof(path), "%s/%s", module_dir, m.files[i].path);
		snprintf(name, sizeof(name), BUNDLE_PREFIX "%s", m.files[i].path);
		if (!add_entry(a, name, m.files[i].size) || !hash_file(path, sha, &size, a))
			goto fail;
		if (size != m.files[i].size || memcmp(sha, m.files[i].sha, sizeof(sha)) != 0) {
			bundle_say("%s changed while it was packed; pack again", path);
			goto fail;
		}
	}
	if (archive_write_close(a) != ARCHIVE_OK) {
		bundle_say("cannot write %s: %s", tmp, archive_error_string(a));
		goto fail;
	}
	int fd = open(tmp, O_RDONLY | O_CLOEXEC);
	if (fd >= 0) {
		fsync(fd);
		close(fd);
	}
	if (rename(tmp, out) != 0) {
		bundle_say("cannot create %s: %s", out, strerror(errno));
		goto fail;
	}
	printf("%s: module %s version %d, %d files, signed by key %s\n", out, m.module, m.version,
	       m.n_files, id);
	rc = BUNDLE_OK;
	goto end;
fail:
	unlink(tmp);
end:
	if (a)
		archive_write_free(a);
	sodium_memzero(sk, sizeof(sk));
	free(text);
	manifest_free(&m);
	content_destroy(mod);
	diag_free(&d);
	return rc;
}
