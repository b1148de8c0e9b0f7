/* One solver per algorithm for lm_match: optimal (exact, or re-optimising
 * everyone with a break cost), greedy and fair on the full candidate graph
 * (each compared with the optimum), stable and choice rounds on rankings
 * from rank.c. Every solver leaves the pairs it chose in r->assigned. */
#include <stdlib.h>
#include <string.h>
#include "core/cohort_private.h"
#include "core/error_private.h"
#include "assign/fair.h"
#include "assign/greedy.h"
#include "match/candidates.h"
#include "match/exact.h"
#include "match/run_private.h"

/* The exact engine's largest arc score (10^6 points). */
#define ARC_SCORE_MAX ((lm_score)1000000000000LL)

gboolean lm_run_is_current(const lm_run *r, uint32_t mentee, uint32_t mentor)
{
	const lm_person *p = lm_cohort_mentee(r->cohort, mentee);

	return p->current.len && lm_span_contains(r->cohort, p->current, mentor);
}

static void flow_input(const lm_run *r, const lm_candidates *cand, lm_flow_input *in)
{
	*in = (lm_flow_input){
		.n_rows = r->n_rows,
		.n_cols = r->n_cols,
		.row_demand = r->demand,
		.col_cap = r->cap,
		.row_start = cand->row_start,
		.arc_col = cand->col,
		.arc_score = cand->score,
		.objective = r->opt.objective,
		.seed = r->opt.seed,
	};
}

static void take_used(lm_run *r, const lm_candidates *cand, const uint8_t *used)
{
	for (uint32_t m = 0; m < r->n_rows; m++)
		for (size_t a = cand->row_start[m]; a < cand->row_start[m + 1]; a++)
			if (used[a]) {
				lm_pair_ix p = { m, cand->col[a] };

				g_array_append_val(r->assigned, p);
			}
}

/* Re-optimising: each feasible `current` pair joins the graph with the
 * break cost as a bonus, so that dropping it costs exactly that much. */
static void add_current_pairs(const lm_run *r, lm_candidates *cand)
{
	const lm_cohort *c = r->cohort;
	GArray *rows = g_array_new(FALSE, FALSE, sizeof(uint32_t));
	GArray *cols = g_array_new(FALSE, FALSE, sizeof(uint32_t));
	GArray *scores = g_array_new(FALSE, FALSE, sizeof(lm_score));

	for (uint32_t m = 0; m < r->n_rows; m++) {
		const lm_person *p = lm_cohort_mentee(c, m);

		for (uint32_t i = 0; i < p->current.len; i++) {
			uint32_t t = lm_span_refs(c, p->current)[i];

			if (!r->demand[m] || !r->cap[t] || !lm_scorer_feasible(r->scorer, m, t))
				continue;
			lm_score s = lm_scorer_score(r->scorer, m, t, NULL) + r->opt.break_cost;

			s = MIN(s, ARC_SCORE_MAX);
			g_array_append_val(rows, m);
			g_array_append_val(cols, t);
			g_array_append_val(scores, s);
		}
	}
	if (rows->len)
		lm_candidates_merge(cand, (uint32_t *)rows->data, (uint32_t *)cols->data,
				    (lm_score *)scores->data, rows->len);
	g_array_free(rows, TRUE);
	g_array_free(cols, TRUE);
	g_array_free(scores, TRUE);
}

/* Every feasible pair (no top-k: greedy, fair and re-optimising need them all). */
static int full_graph(const lm_run *r, lm_candidates *cand, lm_error **err)
{
	int rc = lm_candidates_build(cand, r->scorer, r->demand, r->cap, 0, r->opt.threads, err);

	if (rc == 0 && !r->opt.keep_current)
		add_current_pairs(r, cand);
	return rc;
}

/* The optimal total and pair count, with real scores (no break bonus). */
static void tally(const lm_run *r, const lm_candidates *cand, const uint8_t *used,
		  lm_score *total, uint64_t *pairs)
{
	*total = 0;
	*pairs = 0;
	for (uint32_t m = 0; m < r->n_rows; m++)
		for (size_t a = cand->row_start[m]; a < cand->row_start[m + 1]; a++)
			if (used[a]) {
				*total += lm_scorer_score(r->scorer, m, cand->col[a], NULL);
				(*pairs)++;
			}
}

static int solve_full_optimal(lm_run *r, gboolean take, lm_error **err)
{
	lm_candidates cand;
	lm_flow_input in;
	lm_flow_output out = { 0 };
	int rc = full_graph(r, &cand, err);

	if (rc == 0) {
		flow_input(r, &cand, &in);
		rc = lm_flow_solve(&in, &out, err);
	}
	if (rc == 0) {
		tally(r, &cand, out.arc_used, &r->optimum_total, &r->optimum_pairs);
		if (take) {
			r->optimal = lm_flow_certify(&in, &out);
			take_used(r, &cand, out.arc_used);
		}
	}
	lm_flow_output_clear(&out);
	lm_candidates_clear(&cand);
	return rc;
}

static int solve_optimal(lm_run *r, lm_error **err)
{
	lm_exact x;
	int rc;

	if (!r->opt.keep_current)
		return solve_full_optimal(r, TRUE, err);
	rc = lm_exact_solve(&x, r->scorer, r->demand, r->cap, &r->opt, err);
	if (rc == 0) {
		r->optimal = x.optimal;
		take_used(r, &x.cand, x.flow.arc_used);
		/* Kept for the reasons of the unmatched (match.c). */
		r->graph = g_memdup2(&x.cand, sizeof x.cand);
		memset(&x.cand, 0, sizeof x.cand);
	}
	lm_exact_clear(&x);
	return rc;
}

/* The optimum of the same input, for the summary of greedy and fair. */
static int compare_with_optimum(lm_run *r, lm_error **err)
{
	lm_exact x;
	int rc;

	r->has_optimum = TRUE;
	if (!r->opt.keep_current)
		return solve_full_optimal(r, FALSE, err);
	rc = lm_exact_solve(&x, r->scorer, r->demand, r->cap, &r->opt, err);
	if (rc == 0)
		tally(r, &x.cand, x.flow.arc_used, &r->optimum_total, &r->optimum_pairs);
	lm_exact_clear(&x);
	return rc;
}

typedef struct keyed_row {
	uint64_t key;
	uint32_t row;
} keyed_row;

static int compare_keyed(const void *a, const void *b)
{
	const keyed_row *x = a, *y = b;

	if (x->key != y->key)
		return x->key < y->key ? -1 : 1;
	return (x->row > y->row) - (x->row < y->row);
}

/* The greedy engine breaks equal scores by row, then column; rows are
 * renumbered in seeded order first, so its ties follow the seeded rule. */
static int greedy_seeded(lm_run *r, const lm_candidates *cand, uint8_t *used, lm_error **err)
{
	keyed_row *order = g_new(keyed_row, MAX(r->n_rows, 1u));
	size_t m = cand->row_start[r->n_rows], k = 0;
	size_t *start = g_new(size_t, (size_t)r->n_rows + 1), *orig = g_new(size_t, MAX(m, 1));
	uint32_t *col = g_new(uint32_t, MAX(m, 1)), *demand = g_new(uint32_t, MAX(r->n_rows, 1u));
	lm_score *score = g_new(lm_score, MAX(m, 1));
	lm_flow_input in;
	lm_flow_output out = { 0 };
	int rc;

	for (uint32_t i = 0; i < r->n_rows; i++)
		order[i] = (keyed_row){ lm_rank_key(r->opt.seed, 0, i), i };
	qsort(order, r->n_rows, sizeof *order, compare_keyed);
	for (uint32_t i = 0; i < r->n_rows; i++) {
		uint32_t row = order[i].row;

		start[i] = k;
		demand[i] = r->demand[row];
		for (size_t a = cand->row_start[row]; a < cand->row_start[row + 1]; a++) {
			col[k] = cand->col[a];
			score[k] = cand->score[a];
			orig[k++] = a;
		}
	}
	start[r->n_rows] = k;
	in = (lm_flow_input){ r->n_rows, r->n_cols, demand, r->cap, start, col, score,
			      r->opt.objective, r->opt.seed };
	rc = lm_greedy_solve(&in, &out, err);
	for (size_t a = 0; rc == 0 && a < k; a++)
		used[orig[a]] = out.arc_used[a];
	lm_flow_output_clear(&out);
	g_free(order);
	g_free(start);
	g_free(orig);
	g_free(col);
	g_free(demand);
	g_free(score);
	return rc;
}

static int solve_greedy_or_fair(lm_run *r, lm_error **err)
{
	lm_candidates cand;
	int rc = full_graph(r, &cand, err);

	if (rc == 0 && r->opt.algorithm == LM_ALGORITHM_GREEDY) {
		uint8_t *used = g_new0(uint8_t, MAX(cand.row_start[r->n_rows], (size_t)1));

		rc = greedy_seeded(r, &cand, used, err);
		if (rc == 0)
			take_used(r, &cand, used);
		g_free(used);
	} else if (rc == 0) {
		lm_flow_input in;
		lm_flow_output out = { 0 };
		lm_score threshold = 0;

		flow_input(r, &cand, &in);
		rc = lm_fair_solve(&in, &out, &threshold, &r->optimal, err);
		if (rc == 0)
			take_used(r, &cand, out.arc_used);
		lm_flow_output_clear(&out);
	}
	lm_candidates_clear(&cand);
	return rc < 0 ? rc : compare_with_optimum(r, err);
}

static int solve_ranked(lm_run *r, lm_error **err)
{
	GArray *pairs = NULL;
	int rc;

	r->lists = g_new0(lm_rank_lists, 1);
	rc = lm_rank_build(r->lists, r->scorer, r->demand, r->cap, r->opt.objective, r->opt.seed,
			   TRUE, err);
	if (rc < 0)
		return rc;
	if (r->opt.algorithm == LM_ALGORITHM_STABLE) {
		rc = lm_stable_solve(&r->lists->r, r->opt.proposers, &pairs, err);
	} else {
		uint32_t *order = lm_rank_rounds_order(r->cohort, r->opt.seed);

		rc = lm_rounds_solve(&r->lists->r, order, &pairs, err);
		g_free(order);
	}
	if (rc == 0) {
		g_array_append_vals(r->assigned, pairs->data, pairs->len);
		g_array_free(pairs, TRUE);
	}
	return rc;
}

int lm_run_solve(lm_run *r, lm_error **err)
{
	r->optimal = FALSE;
	switch (r->opt.algorithm) {
	case LM_ALGORITHM_OPTIMAL:
		return solve_optimal(r, err);
	case LM_ALGORITHM_GREEDY:
	case LM_ALGORITHM_FAIR:
		if (!r->opt.keep_current && r->opt.algorithm == LM_ALGORITHM_FAIR)
			break;
		return solve_greedy_or_fair(r, err);
	case LM_ALGORITHM_STABLE:
	case LM_ALGORITHM_ROUNDS:
		if (!r->opt.keep_current)
			break;
		return solve_ranked(r, err);
	default:
		return lm_set_error(err, LM_EINVAL, "unknown algorithm %d", r->opt.algorithm);
	}
	return lm_set_error(err, LM_EINVAL,
			    "re-optimising everyone (--rematch, or keep_current 0) works with the "
			    "optimal and greedy algorithms, not '%s'", lm_algorithm_name(r->opt.algorithm));
}
