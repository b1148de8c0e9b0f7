/* Proofs for lm_verify, computed from the result's own pairs.
 *
 * Optimality: the result's new pairs are an assignment x on the candidate
 * graph lm_match solves (feasible pairs; kept pairs already placed, or,
 * when re-optimising, current pairs with the break cost as a bonus). x is
 * optimal exactly when its residual graph (unused arc r->c at cost -w,
 * used arc c->r at +w, a free place c->t and a used one t->c at 0, a
 * unit a row could drop r->t and one it could still take t->r at 0) has no
 * negative cycle. Shortest distances d from a virtual source then give
 * prices p_r = max(0, d(r) - d(t)), q_c = max(0, d(t) - d(c)), and
 * lm_flow_certify() checks them independently: complementary slackness in
 * integer arithmetic. A negative cycle is a better assignment. */
#include <string.h>
#include "core/cohort_private.h"
#include "core/error_private.h"
#include "assign/fair.h"
#include "assign/flow_private.h"
#include "match/rank.h"
#include "match/verify_private.h"

typedef struct graph {
	GArray *row_start, *col, *score; /* size_t, uint32_t, lm_score */
	uint8_t *used;
	lm_flow_input in;
} graph;

static void build_graph(const lm_verifier *v, graph *g)
{
	const lm_cohort *c = v->cohort;
	size_t k = 0;

	g->row_start = g_array_new(FALSE, FALSE, sizeof(size_t));
	g->col = g_array_new(FALSE, FALSE, sizeof(uint32_t));
	g->score = g_array_new(FALSE, FALSE, sizeof(lm_score));
	for (uint32_t m = 0; m < v->n_rows; m++) {
		const lm_person *p = lm_cohort_mentee(c, m);

		g_array_append_val(g->row_start, k);
		for (uint32_t t = 0; v->demand[m] && t < v->n_cols; t++) {
			gboolean current = lm_span_contains(c, p->current, t);

			if (!v->cap[t] || (current && !v->rr->reoptimised) ||
			    !lm_scorer_feasible(v->scorer, m, t))
				continue;
			lm_score s = lm_scorer_score(v->scorer, m, t, NULL);

			if (current)
				s = MIN(s + v->rr->break_cost, LM_FLOW_SCORE_MAX);
			g_array_append_val(g->col, t);
			g_array_append_val(g->score, s);
			k++;
		}
	}
	g_array_append_val(g->row_start, k);
	g->used = g_new0(uint8_t, MAX(k, (size_t)1));
	g->in = (lm_flow_input){ v->n_rows, v->n_cols, v->demand, v->cap,
				 (const size_t *)g->row_start->data,
				 (const uint32_t *)g->col->data, (const lm_score *)g->score->data,
				 v->rr->objective, v->rr->seed };
}

static void graph_clear(graph *g)
{
	g_array_free(g->row_start, TRUE);
	g_array_free(g->col, TRUE);
	g_array_free(g->score, TRUE);
	g_free(g->used);
}

/* Marks the result's new pairs; FALSE when one is not in the graph (it
 * broke a rule or a place, already reported). */
static gboolean mark_used(const lm_verifier *v, graph *g)
{
	for (guint i = 0; i < v->rr->pairs->len; i++) {
		const lm_pair_ix *x = &v->ix[i];
		gboolean found = FALSE;

		if (v->given_kept[i])
			continue;
		for (size_t a = g->in.row_start[x->mentee]; a < g->in.row_start[x->mentee + 1]; a++)
			if (g->in.arc_col[a] == x->mentor) {
				g->used[a] = 1;
				found = TRUE;
			}
		if (!found)
			return FALSE;
	}
	return TRUE;
}

typedef struct edge {
	uint32_t to;
	int64_t cost;
} edge;

typedef struct residual {
	uint32_t n;          /* rows, columns, the sink t */
	GArray **out;        /* per node: edge */
} residual;

static void add_edge(residual *res, uint32_t from, uint32_t to, int64_t cost)
{
	edge e = { to, cost };

	g_array_append_val(res->out[from], e);
}

static void build_residual(const lm_flow_input *in, const lm_flow_scale *sc,
			   const uint8_t *used, residual *res, uint64_t *rows, uint64_t *cols)
{
	uint32_t t = in->n_rows + in->n_cols;

	res->n = t + 1;
	res->out = g_new(GArray *, res->n);
	for (uint32_t i = 0; i < res->n; i++)
		res->out[i] = g_array_new(FALSE, FALSE, sizeof(edge));
	for (uint32_t r = 0; r < in->n_rows; r++)
		for (size_t a = in->row_start[r]; a < in->row_start[r + 1]; a++) {
			uint32_t c = in->n_rows + in->arc_col[a];
			int64_t w = lm_flow_weight(sc, in->arc_score[a]);

			if (!lm_flow_usable(sc, in->arc_score[a]))
				continue;
			if (used[a])
				add_edge(res, c, r, w);
			else
				add_edge(res, r, c, -w);
		}
	for (uint32_t r = 0; r < in->n_rows; r++) {
		if (rows[r] > 0)
			add_edge(res, r, t, 0);
		if (rows[r] < lm_flow_demand(in, r))
			add_edge(res, t, r, 0);
	}
	for (uint32_t c = 0; c < in->n_cols; c++) {
		if (cols[c] < lm_flow_cap(in, c))
			add_edge(res, in->n_rows + c, t, 0);
		if (cols[c] > 0)
			add_edge(res, t, in->n_rows + c, 0);
	}
}

/* Shortest distances from a virtual source joined to every node at cost 0
 * (queue-based Bellman-Ford); FALSE on a negative cycle. */
static gboolean shortest(const residual *res, int64_t *d)
{
	uint32_t *count = g_new0(uint32_t, res->n), *queue = g_new(uint32_t, res->n);
	uint8_t *queued = g_new(uint8_t, res->n);
	uint32_t head = 0, len = res->n;
	gboolean ok = TRUE;

	for (uint32_t i = 0; i < res->n; i++) {
		d[i] = 0;
		queue[i] = i;
		queued[i] = 1;
	}
	while (ok && len > 0) {
		uint32_t u = queue[head];

		head = (head + 1) % res->n;
		len--;
		queued[u] = 0;
		for (guint k = 0; ok && k < res->out[u]->len; k++) {
			const edge *e = &g_array_index(res->out[u], edge, k);

			if (d[u] + e->cost >= d[e->to])
				continue;
			d[e->to] = d[u] + e->cost;
			/* Without a negative cycle no distance falls below -2W. */
			if (++count[e->to] > res->n || d[e->to] < -3 * LM_FLOW_WEIGHT_MAX)
				ok = FALSE;
			else if (!queued[e->to]) {
				queue[(head + len++) % res->n] = e->to;
				queued[e->to] = 1;
			}
		}
	}
	g_free(count);
	g_free(queue);
	g_free(queued);
	return ok;
}

/* TRUE when prices derived from the assignment pass lm_flow_certify;
 * *better is set when a negative cycle shows a better assignment. */
static gboolean certify(const lm_flow_input *in, const uint8_t *used, gboolean *better)
{
	lm_flow_scale sc;
	residual res;
	uint64_t *rows = g_new0(uint64_t, in->n_rows + 1), *cols = g_new0(uint64_t, in->n_cols + 1);
	lm_flow_output out = { 0 };
	int64_t *d;
	gboolean ok = FALSE;

	*better = FALSE;
	if (lm_flow_scale_init(&sc, in, NULL) < 0) {
		g_free(rows);
		g_free(cols);
		return FALSE;
	}
	out.arc_used = g_memdup2(used, MAX(in->row_start[in->n_rows], (size_t)1));
	for (uint32_t r = 0; r < in->n_rows; r++)
		for (size_t a = in->row_start[r]; a < in->row_start[r + 1]; a++)
			if (used[a]) {
				rows[r]++;
				cols[in->arc_col[a]]++;
				out.matched++;
				out.total += in->arc_score[a];
			}
	build_residual(in, &sc, used, &res, rows, cols);
	d = g_new(int64_t, res.n);
	if (shortest(&res, d)) {
		int64_t dt = d[res.n - 1];

		out.row_price = g_new(int64_t, in->n_rows + 1);
		out.col_price = g_new(int64_t, in->n_cols + 1);
		for (uint32_t r = 0; r < in->n_rows; r++)
			out.row_price[r] = MAX(0, d[r] - dt);
		for (uint32_t c = 0; c < in->n_cols; c++)
			out.col_price[c] = MAX(0, dt - d[in->n_rows + c]);
		ok = lm_flow_certify(in, &out);
	} else {
		*better = TRUE;
	}
	for (uint32_t i = 0; i < res.n; i++)
		g_array_free(res.out[i], TRUE);
	g_free(res.out);
	g_free(d);
	g_free(rows);
	g_free(cols);
	lm_flow_output_clear(&out);
	return ok;
}

static void prove_optimal(lm_verifier *v, graph *g)
{
	gboolean better;

	if (certify(&g->in, g->used, &better))
		return;
	lm_verify_problem(v, "$.summary.optimal", better
			  ? "a better assignment exists: the result is not optimal"
			  : "optimality cannot be proved from the result's pairs");
}

/* Arcs at or above t, objective coverage (fair's final solve). */
static void above(const graph *g, lm_score t, graph *sub)
{
	const lm_flow_input *in = &g->in;
	size_t k = 0;

	sub->row_start = g_array_new(FALSE, FALSE, sizeof(size_t));
	sub->col = g_array_new(FALSE, FALSE, sizeof(uint32_t));
	sub->score = g_array_new(FALSE, FALSE, sizeof(lm_score));
	sub->used = g_new0(uint8_t, MAX(in->row_start[in->n_rows], (size_t)1));
	for (uint32_t r = 0; r < in->n_rows; r++) {
		g_array_append_val(sub->row_start, k);
		for (size_t a = in->row_start[r]; a < in->row_start[r + 1]; a++) {
			if (in->arc_score[a] < t || (in->objective == LM_OBJECTIVE_SCORE &&
						      in->arc_score[a] == 0))
				continue;
			g_array_append_val(sub->col, in->arc_col[a]);
			g_array_append_val(sub->score, in->arc_score[a]);
			sub->used[k++] = g->used[a];
		}
	}
	g_array_append_val(sub->row_start, k);
	sub->in = *in;
	sub->in.row_start = (const size_t *)sub->row_start->data;
	sub->in.arc_col = (const uint32_t *)sub->col->data;
	sub->in.arc_score = (const lm_score *)sub->score->data;
	sub->in.objective = LM_OBJECTIVE_COVERAGE;
}

/* Fair: the most pairs, no higher lowest score with as many, and the best
 * total above the lowest score. */
static int prove_fair(lm_verifier *v, graph *g, lm_error **err)
{
	const lm_flow_input *in = &g->in;
	uint64_t used = 0, most = 0, units = 0;
	lm_score low = -1, next = -1;
	int rc;

	for (size_t a = 0; a < in->row_start[in->n_rows]; a++)
		if (g->used[a]) {
			used++;
			low = low < 0 ? in->arc_score[a] : MIN(low, in->arc_score[a]);
		}
	if ((rc = lm_fair_max_units(in, 0, &most, err)) < 0)
		return rc;
	if (used < most) {
		lm_verify_problem(v, "$.pairs", "%" G_GUINT64_FORMAT " more pairs are possible; "
				  "fair keeps coverage first", most - used);
		return 0;
	}
	for (size_t a = 0; low >= 0 && a < in->row_start[in->n_rows]; a++)
		if (in->arc_score[a] > low && (next < 0 || in->arc_score[a] < next))
			next = in->arc_score[a];
	if (next >= 0 && (rc = lm_fair_max_units(in, next, &units, err)) < 0)
		return rc;
	if (next >= 0 && units == most) {
		lm_verify_problem(v, "$.summary.min_score", "a higher lowest pair score is "
				  "possible with as many pairs");
		return 0;
	}
	if (low >= 0) {
		graph sub;

		above(g, low, &sub);
		prove_optimal(v, &sub);
		graph_clear(&sub);
	}
	return 0;
}

static int prove_stable(lm_verifier *v, lm_error **err)
{
	lm_rank_lists lists;
	GArray *pairs = g_array_new(FALSE, FALSE, sizeof(lm_pair_ix));
	/* Reserved, so that its data is never NULL (the engine sorts it in place). */
	GArray *blocking = g_array_sized_new(FALSE, FALSE, sizeof(lm_pair_ix), 16);
	int rc = lm_rank_build(&lists, v->scorer, v->demand, v->cap, v->rr->objective,
			       v->rr->seed, TRUE, err);

	for (guint i = 0; rc == 0 && i < v->rr->pairs->len; i++)
		if (!v->given_kept[i])
			g_array_append_val(pairs, v->ix[i]);
	if (rc == 0 && lm_stable_blocking_pairs(&lists.r, (const lm_pair_ix *)pairs->data,
						pairs->len, blocking) == SIZE_MAX)
		rc = lm_set_error(err, LM_ENOMEM, "out of memory looking for blocking pairs");
	for (guint i = 0; rc == 0 && i < blocking->len; i++) {
		const lm_pair_ix *b = &g_array_index(blocking, lm_pair_ix, i);

		lm_verify_problem(v, "$.pairs", "mentee %s and mentor %s would both rather be "
				  "paired with each other (a blocking pair)",
				  lm_cohort_mentee(v->cohort, b->mentee)->id,
				  lm_cohort_mentor(v->cohort, b->mentor)->id);
	}
	lm_rank_clear(&lists);
	g_array_free(pairs, TRUE);
	g_array_free(blocking, TRUE);
	return rc;
}

int lm_verify_prove(lm_verifier *v, lm_error **err)
{
	int algorithm = v->rr->algorithm;
	graph g;
	int rc = 0;

	if (!v->sound)
		return 0;
	if (algorithm == LM_ALGORITHM_STABLE)
		return prove_stable(v, err);
	if (!(algorithm == LM_ALGORITHM_OPTIMAL && v->rr->optimal) &&
	    algorithm != LM_ALGORITHM_FAIR)
		return 0;
	build_graph(v, &g);
	if (!mark_used(v, &g))
		lm_verify_problem(v, "$.pairs", "a pair is not among the candidates");
	else if (algorithm == LM_ALGORITHM_FAIR)
		rc = prove_fair(v, &g, err);
	else
		prove_optimal(v, &g);
	graph_clear(&g);
	return rc;
}
