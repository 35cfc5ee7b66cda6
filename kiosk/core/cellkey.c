/* The perturbation table of core/cellkey.h. Rows: true count 0, 1, 2, and
 * 3 or more; columns: deviation -2..+2, in hundredths. Each row from 1 on
 * has mean 0 and variance 1.3 (PRIVACY.md shows the computation):
 *   n = 1:  -1: 55 %, +1: 35 %, +2: 10 %       (never 1; 0 in 55 %)
 *   n = 2:  -2: 5 %, -1: 45 %, +1: 45 %, +2: 5 % (never 2; 0 in 5 %)
 *   n >= 3: -2: 10 %, -1: 25 %, 0: 30 %, +1: 25 %, +2: 10 %
 * The cell key, uniform over 0..2^32-1 (a sum of independent uniform keys
 * modulo 2^32), picks the deviation by where it falls in the row's
 * cumulative probabilities, as in the ABS method. */
#include "core/cellkey.h"

static const unsigned char table[4][2 * CELLKEY_MAX_DEV + 1] = {
    {0, 0, 100, 0, 0},
    {0, 55, 0, 35, 10},
    {5, 45, 0, 45, 5},
    {10, 25, 30, 25, 10},
};

uint32_t cellkey_fold(long long key_sum)
{
	return (uint32_t)((unsigned long long)key_sum & 0xffffffffULL);
}

static int row(long long n)
{
	return n <= 0 ? 0 : n >= 3 ? 3 : (int)n;
}

static int lookup(int r, uint32_t key)
{
	/* key / 2^32 against the cumulative percentages, in integers. */
	unsigned long long u = (unsigned long long)key * 100, cum = 0;
	for (int i = 0; i < 2 * CELLKEY_MAX_DEV + 1; i++) {
		cum += (unsigned long long)table[r][i] << 32;
		if (u < cum)
			return i - CELLKEY_MAX_DEV;
	}
	return 0; /* unreachable: each row sums to 100 */
}

int cellkey_deviation(long long n, uint32_t key)
{
	return lookup(row(n), key);
}

long long cellkey_count(long long n, uint32_t key)
{
	if (n < 0)
		n = 0;
	return n + cellkey_deviation(n, key);
}

/* A well-mixed key of its own for each sum of a cell (the finaliser of
 * MurmurHash3): the cell key alone would give every sum of the cell the
 * deviation of its count. */
static uint32_t derive(uint32_t key, unsigned measure)
{
	uint32_t h = key ^ (0x9e3779b9u * (measure + 1));
	h ^= h >> 16;
	h *= 0x85ebca6bu;
	h ^= h >> 13;
	h *= 0xc2b2ae35u;
	h ^= h >> 16;
	return h;
}

long long cellkey_sum(long long sum, long long n, long long n_published, uint32_t key,
                      unsigned measure, long long max_each)
{
	if (n <= 0 || sum < 0)
		return 0;
	long long m = (sum / n + 1) / 2;
	if (m < 1)
		m = 1;
	long long v = sum + lookup(3, derive(key, measure)) * m;
	long long hi = max_each * (n_published > 0 ? n_published : 0);
	return v < 0 ? 0 : v > hi ? hi : v;
}

double cellkey_probability(long long n, int d)
{
	if (d < -CELLKEY_MAX_DEV || d > CELLKEY_MAX_DEV)
		return 0.0;
	return table[row(n)][d + CELLKEY_MAX_DEV] / 100.0;
}
