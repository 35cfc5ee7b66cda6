/* kiosk-report --fleet: which kiosks reported, when, with which versions,
 * and what is wrong with them; their statistics files go to the usual
 * merged report (a session found in several files counts once). Nothing
 * here is a figure about sessions, so nothing needs suppressing. */
#include "report/fleet.h"

#include <dirent.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

static bool is_day(const char *s, size_t n)
{
	if (n != 10)
		return false;
	for (size_t i = 0; i < 10; i++)
		if (i == 4 || i == 7 ? s[i] != '-' : (s[i] < '0' || s[i] > '9'))
			return false;
	return true;
}

static struct fleet_kiosk *kiosk_get(struct fleet *f, const char *id, size_t len)
{
	if (len == 0 || len >= sizeof(f->kiosks[0].id))
		return NULL;
	for (int i = 0; i < f->n_kiosks; i++)
		if (strlen(f->kiosks[i].id) == len && !strncmp(f->kiosks[i].id, id, len))
			return &f->kiosks[i];
	struct fleet_kiosk *nk = realloc(f->kiosks, (size_t)(f->n_kiosks + 1) * sizeof(*nk));
	if (!nk)
		return NULL;
	f->kiosks = nk;
	struct fleet_kiosk *k = &f->kiosks[f->n_kiosks++];
	memset(k, 0, sizeof(*k));
	memcpy(k->id, id, len);
	k->module_version = -1;
	k->disk_free_pct = -1;
	k->disk_free_mb = -1;
	return k;
}

static void copy_value(char *dst, size_t len, const char *v)
{
	snprintf(dst, len, "%s", v);
	dst[strcspn(dst, "\r\n")] = '\0';
}

static void read_health(struct fleet *f, const char *path)
{
	FILE *in = fopen(path, "r");
	char line[512];
	struct fleet_kiosk tmp, *k;
	if (!in)
		return;
	memset(&tmp, 0, sizeof(tmp));
	tmp.module_version = tmp.disk_free_pct = -1;
	tmp.disk_free_mb = -1;
	while (fgets(line, sizeof(line), in)) {
		char *colon = strchr(line, ':');
		if (line[0] == '#' || !colon)
			continue;
		*colon = '\0';
		const char *key = line, *v = colon + 1 + (colon[1] == ' ');
		if (!strcmp(key, "kiosk"))
			copy_value(tmp.id, sizeof(tmp.id), v);
		else if (!strcmp(key, "written"))
			copy_value(tmp.written, sizeof(tmp.written), v);
		else if (!strcmp(key, "software"))
			copy_value(tmp.software, sizeof(tmp.software), v);
		else if (!strcmp(key, "module"))
			copy_value(tmp.module, sizeof(tmp.module), v);
		else if (!strcmp(key, "module_version"))
			tmp.module_version = atoi(v);
		else if (!strcmp(key, "module_state"))
			copy_value(tmp.module_state, sizeof(tmp.module_state), v);
		else if (!strcmp(key, "database"))
			copy_value(tmp.database, sizeof(tmp.database), v);
		else if (!strcmp(key, "content_last_install"))
			copy_value(tmp.last_install, sizeof(tmp.last_install), v);
		else if (!strcmp(key, "disk_free_pct"))
			tmp.disk_free_pct = atoi(v);
		else if (!strcmp(key, "disk_free_mb"))
			tmp.disk_free_mb = atoll(v);
		else if (!strcmp(key, "corrupt_copies"))
			tmp.corrupt_copies = atoi(v);
		else if (!strcmp(key, "error") && tmp.n_errors < FLEET_ERRORS)
			copy_value(tmp.errors[tmp.n_errors++], sizeof(tmp.errors[0]), v);
	}
	fclose(in);
	if (!tmp.id[0] || !(k = kiosk_get(f, tmp.id, strlen(tmp.id))))
		return;
	if (k->written[0] && strcmp(k->written, tmp.written) >= 0)
		return; /* an older health file of the same kiosk (a copy elsewhere) */
	char last_db[11];
	memcpy(last_db, k->last_db, sizeof(last_db));
	*k = tmp;
	memcpy(k->last_db, last_db, sizeof(last_db));
}

static void add_db(struct fleet *f, const char *path, const char *name)
{
	size_t l = strlen(name);
	/* <id>-YYYY-MM-DD.db */
	if (l < 15 || strcmp(name + l - 3, ".db") || name[l - 14] != '-' ||
	    !is_day(name + l - 13, 10))
		return;
	struct fleet_kiosk *k = kiosk_get(f, name, l - 14);
	if (!k)
		return;
	if (strncmp(name + l - 13, k->last_db, 10) > 0)
		memcpy(k->last_db, name + l - 13, 10);
	char **nd = realloc(f->dbs, (size_t)(f->n_dbs + 1) * sizeof(*nd));
	if (!nd)
		return;
	f->dbs = nd;
	f->dbs[f->n_dbs++] = strdup(path);
}

static void scan(struct fleet *f, const char *dir, int depth)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	if (!d)
		return;
	while ((e = readdir(d))) {
		char path[4096];
		struct stat st;
		size_t l = strlen(e->d_name);
		if (e->d_name[0] == '.') /* ., .., and files still being written */
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
		if (stat(path, &st) != 0)
			continue;
		if (S_ISDIR(st.st_mode) && depth < 3)
			scan(f, path, depth + 1);
		else if (S_ISREG(st.st_mode) && l > 7 && !strcmp(e->d_name + l - 7, ".health"))
			read_health(f, path);
		else if (S_ISREG(st.st_mode))
			add_db(f, path, e->d_name);
	}
	closedir(d);
}

static int by_id(const void *a, const void *b)
{
	return strcmp(((const struct fleet_kiosk *)a)->id, ((const struct fleet_kiosk *)b)->id);
}

static const char *day_of(const char *p)
{
	size_t l = strlen(p);
	return p + l - 13;
}

static int newest_first(const void *a, const void *b)
{
	return strcmp(day_of(*(char *const *)b), day_of(*(char *const *)a));
}

/* The newest file of each kiosk (each holds all of that kiosk's closed
 * batches at its day), at most FLEET_MAX_FILES kiosks. */
static void keep_newest(struct fleet *f)
{
	int k = 0;
	qsort(f->dbs, (size_t)f->n_dbs, sizeof(*f->dbs), newest_first);
	for (int i = 0; i < f->n_dbs; i++) {
		const char *name = strrchr(f->dbs[i], '/') + 1;
		size_t idl = strlen(name) - 14;
		bool dup = false;
		for (int j = 0; j < k && !dup; j++) {
			const char *o = strrchr(f->dbs[j], '/') + 1;
			dup = strlen(o) - 14 == idl && !strncmp(o, name, idl);
		}
		if (dup || k >= FLEET_MAX_FILES)
			free(f->dbs[i]);
		else
			f->dbs[k++] = f->dbs[i];
	}
	f->n_dbs = k;
}

int fleet_scan(const char *dir, struct fleet *f)
{
	struct stat st;
	memset(f, 0, sizeof(*f));
	snprintf(f->dir, sizeof(f->dir), "%s", dir);
	if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
		fprintf(stderr, "kiosk-report: --fleet %s: not a folder\n", dir);
		return -1;
	}
	scan(f, dir, 0);
	f->n_dbs_found = f->n_dbs;
	/* Each night's batch file holds all of that kiosk's closed batches
	 * (PRIVACY.md): the newest of each kiosk is enough (a batch in two
	 * files would count once anyway). */
	keep_newest(f);
	if (f->n_kiosks > 1)
		qsort(f->kiosks, (size_t)f->n_kiosks, sizeof(*f->kiosks), by_id);
	for (int i = 0; i < f->n_kiosks; i++) {
		const struct fleet_kiosk *k = &f->kiosks[i];
		const char *last = strcmp(k->last_db, k->written) > 0 ? k->last_db : k->written;
		if (strcmp(last, f->newest) > 0)
			snprintf(f->newest, sizeof(f->newest), "%s", last);
	}
	if (f->n_kiosks == 0) {
		fprintf(stderr,
		        "kiosk-report: --fleet %s: no kiosk's files (<id>-<day>.db, <id>.health)\n",
		        dir);
		return -1;
	}
	return 0;
}

int fleet_collect(const char *dir, struct fleet *f, const char ***paths, int *n)
{
	if (fleet_scan(dir, f) != 0)
		return -1;
	const char **np = realloc(*paths, (size_t)(*n + f->n_dbs + 1) * sizeof(*np));
	if (!np)
		return -1;
	for (int i = 0; i < f->n_dbs; i++)
		np[(*n)++] = f->dbs[i];
	*paths = np;
	return 0;
}

static long day_number(const char *d)
{
	struct tm tm = {0};
	if (!d[0] || sscanf(d, "%4d-%2d-%2d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday) != 3)
		return -1;
	tm.tm_year -= 1900;
	tm.tm_mon -= 1;
	tm.tm_hour = 12;
	return (long)(timegm(&tm) / 86400);
}

/* The newest module version of each module id seen in the fleet. */
static int newest_version(const struct fleet *f, const char *module)
{
	int v = -1;
	for (int i = 0; i < f->n_kiosks; i++)
		if (!strcmp(f->kiosks[i].module, module) && f->kiosks[i].module_version > v)
			v = f->kiosks[i].module_version;
	return v;
}

/* Appends one problem to buf, "; "-separated. */
static void add(char *buf, size_t len, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void add(char *buf, size_t len, const char *fmt, ...)
{
	size_t l = strlen(buf);
	va_list ap;
	if (l && l + 2 < len) {
		memcpy(buf + l, "; ", 3);
		l += 2;
	}
	va_start(ap, fmt);
	if (l < len)
		vsnprintf(buf + l, len - l, fmt, ap);
	va_end(ap);
}

/* The problems of one kiosk into buf ("" none). */
static void problems(const struct fleet *f, const struct fleet_kiosk *k, char *buf, size_t len)
{
	buf[0] = '\0';
	const char *last = strcmp(k->last_db, k->written) > 0 ? k->last_db : k->written;
	long behind = day_number(f->newest) - day_number(last);
	if (!k->written[0])
		add(buf, len, "no health file");
	if (!k->last_db[0])
		add(buf, len, "no statistics file");
	if (behind >= 2)
		add(buf, len, "last report %ld days before the newest", behind);
	int nv = k->module[0] ? newest_version(f, k->module) : -1;
	if (k->module_version >= 0 && nv > k->module_version)
		add(buf, len, "module version %d while %d exists", k->module_version, nv);
	if (k->module_state[0] && strcmp(k->module_state, "ok"))
		add(buf, len, "module %s", k->module_state);
	if (k->database[0] && strcmp(k->database, "ok"))
		add(buf, len, "database %s", k->database);
	if (k->corrupt_copies > 0)
		add(buf, len, "%d damaged database copies to clear", k->corrupt_copies);
	if (k->disk_free_pct >= 0 && k->disk_free_pct < 10)
		add(buf, len, "disk %d %% free", k->disk_free_pct);
	if (strstr(k->last_install, " refused ") || strstr(k->last_install, " failed "))
		add(buf, len, "last bundle: %s", k->last_install);
	if (k->n_errors > 0)
		add(buf, len, "%d error(s) in the journal", k->n_errors);
}

void fleet_print(const struct fleet *f, FILE *out)
{
	char p[1024];
	int with_problems = 0;
	fprintf(out, "Fleet: %d kiosk(s) in %s, newest report %s\n", f->n_kiosks, f->dir,
	        f->newest[0] ? f->newest : "-");
	if (f->n_dbs < f->n_dbs_found)
		fprintf(out, "(%d statistics files found; the newest of each kiosk are merged)\n",
		        f->n_dbs_found);
	fprintf(out, "\n%-16s %-11s %-9s %-20s %-10s %s\n", "kiosk", "last report", "software",
	        "module", "database", "disk free");
	for (int i = 0; i < f->n_kiosks; i++) {
		const struct fleet_kiosk *k = &f->kiosks[i];
		const char *last = strcmp(k->last_db, k->written) > 0 ? k->last_db : k->written;
		char mod[96] = "-", disk[32] = "-";
		if (k->module[0])
			snprintf(mod, sizeof(mod), "%s v%d", k->module, k->module_version);
		if (k->disk_free_pct >= 0)
			snprintf(disk, sizeof(disk), "%d %% (%lld MB)", k->disk_free_pct,
			         k->disk_free_mb);
		fprintf(out, "%-16s %-11s %-9s %-20s %-10.10s %s\n", k->id, last[0] ? last : "-",
		        k->software[0] ? k->software : "-", mod, k->database[0] ? k->database : "-",
		        disk);
	}
	for (int i = 0; i < f->n_kiosks; i++) {
		const struct fleet_kiosk *k = &f->kiosks[i];
		problems(f, k, p, sizeof(p));
		if (!p[0] && k->n_errors == 0)
			continue;
		if (!with_problems++)
			fprintf(out, "\nProblems:\n");
		if (p[0])
			fprintf(out, "  %s: %s\n", k->id, p);
		for (int e = 0; e < k->n_errors; e++)
			fprintf(out, "    %s\n", k->errors[e]);
	}
	if (!with_problems)
		fprintf(out, "\nNo problem reported.\n");
	fprintf(out, "\n");
}

void fleet_free(struct fleet *f)
{
	for (int i = 0; i < f->n_dbs; i++)
		free(f->dbs[i]);
	free(f->dbs);
	free(f->kiosks);
	memset(f, 0, sizeof(*f));
}
