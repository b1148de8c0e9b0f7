/* Exact assignment on a pruned candidate graph, made exact by pricing. */
#include <string.h>
#include "core/cohort_private.h"
#include "core/error_private.h"
#include "match/exact.h"

typedef struct {
	const lm_scorer *scorer;
	const uint32_t *demand, *cap;
	uint32_t n_rows, n_cols;
} problem;

static void flow_input(const problem *p, const lm_exact *x, const lm_options *opt,
		       lm_flow_input *in)
{
	*in = (lm_flow_input){
		.n_rows = p->n_rows,
		.n_cols = p->n_cols,
		.row_demand = p->demand,
		.col_cap = p->cap,
		.row_start = x->cand.row_start,
		.arc_col = x->cand.col,
		.arc_score = x->cand.score,
		.objective = opt->objective,
		.seed = opt->seed,
	};
}

/* One streaming pass over the pairs top-k left out: any whose reduced
 * profit under the solver's prices is positive could improve the optimum,
 * so it joins the graph. Returns how many joined. */
static size_t price_pruned_pairs(const problem *p, lm_exact *x, const lm_flow_input *in)
{
	const lm_cohort *c = lm_scorer_cohort(p->scorer);
	GArray *rows = g_array_new(FALSE, FALSE, sizeof(uint32_t));
	GArray *cols = g_array_new(FALSE, FALSE, sizeof(uint32_t));
	GArray *scores = g_array_new(FALSE, FALSE, sizeof(lm_score));
	uint8_t *in_graph = g_new0(uint8_t, p->n_cols ? p->n_cols : 1);
	size_t added;

	for (uint32_t m = 0; m < p->n_rows; m++) {
		const lm_person *mentee = lm_cohort_mentee(c, m);
		size_t b = x->cand.row_start[m], e = x->cand.row_start[m + 1];

		if (p->demand[m] == 0)
			continue;
		for (size_t i = b; i < e; i++)
			in_graph[x->cand.col[i]] = 1;
		for (uint32_t t = 0; t < p->n_cols; t++) {
			if (in_graph[t] || p->cap[t] == 0 || !lm_scorer_feasible(p->scorer, m, t))
				continue;
			if (mentee->current.len && lm_span_contains(c, mentee->current, t))
				continue;
			lm_score s = lm_scorer_score(p->scorer, m, t, NULL);

			if (lm_flow_reduced_profit(in, &x->flow, m, t, s) > 0) {
				g_array_append_val(rows, m);
				g_array_append_val(cols, t);
				g_array_append_val(scores, s);
			}
		}
		for (size_t i = b; i < e; i++)
			in_graph[x->cand.col[i]] = 0;
	}
	added = rows->len;
	if (added)
		lm_candidates_merge(&x->cand, (uint32_t *)rows->data, (uint32_t *)cols->data,
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
int lm_exact_solve(lm_exact *x, const lm_scorer *s, const uint32_t *demand, const uint32_t *cap,
		   const lm_options *opt, lm_error **err)
{
	const lm_cohort *c = lm_scorer_cohort(s);
	problem p = {
		.scorer = s,
		.demand = demand,
		.cap = cap,
		.n_rows = c->count[LM_ROLE_MENTEE],
		.n_cols = c->count[LM_ROLE_MENTOR],
	};
	lm_flow_input in;
	int rc;

	memset(x, 0, sizeof *x);
	rc = lm_candidates_build(&x->cand, s, demand, cap, opt->top_k, opt->threads, err);
	if (rc < 0)
		return rc;
	for (;;) {
		flow_input(&p, x, opt, &in);
		lm_flow_output_clear(&x->flow);
		rc = lm_flow_solve(&in, &x->flow, err);
		if (rc < 0)
			return rc;
		if (!x->cand.pruned)
			break;
		x->pricing_rounds++;
		if (price_pruned_pairs(&p, x, &in) == 0)
			break;
	}
	x->optimal = lm_flow_certify(&in, &x->flow);
	return 0;
}

void lm_exact_clear(lm_exact *x)
{
	lm_candidates_clear(&x->cand);
	lm_flow_output_clear(&x->flow);
	x->pricing_rounds = 0;
	x->optimal = FALSE;
}
