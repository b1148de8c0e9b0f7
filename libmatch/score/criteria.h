/* Criteria are data: each criterion is one row of lm_criteria[] with its
 * parameter parser, an optional hard filter and an optional score. Adding a
 * criterion means one enum value (model_private.h), its functions in one of
 * the criteria_*.c files and one row in criteria_table.c. Not API.
 *
 * Filters and scores run in the hot loop: they read the compiled cohort and
 * the scorer's resolved tables only, and never allocate. */
#ifndef LM_CRITERIA_H
#define LM_CRITERIA_H

#include <glib.h>
#include <stdint.h>
#include <stdlib.h>
#include <cjson/cJSON.h>
#include "core/cohort_private.h"
#include "io/json_util.h"
#include "score/model_private.h"
#include "score/scorer.h"

/* A raw score with no information either way. */
#define LM_NEUTRAL (LM_UNIT / 2)

/* Bits set in x. Without a popcount instruction in the target, GCC calls a
 * table-driven libgcc routine that costs more than this inline bit trick. */
static inline uint32_t lm_popcount64(uint64_t x)
{
#if defined(__POPCNT__)
	return (uint32_t)__builtin_popcountll(x);
#else
	x = x - ((x >> 1) & UINT64_C(0x5555555555555555));
	x = (x & UINT64_C(0x3333333333333333)) + ((x >> 2) & UINT64_C(0x3333333333333333));
	x = (x + (x >> 4)) & UINT64_C(0x0f0f0f0f0f0f0f0f);
	return (uint32_t)((x * UINT64_C(0x0101010101010101)) >> 56);
#endif
}

/* Whether sorted span s holds x; most spans are empty, so skip the call. */
static inline gboolean lm_span_has(const lm_cohort *c, lm_span s, uint32_t x)
{
	return s.len != 0 && lm_span_contains(c, s, x);
}

/* The pair a filter or score looks at. */
typedef struct lm_pair_ref {
	const lm_person *mentee, *mentor;
	uint32_t mentee_ix, mentor_ix;
} lm_pair_ref;

typedef struct lm_mentor_feat lm_mentor_feat; /* scorer_fast.c */

struct lm_scorer {
	const lm_model *model;   /* borrowed: must outlive the scorer */
	const lm_cohort *cohort; /* borrowed: must outlive the scorer */
	const lm_model_params *p;
	lm_score weight[LM_CRIT_COUNT];
	uint32_t required;                /* bit c: criterion c is a hard filter */
	uint8_t filters[LM_CRIT_COUNT];   /* required criteria, cheapest and most selective first */
	uint8_t scores[LM_CRIT_COUNT];    /* criteria with a weight, table order */
	uint32_t n_filters, n_scores;
	/* the filters left after lm_scorer_scan (which applies availability
	 * exactly): what lm_scorer_feasible_scanned tries */
	uint8_t rest[LM_CRIT_COUNT];
	uint32_t n_rest;
	/* region: n_regions x n_regions neighbour bit matrix, region_words per row */
	uint32_t region_words;
	uint64_t *region_adj;
	/* language: per person, the languages spoken at >= min_level (lang_words each) */
	uint32_t lang_words;
	uint64_t *lang_ok[2];
	/* trained: the preferred trainings present in the cohort (training_words) */
	uint64_t *prefer_trained;
	uint32_t n_prefer; /* all preferred names, found in the cohort or not */
	/* scorer_scan.c: mentors' availability packed contiguously (LM_AVAIL_WORDS
	 * per mentor, zero when a mentor gave none: scan_none says it passes)
	 * for the scan of one mentee against every mentor; NULL when the
	 * availability filter is off. */
	uint64_t *scan_avail;
	uint8_t *scan_none;       /* per mentor: gave no availability, so passes */
	/* the same, by columns for vector scans: word w of every mentor at
	 * scan_cols + w * scan_stride (a multiple of 8, zero padded), and
	 * scan_none as bits (bit m % 8 of byte m / 8) */
	uint64_t *scan_cols;
	uint8_t *scan_none_bits;
	size_t scan_stride;
	/* mentors' modes and regions side by side, for the scan's region test
	 * (NULL when the region filter is off): 5 bytes a mentor stay in cache
	 * where the people themselves do not */
	uint8_t *scan_modes;
	int32_t *scan_region;
	uint16_t *scan_class; /* modes and region as one small number, or NULL (scorer_scan.c) */
	/* scorer_fast.c: per mentor, the features the fused pair step reads
	 * (64-byte aligned) and availability rows (zero when not given); the
	 * contribution of each count of common slots; the age criterion's raw
	 * score per gap (0..max_age_gap, also read by lm_stage_raw); the
	 * criteria it leaves to the table for every row; whether the CPU has
	 * POPCNT */
	lm_mentor_feat *feat;
	const uint64_t *fast_avail; /* scan_avail, or fast_avail_own without it */
	uint64_t *fast_avail_own;
	lm_score *avail_part;
	uint32_t *age_raw;
	/* the stage criterion's contribution by [stage verdict][age gap]
	 * (lm_stage_part_at), the seniority criterion's by arrival gap clamped
	 * to sen_lo .. sen_hi, and each criterion's contribution at
	 * LM_NEUTRAL and at LM_UNIT */
	lm_score *stage_part;
	lm_score *sen_part;
	int32_t sen_lo, sen_hi;
	lm_score fast_neutral[LM_CRIT_COUNT], fast_full[LM_CRIT_COUNT];
	/* kinds of mentor (modes, region) a row's region table covers, or 0
	 * when regions are too many for it */
	uint32_t fast_kinds;
	uint32_t fast_table_filters, fast_table_scores;
	gboolean has_popcnt;
	/* scorer_vec.c: the CPU has the AVX-512 parts the vector step uses and
	 * the model leaves nothing to the table; sen_part padded to 32 entries
	 * when it has no more (the step then looks up in registers) */
	gboolean vec_ok;
	lm_score vec_sen_part[32];
};

/* Criterion c's contribution at raw score raw (scorer.h: LM_UNIT). */
static inline lm_score lm_part(const lm_scorer *s, unsigned c, uint32_t raw)
{
	return (s->weight[c] * (lm_score)raw + LM_UNIT / 2) / LM_UNIT;
}

static inline gboolean lm_weighted(const lm_scorer *s, unsigned c)
{
	return s->weight[c] > 0;
}

static inline gboolean lm_required(const lm_scorer *s, unsigned c)
{
	return (s->required & (1u << c)) != 0;
}

static inline gboolean lm_active(const lm_scorer *s, unsigned c)
{
	return lm_weighted(s, c) || lm_required(s, c);
}

/* The raw scores of criteria from the people's own fields, shared by the
 * criteria table (criteria_*.c) and the fused pair step (scorer_fast.c),
 * which read those fields from different records. Formulas:
 * docs/criteria.md. */

/* Whether people with these modes and regions can meet (the region
 * filter), and the raw score of the best way. */
static inline gboolean lm_region_eval(const lm_scorer *s, uint8_t am, int32_t ar, uint8_t bm,
				      int32_t br, uint32_t *raw)
{
	gboolean feasible = FALSE;
	uint32_t best = 0;

	if (!am || !bm) {
		*raw = LM_NEUTRAL;
		return TRUE;
	}
	if (am & bm & LM_MODE_IN_PERSON) {
		feasible = TRUE;
		if (ar < 0 || br < 0)
			best = LM_NEUTRAL;
		else if (ar == br)
			best = LM_UNIT;
		else if ((s->region_adj[(size_t)ar * s->region_words + (uint32_t)br / 64] >> (br % 64)) & 1)
			best = s->p->region.neighbour_score;
		else
			feasible = FALSE;
	}
	if (am & bm & LM_MODE_ONLINE) {
		feasible = TRUE;
		best = MAX(best, s->p->region.online_score);
	}
	*raw = best;
	return feasible;
}

static inline gboolean lm_region_can_meet(const lm_scorer *s, uint8_t am, int32_t ar,
					  uint8_t bm, int32_t br)
{
	uint32_t raw;

	return lm_region_eval(s, am, ar, bm, br, &raw);
}

/* The stage criterion's two inputs as small numbers, so that the fused
 * pair step can look its contribution up: the stages' verdict (0 either
 * unknown, 1 the same, 2 different) and the age gap capped at max_age_gap
 * (max_age_gap + 1 when either birth year is unknown). */
static inline uint32_t lm_stage_verdict(int32_t a_stage, int32_t b_stage)
{
	return a_stage < 0 || b_stage < 0 ? 0 : a_stage == b_stage ? 1 : 2;
}

static inline uint32_t lm_age_index(const lm_scorer *s, int16_t a_birth, int16_t b_birth)
{
	uint32_t max = (uint32_t)s->p->stage.max_age_gap;

	if (a_birth == 0 || b_birth == 0)
		return max + 1;
	return MIN((uint32_t)abs(a_birth - b_birth), max);
}

/* Same life stage, and ages within max_age_gap (s->age_raw by gap). */
static inline uint32_t lm_stage_raw_at(const lm_scorer *s, uint32_t verdict, uint32_t age_ix)
{
	uint32_t stage = verdict == 0 ? LM_UNIT / 2 : verdict == 1 ? LM_UNIT : 0;
	uint32_t age = age_ix > (uint32_t)s->p->stage.max_age_gap ? LM_NEUTRAL : s->age_raw[age_ix];

	return (stage + age) / 2;
}

static inline uint32_t lm_stage_raw(const lm_scorer *s, int32_t a_stage, int16_t a_birth,
				    int32_t b_stage, int16_t b_birth)
{
	return lm_stage_raw_at(s, lm_stage_verdict(a_stage, b_stage),
			       lm_age_index(s, a_birth, b_birth));
}

/* Years past the ideal arrival gap over which seniority decays to 0. */
#define LM_SENIORITY_DECAY_YEARS 10

/* The mentor's head start in years against the ideal range. */
static inline uint32_t lm_seniority_gap_raw(const lm_scorer *s, int gap)
{
	int lo = s->p->seniority.ideal_lo, hi = s->p->seniority.ideal_hi;

	if (gap < lo)
		return 0;
	if (gap <= hi)
		return LM_UNIT;
	if (gap - hi >= LM_SENIORITY_DECAY_YEARS)
		return 0;
	return (uint32_t)((uint64_t)(LM_SENIORITY_DECAY_YEARS - (gap - hi)) * LM_UNIT /
			  LM_SENIORITY_DECAY_YEARS);
}

static inline uint32_t lm_seniority_raw(const lm_scorer *s, int16_t a_arrival, int16_t b_arrival)
{
	if (a_arrival == 0 || b_arrival == 0)
		return LM_NEUTRAL;
	return lm_seniority_gap_raw(s, a_arrival - b_arrival);
}

/* One side's soft gender wish about the other as a verdict: -1 when there
 * is none or it cannot be judged (a hard request, enforced by the filter
 * when hard_on; the other's gender unknown), else 1 if met and 0 if not. */
static inline int lm_gender_verdict(gboolean hard_on, uint8_t pref, uint8_t pref_required,
				    uint8_t other)
{
	if (pref == 0 || (pref_required && hard_on) || other == 0)
		return -1;
	return other == pref;
}

/* One side's origin wish as a verdict; "avoid_same" counts only when the
 * filter is off (otherwise every feasible pair meets it). */
static inline int lm_origin_verdict(gboolean avoid_counts, int32_t own, uint8_t pref,
				    int32_t other)
{
	if (own < 0 || other < 0)
		return -1;
	if (pref == LM_ORIGIN_PREFER_SAME)
		return own == other;
	if (pref == LM_ORIGIN_AVOID_SAME && avoid_counts)
		return own != other;
	return -1;
}

/* Averages two per-side verdicts (-1 = no opinion) into a raw score. */
static inline uint32_t lm_both_sides(int a, int b)
{
	if (a < 0 && b < 0)
		return LM_NEUTRAL;
	if (a < 0 || b < 0)
		return (a < 0 ? b : a) ? LM_UNIT : 0;
	return (uint32_t)(a + b) * (LM_UNIT / 2);
}

typedef gboolean (*lm_crit_parse_fn)(lm_json_doc *doc, const cJSON *obj, const char *path,
				     lm_model *m);
typedef void (*lm_crit_reset_fn)(lm_model_params *p);
/* Compiles what the criterion needs from the cohort into the scorer. */
typedef int (*lm_crit_bind_fn)(lm_scorer *s, lm_error **err);
typedef gboolean (*lm_crit_filter_fn)(const lm_scorer *s, const lm_pair_ref *pair);
typedef uint32_t (*lm_crit_score_fn)(const lm_scorer *s, const lm_pair_ref *pair);

typedef struct lm_criterion {
	const char *name;          /* the model JSON key and the result column */
	const char *required_key;  /* parameter switching the filter, NULL when fixed */
	gboolean default_required; /* engine default of the switch */
	const char *const *params; /* its own parameters besides weight and switch */
	lm_crit_parse_fn parse;    /* reads params; NULL when it has none */
	lm_crit_reset_fn reset;    /* engine defaults of params; NULL when none */
	lm_crit_bind_fn bind;      /* NULL when nothing to compile */
	lm_crit_filter_fn filter;  /* NULL: never rules a pair out */
	lm_crit_score_fn score;    /* NULL: never scores (no weight) */
	uint8_t filter_rank;       /* lm_scorer_feasible tries lower ranks first */
} lm_criterion;

extern const lm_criterion lm_criteria[LM_CRIT_COUNT];

/* Index of the criterion called name, or -1. */
int lm_criterion_lookup(const char *name);

/* scorer_scan.c: compiles scan_avail when the availability filter is on,
 * the region columns when the region filter is, and s->rest. */
void lm_scorer_scan_bind(lm_scorer *s);

/* scorer_fast.c: compiles the features of the fused pair step; last in
 * lm_scorer_new (it reads what the criteria's bind functions made). */
void lm_scorer_fast_bind(lm_scorer *s);
void lm_scorer_fast_free(lm_scorer *s);

/* criteria_people.c */
gboolean lm_crit_consent_filter(const lm_scorer *s, const lm_pair_ref *pair);
gboolean lm_crit_exclude_filter(const lm_scorer *s, const lm_pair_ref *pair);
gboolean lm_crit_gender_filter(const lm_scorer *s, const lm_pair_ref *pair);
uint32_t lm_crit_gender_score(const lm_scorer *s, const lm_pair_ref *pair);
gboolean lm_crit_origin_filter(const lm_scorer *s, const lm_pair_ref *pair);
uint32_t lm_crit_origin_score(const lm_scorer *s, const lm_pair_ref *pair);
void lm_crit_stage_reset(lm_model_params *p);
gboolean lm_crit_stage_parse(lm_json_doc *doc, const cJSON *obj, const char *path, lm_model *m);
uint32_t lm_crit_stage_score(const lm_scorer *s, const lm_pair_ref *pair);
void lm_crit_trained_reset(lm_model_params *p);
gboolean lm_crit_trained_parse(lm_json_doc *doc, const cJSON *obj, const char *path,
			       lm_model *m);
int lm_crit_trained_bind(lm_scorer *s, lm_error **err);
uint32_t lm_crit_trained_score(const lm_scorer *s, const lm_pair_ref *pair);

/* criteria_fit.c */
uint32_t lm_crit_goals_score(const lm_scorer *s, const lm_pair_ref *pair);
void lm_crit_language_reset(lm_model_params *p);
gboolean lm_crit_language_parse(lm_json_doc *doc, const cJSON *obj, const char *path,
				lm_model *m);
int lm_crit_language_bind(lm_scorer *s, lm_error **err);
gboolean lm_crit_language_filter(const lm_scorer *s, const lm_pair_ref *pair);
uint32_t lm_crit_language_score(const lm_scorer *s, const lm_pair_ref *pair);
gboolean lm_crit_level_filter(const lm_scorer *s, const lm_pair_ref *pair);
uint32_t lm_crit_level_score(const lm_scorer *s, const lm_pair_ref *pair);

/* criteria_region.c */
void lm_crit_region_reset(lm_model_params *p);
gboolean lm_crit_region_parse(lm_json_doc *doc, const cJSON *obj, const char *path,
			      lm_model *m);
int lm_crit_region_bind(lm_scorer *s, lm_error **err);
gboolean lm_crit_region_filter(const lm_scorer *s, const lm_pair_ref *pair);
uint32_t lm_crit_region_score(const lm_scorer *s, const lm_pair_ref *pair);

/* criteria_time.c */
void lm_crit_availability_reset(lm_model_params *p);
gboolean lm_crit_availability_parse(lm_json_doc *doc, const cJSON *obj, const char *path,
				    lm_model *m);
gboolean lm_crit_availability_filter(const lm_scorer *s, const lm_pair_ref *pair);
uint32_t lm_crit_availability_score(const lm_scorer *s, const lm_pair_ref *pair);
void lm_crit_seniority_reset(lm_model_params *p);
gboolean lm_crit_seniority_parse(lm_json_doc *doc, const cJSON *obj, const char *path,
				 lm_model *m);
gboolean lm_crit_seniority_filter(const lm_scorer *s, const lm_pair_ref *pair);
uint32_t lm_crit_seniority_score(const lm_scorer *s, const lm_pair_ref *pair);
/* Required: a mentee who made choices is paired only with a mentor chosen;
 * a mentee without choices with anyone (explicit rankings from the cohort). */
gboolean lm_crit_choice_filter(const lm_scorer *s, const lm_pair_ref *pair);
uint32_t lm_crit_choice_score(const lm_scorer *s, const lm_pair_ref *pair);
uint32_t lm_crit_continuity_score(const lm_scorer *s, const lm_pair_ref *pair);
void lm_crit_waiting_reset(lm_model_params *p);
gboolean lm_crit_waiting_parse(lm_json_doc *doc, const cJSON *obj, const char *path,
			       lm_model *m);
uint32_t lm_crit_waiting_score(const lm_scorer *s, const lm_pair_ref *pair);

#endif
