/* The fair assignment on the engine's input: coverage first, then the best
 * lowest pair score, then the best total. Not API; lm_match and verify use
 * it. See docs/policies.md. */
#ifndef LM_FAIR_H
#define LM_FAIR_H

#include "assign/flow.h"

/* *units receives the most units any assignment can make using only arcs
 * of score >= min_score (under objective score also > 0): a maximum
 * matching with capacities (Hopcroft-Karp / Dinic, O(E sqrt(V))). */
int lm_fair_max_units(const lm_flow_input *in, lm_score min_score, uint64_t *units,
		      lm_error **err);

/* The fair assignment: among assignments with the most units (on the
 * usable arcs), one whose lowest arc score is highest, and among those one
 * with the highest total (seeded ties as in the exact engine). Fills
 * out->arc_used (parallel to in's arcs), matched and total; no prices.
 * *threshold receives the lowest score used (0 when nothing is assigned);
 * *certified whether the final solve's dual certificate holds. */
int lm_fair_solve(const lm_flow_input *in, lm_flow_output *out, lm_score *threshold,
		  gboolean *certified, lm_error **err);

#endif
