/* The cell-key method (issue 21, PRIVACY.md « Le bruit »): how a count
 * that leaves the kiosk is published. It is the method statistical offices
 * publish small-area tables with (the Australian Bureau of Statistics'
 * TableBuilder, Eurostat's recommendation for the 2021 census, Destatis;
 * the `ptable` and `cellKey` R packages).
 *
 * Each session gets a random 32-bit record key when it is saved. The key
 * of a cell (a count: "sessions that passed", "answers B to q2"...) is the
 * sum of the keys of the records it counts, modulo 2^32: additive, so a
 * batch file carries it and merging batches or kiosks gives the key one
 * database would. The published count is the true count plus a deviation
 * read from a fixed perturbation table by (true count, cell key):
 *  - bounded: |d| <= CELLKEY_MAX_DEV;
 *  - zero-mean, same variance CELLKEY_VARIANCE for every count >= 1;
 *  - never negative: 0 stays 0; 1 and 2 are never published unchanged,
 *    and both can be published as 0;
 *  - the same cell (same records, hence same key and count) gets the same
 *    deviation everywhere: every format, the trainer screen, every run.
 * Pure: no randomness here; the store draws the record keys. */
#ifndef KIOSK_CORE_CELLKEY_H
#define KIOSK_CORE_CELLKEY_H

#include <stdint.h>

enum { CELLKEY_MAX_DEV = 2 };
#define CELLKEY_VARIANCE 1.3

/* Sums of record keys, added up as 64-bit integers (SQL sum()), folded to
 * a cell key. */
uint32_t cellkey_fold(long long key_sum);

/* The deviation of a true count n >= 0 with cell key key. */
int cellkey_deviation(long long n, uint32_t key);
/* n plus its deviation: the published count (>= 0). */
long long cellkey_count(long long n, uint32_t key);

/* A sum over the records of a cell (scores, durations, item sums):
 * published as sum + d * m, with d read from the table's row for large
 * counts by a key derived from the cell's key and `measure` (a constant
 * per kind of sum, so two sums of one cell get independent deviations), and
 * m half the cell's mean value (at least 1). Clamped to 0..max_each *
 * n_published, so that an average stays within its range. */
long long cellkey_sum(long long sum, long long n, long long n_published, uint32_t key,
                      unsigned measure, long long max_each);

/* The table, for PRIVACY.md and the tests: the probability that a true
 * count n is published as n + d. */
double cellkey_probability(long long n, int d);

#endif
