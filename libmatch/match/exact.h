/* The exact optimum of a scored cohort: candidate graph (top-k per mentee
 * and the best mentees of each mentor), min-cost flow, pricing of the
 * pruned pairs until none could help, certificate. Not API. */
#ifndef LM_EXACT_H
#define LM_EXACT_H

#include "assign/flow.h"
#include "match/candidates.h"
#include "match/options_private.h"

typedef struct lm_exact {
	lm_candidates cand;       /* the final graph */
	lm_flow_output flow;      /* its optimal solution (arc_used parallel to cand) */
	unsigned pricing_rounds;  /* pricing passes over the pruned pairs */
	gboolean optimal;         /* proved by the dual certificate */
	/* Work done, for the benchmark: pairs scored by the pricing passes
	 * (the bounds skip the rest), pairs they added to the graph. */
	uint64_t priced, added;
	gint64 build_us, solve_us, price_us; /* monotonic time in each phase */
} lm_exact;

/* demand[r]: mentors mentee r still wants; cap[c]: places mentor c still
 * has (both after kept pairs). Uses opt->objective, seed, top_k, threads. */
int lm_exact_solve(lm_exact *x, const lm_scorer *s, const uint32_t *demand, const uint32_t *cap,
		   const lm_options *opt, lm_error **err);
void lm_exact_clear(lm_exact *x);

#endif
