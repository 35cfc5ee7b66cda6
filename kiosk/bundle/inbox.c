/* kiosk-bundle inbox: what kiosk-content.service runs when a file lands in
 * the inbox. Every *.kbundle not tried before is installed (or refused,
 * with its line in the journal). The files are left where they are: the
 * inbox may be a synchronised folder, and deleting there would either come
 * back or propagate. What was tried is remembered in ROOT/inbox.seen by
 * name, size and modification time. */
#include "bundle/bundle.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static bool seen(const char *list, const char *key)
{
	FILE *f = fopen(list, "r");
	char line[1200];
	bool found = false;
	if (!f)
		return false;
	while (!found && fgets(line, sizeof(line), f)) {
		line[strcspn(line, "\n")] = '\0';
		found = !strcmp(line, key);
	}
	fclose(f);
	return found;
}

static int by_name(const struct dirent **a, const struct dirent **b)
{
	return strcmp((*a)->d_name, (*b)->d_name);
}

int bundle_inbox(const char *inbox, const struct install_options *o)
{
	struct dirent **list = NULL;
	char seen_file[4096];
	int worst = BUNDLE_OK, tried = 0;
	snprintf(seen_file, sizeof(seen_file), "%s/inbox.seen", o->root);
	int n = scandir(inbox, &list, NULL, by_name);
	if (n < 0) {
		bundle_say("cannot read the inbox %s: %s", inbox, strerror(errno));
		return BUNDLE_ERROR;
	}
	for (int i = 0; i < n; i++) {
		const char *name = list[i]->d_name;
		size_t l = strlen(name);
		char path[4096], key[1200];
		struct stat st;
		snprintf(path, sizeof(path), "%s/%s", inbox, name);
		/* Hidden names are files still being written (Syncthing's
		 * .syncthing.*.tmp, pack's own temporary). */
		if (name[0] == '.' || l < 9 || strcmp(name + l - 8, ".kbundle") != 0 ||
		    stat(path, &st) != 0 || !S_ISREG(st.st_mode)) {
			free(list[i]);
			continue;
		}
		snprintf(key, sizeof(key), "%s %lld %lld", name, (long long)st.st_size,
		         (long long)st.st_mtime);
		if (!seen(seen_file, key)) {
			struct install_options one = *o;
			one.file = path;
			int rc = bundle_install(&one);
			tried++;
			if (rc > worst || (rc == BUNDLE_ERROR && worst == BUNDLE_OK))
				worst = rc;
			if (rc != BUNDLE_ERROR) { /* an I/O error is tried again next time */
				FILE *f = fopen(seen_file, "a");
				if (f) {
					fprintf(f, "%s\n", key);
					fclose(f);
				}
			}
		}
		free(list[i]);
	}
	free(list);
	if (!tried && !o->quiet)
		bundle_say("nothing new in %s", inbox);
	return worst;
}
