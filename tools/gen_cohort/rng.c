/* lm-gen-cohort: the random numbers.
 *
 * Determinism: every draw comes from our own xoshiro256** seeded through
 * splitmix64, and every probability is an integer weight, so a seed gives the
 * same bytes on every machine and libc (rand() and floating point would not).
 * Each person has their own stream derived from (seed, side, index), so
 * person i does not change when the other side's size changes. */
#include "gen_cohort.h"

static uint64_t splitmix64(uint64_t *x)
{
	uint64_t z = (*x += UINT64_C(0x9e3779b97f4a7c15));

	z = (z ^ (z >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
	z = (z ^ (z >> 27)) * UINT64_C(0x94d049bb133111eb);
	return z ^ (z >> 31);
}

/* One independent stream per (seed, stream, index); index < 2^40. */
void rng_seed(gen_rng *r, uint64_t seed, uint64_t stream, uint64_t index)
{
	uint64_t x = seed;

	x = splitmix64(&x) ^ (stream << 40) ^ index;
	for (int i = 0; i < 4; i++)
		r->s[i] = splitmix64(&x);
}

static inline uint64_t rotl64(uint64_t x, int k)
{
	return (x << k) | (x >> (64 - k));
}

static uint64_t rng_next(gen_rng *r)
{
	uint64_t *s = r->s;
	uint64_t result = rotl64(s[1] * 5, 7) * 9;
	uint64_t t = s[1] << 17;

	s[2] ^= s[0];
	s[3] ^= s[1];
	s[1] ^= s[2];
	s[0] ^= s[3];
	s[2] ^= t;
	s[3] = rotl64(s[3], 45);
	return result;
}

/* Uniform in [0, n), without modulo bias; n > 0. */
uint32_t rng_below(gen_rng *r, uint32_t n)
{
	uint64_t limit = UINT64_MAX - UINT64_MAX % n;
	uint64_t x;

	do
		x = rng_next(r);
	while (x >= limit);
	return (uint32_t)(x % n);
}

int rng_range(gen_rng *r, int lo, int hi)
{
	return lo + (int)rng_below(r, (uint32_t)(hi - lo + 1));
}

/* TRUE with probability per_mille / 1000. */
gboolean rng_chance(gen_rng *r, unsigned per_mille)
{
	return rng_below(r, 1000) < per_mille;
}

/* An index of w[0..n) drawn with probability proportional to w[i]. */
unsigned rng_weighted(gen_rng *r, const unsigned *w, size_t n)
{
	uint32_t total = 0, x;

	for (size_t i = 0; i < n; i++)
		total += w[i];
	x = rng_below(r, total);
	for (size_t i = 0; i < n; i++) {
		if (x < w[i])
			return (unsigned)i;
		x -= w[i];
	}
	return (unsigned)(n - 1);
}
