/* A model bound to a cohort: the compiled form the hot loop calls. Not API.
 *
 * lm_scorer_new resolves every name in the model (neighbour regions, known
 * vocabularies) against the cohort's vocabularies once, so that checking or
 * scoring a pair is integer work with no allocation. A scorer is read-only
 * after creation and may be used by several threads at once. */
#ifndef LM_SCORER_H
#define LM_SCORER_H

#include <glib.h>
#include <stdint.h>
#include "libmatch/match.h"

/* A criterion's raw score runs from 0 to LM_UNIT (billionths, so that a
 * fraction like 2/3 of a weight rounds to the exact millionth: 2/3 of 30
 * points is 20.0, not 19.99998); its contribution to a pair's score is
 * weight_micro * raw / LM_UNIT rounded to the nearest millionth, half up.
 * weight_micro <= 10^9 and raw <= 10^9 keep the product inside int64. */
#define LM_UNIT 1000000000
/* Model parameters given as fractions (0..1) are parsed in millionths. */
#define LM_UNIT_PER_MICRO (LM_UNIT / 1000000)

typedef struct lm_scorer lm_scorer;

/* LM_EPARSE when the cohort uses a value outside a vocabulary the model
 * declares (located in the cohort's source, with the closest known value
 * suggested). */
int lm_scorer_new(lm_scorer **out, const lm_model *model, const lm_cohort *cohort,
		  lm_error **err);
void lm_scorer_free(lm_scorer *s);

const lm_cohort *lm_scorer_cohort(const lm_scorer *s);

/* Criteria in the engine's fixed table order (the same for every model). */
size_t lm_scorer_count(const lm_scorer *s);
const char *lm_scorer_name(const lm_scorer *s, size_t c);
/* Weight in millionths of a point; 0 when the criterion does not score. */
lm_score lm_scorer_weight(const lm_scorer *s, size_t c);
/* Whether the criterion acts as a hard constraint in this model. */
gboolean lm_scorer_required(const lm_scorer *s, size_t c);

/* Every hard constraint the pair fails: bit c set when criterion c rules it
 * out; 0 when the pair is feasible. */
uint32_t lm_scorer_check(const lm_scorer *s, uint32_t mentee, uint32_t mentor);

/* Faster: whether the pair is feasible (stops at the first failure). */
gboolean lm_scorer_feasible(const lm_scorer *s, uint32_t mentee, uint32_t mentor);

/* The pair's score; when components is not NULL it receives
 * lm_scorer_count() contributions that add up exactly to the score. */
lm_score lm_scorer_score(const lm_scorer *s, uint32_t mentee, uint32_t mentor,
			 lm_score *components);

/* The mentors that pass the cheapest, most selective hard filters (common
 * hours, then whether they can meet) with this mentee, ascending, into out
 * (room for every mentor); returns how many. Exactly the mentors those two
 * filters allow: callers still ask lm_scorer_feasible_scanned for the other
 * rules, but skip the 80% of pairs this rules out at a few nanoseconds each
 * (scorer_scan.c). */
uint32_t lm_scorer_scan(const lm_scorer *s, uint32_t mentee, uint32_t *out);

/* Regions (and "not given") up to which the scan's region test is a table
 * lookup by mentor kind. */
#define LM_SCAN_REGIONS 256

/* One mentee's scan prepared once, so that it can run over one range of
 * mentors at a time (a block of mentees against a block of mentors keeps
 * the mentors' data in cache). */
typedef struct lm_scan_row {
	const struct lm_person *me;
	gboolean by_region; /* the region test applies, through ok */
	gboolean by_kind;   /* ok is indexed by mentor kind */
	gboolean counted;   /* the scan counts common slots (lm_scorer_scan_range) */
	/* bit k: can meet a mentor of kind k (bits, so that a vector scan
	 * looks them up in registers) */
	uint64_t ok_bits[4 * LM_SCAN_REGIONS / 64];
} lm_scan_row;

/* Prepares row for mentee; the row borrows the scorer. */
void lm_scorer_scan_begin(const lm_scorer *s, uint32_t mentee, lm_scan_row *row);

/* A set of mentors packed for the scan on its own (their availability side
 * by side), for callers that try the same few mentors against many
 * mentees. */
typedef struct lm_scan_set lm_scan_set;

/* The set of the n mentors (ascending); free with lm_scan_set_free. */
lm_scan_set *lm_scan_set_new(const lm_scorer *s, const uint32_t *mentors, uint32_t n);
void lm_scan_set_free(lm_scan_set *set);

/* lm_scorer_scan over the set's mentors only: those that pass, ascending,
 * into out (room for the set's size), their counts as for
 * lm_scorer_scan_range; returns how many. */
uint32_t lm_scorer_scan_set(const lm_scorer *s, const lm_scan_row *row, const lm_scan_set *set,
			    uint32_t *out, uint16_t *counts);

/* lm_scorer_scan over the n mentors of a list, in any order and repeats
 * allowed (the pricing pass's, by price): those that pass, in list order,
 * into out (room for n; it may be mentors itself), their counts as for
 * lm_scorer_scan_range; returns how many. */
uint32_t lm_scorer_scan_list(const lm_scorer *s, const lm_scan_row *row, const uint32_t *mentors,
			     uint32_t n, uint32_t *out, uint16_t *counts);

/* lm_scorer_scan over the mentors first .. last - 1 only: first is a
 * multiple of 8, out has room for last - first mentors. When row->counted
 * and counts is not NULL (room for last - first), counts[i] receives the
 * slots mentor out[i] has in common with the mentee (meaningful when both
 * gave availability). */
uint32_t lm_scorer_scan_range(const lm_scorer *s, const lm_scan_row *row, uint32_t first,
			      uint32_t last, uint32_t *out, uint16_t *counts);

/* lm_scorer_feasible for a mentor that lm_scorer_scan returned for this
 * mentee: the same answer, without the filter the scan already applied. */
gboolean lm_scorer_feasible_scanned(const lm_scorer *s, uint32_t mentee, uint32_t mentor);

/* The model's default algorithm, objective and top-k ("assignment" section). */
int lm_scorer_default_algorithm(const lm_scorer *s);
int lm_scorer_default_objective(const lm_scorer *s);
long lm_scorer_default_top_k(const lm_scorer *s);

#endif
