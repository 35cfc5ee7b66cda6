/* The page-order attack (issue 10): can the order in which sessions were
 * saved be read back from the raw bytes of the database file?
 *
 *   pageorder save DB N DAYS ORDER  saves N sessions through the kiosk's
 *                                   store (days cycling over DAYS days) and
 *                                   writes their ids, in save order, to ORDER
 *   pageorder scan DB ORDER         parses the file's b-tree pages itself
 *                                   (no SQL) and prints what it recovers
 *   pageorder twins DB1 DB2 N DAYS [background]
 *                                   saves the same N sessions into DB1 in one
 *                                   order and into DB2 in the reverse order
 *                                   (with the kiosk's background rewrite):
 *                                   files that keep no trace of the order are
 *                                   the same
 *   pageorder locked DB             times one save while another connection
 *                                   holds a read transaction on the file
 *   pageorder bench DB N MODE       times N saves into an existing database,
 *                                   the rewrite on the same thread (MODE sync)
 *                                   or in the background (bench/store.sh)
 *
 * SQLite places each new cell of a page below the ones already there, so on
 * a page that was only appended to, sorting the cells by their offset gives
 * the order of the inserts. "scan" prints how many leaf pages hold their
 * cells in key order (offsets falling as keys rise, as a freshly built page
 * does) and, over every pair of session cells on one page, how often "higher
 * offset" means "saved earlier" (50 % is chance). */
#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <unistd.h>

#include "platform/store.h"
#include "platform/store_priv.h"

static unsigned char *file;
static long file_len;
static unsigned page_size;

static unsigned be16(const unsigned char *p)
{
	return (unsigned)p[0] << 8 | p[1];
}

static uint32_t be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static int varint(const unsigned char *p, const unsigned char *end, uint64_t *v)
{
	*v = 0;
	for (int i = 0; i < 9 && p + i < end; i++) {
		if (i == 8) {
			*v = *v << 8 | p[i];
			return 9;
		}
		*v = *v << 7 | (p[i] & 0x7f);
		if (!(p[i] & 0x80))
			return i + 1;
	}
	return 1;
}

static const unsigned char *page(uint32_t n)
{
	if (n == 0 || (long)n * page_size > file_len)
		return NULL;
	return file + (long)(n - 1) * page_size;
}

/* Session ids in save order. */
static char (*order)[33];
static int n_order;

static int rank_of(const unsigned char id[16])
{
	char hex[33];
	for (int i = 0; i < 16; i++)
		sprintf(hex + 2 * i, "%02x", id[i]);
	for (int i = 0; i < n_order; i++)
		if (!strcmp(order[i], hex))
			return i;
	return -1;
}

/* The id (second column) of a session row stored in an index leaf cell. */
static int session_id(const unsigned char *cell, const unsigned char *end, unsigned char id[16])
{
	uint64_t size, hsize, t;
	const unsigned char *p = cell + varint(cell, end, &size);
	const unsigned char *rec = p;
	p += varint(p, end, &hsize);
	const unsigned char *body = rec + hsize;
	uint64_t types[2];
	for (int c = 0; c < 2; c++) {
		p += varint(p, end, &t);
		types[c] = t;
	}
	if (types[0] < 13 || types[0] % 2 == 0 || types[1] != 12 + 2 * 16)
		return -1;
	const unsigned char *v = body + (types[0] - 13) / 2;
	if (v + 16 > end)
		return -1;
	memcpy(id, v, 16);
	return 0;
}

struct tally {
	int leaves, ordered;
	long pairs, recovered;
};

static void walk(uint32_t n, bool sessions, struct tally *t, int depth)
{
	const unsigned char *pg = page(n);
	if (!pg || depth > 20)
		return;
	const unsigned char *h = n == 1 ? pg + 100 : pg, *end = pg + page_size;
	unsigned type = h[0], cells = be16(h + 3);
	bool leaf = type == 0x0a || type == 0x0d;
	const unsigned char *ptr = h + (leaf ? 8 : 12);
	if (!leaf) {
		for (unsigned i = 0; i < cells; i++)
			walk(be32(pg + be16(ptr + 2 * i)), sessions, t, depth + 1);
		walk(be32(h + 8), sessions, t, depth + 1);
		return;
	}
	t->leaves++;
	bool ordered = true;
	for (unsigned i = 1; i < cells; i++)
		ordered = ordered && be16(ptr + 2 * i) < be16(ptr + 2 * (i - 1));
	t->ordered += ordered;
	if (!sessions || type != 0x0a)
		return;
	int *rank = calloc(cells, sizeof *rank);
	unsigned *off = calloc(cells, sizeof *off);
	for (unsigned i = 0; i < cells; i++) {
		unsigned char id[16];
		off[i] = be16(ptr + 2 * i);
		rank[i] = session_id(pg + off[i], end, id) == 0 ? rank_of(id) : -1;
	}
	for (unsigned i = 0; i < cells; i++)
		for (unsigned j = 0; j < cells; j++)
			if (rank[i] >= 0 && rank[j] >= 0 && rank[i] < rank[j]) {
				t->pairs++;
				t->recovered += off[i] > off[j];
			}
	free(rank);
	free(off);
}

static int scan(const char *db_path, const char *order_path)
{
	FILE *f = fopen(db_path, "rb");
	if (!f || fseek(f, 0, SEEK_END) != 0 || (file_len = ftell(f)) < 100) {
		perror(db_path);
		return 1;
	}
	rewind(f);
	file = malloc((size_t)file_len);
	if (fread(file, 1, (size_t)file_len, f) != (size_t)file_len)
		return 1;
	fclose(f);
	page_size = be16(file + 16) == 1 ? 65536 : be16(file + 16);
	f = fopen(order_path, "r");
	char line[64];
	order = calloc(100000, sizeof *order);
	while (f && n_order < 100000 && fgets(line, sizeof line, f))
		if (sscanf(line, "%32s", order[n_order]) == 1)
			n_order++;
	if (f)
		fclose(f);
	/* The root pages come from the schema; everything else from bytes. */
	sqlite3 *db;
	char *uri = sqlite3_mprintf("file:%s?mode=ro&immutable=1", db_path);
	sqlite3_stmt *st;
	if (sqlite3_open_v2(uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(db, "SELECT name, rootpage FROM sqlite_schema WHERE type = 'table'",
	                       -1, &st, NULL) != SQLITE_OK) {
		fprintf(stderr, "pageorder: %s: %s\n", db_path, sqlite3_errmsg(db));
		return 1;
	}
	struct tally all = {0}, ses = {0};
	while (sqlite3_step(st) == SQLITE_ROW) {
		bool is_session = !strcmp((const char *)sqlite3_column_text(st, 0), "session");
		walk((uint32_t)sqlite3_column_int(st, 1), is_session, is_session ? &ses : &all, 0);
	}
	sqlite3_finalize(st);
	sqlite3_close(db);
	sqlite3_free(uri);
	all.leaves += ses.leaves;
	all.ordered += ses.ordered;
	printf("leaf pages: %d, in key order: %d\n", all.leaves, all.ordered);
	printf("session leaf pages: %d, in key order: %d\n", ses.leaves, ses.ordered);
	printf("same-page session pairs: %ld, save order recovered: %.1f %%\n", ses.pairs,
	       ses.pairs ? 100.0 * (double)ses.recovered / (double)ses.pairs : 0.0);
	free(file);
	free(order);
	return 0;
}

static struct session_record record(int i, int days)
{
	struct session_record r = {0};
	session_new_id(r.id);
	snprintf(r.day, sizeof r.day, "2024-05-%02d", 1 + i % days);
	snprintf(r.kiosk_id, sizeof r.kiosk_id, "hall-1");
	snprintf(r.module_id, sizeof r.module_id, "tu-me-suis");
	snprintf(r.lang, sizeof r.lang, "fr");
	r.furthest = STAGE_RESULT;
	r.score = (i * 37) % 101;
	r.passed = r.score >= 70;
	r.n_answers = 1;
	snprintf(r.answers[0].question_id, 32, "q1");
	snprintf(r.answers[0].objective, 32, "o1");
	r.answers[0].choice = i % 4;
	r.answers[0].correct = i % 4 == 0;
	return r;
}

static int twins(const char *a, const char *b, int n, int days, bool background)
{
	struct session_record *r = calloc((size_t)n, sizeof *r);
	for (int i = 0; i < n; i++)
		r[i] = record(i, days);
	for (int pass = 0; pass < 2; pass++) {
		struct store *s = store_open(pass ? b : a, 0);
		if (!s)
			return 1;
		store_background(s, pass && background);
		for (int i = 0; i < n; i++) {
			store_save(s, &r[pass ? n - 1 - i : i]);
			/* Now and then a session waits behind the rewrite. */
			if (i % 10 == 9)
				while (store_rewriting(s))
					usleep(1000);
		}
		if (pass && background) {
			/* The live file, as the running kiosk leaves it. */
			while (store_rewriting(s))
				usleep(1000);
			store_retry(s);
			while (store_rewriting(s))
				usleep(1000);
			char live[600], cmd[1300];
			snprintf(live, sizeof live, "%s.live", b);
			snprintf(cmd, sizeof cmd, "cp '%s' '%s'", b, live);
			if (system(cmd) != 0)
				return 1;
		}
		store_destroy(s); /* writes what waited behind a rewrite */
	}
	free(r);
	return 0;
}

static int save(const char *db_path, int n, int days, const char *order_path)
{
	FILE *f = fopen(order_path, "w");
	struct store *s = store_open(db_path, 0);
	if (!f || !s)
		return 1;
	for (int i = 0; i < n; i++) {
		struct session_record r = record(i, days);
		store_save(s, &r);
		fprintf(f, "%s\n", r.id);
	}
	int pending = store_pending(s);
	store_destroy(s);
	fclose(f);
	if (pending) {
		fprintf(stderr, "pageorder: %d sessions not saved\n", pending);
		return 1;
	}
	return 0;
}

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int locked(const char *db_path)
{
	struct store *s = store_open(db_path, 0);
	sqlite3 *other;
	sqlite3_stmt *st;
	if (sqlite3_open(db_path, &other) != SQLITE_OK ||
	    sqlite3_exec(other, "BEGIN", NULL, NULL, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(other, "SELECT count(*) FROM session", -1, &st, NULL) != SQLITE_OK ||
	    sqlite3_step(st) != SQLITE_ROW)
		return 1;
	struct session_record r = record(0, 1);
	double t0 = now();
	store_save(s, &r);
	double dt = now() - t0;
	printf("save with a reader holding the file: %.0f ms, waiting in memory: %d\n", dt * 1000,
	       store_pending(s));
	sqlite3_finalize(st);
	sqlite3_exec(other, "COMMIT", NULL, NULL, NULL);
	sqlite3_close(other);
	store_retry(s);
	printf("after the reader left: waiting in memory: %d\n", store_pending(s));
	store_destroy(s);
	return 0;
}

/* What a session end costs the UI thread: the save and the rewrite. */
static int bench(const char *db_path, int n, bool background)
{
	struct store *s = store_open(db_path, 0);
	if (!s || store_problem(s))
		return 1;
	store_background(s, background);
	double total = 0, worst = 0;
	for (int i = 0; i < n; i++) {
		struct session_record r = record(i, 1);
		snprintf(r.day, sizeof r.day, "2024-06-%02d", 1 + i % 28);
		double t0 = now();
		store_save(s, &r);
		double dt = now() - t0;
		total += dt;
		worst = dt > worst ? dt : worst;
		/* A session every few minutes: the rewrite is over by the next. */
		while (background && store_rewriting(s))
			usleep(10000);
		store_retry(s);
	}
	store_destroy(s);
	printf("%s: mean %.0f ms, worst %.0f ms over %d saves\n",
	       background ? "UI thread, rewrite in the background"
	                  : "save + rewrite on the UI thread",
	       total / n * 1000, worst * 1000, n);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc == 5 && !strcmp(argv[1], "bench"))
		return bench(argv[2], atoi(argv[3]), !strcmp(argv[4], "background"));
	if (argc == 6 && !strcmp(argv[1], "save"))
		return save(argv[2], atoi(argv[3]), atoi(argv[4]), argv[5]);
	if (argc == 4 && !strcmp(argv[1], "scan"))
		return scan(argv[2], argv[3]);
	if ((argc == 6 || argc == 7) && !strcmp(argv[1], "twins"))
		return twins(argv[2], argv[3], atoi(argv[4]), atoi(argv[5]),
		             argc == 7 && !strcmp(argv[6], "background"));
	if (argc == 3 && !strcmp(argv[1], "locked"))
		return locked(argv[2]);
	fprintf(stderr, "usage: pageorder save DB N DAYS ORDER | scan DB ORDER | twins DB1 DB2 N "
	                "DAYS | locked DB\n");
	return 2;
}
