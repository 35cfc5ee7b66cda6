/* The authors' Ed25519 keys (libsodium) and the manifest's signature. */
#include "bundle/bundle.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define PUB_TAG "kiosk-bundle-ed25519-public"
#define SEC_TAG "kiosk-bundle-ed25519-secret"

/* Under systemd, stderr goes to the journal; "<3>" makes the line an error
 * there (sd-daemon(3)), so a refusal shows in `journalctl -p err`. */
void bundle_err(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fputs(getenv("JOURNAL_STREAM") ? "<3>kiosk-bundle: " : "kiosk-bundle: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
}

void bundle_say(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fputs("kiosk-bundle: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
}

void bundle_key_id(const unsigned char *pk, char *id)
{
	unsigned char h[BUNDLE_KEYID];
	crypto_generichash(h, sizeof(h), pk, crypto_sign_PUBLICKEYBYTES, NULL, 0);
	bundle_hex(h, sizeof(h), id);
}

/* Writes text to path (mode), refusing to overwrite. */
static bool write_new(const char *path, const char *text, mode_t mode)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
	if (fd < 0) {
		bundle_say("cannot create %s: %s", path, strerror(errno));
		return false;
	}
	size_t n = strlen(text);
	bool ok = write(fd, text, n) == (ssize_t)n && fsync(fd) == 0;
	if (close(fd) != 0 || !ok) {
		bundle_say("cannot write %s: %s", path, strerror(errno));
		unlink(path);
		return false;
	}
	return true;
}

int bundle_keygen(const char *dir)
{
	unsigned char pk[crypto_sign_PUBLICKEYBYTES], sk[crypto_sign_SECRETKEYBYTES];
	char id[2 * BUNDLE_KEYID + 1], hex[2 * crypto_sign_SECRETKEYBYTES + 1];
	char path_pub[4096], path_sec[4096], text[512];
	if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
		bundle_say("cannot create %s: %s", dir, strerror(errno));
		return BUNDLE_ERROR;
	}
	crypto_sign_keypair(pk, sk);
	bundle_key_id(pk, id);
	snprintf(path_pub, sizeof(path_pub), "%s/%s.pub", dir, id);
	snprintf(path_sec, sizeof(path_sec), "%s/%s.secret", dir, id);

	bundle_hex(sk, sizeof(sk), hex);
	snprintf(text, sizeof(text),
	         "# kiosk-bundle secret key %s: signs bundles. Keep it on the authoring\n"
	         "# machine only; never copy it to a kiosk.\n" SEC_TAG " %s\n",
	         id, hex);
	sodium_memzero(sk, sizeof(sk));
	sodium_memzero(hex, sizeof(hex));
	bool ok = write_new(path_sec, text, 0600);
	sodium_memzero(text, sizeof(text));
	if (!ok)
		return BUNDLE_ERROR;
	bundle_hex(pk, sizeof(pk), hex);
	snprintf(text, sizeof(text),
	         "# kiosk-bundle public key %s: copy it into each kiosk's keys folder\n"
	         "# (/etc/kiosk/keys/); kiosks install only bundles it verifies.\n" PUB_TAG " %s\n",
	         id, hex);
	if (!write_new(path_pub, text, 0644)) {
		unlink(path_sec);
		return BUNDLE_ERROR;
	}
	printf("secret key: %s (keep it on the authoring machine)\n", path_sec);
	printf("public key: %s (copy it into /etc/kiosk/keys/ on each kiosk)\n", path_pub);
	return BUNDLE_OK;
}

/* The hex after TAG in a key file into out (n bytes). */
static bool read_key(const char *file, const char *tag, unsigned char *out, size_t n)
{
	FILE *f = fopen(file, "r");
	char line[1024];
	bool found = false;
	if (!f)
		return false;
	while (!found && fgets(line, sizeof(line), f)) {
		size_t t = strlen(tag);
		if (strncmp(line, tag, t) != 0 || line[t] != ' ')
			continue;
		char *hex = line + t + 1;
		hex[strcspn(hex, " \r\n")] = '\0';
		found = strlen(hex) == 2 * n && bundle_unhex(hex, out, n);
	}
	sodium_memzero(line, sizeof(line));
	fclose(f);
	return found;
}

bool bundle_secret_load(const char *file, unsigned char *sk, char *id)
{
	if (!read_key(file, SEC_TAG, sk, crypto_sign_SECRETKEYBYTES)) {
		bundle_say("%s: cannot read a kiosk-bundle secret key (made by kiosk-bundle "
		           "keygen) from it",
		           file);
		return false;
	}
	unsigned char pk[crypto_sign_PUBLICKEYBYTES];
	crypto_sign_ed25519_sk_to_pk(pk, sk);
	bundle_key_id(pk, id);
	return true;
}

int bundle_keys_load(const char *dir, struct bundle_key **keys)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int n = 0, cap = 0;
	*keys = NULL;
	if (!d)
		return -1;
	while ((e = readdir(d))) {
		size_t l = strlen(e->d_name);
		if (l < 5 || strcmp(e->d_name + l - 4, ".pub") != 0 || e->d_name[0] == '.')
			continue;
		struct bundle_key k = {0};
		snprintf(k.file, sizeof(k.file), "%s/%s", dir, e->d_name);
		if (!read_key(k.file, PUB_TAG, k.pk, sizeof(k.pk))) {
			bundle_say("%s: not a kiosk-bundle public key, ignored", k.file);
			continue;
		}
		bundle_key_id(k.pk, k.id);
		if (n == cap) {
			cap = cap ? 2 * cap : 4;
			struct bundle_key *nk = realloc(*keys, (size_t)cap * sizeof(*nk));
			if (!nk)
				break;
			*keys = nk;
		}
		(*keys)[n++] = k;
	}
	closedir(d);
	return n;
}

void bundle_sign(const unsigned char *sk, const char *id, const char *msg, size_t len, char *out,
                 size_t outlen)
{
	unsigned char sig[crypto_sign_BYTES];
	char hex[2 * crypto_sign_BYTES + 1];
	crypto_sign_detached(sig, NULL, (const unsigned char *)msg, len, sk);
	bundle_hex(sig, sizeof(sig), hex);
	snprintf(out, outlen, "ed25519 %s %s\n", id, hex);
}

int bundle_verify(const struct bundle_key *keys, int n, const char *msg, size_t len,
                  const char *sig, char *why, size_t whylen)
{
	char id[64] = "", hex[2 * crypto_sign_BYTES + 2] = "";
	unsigned char s[crypto_sign_BYTES];
	if (sscanf(sig, "ed25519 %63s %129s", id, hex) != 2 ||
	    strlen(hex) != 2 * crypto_sign_BYTES || !bundle_unhex(hex, s, sizeof(s))) {
		snprintf(why, whylen, "unsigned: %s is not an Ed25519 signature", BUNDLE_SIGNATURE);
		return -1;
	}
	bool known = false;
	for (int i = 0; i < n; i++) {
		/* Every key is tried: the id in the signature is only a hint. */
		if (crypto_sign_verify_detached(s, (const unsigned char *)msg, len, keys[i].pk) ==
		    0)
			return 0;
		known = known || !strcmp(keys[i].id, id);
	}
	if (known)
		snprintf(why, whylen,
		         "tampered: the manifest does not match its signature by key %s", id);
	else
		snprintf(why, whylen, "signed by an unknown key %s (not in the keys folder)", id);
	return -1;
}
