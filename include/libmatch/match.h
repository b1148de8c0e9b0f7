/**
 * @file match.h
 * @brief Matching a cohort under a model: options, results, explanations.
 *
 * Scores are exact fixed-point numbers: an ::lm_score counts millionths of
 * a point (LM_SCORE_SCALE per point), so totals, ties and output are exact
 * and identical on every machine.
 *
 * @defgroup match Matching
 * @{
 */
#ifndef LIBMATCH_MATCH_H
#define LIBMATCH_MATCH_H

#include <stddef.h>
#include <stdint.h>
#include <libmatch/export.h>
#include <libmatch/error.h>
#include <libmatch/cohort.h>
#include <libmatch/model.h>

#ifdef __cplusplus
extern "C" {
#endif

/** A score in millionths of a point. @since 0.1.0 */
typedef int64_t lm_score;

/** Millionths per point: a score of 81.25 points is 81250000. @since 0.1.0 */
#define LM_SCORE_SCALE 1000000

/** The assignment algorithms. @since 0.1.0 */
typedef enum lm_algorithm {
	LM_ALGORITHM_OPTIMAL = 0, /**< Exact best total under capacities (min-cost flow). */
	LM_ALGORITHM_STABLE = 1,  /**< Stable matching by deferred acceptance. */
	LM_ALGORITHM_GREEDY = 2,  /**< Highest-scoring pair first; a baseline. */
	LM_ALGORITHM_FAIR = 3,    /**< Best lowest pair score, then best total. */
	LM_ALGORITHM_ROUNDS = 4   /**< Choice rounds: by time waiting, each mentee takes their
				       highest-ranked available mentor, round after round. */
} lm_algorithm;

/** Which side proposes in stable matching. @since 0.1.0 */
typedef enum lm_proposers {
	LM_PROPOSERS_MENTEES = 0, /**< The mentee-optimal stable matching. */
	LM_PROPOSERS_MENTORS = 1  /**< The mentor-optimal stable matching. */
} lm_proposers;

/** Who an explanation or result is for; private requests are redacted
 *  for the other side. @since 0.1.0 */
typedef enum lm_audience {
	LM_AUDIENCE_STAFF = 0,  /**< Program staff: everything (ids, criteria, counts). */
	LM_AUDIENCE_MENTEE = 1, /**< A mentee: nothing a mentor asked privately. */
	LM_AUDIENCE_MENTOR = 2  /**< A mentor: nothing a mentee asked privately. */
} lm_audience;

/** What the optimal assignment maximises. @since 0.1.0 */
typedef enum lm_objective {
	LM_OBJECTIVE_COVERAGE = 0, /**< Most mentees matched, then the highest total score. */
	LM_OBJECTIVE_SCORE = 1     /**< Highest total score; a pair that adds nothing is left out. */
} lm_objective;

/** Options of a run. Opaque; NULL everywhere means the defaults. @since 0.1.0 */
typedef struct lm_options lm_options;

/** A matching result. Opaque and immutable. @since 0.1.0 */
typedef struct lm_result lm_result;

/** Why a mentee is left unmatched. @since 0.1.0 */
typedef enum lm_unmatched_reason {
	LM_UNMATCHED_NO_FEASIBLE_MENTOR = 0, /**< Hard constraints rule out every mentor. */
	LM_UNMATCHED_CAPACITY_TAKEN = 1,     /**< Feasible mentors exist, their places went to others. */
	LM_UNMATCHED_NOT_WORTH_IT = 2,       /**< Objective `score`: every feasible pair adds nothing. */
	LM_UNMATCHED_NO_ACCEPTABLE_MENTOR = 3, /**< Stable, rounds: no mentor is both acceptable
						    to and accepting the mentee (e.g. every
						    feasible mentor has capacity 0).
						    @since 0.1.0 */
	LM_UNMATCHED_OUTRANKED = 4           /**< Stable: every mutually acceptable mentor is
						  full with mentees they rank higher.
						  @since 0.1.0 */
} lm_unmatched_reason;

/**
 * @brief Makes options holding the defaults: algorithm and objective from
 *        the model (optimal, coverage), 1 thread, seed 1, top-k from the model.
 * @param[out] out receives the options; caller owns them (lm_options_free()).
 * @param[out] err optional error report.
 * @return 0, LM_EINVAL, LM_ENOMEM.
 * @since 0.1.0
 */
LM_EXPORT int lm_options_new(lm_options **out, lm_error **err);

/**
 * @brief Frees options.
 * @param[in] options the options; NULL is allowed.
 * @since 0.1.0
 */
LM_EXPORT void lm_options_free(lm_options *options);

/**
 * @brief Sets the algorithm (overrides the model's).
 * @param[in,out] options the options.
 * @param[in] algorithm an ::lm_algorithm.
 * @param[out] err optional error report.
 * @return 0, or LM_EINVAL for a value out of range.
 * @since 0.1.0
 */
LM_EXPORT int lm_options_set_algorithm(lm_options *options, int algorithm, lm_error **err);

/**
 * @brief Sets the objective (overrides the model's).
 * @param[in,out] options the options.
 * @param[in] objective an ::lm_objective.
 * @param[out] err optional error report.
 * @return 0, or LM_EINVAL.
 * @since 0.1.0
 */
LM_EXPORT int lm_options_set_objective(lm_options *options, int objective, lm_error **err);

/**
 * @brief Sets the number of scoring threads, 1 to 256. The result does not
 *        depend on it.
 * @param[in,out] options the options.
 * @param[in] threads the thread count.
 * @param[out] err optional error report.
 * @return 0, or LM_EINVAL.
 * @since 0.1.0
 */
LM_EXPORT int lm_options_set_threads(lm_options *options, int threads, lm_error **err);

/**
 * @brief Sets the seed of the tie-break rule (see docs/solver.md).
 * @param[in,out] options the options.
 * @param[in] seed any value.
 * @param[out] err optional error report.
 * @return 0, or LM_EINVAL for NULL options.
 * @since 0.1.0
 */
LM_EXPORT int lm_options_set_seed(lm_options *options, uint64_t seed, lm_error **err);

/**
 * @brief Sets how many best candidates per mentee the solver starts from;
 *        0 keeps every feasible pair. The result is the exact optimum either
 *        way: pruned pairs are priced and added back when they could help.
 * @param[in,out] options the options.
 * @param[in] top_k 0 to 1000000.
 * @param[out] err optional error report.
 * @return 0, or LM_EINVAL.
 * @since 0.1.0
 */
LM_EXPORT int lm_options_set_top_k(lm_options *options, long top_k, lm_error **err);

/**
 * @brief Sets which side proposes in stable matching (default mentees).
 * @param[in,out] options the options.
 * @param[in] proposers an ::lm_proposers.
 * @param[out] err optional error report.
 * @return 0, or LM_EINVAL.
 * @since 0.1.0
 */
LM_EXPORT int lm_options_set_proposers(lm_options *options, int proposers, lm_error **err);

/**
 * @brief Sets who the result and explanations are for (default staff).
 * @param[in,out] options the options.
 * @param[in] audience an ::lm_audience.
 * @param[out] err optional error report.
 * @return 0, or LM_EINVAL.
 * @since 0.1.0
 */
LM_EXPORT int lm_options_set_audience(lm_options *options, int audience, lm_error **err);

/**
 * @brief Whether `current` pairs are kept as they are (1, the default) or
 *        everyone is re-optimised (0), each existing pair broken costing
 *        the break cost, so continuity holds unless a change is clearly better.
 * @param[in,out] options the options.
 * @param[in] keep 1 or 0.
 * @param[out] err optional error report.
 * @return 0, or LM_EINVAL.
 * @since 0.1.0
 */
LM_EXPORT int lm_options_set_keep_current(lm_options *options, int keep, lm_error **err);

/**
 * @brief Whether lm_match() computes the what-if for the unmatched (1, the
 *        default; see lm_result_what_if()). It finds maximum matchings
 *        over the pairs that fail at most one rule, checking a pair only
 *        when a search reaches it (about 0.6 s on 34,000 x 10,000; more when
 *        both sides keep thousands of free places); 0 leaves it out.
 * @param[in,out] options the options.
 * @param[in] what_if 1 or 0.
 * @param[out] err optional error report.
 * @return 0, or LM_EINVAL.
 * @since 0.1.0
 */
LM_EXPORT int lm_options_set_what_if(lm_options *options, int what_if, lm_error **err);

/**
 * @brief The cost of breaking one existing pair when re-optimising
 *        (lm_options_set_keep_current() 0), 0 to 10^9 millionths of a
 *        point; default 10 points.
 * @param[in,out] options the options.
 * @param[in] cost the cost.
 * @param[out] err optional error report.
 * @return 0, or LM_EINVAL.
 * @since 0.1.0
 */
LM_EXPORT int lm_options_set_break_cost(lm_options *options, lm_score cost, lm_error **err);

/**
 * @brief Parses an algorithm name ("optimal", "stable", "greedy", "fair", "rounds").
 * @param[in] name the name.
 * @return an ::lm_algorithm, or LM_EINVAL.
 * @since 0.1.0
 */
LM_EXPORT int lm_algorithm_from_name(const char *name);

/**
 * @brief The name of an algorithm.
 * @param[in] algorithm an ::lm_algorithm.
 * @return a static string, or NULL when out of range.
 * @since 0.1.0
 */
LM_EXPORT const char *lm_algorithm_name(int algorithm);

/**
 * @brief Parses a proposing side ("mentees", "mentors").
 * @param[in] name the name.
 * @return an ::lm_proposers, or LM_EINVAL.
 * @since 0.1.0
 */
LM_EXPORT int lm_proposers_from_name(const char *name);

/**
 * @brief The name of a proposing side.
 * @param[in] proposers an ::lm_proposers.
 * @return a static string, or NULL when out of range.
 * @since 0.1.0
 */
LM_EXPORT const char *lm_proposers_name(int proposers);

/**
 * @brief Parses an audience ("staff", "mentee", "mentor").
 * @param[in] name the name.
 * @return an ::lm_audience, or LM_EINVAL.
 * @since 0.1.0
 */
LM_EXPORT int lm_audience_from_name(const char *name);

/**
 * @brief The name of an audience.
 * @param[in] audience an ::lm_audience.
 * @return a static string, or NULL when out of range.
 * @since 0.1.0
 */
LM_EXPORT const char *lm_audience_name(int audience);

/**
 * @brief Parses an objective name ("coverage", "score").
 * @param[in] name the name.
 * @return an ::lm_objective, or LM_EINVAL.
 * @since 0.1.0
 */
LM_EXPORT int lm_objective_from_name(const char *name);

/**
 * @brief The name of an objective.
 * @param[in] objective an ::lm_objective.
 * @return a static string, or NULL when out of range.
 * @since 0.1.0
 */
LM_EXPORT const char *lm_objective_name(int objective);

/**
 * @brief Checks that a cohort fits a model: every value the cohort uses lies
 *        in the vocabularies the model declares, and every kept `current`
 *        pair passes the model's hard constraints.
 * @param[in] cohort the cohort.
 * @param[in] model the model.
 * @param[out] err optional error report (each problem located in the
 *             cohort file, with the closest known value suggested).
 * @return 0, LM_EPARSE, LM_EINFEASIBLE, LM_EINVAL.
 * @since 0.1.0
 */
LM_EXPORT int lm_validate(const lm_cohort *cohort, const lm_model *model, lm_error **err);

/**
 * @brief Scores every candidate pair of a cohort under a model and assigns
 *        the pairs.
 *
 * Hard constraints filter first; feasible pairs are scored; the assignment
 * keeps every mentee's `current` pairs and respects mentor capacities.
 * The result is a deterministic function of the inputs and the seed.
 *
 * @param[out] out receives the result; caller owns it (lm_result_free()).
 * @param[in] cohort the cohort (read only).
 * @param[in] model the model (read only).
 * @param[in] options NULL for the defaults.
 * @param[out] err optional error report.
 * @return 0; LM_EINVAL for NULL arguments; LM_EPARSE when the cohort uses a
 *         value outside the model's declared vocabulary (with a suggestion);
 *         LM_EINFEASIBLE when a kept `current` pair breaks a hard
 *         constraint or a mentor's capacity; LM_ENOMEM.
 * @since 0.1.0
 */
LM_EXPORT int lm_match(lm_result **out, const lm_cohort *cohort, const lm_model *model,
		       const lm_options *options, lm_error **err);

/**
 * @brief Frees a result.
 * @param[in] result the result; NULL is allowed.
 * @since 0.1.0
 */
LM_EXPORT void lm_result_free(lm_result *result);

/**
 * @brief The number of pairs, sorted by mentee id then mentor id.
 * @param[in] result the result.
 * @return the count; 0 for NULL.
 * @since 0.1.0
 */
LM_EXPORT size_t lm_result_pair_count(const lm_result *result);

/**
 * @brief The mentee id of the i-th pair.
 * @param[in] result the result.
 * @param[in] index 0 to lm_result_pair_count() - 1.
 * @return borrowed from @p result, valid until it is freed; NULL when out of range.
 * @since 0.1.0
 */
LM_EXPORT const char *lm_result_pair_mentee(const lm_result *result, size_t index);

/**
 * @brief The mentor id of the i-th pair.
 * @param[in] result the result.
 * @param[in] index 0 to lm_result_pair_count() - 1.
 * @return borrowed from @p result; NULL when out of range.
 * @since 0.1.0
 */
LM_EXPORT const char *lm_result_pair_mentor(const lm_result *result, size_t index);

/**
 * @brief The score of the i-th pair.
 * @param[in] result the result.
 * @param[in] index 0 to lm_result_pair_count() - 1.
 * @return the score in millionths of a point; -1 when out of range.
 * @since 0.1.0
 */
LM_EXPORT lm_score lm_result_pair_score(const lm_result *result, size_t index);

/**
 * @brief Whether the i-th pair was kept from the cohort's `current` pairs.
 * @param[in] result the result.
 * @param[in] index 0 to lm_result_pair_count() - 1.
 * @return 1 if kept, 0 if new or out of range.
 * @since 0.1.0
 */
LM_EXPORT int lm_result_pair_kept(const lm_result *result, size_t index);

/**
 * @brief The number of scoring criteria that explain each pair (those with
 *        a weight above 0); 0 for results of the pure solver.
 * @param[in] result the result.
 * @return the count.
 * @since 0.1.0
 */
LM_EXPORT size_t lm_result_criterion_count(const lm_result *result);

/**
 * @brief The name of the c-th explaining criterion.
 * @param[in] result the result.
 * @param[in] criterion 0 to lm_result_criterion_count() - 1.
 * @return a static string, or NULL when out of range.
 * @since 0.1.0
 */
LM_EXPORT const char *lm_result_criterion_name(const lm_result *result, size_t criterion);

/**
 * @brief What criterion c contributed to the i-th pair's score. The
 *        contributions of a pair add up exactly to its score.
 * @param[in] result the result.
 * @param[in] index the pair.
 * @param[in] criterion the criterion.
 * @return the contribution in millionths of a point; -1 when out of range.
 * @since 0.1.0
 */
LM_EXPORT lm_score lm_result_pair_contribution(const lm_result *result, size_t index,
					       size_t criterion);

/**
 * @brief The number of mentees left unmatched (or matched to fewer mentors
 *        than they want), sorted by id.
 * @param[in] result the result.
 * @return the count.
 * @since 0.1.0
 */
LM_EXPORT size_t lm_result_unmatched_count(const lm_result *result);

/**
 * @brief The id of the i-th unmatched mentee.
 * @param[in] result the result.
 * @param[in] index 0 to lm_result_unmatched_count() - 1.
 * @return borrowed from @p result; NULL when out of range.
 * @since 0.1.0
 */
LM_EXPORT const char *lm_result_unmatched_mentee(const lm_result *result, size_t index);

/**
 * @brief Why the i-th unmatched mentee is unmatched.
 * @param[in] result the result.
 * @param[in] index 0 to lm_result_unmatched_count() - 1.
 * @return an ::lm_unmatched_reason, or LM_EINVAL when out of range.
 * @since 0.1.0
 */
LM_EXPORT int lm_result_unmatched_reason(const lm_result *result, size_t index);

/**
 * @brief The name of a reason ("no_feasible_mentor", "capacity_taken", "not_worth_it",
 *        "no_acceptable_mentor", "outranked").
 * @param[in] reason an ::lm_unmatched_reason.
 * @return a static string, or NULL when out of range.
 * @since 0.1.0
 */
LM_EXPORT const char *lm_unmatched_reason_name(int reason);

/**
 * @brief The number of criteria of the run's model, scored or not: the
 *        names under which lm_result_unmatched_blocked_by() and
 *        lm_result_what_if_count() count (a criterion the model does not
 *        apply as a hard rule counts 0 and is not relaxable); 0 for results
 *        of the pure solver or lm_prefs_solve().
 * @param[in] result the result.
 * @return the count; 0 for NULL.
 * @since 0.1.0
 */
LM_EXPORT size_t lm_result_constraint_count(const lm_result *result);

/**
 * @brief The name of a criterion that may act as a hard constraint, e.g.
 *        "language" or "consent".
 * @param[in] result the result.
 * @param[in] constraint 0 to lm_result_constraint_count() - 1.
 * @return a static string; NULL when out of range.
 * @since 0.1.0
 */
LM_EXPORT const char *lm_result_constraint_name(const lm_result *result, size_t constraint);

/**
 * @brief For `no_feasible_mentor`: how many mentors the hard constraint
 *        named @p constraint rules out for this mentee (a mentor failing
 *        several constraints is counted under each).
 * @param[in] result the result.
 * @param[in] index the unmatched mentee.
 * @param[in] constraint a criterion name, e.g. "language".
 * @return the count, 0 for a constraint that ruled out nobody, -1 when the
 *         index is out of range.
 * @since 0.1.0
 */
LM_EXPORT long lm_result_unmatched_blocked_by(const lm_result *result, size_t index,
					      const char *constraint);

/**
 * @brief For `capacity_taken`: the feasible mentor with the best score.
 * @param[in] result the result.
 * @param[in] index the unmatched mentee.
 * @return borrowed from @p result, or NULL when there is none.
 * @since 0.1.0
 */
LM_EXPORT const char *lm_result_unmatched_best_feasible(const lm_result *result, size_t index);

/**
 * @brief The sum of the pair scores.
 * @param[in] result the result.
 * @return the total in millionths of a point; 0 for NULL.
 * @since 0.1.0
 */
LM_EXPORT lm_score lm_result_total_score(const lm_result *result);

/**
 * @brief Whether the result is proved optimal for its objective.
 * @param[in] result the result.
 * @return 1 or 0.
 * @since 0.1.0
 */
LM_EXPORT int lm_result_optimal(const lm_result *result);

/**
 * @brief The algorithm that produced the result.
 * @param[in] result the result.
 * @return an ::lm_algorithm, or LM_EINVAL for NULL.
 * @since 0.1.0
 */
LM_EXPORT int lm_result_algorithm(const lm_result *result);

/**
 * @brief The objective the result was produced under (see docs/policies.md
 *        for what it means for each algorithm).
 * @param[in] result the result.
 * @return an ::lm_objective, or LM_EINVAL for NULL.
 * @since 0.1.0
 */
LM_EXPORT int lm_result_objective(const lm_result *result);

/**
 * @brief The side that proposed, for a stable result.
 * @param[in] result the result.
 * @return an ::lm_proposers, or LM_EINVAL when the result is not stable (or NULL).
 * @since 0.1.0
 */
LM_EXPORT int lm_result_proposers(const lm_result *result);

/**
 * @brief The number of `current` pairs a re-optimising run
 *        (lm_options_set_keep_current() 0) broke, sorted by mentee id then
 *        mentor id; 0 when every current pair was kept.
 * @param[in] result the result.
 * @return the count; 0 for NULL.
 * @since 0.1.0
 */
LM_EXPORT size_t lm_result_broken_count(const lm_result *result);

/**
 * @brief The mentee id of the i-th broken pair.
 * @param[in] result the result.
 * @param[in] index 0 to lm_result_broken_count() - 1.
 * @return borrowed from @p result, valid until it is freed; NULL when out of range.
 * @since 0.1.0
 */
LM_EXPORT const char *lm_result_broken_mentee(const lm_result *result, size_t index);

/**
 * @brief The mentor id of the i-th broken pair.
 * @param[in] result the result.
 * @param[in] index 0 to lm_result_broken_count() - 1.
 * @return borrowed from @p result; NULL when out of range.
 * @since 0.1.0
 */
LM_EXPORT const char *lm_result_broken_mentor(const lm_result *result, size_t index);

/**
 * @brief For `greedy` and `fair` results: the optimal solver's total and
 *        pair count on the same input and objective, so the cost of the
 *        policy can be read as total − optimum.
 * @param[in] result the result.
 * @param[out] total optional, receives the optimum's total score.
 * @param[out] pairs optional, receives the optimum's number of pairs.
 * @return 1 when known, 0 otherwise (other algorithms, or NULL).
 * @since 0.1.0
 */
LM_EXPORT int lm_result_optimum(const lm_result *result, lm_score *total, size_t *pairs);

/**
 * @brief What-if for the unmatched: the single hard constraint whose
 *        relaxation alone would let the most more pairs be made (the
 *        largest number of pairs any assignment could make, with that
 *        constraint relaxed, minus the same number without relaxing; kept
 *        pairs and capacities as in the run). `consent` and `exclude` are
 *        never relaxed. Computed by lm_match() when some mentee is unmatched
 *        (unless lm_options_set_what_if() 0).
 * @param[in] result the result.
 * @param[out] constraint optional, receives the constraint's name (a static
 *             string), or NULL when no single relaxation helps.
 * @param[out] would_match optional, receives how many more pairs (for
 *             mentees who want one mentor each: more mentees matched).
 * @return 1 when a relaxation helps, 0 when none does, LM_EINVAL when the
 *         result carries no what-if (nobody unmatched, the pure solver, NULL).
 * @since 0.1.0
 */
LM_EXPORT int lm_result_what_if(const lm_result *result, const char **constraint,
				size_t *would_match);

/**
 * @brief What-if for one constraint (see lm_result_what_if()).
 * @param[in] result the result.
 * @param[in] constraint a criterion name, e.g. "availability".
 * @return how many more pairs relaxing it alone would allow, or -1 when it is
 *         not a relaxable hard constraint of the run's model or the result
 *         carries no what-if.
 * @since 0.1.0
 */
LM_EXPORT long lm_result_what_if_count(const lm_result *result, const char *constraint);

/** A single pair judged under a model. Opaque. @since 0.1.0 */
typedef struct lm_explanation lm_explanation;

/**
 * @brief Judges one pair: each hard constraint's verdict and each
 *        criterion's contribution to the score.
 * @param[out] out receives the explanation; caller owns it (lm_explanation_free()).
 * @param[in] cohort the cohort.
 * @param[in] model the model.
 * @param[in] mentee a mentee id.
 * @param[in] mentor a mentor id.
 * @param[out] err optional error report.
 * @return 0, LM_ENOTFOUND (no such mentee or mentor), LM_EPARSE
 *         (vocabulary), LM_EINVAL.
 * @since 0.1.0
 */
LM_EXPORT int lm_explain(lm_explanation **out, const lm_cohort *cohort, const lm_model *model,
			 const char *mentee, const char *mentor, lm_error **err);

/**
 * @brief Judges one pair for an audience (docs/privacy.md).
 *
 * ::LM_AUDIENCE_STAFF gives what lm_explain() gives. For
 * ::LM_AUDIENCE_MENTEE and ::LM_AUDIENCE_MENTOR nothing may show or betray
 * the other side's private requests (exclude lists, gender requests, origin
 * wishes): a pair failing any hard constraint is only "not available"
 * (lm_explanation_withheld() 1, no criteria, score 0), and an available
 * pair lists only the criteria that rest on no private request ("gender",
 * "origin" and "exclude" are left out), its score being their sum.
 *
 * @param[out] out receives the explanation; caller owns it (lm_explanation_free()).
 * @param[in] cohort the cohort.
 * @param[in] model the model.
 * @param[in] mentee a mentee id.
 * @param[in] mentor a mentor id.
 * @param[in] audience an ::lm_audience.
 * @param[out] err optional error report.
 * @return 0, LM_ENOTFOUND (no such mentee or mentor), LM_EPARSE
 *         (vocabulary), LM_EINVAL (NULL argument, unknown audience).
 * @since 0.1.0
 */
LM_EXPORT int lm_explain_for(lm_explanation **out, const lm_cohort *cohort,
			     const lm_model *model, const char *mentee, const char *mentor,
			     int audience, lm_error **err);

/**
 * @brief Whether the pair is "not available" with its reasons withheld
 *        from the audience (see lm_explain_for()).
 * @param[in] explanation the explanation.
 * @return 1 or 0 (always 0 for staff).
 * @since 0.1.0
 */
LM_EXPORT int lm_explanation_withheld(const lm_explanation *explanation);

/**
 * @brief Frees an explanation.
 * @param[in] explanation NULL is allowed.
 * @since 0.1.0
 */
LM_EXPORT void lm_explanation_free(lm_explanation *explanation);

/**
 * @brief Whether the pair passes every hard constraint.
 * @param[in] explanation the explanation.
 * @return 1 or 0.
 * @since 0.1.0
 */
LM_EXPORT int lm_explanation_feasible(const lm_explanation *explanation);

/**
 * @brief The pair's score (also computed for infeasible pairs, for information).
 * @param[in] explanation the explanation.
 * @return millionths of a point.
 * @since 0.1.0
 */
LM_EXPORT lm_score lm_explanation_score(const lm_explanation *explanation);

/**
 * @brief The number of criteria listed (every criterion of the engine).
 * @param[in] explanation the explanation.
 * @return the count.
 * @since 0.1.0
 */
LM_EXPORT size_t lm_explanation_criterion_count(const lm_explanation *explanation);

/**
 * @brief The name of the c-th criterion.
 * @param[in] explanation the explanation.
 * @param[in] criterion the index.
 * @return a static string, or NULL when out of range.
 * @since 0.1.0
 */
LM_EXPORT const char *lm_explanation_criterion_name(const lm_explanation *explanation,
						    size_t criterion);

/**
 * @brief The c-th criterion's contribution to the score.
 * @param[in] explanation the explanation.
 * @param[in] criterion the index.
 * @return millionths of a point; -1 when out of range.
 * @since 0.1.0
 */
LM_EXPORT lm_score lm_explanation_contribution(const lm_explanation *explanation,
					       size_t criterion);

/**
 * @brief The c-th criterion's hard-constraint verdict.
 * @param[in] explanation the explanation.
 * @param[in] criterion the index.
 * @return 1 passed, 0 failed, -1 not a hard constraint in this model (or out of range).
 * @since 0.1.0
 */
LM_EXPORT int lm_explanation_passed(const lm_explanation *explanation, size_t criterion);

#ifdef __cplusplus
}
#endif

/** @} */
#endif
