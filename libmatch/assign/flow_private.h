/* Internals of the assignment engine shared by flow.c, flow_search.c,
 * flow_certify.c and greedy.c. Not API. See docs/solver.md for the method.
 *
 * The two objectives are lexicographic; both become one integer weight per
 * arc, and the engine maximises the total weight (a row unit left
 * unassigned weighs 0):
 *   coverage: w(s) = B + s with B = U * smax + 1 > any total score, so one
 *             more unit always beats any score difference;
 *   score:    w(s) = K * s + 1 with K = U + 1 > any unit count, so one more
 *             millionth always beats any count difference; arcs of score 0
 *             are not arcs at all (never used).
 * U = min(total demand, total capacity) bounds the units of any assignment
 * and smax is the largest arc score. Neither depends on which arcs exist
 * below smax, so prices stay meaningful for pairs added later
 * (lm_flow_reduced_profit). */
#ifndef LM_FLOW_PRIVATE_H
#define LM_FLOW_PRIVATE_H

#include "assign/flow.h"

/* Largest score on an arc: 10^6 points. */
#define LM_FLOW_SCORE_MAX ((lm_score)1000000000000LL)
/* Largest arc weight. Prices stay within [0, W] and search labels within
 * 3W, so every sum the engine forms fits in int64. */
#define LM_FLOW_WEIGHT_MAX (INT64_MAX / 4)
/* Rows and columns each: node numbers must fit in uint32 together. */
#define LM_FLOW_SIDE_MAX ((uint32_t)INT32_MAX)

typedef struct lm_flow_scale {
	int objective;
	int64_t big;   /* B (coverage) or K (score) */
	lm_score smax; /* largest arc score */
} lm_flow_scale;

/* Checks the input's shape and ranges (LM_EINVAL naming the first problem). */
int lm_flow_validate(const lm_flow_input *in, lm_error **err);

/* Derives the weights of a valid input; LM_EINVAL when they would overflow. */
int lm_flow_scale_init(lm_flow_scale *sc, const lm_flow_input *in, lm_error **err);

/* Whether an arc of this score may ever be used. */
static inline gboolean lm_flow_usable(const lm_flow_scale *sc, lm_score s)
{
	return sc->objective != LM_OBJECTIVE_SCORE || s > 0;
}

/* The weight of a usable arc. */
static inline int64_t lm_flow_weight(const lm_flow_scale *sc, lm_score s)
{
	return sc->objective == LM_OBJECTIVE_SCORE ? sc->big * s + 1 : sc->big + s;
}

static inline uint32_t lm_flow_demand(const lm_flow_input *in, uint32_t r)
{
	return in->row_demand ? in->row_demand[r] : 1;
}

static inline uint32_t lm_flow_cap(const lm_flow_input *in, uint32_t c)
{
	return in->col_cap ? in->col_cap[c] : 1;
}

/* The search state, allocated once per solve. Nodes 0..n_rows-1 are rows,
 * n_rows..n_rows+n_cols-1 columns. Each column keeps the arcs assigned to
 * it in slots [slot_start[c], slot_start[c] + load[c]). */
typedef struct lm_flow_work {
	const lm_flow_input *in;
	lm_flow_scale sc;
	uint32_t n_rows, n_cols;
	uint8_t *used;        /* per arc (the output's arc_used) */
	int64_t *p, *q;       /* row and column prices (the output's) */
	uint32_t *cap;        /* per column */
	uint32_t *load;       /* per column: arcs assigned */
	size_t *slot_start;   /* per column + 1 */
	size_t *slot_arc;     /* per slot: the assigned arc */
	uint32_t *slot_row;   /* per slot: its row */
	/* Per arc: its weight, or -1 when it may never be used (weights are
	 * >= 1), computed once so the searches' inner loops do no arithmetic
	 * on the objective. */
	int64_t *wt;
	/* Dijkstra, per node; valid where mark says so (no per-search reset). */
	int64_t *dist;
	size_t *pred_a;       /* column: the arc it was reached by; row: the slot */
	uint32_t *pred_n;     /* the node it was reached from */
	uint32_t *mark;       /* == gen: labelled; == gen + 1: settled */
	uint32_t gen;
	uint32_t *heap, *heap_pos, heap_len;
	uint32_t *settled, n_settled;
} lm_flow_work;

/* Allocates the workspace for in; used/p/q are borrowed from out. */
int lm_flow_work_init(lm_flow_work *w, const lm_flow_input *in, const lm_flow_scale *sc,
		      lm_flow_output *out, lm_error **err);
void lm_flow_work_clear(lm_flow_work *w);

/* The fast start (flow_auction.c): places rows of demand 1, in the given
 * order, by bidding, keeping the search's invariants; sets placed[r] for
 * each row it placed. The others are left to lm_flow_route_unit().
 * LM_ENOMEM (nothing changed) when its queue cannot be allocated. */
int lm_flow_auction(lm_flow_work *w, const uint32_t *order, uint8_t *placed);

/* Routes one more unit of row r along a shortest augmenting path (to a
 * column with room, or to some row's "unassigned" option) and updates the
 * prices so that every residual arc keeps a non-negative reduced cost. */
void lm_flow_route_unit(lm_flow_work *w, uint32_t r);

#endif
