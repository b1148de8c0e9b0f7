/* What-if for the unmatched: how many more pairs relaxing one hard
 * constraint alone would allow. Not API; lm_match calls it and the
 * result carries the counts (lm_result_what_if()). */
#ifndef LM_WHATIF_H
#define LM_WHATIF_H

#include "assign/stable.h"
#include "match/whatif_arcs.h"
#include "score/scorer.h"

/* Whether relaxing constraint c may be suggested at all: a hard constraint
 * of this model other than `consent` and `exclude` (no consent, no
 * pairing; a veto is never up for discussion). */
gboolean lm_what_if_relaxable(const lm_scorer *s, size_t c);

/* counts receives lm_scorer_count() entries: for each relaxable constraint
 * c, U(c) - U, where U is the most pairs any assignment can make (mentee m
 * taking up to demand[m] mentors, mentor t up to cap[t]; kept `current`
 * pairs excluded when keep_current) and U(c) the same with c relaxed;
 * -1 for the others. Checks only the pairs its searches reach
 * (whatif.c): on national cohorts a small part of them, since the mentors
 * with free places are few. The searches begin from the n_start pairs of
 * start (lm_match gives its run's assignment, already most of the pairs
 * there can be; start may be NULL when n_start is 0), skipping those not
 * feasible, not open or past a side's room. The counts do not depend on
 * them. */
int lm_what_if(const lm_scorer *s, const uint32_t *demand, const uint32_t *cap,
	       gboolean keep_current, const lm_pair_ix *start, size_t n_start, long *counts,
	       lm_error **err);

#endif
