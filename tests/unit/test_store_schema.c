/* The schema may only hold what PRIVACY.md says: this test fails if a
 * column could hold a time of day, a name or free text, if a column is
 * added without being reviewed here, or if rows could betray the order of
 * sessions (rowids). */
#include <check.h>

#include "check_main.h"
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "platform/store.h"
#include "core/store_schema.h"

/* What each column is allowed to be. Adding a column means adding it here,
 * which means a review against the privacy model. */
/* K_KEY: a record key (32 random bits, core/cellkey.h) or a sum of them:
 * any integer is one, so like counts it is not probed with large ones; the
 * store draws it from getrandom() (store_write.c), never from the session. */
enum { K_DAY, K_ID, K_LANG, K_SID, K_SMALL, K_DURATION, K_COUNT, K_KEY };
typedef int kind_t;

struct column {
	const char *table, *name;
	kind_t kind;
};

static const struct column reviewed[] = {
    {"session", "day", K_DAY},
    {"session", "id", K_SID},
    {"session", "kiosk", K_ID},
    {"session", "module", K_ID},
    {"session", "module_version", K_SMALL},
    {"session", "lang", K_LANG},
    {"session", "furthest", K_SMALL},
    {"session", "chapters_seen", K_SMALL},
    {"session", "score", K_SMALL},
    {"session", "passed", K_SMALL},
    {"session", "ended", K_SMALL},
    {"session", "duration_s", K_DURATION},
    {"session", "label", K_ID}, /* NULL or a label id from the settings' list */
    {"session", "rkey", K_KEY},
    {"chapter", "module", K_ID},
    {"chapter", "chapter", K_ID},
    {"chapter", "day", K_DAY},
    {"chapter", "session", K_SID},
    {"chapter", "seen", K_SMALL},
    {"chapter", "video_share", K_SMALL},
    {"answer", "module", K_ID},
    {"answer", "question", K_ID},
    {"answer", "objective", K_ID},
    {"answer", "choice", K_SMALL},
    {"answer", "correct", K_SMALL},
    {"answer", "day", K_DAY},
    {"answer", "session", K_SID},
    {"stat_day", "day", K_DAY},
    {"stat_day", "module", K_ID},
    {"stat_day", "lang", K_LANG},
    {"stat_day", "sessions", K_COUNT},
    {"stat_day", "reached_home", K_COUNT},
    {"stat_day", "reached_chapter", K_COUNT},
    {"stat_day", "reached_quiz", K_COUNT},
    {"stat_day", "reached_result", K_COUNT},
    {"stat_day", "finished", K_COUNT},
    {"stat_day", "abandoned", K_COUNT},
    {"stat_day", "timed_out", K_COUNT},
    {"stat_day", "quiz_taken", K_COUNT},
    {"stat_day", "score_sum", K_COUNT},
    {"stat_day", "passed", K_COUNT},
    {"stat_day", "duration_sum", K_COUNT},
    {"stat_day", "k_sessions", K_KEY},
    {"stat_day", "k_reached_home", K_KEY},
    {"stat_day", "k_reached_chapter", K_KEY},
    {"stat_day", "k_reached_quiz", K_KEY},
    {"stat_day", "k_reached_result", K_KEY},
    {"stat_day", "k_finished", K_KEY},
    {"stat_day", "k_abandoned", K_KEY},
    {"stat_day", "k_timed_out", K_KEY},
    {"stat_day", "k_quiz_taken", K_KEY},
    {"stat_day", "k_passed", K_KEY},
    {"stat_score", "day", K_DAY},
    {"stat_score", "module", K_ID},
    {"stat_score", "score", K_SMALL},
    {"stat_score", "sessions", K_COUNT},
    {"stat_score", "k_sessions", K_KEY},
    {"stat_chapter", "day", K_DAY},
    {"stat_chapter", "module", K_ID},
    {"stat_chapter", "chapter", K_ID},
    {"stat_chapter", "seen", K_COUNT},
    {"stat_chapter", "video_started", K_COUNT},
    {"stat_chapter", "video_share_sum", K_COUNT},
    {"stat_chapter", "k_seen", K_KEY},
    {"stat_chapter", "k_video_started", K_KEY},
    {"stat_answer", "day", K_DAY},
    {"stat_answer", "module", K_ID},
    {"stat_answer", "question", K_ID},
    {"stat_answer", "objective", K_ID},
    {"stat_answer", "choice", K_SMALL},
    {"stat_answer", "correct", K_SMALL},
    {"stat_answer", "answers", K_COUNT},
    {"stat_answer", "k_answers", K_KEY},
    {"stat_group", "day", K_DAY},
    {"stat_group", "module", K_ID},
    {"stat_group", "kiosk", K_ID},
    {"stat_group", "label", K_ID},
    {"stat_group", "sessions", K_COUNT},
    {"stat_group", "reached_home", K_COUNT},
    {"stat_group", "opened_chapter", K_COUNT},
    {"stat_group", "reached_quiz", K_COUNT},
    {"stat_group", "reached_result", K_COUNT},
    {"stat_group", "finished", K_COUNT},
    {"stat_group", "abandoned", K_COUNT},
    {"stat_group", "timed_out", K_COUNT},
    {"stat_group", "quiz_taken", K_COUNT},
    {"stat_group", "score_sum", K_COUNT},
    {"stat_group", "passed", K_COUNT},
    {"stat_group", "duration_sum", K_COUNT},
    {"stat_group", "k_sessions", K_KEY},
    {"stat_group", "k_reached_home", K_KEY},
    {"stat_group", "k_opened_chapter", K_KEY},
    {"stat_group", "k_reached_quiz", K_KEY},
    {"stat_group", "k_reached_result", K_KEY},
    {"stat_group", "k_finished", K_KEY},
    {"stat_group", "k_abandoned", K_KEY},
    {"stat_group", "k_timed_out", K_KEY},
    {"stat_group", "k_quiz_taken", K_KEY},
    {"stat_group", "k_passed", K_KEY},
    {"stat_item", "day", K_DAY},
    {"stat_item", "module", K_ID},
    {"stat_item", "question", K_ID},
    {"stat_item", "objective", K_ID},
    {"stat_item", "finished", K_COUNT},
    {"stat_item", "item_right", K_COUNT},
    {"stat_item", "rest_sum", K_COUNT},
    {"stat_item", "cross_sum", K_COUNT},
    {"stat_item", "rest_sq_sum", K_COUNT},
    {"stat_item", "k_finished", K_KEY},
    {"stat_item", "k_item_right", K_KEY},
    {"chapter_answer", "module", K_ID},
    {"chapter_answer", "chapter", K_ID},
    {"chapter_answer", "question", K_ID},
    {"chapter_answer", "choice", K_SMALL},
    {"chapter_answer", "correct", K_SMALL},
    {"chapter_answer", "day", K_DAY},
    {"chapter_answer", "session", K_SID},
    {"stat_chapter_answer", "day", K_DAY},
    {"stat_chapter_answer", "module", K_ID},
    {"stat_chapter_answer", "chapter", K_ID},
    {"stat_chapter_answer", "question", K_ID},
    {"stat_chapter_answer", "choice", K_SMALL},
    {"stat_chapter_answer", "correct", K_SMALL},
    {"stat_chapter_answer", "answers", K_COUNT},
    {"stat_chapter_answer", "k_answers", K_KEY},
    {"stat_touch", "day", K_DAY},
    {"stat_touch", "touched", K_COUNT},
    {"stat_touch", "k_touched", K_KEY},
    {"batch", "first_day", K_DAY},
    {"batch", "last_day", K_DAY},
    {"batch", "kiosk", K_ID},
    {"batch", "size", K_COUNT},
};
enum { N_REVIEWED = sizeof reviewed / sizeof reviewed[0] };

/* Values nobody may be able to store. */
static const char *const bad_text[] = {
    "14:32",
    "14h32",
    "2024-05-02 14:32",
    "2024-05-02T14:32:05",
    "2024-05-02 14:32:05.123",
    "Marie Dupont",
    "DUPONT",
    "Marie",
    "marie.dupont@ville.fr",
    "Dupont, Marie",
    "J'ai trouvé la vidéo trop longue",
    "trop long",
    "0612345678 appeler",
    "a-very-long-identifier-that-could-carry-a-message-inside",
};
static const long long bad_int[] = {
    1714650725LL,    /* a Unix time */
    1714650725000LL, /* the same in ms */
    52325,           /* 14:32:05 as seconds since midnight */
    -1,
};

static sqlite3 *db;
static char dir[64], path[128];

static void setup(void)
{
	snprintf(dir, sizeof dir, "/tmp/test-schema-XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/kiosk.db", dir);
	store_destroy(store_open(path, 0));
	ck_assert_int_eq(sqlite3_open(path, &db), SQLITE_OK);
}

static void teardown(void)
{
	sqlite3_close(db);
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	ck_assert_int_eq(system(cmd), 0);
}

static const struct column *find(const char *table, const char *name)
{
	for (int i = 0; i < N_REVIEWED; i++)
		if (!strcmp(reviewed[i].table, table) && !strcmp(reviewed[i].name, name))
			return &reviewed[i];
	return NULL;
}

START_TEST(test_every_column_is_reviewed)
{
	sqlite3_stmt *st;
	ck_assert_int_eq(
	    sqlite3_prepare_v2(db,
	                       "SELECT t.name, c.name, t.strict, t.wr FROM "
	                       "pragma_table_list AS t, pragma_table_info(t.name) AS c "
	                       "WHERE t.schema = 'main' AND t.name NOT LIKE 'sqlite_%'",
	                       -1, &st, NULL),
	    SQLITE_OK);
	int n = 0;
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *t = (const char *)sqlite3_column_text(st, 0);
		const char *c = (const char *)sqlite3_column_text(st, 1);
		ck_assert_msg(find(t, c), "column %s.%s is not reviewed in test_store_schema.c", t,
		              c);
		ck_assert_msg(sqlite3_column_int(st, 2) == 1, "table %s is not STRICT", t);
		ck_assert_msg(sqlite3_column_int(st, 3) == 1, "table %s has rowids", t);
		n++;
	}
	sqlite3_finalize(st);
	ck_assert_int_eq(n, N_REVIEWED);
}
END_TEST

static void bind_valid(sqlite3_stmt *st, int i, kind_t k, int serial)
{
	unsigned char sid[16] = {0};
	switch (k) {
	case K_DAY: sqlite3_bind_text(st, i, "2024-05-02", -1, SQLITE_TRANSIENT); break;
	case K_ID: sqlite3_bind_text(st, i, "chap-1", -1, SQLITE_TRANSIENT); break;
	case K_LANG: sqlite3_bind_text(st, i, "fr", -1, SQLITE_TRANSIENT); break;
	case K_SID:
		memcpy(sid, &serial, sizeof serial);
		sqlite3_bind_blob(st, i, sid, 16, SQLITE_TRANSIENT);
		break;
	case K_SMALL:
	case K_KEY:
	case K_COUNT: sqlite3_bind_int(st, i, 0); break;
	case K_DURATION: sqlite3_bind_int(st, i, 600); break;
	}
}

/* Inserts one row into table with every column valid except column
 * `probe`, bound by bind_probe. Returns the SQLite result. */
static int try_row(const char *table, const char *probe,
                   void (*bind_probe)(sqlite3_stmt *, int, const void *), const void *arg)
{
	static int serial = 1;
	char sql[1024] = "", cols[600] = "", qs[200] = "";
	int n = 0;
	const struct column *order[32];
	for (int i = 0; i < N_REVIEWED; i++) {
		if (strcmp(reviewed[i].table, table))
			continue;
		order[n++] = &reviewed[i];
		strcat(cols, n > 1 ? "," : "");
		strcat(cols, reviewed[i].name);
		strcat(qs, n > 1 ? ",?" : "?");
	}
	snprintf(sql, sizeof sql, "INSERT INTO %s (%s) VALUES (%s)", table, cols, qs);
	sqlite3_stmt *st;
	ck_assert_int_eq(sqlite3_exec(db, "SAVEPOINT probe", NULL, NULL, NULL), SQLITE_OK);
	ck_assert_int_eq(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
	serial++;
	for (int i = 0; i < n; i++) {
		if (probe && !strcmp(order[i]->name, probe))
			bind_probe(st, i + 1, arg);
		else
			bind_valid(st, i + 1, order[i]->kind, serial);
	}
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	sqlite3_exec(db, "ROLLBACK TO probe; RELEASE probe", NULL, NULL, NULL);
	return rc;
}

static void bind_text(sqlite3_stmt *st, int i, const void *arg)
{
	sqlite3_bind_text(st, i, arg, -1, SQLITE_TRANSIENT);
}

static void bind_int(sqlite3_stmt *st, int i, const void *arg)
{
	sqlite3_bind_int64(st, i, *(const long long *)arg);
}

static void bind_blob20(sqlite3_stmt *st, int i, const void *arg)
{
	(void)arg;
	sqlite3_bind_blob(st, i, "Marie Dupont 1985!!!", 20, SQLITE_STATIC);
}

START_TEST(test_columns_refuse_times_names_and_text)
{
	static const char *const tables[] = {
	    "session",     "chapter",    "answer",    "stat_day",   "stat_score", "stat_chapter",
	    "stat_answer", "stat_group", "stat_item", "stat_touch", "batch"};
	for (size_t t = 0; t < sizeof tables / sizeof tables[0]; t++)
		ck_assert_msg(try_row(tables[t], NULL, NULL, NULL) == SQLITE_DONE,
		              "a valid row of %s is refused: %s", tables[t], sqlite3_errmsg(db));
	for (int c = 0; c < N_REVIEWED; c++) {
		const struct column *col = &reviewed[c];
		/* No column of any kind takes a time, a name or a sentence
		 * as text. */
		for (size_t b = 0; b < sizeof bad_text / sizeof bad_text[0]; b++)
			ck_assert_msg(try_row(col->table, col->name, bind_text, bad_text[b]) ==
			                  SQLITE_CONSTRAINT,
			              "%s.%s accepts \"%s\"", col->table, col->name, bad_text[b]);
		if (col->kind == K_SID)
			ck_assert_msg(try_row(col->table, col->name, bind_blob20, NULL) ==
			                  SQLITE_CONSTRAINT,
			              "%s.%s accepts a 20-byte blob", col->table, col->name);
		/* Counts are sums kept by triggers (see the next test), the
		 * only integers allowed to grow large. */
		if (col->kind == K_SMALL || col->kind == K_DURATION)
			for (size_t b = 0; b < sizeof bad_int / sizeof bad_int[0]; b++)
				ck_assert_msg(try_row(col->table, col->name, bind_int,
				                      &bad_int[b]) == SQLITE_CONSTRAINT,
				              "%s.%s accepts %lld", col->table, col->name,
				              bad_int[b]);
	}
	static const long long odd = 605;
	ck_assert_int_eq(try_row("session", "duration_s", bind_int, &odd), SQLITE_CONSTRAINT);
	ck_assert_int_eq(try_row("session", "day", bind_text, "2024-13-02"), SQLITE_CONSTRAINT);
}
END_TEST

static void checksum(const char *sql, char *out, size_t n)
{
	sqlite3_stmt *st;
	ck_assert_int_eq(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
	ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
	snprintf(out, n, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
}

/* The stat_* tables must hold nothing but counts of the session rows:
 * recomputing them from those rows gives the very same tables. */
START_TEST(test_stats_derive_from_sessions)
{
	sqlite3_close(db);
	struct store *s = store_open(path, 0);
	for (int i = 0; i < 30; i++) {
		struct session_record r = {0};
		session_new_id(r.id);
		snprintf(r.day, sizeof r.day, "2024-05-0%d", 1 + i % 3);
		snprintf(r.module_id, sizeof r.module_id, "m");
		snprintf(r.kiosk_id, sizeof r.kiosk_id, "k");
		snprintf(r.lang, sizeof r.lang, i % 4 ? "fr" : "en");
		r.furthest = (enum session_stage)(i % 5);
		r.n_chapters = 1;
		snprintf(r.chapters[0].id, 32, "c%d", i % 2);
		r.chapters[0].seen = i % 3 != 0;
		r.chapters[0].video_share = i % 3 ? 10 * (i % 10) : -1;
		r.n_answers = i % 5 >= 3 ? 2 : 0;
		for (int q = 0; q < r.n_answers; q++) {
			snprintf(r.answers[q].question_id, 32, "q%d", q);
			snprintf(r.answers[q].objective, 32, "o");
			r.answers[q].choice = i % 4;
			r.answers[q].correct = (i + q) % 3 == 0;
		}
		r.score = r.n_answers ? 10 * (i % 11) : -1;
		r.passed = r.score >= 70;
		r.end = (enum session_end)(i % 3);
		r.duration_s = 30 * i;
		if (i % 2)
			snprintf(r.label, sizeof r.label, "accueil-%d", i % 4);
		store_save(s, &r);
	}
	store_destroy(s);
	ck_assert_int_eq(sqlite3_open(path, &db), SQLITE_OK);
	static const char *const sums[] = {
	    "SELECT group_concat(x, '|') FROM (SELECT day||module||lang||sessions||reached_home||"
	    "reached_chapter||reached_quiz||reached_result||finished||abandoned||timed_out||"
	    "quiz_taken||score_sum||passed||duration_sum||k_sessions||k_reached_home||"
	    "k_reached_chapter||k_reached_quiz||k_reached_result||k_finished||k_abandoned||"
	    "k_timed_out||k_quiz_taken||k_passed AS x FROM stat_day ORDER BY 1)",
	    "SELECT group_concat(x, '|') FROM (SELECT day||module||score||sessions||k_sessions AS "
	    "x FROM "
	    "stat_score ORDER BY 1)",
	    "SELECT group_concat(x, '|') FROM (SELECT day||module||chapter||seen||video_started||"
	    "video_share_sum||k_seen||k_video_started AS x FROM stat_chapter ORDER BY 1)",
	    "SELECT group_concat(x, '|') FROM (SELECT day||module||question||objective||choice||"
	    "correct||answers||k_answers AS x FROM stat_answer ORDER BY 1)",
	    "SELECT group_concat(x, '|') FROM (SELECT day||module||kiosk||label||sessions||"
	    "reached_home||opened_chapter||reached_quiz||reached_result||finished||abandoned||"
	    "timed_out||quiz_taken||score_sum||passed||duration_sum||k_sessions||k_opened_chapter||"
	    "k_quiz_taken||k_passed AS x FROM stat_group "
	    "ORDER BY 1)",
	    "SELECT group_concat(x, '|') FROM (SELECT day||module||question||objective||finished||"
	    "'/'||item_right||'/'||rest_sum||'/'||cross_sum||'/'||rest_sq_sum||'/'||k_finished||"
	    "'/'||k_item_right AS x FROM stat_item "
	    "ORDER BY 1)",
	};
	enum { N = sizeof sums / sizeof sums[0] };
	char before[N][4096], after[4096];
	for (int i = 0; i < N; i++)
		checksum(sums[i], before[i], sizeof before[i]);
	ck_assert_int_eq(
	    sqlite3_exec(db,
	                 "DELETE FROM stat_day; DELETE FROM stat_score;"
	                 "DELETE FROM stat_chapter; DELETE FROM stat_answer;"
	                 "DELETE FROM stat_group; DELETE FROM stat_item;" STORE_REBUILD_V4,
	                 NULL, NULL, NULL),
	    SQLITE_OK);
	for (int i = 0; i < N; i++) {
		checksum(sums[i], after, sizeof after);
		ck_assert_str_eq(before[i], after);
		ck_assert_uint_gt(strlen(after), 10);
	}
}
END_TEST

int main(void)
{
	Suite *su = suite_create("schema");
	TCase *tc = tcase_create("schema");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_every_column_is_reviewed);
	tcase_add_test(tc, test_columns_refuse_times_names_and_text);
	tcase_add_test(tc, test_stats_derive_from_sessions);
	suite_add_tcase(su, tc);
	return check_main(su);
}
