/* Export from the trainer screen to a USB drive: the period's HTML and CSV
 * reports, never a row (PRIVACY.md). Each file is written through a
 * descriptor of the drive's folder under a temporary name, synced, then
 * renamed, so a drive that is full, read-only or pulled out never holds a
 * half-written file under a final name, and a drive prepared with links,
 * FIFOs or folders at those names never makes the kiosk write elsewhere or
 * wait. */
#ifndef KIOSK_TRAINER_USB_EXPORT_H
#define KIOSK_TRAINER_USB_EXPORT_H

#include <stdbool.h>
#include <stddef.h>

struct content_module;

/* What a trainer can take away: published reports of closed batches
 * (report/report.h, PRIVACY.md); the day in progress never leaves the
 * kiosk, so exporting before and after one more person gives the same
 * files. */
enum usb_export_span {
	EXPORT_LAST_DAY,   /* the newest closed batch (« Dernière journée ») */
	EXPORT_THIS_MONTH, /* the closed batches that ended this month */
	EXPORT_ALL,        /* every closed batch */
};

struct usb_export_request {
	const char *db_path;  /* the kiosk's statistics database */
	const char *kiosk_id; /* in the file names */
	const char *today;    /* YYYY-MM-DD: for « this month » */
	enum usb_export_span span;
	int min_group;
	const struct content_module *module; /* names in the reports, or NULL */
};

struct usb_export_result {
	bool ok;
	char dir[512];     /* where the files went */
	char message[512]; /* French, for the trainer */
	int files;         /* written under their final names */
};

/* The folder to export to: export_dir when it is set and a folder, else the
 * first removable drive mounted under /media or /run/media (as udisks and
 * desktop automounters do) according to mounts_file (/proc/self/mounts):
 * a file system other than its parent folder's, never a folder of the
 * system disk bind-mounted there.
 * Returns false with a French message when there is none. */
bool usb_export_find(const char *export_dir, const char *mounts_file, char *out, size_t out_size,
                     char *message, size_t message_size);

/* Writes the two files into dir. Never throws a file away once renamed;
 * removes its temporary files on any failure. */
void usb_export_run(const struct usb_export_request *req, const char *dir,
                    struct usb_export_result *res);

#endif
