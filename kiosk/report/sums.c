/* Reading a batch file through its sums (docs/reports.md « Fichiers de
 * lots », core/store_schema.h STORE_BATCH_FILE_SUMS_BY_BATCH): when
 * every batch of the file goes into the report (kiosk-report --fleet reads
 * the newest file of each kiosk, which holds all of its batches), the
 * views v_<name> are pointed at the file's s_<name> tables, one row per
 * counter summed over the batches, instead of b_<name>'s row per batch and
 * counter; v_label at s_label, the labels of each batch in the order the
 * report pools them. 100 kiosks x 25 months: 2,300 rows of each file
 * instead of 44,000 (bench/batches.sh). The figures are the same: the sums
 * are integers, and addition does not care about the order.
 *
 * The sums are trusted as far as the rest of the file is: s_batch must have
 * as many batches and sessions as b_batch, and every value is checked as
 * the batch rows are when it is read. */
#include <sqlite3.h>
#include <string.h>

#include "core/store_schema.h"
#include "report/report.h"

static long long one_int(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *st = NULL;
	long long v = -1;
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW && sqlite3_column_type(st, 0) == SQLITE_INTEGER)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

/* The view v_<name> as select (its columns kiosk, batch, then cols). */
static int view(sqlite3 *db, const char *name, const char *select)
{
	char *sql = sqlite3_mprintf("DROP VIEW IF EXISTS temp.v_%s; CREATE TEMP VIEW v_%s AS %s;",
	                            name, name, select);
	int rc = sql && sqlite3_exec(db, sql, NULL, NULL, NULL) == SQLITE_OK ? 0 : -1;
	sqlite3_free(sql);
	return rc;
}

int report_use_sums(sqlite3 *db)
{
	/* The s_* tables of the file, as one string ",s_day,s_score,". */
	sqlite3_stmt *st = NULL;
	char have[512] = ",";
	if (sqlite3_prepare_v2(db,
	                       "SELECT name FROM src.sqlite_schema WHERE type = 'table' AND "
	                       "name GLOB 's_*'",
	                       -1, &st, NULL) != SQLITE_OK)
		return -1;
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *n = (const char *)sqlite3_column_text(st, 0);
		size_t l = strlen(have);
		if (n && strlen(n) < 32 && l + strlen(n) + 2 < sizeof have)
			snprintf(have + l, sizeof have - l, "%s,", n);
	}
	sqlite3_finalize(st);
	/* Without s_batch and s_label (an older file), batch by batch. */
	if (!strstr(have, ",s_batch,") || !strstr(have, ",s_label,"))
		return 0;
	long long batches = one_int(db, "SELECT count(*) FROM src.b_batch"),
	          sessions = one_int(db, "SELECT coalesce(sum(sessions), 0) FROM src.b_batch"),
	          sum_batches = one_int(db, "SELECT count(*) FROM src.s_batch"),
	          sum_sessions = one_int(db, "SELECT coalesce(sum(sessions), 0) FROM src.s_batch");
	if (batches < 0 || sessions < 0 || batches != sum_batches || sessions != sum_sessions)
		return -2;
	int rc = view(db, "label",
	              "SELECT kiosk, batch, NULL AS module, label, " STORE_GROUP_COLS
	              " FROM src.s_label");
#define SWAP(name, cols, keys)                                                                     \
	if (rc == 0 && strcmp(name, "batch") && strcmp(name, "label") &&                           \
	    strstr(have, ",s_" name ","))                                                          \
		rc = view(db, name, "SELECT kiosk, NULL AS batch, " cols " FROM src.s_" name);
	STORE_BATCH_FILE_TABLES(SWAP)
#undef SWAP
	return rc < 0 ? -1 : 1;
}
