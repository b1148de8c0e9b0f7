/* The candidate graph: feasible pairs with their scores, in CSR form,
 * optionally only the top-k per mentee. Not API. */
#ifndef LM_CANDIDATES_H
#define LM_CANDIDATES_H

#include <glib.h>
#include <stdint.h>
#include "score/scorer.h"

typedef struct lm_candidates {
	uint32_t n_rows;
	size_t *row_start;  /* n_rows + 1 */
	uint32_t *col;      /* ascending within a row */
	lm_score *score;
	gboolean pruned;    /* top-k left some feasible pair out */
} lm_candidates;

/* Scores every pair (mentee r, mentor c) with row_demand[r] > 0,
 * col_cap[c] > 0, not already a kept `current` pair, and feasible; keeps the
 * top_k best per mentee (0 = all; ties broken by the lower mentor index).
 * Mentees are split across `threads` workers; the result does not depend
 * on the thread count. */
int lm_candidates_build(lm_candidates *out, const lm_scorer *s, const uint32_t *row_demand,
			const uint32_t *col_cap, long top_k, int threads, lm_error **err);

/* Adds arcs (sorted by row, then col; none already present) and rebuilds. */
void lm_candidates_merge(lm_candidates *c, const uint32_t *rows, const uint32_t *cols,
			 const lm_score *scores, size_t n);

void lm_candidates_clear(lm_candidates *c);

#endif
