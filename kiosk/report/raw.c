/* The figures beside the funnel counters: sessions that really opened a
 * chapter (the furthest stage only says how far a session got, and a
 * person may go from the chapter list straight to the quiz), the rows per
 * welcome-day label, and the sums of the item analysis. All come from the
 * batches' counters (v_label, v_item: core/store_schema.h), never from
 * session rows.
 *
 * A label never splits a batch below K (PRIVACY.md): in each batch, the
 * labels with fewer than K sessions are pooled into the row "*"; when that
 * pool itself holds fewer than K (but some), the smallest other label of
 * the batch joins it, so every label row adds whole groups of >= K
 * sessions of each batch. */
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "core/store_schema.h"
#include "report/report.h"
#include "report/rows.h"

/* Label rows of one batch, before pooling. */
enum { MAX_LABELS = 64 };
struct pool {
	struct report_group g[MAX_LABELS];
	int n;
};

static struct report_group *group(struct report_group **g, int *n, const char *key)
{
	for (int i = 0; i < *n; i++)
		if (!strcmp((*g)[i].key, key))
			return &(*g)[i];
	*g = rows_grow(*g, *n, sizeof **g);
	struct report_group *x = &(*g)[(*n)++];
	*x = (struct report_group){0};
	snprintf(x->key, sizeof x->key, "%s", key);
	return x;
}

static void add_into(struct report_group *d, const struct report_group *g)
{
	d->sessions += g->sessions;
	for (int i = 0; i < REPORT_STAGES; i++) {
		d->reached[i] += g->reached[i];
		d->keys.reached[i] = (d->keys.reached[i] + g->keys.reached[i]) & 0xffffffffLL;
	}
	for (int i = 0; i < REPORT_ENDS; i++) {
		d->ended[i] += g->ended[i];
		d->keys.ended[i] = (d->keys.ended[i] + g->keys.ended[i]) & 0xffffffffLL;
	}
	d->quiz_taken += g->quiz_taken;
	d->score_sum += g->score_sum;
	d->passed += g->passed;
	d->duration_sum += g->duration_sum;
	d->keys.sessions = (d->keys.sessions + g->keys.sessions) & 0xffffffffLL;
	d->keys.quiz_taken = (d->keys.quiz_taken + g->keys.quiz_taken) & 0xffffffffLL;
	d->keys.passed = (d->keys.passed + g->keys.passed) & 0xffffffffLL;
}

/* One batch's labels into the report's label rows, pooled (see top). */
static void flush(struct report *r, struct pool *p, int k)
{
	struct report_group pooled = {.key = "*"};
	bool in_pool[MAX_LABELS] = {false};
	for (int i = 0; i < p->n; i++)
		if (p->g[i].sessions < k) {
			in_pool[i] = true;
			add_into(&pooled, &p->g[i]);
		}
	if (pooled.sessions > 0 && pooled.sessions < k) {
		int small = -1;
		for (int i = 0; i < p->n; i++)
			if (!in_pool[i] && (small < 0 || p->g[i].sessions < p->g[small].sessions))
				small = i;
		if (small >= 0) {
			in_pool[small] = true;
			add_into(&pooled, &p->g[small]);
		}
	}
	for (int i = 0; i < p->n; i++)
		if (!in_pool[i])
			add_into(group(&r->labels, &r->n_labels, p->g[i].key), &p->g[i]);
	if (pooled.sessions > 0)
		add_into(group(&r->labels, &r->n_labels, "*"), &pooled);
	p->n = 0;
}

/* The file being read, for every message (report_load_raw). */
static const char *reading = "";

static int fail(sqlite3 *db)
{
	fprintf(stderr, "kiosk-report: %s: %s\n", reading, sqlite3_errmsg(db));
	return -1;
}

static bool whole(sqlite3_stmt *st, int i, long long *v)
{
	*v = sqlite3_column_int64(st, i);
	return sqlite3_column_type(st, i) == SQLITE_INTEGER && *v >= 0;
}

static int load_labels(struct report *r, sqlite3 *db, int k)
{
	sqlite3_stmt *st;
	/* Rows in order rather than summed by SQL: a label's rows of one
	 * batch (one per module) are added up below, without SQLite's
	 * aggregate functions, which cost ten times the reading of a row. */
	char *sql = sqlite3_mprintf(
	    "SELECT v.kiosk || '/' || v.batch, v.label, sessions, reached_home, "
	    "opened_chapter, reached_quiz, reached_result, finished, abandoned, timed_out, "
	    "quiz_taken, score_sum, passed, duration_sum, k_sessions, k_reached_home, "
	    "k_opened_chapter, k_reached_quiz, k_reached_result, k_finished, k_abandoned, "
	    "k_timed_out, k_quiz_taken, k_passed FROM v_label v%s "
	    "ORDER BY v.kiosk, v.batch, v.label",
	    report_take());
	int prc = sql ? sqlite3_prepare_v2(db, sql, -1, &st, NULL) : SQLITE_NOMEM;
	sqlite3_free(sql);
	if (prc != SQLITE_OK)
		return fail(db);
	struct pool *p = calloc(1, sizeof *p);
	char batch[80] = "";
	int rc;
	bool ok = p != NULL;
	while (ok && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *b = rows_text(st, 0), *label = rows_text(st, 1);
		size_t len = strlen(label);
		if (len < 1 || len > STORE_ID_MAX ||
		    strspn(label, "abcdefghijklmnopqrstuvwxyz0123456789._-") != len) {
			ok = false;
			break;
		}
		if (strcmp(b, batch)) {
			flush(r, p, k);
			snprintf(batch, sizeof batch, "%s", b);
		}
		/* The same label in the batch's previous row (another
		 * module): added to it. */
		bool again = p->n > 0 && !strcmp(p->g[p->n - 1].key, label);
		if (!again && p->n == MAX_LABELS)
			continue; /* more labels than the settings can name */
		struct report_group *g = again ? &p->g[p->n - 1] : &p->g[p->n++], one = {0};
		if (!again) {
			*g = (struct report_group){0};
			snprintf(g->key, sizeof g->key, "%s", label);
		}
		long long v[22];
		for (int i = 0; ok && i < 22; i++)
			ok = whole(st, 2 + i, &v[i]) && (i >= 12 || v[i] <= 1000000000000LL);
		if (!ok)
			break;
		one.sessions = one.reached[0] = v[0];
		for (int i = 1; i < REPORT_STAGES; i++)
			one.reached[i] = v[i];
		for (int i = 0; i < REPORT_ENDS; i++)
			one.ended[i] = v[5 + i];
		one.quiz_taken = v[8];
		one.score_sum = v[9];
		one.passed = v[10];
		one.duration_sum = v[11];
		one.keys.sessions = one.keys.reached[0] = v[12] & 0xffffffffLL;
		for (int i = 1; i < REPORT_STAGES; i++)
			one.keys.reached[i] = v[12 + i] & 0xffffffffLL;
		for (int i = 0; i < REPORT_ENDS; i++)
			one.keys.ended[i] = v[17 + i] & 0xffffffffLL;
		one.keys.quiz_taken = v[20] & 0xffffffffLL;
		one.keys.passed = v[21] & 0xffffffffLL;
		add_into(g, &one);
		/* The real "opened a chapter", before pooling. */
		r->opened_chapter += v[2];
		r->opened_chapter_key = (r->opened_chapter_key + v[14]) & 0xffffffffLL;
	}
	if (ok && p)
		flush(r, p, k);
	sqlite3_finalize(st);
	free(p);
	if (!ok) {
		fprintf(stderr, "kiosk-report: %s: invalid label rows: a damaged or altered file\n",
		        reading);
		return -1;
	}
	return rc == SQLITE_DONE ? 0 : fail(db);
}

struct report_item *report_item_of(struct report *r, const char *m, const char *q, const char *o)
{
	for (int i = 0; i < r->n_items; i++) {
		struct report_item *it = &r->items[i];
		if (!strcmp(it->module, m) && !strcmp(it->id, q) && !strcmp(it->objective, o))
			return it;
	}
	r->items = rows_grow(r->items, r->n_items, sizeof *r->items);
	struct report_item *it = &r->items[r->n_items++];
	*it = (struct report_item){0};
	snprintf(it->module, sizeof it->module, "%s", m);
	snprintf(it->id, sizeof it->id, "%s", q);
	snprintf(it->objective, sizeof it->objective, "%s", o);
	return it;
}

/* Per item, over the sessions that finished the quiz: n answers, x right,
 * the rest-of-score sums. The correlation needs only these sums, which add
 * up across batches and files. */
static int load_discrimination(struct report *r, sqlite3 *db)
{
	sqlite3_stmt *st;
	char *sql = sqlite3_mprintf("SELECT v.module, v.question, v.objective, sum(finished), "
	                            "sum(item_right), sum(rest_sum), sum(cross_sum), "
	                            "sum(rest_sq_sum), sum(k_finished), sum(k_item_right) FROM "
	                            "v_item v%s GROUP BY 1, 2, 3",
	                            report_take());
	int prc = sql ? sqlite3_prepare_v2(db, sql, -1, &st, NULL) : SQLITE_NOMEM;
	sqlite3_free(sql);
	if (prc != SQLITE_OK)
		return fail(db);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct report_item *it =
		    report_item_of(r, rows_text(st, 0), rows_text(st, 1), rows_text(st, 2));
		long long *dst[] = {&it->n, &it->x, &it->r, &it->xr, &it->rr};
		bool ok = true;
		for (int i = 0; ok && i < 5; i++) {
			long long v;
			ok = whole(st, 3 + i, &v) && !__builtin_add_overflow(*dst[i], v, dst[i]);
		}
		long long kn, kx;
		ok = ok && whole(st, 8, &kn) && whole(st, 9, &kx);
		if (!ok) {
			sqlite3_finalize(st);
			fprintf(stderr,
			        "kiosk-report: %s: invalid item rows: a damaged or altered file\n",
			        reading);
			return -1;
		}
		it->keys.n = (it->keys.n + kn) & 0xffffffffLL;
		it->keys.x = (it->keys.x + kx) & 0xffffffffLL;
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : fail(db);
}

int report_load_raw(struct report *r, struct sqlite3 *db, int k, const char *path)
{
	reading = path;
	int rc = load_labels(r, db, k);
	return rc == 0 ? load_discrimination(r, db) : rc;
}

void report_finish_raw(struct report *r)
{
	/* The funnel's third step counts what people did: a session that
	 * went from the chapter list straight to the quiz opened none. */
	r->total.reached[2] = r->opened_chapter;
	r->total.keys.reached[2] = r->opened_chapter_key;
}

void report_free_raw(struct report *r)
{
	free(r->kiosks);
	free(r->labels);
	free(r->items);
	r->kiosks = r->labels = NULL;
	r->items = NULL;
	r->n_kiosks = r->n_labels = r->n_items = 0;
}
