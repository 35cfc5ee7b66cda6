/* kiosk-bundle: signed module bundles (docs/reference.md).
 *   kiosk-bundle keygen DIR
 *   kiosk-bundle pack MODULE_DIR --key SECRET -o FILE
 *   kiosk-bundle install FILE --keys DIR --root DIR [--config FILE] [--kiosk PATH]
 *                        [--switch-module ID]
 *   kiosk-bundle inbox DIR --keys DIR --root DIR [--config FILE] [--kiosk PATH]
 *   kiosk-bundle rollback --root DIR
 * Exit codes: 0 done, 2 refused (one line why) or bad arguments, 1 error. */
#include <stdio.h>
#include <string.h>

#include "bundle/bundle.h"

static void usage(FILE *f)
{
	fprintf(f,
	        "Usage: kiosk-bundle keygen DIR\n"
	        "       kiosk-bundle pack MODULE_DIR --key SECRET -o FILE\n"
	        "       kiosk-bundle install FILE --keys DIR --root DIR [--config FILE]\n"
	        "                            [--switch-module ID]\n"
	        "       kiosk-bundle inbox DIR --keys DIR --root DIR [--config FILE]\n"
	        "       kiosk-bundle rollback --root DIR\n"
	        "\n"
	        "keygen   makes the authors' Ed25519 key pair in DIR (KEYID.secret, KEYID.pub)\n"
	        "pack     signs a module folder into one bundle file (.kbundle)\n"
	        "install  verifies a bundle (signature by a key of DIR/*.pub, every file's\n"
	        "         hash, kiosk --check, nothing after the tar's end, the module this\n"
	        "         kiosk takes, a version above the highest ever installed), unpacks\n"
	        "         it under ROOT/versions/ and points ROOT/current at it; the old\n"
	        "         current is kept as ROOT/previous\n"
	        "inbox    installs every new *.kbundle of a folder (kiosk-content.service)\n"
	        "rollback points ROOT/current back at ROOT/previous (the only way to an\n"
	        "         older version)\n"
	        "--switch-module  an administrator's: this kiosk takes module ID from now\n"
	        "         on (the first install names the module; ROOT/installed keeps it)\n"
	        "--kiosk  the kiosk program that checks the content (default: the one beside\n"
	        "         kiosk-bundle)\n"
	        "--status the running kiosk's status file (default /run/kiosk/status): the\n"
	        "         version it shows is kept too\n"
	        "Exit codes: 0 done, 2 refused (one line says why) or bad arguments, 1 error.\n");
}

int main(int argc, char **argv)
{
	const char *cmd = argc > 1 ? argv[1] : NULL, *arg = NULL, *key = NULL, *out = NULL;
	struct install_options o = {0};
	if (!cmd || !strcmp(cmd, "--help") || !strcmp(cmd, "-h")) {
		usage(cmd ? stdout : stderr);
		return cmd ? BUNDLE_OK : BUNDLE_REFUSED;
	}
	if (!strcmp(cmd, "--version")) {
		printf("kiosk-bundle %s\n", KIOSK_VERSION);
		return BUNDLE_OK;
	}
	for (int i = 2; i < argc; i++) {
		const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
		const char **slot = !strcmp(a, "--key")             ? &key
		                    : !strcmp(a, "-o")              ? &out
		                    : !strcmp(a, "--keys")          ? &o.keys
		                    : !strcmp(a, "--root")          ? &o.root
		                    : !strcmp(a, "--config")        ? &o.config
		                    : !strcmp(a, "--kiosk")         ? &o.kiosk
		                    : !strcmp(a, "--status")        ? &o.status
		                    : !strcmp(a, "--switch-module") ? &o.switch_module
		                                                    : NULL;
		if (slot && !v) {
			fprintf(stderr, "kiosk-bundle: %s needs a value\n", a);
			return BUNDLE_REFUSED;
		} else if (slot) {
			*slot = v;
			i++;
		} else if (!strcmp(a, "--quiet")) {
			o.quiet = true;
		} else if (a[0] == '-' || arg) {
			fprintf(stderr, "kiosk-bundle: unexpected argument '%s'\n", a);
			usage(stderr);
			return BUNDLE_REFUSED;
		} else {
			arg = a;
		}
	}
	if (sodium_init() < 0) {
		fprintf(stderr, "kiosk-bundle: libsodium cannot start\n");
		return BUNDLE_ERROR;
	}
	if (!strcmp(cmd, "keygen") && arg && !key && !out && !o.keys && !o.root)
		return bundle_keygen(arg);
	if (!strcmp(cmd, "pack") && arg && key && out)
		return bundle_pack(arg, key, out);
	/* Switching modules is a person's decision, never the inbox's. */
	if ((!strcmp(cmd, "install") || (!strcmp(cmd, "inbox") && !o.switch_module)) && arg &&
	    o.keys && o.root) {
		if (!strcmp(cmd, "inbox"))
			return bundle_inbox(arg, &o);
		o.file = arg;
		return bundle_install(&o);
	}
	if (!strcmp(cmd, "rollback") && !arg && o.root)
		return bundle_rollback(o.root);
	fprintf(stderr, "kiosk-bundle: wrong arguments for '%s'\n", cmd);
	usage(stderr);
	return BUNDLE_REFUSED;
}
