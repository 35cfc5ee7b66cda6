/* Shared by the libFuzzer harnesses of mk/fuzz.mk: the parsers read files,
 * so each input is written to a file of this process first. */
#ifndef KIOSK_FUZZ_FILE_H
#define KIOSK_FUZZ_FILE_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

/* Writes data to DIR/name, DIR made once per process under $TMPDIR; returns
 * the path (static buffer) or NULL. */
static const char *fuzz_file(const char *name, const uint8_t *data, size_t size, char *dir,
                             size_t dir_len)
{
	static char path[512];
	if (!dir[0]) {
		const char *t = getenv("TMPDIR");
		snprintf(dir, dir_len, "%s/kiosk-fuzz.%ld", t && *t ? t : "/tmp", (long)getpid());
		mkdir(dir, 0700);
	}
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	FILE *f = fopen(path, "wb");
	if (!f)
		return NULL;
	if (size && fwrite(data, 1, size, f) != size) {
		fclose(f);
		return NULL;
	}
	fclose(f);
	return path;
}

#endif
