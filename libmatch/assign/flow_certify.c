/* The optimality certificate, checked independently of how the solution
 * was found, in integer arithmetic. With weights w (flow_private.h), the
 * assignment x and prices p (rows), q (columns) prove x optimal when:
 *   x is feasible: each arc at most once, row loads <= demand, column
 *     loads <= capacity;
 *   p, q >= 0; p_r > 0 only for a row at its demand, q_c > 0 only for a
 *     column at its capacity;
 *   every unused arc has p_r + q_c >= w, every used arc p_r + q_c <= w.
 * These are LP duality's complementary slackness conditions for
 * max sum w x s.t. row sums <= demand, column sums <= capacity, 0 <= x <= 1
 * (the slack w - p_r - q_c of a used arc is the dual of its bound x <= 1),
 * so the total weight equals a dual bound and no assignment weighs more. */
#include "assign/flow_private.h"

typedef struct loads {
	uint64_t *row, *col;
} loads;

/* Row and column loads, or FALSE when an arc is used that may not be. */
static gboolean count_loads(const lm_flow_input *in, const lm_flow_output *out,
			    const lm_flow_scale *sc, loads *l)
{
	uint64_t matched = 0;
	lm_score total = 0;

	for (uint32_t r = 0; r < in->n_rows; r++) {
		for (size_t a = in->row_start[r]; a < in->row_start[r + 1]; a++) {
			if (out->arc_used[a] == 0)
				continue;
			if (out->arc_used[a] != 1 || !lm_flow_usable(sc, in->arc_score[a]))
				return FALSE;
			l->row[r]++;
			l->col[in->arc_col[a]]++;
			matched++;
			total += in->arc_score[a];
		}
	}
	return matched == out->matched && total == out->total;
}

static gboolean check_nodes(const lm_flow_input *in, const lm_flow_output *out, const loads *l)
{
	for (uint32_t r = 0; r < in->n_rows; r++) {
		int64_t p = out->row_price[r];

		if (l->row[r] > lm_flow_demand(in, r) || p < 0 || p > LM_FLOW_WEIGHT_MAX ||
		    (p > 0 && l->row[r] != lm_flow_demand(in, r)))
			return FALSE;
	}
	for (uint32_t c = 0; c < in->n_cols; c++) {
		int64_t q = out->col_price[c];

		if (l->col[c] > lm_flow_cap(in, c) || q < 0 || q > LM_FLOW_WEIGHT_MAX ||
		    (q > 0 && l->col[c] != lm_flow_cap(in, c)))
			return FALSE;
	}
	return TRUE;
}

static gboolean check_arcs(const lm_flow_input *in, const lm_flow_output *out,
			   const lm_flow_scale *sc)
{
	for (uint32_t r = 0; r < in->n_rows; r++) {
		for (size_t a = in->row_start[r]; a < in->row_start[r + 1]; a++) {
			if (!lm_flow_usable(sc, in->arc_score[a]))
				continue;
			/* Prices were checked to be within [0, W]: the sum fits. */
			int64_t slack = out->row_price[r] + out->col_price[in->arc_col[a]] -
					lm_flow_weight(sc, in->arc_score[a]);

			if (out->arc_used[a] ? slack > 0 : slack < 0)
				return FALSE;
		}
	}
	return TRUE;
}

gboolean lm_flow_certify(const lm_flow_input *in, const lm_flow_output *out)
{
	lm_flow_scale sc;
	loads l;
	gboolean ok;

	if (!out || !out->arc_used || !out->row_price || !out->col_price ||
	    lm_flow_validate(in, NULL) < 0 || lm_flow_scale_init(&sc, in, NULL) < 0)
		return FALSE;
	l.row = g_try_new0(uint64_t, MAX(in->n_rows, 1u));
	l.col = g_try_new0(uint64_t, MAX(in->n_cols, 1u));
	ok = l.row && l.col && count_loads(in, out, &sc, &l) && check_nodes(in, out, &l) &&
	     check_arcs(in, out, &sc);
	g_free(l.row);
	g_free(l.col);
	return ok;
}

lm_flow_profit lm_flow_profit_of(const lm_flow_input *in, const lm_flow_output *out,
				 lm_score score, int64_t *weight)
{
	*weight = 0;
	if (!in || !out || !out->row_price || !out->col_price || score < 0 ||
	    score > LM_FLOW_SCORE_MAX || out->scale_big <= 0)
		return LM_FLOW_PROFIT_ZERO;

	lm_flow_scale sc = { in->objective, out->scale_big, out->scale_smax };

	if (!lm_flow_usable(&sc, score))
		return LM_FLOW_PROFIT_NONE;
	/* Above the graph's largest score the coverage weights would change
	 * (B depends on it), and a score weight might overflow: answer "may
	 * improve" and let the caller re-solve with the pair in the graph. */
	if (sc.objective == LM_OBJECTIVE_COVERAGE ? score > sc.smax
						   : score > (LM_FLOW_WEIGHT_MAX - 1) / sc.big)
		return LM_FLOW_PROFIT_ANY;
	*weight = lm_flow_weight(&sc, score);
	return LM_FLOW_PROFIT_WEIGHT;
}

int64_t lm_flow_reduced_profit(const lm_flow_input *in, const lm_flow_output *out, uint32_t row,
			       uint32_t col, lm_score score)
{
	int64_t w;

	if (!in || !out || !out->row_price || !out->col_price || row >= in->n_rows ||
	    col >= in->n_cols)
		return 0;
	lm_flow_profit k = lm_flow_profit_of(in, out, score, &w);

	return lm_flow_profit_value(k, w, out->row_price[row] + out->col_price[col]);
}
