/* The statistics database schema, shared by the store (which creates and
 * migrates it), kiosk-report (which checks the version and merges files)
 * and the test data generator. Version 2 (1 plus the welcome-day label).
 *
 * Privacy (PRIVACY.md): every TEXT column is either a day
 * (YYYY-MM-DD, checked to be a real date and nothing more) or a module
 * identifier (lower-case letters, digits, '-', '_', '.', at most 31
 * characters, never digit-h-digit): no spaces, no colons, no capitals, so
 * no time of day, no name as written and no sentence fits. Tables are
 * STRICT so an INTEGER column cannot quietly hold text. Every table is
 * WITHOUT ROWID and keyed by the day and a random session id, so neither
 * rowids nor the order of rows on disk follow the order in which sessions
 * happened. tests/unit/test_schema.c probes all of this.
 *
 * The stat_* tables hold running counts per day, kept by triggers in the
 * same transaction as the session rows: a report over a million sessions
 * then reads a few thousand rows. They hold nothing the session rows do not
 * (counts per day), and STORE_REBUILD_STATS recomputes them from the
 * session rows (bulk loads, repairs). The child tables repeat day and
 * module so that this needs no join.
 *
 * Version 4 (issue 21, statistics v2): see STORE_SCHEMA_V4 at the end: a
 * random record key per session, the key sums of every counter, closed
 * batches, the per-day counter of people who leave before choosing a
 * language, and the batch file written from them.
 *
 * Version 5 (issue 21): the answers to the chapters' questions
 * (STORE_SCHEMA_V5), counted like the final quiz's. */
#ifndef KIOSK_CORE_STORE_SCHEMA_H
#define KIOSK_CORE_STORE_SCHEMA_H

#include "core/limits.h"

#define STORE_SCHEMA_VERSION 5
#define STORE_STR_(x)        #x
#define STORE_STR(x)         STORE_STR_(x)

/* The longest id a row may hold (the store cuts longer ones), and the
 * highest choice index (0-based) an answer row may hold. Macros: the
 * schema's text below writes them (STORE_STR). */
#define STORE_ID_MAX        31
#define STORE_CHOICE_MAX    31
#define STORE_SESSION_BYTES 16 /* a session's random id, as a BLOB */

// clang-format off

/* "14h32" is how a French time is written: refused even inside an id. */
#define STORE_ID_CHECK(c)                                                      \
	"length(" c ") BETWEEN 1 AND " STORE_STR(STORE_ID_MAX)                 \
	" AND NOT " c " GLOB '*[^a-z0-9._-]*' "                                \
	"AND NOT " c " GLOB '*[0-9]h[0-9]*'"
#define STORE_DAY_CHECK(c)                                                     \
	"length(" c ") = 10 AND " c                                            \
	" GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND date(" c ") IS " c
#define STORE_LANG_CHECK "length(lang) BETWEEN 2 AND 7 AND NOT lang GLOB '*[^a-z-]*'"
#define STORE_COUNT(c) "  " c " INTEGER NOT NULL CHECK (" c " >= 0),\n"
#define STORE_DAY_COL "  day TEXT NOT NULL CHECK (" STORE_DAY_CHECK("day") "),\n"
#define STORE_ID_COL(c) "  " c " TEXT NOT NULL CHECK (" STORE_ID_CHECK(c) "),\n"
#define STORE_LANG_COL "  lang TEXT NOT NULL CHECK (" STORE_LANG_CHECK "),\n"
/* The funnel of a day's sessions; `opened` is the chapter step's name. */
#define STORE_FUNNEL_COUNTS(opened)                                            \
	STORE_COUNT("sessions") STORE_COUNT("reached_home")                    \
	STORE_COUNT(opened) STORE_COUNT("reached_quiz")                        \
	STORE_COUNT("reached_result") STORE_COUNT("finished")                  \
	STORE_COUNT("abandoned") STORE_COUNT("timed_out")                      \
	STORE_COUNT("quiz_taken") STORE_COUNT("score_sum")                     \
	STORE_COUNT("passed") STORE_COUNT("duration_sum")

#define STORE_STATS_V1                                                         \
	"CREATE TABLE stat_day (\n"                                            \
	STORE_DAY_COL                                                          \
	STORE_ID_COL("module")                                                 \
	STORE_LANG_COL                                                         \
	STORE_FUNNEL_COUNTS("reached_chapter")                                 \
	"  PRIMARY KEY (day, module, lang)\n"                                  \
	") STRICT, WITHOUT ROWID;\n"                                           \
	"CREATE TABLE stat_score (\n"                                          \
	STORE_DAY_COL                                                          \
	STORE_ID_COL("module")                                                 \
	"  score INTEGER NOT NULL CHECK (score BETWEEN 0 AND 100),\n"          \
	STORE_COUNT("sessions")                                                \
	"  PRIMARY KEY (day, module, score)\n"                                 \
	") STRICT, WITHOUT ROWID;\n"                                           \
	"CREATE TABLE stat_chapter (\n"                                        \
	STORE_DAY_COL                                                          \
	STORE_ID_COL("module")                                                 \
	STORE_ID_COL("chapter")                                                \
	STORE_COUNT("seen") STORE_COUNT("video_started")                       \
	STORE_COUNT("video_share_sum")                                         \
	"  PRIMARY KEY (day, module, chapter)\n"                               \
	") STRICT, WITHOUT ROWID;\n"                                           \
	"CREATE TABLE stat_answer (\n"                                         \
	STORE_DAY_COL                                                          \
	STORE_ID_COL("module")                                                 \
	STORE_ID_COL("question")                                               \
	STORE_ID_COL("objective")                                              \
	"  choice INTEGER NOT NULL CHECK (choice BETWEEN 0 AND "                \
	STORE_STR(STORE_CHOICE_MAX) "),\n"         \
	"  correct INTEGER NOT NULL CHECK (correct IN (0, 1)),\n"              \
	STORE_COUNT("answers")                                                 \
	"  PRIMARY KEY (day, module, question, objective, choice, correct)\n"  \
	") STRICT, WITHOUT ROWID;\n"

/* Counts added for the rows of src: the triggers pass a one-row SELECT of
 * NEW, the rebuild and the report's merges a whole table or view. */
#define STORE_DAY_ADD(src)                                                     \
	"INSERT INTO stat_day SELECT day, module, lang, count(*),\n"           \
	"  sum(furthest >= 1), sum(furthest >= 2), sum(furthest >= 3),\n"      \
	"  sum(furthest >= 4), sum(ended = 0), sum(ended = 1), sum(ended = 2),\n" \
	"  count(score), coalesce(sum(score), 0), sum(passed), sum(duration_s)\n" \
	"  FROM " src " WHERE true GROUP BY day, module, lang\n"               \
	"ON CONFLICT DO UPDATE SET sessions = sessions + excluded.sessions,\n" \
	"  reached_home = reached_home + excluded.reached_home,\n"             \
	"  reached_chapter = reached_chapter + excluded.reached_chapter,\n"    \
	"  reached_quiz = reached_quiz + excluded.reached_quiz,\n"             \
	"  reached_result = reached_result + excluded.reached_result,\n"       \
	"  finished = finished + excluded.finished,\n"                         \
	"  abandoned = abandoned + excluded.abandoned,\n"                      \
	"  timed_out = timed_out + excluded.timed_out,\n"                      \
	"  quiz_taken = quiz_taken + excluded.quiz_taken,\n"                   \
	"  score_sum = score_sum + excluded.score_sum,\n"                      \
	"  passed = passed + excluded.passed,\n"                               \
	"  duration_sum = duration_sum + excluded.duration_sum;\n"             \
	"INSERT INTO stat_score SELECT day, module, score, count(*) FROM " src \
	"  WHERE score IS NOT NULL GROUP BY day, module, score\n"              \
	"ON CONFLICT DO UPDATE SET sessions = sessions + excluded.sessions;\n"
#define STORE_CHAPTER_ADD(src)                                                 \
	"INSERT INTO stat_chapter SELECT day, module, chapter, sum(seen),\n"   \
	"  count(video_share), coalesce(sum(video_share), 0) FROM " src        \
	"  WHERE true GROUP BY day, module, chapter\n"                         \
	"ON CONFLICT DO UPDATE SET seen = seen + excluded.seen,\n"             \
	"  video_started = video_started + excluded.video_started,\n"          \
	"  video_share_sum = video_share_sum + excluded.video_share_sum;\n"
#define STORE_ANSWER_ADD(src)                                                  \
	"INSERT INTO stat_answer SELECT day, module, question, objective,\n"   \
	"  choice, correct, count(*) FROM " src " WHERE true\n"                \
	"  GROUP BY day, module, question, objective, choice, correct\n"       \
	"ON CONFLICT DO UPDATE SET answers = answers + excluded.answers;\n"

#define STORE_TRIGGERS_V1                                                      \
	"CREATE TRIGGER session_stats AFTER INSERT ON session BEGIN\n"         \
	STORE_DAY_ADD("(SELECT NEW.day AS day, NEW.module AS module,"          \
		      " NEW.lang AS lang, NEW.furthest AS furthest,"           \
		      " NEW.ended AS ended, NEW.score AS score,"               \
		      " NEW.passed AS passed, NEW.duration_s AS duration_s)")  \
	"END;\n"                                                               \
	"CREATE TRIGGER chapter_stats AFTER INSERT ON chapter BEGIN\n"         \
	STORE_CHAPTER_ADD("(SELECT NEW.day AS day, NEW.module AS module,"      \
			  " NEW.chapter AS chapter, NEW.seen AS seen,"         \
			  " NEW.video_share AS video_share)")                  \
	"END;\n"                                                               \
	"CREATE TRIGGER answer_stats AFTER INSERT ON answer BEGIN\n"           \
	STORE_ANSWER_ADD("(SELECT NEW.day AS day, NEW.module AS module,"       \
			 " NEW.question AS question, NEW.objective AS objective," \
			 " NEW.choice AS choice, NEW.correct AS correct)")     \
	"END;\n"

#define STORE_DROP_TRIGGERS                                                    \
	"DROP TRIGGER IF EXISTS session_stats;\n"                              \
	"DROP TRIGGER IF EXISTS chapter_stats;\n"                              \
	"DROP TRIGGER IF EXISTS answer_stats;\n"                               \
	"DROP TRIGGER IF EXISTS group_stats;\n"                                \
	"DROP TRIGGER IF EXISTS chapter_answer_stats;\n"

#define STORE_REBUILD_STATS                                                    \
	"DELETE FROM stat_day; DELETE FROM stat_score;\n"                      \
	"DELETE FROM stat_chapter; DELETE FROM stat_answer;\n"                 \
	STORE_DAY_ADD("session") STORE_CHAPTER_ADD("chapter")                  \
	STORE_ANSWER_ADD("answer")

#define STORE_SCHEMA_V1                                                        \
	"CREATE TABLE session (\n"                                             \
	STORE_DAY_COL                                                          \
	"  id BLOB NOT NULL CHECK (length(id) = 16),\n"                        \
	STORE_ID_COL("kiosk")                                                  \
	STORE_ID_COL("module")                                                 \
	"  module_version INTEGER NOT NULL\n"                                  \
	"    CHECK (module_version BETWEEN 0 AND 9999),\n"                     \
	STORE_LANG_COL                                                         \
	"  furthest INTEGER NOT NULL CHECK (furthest BETWEEN 0 AND 4),\n"      \
	"  chapters_seen INTEGER NOT NULL CHECK (chapters_seen BETWEEN 0 AND " \
	STORE_STR(CONTENT_MAX_CHAPTERS) "),\n"                                   \
	"  score INTEGER CHECK (score BETWEEN 0 AND 100),\n"                   \
	"  passed INTEGER NOT NULL CHECK (passed IN (0, 1)),\n"                \
	"  ended INTEGER NOT NULL CHECK (ended BETWEEN 0 AND 2),\n"            \
	"  duration_s INTEGER NOT NULL\n"                                      \
	"    CHECK (duration_s BETWEEN 0 AND 14400 AND duration_s % 30 = 0),\n" \
	"  PRIMARY KEY (day, id)\n"                                            \
	") STRICT, WITHOUT ROWID;\n"                                           \
	"CREATE TABLE chapter (\n"                                             \
	STORE_ID_COL("module")                                                 \
	STORE_ID_COL("chapter")                                                \
	STORE_DAY_COL                                                          \
	"  session BLOB NOT NULL CHECK (length(session) = "                    \
	STORE_STR(STORE_SESSION_BYTES) "),\n"                                  \
	"  seen INTEGER NOT NULL CHECK (seen IN (0, 1)),\n"                    \
	"  video_share INTEGER CHECK (video_share BETWEEN 0 AND 100),\n"       \
	"  PRIMARY KEY (module, chapter, day, session)\n"                      \
	") STRICT, WITHOUT ROWID;\n"                                           \
	"CREATE TABLE answer (\n"                                              \
	STORE_ID_COL("module")                                                 \
	STORE_ID_COL("question")                                               \
	STORE_ID_COL("objective")                                              \
	"  choice INTEGER NOT NULL CHECK (choice BETWEEN 0 AND "                \
	STORE_STR(STORE_CHOICE_MAX) "),\n"         \
	"  correct INTEGER NOT NULL CHECK (correct IN (0, 1)),\n"              \
	STORE_DAY_COL                                                          \
	"  session BLOB NOT NULL CHECK (length(session) = "                    \
	STORE_STR(STORE_SESSION_BYTES) "),\n"                                  \
	"  PRIMARY KEY (module, question, objective, choice, correct, day, session)\n" \
	") STRICT, WITHOUT ROWID;\n"                                           \
	STORE_STATS_V1 STORE_TRIGGERS_V1

/* Version 2: the welcome-day label the trainer picked on the kiosk from the
 * fixed list of the settings (an id, never free text), NULL when none. */
#define STORE_SCHEMA_V2                                                        \
	"ALTER TABLE session ADD COLUMN label TEXT\n"                          \
	"  CHECK (label IS NULL OR (" STORE_ID_CHECK("label") "));\n"

/* Version 3: two more sets of daily counters, so that a report over a
 * million sessions still reads a few thousand rows. stat_group: the
 * stat_day figures per kiosk and welcome-day label ('-' for none), with the
 * sessions that really opened a chapter (chapters_seen > 0). stat_item: per
 * question, over the sessions that finished the quiz, the sums of the
 * item-rest correlation (kiosk-report's discrimination): finished answers n,
 * right ones x, rest = the session's other right answers: sum(rest),
 * sum(x * rest), sum(rest * rest). A trigger keeps stat_group; stat_item is
 * written by the store with the session (its answers come after the
 * session row), and STORE_REBUILD_V3 recomputes both from the rows. */
#define STORE_GROUP_ADD(src)                                                   \
	"INSERT INTO stat_group SELECT day, module, kiosk, label, count(*),\n"  \
	"  sum(furthest >= 1), sum(chapters_seen > 0), sum(furthest >= 3),\n"  \
	"  sum(furthest >= 4), sum(ended = 0), sum(ended = 1), sum(ended = 2),\n" \
	"  count(score), coalesce(sum(score), 0), sum(passed), sum(duration_s)\n" \
	"  FROM " src " WHERE true GROUP BY day, module, kiosk, label\n"       \
	"ON CONFLICT DO UPDATE SET sessions = sessions + excluded.sessions,\n" \
	"  reached_home = reached_home + excluded.reached_home,\n"             \
	"  opened_chapter = opened_chapter + excluded.opened_chapter,\n"       \
	"  reached_quiz = reached_quiz + excluded.reached_quiz,\n"             \
	"  reached_result = reached_result + excluded.reached_result,\n"       \
	"  finished = finished + excluded.finished,\n"                         \
	"  abandoned = abandoned + excluded.abandoned,\n"                      \
	"  timed_out = timed_out + excluded.timed_out,\n"                      \
	"  quiz_taken = quiz_taken + excluded.quiz_taken,\n"                   \
	"  score_sum = score_sum + excluded.score_sum,\n"                      \
	"  passed = passed + excluded.passed,\n"                               \
	"  duration_sum = duration_sum + excluded.duration_sum;\n"
/* answers and sessions: tables or views with the columns of answer and
 * session. */
#define STORE_ITEM_ADD(answers, sessions)                                      \
	"WITH t(day, session, tot) AS MATERIALIZED (SELECT a2.day, a2.session,\n" \
	"    sum(a2.correct) FROM " answers " a2 JOIN " sessions " s\n"        \
	"    ON s.day = a2.day AND s.id = a2.session WHERE s.score IS NOT NULL\n" \
	"    GROUP BY a2.day, a2.session)\n"                                    \
	"INSERT INTO stat_item SELECT a.day, a.module, a.question, a.objective,\n" \
	"  count(*), sum(a.correct), sum(t.tot - a.correct),\n"                \
	"  sum(a.correct * (t.tot - a.correct)),\n"                            \
	"  sum((t.tot - a.correct) * (t.tot - a.correct))\n"                   \
	/* answers outside, t looked up by an automatic index: the other     \
	 * order scans every answer once per session. */                       \
	"  FROM " answers " a CROSS JOIN t\n"                                  \
	"  WHERE t.day = a.day AND t.session = a.session\n"                    \
	"  GROUP BY a.day, a.module, a.question, a.objective\n"                \
	"ON CONFLICT DO UPDATE SET finished = finished + excluded.finished,\n" \
	"  item_right = item_right + excluded.item_right,\n"                   \
	"  rest_sum = rest_sum + excluded.rest_sum,\n"                         \
	"  cross_sum = cross_sum + excluded.cross_sum,\n"                      \
	"  rest_sq_sum = rest_sq_sum + excluded.rest_sq_sum;\n"
/* One finished answer, as the store adds it: ?1 day, ?2 module, ?3
 * question, ?4 objective, ?5 right (0/1), ?6 the session's other right
 * answers. */
#define STORE_ITEM_ONE                                                         \
	"INSERT INTO stat_item VALUES (?1, ?2, ?3, ?4, 1, ?5, ?6, ?5 * ?6, ?6 * ?6)\n" \
	"ON CONFLICT DO UPDATE SET finished = finished + 1,\n"                 \
	"  item_right = item_right + excluded.item_right,\n"                   \
	"  rest_sum = rest_sum + excluded.rest_sum,\n"                         \
	"  cross_sum = cross_sum + excluded.cross_sum,\n"                      \
	"  rest_sq_sum = rest_sq_sum + excluded.rest_sq_sum"
#define STORE_TRIGGERS_V3                                                      \
	"CREATE TRIGGER group_stats AFTER INSERT ON session BEGIN\n"           \
	STORE_GROUP_ADD("(SELECT NEW.day AS day, NEW.module AS module,"        \
			" NEW.kiosk AS kiosk, coalesce(NEW.label, '-') AS label," \
			" NEW.furthest AS furthest,"                           \
			" NEW.chapters_seen AS chapters_seen,"                 \
			" NEW.ended AS ended, NEW.score AS score,"             \
			" NEW.passed AS passed, NEW.duration_s AS duration_s)") \
	"END;\n"
#define STORE_REBUILD_V3                                                       \
	"DELETE FROM stat_group; DELETE FROM stat_item;\n"                     \
	STORE_GROUP_ADD("(SELECT day, module, kiosk, coalesce(label, '-') AS label,"  \
			" furthest, chapters_seen, ended, score, passed, duration_s" \
			" FROM session)")                                      \
	STORE_ITEM_ADD("answer", "session")
#define STORE_SCHEMA_V3                                                        \
	"CREATE TABLE stat_group (\n"                                          \
	STORE_DAY_COL                                                          \
	STORE_ID_COL("module")                                                 \
	STORE_ID_COL("kiosk")                                                  \
	STORE_ID_COL("label")                                                  \
	STORE_FUNNEL_COUNTS("opened_chapter")                                  \
	"  PRIMARY KEY (day, module, kiosk, label)\n"                          \
	") STRICT, WITHOUT ROWID;\n"                                           \
	"CREATE TABLE stat_item (\n"                                           \
	STORE_DAY_COL                                                          \
	STORE_ID_COL("module")                                                 \
	STORE_ID_COL("question")                                               \
	STORE_ID_COL("objective")                                              \
	STORE_COUNT("finished") STORE_COUNT("item_right")                      \
	STORE_COUNT("rest_sum") STORE_COUNT("cross_sum")                       \
	STORE_COUNT("rest_sq_sum")                                             \
	"  PRIMARY KEY (day, module, question, objective)\n"                   \
	") STRICT, WITHOUT ROWID;\n"                                           \
	STORE_TRIGGERS_V3


/* Version 4 (issue 21, statistics v2; PRIVACY.md « Lots fermés »).
 *
 * - session.rkey: the session's record key, 32 random bits drawn when it
 *   is saved (core/cellkey.h); existing sessions get theirs at migration.
 * - Every counter of the stat_* tables gets, beside each count c, k_c: the
 *   sum of the record keys of the sessions it counts (a 64-bit sum; the
 *   cell key is that sum modulo 2^32). Sums (score_sum, duration_sum, the
 *   item sums) use the key of the count of their sessions.
 * - The counters are kept by COUNTING DAY: the session's day, or the day
 *   after the last published batch when that is later (STORE_CDAY): a
 *   session saved late never changes a published batch, it goes to the
 *   next one.
 * - batch: the closed batches (platform/store_batch.h), published once and
 *   never changed; stat_touch: per counting day, the people who touched
 *   the attract screen and left before choosing a language (no row).
 * The v1-v3 counters are dropped and rebuilt from the session rows at
 * migration (there are no batches yet then: counting day = day). */
#define STORE_CDAY(d)                                                          \
	"max(" d ", coalesce((SELECT date(last_day, '+1 day') FROM batch"       \
	" ORDER BY first_day DESC LIMIT 1), ''))"
#define STORE_KEY(c) "  k_" c " INTEGER NOT NULL CHECK (k_" c " >= 0),\n"
#define STORE_FUNNEL_KEYS(opened)                                              \
	STORE_KEY("sessions") STORE_KEY("reached_home") STORE_KEY(opened)      \
	STORE_KEY("reached_quiz") STORE_KEY("reached_result")                  \
	STORE_KEY("finished") STORE_KEY("abandoned") STORE_KEY("timed_out")    \
	STORE_KEY("quiz_taken") STORE_KEY("passed")
/* The funnel counts and their key sums over the rows of a session source
 * with columns furthest, ended, score, passed, duration_s, rkey; `opened`
 * is the expression of the chapter step. */
#define STORE_FUNNEL_SUMS(opened)                                              \
	"count(*), sum(furthest >= 1), sum(" opened "), sum(furthest >= 3),\n" \
	"  sum(furthest >= 4), sum(ended = 0), sum(ended = 1), sum(ended = 2),\n" \
	"  count(score), coalesce(sum(score), 0), sum(passed), sum(duration_s),\n" \
	"  sum(rkey), sum((furthest >= 1) * rkey), sum((" opened ") * rkey),\n" \
	"  sum((furthest >= 3) * rkey), sum((furthest >= 4) * rkey),\n"       \
	"  sum((ended = 0) * rkey), sum((ended = 1) * rkey), sum((ended = 2) * rkey),\n" \
	"  sum((score IS NOT NULL) * rkey), sum(passed * rkey)\n"
#define STORE_ADD(c) c " = " c " + excluded." c
#define STORE_FUNNEL_UPDATE(opened)                                            \
	"ON CONFLICT DO UPDATE SET " STORE_ADD("sessions") ",\n"               \
	"  " STORE_ADD("reached_home") ", " STORE_ADD(opened) ",\n"            \
	"  " STORE_ADD("reached_quiz") ", " STORE_ADD("reached_result") ",\n"  \
	"  " STORE_ADD("finished") ", " STORE_ADD("abandoned") ",\n"           \
	"  " STORE_ADD("timed_out") ", " STORE_ADD("quiz_taken") ",\n"         \
	"  " STORE_ADD("score_sum") ", " STORE_ADD("passed") ",\n"             \
	"  " STORE_ADD("duration_sum") ", " STORE_ADD("k_sessions") ",\n"      \
	"  " STORE_ADD("k_reached_home") ", " STORE_ADD("k_" opened) ",\n"     \
	"  " STORE_ADD("k_reached_quiz") ", " STORE_ADD("k_reached_result") ",\n" \
	"  " STORE_ADD("k_finished") ", " STORE_ADD("k_abandoned") ",\n"       \
	"  " STORE_ADD("k_timed_out") ", " STORE_ADD("k_quiz_taken") ",\n"     \
	"  " STORE_ADD("k_passed") ";\n"

#define STORE_STATS_V4                                                         \
	"CREATE TABLE stat_day (\n"                                            \
	STORE_DAY_COL STORE_ID_COL("module") STORE_LANG_COL                    \
	STORE_FUNNEL_COUNTS("reached_chapter")                                 \
	STORE_FUNNEL_KEYS("reached_chapter")                                   \
	"  PRIMARY KEY (day, module, lang)\n"                                  \
	") STRICT, WITHOUT ROWID;\n"                                           \
	"CREATE TABLE stat_score (\n"                                          \
	STORE_DAY_COL STORE_ID_COL("module")                                   \
	"  score INTEGER NOT NULL CHECK (score BETWEEN 0 AND 100),\n"          \
	STORE_COUNT("sessions") STORE_KEY("sessions")                          \
	"  PRIMARY KEY (day, module, score)\n"                                 \
	") STRICT, WITHOUT ROWID;\n"                                           \
	"CREATE TABLE stat_chapter (\n"                                        \
	STORE_DAY_COL STORE_ID_COL("module") STORE_ID_COL("chapter")           \
	STORE_COUNT("seen") STORE_COUNT("video_started")                       \
	STORE_COUNT("video_share_sum")                                         \
	STORE_KEY("seen") STORE_KEY("video_started")                           \
	"  PRIMARY KEY (day, module, chapter)\n"                               \
	") STRICT, WITHOUT ROWID;\n"                                           \
	"CREATE TABLE stat_answer (\n"                                         \
	STORE_DAY_COL STORE_ID_COL("module") STORE_ID_COL("question")          \
	STORE_ID_COL("objective")                                              \
	"  choice INTEGER NOT NULL CHECK (choice BETWEEN 0 AND "                \
	STORE_STR(STORE_CHOICE_MAX) "),\n"         \
	"  correct INTEGER NOT NULL CHECK (correct IN (0, 1)),\n"              \
	STORE_COUNT("answers") STORE_KEY("answers")                            \
	"  PRIMARY KEY (day, module, question, objective, choice, correct)\n"  \
	") STRICT, WITHOUT ROWID;\n"                                           \
	"CREATE TABLE stat_group (\n"                                          \
	STORE_DAY_COL STORE_ID_COL("module") STORE_ID_COL("kiosk")             \
	STORE_ID_COL("label")                                                  \
	STORE_FUNNEL_COUNTS("opened_chapter")                                  \
	STORE_FUNNEL_KEYS("opened_chapter")                                    \
	"  PRIMARY KEY (day, module, kiosk, label)\n"                          \
	") STRICT, WITHOUT ROWID;\n"                                           \
	"CREATE TABLE stat_item (\n"                                           \
	STORE_DAY_COL STORE_ID_COL("module") STORE_ID_COL("question")          \
	STORE_ID_COL("objective")                                              \
	STORE_COUNT("finished") STORE_COUNT("item_right")                      \
	STORE_COUNT("rest_sum") STORE_COUNT("cross_sum")                       \
	STORE_COUNT("rest_sq_sum")                                             \
	STORE_KEY("finished") STORE_KEY("item_right")                          \
	"  PRIMARY KEY (day, module, question, objective)\n"                   \
	") STRICT, WITHOUT ROWID;\n"                                           \
	"CREATE TABLE stat_touch (\n"                                          \
	STORE_DAY_COL STORE_COUNT("touched") STORE_KEY("touched")              \
	"  PRIMARY KEY (day)\n"                                                \
	") STRICT, WITHOUT ROWID;\n"                                           \
	"CREATE TABLE batch (\n"                                               \
	"  first_day TEXT NOT NULL PRIMARY KEY CHECK (" STORE_DAY_CHECK("first_day") "),\n" \
	"  last_day TEXT NOT NULL CHECK (" STORE_DAY_CHECK("last_day") " AND last_day >= first_day),\n" \
	STORE_ID_COL("kiosk")                                                  \
	"  size INTEGER NOT NULL CHECK (size >= 0)\n"                          \
	") STRICT, WITHOUT ROWID;\n"

/* Counters added for the rows of a source (src: a one-row SELECT of NEW in
 * the triggers, a table or view in the rebuild). The session sources have
 * the columns of session (with rkey); the chapter and answer sources their
 * own plus rkey. */
#define STORE_DAY_ADD_V4(src)                                                  \
	"INSERT INTO stat_day SELECT day, module, lang,\n"                     \
	"  " STORE_FUNNEL_SUMS("furthest >= 2") "  FROM " src                 \
	" WHERE true GROUP BY day, module, lang\n"                             \
	STORE_FUNNEL_UPDATE("reached_chapter")                                 \
	"INSERT INTO stat_score SELECT day, module, score, count(*), sum(rkey)\n" \
	"  FROM " src " WHERE score IS NOT NULL GROUP BY day, module, score\n" \
	"ON CONFLICT DO UPDATE SET " STORE_ADD("sessions") ", "                \
	STORE_ADD("k_sessions") ";\n"
#define STORE_GROUP_ADD_V4(src)                                                \
	"INSERT INTO stat_group SELECT day, module, kiosk, label,\n"           \
	"  " STORE_FUNNEL_SUMS("chapters_seen > 0") "  FROM " src             \
	" WHERE true GROUP BY day, module, kiosk, label\n"                     \
	STORE_FUNNEL_UPDATE("opened_chapter")
#define STORE_CHAPTER_ADD_V4(src)                                              \
	"INSERT INTO stat_chapter SELECT day, module, chapter, sum(seen),\n"   \
	"  count(video_share), coalesce(sum(video_share), 0), sum(seen * rkey),\n" \
	"  sum((video_share IS NOT NULL) * rkey) FROM " src                    \
	"  WHERE true GROUP BY day, module, chapter\n"                         \
	"ON CONFLICT DO UPDATE SET " STORE_ADD("seen") ", "                    \
	STORE_ADD("video_started") ", " STORE_ADD("video_share_sum") ",\n"     \
	"  " STORE_ADD("k_seen") ", " STORE_ADD("k_video_started") ";\n"
#define STORE_ANSWER_ADD_V4(src)                                               \
	"INSERT INTO stat_answer SELECT day, module, question, objective,\n"   \
	"  choice, correct, count(*), sum(rkey) FROM " src " WHERE true\n"     \
	"  GROUP BY day, module, question, objective, choice, correct\n"       \
	"ON CONFLICT DO UPDATE SET " STORE_ADD("answers") ", "                 \
	STORE_ADD("k_answers") ";\n"
/* One finished answer, as the store adds it: ?1 day, ?2 module, ?3
 * question, ?4 objective, ?5 right (0/1), ?6 the session's other right
 * answers, ?7 the session's record key. */
#define STORE_ITEM_ONE_V4                                                      \
	"INSERT INTO stat_item VALUES (" STORE_CDAY("?1") ", ?2, ?3, ?4, 1, ?5, ?6,\n" \
	"  ?5 * ?6, ?6 * ?6, ?7, ?5 * ?7)\n"                                   \
	"ON CONFLICT DO UPDATE SET " STORE_ADD("finished") ",\n"               \
	"  " STORE_ADD("item_right") ", " STORE_ADD("rest_sum") ",\n"          \
	"  " STORE_ADD("cross_sum") ", " STORE_ADD("rest_sq_sum") ",\n"        \
	"  " STORE_ADD("k_finished") ", " STORE_ADD("k_item_right")
#define STORE_ITEM_ADD_V4                                                      \
	"WITH t(day, session, tot, rkey) AS MATERIALIZED (SELECT a2.day,\n"    \
	"    a2.session, sum(a2.correct), s.rkey FROM answer a2 JOIN session s\n" \
	"    ON s.day = a2.day AND s.id = a2.session WHERE s.score IS NOT NULL\n" \
	"    GROUP BY a2.day, a2.session)\n"                                    \
	"INSERT INTO stat_item SELECT a.day, a.module, a.question, a.objective,\n" \
	"  count(*), sum(a.correct), sum(t.tot - a.correct),\n"                \
	"  sum(a.correct * (t.tot - a.correct)),\n"                            \
	"  sum((t.tot - a.correct) * (t.tot - a.correct)),\n"                  \
	"  sum(t.rkey), sum(a.correct * t.rkey)\n"                             \
	"  FROM answer a CROSS JOIN t\n"                                       \
	"  WHERE t.day = a.day AND t.session = a.session\n"                    \
	"  GROUP BY a.day, a.module, a.question, a.objective;\n"
/* The session's columns as the counters read them, at its counting day. */
#define STORE_NEW_SESSION                                                      \
	"(SELECT " STORE_CDAY("NEW.day") " AS day, NEW.module AS module,"      \
	" NEW.lang AS lang, NEW.kiosk AS kiosk,"                               \
	" coalesce(NEW.label, '-') AS label, NEW.furthest AS furthest,"        \
	" NEW.chapters_seen AS chapters_seen, NEW.ended AS ended,"             \
	" NEW.score AS score, NEW.passed AS passed,"                           \
	" NEW.duration_s AS duration_s, NEW.rkey AS rkey)"
#define STORE_RKEY_OF(day, id)                                                 \
	"coalesce((SELECT rkey FROM session WHERE day = " day " AND id = " id "), 0)"
#define STORE_TRIGGERS_V4                                                      \
	"CREATE TRIGGER session_stats AFTER INSERT ON session BEGIN\n"         \
	STORE_DAY_ADD_V4(STORE_NEW_SESSION) STORE_GROUP_ADD_V4(STORE_NEW_SESSION) \
	"END;\n"                                                               \
	"CREATE TRIGGER chapter_stats AFTER INSERT ON chapter BEGIN\n"         \
	STORE_CHAPTER_ADD_V4("(SELECT " STORE_CDAY("NEW.day") " AS day,"       \
			  " NEW.module AS module, NEW.chapter AS chapter,"     \
			  " NEW.seen AS seen, NEW.video_share AS video_share," \
			  STORE_RKEY_OF("NEW.day", "NEW.session") " AS rkey)") \
	"END;\n"                                                               \
	"CREATE TRIGGER answer_stats AFTER INSERT ON answer BEGIN\n"           \
	STORE_ANSWER_ADD_V4("(SELECT " STORE_CDAY("NEW.day") " AS day,"        \
			 " NEW.module AS module, NEW.question AS question,"    \
			 " NEW.objective AS objective, NEW.choice AS choice,"  \
			 " NEW.correct AS correct,"                            \
			 STORE_RKEY_OF("NEW.day", "NEW.session") " AS rkey)")  \
	"END;\n"
#define STORE_REBUILD_V4                                                       \
	STORE_DAY_ADD_V4("session")                                            \
	STORE_GROUP_ADD_V4("(SELECT day, module, kiosk, coalesce(label, '-') AS label," \
			   " furthest, chapters_seen, ended, score, passed,"   \
			   " duration_s, rkey FROM session)")                  \
	STORE_CHAPTER_ADD_V4("(SELECT c.*, s.rkey FROM chapter c JOIN session s" \
			     " ON s.day = c.day AND s.id = c.session)")        \
	STORE_ANSWER_ADD_V4("(SELECT a.*, s.rkey FROM answer a JOIN session s" \
			    " ON s.day = a.day AND s.id = a.session)")         \
	STORE_ITEM_ADD_V4
/* From version 3 (the label column there): old counters and triggers out,
 * record keys drawn, the new counters computed from the rows. */
#define STORE_SCHEMA_V4                                                        \
	STORE_DROP_TRIGGERS                                                    \
	"DROP TABLE stat_day; DROP TABLE stat_score; DROP TABLE stat_chapter;\n" \
	"DROP TABLE stat_answer; DROP TABLE stat_group; DROP TABLE stat_item;\n" \
	"ALTER TABLE session ADD COLUMN rkey INTEGER NOT NULL DEFAULT 0\n"     \
	"  CHECK (rkey BETWEEN 0 AND 4294967295);\n"                           \
	"UPDATE session SET rkey = random() & 4294967295;\n"                   \
	STORE_STATS_V4 STORE_REBUILD_V4 STORE_TRIGGERS_V4

/* Version 5 (issue 21): the answers to the chapters' own questions, asked
 * at the end of a chapter. chapter_answer: a session's first answer to
 * each (session.h), one row per session and question like `answer`;
 * stat_chapter_answer: its counters by counting day, with key sums, kept
 * by a trigger like stat_answer. Older files have none to count. Every
 * column of chapter_answer is in its key, as in `answer`: SQLite 3.40's
 * quick_check reports "NULL value in chapter_answer.choice" for a WITHOUT
 * ROWID table whose columns outside the key come before key columns, and
 * the store would move a sound file aside as damaged. */
#define STORE_CHAPTER_ANSWER_ADD(src)                                          \
	"INSERT INTO stat_chapter_answer SELECT day, module, chapter, question,\n" \
	"  choice, correct, count(*), sum(rkey) FROM " src " WHERE true\n"     \
	"  GROUP BY day, module, chapter, question, choice, correct\n"         \
	"ON CONFLICT DO UPDATE SET " STORE_ADD("answers") ", "                 \
	STORE_ADD("k_answers") ";\n"
#define STORE_TRIGGERS_V5                                                      \
	"CREATE TRIGGER chapter_answer_stats AFTER INSERT ON chapter_answer BEGIN\n" \
	STORE_CHAPTER_ANSWER_ADD("(SELECT " STORE_CDAY("NEW.day") " AS day,"   \
			 " NEW.module AS module, NEW.chapter AS chapter,"      \
			 " NEW.question AS question, NEW.choice AS choice,"    \
			 " NEW.correct AS correct,"                            \
			 STORE_RKEY_OF("NEW.day", "NEW.session") " AS rkey)")  \
	"END;\n"
/* The counters again from the rows (gen_sessions' bulk loads, which drop
 * the triggers). */
#define STORE_REBUILD_V5                                                       \
	"DELETE FROM stat_chapter_answer;\n"                                   \
	STORE_CHAPTER_ANSWER_ADD("(SELECT a.*, s.rkey FROM chapter_answer a"   \
				 " JOIN session s ON s.day = a.day AND s.id = a.session)")
#define STORE_SCHEMA_V5                                                        \
	"CREATE TABLE chapter_answer (\n"                                      \
	STORE_ID_COL("module")                                                 \
	STORE_ID_COL("chapter")                                                \
	STORE_ID_COL("question")                                               \
	"  choice INTEGER NOT NULL CHECK (choice BETWEEN 0 AND "                \
	STORE_STR(STORE_CHOICE_MAX) "),\n"                                     \
	"  correct INTEGER NOT NULL CHECK (correct IN (0, 1)),\n"              \
	STORE_DAY_COL                                                          \
	"  session BLOB NOT NULL CHECK (length(session) = "                    \
	STORE_STR(STORE_SESSION_BYTES) "),\n"                                  \
	"  PRIMARY KEY (module, chapter, question, choice, correct, day, session)\n" \
	") STRICT, WITHOUT ROWID;\n"                                           \
	"CREATE TABLE stat_chapter_answer (\n"                                 \
	STORE_DAY_COL STORE_ID_COL("module") STORE_ID_COL("chapter")           \
	STORE_ID_COL("question")                                               \
	"  choice INTEGER NOT NULL CHECK (choice BETWEEN 0 AND "                \
	STORE_STR(STORE_CHOICE_MAX) "),\n"                                     \
	"  correct INTEGER NOT NULL CHECK (correct IN (0, 1)),\n"              \
	STORE_COUNT("answers") STORE_KEY("answers")                            \
	"  PRIMARY KEY (day, module, chapter, question, choice, correct)\n"    \
	") STRICT, WITHOUT ROWID;\n"                                           \
	STORE_TRIGGERS_V5

/* Closing (platform/store_batch.h): the pending closed days after the last
 * batch up to ?1 (YYYY-MM-DD), in order, become batches of at least ?2
 * sessions, published under the kiosk id ?3. A day with people who left
 * early but no session joins the batch like any other. */
#define STORE_CLOSE                                                            \
	"INSERT INTO batch (first_day, last_day, kiosk, size)\n"           \
	"WITH RECURSIVE\n"                                                     \
	"  p(day, n) AS (SELECT day, sum(n) FROM (SELECT day, sessions AS n\n" \
	"    FROM stat_day UNION ALL SELECT day, 0 FROM stat_touch)\n"         \
	"    WHERE day > coalesce((SELECT last_day FROM batch\n"               \
	"      ORDER BY first_day DESC LIMIT 1), '') AND day <= ?1 GROUP BY day),\n" \
	"  o(i, day, n) AS (SELECT row_number() OVER (ORDER BY day), day, n FROM p),\n" \
	"  w(i, first, last, acc, cut) AS (SELECT i, day, day, n, n >= ?2 FROM o\n" \
	"      WHERE i = 1\n"                                                  \
	"    UNION ALL SELECT o.i, CASE WHEN w.cut THEN o.day ELSE w.first END,\n" \
	"      o.day, CASE WHEN w.cut THEN o.n ELSE w.acc + o.n END,\n"        \
	"      CASE WHEN w.cut THEN o.n ELSE w.acc + o.n END >= ?2\n"          \
	"      FROM w JOIN o ON o.i = w.i + 1)\n"                              \
	"SELECT first, last, ?3, acc FROM w WHERE cut"

/* The batches of a kiosk database as the reader and the outbox see them:
 * temporary views v_* over the database attached as `src`, one row per
 * batch and counter (the counters of its days), with the same columns as
 * the tables of a batch file (STORE_BATCH_FILE_SCHEMA), so that one
 * reader serves both. */
#define STORE_DAY_COLS                                                         \
	"sessions, reached_home, reached_chapter, reached_quiz, reached_result,\n" \
	"  finished, abandoned, timed_out, quiz_taken, score_sum, passed, duration_sum,\n" \
	"  k_sessions, k_reached_home, k_reached_chapter, k_reached_quiz,\n"   \
	"  k_reached_result, k_finished, k_abandoned, k_timed_out, k_quiz_taken, k_passed"
#define STORE_GROUP_COLS                                                       \
	"sessions, reached_home, opened_chapter, reached_quiz, reached_result,\n" \
	"  finished, abandoned, timed_out, quiz_taken, score_sum, passed, duration_sum,\n" \
	"  k_sessions, k_reached_home, k_opened_chapter, k_reached_quiz,\n"    \
	"  k_reached_result, k_finished, k_abandoned, k_timed_out, k_quiz_taken, k_passed"
/* One row per batch and counter: the counters of the batch's days summed. */
#define STORE_S(c) "sum(s." c ") AS " c
/* The counters of stat_day and stat_group are the same but for the
 * chapter step's name (reached_chapter for a day, opened_chapter for a
 * label). */
#define STORE_COUNTER_SUMS(chapter) \
	STORE_S("sessions") ", " STORE_S("reached_home") ", " \
	STORE_S(chapter) ", " STORE_S("reached_quiz") ", " \
	STORE_S("reached_result") ", " STORE_S("finished") ", " \
	STORE_S("abandoned") ", " STORE_S("timed_out") ", " \
	STORE_S("quiz_taken") ", " STORE_S("score_sum") ", " \
	STORE_S("passed") ", " STORE_S("duration_sum") ", " \
	STORE_S("k_sessions") ", " STORE_S("k_reached_home") ", " \
	STORE_S("k_" chapter) ", " STORE_S("k_reached_quiz") ", " \
	STORE_S("k_reached_result") ", " STORE_S("k_finished") ", " \
	STORE_S("k_abandoned") ", " STORE_S("k_timed_out") ", " \
	STORE_S("k_quiz_taken") ", " STORE_S("k_passed")
#define STORE_DAY_SUMS   STORE_COUNTER_SUMS("reached_chapter")
#define STORE_GROUP_SUMS STORE_COUNTER_SUMS("opened_chapter")
#define STORE_JOIN(t, keys)                                                    \
	" FROM src.batch b JOIN src." t " s ON s.day BETWEEN b.first_day AND b.last_day" \
	" GROUP BY b.first_day, " keys ";\n"
#define STORE_BATCH_VIEWS                                                      \
	"CREATE TEMP VIEW v_batch AS SELECT kiosk, first_day AS batch, last_day,\n" \
	"  size AS sessions, coalesce((SELECT sum(touched) FROM src.stat_touch t\n" \
	"    WHERE t.day BETWEEN b.first_day AND b.last_day), 0) AS touched,\n" \
	"  coalesce((SELECT sum(k_touched) FROM src.stat_touch t\n"            \
	"    WHERE t.day BETWEEN b.first_day AND b.last_day), 0) AS k_touched\n" \
	"  FROM src.batch b;\n"                                                \
	"CREATE TEMP VIEW v_day AS SELECT b.kiosk, b.first_day AS batch,\n"    \
	"  s.module, s.lang, " STORE_DAY_SUMS STORE_JOIN("stat_day", "s.module, s.lang") \
	"CREATE TEMP VIEW v_score AS SELECT b.kiosk, b.first_day AS batch,\n"  \
	"  s.module, s.score, " STORE_S("sessions") ", " STORE_S("k_sessions")  \
	STORE_JOIN("stat_score", "s.module, s.score")                          \
	"CREATE TEMP VIEW v_chapter AS SELECT b.kiosk, b.first_day AS batch,\n" \
	"  s.module, s.chapter, " STORE_S("seen") ", " STORE_S("video_started") ", " \
	STORE_S("video_share_sum") ", " STORE_S("k_seen") ", " STORE_S("k_video_started") \
	STORE_JOIN("stat_chapter", "s.module, s.chapter")                      \
	"CREATE TEMP VIEW v_answer AS SELECT b.kiosk, b.first_day AS batch,\n" \
	"  s.module, s.question, s.objective, s.choice, s.correct, "           \
	STORE_S("answers") ", " STORE_S("k_answers")                           \
	STORE_JOIN("stat_answer", "s.module, s.question, s.objective, s.choice, s.correct") \
	"CREATE TEMP VIEW v_label AS SELECT b.kiosk, b.first_day AS batch,\n"  \
	"  s.module, s.label, " STORE_GROUP_SUMS STORE_JOIN("stat_group", "s.module, s.label") \
	"CREATE TEMP VIEW v_item AS SELECT b.kiosk, b.first_day AS batch,\n"   \
	"  s.module, s.question, s.objective, " STORE_S("finished") ", "       \
	STORE_S("item_right") ", " STORE_S("rest_sum") ", " STORE_S("cross_sum") ", " \
	STORE_S("rest_sq_sum") ", " STORE_S("k_finished") ", " STORE_S("k_item_right") \
	STORE_JOIN("stat_item", "s.module, s.question, s.objective")               \
	"CREATE TEMP VIEW v_chapter_answer AS SELECT b.kiosk, b.first_day AS batch,\n" \
	"  s.module, s.chapter, s.question, s.choice, s.correct, "             \
	STORE_S("answers") ", " STORE_S("k_answers")                           \
	STORE_JOIN("stat_chapter_answer", "s.module, s.chapter, s.question, s.choice, s.correct")
/* A kiosk database of version 4, or a batch file of its time, has no
 * chapter answers (STORE_HAS_TABLE says whether it has the table): the
 * view is then an empty one with the same columns, so the reader and the
 * outbox read old files as they are. */
#define STORE_HAS_TABLE(t)                                                     \
	"SELECT count(*) FROM src.sqlite_schema WHERE type = 'table' AND name = '" t "'"
#define STORE_NO_CHAPTER_ANSWERS                                               \
	"DROP VIEW IF EXISTS temp.v_chapter_answer;\n"                         \
	"CREATE TEMP VIEW v_chapter_answer AS SELECT '' AS kiosk, '' AS batch,\n" \
	"  '' AS module, '' AS chapter, '' AS question, 0 AS choice, 0 AS correct,\n" \
	"  0 AS answers, 0 AS k_answers WHERE false;\n"
/* A batch file (docs/reports.md « Fichiers de lots »): the tables b_*,
 * with the columns of the views above, one row per batch and counter;
 * (kiosk, batch) names a batch (batch: its first day), so a batch found in
 * two files is counted once. Each table's key is its counter's columns,
 * then kiosk and batch: a report sums the rows of a counter in key order,
 * without sorting (kiosk-report --fleet over 100 kiosks, bench/batches.sh). application_id 0x6b62 ('kb') tells it from a
 * kiosk database. The same views over a batch file are plain copies. */
#define STORE_BATCH_FILE_ID 0x6b62
#define STORE_BATCH_FILE_TABLES(x)                                             \
	x("batch", "last_day, sessions, touched, k_touched", "")               \
	x("day", "module, lang, " STORE_DAY_COLS, "module, lang, ")            \
	x("score", "module, score, sessions, k_sessions", "module, score, ")    \
	x("chapter", "module, chapter, seen, video_started, video_share_sum, k_seen, k_video_started", \
	  "module, chapter, ")                                                 \
	x("answer", "module, question, objective, choice, correct, answers, k_answers", \
	  "module, question, objective, choice, correct, ")                    \
	x("label", "module, label, " STORE_GROUP_COLS, "module, label, ")      \
	x("item", "module, question, objective, finished, item_right, rest_sum, cross_sum, " \
	  "rest_sq_sum, k_finished, k_item_right", "module, question, objective, ") \
	x("chapter_answer", "module, chapter, question, choice, correct, answers, k_answers", \
	  "module, chapter, question, choice, correct, ")
/* The sums a batch file carries beside its batches (docs/reports.md), so
 * that a report of all of a file's batches (kiosk-report --fleet: the
 * newest file of each kiosk) reads a few thousand rows of it, in the order
 * it needs them, not every batch's (44,000 rows over 25 months):
 * - s_<name> for each b_<name> but b_batch and b_label: keyed by kiosk and
 *   the counter's columns, each column the sum of b_<name>'s over the
 *   batches (kiosk-export makes them from STORE_BATCH_FILE_TABLES);
 * - s_batch: one row per batch, its last day and the b_day counters summed
 *   over modules and languages (the report's row of each batch);
 * - s_label: b_label summed over modules, keyed by batch then label (the
 *   report pools labels batch by batch).
 * Files without them are read batch by batch. */
#define STORE_BATCH_FILE_SUMS_BY_BATCH                                         \
	"CREATE TABLE main.s_batch (kiosk, batch, last_day, " STORE_DAY_COLS   \
	", PRIMARY KEY (kiosk, batch)) WITHOUT ROWID;\n"                       \
	"INSERT INTO main.s_batch SELECT s.kiosk, s.batch, b.last_day, "       \
	STORE_DAY_SUMS " FROM main.b_day s JOIN main.b_batch b\n"              \
	"  ON b.kiosk = s.kiosk AND b.batch = s.batch\n"                       \
	"  GROUP BY s.kiosk, s.batch ORDER BY s.kiosk, s.batch;\n"             \
	"CREATE TABLE main.s_label (kiosk, batch, label, " STORE_GROUP_COLS    \
	", PRIMARY KEY (kiosk, batch, label)) WITHOUT ROWID;\n"                \
	"INSERT INTO main.s_label SELECT kiosk, batch, label, "                \
	STORE_GROUP_SUMS " FROM main.b_label s\n"                              \
	"  GROUP BY kiosk, batch, label ORDER BY kiosk, batch, label;\n"

// clang-format on

#endif
