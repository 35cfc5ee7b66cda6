/* The figures that the stat_day counters cannot give: sessions that really
 * opened a chapter (the furthest stage only says how far a session got, and
 * a person may go from the chapter list straight to the quiz), groups per
 * kiosk and per welcome-day label, and the sums for the item analysis.
 * Files of schema version 3 keep them as daily counters (stat_group,
 * stat_item); older files, and files that share sessions with an earlier
 * one, are read from their per-session rows (platform/store_schema.h).
 *
 * Each file is attached read-only to a private in-memory database; a
 * session found in an earlier file (same day, same random id) is left out,
 * as report_load does for the counters. */
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "report/report.h"
#include "report/rows.h"

static int fail(sqlite3 *db, const char *what)
{
	fprintf(stderr, "kiosk-report: %s: %s\n", what, sqlite3_errmsg(db));
	return -1;
}

/* Sessions of src within the days and not seen in an earlier file. */
#define NEW(alias, id)                                                                             \
	" " alias ".day BETWEEN ?1 AND ?2 AND NOT EXISTS (SELECT 1 FROM main.seen WHERE "          \
	"seen.day = " alias ".day AND seen.id = " alias "." id ")"

static sqlite3_stmt *prepare(sqlite3 *db, const char *sql, const char *lo, const char *hi)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		return NULL;
	sqlite3_bind_text(st, 1, lo, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, hi, -1, SQLITE_STATIC);
	return st;
}

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

static int sort_groups(const void *a, const void *b)
{
	return strcmp(((const struct report_group *)a)->key, ((const struct report_group *)b)->key);
}

/* One row per kiosk (or label): the same figures as stat_day's, with
 * "opened a chapter" counted from chapters_seen; from the counters of
 * schema version 3, or from the session rows. */
static int load_groups(sqlite3 *db, const char *key, bool counters, struct report_group **g, int *n,
                       const char *lo, const char *hi)
{
	char *sql = sqlite3_mprintf(
	    counters
	        ? "SELECT %s, sum(sessions), sum(reached_home), sum(opened_chapter), "
	          "sum(reached_quiz), sum(reached_result), sum(finished), sum(abandoned), "
	          "sum(timed_out), sum(quiz_taken), sum(score_sum), sum(passed), "
	          "sum(duration_sum) FROM src.stat_group WHERE day BETWEEN ?1 AND ?2 GROUP BY 1"
	        : "SELECT %s, count(*), sum(furthest >= 1), sum(chapters_seen > 0), "
	          "sum(furthest >= 3), sum(furthest >= 4), sum(ended = 0), sum(ended = 1), "
	          "sum(ended = 2), count(score), coalesce(sum(score), 0), sum(passed), "
	          "sum(duration_s) FROM src.session s WHERE" NEW("s", "id") " GROUP BY 1",
	    key);
	sqlite3_stmt *st = prepare(db, sql, lo, hi);
	sqlite3_free(sql);
	if (!st)
		return -1;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct report_group *x = group(g, n, rows_text(st, 0));
		/* Nothing read is trusted (issue 10): counts are whole, not
		 * negative, and their sums do not overflow. */
		long long v[13];
		bool ok = true;
		for (int i = 1; i <= 12; i++) {
			v[i] = sqlite3_column_int64(st, i);
			ok = ok && sqlite3_column_type(st, i) == SQLITE_INTEGER && v[i] >= 0 &&
			     v[i] <= 1000000000000LL;
		}
		ok = ok && !__builtin_add_overflow(x->sessions, v[1], &x->sessions);
		x->reached[0] = x->sessions;
		for (int i = 1; ok && i < REPORT_STAGES; i++)
			ok = !__builtin_add_overflow(x->reached[i], v[1 + i], &x->reached[i]);
		for (int i = 0; ok && i < REPORT_ENDS; i++)
			ok = !__builtin_add_overflow(x->ended[i], v[6 + i], &x->ended[i]);
		ok = ok && !__builtin_add_overflow(x->quiz_taken, v[9], &x->quiz_taken) &&
		     !__builtin_add_overflow(x->score_sum, v[10], &x->score_sum) &&
		     !__builtin_add_overflow(x->passed, v[11], &x->passed) &&
		     !__builtin_add_overflow(x->duration_sum, v[12], &x->duration_sum);
		if (!ok) {
			sqlite3_finalize(st);
			fprintf(stderr,
			        "kiosk-report: invalid session rows (negative, not whole or "
			        "too large): a damaged or altered database\n");
			return -1;
		}
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

static struct report_item *item(struct report *r, const char *m, const char *q, const char *o)
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

static int load_choices(struct report *r, sqlite3 *db, bool counters, const char *lo,
                        const char *hi)
{
	sqlite3_stmt *st = prepare(
	    db,
	    counters ? "SELECT module, question, objective, choice, correct, sum(answers) FROM "
	               "src.stat_answer WHERE day BETWEEN ?1 AND ?2 GROUP BY 1, 2, 3, 4, 5"
	             : "SELECT module, question, objective, choice, correct, count(*) "
	               "FROM src.answer a WHERE" NEW("a", "session") " GROUP BY 1, 2, 3, 4, 5",
	    lo, hi);
	if (!st)
		return -1;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct report_item *it =
		    item(r, rows_text(st, 0), rows_text(st, 1), rows_text(st, 2));
		int c = sqlite3_column_int(st, 3);
		long long n = sqlite3_column_int64(st, 5);
		if (c < 0 || c >= REPORT_CHOICES)
			continue;
		if (__builtin_add_overflow(it->answered, n, &it->answered) ||
		    __builtin_add_overflow(it->by_choice[c], n, &it->by_choice[c]) ||
		    (sqlite3_column_int(st, 4) &&
		     __builtin_add_overflow(it->right, n, &it->right))) {
			sqlite3_finalize(st);
			fprintf(stderr, "kiosk-report: invalid answer rows: too many\n");
			return -1;
		}
		if (sqlite3_column_int(st, 4))
			it->is_right[c] = true;
		if (c + 1 > it->n_choices)
			it->n_choices = c + 1;
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

/* Per item, over the sessions that finished the quiz (a score): x is 1
 * when the item is right, r the number of the session's other right
 * answers. The correlation needs only these sums, which add up across
 * files. */
static int load_discrimination(struct report *r, sqlite3 *db, bool counters, const char *lo,
                               const char *hi)
{
	sqlite3_stmt *st = prepare(
	    db,
	    counters
	        ? "SELECT module, question, objective, sum(finished), sum(item_right), "
	          "sum(rest_sum), sum(cross_sum), sum(rest_sq_sum) FROM src.stat_item WHERE "
	          "day BETWEEN ?1 AND ?2 GROUP BY 1, 2, 3"
	        : "WITH t AS (SELECT a.day AS day, a.session AS session, sum(a.correct) AS tot "
	          "  FROM src.answer a JOIN src.session s ON s.day = a.day AND s.id = a.session "
	          "  WHERE s.score IS NOT NULL AND" NEW(
	              "a",
	              "session") " GROUP BY a.day, a.session) "
	                         "SELECT a.module, a.question, a.objective, count(*), "
	                         "sum(a.correct), "
	                         "sum(t.tot - a.correct), sum(a.correct * (t.tot - a.correct)), "
	                         "sum((t.tot - a.correct) * (t.tot - a.correct)) "
	                         "FROM src.answer a JOIN t ON t.day = a.day AND t.session = "
	                         "a.session "
	                         "GROUP BY 1, 2, 3",
	    lo, hi);
	if (!st)
		return -1;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct report_item *it =
		    item(r, rows_text(st, 0), rows_text(st, 1), rows_text(st, 2));
		long long *dst[] = {&it->n, &it->x, &it->r, &it->xr, &it->rr};
		bool ok = true;
		for (int i = 0; ok && i < 5; i++) {
			long long v = sqlite3_column_int64(st, 3 + i);
			ok = v >= 0 && !__builtin_add_overflow(*dst[i], v, dst[i]);
		}
		if (!ok) {
			sqlite3_finalize(st);
			fprintf(stderr, "kiosk-report: invalid answer rows: a damaged or altered "
			                "database\n");
			return -1;
		}
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

/* The welcome-day label came with schema version 2; older files have
 * none, and their sessions are reported under "-" (no label). */
static bool has_label(sqlite3 *db)
{
	sqlite3_stmt *st;
	bool found = false;
	if (sqlite3_prepare_v2(db,
	                       "SELECT 1 FROM pragma_table_info('session', 'src') WHERE name "
	                       "= 'label'",
	                       -1, &st, NULL) != SQLITE_OK)
		return false;
	found = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_finalize(st);
	return found;
}

/* The counters of schema version 3 (stat_group, stat_item) answer in a few
 * thousand rows; they are used unless a session of this file was already
 * counted from an earlier one (the rows then tell which to leave out). */
static bool use_counters(sqlite3 *db, bool first, const char *lo, const char *hi)
{
	sqlite3_stmt *st;
	long long n = 0;
	if (sqlite3_prepare_v2(db,
	                       "SELECT count(*) FROM src.sqlite_master WHERE type = 'table' AND "
	                       "name IN ('stat_group', 'stat_item')",
	                       -1, &st, NULL) != SQLITE_OK)
		return false;
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	if (n != 2)
		return false;
	if (first)
		return true;
	st = prepare(db,
	             "SELECT count(*) FROM src.session s WHERE day BETWEEN ?1 AND ?2 AND EXISTS "
	             "(SELECT 1 FROM main.seen WHERE seen.day = s.day AND seen.id = s.id)",
	             lo, hi);
	n = -1;
	if (st && sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n == 0;
}

static int attach(sqlite3 *db, const char *path)
{
	sqlite3_stmt *st;
	char *uri = report_ro_uri(path);
	if (!uri)
		return -1;
	int rc = sqlite3_prepare_v2(db, "ATTACH ? AS src", -1, &st, NULL);
	if (rc != SQLITE_OK) {
		sqlite3_free(uri);
		return -1;
	}
	sqlite3_bind_text(st, 1, uri, -1, sqlite3_free);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

static int load_file(struct report *r, sqlite3 *db, const char *path, bool first, bool last,
                     const char *lo, const char *hi)
{
	if (attach(db, path) != 0)
		return fail(db, path);
	sqlite3_busy_timeout(db, 2000);
	int rc = sqlite3_exec(db, "BEGIN", NULL, NULL, NULL) == SQLITE_OK ? 0 : -1;
	bool c = rc == 0 && use_counters(db, first, lo, hi);
	if (rc == 0)
		rc = load_groups(db, "kiosk", c, &r->kiosks, &r->n_kiosks, lo, hi);
	if (rc == 0)
		rc = load_groups(db,
		                 c               ? "label"
		                 : has_label(db) ? "coalesce(label, '-')"
		                                 : "'-'",
		                 c, &r->labels, &r->n_labels, lo, hi);
	if (rc == 0)
		rc = load_choices(r, db, c, lo, hi);
	if (rc == 0)
		rc = load_discrimination(r, db, c, lo, hi);
	if (rc == 0 && !last) {
		sqlite3_stmt *st = prepare(db,
		                           "INSERT OR IGNORE INTO main.seen SELECT day, id FROM "
		                           "src.session WHERE day BETWEEN ?1 AND ?2",
		                           lo, hi);
		rc = st && sqlite3_step(st) == SQLITE_DONE ? 0 : -1;
		sqlite3_finalize(st);
	}
	if (rc != 0)
		fail(db, path);
	sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
	sqlite3_exec(db, "DETACH src", NULL, NULL, NULL);
	return rc;
}

int report_load_raw(struct report *r, const char *const *paths, int n, const char *lo,
                    const char *hi)
{
	sqlite3 *db = NULL;
	if (sqlite3_open_v2(":memory:", &db,
	                    SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_URI,
	                    NULL) != SQLITE_OK ||
	    sqlite3_exec(db,
	                 "CREATE TABLE seen (day TEXT, id BLOB, PRIMARY KEY (day, id)) "
	                 "WITHOUT ROWID",
	                 NULL, NULL, NULL) != SQLITE_OK) {
		int rc = fail(db, "temporary database");
		sqlite3_close(db);
		return rc;
	}
	int rc = 0;
	for (int i = 0; rc == 0 && i < n; i++)
		rc = load_file(r, db, paths[i], i == 0, i == n - 1, lo, hi);
	sqlite3_close(db);
	if (rc != 0)
		return rc;
	if (r->n_kiosks > 1)
		qsort(r->kiosks, (size_t)r->n_kiosks, sizeof *r->kiosks, sort_groups);
	if (r->n_labels > 1)
		qsort(r->labels, (size_t)r->n_labels, sizeof *r->labels, sort_groups);
	/* The funnel's third step counts what people did: a session that
	 * went from the chapter list straight to the quiz opened none. */
	r->opened_chapter = 0;
	for (int i = 0; i < r->n_kiosks; i++)
		r->opened_chapter += r->kiosks[i].reached[2];
	r->total.reached[2] = r->opened_chapter;
	return 0;
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
