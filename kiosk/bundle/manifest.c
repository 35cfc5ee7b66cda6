/* The manifest: module id, version and the hash of every file. */
#include "bundle/bundle.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void bundle_hex(const unsigned char *b, size_t n, char *out)
{
	sodium_bin2hex(out, 2 * n + 1, b, n);
}

bool bundle_unhex(const char *s, unsigned char *b, size_t n)
{
	size_t got = 0;
	return strlen(s) == 2 * n && sodium_hex2bin(b, n, s, 2 * n, NULL, &got, NULL) == 0 &&
	       got == n;
}

bool bundle_path_safe(const char *p)
{
	if (!*p || *p == '/' || strlen(p) >= BUNDLE_PATH_MAX)
		return false;
	for (const char *c = p; *c; c++)
		if ((unsigned char)*c < 0x20 || *c == '\\')
			return false;
	const char *s = p;
	while (*s) {
		size_t l = strcspn(s, "/");
		if (l == 0 || (l == 1 && s[0] == '.') || (l == 2 && s[0] == '.' && s[1] == '.'))
			return false;
		s += l;
		if (*s == '/')
			s++;
		if (!*s && s[-1] == '/')
			return false;
	}
	return true;
}

static bool id_ok(const char *s)
{
	if (!*s)
		return false;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '-' ||
		      *s == '_'))
			return false;
	return true;
}

bool manifest_parse(struct manifest *m, const char *text, size_t len, char *why, size_t whylen)
{
	memset(m, 0, sizeof(*m));
	if (whylen)
		why[0] = '\0';
	if (memchr(text, '\0', len)) {
		snprintf(why, whylen, "damaged manifest (a NUL byte)");
		return false;
	}
	char *copy = strndup(text, len);
	char *save = NULL;
	int line = 0;
	bool header = false, ok = true;
	if (!copy) {
		snprintf(why, whylen, "out of memory");
		return false;
	}
	m->version = -1;
	for (char *l = strtok_r(copy, "\n", &save); l && ok; l = strtok_r(NULL, "\n", &save)) {
		line++;
		char hex[80], path[BUNDLE_PATH_MAX + 1];
		long long size;
		int off = 0;
		if (line == 1) {
			header = !strcmp(l, "kiosk-bundle 1");
			if (!header) {
				snprintf(why, whylen,
				         "not a kiosk bundle manifest (format '%.40s')", l);
				ok = false;
			}
		} else if (!strncmp(l, "module ", 7)) {
			ok = id_ok(l + 7) && strlen(l + 7) < sizeof(m->module);
			if (ok)
				snprintf(m->module, sizeof(m->module), "%s", l + 7);
		} else if (!strncmp(l, "version ", 8)) {
			char *e;
			long v = strtol(l + 8, &e, 10);
			ok = *e == '\0' && v >= 0 && v < 1000000000;
			m->version = (int)v;
		} else if (sscanf(l, "file %79s %lld %n", hex, &size, &off) == 2 && off > 0) {
			snprintf(path, sizeof(path), "%s", l + off);
			if (m->n_files >= BUNDLE_FILES_MAX || size < 0 || !bundle_path_safe(path) ||
			    manifest_find(m, path)) {
				snprintf(why, whylen,
				         "manifest line %d: bad or repeated file '%.80s'", line,
				         path);
				ok = false;
				break;
			}
			if (m->n_files % 64 == 0) {
				void *nf = realloc(m->files,
				                   (size_t)(m->n_files + 64) * sizeof(*m->files));
				if (!nf) {
					ok = false;
					break;
				}
				m->files = nf;
			}
			struct manifest_file *f = &m->files[m->n_files];
			memset(f, 0, sizeof(*f));
			snprintf(f->path, sizeof(f->path), "%s", path);
			f->size = size;
			ok = bundle_unhex(hex, f->sha, sizeof(f->sha));
			m->n_files++;
		} else {
			ok = false;
		}
		if (!ok && !why[0])
			snprintf(why, whylen, "manifest line %d is not understood: '%.60s'", line,
			         l);
	}
	free(copy);
	if (ok && (!m->module[0] || m->version < 0 || m->n_files == 0)) {
		snprintf(why, whylen, "the manifest lacks the module id, version or files");
		ok = false;
	}
	if (!ok)
		manifest_free(m);
	return ok;
}

struct manifest_file *manifest_find(struct manifest *m, const char *path)
{
	for (int i = 0; i < m->n_files; i++)
		if (!strcmp(m->files[i].path, path))
			return &m->files[i];
	return NULL;
}

bool manifest_format(const struct manifest *m, char **out, size_t *len)
{
	FILE *f = open_memstream(out, len);
	if (!f)
		return false;
	fprintf(f, "kiosk-bundle 1\nmodule %s\nversion %d\n", m->module, m->version);
	for (int i = 0; i < m->n_files; i++) {
		char hex[2 * crypto_hash_sha256_BYTES + 1];
		bundle_hex(m->files[i].sha, sizeof(m->files[i].sha), hex);
		fprintf(f, "file %s %lld %s\n", hex, m->files[i].size, m->files[i].path);
	}
	return fclose(f) == 0;
}

void manifest_free(struct manifest *m)
{
	free(m->files);
	m->files = NULL;
	m->n_files = 0;
}
