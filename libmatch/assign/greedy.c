/* The greedy baseline: highest-scoring pair first. Not optimal in general;
 * kept to show coordinators what the exact engine gains. */
#include <stdlib.h>
#include <string.h>
#include "core/error_private.h"
#include "assign/flow_private.h"
#include "assign/greedy.h"

typedef struct ranked_arc {
	lm_score score;
	size_t arc;
	uint32_t row;
} ranked_arc;

/* Score descending, then arc number: arcs are numbered by row, then column. */
static int compare_ranked(const void *a, const void *b)
{
	const ranked_arc *x = a, *y = b;

	if (x->score != y->score)
		return x->score > y->score ? -1 : 1;
	return x->arc < y->arc ? -1 : x->arc > y->arc;
}

static ranked_arc *rank_arcs(const lm_flow_input *in, size_t *n)
{
	size_t m = in->row_start[in->n_rows], k = 0;
	ranked_arc *arcs = g_try_new(ranked_arc, MAX(m, (size_t)1));

	if (!arcs)
		return NULL;
	for (uint32_t r = 0; r < in->n_rows; r++)
		for (size_t a = in->row_start[r]; a < in->row_start[r + 1]; a++)
			if (in->objective != LM_OBJECTIVE_SCORE || in->arc_score[a] > 0)
				arcs[k++] = (ranked_arc){ in->arc_score[a], a, r };
	qsort(arcs, k, sizeof(*arcs), compare_ranked);
	*n = k;
	return arcs;
}

static void take(const lm_flow_input *in, lm_flow_output *out, const ranked_arc *arcs, size_t n,
		 uint32_t *row_left, uint32_t *col_left)
{
	for (uint32_t r = 0; r < in->n_rows; r++)
		row_left[r] = lm_flow_demand(in, r);
	for (uint32_t c = 0; c < in->n_cols; c++)
		col_left[c] = lm_flow_cap(in, c);
	for (size_t i = 0; i < n; i++) {
		uint32_t r = arcs[i].row, c = in->arc_col[arcs[i].arc];

		if (row_left[r] == 0 || col_left[c] == 0)
			continue;
		row_left[r]--;
		col_left[c]--;
		out->arc_used[arcs[i].arc] = 1;
		out->matched++;
		out->total += arcs[i].score;
	}
}

int lm_greedy_solve(const lm_flow_input *in, lm_flow_output *out, lm_error **err)
{
	size_t n = 0;
	int rc;

	if (!out)
		return lm_set_error(err, LM_EINVAL, "no flow output");
	memset(out, 0, sizeof(*out));
	if ((rc = lm_flow_validate(in, err)) < 0)
		return rc;

	ranked_arc *arcs = rank_arcs(in, &n);
	uint32_t *row_left = g_try_new(uint32_t, MAX(in->n_rows, 1u));
	uint32_t *col_left = g_try_new(uint32_t, MAX(in->n_cols, 1u));

	out->arc_used = g_try_new0(uint8_t, MAX(in->row_start[in->n_rows], (size_t)1));
	if (arcs && row_left && col_left && out->arc_used)
		take(in, out, arcs, n, row_left, col_left);
	else
		rc = lm_set_error(err, LM_ENOMEM, "out of memory ranking %zu arcs",
				  in->row_start[in->n_rows]);
	g_free(arcs);
	g_free(row_left);
	g_free(col_left);
	if (rc < 0)
		lm_flow_output_clear(out);
	return rc;
}
