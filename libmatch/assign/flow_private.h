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

/* An arc as the searches read it (see lm_flow_work.arc). */
typedef struct lm_flow_arc {
	uint32_t col;
	uint32_t s; /* score, | LM_FLOW_ARC_SKIP */
} lm_flow_arc;

#define LM_FLOW_ARC_SKIP 0x80000000u

/* A labelled node in the search's heap, with its label. */
typedef struct lm_flow_heap_entry {
	int64_t dist;
	uint32_t node;
} lm_flow_heap_entry;

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
	int64_t *slot_wt;     /* per slot: the assigned arc's weight */
	/* Per row: an upper bound on w - q_c over its usable unused arcs,
	 * exact when the row was last scanned; it stays a bound because
	 * column prices only rise, and grows when an arc becomes unused.
	 * INT64_MAX until the row is first scanned. A row whose bound puts
	 * every arc beyond the search's bound is not scanned. */
	int64_t *reach;
	size_t *slot_arcs;    /* per slot: its row's first arc and end, so that */
	size_t *slot_arcs_end; /* the row's arcs load before the row is scanned */
	/* The searches' copy of the arcs. When every score fits in 31 bits
	 * (any score up to 2,147 points), arc[a] packs the column and the score
	 * in 8 bytes, with LM_FLOW_ARC_SKIP set while the arc is used or when
	 * it may never be used; its weight is wmul * score + wadd. Otherwise
	 * wt[a] is its weight, or -1 when it may never be used (weights are
	 * >= 1). Exactly one of arc and wt is allocated. */
	struct lm_flow_arc *arc;
	int64_t wmul, wadd;
	int64_t *wt;
	gboolean arcs_borrowed; /* arc or wt belongs to an lm_flow_scratch */
	/* Dijkstra, per node; valid where mark says so (no per-search reset). */
	int64_t *dist;
	size_t *pred_a;       /* column: the arc it was reached by; row: the slot */
	uint32_t *pred_n;     /* the node it was reached from */
	uint32_t *mark;       /* == gen: labelled; == gen + 1: settled */
	uint32_t gen;
	lm_flow_heap_entry *heap;
	uint32_t *heap_pos, heap_len;
	uint32_t *settled, n_settled;
	uint32_t *lane, lane_len, lane_pos; /* see scan_column */
} lm_flow_work;

/* Marks arc a used (1) or not (0), in the output and the searches' copy. */
static inline void lm_flow_set_used(lm_flow_work *w, size_t a, uint8_t used)
{
	w->used[a] = used;
	if (w->arc)
		w->arc[a].s = used ? w->arc[a].s | LM_FLOW_ARC_SKIP : w->arc[a].s & ~LM_FLOW_ARC_SKIP;
}

/* Slot s of a column now holds arc a of row r (the arc's used flag is the
 * caller's). */
static inline void lm_flow_fill_slot(lm_flow_work *w, size_t s, uint32_t r, size_t a)
{
	w->slot_arc[s] = a;
	w->slot_row[s] = r;
	w->slot_wt[s] = lm_flow_weight(&w->sc, w->in->arc_score[a]);
	w->slot_arcs[s] = w->in->row_start[r];
	w->slot_arcs_end[s] = w->in->row_start[r + 1];
}

/* The buffers of an lm_flow_scratch. */
enum {
	LM_FLOW_BUF_ARCS,    /* lm_flow_work's arc or wt */
	LM_FLOW_BUF_T_START, /* the transposed graph (flow_transpose.c) */
	LM_FLOW_BUF_T_COL,
	LM_FLOW_BUF_T_SCORE,
	LM_FLOW_BUF_T_ORIG,
};

/* Buffer k of ws with room for bytes, its contents undefined; NULL when
 * out of memory. Grows by an eighth more than asked, so that the next
 * round's few added arcs fit. */
void *lm_flow_scratch_get(lm_flow_scratch *ws, int k, size_t bytes);

/* lm_flow_solve with its per-arc search array in ws (NULL: its own). */
int lm_flow_solve_scratch(const lm_flow_input *in, lm_flow_output *out, lm_flow_scratch *ws,
			  lm_error **err);

/* Allocates the workspace for in; used/p/q are borrowed from out, the
 * searches' copy of the arcs from ws when not NULL. */
int lm_flow_work_init(lm_flow_work *w, const lm_flow_input *in, const lm_flow_scale *sc,
		      lm_flow_output *out, lm_flow_scratch *ws, lm_error **err);
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
