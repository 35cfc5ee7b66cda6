/* kiosk-bundle: a module folder as one signed file, and its installation
 * on a kiosk (docs/reference.md, docs/fleet.md).
 *
 * A bundle is a tar file (pax) whose first entry is MANIFEST, a text file
 *
 *   kiosk-bundle 1
 *   module <id>
 *   version <n>
 *   file <sha256 hex> <size> <path>      one per file of the module
 *
 * its second MANIFEST.sig, "ed25519 <key id> <signature hex>" (an Ed25519
 * signature of MANIFEST's bytes by the authors' secret key), and then the
 * module's files as module/<path>. Nothing is trusted before the signature
 * has been checked against the kiosk's public keys, and no file is kept
 * whose hash is not the manifest's. */
#ifndef KIOSK_BUNDLE_BUNDLE_H
#define KIOSK_BUNDLE_BUNDLE_H

#include <sodium.h>
#include <stdbool.h>
#include <stddef.h>

enum bundle_exit { BUNDLE_OK = 0, BUNDLE_ERROR = 1, BUNDLE_REFUSED = 2 };

enum {
	BUNDLE_KEYID = 8,              /* bytes of BLAKE2b(public key) naming a key */
	BUNDLE_MANIFEST_MAX = 1 << 20, /* bytes */
	BUNDLE_FILES_MAX = 10000,
	BUNDLE_PATH_MAX = 512,
};

#define BUNDLE_MANIFEST  "MANIFEST"
#define BUNDLE_SIGNATURE "MANIFEST.sig"
#define BUNDLE_PREFIX    "module/"

struct bundle_key {
	unsigned char pk[crypto_sign_PUBLICKEYBYTES];
	char id[2 * BUNDLE_KEYID + 1];
	char file[512];
};

/* keys.c */
void bundle_key_id(const unsigned char *pk, char *id);
int bundle_keygen(const char *dir);
/* The secret key of a file written by keygen; false after printing why. */
bool bundle_secret_load(const char *file, unsigned char *sk, char *id);
/* Every DIR/\*.pub; returns how many (-1 if DIR cannot be read). */
int bundle_keys_load(const char *dir, struct bundle_key **keys);
/* "ed25519 <id> <hex>\n" for msg. */
void bundle_sign(const unsigned char *sk, const char *id, const char *msg, size_t len, char *out,
                 size_t outlen);
/* 0: verified by one of keys; otherwise why not into why. */
int bundle_verify(const struct bundle_key *keys, int n, const char *msg, size_t len,
                  const char *sig, char *why, size_t whylen);

/* manifest.c */
struct manifest_file {
	char path[BUNDLE_PATH_MAX];
	unsigned char sha[crypto_hash_sha256_BYTES];
	long long size;
	bool seen;
};
struct manifest {
	char module[64];
	int version;
	struct manifest_file *files;
	int n_files;
};
/* A relative path with no "..", ".", empty or absolute part. */
bool bundle_path_safe(const char *p);
/* Parses text; false with why. */
bool manifest_parse(struct manifest *m, const char *text, size_t len, char *why, size_t whylen);
/* Appends the text of m to a malloc'd string (*out). */
bool manifest_format(const struct manifest *m, char **out, size_t *len);
struct manifest_file *manifest_find(struct manifest *m, const char *path);
void manifest_free(struct manifest *m);
void bundle_hex(const unsigned char *b, size_t n, char *out);
bool bundle_unhex(const char *s, unsigned char *b, size_t n);

/* pack.c, install.c */
int bundle_pack(const char *module_dir, const char *secret, const char *out);
struct install_options {
	const char *file, *keys, *root, *config, *kiosk;
	const char *status;        /* the running kiosk's status file (/run/kiosk/status) */
	const char *switch_module; /* an administrator's: take this module id instead */
	bool quiet;
};
int bundle_install(const struct install_options *o);
/* check.c: kiosk --check on stage; BUNDLE_OK, or REFUSED / ERROR with why. */
int bundle_check(const struct install_options *o, const char *stage, char *why, size_t whylen);
int bundle_rollback(const char *root);
/* Installs every new *.kbundle of an inbox folder, oldest version first. */
int bundle_inbox(const char *inbox, const struct install_options *o);

/* ledger.c: ROOT/installed, the module this kiosk takes and the highest
 * version of it ever installed. */
struct ledger {
	char module[64]; /* "" before the first install */
	int highest;     /* -1 none */
};
/* Reads it; without the file, the module on screen (running_id, running
 * >= 0) is the one. The version folders the root keeps and the running
 * version raise the highest. false (with why) if the file is damaged. */
bool ledger_load(const char *root, const char *running_id, int running, struct ledger *l, char *why,
                 size_t whylen);
bool ledger_save(const char *root, const struct ledger *l);
/* BUNDLE_OK, or BUNDLE_REFUSED with why: another module without
 * --switch-module naming it, or a version not above the highest. */
int ledger_admit(const struct ledger *l, const struct manifest *m, const char *switch_to, char *why,
                 size_t whylen);
/* ROOT/last-install: one line on the last try, for the health file. */
void ledger_record(const char *root, const char *what, const char *file, const char *why);

/* One line on stderr for the journal: "kiosk-bundle: ..." */
void bundle_say(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* The same at error priority in the journal. */
void bundle_err(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
