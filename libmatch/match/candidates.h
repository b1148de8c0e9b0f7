/* The candidate graph: feasible pairs with their scores, in CSR form,
 * optionally only the top-k per mentee and the best mentees of each mentor.
 * Not API. */
#ifndef LM_CANDIDATES_H
#define LM_CANDIDATES_H

#include <glib.h>
#include <stdint.h>
#include "score/scorer.h"

typedef struct lm_candidates {
	uint32_t n_rows, n_cols;
	size_t *row_start;  /* n_rows + 1 */
	uint32_t *col;      /* ascending within a row */
	lm_score *score;
	gboolean pruned;    /* some feasible pair is not in the graph */
	/* Bounds on the pairs left out, so that pricing can skip work: every
	 * feasible pair (r, c) not in the graph scores at most
	 * MIN(row_bound[r], col_bound[c]); -1 means "none left out". NULL when
	 * nothing was pruned. */
	lm_score *row_bound, *col_bound;
	/* pairs that reached the heaps (feasible and above their floors):
	 * a figure for benchmarks, which depends on how rows were split
	 * among workers */
	uint64_t scored;
} lm_candidates;

/* Scores every pair (mentee r, mentor c) with row_demand[r] > 0,
 * col_cap[c] > 0, not already a kept `current` pair, and feasible; keeps the
 * top_k best per mentee (0 = all; ties broken by the lower mentor index).
 * Mentees are split across `threads` workers; the result does not depend
 * on the thread count. */
int lm_candidates_build(lm_candidates *out, const lm_scorer *s, const uint32_t *row_demand,
			const uint32_t *col_cap, long top_k, int threads, lm_error **err);

/* The same single scoring pass, and with top_k > 0 also each mentor's
 * col_per_place x capacity best mentees (ties: lower mentee index), so that
 * the graph offers every mentor's places to someone even when most mentees
 * name the same few mentors. col_per_place 0 is lm_candidates_build. */
int lm_candidates_build_both(lm_candidates *out, const lm_scorer *s, const uint32_t *row_demand,
			     const uint32_t *col_cap, long top_k, uint32_t col_per_place,
			     int threads, lm_error **err);

/* Adds arcs (sorted by row, then col; none already present) and rebuilds. */
void lm_candidates_merge(lm_candidates *c, const uint32_t *rows, const uint32_t *cols,
			 const lm_score *scores, size_t n);

void lm_candidates_clear(lm_candidates *c);

/* Runs fn(data, worker, chunk) for chunks 0..n_chunks-1 on up to `threads`
 * workers (worker < threads), each worker taking the next chunk when it is
 * done, so that per-worker scratch is allocated once. LM_EINTERNAL when no
 * thread can be started. */
typedef void (*lm_chunk_fn)(void *data, uint32_t worker, uint32_t chunk);
int lm_run_chunks(lm_chunk_fn fn, void *data, uint32_t n_chunks, int threads, lm_error **err);

#endif
