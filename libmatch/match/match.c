/* lm_match: kept pairs, the algorithm (policies.c), the result with every
 * pair's criteria, the reasons of the unmatched (unmatched.c) and the
 * what-if. */
#include <string.h>
#include "core/cohort_private.h"
#include "core/error_private.h"
#include "match/kept.h"
#include "match/redact.h"
#include "match/result_private.h"
#include "match/run_private.h"
#include "match/whatif.h"

static void run_clear(lm_run *r)
{
	g_free(r->demand);
	g_free(r->cap);
	if (r->assigned)
		g_array_free(r->assigned, TRUE);
	lm_rank_clear(r->lists);
	g_free(r->lists);
	if (r->graph)
		lm_candidates_clear(r->graph);
	g_free(r->graph);
}

/* Kept pairs come first: they use places before anyone new is matched. The
 * loader guarantees they fit the capacities; here each must still pass every
 * hard constraint, or staff must decide (a kept pair is never silently
 * dropped nor silently kept against a rule). Re-optimising keeps nothing
 * up front: current pairs compete in the graph with the break cost. */
static int take_kept_pairs(lm_run *r, lm_error **err)
{
	const lm_cohort *c = r->cohort;

	for (uint32_t m = 0; r->opt.keep_current && m < r->n_rows; m++) {
		const lm_person *p = lm_cohort_mentee(c, m);
		const uint32_t *cur = lm_span_refs(c, p->current);

		for (uint32_t i = 0; i < p->current.len; i++) {
			uint32_t failed = lm_scorer_check(r->scorer, m, cur[i]);

			if (failed)
				return lm_error_propagate(err, lm_kept_pair_error(r->scorer, c, m,
										   cur[i], failed));
			r->kept_total += lm_scorer_score(r->scorer, m, cur[i], NULL);
			r->kept_pairs++;
			r->demand[m] = r->demand[m] > 0 ? r->demand[m] - 1 : 0;
			r->cap[cur[i]] = r->cap[cur[i]] > 0 ? r->cap[cur[i]] - 1 : 0;
		}
	}
	return 0;
}

static void add_pair(const lm_run *r, lm_result *res, uint32_t m, uint32_t t, gboolean kept,
		     lm_score *all, lm_score *shown)
{
	lm_score s = lm_scorer_score(r->scorer, m, t, all);
	size_t k = 0;

	for (size_t j = 0; j < lm_scorer_count(r->scorer); j++)
		if (lm_scorer_weight(r->scorer, j) > 0)
			shown[k++] = all[j];
	lm_result_add_pair(res, m, t, s, shown, kept);
}

static gboolean was_assigned(const GArray *assigned, uint32_t m, uint32_t t)
{
	for (guint i = 0; i < assigned->len; i++) {
		const lm_pair_ix *a = &g_array_index(assigned, lm_pair_ix, i);

		if (a->mentee == m && a->mentor == t)
			return TRUE;
	}
	return FALSE;
}

/* Kept pairs, then the pairs the algorithm assigned, each with the criteria
 * that explain its score. Re-optimising: an assigned current pair is kept,
 * a current pair not assigned is broken. */
static void add_pairs(const lm_run *r, lm_result *res)
{
	const lm_cohort *c = r->cohort;
	lm_score *all = g_new(lm_score, lm_scorer_count(r->scorer));
	lm_score *shown = g_new(lm_score, res->n_criteria + 1);

	for (uint32_t m = 0; m < r->n_rows; m++) {
		const lm_person *p = lm_cohort_mentee(c, m);

		for (uint32_t i = 0; i < p->current.len; i++) {
			uint32_t t = lm_span_refs(c, p->current)[i];

			if (r->opt.keep_current)
				add_pair(r, res, m, t, TRUE, all, shown);
			else if (!was_assigned(r->assigned, m, t))
				lm_result_add_broken(res, m, t);
		}
	}
	for (guint i = 0; i < r->assigned->len; i++) {
		const lm_pair_ix *a = &g_array_index(r->assigned, lm_pair_ix, i);

		add_pair(r, res, a->mentee, a->mentor,
			 !r->opt.keep_current && lm_run_is_current(r, a->mentee, a->mentor), all,
			 shown);
	}
	g_free(all);
	g_free(shown);
}

static lm_result *new_result(const lm_run *r)
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

static void effective_options(lm_run *r, const lm_options *options)
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

/* The run's facts beyond the pairs: proposers, re-optimising, the optimum
 * (greedy, fair) and, when someone is unmatched, the what-if (unless the
 * options leave it out). */
static int describe(const lm_run *r, lm_result *res, lm_error **err)
{
	if (r->opt.algorithm == LM_ALGORITHM_STABLE)
		lm_result_set_proposers(res, r->opt.proposers);
	if (!r->opt.keep_current)
		lm_result_set_reoptimised(res, r->opt.break_cost);
	if (r->has_optimum)
		lm_result_set_optimum(res, r->optimum_total + r->kept_total,
				      r->optimum_pairs + r->kept_pairs);
	if (res->unmatched->len == 0 || !r->opt.what_if)
		return 0;

	long *counts = g_new(long, lm_scorer_count(r->scorer));
	int rc = lm_what_if(r->scorer, r->demand, r->cap, r->opt.keep_current,
			    (const lm_pair_ix *)(void *)r->assigned->data, r->assigned->len, counts,
			    err);

	if (rc == 0)
		lm_result_set_what_if(res, counts);
	g_free(counts);
	return rc;
}

static int match_with(lm_run *r, const lm_model *model, lm_result **out, lm_error **err)
{
	const lm_cohort *c = r->cohort;
	lm_result *res;
	int rc;

	r->n_rows = c->count[LM_ROLE_MENTEE];
	r->n_cols = c->count[LM_ROLE_MENTOR];
	r->demand = g_new(uint32_t, r->n_rows + 1);
	r->cap = g_new(uint32_t, r->n_cols + 1);
	r->assigned = g_array_new(FALSE, FALSE, sizeof(lm_pair_ix));
	for (uint32_t i = 0; i < r->n_rows; i++)
		r->demand[i] = lm_cohort_mentee(c, i)->wants;
	for (uint32_t i = 0; i < r->n_cols; i++)
		r->cap[i] = lm_cohort_mentor(c, i)->capacity;
	if ((rc = take_kept_pairs(r, err)) < 0 || (rc = lm_run_solve(r, err)) < 0)
		return rc;
	res = new_result(r);
	add_pairs(r, res);
	if ((rc = lm_run_add_unmatched(r, res, err)) < 0) {
		lm_result_free(res);
		return rc;
	}
	lm_result_set_run(res, lm_model_name(model), r->opt.algorithm, r->opt.objective,
			  r->opt.seed, lm_cohort_digest(c), r->optimal);
	if ((rc = describe(r, res, err)) < 0) {
		lm_result_free(res);
		return rc;
	}
	lm_result_finish(res);
	/* Results for a mentee or a mentor never show the other side's
	 * private requests (docs/privacy.md). */
	if ((rc = lm_result_redact(res, r->opt.audience, err)) < 0) {
		lm_result_free(res);
		return rc;
	}
	*out = res;
	return 0;
}

int lm_match(lm_result **out, const lm_cohort *cohort, const lm_model *model,
	     const lm_options *options, lm_error **err)
{
	lm_scorer *scorer = NULL;
	lm_run r = { .cohort = cohort };
	int rc;

	if (out)
		*out = NULL;
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
