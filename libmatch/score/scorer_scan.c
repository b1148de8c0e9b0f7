/* Scanning one mentee against every mentor: the availability filter
 * (too few common hours), which rules out about 80% of pairs and is tried
 * first, evaluated on mentors' availability packed contiguously, without a
 * call per pair. It answers exactly as lm_crit_availability_filter does
 * (criteria_time.c): a pair where either side gave no availability passes;
 * otherwise the common half-hour slots must reach min_slots. */
#include "score/criteria.h"

void lm_scorer_scan_bind(lm_scorer *s)
{
	const lm_cohort *c = s->cohort;
	uint32_t n = c->count[LM_ROLE_MENTOR];

	if (!(s->required & (1u << LM_CRIT_AVAILABILITY)))
		return;
	s->scan_avail = g_new(uint64_t, (size_t)MAX(n, 1u) * LM_AVAIL_WORDS);
	for (uint32_t m = 0; m < n; m++) {
		const lm_person *p = lm_cohort_mentor(c, m);
		uint64_t *row = s->scan_avail + (size_t)m * LM_AVAIL_WORDS;

		for (int w = 0; w < LM_AVAIL_WORDS; w++)
			row[w] = p->has_avail ? p->avail[w] : UINT64_MAX;
	}
}

/* Common slots of a mentee and a packed mentor row. The generic version
 * sums per-byte bit counts of all six words before one horizontal add (as
 * criteria_time.c does); on x86-64 a copy compiled for the POPCNT
 * instruction is chosen at run time, since the default target lacks it. */
#define SCAN_BODY(POPCOUNT)                                                                 \
	for (uint32_t m = 0; m < n_cols; m++, row += LM_AVAIL_WORDS) {                       \
		uint32_t common = POPCOUNT(a, row);                                             \
		out[n] = m;                                                                     \
		/* All ones marks a mentor without availability, who passes. */                \
		n += common >= need || row[0] == UINT64_MAX;                                    \
	}

static inline uint32_t common_generic(const uint64_t *a, const uint64_t *b)
{
	const uint64_t m1 = UINT64_C(0x5555555555555555), m2 = UINT64_C(0x3333333333333333);
	const uint64_t m4 = UINT64_C(0x0f0f0f0f0f0f0f0f), m8 = UINT64_C(0x00ff00ff00ff00ff);
	uint64_t bytes = 0;

	for (int w = 0; w < LM_AVAIL_WORDS; w++) {
		uint64_t x = a[w] & b[w];

		x -= (x >> 1) & m1;
		x = (x & m2) + ((x >> 2) & m2);
		bytes += (x + (x >> 4)) & m4;
	}
	uint64_t lanes = (bytes & m8) + ((bytes >> 8) & m8);

	return (uint32_t)((lanes * UINT64_C(0x0001000100010001)) >> 48);
}

static uint32_t scan_generic(const uint64_t *a, const uint64_t *row, uint32_t n_cols,
			     uint32_t need, uint32_t *out)
{
	uint32_t n = 0;

	SCAN_BODY(common_generic)
	return n;
}

#if defined(__GNUC__) && defined(__x86_64__) && !defined(__POPCNT__)
#define LM_SCAN_DISPATCH 1
__attribute__((target("popcnt"))) static inline uint32_t common_popcnt(const uint64_t *a,
								       const uint64_t *b)
{
	uint32_t n = 0;

	for (int w = 0; w < LM_AVAIL_WORDS; w++)
		n += (uint32_t)__builtin_popcountll(a[w] & b[w]);
	return n;
}

__attribute__((target("popcnt"))) static uint32_t scan_popcnt(const uint64_t *a,
							       const uint64_t *row, uint32_t n_cols,
							       uint32_t need, uint32_t *out)
{
	uint32_t n = 0;

	SCAN_BODY(common_popcnt)
	return n;
}
#endif

uint32_t lm_scorer_scan(const lm_scorer *s, uint32_t mentee, uint32_t *out)
{
	const lm_person *me = lm_cohort_mentee(s->cohort, mentee);
	uint32_t n_cols = s->cohort->count[LM_ROLE_MENTOR];

	if (!s->scan_avail || !me->has_avail) {
		for (uint32_t m = 0; m < n_cols; m++)
			out[m] = m;
		return n_cols;
	}
#ifdef LM_SCAN_DISPATCH
	if (__builtin_cpu_supports("popcnt"))
		return scan_popcnt(me->avail, s->scan_avail, n_cols, s->p->availability.min_slots,
				   out);
#endif
	return scan_generic(me->avail, s->scan_avail, n_cols, s->p->availability.min_slots, out);
}
