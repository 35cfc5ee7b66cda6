/* Writes statistics databases for the report tests and the benchmark.
 *
 *   gen_sessions -o FILE [--random N [--seed S] [--from DAY] [--days D]]
 *
 * Without --random, reads one line per group of identical sessions on
 * stdin, as key=value words ('#' starts a comment):
 *   n=3 day=2024-05-02 lang=fr kiosk=k1 module=m version=1 stage=result
 *   end=finished dur=600 score=80 passed=1 ch=c1:1:100,c2:0:-1
 *   ans=q1:o1:0:1,q2:o2:3:0 label=accueil-12-mars id=<32 hex digits, only with n=1>
 *   cq=c1:q6:1:0 (a chapter question's first answer: chapter:question:choice:right)
 * and `left=N day=...` for N people who touched and left before choosing a
 * language (a counter, no session).
 * --schema 1, 2, 3 or 4 writes a file as older kiosks did (before the
 * welcome-day label, before the counters per kiosk, label and question,
 * before record keys and batches, before chapter answers); the default is
 * the current schema (5),
 * each session with a random record key (reproducible with --seed).
 * The days are then closed into batches as the kiosk does (STORE_CLOSE),
 * through --close DAY (default: every day written), with K from --k
 * (default 5), under --kiosk-id (default: the kiosk of the sessions);
 * --no-close leaves every day open.
 * Each session gets a random id unless id= is given. The schema is the
 * kiosk's own (core/store_schema.h); rows go in with the same columns
 * the store writes. */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>

#include "core/store_schema.h"

enum { MAXCH = 16, MAXQ = 64 };

struct chap {
	char id[32];
	int seen, share;
};
struct ans {
	char q[32], obj[32]; /* obj: the chapter of a chapter answer */
	int choice, correct;
};
struct sess {
	unsigned char id[16];
	char day[11], lang[8], kiosk[32], module[32], label[32];
	int version, stage, end, dur, score, passed;
	int n_ch, n_ans, n_cq;
	struct chap ch[MAXCH];
	struct ans ans[MAXQ], cq[MAXQ];
};

struct gen {
	sqlite3 *db;
	sqlite3_stmt *s_sess, *s_ch, *s_ans, *s_cq;
	unsigned long long rng;
	long long written;
	int schema; /* 5, or 1-4 with --schema: a file as older kiosks wrote it */
};

static unsigned long long rnd(struct gen *g)
{
	/* splitmix64: reproducible data for a given seed. */
	unsigned long long z = (g->rng += 0x9e3779b97f4a7c15ULL);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static int pct(struct gen *g)
{
	return (int)(rnd(g) % 100);
}

static void die_db(struct gen *g, const char *what)
{
	fprintf(stderr, "gen_sessions: %s: %s\n", what, sqlite3_errmsg(g->db));
	exit(1);
}

static void write_session(struct gen *g, const struct sess *s)
{
	sqlite3_stmt *st = g->s_sess;
	int seen = 0;
	for (int i = 0; i < s->n_ch; i++)
		seen += s->ch[i].seen;
	sqlite3_bind_text(st, 1, s->day, -1, SQLITE_STATIC);
	sqlite3_bind_blob(st, 2, s->id, 16, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, s->kiosk, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, s->module, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 5, s->version);
	sqlite3_bind_text(st, 6, s->lang, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 7, s->stage);
	sqlite3_bind_int(st, 8, seen);
	if (s->score < 0)
		sqlite3_bind_null(st, 9);
	else
		sqlite3_bind_int(st, 9, s->score);
	sqlite3_bind_int(st, 10, s->passed);
	sqlite3_bind_int(st, 11, s->end);
	sqlite3_bind_int(st, 12, s->dur);
	if (g->schema >= 4)
		sqlite3_bind_int64(st, 14, (long long)(rnd(g) & 0xffffffffULL));
	if (g->schema >= 2) {
		if (s->label[0])
			sqlite3_bind_text(st, 13, s->label, -1, SQLITE_STATIC);
		else
			sqlite3_bind_null(st, 13);
	}
	if (sqlite3_step(st) != SQLITE_DONE)
		die_db(g, "insert session");
	sqlite3_reset(st);
	for (int i = 0; i < s->n_ch; i++) {
		st = g->s_ch;
		sqlite3_bind_text(st, 1, s->module, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, s->ch[i].id, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, s->day, -1, SQLITE_STATIC);
		sqlite3_bind_blob(st, 4, s->id, 16, SQLITE_STATIC);
		sqlite3_bind_int(st, 5, s->ch[i].seen);
		if (s->ch[i].share < 0)
			sqlite3_bind_null(st, 6);
		else
			sqlite3_bind_int(st, 6, s->ch[i].share);
		if (sqlite3_step(st) != SQLITE_DONE)
			die_db(g, "insert chapter");
		sqlite3_reset(st);
	}
	for (int i = 0; i < s->n_ans; i++) {
		st = g->s_ans;
		sqlite3_bind_text(st, 1, s->module, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, s->ans[i].q, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, s->ans[i].obj, -1, SQLITE_STATIC);
		sqlite3_bind_int(st, 4, s->ans[i].choice);
		sqlite3_bind_int(st, 5, s->ans[i].correct);
		sqlite3_bind_text(st, 6, s->day, -1, SQLITE_STATIC);
		sqlite3_bind_blob(st, 7, s->id, 16, SQLITE_STATIC);
		if (sqlite3_step(st) != SQLITE_DONE)
			die_db(g, "insert answer");
		sqlite3_reset(st);
	}
	for (int i = 0; g->s_cq && i < s->n_cq; i++) {
		st = g->s_cq;
		sqlite3_bind_text(st, 1, s->module, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, s->cq[i].obj, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, s->cq[i].q, -1, SQLITE_STATIC);
		sqlite3_bind_int(st, 4, s->cq[i].choice);
		sqlite3_bind_int(st, 5, s->cq[i].correct);
		sqlite3_bind_text(st, 6, s->day, -1, SQLITE_STATIC);
		sqlite3_bind_blob(st, 7, s->id, 16, SQLITE_STATIC);
		if (sqlite3_step(st) != SQLITE_DONE)
			die_db(g, "insert chapter answer");
		sqlite3_reset(st);
	}
	g->written++;
}

static void random_id(unsigned char id[16])
{
	if (getrandom(id, 16, 0) != 16) {
		perror("getrandom");
		exit(1);
	}
}

static int lookup(const char *v, const char *const *names, int n)
{
	for (int i = 0; i < n; i++)
		if (strcmp(v, names[i]) == 0)
			return i;
	fprintf(stderr, "gen_sessions: unknown value '%s'\n", v);
	exit(2);
}

static const char *const stages[] = {"language", "home", "chapter", "quiz", "result"};
static const char *const ends[] = {"finished", "abandoned", "timed-out"};

static void parse_line(struct gen *g, char *line)
{
	struct sess s = {.version = 1, .stage = 4, .score = -1, .dur = 300};
	strcpy(s.day, "2024-05-02");
	strcpy(s.lang, "fr");
	strcpy(s.kiosk, "k1");
	strcpy(s.module, "tu-me-suis");
	int n = 1, have_id = 0, left = 0;
	for (char *w = strtok(line, " \t\n"); w; w = strtok(NULL, " \t\n")) {
		char *v = strchr(w, '=');
		if (!v) {
			fprintf(stderr, "gen_sessions: bad word '%s'\n", w);
			exit(2);
		}
		*v++ = '\0';
		if (!strcmp(w, "n"))
			n = atoi(v);
		else if (!strcmp(w, "left"))
			left = atoi(v), n = 0;
		else if (!strcmp(w, "day"))
			snprintf(s.day, sizeof s.day, "%s", v);
		else if (!strcmp(w, "lang"))
			snprintf(s.lang, sizeof s.lang, "%s", v);
		else if (!strcmp(w, "kiosk"))
			snprintf(s.kiosk, sizeof s.kiosk, "%s", v);
		else if (!strcmp(w, "label"))
			snprintf(s.label, sizeof s.label, "%s", v);
		else if (!strcmp(w, "module"))
			snprintf(s.module, sizeof s.module, "%s", v);
		else if (!strcmp(w, "version"))
			s.version = atoi(v);
		else if (!strcmp(w, "stage"))
			s.stage = lookup(v, stages, 5);
		else if (!strcmp(w, "end"))
			s.end = lookup(v, ends, 3);
		else if (!strcmp(w, "dur"))
			s.dur = atoi(v);
		else if (!strcmp(w, "score"))
			s.score = atoi(v);
		else if (!strcmp(w, "passed"))
			s.passed = atoi(v);
		else if (!strcmp(w, "id")) {
			for (int i = 0; i < 16; i++)
				sscanf(v + 2 * i, "%2hhx", &s.id[i]);
			have_id = 1;
		} else if (!strcmp(w, "ch")) {
			for (char *it = strtok_r(v, ",", &v); it; it = strtok_r(NULL, ",", &v)) {
				struct chap *c = &s.ch[s.n_ch++];
				if (sscanf(it, "%31[^:]:%d:%d", c->id, &c->seen, &c->share) != 3)
					exit(2);
			}
		} else if (!strcmp(w, "ans")) {
			for (char *it = strtok_r(v, ",", &v); it; it = strtok_r(NULL, ",", &v)) {
				struct ans *a = &s.ans[s.n_ans++];
				if (sscanf(it, "%31[^:]:%31[^:]:%d:%d", a->q, a->obj, &a->choice,
				           &a->correct) != 4)
					exit(2);
			}
		} else if (!strcmp(w, "cq")) {
			for (char *it = strtok_r(v, ",", &v); it; it = strtok_r(NULL, ",", &v)) {
				struct ans *a = &s.cq[s.n_cq++];
				if (sscanf(it, "%31[^:]:%31[^:]:%d:%d", a->obj, a->q, &a->choice,
				           &a->correct) != 4)
					exit(2);
			}
		} else {
			fprintf(stderr, "gen_sessions: unknown key '%s'\n", w);
			exit(2);
		}
	}
	for (int i = 0; i < n; i++) {
		if (!have_id)
			random_id(s.id);
		write_session(g, &s);
	}
	/* left=N: people who touched the screen and left before choosing a
	 * language, on the day's counter (schema 4), each with a key. */
	for (int i = 0; i < left; i++) {
		char *sql =
		    sqlite3_mprintf("INSERT INTO stat_touch VALUES (%Q, 1, %lld) ON CONFLICT "
		                    "DO UPDATE SET touched = touched + 1, k_touched = "
		                    "k_touched + excluded.k_touched",
		                    s.day, (long long)(rnd(g) & 0xffffffffULL));
		if (sqlite3_exec(g->db, sql, NULL, NULL, NULL) != SQLITE_OK)
			die_db(g, "left");
		sqlite3_free(sql);
	}
}

/* A plausible welcome-day population: most people open a few chapters,
 * about two thirds take the quiz, a few walk away. */
static void random_session(struct gen *g, struct sess *s, const char *from, int days)
{
	static const char *const langs[] = {"fr", "fr", "fr", "fr", "fr", "fr",
	                                    "fr", "en", "en", "ar", "uk"};
	static const char *const objs[] = {"visibility", "privacy", "reputation",
	                                   "duty-of-reserve"};
	memset(s, 0, sizeof *s);
	for (int i = 0; i < 16; i++)
		s->id[i] = (unsigned char)rnd(g);
	int y, m, d;
	sscanf(from, "%d-%d-%d", &y, &m, &d);
	/* Days are spread with plain calendar arithmetic done by SQLite
	 * elsewhere; here a month of 28 days keeps dates valid. */
	int off = (int)(rnd(g) % (unsigned)days);
	d += off;
	while (d > 28) {
		d -= 28;
		if (++m > 12) {
			m = 1;
			y++;
		}
	}
	char tmp[40];
	snprintf(tmp, sizeof tmp, "%04d-%02d-%02d", y, m, d);
	memcpy(s->day, tmp, 10);
	s->day[10] = '\0';
	snprintf(s->lang, sizeof s->lang, "%s", langs[rnd(g) % 11]);
	snprintf(s->kiosk, sizeof s->kiosk, "k%d", (int)(rnd(g) % 3) + 1);
	strcpy(s->module, "tu-me-suis");
	s->version = 1;
	int r = pct(g);
	s->stage = r < 5 ? 0 : r < 12 ? 1 : r < 30 ? 2 : r < 36 ? 3 : 4;
	s->score = -1;
	s->end = s->stage == 4 ? (pct(g) < 90 ? 0 : 2) : (pct(g) < 60 ? 1 : 2);
	s->n_ch = 6;
	for (int i = 0; i < 6; i++) {
		struct chap *c = &s->ch[i];
		snprintf(c->id, sizeof c->id, "c%d", i + 1);
		c->seen = s->stage >= 2 && pct(g) < 85 - 8 * i;
		c->share = c->seen ? (pct(g) < 80 ? 100 : pct(g)) : -1;
		/* Chapters 2, 4 and 6 end with a question, as the bundled
		 * module's three: a first answer when the chapter was opened. */
		if (c->seen && i % 2 == 1) {
			struct ans *a = &s->cq[s->n_cq++];
			snprintf(a->obj, sizeof a->obj, "%s", c->id);
			snprintf(a->q, sizeof a->q, "q-c%d", i + 1);
			a->correct = pct(g) < 75;
			a->choice = a->correct ? 1 : (pct(g) < 70 ? 0 : 2);
		}
	}
	if (s->stage >= 3) {
		s->n_ans = s->stage == 4 ? 10 : (int)(rnd(g) % 10);
		int right = 0;
		for (int q = 0; q < s->n_ans; q++) {
			struct ans *a = &s->ans[q];
			snprintf(a->q, sizeof a->q, "q%d", q + 1);
			snprintf(a->obj, sizeof a->obj, "%s", objs[q % 4]);
			a->correct = pct(g) < 90 - 5 * q;
			a->choice = a->correct ? 0 : 1 + (pct(g) < 70 ? 0 : (int)(rnd(g) % 3));
			right += a->correct;
		}
		if (s->stage == 4) {
			s->score = right * 10;
			s->passed = s->score >= 70;
		}
	}
	s->dur = 30 * (2 + (int)(rnd(g) % 40) + 4 * s->stage);
}

int main(int argc, char **argv)
{
	const char *out = NULL, *from = "2024-01-01";
	long long random_n = -1;
	int days = 250;
	struct gen g = {.rng = 42, .schema = 5};
	const char *close_day = "9999-12-31", *close_kiosk = NULL;
	int close_k = 5;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
		if (!strcmp(a, "-o") && v)
			out = v, i++;
		else if (!strcmp(a, "--random") && v)
			random_n = atoll(v), i++;
		else if (!strcmp(a, "--seed") && v)
			g.rng = strtoull(v, NULL, 10), i++;
		else if (!strcmp(a, "--from") && v)
			from = v, i++;
		else if (!strcmp(a, "--days") && v)
			days = atoi(v), i++;
		else if (!strcmp(a, "--schema") && v && v[0] >= '1' && v[0] <= '5' && !v[1])
			g.schema = atoi(v), i++;
		else if (!strcmp(a, "--no-close"))
			close_day = NULL;
		else if (!strcmp(a, "--close") && v)
			close_day = v, i++;
		else if (!strcmp(a, "--kiosk-id") && v)
			close_kiosk = v, i++;
		else if (!strcmp(a, "--k") && v)
			close_k = atoi(v), i++;
		else {
			fprintf(stderr, "usage: gen_sessions -o FILE [--random N [--seed S] "
			                "[--from DAY] [--days D]] [--schema 1|2|3|4] [< spec]\n");
			return 2;
		}
	}
	if (!out || days < 1) {
		fprintf(stderr, "gen_sessions: -o FILE is required\n");
		return 2;
	}
	if (sqlite3_open(out, &g.db) != SQLITE_OK)
		die_db(&g, out);
	char *err = NULL;
	int version = 0;
	sqlite3_stmt *st;
	sqlite3_prepare_v2(g.db, "PRAGMA user_version", -1, &st, NULL);
	if (sqlite3_step(st) == SQLITE_ROW)
		version = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	if (version)
		g.schema = version;
	const char *setup =
	    version         ? "PRAGMA synchronous=OFF; PRAGMA cache_size=-1000000; BEGIN;"
	    : g.schema == 1 ? "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF;"
	                      "PRAGMA cache_size=-1000000; BEGIN;" STORE_SCHEMA_V1
	                      "PRAGMA user_version=1;"
	    : g.schema == 2 ? "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF;"
	                      "PRAGMA cache_size=-1000000; BEGIN;" STORE_SCHEMA_V1 STORE_SCHEMA_V2
	                      "PRAGMA user_version=2;"
	    : g.schema == 3 ? "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF;"
	                      "PRAGMA cache_size=-1000000; BEGIN;" STORE_SCHEMA_V1 STORE_SCHEMA_V2
	                          STORE_SCHEMA_V3 "PRAGMA user_version=3;"
	    : g.schema == 4 ? "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF;"
	                      "PRAGMA cache_size=-1000000; BEGIN;" STORE_SCHEMA_V1 STORE_SCHEMA_V2
	                          STORE_SCHEMA_V3 STORE_SCHEMA_V4 "PRAGMA user_version=4;"
	                    : "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF;"
	                      "PRAGMA cache_size=-1000000; BEGIN;" STORE_SCHEMA_V1 STORE_SCHEMA_V2
	                          STORE_SCHEMA_V3 STORE_SCHEMA_V4 STORE_SCHEMA_V5
	                      "PRAGMA user_version=5;";
	if (sqlite3_exec(g.db, setup, NULL, NULL, &err) != SQLITE_OK) {
		fprintf(stderr, "gen_sessions: schema: %s\n", err);
		return 1;
	}
	char *ins = sqlite3_mprintf(
	    "INSERT INTO session (day, id, kiosk, module, module_version, lang, furthest, "
	    "chapters_seen, score, passed, ended, duration_s%s%s) VALUES "
	    "(?,?,?,?,?,?,?,?,?,?,?,?%s%s)",
	    g.schema >= 2 ? ", label" : "", g.schema >= 4 ? ", rkey" : "",
	    g.schema >= 2 ? ",?" : "", g.schema >= 4 ? ",?" : "");
	int prc = sqlite3_prepare_v2(g.db, ins, -1, &g.s_sess, NULL);
	sqlite3_free(ins);
	if (prc != SQLITE_OK ||
	    sqlite3_prepare_v2(g.db,
	                       "INSERT INTO chapter (module, chapter, day, session, seen, "
	                       "video_share) VALUES (?,?,?,?,?,?)",
	                       -1, &g.s_ch, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(g.db,
	                       "INSERT INTO answer (module, question, objective, choice, "
	                       "correct, day, session) VALUES (?,?,?,?,?,?,?)",
	                       -1, &g.s_ans, NULL) != SQLITE_OK ||
	    (g.schema >= 5 &&
	     sqlite3_prepare_v2(g.db,
	                        "INSERT INTO chapter_answer (module, chapter, question, choice, "
	                        "correct, day, session) VALUES (?,?,?,?,?,?,?)",
	                        -1, &g.s_cq, NULL) != SQLITE_OK))
		die_db(&g, "prepare");
	/* Bulk loads skip the per-row triggers and recount once at the end:
	 * the same figures, several times faster. */
	if (random_n >= 0 &&
	    sqlite3_exec(g.db, STORE_DROP_TRIGGERS, NULL, NULL, &err) != SQLITE_OK) {
		fprintf(stderr, "gen_sessions: %s\n", err);
		return 1;
	}
	if (random_n >= 0) {
		struct sess s;
		for (long long i = 0; i < random_n; i++) {
			random_session(&g, &s, from, days);
			write_session(&g, &s);
		}
	} else {
		char line[8192];
		while (fgets(line, sizeof line, stdin)) {
			char *hash = strchr(line, '#');
			if (hash)
				*hash = '\0';
			if (strspn(line, " \t\n") == strlen(line))
				continue;
			parse_line(&g, line);
		}
	}
	sqlite3_finalize(g.s_sess);
	sqlite3_finalize(g.s_ch);
	sqlite3_finalize(g.s_ans);
	sqlite3_finalize(g.s_cq);
	if (g.schema >= 4 && g.written > 0) {
		if (sqlite3_exec(
		        g.db,
		        random_n >= 0
		            ? "DELETE FROM stat_day; DELETE FROM stat_score;"
		              "DELETE FROM stat_chapter; DELETE FROM stat_answer;"
		              "DELETE FROM stat_group; DELETE FROM stat_item;" STORE_REBUILD_V4
		                  STORE_TRIGGERS_V4
		            : "DELETE FROM stat_item;" STORE_ITEM_ADD_V4,
		        NULL, NULL, &err) != SQLITE_OK) {
			fprintf(stderr, "gen_sessions: rebuild: %s\n", err);
			return 1;
		}
		if (g.schema >= 5 && random_n >= 0 &&
		    sqlite3_exec(g.db, STORE_REBUILD_V5 STORE_TRIGGERS_V5, NULL, NULL, &err) !=
		        SQLITE_OK) {
			fprintf(stderr, "gen_sessions: rebuild: %s\n", err);
			return 1;
		}
	} else if (random_n >= 0 && sqlite3_exec(g.db, STORE_REBUILD_STATS STORE_TRIGGERS_V1, NULL,
	                                         NULL, &err) != SQLITE_OK) {
		fprintf(stderr, "gen_sessions: rebuild: %s\n", err);
		return 1;
	}
	/* The store writes stat_item with each session; rows written here
	 * get theirs recomputed (and stat_group too, after a bulk load). */
	if (g.schema == 3 && sqlite3_exec(g.db,
	                                  random_n >= 0 ? STORE_REBUILD_V3 STORE_TRIGGERS_V3
	                                                : "DELETE FROM stat_item;" STORE_ITEM_ADD(
	                                                      "answer", "session"),
	                                  NULL, NULL, &err) != SQLITE_OK) {
		fprintf(stderr, "gen_sessions: rebuild: %s\n", err);
		return 1;
	}
	if (close_day && g.schema >= 4) {
		sqlite3_stmt *cl;
		if (sqlite3_prepare_v2(g.db, STORE_CLOSE, -1, &cl, NULL) != SQLITE_OK)
			die_db(&g, "close");
		sqlite3_bind_text(cl, 1, close_day, -1, SQLITE_STATIC);
		sqlite3_bind_int(cl, 2, close_k);
		if (close_kiosk)
			sqlite3_bind_text(cl, 3, close_kiosk, -1, SQLITE_STATIC);
		else {
			sqlite3_stmt *q;
			sqlite3_prepare_v2(g.db, "SELECT coalesce(min(kiosk), 'k1') FROM session",
			                   -1, &q, NULL);
			sqlite3_step(q);
			sqlite3_bind_text(cl, 3, (const char *)sqlite3_column_text(q, 0), -1,
			                  SQLITE_TRANSIENT);
			sqlite3_finalize(q);
		}
		if (sqlite3_step(cl) != SQLITE_DONE)
			die_db(&g, "close");
		sqlite3_finalize(cl);
	}
	if (sqlite3_exec(g.db, "COMMIT; PRAGMA wal_checkpoint(TRUNCATE);", NULL, NULL, &err) !=
	    SQLITE_OK) {
		fprintf(stderr, "gen_sessions: commit: %s\n", err);
		return 1;
	}
	sqlite3_close(g.db);
	fprintf(stderr, "gen_sessions: %lld sessions written to %s\n", g.written, out);
	return 0;
}
