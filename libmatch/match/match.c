/* lm_match: kept pairs, candidate graph, exact solve with pricing of the
 * pairs top-k left out, and the reasons of the unmatched. */
#include <string.h>
#include "core/cohort_private.h"
#include "core/error_private.h"
#include "assign/flow.h"
#include "match/candidates.h"
#include "match/kept.h"
#include "match/options_private.h"
#include "match/result_private.h"
#include "score/scorer.h"

typedef struct run {
	const lm_cohort *cohort;
	const lm_scorer *scorer;
	lm_options opt;          /* effective options */
	uint32_t n_rows, n_cols;
	uint32_t *demand;        /* mentors each mentee still wants after kept pairs */
	uint32_t *cap;           /* places each mentor still has after kept pairs */
	lm_candidates cand;
	lm_flow_output flow;
	unsigned pricing_rounds;
} run;

static void run_clear(run *r)
{
	g_free(r->demand);
	g_free(r->cap);
	lm_candidates_clear(&r->cand);
	lm_flow_output_clear(&r->flow);
}

/* Kept pairs come first: they use places before anyone new is matched. The
 * loader guarantees they fit the capacities; here each must still pass every
 * hard constraint, or staff must decide (a kept pair is never silently
 * dropped nor silently kept against a rule). */
static int take_kept_pairs(run *r, lm_error **err)
{
	const lm_cohort *c = r->cohort;

	for (uint32_t m = 0; m < r->n_rows; m++) {
		const lm_person *p = lm_cohort_mentee(c, m);
		const uint32_t *cur = lm_span_refs(c, p->current);

		for (uint32_t i = 0; i < p->current.len; i++) {
			uint32_t failed = lm_scorer_check(r->scorer, m, cur[i]);

			if (failed)
				return lm_error_propagate(err, lm_kept_pair_error(r->scorer, c, m,
										   cur[i], failed));
			r->demand[m] = r->demand[m] > 0 ? r->demand[m] - 1 : 0;
			r->cap[cur[i]] = r->cap[cur[i]] > 0 ? r->cap[cur[i]] - 1 : 0;
		}
	}
	return 0;
}

static void flow_input(const run *r, lm_flow_input *in)
{
	*in = (lm_flow_input){
		.n_rows = r->n_rows,
		.n_cols = r->n_cols,
		.row_demand = r->demand,
		.col_cap = r->cap,
		.row_start = r->cand.row_start,
		.arc_col = r->cand.col,
		.arc_score = r->cand.score,
		.objective = r->opt.objective,
		.seed = r->opt.seed,
	};
}

/* One streaming pass over the pairs top-k left out: any whose reduced
 * profit under the solver's prices is positive could improve the optimum,
 * so it joins the graph. Returns how many joined. */
static size_t price_pruned_pairs(run *r, const lm_flow_input *in)
{
	const lm_cohort *c = r->cohort;
	GArray *rows = g_array_new(FALSE, FALSE, sizeof(uint32_t));
	GArray *cols = g_array_new(FALSE, FALSE, sizeof(uint32_t));
	GArray *scores = g_array_new(FALSE, FALSE, sizeof(lm_score));
	uint8_t *in_graph = g_new0(uint8_t, r->n_cols ? r->n_cols : 1);
	size_t added;

	for (uint32_t m = 0; m < r->n_rows; m++) {
		const lm_person *p = lm_cohort_mentee(c, m);
		size_t b = r->cand.row_start[m], e = r->cand.row_start[m + 1];

		if (r->demand[m] == 0)
			continue;
		for (size_t i = b; i < e; i++)
			in_graph[r->cand.col[i]] = 1;
		for (uint32_t t = 0; t < r->n_cols; t++) {
			if (in_graph[t] || r->cap[t] == 0 || !lm_scorer_feasible(r->scorer, m, t))
				continue;
			if (p->current.len && lm_span_contains(c, p->current, t))
				continue;
			lm_score s = lm_scorer_score(r->scorer, m, t, NULL);

			if (lm_flow_reduced_profit(in, &r->flow, m, t, s) > 0) {
				g_array_append_val(rows, m);
				g_array_append_val(cols, t);
				g_array_append_val(scores, s);
			}
		}
		for (size_t i = b; i < e; i++)
			in_graph[r->cand.col[i]] = 0;
	}
	added = rows->len;
	if (added)
		lm_candidates_merge(&r->cand, (uint32_t *)rows->data, (uint32_t *)cols->data,
				    (lm_score *)scores->data, added);
	g_array_free(rows, TRUE);
	g_array_free(cols, TRUE);
	g_array_free(scores, TRUE);
	g_free(in_graph);
	return added;
}

/* Solves, prices the pruned pairs, and solves again until no pruned pair
 * could improve the result; then checks the dual certificate, so
 * `optimal` is proved rather than assumed. */
static int solve_exact(run *r, gboolean *optimal, lm_error **err)
{
	lm_flow_input in;
	int rc;

	for (;;) {
		flow_input(r, &in);
		lm_flow_output_clear(&r->flow);
		rc = lm_flow_solve(&in, &r->flow, err);
		if (rc < 0)
			return rc;
		if (!r->cand.pruned)
			break;
		r->pricing_rounds++;
		if (price_pruned_pairs(r, &in) == 0)
			break;
	}
	*optimal = lm_flow_certify(&in, &r->flow);
	return 0;
}

static void add_pairs(const run *r, lm_result *res)
{
	const lm_cohort *c = r->cohort;
	size_t n = lm_scorer_count(r->scorer);
	lm_score *all = g_new(lm_score, n), *shown = g_new(lm_score, res->n_criteria);

	for (uint32_t m = 0; m < r->n_rows; m++) {
		const lm_person *p = lm_cohort_mentee(c, m);
		const uint32_t *cur = lm_span_refs(c, p->current);

		for (uint32_t i = 0; i < p->current.len; i++) {
			lm_score s = lm_scorer_score(r->scorer, m, cur[i], all);
			size_t k = 0;

			for (size_t j = 0; j < n; j++)
				if (lm_scorer_weight(r->scorer, j) > 0)
					shown[k++] = all[j];
			lm_result_add_pair(res, m, cur[i], s, shown, TRUE);
		}
		for (size_t a = r->cand.row_start[m]; a < r->cand.row_start[m + 1]; a++) {
			if (!r->flow.arc_used[a])
				continue;
			lm_score s = lm_scorer_score(r->scorer, m, r->cand.col[a], all);
			size_t k = 0;

			for (size_t j = 0; j < n; j++)
				if (lm_scorer_weight(r->scorer, j) > 0)
					shown[k++] = all[j];
			lm_result_add_pair(res, m, r->cand.col[a], s, shown, FALSE);
		}
	}
	g_free(all);
	g_free(shown);
}

/* Why mentee m got fewer mentors than wanted: no mentor passes the hard
 * constraints (with how many each constraint rules out), or a feasible
 * mentor still has a place (the objective chose not to use it), or every
 * feasible mentor's places went to others (with the best of them). */
static void explain_unmatched(const run *r, lm_result *res, uint32_t m, const uint32_t *left,
			      const uint8_t *paired, uint32_t *blocked)
{
	size_t n = lm_scorer_count(r->scorer);
	gboolean feasible = FALSE, spare = FALSE;
	int32_t best = -1;
	lm_score best_score = -1;

	memset(blocked, 0, n * sizeof *blocked);
	for (uint32_t t = 0; t < r->n_cols; t++) {
		uint32_t failed = lm_scorer_check(r->scorer, m, t);

		if (failed) {
			for (size_t c = 0; c < n; c++)
				blocked[c] += (failed >> c) & 1u;
			continue;
		}
		if (paired[t])
			continue;
		feasible = TRUE;
		if (left[t] > 0)
			spare = TRUE;
		lm_score s = lm_scorer_score(r->scorer, m, t, NULL);
		if (s > best_score) {
			best_score = s;
			best = (int32_t)t;
		}
	}
	if (!feasible)
		lm_result_add_unmatched(res, m, LM_UNMATCHED_NO_FEASIBLE_MENTOR, -1, blocked);
	else if (spare)
		lm_result_add_unmatched(res, m, LM_UNMATCHED_NOT_WORTH_IT, -1, NULL);
	else
		lm_result_add_unmatched(res, m, LM_UNMATCHED_CAPACITY_TAKEN, best, NULL);
}

static void add_unmatched(const run *r, lm_result *res)
{
	const lm_cohort *c = r->cohort;
	uint32_t *left = g_memdup2(r->cap, r->n_cols * sizeof(uint32_t) + 1);
	uint8_t *paired = g_new0(uint8_t, r->n_cols + 1);
	uint32_t *blocked = g_new0(uint32_t, lm_scorer_count(r->scorer));

	for (size_t a = 0; a < r->cand.row_start[r->n_rows]; a++)
		if (r->flow.arc_used[a])
			left[r->cand.col[a]]--;
	for (uint32_t m = 0; m < r->n_rows; m++) {
		size_t b = r->cand.row_start[m], e = r->cand.row_start[m + 1];
		uint32_t got = 0;
		const lm_person *p = lm_cohort_mentee(c, m);

		for (size_t a = b; a < e; a++)
			got += r->flow.arc_used[a];
		if (got >= r->demand[m])
			continue;
		for (size_t a = b; a < e; a++)
			paired[r->cand.col[a]] = r->flow.arc_used[a];
		for (uint32_t i = 0; i < p->current.len; i++)
			paired[lm_span_refs(c, p->current)[i]] = 1;
		explain_unmatched(r, res, m, left, paired, blocked);
		memset(paired, 0, r->n_cols);
	}
	g_free(left);
	g_free(paired);
	g_free(blocked);
}

static lm_result *new_result(const run *r)
{
	const lm_cohort *c = r->cohort;
	size_t n = lm_scorer_count(r->scorer), shown = 0, hard = 0;
	const char **criteria = g_new(const char *, n), **constraints = g_new(const char *, n);
	const char **mentees = g_new(const char *, r->n_rows + 1);
	const char **mentors = g_new(const char *, r->n_cols + 1);
	lm_result *res;

	for (size_t j = 0; j < n; j++) {
		if (lm_scorer_weight(r->scorer, j) > 0)
			criteria[shown++] = lm_scorer_name(r->scorer, j);
		constraints[hard++] = lm_scorer_name(r->scorer, j);
	}
	for (uint32_t i = 0; i < r->n_rows; i++)
		mentees[i] = lm_cohort_mentee(c, i)->id;
	for (uint32_t i = 0; i < r->n_cols; i++)
		mentors[i] = lm_cohort_mentor(c, i)->id;
	res = lm_result_new(mentees, r->n_rows, mentors, r->n_cols, shown, criteria, hard,
			    constraints);
	g_free(criteria);
	g_free(constraints);
	g_free(mentees);
	g_free(mentors);
	return res;
}

static void effective_options(run *r, const lm_options *options)
{
	if (options)
		r->opt = *options;
	else
		lm_options_init_defaults(&r->opt);
	if (!r->opt.algorithm_set)
		r->opt.algorithm = lm_scorer_default_algorithm(r->scorer);
	if (!r->opt.objective_set)
		r->opt.objective = lm_scorer_default_objective(r->scorer);
	if (!r->opt.top_k_set)
		r->opt.top_k = lm_scorer_default_top_k(r->scorer);
}

static int match_with(run *r, const lm_model *model, lm_result **out, lm_error **err)
{
	const lm_cohort *c = r->cohort;
	gboolean optimal = FALSE;
	int rc;

	r->n_rows = c->count[LM_ROLE_MENTEE];
	r->n_cols = c->count[LM_ROLE_MENTOR];
	r->demand = g_new(uint32_t, r->n_rows + 1);
	r->cap = g_new(uint32_t, r->n_cols + 1);
	for (uint32_t i = 0; i < r->n_rows; i++)
		r->demand[i] = lm_cohort_mentee(c, i)->wants;
	for (uint32_t i = 0; i < r->n_cols; i++)
		r->cap[i] = lm_cohort_mentor(c, i)->capacity;
	if (r->opt.algorithm != LM_ALGORITHM_OPTIMAL)
		return lm_set_error(err, LM_EINVAL, "algorithm '%s' is not available in lm_match yet",
				    lm_algorithm_name(r->opt.algorithm));
	if ((rc = take_kept_pairs(r, err)) < 0)
		return rc;
	rc = lm_candidates_build(&r->cand, r->scorer, r->demand, r->cap, r->opt.top_k,
				 r->opt.threads, err);
	if (rc < 0 || (rc = solve_exact(r, &optimal, err)) < 0)
		return rc;

	lm_result *res = new_result(r);

	add_pairs(r, res);
	add_unmatched(r, res);
	lm_result_set_run(res, lm_model_name(model), r->opt.algorithm, r->opt.objective,
			  r->opt.seed, lm_cohort_digest(c), optimal);
	lm_result_finish(res);
	*out = res;
	return 0;
}

int lm_match(lm_result **out, const lm_cohort *cohort, const lm_model *model,
	     const lm_options *options, lm_error **err)
{
	lm_scorer *scorer = NULL;
	run r = { .cohort = cohort };
	int rc;

	if (!out || !cohort || !model)
		return lm_set_error(err, LM_EINVAL, "lm_match: out, cohort and model are required");
	rc = lm_scorer_new(&scorer, model, cohort, err);
	if (rc < 0)
		return rc;
	r.scorer = scorer;
	effective_options(&r, options);
	rc = match_with(&r, model, out, err);
	run_clear(&r);
	lm_scorer_free(scorer);
	return rc;
}
