#include "platform/dirwatch.h"
#include "core/log.h"

#include <errno.h>
#include <limits.h>
#include <poll.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/inotify.h>
#include <unistd.h>

struct dirwatch {
	int ifd;  /* inotify */
	int quit; /* eventfd: dirwatch_stop asks the thread to end */
	pthread_t thread;
	char *name;
	Uint32 event;
};

static void post(const struct dirwatch *w, int code)
{
	SDL_Event e = {0};
	e.type = w->event;
	e.user.code = code;
	SDL_PushEvent(&e);
}

/* Reads what inotify has; returns DIRWATCH_CHANGED, DIRWATCH_LOST or 0. */
static int take(struct dirwatch *w)
{
	_Alignas(struct inotify_event) char buf[16 * (sizeof(struct inotify_event) + NAME_MAX + 1)];
	ssize_t n = read(w->ifd, buf, sizeof(buf));
	if (n < 0)
		return errno == EINTR || errno == EAGAIN ? 0 : DIRWATCH_LOST;
	int what = 0;
	for (char *p = buf; p < buf + n;) {
		const struct inotify_event *ev = (const struct inotify_event *)p;
		if (ev->mask & (IN_IGNORED | IN_DELETE_SELF | IN_MOVE_SELF | IN_UNMOUNT))
			return DIRWATCH_LOST;
		if (ev->mask & IN_Q_OVERFLOW)
			what = DIRWATCH_CHANGED; /* events lost: look anyway */
		else if (ev->len && strcmp(ev->name, w->name) == 0)
			what = DIRWATCH_CHANGED;
		p += sizeof(*ev) + ev->len;
	}
	return what;
}

static void *watch(void *arg)
{
	struct dirwatch *w = arg;
	struct pollfd p[2] = {{w->ifd, POLLIN, 0}, {w->quit, POLLIN, 0}};
	for (;;) {
		if (poll(p, 2, -1) < 0) {
			if (errno == EINTR)
				continue;
			log_warn("content", "watching the content root: poll: %s", strerror(errno));
			post(w, DIRWATCH_LOST);
			return NULL;
		}
		if (p[1].revents)
			return NULL;
		int what = take(w);
		if (what)
			post(w, what);
		if (what == DIRWATCH_LOST)
			return NULL;
	}
}

struct dirwatch *dirwatch_start(const char *dir, const char *name, Uint32 event)
{
	struct dirwatch *w = calloc(1, sizeof(*w));
	if (!w)
		return NULL;
	w->event = event;
	errno = 0;
	w->ifd = inotify_init1(IN_CLOEXEC | IN_NONBLOCK);
	w->quit = eventfd(0, EFD_CLOEXEC);
	w->name = strdup(name);
	int r = 0;
	if (w->ifd < 0 || w->quit < 0 || !w->name)
		r = errno ? errno : ENOMEM;
	else if (inotify_add_watch(w->ifd, dir,
	                           IN_CREATE | IN_MOVED_TO | IN_MOVED_FROM | IN_DELETE | IN_ATTRIB |
	                               IN_DELETE_SELF | IN_MOVE_SELF | IN_ONLYDIR) < 0)
		r = errno;
	else
		r = pthread_create(&w->thread, NULL, watch, w);
	if (r != 0) {
		log_warn("content", "cannot watch %s with inotify (%s)", dir, strerror(r));
		if (w->ifd >= 0)
			close(w->ifd);
		if (w->quit >= 0)
			close(w->quit);
		free(w->name);
		free(w);
		return NULL;
	}
	return w;
}

void dirwatch_stop(struct dirwatch *w)
{
	if (!w)
		return;
	uint64_t one = 1;
	if (write(w->quit, &one, sizeof(one)) != (ssize_t)sizeof(one))
		log_warn("content", "cannot stop watching the content root");
	pthread_join(w->thread, NULL);
	close(w->ifd);
	close(w->quit);
	free(w->name);
	free(w);
}
