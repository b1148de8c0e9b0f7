/**
 * @file limits.h
 * @brief Limits against absurd input: file size, people, strings, lists, nesting.
 *
 * Cohort files come from hand-kept spreadsheets and from other programs, so
 * a file may be far larger or deeper than any real cohort: a runaway export,
 * a paste gone wrong, or a hostile file. Loading such input is refused early,
 * before memory is spent on it, with a located ::LM_ELIMIT error.
 *
 * An ::lm_limits holds one value per limit; NULL wherever an `lm_limits`
 * is taken means the defaults below. Limits are checked on the raw input,
 * before the format's own rules (which are often stricter: an id has at
 * most 64 bytes whatever the string limit says).
 *
 * | limit | default | range |
 * |---|---|---|
 * | file size | 256 MiB (::LM_LIMIT_DEFAULT_FILE_BYTES) | 1 byte to 4 GiB |
 * | people of one side | 1,000,000 (::LM_LIMIT_DEFAULT_PEOPLE) | 1 to 1,000,000 |
 * | bytes in one string or CSV cell | 65,536 (::LM_LIMIT_DEFAULT_STRING_BYTES) | 1 to 2^30 |
 * | entries of one list or map | 100,000 (::LM_LIMIT_DEFAULT_LIST_LENGTH) | 1 to 2^30 |
 * | JSON nesting depth | 64 (::LM_LIMIT_DEFAULT_DEPTH) | 1 to 64 |
 *
 * An options object is not thread-safe while it is being changed; once set
 * up it may be shared read-only by several threads.
 *
 * @defgroup limits Limits
 * @{
 */
#ifndef LIBMATCH_LIMITS_H
#define LIBMATCH_LIMITS_H

#include <stddef.h>
#include <libmatch/export.h>
#include <libmatch/error.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Default largest input file or buffer, in bytes (256 MiB). @since 0.1.0 */
#define LM_LIMIT_DEFAULT_FILE_BYTES ((size_t)256 << 20)
/** Default (and largest) number of mentees, and of mentors, in one cohort. @since 0.1.0 */
#define LM_LIMIT_DEFAULT_PEOPLE ((size_t)1000000)
/** Default largest string (JSON, keys included) or CSV cell, in bytes. @since 0.1.0 */
#define LM_LIMIT_DEFAULT_STRING_BYTES ((size_t)65536)
/** Default largest number of entries in one list or map (JSON array or
 *  object other than the lists of people; `;`-separated CSV cell). @since 0.1.0 */
#define LM_LIMIT_DEFAULT_LIST_LENGTH ((size_t)100000)
/** Default (and deepest) JSON nesting of arrays and objects. @since 0.1.0 */
#define LM_LIMIT_DEFAULT_DEPTH 64

/** A set of input limits. Opaque. @since 0.1.0 */
typedef struct lm_limits lm_limits;

/**
 * @brief Makes a set of limits holding the defaults.
 * @param[out] out receives the limits; caller owns them (lm_limits_free()).
 * @param[out] err optional error report, caller owns it.
 * @return 0, or LM_EINVAL when @p out is NULL.
 * @since 0.1.0
 */
LM_EXPORT int lm_limits_new(lm_limits **out, lm_error **err);

/**
 * @brief Frees a set of limits.
 * @param[in] limits the limits; NULL is allowed.
 * @since 0.1.0
 */
LM_EXPORT void lm_limits_free(lm_limits *limits);

/**
 * @brief Sets the largest input accepted, in bytes. A regular file is
 *        refused by its size before it is read.
 * @param[in,out] limits the limits.
 * @param[in] bytes 1 to 4 GiB.
 * @param[out] err optional error report.
 * @return 0, or LM_EINVAL (NULL limits, value out of range; nothing changed).
 * @since 0.1.0
 */
LM_EXPORT int lm_limits_set_max_file_bytes(lm_limits *limits, size_t bytes, lm_error **err);

/**
 * @brief Sets the largest number of mentees, and of mentors, in one input.
 * @param[in,out] limits the limits.
 * @param[in] people 1 to 1,000,000.
 * @param[out] err optional error report.
 * @return 0, or LM_EINVAL.
 * @since 0.1.0
 */
LM_EXPORT int lm_limits_set_max_people(lm_limits *limits, size_t people, lm_error **err);

/**
 * @brief Sets the longest string accepted: any JSON string (member names
 *        included, counted as written between the quotes) or CSV cell.
 * @param[in,out] limits the limits.
 * @param[in] bytes 1 to 2^30.
 * @param[out] err optional error report.
 * @return 0, or LM_EINVAL.
 * @since 0.1.0
 */
LM_EXPORT int lm_limits_set_max_string_bytes(lm_limits *limits, size_t bytes, lm_error **err);

/**
 * @brief Sets the most entries of one list or map: a JSON array or object
 *        (except the arrays of people, which the people limit bounds) or a
 *        `;`-separated CSV cell.
 * @param[in,out] limits the limits.
 * @param[in] entries 1 to 2^30.
 * @param[out] err optional error report.
 * @return 0, or LM_EINVAL.
 * @since 0.1.0
 */
LM_EXPORT int lm_limits_set_max_list_length(lm_limits *limits, size_t entries, lm_error **err);

/**
 * @brief Sets the deepest nesting of JSON arrays and objects. 64 is also a
 *        rule of the JSON readers: deeper input is malformed (LM_EPARSE,
 *        "nesting too deep") whatever the limit; a lower limit set here is
 *        refused with LM_ELIMIT.
 * @param[in,out] limits the limits.
 * @param[in] depth 1 to 64.
 * @param[out] err optional error report.
 * @return 0, or LM_EINVAL.
 * @since 0.1.0
 */
LM_EXPORT int lm_limits_set_max_depth(lm_limits *limits, int depth, lm_error **err);

/**
 * @brief The largest input accepted, in bytes.
 * @param[in] limits the limits; NULL gives the default.
 * @return the limit.
 * @since 0.1.0
 */
LM_EXPORT size_t lm_limits_max_file_bytes(const lm_limits *limits);

/**
 * @brief The largest number of people of one side.
 * @param[in] limits the limits; NULL gives the default.
 * @return the limit.
 * @since 0.1.0
 */
LM_EXPORT size_t lm_limits_max_people(const lm_limits *limits);

/**
 * @brief The longest string or CSV cell, in bytes.
 * @param[in] limits the limits; NULL gives the default.
 * @return the limit.
 * @since 0.1.0
 */
LM_EXPORT size_t lm_limits_max_string_bytes(const lm_limits *limits);

/**
 * @brief The most entries of one list or map.
 * @param[in] limits the limits; NULL gives the default.
 * @return the limit.
 * @since 0.1.0
 */
LM_EXPORT size_t lm_limits_max_list_length(const lm_limits *limits);

/**
 * @brief The deepest JSON nesting.
 * @param[in] limits the limits; NULL gives the default.
 * @return the limit.
 * @since 0.1.0
 */
LM_EXPORT int lm_limits_max_depth(const lm_limits *limits);

#ifdef __cplusplus
}
#endif

/** @} */
#endif
