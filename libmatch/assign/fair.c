/* Fair assignment: maximise the lowest pair score among the matched while
 * keeping coverage, then the total.
 *
 * With K the most units any assignment makes, a threshold t is reachable
 * when the arcs of score >= t alone still allow K units. Reachability only
 * falls as t rises, so a binary search over the distinct arc scores finds
 * the best t in O(log distinct) maximum-flow checks; the exact engine then
 * maximises the total on the arcs >= t. Its lowest score is t exactly: a
 * higher lowest score would be a reachable threshold above t. */
#include <stdlib.h>
#include <string.h>
#include "core/error_private.h"
#include "assign/fair.h"
#include "assign/flow_private.h"
#include "assign/units.h"

/* The arcs of `in` at or above a threshold, as a graph of their own. */
typedef struct sub_graph {
	lm_flow_input in;
	size_t *row_start;
	uint32_t *arc_col;
	lm_score *arc_score;
	size_t *orig;        /* per arc: its index in the full graph */
} sub_graph;

static gboolean usable(const lm_flow_input *in, lm_score s, lm_score min_score)
{
	return lm_units_score_usable(in, s, min_score);
}

/* zero_scores: every score 0, so that the coverage engine maximises units only. */
static int sub_graph_init(sub_graph *g, const lm_flow_input *in, lm_score min_score,
			  gboolean zero_scores, lm_error **err)
{
	size_t m = in->row_start[in->n_rows], k = 0;

	memset(g, 0, sizeof *g);
	g->row_start = g_try_new(size_t, (size_t)in->n_rows + 1);
	g->arc_col = g_try_new(uint32_t, MAX(m, (size_t)1));
	g->arc_score = g_try_new(lm_score, MAX(m, (size_t)1));
	g->orig = g_try_new(size_t, MAX(m, (size_t)1));
	if (!g->row_start || !g->arc_col || !g->arc_score || !g->orig)
		return lm_set_error(err, LM_ENOMEM, "out of memory copying %zu arcs", m);
	for (uint32_t r = 0; r < in->n_rows; r++) {
		g->row_start[r] = k;
		for (size_t a = in->row_start[r]; a < in->row_start[r + 1]; a++) {
			if (!usable(in, in->arc_score[a], min_score))
				continue;
			g->arc_col[k] = in->arc_col[a];
			g->arc_score[k] = zero_scores ? 0 : in->arc_score[a];
			g->orig[k++] = a;
		}
	}
	g->row_start[in->n_rows] = k;
	g->in = *in;
	g->in.row_start = g->row_start;
	g->in.arc_col = g->arc_col;
	g->in.arc_score = g->arc_score;
	/* Arcs of score 0 count under coverage; the threshold already kept
	 * only the arcs the caller's objective may use. */
	g->in.objective = LM_OBJECTIVE_COVERAGE;
	return 0;
}

static void sub_graph_clear(sub_graph *g)
{
	g_free(g->row_start);
	g_free(g->arc_col);
	g_free(g->arc_score);
	g_free(g->orig);
}

int lm_fair_max_units(const lm_flow_input *in, lm_score min_score, uint64_t *units,
		      lm_error **err)
{
	lm_units x;
	int rc;

	if (!in || !units)
		return lm_set_error(err, LM_EINVAL, "no flow input");
	if ((rc = lm_flow_validate(in, err)) < 0)
		return rc;
	if (lm_units_init(&x, in, min_score))
		*units = in->n_rows ? lm_units_augment(&x) : 0;
	else
		rc = lm_set_error(err, LM_ENOMEM, "out of memory for a maximum matching");
	lm_units_clear(&x);
	return rc;
}

static int compare_scores(const void *a, const void *b)
{
	lm_score x = *(const lm_score *)a, y = *(const lm_score *)b;

	return (x > y) - (x < y);
}

/* The distinct usable scores, ascending. */
static lm_score *distinct_scores(const lm_flow_input *in, size_t *n)
{
	size_t m = in->row_start[in->n_rows], k = 0;
	lm_score *s = g_try_new(lm_score, MAX(m, (size_t)1));

	if (!s)
		return NULL;
	for (size_t a = 0; a < m; a++)
		if (usable(in, in->arc_score[a], 0))
			s[k++] = in->arc_score[a];
	qsort(s, k, sizeof *s, compare_scores);
	*n = 0;
	for (size_t i = 0; i < k; i++)
		if (*n == 0 || s[*n - 1] != s[i])
			s[(*n)++] = s[i];
	return s;
}

/* The index in scores of the highest threshold that still allows the most units. */
static int best_threshold(const lm_flow_input *in, const lm_score *scores, size_t n,
			  size_t *best, lm_error **err)
{
	uint64_t most = 0, units = 0;
	size_t lo = 0, hi = n - 1;
	int rc = lm_fair_max_units(in, scores[0], &most, err);

	while (rc == 0 && lo < hi) {
		size_t mid = lo + (hi - lo + 1) / 2;

		rc = lm_fair_max_units(in, scores[mid], &units, err);
		if (units == most)
			lo = mid;
		else
			hi = mid - 1;
	}
	*best = lo;
	return rc;
}

static int solve_above(const lm_flow_input *in, lm_score t, lm_flow_output *out,
		       gboolean *certified, lm_error **err)
{
	sub_graph g;
	lm_flow_output sub = { 0 };
	int rc = sub_graph_init(&g, in, t, FALSE, err);

	if (rc == 0)
		rc = lm_flow_solve(&g.in, &sub, err);
	if (rc == 0) {
		*certified = lm_flow_certify(&g.in, &sub);
		for (size_t k = 0; k < g.row_start[in->n_rows]; k++)
			if (sub.arc_used[k])
				out->arc_used[g.orig[k]] = 1;
		out->matched = sub.matched;
		out->total = sub.total;
	}
	lm_flow_output_clear(&sub);
	sub_graph_clear(&g);
	return rc;
}

int lm_fair_solve(const lm_flow_input *in, lm_flow_output *out, lm_score *threshold,
		  gboolean *certified, lm_error **err)
{
	size_t n = 0, best = 0;
	lm_score *scores;
	int rc;

	if (!out || !threshold || !certified)
		return lm_set_error(err, LM_EINVAL, "no flow output");
	memset(out, 0, sizeof *out);
	*threshold = 0;
	*certified = TRUE;
	if ((rc = lm_flow_validate(in, err)) < 0)
		return rc;
	out->arc_used = g_try_new0(uint8_t, MAX(in->row_start[in->n_rows], (size_t)1));
	scores = distinct_scores(in, &n);
	if (!out->arc_used || !scores) {
		g_free(scores);
		lm_flow_output_clear(out);
		return lm_set_error(err, LM_ENOMEM, "out of memory for %zu arcs",
				    in->row_start[in->n_rows]);
	}
	if (n > 0 && (rc = best_threshold(in, scores, n, &best, err)) == 0)
		rc = solve_above(in, scores[best], out, certified, err);
	if (rc == 0 && out->matched > 0)
		*threshold = scores[best];
	g_free(scores);
	if (rc < 0)
		lm_flow_output_clear(out);
	return rc;
}
