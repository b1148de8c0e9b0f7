/**
 * @file cohort.h
 * @brief A cohort: the mentees and mentors of one matching run.
 *
 * A cohort is loaded from a `libmatch-cohort` v1 file (JSON, or CSV with one
 * row per person: docs/cohort-csv.md) and compiled
 * once: strings are interned to small ids, sets become bitsets and weekly
 * availability becomes a UTC bitmap. A loaded cohort is immutable, so one
 * cohort may be shared read-only by several threads.
 *
 * @defgroup cohort Cohort
 * @{
 */
#ifndef LIBMATCH_COHORT_H
#define LIBMATCH_COHORT_H

#include <stddef.h>
#include <libmatch/export.h>
#include <libmatch/error.h>
#include <libmatch/limits.h>

#ifdef __cplusplus
extern "C" {
#endif

/** A compiled cohort. Opaque. @since 0.1.0 */
typedef struct lm_cohort lm_cohort;

/** The two sides of a match. @since 0.1.0 */
typedef enum lm_role {
	LM_ROLE_MENTEE = 0, /**< A newcomer, student or other person being matched. */
	LM_ROLE_MENTOR = 1  /**< A role model, tutor or other person with capacity. */
} lm_role;

/**
 * @brief Loads a cohort from a file, under the default limits (limits.h).
 *
 * The whole file is validated; every problem found (up to a limit) is
 * reported in one chained ::lm_error with file, line, column and JSON path
 * (CSV: file, line and column name). A path of "-" reads standard input.
 * A name ending in `.csv` is read as CSV, one in `.json` as JSON; any other
 * (standard input) as JSON when it starts with `{` or `[`, else as CSV.
 *
 * @param[out] out receives the cohort; caller owns it (lm_cohort_free()).
 *             Untouched on failure.
 * @param[in] path the file to read.
 * @param[out] err optional error report, caller owns it.
 * @return 0, or LM_EIO (cannot read), LM_EPARSE (invalid content),
 *         LM_ELIMIT (too large), LM_ENOMEM, LM_EINVAL (NULL argument).
 * @since 0.1.0
 */
LM_EXPORT int lm_cohort_load_file(lm_cohort **out, const char *path, lm_error **err);

/**
 * @brief Loads a cohort from a file under given limits.
 *
 * As lm_cohort_load_file(); input beyond a limit is refused before it is
 * parsed, with one LM_ELIMIT error located at the offending line.
 *
 * @param[out] out receives the cohort; caller owns it (lm_cohort_free()).
 *             Untouched on failure.
 * @param[in] path the file to read; "-" for standard input.
 * @param[in] limits the limits (borrowed for the call); NULL for the defaults.
 * @param[out] err optional error report, caller owns it.
 * @return as lm_cohort_load_file().
 * @since 0.1.0
 */
LM_EXPORT int lm_cohort_load_file_with(lm_cohort **out, const char *path,
				       const lm_limits *limits, lm_error **err);

/**
 * @brief Loads a cohort from memory.
 * @param[out] out receives the cohort; caller owns it.
 * @param[in] data the document; need not be NUL-terminated; copied.
 * @param[in] len its length in bytes.
 * @param[in] name the name used in error messages (e.g. a file name);
 *            NULL gives "<memory>". It picks the format as a path does.
 * @param[out] err optional error report, caller owns it.
 * @return as lm_cohort_load_file(), without LM_EIO.
 * @since 0.1.0
 */
LM_EXPORT int lm_cohort_load_buffer(lm_cohort **out, const char *data, size_t len,
				    const char *name, lm_error **err);

/**
 * @brief Loads a cohort from memory under given limits.
 * @param[out] out receives the cohort; caller owns it.
 * @param[in] data the document; need not be NUL-terminated; copied.
 * @param[in] len its length in bytes.
 * @param[in] name the name used in error messages; NULL gives "<memory>".
 * @param[in] limits the limits (borrowed for the call); NULL for the defaults.
 * @param[out] err optional error report, caller owns it.
 * @return as lm_cohort_load_buffer().
 * @since 0.1.0
 */
LM_EXPORT int lm_cohort_load_buffer_with(lm_cohort **out, const char *data, size_t len,
					 const char *name, const lm_limits *limits,
					 lm_error **err);

/**
 * @brief Frees a cohort.
 * @param[in] cohort the cohort; NULL is allowed.
 * @since 0.1.0
 */
LM_EXPORT void lm_cohort_free(lm_cohort *cohort);

/**
 * @brief The number of people of one role.
 * @param[in] cohort the cohort.
 * @param[in] role which side.
 * @return the count; 0 for NULL.
 * @since 0.1.0
 */
LM_EXPORT size_t lm_cohort_count(const lm_cohort *cohort, lm_role role);

/**
 * @brief The id of the i-th person of a role, in file order.
 * @param[in] cohort the cohort.
 * @param[in] role which side.
 * @param[in] index 0 to lm_cohort_count() - 1.
 * @return borrowed from @p cohort, valid until it is freed; NULL when out of range.
 * @since 0.1.0
 */
LM_EXPORT const char *lm_cohort_id(const lm_cohort *cohort, lm_role role, size_t index);

/**
 * @brief Finds a person by id.
 * @param[in] cohort the cohort.
 * @param[in] id the pseudonymous id.
 * @param[out] role optional, receives the person's role.
 * @param[out] index optional, receives the person's index within the role.
 * @param[out] err optional error report, caller owns it.
 * @return 0, LM_ENOTFOUND, or LM_EINVAL.
 * @since 0.1.0
 */
LM_EXPORT int lm_cohort_find(const lm_cohort *cohort, const char *id, lm_role *role,
			     size_t *index, lm_error **err);

/**
 * @brief The SHA-256 of the bytes the cohort was loaded from, in hex.
 * @param[in] cohort the cohort.
 * @return borrowed from @p cohort (64 hex digits); "" for NULL.
 * @since 0.1.0
 */
LM_EXPORT const char *lm_cohort_digest(const lm_cohort *cohort);

#ifdef __cplusplus
}
#endif

/** @} */
#endif
