/* The instance file the benchmark programs hand to the peer solvers
 * (bench/lemon_driver.cpp, bench/peers.py), so that every solver sees the
 * same graph:
 *
 *   libmatch-instance 1
 *   ROWS COLS ARCS
 *   demand of each row (ROWS numbers), capacity of each column (COLS numbers)
 *   ARCS lines "row col weight"
 *
 * Weights are the engine's integer arc weights for the objective
 * (docs/solver.md), so every solver maximises the same sum and the optimal
 * totals must agree exactly. */
#ifndef LM_BENCH_INSTANCE_H
#define LM_BENCH_INSTANCE_H

#include <stdio.h>
#include <inttypes.h>
#include "assign/flow_private.h"

static inline int lm_bench_write_instance(const char *path, const lm_flow_input *in)
{
	lm_flow_scale sc;
	size_t m = in->row_start[in->n_rows], usable = 0;
	FILE *f;

	if (lm_flow_scale_init(&sc, in, NULL) < 0 || !(f = fopen(path, "w")))
		return -1;
	for (size_t a = 0; a < m; a++)
		usable += lm_flow_usable(&sc, in->arc_score[a]);
	fprintf(f, "libmatch-instance 1\n%u %u %zu\n", in->n_rows, in->n_cols, usable);
	for (uint32_t r = 0; r < in->n_rows; r++)
		fprintf(f, "%u%c", lm_flow_demand(in, r), r + 1 < in->n_rows ? ' ' : '\n');
	for (uint32_t c = 0; c < in->n_cols; c++)
		fprintf(f, "%u%c", lm_flow_cap(in, c), c + 1 < in->n_cols ? ' ' : '\n');
	for (uint32_t r = 0; r < in->n_rows; r++)
		for (size_t a = in->row_start[r]; a < in->row_start[r + 1]; a++)
			if (lm_flow_usable(&sc, in->arc_score[a]))
				fprintf(f, "%u %u %" PRId64 "\n", r, in->arc_col[a],
					lm_flow_weight(&sc, in->arc_score[a]));
	return fclose(f) == 0 ? 0 : -1;
}

/* The total weight of an answer, as the peers report it. */
static inline int64_t lm_bench_weight(const lm_flow_input *in, const lm_flow_output *out)
{
	lm_flow_scale sc;
	int64_t w = 0;

	if (lm_flow_scale_init(&sc, in, NULL) < 0)
		return -1;
	for (size_t a = 0; a < in->row_start[in->n_rows]; a++)
		if (out->arc_used[a])
			w += lm_flow_weight(&sc, in->arc_score[a]);
	return w;
}

#endif
