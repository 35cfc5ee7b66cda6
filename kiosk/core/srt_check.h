/* Strict SubRip (.srt) validation for `kiosk --check`. The kiosk's own
 * parser (core/srt.c) forgives what it can so that a show goes on; this
 * one says where a file strays from the format, so that authors fix it
 * before it reaches a kiosk. Pure C, no SDL or libVLC. */
#ifndef KIOSK_CORE_SRT_CHECK_H
#define KIOSK_CORE_SRT_CHECK_H

#include <stddef.h>

#include "core/yaml/diag.h"

/* At most this many problems are listed per file, then one line saying
 * there are more: a file in the wrong encoding would otherwise flood. */
enum { SRT_CHECK_MAX_PROBLEMS = 20 };

struct srt_check_result {
	unsigned cues;         /* cues with a valid timing line */
	long long last_end_ms; /* latest end of those cues; -1 when none */
};

/* Checks SRT text (UTF-8, with or without BOM, LF or CRLF): cue numbers,
 * timing lines "00:00:01,000 --> 00:00:03,500", end after start, cues in
 * order without overlap, text present, UTF-8. Each problem is added to
 * diag as FILE:LINE:COL; returns how many were found. */
int srt_check(const char *text, size_t len, const char *file, struct diag *d,
              struct srt_check_result *r);
/* The same for a file on disk (a file that cannot be read is a problem). */
int srt_check_file(const char *path, struct diag *d, struct srt_check_result *r);

/* ms as M:SS.d, or M:SS.ddd when decimals is 3 ("0:47.2", "1:05.250"). */
void srt_check_format_time(char *buf, size_t size, long long ms, int decimals);

#endif
