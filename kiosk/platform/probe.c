#include "platform/probe.h"
#include "platform/probe_priv.h"
#include "core/log.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* libVLC runs in a child process that the checker talks to through two
 * pipes. A file that makes libVLC hang or crash costs that child, not the
 * check: the parent waits a bounded time, kills it and starts another. */

/* ---- the child: one libVLC instance, one request at a time ---- */

struct request {
	int32_t timeout_ms;
	uint32_t len; /* of the path that follows, without NUL */
};

static bool write_all(int fd, const void *buf, size_t len)
{
	const char *p = buf;
	while (len > 0) {
		ssize_t n = write(fd, p, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return false;
		p += n;
		len -= (size_t)n;
	}
	return true;
}

/* Reads len bytes, waiting at most timeout_ms in all (-1: no limit).
 * 1 done, 0 end of file, -1 error, -2 timed out. */
static int read_all(int fd, void *buf, size_t len, int timeout_ms)
{
	char *p = buf;
	struct timespec until = deadline_in(timeout_ms < 0 ? 0 : timeout_ms);
	while (len > 0) {
		int wait = -1;
		if (timeout_ms >= 0) {
			struct timespec now;
			clock_gettime(CLOCK_MONOTONIC, &now);
			long long left = (until.tv_sec - now.tv_sec) * 1000LL +
			                 (until.tv_nsec - now.tv_nsec) / 1000000L;
			if (left <= 0)
				return -2;
			wait = (int)left;
		}
		struct pollfd pfd = {.fd = fd, .events = POLLIN};
		int r = poll(&pfd, 1, wait);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0)
			return -1;
		if (r == 0)
			continue; /* the deadline is checked above */
		ssize_t n = read(fd, p, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -1;
		if (n == 0)
			return 0;
		p += n;
		len -= (size_t)n;
	}
	return 1;
}

static void child_main(int req_fd, int rep_fd)
{
	struct worker *w = worker_create();
	char ready = w ? 1 : 0;
	if (!write_all(rep_fd, &ready, 1) || !w)
		goto end;
	for (;;) {
		struct request rq;
		if (read_all(req_fd, &rq, sizeof(rq), -1) != 1 || rq.len > 65536)
			break;
		char *path = malloc(rq.len + 1);
		if (!path || read_all(req_fd, path, rq.len, -1) != 1) {
			free(path);
			break;
		}
		path[rq.len] = '\0';
		struct probe_info info;
		worker_probe(w, path, rq.timeout_ms, &info);
		free(path);
		if (!write_all(rep_fd, &info, sizeof(info)))
			break;
	}
end:
	worker_destroy(w);
	_exit(0); /* the parent's atexit handlers and stdio are not ours */
}

/* ---- the parent ---- */

struct probe {
	pid_t child; /* -1 when none runs */
	int req_fd, rep_fd;
};

static void stop_child(struct probe *p, bool kill_it)
{
	if (p->child <= 0)
		return;
	close(p->req_fd); /* asks a healthy child to end */
	close(p->rep_fd);
	p->req_fd = p->rep_fd = -1;
	if (kill_it)
		kill(p->child, SIGKILL);
	/* A child that will not end within 3 s is killed. */
	for (int i = 0; i < 300; i++) {
		if (waitpid(p->child, NULL, WNOHANG) != 0)
			goto done;
		struct timespec t = {0, 10000000L};
		nanosleep(&t, NULL);
	}
	kill(p->child, SIGKILL);
	waitpid(p->child, NULL, 0);
done:
	p->child = -1;
}

/* Starts the child and waits (bounded) until its libVLC is up. */
static bool start_child(struct probe *p)
{
	int req[2], rep[2];
	if (pipe2(req, O_CLOEXEC) != 0)
		goto fail;
	if (pipe2(rep, O_CLOEXEC) != 0) {
		close(req[0]);
		close(req[1]);
		goto fail;
	}
	fflush(NULL); /* nothing buffered may be written twice */
	pid_t pid = fork();
	if (pid == 0) {
		/* Ctrl-C or a stop ends the child at once; the parent notices. */
		signal(SIGINT, SIG_DFL);
		signal(SIGTERM, SIG_DFL);
		close(req[1]);
		close(rep[0]);
		child_main(req[0], rep[1]);
	}
	close(req[0]);
	close(rep[1]);
	if (pid < 0) {
		close(req[1]);
		close(rep[0]);
		goto fail;
	}
	p->child = pid;
	p->req_fd = req[1];
	p->rep_fd = rep[0];
	char ready = 0;
	if (read_all(p->rep_fd, &ready, 1, 20000) == 1 && ready)
		return true;
	stop_child(p, true); /* the child said why on stderr */
	return false;
fail:
	log_err("probe", "cannot start the libVLC process: %s", strerror(errno));
	return false;
}

struct probe *probe_create(void)
{
	struct probe *p = calloc(1, sizeof(*p));
	if (!p) {
		log_err("probe", "out of memory");
		return NULL;
	}
	*p = (struct probe){.child = -1, .req_fd = -1, .rep_fd = -1};
	if (!start_child(p)) {
		free(p);
		return NULL;
	}
	return p;
}

void probe_destroy(struct probe *p)
{
	if (!p)
		return;
	stop_child(p, false);
	free(p);
}

bool probe_media(struct probe *p, const char *file, int timeout_ms, struct probe_info *info)
{
	*info = (struct probe_info){.duration_ms = -1};
	if (!p)
		return false;
	if (p->child <= 0 && !start_child(p)) {
		snprintf(info->error, sizeof(info->error), "libVLC could not be restarted");
		return false;
	}
	struct request rq = {.timeout_ms = timeout_ms, .len = (uint32_t)strlen(file)};
	/* Reading, then two plays, each bounded by timeout_ms in the child. */
	int budget = 3 * timeout_ms + 5000;
	int r = -1;
	if (write_all(p->req_fd, &rq, sizeof(rq)) && write_all(p->req_fd, file, rq.len))
		r = read_all(p->rep_fd, info, sizeof(*info), budget);
	if (r == 1) {
		info->error[sizeof(info->error) - 1] = '\0';
		return info->error[0] == '\0';
	}
	*info = (struct probe_info){.duration_ms = -1};
	if (r == -2)
		snprintf(info->error, sizeof(info->error),
		         "VLC was still reading it after %d s and was stopped", budget / 1000);
	else
		snprintf(info->error, sizeof(info->error), "VLC crashed reading it");
	stop_child(p, true);
	return false;
}
