/* Loading a report: aggregate queries over the stat_* tables. A single file
 * is queried in place; several files are first merged into the stat_*
 * tables of a private temporary database, each session counted once. */
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "platform/store_schema.h"
#include "report/report.h"

static int fail(sqlite3 *db, const char *what)
{
	fprintf(stderr, "kiosk-report: %s: %s\n", what, sqlite3_errmsg(db));
	return -1;
}

/* A read-only URI for path: '?', '#' or '%' in a file name must not be
 * taken for URI syntax. Free with sqlite3_free(). */
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
	char *uri = sqlite3_mprintf("file:%s?mode=ro", enc);
	sqlite3_free(enc);
	return uri;
}

static int check_version(sqlite3 *db, const char *schema, const char *path)
{
	char sql[64];
	snprintf(sql, sizeof sql, "PRAGMA %s.user_version", schema);
	sqlite3_stmt *st;
	int v = -1;
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		return fail(db, path);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	if (v < 0)
		return fail(db, path);
	if (v != STORE_SCHEMA_VERSION) {
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
	if (sqlite3_step(st) == SQLITE_ROW)
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
		fail(db, "query");
		return NULL;
	}
	sqlite3_bind_text(st, 1, from, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, to, -1, SQLITE_STATIC);
	return st;
}

static void add_group(struct report_group *g, sqlite3_stmt *st)
{
	g->sessions += sqlite3_column_int64(st, 2);
	for (int i = 1; i < REPORT_STAGES; i++)
		g->reached[i] += sqlite3_column_int64(st, 2 + i);
	for (int i = 0; i < REPORT_ENDS; i++)
		g->ended[i] += sqlite3_column_int64(st, 7 + i);
	g->quiz_taken += sqlite3_column_int64(st, 10);
	g->score_sum += sqlite3_column_int64(st, 11);
	g->passed += sqlite3_column_int64(st, 12);
	g->duration_sum += sqlite3_column_int64(st, 13);
	g->reached[0] = g->sessions;
}

static void *grow(void *p, int n, size_t size)
{
	/* Doubling at powers of two keeps appends amortised O(1). */
	if (n > 0 && (n & (n - 1)))
		return p;
	void *q = realloc(p, (n ? 2 * (size_t)n : 8) * size);
	if (!q) {
		fprintf(stderr, "kiosk-report: out of memory\n");
		exit(1);
	}
	return q;
}

static const char *col(sqlite3_stmt *st, int i)
{
	const char *s = (const char *)sqlite3_column_text(st, i);
	return s ? s : "";
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
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *day = col(st, 0), *lang = col(st, 1);
		if (r->n_days == 0 || strcmp(r->days[r->n_days - 1].key, day)) {
			r->days = grow(r->days, r->n_days, sizeof *r->days);
			r->days[r->n_days] = (struct report_group){0};
			snprintf(r->days[r->n_days++].key, 16, "%s", day);
		}
		add_group(&r->days[r->n_days - 1], st);
		int l = 0;
		while (l < r->n_langs && strcmp(r->langs[l].key, lang))
			l++;
		if (l == r->n_langs) {
			r->langs = grow(r->langs, r->n_langs, sizeof *r->langs);
			r->langs[l] = (struct report_group){0};
			snprintf(r->langs[r->n_langs++].key, 16, "%s", lang);
		}
		add_group(&r->langs[l], st);
		add_group(&r->total, st);
	}
	sqlite3_finalize(st);
	snprintf(r->total.key, sizeof r->total.key, "total");
	st = query(db,
	           "SELECT min(score / 10, 9), sum(sessions) FROM stat_score "
	           "WHERE day BETWEEN ?1 AND ?2 GROUP BY 1",
	           from, to);
	if (!st)
		return -1;
	while (sqlite3_step(st) == SQLITE_ROW)
		r->bins[sqlite3_column_int(st, 0)] += sqlite3_column_int64(st, 1);
	sqlite3_finalize(st);
	st = query(db,
	           "SELECT group_concat(module, ', ') FROM (SELECT DISTINCT module FROM "
	           "stat_day WHERE day BETWEEN ?1 AND ?2 ORDER BY 1)",
	           from, to);
	if (!st)
		return -1;
	if (sqlite3_step(st) == SQLITE_ROW)
		snprintf(r->modules, sizeof r->modules, "%s", col(st, 0));
	sqlite3_finalize(st);
	return 0;
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
	while (sqlite3_step(st) == SQLITE_ROW) {
		r->chapters = grow(r->chapters, r->n_chapters, sizeof *r->chapters);
		struct report_chapter *c = &r->chapters[r->n_chapters++];
		*c = (struct report_chapter){0};
		snprintf(c->module, sizeof c->module, "%s", col(st, 0));
		snprintf(c->id, sizeof c->id, "%s", col(st, 1));
		c->seen = sqlite3_column_int64(st, 2);
		c->video_started = sqlite3_column_int64(st, 3);
		c->share_sum = sqlite3_column_int64(st, 4);
	}
	sqlite3_finalize(st);
	return 0;
}

static struct report_objective *objective(struct report *r, const char *module, const char *id)
{
	for (int i = 0; i < r->n_objectives; i++)
		if (!strcmp(r->objectives[i].module, module) && !strcmp(r->objectives[i].id, id))
			return &r->objectives[i];
	r->objectives = grow(r->objectives, r->n_objectives, sizeof *r->objectives);
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
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *m = col(st, 0), *q = col(st, 1), *o = col(st, 2);
		struct report_question *qu =
		    r->n_questions ? &r->questions[r->n_questions - 1] : NULL;
		if (!qu || strcmp(qu->module, m) || strcmp(qu->id, q) || strcmp(qu->objective, o)) {
			r->questions = grow(r->questions, r->n_questions, sizeof *r->questions);
			qu = &r->questions[r->n_questions++];
			*qu = (struct report_question){.top_wrong = -1};
			snprintf(qu->module, sizeof qu->module, "%s", m);
			snprintf(qu->id, sizeof qu->id, "%s", q);
			snprintf(qu->objective, sizeof qu->objective, "%s", o);
			objective(r, m, o)->n_questions++;
		}
		int choice = sqlite3_column_int(st, 3);
		long long n = sqlite3_column_int64(st, 5);
		qu->answered += n;
		if (sqlite3_column_int(st, 4))
			qu->right += n;
		else if (choice >= 0 && choice < REPORT_CHOICES) {
			qu->wrong += n;
			qu->wrong_by_choice[choice] += n;
		}
	}
	sqlite3_finalize(st);
	for (int i = 0; i < r->n_questions; i++) {
		struct report_question *qu = &r->questions[i];
		for (int c = 0; c < REPORT_CHOICES; c++)
			if (qu->wrong_by_choice[c] > 0 &&
			    (qu->top_wrong < 0 ||
			     qu->wrong_by_choice[c] > qu->wrong_by_choice[qu->top_wrong]))
				qu->top_wrong = c;
		struct report_objective *o = objective(r, qu->module, qu->objective);
		o->answered += qu->answered;
		o->right += qu->right;
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

int report_load(struct report *r, const char *const *paths, int n, const char *from, const char *to)
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
	if (k == 1) {
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
		sqlite3_busy_timeout(db, 2000);
	if (rc == 0)
		rc = load_groups(r, db, lo, hi);
	if (rc == 0)
		rc = load_chapters(r, db, lo, hi);
	if (rc == 0)
		rc = load_questions(r, db, lo, hi);
	sqlite3_close(db);
	if (rc == 0)
		rc = report_load_raw(r, files, k, lo, hi);
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
