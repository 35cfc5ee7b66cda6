/* Loading a report: aggregate queries over the stat_* tables. A single file
 * is queried in place; several files are first merged into the stat_*
 * tables of a private temporary database, each session counted once.
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

#include "platform/store_schema.h"
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

/* An id as the schema allows it: 1 to 31 of [a-z0-9._-]. */
static bool id_ok(sqlite3_stmt *st, int i)
{
	/* The type first: sqlite3_column_text() would convert the value. */
	if (sqlite3_column_type(st, i) != SQLITE_TEXT)
		return false;
	const unsigned char *s = sqlite3_column_text(st, i);
	if (!s)
		return false;
	size_t n = strlen((const char *)s);
	return n >= 1 && n <= 31 &&
	       strspn((const char *)s, "abcdefghijklmnopqrstuvwxyz0123456789._-") == n;
}

static bool day_ok(sqlite3_stmt *st, int i)
{
	if (sqlite3_column_type(st, i) != SQLITE_TEXT)
		return false;
	const char *s = (const char *)sqlite3_column_text(st, i);
	int y, m, d;
	char tail;
	return s && strlen(s) == 10 && strspn(s, "0123456789-") == 10 && s[4] == '-' &&
	       s[7] == '-' && sscanf(s, "%4d-%2d-%2d%c", &y, &m, &d, &tail) == 3 && m >= 1 &&
	       m <= 12 && d >= 1 && d <= 31;
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

static int check_version(sqlite3 *db, const char *schema, const char *path)
{
	char sql[64];
	snprintf(sql, sizeof sql, "PRAGMA %s.user_version", schema);
	sqlite3_stmt *st;
	int v = -1;
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		return fail(db, path);
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_type(st, 0) == SQLITE_INTEGER)
		v = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	if (v < 0)
		return fail(db, path);
	if (v < 1 || v > STORE_SCHEMA_VERSION) {
		fprintf(stderr, "kiosk-report: %s: %s (schema version %d, expected %d)\n", path,
		        v == 0 ? "not a kiosk statistics database" : "unknown schema version", v,
		        STORE_SCHEMA_VERSION);
		return -1;
	}
	return 0;
}

/* Adds a file's stat_* rows (within the days) to the merged ones. */
static int add_stats(sqlite3 *db, const char *lo, const char *hi)
{
	static const struct {
		const char *table, *keys, *counts[12];
	} t[] = {
	    {"stat_day",
	     "day, module, lang",
	     {"sessions", "reached_home", "reached_chapter", "reached_quiz", "reached_result",
	      "finished", "abandoned", "timed_out", "quiz_taken", "score_sum", "passed",
	      "duration_sum"}},
	    {"stat_score", "day, module, score", {"sessions"}},
	    {"stat_chapter", "day, module, chapter", {"seen", "video_started", "video_share_sum"}},
	    {"stat_answer", "day, module, question, objective, choice, correct", {"answers"}},
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		char cols[400] = "", set[1200] = "";
		for (int c = 0; c < 12 && t[i].counts[c]; c++) {
			const char *n = t[i].counts[c];
			snprintf(cols + strlen(cols), sizeof cols - strlen(cols), ", %s", n);
			snprintf(set + strlen(set), sizeof set - strlen(set),
			         "%s%s = %s + excluded.%s", c ? ", " : "", n, n, n);
		}
		char *sql = sqlite3_mprintf("INSERT INTO main.%s SELECT %s%s FROM src.%s WHERE day "
		                            "BETWEEN %Q AND %Q ON CONFLICT DO UPDATE SET %s",
		                            t[i].table, t[i].keys, cols, t[i].table, lo, hi, set);
		int rc = sqlite3_exec(db, sql, NULL, NULL, NULL);
		sqlite3_free(sql);
		if (rc != SQLITE_OK)
			return -1;
	}
	return 0;
}

/* Counts only the sessions of src not already counted from an earlier
 * file, from its session rows: slower, needed only when files overlap. */
static int add_new_sessions(sqlite3 *db, const char *lo, const char *hi)
{
	char *sql = sqlite3_mprintf(
	    "DROP VIEW IF EXISTS temp.new_session; DROP VIEW IF EXISTS temp.new_chapter;"
	    "DROP VIEW IF EXISTS temp.new_answer;"
	    "CREATE TEMP VIEW new_session AS SELECT * FROM src.session s WHERE day BETWEEN %Q "
	    "AND %Q AND NOT EXISTS (SELECT 1 FROM main.seen WHERE seen.day = s.day AND seen.id = "
	    "s.id);"
	    "CREATE TEMP VIEW new_chapter AS SELECT * FROM src.chapter c WHERE day BETWEEN %Q "
	    "AND %Q AND NOT EXISTS (SELECT 1 FROM main.seen WHERE seen.day = c.day AND seen.id = "
	    "c.session);"
	    "CREATE TEMP VIEW new_answer AS SELECT * FROM src.answer a WHERE day BETWEEN %Q "
	    "AND %Q AND NOT EXISTS (SELECT 1 FROM main.seen WHERE seen.day = a.day AND seen.id = "
	    "a.session);",
	    lo, hi, lo, hi, lo, hi);
	int rc = sqlite3_exec(db, sql, NULL, NULL, NULL);
	sqlite3_free(sql);
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(db,
		                  STORE_DAY_ADD("new_session") STORE_CHAPTER_ADD("new_chapter")
		                      STORE_ANSWER_ADD("new_answer") "DROP VIEW temp.new_session;"
		                                                     "DROP VIEW temp.new_chapter;"
		                                                     "DROP VIEW temp.new_answer;",
		                  NULL, NULL, NULL);
	return rc == SQLITE_OK ? 0 : -1;
}

static long long scalar(sqlite3 *db, const char *sql, const char *lo, const char *hi)
{
	sqlite3_stmt *st;
	long long v = -1;
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_text(st, 1, lo, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, hi, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_type(st, 0) == SQLITE_INTEGER)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

/* Several files: a session (same day, same random id) found in more than
 * one is counted from the first only. Files that share no session (the
 * usual case: one file per kiosk) are merged by adding their stat_* rows;
 * a file that shares some is recounted from its session rows, leaving out
 * those already seen. */
static int merge(sqlite3 *db, const char *const *paths, int n, const char *lo, const char *hi)
{
	if (sqlite3_exec(
	        db,
	        "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;"
	        "PRAGMA cache_size = -262144; BEGIN;" STORE_STATS_V1
	        "CREATE TABLE seen (day TEXT, id BLOB, PRIMARY KEY (day, id)) WITHOUT ROWID;",
	        NULL, NULL, NULL) != SQLITE_OK)
		return fail(db, "temporary database");
	for (int i = 0; i < n; i++) {
		sqlite3_stmt *st;
		reading = paths[i];
		if (no_side_files(paths[i]) != 0)
			return -1;
		char *uri = report_ro_uri(paths[i]);
		int rc = sqlite3_prepare_v2(db, "ATTACH ? AS src", -1, &st, NULL);
		if (rc == SQLITE_OK) {
			sqlite3_bind_text(st, 1, uri, -1, sqlite3_free);
			rc = sqlite3_step(st) == SQLITE_DONE ? SQLITE_OK : SQLITE_ERROR;
			sqlite3_finalize(st);
		} else {
			sqlite3_free(uri);
		}
		if (rc != SQLITE_OK)
			return fail(db, paths[i]);
		if (check_version(db, "src", paths[i]) != 0)
			return -1;
		long long shared =
		    i == 0 ? 0
		           : scalar(db,
		                    "SELECT count(*) FROM src.session s WHERE day BETWEEN ?1 "
		                    "AND ?2 AND EXISTS (SELECT 1 FROM main.seen WHERE "
		                    "seen.day = s.day AND seen.id = s.id)",
		                    lo, hi);
		if (shared < 0 ||
		    (shared == 0 ? add_stats(db, lo, hi) : add_new_sessions(db, lo, hi)) != 0)
			return fail(db, paths[i]);
		if (i + 1 < n) {
			st = NULL;
			if (sqlite3_prepare_v2(
			        db,
			        "INSERT OR IGNORE INTO main.seen SELECT day, id FROM "
			        "src.session WHERE day BETWEEN ?1 AND ?2",
			        -1, &st, NULL) != SQLITE_OK)
				return fail(db, paths[i]);
			sqlite3_bind_text(st, 1, lo, -1, SQLITE_STATIC);
			sqlite3_bind_text(st, 2, hi, -1, SQLITE_STATIC);
			rc = sqlite3_step(st);
			sqlite3_finalize(st);
			if (rc != SQLITE_DONE)
				return fail(db, paths[i]);
		}
		/* DETACH needs no open transaction on the attached file. */
		if (sqlite3_exec(db, "COMMIT; DETACH src; BEGIN", NULL, NULL, NULL) != SQLITE_OK)
			return fail(db, paths[i]);
	}
	if (sqlite3_exec(db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
		return fail(db, "merging");
	return 0;
}

static sqlite3_stmt *query(sqlite3 *db, const char *sql, const char *from, const char *to)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) {
		fail(db, reading);
		return NULL;
	}
	sqlite3_bind_text(st, 1, from, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, to, -1, SQLITE_STATIC);
	return st;
}

/* Adds one stat_day row (columns 2..13) to g, after checking it. */
static int add_group(struct report_group *g, sqlite3_stmt *st)
{
	long long v[12];
	for (int i = 0; i < 12; i++)
		if (!count_ok(st, 2 + i, &v[i]))
			return bad("count in stat_day");
	long long n = v[0];
	/* reached_*, finished/abandoned/timed_out, quiz_taken and passed
	 * count sessions among n; scores are 0-100, durations at most 4 h. */
	bool ok = v[1] <= n && v[2] <= v[1] && v[3] <= v[2] && v[4] <= v[3] &&
	          v[5] + v[6] + v[7] <= n && v[8] <= n && v[10] <= v[8] && v[9] <= 100 * v[8] &&
	          v[11] <= 14400 * n;
	if (!ok)
		return bad("counts in stat_day (they do not add up)");
	ok = add_ok(&g->sessions, n);
	for (int i = 1; i < REPORT_STAGES; i++)
		ok = ok && add_ok(&g->reached[i], v[i]);
	for (int i = 0; i < REPORT_ENDS; i++)
		ok = ok && add_ok(&g->ended[i], v[5 + i]);
	ok = ok && add_ok(&g->quiz_taken, v[8]) && add_ok(&g->score_sum, v[9]) &&
	     add_ok(&g->passed, v[10]) && add_ok(&g->duration_sum, v[11]);
	g->reached[0] = g->sessions;
	return ok ? 0 : bad("sums (too large)");
}

static int load_groups(struct report *r, sqlite3 *db, const char *from, const char *to)
{
	sqlite3_stmt *st =
	    query(db,
	          "SELECT day, lang, sum(sessions), sum(reached_home), "
	          "sum(reached_chapter), sum(reached_quiz), sum(reached_result), "
	          "sum(finished), sum(abandoned), sum(timed_out), sum(quiz_taken), "
	          "sum(score_sum), sum(passed), sum(duration_sum) FROM stat_day "
	          "WHERE day BETWEEN ?1 AND ?2 GROUP BY day, lang ORDER BY day, lang",
	          from, to);
	if (!st)
		return -1;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (!day_ok(st, 0) || !lang_ok(st, 1)) {
			sqlite3_finalize(st);
			return bad("day or language in stat_day");
		}
		const char *day = rows_text(st, 0), *lang = rows_text(st, 1);
		if (r->n_days == 0 || strcmp(r->days[r->n_days - 1].key, day)) {
			r->days = rows_grow(r->days, r->n_days, sizeof *r->days);
			r->days[r->n_days] = (struct report_group){0};
			snprintf(r->days[r->n_days++].key, sizeof r->days[0].key, "%s", day);
		}
		if (add_group(&r->days[r->n_days - 1], st) != 0) {
			sqlite3_finalize(st);
			return -1;
		}
		int l = 0;
		while (l < r->n_langs && strcmp(r->langs[l].key, lang))
			l++;
		if (l == r->n_langs) {
			r->langs = rows_grow(r->langs, r->n_langs, sizeof *r->langs);
			r->langs[l] = (struct report_group){0};
			snprintf(r->langs[r->n_langs++].key, sizeof r->langs[0].key, "%s", lang);
		}
		if (add_group(&r->langs[l], st) != 0 || add_group(&r->total, st) != 0) {
			sqlite3_finalize(st);
			return -1;
		}
	}
	sqlite3_finalize(st);
	if (done(db, rc) != 0)
		return -1;
	snprintf(r->total.key, sizeof r->total.key, "total");
	st = query(db, "SELECT score, sessions FROM stat_score WHERE day BETWEEN ?1 AND ?2", from,
	           to);
	if (!st)
		return -1;
	long long quiz_rows = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		long long score, n;
		if (!count_ok(st, 0, &score) || score > 100 || !count_ok(st, 1, &n)) {
			sqlite3_finalize(st);
			return bad("score in stat_score");
		}
		int bin = score >= 90 ? 9 : (int)(score / 10);
		if (!add_ok(&r->bins[bin], n) || !add_ok(&quiz_rows, n)) {
			sqlite3_finalize(st);
			return bad("sums (too large)");
		}
	}
	sqlite3_finalize(st);
	if (done(db, rc) != 0)
		return -1;
	st = query(db,
	           "SELECT group_concat(module, ', ') FROM (SELECT DISTINCT module FROM "
	           "stat_day WHERE day BETWEEN ?1 AND ?2 ORDER BY 1)",
	           from, to);
	if (!st)
		return -1;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		snprintf(r->modules, sizeof r->modules, "%s", rows_text(st, 0));
		rc = sqlite3_step(st);
	}
	sqlite3_finalize(st);
	return done(db, rc);
}

static int load_chapters(struct report *r, sqlite3 *db, const char *from, const char *to)
{
	sqlite3_stmt *st =
	    query(db,
	          "SELECT module, chapter, sum(seen), sum(video_started), "
	          "sum(video_share_sum) FROM stat_chapter WHERE day BETWEEN ?1 AND ?2 "
	          "GROUP BY module, chapter ORDER BY module, length(chapter), chapter",
	          from, to);
	if (!st)
		return -1;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		long long seen, started, share;
		if (!id_ok(st, 0) || !id_ok(st, 1) || !count_ok(st, 2, &seen) ||
		    !count_ok(st, 3, &started) || !count_ok(st, 4, &share) ||
		    share > 100 * started) {
			sqlite3_finalize(st);
			return bad("row in stat_chapter");
		}
		r->chapters = rows_grow(r->chapters, r->n_chapters, sizeof *r->chapters);
		struct report_chapter *c = &r->chapters[r->n_chapters++];
		*c = (struct report_chapter){0};
		snprintf(c->module, sizeof c->module, "%s", rows_text(st, 0));
		snprintf(c->id, sizeof c->id, "%s", rows_text(st, 1));
		c->seen = seen;
		c->video_started = started;
		c->share_sum = share;
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

static int load_questions(struct report *r, sqlite3 *db, const char *from, const char *to)
{
	sqlite3_stmt *st =
	    query(db,
	          "SELECT module, question, objective, choice, correct, sum(answers) "
	          "FROM stat_answer WHERE day BETWEEN ?1 AND ?2 GROUP BY module, "
	          "question, objective, choice, correct "
	          "ORDER BY module, length(question), question, objective",
	          from, to);
	if (!st)
		return -1;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		long long choice, correct, n;
		if (!id_ok(st, 0) || !id_ok(st, 1) || !id_ok(st, 2) || !count_ok(st, 3, &choice) ||
		    choice >= REPORT_CHOICES || !count_ok(st, 4, &correct) || correct > 1 ||
		    !count_ok(st, 5, &n)) {
			sqlite3_finalize(st);
			return bad("row in stat_answer");
		}
		const char *m = rows_text(st, 0), *q = rows_text(st, 1), *o = rows_text(st, 2);
		struct report_question *qu =
		    r->n_questions ? &r->questions[r->n_questions - 1] : NULL;
		if (!qu || strcmp(qu->module, m) || strcmp(qu->id, q) || strcmp(qu->objective, o)) {
			r->questions =
			    rows_grow(r->questions, r->n_questions, sizeof *r->questions);
			qu = &r->questions[r->n_questions++];
			*qu = (struct report_question){.top_wrong = -1};
			snprintf(qu->module, sizeof qu->module, "%s", m);
			snprintf(qu->id, sizeof qu->id, "%s", q);
			snprintf(qu->objective, sizeof qu->objective, "%s", o);
			objective(r, m, o)->n_questions++;
		}
		bool ok = add_ok(&qu->answered, n);
		if (correct)
			ok = ok && add_ok(&qu->right, n);
		else
			ok = ok && add_ok(&qu->wrong, n) && add_ok(&qu->wrong_by_choice[choice], n);
		if (!ok) {
			sqlite3_finalize(st);
			return bad("sums (too large)");
		}
	}
	sqlite3_finalize(st);
	if (done(db, rc) != 0)
		return -1;
	for (int i = 0; i < r->n_questions; i++) {
		struct report_question *qu = &r->questions[i];
		for (int c = 0; c < REPORT_CHOICES; c++)
			if (qu->wrong_by_choice[c] > 0 &&
			    (qu->top_wrong < 0 ||
			     qu->wrong_by_choice[c] > qu->wrong_by_choice[qu->top_wrong]))
				qu->top_wrong = c;
		struct report_objective *o = objective(r, qu->module, qu->objective);
		if (!add_ok(&o->answered, qu->answered) || !add_ok(&o->right, qu->right))
			return bad("sums (too large)");
	}
	return 0;
}

/* Same file named twice (or through a link) is read once. */
static int distinct(const char *const *paths, int n, const char **out)
{
	struct stat seen[64];
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
		if (k == 64) {
			fprintf(stderr, "kiosk-report: at most 64 files\n");
			return -1;
		}
		seen[k] = st;
		out[k++] = paths[i];
	}
	return k;
}

static int load(struct report *r, const char *const *paths, int n, const char *from, const char *to,
                bool raw)
{
	*r = (struct report){0};
	snprintf(r->from, sizeof r->from, "%s", from ? from : "");
	snprintf(r->to, sizeof r->to, "%s", to ? to : "");
	const char *lo = from ? from : "0000-00-00", *hi = to ? to : "9999-99-99";
	const char *files[64];
	int k = distinct(paths, n, files);
	if (k < 0)
		return -1;
	r->n_files = k;
	sqlite3 *db = NULL;
	int rc;
	struct stat before[64];
	for (int i = 0; i < k; i++)
		stat(files[i], &before[i]);
	reading = k > 0 ? files[0] : "";
	if (k == 1) {
		if (no_side_files(files[0]) != 0)
			return -1;
		char *uri = report_ro_uri(files[0]);
		if (!uri)
			return -1;
		rc = sqlite3_open_v2(uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
		sqlite3_free(uri);
		rc = rc == SQLITE_OK ? check_version(db, "main", files[0]) : fail(db, files[0]);
	} else {
		/* "" is a private on-disk temporary database, removed on close. */
		rc = sqlite3_open_v2("", &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_URI, NULL);
		rc = rc == SQLITE_OK ? merge(db, files, k, lo, hi) : fail(db, "temporary database");
	}
	if (rc == 0)
		rc = load_groups(r, db, lo, hi);
	if (rc == 0)
		rc = load_chapters(r, db, lo, hi);
	if (rc == 0)
		rc = load_questions(r, db, lo, hi);
	sqlite3_close(db);
	if (rc == 0)
		rc = raw ? report_load_raw(r, files, k, lo, hi) : 0;
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
	report_free_raw(r);
	*r = (struct report){0};
}

int report_load(struct report *r, const char *const *paths, int n, const char *from, const char *to)
{
	return load(r, paths, n, from, to, true);
}

int report_load_stats(struct report *r, const char *const *paths, int n, const char *from,
                      const char *to)
{
	return load(r, paths, n, from, to, false);
}
