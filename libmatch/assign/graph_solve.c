/* Solving a public score graph: the engine's sparse rows, the run, and the
 * result with a reason for every unmatched mentee. */
#include <stdlib.h>
#include <string.h>
#include "core/error_private.h"
#include "assign/flow.h"
#include "assign/graph_private.h"
#include "assign/greedy.h"
#include "match/options_private.h"
#include "match/result_private.h"

/* The engine's view of a graph: rows by mentee, columns ascending. */
typedef struct csr {
	size_t *row_start;
	uint32_t *col;
	lm_score *score;
} csr;

typedef struct arc {
	uint32_t col;
	lm_score score;
} arc;

static int compare_arcs(const void *a, const void *b)
{
	const arc *x = a, *y = b;

	return x->col < y->col ? -1 : x->col > y->col;
}

static void csr_clear(csr *m)
{
	g_free(m->row_start);
	g_free(m->col);
	g_free(m->score);
}

/* Counting sort by mentee, then each row by mentor: the same arcs in the
 * same order whatever order the edges were added in. */
static int build_csr(const lm_graph *g, csr *m, lm_error **err)
{
	uint32_t rows = g->side[LM_ROLE_MENTEE].n;
	size_t n = g->n_edges;
	size_t *next = g_try_new0(size_t, (size_t)rows + 1);
	arc *arcs = g_try_new(arc, MAX(n, (size_t)1));

	m->row_start = g_try_new0(size_t, (size_t)rows + 1);
	m->col = g_try_new(uint32_t, MAX(n, (size_t)1));
	m->score = g_try_new(lm_score, MAX(n, (size_t)1));
	if (!next || !arcs || !m->row_start || !m->col || !m->score) {
		g_free(next);
		g_free(arcs);
		return lm_set_error(err, LM_ENOMEM, "out of memory for %zu edges", n);
	}
	for (size_t e = 0; e < n; e++)
		m->row_start[g->edges[e].mentee + 1]++;
	for (uint32_t r = 0; r < rows; r++)
		m->row_start[r + 1] += m->row_start[r];
	memcpy(next, m->row_start, ((size_t)rows + 1) * sizeof(size_t));
	for (size_t e = 0; e < n; e++)
		arcs[next[g->edges[e].mentee]++] = (arc){ g->edges[e].mentor, g->edges[e].score };
	for (uint32_t r = 0; r < rows; r++)
		qsort(arcs + m->row_start[r], m->row_start[r + 1] - m->row_start[r], sizeof(arc),
		      compare_arcs);
	for (size_t a = 0; a < n; a++) {
		m->col[a] = arcs[a].col;
		m->score[a] = arcs[a].score;
	}
	g_free(next);
	g_free(arcs);
	return 0;
}

/* ---- names ------------------------------------------------------------------- */

/* An explicit id that reads as the default name ("17") of another, unnamed
 * person on the same side would make two people look alike. */
static int check_default_names(const lm_graph *g, lm_error **err)
{
	static const char *const side_name[2] = { "mentee", "mentor" };

	for (int role = 0; role < 2; role++) {
		const lm_graph_side *s = &g->side[role];

		for (uint32_t i = 0; s->ids && i < s->n; i++) {
			const char *id = s->ids[i];
			guint64 other;

			/* Default names are canonical decimals: no sign, no leading zero. */
			if (!id || (id[0] == '0' && id[1]) ||
			    !g_ascii_string_to_unsigned(id, 10, 0, s->n - 1, &other, NULL) ||
			    other == i || s->ids[other])
				continue;
			return lm_set_error(err, LM_EINVAL, "%s %u has the id %s, the default name of "
					    "unnamed %s %s; name both or neither", side_name[role], i,
					    id, side_name[role], id);
		}
	}
	return 0;
}

/* Every person's id: the explicit one or the index in decimal. The strings
 * live in `chunk`. */
static const char **names(const lm_graph *g, lm_role role, GStringChunk *chunk)
{
	const lm_graph_side *s = &g->side[role];
	const char **out = g_try_new(const char *, MAX(s->n, 1u));

	for (uint32_t i = 0; out && i < s->n; i++) {
		if (s->ids && s->ids[i]) {
			out[i] = s->ids[i];
		} else {
			char buf[16];

			g_snprintf(buf, sizeof(buf), "%u", i);
			out[i] = g_string_chunk_insert(chunk, buf);
		}
	}
	return out;
}

/* ---- the result ----------------------------------------------------------------- */

/* Why row r is unmatched: no pair at all; a pair whose mentor still has room
 * (the objective chose not to use it); or every mentor full, with the
 * best-scoring one (lowest index on ties). */
static void add_unmatched(lm_result *res, const lm_flow_input *in, const uint32_t *load,
			  uint32_t r)
{
	int32_t best = -1;
	lm_score best_score = -1;

	if (in->row_start[r] == in->row_start[r + 1]) {
		lm_result_add_unmatched(res, r, LM_UNMATCHED_NO_FEASIBLE_MENTOR, -1, NULL);
		return;
	}
	for (size_t a = in->row_start[r]; a < in->row_start[r + 1]; a++) {
		uint32_t c = in->arc_col[a];

		if (load[c] < in->col_cap[c]) {
			lm_result_add_unmatched(res, r, LM_UNMATCHED_NOT_WORTH_IT, -1, NULL);
			return;
		}
		if (in->arc_score[a] > best_score) {
			best_score = in->arc_score[a];
			best = (int32_t)c;
		}
	}
	lm_result_add_unmatched(res, r, LM_UNMATCHED_CAPACITY_TAKEN, best, NULL);
}

static lm_result *make_result(const lm_graph *g, const lm_flow_input *in,
			      const lm_flow_output *out, const lm_options *o, gboolean optimal)
{
	GStringChunk *chunk = g_string_chunk_new(4096);
	const char **mentees = names(g, LM_ROLE_MENTEE, chunk);
	const char **mentors = names(g, LM_ROLE_MENTOR, chunk);
	uint32_t *load = g_try_new0(uint32_t, MAX(in->n_cols, 1u));
	lm_result *res = NULL;

	if (mentees && mentors && load) {
		res = lm_result_new(mentees, in->n_rows, mentors, in->n_cols, 0, NULL, 0, NULL);
		for (size_t a = 0; a < in->row_start[in->n_rows]; a++)
			load[in->arc_col[a]] += out->arc_used[a];
		for (uint32_t r = 0; r < in->n_rows; r++) {
			gboolean matched = FALSE;

			for (size_t a = in->row_start[r]; a < in->row_start[r + 1]; a++) {
				if (out->arc_used[a]) {
					lm_result_add_pair(res, r, in->arc_col[a], in->arc_score[a],
							   NULL, FALSE);
					matched = TRUE;
				}
			}
			if (!matched)
				add_unmatched(res, in, load, r);
		}
		lm_result_set_run(res, NULL, o->algorithm, o->objective, o->seed, "", optimal);
		res->mentees_wanting = in->n_rows;
		lm_result_finish(res);
	}
	g_free(mentees);
	g_free(mentors);
	g_free(load);
	g_string_chunk_free(chunk);
	return res;
}

/* ---- solving ----------------------------------------------------------------------- */

static int run_engine(const lm_flow_input *in, const lm_options *o, lm_flow_output *out,
		      gboolean *optimal, lm_error **err)
{
	int rc;

	if (o->algorithm == LM_ALGORITHM_GREEDY) {
		*optimal = FALSE;
		return lm_greedy_solve(in, out, err);
	}
	if ((rc = lm_flow_solve(in, out, err)) < 0)
		return rc;
	/* The certificate is cheap (one pass) and proves the answer. */
	*optimal = lm_flow_certify(in, out);
	if (!*optimal)
		return lm_set_error(err, LM_EINTERNAL, "the solver's answer failed its optimality "
				    "certificate; please report this graph");
	return 0;
}

int lm_graph_solve(lm_result **out, const lm_graph *graph, const lm_options *options,
		   lm_error **err)
{
	lm_options defaults;
	const lm_options *o = options;
	lm_flow_output flow = { 0 };
	csr m = { 0 };
	gboolean optimal = FALSE;
	int rc;

	if (!out || !graph)
		return lm_set_error(err, LM_EINVAL, "lm_graph_solve: NULL argument");
	if (!o) {
		lm_options_init_defaults(&defaults);
		o = &defaults;
	}
	if (o->algorithm != LM_ALGORITHM_OPTIMAL && o->algorithm != LM_ALGORITHM_GREEDY)
		return lm_set_error(err, LM_EINVAL, "algorithm %s is not available for a score "
				    "graph (use optimal or greedy)",
				    lm_algorithm_name(o->algorithm) ? lm_algorithm_name(o->algorithm)
								   : "?");
	if ((rc = check_default_names(graph, err)) < 0 || (rc = build_csr(graph, &m, err)) < 0) {
		csr_clear(&m);
		return rc;
	}

	lm_flow_input in = {
		.n_rows = graph->side[LM_ROLE_MENTEE].n,
		.n_cols = graph->side[LM_ROLE_MENTOR].n,
		.col_cap = graph->capacity,
		.row_start = m.row_start,
		.arc_col = m.col,
		.arc_score = m.score,
		.objective = o->objective,
		.seed = o->seed,
	};
	uint32_t one = 1;

	if (!in.col_cap)
		in.col_cap = &one; /* no mentors: never read */
	rc = run_engine(&in, o, &flow, &optimal, err);
	if (rc == 0 && !(*out = make_result(graph, &in, &flow, o, optimal)))
		rc = lm_set_error(err, LM_ENOMEM, "out of memory building the result");
	lm_flow_output_clear(&flow);
	csr_clear(&m);
	return rc;
}
