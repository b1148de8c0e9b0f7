/* What-if for the unmatched. A pair that fails exactly one relaxable hard
 * constraint is an arc "tagged" with it; a pair failing two or more stays
 * out whatever single constraint is relaxed. Each count compares two
 * maximum flows, so it answers "how many more could be matched by
 * re-solving", not "how many have some candidate": two mentees who need the
 * same freed place count once.
 *
 * At national size that graph is most pairs: on a generated 34,000 x 10,000
 * cohort, 246 million of the 340 million (a pair failing only the common
 * hours is an arc for relaxing availability), too many to check or hold.
 * The flows are computed without it:
 *
 *  1. the run's own assignment (lm_match's pairs, each checked again),
 *     already most of the pairs there can be;
 *  2. completed to a maximum on every feasible pair by augmenting paths;
 *  3. from that assignment, for each relaxable rule, the augmenting paths
 *     its tagged arcs open.
 *
 * Steps 2 and 3 search from the side whose nodes left with room have the
 * fewer pairs (usually the mentors with free places: places are scarce) and
 * check a node's pairs only when a search reaches it, in index order,
 * stopping at the first path found (whatif_arcs.c). Its tags are kept once
 * checked, so that later searches and relaxations read them instead. Any
 * maximum flow has the same value, so the counts are those of a search over
 * the whole tagged graph; a cohort where both sides keep many nodes with
 * room still has most of its pairs checked, as before, but in bounded
 * memory. */
#include "core/error_private.h"
#include "assign/units.h"
#include "match/whatif.h"
#include "match/whatif_arcs.h"

gboolean lm_what_if_relaxable(const lm_scorer *s, size_t c)
{
	const char *name = lm_scorer_name(s, c);

	return name && lm_scorer_required(s, c) && !g_str_equal(name, "consent") &&
	       !g_str_equal(name, "exclude");
}

/* Step 1 from pairs already chosen (the run's assignment): those that are
 * feasible, open and fit the room left are linked, the others skipped, so
 * that any list gives a valid assignment to complete. */
static void start_from(lm_wi_graph *g, const lm_pair_ix *start, size_t n_start)
{
	lm_wi_side *rows = &g->side[0], *cols = &g->side[1];

	for (size_t i = 0; i < n_start; i++) {
		uint32_t r = start[i].mentee, t = start[i].mentor;
		gboolean linked = FALSE;

		if (r >= rows->n || t >= cols->n || rows->len[r] >= g->demand[r] ||
		    cols->len[t] >= g->cap[t] || lm_wi_pair_tag(g, r, t) != LM_UNITS_UNTAGGED)
			continue;
		for (uint32_t k = 0; !linked && k < rows->len[r]; k++)
			linked = rows->mate[rows->start[r] + k] == t;
		if (!linked)
			lm_wi_link(g, r, t);
	}
}

int lm_what_if(const lm_scorer *s, const uint32_t *demand, const uint32_t *cap,
	       gboolean keep_current, const lm_pair_ix *start, size_t n_start, long *counts,
	       lm_error **err)
{
	size_t n = lm_scorer_count(s);
	uint32_t relaxable = 0;
	lm_wi_graph g;
	lm_wi_state base = { 0 };
	int rc = 0;

	/* The names are compared once, not once per failing pair. */
	for (size_t k = 0; k < n && k < 32; k++)
		if (lm_what_if_relaxable(s, k))
			relaxable |= 1u << k;
	for (size_t k = 0; k < n; k++)
		counts[k] = -1;
	if (!lm_wi_init(&g, s, demand, cap, keep_current, relaxable)) {
		rc = lm_set_error(err, LM_ENOMEM, "out of memory for the what-if");
	} else {
		start_from(&g, start, n_start);
		/* The most pairs on the feasible arcs, then from that assignment
		 * (still valid with more arcs usable) how many more each
		 * relaxation adds. */
		lm_wi_augment(&g, LM_UNITS_UNTAGGED);
		if (!lm_wi_save(&g, &base))
			rc = lm_set_error(err, LM_ENOMEM, "out of memory for the what-if");
	}
	for (size_t k = 0; rc == 0 && k < n && k < 32; k++) {
		if (!(relaxable & (1u << k)))
			continue;
		lm_wi_restore(&g, &base);
		counts[k] = (long)lm_wi_augment(&g, (unsigned)k);
	}
	lm_wi_state_clear(&base);
	lm_wi_clear(&g);
	return rc;
}
