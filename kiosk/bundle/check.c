/* kiosk-bundle install: kiosk --check on the unpacked copy, in a child
 * process whose output is kept for the journal. */
#include "bundle/bundle.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

/* kiosk --check on the unpacked copy. The kiosk beside this program is
 * the one that will show it. */
int bundle_check(const struct install_options *o, const char *stage, char *why, size_t whylen)
{
	char self[4096], kiosk[4096], out[4096];
	const char *bin = o->kiosk;
	if (!bin) {
		ssize_t n = readlink("/proc/self/exe", self, sizeof(self) - 1);
		self[n > 0 ? n : 0] = '\0';
		char *slash = strrchr(self, '/');
		snprintf(kiosk, sizeof(kiosk), "%.*s/kiosk", slash ? (int)(slash - self) : 1,
		         slash ? self : ".");
		bin = kiosk;
	}
	snprintf(out, sizeof(out), "%s.check", stage);
	fflush(NULL);
	pid_t pid = fork();
	if (pid < 0) {
		snprintf(why, whylen, "cannot run %s: %s", bin, strerror(errno));
		return BUNDLE_ERROR;
	}
	if (pid == 0) {
		int fd = open(out, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
		if (fd >= 0) {
			dup2(fd, 1);
			dup2(fd, 2);
		}
		if (o->config)
			execl(bin, bin, "--check", "--config", o->config, "--content", stage,
			      (char *)NULL);
		else
			execl(bin, bin, "--check", "--content", stage, (char *)NULL);
		fprintf(stderr, "cannot run %s: %s\n", bin, strerror(errno));
		_exit(127);
	}
	int status = 0;
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128;
	FILE *f = fopen(out, "r");
	char first[300] = "";
	int lines = 0;
	if (f) {
		char line[1024];
		while (fgets(line, sizeof(line), f)) {
			if (code != 0)
				fputs(line, stderr); /* every problem, for the journal */
			if (!lines++)
				snprintf(first, sizeof(first), "%.*s", (int)strcspn(line, "\n"),
				         line);
		}
		fclose(f);
	}
	unlink(out);
	if (code == 0)
		return BUNDLE_OK;
	if (code == 127) {
		snprintf(why, whylen, "cannot run %s for kiosk --check", bin);
		return BUNDLE_ERROR;
	}
	snprintf(why, whylen, "fails kiosk --check (%d line(s), the first: %s)", lines, first);
	return BUNDLE_REFUSED;
}
