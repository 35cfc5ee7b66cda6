/* A unit's system-call filter around a command, where systemd cannot run it
 * (no systemd as PID 1, so no systemd-run): the project's cage test starts
 * cage and the kiosk under the very filter kiosk.service gives them.
 *
 *   seccomp_run ALLOWED ERRNO -- COMMAND [ARG...]
 *
 * ALLOWED is a file of system-call names, one a line: what the unit's
 * SystemCallFilter= lines leave allowed (tests/deploy/sandbox.sh expands
 * them with systemd-analyze). Every other call of the native architecture
 * fails with ERRNO (SystemCallErrorNumber=, e.g. EPERM); calls of other
 * architectures kill the process (SystemCallArchitectures=native). As
 * NoNewPrivileges=yes, the filter is set with no_new_privs, and it stays
 * on everything COMMAND starts. Names this libseccomp does not know are
 * skipped and counted on stderr, as systemd skips them. */
#include <errno.h>
#include <seccomp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <unistd.h>

static int errno_by_name(const char *s)
{
	static const struct {
		const char *name;
		int value;
	} known[] = {{"EPERM", EPERM}, {"EACCES", EACCES}, {"ENOSYS", ENOSYS}};
	for (size_t i = 0; i < sizeof(known) / sizeof(known[0]); i++)
		if (strcmp(s, known[i].name) == 0)
			return known[i].value;
	char *end;
	long v = strtol(s, &end, 10);
	return *s && !*end && v > 0 && v < 4096 ? (int)v : -1;
}

/* Allows every name listed in PATH; returns how many, or -1. */
static int allow_listed(scmp_filter_ctx ctx, const char *path, int *unknown)
{
	FILE *f = fopen(path, "r");
	if (!f) {
		fprintf(stderr, "seccomp_run: %s: %s\n", path, strerror(errno));
		return -1;
	}
	char line[128];
	int n = 0;
	while (fgets(line, sizeof(line), f)) {
		line[strcspn(line, " \t\r\n")] = 0;
		if (!line[0] || line[0] == '#')
			continue;
		int nr = seccomp_syscall_resolve_name(line);
		if (nr == __NR_SCMP_ERROR) {
			(*unknown)++;
			continue;
		}
		int rc = seccomp_rule_add(ctx, SCMP_ACT_ALLOW, nr, 0);
		if (rc < 0) {
			fprintf(stderr, "seccomp_run: allow %s: %s\n", line, strerror(-rc));
			fclose(f);
			return -1;
		}
		n++;
	}
	fclose(f);
	return n;
}

int main(int argc, char **argv)
{
	if (argc < 5 || strcmp(argv[3], "--") != 0) {
		fprintf(stderr, "usage: seccomp_run ALLOWED ERRNO -- COMMAND [ARG...]\n");
		return 2;
	}
	int err = errno_by_name(argv[2]);
	if (err < 0) {
		fprintf(stderr, "seccomp_run: unknown errno '%s'\n", argv[2]);
		return 2;
	}
	scmp_filter_ctx ctx = seccomp_init(SCMP_ACT_ERRNO((unsigned)err));
	if (!ctx) {
		fprintf(stderr, "seccomp_run: seccomp_init failed\n");
		return 1;
	}
	int unknown = 0;
	int n = allow_listed(ctx, argv[1], &unknown);
	if (n < 0) {
		seccomp_release(ctx);
		return 1;
	}
	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0) {
		fprintf(stderr, "seccomp_run: no_new_privs: %s\n", strerror(errno));
		seccomp_release(ctx);
		return 1;
	}
	int rc = seccomp_load(ctx);
	seccomp_release(ctx);
	if (rc < 0) {
		fprintf(stderr, "seccomp_run: seccomp_load: %s\n", strerror(-rc));
		return 1;
	}
	if (getenv("SECCOMP_RUN_VERBOSE"))
		fprintf(stderr, "seccomp_run: %d calls allowed, %d names unknown here\n", n,
		        unknown);
	execvp(argv[4], argv + 4);
	fprintf(stderr, "seccomp_run: %s: %s\n", argv[4], strerror(errno));
	return 127;
}
