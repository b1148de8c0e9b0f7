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
	return s >= min_score && (in->objective != LM_OBJECTIVE_SCORE || s > 0);
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

/* ---- maximum units: Hopcroft-Karp with capacities (Dinic on the
 * bipartite graph: source -> row (demand), row -> column (1), column ->
 * sink (capacity)), O(E sqrt(V)); the exact engine with every score 0 is
 * correct too but explores every tie. ------------------------------------ */

typedef struct matcher {
	const lm_flow_input *in;
	lm_score min_score;
	uint32_t nr, nc;
	uint32_t *row_flow;
	uint8_t *arc_flow;
	/* Each column's used arcs in slots, as the exact engine keeps them:
	 * a column is left only through them, so a search never scans its
	 * unused arcs. */
	size_t *slot_start;          /* per column + 1: min(capacity, in-degree) slots */
	uint32_t *slot_len;
	size_t *slot_arc;
	uint32_t *slot_row;
	int32_t *level;              /* rows 0..nr-1, columns nr.. */
	size_t *it;                  /* per node: next arc (row) or slot (column) to try */
	uint32_t *queue, *stack;
	size_t *via;                 /* per stack entry: the arc it was reached by */
} matcher;

static gboolean matcher_init(matcher *x, const lm_flow_input *in, lm_score min_score)
{
	size_t m = in->row_start[in->n_rows], n = (size_t)in->n_rows + in->n_cols + 1;

	memset(x, 0, sizeof *x);
	x->in = in;
	x->min_score = min_score;
	x->nr = in->n_rows;
	x->nc = in->n_cols;
	x->row_flow = g_try_new0(uint32_t, x->nr + 1);
	x->arc_flow = g_try_new0(uint8_t, MAX(m, (size_t)1));
	x->slot_start = g_try_new0(size_t, (size_t)x->nc + 2);
	x->slot_len = g_try_new0(uint32_t, x->nc + 1);
	x->level = g_try_new(int32_t, n);
	x->it = g_try_new(size_t, n);
	x->queue = g_try_new(uint32_t, n);
	x->stack = g_try_new(uint32_t, n + 1);
	x->via = g_try_new(size_t, n + 1);
	if (!x->row_flow || !x->arc_flow || !x->slot_start || !x->slot_len || !x->level ||
	    !x->it || !x->queue || !x->stack || !x->via)
		return FALSE;
	for (size_t a = 0; a < m; a++)
		x->slot_start[in->arc_col[a] + 1]++;
	for (uint32_t c = 0; c < x->nc; c++)
		x->slot_start[c + 1] = x->slot_start[c] +
				       MIN(x->slot_start[c + 1], (size_t)lm_flow_cap(in, c));
	x->slot_arc = g_try_new(size_t, MAX(x->slot_start[x->nc], (size_t)1));
	x->slot_row = g_try_new(uint32_t, MAX(x->slot_start[x->nc], (size_t)1));
	return x->slot_arc && x->slot_row;
}

static void matcher_clear(matcher *x)
{
	g_free(x->row_flow);
	g_free(x->arc_flow);
	g_free(x->slot_start);
	g_free(x->slot_len);
	g_free(x->slot_arc);
	g_free(x->slot_row);
	g_free(x->level);
	g_free(x->it);
	g_free(x->queue);
	g_free(x->stack);
	g_free(x->via);
}

static gboolean has_room(const matcher *x, uint32_t c)
{
	return x->slot_len[c] < lm_flow_cap(x->in, c);
}

/* Levels from the rows with room; TRUE when some column with room is reached. */
static gboolean bfs(matcher *x)
{
	const lm_flow_input *in = x->in;
	size_t head = 0, tail = 0;
	gboolean found = FALSE;

	for (size_t v = 0; v < (size_t)x->nr + x->nc; v++)
		x->level[v] = -1;
	for (uint32_t r = 0; r < x->nr; r++)
		if (x->row_flow[r] < lm_flow_demand(in, r)) {
			x->level[r] = 0;
			x->queue[tail++] = r;
		}
	while (head < tail && !found) {
		uint32_t v = x->queue[head++];

		if (v < x->nr) {
			for (size_t a = in->row_start[v]; a < in->row_start[v + 1]; a++) {
				uint32_t c = x->nr + in->arc_col[a];

				if (!x->arc_flow[a] && x->level[c] < 0 &&
				    usable(in, in->arc_score[a], x->min_score)) {
					x->level[c] = x->level[v] + 1;
					x->queue[tail++] = c;
				}
			}
			continue;
		}
		uint32_t c = v - x->nr;

		/* Past the first level with a free column no shorter path exists. */
		found = has_room(x, c);
		for (size_t k = x->slot_start[c]; k < x->slot_start[c] + x->slot_len[c]; k++) {
			uint32_t r = x->slot_row[k];

			if (x->level[r] < 0) {
				x->level[r] = x->level[v] + 1;
				x->queue[tail++] = r;
			}
		}
	}
	for (; head < tail; head++)
		found |= x->queue[head] >= x->nr && has_room(x, x->queue[head] - x->nr);
	return found;
}

/* The next neighbour of v one level down the level graph, or FALSE. */
static gboolean next_step(matcher *x, uint32_t v, uint32_t *w, size_t *arc)
{
	const lm_flow_input *in = x->in;

	if (v < x->nr) {
		for (; x->it[v] < in->row_start[v + 1]; x->it[v]++) {
			size_t a = x->it[v];
			uint32_t c = x->nr + in->arc_col[a];

			if (!x->arc_flow[a] && x->level[c] == x->level[v] + 1 &&
			    usable(in, in->arc_score[a], x->min_score)) {
				*w = c;
				*arc = a;
				return TRUE;
			}
		}
		return FALSE;
	}
	uint32_t c = v - x->nr;

	for (; x->it[v] < x->slot_start[c] + x->slot_len[c]; x->it[v]++) {
		uint32_t r = x->slot_row[x->it[v]];

		if (x->level[r] == x->level[v] + 1) {
			*w = r;
			*arc = x->slot_arc[x->it[v]];
			return TRUE;
		}
	}
	return FALSE;
}

/* Applies the path on the stack: each column hands its place from the row
 * after it (arc dropped) to the row before it (arc taken). */
static void apply(matcher *x, size_t depth)
{
	for (size_t i = 1; i <= depth; i += 2) {
		uint32_t c = x->stack[i] - x->nr;

		if (i + 1 <= depth) {
			size_t a = x->via[i + 1], k = x->slot_start[c];

			while (x->slot_arc[k] != a)
				k++;
			x->arc_flow[a] = 0;
			x->slot_len[c]--;
			x->slot_arc[k] = x->slot_arc[x->slot_start[c] + x->slot_len[c]];
			x->slot_row[k] = x->slot_row[x->slot_start[c] + x->slot_len[c]];
		}
		x->arc_flow[x->via[i]] = 1;
		x->slot_arc[x->slot_start[c] + x->slot_len[c]] = x->via[i];
		x->slot_row[x->slot_start[c] + x->slot_len[c]] = x->stack[i - 1];
		x->slot_len[c]++;
	}
}

/* One augmenting path from row r in the level graph (iterative DFS). */
static gboolean augment(matcher *x, uint32_t r)
{
	size_t depth = 0;

	x->stack[0] = r;
	while (TRUE) {
		uint32_t v = x->stack[depth], w;
		size_t a;

		if (v >= x->nr && has_room(x, v - x->nr)) {
			apply(x, depth);
			x->row_flow[r]++;
			return TRUE;
		}
		if (next_step(x, v, &w, &a)) {
			x->stack[++depth] = w;
			x->via[depth] = a;
			continue;
		}
		x->level[v] = -1; /* a dead end for the rest of the phase */
		if (depth == 0)
			return FALSE;
		depth--;
		x->it[x->stack[depth]]++;
	}
}

static uint64_t max_units(matcher *x)
{
	const lm_flow_input *in = x->in;
	uint64_t units = 0;

	while (bfs(x)) {
		for (uint32_t r = 0; r < x->nr; r++)
			x->it[r] = in->row_start[r];
		for (uint32_t c = 0; c < x->nc; c++)
			x->it[x->nr + c] = x->slot_start[c];
		for (uint32_t r = 0; r < x->nr; r++)
			while (x->level[r] == 0 && x->row_flow[r] < lm_flow_demand(in, r) &&
			       augment(x, r))
				units++;
	}
	return units;
}

int lm_fair_max_units(const lm_flow_input *in, lm_score min_score, uint64_t *units,
		      lm_error **err)
{
	matcher x;
	int rc;

	if (!in || !units)
		return lm_set_error(err, LM_EINVAL, "no flow input");
	if ((rc = lm_flow_validate(in, err)) < 0)
		return rc;
	if (matcher_init(&x, in, min_score))
		*units = in->n_rows ? max_units(&x) : 0;
	else
		rc = lm_set_error(err, LM_ENOMEM, "out of memory for a maximum matching");
	matcher_clear(&x);
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
