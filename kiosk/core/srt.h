/* SubRip (.srt) subtitles, parsed for the kiosk's own subtitle renderer:
 * drawn by us, they are as large as we want and easy to test. Pure C, no
 * SDL, so unit tests drive it directly. */
#ifndef KIOSK_CORE_SRT_H
#define KIOSK_CORE_SRT_H

#include <stddef.h>

struct srt_cue {
	long long start_ms, end_ms;
	char *text; /* UTF-8, lines separated by '\n', markup removed */
};

struct srt {
	struct srt_cue *cues; /* sorted by start */
	unsigned n;
};

/* Parse SRT text (UTF-8 with or without BOM; Latin-1/Windows-1252 is
 * converted). Blocks that do not parse are skipped. NULL only when out of
 * memory. */
struct srt *srt_parse(const char *text, size_t len);
/* Read and parse a file; NULL (logged) if it cannot be read. */
struct srt *srt_load(const char *path);
void srt_destroy(struct srt *s);

/* The text shown at `ms`, or NULL. */
const char *srt_at(const struct srt *s, long long ms);
/* Milliseconds from `ms` until the shown text changes (-1: never). */
long long srt_next_change(const struct srt *s, long long ms);

#endif
