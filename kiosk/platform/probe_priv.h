/* Between the two halves of the probe: probe.c runs the child process,
 * probe_vlc.c the libVLC work inside it. */
#ifndef KIOSK_PLATFORM_PROBE_PRIV_H
#define KIOSK_PLATFORM_PROBE_PRIV_H

#include <stdbool.h>
#include <time.h>

#include "platform/probe.h"

struct worker;

struct worker *worker_create(void);
void worker_destroy(struct worker *p);
/* What libVLC makes of the file, each step waiting at most timeout_ms. */
bool worker_probe(struct worker *p, const char *file, int timeout_ms, struct probe_info *info);

/* CLOCK_MONOTONIC `ms` from now (condition variables use that clock). */
struct timespec deadline_in(int ms);

#endif
