/* --bench-trace (docs/reference.md): "bench-trace EVENT T [DETAIL]" lines on
 * stderr for `make bench`, T being CLOCK_MONOTONIC in ms. Without the flag
 * the kiosk holds no struct bench (NULL) and every call does nothing. */
#ifndef KIOSK_CONTEXT_BENCH_H
#define KIOSK_CONTEXT_BENCH_H

struct bench;

struct bench *bench_create(void);
void bench_destroy(struct bench *b);
void bench_event(const struct bench *b, const char *event, const char *detail);
/* The milliseconds to give bench_since (0 without tracing). */
double bench_clock(const struct bench *b);
/* EVENT with the milliseconds since t0 (bench_clock) as its detail. */
void bench_since(const struct bench *b, const char *event, double t0);
/* A tap came: the next presented frame prints "tap-present" and the delay. */
void bench_tap(struct bench *b);
/* EVENT is printed once the next frame is presented. */
void bench_after_present(struct bench *b, const char *event);
/* A frame was presented: "frame", "first-frame" once, and what waited. */
void bench_presented(struct bench *b);

#endif
