/* Strict rankings for stable matching and choice rounds, built from a
 * cohort and a model. Not API; lm_match and verify use them.
 *
 * A person's acceptable partners are the feasible ones (every hard
 * constraint passes; under objective score the pair must also score above
 * 0, as a pair that adds nothing is never made under that objective).
 * Each ranks them: first their own `choices`, in their order, then the
 * others by the model's score of the pair, highest first; equal scores by
 * a seeded key of the partner (lm_rank_key), then by cohort order. The
 * rule is documented in docs/policies.md. */
#ifndef LM_RANK_H
#define LM_RANK_H

#include "assign/stable.h"
#include "score/scorer.h"

typedef struct lm_rank_lists {
	lm_rankings r;            /* points into the arrays below */
	uint32_t *wants, *cap;    /* the demand and capacities given */
	size_t *mentee_start, *mentor_start;
	uint32_t *mentee_list, *mentor_list;
} lm_rank_lists;

/* demand[m] / cap[t]: mentors mentee m still wants and places mentor t
 * still has (after kept pairs); a kept `current` pair is in no list, and a
 * mentee who wants nothing more ranks nobody. */
int lm_rank_build(lm_rank_lists *out, const lm_scorer *s, const uint32_t *demand,
		  const uint32_t *cap, int objective, uint64_t seed, gboolean keep_current,
		  lm_error **err);
void lm_rank_clear(lm_rank_lists *l);

/* The tie-break key of person `index` of a side (0 mentees, 1 mentors)
 * under a seed: SplitMix64's finaliser, as in the exact engine's row order. */
uint64_t lm_rank_key(uint64_t seed, int side, uint32_t index);

/* The order of choice rounds: mentees by time waiting, longest first
 * (no `waiting_since`: after everyone who gave one), then by seeded key,
 * then cohort order. Caller frees with g_free. */
uint32_t *lm_rank_rounds_order(const lm_cohort *c, uint64_t seed);

#endif
