/* Loading a report (statistics v2, issue 21): the closed batches of kiosk
 * databases and batch files alike. Each file is attached read-only to a
 * private in-memory database and seen through the temporary views v_*
 * (core/store_schema.h, STORE_BATCH_VIEWS): over a kiosk database they
 * gather its daily counters by batch, over a batch file they are its
 * tables. The batches of the period not already read from an earlier file
 * (by kiosk id and first day) go into `take`; every figure is then summed
 * over them, with the key sums of its counts, into the report.
 *
 * The reader trusts nothing in the files (issue 10): they are opened
 * read-only and immutable (no lock taken, nothing written next to them),
 * every step's result is checked (an SQL error is an error, never an empty
 * report), every value read is checked for its type and range before it is
 * used, and sums are 64-bit with overflow checked. */
#include <sqlite3.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/store_schema.h"
#include "report/report.h"
#include "report/rows.h"

static int fail(sqlite3 *db, const char *what)
{
	fprintf(stderr, "kiosk-report: %s: %s\n", what, sqlite3_errmsg(db));
	return -1;
}

/* A read-only, immutable URI for the file name path: '?', '#', '%' and
 * anything outside printable ASCII are percent-encoded, so a file name is
 * never taken for URI syntax (a query string choosing a VFS, say). An
 * absolute path gets an empty authority ("file:///..."), so that "//x"
 * cannot be read as a host. Free with sqlite3_free(). */
char *report_ro_uri(const char *path)
{
	size_t n = strlen(path);
	char *enc = sqlite3_malloc64(3 * n + 1), *o = enc;
	if (!enc)
		return NULL;
	for (const char *p = path; *p; p++) {
		unsigned char c = (unsigned char)*p;
		if (c == '?' || c == '#' || c == '%' || c < 0x21 || c > 0x7e)
			o += sprintf(o, "%%%02X", c);
		else
			*o++ = (char)c;
	}
	*o = '\0';
	char *uri =
	    sqlite3_mprintf("file:%s%s?mode=ro&immutable=1", path[0] == '/' ? "//" : "", enc);
	sqlite3_free(enc);
	return uri;
}

/* An immutable reader does not see what a write-ahead log or a hot journal
 * next to the file holds: refuse rather than report half a file. */
static int no_side_files(const char *path)
{
	static const char *const side[] = {"-wal", "-journal"};
	for (int i = 0; i < 2; i++) {
		char *p = sqlite3_mprintf("%s%s", path, side[i]);
		struct stat st;
		bool there = p && stat(p, &st) == 0 && st.st_size > 0;
		sqlite3_free(p);
		if (there) {
			fprintf(stderr,
			        "kiosk-report: %s: %s%s is next to it: the file is being written "
			        "(or was cut short). Report a copy made with\n"
			        "  sqlite3 '%s' \".backup copy.db\"\n",
			        path, path, side[i], path);
			return -1;
		}
	}
	return 0;
}

/* Values read from a file: a bad one stops the report, naming the file. */
static const char *reading = "";

static int bad(const char *what)
{
	fprintf(stderr,
	        "kiosk-report: %s: invalid %s: not a kiosk statistics database, or a damaged "
	        "or altered one\n",
	        reading, what);
	return -1;
}

/* A count column: an integer from 0 to 10^12 (far above any real sum). */
static bool count_ok(sqlite3_stmt *st, int i, long long *out)
{
	if (sqlite3_column_type(st, i) != SQLITE_INTEGER)
		return false;
	long long v = sqlite3_column_int64(st, i);
	if (v < 0 || v > 1000000000000LL)
		return false;
	*out = v;
	return true;
}

static bool add_ok(long long *sum, long long v)
{
	return !__builtin_add_overflow(*sum, v, sum);
}

/* An id as the schema allows it: 1 to STORE_ID_MAX of [a-z0-9._-]. */
static bool id_ok(sqlite3_stmt *st, int i)
{
	/* The type first: sqlite3_column_text() would convert the value. */
	if (sqlite3_column_type(st, i) != SQLITE_TEXT)
		return false;
	const unsigned char *s = sqlite3_column_text(st, i);
	if (!s)
		return false;
	size_t n = strlen((const char *)s);
	return n >= 1 && n <= STORE_ID_MAX &&
	       strspn((const char *)s, "abcdefghijklmnopqrstuvwxyz0123456789._-") == n;
}

static bool day_ok(sqlite3_stmt *st, int i)
{
	if (sqlite3_column_type(st, i) != SQLITE_TEXT)
		return false;
	const char *s = (const char *)sqlite3_column_text(st, i);
	if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return false;
	for (int k = 0; k < 10; k++)
		if (k != 4 && k != 7 && (s[k] < '0' || s[k] > '9'))
			return false;
	int m = (s[5] - '0') * 10 + s[6] - '0', d = (s[8] - '0') * 10 + s[9] - '0';
	return m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

static bool lang_ok(sqlite3_stmt *st, int i)
{
	if (sqlite3_column_type(st, i) != SQLITE_TEXT)
		return false;
	const char *s = (const char *)sqlite3_column_text(st, i);
	size_t n = s ? strlen(s) : 0;
	return n >= 2 && n <= 7 && strspn(s, "abcdefghijklmnopqrstuvwxyz-") == n;
}

/* The end of a step loop: SQLITE_DONE, or an error that must not pass for
 * "no more rows". */
static int done(sqlite3 *db, int rc)
{
	if (rc == SQLITE_DONE)
		return 0;
	fprintf(stderr, "kiosk-report: %s: %s\n", reading, sqlite3_errmsg(db));
	return -1;
}

/* A key sum column: any non-negative 64-bit integer; folded mod 2^32 as it
 * is added (core/cellkey.h), so no sum of them overflows. */
static bool key_ok(sqlite3_stmt *st, int i, long long *out)
{
	if (sqlite3_column_type(st, i) != SQLITE_INTEGER)
		return false;
	long long v = sqlite3_column_int64(st, i);
	if (v < 0)
		return false;
	*out = v & 0xffffffffLL;
	return true;
}

static void key_add(long long *sum, long long v)
{
	*sum = (*sum + v) & 0xffffffffLL;
}

static int check_version(sqlite3 *db, const char *path)
{
	sqlite3_stmt *st;
	int v = -1;
	if (sqlite3_prepare_v2(db, "PRAGMA src.user_version", -1, &st, NULL) != SQLITE_OK)
		return fail(db, path);
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_type(st, 0) == SQLITE_INTEGER)
		v = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	if (v < 0)
		return fail(db, path);
	/* Version 4 has closed batches and no chapter answers: read as it
	 * is (open_source). */
	if (v < 4 || v > STORE_SCHEMA_VERSION) {
		fprintf(stderr, "kiosk-report: %s: %s (schema version %d, expected 4 to %d)%s\n",
		        path,
		        v == 0 ? "neither a kiosk statistics database nor a batch file"
		               : "a database of an older or newer kiosk",
		        v, STORE_SCHEMA_VERSION,
		        v > 0 && v < 4
		            ? ": it has no closed batches; the kiosk migrates it when it opens it"
		            : "");
		return -1;
	}
	return 0;
}

static int exec(sqlite3 *db, const char *sql)
{
	return sqlite3_exec(db, sql, NULL, NULL, NULL) == SQLITE_OK ? 0 : -1;
}

/* Attaches path as src and makes the views v_*: 0, or -1 after saying
 * why. */
static int open_source(sqlite3 *db, const char *path)
{
	if (no_side_files(path) != 0)
		return -1;
	char *uri = report_ro_uri(path);
	sqlite3_stmt *st;
	if (!uri || sqlite3_prepare_v2(db, "ATTACH ? AS src", -1, &st, NULL) != SQLITE_OK) {
		sqlite3_free(uri);
		return fail(db, path);
	}
	sqlite3_bind_text(st, 1, uri, -1, sqlite3_free);
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return fail(db, path);
	long long batch_file = -1;
	if (sqlite3_prepare_v2(db,
	                       "SELECT count(*) FROM src.sqlite_schema WHERE type = 'table' AND "
	                       "name = 'b_batch'",
	                       -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		batch_file = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	if (batch_file < 0)
		return fail(db, path);
	if (batch_file) {
#define VIEW(name, cols, keys)                                                                     \
	"CREATE TEMP VIEW v_" name " AS SELECT kiosk, batch, " cols " FROM src.b_" name ";"
		if (exec(db, STORE_BATCH_FILE_TABLES(VIEW)) != 0)
			return bad("batch file tables");
#undef VIEW
	} else {
		if (check_version(db, path) != 0)
			return -1;
		if (exec(db, STORE_BATCH_VIEWS) != 0)
			return fail(db, path);
	}
	/* A file written before chapter answers were kept (kiosk database
	 * version 4, its batch files) has none: read the rest as it is. */
	long long has = -1;
	if (sqlite3_prepare_v2(db,
	                       batch_file ? STORE_HAS_TABLE("b_chapter_answer")
	                                  : STORE_HAS_TABLE("stat_chapter_answer"),
	                       -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		has = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	if (has < 0 || (has == 0 && exec(db, STORE_NO_CHAPTER_ANSWERS) != 0))
		return fail(db, path);
	return 0;
}

static void close_source(sqlite3 *db)
{
	exec(db, "DROP VIEW IF EXISTS temp.v_batch; DROP VIEW IF EXISTS temp.v_day;"
	         "DROP VIEW IF EXISTS temp.v_score; DROP VIEW IF EXISTS temp.v_chapter;"
	         "DROP VIEW IF EXISTS temp.v_answer; DROP VIEW IF EXISTS temp.v_label;"
	         "DROP VIEW IF EXISTS temp.v_item; DROP VIEW IF EXISTS temp.v_chapter_answer;"
	         "COMMIT; DETACH src;");
}

static sqlite3_stmt *query(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) {
		fail(db, reading);
		return NULL;
	}
	return st;
}

/* Whether every batch of the file being read is taken (the usual case: a
 * report of everything, files that do not overlap): the counters are then
 * summed without looking each row's batch up (report_take). */
static bool taking_all;
/* Else, when the batches taken are all those of the file between two
 * (a period): that range, a comparison per row instead of a lookup in
 * take ("" otherwise). */
static char taking_range[64];

const char *report_take(void)
{
	return taking_all        ? ""
	       : taking_range[0] ? taking_range
	                         : " JOIN take t ON t.kiosk = v.kiosk AND t.batch = v.batch";
}

/* query() of sql with its one %s replaced by report_take(). */
static sqlite3_stmt *query_take(sqlite3 *db, const char *sql)
{
	char *full = sqlite3_mprintf(sql, report_take());
	sqlite3_stmt *st = full ? query(db, full) : NULL;
	sqlite3_free(full);
	return st;
}

/* The batches of this file within lo..hi and not read before, into take
 * (and seen), with their spans as report keys show them: "first" or
 * "first/last"; people who left early, days covered. */
#define TAKEN                                                                                      \
	" FROM v_batch WHERE last_day BETWEEN ?1 AND ?2 AND NOT EXISTS (SELECT 1 FROM seen "       \
	"WHERE seen.kiosk = v_batch.kiosk AND seen.batch = v_batch.batch)"
static int take_batches(struct report *r, sqlite3 *db, const char *lo, const char *hi)
{
	sqlite3_stmt *st = query(db, "DELETE FROM take");
	if (!st)
		return -1;
	sqlite3_step(st);
	sqlite3_finalize(st);
	st = query(db, "SELECT kiosk, batch, last_day, sessions, touched, k_touched" TAKEN);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, lo, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, hi, -1, SQLITE_STATIC);
	int rc, bad_row = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		long long n, touched, key;
		if (!id_ok(st, 0) || !day_ok(st, 1) || !day_ok(st, 2) || !count_ok(st, 3, &n) ||
		    !count_ok(st, 4, &touched) || !key_ok(st, 5, &key) ||
		    strcmp(rows_text(st, 1), rows_text(st, 2)) > 0) {
			bad_row = 1;
			break;
		}
		const char *first = rows_text(st, 1), *last = rows_text(st, 2);
		if (!add_ok(&r->left_early, touched))
			bad_row = 1;
		key_add(&r->left_early_key, key);
		r->n_batches++;
		if (!r->first_day[0] || strcmp(first, r->first_day) < 0)
			snprintf(r->first_day, sizeof r->first_day, "%s", first);
		if (strcmp(last, r->last_day) > 0)
			snprintf(r->last_day, sizeof r->last_day, "%s", last);
	}
	sqlite3_finalize(st);
	if (bad_row == 1)
		return bad("row in the batches");
	if (done(db, rc) != 0)
		return -1;
	/* The rows checked, taken in one statement each (a statement per
	 * batch cost as much as the rest of a file's reading). */
	st = query(db, "INSERT OR IGNORE INTO take SELECT kiosk, batch, CASE WHEN batch = "
	               "last_day THEN batch ELSE batch || '/' || last_day END" TAKEN);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, lo, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, hi, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE ||
	    !(st = query(db, "INSERT OR IGNORE INTO seen SELECT kiosk, batch FROM take")))
		return fail(db, reading);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return fail(db, reading);
	long long all = -1, taken = -2, between = -3;
	st = query(db, "SELECT (SELECT count(*) FROM v_batch), count(*), min(batch), max(batch), "
	               "(SELECT count(*) FROM v_batch WHERE batch BETWEEN min(t.batch) AND "
	               "max(t.batch)) FROM take t");
	taking_range[0] = '\0';
	if (st && sqlite3_step(st) == SQLITE_ROW) {
		all = sqlite3_column_int64(st, 0);
		taken = sqlite3_column_int64(st, 1);
		between = sqlite3_column_int64(st, 4);
		/* Checked days (day_ok): no quote to escape, %Q all the same. */
		if (taken > 0 && between == taken)
			sqlite3_snprintf(sizeof taking_range, taking_range,
			                 " WHERE v.batch BETWEEN %Q AND %Q", rows_text(st, 2),
			                 rows_text(st, 3));
	}
	sqlite3_finalize(st);
	taking_all = all == taken;
	return 0;
}
#undef TAKEN

/* A funnel row (12 counts, then 10 key sums from column c) into g,
 * zeroed first. */
static int read_group(struct report_group *g, sqlite3_stmt *st, int c)
{
	*g = (struct report_group){0};
	long long v[12], k[10];
	for (int i = 0; i < 12; i++)
		if (!count_ok(st, c + i, &v[i]))
			return bad("count in the batches");
	for (int i = 0; i < 10; i++)
		if (!key_ok(st, c + 12 + i, &k[i]))
			return bad("key sum in the batches");
	long long n = v[0];
	/* reached_*, finished/abandoned/timed_out, quiz_taken and passed
	 * count sessions among n; scores are 0-100, durations at most 4 h. */
	bool ok = v[1] <= n && v[2] <= n && v[3] <= v[1] && v[4] <= v[3] &&
	          v[5] + v[6] + v[7] <= n && v[8] <= n && v[10] <= v[8] && v[9] <= 100 * v[8] &&
	          v[11] <= 14400 * n;
	if (!ok)
		return bad("counts in the batches (they do not add up)");
	ok = add_ok(&g->sessions, n);
	for (int i = 1; i < REPORT_STAGES; i++)
		ok = ok && add_ok(&g->reached[i], v[i]);
	for (int i = 0; i < REPORT_ENDS; i++)
		ok = ok && add_ok(&g->ended[i], v[5 + i]);
	ok = ok && add_ok(&g->quiz_taken, v[8]) && add_ok(&g->score_sum, v[9]) &&
	     add_ok(&g->passed, v[10]) && add_ok(&g->duration_sum, v[11]);
	g->reached[0] = g->sessions;
	key_add(&g->keys.sessions, k[0]);
	g->keys.reached[0] = g->keys.sessions;
	for (int i = 1; i < REPORT_STAGES; i++)
		key_add(&g->keys.reached[i], k[i]);
	for (int i = 0; i < REPORT_ENDS; i++)
		key_add(&g->keys.ended[i], k[5 + i]);
	key_add(&g->keys.quiz_taken, k[8]);
	key_add(&g->keys.passed, k[9]);
	return ok ? 0 : bad("sums (too large)");
}

/* g (a group row) added to d; false when a sum overflows. */
static bool merge_group(struct report_group *d, const struct report_group *g)
{
	bool ok = add_ok(&d->sessions, g->sessions);
	for (int i = 0; i < REPORT_STAGES; i++) {
		ok = ok && add_ok(&d->reached[i], g->reached[i]);
		key_add(&d->keys.reached[i], g->keys.reached[i]);
	}
	for (int i = 0; i < REPORT_ENDS; i++) {
		ok = ok && add_ok(&d->ended[i], g->ended[i]);
		key_add(&d->keys.ended[i], g->keys.ended[i]);
	}
	ok = ok && add_ok(&d->quiz_taken, g->quiz_taken) && add_ok(&d->score_sum, g->score_sum) &&
	     add_ok(&d->passed, g->passed) && add_ok(&d->duration_sum, g->duration_sum);
	key_add(&d->keys.sessions, g->keys.sessions);
	key_add(&d->keys.quiz_taken, g->keys.quiz_taken);
	key_add(&d->keys.passed, g->keys.passed);
	return ok;
}

static struct report_group *group(struct report_group **g, int *n, const char *key)
{
	for (int i = *n - 1; i >= 0; i--)
		if (!strcmp((*g)[i].key, key))
			return &(*g)[i];
	*g = rows_grow(*g, *n, sizeof **g);
	struct report_group *x = &(*g)[(*n)++];
	*x = (struct report_group){0};
	snprintf(x->key, sizeof x->key, "%s", key);
	return x;
}

static int by_key(const void *a, const void *b)
{
	return strcmp(((const struct report_group *)a)->key, ((const struct report_group *)b)->key);
}

/* Sorts the rows by key and merges those with the same key (batches of
 * several kiosks over the same days). */
static void sort_merge(struct report_group *g, int *n)
{
	if (*n < 2)
		return;
	qsort(g, (size_t)*n, sizeof *g, by_key);
	int w = 0;
	for (int i = 1; i < *n; i++) {
		if (!strcmp(g[w].key, g[i].key))
			(void)merge_group(&g[w], &g[i]); /* each row checked on its own */
		else
			g[++w] = g[i];
	}
	*n = w + 1;
}

/* The row of batch `span`: the last one or a new one (rows come grouped
 * by batch; sort_merge() merges kiosks' batches of equal days). */
static struct report_group *batch_row(struct report *r, const char *span)
{
	if (r->n_days && !strcmp(r->days[r->n_days - 1].key, span))
		return &r->days[r->n_days - 1];
	r->days = rows_grow(r->days, r->n_days, sizeof *r->days);
	struct report_group *day = &r->days[r->n_days++];
	*day = (struct report_group){0};
	snprintf(day->key, sizeof day->key, "%s", span);
	return day;
}

/* Rows of st (kiosk, then a batch's span or a language, then the funnel
 * from column 3) added to the batch rows (by_batch) or to the language,
 * kiosk and total rows (by_lang), or to all of them (both). */
static int add_groups(struct report *r, sqlite3 *db, sqlite3_stmt *st, bool by_batch, bool by_lang)
{
	int rc;
	while (st && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct report_group g;
		if (!id_ok(st, 0) || (by_lang && !lang_ok(st, 2))) {
			sqlite3_finalize(st);
			return bad("kiosk or language in the batches");
		}
		if (read_group(&g, st, 3) != 0) {
			sqlite3_finalize(st);
			return -1;
		}
		bool ok = !by_batch || merge_group(batch_row(r, rows_text(st, 1)), &g);
		if (by_lang)
			ok = ok &&
			     merge_group(group(&r->langs, &r->n_langs, rows_text(st, 2)), &g) &&
			     merge_group(group(&r->kiosks, &r->n_kiosks, rows_text(st, 0)), &g) &&
			     merge_group(&r->total, &g);
		if (!ok) {
			sqlite3_finalize(st);
			return bad("sums (too large)");
		}
	}
	sqlite3_finalize(st);
	return st ? done(db, rc) : -1;
}

/* Per batch and language: the batch rows, the language rows, the kiosk
 * rows and the total. With the file's sums (report_use_sums): the batch
 * rows from s_batch, the others from the sums by language. */
static int load_groups(struct report *r, sqlite3 *db, bool sums)
{
	/* Rows as they are, not summed by SQL (its aggregate functions cost
	 * ten times the reading of a row): add_groups() adds them up, and
	 * finds a batch's row as the last one. */
	int rc;
	if (sums)
		rc =
		    add_groups(r, db,
		               query(db, "SELECT kiosk, CASE WHEN batch = last_day THEN batch "
		                         "ELSE batch || '/' || last_day END, NULL, " STORE_DAY_COLS
		                         " FROM src.s_batch ORDER BY kiosk, batch"),
		               true, false) ||
		    add_groups(r, db,
		               query(db, "SELECT kiosk, NULL, lang, " STORE_DAY_COLS " FROM v_day"),
		               false, true);
	else
		rc = add_groups(r, db,
		                query(db, "SELECT v.kiosk, t.span, v.lang, " STORE_DAY_COLS
		                          " FROM v_day v JOIN take t ON t.kiosk = v.kiosk AND "
		                          "t.batch = v.batch ORDER BY v.kiosk, v.batch"),
		                true, true);
	if (rc != 0)
		return -1;
	sqlite3_stmt *st;
	st = query_take(db, "SELECT v.score, sum(v.sessions), sum(v.k_sessions) FROM v_score v%s "
	                    "GROUP BY v.score");
	if (!st)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		long long score, n, key;
		if (!count_ok(st, 0, &score) || score > 100 || !count_ok(st, 1, &n) ||
		    !key_ok(st, 2, &key)) {
			sqlite3_finalize(st);
			return bad("score in the batches");
		}
		int bin = score >= 90 ? 9 : (int)(score / 10);
		if (!add_ok(&r->bins[bin], n)) {
			sqlite3_finalize(st);
			return bad("sums (too large)");
		}
		key_add(&r->bins_keys[bin], key);
	}
	sqlite3_finalize(st);
	if (done(db, rc) != 0)
		return -1;
	st = query_take(db, "SELECT DISTINCT v.module FROM v_day v%s");
	if (!st)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *m = rows_text(st, 0);
		char needle[40], hay[sizeof r->modules + 4];
		snprintf(needle, sizeof needle, ", %s,", m);
		snprintf(hay, sizeof hay, ", %s,", r->modules);
		if (!strstr(hay, needle))
			snprintf(r->modules + strlen(r->modules),
			         sizeof r->modules - strlen(r->modules), "%s%s",
			         r->modules[0] ? ", " : "", m);
	}
	sqlite3_finalize(st);
	return done(db, rc);
}

static int load_chapters(struct report *r, sqlite3 *db)
{
	sqlite3_stmt *st = query_take(
	    db, "SELECT v.module, v.chapter, sum(v.seen), sum(v.video_started), "
	        "sum(v.video_share_sum), sum(v.k_seen), sum(v.k_video_started) FROM v_chapter "
	        "v%s GROUP BY 1, 2");
	if (!st)
		return -1;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		long long seen, started, share, ks, kv;
		if (!id_ok(st, 0) || !id_ok(st, 1) || !count_ok(st, 2, &seen) ||
		    !count_ok(st, 3, &started) || !count_ok(st, 4, &share) ||
		    share > 100 * started || !key_ok(st, 5, &ks) || !key_ok(st, 6, &kv)) {
			sqlite3_finalize(st);
			return bad("row in the chapters of the batches");
		}
		const char *m = rows_text(st, 0), *id = rows_text(st, 1);
		struct report_chapter *c = NULL;
		for (int i = 0; i < r->n_chapters && !c; i++)
			if (!strcmp(r->chapters[i].module, m) && !strcmp(r->chapters[i].id, id))
				c = &r->chapters[i];
		if (!c) {
			r->chapters = rows_grow(r->chapters, r->n_chapters, sizeof *r->chapters);
			c = &r->chapters[r->n_chapters++];
			*c = (struct report_chapter){0};
			snprintf(c->module, sizeof c->module, "%s", m);
			snprintf(c->id, sizeof c->id, "%s", id);
		}
		if (!add_ok(&c->seen, seen) || !add_ok(&c->video_started, started) ||
		    !add_ok(&c->share_sum, share)) {
			sqlite3_finalize(st);
			return bad("sums (too large)");
		}
		key_add(&c->keys.seen, ks);
		key_add(&c->keys.video_started, kv);
	}
	sqlite3_finalize(st);
	return done(db, rc);
}

static struct report_objective *objective(struct report *r, const char *module, const char *id)
{
	for (int i = 0; i < r->n_objectives; i++)
		if (!strcmp(r->objectives[i].module, module) && !strcmp(r->objectives[i].id, id))
			return &r->objectives[i];
	r->objectives = rows_grow(r->objectives, r->n_objectives, sizeof *r->objectives);
	struct report_objective *o = &r->objectives[r->n_objectives++];
	*o = (struct report_objective){0};
	snprintf(o->module, sizeof o->module, "%s", module);
	snprintf(o->id, sizeof o->id, "%s", id);
	return o;
}

static struct report_question *question(struct report *r, const char *m, const char *q,
                                        const char *o)
{
	for (int i = 0; i < r->n_questions; i++) {
		struct report_question *x = &r->questions[i];
		if (!strcmp(x->module, m) && !strcmp(x->id, q) && !strcmp(x->objective, o))
			return x;
	}
	r->questions = rows_grow(r->questions, r->n_questions, sizeof *r->questions);
	struct report_question *x = &r->questions[r->n_questions++];
	*x = (struct report_question){.top_wrong = -1};
	snprintf(x->module, sizeof x->module, "%s", m);
	snprintf(x->id, sizeof x->id, "%s", q);
	snprintf(x->objective, sizeof x->objective, "%s", o);
	objective(r, m, o)->n_questions++;
	return x;
}

/* One row of answers (choice c, right or wrong, n of them with key sum
 * key) added to a question. */
static bool add_answers(struct report_question *q, int c, bool correct, long long n, long long key)
{
	bool ok = add_ok(&q->answered, n);
	key_add(&q->keys.answered, key);
	if (correct) {
		ok = ok && add_ok(&q->right, n);
		key_add(&q->keys.right, key);
	} else {
		ok = ok && add_ok(&q->wrong, n) && add_ok(&q->wrong_by_choice[c], n);
		key_add(&q->keys.wrong, key);
		key_add(&q->keys.wrong_by_choice[c], key);
	}
	return ok;
}

/* The columns choice, correct, answers and k_answers from column i. */
static bool answer_row(sqlite3_stmt *st, int i, int *choice, bool *correct, long long *n,
                       long long *key)
{
	long long c, right;
	if (!count_ok(st, i, &c) || c >= REPORT_CHOICES || !count_ok(st, i + 1, &right) ||
	    right > 1 || !count_ok(st, i + 2, n) || !key_ok(st, i + 3, key))
		return false;
	*choice = (int)c;
	*correct = right;
	return true;
}

static int load_questions(struct report *r, sqlite3 *db)
{
	sqlite3_stmt *st = query_take(
	    db, "SELECT v.module, v.question, v.objective, v.choice, v.correct, "
	        "sum(v.answers), sum(v.k_answers) FROM v_answer v%s GROUP BY 1, 2, 3, 4, "
	        "5");
	if (!st)
		return -1;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int c;
		bool correct;
		long long n, key;
		if (!id_ok(st, 0) || !id_ok(st, 1) || !id_ok(st, 2) ||
		    !answer_row(st, 3, &c, &correct, &n, &key)) {
			sqlite3_finalize(st);
			return bad("row in the answers of the batches");
		}
		const char *m = rows_text(st, 0), *q = rows_text(st, 1), *o = rows_text(st, 2);
		struct report_question *qu = question(r, m, q, o);
		struct report_objective *ob = objective(r, m, o);
		struct report_item *it = report_item_of(r, m, q, o);
		bool ok = add_answers(qu, c, correct, n, key) && add_ok(&ob->answered, n) &&
		          add_ok(&it->answered, n) && add_ok(&it->by_choice[c], n);
		key_add(&ob->keys.answered, key);
		key_add(&it->keys.answered, key);
		key_add(&it->keys.by_choice[c], key);
		if (correct) {
			ok = ok && add_ok(&ob->right, n) && add_ok(&it->right, n);
			key_add(&ob->keys.right, key);
			key_add(&it->keys.right, key);
			it->is_right[c] = true;
		}
		if (c + 1 > it->n_choices)
			it->n_choices = c + 1;
		if (!ok) {
			sqlite3_finalize(st);
			return bad("sums (too large)");
		}
	}
	sqlite3_finalize(st);
	return done(db, rc);
}

static struct report_question *chapter_question(struct report *r, const char *m, const char *c,
                                                const char *q)
{
	for (int i = 0; i < r->n_chapter_questions; i++) {
		struct report_question *x = &r->chapter_questions[i];
		if (!strcmp(x->module, m) && !strcmp(x->chapter, c) && !strcmp(x->id, q))
			return x;
	}
	r->chapter_questions =
	    rows_grow(r->chapter_questions, r->n_chapter_questions, sizeof *r->chapter_questions);
	struct report_question *x = &r->chapter_questions[r->n_chapter_questions++];
	*x = (struct report_question){.top_wrong = -1};
	snprintf(x->module, sizeof x->module, "%s", m);
	snprintf(x->chapter, sizeof x->chapter, "%s", c);
	snprintf(x->id, sizeof x->id, "%s", q);
	return x;
}

/* The chapters' questions (schema version 5): the same counters as the
 * final quiz's, by chapter; no objective or item analysis (a first try
 * right after the chapter, not a test of the whole). */
static int load_chapter_questions(struct report *r, sqlite3 *db)
{
	sqlite3_stmt *st = query_take(
	    db, "SELECT v.module, v.chapter, v.question, v.choice, v.correct, sum(v.answers), "
	        "sum(v.k_answers) FROM v_chapter_answer v%s GROUP BY 1, 2, 3, 4, 5");
	if (!st)
		return -1;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int c;
		bool correct;
		long long n, key;
		if (!id_ok(st, 0) || !id_ok(st, 1) || !id_ok(st, 2) ||
		    !answer_row(st, 3, &c, &correct, &n, &key)) {
			sqlite3_finalize(st);
			return bad("row in the chapter answers of the batches");
		}
		struct report_question *q =
		    chapter_question(r, rows_text(st, 0), rows_text(st, 1), rows_text(st, 2));
		if (!add_answers(q, c, correct, n, key)) {
			sqlite3_finalize(st);
			return bad("sums (too large)");
		}
	}
	sqlite3_finalize(st);
	return done(db, rc);
}

/* Same file named twice (or through a link) is read once. */
static int distinct(const char *const *paths, int n, const char **out, struct stat *seen)
{
	int k = 0;
	for (int i = 0; i < n; i++) {
		struct stat st;
		if (stat(paths[i], &st) != 0) {
			fprintf(stderr, "kiosk-report: %s: cannot read\n", paths[i]);
			return -1;
		}
		bool dup = false;
		for (int j = 0; j < k && !dup; j++)
			dup = seen[j].st_dev == st.st_dev && seen[j].st_ino == st.st_ino;
		if (dup)
			continue;
		seen[k] = st;
		out[k++] = paths[i];
	}
	return k;
}

static int by_question(const void *pa, const void *pb)
{
	const struct report_question *a = pa, *b = pb;
	int c = strcmp(a->module, b->module);
	if (c)
		return c;
	if ((c = strcmp(a->chapter, b->chapter)) != 0)
		return c;
	if (strlen(a->id) != strlen(b->id))
		return strlen(a->id) < strlen(b->id) ? -1 : 1;
	c = strcmp(a->id, b->id);
	return c ? c : strcmp(a->objective, b->objective);
}

static int by_chapter(const void *pa, const void *pb)
{
	const struct report_chapter *a = pa, *b = pb;
	int c = strcmp(a->module, b->module);
	if (c)
		return c;
	if (strlen(a->id) != strlen(b->id))
		return strlen(a->id) < strlen(b->id) ? -1 : 1;
	return strcmp(a->id, b->id);
}

static int load_file(struct report *r, sqlite3 *db, const char *path, const char *lo,
                     const char *hi, int k)
{
	reading = path;
	if (open_source(db, path) != 0) {
		exec(db, "DETACH src");
		return -1;
	}
	int rc = exec(db, "BEGIN") == 0 ? 0 : fail(db, path);
	if (rc == 0)
		rc = take_batches(r, db, lo, hi);
	int sums = rc == 0 && taking_all ? report_use_sums(db) : 0;
	if (sums == -2)
		rc = bad("sums (they do not match the batches)");
	else if (sums < 0)
		rc = fail(db, path);
	if (rc == 0)
		rc = load_groups(r, db, sums == 1);
	if (rc == 0)
		rc = load_chapters(r, db);
	if (rc == 0)
		rc = load_questions(r, db);
	if (rc == 0)
		rc = load_chapter_questions(r, db);
	if (rc == 0)
		rc = report_load_raw(r, db, k, path);
	close_source(db);
	return rc;
}

static int load(struct report *r, const char *const *paths, int n, const char *from, const char *to,
                int pool_k)
{
	*r = (struct report){0};
	snprintf(r->from, sizeof r->from, "%s", from ? from : "");
	snprintf(r->to, sizeof r->to, "%s", to ? to : "");
	const char *lo = from && from[0] ? from : "0000-00-00",
	           *hi = to && to[0] ? to : "9999-99-99";
	const char **files = calloc((size_t)n + 1, sizeof *files);
	struct stat *before = calloc((size_t)n + 1, sizeof *before);
	sqlite3 *db = NULL;
	int rc = -1, k = files && before ? distinct(paths, n, files, before) : -1;
	r->k = pool_k;
	if (k < 0)
		goto end;
	r->n_files = k;
	/* One thread uses the connection: no mutex around each column
	 * read (a tenth of the time of a fleet report). */
	if (sqlite3_open_v2(":memory:", &db,
	                    SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
	                    NULL) != SQLITE_OK ||
	    exec(db, "CREATE TABLE seen (kiosk TEXT, batch TEXT, PRIMARY KEY (kiosk, batch)) "
	             "WITHOUT ROWID;"
	             "CREATE TABLE take (kiosk TEXT, batch TEXT, span TEXT, PRIMARY KEY (kiosk, "
	             "batch)) WITHOUT ROWID;") != 0) {
		rc = fail(db, "temporary database");
		goto end;
	}
	/* Every attached file counts towards SQLite's limit of 10: one at a
	 * time. */
	rc = 0;
	for (int i = 0; rc == 0 && i < k; i++)
		rc = load_file(r, db, files[i], lo, hi, pool_k);
	/* Immutable means unlocked: a file that changed meanwhile may have
	 * been read half old, half new. */
	for (int i = 0; rc == 0 && i < k; i++) {
		struct stat after;
		if (stat(files[i], &after) != 0 || after.st_size != before[i].st_size ||
		    after.st_mtim.tv_sec != before[i].st_mtim.tv_sec ||
		    after.st_mtim.tv_nsec != before[i].st_mtim.tv_nsec) {
			fprintf(stderr,
			        "kiosk-report: %s changed while it was read: run the report again "
			        "(or report a copy)\n",
			        files[i]);
			rc = -1;
		}
	}
	if (rc == 0) {
		snprintf(r->total.key, sizeof r->total.key, "total");
		/* People who left before choosing a language touched the
		 * screen too: the funnel's first step. */
		r->total.reached[0] = r->total.sessions + r->left_early;
		r->total.keys.reached[0] =
		    (r->total.keys.sessions + r->left_early_key) & 0xffffffffLL;
		sort_merge(r->days, &r->n_days);
		sort_merge(r->langs, &r->n_langs);
		sort_merge(r->kiosks, &r->n_kiosks);
		sort_merge(r->labels, &r->n_labels);
		if (r->n_questions > 1)
			qsort(r->questions, (size_t)r->n_questions, sizeof *r->questions,
			      by_question);
		if (r->n_chapters > 1)
			qsort(r->chapters, (size_t)r->n_chapters, sizeof *r->chapters, by_chapter);
		if (r->n_chapter_questions > 1)
			qsort(r->chapter_questions, (size_t)r->n_chapter_questions,
			      sizeof *r->chapter_questions, by_question);
		report_finish_raw(r);
	}
end:
	sqlite3_close(db);
	free(files);
	free(before);
	return rc;
}

void report_free(struct report *r)
{
	if (!r)
		return;
	free(r->days);
	free(r->langs);
	free(r->chapters);
	free(r->questions);
	free(r->objectives);
	free(r->chapter_questions);
	report_free_raw(r);
	*r = (struct report){0};
}

int report_load(struct report *r, const char *const *paths, int n, const char *from, const char *to)
{
	return load(r, paths, n, from, to, REPORT_MIN_K);
}

int report_load_k(struct report *r, const char *const *paths, int n, const char *from,
                  const char *to, int k)
{
	return load(r, paths, n, from, to, k < REPORT_MIN_K ? REPORT_MIN_K : k);
}

/* Listing the closed batches of the files (report.h). */
int report_batches(const char *const *paths, int n, struct report_batch **out, int *n_out)
{
	*out = NULL;
	*n_out = 0;
	sqlite3 *db = NULL;
	int rc =
	    sqlite3_open_v2(":memory:", &db, SQLITE_OPEN_READWRITE, NULL) == SQLITE_OK ? 0 : -1;
	for (int i = 0; rc == 0 && i < n; i++) {
		reading = paths[i];
		if (open_source(db, paths[i]) != 0) {
			exec(db, "DETACH src");
			rc = -1;
			break;
		}
		sqlite3_stmt *st = query(db, "SELECT kiosk, batch, last_day, sessions FROM v_batch "
		                             "ORDER BY batch");
		int s;
		while (st && (s = sqlite3_step(st)) == SQLITE_ROW) {
			long long sessions;
			if (!id_ok(st, 0) || !day_ok(st, 1) || !day_ok(st, 2) ||
			    !count_ok(st, 3, &sessions)) {
				rc = bad("row in the batches");
				break;
			}
			bool dup = false;
			for (int j = 0; j < *n_out && !dup; j++)
				dup = !strcmp((*out)[j].kiosk, rows_text(st, 0)) &&
				      !strcmp((*out)[j].first, rows_text(st, 1));
			if (dup)
				continue;
			*out = rows_grow(*out, *n_out, sizeof **out);
			struct report_batch *b = &(*out)[(*n_out)++];
			snprintf(b->kiosk, sizeof b->kiosk, "%s", rows_text(st, 0));
			snprintf(b->first, sizeof b->first, "%s", rows_text(st, 1));
			snprintf(b->last, sizeof b->last, "%s", rows_text(st, 2));
			b->sessions = sessions;
		}
		if (!st || (rc == 0 && done(db, s) != 0))
			rc = -1;
		sqlite3_finalize(st);
		close_source(db);
	}
	sqlite3_close(db);
	if (rc != 0) {
		free(*out);
		*out = NULL;
		*n_out = 0;
	}
	return rc;
}
