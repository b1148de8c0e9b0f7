/* Maximum units: how many mentee-mentor pairs (with mentee demands and
 * mentor capacities) a set of usable arcs allows. Hopcroft-Karp with
 * capacities (Dinic on the bipartite graph: source -> row (demand), row ->
 * column (1), column -> sink (capacity)), O(E sqrt(V)); the exact engine
 * with every score 0 is correct too but explores every tie. Not API: fair,
 * verify and the what-if use it. */
#ifndef LM_UNITS_H
#define LM_UNITS_H

#include "assign/flow.h"

#define LM_UNITS_UNTAGGED 0xffu

typedef struct lm_units {
	const lm_flow_input *in;
	lm_score min_score;
	/* Optional, per arc: LM_UNITS_UNTAGGED (always usable) or a tag; a
	 * tagged arc is usable only while `relaxed` equals its tag. */
	const uint8_t *tag;
	unsigned relaxed;
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
} lm_units;

/* A score the objective lets count: at least min_score, and above 0 under
 * objective score. */
static inline gboolean lm_units_score_usable(const lm_flow_input *in, lm_score s,
					     lm_score min_score)
{
	return s >= min_score && (in->objective != LM_OBJECTIVE_SCORE || s > 0);
}

/* Nothing assigned yet; arcs usable when their score passes min_score
 * (in->arc_score may be NULL: every arc passes). FALSE when out of memory;
 * lm_units_clear() in any case. */
gboolean lm_units_init(lm_units *x, const lm_flow_input *in, lm_score min_score);
void lm_units_clear(lm_units *x);

/* Adds as many units as the usable arcs allow to what is assigned; returns
 * how many it added. Usable arcs may be widened between calls (a tag
 * relaxed): the assignment stays valid and the next call completes it. */
uint64_t lm_units_augment(lm_units *x);

/* The assignment, to return to after trying a relaxation. */
typedef struct lm_units_state {
	uint32_t *row_flow, *slot_len, *slot_row;
	uint8_t *arc_flow;
	size_t *slot_arc;
} lm_units_state;

gboolean lm_units_save(const lm_units *x, lm_units_state *st);
void lm_units_restore(lm_units *x, const lm_units_state *st);
void lm_units_state_clear(lm_units_state *st);

#endif
