/**
 * @file error.h
 * @brief Status codes and located error reports.
 *
 * Every fallible function returns an int: 0 on success, a negative
 * ::lm_status on failure. Detail comes through an optional `lm_error **err`
 * argument, always the last one. Rules, as in GLib's GError:
 *  - `err` may be NULL when the caller wants only the status code;
 *  - `*err` must be NULL on entry; it is set only when the call fails;
 *  - an error already in `*err` is never overwritten;
 *  - the caller owns the error and frees it with lm_error_free().
 *
 * A report may hold several problems (for example every invalid field of a
 * cohort file, up to a limit): the first is the error itself, the rest are
 * reached with lm_error_next().
 *
 * Messages name files, ids, fields and JSON paths, never the values of
 * profile fields.
 *
 * @defgroup error Errors
 * @{
 */
#ifndef LIBMATCH_ERROR_H
#define LIBMATCH_ERROR_H

#include <libmatch/export.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Status codes. Success is 0; failures are negative. @since 0.1.0 */
typedef enum lm_status {
	LM_OK = 0,           /**< Success. */
	LM_EINVAL = -1,      /**< An argument or option is out of range or missing. */
	LM_EPARSE = -2,      /**< Input data is malformed or breaks a format rule. */
	LM_ENOTFOUND = -3,   /**< An id or name does not exist. */
	LM_EINFEASIBLE = -4, /**< The request contradicts a hard rule (e.g. a kept pair that breaks one). */
	LM_ENOMEM = -5,      /**< Out of memory. */
	LM_EIO = -6,         /**< A file cannot be read or written. */
	LM_EUSER = -7,       /**< A caller's callback asked to stop. */
	LM_ELIMIT = -8,      /**< Input exceeds a configured size limit. */
	LM_EINTERNAL = -9    /**< A bug in libmatch; please report it. */
} lm_status;

/** A located error report. Opaque; caller owns it. @since 0.1.0 */
typedef struct lm_error lm_error;

/**
 * @brief The status code of the error.
 * @param[in] err the error; NULL gives LM_OK.
 * @return a negative ::lm_status, or LM_OK for NULL.
 * @since 0.1.0
 */
LM_EXPORT int lm_error_code(const lm_error *err);

/**
 * @brief The whole report line: `FILE:LINE:COLUMN: JSON-PATH: message`
 *        (CSV input: `FILE:LINE: column NAME: message`); parts that are
 *        unknown are left out.
 * @param[in] err the error; NULL gives "".
 * @return borrowed from @p err, valid until it is freed.
 * @since 0.1.0
 */
LM_EXPORT const char *lm_error_message(const lm_error *err);

/**
 * @brief The message alone, without file, place or path.
 * @param[in] err the error; NULL gives "".
 * @return borrowed from @p err, valid until it is freed.
 * @since 0.1.0
 */
LM_EXPORT const char *lm_error_text(const lm_error *err);

/**
 * @brief The name of the file (or buffer) the problem is in.
 * @param[in] err the error.
 * @return borrowed from @p err, or NULL when not about a file.
 * @since 0.1.0
 */
LM_EXPORT const char *lm_error_file(const lm_error *err);

/**
 * @brief The 1-based line of the problem.
 * @param[in] err the error.
 * @return the line, or 0 when unknown.
 * @since 0.1.0
 */
LM_EXPORT unsigned long lm_error_line(const lm_error *err);

/**
 * @brief The 1-based column (in bytes) of the problem.
 * @param[in] err the error.
 * @return the column, or 0 when unknown.
 * @since 0.1.0
 */
LM_EXPORT unsigned long lm_error_column(const lm_error *err);

/**
 * @brief Where in the document the problem is: a JSON path such as
 *        `$.mentees[3].languages.ko`, or the column name of a CSV file.
 * @param[in] err the error.
 * @return borrowed from @p err, or NULL when there is none.
 * @since 0.1.0
 */
LM_EXPORT const char *lm_error_path(const lm_error *err);

/**
 * @brief The next problem of the same report.
 * @param[in] err the error.
 * @return borrowed from the head of the report (freed with it), or NULL.
 * @since 0.1.0
 */
LM_EXPORT const lm_error *lm_error_next(const lm_error *err);

/**
 * @brief The symbolic name of a status code, e.g. "LM_EPARSE".
 * @param[in] code a status code.
 * @return a static string; "LM_EUNKNOWN" for codes that do not exist.
 * @since 0.1.0
 */
LM_EXPORT const char *lm_status_name(int code);

/**
 * @brief Frees an error report and every problem chained to it.
 * @param[in] err the report; NULL is allowed and does nothing.
 * @since 0.1.0
 */
LM_EXPORT void lm_error_free(lm_error *err);

/**
 * @brief Frees memory that libmatch returned to the caller (strings and
 *        buffers documented as "free with lm_free()").
 * @param[in] ptr the memory; NULL is allowed.
 * @since 0.1.0
 */
LM_EXPORT void lm_free(void *ptr);

#ifdef __cplusplus
}
#endif

/** @} */
#endif
