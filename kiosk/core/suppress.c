/* Small-cell suppression: see suppress.h for the rules and why. */
#include "core/suppress.h"

bool suppress_small(long long base, int k)
{
	return base > 0 && base < k;
}

bool suppress_total(long long total, int k)
{
	return suppress_small(total, k);
}

int suppress_partition(const long long *bases, bool *hidden, int n, int k)
{
	int n_hidden = 0;
	long long hidden_sum = 0;
	for (int i = 0; i < n; i++) {
		long long b = bases[i] > 0 ? bases[i] : 0;
		if (!hidden[i] && suppress_small(b, k))
			hidden[i] = true;
		if (hidden[i]) {
			n_hidden++;
			hidden_sum += b;
		}
	}
	if (n_hidden == 0)
		return 0;
	/* Hiding the smallest non-empty cells first loses the least
	 * information. Empty cells do not help: a hidden 0 is still known
	 * to be small, and revealing it as 0 gives nothing away. */
	while (n_hidden < 2 || hidden_sum < k) {
		int best = -1;
		for (int i = 0; i < n; i++) {
			if (hidden[i] || bases[i] <= 0)
				continue;
			if (best < 0 || bases[i] < bases[best])
				best = i;
		}
		if (best < 0)
			break; /* everything non-empty is hidden already */
		hidden[best] = true;
		n_hidden++;
		hidden_sum += bases[best];
	}
	return n_hidden;
}

int suppress_chain(const long long *counts, bool *hidden, int n, int k)
{
	int n_hidden = 0, last = -1;
	for (int i = 0; i < n; i++) {
		if (!hidden[i] && suppress_small(counts[i], k))
			hidden[i] = true;
		if (!hidden[i] && last >= 0 && suppress_small(counts[last] - counts[i], k))
			hidden[i] = true;
		if (hidden[i])
			n_hidden++;
		else
			last = i;
	}
	return n_hidden;
}
