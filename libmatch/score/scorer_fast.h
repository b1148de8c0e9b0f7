/* One mentee against many mentors in one fused step per pair: every hard
 * filter and every weighted criterion evaluated together from compact
 * per-mentor features (one cache line a mentor) and what the mentee brings,
 * computed once per row, instead of one call through the criteria table per
 * criterion reading the mentor's full record. The answers are exactly those
 * of lm_scorer_feasible and lm_scorer_score (tests/test_scorer_fast.c checks
 * every pair of many random cohorts and models); criteria the fused step does
 * not cover for a given pair (a mentee's explicit choices, taught levels,
 * more than 64 goals or languages) fall back to the table. Not API. */
#ifndef LM_SCORER_FAST_H
#define LM_SCORER_FAST_H

#include "score/criteria.h"

/* Goals up to this many per mentee get their contributions from a table. */
#define LM_FAST_GOALS 16
/* Kinds of mentor (modes x regions) up to which a row looks its region
 * verdict and contribution up. */
#define LM_FAST_KINDS 256

typedef struct lm_scorer_row {
	const lm_scorer *s;
	lm_pair_ref pair;      /* the mentee; mentor filled for table calls */
	lm_score fixed;        /* contributions that do not depend on the mentor */
	lm_score minor_max;    /* the most the criteria after the major ones can add */
	uint32_t table_filters; /* required filters left to the table for this row */
	uint32_t table_scores;  /* weighted criteria left to the table for this row */
	uint64_t lang;         /* languages spoken at min_level (one word) */
	uint32_t n_goals;
	uint8_t goal_bit[LM_FAST_GOALS]; /* the goals' offer bits, in priority order */
	lm_score goal_part[LM_FAST_GOALS * (LM_FAST_GOALS + 1) / 2 + 1]; /* by points got */
	/* by kind of mentor (lm_scorer.fast_kinds), when the region criterion is on */
	lm_score region_part[LM_FAST_KINDS];
	uint8_t region_ok[LM_FAST_KINDS];
} lm_scorer_row;

/* Bytes of one mentor's features (one cache line). */
#define LM_FEAT_BYTES 64

/* Asks for what lm_scorer_pair will read of this mentor, a few pairs ahead
 * of the loop: at 10,000 mentors the features are not all in cache. */
static inline void lm_scorer_prefetch(const lm_scorer *s, uint32_t mentor)
{
	__builtin_prefetch((const char *)s->feat + (size_t)mentor * LM_FEAT_BYTES);
	__builtin_prefetch(s->fast_avail + (size_t)mentor * LM_AVAIL_WORDS);
}

/* lm_scorer_prefetch for a pair step given the scan's counts of common
 * slots, which does not read the availability rows. */
static inline void lm_scorer_prefetch_features(const lm_scorer *s, uint32_t mentor)
{
	__builtin_prefetch((const char *)s->feat + (size_t)mentor * LM_FEAT_BYTES);
}

/* Prepares row for mentee; the row borrows the scorer. */
void lm_scorer_row_begin(const lm_scorer *s, uint32_t mentee, lm_scorer_row *row);

/* Whether (row's mentee, mentor) passes every hard constraint, and then its
 * score in *score. scanned: the mentor came from lm_scorer_scan for this
 * mentee, so the rules the scan applies exactly are not tried again. */
gboolean lm_scorer_pair(const lm_scorer_row *row, uint32_t mentor, gboolean scanned,
			lm_score *score);

/* How many scanned mentors ahead the pair loops prefetch. */
#define LM_PREFETCH_AHEAD 6

/* For n mentors the scan returned (counts: their counts of common slots
 * from lm_scorer_scan_range, or NULL when the scan did not count, so that
 * the availability rows are not read again): the mentors whose pair is
 * feasible and scores at least MIN(row_floor, col_floor[mentor])
 * (col_floor NULL: row_floor; INT64_MIN: any score), in order, into out
 * and their scores into out_score (room for n each); returns how many. A
 * pair below its floor may stop before the filters run, so a mentor left
 * out may be feasible: for bounded heaps, which turn such pairs away
 * anyway. */
uint32_t lm_scorer_pairs_at_least(const lm_scorer_row *row, const uint32_t *mentors,
				  const uint16_t *counts, uint32_t n, lm_score row_floor,
				  const lm_score *col_floor, uint32_t *out, lm_score *out_score);

#endif
