/* What a content root remembers of its installs, and the rules it takes
 * from that (issue 25): ROOT/installed names the one module this kiosk
 * takes (the first one installed, or the one an administrator switched to
 * with --switch-module) and the highest version of it ever installed, so
 * that a signed bundle of another module, or an older signed version after
 * a rollback, is refused; ROOT/last-install says how the last try went,
 * for the health file. */
#include "bundle/bundle.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/* As written, and as read back (the id at most 63 bytes). */
#define LEDGER_WRITE "module %s\nhighest %d\n"
#define LEDGER_READ  "module %63s\nhighest %d\n"

/* The versions/<id>-<n> folders of module id: the highest n (or -1). */
static int highest_folder(const char *root, const char *id)
{
	char dir[4096];
	snprintf(dir, sizeof(dir), "%s/versions", root);
	DIR *d = opendir(dir);
	struct dirent *e;
	int best = -1;
	size_t l = strlen(id);
	while (d && (e = readdir(d))) {
		char *end;
		if (strncmp(e->d_name, id, l) != 0 || e->d_name[l] != '-')
			continue;
		long v = strtol(e->d_name + l + 1, &end, 10);
		if (!*end && end != e->d_name + l + 1 && v > best && v <= 1000000000L)
			best = (int)v;
	}
	if (d)
		closedir(d);
	return best;
}

bool ledger_load(const char *root, const char *running_id, int running, struct ledger *l, char *why,
                 size_t whylen)
{
	char path[4096], text[256];
	*l = (struct ledger){.highest = -1};
	snprintf(path, sizeof(path), "%s/installed", root);
	FILE *f = fopen(path, "r");
	if (f) {
		size_t n = fread(text, 1, sizeof(text) - 1, f);
		bool ok = !ferror(f) && n < sizeof(text) - 1;
		fclose(f);
		text[n] = '\0';
		int used = -1;
		if (!ok || sscanf(text, LEDGER_READ "%n", l->module, &l->highest, &used) != 2 ||
		    used != (int)n || l->highest < 0) {
			snprintf(why, whylen,
			         "%s is damaged: remove it to take the module and versions the "
			         "root holds",
			         path);
			return false;
		}
	} else if (errno != ENOENT) {
		snprintf(why, whylen, "cannot read %s: %s", path, strerror(errno));
		return false;
	} else if (running >= 0) {
		/* Before this file existed (or once removed): what the root shows. */
		snprintf(l->module, sizeof(l->module), "%s", running_id);
	}
	/* The folders kept are a floor too: the file rewritten with a lower
	 * number does not reopen what was installed. */
	if (l->module[0]) {
		int kept = highest_folder(root, l->module);
		if (kept > l->highest)
			l->highest = kept;
		if (running_id && !strcmp(running_id, l->module) && running > l->highest)
			l->highest = running;
	}
	return true;
}

bool ledger_save(const char *root, const struct ledger *l)
{
	char path[4096], tmp[4200];
	snprintf(path, sizeof(path), "%s/installed", root);
	snprintf(tmp, sizeof(tmp), "%s.tmp", path);
	FILE *f = fopen(tmp, "w");
	bool ok = f && fprintf(f, LEDGER_WRITE, l->module, l->highest) > 0;
	ok = f && fflush(f) == 0 && fsync(fileno(f)) == 0 && ok;
	if (f && fclose(f) != 0)
		ok = false;
	if (!ok || rename(tmp, path) != 0) {
		bundle_err("cannot write %s: %s", path, strerror(errno));
		unlink(tmp);
		return false;
	}
	return true;
}

int ledger_admit(const struct ledger *l, const struct manifest *m, const char *switch_to, char *why,
                 size_t whylen)
{
	if (switch_to && strcmp(switch_to, m->module) != 0) {
		snprintf(why, whylen, "--switch-module %.63s, but the bundle is module %s",
		         switch_to, m->module);
		return BUNDLE_REFUSED;
	}
	if (l->module[0] && strcmp(l->module, m->module) != 0 && !switch_to) {
		snprintf(why, whylen,
		         "another module: this kiosk takes %s, the bundle is %s (an administrator "
		         "switches with --switch-module %s)",
		         l->module, m->module, m->module);
		return BUNDLE_REFUSED;
	}
	if (!strcmp(l->module, m->module) && m->version <= l->highest) {
		snprintf(why, whylen,
		         "older: version %d of %s is not newer than the highest installed, %d "
		         "(kiosk-bundle rollback goes back)",
		         m->version, m->module, l->highest);
		return BUNDLE_REFUSED;
	}
	return BUNDLE_OK;
}

void ledger_record(const char *root, const char *what, const char *file, const char *why)
{
	char path[4096], tmp[4200], day[16];
	time_t t = time(NULL);
	struct tm tm;
	localtime_r(&t, &tm);
	strftime(day, sizeof(day), "%Y-%m-%d", &tm);
	snprintf(path, sizeof(path), "%s/last-install", root);
	snprintf(tmp, sizeof(tmp), "%s.tmp", path);
	const char *base = strrchr(file, '/');
	FILE *f = fopen(tmp, "w");
	if (!f)
		return;
	fprintf(f, "%s %s %s: %s\n", day, what, base ? base + 1 : file, why);
	if (fclose(f) == 0)
		rename(tmp, path);
}
