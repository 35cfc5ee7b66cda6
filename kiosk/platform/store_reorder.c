/* The rewrite after each save (PRIVACY.md "Pas d'ordre des passages"):
 * VACUUM rebuilds every page in key order, and secure_delete zeroes what it
 * frees, so that the same sessions saved in any order give the same file.
 * On a database of 25 months it takes a few hundred milliseconds
 * (bench/store.sh): the running kiosk does it in a thread of its own. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/log.h"
#include "platform/store_priv.h"

static int vacuum(sqlite3 *db)
{
	return sqlite3_exec(db, "PRAGMA secure_delete = ON; VACUUM", NULL, NULL, NULL);
}

struct job {
	struct store *s;
	char *path;
	/* Closing to do first ("" none), with its settings copied: the
	 * thread reads nothing of the store but its lock. */
	char through[11], kiosk[32];
	int k;
};

/* Closing, then the closed day noted for store_close_due(). */
static void close_then_note(struct store *s, sqlite3 *db, const char *through, int k,
                            const char *kiosk)
{
	if (store_close_on(db, through, k, kiosk) != SQLITE_OK)
		return;
	pthread_mutex_lock(&s->lock);
	snprintf(s->closed, sizeof s->closed, "%s", through);
	pthread_mutex_unlock(&s->lock);
}

static void *rewrite(void *arg)
{
	struct job *j = arg;
	sqlite3 *db = NULL;
	int rc = sqlite3_open_v2(j->path, &db, SQLITE_OPEN_READWRITE, NULL);
	if (rc == SQLITE_OK) {
		/* The UI thread never waits for this connection; this one
		 * may wait a little for a report or a save to finish. */
		sqlite3_busy_timeout(db, 2000);
		if (j->through[0])
			close_then_note(j->s, db, j->through, j->k, j->kiosk);
		rc = vacuum(db);
		if (rc != SQLITE_OK)
			log_debug("store", "rewrite postponed: %s", sqlite3_errmsg(db));
	}
	sqlite3_close(db);
	pthread_mutex_lock(&j->s->lock);
	j->s->rewrite_failed = rc != SQLITE_OK;
	j->s->rewriting = false;
	pthread_mutex_unlock(&j->s->lock);
	free(j->path);
	free(j);
	return NULL;
}

void store_background(struct store *s, bool on)
{
	if (s)
		s->background = on;
}

void store_reorder_join(struct store *s)
{
	if (s->thread_started) {
		pthread_join(s->thread, NULL);
		s->thread_started = false;
	}
	if (s->rewrite_failed) {
		s->rewrite_failed = false;
		s->unordered = true;
	}
}

int store_reorder(struct store *s)
{
	if (!s->db)
		return SQLITE_OK;
	if (store_rewriting(s))
		return SQLITE_BUSY; /* the running rewrite will not see the newest save */
	store_reorder_join(s);
	/* A day that has closed since the last look: its batch is made
	 * here, before the rewrite, off the UI thread when in background. */
	char through[11] = "";
	if (!store_close_due(s, through))
		through[0] = '\0';
	if (!s->unordered && !through[0])
		return SQLITE_OK;
	if (s->background) {
		struct job *j = calloc(1, sizeof *j);
		if (j && (j->path = strdup(s->path)) != NULL) {
			j->s = s;
			snprintf(j->through, sizeof j->through, "%s", through);
			snprintf(j->kiosk, sizeof j->kiosk, "%s", s->kiosk);
			j->k = s->k;
			s->rewriting = true;
			if (pthread_create(&s->thread, NULL, rewrite, j) == 0) {
				s->thread_started = true;
				s->unordered = false;
				return SQLITE_OK;
			}
			s->rewriting = false;
			free(j->path);
		}
		free(j);
		/* No thread: rewrite here rather than not at all. */
	}
	if (through[0])
		close_then_note(s, s->db, through, s->k, s->kiosk);
	int rc = vacuum(s->db);
	if (rc == SQLITE_OK)
		s->unordered = false;
	else
		log_debug("store", "rewrite postponed: %s", sqlite3_errmsg(s->db));
	return rc;
}

bool store_rewriting(struct store *s)
{
	pthread_mutex_lock(&s->lock);
	bool busy = s->rewriting;
	pthread_mutex_unlock(&s->lock);
	return busy;
}
