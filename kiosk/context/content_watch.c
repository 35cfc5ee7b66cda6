/* A new module without a restart (docs/fleet.md). When the content setting
 * is a content root's `current` link (kiosk-bundle install), the module is
 * loaded from the version folder the link names, so a session in progress
 * keeps its files whatever the link does. The root is watched with inotify
 * (platform/dirwatch.h): when the link changes, and on the attract screen
 * with no session (at once, or when the kiosk is back there), the link is
 * looked at; a new target is loaded and, if it is sound, swapped in. No
 * wake-up at all while nothing changes. If inotify cannot watch the root,
 * the link is looked at every few seconds instead. If it cannot be shown, the kiosk puts the
 * previous version back (kiosk-bundle rollback) and says so in the journal. */
#include "context/content_watch.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "context/bench.h"
#include "context/kiosk.h"
#include "core/content_root.h"
#include "core/log.h"
#include "platform/dirwatch.h"

enum { CONTENT_POLL_MS = 5000 };

struct content_watch {
	Uint32 event;         /* the watch's SDL event */
	struct dirwatch *dir; /* the root's current link (inotify) */
	bool failed;          /* then: poll every few seconds */
	bool stale;           /* the link changed since the last look */
	long long next_check; /* when it must poll */
};

struct content_watch *content_watch_create(Uint32 event)
{
	struct content_watch *w = calloc(1, sizeof(*w));
	if (w)
		w->event = event;
	else
		log_err("content", "out of memory: a new module needs a restart");
	return w;
}

void content_watch_destroy(struct content_watch *w)
{
	if (!w)
		return;
	dirwatch_stop(w->dir);
	free(w);
}

bool content_watch_owns(const struct content_watch *w, const SDL_Event *e)
{
	return w && w->event && e->type == w->event;
}

/* A loaded module that has problems is as good as none. */
static struct content_module *load_sound(const char *dir, struct diag *d)
{
	struct content_module *m = content_load(dir, d);
	if (m && diag_count(d) == 0)
		return m;
	content_destroy(m);
	return NULL;
}

/* "mini-5" from ".../versions/mini-5" */
static const char *version_name(const char *dir)
{
	const char *slash = strrchr(dir, '/');
	return slash ? slash + 1 : dir;
}

static bool roll_back(const char *root, const char *bad)
{
	char err[600], cur[512] = "";
	if (!content_root_rollback(root, err, sizeof(err))) {
		log_err("content", "the module in %s cannot be shown, and %s", bad, err);
		return false;
	}
	content_root_target(root, "current", cur, sizeof(cur));
	log_err("content",
	        "the module in %s cannot be shown (problems above): rolled back to %s/%s", bad,
	        root, cur);
	return true;
}

/* current back to the version on screen, which is known to be sound. */
static void back_to_shown(struct kiosk *k, const char *root, const char *bad)
{
	char *rroot = realpath(root, NULL), rel[600];
	size_t rl = rroot ? strlen(rroot) : 0;
	const char *dir = k->module->dir;
	snprintf(k->content_note, sizeof(k->content_note),
	         "%s refusé (voir le journal), on garde %s", version_name(bad), version_name(dir));
	if (rroot && !strncmp(dir, rroot, rl) && !strncmp(dir + rl, "/versions/", 10) &&
	    !strchr(dir + rl + 10, '/')) {
		snprintf(rel, sizeof(rel), "versions/%s", dir + rl + 10);
		if (content_root_link(root, "current", rel))
			log_err(
			    "content",
			    "the module in %s cannot be shown (problems above): rolled back to %s",
			    bad, dir);
	} else {
		roll_back(root, bad);
	}
	free(rroot);
}

struct content_module *content_watch_load(const char *content, struct diag *d, char *note,
                                          size_t len)
{
	char root[4096];
	if (!content_root_of(content, root, sizeof(root)))
		return content_load(content, d);
	char *real = realpath(content, NULL);
	struct content_module *m = content_load(real ? real : content, d);
	if ((!m || diag_count(d) > 0) && real) {
		/* A broken current at start-up: the previous one, if it loads. */
		diag_print(d, stderr);
		struct diag d2 = {0};
		char *again = roll_back(root, real) ? realpath(content, NULL) : NULL;
		struct content_module *m2 = again ? load_sound(again, &d2) : NULL;
		if (m2) {
			snprintf(note, len, "%s refusé (voir le journal), retour à %s",
			         version_name(real), version_name(again));
			content_destroy(m);
			diag_free(d);
			*d = d2;
			m = m2;
		} else {
			diag_free(&d2);
		}
		free(again);
	}
	free(real);
	return m;
}

struct content_module *content_watch_poll(struct content_watch *w, struct kiosk *k, long long now,
                                          long long *wait)
{
	char root[4096];
	*wait = -1;
	/* Not while the screen sleeps outside opening hours: no wake-ups then;
	 * the first look comes with the first touch or the opening time. */
	if (!w || !k->module || k->broken || k->blank || k->shown != SCR_ATTRACT ||
	    k->flow.in_session || !content_root_of(k->settings.content, root, sizeof(root)))
		return NULL;
	if (!w->dir && !w->failed) {
		/* Watched from now on; looked at once now, as it may have
		 * changed before. */
		w->dir = w->event ? dirwatch_start(root, "current", w->event) : NULL;
		if (!w->dir) {
			w->failed = true;
			log_warn("content", "looking at %s/current every %d s instead", root,
			         CONTENT_POLL_MS / 1000);
		}
		w->stale = true;
	}
	if (w->dir) {
		if (!w->stale)
			return NULL;
		w->stale = false;
	} else {
		*wait = CONTENT_POLL_MS;
		if (now < w->next_check) {
			*wait = w->next_check - now;
			return NULL;
		}
		w->next_check = now + CONTENT_POLL_MS;
	}
	bench_event(k->bench, "content-look", NULL);
	char *real = realpath(k->settings.content, NULL);
	if (!real || !strcmp(real, k->module->dir)) {
		free(real);
		return NULL;
	}
	struct diag d = {0};
	struct content_module *m = content_load(real, &d);
	if (!m || diag_count(&d) > 0) {
		diag_print(&d, stderr);
		content_destroy(m);
		m = NULL;
		back_to_shown(k, root, real);
	} else {
		log_notice("content", "showing module %s version %d from %s (was version %d)",
		           m->id, m->version, real, k->module->version);
	}
	diag_free(&d);
	free(real);
	return m;
}

void content_watch_swap(struct kiosk *k, struct content_module *m)
{
	content_destroy(k->module);
	k->module = m;
	k->content_note[0] = '\0';
	/* The shuffles go on from where they were (or stay off). */
	kiosk_flow_reset(k, k->flow.shuffled ? k->flow.rng | 1 : 0);
	k->dirty = true;
}

void content_watch_event(struct content_watch *w, const SDL_Event *e)
{
	if (!w || !w->dir)
		return;
	if (e->user.code == DIRWATCH_LOST) {
		log_warn("content",
		         "the content root can no longer be watched: looking at it "
		         "every %d s",
		         CONTENT_POLL_MS / 1000);
		dirwatch_stop(w->dir);
		w->dir = NULL;
		w->failed = true;
		w->next_check = 0;
	}
	/* Looked at on the attract screen: the loop goes through its timers
	 * right after this event, or when the session ends. */
	w->stale = true;
}
