/* A period's figures per chapter and per question for the trainer screen,
 * read from the daily counters (stat_*): the caller shows them under the
 * rule of core/trainer_snap.h. */
#include <stdio.h>
#include <string.h>

#include "platform/store_day.h"
#include "platform/store_priv.h"

int store_period_figures(struct store *s, const char *from, const char *to,
                         struct trainer_snap *out)
{
	memset(out, 0, sizeof *out);
	snprintf(out->from, sizeof out->from, "%s", from);
	snprintf(out->to, sizeof out->to, "%s", to);
	if (!s || !s->db)
		return -1;
	static const char *const sql[] = {
	    "SELECT total(sessions) FROM stat_day WHERE day BETWEEN ?1 AND ?2",
	    "SELECT c.chapter, d.s, c.seen FROM (SELECT chapter, total(seen) AS seen FROM "
	    "stat_chapter WHERE day BETWEEN ?1 AND ?2 GROUP BY chapter) c, (SELECT "
	    "total(sessions) AS s FROM stat_day WHERE day BETWEEN ?1 AND ?2) d",
	    "SELECT question, total(answers), total(answers * correct) FROM stat_answer WHERE "
	    "day BETWEEN ?1 AND ?2 GROUP BY question",
	};
	for (int q = 0; q < 3; q++) {
		sqlite3_stmt *st = NULL;
		if (sqlite3_prepare_v2(s->db, sql[q], -1, &st, NULL) != SQLITE_OK)
			return -1;
		sqlite3_bind_text(st, 1, from, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, to, -1, SQLITE_STATIC);
		int rc;
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			if (q == 0) {
				out->sessions = (long long)sqlite3_column_double(st, 0);
				continue;
			}
			if (out->n == SNAP_MAX_BARS)
				continue;
			struct snap_bar *b = &out->bars[out->n++];
			const char *id = (const char *)sqlite3_column_text(st, 0);
			snprintf(b->id, sizeof b->id, "%s", id ? id : "");
			b->question = q == 2;
			b->base = (long long)sqlite3_column_double(st, 1);
			b->part = (long long)sqlite3_column_double(st, 2);
		}
		sqlite3_finalize(st);
		if (rc != SQLITE_DONE)
			return -1;
	}
	return 0;
}

long long store_file_bytes(struct store *s)
{
	if (!s || !s->db)
		return -1;
	sqlite3_stmt *st = NULL;
	long long n = -1;
	if (sqlite3_prepare_v2(s->db,
	                       "SELECT page_count * page_size FROM pragma_page_count(), "
	                       "pragma_page_size()",
	                       -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
}
