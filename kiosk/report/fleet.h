/* kiosk-report --fleet DIR: the outboxes of many kiosks gathered in one
 * folder (by Syncthing, rsync or a USB drive). Each kiosk leaves
 * <id>-<day>.db (its statistics) and <id>.health (kiosk-export). */
#ifndef KIOSK_REPORT_FLEET_H
#define KIOSK_REPORT_FLEET_H

#include <stdio.h>

enum { FLEET_MAX_FILES = 4096, FLEET_ERRORS = 5 };

struct fleet_kiosk {
	char id[64];
	char last_db[11]; /* day of its newest statistics file, "" none */
	char written[11]; /* day of its health file, "" none */
	char software[32], module[64], module_state[64], database[128], last_install[256];
	int module_version; /* -1 unknown */
	int disk_free_pct;  /* -1 unknown */
	long long disk_free_mb;
	int corrupt_copies;
	char errors[FLEET_ERRORS][256];
	int n_errors;
};

struct fleet {
	char dir[4096];
	struct fleet_kiosk *kiosks;
	int n_kiosks;
	char **dbs; /* the statistics files to merge */
	int n_dbs, n_dbs_found;
	char newest[11];
};

/* Reads DIR (and its sub-folders, three levels down). 0, or -1 after
 * printing why. */
int fleet_scan(const char *dir, struct fleet *f);
/* fleet_scan, then the statistics files appended to *paths (grown). */
int fleet_collect(const char *dir, struct fleet *f, const char ***paths, int *n);
/* The kiosks table and their problems, in text. */
void fleet_print(const struct fleet *f, FILE *out);
void fleet_free(struct fleet *f);

#endif
