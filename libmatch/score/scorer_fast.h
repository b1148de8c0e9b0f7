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
/* Mentor classes of the vector step's gender table (gender, requested
 * gender, whether the request is hard) and origin table (unknown, same or
 * other origin; the mentor's origin wish). */
#define LM_VEC_GENDER_CLASSES 32
#define LM_VEC_ORIGIN_CLASSES 16
/* Mentors a mentee may name (choices, vetoes, pairs to continue) for the
 * vector step to serve the row; more go to the scalar step. */
#define LM_VEC_LISTED 16
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
	/* by points got; at least 16 entries are set (the vector step loads
	 * that many when they cover every count) */
	lm_score goal_part[LM_FAST_GOALS * (LM_FAST_GOALS + 1) / 2 + 1];
	/* by kind of mentor (lm_scorer.fast_kinds), when the region criterion is on */
	lm_score region_part[LM_FAST_KINDS];
	uint8_t region_ok[LM_FAST_KINDS];
	/* The vector step (scorer_vec.c), when it serves this row: what it
	 * adds whatever the mentor, which parts it looks up, and the gender
	 * and origin criteria by mentor class (bit c of *_ok: class c passes
	 * the filter). */
	gboolean vec;
	gboolean vec_none;      /* no mentor passes (the mentee lacks consent) */
	uint32_t vec_parts;     /* LM_VEC_* bits */
	lm_score vec_base;
	uint32_t gender_ok, origin_ok;
	lm_score gender_part[LM_VEC_GENDER_CLASSES];
	lm_score origin_part[LM_VEC_ORIGIN_CLASSES];
	/* the mentors the mentee names (choices, vetoes, pairs to continue),
	 * what each adds, and which are vetoed or chosen (bit j: listed[j]) */
	uint32_t n_listed;
	uint32_t listed[LM_VEC_LISTED];
	lm_score listed_part[LM_VEC_LISTED];
	uint32_t listed_veto, listed_chosen;
} lm_scorer_row;

/* Bytes of one mentor's features (one cache line). */
#define LM_FEAT_BYTES 64

/* Mentors' features, one cache line each: what the fused step reads. */
struct lm_mentor_feat {
	uint64_t offers; /* first word of the offers (goal_words == 1 is fused) */
	uint64_t lang;   /* languages at min_level, first word (lang_words == 1) */
	lm_score fixed;  /* the contributions that depend on the mentor only */
	int32_t origin, stage;
	/* a word the vector step gathers whole: the years and its small
	 * features (scorer_vec.c) */
	int16_t arrival_year, birth_year;
	uint32_t vec;    /* the vector step's small features (scorer_vec.c) */
	int32_t region;
	uint8_t modes, consent, gender, pref_gender, pref_gender_hard, pref_origin;
	uint8_t has_avail, has_languages, has_offers;
	uint8_t adult; /* passes the seniority filter's age rule */
	uint16_t kind;  /* modes * (regions + 1) + region + 1, when s->fast_kinds */
	/* origin and stage as 16 bits each and fixed as 32, for the vector
	 * step, when they fit (s->vec_ok) */
	uint64_t vec_misc;
};

G_STATIC_ASSERT(sizeof(struct lm_mentor_feat) == LM_FEAT_BYTES);

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

/* scorer_vec.c: the vector pair step. Packs each mentor's small features
 * into feat->vec and decides whether the CPU and the model allow the step
 * (s->vec_ok); last in lm_scorer_fast_bind. */
void lm_scorer_vec_bind(lm_scorer *s);

/* Sets row->vec and the tables it needs; last in lm_scorer_row_begin. */
void lm_scorer_vec_row_begin(const lm_scorer *s, lm_scorer_row *row);

/* lm_scorer_pairs_at_least for a row with row->vec, eight mentors at a
 * time: the same answer. counts may be NULL only when the mentee gave no
 * availability or the availability criterion has no weight. */
uint32_t lm_scorer_vec_pairs(const lm_scorer_row *row, const uint32_t *mentors,
			     const uint16_t *counts, uint32_t n, lm_score row_floor,
			     const lm_score *col_floor, uint32_t *out, lm_score *out_score);

#endif
