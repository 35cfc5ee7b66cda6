#include "context/bench.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "core/log.h"

struct bench {
	double tap;       /* a tap waiting for the frame that shows it */
	const char *mark; /* printed after the next present */
	bool first;       /* the first frame was presented */
};

static double mono_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

struct bench *bench_create(void)
{
	struct bench *b = calloc(1, sizeof(*b));
	if (!b)
		log_err("bench", "out of memory: no --bench-trace");
	return b;
}

void bench_destroy(struct bench *b)
{
	free(b);
}

void bench_event(const struct bench *b, const char *event, const char *detail)
{
	if (!b)
		return;
	fprintf(stderr, "bench-trace %s %.3f%s%s\n", event, mono_ms(), detail ? " " : "",
	        detail ? detail : "");
}

double bench_clock(const struct bench *b)
{
	return b ? mono_ms() : 0;
}

void bench_since(const struct bench *b, const char *event, double t0)
{
	if (!b)
		return;
	char ms[32];
	snprintf(ms, sizeof(ms), "%.3f", mono_ms() - t0);
	bench_event(b, event, ms);
}

void bench_tap(struct bench *b)
{
	if (!b)
		return;
	b->tap = mono_ms();
	bench_event(b, "tap", NULL);
}

void bench_after_present(struct bench *b, const char *event)
{
	if (b)
		b->mark = event;
}

void bench_presented(struct bench *b)
{
	if (!b)
		return;
	bench_event(b, "frame", NULL);
	if (!b->first) {
		b->first = true;
		bench_event(b, "first-frame", NULL);
	}
	if (b->tap > 0) {
		bench_since(b, "tap-present", b->tap);
		b->tap = 0;
	}
	if (b->mark) {
		bench_event(b, b->mark, NULL);
		b->mark = NULL;
	}
}
