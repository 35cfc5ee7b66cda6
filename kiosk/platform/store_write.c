/* Saving sessions, the in-memory queue, and the trainer's summary. */
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "platform/store_priv.h"
#include "core/store_schema.h"
#include "core/log.h"
#include "core/trainer_view.h"

/* Module ids are meant to be lower-case already; this makes sure a stray
 * capital or space in a content file cannot make every save fail the
 * schema's CHECK and pile sessions up in the queue forever. */
static void clean_id(char *id, size_t size)
{
	size_t n = strnlen(id, size - 1);
	id[n] = '\0';
	if (n > STORE_ID_MAX)
		id[n = STORE_ID_MAX] = '\0';
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)id[i];
		c = (unsigned char)tolower(c);
		id[i] = isalnum(c) || c == '-' || c == '_' || c == '.' ? (char)c : '-';
	}
	for (size_t i = 1; i + 1 < n; i++)
		if (id[i] == 'h' && isdigit((unsigned char)id[i - 1]) &&
		    isdigit((unsigned char)id[i + 1]))
			id[i] = '-';
	if (n == 0)
		snprintf(id, size, "unknown");
}

static int clamp(int v, int lo, int hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

static bool valid_day(const char *d)
{
	int y, m, dd;
	char tail;
	return strnlen(d, 11) == 10 && sscanf(d, "%4d-%2d-%2d%c", &y, &m, &dd, &tail) == 3 &&
	       m >= 1 && m <= 12 && dd >= 1 && dd <= 31;
}

/* Makes a record the schema will accept, so that a save can only fail for
 * a reason that goes away (lock, disk), never for its content. The store
 * is the one that gives a record its id, its day and its kiosk (the flow
 * hands over what the person did only); a record that brings its own (the
 * tests, the generator) keeps them. */
static void clean_record(const struct store *s, struct session_record *r)
{
	r->id[SESSION_ID_LEN] = '\0';
	if (strspn(r->id, "0123456789abcdef") != SESSION_ID_LEN)
		session_new_id(r->id);
	if (!valid_day(r->day))
		session_today(r->day);
	if (!r->kiosk_id[0])
		snprintf(r->kiosk_id, sizeof r->kiosk_id, "%s", s->kiosk);
	clean_id(r->kiosk_id, sizeof r->kiosk_id);
	clean_id(r->module_id, sizeof r->module_id);
	r->label[sizeof r->label - 1] = '\0';
	if (r->label[0])
		clean_id(r->label, sizeof r->label);
	r->lang[sizeof r->lang - 1] = '\0';
	for (char *p = r->lang; *p; p++)
		*p = isalpha((unsigned char)*p) ? (char)tolower((unsigned char)*p) : '-';
	if (strlen(r->lang) < 2)
		snprintf(r->lang, sizeof r->lang, "und");
	r->module_version = clamp(r->module_version, 0, 9999);
	r->furthest = (enum session_stage)clamp((int)r->furthest, STAGE_LANGUAGE, STAGE_RESULT);
	r->end = (enum session_end)clamp((int)r->end, END_FINISHED, END_TIMED_OUT);
	r->n_chapters = clamp(r->n_chapters, 0, CONTENT_MAX_CHAPTERS);
	r->n_answers = clamp(r->n_answers, 0, CONTENT_MAX_QUESTIONS);
	r->score = r->score < 0 ? -1 : clamp(r->score, 0, 100);
	r->duration_s = clamp((r->duration_s + 15) / 30 * 30, 0, 14400);
	for (int i = 0; i < r->n_chapters; i++) {
		clean_id(r->chapters[i].id, sizeof r->chapters[i].id);
		int v = r->chapters[i].video_share;
		r->chapters[i].video_share = v < 0 ? -1 : clamp(v, 0, 100);
	}
	/* One answer per question and session (the first), so a question
	 * counts people, not attempts. */
	int kept = 0;
	for (int i = 0; i < r->n_answers; i++) {
		struct session_answer a = r->answers[i];
		clean_id(a.question_id, sizeof a.question_id);
		clean_id(a.objective, sizeof a.objective);
		a.choice = clamp(a.choice, 0, STORE_CHOICE_MAX);
		bool dup = false;
		for (int j = 0; j < kept && !dup; j++)
			dup = strcmp(r->answers[j].question_id, a.question_id) == 0;
		if (!dup)
			r->answers[kept++] = a;
	}
	r->n_answers = kept;
	r->n_chapter_answers = clamp(r->n_chapter_answers, 0, CONTENT_MAX_QUESTIONS);
	kept = 0;
	for (int i = 0; i < r->n_chapter_answers; i++) {
		struct session_chapter_answer a = r->chapter_answers[i];
		clean_id(a.chapter_id, sizeof a.chapter_id);
		clean_id(a.question_id, sizeof a.question_id);
		a.choice = clamp(a.choice, 0, STORE_CHOICE_MAX);
		bool dup = false;
		for (int j = 0; j < kept && !dup; j++)
			dup = strcmp(r->chapter_answers[j].chapter_id, a.chapter_id) == 0 &&
			      strcmp(r->chapter_answers[j].question_id, a.question_id) == 0;
		if (!dup)
			r->chapter_answers[kept++] = a;
	}
	r->n_chapter_answers = kept;
}

static void id_bytes(const char *hex, unsigned char out[STORE_SESSION_BYTES])
{
	for (int i = 0; i < STORE_SESSION_BYTES; i++) {
		unsigned v = 0;
		sscanf(hex + 2 * i, "%2x", &v);
		out[i] = (unsigned char)v;
	}
}

static int step_done(sqlite3_stmt *st)
{
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* The session's record key (core/cellkey.h): 32 of the random bits of its
 * id (session_new_id draws them from getrandom), so it is drawn from
 * nothing about the session, and the same sessions saved in any order give
 * the same file (tests/privacy/page_order.sh). */
static long long record_key(const unsigned char id[STORE_SESSION_BYTES])
{
	return (long long)((uint32_t)id[12] << 24 | (uint32_t)id[13] << 16 | (uint32_t)id[14] << 8 |
	                   id[15]);
}

/* The item-rest sums of a finished quiz (store_schema.h, stat_item). */
static int add_items(struct store *s, const struct session_record *r, long long rkey)
{
	sqlite3_stmt *st = NULL;
	int right = 0, rc = sqlite3_prepare_v2(s->db, STORE_ITEM_ONE_V4, -1, &st, NULL);
	for (int i = 0; i < r->n_answers; i++)
		right += r->answers[i].correct;
	for (int i = 0; rc == SQLITE_OK && i < r->n_answers; i++) {
		const struct session_answer *a = &r->answers[i];
		sqlite3_bind_text(st, 1, r->day, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, r->module_id, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, a->question_id, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 4, a->objective, -1, SQLITE_STATIC);
		sqlite3_bind_int(st, 5, a->correct);
		sqlite3_bind_int(st, 6, right - a->correct);
		sqlite3_bind_int64(st, 7, rkey);
		rc = step_done(st);
	}
	sqlite3_finalize(st);
	return rc;
}

/* The first answers to the chapters' questions (store_schema.h, version
 * 5); a trigger counts them. */
static int insert_chapter_answers(struct store *s, const struct session_record *r,
                                  const unsigned char id[STORE_SESSION_BYTES])
{
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(s->db,
	                            "INSERT OR IGNORE INTO chapter_answer (module, chapter, "
	                            "question, choice, correct, day, session) VALUES "
	                            "(?,?,?,?,?,?,?)",
	                            -1, &st, NULL);
	for (int i = 0; rc == SQLITE_OK && i < r->n_chapter_answers; i++) {
		const struct session_chapter_answer *a = &r->chapter_answers[i];
		sqlite3_bind_text(st, 1, r->module_id, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, a->chapter_id, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, a->question_id, -1, SQLITE_STATIC);
		sqlite3_bind_int(st, 4, a->choice);
		sqlite3_bind_int(st, 5, a->correct);
		sqlite3_bind_text(st, 6, r->day, -1, SQLITE_STATIC);
		sqlite3_bind_blob(st, 7, id, STORE_SESSION_BYTES, SQLITE_STATIC);
		rc = step_done(st);
	}
	sqlite3_finalize(st);
	return rc;
}

/* INSERT OR IGNORE makes a retry harmless when a commit did reach the disk
 * but reported an error. */
static int insert_rows(struct store *s, const struct session_record *r,
                       const unsigned char id[STORE_SESSION_BYTES])
{
	sqlite3_stmt *ss = NULL, *sc = NULL, *sa = NULL;
	int rc = sqlite3_prepare_v2(
	    s->db,
	    "INSERT OR IGNORE INTO session (day, id, kiosk, module, "
	    "module_version, lang, furthest, chapters_seen, score, passed, "
	    "ended, duration_s, label, rkey) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
	    -1, &ss, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_prepare_v2(s->db,
		                        "INSERT OR IGNORE INTO chapter (module, chapter, day, "
		                        "session, seen, video_share) VALUES (?,?,?,?,?,?)",
		                        -1, &sc, NULL);
	if (rc == SQLITE_OK)
		rc =
		    sqlite3_prepare_v2(s->db,
		                       "INSERT OR IGNORE INTO answer (module, question, objective, "
		                       "choice, correct, day, session) VALUES (?,?,?,?,?,?,?)",
		                       -1, &sa, NULL);
	int seen = 0;
	long long rkey = record_key(id);
	for (int i = 0; i < r->n_chapters; i++)
		seen += r->chapters[i].seen;
	if (rc == SQLITE_OK) {
		sqlite3_bind_text(ss, 1, r->day, -1, SQLITE_STATIC);
		sqlite3_bind_blob(ss, 2, id, STORE_SESSION_BYTES, SQLITE_STATIC);
		sqlite3_bind_text(ss, 3, r->kiosk_id, -1, SQLITE_STATIC);
		sqlite3_bind_text(ss, 4, r->module_id, -1, SQLITE_STATIC);
		sqlite3_bind_int(ss, 5, r->module_version);
		sqlite3_bind_text(ss, 6, r->lang, -1, SQLITE_STATIC);
		sqlite3_bind_int(ss, 7, (int)r->furthest);
		sqlite3_bind_int(ss, 8, clamp(seen, 0, CONTENT_MAX_CHAPTERS));
		if (r->score < 0)
			sqlite3_bind_null(ss, 9);
		else
			sqlite3_bind_int(ss, 9, r->score);
		sqlite3_bind_int(ss, 10, r->passed);
		sqlite3_bind_int(ss, 11, (int)r->end);
		sqlite3_bind_int(ss, 12, r->duration_s);
		if (r->label[0])
			sqlite3_bind_text(ss, 13, r->label, -1, SQLITE_STATIC);
		else
			sqlite3_bind_null(ss, 13);
		sqlite3_bind_int64(ss, 14, rkey);
		rc = step_done(ss);
	}
	/* Ignored (saved before, its commit reported an error): its counters
	 * are in already. */
	bool inserted = rc == SQLITE_OK && sqlite3_changes(s->db) == 1;
	for (int i = 0; rc == SQLITE_OK && i < r->n_chapters; i++) {
		const struct session_chapter *c = &r->chapters[i];
		sqlite3_bind_text(sc, 1, r->module_id, -1, SQLITE_STATIC);
		sqlite3_bind_text(sc, 2, c->id, -1, SQLITE_STATIC);
		sqlite3_bind_text(sc, 3, r->day, -1, SQLITE_STATIC);
		sqlite3_bind_blob(sc, 4, id, STORE_SESSION_BYTES, SQLITE_STATIC);
		sqlite3_bind_int(sc, 5, c->seen);
		if (c->video_share < 0)
			sqlite3_bind_null(sc, 6);
		else
			sqlite3_bind_int(sc, 6, c->video_share);
		rc = step_done(sc);
	}
	for (int i = 0; rc == SQLITE_OK && i < r->n_answers; i++) {
		const struct session_answer *a = &r->answers[i];
		sqlite3_bind_text(sa, 1, r->module_id, -1, SQLITE_STATIC);
		sqlite3_bind_text(sa, 2, a->question_id, -1, SQLITE_STATIC);
		sqlite3_bind_text(sa, 3, a->objective, -1, SQLITE_STATIC);
		sqlite3_bind_int(sa, 4, a->choice);
		sqlite3_bind_int(sa, 5, a->correct);
		sqlite3_bind_text(sa, 6, r->day, -1, SQLITE_STATIC);
		sqlite3_bind_blob(sa, 7, id, STORE_SESSION_BYTES, SQLITE_STATIC);
		rc = step_done(sa);
	}
	sqlite3_finalize(ss);
	sqlite3_finalize(sc);
	sqlite3_finalize(sa);
	if (rc == SQLITE_OK && r->n_chapter_answers > 0)
		rc = insert_chapter_answers(s, r, id);
	if (rc == SQLITE_OK && inserted && r->score >= 0)
		rc = add_items(s, r, rkey);
	return rc;
}

/* One session, one transaction. 0 or the SQLite code of the failure. */
static int write_one(struct store *s, const struct session_record *r)
{
	if (!s->db)
		return s->fault ? s->fault : SQLITE_CANTOPEN;
	unsigned char id[STORE_SESSION_BYTES];
	id_bytes(r->id, id);
	int rc = sqlite3_exec(s->db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = insert_rows(s, r, id);
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL);
	if (rc != SQLITE_OK) {
		int code = rc;
		store_keep_error(s);
		if (!sqlite3_get_autocommit(s->db))
			sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
		return code;
	}
	s->unordered = true;
	return SQLITE_OK;
}

/* The whole queue in one transaction (one sync instead of one per session);
 * on any failure nothing is written and the caller goes one by one. */
static int write_all(struct store *s)
{
	if (!s->db || sqlite3_exec(s->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
		return SQLITE_BUSY;
	int rc = SQLITE_OK;
	for (int i = 0; rc == SQLITE_OK && i < s->q_len; i++) {
		const struct session_record *r = &s->queue[(s->q_head + i) % STORE_QUEUE_MAX];
		unsigned char id[STORE_SESSION_BYTES];
		id_bytes(r->id, id);
		rc = insert_rows(s, r, id);
	}
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL);
	if (rc != SQLITE_OK && !sqlite3_get_autocommit(s->db))
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
	if (rc == SQLITE_OK)
		s->unordered = true;
	return rc;
}

static void enqueue(struct store *s, const struct session_record *r)
{
	if (s->q_len == STORE_QUEUE_MAX) {
		/* The oldest goes: memory stays bounded on a kiosk left
		 * running for weeks with a broken disk. */
		s->q_head = (s->q_head + 1) % STORE_QUEUE_MAX;
		s->q_len--;
		if (s->lost++ == 0)
			log_err("store", "queue full (%d sessions); dropping the oldest",
			        STORE_QUEUE_MAX);
	}
	s->queue[(s->q_head + s->q_len) % STORE_QUEUE_MAX] = *r;
	s->q_len++;
}

void store_retry(struct store *s)
{
	if (!s)
		return;
	if (!s->db && store_open_db(s, false) != SQLITE_OK)
		return;
	if (s->fault == SQLITE_READONLY && s->q_len > 0 &&
	    sqlite3_db_readonly(s->db, "main") == 1) {
		/* Read-only at open time (remounted disk): reopen to see
		 * whether it has become writable. */
		store_close_db(s);
		if (store_open_db(s, false) != SQLITE_OK)
			return;
	}
	int saved = 0;
	/* The background rewrite holds the file for a moment: the sessions
	 * wait in the queue for the next retry rather than fail. */
	if (store_rewriting(s))
		return;
	store_flush_touches(s);
	/* A rewrite postponed because another process held the file. */
	if (s->q_len == 0)
		store_reorder(s);
	if (s->q_len > 1 && write_all(s) == SQLITE_OK) {
		saved = s->q_len;
		s->q_head = (s->q_head + s->q_len) % STORE_QUEUE_MAX;
		s->q_len = 0;
	}
	while (s->q_len > 0) {
		int rc = write_one(s, &s->queue[s->q_head]);
		if (rc == SQLITE_CONSTRAINT || rc == SQLITE_MISMATCH || rc == SQLITE_TOOBIG) {
			/* clean_record() should make this impossible; if not,
			 * retrying would never succeed and would hold up every
			 * session queued behind this one. */
			log_err("store", "a session was refused by the schema (%s); dropped",
			        s->error);
			s->error[0] = '\0';
		} else if (rc != SQLITE_OK) {
			store_reorder(s);
			store_note_fault(s, rc, "cannot save a session");
			return;
		}
		s->q_head = (s->q_head + 1) % STORE_QUEUE_MAX;
		s->q_len--;
		saved++;
	}
	/* Once per batch: the new cells sit below the others in their page,
	 * in the order they were saved, until the file is rewritten. */
	store_reorder(s);
	if (s->fault)
		log_info("store", "%s writable again; %d queued session(s) saved", s->path, saved);
	s->fault = 0;
	store_update_problem(s);
}

void store_save(struct store *s, const struct session_record *r)
{
	if (!s || !r)
		return;
	struct session_record copy = *r;
	clean_record(s, &copy);
	enqueue(s, &copy);
	store_retry(s);
}

int store_pending(const struct store *s)
{
	return s ? s->q_len : 0;
}

const char *store_problem(const struct store *s)
{
	return s && s->problem[0] ? s->problem : NULL;
}

int store_counts(struct store *s, const char *from, const char *to, struct trainer_counts *out)
{
	memset(out, 0, sizeof *out);
	if (!s || !s->db)
		return -1;
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(s->db,
	                            "SELECT total(sessions), total(finished), total(quiz_taken), "
	                            "total(passed), total(score_sum) FROM stat_day "
	                            "WHERE day BETWEEN ? AND ?",
	                            -1, &st, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_bind_text(st, 1, from, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, to, -1, SQLITE_STATIC);
		rc = sqlite3_step(st);
	}
	if (rc != SQLITE_ROW) {
		log_warn("store", "counts: %s", sqlite3_errmsg(s->db));
		sqlite3_finalize(st);
		return -1;
	}
	out->sessions = (long long)sqlite3_column_double(st, 0);
	out->finished = (long long)sqlite3_column_double(st, 1);
	out->quiz_taken = (long long)sqlite3_column_double(st, 2);
	out->passed = (long long)sqlite3_column_double(st, 3);
	out->score_sum = (long long)sqlite3_column_double(st, 4);
	sqlite3_finalize(st);
	return 0;
}

void store_destroy(struct store *s)
{
	if (!s)
		return;
	/* The last writes and rewrite happen here, on this thread. */
	store_reorder_join(s);
	s->background = false;
	store_retry(s);
	if (s->q_len > 0)
		log_err("store", "%d session(s) could not be saved before exit", s->q_len);
	if (s->touches > 0)
		log_err("store", "%d early leaver(s) could not be counted before exit", s->touches);
	store_close_db(s);
	pthread_mutex_destroy(&s->lock);
	free(s->queue);
	free(s->path);
	free(s);
}

int store_debug_exec(struct store *s, const char *sql)
{
	if (!s || !s->db)
		return SQLITE_MISUSE;
	return sqlite3_exec(s->db, sql, NULL, NULL, NULL);
}
