/* The exact assignment engine: a capacitated bipartite min-cost flow on a
 * sparse graph in CSR form. Not API; lm_match and lm_graph_solve call it.
 *
 * Rows are mentees (each may take up to row_demand[r] distinct columns),
 * columns are mentors (capacity col_cap[c]). Objective coverage: assign the
 * most units, then the highest total score; objective score: the highest
 * total, a zero-score arc never used. Ties between optimal assignments are
 * broken by a documented, seeded rule (docs/solver.md), never by memory
 * addresses or hash order. */
#ifndef LM_FLOW_H
#define LM_FLOW_H

#include <glib.h>
#include <stdint.h>
#include <stddef.h>
#include "libmatch/match.h"

typedef struct lm_flow_input {
	uint32_t n_rows, n_cols;
	const uint32_t *row_demand; /* NULL: every row wants 1 */
	const uint32_t *col_cap;    /* NULL: every column has capacity 1 */
	const size_t *row_start;    /* n_rows + 1 offsets into the arc arrays */
	const uint32_t *arc_col;    /* per arc; ascending and unique within a row */
	const lm_score *arc_score;  /* per arc; 0 <= score <= 10^12 */
	int objective;              /* LM_OBJECTIVE_* */
	uint64_t seed;              /* tie-break seed */
} lm_flow_input;

typedef struct lm_flow_output {
	uint8_t *arc_used;   /* per arc: 1 when assigned (g_free) */
	int64_t *row_price;  /* dual prices, the optimality certificate (g_free) */
	int64_t *col_price;
	uint64_t matched;    /* units assigned */
	lm_score total;      /* sum of used arcs' scores */
	/* The objective's weight scale (docs/solver.md), kept so that
	 * lm_flow_reduced_profit() answers in O(1) without rescanning arcs. */
	int64_t scale_big;
	lm_score scale_smax;
} lm_flow_output;

int lm_flow_solve(const lm_flow_input *in, lm_flow_output *out, lm_error **err);
void lm_flow_output_clear(lm_flow_output *out);

/* The same optimum, solved from the side with fewer units to place
 * (flow_transpose.c): much faster when mentors' places are scarce. Among
 * equally optimal answers it may choose another one than lm_flow_solve,
 * by the same rule applied to the transposed graph. */
int lm_flow_solve_auto(const lm_flow_input *in, lm_flow_output *out, lm_error **err);

/* Memory a sequence of solves reuses: the arrays of one arc each (the
 * transposed graph, the searches' copy of the arcs), kept from one solve
 * to the next. The rounds of lm_exact_solve solve graphs of nearly the
 * same size, and each fresh array costs its first touch again (page
 * faults: about 4 s per GiB on the reference machine, most of a solve at
 * 100,000 mentees). Zero-initialise; caller owns, lm_flow_scratch_clear
 * frees. Neither the answer nor the prices depend on it. */
#define LM_FLOW_SCRATCH_BUFS 5

typedef struct lm_flow_scratch {
	void *buf[LM_FLOW_SCRATCH_BUFS];
	size_t bytes[LM_FLOW_SCRATCH_BUFS]; /* allocated */
} lm_flow_scratch;

/* lm_flow_solve_auto with its big arrays taken from (and left in) ws. */
int lm_flow_solve_auto_scratch(const lm_flow_input *in, lm_flow_output *out,
			       lm_flow_scratch *ws, lm_error **err);
void lm_flow_scratch_clear(lm_flow_scratch *ws);

/* Whether out is feasible for in and its prices prove it optimal. */
gboolean lm_flow_certify(const lm_flow_input *in, const lm_flow_output *out);

/* The reduced profit of a pair (row, col, score) NOT in the graph under
 * out's prices: > 0 means adding that arc could improve the optimum. Used
 * to price pairs pruned by top-k. */
int64_t lm_flow_reduced_profit(const lm_flow_input *in, const lm_flow_output *out, uint32_t row,
			       uint32_t col, lm_score score);

/* lm_flow_reduced_profit without the prices, so that a loop over many
 * columns computes it once: ZERO (0) and NONE (-1) whatever the prices,
 * ANY (1: "may improve", re-solve to know), or WEIGHT: weight minus the
 * row's and the column's price. */
typedef enum {
	LM_FLOW_PROFIT_ZERO,
	LM_FLOW_PROFIT_NONE,
	LM_FLOW_PROFIT_ANY,
	LM_FLOW_PROFIT_WEIGHT,
} lm_flow_profit;

lm_flow_profit lm_flow_profit_of(const lm_flow_input *in, const lm_flow_output *out,
				 lm_score score, int64_t *weight);

/* The reduced profit of a pair whose score has class k and weight w, with
 * prices summing to price. */
static inline int64_t lm_flow_profit_value(lm_flow_profit k, int64_t w, int64_t price)
{
	return k == LM_FLOW_PROFIT_WEIGHT ? w - price
	       : k == LM_FLOW_PROFIT_ANY  ? 1
	       : k == LM_FLOW_PROFIT_NONE ? -1
					  : 0;
}

#endif
