/* What-if for the unmatched. A pair that fails exactly one relaxable hard
 * constraint is an arc "tagged" with it; a pair failing two or more stays
 * out whatever single constraint is relaxed. Each count compares two
 * maximum flows, so it answers "how many more could be matched by
 * re-solving", not "how many have some candidate": two mentees who need the
 * same freed place count once. */
#include <string.h>
#include "core/cohort_private.h"
#include "core/error_private.h"
#include "assign/units.h"
#include "match/whatif.h"

#define UNTAGGED LM_UNITS_UNTAGGED

gboolean lm_what_if_relaxable(const lm_scorer *s, size_t c)
{
	const char *name = lm_scorer_name(s, c);

	return name && lm_scorer_required(s, c) && !g_str_equal(name, "consent") &&
	       !g_str_equal(name, "exclude");
}

typedef struct tagged_graph {
	GArray *row_start, *col; /* size_t, uint32_t */
	GArray *tag;             /* uint8_t: UNTAGGED (feasible) or the failed constraint */
} tagged_graph;

static void build(tagged_graph *g, const lm_scorer *s, const uint32_t *demand,
		  const uint32_t *cap, gboolean keep_current)
{
	const lm_cohort *c = lm_scorer_cohort(s);
	uint32_t relaxable = 0;
	size_t n = 0;

	/* The names are compared once, not once per failing pair. */
	for (size_t k = 0; k < lm_scorer_count(s) && k < 32; k++)
		if (lm_what_if_relaxable(s, k))
			relaxable |= 1u << k;
	g->row_start = g_array_sized_new(FALSE, FALSE, sizeof(size_t),
					 c->count[LM_ROLE_MENTEE] + 1);
	g->col = g_array_new(FALSE, FALSE, sizeof(uint32_t));
	g->tag = g_array_new(FALSE, FALSE, sizeof(uint8_t));
	for (uint32_t m = 0; m < c->count[LM_ROLE_MENTEE]; m++) {
		const lm_person *p = lm_cohort_mentee(c, m);

		g_array_append_val(g->row_start, n);
		for (uint32_t t = 0; demand[m] && t < c->count[LM_ROLE_MENTOR]; t++) {
			if (!cap[t] || (keep_current && lm_span_contains(c, p->current, t)))
				continue;
			uint32_t failed = lm_scorer_check(s, m, t);
			uint8_t tag = UNTAGGED;

			if (failed) {
				int bit = g_bit_nth_lsf(failed, -1);

				if (failed & (failed - 1) || !(relaxable & failed))
					continue;
				tag = (uint8_t)bit;
			}
			g_array_append_val(g->col, t);
			g_array_append_val(g->tag, tag);
			n++;
		}
	}
	g_array_append_val(g->row_start, n);
}

static void clear(tagged_graph *g)
{
	g_array_free(g->row_start, TRUE);
	g_array_free(g->col, TRUE);
	g_array_free(g->tag, TRUE);
}

int lm_what_if(const lm_scorer *s, const uint32_t *demand, const uint32_t *cap,
	       gboolean keep_current, uint64_t seed, long *counts, lm_error **err)
{
	const lm_cohort *c = lm_scorer_cohort(s);
	size_t n = lm_scorer_count(s);
	tagged_graph g;
	lm_units x;
	lm_units_state base = { 0 };
	int rc = 0;

	build(&g, s, demand, cap, keep_current);

	lm_flow_input in = {
		.n_rows = c->count[LM_ROLE_MENTEE],
		.n_cols = c->count[LM_ROLE_MENTOR],
		.row_demand = demand,
		.col_cap = cap,
		.row_start = (const size_t *)g.row_start->data,
		.arc_col = (const uint32_t *)g.col->data,
		.objective = LM_OBJECTIVE_COVERAGE,
		.seed = seed,
	};

	/* The most pairs on the feasible arcs, then from that assignment (still
	 * valid with more arcs usable) how many more each relaxation adds: a
	 * few augmenting paths each instead of a maximum matching from scratch. */
	for (size_t k = 0; k < n; k++)
		counts[k] = -1;
	if (!lm_units_init(&x, &in, 0)) {
		rc = lm_set_error(err, LM_ENOMEM, "out of memory for the what-if");
	} else {
		x.tag = (const uint8_t *)g.tag->data;
		x.relaxed = LM_UNITS_UNTAGGED;
		if (in.n_rows)
			lm_units_augment(&x);
		if (!lm_units_save(&x, &base))
			rc = lm_set_error(err, LM_ENOMEM, "out of memory for the what-if");
	}
	for (size_t k = 0; rc == 0 && k < n; k++) {
		if (!lm_what_if_relaxable(s, k))
			continue;
		lm_units_restore(&x, &base);
		x.relaxed = (unsigned)k;
		counts[k] = in.n_rows ? (long)lm_units_augment(&x) : 0;
	}
	lm_units_state_clear(&base);
	lm_units_clear(&x);
	clear(&g);
	return rc;
}
