/**
 * @file stable.h
 * @brief Stable matching and choice rounds on ranked preferences.
 *
 * For programmes where people rank each other: each mentee ranks mentors,
 * each mentor ranks mentees and has a capacity, and the answer is a
 * *stable* matching: no mentee and mentor who are not paired would both
 * rather be paired with each other than keep what they have. Deferred
 * acceptance (Gale and Shapley 1962) finds the stable matching that is
 * best for the proposing side (docs/stable.md).
 *
 * Preferences are read from the preferences JSON of FORMATS.md:
 * @code{.json}
 * {"mentees": {"a": ["x", "y"], "b": {"wants": 2, "ranking": ["y", "x"]}},
 *  "mentors": {"x": {"capacity": 2, "ranking": ["b", "a"]}, "y": {"ranking": ["a"]}}}
 * @endcode
 * A pair is acceptable only when each lists the other; a name listed by
 * one side only is ignored.
 *
 * Choice rounds (lm_options_set_algorithm() with ::LM_ALGORITHM_ROUNDS)
 * use only the mentees' lists: in file order, each mentee still wanting
 * takes their highest-ranked mentor with a free place, one per round.
 *
 * @defgroup stable Stable matching
 * @{
 */
#ifndef LIBMATCH_STABLE_H
#define LIBMATCH_STABLE_H

#include <stddef.h>
#include <libmatch/export.h>
#include <libmatch/error.h>
#include <libmatch/cohort.h>
#include <libmatch/match.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Ranked preferences of mentees and mentors. Opaque and immutable. @since 0.1.0 */
typedef struct lm_prefs lm_prefs;

/**
 * @brief Loads ranked preferences from a JSON file.
 *
 * The whole file is validated; every problem found (up to a limit) is
 * reported in one chained ::lm_error as `FILE:LINE:COLUMN: JSON-PATH:
 * message`: ids of 1-64 characters of [A-Za-z0-9._-], no id on both sides,
 * rankings naming only ids of the other side and none twice, `wants` 1 to
 * 16, `capacity` 0 to 1000000, unknown fields (other than `x-` ones).
 *
 * @param[out] out receives the preferences; caller owns them
 *             (lm_prefs_free()). Untouched on failure.
 * @param[in] path the file; "-" reads standard input.
 * @param[out] err optional error report, caller owns it.
 * @return 0, or LM_EIO (cannot read), LM_EPARSE (invalid content),
 *         LM_ELIMIT (too large), LM_ENOMEM, LM_EINVAL (NULL argument).
 * @since 0.1.0
 */
LM_EXPORT int lm_prefs_load_file(lm_prefs **out, const char *path, lm_error **err);

/**
 * @brief Loads ranked preferences from memory.
 * @param[out] out receives the preferences; caller owns them (lm_prefs_free()).
 * @param[in] data the document; need not be NUL-terminated; copied.
 * @param[in] len its length in bytes.
 * @param[in] name the name used in error messages; NULL gives "<memory>".
 * @param[out] err optional error report, caller owns it.
 * @return as lm_prefs_load_file(), without LM_EIO.
 * @since 0.1.0
 */
LM_EXPORT int lm_prefs_load_buffer(lm_prefs **out, const char *data, size_t len,
				   const char *name, lm_error **err);

/**
 * @brief Frees preferences.
 * @param[in] prefs the preferences; NULL is allowed.
 * @since 0.1.0
 */
LM_EXPORT void lm_prefs_free(lm_prefs *prefs);

/**
 * @brief The number of mentees or mentors, in file order.
 * @param[in] prefs the preferences.
 * @param[in] role which side.
 * @return the count; 0 for NULL or an unknown role.
 * @since 0.1.0
 */
LM_EXPORT size_t lm_prefs_count(const lm_prefs *prefs, lm_role role);

/**
 * @brief The id of a mentee or mentor.
 * @param[in] prefs the preferences.
 * @param[in] role which side.
 * @param[in] index 0 to lm_prefs_count() - 1, in file order.
 * @return borrowed from @p prefs, valid until it is freed; NULL when out of range.
 * @since 0.1.0
 */
LM_EXPORT const char *lm_prefs_id(const lm_prefs *prefs, lm_role role, size_t index);

/**
 * @brief The SHA-256 of the input bytes, as 64 lowercase hex digits.
 * @param[in] prefs the preferences.
 * @return borrowed from @p prefs; NULL for NULL.
 * @since 0.1.0
 */
LM_EXPORT const char *lm_prefs_digest(const lm_prefs *prefs);

/**
 * @brief Matches ranked preferences.
 *
 * Algorithm ::LM_ALGORITHM_STABLE (the default here, also when the options
 * leave the algorithm unset): deferred acceptance proposed by the side
 * chosen with lm_options_set_proposers(), giving the stable matching that
 * is best for every proposer. ::LM_ALGORITHM_ROUNDS: choice rounds in the
 * file order of mentees. Pairs carry score 0 and no criteria; the result's
 * model is NULL and it is not marked optimal (stability is a different
 * promise; docs/stable.md). Each mentee holding fewer mentors than wanted
 * is listed as unmatched: `no_acceptable_mentor` when no mentor both lists
 * the mentee and is listed back with a place to give (rounds: no listed
 * mentor with a place), otherwise `outranked` (stable: every acceptable
 * mentor is full with mentees they rank higher) or `capacity_taken`
 * (rounds: the places went to mentees who chose earlier), with the
 * mentee's best such mentor as `best_feasible`.
 *
 * Time and memory are linear in the total length of the rankings.
 *
 * @param[out] out receives the result; caller owns it (lm_result_free()).
 * @param[in] prefs the preferences (read only).
 * @param[in] options NULL for the defaults (stable, mentees propose).
 * @param[out] err optional error report.
 * @return 0; LM_EINVAL for NULL arguments or an algorithm other than stable
 *         and rounds; LM_ENOMEM.
 * @since 0.1.0
 */
LM_EXPORT int lm_prefs_solve(lm_result **out, const lm_prefs *prefs, const lm_options *options,
			     lm_error **err);

#ifdef __cplusplus
}
#endif

/** @} */
#endif
