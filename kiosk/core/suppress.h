/* Small-cell suppression for the reports (PRIVACY.md).
 *
 * A "partition" is a set of cells whose bases add up to a total that is
 * shown (sessions per day, per language, per way of ending, score bins...).
 * Primary suppression hides every cell whose base is under k. Secondary
 * suppression then hides more cells, smallest first, until the hidden cells
 * together hold at least k sessions and there are at least two of them, so
 * that "total minus the shown cells" never pins down a hidden one. */
#ifndef KIOSK_CORE_SUPPRESS_H
#define KIOSK_CORE_SUPPRESS_H

#include <stdbool.h>

/* True when a figure computed from `base` sessions must not be shown. An
 * empty cell (base 0) reveals nobody and stays visible as 0. */
bool suppress_small(long long base, int k);

/* Marks hidden[i] for the cells of a partition. Cells already marked on
 * entry stay hidden (for example a row hidden because of another column)
 * and count as hidden for the secondary rule. Returns how many cells are
 * hidden. bases[i] < 0 is treated as 0. */
int suppress_partition(const long long *bases, bool *hidden, int n, int k);

/* For a funnel: counts[0] >= counts[1] >= ... (people who reached each
 * step). Hides small counts, then any count whose drop from the previous
 * shown step is small, since that drop counts the few who stopped there.
 * Cells already marked stay hidden. Returns how many are hidden. */
int suppress_chain(const long long *counts, bool *hidden, int n, int k);

/* True when the total of a partition must be hidden too: it is itself a
 * small figure. */
bool suppress_total(long long total, int k);

#endif
