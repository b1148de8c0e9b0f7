/* Kept (`current`) pairs that break a hard constraint. Not API. */
#ifndef LM_KEPT_H
#define LM_KEPT_H

#include "core/cohort_private.h"
#include "core/error_private.h"
#include "score/scorer.h"

/* The located error for kept pair (mentee, mentor) failing the constraints
 * in `failed` (lm_scorer_check bits): located at the mentee's `current`
 * list in the cohort file. Caller owns it. */
lm_error *lm_kept_pair_error(const lm_scorer *s, const lm_cohort *c, uint32_t mentee,
			     uint32_t mentor, uint32_t failed);

#endif
