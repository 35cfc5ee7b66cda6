/* libFuzzer target for kiosk-report's reader (issue 10): the input is a
 * whole database file, mutated; it is read, suppressed and written in the
 * four formats, exactly as kiosk-report does. Any crash, leak or undefined
 * behaviour is a bug: `make fuzz-report` runs it for a short while over the
 * seed corpus in tests/fuzz/report-corpus/ (FUZZ_SECONDS, default 60). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "report/report.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char path[64];
	if (!path[0])
		snprintf(path, sizeof path, "/tmp/report-fuzz-%d.db", (int)getpid());
	FILE *f = fopen(path, "wb");
	if (!f)
		return 0;
	fwrite(data, 1, size, f);
	fclose(f);
	const char *paths[] = {path};
	struct report r;
	/* As kiosk-report does: every month of the file as a part. */
	if (report_build(&r, paths, 1, "", "9999-12-31", 5) == 0) {
		FILE *out = fopen("/dev/null", "w");
		if (out) {
			report_text(&r, out);
			report_csv(&r, out, ';');
			report_json(&r, out);
			report_html(&r, out);
			fclose(out);
		}
	}
	report_free(&r);
	unlink(path);
	return 0;
}
