/* The size of the statistics database, for the trainer screen's « Borne »
 * page. */
#include "platform/store_day.h"
#include "platform/store_priv.h"

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
