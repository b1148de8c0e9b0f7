/* The state of one lm_match run, shared by match.c (kept pairs, results,
 * reasons) and policies.c (one solver per algorithm). Not API. */
#ifndef LM_RUN_PRIVATE_H
#define LM_RUN_PRIVATE_H

#include <glib.h>
#include "assign/stable.h"
#include "match/candidates.h"
#include "match/options_private.h"
#include "match/rank.h"
#include "score/scorer.h"

typedef struct lm_run {
	const lm_cohort *cohort;
	const lm_scorer *scorer;
	lm_options opt;          /* effective options */
	uint32_t n_rows, n_cols;
	/* Mentors each mentee still wants and places each mentor still has:
	 * after kept pairs, or the full wants and capacities when
	 * re-optimising (opt.keep_current FALSE). */
	uint32_t *demand, *cap;
	GArray *assigned;        /* lm_pair_ix: the pairs the algorithm chose */
	gboolean optimal;        /* proved for the algorithm's own objective */
	lm_score kept_total;     /* kept pairs (keep_current): their score and count */
	uint64_t kept_pairs;
	gboolean has_optimum;    /* greedy, fair: the optimal solver's figures, kept pairs included */
	lm_score optimum_total;
	uint64_t optimum_pairs;
	lm_rank_lists *lists;    /* stable, rounds: the rankings used (owned) */
	/* optimal with kept pairs: the exact engine's candidate graph (owned),
	 * whose row of each mentee holds at least its top_k best feasible
	 * mentors with places, so that the reasons of the unmatched need not
	 * score every mentor again; NULL otherwise */
	lm_candidates *graph;
} lm_run;

/* Runs r->opt.algorithm on demand/cap and fills assigned, optimal and the
 * optimum; LM_EINVAL for a combination that is not offered. */
int lm_run_solve(lm_run *r, lm_error **err);

/* Adds every mentee who got fewer mentors than wanted to res, with the
 * reason (unmatched.c); sorts r->assigned by mentee. Parallel over mentees
 * on r->opt.threads; LM_EINTERNAL when no thread can be started. */
int lm_run_add_unmatched(const lm_run *r, lm_result *res, lm_error **err);

/* Whether (mentee, mentor) is one of the cohort's `current` pairs. */
gboolean lm_run_is_current(const lm_run *r, uint32_t mentee, uint32_t mentor);

#endif
