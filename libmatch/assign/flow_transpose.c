/* Solving from the scarcer side. The engine routes one unit of demand per
 * search; a unit that cannot be placed costs a search that explores every
 * full column it can reach before it gives up. When the mentors' places are
 * fewer than the mentees' wishes (the usual case at national scale: 34,000
 * mentees, about 20,000 places), most searches are such failures. The
 * problem is symmetric (the LP and its certificate swap rows and columns,
 * demands and capacities), so the engine solves the transposed graph
 * instead: each search routes a place, and places find a free mentee
 * quickly. The answer and the prices are mapped back, and the caller's
 * certificate checks them on the original graph. */
#include <string.h>
#include "core/error_private.h"
#include "assign/flow_private.h"

/* Units each side could place at most, given the arcs it has. */
static void reachable_units(const lm_flow_input *in, uint64_t *rows, uint64_t *cols)
{
	size_t m = in->row_start[in->n_rows];
	uint32_t *indeg = g_new0(uint32_t, MAX(in->n_cols, 1u));

	*rows = *cols = 0;
	for (uint32_t r = 0; r < in->n_rows; r++)
		*rows += MIN((uint64_t)lm_flow_demand(in, r), in->row_start[r + 1] - in->row_start[r]);
	for (size_t a = 0; a < m; a++)
		indeg[in->arc_col[a]] += indeg[in->arc_col[a]] < UINT32_MAX;
	for (uint32_t c = 0; c < in->n_cols; c++)
		*cols += MIN(lm_flow_cap(in, c), indeg[c]);
	g_free(indeg);
}

typedef struct transposed {
	lm_flow_input in;
	size_t *row_start;
	uint32_t *arc_col;
	lm_score *arc_score;
	size_t *orig; /* per transposed arc: the original arc */
} transposed;

/* Columns become rows; a column's arcs come out in ascending row order
 * because the original arcs are visited row by row. The arrays are ws's;
 * LM_ENOMEM when they cannot be had. */
static int transpose(const lm_flow_input *in, transposed *t, lm_flow_scratch *ws)
{
	size_t m = in->row_start[in->n_rows], nc = in->n_cols + (size_t)1;

	if (m > SIZE_MAX / sizeof(lm_score) || nc > SIZE_MAX / sizeof(size_t))
		return LM_ENOMEM;
	t->row_start = lm_flow_scratch_get(ws, LM_FLOW_BUF_T_START, nc * sizeof(size_t));
	t->arc_col = lm_flow_scratch_get(ws, LM_FLOW_BUF_T_COL, m * sizeof(uint32_t));
	t->arc_score = lm_flow_scratch_get(ws, LM_FLOW_BUF_T_SCORE, m * sizeof(lm_score));
	t->orig = lm_flow_scratch_get(ws, LM_FLOW_BUF_T_ORIG, m * sizeof(size_t));

	size_t *fill = g_try_new(size_t, nc);

	if (!t->row_start || !t->arc_col || !t->arc_score || !t->orig || !fill) {
		g_free(fill);
		return LM_ENOMEM;
	}
	memset(t->row_start, 0, nc * sizeof(size_t));
	for (size_t a = 0; a < m; a++)
		t->row_start[in->arc_col[a] + 1]++;
	for (uint32_t c = 0; c < in->n_cols; c++)
		t->row_start[c + 1] += t->row_start[c];
	memcpy(fill, t->row_start, nc * sizeof(size_t));
	for (uint32_t r = 0; r < in->n_rows; r++)
		for (size_t a = in->row_start[r]; a < in->row_start[r + 1]; a++) {
			size_t at = fill[in->arc_col[a]]++;

			t->arc_col[at] = r;
			t->arc_score[at] = in->arc_score[a];
			t->orig[at] = a;
		}
	g_free(fill);
	t->in = (lm_flow_input){
		.n_rows = in->n_cols,
		.n_cols = in->n_rows,
		.row_demand = in->col_cap,
		.col_cap = in->row_demand,
		.row_start = t->row_start,
		.arc_col = t->arc_col,
		.arc_score = t->arc_score,
		.objective = in->objective,
		.seed = in->seed,
	};
	return 0;
}

int lm_flow_solve_auto_scratch(const lm_flow_input *in, lm_flow_output *out,
			       lm_flow_scratch *ws, lm_error **err)
{
	lm_flow_output tout;
	uint64_t rows, cols;
	transposed t;
	int rc;

	if (!out || !ws)
		return lm_set_error(err, LM_EINVAL, "no flow output or scratch");
	if ((rc = lm_flow_validate(in, err)) < 0)
		return rc;
	reachable_units(in, &rows, &cols);
	if (cols >= rows)
		return lm_flow_solve_scratch(in, out, ws, err);
	memset(out, 0, sizeof(*out));

	size_t m = in->row_start[in->n_rows];

	if (transpose(in, &t, ws) < 0)
		return lm_set_error(err, LM_ENOMEM, "out of memory transposing %zu arcs", m);
	rc = lm_flow_solve_scratch(&t.in, &tout, ws, err);
	if (rc == 0) {
		out->arc_used = g_try_new0(uint8_t, MAX(m, (size_t)1));
		if (!out->arc_used) {
			lm_flow_output_clear(&tout);
			return lm_set_error(err, LM_ENOMEM, "out of memory for %zu arcs", m);
		}
		for (size_t a = 0; a < m; a++)
			out->arc_used[t.orig[a]] = tout.arc_used[a];
		out->row_price = tout.col_price;
		out->col_price = tout.row_price;
		out->matched = tout.matched;
		out->total = tout.total;
		out->scale_big = tout.scale_big;
		out->scale_smax = tout.scale_smax;
		g_free(tout.arc_used);
	}
	return rc;
}

int lm_flow_solve_auto(const lm_flow_input *in, lm_flow_output *out, lm_error **err)
{
	lm_flow_scratch ws = { 0 };
	int rc = lm_flow_solve_auto_scratch(in, out, &ws, err);

	lm_flow_scratch_clear(&ws);
	return rc;
}
